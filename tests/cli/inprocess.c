/* inprocess.c: precis_cli_main() called in-process, twice over, on its own
 * streams: the command keeps no state between calls and never touches the
 * process's stdin, stdout or stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int failures;

#define CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); \
			failures++; \
		} \
	} while (0)

typedef struct result {
	int status;
	char out[8192], err[1024];
} result;

static void slurp(FILE *fp, char *buf, size_t cap)
{
	rewind(fp);
	size_t n = fread(buf, 1, cap - 1, fp);
	buf[n] = '\0';
	fclose(fp);
}

/* Run the command on `input` as standard input. */
static void run(result *r, const char *input, int argc, char **argv)
{
	FILE *in = tmpfile(), *out = tmpfile(), *err = tmpfile();
	if (!in || !out || !err) {
		perror("tmpfile");
		exit(1);
	}
	fputs(input, in);
	rewind(in);
	r->status = precis_cli_main(argc, argv, in, out, err);
	fclose(in);
	slurp(out, r->out, sizeof r->out);
	slurp(err, r->err, sizeof r->err);
}

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

int main(void)
{
	static const char text[] =
		"The river rose overnight. Farmers moved their cattle to higher "
		"ground. The council opened two shelters. Rain is expected to ease "
		"by Friday. Roads to the valley remain closed.\n";
	char prog[] = "precis", n[] = "-n", two[] = "2", zero[] = "0",
	     help[] = "--help", json[] = "--json", bogus[] = "--bogus";
	result a, b;

	char *summary[] = { prog, n, two, NULL };
	run(&a, text, 3, summary);
	run(&b, text, 3, summary);
	CHECK(a.status == 0 && b.status == 0);
	CHECK(count_lines(a.out) == 2);
	CHECK(strcmp(a.out, b.out) == 0);
	CHECK(a.err[0] == '\0');

	char *usage[] = { prog, n, zero, NULL };
	run(&a, text, 3, usage);
	CHECK(a.status == 2);
	CHECK(a.out[0] == '\0');
	CHECK(strstr(a.err, "precis: ") == a.err);
	CHECK(strstr(a.err, "Try 'precis --help'.\n") != NULL);

	/* A usage error leaves nothing behind for the next call. */
	char *unknown[] = { prog, bogus, NULL };
	run(&a, text, 2, unknown);
	CHECK(a.status == 2);
	run(&b, text, 3, summary);
	CHECK(b.status == 0 && count_lines(b.out) == 2);

	char *js[] = { prog, json, NULL };
	run(&a, text, 2, js);
	CHECK(a.status == 0);
	CHECK(strncmp(a.out, "{\"file\":\"-\",", 12) == 0);
	CHECK(count_lines(a.out) == 1);

	char *h[] = { prog, help, NULL };
	run(&a, "", 2, h);
	CHECK(a.status == 0 && strncmp(a.out, "Usage: precis", 13) == 0);

	char *none[] = { prog, NULL };
	run(&a, "", 1, none);
	CHECK(a.status == 0 && a.out[0] == '\0' && a.err[0] == '\0');

	if (failures)
		fprintf(stderr, "%d check(s) failed\n", failures);
	return failures ? 1 : 0;
}
