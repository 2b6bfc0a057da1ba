/* hash.c: an open-addressing intern table; the table itself is malloc'd
 * scratch, the keys are copied into the document's arena. */
#include "hash.h"
#include "alloc.h"

#include <string.h>

void pr_strmap_init(pr_strmap *m)
{
	memset(m, 0, sizeof *m);
}

void pr_strmap_init_for(pr_strmap *m, size_t expected)
{
	memset(m, 0, sizeof *m);
	m->hint = expected;
}

void pr_strmap_free(pr_strmap *m)
{
	pr_free_raw(m->slot);
	pr_free_raw(m->key);
	pr_free_raw(m->keylen);
	memset(m, 0, sizeof *m);
}

/* Growing a table and its id arrays is rare (a few times a document at
 * most): out of line, so that the functions adding a key, which run
 * for every new word, keep few registers to save. */
#if defined(__GNUC__) || defined(__clang__)
#define RARE __attribute__((noinline, cold))
#else
#define RARE
#endif

RARE static int rehash(pr_strmap *m, size_t cap)
{
	pr_slot *slot = pr_malloc_raw(cap * sizeof *slot);
	if (!slot)
		return -1;
	memset(slot, 0, cap * sizeof *slot);
	/* ids in order: the slots only keep part of the hash */
	for (size_t id = 0; id < m->n; id++) {
		uint32_t h = pr_hash_bytes(m->key[id], m->keylen[id]);
		size_t i = h & (cap - 1);
		while (slot[i].id1)
			i = (i + 1) & (cap - 1);
		slot[i].id1 = (uint32_t)id + 1;
		slot[i].check = pr_slot_check(h, m->keylen[id]);
	}
	pr_free_raw(m->slot);
	m->slot = slot;
	m->mask = cap - 1;
	m->grow_at = cap / 2;
	return 0;
}

RARE int pr_strmap_grow(pr_strmap *m)
{
	return rehash(m, (m->mask + 1) * 2);
}

int pr_strmap_alloc(pr_strmap *m)
{
	/* under half full at the expected size */
	size_t cap = 512;
	while (cap < 2 * m->hint && cap < ((size_t)1 << 30))
		cap *= 2;
	return rehash(m, cap);
}

RARE int pr_strmap_grow_keys(pr_strmap *m)
{
	const size_t most = UINT32_MAX - 1;
	if (m->cap_keys >= most)
		return -1;
	size_t cap = m->cap_keys ? m->cap_keys * 2 : m->hint > 256 ? m->hint : 256;
	if (cap > most)
		cap = most;
	const char **k = pr_realloc_raw(m->key, cap * sizeof *k);
	if (!k)
		return -1;
	m->key = k;
	uint32_t *l = pr_realloc_raw(m->keylen, cap * sizeof *l);
	if (!l)
		return -1;
	m->keylen = l;
	m->cap_keys = cap;
	return 0;
}

/* Eight bytes of s, its capitals made small with fold (s is then ASCII). */
static inline uint64_t load8(const char *s, int fold)
{
	uint64_t w;
	memcpy(&w, s, 8);
	return fold ? pr_fold_ascii8(w) : w;
}

/* Do the keys a and b of n > 8 bytes agree from byte 8 on, b read with
 * its capitals made small with fold? Eight bytes a comparison, the last
 * eight ending at n (overlapping those before), where a loop over the
 * bytes left at a different count word after word. */
static inline int same_rest(const char *a, const char *b, size_t n, int fold)
{
	size_t q = 8;
	for (; q + 8 < n; q += 8)
		if (load8(a + q, 0) != load8(b + q, fold))
			return 0;
	return load8(a + n - 8, 0) == load8(b + n - 8, fold);
}

/* Keys are copied into blocks of the arena that the table fills itself,
 * byte after byte: pr_alloc() would round each word up to sixteen bytes
 * and cost a call. */
#define POOL_BLOCK 4096

/* Room for a key of n bytes, its NUL and, for a short key, the rest of
 * its eight-byte head (copy_key() stores the head whole); NULL when out of
 * memory. */
RARE int pr_strmap_refill_pool(pr_strmap *m, pr_arena *a, size_t need)
{
	size_t size = need > POOL_BLOCK ? need : POOL_BLOCK;
	char *p = pr_alloc(a, size);
	if (!p)
		return -1;
	m->pool = p;
	m->pool_left = size;
	return 0;
}

/* Copy the key s[0..n), whose first eight bytes zero-padded are head, to
 * p, NUL-terminated; with fold, s is ASCII whose capitals are made small
 * (head is folded already). */
static void copy_key(char *p, const char *s, size_t n, uint64_t head, int fold)
{
	if (n <= 8) {
		pr_store_head(p, head, n);
		return;
	}
	/* eight bytes a move, like same_rest() */
	for (size_t q = 0; q + 8 < n; q += 8) {
		uint64_t w = load8(s + q, fold);
		memcpy(p + q, &w, 8);
	}
	uint64_t w = load8(s + n - 8, fold);
	memcpy(p + n - 8, &w, 8);
	p[n] = '\0';
}

/* Every entry point below, inlined into each: a call from one to the
 * other costs more than the lookup of a short word. With fold set, s is
 * ASCII and stands for itself with its capitals made small: h is that
 * form's hash, and that form is compared and kept. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline uint32_t intern(pr_strmap *m, pr_arena *a, const char *s, size_t n,
                              uint32_t h, int *added, int fold)
{
	if (added)
		*added = 0;
	if (pr_strmap_ready(m))
		return UINT32_MAX;
	uint32_t check = pr_slot_check(h, n);
	uint64_t head = fold ? pr_fold_ascii8(pr_slot_head(s, n)) : pr_slot_head(s, n);
	size_t i = h & m->mask;
	while (m->slot[i].id1) {
		const pr_slot *sl = &m->slot[i];
		if (sl->check == check) {
			uint32_t id = sl->id1 - 1;
			/* the check holds lengths under 255: only longer keys
			 * need keylen, one more cache miss */
			if (pr_strmap_key_head(m, id) == head &&
			    (n <= 8 || ((n < 255 || m->keylen[id] == n) &&
			                same_rest(m->key[id], s, n, fold))))
				return id;
		}
		i = (i + 1) & m->mask;
	}
	char *copy;
	if (pr_strmap_id_room(m) || !(copy = pr_strmap_key_room(m, a, n < 8 ? 8 : n + 1)))
		return UINT32_MAX;
	copy_key(copy, s, n, head, fold);
	if (added)
		*added = 1;
	return pr_strmap_put(m, i, copy, n, check);
}

uint32_t pr_strmap_intern(pr_strmap *m, pr_arena *a, const char *s, size_t n,
                          int *added)
{
	return intern(m, a, s, n, pr_hash_bytes(s, n), added, 0);
}

uint32_t pr_strmap_intern_hashed(pr_strmap *m, pr_arena *a, const char *s,
                                 size_t n, uint32_t h, int *added)
{
	return intern(m, a, s, n, h, added, 0);
}

uint32_t pr_strmap_intern_ascii_folded(pr_strmap *m, pr_arena *a, const char *s,
                                       size_t n, uint32_t h, int *added)
{
	return intern(m, a, s, n, h, added, 1);
}
