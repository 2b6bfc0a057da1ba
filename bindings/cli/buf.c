/* buf.c: a growable byte buffer (see buf.h). */
#include "buf.h"

#include <stdlib.h>
#include <string.h>

static int grow(cli_buf *b, size_t n)
{
	if (b->oom)
		return -1;
	if (n <= b->cap - b->len)
		return 0;
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len < n) {
		if (cap > (size_t)-1 / 2) {
			cap = (size_t)-1;
			if (cap - b->len < n)
				goto fail;
			break;
		}
		cap *= 2;
	}
	char *p = realloc(b->data, cap);
	if (!p)
		goto fail;
	b->data = p;
	b->cap = cap;
	return 0;
fail:
	b->oom = 1;
	return -1;
}

void cli_buf_put_grow(cli_buf *b, const void *p, size_t n)
{
	if (n == 0 || grow(b, n))
		return;
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

/* Decimal digits written from the last, as "%zu" gives them: a JSON
 * document holds five such numbers a sentence, and snprintf() costs a
 * format parse and a stream set-up for each. */
void cli_buf_size(cli_buf *b, size_t v)
{
	char tmp[24];
	char *p = tmp + sizeof tmp;
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	cli_buf_put(b, p, (size_t)(tmp + sizeof tmp - p));
}

/* Empty the buffer but keep its memory for the next document. */
void cli_buf_reset(cli_buf *b)
{
	b->len = 0;
	b->oom = 0;
}

void cli_buf_free(cli_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
}
