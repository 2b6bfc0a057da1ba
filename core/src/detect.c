/* detect.c: which language a text is in (precis --lang auto).
 *
 * Two steps, both over the opening of the text (DETECT_BYTES):
 *
 *   1. Script. Letters are counted by script; the script with most letters
 *      decides alone where only one language of precis writes it (Greek,
 *      Armenian, Arabic, Hebrew for Yiddish, Tamil, Hangul, Thai), and
 *      kana among Han characters makes Japanese rather than Chinese.
 *   2. Stop words, for scripts that several languages share (Latin,
 *      Cyrillic, Devanagari). Every word that is a stop word of k of the
 *      candidate languages gives each of them 1/k, so "de" or "a", which
 *      half of Europe shares, counts for little and "the", "und", "não"
 *      for much. A few letters only one candidate uses (ß, ñ, ã, ő, ş, ț,
 *      ø, ė, ђ...) add a small weight.
 *
 * Short or mixed texts: a language other than English must lead English by
 * at least MARGIN, so a heading or a one-line note with no clear evidence
 * is read as English (the default language), and a mix is read as its main
 * language. The caller can always name the language instead.
 *
 * Cost: one pass over at most DETECT_BYTES bytes for the script, stopping
 * where the rest can no longer change it (main_script()), then a look-up
 * per word (the words found from 64-byte windows of letter bits,
 * window_scan()), stopping as soon as one language leads beyond doubt
 * (decided()): a word of up to eight ASCII bytes, most words, asks the
 * short words' own filter and then, in a batch with others, their own
 * table (pr_stop_short_slot, batch_word()); a longer or accented one is
 * folded once per distinct word and asks the all-languages stop-word
 * table (seen_word_langs()), and an elided one ("l'homme") asks it
 * directly; these wait in the batch with their answer (batch_langs()),
 * so that every word is scored in the order of the text. Nothing is
 * allocated.
 */
#include "bits.h"
#include "hash.h"
#include "lang.h"
#include "utf8.h"

#include <string.h>
#include <utf8proc.h>

#define DETECT_BYTES 65536
#define MAX_WORDS 4000
#define MAX_WORD 63
#define MARGIN 0.5
/* Reading stops early, after at least DECIDE_WORDS words, once one
 * language has DECISIVE points and DECISIVE_RATIO times the runner-up's: a
 * news article is decided within its first few hundred words, and the rest
 * of the opening overturns such a lead in none of the evaluation texts. (A
 * text that opens with a long passage in another language, say an English
 * abstract of a German paper, is read as that passage's language: name the
 * language for such texts.) */
#define DECISIVE 40.0
#define DECISIVE_RATIO 4.0
#define DECIDE_WORDS 256
#define CHECK_EVERY 64
#define MAX_LANGS 64

/* The scans below run once or twice a word: inline, even where called
 * from two places. */
#if defined(__GNUC__) || defined(__clang__)
#define SCAN_INLINE static inline __attribute__((always_inline))
#else
#define SCAN_INLINE static inline
#endif

enum script {
	S_OTHER, S_LATIN, S_CYRILLIC, S_GREEK, S_ARMENIAN, S_HEBREW, S_ARABIC,
	S_DEVANAGARI, S_TAMIL, S_THAI, S_HAN, S_KANA, S_HANGUL, S_COUNT
};

static enum script script_of(int32_t cp)
{
	if (cp < 0x80)
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? S_LATIN : S_OTHER;
	if (cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF))
		return S_LATIN;
	if (cp >= 0x370 && cp <= 0x3FF)
		return S_GREEK;
	if (cp >= 0x1F00 && cp <= 0x1FFF)
		return S_GREEK;
	if (cp >= 0x400 && cp <= 0x52F)
		return S_CYRILLIC;
	if (cp >= 0x530 && cp <= 0x58F)
		return S_ARMENIAN;
	if (cp >= 0x590 && cp <= 0x5FF)
		return S_HEBREW;
	if ((cp >= 0x600 && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F) ||
	    (cp >= 0xFB50 && cp <= 0xFEFF))
		return S_ARABIC;
	if (cp >= 0x900 && cp <= 0x97F)
		return S_DEVANAGARI;
	if (cp >= 0xB80 && cp <= 0xBFF)
		return S_TAMIL;
	if (cp >= 0xE00 && cp <= 0xE7F)
		return S_THAI;
	if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF))
		return S_KANA;
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F))
		return S_HAN;
	if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) ||
	    (cp >= 0x3130 && cp <= 0x318F))
		return S_HANGUL;
	return S_OTHER;
}

/* Letters that only one of the languages sharing a script writes. */
static const struct {
	int32_t cp;
	const char *code;
} marks[] = {
	{ 0x00DF, "de" }, /* ß */
	{ 0x00F1, "es" }, /* ñ */
	{ 0x00E3, "pt" }, { 0x00F5, "pt" }, /* ã õ */
	{ 0x0151, "hu" }, { 0x0171, "hu" }, /* ő ű */
	{ 0x011F, "tr" }, { 0x0131, "tr" }, { 0x015F, "tr" }, /* ğ ı ş */
	{ 0x0219, "ro" }, { 0x021B, "ro" }, { 0x0103, "ro" }, /* ș ț ă */
	{ 0x00F8, "no" }, { 0x00E6, "da" }, /* ø æ */
	{ 0x0117, "lt" }, { 0x012F, "lt" }, { 0x0173, "lt" }, { 0x016B, "lt" }, /* ė į ų ū */
	{ 0x0111, "sr" }, { 0x0107, "sr" }, /* đ ć */
	{ 0x0452, "sr" }, { 0x0458, "sr" }, { 0x0459, "sr" }, { 0x045A, "sr" },
	{ 0x045B, "sr" }, { 0x045F, "sr" }, /* ђ ј љ њ ћ џ */
	{ 0x044B, "ru" }, { 0x044D, "ru" }, { 0x0451, "ru" }, { 0x044A, "ru" }, /* ы э ё ъ */
	{ 0x00EB, "nl" }, /* ë */
	{ 0x00E1, "ga" }, /* á: shared, but Irish writes it most; tiny weight */
};
#define MARK_WEIGHT 0.25

/* A language code of two letters as one number (pr_language_code2[]). */
#define CODE2(a, b) ((unsigned)(unsigned char)(a) << 8 | (unsigned char)(b))

/* The script the language with code c (CODE2) is written in: every
 * document asks for each language, so a switch on the code, not a search
 * of a list. */
static enum script script_of_lang(unsigned c)
{
	switch (c) {
	case CODE2('r', 'u'): return S_CYRILLIC;
	case CODE2('e', 'l'): return S_GREEK;
	case CODE2('h', 'y'): return S_ARMENIAN;
	case CODE2('y', 'i'): return S_HEBREW;
	case CODE2('a', 'r'): return S_ARABIC;
	case CODE2('h', 'i'): case CODE2('n', 'e'): return S_DEVANAGARI;
	case CODE2('t', 'a'): return S_TAMIL;
	case CODE2('t', 'h'): return S_THAI;
	case CODE2('z', 'h'): return S_HAN;
	case CODE2('j', 'a'): return S_KANA;
	case CODE2('k', 'o'): return S_HANGUL;
	default: return S_LATIN;
	}
}

/* Is pr_languages[i] a candidate for text in script s? Serbian is written
 * in both Latin and Cyrillic letters. */
static int candidate(size_t i, enum script s)
{
	unsigned c = pr_language_code2[i];
	if (c == CODE2('s', 'r'))
		return s == S_LATIN || s == S_CYRILLIC;
	return script_of_lang(c) == s;
}

static const pr_lang *by_code(const char *code)
{
	const pr_lang *l = pr_lang_find(code);
	return l ? l : pr_lang_default();
}

static int is_ascii_letter(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}

static int is_letter(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 0 && is_ascii_letter((unsigned char)cp);
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return 1;
	default:
		return 0;
	}
}

/* Where the run of ASCII letters from t[i] ends, t[0..n) being the
 * text: eight bytes a test while eight remain, as a word is some six
 * bytes long. */
SCAN_INLINE size_t letter_run(const unsigned char *t, size_t i, size_t n)
{
	for (; n - i >= 8; i += 8) {
		uint64_t other = ~pr_ascii_letter8(pr_load_le64(t + i)) & 0x8080808080808080u;
		if (other)
			return i + pr_lowest_byte(other);
	}
	while (i < n && is_ascii_letter(t[i]))
		i++;
	return i;
}

/* Where the next word may start from t[i] on, t[0..n) being the text: the
 * first ASCII letter or byte from 0x80 up (which may begin a letter);
 * eight bytes a test while eight remain, as a word is most often one or
 * two bytes of space and punctuation from the next. */
SCAN_INLINE size_t word_start(const unsigned char *t, size_t i, size_t n)
{
	for (; n - i >= 8; i += 8) {
		uint64_t x = pr_load_le64(t + i);
		uint64_t may = pr_ascii_letter8(x) | (x & 0x8080808080808080u);
		if (may)
			return i + pr_lowest_byte(may);
	}
	while (i < n && t[i] < 0x80 && !is_ascii_letter(t[i]))
		i++;
	return i;
}

/* The same two scans from a window of 64 bytes of the text whose letters
 * (and bytes that may start one) are one bit each, from sixteen-byte
 * compares: a word and the gap after it are then a shift and a count of
 * zeros each, not a test of eight bytes at a time, and a window serves
 * some ten words. Near the text's end, where no window fits, the scans
 * above. */
typedef struct window {
	const unsigned char *t;
	size_t n;        /* the text is t[0..n) */
	size_t at;       /* the window is t[at..at + 64) */
	uint64_t letter; /* bit j: t[at + j] is an ASCII letter */
	uint64_t may;    /* bit j: it is one or a byte from 0x80 up */
} window;

/* No window yet: one at the text's end, which both scans give for
 * themselves (no letter there, and a word may start), and which no place
 * before it is in. */
static void window_init(window *w, const unsigned char *t, size_t n)
{
	w->t = t;
	w->n = n;
	w->at = n;
	w->letter = 0;
	w->may = ~(uint64_t)0;
}

#if defined(__SSE2__)
/* Place the window at t[at..at + 64), n - at >= 64. */
static void window_fill(window *w, size_t at)
{
	uint64_t letter = 0, high = 0;
	for (int k = 0; k < 4; k++) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(w->t + at + 16 * k));
		/* a byte from 0x80 up, with 0x20 set, is no letter either */
		__m128i l = pr_bytes_in16(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z');
		letter |= (uint64_t)(unsigned)_mm_movemask_epi8(l) << 16 * k;
		high |= (uint64_t)(unsigned)_mm_movemask_epi8(x) << 16 * k;
	}
	w->at = at;
	w->letter = letter;
	w->may = letter | high;
}
#endif

/* The first place from t[i] on whose bit is set in the window's
 * ~letter (start 0: where the run of letters ends, as letter_run()) or
 * may (start 1: where a word may start, as word_start()). */
SCAN_INLINE size_t window_scan(window *w, size_t i, int start)
{
#if defined(__SSE2__)
	for (;;) {
		/* i - at wraps to a large number where i is before the window */
		if (i - w->at < 64) {
			uint64_t hit = (start ? w->may : ~w->letter) >> (i - w->at);
			if (hit)
				return i + pr_ctz64(hit);
			i = w->at + 64;
		}
		if (w->n - i < 64)
			break;
		window_fill(w, i);
	}
#endif
	return start ? word_start(w->t, i, w->n) : letter_run(w->t, i, w->n);
}

typedef struct scorer {
	unsigned char at[MAX_LANGS]; /* at[c]: candidate c's index in pr_languages */
	size_t n;
	unsigned long long langs; /* the candidates' bits in pr_stop_langs */
	/* score[l]: pr_languages[l]'s points, so that a word's bits in
	 * pr_stop_langs() index its candidates without a translation */
	double score[MAX_LANGS];
} scorer;

/* 1 / k for the k candidates that share a word: the same correctly
 * rounded quotients as a division, without one per word. */
#define SHARE1(k) 1.0 / (k)
#define SHARE4(k) SHARE1(k), SHARE1(k + 1), SHARE1(k + 2), SHARE1(k + 3)
#define SHARE16(k) SHARE4(k), SHARE4(k + 4), SHARE4(k + 8), SHARE4(k + 12)
static const double share_of[MAX_LANGS + 1] = {
	0.0, SHARE16(1), SHARE16(17), SHARE16(33), SHARE16(49),
};
_Static_assert(MAX_LANGS == 64, "share_of[] holds 1/1 to 1/64");

/* How many bits of x are set: summed in pairs, nibbles, bytes, then
 * the bytes by one multiplication (the builtin is a call to a loop of
 * the library's where the target has no instruction for it). */
static size_t bit_count(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555u;
	x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
	return (size_t)((x * 0x0101010101010101u) >> 56);
}

/* Each candidate among langs (bits of pr_stop_langs()) gets an equal
 * share of a point, in the order of pr_languages. */
static void share_point(scorer *sc, unsigned long long langs)
{
	langs &= sc->langs;
	if (!langs)
		return; /* most words */
	double share = share_of[bit_count(langs)];
	for (; langs; langs &= langs - 1)
		sc->score[pr_ctz64(langs)] += share;
}

/* The languages that hold f (as short_word_langs()), past the filter,
 * from its hash h: the table of short words holds each as such a number
 * (gen_data.py, short_stop_table()), so that a probe compares numbers in
 * its records and reads nothing else. */
static unsigned long long short_word_probe(uint64_t f, uint32_t h)
{
	const pr_short_slot *slot = pr_stop_short_slot;
	for (size_t i = h & pr_stop_short_mask; slot[i].key; i = (i + 1) & pr_stop_short_mask)
		if (slot[i].key == f)
			return slot[i].langs;
	return 0;
}

/* The languages (as pr_stop_langs()) that hold the folded word f of n
 * bytes, 1 <= n <= 8, held as one number as pr_stop_short_hash() says. */
static unsigned long long short_word_langs(uint64_t f)
{
	uint32_t h = pr_stop_short_hash(f);
	if (!pr_filter_may_hold(pr_stop_short_filter, pr_stop_short_filter_mask, h))
		return 0;
	return short_word_probe(f, h);
}

/* The languages that hold the part of the folded word[0..n) before its
 * first ASCII apostrophe as a stop word ("l'homme", "qu'il"); 0 if it
 * has none or starts with one. */
static unsigned long long elided_langs(const char *buf, size_t n)
{
	const char *ap = memchr(buf, '\'', n);
	return ap && ap != buf ? pr_stop_langs(buf, (size_t)(ap - buf)) : 0;
}

/* The languages that hold the folded word[0..n) as a stop word, or, when
 * it is none and has an ASCII apostrophe (apos; folding makes none where
 * there was none), its elided part (elided_langs()). */
static unsigned long long folded_langs(const char *buf, size_t n, int apos)
{
	unsigned long long langs = pr_stop_langs(buf, n);
	return !langs && apos ? elided_langs(buf, n) : langs;
}

/* The word w[0..n), 1 <= n <= 8, as one number, its first byte lowest
 * and zeros past its end, where room bytes from w on are the text's: one
 * load when eight are. */
static uint64_t word_head(const char *w, size_t n, size_t room)
{
	if (room >= 8)
		return pr_load_le64((const unsigned char *)w) & (~(uint64_t)0 >> (8 * (8 - n)));
	return pr_load_tail(w, n);
}

/* The languages of the word w[0..n) of ASCII bytes only, 1 <= n <= 8,
 * with an ASCII apostrophe (room bytes from w on are the text's): the
 * others are looked up in the batch. */
static unsigned long long elided_word_langs(const char *w, size_t n, size_t room)
{
	uint64_t f = pr_fold_ascii8(word_head(w, n, room));
	unsigned long long langs = short_word_langs(f);
	if (!langs) {
		char buf[9];
		pr_store_head(buf, f, n);
		langs = elided_langs(buf, n);
	}
	return langs;
}

/* Most words are short, ASCII and no stop word, which the filter tells;
 * whether one is goes either way at random, so a branch on it is often
 * mispredicted. Such words wait in a batch instead: each is written at the
 * batch's end, which moves past it only when the filter lets it through,
 * and the probes and scores of those let through are done together,
 * before a letter marks a language (so every language's points are added
 * in the order of the text), before a decision and at the end. The other
 * words, looked up at once, wait in the same batch with their languages
 * (pre), so that the batch is not emptied at each of them, its probes
 * then too few to overlap their waits for memory. */
#define BATCH 64

typedef struct batch {
	size_t n;
	uint64_t f[BATCH];   /* the folded word, as short_word_langs() */
	uint32_t h[BATCH];   /* its hash */
	unsigned long long pre[BATCH]; /* or its languages, found already */
} batch;

static void batch_init(batch *bt)
{
	bt->n = 0;
}

static void batch_flush(scorer *sc, batch *bt)
{
	/* the table's records, a hundred kilobytes and more, are asked for
	 * all at once, so that the waits for those another stage has pushed
	 * out of the cache overlap */
	for (size_t k = 0; k < bt->n; k++)
		PR_PREFETCH(&pr_stop_short_slot[bt->h[k] & pr_stop_short_mask]);
	for (size_t k = 0; k < bt->n; k++)
		share_point(sc, bt->pre[k] | short_word_probe(bt->f[k], bt->h[k]));
	bt->n = 0;
}

/* A short ASCII word with no apostrophe, by way of the batch. */
static void batch_word(scorer *sc, batch *bt, const char *w, size_t n, size_t room)
{
	uint64_t f = pr_fold_ascii8(word_head(w, n, room));
	uint32_t h = pr_stop_short_hash(f);
	size_t k = bt->n;
	bt->f[k] = f;
	bt->h[k] = h;
	bt->pre[k] = 0;
	bt->n = k + (size_t)pr_filter_may_hold(pr_stop_short_filter, pr_stop_short_filter_mask, h);
	if (bt->n == BATCH)
		batch_flush(sc, bt);
}

/* A word whose languages are known, by way of the batch: its probe is
 * of an empty slot, which finds nothing (no word is 0). */
static void batch_langs(scorer *sc, batch *bt, unsigned long long langs)
{
	size_t k = bt->n;
	bt->f[k] = 0;
	bt->h[k] = (uint32_t)pr_stop_short_empty;
	bt->pre[k] = langs;
	bt->n = k + (langs != 0);
	if (bt->n == BATCH)
		batch_flush(sc, bt);
}

/* Words already looked up, by their bytes in the text: a word's hits
 * depend on nothing else, and most words of a text repeat. Only the
 * words that neither the batch nor elided_word_langs() looks up, longer
 * or not all ASCII, come here: their folding is the costly part. */
#define SEEN_SLOTS 512

/* Two columns, so that only the first, one byte a slot, needs clearing
 * before each text, not the whole table: a word's length (0: empty slot;
 * a word has at most MAX_WORD bytes, so one byte holds it); and a
 * record of sixteen bytes, the word and its languages' bits, so that a
 * look-up reads one cache line of records and an insertion writes one.
 * The word is one number: for a word of up to eight bytes its bytes
 * (head), compared at once; for a longer one, where it is in the text. */
typedef struct seen {
	uint8_t len[SEEN_SLOTS];
	struct {
		uint64_t key;
		unsigned long long langs;
	} rec[SEEN_SLOTS];
} seen;

/* Words are a few bytes long: a loop beats a call to memcmp. */
static int same_bytes(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* The languages of the word w[0..n) that neither the batch nor
 * elided_word_langs() looks up (room bytes from w on are the text's;
 * apos: it has an ASCII apostrophe). */
static unsigned long long seen_word_langs(seen *tab, size_t *nseen, const char *w, size_t n,
                                          size_t room, int apos)
{
	uint64_t head = 0;
	size_t slot;
	if (n <= 8) {
		head = word_head(w, n, room);
		slot = pr_hash_head(head, n) & (SEEN_SLOTS - 1);
		while (tab->len[slot] && !(tab->len[slot] == n && tab->rec[slot].key == head))
			slot = (slot + 1) & (SEEN_SLOTS - 1);
	} else {
		slot = pr_hash_bytes(w, n) & (SEEN_SLOTS - 1);
		while (tab->len[slot] &&
		       !(tab->len[slot] == n &&
		         same_bytes((const char *)(uintptr_t)tab->rec[slot].key, w, n)))
			slot = (slot + 1) & (SEEN_SLOTS - 1);
	}
	unsigned long long langs;
	if (tab->len[slot]) {
		langs = tab->rec[slot].langs;
	} else {
		char buf[MAX_WORD + 1];
		size_t m = pr_lang_fold(w, n, buf, MAX_WORD);
		langs = m ? folded_langs(buf, m, apos) : 0;
		if (*nseen < SEEN_SLOTS / 2) {
			tab->len[slot] = (uint8_t)n;
			tab->rec[slot].key = n <= 8 ? head : (uint64_t)(uintptr_t)w;
			tab->rec[slot].langs = langs;
			(*nseen)++;
		}
	}
	return langs;
}

/* Does one candidate lead the others beyond doubt? */
static int decided(const scorer *sc)
{
	double first = 0, second = 0;
	for (size_t i = 0; i < sc->n; i++) {
		double v = sc->score[sc->at[i]];
		if (v > first) {
			second = first;
			first = v;
		} else if (v > second) {
			second = v;
		}
	}
	return first >= DECISIVE && first >= DECISIVE_RATIO * second;
}

/* A letter that only some languages write (marks[]: ß, ñ, ő, ...) gives
 * those among the candidates MARK_WEIGHT more. */
static void score_mark(scorer *sc, batch *bt, int32_t cp)
{
	for (size_t j = 0; j < sizeof marks / sizeof marks[0]; j++) {
		if (marks[j].cp != cp)
			continue;
		/* the points of the words before it first, so that every
		 * language's points are added in the order of the text; a
		 * letter that marks nothing leaves the batch as it is */
		batch_flush(sc, bt);
		for (size_t i = 0; i < sc->n; i++)
			if (strcmp(pr_languages[sc->at[i]].code, marks[j].code) == 0)
				sc->score[sc->at[i]] += MARK_WEIGHT;
		return;
	}
}

/* How many bytes of t[0..len) are ASCII letters. */
static size_t ascii_letters(const unsigned char *t, size_t len)
{
	/* a count of 16 bits, not 64 (a piece, SCRIPT_PIECE bytes, has at
	 * most 1024 letters): the vectorized loop then widens each byte's 0
	 * or 1 one step, not three */
	uint16_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += (unsigned char)((t[i] | 0x20) - 'a') < 26;
	return n;
}

/* The script with most letters in count[] (Han counting kana too: Japanese
 * mixes kana and kanji); the first of equals. */
static enum script most_letters(const size_t *count)
{
	enum script best = S_LATIN;
	size_t most = 0;
	for (int s = S_LATIN; s < S_COUNT; s++) {
		size_t c = count[s];
		if (s == S_HAN)
			c += count[S_KANA];
		else if (s == S_KANA)
			continue;
		if (c > most) {
			most = c;
			best = (enum script)s;
		}
	}
	return best;
}

/* Can the rest of the text, `rest` bytes, no longer change which script
 * most_letters() picks, nor (Han) the count of kana it then needs? A
 * character outside ASCII, the only kind counted for scripts other than
 * Latin, takes two bytes or more. */
static int script_settled(const size_t *count, size_t rest)
{
	enum script best = most_letters(count);
	if (best == S_HAN)
		return 0;
	for (int s = S_LATIN; s < S_COUNT; s++) {
		size_t c = count[s] + (s == S_LATIN ? rest : rest / 2);
		if (s == S_HAN)
			c += count[S_KANA];
		else if (s == S_KANA)
			continue;
		if (s != (int)best && c >= count[best])
			return 0;
	}
	return 1;
}

/* Letters are counted in pieces of SCRIPT_PIECE bytes, and counting stops
 * when the script is settled: an English news article after a third of
 * its bytes or so. */
#define SCRIPT_PIECE 1024
_Static_assert(SCRIPT_PIECE <= UINT16_MAX, "ascii_letters() counts a piece in 16 bits");

/* Count the letters of t[0..len) by script into count[]; as much of the
 * text as it takes to know the main script, which this returns. ASCII
 * letters, most bytes of most texts, are counted in a loop of their own
 * that the compiler can vectorize; the second loop decodes only the
 * rest. */
static enum script main_script(const unsigned char *t, size_t len, size_t *count)
{
	size_t i = 0;
	for (size_t at = 0; at < len;) {
		size_t end = len - at > SCRIPT_PIECE ? at + SCRIPT_PIECE : len;
		count[S_LATIN] += ascii_letters(t + at, end - at);
		/* a character that starts in this piece may end in the next,
		 * whose decoding then starts after it (ASCII letters are never
		 * part of one) */
		while ((i = pr_next_high(t, i, end)) < end) {
			int32_t cp;
			i += pr_utf8_decode(t + i, len - i, &cp);
			if (cp >= 0)
				count[script_of(cp)]++;
		}
		at = end;
		if (at < len && script_settled(count, len - at))
			break;
	}
	return most_letters(count);
}

const pr_lang *pr_lang_detect(const char *text, size_t len)
{
	if (!text || !len)
		return pr_lang_default();
	if (len > DETECT_BYTES)
		len = DETECT_BYTES;
	const unsigned char *t = (const unsigned char *)text;
	/* most words ask the short words' filter, four kilobytes that the
	 * stages of the document before have pushed out of the cache: all
	 * of it is asked for now, to arrive while the script is counted,
	 * rather than a line at a time, each wait holding up the words
	 * after it */
	for (size_t k = 0; k <= pr_stop_short_filter_mask; k += 64 / sizeof pr_stop_short_filter[0])
		PR_PREFETCH(&pr_stop_short_filter[k]);

	/* 1. the main script */
	size_t count[S_COUNT] = { 0 };
	enum script best = main_script(t, len, count);
	switch (best) {
	case S_HAN:
		/* Japanese prose is rarely less than a tenth kana */
		return by_code(count[S_KANA] * 10 >= count[S_HAN] + count[S_KANA] ? "ja" : "zh");
	case S_GREEK: return by_code("el");
	case S_ARMENIAN: return by_code("hy");
	case S_HEBREW: return by_code("yi");
	case S_ARABIC: return by_code("ar");
	case S_TAMIL: return by_code("ta");
	case S_THAI: return by_code("th");
	case S_HANGUL: return by_code("ko");
	default: break;
	}

	/* 2. stop words among the languages of that script */
	scorer sc;
	sc.n = 0;
	sc.langs = 0;
	for (size_t i = 0; i < pr_nlanguages && i < MAX_LANGS; i++) {
		if (candidate(i, best)) {
			sc.at[sc.n++] = (unsigned char)i;
			sc.langs |= 1ull << i;
			sc.score[i] = 0.0;
		}
	}
	if (!sc.n)
		return pr_lang_default();
	size_t words = 0, nseen = 0;
	seen tab;
	memset(tab.len, 0, sizeof tab.len);
	batch bt;
	batch_init(&bt);
	window win;
	window_init(&win, t, len);
	for (size_t i = 0; i < len && words < MAX_WORDS;) {
		int32_t cp;
		size_t k;
		/* ASCII bytes, most of most texts, are told without decoding,
		 * the bytes between words eight at a time */
		if (t[i] < 0x80) {
			if (!is_ascii_letter(t[i])) {
				i = window_scan(&win, i + 1, 1);
				continue;
			}
		} else if (k = pr_utf8_decode(t + i, len - i, &cp), !is_letter(cp)) {
			i += k;
			continue;
		}
		size_t s = i;
		int apos = 0, ascii = 1;
		/* an ASCII byte after a run of ASCII letters, most often, is no
		 * letter: the word ends there unless it is an apostrophe */
		for (i = window_scan(&win, i, 0); i < len && (t[i] >= 0x80 || t[i] == '\'');
		     i = window_scan(&win, i, 0)) {
			k = pr_utf8_decode(t + i, len - i, &cp);
			if (is_letter(cp)) {
				if (cp >= 0x80) {
					ascii = 0;
					score_mark(&sc, &bt, utf8proc_tolower(cp));
				}
				i += k;
			} else if ((cp == '\'' || cp == 0x2019) && i + k < len &&
			           ((t[i + k] | 0x20) >= 'a' && (t[i + k] | 0x20) <= 'z')) {
				apos |= cp == '\'';
				ascii &= cp < 0x80;
				i += k; /* don't, l'homme */
			} else {
				break;
			}
		}
		if (i - s <= MAX_WORD) {
			if (ascii && i - s <= 8 && !apos)
				batch_word(&sc, &bt, text + s, i - s, len - s);
			else if (ascii && i - s <= 8)
				batch_langs(&sc, &bt, elided_word_langs(text + s, i - s, len - s));
			else
				batch_langs(&sc, &bt, seen_word_langs(&tab, &nseen, text + s, i - s,
				                                      len - s, apos));
			if (++words >= DECIDE_WORDS && words % CHECK_EVERY == 0 &&
			    (batch_flush(&sc, &bt), decided(&sc)))
				break;
		}
		/* an ASCII byte that ends a word is no letter: the next word
		 * starts after it */
		if (i < len && t[i] < 0x80)
			i = window_scan(&win, i + 1, 1);
	}
	batch_flush(&sc, &bt);
	size_t top = 0;
	for (size_t i = 1; i < sc.n; i++)
		if (sc.score[sc.at[i]] > sc.score[sc.at[top]])
			top = i;
	/* English, the default, unless another Latin-script language clearly
	 * leads; another script's first candidate when nothing is found */
	if (best == S_LATIN || best == S_OTHER) {
		const pr_lang *en = pr_lang_default();
		double en_score = 0.0;
		for (size_t i = 0; i < sc.n; i++)
			if (&pr_languages[sc.at[i]] == en)
				en_score = sc.score[sc.at[i]];
		if (&pr_languages[sc.at[top]] != en && sc.score[sc.at[top]] <= en_score + MARGIN)
			return en;
	}
	return &pr_languages[sc.at[top]];
}
