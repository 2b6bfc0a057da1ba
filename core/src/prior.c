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
#include "bits.h"

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

/* Lines that are about the page, not the story. */
static const char *const noise_starts[] = {
	"published:", "updated:", "last updated", "follow us", "follow @",
	"read more", "click here", "scroll down", "share this", "subscribe",
	"sign up", "a version of this article", "copyright", "all rights reserved",
	"photo:", "picture:", "pictured:", "image:", "video:", "watch:",
	"advertisement", "related:", "see also", "email:", "comments",
	"media playback is", "this video can not be played", "follow updates",
	"updates on this story", NULL
};

static const char *const noise_inside[] = {
	"appeared in print", "print edition", "all rights reserved",
	"click here", "scroll down for", "follow us on", "sign up for our",
	"subscribe to our", "share this article", NULL
};

/* What a caption says of its picture. */
static const char *const caption_marks[] = {
	"(pictured", "(left)", "(right)", "(centre)", "(center)", "(above)",
	"(below)", "(top)", "(bottom)", "(file photo)", "pictured above",
	"pictured below", "pictured left", "pictured right", NULL
};

/* Which of the lists' patterns a sentence contains. Every sentence of a
 * book is scanned, so the scan is cheap per byte: every pattern begins a
 * word, and a word is compared with the patterns only when its first three
 * bytes begin one of them, which a bit table made from the lists tells in
 * three loads and no call. */
#define FOUND_NOISE 1
#define FOUND_CAPTION 2

/* The bit table (PR_NOISE_PAIRS words):
 *   pair[c]: a bit for the second byte (& 31) of each inside pattern that
 *     begins with c, under both cases of c;
 *   pair[256 + c2]: a bit for the third byte of each inside pattern whose
 *     second byte is c2, under both cases of c2;
 *   pair[512 + c] and pair[768 + c2]: the same for the noise_starts
 *     patterns (which "The" does not pass).
 * Many words pass the first test ("she", "such", "pre...": "share this",
 * "subscribe", "print edition"); the second turns most of them away. */
#define PAIRS PR_NOISE_PAIRS
#define STARTS 512
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

/* The bit table of the lists: made once for all the sentences scanned. */
void pr_noise_pairs(uint32_t pair[PAIRS])
{
	memset(pair, 0, PAIRS * sizeof *pair);
	add_pairs(pair, pair + 256, noise_inside);
	add_pairs(pair, pair + 256, caption_marks);
	add_pairs(pair + STARTS, pair + STARTS + 256, noise_starts);
}

static int is_letter(unsigned char c)
{
	return c < 0x80 && (unsigned char)((c | 0x20) - 'a') < 26;
}

/* Which pattern begins at t[i] (the caller knows a word or a "(" begins
 * there and the bit table let its first three bytes through)? Rarely
 * called: kept out of the scan's loop. */
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

/* May a pattern begin at t[i], where a word or a "(" begins? The bit
 * table looks at its first three bytes (t is NUL-terminated, t[n] == 0),
 * in either case: it holds both cases of the first and second bytes, and
 * a byte's bit is the same in either (a capital's five low bits are its
 * small letter's). Most words fail on their first byte, after one
 * look-up; the rest take two more and no branch. pair is the table's half
 * for the inside patterns (pair) or for noise_starts (pair + STARTS). */
static inline int may_begin(const uint32_t pair[STARTS], const unsigned char *u, size_t n,
                            size_t i)
{
	uint32_t second = pair[u[i]];
	if (!second)
		return 0;
	unsigned char c2 = i + 1 < n ? u[i + 1] : 0, c3 = i + 2 < n ? u[i + 2] : 0;
	return second >> (c2 & 31) & pair[256 + c2] >> (c3 & 31) & 1;
}

/* The high bit of each byte of u[0..8) that is not an ASCII letter: byte k
 * at bit 8k + 7, whatever the byte order of the machine. */
static uint64_t nonletters8(const unsigned char *u)
{
	const uint64_t ones = 0x0101010101010101u, high = ones << 7;
	uint64_t x = pr_load_le64(u);
	/* each byte lower-cased to 7 bits; adding to it then carries into
	 * its own high bit only, never into the next byte */
	uint64_t y = (x | ones * 0x20) & ~high;
	uint64_t from_a = y + ones * (0x80 - 'a');     /* high bit: >= 'a' */
	uint64_t past_z = y + ones * (0x80 - 'z' - 1); /* high bit: > 'z' */
	return ~(from_a & ~past_z & ~x) & high;
}

/* A pattern begins at the start, or after a byte that is not a letter, or
 * at a "(" (itself not a letter). The few "(" are found by memchr(); then
 * only the bytes that are not letters, eight at a time, are worth a look,
 * for the word after each, and of those words only the ones whose first
 * three bytes the bit table lets through (may_begin). A place looked at
 * twice is harmless: what is found is only or-ed together. */
static int scan(const uint32_t pair[PAIRS], const char *t, size_t n)
{
	const unsigned char *u = (const unsigned char *)t;
	if (n == 0)
		return 0;
	int found = may_begin(pair, u, n, 0) ? match_at(t, n, 0) : 0;
	for (const char *p = memchr(t, '(', n); p; p = memchr(p + 1, '(', n - (size_t)(p + 1 - t)))
		if (may_begin(pair, u, n, (size_t)(p - t)))
			found |= match_at(t, n, (size_t)(p - t));
	if (found & FOUND_NOISE)
		return FOUND_NOISE;
	size_t i = 0;
	/* while the three bytes after any of the eight are in the text or
	 * its NUL */
	for (; i + 10 <= n; i += 8) {
		for (uint64_t m = nonletters8(u + i); m; m &= m - 1) {
			size_t k = i + pr_lowest_byte(m) + 1;
			if (may_begin(pair, u, n, k)) {
				found |= match_at(t, n, k);
				if (found & FOUND_NOISE)
					return FOUND_NOISE;
			}
		}
	}
	for (; i < n; i++) {
		if (!is_letter(u[i]) && may_begin(pair, u, n, i + 1)) { /* u[n] == 0: no bits */
			found |= match_at(t, n, i + 1);
			if (found & FOUND_NOISE)
				return FOUND_NOISE;
		}
	}
	return found;
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
	if (may_begin(pair + STARTS, (const unsigned char *)t, n, 0)) {
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

double pr_noise_weight(const precis_doc *doc, size_t i)
{
	uint32_t pair[PAIRS];
	pr_noise_pairs(pair);
	return pr_noise_weight_with(doc, i, pair);
}

int pr_prior(const precis_doc *doc, double *teleport)
{
	size_t n = doc->nsents, pos = 0;
	double total = 0;
	if (n < PRIOR_MIN_SENTENCES)
		return 0;
	uint32_t pair[PAIRS];
	pr_noise_pairs(pair);
	double cover = 1.0 - pr_summary_short(doc);
	double lean = 0.5 * (1.0 - (1.0 - COVER_LEAN) * cover);
	for (size_t i = 0; i < n; i++) {
		if (doc->sents[i].kind == PR_BLOCK_HEADING) {
			teleport[i] = 0;
			continue;
		}
		/* sqrt for the short summary: the same bits as ever */
		double at = (double)pos + 1.0;
		double w = pr_noise_weight_with(doc, i, pair) / (cover > 0 ? pow(at, lean) : sqrt(at));
		pos++;
		teleport[i] = w;
		total += w;
	}
	if (!(total > 0))
		return 0;
	for (size_t i = 0; i < n; i++)
		teleport[i] /= total;
	return 1;
}
