/* Pathological inputs: each must finish (meson's timeout guards that; no
 * wall-clock asserts here) and give the expected result. */
#include <criterion/criterion.h>
#include <precis.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

static precis_doc *doc_with(const char *text, size_t len, const precis_options *o)
{
	precis_doc *d = NULL;
	int rc = precis_doc_new(&d, text, len, o);
	cr_assert_eq(rc, PRECIS_OK, "precis_doc_new: %s", precis_strerror(rc));
	cr_assert_not_null(d);
	return d;
}

/* What every document must satisfy, whatever the input. */
static void check_invariants(const precis_doc *d, size_t len)
{
	size_t n = precis_doc_sentence_count(d), prev = 0;
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		size_t s = precis_doc_sentence_start(d, i), e = precis_doc_sentence_end(d, i);
		cr_assert(s < e && e <= len, "sentence %zu: [%zu, %zu) of %zu", i, s, e, len);
		cr_assert(s >= prev, "sentence %zu overlaps the one before", i);
		prev = e;
		size_t tl;
		const char *t = precis_doc_sentence_text(d, i, &tl);
		cr_assert_not_null(t);
		cr_assert_eq(strlen(t), tl, "sentence %zu: text has no NUL inside", i);
		cr_assert_eq(precis_utf8_check(t, tl, NULL), PRECIS_OK, "sentence %zu: UTF-8", i);
		total += precis_doc_sentence_score(d, i);
		size_t r = precis_doc_sentence_rank(d, i);
		cr_assert(r >= 1 && r <= n);
	}
	if (n)
		cr_assert_float_eq(total, 1.0, 1e-6);
	size_t hl;
	const char *h = precis_doc_headline(d, &hl);
	cr_assert_eq(strlen(h), hl);
	cr_assert_leq(hl, 75);
	cr_assert_eq(precis_utf8_check(h, hl, NULL), PRECIS_OK, "headline is UTF-8");
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++) {
		size_t kl;
		const char *kw = precis_doc_keyword(d, k, &kl);
		cr_assert_gt(kl, 0);
		cr_assert_eq(precis_utf8_check(kw, kl, NULL), PRECIS_OK);
	}
	cr_assert_leq(precis_doc_selected_count(d), n);
}

static void expect_empty(const char *text, size_t len)
{
	precis_doc *d = doc_with(text, len, NULL);
	check_invariants(d, len);
	cr_assert_eq(precis_doc_sentence_count(d), 0, "no sentences in \"%.20s\"", text);
	cr_assert_eq(precis_doc_selected_count(d), 0);
	cr_assert_eq(precis_doc_keyword_count(d), 0);
	cr_assert_str_eq(precis_doc_headline(d, NULL), "");
	precis_doc_free(d);
}

Test(pathological, empty)
{
	expect_empty("", 0);
	expect_empty(NULL, 0);
}

Test(pathological, only_whitespace)
{
	expect_empty(" ", 1);
	expect_empty(" \t\n\r\n\n \f\v  \r\r", 14);
	char *ws = malloc(100000);
	cr_assert_not_null(ws);
	for (size_t i = 0; i < 100000; i++)
		ws[i] = " \n\t"[i % 3];
	expect_empty(ws, 100000);
	free(ws);
}

Test(pathological, only_punctuation)
{
	/* no words: nothing to rank, no key phrases; whatever sentences the
	 * segmenter reports stay consistent */
	static const char p[] = "!!! ... ??? --- ;;; ,,, ... !?!?";
	precis_doc *d = doc_with(p, sizeof p - 1, NULL);
	check_invariants(d, sizeof p - 1);
	cr_assert_eq(d->ntoks, 0);
	cr_assert_eq(precis_doc_keyword_count(d), 0);
	precis_doc_free(d);
}

Test(pathological, one_word)
{
	precis_doc *d = doc_with("Hello", 5, NULL);
	check_invariants(d, 5);
	cr_assert_eq(precis_doc_sentence_count(d), 1);
	cr_assert_eq(precis_doc_sentence_start(d, 0), 0);
	cr_assert_eq(precis_doc_sentence_end(d, 0), 5);
	cr_assert_eq(precis_doc_selected_count(d), 1);
	cr_assert_str_eq(precis_doc_headline(d, NULL), "Hello");
	cr_assert_eq(precis_doc_keyword_count(d), 0, "a lone word co-occurs with nothing");
	precis_doc_free(d);
}

Test(pathological, identical_sentences)
{
	static const char one[] = "The same sentence again. ";
	const size_t n = 50000, m = sizeof one - 1;
	char *t = malloc(n * m);
	cr_assert_not_null(t);
	for (size_t i = 0; i < n; i++)
		memcpy(t + i * m, one, m);
	precis_doc *d = doc_with(t, n * m, NULL);
	check_invariants(d, n * m);
	cr_assert_eq(precis_doc_sentence_count(d), n);
	cr_assert_eq(precis_doc_selected_count(d), 3);
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(precis_doc_sentence_rank(d, i), i + 1, "equal scores rank in order");
		cr_assert_eq(precis_doc_sentence_start(d, i), i * m);
	}
	for (size_t k = 0; k < 3; k++)
		cr_assert_eq(precis_doc_selected(d, k), k);
	/* the sentence itself, with or without its article (headline.c's
	 * business); never empty, never a mix of two sentences */
	const char *h = precis_doc_headline(d, NULL);
	cr_assert(strcmp(h, "The same sentence again") == 0 ||
	          strcmp(h, "Same sentence again") == 0, "headline [%s]", h);
	precis_doc_free(d);
	free(t);
}

Test(pathological, megabyte_without_punctuation)
{
	const size_t len = 1u << 20;
	char *t = malloc(len);
	cr_assert_not_null(t);
	static const char *const words[] = { "river", "stone", "light", "north", "glass",
	                                     "paper", "storm", "field" };
	size_t at = 0, w = 0;
	while (at < len) {
		const char *s = words[(w * 7 + w / 8) % 8];
		size_t n = strlen(s);
		for (size_t i = 0; i < n && at < len; i++)
			t[at++] = s[i];
		if (at < len)
			t[at++] = ' ';
		w++;
	}
	t[len - 1] = 'x';
	precis_doc *d = doc_with(t, len, NULL);
	check_invariants(d, len);
	/* sentence.c cuts a run-on sentence every 10,000 bytes or so (at a
	 * word): a few hundred sentences at most, together covering the text */
	size_t n = precis_doc_sentence_count(d);
	cr_assert(n >= 1 && n <= len / 5000, "%zu sentences", n);
	cr_assert_eq(precis_doc_sentence_start(d, 0), 0);
	cr_assert_eq(precis_doc_sentence_end(d, n - 1), len, "the sentences cover the text");
	for (size_t i = 1; i < n; i++)
		for (size_t b = precis_doc_sentence_end(d, i - 1); b < precis_doc_sentence_start(d, i); b++)
			cr_assert_eq(t[b], ' ', "only spaces between sentences %zu and %zu", i - 1, i);
	size_t hl;
	precis_doc_headline(d, &hl);
	cr_assert_gt(hl, 0);
	precis_doc_free(d);
	free(t);
}

Test(pathological, a_million_bytes_of_tiny_sentences)
{
	const size_t len = 1000000;
	char *t = malloc(len);
	cr_assert_not_null(t);
	/* "a. b. c. ..." three bytes each: letters, never abbreviations of a
	 * known kind, though single letters might read as initials */
	for (size_t i = 0; i < len; i += 3) {
		t[i] = (char)('a' + (i / 3) % 26);
		if (i + 1 < len)
			t[i + 1] = '.';
		if (i + 2 < len)
			t[i + 2] = ' ';
	}
	precis_doc *d = doc_with(t, len, NULL);
	check_invariants(d, len);
	cr_assert_gt(precis_doc_sentence_count(d), 0);
	cr_assert_leq(precis_doc_selected_count(d), 3);
	precis_doc_free(d);

	/* the same with words that cannot be initials */
	static const char w[] = "Go now. ";
	const size_t m = sizeof w - 1, k = len / m;
	for (size_t i = 0; i < k; i++)
		memcpy(t + i * m, w, m);
	d = doc_with(t, k * m, NULL);
	check_invariants(d, k * m);
	cr_assert_eq(precis_doc_sentence_count(d), k);
	cr_assert_eq(precis_doc_selected_count(d), 3);
	precis_doc_free(d);
	free(t);
}

Test(pathological, invalid_byte_at_every_position)
{
	static const char base[] = "Caf\xC3\xA9 owners in Z\xC3\xBCrich opened early \xE2\x82\xAC.";
	const size_t n = sizeof base - 1;
	static const unsigned char bad[] = { 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF4, 0xF8, 0xFF };
	for (size_t pos = 0; pos <= n; pos++) {
		for (size_t b = 0; b < sizeof bad; b++) {
			char t[128];
			memcpy(t, base, pos);
			t[pos] = (char)bad[b];
			memcpy(t + pos + 1, base + pos, n - pos);
			size_t len = n + 1, at = 0;
			/* is the result still valid? (a lead byte may be completed
			 * by what follows: C3 before A9 makes a valid pair only if
			 * the A9 was a lone continuation already, which it isn't) */
			int rc = precis_utf8_check(t, len, &at);
			precis_doc *d = NULL;
			if (rc == PRECIS_OK) {
				cr_assert_fail("insert %02X at %zu stayed valid", bad[b], pos);
			}
			cr_assert_eq(rc, PRECIS_EUTF8);
			/* the first bad byte is the inserted one; or, inserted
			 * inside a character, that character's lead; or, when the
			 * inserted byte completes the lead before it ("C3 80"),
			 * the orphaned byte after it */
			cr_assert(at + 3 >= pos && at <= pos + 2, "insert %02X at %zu: offset %zu",
			          bad[b], pos, at);
			cr_assert_eq(precis_doc_new(&d, t, len, NULL), PRECIS_EUTF8);
			cr_assert_null(d);
			precis_options o = PRECIS_OPTIONS_INIT;
			o.flags = PRECIS_FLAG_REPLACE_INVALID;
			d = doc_with(t, len, &o);
			check_invariants(d, len);
			cr_assert_geq(precis_doc_sentence_count(d), 1);
			precis_doc_free(d);
		}
	}
}

/* A truncated sequence ("\xF1\x80": a 4-byte lead and one continuation)
 * becomes one U+FFFD; a sentence ending in it ends after both bytes, not
 * inside them (found by tests/fuzz: fuzz-segment). */
Test(pathological, truncated_sequence_ends_the_sentence)
{
	static const char *const tails[] = { "\xF1\x80", "\xE2\x82", "\xF0\x9F\x98",
	                                     "\xE3\xF1\x80", "\xC3" };
	for (size_t k = 0; k < sizeof tails / sizeof tails[0]; k++) {
		char t[64];
		int len = snprintf(t, sizeof t, "Fine. Then bad %s", tails[k]);
		precis_options o = PRECIS_OPTIONS_INIT;
		o.flags = PRECIS_FLAG_REPLACE_INVALID;
		precis_doc *d = doc_with(t, (size_t)len, &o);
		check_invariants(d, (size_t)len);
		size_t n = precis_doc_sentence_count(d);
		cr_assert_eq(n, 2, "tail %zu: %zu sentences", k, n);
		cr_assert_eq(precis_doc_sentence_end(d, 1), (size_t)len, "tail %zu", k);
		precis_doc_free(d);
	}
}

Test(pathological, invalid_offset_is_exact)
{
	/* inserted between whole characters, the offset is the insertion */
	static const char base[] = "ab \xC3\xA9 cd \xE2\x82\xAC ef \xF0\x9F\x98\x80 gh.";
	static const size_t cuts[] = { 0, 1, 2, 3, 5, 6, 9, 12, 16, 20 };
	for (size_t c = 0; c < sizeof cuts / sizeof cuts[0]; c++) {
		char t[64];
		size_t pos = cuts[c], n = sizeof base - 1, at = 999;
		memcpy(t, base, pos);
		t[pos] = '\xFE';
		memcpy(t + pos + 1, base + pos, n - pos);
		cr_assert_eq(precis_utf8_check(t, n + 1, &at), PRECIS_EUTF8);
		cr_assert_eq(at, pos);
	}
}

Test(pathological, nul_bytes)
{
	static const char t[] = "First part\0of a sentence. Second\0\0 sentence here.\0";
	precis_doc *d = doc_with(t, sizeof t - 1, NULL);
	check_invariants(d, sizeof t - 1);
	cr_assert_geq(precis_doc_sentence_count(d), 1);
	precis_doc_free(d);
	char z[4096];
	memset(z, 0, sizeof z);
	d = doc_with(z, sizeof z, NULL);
	check_invariants(d, sizeof z);
	cr_assert_eq(d->ntoks, 0);
	precis_doc_free(d);
}

Test(pathological, cr_only_line_endings)
{
	static const char t[] = "Title line here\r\rThe first paragraph has one sentence.\r"
	                        "It wraps here.\r\rThe second paragraph is short.\r";
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	precis_doc *d = doc_with(t, sizeof t - 1, &o);
	check_invariants(d, sizeof t - 1);
	size_t n = precis_doc_sentence_count(d);
	cr_assert_eq(n, 4, "%zu sentences", n);
	for (size_t i = 0; i < n; i++) {
		const char *s = precis_doc_sentence_text(d, i, NULL);
		cr_assert_null(strchr(s, '\r'), "no CR in \"%s\"", s);
	}
	cr_assert_str_eq(precis_doc_headline(d, NULL), "Title line here");
	precis_doc_free(d);
}

Test(pathological, byte_order_marks)
{
	static const char t[] = "\xEF\xBB\xBFThe first sentence is here. "
	                        "The second \xEF\xBB\xBFsentence has a BOM inside.";
	precis_doc *d = doc_with(t, sizeof t - 1, NULL);
	check_invariants(d, sizeof t - 1);
	cr_assert_eq(precis_doc_sentence_count(d), 2);
	cr_assert_eq(precis_doc_sentence_start(d, 0), 3, "the BOM is not text");
	const char *s0 = precis_doc_sentence_text(d, 0, NULL);
	cr_assert(strncmp(s0, "The first", 9) == 0, "\"%s\"", s0);
	/* a BOM inside is a zero-width no-break space: not a word character,
	 * so "sentence" after it is the same word as elsewhere */
	size_t words = 0;
	for (size_t k = 0; k < d->ntoks; k++)
		words += d->toks[k].term != PR_NO_TERM &&
		         strcmp(d->terms[d->toks[k].term].text, "sentenc") == 0;
	cr_assert_eq(words, 2);
	precis_doc_free(d);
}

Test(pathological, deeply_nested_brackets_and_quotes)
{
	const size_t n = 100000;
	char *t = malloc(3 * n + 64);
	cr_assert_not_null(t);
	size_t at = 0;
	memcpy(t + at, "Start here. ", 12);
	at += 12;
	memset(t + at, '(', n);
	at += n;
	memcpy(t + at, "deep words", 10);
	at += 10;
	memset(t + at, ')', n);
	at += n;
	memcpy(t + at, ". Then \"", 8);
	at += 8;
	for (size_t i = 0; i < n / 2; i++)
		t[at++] = i % 2 ? '\'' : '"';
	memcpy(t + at, "end.", 4);
	at += 4;
	precis_doc *d = doc_with(t, at, NULL);
	check_invariants(d, at);
	cr_assert_geq(precis_doc_sentence_count(d), 2);
	precis_doc_free(d);
	/* unbalanced: only openers */
	d = doc_with(t + 12, n, NULL);
	check_invariants(d, n);
	cr_assert_eq(d->ntoks, 0);
	precis_doc_free(d);
	free(t);
}

Test(pathological, emoji_combining_rtl)
{
	static const char t[] =
		"Families \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 "
		"gathered at the cafe\xCC\x81 for the festival. "
		"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D. "
		"\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85. "
		"Z\xCC\x8D\xCC\x8E\xCC\x84\xCC\x85\xCC\x86\xCC\x87" "a\xCC\x8D\xCC\x8E\xCC\x84lgo text "
		"\xE2\x80\xAE reversed \xE2\x80\xAC appears \xF0\x9F\x8E\x89\xF0\x9F\x8E\x89 here.";
	precis_doc *d = doc_with(t, sizeof t - 1, NULL);
	check_invariants(d, sizeof t - 1);
	cr_assert_geq(precis_doc_sentence_count(d), 3);
	/* the combining acute stays inside its word */
	int found = 0;
	for (size_t k = 0; k < d->ntoks; k++)
		found |= strcmp(d->words[d->toks[k].word].text, "caf\xC3\xA9") == 0;
	cr_assert(found, "caf + e + U+0301 folds to caf\xC3\xA9");
	/* every headline byte count is a character boundary */
	for (size_t limit = 1; limit <= 80; limit++) {
		precis_options o = PRECIS_OPTIONS_INIT;
		o.headline_bytes = limit;
		precis_doc *e = doc_with(t, sizeof t - 1, &o);
		size_t hl;
		const char *h = precis_doc_headline(e, &hl);
		cr_assert_leq(hl, limit);
		cr_assert_eq(precis_utf8_check(h, hl, NULL), PRECIS_OK, "limit %zu", limit);
		precis_doc_free(e);
	}
	precis_doc_free(d);
}

Test(pathological, one_enormous_word)
{
	const size_t n = 200000;
	char *t = malloc(n);
	cr_assert_not_null(t);
	for (size_t i = 0; i < n; i++)
		t[i] = (char)('a' + i % 26);
	precis_doc *d = doc_with(t, n, NULL);
	check_invariants(d, n);
	/* cut into pieces of about 10,000 bytes, one token each */
	size_t ns = precis_doc_sentence_count(d);
	cr_assert(ns >= 1 && ns <= n / 5000, "%zu sentences", ns);
	cr_assert_eq(d->ntoks, ns);
	cr_assert_eq(precis_doc_sentence_end(d, ns - 1), n);
	size_t hl;
	const char *h = precis_doc_headline(d, &hl);
	cr_assert_eq(hl, 75, "a word longer than the limit is cut at the limit");
	cr_assert(memcmp(h, t, 75) == 0);
	precis_doc_free(d);
	free(t);
}
