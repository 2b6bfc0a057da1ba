/* hash.c: the intern table. Ids are dense and in order of first appearance;
 * keys that share their first eight bytes, differ only in length or hold
 * zero bytes stay apart; growth keeps every id. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"

static uint32_t put(pr_strmap *m, pr_arena *a, const void *k, size_t n, int *added)
{
	return pr_strmap_intern(m, a, k, n, added);
}

/* s[0..n) into low with the capitals 'A' to 'Z' made small. */
static void ascii_lower(char *low, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		low[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
}

Test(strmap, ids_in_order_of_first_appearance)
{
	pr_arena a;
	pr_strmap m;
	pr_arena_init(&a);
	pr_strmap_init(&m);
	int added;
	cr_assert_eq(put(&m, &a, "river", 5, &added), 0);
	cr_assert(added);
	cr_assert_eq(put(&m, &a, "bridge", 6, &added), 1);
	cr_assert_eq(put(&m, &a, "river", 5, &added), 0);
	cr_assert(!added);
	cr_assert_eq(put(&m, &a, "", 0, &added), 2);
	cr_assert_eq(put(&m, &a, "", 0, &added), 2);
	cr_assert(!added);
	cr_assert_eq(m.n, 3);
	cr_assert_str_eq(m.key[1], "bridge");
	pr_strmap_free(&m);
	pr_arena_release(&a);
}

/* Only the first eight bytes live in the slot: longer keys that share
 * them, and keys that differ only by trailing zero bytes, are different. */
Test(strmap, keys_sharing_their_head_stay_apart)
{
	pr_arena a;
	pr_strmap m;
	pr_arena_init(&a);
	pr_strmap_init(&m);
	static const char *const words[] = {
		"internation", "internationa", "international", "internationally",
		"interna", "internat", "internati", "in",
	};
	for (size_t i = 0; i < 8; i++)
		cr_assert_eq(put(&m, &a, words[i], strlen(words[i]), NULL), i);
	for (size_t i = 0; i < 8; i++)
		cr_assert_eq(put(&m, &a, words[i], strlen(words[i]), NULL), i);
	/* binary keys as the key-phrase table uses them: term ids */
	uint32_t one[1] = { 5 }, two[2] = { 5, 0 }, three[3] = { 5, 0, 0 };
	uint32_t a1 = put(&m, &a, one, sizeof one, NULL);
	uint32_t a2 = put(&m, &a, two, sizeof two, NULL);
	uint32_t a3 = put(&m, &a, three, sizeof three, NULL);
	cr_assert(a1 != a2 && a2 != a3 && a1 != a3);
	cr_assert_eq(put(&m, &a, two, sizeof two, NULL), a2);
	/* keys of 255 bytes and more keep only "255 or more" in the slot */
	char long1[300], long2[300];
	memset(long1, 'x', sizeof long1);
	memset(long2, 'x', sizeof long2);
	long2[299] = 'y';
	uint32_t l1 = put(&m, &a, long1, 300, NULL);
	uint32_t l2 = put(&m, &a, long2, 300, NULL);
	uint32_t l3 = put(&m, &a, long1, 299, NULL);
	cr_assert(l1 != l2 && l1 != l3 && l2 != l3);
	cr_assert_eq(put(&m, &a, long2, 300, NULL), l2);
	pr_strmap_free(&m);
	pr_arena_release(&a);
}

/* The tail of a key, the bytes after its last whole eight, read with
 * overlapping loads: the same number as copying them into a zeroed word,
 * little end first, for every length and any byte values. */
Test(strmap, tail_reads_as_zero_padded_little_endian)
{
	unsigned char buf[8];
	for (unsigned seed = 1; seed < 2000; seed++) {
		size_t n = seed % 8;
		for (size_t i = 0; i < n; i++)
			buf[i] = (unsigned char)(seed * 37 + i * 101);
		uint64_t want = 0;
		for (size_t i = 0; i < n; i++)
			want |= (uint64_t)buf[i] << (8 * i);
		cr_assert_eq(pr_load_tail((const char *)buf, n), want, "length %zu", n);
	}
}

/* A caller that hashed its keys ahead (and asked for their slots) gets
 * the same ids as one that did not, through growth too. */
Test(strmap, hashed_and_prefetched_lookups_give_the_same_ids)
{
	pr_arena a;
	pr_strmap m1, m2;
	pr_arena_init(&a);
	pr_strmap_init(&m1);
	pr_strmap_init_for(&m2, 10);
	char buf[32];
	for (uint32_t i = 0; i < 5000; i++) {
		int n = snprintf(buf, sizeof buf, "key%u", (i * 7919u) % 3000u);
		uint32_t h = pr_hash_bytes(buf, (size_t)n);
		pr_strmap_prefetch(&m2, h);
		int added1, added2;
		uint32_t id1 = pr_strmap_intern(&m1, &a, buf, (size_t)n, &added1);
		uint32_t id2 = pr_strmap_intern_hashed(&m2, &a, buf, (size_t)n, h, &added2);
		cr_assert_eq(id1, id2, "%s", buf);
		cr_assert_eq(added1, added2);
	}
	cr_assert_eq(m1.n, 3000);
	cr_assert_eq(m2.n, 3000);
	pr_strmap_free(&m1);
	pr_strmap_free(&m2);
	pr_arena_release(&a);
}

Test(strmap, growth_keeps_every_id)
{
	pr_arena a;
	pr_strmap m;
	pr_arena_init(&a);
	pr_strmap_init_for(&m, 100);
	char buf[32];
	for (uint32_t i = 0; i < 20000; i++) {
		int n = snprintf(buf, sizeof buf, "w%u", i * 7919u);
		cr_assert_eq(put(&m, &a, buf, (size_t)n, NULL), i);
	}
	for (uint32_t i = 0; i < 20000; i++) {
		int n = snprintf(buf, sizeof buf, "w%u", i * 7919u);
		int added;
		cr_assert_eq(put(&m, &a, buf, (size_t)n, &added), i);
		cr_assert(!added);
	}
	cr_assert(m.mask + 1 >= 2 * m.n, "kept under half full");
	pr_strmap_free(&m);
	pr_arena_release(&a);
}

/* token.c hashes an ASCII word by its folded form before folding it: the
 * hash of the bytes with their capitals made small must be the hash of
 * the small-letter bytes, at every length (whole eight-byte words and the
 * tail), and only 'A' to 'Z' may change ('@', '[', '`' and '{' are their
 * neighbours). */
Test(strmap, ascii_folded_hash_is_the_hash_of_the_folded_bytes)
{
	static const char pool[] = "AZaz09@[`{'.,-MnOpQrStUvWxYz";
	char raw[48], low[48];
	for (unsigned seed = 1; seed < 3000; seed++) {
		size_t n = seed % 41;
		for (size_t i = 0; i < n; i++)
			raw[i] = pool[(seed * 131 + i * 17 + i * i) % (sizeof pool - 1)];
		ascii_lower(low, raw, n);
		cr_assert_eq(pr_hash_ascii_folded(raw, n), pr_hash_bytes(low, n),
		             "%.*s", (int)n, raw);
	}
	/* every byte value under 0x80 at every position of a word */
	for (int c = 0; c < 0x80; c++) {
		for (size_t at = 0; at < 8; at++) {
			memset(raw, 'q', 8);
			raw[at] = (char)c;
			memcpy(low, raw, 8);
			if (c >= 'A' && c <= 'Z')
				low[at] = (char)(c + 32);
			uint64_t x, want;
			memcpy(&x, raw, 8);
			memcpy(&want, low, 8);
			cr_assert_eq(pr_fold_ascii8(x), want, "byte %d at %zu", c, at);
		}
	}
}

/* Interning ASCII with its capitals made small gives the ids, and keeps
 * the keys, that interning the small-letter bytes gives: "The" and "the"
 * are one key, at every length, and a key keeps the folded bytes,
 * NUL-terminated. */
Test(strmap, ascii_folded_intern_is_intern_of_the_folded_bytes)
{
	pr_arena a;
	pr_strmap m1, m2;
	pr_arena_init(&a);
	pr_strmap_init(&m1);
	pr_strmap_init(&m2);
	static const char *const base[] = {
		"the", "The", "THE", "internationally", "INTERNATIONALLY", "InterNationAlly",
		"a", "A", "", "abcdefgh", "ABCDEFGH", "abcdefghi", "ABCDEFGHI", "U.S", "u.s",
		"don't", "DON'T", "1,000", "x@[`{", "X@[`{",
	};
	char raw[320], low[320];
	/* each word as it is, again (found), then written out to 300 bytes,
	 * past the 255 that slots keep of a length */
	for (int round = 0; round < 3; round++) {
		for (size_t i = 0; i < sizeof base / sizeof base[0]; i++) {
			size_t n = strlen(base[i]);
			memcpy(raw, base[i], n);
			if (round == 2 && n > 0) {
				for (size_t k = n; k < 300; k++)
					raw[k] = base[i][k % n];
				n = 300;
			}
			ascii_lower(low, raw, n);
			int added1, added2;
			uint32_t id1 = pr_strmap_intern(&m1, &a, low, n, &added1);
			uint32_t id2 = pr_strmap_intern_ascii_folded(&m2, &a, raw, n,
			                                             pr_hash_ascii_folded(raw, n),
			                                             &added2);
			cr_assert_eq(id1, id2, "%.*s", (int)n, raw);
			cr_assert_eq(added1, added2);
			cr_assert_eq(m2.keylen[id2], n);
			cr_assert(memcmp(m2.key[id2], low, n) == 0 && m2.key[id2][n] == '\0');
		}
	}
	cr_assert_eq(m1.n, m2.n);
	pr_strmap_free(&m1);
	pr_strmap_free(&m2);
	pr_arena_release(&a);
}

/* The key number i of the test below in buf (40 bytes): up to 22
 * letters and i in decimal; returns its length. */
static size_t block_key(char *buf, uint32_t i)
{
	size_t n = i % 23;
	for (size_t k = 0; k < n; k++)
		buf[k] = (char)('a' + (i + k * 7) % 26);
	return n + (size_t)snprintf(buf + n, 40 - n, "%u", i);
}

/* Keys are packed into blocks the table takes from the arena: every key
 * keeps its bytes and its NUL, whatever its length (one longer than a
 * block too) and however many blocks the keys fill. */
Test(strmap, keys_keep_their_bytes_across_blocks)
{
	pr_arena a;
	pr_strmap m;
	pr_arena_init(&a);
	pr_strmap_init(&m);
	static char big[5000];
	memset(big, 'b', sizeof big);
	char buf[40];
	for (uint32_t i = 0; i < 3000; i++) {
		cr_assert_eq(put(&m, &a, buf, block_key(buf, i), NULL), i + (i > 1500));
		if (i == 1500)
			cr_assert_eq(put(&m, &a, big, sizeof big, NULL), 1501);
	}
	for (uint32_t i = 0; i < 3000; i++) {
		size_t n = block_key(buf, i);
		uint32_t id = i + (i > 1500);
		cr_assert_eq(m.keylen[id], n);
		cr_assert_str_eq(m.key[id], buf);
	}
	cr_assert_eq(m.keylen[1501], sizeof big);
	cr_assert(memcmp(m.key[1501], big, sizeof big) == 0 && m.key[1501][sizeof big] == '\0');
	pr_strmap_free(&m);
	pr_arena_release(&a);
}

/* The folded head of the ASCII s[0..n), n <= 8, as token.c makes it. */
static uint64_t folded_head(const char *s, size_t n)
{
	return pr_fold_ascii8(pr_slot_head(s, n));
}

/* The inline lookup of a short key finds what interning it folded finds,
 * and nothing that was never added. */
Test(strmap, short_ascii_lookup_finds_what_intern_added)
{
	pr_arena a;
	pr_strmap m;
	pr_arena_init(&a);
	pr_strmap_init(&m);
	size_t at = SIZE_MAX;
	cr_assert_eq(pr_strmap_ready(&m), 0);
	cr_assert_eq(pr_strmap_find_head(&m, folded_head("the", 3), 3,
	                                 pr_hash_ascii_folded("the", 3), &at),
	             UINT32_MAX, "an empty table holds nothing");
	cr_assert_lt(at, m.mask + 1, "a miss tells where the probe ended");
	static const char *const words[] = { "the", "River", "a", "ABCDEFGH", "", "u.s", "1,000" };
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i]);
		uint32_t h = pr_hash_ascii_folded(words[i], n);
		cr_assert_eq(pr_strmap_intern_ascii_folded(&m, &a, words[i], n, h, NULL), i);
	}
	static const struct { const char *w; uint32_t id; } ask[] = {
		{ "THE", 0 }, { "the", 0 }, { "river", 1 }, { "RIVER", 1 }, { "A", 2 },
		{ "abcdefgh", 3 }, { "", 4 }, { "U.S", 5 }, { "1,000", 6 },
		{ "th", UINT32_MAX }, { "rivers", UINT32_MAX }, { "abcdefg", UINT32_MAX },
		{ "b", UINT32_MAX },
	};
	for (size_t i = 0; i < sizeof ask / sizeof ask[0]; i++) {
		size_t n = strlen(ask[i].w);
		cr_assert_eq(pr_strmap_find_head(&m, folded_head(ask[i].w, n), n,
		                                 pr_hash_ascii_folded(ask[i].w, n), &at),
		             ask[i].id, "%s", ask[i].w);
	}
	pr_strmap_free(&m);
	pr_arena_release(&a);
}

/* A short key's head read with one eight-byte load is the head, and its
 * hash from the head is its hash, at every length up to eight. */
Test(strmap, one_load_head_and_head_hash_agree)
{
	const char buf[16] = "Abcdefgh-ijklmn";
	for (size_t n = 1; n <= 8; n++) {
		cr_assert_eq(pr_slot_head8(buf, n), pr_slot_head(buf, n), "length %zu", n);
		cr_assert_eq(pr_hash_head(pr_slot_head(buf, n), n), pr_hash_bytes(buf, n),
		             "length %zu", n);
		cr_assert_eq(pr_hash_head(folded_head(buf, n), n), pr_hash_ascii_folded(buf, n),
		             "length %zu", n);
	}
}

/* Keys added where the inline lookup missed get the ids, bytes and later
 * lookups that interning gives them, the table growing on the way. */
Test(strmap, short_add_is_intern)
{
	pr_arena a;
	pr_strmap m1, m2;
	pr_arena_init(&a);
	pr_strmap_init(&m1);
	pr_strmap_init(&m2);
	cr_assert_eq(pr_strmap_ready(&m2), 0);
	char key[16];
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 3000; i++) {
			/* one to eight bytes, many sharing their beginnings */
			int n = snprintf(key, sizeof key, "%X", (unsigned)(i * 7919) % 0x5FFFFFFF);
			n = n > 8 ? 8 : n;
			int added1, added2 = 0;
			uint32_t id1 = pr_strmap_intern(&m1, &a, key, (size_t)n, &added1);
			uint64_t head = pr_slot_head(key, (size_t)n);
			uint32_t h = pr_hash_head(head, (size_t)n);
			size_t at;
			uint32_t id2 = pr_strmap_find_head(&m2, head, (size_t)n, h, &at);
			if (id2 == UINT32_MAX) {
				id2 = pr_strmap_add_short(&m2, &a, at, head, (size_t)n, h);
				added2 = 1;
			}
			cr_assert_eq(id2, id1, "%s", key);
			cr_assert_eq(added2, added1, "%s", key);
			cr_assert_eq(m2.keylen[id2], (uint32_t)n);
			cr_assert_eq(memcmp(m2.key[id2], key, (size_t)n), 0, "%s", key);
			cr_assert_eq(m2.key[id2][n], '\0', "%s", key);
		}
	}
	cr_assert_eq(m2.n, m1.n);
	cr_assert_gt(m2.mask + 1, 4096, "the table grew");
	pr_strmap_free(&m1);
	pr_strmap_free(&m2);
	pr_arena_release(&a);
}

/* Keys of 9 to 40 bytes that differ from each other in one byte, at each
 * place: past the head, a key is copied and compared eight bytes at a
 * time with the last eight overlapping (hash.c). Each key keeps its
 * (folded) bytes, and is found again in the other case. (Two different
 * keys reach the comparison only when their hashes collide, which no
 * short search finds.) */
Test(strmap, long_keys_differing_in_any_one_byte_stay_apart)
{
	pr_arena a;
	pr_strmap m1, m2;
	pr_arena_init(&a);
	pr_strmap_init(&m1);
	pr_strmap_init(&m2);
	uint32_t next = 0;
	for (size_t n = 9; n <= 40; n++) {
		for (size_t at = 0; at <= n; at++) {
			char raw[48], low[48];
			for (size_t i = 0; i < n; i++)
				raw[i] = (char)("rIVERsEA"[i % 8] + (i / 8) % 3);
			if (at < n) /* at == n: the key unchanged */
				raw[at] = (char)(raw[at] == 'Q' ? 'R' : 'Q');
			ascii_lower(low, raw, n);
			int added1, added2;
			uint32_t id1 = pr_strmap_intern(&m1, &a, low, n, &added1);
			uint32_t id2 = pr_strmap_intern_ascii_folded(&m2, &a, raw, n,
			                                             pr_hash_ascii_folded(raw, n), &added2);
			cr_assert(added1 && added2, "length %zu, byte %zu", n, at);
			cr_assert_eq(id1, next);
			cr_assert_eq(id2, next);
			next++;
			cr_assert_eq(memcmp(m2.key[id2], low, n), 0);
			cr_assert_eq(m2.key[id2][n], '\0');
			/* found again, in the other case */
			cr_assert_eq(pr_strmap_intern_ascii_folded(&m2, &a, low, n,
			                                           pr_hash_ascii_folded(low, n), &added2),
			             id2);
			cr_assert(!added2);
		}
	}
	pr_strmap_free(&m1);
	pr_strmap_free(&m2);
	pr_arena_release(&a);
}

/* A hash and the index of the key it belongs to (keys_with_the_same_hash_stay_apart). */
struct hashed {
	uint32_t hash, index;
};

static int by_hash(const void *x, const void *y)
{
	const struct hashed *a = x, *b = y;
	return (a->hash > b->hash) - (a->hash < b->hash);
}

/* Key i of keys_with_the_same_hash_stay_apart: eight letters from a multiply-xorshift
 * of i, NUL-terminated. */
static void letters(char *key, uint32_t i)
{
	uint64_t x = (uint64_t)i * 0x9E3779B97F4A7C15u + 1;
	for (int k = 0; k < 8; k++) {
		x ^= x >> 31;
		x *= 0xD6E8FEB86659FD93u;
		key[k] = (char)('a' + (x >> 59) % 26);
	}
	key[8] = '\0';
}

/* Two keys of the same length whose hashes agree in all 32 bits have the
 * same check word and the same slot: the slot keeps no part of the key,
 * so the second is told apart by its key's bytes, through the short
 * lookup and interning alike. The pair is searched for among keys of
 * eight letters picked at random (some ten pairs are expected among
 * 300,000 keys). */
Test(strmap, keys_with_the_same_hash_stay_apart)
{
	enum { N = 300000 };
	struct hashed *h = malloc(N * sizeof *h);
	cr_assert(h);
	char key[2][16];
	for (uint32_t i = 0; i < N; i++) {
		letters(key[0], i);
		h[i].hash = pr_hash_bytes(key[0], 8);
		h[i].index = i;
	}
	qsort(h, N, sizeof *h, by_hash);
	size_t k = 1;
	for (; k < N; k++) {
		if (h[k].hash != h[k - 1].hash)
			continue;
		letters(key[0], h[k - 1].index);
		letters(key[1], h[k].index);
		if (strcmp(key[0], key[1]) != 0)
			break;
	}
	cr_assert_lt(k, N, "no two keys share a hash");
	uint32_t hash = h[k].hash;
	free(h);

	pr_arena a;
	pr_strmap m;
	pr_arena_init(&a);
	pr_strmap_init(&m);
	cr_assert_eq(pr_strmap_ready(&m), 0);
	size_t at = SIZE_MAX;
	int added;
	cr_assert_eq(put(&m, &a, key[0], 8, &added), 0);
	cr_assert_eq(pr_strmap_find_head(&m, pr_slot_head(key[1], 8), 8, hash, &at), UINT32_MAX,
	             "%s is not %s", key[1], key[0]);
	cr_assert_eq(pr_strmap_add_short(&m, &a, at, pr_slot_head(key[1], 8), 8, hash), 1);
	for (int i = 0; i < 2; i++) {
		cr_assert_eq(pr_strmap_find_head(&m, pr_slot_head(key[i], 8), 8, hash, &at),
		             (uint32_t)i, "%s", key[i]);
		cr_assert_eq(put(&m, &a, key[i], 8, &added), (uint32_t)i, "%s", key[i]);
		cr_assert(!added);
	}
	pr_strmap_free(&m);
	pr_arena_release(&a);
}
