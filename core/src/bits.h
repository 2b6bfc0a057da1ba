/* Small word-at-a-time helpers the stages share: the scans that test eight
 * bytes at once (sentence.c, prior.c), the bit sets walked bit by bit
 * (detect.c, stem.c, lang.c) and the loops that ask for memory early
 * (graph.c, rank.c, keyphrase.c). Each is what the compiler's builtin
 * gives where there is one, and plain C that gives the same answer where
 * there is not. */
#ifndef PRECIS_BITS_H
#define PRECIS_BITS_H

#include <stddef.h>
#include <stdint.h>

/* The index of the lowest bit set in x (x != 0) in plain C, for compilers
 * without a builtin (and to test pr_ctz64 against): the span that holds
 * the lowest bit halved six times. */
static inline size_t pr_ctz64_portable(uint64_t x)
{
	size_t i = 0;
	if (!(x & 0xFFFFFFFFu)) {
		x >>= 32;
		i += 32;
	}
	if (!(x & 0xFFFFu)) {
		x >>= 16;
		i += 16;
	}
	if (!(x & 0xFFu)) {
		x >>= 8;
		i += 8;
	}
	if (!(x & 0xFu)) {
		x >>= 4;
		i += 4;
	}
	if (!(x & 0x3u)) {
		x >>= 2;
		i += 2;
	}
	return i + !(x & 1u);
}

/* The index of the lowest bit set in x (x != 0): a bit set walked from
 * its low end, one member a step, is x's members pr_ctz64(x) while
 * clearing x & (x - 1). One instruction where the compiler has it. */
static inline size_t pr_ctz64(uint64_t x)
{
#if defined(__GNUC__) || defined(__clang__)
	return (size_t)__builtin_ctzll(x);
#else
	return pr_ctz64_portable(x);
#endif
}

/* Eight bytes p[0..8) as a number, p[0] lowest: byte k of the text is
 * byte k of the number (bits 8k to 8k + 7) on every machine, whatever its
 * byte order, which the scans below rely on. Read byte by byte; compilers
 * make it one load. */
static inline uint64_t pr_load_le64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	       (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
	       (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

/* Which of eight bytes read by pr_load_le64() is the first marked in m
 * (m != 0), where a scan marks byte k by a bit of its own, 8k to 8k + 7
 * (most set its high bit, 8k + 7). */
static inline size_t pr_lowest_byte(uint64_t m)
{
	return pr_ctz64(m) >> 3;
}

/* Which of eight bytes read by pr_load_le64() are ASCII bytes from lo to
 * hi: the high bit of each such byte, 8k + 7, set, and no other bit. The
 * range test adds a constant to all eight bytes at once, their high bits
 * cleared first so that no sum carries into the next byte: a byte in
 * [lo, hi] reaches 0x80 with 0x80 - lo added, not with 0x7F - hi. A byte
 * from 0x80 up is in no range. */
static inline uint64_t pr_ascii_range8(uint64_t x, unsigned char lo, unsigned char hi)
{
	const uint64_t ones = 0x0101010101010101u, high = ones << 7;
	uint64_t y = x & ~high;
	return (y + (0x80 - lo) * ones) & ~(y + (0x7F - hi) * ones) & ~x & high;
}

/* Which of eight bytes read by pr_load_le64() are ASCII letters: the
 * high bit of each such byte, 8k + 7, set, and no other bit. A range
 * test adds a constant to all eight bytes at once, their high bits
 * cleared first so that no sum carries into the next byte; a small
 * letter is a capital with 0x20 set; a byte from 0x80 up, part of a
 * longer character, is none. */
static inline uint64_t pr_ascii_letter8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, high = ones << 7;
	uint64_t small = (x & ~high) | 0x20 * ones;
	uint64_t letters = (small + (0x80 - 'a') * ones) & ~(small + (0x7F - 'z') * ones);
	return letters & ~x & high;
}

/* The same for ASCII letters and digits (written out: gcc made
 * pr_ascii_letter8(x) | digits into more instructions in token.c's
 * scan). */
static inline uint64_t pr_ascii_alnum8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, high = ones << 7;
	uint64_t y = x & ~high, small = y | 0x20 * ones;
	uint64_t letters = (small + (0x80 - 'a') * ones) & ~(small + (0x7F - 'z') * ones);
	uint64_t digits = (y + (0x80 - '0') * ones) & ~(y + (0x7F - '9') * ones);
	return (letters | digits) & ~x & high;
}

/* Ask for the cache line holding *p ahead of its use, for reading
 * (PR_PREFETCH) or for writing (PR_PREFETCH_WRITE): only a hint, so that
 * the waits of reads all over a table larger than the cache overlap.
 * Nothing is read or written through p; where the compiler has no such
 * hint the loops only wait longer. */
#if defined(__GNUC__) || defined(__clang__)
#define PR_PREFETCH(p) __builtin_prefetch(p)
#define PR_PREFETCH_WRITE(p) __builtin_prefetch((p), 1)
#else
#define PR_PREFETCH(p) ((void)(p))
#define PR_PREFETCH_WRITE(p) ((void)(p))
#endif

#if defined(__SSE2__)
#include <emmintrin.h>

/* The bytes of x in [lo, hi], as 0xFF, the others 0: lo subtracted with
 * wraparound, they are those at most hi - lo, unsigned. Sixteen bytes at
 * once where the machine has SSE2 (every x86-64 does): the scans of
 * block.c and sentence.c. */
static inline __m128i pr_bytes_in16(__m128i x, unsigned char lo, unsigned char hi)
{
	__m128i d = _mm_sub_epi8(x, _mm_set1_epi8((char)lo));
	return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((char)(hi - lo))), d);
}
#endif

/* Where the first byte from 0x80 up is in t[i..end), or, if none, a
 * place from end on (i itself when already there): sixteen or eight
 * bytes a test, as most bytes of most texts are ASCII (the UTF-8 check,
 * utf8.c, and the script count of detect.c). */
static inline size_t pr_next_high(const unsigned char *t, size_t i, size_t end)
{
#if defined(__SSE2__)
	/* sixteen bytes a test, their high bits at once */
	for (; i < end && end - i >= 16; i += 16) {
		unsigned high = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(t + i)));
		if (high)
			return i + pr_ctz64(high);
	}
#endif
	for (; i < end && end - i >= 8; i += 8) {
		uint64_t high = pr_load_le64(t + i) & 0x8080808080808080u;
		if (high)
			return i + pr_lowest_byte(high);
	}
	while (i < end && t[i] < 0x80)
		i++;
	return i;
}

#endif
