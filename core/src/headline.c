#include "doc.h"
#include <string.h>
int pr_headline(precis_doc *doc) { if (doc->nsents) { size_t n = doc->sents[0].len; if (n > doc->opts.headline_bytes) n = doc->opts.headline_bytes; doc->headline = pr_strndup(&doc->arena, doc->sents[0].text, n); doc->headline_len = n; } return 0; }
