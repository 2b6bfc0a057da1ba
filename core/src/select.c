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
#include "alloc.h"

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

static int redundant(const precis_doc *d, size_t c, const uint32_t *chosen, size_t nchosen)
{
	size_t nc = d->sterm_off[c + 1] - d->sterm_off[c];
	for (size_t k = 0; k < nchosen; k++) {
		const pr_sent *a = &d->sents[c], *b = &d->sents[chosen[k]];
		if (a->len == b->len && memcmp(a->text, b->text, a->len) == 0)
			return 1;
		if (nc >= 3 && (double)shared_terms(d, c, chosen[k]) >= REDUNDANT_SHARE * (double)nc)
			return 1;
	}
	return 0;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}


/* Reorder order[] (rank order) by worth; equal worth keeps rank order. */
static int by_worth(const precis_doc *d, uint32_t *order, size_t limit)
{
	size_t n = d->nsents;
	double *worth = pr_malloc_raw((n + 1) * sizeof *worth);
	if (!worth)
		return PRECIS_ENOMEM;
	const double *prior = d->prior; /* what ranking used, if anything */
	int has_prior = prior != NULL;
	/* the lead's weight and span apply in full to a summary of at most
	 * SPAN_FULL of the text's prose sentences, not at all from SPAN_NONE on */
	size_t prose = 0;
	for (size_t i = 0; i < n; i++)
		prose += d->sents[i].kind != PR_BLOCK_HEADING;
	double share = prose ? (double)limit / (double)prose : 1.0;
	double fade = (SPAN_NONE - share) / (SPAN_NONE - SPAN_FULL);
	fade = fade < 0 ? 0 : fade > 1 ? 1 : fade;
	double lead = LEAD_WEIGHT * fade;
	if ((double)limit > LEAD_BUDGET)
		lead *= LEAD_BUDGET / (double)limit;
	double decay = SPAN_DECAY * fade;
	size_t pos = 0;
	for (size_t i = 0; i < n; i++) {
		double w = d->sents[i].score * (double)n;
		if (has_prior)
			w = pow(w, 1.0 - lead) * pow(prior[i] * (double)n, lead);
		if (d->sents[i].kind != PR_BLOCK_HEADING) {
			if (decay > 0 && (double)pos >= LEAD_SPAN)
				w *= pow(((double)pos + 1.0) / LEAD_SPAN, -decay);
			pos++;
		}
		double over = (double)d->sents[i].nwords / LONG_WORDS;
		if (over > 1.0)
			w /= over * over;
		worth[i] = w;
	}
	uint32_t *tmp = pr_malloc_raw((n + 1) * sizeof *tmp);
	if (!tmp) {
		pr_free_raw(worth);
		return PRECIS_ENOMEM;
	}
	pr_sort_desc(order, tmp, n, worth); /* equal worth keeps rank order */
	pr_free_raw(tmp);
	pr_free_raw(worth);
	return PRECIS_OK;
}

int pr_select(precis_doc *d)
{
	size_t n = d->nsents;
	const precis_options *o = &d->opts;
	size_t limit = n;
	if (o->sentences && o->sentences < limit)
		limit = o->sentences;
	if (o->ratio > 0) {
		double k = ceil(o->ratio * (double)n - 1e-9);
		size_t kr = k < 1 ? 1 : (size_t)k;
		if (kr < limit)
			limit = kr;
	}
	d->summary = pr_alloc(&d->arena, (limit + 1) * sizeof *d->summary);
	uint32_t *order = pr_malloc_raw((n + 1) * sizeof *order);
	if (!d->summary || !order) {
		pr_free_raw(order);
		return PRECIS_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		order[d->sents[i].rank - 1] = (uint32_t)i;
	int rc = by_worth(d, order, limit);
	if (rc) {
		pr_free_raw(order);
		return rc;
	}

	size_t prose = 0;
	for (size_t i = 0; i < n; i++)
		prose += d->sents[i].kind != PR_BLOCK_HEADING;

	uint32_t noise[PR_NOISE_PAIRS];
	pr_noise_pairs(noise);
	size_t words = 0, bytes = 0, taken = 0;
	/* two passes: the second admits near-repeats only if the first left
	 * room, so a short document still gets its full count */
	for (int pass = 0; pass < 2 && taken < limit; pass++) {
		for (size_t r = 0; r < n && taken < limit; r++) {
			size_t i = order[r];
			pr_sent *s = &d->sents[i];
			if (s->selected)
				continue;
			if (s->kind == PR_BLOCK_HEADING && prose > 0)
				continue;
			if (o->words && words + s->nwords > o->words)
				continue;
			if (o->bytes && bytes + s->len > o->bytes)
				continue;
			if (pass == 0 && (redundant(d, i, d->summary, taken) ||
			                  pr_noise_weight_with(d, i, noise) < NOISE_CUTOFF))
				continue;
			s->selected = 1;
			d->summary[taken++] = (uint32_t)i;
			words += s->nwords;
			bytes += s->len;
		}
	}
	d->nsummary = taken;
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
	pr_free_raw(order);
	return PRECIS_OK;
}
