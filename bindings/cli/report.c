/* report.c: text and JSON renderings of a precis_doc (see report.h). */
#include "report.h"

#include <stdint.h>
#include <string.h>

#include "json.h"

/* A line of text output. The library joins wrapped lines, but the promise of
 * "one item a line" is the CLI's, so any line break left is made a space. */
static void put_line(cli_buf *b, const char *s, size_t len)
{
	size_t run = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n' || s[i] == '\r') {
			cli_buf_put(b, s + run, i - run);
			cli_buf_putc(b, ' ');
			run = i + 1;
		}
	}
	cli_buf_put(b, s + run, len - run);
	cli_buf_putc(b, '\n');
}

void cli_report_text(cli_buf *b, const precis_doc *doc, unsigned show)
{
	size_t len;

	if (!show) {
		size_t n = precis_doc_selected_count(doc);
		for (size_t k = 0; k < n; k++) {
			const char *s = precis_doc_sentence_text(doc,
				precis_doc_selected(doc, k), &len);
			if (s)
				put_line(b, s, len);
		}
		return;
	}
	if (show & CLI_SHOW_HEADLINE) {
		const char *h = precis_doc_headline(doc, &len);
		if (len > 0)
			put_line(b, h, len);
	}
	if (show & CLI_SHOW_KEYWORDS) {
		size_t n = precis_doc_keyword_count(doc);
		if ((show & CLI_SHOW_HEADLINE) && n > 0)
			cli_buf_putc(b, '\n');
		for (size_t k = 0; k < n; k++) {
			const char *s = precis_doc_keyword(doc, k, &len);
			if (s)
				put_line(b, s, len);
		}
	}
}

/* ------------------------------------------------------------------------ */
/* Line and column                                                           */

/* A cursor that walks the text forward once. A line ends at LF, at CRLF
 * (after the LF) or at a lone CR; columns count bytes from 1. */
typedef struct cursor {
	const char *text;
	size_t len;
	size_t off;        /* bytes before this have been counted */
	size_t line;       /* the line `off` is on */
	size_t line_start; /* the offset where that line starts */
} cursor;

static void cursor_init(cursor *c, const char *text, size_t len)
{
	c->text = text;
	c->len = len;
	c->off = 0;
	c->line = 1;
	c->line_start = 0;
}

/* Does one of the eight bytes at s end a line (LF or CR)? */
static int line_end_in8(const char *s)
{
	uint64_t x;
	memcpy(&x, s, 8);
	return (cli_bytes_eq8(x, '\n') | cli_bytes_eq8(x, '\r')) != 0;
}

/* The position of byte `to` (which may be `len`, just past the end). The
 * library reports sentences in document order, so this is one pass in all;
 * an offset behind the cursor only costs a rescan from the top. */
static void cursor_at(cursor *c, size_t to, size_t *line, size_t *column)
{
	if (to > c->len)
		to = c->len;
	if (to < c->off)
		cursor_init(c, c->text, c->len);
	for (size_t i = c->off; i < to; i++) {
		/* lines are long: eight bytes a step to the next line end */
		while (to - i >= 8 && !line_end_in8(c->text + i))
			i += 8;
		if (i == to)
			break;
		char ch = c->text[i];
		if (ch == '\n' ||
		    (ch == '\r' && (i + 1 >= c->len || c->text[i + 1] != '\n'))) {
			c->line++;
			c->line_start = i + 1;
		}
	}
	c->off = to;
	*line = c->line;
	*column = to - c->line_start + 1;
}

/* ------------------------------------------------------------------------ */

static void report_body(cli_buf *b, const precis_doc *doc, const char *text,
                        size_t len);

void cli_report_json(cli_buf *b, const precis_doc *doc, const char *name,
                     const char *text, size_t len)
{
	cli_buf_putc(b, '{');
	cli_json_key(b, "file");
	cli_json_string(b, name, strlen(name));
	report_body(b, doc, text, len);
}

void cli_report_json_record(cli_buf *b, const precis_doc *doc, const char *id,
                            size_t id_len, const char *text, size_t len)
{
	cli_buf_putc(b, '{');
	cli_json_key(b, "id");
	if (id)
		cli_buf_put(b, id, id_len);
	else
		cli_buf_puts(b, "null");
	report_body(b, doc, text, len);
}

/* Everything after the first member: ,"language": ... } and "\n". */
static void report_body(cli_buf *b, const precis_doc *doc, const char *text,
                        size_t len)
{
	const char *s;
	size_t n, slen;
	cursor cur;

	cli_buf_putc(b, ',');
	cli_json_key(b, "language");
	s = precis_doc_language(doc);
	cli_json_string(b, s, strlen(s));
	cli_buf_putc(b, ',');
	cli_json_key(b, "format");
	cli_buf_puts(b, precis_doc_format(doc) == PRECIS_FORMAT_MARKDOWN ?
	             "\"markdown\"" : "\"plain\"");
	cli_buf_putc(b, ',');
	cli_json_key(b, "headline");
	s = precis_doc_headline(doc, &slen);
	cli_json_string(b, s, slen);

	cli_buf_putc(b, ',');
	cli_json_key(b, "keywords");
	cli_buf_putc(b, '[');
	n = precis_doc_keyword_count(doc);
	for (size_t k = 0; k < n; k++) {
		if (k)
			cli_buf_putc(b, ',');
		cli_buf_putc(b, '{');
		cli_json_key(b, "text");
		s = precis_doc_keyword(doc, k, &slen);
		cli_json_string(b, s ? s : "", slen);
		cli_buf_putc(b, ',');
		cli_json_key(b, "score");
		cli_json_number(b, precis_doc_keyword_score(doc, k));
		cli_buf_putc(b, '}');
	}
	cli_buf_putc(b, ']');

	cli_buf_putc(b, ',');
	cli_json_key(b, "summary");
	cli_buf_putc(b, '[');
	n = precis_doc_selected_count(doc);
	for (size_t k = 0; k < n; k++) {
		if (k)
			cli_buf_putc(b, ',');
		cli_buf_size(b, precis_doc_selected(doc, k));
	}
	cli_buf_putc(b, ']');

	cli_buf_putc(b, ',');
	cli_json_key(b, "sentences");
	cli_buf_putc(b, '[');
	cursor_init(&cur, text, len);
	n = precis_doc_sentence_count(doc);
	for (size_t i = 0; i < n; i++) {
		size_t start = precis_doc_sentence_start(doc, i);
		size_t end = precis_doc_sentence_end(doc, i);
		size_t line, col, end_line, end_col;

		cursor_at(&cur, start, &line, &col);
		cursor_at(&cur, end, &end_line, &end_col);
		if (i)
			cli_buf_putc(b, ',');
		cli_buf_puts(b, "{\"index\":");
		cli_buf_size(b, i);
		cli_buf_puts(b, ",\"start\":");
		cli_buf_size(b, start);
		cli_buf_puts(b, ",\"end\":");
		cli_buf_size(b, end);
		cli_buf_puts(b, ",\"line\":");
		cli_buf_size(b, line);
		cli_buf_puts(b, ",\"column\":");
		cli_buf_size(b, col);
		cli_buf_puts(b, ",\"end_line\":");
		cli_buf_size(b, end_line);
		cli_buf_puts(b, ",\"end_column\":");
		cli_buf_size(b, end_col);
		cli_buf_puts(b, ",\"text\":");
		s = precis_doc_sentence_text(doc, i, &slen);
		cli_json_string(b, s ? s : "", slen);
		cli_buf_puts(b, ",\"score\":");
		cli_json_number(b, precis_doc_sentence_score(doc, i));
		cli_buf_puts(b, ",\"rank\":");
		cli_buf_size(b, precis_doc_sentence_rank(doc, i));
		cli_buf_puts(b, ",\"selected\":");
		cli_buf_puts(b, precis_doc_sentence_selected(doc, i) ? "true" : "false");
		cli_buf_putc(b, '}');
	}
	cli_buf_puts(b, "]}\n");
}
