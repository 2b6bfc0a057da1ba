#include "doc.h"
int pr_rank(precis_doc *doc, const pr_graph *g) { (void)g; for (size_t i = 0; i < doc->nsents; i++) { doc->sents[i].score = 1.0 / (double)doc->nsents; doc->sents[i].rank = (uint32_t)i + 1; } return 0; }
int pr_pagerank(double *score, const pr_graph *g, double damping, double tolerance, unsigned max_iterations) { (void)damping; (void)tolerance; (void)max_iterations; for (size_t i = 0; i < g->n; i++) score[i] = 1.0 / (double)g->n; return 0; }
