/* token.c: tokens, flags, case folding, stems, stop words, frequencies
 * (the English stemmer itself: test_stem.c). */
#include <criterion/criterion.h>
#include <libstemmer.h>
#include <precis.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "en_doc.h"
#include "hash.h"
#include "lang.h"


/* The k-th token of the document (0-based across sentences), as text. */
static const pr_token *tok(const precis_doc *d, size_t k, const pr_sent **sent)
{
	cr_assert(k < d->ntoks, "token %zu of %zu", k, d->ntoks);
	for (size_t i = 0; i < d->nsents; i++) {
		const pr_sent *s = &d->sents[i];
		if (k >= s->tok && k < s->tok + s->ntok) {
			if (sent)
				*sent = s;
			return &d->toks[k];
		}
	}
	cr_assert_fail("token %zu in no sentence", k);
	return NULL;
}

/* The first token whose surface is exactly w, or NULL. */
static const pr_token *find(const precis_doc *d, const char *w)
{
	size_t n = strlen(w);
	for (size_t i = 0; i < d->nsents; i++) {
		const pr_sent *s = &d->sents[i];
		for (uint32_t k = s->tok; k < s->tok + s->ntok; k++) {
			const pr_token *t = &d->toks[k];
			if (t->end - t->start == n && memcmp(s->text + t->start, w, n) == 0)
				return t;
		}
	}
	return NULL;
}

static const pr_token *must_find(const precis_doc *d, const char *w)
{
	const pr_token *t = find(d, w);
	cr_assert_not_null(t, "no token \"%s\"", w);
	return t;
}

/* The surfaces of all tokens, joined with '|'. */
static void surfaces(const precis_doc *d, char *out, size_t cap)
{
	size_t at = 0;
	out[0] = '\0';
	for (size_t k = 0; k < d->ntoks; k++) {
		const pr_sent *s;
		const pr_token *t = tok(d, k, &s);
		size_t n = t->end - t->start;
		cr_assert(at + n + 2 < cap);
		if (k)
			out[at++] = '|';
		memcpy(out + at, s->text + t->start, n);
		at += n;
		out[at] = '\0';
	}
}

Test(token, offsets_slice_the_sentence)
{
	precis_doc *d = doc_of("Caf\xC3\xA9 owners, in Z\xC3\xBCrich, opened early. "
	                       "Prices rose 3.14 percent on example.com today!");
	cr_assert_eq(d->nsents, 2);
	char buf[512];
	surfaces(d, buf, sizeof buf);
	cr_assert_str_eq(buf, "Caf\xC3\xA9|owners|in|Z\xC3\xBCrich|opened|early|"
	                      "Prices|rose|3.14|percent|on|example.com|today");
	for (size_t i = 0; i < d->nsents; i++) {
		const pr_sent *s = &d->sents[i];
		uint32_t prev = 0;
		for (uint32_t k = s->tok; k < s->tok + s->ntok; k++) {
			cr_assert(d->toks[k].start < d->toks[k].end);
			cr_assert(d->toks[k].end <= s->len);
			cr_assert(d->toks[k].start >= prev, "tokens are ordered");
			prev = d->toks[k].end;
		}
	}
	cr_assert_eq(d->sents[0].ntok + d->sents[1].ntok, d->ntoks);
	precis_doc_free(d);
}

Test(token, glued_forms_stay_one_token)
{
	precis_doc *d = doc_of("They don't like the U.S. plan, which costs 3.14 dollars "
	                       "at example.com and rock\xE2\x80\x99n\xE2\x80\x99roll.");
	must_find(d, "don't");
	must_find(d, "3.14");
	must_find(d, "example.com");
	must_find(d, "rock\xE2\x80\x99n\xE2\x80\x99roll");
	/* "U.S." keeps its inner stop; the final one ends the word */
	must_find(d, "U.S");
	cr_assert_null(find(d, "U"));
	cr_assert_null(find(d, "don"));
	cr_assert_null(find(d, "14"));
	cr_assert(must_find(d, "3.14")->flags & PR_TOK_NUM);
	cr_assert(must_find(d, "U.S")->flags & PR_TOK_UPPER);
	cr_assert(!(must_find(d, "plan")->flags & PR_TOK_UPPER));
	precis_doc_free(d);
}

Test(token, hyphen_joins_punctuation_breaks)
{
	precis_doc *d = doc_of("Korea-Russia talks resumed; officials, diplomats and "
	                       "the well-known envoy (again) met in Seoul.");
	char buf[512];
	surfaces(d, buf, sizeof buf);
	cr_assert_str_eq(buf, "Korea|Russia|talks|resumed|officials|diplomats|and|the|"
	                      "well|known|envoy|again|met|in|Seoul");
	const pr_token *t = d->toks;
	cr_assert_eq(t[0].flags & (PR_TOK_JOINED | PR_TOK_BREAK), 0, "first token");
	cr_assert(t[1].flags & PR_TOK_JOINED, "Russia is glued to Korea");
	cr_assert(!(t[1].flags & PR_TOK_BREAK));
	cr_assert(!(t[2].flags & (PR_TOK_JOINED | PR_TOK_BREAK)), "talks: a space");
	cr_assert(t[4].flags & PR_TOK_BREAK, "officials after ';'");
	cr_assert(t[5].flags & PR_TOK_BREAK, "diplomats after ','");
	cr_assert(!(t[6].flags & PR_TOK_BREAK));
	cr_assert(t[9].flags & PR_TOK_JOINED, "known");
	cr_assert(t[11].flags & PR_TOK_BREAK, "again after '('");
	cr_assert(t[12].flags & PR_TOK_BREAK, "met after ')'");
	/* joined tokens do not count as words of their own */
	cr_assert_eq(d->sents[0].nwords, 13);
	precis_doc_free(d);
}

Test(token, stop_words_have_no_term)
{
	precis_doc *d = doc_of("The cat and the dog were in THE garden of a neighbour.");
	const char *stops[] = { "The", "and", "the", "were", "in", "THE", "of", "a" };
	for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
		const pr_token *t = must_find(d, stops[i]);
		cr_assert(t->flags & PR_TOK_STOP, "%s is a stop word", stops[i]);
		cr_assert_eq(t->term, PR_NO_TERM, "%s has no term", stops[i]);
		cr_assert(d->words[t->word].stop);
	}
	const char *content[] = { "cat", "dog", "garden", "neighbour" };
	for (size_t i = 0; i < sizeof content / sizeof content[0]; i++) {
		const pr_token *t = must_find(d, content[i]);
		cr_assert(!(t->flags & PR_TOK_STOP), "%s", content[i]);
		cr_assert_neq(t->term, PR_NO_TERM, "%s", content[i]);
		cr_assert(t->term < d->nterms);
	}
	cr_assert_eq(d->nterms, 4);
	precis_doc_free(d);
}

Test(token, stems_and_case_folding)
{
	precis_doc *d = doc_of("Running matters. She runs daily. The runner ran. "
	                       "the RUNS continue.");
	const pr_token *a = must_find(d, "Running"), *b = must_find(d, "runs");
	cr_assert_eq(a->term, b->term, "running and runs share a stem");
	cr_assert_str_eq(d->terms[a->term].text, "run");
	cr_assert_neq(a->word, b->word, "but they are different words");
	cr_assert_eq(must_find(d, "RUNS")->word, b->word, "RUNS folds to runs");
	cr_assert_eq(must_find(d, "The")->word, must_find(d, "the")->word);
	cr_assert_str_eq(d->words[must_find(d, "The")->word].text, "the");
	cr_assert_neq(must_find(d, "runner")->term, a->term);
	precis_doc_free(d);
}

Test(token, unicode_folding)
{
	/* É as one code point and as E + combining acute; full-width letters */
	precis_doc *d = doc_of("\xC3\x89" "COLE fermee. L'\xC3\xA9" "cole ouverte. "
	                       "E\xCC\x81" "cole encore. \xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3 "
	                       "news and ABC news.");
	const pr_token *up = must_find(d, "\xC3\x89" "COLE");
	const pr_token *comb = must_find(d, "E\xCC\x81" "cole");
	const pr_token *lo = must_find(d, "L'\xC3\xA9" "cole");
	cr_assert_str_eq(d->words[up->word].text, "\xC3\xA9" "cole");
	cr_assert_eq(up->word, comb->word, "NFC: combining acute composes");
	cr_assert_str_eq(d->words[lo->word].text, "l'\xC3\xA9" "cole");
	cr_assert(up->flags & PR_TOK_UPPER);
	const pr_token *fw = must_find(d, "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3");
	cr_assert_eq(fw->word, must_find(d, "ABC")->word, "NFKC: full-width ABC = abc");
	cr_assert(fw->flags & PR_TOK_UPPER);
	precis_doc_free(d);
}

Test(token, typographic_apostrophe_is_an_apostrophe)
{
	precis_doc *d = doc_of("They don\xE2\x80\x99t agree. We don't agree.");
	const pr_token *a = must_find(d, "don\xE2\x80\x99t"), *b = must_find(d, "don't");
	cr_assert_eq(a->word, b->word);
	cr_assert(a->flags & PR_TOK_STOP, "don't is a stop word in either spelling");
	precis_doc_free(d);
}

Test(token, document_frequency)
{
	precis_doc *d = doc_of("Apples and apples and apples. Pears and apples. "
	                       "Pears grow slowly. Plums!");
	const pr_token *apple = must_find(d, "Apples");
	const pr_token *pear = must_find(d, "Pears");
	const pr_token *plum = must_find(d, "Plums");
	cr_assert_eq(d->terms[apple->term].df, 2, "counted once per sentence");
	cr_assert_eq(d->terms[pear->term].df, 2);
	cr_assert_eq(d->terms[plum->term].df, 1);
	cr_assert_eq(d->terms[must_find(d, "grow")->term].df, 1);
	for (size_t t = 0; t < d->nterms; t++) {
		cr_assert(d->terms[t].df >= 1 && d->terms[t].df <= d->nsents);
		cr_assert_eq(strlen(d->terms[t].text), d->terms[t].len);
	}
	precis_doc_free(d);
}

Test(token, numbers_and_long_words_are_their_own_stems)
{
	char text[300] = "Values 1,000 and 2.50 rose, then ";
	size_t at = strlen(text);
	for (int i = 0; i < 80; i++)
		text[at++] = (char)('a' + i % 26);
	strcpy(text + at, "s also.");
	precis_doc *d = doc_of(text);
	/* a comma between digits stays inside the number */
	cr_assert_str_eq(d->terms[must_find(d, "1,000")->term].text, "1,000");
	cr_assert(must_find(d, "1,000")->flags & PR_TOK_NUM);
	cr_assert(must_find(d, "rose")->flags == 0);
	cr_assert(must_find(d, "then")->flags & PR_TOK_BREAK, "rose, then: a real comma");
	cr_assert_str_eq(d->terms[must_find(d, "2.50")->term].text, "2.50");
	/* the 81-letter word is kept whole, not stemmed */
	int seen = 0;
	for (size_t t = 0; t < d->nterms; t++)
		seen |= d->terms[t].len == 81;
	cr_assert(seen);
	precis_doc_free(d);
}

Test(token, no_tokens_in_punctuation)
{
	precis_doc *d = doc_of("Hello -- world... !!! ?? Yes.");
	char buf[128];
	surfaces(d, buf, sizeof buf);
	cr_assert_str_eq(buf, "Hello|world|Yes");
	precis_doc_free(d);
}

/* Every printable ASCII character, three times between two words: letters
 * and digits make a token of their own, anything else none. */
Test(token, ascii_letters_and_digits_and_nothing_else_make_tokens)
{
	for (int c = 0x21; c < 0x7F; c++) {
		char text[32];
		snprintf(text, sizeof text, "Go %c%c%c now.", c, c, c);
		precis_doc *d = doc_of(text);
		int alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
		cr_expect_eq(d->ntoks, alnum ? 3u : 2u, "%s", text);
		precis_doc_free(d);
	}
}

/* An all-ASCII token goes straight to the folded-word table and any other
 * through the surface table (token.c): either way a word gets one id, in
 * the order words first appear, whatever the case and however long. */
Test(token, ascii_and_other_tokens_meet_in_one_word_table)
{
	precis_doc *d = doc_of("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3 Internationally Caf\xC3\xA9. "
	                       "abc INTERNATIONALLY internationallY CAF\xC3\x89 ABC.");
	const pr_token *fw = must_find(d, "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3");
	cr_assert_eq(fw->word, 0, "the first word has id 0");
	cr_assert_eq(must_find(d, "abc")->word, 0);
	cr_assert_eq(must_find(d, "ABC")->word, 0);
	const pr_token *in = must_find(d, "Internationally");
	cr_assert_eq(in->word, 1);
	cr_assert_eq(must_find(d, "INTERNATIONALLY")->word, 1);
	cr_assert_eq(must_find(d, "internationallY")->word, 1);
	cr_assert_str_eq(d->words[1].text, "internationally");
	cr_assert_eq(must_find(d, "Caf\xC3\xA9")->word, 2);
	cr_assert_eq(must_find(d, "CAF\xC3\x89")->word, 2);
	cr_assert_eq(d->nwords, 3);
	precis_doc_free(d);
}

/* The k-th word of the test below: 'q' and k in base 26, four letters. */
static void nth_word(char *out, unsigned k, int upper)
{
	out[0] = upper ? 'Q' : 'q';
	for (int j = 4; j >= 1; j--) {
		out[j] = (char)((upper && j == 1 ? 'A' : 'a') + k % 26);
		k /= 26;
	}
	out[5] = '\0';
}

/* More distinct words than the tables hold while they fit the cache
 * (token.c, PREFETCH_SLOTS), and then each again in capitals, with a word
 * of other letters in every sentence: the tokens looked up as they are
 * found and those left for the second pass, after the tables outgrow the
 * cache, get the same words, in the order they first appear, the same
 * stems and document frequencies as a plain count gives. */
Test(token, words_and_terms_are_the_same_after_the_tables_outgrow_the_cache)
{
	enum { WORDS = 9500, PER = 10 };
	size_t cap = (size_t)WORDS * 2 * 16 + 4096;
	char *text = malloc(cap);
	cr_assert_not_null(text);
	size_t at = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (unsigned k = 0; k < WORDS; k++) {
			if (k % PER == 0)
				at += (size_t)sprintf(text + at, "The ");
			char w[8];
			nth_word(w, k, pass);
			at += (size_t)sprintf(text + at, "%s ", w);
			if (k % PER == PER - 1)
				/* é, É: a word the surface table folds */
				at += (size_t)sprintf(text + at, "%s%u. ",
				                      pass ? "\xC3\x89t" : "\xC3\xA9t", k / PER);
		}
	}
	cr_assert_lt(at, cap);
	precis_doc *d = doc_of(text);
	cr_assert_eq(d->nsents, 2 * WORDS / PER);
	cr_assert_gt(d->nwords, 8192, "the tables outgrew PREFETCH_SLOTS");
	/* first appearances, by a table of this test's own */
	pr_arena a;
	pr_strmap seen;
	pr_arena_init(&a);
	pr_strmap_init(&seen);
	uint32_t *df = calloc(d->nterms, sizeof *df);
	uint32_t *last = malloc(d->nterms * sizeof *last);
	cr_assert(df && last);
	memset(last, 0xFF, d->nterms * sizeof *last);
	for (size_t i = 0; i < d->nsents; i++) {
		const pr_sent *s = &d->sents[i];
		cr_assert_eq(s->ntok, PER + 2);
		for (uint32_t k = s->tok; k < s->tok + s->ntok; k++) {
			const pr_token *t = &d->toks[k];
			char f[32];
			size_t n = t->end - t->start;
			cr_assert_lt(n, sizeof f);
			memcpy(f, s->text + t->start, n);
			for (size_t j = 0; j < n; j++)
				if (f[j] >= 'A' && f[j] <= 'Z')
					f[j] = (char)(f[j] + 32);
			if (n > 1 && (unsigned char)f[1] == 0x89)
				f[1] = (char)0xA9;
			uint32_t want = pr_strmap_intern(&seen, &a, f, n, NULL);
			cr_assert_eq(t->word, want, "%.*s", (int)n, f);
			const pr_word *w = &d->words[t->word];
			cr_assert(w->len == n && memcmp(w->text, f, n) == 0, "%.*s", (int)n, f);
			cr_assert_eq(t->term, w->term);
			cr_assert_eq(!!(t->flags & PR_TOK_STOP), w->stop);
			cr_assert_eq(w->stop, n == 3 && memcmp(f, "the", 3) == 0);
			if (t->term != PR_NO_TERM && last[t->term] != i) {
				last[t->term] = (uint32_t)i;
				df[t->term]++;
			}
		}
	}
	cr_assert_eq(d->nwords, seen.n);
	for (size_t k = 0; k < d->nterms; k++)
		cr_assert_eq(d->terms[k].df, df[k], "term %s", d->terms[k].text);
	free(df);
	free(last);
	pr_strmap_free(&seen);
	pr_arena_release(&a);
	precis_doc_free(d);
	free(text);
}

/* The term of the word w (folded already) in a document of the language
 * lang is Snowball's stem of it, with words pr_stem_english takes and
 * with those it leaves to libstemmer, whose stemmer token.c makes only
 * when a word needs it. */
static void snowball_term(const char *lang, const char *algorithm, const char *text,
                          const char *surface, const char *w)
{
	precis_doc *d = NULL;
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	o.lang = lang;
	cr_assert_eq(precis_doc_new(&d, text, strlen(text), &o), PRECIS_OK);
	struct sb_stemmer *sb = sb_stemmer_new(algorithm, "UTF_8");
	cr_assert_not_null(sb);
	const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)strlen(w));
	cr_assert_not_null(r);
	const pr_token *t = must_find(d, surface);
	cr_assert_neq(t->term, PR_NO_TERM, "%s", surface);
	cr_expect(d->terms[t->term].len == (uint32_t)sb_stemmer_length(sb) &&
	          memcmp(d->terms[t->term].text, r, d->terms[t->term].len) == 0,
	          "%s: %s, Snowball %.*s", surface, d->terms[t->term].text,
	          sb_stemmer_length(sb), (const char *)r);
	sb_stemmer_delete(sb);
	precis_doc_free(d);
}

Test(token, words_are_stemmed_by_snowball_whichever_stemmer_takes_them)
{
	/* English: the first word libstemmer gets comes late, and then
	 * another after it */
	snowball_term("en", "english", "Runners ran. The caf\xC3\xA9s opened. Na\xC3\xAFvely so.",
	              "Runners", "runners");
	snowball_term("en", "english", "Runners ran. The caf\xC3\xA9s opened. Na\xC3\xAFvely so.",
	              "caf\xC3\xA9s", "caf\xC3\xA9s");
	snowball_term("en", "english", "Runners ran. The caf\xC3\xA9s opened. Na\xC3\xAFvely so.",
	              "Na\xC3\xAFvely", "na\xC3\xafvely");
	/* and a language only libstemmer stems, from its first word */
	snowball_term("fr", "french", "Les maisons blanches sont grandes.", "maisons", "maisons");
	snowball_term("fr", "french", "Les maisons blanches sont grandes.", "grandes", "grandes");
}

/* Gaps of every length from one to twenty bytes of spaces and marks, so
 * that the scan of a gap ends within its first eight bytes, past them,
 * and in the last few bytes of the sentence, where fewer than eight are
 * left, at an ASCII word or one that starts with a longer character
 * ("Été"): the tokens are the words, whole, with their flags. */
Test(token, gaps_of_any_length_end_at_the_next_word)
{
	static const char marks[] = " ;:!?()*-\"/ ";
	for (size_t len = 1; len <= 20; len++) {
		char text[160], gap[24];
		for (size_t i = 0; i < len; i++)
			gap[i] = marks[(i * 5 + len) % (sizeof marks - 1)];
		gap[len] = '\0';
		/* the gap never holds a full stop, so this is one sentence */
		snprintf(text, sizeof text, "Rivers%sflow%s7 seas%s\xC3\x89t\xC3\xA9%sOK%s", gap, gap,
		         gap, gap, gap);
		precis_doc *d = doc_of(text);
		char buf[128];
		surfaces(d, buf, sizeof buf);
		cr_assert_str_eq(buf, "Rivers|flow|7|seas|\xC3\x89t\xC3\xA9|OK", "gap \"%s\"", gap);
		cr_assert(must_find(d, "\xC3\x89t\xC3\xA9")->flags & PR_TOK_UPPER);
		cr_assert(must_find(d, "Rivers")->flags & PR_TOK_UPPER);
		cr_assert(must_find(d, "7")->flags & PR_TOK_NUM, "gap \"%s\"", gap);
		cr_assert(!(must_find(d, "seas")->flags & (PR_TOK_UPPER | PR_TOK_NUM)));
		precis_doc_free(d);
	}
}

/* Stop words count toward no term's document frequency, whether a
 * sentence has only them or they stand between its terms; a text of
 * stop words alone has no term at all. */
Test(token, stop_words_count_toward_no_document_frequency)
{
	precis_doc *d = doc_of("Rivers and the seas. It is what it was. Of rivers, of seas.");
	cr_assert_eq(d->terms[must_find(d, "Rivers")->term].df, 2);
	cr_assert_eq(d->terms[must_find(d, "seas")->term].df, 2);
	for (size_t k = 0; k < d->ntoks; k++)
		if (d->toks[k].flags & PR_TOK_STOP)
			cr_assert_eq(d->toks[k].term, PR_NO_TERM);
	precis_doc_free(d);
	d = doc_of("It is what it was. And so it is.");
	cr_assert_eq(d->nterms, 0);
	cr_assert(d->ntoks > 0);
	for (size_t k = 0; k < d->ntoks; k++)
		cr_assert_eq(d->toks[k].term, PR_NO_TERM);
	precis_doc_free(d);
}

/* The key-phrase flags each word carries from the tokenizer (pr_word.kp)
 * are the ones the language's list gives the folded word, ASCII or not,
 * listed or not, and 0 for a word too long for any list; and its stop
 * mark, from the same probe (pr_lang_word()), is the stop-word table's. */
static void expect_kp_flags(const char *text, const char *lang)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.lang = lang;
	precis_doc *d;
	cr_assert_eq(precis_doc_new(&d, text, strlen(text), &o), PRECIS_OK);
	unsigned long long bit = 1ull << (d->lang - pr_languages);
	cr_assert(d->nwords > 5);
	for (size_t w = 0; w < d->nwords; w++)
	{
		cr_expect_eq(d->words[w].kp, pr_kp_flags(bit, d->words[w].text, d->words[w].len),
		             "%s: %s", lang, d->words[w].text);
		cr_expect_eq(d->words[w].stop, pr_lang_is_stop(d->lang, d->words[w].text, d->words[w].len),
		             "%s: %s", lang, d->words[w].text);
	}
	precis_doc_free(d);
}

Test(token, words_carry_their_key_phrase_flags)
{
	char text[600];
	snprintf(text, sizeof text,
	         "Prime Minister Tony Blair said on Monday that the year would be hard. "
	         "Minister of state, %0300d, visited TIME again.",
	         7);
	expect_kp_flags(text, "en");
	expect_kp_flags("Le ministre a déclaré après la réunion de Février que l'année "
	                "sera DÉJÀ meilleure. Selon lui, le Premier ministre décidera.",
	                "fr");
	/* a listed word is found, in any case, and one that is not is 0 */
	const char *en = "The Minister left. The minister and a farmer met in June.";
	precis_options o = PRECIS_OPTIONS_INIT;
	o.lang = "en";
	precis_doc *d;
	cr_assert_eq(precis_doc_new(&d, en, strlen(en), &o), PRECIS_OK);
	int seen = 0;
	for (size_t w = 0; w < d->nwords; w++) {
		const pr_word *x = &d->words[w];
		if (x->len == 8 && memcmp(x->text, "minister", 8) == 0) {
			seen |= 1;
			cr_expect(x->kp & PR_KP_TITLE);
		}
		if (x->len == 4 && memcmp(x->text, "june", 4) == 0) {
			seen |= 2;
			cr_expect(x->kp & PR_KP_ALWAYS);
		}
		if (x->len == 6 && memcmp(x->text, "farmer", 6) == 0) {
			seen |= 4;
			cr_expect_eq(x->kp, 0);
		}
	}
	cr_expect_eq(seen, 7);
	precis_doc_free(d);
}

/* An apostrophe splits an elided word off only in a language that
 * elides: Catalan "l'any" is two tokens, English "l'any" one. */
Test(token, elision_only_in_languages_that_elide)
{
	const char *text = "Va ser l'any de la pau. Va ser l'any de la pau.";
	size_t want[] = { 2, 0 }; /* the words "l" and "any" */
	const char *lang[] = { "ca", "en" };
	for (int k = 0; k < 2; k++) {
		precis_options o = PRECIS_OPTIONS_INIT;
		o.lang = lang[k];
		precis_doc *d;
		cr_assert_eq(precis_doc_new(&d, text, strlen(text), &o), PRECIS_OK);
		size_t any = 0;
		for (size_t w = 0; w < d->nwords; w++)
			any += (d->words[w].len == 3 && memcmp(d->words[w].text, "any", 3) == 0) ||
			       (d->words[w].len == 1 && memcmp(d->words[w].text, "l", 1) == 0);
		size_t whole = 0;
		for (size_t w = 0; w < d->nwords; w++)
			whole += d->words[w].len == 5 && memcmp(d->words[w].text, "l'any", 5) == 0;
		cr_expect_eq(any, want[k], "%s", lang[k]);
		cr_expect_eq(whole, want[k] == 0, "%s", lang[k]);
		precis_doc_free(d);
	}
}
