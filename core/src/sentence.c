/* sentence.c: one block's clean text into sentences.
 *
 * The text arrives from block.c with whitespace collapsed to single spaces,
 * trimmed, and valid UTF-8. One forward scan looks for runs of terminal
 * punctuation (. ! ? … and the CJK full stops), takes any closing quotes and
 * brackets that follow into the sentence, and then decides whether the run
 * ends the sentence by looking at the word before it and the word after it:
 *
 *   - "!" and "?" end a sentence unless a lower-case word follows
 *     ("Stop!" he cried; Yahoo! announced) or a company abbreviation does
 *     (Yahoo! Inc. said).
 *   - An ellipsis (... . . . …) ends one only before an upper-case word.
 *   - A full stop never ends one before a lower-case word. After a title
 *     (Mr. Dr. St.) it never does; after a number abbreviation (No. pp.)
 *     only when no digit follows; after a general abbreviation (etc. U.S.)
 *     or an initial (George W. Bush, It was I.) only before a "clear
 *     sentence start": a capitalised stop word such as The, It, He, But,
 *     possibly after an opening quote or bracket. A digit is not a clear
 *     start (Jan. 5, No. 7, the U.S. 5th Fleet). Any other word ends the
 *     sentence before anything that is not lower case.
 *   - A stop must be followed by a space or the end of the block, so 3.14,
 *     example.com and e-mail addresses are never split; the CJK stops
 *     need no space.
 *
 * Some sentences end with no stop of their own, where text from around the
 * article was run into it:
 *
 *   - A stop with no space after it ends a sentence when a word of two
 *     letters or more, a number or a bracket comes before it and a
 *     capitalised word after it ("...until 2019.Short-format specialist",
 *     "(HMO).But many", "the UK.The visit"), unless the word before is an
 *     abbreviation or initials ("Mr.Smith", "N.Y.Times") or the word after
 *     is a domain's ("Agency.Com").
 *   - In English, a capitalised sentence opener (The, A, He, It, After...,
 *     a short closed list) between a lower-case word that is not a stop word
 *     and another lower-case word starts a new sentence: that is a caption
 *     or byline run into the text ("...banned from driving The brother of
 *     ex-footballer..."). Title-cased names keep their capitals ("starred in
 *     The Lord of the Rings", "hits include What a Girl Wants").
 *   - In English, a web page's share and playback lines glued to the next
 *     sentence with no space ("...Copy this linkLandlords who", "...on
 *     this deviceThe hosts", "other news from SuffolkJonathan Rees") end
 *     where the sentence's first word begins, and so does a word that
 *     begins in lower case and runs into a capitalised one, a link or a
 *     subheading run into the text ("analysis of the pollIncreasing the
 *     amount"; not "iPhone", "eBay").
 *
 * The sentence before such a cut is marked (pr_sent.cut) so that later
 * stages can tell a caption or a share line from a statement.
 *
 * A list marker at the start of a sentence (1. 1) 1.) a. (a) •) is markup,
 * not prose: the sentence starts after it. Headings are one sentence each:
 * "Chapter 1. The Beginning" is a title, not two sentences.
 *
 * A sentence longer than MAX_SENTENCE bytes with no end in sight is cut at
 * its last space (or at a character boundary if it has none), so that a
 * megabyte without punctuation still gives sentences of a usable size.
 * Consecutive sentences still cover every byte of the block.
 */
#include "bits.h"
#include "segment.h"
#include "utf8.h"

#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define MAX_SENTENCE 10000
/* Words longer than this are never abbreviations or stop words. */
#define MAX_WORD 64

typedef struct splitter {
	const char *t;
	size_t n;
	const pr_lang *lang;
} splitter;

static int32_t cp_at(const splitter *x, size_t i, size_t *len)
{
	int32_t cp;
	*len = pr_utf8_decode((const unsigned char *)x->t + i, x->n - i, &cp);
	return cp;
}

static int is_cjk_stop(int32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E ||
	       cp == 0xFF61 ||
	       cp == 0x104B || cp == 0x17D4; /* Myanmar ။ and Khmer ។ */
}

static int is_bang(int32_t cp)
{
	return cp == '!' || cp == '?' || cp == 0x203C || (cp >= 0x2047 && cp <= 0x2049) ||
	       cp == 0xFF01 || cp == 0xFF1F;
}

static int is_stop_cp(int32_t cp)
{
	return cp == '.' || cp == 0x2026 || is_bang(cp) || is_cjk_stop(cp);
}

/* Closing quotes and brackets that belong to the sentence they follow. */
static int is_closer(int32_t cp)
{
	switch (cp) {
	case '"': case '\'': case ')': case ']': case '}':
	case 0x2019: case 0x201D: case 0x00BB: case 0x203A:
	case 0x300D: case 0x300F: case 0x3011: case 0x300B: case 0xFF09:
		return 1;
	default:
		return 0;
	}
}

/* Opening quotes and brackets that may come before a sentence's first word. */
static int is_opener(int32_t cp)
{
	switch (cp) {
	case '"': case '\'': case '(': case '[': case '{':
	case 0x2018: case 0x201C: case 0x201E: case 0x00AB: case 0x2039:
	case 0x00BF: case 0x00A1: case 0x300C: case 0x300E: case 0x3010:
	case 0x300A: case 0xFF08:
		return 1;
	default:
		return 0;
	}
}

static int is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int is_word_cp(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9') || cp == '\'' || cp == '-';
	if (cp == 0x2019)
		return 1;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND:
		return 1;
	default:
		return 0;
	}
}

/* is_word_cp() of the ASCII bytes: letters, digits, ' and -. */
static const unsigned char ascii_word[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
	['7'] = 1, ['8'] = 1, ['9'] = 1, ['\''] = 1, ['-'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
	['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
	['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
	['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
	['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
	['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* Han, kana and CJK punctuation: text written without spaces. */
static int is_cjk_char(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0x3000 && cp <= 0x303F) ||
	       (cp >= 0xFF00 && cp <= 0xFF0F);
}

/* Is the stop run [i, j) set between CJK text on both sides? */
static int cjk_around(const splitter *x, size_t i, size_t j)
{
	size_t len, p = i;
	if (p == 0 || j >= x->n)
		return 0;
	do
		p--;
	while (p > 0 && ((unsigned char)x->t[p] & 0xC0) == 0x80);
	int32_t before = cp_at(x, p, &len), after = cp_at(x, j, &len);
	return is_cjk_char(before) && (is_cjk_char(after) || is_opener(after));
}

/* What follows a candidate stop: the first word after any opening quotes
 * or brackets. */
typedef struct next_word {
	size_t s, e;       /* the word, [s, e) */
	int32_t first;     /* its first code point, or -1 at the end */
	int opened;        /* an opening quote or bracket came before it */
} next_word;

/* The top bit of each byte of x (pr_load_le64()) that is an ASCII
 * apostrophe or hyphen: with the letters and digits, ascii_word[]. */
static uint64_t apostrophe_or_dash8(uint64_t x)
{
	return pr_ascii_range8(x, '\'', '\'') | pr_ascii_range8(x, '-', '-');
}

static void read_next(const splitter *x, size_t q, next_word *w)
{
	size_t len;
	int32_t cp = -1;
	w->opened = 0;
	while (q < x->n) {
		cp = cp_at(x, q, &len);
		if (!is_opener(cp))
			break;
		w->opened = 1;
		q += len;
	}
	w->s = q;
	w->first = q < x->n ? cp : -1;
	while (q < x->n && q - w->s <= MAX_WORD) {
		/* eight ASCII word bytes a test while they stay within the
		 * bound, as a word is some six bytes long; a byte that is not
		 * one (a byte from 0x80 up among them) is looked at below */
		if (x->n - q >= 8 && q + 8 - w->s <= MAX_WORD + 1) {
			uint64_t v = pr_load_le64((const unsigned char *)x->t + q);
			uint64_t other = ~(pr_ascii_alnum8(v) | apostrophe_or_dash8(v)) &
			                 0x8080808080808080u;
			if (!other) {
				q += 8;
				continue;
			}
			q += pr_lowest_byte(other);
		}
		unsigned char c = (unsigned char)x->t[q];
		if (c < 0x80) {
			/* is_word_cp() of an ASCII byte, without decoding it */
			if (!ascii_word[c])
				break;
			q++;
			continue;
		}
		cp = cp_at(x, q, &len);
		if (!is_word_cp(cp))
			break;
		q += len;
	}
	w->e = q;
}

/* A capitalised stop word: The, It, He, But, I, A... */
static int clear_start(const splitter *x, const next_word *w)
{
	if (w->first < 0 || !is_upper(w->first) || w->e == w->s)
		return 0;
	return pr_lang_is_stop(x->lang, x->t + w->s, w->e - w->s);
}

/* Initials: one upper-case letter, or single letters joined by dots
 * (J.R.R, N.Y.C); a single upper-case letter of any script (А. С. Пушкин). */
static int is_initials(const char *w, size_t n)
{
	if (n == 1)
		return w[0] >= 'A' && w[0] <= 'Z';
	if ((unsigned char)w[0] >= 0x80) {
		int32_t cp;
		size_t len = pr_utf8_decode((const unsigned char *)w, n, &cp);
		return len == n && is_upper(cp);
	}
	for (size_t i = 0; i < n; i++) {
		int letter = (w[i] | 0x20) >= 'a' && (w[i] | 0x20) <= 'z';
		if (i % 2 == 0 ? !letter : w[i] != '.')
			return 0;
	}
	return n % 2 == 1;
}

/* The bytes of the word before a full stop: letters, digits, inner dots
 * and any non-ASCII. */
#define PW_RUN8(c) [c] = 1, [c + 1] = 1, [c + 2] = 1, [c + 3] = 1, [c + 4] = 1, \
	[c + 5] = 1, [c + 6] = 1, [c + 7] = 1
#define PW_RUN32(c) PW_RUN8(c), PW_RUN8(c + 8), PW_RUN8(c + 16), PW_RUN8(c + 24)
static const unsigned char prev_word_byte[256] = {
	['.'] = 1, PW_RUN8('0'), ['8'] = 1, ['9'] = 1,
	PW_RUN8('A'), PW_RUN8('I'), PW_RUN8('Q'), ['Y'] = 1, ['Z'] = 1,
	PW_RUN8('a'), PW_RUN8('i'), PW_RUN8('q'), ['y'] = 1, ['z'] = 1,
	PW_RUN32(0x80), PW_RUN32(0xA0), PW_RUN32(0xC0), PW_RUN32(0xE0),
};

/* The top bit of each byte of x (pr_load_le64()) that is a space, and no
 * other: exact, no borrow running from one byte into the next. */
static uint64_t space_bytes(uint64_t x)
{
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7Fu;
	uint64_t v = x ^ 0x2020202020202020u;
	return ~(((v & low7) + low7) | v) & ~low7;
}

/* Which byte of eight is the last marked in m (m != 0), as
 * pr_lowest_byte() tells the first. */
static size_t highest_byte(uint64_t m)
{
#if defined(__GNUC__) || defined(__clang__)
	return (size_t)(63 - __builtin_clzll(m)) >> 3;
#else
	size_t b = 7;
	while (!(m >> (8 * b)))
		b--;
	return b;
#endif
}

/* The top bit of each byte of x (pr_load_le64()) that prev_word_byte[]
 * marks: an ASCII letter or digit, a full stop, any byte from 0x80 up. */
static uint64_t word_bytes8(uint64_t x)
{
	return pr_ascii_alnum8(x) | pr_ascii_range8(x, '.', '.') | (x & 0x8080808080808080u);
}

/* The word before the full stop at i, without opening quotes or brackets. Empty if it is too long to matter. */
static void prev_word(const splitter *x, size_t from, size_t i, size_t *ws)
{
	size_t p = i;
	/* letters, digits, inner dots and any non-ASCII; a dash or an
	 * underscore ends it ("altogether--Mr.", "_Mr."); no further back
	 * than from, nor than one byte past MAX_WORD */
	size_t stop = i - from > MAX_WORD ? i - MAX_WORD - 1 : from;
	/* eight bytes a test: a byte at a time, the loop ended at a
	 * different count for each word, and its branch went wrong as often */
	for (; p - stop >= 8; p -= 8) {
		uint64_t other = ~word_bytes8(pr_load_le64((const unsigned char *)x->t + p - 8)) &
		                 0x8080808080808080u;
		if (other) {
			p = p - 8 + highest_byte(other) + 1;
			break;
		}
	}
	/* the last few bytes (after a break, t[p - 1] is no word byte: the
	 * loop below stops at once) */
	while (p > stop && prev_word_byte[(unsigned char)x->t[p - 1]])
		p--;
	if (i - p > MAX_WORD) {
		*ws = i;
		return;
	}
	/* the openers it may start with are not ASCII (the ASCII ones are
	 * not word bytes) */
	size_t len;
	while (p < i && (unsigned char)x->t[p] >= 0x80 && is_opener(cp_at(x, p, &len)))
		p += len;
	*ws = p;
}

/* Is the next word a single upper-case letter with a full stop, the next
 * initial of a name ("A. A. Milne", "А. С. Пушкин") even when that letter
 * is also a stop word? */
static int next_is_initial(const splitter *x, const next_word *w)
{
	if (w->e >= x->n || x->t[w->e] != '.' || w->first < 0 || !is_upper(w->first))
		return 0;
	size_t len;
	cp_at(x, w->s, &len);
	return w->s + len == w->e;
}

/* Farthest a multi-word abbreviation can start before its stop, in bytes
 * ("до н. э." is 13). */
#define MULTI_REACH 40

/* How the kind of an abbreviation decides the stop after it. */
static int abbrev_ends(const splitter *x, int kind, const next_word *w)
{
	int digit = w->first >= '0' && w->first <= '9';
	switch (kind) {
	case PR_ABBR_TITLE:
		return 0;
	case PR_ABBR_NUMBER:
		return !digit;
	default:
		return clear_start(x, w);
	}
}

/* The full stop at i against the language's abbreviations of several words
 * ("z. B.", "EE. UU.", "т. е.", "av. J.-C."): a stop inside one never ends
 * a sentence; the stop that ends one behaves as its kind says. -1 if no such
 * abbreviation covers the stop. */
static int multi_stop_ends(const splitter *x, size_t from, size_t i, const next_word *w)
{
	const char *t = x->t;
	size_t p = i > from + MULTI_REACH ? i - MULTI_REACH : from;
	for (; p < i; p++) {
		/* word starts only, on character boundaries */
		if ((p > from && t[p - 1] != ' ' && t[p - 1] != '(') ||
		    ((unsigned char)t[p] & 0xC0) == 0x80)
			continue;
		int kind;
		size_t len = pr_lang_abbrev_multi(x->lang, t + p, x->n - p, &kind);
		if (!len || p + len < i + 1)
			continue;
		if (p + len > i + 1)
			return 0;
		return abbrev_ends(x, kind, w);
	}
	return -1;
}

/* Does the full stop at i, whose run and closers end at k (a space follows
 * at k), end the sentence that started at from? */
static int full_stop_ends(const splitter *x, size_t from, size_t i, const next_word *w)
{
	if (w->first < 0)
		return 1;
	if (is_lower(w->first))
		return 0;
	if (x->lang && x->lang->nabbrev_multi) {
		int r = multi_stop_ends(x, from, i, w);
		if (r >= 0)
			return r;
	}
	size_t ws;
	prev_word(x, from, i, &ws);
	if (ws == i)
		return 1;
	const char *word = x->t + ws;
	size_t n = i - ws;
	int digit = w->first >= '0' && w->first <= '9';
	/* "am 3. Oktober", "im 20. Jahrhundert": an ordinal where the
	 * language writes them with a full stop */
	if (x->lang && x->lang->ordinal && n <= 3) {
		size_t d = 0;
		while (d < n && word[d] >= '0' && word[d] <= '9')
			d++;
		if (d == n)
			return clear_start(x, w);
	}
	switch (pr_lang_abbrev(x->lang, word, n)) {
	case PR_ABBR_TITLE:
		return 0;
	case PR_ABBR_NUMBER:
		if (digit)
			return 0;
		break;
	case PR_ABBR_GENERAL:
		return clear_start(x, w);
	default:
		break;
	}
	if (is_initials(word, n))
		return !next_is_initial(x, w) && clear_start(x, w);
	return 1;
}


/* ---- sentences that end with no stop of their own ---- */

static int ascii_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static int ascii_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static int ascii_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* The stop run [i, j) has no space after it (t[j] is not one): does it end
 * the sentence that started at from all the same, as in "2019.Short" or
 * "(HMO).But"? */
static int glued_stop_ends(const splitter *x, size_t from, size_t i, size_t j, size_t dots)
{
	const char *t = x->t;
	size_t n = x->n;
	if (dots > 1 || i <= from || j + 1 >= n)
		return 0;
	unsigned char b = (unsigned char)t[i - 1];
	if (!ascii_lower(b) && !ascii_upper(b) && !ascii_digit(b) && b != ')')
		return 0;
	/* a capitalised word after it, not an acronym */
	if (!ascii_upper((unsigned char)t[j]) || !ascii_lower((unsigned char)t[j + 1]))
		return 0;
	size_t e = j;
	while (e < n && (ascii_lower((unsigned char)t[e]) || ascii_upper((unsigned char)t[e])))
		e++;
	if (e - j == 3) {
		char w[4] = { (char)(t[j] | 0x20), t[j + 1], t[j + 2], 0 };
		if (!strcmp(w, "com") || !strcmp(w, "net") || !strcmp(w, "org"))
			return 0; /* "Agency.Com" */
	}
	if (b == ')')
		return 1;
	/* the word before: a number ("2019.Short", "7.1.Scots"), or a word of
	 * two letters or more that is not an abbreviation nor part of an
	 * address ("Mr.Smith", "jane.doe@", "bbc.co.uk/News") */
	size_t ws;
	prev_word(x, from, i, &ws);
	if (ws == i)
		return 0;
	int number = 1;
	for (size_t p = ws; p < i; p++)
		number &= ascii_digit((unsigned char)t[p]) || (t[p] == '.' && p > ws);
	if (number)
		return ascii_digit(b);
	if (i - ws < 2 || memchr(t + ws, '.', i - ws))
		return 0;
	if (ws > from && (t[ws - 1] == '@' || t[ws - 1] == '/' || t[ws - 1] == '.'))
		return 0;
	return pr_lang_abbrev(x->lang, t + ws, i - ws) == PR_ABBR_NONE;
}

/* Capitalised, these open a sentence. Mid-sentence, between a lower-case
 * word and another, one of them means a new sentence began there without a
 * stop before it. The list is short and closed because title-cased names
 * keep their capitals mid-sentence ("What a Girl Wants", "Out of the Blue",
 * "compared Will to"); "I" and "May" are never openers here. */
/* Sorted as strcmp() sorts (is_runon_opener() searches it by halves);
 * OPENER_INITIALS below holds their first letters. */
static const char *const runon_openers[] = {
	"a", "after", "all", "although", "an", "and", "as", "at", "but", "for",
	"he", "he's", "her", "his", "if", "in", "it", "it's", "its", "more",
	"on", "one", "she", "she's", "some", "the", "their", "then", "there",
	"there's", "these", "they", "this", "those", "we", "when", "while", NULL
};

/* The initials of runon_openers, as capitals: A B F H I M O S T W. */
#define OPENER_INITIALS                                                           \
	((1u << ('A' - 'A')) | (1u << ('B' - 'A')) | (1u << ('F' - 'A')) |        \
	 (1u << ('H' - 'A')) | (1u << ('I' - 'A')) | (1u << ('M' - 'A')) |        \
	 (1u << ('O' - 'A')) | (1u << ('S' - 'A')) | (1u << ('T' - 'A')) |        \
	 (1u << ('W' - 'A')))

/* Can a capitalised opener begin with the capital c (A-Z)? */
static int opener_initial(char c)
{
	return (OPENER_INITIALS >> (c - 'A')) & 1;
}

/* Is t[s..e) a capitalised opener ("The", "It's", "It’s")? */
static int is_runon_opener(const char *t, size_t s, size_t e)
{
	char w[12];
	size_t k = 0;
	for (size_t p = s; p < e; p++) {
		unsigned char c = (unsigned char)t[p];
		if (k + 1 >= sizeof w)
			return 0;
		if (c == 0xE2 && p + 2 < e && (unsigned char)t[p + 1] == 0x80 &&
		    (unsigned char)t[p + 2] == 0x99) {
			w[k++] = '\'';
			p += 2;
		} else if (c == '\'' || (p > s ? ascii_lower(c) : ascii_upper(c))) {
			w[k++] = (char)(c | 0x20);
		} else {
			return 0;
		}
	}
	w[k] = '\0';
	/* every capitalised word of a caption asks: search by halves, the
	 * first bytes deciding most steps without a call (strcmp() orders
	 * by unsigned bytes too) */
	size_t lo = 0, hi = sizeof runon_openers / sizeof runon_openers[0] - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = (unsigned char)runon_openers[mid][0] - (unsigned char)w[0];
		if (c == 0)
			c = strcmp(runon_openers[mid], w);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Where the word that ends at t[i - 1] starts: after the last space of
 * t[from..i), or at from. The last eight bytes in one test: the loop
 * that stepped back a byte at a time ended at a different count each
 * time, and its branch went wrong as often. */
static size_t word_start_before(const char *t, size_t from, size_t i)
{
	if (i - from >= 8) {
		uint64_t sp = space_bytes(pr_load_le64((const unsigned char *)t + i - 8));
		if (sp)
			return i - 8 + highest_byte(sp) + 1;
		i -= 8;
	}
	while (i > from && t[i - 1] != ' ')
		i--;
	return i;
}

/* Where the first space of t[i..end) is, or end: the first eight bytes in
 * one test when eight of t[0..n) remain from i (callers look a few bytes
 * on), the rest a byte at a time. */
static size_t space_from(const char *t, size_t i, size_t end, size_t n)
{
	if (i < end && n - i >= 8) {
		uint64_t sp = space_bytes(pr_load_le64((const unsigned char *)t + i));
		size_t at = sp ? i + pr_lowest_byte(sp) : i + 8;
		if (sp || at >= end)
			return at < end ? at : end;
		i = at;
	}
	while (i < end && t[i] != ' ')
		i++;
	return i;
}

/* The space at i in an English sentence that started at from: does a new
 * sentence start after it with no stop before it ("...banned from driving
 * The brother of...")? */
static int runon_at(const splitter *x, size_t from, size_t i)
{
	const char *t = x->t;
	size_t n = x->n;
	if (i + 1 >= n || !ascii_upper((unsigned char)t[i + 1]))
		return 0;
	/* the word before: not the sentence's first, begins lower case, with a
	 * digit or a bracket ("(pictured)"), ends a word (no comma, colon or
	 * dash after it), and is not a stop word ("one of The best"); looked
	 * at first, as it turns most capitals away for less than the
	 * opener's look-up (every test here must pass, so their order does
	 * not change the answer) */
	size_t p = word_start_before(t, from, i);
	if (p <= from || i - p > MAX_WORD)
		return 0;
	unsigned char c0 = (unsigned char)t[p], cl = (unsigned char)t[i - 1];
	if (!ascii_lower(c0) && !ascii_digit(c0) && c0 != '(')
		return 0;
	if (!(ascii_lower(cl) || ascii_digit(cl) || ascii_upper(cl) || cl == ')' ||
	      cl == '\'' || cl == '"' || cl == 0x99 || cl == 0x9D))
		return 0;
	/* the opener, then a lower-case word or a number */
	size_t e = space_from(t, i + 1, n - i > 13 ? i + 13 : n, n);
	if (e + 1 >= n || t[e] != ' ' ||
	    !(ascii_lower((unsigned char)t[e + 1]) || ascii_digit((unsigned char)t[e + 1])) ||
	    !is_runon_opener(t, i + 1, e))
		return 0;
	size_t ws = p, we = i;
	while (ws < we && !ascii_lower((unsigned char)t[ws]) && !ascii_digit((unsigned char)t[ws]))
		ws++;
	while (we > ws && !ascii_lower((unsigned char)t[we - 1]) &&
	       !ascii_digit((unsigned char)t[we - 1]) && !ascii_upper((unsigned char)t[we - 1]))
		we--;
	return we > ws && !pr_lang_is_stop(x->lang, t + ws, we - ws);
}

/* Share and playback lines of a web page run into the next sentence with no
 * space: the sentence's first word begins right after one of these, or
 * inside the capitalised word after "news from " or "more from " where a
 * second one begins ("other news from SuffolkJonathan Rees said"). */
static const char *const glued_after[] = {
	"Copy this link", "this device", "your device", NULL
};

/* t[p] is a capital or a quote right after a lower-case letter, in a
 * sentence that started at from: does the next sentence begin at p? Returns
 * PR_CUT_BOILERPLATE after a share or playback line, PR_CUT_RUNON where a
 * word that begins in lower case runs into a capitalised one that ends it
 * ("analysis of the pollIncreasing the amount": a link or a subheading run
 * into the text; "iPhone", "YouTube" and "withEmailFacebook" do not
 * qualify), or 0. */
static int glue_at(const splitter *x, size_t from, size_t p)
{
	const char *t = x->t;
	size_t n = x->n;
	for (const char *const *g = glued_after; *g; g++) {
		size_t m = strlen(*g);
		if (p >= from + m && memcmp(t + p - m, *g, m) == 0)
			return PR_CUT_BOILERPLATE;
	}
	if (!ascii_upper((unsigned char)t[p]) || p + 1 >= n || !ascii_lower((unsigned char)t[p + 1]))
		return 0;
	size_t w = p, e = p + 1;
	while (w > from && ascii_lower((unsigned char)t[w - 1]))
		w--;
	while (e < n && ascii_lower((unsigned char)t[e]))
		e++;
	if (w > from && t[w - 1] == ' ' && p - w >= 3 && e - p >= 3 &&
	    (e == n || !ascii_upper((unsigned char)t[e])))
		return PR_CUT_RUNON;
	if (w >= from + 12 && p - w >= 2 && ascii_upper((unsigned char)t[w - 1]) &&
	    (memcmp(t + w - 11, "news from ", 10) == 0 || memcmp(t + w - 11, "more from ", 10) == 0))
		return PR_CUT_BOILERPLATE;
	return 0;
}

/* The end of a list marker at the start of a sentence, or s if there is
 * none: "1. ", "12) ", "1.) ", "a. ", "(a) ", "• ". Upper-case "A. " is
 * not one: it is far more often an initial. */
static size_t skip_marker(const splitter *x, size_t s)
{
	const char *t = x->t;
	size_t n = x->n, p = s;
	size_t len;
	if (s >= n)
		return s;
	int32_t cp = cp_at(x, p, &len);
	if (cp == 0x2022 || cp == 0x25E6 || cp == 0x2023 || cp == 0x25AA ||
	    cp == 0x25CF || cp == 0x25A0 || cp == '-' || cp == '*') {
		p += len;
	} else {
		int paren = t[p] == '(';
		if (paren)
			p++;
		size_t d = p;
		while (p < n && p - d < 3 && t[p] >= '0' && t[p] <= '9')
			p++;
		if (p - d > 2)
			return s;
		if (p == d) {
			if (p < n && t[p] >= 'a' && t[p] <= 'z')
				p++;
			else if (p < n && t[p] >= 'A' && t[p] <= 'Z' && p + 1 < n &&
			         t[p + 1] == ')')
				p++;
			else
				return s;
		}
		if (paren) {
			if (p >= n || t[p] != ')')
				return s;
			p++;
		} else if (p < n && t[p] == '.') {
			p++;
			if (p < n && t[p] == ')')
				p++;
		} else if (p < n && t[p] == ')') {
			p++;
		} else {
			return s;
		}
	}
	if (p + 1 >= n || t[p] != ' ')
		return s;
	return p + 1;
}

static const unsigned char may_stop[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE1] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

/* Thai writes no full stop: a space ends a sentence (or a clause). */
static const unsigned char may_stop_thai[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE1] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
	[' '] = 1,
};

/* English also looks at a capital after a space (a sentence run into the
 * one before it may start there) and at a capital or a quote right after a
 * letter (a line glued to the next sentence may end there). */
enum { EN_STOP = 1, EN_QUOTE = 2, EN_CAPITAL = 3 };
static const unsigned char english_class[256] = {
	['.'] = EN_STOP, ['!'] = EN_STOP, ['?'] = EN_STOP, [0xE1] = EN_STOP, [0xE2] = EN_STOP,
	[0xE3] = EN_STOP, [0xEF] = EN_STOP, ['"'] = EN_QUOTE,
	['A'] = EN_CAPITAL, ['B'] = EN_CAPITAL, ['C'] = EN_CAPITAL, ['D'] = EN_CAPITAL,
	['E'] = EN_CAPITAL, ['F'] = EN_CAPITAL, ['G'] = EN_CAPITAL, ['H'] = EN_CAPITAL,
	['I'] = EN_CAPITAL, ['J'] = EN_CAPITAL, ['K'] = EN_CAPITAL, ['L'] = EN_CAPITAL,
	['M'] = EN_CAPITAL, ['N'] = EN_CAPITAL, ['O'] = EN_CAPITAL, ['P'] = EN_CAPITAL,
	['Q'] = EN_CAPITAL, ['R'] = EN_CAPITAL, ['S'] = EN_CAPITAL, ['T'] = EN_CAPITAL,
	['U'] = EN_CAPITAL, ['V'] = EN_CAPITAL, ['W'] = EN_CAPITAL, ['X'] = EN_CAPITAL,
	['Y'] = EN_CAPITAL, ['Z'] = EN_CAPITAL,
};

/* Does t[i..i+8) hold a byte the class table (english_class or the stop
 * tables) marks? Eight lookups or'ed, one branch: most runs of prose
 * between two such bytes are longer than eight. */
static int marked_in_eight(const unsigned char *cls, const char *t, size_t i)
{
	const unsigned char *u = (const unsigned char *)t + i;
	return (cls[u[0]] | cls[u[1]] | cls[u[2]] | cls[u[3]] | cls[u[4]] | cls[u[5]] |
	        cls[u[6]] | cls[u[7]]) != 0;
}

/* The English scan takes MARK_STEP bytes a step, and visits the bytes
 * that english_class may mark: ! " . and every byte in ? to Z (the
 * capitals), and every byte from 0xE1 up, a few more than the table
 * marks, which tells those apart. The commas, apostrophes, hyphens and
 * brackets of prose, which the table does not mark, are never visited.
 * The marks of a step are the bits set in one number, byte k's at
 * MARK_BIT(k), so that where marks are a few bytes apart, as capitals
 * are, the word's marks are visited one by one, never a byte between
 * them. Where the machine has SSE2 (every x86-64 does), sixteen bytes
 * are tested at once in a quarter of the instructions that test eight in
 * a number, the part of the scan that every byte costs. */
#if defined(__SSE2__)
#define MARK_STEP 16
#define MARK_BIT(k) ((uint64_t)1 << (k))
#define MARK_AT(m) pr_ctz64(m)

/* The marks of u[0..16), byte k's at bit k. */
static uint64_t english_marks(const unsigned char *u)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)u);
	__m128i m = _mm_or_si128(pr_bytes_in16(x, '!', '"'), pr_bytes_in16(x, '.', '.'));
	m = _mm_or_si128(m, _mm_or_si128(pr_bytes_in16(x, '?', 'Z'), pr_bytes_in16(x, 0xE1, 0xFF)));
	return (uint64_t)(unsigned)_mm_movemask_epi8(m);
}
#else
#define MARK_STEP 8
#define MARK_BIT(k) ((uint64_t)0x80 << 8 * (k))
#define MARK_AT(m) pr_lowest_byte(m)

/* The marks of u[0..8), byte k's at its high bit, 8k + 7, whatever the
 * byte order of the machine. */
static uint64_t english_marks(const unsigned char *u)
{
	const uint64_t ones = 0x0101010101010101u, high = ones << 7;
	uint64_t x = pr_load_le64(u);
	/* the ranges count for ASCII bytes (pr_ascii_range8()); from 0x80
	 * up, those whose low seven bits reach 0x61 */
	uint64_t lead = (x & ~high) + ones * (0x80 - 0x61);
	return pr_ascii_range8(x, '!', '"') | pr_ascii_range8(x, '.', '.') |
	       pr_ascii_range8(x, '?', 'Z') | (lead & x & high);
}
#endif

#if defined(__SSE2__)
/* Does u[0..16) hold a byte that may_stop[] marks (may_stop_thai[] with
 * thai set, a space too)? All sixteen in one test, where the scan of
 * other languages than English tests eight by their table otherwise. */
static int stop_in_sixteen(const unsigned char *u, int thai)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)u);
	__m128i m = _mm_or_si128(pr_bytes_in16(x, '.', '.'), pr_bytes_in16(x, '!', '!'));
	m = _mm_or_si128(m, _mm_or_si128(pr_bytes_in16(x, '?', '?'), pr_bytes_in16(x, 0xE1, 0xE3)));
	m = _mm_or_si128(m, pr_bytes_in16(x, 0xEF, 0xEF));
	if (thai)
		m = _mm_or_si128(m, pr_bytes_in16(x, ' ', ' '));
	return _mm_movemask_epi8(m) != 0;
}
#endif

/* Where the English scan of a sentence that started at s stops, from i:
 * at a byte that can start a stop; at the space before a capital that may
 * open a run-on sentence (before any capital once the sentence is due to
 * be cut for length); at a capital or a quote glued to a lower-case letter
 * where glue_at() finds a cut, which it stores in *glued. n if none. */
static size_t english_next(const splitter *x, size_t s, size_t i, int *glued)
{
	const char *t = x->t;
	const unsigned char *u = (const unsigned char *)t;
	size_t n = x->n;
	for (; i < n; i += MARK_STEP) {
		uint64_t m = 0;
		if (n - i >= MARK_STEP) {
			m = english_marks(u + i);
		} else {
			for (size_t q = i; q < n; q++)
				if (english_class[u[q]])
					m |= MARK_BIT(q - i);
		}
		for (; m; m &= m - 1) {
			size_t p = i + MARK_AT(m);
			unsigned char k = english_class[u[p]];
			if (!k)
				continue;
			if (k == EN_STOP)
				return p;
			if (p <= s)
				continue;
			if (t[p - 1] == ' ' && k == EN_CAPITAL) {
				/* most capitals begin a name, which no opener
				 * of a run-on sentence does */
				if (!opener_initial(t[p]) && p - s <= MAX_SENTENCE)
					continue;
				return p - 1;
			}
			if (ascii_lower(u[p - 1]) && (*glued = glue_at(x, s, p)))
				return p;
		}
	}
	return n;
}

static int is_thai(int32_t cp)
{
	return cp >= 0x0E01 && cp <= 0x0E5B;
}

/* Is the space at i set between two Thai characters? */
static int thai_space(const splitter *x, size_t i)
{
	size_t len, p = i;
	if (i == 0 || i + 1 >= x->n)
		return 0;
	do
		p--;
	while (p > 0 && ((unsigned char)x->t[p] & 0xC0) == 0x80);
	return is_thai(cp_at(x, p, &len)) && is_thai(cp_at(x, i + 1, &len));
}

/* Where to cut a sentence that has run past MAX_SENTENCE bytes from s: after
 * its last space, else at a character boundary. */
static size_t long_cut(const splitter *x, size_t s)
{
	size_t cut = s + MAX_SENTENCE;
	while (cut > s && x->t[cut - 1] != ' ')
		cut--;
	if (cut > s)
		return cut;
	cut = s + MAX_SENTENCE;
	while (cut > s && ((unsigned char)x->t[cut] & 0xC0) == 0x80)
		cut--;
	return cut;
}

static int emit_cut(pr_segmentation *out, pr_arena *a, const pr_block *b,
                    uint32_t bi, size_t s, size_t e, int cut)
{
	while (s < e && b->text[s] == ' ')
		s++;
	while (e > s && b->text[e - 1] == ' ')
		e--;
	if (e <= s)
		return PRECIS_OK;
	/* pr_segment() reserved room for most texts' sentences at once */
	if (out->sents.len == out->sents.cap && pr_vec_reserve(a, &out->sents, 1))
		return PRECIS_ENOMEM;
	const char *text = pr_strndup(a, b->text + s, e - s);
	if (!text)
		return PRECIS_ENOMEM;
	/* every field the later stages fill starts at zero, as
	 * pr_vec_push() would leave it, with no call to clear it first */
	pr_sent *x = (pr_sent *)out->sents.data + out->sents.len++;
	*x = (pr_sent){
		.start = pr_block_offset(b, s),
		.end = pr_block_offset(b, e - 1) + 1,
		.text = text,
		.len = (uint32_t)(e - s),
		.block = bi,
		.kind = (uint8_t)b->kind,
		.level = b->kind == PR_BLOCK_HEADING ? b->level : 0,
		.cut = (uint8_t)cut,
	};
	return PRECIS_OK;
}

static int emit(pr_segmentation *out, pr_arena *a, const pr_block *b,
                uint32_t bi, size_t s, size_t e)
{
	return emit_cut(out, a, b, bi, s, e, 0);
}

int pr_split_block(pr_segmentation *out, pr_arena *a, const pr_block *b,
                   uint32_t bi, const pr_lang *lang)
{
	splitter x = { b->text, b->len, lang };
	const char *t = b->text;
	size_t n = b->len;
	if (b->kind == PR_BLOCK_HEADING)
		return emit(out, a, b, bi, 0, n);
	size_t s = skip_marker(&x, 0), i = s;
	int english = lang && strcmp(lang->code, "en") == 0;
	int thai = lang && strcmp(lang->code, "th") == 0;
	const unsigned char *stops = thai ? may_stop_thai : may_stop;
	while (i < n) {
		/* skip to the next byte that can start a stop: . ! ? or the
		 * lead byte of … ‼ 。 ！ ？ ． ။ ។ (and a space in Thai; in
		 * English also a space before a capital, and a capital or a
		 * quote right after a lower-case letter) */
		int glued = 0;
		if (english) {
			i = english_next(&x, s, i, &glued);
		} else {
#if defined(__SSE2__)
			while (n - i >= 16 && !stop_in_sixteen((const unsigned char *)t + i, thai))
				i += 16;
#endif
			while (i + 8 <= n && !marked_in_eight(stops, t, i))
				i += 8;
			while (i < n && !stops[(unsigned char)t[i]])
				i++;
		}
		while (i - s > MAX_SENTENCE) {
			size_t cut = long_cut(&x, s);
			int rc = emit(out, a, b, bi, s, cut);
			if (rc)
				return rc;
			s = cut;
		}
		if (i >= n)
			break;
		if (glued) {
			/* a share line, a link or a subheading glued to the
			 * next sentence */
			if (i > s) {
				int rc = emit_cut(out, a, b, bi, s, i, glued);
				if (rc)
					return rc;
				s = i;
			}
			continue;
		}
		size_t len;
		int32_t cp = cp_at(&x, i, &len);
		if (cp == ' ') {
			if (english) {
				/* a space before a capital: a caption or byline
				 * run into the next sentence? */
				if (runon_at(&x, s, i)) {
					int rc = emit_cut(out, a, b, bi, s, i, PR_CUT_RUNON);
					if (rc)
						return rc;
					s = i + 1;
				}
				i += 2; /* past the capital */
				continue;
			}
			if (thai_space(&x, i)) {
				/* Thai: a space between Thai words ends a sentence */
				int rc = emit(out, a, b, bi, s, i);
				if (rc)
					return rc;
				s = i + 1;
			}
			i++;
			continue;
		}
		if (!is_stop_cp(cp)) {
			i += len;
			continue;
		}
		/* the run of stops: "?!", "...", ". . .", "…" */
		int bang = 0, cjk = 0;
		size_t dots = 0, j = i;
		while (j < n) {
			cp = cp_at(&x, j, &len);
			if (cp == '.') {
				dots++;
			} else if (cp == 0x2026) {
				dots += 3;
			} else if (is_stop_cp(cp)) {
				bang |= is_bang(cp);
				cjk |= is_cjk_stop(cp);
			} else if (cp == ' ' && dots && t[j - 1] == '.' && j + 1 < n &&
			           t[j + 1] == '.' &&
			           (j + 2 == n || t[j + 2] == ' ' || t[j + 2] == '.')) {
				dots++; /* the space of ". . ." */
			} else {
				break;
			}
			j += len;
		}
		for (;;) {
			if (j < n && is_closer(cp_at(&x, j, &len))) {
				j += len;
			} else if (j + 2 < n && t[j] == ' ' &&
			           (cp_at(&x, j + 1, &len) == 0xBB || cp_at(&x, j + 1, &len) == 0x203A)) {
				j += 1 + len; /* French spacing: « Oui. » */
			} else {
				break;
			}
		}
		if (j >= n)
			break;
		int ends;
		size_t after = 0; /* past a list marker at j + 1, when looked for */
		if (cjk) {
			ends = 1;
		} else if (t[j] != ' ') {
			/* 3.14, example.com, "Go."), but a half-width stop between
			 * two CJK characters ends a sentence: "好!明天" */
			ends = cjk_around(&x, i, j) || glued_stop_ends(&x, s, i, j, dots);
		} else {
			next_word w;
			read_next(&x, j + 1, &w);
			after = skip_marker(&x, j + 1);
			next_word mw;
			if (after > j + 1)
				read_next(&x, after, &mw);
			if (after > j + 1 && mw.first >= 0 && is_upper(mw.first)) {
				ends = 1; /* "Buy milk. b. Sell eggs." */
			} else if (bang) {
				ends = w.first < 0 || !is_lower(w.first);
				if (ends && w.e < n && t[w.e] == '.' &&
				    pr_lang_abbrev(lang, t + w.s, w.e - w.s) == PR_ABBR_GENERAL)
					ends = 0;
			} else if (dots > 1) {
				ends = w.first < 0 || is_upper(w.first);
			} else {
				ends = full_stop_ends(&x, s, i, &w);
			}
		}
		if (ends) {
			int rc = emit(out, a, b, bi, s, j);
			if (rc)
				return rc;
			s = j;
			while (s < n && t[s] == ' ')
				s++;
			s = after && s == j + 1 ? after : skip_marker(&x, s);
			i = s;
		} else {
			i = j;
		}
	}
	return emit(out, a, b, bi, s, n);
}
