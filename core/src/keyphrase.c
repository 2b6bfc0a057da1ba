/* keyphrase.c: key phrases by TextRank over a word co-occurrence graph.
 *
 * Candidates are content words: not stop words, not numbers, at least two
 * characters, and not the words a reader never tags a text with although
 * they are no stop words: filler ("year", "first", "since", "told",
 * "seriously"), the word after "to", a modal or a subject pronoun (a verb:
 * "to install", "she said"), a dateline ("GENEVA •") and, where every noun
 * is capitalized (German), lower-case words. The lists are data
 * (core/data/keyphrase.txt); a capitalized word inside a sentence escapes
 * them ("New York"), days and months excepted, and so does a part of a
 * hyphenated compound ("long-term") unless all its parts are filler.
 *
 * Two candidates are linked when they occur within WINDOW tokens of each
 * other in one sentence without punctuation between them. PageRank ranks
 * the stems, its random jumps landing on early words more (after
 * PositionRank, Florescu & Caragea 2017: news puts its subject first); the better half
 * are key words (a third in Mihalcea & Tarau 2004, before the filler went).
 * Runs of adjacent key words, a hyphenated compound counting as one word,
 * become phrases, and so do names: runs of capitalized words holding a key
 * word, kept whole ("International Mountain Hazards Institute") but without
 * the titles at their head ("Prime Minister").
 *
 * A phrase scores the sum of its words' scores (the mean while it has met
 * once) times 1 + log(occurrences). What is met once counts only at the
 * head of the text (a word in the first two sentences, a phrase of several
 * words in the title) or as a name. A phrase that holds one listed before
 * takes its place when it is as frequent, give or take a half ("Lavrov" ->
 * "Sergey Lavrov"); a lone word is shown in its most frequent form.
 *
 * Chinese and Japanese have no spaces, and their tokens are characters,
 * which say nothing alone: their key phrases are the character sequences
 * that recur (cjk_keyphrases).
 */
#include "doc.h"
#include "alloc.h"
#include "bits.h"
#include "hash.h"
#include "keyphrase.h"
#include "rank.h"
#include "utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WINDOW 3
#define MAX_PHRASE_WORDS 3  /* words of a run of key words */
#define MAX_NAME_WORDS 5    /* words of a name */
#define MAX_PHRASE_TOKENS 8 /* tokens of a phrase, compounds split */

/* From core/data/keyphrase.txt (gen_data.py); the words themselves are
 * in each language's table, their flags in pr_word.kp (token.c). */
extern const char *const pr_kp_suffixes[];
extern const char *const pr_kp_verb_endings[];
extern const unsigned long long pr_kp_capitalized_nouns_langs;

enum {
	W_FILLER = PR_KP_FILLER,    /* in the language's filler list */
	W_VERB_NEXT = PR_KP_VERB_NEXT, /* a verb follows it */
	W_TITLE = PR_KP_TITLE,      /* a title: "Minister" */
	W_UPPER_INSIDE = 8, /* capitalized somewhere inside a sentence */
	W_ALWAYS = PR_KP_ALWAYS,    /* filler even when capitalized: "June" */
	W_LOWER = 32,       /* written in lower case somewhere */
	W_BEFORE_INF = PR_KP_BEFORE_INF, /* an infinitive may follow it: "pour", "de" */
};

/* A language's word endings (keyphrase.txt), split once. */
#define MAX_ENDINGS 16
typedef struct endings {
	const char *s[MAX_ENDINGS];
	uint8_t len[MAX_ENDINGS];
	size_t n;
	uint64_t last[4]; /* a bit per byte value some ending ends with */
} endings;

/* Split the NUL-separated list sfx ("" last, or NULL for none). */
static void split_endings(endings *e, const char *sfx)
{
	e->n = 0;
	memset(e->last, 0, sizeof e->last);
	for (size_t k; sfx && (k = strlen(sfx)) > 0 && e->n < MAX_ENDINGS; sfx += k + 1) {
		unsigned char c = (unsigned char)sfx[k - 1];
		e->last[c >> 6] |= (uint64_t)1 << (c & 63);
		e->s[e->n] = sfx;
		e->len[e->n++] = (uint8_t)k;
	}
}

/* Does the case-folded word s[0..n), at least min bytes long, end with one
 * of e ("seriously": "ly")? Its length and last byte first, in one test:
 * most words are too short or end with a byte no ending does, and are
 * told so by one bit. The endings of a
 * language mostly end alike (English: a dozen in "ly"), so each is
 * compared from its end, a byte at a time, which tells most apart at
 * their second byte from the end, without a call. */
static int ends_with(const char *s, size_t n, const endings *e, size_t min)
{
	unsigned char c = (unsigned char)s[n - 1]; /* n > 0: a word */
	if (!((unsigned)(n >= min) & (unsigned)(e->last[c >> 6] >> (c & 63) & 1)))
		return 0;
	for (size_t k = 0; k < e->n; k++) {
		size_t m = e->len[k];
		if (m >= n)
			continue;
		const char *a = s + n - m, *b = e->s[k];
		while (m > 0 && a[m - 1] == b[m - 1])
			m--;
		if (m == 0)
			return 1;
	}
	return 0;
}

/* Not a stop word, not a number, at least two characters ("т" is no key
 * word, whatever its bytes): 1 or 0, without a branch (which tokens are
 * stop words is as random as the words). */
static unsigned candidate(const char *text, const pr_token *t)
{
	/* the bytes of the first character, by the top of its first byte */
	static const uint8_t lead[16] = { 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 4 };
	uint32_t first = lead[(unsigned char)text[t->start] >> 4];
	return (unsigned)(t->term != PR_NO_TERM) & !(t->flags & (PR_TOK_STOP | PR_TOK_NUM)) &
	       (unsigned)(t->end - t->start > first);
}

/* A sentence as the passes over its tokens read it, copied out of the
 * document into a variable of the pass's own: the passes write bytes (flags
 * by word or token), which could be any byte of the document as far as
 * the compiler knows, and it would read the fields again after each. */
typedef struct sent_view {
	const pr_token *toks; /* the document's */
	const char *text;     /* the sentence's */
	uint32_t head, end;   /* its tokens */
} sent_view;

static sent_view view_of(const precis_doc *d, size_t s)
{
	const pr_sent *st = &d->sents[s];
	sent_view v = { d->toks, st->text, st->tok, st->tok + st->ntok };
	return v;
}

/* Is token i of v, not the first of its sentence, glued to token i - 1
 * by a hyphen ("early-warning")? (A token after another starts after a
 * byte of it.) */
static int joined_after(const sent_view *v, uint32_t i)
{
	const pr_token *t = &v->toks[i];
	return (t->flags & PR_TOK_JOINED) && v->text[t->start - 1] == '-';
}

/* Is the token written in capitals only ("GENEVA"), three or more? */
static int all_caps(const pr_sent *st, const pr_token *t)
{
	if (t->end - t->start < 3)
		return 0;
	for (uint32_t k = t->start; k < t->end; k++)
		if (st->text[k] >= 'a' && st->text[k] <= 'z')
			return 0;
	return 1;
}

/* What keeps() asks of a word, a byte of its own (wrule), found before the
 * tokens are read: the word flags it reads, its endings, and nothing that
 * changes as the tokens go by (the marks of case are in wflag). */
enum {
	R_FILLER = W_FILLER,     /* in the filler list, or with a filler ending */
	R_VERB_NEXT = W_VERB_NEXT,
	R_ALWAYS = W_ALWAYS,
	R_BEFORE_INF = W_BEFORE_INF,
	R_VERB_END = 2 * W_BEFORE_INF /* a verb ending: R_BEFORE_INF's bit, shifted */
};
_Static_assert(R_VERB_END <= 0xFF &&
               !(R_VERB_END & (W_FILLER | W_VERB_NEXT | W_ALWAYS | W_BEFORE_INF)),
               "the rule bits fit a byte, apart from the list flags");

/* What decides which words are candidates, besides the words. */
typedef struct cand_rules {
	int capitalized_nouns;  /* German: only capitalized words */
	endings filler_end;     /* filler by its ending: "seriously" */
	endings verb_end;       /* a verb by its ending, after "to" */
	const uint8_t *wrule;   /* word_rule() of each word */
} cand_rules;

/* The rule byte of word w. German asks only whether it is filler, by the
 * list. */
static uint8_t word_rule(const cand_rules *r, const pr_word *w)
{
	unsigned kp = w->kp;
	if (r->capitalized_nouns)
		return (uint8_t)(kp & W_FILLER);
	return (uint8_t)((kp & (W_FILLER | W_VERB_NEXT | W_ALWAYS | W_BEFORE_INF)) |
	                 ends_with(w->text, w->len, &r->filler_end, 7) * R_FILLER |
	                 ends_with(w->text, w->len, &r->verb_end, 5) * R_VERB_END);
}

/* Does candidate() token i of a sentence, not in a compound, stay a
 * candidate under the rules (see the top of the file), but for a dateline
 * (mark_candidates())? capitalized_nouns: cand_rules'; f is the rule byte of its word; before
 * that of the word before, or 0 if there is none or punctuation comes
 * between; upper: it is capitalized; inside: it is not at the head of
 * its sentence (each 1 or 0). 1 or 0, the rules tested all at once
 * without a branch: which of them a word meets is as random as the
 * words. */
static unsigned keeps(int capitalized_nouns, unsigned f, unsigned before, unsigned upper,
                      unsigned inside)
{
	if (capitalized_nouns)
		return upper & !(f & R_FILLER);
	/* capitalized inside a sentence: a name, whatever the lists say,
	 * unless it is a day or a month */
	unsigned name = upper & inside & !(f & R_ALWAYS);
	/* after "to", a modal or a pronoun; a verb ending after "pour" */
	unsigned verb = (before & R_VERB_NEXT) | (before & f >> 1 & R_BEFORE_INF);
	return name | !(verb | (f & R_FILLER));
}

/* Is token i of v, at its head, a dateline ("GENEVA •" opening an
 * article, after its title maybe)? */
static int dateline(const precis_doc *d, size_t s, const sent_view *v, uint32_t i)
{
	return s <= 1 && i == v->head && i + 1 < v->end && (v->toks[i + 1].flags & PR_TOK_BREAK) &&
	       all_caps(&d->sents[s], &v->toks[i]);
}

/* cand[i], beyond its first bit: token i is a candidate glued to the one
 * before it by a hyphen, the part of a compound after its first (and so
 * never a sentence's first token): word_end() reads it. */
enum { CAND_PART = 2 };

/* What mark_sentence() carries from one word to the next. */
typedef struct mark_state {
	sent_view v;
	uint8_t *wflag, *cand;
	uint32_t *wcount, *at;
	const uint8_t *wrule; /* apart, as v: bytes are written */
	uint32_t n;           /* candidates so far */
	unsigned last;        /* the rule byte of the token before (none at the head) */
} mark_state;

/* The word at token i of mark_sentence(), a compound whole: the last
 * token it took. inside: i is not the sentence's head, a constant where
 * it is called (the head is taken before the loop), which the marks of
 * case and keeps() ask. */
static inline uint32_t mark_word(mark_state *m, uint32_t i, unsigned inside, int german)
{
	const pr_token *toks = m->v.toks, *t = &toks[i];
	const char *text = m->v.text;
	uint32_t end = m->v.end;
	unsigned upper = (t->flags & PR_TOK_UPPER) != 0;
	m->wcount[t->word]++;
	/* capitals come as they will: the word's mark is or'ed in
	 * without a branch, capitalized inside a sentence or in lower
	 * case (none for a capital at the head) */
	m->wflag[t->word] |= (uint8_t)((upper & inside) * W_UPPER_INSIDE | (upper ^ 1) * W_LOWER);
	if (i + 1 < end && joined_after(&m->v, i + 1)) {
		/* a compound is a word if one of its parts is more
		 * than filler ("long-term", not "second-largest"),
		 * whatever the lists say of the parts */
		uint32_t j = i;
		uint8_t content = 0;
		do {
			const pr_token *u = &toks[j];
			m->cand[j] = (uint8_t)candidate(text, u);
			content |= m->cand[j] && !(m->wflag[u->word] & W_FILLER);
			if (j > i) {
				m->wcount[u->word]++;
				if (u->flags & PR_TOK_UPPER)
					m->wflag[u->word] |= W_UPPER_INSIDE;
			}
			j++;
		} while (j < end && joined_after(&m->v, j));
		for (uint32_t k = i; k < j; k++) {
			unsigned c = m->cand[k] & content;
			m->cand[k] = (uint8_t)(c | (c & (k > i)) * CAND_PART);
			m->at[m->n] = k;
			m->n += c;
		}
		m->last = m->wrule[toks[j - 1].word];
		return j - 1;
	}
	/* the rule bytes of the word and the one before, if nothing
	 * comes between */
	unsigned f = m->wrule[t->word];
	unsigned before = m->last & -(unsigned)!(t->flags & PR_TOK_BREAK);
	m->last = f;
	/* the list is written whatever the token is, and kept (n moves
	 * on) only for a candidate: which tokens are is as random as
	 * the words */
	uint8_t c = (uint8_t)(candidate(text, t) & keeps(german, f, before, upper, inside));
	m->cand[i] = c;
	m->at[m->n] = i;
	m->n += c;
	return i;
}

/* cand[i] for the tokens of sentence s: is token i a candidate word (see
 * the top of the file; bit 0, and CAND_PART)? wflag holds the flags of
 * each word (pr_keyphrases()); W_UPPER_INSIDE and W_LOWER are set here,
 * and the occurrences of each word are counted into wcount. The
 * candidates' tokens, in order, go to at[]: how many. One pass over the
 * tokens does all of it; german is r->capitalized_nouns, a constant where
 * mark_candidates() calls it, so that keeps() does not ask it of every
 * token. */
static inline uint32_t mark_sentence(const precis_doc *d, uint8_t *wflag, uint32_t *wcount,
                                     uint8_t *cand, const cand_rules *r, size_t s,
                                     uint32_t *at, int german)
{
	mark_state m = { view_of(d, s), wflag, cand, wcount, at, r->wrule, 0, 0 };
	uint32_t head = m.v.head, end = m.v.end;
	/* the head, then the words inside the sentence */
	for (uint32_t i = head < end ? mark_word(&m, head, 0, german) + 1 : end; i < end; i++)
		i = mark_word(&m, i, 1, german);
	uint32_t n = m.n;
	/* the head of the first two sentences may be a dateline, which is no
	 * candidate: asked once here, not of every token (a compound is none:
	 * punctuation follows a dateline, and a hyphen a compound's head) */
	if (n > 0 && at[0] == head && !german && dateline(d, s, &m.v, head)) {
		cand[head] = 0;
		memmove(at, at + 1, --n * sizeof *at);
	}
	return n;
}

static uint32_t mark_candidates(const precis_doc *d, uint8_t *wflag, uint32_t *wcount,
                                uint8_t *cand, const cand_rules *r, size_t s, uint32_t *at)
{
	if (r->capitalized_nouns)
		return mark_sentence(d, wflag, wcount, cand, r, s, at, 1);
	return mark_sentence(d, wflag, wcount, cand, r, s, at, 0);
}

/* The co-occurrences of two candidate terms, counted by unordered pair
 * (lo < hi) in an open-addressing table: a book has millions of
 * occurrences but a few hundred thousand pairs. */
typedef struct pair {
	uint64_t key;     /* lo << 32 | hi; 0: empty (lo < hi, so no pair) */
	uint32_t count;
} pair;
/* the sort's copy of the pairs holds two doubles a pair later (wsum) */
_Static_assert(sizeof(pair) >= 2 * sizeof(double), "a pair's room holds two doubles");

typedef struct pairs {
	pair *p;
	size_t mask, n;   /* a table: its slots - 1; a list: its room - 1 */
	size_t first;     /* a table: slots to begin with, a power of two; a
	                     list: its first room */
	int list;         /* p lists every co-occurrence, n of them (mask + 1
	                     their room), instead of a table of pairs */
} pairs;

static size_t pair_home(uint64_t key, size_t mask)
{
	key *= 0x9E3779B97F4A7C15u;
	return (size_t)(key ^ key >> 32) & mask;
}

/* The smallest power of two at least n (and 64). */
static size_t pow2_at_least(size_t n)
{
	size_t p = 64;
	while (p < n)
		p *= 2;
	return p;
}

/* Double the table (or make the first E->first slots). 0, or -1 out of
 * memory. */
static int grow_pairs(pairs *E)
{
	size_t cap = E->p ? 2 * (E->mask + 1) : E->first;
	pair *p = pr_malloc_raw(cap * sizeof *p);
	if (!p)
		return -1;
	memset(p, 0, cap * sizeof *p);
	for (size_t k = 0; E->p && k <= E->mask; k++) {
		if (!E->p[k].key)
			continue;
		size_t i = pair_home(E->p[k].key, cap - 1);
		while (p[i].key)
			i = (i + 1) & (cap - 1);
		p[i] = E->p[k];
	}
	pr_free_raw(E->p);
	E->p = p;
	E->mask = cap - 1;
	return 0;
}

/* Co-occurrences are counted a batch at a time (from PAIR_BATCH / 2 to
 * PAIR_BATCH of them, whole sentences unless one has more): the slots of
 * a batch are all asked for (prefetched) before the first is read, so
 * that a book's table, megabytes, is waited on about once a batch instead
 * of once a pair. Where a pair lands in the table changes nothing:
 * word_links() sorts them. */
#define PAIR_BATCH 64

/* Up to this many tokens, a document lists its co-occurrences instead of
 * counting them in a table (pr_keyphrases()). */
#define PAIR_LIST 16384

typedef struct pair_batch {
	pair e[PAIR_BATCH]; /* their keys */
	size_t n;
} pair_batch;

/* Room in the list of E (E->list) for extra more pairs. 0, or -1 out of
 * memory. */
static int reserve_pairs(pairs *E, size_t extra)
{
	size_t room = E->p ? E->mask + 1 : 0, cap = room ? room : E->first;
	if (E->n + extra <= room)
		return 0;
	while (cap < E->n + extra)
		cap *= 2;
	pair *p = pr_realloc_raw(E->p, cap * sizeof *p);
	if (!p)
		return -1;
	E->p = p;
	E->mask = cap - 1;
	return 0;
}

/* Count the pairs of b into the table of E, emptying b. 0, or -1 out of
 * memory. */
static int flush_pairs(pairs *E, pair_batch *b)
{
	size_t home[PAIR_BATCH];
	/* room for all of them under half full, before the slots are found */
	while (2 * (E->n + b->n) > (E->p ? E->mask + 1 : 0))
		if (grow_pairs(E))
			return -1;
	for (size_t k = 0; k < b->n; k++) {
		home[k] = pair_home(b->e[k].key, E->mask);
		PR_PREFETCH_WRITE(&E->p[home[k]]);
	}
	for (size_t k = 0; k < b->n; k++) {
		uint64_t key = b->e[k].key;
		size_t i = home[k];
		while (E->p[i].key && E->p[i].key != key)
			i = (i + 1) & E->mask;
		if (!E->p[i].key) {
			E->p[i].key = key;
			E->n++;
		}
		E->p[i].count++;
	}
	b->n = 0;
	return 0;
}

/* The co-occurrences of candidate token i of a sentence ending at token
 * end with the candidates after it within WINDOW tokens, no punctuation
 * between, and of other terms: their keys into to[n..], which has room
 * for WINDOW - 1 more; the new n. Whether a token is a candidate is as
 * random as the words, so nothing here branches on it: each pair is
 * written, and kept (n moves on) only when it is one. */
static size_t window_pairs(const precis_doc *d, const uint8_t *cand, pair *to, size_t n,
                           uint32_t i, uint32_t end)
{
	const pr_token *toks = d->toks;
	uint32_t x = toks[i].term;
	unsigned open = 1;
	for (uint32_t j = i + 1; j < end && j < i + WINDOW; j++) {
		const pr_token *u = &toks[j];
		uint32_t y = u->term, lo = x < y ? x : y;
		open &= !(u->flags & PR_TOK_BREAK);
		to[n].key = (uint64_t)lo << 32 | (x ^ y ^ lo);
		n += open & cand[j] & 1 & (y != x);
	}
	return n;
}

/* Sort the n pairs by key, lo then hi, both below nt (nodes, here): two
 * counting-sort passes, by hi and then stably by lo, in O(n + nt), with
 * tmp[0..n) and count[0..nt] for scratch. */
static void sort_pairs(pair *e, size_t n, size_t nt, pair *tmp, size_t *count)
{
	for (int pass = 0; pass < 2; pass++) {
		const pair *from = pass ? tmp : e;
		pair *to = pass ? e : tmp;
		int shift = pass ? 32 : 0;
		memset(count, 0, (nt + 1) * sizeof *count);
		for (size_t k = 0; k < n; k++)
			count[(uint32_t)(from[k].key >> shift) + 1]++;
		for (size_t t = 0; t < nt; t++)
			count[t + 1] += count[t];
		for (size_t k = 0; k < n; k++)
			to[count[(uint32_t)(from[k].key >> shift)]++] = from[k];
	}
}

/* The links of the co-occurrence graph: each pair of nodes that co-occur
 * (lo << 32 | hi, lo < hi) once, weighing its co-occurrences, sorted. */
typedef struct links {
	pair *e;
	size_t n;
	double *wsum; /* scratch, one allocation (the caller frees it by
	                 wsum): room for a double and a size_t by node
	                 (wsum, len) */
	size_t *len;
} links;

/* The links over the terms of the pairs in *L, the caller to free L->e
 * and L->wsum. node[k] is node k's term and *nnodes their number (terms in
 * increasing order, so the links come in the order of a graph over all
 * terms, row by row). The pairs are emptied. */
static int word_links(precis_doc *d, pairs *E, uint32_t *node, size_t *nnodes, links *L)
{
	size_t nt = d->nterms, n = E->list ? E->n : 0;
	/* the pairs, packed at the front of the table: each slot is
	 * written, and kept (n moves on) only when it holds a pair, as
	 * random as the hash; n <= k. A list is packed already. */
	for (size_t k = 0; !E->list && E->p && k <= E->mask; k++) {
		E->p[n] = E->p[k];
		n += E->p[k].key != 0;
	}
	pair *e = E->p;
	E->p = NULL;
	E->n = 0;
	/* scratch, one allocation: the sort's copy of the pairs, then
	 * room for nt + 1 counts, in turn the node of each term (id) and
	 * the sort's counts; the caller's after */
	pair *tmp = pr_malloc_raw(n * sizeof *tmp + (nt + 1) * sizeof(size_t));
	if (!tmp) {
		pr_free_raw(e);
		return PRECIS_ENOMEM;
	}
	size_t *count = (size_t *)(void *)(tmp + n);
	uint32_t *id = (uint32_t *)(void *)count;
	/* a node per term met in a pair, numbered in term order */
	memset(id, 0, nt * sizeof *id);
	for (size_t k = 0; k < n; k++) {
		id[e[k].key >> 32] = 1;
		id[(uint32_t)e[k].key] = 1;
	}
	/* which terms are met is as random: without a branch either, a
	 * term met in no pair getting a number no pair asks for */
	size_t nn = 0;
	for (size_t t = 0; t < nt; t++) {
		size_t met = id[t];
		id[t] = (uint32_t)nn;
		node[nn] = (uint32_t)t;
		nn += met;
	}
	/* the pairs by nodes, which keeps their order (nodes are numbered
	 * in term order), then sorted: counts over the nodes, fewer than the
	 * terms */
	for (size_t k = 0; k < n; k++)
		e[k].key = (uint64_t)id[e[k].key >> 32] << 32 | id[(uint32_t)e[k].key];
	if (n)
		sort_pairs(e, n, nn, tmp, count);
	/* a list has each pair as often as it occurs (its keys only): the
	 * same pairs, now side by side, become one with their count (a
	 * table's pairs are distinct already). Which are is as random as the
	 * words: each is written, and a new one kept (m moves on) only where
	 * the key changes */
	if (n && E->list) {
		size_t m = 0;
		e[0].count = 1;
		for (size_t k = 1; k < n; k++) {
			uint32_t differ = e[k].key != e[m].key;
			uint32_t same = differ - 1; /* all ones or none */
			e[m].count += same & 1;
			m += differ;
			uint32_t was = e[m].count;
			e[m].key = e[k].key;
			e[m].count = (was & same) | differ;
		}
		n = m + 1;
	}
	*nnodes = nn;
	L->e = e;
	L->n = n;
	/* the sort's copy has room for two doubles a pair, a node for each
	 * end at most, and the counts for a size_t a term */
	L->wsum = (double *)(void *)tmp;
	L->len = count;
	return PRECIS_OK;
}

/* The graph of the links L over nn nodes in g, its arrays in d's arena. */
static int word_csr(precis_doc *d, const links *L, size_t nn, pr_graph *g)
{
	const pair *e = L->e;
	size_t n = L->n, *at = L->len;
	g->n = nn;
	g->upper = 0; /* each link is in both its rows */
	g->row = pr_calloc(&d->arena, nn + 1, sizeof *g->row);
	g->col = pr_alloc(&d->arena, (2 * n + 1) * sizeof *g->col);
	g->w = pr_alloc(&d->arena, (2 * n + 1) * sizeof *g->w);
	g->link = NULL;
	g->wsum = pr_calloc(&d->arena, nn + 1, sizeof *g->wsum);
	if (!g->row || !g->col || !g->w || !g->wsum)
		return PRECIS_ENOMEM;
	for (size_t k = 0; k < n; k++) {
		g->row[(e[k].key >> 32) + 1]++;
		g->row[(uint32_t)e[k].key + 1]++;
	}
	for (size_t t = 0; t < nn; t++)
		g->row[t + 1] += g->row[t];
	memcpy(at, g->row, nn * sizeof *at);
	/* row x gets its lower neighbours from the pairs (y, x), which come
	 * in the order of y, before its higher ones from the pairs (x, z), in
	 * the order of z: each row comes out sorted, and its weights are
	 * added up into wsum in the order of the row (for the sweeps of
	 * pr_pagerank_personal, rank.c, which a book's graph goes to) */
	for (size_t k = 0; k < n; k++) {
		uint32_t lo = (uint32_t)(e[k].key >> 32), hi = (uint32_t)e[k].key;
		double w = (double)e[k].count;
		g->col[at[lo]] = hi;
		g->w[at[lo]++] = w;
		g->wsum[lo] += w;
		g->col[at[hi]] = lo;
		g->w[at[hi]++] = w;
		g->wsum[hi] += w;
	}
	return PRECIS_OK;
}

/* ------------------------------------------- ranking the key words */

/* The key-word graph is ranked by power iteration, as pr_pagerank_personal
 * ranks a graph of up to PR_LARGE_GRAPH nodes (doc.h; larger ones go to
 * rank.c, which sweeps them). An article's graph is small (some 180
 * nodes, two links each, some 45 steps) and its rows are short: what costs is going from row to row, not the sums. So the rows
 * are taken in order of length, those of one length one after another,
 * each length with its own loop (one, two and three links are most of
 * them, each summed in straight code), instead of a loop per row. Each
 * row is summed in the order of its links, from the products
 * pr_pagerank_personal uses, and the steps stop by its test (the L1
 * change of a step below KP_TOLERANCE), but they start nearer the fixed
 * point and jump ahead when one slow mode is left (word_start,
 * word_extrapolate): a third fewer instructions. The scores are then as
 * near the fixed point as pr_pagerank_personal's (within d / (1 - d)
 * times the tolerance, in L1; word_rank_reaches_fixed_point in
 * test_keyphrase.c), though not the same to the last bit: key phrases
 * whose scores are within that of each other may swap. */
#define KP_DAMPING 0.85
#define KP_TOLERANCE 1e-4
#define KP_STEPS 100

/* The graph laid out for the steps: rows in order of length (their
 * places), each row's links in its own order. */
typedef struct word_rows {
	size_t n;
	uint32_t *node;  /* node[r]: the node in place r */
	uint32_t *place; /* place[i]: node i's place */
	size_t *start;   /* start[L]: the first place of the rows of L links */
	size_t maxlen;
	double *p;       /* w(j, i) / W(j), link by link */
	uint32_t *col;   /* the link's other end, as a place */
	double *tele;    /* the teleport vector times the random jump's share */
	double *vec;     /* room for three vectors of n, by places */
} word_rows;

/* One step: nxt from cur, both by places; its L1 change, sum_r |nxt[r] -
 * cur[r]| added up in the order of the places, is the return value (a
 * pass of its own would read both vectors again). Rows of L links are
 * summed as 0 + p1 c1 + ... + pL cL from the left, as pr_pagerank_personal
 * sums them (adding to +0 changes nothing: the first product stands for
 * it). */
static double word_step(const word_rows *R, const double *cur, double *nxt)
{
	const double *p = R->p;
	const uint32_t *c = R->col;
	double change = 0;
	size_t r = R->start[1]; /* no row is empty: every node has a link */
	for (; r < R->start[2]; r++, p++, c++) {
		nxt[r] = R->tele[r] + KP_DAMPING * (p[0] * cur[c[0]]);
		change += fabs(nxt[r] - cur[r]);
	}
	for (; r < R->start[3]; r++, p += 2, c += 2) {
		nxt[r] = R->tele[r] + KP_DAMPING * (p[0] * cur[c[0]] + p[1] * cur[c[1]]);
		change += fabs(nxt[r] - cur[r]);
	}
	for (; r < R->start[4]; r++, p += 3, c += 3) {
		nxt[r] = R->tele[r] + KP_DAMPING * (p[0] * cur[c[0]] + p[1] * cur[c[1]] +
		                                    p[2] * cur[c[2]]);
		change += fabs(nxt[r] - cur[r]);
	}
	/* the longer rows (a few dozen links at most): two links a turn */
	for (size_t len = 4; len <= R->maxlen; len++) {
		for (; r < R->start[len + 1]; r++) {
			double s = p[0] * cur[c[0]] + p[1] * cur[c[1]];
			size_t k = 2;
			for (; k + 2 <= len; k += 2)
				s = s + p[k] * cur[c[k]] + p[k + 1] * cur[c[k + 1]];
			if (k < len)
				s += p[k] * cur[c[k]];
			nxt[r] = R->tele[r] + KP_DAMPING * s;
			change += fabs(nxt[r] - cur[r]);
			p += len;
			c += len;
		}
	}
	return change;
}

/* Is the L1 change from cur to nxt, sum_i |nxt[i] - cur[i]| added up in
 * the order of the nodes, below the tolerance? change is that sum added
 * up in the order of the places (word_step()): any order of adding n
 * non-negative terms lands within (n - 1) 2^-53 (relative) of the exact
 * sum, two orders within twice that, so outside a margin of (n + 1) 2^-50
 * both agree (pr_sum_below(), rank.h, as rank.c asks it); within it the
 * sum is taken again, in the order of the nodes. */
static int word_change_below(const word_rows *R, const double *cur, const double *nxt,
                             double change)
{
	int below = pr_sum_below(change, KP_TOLERANCE, R->n + 1);
	if (below >= 0)
		return below;
	double delta = 0;
	for (size_t k = 0; k < R->n; k++)
		delta += fabs(nxt[R->place[k]] - cur[R->place[k]]);
	return delta < KP_TOLERANCE;
}

/* Make room in *R for n nodes and nnz links, in one allocation of its
 * own (R->p), which holds the steps' three vectors too (R->vec), rows of
 * up to maxlen links. 0, or -1 out of memory. */
static int word_rows_alloc(word_rows *R, size_t n, size_t nnz, size_t maxlen)
{
	if (maxlen < 3)
		maxlen = 3; /* word_step reads start[1..4] */
	/* the doubles first, for their alignment */
	size_t bytes = (nnz + 5 * n) * sizeof(double) + (maxlen + 2) * sizeof(size_t) +
	               (nnz + 2 * n) * sizeof(uint32_t);
	char *m = pr_malloc_raw(bytes);
	if (!m)
		return -1;
	R->n = n;
	R->maxlen = maxlen;
	R->p = (double *)(void *)m;
	R->tele = R->p + nnz;
	R->vec = R->tele + 2 * n; /* after 1 / W(j), by node */
	R->start = (size_t *)(void *)(R->vec + 3 * n);
	R->node = (uint32_t *)(void *)(R->start + R->maxlen + 2);
	R->place = R->node + n;
	R->col = R->place + n;
	return 0;
}

/* The places of the rows, len[i] the length of node i's: a counting sort
 * by length, stable. 0, or 1 when a node has no link. */
static int word_places(word_rows *R, const size_t *len)
{
	size_t n = R->n, maxlen = R->maxlen;
	memset(R->start, 0, (maxlen + 2) * sizeof *R->start);
	for (size_t i = 0; i < n; i++)
		R->start[len[i] + 1]++;
	if (R->start[1] > 0)
		return 1;
	for (size_t l = 0; l <= maxlen; l++)
		R->start[l + 1] += R->start[l];
	/* start[L] moves to start[L + 1] as places are handed out, then is
	 * set back */
	for (size_t i = 0; i < n; i++) {
		size_t r = R->start[len[i]]++;
		R->node[r] = (uint32_t)i;
		R->place[i] = (uint32_t)r;
	}
	for (size_t l = maxlen + 1; l > 0; l--)
		R->start[l] = R->start[l - 1];
	R->start[0] = 0;
	return 0;
}

/* Lay out g in *R (word_rows_alloc()), all but the teleport vector. 0; 1
 * (nothing allocated) when a node has no link; -1 out of memory. */
static int word_rows_make(word_rows *R, const pr_graph *g)
{
	size_t n = g->n, nnz = g->row[n], maxlen = 0;
	for (size_t i = 0; i < n; i++)
		if (g->row[i + 1] - g->row[i] > maxlen)
			maxlen = g->row[i + 1] - g->row[i];
	if (word_rows_alloc(R, n, nnz, maxlen))
		return -1;
	double *out = R->tele + n; /* 1 / W(j), by node */
	size_t *len = (size_t *)(void *)R->vec; /* unused until the steps */
	for (size_t i = 0; i < n; i++)
		len[i] = g->row[i + 1] - g->row[i];
	if (word_places(R, len)) {
		pr_free_raw(R->p);
		return 1;
	}
	/* W(j), the weights of j's row added up in its order: the graph's
	 * own wsum when it has one (a graph from word_csr(), now only a
	 * book's, which goes to pr_pagerank_personal first, so in practice
	 * a caller's graph and test_keyphrase's word_rank_reads_wsum), which
	 * saves a loop of as many turns as the row has links */
	if (g->wsum) {
		for (size_t i = 0; i < n; i++)
			out[i] = 1.0 / g->wsum[i];
	} else {
		for (size_t i = 0; i < n; i++) {
			double w = 0;
			for (size_t k = g->row[i]; k < g->row[i + 1]; k++)
				w += g->w[k];
			out[i] = 1.0 / w;
		}
	}
	for (size_t r = 0, at = 0; r < n; r++) {
		size_t i = R->node[r];
		for (size_t k = g->row[i]; k < g->row[i + 1]; k++, at++) {
			R->p[at] = g->w[k] * out[g->col[k]];
			R->col[at] = R->place[g->col[k]];
		}
	}
	return 0;
}

/* Lay out the links L over nn nodes in *R as word_rows_make() lays out
 * their graph (word_csr()), without making it: row x is x's links in
 * their order, those (y, x) before those (x, z), which is the order of the
 * graph's row, and W(x) is added up in it. All but the teleport vector.
 * 0, or -1 out of memory. */
static int word_rows_links(word_rows *R, const links *L, size_t nn)
{
	const pair *e = L->e;
	double *wsum = L->wsum;
	size_t *len = L->len, maxlen = 0;
	memset(wsum, 0, nn * sizeof *wsum);
	memset(len, 0, nn * sizeof *len);
	for (size_t k = 0; k < L->n; k++) {
		uint32_t lo = (uint32_t)(e[k].key >> 32), hi = (uint32_t)e[k].key;
		double w = (double)e[k].count;
		len[lo]++;
		wsum[lo] += w;
		len[hi]++;
		wsum[hi] += w;
	}
	for (size_t i = 0; i < nn; i++)
		maxlen = len[i] > maxlen ? len[i] : maxlen;
	if (word_rows_alloc(R, nn, 2 * L->n, maxlen))
		return -1;
	double *out = R->tele + nn;
	for (size_t i = 0; i < nn; i++)
		out[i] = 1.0 / wsum[i];
	word_places(R, len); /* every node has a link */
	/* len[i] becomes the next free link of node i's row */
	for (size_t r = 0, at = 0; r < nn; r++) {
		size_t i = R->node[r], l = len[i];
		len[i] = at;
		at += l;
	}
	for (size_t k = 0; k < L->n; k++) {
		uint32_t lo = (uint32_t)(e[k].key >> 32), hi = (uint32_t)e[k].key;
		double w = (double)e[k].count;
		R->p[len[lo]] = w * out[hi];
		R->col[len[lo]++] = R->place[hi];
		R->p[len[hi]] = w * out[lo];
		R->col[len[hi]++] = R->place[lo];
	}
	return 0;
}

/* The steps start from (1 - d) v + d W(i) / sum W, v the teleport vector
 * and W(i) the weight of i's links: the fixed point of an undirected graph
 * is W(i) / sum W without random jumps and v with nothing but them, so
 * this mix starts nearer to it than 1 / n (about 10% fewer steps on the
 * eval articles). Nodes alike in the graph and in v start alike, so
 * exact ties stay ties. x by places. */
static void word_start(const word_rows *R, double *x)
{
	const double *out = R->tele + R->n; /* 1 / W(i), by node (word_rows_alloc()) */
	double wsum = 0;
	for (size_t i = 0; i < R->n; i++)
		wsum += 1.0 / out[i];
	for (size_t r = 0; r < R->n; r++)
		x[r] = R->tele[r] + KP_DAMPING / (out[R->node[r]] * wsum);
}

/* Aitken-style extrapolation, after a step from cur to nxt that did not
 * stop (prev the step before cur). When one slow mode is left, each
 * step's change is the one before times a ratio rho (negative when the
 * scores swing back and forth, as on a chain of words), and the fixed
 * point lies at nxt + rho / (1 - rho) (nxt - cur). rho is taken from the
 * L1 changes of this step (c, word_step()'s) and the last ones (last[0],
 * last[1]; HUGE_VAL before any) and used only when the last two ratios
 * agree within KP_AITKEN: a guess only moves the start of the next step,
 * and the steps still stop by the same test (their own L1 change below
 * KP_TOLERANCE), so the scores are as near the fixed point as plain power
 * iteration guarantees. Every score is moved by the same rule, so ties
 * stay ties. */
#define KP_AITKEN 0.1
static void word_extrapolate(size_t n, const double *prev, const double *cur, double *nxt,
                             double c, double last[2])
{
	double rho = c / last[1], before = last[1] / last[0];
	if (rho < 1 && fabs(rho - before) < KP_AITKEN * rho) {
		/* the sign: do the last two changes point the same way? */
		double dot = 0;
		for (size_t r = 0; r < n; r++)
			dot += (nxt[r] - cur[r]) * (cur[r] - prev[r]);
		if (dot < 0)
			rho = -rho;
		double f = rho / (1 - rho);
		for (size_t r = 0; r < n; r++)
			nxt[r] += f * (nxt[r] - cur[r]);
		c = HUGE_VAL; /* the next ratios from fresh steps */
		last[1] = HUGE_VAL;
	}
	last[0] = last[1];
	last[1] = c;
}

/* The scores of R's nodes (pr_kp_rank_words()), into score[0..R->n) by
 * node; R is freed. */
static void word_rank_rows(double *score, word_rows *R, const double *teleport)
{
	size_t n = R->n;
	/* the random jump's share: 1 - d, no node being unlinked */
	double jump = 1.0 - KP_DAMPING;
	for (size_t r = 0; r < n; r++)
		R->tele[r] = jump * teleport[R->node[r]];
	double *prev = R->vec, *cur = R->vec + n, *nxt = R->vec + 2 * n;
	word_start(R, cur);
	memcpy(prev, cur, n * sizeof *prev);
	double last[2] = { HUGE_VAL, HUGE_VAL };
	for (unsigned it = 0; it < KP_STEPS; it++) {
		double change = word_step(R, cur, nxt);
		int stop = word_change_below(R, cur, nxt, change);
		if (!stop)
			word_extrapolate(n, prev, cur, nxt, change, last);
		double *t = prev;
		prev = cur;
		cur = nxt;
		nxt = t;
		if (stop)
			break;
	}
	/* summed in the order of the nodes, to undo rounding drift */
	for (size_t i = 0; i < n; i++)
		score[i] = cur[R->place[i]];
	pr_divide_by(score, n, pr_sum_of(score, n));
	pr_free_raw(R->p);
}

/* score[0..g->n): the PageRank of the key-word graph g, its random jumps
 * landing by teleport (by node, summing to 1); the scores sum to 1. A
 * graph too large, or with a node that has no link, is left to
 * pr_pagerank_personal. PRECIS_OK or PRECIS_ENOMEM. */
int pr_kp_rank_words(double *score, const pr_graph *g, const double *teleport)
{
	size_t n = g->n;
	if (n == 0)
		return PRECIS_OK;
	if (n > PR_LARGE_GRAPH)
		return pr_pagerank_personal(score, g, KP_DAMPING, KP_TOLERANCE, KP_STEPS,
		                            teleport);
	word_rows R;
	int rc = word_rows_make(&R, g);
	if (rc) {
		if (rc < 0)
			return PRECIS_ENOMEM;
		/* an unlinked node (none in a word graph: its nodes are the
		 * words met in a pair) needs the dangling nodes' mass of
		 * rank.c */
		return pr_pagerank_personal(score, g, KP_DAMPING, KP_TOLERANCE, KP_STEPS,
		                            teleport);
	}
	word_rank_rows(score, &R, teleport);
	return PRECIS_OK;
}

typedef struct scored {
	double score;
	uint32_t term;
} scored;

/* 1 when a comes before b in cmp_scored's order (score down, then term
 * up), without a branch: select_best's partition; the two must agree. */
static inline int scored_before(const scored *a, const scored *b)
{
	return (a->score > b->score) | ((a->score == b->score) & (a->term < b->term));
}

static int cmp_scored(const void *x, const void *y)
{
	const scored *p = x, *q = y;
	if (p->score != q->score)
		return p->score > q->score ? -1 : 1;
	return p->term < q->term ? -1 : p->term > q->term;
}

/* Put the k best of sc[0..n) (by cmp_scored, a total order) first, in no
 * particular order: quickselect, linear where a sort is not, with the
 * median of three as pivot so that ranked input costs no more. tmp[0..n)
 * is scratch. */
static void select_best(scored *sc, size_t n, size_t k, scored *tmp)
{
	size_t lo = 0, hi = n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2, last = hi - 1;
		scored t;
#define SWAP(x, y) (t = sc[x], sc[x] = sc[y], sc[y] = t)
		if (cmp_scored(&sc[mid], &sc[lo]) < 0)
			SWAP(mid, lo);
		if (cmp_scored(&sc[last], &sc[lo]) < 0)
			SWAP(last, lo);
		if (cmp_scored(&sc[last], &sc[mid]) < 0)
			SWAP(last, mid);
		SWAP(mid, last); /* the median, out of the way */
#undef SWAP
		/* which side each joins is as random as the scores: each is
		 * written to both ends of tmp, those before the median kept at
		 * the front (at moves on), the others at the back (back moves
		 * back), with no load from where the last one went (a swap in
		 * place waits on the one before it); then the lot goes back
		 * with the median between the two */
		size_t at = lo, back = last;
		const scored pivot = sc[last];
		for (size_t i = lo; i < last; i++) {
			scored x = sc[i];
			size_t before = (size_t)scored_before(&x, &pivot);
			tmp[at] = x;
			tmp[back - 1] = x; /* at < back: i - lo of last - lo are placed */
			at += before;
			back -= before ^ 1;
		}
		memcpy(sc + lo, tmp + lo, (at - lo) * sizeof *sc);
		memcpy(sc + at + 1, tmp + at, (last - at) * sizeof *sc);
		sc[at] = pivot;
		if (at == k)
			return;
		if (at < k)
			lo = at + 1;
		else
			hi = at;
	}
}

typedef struct phrase {
	uint32_t sent, first, last; /* token range of the first occurrence */
	uint32_t shown_sent, shown_first, shown_last; /* the one to show */
	double score;
	uint32_t nterms, nwords;
	uint32_t terms[MAX_PHRASE_TOKENS];
	uint32_t count;
	uint8_t name;
	uint8_t joined;   /* bit k: token first + k is glued to the one before
	                     by a hyphen (k >= 1; joined_after()) */
} phrase;

/* Key phrases and character sequences come best first, then by their
 * first occurrence; "bora bora" and "bora" tie on all of that: longer
 * first, so the order never depends on qsort's. */
static int cmp_candidates(double s1, uint32_t sent1, uint32_t first1, uint32_t len1,
                          double s2, uint32_t sent2, uint32_t first2, uint32_t len2)
{
	if (s1 != s2)
		return s1 > s2 ? -1 : 1;
	if (sent1 != sent2)
		return sent1 < sent2 ? -1 : 1;
	if (first1 != first2)
		return first1 < first2 ? -1 : 1;
	return len1 > len2 ? -1 : len1 < len2;
}

/* cmp_candidates()'s order, as a 1 or a 0 worked out without a branch:
 * the heap asks it of phrases whose order is as random as their scores. */
int pr_kp_before(const pr_kp_order *a, const pr_kp_order *b)
{
	/* whether a goes first on the ties: the earlier sentence, then the
	 * earlier token, then the longer phrase */
	unsigned ties = (unsigned)(a->first == b->first) & (unsigned)(a->len > b->len);
	ties |= (unsigned)(a->first < b->first);
	ties = (unsigned)(a->sent < b->sent) | ((unsigned)(a->sent == b->sent) & ties);
	return (int)((unsigned)(a->score > b->score) | ((unsigned)(a->score == b->score) & ties));
}

/* Move h[i] down the heap h[0..n) to where it is after its parent and
 * before its children. */
static void sift_down(pr_kp_order *h, size_t n, size_t i)
{
	pr_kp_order x = h[i];
	for (size_t c; (c = 2 * i + 1) < n; i = c) {
		if (c + 1 < n)
			c += (size_t)pr_kp_before(&h[c + 1], &h[c]);
		if (!pr_kp_before(&h[c], &x))
			break;
		h[i] = h[c];
	}
	h[i] = x;
}

void pr_kp_heapify(pr_kp_order *h, size_t n)
{
	for (size_t i = n / 2; i-- > 0;)
		sift_down(h, n, i);
}

uint32_t pr_kp_pop(pr_kp_order *h, size_t *n)
{
	uint32_t id = h[0].id;
	h[0] = h[--*n];
	sift_down(h, *n, 0);
	return id;
}

/* Phrases are counted on every occurrence, and a book's outgrow the cache:
 * what an occurrence touches is kept apart from the phrase and small.
 *
 * A phrase of one token (most occurrences: every key word) is counted by
 * its term, and becomes a phrase only once counting is over. */
typedef struct single {
	uint32_t count;
	uint32_t sent, first;             /* its first occurrence */
	uint32_t shown_sent, shown_first; /* the occurrence to show */
	uint32_t shown_count;             /* occurrences of its word (wcount) */
	uint8_t shown_head_upper;         /* capitalized, at the head of its
	                                     sentence */
} single;

/* A longer phrase is found through a hash of its terms: a slot holds the
 * hash's top 24 bits and the number of terms, and the first two terms, so
 * that a phrase of two tokens is found without reading the phrase; its
 * place comes from those alone (slot_home()), so that the slots are
 * moved to a larger table without reading the phrases either. */
typedef struct slot {
	uint32_t check;   /* hash & 0xFFFFFF00 | nterms (two or more); 0: empty */
	uint32_t id;
	uint32_t t0, t1;
} slot;

typedef struct tally {
	uint32_t count;
	uint8_t name;
} tally;

/* Occurrences of longer phrases are counted a batch at a time, as the
 * pairs are (flush_pairs()): a book's slots are megabytes, and those of a
 * batch are all asked for before the first is read. */
#define PHRASE_BATCH 32

/* Up to this many bytes of entries by term and counts by word, a document's
 * one-token phrases are counted at once, not a batch at a time. */
#define DIRECT_BYTES (256 * 1024)

typedef struct occurrence {
	uint32_t check;   /* check_terms() of its terms */
	uint32_t t0, t1;  /* its first two terms */
	uint32_t s, i, j; /* tokens [i, j) of sentence s */
	uint32_t nwords;
	uint8_t name;
} occurrence;

typedef struct phrases {
	phrase *ph;       /* longer phrases, in order of first occurrence; the
	                     one-token phrases join them in fold_tallies() */
	tally *tl;        /* the counts of ph[] while counting */
	size_t n, cap;
	single *one;      /* by term; only a key word is one (key[term]),
	                     and only its entry is set */
	slot *slot;
	size_t mask;      /* slots - 1, a power of two */
	size_t first;     /* slots and phrases to begin with, a power of two */
	uint32_t *wcount; /* occurrences of each word */
	occurrence occ[PHRASE_BATCH]; /* waiting to be counted */
	size_t nocc;
	uint32_t one_s[PHRASE_BATCH], one_i[PHRASE_BATCH]; /* one-token ones
	                     waiting: sentence, token */
	size_t none;
	int direct;       /* one-token ones are counted at once (add_single()) */
} phrases;

static uint32_t check_terms(const uint32_t *terms, uint32_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ n;
	for (uint32_t k = 0; k < n; k++) {
		h = (h ^ terms[k]) * 0xBF58476D1CE4E5B9u;
		h ^= h >> 31;
	}
	h *= 0x94D049BB133111EBu;
	return ((uint32_t)(h >> 32) & 0xFFFFFF00u) | n;
}

/* Where the slot of the phrase with this check and first two terms goes
 * among mask + 1. */
static size_t slot_home(uint32_t check, uint32_t t0, uint32_t t1, size_t mask)
{
	uint64_t k = ((uint64_t)t0 << 32 | t1) ^ (uint64_t)check * 0x9E3779B97F4A7C15u;
	k = (k ^ k >> 31) * 0xBF58476D1CE4E5B9u;
	return (size_t)(k ^ k >> 32) & mask;
}

/* Double the slots (or make the first P->first). 0, or -1 out of memory. */
static int grow_slots(phrases *P)
{
	size_t cap = P->slot ? 2 * (P->mask + 1) : P->first;
	slot *sl = pr_malloc_raw(cap * sizeof *sl);
	if (!sl)
		return -1;
	memset(sl, 0, cap * sizeof *sl);
	for (size_t k = 0; P->slot && k <= P->mask; k++) {
		const slot *o = &P->slot[k];
		if (!o->check)
			continue;
		size_t i = slot_home(o->check, o->t0, o->t1, cap - 1);
		while (sl[i].check)
			i = (i + 1) & (cap - 1);
		sl[i] = P->slot[k];
	}
	pr_free_raw(P->slot);
	P->slot = sl;
	P->mask = cap - 1;
	return 0;
}

/* The id of the phrase of occurrence o, its terms those of its tokens
 * (two or more), its slot_home() i, or a new id (P->n, *added set) whose
 * slot is taken; the slots have room. */
static uint32_t find_phrase(const precis_doc *d, phrases *P, const occurrence *o, size_t i,
                            int *added)
{
	const pr_token *t = &d->toks[o->i];
	uint32_t n = o->j - o->i;
	*added = 0;
	for (; P->slot[i].check; i = (i + 1) & P->mask) {
		const slot *sl = &P->slot[i];
		if (sl->check != o->check || sl->t0 != o->t0 || sl->t1 != o->t1)
			continue;
		uint32_t k = 2;
		for (const uint32_t *terms = P->ph[sl->id].terms; k < n && terms[k] == t[k].term; k++)
			;
		if (k == n)
			return sl->id;
	}
	*added = 1;
	P->slot[i].check = o->check;
	P->slot[i].id = (uint32_t)P->n;
	P->slot[i].t0 = o->t0;
	P->slot[i].t1 = o->t1;
	return (uint32_t)P->n;
}

/* Room for one more phrase. 0, or -1 out of memory. */
static int reserve_phrase(phrases *P)
{
	if (P->n < P->cap)
		return 0;
	size_t nc = P->cap ? P->cap * 2 : P->first;
	phrase *p = pr_realloc_raw(P->ph, nc * sizeof *p);
	if (!p)
		return -1;
	P->ph = p;
	tally *c = pr_realloc_raw(P->tl, nc * sizeof *c);
	if (!c)
		return -1;
	P->tl = c;
	P->cap = nc;
	return 0;
}

/* A phrase's score: the sum of its words' scores, a compound's being its
 * best part's ("early-warning" is one word, not two), each stem counted
 * once; over nwords, the mean (a phrase met once is worth that, see
 * fold_tallies()). From the phrase alone: a book's are scored long after
 * their tokens were read. */
static double phrase_score(const double *score, const phrase *p)
{
	double sum = 0, word = 0;
	const uint32_t *terms = p->terms;
	for (uint32_t k = 0; k < p->nterms; k++) {
		uint32_t m;
		if (!(p->joined >> k & 1)) { /* a word begins */
			sum += word;
			word = 0;
		}
		for (m = 0; m < k && terms[m] != terms[k]; m++)
			;
		if (m == k && score[terms[k]] > word)
			word = score[terms[k]];
	}
	sum += word;
	return sum / (double)p->nwords;
}

/* Count one occurrence of token i of sentence s as a phrase. A lone word
 * is shown in its most frequent form ("warning", not "warn"), as it is
 * written inside sentences ("Institute" at the head of one, "the
 * institute" later). The words are counted by now (P->wcount). */
static inline void count_single(const precis_doc *d, phrases *P, uint32_t s, uint32_t i)
{
	const pr_token *t = &d->toks[i];
	single *c = &P->one[t->term];
	unsigned upper = (t->flags & PR_TOK_UPPER) != 0;
	unsigned head_upper = upper & (unsigned)(i == d->sents[s].tok);
	uint32_t now = P->wcount[t->word], was = c->shown_count;
	/* whether this is one to show is as random as the words: each field
	 * is written whatever it is, with its old value or the new, chosen
	 * by a mask (the compiler would branch on a choice); the first
	 * occurrence is the least of them (sent and first below). The first
	 * is shown: shown_count starts at 0, and a word occurs at least
	 * once */
	uint32_t shown = -(uint32_t)((now > was) |
	                             ((now == was) & c->shown_head_upper & !upper));
	c->count++;
	/* the occurrences come in order, and the first is the least: sent
	 * and first start past any */
	c->sent = s < c->sent ? s : c->sent;
	c->first = i < c->first ? i : c->first;
	c->shown_sent = (s & shown) | (c->shown_sent & ~shown);
	c->shown_first = (i & shown) | (c->shown_first & ~shown);
	c->shown_count = (now & shown) | (was & ~shown);
	c->shown_head_upper = (uint8_t)((head_upper & shown) | (c->shown_head_upper & ~shown));
}

/* Count the one-token occurrences waiting in P. */
static void flush_singles(const precis_doc *d, phrases *P)
{
	for (size_t k = 0; k < P->none; k++)
		count_single(d, P, P->one_s[k], P->one_i[k]);
	P->none = 0;
}

/* One occurrence of token i of sentence s as a phrase, into the batch:
 * its term's entry and its word's count (a book's are megabytes, asked
 * for at random) are fetched while the batch fills. */
static void queue_single(const precis_doc *d, phrases *P, uint32_t s, uint32_t i)
{
	const pr_token *t = &d->toks[i];
	if (P->none == PHRASE_BATCH)
		flush_singles(d, P);
	PR_PREFETCH_WRITE(&P->one[t->term]);
	PR_PREFETCH(&P->wcount[t->word]);
	P->one_s[P->none] = s;
	P->one_i[P->none++] = i;
}

/* One occurrence of token i of sentence s as a phrase. A document whose
 * entries and counts fit in the cache (P->direct) has nothing to wait for,
 * and counts it at once. */
static inline void add_single(const precis_doc *d, phrases *P, uint32_t s, uint32_t i)
{
	if (P->direct)
		count_single(d, P, s, i);
	else
		queue_single(d, P, s, i);
}

/* Count the occurrences waiting in P->occ. 0, or -1 out of memory. */
static int flush_phrases(const precis_doc *d, phrases *P)
{
	size_t n = P->nocc, home[PHRASE_BATCH];
	uint32_t id[PHRASE_BATCH];
	P->nocc = 0;
	for (size_t k = 0; k < n && P->slot; k++) {
		const occurrence *o = &P->occ[k];
		home[k] = slot_home(o->check, o->t0, o->t1, P->mask);
		PR_PREFETCH_WRITE(&P->slot[home[k]]);
	}
	for (size_t k = 0; k < n; k++) {
		const occurrence *o = &P->occ[k];
		/* room for a new phrase, the slots under half full (growing
		 * them moves the slots of the rest) */
		if (reserve_phrase(P))
			return -1;
		if (2 * (P->n + 1) > (P->slot ? P->mask + 1 : 0)) {
			if (grow_slots(P))
				return -1;
			for (size_t m = k; m < n; m++)
				home[m] = slot_home(P->occ[m].check, P->occ[m].t0, P->occ[m].t1, P->mask);
		}
		int added;
		id[k] = find_phrase(d, P, o, home[k], &added);
		if (added) {
			/* its score waits until it is known to be wanted (most
			 * phrases are met once, and never are) */
			phrase *p = &P->ph[P->n];
			p->sent = p->shown_sent = o->s;
			p->first = p->shown_first = o->i;
			p->last = p->shown_last = o->j - 1;
			p->score = 0;
			p->nterms = o->j - o->i;
			p->nwords = o->nwords;
			p->joined = 0;
			sent_view v = view_of(d, o->s);
			for (uint32_t m = 0; m < p->nterms; m++) {
				p->terms[m] = d->toks[o->i + m].term;
				if (m > 0 && joined_after(&v, o->i + m))
					p->joined |= (uint8_t)(1u << m);
			}
			p->count = 0;
			p->name = 0;
			P->tl[P->n].count = 0;
			P->tl[P->n].name = 0;
			P->n++;
		}
		PR_PREFETCH_WRITE(&P->tl[id[k]]);
	}
	for (size_t k = 0; k < n; k++) {
		P->tl[id[k]].count++;
		P->tl[id[k]].name |= P->occ[k].name;
	}
	return 0;
}

/* Count one occurrence of the phrase made of tokens [i, j) of sentence s,
 * nwords words long; name: it is a run of capitalized words. */
static int add_phrase(precis_doc *d, phrases *P, uint32_t s,
                      uint32_t i, uint32_t j, uint32_t nwords, int name)
{
	uint32_t terms[MAX_PHRASE_TOKENS];
	if (j - i > MAX_PHRASE_TOKENS)
		return PRECIS_OK; /* "a-b-c-d-e-f-g-h-i" is no key word */
	if (j - i == 1) {
		add_single(d, P, s, i);
		return PRECIS_OK;
	}
	if (P->nocc == PHRASE_BATCH && flush_phrases(d, P))
		return PRECIS_ENOMEM;
	for (uint32_t k = i; k < j; k++)
		terms[k - i] = d->toks[k].term;
	occurrence *o = &P->occ[P->nocc++];
	o->check = check_terms(terms, j - i);
	o->t0 = terms[0];
	o->t1 = terms[1];
	o->s = s;
	o->i = i;
	o->j = j;
	o->nwords = nwords;
	o->name = (uint8_t)name;
	return PRECIS_OK;
}

/* Write the counts into the phrases and add the one-token phrases of the
 * key words keys[0..nkeys) that occur: where they go does not matter, the
 * order (pr_kp_before()) is total. Their scores are left to
 * keyphrase_score(). 0, or -1 out of memory. */
static int fold_tallies(phrases *P, const uint32_t *keys, size_t nkeys)
{
	for (size_t k = 0; k < P->n; k++) {
		P->ph[k].count = P->tl[k].count;
		P->ph[k].name = P->tl[k].name;
	}
	for (size_t k = 0; k < nkeys; k++) {
		uint32_t term = keys[k];
		const single *c = &P->one[term];
		if (!c->count)
			continue;
		if (reserve_phrase(P))
			return -1;
		phrase *p = &P->ph[P->n++];
		p->sent = c->sent;
		p->first = p->last = c->first;
		p->shown_sent = c->shown_sent;
		p->shown_first = p->shown_last = c->shown_first;
		p->score = 0;
		p->nterms = p->nwords = 1;
		p->terms[0] = term;
		p->count = c->count;
		p->name = 0;
		p->joined = 0;
	}
	return 0;
}

/* The score of p, counted: phrase_score() at its first occurrence, a
 * phrase of several words met once being worth the mean of its words'
 * scores and the sum once it recurs, times 1 + log(occurrences) (1 for
 * one: log(1) is 0, exactly). */
static double keyphrase_score(const double *score, const phrase *p)
{
	double sc = phrase_score(score, p);
	if (p->count >= 2 && p->nwords > 1)
		sc *= (double)p->nwords; /* from the mean to the sum */
	if (p->count >= 2)
		sc *= 1.0 + log((double)p->count);
	return sc;
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

/* The end of the word that starts at token i: a hyphenated compound is one
 * word ("early-warning"), its parts all candidates, as mark_candidates()
 * found them (CAND_PART: the token after a sentence is none, nor the one
 * after the last, cand[ntoks]). */
static uint32_t word_end(const uint8_t *cand, uint32_t i)
{
	uint32_t j = i + 1;
	while (cand[j] & CAND_PART)
		j++;
	return j;
}

/* Is the word [i, j), i < j, a key word: is one of its parts? 1 or 0, its
 * parts' marks or'ed together without a branch (which words are key words
 * is as random as the words, and most words have one part). */
static unsigned key_word(const sent_view *v, const uint8_t *key, uint32_t i, uint32_t j)
{
	unsigned k = key[v->toks[i].term];
	while (++i < j)
		k |= key[v->toks[i].term];
	return k;
}

/* Is token i of v cut off from token i - 1 for a phrase: by punctuation,
 * or by a quote made of apostrophes, which the tokens let through as they
 * would a possessive: the wire's closing `''` ("``Sparky'' Schulz") or an
 * opening ' after a space ("launches 'Veritas'"). */
static int apart(const sent_view *v, uint32_t i)
{
	const pr_token *t = &v->toks[i];
	if (t->flags & PR_TOK_BREAK)
		return 1;
	uint32_t a = v->toks[i - 1].end, b = t->start;
	if (b - a < 2)
		return 0; /* nothing, or one space or apostrophe */
	if (v->text[b - 1] == '\'' && v->text[b - 2] == ' ')
		return 1;
	for (uint32_t k = a; k + 1 < b; k++)
		if (v->text[k] == '\'' && v->text[k + 1] == '\'')
			return 1;
	return 0;
}

/* Can token k (of v) be a word of a name that begins at token i, before
 * it or at it? A capitalized candidate, not cut off from what follows it
 * (apart()), and at the head of the sentence only if it is
 * capitalized inside one too ("Goalscorer Jimmy Floyd Hasselbaink"). */
static int name_word(const sent_view *v, const uint8_t *cand, const uint8_t *wflag, uint32_t k,
                     uint32_t i)
{
	if (k < v->head || k == UINT32_MAX || !cand[k] || !(v->toks[k].flags & PR_TOK_UPPER))
		return 0;
	if (k < i && apart(v, i))
		return 0;
	return k > v->head || (wflag[v->toks[k].word] & W_UPPER_INSIDE);
}

/* The phrases of sentence s: runs of key words (every stretch of two or
 * three words of a run, and each word alone) and names. at[0..nat) are
 * its candidates (mark_candidates()): a word that is no candidate starts
 * nothing, and a run it ends ends as well at the next candidate, which
 * does not join it, so only the candidates are visited. at[nat], read
 * too, lies past the sentence: the next sentence's first candidate, or
 * UINT32_MAX after the last (pr_keyphrases()), as every sentence is
 * marked before any is read here; cand[] of the token past a sentence
 * holds no CAND_PART. */
static int sentence_phrases(precis_doc *d, phrases *P, const uint8_t *cand, const uint8_t *key,
                            const uint8_t *wflag, uint32_t s, int names,
                            const uint32_t *at, uint32_t nat)
{
	sent_view v = view_of(d, s);
	const pr_token *toks = v.toks;
	uint32_t end = v.end;
	/* word starts of the current run of key words, one past its end */
	uint32_t run[MAX_PHRASE_WORDS + 2] = { 0 }, nrun = 0;
	uint32_t name_a = 0, name_b = 0; /* the last name, counted as such */
	int rc;
	for (uint32_t c = 0;; c++) {
		uint32_t i = at[c] < end ? at[c] : end; /* the end closes the last run */
		uint32_t j = i < end ? word_end(cand, i) : end;
		unsigned k = i < end ? key_word(&v, key, i, j) : 0;
		/* a key word right after the run's last carries it on while it
		 * has room, nothing coming between: what is worked out from the
		 * words (as random as they are) at once, apart() asked only
		 * then */
		unsigned joins = 0;
		if (k & (nrun > 0) & (run[nrun] == i))
			joins = !apart(&v, i) & (nrun < MAX_PHRASE_WORDS) &
			        (j - run[0] <= MAX_PHRASE_TOKENS);
		if ((nrun >= 2) & !joins) {
			/* the run ends: its stretches of several words (a run
			 * of one word has none) */
			for (uint32_t a = 0; a + 1 < nrun; a++)
				for (uint32_t b = a + 2; b <= nrun; b++)
					if ((run[a] != name_a || run[b] != name_b) &&
					    (rc = add_phrase(d, P, s, run[a], run[b], b - a, 0)))
						return rc;
		}
		nrun &= -(uint32_t)joins; /* a run that ends starts again at 0 */
		if (i == end)
			break;
		if (k) {
			if (j - i == 1)
				add_single(d, P, s, i); /* most words: by their term */
			else if ((rc = add_phrase(d, P, s, i, j, 1, 0)))
				return rc;
			if (nrun == 0)
				run[0] = i;
			run[++nrun] = j;
		}
		/* a name: capitalized words in a row, one of them a key word;
		 * not the titles at its head ("Prime Minister"), nor the word
		 * at the head of the sentence unless it is capitalized inside
		 * one too ("Goalscorer Jimmy Floyd Hasselbaink"). A capital
		 * not followed by another capitalized candidate is a name of
		 * one word, which is none: told at once, without a branch on
		 * either (as random as the words), the token after the
		 * sentence read as i's own */
		const pr_token *after = &toks[j < end ? j : i];
		unsigned two = (unsigned)(j < end) & cand[j < end ? j : i] &
		               ((toks[i].flags & after->flags & PR_TOK_UPPER) != 0);
		if (names && two &&
		    (i > v.head || (wflag[toks[i].word] & W_UPPER_INSIDE)) && /* name_word(i, i) */
		    !name_word(&v, cand, wflag, i - 1, i)) {
			uint32_t a = i, e = i, nw = 0;
			unsigned haskey = 0;
			while (e < end && cand[e] && (toks[e].flags & PR_TOK_UPPER) &&
			       (e == i || !apart(&v, e))) {
				uint32_t we = word_end(cand, e);
				if (wflag[toks[e].word] & W_TITLE) {
					/* "Russian Foreign Minister Sergey Lavrov" */
					a = we;
					nw = 0;
					haskey = 0;
				} else {
					haskey |= key_word(&v, key, e, we);
					nw++;
				}
				e = we;
			}
			if (nw > 1 && haskey && nw <= MAX_NAME_WORDS && e - a <= MAX_PHRASE_TOKENS) {
				if ((rc = add_phrase(d, P, s, a, e, nw, 1)))
					return rc;
				name_a = a;
				name_b = e;
			}
		}
		/* on to the next word: past the parts of a compound */
		while (at[c + 1] < j)
			c++;
	}
	return PRECIS_OK;
}

/* Does the text open with a title: a first sentence that is a heading,
 * or a block of its own with no full stop ("Alpine towns to share $4.5
 * million fund for glacier early-warning sensors")? */
static int has_title(const precis_doc *d)
{
	if (d->nsents < 2)
		return 0;
	const pr_sent *st = &d->sents[0];
	if (st->level > 0)
		return 1;
	if (st->block == d->sents[1].block || st->len == 0)
		return 0;
	char c = st->text[st->len - 1];
	return c != '.' && c != '!' && c != '?' && c != ':' && c != ';' && c != ',';
}

/* Make d->keywords[m] the text [a, b) of sentence s, scored `score`; a
 * possessive at the end goes ("Korea's" is shown as "Korea"). */
static int emit(precis_doc *d, size_t m, uint32_t s, uint32_t a, uint32_t b,
                double score, int possessive)
{
	const pr_sent *st = &d->sents[s];
	if (possessive) {
		if (b - a > 3 && st->text[b - 1] == 's' && st->text[b - 2] == '\'')
			b -= 2;
		else if (b - a > 5 && st->text[b - 1] == 's' &&
		         memcmp(st->text + b - 4, "\xE2\x80\x99", 3) == 0)
			b -= 4;
	}
	pr_keyword *kw = &d->keywords[m];
	kw->text = pr_strndup(&d->arena, st->text + a, b - a);
	if (!kw->text)
		return PRECIS_ENOMEM;
	kw->len = b - a;
	kw->score = score;
	return PRECIS_OK;
}

/* ------------------------------------------------- Chinese and Japanese */

#define CJK_MAX 6 /* characters of a key phrase, at most */

typedef struct gram {
	uint32_t sent, first, last; /* tokens of the first occurrence */
	uint32_t n;                 /* characters (0: a spaced word) */
	uint32_t count;
	uint32_t prefix, suffix;    /* the grams one character shorter, or
	                               UINT32_MAX */
	double score;
	int absorbed;               /* never occurs outside a longer gram */
	int valid;                  /* no function character at an end */
} gram;

static int cmp_gram(const void *x, const void *y)
{
	const gram *p = x, *q = y;
	return cmp_candidates(p->score, p->sent, p->first, p->n,
	                      q->score, q->sent, q->first, q->n);
}

/* What kind of character token i is: 0 none of these, 1 Han or katakana,
 * 2 hiragana. */
static int cjk_kind(const precis_doc *d, const pr_sent *st, uint32_t i)
{
	const pr_token *t = &d->toks[i];
	int32_t cp;
	size_t k = pr_utf8_decode((const unsigned char *)st->text + t->start,
	                          t->end - t->start, &cp);
	if (k != t->end - t->start)
		return 0;
	if (cp >= 0x3040 && cp <= 0x309F)
		return 2;
	if ((cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F))
		return 1;
	return 0;
}

typedef struct grams {
	pr_strmap seen;
	gram *g;
	size_t n, cap;
} grams;

/* Count one occurrence of tokens [i, j] of sentence s as the gram of n
 * characters keyed by key[0..len); its id, or UINT32_MAX when out of memory. */
static uint32_t add_gram(precis_doc *d, grams *G, const char *key, size_t len,
                         uint32_t s, uint32_t i, uint32_t j, uint32_t n)
{
	int added;
	uint32_t id = pr_strmap_intern(&G->seen, &d->arena, key, len, &added);
	if (id == UINT32_MAX)
		return id;
	if (added) {
		if (G->n == G->cap) {
			size_t nc = G->cap ? G->cap * 2 : 256;
			gram *p = pr_realloc_raw(G->g, nc * sizeof *p);
			if (!p)
				return UINT32_MAX;
			G->g = p;
			G->cap = nc;
		}
		gram *p = &G->g[G->n++];
		memset(p, 0, sizeof *p);
		p->sent = s;
		p->first = i;
		p->last = j;
		p->n = n;
		p->prefix = p->suffix = UINT32_MAX;
	}
	G->g[id].count++;
	return id;
}

/* Does a[0..la) hold b[0..lb), or end with more than a character of its
 * beginning (six bytes: two characters of these scripts)? */
static int overlap(const char *a, size_t la, const char *b, size_t lb)
{
	for (size_t at = 0; at < la; at++) {
		size_t k = la - at < lb ? la - at : lb;
		if ((k == lb || k >= 6) && memcmp(a + at, b, k) == 0)
			return 1;
	}
	return 0;
}

/* Key phrases of a text written without spaces: the sequences of two to
 * CJK_MAX characters that recur, with no function character (wflag) at
 * either end and, in Japanese, no hiragana at all (kana endings and
 * particles: what is left are kanji and katakana words); a sequence that
 * never occurs outside a longer one gives way to it ("农药残" to "农药残留").
 * Words in other scripts count as words, and the filler words of the
 * language's list (表示 "said", 目前 "now") not at all. Scored by
 * occurrences times length. Longer sequences are counted only where the shorter ones in them
 * recur (as Apriori prunes itemsets), which keeps the count near one entry
 * a character. */
static int cjk_keyphrases(precis_doc *d, const uint8_t *wflag, unsigned long long lang,
                          int japanese)
{
	grams G;
	memset(&G, 0, sizeof G);
	/* about one distinct bigram a character, a few longer ones more */
	pr_strmap_init_for(&G.seen, d->ntoks + d->ntoks / 2);
	int rc = PRECIS_OK;
	uint8_t *kind = pr_malloc_raw(d->ntoks + 1);
	/* the sequence of n characters that starts at each token, and of n + 1 */
	uint32_t *big = pr_malloc_raw((d->ntoks + 1) * sizeof *big);
	uint32_t *longer = pr_malloc_raw((d->ntoks + 1) * sizeof *longer);
	G.cap = d->ntoks + 16;
	G.g = pr_malloc_raw(G.cap * sizeof *G.g);
	if (!kind || !big || !longer || !G.g)
		goto oom;
	/* what each token is, once; a Japanese hiragana is none of ours */
	for (size_t s = 0; s < d->nsents; s++) {
		const pr_sent *st = &d->sents[s];
		for (uint32_t i = st->tok; i < st->tok + st->ntok; i++) {
			int k = cjk_kind(d, st, i);
			kind[i] = (uint8_t)(japanese && k == 2 ? 0 : k);
		}
	}
	/* first every bigram, counted: a longer sequence recurs only where all
	 * its bigrams do, so only there is it looked for */
	for (size_t s = 0; s < d->nsents; s++) {
		const pr_sent *st = &d->sents[s];
		uint32_t end = st->tok + st->ntok;
		for (uint32_t i = st->tok; i < end; i++) {
			const pr_token *t = &d->toks[i];
			big[i] = UINT32_MAX;
			if (!kind[i]) {
				if (candidate(st->text, t)) {
					/* a spaced word: keyed by its stem, after a
					 * byte no UTF-8 text holds */
					char key[1 + sizeof t->term];
					key[0] = (char)0xFF;
					memcpy(key + 1, &t->term, sizeof t->term);
					uint32_t id = add_gram(d, &G, key, sizeof key, (uint32_t)s, i, i, 0);
					if (id == UINT32_MAX)
						goto oom;
					G.g[id].valid = 1;
				}
				continue;
			}
			const pr_token *u = &d->toks[i + 1];
			if (i + 1 >= end || !kind[i + 1] || u->start != t->end ||
			    (u->flags & PR_TOK_BREAK))
				continue;
			big[i] = add_gram(d, &G, st->text + t->start, u->end - t->start, (uint32_t)s,
			                  i, i + 1, 2);
			if (big[i] == UINT32_MAX)
				goto oom;
			G.g[big[i]].valid = !(wflag[t->word] & W_FILLER) && !(wflag[u->word] & W_FILLER);
		}
	}
	/* then the longer ones, a length at a time: one of n characters is
	 * looked for where both of its n - 1 recur */
	for (uint32_t n = 3; n <= CJK_MAX; n++) {
		for (size_t s = 0; s < d->nsents; s++) {
			const pr_sent *st = &d->sents[s];
			uint32_t end = st->tok + st->ntok;
			for (uint32_t i = st->tok; i < end; i++) {
				uint32_t a = big[i], b = i + 1 < end ? big[i + 1] : UINT32_MAX;
				longer[i] = UINT32_MAX;
				if (a == UINT32_MAX || b == UINT32_MAX || G.g[a].count < 2 ||
				    G.g[b].count < 2)
					continue;
				const pr_token *t = &d->toks[i], *u = &d->toks[i + n - 1];
				uint32_t id = add_gram(d, &G, st->text + t->start, u->end - t->start,
				                       (uint32_t)s, i, i + n - 1, n);
				if (id == UINT32_MAX)
					goto oom;
				gram *g = &G.g[id];
				g->valid = !(wflag[t->word] & W_FILLER) && !(wflag[u->word] & W_FILLER);
				g->prefix = a;
				g->suffix = b;
				longer[i] = id;
			}
		}
		uint32_t *tmp = big;
		big = longer;
		longer = tmp;
	}
	/* a sequence that never occurs outside a longer one gives way to it,
	 * unless that one ends in a function character ("发现" stays, however
	 * often "发现了") */
	for (size_t k = 0; k < G.n; k++) {
		gram *g = &G.g[k];
		if (!g->valid)
			continue;
		if (g->prefix != UINT32_MAX && G.g[g->prefix].count == g->count)
			G.g[g->prefix].absorbed = 1;
		if (g->suffix != UINT32_MAX && G.g[g->suffix].count == g->count)
			G.g[g->suffix].absorbed = 1;
	}
	/* only what recurs and stands on its own goes on to the sort */
	size_t ng = 0;
	for (size_t k = 0; k < G.n; k++) {
		gram *g = &G.g[k];
		if (g->count < 2 || g->absorbed || !g->valid)
			continue;
		g->score = (double)g->count * (g->n ? g->n : 2);
		G.g[ng++] = *g;
	}
	if (ng)
		qsort(G.g, ng, sizeof *G.g, cmp_gram);
	/* no more than there are sequences: a caller may ask for SIZE_MAX */
	size_t want = d->opts.keywords < ng ? d->opts.keywords : ng, m = 0;
	d->keywords = pr_alloc(&d->arena, (want + 1) * sizeof *d->keywords);
	if (!d->keywords)
		goto oom;
	for (size_t k = 0; k < ng && m < want; k++) {
		const gram *g = &G.g[k];
		const pr_sent *st = &d->sents[g->sent];
		const char *text = st->text + d->toks[g->first].start;
		size_t len = d->toks[g->last].end - d->toks[g->first].start, c;
		/* one inside another, or overlapping it, says nothing new:
		 * "农药" after "农药残留", "耳其航空公司" after "土耳其航空公" */
		for (c = 0; c < m; c++) {
			const pr_keyword *kw = &d->keywords[c];
			if (overlap(kw->text, kw->len, text, len) || overlap(text, len, kw->text, kw->len))
				break;
		}
		if (c < m || (pr_kp_flags(lang, text, len) & W_FILLER))
			continue;
		if ((rc = emit(d, m, g->sent, d->toks[g->first].start, d->toks[g->last].end,
		               g->score / G.g[0].score, g->n == 0)))
			goto out;
		m++;
	}
	d->nkeywords = m;
	goto out;
oom:
	rc = PRECIS_ENOMEM;
out:
	pr_strmap_free(&G.seen);
	pr_free_raw(G.g);
	pr_free_raw(kind);
	pr_free_raw(big);
	pr_free_raw(longer);
	return rc;
}

/* ------------------------------------------------------------- the stage */

int pr_keyphrases(precis_doc *d)
{
	d->nkeywords = 0;
	if (d->nterms == 0)
		return PRECIS_OK;
	size_t nt = d->nterms, ncand = 0, nkeys = 0;
	unsigned long long lang = 1ull << (d->lang - pr_languages);
	int cjk = strcmp(d->lang->code, "zh") == 0 || strcmp(d->lang->code, "ja") == 0;
	phrases P;
	memset(&P, 0, sizeof P);
	P.first = 64; /* until the key words are known (below) */
	/* the entries by term and counts by word that one-token phrases
	 * touch, within a core's share of cache (an article's are a few
	 * kilobytes), are not worth batching */
	P.direct = d->nterms * sizeof(single) + d->nwords * sizeof(uint32_t) <= DIRECT_BYTES;
	pr_graph g;
	int rc = PRECIS_OK;
	pairs E;
	memset(&E, 0, sizeof E);
	/* a news article has about two pairs for three terms (200 for 300),
	 * a book a few times more than terms but about one for 15 tokens
	 * (123,000 in 1.8 million): room for half as many as terms or one
	 * for 16 tokens, whichever is more, under half full, which neither
	 * mostly outgrows */
	E.first = pow2_at_least(nt > d->ntoks / 8 ? nt : d->ntoks / 8);
	/* a document of up to PAIR_LIST tokens lists its co-occurrences
	 * (an article about two for three tokens), sorted with the pairs'
	 * sort and added up (word_links()), which costs less than a table of
	 * pairs; a book's are millions, each pair met many times */
	E.list = d->ntoks <= PAIR_LIST;
	if (E.list)
		E.first = d->ntoks + 64;
	pr_kp_order *order = NULL;
	/* the arrays by term, word and token in one block (an article's are
	 * a few kilobytes, less than nine allocations would cost), the
	 * widest first for their alignment */
	size_t nw = d->nwords + 1;
	char *block = pr_malloc_raw(nt * (2 * sizeof(double) + sizeof(single) + sizeof(uint32_t) + 1) +
	                            nw * (sizeof(uint32_t) + 2) + (d->nsents + 1) * sizeof(uint32_t) +
	                            (d->ntoks + 1) * (sizeof(uint32_t) + 1));
	if (!block) {
		rc = PRECIS_ENOMEM;
		goto out;
	}
	double *score = (double *)(void *)block, *nscore = score + nt;
	P.one = (single *)(void *)(nscore + nt);
	uint32_t *idx = (uint32_t *)(void *)(P.one + nt), *wcount = idx + nt;
	uint32_t *at = wcount + nw; /* the candidates' tokens (mark_candidates()) */
	uint32_t *sent_cands = at + d->ntoks + 1; /* how many each sentence has */
	uint8_t *key = (uint8_t *)(sent_cands + d->nsents + 1), *wflag = key + nt, *wrule = wflag + nw;
	uint8_t *cand = wrule + nw;
	cand_rules rules;
	rules.capitalized_nouns = (pr_kp_capitalized_nouns_langs & lang) != 0;
	split_endings(&rules.filler_end, pr_kp_suffixes[d->lang - pr_languages]);
	split_endings(&rules.verb_end, pr_kp_verb_endings[d->lang - pr_languages]);
	rules.wrule = wrule;
	/* each word's flags from the lists, found when it was interned
	 * (token.c; the marks of its case are or'ed in as it is seen), and
	 * its rule byte, its endings asked once each before the tokens are
	 * read, so that keeps() looks it up without a branch (a word met for
	 * the first time is as random as the words: Chinese and Japanese,
	 * which ask every character, need none); its count from 0 */
	for (size_t w = 0; w < d->nwords; w++) {
		const pr_word *pw = &d->words[w];
		wflag[w] = pw->kp;
		wrule[w] = cjk ? 0 : word_rule(&rules, pw);
		wcount[w] = 0;
	}
	if (cjk) {
		/* every character is asked about */
		rc = cjk_keyphrases(d, wflag, lang, strcmp(d->lang->code, "ja") == 0);
		goto out;
	}
	/* PositionRank (Florescu & Caragea 2017): the random surfer jumps to
	 * a word by how early it occurs, each occurrence weighing 1 / sqrt(its
	 * place among the candidate words); their 1 / place let the first
	 * sentence crowd out the rest (share of key phrases found in the eval
	 * references: 48.7% against 50.2%). By term in nscore first. */
	double place = 0;
	memset(nscore, 0, nt * sizeof *nscore);
	pair_batch batch; /* a table's pairs waiting (a list's go to it at once) */
	batch.n = 0;
	/* one pass over the tokens, a sentence at a time: its candidates,
	 * kept for the phrases (below), then what they weigh and what they
	 * co-occur with */
	size_t ncands = 0;
	for (size_t s = 0; s < d->nsents; s++) {
		const pr_sent *st = &d->sents[s];
		uint32_t end = st->tok + st->ntok;
		uint32_t *sat = at + ncands;
		uint32_t nat = mark_candidates(d, wflag, wcount, cand, &rules, s, sat);
		sent_cands[s] = nat;
		ncands += nat;
		if (E.list) {
			/* room for all the sentence's pairs at most; the list's
			 * end apart, as a key written could be E.n as far as the
			 * compiler knows (both are 64-bit integers) */
			if (reserve_pairs(&E, (WINDOW - 1) * (size_t)nat)) {
				rc = PRECIS_ENOMEM;
				goto out;
			}
			pair *list = E.p;
			size_t listed = E.n;
			for (uint32_t c = 0; c < nat; c++) {
				place += 1;
				nscore[d->toks[sat[c]].term] += 1.0 / sqrt(place);
				listed = window_pairs(d, cand, list, listed, sat[c], end);
			}
			E.n = listed;
			continue;
		}
		for (uint32_t c = 0; c < nat; c++) {
			place += 1;
			nscore[d->toks[sat[c]].term] += 1.0 / sqrt(place);
			if (batch.n > PAIR_BATCH - (WINDOW - 1) && flush_pairs(&E, &batch)) {
				rc = PRECIS_ENOMEM;
				goto out;
			}
			batch.n = window_pairs(d, cand, batch.e, batch.n, sat[c], end);
		}
		if (batch.n >= PAIR_BATCH / 2 && flush_pairs(&E, &batch)) {
			rc = PRECIS_ENOMEM;
			goto out;
		}
	}
	if (!E.list && flush_pairs(&E, &batch)) {
		rc = PRECIS_ENOMEM;
		goto out;
	}
	at[ncands] = UINT32_MAX; /* past every sentence (sentence_phrases()) */
	cand[d->ntoks] = 0;      /* no part of a compound (word_end()) */
	P.wcount = wcount;
	/* the candidate terms are the linked ones, idx[0..ncand) */
	links L;
	if ((rc = word_links(d, &E, idx, &ncand, &L)))
		goto out;
	/* a graph that pr_kp_rank_words() would lay out for its steps is
	 * laid out so from the links, without being made */
	word_rows R;
	int rows = ncand > 0 && ncand <= PR_LARGE_GRAPH;
	if (rows)
		rc = word_rows_links(&R, &L, ncand) ? PRECIS_ENOMEM : PRECIS_OK;
	else if (ncand)
		rc = word_csr(d, &L, ncand, &g);
	pr_free_raw(L.e);
	pr_free_raw(L.wsum);
	if (rc)
		goto out;
	/* ranked as one graph over all terms, the unlinked ones standing
	 * apart; only the linked ones' scores are ever read */
	if (ncand) {
		double *jump = score; /* as scratch, by node */
		double total = 0;
		for (size_t k = 0; k < ncand; k++) {
			nscore[k] = nscore[idx[k]]; /* idx[k] >= k */
			total += nscore[k];
		}
		for (size_t k = 0; k < ncand; k++)
			jump[k] = nscore[k] / total;
		if (rows)
			word_rank_rows(nscore, &R, jump);
		else if ((rc = pr_kp_rank_words(nscore, &g, jump)))
			goto out;
		memset(score, 0, nt * sizeof *score); /* names hold unlinked words */
	}
	for (size_t k = 0; k < ncand; k++)
		score[idx[k]] = nscore[k];

	/* the better half of the candidate terms (at least five) are key words */
	memset(key, 0, nt);
	if (ncand == 0)
		goto out;
	{
		scored *sc = pr_malloc_raw(2 * ncand * sizeof *sc); /* and scratch */
		if (!sc) {
			rc = PRECIS_ENOMEM;
			goto out;
		}
		for (size_t r = 0; r < ncand; r++) {
			sc[r].score = nscore[r]; /* score[idx[r]] */
			sc[r].term = idx[r];
		}
		size_t k = ncand / 2;
		if (k < 5)
			k = ncand < 5 ? ncand : 5;
		select_best(sc, ncand, k, sc + ncand);
		/* and only a key word's count as a phrase of its own is ever
		 * read (add_single(), fold_tallies()): only those are zeroed */
		for (size_t r = 0; r < k; r++) {
			key[sc[r].term] = 1;
			P.one[sc[r].term].count = 0;
			P.one[sc[r].term].shown_count = 0; /* count_single() */
			P.one[sc[r].term].sent = UINT32_MAX;
			P.one[sc[r].term].first = UINT32_MAX;
			idx[r] = sc[r].term; /* the key words, for fold_tallies() */
		}
		nkeys = k;
		pr_free_raw(sc);
		/* an article has about as many phrases of several words as
		 * key words, a book more but about one for 24 tokens (77,000
		 * in 1.8 million): room for as many, whichever is more, under
		 * half full */
		P.first = pow2_at_least(2 * k > d->ntoks / 12 ? 2 * k : d->ntoks / 12);
	}

	/* phrases, one entry per distinct sequence of stems */
	for (size_t s = 0, c = 0; s < d->nsents; c += sent_cands[s++])
		if ((rc = sentence_phrases(d, &P, cand, key, wflag, (uint32_t)s, 1, at + c,
		                           sent_cands[s])))
			goto out;
	flush_singles(d, &P);
	if (flush_phrases(d, &P) || fold_tallies(&P, idx, nkeys)) {
		rc = PRECIS_ENOMEM;
		goto out;
	}
	/* TextRank alone ranks a word met once near one met five times:
	 * what recurs is what the text is about */
	/* what is met once counts only at the head of the text (a word in
	 * the first two sentences, title and lead or lead; a phrase of
	 * several words in the title) or as a name: the rest never go on the
	 * heap that gives them best first (keyphrase.h) */
	int title = has_title(d);
	/* no more than there are phrases, so that the sizes below cannot
	 * wrap: a caller may ask for SIZE_MAX */
	size_t nph = 0, want = d->opts.keywords < P.n ? d->opts.keywords : P.n;
	/* the heap, then the list's scores and phrases (below): one
	 * allocation, the doubles first */
	order = pr_malloc_raw((P.n + 1) * sizeof *order +
	                      (want + 1) * (sizeof(double) + sizeof(uint32_t)));
	if (!order) {
		rc = PRECIS_ENOMEM;
		goto out;
	}
	/* which go is as random as the words: each phrase is written, and
	 * kept (nph moves on) only when it goes, then those are scored */
	for (size_t k = 0; k < P.n; k++) {
		const phrase *p = &P.ph[k];
		unsigned several = p->nwords > 1;
		unsigned head = (several & (unsigned)(p->sent == 0) & (unsigned)title) |
		                (!several & (unsigned)(p->sent <= 1));
		order[nph].id = (uint32_t)k;
		nph += (unsigned)(p->count >= 2) | p->name | head;
	}
	for (size_t m = 0; m < nph; m++) {
		pr_kp_order *o = &order[m];
		phrase *p = &P.ph[o->id];
		p->score = keyphrase_score(score, p);
		o->score = p->score;
		o->sent = p->sent;
		o->first = p->first;
		o->len = p->nterms;
	}
	pr_kp_heapify(order, nph);

	d->keywords = pr_alloc(&d->arena, (want + 1) * sizeof *d->keywords);
	if (!d->keywords) {
		rc = PRECIS_ENOMEM;
		goto out;
	}
	/* the scores of the places in the list, and the phrases in them */
	double *rank = (double *)(void *)(order + P.n + 1);
	uint32_t *chosen = (uint32_t *)(void *)(rank + want + 1);
	size_t nchosen = 0;
	const phrase *ph = P.ph;
	while (nph > 0 && nchosen < want) {
		size_t m, k = pr_kp_pop(order, &nph); /* the next best */
		/* "Minister" alone says nothing */
		if (ph[k].nterms == 1 && (d->toks[ph[k].shown_first].flags & PR_TOK_UPPER) &&
		    (wflag[d->toks[ph[k].shown_first].word] & W_TITLE))
			continue;
		/* "Lavrov" adds nothing once "Sergey Lavrov" is listed */
		for (m = 0; m < nchosen && !contained(&ph[k], &ph[chosen[m]]); m++)
			;
		if (m < nchosen)
			continue;
		/* "Sergey Lavrov" after "Lavrov": in its place when it is how
		 * the word mostly occurs or the word is only ever a name ("Kim"
		 * -> "Kim Jong Un"); else listed too ("Alpine towns" after
		 * "towns"). A phrase holding a listed phrase takes its place
		 * when it is as frequent, give or take a half, and only
		 * repeats it if not. */
		int listed = 0;
		for (m = 0; m < nchosen && !listed; m++) {
			const phrase *q = &ph[chosen[m]];
			if (!contained(q, &ph[k]))
				continue;
			if (2 * ph[k].count >= q->count ||
			    (ph[k].name && q->nwords == 1 &&
			     !(wflag[d->toks[q->shown_first].word] & W_LOWER))) {
				chosen[m] = (uint32_t)k;
				listed = 1;
				/* and what else it holds goes: "Steve" after
				 * "McClaren" became "Steve McClaren" */
				size_t to = m + 1;
				for (size_t r = m + 1; r < nchosen; r++) {
					if (contained(&ph[chosen[r]], &ph[k]))
						continue;
					rank[to] = rank[r];
					chosen[to++] = chosen[r];
				}
				nchosen = to;
			} else if (q->nwords > 1) {
				listed = 1;
			}
		}
		if (listed)
			continue;
		rank[nchosen] = ph[k].score;
		chosen[nchosen++] = (uint32_t)k;
	}
	for (size_t m = 0; m < nchosen; m++) {
		const phrase *p = &ph[chosen[m]];
		if ((rc = emit(d, m, p->shown_sent, d->toks[p->shown_first].start,
		               d->toks[p->shown_last].end, rank[m] / rank[0], 1)))
			goto out;
	}
	d->nkeywords = nchosen;
out:
	pr_free_raw(block);
	pr_free_raw(E.p);
	pr_free_raw(P.slot);
	pr_free_raw(P.ph);
	pr_free_raw(P.tl);
	pr_free_raw(order);
	return rc;
}
