/* hash.h: string interning. Each distinct byte string gets a dense id
 * (0, 1, 2, ... in order of first appearance); keys are copied into the
 * arena, NUL-terminated. */
#ifndef PRECIS_HASH_H
#define PRECIS_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

/* A slot holds a key's id + 1 (0: empty) and a check word: the top 24
 * bits of its hash and its length (255: 255 or more). Eight bytes, so that
 * a news article's tables (some 16 KB and 8 KB) stay in the first-level
 * cache, zeroed and touched for every document: a slot whose check agrees
 * is confirmed from the key itself (pr_strmap_key_head()), whose first
 * eight bytes are in the same few kilobytes of the key pool. */
typedef struct pr_slot {
	uint32_t id1;
	uint32_t check;
} pr_slot;

typedef struct pr_strmap {
	pr_slot *slot;    /* open addressing, linear probing */
	size_t mask;      /* capacity - 1 (a power of two) */
	size_t n;
	size_t grow_at;   /* half the capacity: more keys and it grows */
	const char **key;
	uint32_t *keylen;
	size_t cap_keys;
	size_t hint;      /* expected number of keys (pr_strmap_init_for) */
	char *pool;       /* where the next key's copy goes (hash.c, key_room) */
	size_t pool_left; /* bytes free there */
} pr_strmap;

void pr_strmap_init(pr_strmap *m);
/* The same, for about `expected` keys: the table is allocated once at the
 * right size instead of growing through every power of two. */
void pr_strmap_init_for(pr_strmap *m, size_t expected);
/* Allocate the table if it is not yet (for pr_strmap_find_head()); -1
 * when out of memory. */
int pr_strmap_alloc(pr_strmap *m);
static inline int pr_strmap_ready(pr_strmap *m)
{
	return m->slot ? 0 : pr_strmap_alloc(m);
}
/* Release the table (keys stay in the arena). */
void pr_strmap_free(pr_strmap *m);

/* The id of s[0..n), adding it if new (*added = 1). Returns UINT32_MAX when
 * out of memory. */
uint32_t pr_strmap_intern(pr_strmap *m, pr_arena *a, const char *s, size_t n,
                          int *added);

/* The same for a key whose pr_hash_bytes() the caller has already: one
 * that asked pr_strmap_prefetch for it a little earlier. */
uint32_t pr_strmap_intern_hashed(pr_strmap *m, pr_arena *a, const char *s,
                                 size_t n, uint32_t hash, int *added);

/* The id of the all-ASCII s[0..n) with its capitals made small ("The" is
 * "the"), whose pr_hash_ascii_folded() is hash: pr_strmap_intern_hashed()
 * on the folded bytes, which are what a new key keeps, without the caller
 * writing them out first. */
uint32_t pr_strmap_intern_ascii_folded(pr_strmap *m, pr_arena *a, const char *s,
                                       size_t n, uint32_t hash, int *added);

/* The n < 8 bytes s[0..n) as a zero-padded number, little end first.
 * memcpy(&w, s, n) with a variable n compiles to a byte loop through the
 * stack, and the eight-byte load that follows waits for those stores to
 * drain (a failed store-to-load forward, a dozen cycles on every word);
 * two overlapping loads of the largest fitting width read the same bytes
 * without touching anything past s[n - 1]. */
static inline uint64_t pr_load_tail(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (n >= 4) {
		/* byte by byte so the value is the same on every machine (the
		 * overlap must agree); compilers make each one 32-bit load */
		uint64_t lo = (uint64_t)p[0] | (uint64_t)p[1] << 8 |
		              (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
		const unsigned char *q = p + n - 4;
		uint64_t hi = (uint64_t)q[0] | (uint64_t)q[1] << 8 |
		              (uint64_t)q[2] << 16 | (uint64_t)q[3] << 24;
		return lo | hi << (8 * (n - 4));
	}
	if (n == 0)
		return 0;
	/* n is 1, 2 or 3: the first, middle and last bytes cover them all */
	return (uint64_t)p[0] | ((uint64_t)p[n / 2] << (8 * (n / 2))) |
	       ((uint64_t)p[n - 1] << (8 * (n - 1)));
}

/* Lower-case the ASCII letters among eight bytes that are all under 0x80:
 * a byte gets 0x20 when it is from 'A' to 'Z', found by adding to every
 * byte at once (no sum of bytes under 0x80 carries into the next one). */
static inline uint64_t pr_fold_ascii8(uint64_t x)
{
	const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
	uint64_t upper = (x + (0x80 - 'A') * ones) & ~(x + (0x7F - 'Z') * ones) & high;
	return x | upper >> 2;
}

/* One round of the hash below: h mixed with the eight bytes w. */
static inline uint64_t pr_hash_round(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xBF58476D1CE4E5B9u;
	return h ^ h >> 29;
}

/* The hash's last step, from its state h. */
static inline uint32_t pr_hash_final(uint64_t h)
{
	h *= 0x94D049BB133111EBu;
	return (uint32_t)(h >> 32);
}

/* pr_hash_words() and pr_hash_ascii_folded() in one: `fold` is a constant
 * in each, so the compiler drops the branch. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline uint32_t pr_hash_words(const char *s, size_t n, int fold)
{
	/* eight bytes at a time, multiply-xorshift mixing: words are short,
	 * and the ids never depend on the hash, only the probing does */
	uint64_t h = 0x9E3779B97F4A7C15u ^ n;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		if (fold)
			w = pr_fold_ascii8(w);
		h = pr_hash_round(h, w);
		s += 8;
		n -= 8;
	}
	if (n) {
		uint64_t w = pr_load_tail(s, n);
		if (fold)
			w = pr_fold_ascii8(w);
		h = pr_hash_round(h, w);
	}
	return pr_hash_final(h);
}

static inline uint32_t pr_hash_bytes(const char *s, size_t n)
{
	return pr_hash_words(s, n, 0);
}

/* pr_hash_bytes() of the ASCII s[0..n) with its letters in lower case,
 * without writing them out: token.c hashes a word by its folded form
 * before it folds it. Every byte must be under 0x80. */
static inline uint32_t pr_hash_ascii_folded(const char *s, size_t n)
{
	return pr_hash_words(s, n, 1);
}

/* A key s[0..n)'s head, its first eight bytes zero-padded, by which a
 * lookup confirms a slot (pr_strmap_key_head()), and the check word its
 * slot keeps (hash: its hash). */
static inline uint64_t pr_slot_head(const char *s, size_t n)
{
	uint64_t h;
	if (n < 8)
		return pr_load_tail(s, n);
	memcpy(&h, s, 8);
	return h;
}

static inline uint32_t pr_slot_check(uint32_t hash, size_t n)
{
	return (hash & 0xFFFFFF00u) | (uint32_t)(n < 255 ? n : 255);
}

/* pr_slot_head() of s[0..n), 1 <= n <= 8, where all of s[0..8) may be
 * read: one load with the bytes from n on cleared, instead of
 * pr_load_tail()'s branch on the length, which a text's words of every
 * length send either way at random. (The bytes of pr_load_tail() are
 * little-endian; a big-endian machine takes its path.) */
static inline uint64_t pr_slot_head8(const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t w;
	memcpy(&w, s, 8);
	return w & (~(uint64_t)0 >> (8 * (8 - n)));
#else
	return pr_slot_head(s, n);
#endif
}

/* pr_hash_bytes() of a key of n <= 8 bytes from its head: the one
 * round pr_hash_words() gives it. */
static inline uint32_t pr_hash_head(uint64_t head, size_t n)
{
	return pr_hash_final(pr_hash_round(0x9E3779B97F4A7C15u ^ n, head));
}

/* The head of key id, as pr_slot_head() gives it: every key is kept
 * with at least eight bytes readable (a shorter one zero-padded,
 * pr_store_head()), so one load reads it. */
static inline uint64_t pr_strmap_key_head(const pr_strmap *m, uint32_t id)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t h;
	memcpy(&h, m->key[id], 8);
	return h;
#else
	return pr_slot_head(m->key[id], m->keylen[id] < 8 ? m->keylen[id] : 8);
#endif
}

/* The id of the key of at most eight bytes whose head is `head` (hash:
 * its hash), if the table holds it; else UINT32_MAX, and *at is the
 * empty slot where the probe ended, for pr_strmap_add_short(). The table
 * must be allocated (pr_strmap_ready()). Inline, without a call: a word seen
 * before is most tokens, and its slot's check and its key's head decide
 * it. */
static inline uint32_t pr_strmap_find_head(const pr_strmap *m, uint64_t head, size_t n,
                                           uint32_t hash, size_t *at)
{
	uint32_t check = pr_slot_check(hash, n);
	size_t i = hash & m->mask;
	for (; m->slot[i].id1; i = (i + 1) & m->mask)
		if (m->slot[i].check == check &&
		    pr_strmap_key_head(m, m->slot[i].id1 - 1) == head)
			return m->slot[i].id1 - 1;
	*at = i;
	return UINT32_MAX;
}

/* The rare steps of adding a key (hash.c), out of line: room for more
 * ids; a new block of the key pool with room for need bytes; the table
 * twice as large. Each returns -1 when out of memory, else 0. */
int pr_strmap_grow_keys(pr_strmap *m);
int pr_strmap_refill_pool(pr_strmap *m, pr_arena *a, size_t need);
int pr_strmap_grow(pr_strmap *m);

/* The steps of adding a key, shared by pr_strmap_add_short() below and
 * hash.c's pr_strmap_intern(). */

/* Room for one more id: 0, or -1 when out of memory. (The id arrays
 * never grow past UINT32_MAX - 1 ids, so that this one test also keeps
 * the ids under UINT32_MAX, the error value.) */
static inline int pr_strmap_id_room(pr_strmap *m)
{
	return m->n == m->cap_keys ? pr_strmap_grow_keys(m) : 0;
}

/* need bytes of the key pool, or NULL when out of memory. */
static inline char *pr_strmap_key_room(pr_strmap *m, pr_arena *a, size_t need)
{
	if (need > m->pool_left && pr_strmap_refill_pool(m, a, need))
		return NULL;
	char *p = m->pool;
	m->pool += need;
	m->pool_left -= need;
	return p;
}

/* Store the key of n <= 8 bytes whose head is `head` at p (room for 8
 * bytes, 9 for a key of eight), NUL-terminated: a shorter key is its head,
 * whose zero bytes end it already. */
static inline void pr_store_head(char *p, uint64_t head, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(p, &head, 8);
#else
	/* a shorter key's head is in little-endian order (pr_load_tail()),
	 * a key of eight's as memcpy read it (pr_slot_head()) */
	if (n < 8) {
		for (int k = 0; k < 8; k++)
			p[k] = (char)(head >> (8 * k));
	} else {
		memcpy(p, &head, 8);
	}
#endif
	p[n] = '\0';
}

/* Give the stored key (n bytes, check as its slot keeps it)
 * the next id, in the empty slot at; returns the id, or UINT32_MAX when
 * out of memory. The table is kept under half full: the id is stored
 * even when it cannot grow, which only means a fuller table, but that is
 * reported so that the caller stops before the table degrades. */
static inline uint32_t pr_strmap_put(pr_strmap *m, size_t at, const char *key, size_t n,
                                     uint32_t check)
{
	uint32_t id = (uint32_t)m->n++;
	m->key[id] = key;
	m->keylen[id] = (uint32_t)n;
	m->slot[at].id1 = id + 1;
	m->slot[at].check = check;
	if (m->n > m->grow_at && pr_strmap_grow(m))
		return UINT32_MAX;
	return id;
}

/* Add the key of n <= 8 bytes whose head is `head` (hash: its hash),
 * which pr_strmap_find_head() did not find, at the slot `at` where it
 * stopped; the key is the head's bytes (so, for the folded-word table,
 * already folded). Returns its id, or UINT32_MAX when out of memory.
 * Inline: every new word of a document comes here twice (its folded form
 * and its stem), and the call cost a quarter of the work. */
static inline uint32_t pr_strmap_add_short(pr_strmap *m, pr_arena *a, size_t at,
                                           uint64_t head, size_t n, uint32_t hash)
{
	char *p;
	if (pr_strmap_id_room(m) || !(p = pr_strmap_key_room(m, a, n < 8 ? 8 : 9)))
		return UINT32_MAX;
	pr_store_head(p, head, n);
	return pr_strmap_put(m, at, p, n, pr_slot_check(hash, n));
}

/* Start loading the slot where a key with this hash is looked for: a
 * caller that knows its next keys ahead of time (token.c) overlaps the
 * cache misses of a large table instead of waiting on each in turn. Only
 * a hint; nothing changes. */
static inline void pr_strmap_prefetch(const pr_strmap *m, uint32_t hash)
{
#if defined(__GNUC__) || defined(__clang__)
	if (m->slot)
		__builtin_prefetch(&m->slot[hash & m->mask]);
#else
	(void)m;
	(void)hash;
#endif
}

#endif
