/* headline.c: source choice, datelines, attributions, fitting. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <precis.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

static char *headline(const char *text, size_t limit, precis_format fmt)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.headline_bytes = limit;
	o.format = fmt;
	char *h = NULL;
	size_t n = 0;
	int rc = precis_headline_text(&h, &n, text, strlen(text), &o);
	cr_assert_eq(rc, PRECIS_OK, "%s", precis_strerror(rc));
	cr_assert_eq(strlen(h), n);
	return h;
}

static int is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80;
}

/* h is a fair headline cut from source: within the limit, not ending inside
 * a word of the source, nor on a comma or a dangling function word. */
static void check_fit(const char *h, size_t limit, const char *source)
{
	size_t n = strlen(h);
	cr_assert_leq(n, limit, "\"%s\" is %zu bytes, limit %zu", h, n, limit);
	cr_assert_eq(precis_utf8_check(h, n, NULL), PRECIS_OK);
	if (n == 0)
		return;
	cr_assert(h[n - 1] != ',' && h[n - 1] != ' ' && h[n - 1] != ';' && h[n - 1] != ':',
	          "\"%s\" ends in punctuation", h);
	static const char *const dangling[] = { "the", "of", "and", "a", "to", "in", NULL };
	for (const char *const *w = dangling; *w; w++) {
		size_t k = strlen(*w);
		if (n > k && h[n - k - 1] == ' ')
			cr_assert(strcmp(h + n - k, *w) != 0, "\"%s\" ends in \"%s\"", h, *w);
	}
	/* where h's last word is in the source, the source's word ends there */
	size_t s = n;
	while (s > 0 && h[s - 1] != ' ')
		s--;
	const char *at = strstr(source, h + s);
	if (s > 0 && at) {
		/* find the occurrence that ends h: the one preceded by h's
		 * previous word is good enough for these texts */
		unsigned char next = (unsigned char)at[n - s];
		cr_assert(!is_word_byte(next), "\"%s\" ends inside a word", h);
	}
}

static const char story[] =
	"PYONGYANG \xE2\x80\xA2 Russian Foreign Minister Sergey Lavrov passed a message "
	"from President Vladimir Putin to North Korean leader Kim Jong Un during a visit "
	"to Pyongyang yesterday, Kremlin spokesman Dmitry Peskov said.\n\n"
	"Mr Peskov refused to say what was in the message during a conference call with "
	"reporters yesterday.\n\n"
	"Mr Lavrov met Mr Kim and passed on the message from Mr Putin, the foreign "
	"ministry said.\n";

Test(headline, dateline_and_attribution_dropped)
{
	char *h = headline(story, 200, PRECIS_FORMAT_PLAIN);
	/* no "yesterday"; the articles stay while the sentence fits */
	cr_assert_str_eq(h, "Russian Foreign Minister Sergey Lavrov passed a message from "
	                    "President Vladimir Putin to North Korean leader Kim Jong Un "
	                    "during a visit to Pyongyang");
	precis_free(h);
	/* headlinese when room is short: the articles go first */
	h = headline(story, 120, PRECIS_FORMAT_PLAIN);
	cr_assert_str_eq(h, "Russian Foreign Minister Sergey Lavrov passed message from "
	                    "President Vladimir Putin to North Korean leader Kim Jong Un");
	precis_free(h);
}

typedef struct dcase {
	char text[200];
	char want[120];
} dcase;

static dcase datelines[] = {
	{ "LONDON (Reuters) - Oil prices rose sharply on Friday after the talks failed.",
	  "Oil prices rose sharply after the talks failed" },
	{ "BEIJING (AP) _ China reported strong export growth in May, officials said.",
	  "China reported strong export growth in May" },
	{ "WASHINGTON, June 1 (Reuters) -- The Senate passed the bill late on Thursday.",
	  "The Senate passed the bill" },
	{ "SEOUL \xE2\x80\x94 South Korea and the United States held talks on trade.",
	  "South Korea and the United States held talks on trade" },
	{ "New rules - which start today - cover all imported cars and trucks.",
	  "New rules - which start today - cover all imported cars and trucks" },
	{ "The plan (approved in 2017) cuts costs for small farms in the region.",
	  "The plan cuts costs for small farms in the region" },
	{ "Prices fell again in March, according to the national statistics office.",
	  "Prices fell again in March" },
	/* an aside between dashes after a subject is not a dateline */
	{ "The IAAF - athletics' world governing body - has met anti-doping officials.",
	  "The IAAF - athletics' world governing body - met anti-doping officials" },
};

ParameterizedTestParameters(headline, datelines)
{
	return cr_make_param_array(dcase, datelines, sizeof datelines / sizeof datelines[0]);
}

ParameterizedTest(dcase *c, headline, datelines)
{
	char *h = headline(c->text, 200, PRECIS_FORMAT_PLAIN);
	cr_assert_str_eq(h, c->want);
	precis_free(h);
}

Test(headline, limits_are_honoured)
{
	static const size_t limits[] = { 1, 2, 3, 5, 8, 13, 20, 21, 30, 40, 55, 60, 75, 100, 200 };
	for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
		char *h = headline(story, limits[i], PRECIS_FORMAT_PLAIN);
		check_fit(h, limits[i], story);
		cr_assert_null(strstr(h, "PYONGYANG"));
		if (limits[i] >= 20)
			cr_assert_gt(strlen(h), limits[i] / 3, "limit %zu: \"%s\" too short",
			             limits[i], h);
		precis_free(h);
	}
}

Test(headline, every_limit_on_several_texts)
{
	static const char *const texts[] = {
		story,
		"The central bank raised interest rates by a quarter point on Wednesday, "
		"the third increase this year, as inflation stayed above its target.",
		"Caf\xC3\xA9 owners in Z\xC3\xBCrich and M\xC3\xBCnchen say the \xC3\xA9t\xC3\xA9 "
		"season brought record numbers of visitors to the old towns.",
		"Engineers who built the bridge and the tunnel under the river said that "
		"the work of the crews was finished on time and on budget.",
	};
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		for (size_t limit = 1; limit <= 160; limit++) {
			char *h = headline(texts[t], limit, PRECIS_FORMAT_PLAIN);
			check_fit(h, limit, texts[t]);
			precis_free(h);
		}
	}
}

Test(headline, markdown_heading_is_used_as_is)
{
	char *h = headline("# Budget passes, council says\n\nThe city council approved the "
	                   "budget on Monday. Libraries will open later.\n",
	                   75, PRECIS_FORMAT_MARKDOWN);
	cr_assert_str_eq(h, "Budget passes, council says");
	precis_free(h);
}

Test(headline, plain_first_line_title_is_used_as_is)
{
	char *h = headline("Russian foreign minister conveys Putin's message to Kim\n\n"
	                   "PYONGYANG \xE2\x80\xA2 Russian Foreign Minister Sergey Lavrov passed "
	                   "a message yesterday, an official said.\n",
	                   75, PRECIS_FORMAT_PLAIN);
	cr_assert_str_eq(h, "Russian foreign minister conveys Putin's message to Kim");
	precis_free(h);
	/* a long title is still fitted */
	h = headline("Russian foreign minister conveys Putin's message to Kim\n\n"
	             "Lavrov passed a message yesterday.\n", 40, PRECIS_FORMAT_PLAIN);
	check_fit(h, 40, "Russian foreign minister conveys Putin's message to Kim");
	cr_assert_str_eq(h, "Russian foreign minister conveys Putin's");
	precis_free(h);
}

Test(headline, empty_document)
{
	char *h = headline("", 75, PRECIS_FORMAT_AUTO);
	cr_assert_str_eq(h, "");
	precis_free(h);
	h = headline("   \n\n  ", 75, PRECIS_FORMAT_AUTO);
	cr_assert_str_eq(h, "");
	precis_free(h);
}

Test(headline, final_stop_dropped_but_not_inner_ones)
{
	char *h = headline("Shares of Acme Inc. rose 3.5 percent on Monday.", 75,
	                   PRECIS_FORMAT_PLAIN);
	cr_assert_str_eq(h, "Shares of Acme Inc. rose 3.5 percent");
	precis_free(h);
}

/* The sample article, when the shared samples are present. */
Test(headline, straits_times_sample)
{
	const char *dir = getenv("PRECIS_SHARED");
	char path[4096];
	snprintf(path, sizeof path, "%s/samples/straits-times-2018-06-01.txt",
	         dir ? dir : "/work/shared");
	FILE *f = fopen(path, "rb");
	if (!f)
		cr_skip_test("no %s", path);
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* the body: from line 3 on (line 1 is the title, line 2 blank) */
	const char *body = buf;
	for (int line = 0; line < 2 && body; line++) {
		body = strchr(body, '\n');
		if (body)
			body++;
	}
	cr_assert_not_null(body);
	char *h = headline(body, 75, PRECIS_FORMAT_PLAIN);
	cr_assert_gt(strlen(h), 20, "\"%s\"", h);
	check_fit(h, 75, body);
	cr_assert_null(strstr(h, "PYONGYANG"), "\"%s\"", h);
	cr_assert_null(strstr(h, "Peskov said"), "\"%s\"", h);
	precis_free(h);
}

static char *headline_lang(const char *text, size_t limit, const char *lang)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.headline_bytes = limit;
	o.lang = lang;
	char *h = NULL;
	size_t n = 0;
	int rc = precis_headline_text(&h, &n, text, strlen(text), &o);
	cr_assert_eq(rc, PRECIS_OK, "%s", precis_strerror(rc));
	return h;
}

/* Chinese: a short opening time phrase and an opening attribution go. */
Test(headline, chinese_lead_phrase_and_attribution)
{
	/* 昨晚，中联航空成都飞北京一架航班被发现有多人吸烟。 */
	char *h = headline_lang("\xE6\x98\xA8\xE6\x99\x9A\xEF\xBC\x8C"
	                        "\xE4\xB8\xAD\xE8\x81\x94\xE8\x88\xAA\xE7\xA9\xBA\xE6\x88\x90\xE9\x83\xBD"
	                        "\xE9\xA3\x9E\xE5\x8C\x97\xE4\xBA\xAC\xE4\xB8\x80\xE6\x9E\xB6\xE8\x88\xAA"
	                        "\xE7\x8F\xAD\xE8\xA2\xAB\xE5\x8F\x91\xE7\x8E\xB0\xE6\x9C\x89\xE5\xA4\x9A"
	                        "\xE4\xBA\xBA\xE5\x90\xB8\xE7\x83\x9F\xE3\x80\x82",
	                        200, "zh");
	cr_assert(strncmp(h, "\xE4\xB8\xAD\xE8\x81\x94", 6) == 0, "\"%s\" starts with 中联", h);
	precis_free(h);
	/* 路透中文网6月9日刊文称，中国看来帮了日本一把。: the statement stays */
	h = headline_lang("\xE8\xB7\xAF\xE9\x80\x8F\xE4\xB8\xAD\xE6\x96\x87\xE7\xBD\x91"
	                  "6\xE6\x9C\x88" "9\xE6\x97\xA5\xE5\x88\x8A\xE6\x96\x87\xE7\xA7\xB0\xEF\xBC\x8C"
	                  "\xE4\xB8\xAD\xE5\x9B\xBD\xE7\x9C\x8B\xE6\x9D\xA5\xE5\xB8\xAE\xE4\xBA\x86"
	                  "\xE6\x97\xA5\xE6\x9C\xAC\xE4\xB8\x80\xE6\x8A\x8A\xE3\x80\x82",
	                  200, "zh");
	cr_assert(strncmp(h, "\xE4\xB8\xAD\xE5\x9B\xBD", 6) == 0, "\"%s\" starts with 中国", h);
	precis_free(h);
}

/* "X said Thursday that ...": the source goes only when room is short. */
Test(headline, lead_attribution_goes_when_room_is_short)
{
	static const char text[] =
		"French authorities said Thursday that the Paris stock exchange would join an "
		"alliance between London and Frankfurt that is seen as the precursor of a "
		"pan-European market.";
	char *h = headline(text, 75, PRECIS_FORMAT_PLAIN);
	cr_assert_str_eq(h, "Paris stock exchange would join alliance between London and Frankfurt");
	precis_free(h);
	h = headline(text, 300, PRECIS_FORMAT_PLAIN);
	cr_assert(strncmp(h, "French authorities said that the Paris", 38) == 0, "\"%s\"", h);
	precis_free(h);
}
