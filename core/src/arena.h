/* arena.h: one arena per document; everything a document owns lives in it
 * and is released at once. */
#ifndef PRECIS_ARENA_H
#define PRECIS_ARENA_H

#include <stddef.h>

typedef struct pr_chunk pr_chunk;

typedef struct pr_arena {
	pr_chunk *head;   /* the chunk being filled; older chunks follow */
	size_t total;     /* bytes obtained from malloc, for statistics */
	size_t first;     /* the size of the first chunk */
} pr_arena;

void pr_arena_init(pr_arena *a);
/* The same, when the caller can tell how much it will need: the first chunk
 * gets `expect` bytes (within bounds), so that a small document's arena is
 * one allocation. */
void pr_arena_init_sized(pr_arena *a, size_t expect);
void pr_arena_release(pr_arena *a);

/* Aligned for any type; NULL when out of memory (the arena stays usable). */
void *pr_alloc(pr_arena *a, size_t size);
void *pr_calloc(pr_arena *a, size_t n, size_t size);

/* Grow a block to new_size bytes. When p is the arena's last allocation it
 * grows in place; otherwise its old_size bytes are copied. p may be NULL. */
void *pr_grow(pr_arena *a, void *p, size_t old_size, size_t new_size);

/* Give back p when it is the arena's last allocation, so that the next
 * allocations reuse its room, and its pages, already touched; any other p
 * is left where it is. */
void pr_arena_pop(pr_arena *a, void *p);

/* A NUL-terminated copy of s[0..n), with no particular alignment. */
char *pr_strndup(pr_arena *a, const char *s, size_t n);

/* A growable array in the arena. Element size is fixed per vector. */
typedef struct pr_vec {
	void *data;
	size_t len, cap, elem;
} pr_vec;

void pr_vec_init(pr_vec *v, size_t elem);
/* A pointer to a new zeroed element at the end, or NULL when out of memory. */
void *pr_vec_push(pr_arena *a, pr_vec *v);
/* Make room for at least n more elements. 0 or -1 (out of memory). */
int pr_vec_reserve(pr_arena *a, pr_vec *v, size_t n);

/* Scratch: the working arrays a stage needs only while it runs. A
 * document keeps one region of its arena for them (pr_scratch_init), and
 * a stage takes them from it one after another and gives them all back
 * when it is done (pr_scratch_save, pr_scratch_restore), so that the next
 * stage reuses the same room, its pages touched and in the cache, where a
 * malloc and a free for each array cost an article some twenty of each.
 * What does not fit the region (a book's arrays) is malloc'd on its own
 * and freed by the restore. */
typedef struct pr_scratch_big pr_scratch_big;

typedef struct pr_scratch {
	unsigned char *base; /* size bytes, or NULL: everything malloc'd */
	size_t size, used;
	pr_scratch_big *big; /* the malloc'd blocks, the latest first */
} pr_scratch;

typedef struct pr_scratch_mark {
	size_t used;
	pr_scratch_big *big;
} pr_scratch_mark;

/* base: size bytes aligned for any type (pr_alloc's), or NULL. */
void pr_scratch_init(pr_scratch *s, void *base, size_t size);
/* Aligned for any type; NULL when out of memory. */
void *pr_scratch_alloc(pr_scratch *s, size_t size);
/* The same, n elements of size bytes, zeroed. */
void *pr_scratch_calloc(pr_scratch *s, size_t n, size_t size);
/* Where s stands now, and back there: every block taken since is given
 * back. Marks are restored latest first. */
pr_scratch_mark pr_scratch_save(const pr_scratch *s);
void pr_scratch_restore(pr_scratch *s, pr_scratch_mark m);
/* Every block given back: for a scratch without a region, its end. */
void pr_scratch_free(pr_scratch *s);

/* Overflow-checked multiplication: 0 on overflow. */
static inline int pr_mul_ok(size_t a, size_t b, size_t *out)
{
	if (b && a > (size_t)-1 / b)
		return 0;
	*out = a * b;
	return 1;
}

#endif
