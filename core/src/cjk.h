/* cjk.h: words for scripts written without spaces (cjk.c). */
#ifndef PRECIS_CJK_H
#define PRECIS_CJK_H

#include <stddef.h>
#include <stdint.h>

/* Is cp a character of a script written without spaces between words: Han,
 * kana, Thai, Lao, Khmer, Myanmar? (Hangul is not: Korean is spaced.) */
int pr_cjk_char(int32_t cp);

/* The token that starts at t[at], whose first code point is cp and k bytes
 * long, in a script written without spaces: [at, *end), the character
 * itself (or, built with CJK_BIGRAMS, the overlapping bigram it starts).
 * Returns 1 for a token, 0 for no token here (with bigrams: the last
 * character of a run), -1 if cp is not such a character. The tokenizer
 * resumes at at + k either way. */
int pr_cjk_token(const unsigned char *t, size_t n, size_t at, int32_t cp,
                 size_t k, size_t *end);

#endif
