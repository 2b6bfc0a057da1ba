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

/* The over-relaxation factor of those sweeps (see pagerank). */
#define PR_SOR 1.3

/* Power iteration visits the rows grouped by length, shortest first, their
 * entries copied in that order: each row's loop then runs as long as the
 * one before it, where the word graph's rows (two entries on average)
 * each ended in a mispredicted exit. A row's sum keeps its own order, so
 * the scores are the same to the last bit. */
typedef struct by_length {
	uint32_t *rowid;  /* the rows, by length */
	size_t *start;    /* rows of length L: rowid[start[L] .. start[L + 1]) */
	size_t *first;    /* their first entry: p[first[L]], col[first[L]] */
	size_t maxlen;
	double *p;        /* the entries, row by row in the order of rowid */
	uint32_t *col;
} by_length;

static void free_by_length(by_length *b)
{
	pr_free_raw(b->rowid);
	pr_free_raw(b->start);
	pr_free_raw(b->first);
	pr_free_raw(b->p);
	pr_free_raw(b->col);
}

/* 0, or -1 out of memory. */
static int group_by_length(by_length *b, const pr_graph *g, const double *p)
{
	size_t n = g->n, nnz = g->row[n], maxlen = 0;
	for (size_t i = 0; i < n; i++)
		if (g->row[i + 1] - g->row[i] > maxlen)
			maxlen = g->row[i + 1] - g->row[i];
	b->maxlen = maxlen;
	b->rowid = pr_malloc_raw(n * sizeof *b->rowid);
	b->start = pr_malloc_raw((maxlen + 2) * sizeof *b->start);
	b->first = pr_malloc_raw((maxlen + 1) * sizeof *b->first);
	b->p = pr_malloc_raw((nnz + 1) * sizeof *b->p);
	b->col = pr_malloc_raw((nnz + 1) * sizeof *b->col);
	if (!b->rowid || !b->start || !b->first || !b->p || !b->col)
		return -1;
	memset(b->start, 0, (maxlen + 2) * sizeof *b->start);
	for (size_t i = 0; i < n; i++)
		b->start[g->row[i + 1] - g->row[i] + 1]++;
	for (size_t len = 0; len <= maxlen; len++)
		b->start[len + 1] += b->start[len];
	/* rows in place by a counting sort, then their entries behind one
	 * another (start[] is rebuilt: the sort moved it up a group) */
	for (size_t i = 0; i < n; i++)
		b->rowid[b->start[g->row[i + 1] - g->row[i]]++] = (uint32_t)i;
	for (size_t len = maxlen + 1; len > 0; len--)
		b->start[len] = b->start[len - 1];
	b->start[0] = 0;
	for (size_t len = 0, at = 0; len <= maxlen; len++) {
		b->first[len] = at;
		at += len * (b->start[len + 1] - b->start[len]);
	}
	size_t at = 0;
	for (size_t r = 0; r < n; r++) {
		size_t i = b->rowid[r];
		for (size_t k = g->row[i]; k < g->row[i + 1]; k++) {
			b->p[at] = p[k];
			b->col[at++] = g->col[k];
		}
	}
	return 0;
}

/* One step of power iteration for rows r..end of b, all of length len,
 * two at a time: each row's sum keeps its own order, so the bits are those
 * of one row at a time, but the two chains of additions overlap. Called
 * with a constant len, the compiler unrolls the sums of short rows. */
static inline void step_rows(const by_length *b, size_t len, size_t r, size_t end,
                             const double *cur, double *nxt, const double *teleport,
                             double jump, double base, double damping)
{
	const double *bp = b->p + b->first[len];
	const uint32_t *bc = b->col + b->first[len];
	for (; r + 1 < end; r += 2, bp += 2 * len, bc += 2 * len) {
		double s0 = 0, s1 = 0;
		for (size_t j = 0; j < len; j++) {
			s0 += bp[j] * cur[bc[j]];
			s1 += bp[len + j] * cur[bc[len + j]];
		}
		uint32_t i0 = b->rowid[r], i1 = b->rowid[r + 1];
		nxt[i0] = (teleport ? jump * teleport[i0] : base) + damping * s0;
		nxt[i1] = (teleport ? jump * teleport[i1] : base) + damping * s1;
	}
	if (r < end) {
		double s0 = 0;
		for (size_t j = 0; j < len; j++)
			s0 += bp[j] * cur[bc[j]];
		uint32_t i0 = b->rowid[r];
		nxt[i0] = (teleport ? jump * teleport[i0] : base) + damping * s0;
	}
}

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
	/* w(j, i) / W(j): Gauss-Seidel sweeps a book's graph, megabytes of
	 * it, some twenty times, and are bound by reading it; in single
	 * precision each entry is 4 bytes fewer to read (12 with its column
	 * becoming 8), its rounding (a part in 10^7) far below the tolerance's
	 * per-sentence share. Power iteration keeps double and its bits. */
	double *p = NULL;
	float *pf = NULL;
	if (gauss_seidel)
		pf = pr_malloc_raw((nnz + 1) * sizeof *pf);
	else
		p = pr_malloc_raw((nnz + 1) * sizeof *p);
	uint32_t *dang = pr_malloc_raw(n * sizeof *dang); /* nodes with no edges */
	by_length by;
	memset(&by, 0, sizeof by);
	int rc = PRECIS_ENOMEM;
	if (!next || !out || !(p || pf) || !dang)
		goto done;
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
	if (pf)
		for (size_t k = 0; k < nnz; k++)
			pf[k] = (float)(g->w[k] * out[g->col[k]]);
	else
		for (size_t k = 0; k < nnz; k++)
			p[k] = g->w[k] * out[g->col[k]];
	if (!gauss_seidel && group_by_length(&by, g, p))
		goto done;
	const size_t *row = g->row;
	const uint32_t *col = g->col;
	double *cur = score, *nxt = gauss_seidel ? score : next;
	/* Gauss-Seidel sweeps are over-relaxed: each score moves PR_SOR times
	 * as far as the plain update would take it: a book needs fewer sweeps
	 * and ends nearer the fixed point (test_rank.c's over-relaxed ring
	 * shows it on a graph small enough to check); 1.3 is just under the
	 * factor that is best for damping 0.85. Over-relaxation is not sure
	 * to converge on every graph: should a sweep change the scores more
	 * than the one before, the remaining sweeps are plain Gauss-Seidel,
	 * which is. */
	double omega = gauss_seidel ? PR_SOR : 1.0, last = HUGE_VAL;
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
			for (size_t len = 0; len <= by.maxlen; len++) {
				size_t r = by.start[len], end = by.start[len + 1];
				if (r == end)
					continue;
				/* the word graph's rows: mostly one to four */
				switch (len) {
				case 1:
					step_rows(&by, 1, r, end, cur, nxt, teleport, jump, base, damping);
					break;
				case 2:
					step_rows(&by, 2, r, end, cur, nxt, teleport, jump, base, damping);
					break;
				case 3:
					step_rows(&by, 3, r, end, cur, nxt, teleport, jump, base, damping);
					break;
				case 4:
					step_rows(&by, 4, r, end, cur, nxt, teleport, jump, base, damping);
					break;
				default:
					step_rows(&by, len, r, end, cur, nxt, teleport, jump, base, damping);
					break;
				}
			}
			/* the change, in the order of the rows */
			for (; i < n; i++)
				delta += fabs(nxt[i] - cur[i]);
		}
		/* Gauss-Seidel: power iteration has done all its rows above */
		for (; i < n; i++) {
			size_t k = row[i], e = row[i + 1];
			/* a book's rows are long: four chains of additions overlap
			 * where one would wait on each add (the order of the sum
			 * changes its last bits, which Gauss-Seidel's scores,
			 * within the tolerance, do not promise) */
			double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
			for (; k + 4 <= e; k += 4) {
				s0 += (double)pf[k] * cur[col[k]];
				s1 += (double)pf[k + 1] * cur[col[k + 1]];
				s2 += (double)pf[k + 2] * cur[col[k + 2]];
				s3 += (double)pf[k + 3] * cur[col[k + 3]];
			}
			for (; k < e; k++)
				s0 += (double)pf[k] * cur[col[k]];
			double sum = (s0 + s1) + (s2 + s3);
			double v = (teleport ? jump * teleport[i] : base) + damping * sum;
			v = cur[i] + omega * (v - cur[i]);
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
		if (delta > last)
			omega = 1.0;
		last = delta;
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
	rc = PRECIS_OK;
done:
	free_by_length(&by);
	pr_free_raw(next);
	pr_free_raw(out);
	pr_free_raw(p);
	pr_free_raw(pf);
	pr_free_raw(dang);
	return rc;
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
