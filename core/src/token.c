/* token.c: sentences into words, words into stems (English ones by
 * stem.c).
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
 * A token is looked up as soon as it is found while the tables fit the
 * cache (a news article's always do). Once they have outgrown it (a
 * book's, after its first pages), the rest takes two passes: the first
 * finds the tokens and hashes them (an ASCII token by its folded form),
 * the second looks them up, asking for each one's table slot a few
 * tokens ahead (words_of_tokens()).
 */
#include "doc.h"
#include "alloc.h"
#include "bits.h"
#include "cjk.h"
#include "hash.h"
#include "stem.h"
#include "utf8.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* What a token needs of its word, by word id, apart from the pr_word
 * array: eight bytes a word, so that a book's repeated words stay in the
 * cache. */
struct winfo {
	uint32_t term;
	uint32_t stop;
};

/* A term's document frequency as the second pass counts it: each term
 * once per sentence, so the last sentence that counted it beside the
 * count (eight bytes a term: one cache miss for a book's rare term).
 * Term t's is at index t + 1: index 0 belongs to PR_NO_TERM (UINT32_MAX,
 * to which adding one gives 0), a count nobody reads, so that a stop
 * word's token is counted like any other instead of being told apart by
 * a branch that went either way at random. */
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
	struct df *df;        /* term id + 1 -> its document frequency so far */
	size_t df_cap;
	pr_strmap folded;     /* folded word -> word id */
	pr_strmap stems;      /* stem -> term id */
	pr_vec words;         /* pr_word */
	pr_vec toks;          /* pr_token */
	const char *algorithm; /* the language's Snowball stemmer, or NULL */
	struct sb_stemmer *stemmer; /* made at its first word (snowball()) */
	int english;          /* the stemmer is Snowball's "english" */
	int elide;            /* the language elides words: "l'état" (lang.c) */
	int direct;           /* one pass: tokens looked up as found */
	char stem[PR_STEM_EN_MAX + 2]; /* pr_stem_english's output (stem.c) */
	char *buf;            /* folding scratch */
	size_t bufcap;
} tok_state;

/* What each byte is when it stands for itself (ASCII): a word character
 * (letter or digit), a capital, or neither, a gap between words, and of
 * those the apostrophe, full stop and comma, which may join two words'
 * characters into one token. Bytes from 0x80 up, parts of longer
 * characters, are none of these: the scan looks at them again as
 * characters. One load answers where the comparisons are several
 * branches a byte. */
enum { W = 1, U = 2, G = 4, J = 8 };
#define WU (W | U) /* a capital */
#define GJ (G | J) /* ' , . */
static const unsigned char byte_class[256] = {
	/* 0x00 */ G, G, G, G, G, G, G, G, G, G, G, G, G, G, G, G,
	/* 0x10 */ G, G, G, G, G, G, G, G, G, G, G, G, G, G, G, G,
	/* 0x20 */ G, G, G, G, G, G, G, GJ, G, G, G, G, GJ, G, GJ, G,
	/* 0x30 */ W, W, W, W, W, W, W, W, W, W, G, G, G, G, G, G,
	/* 0x40 */ G, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU,
	/* 0x50 */ WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, WU, G, G, G, G, G,
	/* 0x60 */ G, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
	/* 0x70 */ W, W, W, W, W, W, W, W, W, W, W, G, G, G, G, G,
};

/* Where the run of ASCII letters and digits from t[i] ends, t[0..n)
 * being the sentence: eight bytes a test while eight remain. A word is
 * some six bytes long, so its end is nearly always among the first eight,
 * found by a test that goes the same way word after word, where a loop
 * over its bytes leaves at a different count each time and the processor
 * guesses its last test wrong. */
static size_t ascii_run(const unsigned char *t, size_t i, size_t n)
{
	for (; n - i >= 8; i += 8) {
		uint64_t other = ~pr_ascii_alnum8(pr_load_le64(t + i)) & 0x8080808080808080u;
		if (other)
			return i + pr_lowest_byte(other);
	}
	while (i < n && (byte_class[t[i]] & W))
		i++;
	return i;
}

/* Where the gap of ASCII bytes that are neither letters nor digits from
 * t[i] ends (at a word character, a byte from 0x80 up or n): eight bytes
 * a test, like ascii_run(). Most gaps are one space, and a byte loop's
 * exit went wrong whenever one was two bytes (", ") instead. */
static size_t skip_gap(const unsigned char *t, size_t i, size_t n)
{
	for (; n - i >= 8; i += 8) {
		uint64_t x = pr_load_le64(t + i);
		uint64_t other = (pr_ascii_alnum8(x) | x) & 0x8080808080808080u;
		if (other)
			return i + pr_lowest_byte(other);
	}
	while (i < n && (byte_class[t[i]] & G))
		i++;
	return i;
}

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

/* The id in map of the key of n bytes, 1 <= n <= 8, whose head (its
 * bytes as pr_slot_head() gives them, folded for the folded-word table)
 * and hash are given, adding it if new
 * (*added = 1); UINT32_MAX when out of memory. A key seen before is one
 * inline probe; a new one goes to the slot where that probe ended.
 * Inline in its two callers, as a call per token costs more than the
 * lookup. The table is allocated already (pr_tokenize()). */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline uint32_t intern_short(pr_strmap *map, pr_arena *a, size_t n, uint64_t head,
                                    uint32_t hash, int *added)
{
	*added = 0;
	size_t at;
	uint32_t id = pr_strmap_find_head(map, head, n, hash, &at);
	if (id != UINT32_MAX)
		return id;
	*added = 1;
	return pr_strmap_add_short(map, a, at, head, n, hash);
}

/* The language's Snowball stemmer, made the first time a word needs it:
 * an English text whose words pr_stem_english takes, most, never does,
 * and making one costs as much as stemming a few hundred words. NULL
 * when out of memory. */
static struct sb_stemmer *snowball(tok_state *st)
{
	if (!st->stemmer)
		st->stemmer = sb_stemmer_new(st->algorithm, "UTF_8");
	return st->stemmer;
}

/* Word wid, just added to st->folded (m bytes), gets its stop flag and,
 * if it is not a stop word, its stem; ascii says whether the token it
 * came from was all ASCII (then its folded form is ready for the stop-word
 * table as it is). Returns wid, or UINT32_MAX when out of memory. Inline:
 * half the tokens of an article are a new word, and the call, with the
 * registers it saved and restored, cost a tenth of this. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline uint32_t new_word(tok_state *st, uint32_t wid, size_t m, int ascii)
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
	/* one probe of the language's word table (lang.c) gives the word's
	 * key-phrase flags, which the key-phrase stage asks for most words
	 * (keyphrase.c), and whether it is a stop word: an ASCII word is
	 * folded already, where pr_lang_is_stop folds it again and reads
	 * typographic apostrophes as ASCII ones, so a word with other bytes
	 * asks it */
	unsigned f = m < 255 ? pr_lang_word(d->lang, w->text, m, pr_stop_hash(w->text, m)) : 0;
	w->kp = (uint8_t)(f & PR_KP_MASK);
	w->stop = ascii ? (uint8_t)(f / PR_WORD_STOP) : (uint8_t)pr_lang_is_stop(d->lang, w->text, m);
	w->term = PR_NO_TERM;
	wi->stop = w->stop;
	wi->term = PR_NO_TERM;
	if (w->stop)
		return wid;
	const char *stem = w->text;
	size_t slen = m;
	/* numbers and very long tokens are their own stems (a number starts
	 * with a digit: a token starts with a letter or digit, so the scan
	 * of the whole word is only for those few); so is an English word of
	 * ASCII letters, digits and the marks that join them, all bytes
	 * pr_stem_english takes, whose last two bytes end no suffix
	 * (stem.h): about one in three, told without the call */
	if (st->algorithm && m < 64 &&
	    !(st->english && ascii && !pr_stem_english_may_change(w->text, m)) &&
	    !((unsigned char)(w->text[0] - '0') < 10 && is_number(w->text, m))) {
		/* (an ASCII token's folded bytes are all ones the stemmer
		 * takes: a-z, 0-9 and the marks that join them) */
		int k = !st->english ? -1
		        : ascii      ? pr_stem_english_taken(w->text, m, st->stem)
		                     : pr_stem_english(w->text, m, st->stem);
		if (k >= 0) {
			stem = st->stem;
			slen = (size_t)k;
		} else {
			const sb_symbol *r = NULL;
			if (snowball(st))
				r = sb_stemmer_stem(st->stemmer, (const sb_symbol *)w->text, (int)m);
			if (!r)
				return UINT32_MAX;
			stem = (const char *)r;
			slen = (size_t)sb_stemmer_length(st->stemmer);
		}
	}
	int added;
	uint32_t tid;
	if (slen <= 8 && (stem == st->stem || stem == w->text)) {
		/* eight bytes may be read from either: st->stem is longer,
		 * and a short key's copy has room for eight (hash.c) */
		uint64_t head = pr_slot_head8(stem, slen);
		tid = intern_short(&st->stems, &d->arena, slen, head, pr_hash_head(head, slen),
		                   &added);
	} else {
		tid = pr_strmap_intern(&st->stems, &d->arena, stem, slen, &added);
	}
	if (tid == UINT32_MAX)
		return UINT32_MAX;
	if (added) {
		struct df *df = reserve_index(st->df, &st->df_cap, sizeof *df, tid + 1);
		if (!df)
			return UINT32_MAX;
		st->df = df;
		st->df[tid + 1].seen = UINT32_MAX;
		st->df[tid + 1].df = 0;
	}
	w->term = tid;
	wi->term = tid;
	return wid;
}

/* The head of the ASCII token s[0..n), 1 <= n <= 8, folded, where room
 * bytes from s on belong to the sentence: one load when eight do. */
static inline uint64_t folded_head(const char *s, size_t n, size_t room)
{
	return pr_fold_ascii8(room >= 8 ? pr_slot_head8(s, n) : pr_slot_head(s, n));
}

/* pr_hash_ascii_folded() of the token s[0..n), room as above. */
static inline uint32_t ascii_hash(const char *s, size_t n, size_t room)
{
	if (n <= 8)
		return pr_hash_head(folded_head(s, n, room), n);
	return pr_hash_ascii_folded(s, n);
}

/* The word id of the all-ASCII token s[0..n) (hash: its
 * pr_hash_ascii_folded; head: its folded_head() when n <= 8), which
 * folds by making its capitals small: the folded-word table does that as
 * it compares (hash.c). A short word the document had before, most
 * tokens, is found without a call. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline uint32_t word_of_ascii(tok_state *st, const char *s, size_t n, uint32_t hash,
                                     uint64_t head)
{
	int added;
	uint32_t wid;
	if (n <= 8)
		wid = intern_short(&st->folded, &st->doc->arena, n, head, hash, &added);
	else
		wid = pr_strmap_intern_ascii_folded(&st->folded, &st->doc->arena, s, n, hash,
		                                    &added);
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

/* Token t, whose word is known, gets that word's term and stop flag, and
 * the term's document frequency counts sentence `sent` if it did not
 * yet. */
static inline void token_term(tok_state *st, pr_token *t, size_t sent)
{
	const struct winfo *w = &st->winfo[t->word];
	t->term = w->term;
	/* a multiplication, not a branch: stop words and others alternate
	 * at random, and a branch on which this is went the wrong way for
	 * about one token in two */
	t->flags |= (uint8_t)(w->stop * PR_TOK_STOP);
	/* counted without a branch, for the same reason (the struct df
	 * comment); whether the term was already counted in this sentence
	 * is as hard to guess */
	struct df *f = &st->df[(uint32_t)(w->term + 1)];
	f->df += f->seen != (uint32_t)sent;
	f->seen = (uint32_t)sent;
}

/* What pr_token.term holds between the two passes. */
#define TOK_ASCII 1
#define TOK_OTHER 0

/* No script below U+0E00 (Thai) is unspaced (cjk.c): Latin, Greek,
 * Cyrillic and the rest skip the calls. */
#define CJK_FIRST 0x0E00

static int tokenize_sentence(tok_state *st, pr_sent *s, size_t sent)
{
	const unsigned char *t = (const unsigned char *)s->text;
	size_t n = s->len, i = 0, prev_end = 0;
	int have_prev = 0;
	s->tok = (uint32_t)st->toks.len;
	s->nwords = 0;
	while (i < n) {
		/* spaces and punctuation between words: usually none left
		 * (the space after a word is skipped with it) */
		if (byte_class[t[i]] & G)
			i = skip_gap(t, i, n);
		if (i >= n)
			break;
		int32_t cp = t[i];
		size_t k = 1, start = i, cjk_end = 0;
		int cjk = -1, upper, digit, ascii = cp < 0x80;
		if (ascii) {
			/* an ASCII letter or digit, where skip_gap() stopped:
			 * most words start so, and need no decoding */
			upper = (byte_class[cp] & U) != 0;
			digit = cp >= '0' && cp <= '9';
		} else {
			k = pr_utf8_decode(t + i, n - i, &cp);
			if (!is_word_cp(cp)) {
				i += k;
				continue;
			}
			/* unspaced scripts: a token per character (cjk.c) */
			if (cp >= CJK_FIRST)
				cjk = pr_cjk_token(t, n, i, cp, k, &cjk_end);
			if (cjk == 0) {
				i += k;
				continue;
			}
			upper = is_upper_cp(cp);
			digit = 0;
		}
		i += k;
		if (cjk > 0)
			i = cjk_end;
		int gap = 0;
		while (cjk < 0 && i < n) {
			/* ASCII letters and digits, most of most words */
			i = ascii_run(t, i, n);
			if (i >= n)
				break;
			/* most words end at a space or a mark that joins nothing,
			 * which the next scan for a word need not look at again */
			if ((byte_class[t[i]] & GJ) == G) {
				gap = 1;
				break;
			}
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
			if ((cp == '\'' || cp == 0x2019) && st->elide &&
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
		/* what lies between this token and the one before? Most often
		 * one space, which neither breaks nor joins them */
		if (have_prev && !(start == prev_end + 1 && t[prev_end] == ' ')) {
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
		tok->flags = flags;
		const char *w = (const char *)t + start;
		size_t len = i - start;
		if (st->direct) {
			/* the word and term at once (pr_tokenize()) */
			uint32_t wid;
			if (ascii) {
				uint64_t head = len <= 8 ? folded_head(w, len, n - start) : 0;
				uint32_t hash = len <= 8 ? pr_hash_head(head, len)
				                         : pr_hash_ascii_folded(w, len);
				wid = word_of_ascii(st, w, len, hash, head);
			} else {
				wid = surface_of(st, w, len, pr_hash_bytes(w, len));
			}
			if (wid == UINT32_MAX)
				return PRECIS_ENOMEM;
			tok->word = wid;
			token_term(st, tok, sent);
		} else {
			/* until words_of_tokens() puts the word and term: the
			 * token's hash, and whether it is all ASCII (TOK_ASCII),
			 * which decides the table and the hash */
			tok->word = ascii ? ascii_hash(w, len, n - start) : pr_hash_bytes(w, len);
			tok->term = ascii ? TOK_ASCII : TOK_OTHER;
		}
		if (!(flags & PR_TOK_JOINED))
			s->nwords++;
		prev_end = i;
		have_prev = 1;
		if (cjk > 0)
			i = start + k; /* the next token starts one character on */
		i += gap;
	}
	s->ntok = (uint32_t)(st->toks.len - s->tok);
	return PRECIS_OK;
}

/* How many tokens ahead words_of_tokens() asks for a surface's slot:
 * enough to cover a miss to memory, few enough that the line is still
 * there when its turn comes. */
#define PREFETCH_AHEAD 8
/* The slots of a table (eight bytes each) from which its lookups are
 * worth prefetching: 128 KB, and as much again of the ids and keys a
 * found slot leads to. */
#define PREFETCH_SLOTS 16384

/* The second pass, from sentence `first` on (pr_tokenize()): every
 * token's word, term and stop flag. A book's tables are megabytes, and a
 * rare word's lookups cache misses: its table slot is requested
 * PREFETCH_AHEAD tokens early, and a sentence's tokens are all looked up
 * before any of their words is read, so that those reads, independent of
 * each other, overlap too. */
static int words_of_tokens(tok_state *st, size_t first)
{
	precis_doc *d = st->doc;
	pr_token *toks = st->toks.data;
	size_t ntoks = st->toks.len;
	for (size_t i = first; i < d->nsents; i++) {
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
			uint32_t wid = t->term == TOK_ASCII
			                       ? word_of_ascii(st, w, n, t->word,
			                                       n <= 8 ? folded_head(w, n, s->len - t->start)
			                                              : 0)
			                       : surface_of(st, w, n, t->word);
			if (wid == UINT32_MAX)
				return PRECIS_ENOMEM;
			t->word = wid;
		}
		for (size_t k = s->tok; k < end; k++)
			token_term(st, &toks[k], i);
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
	 * words, and its tables grow as they fill (the surface table is
	 * allocated at its first key, so only for a text with a token that
	 * is not all ASCII) */
	size_t bytes = 0;
	for (size_t i = 0; i < d->nsents; i++)
		bytes += d->sents[i].len;
	size_t expect = bytes / 12 < 4096 ? bytes / 12 : 4096;
	pr_strmap_init_for(&st.surface, expect);
	/* the folded-word table, which every token asks, twice that: at
	 * most a quarter full, a probe nearly always ends at its first
	 * slot, where half full it went on to the next one often enough to
	 * cost more than the larger table (articles: tokens 3 % faster) */
	pr_strmap_init_for(&st.folded, 2 * expect);
	pr_strmap_init_for(&st.stems, expect);
	pr_vec_init(&st.words, sizeof(pr_word));
	pr_vec_init(&st.toks, sizeof(pr_token));
	int rc = PRECIS_OK;
	st.direct = 1;
	st.algorithm = d->lang->stemmer;
	st.english = st.algorithm && strcmp(st.algorithm, "english") == 0;
	st.elide = pr_lang_has_elision(d->lang);
	/* one token per five bytes is more than English prose has, so the
	 * token array is usually allocated once; pages it never fills are
	 * never touched */
	if (pr_vec_reserve(&d->arena, &st.toks, bytes / 5 + 16) ||
	    pr_vec_reserve(&d->arena, &st.words, expect + 16))
		rc = PRECIS_ENOMEM;
	/* the folded-word and stem tables now, not at their first keys, so
	 * that the lookups inlined for every token (intern_short()) need not
	 * ask whether they are there: a text with bytes nearly always has
	 * a word */
	if (rc == PRECIS_OK && bytes &&
	    (pr_strmap_alloc(&st.folded) || pr_strmap_alloc(&st.stems)))
		rc = PRECIS_ENOMEM;
	/* and the count of PR_NO_TERM (struct df), which token_term()
	 * updates for every stop word */
	if (rc == PRECIS_OK && !(st.df = reserve_index(NULL, &st.df_cap, sizeof *st.df, 0)))
		rc = PRECIS_ENOMEM;
	if (rc == PRECIS_OK)
		st.df[0].seen = st.df[0].df = 0;
	/* While the tables are under PREFETCH_SLOTS (an article's always,
	 * a book's for its first pages), a token is looked up as soon as it
	 * is found, in one pass, without storing its hash and reading it
	 * back: asking for slots ahead would only cost the asking. From the
	 * sentence where they have outgrown that on (tables never shrink),
	 * the tokens wait for words_of_tokens(). The lookups come in the
	 * same order either way, and so does every id. */
	size_t deferred = d->nsents;
	for (size_t i = 0; rc == PRECIS_OK && i < d->nsents; i++) {
		if (st.direct && (st.folded.mask | st.surface.mask) >= PREFETCH_SLOTS) {
			st.direct = 0;
			deferred = i;
		}
		rc = tokenize_sentence(&st, &d->sents[i], i);
	}
	if (rc == PRECIS_OK && deferred < d->nsents)
		rc = words_of_tokens(&st, deferred);

	if (rc == PRECIS_OK) {
		d->toks = st.toks.data;
		d->ntoks = st.toks.len;
		d->words = st.words.data;
		d->nwords = st.words.len;
		d->nterms = st.stems.n;
		/* one more than the terms, so that a text without any gets an
		 * array too; not zeroed first, as every field of the terms is
		 * set below (and the one past them zeroed) */
		size_t size;
		d->terms = pr_mul_ok(d->nterms + 1, sizeof(pr_term), &size)
		                   ? pr_alloc(&d->arena, size)
		                   : NULL;
		if (!d->terms)
			rc = PRECIS_ENOMEM;
	}
	if (rc == PRECIS_OK) {
		/* document frequencies as the second pass counted them */
		for (size_t k = 0; k < d->nterms; k++) {
			d->terms[k].text = st.stems.key[k];
			d->terms[k].len = st.stems.keylen[k];
			d->terms[k].df = st.df[k + 1].df;
		}
		memset(&d->terms[d->nterms], 0, sizeof(pr_term));
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
