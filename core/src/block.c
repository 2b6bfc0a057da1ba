/* block.c: from the caller's bytes to prose blocks of clean text.
 *
 * The input is read line by line, once. Plain text is paragraphs separated
 * by blank lines. Markdown is read the pragmatic way (not a full CommonMark
 * parser): headings, list items, block quotes and paragraphs are prose;
 * code, front matter, tables, HTML blocks, thematic breaks and link
 * reference definitions are not and are never emitted. Inline markup is
 * removed in a second pass over each block (md_inline).
 *
 * A block is assembled in a scratch buffer (clean bytes plus, for each, the
 * caller's offset it came from), handed to the callback, then reused for
 * the next block, so memory is bounded by the largest block and time is
 * linear in the input.
 */
#include "segment.h"
#include "alloc.h"
#include "bits.h"
#include "utf8.h"

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Scans that look for a closing bracket, paren or '>' stop after this many
 * bytes: links and tags are short, and the bound keeps pathological input
 * (a megabyte of '[') linear. */
#define SCAN_LIMIT 512

/* How far pr_looks_like_markdown reads. */
#define SNIFF_BYTES (64u * 1024u)

/* Clean text and its map to input offsets. Whitespace is collapsed as it is
 * written: a space is only "pending" until a visible byte follows, so
 * leading and trailing whitespace never reach the buffer. */
typedef struct buf {
	char *s;
	uint32_t *m;
	size_t len, cap;
	int space;          /* a space is pending */
	uint32_t space_at;  /* the input offset it maps to */
} buf;

static int buf_reserve(buf *b, size_t extra)
{
	if (b->cap - b->len >= extra)
		return PRECIS_OK;
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len < extra) {
		if (cap > SIZE_MAX / 2 / sizeof(uint32_t))
			return PRECIS_ENOMEM;
		cap *= 2;
	}
	char *s = pr_realloc_raw(b->s, cap);
	if (!s)
		return PRECIS_ENOMEM;
	b->s = s;
	uint32_t *m = pr_realloc_raw(b->m, cap * sizeof *m);
	if (!m)
		return PRECIS_ENOMEM;
	b->m = m;
	b->cap = cap;
	return PRECIS_OK;
}

static void buf_reset(buf *b)
{
	b->len = 0;
	b->space = 0;
}

static void buf_free(buf *b)
{
	pr_free_raw(b->s);
	pr_free_raw(b->m);
}

/* The callers reserve room first, so the writers below cannot fail. One
 * extra byte is always allowed for the pending space. */
static void put_space(buf *b, uint32_t off)
{
	if (!b->space) {
		b->space = 1;
		b->space_at = off;
	}
}

static void put1(buf *b, char c, uint32_t off)
{
	if (b->space) {
		if (b->len) {
			b->s[b->len] = ' ';
			b->m[b->len++] = b->space_at;
		}
		b->space = 0;
	}
	b->s[b->len] = c;
	b->m[b->len++] = off;
}

/* Write n bytes that all map to the same offset (U+FFFD for an invalid
 * byte, a decoded entity): a sentence can then never start or end inside
 * them. */
static void put_same(buf *b, const char *p, size_t n, uint32_t off)
{
	for (size_t i = 0; i < n; i++)
		put1(b, p[i], off);
}

/* Code points read as whitespace: controls (NUL included), Unicode spaces
 * and line separators. */
static int is_space_cp(int32_t cp)
{
	if (cp <= 0x20 || cp == 0x7F || cp == 0x85 || cp == 0xA0)
		return cp >= 0;
	return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Read the code point at t[i] (i < len) into b. Returns bytes consumed.
 * Needs 3 bytes of room per input byte (an invalid byte becomes U+FFFD). */
static size_t put_cp(buf *b, const char *t, size_t i, size_t len)
{
	unsigned char c = (unsigned char)t[i];
	if (c > 0x20 && c < 0x7F) {
		put1(b, (char)c, (uint32_t)i);
		return 1;
	}
	int32_t cp;
	size_t n = pr_utf8_decode((const unsigned char *)t + i, len - i, &cp);
	if (cp < 0) {
		/* U+FFFD for the n invalid bytes: its last byte maps to their
		 * last, so a sentence ending here ends after all of them */
		put_same(b, "\xEF\xBF", 2, (uint32_t)i);
		put1(b, '\xBD', (uint32_t)(i + n - 1));
	} else if (is_space_cp(cp)) {
		put_space(b, (uint32_t)i);
	} else if (cp == 0xFEFF || cp == 0x200B) {
		/* a stray BOM or zero-width space: nothing */
	} else {
		for (size_t k = 0; k < n; k++)
			put1(b, t[i + k], (uint32_t)(i + k));
	}
	return n;
}

#define BYTES(x) ((uint64_t)(x) * 0x0101010101010101u)

/* The top bit of each byte of w that is not in [lo, 0x7E]. */
static uint64_t outside_from(uint64_t w, unsigned lo)
{
	uint64_t low7 = w & BYTES(0x7F);
	return (w | ~(low7 + BYTES(0x80 - lo)) | (low7 + BYTES(0x01))) & BYTES(0x80);
}

/* The top bit of each byte of w that is not printable ASCII. */
static uint64_t outside(uint64_t w)
{
	return outside_from(w, 0x20);
}

/* Append t[i..k), bytes that each map to their own offset, at once. Room
 * must be reserved. */
static void put_same_offsets(buf *b, const char *t, size_t i, size_t k)
{
	memcpy(b->s + b->len, t + i, k - i);
	/* 32-bit counting, which vectorizes four to a register (offsets
	 * fit: the input is below 4 GiB) */
	uint32_t *m = b->m + b->len, off = (uint32_t)i, cnt = (uint32_t)(k - i);
	for (uint32_t q = 0; q < cnt; q++)
		m[q] = off + q;
	b->len += k - i;
}

/* From t[k], past the blocks of eight bytes (up to end) that are all
 * printable ASCII or spaces, each space followed by a printable byte (the
 * ninth byte too): the fast part of put_ascii_run() and verbatim_end().
 * The bytes that follow the eight's are the eight from t[k + 1], read as
 * a number of their own. */
static size_t skip_plain8(const char *t, size_t k, size_t end)
{
	while (k + 9 <= end) {
		/* byte j of the text is byte j of w, and byte j + 1 is byte j
		 * of next, on any machine */
		uint64_t w = pr_load_le64((const unsigned char *)t + k);
		uint64_t next = pr_load_le64((const unsigned char *)t + k + 1);
		/* the top bit of each space, once the eight are known to be
		 * in [0x20, 0x7E]: 0x20 is the only byte left that adding 0x5F
		 * leaves below 0x80 */
		uint64_t sp = ~(w + BYTES(0x5F)) & BYTES(0x80);
		/* the top bit of each byte of next that may not follow a
		 * space: one outside [0x21, 0x7E] */
		uint64_t bad = outside_from(next, 0x21);
		/* one test for a byte out of range and for a space followed by
		 * a space or an unprintable byte, the ninth too: as branches
		 * of their own, the test of a space last went either way at
		 * random (a space is last in one run of eight in six) */
		if (outside(w) | (sp & bad))
			break;
		k += 8;
	}
	return k;
}

#if defined(__SSE2__)
/* skip_plain8() sixteen bytes a step, where the machine has SSE2 (every
 * x86-64 does): the same test in a few instructions for all sixteen, the
 * seventeenth byte read too; the rest, under seventeen bytes or from the
 * first run that fails, is skip_plain8()'s. */
static size_t skip_plain(const char *t, size_t k, size_t end)
{
	while (k + 17 <= end) {
		__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(t + k));
		__m128i next = _mm_loadu_si128((const __m128i *)(const void *)(t + k + 1));
		/* a byte out of range, or a space followed by a space or an
		 * unprintable byte */
		__m128i bad = _mm_or_si128(
			_mm_andnot_si128(pr_bytes_in16(w, 0x20, 0x7E), _mm_set1_epi8(-1)),
			_mm_andnot_si128(pr_bytes_in16(next, 0x21, 0x7E),
			                 _mm_cmpeq_epi8(w, _mm_set1_epi8(' '))));
		if (_mm_movemask_epi8(bad))
			break;
		k += 16;
	}
	return skip_plain8(t, k, end);
}
#else
#define skip_plain skip_plain8
#endif

/* The common case: printable ASCII words with single spaces between them,
 * from t[i] (printable) up to at most end, copied at once. Returns where
 * the run stopped. */
static size_t put_ascii_run(buf *b, const char *t, size_t i, size_t end)
{
	put1(b, t[i], (uint32_t)i); /* writes a pending space first */
	size_t k = skip_plain(t, ++i, end);
	while (k < end) {
		unsigned char d = (unsigned char)t[k];
		if (d > 0x20 && d < 0x7F)
			k++;
		else if (d == ' ' && k + 1 < end && (unsigned char)t[k + 1] > 0x20 &&
		         (unsigned char)t[k + 1] < 0x7F)
			k += 2;
		else
			break;
	}
	put_same_offsets(b, t, i, k);
	return k;
}

/* Does the character at t[i] go into the clean buffer as it stands:
 * printable ASCII, or one that put_cp() copies (valid, and neither a space,
 * a BOM nor a zero-width space)? Its length if so, else 0. */
static size_t verbatim_char(const char *t, size_t i, size_t len)
{
	unsigned char d = (unsigned char)t[i];
	if (d < 0x80)
		return d > 0x20 && d < 0x7F;
	int32_t cp;
	size_t n = pr_utf8_decode((const unsigned char *)t + i, len - i, &cp);
	if (cp < 0 || is_space_cp(cp) || cp == 0xFEFF || cp == 0x200B)
		return 0;
	return n;
}

/* From t[i], a byte put1() would write, the end of the text that goes into
 * the clean buffer as it stands, each byte at its own offset: printable
 * ASCII, the characters put_cp() copies, and single spaces between them.
 * It never ends with a space. */
static size_t verbatim_end(const char *t, size_t i, size_t len)
{
	size_t k = i;
	for (;;) {
		k = skip_plain(t, k, len);
		if (k >= len)
			return k;
		size_t n = verbatim_char(t, k, len);
		if (n)
			k += n;
		else if (t[k] == ' ' && k + 1 < len && verbatim_char(t, k + 1, len))
			k++; /* the character after it is taken next time round */
		else
			return k;
	}
}

/* Append t[s..e) as text. */
static int put_text(buf *b, const char *t, size_t s, size_t e, size_t len)
{
	if (e <= s)
		return PRECIS_OK;
	if (buf_reserve(b, 3 * (e - s) + 1))
		return PRECIS_ENOMEM;
	while (s < e) {
		unsigned char c = (unsigned char)t[s];
		if (c == ' ') {
			put_space(b, (uint32_t)s++);
			continue;
		}
		if (c <= 0x20 || c >= 0x7F) {
			s += put_cp(b, t, s, len);
			continue;
		}
		s = put_ascii_run(b, t, s, e);
	}
	return PRECIS_OK;
}

/* ------------------------------------------------------------------------ */
/* Lines */

typedef struct line {
	size_t s, e;    /* content [s, e), without the line end */
	size_t next;    /* start of the next line */
} line;

/* LF, CRLF and a lone CR all end a line; cr == 0 tells that t[pos..len)
 * holds no CR, which then is not looked for. */
static void read_line_cr(const char *t, size_t len, size_t pos, line *l, int cr)
{
	/* a line of prose is often a whole paragraph: memchr, which reads
	 * many bytes at a time, finds its end */
	size_t i = len;
	if (pos < len) {
		const char *nl = memchr(t + pos, '\n', len - pos);
		if (nl)
			i = (size_t)(nl - t);
		const char *r = cr ? memchr(t + pos, '\r', i - pos) : NULL;
		if (r)
			i = (size_t)(r - t);
	} else {
		i = pos;
	}
	l->s = pos;
	l->e = i;
	if (i < len && t[i] == '\r' && i + 1 < len && t[i + 1] == '\n')
		l->next = i + 2;
	else
		l->next = i < len ? i + 1 : len;
}

static void read_line(const char *t, size_t len, size_t pos, line *l)
{
	read_line_cr(t, len, pos, l, 1);
}

static int is_blank_byte(unsigned char c)
{
	return c <= 0x20 || c == 0x7F;
}

/* A line of only ASCII whitespace and controls. (Unicode spaces make a line
 * non-blank here but add nothing to the clean text, which is harmless.) */
static int is_blank(const char *t, const line *l)
{
	for (size_t i = l->s; i < l->e; i++)
		if (!is_blank_byte((unsigned char)t[i]))
			return 0;
	return 1;
}

static size_t skip_bom(const char *t, size_t len)
{
	return len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

static int deliver(buf *b, pr_block_kind kind, uint8_t level, pr_block_fn fn,
                   void *ctx)
{
	int rc = PRECIS_OK;
	if (b->len) {
		pr_block blk = { b->s, b->len, b->m, kind, level, 0 };
		rc = fn(ctx, &blk);
	}
	buf_reset(b);
	return rc;
}

/* ------------------------------------------------------------------------ */
/* Plain text */

/* The first visible byte of a paragraph is at t[*i]. Most paragraphs of
 * articles and books are one line of text that needs no cleaning, followed
 * by a blank line: such a one goes to the callback as the input's own
 * bytes, neither copied nor mapped. Any other has its first stretch of
 * such text copied at once. *i moves past what was read. */
static int paragraph_start(buf *b, const char *t, size_t *i, size_t len,
                           pr_block_fn fn, void *ctx)
{
	size_t s = *i, k = verbatim_end(t, s, len);
	*i = k;
	if (k == len || (t[k] == '\n' && (k + 1 == len || t[k + 1] == '\n'))) {
		pr_block blk = { t + s, k - s, NULL, PR_BLOCK_PARAGRAPH, 0, s };
		buf_reset(b);
		return fn(ctx, &blk);
	}
	if (buf_reserve(b, k - s))
		return PRECIS_ENOMEM;
	b->space = 0; /* as put1() leaves it: no space before the first byte */
	put_same_offsets(b, t, s, k);
	return PRECIS_OK;
}

/* One pass over the whole input: line ends are handled where the copy loop
 * meets them, so plain text costs one read of each byte. */
static int plain_blocks(const char *t, size_t len, pr_block_fn fn, void *ctx,
                        buf *b)
{
	size_t i = skip_bom(t, len);
	size_t line_len = 0;  /* b->len when the current line began */
	while (i < len) {
		/* room for the next chunk: 3 bytes per input byte, plus slack
		 * for a character that straddles the chunk's end */
		size_t lim = len - i > 4096 ? i + 4096 : len;
		if (buf_reserve(b, 3 * (lim - i) + 8))
			return PRECIS_ENOMEM;
		while (i < lim) {
			unsigned char c = (unsigned char)t[i];
			if (c == '\n' || c == '\r') {
				if (b->len == line_len) {
					/* nothing visible: a blank line ends the paragraph */
					int rc = deliver(b, PR_BLOCK_PARAGRAPH, 0, fn, ctx);
					if (rc)
						return rc;
				} else {
					/* a hard-wrapped line: the join maps to the line end */
					put_space(b, (uint32_t)i);
				}
				line_len = b->len;
				i += c == '\r' && i + 1 < len && t[i + 1] == '\n' ? 2 : 1;
				continue;
			}
			if (c == ' ') {
				put_space(b, (uint32_t)i++);
				continue;
			}
			if (!b->len && verbatim_char(t, i, len)) {
				int rc = paragraph_start(b, t, &i, len, fn, ctx);
				if (rc)
					return rc;
				continue;
			}
			if (c < 0x20 || c >= 0x7F) {
				i += put_cp(b, t, i, len);
				continue;
			}
			i = put_ascii_run(b, t, i, lim);
		}
	}
	return deliver(b, PR_BLOCK_PARAGRAPH, 0, fn, ctx);
}

/* ------------------------------------------------------------------------ */
/* Markdown: inline markup */

static int is_punct(unsigned char c)
{
	return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) ||
	       (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
}

static int is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	       c >= 0x80;
}

/* Inline state for one block: memos that keep failed searches from being
 * repeated, which is what keeps the pass linear. */
typedef struct inl {
	const char *s;
	size_t n;
	unsigned char bt_fail[33]; /* no closing backtick run of this length */
} inl;

/* The end of the code span opened by the k backticks at i, or 0. */
static size_t code_span_end(inl *x, size_t i, size_t k)
{
	if (k >= sizeof x->bt_fail || x->bt_fail[k])
		return 0;
	size_t j = i + k;
	while (j < x->n) {
		if (x->s[j] != '`') {
			j++;
			continue;
		}
		size_t r = j;
		while (r < x->n && x->s[r] == '`')
			r++;
		if (r - j == k)
			return r;
		j = r;
	}
	x->bt_fail[k] = 1;
	return 0;
}

/* The matching close of the bracket at i (open '[' or '('), or 0. */
static size_t match_close(const char *s, size_t n, size_t i, char open, char close)
{
	int depth = 0, quoted = 0;
	size_t lim = i + SCAN_LIMIT < n ? i + SCAN_LIMIT : n;
	for (size_t j = i; j < lim; j++) {
		char c = s[j];
		if (c == '\\') {
			j++;
		} else if (c == '"' && open == '(') {
			quoted = !quoted;
		} else if (quoted) {
			continue;
		} else if (c == open) {
			depth++;
		} else if (c == close && --depth == 0) {
			return j;
		}
	}
	return 0;
}

/* A link or image whose text starts at the '[' at i: sets the position of
 * its ']' and where reading resumes after the destination or reference. */
static int link_at(const inl *x, size_t i, size_t *close, size_t *resume)
{
	size_t j = match_close(x->s, x->n, i, '[', ']');
	if (!j || j + 1 >= x->n)
		return 0;
	size_t k = 0;
	if (x->s[j + 1] == '(')
		k = match_close(x->s, x->n, j + 1, '(', ')');
	else if (x->s[j + 1] == '[')
		k = match_close(x->s, x->n, j + 1, '[', ']');
	if (!k)
		return 0;
	*close = j;
	*resume = k + 1;
	return 1;
}

/* Is the delimiter run s[i..i+k) of '*', '_' or '~' emphasis markup?
 * CommonMark's flanking rules, with '_' never intraword (snake_case) and
 * '~' only as the GFM "~~". Unpaired runs are dropped too: a pragmatic
 * trade for one linear pass. */
static int is_emphasis(const inl *x, size_t i, size_t k)
{
	char c = x->s[i];
	if (c == '~' && k != 2)
		return 0;
	unsigned char before = i ? (unsigned char)x->s[i - 1] : ' ';
	unsigned char after = i + k < x->n ? (unsigned char)x->s[i + k] : ' ';
	int bs = before == ' ', as = after == ' ';
	int bp = is_punct(before), ap = is_punct(after);
	int left = !as && (!ap || bs || bp);
	int right = !bs && (!bp || as || ap);
	if (c == '_')
		return (left && (!right || bp)) || (right && (!left || ap));
	return left || right;
}

/* An entity at s[i] ('&'): writes its text to out (up to 4 bytes) and
 * returns its length, or 0. */
static size_t entity(const char *s, size_t n, size_t i, char *out, size_t *outn)
{
	static const struct { const char *name; const char *text; } names[] = {
		{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
		{ "apos", "'" }, { "nbsp", " " }, { "mdash", "\xE2\x80\x94" },
		{ "ndash", "\xE2\x80\x93" }, { "hellip", "\xE2\x80\xA6" },
		{ "lsquo", "\xE2\x80\x98" }, { "rsquo", "\xE2\x80\x99" },
		{ "ldquo", "\xE2\x80\x9C" }, { "rdquo", "\xE2\x80\x9D" },
	};
	size_t j = i + 1;
	while (j < n && j - i <= 10 && (is_alnum((unsigned char)s[j]) || s[j] == '#'))
		j++;
	if (j >= n || s[j] != ';' || j == i + 1)
		return 0;
	const char *name = s + i + 1;
	size_t nl = j - i - 1;
	if (name[0] == '#') {
		int hex = nl > 1 && (name[1] | 0x20) == 'x';
		uint32_t v = 0;
		size_t d = hex ? 2 : 1;
		if (d >= nl || nl - d > 7)
			return 0;
		for (; d < nl; d++) {
			unsigned char c = (unsigned char)name[d];
			unsigned dv;
			if (c >= '0' && c <= '9')
				dv = c - '0';
			else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
				dv = (c | 0x20) - 'a' + 10;
			else
				return 0;
			v = v * (hex ? 16 : 10) + dv;
		}
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			v = PR_REPLACEMENT;
		*outn = pr_utf8_encode((int32_t)v, out);
		return j + 1 - i;
	}
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
		if (strlen(names[k].name) == nl && memcmp(names[k].name, name, nl) == 0) {
			*outn = strlen(names[k].text);
			memcpy(out, names[k].text, *outn);
			return j + 1 - i;
		}
	}
	return 0;
}

/* An autolink <scheme:...> or <user@host> at s[i]: its end ('>'), or 0. */
static size_t autolink_end(const char *s, size_t n, size_t i)
{
	size_t lim = i + SCAN_LIMIT < n ? i + SCAN_LIMIT : n;
	size_t j = i + 1, colon = 0, at = 0;
	for (; j < lim && s[j] != '>'; j++) {
		if (s[j] == ' ' || s[j] == '<')
			return 0;
		if (s[j] == ':' && !colon)
			colon = j;
		if (s[j] == '@')
			at = j;
	}
	if (j >= lim || j == i + 1)
		return 0;
	if (colon && colon - i - 1 >= 2 && ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'))
		return j;
	if (at && at > i + 1 && at + 1 < j)
		return j;
	return 0;
}

/* An inline HTML tag or comment at s[i] ('<'): its end ('>'), or 0. */
static size_t tag_end(const char *s, size_t n, size_t i)
{
	size_t lim = i + SCAN_LIMIT < n ? i + SCAN_LIMIT : n;
	size_t j = i + 1;
	if (j + 2 < n && memcmp(s + j, "!--", 3) == 0) {
		for (j += 3; j + 2 < lim; j++)
			if (memcmp(s + j, "-->", 3) == 0)
				return j + 2;
		return 0;
	}
	if (j < n && s[j] == '/')
		j++;
	if (j >= n || !((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z'))
		return 0;
	int quote = 0;
	for (; j < lim; j++) {
		if (quote) {
			if (s[j] == quote)
				quote = 0;
		} else if (s[j] == '"' || s[j] == '\'') {
			quote = s[j];
		} else if (s[j] == '>') {
			return j;
		} else if (s[j] == '<') {
			return 0;
		}
	}
	return 0;
}

/* The bytes inline markup can start with (md_inline's cases). */
static const unsigned char inline_start[256] = {
	['\\'] = 1, ['`'] = 1, ['*'] = 1, ['_'] = 1, ['~'] = 1, ['['] = 1,
	['!'] = 1, ['<'] = 1, ['&'] = 1,
};

/* Does s[i..i+8) hold a byte inline markup could start with? Eight
 * lookups or'ed, one branch. */
static int inline_in_eight(const unsigned char *s, size_t i)
{
	return (inline_start[s[i]] | inline_start[s[i + 1]] | inline_start[s[i + 2]] |
	        inline_start[s[i + 3]] | inline_start[s[i + 4]] | inline_start[s[i + 5]] |
	        inline_start[s[i + 6]] | inline_start[s[i + 7]]) != 0;
}

/* Where the first byte inline markup could start with is, or r->len. */
static size_t first_inline(const buf *r)
{
	const unsigned char *s = (const unsigned char *)r->s;
	size_t i = 0;
	while (i + 8 <= r->len && !inline_in_eight(s, i))
		i += 8;
	while (i < r->len && !inline_start[s[i]])
		i++;
	return i;
}

/* From s[i], a visible byte, the end of the run of bytes md_inline would
 * copy one at a time, up to end: none starts inline markup, and a space
 * is followed by a visible byte of the run (the block has no two spaces in
 * a row, and none at its end, but the run stops short of one anyway). */
static size_t plain_run(const char *s, size_t i, size_t end)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k = i;
	while (k < end && !inline_start[u[k]]) {
		if (u[k] == ' ' && (k + 1 >= end || u[k + 1] == ' ' || inline_start[u[k + 1]]))
			break;
		k++;
	}
	return k;
}

/* Copy r into o without inline markup. Every kept byte keeps its map.
 * Nothing before r->s[from] can start any (first_inline()). */
static int md_inline(const buf *r, buf *o, size_t from)
{
	if (buf_reserve(o, r->len + 1))
		return PRECIS_ENOMEM;
	inl x;
	memset(&x, 0, sizeof x);
	x.s = r->s;
	x.n = r->len;
	const char *s = r->s;
	size_t n = r->len;
	/* open links: where their text ends and where reading resumes */
	size_t close[8], resume[8];
	int depth = 0;
	size_t i = 0;
	while (i < n) {
		if (i == 0 && from > 1) {
			/* the plain head of the block at once, but for a space
			 * right before the markup: that one waits, pending */
			size_t e = s[from - 1] == ' ' ? from - 1 : from;
			put1(o, s[0], r->m[0]);
			memcpy(o->s + o->len, s + 1, e - 1);
			memcpy(o->m + o->len, r->m + 1, (e - 1) * sizeof *o->m);
			o->len += e - 1;
			i = e;
			continue;
		}
		if (depth && i >= close[depth - 1]) {
			if (i < resume[depth - 1])
				i = resume[depth - 1];
			depth--;
			continue;
		}
		char c = s[i];
		size_t k, e;
		if (c != ' ' && !inline_start[(unsigned char)c]) {
			/* most of a block: copied as put1() and put_space() would,
			 * the first byte writing any pending space */
			e = plain_run(s, i, depth ? close[depth - 1] : n);
			put1(o, c, r->m[i]);
			memcpy(o->s + o->len, s + i + 1, e - i - 1);
			memcpy(o->m + o->len, r->m + i + 1, (e - i - 1) * sizeof *o->m);
			o->len += e - i - 1;
			i = e;
			continue;
		}
		switch (c) {
		case '\\':
			if (i + 1 < n && is_punct((unsigned char)s[i + 1])) {
				put1(o, s[i + 1], r->m[i + 1]);
				i += 2;
				continue;
			}
			break;
		case '`':
			for (k = 1; i + k < n && s[i + k] == '`'; k++)
				;
			e = code_span_end(&x, i, k);
			if (e) {
				/* the code's text is kept, verbatim */
				for (size_t j = i + k; j < e - k; j++) {
					if (s[j] == ' ')
						put_space(o, r->m[j]);
					else
						put1(o, s[j], r->m[j]);
				}
				i = e;
			} else {
				for (size_t j = 0; j < k; j++)
					put1(o, '`', r->m[i + j]);
				i += k;
			}
			continue;
		case '*': case '_': case '~':
			for (k = 1; i + k < n && s[i + k] == c; k++)
				;
			if (is_emphasis(&x, i, k)) {
				i += k;
			} else {
				for (size_t j = 0; j < k; j++)
					put1(o, c, r->m[i + j]);
				i += k;
			}
			continue;
		case '!':
			if (i + 1 < n && s[i + 1] == '[' && depth < 8 &&
			    link_at(&x, i + 1, &close[depth], &resume[depth])) {
				depth++;
				i += 2;
				continue;
			}
			break;
		case '[':
			if (i + 1 < n && s[i + 1] == '^') {
				/* a footnote reference, [^1]: not prose */
				e = match_close(s, n, i, '[', ']');
				if (e && (e + 1 >= n || (s[e + 1] != '(' && s[e + 1] != ':'))) {
					i = e + 1;
					continue;
				}
			}
			if (depth < 8 && link_at(&x, i, &close[depth], &resume[depth])) {
				depth++;
				i++;
				continue;
			}
			break;
		case '<':
			e = autolink_end(s, n, i);
			if (e) {
				for (size_t j = i + 1; j < e; j++)
					put1(o, s[j], r->m[j]);
				i = e + 1;
				continue;
			}
			e = tag_end(s, n, i);
			if (e) {
				/* a tag separates words only if it did so in the source */
				i = e + 1;
				continue;
			}
			break;
		case '&': {
			char ent[4];
			size_t entn = 0;
			k = entity(s, n, i, ent, &entn);
			if (k) {
				if (entn == 1 && ent[0] == ' ')
					put_space(o, r->m[i]);
				else
					put_same(o, ent, entn, r->m[i]);
				i += k;
				continue;
			}
			break;
		}
		default:
			break;
		}
		if (c == ' ')
			put_space(o, r->m[i]);
		else
			put1(o, c, r->m[i]);
		i++;
	}
	return PRECIS_OK;
}

/* ------------------------------------------------------------------------ */
/* Markdown: blocks */

typedef struct md {
	const char *t;
	size_t len;
	pr_block_fn fn;
	void *ctx;
	buf raw;              /* the open block, block markup removed */
	buf out;              /* the same after inline markup is removed */
	pr_block_kind kind;   /* of the open block */
	uint8_t level;
	size_t join;          /* the previous line's end: where a join maps */
	int in_list;          /* the last block was a list item (or its part) */
	size_t list_indent;   /* the content column of the last list item */
	int prev_blank;
} md;

static int md_flush(md *m)
{
	if (!m->raw.len) {
		buf_reset(&m->raw);
		return PRECIS_OK;
	}
	int rc;
	size_t from = first_inline(&m->raw);
	if (from < m->raw.len) {
		rc = md_inline(&m->raw, &m->out, from);
		buf_reset(&m->raw);
		if (rc)
			return rc;
		return deliver(&m->out, m->kind, m->level, m->fn, m->ctx);
	}
	return deliver(&m->raw, m->kind, m->level, m->fn, m->ctx);
}

/* Add the line's content t[s..e) to the open block (or open one). */
static int md_add(md *m, pr_block_kind kind, size_t s, size_t e, size_t eol)
{
	if (!m->raw.len) {
		m->kind = kind;
		m->level = 0;
	} else {
		put_space(&m->raw, (uint32_t)m->join);
	}
	/* a backslash at the end of a line is a hard line break */
	if (e > s && m->t[e - 1] == '\\')
		e--;
	m->join = eol;
	return put_text(&m->raw, m->t, s, e, m->len);
}

/* Column-aware indentation: tabs advance to the next multiple of 4. */
static size_t indent_of(const char *t, const line *l, size_t *first)
{
	size_t col = 0, i = l->s;
	for (; i < l->e && (t[i] == ' ' || t[i] == '\t'); i++)
		col += t[i] == '\t' ? 4 - col % 4 : 1;
	*first = i;
	return col;
}

/* A line made only of c (at least min of them), spaces allowed between if
 * spaced is set. */
static int only_of(const char *t, size_t s, size_t e, char c, size_t min, int spaced)
{
	size_t count = 0;
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t'))
		e--;
	for (size_t i = s; i < e; i++) {
		if (t[i] == c)
			count++;
		else if (!(spaced && (t[i] == ' ' || t[i] == '\t')))
			return 0;
	}
	return count >= min;
}

static int is_thematic_break(const char *t, size_t s, size_t e)
{
	return only_of(t, s, e, '*', 3, 1) || only_of(t, s, e, '-', 3, 1) ||
	       only_of(t, s, e, '_', 3, 1);
}

/* The length of a code fence opening at t[s], or 0. */
static size_t fence_len(const char *t, size_t s, size_t e)
{
	char c = t[s];
	if (c != '`' && c != '~')
		return 0;
	size_t k = 0;
	while (s + k < e && t[s + k] == c)
		k++;
	if (k < 3)
		return 0;
	if (c == '`' && memchr(t + s + k, '`', e - s - k))
		return 0;  /* a backtick fence's info string has no backticks */
	return k;
}

/* The ATX heading level at t[s], or 0. */
static int atx_level(const char *t, size_t s, size_t e)
{
	size_t k = 0;
	while (s + k < e && t[s + k] == '#' && k < 7)
		k++;
	if (k == 0 || k > 6)
		return 0;
	if (s + k < e && t[s + k] != ' ' && t[s + k] != '\t')
		return 0;
	return (int)k;
}

/* Count table cells: pipes not at the edges, plus one. */
static size_t table_cells(const char *t, size_t s, size_t e)
{
	while (s < e && (t[s] == ' ' || t[s] == '\t'))
		s++;
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t'))
		e--;
	if (s < e && t[s] == '|')
		s++;
	if (e > s && t[e - 1] == '|' && !(e - 1 > s && t[e - 2] == '\\'))
		e--;
	size_t cells = 1;
	for (size_t i = s; i < e; i++) {
		if (t[i] == '\\')
			i++;
		else if (t[i] == '|')
			cells++;
	}
	return cells;
}

/* A GFM table delimiter row: |---|:---:|. */
static int is_delimiter_row(const char *t, size_t s, size_t e)
{
	int dash = 0;
	for (size_t i = s; i < e; i++) {
		char c = t[i];
		if (c == '-')
			dash = 1;
		else if (c != '|' && c != ':' && c != ' ' && c != '\t')
			return 0;
	}
	return dash;
}

static int has_pipe(const char *t, size_t s, size_t e)
{
	return memchr(t + s, '|', e - s) != NULL;
}

/* Does an HTML block start at t[s] ('<')? Comments, processing
 * instructions, declarations and known block-level tags start one anywhere;
 * any other complete tag alone on its line only outside a paragraph. Sets
 * *comment when the block ends at "-->" rather than at a blank line. */
static int html_start(const char *t, size_t s, size_t e, int in_para, int *comment)
{
	static const char *const tags[] = {
		"address", "article", "aside", "blockquote", "body", "center",
		"details", "dialog", "div", "dl", "dt", "dd", "fieldset",
		"figcaption", "figure", "footer", "form", "frame", "h1", "h2", "h3",
		"h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "li",
		"link", "main", "menu", "meta", "nav", "ol", "p", "pre", "script",
		"section", "style", "summary", "table", "tbody", "td", "textarea",
		"tfoot", "th", "thead", "title", "tr", "ul",
	};
	*comment = 0;
	if (s + 1 >= e)
		return 0;
	if (e - s >= 4 && memcmp(t + s, "<!--", 4) == 0) {
		*comment = 1;
		return 1;
	}
	if (t[s + 1] == '?' || t[s + 1] == '!')
		return 1;
	size_t j = s + 1;
	if (t[j] == '/')
		j++;
	size_t n0 = j;
	while (j < e && is_alnum((unsigned char)t[j]) && (unsigned char)t[j] < 0x80)
		j++;
	size_t nl = j - n0;
	if (!nl || (j < e && t[j] != ' ' && t[j] != '>' && t[j] != '/' && t[j] != '\t'))
		return 0;
	for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++) {
		if (strlen(tags[k]) != nl)
			continue;
		size_t q = 0;
		while (q < nl && (t[n0 + q] | 0x20) == tags[k][q])
			q++;
		if (q == nl)
			return 1;
	}
	if (in_para)
		return 0;
	size_t te = tag_end(t, e, s);
	if (!te)
		return 0;
	for (size_t q = te + 1; q < e; q++)
		if (!is_blank_byte((unsigned char)t[q]))
			return 0;
	return 1;
}

/* A link reference definition: [label]: destination */
static int is_link_def(const char *t, size_t s, size_t e)
{
	if (t[s] != '[')
		return 0;
	size_t j = match_close(t, e, s, '[', ']');
	return j && j + 1 < e && t[j + 1] == ':' && j > s + 1;
}

/* A list marker at t[s]: sets the column width of marker plus spacing and
 * whether the item is empty; returns the ordinal (1 for bullets), or -1. */
static long list_marker(const char *t, size_t s, size_t e, size_t *width,
                        int *empty, int *ordered)
{
	size_t j = s;
	long num = 1;
	*ordered = 0;
	if (t[j] == '-' || t[j] == '*' || t[j] == '+') {
		j++;
	} else {
		num = 0;
		while (j < e && j - s < 9 && t[j] >= '0' && t[j] <= '9')
			num = num * 10 + (t[j++] - '0');
		if (j == s || j >= e || (t[j] != '.' && t[j] != ')'))
			return -1;
		j++;
		*ordered = 1;
	}
	if (j < e && t[j] != ' ' && t[j] != '\t')
		return -1;
	size_t sp = 0;
	while (j + sp < e && (t[j + sp] == ' ' || t[j + sp] == '\t'))
		sp++;
	*empty = j + sp >= e;
	if (sp > 4 || sp == 0)
		sp = 1;
	*width = j - s + sp;
	return num;
}

/* Skip a front matter block (YAML "---" or TOML "+++") at pos. */
static size_t front_matter(const char *t, size_t len, size_t pos)
{
	line l;
	read_line(t, len, pos, &l);
	char c;
	if (only_of(t, l.s, l.e, '-', 3, 0) && l.e - l.s >= 3 && t[l.s] == '-')
		c = '-';
	else if (only_of(t, l.s, l.e, '+', 3, 0) && t[l.s] == '+')
		c = '+';
	else
		return pos;
	if (l.e - l.s > 3 && !(t[l.s + 3] == ' ' || t[l.s + 3] == '\t'))
		return pos;
	size_t p = l.next;
	while (p < len) {
		read_line(t, len, p, &l);
		if ((l.e - l.s >= 3 && only_of(t, l.s, l.e, c, 3, 0)) ||
		    (c == '-' && only_of(t, l.s, l.e, '.', 3, 0)))
			return l.next;
		p = l.next;
	}
	return pos;  /* never closed: not front matter */
}

static int md_blocks(md *m)
{
	const char *t = m->t;
	size_t len = m->len;
	size_t pos = skip_bom(t, len);
	pos = front_matter(t, len, pos);
	line l;
	int rc = PRECIS_OK;
	m->prev_blank = 1;
	while (pos < len && !rc) {
		read_line(t, len, pos, &l);
		pos = l.next;
		if (is_blank(t, &l)) {
			rc = md_flush(m);
			m->prev_blank = 1;
			continue;
		}
		size_t p;
		size_t ind = indent_of(t, &l, &p);
		int open = m->raw.len > 0;
		int prev_blank = m->prev_blank;
		m->prev_blank = 0;

		/* A list item's continuation may be indented more than 3. */
		size_t base = m->in_list ? m->list_indent : 0;
		int code_indent = ind >= base + 4;

		if (!open && code_indent && (prev_blank || !m->in_list)) {
			/* indented code: skip to the next line */
			continue;
		}
		if (ind < base + 4 || !open) {
			/* block quote: strip every '>' and go on as quote text */
			if (t[p] == '>' && ind < 4) {
				while (p < l.e && t[p] == '>') {
					p++;
					if (p < l.e && (t[p] == ' ' || t[p] == '\t'))
						p++;
					while (p < l.e && (t[p] == ' ' || t[p] == '\t'))
						p++;
				}
				if (open && m->kind != PR_BLOCK_QUOTE)
					rc = md_flush(m);
				if (rc)
					break;
				m->in_list = 0;
				if (p >= l.e) {
					rc = md_flush(m);
					continue;
				}
				rc = md_add(m, PR_BLOCK_QUOTE, p, l.e, l.e);
				continue;
			}
			size_t flen = fence_len(t, p, l.e);
			if (flen) {
				char fc = t[p];
				rc = md_flush(m);
				while (!rc && pos < len) {
					line f;
					read_line(t, len, pos, &f);
					pos = f.next;
					size_t fp;
					size_t find = indent_of(t, &f, &fp);
					size_t k = 0;
					while (fp + k < f.e && t[fp + k] == fc)
						k++;
					if (find < 4 && k >= flen && only_of(t, fp, f.e, fc, k, 0))
						break;
				}
				m->prev_blank = 1;
				continue;
			}
			int level = atx_level(t, p, l.e);
			if (level) {
				rc = md_flush(m);
				if (rc)
					break;
				size_t s = p + (size_t)level, e = l.e;
				while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t'))
					e--;
				size_t h = e;
				while (h > s && t[h - 1] == '#')
					h--;
				if (h == s || t[h - 1] == ' ' || t[h - 1] == '\t')
					e = h;
				rc = md_add(m, PR_BLOCK_HEADING, s, e, l.e);
				m->level = (uint8_t)level;
				if (!rc)
					rc = md_flush(m);
				m->in_list = 0;
				continue;
			}
			if (open && m->kind == PR_BLOCK_PARAGRAPH && ind < 4 &&
			    (only_of(t, p, l.e, '=', 1, 0) || only_of(t, p, l.e, '-', 1, 0))) {
				/* a setext underline turns the paragraph into a heading */
				m->kind = PR_BLOCK_HEADING;
				m->level = t[p] == '=' ? 1 : 2;
				rc = md_flush(m);
				continue;
			}
			if (is_thematic_break(t, p, l.e) && ind < 4) {
				rc = md_flush(m);
				m->in_list = 0;
				continue;
			}
			int comment;
			if (t[p] == '<' && ind < 4 &&
			    html_start(t, p, l.e, open && m->kind != PR_BLOCK_LIST_ITEM, &comment)) {
				rc = md_flush(m);
				line h = l;
				for (;;) {
					if (comment) {
						int done = 0;
						for (size_t q = h.s; q + 2 < h.e; q++)
							if (memcmp(t + q, "-->", 3) == 0)
								done = 1;
						if (done)
							break;
					}
					if (pos >= len)
						break;
					read_line(t, len, pos, &h);
					if (!comment && is_blank(t, &h))
						break;
					pos = h.next;
				}
				m->in_list = 0;
				continue;
			}
			if (!open && ind < 4 && is_link_def(t, p, l.e))
				continue;
			if (has_pipe(t, p, l.e) && pos < len) {
				line d;
				read_line(t, len, pos, &d);
				if (is_delimiter_row(t, d.s, d.e) && has_pipe(t, d.s, d.e) &&
				    table_cells(t, p, l.e) == table_cells(t, d.s, d.e)) {
					rc = md_flush(m);
					pos = d.next;
					while (pos < len) {
						read_line(t, len, pos, &d);
						if (is_blank(t, &d))
							break;
						pos = d.next;
					}
					continue;
				}
			}
			size_t width;
			int empty, ordered;
			long num = list_marker(t, p, l.e, &width, &empty, &ordered);
			int in_para = open && m->kind == PR_BLOCK_PARAGRAPH;
			if (num >= 0 && !(in_para && (empty || (ordered && num != 1)))) {
				/* a new item; a paragraph only ends for one that
				 * CommonMark lets interrupt it */
				rc = md_flush(m);
				if (rc)
					break;
				m->in_list = 1;
				m->list_indent = ind + width;
				size_t s = p + width;
				if (s > l.e)
					s = l.e;
				while (s < l.e && (t[s] == ' ' || t[s] == '\t'))
					s++;
				/* a task list box, "[ ]" or "[x]" */
				if (s + 3 <= l.e && t[s] == '[' && t[s + 2] == ']' &&
				    (t[s + 1] == ' ' || (t[s + 1] | 0x20) == 'x'))
					s += 3;
				rc = md_add(m, PR_BLOCK_LIST_ITEM, s, l.e, l.e);
				continue;
			}
		}
		if (open) {
			rc = md_add(m, m->kind, p, l.e, l.e);
			continue;
		}
		/* a new paragraph: inside a list when indented under its item */
		pr_block_kind kind = PR_BLOCK_PARAGRAPH;
		if (m->in_list && ind >= 2)
			kind = PR_BLOCK_LIST_ITEM;
		else
			m->in_list = 0;
		rc = md_add(m, kind, p, l.e, l.e);
	}
	if (!rc)
		rc = md_flush(m);
	return rc;
}

int pr_blocks(const char *text, size_t len, precis_format format,
              pr_block_fn fn, void *ctx)
{
	if (!text || !len)
		return PRECIS_OK;
	int rc;
	if (format == PRECIS_FORMAT_MARKDOWN) {
		md m;
		memset(&m, 0, sizeof m);
		m.t = text;
		m.len = len;
		m.fn = fn;
		m.ctx = ctx;
		rc = md_blocks(&m);
		buf_free(&m.raw);
		buf_free(&m.out);
	} else {
		buf b;
		memset(&b, 0, sizeof b);
		rc = plain_blocks(text, len, fn, ctx, &b);
		buf_free(&b);
	}
	return rc;
}

/* ------------------------------------------------------------------------ */
/* Detection */

/* Markdown if, in the first 64 KB, the signals add up to 3 or more:
 *   3  fenced code, front matter, a table delimiter row under a piped line,
 *      an ATX heading as the first non-blank line
 *   2  any other ATX heading ("# Title"), an inline link "[text](x)"
 *   1  "**strong**" or "`code`" (each), and once for three or more list
 *      items at line starts
 * A plain article with a few "- " or "1." lines, a stray "*" or "#1 hit"
 * scores below 3 and stays plain, and so does wire copy whose ``quotes''
 * are typeset TeX-style: they are not code spans.
 *
 * Backquotes mark code in reStructuredText too, whose changelogs and
 * docstrings also have "- " lists: there `name` is interpreted text, and
 * the text gives itself away by a role (:func:`name`), which Markdown does
 * not write. Where one appears, code spans are no evidence of Markdown. */

/* The bytes that begin inline markup the sniffer counts. */
static const unsigned char sniffed[256] = { [']'] = 1, ['*'] = 1, ['`'] = 1 };

/* Non-zero exactly when some byte of w equals c. (The top bits it sets can
 * also mark a byte after a match, where the borrow runs on, but never one
 * when nothing matches.) */
static uint64_t equal_bytes(uint64_t w, unsigned char c)
{
	uint64_t v = w ^ BYTES(c);
	return (v - BYTES(0x01)) & ~v & BYTES(0x80);
}

/* Does t[0..8) hold a sniffed byte? Most eight-byte runs of prose do not,
 * and are passed over at once. */
static int sniffed_in_eight(const char *t)
{
	uint64_t w;
	memcpy(&w, t, 8);
	return (equal_bytes(w, ']') | equal_bytes(w, '*') | equal_bytes(w, '`')) != 0;
}

/* Bytes that can start the inline markup counted below. */
static int has_sniffed(const char *t, size_t s, size_t e)
{
	return memchr(t + s, ']', e - s) || memchr(t + s, '*', e - s) ||
	       memchr(t + s, '`', e - s);
}

static int is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* A reStructuredText role right before the backquote at t[i] of a line
 * starting at s: ":name:`", ":c:func:`". */
static int role_before(const char *t, size_t s, size_t i)
{
	if (i < s + 3 || t[i - 1] != ':')
		return 0;
	size_t j = i - 1;
	while (j > s && (is_ascii_alnum((unsigned char)t[j - 1]) || t[j - 1] == '-' ||
	                 t[j - 1] == '_' || t[j - 1] == '.'))
		j--;
	return j > s && j < i - 1 && t[j - 1] == ':';
}

/* Does a link destination start at t[i], after "](", and close on its line?
 * It has no spaces but before a title in quotes: "[text](url)" and
 * "[text](url "Title")", not the call in "bessel[JY](x, nu)". Like the
 * other scans for a closing paren, it gives up after SCAN_LIMIT bytes. */
static int link_destination(const char *t, size_t i, size_t e)
{
	if (e - i > SCAN_LIMIT)
		e = i + SCAN_LIMIT;
	for (; i < e; i++) {
		if (t[i] == ')')
			return 1;
		if (t[i] == ' ') {
			while (i < e && t[i] == ' ')
				i++;
			return i < e && (t[i] == '"' || t[i] == '\'') &&
			       memchr(t + i, ')', e - i) != NULL;
		}
	}
	return 0;
}

/* The end of a TeX-style quote opened by the backquote at t[i], on a line
 * t[s..e), or 0. Typeset news wires (the NYT and AP copy of DUC) write
 * ``quote'' with two backquotes and two apostrophes, and a quote inside it
 * as `word'; a code span would close with backquotes instead. So exactly
 * two backquotes, then a "''" before any further backquote on the line
 * but those of single quotes. The end returned is past the "''". */
static size_t tex_quote(const char *t, size_t i, size_t s, size_t e)
{
	if ((i > s && t[i - 1] == '`') || i + 2 >= e || t[i + 1] != '`' || t[i + 2] == '`')
		return 0;
	for (size_t j = i + 2; j + 1 < e; j++) {
		if (t[j] == '\'' && t[j + 1] == '\'')
			return j + 2;
		if (t[j] != '`')
			continue;
		/* a single quote, `word', opens and closes before the double
		 * quote closes; anything else is no TeX quote */
		if (t[j + 1] == '`')
			return 0;
		size_t k = j + 1;
		while (k < e && t[k] != '\'' && t[k] != '`')
			k++;
		if (k >= e || t[k] == '`')
			return 0;
		j = k;
	}
	return 0;
}

int pr_looks_like_markdown(const char *text, size_t len)
{
	if (!text)
		return 0;
	if (len > SNIFF_BYTES)
		len = SNIFF_BYTES;
	size_t pos = skip_bom(text, len);
	if (front_matter(text, len, pos) != pos)
		return 1;
	/* score: every signal but code spans, which are counted apart (code)
	 * until the whole window shows whether reStructuredText marks (rst)
	 * take their weight away */
	int score = 0, code = 0, rst = 0, lists = 0, first = 1;
	const char *prev_s = NULL;
	size_t prev_n = 0;
	line l;
	/* most texts hold no CR, and most plain ones none of ] * ` either:
	 * one look at the whole window each, rather than one per line */
	int cr = memchr(text + pos, '\r', len - pos) != NULL;
	int marks = has_sniffed(text, pos, len);
	while (pos < len && score < 3) {
		read_line_cr(text, len, pos, &l, cr);
		pos = l.next;
		if (is_blank(text, &l)) {
			prev_s = NULL;
			continue;
		}
		size_t p;
		size_t ind = indent_of(text, &l, &p);
		if (ind < 4) {
			int level = atx_level(text, p, l.e);
			if (level && p + (size_t)level < l.e)
				score += first ? 3 : 2;
			else if (fence_len(text, p, l.e))
				score += 3;
			size_t w;
			int empty, ordered;
			if (list_marker(text, p, l.e, &w, &empty, &ordered) >= 0 && !empty &&
			    ++lists == 3)
				score += 1;
			if (prev_s && has_pipe(prev_s, 0, prev_n) && has_pipe(text, p, l.e) &&
			    is_delimiter_row(text, p, l.e))
				score += 3;
		}
		first = 0;
		prev_s = text + l.s;
		prev_n = l.e - l.s;
		/* most lines of prose hold none of ] * ` at all, which memchr
		 * tells many bytes at a time (the line's last byte opens
		 * nothing, but looking at it too is harmless) */
		if (l.e - l.s < 2 || !marks || !has_sniffed(text, l.s, l.e))
			continue;
		for (size_t i = l.s; i + 1 < l.e; i++) {
			/* bytes i .. i + 7, none the line's last */
			while (i + 9 <= l.e && !sniffed_in_eight(text + i))
				i += 8;
			if (i + 1 >= l.e)
				break;
			char c = text[i];
			if (!sniffed[(unsigned char)c])
				continue;
			size_t q;
			if (c == ']' && text[i + 1] == '(' && link_destination(text, i + 2, l.e))
				score += 2;
			else if (c == '*' && text[i + 1] == '*' && i + 2 < l.e &&
			         text[i + 2] != ' ' && text[i + 2] != '*') {
				const char *close = NULL;
				for (size_t j = i + 3; j + 1 < l.e; j++)
					if (text[j] == '*' && text[j + 1] == '*' &&
					    text[j - 1] != ' ') {
						close = text + j;
						break;
					}
				if (close) {
					score += 1;
					i = (size_t)(close - text) + 1;
				}
			} else if (c == '`' && (q = tex_quote(text, i, l.s, l.e)) != 0) {
				/* the quote, its inner `quotes' too, is prose */
				i = q - 1;
			} else if (c == '`' && text[i + 1] != '`') {
				if (role_before(text, l.s, i)) {
					rst = 1;
				} else if (memchr(text + i + 1, '`', l.e - i - 1)) {
					code += 1;
					break;
				}
			}
		}
	}
	return score + (rst ? 0 : code) >= 3;
}
