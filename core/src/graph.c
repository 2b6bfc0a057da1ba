/* graph.c: the sentence-similarity graph.
 *
 * Sentences meet only through the terms they share: an inverted index maps
 * each term to the sentences that hold it, and for every sentence i we walk
 * the postings of its terms to accumulate similarity with each later
 * sentence j. Sentences that share nothing cost nothing, so the work is the
 * sum over terms of df^2, not n^2.
 *
 * Two bounds keep a book from becoming a dense graph. Both depend only on
 * n, the number of sentences, and neither applies to an ordinary document:
 * up to PR_LARGE_DOC sentences (about 100 KB of prose; a news article has
 * 10 to 150) they are the loose bounds below, which no document of the
 * evaluation sets reaches; above it they tighten smoothly, so that the graph
 * of a book costs a fixed amount per sentence.
 *  - A term held by more than df_cap sentences makes no edges (a name on
 *    every page of a novel links everything to everything and says
 *    nothing): df_cap = max(PR_DF_CAP_MIN, 2 sqrt(n)) up to PR_LARGE_DOC
 *    sentences, a cap that starts to apply only above PR_DF_CAP_MIN = 200
 *    sentences; above PR_LARGE_DOC, max(PR_DF_CAP_LARGE, PR_DF_CAP_MIN *
 *    PR_LARGE_DOC / n): 199 at 1,001 sentences, 64 from 3,125 on.
 *  - A sentence keeps its strongest links to later sentences (ties to the
 *    earlier sentence): PR_MAX_NEIGHBOURS = 100 up to PR_LARGE_DOC sentences
 *    (so it starts to apply only above 101 sentences, and only to a
 *    sentence linked to more than 100 later ones), then
 *    max(PR_NEIGHBOURS_LARGE, 100 * PR_LARGE_DOC / n): 99 at 1,011
 *    sentences, 16 from 6,250 on.
 */
#include "doc.h"
#include "bits.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PR_DF_CAP_MIN 200
#define PR_DF_CAP_LARGE 64
#define PR_MAX_NEIGHBOURS 100
#define PR_NEIGHBOURS_LARGE 16

#define BM25_K1 1.2
#define BM25_B 0.75

/* A book's counts are read all over a table larger than the cache: the
 * count PR_AHEAD postings on (another term's, past the step's end: no
 * matter) is asked for early, so that the waits overlap. */
#define PR_AHEAD 16

/* TextRank counts the stems two sentences share. A shared stem is a shared
 * topic; the very same word form ("ministers" in both, "Brown's" in both) is
 * closer still, so a stem that both use in the same form counts 1 +
 * WORD_BONUS. (A sentence that uses two forms of a stem has no one form of
 * it, and its stem counts 1.) On the evaluation sets this helps most where
 * the summary is a large share of the text (bbc, 40% of each article: +1.0
 * R1, +1.3 R2), where which of many related sentences to take turns on such
 * detail; it changes few one-sentence summaries and headlines (1 to 9 of
 * 100 to 300 documents a task). */
#define WORD_BONUS 0.5

/* A short summary is the few sentences that sum the text up; one that
 * covers much of it (40% of an article's sentences) is the sentences that
 * say what the text says most. TextRank's shared terms over the log of the
 * lengths serve the first: a long sentence that touches many topics links
 * to many others. For the second what counts is how much of one sentence's
 * content another shares: the cosine of their term counts. So a link
 * weighs TextRank's count plus COVER_COSINE times the cosine, in
 * proportion as the summary grows from 15% to 30% of the text's sentences
 * (the span over which select.c lets the lead's weight go:
 * pr_summary_short()). The cosine is of words more than of stems: a term
 * both sentences use in the same form counts COVER_SAME_FORM times one
 * they share in two forms ("minister" and "ministers"). bbc, 40% of each
 * article: R1 / R2 +0.87 / +1.10 with the same form counting 1.5, +1.46 /
 * +1.73 with 3, on both halves each time; pt-sum, 30%: -0.39; the
 * one-to-three-sentence tasks and the headlines keep TextRank's graph. In
 * a Python emulation on the plain splitter (bbc_emulate.py, "precis-like"
 * and "precis-like + 2 cover"), the sum picks more of bbc's reference
 * sentences than TextRank alone on each half (78.3% and 80.7% against
 * 76.7% and 79.3%), and the same form counting 3 rather than 1.5 helps
 * on each. */
#define COVER_COSINE 2.0
#define COVER_SAME_FORM 3.0

/* The form of a stem in a sentence that uses several (above), and the mark
 * of a form not yet seen. */
#define FORMS_SEVERAL UINT32_MAX
#define FORMS_NONE (UINT32_MAX - 1)

/* English's stop list (core/data/en.stop) holds titles and reporting verbs
 * besides Snowball's function words: "Mr" and "said" make poor key phrases.
 * Between sentences they are not noise: two sentences that report what was
 * said, or name the same Mr or Mrs, are often about the same exchange. So
 * the stop list marks them as graph words ("+" lines), and the graph counts
 * them as terms of their own (pr_lang_graph_word()), numbered from nterms
 * on.
 * With them, bbc +1.5 R1 / +2.0 R2, cnndm +0.2, xsum +0.3 (halves.py: on
 * both halves of each); an emulation of TextRank with Snowball's list alone
 * picks more of bbc's reference sentences than with precis's (79% against
 * 76%, tests/quality/bbc_emulate.py). A book says "said" on too many pages:
 * the df cap keeps it from making edges there. */

/* The number of graph terms of d's language (none without one). */
static size_t graph_terms(const precis_doc *d)
{
	return d->lang ? d->lang->ngraph : 0;
}

/* gterm[w]: what word w counts as in the graph: its stem (a token's term
 * is its word's), else its graph term (numbered from nterms on), else
 * `none`: a word that links nothing. In d's scratch. */
static uint32_t *graph_word_terms(precis_doc *d, uint32_t none)
{
	size_t nw = d->nwords;
	/* x, then the stop words to look up */
	uint32_t *x = pr_scratch_alloc(&d->scratch, (2 * nw + 1) * sizeof *x);
	if (!x)
		return NULL;
	uint32_t *stop = x + nw, nstop = 0;
	const pr_word *words = d->words;
	uint32_t asked = graph_terms(d) ? 1 : 0;
	/* half the words are stop words, in no order: they are listed by
	 * where the next one goes, not by a branch on each word */
	for (size_t w = 0; w < nw; w++) {
		uint32_t t = words[w].term;
		x[w] = t == PR_NO_TERM ? none : t;
		stop[nstop] = (uint32_t)w;
		nstop += (t == PR_NO_TERM) & (words[w].stop != 0) & asked;
	}
	for (size_t k = 0; k < nstop; k++) {
		const pr_word *wd = &words[stop[k]];
		uint32_t g = pr_lang_graph_word(d->lang, wd->text, wd->len);
		if (g)
			x[stop[k]] = (uint32_t)d->nterms + g - 1;
	}
	return x;
}

/* Rows up to this long are sorted by counting, for each term, the terms
 * below it: len * len comparisons with no branch to guess, where
 * insertion had one per comparison that went either way at random (a
 * sentence's terms, old ones met again and new ones in the order of their
 * numbers, are partly in order). Longer rows, rare, sort by insertion. */
#define SORT_COUNT_MAX 64

/* Entry `at` of sterm (and of stf and form): term t, count tf, form f. */
static void put_entry(precis_doc *d, uint32_t *form, size_t at, uint32_t t, uint32_t tf,
                      uint32_t f)
{
	d->sterm[at] = t;
	if (d->stf)
		d->stf[at] = tf;
	if (form)
		form[at] = f;
}

/* Write sentence_terms' row [row, at) sorted by term. Its terms, in
 * row0[1 ..] as first met, with each entry's count and form in tf0 and
 * form0 by where its term was first met. A long row is sorted by
 * insertion behind row0[0] = 0, which no term is below: it stops every
 * insertion, with no test for the row's start (the terms are distinct);
 * then each entry's count and form, found by where last[t] (1 + row +
 * that place) says its term was first met, follow the term to its place.
 * Moving the three arrays side by side cost more than twice as much. */
static void sort_row(precis_doc *d, uint32_t *form, size_t row, size_t at,
                     const uint32_t *last, uint32_t *row0, const uint32_t *tf0,
                     const uint32_t *form0)
{
	size_t len = at - row;
	const uint32_t *r = row0 + 1;
	if (len <= SORT_COUNT_MAX) {
		for (size_t a = 0; a < len; a++) {
			uint32_t t = r[a], below = 0;
			for (size_t b = 0; b < len; b++)
				below += r[b] < t;
			put_entry(d, form, row + below, t, tf0[a], form ? form0[a] : 0);
		}
		return;
	}
	row0[0] = 0;
	for (size_t a = 2; a <= len; a++) {
		uint32_t *q = row0 + a;
		uint32_t x = *q;
		for (; q[-1] > x; q--)
			*q = q[-1];
		*q = x;
	}
	for (size_t a = 0; a < len; a++) {
		uint32_t t = r[a];
		size_t p = last[t] - 1 - row;
		put_entry(d, form, row + a, t, tf0[p], form ? form0[p] : 0);
	}
}

/* The rows of a document up to PR_LARGE_DOC sentences, written as first
 * met, sorted all at once: their entries spread out by term (a counting
 * sort: count[t], the rows that hold term t, becomes where its entries
 * go), each term's in the order of the rows, then gathered back row by
 * row, each row's in the order of the terms. Two passes over the entries
 * that go straight through, where a row at a time had a sort of its own
 * whose loops ended at every length, a branch guessed wrong some 250
 * times an article. count has nt + 1 entries. */
static int sort_rows(precis_doc *d, uint32_t *form, uint32_t *count, size_t nt)
{
	size_t n = d->nsents, total = d->sterm_off[n];
	pr_scratch *sc = &d->scratch;
	/* by term: each entry's row, term, count and form */
	uint32_t *sent = pr_scratch_alloc(sc, 4 * (total + 1) * sizeof *sent);
	size_t *fill = pr_scratch_alloc(sc, (n + 1) * sizeof *fill);
	if (!sent || !fill)
		return PRECIS_ENOMEM;
	uint32_t *term = sent + total + 1, *tf = term + total + 1, *fm = tf + total + 1;
	for (size_t t = 0, at = 0; t < nt; t++) {
		size_t c = count[t];
		count[t] = (uint32_t)at;
		at += c;
	}
	for (size_t i = 0; i < n; i++) {
		for (size_t k = d->sterm_off[i]; k < d->sterm_off[i + 1]; k++) {
			uint32_t p = count[d->sterm[k]]++;
			sent[p] = (uint32_t)i;
			term[p] = d->sterm[k];
			if (d->stf)
				tf[p] = d->stf[k];
			if (form)
				fm[p] = form[k];
		}
		fill[i] = d->sterm_off[i];
	}
	for (size_t p = 0; p < total; p++) {
		size_t k = fill[sent[p]]++;
		d->sterm[k] = term[p];
		if (d->stf)
			d->stf[k] = tf[p];
		if (form)
			form[k] = fm[p];
	}
	return PRECIS_OK;
}

/* Distinct terms of each sentence, sorted by term (the graph words above
 * among them, after every stem, with their document frequencies in
 * extra_df[graph_terms(d)]); with tf, their frequencies in d->stf, else
 * d->stf is NULL (TextRank without the cosine counts no term twice: a
 * book's frequencies were six megabytes written and never read); with
 * formp, also (*formp)[k]: the one word form in which row entry k's
 * sentence uses its stem, or FORMS_SEVERAL (TextRank's WORD_BONUS), found
 * in the same pass over the tokens. */
static int sentence_terms(precis_doc *d, uint32_t **formp, int tf, uint32_t *extra_df)
{
	size_t n = d->nsents;
	d->sterm_off = pr_alloc(&d->arena, (n + 1) * sizeof *d->sterm_off);
	if (!d->sterm_off)
		return PRECIS_ENOMEM;
	size_t total = 0, maxtok = 0;
	for (size_t i = 0; i < n; i++) {
		total += d->sents[i].ntok;
		if (d->sents[i].ntok > maxtok)
			maxtok = d->sents[i].ntok;
	}
	d->sterm = pr_alloc(&d->arena, (total + 1) * sizeof *d->sterm);
	d->stf = tf ? pr_alloc(&d->arena, (total + 1) * sizeof *d->stf) : NULL;
	uint32_t *form = NULL;
	if (formp && !(form = *formp = pr_alloc(&d->arena, (total + 1) * sizeof *form)))
		return PRECIS_ENOMEM;
	size_t ngraph = graph_terms(d), nt = d->nterms + ngraph;
	/* a sentence's tokens that count, their terms and words side by side
	 * in tw (sentence i's ntok pairs at most): a word that links nothing
	 * counts as term nt, and is passed over by where the next pair is
	 * written, not by a branch on whether it is a stop word, which half of
	 * the tokens are, at random */
	pr_scratch_mark mark = pr_scratch_save(&d->scratch);
	uint32_t *gterm = graph_word_terms(d, (uint32_t)nt);
	/* last (below), nt + 1 of them, then tw, then the row's terms,
	 * counts and forms before sort_row: one block */
	uint32_t *last = pr_scratch_calloc(&d->scratch, nt + 1 + 5 * maxtok + 5, sizeof *last);
	uint32_t *tw = last ? last + nt + 1 : NULL;
	uint32_t *row0 = last ? tw + 2 * maxtok + 2 : NULL;
	uint32_t *tf0 = last ? row0 + maxtok + 1 : NULL, *form0 = last ? tf0 + maxtok + 1 : NULL;
	/* count[t]: the rows that hold term t */
	uint32_t *count = pr_scratch_calloc(&d->scratch, nt + 1, sizeof *count);
	if (!d->sterm || (tf && !d->stf) || !gterm || !last || !count) {
		pr_scratch_restore(&d->scratch, mark);
		return PRECIS_ENOMEM;
	}
	/* a book's rows are sorted one at a time (sort_row), as written;
	 * any other's are written in place as first met, and sorted at the
	 * end (sort_rows) */
	int at_once = n <= PR_LARGE_DOC;
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		const pr_sent *s = &d->sents[i];
		size_t row = at, m = 0;
		d->sterm_off[i] = row;
		uint32_t *rterm = at_once ? d->sterm + row : row0 + 1;
		uint32_t *rtf = at_once && d->stf ? d->stf + row : tf0;
		uint32_t *rform = at_once && form ? form + row : form0;
		/* the bounds read once: tw's stores might change them, for all
		 * the compiler knows */
		const pr_token *tok = d->toks + s->tok, *end = tok + s->ntok;
		for (; tok < end; tok++) {
			uint32_t w = tok->word, t = gterm[w];
			tw[m] = t;
			tw[m + 1] = w;
			m += t != nt ? 2 : 0;
		}
		/* last[t] = 1 + where t was last written in sterm, 0 if
		 * nowhere: it is in the current row if that lies at or after
		 * the row's start */
		for (size_t e = 0; e < m; e += 2) {
			uint32_t t = tw[e], w = tw[e + 1], p = last[t];
			if (p > row) {
				p -= (uint32_t)row + 1;
				rtf[p]++;
				if (form && rform[p] != w)
					rform[p] = FORMS_SEVERAL;
			} else {
				last[t] = (uint32_t)at + 1;
				count[t]++;
				rterm[at - row] = t;
				rtf[at - row] = 1;
				if (form)
					rform[at - row] = w;
				at++;
			}
		}
		if (!at_once)
			sort_row(d, form, row, at, last, row0, tf0, form0);
	}
	d->sterm_off[n] = at;
	memcpy(extra_df, count + d->nterms, ngraph * sizeof *extra_df);
	int rc = at_once ? sort_rows(d, form, count, nt) : PRECIS_OK;
	pr_scratch_restore(&d->scratch, mark);
	return rc;
}

int pr_sentence_terms(precis_doc *d)
{
	uint32_t extra_df[PR_GRAPH_TERMS_MAX];
	return sentence_terms(d, NULL, 1, extra_df);
}

typedef struct cand {
	uint32_t j;
	double w;
} cand;

/* Is a a stronger link than b? Ties go to the earlier sentence. */
static int stronger(const cand *a, const cand *b)
{
	return a->w > b->w || (a->w == b->w && a->j < b->j);
}

/* A weight's bits, as an unsigned number that orders as the weights do:
 * they are never negative (nor -0, nor NaN). */
static uint64_t weight_bits(double w)
{
	uint64_t u;
	memcpy(&u, &w, sizeof u);
	return u;
}

/* The same, its comparisons all made and combined bit by bit, for where
 * the answer is a coin toss (which of two children in a heap is the
 * weaker), which a branch would guess wrong half the time; on the weights'
 * bits, which compare in fewer steps than doubles that might be NaN. */
static int stronger_nb(const cand *a, const cand *b)
{
	uint64_t x = weight_bits(a->w), y = weight_bits(b->w);
	return (x > y) | ((x == y) & (a->j < b->j));
}

/* Move the k strongest candidates to the front (quickselect, linear time). */
static void select_strongest(cand *c, size_t n, size_t k)
{
	size_t lo = 0, hi = n;
	while (hi - lo > 1) {
		cand pivot = c[lo + (hi - lo) / 2];
		size_t i = lo, j = hi - 1;
		while (i <= j) {
			while (stronger(&c[i], &pivot))
				i++;
			while (stronger(&pivot, &c[j]))
				j--;
			if (i <= j) {
				cand t = c[i];
				c[i] = c[j];
				c[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		/* [lo, j] are >= pivot, [i, hi) are <= pivot */
		if (k <= j)
			hi = j + 1;
		else if (k >= i)
			lo = i;
		else
			return;
	}
}

/* Restore the heap below c[at]: the weakest of c[0 .. k) at the root. */
static void sift_weakest(cand *c, size_t k, size_t at)
{
	cand x = c[at];
	for (;;) {
		size_t child = 2 * at + 1;
		if (child >= k)
			break;
		if (child + 1 < k) /* the weaker child, taken without a branch */
			child += (size_t)stronger_nb(&c[child], &c[child + 1]);
		if (!stronger(&x, &c[child]))
			break;
		c[at] = c[child];
		at = child;
	}
	c[at] = x;
}

/* The same k strongest at the front, in another order, by a heap of the k
 * strongest so far whose root, the weakest of them, turns most candidates
 * away in one comparison: a book's sentences keep 16 of a hundred or more,
 * and quickselect's passes over all of them cost a quarter of its graph.
 * Books only: the order of a row changes the last bits of PageRank's sums,
 * which only a book's Gauss-Seidel scores (within the tolerance) leave
 * open. */
static void heap_strongest(cand *c, size_t n, size_t k)
{
	for (size_t at = k / 2; at-- > 0;)
		sift_weakest(c, k, at);
	for (size_t m = k; m < n; m++) {
		if (stronger(&c[m], &c[0])) {
			c[0] = c[m];
			sift_weakest(c, k, 0);
		}
	}
}

/* A sentence that holds a term, with what the similarity reads of it there:
 * TextRank the one word form (as in sentence_terms), BM25 and cosine the
 * term frequency. Eight bytes, so that a term's postings fill few cache
 * lines. */
typedef struct posting {
	uint32_t sent, val;
} posting;

/* A term of sentence i that links it to later sentences: their postings,
 * post[lo .. hi), and the term's entry k in i's row of sentence_terms.
 * Sentence i's own posting of the term is the one before, post[lo - 1]: a
 * TextRank walk reads i's word form (and count) there, in the cache line
 * it reads next, so that the rows' forms are done with once the postings
 * are made. Sentence i's steps are listed in the order of its row, so the
 * walk from i reads them as one stream, and no table indexed by term. */
typedef struct step {
	uint32_t lo, hi, k;
} step;

/* Each step's postings lie elsewhere in a book's postings, a wait for
 * memory at its start: those of the step PR_STEP_AHEAD on are asked for
 * early. The steps past the last are padding, all zero. */
#define PR_STEP_AHEAD 2

/* Where term t's next posting goes, and where its postings end; next ==
 * end for a term that makes no edges. */
typedef struct range {
	uint32_t next, end;
} range;

typedef struct build_ctx {
	precis_doc *d;
	precis_similarity sim;
	posting *post;        /* postings of the terms that make edges */
	step *steps;          /* sentence i's: steps[step_off[i] .. step_off[i+1]) */
	uint32_t *step_off;   /* nsents + 1 entries */
	uint32_t *form;       /* textrank: the word form of each row entry,
	                         until the postings hold them */
	double *idf;          /* bm25, cosine */
	double *norm;         /* cosine: |tf-idf vector| per sentence */
	double *loglen;       /* textrank: log of each sentence's length */
	double cover;         /* textrank: the cosine's weight (COVER_COSINE) */
	uint32_t *tf;         /* textrank with cover: each posting's term count */
	double *dot;          /* textrank with cover: the cosine's sums, per sentence */
	double avglen;
	uint32_t df_cap;
	size_t max_neighbours;
	size_t links;         /* at most this many links to later sentences
	                         (build_postings) */
	uint32_t extra_df[PR_GRAPH_TERMS_MAX]; /* of the graph words (sentence_terms) */
} build_ctx;

/* The number of sentences that hold term t, a stem or a graph word. */
static uint32_t term_df(const build_ctx *c, size_t t)
{
	size_t nt = c->d->nterms;
	return t < nt ? c->d->terms[t].df : c->extra_df[t - nt];
}

static double sent_len(const precis_doc *d, size_t i)
{
	return (double)d->sents[i].ntok;
}

/* The two bounds of the header comment, from the number of sentences. */
static void set_bounds(build_ctx *c, size_t n)
{
	if (n <= PR_LARGE_DOC) {
		double cap = 2.0 * sqrt((double)n);
		c->df_cap = cap < PR_DF_CAP_MIN ? PR_DF_CAP_MIN : (uint32_t)cap;
		c->max_neighbours = PR_MAX_NEIGHBOURS;
	} else {
		size_t cap = (size_t)PR_DF_CAP_MIN * PR_LARGE_DOC / n;
		c->df_cap = cap < PR_DF_CAP_LARGE ? PR_DF_CAP_LARGE : (uint32_t)cap;
		cap = (size_t)PR_MAX_NEIGHBOURS * PR_LARGE_DOC / n;
		c->max_neighbours = cap < PR_NEIGHBOURS_LARGE ? PR_NEIGHBOURS_LARGE : cap;
	}
}

/* The form a TextRank walk compares the postings' with, from i's own
 * posting: a sentence that uses several has none to share, and FORMS_NONE
 * is in no posting. */
static uint32_t own_form(uint32_t form)
{
	return form == FORMS_SEVERAL ? FORMS_NONE : form;
}

/* The postings of the terms that make edges (2 <= df <= df_cap), each
 * term's in sentence order, and every sentence's steps. The other terms
 * get no postings at all: on a book the common ones hold most of them. */
static int build_postings(build_ctx *c)
{
	precis_doc *d = c->d;
	size_t n = d->nsents, nt = d->nterms + graph_terms(d);
	range *r = pr_scratch_alloc(&d->scratch, (nt + 1) * sizeof *r);
	if (!r)
		return PRECIS_ENOMEM;
	/* posting 0 is no term's: the terms that make no edges write there,
	 * and are passed over by where their next posting goes (nowhere), not
	 * by a branch on whether they make edges, which half of an article's
	 * terms, used once, do not */
	uint32_t npost = 1;
	for (size_t t = 0; t < nt; t++) {
		/* 2 <= df <= df_cap, by one comparison; the ranges made by
		 * arithmetic on it, not by a branch */
		uint32_t df = term_df(c, t), edges = df - 2 <= c->df_cap - 2;
		uint32_t at = npost & (0u - edges);
		r[t].next = at;
		r[t].end = at + (df & (0u - edges));
		npost += df & (0u - edges);
	}
	/* a term's last posting makes no step, so there are fewer steps */
	pr_scratch *sc = &d->scratch;
	c->post = pr_scratch_alloc(sc, ((size_t)npost + PR_AHEAD) * sizeof *c->post);
	c->steps = pr_scratch_alloc(sc, ((size_t)npost + PR_STEP_AHEAD) * sizeof *c->steps);
	c->step_off = pr_scratch_alloc(sc, (n + 1) * sizeof *c->step_off);
	if (c->cover > 0)
		c->tf = pr_scratch_alloc(sc, ((size_t)npost + 1) * sizeof *c->tf);
	if (!c->post || !c->steps || !c->step_off || (c->cover > 0 && !c->tf))
		return PRECIS_ENOMEM;
	uint32_t nsteps = 0;
	c->links = 0;
	for (size_t i = 0; i < n; i++) {
		c->step_off[i] = nsteps;
		size_t pairs = 0; /* the walk from i meets no more sentences */
		for (size_t k = d->sterm_off[i]; k < d->sterm_off[i + 1]; k++) {
			range *rt = &r[d->sterm[k]];
			uint32_t p = rt->next, end = rt->end;
			c->post[p].sent = (uint32_t)i;
			c->post[p].val = c->form ? c->form[k] : d->stf[k];
			if (c->tf)
				c->tf[p] = d->stf[k];
			p += p != end;
			rt->next = p;
			/* a step to the term's later postings, if it has any */
			c->steps[nsteps].lo = p;
			c->steps[nsteps].hi = end;
			c->steps[nsteps].k = (uint32_t)k;
			nsteps += p < end;
			pairs += end - p;
		}
		/* nor more than the later sentences, and it keeps at most
		 * max_neighbours */
		if (pairs > n - 1 - i)
			pairs = n - 1 - i;
		c->links += pairs < c->max_neighbours ? pairs : c->max_neighbours;
	}
	c->step_off[n] = nsteps;
	memset(c->steps + nsteps, 0, PR_STEP_AHEAD * sizeof *c->steps);
	for (size_t p = npost; p < (size_t)npost + PR_AHEAD; p++)
		c->post[p].sent = c->post[p].val = 0; /* for walk_textrank's hints
		                                        (books only: an article's
		                                        walk asks for none) */
	return PRECIS_OK;
}

/* What each similarity needs besides the postings: TextRank the log of
 * every sentence's length, BM25 and cosine the idf of every term, cosine
 * the norm of every sentence's vector. */
static int build_weights(build_ctx *c)
{
	precis_doc *d = c->d;
	size_t n = d->nsents, nt = d->nterms + graph_terms(d);
	if (c->sim == PRECIS_SIM_TEXTRANK) {
		/* TextRank counts shared terms and weighs none: no log per term.
		 * A sentence's length |S| is its number of distinct terms, the
		 * unit the shared count is in: stop words can never be shared,
		 * and a sentence is no less like another for being padded with
		 * them (with every word counted instead: bbc -0.35 R1, on 50
		 * documents worse and 28 better; fr-head -0.3; cnndm +0.07) */
		if (!(c->loglen = pr_scratch_alloc(&d->scratch, (n + 1) * sizeof *c->loglen)))
			return PRECIS_ENOMEM;
		for (size_t i = 0; i < n; i++) {
			double l = (double)(d->sterm_off[i + 1] - d->sterm_off[i]);
			c->loglen[i] = log(l < 2 ? 2 : l);
		}
		if (c->cover > 0) {
			/* the cosine's: every sentence's vector of term counts */
			c->norm = pr_scratch_alloc(&d->scratch, (n + 1) * sizeof *c->norm);
			c->dot = pr_scratch_calloc(&d->scratch, n + 1, sizeof *c->dot);
			if (!c->norm || !c->dot)
				return PRECIS_ENOMEM;
			for (size_t i = 0; i < n; i++) {
				double s2 = 0;
				for (size_t k = d->sterm_off[i]; k < d->sterm_off[i + 1]; k++)
					s2 += (double)d->stf[k] * d->stf[k];
				c->norm[i] = sqrt(s2);
			}
		}
		return PRECIS_OK;
	}
	if (!(c->idf = pr_scratch_alloc(&d->scratch, (nt + 1) * sizeof *c->idf)))
		return PRECIS_ENOMEM;
	double dn = (double)n, sum = 0;
	for (size_t t = 0; t < nt; t++) {
		double df = (double)term_df(c, t);
		if (c->sim == PRECIS_SIM_BM25)
			c->idf[t] = log(1.0 + (dn - df + 0.5) / (df + 0.5));
		else
			c->idf[t] = log((1.0 + dn) / (1.0 + df)) + 1.0;
	}
	for (size_t i = 0; i < n; i++)
		sum += sent_len(d, i);
	c->avglen = n ? sum / dn : 1.0;
	if (c->avglen <= 0)
		c->avglen = 1.0;
	if (c->sim == PRECIS_SIM_COSINE) {
		if (!(c->norm = pr_scratch_alloc(&d->scratch, (n + 1) * sizeof *c->norm)))
			return PRECIS_ENOMEM;
		for (size_t i = 0; i < n; i++) {
			double s2 = 0;
			for (size_t k = d->sterm_off[i]; k < d->sterm_off[i + 1]; k++) {
				double x = d->stf[k] * c->idf[d->sterm[k]];
				s2 += x * x;
			}
			c->norm[i] = sqrt(s2);
		}
	}
	return PRECIS_OK;
}

static double bm25_part(const build_ctx *c, double idf, double tf, double len)
{
	return idf * tf * (BM25_K1 + 1.0) /
	       (tf + BM25_K1 * (1.0 - BM25_B + BM25_B * len / c->avglen));
}

/* The cosine's part of the walk from sentence i (COVER_COSINE): in dot[j],
 * the products of the two sentences' counts of each term they share, a
 * term in the same form counting COVER_SAME_FORM times. It touches the
 * sentences walk_textrank() does, which sets them back to zero. */
static void walk_cover(const build_ctx *c, size_t i)
{
	const posting *ps = c->post;
	for (uint32_t s = c->step_off[i]; s < c->step_off[i + 1]; s++) {
		const step *st = &c->steps[s];
		uint32_t fi = own_form(ps[st->lo - 1].val);
		double tfi = c->tf[st->lo - 1];
		for (uint32_t p = st->lo; p < st->hi; p++)
			c->dot[ps[p].sent] += tfi * c->tf[p] * (ps[p].val == fi ? COVER_SAME_FORM : 1.0);
	}
}

/* TextRank's walk from sentence i: its links to later sentences, in
 * touched[0 .. return value), in the order first met. Each shared stem
 * counts 2 in half[j], one in the same word form 3: in half units, so the
 * sums are integers, exactly those of 1 and 1 + WORD_BONUS in doubles, and
 * a book's counts take four bytes a sentence and stay in cache. (A count
 * cannot overflow: it would need billions of terms in each of two
 * sentences.) half[] is all zero before and after. With hints, a book's,
 * what the walk reads next is asked for ahead (PR_AHEAD); an article's
 * counts and postings are in the cache, where the asking only costs. */
static inline size_t walk_textrank(const build_ctx *c, size_t i, uint32_t *half,
                                   cand *touched, int hints)
{
	size_t ntouched = 0;
	const posting *ps = c->post;
	for (uint32_t s = c->step_off[i]; s < c->step_off[i + 1]; s++) {
		const step *st = &c->steps[s];
		uint32_t fi = own_form(ps[st->lo - 1].val);
		if (hints)
			PR_PREFETCH(&ps[c->steps[s + PR_STEP_AHEAD].lo]);
		for (uint32_t p = st->lo; p < st->hi; p++) {
			if (hints)
				PR_PREFETCH(&half[ps[p + PR_AHEAD].sent]);
			uint32_t j = ps[p].sent, h = half[j];
			/* j joins the list the first time it is met: written
			 * every time, kept by where the next one goes, not by
			 * a branch that goes either way at random */
			touched[ntouched].j = j;
			ntouched += h == 0;
			if (hints)
				PR_PREFETCH(&c->loglen[j]); /* read once the walk is done */
			half[j] = h + 2 + (ps[p].val == fi);
		}
	}
	if (c->dot)
		walk_cover(c, i);
	for (size_t m = 0; m < ntouched; m++) {
		uint32_t j = touched[m].j;
		double w = half[j] * 0.5;
		half[j] = 0;
		w /= c->loglen[i] + c->loglen[j];
		if (c->dot) {
			w += c->cover * c->dot[j] / (c->norm[i] * c->norm[j]);
			c->dot[j] = 0;
		}
		touched[m].w = w;
	}
	return ntouched;
}

/* The same for BM25 and cosine, which add up weights in acc[]. */
static size_t walk_weighted(const build_ctx *c, size_t i, double *acc,
                            cand *touched)
{
	const precis_doc *d = c->d;
	size_t ntouched = 0;
	double li = sent_len(d, i);
	const posting *ps = c->post;
	for (uint32_t s = c->step_off[i]; s < c->step_off[i + 1]; s++) {
		const step *st = &c->steps[s];
		double tfi = d->stf[st->k], idf = c->idf[d->sterm[st->k]];
		if (c->sim == PRECIS_SIM_BM25) {
			double xi = bm25_part(c, idf, tfi, li);
			for (uint32_t p = st->lo; p < st->hi; p++) {
				uint32_t j = ps[p].sent;
				double x = bm25_part(c, idf, ps[p].val, sent_len(d, j)) + xi;
				if (acc[j] == 0.0)
					touched[ntouched++].j = j;
				acc[j] += x;
			}
		} else {
			for (uint32_t p = st->lo; p < st->hi; p++) {
				uint32_t j = ps[p].sent;
				double x = tfi * ps[p].val * idf * idf;
				if (acc[j] == 0.0)
					touched[ntouched++].j = j;
				acc[j] += x;
			}
		}
	}
	for (size_t m = 0; m < ntouched; m++) {
		uint32_t j = touched[m].j;
		double w = acc[j];
		acc[j] = 0.0;
		if (c->sim == PRECIS_SIM_BM25)
			w *= 0.5;
		else
			w = c->norm[i] > 0 && c->norm[j] > 0 ? w / (c->norm[i] * c->norm[j]) : 0;
		touched[m].w = w;
	}
	return ntouched;
}

/* Sentence i's links, the first keep of c of positive weight, written at
 * link[at ..] as a book's graph holds them (doc.h), their weights added to
 * both their sentences' W as they go: i's earlier links are in wsum[i]
 * already, every earlier row having been written. Returns where the next
 * row begins. */
static size_t put_upper_row(pr_graph *g, size_t i, size_t at, const cand *c, size_t keep)
{
	double wi = g->wsum[i];
	for (size_t m = 0; m < keep; m++) {
		if (c[m].w > 0) {
			g->link[at].j = c[m].j;
			g->link[at].w = (float)c[m].w;
			wi += c[m].w;
			g->wsum[c[m].j] += c[m].w;
			at++;
		}
	}
	g->wsum[i] = wi;
	return at;
}

/* The symmetric rows from the upper ones (up: row i's links to later
 * sentences), in the arena. Row j lists first its links to earlier
 * sentences i, by i, then its own upper row: a fixed order, so that
 * PageRank's sums are the same on every run. Each row is written in that
 * order, its links from earlier rows as those are written: W(i), its
 * weights added up in its order, is made in the same pass (wsum), where
 * PageRank's own loop over the rows had a chain of additions to wait on
 * for each. */
static int symmetric(pr_graph *g, precis_doc *d, const size_t *up, const uint32_t *ucol,
                     const double *uw)
{
	size_t n = g->n, nedges = up[n];
	g->row = pr_calloc(&d->arena, n + 1, sizeof *g->row);
	g->col = pr_alloc(&d->arena, (2 * nedges + 1) * sizeof *g->col);
	g->w = pr_alloc(&d->arena, (2 * nedges + 1) * sizeof *g->w);
	g->wsum = pr_calloc(&d->arena, n + 1, sizeof *g->wsum);
	size_t *fill = pr_scratch_alloc(&d->scratch, (n + 1) * sizeof *fill);
	if (!g->row || !g->col || !g->w || !g->wsum || !fill)
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		g->row[i + 1] += up[i + 1] - up[i];
		for (size_t e = up[i]; e < up[i + 1]; e++)
			g->row[ucol[e] + 1]++;
	}
	for (size_t i = 0; i < n; i++)
		g->row[i + 1] += g->row[i];
	memcpy(fill, g->row, n * sizeof *fill);
	for (size_t i = 0; i < n; i++) {
		/* where row i's own upper row goes, after the links the earlier
		 * rows gave it: held here, not in fill[i], which no later
		 * sentence's fill is (ucol[e] > i), so that each entry's
		 * increment does not wait on the store of the one before */
		size_t a = fill[i];
		double wi = g->wsum[i];
		for (size_t e = up[i]; e < up[i + 1]; e++, a++) {
			size_t b = fill[ucol[e]]++;
			g->col[a] = ucol[e];
			g->w[a] = uw[e];
			wi += uw[e];
			g->col[b] = (uint32_t)i;
			g->w[b] = uw[e];
			g->wsum[ucol[e]] += uw[e];
		}
		g->wsum[i] = wi;
	}
	return PRECIS_OK;
}

int pr_graph_build(pr_graph *g, precis_doc *d, precis_similarity sim)
{
	size_t n = d->nsents;
	g->n = n;
	g->upper = n > PR_LARGE_DOC;
	build_ctx c;
	memset(&c, 0, sizeof c);
	if (sim == PRECIS_SIM_TEXTRANK)
		c.cover = COVER_COSINE * (1.0 - pr_summary_short(d));
	int rc = sentence_terms(d, sim == PRECIS_SIM_TEXTRANK ? &c.form : NULL,
	                        sim != PRECIS_SIM_TEXTRANK || c.cover > 0, c.extra_df);
	if (rc)
		return rc;
	c.d = d;
	c.sim = sim;
	set_bounds(&c, n);
	/* every array below but the graph's own is scratch, given back at
	 * the end */
	pr_scratch_mark mark = pr_scratch_save(&d->scratch);
	/* the sums of one sentence's links: counts (TextRank) or weights */
	size_t acc_size = sim == PRECIS_SIM_TEXTRANK ? sizeof(uint32_t) : sizeof(double);
	void *acc = pr_scratch_calloc(&d->scratch, n + 1, acc_size);
	cand *touched = pr_scratch_alloc(&d->scratch, (n + 1) * sizeof *touched);
	size_t *up = NULL;
	uint32_t *ucol = NULL;
	double *uw = NULL;
	size_t nedges = 0;
	if (!acc || !touched) {
		rc = PRECIS_ENOMEM;
		goto out;
	}
	if ((rc = build_postings(&c)) || (rc = build_weights(&c)))
		goto out;
	/* the rows' forms, the arena's last block (sentence_terms), are in
	 * the postings now: their room, its pages touched (a book's six
	 * megabytes), takes the graph instead */
	pr_arena_pop(&d->arena, c.form);
	c.form = NULL;
	/* each sentence's links to later ones: up[i] .. up[i + 1) of ucol, uw */
	if (!(up = pr_alloc(&d->arena, (n + 1) * sizeof *up))) {
		rc = PRECIS_ENOMEM;
		goto out;
	}
	g->col = NULL;
	g->w = NULL;
	g->link = NULL;
	g->wsum = NULL;
	if (g->upper) {
		/* a book's upper rows are its graph: written where they stay,
		 * in room for max_neighbours links a row (the room no row fills
		 * is never touched), not grown and then copied; as the links
		 * pr_rank reads, eight bytes each, where a column and a double
		 * took twelve and pr_rank's copy of them eight more */
		if (n > (SIZE_MAX / sizeof *g->link - PR_LINK_PAD) / c.max_neighbours) {
			rc = PRECIS_ENOMEM;
			goto out;
		}
		size_t cap_edges = n * c.max_neighbours + PR_LINK_PAD;
		g->row = up;
		g->link = pr_alloc(&d->arena, cap_edges * sizeof *g->link);
		g->wsum = pr_calloc(&d->arena, n, sizeof *g->wsum);
		if (!g->link || !g->wsum) {
			rc = PRECIS_ENOMEM;
			goto out;
		}
	} else {
		/* the links to later sentences, as many as there can be: room
		 * the walks never fill is never touched */
		ucol = pr_scratch_alloc(&d->scratch, (c.links + 1) * sizeof *ucol);
		uw = pr_scratch_alloc(&d->scratch, (c.links + 1) * sizeof *uw);
		if (!ucol || !uw) {
			rc = PRECIS_ENOMEM;
			goto out;
		}
	}
	for (size_t i = 0; i < n; i++) {
		size_t ntouched = sim == PRECIS_SIM_TEXTRANK
		                          ? (g->upper ? walk_textrank(&c, i, acc, touched, 1)
		                                      : walk_textrank(&c, i, acc, touched, 0))
		                          : walk_weighted(&c, i, acc, touched);
		size_t keep = ntouched;
		if (keep > c.max_neighbours) {
			/* deterministic: the candidates arrive in postings order and
			 * the selection depends only on that order and the weights */
			if (g->upper)
				heap_strongest(touched, ntouched, c.max_neighbours);
			else
				select_strongest(touched, ntouched, c.max_neighbours);
			keep = c.max_neighbours;
		}
		up[i] = nedges;
		if (g->upper) {
			nedges = put_upper_row(g, i, nedges, touched, keep);
			continue;
		}
		for (size_t m = 0; m < keep; m++) {
			if (touched[m].w > 0) {
				ucol[nedges] = touched[m].j;
				uw[nedges] = touched[m].w;
				nedges++;
			}
		}
	}
	up[n] = nedges;
	d->nedges = nedges;
	if (g->upper)
		memset(g->link + nedges, 0, PR_LINK_PAD * sizeof *g->link);
	else
		rc = symmetric(g, d, up, ucol, uw);
out:
	pr_scratch_restore(&d->scratch, mark);
	return rc;
}
