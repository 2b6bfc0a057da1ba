/* token.c: sentences into words, words into stems.
 *
 * A token is a run of letters, marks and digits in a sentence's display
 * text; an apostrophe or a full stop between two such characters stays inside
 * it ("don't", "U.S", "3.14", "example.com"), as does a comma between two
 * digits ("1,000"). Each distinct word is case-folded (NFKC + case
 * folding) and stemmed once per document: the folded word -> word and
 * stem -> term tables are the stem cache, because a Snowball call costs far
 * more than a hash lookup. An ASCII token (most of them) folds by turning
 * its capitals into small letters, which is cheaper than any lookup, so it
 * goes straight to the folded-word table; a token with other characters
 * goes through a table of surface forms first, so that utf8proc folds each
 * distinct one once.
 *
 * Two passes: the first finds the tokens and hashes them (an ASCII token
 * by its folded form), the second looks them up, asking for each one's
 * table slot a few tokens ahead (words_of_tokens()).
 */
#include "doc.h"
#include "alloc.h"
#include "cjk.h"
#include "hash.h"
#include "utf8.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Longest word pr_stem_english takes (PR_STEM_EN_MAX in lang.h). */
#define EN_MAX PR_STEM_EN_MAX

/* What a token needs of its word, by word id, apart from the pr_word
 * array: eight bytes a word, so that a book's repeated words stay in the
 * cache. */
struct winfo {
	uint32_t term;
	uint32_t stop;
};

/* A term's document frequency as the second pass counts it: each term
 * once per sentence, so the last sentence that counted it beside the
 * count (eight bytes a term: one cache miss for a book's rare term). */
struct df {
	uint32_t seen, df;
};

typedef struct tok_state {
	precis_doc *doc;
	pr_strmap surface;    /* exact bytes of a non-ASCII token -> index
	                         into surf */
	uint32_t *surf;       /* surface id -> its word id */
	size_t surf_cap;
	struct winfo *winfo;  /* word id -> its term and stop flag */
	size_t winfo_cap;
	struct df *df;        /* term id -> its document frequency so far */
	size_t df_cap;
	pr_strmap folded;     /* folded word -> word id */
	pr_strmap stems;      /* stem -> term id */
	pr_vec words;         /* pr_word */
	pr_vec toks;          /* pr_token */
	struct sb_stemmer *stemmer;
	int english;          /* the stemmer is Snowball's "english" */
	char stem[EN_MAX + 2]; /* pr_stem_english's output */
	char *buf;            /* folding scratch */
	size_t bufcap;
} tok_state;

/* What each byte is when it stands for itself (ASCII): a word character
 * (letter or digit), a capital, a vowel of the English stemmer (a e i o u
 * y), a byte the English stemmer takes (small letters, digits, the
 * apostrophe, full stop and comma). Bytes from 0x80 up, parts of longer
 * characters, are none of these: the scan looks at them again as
 * characters. One load answers where the comparisons are several
 * branches a byte. */
enum { W = 1, U = 2, V = 4, E = 8 };
#define WD (W | E)     /* a digit */
#define WU (W | U)     /* a capital */
#define WL (W | E)     /* a small consonant */
#define WV (W | E | V) /* a small vowel */
static const unsigned char byte_class[256] = {
	/* 0x00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x10 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x20 */ 0, 0, 0, 0, 0, 0, 0, E, 0, 0, 0, 0, E, 0, E, 0,
	/* 0x30 */ WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, 0, 0, 0, 0, 0, 0,
	/* 0x40 */ 0, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU,
	/* 0x50 */ WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, 0, 0, 0, 0, 0,
	/* 0x60 */ 0, WV, WL, WL, WL, WV, WL, WL, WL, WV, WL, WL, WL, WL, WL, WV,
	/* 0x70 */ WL, WL, WL, WL, WL, WV, WL, WL, WL, WV, WL, 0, 0, 0, 0, 0,
};

static int is_word_cp(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 0 && (byte_class[cp] & W);
	if (cp < 0)
		return 0;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

static int is_upper_cp(int32_t cp)
{
	if (cp < 0x80)
		return (byte_class[cp] & U) != 0;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int reserve_buf(tok_state *st, size_t n)
{
	if (n <= st->bufcap)
		return 0;
	size_t cap = st->bufcap ? st->bufcap : 64;
	while (cap < n)
		cap *= 2;
	char *b = pr_realloc_raw(st->buf, cap);
	if (!b)
		return -1;
	st->buf = b;
	st->bufcap = cap;
	return 0;
}

/* Case-fold s[0..n) into st->buf; returns the length or (size_t)-1.
 * *ascii says whether the word was all ASCII. */
static size_t fold_word(tok_state *st, const char *s, size_t n, int *ascii)
{
	size_t i;
	*ascii = 0;
	if (reserve_buf(st, n + 1))
		return (size_t)-1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80)
			break;
		st->buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	if (i == n) {
		*ascii = 1;
		return n;
	}
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	                                  &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                                  UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
	if (r < 0) {
		free(out);
		return r == UTF8PROC_ERROR_NOMEM ? (size_t)-1 : 0;
	}
	size_t m = 0;
	if (reserve_buf(st, (size_t)r * 1 + 1) == 0) {
		/* typographic apostrophes fold to ASCII ones: "don’t" = "don't" */
		for (utf8proc_ssize_t k = 0; k < r; k++) {
			if (k + 2 < r && out[k] == 0xE2 && out[k + 1] == 0x80 && out[k + 2] == 0x99) {
				st->buf[m++] = '\'';
				k += 2;
			} else {
				st->buf[m++] = (char)out[k];
			}
		}
	} else {
		m = (size_t)-1;
	}
	free(out);
	return m;
}

static int is_number(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ','))
			return 0;
	return 1;
}

/* English stems without a Snowball call.
 *
 * Snowball's "english" algorithm (Porter2, as libstemmer 2.2 runs it),
 * written out for words of lower-case ASCII letters, digits, apostrophes,
 * full stops and commas, which is nearly every English word a document
 * has: the generated Snowball code spends about a thousand instructions a
 * word on its generic machinery, this a small fraction of that. Every
 * other word still goes to libstemmer. The steps follow the published
 * description of the algorithm; test_token.c holds the two to the same
 * stems over many words.
 *
 * The word is edited in place at its end. p1 and p2 are the starts of the
 * regions R1 and R2, fixed before the steps run, as in Snowball; 'Y' is a
 * 'y' that acts as a consonant. */


typedef struct en_word {
	char b[EN_MAX + 2];
	int n, p1, p2;
} en_word;

static int en_vowel(char c)
{
	return (byte_class[(unsigned char)c] & V) != 0;
}

/* Does w end with s[0..k)? Every suffix and exception is under eight
 * bytes: both sides are read as numbers (hash.h) and compared at once,
 * not byte by byte, where each byte's branch is a guess the processor
 * often gets wrong. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline int en_ends(const en_word *w, const char *s, int k)
{
	if (w->n < k)
		return 0;
	const char *e = w->b + w->n - k;
	if (k < 8)
		return pr_load_tail(e, (size_t)k) == pr_load_tail(s, (size_t)k);
	return memcmp(e, s, (size_t)k) == 0;
}

/* Does a short syllable end at e: a consonant other than w, x or Y after
 * a vowel after a consonant, or a consonant after a vowel that begins the
 * word? */
static int en_short_at(const en_word *w, int e)
{
	const char *b = w->b;
	if (e >= 3 && !en_vowel(b[e - 1]) && b[e - 1] != 'w' && b[e - 1] != 'x' &&
	    b[e - 1] != 'Y' && en_vowel(b[e - 2]) && !en_vowel(b[e - 3]))
		return 1;
	return e == 2 && !en_vowel(b[1]) && en_vowel(b[0]);
}

/* Is there a vowel in b[0..e)? */
static int en_has_vowel(const en_word *w, int e)
{
	for (int i = 0; i < e; i++)
		if (en_vowel(w->b[i]))
			return 1;
	return 0;
}

/* The end of the first vowel-consonant pair at or after `from`, or n. */
static inline int en_region(const en_word *w, int from)
{
	int i = from;
	while (i < w->n && !en_vowel(w->b[i]))
		i++;
	while (i < w->n && en_vowel(w->b[i]))
		i++;
	return i < w->n ? i + 1 : w->n;
}

/* Conditions on the letter before a suffix (steps 2 and 4). */
enum { EN_ANY, EN_AFTER_L, EN_VALID_LI, EN_AFTER_ST, EN_IN_R2 };

typedef struct en_rule {
	const char *suffix, *with;
	unsigned char len, wlen, when;
} en_rule;

#define EN_RULE(suffix, with, when) { suffix, with, sizeof suffix - 1, sizeof with - 1, when }

/* Replace the longest listed suffix of w, if it starts at or after `from`
 * and its condition holds; lists are ordered longest first, so the first
 * match is the longest, and hold the suffixes with w's last letter. A suffix that matches but fails its conditions
 * ends the step: shorter ones are not tried. */
static void en_step(en_word *w, const en_rule *r, size_t nr, int from)
{
	for (size_t i = 0; i < nr; i++) {
		int k = r[i].len;
		if (!en_ends(w, r[i].suffix, k))
			continue;
		int start = w->n - k;
		char before = start > 0 ? w->b[start - 1] : '\0';
		if (start < from)
			return;
		switch (r[i].when) {
		case EN_AFTER_L:
			if (before != 'l')
				return;
			break;
		case EN_VALID_LI:
			if (!before || !strchr("cdeghkmnrt", before))
				return;
			break;
		case EN_AFTER_ST:
			if (before != 's' && before != 't')
				return;
			break;
		case EN_IN_R2:
			if (start < w->p2)
				return;
			break;
		default:
			break;
		}
		memcpy(w->b + start, r[i].with, r[i].wlen);
		w->n = start + r[i].wlen;
		return;
	}
}

/* The suffixes of steps 2, 3 and 4 by their last letter, longest first
 * within each list: a word is checked against the few that could end it. */
static const en_rule en_2l[] = {
	EN_RULE("ational", "ate", EN_ANY), EN_RULE("tional", "tion", EN_ANY),
};
static const en_rule en_2i[] = {
	EN_RULE("biliti", "ble", EN_ANY), EN_RULE("lessli", "less", EN_ANY),
	EN_RULE("aliti", "al", EN_ANY), EN_RULE("entli", "ent", EN_ANY),
	EN_RULE("fulli", "ful", EN_ANY), EN_RULE("iviti", "ive", EN_ANY),
	EN_RULE("ousli", "ous", EN_ANY), EN_RULE("abli", "able", EN_ANY),
	EN_RULE("alli", "al", EN_ANY), EN_RULE("anci", "ance", EN_ANY),
	EN_RULE("enci", "ence", EN_ANY), EN_RULE("bli", "ble", EN_ANY),
	EN_RULE("ogi", "og", EN_AFTER_L), EN_RULE("li", "", EN_VALID_LI),
};
static const en_rule en_2n[] = {
	EN_RULE("ization", "ize", EN_ANY), EN_RULE("ation", "ate", EN_ANY),
};
static const en_rule en_2r[] = {
	EN_RULE("izer", "ize", EN_ANY), EN_RULE("ator", "ate", EN_ANY),
};
static const en_rule en_2m[] = { EN_RULE("alism", "al", EN_ANY) };
static const en_rule en_2s[] = {
	EN_RULE("fulness", "ful", EN_ANY), EN_RULE("iveness", "ive", EN_ANY),
	EN_RULE("ousness", "ous", EN_ANY),
};

static const en_rule en_3l[] = {
	EN_RULE("ational", "ate", EN_ANY), EN_RULE("tional", "tion", EN_ANY),
	EN_RULE("ical", "ic", EN_ANY), EN_RULE("ful", "", EN_ANY),
};
static const en_rule en_3e[] = {
	EN_RULE("alize", "al", EN_ANY), EN_RULE("ative", "", EN_IN_R2),
	EN_RULE("icate", "ic", EN_ANY),
};
static const en_rule en_3i[] = { EN_RULE("iciti", "ic", EN_ANY) };
static const en_rule en_3s[] = { EN_RULE("ness", "", EN_ANY) };

static const en_rule en_4t[] = {
	EN_RULE("ement", "", EN_ANY), EN_RULE("ment", "", EN_ANY),
	EN_RULE("ant", "", EN_ANY), EN_RULE("ent", "", EN_ANY),
};
static const en_rule en_4e[] = {
	EN_RULE("able", "", EN_ANY), EN_RULE("ance", "", EN_ANY),
	EN_RULE("ence", "", EN_ANY), EN_RULE("ible", "", EN_ANY),
	EN_RULE("ate", "", EN_ANY), EN_RULE("ive", "", EN_ANY),
	EN_RULE("ize", "", EN_ANY),
};
static const en_rule en_4n[] = { EN_RULE("ion", "", EN_AFTER_ST) };
static const en_rule en_4m[] = { EN_RULE("ism", "", EN_ANY) };
static const en_rule en_4i[] = { EN_RULE("iti", "", EN_ANY) };
static const en_rule en_4s[] = { EN_RULE("ous", "", EN_ANY) };
static const en_rule en_4l[] = { EN_RULE("al", "", EN_ANY) };
static const en_rule en_4r[] = { EN_RULE("er", "", EN_ANY) };
static const en_rule en_4c[] = { EN_RULE("ic", "", EN_ANY) };

#define EN_APPLY(w, list, from) en_step(w, list, sizeof list / sizeof list[0], from)

static void en_step2(en_word *w)
{
	switch (w->b[w->n - 1]) {
	case 'l': EN_APPLY(w, en_2l, w->p1); break;
	case 'i': EN_APPLY(w, en_2i, w->p1); break;
	case 'n': EN_APPLY(w, en_2n, w->p1); break;
	case 'r': EN_APPLY(w, en_2r, w->p1); break;
	case 'm': EN_APPLY(w, en_2m, w->p1); break;
	case 's': EN_APPLY(w, en_2s, w->p1); break;
	default: break;
	}
}

static void en_step3(en_word *w)
{
	switch (w->b[w->n - 1]) {
	case 'l': EN_APPLY(w, en_3l, w->p1); break;
	case 'e': EN_APPLY(w, en_3e, w->p1); break;
	case 'i': EN_APPLY(w, en_3i, w->p1); break;
	case 's': EN_APPLY(w, en_3s, w->p1); break;
	default: break;
	}
}

static void en_step4(en_word *w)
{
	switch (w->b[w->n - 1]) {
	case 't': EN_APPLY(w, en_4t, w->p2); break;
	case 'e': EN_APPLY(w, en_4e, w->p2); break;
	case 'n': EN_APPLY(w, en_4n, w->p2); break;
	case 'm': EN_APPLY(w, en_4m, w->p2); break;
	case 'i': EN_APPLY(w, en_4i, w->p2); break;
	case 's': EN_APPLY(w, en_4s, w->p2); break;
	case 'l': EN_APPLY(w, en_4l, w->p2); break;
	case 'r': EN_APPLY(w, en_4r, w->p2); break;
	case 'c': EN_APPLY(w, en_4c, w->p2); break;
	default: break;
	}
}

/* Whole words the algorithm treats apart, before any step ("skies" is
 * "sky", "news" stays) and after step 1a ("inning", "proceed" stay), by
 * length: a word is compared with the few of its own length. */
typedef struct en_exception {
	const char *word, *stem;
	unsigned char m;
} en_exception;

#define EN_EXC(word, stem) { word, stem, sizeof stem - 1 }

static const en_exception en_exc3[] = { EN_EXC("sky", "sky") };
static const en_exception en_exc4[] = {
	EN_EXC("skis", "ski"), EN_EXC("idly", "idl"), EN_EXC("ugly", "ugli"),
	EN_EXC("only", "onli"), EN_EXC("news", "news"), EN_EXC("howe", "howe"),
	EN_EXC("bias", "bias"),
};
static const en_exception en_exc5[] = {
	EN_EXC("skies", "sky"), EN_EXC("dying", "die"), EN_EXC("lying", "lie"),
	EN_EXC("tying", "tie"), EN_EXC("early", "earli"), EN_EXC("atlas", "atlas"),
	EN_EXC("andes", "andes"),
};
static const en_exception en_exc6[] = {
	EN_EXC("gently", "gentl"), EN_EXC("singly", "singl"), EN_EXC("cosmos", "cosmos"),
};
static const en_exception en_inv6[] = {
	EN_EXC("inning", ""), EN_EXC("outing", ""), EN_EXC("exceed", ""),
};
static const en_exception en_inv7[] = {
	EN_EXC("canning", ""), EN_EXC("herring", ""), EN_EXC("earring", ""),
	EN_EXC("proceed", ""), EN_EXC("succeed", ""),
};

/* The entry of list[0..n), words of w's length, that is w, or NULL. */
static const en_exception *en_find(const en_word *w, const en_exception *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].word[0] == w->b[0] && en_ends(w, list[i].word, w->n))
			return &list[i];
	return NULL;
}

#define EN_FIND(w, list) en_find(w, list, sizeof list / sizeof list[0])

/* Is w one of the words that stay as they are after step 1a? */
static int en_invariant(const en_word *w)
{
	if (w->n == 6)
		return EN_FIND(w, en_inv6) != NULL;
	if (w->n == 7)
		return EN_FIND(w, en_inv7) != NULL;
	return 0;
}

static void en_step1a(en_word *w)
{
	if (en_ends(w, "'s'", 3))
		w->n -= 3;
	else if (en_ends(w, "'s", 2))
		w->n -= 2;
	else if (en_ends(w, "'", 1))
		w->n -= 1;
	if (en_ends(w, "sses", 4))
		w->n -= 2;
	else if (en_ends(w, "ied", 3) || en_ends(w, "ies", 3))
		w->n -= w->n - 3 >= 2 ? 2 : 1; /* "cries" "cri", "ties" "tie" */
	else if (en_ends(w, "ss", 2) || en_ends(w, "us", 2))
		return;
	else if (en_ends(w, "s", 1) && w->n >= 2 && en_has_vowel(w, w->n - 2))
		w->n -= 1;
}

static void en_step1b(en_word *w)
{
	int k = 0;
	if (en_ends(w, "eedly", 5))
		k = 5;
	else if (en_ends(w, "eed", 3))
		k = 3;
	if (k) {
		if (w->n - k >= w->p1)
			w->n = w->n - k + 2;
		return;
	}
	if (en_ends(w, "ingly", 5))
		k = 5;
	else if (en_ends(w, "edly", 4))
		k = 4;
	else if (en_ends(w, "ing", 3))
		k = 3;
	else if (en_ends(w, "ed", 2))
		k = 2;
	if (!k || !en_has_vowel(w, w->n - k))
		return;
	w->n -= k;
	char *b = w->b;
	int n = w->n;
	if (en_ends(w, "at", 2) || en_ends(w, "bl", 2) || en_ends(w, "iz", 2))
		b[w->n++] = 'e';
	else if (n >= 2 && b[n - 1] == b[n - 2] && strchr("bdfgmnprt", b[n - 1]))
		w->n--;
	else if (n == w->p1 && en_short_at(w, n))
		b[w->n++] = 'e';
}

int pr_stem_english(const char *s, size_t n, char *out)
{
	if (n > EN_MAX - 1)
		return -1;
	en_word w;
	int has_y = 0;
	/* check and copy in one pass, noting a 'y' (most words have none) */
	unsigned refused = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		refused |= ~byte_class[(unsigned char)c] & E;
		has_y |= c == 'y';
		w.b[i] = c;
	}
	if (refused)
		return -1;
	w.n = (int)n;
	const en_exception *x = NULL;
	switch (n) {
	case 3: x = EN_FIND(&w, en_exc3); break;
	case 4: x = EN_FIND(&w, en_exc4); break;
	case 5: x = EN_FIND(&w, en_exc5); break;
	case 6: x = EN_FIND(&w, en_exc6); break;
	default: break;
	}
	if (x) {
		memcpy(out, x->stem, x->m);
		return x->m;
	}
	/* words under three letters stay as they are */
	if (n < 3) {
		memcpy(out, s, n);
		return (int)n;
	}
	/* a leading apostrophe goes; 'y' first or after a vowel is a
	 * consonant */
	if (w.b[0] == '\'') {
		memmove(w.b, w.b + 1, n - 1);
		w.n--;
	}
	for (int i = 0; has_y && i < w.n; i++)
		if (w.b[i] == 'y' && (i == 0 || en_vowel(w.b[i - 1])))
			w.b[i] = 'Y';
	/* R1 and R2; three prefixes get R1 after them, whatever follows */
	w.p1 = -1;
	switch (w.b[0]) {
	case 'g':
		if (w.n >= 5 && memcmp(w.b, "gener", 5) == 0)
			w.p1 = 5;
		break;
	case 'a':
		if (w.n >= 5 && memcmp(w.b, "arsen", 5) == 0)
			w.p1 = 5;
		break;
	case 'c':
		if (w.n >= 6 && memcmp(w.b, "commun", 6) == 0)
			w.p1 = 6;
		break;
	default:
		break;
	}
	if (w.p1 < 0)
		w.p1 = en_region(&w, 0);
	w.p2 = en_region(&w, w.p1);

	en_step1a(&w);
	if (w.n > 0 && !en_invariant(&w)) {
		en_step1b(&w);
		/* step 1c: a final y after a consonant that is not the first
		 * letter is an i */
		if (w.n >= 3 && (w.b[w.n - 1] == 'y' || w.b[w.n - 1] == 'Y') &&
		    !en_vowel(w.b[w.n - 2]))
			w.b[w.n - 1] = 'i';
		if (w.n > 0)
			en_step2(&w);
		if (w.n > 0)
			en_step3(&w);
		if (w.n > 0)
			en_step4(&w);
		/* step 5: a final e in R2, or in R1 after no short syllable; a
		 * final l after an l, in R2 */
		int e = w.n - 1;
		if (w.n > 0 && w.b[e] == 'e' &&
		    (e >= w.p2 || (e >= w.p1 && !en_short_at(&w, e))))
			w.n--;
		else if (w.n > 0 && w.b[e] == 'l' && e >= w.p2 && e >= 1 && w.b[e - 1] == 'l')
			w.n--;
	}
	if (!has_y) {
		memcpy(out, w.b, (size_t)w.n);
		return w.n;
	}
	for (int i = 0; i < w.n; i++)
		out[i] = w.b[i] == 'Y' ? 'y' : w.b[i];
	return w.n;
}

/* The malloc'd array p of *cap elements of elem bytes, doubled (first to
 * 1024 elements) until index i fits; NULL when out of memory, p staying
 * as it was. */
static void *reserve_index(void *p, size_t *cap, size_t elem, size_t i)
{
	if (i < *cap)
		return p;
	size_t c = *cap ? *cap : 1024;
	while (c <= i)
		c *= 2;
	void *q = pr_realloc_raw(p, c * elem);
	if (q)
		*cap = c;
	return q;
}

/* Word wid, just added to st->folded (m bytes), gets its stop flag and,
 * if it is not a stop word, its stem; ascii says whether the token it
 * came from was all ASCII (then its folded form is ready for the stop-word
 * table as it is). Returns wid, or UINT32_MAX when out of memory. */
static uint32_t new_word(tok_state *st, uint32_t wid, size_t m, int ascii)
{
	precis_doc *d = st->doc;
	struct winfo *wi = reserve_index(st->winfo, &st->winfo_cap, sizeof *wi, wid);
	if (!wi)
		return UINT32_MAX;
	st->winfo = wi;
	wi += wid;
	/* pr_vec_push without the call and the memset: every field is set
	 * below, and the array is reserved for a document's usual count up
	 * front (pr_tokenize) */
	pr_vec *v = &st->words;
	if (v->len == v->cap && pr_vec_reserve(&d->arena, v, 1))
		return UINT32_MAX;
	pr_word *w = (pr_word *)v->data + v->len++;
	w->text = st->folded.key[wid];
	w->len = (uint32_t)m;
	/* an ASCII word is folded already: one probe of the language's
	 * table (lang.c) answers, where pr_lang_is_stop folds it again */
	if (ascii)
		w->stop = (uint8_t)pr_lang_is_stop_folded(d->lang, w->text, m);
	else
		w->stop = (uint8_t)pr_lang_is_stop(d->lang, w->text, m);
	w->term = PR_NO_TERM;
	wi->stop = w->stop;
	wi->term = PR_NO_TERM;
	if (w->stop)
		return wid;
	const char *stem = w->text;
	size_t slen = m;
	/* numbers and very long tokens are their own stems */
	if (st->stemmer && !is_number(w->text, m) && m < 64) {
		int k = st->english ? pr_stem_english(w->text, m, st->stem) : -1;
		if (k >= 0) {
			stem = st->stem;
			slen = (size_t)k;
		} else {
			const sb_symbol *r = sb_stemmer_stem(st->stemmer,
			                                     (const sb_symbol *)w->text, (int)m);
			if (!r)
				return UINT32_MAX;
			stem = (const char *)r;
			slen = (size_t)sb_stemmer_length(st->stemmer);
		}
	}
	int added;
	uint32_t tid = pr_strmap_intern(&st->stems, &d->arena, stem, slen, &added);
	if (tid == UINT32_MAX)
		return UINT32_MAX;
	if (added) {
		struct df *df = reserve_index(st->df, &st->df_cap, sizeof *df, tid);
		if (!df)
			return UINT32_MAX;
		st->df = df;
		st->df[tid].seen = UINT32_MAX;
		st->df[tid].df = 0;
	}
	w->term = tid;
	wi->term = tid;
	return wid;
}

/* The word id of the all-ASCII token s[0..n) (hash: its
 * pr_hash_ascii_folded), which folds by making its capitals small: the
 * folded-word table does that as it compares (hash.c). A short word the
 * document had before, most tokens, is found without a call. */
static uint32_t word_of_ascii(tok_state *st, const char *s, size_t n, uint32_t hash)
{
	if (n <= 8) {
		uint32_t wid = pr_strmap_find_short_ascii_folded(&st->folded, s, n, hash);
		if (wid != UINT32_MAX)
			return wid;
	}
	int added;
	uint32_t wid = pr_strmap_intern_ascii_folded(&st->folded, &st->doc->arena, s, n,
	                                             hash, &added);
	if (wid == UINT32_MAX || !added)
		return wid;
	return new_word(st, wid, n, 1);
}

/* The word id of the token s[0..n) that is not all ASCII (hash: its
 * pr_hash_bytes), folding it with utf8proc the first time the document
 * has it; UINT32_MAX when out of memory. */
static uint32_t surface_of(tok_state *st, const char *s, size_t n, uint32_t hash)
{
	int added;
	uint32_t sid = pr_strmap_intern_hashed(&st->surface, &st->doc->arena, s, n, hash,
	                                       &added);
	if (sid == UINT32_MAX)
		return UINT32_MAX;
	if (!added)
		return st->surf[sid];
	uint32_t *surf = reserve_index(st->surf, &st->surf_cap, sizeof *surf, sid);
	if (!surf)
		return UINT32_MAX;
	st->surf = surf;
	int ascii;
	size_t m = fold_word(st, s, n, &ascii);
	if (m == (size_t)-1)
		return UINT32_MAX;
	uint32_t wid = pr_strmap_intern(&st->folded, &st->doc->arena, st->buf, m, &added);
	if (wid != UINT32_MAX && added)
		wid = new_word(st, wid, m, ascii);
	st->surf[sid] = wid;
	return wid;
}

/* A new token at the end of the document's, its fields for the caller to
 * set: pr_vec_push without the call and the memset, since the array is
 * reserved for the whole text up front (pr_tokenize) and grows only when a
 * text has more tokens than that. */
static pr_token *push_token(tok_state *st)
{
	pr_vec *v = &st->toks;
	if (v->len == v->cap && pr_vec_reserve(&st->doc->arena, v, 1))
		return NULL;
	return (pr_token *)v->data + v->len++;
}

/* What pr_token.term holds between the two passes. */
#define TOK_ASCII 1
#define TOK_OTHER 0

/* No script below U+0E00 (Thai) is unspaced (cjk.c): Latin, Greek,
 * Cyrillic and the rest skip the calls. */
#define CJK_FIRST 0x0E00

static int tokenize_sentence(tok_state *st, pr_sent *s)
{
	const unsigned char *t = (const unsigned char *)s->text;
	size_t n = s->len, i = 0, prev_end = 0;
	int have_prev = 0;
	s->tok = (uint32_t)st->toks.len;
	s->nwords = 0;
	while (i < n) {
		/* spaces and punctuation between words, one load a byte */
		while (i < n && t[i] < 0x80 && !(byte_class[t[i]] & W))
			i++;
		if (i >= n)
			break;
		int32_t cp;
		size_t k = pr_utf8_decode(t + i, n - i, &cp);
		if (!is_word_cp(cp)) {
			i += k;
			continue;
		}
		size_t start = i, cjk_end = 0;
		/* unspaced scripts: a token per character (cjk.c) */
		int cjk = cp < CJK_FIRST ? -1 : pr_cjk_token(t, n, i, cp, k, &cjk_end);
		if (cjk == 0) {
			i += k;
			continue;
		}
		int upper = is_upper_cp(cp);
		int digit = cp >= '0' && cp <= '9';
		int ascii = cp < 0x80;
		i += k;
		if (cjk > 0)
			i = cjk_end;
		while (cjk < 0 && i < n) {
			/* ASCII letters and digits, most of most words */
			while (i < n && (byte_class[t[i]] & W))
				i++;
			if (i >= n)
				break;
			k = pr_utf8_decode(t + i, n - i, &cp);
			if (is_word_cp(cp) && (cp < CJK_FIRST || !pr_cjk_char(cp))) {
				ascii &= cp < 0x80;
				i += k;
				continue;
			}
			/* an apostrophe or full stop between word characters stays,
			 * and so does a comma between digits: "1,000" is one number,
			 * not "1" and "000" */
			/* "l'état" is "l'" and "état" (lang.c) */
			if ((cp == '\'' || cp == 0x2019) &&
			    pr_lang_elision(st->doc->lang, (const char *)t + start, i - start))
				break;
			if (cp == '\'' || cp == 0x2019 || cp == '.' ||
			    (cp == ',' && t[i - 1] >= '0' && t[i - 1] <= '9')) {
				int32_t next;
				if (i + k < n && (pr_utf8_decode(t + i + k, n - i - k, &next),
				                  cp == ',' ? next >= '0' && next <= '9' : is_word_cp(next))) {
					ascii &= cp < 0x80;
					i += k;
					continue;
				}
			}
			break;
		}
		if (i - start > UINT32_MAX / 2)
			return PRECIS_ETOOBIG;
		uint8_t flags = 0;
		if (upper)
			flags |= PR_TOK_UPPER;
		if (digit)
			flags |= PR_TOK_NUM;
		if (have_prev) {
			/* what lies between this token and the one before? */
			int space = 0, glue = 0, other = 0;
			for (size_t j = prev_end; j < start; j++) {
				unsigned char c = t[j];
				if (c == ' ')
					space = 1;
				else if (c == '-' || c == '/' || c == '\'')
					glue = 1;
				else
					other = 1;
			}
			if (other)
				flags |= PR_TOK_BREAK;
			else if (glue && !space)
				flags |= PR_TOK_JOINED;
		}
		pr_token *tok = push_token(st);
		if (!tok)
			return PRECIS_ENOMEM;
		tok->start = (uint32_t)start;
		tok->end = (uint32_t)i;
		/* until words_of_tokens() puts the word and term: the token's
		 * hash, and whether it is all ASCII (TOK_ASCII), which decides
		 * the table and the hash */
		tok->word = ascii ? pr_hash_ascii_folded((const char *)t + start, i - start)
		                  : pr_hash_bytes((const char *)t + start, i - start);
		tok->term = ascii ? TOK_ASCII : TOK_OTHER;
		tok->flags = flags;
		if (!(flags & PR_TOK_JOINED))
			s->nwords++;
		prev_end = i;
		have_prev = 1;
		if (cjk > 0)
			i = start + k; /* the next token starts one character on */
	}
	s->ntok = (uint32_t)(st->toks.len - s->tok);
	return PRECIS_OK;
}

/* How many tokens ahead words_of_tokens() asks for a surface's slot:
 * enough to cover a miss to memory, few enough that the line is still
 * there when its turn comes. */
#define PREFETCH_AHEAD 8

/* The second pass: every token's word, term and stop flag. A book's
 * tables are megabytes, and a rare word's lookups cache misses: its
 * table slot is requested PREFETCH_AHEAD tokens early, and a sentence's
 * tokens are all looked up before any of their words is read, so that
 * those reads, independent of each other, overlap too. */
static int words_of_tokens(tok_state *st)
{
	precis_doc *d = st->doc;
	pr_token *toks = st->toks.data;
	size_t ntoks = st->toks.len;
	for (size_t i = 0; i < d->nsents; i++) {
		const pr_sent *s = &d->sents[i];
		size_t end = (size_t)s->tok + s->ntok;
		for (size_t k = s->tok; k < end; k++) {
			if (k + PREFETCH_AHEAD < ntoks) {
				const pr_token *a = &toks[k + PREFETCH_AHEAD];
				pr_strmap_prefetch(a->term == TOK_ASCII ? &st->folded : &st->surface,
				                   a->word);
			}
			pr_token *t = &toks[k];
			const char *w = s->text + t->start;
			size_t n = t->end - t->start;
			uint32_t wid = t->term == TOK_ASCII ? word_of_ascii(st, w, n, t->word)
			                                    : surface_of(st, w, n, t->word);
			if (wid == UINT32_MAX)
				return PRECIS_ENOMEM;
			t->word = wid;
		}
		for (size_t k = s->tok; k < end; k++) {
			pr_token *t = &toks[k];
			const struct winfo *w = &st->winfo[t->word];
			t->term = w->term;
			if (w->stop)
				t->flags |= PR_TOK_STOP;
			if (w->term != PR_NO_TERM && st->df[w->term].seen != i) {
				st->df[w->term].seen = (uint32_t)i;
				st->df[w->term].df++;
			}
		}
	}
	return PRECIS_OK;
}

int pr_tokenize(precis_doc *d)
{
	tok_state st;
	memset(&st, 0, sizeof st);
	st.doc = d;
	/* one distinct surface per eleven or twelve bytes is what a news
	 * article has (the 200 eval articles of ~5 KB: 435 on average, at
	 * most one per ten bytes), so a table sized for bytes / 12 keys,
	 * under half full, rarely grows; a book has far fewer distinct
	 * words, and its tables grow as they fill (a table is allocated at
	 * its first key: the surface table only for a text with a token
	 * that is not all ASCII) */
	size_t bytes = 0;
	for (size_t i = 0; i < d->nsents; i++)
		bytes += d->sents[i].len;
	size_t expect = bytes / 12 < 4096 ? bytes / 12 : 4096;
	pr_strmap_init_for(&st.surface, expect);
	pr_strmap_init_for(&st.folded, expect);
	pr_strmap_init_for(&st.stems, expect);
	pr_vec_init(&st.words, sizeof(pr_word));
	pr_vec_init(&st.toks, sizeof(pr_token));
	int rc = PRECIS_OK;
	if (d->lang->stemmer) {
		st.stemmer = sb_stemmer_new(d->lang->stemmer, "UTF_8");
		if (!st.stemmer)
			rc = PRECIS_ENOMEM;
		st.english = strcmp(d->lang->stemmer, "english") == 0;
	}
	/* one token per five bytes is more than English prose has, so the
	 * token array is usually allocated once; pages it never fills are
	 * never touched */
	if (rc == PRECIS_OK && (pr_vec_reserve(&d->arena, &st.toks, bytes / 5 + 16) ||
	                        pr_vec_reserve(&d->arena, &st.words, expect + 16)))
		rc = PRECIS_ENOMEM;
	for (size_t i = 0; rc == PRECIS_OK && i < d->nsents; i++)
		rc = tokenize_sentence(&st, &d->sents[i]);
	if (rc == PRECIS_OK)
		rc = words_of_tokens(&st);

	if (rc == PRECIS_OK) {
		d->toks = st.toks.data;
		d->ntoks = st.toks.len;
		d->words = st.words.data;
		d->nwords = st.words.len;
		d->nterms = st.stems.n;
		d->terms = pr_calloc(&d->arena, d->nterms + 1, sizeof(pr_term));
		if (!d->terms)
			rc = PRECIS_ENOMEM;
	}
	if (rc == PRECIS_OK) {
		/* document frequencies as the second pass counted them */
		for (size_t k = 0; k < d->nterms; k++) {
			d->terms[k].text = st.stems.key[k];
			d->terms[k].len = st.stems.keylen[k];
			d->terms[k].df = st.df[k].df;
		}
	}
	if (st.stemmer)
		sb_stemmer_delete(st.stemmer);
	pr_free_raw(st.surf);
	pr_free_raw(st.winfo);
	pr_free_raw(st.df);
	pr_free_raw(st.buf);
	pr_strmap_free(&st.surface);
	pr_strmap_free(&st.folded);
	pr_strmap_free(&st.stems);
	return rc;
}
