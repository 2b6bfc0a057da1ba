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
#include <string.h>

int pr_pagerank(double *score, const pr_graph *g, double damping,
                double tolerance, unsigned max_iterations)
{
	return pr_pagerank_personal(score, g, damping, tolerance, max_iterations, NULL);
}

/* Above PR_LARGE_DOC nodes the sentence graph is ranked by Gauss-Seidel
 * sweeps (each score is updated in place, so later rows already see it),
 * which reach the same fixed point in about half the sweeps of power
 * iteration; the scores then differ from power iteration's by less than the
 * tolerance. The tolerance, a bound on the total change of all scores, is
 * then taken per PR_LARGE_DOC nodes: a book's sweeps stop when its scores
 * move, per sentence, as little as a 1,000-sentence text's must (80,000
 * sentences: 1e-6 becomes 8e-5). Ordinary documents (graph.c: up to 1,000
 * sentences) keep power iteration and the tolerance as given, and so their
 * scores to the last digit. */
#define PR_LARGE_DOC 1000

/* `isolated` more nodes, with no edges, belong to the graph without being
 * stored in it: each has the same score at every step (a random jump's
 * share), so one number stands for them all. The word graph (keyphrase.c)
 * leaves out the many words that co-occur with no candidate this way. */
static int pagerank(double *score, const pr_graph *g, double damping,
                    double tolerance, unsigned max_iterations,
                    const double *teleport, int gauss_seidel, size_t isolated,
                    const uint32_t *node)
{
	size_t n = g->n;
	if (n == 0)
		return PRECIS_OK;
	double all = (double)(n + isolated), iso = 1.0 / all;
	size_t nnz = g->row[n];
	double *next = pr_malloc_raw(n * sizeof *next);
	double *out = pr_malloc_raw(n * sizeof *out); /* 1 / W(j), or 0 */
	double *p = pr_malloc_raw((nnz + 1) * sizeof *p); /* w(j, i) / W(j) */
	uint32_t *dang = pr_malloc_raw(n * sizeof *dang); /* nodes with no edges */
	if (!next || !out || !p || !dang) {
		pr_free_raw(next);
		pr_free_raw(out);
		pr_free_raw(p);
		pr_free_raw(dang);
		return PRECIS_ENOMEM;
	}
	size_t ndang = 0;
	for (size_t i = 0; i < n; i++) {
		double w = 0;
		for (size_t k = g->row[i]; k < g->row[i + 1]; k++)
			w += g->w[k];
		out[i] = w > 0 ? 1.0 / w : 0.0;
		if (out[i] == 0.0)
			dang[ndang++] = (uint32_t)i;
		score[i] = 1.0 / all;
	}
	for (size_t k = 0; k < nnz; k++)
		p[k] = g->w[k] * out[g->col[k]];
	const size_t *row = g->row;
	const uint32_t *col = g->col;
	double *cur = score, *nxt = gauss_seidel ? score : next;
	if (gauss_seidel)
		tolerance *= all / PR_LARGE_DOC;
	for (unsigned it = 0; it < max_iterations; it++) {
		double dangling = 0;
		for (size_t m = 0; m < ndang; m++)
			dangling += cur[dang[m]];
		/* one at a time, as a graph holding them would add them: the
		 * scores come out the same to the last bit */
		for (size_t m = 0; m < isolated; m++)
			dangling += iso;
		/* random jumps and dangling mass land by the teleport vector */
		double jump = (1.0 - damping) + damping * dangling;
		double base = jump / all;
		double delta = 0;
		if (isolated) {
			delta += (double)isolated * fabs(base - iso);
			iso = base;
		}
		size_t i = 0;
		if (!gauss_seidel) {
			/* two rows at a time: each row's sum keeps its own order,
			 * so the bits are those of one row at a time, but the two
			 * chains of additions overlap */
			for (; i + 1 < n; i += 2) {
				double s0 = 0, s1 = 0;
				size_t k0 = row[i], e0 = row[i + 1], k1 = e0, e1 = row[i + 2];
				for (; k0 < e0 && k1 < e1; k0++, k1++) {
					s0 += p[k0] * cur[col[k0]];
					s1 += p[k1] * cur[col[k1]];
				}
				for (; k0 < e0; k0++)
					s0 += p[k0] * cur[col[k0]];
				for (; k1 < e1; k1++)
					s1 += p[k1] * cur[col[k1]];
				double v0 = (teleport ? jump * teleport[i] : base) + damping * s0;
				double v1 = (teleport ? jump * teleport[i + 1] : base) + damping * s1;
				delta += fabs(v0 - cur[i]);
				delta += fabs(v1 - cur[i + 1]);
				nxt[i] = v0;
				nxt[i + 1] = v1;
			}
		}
		for (; i < n; i++) {
			double sum = 0;
			size_t k = row[i], e = row[i + 1];
			if (gauss_seidel) {
				/* a book's rows are long: four chains of additions
				 * overlap where one would wait on each add (the order
				 * of the sum changes its last bits, which Gauss-Seidel's
				 * scores, within the tolerance, do not promise) */
				double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
				for (; k + 4 <= e; k += 4) {
					s0 += p[k] * cur[col[k]];
					s1 += p[k + 1] * cur[col[k + 1]];
					s2 += p[k + 2] * cur[col[k + 2]];
					s3 += p[k + 3] * cur[col[k + 3]];
				}
				sum = (s0 + s1) + (s2 + s3);
			}
			for (; k < e; k++)
				sum += p[k] * cur[col[k]];
			double v = (teleport ? jump * teleport[i] : base) + damping * sum;
			delta += fabs(v - cur[i]);
			nxt[i] = v;
		}
		if (!gauss_seidel) {
			double *t = cur;
			cur = nxt;
			nxt = t;
		}
		if (delta < tolerance)
			break;
	}
	if (cur != score)
		memcpy(score, cur, n * sizeof *score);
	/* renormalise away rounding drift */
	double total = 0;
	if (isolated && node) {
		/* in the order of the whole graph, node[i] being node i's place
		 * in it and the isolated ones filling the gaps */
		size_t at = 0;
		for (size_t i = 0; i < n; i++) {
			for (; at < node[i]; at++)
				total += iso;
			total += score[i];
			at++;
		}
		for (; at < n + isolated; at++)
			total += iso;
	} else {
		for (size_t i = 0; i < n; i++)
			total += score[i];
	}
	if (total > 0)
		for (size_t i = 0; i < n; i++)
			score[i] /= total;
	pr_free_raw(next);
	pr_free_raw(out);
	pr_free_raw(p);
	pr_free_raw(dang);
	return PRECIS_OK;
}

/* Other graphs (the key-word graph: a node per distinct stem) switch to
 * Gauss-Seidel only above this many nodes, which a news article's few
 * hundred stems never reach. */
#define PR_LARGE_GRAPH 5000

int pr_pagerank_personal(double *score, const pr_graph *g, double damping,
                         double tolerance, unsigned max_iterations,
                         const double *teleport)
{
	return pagerank(score, g, damping, tolerance, max_iterations, teleport,
	                g->n > PR_LARGE_GRAPH, 0, NULL);
}

int pr_pagerank_isolated(double *score, const pr_graph *g, double damping,
                         double tolerance, unsigned max_iterations, size_t isolated,
                         const uint32_t *node)
{
	return pagerank(score, g, damping, tolerance, max_iterations, NULL,
	                g->n + isolated > PR_LARGE_GRAPH, isolated, node);
}


/* qsort has no context argument in C11 and is not stable, so this is a
 * merge sort: largest key first, equal keys in their incoming order. */
static void merge_sort_desc(uint32_t *idx, uint32_t *tmp, size_t n, const double *key)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	merge_sort_desc(idx, tmp, h, key);
	merge_sort_desc(idx + h, tmp, n - h, key);
	size_t a = 0, b = h, k = 0;
	while (a < h && b < n)
		tmp[k++] = key[idx[b]] > key[idx[a]] ? idx[b++] : idx[a++];
	while (a < h)
		tmp[k++] = idx[a++];
	while (b < n)
		tmp[k++] = idx[b++];
	memcpy(idx, tmp, n * sizeof *idx);
}

/* Books: the merge sort's comparisons go either way at random, and a
 * radix sort of the keys' bits, a byte at a time, gives the same order in
 * a few passes over the keys. */
#define RADIX_MIN 2048

/* A key's bits as an unsigned number that orders like the key, reversed
 * (the largest key gives the smallest number); -0 counts as 0, as it
 * compares. Keys are never NaN. */
static uint64_t desc_bits(double x)
{
	uint64_t u;
	if (x == 0)
		x = 0; /* -0 */
	memcpy(&u, &x, sizeof u);
	u = u >> 63 ? ~u : u | (uint64_t)1 << 63; /* ascending */
	return ~u;
}

/* The same order as merge_sort_desc; -1 (nothing done) when out of memory. */
static int radix_sort_desc(uint32_t *idx, uint32_t *tmp, size_t n, const double *key)
{
	uint64_t *bits = pr_malloc_raw(2 * n * sizeof *bits);
	if (!bits)
		return -1;
	uint64_t *ka = bits, *kb = bits + n;
	uint32_t *ia = idx, *ib = tmp;
	for (size_t i = 0; i < n; i++)
		ka[i] = desc_bits(key[idx[i]]);
	size_t count[256];
	/* least significant byte first; each pass is stable, so equal keys
	 * keep their incoming order */
	for (int shift = 0; shift < 64; shift += 8) {
		memset(count, 0, sizeof count);
		for (size_t i = 0; i < n; i++)
			count[(ka[i] >> shift) & 255]++;
		if (count[(ka[0] >> shift) & 255] == n)
			continue; /* one byte for all: nothing to move */
		size_t at = 0;
		for (int b = 0; b < 256; b++) {
			size_t c = count[b];
			count[b] = at;
			at += c;
		}
		for (size_t i = 0; i < n; i++) {
			size_t to = count[(ka[i] >> shift) & 255]++;
			kb[to] = ka[i];
			ib[to] = ia[i];
		}
		uint64_t *tk = ka;
		ka = kb;
		kb = tk;
		uint32_t *ti = ia;
		ia = ib;
		ib = ti;
	}
	if (ia != idx)
		memcpy(idx, ia, n * sizeof *idx);
	pr_free_raw(bits);
	return 0;
}

void pr_sort_desc(uint32_t *idx, uint32_t *tmp, size_t n, const double *key)
{
	if (n >= RADIX_MIN && radix_sort_desc(idx, tmp, n, key) == 0)
		return;
	merge_sort_desc(idx, tmp, n, key);
}

int pr_rank(precis_doc *d, const pr_graph *g)
{
	size_t n = d->nsents;
	if (n == 0)
		return PRECIS_OK;
	double *score = pr_malloc_raw(n * sizeof *score);
	uint32_t *idx = pr_malloc_raw(n * sizeof *idx);
	uint32_t *tmp = pr_malloc_raw(n * sizeof *tmp);
	/* the prior lives in the document: selection weighs it again */
	double *teleport = pr_alloc(&d->arena, n * sizeof *teleport);
	int rc = PRECIS_ENOMEM;
	if (score && idx && tmp && teleport) {
		d->prior = pr_prior(d, teleport) ? teleport : NULL;
		rc = pagerank(score, g, d->opts.damping, d->opts.tolerance,
		              d->opts.max_iterations, d->prior, n > PR_LARGE_DOC, 0, NULL);
	}
	if (rc == PRECIS_OK) {
		for (size_t i = 0; i < n; i++) {
			d->sents[i].score = score[i];
			idx[i] = (uint32_t)i;
		}
		/* idx starts in sentence order: ties go to the earlier sentence */
		pr_sort_desc(idx, tmp, n, score);
		for (size_t r = 0; r < n; r++)
			d->sents[idx[r]].rank = (uint32_t)r + 1;
	}
	pr_free_raw(score);
	pr_free_raw(idx);
	pr_free_raw(tmp);
	return rc;
}
