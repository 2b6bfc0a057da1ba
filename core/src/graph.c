#include "doc.h"
int pr_graph_build(pr_graph *g, precis_doc *doc, precis_similarity sim) { (void)sim; g->n = doc->nsents; g->row = pr_calloc(&doc->arena, g->n + 1, sizeof(size_t)); g->col = NULL; g->w = NULL; return g->row ? 0 : PRECIS_ENOMEM; }
