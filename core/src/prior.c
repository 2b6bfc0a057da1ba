/* prior.c: what a sentence is worth before the graph has its say.
 *
 * The teleport vector of personalized PageRank (rank.c). Two things a reader
 * knows before reading closely:
 *
 *  - position: writers put the point first (news most of all, but reports,
 *    mail and notes too), so the random surfer lands on the k-th prose
 *    sentence with weight 1 / sqrt(k + 1): a gentle lean towards the lead
 *    that leaves the graph the last word on everything after it (texts of
 *    fewer than PRIOR_MIN_SENTENCES sentences get none). A summary that
 *    covers the text (30% of its sentences or more) leans half as much,
 *    1 / (k + 1)^0.25: its sentences stand all over the text, and where a
 *    sentence stands says less of whether it belongs (COVER_LEAN);
 *  - noise: bylines, datelines, captions, share and subscribe lines, print
 *    edition trailers are not statements of the text; the surfer lands on
 *    them in proportion to pr_noise_weight(), and select.c passes them over
 *    while anything else fits. Besides the patterns below, a sentence that
 *    sentence.c cut off where the next one ran into it is noise: a share
 *    or playback line glued to the story, or a caption (or a link, or a
 *    subheading) with no full stop of its own.
 */
#include "doc.h"
#include "noise_lists.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* A text of a few sentences has no lead to speak of: plain TextRank. */
#define PRIOR_MIN_SENTENCES 5

/* The position lean's exponent, 1/2 for a short summary, is this share of
 * it for one that covers the text, in proportion as the summary grows from
 * 15% to 30% of the text's sentences (pr_summary_short(), the span over
 * which select.c lets the lead's weight go and graph.c brings the cosine
 * in). bbc, 40% of each article: +0.30 R1, +0.37 R2, on both halves (42
 * documents better, 29 worse); any exponent from 0 to 0.35 gains 0.2 to
 * 0.6 there; fr-head +0.03, pt-sum (30%) +0.08 R1, -0.2 R2; the short
 * summaries and most headlines do not change. */
#define COVER_LEAN 0.5

static int lower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Does s[0..n) start with p (ASCII case-insensitive; p is lower case)? */
static int starts(const char *s, size_t n, const char *p)
{
	size_t i;
	for (i = 0; p[i]; i++)
		if (i >= n || lower_ascii((unsigned char)s[i]) != p[i])
			return 0;
	return 1;
}

/* Which of the lists' patterns a sentence contains. Every sentence of a
 * book is scanned, so the scan had better not look at every byte. A
 * caption mark in brackets begins at a "(", which memchr() finds; every
 * other pattern begins a word and is at least SPAN bytes long, and those
 * are looked for as Wu and Manber look for many patterns at once (A fast
 * algorithm for multi-pattern searching, 1994): a window of SPAN bytes
 * slides along the text, and the last BLOCK bytes of the window tell how
 * far it may slide before a pattern could begin in it (SKIP_MAX when no
 * pattern has those bytes in its first SPAN). Prose slides some eight
 * bytes a step: 17 look-ups for a sentence of 130 bytes, where a test at
 * the start of each word took 28, each with a branch the processor could
 * not guess. */
#define FOUND_NOISE 1
#define FOUND_CAPTION 2

#define SPAN 10 /* the shortest pattern that begins a word: "click here" */
#define BLOCK 3
#define SKIP_MAX (SPAN - BLOCK + 1)

/* The table (PR_NOISE_PAIRS words):
 *   its first SKIP_SIZE bytes: how far the window may slide, by the hash
 *     of the last BLOCK bytes in it (block_hash);
 *   pair[STARTS + c]: a bit for the second byte (& 31) of each noise_starts
 *     pattern that begins with c, under both cases of c; pair[STARTS + 256
 *     + c2]: a bit for the third byte of each whose second byte is c2.
 * core/data/gen_noise.py makes it at build time from the lists and the
 * constants below (noise_table, in read-only memory): pr_noise_pairs()
 * makes the same at run time, for test_prior.c to check the two agree. */
#define PAIRS PR_NOISE_PAIRS
#define STARTS 512
#define SKIP_BITS 11
#define SKIP_SIZE (1u << SKIP_BITS) /* bytes, all before pair + STARTS */
_Static_assert(SKIP_SIZE <= STARTS * sizeof(uint32_t), "the skips overrun the pairs");
_Static_assert(SPAN >= 4, "the scan loads four bytes that end where the window does");

/* gen_noise.py writes the skip bytes four to a word, the first at the
 * lowest address, as skip (a byte pointer into the table) reads them. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define NOISE_SKIP4(b0, b1, b2, b3) ((uint32_t)(b0) << 24 | (b1) << 16 | (b2) << 8 | (b3))
#else
#define NOISE_SKIP4(b0, b1, b2, b3) ((uint32_t)(b3) << 24 | (b2) << 16 | (b1) << 8 | (b0))
#endif
#include "noise_table.h"
_Static_assert(sizeof noise_table == PAIRS * sizeof(uint32_t), "gen_noise.py's table has PAIRS words");

/* The hash of a block of three bytes b0, b1, b2, given as the top three
 * bytes of x (b0 << 8 | b1 << 16 | b2 << 24; the low byte is ignored):
 * bit 0x20 of each set, so that a capital and its small letter hash alike
 * (as does any other pair of bytes that differ in that bit only), times a
 * large odd number whose top bits mix all three. Two blocks with the same
 * hash cost a closer look now and then, never a pattern missed: the
 * window slides by the smaller skip of the two. */
static unsigned block_hash(uint32_t x)
{
	x = (x | 0x20202020u) & 0xFFFFFF00u;
	return (uint32_t)(x * 0x9E3779B1u) >> (32 - SKIP_BITS);
}

/* The four bytes p[0..4) as block_hash() takes the last three. */
static uint32_t load_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Each block of the first SPAN bytes of each word pattern of list lets
 * the window slide only so far as to bring the block's end to the
 * window's. x holds the last four bytes read, the latest on top. A
 * pattern shorter than SPAN (there is none) would stop at its NUL, and
 * go unseen. */
static void add_skips(unsigned char skip[SKIP_SIZE], const char *const *list)
{
	for (const char *const *p = list; *p; p++) {
		const unsigned char *b = (const unsigned char *)*p;
		if (b[0] == '(')
			continue; /* memchr() finds it */
		uint32_t x = 0;
		for (size_t end = 1; end <= SPAN && b[end - 1]; end++) {
			x = x >> 8 | (uint32_t)b[end - 1] << 24;
			unsigned h = block_hash(x);
			if (end >= BLOCK && skip[h] > SPAN - end)
				skip[h] = (unsigned char)(SPAN - end);
		}
	}
}

static void add_pairs(uint32_t first[256], uint32_t second[256], const char *const *list)
{
	for (const char *const *p = list; *p; p++) {
		unsigned char c = (unsigned char)(*p)[0];
		uint32_t bit = 1u << ((unsigned char)(*p)[1] & 31);
		first[c] |= bit;
		if (c >= 'a' && c <= 'z')
			first[c - 'a' + 'A'] |= bit;
		unsigned char c2 = (unsigned char)(*p)[1];
		second[c2] |= 1u << ((unsigned char)(*p)[2] & 31);
		if (c2 >= 'a' && c2 <= 'z')
			second[c2 - 'a' + 'A'] |= 1u << ((unsigned char)(*p)[2] & 31);
	}
}

/* The table of the lists, made at run time: what gen_noise.py makes at
 * build time (test_prior.c compares the two). */
void pr_noise_pairs(uint32_t pair[PAIRS])
{
	unsigned char *skip = (unsigned char *)pair;
	memset(skip, SKIP_MAX, SKIP_SIZE);
	memset(pair + STARTS, 0, (PAIRS - STARTS) * sizeof *pair);
	add_skips(skip, noise_inside);
	add_skips(skip, caption_marks);
	add_pairs(pair + STARTS, pair + STARTS + 256, noise_starts);
}

static int is_letter(unsigned char c)
{
	return c < 0x80 && (unsigned char)((c | 0x20) - 'a') < 26;
}

/* Which pattern begins at t[i]? Rarely called: kept out of the scan's
 * loop. */
static int match_at(const char *t, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)t;
	int c = lower_ascii(u[i]), c2 = i + 1 < n ? lower_ascii(u[i + 1]) : 0;
	int found = 0;
	for (const char *const *p = noise_inside; *p; p++)
		if ((*p)[0] == c && (*p)[1] == c2 && starts(t + i, n - i, *p))
			return FOUND_NOISE;
	for (const char *const *p = caption_marks; *p; p++)
		if ((*p)[0] == c && (*p)[1] == c2 && starts(t + i, n - i, *p))
			found |= FOUND_CAPTION;
	return found;
}

/* May a noise_starts pattern begin the text? The bit table looks at its
 * first three bytes (t is NUL-terminated, t[n] == 0), in either case: it
 * holds both cases of the first and second bytes, and a byte's bit is the
 * same in either (a capital's five low bits are its small letter's). */
static int may_start(const uint32_t pair[PAIRS], const unsigned char *u, size_t n)
{
	const uint32_t *first = pair + STARTS, *second = first + 256;
	unsigned char c2 = n > 1 ? u[1] : 0, c3 = n > 2 ? u[2] : 0;
	return first[u[0]] >> (c2 & 31) & second[c2] >> (c3 & 31) & 1;
}

/* How far the window at i may slide, 0 where a pattern may begin at i. */
static size_t slide_at(const uint32_t pair[PAIRS], const unsigned char *u, size_t i)
{
	const unsigned char *skip = (const unsigned char *)pair;
	return skip[block_hash(load_le32(u + i + SPAN - 4))];
}

/* Where the window at i cannot slide: does a pattern begin there, at the
 * start of a word (the text's start, or after a byte that is not a
 * letter)? What match_at() finds there. Rarely called: kept out of the
 * scan's loop. */
static int window_match(const char *t, size_t n, size_t i)
{
	if (i == 0 || !is_letter((unsigned char)t[i - 1]))
		return match_at(t, n, i);
	return 0;
}

/* One window from i while it is before lim, adding to found what it
 * finds; it stops at the first noise pattern, which outweighs all. */
static int scan_one(const uint32_t pair[PAIRS], const char *t, size_t n, size_t i,
                    size_t lim, int found)
{
	while (i < lim) {
		size_t slide = slide_at(pair, (const unsigned char *)t, i);
		if (slide == 0) {
			found |= window_match(t, n, i);
			if (found & FOUND_NOISE)
				break;
			slide = 1;
		}
		i += slide;
	}
	return found;
}

/* A caption mark at each "(", then the word patterns. Each slide waits
 * for the load and the hash before it, so two windows slide side by side,
 * one over the first half of the places a pattern may begin and one over
 * the second: the two chains of waits overlap. Every place where a
 * pattern begins is looked at by whichever window reaches it, so what is
 * found is the same. */
static int scan(const uint32_t pair[PAIRS], const char *t, size_t n)
{
	const unsigned char *u = (const unsigned char *)t;
	int found = 0;
	for (const char *p = memchr(t, '(', n); p; p = memchr(p + 1, '(', n - (size_t)(p + 1 - t)))
		found |= match_at(t, n, (size_t)(p - t));
	/* the places a pattern may begin: [0, end) */
	size_t end = n >= SPAN ? n - SPAN + 1 : 0, mid = end / 2;
	size_t a = 0, b = mid;
	while (a < mid && b < end) {
		size_t sa = slide_at(pair, u, a), sb = slide_at(pair, u, b);
		if (sa == 0 || sb == 0) {
			if (sa == 0)
				found |= window_match(t, n, a);
			if (sb == 0)
				found |= window_match(t, n, b);
			if (found & FOUND_NOISE)
				return found;
			sa += sa == 0;
			sb += sb == 0;
		}
		a += sa;
		b += sb;
	}
	/* what is left of either half, one window at a time */
	found = scan_one(pair, t, n, a, mid, found);
	return found & FOUND_NOISE ? found : scan_one(pair, t, n, b, end, found);
}

double pr_noise_weight_with(const precis_doc *doc, size_t i, const uint32_t pair[PAIRS])
{
	const pr_sent *s = &doc->sents[i];
	const char *t = s->text;
	size_t n = s->len;
	/* a share or playback line, or a caption or byline run into the text
	 * with no full stop of its own (sentence.c) */
	if (s->cut == PR_CUT_BOILERPLATE)
		return 0.05;
	if (s->cut == PR_CUT_RUNON)
		return 0.3;
	/* most sentences begin with three bytes no pattern begins with: the
	 * bit table says so before the list is gone through */
	if (may_start(pair, (const unsigned char *)t, n)) {
		int c0 = lower_ascii((unsigned char)t[0]);
		for (const char *const *p = noise_starts; *p; p++)
			if ((*p)[0] == c0 && starts(t, n, *p))
				return 0.05;
	}
	int found = scan(pair, t, n);
	if (found & FOUND_NOISE)
		return 0.05;
	/* "By Jane Smith" and "By Daily Mail Reporter": a byline */
	if (starts(t, n, "by ") && s->nwords <= 8 && !strchr(t, ','))
		return 0.05;
	if (found & FOUND_CAPTION)
		return 0.3;
	if (s->nwords <= 3)
		return 0.5;
	return 1.0;
}

/* The table of the lists, made at build time: nothing is made for a
 * document, and nothing is written that threads could share. */
const uint32_t *pr_noise_table(void)
{
	return noise_table;
}

double pr_noise_weight(const precis_doc *doc, size_t i)
{
	return pr_noise_weight_with(doc, i, noise_table);
}

int pr_prior(precis_doc *doc, double *teleport)
{
	size_t n = doc->nsents, pos = 0;
	double total = 0;
	if (n < PRIOR_MIN_SENTENCES)
		return 0;
	/* the weights are kept: selection weighs some sentences again */
	double *noisew = pr_alloc(&doc->arena, n * sizeof *noisew);
	if (!noisew)
		return -1;
	double cover = 1.0 - pr_summary_short(doc);
	double lean = 0.5 * (1.0 - (1.0 - COVER_LEAN) * cover);
	for (size_t i = 0; i < n; i++) {
		if (doc->sents[i].kind == PR_BLOCK_HEADING) {
			teleport[i] = 0;
			noisew[i] = -1;
			continue;
		}
		/* sqrt for the short summary: the same bits as ever */
		double at = (double)pos + 1.0;
		noisew[i] = pr_noise_weight(doc, i);
		double w = noisew[i] / (cover > 0 ? pow(at, lean) : sqrt(at));
		pos++;
		teleport[i] = w;
		total += w;
	}
	doc->noisew = noisew;
	if (!(total > 0))
		return 0;
	for (size_t i = 0; i < n; i++)
		teleport[i] /= total;
	return 1;
}
