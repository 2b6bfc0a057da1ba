/* alloc.c: the library's only calls to malloc, realloc and free.
 *
 * Test-only: pr_alloc_fail_after() makes every allocation from the k-th on
 * fail, so tests/unit/test_alloc.c can walk every failure path. The counters
 * are thread-local, so documents built on other threads never see them; with
 * no call to pr_alloc_fail_after() (the library's normal life) nothing fails.
 */
/* madvise and MADV_HUGEPAGE are BSD and Linux, not C11 */
#define _DEFAULT_SOURCE

#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

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

/* A book's arrays run to tens of megabytes and are read at random (the
 * graph's links, the ranks, the key-word tables): in pages of 4 KB each
 * one costs a page fault to make (the 10 MB bench file, some 30,000 a
 * run of the CLI) and the walks miss the TLB. So a block of HUGE_FROM to
 * HUGE_UPTO bytes asks the system to back the 2 MB pages it spans with
 * huge pages, where the system does (Linux's transparent huge pages,
 * which Debian enables for memory that asks). It is advice: refused or
 * unknown, it changes nothing but speed. The advice is given before the
 * block is written (calloc leaves a fresh mapping unwritten), so its
 * pages are made huge from the start; a block that malloc carved from its
 * heap rather than mapped alone may share a huge page with other blocks,
 * which costs nothing. Measured on this project's 2-core virtual machine
 * (`/usr/bin/time precis FILE`, alternated with the build before): the
 * 10 MB file 29,660 -> 15,100-16,200 page faults, 0.47-0.58 -> 0.41-0.52
 * s, peak 105 -> 108-110 MB. Blocks over HUGE_UPTO, which only inputs of
 * tens of megabytes make, stay in 4 KB pages: with them the 100 MB input
 * spent a fifth of its time in the kernel zeroing fresh huge pages
 * (system time 0.97 -> 1.5 s), more than the faults saved. */
#define HUGE_PAGE ((uintptr_t)2 << 20)
#define HUGE_FROM ((size_t)2 << 20)
#define HUGE_UPTO ((size_t)64 << 20)

static void *advise_huge(void *p, size_t size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	if (p && size >= HUGE_FROM && size <= HUGE_UPTO) {
		uintptr_t from = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
		uintptr_t to = ((uintptr_t)p + size) & ~(HUGE_PAGE - 1);
		if (to > from)
			(void)madvise((void *)from, to - from, MADV_HUGEPAGE);
	}
#else
	(void)size;
#endif
	return p;
}

void *pr_malloc_raw(size_t size)
{
	if (injected_failure())
		return NULL;
	return advise_huge(malloc(size ? size : 1), size);
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
	return advise_huge(calloc(n ? n : 1, size ? size : 1), n * size);
}

void *pr_realloc_raw(void *p, size_t size)
{
	if (injected_failure())
		return NULL;
	return advise_huge(realloc(p, size ? size : 1), size);
}

void pr_free_raw(void *p)
{
	free(p);
}
