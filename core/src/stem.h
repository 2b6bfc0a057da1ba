/* stem.h: Snowball's English stemmer (Porter2) without Snowball (stem.c). */
#ifndef PRECIS_STEM_H
#define PRECIS_STEM_H

#include <stddef.h>

/* Snowball's "english" stem of the case-folded word s[0..n), without a
 * Snowball call, into out (PR_STEM_EN_MAX + 2 bytes, any of which may be
 * written, not only the stem's): the same stem libstemmer gives, for
 * words of at most PR_STEM_EN_MAX - 1 bytes of a-z, 0-9, apostrophes,
 * full stops and commas. Returns the stem's length, or -1 for any other
 * word (ask libstemmer). */
#define PR_STEM_EN_MAX 64
int pr_stem_english(const char *s, size_t n, char *out);

#endif
