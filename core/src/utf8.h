/* utf8.h: decoding the caller's bytes. Invalid sequences decode to -1 with a
 * length of 1 (or the maximal valid prefix), so every scan advances and every
 * offset stays an offset into the caller's bytes. */
#ifndef PRECIS_UTF8_H
#define PRECIS_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define PR_REPLACEMENT 0xFFFD

/* Decode one code point at s[0..len) (len > 0). Returns the number of bytes
 * consumed (1..4); *cp is the code point, or -1 for an invalid sequence. */
static inline size_t pr_utf8_decode(const unsigned char *s, size_t len, int32_t *cp)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	size_t n;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2; v = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; v = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; v = c & 0x07; min = 0x10000;
	} else {
		*cp = -1;
		return 1;
	}
	size_t i;
	for (i = 1; i < n; i++) {
		if (i >= len || (s[i] & 0xC0) != 0x80) {
			*cp = -1;
			return i;
		}
		v = (v << 6) | (s[i] & 0x3F);
		/* reject overlongs, surrogates and > U+10FFFF as early as the
		 * second byte allows, so the maximal prefix rule holds */
		if (i == 1) {
			if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) ||
			    (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F)) {
				*cp = -1;
				return 1;
			}
		}
	}
	if (v < min) {
		*cp = -1;
		return 1;
	}
	*cp = (int32_t)v;
	return n;
}

/* Encode cp (a valid scalar value) into out (room for 4). Returns length. */
size_t pr_utf8_encode(int32_t cp, char *out);

/* Offset of the first invalid byte, or len if all of s is valid. */
size_t pr_utf8_validate(const char *s, size_t len);

#endif
