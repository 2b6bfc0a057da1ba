/* cli.c: the precis command: arguments, input files, output and exit status.
 *
 * The flow is read a file whole, build one precis_doc, render it into a
 * buffer, write the buffer; a file that cannot be read or summarized is
 * reported and skipped, and the status says so at the end. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "buf.h"
#include "precis.h"
#include "report.h"

#define PROG "precis"

#define EXIT_INPUT 1 /* an input or runtime error */
#define EXIT_USAGE 2

/* ------------------------------------------------------------------------ */
/* Options                                                                   */

enum opt_id {
	OPT_SENTENCES, OPT_RATIO, OPT_WORDS, OPT_BYTES,
	OPT_HEADLINE, OPT_HEADLINE_BYTES, OPT_HEADLINE_CHARS, OPT_HEADLINE_TOPICS, OPT_HEADLINE_NO_LABEL,
	OPT_KEYWORDS, OPT_KEYWORD_COUNT,
	OPT_JSON, OPT_FORMAT, OPT_LANG, OPT_LIST_LANGUAGES, OPT_SIMILARITY,
	OPT_ORDER, OPT_REPLACE_INVALID, OPT_MAX_BYTES, OPT_DAMPING,
	OPT_TOLERANCE, OPT_MAX_ITERATIONS, OPT_OUTPUT, OPT_JSONL, OPT_JOBS,
	OPT_HELP, OPT_VERSION
};

typedef struct cli_option {
	const char *name;    /* the long name, without "--" */
	char short_name;     /* or 0 */
	const char *arg;     /* the value's name in --help, or NULL for a flag */
	enum opt_id id;
	const char *help;
} cli_option;

/* The one list of options: the parser and --help both read it. */
static const cli_option options[] = {
	{ "sentences", 'n', "N", OPT_SENTENCES,
	  "at most N sentences in the summary (default 3)" },
	{ "ratio", 0, "R", OPT_RATIO,
	  "at most this share of the sentences, 0 < R <= 1" },
	{ "words", 0, "N", OPT_WORDS, "at most N words in the summary" },
	{ "bytes", 0, "N", OPT_BYTES, "at most N bytes of sentence text" },
	{ "headline", 0, NULL, OPT_HEADLINE,
	  "print a headline instead of the summary" },
	{ "headline-bytes", 0, "N", OPT_HEADLINE_BYTES,
	  "headline length limit in bytes (default 75)" },
	{ "headline-chars", 0, "N", OPT_HEADLINE_CHARS,
	  "headline length limit in characters (default none)" },
	{ "headline-topics", 0, NULL, OPT_HEADLINE_TOPICS,
	  "fill the headline's last quarter with key phrases" },
	{ "headline-no-label", 0, NULL, OPT_HEADLINE_NO_LABEL,
	  "no topic label before the headline (\"Topic: ...\")" },
	{ "keywords", 0, NULL, OPT_KEYWORDS,
	  "print the key phrases, best first" },
	{ "keyword-count", 0, "N", OPT_KEYWORD_COUNT,
	  "at most N key phrases (default 10)" },
	{ "json", 0, NULL, OPT_JSON,
	  "print everything as one JSON object per input" },
	{ "format", 0, "FMT", OPT_FORMAT,
	  "input format: auto (default), plain or markdown" },
	{ "lang", 0, "CODE", OPT_LANG,
	  "input language, or auto to detect it (default auto)" },
	{ "list-languages", 0, NULL, OPT_LIST_LANGUAGES,
	  "print the language codes this build knows and exit" },
	{ "similarity", 0, "SIM", OPT_SIMILARITY,
	  "similarity: textrank (default), bm25 or cosine" },
	{ "order", 0, "ORDER", OPT_ORDER,
	  "summary in document (default) or score order" },
	{ "replace-invalid", 0, NULL, OPT_REPLACE_INVALID,
	  "read invalid UTF-8 as U+FFFD instead of failing" },
	{ "max-bytes", 0, "N", OPT_MAX_BYTES,
	  "refuse an input larger than N bytes (default 1 GiB)" },
	{ "damping", 0, "D", OPT_DAMPING,
	  "PageRank damping, 0 < D < 1 (default 0.85)" },
	{ "tolerance", 0, "T", OPT_TOLERANCE,
	  "PageRank stops below this change (default 1e-6)" },
	{ "max-iterations", 0, "N", OPT_MAX_ITERATIONS,
	  "PageRank iteration cap (default 100)" },
	{ "output", 'o', "FILE", OPT_OUTPUT,
	  "write to FILE instead of standard output" },
	{ "jsonl", 0, NULL, OPT_JSONL,
	  "batch: JSON Lines in, one JSON result a line out" },
	{ "jobs", 'j', "N", OPT_JOBS,
	  "with --jsonl, N threads (default: one per core)" },
	{ "help", 'h', NULL, OPT_HELP, "print this help and exit" },
	{ "version", 'V', NULL, OPT_VERSION, "print the version and exit" },
};

#define NOPTIONS (sizeof options / sizeof options[0])

/* Everything the arguments say. Files point into argv. */
typedef struct cli_config {
	precis_options opts;
	unsigned show;        /* CLI_SHOW_* */
	int json;
	int jsonl;
	size_t jobs;          /* 0: one per core */
	int help, version, list_languages;
	const char *output;   /* NULL or "-" for `out` */
	const char **files;
	size_t nfiles;
} cli_config;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static int usage_error(FILE *err, const char *fmt, ...)
{
	va_list ap;

	fputs(PROG ": ", err);
	va_start(ap, fmt);
	vfprintf(err, fmt, ap);
	va_end(ap);
	fputs("\nTry '" PROG " --help'.\n", err);
	return EXIT_USAGE;
}

/* A positive decimal integer no larger than max: digits only, no sign. */
static int parse_count(const char *s, size_t max, size_t *out)
{
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (*end || errno == ERANGE || v == 0 || v > max)
		return -1;
	*out = (size_t)v;
	return 0;
}

/* A finite decimal number (strtod alone would take "inf", " 1" and "0x1"). */
static int parse_real(const char *s, double *out)
{
	if (!((*s >= '0' && *s <= '9') || *s == '.' || *s == '-' || *s == '+'))
		return -1;
	for (const char *p = s; *p; p++)
		if (*p == 'x' || *p == 'X')
			return -1;
	char *end;
	double v = strtod(s, &end);
	if (*end || end == s || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

static int known_language(const char *code)
{
	for (const char *const *l = precis_languages(); *l; l++)
		if (strcmp(*l, code) == 0)
			return 1;
	return 0;
}

/* Apply one option and its value (NULL for a flag). `spelled` is how the
 * user wrote the option, for messages. */
static int apply(cli_config *c, const cli_option *o, const char *spelled,
                 const char *v, FILE *err)
{
	precis_options *p = &c->opts;
	size_t n;
	double d;

	switch (o->id) {
	case OPT_SENTENCES:
	case OPT_WORDS:
	case OPT_BYTES:
	case OPT_HEADLINE_BYTES:
	case OPT_HEADLINE_CHARS:
	case OPT_KEYWORD_COUNT:
	case OPT_MAX_BYTES:
	case OPT_MAX_ITERATIONS:
	case OPT_JOBS:
		if (parse_count(v, o->id == OPT_MAX_ITERATIONS ? UINT_MAX :
		                o->id == OPT_JOBS ? 256 : SIZE_MAX, &n))
			return usage_error(err, "invalid value '%s' for %s: "
			                   "expected a positive integer", v, spelled);
		switch (o->id) {
		case OPT_SENTENCES: p->sentences = n; break;
		case OPT_WORDS: p->words = n; break;
		case OPT_BYTES: p->bytes = n; break;
		case OPT_HEADLINE_BYTES: p->headline_bytes = n; break;
		case OPT_HEADLINE_CHARS: p->headline_chars = n; break;
		case OPT_KEYWORD_COUNT: p->keywords = n; break;
		case OPT_MAX_BYTES: p->max_bytes = n; break;
		case OPT_JOBS: c->jobs = n; break;
		default: p->max_iterations = (unsigned)n; break;
		}
		return 0;
	case OPT_RATIO:
		if (parse_real(v, &d) || !(d > 0.0 && d <= 1.0))
			return usage_error(err, "invalid value '%s' for %s: "
			                   "expected a number in (0, 1]", v, spelled);
		p->ratio = d;
		return 0;
	case OPT_DAMPING:
		if (parse_real(v, &d) || !(d > 0.0 && d < 1.0))
			return usage_error(err, "invalid value '%s' for %s: "
			                   "expected a number in (0, 1)", v, spelled);
		p->damping = d;
		return 0;
	case OPT_TOLERANCE:
		if (parse_real(v, &d) || !(d > 0.0))
			return usage_error(err, "invalid value '%s' for %s: "
			                   "expected a positive number", v, spelled);
		p->tolerance = d;
		return 0;
	case OPT_FORMAT:
		if (strcmp(v, "auto") == 0)
			p->format = PRECIS_FORMAT_AUTO;
		else if (strcmp(v, "plain") == 0)
			p->format = PRECIS_FORMAT_PLAIN;
		else if (strcmp(v, "markdown") == 0)
			p->format = PRECIS_FORMAT_MARKDOWN;
		else
			return usage_error(err, "invalid value '%s' for %s: "
			                   "expected auto, plain or markdown", v, spelled);
		return 0;
	case OPT_SIMILARITY:
		if (strcmp(v, "textrank") == 0)
			p->similarity = PRECIS_SIM_TEXTRANK;
		else if (strcmp(v, "bm25") == 0)
			p->similarity = PRECIS_SIM_BM25;
		else if (strcmp(v, "cosine") == 0)
			p->similarity = PRECIS_SIM_COSINE;
		else
			return usage_error(err, "invalid value '%s' for %s: "
			                   "expected textrank, bm25 or cosine", v, spelled);
		return 0;
	case OPT_ORDER:
		if (strcmp(v, "document") == 0)
			p->flags &= ~PRECIS_FLAG_ORDER_BY_SCORE;
		else if (strcmp(v, "score") == 0)
			p->flags |= PRECIS_FLAG_ORDER_BY_SCORE;
		else
			return usage_error(err, "invalid value '%s' for %s: "
			                   "expected document or score", v, spelled);
		return 0;
	case OPT_LANG:
		if (strcmp(v, "auto") != 0 && !known_language(v))
			return usage_error(err, "unsupported language '%s' for %s "
			                   "(see --list-languages)", v, spelled);
		p->lang = v;
		return 0;
	case OPT_OUTPUT:
		if (!*v)
			return usage_error(err, "invalid value '%s' for %s: "
			                   "expected a file name", v, spelled);
		c->output = v;
		return 0;
	case OPT_HEADLINE: c->show |= CLI_SHOW_HEADLINE; return 0;
	case OPT_KEYWORDS: c->show |= CLI_SHOW_KEYWORDS; return 0;
	case OPT_JSON: c->json = 1; return 0;
	case OPT_JSONL: c->jsonl = 1; return 0;
	case OPT_REPLACE_INVALID: p->flags |= PRECIS_FLAG_REPLACE_INVALID; return 0;
	case OPT_HEADLINE_TOPICS: p->flags |= PRECIS_FLAG_HEADLINE_TOPICS; return 0;
	case OPT_HEADLINE_NO_LABEL: p->flags |= PRECIS_FLAG_HEADLINE_NO_LABEL; return 0;
	case OPT_LIST_LANGUAGES: c->list_languages = 1; return 0;
	case OPT_HELP: c->help = 1; return 0;
	case OPT_VERSION: c->version = 1; return 0;
	}
	return 0;
}

static const cli_option *find_long(const char *name, size_t len)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		if (strlen(options[i].name) == len &&
		    memcmp(options[i].name, name, len) == 0)
			return &options[i];
	return NULL;
}

static const cli_option *find_short(char ch)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		if (options[i].short_name == ch)
			return &options[i];
	return NULL;
}

/* GNU-style arguments: options and files in any order, "--opt=value" or
 * "--opt value", "-n5" or "-n 5", short flags bundled ("-hV"), and "--" ends
 * the options. Long names must be spelled out: no abbreviations, so adding
 * an option never breaks a script. Returns 0 or EXIT_USAGE. */
static int parse_args(cli_config *c, int argc, char **argv, FILE *err)
{
	int only_files = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int rc;

		if (only_files || a[0] != '-' || a[1] == '\0') {
			c->files[c->nfiles++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_files = 1;
			continue;
		}
		if (a[1] == '-') {
			const char *name = a + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			const cli_option *o = find_long(name, len);
			char spelled[64];
			const char *v = NULL;

			snprintf(spelled, sizeof spelled, "--%.*s",
			         (int)(len < 50 ? len : 50), name);
			if (!o)
				return usage_error(err, "unknown option '%s'", spelled);
			if (o->arg) {
				if (eq)
					v = eq + 1;
				else if (i + 1 < argc)
					v = argv[++i];
				else
					return usage_error(err, "option '%s' needs a value",
					                   spelled);
			} else if (eq) {
				return usage_error(err, "option '%s' takes no value",
				                   spelled);
			}
			if ((rc = apply(c, o, spelled, v, err)))
				return rc;
			continue;
		}
		for (const char *p = a + 1; *p; p++) {
			const cli_option *o = find_short(*p);
			char spelled[3] = { '-', *p, '\0' };
			const char *v = NULL;

			if (!o)
				return usage_error(err, "unknown option '%s'", spelled);
			if (o->arg) {
				if (p[1])
					v = p + 1;
				else if (i + 1 < argc)
					v = argv[++i];
				else
					return usage_error(err, "option '%s' needs a value",
					                   spelled);
			}
			if ((rc = apply(c, o, spelled, v, err)))
				return rc;
			if (v)
				break;
		}
	}
	return 0;
}

static void help(cli_buf *b)
{
	cli_buf_puts(b,
	    "Usage: " PROG " [OPTION]... [FILE]...\n"
	    "Print the sentences that carry each FILE, in document order, one a line.\n"
	    "With no FILE, or when FILE is -, read standard input.\n"
	    "\n");
	for (size_t i = 0; i < NOPTIONS; i++) {
		const cli_option *o = &options[i];
		char left[48];
		int n;
		if (o->short_name)
			n = snprintf(left, sizeof left, "  -%c, --%s%s%s", o->short_name,
			             o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		else
			n = snprintf(left, sizeof left, "      --%s%s%s",
			             o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		cli_buf_puts(b, left);
		for (; n < 28; n++)
			cli_buf_putc(b, ' ');
		if (n > 28)
			cli_buf_puts(b, "\n                            ");
		cli_buf_puts(b, o->help);
		cli_buf_putc(b, '\n');
	}
	cli_buf_puts(b,
	    "\n"
	    "Budget options all apply together. --json wins over --headline and\n"
	    "--keywords; with both of those the headline comes first, then a blank\n"
	    "line, then the key phrases.\n"
	    "\n"
	    "Exit status: 0 if all went well, 1 if an input could not be read or\n"
	    "summarized, 2 for a usage error.\n");
}

/* ------------------------------------------------------------------------ */
/* Input                                                                     */

#define READ_TOOBIG (-1)

/* Read all of fp; at most limit bytes (0: no limit). Returns 0, an errno
 * value or READ_TOOBIG. */
static int read_all(FILE *fp, size_t limit, size_t hint, char **data, size_t *len)
{
	size_t cap = hint ? hint + 1 : 64 * 1024, n = 0;
	char *buf = malloc(cap);

	if (!buf)
		return ENOMEM;
	for (;;) {
		if (n == cap) {
			char *p = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				return ENOMEM;
			}
			buf = p;
			cap *= 2;
		}
		errno = 0;
		size_t got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (limit && n > limit) {
			free(buf);
			return READ_TOOBIG;
		}
		if (got == 0 || n < cap) {
			if (ferror(fp)) {
				int e = errno ? errno : EIO;
				free(buf);
				return e;
			}
			if (feof(fp))
				break;
		}
	}
	*data = buf;
	*len = n;
	return 0;
}

/* Read one input, named as the user named it; "-" is `in`. */
static int read_input(const char *path, FILE *in, size_t limit,
                      char **data, size_t *len)
{
	if (strcmp(path, "-") == 0) {
		int rc = read_all(in, limit, 0, data, len);
		clearerr(in); /* a terminal may be read again after ^D */
		return rc;
	}
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return errno;
	struct stat st;
	size_t hint = 0;
	if (fstat(fileno(fp), &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			fclose(fp);
			return EISDIR;
		}
		if (S_ISREG(st.st_mode) && st.st_size > 0 &&
		    (unsigned long long)st.st_size < SIZE_MAX &&
		    (!limit || (unsigned long long)st.st_size <= limit))
			hint = (size_t)st.st_size;
	}
	int rc = read_all(fp, limit, hint, data, len);
	fclose(fp);
	return rc;
}

/* ------------------------------------------------------------------------ */
/* Output                                                                    */

typedef struct sink {
	FILE *fp;
	const char *name; /* for messages */
	int err;          /* errno of the first failed write, or 0 */
} sink;

static int sink_write(sink *s, const cli_buf *b)
{
	if (s->err)
		return -1;
	errno = 0;
	if ((b->len && fwrite(b->data, 1, b->len, s->fp) != b->len) ||
	    fflush(s->fp) != 0) {
		s->err = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

/* Report a failed write. A reader that went away (EPIPE: `precis | head`)
 * is no error worth a message: the command just stops. */
static int sink_failed(const sink *s, FILE *err, int status)
{
	if (s->err == EPIPE)
		return status;
	fprintf(err, PROG ": %s: %s\n", s->name, strerror(s->err));
	return EXIT_INPUT;
}

/* ------------------------------------------------------------------------ */

static int batch_write(void *ctx, const cli_buf *b)
{
	return sink_write(ctx, b);
}

static const char *display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* Summarize one input into b. Returns 0, or EXIT_INPUT after a message. */
static int summarize(const cli_config *c, const char *path, FILE *in,
                     cli_buf *b, FILE *err)
{
	const char *name = display_name(path);
	char *data = NULL;
	size_t len = 0, limit = c->opts.max_bytes;
	int rc = read_input(path, in, limit, &data, &len);

	if (rc == READ_TOOBIG) {
		fprintf(err, PROG ": %s: input too large (more than %zu bytes)\n",
		        name, limit);
		return EXIT_INPUT;
	}
	if (rc) {
		fprintf(err, PROG ": %s: %s\n", name, strerror(rc));
		return EXIT_INPUT;
	}

	precis_doc *doc = NULL;
	rc = precis_doc_new(&doc, data, len, &c->opts);
	if (rc == PRECIS_EUTF8) {
		size_t bad = 0;
		precis_utf8_check(data, len, &bad);
		fprintf(err, PROG ": %s: invalid UTF-8 at byte %zu\n", name, bad);
	} else if (rc) {
		fprintf(err, PROG ": %s: %s\n", name, precis_strerror(rc));
	} else {
		if (c->json)
			cli_report_json(b, doc, path, data, len);
		else
			cli_report_text(b, doc, c->show);
		if (b->oom) {
			fprintf(err, PROG ": %s: %s\n", name, strerror(ENOMEM));
			rc = -1;
		}
	}
	precis_doc_free(doc);
	free(data);
	return rc ? EXIT_INPUT : 0;
}

static int run(const cli_config *c, FILE *in, FILE *out, FILE *err)
{
	static const char *const stdin_only[] = { "-" };
	const char *const *files = c->nfiles ? c->files : stdin_only;
	size_t nfiles = c->nfiles ? c->nfiles : 1;
	int headers = nfiles > 1 && !c->json;
	int status = 0, printed = 0;
	cli_buf b = CLI_BUF_INIT;
	sink s = { out, "<stdout>", 0 };

	if (c->output && strcmp(c->output, "-") != 0) {
		s.name = c->output;
		if (!(s.fp = fopen(c->output, "w"))) {
			fprintf(err, PROG ": %s: %s\n", c->output, strerror(errno));
			return EXIT_INPUT;
		}
	}
	if (c->jsonl) {
		cli_batch bt;
		bt.opts = &c->opts;
		bt.jobs = c->jobs ? (unsigned)c->jobs : cli_batch_default_jobs();
		bt.progress = isatty(fileno(err));
		bt.write = batch_write;
		bt.write_ctx = &s;
		bt.err = err;
		status = cli_batch_run(&bt, files, nfiles, in);
		nfiles = 0;
	}
	for (size_t i = 0; i < nfiles; i++) {
		/* Like head(1): a header before each input that made it, a blank
		 * line between them. A failed input leaves nothing behind. */
		cli_buf_reset(&b);
		if (headers) {
			if (printed)
				cli_buf_putc(&b, '\n');
			cli_buf_puts(&b, "==> ");
			cli_buf_puts(&b, display_name(files[i]));
			cli_buf_puts(&b, " <==\n");
		}
		if (summarize(c, files[i], in, &b, err)) {
			status = EXIT_INPUT;
			continue;
		}
		printed = 1;
		if (sink_write(&s, &b))
			break;
	}
	cli_buf_free(&b);

	errno = 0;
	if (s.fp != out) {
		if (fclose(s.fp) != 0 && !s.err)
			s.err = errno ? errno : EIO;
	} else if (!s.err && fflush(out) != 0) {
		s.err = errno ? errno : EIO;
	}
	return s.err ? sink_failed(&s, err, status) : status;
}

/* Print a small fixed text (help, version, languages) to out. */
static int print_info(const cli_buf *b, FILE *out, FILE *err)
{
	sink s = { out, "<stdout>", 0 };
	if (b->oom) {
		fprintf(err, PROG ": %s\n", strerror(ENOMEM));
		return EXIT_INPUT;
	}
	return sink_write(&s, b) ? sink_failed(&s, err, 0) : 0;
}

int precis_cli_main(int argc, char **argv, FILE *in, FILE *out, FILE *err)
{
	cli_config c;
	int status;

	memset(&c, 0, sizeof c);
	precis_options_init(&c.opts);
	c.files = malloc((argc > 0 ? (size_t)argc : 1) * sizeof *c.files);
	if (!c.files) {
		fprintf(err, PROG ": %s\n", strerror(ENOMEM));
		return EXIT_INPUT;
	}
	status = parse_args(&c, argc, argv, err);
	if (status == 0 && (c.help || c.version || c.list_languages)) {
		cli_buf b = CLI_BUF_INIT;
		if (c.help) {
			help(&b);
		} else if (c.version) {
			cli_buf_puts(&b, PROG " ");
			cli_buf_puts(&b, precis_version());
			cli_buf_putc(&b, '\n');
		} else {
			for (const char *const *l = precis_languages(); *l; l++) {
				cli_buf_puts(&b, *l);
				cli_buf_putc(&b, '\n');
			}
		}
		status = print_info(&b, out, err);
		cli_buf_free(&b);
	} else if (status == 0) {
		status = run(&c, in, out, err);
	}
	free(c.files);
	return status;
}

int precis_cli_run(int argc, char **argv)
{
#ifdef SIGPIPE
	signal(SIGPIPE, SIG_IGN);
#endif
	return precis_cli_main(argc, argv, stdin, stdout, stderr);
}
