/* test_sentence.c: sentence splitting (sentence.c), through pr_segment. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"

#define MAXS 8

typedef struct scase {
	const char *name;
	const char *in;
	const char *want[MAXS]; /* NULL-terminated */
} scase;

/* in split as plain text in the language of that code (NULL: the
 * default), into the arena a, which the caller releases. */
static pr_segmentation plain_segments(pr_arena *a, const char *in, const char *code)
{
	pr_segmentation seg;
	pr_arena_init(a);
	cr_assert_eq(pr_segment(&seg, a, in, strlen(in), PRECIS_FORMAT_PLAIN,
	                        code ? pr_lang_find(code) : pr_lang_default()),
	             PRECIS_OK, "%s", in);
	return seg;
}

static void check_case(const scase *c, precis_format fmt)
{
	pr_arena a;
	pr_arena_init(&a);
	pr_segmentation seg;
	int rc = pr_segment(&seg, &a, c->in, strlen(c->in), fmt, pr_lang_default());
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
	}
	cr_expect_eq(seg.sents.len, want, "%s: %zu sentences, want %zu", c->name,
	             seg.sents.len, want);
	pr_arena_release(&a);
}

/* The cases live at file scope and the tests get indices: Criterion runs
 * each test in a fresh process, where pointers inside parameters would
 * not survive address randomisation. */
static const scase cases[] = {
	{ "simple", "One. Two. Three.", { "One.", "Two.", "Three." } },
	{ "no terminal", "no punctuation at all", { "no punctuation at all" } },
	{ "question", "Is it? Yes it is!", { "Is it?", "Yes it is!" } },
	/* abbreviations and titles */
	{ "mr", "Mr. Smith went to Washington. He left.",
	  { "Mr. Smith went to Washington.", "He left." } },
	{ "mrs dr", "Mrs. Bennet met Dr. Watson. Then they ate.",
	  { "Mrs. Bennet met Dr. Watson.", "Then they ate." } },
	{ "st mt", "St. Louis is near Mt. Hood. It is not.",
	  { "St. Louis is near Mt. Hood.", "It is not." } },
	{ "title before stop word", "We saw Dr. The Great once.",
	  { "We saw Dr. The Great once." } },
	{ "jr co", "John Smith Jr. and Smith & Co. Ltd agreed. Good.",
	  { "John Smith Jr. and Smith & Co. Ltd agreed.", "Good." } },
	{ "eg ie", "Fruit, e.g. apples, i.e. red ones. Fine.",
	  { "Fruit, e.g. apples, i.e. red ones.", "Fine." } },
	{ "am pm", "We met at 9 a.m. and left at 5 p.m. It was late.",
	  { "We met at 9 a.m. and left at 5 p.m.", "It was late." } },
	{ "us end", "She lived in the U.S. How about you?",
	  { "She lived in the U.S.", "How about you?" } },
	{ "us navy", "The U.S. Navy said so.", { "The U.S. Navy said so." } },
	{ "eu", "The E.U. Commission met. The E.U. It was.",
	  { "The E.U. Commission met.", "The E.U.", "It was." } },
	{ "etc end", "Apples, pears etc. The rest is fine.",
	  { "Apples, pears etc.", "The rest is fine." } },
	{ "general before digit", "It opened on Jan. 5 last year.",
	  { "It opened on Jan. 5 last year." } },
	{ "initials tolkien", "J. R. R. Tolkien wrote it. He did.",
	  { "J. R. R. Tolkien wrote it.", "He did." } },
	{ "initials joined", "J.R.R. Tolkien wrote it.", { "J.R.R. Tolkien wrote it." } },
	{ "initial bush", "George W. Bush spoke. Then he sat.",
	  { "George W. Bush spoke.", "Then he sat." } },
	{ "pronoun I", "It was I. The next day we left.",
	  { "It was I.", "The next day we left." } },
	{ "initial I", "Sam I. Smith came.", { "Sam I. Smith came." } },
	{ "number abbrev", "See No. 5 and pp. 12-14 and Vol. 3 here.",
	  { "See No. 5 and pp. 12-14 and Vol. 3 here." } },
	{ "no as word", "He said no. Then he left.", { "He said no.", "Then he left." } },
	{ "unknown word", "The cat sat. Dogs ran.", { "The cat sat.", "Dogs ran." } },
	{ "dash before title", "It was five--Mr. Bingley and all.",
	  { "It was five--Mr. Bingley and all." } },
	{ "lower after stop", "He used approx. five of them.", { "He used approx. five of them." } },
	/* numbers, money, URLs, e-mail */
	{ "pi", "Pi is 3.14 roughly. Yes.", { "Pi is 3.14 roughly.", "Yes." } },
	{ "money", "It cost $100.00 today. Cheap.", { "It cost $100.00 today.", "Cheap." } },
	{ "numero", "Call N°. 1026.253.553 now.", { "Call N°. 1026.253.553 now." } },
	{ "metres", "It is 1.5m tall. Big.", { "It is 1.5m tall.", "Big." } },
	{ "version", "Use version 2.0.1 please. Thanks.",
	  { "Use version 2.0.1 please.", "Thanks." } },
	{ "year then digit", "It ended in 2017. 3 people came.",
	  { "It ended in 2017.", "3 people came." } },
	{ "url", "Go to http://example.com/a.b?x=1 today. Or not.",
	  { "Go to http://example.com/a.b?x=1 today.", "Or not." } },
	{ "www", "See www.example.co.uk for more. Bye.",
	  { "See www.example.co.uk for more.", "Bye." } },
	{ "email", "Write to jane.doe@example.org soon. Thanks.",
	  { "Write to jane.doe@example.org soon.", "Thanks." } },
	{ "domain at end", "Visit example.com. Then call.",
	  { "Visit example.com.", "Then call." } },
	/* quotations and brackets */
	{ "closing quote", "He said \"Go home.\" Then he left.",
	  { "He said \"Go home.\"", "Then he left." } },
	{ "closing paren", "(See above.) Next we go.", { "(See above.)", "Next we go." } },
	{ "curly quotes", "She said \xE2\x80\x9CYes.\xE2\x80\x9D Then \xE2\x80\x98no.\xE2\x80\x99 Fine.",
	  { "She said \xE2\x80\x9CYes.\xE2\x80\x9D", "Then \xE2\x80\x98no.\xE2\x80\x99", "Fine." } },
	{ "guillemet", "Il dit \xC2\xAB Oui. \xC2\xBB Puis.", { "Il dit \xC2\xAB Oui. \xC2\xBB", "Puis." } },
	{ "guillemet close", "He said \xC2\xABOui.\xC2\xBB Then left.",
	  { "He said \xC2\xABOui.\xC2\xBB", "Then left." } },
	{ "bracket", "[Done.] Next.", { "[Done.]", "Next." } },
	{ "single quotes", "'Go.' He went.", { "'Go.'", "He went." } },
	{ "quote then lower", "\"This is great.\" she said.", { "\"This is great.\" she said." } },
	{ "bang then lower", "\"Stop!\" he cried. Then ran.",
	  { "\"Stop!\" he cried.", "Then ran." } },
	{ "opening quote next", "He left. \"Why?\" she asked.",
	  { "He left.", "\"Why?\" she asked." } },
	/* runs of stops */
	{ "ellipsis upper", "Wait... What?! No.", { "Wait...", "What?!", "No." } },
	{ "ellipsis lower", "He paused... and went on.", { "He paused... and went on." } },
	{ "spaced ellipsis", "He paused . . . and went on. Then . . . Nothing.",
	  { "He paused . . . and went on.", "Then . . .", "Nothing." } },
	{ "unicode ellipsis", "Well\xE2\x80\xA6 Maybe. So\xE2\x80\xA6 so.",
	  { "Well\xE2\x80\xA6", "Maybe.", "So\xE2\x80\xA6 so." } },
	{ "double bang", "No!! Yes?? Ok.", { "No!!", "Yes??", "Ok." } },
	/* list markers in plain text */
	{ "numbered items", "1. Buy milk. 2. Sell eggs.", { "Buy milk.", "Sell eggs." } },
	{ "paren items", "1) Buy milk. 2) Sell eggs.", { "Buy milk.", "Sell eggs." } },
	{ "dot paren items", "1.) Buy milk. 2.) Sell eggs.", { "Buy milk.", "Sell eggs." } },
	{ "letter items", "a. Buy milk. b. Sell eggs.", { "Buy milk.", "Sell eggs." } },
	{ "bullet", "\xE2\x80\xA2 Buy milk", { "Buy milk" } },
	{ "marker alone", "1.", { "1." } },
	{ "capital initial not marker", "A. Smith came.", { "A. Smith came." } },
	/* exclamations inside names */
	{ "yahoo inc", "Yahoo! Inc. said so. Fine.", { "Yahoo! Inc. said so.", "Fine." } },
	{ "yahoo lower", "Yahoo! announced it.", { "Yahoo! announced it." } },
	/* CJK */
	{ "cjk", "\xE6\x97\xA5\xE6\x9C\xAC\xE3\x80\x82\xE6\x96\x87\xEF\xBC\x81\xE5\x90\x8E\xEF\xBC\x9F",
	  { "\xE6\x97\xA5\xE6\x9C\xAC\xE3\x80\x82", "\xE6\x96\x87\xEF\xBC\x81", "\xE5\x90\x8E\xEF\xBC\x9F" } },
	{ "cjk fullwidth stop", "\xE6\x97\xA5\xEF\xBC\x8E\xE6\x96\x87",
	  { "\xE6\x97\xA5\xEF\xBC\x8E", "\xE6\x96\x87" } },
	{ "cjk closing quote", "\xE3\x80\x8C\xE6\x97\xA5\xE3\x80\x82\xE3\x80\x8D\xE6\x96\x87",
	  { "\xE3\x80\x8C\xE6\x97\xA5\xE3\x80\x82\xE3\x80\x8D", "\xE6\x96\x87" } },
	/* a stop with no space after it (text run together) */
	{ "glued after year", "He signed until 2019.Short-format cricket suits him. Good.",
	  { "He signed until 2019.", "Short-format cricket suits him.", "Good." } },
	{ "glued after bracket", "A licence for a House (HMO).But many are put off.",
	  { "A licence for a House (HMO).", "But many are put off." } },
	{ "glued after bracket name", "Foul by Jamille Matt (Blackpool).Tom Eastman wins a free kick.",
	  { "Foul by Jamille Matt (Blackpool).", "Tom Eastman wins a free kick." } },
	{ "glued after number", "It scored 7.1.Scots want more. Fine.",
	  { "It scored 7.1.", "Scots want more.", "Fine." } },
	{ "glued after word", "It hit the tsunami.Steve Smith said so.",
	  { "It hit the tsunami.", "Steve Smith said so." } },
	{ "glued acronym", "He is in the UK.The visit ends today.",
	  { "He is in the UK.", "The visit ends today." } },
	{ "glued domain", "Staff at Agency.Com left. Then.", { "Staff at Agency.Com left.", "Then." } },
	{ "glued title", "Ask Mr.Smith today.", { "Ask Mr.Smith today." } },
	{ "glued initials", "Read the N.Y.Times today.", { "Read the N.Y.Times today." } },
	{ "glued lower", "Read file.txt now.", { "Read file.txt now." } },
	/* captions and bylines run into the text (English) */
	{ "run-on caption", "Rhodri Giggs outside court, where he was banned from driving The brother "
	  "of a footballer has lost his job.",
	  { "Rhodri Giggs outside court, where he was banned from driving",
	    "The brother of a footballer has lost his job." } },
	{ "run-on pronoun", "Greece plans a parallel currency to pay its bills He said: 'We will pay.'",
	  { "Greece plans a parallel currency to pay its bills", "He said: 'We will pay.'" } },
	{ "run-on after bracket", "Marc Leishman (right) A golfer withdrew today.",
	  { "Marc Leishman (right)", "A golfer withdrew today." } },
	{ "run-on after number", "The fight is on Saturday, May 2 The two boxers met.",
	  { "The fight is on Saturday, May 2", "The two boxers met." } },
	/* the first, last and an apostrophe opener of the list (sentence.c
	 * searches it by halves: it must stay sorted) */
	{ "run-on opener While", "Police sealed the road yesterday While officers searched the house.",
	  { "Police sealed the road yesterday", "While officers searched the house." } },
	{ "run-on opener There's", "Crowds gathered outside the station There's no sign of trains.",
	  { "Crowds gathered outside the station", "There's no sign of trains." } },
	{ "title keeps capitals", "She starred in The Lord of the Rings last year.",
	  { "She starred in The Lord of the Rings last year." } },
	{ "song title", "Her hits include What a Girl Wants and more.",
	  { "Her hits include What a Girl Wants and more." } },
	{ "capitalised word before", "He played for the England A side today.",
	  { "He played for the England A side today." } },
	{ "stop word before", "It was one of The best days.", { "It was one of The best days." } },
	{ "comma before", "In April 2013, The retail park opened.", { "In April 2013, The retail park opened." } },
	{ "name after opener", "He read it in The Times today.", { "He read it in The Times today." } },
	{ "first word", "Pictures The show goes on.", { "Pictures The show goes on." } },
	/* share and playback lines glued to the next sentence */
	{ "share line", "Share this withEmailFacebookCopy this linkLandlords who let homes need a licence.",
	  { "Share this withEmailFacebookCopy this link", "Landlords who let homes need a licence." } },
	{ "playback line", "Media playback is not supported on this deviceThe hosts won.",
	  { "Media playback is not supported on this device", "The hosts won." } },
	{ "news from", "Read more on this story and other news from SuffolkJonathan Rees QC said it.",
	  { "Read more on this story and other news from Suffolk", "Jonathan Rees QC said it." } },
	{ "more from", "Updates on this story and more from LeicestershireThree cats died.",
	  { "Updates on this story and more from Leicestershire", "Three cats died." } },
	{ "lower into capital", "Read his analysis of the pollIncreasing the budget was popular.",
	  { "Read his analysis of the poll", "Increasing the budget was popular." } },
	{ "brand names", "I bought an iPhone and a PlayStation on eBay with WhatsApp. OK.",
	  { "I bought an iPhone and a PlayStation on eBay with WhatsApp.", "OK." } },
	{ "device in prose", "Turn on this device. Then wait.", { "Turn on this device.", "Then wait." } },
	/* lines and blocks */
	{ "hard wrap", "This sentence is\nwrapped. Next.", { "This sentence is wrapped.", "Next." } },
	{ "blank line", "No stop here\n\nNew block", { "No stop here", "New block" } },
	{ "spaces", "   Lots   of    space.    Here.   ", { "Lots of space.", "Here." } },
	{ "stop then space end", "End. ", { "End." } },
	{ "lone stop", ". . .", { ". . ." } },
	{ "non-latin upper", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82. \xD0\x9C\xD0\xB8\xD1\x80.",
	  { "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82.", "\xD0\x9C\xD0\xB8\xD1\x80." } },
};

#define NCASES (sizeof cases / sizeof cases[0])

ParameterizedTestParameters(sentence, split)
{
	static size_t idx[NCASES];
	for (size_t i = 0; i < NCASES; i++)
		idx[i] = i;
	return cr_make_param_array(size_t, idx, NCASES);
}

ParameterizedTest(size_t *i, sentence, split)
{
	check_case(&cases[*i], PRECIS_FORMAT_PLAIN);
}

Test(sentence, heading_is_one_sentence)
{
	scase c = { "heading", "# Chapter 1. The Beginning\n\nText. More.",
	            { "Chapter 1. The Beginning", "Text.", "More." } };
	check_case(&c, PRECIS_FORMAT_MARKDOWN);
	pr_arena a;
	pr_arena_init(&a);
	pr_segmentation seg;
	const char *in = "## Two. Three\n";
	cr_assert_eq(pr_segment(&seg, &a, in, strlen(in), PRECIS_FORMAT_MARKDOWN,
	                        pr_lang_default()), PRECIS_OK);
	cr_assert_eq(seg.sents.len, 1);
	const pr_sent *s = seg.sents.data;
	cr_expect_eq(s[0].kind, PR_BLOCK_HEADING);
	cr_expect_eq(s[0].level, 2);
	pr_arena_release(&a);
}

/* How a sentence ends is recorded: run into the next one (a caption), or a
 * web page's line glued to it, or at its own stop. */
Test(sentence, cut_marks)
{
	const char *in = "Share this withEmailCopy this linkThe court heard it was banned from "
	                 "driving The brother lost his job. He left.";
	pr_arena a;
	pr_segmentation seg = plain_segments(&a, in, NULL);
	cr_assert_eq(seg.sents.len, 4);
	const pr_sent *s = seg.sents.data;
	cr_expect_eq(s[0].cut, PR_CUT_BOILERPLATE);
	cr_expect_str_eq(s[1].text, "The court heard it was banned from driving");
	cr_expect_eq(s[1].cut, PR_CUT_RUNON);
	cr_expect_eq(s[2].cut, 0);
	cr_expect_eq(s[3].cut, 0);
	/* offsets still point at the caller's bytes */
	cr_expect_eq(s[1].start, strlen("Share this withEmailCopy this link"));
	cr_expect_eq(s[2].start, s[1].end + 1);
	pr_arena_release(&a);
}

/* The run-on and glued-line rules are English: French capitalises no stop
 * word mid-sentence, and its sites have other boilerplate. */
Test(sentence, runon_is_english)
{
	const char *in = "Il parle avec ses amis Le matin il part.";
	pr_arena a;
	pr_segmentation seg = plain_segments(&a, in, "fr");
	cr_expect_eq(seg.sents.len, 1);
	pr_arena_release(&a);
	pr_arena_init(&a);
	in = "He talks with his friends The morning he leaves.";
	cr_assert_eq(pr_segment(&seg, &a, in, strlen(in), PRECIS_FORMAT_PLAIN, pr_lang_find("en")),
	             PRECIS_OK);
	cr_expect_eq(seg.sents.len, 2);
	pr_arena_release(&a);
}

/* The invariants every segmentation keeps: in order, not overlapping, inside
 * the input, on character boundaries, never empty, and (for plain text
 * without list markers) covering every non-space byte. */
static void check_invariants(const char *in, size_t len)
{
	pr_arena a;
	pr_arena_init(&a);
	pr_segmentation seg;
	cr_assert_eq(pr_segment(&seg, &a, in, len, PRECIS_FORMAT_PLAIN, pr_lang_default()),
	             PRECIS_OK);
	const pr_sent *s = seg.sents.data;
	char *covered = calloc(len + 1, 1);
	cr_assert(covered);
	size_t prev_end = 0;
	for (size_t i = 0; i < seg.sents.len; i++) {
		cr_assert(s[i].start < s[i].end, "sentence %zu empty", i);
		cr_assert(s[i].end <= len);
		cr_assert(s[i].start >= prev_end, "sentence %zu overlaps", i);
		cr_assert(s[i].len > 0 && strlen(s[i].text) == s[i].len);
		cr_assert(((unsigned char)in[s[i].start] & 0xC0) != 0x80);
		cr_assert(s[i].end == len || ((unsigned char)in[s[i].end] & 0xC0) != 0x80);
		cr_assert(s[i].text[0] != ' ' && s[i].text[s[i].len - 1] != ' ');
		memset(covered + s[i].start, 1, s[i].end - s[i].start);
		prev_end = s[i].end;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)in[i];
		if (c > 0x20)
			cr_assert(covered[i], "byte %zu (%c) not covered", i, c);
	}
	free(covered);
	pr_arena_release(&a);
}

Test(sentence, invariants_mixed)
{
	static const char *inputs[] = {
		"Mr. Smith went to Washington. He left at 5 p.m. The U.S. Navy said \"No.\" Then (see above.) he did... and went on!! What?! \xE6\x97\xA5\xE6\x9C\xAC\xE3\x80\x82\xE6\x96\x87",
		"Line one\nline two.\r\nLine three?\rLine four!\n\n\n  Para two . . . end",
		"\xE2\x80\x9CQuoted.\xE2\x80\x9D He said. \xC3\xA9t\xC3\xA9. \xC3\x89t\xC3\xA9 fini.",
		"a.b.c. d.e.f. G.H.I. J. K. L. mm. N. oo.",
		"!!! ??? ... ... ...",
		"Share this withEmailCopy this linkThe court heard it 2019.Short banned from driving The "
		"brother (HMO).But news from SuffolkJonathan of the pollIncreasing deviceThe end",
	};
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
		check_invariants(inputs[i], strlen(inputs[i]));
}

/* A megabyte of words without punctuation: linear time, sentences capped,
 * every byte still covered. */
Test(sentence, long_run_without_stops, .timeout = 10)
{
	size_t len = 1 << 20;
	char *in = malloc(len);
	cr_assert(in);
	for (size_t i = 0; i < len; i++)
		in[i] = i % 6 == 5 ? ' ' : 'a' + (char)(i % 26);
	check_invariants(in, len);
	pr_arena a;
	pr_arena_init(&a);
	pr_segmentation seg;
	cr_assert_eq(pr_segment(&seg, &a, in, len, PRECIS_FORMAT_PLAIN, pr_lang_default()),
	             PRECIS_OK);
	cr_expect_gt(seg.sents.len, 50);
	const pr_sent *s = seg.sents.data;
	for (size_t i = 0; i < seg.sents.len; i++)
		cr_expect_leq(s[i].len, 10001);
	pr_arena_release(&a);
	/* and one long word without spaces at all */
	memset(in, 'x', len);
	check_invariants(in, len);
	free(in);
}

Test(sentence, offsets_point_into_input)
{
	const char *in = "Hello  there.\nHow are you? Fine";
	pr_arena a;
	pr_arena_init(&a);
	pr_segmentation seg;
	cr_assert_eq(pr_segment(&seg, &a, in, strlen(in), PRECIS_FORMAT_PLAIN,
	                        pr_lang_default()), PRECIS_OK);
	cr_assert_eq(seg.sents.len, 3);
	const pr_sent *s = seg.sents.data;
	cr_expect_eq(s[0].start, 0);
	cr_expect_eq(s[0].end, 13);
	cr_expect_eq(s[1].start, 14);
	cr_expect_eq(s[1].end, 26);
	cr_expect_eq(s[2].start, 27);
	cr_expect_eq(s[2].end, 31);
	cr_expect_str_eq(s[1].text, "How are you?");
	for (size_t i = 0; i < 3; i++) {
		cr_expect_eq(s[i].block, 0);
		cr_expect_eq(s[i].kind, PR_BLOCK_PARAGRAPH);
	}
	pr_arena_release(&a);
}

/* The scan for the next stop reads eight bytes at a time: a stop, a
 * capital or a quote at any place of the eight is still found, in English
 * and in a language with only the stops to look for. */
Test(sentence, stops_found_at_every_offset)
{
	static const char *const langs[] = { "en", "fr" };
	for (size_t l = 0; l < 2; l++) {
		for (size_t k = 0; k < 20; k++) {
			char in[128], first[64];
			snprintf(first, sizeof first, "%.*send here.", (int)k, "abcdefghijklmnopqrstuvwxyz");
			snprintf(in, sizeof in, "%s Next one ends too! And \"a third\" here.", first);
			pr_arena a;
			pr_segmentation seg = plain_segments(&a, in, langs[l]);
			const pr_sent *s = seg.sents.data;
			cr_assert_eq(seg.sents.len, 3, "%s, %zu: %zu sentences", langs[l], k,
			             seg.sents.len);
			cr_assert_str_eq(s[0].text, first);
			cr_assert_str_eq(s[1].text, "Next one ends too!");
			cr_assert_str_eq(s[2].text, "And \"a third\" here.");
			pr_arena_release(&a);
		}
	}
}

/* English marks eight bytes at a time by arithmetic: bytes from 0xE4 up
 * (Han, emoji) are no marks, the stops among the lead bytes (…) and the
 * capitals are marks wherever they fall, the block's last bytes too. */
Test(sentence, english_marks_at_every_offset)
{
	for (int pad = 0; pad < 20; pad++) {
		char in[160];
		snprintf(in, sizeof in,
		         "%.*s \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80 done. Then "
		         "a road was shut Then it was... over\xE2\x80\xA6 Yes.",
		         pad, "abcdefghijklmnopqrstuvwxyz");
		pr_arena a;
		pr_segmentation seg = plain_segments(&a, in, "en");
		const pr_sent *s = seg.sents.data;
		cr_assert_eq(seg.sents.len, 4, "pad %d: %zu sentences", pad, seg.sents.len);
		cr_expect_str_eq(s[1].text, "Then a road was shut");
		cr_expect_eq(s[1].cut, PR_CUT_RUNON);
		cr_expect_str_eq(s[2].text, "Then it was... over\xE2\x80\xA6");
		cr_expect_str_eq(s[3].text, "Yes.");
		pr_arena_release(&a);
	}
}

/* The English scan also stops at the punctuation between ! and . and at
 * ? and @, which the class table then passes over: commas, apostrophes,
 * hyphens, brackets, signs and "@" change nowhere where a sentence ends,
 * wherever they fall in the eight bytes. */
Test(sentence, english_punctuation_is_passed_over)
{
	for (int pad = 0; pad < 20; pad++) {
		char in[256], first[192];
		snprintf(first, sizeof first,
		         "%.*sz rose 5%% (or so), it's said; well-known firms' costs+fees* "
		         "& #tags @ noon, A-grade (Best) bid's 'R' & \"Q\" wins.",
		         pad, "abcdefghijklmnopqrstuvwxyz");
		snprintf(in, sizeof in, "%s Next one, (ends) here! Is it? Yes.", first);
		pr_arena a;
		pr_segmentation seg = plain_segments(&a, in, "en");
		const pr_sent *s = seg.sents.data;
		cr_assert_eq(seg.sents.len, 4, "pad %d: %zu sentences", pad, seg.sents.len);
		cr_expect_str_eq(s[0].text, first);
		cr_expect_str_eq(s[1].text, "Next one, (ends) here!");
		cr_expect_str_eq(s[2].text, "Is it?");
		cr_expect_str_eq(s[3].text, "Yes.");
		for (size_t i = 0; i < seg.sents.len; i++)
			cr_expect_eq(s[i].cut, 0, "pad %d: sentence %zu cut", pad, i);
		pr_arena_release(&a);
	}
}

/* The word before a full stop is read back at most MAX_WORD (64) bytes:
 * initials of 63 bytes (A.B.C...) are initials, and a stop after them ends
 * the sentence only before a clear start; 65 bytes are no word at all,
 * and the stop ends it. Non-ASCII letters and openers are read as before. */
Test(sentence, word_before_a_stop_is_bounded)
{
	static const struct {
		size_t len;
		const char *prefix;
		size_t want;
	} bounds[] = {
		{ 63, "", 1 }, { 65, "", 2 }, { 63, "Then ", 1 }, { 65, "Then ", 2 },
		{ 61, "Then \xE2\x80\x9C", 1 }, { 63, "Then \xE2\x80\x9C", 2 },
	};
	for (size_t k = 0; k < sizeof bounds / sizeof bounds[0]; k++) {
		char in[256];
		size_t n = (size_t)snprintf(in, sizeof in, "%s", bounds[k].prefix);
		for (size_t j = 0; j < bounds[k].len; j++)
			in[n++] = j % 2 ? '.' : (char)('A' + j / 2 % 26);
		snprintf(in + n, sizeof in - n, ". Smith went home.");
		pr_arena a;
		pr_segmentation seg = plain_segments(&a, in, "en");
		cr_expect_eq(seg.sents.len, bounds[k].want, "%s: %zu sentences", in, seg.sents.len);
		pr_arena_release(&a);
	}
}

/* Every run-on opener, capitalised between lower-case words, starts a new
 * sentence; words that share its first letters, or are near it in the
 * sorted list, do not. */
Test(sentence, every_runon_opener_and_no_other_word)
{
	static const char *const openers[] = {
		"A", "After", "All", "Although", "An", "And", "As", "At", "But", "For",
		"He", "He's", "Her", "His", "If", "In", "It", "It's", "Its", "More",
		"On", "One", "She", "She's", "Some", "The", "Their", "Then", "There",
		"There's", "These", "They", "This", "Those", "We", "When", "While",
		"It\xE2\x80\x99s",
	};
	static const char *const others[] = {
		"Ab", "Afte", "Alls", "Ann", "Bu", "Buts", "Fo", "Hi", "Hes", "Ift",
		"Mor", "Ones", "Sh", "Th", "Thes", "Tho", "Thi", "W", "Whe", "Whilst",
		"Will", "May", "I", "Out", "Zoo", "Apple",
	};
	char in[128];
	for (size_t k = 0; k < sizeof openers / sizeof openers[0] + sizeof others / sizeof others[0]; k++) {
		int opener = k < sizeof openers / sizeof openers[0];
		const char *w = opener ? openers[k] : others[k - sizeof openers / sizeof openers[0]];
		snprintf(in, sizeof in, "Police sealed the road yesterday %s officers searched it.", w);
		pr_arena a;
		pr_segmentation seg = plain_segments(&a, in, NULL);
		cr_expect_eq(seg.sents.len, opener ? 2u : 1u, "%s", in);
		pr_arena_release(&a);
	}
}

/* The English scan tests eight or sixteen bytes at once for the bytes
 * where a sentence may end (english_marks()): a stop, a capital after a
 * space or a small letter, a quote after a small letter. Commas,
 * apostrophes, hyphens, brackets, a quote after a space and a capital
 * after a bracket or a quote end nothing, whichever of the sixteen places
 * they fall in; the stop, the run-on opener and the glued word still end
 * sentences at every place. */
Test(sentence, english_scan_at_every_place_of_sixteen)
{
	char in[256], want0[128];
	for (int pad = 0; pad < 32; pad++) {
		snprintf(want0, sizeof want0, "%.*sword, it's a well-known (Big) \"Apple\" story.",
		         pad, "abcdefghijklmnopqrstuvwxyzabcdef");
		snprintf(in, sizeof in,
		         "%s It rained in the pollIncreasing the amount of rain "
		         "fell on driving The brother of the man said so.", want0);
		pr_arena a;
		pr_segmentation seg = plain_segments(&a, in, "en");
		const pr_sent *s = seg.sents.data;
		cr_assert_eq(seg.sents.len, 4u, "pad %d: %zu sentences", pad, seg.sents.len);
		cr_expect_str_eq(s[0].text, want0, "pad %d", pad);
		cr_expect_str_eq(s[1].text, "It rained in the poll", "pad %d", pad);
		cr_expect_eq(s[1].cut, PR_CUT_RUNON, "pad %d", pad);
		cr_expect_str_eq(s[2].text, "Increasing the amount of rain fell on driving",
		                 "pad %d", pad);
		cr_expect_eq(s[2].cut, PR_CUT_RUNON, "pad %d", pad);
		cr_expect_str_eq(s[3].text, "The brother of the man said so.", "pad %d", pad);
		pr_arena_release(&a);
	}
}

/* A run-on opener is told by the word before it, found by a step back
 * over eight bytes at once, and by its own end, found eight bytes at
 * once: words of every length before it, the sentence's first word (no
 * cut) and a long opener at the block's end still decide as a byte at a
 * time did. */
Test(sentence, runon_words_of_every_length)
{
	static const char letters[] = "klmnopqrstuvwxyzkl";
	for (int n = 1; n <= 18; n++) {
		char in[128], want[64];
		pr_arena a;
		snprintf(want, sizeof want, "Then x %.*s", n, letters);
		snprintf(in, sizeof in, "%s Although it ran.", want);
		pr_segmentation seg = plain_segments(&a, in, "en");
		const pr_sent *s = seg.sents.data;
		cr_assert_eq(seg.sents.len, 2u, "n %d: %zu sentences", n, seg.sents.len);
		cr_expect_str_eq(s[0].text, want, "n %d", n);
		cr_expect_eq(s[0].cut, PR_CUT_RUNON, "n %d", n);
		cr_expect_str_eq(s[1].text, "Although it ran.", "n %d", n);
		pr_arena_release(&a);
		/* the sentence's first word is no word before an opener */
		snprintf(in, sizeof in, "%.*s The dog ran.", n, letters);
		seg = plain_segments(&a, in, "en");
		cr_expect_eq(seg.sents.len, 1u, "n %d: %zu sentences", n, seg.sents.len);
		pr_arena_release(&a);
		/* an opener whose next word is past the block's end */
		snprintf(in, sizeof in, "Then x %.*s Although", n, letters);
		seg = plain_segments(&a, in, "en");
		cr_expect_eq(seg.sents.len, 1u, "n %d: %zu sentences", n, seg.sents.len);
		pr_arena_release(&a);
	}
}

/* The word before a full stop is found by steps back over eight bytes:
 * a title after a dash, an underscore, a space, a bracket or an opening
 * quote is a title wherever the eight-byte steps fall ("Mr." ends no
 * sentence), and one glued to the word before it is no title ("zzMr."
 * ends one before a capital). */
Test(sentence, word_before_a_stop_at_every_place)
{
	static const struct {
		const char *sep;
		size_t want;
	} seps[] = {
		{ "--", 2 }, { "_", 2 }, { " ", 2 }, { " (", 2 }, { " \xE2\x80\x9C", 2 }, { "", 3 },
	};
	for (size_t c = 0; c < sizeof seps / sizeof seps[0]; c++) {
		for (int pad = 1; pad < 24; pad++) {
			char in[160];
			snprintf(in, sizeof in, "Said %.*s%sMr. Smith came home. He left.", pad,
			         "zzzzzzzzzzzzzzzzzzzzzzzz", seps[c].sep);
			pr_arena a;
			pr_segmentation seg = plain_segments(&a, in, "en");
			cr_expect_eq(seg.sents.len, seps[c].want, "%s: %zu sentences", in,
			             seg.sents.len);
			pr_arena_release(&a);
		}
	}
}

/* The word after a stop is read eight bytes a step while they are
 * letters, digits, apostrophes or hyphens and within the bound: a general
 * abbreviation ends its sentence before a capitalised stop word of any
 * length ("They", "Themselves", "They're"), and before no longer word
 * that only begins with one, wherever it ends (a space, a comma, a
 * non-ASCII letter, the bound of 64 bytes). */
Test(sentence, word_after_a_stop_of_every_length)
{
	static const struct {
		const char *next;
		size_t want;
	} words[] = {
		{ "It", 2 }, { "They", 2 }, { "These", 2 }, { "They're", 2 }, { "Themselves", 2 },
		{ "However,", 2 }, { "Theyx", 1 }, { "Themselvesx", 1 }, { "They'rex", 1 },
		{ "Themselves-like", 1 }, { "Them\xC3\xA9", 1 }, { "Themselves\xC3\xA9", 1 },
	};
	for (size_t c = 0; c < sizeof words / sizeof words[0]; c++) {
		char in[200];
		snprintf(in, sizeof in, "He bought pears etc. %s went home.", words[c].next);
		pr_arena a;
		pr_segmentation seg = plain_segments(&a, in, "en");
		cr_expect_eq(seg.sents.len, words[c].want, "%s: %zu sentences", in, seg.sents.len);
		pr_arena_release(&a);
	}
	/* a word of 60 to 70 letters is no stop word, the bound read
	 * exactly: none ends the sentence */
	for (size_t len = 60; len <= 70; len++) {
		char in[200];
		size_t n = (size_t)snprintf(in, sizeof in, "He bought pears etc. T");
		for (size_t k = 1; k < len; k++)
			in[n++] = 'h';
		snprintf(in + n, sizeof in - n, " went home.");
		pr_arena a;
		pr_segmentation seg = plain_segments(&a, in, "en");
		cr_expect_eq(seg.sents.len, 1u, "%zu letters: %zu sentences", len, seg.sents.len);
		pr_arena_release(&a);
	}
}

/* The scan of other languages than English tests sixteen bytes at once
 * where it can: a full stop, a "!", a "?", an ellipsis, a CJK full stop,
 * a fullwidth "!" and a Khmer full stop (lead bytes 0xE2, 0xE3, 0xEF and
 * 0xE1, the ends of the ranges the scan tests), and in Thai a space, end
 * sentences wherever they fall among the sixteen. */
Test(sentence, other_scan_at_every_place_of_sixteen)
{
	for (int pad = 0; pad < 32; pad++) {
		char in[256];
		snprintf(in, sizeof in,
		         "%.*sWort, das ist gut. Er geht nach Hause! Kommt er? Ja\xE2\x80\xA6 "
		         "Nein\xE3\x80\x82" "Gut. Wie\xEF\xBC\x81 So\xE1\x9F\x94 Ende.",
		         pad, "abcdefghijklmnopqrstuvwxyzabcdef");
		pr_arena a;
		pr_segmentation seg = plain_segments(&a, in, "de");
		cr_expect_eq(seg.sents.len, 9u, "pad %d: %zu sentences", pad, seg.sents.len);
		pr_arena_release(&a);
		/* "... ฉัน กิน": the space between Thai words ends one */
		snprintf(in, sizeof in, "%.*s \xE0\xB8\x89\xE0\xB8\xB1\xE0\xB8\x99 "
		         "\xE0\xB8\x81\xE0\xB8\xB4\xE0\xB8\x99", pad, "abcdefghijklmnopqrstuvwxyzabcdef");
		seg = plain_segments(&a, in, "th");
		cr_expect_eq(seg.sents.len, 2u, "thai pad %d: %zu sentences", pad, seg.sents.len);
		pr_arena_release(&a);
	}
}
