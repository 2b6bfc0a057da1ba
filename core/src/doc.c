/* doc.c: precis_doc_new runs the pipeline; the getters read its result. */
#include "doc.h"
#include "alloc.h"
#include "stages.h"
#include "utf8.h"

#include <math.h>
#include <string.h>
#include <time.h>

#define DEFAULT_SENTENCES 3
#define DEFAULT_DAMPING 0.85
#define DEFAULT_TOLERANCE 1e-6
#define DEFAULT_ITERATIONS 100u
#define DEFAULT_HEADLINE_BYTES 75
#define DEFAULT_KEYWORDS 10
#define DEFAULT_MAX_BYTES ((size_t)1 << 30)
#define HARD_MAX_BYTES ((size_t)UINT32_MAX - 1)
#define ARENA_PER_BYTE 28
/* The stages' scratch (doc.h) needs some five bytes a byte of text at
 * most, on an article; a book's larger arrays are malloc'd on their own
 * (arena.h). */
#define SCRATCH_PER_BYTE 8
#define SCRATCH_MIN (16 * 1024)
#define SCRATCH_MAX (256 * 1024)

const char *precis_strerror(int status)
{
	switch (status) {
	case PRECIS_OK: return "success";
	case PRECIS_ENOMEM: return "out of memory";
	case PRECIS_EINVAL: return "invalid argument";
	case PRECIS_EUTF8: return "invalid UTF-8";
	case PRECIS_EVERSION: return "unsupported options version";
	case PRECIS_ELANG: return "unsupported language";
	case PRECIS_ETOOBIG: return "input too large";
	case PRECIS_ERANGE: return "index out of range";
	default: return "unknown error";
	}
}

const char *precis_version(void)
{
	return PRECIS_VERSION_STRING;
}

int precis_version_number(void)
{
	return PRECIS_VERSION_NUMBER;
}

void precis_options_init(precis_options *opts)
{
	if (opts) {
		precis_options init = PRECIS_OPTIONS_INIT;
		*opts = init;
	}
}

/* Copy the caller's options, fill defaults and check ranges. */
static int resolve_options(precis_options *o, const precis_options *in)
{
	precis_options_init(o);
	if (in) {
		if (in->version == 0 || in->version > PRECIS_OPTIONS_VERSION)
			return PRECIS_EVERSION;
		/* an older caller's struct ends before the fields it did not know */
		if (in->version == 1)
			memcpy(o, in, offsetof(precis_options, headline_chars));
		else
			*o = *in;
	}
	if (o->ratio < 0.0 || o->ratio > 1.0 || isnan(o->ratio))
		return PRECIS_EINVAL;
	if (o->damping == 0.0)
		o->damping = DEFAULT_DAMPING;
	if (!(o->damping > 0.0 && o->damping < 1.0))
		return PRECIS_EINVAL;
	if (o->tolerance == 0.0)
		o->tolerance = DEFAULT_TOLERANCE;
	if (!(o->tolerance > 0.0))
		return PRECIS_EINVAL;
	if (o->max_iterations == 0)
		o->max_iterations = DEFAULT_ITERATIONS;
	if (o->headline_bytes == 0)
		o->headline_bytes = DEFAULT_HEADLINE_BYTES;
	if (o->keywords == 0)
		o->keywords = DEFAULT_KEYWORDS;
	if (o->max_bytes == 0)
		o->max_bytes = DEFAULT_MAX_BYTES;
	if (o->max_bytes > HARD_MAX_BYTES)
		o->max_bytes = HARD_MAX_BYTES;
	if (!o->sentences && o->ratio == 0.0 && !o->words && !o->bytes)
		o->sentences = DEFAULT_SENTENCES;
	if (o->format != PRECIS_FORMAT_AUTO && o->format != PRECIS_FORMAT_PLAIN &&
	    o->format != PRECIS_FORMAT_MARKDOWN)
		return PRECIS_EINVAL;
	if (o->similarity != PRECIS_SIM_TEXTRANK && o->similarity != PRECIS_SIM_BM25 &&
	    o->similarity != PRECIS_SIM_COSINE)
		return PRECIS_EINVAL;
	if (o->flags & ~(PRECIS_FLAG_REPLACE_INVALID | PRECIS_FLAG_ORDER_BY_SCORE |
	                 PRECIS_FLAG_HEADLINE_TOPICS |
	                 PRECIS_FLAG_HEADLINE_NO_LABEL))
		return PRECIS_EINVAL;
	return PRECIS_OK;
}

/* A plain text that opens with a title ("Alpine towns to share fund", alone
 * in its paragraph, short, no closing full stop) reads it as a heading:
 * it is then the headline, and not a sentence of the summary. */
static void mark_title(precis_doc *d)
{
	if (d->nsents < 2 || d->format != PRECIS_FORMAT_PLAIN)
		return;
	pr_sent *s = d->sents;
	if (s[1].block == s[0].block || s[0].len == 0 || s[0].len > 150 || s[0].nwords < 2)
		return;
	if (strchr(".!?:;,\"'", s[0].text[s[0].len - 1]))
		return;
	s[0].kind = PR_BLOCK_HEADING;
	s[0].level = 1;
}

static double now_ms(void)
{
	struct timespec t;
	timespec_get(&t, TIME_UTC);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* With ms == NULL (every caller but the benchmark) no clock is read. */
#define STAGE(k, call)                                  \
	do {                                                \
		double t0_ = ms ? now_ms() : 0.0;               \
		rc = (call);                                    \
		if (ms)                                         \
			ms[k] += now_ms() - t0_;                    \
		if (rc)                                         \
			return rc;                                  \
	} while (0)

static int build(precis_doc *d, const char *text, size_t len, double *ms)
{
	pr_segmentation seg;
	int rc;
	STAGE(PR_STAGE_SEGMENT,
	      pr_segment(&seg, &d->arena, text, len, d->opts.format, d->lang));
	d->format = seg.format;
	d->sents = seg.sents.data;
	d->nsents = seg.sents.len;

	STAGE(PR_STAGE_TOKENIZE, pr_tokenize(d));
	mark_title(d);
	pr_graph g;
	STAGE(PR_STAGE_GRAPH, pr_graph_build(&g, d, d->opts.similarity));
	STAGE(PR_STAGE_RANK, pr_rank(d, &g));
	STAGE(PR_STAGE_SELECT, pr_select(d));
	STAGE(PR_STAGE_KEYPHRASE, pr_keyphrases(d));
	STAGE(PR_STAGE_HEADLINE, pr_headline(d));
	return PRECIS_OK;
}

int precis_doc_new(precis_doc **out, const char *text, size_t len,
                   const precis_options *opts)
{
	return pr_doc_new_timed(out, text, len, opts, NULL);
}

int pr_doc_new_timed(precis_doc **out, const char *text, size_t len,
                     const precis_options *opts, double *ms)
{
	if (!out || (!text && len))
		return PRECIS_EINVAL;
	precis_options o;
	int rc = resolve_options(&o, opts);
	if (rc)
		return rc;
	if (len > o.max_bytes)
		return PRECIS_ETOOBIG;
	const pr_lang *lang;
	if (!o.lang || strcmp(o.lang, "auto") == 0)
		lang = pr_lang_detect(text, len);
	else if (!(lang = pr_lang_find(o.lang)))
		return PRECIS_ELANG;
	if (!(o.flags & PRECIS_FLAG_REPLACE_INVALID) && pr_utf8_validate(text, len) != len)
		return PRECIS_EUTF8;
	if (!text)
		text = "";

	precis_doc *d = pr_malloc_raw(sizeof *d);
	if (!d)
		return PRECIS_ENOMEM;
	memset(d, 0, sizeof *d);
	/* a document's arena ends up holding some twenty bytes per byte of
	 * text, a little more for a short one: one chunk of 28 serves a news
	 * article whole (test_alloc.c, article_arena_is_one_chunk), where
	 * chunks of 64 and 128 KiB took two allocations and, freed, gave
	 * their pages back to be faulted in again by the next document */
	size_t scratch = len < (SCRATCH_MAX - SCRATCH_MIN) / SCRATCH_PER_BYTE
	                         ? SCRATCH_MIN + len * SCRATCH_PER_BYTE
	                         : SCRATCH_MAX;
	pr_arena_init_sized(&d->arena, len > (SIZE_MAX - scratch) / ARENA_PER_BYTE
	                                       ? SIZE_MAX
	                                       : len * ARENA_PER_BYTE + scratch);
	void *region = pr_alloc(&d->arena, scratch);
	if (!region) {
		precis_doc_free(d);
		return PRECIS_ENOMEM;
	}
	pr_scratch_init(&d->scratch, region, scratch);
	d->opts = o;
	d->opts.lang = NULL; /* never keep the caller's pointer */
	d->lang = lang;
	d->headline = "";
	rc = build(d, text, len, ms);
	if (rc) {
		precis_doc_free(d);
		return rc;
	}
	*out = d;
	return PRECIS_OK;
}

void precis_doc_free(precis_doc *doc)
{
	if (!doc)
		return;
	/* every stage gives its scratch back; should one not, its malloc'd
	 * blocks go here */
	pr_scratch_free(&doc->scratch);
	pr_arena_release(&doc->arena);
	pr_free_raw(doc);
}

const char *precis_doc_language(const precis_doc *doc)
{
	return doc ? doc->lang->code : "";
}

precis_format precis_doc_format(const precis_doc *doc)
{
	return doc ? doc->format : PRECIS_FORMAT_PLAIN;
}

size_t precis_doc_sentence_count(const precis_doc *doc)
{
	return doc ? doc->nsents : 0;
}

#define SENT(doc, i) ((doc) && (i) < (doc)->nsents ? &(doc)->sents[i] : NULL)

size_t precis_doc_sentence_start(const precis_doc *doc, size_t i)
{
	const pr_sent *s = SENT(doc, i);
	return s ? s->start : 0;
}

size_t precis_doc_sentence_end(const precis_doc *doc, size_t i)
{
	const pr_sent *s = SENT(doc, i);
	return s ? s->end : 0;
}

const char *precis_doc_sentence_text(const precis_doc *doc, size_t i, size_t *len)
{
	const pr_sent *s = SENT(doc, i);
	if (len)
		*len = s ? s->len : 0;
	return s ? s->text : NULL;
}

double precis_doc_sentence_score(const precis_doc *doc, size_t i)
{
	const pr_sent *s = SENT(doc, i);
	return s ? s->score : 0.0;
}

size_t precis_doc_sentence_rank(const precis_doc *doc, size_t i)
{
	const pr_sent *s = SENT(doc, i);
	return s ? s->rank : 0;
}

int precis_doc_sentence_selected(const precis_doc *doc, size_t i)
{
	const pr_sent *s = SENT(doc, i);
	return s ? s->selected : 0;
}

size_t precis_doc_selected_count(const precis_doc *doc)
{
	return doc ? doc->nsummary : 0;
}

size_t precis_doc_selected(const precis_doc *doc, size_t k)
{
	return doc && k < doc->nsummary ? doc->summary[k] : (size_t)-1;
}

size_t precis_doc_keyword_count(const precis_doc *doc)
{
	return doc ? doc->nkeywords : 0;
}

const char *precis_doc_keyword(const precis_doc *doc, size_t k, size_t *len)
{
	int ok = doc && k < doc->nkeywords;
	if (len)
		*len = ok ? doc->keywords[k].len : 0;
	return ok ? doc->keywords[k].text : NULL;
}

double precis_doc_keyword_score(const precis_doc *doc, size_t k)
{
	return doc && k < doc->nkeywords ? doc->keywords[k].score : 0.0;
}

const char *precis_doc_headline(const precis_doc *doc, size_t *len)
{
	if (len)
		*len = doc ? doc->headline_len : 0;
	return doc ? doc->headline : "";
}

/* ------------------------------------------------------------------------ */

static int dup_out(char **out, size_t *out_len, const char *s, size_t n)
{
	char *p = pr_malloc_raw(n + 1);
	if (!p)
		return PRECIS_ENOMEM;
	memcpy(p, s, n);
	p[n] = '\0';
	*out = p;
	if (out_len)
		*out_len = n;
	return PRECIS_OK;
}

int precis_summarize_text(char **out, size_t *out_len, const char *text,
                          size_t len, const precis_options *opts)
{
	if (!out)
		return PRECIS_EINVAL;
	precis_doc *d;
	int rc = precis_doc_new(&d, text, len, opts);
	if (rc)
		return rc;
	size_t total = 0;
	for (size_t k = 0; k < d->nsummary; k++)
		total += d->sents[d->summary[k]].len + 1;
	char *p = pr_malloc_raw(total + 1);
	if (!p) {
		precis_doc_free(d);
		return PRECIS_ENOMEM;
	}
	size_t at = 0;
	for (size_t k = 0; k < d->nsummary; k++) {
		const pr_sent *s = &d->sents[d->summary[k]];
		memcpy(p + at, s->text, s->len);
		at += s->len;
		p[at++] = '\n';
	}
	p[at] = '\0';
	precis_doc_free(d);
	*out = p;
	if (out_len)
		*out_len = at;
	return PRECIS_OK;
}

int precis_headline_text(char **out, size_t *out_len, const char *text,
                         size_t len, const precis_options *opts)
{
	if (!out)
		return PRECIS_EINVAL;
	precis_doc *d;
	int rc = precis_doc_new(&d, text, len, opts);
	if (rc)
		return rc;
	rc = dup_out(out, out_len, d->headline, d->headline_len);
	precis_doc_free(d);
	return rc;
}

void precis_free(void *p)
{
	pr_free_raw(p);
}
