/* patho.c: pathological inputs against ordinary text of the same size.
 *
 *   precis-patho [-r RUNS] [-t ORDINARY.txt] [NAME...]
 *
 * For each input of issue 6's list it builds a document (precis_doc_new,
 * defaults, invalid UTF-8 replaced) RUNS times (default 3) and prints the
 * median time next to the median for ordinary text of the same size, and
 * their ratio; the last line names the slowest ratio. Ordinary text is the
 * file given with -t (repeated as needed; the benchmark passes
 * ../shared/bench/bench-10mb.txt), else generated prose. Inputs of a few
 * bytes are not compared (their times are noise); the ratio column then
 * says "-". `meson test -C build --benchmark --suite patho -v` runs it.
 *
 * The expected results (not only the time) are asserted in
 * tests/unit/test_pathological.c. */
#include <precis.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MB (1024 * 1024)

typedef struct text {
	char *s;
	size_t len, cap;
} text;

static void grow(text *t, size_t n)
{
	if (t->len + n + 1 <= t->cap)
		return;
	size_t cap = t->cap ? t->cap : 4096;
	while (cap < t->len + n + 1)
		cap *= 2;
	char *p = realloc(t->s, cap);
	if (!p) {
		fprintf(stderr, "precis-patho: out of memory\n");
		exit(1);
	}
	t->s = p;
	t->cap = cap;
}

static void put(text *t, const char *s, size_t n)
{
	grow(t, n);
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

static void puts_(text *t, const char *s)
{
	put(t, s, strlen(s));
}

static void put_cp(text *t, uint32_t cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | cp >> 18);
		b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		b[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	put(t, b, n);
}

/* A fixed pseudo-random sequence, so every run reads the same bytes. */
static uint64_t seed = 88172645463325252ull;

static uint32_t rnd(uint32_t n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (uint32_t)(seed % n);
}

/* A made-up word, drawn Zipf-like from 4,000 (common words come often). */
static void word(text *t, int cap)
{
	static const char *const syl[] = { "ta", "ro", "mi", "ke", "lu", "san", "dor",
		"vel", "qui", "ber", "nash", "ot", "im", "pra", "gel", "sto" };
	uint32_t u = rnd(4000), r = rnd(4000);
	uint32_t id = (uint32_t)((uint64_t)u * r / 4000); /* skewed to small ids */
	int n = 1 + (int)(id % 3) + (id > 300);
	for (int i = 0; i < n; i++) {
		const char *s = syl[(id >> (4 * i)) % 16 ^ (uint32_t)i];
		if (i == 0 && cap) {
			char c[2] = { (char)(s[0] - 32), 0 };
			puts_(t, c);
			puts_(t, s + 1);
		} else {
			puts_(t, s);
		}
	}
}

/* Generated ordinary prose: sentences of 6-25 words, paragraphs of 2-6
 * sentences, lines wrapped near 72 columns. */
static void prose(text *t, size_t len)
{
	size_t col = 0;
	while (t->len < len) {
		int sentences = 2 + (int)rnd(5);
		for (int s = 0; s < sentences && t->len < len; s++) {
			int words = 6 + (int)rnd(20);
			for (int w = 0; w < words; w++) {
				size_t before = t->len;
				word(t, w == 0);
				if (w == words - 1)
					puts_(t, ".");
				else if (rnd(9) == 0)
					puts_(t, ",");
				col += t->len - before;
				if (col > 72) {
					puts_(t, "\n");
					col = 0;
				} else {
					puts_(t, " ");
					col++;
				}
			}
		}
		puts_(t, "\n\n");
		col = 0;
	}
}

/* Ordinary text of exactly len bytes, from the -t file or generated. */
static char *ordinary_file;
static size_t ordinary_file_len;

static text ordinary(size_t len)
{
	text t = { 0 };
	if (ordinary_file_len) {
		while (t.len < len) {
			size_t n = len - t.len < ordinary_file_len ? len - t.len : ordinary_file_len;
			put(&t, ordinary_file, n);
		}
	} else {
		prose(&t, len);
	}
	t.len = len; /* a character cut in two at the end is read as U+FFFD */
	return t;
}

/* ------------------------------------------------------------------------ */
/* The inputs */

static void gen_empty(text *t) { (void)t; }

static void gen_whitespace(text *t)
{
	static const char *const ws[] = { " ", "\t", "\n", "\r\n", "\r", "\v", "\f",
		"\xC2\xA0", "\xE2\x80\x83", "\xE3\x80\x80", "\xE2\x80\xA8" };
	while (t->len < MB)
		puts_(t, ws[rnd(11)]);
}

static void gen_punctuation(text *t)
{
	static const char p[] = "!?.,;:-()[]{}'\"/*&%$#@^~`|<>+=_\\";
	while (t->len < MB) {
		char c = p[rnd(sizeof p - 1)];
		put(t, &c, 1);
		if (rnd(4) == 0)
			puts_(t, " ");
	}
}

static void gen_long_line(text *t)
{
	while (t->len < 10 * MB) {
		word(t, rnd(5) == 0);
		puts_(t, rnd(8) ? " " : ", ");
	}
}

static void gen_million_sentences(text *t)
{
	for (int i = 0; i < 1000000; i++) {
		word(t, 1);
		puts_(t, i % 10 == 9 ? ".\n" : ". ");
	}
}

static void gen_identical(text *t)
{
	for (int i = 0; i < 100000; i++)
		puts_(t, i % 5 == 4 ? "The cat sat on the mat by the door.\n\n"
		                    : "The cat sat on the mat by the door. ");
}

static void gen_nested(text *t)
{
	static const char *const open[] = { "(", "[", "{", "\"", "'", "\xE2\x80\x9C",
		"\xC2\xAB", "<" };
	static const char *const close[] = { ")", "]", "}", "\"", "'", "\xE2\x80\x9D",
		"\xC2\xBB", ">" };
	while (t->len < MB) {
		int depth = 1000 + (int)rnd(9000), kinds[10000];
		for (int d = 0; d < depth; d++) {
			kinds[d] = (int)rnd(8);
			puts_(t, open[kinds[d]]);
			if (rnd(3) == 0) {
				word(t, 1);
				puts_(t, rnd(4) ? " " : ". ");
			}
		}
		for (int d = depth - 1; d >= 0; d--) {
			puts_(t, close[kinds[d]]);
			if (rnd(5) == 0)
				puts_(t, ". ");
		}
		puts_(t, "\n\n");
	}
}

static void gen_every_code_point(text *t)
{
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
		if (cp < 0xD800 || cp > 0xDFFF)
			put_cp(t, cp);
}

static void gen_nul(text *t)
{
	prose(t, MB);
	for (size_t i = 0; i < t->len; i++)
		if (t->s[i] == ' ' || rnd(50) == 0)
			t->s[i] = '\0';
}

/* One sentence with an invalid byte inserted at every position, then with
 * a truncated sequence at every position, over and over. */
static void gen_invalid(text *t)
{
	static const char base[] = "Caf\xC3\xA9 owners in Z\xC3\xBCrich opened early "
	                           "\xE2\x82\xAC for the \xF0\x9F\x98\x80 crowd.";
	static const char *const bad[] = { "\x80", "\xBF", "\xC0", "\xC3", "\xE2", "\xED",
		"\xF4", "\xF8", "\xFF", "\xE2\x82", "\xF0\x9F\x98", "\xF1\x80", "\xED\xA0\x80" };
	size_t n = sizeof base - 1;
	while (t->len < MB)
		for (size_t pos = 0; pos <= n; pos++)
			for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
				put(t, base, pos);
				puts_(t, bad[b]);
				put(t, base + pos, n - pos);
				puts_(t, " ");
			}
}

static void gen_line_endings(text *t, int mixed)
{
	static const char *const ends[] = { "\r", "\n", "\r\n", "\n\r" };
	text p = { 0 };
	prose(&p, MB);
	for (size_t i = 0; i < p.len; i++) {
		if (p.s[i] == '\n')
			puts_(t, mixed ? ends[rnd(4)] : "\r");
		else
			put(t, p.s + i, 1);
	}
	free(p.s);
}

static void gen_cr(text *t) { gen_line_endings(t, 0); }
static void gen_mixed_endings(text *t) { gen_line_endings(t, 1); }

static void gen_bom(text *t)
{
	text p = { 0 };
	prose(&p, MB);
	for (size_t i = 0; i < p.len; i++) {
		put(t, p.s + i, 1);
		if (p.s[i] == ' ' && rnd(20) == 0)
			puts_(t, "\xEF\xBB\xBF");
	}
	free(p.s);
}

static void gen_rtl(text *t)
{
	static const char *const words[] = {
		"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", "\xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D",
		"\xD7\x91\xD7\x99\xD7\xAA", "\xD7\xA1\xD7\xA4\xD7\xA8",
		"\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85", "\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA8",
		"\xD8\xA8\xD9\x8A\xD8\xAA", "\xD9\x85\xD8\xAF\xD9\x8A\xD9\x86\xD8\xA9",
		"\xE2\x80\x8F", "\xE2\x80\xAB", "\xE2\x80\xAC" };
	while (t->len < MB) {
		int n = 5 + (int)rnd(15);
		for (int w = 0; w < n; w++) {
			puts_(t, words[rnd(8)]);
			if (rnd(6) == 0)
				puts_(t, words[8 + rnd(3)]);
			puts_(t, w + 1 < n ? " " : rnd(3) ? ". " : ".\n\n");
		}
	}
}

static void gen_combining(text *t)
{
	text p = { 0 };
	prose(&p, MB / 3);
	for (size_t i = 0; i < p.len && t->len < MB; i++) {
		put(t, p.s + i, 1);
		char c = p.s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			for (int k = (int)rnd(4); k > 0; k--)
				put_cp(t, 0x300 + rnd(0x70));
	}
	free(p.s);
}

static void gen_emoji(text *t)
{
	static const char *const e[] = {
		"\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6",
		"\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
		"\xE2\x9D\xA4\xEF\xB8\x8F", "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88",
		"1\xEF\xB8\x8F\xE2\x83\xA3", "\xF0\x9F\x98\x80" };
	while (t->len < MB) {
		int n = 5 + (int)rnd(15);
		for (int w = 0; w < n; w++) {
			if (rnd(2))
				puts_(t, e[rnd(7)]);
			else
				word(t, w == 0);
			puts_(t, w + 1 < n ? " " : ". ");
		}
	}
}

typedef struct input {
	const char *name;
	void (*gen)(text *);
} input;

static const input inputs[] = {
	{ "empty", gen_empty },
	{ "only-whitespace", gen_whitespace },
	{ "only-punctuation", gen_punctuation },
	{ "10mb-line-no-stop", gen_long_line },
	{ "1m-one-word-sentences", gen_million_sentences },
	{ "100k-identical-sentences", gen_identical },
	{ "nested-brackets-quotes", gen_nested },
	{ "every-code-point", gen_every_code_point },
	{ "nul-bytes", gen_nul },
	{ "invalid-utf8-everywhere", gen_invalid },
	{ "cr-only-endings", gen_cr },
	{ "mixed-endings", gen_mixed_endings },
	{ "bom-in-the-middle", gen_bom },
	{ "right-to-left", gen_rtl },
	{ "combining-marks", gen_combining },
	{ "emoji-sequences", gen_emoji },
};

#define NINPUTS (sizeof inputs / sizeof inputs[0])

/* ------------------------------------------------------------------------ */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Median milliseconds of `runs` builds; *nsents gets the sentence count. */
static double measure(const char *s, size_t len, int runs, size_t *nsents)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.flags = PRECIS_FLAG_REPLACE_INVALID;
	double ms[64];
	for (int r = 0; r < runs; r++) {
		precis_doc *d = NULL;
		double t0 = now_ms();
		int rc = precis_doc_new(&d, s, len, &o);
		ms[r] = now_ms() - t0;
		if (rc) {
			fprintf(stderr, "precis-patho: %s\n", precis_strerror(rc));
			exit(1);
		}
		*nsents = precis_doc_sentence_count(d);
		precis_doc_free(d);
	}
	qsort(ms, (size_t)runs, sizeof ms[0], cmp_double);
	return ms[runs / 2];
}

static void load_ordinary(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		exit(1);
	}
	text t = { 0 };
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		put(&t, buf, n);
	fclose(fp);
	ordinary_file = t.s;
	ordinary_file_len = t.len;
}

int main(int argc, char **argv)
{
	int runs = 3, only = 0;
	const char *want[NINPUTS + 1];
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-r") == 0 && i + 1 < argc) {
			runs = atoi(argv[++i]);
			if (runs < 1 || runs > 64) {
				fprintf(stderr, "precis-patho: -r takes 1 to 64\n");
				return 2;
			}
		} else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc) {
			load_ordinary(argv[++i]);
		} else if (argv[i][0] == '-') {
			fprintf(stderr, "usage: precis-patho [-r RUNS] [-t ORDINARY.txt] [NAME...]\n");
			return 2;
		} else if (only < (int)NINPUTS) {
			want[only++] = argv[i];
		}
	}

	printf("%-26s %10s %9s %11s %11s %7s\n", "input", "bytes", "sentences",
	       "ms", "ordinary ms", "ratio");
	double worst = 0.0;
	const char *worst_name = "-";
	for (size_t k = 0; k < NINPUTS; k++) {
		int pick = !only;
		for (int w = 0; w < only; w++)
			pick |= strcmp(want[w], inputs[k].name) == 0;
		if (!pick)
			continue;
		text t = { 0 };
		seed = 88172645463325252ull + k;
		inputs[k].gen(&t);
		size_t n = 0, on = 0;
		double ms = measure(t.s ? t.s : "", t.len, runs, &n);
		printf("%-26s %10zu %9zu %11.1f", inputs[k].name, t.len, n, ms);
		if (t.len >= 4096) {
			text o = ordinary(t.len);
			double oms = measure(o.s, o.len, runs, &on);
			double ratio = ms / (oms > 0.001 ? oms : 0.001);
			printf(" %11.1f %7.2f\n", oms, ratio);
			if (ratio > worst) {
				worst = ratio;
				worst_name = inputs[k].name;
			}
			free(o.s);
		} else {
			printf(" %11s %7s\n", "-", "-");
		}
		fflush(stdout);
		free(t.s);
	}
	printf("slowest ratio: %.2f (%s)\n", worst, worst_name);
	return 0;
}
