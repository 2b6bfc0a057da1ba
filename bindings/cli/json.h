/* json.h: the few JSON encoders the CLI needs, appending to a cli_buf. */
#ifndef PRECIS_CLI_JSON_H
#define PRECIS_CLI_JSON_H

#include <stdint.h>
#include <string.h>

#include "buf.h"

/* The high bit of each of the eight bytes x that equals c: a byte that the
 * exclusive or makes zero has its high bit set after subtracting 1 from
 * every byte, unless it had it already. Exact as a test of whether any
 * byte does (a borrow only runs on above a byte that is c), which is all
 * its callers ask. */
static inline uint64_t cli_bytes_eq8(uint64_t x, unsigned char c)
{
	const uint64_t ones = 0x0101010101010101u;
	uint64_t y = x ^ ones * c;
	return (y - ones) & ~y & ones << 7;
}

/* Does one of the eight bytes at s need escaping in a JSON string: a
 * control character, a quote or a backslash? All eight tested at once
 * (bytes from 0x80 up, parts of longer characters, need none); most
 * strings hold none for long stretches. The writer (json.c) and the
 * reader (jsonin.c) skip eight bytes a step while this says no. */
static inline int cli_json_special8(const char *s)
{
	const uint64_t ones = 0x0101010101010101u;
	uint64_t x;
	memcpy(&x, s, 8);
	/* a byte under 0x20 has its high bit set after subtracting 0x20 */
	uint64_t control = (x - ones * 0x20) & ~x & ones << 7;
	return (control | cli_bytes_eq8(x, '"') | cli_bytes_eq8(x, '\\')) != 0;
}

/* A JSON string: quotes, backslashes and control characters escaped, valid
 * UTF-8 copied through, each byte of an invalid sequence written as \ufffd
 * (file names are bytes, not text), so the output is always valid JSON. */
void cli_json_string(cli_buf *b, const char *s, size_t len);

/* A number with six significant digits; NaN and infinities, which JSON
 * cannot carry, are written as 0. */
void cli_json_number(cli_buf *b, double v);

/* "%.6g" of v into out (room for 16) for the v it is sure of, most of
 * those from 1e-4 to 1e6; 0 for the others, which printf writes (json.c
 * says how; tests/cli/encode.c compares the two). */
size_t cli_format_g6(char *out, double v);

/* `"key":` */
void cli_json_key(cli_buf *b, const char *key);

#endif
