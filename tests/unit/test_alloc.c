/* Every allocation failure is reported as PRECIS_ENOMEM and frees what was
 * taken: for k = 0, 1, 2, ... the k-th allocation (and all after it) fails
 * until precis_doc_new succeeds. The valgrind run of this binary (meson test
 * test_alloc-valgrind, see main() below) shows nothing leaks on any of those
 * paths. */
/* madvise is BSD and Linux, not POSIX */
#define _DEFAULT_SOURCE

#include <criterion/criterion.h>
#include <precis.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "alloc.h"
#include "arena.h"
#include "doc.h"

static const char article[] =
	"# Libraries open later\n\n"
	"The city council approved a new budget for public libraries on Monday. "
	"The budget adds evening hours at every library in the city, Mayor Ann "
	"Lee's office said.\n\n"
	"Council members said the libraries had been crowded for years. "
	"Parents asked for more study space for students after school; "
	"Korea-Russia talks, \xC3\x89" "COLE and caf\xC3\xA9s aside.\n\n"
	"- The mayor praised the vote.\n"
	"- Libraries will open the new hours in March.\n\n"
	"LONDON (Reuters) - Critics said the budget ignored road repairs, "
	"council member John Smith said.\n";

/* Walk every failure point of one document. Returns NULL or what went wrong
 * (no Criterion asserts here: main() also runs it alone, under valgrind). */
static const char *walk(const char *text, size_t len, const precis_options *o)
{
	/* a clean run first, to know how many allocations a document needs */
	pr_alloc_fail_after(-1);
	precis_doc *d = NULL;
	if (precis_doc_new(&d, text, len, o) != PRECIS_OK)
		return "the clean run failed";
	long need = pr_alloc_count();
	precis_doc_free(d);
	if (need <= 3)
		return "suspiciously few allocations: is the hook wired?";

	long k;
	for (k = 0; k <= need; k++) {
		pr_alloc_fail_after(k);
		d = NULL;
		int rc = precis_doc_new(&d, text, len, o);
		pr_alloc_fail_after(-1);
		if (rc == PRECIS_OK) {
			precis_doc_free(d);
			break;
		}
		if (rc != PRECIS_ENOMEM)
			return "a failed allocation was reported as something else";
		if (d)
			return "*out was written on failure";
	}
	if (k != need)
		return "did not succeed exactly when every allocation did";
	return NULL;
}

/* An article's graph, ranking and selection take their arrays from the
 * document's scratch region and so never reach malloc, nor a failure of
 * it: here the region is taken away after a clean build, so that every
 * array of the three stages is malloc'd, and every failure point of the
 * three is walked for similarity `sim`. Each must be PRECIS_ENOMEM and
 * leave the scratch as it found it (nothing in use, no block left). */
static const char *walk_stages(int sim)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.similarity = sim;
	for (long k = 0; k < 100000; k++) {
		precis_doc *d = NULL;
		pr_alloc_fail_after(-1);
		if (precis_doc_new(&d, article, sizeof article - 1, &o) != PRECIS_OK)
			return "the clean run failed";
		pr_scratch_init(&d->scratch, NULL, 0);
		pr_alloc_fail_after(k);
		pr_graph g;
		int rc = pr_graph_build(&g, d, sim);
		if (rc == PRECIS_OK)
			rc = pr_rank(d, &g);
		if (rc == PRECIS_OK)
			rc = pr_select(d);
		pr_alloc_fail_after(-1);
		int left = d->scratch.used != 0 || d->scratch.big != NULL;
		precis_doc_free(d);
		if (left)
			return "a stage left scratch behind";
		if (rc == PRECIS_OK)
			return k > 0 ? NULL : "the stages allocated nothing: is the region gone?";
		if (rc != PRECIS_ENOMEM)
			return "a failed allocation in a stage was reported as something else";
	}
	return "the stages never succeeded";
}

static const char bad[] = "Bad \xFF bytes here. More bad \xC3 bytes there. "
                          "Bytes are bytes.";

static const char *walk_all(void)
{
	const char *err;
	precis_options o = PRECIS_OPTIONS_INIT;
	if ((err = walk(article, sizeof article - 1, &o)))
		return err;
	o.similarity = PRECIS_SIM_BM25;
	o.flags = PRECIS_FLAG_ORDER_BY_SCORE | PRECIS_FLAG_REPLACE_INVALID;
	o.format = PRECIS_FORMAT_PLAIN;
	if ((err = walk(bad, sizeof bad - 1, &o)))
		return err;
	precis_options_init(&o);
	o.similarity = PRECIS_SIM_COSINE;
	if ((err = walk(article, sizeof article - 1, &o)))
		return err;
	if ((err = walk_stages(PRECIS_SIM_TEXTRANK)) || (err = walk_stages(PRECIS_SIM_BM25)))
		return err;
	return walk_stages(PRECIS_SIM_COSINE);
}

Test(alloc, every_failure_is_enomem)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	const char *err = walk(article, sizeof article - 1, &o);
	cr_assert_null(err, "%s", err);
}

Test(alloc, every_failure_is_enomem_bm25_by_score)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.similarity = PRECIS_SIM_BM25;
	o.flags = PRECIS_FLAG_ORDER_BY_SCORE | PRECIS_FLAG_REPLACE_INVALID;
	o.format = PRECIS_FORMAT_PLAIN;
	const char *err = walk(bad, sizeof bad - 1, &o);
	cr_assert_null(err, "%s", err);
}

Test(alloc, every_failure_is_enomem_cosine)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.similarity = PRECIS_SIM_COSINE;
	const char *err = walk(article, sizeof article - 1, &o);
	cr_assert_null(err, "%s", err);
}

Test(alloc, every_stage_failure_is_enomem)
{
	const char *err = walk_stages(PRECIS_SIM_TEXTRANK);
	cr_assert_null(err, "textrank: %s", err);
	err = walk_stages(PRECIS_SIM_BM25);
	cr_assert_null(err, "bm25: %s", err);
	err = walk_stages(PRECIS_SIM_COSINE);
	cr_assert_null(err, "cosine: %s", err);
}

Test(alloc, convenience_functions)
{
	for (long k = 0; k < 100000; k++) {
		char *s = NULL;
		pr_alloc_fail_after(k);
		int rc = precis_summarize_text(&s, NULL, article, sizeof article - 1, NULL);
		pr_alloc_fail_after(-1);
		if (rc == PRECIS_OK) {
			cr_assert_not_null(s);
			precis_free(s);
			break;
		}
		cr_assert_eq(rc, PRECIS_ENOMEM);
		cr_assert_null(s);
	}
	for (long k = 0; k < 100000; k++) {
		char *s = NULL;
		pr_alloc_fail_after(k);
		int rc = precis_headline_text(&s, NULL, article, sizeof article - 1, NULL);
		pr_alloc_fail_after(-1);
		if (rc == PRECIS_OK) {
			cr_assert_not_null(s);
			cr_assert_gt(strlen(s), 0);
			precis_free(s);
			break;
		}
		cr_assert_eq(rc, PRECIS_ENOMEM);
	}
}

/* Invalid text is refused before any work or memory is spent on it: a
 * binary file piped in by mistake gets its answer at once, and the answer
 * is "invalid UTF-8" even where no memory is left (not "out of memory",
 * which it was when the check came after segmenting). */
Test(alloc, invalid_text_is_refused_before_allocating)
{
	static const char head[] = "\xFF is not a character. The rest is prose. ";
	size_t len = 1 << 20;
	char *text = malloc(len);
	cr_assert_not_null(text);
	for (size_t i = 0; i < len; i++)
		text[i] = head[i % (sizeof head - 1)];
	precis_doc *d = NULL;
	for (int fmt = 0; fmt < 3; fmt++) {
		precis_options o = PRECIS_OPTIONS_INIT;
		o.format = fmt == 0 ? PRECIS_FORMAT_AUTO
		                    : fmt == 1 ? PRECIS_FORMAT_PLAIN : PRECIS_FORMAT_MARKDOWN;
		pr_alloc_fail_after(0); /* every allocation fails */
		int rc = precis_doc_new(&d, text, len, &o);
		long taken = pr_alloc_count();
		pr_alloc_fail_after(-1);
		cr_expect_eq(rc, PRECIS_EUTF8, "format %d: %d", fmt, rc);
		cr_expect_null(d);
		cr_expect_eq(taken, 0, "format %d: nothing allocated", fmt);
	}
	free(text);
}

Test(alloc, counter_is_off_by_default)
{
	/* the hook's default: nothing fails, however many allocations */
	pr_alloc_fail_after(-1);
	for (int i = 0; i < 3; i++) {
		precis_doc *d = NULL;
		cr_assert_eq(precis_doc_new(&d, article, sizeof article - 1, NULL), PRECIS_OK);
		precis_doc_free(d);
	}
	cr_assert_gt(pr_alloc_count(), 0);
}

/* pr_calloc_raw: zeroed, counted (so it can be made to fail), and NULL when
 * the size overflows. */
Test(alloc, calloc_raw)
{
	pr_alloc_fail_after(-1);
	unsigned char *p = pr_calloc_raw(1000, 3);
	cr_assert_not_null(p);
	for (size_t i = 0; i < 3000; i++)
		cr_assert_eq(p[i], 0);
	pr_free_raw(p);
	cr_expect_eq(pr_alloc_count(), 1);
	cr_expect_null(pr_calloc_raw((size_t)-1 / 2, 4), "overflow");
	pr_alloc_fail_after(0);
	cr_expect_null(pr_calloc_raw(10, 10), "an injected failure");
	pr_alloc_fail_after(-1);
}

/* The VmFlags line of the mapping of /proc/self/smaps that holds address
 * at, into flags; 0, or -1 when the file cannot be read (not Linux). */
static int vm_flags_of(const void *at, char *flags, size_t cap)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	if (!f)
		return -1;
	char line[512];
	int in = 0, found = -1;
	while (fgets(line, sizeof line, f)) {
		unsigned long lo, hi;
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2)
			in = (uintptr_t)at >= lo && (uintptr_t)at < hi;
		else if (in && strncmp(line, "VmFlags:", 8) == 0) {
			snprintf(flags, cap, "%s", line + 8);
			found = 0;
			break;
		}
	}
	fclose(f);
	return found;
}

/* A block of megabytes asks for huge pages over the 2 MB pages it spans
 * (alloc.c, advise_huge): its mapping carries the "hg" flag, whether it
 * came from malloc, calloc or realloc; a small block does not ask. */
Test(alloc, large_blocks_ask_for_huge_pages)
{
	pr_alloc_fail_after(-1);
	char flags[512];
	size_t mb = (size_t)1 << 20;
#ifdef MADV_HUGEPAGE
	/* first, on a mapping of its own, whether this system takes the
	 * advice and shows it (a kernel without transparent huge pages
	 * refuses it; no /proc, no VmFlags) */
	unsigned char *probe = mmap(NULL, 4 * mb, PROT_READ | PROT_WRITE,
	                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	cr_assert(probe != MAP_FAILED);
	unsigned char *at = (unsigned char *)(((uintptr_t)probe + 2 * mb - 1) &
	                                      ~(uintptr_t)(2 * mb - 1));
	int shown = madvise(at, 2 * mb, MADV_HUGEPAGE) == 0 &&
	            vm_flags_of(at, flags, sizeof flags) == 0 && strstr(flags, " hg");
	munmap(probe, 4 * mb);
	if (!shown)
		cr_skip_test("this system does not show huge-page advice");
#else
	cr_skip_test("no MADV_HUGEPAGE here");
#endif
	unsigned char *m = pr_malloc_raw(8 * mb);
	cr_assert_not_null(m);
	cr_assert_eq(vm_flags_of(m + 4 * mb, flags, sizeof flags), 0);
	cr_expect(strstr(flags, " hg") != NULL, "malloc: VmFlags%s", flags);
	memset(m, 1, 8 * mb); /* the memory is there to use */
	unsigned char *r = pr_realloc_raw(m, 24 * mb);
	cr_assert_not_null(r);
	cr_expect_eq(r[8 * mb - 1], 1);
	cr_assert_eq(vm_flags_of(r + 20 * mb, flags, sizeof flags), 0);
	cr_expect(strstr(flags, " hg") != NULL, "realloc: VmFlags%s", flags);
	pr_free_raw(r);
	unsigned char *c = pr_calloc_raw(4, 2 * mb);
	cr_assert_not_null(c);
	cr_expect_eq(c[5 * mb], 0);
	cr_assert_eq(vm_flags_of(c + 4 * mb, flags, sizeof flags), 0);
	cr_expect(strstr(flags, " hg") != NULL, "calloc: VmFlags%s", flags);
	pr_free_raw(c);
	unsigned char *s = pr_malloc_raw(64 * 1024);
	cr_assert_not_null(s);
	cr_assert_eq(vm_flags_of(s, flags, sizeof flags), 0);
	cr_expect(strstr(flags, " hg") == NULL, "a small block: VmFlags%s", flags);
	pr_free_raw(s);
}

/* A sized arena takes its first chunk at the size asked for, within
 * bounds, and then serves that much from one allocation. */
Test(alloc, sized_arena_is_one_allocation)
{
	pr_arena a;
	pr_alloc_fail_after(-1);
	pr_arena_init_sized(&a, 300 * 1024);
	for (int i = 0; i < 290; i++)
		cr_assert_not_null(pr_alloc(&a, 1024));
	cr_expect_eq(pr_alloc_count(), 1, "one chunk");
	cr_expect_eq(a.total, 300 * 1024);
	pr_arena_release(&a);

	pr_arena_init_sized(&a, 100); /* small: the usual first chunk */
	cr_assert_not_null(pr_alloc(&a, 10));
	cr_expect_eq(a.total, 64 * 1024);
	pr_arena_release(&a);

	pr_arena_init_sized(&a, (size_t)-1); /* huge: bounded */
	cr_assert_not_null(pr_alloc(&a, 10));
	cr_expect_eq(a.total, 1024 * 1024);
	pr_arena_release(&a);

	memset(&a, 0, sizeof a); /* zeroed, not initialised: the usual chunk */
	cr_assert_not_null(pr_alloc(&a, 10));
	cr_expect_eq(a.total, 64 * 1024);
	pr_arena_release(&a);
}

/* Copies of strings are packed end to end; what the arena allocates after
 * them is aligned for any type all the same. */
Test(alloc, strings_are_packed)
{
	pr_arena a;
	pr_arena_init(&a);
	char *x = pr_strndup(&a, "abc", 3), *y = pr_strndup(&a, "de", 2);
	cr_assert(x && y);
	cr_expect_str_eq(x, "abc");
	cr_expect_str_eq(y, "de");
	cr_expect_eq(y, x + 4, "no padding after a string");
	double *v = pr_alloc(&a, sizeof *v);
	cr_assert_not_null(v);
	cr_expect_eq((uintptr_t)v % _Alignof(max_align_t), 0);
	cr_expect_geq((char *)v, y + 3);
	pr_arena_release(&a);
}

/* The last allocation given back is the room of the next, in the same
 * chunk or in a newer one; any other block stays where it is. */
Test(alloc, the_last_allocation_can_be_given_back)
{
	pr_arena a;
	pr_arena_init(&a);
	char *x = pr_alloc(&a, 100), *y = pr_alloc(&a, 1000);
	cr_assert(x && y);
	pr_arena_pop(&a, x); /* not the last: nothing happens */
	pr_arena_pop(&a, NULL);
	char *z = pr_alloc(&a, 10);
	cr_assert_not_null(z);
	cr_expect_geq(z, y + 1000, "y keeps its room");
	pr_arena_pop(&a, z);
	cr_expect_eq(pr_alloc(&a, 500), z, "z's room again");
	/* a block too large for the first chunk starts a second */
	char *big = pr_alloc(&a, 200 * 1024);
	cr_assert_not_null(big);
	pr_arena_pop(&a, big);
	cr_expect_eq(pr_alloc(&a, 100 * 1024), big);
	pr_arena_release(&a);
}

/* Scratch is taken from its region one block after another, aligned, and
 * a restore gives back every block taken since the mark: the next blocks
 * reuse the same room, with no allocation. */
Test(alloc, scratch_reuses_its_region)
{
	static alignas(max_align_t) unsigned char region[4096];
	pr_scratch s;
	pr_alloc_fail_after(-1);
	pr_scratch_init(&s, region, sizeof region);
	char *a = pr_scratch_alloc(&s, 3);
	pr_scratch_mark m = pr_scratch_save(&s);
	double *b = pr_scratch_alloc(&s, 10 * sizeof *b);
	uint32_t *c = pr_scratch_calloc(&s, 100, sizeof *c);
	cr_assert(a && b && c);
	cr_expect_eq((uintptr_t)b % _Alignof(max_align_t), 0);
	cr_expect_geq((char *)b, a + 3);
	cr_expect_geq((char *)c, (char *)(b + 10), "blocks do not overlap");
	for (int i = 0; i < 100; i++)
		cr_expect_eq(c[i], 0);
	memset(c, 0xAB, 100 * sizeof *c);
	pr_scratch_restore(&s, m);
	cr_expect_eq(pr_scratch_alloc(&s, 8), b, "b's room again");
	uint32_t *z = pr_scratch_calloc(&s, 100, sizeof *z);
	cr_assert_not_null(z);
	for (int i = 0; i < 100; i++)
		cr_expect_eq(z[i], 0, "zeroed again");
	cr_expect_eq(pr_alloc_count(), 0, "all of it in the region");
}

/* What does not fit the region is allocated on its own, zeroed when asked,
 * and freed by the restore (the valgrind run of this binary checks that
 * nothing leaks); a scratch without a region allocates every block. */
Test(alloc, scratch_past_its_region_is_malloced)
{
	static alignas(max_align_t) unsigned char region[1024];
	pr_scratch s;
	pr_alloc_fail_after(-1);
	pr_scratch_init(&s, region, sizeof region);
	pr_scratch_mark m = pr_scratch_save(&s);
	char *a = pr_scratch_alloc(&s, 1000);
	uint32_t *big = pr_scratch_calloc(&s, 1000, sizeof *big);
	cr_assert(a && big);
	cr_expect(a >= (char *)region && a < (char *)region + sizeof region);
	cr_expect((char *)big < (char *)region || (char *)big >= (char *)region + sizeof region);
	cr_expect_eq((uintptr_t)big % _Alignof(max_align_t), 0);
	for (int i = 0; i < 1000; i++)
		cr_expect_eq(big[i], 0);
	cr_expect_eq(pr_alloc_count(), 1);
	pr_scratch_restore(&s, m);
	cr_expect_eq(s.big, NULL);
	cr_expect_eq(pr_scratch_alloc(&s, 1000), a, "the region's room again");

	pr_scratch_init(&s, NULL, 0);
	m = pr_scratch_save(&s);
	cr_assert_not_null(pr_scratch_alloc(&s, 1));
	cr_assert_not_null(pr_scratch_alloc(&s, 2));
	cr_expect_eq(pr_alloc_count(), 3);
	pr_scratch_restore(&s, m);
	cr_expect_eq(s.big, NULL);
	pr_alloc_fail_after(0); /* every allocation from here fails */
	cr_expect_null(pr_scratch_alloc(&s, 1));
	cr_expect_null(pr_scratch_alloc(&s, SIZE_MAX), "too large for any header");
	pr_alloc_fail_after(-1);
}

/* An article's graph, ranking and selection take their working arrays
 * from the document's scratch, not from malloc, and give them all back. */
Test(alloc, article_stages_use_scratch)
{
	precis_doc *d = NULL;
	pr_alloc_fail_after(-1);
	cr_assert_eq(precis_doc_new(&d, article, sizeof article - 1, NULL), PRECIS_OK);
	cr_expect_eq(d->scratch.used, 0, "every stage gave its scratch back");
	cr_expect_null(d->scratch.big);
	/* the three stages again, counted (the arena's first chunk has room
	 * for what they keep twice) */
	pr_alloc_fail_after(-1);
	pr_graph g;
	cr_assert_eq(pr_graph_build(&g, d, PRECIS_SIM_TEXTRANK), PRECIS_OK);
	cr_assert_eq(pr_rank(d, &g), PRECIS_OK);
	cr_assert_eq(pr_select(d), PRECIS_OK);
	cr_expect_eq(pr_alloc_count(), 0, "no malloc");
	cr_expect_eq(d->scratch.used, 0);
	precis_doc_free(d);
}

/* A document's arena is sized from its length: a news article's fits in
 * the first chunk. */
Test(alloc, article_arena_is_one_chunk)
{
	pr_alloc_fail_after(-1);
	precis_doc *d = NULL;
	cr_assert_eq(precis_doc_new(&d, article, sizeof article - 1, NULL), PRECIS_OK);
	size_t total = d->arena.total, scratch;
	precis_doc_free(d);
	cr_expect_eq(total, 64 * 1024, "a short text: one chunk of the usual size");

	/* five copies: 5 KB, an article's length */
	char big[5 * sizeof article];
	for (int i = 0; i < 5; i++)
		memcpy(big + i * (sizeof article - 1), article, sizeof article - 1);
	size_t len = 5 * (sizeof article - 1);
	cr_assert_eq(precis_doc_new(&d, big, len, NULL), PRECIS_OK);
	total = d->arena.total;
	scratch = d->scratch.size;
	precis_doc_free(d);
	cr_expect_gt(total, 64 * 1024);
	cr_expect_leq(total, len * 28 + scratch + 64, "one chunk, sized from the length");
}

/* Criterion runs each test in a worker process whose exit status it does not
 * report, so valgrind's --error-exitcode would be lost there. With
 * PRECIS_ALLOC_WALK set, the binary runs the walks in this process instead and
 * its exit status is valgrind's verdict. */
int main(int argc, char *argv[])
{
	if (getenv("PRECIS_ALLOC_WALK")) {
		const char *err = walk_all();
		if (err) {
			fprintf(stderr, "test_alloc: %s\n", err);
			return 1;
		}
		return 0;
	}
	struct criterion_test_set *tests = criterion_initialize();
	int result = 0;
	if (criterion_handle_args(argc, argv, true))
		result = !criterion_run_all_tests(tests);
	criterion_finalize(tests);
	return result;
}
