/* graph.c: the sentence-similarity graph. */
#include <criterion/criterion.h>
#include <math.h>
#include <precis.h>
#include <stdint.h>
#include <string.h>

#include "doc.h"
#include "en_doc.h"


/* Row entry k's sentence and weight (a book's graph: its links, doc.h). */
static size_t col_at(const pr_graph *g, size_t k)
{
	return g->upper ? g->link[k].j : g->col[k];
}

static double w_at(const pr_graph *g, size_t k)
{
	return g->upper ? g->link[k].w : g->w[k];
}

/* The weight of edge i-j in row i, or 0 if there is none. */
static double weight(const pr_graph *g, size_t i, size_t j)
{
	for (size_t k = g->row[i]; k < g->row[i + 1]; k++)
		if (col_at(g, k) == j)
			return w_at(g, k);
	return 0.0;
}

/* graph.c's COVER_COSINE: the cosine's weight in the link of two sentences
 * of a text whose summary covers it; COVER_SAME_FORM: what a term both use
 * in the same form counts in the cosine. */
#define COVER 2.0
#define SAME 3.0

/* Each pair of sentences shares one stem, but only the first two share the
 * word form too ("ministers"): TextRank counts that word half again. (A
 * summary of 3 sentences is the whole text: the links add COVER times the
 * cosine of the term counts, SAME / 3 and 1 / 3.) */
Test(graph, a_shared_word_form_counts_more_than_a_shared_stem)
{
	precis_doc *d = doc_of("Ministers approved budgets. "
	                       "Ministers rejected tariffs. "
	                       "Minister praised harbours.");
	cr_assert_eq(d->nsents, 3);
	for (size_t i = 0; i < 3; i++)
		cr_assert_eq(d->sents[i].ntok, 3);
	pr_graph g;
	cr_assert_eq(pr_graph_build(&g, d, PRECIS_SIM_TEXTRANK), PRECIS_OK);
	double one = 1.0 / (2.0 * log(3.0)); /* one shared stem, lengths 3 and 3 */
	cr_expect_float_eq(weight(&g, 0, 2), one + COVER / 3, 1e-12);
	cr_expect_float_eq(weight(&g, 1, 2), one + COVER / 3, 1e-12);
	cr_expect_float_eq(weight(&g, 0, 1), 1.5 * one + COVER * SAME / 3, 1e-12);
	cr_expect_float_eq(weight(&g, 1, 0), 1.5 * one + COVER * SAME / 3, 1e-12,
	                   "the graph is symmetric");
	/* the other similarities count stems as before */
	cr_assert_eq(pr_graph_build(&g, d, PRECIS_SIM_COSINE), PRECIS_OK);
	cr_expect_float_eq(weight(&g, 0, 1), weight(&g, 0, 2), 1e-12);
	precis_doc_free(d);
}

/* Stop words are not word forms either: sentences that share only "the" and
 * "was" have no edge. */
Test(graph, stop_words_make_no_edges)
{
	precis_doc *d = doc_of("The harbour was quiet. The orchard was green.");
	cr_assert_eq(d->nsents, 2);
	pr_graph g;
	cr_assert_eq(pr_graph_build(&g, d, PRECIS_SIM_TEXTRANK), PRECIS_OK);
	cr_expect_eq(g.row[2], 0, "no edges");
	precis_doc_free(d);
}

/* TextRank's |S| is a sentence's distinct terms: the second sentence's
 * stop words do not make it less like the first than the third is (nor
 * do they count in the cosine: the same three terms, two shared in the
 * same form, over the norms of three). */
Test(graph, stop_words_do_not_lengthen_a_sentence)
{
	precis_doc *d = doc_of("Harbour boats sailed. "
	                       "The harbour was quiet and all of the boats were in it. "
	                       "Harbour boats waited.");
	cr_assert_eq(d->nsents, 3);
	cr_assert_gt(d->sents[1].ntok, d->sents[2].ntok);
	pr_graph g;
	cr_assert_eq(pr_graph_build(&g, d, PRECIS_SIM_TEXTRANK), PRECIS_OK);
	cr_expect_float_eq(weight(&g, 0, 1), 3.0 / (2.0 * log(3.0)) + COVER * 2 * SAME / 3, 1e-12);
	cr_expect_float_eq(weight(&g, 0, 2), weight(&g, 0, 1), 1e-12);
	precis_doc_free(d);
}

/* English titles and reporting verbs are stop words for key phrases, but
 * the graph counts them: "Mr" and "said" link two sentences that share no
 * stem, each in the same form (1.5), and "say" and "says" are one term in
 * two forms (1). */
Test(graph, titles_and_reporting_verbs_link_sentences)
{
	precis_doc *d = doc_of("Mr Hale said the harbour was quiet. "
	                       "Mr Moor said the orchard was green. "
	                       "Farmers say apples ripened early. "
	                       "The mayor says tourists stayed away.");
	cr_assert_eq(d->nsents, 4);
	pr_graph g;
	cr_assert_eq(pr_graph_build(&g, d, PRECIS_SIM_TEXTRANK), PRECIS_OK);
	double l[4], c[4]; /* log |S| and |S|, the sentence's distinct terms */
	for (size_t i = 0; i < 4; i++) {
		c[i] = (double)(d->sterm_off[i + 1] - d->sterm_off[i]);
		l[i] = log(c[i]);
	}
	cr_expect_eq(d->sterm_off[1] - d->sterm_off[0], 5, "Mr, Hale, said, harbour, quiet");
	/* a summary of 3 sentences of 4 covers the text: the cosine too */
	cr_expect_float_eq(weight(&g, 0, 1), 3.0 / (l[0] + l[1]) + COVER * 2 * SAME / sqrt(c[0] * c[1]),
	                   1e-12);
	cr_expect_float_eq(weight(&g, 2, 3), 1.0 / (l[2] + l[3]) + COVER / sqrt(c[2] * c[3]), 1e-12);
	cr_expect_eq(weight(&g, 0, 2), 0.0, "\"said\" and \"say\" are two terms");
	cr_expect_eq(d->nedges, 2);
	/* and the other similarities count them as terms too */
	cr_assert_eq(pr_graph_build(&g, d, PRECIS_SIM_COSINE), PRECIS_OK);
	cr_expect_gt(weight(&g, 0, 1), 0.0);
	cr_expect_gt(weight(&g, 2, 3), 0.0);
	precis_doc_free(d);
}

/* ---- the graph against a direct count over every pair of sentences ---- */

/* A text of n sentences of invented words (no stop words), some in a
 * second form ("-s"), so that stems are shared in one form or in two. */
static char *invented_text(size_t n, size_t vocab)
{
	static const char cons[] = "bdfgklmnprstvz", vow[] = "aeiou";
	char *t = malloc(n * 120 + 1), *p = t;
	cr_assert_not_null(t);
	uint32_t x = 12345;
	for (size_t i = 0; i < n; i++) {
		size_t words = 4 + i % 6;
		for (size_t w = 0; w < words; w++) {
			x = x * 1103515245u + 12345u;
			uint32_t v = (x >> 8) % (uint32_t)vocab;
			/* three syllables from v, so each word is its own */
			for (int s = 0; s < 3; s++) {
				char c = cons[v % 14];
				*p++ = w == 0 && s == 0 ? (char)(c - 'a' + 'A') : c;
				*p++ = vow[(v / 14) % 5];
				v /= 70;
			}
			if ((x >> 16) % 4 == 0)
				*p++ = 's';
			*p++ = w + 1 < words ? ' ' : '.';
		}
		*p++ = ' ';
	}
	*p = '\0';
	return t;
}

/* The one word form in which sentence i uses term t, or UINT32_MAX when it
 * uses several. */
static uint32_t form_of(const precis_doc *d, size_t i, uint32_t t)
{
	uint32_t form = UINT32_MAX - 1;
	const pr_sent *s = &d->sents[i];
	for (uint32_t k = s->tok; k < s->tok + s->ntok; k++) {
		if (d->toks[k].term != t)
			continue;
		if (form == UINT32_MAX - 1)
			form = d->toks[k].word;
		else if (form != d->toks[k].word)
			return UINT32_MAX;
	}
	return form;
}

static double sum_sq(const precis_doc *d, size_t i, const double *idf)
{
	double s2 = 0;
	for (size_t k = d->sterm_off[i]; k < d->sterm_off[i + 1]; k++) {
		double x = d->stf[k] * idf[d->sterm[k]];
		s2 += x * x;
	}
	return sqrt(s2);
}

/* The norm of sentence i's vector of term counts. */
static double count_norm(const precis_doc *d, size_t i)
{
	double s2 = 0;
	for (size_t k = d->sterm_off[i]; k < d->sterm_off[i + 1]; k++)
		s2 += (double)d->stf[k] * d->stf[k];
	return sqrt(s2);
}

/* Similarity of i and j as graph.c's header defines it, term by term;
 * TextRank's with cover times the cosine of the term counts. */
static double direct(const precis_doc *d, precis_similarity sim, size_t i, size_t j,
                     uint32_t df_cap, const double *idf, double avglen, double cover)
{
	double dot = 0;
	double li = d->sents[i].ntok, lj = d->sents[j].ntok;
	if (sim == PRECIS_SIM_TEXTRANK) { /* |S|: the sentence's distinct terms */
		li = (double)(d->sterm_off[i + 1] - d->sterm_off[i]);
		lj = (double)(d->sterm_off[j + 1] - d->sterm_off[j]);
	}
	double sum = 0;
	size_t a = d->sterm_off[i], ae = d->sterm_off[i + 1];
	size_t b = d->sterm_off[j], be = d->sterm_off[j + 1];
	while (a < ae && b < be) {
		uint32_t t = d->sterm[a];
		if (t < d->sterm[b]) {
			a++;
			continue;
		}
		if (t > d->sterm[b]) {
			b++;
			continue;
		}
		uint32_t df = d->terms[t].df;
		if (df >= 2 && df <= df_cap) {
			/* (TextRank without the cosine keeps no counts) */
			double ti = d->stf ? d->stf[a] : 0, tj = d->stf ? d->stf[b] : 0;
			if (sim == PRECIS_SIM_TEXTRANK) {
				uint32_t fi = form_of(d, i, t);
				int same = fi != UINT32_MAX && fi == form_of(d, j, t);
				sum += same ? 1.5 : 1.0;
				dot += ti * tj * (same ? SAME : 1.0);
			} else if (sim == PRECIS_SIM_COSINE) {
				sum += ti * tj * idf[t] * idf[t];
			} else {
				double bi = idf[t] * ti * 2.2 / (ti + 1.2 * (0.25 + 0.75 * li / avglen));
				double bj = idf[t] * tj * 2.2 / (tj + 1.2 * (0.25 + 0.75 * lj / avglen));
				sum += bj + bi;
			}
		}
		a++;
		b++;
	}
	if (sum == 0)
		return 0;
	if (sim == PRECIS_SIM_TEXTRANK)
		return sum / (log(li < 2 ? 2 : li) + log(lj < 2 ? 2 : lj)) +
		       (cover > 0 ? cover * dot / (count_norm(d, i) * count_norm(d, j)) : 0);
	if (sim == PRECIS_SIM_COSINE) {
		double ni = sum_sq(d, i, idf), nj = sum_sq(d, j, idf);
		return ni > 0 && nj > 0 ? sum / (ni * nj) : 0;
	}
	return sum * 0.5;
}

/* Every sentence's links to later ones: the strongest max_neighbours of
 * them (ties to the earlier sentence), each weighing what the direct count
 * says, and the rows symmetric (a book's: upper, each edge once). */
static void check_against_direct(size_t nsents, size_t vocab)
{
	char *text = invented_text(nsents, vocab);
	precis_doc *d = doc_of(text);
	free(text);
	size_t n = d->nsents;
	cr_assert_eq(n, nsents);
	/* the bounds of graph.c's header comment */
	uint32_t df_cap = 200;
	size_t max_neighbours = 100;
	if (n > 1000) {
		df_cap = 200000 / n < 64 ? 64 : (uint32_t)(200000 / n);
		max_neighbours = 100000 / n < 16 ? 16 : 100000 / n;
	}
	double *idf = malloc((d->nterms + 1) * sizeof *idf);
	double *w = malloc((n + 1) * sizeof *w);
	double *wsum = malloc((n + 1) * sizeof *wsum); /* a book's W(i) */
	cr_assert(idf && w && wsum);
	/* the last: TextRank for a summary of 40% of the text, which adds
	 * COVER times the cosine */
	const precis_similarity sims[] = { PRECIS_SIM_TEXTRANK, PRECIS_SIM_BM25,
		                               PRECIS_SIM_COSINE, PRECIS_SIM_TEXTRANK };
	for (size_t s = 0; s < 4; s++) {
		precis_similarity sim = sims[s];
		double cover = s == 3 ? COVER : 0;
		d->opts.ratio = s == 3 ? 0.4 : 0;
		d->opts.sentences = s == 3 ? 0 : 3;
		double avglen = 0;
		for (size_t i = 0; i < n; i++)
			avglen += d->sents[i].ntok;
		avglen /= (double)n;
		for (size_t t = 0; t < d->nterms; t++) {
			double df = d->terms[t].df;
			idf[t] = sim == PRECIS_SIM_BM25 ? log(1.0 + (n - df + 0.5) / (df + 0.5))
			                                : log((1.0 + n) / (1.0 + df)) + 1.0;
		}
		pr_graph g;
		cr_assert_eq(pr_graph_build(&g, d, sim), PRECIS_OK);
		/* a book's graph holds each edge once, in the earlier row, its
		 * weight in single precision */
		cr_assert_eq(g.upper, n > PR_LARGE_DOC);
		/* the term counts are kept only where the weights read them */
		cr_assert_eq(d->stf != NULL, sim != PRECIS_SIM_TEXTRANK || cover > 0);
		double tol = g.upper ? 1e-7 : 1e-12;
		size_t edges = 0;
		if (g.upper)
			memset(wsum, 0, n * sizeof *wsum);
		for (size_t i = 0; i < n; i++) {
			size_t cands = 0, kept = 0;
			for (size_t j = i + 1; j < n; j++) {
				w[j] = direct(d, sim, i, j, df_cap, idf, avglen, cover);
				cands += w[j] > 0;
			}
			double weakest = INFINITY;
			size_t weakest_j = 0;
			for (size_t k = g.row[i]; k < g.row[i + 1]; k++) {
				size_t j = col_at(&g, k);
				double gw = w_at(&g, k);
				if (g.upper) {
					cr_assert_gt(j, i, "upper");
					wsum[i] += w[j];
					wsum[j] += w[j];
				} else {
					cr_assert_float_eq(weight(&g, j, i), gw, 0, "symmetric");
					if (j < i)
						continue;
				}
				kept++;
				cr_assert_float_eq(gw, w[j], tol * w[j], "sim %d: %zu-%zu", sim, i, j);
				if (gw < weakest || (gw == weakest && j > weakest_j)) {
					weakest = gw;
					weakest_j = j;
				}
			}
			cr_assert_eq(kept, cands < max_neighbours ? cands : max_neighbours,
			             "sim %d: sentence %zu keeps %zu of %zu", sim, i, kept, cands);
			/* nothing dropped is stronger than the weakest kept */
			for (size_t j = i + 1; j < n && kept == max_neighbours; j++)
				if (w[j] > 0 && weight(&g, i, j) == 0)
					cr_assert(w[j] < weakest * (1 - tol) ||
					              (fabs(w[j] - weakest) <= tol * weakest && j > weakest_j),
					          "sim %d: %zu-%zu dropped", sim, i, j);
			edges += kept;
		}
		/* W(i), every edge of i's weight, in double precision */
		for (size_t i = 0; i < n && g.upper; i++)
			cr_assert_float_eq(g.wsum[i], wsum[i], 1e-10 * wsum[i], "W(%zu)", i);
		/* an article's W(i) is its row's weights added up in the row's
		 * order, to the bit, and PageRank ranks the graph as it would
		 * without it (adding them up itself) */
		if (!g.upper) {
			for (size_t i = 0; i < n; i++) {
				double t = 0;
				for (size_t k = g.row[i]; k < g.row[i + 1]; k++)
					t += g.w[k];
				cr_assert(g.wsum[i] == t, "W(%zu)", i);
			}
			double *with = malloc(2 * n * sizeof *with), *without = with + n;
			cr_assert(with);
			pr_graph bare = g;
			bare.wsum = NULL;
			cr_assert_eq(pr_pagerank(with, &g, 0.85, 1e-6, 100), PRECIS_OK);
			cr_assert_eq(pr_pagerank(without, &bare, 0.85, 1e-6, 100), PRECIS_OK);
			cr_assert(memcmp(with, without, n * sizeof *with) == 0);
			free(with);
		}
		cr_expect_eq(edges, d->nedges);
		cr_expect_gt(edges, n, "a connected test");
	}
	free(idf);
	free(w);
	free(wsum);
	precis_doc_free(d);
}

/* An article's size: no bound applies (df_cap 200, 100 neighbours). */
Test(graph, matches_a_direct_count)
{
	check_against_direct(90, 150);
}

/* A long text: 2,000 sentences, so df_cap is 100 and each sentence keeps
 * its 50 strongest links to later ones. */
Test(graph, matches_a_direct_count_with_bounds, .timeout = 60)
{
	check_against_direct(2000, 120);
}

/* A summary that covers much of the text weighs how much of a sentence's
 * content another shares: TextRank's link plus COVER times the cosine of
 * their term counts, in proportion as the summary grows from 15% to 30% of
 * the text's sentences (2 of 10: a third of it); a summary of one sentence
 * in ten keeps TextRank's graph. */
Test(graph, a_summary_that_covers_the_text_adds_the_cosine)
{
	precis_doc *d = doc_of("Harbour boats sailed early. "
	                       "Harbour boats waited. "
	                       "Orchards ripened slowly. "
	                       "Farmers picked apples. "
	                       "Tourists stayed away. "
	                       "Markets closed late. "
	                       "Bridges were repaired. "
	                       "Trains ran slowly. "
	                       "Rivers flooded fields. "
	                       "Schools opened again.");
	cr_assert_eq(d->nsents, 10);
	cr_assert_eq(d->sterm_off[1] - d->sterm_off[0], 4);
	cr_assert_eq(d->sterm_off[2] - d->sterm_off[1], 3);
	double tr = 3.0 / (log(4.0) + log(3.0)); /* two shared in the same form */
	double cos = 2 * SAME / sqrt(4.0 * 3.0);
	const struct {
		size_t sentences;
		double cover;
	} cases[] = { { 1, 0 }, { 2, 1.0 / 3 }, { 3, 1 }, { 4, 1 } };
	for (size_t k = 0; k < 4; k++) {
		d->opts.sentences = cases[k].sentences;
		pr_graph g;
		cr_assert_eq(pr_graph_build(&g, d, PRECIS_SIM_TEXTRANK), PRECIS_OK);
		cr_expect_float_eq(weight(&g, 0, 1), tr + cases[k].cover * COVER * cos, 1e-12,
		                   "%zu sentences", cases[k].sentences);
	}
	precis_doc_free(d);
}

/* Once the postings hold each sentence's word forms, TextRank's walk reads
 * them there: the forms' block, the arena's last, is given back and the
 * graph's rows take its room (and its pages, already touched), with the
 * cosine or without. */
Test(graph, the_rows_take_the_word_forms_room)
{
	precis_doc *d = doc_of("Harbour boats sailed early. Harbour boats waited. "
	                       "Orchards ripened slowly. Farmers picked apples. "
	                       "Tourists stayed away. Markets closed late. "
	                       "Bridges were repaired. Trains ran slowly. "
	                       "Rivers flooded fields. Schools opened again.");
	cr_assert_eq(d->nsents, 10);
	size_t a = _Alignof(max_align_t);
	for (size_t sentences = 1; sentences <= 4; sentences += 3) {
		d->opts.sentences = sentences; /* 4 of 10: the cosine counts */
		pr_graph g;
		cr_assert_eq(pr_graph_build(&g, d, PRECIS_SIM_TEXTRANK), PRECIS_OK);
		size_t total = 0;
		for (size_t i = 0; i < d->nsents; i++)
			total += d->sents[i].ntok;
		/* sentence_terms' last block: the counts with the cosine, else
		 * the terms; then the forms */
		const char *last = d->stf ? (const char *)d->stf : (const char *)d->sterm;
		size_t size = (total + 1) * sizeof(uint32_t);
		const char *forms = last + (size + a - 1) / a * a;
		/* (an article's rows are made from its upper rows, up: the
		 * first block after the forms' room is given back) */
		const char *row = (const char *)g.row;
		cr_expect(row >= forms && row < forms + size, "%zu: the rows in the forms' room",
		          sentences);
	}
	precis_doc_free(d);
}

/* Rows of every length up to 150 terms in nsents sentences, with words met
 * again in the same sentence: each row holds the sentence's terms once
 * each, ascending, with how often the sentence uses each. */
static void check_rows(size_t nsents)
{
	static const char cons[] = "bdfgklmnprstvz", vow[] = "aeiou";
	char *text = malloc(nsents * (150 + 8) * 8 + 1), *p = text;
	cr_assert_not_null(text);
	uint32_t x = 777;
	for (size_t i = 0; i < nsents; i++) {
		/* 1 + i % 150 words, drawn from a vocabulary the size of the
		 * sentence: some come again, the others once */
		size_t words = 1 + i % 150;
		for (size_t w = 0; w < words; w++) {
			x = x * 1103515245u + 12345u;
			uint32_t v = (x >> 8) % (uint32_t)(words + 20);
			for (int s = 0; s < 3; s++) {
				char c = cons[v % 14];
				*p++ = w == 0 && s == 0 ? (char)(c - 'a' + 'A') : c;
				*p++ = vow[(v / 14) % 5];
				v /= 70;
			}
			*p++ = w + 1 < words ? ' ' : '.';
		}
		*p++ = ' ';
	}
	*p = '\0';
	precis_doc *d = doc_of(text);
	free(text);
	cr_assert_eq(d->nsents, nsents);
	cr_assert_eq(pr_sentence_terms(d), PRECIS_OK);
	uint32_t *count = calloc(d->nterms + 1, sizeof *count);
	cr_assert_not_null(count);
	size_t longest = 0;
	for (size_t i = 0; i < nsents; i++) {
		const pr_sent *s = &d->sents[i];
		size_t distinct = 0;
		for (size_t k = s->tok; k < s->tok + s->ntok; k++) {
			uint32_t t = d->words[d->toks[k].word].term;
			if (t != PR_NO_TERM)
				distinct += count[t]++ == 0;
		}
		size_t a = d->sterm_off[i], e = d->sterm_off[i + 1];
		cr_assert_eq(e - a, distinct, "sentence %zu", i);
		for (size_t k = a; k < e; k++) {
			cr_assert(k == a || d->sterm[k - 1] < d->sterm[k], "sentence %zu: ascending", i);
			cr_assert_eq(d->stf[k], count[d->sterm[k]], "sentence %zu: the count", i);
			count[d->sterm[k]] = 0;
		}
		if (e - a > longest)
			longest = e - a;
	}
	cr_assert_gt(longest, 100, "long rows too");
	free(count);
	precis_doc_free(d);
}

/* An article's rows are sorted all at once (graph.c, sort_rows), the
 * rows short (by counting the terms below each) and long (by insertion)
 * of a book's one at a time. */
Test(graph, rows_of_every_length_hold_each_term_once_in_order)
{
	check_rows(150);
}

Test(graph, a_books_rows_hold_each_term_once_in_order)
{
	check_rows(PR_LARGE_DOC + 100);
}

/* Most terms used once, in one sentence: they make no edges and no
 * postings (their writes go to a slot no term owns), and the links are
 * still those of the direct count. */
Test(graph, matches_a_direct_count_where_most_terms_are_used_once)
{
	check_against_direct(60, 600);
}
