/* batch.c: precis --jsonl (see batch.h).
 *
 * Lines are read in runs of a few hundred; the run is summarized by --jobs
 * threads that take the next line from a shared counter, then written in
 * input order, and the next run is read. Each document is built on one
 * thread with its own arena: the library keeps no global mutable state, so
 * the threads share nothing but the read-only options and the counter. */
#include "batch.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "json.h"
#include "jsonin.h"
#include "report.h"

#define PROG "precis"
#define RUN_LINES_PER_JOB 64
#define RUN_BYTES ((size_t)32 << 20)

typedef struct item {
	char *line;
	size_t len;
	size_t lineno;    /* 1-based, in its file */
	cli_buf out;      /* the record, ending in "\n" */
	int failed;
} item;

typedef struct run {
	const cli_batch *bt;
	item *items;
	size_t n;
	atomic_size_t next;
} run;

unsigned cli_batch_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1u : n > 256 ? 256u : (unsigned)n;
}

static void error_record(item *it, const char *id, size_t id_len, const char *msg)
{
	cli_buf *b = &it->out;
	cli_buf_reset(b);
	cli_buf_putc(b, '{');
	cli_json_key(b, "id");
	if (id)
		cli_buf_put(b, id, id_len);
	else
		cli_buf_puts(b, "null");
	cli_buf_putc(b, ',');
	cli_json_key(b, "error");
	cli_json_string(b, msg, strlen(msg));
	cli_buf_putc(b, ',');
	cli_json_key(b, "line");
	cli_buf_size(b, it->lineno);
	cli_buf_puts(b, "}\n");
	it->failed = 1;
}

/* A count option: a whole number from 1 to max. */
static int get_count(const cli_jvalue *v, size_t max, size_t *out)
{
	if (v->type != CLI_JNUMBER || !(v->num >= 1) || v->num > (double)max ||
	    v->num != floor(v->num))
		return -1;
	*out = (size_t)v->num;
	return 0;
}

static int is_str(const cli_jvalue *v, const char *s)
{
	return v->type == CLI_JSTRING && strcmp(v->str, s) == 0;
}

/* Apply the line's own options to o. Returns NULL or what is wrong. */
static const char *line_options(const cli_jobject *obj, precis_options *o,
                                char *msg, size_t msglen)
{
	static const struct {
		const char *name;
		size_t max;
	} counts[] = {
		{ "sentences", SIZE_MAX }, { "words", SIZE_MAX }, { "bytes", SIZE_MAX },
		{ "headline_bytes", SIZE_MAX }, { "headline_chars", SIZE_MAX },
		{ "keywords", SIZE_MAX },
	};
	for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
		const cli_jvalue *v = cli_jobject_get(obj, counts[k].name);
		size_t n;
		if (!v || v->type == CLI_JNULL)
			continue;
		if (get_count(v, counts[k].max, &n)) {
			snprintf(msg, msglen, "invalid \"%s\": expected a positive integer",
			         counts[k].name);
			return msg;
		}
		switch (k) {
		case 0: o->sentences = n; break;
		case 1: o->words = n; break;
		case 2: o->bytes = n; break;
		case 3: o->headline_bytes = n; break;
		case 4: o->headline_chars = n; break;
		default: o->keywords = n; break;
		}
	}
	const cli_jvalue *v = cli_jobject_get(obj, "ratio");
	if (v && v->type != CLI_JNULL) {
		if (v->type != CLI_JNUMBER || !(v->num > 0.0 && v->num <= 1.0))
			return "invalid \"ratio\": expected a number in (0, 1]";
		o->ratio = v->num;
	}
	if ((v = cli_jobject_get(obj, "lang")) && v->type != CLI_JNULL) {
		if (v->type != CLI_JSTRING)
			return "invalid \"lang\": expected a language code or \"auto\"";
		o->lang = v->str;
	}
	if ((v = cli_jobject_get(obj, "format")) && v->type != CLI_JNULL) {
		if (is_str(v, "auto"))
			o->format = PRECIS_FORMAT_AUTO;
		else if (is_str(v, "plain"))
			o->format = PRECIS_FORMAT_PLAIN;
		else if (is_str(v, "markdown"))
			o->format = PRECIS_FORMAT_MARKDOWN;
		else
			return "invalid \"format\": expected \"auto\", \"plain\" or \"markdown\"";
	}
	if ((v = cli_jobject_get(obj, "similarity")) && v->type != CLI_JNULL) {
		if (is_str(v, "textrank"))
			o->similarity = PRECIS_SIM_TEXTRANK;
		else if (is_str(v, "bm25"))
			o->similarity = PRECIS_SIM_BM25;
		else if (is_str(v, "cosine"))
			o->similarity = PRECIS_SIM_COSINE;
		else
			return "invalid \"similarity\": expected \"textrank\", \"bm25\" or \"cosine\"";
	}
	if ((v = cli_jobject_get(obj, "order")) && v->type != CLI_JNULL) {
		if (is_str(v, "document"))
			o->flags &= ~PRECIS_FLAG_ORDER_BY_SCORE;
		else if (is_str(v, "score"))
			o->flags |= PRECIS_FLAG_ORDER_BY_SCORE;
		else
			return "invalid \"order\": expected \"document\" or \"score\"";
	}
	return NULL;
}

static void summarize_line(const cli_batch *bt, item *it)
{
	cli_jobject obj;
	const char *msg;
	size_t at;
	char tmp[160];

	if (cli_json_parse_object(&obj, it->line, it->len, &msg, &at)) {
		snprintf(tmp, sizeof tmp, "invalid JSON at byte %zu: %s", at + 1, msg);
		error_record(it, NULL, 0, tmp);
		return;
	}
	const cli_jvalue *id = cli_jobject_get(&obj, "id");
	const char *idraw = id ? id->raw : NULL;
	size_t idlen = id ? id->rawlen : 0;
	const cli_jvalue *text = cli_jobject_get(&obj, "text");
	const cli_jvalue *title = cli_jobject_get(&obj, "title");
	precis_options o = *bt->opts;
	char *joined = NULL;
	const char *body;
	size_t blen;

	if (!text) {
		error_record(it, idraw, idlen, "\"text\" is missing");
		goto done;
	}
	if (text->type != CLI_JSTRING) {
		error_record(it, idraw, idlen, "\"text\" is not a string");
		goto done;
	}
	if (title && title->type != CLI_JNULL && title->type != CLI_JSTRING) {
		error_record(it, idraw, idlen, "\"title\" is not a string");
		goto done;
	}
	if ((msg = line_options(&obj, &o, tmp, sizeof tmp))) {
		error_record(it, idraw, idlen, msg);
		goto done;
	}
	body = text->str;
	blen = text->len;
	if (title && title->type == CLI_JSTRING && title->len > 0) {
		/* the title is the text's first paragraph: a plain text's
		 * opening title line is read as its headline */
		if (!(joined = malloc(title->len + 2 + text->len + 1))) {
			error_record(it, idraw, idlen, strerror(ENOMEM));
			goto done;
		}
		memcpy(joined, title->str, title->len);
		memcpy(joined + title->len, "\n\n", 2);
		memcpy(joined + title->len + 2, text->str, text->len);
		body = joined;
		blen = title->len + 2 + text->len;
	}
	precis_doc *doc = NULL;
	int rc = precis_doc_new(&doc, body, blen, &o);
	if (rc) {
		error_record(it, idraw, idlen, precis_strerror(rc));
	} else {
		cli_buf_reset(&it->out);
		cli_report_json_record(&it->out, doc, idraw, idlen, body, blen);
		if (it->out.oom)
			error_record(it, idraw, idlen, strerror(ENOMEM));
	}
	precis_doc_free(doc);
done:
	free(joined);
	cli_jobject_free(&obj);
}

static void *worker(void *arg)
{
	run *r = arg;
	for (;;) {
		size_t k = atomic_fetch_add(&r->next, 1);
		if (k >= r->n)
			break;
		summarize_line(r->bt, &r->items[k]);
		free(r->items[k].line);
		r->items[k].line = NULL;
	}
	return NULL;
}

/* Summarize items[0..n) on bt->jobs threads (this one included). */
static void run_items(const cli_batch *bt, item *items, size_t n)
{
	run r;
	r.bt = bt;
	r.items = items;
	r.n = n;
	atomic_init(&r.next, 0);
	unsigned extra = bt->jobs > 1 ? bt->jobs - 1 : 0;
	if (extra > n)
		extra = (unsigned)n;
	pthread_t tid[256];
	unsigned started = 0;
	for (; started < extra && started < 256; started++)
		if (pthread_create(&tid[started], NULL, worker, &r) != 0)
			break; /* fewer threads; the work still gets done */
	worker(&r);
	for (unsigned t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int cli_batch_run(const cli_batch *bt, const char *const *files, size_t nfiles,
                  FILE *in)
{
	size_t cap = (size_t)RUN_LINES_PER_JOB * (bt->jobs ? bt->jobs : 1);
	item *items = calloc(cap, sizeof *items);
	int status = 0, stop = 0;
	int progress_shown = 0; /* a progress line waits for its newline */
	size_t done = 0, failed = 0;
	double t0 = now_s();
	cli_buf out = CLI_BUF_INIT;

	if (!items) {
		fprintf(bt->err, PROG ": %s\n", strerror(ENOMEM));
		return 1;
	}
	for (size_t f = 0; f < nfiles && !stop; f++) {
		const char *path = files[f];
		int is_stdin = strcmp(path, "-") == 0;
		FILE *fp = is_stdin ? in : fopen(path, "rb");
		const char *name = is_stdin ? "<stdin>" : path;
		size_t lineno = 0, done_before = done, failed_before = failed;
		int eof = 0;

		if (!fp) {
			fprintf(bt->err, PROG ": %s: %s\n", name, strerror(errno));
			status = 1;
			continue;
		}
		while (!eof && !stop) {
			size_t n = 0, bytes = 0;
			while (n < cap && bytes < RUN_BYTES) {
				char *line = NULL;
				size_t lcap = 0;
				errno = 0;
				ssize_t got = getline(&line, &lcap, fp);
				if (got < 0) {
					free(line);
					if (ferror(fp)) {
						fprintf(bt->err, PROG ": %s: %s\n", name,
						        strerror(errno ? errno : EIO));
						status = 1;
					}
					eof = 1;
					break;
				}
				lineno++;
				size_t len = (size_t)got;
				while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
					len--;
				if (blank(line, len)) {
					free(line);
					continue;
				}
				memset(&items[n], 0, sizeof items[n]);
				items[n].line = line;
				items[n].len = len;
				items[n].lineno = lineno;
				bytes += len;
				n++;
			}
			if (n == 0)
				break;
			run_items(bt, items, n);
			cli_buf_reset(&out);
			for (size_t k = 0; k < n; k++) {
				cli_buf_put(&out, items[k].out.data, items[k].out.len);
				failed += (size_t)items[k].failed;
				cli_buf_free(&items[k].out);
			}
			done += n;
			if (out.oom) {
				fprintf(bt->err, PROG ": %s\n", strerror(ENOMEM));
				status = 1;
				stop = 1;
			} else if (bt->write(bt->write_ctx, &out)) {
				stop = 1;
			}
			if (bt->progress) {
				double dt = now_s() - t0;
				fprintf(bt->err, "\r" PROG ": %zu documents, %zu failed, %.0f/s ",
				        done, failed, dt > 0 ? (double)done / dt : 0.0);
				fflush(bt->err);
				progress_shown = 1;
			}
		}
		if (is_stdin)
			clearerr(in);
		else
			fclose(fp);
		/* the exit status will be 1: say why, as for any other failure
		 * (each line's own reason is in its error record) */
		if (failed > failed_before) {
			if (progress_shown)
				fputc('\n', bt->err);
			progress_shown = 0;
			fprintf(bt->err, PROG ": %s: %zu of %zu documents failed (see their error records)\n",
			        name, failed - failed_before, done - done_before);
		}
	}
	if (progress_shown)
		fputc('\n', bt->err);
	cli_buf_free(&out);
	free(items);
	return failed ? 1 : status;
}
