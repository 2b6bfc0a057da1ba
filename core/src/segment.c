/* segment.c: glue between block.c and sentence.c. */
#include "segment.h"

typedef struct seg_ctx {
	pr_segmentation *out;
	pr_arena *arena;
	const pr_lang *lang;
} seg_ctx;

static int on_block(void *p, const pr_block *b)
{
	seg_ctx *c = p;
	int rc = pr_split_block(c->out, c->arena, b, c->out->nblocks, c->lang);
	c->out->nblocks++;
	return rc;
}

int pr_segment(pr_segmentation *out, pr_arena *a, const char *text, size_t len,
               precis_format format, const pr_lang *lang)
{
	pr_vec_init(&out->sents, sizeof(pr_sent));
	out->nblocks = 0;
	/* one sentence per hundred bytes is more than prose has (books and
	 * articles: about 120), so the vector is usually allocated once,
	 * where doubling copied it each time past the texts allocated since;
	 * pages it never fills are never touched */
	if (pr_vec_reserve(a, &out->sents, len / 100 + 16))
		return PRECIS_ENOMEM;
	if (format == PRECIS_FORMAT_AUTO)
		format = pr_looks_like_markdown(text, len) ? PRECIS_FORMAT_MARKDOWN
		                                           : PRECIS_FORMAT_PLAIN;
	out->format = format;
	seg_ctx c = { out, a, lang };
	return pr_blocks(text, len, format, on_block, &c);
}
