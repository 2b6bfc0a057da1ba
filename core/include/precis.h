/*
 * precis.h: the whole public interface of libprecis.
 *
 * precis finds the sentences that carry a text (TextRank: a sparse
 * sentence-similarity graph ranked with PageRank), its key phrases and a
 * short headline, and reports every sentence's byte offsets, score and rank
 * so that callers can point back into their own text.
 *
 * Conventions, once for the whole header:
 *
 *  - Every exported name starts with precis_ or PRECIS_.
 *  - Functions that can fail return a precis_status: PRECIS_OK (0) or a
 *    negative code; precis_strerror() turns a code into a static message.
 *    Out-parameters come first and are written only on success.
 *  - Input text is (const char *, size_t) and never needs a terminating NUL.
 *    The library never keeps a pointer to the caller's text after a call
 *    returns: everything a document reports is copied into the document.
 *  - Byte offsets are 0-based and always refer to the caller's bytes, even
 *    when invalid UTF-8 is replaced, a BOM is skipped or lines end in CRLF.
 *  - Memory: a precis_doc is released with precis_doc_free(); strings the
 *    convenience functions return are released with precis_free(), never with
 *    libc free(). Strings returned by precis_doc_* getters are borrowed: they
 *    are NUL-terminated, UTF-8, and live exactly as long as the document.
 *    Every free function accepts NULL.
 *  - The library never prints, never exits and never aborts. It keeps no
 *    global mutable state: documents may be built on several threads at once.
 *  - A document is immutable once built; getters may be called from several
 *    threads at once.
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <stddef.h>

#include "precis_version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && !defined(PRECIS_STATIC)
#  ifdef PRECIS_BUILDING
#    define PRECIS_EXPORT __declspec(dllexport)
#  else
#    define PRECIS_EXPORT __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define PRECIS_EXPORT __attribute__((visibility("default")))
#else
#  define PRECIS_EXPORT
#endif

/* ------------------------------------------------------------------------ */
/* Status codes                                                              */

typedef enum precis_status {
	PRECIS_OK = 0,
	PRECIS_ENOMEM = -1,   /* an allocation failed; nothing leaked */
	PRECIS_EINVAL = -2,   /* a NULL pointer or an option out of range */
	PRECIS_EUTF8 = -3,    /* the input is not valid UTF-8 */
	PRECIS_EVERSION = -4, /* options->version is not one this library knows */
	PRECIS_ELANG = -5,    /* the requested language is not supported */
	PRECIS_ETOOBIG = -6,  /* the input is larger than options->max_bytes */
	PRECIS_ERANGE = -7    /* an index is out of range */
} precis_status;

/* A static, English, lower-case message for a status code ("invalid UTF-8").
 * Unknown codes give "unknown error". Never NULL. */
PRECIS_EXPORT const char *precis_strerror(int status);

/* ------------------------------------------------------------------------ */
/* Version                                                                   */

/* The library's version as "MAJOR.MINOR.PATCH" (static storage). Compare it
 * with PRECIS_VERSION_STRING to detect a header/library mismatch. */
PRECIS_EXPORT const char *precis_version(void);

/* The same as a number: MAJOR * 10000 + MINOR * 100 + PATCH. */
PRECIS_EXPORT int precis_version_number(void);

/* ------------------------------------------------------------------------ */
/* Options                                                                   */

/* How the input is read. */
typedef enum precis_format {
	PRECIS_FORMAT_AUTO = 0,     /* Markdown if it looks like Markdown, else plain */
	PRECIS_FORMAT_PLAIN = 1,    /* paragraphs separated by blank lines */
	PRECIS_FORMAT_MARKDOWN = 2  /* CommonMark blocks; code, tables, HTML,
	                               front matter are never summarized */
} precis_format;

/* How two sentences are compared when the graph is built. */
typedef enum precis_similarity {
	PRECIS_SIM_TEXTRANK = 0, /* Mihalcea & Tarau 2004: shared terms over
	                            log |S1| + log |S2| */
	PRECIS_SIM_BM25 = 1,     /* Barrios et al. 2016: BM25 weights, symmetrised */
	PRECIS_SIM_COSINE = 2    /* cosine of TF-IDF vectors */
} precis_similarity;

/* Flags: bits of precis_options.flags. */
#define PRECIS_FLAG_REPLACE_INVALID 0x1u /* read invalid UTF-8 as U+FFFD
                                            instead of failing */
#define PRECIS_FLAG_HEADLINE_TOPICS 0x4u /* fill what the compressed lead
                                            leaves of the headline with key
                                            phrases, after a semicolon, in
                                            the manner of Topiary ("Lavrov
                                            passed message; North Korea"):
                                            scores better on headline
                                            benchmarks, reads less well */
#define PRECIS_FLAG_ORDER_BY_SCORE 0x2u  /* selected sentences best first,
                                            not in document order */
#define PRECIS_FLAG_HEADLINE_NO_LABEL 0x8u /* no topic label before an
                                            English headline ("Hurricane
                                            Mitch: Rescue teams ..."): the
                                            compressed sentence alone */

/* The version of precis_options this header describes. Fields are only ever
 * appended; a caller built against an older header passes its older version
 * and gets defaults for the fields it does not know. */
#define PRECIS_OPTIONS_VERSION 2

/* Options for precis_doc_new() and the convenience functions. Initialise
 * with PRECIS_OPTIONS_INIT (or pass NULL for every default), then set what
 * you need. A zero in a numeric field means "the default". */
typedef struct precis_options {
	unsigned int version;     /* PRECIS_OPTIONS_VERSION */
	unsigned int flags;       /* PRECIS_FLAG_* */

	/* Budget. Each non-zero field is a limit and all of them apply; when none
	 * is set the summary is 3 sentences. Sentences are never cut. */
	size_t sentences;         /* at most this many sentences */
	double ratio;             /* at most this share of the sentences, in (0, 1];
	                             at least one sentence */
	size_t words;             /* at most this many words in all */
	size_t bytes;             /* at most this many bytes of sentence text */

	const char *lang;         /* "en", ... or NULL / "auto" to detect */
	precis_format format;
	precis_similarity similarity;

	double damping;           /* PageRank damping, in (0, 1); default 0.85 */
	double tolerance;         /* PageRank stops when the L1 change falls
	                             below this; default 1e-6 */
	unsigned int max_iterations; /* PageRank iteration cap; default 100 */

	size_t headline_bytes;    /* headline length limit; default 75 */
	size_t keywords;          /* how many key phrases at most; default 10 */
	size_t max_bytes;         /* refuse larger input with PRECIS_ETOOBIG;
	                             default 1 GiB, at most 4 GiB - 1 */

	/* Version 2 */
	size_t headline_chars;    /* headline length limit in characters (code
	                             points), on top of headline_bytes; 0: none.
	                             For text without spaces (Chinese, Japanese),
	                             where a limit in bytes means little */
} precis_options;

#define PRECIS_OPTIONS_INIT \
	{ PRECIS_OPTIONS_VERSION, 0u, 0, 0.0, 0, 0, NULL, PRECIS_FORMAT_AUTO, \
	  PRECIS_SIM_TEXTRANK, 0.0, 0.0, 0u, 0, 0, 0, 0 }

/* Initialise *opts to the defaults (the same as PRECIS_OPTIONS_INIT). */
PRECIS_EXPORT void precis_options_init(precis_options *opts);

/* ------------------------------------------------------------------------ */
/* Documents                                                                 */

typedef struct precis_doc precis_doc;

/* Read `len` bytes of `text`, split them into sentences, rank them, select
 * the summary, find key phrases and a headline, all in one call.
 *
 * On success *out is a new document that the caller frees with
 * precis_doc_free(). On failure *out is left alone and the status says why:
 *   PRECIS_EINVAL   out is NULL, text is NULL with len > 0, or an option is
 *                   out of range (ratio outside (0, 1], damping outside (0, 1));
 *   PRECIS_EUTF8    invalid UTF-8 and PRECIS_FLAG_REPLACE_INVALID not set
 *                   (precis_utf8_check() tells where);
 *   PRECIS_ELANG    opts->lang names a language precis does not know;
 *   PRECIS_ETOOBIG  len > opts->max_bytes;
 *   PRECIS_EVERSION opts->version is 0 or newer than this library;
 *   PRECIS_ENOMEM.
 * Empty input, or input with no prose, gives a document with no sentences. */
PRECIS_EXPORT int precis_doc_new(precis_doc **out, const char *text, size_t len,
                                 const precis_options *opts);

/* Release a document and everything it returned. NULL is a no-op. */
PRECIS_EXPORT void precis_doc_free(precis_doc *doc);

/* The language the document was read as ("en"): static storage. */
PRECIS_EXPORT const char *precis_doc_language(const precis_doc *doc);

/* The format it was read as: PRECIS_FORMAT_PLAIN or PRECIS_FORMAT_MARKDOWN. */
PRECIS_EXPORT precis_format precis_doc_format(const precis_doc *doc);

/* Sentences, every one of them, in document order (index 0 first). */
PRECIS_EXPORT size_t precis_doc_sentence_count(const precis_doc *doc);

/* Byte offsets of sentence i in the caller's text: [start, end). The range
 * covers the sentence from its first to its last character, markup included
 * (a "**bold**" sentence starts at the first '*'). 0 if i is out of range. */
PRECIS_EXPORT size_t precis_doc_sentence_start(const precis_doc *doc, size_t i);
PRECIS_EXPORT size_t precis_doc_sentence_end(const precis_doc *doc, size_t i);

/* The sentence as a reader sees it: inline markup removed, hard-wrapped lines
 * joined with one space, invalid bytes replaced by U+FFFD. Borrowed. If len is
 * not NULL it receives the length in bytes. NULL if i is out of range. */
PRECIS_EXPORT const char *precis_doc_sentence_text(const precis_doc *doc,
                                                   size_t i, size_t *len);

/* The sentence's PageRank score; the scores of a document sum to 1. */
PRECIS_EXPORT double precis_doc_sentence_score(const precis_doc *doc, size_t i);

/* 1 for the best sentence, 2 for the next, ...; ties go to the earlier
 * sentence. 0 if i is out of range. */
PRECIS_EXPORT size_t precis_doc_sentence_rank(const precis_doc *doc, size_t i);

/* 1 if sentence i is part of the summary, else 0. */
PRECIS_EXPORT int precis_doc_sentence_selected(const precis_doc *doc, size_t i);

/* The summary: how many sentences were selected, and the sentence index of the
 * k-th in output order (document order, or best first with
 * PRECIS_FLAG_ORDER_BY_SCORE). precis_doc_selected() returns (size_t)-1 if k is
 * out of range. */
PRECIS_EXPORT size_t precis_doc_selected_count(const precis_doc *doc);
PRECIS_EXPORT size_t precis_doc_selected(const precis_doc *doc, size_t k);

/* Key phrases, best first, in the surface form of their first occurrence
 * ("Sergey Lavrov"). Scores are in (0, 1], the best phrase scoring 1. */
PRECIS_EXPORT size_t precis_doc_keyword_count(const precis_doc *doc);
PRECIS_EXPORT const char *precis_doc_keyword(const precis_doc *doc, size_t k,
                                             size_t *len);
PRECIS_EXPORT double precis_doc_keyword_score(const precis_doc *doc, size_t k);

/* The headline: at most opts->headline_bytes bytes, ending on a whole word.
 * Borrowed; "" when the document has no sentences. */
PRECIS_EXPORT const char *precis_doc_headline(const precis_doc *doc, size_t *len);

/* ------------------------------------------------------------------------ */
/* One-call convenience                                                      */

/* The summary as text: the selected sentences, one per line, each ending in
 * "\n". *out is NUL-terminated and freed with precis_free(); *out_len (if not
 * NULL) receives its length. Errors as precis_doc_new(). */
PRECIS_EXPORT int precis_summarize_text(char **out, size_t *out_len,
                                        const char *text, size_t len,
                                        const precis_options *opts);

/* The headline as a new string (no newline), freed with precis_free(). */
PRECIS_EXPORT int precis_headline_text(char **out, size_t *out_len,
                                       const char *text, size_t len,
                                       const precis_options *opts);

/* Release a string returned by this library. NULL is a no-op. */
PRECIS_EXPORT void precis_free(void *p);

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

/* PRECIS_OK if text[0..len) is valid UTF-8 (no overlong forms, surrogates or
 * code points above U+10FFFF); otherwise PRECIS_EUTF8, and if bad_offset is
 * not NULL it receives the offset of the first byte that is not part of a
 * valid sequence. */
PRECIS_EXPORT int precis_utf8_check(const char *text, size_t len,
                                    size_t *bad_offset);

/* The languages this build knows, as a NULL-terminated array of codes
 * ("en", ...) in static storage. */
PRECIS_EXPORT const char *const *precis_languages(void);

#ifdef __cplusplus
}
#endif

#endif /* PRECIS_H */
