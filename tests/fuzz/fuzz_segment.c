/* fuzz_segment.c: sentence segmentation alone (pr_segment) on arbitrary
 * bytes, checking its invariants. The first byte picks the format.
 *
 * Always: sentences are in document order, do not overlap, lie inside the
 * input, start and end on character boundaries (as the decoder walks the
 * bytes, invalid ones included), have non-empty valid UTF-8 text without
 * surrounding spaces, and belong to blocks in order.
 *
 * Plain text, also: every byte outside the sentences is blank (a control,
 * a Unicode space, a BOM or zero-width space) or part of a list marker just
 * before a sentence ("1. ", "(a) ", "- ", "• ", with any BOM or zero-width
 * space inside it), which is markup. */
#include <string.h>

#include "fuzz.h"
#include "segment.h"
#include "utf8.h"

/* What block.c reads as nothing or as a space (is_space_cp and put_cp). */
static int ignorable(int32_t cp)
{
	if (cp < 0)
		return 0;
	if (cp <= 0x20 || cp == 0x7F || cp == 0x85 || cp == 0xA0)
		return 1;
	return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
	       cp == 0xFEFF;
}

static int marker_cp(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
	       (cp >= 'A' && cp <= 'Z') || cp == '.' || cp == '(' || cp == ')' ||
	       cp == '-' || cp == '*' || cp == 0x2022 || cp == 0x25E6 ||
	       cp == 0x2023 || cp == 0x25AA || cp == 0x25CF || cp == 0x25A0;
}

/* The uncovered bytes t[s..e): blanks only, or (before a sentence) blanks
 * and one short list marker. A BOM or a zero-width space is nothing to
 * block.c, neither blank nor mark: "24\uFEFF) " is the marker "24) ". */
static void check_gap(const char *t, size_t s, size_t e, int before_sentence)
{
	size_t marker = 0;
	int after_marker_blank = 0;
	while (s < e) {
		int32_t cp;
		size_t n = pr_utf8_decode((const unsigned char *)t + s, e - s, &cp);
		if (cp == 0xFEFF || cp == 0x200B) {
			/* nothing */
		} else if (ignorable(cp)) {
			if (marker)
				after_marker_blank = 1;
		} else {
			CHECK(before_sentence && marker_cp(cp) && !after_marker_blank);
			marker++;
			CHECK(marker <= 4);
		}
		s += n;
	}
	CHECK(!marker || after_marker_blank);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	precis_format fmt = (precis_format)(data[0] % 3);
	const char *t = (const char *)data + 1;
	size_t len = size - 1;

	/* where the decoder puts character boundaries */
	unsigned char *boundary = calloc(len + 1, 1);
	CHECK(boundary);
	for (size_t i = 0; i < len;) {
		int32_t cp;
		boundary[i] = 1;
		i += pr_utf8_decode((const unsigned char *)t + i, len - i, &cp);
	}
	boundary[len] = 1;

	pr_arena a;
	pr_arena_init(&a);
	pr_segmentation seg;
	CHECK(pr_segment(&seg, &a, len ? t : NULL, len, fmt, pr_lang_default()) == PRECIS_OK);
	CHECK(seg.format == PRECIS_FORMAT_PLAIN || seg.format == PRECIS_FORMAT_MARKDOWN);
	CHECK(fmt == PRECIS_FORMAT_AUTO || seg.format == fmt);
	const pr_sent *s = seg.sents.data;
	size_t prev_end = 0;
	uint32_t prev_block = 0;
	int plain = seg.format == PRECIS_FORMAT_PLAIN;
	for (size_t i = 0; i < seg.sents.len; i++) {
		CHECK(s[i].start < s[i].end && s[i].end <= len);
		CHECK(s[i].start >= prev_end);
		CHECK(boundary[s[i].start] && boundary[s[i].end]);
		CHECK(s[i].text && s[i].len > 0 && strlen(s[i].text) == s[i].len);
		CHECK(pr_utf8_validate(s[i].text, s[i].len) == s[i].len);
		CHECK(s[i].text[0] != ' ' && s[i].text[s[i].len - 1] != ' ');
		CHECK(s[i].block >= prev_block && s[i].block < seg.nblocks);
		CHECK(s[i].kind <= PR_BLOCK_QUOTE);
		CHECK(s[i].kind == PR_BLOCK_HEADING ? s[i].level >= 1 && s[i].level <= 6
		                                   : s[i].level == 0);
		if (plain) {
			CHECK(s[i].kind == PR_BLOCK_PARAGRAPH);
			check_gap(t, prev_end, s[i].start, 1);
		}
		prev_end = s[i].end;
		prev_block = s[i].block;
	}
	if (plain)
		check_gap(t, prev_end, len, 0);
	pr_arena_release(&a);
	free(boundary);
	return 0;
}
