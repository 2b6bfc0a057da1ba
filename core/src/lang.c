/* lang.c: language lookup, stop words, abbreviations and detection. */
#include "lang.h"
#include "bits.h"
#include "hash.h"
#include "precis.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

const pr_lang *pr_lang_find(const char *code)
{
	for (size_t i = 0; i < pr_nlanguages; i++)
		if (strcmp(pr_languages[i].code, code) == 0)
			return &pr_languages[i];
	return NULL;
}

const pr_lang *pr_lang_default(void)
{
	const pr_lang *en = pr_lang_find("en");
	return en ? en : &pr_languages[0];
}

const char *const *precis_languages(void)
{
	return pr_language_codes;
}

/* Fold word[0..n) into buf (cap bytes). Returns the folded length, or 0 if it
 * does not fit or is not valid UTF-8 (such words are never in a list). */
size_t pr_lang_fold(const char *word, size_t n, char *buf, size_t cap)
{
	size_t i = 0;
	/* ASCII eight bytes at a time (hash.h, pr_fold_ascii8()) */
	if (n <= cap) {
		const uint64_t high = 0x8080808080808080ull;
		for (; i + 8 <= n; i += 8) {
			uint64_t x;
			memcpy(&x, word + i, 8);
			if (x & high)
				break;
			x = pr_fold_ascii8(x);
			memcpy(buf + i, &x, 8);
		}
		/* and the last one to seven bytes as one number, when buf has
		 * room for all eight (most words are that short) */
		if (i < n && n - i < 8 && i + 8 <= cap) {
			uint64_t x = pr_load_tail(word + i, n - i);
			if (!(x & high)) {
				x = pr_fold_ascii8(x);
				/* one store, its bytes in the order
				 * pr_load_tail() read them */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
				x = __builtin_bswap64(x);
#endif
				memcpy(buf + i, &x, 8);
				return n;
			}
		}
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)word[i];
		if (c >= 0x80)
			break;
		if (i >= cap)
			return 0;
		buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	if (i == n)
		return n;
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)word,
	                                  (utf8proc_ssize_t)n, &out,
	                                  UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                                  UTF8PROC_CASEFOLD);
	size_t m = 0;
	if (r > 0 && (size_t)r <= cap) {
		memcpy(buf, out, (size_t)r);
		m = (size_t)r;
	}
	free(out);
	return m;
}

static int cmp_key(const char *key, size_t n, const char *entry)
{
	int c = strncmp(key, entry, n);
	if (c)
		return c;
	return entry[n] ? -1 : 0;
}

static ptrdiff_t find(const char *const *list, size_t count, const char *key, size_t n)
{
	size_t lo = 0, hi = count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_key(key, n, list[mid]);
		if (c == 0)
			return (ptrdiff_t)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

int pr_lang_is_stop(const pr_lang *lang, const char *word, size_t n)
{
	char buf[64];
	size_t m = pr_lang_fold(word, n, buf, sizeof buf);
	if (!m || !lang)
		return 0;
	/* typographic apostrophes count as ASCII ones: "don’t" */
	char norm[64];
	size_t k = 0;
	for (size_t i = 0; i < m; i++) {
		if (i + 2 < m && (unsigned char)buf[i] == 0xE2 &&
		    (unsigned char)buf[i + 1] == 0x80 &&
		    (unsigned char)buf[i + 2] == 0x99) {
			norm[k++] = '\'';
			i += 2;
		} else {
			norm[k++] = buf[i];
		}
	}
	return pr_lang_is_stop_folded(lang, norm, k);
}

/* The record of word[0..n) (1 to 254 bytes, hash h = pr_stop_hash()) in
 * one of a language's tables (gen_data.py, pool_table()), or NULL. A
 * probe compares tags, which hold the length, and reads the pool only
 * when they agree, so memcmp decides. */
static const pr_word_slot *probe(const pr_word_slot *slot, const char *pool,
                                 size_t mask, const char *word, size_t n, uint32_t h)
{
	uint32_t tag = pr_slot_check(h, n);
	for (size_t i = h & mask; slot[i].tag; i = (i + 1) & mask)
		if (slot[i].tag == tag && memcmp(pool + slot[i].off, word, n) == 0)
			return &slot[i];
	return NULL;
}

/* A language has few graph words (gen_data.py): a scan of them, for a
 * word that the filter has let through. */
uint32_t pr_lang_graph_term(const pr_lang *lang, const char *folded, size_t n)
{
	for (size_t k = 0; k < lang->ngraph_words; k++) {
		/* the lengths tell most of them apart */
		if (lang->graph_len[k] == n && memcmp(lang->graph_word[k], folded, n) == 0)
			return lang->graph_term[k];
	}
	return 0;
}

/* Keep a function out of its caller: the probes below need registers
 * that a caller which returns at the filter, as most do, would otherwise
 * save and restore on every call. */
#if defined(__GNUC__) || defined(__clang__)
#define PR_NOINLINE __attribute__((noinline))
#else
#define PR_NOINLINE
#endif

/* Out of line, as stop_any_probe(): the tokenizer's call of
 * pr_lang_word() returns at the filter for most words. */
PR_NOINLINE unsigned pr_lang_word_probe(const pr_lang *l, const char *folded, size_t n, uint32_t h)
{
	const pr_word_slot *s = probe(l->word_slot, l->word_pool, l->word_mask, folded, n, h);
	return s ? s->flags : 0;
}

unsigned pr_kp_flags(unsigned long long lang, const char *folded, size_t n)
{
	if (!lang || n == 0 || n >= 255)
		return 0;
	return pr_lang_word(&pr_languages[pr_ctz64(lang)], folded, n,
	                    pr_stop_hash(folded, n)) & PR_KP_MASK;
}

/* A probe of the language's abbreviation table (gen_data.py), as for its
 * stop words: the sentence splitter asks about the word before every full
 * stop, and nearly all of them are not abbreviations, which the tags tell
 * without reading a string. */
int pr_lang_abbrev(const pr_lang *lang, const char *word, size_t n)
{
	if (!lang)
		return PR_ABBR_NONE;
	char buf[64];
	size_t m = pr_lang_fold(word, n, buf, sizeof buf);
	if (!m)
		return PR_ABBR_NONE;
	uint32_t h = pr_stop_hash(buf, m), tag = pr_slot_check(h, m);
	for (size_t i = h & lang->abbrev_mask; lang->abbrev_tag[i];
	     i = (i + 1) & lang->abbrev_mask) {
		size_t k = lang->abbrev_word[i];
		if (lang->abbrev_tag[i] == tag && memcmp(lang->abbrev[k], buf, m) == 0)
			return lang->abbrev_kind[k];
	}
	return PR_ABBR_NONE;
}

/* The longest multi-word abbreviation that text begins with, or 0. */
size_t pr_lang_abbrev_multi(const pr_lang *lang, const char *text, size_t n,
                            int *kind)
{
	if (!lang)
		return 0;
	for (size_t k = 0; k < lang->nabbrev_multi; k++) {
		const unsigned char *e = (const unsigned char *)lang->abbrev_multi[k];
		size_t i = 0, j = 0;
		while (e[j] && i < n) {
			utf8proc_int32_t a, b;
			utf8proc_ssize_t la = utf8proc_iterate(e + j, -1, &a);
			utf8proc_ssize_t lb = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
			                                       (utf8proc_ssize_t)(n - i), &b);
			if (la <= 0 || lb <= 0 || utf8proc_tolower(b) != a)
				break;
			j += (size_t)la;
			i += (size_t)lb;
		}
		/* the whole entry, then its final full stop */
		if (!e[j] && i < n && text[i] == '.') {
			*kind = lang->abbrev_multi_kind[k];
			return i + 1;
		}
	}
	return 0;
}

/* Elided words that an apostrophe joins to the next word: French l'état,
 * qu'il, Italian dell'anno, Catalan l'any. Folded, sorted per language. */
static const char *const elide_fr[] = {
	"c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "presqu", "puisqu",
	"qu", "quelqu", "quoiqu", "s", "t",
};
static const char *const elide_it[] = {
	"all", "buon", "c", "d", "dall", "dell", "dev", "l", "nell", "quell",
	"quest", "sull", "un",
};
static const char *const elide_ca[] = { "d", "l", "m", "n", "s", "t" };

/* The language's elided words (sorted; *count of them), or NULL. The
 * code is compared a byte at a time: two letters and the NUL. */
static const char *const *elisions(const pr_lang *lang, size_t *count)
{
	const char *c = lang ? lang->code : "";
	if (c[0] == 'f' && c[1] == 'r' && !c[2]) {
		*count = sizeof elide_fr / sizeof elide_fr[0];
		return elide_fr;
	}
	if (c[0] == 'i' && c[1] == 't' && !c[2]) {
		*count = sizeof elide_it / sizeof elide_it[0];
		return elide_it;
	}
	if (c[0] == 'c' && c[1] == 'a' && !c[2]) {
		*count = sizeof elide_ca / sizeof elide_ca[0];
		return elide_ca;
	}
	*count = 0;
	return NULL;
}

int pr_lang_has_elision(const pr_lang *lang)
{
	size_t count;
	return elisions(lang, &count) != NULL;
}

int pr_lang_elision(const pr_lang *lang, const char *word, size_t n)
{
	size_t count;
	const char *const *list = elisions(lang, &count);
	if (!list || n > 7)
		return 0;
	char buf[8];
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)word[i];
		if (c >= 0x80)
			return 0;
		buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return find(list, count, buf, n) >= 0;
}

/* pr_stop_langs() past its filter: as probe(), over records that hold
 * the languages too; a miss reads records only, a hit its record and its
 * word. */
static PR_NOINLINE unsigned long long stop_any_probe(const char *folded, size_t n, uint32_t h)
{
	uint32_t tag = pr_slot_check(h, n);
	const pr_any_slot *slot = pr_stop_any_slot;
	for (size_t i = h & pr_stop_any_mask; slot[i].tag; i = (i + 1) & pr_stop_any_mask)
		if (slot[i].tag == tag && memcmp(pr_stop_any_pool + slot[i].off, folded, n) == 0)
			return slot[i].langs;
	return 0;
}

unsigned long long pr_stop_langs(const char *folded, size_t n)
{
	/* no stop word is empty or 255 bytes long */
	if (n == 0 || n >= 255)
		return 0;
	uint32_t h = pr_stop_hash(folded, n);
	/* most words asked about are no stop word: the filter, a few
	 * kilobytes, tells nearly all of them without reading the table */
	if (!pr_filter_may_hold(pr_stop_any_filter, pr_stop_any_filter_mask, h))
		return 0;
	return stop_any_probe(folded, n, h);
}
