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

/* pr_stem_english() of a word that the caller knows it takes (every byte
 * one of a-z, 0-9, ' . and ,: a folded ASCII token, token.c), without
 * checking its bytes again; for any other word the stem is unspecified
 * (but the call reads and writes nothing it should not). */
int pr_stem_english_taken(const char *s, size_t n, char *out);

/* Which bytes before a final small letter may let a step change a word:
 * bit b - 0x60 of entry c - 0x60 (bit 0 for any b that is not a small
 * letter) is set when a word that ends in the two bytes b c, and that
 * pr_stem_english() takes, may get a stem other than itself (stem.c says
 * which those are). */
extern const uint32_t pr_stem_en_before[32];

/* May pr_stem_english() give the word s[0..n), one that it takes, a stem
 * other than the word itself? Only if its last two bytes end one of the
 * algorithm's suffixes or one of the words it treats apart (a final e, s
 * or apostrophe always may; a final t only after an n, as in ment, ant
 * and ent; a digit, full stop or comma never), or if it begins with an
 * apostrophe, which goes. Every other word, a third of those an English
 * article would stem, is its own stem, which a caller can tell without
 * the call. */
static inline int pr_stem_english_may_change(const char *s, size_t n)
{
	if (n < 3)
		return 0;
	unsigned last = (unsigned char)s[n - 1] - 0x60u, before = (unsigned char)s[n - 2];
	before = before > 0x60 ? (before - 0x60) & 31 : 0;
	return s[0] == '\'' || s[n - 1] == '\'' ||
	       (last < 32 && (pr_stem_en_before[last] >> before & 1));
}

#endif
