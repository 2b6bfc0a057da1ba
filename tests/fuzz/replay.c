/* replay.c: run a fuzz target over files and directories of inputs, once
 * each, without libFuzzer: `fuzz-doc-replay corpus/doc regress/doc`. This is
 * how the seed corpora and the regression inputs run in `meson test` under
 * gcc, ASan and valgrind alike. An input that breaks an invariant aborts. */
#define _XOPEN_SOURCE 700 /* realpath */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static size_t ran;

static int run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		return 1;
	}
	size_t cap = 4096, n = 0, got;
	uint8_t *buf = malloc(cap);
	if (!buf) {
		fclose(fp);
		return 1;
	}
	while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += got;
		if (n == cap) {
			uint8_t *p = realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				fclose(fp);
				return 1;
			}
			buf = p;
			cap *= 2;
		}
	}
	fclose(fp);
	/* a copy of exactly n bytes, so that ASan sees any read past the end */
	uint8_t *exact = malloc(n ? n : 1);
	if (!exact) {
		free(buf);
		return 1;
	}
	memcpy(exact, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	ran++;
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return run_file(path);
	DIR *d = opendir(path);
	if (!d) {
		perror(path);
		return 1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **p = realloc(names, (cap = cap ? 2 * cap : 64) * sizeof *names);
			if (!p) {
				rc = 1;
				break;
			}
			names = p;
		}
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		if (!(names[n] = malloc(len))) {
			rc = 1;
			break;
		}
		snprintf(names[n++], len, "%s/%s", path, e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp);
	for (size_t i = 0; i < n; i++) {
		if (!rc)
			rc = run_path(names[i]);
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	int rc = 0;
	/* absolute names first: a target may change directory (fuzz_cli.c) */
	char **paths = calloc((size_t)argc, sizeof *paths);
	if (!paths)
		return 1;
	for (int i = 1; i < argc; i++)
		if (!(paths[i] = realpath(argv[i], NULL))) {
			perror(argv[i]);
			rc = 1;
		}
	for (int i = 1; i < argc && !rc; i++)
		rc |= run_path(paths[i]);
	for (int i = 1; i < argc; i++)
		free(paths[i]);
	free(paths);
	printf("%zu inputs ran\n", ran);
	return rc || !ran;
}
