/* block.c: STUB (to be replaced): paragraphs split at blank lines. */
#include "segment.h"
#include "alloc.h"

int pr_looks_like_markdown(const char *text, size_t len)
{
	(void)text; (void)len;
	return 0;
}

int pr_blocks(const char *text, size_t len, precis_format format,
              pr_block_fn fn, void *ctx)
{
	(void)format;
	size_t i = 0;
	while (i < len) {
		while (i < len && (text[i] == '\n' || text[i] == ' '))
			i++;
		size_t s = i;
		while (i < len && !(text[i] == '\n' && i + 1 < len && text[i + 1] == '\n'))
			i++;
		if (i > s) {
			uint32_t *map = pr_malloc_raw((i - s) * sizeof *map);
			char *t = pr_malloc_raw(i - s);
			if (!map || !t) { pr_free_raw(map); pr_free_raw(t); return PRECIS_ENOMEM; }
			for (size_t k = s; k < i; k++) { map[k - s] = (uint32_t)k; t[k - s] = text[k] == '\n' ? ' ' : text[k]; }
			pr_block b = { t, i - s, map, PR_BLOCK_PARAGRAPH, 0 };
			int rc = fn(ctx, &b);
			pr_free_raw(map); pr_free_raw(t);
			if (rc) return rc;
		}
	}
	return PRECIS_OK;
}
