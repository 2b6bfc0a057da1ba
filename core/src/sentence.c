/* sentence.c: STUB (to be replaced): split after ". ". */
#include "segment.h"

static int emit(pr_segmentation *out, pr_arena *a, const pr_block *b, size_t s, size_t e, uint32_t bi)
{
	while (s < e && b->text[s] == ' ') s++;
	while (e > s && b->text[e - 1] == ' ') e--;
	if (e == s) return 0;
	pr_sent *x = pr_vec_push(a, &out->sents);
	if (!x) return PRECIS_ENOMEM;
	x->start = b->map[s]; x->end = b->map[e - 1] + 1;
	x->text = pr_strndup(a, b->text + s, e - s);
	if (!x->text) return PRECIS_ENOMEM;
	x->len = (uint32_t)(e - s); x->block = bi; x->kind = (uint8_t)b->kind;
	return 0;
}

int pr_split_block(pr_segmentation *out, pr_arena *a, const pr_block *b,
                   uint32_t bi, const pr_lang *lang)
{
	(void)lang;
	size_t s = 0;
	for (size_t i = 0; i < b->len; i++) {
		if ((b->text[i] == '.' || b->text[i] == '!' || b->text[i] == '?') && (i + 1 == b->len || b->text[i + 1] == ' ')) {
			int rc = emit(out, a, b, s, i + 1, bi);
			if (rc) return rc;
			s = i + 1;
		}
	}
	return emit(out, a, b, s, b->len, bi);
}
