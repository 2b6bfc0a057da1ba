/* bench.c: how long precis takes on whole files, and how much memory.
 *
 *   build/tests/bench/precis-bench [-r RUNS] FILE...
 *
 * For each file: bytes, sentences, the median wall time of RUNS builds of a
 * document (default 5), throughput and the process's peak RSS so far.
 * `meson test -C build --benchmark` runs it on ../shared/bench. */
#include <precis.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 20, n = 0;
	char *b = malloc(cap);
	for (;;) {
		if (n == cap) {
			cap *= 2;
			char *p = realloc(b, cap);
			if (!p)
				break;
			b = p;
		}
		size_t r = fread(b + n, 1, cap - n, f);
		if (r == 0)
			break;
		n += r;
	}
	fclose(f);
	*len = n;
	return b;
}

int main(int argc, char **argv)
{
	int runs = 5, first = 1;
	if (argc > 2 && strcmp(argv[1], "-r") == 0) {
		runs = atoi(argv[2]);
		first = 3;
	}
	if (runs < 1 || runs > 1000)
		runs = 5;
	printf("%-28s %11s %10s %10s %9s %9s\n", "input", "bytes", "sentences", "median ms",
	       "MB/s", "peak MB");
	for (int a = first; a < argc; a++) {
		size_t len;
		char *text = slurp(argv[a], &len);
		if (!text) {
			fprintf(stderr, "precis-bench: %s: cannot read\n", argv[a]);
			return 1;
		}
		double *ms = malloc((size_t)runs * sizeof *ms);
		size_t nsent = 0;
		for (int r = 0; r < runs; r++) {
			precis_doc *d;
			double t0 = now_ms();
			int rc = precis_doc_new(&d, text, len, NULL);
			ms[r] = now_ms() - t0;
			if (rc) {
				fprintf(stderr, "precis-bench: %s: %s\n", argv[a], precis_strerror(rc));
				return 1;
			}
			nsent = precis_doc_sentence_count(d);
			precis_doc_free(d);
		}
		qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
		double med = ms[runs / 2];
		struct rusage ru;
		getrusage(RUSAGE_SELF, &ru);
		const char *name = strrchr(argv[a], '/');
		printf("%-28s %11zu %10zu %10.1f %9.1f %9.1f\n", name ? name + 1 : argv[a], len,
		       nsent, med, (double)len / 1e6 / (med / 1e3), (double)ru.ru_maxrss / 1024.0);
		free(ms);
		free(text);
	}
	return 0;
}
