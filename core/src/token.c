/* token.c: sentences into words, words into stems.
 *
 * A token is a run of letters, marks and digits in a sentence's display
 * text; an apostrophe or a full stop between two such characters stays inside
 * it ("don't", "U.S", "3.14", "example.com"), as does a comma between two
 * digits ("1,000"). Each distinct surface form is
 * case-folded (NFKC + case folding) and stemmed once per document: the
 * surface -> word and word -> stem tables are the stem cache, because a
 * Snowball call costs far more than a hash lookup.
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

/* What a token needs of its word, kept by surface form: a repeated word
 * (most tokens) is then one table probe and one read, not two. */
struct surf {
	uint32_t word, term;
	uint32_t stop;
};

typedef struct tok_state {
	precis_doc *doc;
	pr_strmap surface;    /* exact bytes -> index into surf */
	struct surf *surf;    /* surface id -> its word, term and stop flag */
	size_t surf_cap;
	pr_strmap folded;     /* folded word -> word id */
	pr_strmap stems;      /* stem -> term id */
	pr_vec words;         /* pr_word */
	pr_vec toks;          /* pr_token */
	struct sb_stemmer *stemmer;
	char *buf;            /* folding scratch */
	size_t bufcap;
} tok_state;

static int is_word_cp(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
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
		return cp >= 'A' && cp <= 'Z';
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

/* The word of a surface form, folding and stemming it the first time;
 * NULL when out of memory. */
static const struct surf *word_of(tok_state *st, const char *s, size_t n)
{
	precis_doc *d = st->doc;
	int added;
	uint32_t sid = pr_strmap_intern(&st->surface, &d->arena, s, n, &added);
	if (sid == UINT32_MAX)
		return NULL;
	if (!added)
		return &st->surf[sid];
	if (sid >= st->surf_cap) {
		size_t cap = st->surf_cap ? st->surf_cap * 2 : 1024;
		struct surf *p = pr_realloc_raw(st->surf, cap * sizeof *p);
		if (!p)
			return NULL;
		st->surf = p;
		st->surf_cap = cap;
	}
	struct surf *sf = &st->surf[sid];
	int ascii;
	size_t m = fold_word(st, s, n, &ascii);
	if (m == (size_t)-1)
		return NULL;
	uint32_t wid = pr_strmap_intern(&st->folded, &d->arena, st->buf, m, &added);
	if (wid == UINT32_MAX)
		return NULL;
	sf->word = wid;
	if (!added) {
		const pr_word *w = &((const pr_word *)st->words.data)[wid];
		sf->term = w->term;
		sf->stop = w->stop;
		return sf;
	}

	pr_word *w = pr_vec_push(&d->arena, &st->words);
	if (!w)
		return NULL;
	w->text = st->folded.key[wid];
	w->len = (uint32_t)m;
	/* an ASCII word is folded already: one probe of the all-languages
	 * table (lang.c) answers, where pr_lang_is_stop folds it again */
	if (ascii)
		w->stop = (uint8_t)((pr_stop_langs(w->text, m) >> (d->lang - pr_languages)) & 1);
	else
		w->stop = (uint8_t)pr_lang_is_stop(d->lang, w->text, m);
	w->term = PR_NO_TERM;
	sf->stop = w->stop;
	sf->term = PR_NO_TERM;
	if (w->stop)
		return sf;
	const char *stem = w->text;
	size_t slen = m;
	/* numbers and very long tokens are their own stems */
	if (st->stemmer && !is_number(w->text, m) && m < 64) {
		const sb_symbol *r = sb_stemmer_stem(st->stemmer, (const sb_symbol *)w->text, (int)m);
		if (!r)
			return NULL;
		stem = (const char *)r;
		slen = (size_t)sb_stemmer_length(st->stemmer);
	}
	uint32_t tid = pr_strmap_intern(&st->stems, &d->arena, stem, slen, NULL);
	if (tid == UINT32_MAX)
		return NULL;
	/* pr_vec_push may have moved the vector: look the word up again */
	((pr_word *)st->words.data)[wid].term = tid;
	sf->term = tid;
	return sf;
}

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
		i += k;
		if (cjk > 0)
			i = cjk_end;
		while (cjk < 0 && i < n) {
			/* ASCII letters and digits, most of most words */
			if (t[i] < 0x80 && is_word_cp(t[i])) {
				i++;
				continue;
			}
			k = pr_utf8_decode(t + i, n - i, &cp);
			if (is_word_cp(cp) && (cp < CJK_FIRST || !pr_cjk_char(cp))) {
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
		const struct surf *w = word_of(st, (const char *)t + start, i - start);
		if (!w)
			return PRECIS_ENOMEM;
		pr_token *tok = pr_vec_push(&st->doc->arena, &st->toks);
		if (!tok)
			return PRECIS_ENOMEM;
		tok->start = (uint32_t)start;
		tok->end = (uint32_t)i;
		tok->word = w->word;
		tok->term = w->term;
		if (w->stop)
			flags |= PR_TOK_STOP;
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

int pr_tokenize(precis_doc *d)
{
	tok_state st;
	memset(&st, 0, sizeof st);
	st.doc = d;
	/* one distinct word per eight bytes is about what an article has;
	 * a book has far fewer, and its tables grow as they fill */
	size_t bytes = 0;
	for (size_t i = 0; i < d->nsents; i++)
		bytes += d->sents[i].len;
	size_t expect = bytes / 8 < 4096 ? bytes / 8 : 4096;
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
	}
	/* one token per five bytes is more than English prose has, so the
	 * token array is usually allocated once; pages it never fills are
	 * never touched */
	if (rc == PRECIS_OK && pr_vec_reserve(&d->arena, &st.toks, bytes / 5 + 16))
		rc = PRECIS_ENOMEM;
	for (size_t i = 0; rc == PRECIS_OK && i < d->nsents; i++)
		rc = tokenize_sentence(&st, &d->sents[i]);

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
		for (size_t k = 0; k < d->nterms; k++) {
			d->terms[k].text = st.stems.key[k];
			d->terms[k].len = st.stems.keylen[k];
		}
		/* document frequency: count each term once per sentence */
		uint32_t *seen = pr_malloc_raw((d->nterms + 1) * sizeof *seen);
		if (!seen) {
			rc = PRECIS_ENOMEM;
		} else {
			for (size_t k = 0; k < d->nterms; k++)
				seen[k] = UINT32_MAX;
			for (size_t i = 0; i < d->nsents; i++) {
				const pr_sent *s = &d->sents[i];
				for (uint32_t j = s->tok; j < s->tok + s->ntok; j++) {
					uint32_t term = d->toks[j].term;
					if (term != PR_NO_TERM && seen[term] != i) {
						seen[term] = (uint32_t)i;
						d->terms[term].df++;
					}
				}
			}
			pr_free_raw(seen);
		}
	}
	if (st.stemmer)
		sb_stemmer_delete(st.stemmer);
	pr_free_raw(st.surf);
	pr_free_raw(st.buf);
	pr_strmap_free(&st.surface);
	pr_strmap_free(&st.folded);
	pr_strmap_free(&st.stems);
	return rc;
}
