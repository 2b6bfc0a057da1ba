/* encode.c: the CLI's own JSON encoding against plain references. Numbers
 * are the bytes printf writes: cli_buf_size() those of "%zu",
 * cli_json_number() those of "%.6g" (cli_format_g6() where it is sure,
 * printf elsewhere), on edge values and on millions of pseudo-random ones,
 * scores in [0, 1] most. Strings are escaped as a byte-at-a-time escaper
 * does, with each byte that needs it at every place of a word-at-a-time
 * scan. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "jsonin.h"

static int failures;
static unsigned long fast;

static void check_size(size_t v)
{
	char want[32];
	snprintf(want, sizeof want, "%zu", v);
	cli_buf b = CLI_BUF_INIT;
	cli_buf_size(&b, v);
	if (b.len != strlen(want) || memcmp(b.data, want, b.len) != 0) {
		if (failures++ < 20)
			fprintf(stderr, "%%zu of %zu: want %s, got %.*s\n", v, want, (int)b.len,
			        b.data);
	}
	cli_buf_free(&b);
}

static void check_number(double v)
{
	char want[40], got[40];
	snprintf(want, sizeof want, "%.6g", isfinite(v) ? v : 0.0);
	cli_buf b = CLI_BUF_INIT;
	cli_json_number(&b, v);
	snprintf(got, sizeof got, "%.*s", (int)b.len, b.data);
	if (strcmp(want, got) != 0 && failures++ < 20)
		fprintf(stderr, "%%.6g of %.17g: want %s, got %s\n", v, want, got);
	char tmp[16];
	size_t n = cli_format_g6(tmp, v);
	if (n) {
		fast++;
		if ((n != strlen(want) || memcmp(tmp, want, n) != 0) && failures++ < 20)
			fprintf(stderr, "fast %%.6g of %.17g: want %s, got %.*s\n", v, want,
			        (int)n, tmp);
	}
	cli_buf_free(&b);
}

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}
static double unit(void)
{
	return (double)(next() >> 11) * 0x1p-53;
}

/* The escaper cli_json_string() stands for, a byte at a time, for valid
 * UTF-8. */
static size_t escape_ref(char *out, const char *s, size_t len)
{
	size_t n = 0;
	out[n++] = '"';
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *e = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\b' ? "\\b"
		              : c == '\f' ? "\\f" : c == '\n' ? "\\n" : c == '\r' ? "\\r"
		              : c == '\t' ? "\\t" : NULL;
		if (e) {
			memcpy(out + n, e, 2);
			n += 2;
		} else if (c < 0x20) {
			n += (size_t)sprintf(out + n, "\\u%04x", c);
		} else {
			out[n++] = (char)c;
		}
	}
	out[n++] = '"';
	return n;
}

static void check_string(const char *s, size_t len)
{
	char want[512];
	size_t n = escape_ref(want, s, len);
	cli_buf b = CLI_BUF_INIT;
	cli_json_string(&b, s, len);
	if ((b.len != n || memcmp(b.data, want, n) != 0) && failures++ < 20)
		fprintf(stderr, "string of %zu bytes: want %.*s, got %.*s\n", len, (int)n, want,
		        (int)b.len, b.data);
	/* and batch mode's reader gives the string back */
	cli_buf line = CLI_BUF_INIT;
	cli_buf_puts(&line, "{\"text\":");
	cli_buf_put(&line, b.data, b.len);
	cli_buf_putc(&line, '}');
	cli_jobject o = {0};
	const char *msg;
	size_t at;
	if (cli_json_parse_object(&o, line.data, line.len, &msg, &at) != 0) {
		if (failures++ < 20)
			fprintf(stderr, "reading back %.*s: %s at %zu\n", (int)line.len, line.data, msg,
			        at);
	} else {
		const cli_jvalue *v = cli_jobject_get(&o, "text");
		if ((!v || v->type != CLI_JSTRING || v->len != len || memcmp(v->str, s, len) != 0) &&
		    failures++ < 20)
			fprintf(stderr, "reading back %.*s: not the string written\n", (int)line.len,
			        line.data);
		cli_jobject_free(&o);
	}
	cli_buf_free(&line);
	cli_buf_free(&b);
}

int main(void)
{
	/* strings: every byte that needs escaping, and bytes near them (space,
	 * 0x7F, the quote's and backslash's neighbours, a two-byte character),
	 * at every place of strings up to 40 bytes */
	static const char *specials[] = {"\"", "\\", "\n", "\t", "\r", "\b", "\f", "\x01",
	                                 "\x1f", " ", "\x7f", "!", "#", "[", "]", "\xc3\xa9"};
	for (size_t len = 0; len <= 40; len++)
		for (size_t at = 0; at < len || (at == 0 && len == 0); at++)
			for (size_t k = 0; k < sizeof specials / sizeof specials[0]; k++) {
				char s[64];
				for (size_t j = 0; j < len; j++)
					s[j] = (char)('a' + j % 26);
				size_t n = len;
				if (at < len) {
					size_t sl = strlen(specials[k]);
					if (at + sl > len)
						continue;
					memcpy(s + at, specials[k], sl);
				}
				check_string(s, n);
			}

	/* integers: every power of ten and its neighbours, the ends of size_t */
	check_size(0);
	check_size(SIZE_MAX);
	for (size_t p = 1; p <= SIZE_MAX / 10; p *= 10) {
		check_size(p - 1);
		check_size(p);
		check_size(p + 1);
	}
	for (int i = 0; i < 200000; i++)
		check_size((size_t)(next() >> (next() & 63)));

	/* numbers: the edges of the fast range, powers of ten and their
	 * neighbours, halves at the sixth digit, what is not finite */
	static const double edges[] = {0.0, -0.0, 1e-4, 1e6, 1.0, 0.5, 0.25, 0.125, 1.0 / 3,
	                               2.0 / 3, 0.1, 0.9999995, 0.99999949999, 0.00099999995,
	                               999999.5, 999999.4999, 123456.5, 1.234565, 0.1234565,
	                               9.5e-5, 1e-5, 1e300, -1.0, -0.25, NAN, INFINITY,
	                               -INFINITY, 5e-324, 1.5, 100.0, 1234567.0};
	for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
		check_number(edges[i]);
	for (int e = -8; e <= 8; e++) {
		double p = pow(10.0, e);
		check_number(p);
		check_number(nextafter(p, 0.0));
		check_number(nextafter(p, 2 * p));
		/* each d.ddddd5 at this decade and the doubles around it */
		for (int k = 0; k < 2000; k++) {
			double h = (100000 + (double)(next() % 900000) + 0.5) * p / 1e5;
			check_number(h);
			check_number(nextafter(h, 0.0));
			check_number(nextafter(h, 2 * h));
		}
	}
	for (int i = 0; i < 1500000; i++)
		check_number(unit());                          /* scores */
	for (int i = 0; i < 500000; i++)
		check_number(pow(10.0, -6 + 14 * unit()));     /* every decade */
	for (int i = 0; i < 200000; i++)
		check_number((double)(next() % 1000000) / 1e6); /* six-digit decimals */

	fprintf(stderr, "%lu of the numbers took the fast path\n", fast);
	if (fast < 2000000) {
		fprintf(stderr, "too few numbers took the fast path\n");
		failures++;
	}
	if (failures)
		fprintf(stderr, "%d number(s) written unlike printf\n", failures);
	return failures != 0;
}
