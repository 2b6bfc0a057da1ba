/* utf8.c: validation and encoding; decoding is inline in utf8.h. */
#include "utf8.h"
#include "bits.h"
#include "precis.h"


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
		/* ASCII runs dominate real text: skip them sixteen or eight
		 * bytes a test */
		i = pr_next_high(u, i, len);
		if (i >= len)
			break;
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
