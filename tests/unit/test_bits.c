/* bits.h: the word-at-a-time helpers give the same answers as the plain
 * loops they stand for, the portable fallbacks included. */
#include <criterion/criterion.h>
#include <stdint.h>

#include "bits.h"

/* The lowest set bit, one bit at a time. */
static size_t ctz_by_loop(uint64_t x)
{
	size_t i = 0;
	while (!(x & 1)) {
		x >>= 1;
		i++;
	}
	return i;
}

Test(bits, ctz_every_lowest_bit)
{
	/* each bit alone, and with every higher bit set too, and with a
	 * pseudo-random spread above it: only the lowest one counts */
	uint64_t r = 0x9E3779B97F4A7C15u;
	for (size_t b = 0; b < 64; b++) {
		uint64_t one = (uint64_t)1 << b;
		r = r * 6364136223846793005u + 1442695040888963407u;
		uint64_t xs[3] = {one, ~(one - 1), one | (r & ~(one - 1))};
		for (size_t k = 0; k < 3; k++) {
			cr_assert_eq(pr_ctz64(xs[k]), b, "bit %zu, case %zu", b, k);
			cr_assert_eq(pr_ctz64_portable(xs[k]), b, "bit %zu, case %zu", b, k);
			cr_assert_eq(ctz_by_loop(xs[k]), b);
		}
	}
}

Test(bits, load_le64_is_byte_order_free)
{
	const unsigned char p[8] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF};
	cr_assert_eq(pr_load_le64(p), 0xEFCDAB8967452301u);
}

Test(bits, lowest_byte_of_a_mask)
{
	/* a scan's marks: the high bit of byte k, or any bit of it */
	for (size_t k = 0; k < 8; k++) {
		uint64_t high = (uint64_t)0x80 << 8 * k, low = (uint64_t)1 << 8 * k;
		uint64_t above = k < 7 ? ~(uint64_t)0 << 8 * (k + 1) : 0;
		cr_assert_eq(pr_lowest_byte(high), k);
		cr_assert_eq(pr_lowest_byte(low | above), k);
		cr_assert_eq(pr_lowest_byte(high | (above & 0x8080808080808080u)), k);
	}
}

/* Every byte value in every place among seven others, each of those a
 * letter or a byte from 0x80 up (which must not spill into its
 * neighbours): each mask (letters and digits; letters) marks exactly the
 * bytes the plain test takes. */
Test(bits, ascii_letters_and_digits_eight_at_a_time)
{
	const unsigned char fill[3] = {'Q', 0xFF, 0x80};
	for (size_t k = 0; k < 8; k++) {
		for (unsigned c = 0; c < 256; c++) {
			for (size_t f = 0; f < 3; f++) {
				unsigned char p[8];
				for (size_t j = 0; j < 8; j++)
					p[j] = fill[f];
				p[k] = (unsigned char)c;
				uint64_t want = 0, want_letters = 0;
				for (size_t j = 0; j < 8; j++) {
					int letter = (p[j] >= 'a' && p[j] <= 'z') ||
					             (p[j] >= 'A' && p[j] <= 'Z');
					int alnum = letter || (p[j] >= '0' && p[j] <= '9');
					want |= (uint64_t)alnum << (8 * j + 7);
					want_letters |= (uint64_t)letter << (8 * j + 7);
				}
				cr_assert_eq(pr_ascii_alnum8(pr_load_le64(p)), want, "byte %#x at %zu",
				             c, k);
				cr_assert_eq(pr_ascii_letter8(pr_load_le64(p)), want_letters,
				             "letters: byte %#x at %zu", c, k);
			}
		}
	}
}

Test(bits, ascii_range_eight_at_a_time)
{
	/* every byte value in every one of the eight places, among neighbours
	 * that are in the range and out of it, for ranges at the edges of
	 * ASCII and single bytes: the bit is set exactly for ASCII bytes in
	 * [lo, hi], and never for a byte from 0x80 up */
	static const unsigned char ranges[][2] = {
		{'.', '.'}, {'!', '"'}, {'?', 'Z'}, {'\'', '\''}, {'-', '-'}, {0x00, 0x00},
		{0x7F, 0x7F}, {0x00, 0x7F}, {'a', 'z'},
	};
	static const unsigned char fill[] = {0x00, ' ', '.', 'A', 'z', 0x7F, 0x80, 0xE2, 0xFF};
	for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
		unsigned char lo = ranges[r][0], hi = ranges[r][1];
		for (size_t f = 0; f < sizeof fill; f++)
			for (unsigned v = 0; v < 256; v++)
				for (size_t k = 0; k < 8; k++) {
					unsigned char b[8];
					for (size_t j = 0; j < 8; j++)
						b[j] = fill[(f + j) % sizeof fill];
					b[k] = (unsigned char)v;
					uint64_t want = 0;
					for (size_t j = 0; j < 8; j++)
						if (b[j] >= lo && b[j] <= hi && b[j] < 0x80)
							want |= (uint64_t)0x80 << 8 * j;
					cr_assert_eq(pr_ascii_range8(pr_load_le64(b), lo, hi), want,
					             "range %zu, byte %u at %zu, fill %zu", r, v, k, f);
				}
	}
}

Test(bits, next_high_finds_the_first_byte_from_0x80)
{
	/* one high byte at every place of texts of every length up to 80, from
	 * every start, against a byte loop: the sixteen- and eight-byte steps
	 * and the tail agree, and a text with none gives its end */
	unsigned char t[80];
	for (size_t len = 0; len <= sizeof t; len++)
		for (size_t at = 0; at <= len; at++) {
			for (size_t j = 0; j < len; j++)
				t[j] = (unsigned char)('a' + j % 26);
			if (at < len)
				t[at] = (unsigned char)(0x80 + at);
			for (size_t i = 0; i <= len; i++) {
				size_t want = i;
				while (want < len && t[want] < 0x80)
					want++;
				cr_assert_eq(pr_next_high(t, i, len), want, "len %zu, high at %zu, from %zu",
				             len, at, i);
			}
		}
}
