/* lang.h: what precis knows about a language, as data: stop words,
 * abbreviations and the Snowball stemmer's name. The tables are generated at
 * build time from core/data/ (see core/data/gen_data.py). */
#ifndef PRECIS_LANG_H
#define PRECIS_LANG_H

#include <stddef.h>
#include <stdint.h>

/* How an abbreviation behaves before the next word. */
enum pr_abbrev_kind {
	PR_ABBR_NONE = 0,
	PR_ABBR_TITLE = 1,   /* Mr. Dr. St.: never ends a sentence */
	PR_ABBR_GENERAL = 2, /* etc. Co. U.S.: ends one only before a clear
	                        sentence start ("...the U.S. How about you?") */
	PR_ABBR_NUMBER = 3   /* No. Vol. pp.: an abbreviation only before a number */
};

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
	/* The stop words again as an open-addressing table (lang.c,
	 * stop_hash(); linear probing): per slot, the word's tag (lang.c, stop_tag()), 0 if
	 * empty, and its index in stop. */
	const uint32_t *stop_tag;
	const uint16_t *stop_word;
	size_t stop_mask;            /* slots - 1 */
	/* The one-word abbreviations the same way: tag per slot, 0 if
	 * empty, and the index in abbrev (and abbrev_kind). */
	const uint32_t *abbrev_tag;
	const uint16_t *abbrev_word;
	size_t abbrev_mask;          /* slots - 1 */
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

/* Is the already case-folded word[0..n) a stop word? */
int pr_lang_is_stop_folded(const pr_lang *lang, const char *word, size_t n);

/* Is word[0..n) a stop word? The word may be in any case: it is case-folded
 * (ASCII fast path; utf8proc otherwise) before the lookup. */
int pr_lang_is_stop(const pr_lang *lang, const char *word, size_t n);

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

/* Generated tables (lang_data.c). */
extern const pr_lang pr_languages[];
extern const size_t pr_nlanguages;
extern const char *const pr_language_codes[]; /* NULL-terminated */

/* Every language's stop words in one table: pr_stop_any_langs[slot] has bit
 * i set when pr_languages[i] holds the word in pr_stop_any[slot]. */
extern const char *const pr_stop_any[];
extern const unsigned long long pr_stop_any_langs[];
/* Per slot: the word's hash with its length in the low byte, 0 if empty. */
extern const uint32_t pr_stop_any_tag[];
extern const size_t pr_stop_any_mask;

/* The languages (bit i = pr_languages[i]) whose stop words include the
 * already case-folded word[0..n); 0 for none. */
unsigned long long pr_stop_langs(const char *folded, size_t n);

/* The key-phrase words (keyphrase.txt, used by keyphrase.c) in one table
 * like pr_stop_any: the word and its tag per slot (tag 0: empty). */
extern const char *const pr_kp_word[];
extern const uint32_t pr_kp_word_tag[];
extern const size_t pr_kp_word_mask;

/* The slot of the already case-folded word[0..n) in the key-phrase table,
 * or -1 if it is not listed. */
ptrdiff_t pr_kp_slot(const char *folded, size_t n);

#endif
