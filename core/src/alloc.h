/* alloc.h: every malloc the library makes goes through here, so that test
 * builds can fail the k-th allocation (see tests/unit/test_alloc.c). */
#ifndef PRECIS_ALLOC_H
#define PRECIS_ALLOC_H

#include <stddef.h>

void *pr_malloc_raw(size_t size);
void *pr_realloc_raw(void *p, size_t size);
void pr_free_raw(void *p);

#endif
