/* alloc.c: the library's only calls to malloc, realloc and free. */
#include "alloc.h"

#include <stdlib.h>

void *pr_malloc_raw(size_t size)
{
	return malloc(size ? size : 1);
}

void *pr_realloc_raw(void *p, size_t size)
{
	return realloc(p, size ? size : 1);
}

void pr_free_raw(void *p)
{
	free(p);
}
