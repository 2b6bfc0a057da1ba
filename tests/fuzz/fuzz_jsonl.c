/* fuzz_jsonl.c: batch mode's JSON Lines reader (jsonin.c) and batch mode
 * itself (precis --jsonl, batch.c) on arbitrary bytes.
 *
 * Input layout: one byte of flags (bit 0: two worker threads instead of
 * one; bit 1: --replace-invalid), then the JSON Lines.
 *
 * Checks: the reader either gives an object whose keys and strings are
 * NUL-terminated valid UTF-8 of the length it says, or an error with a
 * message and an offset inside the input; batch mode exits 0 or 1 and
 * writes one line per non-blank input line, each a JSON object that the
 * reader itself accepts, with an "id" member. */
#include <string.h>

#include "cli.h"
#include "fuzz.h"
#include "jsonin.h"
#include "precis.h"

static void check_string(const char *s, size_t len)
{
	CHECK(s && strlen(s) <= len && s[len] == '\0');
	CHECK(precis_utf8_check(s, len, NULL) == PRECIS_OK);
}

static void check_parse(const char *s, size_t len)
{
	cli_jobject o;
	const char *msg = NULL;
	size_t at = (size_t)-1;
	memset(&o, 0, sizeof o);
	if (cli_json_parse_object(&o, s, len, &msg, &at) != 0) {
		CHECK(msg && *msg && at <= len);
		return;
	}
	for (size_t i = 0; i < o.n; i++) {
		const cli_jmember *m = &o.m[i];
		check_string(m->key, m->keylen);
		CHECK(m->v.raw >= s && m->v.raw + m->v.rawlen <= s + len && m->v.rawlen > 0);
		if (m->v.type == CLI_JSTRING)
			check_string(m->v.str, m->v.len);
		/* a key with a NUL inside ("a\u0000b") cannot be asked for by a
		 * C string, and must not answer for its prefix */
		if (strlen(m->key) == m->keylen)
			CHECK(cli_jobject_get(&o, m->key) != NULL);
		else
			CHECK(cli_jobject_get(&o, m->key) != &m->v);
	}
	cli_jobject_free(&o);
}

static int blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned flags = data[0];
	const char *text = (const char *)data + 1;
	size_t len = size - 1;

	/* the reader, on the whole input and on each line */
	check_parse(text, len);
	size_t lines = 0;
	for (size_t s = 0; s < len;) {
		const char *nl = memchr(text + s, '\n', len - s);
		size_t e = nl ? (size_t)(nl - text) : len;
		check_parse(text + s, e - s);
		lines += !blank_line(text + s, e - s);
		s = e + 1;
	}

	/* batch mode */
	char *argv[] = { "precis", "--jsonl", "-j", flags & 1 ? "2" : "1",
	                 flags & 2 ? "--replace-invalid" : "--", NULL };
	FILE *in = fmemopen((void *)(len ? text : "x"), len ? len : 1, "rb");
	CHECK(in);
	if (!len)
		fgetc(in);
	char *out_s = NULL, *err_s = NULL;
	size_t out_n = 0, err_n = 0;
	FILE *out = open_memstream(&out_s, &out_n), *err = open_memstream(&err_s, &err_n);
	CHECK(out && err);
	int status = precis_cli_main(5, argv, in, out, err);
	fclose(in);
	CHECK(fclose(out) == 0 && fclose(err) == 0);
	CHECK(status == 0 || status == 1);

	size_t records = 0;
	for (size_t s = 0; s < out_n;) {
		const char *nl = memchr(out_s + s, '\n', out_n - s);
		CHECK(nl); /* every record ends its line */
		size_t e = (size_t)(nl - out_s);
		cli_jobject o;
		const char *msg;
		size_t at;
		memset(&o, 0, sizeof o);
		CHECK(cli_json_parse_object(&o, out_s + s, e - s, &msg, &at) == 0);
		CHECK(cli_jobject_get(&o, "id") != NULL);
		if (cli_jobject_get(&o, "error"))
			CHECK(status == 1);
		cli_jobject_free(&o);
		records++;
		s = e + 1;
	}
	CHECK(records == lines);
	free(out_s);
	free(err_s);
	return 0;
}
