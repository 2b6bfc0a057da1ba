/* select.c: budgets, headings, redundancy, output order. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <math.h>
#include <precis.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "doc.h"

static const char article[] =
	"The city council approved a new budget for public libraries on Monday. "
	"The budget adds evening hours at every library in the city.\n\n"
	"Council members said the libraries had been crowded for years. "
	"Parents asked for more study space for students after school.\n\n"
	"The mayor praised the vote. Libraries will open the new hours in March. "
	"Critics said the budget ignored road repairs. "
	"Road repairs will wait for the state budget in the autumn. "
	"A short one. "
	"The council also renamed the central library after a former mayor who "
	"founded the city's first reading room in an old railway station.\n";

static precis_doc *doc_with(const char *text, const precis_options *o)
{
	precis_doc *d = NULL;
	int rc = precis_doc_new(&d, text, strlen(text), o);
	cr_assert_eq(rc, PRECIS_OK, "precis_doc_new: %s", precis_strerror(rc));
	return d;
}

/* The summary is consistent: selected flags match the summary list, each
 * index once, in document order unless asked otherwise. */
static void check_consistent(const precis_doc *d, int by_score)
{
	size_t flagged = 0;
	for (size_t i = 0; i < d->nsents; i++)
		flagged += d->sents[i].selected;
	cr_assert_eq(flagged, d->nsummary);
	for (size_t k = 0; k < d->nsummary; k++) {
		cr_assert(d->summary[k] < d->nsents);
		cr_assert(d->sents[d->summary[k]].selected);
		if (k > 0) {
			if (by_score)
				cr_assert(d->sents[d->summary[k - 1]].rank < d->sents[d->summary[k]].rank);
			else
				cr_assert(d->summary[k - 1] < d->summary[k]);
		}
	}
}

typedef struct budget {
	size_t sentences;
	double ratio;
	size_t words;
	size_t bytes;
	size_t want;  /* expected count, or (size_t)-1 for "at least one" */
} budget;

static budget budgets[] = {
	{ 1, 0, 0, 0, 1 },
	{ 3, 0, 0, 0, 3 },
	{ 5, 0, 0, 0, 5 },
	{ 100, 0, 0, 0, 10 },       /* no more than there are */
	{ 0, 0.1, 0, 0, 1 },        /* ceil(0.1 * 10) */
	{ 0, 0.25, 0, 0, 3 },       /* ceil(2.5) */
	{ 0, 0.5, 0, 0, 5 },
	{ 0, 1.0, 0, 0, 10 },
	{ 0, 0.01, 0, 0, 1 },       /* at least one */
	{ 0, 0, 10, 0, (size_t)-1 },
	{ 0, 0, 25, 0, (size_t)-1 },
	{ 0, 0, 3, 0, 1 },          /* only "A short one." fits */
	{ 0, 0, 2, 0, 0 },          /* nothing fits: nothing is cut */
	{ 0, 0, 0, 80, (size_t)-1 },
	{ 0, 0, 0, 200, (size_t)-1 },
	{ 0, 0, 0, 12, 1 },         /* "A short one." is 12 bytes */
	{ 0, 0, 0, 11, 0 },
	{ 4, 0, 30, 0, (size_t)-1 }, /* all limits apply */
	{ 0, 0.5, 0, 150, (size_t)-1 },
};

ParameterizedTestParameters(select, budgets)
{
	return cr_make_param_array(budget, budgets, sizeof budgets / sizeof budgets[0]);
}

ParameterizedTest(budget *b, select, budgets)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	o.sentences = b->sentences;
	o.ratio = b->ratio;
	o.words = b->words;
	o.bytes = b->bytes;
	precis_doc *d = doc_with(article, &o);
	cr_assert_eq(d->nsents, 10);
	check_consistent(d, 0);
	size_t words = 0, bytes = 0;
	for (size_t k = 0; k < d->nsummary; k++) {
		words += d->sents[d->summary[k]].nwords;
		bytes += d->sents[d->summary[k]].len;
	}
	if (b->sentences)
		cr_assert_leq(d->nsummary, b->sentences);
	if (b->words)
		cr_assert_leq(words, b->words, "%zu words over %zu", words, b->words);
	if (b->bytes)
		cr_assert_leq(bytes, b->bytes, "%zu bytes over %zu", bytes, b->bytes);
	if (b->want == (size_t)-1) {
		cr_assert_geq(d->nsummary, 1);
		/* greedy: no unselected sentence would still fit every limit */
		for (size_t i = 0; i < d->nsents; i++) {
			const pr_sent *s = &d->sents[i];
			if (s->selected)
				continue;
			int fits = (!b->words || words + s->nwords <= b->words) &&
			           (!b->bytes || bytes + s->len <= b->bytes);
			size_t limit = b->sentences ? b->sentences : 10;
			if (b->ratio > 0) {
				size_t r = (size_t)(b->ratio * 10 + 0.999999);
				if (r < limit)
					limit = r;
			}
			cr_assert(!fits || d->nsummary == limit, "sentence %zu still fits", i);
		}
	} else {
		cr_assert_eq(d->nsummary, b->want, "%zu selected, want %zu", d->nsummary, b->want);
	}
	precis_doc_free(d);
}

Test(select, the_best_are_taken_first)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	o.sentences = 3;
	precis_doc *d = doc_with(article, &o);
	/* with no near-repeats in the top, the summary is ranks 1..3 */
	for (size_t k = 0; k < d->nsummary; k++)
		cr_assert_leq(d->sents[d->summary[k]].rank, 4);
	precis_doc_free(d);
}

Test(select, order_by_score)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	o.sentences = 4;
	precis_doc *a = doc_with(article, &o);
	o.flags = PRECIS_FLAG_ORDER_BY_SCORE;
	precis_doc *b = doc_with(article, &o);
	check_consistent(a, 0);
	check_consistent(b, 1);
	cr_assert_eq(a->nsummary, 4);
	cr_assert_eq(b->nsummary, 4);
	/* the same set, in another order */
	for (size_t i = 0; i < a->nsents; i++)
		cr_assert_eq(a->sents[i].selected, b->sents[i].selected);
	cr_assert_eq(b->sents[b->summary[0]].rank, 1, "best first");
	precis_doc_free(a);
	precis_doc_free(b);
}

Test(select, headings_only_without_prose)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_MARKDOWN;
	o.sentences = 10;
	static const char md[] =
		"# Library budget approved by the city council\n\n"
		"The city council approved the library budget. Libraries open later.\n\n"
		"## Library budget and the council vote\n\n"
		"The vote on the library budget was close.\n";
	precis_doc *d = doc_with(md, &o);
	size_t headings = 0;
	for (size_t i = 0; i < d->nsents; i++) {
		if (d->sents[i].kind == PR_BLOCK_HEADING) {
			headings++;
			cr_assert(!d->sents[i].selected, "heading %zu selected", i);
		}
	}
	cr_assert_eq(headings, 2);
	cr_assert_eq(d->nsummary, 3, "all the prose");
	precis_doc_free(d);

	static const char only[] = "# Budget news\n\n## Library hours\n\n## Road repairs\n";
	d = doc_with(only, &o);
	cr_assert_eq(d->nsents, 3);
	cr_assert_eq(d->nsummary, 3, "headings when nothing else exists");
	precis_doc_free(d);
}

/* The prose sentences (headings do not count) are counted once a
 * document, by the first stage that needs the count, and kept for the
 * others: the count is that of the sentences that are not headings. */
Test(select, prose_sentences_are_counted_once_a_document)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_MARKDOWN;
	static const char md[] =
		"# Library budget approved by the city council\n\n"
		"The city council approved the library budget. Libraries open later.\n\n"
		"## Library budget and the council vote\n\n"
		"The vote on the library budget was close. Critics wanted roads.\n";
	precis_doc *d = doc_with(md, &o);
	cr_assert_eq(d->nsents, 6);
	cr_assert(d->prose_known, "counted by the pipeline");
	cr_assert_eq(d->nprose, 4);
	/* the kept count is what is read: a stale one shows */
	d->nprose = 2;
	d->opts.sentences = 1;
	cr_expect_float_eq(pr_summary_short(d), 0.0, 1e-12, "1 of 2 is half");
	d->nprose = 4;
	cr_expect_float_eq(pr_summary_short(d), 1.0 / 3, 1e-12, "1 of 4 is a quarter");
	precis_doc_free(d);
}

/* The prior weighs every prose sentence's noise; selection reads those
 * weights rather than weighing the sentences again. */
Test(select, selection_reads_the_noise_weights_the_prior_kept)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.sentences = 1;
	precis_doc *d = doc_with(article, &o);
	cr_assert_not_null(d->noisew, "a prior was made");
	for (size_t i = 0; i < d->nsents; i++)
		cr_expect_float_eq(d->noisew[i], pr_noise_weight(d, i), 1e-15, "sentence %zu", i);
	cr_assert_eq(d->nsummary, 1);
	uint32_t first = d->summary[0];
	/* mark the chosen one as noise: a kept weight is read, so it goes */
	d->noisew[first] = 0;
	for (size_t i = 0; i < d->nsents; i++)
		d->sents[i].selected = 0;
	cr_assert_eq(pr_select(d), PRECIS_OK);
	cr_assert_eq(d->nsummary, 1);
	cr_assert_neq(d->summary[0], first, "the kept weight was read");
	precis_doc_free(d);
}

Test(select, near_duplicates_are_skipped_while_alternatives_exist)
{
	static const char dup[] =
		"The council approved the library budget on Monday evening. "
		"The council approved the library budget on Monday. "
		"The library budget adds evening hours. "
		"The council approved the library budget on Monday evening. "
		"Road repairs must wait for the state budget.\n";
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	o.sentences = 3;
	precis_doc *d = doc_with(dup, &o);
	cr_assert_eq(d->nsents, 5);
	cr_assert_eq(d->nsummary, 3);
	check_consistent(d, 0);
	/* of the three near-identical sentences (0, 1, 3), one is taken */
	cr_assert_eq(d->sents[0].selected + d->sents[1].selected + d->sents[3].selected, 1);
	cr_assert(d->sents[2].selected && d->sents[4].selected);
	precis_doc_free(d);

	/* with room for everything, the repeats come back: a short document
	 * still gets its full count */
	o.sentences = 5;
	d = doc_with(dup, &o);
	cr_assert_eq(d->nsummary, 5);
	precis_doc_free(d);
}

Test(select, words_count_joined_tokens_once)
{
	/* "well-known" is one word for the budget */
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	o.words = 3;
	precis_doc *d = doc_with("A well-known envoy. Two other diplomats arrived today.", &o);
	cr_assert_eq(d->sents[0].nwords, 3);
	cr_assert_eq(d->nsummary, 1);
	cr_assert(d->sents[0].selected);
	precis_doc_free(d);
}

/* A short summary of a long text comes from its first sentences: here the
 * sixth sentence restates the first three and is the best ranked, yet a
 * one-sentence summary of twenty is the lead. A summary of 40% of the text
 * is not held to the lead: the best-ranked sentence is in it. */
Test(select, short_summaries_keep_to_the_lead)
{
	char text[4096];
	size_t at = 0;
	static const char *lead[] = {
		"Flooding closed the coastal railway line south of the city on Monday. ",
		"Engineers said the sea wall had failed after two nights of storms. ",
		"Trains will run again once the track bed is rebuilt. ",
		"The operator put on replacement buses for passengers. ",
		"Commuters faced delays of up to an hour. ",
		"The railway line along the coast was closed by flooding after the storms broke "
		"the sea wall, and the railway line will reopen when the sea wall and the railway "
		"track are rebuilt. ",
	};
	for (size_t i = 0; i < 6; i++)
		at += (size_t)snprintf(text + at, sizeof text - at, "%s", lead[i]);
	for (int i = 0; i < 14; i++)
		at += (size_t)snprintf(text + at, sizeof text - at,
		                       "Fans of the local football club sang at match %d. ", i);
	/* two sentences: one alone would be the restatement, which also
	 * says the most (one_sentence_says_the_most) */
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	o.sentences = 2;
	precis_doc *d = doc_with(text, &o);
	cr_assert_eq(d->nsents, 20);
	cr_assert_eq(d->sents[5].rank, 1);
	cr_assert_eq(d->nsummary, 2);
	cr_assert_eq(d->summary[0], 0, "picked sentence %u", d->summary[0]);
	cr_assert_eq(d->summary[1], 1, "picked sentence %u", d->summary[1]);
	precis_doc_free(d);

	o.sentences = 0;
	o.ratio = 0.4;
	d = doc_with(text, &o);
	cr_assert_eq(d->nsummary, 8);
	cr_assert(d->sents[5].selected);
	precis_doc_free(d);
}

/* Lines cut off where the next sentence runs into them (sentence.c) count as
 * noise: a share line for certain, a caption as a caption. */
Test(select, glued_lines_are_noise)
{
	static const char text[] =
		"Share this withEmailCopy this linkThe court heard the driver was banned from "
		"driving The brother of the footballer has lost his job as a lorry driver. "
		"He was banned for a year. His employer said the ban made the job impossible. "
		"The footballer did not comment. The case ends next week.";
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	o.sentences = 2;
	precis_doc *d = doc_with(text, &o);
	cr_assert_eq(d->nsents, 7);
	cr_expect_eq(d->sents[0].cut, PR_CUT_BOILERPLATE);
	cr_expect_eq(d->sents[1].cut, PR_CUT_RUNON);
	cr_expect_lt(pr_noise_weight(d, 0), 0.1);
	cr_expect_lt(pr_noise_weight(d, 1), 0.5);
	cr_expect_eq(pr_noise_weight(d, 2), 1.0);
	cr_expect(!d->sents[0].selected && !d->sents[1].selected);
	precis_doc_free(d);
}

/* The noise patterns are found wherever they stand in the sentence (prior.c
 * scans eight bytes at a time, then the last few one by one), at the start
 * of a word or after "(", in either case, and never inside a word; words
 * that share a pattern's first two or three bytes are not noise. */
Test(select, noise_found_at_every_offset)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	for (size_t pad = 0; pad < 18; pad++) {
		char q[32], text[256];
		memset(q, 'q', pad);
		q[pad] = '\0';
		static const struct {
			const char *fmt;
			double w;
		} cases[] = {
			{ "The %s story ran in the print edition", 0.05 },
			{ "The %s story appeared in print on page two of the paper.", 0.05 },
			{ "The %s man pictured above won the long race with ease.", 0.3 },
			{ "The %s man(pictured) won the long race with ease.", 0.3 },
			{ "The %s winner of the long race is seen here (top)", 0.3 },
			{ "The man %spictured above won the long race with ease.", 1.0 },
			{ "The %s story ran on page two of the weekend paper.", 1.0 },
			/* the third byte is looked at too, in either case */
			{ "The %s story: SHARE THIS ARTICLE with friends", 0.05 },
			{ "She %s shares such prints since the spring.", 1.0 },
		};
		for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
			if (pad == 0 && k == 5)
				continue; /* nothing glued to "pictured" */
			snprintf(text, sizeof text, cases[k].fmt, q);
			precis_doc *d = doc_with(text, &o);
			cr_assert_eq(d->nsents, 1, "%s", text);
			cr_expect_eq(pr_noise_weight(d, 0), cases[k].w, "%s: %g", text,
			             pr_noise_weight(d, 0));
			precis_doc_free(d);
		}
	}
}

/* A summary of half the text covers it: position no longer reorders the
 * ranking, and the summary is the best-ranked half. Here the second
 * sentence ranks sixth, just behind the last one, and a lead weight would
 * take it instead. */
Test(select, a_summary_of_half_the_text_is_the_best_ranked_half)
{
	static const char text[] =
		"The harbour board met on Tuesday to discuss the winter storms. "
		"The storms kept the fishing boats in port. "
		"The fishing boats stayed in the harbour during the storms. "
		"Local shops reported that trade fell during the storms. "
		"Council officers warned that the council budget was already stretched. "
		"Tourists still visited the seafront. "
		"The storms damaged the old pier at the harbour entrance. "
		"Repairs to the pier will cost the harbour board two million pounds. "
		"A public meeting about the pier will be held next month. "
		"The board will ask the council to share the cost of the pier repairs.";
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	o.lang = "en";
	o.ratio = 0.5;
	precis_doc *d = doc_with(text, &o);
	cr_assert_eq(d->nsents, 10);
	cr_assert_eq(d->nsummary, 5);
	cr_assert_eq(d->sents[1].rank, 6);
	cr_assert_eq(d->sents[9].rank, 5);
	for (size_t i = 0; i < d->nsents; i++)
		cr_expect_eq(d->sents[i].selected, d->sents[i].rank <= 5, "sentence %zu (rank %zu)",
		             i, (size_t)d->sents[i].rank);
	precis_doc_free(d);
}

/* The order selection goes through is made lazily (select.c: bounds, two
 * heaps, the rest sorted past a point): it is the same as sorting every
 * sentence by worth, equal worth in rank order, whatever the budget, with
 * or without a prior, and with many exact ties. */
static void expect_same_orders(const precis_doc *d)
{
	size_t n = d->nsents;
	uint32_t *full = malloc(n * sizeof *full), *lazy = malloc(n * sizeof *lazy);
	cr_assert(full && lazy);
	size_t limits[] = { 1, 3, 5, n / 4, n / 2, n };
	size_t afters[] = { 1, 2, 7, n / 2, SIZE_MAX };
	for (size_t a = 0; a < sizeof limits / sizeof limits[0]; a++) {
		cr_assert_eq(pr_worth_order(d, limits[a], 0, full), PRECIS_OK);
		for (size_t b = 0; b < sizeof afters / sizeof afters[0]; b++) {
			cr_assert_eq(pr_worth_order(d, limits[a], afters[b], lazy), PRECIS_OK);
			for (size_t r = 0; r < n; r++)
				cr_assert_eq(lazy[r], full[r], "limit %zu, sort after %zu: %zu-th %u, not %u",
				             limits[a], afters[b], r, lazy[r], full[r]);
		}
	}
	free(full);
	free(lazy);
}

Test(select, lazy_order_is_the_sorted_order)
{
	char text[16384];
	size_t len = 0;
	for (int k = 0; k < 120; k++) {
		if (k % 17 == 0)
			len += (size_t)snprintf(text + len, sizeof text - len, "# Part %d\n\n", k);
		len += (size_t)snprintf(text + len, sizeof text - len,
		                        "Sentence %d tells of the %s and the %s.%s", k,
		                        k % 3 ? "river" : "hill", k % 5 ? "town" : "bridge",
		                        k % 4 == 3 ? "\n\n" : " ");
	}
	/* one long sentence, past LONG_WORDS */
	len += (size_t)snprintf(text + len, sizeof text - len, "\n\nThe end");
	for (int k = 0; k < 50; k++)
		len += (size_t)snprintf(text + len, sizeof text - len, " and more");
	snprintf(text + len, sizeof text - len, ".\n");
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_MARKDOWN;
	precis_doc *d = doc_with(text, &o);
	size_t n = d->nsents;
	cr_assert_gt(n, 100);
	cr_assert_not_null(d->prior);
	expect_same_orders(d); /* the real scores and prior */

	/* three scores only, in a rank order that is not the score order,
	 * and a flat prior: ties everywhere */
	double *flat = malloc(n * sizeof *flat);
	cr_assert(flat);
	double *prior = d->prior;
	cr_assert_neq(n % 37, 0);
	for (size_t i = 0; i < n; i++) {
		d->sents[i].score = (double)(1 + (i * 7) % 3) / (double)n;
		d->sents[i].rank = (uint32_t)((i * 37) % n) + 1; /* n is not a multiple of 37 */
		flat[i] = 1.0 / (double)n;
	}
	d->prior = flat;
	expect_same_orders(d);
	d->prior = NULL; /* ranked without a prior */
	expect_same_orders(d);
	d->prior = prior;
	expect_same_orders(d);
	free(flat);
	precis_doc_free(d);
}

/* A sentence that opens with a line about the page is noise in either
 * case (prior.c looks its first three bytes up in the bit table before
 * the list); one that only shares its first bytes with such a line is not. */
Test(select, noise_at_the_start)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	static const struct {
		const char *text;
		double w;
	} cases[] = {
		{ "Published: the council met on Monday to vote on the budget.", 0.05 },
		{ "PHOTO: the council met on Monday to vote on the budget.", 0.05 },
		{ "This video can not be played on your device at all today.", 0.05 },
		{ "A version of this article ran on Monday in the weekend paper.", 0.05 },
		{ "Subscribe now and the council will meet on Monday to vote.", 0.05 },
		{ "This vote of the council came on Monday after a long debate.", 1.0 },
		{ "Pub owners met the council on Monday to vote on the budget.", 1.0 },
		{ "Photographs of the council vote on Monday were shown later.", 1.0 },
		{ "The council met on Monday to vote on the budget for the year.", 1.0 },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		precis_doc *d = doc_with(cases[k].text, &o);
		cr_assert_eq(d->nsents, 1, "%s", cases[k].text);
		cr_expect_eq(pr_noise_weight(d, 0), cases[k].w, "%s: %g", cases[k].text,
		             pr_noise_weight(d, 0));
		precis_doc_free(d);
	}
}

/* How short a summary is beside its text: 1 up to 15% of the sentences,
 * 0 from 30% on, linear between; and the position prior (prior.c) leans
 * on the lead as 1 / sqrt(k + 1) for a short summary, half as much,
 * 1 / (k + 1)^0.25, for one that covers the text. */
Test(select, a_summary_that_covers_the_text_leans_less_on_position)
{
	static const char ten[] =
		"Harbour boats sailed early today. Orchards ripened slowly this year. "
		"Farmers picked apples by hand. Tourists stayed away from town. "
		"Markets closed late on Friday. Bridges were repaired last month. "
		"Trains ran slowly through the valley. Rivers flooded the low fields. "
		"Schools opened again on Monday. Bakers sold bread before dawn.";
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	o.lang = "en";
	precis_doc *d = doc_with(ten, &o);
	cr_assert_eq(d->nsents, 10);
	double t[10];
	const struct {
		size_t sentences;
		double ratio, is_short, lean;
	} cases[] = {
		{ 1, 0, 1, 0.5 },
		{ 2, 0, 2.0 / 3, 0.5 * (1 - 0.5 / 3) },
		{ 3, 0, 0, 0.25 },
		{ 0, 0.4, 0, 0.25 },
	};
	for (size_t k = 0; k < 4; k++) {
		d->opts.sentences = cases[k].sentences;
		d->opts.ratio = cases[k].ratio;
		cr_expect_float_eq(pr_summary_short(d), cases[k].is_short, 1e-12, "case %zu", k);
		cr_assert_eq(pr_prior(d, t), 1);
		/* every sentence a plain statement: only the position differs */
		cr_expect_float_eq(t[0] / t[3], pow(4.0, cases[k].lean), 1e-12, "case %zu", k);
		cr_expect_float_eq(t[1] / t[8], pow(4.5, cases[k].lean), 1e-12, "case %zu", k);
	}
	precis_doc_free(d);
}

/* The redundancy rule, written plainly: the same text, or (with three
 * distinct terms or more) 80 % of the candidate's terms in one chosen
 * sentence. */
static int repeats(const precis_doc *d, size_t c, const uint32_t *chosen, size_t n)
{
	size_t nc = d->sterm_off[c + 1] - d->sterm_off[c];
	for (size_t k = 0; k < n; k++) {
		const pr_sent *a = &d->sents[c], *b = &d->sents[chosen[k]];
		if (a->len == b->len && memcmp(a->text, b->text, a->len) == 0)
			return 1;
		size_t shared = 0;
		for (size_t i = d->sterm_off[c]; i < d->sterm_off[c + 1]; i++)
			for (size_t j = d->sterm_off[chosen[k]]; j < d->sterm_off[chosen[k] + 1]; j++)
				shared += d->sterm[i] == d->sterm[j];
		if (nc >= 3 && (double)shared >= 0.8 * (double)nc)
			return 1;
	}
	return 0;
}

/* A summary of many sentences finds the repeats it must skip through an
 * index of the chosen sentences' terms (select.c, REDUNDANT_SCAN); it
 * must skip exactly those the plain rule skips: replayed here in the
 * order selection goes through (pr_worth_order), two passes as select.c
 * makes them. The text has exact and near repeats, sentences without
 * terms, and a run-on of more terms than the index takes. */
Test(select, a_long_summary_skips_exactly_the_repeats)
{
	static char text[32768];
	size_t len = 0;
	for (int k = 0; k < 50; k++) {
		len += (size_t)snprintf(text + len, sizeof text - len,
		                        "The crew of ship%d found kelp%d and coral%d near port%d at dawn. ",
		                        k, k * 3, k * 7, k % 5);
		/* a near repeat whose one new term is its rarest: the index
		 * must look further than the shortest list */
		if (k % 2)
			len += (size_t)snprintf(text + len, sizeof text - len,
			                        "The crew of ship%d found kelp%d and coral%d near port%d at hour%d. ",
			                        k, k * 3, k * 7, k % 5, k);
		if (k % 3 == 0)
			len += (size_t)snprintf(text + len, sizeof text - len,
			                        "The crew of ship%d found kelp%d and coral%d near port%d at dawn. ",
			                        k, k * 3, k * 7, k % 5);
		if (k % 10 == 0)
			len += (size_t)snprintf(text + len, sizeof text - len, "It was all there for them. ");
		if (k % 4 == 3)
			len += (size_t)snprintf(text + len, sizeof text - len, "\n\n");
	}
	for (int r = 0; r < 2; r++) {
		len += (size_t)snprintf(text + len, sizeof text - len, "\n\nThey listed");
		for (int k = 0; k < 70; k++)
			len += (size_t)snprintf(text + len, sizeof text - len, " shell%d", k);
		len += (size_t)snprintf(text + len, sizeof text - len, ".");
	}
	cr_assert_lt(len, sizeof text - 1);
	size_t sizes[] = { 17, 40, 60, 200 };
	for (size_t b = 0; b < sizeof sizes / sizeof sizes[0]; b++) {
		precis_options o = PRECIS_OPTIONS_INIT;
		o.format = PRECIS_FORMAT_PLAIN;
		o.sentences = sizes[b];
		o.flags |= PRECIS_FLAG_ORDER_BY_SCORE;
		precis_doc *d = doc_with(text, &o);
		size_t n = d->nsents;
		cr_assert_eq(n, 99); /* 50 + 25 + 17 + 5 + 2 */
		size_t limit = sizes[b] < n ? sizes[b] : n;
		uint32_t *order = malloc(n * sizeof *order), *want = malloc(n * sizeof *want);
		char *taken = calloc(n, 1);
		cr_assert(order && want && taken);
		cr_assert_eq(pr_worth_order(d, limit, 0, order), PRECIS_OK);
		uint32_t noise[PR_NOISE_PAIRS];
		pr_noise_pairs(noise);
		size_t nwant = 0, skipped = 0, skipped_empty = 0;
		for (int pass = 0; pass < 2 && nwant < limit; pass++) {
			for (size_t r = 0; r < n && nwant < limit; r++) {
				size_t i = order[r];
				if (taken[i])
					continue;
				if (pass == 0 && pr_noise_weight_with(d, i, noise) < 0.5)
					continue;
				if (pass == 0 && repeats(d, i, want, nwant)) {
					skipped++;
					skipped_empty += d->sterm_off[i] == d->sterm_off[i + 1];
					continue;
				}
				taken[i] = 1;
				want[nwant++] = (uint32_t)i;
			}
		}
		cr_assert_gt(skipped, 0, "budget %zu: the text has repeats to skip", sizes[b]);
		if (sizes[b] >= 60) /* the first pass goes through all of it */
			cr_assert_eq(skipped_empty, 4, "budget %zu", sizes[b]);
		cr_assert_eq(d->nsummary, nwant, "budget %zu", sizes[b]);
		for (size_t i = 0; i < n; i++)
			cr_assert_eq(d->sents[i].selected, taken[i], "budget %zu: sentence %zu",
			             sizes[b], i);
		free(order);
		free(want);
		free(taken);
		precis_doc_free(d);
	}
}

/* A summary of one sentence of an English text of six sentences. */
static precis_doc *one_sentence_of(const char *text)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	o.lang = "en";
	o.sentences = 1;
	precis_doc *d = doc_with(text, &o);
	cr_assert_eq(d->nsents, 6);
	cr_assert_eq(d->nsummary, 1);
	return d;
}

/* A summary of one sentence stands for the whole text: a short sentence,
 * however central, gives way to one that says more in the words the text
 * comes back to (select.c, FIT_STOP); a summary of two does not need to. */
Test(select, one_sentence_says_the_most)
{
	static const char text[] =
		"Storm shuts harbour and ferry. "
		"The harbour was quiet on Tuesday. "
		"The ferry stayed in port. "
		"The storm was the worst in years. "
		"Officials said that it would be at least a week before the ferry could sail "
		"again, because the wall of the harbour had been damaged by the waves of the storm. "
		"Shops in the town reported few customers.";
	precis_doc *d = one_sentence_of(text);
	cr_assert_eq(d->sents[0].rank, 1);
	cr_assert_eq(d->sents[4].rank, 2);
	cr_assert_eq(d->summary[0], 4, "picked sentence %u", d->summary[0]);
	uint32_t order[6];
	cr_assert_eq(pr_worth_order(d, 2, 0, order), PRECIS_OK);
	cr_assert_eq(order[0], 0);
	precis_doc_free(d);
}

/* The fit counts the words a summary would use, not every word: a long
 * list of names the text gives once does not outweigh a plain statement. */
Test(select, one_sentence_is_not_a_list)
{
	static const char text[] =
		"The storm closed the harbour and the ferry on Monday. "
		"The harbour was quiet on Tuesday. "
		"The ferry stayed in port. "
		"The storm was the worst in years. "
		"Harbour, ferry and storm crews from Arbroath, Montrose, Stonehaven, Peterhead, "
		"Fraserburgh, Buckie, Lossiemouth, Nairn, Wick, Thurso, Scrabster, Kirkwall, "
		"Stromness, Lerwick, Scalloway, Ullapool, Oban and Mallaig. "
		"Shops in the town reported few customers.";
	precis_doc *d = one_sentence_of(text);
	cr_assert_eq(d->sents[4].rank, 2);
	cr_assert_eq(d->summary[0], 0, "picked sentence %u", d->summary[0]);
	precis_doc_free(d);
}
