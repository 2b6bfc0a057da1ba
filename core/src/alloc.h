/* alloc.h: every malloc the library makes goes through here, so that tests
 * can fail the k-th allocation (see tests/unit/test_alloc.c). */
#ifndef PRECIS_ALLOC_H
#define PRECIS_ALLOC_H

#include <stddef.h>

void *pr_malloc_raw(size_t size);
void *pr_realloc_raw(void *p, size_t size);
/* n zeroed elements of size bytes; NULL when n * size overflows. */
void *pr_calloc_raw(size_t n, size_t size);
void pr_free_raw(void *p);

/* Test-only, internal (never exported). Make every allocation on this thread
 * from the k-th (counting from 0, from this call on) fail; k < 0 turns
 * failures off. Also resets the counter that pr_alloc_count() reads. */
void pr_alloc_fail_after(long k);

/* Allocations made on this thread since the last pr_alloc_fail_after(). */
long pr_alloc_count(void);

#endif
