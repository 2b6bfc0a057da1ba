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
 * Each distinct word of a document passes here once (token.c asks only
 * about those whose last two bytes may end a suffix), so the cost that
 * counts is a short word with one suffix or none to remove, and what costs
 * most there is the branches that go one way for one word and the other
 * way for the next. So:
 *  - the word is read, copied and classed eight bytes at a time: which
 *    bytes are vowels and which are 'y' (a bit each) come from tests on
 *    the bits of all eight at once, not from a loop over them whose exit
 *    is a different count each word; R1, R2 and "is there a vowel before
 *    here" are then bit operations, not scans;
 *  - the word's last eight bytes are kept as one number through the
 *    steps, so that a suffix test is a shift and a comparison with a
 *    constant; they are read again from the buffer only after a step has
 *    cut or rewritten the word;
 *  - a step runs only when the word's last byte ends one of its suffixes
 *    (en_class), and then looks only at those suffixes (and, for the long
 *    lists, at those that end in the byte before it too).
 */
#include "stem.h"
#include "bits.h"
#include "hash.h"

#include <stdint.h>
#include <string.h>

#define EN_MAX PR_STEM_EN_MAX

/* What each byte is to the steps, as the word's last byte: which steps
 * have a suffix that ends in it (a step whose bit it lacks leaves the
 * word as it is, and is not tried), and whether it is a vowel (a e i o u
 * y, not 'Y', the consonant y); the zero byte, the last of an empty word,
 * is in no step. pr_stem_english_may_change() (stem.h) reads the same fact
 * from its own table of the last two bytes, pr_stem_en_before: a final
 * letter with an entry there is one with a step bit here (apart from the
 * apostrophe and 'Y'), so the two tables are changed together. */
enum {
	V = 1,       /* a vowel */
	S1A = 2,     /* ' s d: step 1a (possessives, plurals, ied) */
	S1B = 4,     /* d g y: step 1b (eed, ed, ing, ...) */
	S1C = 8,     /* y Y: step 1c */
	S2 = 16,     /* step 2 */
	S3 = 32,     /* step 3 */
	S4 = 64,     /* step 4 */
	S5 = 128,    /* e l: step 5 */
};
static const unsigned char en_class[256] = {
	['\''] = S1A,
	['a'] = V,
	['c'] = S4,
	['d'] = S1A | S1B,
	['e'] = V | S3 | S4 | S5,
	['g'] = S1B,
	['i'] = V | S2 | S3 | S4,
	['l'] = S2 | S3 | S4 | S5,
	['m'] = S2 | S4,
	['n'] = S2 | S4,
	['o'] = V,
	['r'] = S2 | S4,
	['s'] = S1A | S2 | S3 | S4,
	['t'] = S4,
	['u'] = V,
	['y'] = V | S1B | S1C,
	['Y'] = S1C,
};

/* pr_stem_english_may_change()'s table (stem.h): for each final small
 * letter, the bytes before it with which a word may end in a suffix some
 * step changes. Step 1a takes a final s after anything (plurals,
 * possessives; a final apostrophe too, which the function tells itself),
 * step 5 a final e; the rest end in two bytes each: ied, eed and ed in
 * "ed", ing in "ng", the -li, -iti, -ci and -ogi endings of step 2, al,
 * ful and the ll of step 5, ism, ion, izer, ator and er, the ment, ant
 * and ent of step 4 in "nt", ic; and step 1c turns a final y after any
 * byte but a vowel into an i (the exceptions end so too). */
#define EN_AFTER(c) ((uint32_t)1 << ((c) - 0x60))
#define EN_ANY (~(uint32_t)0)
const uint32_t pr_stem_en_before[32] = {
	['c' - 0x60] = EN_AFTER('i'),
	['d' - 0x60] = EN_AFTER('e'),
	['e' - 0x60] = EN_ANY,
	['g' - 0x60] = EN_AFTER('n'),
	['i' - 0x60] = EN_AFTER('l') | EN_AFTER('t') | EN_AFTER('c') | EN_AFTER('g'),
	['l' - 0x60] = EN_AFTER('a') | EN_AFTER('u') | EN_AFTER('l'),
	['m' - 0x60] = EN_AFTER('s'),
	['n' - 0x60] = EN_AFTER('o'),
	['r' - 0x60] = EN_AFTER('e') | EN_AFTER('o'),
	['s' - 0x60] = EN_ANY,
	['t' - 0x60] = EN_AFTER('n'),
	['y' - 0x60] = EN_ANY & ~(EN_AFTER('a') | EN_AFTER('e') | EN_AFTER('i') |
	                          EN_AFTER('o') | EN_AFTER('u')),
};

#if defined(__GNUC__) || defined(__clang__)
#define EN_INLINE static inline __attribute__((always_inline))
#else
#define EN_INLINE static inline
#endif

/* The word is edited in place at its end; steps only shorten it or
 * rewrite its last few bytes. b[-8..0) are zero bytes, so that the eight
 * bytes before the end can always be read, and a suffix longer than the
 * word never matches (no suffix holds a zero byte). t is those eight
 * bytes as en_tail() reads them, kept up to date by every step that
 * changes the word (but step 5, the last), so that the suffix tests read
 * no memory. p1 and p2
 * are the starts of the regions R1 and R2, fixed before the steps run, as
 * in Snowball; 'Y' is a 'y' that acts as a consonant. vowels has bit i
 * set when b[i] was a vowel before the steps: it holds for b[0..n) until
 * a step writes letters (step 1b's 'e', steps 2 to 4), and only steps 1a
 * and 1b use it. */
typedef struct en_word {
	char buf[8 + EN_MAX + 8];
	char *b; /* buf + 8 */
	int n, p1, p2;
	uint64_t t;
	uint64_t vowels;
} en_word;

/* Is c a vowel? ('Y', the consonant y, is not one.) */
static int en_vowel(char c)
{
	return (en_class[(unsigned char)c] & V) != 0;
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

/* The word lost its last k bytes: its tail read again from the buffer
 * (the bytes before the word are zero). */
EN_INLINE void en_cut(en_word *w, int k)
{
	w->n -= k;
	w->t = en_tail(w);
}

/* The word gains the byte c at its end, its tail with it. */
EN_INLINE void en_push(en_word *w, char c)
{
	w->b[w->n++] = c;
	w->t = w->t >> 8 | (uint64_t)(unsigned char)c << 56;
}

/* The word's last byte. */
EN_INLINE unsigned en_last(const en_word *w)
{
	return (unsigned)(w->t >> 56);
}

/* Does a word whose en_tail() is t end with the string constant s
 * (1 to 8 bytes)? */
#define EN_ENDS(t, s) \
	((t) >> (64 - 8 * (sizeof s - 1)) == EN_LIT(s, sizeof s - 1))

/* Bit c - 'a' of a set of small letters; en_in(): is c in the set? */
#define EN_BIT(c) (1u << ((c) - 'a'))
static int en_in(unsigned c, uint32_t set)
{
	return c - 'a' < 26 && (set >> (c - 'a') & 1);
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

/* The starts of R1 and R2, found before the steps run: a region starts
 * after the first consonant that follows a vowel at or past its start
 * (R1's from the word's, R2's from R1's), or at n when there is none.
 * Those consonants are the bits of `starts`, and a bit for the last byte
 * stands for "none" too, since both give n. p1 > 0 is R1's start fixed by
 * a prefix. */
static void en_regions(en_word *w, int p1)
{
	uint64_t all = ((uint64_t)1 << w->n) - 1;
	uint64_t starts = (~w->vowels & all & w->vowels << 1) | (uint64_t)1 << (w->n - 1);
	if (!p1)
		p1 = (int)pr_ctz64(starts) + 1;
	w->p1 = p1;
	/* R2: the bits past R1's start, or none (the top bit, which no word
	 * reaches) */
	int p2 = (int)pr_ctz64((starts & ~(((uint64_t)2 << p1) - 1)) | (uint64_t)1 << 63) + 1;
	w->p2 = p2 < w->n ? p2 : w->n;
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
		w->t = en_tail(w);
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
		en_cut(w, k);
	return match;
}

#define EN_DROP_IF(s, ok, from) en_drop_if(w, EN_ENDS(t, s), (int)sizeof s - 1, from, ok)

/* Step 1a, for a word ending in ' s or d: the possessive ('s', 's, '),
 * then plurals: sses to ss, ied and ies to i (to ie after a single
 * letter), s goes after a vowel that is not just before it; ss and us
 * stay. */
static void en_step1a(en_word *w)
{
	uint64_t t = w->t;
	if (EN_ENDS(t, "'s'"))
		en_cut(w, 3);
	else if (EN_ENDS(t, "'s"))
		en_cut(w, 2);
	else if ((t >> 56) == '\'')
		en_cut(w, 1);
	t = w->t;
	if (EN_ENDS(t, "sses"))
		en_cut(w, 2);
	else if (EN_ENDS(t, "ied") || EN_ENDS(t, "ies"))
		en_cut(w, w->n - 3 >= 2 ? 2 : 1); /* "cries" "cri", "ties" "tie" */
	else if (EN_ENDS(t, "ss") || EN_ENDS(t, "us"))
		return;
	else if ((t >> 56) == 's' && w->n >= 2 && en_has_vowel(w, w->n - 2))
		en_cut(w, 1);
}

/* Is w one of the words that stay as they are after step 1a? (All end in
 * d or g.) */
static int en_invariant(const en_word *w)
{
	if (w->n != 6 && w->n != 7)
		return 0;
	uint64_t t = w->t;
	if (w->n == 6)
		return EN_ENDS(t, "inning") || EN_ENDS(t, "outing") || EN_ENDS(t, "exceed");
	return EN_ENDS(t, "canning") || EN_ENDS(t, "herring") || EN_ENDS(t, "earring") ||
	       EN_ENDS(t, "proceed") || EN_ENDS(t, "succeed");
}

/* Step 1b, for a word ending in d g or y: eed and eedly to ee in R1; ed,
 * edly, ing and ingly go after a vowel, and then at, bl and iz get an e
 * back, a double consonant loses one letter, and a short word gets an e
 * ("hop" "hope" is not undone, "hoping" "hope"). */
static void en_step1b(en_word *w)
{
	uint64_t t = w->t;
	int k = 0;
	if (EN_ENDS(t, "eedly"))
		k = 5;
	else if (EN_ENDS(t, "eed"))
		k = 3;
	if (k) {
		if (w->n - k >= w->p1)
			en_cut(w, k - 2);
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
	en_cut(w, k);
	char *b = w->b;
	int n = w->n;
	t = w->t;
	if (EN_ENDS(t, "at") || EN_ENDS(t, "bl") || EN_ENDS(t, "iz")) {
		en_push(w, 'e');
	} else if (n >= 2 && b[n - 1] == b[n - 2] && en_in((unsigned char)b[n - 1], EN_DOUBLES)) {
		en_cut(w, 1);
	} else if (n == w->p1 && en_short_at(w, n)) {
		en_push(w, 'e');
	}
}

/* Step 1c, for a word ending in y or Y: the y after a consonant that is
 * not the first letter is an i. */
static void en_step1c(en_word *w)
{
	char *b = w->b;
	int n = w->n;
	if (n >= 3 && !en_vowel(b[n - 2])) {
		b[n - 1] = 'i';
		w->t = (w->t & ~((uint64_t)0xFF << 56)) | (uint64_t)'i' << 56;
	}
}

/* Step 2, in R1: derivational suffixes to shorter ones (ization to ize,
 * fulness to ful, ...). */
static void en_step2(en_word *w)
{
	uint64_t t = w->t;
	int from = w->p1;
	switch (en_last(w)) {
	case 'l':
		(void)(EN_SUB("ational", "ate") || EN_SUB("tional", "tion"));
		break;
	case 'i':
		switch ((unsigned char)(t >> 48)) {
		case 'l':
			(void)(EN_SUB("lessli", "less") || EN_SUB("entli", "ent") ||
			       EN_SUB("fulli", "ful") || EN_SUB("ousli", "ous") ||
			       EN_SUB("abli", "able") || EN_SUB("alli", "al") ||
			       EN_SUB("bli", "ble") ||
			       /* li goes after c d e g h k m n r t */
			       EN_DROP_IF("li", en_in((unsigned char)(t >> 40), EN_LI_ENDINGS), from));
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
			if (EN_ENDS(t, "logi") && w->n - 3 >= from)
				en_cut(w, 1);
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
	uint64_t t = w->t;
	int from = w->p1;
	switch (en_last(w)) {
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
	uint64_t t = w->t;
	int from = w->p2;
	switch (en_last(w)) {
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
		(void)en_drop_if(w, EN_ENDS(t, "sion") || EN_ENDS(t, "tion"), 3, from, 1);
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

/* Step 5, for a word ending in e or l: the e in R2, or in R1 after no
 * short syllable; the l after an l, in R2. */
static void en_step5(en_word *w)
{
	int e = w->n - 1;
	if (en_last(w) == 'e') {
		if (e >= w->p2 || (e >= w->p1 && !en_short_at(w, e)))
			w->n--;
	} else if (e >= w->p2 && (unsigned char)(w->t >> 48) == 'l') {
		w->n--;
	}
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

/* The word's bytes eight at a time (pr_load_le64() order, byte k of the
 * word byte k of the number), each test on all eight at once; a test
 * marks a byte by bit 0 or bit 7 of it. */
#define EN_ONES 0x0101010101010101u
#define EN_HIGH (EN_ONES << 7)

/* Which of the eight bytes x are ones the stemmer takes (a-z, 0-9, the
 * apostrophe, full stop and comma): bit 7 of each. Range tests add to
 * all bytes at once, their high bits cleared so that no sum carries into
 * the next byte; a byte is zero after an exclusive or with a constant
 * when the constant's high bit stays clear after adding 0x7F; a full stop
 * and a comma differ in bit 1 alone. A byte from 0x80 up is none. */
EN_INLINE uint64_t en_taken8(uint64_t x)
{
	uint64_t y = x & ~EN_HIGH;
	uint64_t small = (y + (0x80 - 'a') * EN_ONES) & ~(y + (0x7F - 'z') * EN_ONES);
	uint64_t digit = (y + (0x80 - '0') * EN_ONES) & ~(y + (0x7F - '9') * EN_ONES);
	uint64_t apos = ~((y ^ '\'' * EN_ONES) + 0x7F * EN_ONES);
	uint64_t mark = ~(((y | 2 * EN_ONES) ^ '.' * EN_ONES) + 0x7F * EN_ONES);
	return (small | digit | apos | mark) & ~x & EN_HIGH;
}

/* Which of the eight bytes x, all taken (en_taken8()), are vowels: bit 0
 * of each. From the bits of the bytes: a letter has bit 6 set (a digit
 * or a mark does not); of the letters with bit 0 set, a e i m q u y have
 * bit 1 clear, of which m and q are those whose bits 4, 3 and 2 read
 * 011 or 100 (bits 3 and 2 alike, bit 4 not), and c g k o s w have it
 * set, of which o and s read so, o with bit 4 clear. */
EN_INLINE uint64_t en_vowels8(uint64_t x)
{
	uint64_t b1 = x >> 1, b2 = x >> 2, b3 = x >> 3, b4 = x >> 4;
	uint64_t odd = ~(b3 ^ b2) & (b4 ^ b3);
	return x & x >> 6 & ((~b1 & ~odd) | (b1 & odd & ~b4)) & EN_ONES;
}

/* Which of the eight bytes x, whose vowels are marked by vowels
 * (en_vowels8()), are 'y': bit 0 of each. The only vowel with bits 4
 * and 3 both set. */
EN_INLINE uint64_t en_ys8(uint64_t x, uint64_t vowels)
{
	return vowels & x >> 4 & x >> 3;
}

/* The bytes marked by bit 0 (or by bit 7, shifted down first) as bits:
 * byte k's mark bit k. Each mark times the constant lands on a bit of its
 * own in the top byte, and no two products meet. */
EN_INLINE uint64_t en_bits8(uint64_t marks)
{
	return marks * 0x0102040810204080u >> 56;
}

/* Store the eight bytes x (pr_load_le64() order) at p. */
EN_INLINE void en_store8(char *p, uint64_t x)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(p, &x, 8);
#else
	for (int k = 0; k < 8; k++)
		p[k] = (char)(x >> (8 * k));
#endif
}

/* x, eight bytes of the word from place at on, copied to b + at, its
 * vowels and 'y's noted at their bits from at on. */
EN_INLINE void en_take8(char *b, uint64_t x, int at, uint64_t *vowels, uint64_t *ys)
{
	uint64_t v = en_vowels8(x);
	*vowels |= en_bits8(v) << at;
	*ys |= en_bits8(en_ys8(x, v)) << at;
	en_store8(b + at, x);
}

/* The word's head, its first bytes from the start: does it begin with
 * the constant s (at most eight bytes)? (Bytes past a short word are
 * zero, so a word shorter than s never does.) */
#define EN_BEGINS(head, s) \
	(((head) & (~(uint64_t)0 >> (64 - 8 * (sizeof s - 1)))) == EN_LIT(s, sizeof s - 1))

/* Does pr_stem_english() take every byte of s[0..n), n < EN_MAX? Eight
 * at a time, the last eight ending at the end (a word of under eight is
 * one number, its bytes past the end marked as taken). */
static int en_takes(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (n == 0)
		return 1;
	if (n < 8) {
		uint64_t past = EN_HIGH & ~(EN_HIGH >> (64 - 8 * n));
		return (en_taken8(pr_load_tail(s, n)) | past) == EN_HIGH;
	}
	uint64_t taken = en_taken8(pr_load_le64(p + n - 8));
	for (size_t q = 0; q + 8 < n; q += 8)
		taken &= en_taken8(pr_load_le64(p + q));
	return taken == EN_HIGH;
}

int pr_stem_english(const char *s, size_t n, char *out)
{
	if (n > EN_MAX - 1 || !en_takes(s, n))
		return -1;
	return pr_stem_english_taken(s, n, out);
}

int pr_stem_english_taken(const char *s, size_t n, char *out)
{
	if (n > EN_MAX - 1)
		return -1;
	en_word w;
	memset(w.buf, 0, 8);
	/* b is w.b in a register: a store through w.b could change w.b
	 * itself for all the compiler knows, so the code below uses b */
	char *b = w.buf + 8;
	w.b = b;
	/* a leading apostrophe goes (after the checks below, which see the
	 * word as it came) */
	size_t lead = n > 0 && s[0] == '\'';
	const unsigned char *p = (const unsigned char *)s + lead;
	int m = (int)(n - lead);
	/* an apostrophe alone; other words under three letters leave below
	 * (there, after the loads: the test moved up here cost callgrind
	 * 0.56M more stemmer instructions over the articles) */
	if (m == 0) {
		memcpy(out, s, n);
		return (int)n;
	}
	/* Eight bytes at a time: copy them to b and note which are vowels
	 * and which are 'y' (a bit each). A word of under eight bytes is one
	 * number, its bytes past the end zero; a longer one is read from its
	 * start eight bytes at a time and its last eight bytes, ending at its
	 * end, read last (those overlap the ones before, which changes none of
	 * the bits). Its head (its first eight bytes) and tail (its last eight,
	 * as en_tail() reads them) come out of the same loads. */
	uint64_t vowels = 0, ys = 0, head;
	if (m < 8) {
		uint64_t x = pr_load_tail((const char *)p, (size_t)m);
		en_take8(b, x, 0, &vowels, &ys);
		head = x;
		w.t = x << (64 - 8 * m);
	} else {
		int q = 0;
		for (; q < m - 8; q += 8)
			en_take8(b, pr_load_le64(p + q), q, &vowels, &ys);
		uint64_t x = pr_load_le64(p + m - 8);
		en_take8(b, x, m - 8, &vowels, &ys);
		head = q ? pr_load_le64(p) : x;
		w.t = x;
	}
	/* words under three letters stay as they are */
	if (n < 3) {
		memcpy(out, s, n);
		return (int)n;
	}
	w.n = m;
	/* the exceptions are whole words of at most six bytes, none with a
	 * leading apostrophe */
	if (!lead && m <= 8 && en_may_be_exception(head)) {
		int k = en_exception(head, out);
		if (k >= 0)
			return k;
	}
	/* fast exit: no step changes a word whose last byte ends none of
	 * their suffixes (token.c does not ask about those, nor about the
	 * others that pr_stem_english_may_change() rules out by their last
	 * two bytes) */
	unsigned cl = en_class[en_last(&w)];
	if (!(cl & ~V))
		return en_copy_out(out, b, m);
	/* a 'y' first or after a vowel is the consonant 'Y', left to right
	 * ("ayy" is "aYy"): each y in turn, the bits of those before it
	 * settled */
	int has_y = 0;
	for (uint64_t y = ys; y; y &= y - 1) {
		int i = (int)pr_ctz64(y);
		if ((vowels << 1 | 1) >> i & 1) {
			b[i] = 'Y';
			vowels &= ~((uint64_t)1 << i);
			has_y = 1;
		}
	}
	if (has_y) {
		w.t = en_tail(&w);
		cl = en_class[en_last(&w)];
	}
	w.vowels = vowels;
	/* R1 and R2; three prefixes get R1 after them, whatever follows */
	/* (compared without a branch between them: nearly every word is
	 * none of the three) */
	int pre = (EN_BEGINS(head, "gener") | EN_BEGINS(head, "arsen")) * 5 |
	          EN_BEGINS(head, "commun") * 6;
	en_regions(&w, pre);

	/* each step only if the word's last byte ends one of its suffixes
	 * (en_class), which is asked again after a step that changed it */
	if (cl & S1A) {
		en_step1a(&w);
		cl = en_class[en_last(&w)];
	}
	if (cl & S1B) {
		/* the words that stay all end in d or g */
		if (en_invariant(&w))
			goto done;
		en_step1b(&w);
		cl = en_class[en_last(&w)];
	}
	if (cl & S1C) {
		en_step1c(&w);
		cl = en_class[en_last(&w)];
	}
	/* steps 2 to 4 remove suffixes of two bytes or more that lie in R1
	 * (R2, which starts no earlier, for step 4): none fits in an R1 of
	 * under two bytes (a short word's, often) */
	if ((cl & (S2 | S3 | S4)) && w.n - w.p1 >= 2) {
		if (cl & S2) {
			en_step2(&w);
			cl = en_class[en_last(&w)];
		}
		if (cl & S3) {
			en_step3(&w);
			cl = en_class[en_last(&w)];
		}
		if (cl & S4) {
			en_step4(&w);
			cl = en_class[en_last(&w)];
		}
	}
	if (cl & S5)
		en_step5(&w);
done:
	if (!has_y)
		return en_copy_out(out, b, w.n);
	for (int i = 0; i < w.n; i++)
		out[i] = b[i] == 'Y' ? 'y' : b[i];
	return w.n;
}
