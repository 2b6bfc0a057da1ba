/* json.h: the few JSON encoders the CLI needs, appending to a cli_buf. */
#ifndef PRECIS_CLI_JSON_H
#define PRECIS_CLI_JSON_H

#include "buf.h"

/* A JSON string: quotes, backslashes and control characters escaped, valid
 * UTF-8 copied through, each byte of an invalid sequence written as \ufffd
 * (file names are bytes, not text), so the output is always valid JSON. */
void cli_json_string(cli_buf *b, const char *s, size_t len);

/* A number with six significant digits; NaN and infinities, which JSON
 * cannot carry, are written as 0. */
void cli_json_number(cli_buf *b, double v);

/* "%.6g" of v into out (room for 16) for the v it is sure of, most of
 * those from 1e-4 to 1e6; 0 for the others, which printf writes (json.c
 * says how; tests/cli/numbers.c compares the two). */
size_t cli_format_g6(char *out, double v);

/* `"key":` */
void cli_json_key(cli_buf *b, const char *key);

#endif
