/* stem.c: English words into their stems.
 *
 * Snowball's "english" algorithm (Porter2, as libstemmer 2.2 runs it),
 * written out for words of lower-case ASCII letters, digits, apostrophes,
 * full stops and commas, which is nearly every English word a document
 * has: the generated Snowball code spends about a thousand instructions a
 * word on its generic machinery, this a small fraction of that. Every
 * other word still goes to libstemmer (token.c). The steps follow the
 * published description of the algorithm; test_token.c holds the two to
 * the same stems over many words.
 */
#include "stem.h"
#include "hash.h"

#include <string.h>

#define EN_MAX PR_STEM_EN_MAX

/* What each ASCII byte is to the stemmer: a vowel (a e i o u y), a byte
 * it takes (small letters, digits, the apostrophe, full stop and comma).
 * Bytes from 0x80 up are neither. */
enum { V = 4, E = 8 };
#define EC E       /* a small consonant, a digit or punctuation it takes */
#define EV (E | V) /* a small vowel */
static const unsigned char byte_class[256] = {
	/* 0x00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x10 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x20 */ 0, 0, 0, 0, 0, 0, 0, EC, 0, 0, 0, 0, EC, 0, EC, 0,
	/* 0x30 */ EC, EC, EC, EC, EC, EC, EC, EC, EC, EC, 0, 0, 0, 0, 0, 0,
	/* 0x40 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x50 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x60 */ 0, EV, EC, EC, EC, EV, EC, EC, EC, EV, EC, EC, EC, EC, EC, EV,
	/* 0x70 */ EC, EC, EC, EC, EC, EV, EC, EC, EC, EV, EC, 0, 0, 0, 0, 0,
};

/* The word is edited in place at its end. p1 and p2 are the starts of the
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
