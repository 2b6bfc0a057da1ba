/* jsonin.h: a small JSON reader for batch mode (one object per line). The
 * top-level object's members are kept; nested values are checked and kept
 * only as their raw text. */
#ifndef PRECIS_CLI_JSONIN_H
#define PRECIS_CLI_JSONIN_H

#include <stddef.h>

typedef enum cli_jtype {
	CLI_JNULL, CLI_JFALSE, CLI_JTRUE, CLI_JNUMBER, CLI_JSTRING, CLI_JARRAY,
	CLI_JOBJECT
} cli_jtype;

typedef struct cli_jvalue {
	cli_jtype type;
	const char *raw;  /* the value's JSON text, inside the parsed input */
	size_t rawlen;
	char *str;        /* CLI_JSTRING: the decoded UTF-8, NUL-terminated */
	size_t len;
	double num;       /* CLI_JNUMBER */
} cli_jvalue;

typedef struct cli_jmember {
	char *key;        /* decoded, NUL-terminated */
	size_t keylen;
	cli_jvalue v;
} cli_jmember;

typedef struct cli_jobject {
	cli_jmember *m;
	size_t n, cap;
} cli_jobject;

/* Parse s[0..len) as one JSON object, with optional white space around it.
 * Returns 0, or -1 with a static message in *msg and the byte offset of
 * the error in *at; on failure *o holds nothing to free. Strings must be
 * valid UTF-8; \u escapes must pair surrogates; depth is limited to 256. */
int cli_json_parse_object(cli_jobject *o, const char *s, size_t len,
                          const char **msg, size_t *at);

/* The value of the last member named key (JSON leaves duplicates to the
 * reader; the last one wins, as in most), or NULL. */
const cli_jvalue *cli_jobject_get(const cli_jobject *o, const char *key);

void cli_jobject_free(cli_jobject *o);

#endif
