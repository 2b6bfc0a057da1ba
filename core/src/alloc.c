/* alloc.c: the library's only calls to malloc, realloc and free.
 *
 * Test-only: pr_alloc_fail_after() makes every allocation from the k-th on
 * fail, so tests/unit/test_alloc.c can walk every failure path. The counters
 * are thread-local, so documents built on other threads never see them; with
 * no call to pr_alloc_fail_after() (the library's normal life) nothing fails.
 */
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>

static _Thread_local long fail_at = -1; /* < 0: never fail */
static _Thread_local long count;

void pr_alloc_fail_after(long k)
{
	fail_at = k;
	count = 0;
}

long pr_alloc_count(void)
{
	return count;
}

/* Should this allocation fail? Counts it either way. */
static int injected_failure(void)
{
	long c = count++;
	return fail_at >= 0 && c >= fail_at;
}

void *pr_malloc_raw(size_t size)
{
	if (injected_failure())
		return NULL;
	return malloc(size ? size : 1);
}

/* calloc rather than malloc and memset: a large block comes fresh from
 * the system, already zero, and is not written twice. */
void *pr_calloc_raw(size_t n, size_t size)
{
	if (injected_failure())
		return NULL;
	/* checked here rather than left to calloc: some allocators (ASan's
	 * among them) treat an overflowing request as a fatal error */
	if (size && n > SIZE_MAX / size)
		return NULL;
	return calloc(n ? n : 1, size ? size : 1);
}

void *pr_realloc_raw(void *p, size_t size)
{
	if (injected_failure())
		return NULL;
	return realloc(p, size ? size : 1);
}

void pr_free_raw(void *p)
{
	free(p);
}
