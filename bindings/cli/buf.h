/* buf.h: a growable byte buffer. The CLI renders each document into one
 * buffer and writes it with a single fwrite, so output errors are checked in
 * one place and a JSON line is never interleaved with anything else. */
#ifndef PRECIS_CLI_BUF_H
#define PRECIS_CLI_BUF_H

#include <stddef.h>
#include <string.h>

typedef struct cli_buf {
	char *data;
	size_t len, cap;
	int oom; /* an allocation failed; later appends are ignored */
} cli_buf;

#define CLI_BUF_INIT { NULL, 0, 0, 0 }

/* Append p[0..n): in place when it fits, which is nearly always (a
 * document's JSON is a few hundred small pieces), else through
 * cli_buf_put_grow(). */
void cli_buf_put_grow(cli_buf *b, const void *p, size_t n);
static inline void cli_buf_put(cli_buf *b, const void *p, size_t n)
{
	if (n <= b->cap - b->len && !b->oom) {
		if (n)
			memcpy(b->data + b->len, p, n);
		b->len += n;
	} else {
		cli_buf_put_grow(b, p, n);
	}
}
static inline void cli_buf_puts(cli_buf *b, const char *s)
{
	cli_buf_put(b, s, strlen(s));
}
static inline void cli_buf_putc(cli_buf *b, char c)
{
	cli_buf_put(b, &c, 1);
}
void cli_buf_size(cli_buf *b, size_t v);
void cli_buf_reset(cli_buf *b);
void cli_buf_free(cli_buf *b);

#endif
