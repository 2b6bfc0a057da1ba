/* hash.h: string interning. Each distinct byte string gets a dense id
 * (0, 1, 2, ... in order of first appearance); keys live in the arena. */
#ifndef PRECIS_HASH_H
#define PRECIS_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

/* A slot holds a key's first eight bytes (zero-padded), its id + 1 (0:
 * empty) and a check word: the top 24 bits of its hash and its length
 * (255: 255 or more). Sixteen bytes: a lookup of a key of up to eight
 * bytes, most words, touches the slot and nothing else, which matters once
 * a book's table outgrows the cache. */
typedef struct pr_slot {
	uint64_t head;
	uint32_t id1;
	uint32_t check;
} pr_slot;

typedef struct pr_strmap {
	pr_slot *slot;    /* open addressing, linear probing */
	size_t mask;      /* capacity - 1 (a power of two) */
	size_t n;
	const char **key;
	uint32_t *keylen;
	size_t cap_keys;
	size_t hint;      /* expected number of keys (pr_strmap_init_for) */
} pr_strmap;

void pr_strmap_init(pr_strmap *m);
/* The same, for about `expected` keys: the table is allocated once at the
 * right size instead of growing through every power of two. */
void pr_strmap_init_for(pr_strmap *m, size_t expected);
/* Release the table (keys stay in the arena). */
void pr_strmap_free(pr_strmap *m);

/* The id of s[0..n), adding it if new (*added = 1). Returns UINT32_MAX when
 * out of memory. */
uint32_t pr_strmap_intern(pr_strmap *m, pr_arena *a, const char *s, size_t n,
                          int *added);

static inline uint32_t pr_hash_bytes(const char *s, size_t n)
{
	/* eight bytes at a time, multiply-xorshift mixing: words are short,
	 * and the ids never depend on the hash, only the probing does */
	uint64_t h = 0x9E3779B97F4A7C15u ^ n;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xBF58476D1CE4E5B9u;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	if (n) {
		uint64_t w = 0;
		memcpy(&w, s, n);
		h = (h ^ w) * 0xBF58476D1CE4E5B9u;
		h ^= h >> 29;
	}
	h *= 0x94D049BB133111EBu;
	return (uint32_t)(h >> 32);
}

#endif
