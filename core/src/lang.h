/* lang.h: what precis knows about a language, as data: stop words,
 * abbreviations and the Snowball stemmer's name. The tables are generated at
 * build time from core/data/ (see core/data/gen_data.py). */
#ifndef PRECIS_LANG_H
#define PRECIS_LANG_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* How an abbreviation behaves before the next word. */
enum pr_abbrev_kind {
	PR_ABBR_NONE = 0,
	PR_ABBR_TITLE = 1,   /* Mr. Dr. St.: never ends a sentence */
	PR_ABBR_GENERAL = 2, /* etc. Co. U.S.: ends one only before a clear
	                        sentence start ("...the U.S. How about you?") */
	PR_ABBR_NUMBER = 3   /* No. Vol. pp.: an abbreviation only before a number */
};

/* A slot of a language's open-addressing word table (gen_data.py,
 * pool_table()): the word's tag (hash.h's pr_slot_check() of its hash
 * and length, every word being shorter than 255 bytes; 0 if empty), where
 * its bytes begin in the table's pool (NUL-terminated, in slot order)
 * and, in the key-phrase tables, its flags (PR_KP_*). Eight bytes, so a
 * probe reads one cache line of slots and a hit one place of the pool. */
typedef struct pr_word_slot {
	uint32_t tag;
	uint16_t off;
	uint16_t flags;
} pr_word_slot;

/* A key-phrase word's flags in its language (keyphrase.txt). */
enum {
	PR_KP_FILLER = 1,       /* a filler word */
	PR_KP_VERB_NEXT = 2,    /* a verb follows it */
	PR_KP_TITLE = 4,        /* a title that heads a name: "Minister" */
	PR_KP_ALWAYS = 16,      /* filler even when capitalized: "June" */
	PR_KP_BEFORE_INF = 64   /* an infinitive may follow it: "pour" */
};

/* A stop word's mark in the same records (pr_lang_word()): above the
 * PR_KP_* flags, which fit in a byte (pr_word.kp). */
#define PR_WORD_STOP 256u
#define PR_KP_MASK 255u

/* The most graph terms a language may have (pr_lang.ngraph; gen_data.py
 * checks). */
#define PR_GRAPH_TERMS_MAX 16

typedef struct pr_lang {
	const char *code;            /* "en" */
	const char *name;            /* "English" */
	const char *stemmer;         /* Snowball algorithm, "english"; NULL: none */
	const char *const *stop;     /* sorted byte-wise, case-folded */
	size_t nstop;
	const char *const *abbrev;   /* sorted, case-folded, without the final
	                                '.', inner dots kept: "e.g", "u.s" */
	const unsigned char *abbrev_kind; /* enum pr_abbrev_kind per abbrev */
	size_t nabbrev;
	const char *const *abbrev_multi; /* several words or a hyphen, with
	                                    inner spaces: "z. b", "av. j.-c";
	                                    longest first */
	const unsigned char *abbrev_multi_kind;
	size_t nabbrev_multi;
	int ordinal;                 /* "3. Oktober": a number and a full stop
	                                is an ordinal, like a general abbrev */
	/* The graph words ("+" lines of the .stop file: pr_lang_graph_word()),
	 * sorted, the length and the graph term (1 .. ngraph) of each; how
	 * many terms they make, 0 to PR_GRAPH_TERMS_MAX; and a filter of them:
	 * bit pr_graph_bit() of each is set. */
	const char *const *graph_word;
	const unsigned char *graph_len;
	const unsigned char *graph_term;
	size_t ngraph_words;
	size_t ngraph;
	uint64_t graph_filter;
	/* The one-word abbreviations the same way: tag per slot, 0 if
	 * empty, and the index in abbrev (and abbrev_kind). */
	const uint32_t *abbrev_tag;
	const uint16_t *abbrev_word;
	size_t abbrev_mask;          /* slots - 1 */
	/* The language's stop words and its key-phrase words (keyphrase.txt)
	 * in one open-addressing table (lang.c, pr_stop_hash(); linear
	 * probing) of pr_word_slot records and their pool, each with its
	 * key-phrase flags and, for a stop word, PR_WORD_STOP:
	 * pr_lang_is_stop_folded(), pr_lang_word(), pr_kp_flags(). */
	const pr_word_slot *word_slot;
	const char *word_pool;
	size_t word_mask;            /* slots - 1 */
	/* A Bloom filter of those words, as pr_stop_any_filter. */
	const uint64_t *word_filter;
	size_t word_filter_mask;
} pr_lang;

/* The language with this code, or NULL. */
const pr_lang *pr_lang_find(const char *code);

/* The default language (English). */
const pr_lang *pr_lang_default(void);

/* Pick the language of a text (for --lang auto): detect.c. Never NULL;
 * English when the text gives too little to go on. */
const pr_lang *pr_lang_detect(const char *text, size_t len);

/* Case-fold word[0..n) (NFC + case folding) into buf (cap bytes). Returns the
 * folded length, or 0 if it does not fit or is not valid UTF-8. */
size_t pr_lang_fold(const char *word, size_t n, char *buf, size_t cap);

/* The hash of the word tables (lang.c, and pr_lang_is_stop_folded()
 * below): gen_data.py placed the words with the same function, so it
 * must not change without the generator. Four bytes a round, read
 * as a little-endian number whatever the machine's byte order, a rotate
 * so that high bits reach the low ones, and a multiply by 2^32 / golden
 * ratio; the bytes left over (fewer than four) make the last round, in a
 * word of their own that the last four bytes overlap, so one load serves
 * there too. The length seeds it, which keeps overlapping reads of
 * different words apart. The last step folds the high half into the low
 * bits that pick a slot. */
static inline uint32_t pr_stop_round(uint32_t h, uint32_t w)
{
	return ((h << 5 | h >> 27) ^ w) * 0x9E3779B1u;
}

static inline uint32_t pr_load_le32(const char *s)
{
	uint32_t w;
	memcpy(&w, s, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = w >> 24 | (w >> 8 & 0xFF00u) | (w << 8 & 0xFF0000u) | w << 24;
#endif
	return w;
}

/* Inline in each table's lookup: a call costs as much as the hash of a
 * short word. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline uint32_t pr_stop_hash(const char *s, size_t n)
{
	uint32_t h = (uint32_t)n;
	if (n >= 4 && n <= 8) {
		/* most words: the rounds below are one of the first four bytes
		 * and, past four, one of the last four; both are made and the
		 * count picks one by a mask, not by a branch, which words of
		 * four bytes and of more, mixed at random, send either way */
		uint32_t one = pr_stop_round(h, pr_load_le32(s));
		uint32_t two = pr_stop_round(one, pr_load_le32(s + n - 4));
		uint32_t more = (uint32_t)0 - (uint32_t)(n > 4);
		h = (two & more) | (one & ~more);
		return h ^ h >> 16;
	}
	size_t i = 0;
	for (; i + 4 <= n; i += 4)
		h = pr_stop_round(h, pr_load_le32(s + i));
	if (i < n) {
		if (n >= 4) {
			h = pr_stop_round(h, pr_load_le32(s + n - 4));
		} else {
			uint32_t w = 0;
			for (size_t k = 0; k < n; k++)
				w |= (uint32_t)(unsigned char)s[k] << 8 * k;
			h = pr_stop_round(h, w);
		}
	}
	return h ^ h >> 16;
}

/* The hash of the short words' table and filter (below; gen_data.py,
 * short_hash()): a word of one to eight bytes held as one number f (its
 * first byte lowest, zeros past its end, as pr_load_le64() reads it; no
 * two words alike), its high bytes folded onto the low ones and mixed by
 * one multiplication, whose high half is kept: a few instructions where
 * pr_stop_hash() takes two rounds and a choice between them, for the
 * word that language detection asks of nearly every word. */
static inline uint32_t pr_stop_short_hash(uint64_t f)
{
	f ^= f >> 29;
	return (uint32_t)((f * 0x9E3779B97F4A7C15u) >> 32);
}

/* May the Bloom filter filter (mask: its 64-bit words - 1) hold the word
 * with hash h (gen_data.py, filter_place())? The hash picks a 64-bit word
 * and two bits in it, from hash bits that neither pick the word nor each
 * other; a word not listed is told so when either bit is clear. */
static inline int pr_filter_may_hold(const uint64_t *filter, size_t mask, uint32_t h)
{
	uint64_t bits = (uint64_t)1 << (h >> 26) | (uint64_t)1 << (h & 63);
	return (filter[(h >> 16) & mask] & bits) == bits;
}

/* pr_lang_word() past its filter: lang.c. */
unsigned pr_lang_word_probe(const pr_lang *lang, const char *folded, size_t n, uint32_t h);

/* The key-phrase flags (PR_KP_*) of the already case-folded word[0..n)
 * (0 < n < 255) whose pr_stop_hash() is h, and PR_WORD_STOP if it is one
 * of the language's stop words, from one probe of the language's word
 * table; 0 if it is neither. The tokenizer asks once per distinct word
 * (token.c): one filter and one probe where a stop-word lookup and a
 * key-phrase lookup took two of each. */
static inline unsigned pr_lang_word(const pr_lang *lang, const char *folded, size_t n,
                                    uint32_t h)
{
	/* most words of a document are not listed: the filter, a few hundred
	 * bytes, tells nearly all of them without reading the table */
	if (!pr_filter_may_hold(lang->word_filter, lang->word_filter_mask, h))
		return 0;
	return pr_lang_word_probe(lang, folded, n, h);
}

/* Is the already case-folded word[0..n) a stop word? (pr_lang_is_stop();
 * the tokenizer asks pr_lang_word(), which tells its flags too.) */
static inline int pr_lang_is_stop_folded(const pr_lang *lang, const char *word, size_t n)
{
	/* no listed word is empty or 255 bytes long */
	if (n == 0 || n >= 255)
		return 0;
	return (pr_lang_word(lang, word, n, pr_stop_hash(word, n)) & PR_WORD_STOP) != 0;
}

/* Is word[0..n) a stop word? The word may be in any case: it is case-folded
 * (ASCII fast path; utf8proc otherwise) before the lookup. */
int pr_lang_is_stop(const pr_lang *lang, const char *word, size_t n);

/* The bit of word[0..n) (n > 0) in a language's graph_filter, from its
 * first and last bytes and its length (gen_data.py, graph_bit(), sets the
 * same): the graph asks about every stop word of a document, few are
 * graph words, and this tells most of the others so without a hash or a
 * call. (A second bit let fewer through, but cost more than the probes
 * it saved.) */
static inline unsigned pr_graph_bit(const char *word, size_t n)
{
	return ((unsigned char)word[0] + 3u * (unsigned char)word[n - 1] + 5u * (unsigned)n) & 63;
}

/* pr_lang_graph_word() past its checks and filter (lang not NULL): lang.c. */
uint32_t pr_lang_graph_term(const pr_lang *lang, const char *folded, size_t n);

/* Stop words that the sentence graph counts as terms all the same ("graph
 * words": the "+" lines of the language's .stop file, such as English
 * "said" and "Mr"): the graph term (1 .. lang->ngraph) of the already
 * case-folded word[0..n), one term for all forms on one line ("say",
 * "says"); 0 if it is no graph word. */
static inline uint32_t pr_lang_graph_word(const pr_lang *lang, const char *folded, size_t n)
{
	if (!lang || n == 0 || n >= 255 || !(lang->graph_filter >> pr_graph_bit(folded, n) & 1))
		return 0;
	return pr_lang_graph_term(lang, folded, n);
}

/* The kind of abbreviation word[0..n) is (without its final '.'), any case;
 * PR_ABBR_NONE if it is not one. */
int pr_lang_abbrev(const pr_lang *lang, const char *word, size_t n);

/* Does text[0..n) begin with one of the language's abbreviations of several
 * words, final '.' included ("z. B.", "EE. UU.", "av. J.-C.")? Letters are
 * compared case-insensitively and one space in an entry matches one space
 * in the text. Returns the matched length in bytes and sets *kind, or 0. */
size_t pr_lang_abbrev_multi(const pr_lang *lang, const char *text, size_t n,
                            int *kind);

/* Is word[0..n) (any case) an elided word that an apostrophe joins to the
 * next one in this language: French "l" in "l'état", "qu" in "qu'il",
 * Italian "dell" in "dell'anno", Catalan "l" in "l'any"? */
int pr_lang_elision(const pr_lang *lang, const char *word, size_t n);

/* Has the language any such elided words? The tokenizer asks once per
 * document, and asks pr_lang_elision() about no apostrophe when not. */
int pr_lang_has_elision(const pr_lang *lang);

/* Generated tables (lang_data.c). */
extern const pr_lang pr_languages[];
extern const size_t pr_nlanguages;
extern const char *const pr_language_codes[]; /* NULL-terminated */
/* Each language's code of two letters as one number, the first letter
 * high (detect.c reads them for every text); 0 for a longer code. */
extern const uint16_t pr_language_code2[];

/* Every language's stop words in one table: a record per slot, with the
 * word's tag (its hash with its length in the low byte, 0 if empty), its
 * offset in pr_stop_any_pool and langs, bit i set when pr_languages[i]
 * holds the word. Sixteen bytes: a hit reads one record and its word. */
typedef struct pr_any_slot {
	uint32_t tag;
	uint32_t off;
	unsigned long long langs;
} pr_any_slot;
extern const pr_any_slot pr_stop_any_slot[];
extern const char pr_stop_any_pool[];
extern const size_t pr_stop_any_mask;
/* A Bloom filter of the same words (lang.h, pr_filter_may_hold()): a word
 * whose two bits are not both set is no stop word. */
extern const uint64_t pr_stop_any_filter[];
extern const size_t pr_stop_any_filter_mask;

/* The words of that table of one to eight ASCII bytes again, each as one
 * number (its bytes from the first, lowest, up, zeros after: as
 * pr_stop_short_hash() takes it; 0 for an empty slot), with langs as
 * above, in slots probed from pr_stop_short_hash(): language detection compares
 * a word with a record by one number, and reads no pool. */
typedef struct pr_short_slot {
	uint64_t key;
	unsigned long long langs;
} pr_short_slot;
extern const pr_short_slot pr_stop_short_slot[];
extern const size_t pr_stop_short_mask;
/* The first empty slot of pr_stop_short_slot (its probe finds nothing). */
extern const size_t pr_stop_short_empty;
/* A Bloom filter of those words alone, as pr_stop_any_filter, from
 * pr_stop_short_hash(). */
extern const uint64_t pr_stop_short_filter[];
extern const size_t pr_stop_short_filter_mask;

/* The languages (bit i = pr_languages[i]) whose stop words include the
 * already case-folded word[0..n); 0 for none. */
unsigned long long pr_stop_langs(const char *folded, size_t n);

/* The flags (PR_KP_*) of the already case-folded word[0..n) among the
 * key-phrase words (keyphrase.txt, used by keyphrase.c) of the language
 * with bit `lang` (bit i = pr_languages[i], one bit set); 0 if it is not
 * listed. */
unsigned pr_kp_flags(unsigned long long lang, const char *folded, size_t n);

#endif
