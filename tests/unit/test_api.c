/* The public API: options, errors, ownership, invariants of a document. */
#include <criterion/criterion.h>
#include <precis.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char article[] =
	"The city council approved a new budget for public libraries on Monday. "
	"The budget adds evening hours at every library in the city.\n\n"
	"Council members said the libraries had been crowded for years. "
	"Parents asked for more study space for students after school.\n\n"
	"The mayor praised the vote. Libraries will open the new hours in March. "
	"Critics said the budget ignored road repairs.\n";

static precis_doc *doc_of(const char *text, const precis_options *o)
{
	precis_doc *d = NULL;
	int rc = precis_doc_new(&d, text, strlen(text), o);
	cr_assert_eq(rc, PRECIS_OK, "precis_doc_new: %s", precis_strerror(rc));
	return d;
}

Test(api, version)
{
	cr_assert_str_eq(precis_version(), PRECIS_VERSION_STRING);
	cr_assert_eq(precis_version_number(), PRECIS_VERSION_NUMBER);
}

Test(api, strerror_is_static_and_total)
{
	for (int c = -10; c <= 0; c++)
		cr_assert_not_null(precis_strerror(c));
	cr_assert_str_eq(precis_strerror(PRECIS_EUTF8), "invalid UTF-8");
	cr_assert_str_eq(precis_strerror(12345), "unknown error");
}

Test(api, null_arguments)
{
	precis_doc *d = NULL;
	cr_assert_eq(precis_doc_new(NULL, "x", 1, NULL), PRECIS_EINVAL);
	cr_assert_eq(precis_doc_new(&d, NULL, 3, NULL), PRECIS_EINVAL);
	cr_assert_null(d);
	precis_doc_free(NULL);
	precis_free(NULL);
	/* getters tolerate NULL */
	cr_assert_eq(precis_doc_sentence_count(NULL), 0);
	cr_assert_eq(precis_doc_selected(NULL, 0), (size_t)-1);
}

Test(api, empty_input_gives_empty_document)
{
	precis_doc *d = NULL;
	cr_assert_eq(precis_doc_new(&d, NULL, 0, NULL), PRECIS_OK);
	cr_assert_eq(precis_doc_sentence_count(d), 0);
	cr_assert_eq(precis_doc_selected_count(d), 0);
	cr_assert_eq(precis_doc_keyword_count(d), 0);
	size_t n = 99;
	cr_assert_str_eq(precis_doc_headline(d, &n), "");
	cr_assert_eq(n, 0);
	cr_assert_str_eq(precis_doc_language(d), "en");
	precis_doc_free(d);
}

Test(api, option_validation)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	precis_doc *d = NULL;
	o.ratio = 1.5;
	cr_assert_eq(precis_doc_new(&d, "a", 1, &o), PRECIS_EINVAL);
	o.ratio = -0.1;
	cr_assert_eq(precis_doc_new(&d, "a", 1, &o), PRECIS_EINVAL);
	precis_options_init(&o);
	o.damping = 1.0;
	cr_assert_eq(precis_doc_new(&d, "a", 1, &o), PRECIS_EINVAL);
	precis_options_init(&o);
	o.version = 0;
	cr_assert_eq(precis_doc_new(&d, "a", 1, &o), PRECIS_EVERSION);
	o.version = PRECIS_OPTIONS_VERSION + 1;
	cr_assert_eq(precis_doc_new(&d, "a", 1, &o), PRECIS_EVERSION);
	precis_options_init(&o);
	o.lang = "xx";
	cr_assert_eq(precis_doc_new(&d, "a", 1, &o), PRECIS_ELANG);
	precis_options_init(&o);
	o.flags = 0x100;
	cr_assert_eq(precis_doc_new(&d, "a", 1, &o), PRECIS_EINVAL);
	precis_options_init(&o);
	o.max_bytes = 4;
	cr_assert_eq(precis_doc_new(&d, "hello", 5, &o), PRECIS_ETOOBIG);
	cr_assert_null(d);
}

Test(api, invalid_utf8_is_refused_or_replaced)
{
	const char bad[] = "Good text here. Bad \xC3\x28 byte here.";
	precis_doc *d = NULL;
	size_t at = 0;
	cr_assert_eq(precis_doc_new(&d, bad, sizeof bad - 1, NULL), PRECIS_EUTF8);
	cr_assert_eq(precis_utf8_check(bad, sizeof bad - 1, &at), PRECIS_EUTF8);
	cr_assert_eq(at, 20);
	precis_options o = PRECIS_OPTIONS_INIT;
	o.flags = PRECIS_FLAG_REPLACE_INVALID;
	cr_assert_eq(precis_doc_new(&d, bad, sizeof bad - 1, &o), PRECIS_OK);
	int found = 0;
	for (size_t i = 0; i < precis_doc_sentence_count(d); i++) {
		const char *t = precis_doc_sentence_text(d, i, NULL);
		cr_assert_eq(precis_utf8_check(t, strlen(t), NULL), PRECIS_OK);
		found |= strstr(t, "\xEF\xBF\xBD") != NULL;
	}
	cr_assert(found, "the bad byte reads as U+FFFD");
	precis_doc_free(d);
}

Test(api, document_invariants)
{
	precis_doc *d = doc_of(article, NULL);
	size_t n = precis_doc_sentence_count(d);
	cr_assert_eq(n, 7);
	double total = 0;
	int seen_rank[16] = {0};
	size_t prev_end = 0, selected = 0;
	for (size_t i = 0; i < n; i++) {
		size_t s = precis_doc_sentence_start(d, i), e = precis_doc_sentence_end(d, i);
		cr_assert(s < e && e <= strlen(article));
		cr_assert(s >= prev_end, "sentences are ordered and disjoint");
		prev_end = e;
		size_t len;
		const char *t = precis_doc_sentence_text(d, i, &len);
		/* plain one-line sentences slice back exactly */
		cr_assert_eq(len, e - s);
		cr_assert(memcmp(article + s, t, len) == 0);
		total += precis_doc_sentence_score(d, i);
		size_t r = precis_doc_sentence_rank(d, i);
		cr_assert(r >= 1 && r <= n);
		cr_assert_eq(seen_rank[r], 0, "ranks are a permutation");
		seen_rank[r] = 1;
		selected += (size_t)precis_doc_sentence_selected(d, i);
	}
	cr_assert_float_eq(total, 1.0, 1e-9);
	cr_assert_eq(selected, 3, "three sentences by default");
	cr_assert_eq(precis_doc_selected_count(d), 3);
	for (size_t k = 1; k < 3; k++)
		cr_assert(precis_doc_selected(d, k - 1) < precis_doc_selected(d, k),
		          "document order by default");
	cr_assert_null(precis_doc_sentence_text(d, n, NULL));
	cr_assert_eq(precis_doc_sentence_rank(d, n), 0);
	precis_doc_free(d);
}

Test(api, higher_score_means_better_rank)
{
	precis_doc *d = doc_of(article, NULL);
	size_t n = precis_doc_sentence_count(d);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			if (precis_doc_sentence_rank(d, i) < precis_doc_sentence_rank(d, j))
				cr_assert(precis_doc_sentence_score(d, i) >= precis_doc_sentence_score(d, j));
	/* the sentences about the library budget outrank the aside on roads */
	cr_assert(precis_doc_sentence_rank(d, 0) < precis_doc_sentence_rank(d, 6) &&
	          precis_doc_sentence_rank(d, 1) < precis_doc_sentence_rank(d, 6));
	precis_doc_free(d);
}

Test(api, budgets)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.sentences = 5;
	precis_doc *d = doc_of(article, &o);
	cr_assert_eq(precis_doc_selected_count(d), 5);
	precis_doc_free(d);

	precis_options_init(&o);
	o.ratio = 0.25; /* ceil(0.25 * 7) = 2 */
	d = doc_of(article, &o);
	cr_assert_eq(precis_doc_selected_count(d), 2);
	precis_doc_free(d);

	precis_options_init(&o);
	o.words = 25;
	d = doc_of(article, &o);
	size_t words = 0;
	for (size_t k = 0; k < precis_doc_selected_count(d); k++) {
		const char *t = precis_doc_sentence_text(d, precis_doc_selected(d, k), NULL);
		for (const char *p = t; *p; p++)
			words += (*p != ' ') && (p == t || p[-1] == ' ');
	}
	cr_assert(words <= 25 && words > 0, "%zu words", words);
	precis_doc_free(d);

	precis_options_init(&o);
	o.bytes = 100;
	d = doc_of(article, &o);
	size_t bytes = 0;
	for (size_t k = 0; k < precis_doc_selected_count(d); k++)
		bytes += strlen(precis_doc_sentence_text(d, precis_doc_selected(d, k), NULL));
	cr_assert(bytes <= 100 && bytes > 0, "%zu bytes", bytes);
	precis_doc_free(d);

	/* a budget smaller than every sentence gives an empty summary */
	precis_options_init(&o);
	o.bytes = 5;
	d = doc_of(article, &o);
	cr_assert_eq(precis_doc_selected_count(d), 0);
	precis_doc_free(d);
}

Test(api, order_by_score)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.flags = PRECIS_FLAG_ORDER_BY_SCORE;
	o.sentences = 4;
	precis_doc *d = doc_of(article, &o);
	for (size_t k = 1; k < precis_doc_selected_count(d); k++)
		cr_assert(precis_doc_sentence_rank(d, precis_doc_selected(d, k - 1)) <
		          precis_doc_sentence_rank(d, precis_doc_selected(d, k)));
	precis_doc_free(d);
}

Test(api, one_sentence)
{
	precis_doc *d = doc_of("Just one sentence here.", NULL);
	cr_assert_eq(precis_doc_sentence_count(d), 1);
	cr_assert_eq(precis_doc_selected_count(d), 1);
	cr_assert_float_eq(precis_doc_sentence_score(d, 0), 1.0, 1e-12);
	cr_assert_eq(precis_doc_sentence_rank(d, 0), 1);
	precis_doc_free(d);
}

Test(api, deterministic)
{
	for (int sim = 0; sim < 3; sim++) {
		precis_options o = PRECIS_OPTIONS_INIT;
		o.similarity = (precis_similarity)sim;
		precis_doc *a = doc_of(article, &o), *b = doc_of(article, &o);
		for (size_t i = 0; i < precis_doc_sentence_count(a); i++) {
			cr_assert_eq(precis_doc_sentence_score(a, i), precis_doc_sentence_score(b, i));
			cr_assert_eq(precis_doc_sentence_rank(a, i), precis_doc_sentence_rank(b, i));
		}
		cr_assert_str_eq(precis_doc_headline(a, NULL), precis_doc_headline(b, NULL));
		precis_doc_free(a);
		precis_doc_free(b);
	}
}

Test(api, identical_sentences_tie_to_the_earlier)
{
	char text[4096] = "";
	for (int i = 0; i < 50; i++)
		strcat(text, "The cat sat on the mat. ");
	precis_doc *d = doc_of(text, NULL);
	size_t n = precis_doc_sentence_count(d);
	cr_assert_eq(n, 50);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(precis_doc_sentence_rank(d, i), i + 1);
	/* near-repeats are skipped while something else exists; here nothing
	 * else does, so the budget is still filled */
	cr_assert_eq(precis_doc_selected_count(d), 3);
	precis_doc_free(d);
}

Test(api, convenience_functions)
{
	char *s = NULL;
	size_t n = 0;
	cr_assert_eq(precis_summarize_text(&s, &n, article, strlen(article), NULL), PRECIS_OK);
	cr_assert_eq(strlen(s), n);
	int lines = 0;
	for (char *p = s; *p; p++)
		lines += *p == '\n';
	cr_assert_eq(lines, 3);
	precis_free(s);
	cr_assert_eq(precis_headline_text(&s, &n, article, strlen(article), NULL), PRECIS_OK);
	cr_assert(n > 0 && n <= 75);
	cr_assert_eq(strchr(s, '\n'), NULL);
	precis_free(s);
	cr_assert_eq(precis_summarize_text(NULL, NULL, "x", 1, NULL), PRECIS_EINVAL);
}

Test(api, keywords_are_scored_best_first)
{
	precis_doc *d = doc_of(article, NULL);
	size_t k = precis_doc_keyword_count(d);
	cr_assert(k > 0 && k <= 10);
	cr_assert_float_eq(precis_doc_keyword_score(d, 0), 1.0, 1e-12);
	for (size_t i = 1; i < k; i++)
		cr_assert(precis_doc_keyword_score(d, i) <= precis_doc_keyword_score(d, i - 1));
	int budget_or_library = 0;
	for (size_t i = 0; i < k; i++) {
		const char *w = precis_doc_keyword(d, i, NULL);
		budget_or_library |= strstr(w, "budget") != NULL || strstr(w, "librar") != NULL ||
		                     strstr(w, "Librar") != NULL;
	}
	cr_assert(budget_or_library, "the document is about library budgets");
	precis_doc_free(d);
}

Test(api, languages)
{
	const char *const *l = precis_languages();
	cr_assert_str_eq(l[0], "en");
	size_t n = 0;
	while (l[n])
		n++;
	cr_assert(n >= 1);
}
