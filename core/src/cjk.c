/* cjk.c: words for scripts written without spaces.
 *
 * Chinese and Japanese put no space between words, and precis carries no
 * dictionary to find them. Each Han or kana character is read as a word of
 * its own; the stop list (zh.stop, ja.stop) holds the function characters
 * (的 是 了 在), so what the graph counts are content characters, and IDF
 * damps the common ones. Overlapping character bigrams were measured too
 * (pr_cjk_token can return them: CJK_BIGRAMS) and did worse on the Chinese
 * dev set (lcsts_zh, headline F1 26.79 against 27.28 for single characters;
 * the top-ranked sentence 25.86 against 26.07), so single characters it is.
 *
 * Thai, Lao, Khmer and Myanmar are written without spaces between words too;
 * they get the same treatment, which at least lets sentences that share
 * words meet in the graph.
 */
#include "cjk.h"

#include "utf8.h"

#define CJK_BIGRAMS 0

int pr_cjk_token(const unsigned char *t, size_t n, size_t at, int32_t cp,
                 size_t k, size_t *end)
{
	if (!pr_cjk_char(cp))
		return -1;
	if (!CJK_BIGRAMS) {
		*end = at + k;
		return 1;
	}
	int32_t next = -1;
	size_t k2 = 0;
	if (at + k < n)
		k2 = pr_utf8_decode(t + at + k, n - at - k, &next);
	if (pr_cjk_char(next)) {
		*end = at + k + k2;
		return 1;
	}
	/* the run's last character: alone only if the run is one long */
	if (at > 0) {
		size_t p = at - 1;
		while (p > 0 && (t[p] & 0xC0) == 0x80)
			p--;
		int32_t prev;
		pr_utf8_decode(t + p, at - p, &prev);
		if (pr_cjk_char(prev))
			return 0;
	}
	*end = at + k;
	return 1;
}
