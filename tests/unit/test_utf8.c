/* utf8.h / utf8.c: decoding, validation, encoding; precis_utf8_check. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <precis.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* Criterion runs each parameter in a new process: the table holds arrays,
 * not pointers, so it copies across. */
typedef struct dcase {
	char name[24];
	char bytes[8];
	size_t len;
	int32_t cp;     /* expected code point of the first sequence, -1 invalid */
	size_t used;    /* bytes the decoder consumes */
	size_t bad;     /* pr_utf8_validate: first bad offset (len if valid) */
} dcase;

#define B(s) s, sizeof(s) - 1

static dcase dcases[] = {
	{ "ascii", B("A"), 'A', 1, 1 },
	{ "nul", B("\0"), 0, 1, 1 },
	{ "two_byte", B("\xC3\xA9"), 0xE9, 2, 2 },
	{ "two_byte_min", B("\xC2\x80"), 0x80, 2, 2 },
	{ "three_byte", B("\xE2\x82\xAC"), 0x20AC, 3, 3 },
	{ "three_byte_min", B("\xE0\xA0\x80"), 0x800, 3, 3 },
	{ "before_surrogates", B("\xED\x9F\xBF"), 0xD7FF, 3, 3 },
	{ "after_surrogates", B("\xEE\x80\x80"), 0xE000, 3, 3 },
	{ "four_byte", B("\xF0\x9F\x98\x80"), 0x1F600, 4, 4 },
	{ "max_scalar", B("\xF4\x8F\xBF\xBF"), 0x10FFFF, 4, 4 },
	{ "overlong_2", B("\xC0\x80"), -1, 1, 0 },
	{ "overlong_2b", B("\xC1\xBF"), -1, 1, 0 },
	{ "overlong_3", B("\xE0\x80\x80"), -1, 1, 0 },
	{ "overlong_3b", B("\xE0\x9F\xBF"), -1, 1, 0 },
	{ "overlong_4", B("\xF0\x80\x80\x80"), -1, 1, 0 },
	{ "overlong_4b", B("\xF0\x8F\xBF\xBF"), -1, 1, 0 },
	{ "surrogate_lo", B("\xED\xA0\x80"), -1, 1, 0 },
	{ "surrogate_hi", B("\xED\xBF\xBF"), -1, 1, 0 },
	{ "above_max", B("\xF4\x90\x80\x80"), -1, 1, 0 },
	{ "f5_lead", B("\xF5\x80\x80\x80"), -1, 1, 0 },
	{ "ff_byte", B("\xFF"), -1, 1, 0 },
	{ "lone_continuation", B("\x80"), -1, 1, 0 },
	{ "lone_continuation_bf", B("\xBF"), -1, 1, 0 },
	{ "truncated_2", B("\xC3"), -1, 1, 0 },
	{ "truncated_3_of_1", B("\xE2"), -1, 1, 0 },
	{ "truncated_3_of_2", B("\xE2\x82"), -1, 2, 0 },
	{ "truncated_4_of_3", B("\xF0\x9F\x98"), -1, 3, 0 },
	{ "bad_second_byte", B("\xC3\x28"), -1, 1, 0 },
	{ "bad_third_byte", B("\xE2\x82\x28"), -1, 2, 0 },
	{ "bad_fourth_byte", B("\xF0\x9F\x98\x41"), -1, 3, 0 },
};

ParameterizedTestParameters(utf8, decode)
{
	return cr_make_param_array(dcase, dcases, sizeof dcases / sizeof dcases[0]);
}

ParameterizedTest(dcase *c, utf8, decode)
{
	int32_t cp = 12345;
	size_t n = pr_utf8_decode((const unsigned char *)c->bytes, c->len, &cp);
	cr_assert_eq(cp, c->cp, "%s: code point %d, want %d", c->name, cp, c->cp);
	cr_assert_eq(n, c->used, "%s: consumed %zu, want %zu", c->name, n, c->used);
	cr_assert_eq(pr_utf8_validate(c->bytes, c->len), c->bad, "%s: validate", c->name);
	size_t at = 999;
	int rc = precis_utf8_check(c->bytes, c->len, &at);
	if (c->cp < 0) {
		cr_assert_eq(rc, PRECIS_EUTF8, "%s", c->name);
		cr_assert_eq(at, c->bad, "%s", c->name);
	} else {
		cr_assert_eq(rc, PRECIS_OK, "%s", c->name);
		cr_assert_eq(at, 999, "%s: offset untouched on success", c->name);
	}
}

/* The offset of the first bad byte is reported wherever it sits: after
 * ASCII runs longer than the 8-byte fast path, right after multi-byte
 * characters, at the very end. */
Test(utf8, offset_in_context)
{
	static const struct {
		const char *s;
		size_t len, bad;
	} t[] = {
		{ B("hello world, this is long \x80"), 26 },
		{ B("0123456\xC3"), 7 },
		{ B("01234567\xC3"), 8 },
		{ B("012345678\xE2\x82"), 9 },
		{ B("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xED\xA0\x80"), 9 },
		{ B("abcdefgh\xC3\xA9ijklmnop\xC0\xAF"), 18 },
		{ B("ok \xF4\x90\x80\x80 no"), 3 },
		{ B("\xEF\xBB\xBFwith BOM \xFE"), 12 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		size_t at = 0;
		cr_assert_eq(pr_utf8_validate(t[i].s, t[i].len), t[i].bad, "case %zu", i);
		cr_assert_eq(precis_utf8_check(t[i].s, t[i].len, &at), PRECIS_EUTF8);
		cr_assert_eq(at, t[i].bad, "case %zu: offset %zu", i, at);
	}
}

Test(utf8, valid_text_and_empty)
{
	const char s[] = "plain ASCII \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 done";
	cr_assert_eq(pr_utf8_validate(s, sizeof s - 1), sizeof s - 1);
	cr_assert_eq(precis_utf8_check(s, sizeof s - 1, NULL), PRECIS_OK);
	cr_assert_eq(precis_utf8_check("", 0, NULL), PRECIS_OK);
	cr_assert_eq(precis_utf8_check(NULL, 0, NULL), PRECIS_OK);
	cr_assert_eq(precis_utf8_check(NULL, 1, NULL), PRECIS_EINVAL);
	/* a NULL offset pointer is allowed on failure too */
	cr_assert_eq(precis_utf8_check("\xFF", 1, NULL), PRECIS_EUTF8);
}

/* A sequence cut short by len is invalid even if the bytes after it in
 * memory would complete it. */
Test(utf8, len_bounds_the_sequence)
{
	const char s[] = "ab\xE2\x82\xAC";
	int32_t cp;
	cr_assert_eq(pr_utf8_validate(s, 4), 2);
	cr_assert_eq(pr_utf8_decode((const unsigned char *)s + 2, 2, &cp), 2);
	cr_assert_eq(cp, -1);
	cr_assert_eq(pr_utf8_validate(s, 5), 5);
}

/* Every scalar value encodes to what the decoder reads back, with the
 * shortest length; the decoder never consumes more than it was given. */
Test(utf8, encode_round_trip)
{
	for (int32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char buf[4];
		size_t n = pr_utf8_encode(cp, buf);
		size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		cr_assert_eq(n, want, "U+%04X length", (unsigned)cp);
		int32_t back;
		cr_assert_eq(pr_utf8_decode((const unsigned char *)buf, n, &back), n);
		cr_assert_eq(back, cp, "U+%04X round trip", (unsigned)cp);
		cr_assert_eq(pr_utf8_validate(buf, n), n);
		if (n > 1) {
			/* any proper prefix is invalid */
			cr_assert_eq(pr_utf8_validate(buf, n - 1), 0, "U+%04X prefix", (unsigned)cp);
		}
	}
	char buf[4];
	cr_assert_eq(pr_utf8_encode(PR_REPLACEMENT, buf), 3);
	cr_assert(memcmp(buf, "\xEF\xBF\xBD", 3) == 0);
}

/* All two-byte combinations: the decoder agrees with a straightforward
 * reading of RFC 3629's table. */
Test(utf8, all_two_byte_prefixes)
{
	for (unsigned a = 0x80; a < 0x100; a++) {
		for (unsigned b = 0; b < 0x100; b++) {
			unsigned char s[2] = { (unsigned char)a, (unsigned char)b };
			int32_t cp;
			size_t n = pr_utf8_decode(s, 2, &cp);
			int cont = (b & 0xC0) == 0x80;
			if (a >= 0xC2 && a <= 0xDF && cont) {
				cr_assert_eq(n, 2);
				cr_assert_eq(cp, (int32_t)(((a & 0x1F) << 6) | (b & 0x3F)));
			} else {
				cr_assert_eq(cp, -1, "%02X %02X", a, b);
				/* a lead byte whose second byte may start a valid
				 * sequence consumes only 1 byte, or 2 if it was a
				 * valid prefix cut short */
				int prefix = cont &&
				             ((a >= 0xE1 && a <= 0xEC) || a == 0xEE || a == 0xEF ||
				              (a == 0xE0 && b >= 0xA0) || (a == 0xED && b <= 0x9F) ||
				              (a >= 0xF1 && a <= 0xF3) || (a == 0xF0 && b >= 0x90) ||
				              (a == 0xF4 && b <= 0x8F));
				cr_assert_eq(n, prefix ? 2u : 1u, "%02X %02X consumed %zu", a, b, n);
			}
		}
	}
}

/* ASCII is skipped sixteen bytes at a time where the machine can, then
 * eight: a bad byte or a character after ASCII runs of every length up
 * to forty is found at its own offset, and a valid text is valid. */
Test(utf8, bad_byte_after_ascii_runs_of_every_length)
{
	char s[64];
	for (size_t run = 0; run <= 40; run++) {
		memset(s, 'a', run);
		memcpy(s + run, "\xC3\xA9" "b\xFF" "cd", 6);
		cr_expect_eq(pr_utf8_validate(s, run + 6), run + 3, "run %zu", run);
		cr_expect_eq(pr_utf8_validate(s, run + 3), run + 3, "run %zu, valid", run);
	}
}
