/* stem.c: English words into their stems.
 *
 * Snowball's "english" algorithm (Porter2, as libstemmer 2.2 runs it),
 * written out for words of lower-case ASCII letters, digits, apostrophes,
 * full stops and commas, which is nearly every English word a document
 * has: the generated Snowball code spends about a thousand instructions a
 * word on its generic machinery, this a small fraction of that. Every
 * other word still goes to libstemmer (token.c). The steps follow the
 * published description of the algorithm; test_stem.c holds the two to
 * the same stems over many words.
 *
 * Each distinct word of a document passes here once, so the cost that
 * counts is the common case: a short word with no suffix to remove. Three
 * things keep it small:
 *  - one pass over the word checks its bytes, copies them, marks the 'y's
 *    that act as consonants and notes which bytes are vowels (a bit
 *    each), so that R1 and R2 and "is there a vowel before here" are bit
 *    operations, not scans;
 *  - the word's last eight bytes are read as one number, so that a suffix
 *    test is a shift and a comparison with a constant;
 *  - each step looks only at the suffixes that end in the word's last
 *    letter (and, for the long lists, the one before it).
 */
#include "stem.h"
#include "bits.h"

#include <stdint.h>
#include <string.h>

#define EN_MAX PR_STEM_EN_MAX

/* What each ASCII byte is to the stemmer: a byte it takes (small letters,
 * digits, the apostrophe, full stop and comma), a vowel (a e i o u y) and
 * the letter y. Bytes from 0x80 up are none of these. (Which bytes end a
 * suffix, so that a word ending otherwise leaves every step as it is:
 * pr_stem_english_may_change(), stem.h.) */
enum { V = 1, E = 2, Y = 4 };
#define EC E           /* a consonant, digit or punctuation */
#define EV (E | V)     /* a vowel */
#define EY (E | V | Y) /* y: a vowel unless first or after a vowel */
static const unsigned char byte_class[256] = {
	/* 0x00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x10 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x20 */ 0, 0, 0, 0, 0, 0, 0, EC, 0, 0, 0, 0, EC, 0, EC, 0,
	/* 0x30 */ EC, EC, EC, EC, EC, EC, EC, EC, EC, EC, 0, 0, 0, 0, 0, 0,
	/* 0x40 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x50 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/*           a   b   c   d   e   f   g   h   i   j   k   l   m   n   o */
	/* 0x60 */ 0, EV, EC, EC, EC, EV, EC, EC, EC, EV, EC, EC, EC, EC, EC, EV,
	/*        p   q   r   s   t   u   v   w   x   y   z */
	/* 0x70 */ EC, EC, EC, EC, EC, EV, EC, EC, EC, EY, EC, 0, 0, 0, 0, 0,
};

#if defined(__GNUC__) || defined(__clang__)
#define EN_INLINE static inline __attribute__((always_inline))
#else
#define EN_INLINE static inline
#endif

/* The word is edited in place at its end; steps only shorten it or
 * rewrite its last few bytes. b[-8..0) are zero bytes, so that the eight
 * bytes before the end can always be read, and a suffix longer than the
 * word never matches (no suffix holds a zero byte). p1 and p2 are the
 * starts of the regions R1 and R2, fixed before the steps run, as in
 * Snowball; 'Y' is a 'y' that acts as a consonant. vowels has bit i set
 * when b[i] was a vowel before the steps: it holds for b[0..n) until a
 * step writes letters (step 1b's 'e', steps 2 to 4), and only steps 1a
 * and 1b use it. */
typedef struct en_word {
	char buf[8 + EN_MAX + 2];
	char *b; /* buf + 8 */
	int n, p1, p2;
	uint64_t vowels;
} en_word;

/* Is c a vowel? ('Y', the consonant y, is not one: byte_class has no bit
 * for capitals.) */
static int en_vowel(char c)
{
	return (byte_class[(unsigned char)c] & V) != 0;
}

/* The first k bytes of the string constant s as a number, first byte
 * lowest, k <= 8: a constant expression, so that each suffix test
 * compares with an immediate. */
#define EN_BYTE(s, k, i) \
	((i) < (k) ? (uint64_t)(unsigned char)(s)[(i) < (k) ? (i) : 0] << (8 * (i)) : 0)
#define EN_LIT(s, k)                                                     \
	(EN_BYTE(s, k, 0) | EN_BYTE(s, k, 1) | EN_BYTE(s, k, 2) | EN_BYTE(s, k, 3) | \
	 EN_BYTE(s, k, 4) | EN_BYTE(s, k, 5) | EN_BYTE(s, k, 6) | EN_BYTE(s, k, 7))

/* The word's last eight bytes as a number, its last byte highest (byte by
 * byte, so that the value is the same on every machine; compilers make
 * it one load). */
EN_INLINE uint64_t en_tail(const en_word *w)
{
	const unsigned char *p = (const unsigned char *)w->b + w->n - 8;
	return pr_load_le64(p);
}

/* Does a word whose en_tail() is t end with the string constant s
 * (1 to 8 bytes)? */
#define EN_ENDS(t, s) \
	((t) >> (64 - 8 * (sizeof s - 1)) == EN_LIT(s, sizeof s - 1))

/* Bit c - 'a' of a set of small letters; en_in(): is c in the set? */
#define EN_BIT(c) (1u << ((c) - 'a'))
static int en_in(char c, uint32_t set)
{
	return c >= 'a' && c <= 'z' && (set >> (c - 'a') & 1);
}

/* The letters a double consonant can be (step 1b), and those that li can
 * follow (step 2). */
#define EN_DOUBLES \
	(EN_BIT('b') | EN_BIT('d') | EN_BIT('f') | EN_BIT('g') | EN_BIT('m') | \
	 EN_BIT('n') | EN_BIT('p') | EN_BIT('r') | EN_BIT('t'))
#define EN_LI_ENDINGS \
	(EN_BIT('c') | EN_BIT('d') | EN_BIT('e') | EN_BIT('g') | EN_BIT('h') | \
	 EN_BIT('k') | EN_BIT('m') | EN_BIT('n') | EN_BIT('r') | EN_BIT('t'))

/* Is there a vowel in b[0..e)? (Steps 1a and 1b, while vowels holds.) */
static int en_has_vowel(const en_word *w, int e)
{
	return e > 0 && (w->vowels & (((uint64_t)1 << e) - 1)) != 0;
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

/* The end of the first vowel-consonant pair whose vowel is at or after
 * `from`, or n: a region's start, found before the steps run. A
 * consonant right after a vowel is a bit of `starts`, so this is the
 * lowest such bit above `from`. */
static int en_region(const en_word *w, int from)
{
	uint64_t all = ((uint64_t)1 << w->n) - 1;
	uint64_t starts = ~w->vowels & all & w->vowels << 1;
	starts &= ~(((uint64_t)2 << from) - 1);
	return starts ? (int)pr_ctz64(starts) + 1 : w->n;
}

/* Steps 2 to 4: if `match` (w ends with a suffix of k bytes, the
 * longest of its step's suffixes that it ends with), replace the suffix
 * by r[0..rk) when it starts at or after `from` (the step's region).
 * Returns `match`: a suffix that matches ends the step, replaced or not;
 * shorter ones are not tried. So a step's list is written EN_SUB(...) ||
 * EN_SUB(...), longest suffix first. */
EN_INLINE int en_sub(en_word *w, int match, int k, const char *r, int rk, int from)
{
	if (match && w->n - k >= from) {
		memcpy(w->b + w->n - k, r, (size_t)rk);
		w->n += rk - k;
	}
	return match;
}

#define EN_SUB(s, r) \
	en_sub(w, EN_ENDS(t, s), (int)sizeof s - 1, r, (int)sizeof r - 1, from)

/* Like EN_SUB for a suffix that goes, and only when `ok` also holds (a
 * condition on the letter before it). */
EN_INLINE int en_drop_if(en_word *w, int match, int k, int from, int ok)
{
	if (match && ok && w->n - k >= from)
		w->n -= k;
	return match;
}

#define EN_DROP_IF(s, ok, from) en_drop_if(w, EN_ENDS(t, s), (int)sizeof s - 1, from, ok)

/* Step 1a: the possessive ('s', 's, '), then plurals: sses to ss, ied and
 * ies to i (to ie after a single letter), s goes after a vowel that is
 * not just before it; ss and us stay. */
static void en_step1a(en_word *w)
{
	char last = w->b[w->n - 1];
	if (last != '\'' && last != 's' && last != 'd')
		return;
	uint64_t t = en_tail(w);
	int n0 = w->n;
	if (EN_ENDS(t, "'s'"))
		w->n -= 3;
	else if (EN_ENDS(t, "'s"))
		w->n -= 2;
	else if (last == '\'')
		w->n -= 1;
	if (w->n != n0)
		t = en_tail(w);
	if (EN_ENDS(t, "sses"))
		w->n -= 2;
	else if (EN_ENDS(t, "ied") || EN_ENDS(t, "ies"))
		w->n -= w->n - 3 >= 2 ? 2 : 1; /* "cries" "cri", "ties" "tie" */
	else if (EN_ENDS(t, "ss") || EN_ENDS(t, "us"))
		return;
	else if ((t >> 56) == 's' && w->n >= 2 && en_has_vowel(w, w->n - 2))
		w->n -= 1;
}

/* Is w one of the words that stay as they are after step 1a? */
static int en_invariant(const en_word *w)
{
	if (w->n != 6 && w->n != 7)
		return 0;
	uint64_t t = en_tail(w);
	if (w->n == 6)
		return EN_ENDS(t, "inning") || EN_ENDS(t, "outing") || EN_ENDS(t, "exceed");
	return EN_ENDS(t, "canning") || EN_ENDS(t, "herring") || EN_ENDS(t, "earring") ||
	       EN_ENDS(t, "proceed") || EN_ENDS(t, "succeed");
}

/* Step 1b: eed and eedly to ee in R1; ed, edly, ing and ingly go after a
 * vowel, and then at, bl and iz get an e back, a double consonant loses
 * one letter, and a short word gets an e ("hop" "hope" is not undone,
 * "hoping" "hope"). */
static void en_step1b(en_word *w)
{
	char last = w->b[w->n - 1];
	if (last != 'd' && last != 'y' && last != 'g')
		return;
	uint64_t t = en_tail(w);
	int k = 0;
	if (EN_ENDS(t, "eedly"))
		k = 5;
	else if (EN_ENDS(t, "eed"))
		k = 3;
	if (k) {
		if (w->n - k >= w->p1)
			w->n = w->n - k + 2;
		return;
	}
	if (EN_ENDS(t, "ingly"))
		k = 5;
	else if (EN_ENDS(t, "edly"))
		k = 4;
	else if (EN_ENDS(t, "ing"))
		k = 3;
	else if (EN_ENDS(t, "ed"))
		k = 2;
	if (!k || !en_has_vowel(w, w->n - k))
		return;
	w->n -= k;
	char *b = w->b;
	int n = w->n;
	t = en_tail(w);
	if (EN_ENDS(t, "at") || EN_ENDS(t, "bl") || EN_ENDS(t, "iz"))
		b[w->n++] = 'e';
	else if (n >= 2 && b[n - 1] == b[n - 2] && en_in(b[n - 1], EN_DOUBLES))
		w->n--;
	else if (n == w->p1 && en_short_at(w, n))
		b[w->n++] = 'e';
}

/* Step 1c: a final y after a consonant that is not the first letter is
 * an i. */
static void en_step1c(en_word *w)
{
	char *b = w->b;
	int n = w->n;
	if (n >= 3 && (b[n - 1] == 'y' || b[n - 1] == 'Y') && !en_vowel(b[n - 2]))
		b[n - 1] = 'i';
}

/* Step 2, in R1: derivational suffixes to shorter ones (ization to ize,
 * fulness to ful, ...). */
static void en_step2(en_word *w)
{
	uint64_t t = en_tail(w);
	int from = w->p1;
	switch (w->b[w->n - 1]) {
	case 'l':
		(void)(EN_SUB("ational", "ate") || EN_SUB("tional", "tion"));
		break;
	case 'i':
		switch (w->n >= 2 ? w->b[w->n - 2] : 0) {
		case 'l':
			(void)(EN_SUB("lessli", "less") || EN_SUB("entli", "ent") ||
			       EN_SUB("fulli", "ful") || EN_SUB("ousli", "ous") ||
			       EN_SUB("abli", "able") || EN_SUB("alli", "al") ||
			       EN_SUB("bli", "ble") ||
			       /* li goes after c d e g h k m n r t */
			       EN_DROP_IF("li", w->n >= 3 && en_in(w->b[w->n - 3], EN_LI_ENDINGS),
			                  from));
			break;
		case 't':
			(void)(EN_SUB("biliti", "ble") || EN_SUB("aliti", "al") ||
			       EN_SUB("iviti", "ive"));
			break;
		case 'c':
			(void)(EN_SUB("anci", "ance") || EN_SUB("enci", "ence"));
			break;
		case 'g':
			/* ogi to og after an l */
			if (EN_ENDS(t, "ogi") && w->n - 3 >= from && w->n >= 4 &&
			    w->b[w->n - 4] == 'l')
				w->n--;
			break;
		default:
			break;
		}
		break;
	case 'n':
		(void)(EN_SUB("ization", "ize") || EN_SUB("ation", "ate"));
		break;
	case 'r':
		(void)(EN_SUB("izer", "ize") || EN_SUB("ator", "ate"));
		break;
	case 'm':
		(void)EN_SUB("alism", "al");
		break;
	case 's':
		(void)(EN_SUB("fulness", "ful") || EN_SUB("iveness", "ive") ||
		       EN_SUB("ousness", "ous"));
		break;
	default:
		break;
	}
}

/* Step 3, in R1: more of them (alize to al, ful and ness go, ...); ative
 * goes only in R2. */
static void en_step3(en_word *w)
{
	uint64_t t = en_tail(w);
	int from = w->p1;
	switch (w->b[w->n - 1]) {
	case 'l':
		(void)(EN_SUB("ational", "ate") || EN_SUB("tional", "tion") ||
		       EN_SUB("ical", "ic") || EN_SUB("ful", ""));
		break;
	case 'e':
		(void)(EN_SUB("alize", "al") || EN_SUB("icate", "ic") ||
		       EN_DROP_IF("ative", 1, w->p2));
		break;
	case 'i':
		(void)EN_SUB("iciti", "ic");
		break;
	case 's':
		(void)EN_SUB("ness", "");
		break;
	default:
		break;
	}
}

/* Step 4, in R2: suffixes that go (ement, ance, ive, ...); ion only
 * after s or t. */
static void en_step4(en_word *w)
{
	uint64_t t = en_tail(w);
	int from = w->p2;
	switch (w->b[w->n - 1]) {
	case 't':
		(void)(EN_SUB("ement", "") || EN_SUB("ment", "") || EN_SUB("ant", "") ||
		       EN_SUB("ent", ""));
		break;
	case 'e':
		(void)(EN_SUB("able", "") || EN_SUB("ance", "") || EN_SUB("ence", "") ||
		       EN_SUB("ible", "") || EN_SUB("ate", "") || EN_SUB("ive", "") ||
		       EN_SUB("ize", ""));
		break;
	case 'n':
		(void)EN_DROP_IF("ion", w->n >= 4 && (w->b[w->n - 4] == 's' || w->b[w->n - 4] == 't'),
		                 from);
		break;
	case 'm': (void)EN_SUB("ism", ""); break;
	case 'i': (void)EN_SUB("iti", ""); break;
	case 's': (void)EN_SUB("ous", ""); break;
	case 'l': (void)EN_SUB("al", ""); break;
	case 'r': (void)EN_SUB("er", ""); break;
	case 'c': (void)EN_SUB("ic", ""); break;
	default:
		break;
	}
}

/* Step 5: a final e in R2, or in R1 after no short syllable; a final l
 * after an l, in R2. */
static void en_step5(en_word *w)
{
	int e = w->n - 1;
	char last = w->b[e];
	if (last == 'e' && (e >= w->p2 || (e >= w->p1 && !en_short_at(w, e))))
		w->n--;
	else if (last == 'l' && e >= w->p2 && e >= 1 && w->b[e - 1] == 'l')
		w->n--;
}

/* Whole words the algorithm treats apart before any step ("skies" is
 * "sky", "news" stays): the length of the stem written to out, or -1.
 * whole is the word as EN_LIT() reads it. */
#define EN_EXCEPTIONS(X)                                                        \
	X("sky", "sky") X("skis", "ski") X("idly", "idl") X("ugly", "ugli")         \
	X("only", "onli") X("news", "news") X("howe", "howe") X("bias", "bias")     \
	X("skies", "sky") X("dying", "die") X("lying", "lie") X("tying", "tie")     \
	X("early", "earli") X("atlas", "atlas") X("andes", "andes")                 \
	X("gently", "gentl") X("singly", "singl") X("cosmos", "cosmos")

static int en_exception(uint64_t whole, char *out)
{
#define EN_EXC(word, stem)                                         \
	if (whole == EN_LIT(word, sizeof word - 1)) {                  \
		memcpy(out, stem, sizeof stem - 1);                        \
		return (int)sizeof stem - 1;                               \
	}
	EN_EXCEPTIONS(EN_EXC)
	return -1;
#undef EN_EXC
}

/* A word of at most eight bytes as EN_LIT() reads it (its bytes past the
 * end zero) to 0..255: the bit it has in en_exception_filter. */
#define EN_EXC_HASH(whole) ((uint64_t)(whole) * 0x9E3779B97F4A7C15u >> 56)
#define EN_EXC_SLOT(word) EN_EXC_HASH(EN_LIT(word, sizeof word - 1))
#define EN_EXC_BIT(word, q) \
	(EN_EXC_SLOT(word) >> 6 == (q) ? (uint64_t)1 << (EN_EXC_SLOT(word) & 63) : 0) |
#define EN_EXC_BIT0(word, stem) EN_EXC_BIT(word, 0)
#define EN_EXC_BIT1(word, stem) EN_EXC_BIT(word, 1)
#define EN_EXC_BIT2(word, stem) EN_EXC_BIT(word, 2)
#define EN_EXC_BIT3(word, stem) EN_EXC_BIT(word, 3)

/* The exceptions' bits: a word whose bit is clear, nearly all words (18
 * of 256 bits are set), is none, told by one test that goes the same way
 * nearly every time; the comparisons with each exception, and a switch
 * on the length before them, went a different way word after word. */
static const uint64_t en_exception_filter[4] = {
	EN_EXCEPTIONS(EN_EXC_BIT0) 0,
	EN_EXCEPTIONS(EN_EXC_BIT1) 0,
	EN_EXCEPTIONS(EN_EXC_BIT2) 0,
	EN_EXCEPTIONS(EN_EXC_BIT3) 0,
};

/* Is the word whole (EN_LIT() form, at most eight bytes) perhaps one of
 * the exceptions? */
static int en_may_be_exception(uint64_t whole)
{
	uint64_t h = EN_EXC_HASH(whole);
	return (int)(en_exception_filter[h >> 6] >> (h & 63) & 1);
}

/* Copy the stem b[0..n) to out: sixteen bytes at once, which most stems
 * fit (out has room for them, and its bytes past the stem are
 * unspecified), as a copy of constant size is two moves, not a call. */
static int en_copy_out(char *out, const char *b, int n)
{
	memcpy(out, b, 16);
	if (n > 16)
		memcpy(out + 16, b + 16, (size_t)n - 16);
	return n;
}

/* Does b[0..n) begin with the constant s? */
#define EN_BEGINS(b, n, s) \
	((n) >= (int)sizeof s - 1 && memcmp(b, s, sizeof s - 1) == 0)

int pr_stem_english(const char *s, size_t n, char *out)
{
	if (n > EN_MAX - 1)
		return -1;
	en_word w;
	memset(w.buf, 0, 8);
	/* b is w.b in a register: a store through w.b could change w.b
	 * itself for all the compiler knows, so the loops use b */
	char *b = w.buf + 8;
	w.b = b;
	/* a leading apostrophe goes (after the checks below, which see the
	 * word as it came) */
	size_t lead = n > 0 && s[0] == '\'';
	const unsigned char *p = (const unsigned char *)s + lead;
	int m = (int)(n - lead);
	/* One pass: check and copy each byte, noting the vowels and whether
	 * there is a 'y' (every: the classes all bytes have; any: those
	 * some byte has). */
	unsigned every = E, any = 0;
	uint64_t vowels = 0;
	for (int i = 0; i < m; i++) {
		unsigned cl = byte_class[p[i]];
		every &= cl;
		any |= cl;
		vowels |= (uint64_t)(cl & V) << i;
		b[i] = (char)p[i];
	}
	if (!(every & E))
		return -1;
	/* words under three letters stay as they are */
	if (n < 3) {
		memcpy(out, s, n);
		return (int)n;
	}
	w.n = m;
	w.vowels = vowels;
	/* the exceptions are whole words of at most six bytes, none with a
	 * leading apostrophe (whole is 0 for a word of more than eight, whose
	 * bytes one number does not hold) */
	uint64_t whole = m <= 8 ? en_tail(&w) >> (64 - 8 * m) : 0;
	if (!lead && en_may_be_exception(whole)) {
		int k = en_exception(whole, out);
		if (k >= 0)
			return k;
	}
	/* fast exit: no step changes a word whose last byte ends none of
	 * their suffixes (about one word in ten, which token.c tells apart
	 * itself by pr_stem_english_may_change() and does not ask about) */
	if (!pr_stem_english_may_change(p[m - 1]))
		return en_copy_out(out, b, m);
	/* a 'y' first or after a vowel is the consonant 'Y', left to right
	 * ("ayy" is "aYy") */
	int has_y = 0;
	for (int i = 0; (any & Y) && i < m; i++) {
		if (b[i] == 'y' && (i == 0 || (w.vowels >> (i - 1) & 1))) {
			b[i] = 'Y';
			w.vowels &= ~((uint64_t)1 << i);
			has_y = 1;
		}
	}
	/* R1 and R2; three prefixes get R1 after them, whatever follows */
	w.p1 = -1;
	switch (b[0]) {
	case 'g':
		if (EN_BEGINS(b, w.n, "gener"))
			w.p1 = 5;
		break;
	case 'a':
		if (EN_BEGINS(b, w.n, "arsen"))
			w.p1 = 5;
		break;
	case 'c':
		if (EN_BEGINS(b, w.n, "commun"))
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
		en_step1c(&w);
		/* steps 2 to 4 remove suffixes of two bytes or more that lie
		 * in R1 (R2, which starts no earlier, for step 4): none fits
		 * in an R1 of under two bytes (a short word's, often) */
		if (w.n - w.p1 >= 2) {
			en_step2(&w);
			en_step3(&w);
			en_step4(&w);
		}
		if (w.n > 0)
			en_step5(&w);
	}
	if (!has_y)
		return en_copy_out(out, b, w.n);
	for (int i = 0; i < w.n; i++)
		out[i] = b[i] == 'Y' ? 'y' : b[i];
	return w.n;
}
