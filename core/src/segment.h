/* segment.h: from bytes to prose sentences.
 *
 * block.c reads the input as plain text or Markdown and yields the prose
 * blocks (paragraphs, headings, list items, block quotes), each as "clean"
 * text: inline markup removed, hard-wrapped lines joined with one space, CR
 * and CRLF read as line ends, a BOM skipped, invalid bytes read as U+FFFD,
 * plus a map from every clean byte back to the caller's byte.
 *
 * sentence.c splits one block's clean text into sentences the way a careful
 * editor would, and records each as input offsets plus its display text.
 */
#ifndef PRECIS_SEGMENT_H
#define PRECIS_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "lang.h"
#include "precis.h"

typedef enum pr_block_kind {
	PR_BLOCK_PARAGRAPH = 0,
	PR_BLOCK_HEADING = 1,
	PR_BLOCK_LIST_ITEM = 2,
	PR_BLOCK_QUOTE = 3
} pr_block_kind;

/* A sentence that ends without a full stop of its own, cut where the next
 * one plainly begins (sentence.c): a caption or byline run into the text
 * ("...banned from driving The brother of ..."), or a site's boilerplate
 * glued to it ("Copy this linkLandlords who..."). */
#define PR_CUT_RUNON 1
#define PR_CUT_BOILERPLATE 2

/* One sentence. The segmenter fills the first group of fields; later stages
 * fill the rest. */
typedef struct pr_sent {
	size_t start, end;     /* [start, end) in the caller's bytes */
	const char *text;      /* display text, NUL-terminated, in the arena */
	uint32_t len;          /* strlen(text) */
	uint32_t block;        /* index of its block, in document order */
	uint8_t kind;          /* pr_block_kind of its block */
	uint8_t level;         /* heading level 1-6, 0 otherwise */
	uint8_t cut;           /* PR_CUT_*: how the sentence ends, when not at
	                          its own terminal punctuation */

	/* tokens (token.c) */
	uint32_t tok, ntok;    /* range in pr_doc.toks */
	uint32_t nwords;       /* words (for --words budgets) */
	/* ranking and selection (rank.c, select.c) */
	double score;
	uint32_t rank;         /* 1 = best */
	uint8_t selected;
} pr_sent;

/* The result of segmentation: sentences in document order. */
typedef struct pr_segmentation {
	pr_vec sents;          /* of pr_sent */
	uint32_t nblocks;      /* prose blocks seen */
	precis_format format;  /* PLAIN or MARKDOWN, after auto-detection */
} pr_segmentation;

/* Segment text[0..len). Invalid UTF-8 must already have been refused unless
 * replace_invalid is set; either way decoding never fails (see utf8.h).
 * Returns PRECIS_OK or PRECIS_ENOMEM. Everything is allocated in `a`. */
int pr_segment(pr_segmentation *out, pr_arena *a, const char *text, size_t len,
               precis_format format, const pr_lang *lang);

/* Does the text look like Markdown (headings, lists, emphasis, links, fences)? */
int pr_looks_like_markdown(const char *text, size_t len);

/* Lower-level pieces, exposed for the unit tests. */

/* One prose block: clean text and, for each clean byte, the caller's offset. */
typedef struct pr_block {
	const char *text;      /* clean text (not NUL-terminated) */
	size_t len;
	const uint32_t *map;   /* map[i] = input offset of clean byte i, or
	                          NULL when the clean text is the input's own
	                          bytes from base on */
	pr_block_kind kind;
	uint8_t level;
	size_t base;
} pr_block;

/* The input offset of clean byte i of b. */
static inline size_t pr_block_offset(const pr_block *b, size_t i)
{
	return b->map ? b->map[i] : b->base + i;
}

/* Called for each prose block in order; return non-zero to stop with that
 * status. The block's memory is only valid during the call. */
typedef int (*pr_block_fn)(void *ctx, const pr_block *block);

/* Read the input's prose blocks (block.c). */
int pr_blocks(const char *text, size_t len, precis_format format,
              pr_block_fn fn, void *ctx);

/* Split one block into sentences and append them to out (sentence.c). */
int pr_split_block(pr_segmentation *out, pr_arena *a, const pr_block *block,
                   uint32_t block_index, const pr_lang *lang);

#endif
