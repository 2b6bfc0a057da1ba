/* headline.c: a short headline, trimmed from the sentence that best
 * represents the text.
 *
 * The source is a title when the text has one (a Markdown heading first, or
 * a short first line with no full stop standing alone in its paragraph);
 * otherwise the lead sentence when it ranks close to the best one (news puts
 * the story first), else the best-ranked sentence. It is then trimmed the
 * way an editor would: the dateline goes ("PYONGYANG •", "LONDON (Reuters)
 * -"), then the attribution ("..., Kremlin spokesman Dmitry Peskov said"),
 * then parentheticals and the final full stop; if it is still too long it is
 * cut at the last clause boundary that fits, or else at the last word that
 * fits, and dangling function words and punctuation are dropped from the
 * end. A headline never ends inside a word (unless its first word alone is
 * longer than the limit, when it is cut at a character boundary).
 */
#include "doc.h"
#include "alloc.h"
#include "cjk.h"
#include "utf8.h"

#include <string.h>

/* The lead is preferred while its score is at least this share of the best. */
#define LEAD_SHARE 0.5

typedef struct hbuf {
	char *s;
	size_t len;
} hbuf;

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static void trim(hbuf *h)
{
	size_t a = 0;
	while (a < h->len && is_space(h->s[a]))
		a++;
	memmove(h->s, h->s + a, h->len - a);
	h->len -= a;
	while (h->len && is_space(h->s[h->len - 1]))
		h->len--;
}

/* Separators that end a dateline. */
static const char *const dateline_seps[] = {
	" \xE2\x80\xA2 ", /* • */
	" \xE2\x80\x94 ", /* — */
	" \xE2\x80\x93 ", /* – */
	" -- ", " - ", " _ ", NULL
};

/* "PYONGYANG •", "LONDON, June 1 (Reuters) -", "BEIJING (AP) _": words that
 * start with a capital, numbers, commas and parentheses; at least one
 * all-capitals word or a parenthesis. */
static void drop_dateline(hbuf *h)
{
	size_t limit = h->len < 80 ? h->len : 80, best = 0, seplen = 0;
	for (const char *const *sep = dateline_seps; *sep; sep++) {
		size_t n = strlen(*sep);
		for (size_t i = 1; i + n <= limit; i++) {
			if (memcmp(h->s + i, *sep, n) == 0) {
				if (!best || i < best) {
					best = i;
					seplen = n;
				}
				break;
			}
		}
	}
	if (!best)
		return;
	int caps = 0, paren = 0, depth = 0, words = 0;
	for (size_t i = 0; i < best;) {
		char c = h->s[i];
		if (c == '(') {
			depth++;
			paren = 1;
			i++;
			continue;
		}
		if (c == ')') {
			depth--;
			i++;
			continue;
		}
		if (is_space(c) || c == ',' || c == '.') {
			i++;
			continue;
		}
		size_t j = i;
		int upper = 1, letters = 0;
		while (j < best && !is_space(h->s[j]) && h->s[j] != ',' && h->s[j] != '(' &&
		       h->s[j] != ')') {
			if (is_lower(h->s[j]))
				upper = 0;
			if (is_upper(h->s[j]) || is_lower(h->s[j]))
				letters++;
			j++;
		}
		words++;
		if (depth == 0 && is_lower(c))
			return; /* a lower-case word: this is prose, not a dateline */
		if (upper && letters >= 2)
			caps = 1;
		i = j;
	}
	if (words == 0 || words > 8 || !(caps || paren))
		return;
	memmove(h->s, h->s + best + seplen, h->len - best - seplen);
	h->len -= best + seplen;
}

static int word_at(const hbuf *h, size_t i, const char *w)
{
	size_t n = strlen(w);
	return i + n <= h->len && memcmp(h->s + i, w, n) == 0 &&
	       (i == 0 || !is_lower(h->s[i - 1])) &&
	       (i + n == h->len || !is_lower(h->s[i + n]));
}

static const char *const reporting[] = {
	"said", "says", "told", "reported", "announced", "added", "stated",
	"according to", "quoted", NULL
};

/* "..., Kremlin spokesman Dmitry Peskov said" and "..., said analyst X". */
static void drop_attribution(hbuf *h)
{
	/* the last comma not inside a quotation */
	size_t comma = 0;
	for (size_t i = 0; i < h->len; i++)
		if (h->s[i] == ',')
			comma = i;
	if (!comma || comma < h->len / 3)
		return;
	size_t words = 0;
	int verb = 0;
	for (size_t i = comma + 1; i < h->len; i++) {
		if (is_space(h->s[i]) && i + 1 < h->len && !is_space(h->s[i + 1]))
			words++;
		for (const char *const *r = reporting; *r; r++)
			if (word_at(h, i, *r))
				verb = 1;
	}
	if (verb && words <= 10)
		h->len = comma;
}

static void drop_parentheticals(hbuf *h)
{
	size_t o = 0;
	int depth = 0;
	for (size_t i = 0; i < h->len; i++) {
		char c = h->s[i];
		if (c == '(') {
			depth++;
			while (o > 0 && h->s[o - 1] == ' ')
				o--;
			continue;
		}
		if (c == ')' && depth > 0) {
			depth--;
			continue;
		}
		if (depth == 0)
			h->s[o++] = c;
	}
	/* an unclosed "(" drops the rest: a headline can lose a tail */
	h->len = o;
}

static int is_trailing_junk(const hbuf *h, size_t end, size_t *start)
{
	static const char *const fn[] = {
		"the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "by", "for",
		"from", "with", "as", "that", "which", "who", "but", "his", "her",
		"its", "their", "is", "was", "are", "were", "be", "than", NULL
	};
	size_t s = end;
	while (s > 0 && !is_space(h->s[s - 1]))
		s--;
	for (const char *const *f = fn; *f; f++) {
		size_t n = strlen(*f);
		if (end - s == n && memcmp(h->s + s, *f, n) == 0) {
			*start = s;
			return 1;
		}
	}
	return 0;
}

/* Drop dangling punctuation and function words from the end. */
static void trim_end(hbuf *h)
{
	for (;;) {
		while (h->len && (is_space(h->s[h->len - 1]) ||
		                  strchr(",;:-.", h->s[h->len - 1])))
			h->len--;
		/* dashes: — and – */
		if (h->len >= 3 && (unsigned char)h->s[h->len - 3] == 0xE2 &&
		    (unsigned char)h->s[h->len - 2] == 0x80 &&
		    ((unsigned char)h->s[h->len - 1] == 0x94 ||
		     (unsigned char)h->s[h->len - 1] == 0x93)) {
			h->len -= 3;
			continue;
		}
		size_t s;
		if (h->len && is_trailing_junk(h, h->len, &s) && s > 0) {
			h->len = s;
			continue;
		}
		break;
	}
}

static const char *const clause_words[] = {
	" who ", " which ", " that ", " when ", " while ", " after ", " before ",
	" because ", " as ", " during ", " since ", " although ", " where ",
	" but ", " and ", " amid ", " despite ", " following ", " to ", " in ",
	" on ", " at ", " with ", " for ", NULL
};

/* Cut at the last clause boundary within limit, if the rest is substantial;
 * else at the last word boundary. */
static void fit(hbuf *h, size_t limit)
{
	if (h->len <= limit)
		return;
	size_t best = 0;
	for (size_t i = limit / 2; i <= limit && i < h->len; i++) {
		char c = h->s[i];
		if ((c == ',' || c == ';' || c == ':') && i + 1 < h->len && h->s[i + 1] == ' ')
			best = i;
		for (const char *const *w = clause_words; *w; w++) {
			size_t n = strlen(*w);
			if (i + n <= h->len && memcmp(h->s + i, *w, n) == 0 && i <= limit)
				best = i;
		}
	}
	if (best) {
		h->len = best;
		trim_end(h);
		if (h->len <= limit && h->len > 0)
			return;
	}
	size_t cut = limit;
	while (cut > 0 && !is_space(h->s[cut]))
		cut--;
	if (cut == 0) {
		/* one word longer than the limit: cut at a character boundary */
		cut = limit;
		while (cut > 0 && ((unsigned char)h->s[cut] & 0xC0) == 0x80)
			cut--;
	}
	h->len = cut;
	trim_end(h);
}

static size_t pick_source(const precis_doc *d, int *is_title)
{
	const pr_sent *s = d->sents;
	*is_title = 0;
	if (s[0].kind == PR_BLOCK_HEADING) {
		*is_title = 1;
		return 0;
	}
	/* a plain-text title: alone in its paragraph, short, no full stop */
	if (d->nsents > 1 && s[1].block != s[0].block && s[0].len <= 150 &&
	    s[0].nwords >= 2 && !strchr(".!?", s[0].text[s[0].len - 1])) {
		*is_title = 1;
		return 0;
	}
	size_t best = 0;
	for (size_t i = 0; i < d->nsents; i++)
		if (s[i].rank == 1)
			best = i;
	size_t lead = 0;
	while (lead < d->nsents && s[lead].kind == PR_BLOCK_HEADING)
		lead++;
	if (lead < d->nsents && s[lead].score >= LEAD_SHARE * s[best].score)
		return lead;
	return best;
}

/* --headline-chars: at most max code points (0: no limit). Text without
 * spaces is cut at the character; spaced text at the last space that fits,
 * unless its first word alone is longer. */
static void fit_chars(hbuf *h, size_t max)
{
	size_t i = 0, chars = 0;
	while (i < h->len && chars < max) {
		int32_t cp;
		i += pr_utf8_decode((const unsigned char *)h->s + i, h->len - i, &cp);
		chars++;
	}
	if (!max || i >= h->len)
		return;
	size_t cut = i, p = i - 1;
	while (p > 0 && ((unsigned char)h->s[p] & 0xC0) == 0x80)
		p--;
	int32_t before, after;
	pr_utf8_decode((const unsigned char *)h->s + p, i - p, &before);
	pr_utf8_decode((const unsigned char *)h->s + i, h->len - i, &after);
	if (before != ' ' && after != ' ' && !pr_cjk_char(before) && !pr_cjk_char(after)) {
		while (cut > 0 && h->s[cut - 1] != ' ')
			cut--;
		if (cut == 0)
			cut = i;
	}
	h->len = cut;
	trim(h);
}

int pr_headline(precis_doc *d)
{
	d->headline = "";
	d->headline_len = 0;
	if (d->nsents == 0)
		return PRECIS_OK;
	int title;
	const pr_sent *src = &d->sents[pick_source(d, &title)];
	hbuf h;
	h.s = pr_strndup(&d->arena, src->text, src->len);
	if (!h.s)
		return PRECIS_ENOMEM;
	h.len = src->len;
	if (!title) {
		drop_dateline(&h);
		drop_attribution(&h);
		drop_parentheticals(&h);
	}
	trim(&h);
	trim_end(&h);
	fit(&h, d->opts.headline_bytes);
	fit_chars(&h, d->opts.headline_chars);
	h.s[h.len] = '\0';
	d->headline = h.s;
	d->headline_len = h.len;
	return PRECIS_OK;
}
