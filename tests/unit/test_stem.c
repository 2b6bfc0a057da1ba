/* stem.c: the English stemmer gives libstemmer's "english" stems. */
#include <criterion/criterion.h>
#include <libstemmer.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "hash.h"
#include "stem.h"

/* pr_stem_english against libstemmer's "english": the same stem for every
 * word it takes, and -1 for the words it leaves to libstemmer; and
 * pr_stem_english_taken, which does not check the bytes, the same stem. */
static size_t same_stem(struct sb_stemmer *sb, const char *w, size_t n)
{
	char out[PR_STEM_EN_MAX + 2], unchecked[PR_STEM_EN_MAX + 2];
	int k = pr_stem_english(w, n, out);
	cr_assert(k >= 0, "\"%.*s\" refused", (int)n, w);
	cr_assert(pr_stem_english_taken(w, n, unchecked) == k &&
	          memcmp(unchecked, out, (size_t)k) == 0,
	          "\"%.*s\": pr_stem_english_taken differs", (int)n, w);
	const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)n);
	cr_assert_not_null(r);
	int rl = sb_stemmer_length(sb);
	cr_assert(rl == k && memcmp(r, out, (size_t)k) == 0,
	          "\"%.*s\": libstemmer \"%.*s\", pr_stem_english \"%.*s\"",
	          (int)n, w, rl, (const char *)r, k, out);
	return 1;
}

/* Every suffix the algorithm lists, and a few endings around them. */
static const char *const suffixes[] = {
	"", "'", "'s", "'s'", "s", "es", "sses", "ies", "ied", "us", "ss",
	"ed", "edly", "eed", "eedly", "ing", "ingly", "at", "bl", "iz", "bb",
	"dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt", "cc", "y", "Y",
	"tional", "enci", "anci", "abli", "entli", "izer", "ization",
	"ational", "ation", "ator", "alism", "aliti", "alli", "fulness",
	"ousli", "ousness", "iveness", "iviti", "biliti", "bli", "ogi", "logi",
	"fulli", "lessli", "li", "cli", "tli", "ali", "alize", "icate",
	"iciti", "ical", "ful", "ness", "ative", "al", "ance", "ence", "er",
	"ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
	"iti", "ous", "ive", "ize", "ion", "sion", "tion", "e", "le", "ll",
	"l", "ly", "ing", "ings", "edness",
};

/* Roots that reach every step's conditions (the R1 prefixes, short
 * syllables, doubled letters, y after a vowel, leading apostrophes) and
 * every suffix the algorithm lists, alone and two deep; then strings of
 * random letters with a suffix. */
Test(stem, english_stems_match_snowball_on_made_up_words)
{
	static const char *const roots[] = {
		"", "a", "o", "y", "ab", "be", "by", "sky", "say", "hop", "hope", "tap",
		"fil", "cri", "ti", "di", "agr", "ble", "happ", "fizz", "yell", "bye",
		"ey", "gener", "commun", "arsen", "generat", "communit", "arsenal",
		"nation", "relat", "condit", "valid", "formal", "ration", "sensit",
		"electr", "luxur", "prob", "car", "cares", "pony", "caress", "consign",
		"knight", "bow", "box", "tax", "play", "toy", "employ", "'tis", "'y",
		"news", "inn", "ski", "dy", "ly", "ty", "idl", "gentl", "ugl", "earl",
		"onl", "singl", "howe", "atlas", "cosmos", "bias", "andes", "succe",
		"proce", "exce", "herr", "earr", "cann", "out", "sion", "tion", "x1",
		"3d", "u.s", "e.g", "don't", "o'neil",
	};
	struct sb_stemmer *sb = sb_stemmer_new("english", "UTF_8");
	cr_assert_not_null(sb);
	char w[PR_STEM_EN_MAX];
	size_t checked = 0;
	size_t nr = sizeof roots / sizeof roots[0], ns = sizeof suffixes / sizeof suffixes[0];
	for (size_t r = 0; r < nr; r++) {
		for (size_t a = 0; a < ns; a++) {
			for (size_t b = 0; b < ns; b += a ? ns : 1) {
				int n = snprintf(w, sizeof w, "%s%s%s", roots[r], suffixes[a], suffixes[b]);
				/* 'Y' is the algorithm's own mark: folded words never
				 * hold capitals, and pr_stem_english refuses them */
				if (n > 0 && !strchr(w, 'Y'))
					checked += same_stem(sb, w, (size_t)n);
			}
		}
	}
	static const char letters[] = "aeiouybcdfghlmnprstvwxz'";
	uint32_t seed = 12345;
	for (int i = 0; i < 200000; i++) {
		seed = seed * 1103515245u + 12345u;
		size_t n = 1 + (seed >> 16) % 10;
		for (size_t k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			w[k] = letters[(seed >> 16) % (sizeof letters - 1)];
		}
		seed = seed * 1103515245u + 12345u;
		const char *sfx = suffixes[(seed >> 16) % ns];
		if (strchr(sfx, 'Y'))
			sfx = "";
		size_t m = strlen(sfx);
		memcpy(w + n, sfx, m);
		checked += same_stem(sb, w, n + m);
	}
	cr_expect(checked > 200000);
	sb_stemmer_delete(sb);
}

/* Every distinct word of the shared evaluation and benchmark texts, when
 * they are there (../shared beside the repository). */
Test(stem, english_stems_match_snowball_on_the_shared_texts)
{
	const char *dir = getenv("PRECIS_SHARED");
	static const char *const files[] = {
		"eval/bbc_news_summary.dev.jsonl", "eval/cnndm_frank.dev.jsonl",
		"eval/duc2003_task1.dev.jsonl", "eval/duc2004_task1.dev.jsonl",
		"eval/xsum_frank.dev.jsonl", "bench/bench-1mb.txt", "bench/bench-10mb.txt",
	};
	struct sb_stemmer *sb = sb_stemmer_new("english", "UTF_8");
	pr_arena a;
	pr_strmap seen;
	pr_arena_init(&a);
	pr_strmap_init(&seen);
	size_t files_read = 0;
	for (size_t f = 0; dir && f < sizeof files / sizeof files[0]; f++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, files[f]);
		FILE *fp = fopen(path, "rb");
		if (!fp)
			continue;
		files_read++;
		char w[PR_STEM_EN_MAX];
		size_t n = 0;
		int c;
		/* runs of what a folded English token holds */
		while ((c = fgetc(fp)) != EOF) {
			if (c >= 'A' && c <= 'Z')
				c += 32;
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' ||
			    c == '.' || c == ',') {
				if (n < sizeof w - 1)
					w[n] = (char)c;
				n++;
				continue;
			}
			if (n && n < sizeof w)
				cr_assert_neq(pr_strmap_intern(&seen, &a, w, n, NULL), UINT32_MAX);
			n = 0;
		}
		fclose(fp);
	}
	if (!files_read) {
		sb_stemmer_delete(sb);
		pr_strmap_free(&seen);
		pr_arena_release(&a);
		cr_skip_test("no shared texts");
	}
	for (size_t i = 0; i < seen.n; i++)
		same_stem(sb, seen.key[i], seen.keylen[i]);
	cr_expect(seen.n > 1000, "%zu words", seen.n);
	sb_stemmer_delete(sb);
	pr_strmap_free(&seen);
	pr_arena_release(&a);
}

/* What pr_stem_english leaves to libstemmer: capitals (a folded word has
 * none, and 'Y' is the algorithm's mark), letters beyond ASCII, other
 * punctuation and words of 64 bytes and more. */
Test(stem, english_stemmer_refuses_what_it_does_not_handle)
{
	char out[PR_STEM_EN_MAX + 2];
	cr_expect_eq(pr_stem_english("Running", 7, out), -1);
	cr_expect_eq(pr_stem_english("sYnthesis", 9, out), -1);
	cr_expect_eq(pr_stem_english("caf\xc3\xa9s", 6, out), -1);
	cr_expect_eq(pr_stem_english("well-known", 10, out), -1);
	char w[PR_STEM_EN_MAX];
	memset(w, 'a', sizeof w);
	cr_expect_eq(pr_stem_english(w, PR_STEM_EN_MAX, out), -1);
	cr_expect_geq(pr_stem_english(w, PR_STEM_EN_MAX - 1, out), 0);
	/* and some stems everyone knows, for a reader of this file */
	static const char *const t[][2] = {
		{ "running", "run" }, { "hoping", "hope" }, { "hopping", "hop" },
		{ "ponies", "poni" }, { "ties", "tie" }, { "skies", "sky" },
		{ "generously", "generous" }, { "knightly", "knight" },
		{ "consignment", "consign" }, { "proceed", "proceed" },
		{ "communism", "communism" }, { "news", "news" }, { "cry", "cri" },
		{ "by", "by" }, { "say", "say" }, { "it's", "it" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int k = pr_stem_english(t[i][0], strlen(t[i][0]), out);
		cr_expect(k == (int)strlen(t[i][1]) && memcmp(out, t[i][1], (size_t)k) == 0,
		          "%s: %.*s", t[i][0], k, out);
	}
}

/* A word that pr_stem_english_may_change() rules out by its last two
 * bytes is its own stem, which token.c takes without asking the stemmer:
 * after roots that reach each step and each exception with a byte cut or
 * added, every two bytes the stemmer takes as the last two; and the
 * exceptions themselves, which are not their own stems, all end in two
 * bytes it lets through. A leading apostrophe, which goes, always may
 * change a word. */
Test(stem, english_words_ending_in_no_suffix_are_their_own_stems)
{
	static const char takes[] = "abcdefghijklmnopqrstuvwxyz0123456789'.,";
	static const char *const before[] = {
		"", "a", "y", "ay", "sk", "ski", "skie", "new", "idl", "ugl", "onl",
		"how", "bia", "dyin", "lyin", "tyin", "earl", "atla", "ande", "gentl",
		"singl", "cosmo", "hopp", "generat", "nation", "fulnes", "izatio",
		"emen", "ousnes", "eedl", "ingl", "communi", "agre", "logi", "3.1", "inn",
		"out", "exce", "procee", "cann", "herr", "y'", "o",
	};
	static const char *const exceptions[] = {
		"sky", "skis", "idly", "ugly", "only", "news", "howe", "bias", "skies",
		"dying", "lying", "tying", "early", "atlas", "andes", "gently", "singly",
		"cosmos",
	};
	struct sb_stemmer *sb = sb_stemmer_new("english", "UTF_8");
	cr_assert_not_null(sb);
	char out[PR_STEM_EN_MAX + 2], w[32];
	size_t own = 0, asked = 0;
	for (size_t i = 0; i < sizeof before / sizeof before[0]; i++) {
		for (size_t c = 0; c < sizeof takes - 1; c++) {
			for (size_t d = 0; d < sizeof takes - 1; d++) {
				int n = snprintf(w, sizeof w, "%s%c%c", before[i], takes[c], takes[d]);
				if (pr_stem_english_may_change(w, (size_t)n)) {
					asked++;
					continue;
				}
				int k = pr_stem_english(w, (size_t)n, out);
				cr_expect(k == n && memcmp(out, w, (size_t)n) == 0, "%s: %.*s", w, k, out);
				same_stem(sb, w, (size_t)n);
				own++;
			}
		}
	}
	cr_expect_gt(own, asked);
	for (size_t i = 0; i < sizeof exceptions / sizeof exceptions[0]; i++) {
		size_t n = strlen(exceptions[i]);
		cr_expect(pr_stem_english_may_change(exceptions[i], n), "%s", exceptions[i]);
	}
	/* what the two bytes tell apart: "most" and "exist" against
	 * "payment"; "day" against "cry"; a leading apostrophe */
	cr_expect(!pr_stem_english_may_change("most", 4));
	cr_expect(!pr_stem_english_may_change("exist", 5));
	cr_expect(pr_stem_english_may_change("payment", 7));
	cr_expect(!pr_stem_english_may_change("day", 3));
	cr_expect(pr_stem_english_may_change("cry", 3));
	cr_expect(!pr_stem_english_may_change("tis", 2));
	cr_expect(pr_stem_english_may_change("'tax", 4));
	sb_stemmer_delete(sb);
}

/* A number (digits, full stops and commas, ending in a digit) is its own
 * stem, as libstemmer has it too (token.c does not stem numbers at all,
 * so both ways agree). */
Test(stem, english_numbers_are_their_own_stems)
{
	static const char *const numbers[] = {
		"0", "12", "2024", "1,000", "3.14", "1.000.000", "10,5", "1.5.6", "007",
		"1,234,567.89", "99999999999999999999999999999999999999999999999999999999999999",
	};
	struct sb_stemmer *sb = sb_stemmer_new("english", "UTF_8");
	cr_assert_not_null(sb);
	char out[PR_STEM_EN_MAX + 2];
	for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
		size_t n = strlen(numbers[i]);
		cr_assert_lt(n, PR_STEM_EN_MAX);
		int k = pr_stem_english(numbers[i], n, out);
		cr_expect(k == (int)n && memcmp(out, numbers[i], n) == 0, "%s: %.*s", numbers[i],
		          k, out);
		same_stem(sb, numbers[i], n);
	}
	sb_stemmer_delete(sb);
}

/* Random words of every length the stemmer takes, some nearly without
 * vowels so that R1 and R2 start late or not at all, with a suffix when
 * there is room: the vowel bits, the regions, the eight-byte suffix
 * tests and the eight-byte copy of the stem hold at every length. Then
 * words at the edges of the fast paths: a leading apostrophe before an
 * exception (it is no exception then), runs of 'y' (first, after a vowel,
 * after a 'Y'), suffixes that are the whole word or longer. */
Test(stem, english_stems_match_snowball_at_every_length)
{
	static const char *const alphabets[] = {
		"aeiouybcdfghlmnprstvwxz'", "bcdfghlmnprstvwxzy", "bcdtlnrsxea",
	};
	struct sb_stemmer *sb = sb_stemmer_new("english", "UTF_8");
	cr_assert_not_null(sb);
	size_t ns = sizeof suffixes / sizeof suffixes[0];
	char w[PR_STEM_EN_MAX];
	uint32_t seed = 777;
	size_t checked = 0;
	for (size_t len = 1; len < PR_STEM_EN_MAX; len++) {
		for (int i = 0; i < 600; i++) {
			seed = seed * 1103515245u + 12345u;
			const char *abc = alphabets[(seed >> 16) % 3];
			size_t na = strlen(abc);
			seed = seed * 1103515245u + 12345u;
			const char *sfx = suffixes[(seed >> 16) % ns];
			size_t m = strlen(sfx);
			if (m > len || strchr(sfx, 'Y'))
				m = 0;
			for (size_t k = 0; k < len - m; k++) {
				seed = seed * 1103515245u + 12345u;
				w[k] = abc[(seed >> 16) % na];
			}
			memcpy(w + len - m, sfx, m);
			checked += same_stem(sb, w, len);
		}
	}
	static const char *const edges[] = {
		"'skies", "'news", "'sky", "'dying", "'y", "'yy", "'yyy", "y", "yy",
		"yyy", "yyyy", "ayyy", "ayyay", "eyyyye", "yaying", "sayyed", "'s",
		"'s'", "s'", "ss'", "'", "''", "'''", "ational", "tional", "ization",
		"fulness", "ement", "ogi", "logi", "li", "cli", "ion", "sion", "ative",
		"eedly", "ingly", "ing", "ed", "eed", "sses", "ies", "ied", "us", "s",
		"generational", "generalization", "communications", "arsenals",
		"inning", "innings", "proceeding", "succeeded", "earring's", "news'",
	};
	for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
		checked += same_stem(sb, edges[i], strlen(edges[i]));
	cr_expect_eq(checked, 63 * 600 + sizeof edges / sizeof edges[0]);
	/* every byte the stemmer takes as the last one, after roots that reach
	 * each step, and after the longest suffixes less their last letter:
	 * a word whose last byte ends no suffix leaves by a fast exit */
	static const char takes[] = "abcdefghijklmnopqrstuvwxyz0123456789'.,";
	static const char *const before[] = {
		"", "a", "'", "y", "ay", "sky", "hopp", "generat", "nation",
		"relational", "fulnes", "izatio", "iveli", "emen", "ousnes",
		"eedl", "ingl", "condition", "communi", "agre", "valli", "logi",
	};
	for (size_t i = 0; i < sizeof before / sizeof before[0]; i++) {
		for (size_t c = 0; c < sizeof takes - 1; c++) {
			int n = snprintf(w, sizeof w, "%s%c", before[i], takes[c]);
			same_stem(sb, w, (size_t)n);
			n = snprintf(w, sizeof w, "%s%c%s", before[i], takes[c], before[i]);
			same_stem(sb, w, (size_t)n);
		}
	}
	sb_stemmer_delete(sb);
}

/* The bytes are checked eight at a time (stem.c, en_taken8()): a byte
 * the stemmer does not take, next to those it does in the byte order or
 * one of them with the high bit set, is refused at every place of words of
 * every length, the last eight bytes read as one number overlapping those
 * before; and the same words with a byte it takes there are stemmed. */
Test(stem, english_stemmer_checks_every_byte)
{
	static const unsigned char refused[] = {
		0, ' ', '&', '(', '+', '-', '/', ':', '@', 'A', 'Y', 'Z', '[', '`', '{',
		0x7F, 0x80, 0xA7, 0xAE, 0xB0, 0xE1, 0xF9, 0xFF,
	};
	static const char taken[] = "az09'.,ey";
	char out[PR_STEM_EN_MAX + 2], w[PR_STEM_EN_MAX];
	for (size_t len = 1; len < 40; len++) {
		for (size_t i = 0; i < len; i++) {
			for (size_t k = 0; k < len; k++)
				w[k] = "consonantly"[k % 11];
			for (size_t r = 0; r < sizeof refused; r++) {
				w[i] = (char)refused[r];
				cr_expect_eq(pr_stem_english(w, len, out), -1, "byte %#x at %zu of %zu",
				             refused[r], i, len);
			}
			for (size_t a = 0; a < sizeof taken - 1; a++) {
				w[i] = taken[a];
				cr_expect_geq(pr_stem_english(w, len, out), 0, "'%c' at %zu of %zu",
				              taken[a], i, len);
			}
		}
	}
}
