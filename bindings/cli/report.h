/* report.h: a summarized document rendered as text for people or as one
 * JSON object for programs. Rendering only appends to a buffer; writing it
 * out, and failing to, is cli.c's business. */
#ifndef PRECIS_CLI_REPORT_H
#define PRECIS_CLI_REPORT_H

#include "buf.h"
#include "precis.h"

/* What the text report shows. With neither bit it shows the summary. */
#define CLI_SHOW_HEADLINE 0x1u
#define CLI_SHOW_KEYWORDS 0x2u

/* The summary (one sentence a line), or the headline and/or key phrases
 * (one a line, a blank line between the two). Nothing for an empty document. */
void cli_report_text(cli_buf *b, const precis_doc *doc, unsigned show);

/* One compact JSON object and "\n". `name` is what "file" says; `text` and
 * `len` are the bytes the document was built from, for line and column. */
void cli_report_json(cli_buf *b, const precis_doc *doc, const char *name,
                     const char *text, size_t len);

/* The same object for one batch record: "id" (id[0..id_len), JSON text
 * copied as the input had it, or null when id is NULL) instead of "file". */
void cli_report_json_record(cli_buf *b, const precis_doc *doc, const char *id,
                            size_t id_len, const char *text, size_t len);

#endif
