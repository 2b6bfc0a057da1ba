/* keyphrase.c: TextRank key phrases over the word co-occurrence graph. */
#include <criterion/criterion.h>
#include <precis.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "doc.h"

static const char solar[] =
	"Solar panels are spreading across the rooftops of the city. Sergey Lavrov, "
	"the foreign minister, praised the solar panels during a visit on Monday.\n\n"
	"Sergey Lavrov said solar panels cut power bills for families. The city's "
	"solar panels now supply a tenth of its power.\n\n"
	"Critics said the solar panels were expensive, but Sergey Lavrov disagreed. "
	"Power bills fell sharply after the panels arrived.\n";

static precis_doc *doc_with(const char *text, size_t keywords)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.keywords = keywords;
	o.format = PRECIS_FORMAT_PLAIN;
	precis_doc *d = NULL;
	int rc = precis_doc_new(&d, text, strlen(text), &o);
	cr_assert_eq(rc, PRECIS_OK, "%s", precis_strerror(rc));
	return d;
}

static ptrdiff_t index_of(const precis_doc *d, const char *phrase)
{
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++)
		if (strcmp(precis_doc_keyword(d, k, NULL), phrase) == 0)
			return (ptrdiff_t)k;
	return -1;
}

/* Is w one of the words of phrase p (case-insensitive, whole words)? */
static int has_word(const char *p, const char *w)
{
	size_t n = strlen(w);
	for (const char *s = p; *s;) {
		const char *e = strchr(s, ' ');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		if (len == n && strncasecmp(s, w, n) == 0)
			return 1;
		s += len;
		while (*s == ' ')
			s++;
	}
	return 0;
}

Test(keyphrase, expected_phrases_best_first)
{
	precis_doc *d = doc_with(solar, 10);
	cr_assert_geq(precis_doc_keyword_count(d), 3);
	ptrdiff_t sp = index_of(d, "Solar panels"), sl = index_of(d, "Sergey Lavrov"),
	          pb = index_of(d, "power bills");
	cr_assert_eq(sp, 0, "the phrase the text is about comes first");
	cr_assert_geq(sl, 0, "\"Sergey Lavrov\" in its surface form");
	cr_assert_geq(pb, 0, "\"power bills\"");
	cr_assert_float_eq(precis_doc_keyword_score(d, 0), 1.0, 1e-12);
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++) {
		double s = precis_doc_keyword_score(d, k);
		cr_assert(s > 0 && s <= 1.0, "score %g", s);
		if (k)
			cr_assert_leq(s, precis_doc_keyword_score(d, k - 1), "best first");
		size_t len;
		const char *p = precis_doc_keyword(d, k, &len);
		cr_assert_eq(strlen(p), len);
		cr_assert_not_null(strstr(solar, p), "\"%s\" is text from the document", p);
	}
	precis_doc_free(d);
}

Test(keyphrase, no_phrase_inside_a_better_one)
{
	precis_doc *d = doc_with(solar, 20);
	size_t n = precis_doc_keyword_count(d);
	for (size_t a = 0; a < n; a++) {
		for (size_t b = a + 1; b < n; b++) {
			const char *better = precis_doc_keyword(d, a, NULL);
			const char *worse = precis_doc_keyword(d, b, NULL);
			/* every word of the worse one in the better one? */
			char buf[256];
			snprintf(buf, sizeof buf, "%s", worse);
			int all = 1;
			for (char *w = strtok(buf, " "); w; w = strtok(NULL, " "))
				all &= has_word(better, w);
			cr_assert(!all, "\"%s\" is inside \"%s\"", worse, better);
		}
	}
	cr_assert_lt(index_of(d, "Lavrov"), 0);
	cr_assert_lt(index_of(d, "panels"), 0);
	precis_doc_free(d);
}

Test(keyphrase, stop_words_never_at_the_edges)
{
	precis_doc *d = doc_with(solar, 20);
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++) {
		const char *p = precis_doc_keyword(d, k, NULL);
		const char *last = strrchr(p, ' ');
		last = last ? last + 1 : p;
		size_t first_len = strcspn(p, " ");
		cr_assert(!pr_lang_is_stop(d->lang, p, first_len), "\"%s\" starts with a stop word", p);
		cr_assert(!pr_lang_is_stop(d->lang, last, strlen(last)), "\"%s\" ends with one", p);
	}
	precis_doc_free(d);
}

Test(keyphrase, count_is_honoured)
{
	for (size_t want = 1; want <= 6; want++) {
		precis_doc *d = doc_with(solar, want);
		cr_assert_leq(precis_doc_keyword_count(d), want);
		cr_assert_geq(precis_doc_keyword_count(d), want < 3 ? want : 3);
		cr_assert_str_eq(precis_doc_keyword(d, 0, NULL), "Solar panels");
		cr_assert_null(precis_doc_keyword(d, want, NULL));
		precis_doc_free(d);
	}
}

/* A possessive ends no phrase ("Korea's" is shown as "Korea"); inside a
 * phrase it is part of the surface form ("Korea's exports"). */
Test(keyphrase, possessive_is_stripped)
{
	static const char t[] =
		"Korea's exports rose in May. Officials praised Korea's chips. "
		"Chips and exports kept Korea's economy growing. Buyers want Korea\xE2\x80\x99s.";
	precis_doc *d = doc_with(t, 10);
	cr_assert_gt(precis_doc_keyword_count(d), 0);
	int korea = 0;
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++) {
		size_t len;
		const char *p = precis_doc_keyword(d, k, &len);
		cr_assert(!(len >= 2 && strcmp(p + len - 2, "'s") == 0), "\"%s\" keeps its 's", p);
		cr_assert(!(len >= 4 && strcmp(p + len - 4, "\xE2\x80\x99s") == 0),
		          "\"%s\" keeps its \xE2\x80\x99s", p);
		korea |= strcmp(p, "Korea") == 0;
	}
	cr_assert(korea, "Korea is a key word, without its 's");
	precis_doc_free(d);
}

Test(keyphrase, nothing_to_rank)
{
	precis_doc *d = doc_with("The of and a to in.", 10);
	cr_assert_eq(precis_doc_keyword_count(d), 0);
	precis_doc_free(d);
	d = doc_with("Numbers 12 34 56 and 78.", 10);
	cr_assert_eq(precis_doc_keyword_count(d), 0, "numbers alone are never key words");
	precis_doc_free(d);
	d = doc_with("", 10);
	cr_assert_eq(precis_doc_keyword_count(d), 0);
	precis_doc_free(d);
}

Test(keyphrase, punctuation_breaks_phrases)
{
	/* "panels, bills" never become one phrase: a comma lies between */
	static const char t[] = "Panels, bills, panels, bills. Panels, bills and panels; bills.";
	precis_doc *d = doc_with(t, 10);
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++)
		cr_assert_null(strchr(precis_doc_keyword(d, k, NULL), ' '), "\"%s\"",
		               precis_doc_keyword(d, k, NULL));
	precis_doc_free(d);
}

Test(keyphrase, deterministic)
{
	precis_doc *a = doc_with(solar, 10), *b = doc_with(solar, 10);
	cr_assert_eq(precis_doc_keyword_count(a), precis_doc_keyword_count(b));
	for (size_t k = 0; k < precis_doc_keyword_count(a); k++) {
		cr_assert_str_eq(precis_doc_keyword(a, k, NULL), precis_doc_keyword(b, k, NULL));
		cr_assert_eq(precis_doc_keyword_score(a, k), precis_doc_keyword_score(b, k));
	}
	precis_doc_free(a);
	precis_doc_free(b);
}
