/* stem.h: Snowball's English stemmer (Porter2) without Snowball (stem.c). */
#ifndef PRECIS_STEM_H
#define PRECIS_STEM_H

#include <stddef.h>
#include <stdint.h>

/* Snowball's "english" stem of the case-folded word s[0..n), without a
 * Snowball call, into out (PR_STEM_EN_MAX + 2 bytes, any of which may be
 * written, not only the stem's): the same stem libstemmer gives, for
 * words of at most PR_STEM_EN_MAX - 1 bytes of a-z, 0-9, apostrophes,
 * full stops and commas. Returns the stem's length, or -1 for any other
 * word (ask libstemmer). */
#define PR_STEM_EN_MAX 64
int pr_stem_english(const char *s, size_t n, char *out);

/* May pr_stem_english() give a word that it takes and whose last byte is
 * c a stem other than the word itself? Only if c ends one of the
 * algorithm's suffixes or one of the words it treats apart: ' c d e g i
 * l m n r s t y. Every other word is its own stem, which a caller can
 * tell without the call. */
static inline int pr_stem_english_may_change(unsigned char c)
{
#define PR_STEM_BIT(x) ((uint32_t)1 << ((x) - 'a'))
	const uint32_t ends = PR_STEM_BIT('c') | PR_STEM_BIT('d') | PR_STEM_BIT('e') |
	                      PR_STEM_BIT('g') | PR_STEM_BIT('i') | PR_STEM_BIT('l') |
	                      PR_STEM_BIT('m') | PR_STEM_BIT('n') | PR_STEM_BIT('r') |
	                      PR_STEM_BIT('s') | PR_STEM_BIT('t') | PR_STEM_BIT('y');
#undef PR_STEM_BIT
	unsigned k = (unsigned)c - 'a';
	return c == '\'' || (k < 26 && (ends >> k & 1));
}

#endif
