/* rank.c: PageRank over the sentence graph, then ranks.
 *
 * Weighted PageRank on an undirected graph (Mihalcea & Tarau 2004):
 *   s(i) = (1 - d) / n + d * sum_j w(j, i) / W(j) * s(j)
 * where W(j) is the total weight of j's edges. A sentence with no edges
 * gives its score to everyone equally, so scores always sum to 1. With a
 * teleport vector v (personalized PageRank) the (1 - d) term and the
 * dangling mass are spread by v instead of equally: prior.c uses it to
 * lean towards the lead of news-like text. Power
 * iteration stops when the L1 change falls below the tolerance or at the
 * iteration cap.
 */
#include "doc.h"
#include "alloc.h"

#include <math.h>
#include <stdlib.h>

int pr_pagerank(double *score, const pr_graph *g, double damping,
                double tolerance, unsigned max_iterations)
{
	return pr_pagerank_personal(score, g, damping, tolerance, max_iterations, NULL);
}

int pr_pagerank_personal(double *score, const pr_graph *g, double damping,
                         double tolerance, unsigned max_iterations,
                         const double *teleport)
{
	size_t n = g->n;
	if (n == 0)
		return PRECIS_OK;
	double *next = pr_malloc_raw(n * sizeof *next);
	double *out = pr_malloc_raw(n * sizeof *out); /* 1 / W(j), or 0 */
	size_t nnz = g->row[n];
	double *p = pr_malloc_raw((nnz + 1) * sizeof *p); /* w(j, i) / W(j) */
	if (!next || !out || !p) {
		pr_free_raw(next);
		pr_free_raw(out);
		pr_free_raw(p);
		return PRECIS_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		double w = 0;
		for (size_t k = g->row[i]; k < g->row[i + 1]; k++)
			w += g->w[k];
		out[i] = w > 0 ? 1.0 / w : 0.0;
		score[i] = 1.0 / (double)n;
	}
	for (size_t k = 0; k < nnz; k++)
		p[k] = g->w[k] * out[g->col[k]];
	for (unsigned it = 0; it < max_iterations; it++) {
		double dangling = 0;
		for (size_t j = 0; j < n; j++)
			if (out[j] == 0.0)
				dangling += score[j];
		/* random jumps and dangling mass land by the teleport vector */
		double jump = (1.0 - damping) + damping * dangling;
		double base = jump / (double)n;
		double delta = 0;
		for (size_t i = 0; i < n; i++) {
			double sum = 0;
			for (size_t k = g->row[i]; k < g->row[i + 1]; k++)
				sum += p[k] * score[g->col[k]];
			next[i] = (teleport ? jump * teleport[i] : base) + damping * sum;
		}
		for (size_t i = 0; i < n; i++) {
			delta += fabs(next[i] - score[i]);
			score[i] = next[i];
		}
		if (delta < tolerance)
			break;
	}
	/* renormalise away rounding drift */
	double total = 0;
	for (size_t i = 0; i < n; i++)
		total += score[i];
	if (total > 0)
		for (size_t i = 0; i < n; i++)
			score[i] /= total;
	pr_free_raw(next);
	pr_free_raw(out);
	pr_free_raw(p);
	return PRECIS_OK;
}


/* Indices sorted best first, ties to the earlier sentence. qsort has no
 * context argument in C11, so this is a merge sort over the scores. */
static void sort_by_score(uint32_t *idx, uint32_t *tmp, size_t n, const pr_sent *s)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	sort_by_score(idx, tmp, h, s);
	sort_by_score(idx + h, tmp, n - h, s);
	size_t a = 0, b = h, k = 0;
	while (a < h && b < n) {
		double sa = s[idx[a]].score, sb = s[idx[b]].score;
		if (sa > sb || (sa == sb && idx[a] < idx[b]))
			tmp[k++] = idx[a++];
		else
			tmp[k++] = idx[b++];
	}
	while (a < h)
		tmp[k++] = idx[a++];
	while (b < n)
		tmp[k++] = idx[b++];
	for (size_t i = 0; i < n; i++)
		idx[i] = tmp[i];
}

int pr_rank(precis_doc *d, const pr_graph *g)
{
	size_t n = d->nsents;
	if (n == 0)
		return PRECIS_OK;
	double *score = pr_malloc_raw(n * sizeof *score);
	uint32_t *idx = pr_malloc_raw(n * sizeof *idx);
	uint32_t *tmp = pr_malloc_raw(n * sizeof *tmp);
	double *teleport = pr_malloc_raw(n * sizeof *teleport);
	int rc = PRECIS_ENOMEM;
	if (score && idx && tmp && teleport) {
		int personal = pr_prior(d, teleport);
		rc = pr_pagerank_personal(score, g, d->opts.damping, d->opts.tolerance,
		                          d->opts.max_iterations, personal ? teleport : NULL);
	}
	if (rc == PRECIS_OK) {
		for (size_t i = 0; i < n; i++) {
			d->sents[i].score = score[i];
			idx[i] = (uint32_t)i;
		}
		sort_by_score(idx, tmp, n, d->sents);
		for (size_t r = 0; r < n; r++)
			d->sents[idx[r]].rank = (uint32_t)r + 1;
	}
	pr_free_raw(score);
	pr_free_raw(idx);
	pr_free_raw(tmp);
	pr_free_raw(teleport);
	return rc;
}
