/* arena.c: a bump allocator over a list of malloc'd chunks. */
#include "arena.h"
#include "alloc.h"

#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#define ALIGN alignof(max_align_t)
#define MIN_CHUNK (64u * 1024u)
/* A first chunk sized by the caller stays below this: a larger document
 * does as well with chunks that double, and no more is reserved than it
 * turns out to use. */
#define MAX_FIRST_CHUNK (1024u * 1024u)

struct pr_chunk {
	pr_chunk *next;
	size_t size;      /* usable bytes in data */
	size_t used;
	size_t last;      /* offset of the last allocation, for pr_grow */
	alignas(max_align_t) unsigned char data[];
};

static size_t round_up(size_t n)
{
	return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

void pr_arena_init(pr_arena *a)
{
	a->head = NULL;
	a->total = 0;
	a->first = MIN_CHUNK;
}

void pr_arena_init_sized(pr_arena *a, size_t expect)
{
	pr_arena_init(a);
	if (expect > MAX_FIRST_CHUNK)
		expect = MAX_FIRST_CHUNK;
	if (expect > MIN_CHUNK)
		a->first = round_up(expect);
}

void pr_arena_release(pr_arena *a)
{
	pr_chunk *c = a->head;
	while (c) {
		pr_chunk *next = c->next;
		pr_free_raw(c);
		c = next;
	}
	a->head = NULL;
	a->total = 0;
}

static pr_chunk *new_chunk(pr_arena *a, size_t need)
{
	/* (an arena zeroed rather than initialised has first == 0) */
	size_t size = a->head || a->first < MIN_CHUNK ? MIN_CHUNK : a->first;
	if (a->head && a->head->size < (size_t)1 << 26)
		size = a->head->size * 2; /* chunks double up to 64 MiB */
	if (size < need)
		size = need;
	if (size > SIZE_MAX - sizeof(pr_chunk))
		return NULL;
	pr_chunk *c = pr_malloc_raw(sizeof(pr_chunk) + size);
	if (!c)
		return NULL;
	c->size = size;
	c->used = 0;
	c->last = 0;
	c->next = a->head;
	a->head = c;
	a->total += size;
	return c;
}

void *pr_alloc(pr_arena *a, size_t size)
{
	if (size > SIZE_MAX - ALIGN)
		return NULL;
	size = round_up(size ? size : 1);
	pr_chunk *c = a->head;
	/* strings may have left the chunk unaligned (pr_strndup); chunk
	 * sizes are multiples of ALIGN, so this stays within the chunk */
	size_t at = c ? round_up(c->used) : 0;
	if (!c || c->size - at < size) {
		c = new_chunk(a, size);
		if (!c)
			return NULL;
		at = 0;
	}
	void *p = c->data + at;
	c->last = at;
	c->used = at + size;
	return p;
}

void *pr_calloc(pr_arena *a, size_t n, size_t size)
{
	size_t total;
	if (!pr_mul_ok(n, size, &total))
		return NULL;
	void *p = pr_alloc(a, total);
	if (p)
		memset(p, 0, total);
	return p;
}

void *pr_grow(pr_arena *a, void *p, size_t old_size, size_t new_size)
{
	pr_chunk *c = a->head;
	if (p && c && (unsigned char *)p == c->data + c->last) {
		size_t want = round_up(new_size);
		if (want >= new_size && c->size - c->last >= want) {
			c->used = c->last + want;
			return p;
		}
	}
	void *q = pr_alloc(a, new_size);
	if (q && p)
		memcpy(q, p, old_size < new_size ? old_size : new_size);
	return q;
}

void pr_arena_pop(pr_arena *a, void *p)
{
	pr_chunk *c = a->head;
	if (p && c && (unsigned char *)p == c->data + c->last)
		c->used = c->last;
}

/* Strings need no alignment: they are packed end to end (a word's copy
 * takes its length and one byte, not a multiple of 16), and the common
 * case, room left in the chunk, takes no call. */
char *pr_strndup(pr_arena *a, const char *s, size_t n)
{
	if (n >= SIZE_MAX - ALIGN)
		return NULL;
	pr_chunk *c = a->head;
	char *p;
	if (c && c->size - c->used > n) {
		p = (char *)c->data + c->used;
		c->last = c->used;
		c->used += n + 1;
	} else {
		if (!(p = pr_alloc(a, n + 1)))
			return NULL;
		c = a->head; /* a new chunk: give back the rounding */
		c->used = c->last + n + 1;
	}
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void pr_vec_init(pr_vec *v, size_t elem)
{
	v->data = NULL;
	v->len = v->cap = 0;
	v->elem = elem;
}

int pr_vec_reserve(pr_arena *a, pr_vec *v, size_t n)
{
	if (n <= v->cap - v->len)
		return 0;
	size_t need = v->len + n, cap = v->cap ? v->cap : 8, bytes;
	if (need < v->len)
		return -1;
	while (cap < need) {
		if (cap > SIZE_MAX / 2)
			return -1;
		cap *= 2;
	}
	if (!pr_mul_ok(cap, v->elem, &bytes))
		return -1;
	void *d = pr_grow(a, v->data, v->len * v->elem, bytes);
	if (!d)
		return -1;
	v->data = d;
	v->cap = cap;
	return 0;
}

void *pr_vec_push(pr_arena *a, pr_vec *v)
{
	if (v->len == v->cap && pr_vec_reserve(a, v, 1))
		return NULL;
	unsigned char *p = (unsigned char *)v->data + v->len++ * v->elem;
	memset(p, 0, v->elem);
	return p;
}

/* A block of scratch that did not fit the region: its header, then the
 * block, aligned for any type. */
struct pr_scratch_big {
	pr_scratch_big *next;
	alignas(max_align_t) unsigned char data[];
};

void pr_scratch_init(pr_scratch *s, void *base, size_t size)
{
	s->base = base;
	s->size = base ? size & ~(size_t)(ALIGN - 1) : 0;
	s->used = 0;
	s->big = NULL;
}

/* size bytes of s, zeroed if zero says so. A block of its own comes from
 * calloc: a large one fresh from the system is zero already. */
static void *scratch_take(pr_scratch *s, size_t size, int zero)
{
	if (size > SIZE_MAX - ALIGN - sizeof(pr_scratch_big))
		return NULL;
	size = round_up(size ? size : 1);
	if (s->size - s->used >= size) {
		void *p = s->base + s->used;
		s->used += size;
		if (zero)
			memset(p, 0, size);
		return p;
	}
	pr_scratch_big *b = zero ? pr_calloc_raw(1, sizeof *b + size)
	                         : pr_malloc_raw(sizeof *b + size);
	if (!b)
		return NULL;
	b->next = s->big;
	s->big = b;
	return b->data;
}

void *pr_scratch_alloc(pr_scratch *s, size_t size)
{
	return scratch_take(s, size, 0);
}

void *pr_scratch_calloc(pr_scratch *s, size_t n, size_t size)
{
	size_t total;
	if (!pr_mul_ok(n, size, &total))
		return NULL;
	return scratch_take(s, total, 1);
}

pr_scratch_mark pr_scratch_save(const pr_scratch *s)
{
	pr_scratch_mark m = {s->used, s->big};
	return m;
}

void pr_scratch_restore(pr_scratch *s, pr_scratch_mark m)
{
	while (s->big != m.big) {
		pr_scratch_big *next = s->big->next;
		pr_free_raw(s->big);
		s->big = next;
	}
	s->used = m.used;
}

void pr_scratch_free(pr_scratch *s)
{
	pr_scratch_mark none = {0, NULL};
	pr_scratch_restore(s, none);
}
