/* utf8.c: validation and encoding; decoding is inline in utf8.h. */
#include "utf8.h"
#include "precis.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

size_t pr_utf8_encode(int32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t pr_utf8_validate(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		/* ASCII runs dominate real text: skip them sixteen at a time
		 * where the machine has SSE2 (the top bits of sixteen bytes in
		 * one instruction), then eight at a time */
#if defined(__SSE2__)
		while (len - i >= 16 &&
		       !_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(u + i))))
			i += 16;
#endif
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, u + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		int32_t cp;
		size_t n = pr_utf8_decode(u + i, len - i, &cp);
		if (cp < 0)
			return i;
		i += n;
	}
	return len;
}

int precis_utf8_check(const char *text, size_t len, size_t *bad_offset)
{
	if (!text && len)
		return PRECIS_EINVAL;
	size_t at = pr_utf8_validate(text, len);
	if (at == len)
		return PRECIS_OK;
	if (bad_offset)
		*bad_offset = at;
	return PRECIS_EUTF8;
}
