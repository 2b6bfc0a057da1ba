#include "doc.h"
int pr_select(precis_doc *doc) { size_t n = doc->nsents < doc->opts.sentences ? doc->nsents : doc->opts.sentences; doc->summary = pr_calloc(&doc->arena, n + 1, sizeof(uint32_t)); if (!doc->summary) return PRECIS_ENOMEM; for (size_t i = 0; i < n; i++) { doc->summary[i] = (uint32_t)i; doc->sents[i].selected = 1; } doc->nsummary = n; return 0; }
