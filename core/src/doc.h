/* doc.h: the document every stage reads and extends (see DESIGN.md: bytes ->
 * text -> lang -> rank -> select -> result). Internal; never installed. */
#ifndef PRECIS_DOC_H
#define PRECIS_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "lang.h"
#include "precis.h"
#include "segment.h"

#define PR_NO_TERM UINT32_MAX

/* Token flags */
#define PR_TOK_STOP 0x01   /* a stop word */
#define PR_TOK_NUM 0x02    /* starts with a digit */
#define PR_TOK_UPPER 0x04  /* starts with an upper-case letter */
#define PR_TOK_BREAK 0x08  /* punctuation other than a hyphen or apostrophe
                              separates it from the previous token */
#define PR_TOK_JOINED 0x10 /* glued to the previous token by a hyphen, slash
                              or apostrophe: "Korea-Russia" */

/* One word of a sentence. Offsets are into the sentence's display text. */
typedef struct pr_token {
	uint32_t start, end;
	uint32_t term;    /* stem id (index into pr_doc.terms), or PR_NO_TERM
	                     for stop words and tokens with no letter or digit */
	uint32_t word;    /* case-folded word id (index into pr_doc.words) */
	uint8_t flags;
} pr_token;

/* A stem: the unit the graphs count. */
typedef struct pr_term {
	const char *text; /* the stem, NUL-terminated */
	uint32_t len;
	uint32_t df;      /* how many sentences contain it */
} pr_term;

/* A case-folded word with its stem. */
typedef struct pr_word {
	const char *text;
	uint32_t len;
	uint32_t term;    /* PR_NO_TERM for stop words */
	uint8_t stop;
	uint8_t kp;       /* its key-phrase flags (PR_KP_*, lang.h) in the
	                     document's language, found when it is interned */
} pr_word;

typedef struct pr_keyword {
	const char *text; /* surface form, NUL-terminated */
	uint32_t len;
	double score;     /* best = 1 */
} pr_keyword;

struct precis_doc {
	pr_arena arena;
	precis_options opts;  /* with defaults filled in */
	const pr_lang *lang;
	precis_format format;

	pr_sent *sents;
	size_t nsents;
	pr_token *toks;
	size_t ntoks;
	pr_term *terms;
	size_t nterms;
	pr_word *words;
	size_t nwords;

	/* sentence -> its distinct terms, compressed rows (graph.c) */
	size_t *sterm_off;    /* nsents + 1 entries */
	uint32_t *sterm;      /* term ids, ascending within a sentence */
	uint32_t *stf;        /* how often each occurs in the sentence, or
	                         NULL where the graph had no use for it */
	size_t nedges;        /* undirected edges in the sentence graph */

	uint32_t *summary;    /* selected sentence indices, in output order */
	size_t nsummary;
	pr_keyword *keywords;
	size_t nkeywords;
	const char *headline;
	size_t headline_len;
	double *prior;        /* the sentence prior (prior.c) ranking used, or
	                         NULL when it ranked without one (rank.c) */
	size_t nprose;        /* sentences that are not headings (select.c), */
	int prose_known;      /* counted once the first stage asks */
	double *noisew;       /* each sentence's noise weight as the prior
	                         found it, -1 for a heading it did not weigh;
	                         NULL without a prior (prior.c) */
	pr_scratch scratch;   /* the stages' working arrays (arena.h), a
	                         region of the arena */
};

/* A link of a book's sentence graph: the later sentence and the weight,
 * in single precision (rank.c's sweeps read nothing finer). */
typedef struct pr_link {
	uint32_t j;
	float w;
} pr_link;

/* Links past a book's last that pr_rank may read (as hints, never as
 * links), all {0, 0}. */
#define PR_LINK_PAD 16

/* Sparse symmetric similarity graph in compressed rows. Row i lists the
 * neighbours of sentence i in col[row[i] .. row[i+1]) with weights w[].
 * A book's sentence graph (pr_graph_build, above PR_LARGE_DOC sentences)
 * is upper: row i lists only its neighbours j > i, each edge once, in
 * link[row[i] .. row[i+1]) (col and w are NULL), half the bytes for
 * Gauss-Seidel to read (rank.c); and wsum[i] is W(i), the total weight of
 * i's edges in double precision, added up as a symmetric row would: its
 * links from earlier sentences, by sentence, then its own. Only pr_rank
 * reads upper; every other reader takes the graph as symmetric. */
typedef struct pr_graph {
	size_t n;
	size_t *row;      /* n + 1 entries */
	uint32_t *col;
	double *w;
	int upper;
	pr_link *link;    /* upper: row[n] links, then PR_LINK_PAD more */
	double *wsum;     /* W(i) by row, added up in the row's order: the
	                     sentence graph (graph.c) and the key-word graph
	                     (keyphrase.c); else NULL */
} pr_graph;

/* Above this many sentences a document is a book: its graph is bounded
 * more tightly (graph.c), upper, and ranked by Gauss-Seidel (rank.c). */
#define PR_LARGE_DOC 1000

/* Other graphs (the key-word graph: a node per distinct stem) are ranked
 * by Gauss-Seidel only above this many nodes, which a news article's few
 * hundred stems never reach (rank.c; keyphrase.c's own power iteration
 * stops at the same size). */
#define PR_LARGE_GRAPH 5000

/* The stages, in order. Each returns PRECIS_OK or a negative status and
 * allocates only in doc->arena (plus scratch it gives back itself, in
 * doc->scratch or malloc'd). */
int pr_tokenize(precis_doc *doc);
int pr_sentence_terms(precis_doc *doc);
int pr_graph_build(pr_graph *g, precis_doc *doc, precis_similarity sim);
int pr_rank(precis_doc *doc, const pr_graph *g);
int pr_select(precis_doc *doc);
int pr_keyphrases(precis_doc *doc);
int pr_headline(precis_doc *doc);

/* PageRank by power iteration over a weighted undirected graph; writes n
 * scores that sum to 1. Exposed for the keyword graph and the tests. */
int pr_pagerank(double *score, const pr_graph *g, double damping,
                double tolerance, unsigned max_iterations);

/* The same with a teleport vector (n non-negative values summing to 1), or
 * NULL for the uniform one. */
int pr_pagerank_personal(double *score, const pr_graph *g, double damping,
                         double tolerance, unsigned max_iterations,
                         const double *teleport);

/* The same as pr_pagerank over a graph of g->n + isolated nodes of which
 * only the n linked ones are stored in g: node[i] (increasing) is node i's
 * place in the whole graph, the isolated ones fill the gaps. Scores the n
 * nodes of g exactly as the whole graph would; each isolated node has an
 * equal share of the rest. node may be NULL (the last bits may differ). */
int pr_pagerank_isolated(double *score, const pr_graph *g, double damping,
                         double tolerance, unsigned max_iterations, size_t isolated,
                         const uint32_t *node);

/* Sort idx[0..n) by key[idx[i]], largest first; stable, so equal keys keep
 * their incoming order. tmp has room for n entries. (rank.c) */
void pr_sort_desc(uint32_t *idx, uint32_t *tmp, size_t n, const double *key);

/* select.c: the order in which selection looks at the sentences for a
 * summary of at most limit: out[0..nsents) gets the sentences by worth,
 * largest first, equal worth in rank order. The first sort_after are found
 * one by one, weighing only the sentences that can come next; the rest are
 * weighed and sorted at once. Returns PRECIS_OK or PRECIS_ENOMEM. Exposed
 * for the tests. */
int pr_worth_order(const precis_doc *doc, size_t limit, size_t sort_after, uint32_t *out);

/* select.c: how short d's summary is beside its text, from 1 (at most 15%
 * of its prose sentences) to 0 (30% or more). */
double pr_summary_short(precis_doc *doc);

/* prior.c: fill teleport[0..nsents) with a prior over sentences (position,
 * noise) and return 1, or return 0 to rank without one; -1 when out of
 * memory. */
int pr_prior(precis_doc *doc, double *teleport);

/* prior.c: how much a sentence looks like noise rather than a statement
 * (bylines, datelines, captions, share and subscribe lines): 1 for a plain
 * statement, down to 0 for certain noise. The scan reads a table made
 * from its pattern lists (noise_lists.h: how far the scan may skip, and
 * which bytes may begin a sentence's pattern), made at build time
 * (pr_noise_table); pr_noise_pairs() makes the same at run time, for the
 * tests to compare. */
#define PR_NOISE_PAIRS 1024
void pr_noise_pairs(uint32_t pair[PR_NOISE_PAIRS]);
/* prior.c: the table, the same for every document and never NULL. */
const uint32_t *pr_noise_table(void);
double pr_noise_weight_with(const precis_doc *doc, size_t i,
                            const uint32_t pair[PR_NOISE_PAIRS]);
double pr_noise_weight(const precis_doc *doc, size_t i);

#endif
