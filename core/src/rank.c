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
#include "bits.h"
#include "rank.h"

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
/* The over-relaxation factor of those sweeps (see sweeps). */
#define PR_SOR 1.3

/* Power iteration's layout. A row's sum is a chain of additions, each
 * waiting on the one before, and most rows are short (the word graph's
 * hold two entries on average, a sentence graph's ten): one row at a time,
 * the machine mostly waits. So the rows are sorted by length and taken
 * PR_BLOCK at a time, their entries interleaved (entry j of the block's
 * row q at [PR_BLOCK * j + q]), and the block's sums run side by side.
 * Rows shorter than the block's longest are padded with entries of weight
 * 0: adding +0 leaves a sum of non-negative terms as it was, so each
 * row's sum has the bits of one row summed alone in its own order.
 *
 * Nodes are renumbered into that order (their places), so that a block
 * reads its teleport values and writes its scores one after another. The
 * places that make n a whole number of blocks, rows of no entries, come
 * first, among the shortest rows: last, they made the block of the
 * longest rows as long for nothing.
 *
 * A step is bound by its loads: a weight and a column for each entry,
 * then the score the column names. Eight rows a block, and the columns
 * 16 bits each (power iteration ranks at most PR_LARGE_GRAPH nodes),
 * four to a 64-bit word that one load brings: 14 loads for eight
 * entries where four rows a block and a load for each column took 22
 * (precis-bench --stage-min 10, the 200 articles: rank 0.0151 -> 0.0144
 * ms each; callgrind: step_blocks' mispredicted branches 147K -> 78K,
 * its instructions 35.3M -> 39.1M, the columns' shifts). */
#define PR_BLOCK 8
#define PR_COL_BITS 16
#define PR_COLS_PER_WORD 4

_Static_assert(PR_LARGE_GRAPH + PR_BLOCK <= 1 << PR_COL_BITS,
               "a place fits a column's bits");
_Static_assert(PR_BLOCK % PR_COLS_PER_WORD == 0, "a block's columns fill whole words");

typedef struct blocks {
	size_t n;          /* nodes */
	size_t nplaces;    /* n rounded up to a whole block */
	size_t pad;        /* places before the first node's: nplaces - n */
	uint32_t *place;   /* place[i]: node i's place */
	uint32_t *len;     /* len[b]: the longest row of block b */
	double *p;         /* w(j, i) / W(j), the blocks' entries interleaved */
	uint64_t *col;     /* their columns, as places, PR_COLS_PER_WORD a
	                      word (entry e in bits PR_COL_BITS * (e % 4) on) */
} blocks;

static size_t row_len(const pr_graph *g, size_t i)
{
	return g->row[i + 1] - g->row[i];
}

/* Places for n nodes: a whole number of blocks. */
static size_t places_of(size_t n)
{
	return (n + PR_BLOCK - 1) / PR_BLOCK * PR_BLOCK;
}

/* Lay out g for power iteration; out[j] is 1 / W(j), maxlen g's longest
 * row. 0, or -1 out of memory. g has at most PR_LARGE_GRAPH nodes (every
 * caller sends larger graphs to the sweeps), or a column would not fit
 * its 16 bits. */
static int make_blocks(blocks *b, pr_scratch *sc, const pr_graph *g, const double *out,
                       size_t maxlen)
{
	size_t n = g->n;
	b->n = n;
	b->nplaces = places_of(n);
	b->pad = b->nplaces - n;
	size_t nb = b->nplaces / PR_BLOCK;
	/* place, the nodes by place, len, then the counts of the sort
	 * below (n < 2^32) */
	b->place = pr_scratch_alloc(sc, (n + b->nplaces + nb + maxlen + 1) * sizeof *b->place);
	if (!b->place)
		return -1;
	uint32_t *node = b->place + n; /* node[r]: the node in place r >= pad */
	b->len = node + b->nplaces;
	uint32_t *count = b->len + nb;
	/* a counting sort by length, stable: shortest first, after the
	 * padding */
	memset(count, 0, (maxlen + 1) * sizeof *count);
	for (size_t i = 0; i < n; i++)
		count[row_len(g, i)]++;
	for (size_t len = 0, at = b->pad; len <= maxlen; len++) {
		size_t c = count[len];
		count[len] = (uint32_t)at;
		at += c;
	}
	for (size_t i = 0; i < n; i++) {
		size_t r = count[row_len(g, i)]++;
		node[r] = (uint32_t)i;
		b->place[i] = (uint32_t)r;
	}
	/* a block's longest row is its last, a node's (pad < PR_BLOCK) */
	size_t entries = 0;
	for (size_t k = 0; k < nb; k++) {
		b->len[k] = (uint32_t)row_len(g, node[k * PR_BLOCK + PR_BLOCK - 1]);
		entries += PR_BLOCK * (size_t)b->len[k];
	}
	/* the columns, then the entries' weights (eight-byte words both);
	 * padding, the entries past a row's end, has weight +0 (all bits
	 * zero) and column 0 */
	size_t nwords = entries / PR_COLS_PER_WORD + 1;
	b->col = pr_scratch_calloc(sc, nwords + entries + 1, sizeof *b->col);
	if (!b->col)
		return -1;
	b->p = (double *)(b->col + nwords);
	for (size_t k = 0, first = 0; k < nb; first += PR_BLOCK * (size_t)b->len[k++]) {
		for (size_t r = k * PR_BLOCK + (k ? 0 : b->pad); r < (k + 1) * PR_BLOCK; r++) {
			/* the row's entries are PR_BLOCK apart: each in the same
			 * bits of its word (first is a whole number of blocks) */
			size_t q = r % PR_BLOCK, i = node[r];
			double *p = b->p + first + q;
			uint64_t *col = b->col + (first + q) / PR_COLS_PER_WORD;
			unsigned shift = PR_COL_BITS * (unsigned)(q % PR_COLS_PER_WORD);
			for (size_t e = g->row[i]; e < g->row[i + 1]; e++) {
				uint32_t c = g->col[e];
				*p = g->w[e] * out[c];
				*col |= (uint64_t)b->place[c] << shift;
				p += PR_BLOCK;
				col += PR_BLOCK / PR_COLS_PER_WORD;
			}
		}
	}
	return 0;
}

#if defined(__GNUC__) || defined(__clang__)
/* Two doubles, added and multiplied side by side: each lane's sums and
 * products are the plain ones' to the bit. Said this way, GCC and Clang
 * take each block's entries two rows at a time; left to find that
 * themselves, they did so for some rows and not others, or vectorised
 * the wrong loop. */
typedef double pr_pair __attribute__((vector_size(2 * sizeof(double))));
/* Two 64-bit lanes: a mask over a pr_pair, or the -1s its comparison gives. */
typedef int64_t pr_bits __attribute__((vector_size(2 * sizeof(int64_t))));

/* The sums of one block's eight rows, len entries each, into s. */
static void block_sums(double *s, const double *p, const uint64_t *col, size_t len,
                       const double *cur)
{
	_Static_assert(PR_BLOCK == 8 && PR_COLS_PER_WORD == 4, "the block's shape");
	pr_pair s0 = {0, 0}, s1 = s0, s2 = s0, s3 = s0;
	for (; len > 0; len--, p += PR_BLOCK, col += PR_BLOCK / PR_COLS_PER_WORD) {
		pr_pair p0, p1, p2, p3;
		memcpy(&p0, p, sizeof p0);
		memcpy(&p1, p + 2, sizeof p1);
		memcpy(&p2, p + 4, sizeof p2);
		memcpy(&p3, p + 6, sizeof p3);
		uint64_t a = col[0], c = col[1];
		s0 += p0 * (pr_pair){cur[a & 0xffff], cur[a >> 16 & 0xffff]};
		s1 += p1 * (pr_pair){cur[a >> 32 & 0xffff], cur[a >> 48]};
		s2 += p2 * (pr_pair){cur[c & 0xffff], cur[c >> 16 & 0xffff]};
		s3 += p3 * (pr_pair){cur[c >> 32 & 0xffff], cur[c >> 48]};
	}
	memcpy(s, &s0, sizeof s0);
	memcpy(s + 2, &s1, sizeof s1);
	memcpy(s + 4, &s2, sizeof s2);
	memcpy(s + 6, &s3, sizeof s3);
}
#else
/* The place of entry e's column, from the words its block's entries are
 * in. */
static size_t col_at(const uint64_t *col, size_t e)
{
	return (size_t)(col[e / PR_COLS_PER_WORD] >>
	                (PR_COL_BITS * (e % PR_COLS_PER_WORD))) &
	       ((1u << PR_COL_BITS) - 1);
}

static void block_sums(double *s, const double *p, const uint64_t *col, size_t len,
                       const double *cur)
{
	for (size_t q = 0; q < PR_BLOCK; q++)
		s[q] = 0;
	for (; len > 0; len--, p += PR_BLOCK, col += PR_BLOCK / PR_COLS_PER_WORD)
		for (size_t q = 0; q < PR_BLOCK; q++)
			s[q] += p[q] * cur[col_at(col, q)];
}
#endif

#if defined(__GNUC__) || defined(__clang__)
/* A block's scores into nxt (the block's places in nxt, cur and tele),
 * from its row sums s; returns their change from cur, the first pad
 * places (the padding) left out. Two places at a time, lane by lane what
 * one place at a time computes. Inlined, so that the blocks without
 * padding, all but the first, have no mask to make. */
__attribute__((always_inline)) static inline double put_block(double *nxt, const double *cur, const double *tele,
                        const double *s, double jump, double base, double damping,
                        size_t pad)
{
	const pr_pair jv = {jump, jump}, dv = {damping, damping};
	pr_pair d0 = {0, 0}, d1 = d0;
	for (size_t h = 0; h < PR_BLOCK / 2; h++) {
		pr_pair sum, c, t = {base, base};
		memcpy(&sum, s + 2 * h, sizeof sum);
		memcpy(&c, cur + 2 * h, sizeof c);
		if (tele) {
			memcpy(&t, tele + 2 * h, sizeof t);
			t = jv * t;
		}
		pr_pair v = t + dv * sum;
		memcpy(nxt + 2 * h, &v, sizeof v);
		/* |v - c|: without its sign bit, and nothing for padding */
		pr_bits keep = {2 * h >= pad ? INT64_MAX : 0, 2 * h + 1 >= pad ? INT64_MAX : 0};
		pr_pair d = (pr_pair)((pr_bits)(v - c) & keep);
		if (h % 2)
			d1 += d;
		else
			d0 += d;
	}
	pr_pair d = d0 + d1;
	return d[0] + d[1];
}
#else
static double put_block(double *nxt, const double *cur, const double *tele,
                        const double *s, double jump, double base, double damping,
                        size_t pad)
{
	double moved = 0;
	for (size_t q = 0; q < PR_BLOCK; q++) {
		nxt[q] = (tele ? jump * tele[q] : base) + damping * s[q];
		if (q >= pad)
			moved += fabs(nxt[q] - cur[q]);
	}
	return moved;
}
#endif

/* One step of power iteration: nxt from cur, by places. tele is the
 * teleport vector by places, or NULL for the uniform one (base). Returns
 * the L1 change from cur to nxt over the nodes' places, in an order of
 * its own (pr_sum_below's concern): added up as the scores are written,
 * where a pass of its own read both vectors again. */
static double step_blocks(const blocks *b, const double *cur, double *nxt,
                          const double *tele, double jump, double base, double damping)
{
	const double *p = b->p;
	const uint64_t *col = b->col;
	double moved = 0;
	for (size_t r = 0; r < b->nplaces; r += PR_BLOCK) {
		size_t len = b->len[r / PR_BLOCK];
		double s[PR_BLOCK];
		block_sums(s, p, col, len, cur);
		p += PR_BLOCK * len;
		col += PR_BLOCK / PR_COLS_PER_WORD * len;
		const double *t = tele ? tele + r : NULL;
		moved += r ? put_block(nxt + r, cur + r, t, s, jump, base, damping, 0)
		           : put_block(nxt, cur, t, s, jump, base, damping, b->pad);
	}
	return moved;
}

/* The start of a step, alike in power iteration and the sweeps: the
 * dangling nodes' mass (`dangling`, summed by the caller) and the isolated
 * nodes' make the random jump, returned; *base is its uniform share, and
 * *delta the isolated nodes' change, which the step's change starts from.
 * *iso moves to the isolated nodes' new score. */
static double step_start(double dangling, double damping, size_t isolated, double all,
                         double *iso, double *base, double *delta)
{
	/* one at a time, as a graph holding them would add them: the
	 * scores come out the same to the last bit */
	for (size_t m = 0; m < isolated; m++)
		dangling += *iso;
	/* random jumps and dangling mass land by the teleport vector */
	double jump = (1.0 - damping) + damping * dangling;
	*base = jump / all;
	*delta = 0;
	if (isolated) {
		*delta += (double)isolated * fabs(*base - *iso);
		*iso = *base;
	}
	return jump;
}

/* Power iteration, scores and change as one row at a time would compute
 * them to the last bit (see blocks). score holds the start on entry;
 * cur and nxt have room for b->nplaces values. */
static void power(double *score, const blocks *b, double *cur, double *nxt, double *tele,
                  const double *teleport, const uint32_t *dang, size_t ndang,
                  double damping, double tolerance, unsigned max_iterations,
                  size_t isolated, double *iso)
{
	size_t n = b->n;
	double all = (double)(n + isolated);
	for (size_t r = 0; r < b->pad; r++)
		cur[r] = tele[r] = 0.0;
	for (size_t i = 0; i < n; i++) {
		cur[b->place[i]] = score[i];
		if (teleport)
			tele[b->place[i]] = teleport[i];
	}
	for (unsigned it = 0; it < max_iterations; it++) {
		double dangling = 0;
		for (size_t m = 0; m < ndang; m++)
			dangling += cur[b->place[dang[m]]];
		double base, delta;
		double jump = step_start(dangling, damping, isolated, all, iso, &base, &delta);
		double moved = step_blocks(b, cur, nxt, teleport ? tele : NULL, jump, base, damping);
		/* the change in the order of the nodes, as power iteration
		 * sums it, only when a faster order cannot tell */
		int stop = pr_sum_below(delta + moved, tolerance, n + 1);
		if (stop < 0) {
			for (size_t i = 0; i < n; i++)
				delta += fabs(nxt[b->place[i]] - cur[b->place[i]]);
			stop = delta < tolerance;
		}
		double *t = cur;
		cur = nxt;
		nxt = t;
		if (stop)
			break;
	}
	for (size_t i = 0; i < n; i++)
		score[i] = cur[b->place[i]];
}

/* What the Gauss-Seidel sweeps below carry from one sweep to the next.
 * Each score moves omega times as far as the plain update would take it:
 * at first PR_SOR, with which a book needs fewer sweeps and ends nearer
 * the fixed point (test_rank.c's over-relaxed ring shows it on a graph
 * small enough to check); 1.3 is just under the factor that is best for
 * damping 0.85. Over-relaxation is not sure to converge on every graph:
 * should a sweep change the scores more than the one before (last), the
 * remaining sweeps are plain Gauss-Seidel (omega 1), which is. */
typedef struct sor {
	double omega;
	double last;      /* the previous sweep's change, HUGE_VAL before one */
	double tolerance; /* the change under which the sweeps stop */
} sor;

/* The state before the first sweep over `all` nodes: the tolerance, given
 * for PR_LARGE_DOC nodes, grows with the graph. */
static sor sor_start(double tolerance, double all)
{
	sor r = {PR_SOR, HUGE_VAL, tolerance * (all / PR_LARGE_DOC)};
	return r;
}

/* The dangling nodes' scores, summed in the order they are listed. */
static double dangling_sum(const double *score, const uint32_t *dang, size_t ndang)
{
	double dangling = 0;
	for (size_t m = 0; m < ndang; m++)
		dangling += score[dang[m]];
	return dangling;
}

/* Move *score over-relaxed towards v, the plain update, adding how far it
 * moved to *delta; returns the new score. */
static double sor_move(double *score, double v, double omega, double *delta)
{
	v = *score + omega * (v - *score);
	*delta += fabs(v - *score);
	*score = v;
	return v;
}

/* After a sweep that changed the scores by delta in all: 1 when the sweeps
 * are done; else falls back to plain Gauss-Seidel should this sweep have
 * changed them more than the one before. */
static int sor_end(sor *r, double delta)
{
	if (delta < r->tolerance)
		return 1;
	if (delta > r->last)
		r->omega = 1.0;
	r->last = delta;
	return 0;
}

/* Gauss-Seidel sweeps (see PR_LARGE_DOC), each score updated in place and
 * over-relaxed (see sor); pf holds w(j, i) / W(j) in g's order. */
static void sweeps(double *score, const pr_graph *g, const float *pf,
                   const double *teleport, const uint32_t *dang, size_t ndang,
                   double damping, double tolerance, unsigned max_iterations,
                   size_t isolated, double *iso)
{
	size_t n = g->n;
	double all = (double)(n + isolated);
	const size_t *row = g->row;
	const uint32_t *col = g->col;
	sor r = sor_start(tolerance, all);
	for (unsigned it = 0; it < max_iterations; it++) {
		double base, delta;
		double jump = step_start(dangling_sum(score, dang, ndang), damping, isolated,
		                         all, iso, &base, &delta);
		for (size_t i = 0; i < n; i++) {
			size_t k = row[i], e = row[i + 1];
			/* a book's rows are long: four chains of additions overlap
			 * where one would wait on each add (the order of the sum
			 * changes its last bits, which Gauss-Seidel's scores,
			 * within the tolerance, do not promise) */
			double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
			for (; k + 4 <= e; k += 4) {
				s0 += (double)pf[k] * score[col[k]];
				s1 += (double)pf[k + 1] * score[col[k + 1]];
				s2 += (double)pf[k + 2] * score[col[k + 2]];
				s3 += (double)pf[k + 3] * score[col[k + 3]];
			}
			for (; k < e; k++)
				s0 += (double)pf[k] * score[col[k]];
			double sum = (s0 + s1) + (s2 + s3);
			double v = (teleport ? jump * teleport[i] : base) + damping * sum;
			sor_move(&score[i], v, r.omega, &delta);
		}
		if (sor_end(&r, delta))
			break;
	}
}

/* `isolated` more nodes, with no edges, belong to the graph without being
 * stored in it: each has the same score at every step (a random jump's
 * share), so one number stands for them all. The word graph (keyphrase.c)
 * leaves out the many words that co-occur with no candidate this way.
 * The working arrays are taken from sc, and left there for the caller to
 * give back. */
static int pagerank(double *score, pr_scratch *sc, const pr_graph *g, double damping,
                    double tolerance, unsigned max_iterations,
                    const double *teleport, int gauss_seidel, size_t isolated,
                    const uint32_t *node)
{
	size_t n = g->n;
	if (n == 0)
		return PRECIS_OK;
	double all = (double)(n + isolated), iso = 1.0 / all;
	size_t nnz = g->row[n];
	/* 1 / W(j), or 0, then power iteration's cur, nxt and teleport (room
	 * for a whole number of blocks; none for the sweeps), then the nodes
	 * with no edges */
	size_t nplaces = places_of(n);
	size_t nwork = gauss_seidel ? 0 : 3 * nplaces;
	double *out = pr_scratch_alloc(sc, (n + nwork) * sizeof *out + n * sizeof(uint32_t));
	double *work = out ? out + n : NULL;
	uint32_t *dang = out ? (uint32_t *)(work + nwork) : NULL;
	/* w(j, i) / W(j) for Gauss-Seidel: it sweeps a book's graph,
	 * megabytes of it, some twenty times, and is bound by reading it; in
	 * single precision each entry is 4 bytes fewer to read (12 with its
	 * column becoming 8), its rounding (a part in 10^7) far below the
	 * tolerance's per-sentence share. Power iteration keeps double (in
	 * its blocks) and its bits. */
	float *pf = NULL;
	blocks b;
	if (!out)
		return PRECIS_ENOMEM;
	size_t ndang = 0, maxlen = 0;
	for (size_t i = 0; i < n; i++) {
		/* W(i): the graph's own when it has one (pr_graph) */
		double w = 0;
		if (g->wsum)
			w = g->wsum[i];
		else
			for (size_t k = g->row[i]; k < g->row[i + 1]; k++)
				w += g->w[k];
		out[i] = w > 0 ? 1.0 / w : 0.0;
		if (out[i] == 0.0)
			dang[ndang++] = (uint32_t)i;
		if (row_len(g, i) > maxlen)
			maxlen = row_len(g, i);
		score[i] = 1.0 / all;
	}
	if (gauss_seidel) {
		if (!(pf = pr_scratch_alloc(sc, (nnz + 1) * sizeof *pf)))
			return PRECIS_ENOMEM;
		for (size_t k = 0; k < nnz; k++)
			pf[k] = (float)(g->w[k] * out[g->col[k]]);
		sweeps(score, g, pf, teleport, dang, ndang, damping, tolerance,
		       max_iterations, isolated, &iso);
	} else {
		if (make_blocks(&b, sc, g, out, maxlen))
			return PRECIS_ENOMEM;
		power(score, &b, work, work + nplaces, work + 2 * nplaces, teleport,
		      dang, ndang, damping, tolerance, max_iterations, isolated, &iso);
	}
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
		total = pr_sum_of(score, n);
	}
	pr_divide_by(score, n, total);
	return PRECIS_OK;
}

/* A book's graph is upper (doc.h): row i holds only its links to later
 * sentences, each edge once. A sweep still sees every neighbour: when
 * node i's score is new, i pushes its share, w(i, j) / W(i) times it,
 * into push[j] of each later neighbour j, and row i pulls the shares of
 * the later ones, not yet updated, as before. When the sweep reaches j,
 * push[j] holds all its earlier neighbours' shares, new, as Gauss-Seidel
 * wants them. Each edge is read once per sweep, not twice, and a node's
 * share and pushed sum share a cache line: in single precision, eight
 * bytes a node (their rounding, a part in 10^7, is far below the
 * tolerance's per-sentence share, as the weights' is; in callgrind's
 * simulated 512 KiB cache pr_rank on bench-10mb.txt missed 6.0M times
 * instead of the symmetric sweeps' 10.3M).
 *
 * A book's nodes are read in the order of its links, all over a table
 * larger than the cache, each read a wait for memory: the node PR_AHEAD
 * links on is asked for early, so that the waits overlap. (Where the
 * compiler has no such hint the sweeps only wait longer.) */
#define PR_AHEAD 16

typedef struct node_state {
	float share; /* score / W(i): what each unit of edge weight carries */
	float push;  /* the shares pushed into it so far this sweep */
} node_state;

_Static_assert(PR_AHEAD <= PR_LINK_PAD, "the hints read past the links");

/* Push share si along a row's n links. A row links to each sentence at
 * most once, so its pushes go to different nodes: two at a time, their
 * loads before their stores, where one at a time each load would wait for
 * the store before it (the compiler cannot know the nodes differ). */
static void push_row(node_state *ns, const pr_link *lk, size_t n, float si)
{
	size_t k = 0;
	for (; k + 2 <= n; k += 2) {
		uint32_t a = lk[k].j, b = lk[k + 1].j;
		float pa = ns[a].push + lk[k].w * si;
		float pb = ns[b].push + lk[k + 1].w * si;
		ns[a].push = pa;
		ns[b].push = pb;
	}
	if (k < n)
		ns[lk[k].j].push += lk[k].w * si;
}

static void sweeps_upper(double *score, const size_t *row, const pr_link *lk,
                         const double *out, node_state *ns, const double *teleport,
                         const uint32_t *dang, size_t ndang, size_t n, double damping,
                         double tolerance, unsigned max_iterations)
{
	double all = (double)n, iso = 0;
	sor r = sor_start(tolerance, all);
	for (unsigned it = 0; it < max_iterations; it++) {
		double base, delta;
		double jump = step_start(dangling_sum(score, dang, ndang), damping, 0, all,
		                         &iso, &base, &delta);
		for (size_t i = 0; i < n; i++) {
			size_t k = row[i], e = row[i + 1];
			double s0 = 0, s1 = 0;
			for (; k + 2 <= e; k += 2) {
				PR_PREFETCH(&ns[lk[k + PR_AHEAD].j]);
				PR_PREFETCH(&ns[lk[k + PR_AHEAD + 1].j]);
				s0 += (double)lk[k].w * ns[lk[k].j].share;
				s1 += (double)lk[k + 1].w * ns[lk[k + 1].j].share;
			}
			if (k < e) {
				PR_PREFETCH(&ns[lk[k + PR_AHEAD].j]);
				s0 += (double)lk[k].w * ns[lk[k].j].share;
			}
			double sum = (double)ns[i].push + (s0 + s1);
			ns[i].push = 0;
			double v = (teleport ? jump * teleport[i] : base) + damping * sum;
			v = sor_move(&score[i], v, r.omega, &delta);
			float si = (float)(v * out[i]);
			ns[i].share = si;
			push_row(ns, lk + row[i], e - row[i], si);
		}
		if (sor_end(&r, delta))
			break;
	}
}

/* PageRank over an upper graph, by the sweeps above: graph.c wrote the
 * links as they read them and W(i) (doc.h), so they start at once. */
static int pagerank_upper(double *score, pr_scratch *sc, const pr_graph *g,
                          double damping, double tolerance, unsigned max_iterations,
                          const double *teleport)
{
	size_t n = g->n;
	if (n == 0)
		return PRECIS_OK;
	double *out = pr_scratch_alloc(sc, n * sizeof *out); /* 1 / W(i), or 0 */
	uint32_t *dang = pr_scratch_alloc(sc, n * sizeof *dang);
	node_state *ns = pr_scratch_alloc(sc, n * sizeof *ns);
	if (!out || !dang || !ns)
		return PRECIS_ENOMEM;
	size_t ndang = 0;
	for (size_t i = 0; i < n; i++) {
		out[i] = g->wsum[i] > 0 ? 1.0 / g->wsum[i] : 0.0;
		if (out[i] == 0.0)
			dang[ndang++] = (uint32_t)i;
		score[i] = 1.0 / (double)n;
		ns[i].share = (float)(score[i] * out[i]);
		ns[i].push = 0;
	}
	sweeps_upper(score, g->row, g->link, out, ns, teleport, dang, ndang, n, damping,
	             tolerance, max_iterations);
	/* renormalise away rounding drift */
	pr_divide_by(score, n, pr_sum_of(score, n));
	return PRECIS_OK;
}

/* pagerank() for a caller without a document: its working arrays each
 * malloc'd, and freed before it returns. */
static int pagerank_alone(double *score, const pr_graph *g, double damping,
                          double tolerance, unsigned max_iterations,
                          const double *teleport, int gauss_seidel, size_t isolated,
                          const uint32_t *node)
{
	pr_scratch sc;
	pr_scratch_init(&sc, NULL, 0);
	int rc = pagerank(score, &sc, g, damping, tolerance, max_iterations, teleport,
	                  gauss_seidel, isolated, node);
	pr_scratch_free(&sc);
	return rc;
}

int pr_pagerank_personal(double *score, const pr_graph *g, double damping,
                         double tolerance, unsigned max_iterations,
                         const double *teleport)
{
	return pagerank_alone(score, g, damping, tolerance, max_iterations, teleport,
	                      g->n > PR_LARGE_GRAPH, 0, NULL);
}

int pr_pagerank_isolated(double *score, const pr_graph *g, double damping,
                         double tolerance, unsigned max_iterations, size_t isolated,
                         const uint32_t *node)
{
	return pagerank_alone(score, g, damping, tolerance, max_iterations, NULL,
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
 * radix sort of the keys' bits, RADIX_BITS at a time, gives the same order
 * in a few passes over the keys: six of 11 bits, where bytes took eight
 * (bench-10mb.txt's 82,020 scores: 14.5M instructions, then 11.2M; the
 * counts, 8 KiB, stay in the cache). */
#define RADIX_MIN 2048
#define RADIX_BITS 11
#define RADIX_DIGITS (1 << RADIX_BITS)

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
	/* n < 2^32: the indices are 32 bits */
	uint32_t count[RADIX_DIGITS];
	/* least significant digit first; each pass is stable, so equal keys
	 * keep their incoming order */
	for (int shift = 0; shift < 64; shift += RADIX_BITS) {
		memset(count, 0, sizeof count);
		for (size_t i = 0; i < n; i++)
			count[(ka[i] >> shift) & (RADIX_DIGITS - 1)]++;
		if (count[(ka[0] >> shift) & (RADIX_DIGITS - 1)] == n)
			continue; /* one digit for all: nothing to move */
		uint32_t at = 0;
		for (int b = 0; b < RADIX_DIGITS; b++) {
			uint32_t c = count[b];
			count[b] = at;
			at += c;
		}
		for (size_t i = 0; i < n; i++) {
			size_t to = count[(ka[i] >> shift) & (RADIX_DIGITS - 1)]++;
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

/* Up to this many (an article's sentences), each one's place is counted:
 * the keys above it, and the equal ones before it. n * n comparisons with
 * no branch on them, where the merge sort's went either way at random. */
#define COUNT_MAX 64

_Static_assert(COUNT_MAX <= 64, "a sort's places are bits of a word");

/* How many of the keys k[0 .. n), n even, are at least x. */
static size_t at_least(const double *k, size_t n, double x)
{
#if defined(__GNUC__) || defined(__clang__)
	/* two at a time: a comparison of pairs gives -1 where it holds */
	pr_pair xx = {x, x};
	pr_bits c = {0, 0};
	for (size_t b = 0; b < n; b += 2) {
		pr_pair v;
		memcpy(&v, k + b, sizeof v);
		c -= (pr_bits)(v >= xx);
	}
	return (size_t)(c[0] + c[1]);
#else
	size_t c = 0;
	for (size_t b = 0; b < n; b++)
		c += k[b] >= x;
	return c;
#endif
}

/* The same order as merge_sort_desc, by counting. Where no two keys are
 * equal, a key's place is the number of the others at least as large:
 * one count over all the keys, the same length for each, two at a time;
 * those places are then all different, each below n. Where they are
 * not, some keys are equal (or NaN), and each place is counted again as
 * the order wants: the larger keys, and the equal ones before it. */
static void count_sort_desc(uint32_t *idx, uint32_t *tmp, size_t n, const double *key)
{
	/* a NaN after an odd count, which no comparison counts */
	double k[COUNT_MAX + 1];
	for (size_t a = 0; a < n; a++)
		k[a] = key[idx[a]];
	k[n] = NAN;
	size_t even = n + (n & 1);
	unsigned char place[COUNT_MAX];
	uint64_t seen = 0;
	size_t bad = 0;
	for (size_t a = 0; a < n; a++) {
		size_t at = at_least(k, even, k[a]) - 1;
		bad |= at >= n;
		place[a] = (unsigned char)at;
		seen |= (uint64_t)1 << (at & 63);
	}
	if (!bad && seen == (n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1)) {
		for (size_t a = 0; a < n; a++)
			tmp[place[a]] = idx[a];
	} else {
		for (size_t a = 0; a < n; a++) {
			double x = k[a];
			size_t at = 0;
			for (size_t b = 0; b < a; b++)
				at += k[b] >= x;
			for (size_t b = a + 1; b < n; b++)
				at += k[b] > x;
			tmp[at] = idx[a];
		}
	}
	memcpy(idx, tmp, n * sizeof *idx);
}

void pr_sort_desc(uint32_t *idx, uint32_t *tmp, size_t n, const double *key)
{
	if (n <= COUNT_MAX) {
		count_sort_desc(idx, tmp, n, key);
		return;
	}
	if (n >= RADIX_MIN && radix_sort_desc(idx, tmp, n, key) == 0)
		return;
	merge_sort_desc(idx, tmp, n, key);
}

int pr_rank(precis_doc *d, const pr_graph *g)
{
	size_t n = d->nsents;
	if (n == 0)
		return PRECIS_OK;
	pr_scratch *sc = &d->scratch;
	pr_scratch_mark mark = pr_scratch_save(sc);
	double *score = pr_scratch_alloc(sc, n * sizeof *score);
	uint32_t *idx = pr_scratch_alloc(sc, n * sizeof *idx);
	uint32_t *tmp = pr_scratch_alloc(sc, n * sizeof *tmp);
	/* the prior lives in the document: selection weighs it again */
	double *teleport = pr_alloc(&d->arena, n * sizeof *teleport);
	int rc = PRECIS_ENOMEM, prior = -1;
	if (score && idx && tmp && teleport && (prior = pr_prior(d, teleport)) >= 0) {
		d->prior = prior ? teleport : NULL;
		rc = g->upper ? pagerank_upper(score, sc, g, d->opts.damping, d->opts.tolerance,
		                               d->opts.max_iterations, d->prior)
		              : pagerank(score, sc, g, d->opts.damping, d->opts.tolerance,
		                         d->opts.max_iterations, d->prior, n > PR_LARGE_DOC,
		                         0, NULL);
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
	pr_scratch_restore(sc, mark);
	return rc;
}
