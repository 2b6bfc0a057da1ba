/* hash.h: string interning. Each distinct byte string gets a dense id
 * (0, 1, 2, ... in order of first appearance); keys live in the arena. */
#ifndef PRECIS_HASH_H
#define PRECIS_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct pr_strmap {
	uint32_t *slot;   /* id + 1, or 0 for empty; open addressing */
	size_t mask;      /* capacity - 1 (a power of two) */
	size_t n;
	const char **key;
	uint32_t *keylen;
	uint32_t *hash;
	size_t cap_keys;
} pr_strmap;

void pr_strmap_init(pr_strmap *m);
/* Release the table (keys stay in the arena). */
void pr_strmap_free(pr_strmap *m);

/* The id of s[0..n), adding it if new (*added = 1). Returns UINT32_MAX when
 * out of memory. */
uint32_t pr_strmap_intern(pr_strmap *m, pr_arena *a, const char *s, size_t n,
                          int *added);

static inline uint32_t pr_hash_bytes(const char *s, size_t n)
{
	/* FNV-1a: short keys, good enough spread, no tables */
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

#endif
