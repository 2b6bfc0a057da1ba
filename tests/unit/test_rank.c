/* rank.c: pr_pagerank on hand-built graphs; pr_rank's ranks and ties. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <precis.h>
#include <stdint.h>
#include <string.h>

#include "doc.h"

#define MAXN 16
#define MAXE 64

/* A graph built from undirected weighted edges. */
typedef struct hg {
	pr_graph g;
	size_t row[MAXN + 1];
	uint32_t col[MAXE];
	double w[MAXE];
} hg;

static void build(hg *h, size_t n, const uint32_t (*e)[2], const double *w, size_t ne)
{
	memset(h, 0, sizeof *h);
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		h->row[i] = at;
		for (size_t k = 0; k < ne; k++) {
			double wk = w ? w[k] : 1.0;
			if (e[k][0] == i) {
				h->col[at] = e[k][1];
				h->w[at++] = wk;
			} else if (e[k][1] == i) {
				h->col[at] = e[k][0];
				h->w[at++] = wk;
			}
		}
	}
	h->row[n] = at;
	h->g.n = n;
	h->g.row = h->row;
	h->g.col = h->col;
	h->g.w = h->w;
}

static double sum(const double *s, size_t n)
{
	double t = 0;
	for (size_t i = 0; i < n; i++)
		t += s[i];
	return t;
}

Test(pagerank, triangle_is_uniform)
{
	static const uint32_t e[][2] = { { 0, 1 }, { 1, 2 }, { 0, 2 } };
	hg h;
	build(&h, 3, e, NULL, 3);
	double s[3];
	cr_assert_eq(pr_pagerank(s, &h.g, 0.85, 1e-12, 100), PRECIS_OK);
	for (int i = 0; i < 3; i++)
		cr_assert_float_eq(s[i], 1.0 / 3, 1e-12);
}

Test(pagerank, star_centre_wins_leaves_tie)
{
	static const uint32_t e[][2] = { { 0, 1 }, { 0, 2 }, { 0, 3 }, { 0, 4 } };
	hg h;
	build(&h, 5, e, NULL, 4);
	double s[5];
	cr_assert_eq(pr_pagerank(s, &h.g, 0.85, 1e-12, 1000), PRECIS_OK);
	for (int i = 1; i < 5; i++) {
		cr_assert(s[0] > s[i]);
		cr_assert_float_eq(s[i], s[1], 1e-12);
	}
	cr_assert_float_eq(sum(s, 5), 1.0, 1e-12);
	/* the fixed point: c = 0.15/5 + 0.85 * 4 l, l = 0.15/5 + 0.85 c / 4 */
	double c = (0.03 + 0.85 * 4 * 0.03) / (1 - 0.85 * 0.85);
	cr_assert_float_eq(s[0], c, 1e-9);
}

Test(pagerank, weights_matter)
{
	/* a path 0 - 1 - 2 where the 1-2 edge is much heavier */
	static const uint32_t e[][2] = { { 0, 1 }, { 1, 2 } };
	static const double w[] = { 1.0, 9.0 };
	hg h;
	build(&h, 3, e, w, 2);
	double s[3];
	cr_assert_eq(pr_pagerank(s, &h.g, 0.85, 1e-12, 1000), PRECIS_OK);
	cr_assert(s[2] > s[0], "the heavier neighbour gets more of 1's score");
	cr_assert(s[1] > s[2]);
	cr_assert_float_eq(sum(s, 3), 1.0, 1e-12);
}

Test(pagerank, isolated_nodes_share_dangling_mass)
{
	/* 0 - 1 linked; 2, 3 alone */
	static const uint32_t e[][2] = { { 0, 1 } };
	hg h;
	build(&h, 4, e, NULL, 1);
	double s[4];
	cr_assert_eq(pr_pagerank(s, &h.g, 0.85, 1e-14, 1000), PRECIS_OK);
	cr_assert_float_eq(sum(s, 4), 1.0, 1e-12);
	cr_assert_float_eq(s[0], s[1], 1e-12);
	cr_assert_float_eq(s[2], s[3], 1e-12);
	cr_assert(s[0] > s[2], "linked nodes keep their mass, lone ones give it away");
	cr_assert(s[2] > 0);
	/* fixed point: a = (1-d)/4 + d*2i/4 + d*a, i = (1-d)/4 + d*2i/4 */
	double d = 0.85, i = (1 - d) / 4 / (1 - d / 2), a = ((1 - d) / 4 + d * i / 2) / (1 - d);
	cr_assert_float_eq(s[2], i, 1e-9);
	cr_assert_float_eq(s[0], a, 1e-9);
}

Test(pagerank, no_edges_is_uniform)
{
	hg h;
	build(&h, 7, NULL, NULL, 0);
	double s[7];
	cr_assert_eq(pr_pagerank(s, &h.g, 0.85, 1e-6, 100), PRECIS_OK);
	for (int i = 0; i < 7; i++)
		cr_assert_float_eq(s[i], 1.0 / 7, 1e-15);
}

Test(pagerank, empty_and_single)
{
	hg h;
	build(&h, 0, NULL, NULL, 0);
	double s[1] = { 42.0 };
	cr_assert_eq(pr_pagerank(s, &h.g, 0.85, 1e-6, 100), PRECIS_OK);
	cr_assert_float_eq(s[0], 42.0, 0, "n = 0 writes nothing");
	build(&h, 1, NULL, NULL, 0);
	cr_assert_eq(pr_pagerank(s, &h.g, 0.85, 1e-6, 100), PRECIS_OK);
	cr_assert_float_eq(s[0], 1.0, 1e-15);
}

static const uint32_t path[][2] = { { 0, 1 }, { 1, 2 }, { 2, 3 }, { 3, 4 } };

Test(pagerank, iteration_cap_is_honoured)
{
	hg h;
	build(&h, 5, path, NULL, 4);
	double zero[5], one[5], many[5];
	cr_assert_eq(pr_pagerank(zero, &h.g, 0.85, 1e-15, 0), PRECIS_OK);
	for (int i = 0; i < 5; i++)
		cr_assert_float_eq(zero[i], 0.2, 1e-15, "no iteration: the start vector");
	cr_assert_eq(pr_pagerank(one, &h.g, 0.85, 1e-15, 1), PRECIS_OK);
	/* one step from uniform: ends have one neighbour of degree 2 */
	cr_assert_float_eq(one[0], 0.03 + 0.85 * 0.2 / 2, 1e-12);
	cr_assert_float_eq(one[1], 0.03 + 0.85 * (0.2 + 0.2 / 2), 1e-12);
	cr_assert_float_eq(one[2], 0.03 + 0.85 * (0.2 / 2 + 0.2 / 2), 1e-12);
	cr_assert_eq(pr_pagerank(many, &h.g, 0.85, 1e-15, 1000), PRECIS_OK);
	cr_assert(fabs(many[0] - one[0]) > 1e-4, "more iterations move further");
}

Test(pagerank, tolerance_stops_early)
{
	hg h;
	build(&h, 5, path, NULL, 4);
	double loose[5], capped[5], tight[5];
	/* a tolerance above the first step's change stops after one step */
	cr_assert_eq(pr_pagerank(loose, &h.g, 0.85, 10.0, 1000), PRECIS_OK);
	cr_assert_eq(pr_pagerank(capped, &h.g, 0.85, 1e-15, 1), PRECIS_OK);
	for (int i = 0; i < 5; i++)
		cr_assert_float_eq(loose[i], capped[i], 1e-15);
	cr_assert_eq(pr_pagerank(tight, &h.g, 0.85, 1e-13, 10000), PRECIS_OK);
	/* at the fixed point one more step changes nothing */
	double again[5];
	cr_assert_eq(pr_pagerank(again, &h.g, 0.85, 1e-15, 20000), PRECIS_OK);
	for (int i = 0; i < 5; i++)
		cr_assert_float_eq(tight[i], again[i], 1e-11);
	cr_assert_float_eq(tight[0], tight[4], 1e-12, "symmetric path");
	cr_assert_float_eq(tight[1], tight[3], 1e-12);
}

Test(pagerank, damping_is_honoured)
{
	static const uint32_t e[][2] = { { 0, 1 }, { 0, 2 }, { 0, 3 }, { 0, 4 } };
	hg h;
	build(&h, 5, e, NULL, 4);
	double lo[5], hi[5];
	cr_assert_eq(pr_pagerank(lo, &h.g, 0.1, 1e-14, 1000), PRECIS_OK);
	cr_assert_eq(pr_pagerank(hi, &h.g, 0.95, 1e-14, 1000), PRECIS_OK);
	cr_assert(hi[0] > lo[0], "more damping weight, more structure");
	double c = (0.9 / 5 + 0.1 * 4 * 0.9 / 5) / (1 - 0.1 * 0.1);
	cr_assert_float_eq(lo[0], c, 1e-9);
}

/* pr_rank through documents: ranks are a permutation, best first, and equal
 * scores go to the earlier sentence. */
static precis_doc *doc_of(const char *text)
{
	precis_doc *d = NULL;
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	int rc = precis_doc_new(&d, text, strlen(text), &o);
	cr_assert_eq(rc, PRECIS_OK, "%s", precis_strerror(rc));
	return d;
}

Test(rank, ties_go_to_the_earlier_sentence)
{
	/* four unrelated sentences: no edges, equal scores */
	precis_doc *d = doc_of("Apples grow. Rivers flow. Engines roar. Snow falls.");
	cr_assert_eq(d->nsents, 4);
	for (size_t i = 0; i < 4; i++) {
		cr_assert_float_eq(d->sents[i].score, 0.25, 1e-12);
		cr_assert_eq(d->sents[i].rank, i + 1);
	}
	precis_doc_free(d);
}

Test(rank, central_sentence_ranks_first)
{
	precis_doc *d = doc_of("Solar panels cut power bills. "
	                       "Wind farms cut power bills too. "
	                       "Solar panels and wind farms both cut power bills and emissions. "
	                       "Cats sleep.");
	cr_assert_eq(d->nsents, 4);
	cr_assert_eq(d->sents[2].rank, 1, "the sentence that shares most");
	cr_assert_eq(d->sents[3].rank, 4, "the unrelated one is last");
	double total = 0;
	for (size_t i = 0; i < 4; i++) {
		total += d->sents[i].score;
		for (size_t j = 0; j < 4; j++)
			if (d->sents[i].rank < d->sents[j].rank)
				cr_assert(d->sents[i].score > d->sents[j].score ||
				          (d->sents[i].score == d->sents[j].score && i < j));
	}
	cr_assert_float_eq(total, 1.0, 1e-12);
	precis_doc_free(d);
}

Test(rank, pr_rank_on_a_hand_built_graph)
{
	/* drive pr_rank directly: sentences 1 and 3 tie at the top (a square
	 * with one diagonal 1-3) and 0, 2 tie below */
	precis_doc d;
	memset(&d, 0, sizeof d);
	pr_sent s[4];
	memset(s, 0, sizeof s);
	d.sents = s;
	d.nsents = 4;
	d.opts.damping = 0.85;
	d.opts.tolerance = 1e-14;
	d.opts.max_iterations = 1000;
	static const uint32_t e[][2] = { { 0, 1 }, { 1, 2 }, { 2, 3 }, { 3, 0 }, { 1, 3 } };
	hg h;
	build(&h, 4, e, NULL, 5);
	cr_assert_eq(pr_rank(&d, &h.g), PRECIS_OK);
	cr_assert_float_eq(s[1].score, s[3].score, 1e-12);
	cr_assert_float_eq(s[0].score, s[2].score, 1e-12);
	cr_assert(s[1].score > s[0].score);
	cr_assert_eq(s[1].rank, 1);
	cr_assert_eq(s[3].rank, 2);
	cr_assert_eq(s[0].rank, 3);
	cr_assert_eq(s[2].rank, 4);
	/* stages allocate in the document's arena (doc.h) */
	pr_arena_release(&d.arena);
}

/* The word graph leaves out nodes with no edges (keyphrase.c): ranked with
 * pr_pagerank_isolated, the linked nodes must score exactly as in the
 * whole graph, to the last bit, or ties between key phrases would fall
 * differently. Whole graph: 9 nodes, 1, 2, 5 and 8 isolated. */
Test(pagerank, isolated_nodes_left_out_score_the_same)
{
	static const uint32_t whole[][2] = { { 0, 3 }, { 3, 4 }, { 4, 6 }, { 6, 7 }, { 0, 7 }, { 3, 6 } };
	static const double w[] = { 1, 2, 1, 3, 1, 1 };
	/* the same edges over the linked nodes 0, 3, 4, 6, 7 only */
	static const uint32_t linked[][2] = { { 0, 1 }, { 1, 2 }, { 2, 3 }, { 3, 4 }, { 0, 4 }, { 1, 3 } };
	static const uint32_t node[] = { 0, 3, 4, 6, 7 };
	hg a, b;
	build(&a, 9, whole, w, 6);
	build(&b, 5, linked, w, 6);
	double sa[9], sb[5];
	cr_assert_eq(pr_pagerank(sa, &a.g, 0.85, 1e-6, 100), PRECIS_OK);
	cr_assert_eq(pr_pagerank_isolated(sb, &b.g, 0.85, 1e-6, 100, 4, node), PRECIS_OK);
	for (int i = 0; i < 5; i++)
		cr_assert(sb[i] == sa[node[i]], "node %u: %.17g vs %.17g", node[i], sb[i], sa[node[i]]);
	/* and the isolated ones hold the rest, equally */
	double rest = 1.0 - sum(sb, 5);
	cr_assert_float_eq(sa[1], rest / 4, 1e-12);
	cr_assert_float_eq(sa[8], rest / 4, 1e-12);
}

/* Above 1,000 sentences the tolerance is taken per 1,000 sentences (a
 * book's Gauss-Seidel sweeps stop sooner): the scores must still lie within
 * a few tolerances (L1, over all sentences) of fully converged ones. */
Test(rank, large_document_scores_stay_near_the_fixed_point)
{
	size_t cap = 400000, len = 0;
	char *text = malloc(cap);
	cr_assert(text);
	uint32_t seed = 7;
	size_t nsent = 3000;
	for (size_t s = 0; s < nsent; s++) {
		for (int k = 0; k < 6; k++) {
			seed = seed * 1103515245u + 12345u;
			/* one of 1,500 made-up words ("kab", "kbc", ...): each in a
			 * dozen sentences, under the common-term cap */
			unsigned v = (seed >> 16) % 1500;
			len += (size_t)snprintf(text + len, cap - len, "%sk%c%c%c", k ? " " : "The ",
			                        'a' + v % 26, 'a' + v / 26 % 26, 'a' + v / 676);
		}
		len += (size_t)snprintf(text + len, cap - len, ".\n");
	}
	precis_options loose = PRECIS_OPTIONS_INIT, tight = PRECIS_OPTIONS_INIT;
	tight.tolerance = 1e-14;
	tight.max_iterations = 100000;
	precis_doc *a, *b;
	cr_assert_eq(precis_doc_new(&a, text, len, &loose), PRECIS_OK);
	cr_assert_eq(precis_doc_new(&b, text, len, &tight), PRECIS_OK);
	size_t n = precis_doc_sentence_count(a);
	cr_assert(n >= nsent - 1 && n <= nsent, "%zu sentences", n);
	double l1 = 0;
	for (size_t i = 0; i < n; i++)
		l1 += fabs(precis_doc_sentence_score(a, i) - precis_doc_sentence_score(b, i));
	double tol = 1e-6 * (double)n / 1000;
	cr_assert(l1 < 10 * tol, "L1 distance %g over %zu sentences", l1, n);
	cr_assert(l1 > 0, "the loose run stopped before the fixed point");
	precis_doc_free(a);
	precis_doc_free(b);
	free(text);
}

/* pr_sort_desc on n keys against a plain insertion sort: largest first,
 * -0 and 0 equal, equal keys in their incoming order. */
static void check_sort_desc(size_t n, uint32_t r)
{
	double *key = malloc((n + 1) * sizeof *key);
	uint32_t *idx = malloc((n + 1) * sizeof *idx), *tmp = malloc((n + 1) * sizeof *tmp);
	uint32_t *want = malloc((n + 1) * sizeof *want);
	cr_assert(key && idx && tmp && want);
	for (size_t i = 0; i < n; i++) {
		r = r * 1103515245u + 12345u;
		/* few distinct values, both signs, zeros of both signs, tiny and
		 * large magnitudes */
		switch ((r >> 16) % 6) {
		case 0: key[i] = 0.0; break;
		case 1: key[i] = -0.0; break;
		case 2: key[i] = (double)((r >> 8) % 7) / 3.0; break;
		case 3: key[i] = -(double)((r >> 8) % 5) * 1e-300; break;
		case 4: key[i] = (double)((r >> 8) % 3) * 1e200; break;
		default: key[i] = 1.0 / (double)(1 + (r >> 8) % 50000); break;
		}
		idx[i] = (uint32_t)(n - 1 - i); /* any incoming order */
	}
	for (size_t i = 0; i < n; i++) {
		/* insertion: after every key at least as large */
		size_t j = i;
		uint32_t v = idx[i];
		while (j > 0 && key[v] > key[want[j - 1]]) {
			want[j] = want[j - 1];
			j--;
		}
		want[j] = v;
	}
	pr_sort_desc(idx, tmp, n, key);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(idx[i], want[i], "%zu keys, place %zu: %u (%g), want %u (%g)", n, i,
		             idx[i], key[idx[i]], want[i], key[want[i]]);
	free(key);
	free(idx);
	free(tmp);
	free(want);
}

/* Sorting many keys (a book's sentences) takes another road than a
 * handful; the order is the same. */
Test(rank, sort_desc_long_input_keeps_ties_in_order)
{
	check_sort_desc(5000, 12345);
}

/* An article's handful of keys (each one's place counted) and a few more
 * (merged): every count from none to past where the roads part. */
Test(rank, sort_desc_short_inputs_keep_ties_in_order)
{
	for (size_t n = 0; n <= 150; n++)
		for (uint32_t seed = 1; seed <= 5; seed++)
			check_sort_desc(n, seed * 7919u + (uint32_t)n);
}

/* An article's scores are all different: each key's place is then
 * counted in one pass (rank.c, count_sort_desc), and must be the place
 * the ties' careful count gives; infinities among them (distinct keys,
 * still the one-pass count), and one tie among many distinct keys (the
 * careful count; from three keys on). */
Test(rank, sort_desc_distinct_keys)
{
	double key[64];
	uint32_t idx[64], tmp[64];
	for (size_t n = 1; n <= 64; n++) {
		for (int tie = 0; tie < 3; tie++) {
			for (size_t i = 0; i < n; i++) {
				/* distinct, in a scrambled order */
				key[i] = (double)((i * 37 + 11) % 67) / 67.0;
				idx[i] = (uint32_t)i;
			}
			if (tie == 1 && n > 2)
				key[n - 1] = key[0]; /* one tie: the earlier first */
			if (tie == 2) {
				key[0] = -HUGE_VAL;
				key[n - 1] = HUGE_VAL;
			}
			pr_sort_desc(idx, tmp, n, key);
			for (size_t r = 1; r < n; r++) {
				double a = key[idx[r - 1]], b = key[idx[r]];
				cr_assert(a > b || (a == b && idx[r - 1] < idx[r]),
				          "%zu keys, tie %d: place %zu", n, tie, r);
			}
			uint64_t all = 0;
			for (size_t r = 0; r < n; r++)
				all |= (uint64_t)1 << idx[r];
			cr_assert_eq(all, n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1,
			             "a permutation");
		}
	}
}

/* Power iteration as rank.c's header states it, one row after another and
 * each row's sum in its order: pr_pagerank_personal must give these scores
 * to the last bit, however it visits the rows. */
static void plain_power(double *s, const pr_graph *g, double d, double tol, unsigned cap,
                        const double *tele, double *deltas)
{
	size_t n = g->n;
	double *out = malloc(3 * (n + 1) * sizeof *out), *cur = out + n + 1, *nxt = cur + n + 1;
	cr_assert(out);
	for (size_t i = 0; i < n; i++) {
		double w = 0;
		for (size_t k = g->row[i]; k < g->row[i + 1]; k++)
			w += g->w[k];
		out[i] = w > 0 ? 1.0 / w : 0.0;
		cur[i] = 1.0 / (double)n;
	}
	for (unsigned it = 0; it < cap; it++) {
		double dangling = 0, delta = 0;
		for (size_t i = 0; i < n; i++)
			if (out[i] == 0.0)
				dangling += cur[i];
		double jump = (1.0 - d) + d * dangling;
		for (size_t i = 0; i < n; i++) {
			double sum = 0;
			for (size_t k = g->row[i]; k < g->row[i + 1]; k++)
				sum += g->w[k] * out[g->col[k]] * cur[g->col[k]];
			nxt[i] = (tele ? jump * tele[i] : jump / (double)n) + d * sum;
			delta += fabs(nxt[i] - cur[i]);
		}
		memcpy(cur, nxt, n * sizeof *cur);
		if (deltas)
			deltas[it] = delta;
		if (delta < tol)
			break;
	}
	double total = 0;
	for (size_t i = 0; i < n; i++)
		total += cur[i];
	for (size_t i = 0; i < n; i++)
		s[i] = cur[i] / total;
	free(out);
}

Test(pagerank, rows_of_every_length_score_as_one_at_a_time)
{
	/* rows of 0 to 7 entries, several of each length, odd counts */
	static const uint32_t e[][2] = {
		{ 0, 1 }, { 0, 2 }, { 0, 3 }, { 0, 4 }, { 0, 5 }, { 0, 6 }, { 0, 7 },
		{ 1, 2 }, { 1, 3 }, { 1, 8 }, { 2, 9 }, { 3, 10 }, { 4, 11 }, { 8, 9 },
		{ 9, 10 }, { 10, 11 }, { 11, 12 }, { 12, 13 }, { 5, 13 }, { 6, 12 },
	};
	double w[sizeof e / sizeof e[0]];
	for (size_t k = 0; k < sizeof e / sizeof e[0]; k++)
		w[k] = 0.3 + 0.17 * (double)(k % 5);
	hg h;
	build(&h, 15, e, w, sizeof e / sizeof e[0]); /* node 14 has no edges */
	double tele[15], t = 0;
	for (size_t i = 0; i < 15; i++)
		t += tele[i] = 1.0 / (double)(i + 1);
	for (size_t i = 0; i < 15; i++)
		tele[i] /= t;
	for (int personal = 0; personal < 2; personal++) {
		double got[15], want[15];
		const double *v = personal ? tele : NULL;
		cr_assert_eq(pr_pagerank_personal(got, &h.g, 0.85, 1e-9, 100, v), PRECIS_OK);
		plain_power(want, &h.g, 0.85, 1e-9, 100, v, NULL);
		for (size_t i = 0; i < 15; i++)
			cr_assert(memcmp(&got[i], &want[i], sizeof got[i]) == 0,
			          "node %zu: %.17g, want %.17g", i, got[i], want[i]);
	}
}

/* A graph of n nodes whose rows have every length from none to dozens,
 * each row's columns in no order: node i links to the nodes i * 7 + 3k + 1
 * (mod n) for k < i % 23, a few more hubs, weights of many values. In
 * compressed rows by node; freed with free(g->row). */
static void ragged_graph(pr_graph *g, size_t n)
{
	size_t cap = 2 * n * 30 + 2;
	uint32_t *a = malloc(cap * sizeof *a), *b = malloc(cap * sizeof *b);
	double *w = malloc(cap * sizeof *w);
	unsigned char *seen = calloc(n * n, 1);
	cr_assert(a && b && w && seen);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < i % 23 + (i % 97 == 0 ? 25 : 0); k++) {
			size_t j = (i * 7 + 3 * k + 1) % n;
			if (j == i || seen[i * n + j])
				continue;
			seen[i * n + j] = seen[j * n + i] = 1;
			double wt = 0.25 + (double)((i * 31 + j * 17) % 13) / 7.0;
			a[m] = (uint32_t)i, b[m] = (uint32_t)j, w[m++] = wt;
			a[m] = (uint32_t)j, b[m] = (uint32_t)i, w[m++] = wt;
		}
	}
	memset(g, 0, sizeof *g);
	g->n = n;
	g->row = calloc(n + 1 + (m + 1) * 3, sizeof *g->row);
	cr_assert(g->row);
	g->col = (uint32_t *)(g->row + n + 1);
	g->w = (double *)(g->row + n + 1 + m + 1);
	for (size_t e = 0; e < m; e++)
		g->row[a[e] + 1]++;
	for (size_t i = 0; i < n; i++)
		g->row[i + 1] += g->row[i];
	size_t *at = malloc((n + 1) * sizeof *at);
	cr_assert(at);
	memcpy(at, g->row, (n + 1) * sizeof *at);
	for (size_t e = 0; e < m; e++) {
		g->col[at[a[e]]] = b[e];
		g->w[at[a[e]]++] = w[e];
	}
	free(at);
	free(a);
	free(b);
	free(w);
	free(seen);
}

/* Power iteration lays the rows out in blocks (rank.c), padded to whole
 * blocks: every count of nodes from 1 to 40 (every padding), and graphs
 * as large as power iteration takes (PR_LARGE_GRAPH nodes: the columns'
 * bits), score as one row at a time would, to the last bit. */
Test(pagerank, every_padding_scores_as_one_at_a_time)
{
	static const size_t sizes[] = { PR_LARGE_GRAPH - 3, PR_LARGE_GRAPH };
	for (size_t t = 0; t < 40 + sizeof sizes / sizeof sizes[0]; t++) {
		size_t n = t < 40 ? t + 1 : sizes[t - 40];
		pr_graph g;
		ragged_graph(&g, n);
		double *tele = malloc(3 * n * sizeof *tele), *got = tele + n, *want = got + n, sum = 0;
		cr_assert(tele);
		for (size_t i = 0; i < n; i++)
			sum += tele[i] = 1.0 / (double)(1 + (i * 13) % 7);
		for (size_t i = 0; i < n; i++)
			tele[i] /= sum;
		for (int personal = 0; personal < 2; personal++) {
			const double *v = personal ? tele : NULL;
			cr_assert_eq(pr_pagerank_personal(got, &g, 0.85, 1e-9, 100, v), PRECIS_OK);
			plain_power(want, &g, 0.85, 1e-9, 100, v, NULL);
			for (size_t i = 0; i < n; i++)
				cr_assert(memcmp(&got[i], &want[i], sizeof got[i]) == 0,
				          "%zu nodes, node %zu: %.17g, want %.17g", n, i, got[i], want[i]);
		}
		free(tele);
		free(g.row);
	}
}

/* The convergence test sums the change in whatever order is fastest, and
 * where that sum is too near the tolerance to be sure of the answer, in
 * the order of the rows: with the tolerance set to exactly the change of
 * some step (as one row at a time sums it), iteration must go on past that
 * step, and with the tolerance one ulp above, stop there, as plain power
 * iteration does. */
Test(pagerank, stops_where_rows_in_order_would)
{
	static const uint32_t e[][2] = {
		{ 0, 1 }, { 0, 2 }, { 1, 2 }, { 2, 3 }, { 3, 4 }, { 4, 5 }, { 5, 6 },
		{ 6, 7 }, { 7, 8 }, { 8, 9 }, { 9, 10 }, { 1, 10 }, { 3, 9 }, { 2, 7 },
	};
	double w[sizeof e / sizeof e[0]];
	for (size_t k = 0; k < sizeof e / sizeof e[0]; k++)
		w[k] = 0.2 + 0.31 * (double)(k % 7);
	hg h;
	build(&h, 12, e, w, sizeof e / sizeof e[0]); /* node 11 has no edges */
	double tele[12];
	for (size_t i = 0; i < 12; i++)
		tele[i] = (double)(i % 3 + 1) / 24.0;
	double deltas[60], want[12], got[12];
	plain_power(want, &h.g, 0.85, 0.0, 60, tele, deltas);
	for (unsigned it = 0; it < 60; it++) {
		for (int above = 0; above < 2; above++) {
			double tol = above ? nextafter(deltas[it], HUGE_VAL) : deltas[it];
			plain_power(want, &h.g, 0.85, tol, 60, tele, NULL);
			cr_assert_eq(pr_pagerank_personal(got, &h.g, 0.85, tol, 60, tele), PRECIS_OK);
			for (size_t i = 0; i < 12; i++)
				cr_assert(memcmp(&got[i], &want[i], sizeof got[i]) == 0,
				          "step %u%s, node %zu: %.17g, want %.17g", it,
				          above ? " (one ulp above)" : "", i, got[i], want[i]);
		}
	}
}

/* A large graph's Gauss-Seidel sweeps are over-relaxed: a ring of 6,000
 * nodes, each tied to the three on either side with uneven weights, must
 * come within 1e-10 (L1) of its fixed point in 30 sweeps (over-relaxed:
 * 6e-12); plain sweeps, moving each score only as far as its update, are
 * still 9e-9 away and take about 45. */
Test(pagerank, large_graph_sweeps_are_over_relaxed)
{
	size_t n = 6000, deg = 6, nnz = n * deg;
	size_t *row = malloc((n + 1) * sizeof *row);
	uint32_t *col = malloc(nnz * sizeof *col);
	double *w = malloc(nnz * sizeof *w);
	double *fast = malloc(n * sizeof *fast), *exact = malloc(n * sizeof *exact);
	cr_assert(row && col && w && fast && exact);
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		row[i] = at;
		/* neighbours i-3 .. i+3 but i, each edge weighing the same
		 * from both ends */
		for (size_t k = 1; k <= 3; k++) {
			size_t lo = (i + n - k) % n, hi = (i + k) % n;
			col[at] = (uint32_t)lo;
			w[at++] = 1.0 + (double)((lo * 7 + k) % 5);
			col[at] = (uint32_t)hi;
			w[at++] = 1.0 + (double)((i * 7 + k) % 5);
		}
	}
	row[n] = at;
	pr_graph g = { .n = n, .row = row, .col = col, .w = w };
	cr_assert_eq(pr_pagerank(exact, &g, 0.85, 1e-15, 100000), PRECIS_OK);
	cr_assert_eq(pr_pagerank(fast, &g, 0.85, 0.0, 30), PRECIS_OK);
	double l1 = 0;
	for (size_t i = 0; i < n; i++)
		l1 += fabs(fast[i] - exact[i]);
	cr_assert(l1 < 1e-10, "L1 distance %g after 30 sweeps", l1);
	cr_assert_float_eq(sum(fast, n), 1.0, 1e-12);
	free(row);
	free(col);
	free(w);
	free(fast);
	free(exact);
}

/* A book's sentence graph is upper (doc.h): each edge once, in the row of
 * its earlier sentence, and pr_rank's sweeps push each new score forward
 * along it. The scores must be the PageRank of the symmetric graph with
 * the same prior, as power iteration over the whole graph finds it, for
 * edges of every kind: none (node 0 and every 97th are isolated), to the
 * next sentence, to far ones. */
Test(rank, upper_graph_ranks_as_its_symmetric_form)
{
	size_t n = 1500, per = 4;
	size_t *urow = malloc((n + 1) * sizeof *urow), *srow = calloc(n + 1, sizeof *srow);
	uint32_t *ucol = malloc(n * per * sizeof *ucol), *scol = malloc(2 * n * per * sizeof *scol);
	double *uw = malloc(n * per * sizeof *uw), *sw = malloc(2 * n * per * sizeof *sw);
	pr_sent *s = calloc(n, sizeof *s);
	double *exact = malloc(n * sizeof *exact);
	cr_assert(urow && srow && ucol && scol && uw && sw && s && exact);
	uint32_t x = 99;
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		urow[i] = at;
		s[i].text = "x"; /* no noise: every sentence weighs alike */
		s[i].len = 1;
		if (i == 0 || i % 97 == 0)
			continue;
		for (size_t k = 0; k < per; k++) {
			x = x * 1103515245u + 12345u;
			size_t j = k == 0 ? i + 1 : i + 1 + (x >> 8) % 700;
			if (j >= n || j % 97 == 0 || (at > urow[i] && ucol[at - 1] >= j))
				continue; /* past the end, isolated, or not increasing */
			ucol[at] = (uint32_t)j;
			uw[at++] = 0.25 + (double)((x >> 4) % 13) / 7.0;
		}
	}
	urow[n] = at;
	/* the symmetric rows of the same edges */
	for (size_t i = 0; i < n; i++)
		for (size_t k = urow[i]; k < urow[i + 1]; k++) {
			srow[i + 1]++;
			srow[ucol[k] + 1]++;
		}
	for (size_t i = 0; i < n; i++)
		srow[i + 1] += srow[i];
	size_t *fill = malloc(n * sizeof *fill);
	cr_assert(fill);
	memcpy(fill, srow, n * sizeof *fill);
	for (size_t i = 0; i < n; i++)
		for (size_t k = urow[i]; k < urow[i + 1]; k++) {
			size_t a = fill[i]++, b = fill[ucol[k]]++;
			scol[a] = ucol[k];
			sw[a] = uw[k];
			scol[b] = (uint32_t)i;
			sw[b] = uw[k];
		}
	/* as graph.c writes a book's graph: the links in single precision,
	 * W(i) summed as a symmetric row would (doc.h) */
	pr_link *link = malloc((at + PR_LINK_PAD) * sizeof *link);
	double *wsum = calloc(n, sizeof *wsum);
	cr_assert(link && wsum);
	for (size_t i = 0; i < n; i++) {
		double wi = wsum[i];
		for (size_t k = urow[i]; k < urow[i + 1]; k++) {
			link[k].j = ucol[k];
			link[k].w = (float)uw[k];
			wi += uw[k];
			wsum[ucol[k]] += uw[k];
		}
		wsum[i] = wi;
	}
	memset(link + at, 0, PR_LINK_PAD * sizeof *link);
	pr_graph up = { .n = n, .row = urow, .upper = 1, .link = link, .wsum = wsum };
	pr_graph sym = { .n = n, .row = srow, .col = scol, .w = sw };

	precis_doc d;
	memset(&d, 0, sizeof d);
	d.sents = s;
	d.nsents = n;
	d.opts.damping = 0.85;
	d.opts.tolerance = 1e-15;
	d.opts.max_iterations = 10000;
	cr_assert_eq(pr_rank(&d, &up), PRECIS_OK);
	cr_assert_not_null(d.prior, "a prior leans towards the start");
	/* power iteration (fewer than 5,000 nodes) with the same prior */
	cr_assert_eq(pr_pagerank_personal(exact, &sym, 0.85, 1e-15, 10000, d.prior), PRECIS_OK);
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		/* the sweeps read the weights in single precision */
		cr_assert_float_eq(s[i].score, exact[i], 1e-6 * exact[i], "sentence %zu: %.17g vs %.17g",
		                   i, s[i].score, exact[i]);
		total += s[i].score;
	}
	cr_assert_float_eq(total, 1.0, 1e-12);
	cr_assert(exact[0] != exact[1], "the prior makes a difference");
	pr_arena_release(&d.arena);
	free(urow);
	free(srow);
	free(ucol);
	free(scol);
	free(uw);
	free(sw);
	free(s);
	free(exact);
	free(fill);
	free(link);
	free(wsum);
}

/* The over-relaxed sweeps fall back to plain Gauss-Seidel when a sweep
 * changes the scores more than the one before. Dangling nodes make that
 * happen: their mass is spread at the start of each sweep, a sweep behind
 * the scores, and over-relaxing on top of that overshoots. Here 1,500
 * copies of one component (nodes 0 and 2 tied, 1 and 3 dangling) change
 * by 0.70, 0.34, 0.08 and then 0.12 in the first four sweeps, so the fifth
 * on is plain. Every copy scores alike, so the 6,000 nodes' scores are the
 * four nodes' of one copy alone (ranked by power iteration) over 1,500. */
Test(pagerank, over_relaxation_falls_back_to_plain_sweeps)
{
	size_t copies = 1500, n = 4 * copies;
	size_t *row = malloc((n + 1) * sizeof *row);
	uint32_t *col = malloc(n * sizeof *col);
	double *w = malloc(n * sizeof *w), *big = malloc(n * sizeof *big);
	cr_assert(row && col && w && big);
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		row[i] = at;
		if (i % 4 == 0 || i % 4 == 2) {
			col[at] = (uint32_t)(i ^ 2); /* 0 <-> 2 within the copy */
			w[at++] = 10.0;
		}
	}
	row[n] = at;
	pr_graph g = { .n = n, .row = row, .col = col, .w = w };
	static const uint32_t e[][2] = { { 0, 2 } };
	double ew[] = { 10.0 }, one[4];
	hg h;
	build(&h, 4, e, ew, 1);
	cr_assert_eq(pr_pagerank(one, &h.g, 0.85, 1e-15, 10000), PRECIS_OK);
	cr_assert_eq(pr_pagerank(big, &g, 0.85, 1e-12, 10000), PRECIS_OK);
	/* 20/46 and 3/46 (the tied pair, the dangling pair) */
	cr_assert_float_eq(one[0], 20.0 / 46.0, 1e-12);
	cr_assert_float_eq(one[1], 3.0 / 46.0, 1e-12);
	for (size_t i = 0; i < n; i++)
		cr_assert_float_eq(big[i] * (double)copies, one[i % 4], 1e-10,
		                   "node %zu: %.17g, want %.17g", i, big[i] * (double)copies,
		                   one[i % 4]);
	cr_assert_float_eq(sum(big, n), 1.0, 1e-12);
	free(row);
	free(col);
	free(w);
	free(big);
}
