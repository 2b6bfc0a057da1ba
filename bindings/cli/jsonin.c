/* jsonin.c: a small, strict JSON reader (RFC 8259) for batch mode. */
#include "jsonin.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "precis.h"

#define MAX_DEPTH 256

typedef struct parser {
	const char *s;
	size_t len, i;
	const char *msg;
	int depth;
	/* decoded string scratch */
	char *buf;
	size_t blen, bcap;
} parser;

static int fail(parser *p, const char *msg)
{
	if (!p->msg)
		p->msg = msg;
	return -1;
}

static void skip_ws(parser *p)
{
	while (p->i < p->len) {
		char c = p->s[p->i];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		p->i++;
	}
}

static int put(parser *p, const char *b, size_t n)
{
	if (p->blen + n + 1 > p->bcap) {
		size_t cap = p->bcap ? p->bcap : 256;
		while (cap < p->blen + n + 1)
			cap *= 2;
		char *q = realloc(p->buf, cap);
		if (!q)
			return fail(p, "out of memory");
		p->buf = q;
		p->bcap = cap;
	}
	memcpy(p->buf + p->blen, b, n);
	p->blen += n;
	p->buf[p->blen] = '\0';
	return 0;
}

static int hex4(parser *p, unsigned *out)
{
	unsigned v = 0;
	if (p->len - p->i < 4)
		return fail(p, "invalid \\u escape");
	for (int k = 0; k < 4; k++) {
		char c = p->s[p->i++];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return fail(p, "invalid \\u escape");
	}
	*out = v;
	return 0;
}

static int put_cp(parser *p, unsigned cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return put(p, b, n);
}

/* A string at p->i (the opening quote); decoded into p->buf. */
static int parse_string(parser *p)
{
	p->blen = 0;
	if (put(p, "", 0))
		return -1;
	p->i++; /* '"' */
	for (;;) {
		size_t run = p->i;
		while (p->len - p->i >= 8 && !cli_json_special8(p->s + p->i))
			p->i += 8;
		while (p->i < p->len) {
			unsigned char c = (unsigned char)p->s[p->i];
			if (c == '"' || c == '\\' || c < 0x20)
				break;
			p->i++;
		}
		size_t bad;
		if (precis_utf8_check(p->s + run, p->i - run, &bad) != PRECIS_OK) {
			p->i = run + bad;
			return fail(p, "invalid UTF-8 in a string");
		}
		if (put(p, p->s + run, p->i - run))
			return -1;
		if (p->i >= p->len)
			return fail(p, "unterminated string");
		char c = p->s[p->i];
		if (c == '"') {
			p->i++;
			return 0;
		}
		if (c != '\\')
			return fail(p, "control character in a string");
		p->i++;
		if (p->i >= p->len)
			return fail(p, "unterminated string");
		c = p->s[p->i++];
		char e;
		switch (c) {
		case '"': e = '"'; break;
		case '\\': e = '\\'; break;
		case '/': e = '/'; break;
		case 'b': e = '\b'; break;
		case 'f': e = '\f'; break;
		case 'n': e = '\n'; break;
		case 'r': e = '\r'; break;
		case 't': e = '\t'; break;
		case 'u': {
			unsigned cp, lo;
			if (hex4(p, &cp))
				return -1;
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return fail(p, "unpaired surrogate in a \\u escape");
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (p->len - p->i < 2 || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u')
					return fail(p, "unpaired surrogate in a \\u escape");
				p->i += 2;
				if (hex4(p, &lo))
					return -1;
				if (lo < 0xDC00 || lo > 0xDFFF)
					return fail(p, "unpaired surrogate in a \\u escape");
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			}
			if (put_cp(p, cp))
				return -1;
			continue;
		}
		default:
			p->i--;
			return fail(p, "invalid escape in a string");
		}
		if (put(p, &e, 1))
			return -1;
	}
}

static int parse_number(parser *p, double *out)
{
	size_t start = p->i;
	const char *s = p->s;
	if (p->i < p->len && s[p->i] == '-')
		p->i++;
	if (p->i < p->len && s[p->i] == '0') {
		p->i++;
	} else if (p->i < p->len && s[p->i] >= '1' && s[p->i] <= '9') {
		while (p->i < p->len && s[p->i] >= '0' && s[p->i] <= '9')
			p->i++;
	} else {
		return fail(p, "invalid number");
	}
	if (p->i < p->len && s[p->i] == '.') {
		p->i++;
		if (!(p->i < p->len && s[p->i] >= '0' && s[p->i] <= '9'))
			return fail(p, "invalid number");
		while (p->i < p->len && s[p->i] >= '0' && s[p->i] <= '9')
			p->i++;
	}
	if (p->i < p->len && (s[p->i] == 'e' || s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->len && (s[p->i] == '+' || s[p->i] == '-'))
			p->i++;
		if (!(p->i < p->len && s[p->i] >= '0' && s[p->i] <= '9'))
			return fail(p, "invalid number");
		while (p->i < p->len && s[p->i] >= '0' && s[p->i] <= '9')
			p->i++;
	}
	char tmp[64];
	size_t n = p->i - start;
	if (n >= sizeof tmp) {
		*out = 1e308; /* absurdly long: out of every option's range */
		return 0;
	}
	memcpy(tmp, s + start, n);
	tmp[n] = '\0';
	*out = strtod(tmp, NULL);
	return 0;
}

static int literal(parser *p, const char *word)
{
	size_t n = strlen(word);
	if (p->len - p->i < n || memcmp(p->s + p->i, word, n) != 0)
		return fail(p, "invalid value");
	p->i += n;
	return 0;
}

static int parse_value(parser *p, cli_jvalue *v, int top);

/* An array or an object, checked but not kept. */
static int parse_container(parser *p, int object)
{
	char close = object ? '}' : ']';
	if (++p->depth > MAX_DEPTH)
		return fail(p, "nesting too deep");
	p->i++;
	skip_ws(p);
	if (p->i < p->len && p->s[p->i] == close) {
		p->i++;
		p->depth--;
		return 0;
	}
	for (;;) {
		cli_jvalue v;
		skip_ws(p);
		if (object) {
			if (p->i >= p->len || p->s[p->i] != '"')
				return fail(p, "expected a string key");
			if (parse_string(p))
				return -1;
			skip_ws(p);
			if (p->i >= p->len || p->s[p->i] != ':')
				return fail(p, "expected ':'");
			p->i++;
			skip_ws(p);
		}
		if (parse_value(p, &v, 0))
			return -1;
		skip_ws(p);
		if (p->i < p->len && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->len && p->s[p->i] == close) {
			p->i++;
			p->depth--;
			return 0;
		}
		return fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static int parse_value(parser *p, cli_jvalue *v, int top)
{
	memset(v, 0, sizeof *v);
	if (p->i >= p->len)
		return fail(p, "unexpected end of input");
	v->raw = p->s + p->i;
	size_t start = p->i;
	int rc;
	switch (p->s[p->i]) {
	case '"':
		v->type = CLI_JSTRING;
		rc = parse_string(p);
		if (rc == 0 && top) {
			v->str = malloc(p->blen + 1);
			if (!v->str)
				return fail(p, "out of memory");
			memcpy(v->str, p->buf, p->blen + 1);
			v->len = p->blen;
		}
		break;
	case '{': v->type = CLI_JOBJECT; rc = parse_container(p, 1); break;
	case '[': v->type = CLI_JARRAY; rc = parse_container(p, 0); break;
	case 't': v->type = CLI_JTRUE; rc = literal(p, "true"); break;
	case 'f': v->type = CLI_JFALSE; rc = literal(p, "false"); break;
	case 'n': v->type = CLI_JNULL; rc = literal(p, "null"); break;
	default: v->type = CLI_JNUMBER; rc = parse_number(p, &v->num); break;
	}
	v->rawlen = p->i - start;
	return rc;
}

void cli_jobject_free(cli_jobject *o)
{
	for (size_t k = 0; k < o->n; k++) {
		free(o->m[k].key);
		free(o->m[k].v.str);
	}
	free(o->m);
	memset(o, 0, sizeof *o);
}

int cli_json_parse_object(cli_jobject *o, const char *s, size_t len,
                          const char **msg, size_t *at)
{
	parser p;
	memset(&p, 0, sizeof p);
	memset(o, 0, sizeof *o);
	p.s = s;
	p.len = len;
	skip_ws(&p);
	if (p.i >= p.len || s[p.i] != '{') {
		fail(&p, "not a JSON object");
		goto bad;
	}
	p.i++;
	skip_ws(&p);
	if (p.i < p.len && s[p.i] == '}') {
		p.i++;
	} else {
		for (;;) {
			skip_ws(&p);
			if (p.i >= p.len || s[p.i] != '"') {
				fail(&p, "expected a string key");
				goto bad;
			}
			if (parse_string(&p))
				goto bad;
			if (o->n == o->cap) {
				size_t cap = o->cap ? o->cap * 2 : 8;
				cli_jmember *m = realloc(o->m, cap * sizeof *m);
				if (!m) {
					fail(&p, "out of memory");
					goto bad;
				}
				o->m = m;
				o->cap = cap;
			}
			cli_jmember *m = &o->m[o->n];
			memset(m, 0, sizeof *m);
			if (!(m->key = malloc(p.blen + 1))) {
				fail(&p, "out of memory");
				goto bad;
			}
			memcpy(m->key, p.buf, p.blen + 1);
			m->keylen = p.blen;
			o->n++;
			skip_ws(&p);
			if (p.i >= p.len || s[p.i] != ':') {
				fail(&p, "expected ':'");
				goto bad;
			}
			p.i++;
			skip_ws(&p);
			if (parse_value(&p, &m->v, 1))
				goto bad;
			skip_ws(&p);
			if (p.i < p.len && s[p.i] == ',') {
				p.i++;
				continue;
			}
			if (p.i < p.len && s[p.i] == '}') {
				p.i++;
				break;
			}
			fail(&p, "expected ',' or '}'");
			goto bad;
		}
	}
	skip_ws(&p);
	if (p.i != p.len) {
		fail(&p, "text after the object");
		goto bad;
	}
	free(p.buf);
	return 0;
bad:
	free(p.buf);
	cli_jobject_free(o);
	*msg = p.msg;
	*at = p.i;
	return -1;
}

const cli_jvalue *cli_jobject_get(const cli_jobject *o, const char *key)
{
	size_t n = strlen(key);
	for (size_t k = o->n; k-- > 0;)
		if (o->m[k].keylen == n && memcmp(o->m[k].key, key, n) == 0)
			return &o->m[k].v;
	return NULL;
}
