/* test_block.c: reading plain text and Markdown into prose blocks
 * (block.c), through pr_segment and pr_blocks. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"

#define MAXS 10

typedef struct bcase {
	const char *name;
	const char *in;
	int format;             /* precis_format */
	const char *want[MAXS]; /* sentence texts, NULL-terminated */
} bcase;

static void check_case(const bcase *c)
{
	pr_arena a;
	pr_arena_init(&a);
	pr_segmentation seg;
	size_t len = strlen(c->in);
	int rc = pr_segment(&seg, &a, c->in, len, (precis_format)c->format,
	                    pr_lang_default());
	cr_assert_eq(rc, PRECIS_OK, "%s: rc %d", c->name, rc);
	const pr_sent *s = seg.sents.data;
	size_t want = 0;
	while (want < MAXS && c->want[want])
		want++;
	for (size_t i = 0; i < seg.sents.len || i < want; i++) {
		const char *got = i < seg.sents.len ? s[i].text : "(none)";
		const char *exp = i < want ? c->want[i] : "(none)";
		cr_expect_str_eq(got, exp, "%s: sentence %zu: got [%s], want [%s]",
		                 c->name, i, got, exp);
		if (i < seg.sents.len) {
			cr_expect(s[i].start < s[i].end && s[i].end <= len, "%s: bounds", c->name);
			cr_expect(i == 0 || s[i].start >= s[i - 1].end, "%s: order", c->name);
		}
	}
	cr_expect_eq(seg.sents.len, want, "%s: %zu sentences, want %zu", c->name,
	             seg.sents.len, want);
	pr_arena_release(&a);
}

#define P PRECIS_FORMAT_PLAIN
#define M PRECIS_FORMAT_MARKDOWN
#define A PRECIS_FORMAT_AUTO

/* The cases live at file scope and the tests get indices: Criterion runs
 * each test in a fresh process, where pointers inside parameters would
 * not survive address randomisation. */
static const bcase cases[] = {
	/* plain text: lines, blank lines, encodings */
	{ "empty", "", P, { NULL } },
	{ "whitespace only", " \t\n\r\n  \n", P, { NULL } },
	{ "paragraphs", "One here.\n\nTwo here.\n", P, { "One here.", "Two here." } },
	{ "wrapped", "a long\nline here\n", P, { "a long line here" } },
	{ "crlf", "One\r\ntwo.\r\n\r\nThree.\r\n", P, { "One two.", "Three." } },
	{ "cr only", "One\rtwo.\r\rThree.", P, { "One two.", "Three." } },
	{ "blank line with spaces", "One.\n \t \nTwo.", P, { "One.", "Two." } },
	{ "bom", "\xEF\xBB\xBFHello.", P, { "Hello." } },
	{ "mid bom ignored", "Hel\xEF\xBB\xBFlo.", P, { "Hello." } },
	{ "invalid utf8", "Bad \xFF byte.", P, { "Bad \xEF\xBF\xBD byte." } },
	{ "truncated utf8", "End \xE2\x80", P, { "End \xEF\xBF\xBD" } },
	{ "nul and controls", "A\x01" "b\0c.", P, { "A b" } },
	{ "tabs collapse", "a\t\tb   c.", P, { "a b c." } },
	{ "nbsp is space", "a\xC2\xA0\xC2\xA0" "b.", P, { "a b." } },
	{ "markdown as plain", "# Title\n\n*x*", P, { "# Title", "*x*" } },
	/* Markdown blocks */
	{ "atx", "# Title #\n\nText.", M, { "Title", "Text." } },
	{ "atx levels", "### Three\n###### Six\n####### Seven", M,
	  { "Three", "Six", "####### Seven" } },
	{ "atx no space", "#hashtag here", M, { "#hashtag here" } },
	{ "setext", "Title\n=====\n\nSub\n---\n\nText.", M, { "Title", "Sub", "Text." } },
	{ "front matter yaml", "---\ntitle: X\n---\nBody.", M, { "Body." } },
	{ "front matter toml", "+++\ntitle = 1\n+++\nBody.", M, { "Body." } },
	{ "unclosed front matter", "---\nBody.", M, { "Body." } },
	{ "fenced code", "Before.\n\n```c\nint x. Y.\n```\nAfter.", M, { "Before.", "After." } },
	{ "tilde fence", "~~~\ncode\n~~~\nAfter.", M, { "After." } },
	{ "unclosed fence", "Before.\n```\ncode. Code.", M, { "Before." } },
	{ "long fence", "````\n```\nin\n````\nOut.", M, { "Out." } },
	{ "indented code", "Para.\n\n    code here.\n\nAfter.", M, { "Para.", "After." } },
	{ "indented continuation", "Para\n    still para.", M, { "Para still para." } },
	{ "table", "| a | b |\n|---|:-:|\n| 1 | 2 |\n\nAfter.", M, { "After." } },
	{ "table no edge pipes", "a | b\n--- | ---\n1 | 2\n\nAfter.", M, { "After." } },
	{ "pipe not table", "a | b is fine.", M, { "a | b is fine." } },
	{ "html block", "<div>\nHidden. Text.\n</div>\n\nShown.", M, { "Shown." } },
	{ "html comment", "<!-- a\n\nb -->\nShown.", M, { "Shown." } },
	{ "inline html at start", "<b>Bold</b> start.", M, { "Bold start." } },
	{ "thematic breaks", "One.\n\n***\n- - -\n___\n\nTwo.", M, { "One.", "Two." } },
	{ "link def", "[x]: http://example.com\n\nText.", M, { "Text." } },
	{ "bullets", "- one\n* two\n+ three", M, { "one", "two", "three" } },
	{ "ordered", "1. one\n2) two\n10. ten", M, { "one", "two", "ten" } },
	{ "list continuation", "- item one\n  continues here.\n- two", M,
	  { "item one continues here.", "two" } },
	{ "list second para", "- item.\n\n  More of it.\n\nOut.", M,
	  { "item.", "More of it.", "Out." } },
	{ "task list", "- [ ] todo\n- [x] done", M, { "todo", "done" } },
	{ "ordered needs 1 to interrupt", "In 2018\n2019. was fine", M, { "In 2018 2019. was fine" } },
	{ "quote", "> Quoted one.\n> Still.\n\nOut.", M, { "Quoted one.", "Still.", "Out." } },
	{ "nested quote", "> > Deep text.", M, { "Deep text." } },
	{ "quote lazy", "> Quoted\nlazy.", M, { "Quoted lazy." } },
	/* inline markup */
	{ "emphasis", "Some **bold** and *em* and __b__ and _e_ and ~~del~~.", M,
	  { "Some bold and em and b and e and del." } },
	{ "snake case", "Use snake_case_name and __init__ here.", M,
	  { "Use snake_case_name and init here." } },
	{ "lone star", "5 * 3 = 15.", M, { "5 * 3 = 15." } },
	{ "code span", "Call `f(x) * 2` now.", M, { "Call f(x) * 2 now." } },
	{ "double backticks", "Use ``a ` b`` ok.", M, { "Use a ` b ok." } },
	{ "unclosed backtick", "A ` alone.", M, { "A ` alone." } },
	{ "link", "A [link](http://x.com \"title\") here.", M, { "A link here." } },
	{ "link parens", "A [link](http://x.com/a_(b)) here.", M, { "A link here." } },
	{ "image", "An ![alt text](img.png) here.", M, { "An alt text here." } },
	{ "ref link", "A [text][ref] here.", M, { "A text here." } },
	{ "shortcut kept", "A [note] here.", M, { "A [note] here." } },
	{ "emphasis in link", "A [**bold** link](u) here.", M, { "A bold link here." } },
	{ "autolink", "See <http://example.com/x> now.", M, { "See http://example.com/x now." } },
	{ "email autolink", "Mail <me@example.org> now.", M, { "Mail me@example.org now." } },
	{ "inline html", "Some <b>bold</b> and <span class=\"x\">span</span>.", M,
	  { "Some bold and span." } },
	{ "escapes", "Not \\*em\\* and \\[x\\].", M, { "Not *em* and [x]." } },
	{ "entities", "A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39; f&nbsp;g &#x263A; &bogus;", M,
	  { "A & B <c> \"d\" 'e' f g \xE2\x98\xBA &bogus;" } },
	{ "footnote ref", "Text[^1] here.", M, { "Text here." } },
	{ "hard break", "Line one\\\nline two.", M, { "Line one line two." } },
	{ "heading emphasis", "# A *b* c", M, { "A b c" } },
	{ "plain runs up to a link's end", "Plain words then [link words here](u) more, &amp; end.", M,
	  { "Plain words then link words here more, & end." } },
	{ "plain head before markup", "A long plain head of words **then** bold.", M,
	  { "A long plain head of words then bold." } },
	{ "plain head before a removed tag", "Head words <br> tail.", M, { "Head words tail." } },
	{ "spaces around removed markup", "One <b> </b> two ** three `x` _y_ z.", M,
	  { "One two ** three x y z." } },
	/* auto detection */
	{ "auto markdown", "# Title\n\nSome **bold** text.\n\n```\ncode\n```\n", A,
	  { "Title", "Some bold text." } },
	{ "auto plain", "Breaking news.\n\n- said one\n\n* note\n\n1. first point was made.\n", A,
	  { "Breaking news.", "said one", "note", "first point was made." } },
};

#define NCASES (sizeof cases / sizeof cases[0])

ParameterizedTestParameters(block, texts)
{
	static size_t idx[NCASES];
	for (size_t i = 0; i < NCASES; i++)
		idx[i] = i;
	return cr_make_param_array(size_t, idx, NCASES);
}

ParameterizedTest(size_t *i, block, texts)
{
	check_case(&cases[*i]);
}

/* Blocks as the callback sees them: kinds, levels and maps. */
typedef struct seen {
	int n;
	pr_block_kind kind[16];
	uint8_t level[16];
	char text[16][64];
	uint32_t map[16][64];
} seen;

static int collect(void *ctx, const pr_block *b)
{
	seen *s = ctx;
	if (s->n >= 16)
		return 1;
	s->kind[s->n] = b->kind;
	s->level[s->n] = b->level;
	size_t n = b->len < 63 ? b->len : 63;
	memcpy(s->text[s->n], b->text, n);
	s->text[s->n][n] = 0;
	for (size_t i = 0; i < n; i++)
		s->map[s->n][i] = (uint32_t)pr_block_offset(b, i);
	s->n++;
	return 0;
}

Test(block, kinds_and_levels)
{
	const char *in = "## Head\n\npara\n\n- item\n\n> quote\n\nSet\n---\n";
	seen s;
	memset(&s, 0, sizeof s);
	cr_assert_eq(pr_blocks(in, strlen(in), PRECIS_FORMAT_MARKDOWN, collect, &s), 0);
	cr_assert_eq(s.n, 5);
	cr_expect_eq(s.kind[0], PR_BLOCK_HEADING);
	cr_expect_eq(s.level[0], 2);
	cr_expect_eq(s.kind[1], PR_BLOCK_PARAGRAPH);
	cr_expect_eq(s.kind[2], PR_BLOCK_LIST_ITEM);
	cr_expect_eq(s.kind[3], PR_BLOCK_QUOTE);
	cr_expect_eq(s.kind[4], PR_BLOCK_HEADING);
	cr_expect_eq(s.level[4], 2);
}

Test(block, callback_status_stops)
{
	const char *in = "a\n\nb\n\nc\n";
	seen s;
	memset(&s, 0, sizeof s);
	s.n = 15;
	cr_expect_eq(pr_blocks(in, strlen(in), PRECIS_FORMAT_PLAIN, collect, &s), 1);
	cr_expect_eq(s.n, 16);
}

/* Every clean byte maps to the caller's byte it came from. */
Test(block, maps)
{
	seen s;
	memset(&s, 0, sizeof s);
	const char *in = "\xEF\xBB\xBF" "ab\r\ncd \xFF" "e";
	cr_assert_eq(pr_blocks(in, strlen(in), PRECIS_FORMAT_PLAIN, collect, &s), 0);
	cr_assert_eq(s.n, 1);
	cr_assert_str_eq(s.text[0], "ab cd \xEF\xBF\xBD" "e");
	uint32_t want[] = { 3, 4, 5, 7, 8, 9, 10, 10, 10, 11 };
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		cr_expect_eq(s.map[0][i], want[i], "byte %zu maps to %u", i, s.map[0][i]);

	memset(&s, 0, sizeof s);
	in = "> **Hi** [yo](u) &amp;";
	cr_assert_eq(pr_blocks(in, strlen(in), PRECIS_FORMAT_MARKDOWN, collect, &s), 0);
	cr_assert_eq(s.n, 1);
	cr_assert_str_eq(s.text[0], "Hi yo &");
	uint32_t want2[] = { 4, 5, 8, 10, 11, 16, 17 };
	for (size_t i = 0; i < sizeof want2 / sizeof want2[0]; i++)
		cr_expect_eq(s.map[0][i], want2[i], "md byte %zu maps to %u", i, s.map[0][i]);
}

/* The plain-text copy reads eight bytes at a time, or sixteen: two spaces,
 * a space before a tab, a line end, a DEL or a non-ASCII byte, at any
 * place of the eight or sixteen (the last one too, where the byte after
 * it is the ninth or seventeenth), is still seen, collapsed or kept, and
 * mapped to its own offset. */
Test(block, whitespace_at_every_offset)
{
	static const struct {
		const char *mid, *clean;
	} ws_cases[] = {
		{ "  ", " " }, { " \t", " " }, { "\t ", " " }, { " \n", " " },
		{ " \x7F", " " }, { " \xC3\xA9", " \xC3\xA9" }, { " ", " " },
	};
	static const char letters[] = "abcdefghijklmnopqrstuvwxyzabcdefghijklm";
	for (size_t c = 0; c < sizeof ws_cases / sizeof ws_cases[0]; c++) {
		for (int pad = 1; pad < 40; pad++) {
			char in[80], want[80];
			snprintf(in, sizeof in, "%.*s%sxyz tail words", pad, letters, ws_cases[c].mid);
			snprintf(want, sizeof want, "%.*s%sxyz tail words", pad, letters,
			         ws_cases[c].clean);
			seen s;
			memset(&s, 0, sizeof s);
			cr_assert_eq(pr_blocks(in, strlen(in), PRECIS_FORMAT_PLAIN, collect, &s), 0);
			cr_assert_eq(s.n, 1);
			cr_expect_str_eq(s.text[0], want, "%zu, pad %d", c, pad);
			/* "xyz" maps to where it is in the input */
			size_t x = strlen(want) - strlen("xyz tail words");
			size_t xin = strlen(in) - strlen("xyz tail words");
			cr_expect_eq(s.map[0][x], xin, "%zu, pad %d: %u", c, pad, s.map[0][x]);
			cr_expect_eq(s.map[0][pad], (uint32_t)pad, "%zu, pad %d", c, pad);
		}
	}
}

/* A paragraph that is one clean line comes as the input's own bytes; one
 * that is not has its clean start copied at once: either way each byte maps
 * to its own offset, and a space before the paragraph or a line end inside
 * it maps where it was. */
Test(block, maps_of_clean_lines)
{
	static const struct {
		const char *in, *text[2];
		uint32_t map[2][12];
	} mcases[] = {
		{ "  Hi \xE2\x80\x9Cyo\xE2\x80\x9D\n\nok", { "Hi \xE2\x80\x9Cyo\xE2\x80\x9D", "ok" },
		  { { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, { 15, 16 } } },
		{ "  Hello\nworld", { "Hello world", NULL },
		  { { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 } } },
		{ "ab  cd\n\n", { "ab cd", NULL }, { { 0, 1, 2, 4, 5 } } },
		{ "\xE2\x80\x9C" "ab\xC2\xA0" "cd\n\n", { "\xE2\x80\x9C" "ab cd", NULL },
		  { { 0, 1, 2, 3, 4, 5, 7, 8 } } },
	};
	for (size_t c = 0; c < sizeof mcases / sizeof mcases[0]; c++) {
		seen s;
		memset(&s, 0, sizeof s);
		const char *in = mcases[c].in;
		cr_assert_eq(pr_blocks(in, strlen(in), PRECIS_FORMAT_PLAIN, collect, &s), 0);
		for (int k = 0; k < 2 && mcases[c].text[k]; k++) {
			cr_assert_gt(s.n, k, "case %zu", c);
			cr_assert_str_eq(s.text[k], mcases[c].text[k], "case %zu", c);
			for (size_t i = 0; i < strlen(mcases[c].text[k]); i++)
				cr_expect_eq(s.map[k][i], mcases[c].map[k][i], "case %zu, block %d, byte %zu: %u",
				             c, k, i, s.map[k][i]);
		}
	}
}

Test(block, sentence_offsets_in_markdown)
{
	const char *in = "# Title\n\nSee [the *docs*](http://x.com). Then go.\n";
	pr_arena a;
	pr_arena_init(&a);
	pr_segmentation seg;
	cr_assert_eq(pr_segment(&seg, &a, in, strlen(in), PRECIS_FORMAT_AUTO,
	                        pr_lang_default()), PRECIS_OK);
	cr_expect_eq(seg.format, PRECIS_FORMAT_MARKDOWN);
	cr_assert_eq(seg.sents.len, 3);
	const pr_sent *s = seg.sents.data;
	cr_expect_str_eq(s[1].text, "See the docs.");
	cr_expect_eq(s[1].start, 9);                       /* 'S' */
	cr_expect_eq(s[1].end, (size_t)(strchr(in, ')') - in) + 2); /* after '.' */
	cr_expect_eq(s[2].start, (size_t)(strstr(in, "Then") - in));
	cr_expect_eq(s[2].end, strlen(in) - 1);
	cr_expect_eq(s[0].block, 0);
	cr_expect_eq(s[1].block, 1);
	cr_expect_eq(seg.nblocks, 2);
	pr_arena_release(&a);
}

typedef struct dcase {
	const char *in;
	int md;
} dcase;

static const dcase dcases[] = {
	{ "# Title\n\nText.", 1 },
	{ "---\ntitle: x\n---\nText.", 1 },
	{ "Text.\n\n```\ncode\n```\n", 1 },
	{ "See [the docs](http://x.com) and [more](y).", 1 },
	{ "a | b\n--|--\n1 | 2\n", 1 },
	{ "Intro.\n\n## Part\n\n- a\n- b\n- c\n", 1 },
	{ "Plain news. The minister said so.\n\nAnother paragraph.", 0 },
	{ "Shopping:\n- milk\n- eggs\n\nThat is all.", 0 },
	{ "Rated #1 in sales.\n\n* Terms apply.\n\n1. Point one.", 0 },
	{ "", 0 },
	/* reStructuredText (a Python changelog): its roles tell it from
	 * Markdown, and then its backquotes are not code spans, wherever the
	 * role comes; without one, three code spans and a list are Markdown */
	{ "- bpo-1: Fix `importlib` examples.\n\n- bpo-2: :func:`urlsplit` lowers it.\n\n"
	  "- bpo-3: Fix `os.utime`.\n\n- bpo-4: Use `x` here.\n", 0 },
	{ "- bpo-1: Fix `importlib` examples.\n\n- bpo-2: Fix `os.utime`.\n\n"
	  "- bpo-3: Use `x` here.\n\nSee :c:func:`PyObject_Call`.\n", 0 },
	{ "- bpo-1: Fix `importlib` examples.\n\n- bpo-2: `urlsplit` lowers it.\n\n"
	  "- bpo-3: Fix `os.utime`.\n\n- bpo-4: Use `x` here.\n", 1 },
	{ "Note:`x` and :`y` are code.\n\nSo is `z`.\n\nAnd `w`.\n", 1 },
	/* a link's destination has no spaces but before its title: R's
	 * "bessel[JY](x, nu)" is a call, not a link */
	{ "o bessel[JY](x, nu) is now correct.\n\n- a\n- b\n- c\n", 0 },
	{ "See [the docs](http://x.com \"Docs\").\n\n- a\n- b\n- c\n", 1 },
	{ "See [the docs](http://x.com) now.\n\n- a\n- b\n- c\n", 1 },
	/* wire copy quotes TeX-style, ``so,'' and `so' inside: no code spans,
	 * but ``code`` closed by two backquotes is one, and so is a `span`
	 * after a quote */
	{ "BOSTON _ He called it ``a disgrace'' and ``a gift.''\n\n"
	  "``We will fight,'' he said. ``Every step.''\n\n"
	  "She spoke of ``the bill'' and ``its cost.''\n", 0 },
	{ "``The `Peanuts' gang,'' he said, ``is retiring.''\n\n"
	  "``It was `kite-eating,' '' she said. ``Odd.''\n\n"
	  "``Fine,'' they said. ``Yes.''\n", 0 },
	{ "Run ``a`b`` first.\n\nThen ``ls -l`` here.\n\nAnd ``x`` too.\n", 1 },
	/* the sniffer looks for CR once over the whole window: lines that a
	 * lone CR or CRLF ends still make a table, and so do those where a
	 * CR comes only after the table */
	{ "| a | b |\r| --- | --- |\r| c | d |\r", 1 },
	{ "| a | b |\r\n| --- | --- |\r\n| c | d |\r\n", 1 },
	{ "| a | b |\n| --- | --- |\n| c | d |\n\nEnd.\r\n", 1 },
	{ "| a | b | --- | --- | c | d |\n", 0 },
	{ "He said ``run it'' and typed `ls`.\n\n``Now,'' he said, `pwd`.\n\n"
	  "``Done'' meant `exit`.\n", 1 },
};

#define NDCASES (sizeof dcases / sizeof dcases[0])

ParameterizedTestParameters(block, detect)
{
	static size_t idx[NDCASES];
	for (size_t i = 0; i < NDCASES; i++)
		idx[i] = i;
	return cr_make_param_array(size_t, idx, NDCASES);
}

ParameterizedTest(size_t *i, block, detect)
{
	const dcase *c = &dcases[*i];
	cr_expect_eq(!!pr_looks_like_markdown(c->in, strlen(c->in)), c->md, "[%s]", c->in);
}

/* The sniffer passes over eight bytes at a time where none of ] * ` is:
 * markup is found wherever it falls, the line's last byte included, and
 * look-alikes are not taken for it. */
Test(block, detect_markup_at_every_offset)
{
	char in[128];
	for (int pad = 0; pad < 24; pad++) {
		memset(in, 'x', (size_t)pad);
		/* a link (2) and strong text (1) */
		strcpy(in + pad, " see [the notes](notes.md) and **this**");
		cr_expect(pr_looks_like_markdown(in, strlen(in)), "pad %d [%s]", pad, in);
		strcpy(in + pad, " see [the notes] (notes.md) and *this*");
		cr_expect(!pr_looks_like_markdown(in, strlen(in)), "pad %d [%s]", pad, in);
		/* code spans (1 each, one a line), the last ending the line */
		strcpy(in + pad, " a `b` c\nd `e` f\ng `h`");
		cr_expect(pr_looks_like_markdown(in, strlen(in)), "pad %d [%s]", pad, in);
		/* a backquote as the line's last byte opens nothing */
		strcpy(in + pad, " a `b` c\nd `e` f\ng h`");
		cr_expect(!pr_looks_like_markdown(in, strlen(in)), "pad %d [%s]", pad, in);
	}
}

/* Read on its own, wire copy with ``TeX quotes'' is plain text and keeps
 * them whole, where as Markdown it lost the opening marks. */
Test(block, tex_quotes_read_as_plain)
{
	static const char in[] = "BOSTON _ He called it ``a disgrace'' and ``a gift.''\n\n"
	                         "``We will fight,'' he said. ``Every step.''\n\n"
	                         "She spoke of ``the bill'' and ``its cost.''\n";
	pr_arena a;
	pr_arena_init(&a);
	pr_segmentation seg;
	cr_assert_eq(pr_segment(&seg, &a, in, sizeof in - 1, PRECIS_FORMAT_AUTO,
	                        pr_lang_default()), PRECIS_OK);
	cr_expect_eq(seg.format, PRECIS_FORMAT_PLAIN);
	const pr_sent *s = seg.sents.data;
	cr_assert_gt(seg.sents.len, 0);
	cr_expect_str_eq(s[0].text, "BOSTON _ He called it ``a disgrace'' and ``a gift.''");
	pr_arena_release(&a);
}

/* Ten megabytes of prose: linear, and quick enough for a test. */
Test(block, big_input_is_linear, .timeout = 20)
{
	static const char para[] = "Mr. Darcy walked in. \"It is a truth,\" said Mrs. Bennet, "
	                           "\"universally acknowledged!\" The end.\n\n";
	size_t plen = sizeof para - 1, n = (10u << 20) / plen, len = n * plen;
	char *in = malloc(len);
	cr_assert(in);
	for (size_t i = 0; i < n; i++)
		memcpy(in + i * plen, para, plen);
	pr_arena a;
	pr_arena_init(&a);
	pr_segmentation seg;
	cr_assert_eq(pr_segment(&seg, &a, in, len, PRECIS_FORMAT_PLAIN, pr_lang_default()),
	             PRECIS_OK);
	cr_expect_eq(seg.sents.len, 3 * n);
	pr_arena_release(&a);
	pr_arena_init(&a);
	cr_assert_eq(pr_segment(&seg, &a, in, len, PRECIS_FORMAT_MARKDOWN, pr_lang_default()),
	             PRECIS_OK);
	cr_expect_eq(seg.sents.len, 3 * n);
	pr_arena_release(&a);
	free(in);
}

/* The sniffer stays linear on a line full of what it looks for. */
Test(block, pathological_sniff, .timeout = 20)
{
	size_t len = 1 << 20;
	char *in = malloc(len);
	cr_assert(in);
	const char *pats[] = { "](", "x](y ", "`", ":r:`", "**a", "| -", "``a `b' ", "``a''" };
	for (size_t p = 0; p < sizeof pats / sizeof pats[0]; p++) {
		size_t k = strlen(pats[p]);
		for (size_t i = 0; i < len; i++)
			in[i] = pats[p][i % k];
		pr_looks_like_markdown(in, len);
	}
	free(in);
}

/* Pathological Markdown stays linear. The scans for a closing bracket stop
 * after SCAN_LIMIT (512) bytes, so a '[' costs up to 512 steps: 256 KB of
 * '[' take about 0.3 s of CPU in a release build and 0.5 s under
 * ASan+UBSan (the test took 4.6 s there with 1 MB, and timed out when
 * the machine was loaded). Without the bound the scans take 256 times as
 * many steps, over a minute in a release build: far past the timeout in
 * any build. */
Test(block, pathological_markdown, .timeout = 20)
{
	size_t len = 256u << 10;
	char *in = malloc(len);
	cr_assert(in);
	const char *pats[] = { "[", "`", "<a", "*_", "![", "&#" };
	for (size_t p = 0; p < sizeof pats / sizeof pats[0]; p++) {
		size_t k = strlen(pats[p]);
		for (size_t i = 0; i < len; i++)
			in[i] = pats[p][i % k];
		pr_arena a;
		pr_arena_init(&a);
		pr_segmentation seg;
		cr_expect_eq(pr_segment(&seg, &a, in, len, PRECIS_FORMAT_MARKDOWN,
		                        pr_lang_default()), PRECIS_OK);
		pr_arena_release(&a);
	}
	free(in);
}

/* The sentence vector is reserved for one sentence per hundred bytes, more
 * than prose has, so that a book's is allocated once instead of being
 * copied at every doubling. */
Test(block, sentences_reserved_up_front)
{
	size_t len = 20000;
	char *text = malloc(len + 1);
	cr_assert(text);
	for (size_t i = 0; i < len; i++)
		text[i] = i % 200 == 199 ? '.' : i % 7 == 6 ? ' ' : 'a';
	text[len] = '\0';
	pr_arena a;
	pr_arena_init(&a);
	pr_segmentation seg;
	cr_assert_eq(pr_segment(&seg, &a, text, len, PRECIS_FORMAT_PLAIN, pr_lang_default()),
	             PRECIS_OK);
	cr_assert_gt(seg.sents.len, 0);
	cr_assert_geq(seg.sents.cap, len / 100 + 16);
	pr_arena_release(&a);
	free(text);
}
