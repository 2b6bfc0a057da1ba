/* graph.c: the sentence-similarity graph. */
#include <criterion/criterion.h>
#include <math.h>
#include <precis.h>
#include <stdint.h>
#include <string.h>

#include "doc.h"

static precis_doc *doc_of(const char *text)
{
	precis_doc *d = NULL;
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	o.lang = "en";
	int rc = precis_doc_new(&d, text, strlen(text), &o);
	cr_assert_eq(rc, PRECIS_OK, "%s", precis_strerror(rc));
	return d;
}

/* The weight of edge i-j, or 0 if there is none. */
static double weight(const pr_graph *g, size_t i, size_t j)
{
	for (size_t k = g->row[i]; k < g->row[i + 1]; k++)
		if (g->col[k] == j)
			return g->w[k];
	return 0.0;
}

/* Each pair of sentences shares one stem, but only the first two share the
 * word form too ("ministers"): TextRank counts that word half again. */
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
	cr_expect_float_eq(weight(&g, 0, 2), one, 1e-12);
	cr_expect_float_eq(weight(&g, 1, 2), one, 1e-12);
	cr_expect_float_eq(weight(&g, 0, 1), 1.5 * one, 1e-12);
	cr_expect_float_eq(weight(&g, 1, 0), 1.5 * one, 1e-12, "the graph is symmetric");
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
