/* fuzz_cli.c: the precis command's argument parser and everything behind it
 * (precis_cli_main), with argv drawn from the input, on in-memory streams.
 *
 * Input layout: up to 16 arguments separated by NUL bytes, then two NUL bytes,
 * then what standard input holds. Arguments cannot name a path outside the
 * private directory the target works in ('/' is read as '_'), so files it
 * reads are the fixtures made there (a.txt, bad.txt, empty.txt, dir) or do
 * not exist, and files it writes with -o are removed after each run.
 *
 * Checks: the status is 0, 1 or 2; a failure always says something on
 * stderr, in lines that start with "precis: "; success says nothing there. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "fuzz.h"

#define MAXARGS 16

static const char *const fixtures[] = { "a.txt", "bad.txt", "empty.txt", "dir", NULL };

static int is_fixture(const char *name)
{
	for (const char *const *f = fixtures; *f; f++)
		if (strcmp(*f, name) == 0)
			return 1;
	return 0;
}

static const char a_txt[] =
	"Precis reads text. It finds the sentences that carry it.\n\n"
	"Then it ranks them with PageRank. The best ones are kept.\n";
static const char bad_txt[] = "Valid text, then \xff\xfe bytes.\n";

static void put_file(const char *name, const char *text)
{
	FILE *fp = fopen(name, "wb");
	CHECK(fp);
	fputs(text, fp);
	CHECK(fclose(fp) == 0);
}

static char workdir[] = "/tmp/precis-fuzz-cli-XXXXXX";

static void remove_workdir(void)
{
	if (chdir(workdir) == 0) {
		unlink("a.txt");
		unlink("bad.txt");
		unlink("empty.txt");
		rmdir("dir");
		if (chdir("/") == 0)
			rmdir(workdir);
	}
}

/* A private working directory with the fixtures, made once and removed at
 * exit. */
static void setup(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	CHECK(mkdtemp(workdir));
	CHECK(chdir(workdir) == 0);
	atexit(remove_workdir);
	put_file("a.txt", a_txt);
	put_file("bad.txt", bad_txt);
	put_file("empty.txt", "");
	CHECK(mkdir("dir", 0700) == 0);
}

static void restore(const char *name, const char *text)
{
	struct stat st;
	if (stat(name, &st) != 0 || (size_t)st.st_size != strlen(text))
		put_file(name, text);
}

/* Remove whatever a run wrote with -o (all of it is in the directory), and
 * put back a fixture it overwrote. */
static void tidy(void)
{
	DIR *d = opendir(".");
	CHECK(d);
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && !is_fixture(e->d_name))
			unlink(e->d_name);
	closedir(d);
	restore("a.txt", a_txt);
	restore("bad.txt", bad_txt);
	restore("empty.txt", "");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	setup();
	char *copy = malloc(size + 1);
	CHECK(copy);
	memcpy(copy, data, size);
	copy[size] = '\0';

	char *argv[MAXARGS + 2];
	int argc = 0;
	argv[argc++] = "precis";
	size_t i = 0, at = 0;
	const char *input = "";
	size_t input_len = 0;
	for (; i < size; i++) {
		if (copy[i] == '/')
			copy[i] = '_';
		if (copy[i] != '\0')
			continue;
		if (i + 1 < size && copy[i + 1] == '\0') {
			/* two NULs: the arguments end, standard input follows */
			input = (const char *)data + i + 2;
			input_len = size - i - 2;
			break;
		}
		if (argc < MAXARGS + 1)
			argv[argc++] = copy + at;
		at = i + 1;
	}
	if (i == size && at < size && argc < MAXARGS + 1)
		argv[argc++] = copy + at;
	argv[argc] = NULL;

	FILE *in = fmemopen((void *)(input_len ? input : "x"), input_len ? input_len : 1, "rb");
	CHECK(in);
	if (!input_len)
		fgetc(in); /* fmemopen wants a size > 0: start at its end */
	char *out_s = NULL, *err_s = NULL;
	size_t out_n = 0, err_n = 0;
	FILE *out = open_memstream(&out_s, &out_n), *err = open_memstream(&err_s, &err_n);
	CHECK(out && err);

	int status = precis_cli_main(argc, argv, in, out, err);

	fclose(in);
	CHECK(fclose(out) == 0 && fclose(err) == 0);
	CHECK(status == 0 || status == 1 || status == 2);
	if (status == 0) {
		CHECK(err_n == 0);
	} else {
		CHECK(err_n > 0 && err_s[err_n - 1] == '\n');
		CHECK(strncmp(err_s, "precis: ", 8) == 0);
	}
	if (status == 2)
		CHECK(out_n == 0 && strstr(err_s, "Try 'precis --help'."));
	free(out_s);
	free(err_s);
	free(copy);
	tidy();
	return 0;
}
