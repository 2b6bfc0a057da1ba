/* cjk.h: words for scripts written without spaces (cjk.c). */
#ifndef PRECIS_CJK_H
#define PRECIS_CJK_H

#include <stddef.h>
#include <stdint.h>

/* Is cp a character of a script written without spaces between words: Han,
 * kana, Thai, Lao, Khmer, Myanmar? (Hangul is not: Korean is spaced.)
 * Inline: the tokenizer asks for every character. */
static inline int pr_cjk_char(int32_t cp)
{
	if (cp < 0x0E00)
		return 0;
	return (cp >= 0x0E00 && cp <= 0x0EFF) ||   /* Thai, Lao */
	       (cp >= 0x1000 && cp <= 0x109F) ||   /* Myanmar */
	       (cp >= 0x1780 && cp <= 0x17FF) ||   /* Khmer */
	       (cp >= 0x3040 && cp <= 0x30FF) ||   /* hiragana, katakana */
	       (cp >= 0x31F0 && cp <= 0x31FF) ||
	       (cp >= 0x3400 && cp <= 0x4DBF) ||   /* Han */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFF66 && cp <= 0xFF9F) ||   /* half-width katakana */
	       (cp >= 0x20000 && cp <= 0x2FA1F);
}

/* The token that starts at t[at], whose first code point is cp and k bytes
 * long, in a script written without spaces: [at, *end), the character
 * itself (or, built with CJK_BIGRAMS, the overlapping bigram it starts).
 * Returns 1 for a token, 0 for no token here (with bigrams: the last
 * character of a run), -1 if cp is not such a character. The tokenizer
 * resumes at at + k either way. */
int pr_cjk_token(const unsigned char *t, size_t n, size_t at, int32_t cp,
                 size_t k, size_t *end);

#endif
