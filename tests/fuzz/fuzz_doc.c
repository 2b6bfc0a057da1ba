/* fuzz_doc.c: the whole pipeline (precis_doc_new and every getter) on
 * arbitrary bytes, with options drawn from the first bytes of the input.
 *
 * Input layout: 13 option bytes, then the text. Some options are out of
 * range on purpose (a max_bytes below the text's size, an unknown language),
 * and one bit makes the k-th allocation fail: every run must end in a
 * document whose every report holds together, or a documented status with
 * nothing leaked. */
#include <math.h>
#include <string.h>

#include "alloc.h"
#include "fuzz.h"
#include "precis.h"

#define HEADER 13

static int valid_utf8(const char *s, size_t n)
{
	return precis_utf8_check(s, n, NULL) == PRECIS_OK;
}

/* Every report of a document agrees with every other and with the input. */
static void check_doc(const precis_doc *d, size_t len, const precis_options *o)
{
	size_t n = precis_doc_sentence_count(d);
	double sum = 0.0;
	unsigned char *rank_seen = calloc(n + 1, 1);
	CHECK(rank_seen);
	size_t prev_start = 0;
	for (size_t i = 0; i < n; i++) {
		size_t s = precis_doc_sentence_start(d, i), e = precis_doc_sentence_end(d, i);
		size_t tl;
		const char *t = precis_doc_sentence_text(d, i, &tl);
		CHECK(s < e && e <= len);
		CHECK(i == 0 || s >= prev_start);
		prev_start = s;
		CHECK(t && strlen(t) == tl && tl > 0);
		CHECK(valid_utf8(t, tl));
		double sc = precis_doc_sentence_score(d, i);
		CHECK(isfinite(sc) && sc >= 0.0);
		sum += sc;
		size_t r = precis_doc_sentence_rank(d, i);
		CHECK(r >= 1 && r <= n && !rank_seen[r]);
		rank_seen[r] = 1;
	}
	free(rank_seen);
	CHECK(n == 0 || fabs(sum - 1.0) < 1e-6);
	CHECK(precis_doc_sentence_text(d, n, NULL) == NULL);
	CHECK(precis_doc_sentence_rank(d, n) == 0);

	size_t ns = precis_doc_selected_count(d), flagged = 0;
	CHECK(ns <= n);
	if (o->sentences)
		CHECK(ns <= o->sentences);
	for (size_t i = 0; i < n; i++)
		flagged += precis_doc_sentence_selected(d, i) != 0;
	CHECK(flagged == ns);
	size_t prev = 0;
	for (size_t k = 0; k < ns; k++) {
		size_t i = precis_doc_selected(d, k);
		CHECK(i < n && precis_doc_sentence_selected(d, i));
		if (k && !(o->flags & PRECIS_FLAG_ORDER_BY_SCORE))
			CHECK(i > prev);
		if (k && (o->flags & PRECIS_FLAG_ORDER_BY_SCORE))
			CHECK(precis_doc_sentence_rank(d, i) >
			      precis_doc_sentence_rank(d, prev));
		prev = i;
	}
	CHECK(precis_doc_selected(d, ns) == (size_t)-1);

	size_t hl;
	const char *h = precis_doc_headline(d, &hl);
	CHECK(h && strlen(h) == hl && valid_utf8(h, hl));
	CHECK(hl <= (o->headline_bytes ? o->headline_bytes : 75));
	CHECK(n > 0 || hl == 0);

	size_t nk = precis_doc_keyword_count(d);
	CHECK(nk <= (o->keywords ? o->keywords : 10));
	for (size_t k = 0; k < nk; k++) {
		size_t kl;
		const char *kw = precis_doc_keyword(d, k, &kl);
		double ks = precis_doc_keyword_score(d, k);
		CHECK(kw && strlen(kw) == kl && kl > 0 && valid_utf8(kw, kl));
		CHECK(ks > 0.0 && ks <= 1.0);
		CHECK(k == 0 || ks <= precis_doc_keyword_score(d, k - 1));
	}
	CHECK(precis_doc_keyword(d, nk, NULL) == NULL);

	const char *lang = precis_doc_language(d);
	CHECK(lang && *lang);
	precis_format f = precis_doc_format(d);
	CHECK(f == PRECIS_FORMAT_PLAIN || f == PRECIS_FORMAT_MARKDOWN);
}

/* The same input and options give the same bytes out, and the one-call
 * functions agree with the document. */
static void check_again(const precis_doc *d, const char *text, size_t len,
                        const precis_options *o)
{
	char *sum = NULL, *head = NULL;
	size_t sl = 0, hl = 0;
	CHECK(precis_summarize_text(&sum, &sl, text, len, o) == PRECIS_OK);
	CHECK(precis_headline_text(&head, &hl, text, len, o) == PRECIS_OK);
	size_t at = 0;
	for (size_t k = 0; k < precis_doc_selected_count(d); k++) {
		size_t tl;
		const char *t = precis_doc_sentence_text(d, precis_doc_selected(d, k), &tl);
		CHECK(at + tl + 1 <= sl && memcmp(sum + at, t, tl) == 0 &&
		      sum[at + tl] == '\n');
		at += tl + 1;
	}
	CHECK(at == sl && sum[sl] == '\0');
	size_t dl;
	const char *dh = precis_doc_headline(d, &dl);
	CHECK(hl == dl && memcmp(head, dh, dl) == 0);
	precis_free(sum);
	precis_free(head);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_in in = { data, size };
	precis_options o = PRECIS_OPTIONS_INIT;
	unsigned b0 = fuzz_byte(&in);
	unsigned b1 = fuzz_byte(&in), b2 = fuzz_byte(&in), b3 = fuzz_byte(&in);
	unsigned b4 = fuzz_byte(&in), b5 = fuzz_byte(&in), b6 = fuzz_byte(&in);
	unsigned b7 = fuzz_byte(&in), b8 = fuzz_byte(&in), b9 = fuzz_byte(&in);
	unsigned b10 = fuzz_byte(&in), b11 = fuzz_byte(&in), b12 = fuzz_byte(&in);
	const char *text = (const char *)in.p;
	size_t len = in.n;

	if (b0 & 0x01)
		o.flags |= PRECIS_FLAG_REPLACE_INVALID;
	if (b0 & 0x02)
		o.flags |= PRECIS_FLAG_ORDER_BY_SCORE;
	int fail_alloc = (b0 & 0x04) != 0, again = (b0 & 0x08) != 0;
	o.format = (precis_format)((b0 >> 4) & 3) == 3 ? PRECIS_FORMAT_AUTO
	                                                : (precis_format)((b0 >> 4) & 3);
	o.similarity = (b0 >> 6) == 3 ? PRECIS_SIM_TEXTRANK : (precis_similarity)(b0 >> 6);
	o.sentences = b1 & 0x0F;
	o.ratio = b1 & 0x10 ? b2 / 255.0 : 0.0;
	o.words = b1 & 0x20 ? b3 : 0;
	o.bytes = b1 & 0x40 ? (size_t)b4 * 4 : 0;
	o.headline_bytes = b5;
	o.keywords = b6 & 0x1F;
	const char *const *langs = precis_languages();
	size_t nlangs = 0;
	while (langs[nlangs])
		nlangs++;
	if (b7 == 1)
		o.lang = "auto";
	else if (b7 == 255)
		o.lang = "xx";
	else if (b7 >= 2)
		o.lang = langs[(b7 - 2) % nlangs];
	o.damping = b8 ? b8 / 256.0 : 0.0;
	o.max_iterations = b9 & 0x7F;
	o.max_bytes = b10 ? (size_t)b10 * 16 : 0;

	if (fail_alloc)
		pr_alloc_fail_after((long)(b11 | b12 << 8));
	precis_doc *d = NULL;
	int rc = precis_doc_new(&d, len ? text : NULL, len, &o);
	if (fail_alloc)
		pr_alloc_fail_after(-1);

	switch (rc) {
	case PRECIS_OK:
		CHECK(d);
		check_doc(d, len, &o);
		if (again && !fail_alloc)
			check_again(d, text, len, &o);
		precis_doc_free(d);
		break;
	case PRECIS_ENOMEM:
		CHECK(fail_alloc);
		break;
	case PRECIS_EUTF8: {
		size_t bad = len;
		CHECK(!(o.flags & PRECIS_FLAG_REPLACE_INVALID));
		CHECK(precis_utf8_check(text, len, &bad) == PRECIS_EUTF8 && bad < len);
		break;
	}
	case PRECIS_ETOOBIG:
		CHECK(o.max_bytes && len > o.max_bytes);
		break;
	case PRECIS_ELANG:
		CHECK(b7 == 255);
		break;
	case PRECIS_EINVAL: /* every option drawn above is in range */
	default:
		CHECK(!"unexpected status");
	}
	CHECK(strcmp(precis_strerror(rc), "unknown error") != 0);
	return 0;
}
