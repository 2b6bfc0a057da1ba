/* keyphrase.c: key phrases by TextRank over a word co-occurrence graph.
 *
 * Candidates are content words: not stop words, not numbers, at least two
 * characters. Two candidates are linked when they occur within WINDOW tokens
 * of each other in one sentence without punctuation between them. PageRank
 * ranks the stems; the best third are key words (Mihalcea & Tarau 2004), and
 * runs of adjacent key words in the text become phrases, scored by the sum
 * of their words' scores and shown in the form of their first occurrence.
 */
#include "doc.h"
#include "alloc.h"
#include "hash.h"

#include <stdlib.h>
#include <string.h>

#define WINDOW 3
#define MAX_PHRASE_WORDS 3

static int candidate(const pr_token *t)
{
	if (t->term == PR_NO_TERM || (t->flags & (PR_TOK_STOP | PR_TOK_NUM)))
		return 0;
	return t->end - t->start >= 2;
}

typedef struct pedge {
	uint32_t a, b;
} pedge;

/* Sort pairs by (a, b), both below nt: two counting-sort passes, by b and
 * then stably by a, in O(n + nt). Pairs equal in both are identical, so
 * the order is the one any sort by (a, b) gives. 0, or -1 when out of
 * memory. */
static int sort_pairs(pedge *e, size_t n, size_t nt)
{
	pedge *tmp = pr_malloc_raw(n * sizeof *tmp);
	size_t *count = pr_malloc_raw((nt + 1) * sizeof *count);
	if (!tmp || !count) {
		pr_free_raw(tmp);
		pr_free_raw(count);
		return -1;
	}
	for (int pass = 0; pass < 2; pass++) {
		const pedge *from = pass ? tmp : e;
		pedge *to = pass ? e : tmp;
		memset(count, 0, (nt + 1) * sizeof *count);
		for (size_t k = 0; k < n; k++)
			count[(pass ? from[k].a : from[k].b) + 1]++;
		for (size_t t = 0; t < nt; t++)
			count[t + 1] += count[t];
		for (size_t k = 0; k < n; k++)
			to[count[pass ? from[k].a : from[k].b]++] = from[k];
	}
	pr_free_raw(tmp);
	pr_free_raw(count);
	return 0;
}

/* Build the co-occurrence graph over the terms that co-occur with some
 * candidate; weights count co-occurrences. node[k] is node k's term and
 * *nnodes their number (terms in increasing order, so rows and their sums
 * come in the order of a graph over all terms). */
static int word_graph(precis_doc *d, pr_graph *g, uint32_t *node, size_t *nnodes)
{
	size_t cap = 0, n = 0;
	pedge *e = NULL;
	for (size_t s = 0; s < d->nsents; s++) {
		const pr_sent *st = &d->sents[s];
		for (uint32_t i = st->tok; i < st->tok + st->ntok; i++) {
			if (!candidate(&d->toks[i]))
				continue;
			for (uint32_t j = i + 1; j < st->tok + st->ntok && j < i + WINDOW; j++) {
				if (d->toks[j].flags & PR_TOK_BREAK)
					break;
				if (!candidate(&d->toks[j]) || d->toks[j].term == d->toks[i].term)
					continue;
				if (n + 2 > cap) {
					size_t nc = cap ? cap * 2 : 1024;
					pedge *p = pr_realloc_raw(e, nc * sizeof *p);
					if (!p) {
						pr_free_raw(e);
						return PRECIS_ENOMEM;
					}
					e = p;
					cap = nc;
				}
				uint32_t a = d->toks[i].term, b = d->toks[j].term;
				e[n].a = a;
				e[n++].b = b;
				e[n].a = b;
				e[n++].b = a;
			}
		}
	}
	size_t nt = d->nterms;
	if (n && sort_pairs(e, n, nt)) {
		pr_free_raw(e);
		return PRECIS_ENOMEM;
	}
	/* every pair is there both ways, so the a's name every linked term;
	 * they come sorted: number the distinct ones */
	uint32_t *id = pr_malloc_raw((nt + 1) * sizeof *id);
	if (!id) {
		pr_free_raw(e);
		return PRECIS_ENOMEM;
	}
	size_t nn = 0;
	for (size_t k = 0; k < n; k++) {
		if (k == 0 || e[k].a != e[k - 1].a) {
			id[e[k].a] = (uint32_t)nn;
			node[nn++] = e[k].a;
		}
	}
	*nnodes = nn;
	g->n = nn;
	g->row = pr_calloc(&d->arena, nn + 1, sizeof *g->row);
	g->col = pr_alloc(&d->arena, (n + 1) * sizeof *g->col);
	g->w = pr_alloc(&d->arena, (n + 1) * sizeof *g->w);
	if (!g->row || !g->col || !g->w) {
		pr_free_raw(id);
		pr_free_raw(e);
		return PRECIS_ENOMEM;
	}
	size_t m = 0;
	for (size_t k = 0; k < n; k++) {
		if (m && g->col[m - 1] == id[e[k].b] && k > 0 && e[k - 1].a == e[k].a) {
			g->w[m - 1] += 1.0;
			continue;
		}
		g->col[m] = id[e[k].b];
		g->w[m] = 1.0;
		g->row[id[e[k].a] + 1]++;
		m++;
	}
	for (size_t t = 0; t < nn; t++)
		g->row[t + 1] += g->row[t];
	pr_free_raw(id);
	pr_free_raw(e);
	return PRECIS_OK;
}

typedef struct scored {
	double score;
	uint32_t term;
} scored;

static int cmp_scored(const void *x, const void *y)
{
	const scored *p = x, *q = y;
	if (p->score != q->score)
		return p->score > q->score ? -1 : 1;
	return p->term < q->term ? -1 : p->term > q->term;
}

typedef struct phrase {
	uint32_t sent, first, last; /* token range of the first occurrence */
	double score;
	uint32_t nterms;
	uint32_t terms[MAX_PHRASE_WORDS];
	uint32_t count;
} phrase;

static int cmp_phrase(const void *x, const void *y)
{
	const phrase *p = x, *q = y;
	if (p->score != q->score)
		return p->score > q->score ? -1 : 1;
	if (p->sent != q->sent)
		return p->sent < q->sent ? -1 : 1;
	if (p->first != q->first)
		return p->first < q->first ? -1 : 1;
	/* "bora bora" and "bora" tie on all of the above: longer first, so
	 * the order never depends on qsort's */
	return p->nterms > q->nterms ? -1 : p->nterms < q->nterms;
}

/* Count one occurrence of the phrase made of tokens [i, j) of sentence s. */
static int add_phrase(precis_doc *d, pr_strmap *seen, phrase **ph, size_t *nph,
                      size_t *capph, const double *score, uint32_t s, uint32_t i,
                      uint32_t j)
{
	uint32_t terms[MAX_PHRASE_WORDS], nterms = 0;
	for (uint32_t k = i; k < j; k++)
		terms[nterms++] = d->toks[k].term;
	int added;
	uint32_t id = pr_strmap_intern(seen, &d->arena, (const char *)terms,
	                               nterms * sizeof terms[0], &added);
	if (id == UINT32_MAX)
		return PRECIS_ENOMEM;
	if (added) {
		if (*nph == *capph) {
			size_t nc = *capph ? *capph * 2 : 64;
			phrase *p = pr_realloc_raw(*ph, nc * sizeof *p);
			if (!p)
				return PRECIS_ENOMEM;
			*ph = p;
			*capph = nc;
		}
		phrase *p = &(*ph)[(*nph)++];
		memset(p, 0, sizeof *p);
		p->sent = s;
		p->first = i;
		p->last = j - 1;
		p->nterms = nterms;
		memcpy(p->terms, terms, nterms * sizeof terms[0]);
		for (uint32_t k = 0; k < nterms; k++) {
			uint32_t m;
			for (m = 0; m < k && terms[m] != terms[k]; m++)
				;
			if (m == k)
				p->score += score[terms[k]];
		}
	}
	(*ph)[id].count++;
	return PRECIS_OK;
}

/* Are all of p's terms among q's? */
static int contained(const phrase *p, const phrase *q)
{
	for (uint32_t i = 0; i < p->nterms; i++) {
		uint32_t k;
		for (k = 0; k < q->nterms && q->terms[k] != p->terms[i]; k++)
			;
		if (k == q->nterms)
			return 0;
	}
	return 1;
}

int pr_keyphrases(precis_doc *d)
{
	d->nkeywords = 0;
	if (d->nterms == 0)
		return PRECIS_OK;
	size_t nt = d->nterms, ncand = 0;
	double *score = pr_malloc_raw(nt * sizeof *score);
	uint8_t *key = pr_malloc_raw(nt);
	uint32_t *idx = pr_malloc_raw(nt * sizeof *idx);
	double *nscore = pr_malloc_raw(nt * sizeof *nscore);
	phrase *ph = NULL;
	size_t nph = 0, capph = 0;
	pr_strmap seen;
	pr_strmap_init(&seen);
	pr_graph g;
	int rc = PRECIS_OK;
	if (!score || !key || !idx || !nscore) {
		rc = PRECIS_ENOMEM;
		goto out;
	}
	/* the candidate terms are the linked ones, idx[0..ncand) */
	if ((rc = word_graph(d, &g, idx, &ncand)))
		goto out;
	/* ranked as one graph over all terms, the unlinked ones standing
	 * apart; only the linked ones' scores are ever read */
	if (ncand && (rc = pr_pagerank_isolated(nscore, &g, 0.85, 1e-6, 100, nt - ncand, idx)))
		goto out;
	for (size_t k = 0; k < ncand; k++)
		score[idx[k]] = nscore[k];

	/* the best third of the candidate terms (at least five) are key words */
	memset(key, 0, nt);
	if (ncand == 0)
		goto out;
	{
		scored *sc = pr_malloc_raw(ncand * sizeof *sc);
		if (!sc) {
			rc = PRECIS_ENOMEM;
			goto out;
		}
		for (size_t r = 0; r < ncand; r++) {
			sc[r].score = score[idx[r]];
			sc[r].term = idx[r];
		}
		qsort(sc, ncand, sizeof *sc, cmp_scored);
		size_t k = ncand / 3;
		if (k < 5)
			k = ncand < 5 ? ncand : 5;
		for (size_t r = 0; r < k; r++)
			key[sc[r].term] = 1;
		pr_free_raw(sc);
	}

	/* phrases: maximal runs of adjacent key words, one entry per distinct
	 * sequence of stems */
	for (size_t s = 0; s < d->nsents; s++) {
		const pr_sent *st = &d->sents[s];
		uint32_t end = st->tok + st->ntok;
		for (uint32_t i = st->tok; i < end;) {
			if (!candidate(&d->toks[i]) || !key[d->toks[i].term]) {
				i++;
				continue;
			}
			uint32_t j = i + 1;
			while (j < end && j - i < MAX_PHRASE_WORDS && candidate(&d->toks[j]) &&
			       key[d->toks[j].term] && !(d->toks[j].flags & PR_TOK_BREAK))
				j++;
			/* the run itself, and each of its words alone: a phrase of
			 * several words must recur to count, a lone word need not */
			if (j - i > 1 &&
			    (rc = add_phrase(d, &seen, &ph, &nph, &capph, score, (uint32_t)s, i, j)))
				goto out;
			for (uint32_t k = i; k < j; k++)
				if ((rc = add_phrase(d, &seen, &ph, &nph, &capph, score, (uint32_t)s, k, k + 1)))
					goto out;
			i = j;
		}
	}
	if (nph)
		qsort(ph, nph, sizeof *ph, cmp_phrase);

	size_t want = d->opts.keywords;
	d->keywords = pr_alloc(&d->arena, (want + 1) * sizeof *d->keywords);
	uint32_t *chosen = pr_malloc_raw((want + 1) * sizeof *chosen);
	if (!d->keywords || !chosen) {
		pr_free_raw(chosen);
		rc = PRECIS_ENOMEM;
		goto out;
	}
	size_t nchosen = 0;
	for (size_t k = 0; k < nph && nchosen < want; k++) {
		size_t m;
		if (ph[k].nterms > 1 && ph[k].count < 2)
			continue;
		/* "Lavrov" adds nothing once "Sergey Lavrov" is listed */
		for (m = 0; m < nchosen && !contained(&ph[k], &ph[chosen[m]]); m++)
			;
		if (m < nchosen)
			continue;
		chosen[nchosen++] = (uint32_t)k;
	}
	for (size_t m = 0; m < nchosen; m++) {
		const phrase *p = &ph[chosen[m]];
		const pr_sent *st = &d->sents[p->sent];
		uint32_t a = d->toks[p->first].start, b = d->toks[p->last].end;
		/* "Korea's" is shown as "Korea" */
		if (b - a > 3 && st->text[b - 1] == 's' && st->text[b - 2] == '\'')
			b -= 2;
		else if (b - a > 5 && st->text[b - 1] == 's' &&
		         memcmp(st->text + b - 4, "\xE2\x80\x99", 3) == 0)
			b -= 4;
		pr_keyword *kw = &d->keywords[m];
		kw->text = pr_strndup(&d->arena, st->text + a, b - a);
		if (!kw->text) {
			pr_free_raw(chosen);
			rc = PRECIS_ENOMEM;
			goto out;
		}
		kw->len = b - a;
		kw->score = p->score / ph[chosen[0]].score;
	}
	d->nkeywords = nchosen;
	pr_free_raw(chosen);
out:
	pr_strmap_free(&seen);
	pr_free_raw(score);
	pr_free_raw(nscore);
	pr_free_raw(key);
	pr_free_raw(idx);
	pr_free_raw(ph);
	return rc;
}
