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
		while (len - i >= 8 && !cli_json_special8(s + i))
			i += 8;
		if (i == len)
			break;
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

/* What "%.6g" writes for v, without printf where the answer is sure: v
 * from 1e-4 up to under 1e6, every score precis gives, is written as a
 * fraction (never with an exponent), its six significant digits the
 * integer nearest v * 10^(5 - e), for the e with 10^e <= v < 10^(e + 1).
 * The power of ten is exact (10^0 to 10^9) and the product is rounded once,
 * so it is off from the true product by under 1e-9; the nearest integer is
 * then the one printf rounds to unless the product lies within 1e-6 of a
 * half, and there (a tie printf breaks by the exact binary value), at a
 * power of ten, and outside the range, printf writes the number itself.
 * Returns the length written to out (room for 16), or 0 for printf. */
size_t cli_format_g6(char *out, double v)
{
	static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
	/* 10^(e + 1) for e from -4 to 4; an e one off at a power of ten
	 * makes d 1e6 or more, or under 1e5, which goes to printf */
	static const double above[] = {1e-3, 1e-2, 1e-1, 1e0, 1e1, 1e2, 1e3, 1e4, 1e5};
	if (!(v >= 1e-4 && v < 1e6))
		return 0;
	int e = -4;
	while (e < 5 && v >= above[e + 4])
		e++;
	double d = v * pow10[5 - e];
	double whole = floor(d);
	double frac = d - whole;
	if (d < 1e5 || fabs(frac - 0.5) < 1e-6)
		return 0;
	unsigned long r = (unsigned long)whole + (frac > 0.5);
	if (r >= 1000000)
		return 0;
	char dig[6];
	for (int k = 5; k >= 0; k--) {
		dig[k] = (char)('0' + r % 10);
		r /= 10;
	}
	int last = 5; /* the last digit of the fraction kept: its zeros go */
	while (last > 0 && dig[last] == '0')
		last--;
	size_t n = 0;
	if (e < 0) {
		out[n++] = '0';
		out[n++] = '.';
		for (int k = -1; k > e; k--)
			out[n++] = '0';
		for (int k = 0; k <= last; k++)
			out[n++] = dig[k];
	} else {
		for (int k = 0; k <= e; k++)
			out[n++] = dig[k];
		if (last > e) {
			out[n++] = '.';
			for (int k = e + 1; k <= last; k++)
				out[n++] = dig[k];
		}
	}
	return n;
}

void cli_json_number(cli_buf *b, double v)
{
	char tmp[40];
	if (!isfinite(v))
		v = 0.0;
	size_t n = cli_format_g6(tmp, v);
	if (!n)
		n = (size_t)snprintf(tmp, sizeof tmp, "%.6g", v);
	cli_buf_put(b, tmp, n);
}

void cli_json_key(cli_buf *b, const char *key)
{
	cli_json_string(b, key, strlen(key));
	cli_buf_putc(b, ':');
}
