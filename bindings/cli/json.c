/* json.c: JSON encoding into a cli_buf (see json.h). */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "precis.h"

static void escape_ascii(cli_buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t run = 0; /* start of the bytes not yet copied */

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[6];
		size_t n = 2;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		esc[0] = '\\';
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 0xf];
			n = 6;
		}
		cli_buf_put(b, s + run, i - run);
		cli_buf_put(b, esc, n);
		run = i + 1;
	}
	cli_buf_put(b, s + run, len - run);
}

void cli_json_string(cli_buf *b, const char *s, size_t len)
{
	cli_buf_putc(b, '"');
	while (len > 0) {
		size_t bad = len;
		if (precis_utf8_check(s, len, &bad) == PRECIS_OK)
			bad = len;
		escape_ascii(b, s, bad);
		if (bad == len)
			break;
		cli_buf_puts(b, "\\ufffd");
		s += bad + 1;
		len -= bad + 1;
	}
	cli_buf_putc(b, '"');
}

void cli_json_number(cli_buf *b, double v)
{
	char tmp[40];
	if (!isfinite(v))
		v = 0.0;
	int n = snprintf(tmp, sizeof tmp, "%.6g", v);
	cli_buf_put(b, tmp, (size_t)n);
}

void cli_json_key(cli_buf *b, const char *key)
{
	cli_json_string(b, key, strlen(key));
	cli_buf_putc(b, ':');
}
