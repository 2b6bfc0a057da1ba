/* select.c: the summary is the best-ranked sentences that fit the budget.
 *
 * Sentences are taken best first, by worth (see LEAD_WEIGHT below). A sentence is skipped when it does not fit
 * what is left of a word or byte budget (a shorter one further down may still
 * fit: sentences are never cut), when it is a heading (a summary is made of
 * statements; headings are used only if nothing else exists), or, while
 * anything else fits, when it nearly repeats a sentence already taken (most
 * of its terms are in it) or looks like noise (a byline, a caption).
 */
#include "doc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A candidate is redundant when this share of its distinct terms already
 * appears in one selected sentence. */
#define REDUNDANT_SHARE 0.8

/* Sentences that look less like statements than this (prior.c: bylines,
 * captions, share lines) are taken only when nothing else fits. */
#define NOISE_CUTOFF 0.5

/* Selection order is not quite rank order. A candidate's worth is its
 * PageRank score times its prior (prior.c) to the power LEAD_WEIGHT, which
 * shrinks as the budget grows past LEAD_BUDGET sentences and fades out, as
 * the lead's span does (below), between a summary of SPAN_FULL and one of
 * SPAN_NONE of the text: position says most about the one to three
 * sentences that state the point, nothing about a summary that covers the
 * text (bbc, 40% of each article: +0.3 R1). And a sentence of more than
 * LONG_WORDS words (a run-on, glued captions, a list) is worth
 * (LONG_WORDS / words)^2 of its score: it costs the reader more than it
 * tells. */
#define LEAD_WEIGHT 0.15
#define LEAD_BUDGET 3.0
#define LONG_WORDS 40.0

/* News states its point in its first few sentences, so a short summary
 * (one to three sentences of a long text) is drawn from them: past the
 * first LEAD_SPAN prose sentences (headings do not count), a candidate's
 * worth falls as ((position + 1) / LEAD_SPAN)^-SPAN_DECAY. The decay
 * applies in full while the summary is at most SPAN_FULL of the text's
 * prose sentences and fades out by SPAN_NONE: a summary of 40% of a text
 * covers the whole of it, and where its sentences stand says little. */
#define LEAD_SPAN 4.0
#define SPAN_DECAY 2.0
#define SPAN_FULL 0.15
#define SPAN_NONE 0.3

/* A summary of one sentence stands for the whole text, as a news intro
 * or a standfirst does, and a reader (or ROUGE's F1 against such an
 * intro) asks of it that it say as much of the story as one sentence
 * can: a short sentence cannot, however central. So for a budget of one
 * sentence a candidate's worth is also multiplied by the square of its
 * fit: the F1 its words would expect against an intro of
 * FIT_INTRO_WORDS words if each of its function words (stop words) were
 * in the intro with chance FIT_STOP, and each other word with chance
 * FIT_REPEATED * (df - 1) / (df + 1), df being the number of sentences
 * that use its stem: a word the text uses once is seldom in its
 * summary, one it comes back to often is. So fit = 2 * (expected
 * matches) / (words + FIT_INTRO_WORDS): more words count while they are
 * ones a summary would use, a list of names or figures scores low, and
 * the graph's choice decides between sentences that fit alike. The
 * rates are about those of xsum's dev intros (28% of the articles' stop
 * words are in them; 8, 13, 18, 21% of the words used in 2, 3, 4, 5
 * sentences; intros of 22 words) and lower than orangesum's (38%; 17,
 * 30, 41, 47%; 34 words). xsum R1 18.69 ->
 * 20.02, fr-sum 25.47 -> 26.80, each on both halves. The settings matter
 * little: tests/quality/onesent_fit.py re-runs the fit in Python over
 * precis's ranking, where rates of 0.2 or 0.4, intros of 20 or 45 words
 * and powers of 3 or 4 all give xsum 19.6 to 20.2 and fr-sum 26.1 to
 * 26.7 (19.5 and 26.6 at a power of 1; 18.7 and 25.2 without the fit);
 * without the stop words' share xsum gets 18.45. A longer budget does
 * without it: three sentences say enough, and cnndm's lose 0.7 R1 even
 * at a power of 1/4. */
#define FIT_STOP 0.3
#define FIT_REPEATED 0.3
#define FIT_INTRO_WORDS 30.0

static size_t shared_terms(const precis_doc *d, size_t a, size_t b)
{
	size_t i = d->sterm_off[a], ie = d->sterm_off[a + 1];
	size_t j = d->sterm_off[b], je = d->sterm_off[b + 1], n = 0;
	while (i < ie && j < je) {
		if (d->sterm[i] == d->sterm[j]) {
			n++;
			i++;
			j++;
		} else if (d->sterm[i] < d->sterm[j]) {
			i++;
		} else {
			j++;
		}
	}
	return n;
}

static int same_text(const precis_doc *d, size_t a, size_t b)
{
	const pr_sent *x = &d->sents[a], *y = &d->sents[b];
	return x->len == y->len && memcmp(x->text, y->text, x->len) == 0;
}

/* Does candidate c repeat the chosen sentence: the same text, or (with
 * three distinct terms or more) REDUNDANT_SHARE of its terms in it? */
static int redundant_with(const precis_doc *d, size_t c, size_t chosen)
{
	size_t nc = d->sterm_off[c + 1] - d->sterm_off[c];
	if (same_text(d, c, chosen))
		return 1;
	return nc >= 3 &&
	       (double)shared_terms(d, c, chosen) >= REDUNDANT_SHARE * (double)nc;
}

/* Does candidate c repeat any of the nchosen sentences in chosen? */
static int redundant(const precis_doc *d, size_t c, const uint32_t *chosen, size_t nchosen)
{
	for (size_t k = 0; k < nchosen; k++)
		if (redundant_with(d, c, chosen[k]))
			return 1;
	return 0;
}

/* A long summary (a share of a book) would test each candidate against
 * thousands of chosen sentences, and selection would grow with the square
 * of the text. For a summary of more than REDUNDANT_SCAN sentences, an
 * index says which can matter: by term, the chosen sentences that hold
 * it. A chosen sentence holding m of a candidate's nc terms misses at most
 * nc - m of them, so it holds at least one of any nc - m + 1; with m the
 * least count that makes
 * the candidate redundant, only the chosen sentences on the shortest
 * nc - m + 1 lists of its terms are tested. The same text has the same
 * terms: it is on every list, or, without terms, on the list of chosen
 * sentences that have none. The answer is the plain scan's. */
#define REDUNDANT_SCAN 16

typedef struct chosen_index {
	uint32_t *head;  /* by term: its latest posting + 1, 0 for none */
	uint32_t *count; /* by term: how many chosen sentences hold it */
	uint32_t *next;  /* by posting: the term's posting before it + 1 */
	uint32_t *sent;  /* by posting: the chosen sentence */
	uint32_t *seen;  /* by sentence: the candidate that last tested it + 1 */
	uint32_t *empty; /* chosen sentences without terms */
	size_t npost, nempty;
} chosen_index;

/* The index's arrays are taken from sc. */
static int index_init(chosen_index *x, const precis_doc *d, pr_scratch *sc)
{
	size_t n = d->nsents + 1, np = d->sterm_off[d->nsents] + 1;
	/* the graph's terms: the document's, and after them the words it
	 * counts besides (graph.c) */
	size_t nt = d->nterms + 1;
	for (size_t k = 0; k + 1 < np; k++)
		if (d->sterm[k] >= nt)
			nt = (size_t)d->sterm[k] + 1;
	memset(x, 0, sizeof *x);
	x->head = pr_scratch_calloc(sc, nt, sizeof *x->head);
	x->count = pr_scratch_calloc(sc, nt, sizeof *x->count);
	x->next = pr_scratch_alloc(sc, np * sizeof *x->next);
	x->sent = pr_scratch_alloc(sc, np * sizeof *x->sent);
	x->seen = pr_scratch_calloc(sc, n, sizeof *x->seen);
	x->empty = pr_scratch_alloc(sc, n * sizeof *x->empty);
	if (!x->head || !x->count || !x->next || !x->sent || !x->seen || !x->empty)
		return PRECIS_ENOMEM;
	return PRECIS_OK;
}

/* Sentence i has been chosen: it goes on the list of each of its terms. */
static void index_add(chosen_index *x, const precis_doc *d, size_t i)
{
	size_t a = d->sterm_off[i], e = d->sterm_off[i + 1];
	if (a == e)
		x->empty[x->nempty++] = (uint32_t)i;
	for (; a < e; a++) {
		uint32_t t = d->sterm[a];
		x->next[x->npost] = x->head[t];
		x->sent[x->npost] = (uint32_t)i;
		x->head[t] = (uint32_t)++x->npost;
		x->count[t]++;
	}
}

/* redundant(), through the index: x holds the chosen sentences, nchosen
 * of them in chosen. */
static int redundant_indexed(chosen_index *x, const precis_doc *d, size_t c,
                             const uint32_t *chosen, size_t nchosen)
{
	size_t a = d->sterm_off[c], nc = d->sterm_off[c + 1] - a;
	/* a run-on of more than 64 terms (the lists taken fit a word's
	 * bits) is tested the plain way */
	if (nc > 64)
		return redundant(d, c, chosen, nchosen);
	if (nc == 0) {
		for (size_t k = 0; k < x->nempty; k++)
			if (same_text(d, c, x->empty[k]))
				return 1;
		return 0;
	}
	/* the least m with m >= REDUNDANT_SHARE * nc, as the scan compares;
	 * under three terms only the same text counts, which holds them all */
	size_t m = nc;
	if (nc >= 3)
		while (m > 0 && (double)(m - 1) >= REDUNDANT_SHARE * (double)nc)
			m--;
	size_t lists = nc - m + 1;
	/* the shortest lists first: choose them one at a time (nc is a
	 * sentence's distinct terms, a few dozen at most in prose) */
	uint32_t mark = (uint32_t)c + 1;
	uint64_t taken_lists = 0; /* which terms' lists are done */
	for (size_t l = 0; l < lists; l++) {
		size_t best = nc;
		for (size_t k = 0; k < nc; k++) {
			if (taken_lists >> k & 1)
				continue;
			if (best == nc || x->count[d->sterm[a + k]] < x->count[d->sterm[a + best]])
				best = k;
		}
		if (best == nc)
			break;
		taken_lists |= (uint64_t)1 << best;
		for (uint32_t p = x->head[d->sterm[a + best]]; p; p = x->next[p - 1]) {
			uint32_t s = x->sent[p - 1];
			if (x->seen[s] == mark)
				continue;
			x->seen[s] = mark;
			if (redundant_with(d, c, s))
				return 1;
		}
	}
	return 0;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* The order selection goes through: by worth, largest first, equal worth
 * in rank order. A summary of a few sentences looks at the first few of a
 * book's 80,000, so the order is made lazily: a cheap upper bound on each
 * sentence's worth (no pow) says which sentences cannot come next, and the
 * exact worth (three pow) is worked out only for the others. Two heaps:
 * the sentences not yet weighed, by bound, and the weighed ones, by worth
 * then rank; the best weighed one comes next as soon as no bound reaches
 * its worth. Past SORT_AFTER sentences (a budget of words, or of a whole
 * short text) the rest is weighed and sorted at once. Sentences are named
 * by their rank position r (0 = best ranked): rank[r] is the sentence. */
#define SORT_AFTER 64

/* Rounding can put a computed pow a few units in the last place above the
 * real value the bound argues from; a bound this much too large covers it.
 * (No value here comes near the subnormal range, where it would not.) */
#define BOUND_SLACK (1.0 + 1e-9)

typedef struct worth_order {
	const precis_doc *d;
	pr_scratch *sc;        /* where its arrays are taken from */
	uint32_t *rank;        /* rank[r]: the sentence at rank position r */
	uint32_t *pos;         /* pos[i]: sentence i's place among prose ones */
	double *worth;         /* by rank position, once weighed */
	double *bound;         /* by rank position */
	uint32_t *open;        /* heap of rank positions not yet weighed */
	uint32_t *done;        /* heap of weighed rank positions not yet out */
	uint32_t *out;         /* sentences in order, nout of them so far */
	size_t n, nopen, ndone, nout, sort_after;
	double lead, decay;
	int has_prior;
	int one;               /* a summary of one sentence: weigh the fit */
} worth_order;

/* Sentence i's fit as a summary of one sentence (see FIT_STOP). Tokens
 * with neither a letter nor a digit are no words. */
static double fit_of(const precis_doc *d, size_t i)
{
	const pr_sent *s = &d->sents[i];
	double matches = 0, words = 0;
	for (size_t k = s->tok; k < (size_t)s->tok + s->ntok; k++) {
		const pr_token *t = &d->toks[k];
		if (t->flags & PR_TOK_STOP) {
			matches += FIT_STOP;
			words++;
		} else if (t->term != PR_NO_TERM) {
			double df = d->terms[t->term].df;
			matches += FIT_REPEATED * (df - 1.0) / (df + 1.0);
			words++;
		}
	}
	return 2.0 * matches / (words + FIT_INTRO_WORDS);
}

/* Sentence i's worth (see LEAD_WEIGHT, LEAD_SPAN and FIT_STOP). */
static double worth_of(const worth_order *o, size_t i)
{
	const pr_sent *s = &o->d->sents[i];
	double n = (double)o->n;
	double w = s->score * n;
	if (o->has_prior)
		w = pow(w, 1.0 - o->lead) * pow(o->d->prior[i] * n, o->lead);
	if (s->kind != PR_BLOCK_HEADING && o->decay > 0 && (double)o->pos[i] >= LEAD_SPAN)
		w *= pow(((double)o->pos[i] + 1.0) / LEAD_SPAN, -o->decay);
	double over = (double)s->nwords / LONG_WORDS;
	if (over > 1.0)
		w /= over * over;
	if (o->one) {
		double fit = fit_of(o->d, i);
		w *= fit * fit;
	}
	return w;
}

/* Does rank position a come before b among the weighed? */
static int before(const worth_order *o, uint32_t a, uint32_t b)
{
	return o->worth[a] > o->worth[b] || (o->worth[a] == o->worth[b] && a < b);
}

/* Does rank position a belong above b in heap h (open: by bound, done: by
 * worth, then rank)? */
static int above(const worth_order *o, const uint32_t *h, uint32_t a, uint32_t b)
{
	return h == o->open ? o->bound[a] > o->bound[b] : before(o, a, b);
}

static void sift_down(const worth_order *o, uint32_t *h, size_t n, size_t k)
{
	uint32_t x = h[k];
	for (;;) {
		size_t c = 2 * k + 1;
		if (c >= n)
			break;
		if (c + 1 < n && above(o, h, h[c + 1], h[c]))
			c++;
		if (!above(o, h, h[c], x))
			break;
		h[k] = h[c];
		k = c;
	}
	h[k] = x;
}

static void sift_up(const worth_order *o, uint32_t *h, size_t k)
{
	uint32_t x = h[k];
	while (k > 0 && above(o, h, x, h[(k - 1) / 2])) {
		h[k] = h[(k - 1) / 2];
		k = (k - 1) / 2;
	}
	h[k] = x;
}

static uint32_t heap_pop(const worth_order *o, uint32_t *h, size_t *n)
{
	uint32_t top = h[0];
	h[0] = h[--*n];
	if (*n)
		sift_down(o, h, *n, 0);
	return top;
}

/* Weigh and sort everything not yet out: the order from here on. */
static int sort_rest(worth_order *o)
{
	/* the heaps, done with once read, have room for n each: the rest
	 * and the sort's scratch */
	uint32_t *rest = o->open, *tmp = o->done;
	size_t m = 0;
	uint8_t *left = pr_scratch_alloc(o->sc, o->n + 1);
	if (!left)
		return PRECIS_ENOMEM;
	memset(left, 0, o->n);
	for (size_t k = 0; k < o->nopen; k++) {
		uint32_t r = o->open[k];
		o->worth[r] = worth_of(o, o->rank[r]);
		left[r] = 1;
	}
	for (size_t k = 0; k < o->ndone; k++)
		left[o->done[k]] = 1;
	/* in rank order, so that the stable sort keeps ties in it */
	for (size_t r = 0; r < o->n; r++)
		if (left[r])
			rest[m++] = (uint32_t)r;
	pr_sort_desc(rest, tmp, m, o->worth);
	for (size_t k = 0; k < m; k++)
		o->out[o->nout++] = o->rank[rest[k]];
	o->nopen = o->ndone = 0;
	return PRECIS_OK;
}

/* Put the next sentence out (nout < n). */
static int next_out(worth_order *o)
{
	if (o->nout >= o->sort_after)
		return sort_rest(o);
	/* weigh the sentences whose bound reaches the best worth weighed:
	 * one of them may be worth more, or as much and rank higher */
	while (o->nopen > 0 &&
	       (o->ndone == 0 || o->bound[o->open[0]] >= o->worth[o->done[0]])) {
		uint32_t r = heap_pop(o, o->open, &o->nopen);
		o->worth[r] = worth_of(o, o->rank[r]);
		o->done[o->ndone] = r;
		sift_up(o, o->done, o->ndone++);
	}
	o->out[o->nout++] = o->rank[heap_pop(o, o->done, &o->ndone)];
	return PRECIS_OK;
}

/* The r-th sentence of the order (r < n), or -1 when out of memory. */
static long order_at(worth_order *o, size_t r)
{
	while (o->nout <= r)
		if (next_out(o))
			return -1;
	return (long)o->out[r];
}

/* How many of d's sentences are prose (not headings): counted once a
 * document, by prose_of(), for the three stages that ask (the graph, the
 * prior and selection); counted afresh before then. */
static size_t prose_count(const precis_doc *d)
{
	if (d->prose_known)
		return d->nprose;
	size_t prose = 0;
	for (size_t i = 0; i < d->nsents; i++)
		prose += d->sents[i].kind != PR_BLOCK_HEADING;
	return prose;
}

static size_t prose_of(precis_doc *d)
{
	if (!d->prose_known) {
		d->nprose = prose_count(d);
		d->prose_known = 1;
	}
	return d->nprose;
}

/* How short a summary of at most limit sentences is beside d's text: 1 up
 * to SPAN_FULL of its prose sentences (headings do not count), 0 from
 * SPAN_NONE on, in between linearly. The lead's weight and span apply in
 * proportion, and the sentence graph (graph.c) reads what a summary that
 * covers the text is made of the other way round. */
static double short_share(const precis_doc *d, size_t limit)
{
	size_t prose = prose_count(d);
	double share = prose ? (double)limit / (double)prose : 1.0;
	double fade = (SPAN_NONE - share) / (SPAN_NONE - SPAN_FULL);
	return fade < 0 ? 0 : fade > 1 ? 1 : fade;
}

/* The most sentences d's options allow in its summary. */
static size_t sentence_limit(const precis_doc *d)
{
	const precis_options *o = &d->opts;
	size_t limit = d->nsents;
	if (o->sentences && o->sentences < limit)
		limit = o->sentences;
	if (o->ratio > 0) {
		double k = ceil(o->ratio * (double)d->nsents - 1e-9);
		size_t kr = k < 1 ? 1 : (size_t)k;
		if (kr < limit)
			limit = kr;
	}
	return limit;
}

double pr_summary_short(precis_doc *d)
{
	prose_of(d);
	return short_share(d, sentence_limit(d));
}

/* Set up the order of d's sentences for a summary of at most limit, its
 * arrays taken from sc. Returns PRECIS_OK or PRECIS_ENOMEM. */
static int order_init(worth_order *o, const precis_doc *d, pr_scratch *sc, size_t limit,
                      size_t sort_after)
{
	size_t n = d->nsents;
	memset(o, 0, sizeof *o);
	o->d = d;
	o->sc = sc;
	o->n = n;
	o->sort_after = sort_after;
	/* one allocation for the seven arrays of n + 1: the two of doubles
	 * first, so that each array is aligned for its type */
	size_t m = n + 1;
	if (m > SIZE_MAX / (2 * sizeof(double) + 5 * sizeof(uint32_t)))
		return PRECIS_ENOMEM;
	double *dbl = pr_scratch_alloc(sc, m * (2 * sizeof(double) + 5 * sizeof(uint32_t)));
	if (!dbl)
		return PRECIS_ENOMEM;
	o->worth = dbl;
	o->bound = dbl + m;
	o->rank = (uint32_t *)(dbl + 2 * m);
	o->pos = o->rank + m;
	o->open = o->pos + m;
	o->done = o->open + m;
	o->out = o->done + m;
	for (size_t i = 0; i < n; i++)
		o->rank[d->sents[i].rank - 1] = (uint32_t)i;
	const double *prior = d->prior; /* what ranking used, if anything */
	o->has_prior = prior != NULL;
	double fade = short_share(d, limit);
	o->lead = LEAD_WEIGHT * fade;
	if ((double)limit > LEAD_BUDGET)
		o->lead *= LEAD_BUDGET / (double)limit;
	o->decay = SPAN_DECAY * fade;
	o->one = limit == 1;
	/* a fit is under 2 * the larger rate, its words' share of words +
	 * FIT_INTRO_WORDS being under 1 */
	double top = 2.0 * (FIT_STOP > FIT_REPEATED ? FIT_STOP : FIT_REPEATED);
	double fit_bound = o->one ? top * top : 1.0;

	/* The bounds. The lead's weighting is a weighted geometric mean of the
	 * score and the prior, so at most the larger of the two; the decay
	 * falls with the position, so past a place p it is at most its value
	 * at p, worked out afresh each time the position doubles. */
	size_t pos = 0, at = 0;
	double decay_at = 1.0;
	for (size_t i = 0; i < n; i++) {
		const pr_sent *s = &d->sents[i];
		double w = s->score * (double)n;
		double b = w;
		if (o->has_prior) {
			double q = prior[i] * (double)n;
			if (isnan(q))
				o->sort_after = 0; /* no bound holds: sort it all */
			b = q > w ? q : w;
		}
		if (isnan(w))
			o->sort_after = 0;
		b *= fit_bound * BOUND_SLACK;
		o->pos[i] = (uint32_t)pos;
		if (s->kind != PR_BLOCK_HEADING) {
			if (o->decay > 0 && (double)pos >= LEAD_SPAN) {
				if (pos >= 2 * at + 1 || at == 0) {
					at = pos;
					decay_at = pow(((double)at + 1.0) / LEAD_SPAN, -o->decay);
				}
				b *= decay_at;
			}
			pos++;
		}
		double over = (double)s->nwords / LONG_WORDS;
		if (over > 1.0)
			b /= over * over;
		o->bound[s->rank - 1] = b;
	}
	for (size_t r = 0; r < n; r++)
		o->open[r] = (uint32_t)r;
	o->nopen = n;
	for (size_t k = n / 2; k-- > 0;)
		sift_down(o, o->open, n, k);
	return PRECIS_OK;
}

int pr_worth_order(const precis_doc *d, size_t limit, size_t sort_after, uint32_t *out)
{
	/* every array malloc'd: the document is not to be written */
	pr_scratch sc;
	pr_scratch_init(&sc, NULL, 0);
	worth_order o;
	int rc = order_init(&o, d, &sc, limit, sort_after);
	for (size_t r = 0; rc == PRECIS_OK && r < d->nsents; r++) {
		long i = order_at(&o, r);
		if (i < 0)
			rc = PRECIS_ENOMEM;
		else
			out[r] = (uint32_t)i;
	}
	pr_scratch_free(&sc);
	return rc;
}

/* Sentence i's noise weight: as the prior found it where it weighed i,
 * else weighed here. */
static double noise_of(const precis_doc *d, size_t i)
{
	if (d->noisew && d->noisew[i] >= 0)
		return d->noisew[i];
	return pr_noise_weight(d, i);
}

int pr_select(precis_doc *d)
{
	size_t n = d->nsents;
	const precis_options *o = &d->opts;
	size_t limit = sentence_limit(d), prose = prose_of(d);
	d->summary = pr_alloc(&d->arena, (limit + 1) * sizeof *d->summary);
	if (!d->summary)
		return PRECIS_ENOMEM;
	pr_scratch_mark mark = pr_scratch_save(&d->scratch);
	worth_order wo;
	int rc = order_init(&wo, d, &d->scratch, limit, SORT_AFTER);
	chosen_index index;
	int indexed = limit > REDUNDANT_SCAN;
	if (rc || (indexed && (rc = index_init(&index, d, &d->scratch)))) {
		pr_scratch_restore(&d->scratch, mark);
		return rc;
	}
	size_t words = 0, bytes = 0, taken = 0;
	/* two passes: the second admits near-repeats only if the first left
	 * room, so a short document still gets its full count */
	for (int pass = 0; pass < 2 && taken < limit; pass++) {
		for (size_t r = 0; r < n && taken < limit; r++) {
			long next = order_at(&wo, r);
			if (next < 0) {
				rc = PRECIS_ENOMEM;
				goto out;
			}
			size_t i = (size_t)next;
			pr_sent *s = &d->sents[i];
			if (s->selected)
				continue;
			if (s->kind == PR_BLOCK_HEADING && prose > 0)
				continue;
			if (o->words && words + s->nwords > o->words)
				continue;
			if (o->bytes && bytes + s->len > o->bytes)
				continue;
			if (pass == 0 &&
			    ((indexed ? redundant_indexed(&index, d, i, d->summary, taken)
			              : redundant(d, i, d->summary, taken)) ||
			     noise_of(d, i) < NOISE_CUTOFF))
				continue;
			s->selected = 1;
			d->summary[taken++] = (uint32_t)i;
			if (pass == 0 && indexed)
				index_add(&index, d, i);
			words += s->nwords;
			bytes += s->len;
		}
	}
out:
	d->nsummary = taken;
	pr_scratch_restore(&d->scratch, mark);
	if (!(o->flags & PRECIS_FLAG_ORDER_BY_SCORE)) {
		qsort(d->summary, taken, sizeof *d->summary, cmp_u32);
	} else {
		/* best first: the order they were taken in pass 0, but pass 1
		 * may interleave, so sort by rank */
		for (size_t a = 1; a < taken; a++) {
			uint32_t x = d->summary[a];
			size_t b = a;
			while (b > 0 && d->sents[d->summary[b - 1]].rank > d->sents[x].rank) {
				d->summary[b] = d->summary[b - 1];
				b--;
			}
			d->summary[b] = x;
		}
	}
	return rc;
}
