/* headline.c: source choice, datelines, attributions, fitting. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <precis.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The plain-text headline of text within limit bytes is want. */
static void expect_headline(const char *text, size_t limit, const char *want)
{
	char *h = headline(text, limit, PRECIS_FORMAT_PLAIN);
	cr_assert_str_eq(h, want);
	precis_free(h);
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
	/* headlinese when room is short: the articles go, a person named
	 * after a role keeps the surname ("Kim Jong Un" puts the family name
	 * first and stays whole), and "President" goes before a name the text
	 * names again ("Mr Putin") */
	h = headline(story, 120, PRECIS_FORMAT_PLAIN);
	cr_assert_str_eq(h, "Russian Foreign Minister Lavrov passed message from "
	                    "Putin to North Korean leader Kim Jong Un during visit to Pyongyang");
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
	  "South Korea and the U.S. held talks on trade" },
	{ "New rules - which start today - cover all imported cars and trucks.",
	  "New rules - which start today - cover all imported cars and trucks" },
	{ "The plan (approved in 2017) cuts costs for small farms in the region.",
	  "The plan cuts costs for small farms in the region" },
	{ "Prices fell again in March, according to the national statistics office.",
	  "Prices fell again in March" },
	/* the en dash and the bullet share the em dash's first two bytes */
	{ "TOKYO \xE2\x80\x93 Japan's central bank kept its interest rates unchanged on Tuesday.",
	  "Japan's central bank kept its interest rates unchanged" },
	{ "MADRID \xE2\x80\xA2 Spain opened three new rail lines to the north coast.",
	  "Spain opened three new rail lines to the north coast" },
	/* a wire credit glued to its dash */
	{ "NEW DELHI, December 1 (Xinhua)-- India and Bangladesh have agreed to keep the "
	  "border open.",
	  "India and Bangladesh agreed to keep the border open" },
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

/* One rule of the English trimming, on a hand-written sentence. */
typedef struct rcase {
	char text[240];
	size_t limit;
	char want[160];
} rcase;

static rcase english_rules[] = {
	/* after a role, the surname alone, when room is short */
	{ "Middlesbrough boss Steve McClaren hopes that Stewart Downing did not seriously "
	  "damage his ankle in the win over Sporting Lisbon.", 75,
	  "Middlesbrough boss McClaren hopes Stewart Downing did not seriously damage" },
	/* ... a commissioner's or a king's too */
	{ "The league commissioner Roger Goodell suspended the quarterback for four games "
	  "after a long investigation into the team.", 75,
	  "League commissioner Goodell suspended quarterback for four games after long" },
	/* ... and after a title written short, with its full stop */
	{ "Sen. John McCain said on Tuesday that he would not support the new tax bill "
	  "drafted by the committee.", 75,
	  "Sen. McCain said he would not support new tax bill drafted by committee" },
	{ "Police said Dr. Barnett Slepian was shot through a window of his home in the "
	  "suburbs of the city.", 60,
	  "Police said Dr. Slepian shot through window of home" },
	/* a cut does not end on a title written short, whose name it lost */
	{ "The struggle for control of the House of Representatives is under way, with Rep. "
	  "Livingston of Louisiana and Rep. Cox of California in the lead.", 75,
	  "Struggle for control of House of Representatives is under way" },
	/* a family name that comes first is not a given name */
	{ "Cambodian leader Hun Sen rejected opposition demands for talks outside the "
	  "country on forming a new government.", 75,
	  "Cambodian leader Hun Sen rejected opposition demands for talks outside" },
	/* an aside between dashes goes, as a parenthesis does; after an
	 * opening phrase, a comma takes the second dash's place; a single
	 * dash is no aside */
	{ "King Norodom Sihanouk praised agreements by the top two parties _ previously bitter "
	  "rivals _ to form a coalition government.", 200,
	  "King Norodom Sihanouk praised agreements by the top two parties to form a coalition "
	  "government" },
	{ "If the Communist Party has its way _ and it has been planning for months _ millions "
	  "of Russians will take to the streets on Wednesday.", 200,
	  "If the Communist Party has its way, millions of Russians will take to the streets" },
	{ "Shares rose -- led by banks and oil companies -- as investors returned to the market "
	  "after the holiday.", 200,
	  "Shares rose as investors returned to the market after the holiday" },
	{ "The fees banks charge for using ATM machines are under attack by state governments, "
	  "cities _ even the Pentagon.", 200,
	  "The fees banks charge for using ATM machines are under attack by state governments, "
	  "cities _ even the Pentagon" },
	/* a middle initial goes */
	{ "President George W. Bush met Prime Minister Tony Blair at Camp David to discuss "
	  "the war.", 200,
	  "President George Bush met Prime Minister Tony Blair at Camp David to discuss the war" },
	/* "has taken" is not "taken"; "has backed" is "backed" */
	{ "Shareholders in the phone firm have taken legal action to halt the buyout.", 200,
	  "Shareholders in the phone firm have taken legal action to halt the buyout" },
	{ "The union has backed the plan to cut costs at the plant.", 200,
	  "The union backed the plan to cut costs at the plant" },
	/* "could have won" is not "could won" */
	{ "Former President Jimmy Carter could have won the prize in 1978.", 200,
	  "Former President Jimmy Carter could have won the prize in 1978" },
	/* headlinese "be": "is to", the passive, the progressive */
	{ "Pop star Christina Aguilera is to marry music executive Jordan Bratman.", 200,
	  "Pop star Christina Aguilera to marry music executive Jordan Bratman" },
	{ "Greg Rusedski was forced to withdraw from the Open 13 in Marseille with a rib "
	  "injury.", 200,
	  "Greg Rusedski forced to withdraw from the Open 13 in Marseille with a rib injury" },
	{ "MPs are preparing to debate a bill which critics claim would legalise euthanasia.",
	  200, "MPs preparing to debate a bill which critics claim would legalise euthanasia" },
	/* but not in a subordinate clause */
	{ "Hours after Darryl Strawberry was released from hospital, the Yankees won again.",
	  200, "Hours after Darryl Strawberry was released from hospital, the Yankees won again" },
	/* "also" points at a sentence the headline does not have */
	{ "The company also cut its forecast for the year.", 200,
	  "The company cut its forecast for the year" },
	/* "X said he ..." -> "X ...", when room is short; not after "insists" */
	{ "Tony Blair said he looks forward to continuing his strong relationship with "
	  "George Bush after the election.", 75,
	  "Tony Blair looks forward to continuing strong relationship with George Bush" },
	{ "Ferrero insists he can get back to his best form after a difficult season on the "
	  "tour.", 75, "Ferrero insists he can get back to best form after difficult season on tour" },
	/* a relative clause goes on past ", but also ..." */
	{ "Doctors Without Borders, which sends doctors to the poorest parts of the world, but "
	  "also speaks out, has been awarded the Nobel Peace Prize for its work in war zones.", 75,
	  "Doctors Without Borders awarded Nobel Peace Prize for work in war zones" },
	/* possessives go as articles do when room is short, but a quotation
	 * keeps its words */
	{ "Ken Livingstone should \"stick to his guns\" and not apologise for his comments "
	  "to a reporter outside a party at the city hall.", 75,
	  "Ken Livingstone should \"stick to his guns\" and not apologise for comments" },
	{ "Two US firms have launched campaigns to \"set the record straight\" about their "
	  "business practices in the courts.", 75,
	  "Two US firms launched campaigns to \"set the record straight\" about business" },
	/* an inverted sentence keeps the phrase its subject follows */
	{ "And in the midst of the storm, among millions of particles, will be 600 or so "
	  "satellites.", 200,
	  "In the midst of the storm, among millions of particles, will be 600 or so satellites" },
	/* a wire credit marks where the story starts; a leading "_" goes */
	{ "Eds: UPDATES with four more deaths AP Photo By ALISON MUTLER Associated Press "
	  "Writer BUCHAREST, Romania (AP) _ An Arctic cold wave has killed at least 65 people "
	  "across Europe.", 200, "An Arctic cold wave killed at least 65 people across Europe" },
	{ "_ The computer industry has known about the Y2K problem since the early 1980s.", 200,
	  "The computer industry has known about the Y2K problem since the early 1980s" },
	/* "that" goes after a verb of saying, past a time expression that has
	 * gone, and after a noun that holds a statement; a relative "that" stays */
	{ "Fleet Financial Group said Monday that it would temporarily freeze its automatic "
	  "teller surcharge in Massachusetts.", 75,
	  "Fleet Financial Group would temporarily freeze teller surcharge" },
	{ "Shares in US phone company MCI have risen on speculation that it is in takeover "
	  "talks with a rival firm.", 75,
	  "Shares in US phone company MCI have risen on speculation it is in takeover" },
	{ "A report that found serious flaws in the plan has been published by the committee "
	  "on Monday.", 60, "Report that found serious flaws in plan published" },
	/* the reported clause keeps its "be" */
	{ "A senior executive of the European Union claimed that the single currency is "
	  "gaining support among the member states.", 75,
	  "Senior executive of European Union claimed single currency is gaining" },
	/* "be" goes before an adjective that takes what follows ("close to") */
	{ "Manchester United winger Cristiano Ronaldo is close to agreeing a new contract at "
	  "Old Trafford.", 200,
	  "Manchester United winger Cristiano Ronaldo close to agreeing a new contract at "
	  "Old Trafford" },
	/* ... after a subject that ends on an appositive or an acronym */
	{ "Michael Howard's wife, Sandra, is to play a leading role in the campaign.", 200,
	  "Michael Howard's wife, Sandra, to play a leading role in the campaign" },
	{ "General Motors (GM) is recalling nearly 200,000 vehicles in the US.", 200,
	  "General Motors (GM) recalling nearly 200,000 vehicles in the US" },
	/* ... and once a relative clause has gone */
	{ "Comedian Chris Morris, who created the controversial TV show Brass Eye, is to "
	  "return to screens with a new sitcom about a spoof London media worker.", 75,
	  "Comedian Morris to return to screens with new sitcom about spoof London" },
	/* a manner adverb goes when room is short, and then its auxiliary; not
	 * one that carries the news ("formally elected") */
	{ "Telecoms equipment maker Nortel Networks has sharply revised downwards its "
	  "profits for the last three years.", 75,
	  "Telecoms equipment maker Nortel Networks revised downwards profits for last" },
	{ "Parliament formally elected General Emile Lahoud, the popular army commander, as "
	  "the president of Lebanon.", 75,
	  "Parliament formally elected General Emile Lahoud as president of Lebanon" },
	/* a closing source with another verb of saying */
	{ "Smoke-free areas will save lives and improve Scotland's health, First Minister "
	  "Jack McConnell insisted.", 200,
	  "Smoke-free areas will save lives and improve Scotland's health" },
	/* "has hit" reads as "hit"; "has become" is not "become" */
	{ "The soaring cost of oil has hit global economic growth this year.", 200,
	  "The soaring cost of oil hit global economic growth" },
	{ "The firm has become the biggest seller of music online.", 200,
	  "The firm has become the biggest seller of music online" },
	/* the passive and the perfect progressive lose "have been", past an
	 * adverb that stays; "is up" loses "is" */
	{ "Two high-speed lifts at the world's tallest building have been officially "
	  "recognised as the planet's fastest.", 75,
	  "Two high-speed lifts at world's tallest building officially recognised" },
	{ "TV, films, and games have been gearing up for some time now for the next "
	  "revolution.", 200, "TV, films, and games gearing up for some time now for the next "
	  "revolution" },
	{ "Spam traffic is up by 40% this year, according to the filtering firm.", 200,
	  "Spam traffic up by 40%" },
	/* "said he" after a long title before the name; not in a clause that
	 * "when" opens */
	{ "Veteran Labour MP and former Cabinet minister Jack Cunningham has said he will "
	  "stand down at the next election.", 75,
	  "Veteran Labour MP and former Cabinet minister Cunningham will stand down" },
	{ "Wi-fi connections moved a step closer to reality when Intel said it would back "
	  "the new standards for the chips.", 75,
	  "Wi-fi connections moved step closer to reality when Intel said it" },
	/* an appositive goes even if the headline is then short, when with it
	 * the verb and its object would not fit; not when they would */
	{ "Circuit City Stores, the second-largest electronics retailer in the US, has "
	  "received a $3.25bn takeover offer.", 75,
	  "Circuit City Stores received $3.25bn takeover offer" },
	{ "Jef Raskin, head of the team behind the first Macintosh computer, has died.", 75,
	  "Jef Raskin, head of the team behind the first Macintosh computer, died" },
	/* "here", the place of a dateline the headline does not have, goes;
	 * not "from here" */
	{ "Egyptian President Hosni Mubarak met here Sunday with Syrian President Hafez "
	  "Assad.", 200,
	  "Egyptian President Hosni Mubarak met with Syrian President Hafez Assad" },
	{ "Matthew Shepard, a gay student, died here.", 200,
	  "Matthew Shepard, a gay student, died" },
	{ "Officials said the road from here to the coast was closed.", 200,
	  "Officials said the road from here to the coast was closed" },
	/* an appositive of more than ten words goes too */
	{ "Matthew Shepard, the gay college student who was kidnapped and severely beaten, "
	  "died here Monday, five days after he was found unconscious on a Wyoming ranch.", 75,
	  "Matthew Shepard died five days after he was found unconscious on Wyoming" },
	/* participles that go on describing the name belong to the
	 * appositive, up to the comma before the verb's auxiliary; not
	 * when what follows them is the verb itself */
	{ "Rosa Lindqvist, the ferry captain who was praised by the coastguard, pulled from "
	  "the sea and taken to hospital, was honoured at a ceremony in the harbour town "
	  "on Friday by hundreds of residents.", 75,
	  "Rosa Lindqvist honoured at ceremony in harbour town by hundreds" },
	{ "Rosa Lindqvist, the ferry captain, pulled three swimmers from the sea, rescuers "
	  "said.", 200, "Rosa Lindqvist, the ferry captain, pulled three swimmers from the sea" },
	/* a leading source whose statement follows a colon goes with it */
	{ "The Daily Courier said in an editorial on Sunday, May 4: The city's plan to close "
	  "the old library on the river is a mistake that will cost far more than it saves.",
	  75, "City's plan to close old library on river is mistake that will cost far" },
	/* a leading phrase ends at its own comma, not at one it quotes */
	{ "Saying \"if we have to wait, we will wait,\" the mayor of the harbour town delayed "
	  "the vote on the plan to rebuild the old pier until the spring.", 75,
	  "Mayor of harbour town delayed vote on plan to rebuild old pier until spring" },
	/* "President" goes before a name the text keeps naming, while room
	 * is short; not after another capitalised word, nor before a name
	 * named once */
	{ "The Nordic Nations and the European Union are stepping up the pressure on President "
	  "Aldo Varga, warning that sanctions are certain unless he frees the prisoners. "
	  "Varga has not answered. Aides to Varga said he would speak on Monday.", 75,
	  "Nordic Nations and European Union stepping up pressure on Varga, warning" },
	{ "The Nordic Nations and the European Union are stepping up the pressure on President "
	  "Aldo Varga, warning that sanctions are certain unless he frees the prisoners. "
	  "The government has not answered. Aides said he would speak on Monday.", 75,
	  "Nordic Nations and European Union stepping up pressure on President Varga" },
	{ "The Nordic Nations and the European Union are stepping up the pressure on Lakeland "
	  "President Aldo Varga, warning that sanctions are certain unless he frees them. "
	  "Varga has not answered. Aides to Varga said he would speak on Monday.", 75,
	  "Nordic Nations and European Union stepping up pressure on Lakeland" },
	/* a clause with a time word is not a time phrase: it stays */
	{ "Budget negotiations faltered Friday, prompting Congress to delay until midnight "
	  "Monday its deadline for passing a spending bill.", 75,
	  "Budget negotiations faltered prompting Congress to delay until midnight" },
	/* a time phrase that ends a clause between commas leaves its comma,
	 * also past an auxiliary that has gone; not when the clause has gone
	 * or no comma opened it */
	{ "Workers at the (Detroit) plant, who voted on Friday, have also backed the plan.",
	  75, "Workers at the plant, who voted, have backed the plan" },
	{ "The mayor, who took office on Monday, has backed the plan to rebuild the old "
	  "harbour.", 200, "The mayor, who took office, backed the plan to rebuild the old harbour" },
	{ "Workers at the Detroit plant, who voted on Friday, have also backed the plan to "
	  "cut costs at the factory.", 75,
	  "Workers at Detroit plant have backed plan to cut costs at factory" },
	{ "The bridge will open to traffic on Monday, five years after the old one fell.", 200,
	  "The bridge will open to traffic five years after the old one fell" },
	/* an appositive that goes leaves the comma that also closed an aside
	 * before it; one followed by "of ..." takes the comma after that too */
	{ "Neal Horsley, a computer programmer in Carrollton, Ga., does not understand what "
	  "the fuss over the site is about.", 90,
	  "Neal Horsley, computer programmer in Carrollton, does not understand what fuss over site" },
	{ "Andreas Werner, 46, of Leipzig, failed to spot the motorcyclist as he turned his van "
	  "right into the lane.", 90,
	  "Andreas Werner of Leipzig failed to spot motorcyclist as he turned van right into lane" },
	/* a quotation keeps its words: "also" and the time stay inside it */
	{ "\"The union,\" a spokesman added, \"has also backed the plan on Monday.\"", 200,
	  "\"The union,\" a spokesman added, \"has also backed the plan on Monday\"" },
	/* a leading phrase that opens a quotation leaves its mark to the
	 * words after it */
	{ "\"After the storm on Friday, the farm was empty and the doors were open for days,\" "
	  "the farmer told the police officers who came to the house.", 75,
	  "\"The farm was empty and the doors were open for days,\" farmer told police" },
	/* a leading phrase opened by a measure of time goes; "withdrew before
	 * dawn" is not one */
	{ "Two days before the new euro currency goes into effect for 11 European Union "
	  "members, a growing number of Danes believe their country should take part.", 75,
	  "A growing number of Danes believe their country should take part" },
	{ "Troops withdrew before dawn, leaving the city without a single soldier to defend "
	  "it against the rebels in the hills.", 75,
	  "Troops withdrew before dawn, leaving city without single soldier to defend" },
	/* "United States" and "United Nations" go by their initials, the room
	 * they free keeps more of the sentence, and a cut or the subject's
	 * "be" after them leaves their last stop */
	{ "The United States and Russia stepped up pressure on the Yugoslav leader, "
	  "warning that NATO was ready to strike.", 75,
	  "U.S. and Russia stepped up pressure on Yugoslav leader, warning NATO" },
	{ "Five sniper attacks against abortion doctors took place in Canada and the "
	  "United States.", 75,
	  "Five sniper attacks against abortion doctors took place in Canada and U.S." },
	{ "The United States is disappointed by the confusion within the new government.", 75,
	  "The U.S. disappointed by the confusion within the new government" },
	{ "The United Nations Development Program and the National Institute for Mine "
	  "Clearance signed an agreement.", 75,
	  "U.N. Development Program and National Institute for Mine Clearance signed" },
};

ParameterizedTestParameters(headline, english_rules)
{
	return cr_make_param_array(rcase, english_rules,
	                           sizeof english_rules / sizeof english_rules[0]);
}

ParameterizedTest(rcase *c, headline, english_rules)
{
	char *h = headline_lang(c->text, c->limit, "en");
	cr_assert_str_eq(h, c->want);
	precis_free(h);
}

/* French: the passive's auxiliary, the day, the leading phrase, the source,
 * a relative clause and a connective go; "a attaqué" keeps its auxiliary;
 * a cut headline does not end on "de" or "la". */
static rcase french_rules[] = {
	{ "Dans la nuit de samedi \xC3\xA0 dimanche 1er d\xC3\xA9" "cembre, un \xC3\xA9pisode de "
	  "pluies m\xC3\xA9" "diterran\xC3\xA9" "ennes est attendu sur le sud de la France.", 75,
	  "Un \xC3\xA9pisode de pluies m\xC3\xA9" "diterran\xC3\xA9" "ennes est attendu sur le sud" },
	{ "Johanna Rolland, maire PS de Nantes, a \xC3\xA9t\xC3\xA9 enfarin\xC3\xA9" "e samedi "
	  "6 octobre sur un march\xC3\xA9 de la ville.", 200,
	  "Johanna Rolland, maire PS de Nantes, enfarin\xC3\xA9" "e sur un march\xC3\xA9 de la ville" },
	{ "Un homme a attaqu\xC3\xA9 au couteau samedi matin 4 avril plusieurs personnes dans "
	  "une boulangerie.", 200,
	  "Un homme a attaqu\xC3\xA9 au couteau plusieurs personnes dans une boulangerie" },
	{ "Un couple de policiers a \xC3\xA9t\xC3\xA9 rou\xC3\xA9 de coups devant leur fille "
	  "\xC3\xA0 Othis, a annonc\xC3\xA9 la pr\xC3\xA9" "fecture.", 200,
	  "Un couple de policiers rou\xC3\xA9 de coups devant leur fille \xC3\xA0 Othis" },
	/* "a annoncé qu'elle ...": the verb of the sentence, not a source */
	{ "Ingrid Levavasseur a annonc\xC3\xA9 lundi 18 mars qu'elle ne participera plus aux "
	  "manifestations.", 200,
	  "Ingrid Levavasseur a annonc\xC3\xA9 qu'elle ne participera plus aux manifestations" },
	{ "Un alpiniste fran\xC3\xA7" "ais, dont l'identit\xC3\xA9 n'a pas \xC3\xA9t\xC3\xA9 "
	  "r\xC3\xA9v\xC3\xA9l\xC3\xA9" "e, a trouv\xC3\xA9 la mort dans les Andes "
	  "p\xC3\xA9ruviennes.", 75,
	  "Un alpiniste fran\xC3\xA7" "ais a trouv\xC3\xA9 la mort dans les Andes p\xC3\xA9ruviennes" },
	{ "Mais le gouvernement doit encore lever de nombreuses incertitudes sur le "
	  "calendrier.", 200,
	  "Le gouvernement doit encore lever de nombreuses incertitudes sur le calendrier" },
	{ "Les deux f\xC3\xA9lins au pelage tachet\xC3\xA9 sont n\xC3\xA9s le 20 mars dans le zoo "
	  "de la ville de Cordoba.", 60,
	  "Les deux f\xC3\xA9lins au pelage tachet\xC3\xA9 sont n\xC3\xA9s le 20 mars" },
	/* a phrase that goes on past its first comma stays */
	{ "A Lyon, capitale de la gastronomie, ou sur les rives du lac d'Annecy, les plus "
	  "grandes tables anticipent des lendemains difficiles.", 200,
	  "A Lyon, capitale de la gastronomie, ou sur les rives du lac d'Annecy, les plus "
	  "grandes tables anticipent des lendemains difficiles" },
};

ParameterizedTestParameters(headline, french_rules)
{
	return cr_make_param_array(rcase, french_rules,
	                           sizeof french_rules / sizeof french_rules[0]);
}

ParameterizedTest(rcase *c, headline, french_rules)
{
	char *h = headline_lang(c->text, c->limit, "fr");
	cr_assert_str_eq(h, c->want);
	precis_free(h);
}

/* Chinese: a date, a source ("据港媒报道，"), an attribution ("...获悉，") and a
 * full-width parenthesis go; "对...来说，" ("for ...") is not an attribution.
 * Inside the sentence, outside quotations, the day of the news, 了, 也 and
 * 已经 go; an opening clause that only sets the time goes. */
static rcase chinese_rules[] = {
	/* a date (and the particle 了):
	 * 1月31日，瓦尔斯总理在法国驻上海总领馆会见了京东集团创始人刘强东。 */
	{ "1\xE6\x9C\x88" "31\xE6\x97\xA5\xEF\xBC\x8C\xE7\x93\xA6\xE5\xB0\x94\xE6"
	  "\x96\xAF\xE6\x80\xBB\xE7\x90\x86\xE5\x9C\xA8\xE6\xB3\x95\xE5\x9B\xBD\xE9"
	  "\xA9\xBB\xE4\xB8\x8A\xE6\xB5\xB7\xE6\x80\xBB\xE9\xA2\x86\xE9\xA6\x86\xE4"
	  "\xBC\x9A\xE8\xA7\x81\xE4\xBA\x86\xE4\xBA\xAC\xE4\xB8\x9C\xE9\x9B\x86\xE5"
	  "\x9B\xA2\xE5\x88\x9B\xE5\xA7\x8B\xE4\xBA\xBA\xE5\x88\x98\xE5\xBC\xBA\xE4"
	  "\xB8\x9C\xE3\x80\x82",
	  200,
	  "\xE7\x93\xA6\xE5\xB0\x94\xE6\x96\xAF\xE6\x80\xBB\xE7\x90\x86\xE5\x9C\xA8"
	  "\xE6\xB3\x95\xE5\x9B\xBD\xE9\xA9\xBB\xE4\xB8\x8A\xE6\xB5\xB7\xE6\x80\xBB"
	  "\xE9\xA2\x86\xE9\xA6\x86\xE4\xBC\x9A\xE8\xA7\x81\xE4\xBA\xAC"
	  "\xE4\xB8\x9C\xE9\x9B\x86\xE5\x9B\xA2\xE5\x88\x9B\xE5\xA7\x8B\xE4\xBA\xBA"
	  "\xE5\x88\x98\xE5\xBC\xBA\xE4\xB8\x9C\xE3\x80\x82" },
	/* a source: 据港媒报道，早前成龙受访称现在儿子好、老婆开心，人生已到无求境界。 */
	{ "\xE6\x8D\xAE\xE6\xB8\xAF\xE5\xAA\x92\xE6\x8A\xA5\xE9\x81\x93\xEF\xBC\x8C"
	  "\xE6\x97\xA9\xE5\x89\x8D\xE6\x88\x90\xE9\xBE\x99\xE5\x8F\x97\xE8\xAE\xBF"
	  "\xE7\xA7\xB0\xE7\x8E\xB0\xE5\x9C\xA8\xE5\x84\xBF\xE5\xAD\x90\xE5\xA5\xBD"
	  "\xE3\x80\x81\xE8\x80\x81\xE5\xA9\x86\xE5\xBC\x80\xE5\xBF\x83\xEF\xBC\x8C"
	  "\xE4\xBA\xBA\xE7\x94\x9F\xE5\xB7\xB2\xE5\x88\xB0\xE6\x97\xA0\xE6\xB1\x82"
	  "\xE5\xA2\x83\xE7\x95\x8C\xE3\x80\x82",
	  200,
	  "\xE6\x97\xA9\xE5\x89\x8D\xE6\x88\x90\xE9\xBE\x99\xE5\x8F\x97\xE8\xAE\xBF"
	  "\xE7\xA7\xB0\xE7\x8E\xB0\xE5\x9C\xA8\xE5\x84\xBF\xE5\xAD\x90\xE5\xA5\xBD"
	  "\xE3\x80\x81\xE8\x80\x81\xE5\xA9\x86\xE5\xBC\x80\xE5\xBF\x83\xEF\xBC\x8C"
	  "\xE4\xBA\xBA\xE7\x94\x9F\xE5\xB7\xB2\xE5\x88\xB0\xE6\x97\xA0\xE6\xB1\x82"
	  "\xE5\xA2\x83\xE7\x95\x8C\xE3\x80\x82" },
	/* an attribution: 记者从光明食品集团获悉，光明森源今年全年的食用菌产量可望达到1.5万吨。 */
	{ "\xE8\xAE\xB0\xE8\x80\x85\xE4\xBB\x8E\xE5\x85\x89\xE6\x98\x8E\xE9\xA3\x9F"
	  "\xE5\x93\x81\xE9\x9B\x86\xE5\x9B\xA2\xE8\x8E\xB7\xE6\x82\x89\xEF\xBC\x8C"
	  "\xE5\x85\x89\xE6\x98\x8E\xE6\xA3\xAE\xE6\xBA\x90\xE4\xBB\x8A\xE5\xB9\xB4"
	  "\xE5\x85\xA8\xE5\xB9\xB4\xE7\x9A\x84\xE9\xA3\x9F\xE7\x94\xA8\xE8\x8F\x8C"
	  "\xE4\xBA\xA7\xE9\x87\x8F\xE5\x8F\xAF\xE6\x9C\x9B\xE8\xBE\xBE\xE5\x88\xB0"
	  "" "1.5\xE4\xB8\x87\xE5\x90\xA8\xE3\x80\x82",
	  200,
	  "\xE5\x85\x89\xE6\x98\x8E\xE6\xA3\xAE\xE6\xBA\x90\xE4\xBB\x8A\xE5\xB9\xB4"
	  "\xE5\x85\xA8\xE5\xB9\xB4\xE7\x9A\x84\xE9\xA3\x9F\xE7\x94\xA8\xE8\x8F\x8C"
	  "\xE4\xBA\xA7\xE9\x87\x8F\xE5\x8F\xAF\xE6\x9C\x9B\xE8\xBE\xBE\xE5\x88\xB0"
	  "" "1.5\xE4\xB8\x87\xE5\x90\xA8\xE3\x80\x82" },
	/* a full-width parenthesis (and the day):
	 * 华谊兄弟（300027）在昨日收盘后发布公告，公司拟以自有资金收购永乐影视。 */
	{ "\xE5\x8D\x8E\xE8\xB0\x8A\xE5\x85\x84\xE5\xBC\x9F\xEF\xBC\x88" "300027"
	  "\xEF\xBC\x89\xE5\x9C\xA8\xE6\x98\xA8\xE6\x97\xA5\xE6\x94\xB6\xE7\x9B\x98"
	  "\xE5\x90\x8E\xE5\x8F\x91\xE5\xB8\x83\xE5\x85\xAC\xE5\x91\x8A\xEF\xBC\x8C"
	  "\xE5\x85\xAC\xE5\x8F\xB8\xE6\x8B\x9F\xE4\xBB\xA5\xE8\x87\xAA\xE6\x9C\x89"
	  "\xE8\xB5\x84\xE9\x87\x91\xE6\x94\xB6\xE8\xB4\xAD\xE6\xB0\xB8\xE4\xB9\x90"
	  "\xE5\xBD\xB1\xE8\xA7\x86\xE3\x80\x82",
	  200,
	  "\xE5\x8D\x8E\xE8\xB0\x8A\xE5\x85\x84\xE5\xBC\x9F\xE5\x9C\xA8"
	  "\xE6\x94\xB6\xE7\x9B\x98\xE5\x90\x8E\xE5\x8F\x91\xE5\xB8\x83"
	  "\xE5\x85\xAC\xE5\x91\x8A\xEF\xBC\x8C\xE5\x85\xAC\xE5\x8F\xB8\xE6\x8B\x9F"
	  "\xE4\xBB\xA5\xE8\x87\xAA\xE6\x9C\x89\xE8\xB5\x84\xE9\x87\x91\xE6\x94\xB6"
	  "\xE8\xB4\xAD\xE6\xB0\xB8\xE4\xB9\x90\xE5\xBD\xB1\xE8\xA7\x86\xE3\x80\x82" },
	/* not an attribution: 来说: 对居住在上海浦东的股民陆楠来说，股票带来的伤痛是实实在在的。 */
	{ "\xE5\xAF\xB9\xE5\xB1\x85\xE4\xBD\x8F\xE5\x9C\xA8\xE4\xB8\x8A\xE6\xB5\xB7"
	  "\xE6\xB5\xA6\xE4\xB8\x9C\xE7\x9A\x84\xE8\x82\xA1\xE6\xB0\x91\xE9\x99\x86"
	  "\xE6\xA5\xA0\xE6\x9D\xA5\xE8\xAF\xB4\xEF\xBC\x8C\xE8\x82\xA1\xE7\xA5\xA8"
	  "\xE5\xB8\xA6\xE6\x9D\xA5\xE7\x9A\x84\xE4\xBC\xA4\xE7\x97\x9B\xE6\x98\xAF"
	  "\xE5\xAE\x9E\xE5\xAE\x9E\xE5\x9C\xA8\xE5\x9C\xA8\xE7\x9A\x84\xE3\x80\x82",
	  200,
	  "\xE5\xAF\xB9\xE5\xB1\x85\xE4\xBD\x8F\xE5\x9C\xA8\xE4\xB8\x8A\xE6\xB5\xB7"
	  "\xE6\xB5\xA6\xE4\xB8\x9C\xE7\x9A\x84\xE8\x82\xA1\xE6\xB0\x91\xE9\x99\x86"
	  "\xE6\xA5\xA0\xE6\x9D\xA5\xE8\xAF\xB4\xEF\xBC\x8C\xE8\x82\xA1\xE7\xA5\xA8"
	  "\xE5\xB8\xA6\xE6\x9D\xA5\xE7\x9A\x84\xE4\xBC\xA4\xE7\x97\x9B\xE6\x98\xAF"
	  "\xE5\xAE\x9E\xE5\xAE\x9E\xE5\x9C\xA8\xE5\x9C\xA8\xE7\x9A\x84\xE3\x80\x82" },
	/* the day of the news goes inside the sentence too:
	 * 阿里巴巴9月19日登陆纽交所，交易首日开盘价92.7美元。 */
	{ "\xE9\x98\xBF\xE9\x87\x8C\xE5\xB7\xB4\xE5\xB7\xB4" "9\xE6\x9C\x88"
	  "19\xE6\x97\xA5\xE7\x99\xBB\xE9\x99\x86\xE7\xBA\xBD\xE4\xBA\xA4"
	  "\xE6\x89\x80\xEF\xBC\x8C\xE4\xBA\xA4\xE6\x98\x93\xE9\xA6\x96"
	  "\xE6\x97\xA5\xE5\xBC\x80\xE7\x9B\x98\xE4\xBB\xB7" "92.7"
	  "\xE7\xBE\x8E\xE5\x85\x83\xE3\x80\x82",
	  200,
	  "\xE9\x98\xBF\xE9\x87\x8C\xE5\xB7\xB4\xE5\xB7\xB4\xE7\x99\xBB"
	  "\xE9\x99\x86\xE7\xBA\xBD\xE4\xBA\xA4\xE6\x89\x80\xEF\xBC\x8C"
	  "\xE4\xBA\xA4\xE6\x98\x93\xE9\xA6\x96\xE6\x97\xA5\xE5\xBC\x80"
	  "\xE7\x9B\x98\xE4\xBB\xB7" "92.7\xE7\xBE\x8E\xE5\x85\x83"
	  "\xE3\x80\x82" },
	/* with its preposition: 中国政府决定恢复驻索马里大使馆，并于7月1日正式启动相关工作。 */
	{ "\xE4\xB8\xAD\xE5\x9B\xBD\xE6\x94\xBF\xE5\xBA\x9C\xE5\x86\xB3"
	  "\xE5\xAE\x9A\xE6\x81\xA2\xE5\xA4\x8D\xE9\xA9\xBB\xE7\xB4\xA2"
	  "\xE9\xA9\xAC\xE9\x87\x8C\xE5\xA4\xA7\xE4\xBD\xBF\xE9\xA6\x86"
	  "\xEF\xBC\x8C\xE5\xB9\xB6\xE4\xBA\x8E" "7\xE6\x9C\x88" "1"
	  "\xE6\x97\xA5\xE6\xAD\xA3\xE5\xBC\x8F\xE5\x90\xAF\xE5\x8A\xA8"
	  "\xE7\x9B\xB8\xE5\x85\xB3\xE5\xB7\xA5\xE4\xBD\x9C\xE3\x80\x82",
	  200,
	  "\xE4\xB8\xAD\xE5\x9B\xBD\xE6\x94\xBF\xE5\xBA\x9C\xE5\x86\xB3"
	  "\xE5\xAE\x9A\xE6\x81\xA2\xE5\xA4\x8D\xE9\xA9\xBB\xE7\xB4\xA2"
	  "\xE9\xA9\xAC\xE9\x87\x8C\xE5\xA4\xA7\xE4\xBD\xBF\xE9\xA6\x86"
	  "\xEF\xBC\x8C\xE5\xB9\xB6\xE6\xAD\xA3\xE5\xBC\x8F\xE5\x90\xAF"
	  "\xE5\x8A\xA8\xE7\x9B\xB8\xE5\x85\xB3\xE5\xB7\xA5\xE4\xBD\x9C"
	  "\xE3\x80\x82" },
	/* but not the day that bounds a span ("from 1 August"):
	 * 北京市8月1日起实施新的停车规定，违规车辆将被扣分。 */
	{ "\xE5\x8C\x97\xE4\xBA\xAC\xE5\xB8\x82" "8\xE6\x9C\x88" "1"
	  "\xE6\x97\xA5\xE8\xB5\xB7\xE5\xAE\x9E\xE6\x96\xBD\xE6\x96\xB0"
	  "\xE7\x9A\x84\xE5\x81\x9C\xE8\xBD\xA6\xE8\xA7\x84\xE5\xAE\x9A"
	  "\xEF\xBC\x8C\xE8\xBF\x9D\xE8\xA7\x84\xE8\xBD\xA6\xE8\xBE\x86"
	  "\xE5\xB0\x86\xE8\xA2\xAB\xE6\x89\xA3\xE5\x88\x86\xE3\x80\x82",
	  200,
	  "\xE5\x8C\x97\xE4\xBA\xAC\xE5\xB8\x82" "8\xE6\x9C\x88" "1"
	  "\xE6\x97\xA5\xE8\xB5\xB7\xE5\xAE\x9E\xE6\x96\xBD\xE6\x96\xB0"
	  "\xE7\x9A\x84\xE5\x81\x9C\xE8\xBD\xA6\xE8\xA7\x84\xE5\xAE\x9A"
	  "\xEF\xBC\x8C\xE8\xBF\x9D\xE8\xA7\x84\xE8\xBD\xA6\xE8\xBE\x86"
	  "\xE5\xB0\x86\xE8\xA2\xAB\xE6\x89\xA3\xE5\x88\x86\xE3\x80\x82" },
	/* the aspect particle goes before a word or a number: 雅虎发布了2014年第四季度财报。 */
	{ "\xE9\x9B\x85\xE8\x99\x8E\xE5\x8F\x91\xE5\xB8\x83\xE4\xBA\x86" "2"
	  "014\xE5\xB9\xB4\xE7\xAC\xAC\xE5\x9B\x9B\xE5\xAD\xA3\xE5\xBA\xA6"
	  "\xE8\xB4\xA2\xE6\x8A\xA5\xE3\x80\x82",
	  200,
	  "\xE9\x9B\x85\xE8\x99\x8E\xE5\x8F\x91\xE5\xB8\x83" "2014"
	  "\xE5\xB9\xB4\xE7\xAC\xAC\xE5\x9B\x9B\xE5\xAD\xA3\xE5\xBA\xA6"
	  "\xE8\xB4\xA2\xE6\x8A\xA5\xE3\x80\x82" },
	/* not the 了 of 为了 "for" and 了解 "learn": 为了了解市场，公司派出了调查组。 */
	{ "\xE4\xB8\xBA\xE4\xBA\x86\xE4\xBA\x86\xE8\xA7\xA3\xE5\xB8\x82"
	  "\xE5\x9C\xBA\xEF\xBC\x8C\xE5\x85\xAC\xE5\x8F\xB8\xE6\xB4\xBE"
	  "\xE5\x87\xBA\xE4\xBA\x86\xE8\xB0\x83\xE6\x9F\xA5\xE7\xBB\x84"
	  "\xE3\x80\x82",
	  200,
	  "\xE4\xB8\xBA\xE4\xBA\x86\xE4\xBA\x86\xE8\xA7\xA3\xE5\xB8\x82"
	  "\xE5\x9C\xBA\xEF\xBC\x8C\xE5\x85\xAC\xE5\x8F\xB8\xE6\xB4\xBE"
	  "\xE5\x87\xBA\xE8\xB0\x83\xE6\x9F\xA5\xE7\xBB\x84\xE3\x80\x82" },
	/* 也 "also" goes: 总理也称赞柴火创客空间的奇思妙想。 */
	{ "\xE6\x80\xBB\xE7\x90\x86\xE4\xB9\x9F\xE7\xA7\xB0\xE8\xB5\x9E"
	  "\xE6\x9F\xB4\xE7\x81\xAB\xE5\x88\x9B\xE5\xAE\xA2\xE7\xA9\xBA"
	  "\xE9\x97\xB4\xE7\x9A\x84\xE5\xA5\x87\xE6\x80\x9D\xE5\xA6\x99"
	  "\xE6\x83\xB3\xE3\x80\x82",
	  200,
	  "\xE6\x80\xBB\xE7\x90\x86\xE7\xA7\xB0\xE8\xB5\x9E\xE6\x9F\xB4"
	  "\xE7\x81\xAB\xE5\x88\x9B\xE5\xAE\xA2\xE7\xA9\xBA\xE9\x97\xB4"
	  "\xE7\x9A\x84\xE5\xA5\x87\xE6\x80\x9D\xE5\xA6\x99\xE6\x83\xB3"
	  "\xE3\x80\x82" },
	/* and 已经 "already", but not 也许 "maybe":
	 * 全国分店总量已经达到1650家，也许年底还会更多。 */
	{ "\xE5\x85\xA8\xE5\x9B\xBD\xE5\x88\x86\xE5\xBA\x97\xE6\x80\xBB"
	  "\xE9\x87\x8F\xE5\xB7\xB2\xE7\xBB\x8F\xE8\xBE\xBE\xE5\x88\xB0" "1"
	  "650\xE5\xAE\xB6\xEF\xBC\x8C\xE4\xB9\x9F\xE8\xAE\xB8\xE5\xB9\xB4"
	  "\xE5\xBA\x95\xE8\xBF\x98\xE4\xBC\x9A\xE6\x9B\xB4\xE5\xA4\x9A"
	  "\xE3\x80\x82",
	  200,
	  "\xE5\x85\xA8\xE5\x9B\xBD\xE5\x88\x86\xE5\xBA\x97\xE6\x80\xBB"
	  "\xE9\x87\x8F\xE8\xBE\xBE\xE5\x88\xB0" "1650\xE5\xAE\xB6"
	  "\xEF\xBC\x8C\xE4\xB9\x9F\xE8\xAE\xB8\xE5\xB9\xB4\xE5\xBA\x95"
	  "\xE8\xBF\x98\xE4\xBC\x9A\xE6\x9B\xB4\xE5\xA4\x9A\xE3\x80\x82" },
	/* a quotation keeps its words: “今天我们正式签署了合并的合同。” */
	{ "\xE2\x80\x9C\xE4\xBB\x8A\xE5\xA4\xA9\xE6\x88\x91\xE4\xBB\xAC"
	  "\xE6\xAD\xA3\xE5\xBC\x8F\xE7\xAD\xBE\xE7\xBD\xB2\xE4\xBA\x86"
	  "\xE5\x90\x88\xE5\xB9\xB6\xE7\x9A\x84\xE5\x90\x88\xE5\x90\x8C"
	  "\xE3\x80\x82\xE2\x80\x9D",
	  200,
	  "\xE2\x80\x9C\xE4\xBB\x8A\xE5\xA4\xA9\xE6\x88\x91\xE4\xBB\xAC"
	  "\xE6\xAD\xA3\xE5\xBC\x8F\xE7\xAD\xBE\xE7\xBD\xB2\xE4\xBA\x86"
	  "\xE5\x90\x88\xE5\xB9\xB6\xE7\x9A\x84\xE5\x90\x88\xE5\x90\x8C"
	  "\xE3\x80\x82\xE2\x80\x9D" },
	/* an opening clause that only sets the time (继...之后, "following ...") goes:
	 * 继阿里巴巴推出“娱乐宝”之后，百度也于21日推出“百发有戏”。 */
	{ "\xE7\xBB\xA7\xE9\x98\xBF\xE9\x87\x8C\xE5\xB7\xB4\xE5\xB7\xB4"
	  "\xE6\x8E\xA8\xE5\x87\xBA\xE2\x80\x9C\xE5\xA8\xB1\xE4\xB9\x90"
	  "\xE5\xAE\x9D\xE2\x80\x9D\xE4\xB9\x8B\xE5\x90\x8E\xEF\xBC\x8C"
	  "\xE7\x99\xBE\xE5\xBA\xA6\xE4\xB9\x9F\xE4\xBA\x8E" "21"
	  "\xE6\x97\xA5\xE6\x8E\xA8\xE5\x87\xBA\xE2\x80\x9C\xE7\x99\xBE"
	  "\xE5\x8F\x91\xE6\x9C\x89\xE6\x88\x8F\xE2\x80\x9D\xE3\x80\x82",
	  200,
	  "\xE7\x99\xBE\xE5\xBA\xA6\xE6\x8E\xA8\xE5\x87\xBA\xE2\x80\x9C"
	  "\xE7\x99\xBE\xE5\x8F\x91\xE6\x9C\x89\xE6\x88\x8F\xE2\x80\x9D"
	  "\xE3\x80\x82" },
	/* and one that sets aside what the news is not about (除了 "apart from"):
	 * 除了出访或是参加重要活动，李克强总理都会在周三主持召开国务院常务会议。 */
	{ "\xE9\x99\xA4\xE4\xBA\x86\xE5\x87\xBA\xE8\xAE\xBF\xE6\x88\x96"
	  "\xE6\x98\xAF\xE5\x8F\x82\xE5\x8A\xA0\xE9\x87\x8D\xE8\xA6\x81"
	  "\xE6\xB4\xBB\xE5\x8A\xA8\xEF\xBC\x8C\xE6\x9D\x8E\xE5\x85\x8B"
	  "\xE5\xBC\xBA\xE6\x80\xBB\xE7\x90\x86\xE9\x83\xBD\xE4\xBC\x9A"
	  "\xE5\x9C\xA8\xE5\x91\xA8\xE4\xB8\x89\xE4\xB8\xBB\xE6\x8C\x81"
	  "\xE5\x8F\xAC\xE5\xBC\x80\xE5\x9B\xBD\xE5\x8A\xA1\xE9\x99\xA2"
	  "\xE5\xB8\xB8\xE5\x8A\xA1\xE4\xBC\x9A\xE8\xAE\xAE\xE3\x80\x82",
	  200,
	  "\xE6\x9D\x8E\xE5\x85\x8B\xE5\xBC\xBA\xE6\x80\xBB\xE7\x90\x86"
	  "\xE9\x83\xBD\xE4\xBC\x9A\xE5\x9C\xA8\xE5\x91\xA8\xE4\xB8\x89"
	  "\xE4\xB8\xBB\xE6\x8C\x81\xE5\x8F\xAC\xE5\xBC\x80\xE5\x9B\xBD"
	  "\xE5\x8A\xA1\xE9\x99\xA2\xE5\xB8\xB8\xE5\x8A\xA1\xE4\xBC\x9A"
	  "\xE8\xAE\xAE\xE3\x80\x82" },
	/* not when the rest points back to it (其 "his"):
	 * 在三精制药董事长东窗事发之前，关于其被举报的传言已在集团内部发酵多时。 */
	{ "\xE5\x9C\xA8\xE4\xB8\x89\xE7\xB2\xBE\xE5\x88\xB6\xE8\x8D\xAF"
	  "\xE8\x91\xA3\xE4\xBA\x8B\xE9\x95\xBF\xE4\xB8\x9C\xE7\xAA\x97"
	  "\xE4\xBA\x8B\xE5\x8F\x91\xE4\xB9\x8B\xE5\x89\x8D\xEF\xBC\x8C"
	  "\xE5\x85\xB3\xE4\xBA\x8E\xE5\x85\xB6\xE8\xA2\xAB\xE4\xB8\xBE"
	  "\xE6\x8A\xA5\xE7\x9A\x84\xE4\xBC\xA0\xE8\xA8\x80\xE5\xB7\xB2"
	  "\xE5\x9C\xA8\xE9\x9B\x86\xE5\x9B\xA2\xE5\x86\x85\xE9\x83\xA8"
	  "\xE5\x8F\x91\xE9\x85\xB5\xE5\xA4\x9A\xE6\x97\xB6\xE3\x80\x82",
	  200,
	  "\xE5\x9C\xA8\xE4\xB8\x89\xE7\xB2\xBE\xE5\x88\xB6\xE8\x8D\xAF"
	  "\xE8\x91\xA3\xE4\xBA\x8B\xE9\x95\xBF\xE4\xB8\x9C\xE7\xAA\x97"
	  "\xE4\xBA\x8B\xE5\x8F\x91\xE4\xB9\x8B\xE5\x89\x8D\xEF\xBC\x8C"
	  "\xE5\x85\xB3\xE4\xBA\x8E\xE5\x85\xB6\xE8\xA2\xAB\xE4\xB8\xBE"
	  "\xE6\x8A\xA5\xE7\x9A\x84\xE4\xBC\xA0\xE8\xA8\x80\xE5\xB7\xB2"
	  "\xE5\x9C\xA8\xE9\x9B\x86\xE5\x9B\xA2\xE5\x86\x85\xE9\x83\xA8"
	  "\xE5\x8F\x91\xE9\x85\xB5\xE5\xA4\x9A\xE6\x97\xB6\xE3\x80\x82" },
	/* what an investigation found is the news (发现 "found"):
	 * 警方调查发现，犯罪嫌疑人藏匿于柬埔寨境内。 */
	{ "\xE8\xAD\xA6\xE6\x96\xB9\xE8\xB0\x83\xE6\x9F\xA5\xE5\x8F\x91"
	  "\xE7\x8E\xB0\xEF\xBC\x8C\xE7\x8A\xAF\xE7\xBD\xAA\xE5\xAB\x8C"
	  "\xE7\x96\x91\xE4\xBA\xBA\xE8\x97\x8F\xE5\x8C\xBF\xE4\xBA\x8E"
	  "\xE6\x9F\xAC\xE5\x9F\x94\xE5\xAF\xA8\xE5\xA2\x83\xE5\x86\x85"
	  "\xE3\x80\x82",
	  200,
	  "\xE7\x8A\xAF\xE7\xBD\xAA\xE5\xAB\x8C\xE7\x96\x91\xE4\xBA\xBA"
	  "\xE8\x97\x8F\xE5\x8C\xBF\xE4\xBA\x8E\xE6\x9F\xAC\xE5\x9F\x94"
	  "\xE5\xAF\xA8\xE5\xA2\x83\xE5\x86\x85\xE3\x80\x82" },
};

ParameterizedTestParameters(headline, chinese_rules)
{
	return cr_make_param_array(rcase, chinese_rules,
	                           sizeof chinese_rules / sizeof chinese_rules[0]);
}

ParameterizedTest(rcase *c, headline, chinese_rules)
{
	char *h = headline_lang(c->text, c->limit, "zh");
	cr_assert_str_eq(h, c->want);
	precis_free(h);
}

/* A story whose lead does not name what the rest of it is about. */
static const char mitch[] =
	"Rescue teams worked through the night to reach villages cut off by the floods.\n\n"
	"Hurricane Mitch destroyed bridges and roads across the region. Officials said "
	"Hurricane Mitch had killed hundreds of people in the north.\n\n"
	"Aid from abroad began to arrive as Hurricane Mitch moved away. Survivors of "
	"Hurricane Mitch waited for food and clean water in the villages.\n";

static char *headline_opts(const char *text, size_t limit, const char *lang, unsigned flags)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.headline_bytes = limit;
	o.lang = lang;
	o.flags = flags;
	char *h = NULL;
	size_t n = 0;
	int rc = precis_headline_text(&h, &n, text, strlen(text), &o);
	cr_assert_eq(rc, PRECIS_OK, "%s", precis_strerror(rc));
	return h;
}

/* The story's topic opens the headline as a label when the sentence does
 * not name it, and the sentence is compressed for the room left. */
Test(headline, topic_label_when_the_sentence_lacks_it)
{
	char *h = headline_opts(mitch, 75, NULL, 0);
	cr_assert_str_eq(h, "Hurricane Mitch: Rescue teams worked through night to reach villages cut");
	check_fit(h, 75, mitch);
	precis_free(h);
	h = headline_opts(mitch, 40, NULL, 0);
	cr_assert_str_eq(h, "Hurricane Mitch: Rescue teams worked");
	precis_free(h);
}

/* An appositive between a verb's object and the "as" that completes the
 * verb goes as one before the verb does: the headline gets to the role. */
Test(headline, appositive_before_as)
{
	static const char text[] =
		"The board of the bank on Monday named Maria Lopez, a former central bank "
		"economist who ran the lender's business in Asia for a decade, as its new chief "
		"executive.\n\n"
		"Lopez will take over in March. The bank said Lopez had the trust of its "
		"investors.\n\n"
		"Shares in the bank rose after the news. Analysts said Lopez would cut costs at "
		"the bank.\n\n"
		"The bank has had three chief executives in five years. Lopez is the first woman "
		"to lead the bank.\n";
	char *h = headline_opts(text, 75, NULL, 0);
	cr_assert_str_eq(h, "Board of bank named Maria Lopez as its new chief executive");
	precis_free(h);
}

/* A label takes the room of the sentence's last words: it goes in only
 * when its words say more of the story than the words it pushes past the
 * cut. Here the sentence would lose "whose bridges and roads", which the
 * text names as often as the hurricane. */
Test(headline, no_label_that_costs_the_story_words)
{
	static const char text[] =
		"Rescue teams worked through the night to reach villages whose bridges and "
		"roads were swept away.\n\n"
		"Hurricane Mitch destroyed bridges and roads across the region. Officials said "
		"Hurricane Mitch had killed hundreds of people in the north, where few roads or "
		"bridges still stand.\n\n"
		"Aid from abroad began to arrive as Hurricane Mitch moved away. Survivors of "
		"Hurricane Mitch waited for new bridges and roads, and for food and clean water. "
		"Engineers said the bridges and roads would take a year to rebuild.\n";
	char *h = headline_opts(text, 75, NULL, 0);
	cr_assert_str_eq(h, "Rescue teams worked through night to reach villages whose bridges and roads");
	precis_free(h);
	/* the same sentence, its last words named once: the label pays */
	h = headline_opts(mitch, 75, NULL, 0);
	cr_assert(strncmp(h, "Hurricane Mitch: ", 17) == 0, "\"%s\"", h);
	precis_free(h);
}

/* No label when the sentence names the topic (nor the runner-up when it
 * is a lone common noun, "Villages:"), in a text of a few sentences, under
 * 40 bytes, outside English, or when key phrases fill the end instead. */
Test(headline, no_topic_label)
{
	static const char named[] =
		"Hurricane Mitch destroyed bridges and roads across the region on Monday.\n\n"
		"Rescue teams worked through the night to reach villages cut off by the floods. "
		"Officials said Hurricane Mitch had killed hundreds of people in the north.\n\n"
		"Aid from abroad began to arrive as Hurricane Mitch moved away. Survivors of "
		"Hurricane Mitch waited for food and clean water in the villages.\n";
	char *h = headline_opts(named, 75, NULL, 0);
	cr_assert_str_eq(h, "Hurricane Mitch destroyed bridges and roads across the region");
	precis_free(h);
	char shortened[sizeof mitch];
	memcpy(shortened, mitch, sizeof mitch);
	*strstr(shortened, "\n\nAid") = '\0';
	h = headline_opts(shortened, 75, NULL, 0);
	cr_assert_null(strchr(h, ':'), "\"%s\"", h);
	precis_free(h);
	h = headline_opts(mitch, 39, NULL, 0);
	cr_assert_str_eq(h, "Rescue teams worked through night");
	precis_free(h);
	/* the caller who wants the sentence alone */
	h = headline_opts(mitch, 75, NULL, PRECIS_FLAG_HEADLINE_NO_LABEL);
	cr_assert_null(strchr(h, ':'), "\"%s\"", h);
	cr_assert(strncmp(h, "Rescue teams worked through", 27) == 0, "\"%s\"", h);
	precis_free(h);
	h = headline_opts(mitch, 75, "fr", 0);
	cr_assert_null(strchr(h, ':'), "\"%s\"", h);
	precis_free(h);
	/* "Kurdish" is the top key phrase, but an adjective is no label */
	static const char kurdish[] =
		"Police in the capital arrested dozens of protesters outside the parliament "
		"building.\n\nThe Kurdish protesters said they would return. Kurdish leaders "
		"called the arrests unjust.\n\nKurdish groups in Europe planned marches for the "
		"weekend. Many Kurdish families waited outside the police station for news.\n";
	h = headline_opts(kurdish, 75, NULL, 0);
	cr_assert_str_eq(h, "Police in capital arrested dozens of protesters outside parliament building");
	precis_free(h);
	/* nor a place in capitals, as datelines print it */
	static const char capitals[] =
		"SANTA ROSA _ The comic strip ran in newspapers across the country for fifty "
		"years.\n\nSANTA ROSA has a museum for the strip. Visitors to SANTA ROSA see the "
		"drawings.\n\nThe museum in SANTA ROSA opened in the spring. Fans came to SANTA "
		"ROSA from abroad.\n";
	h = headline_opts(capitals, 75, NULL, 0);
	cr_assert_str_eq(h, "The comic strip ran in newspapers across the country for fifty years");
	precis_free(h);
	h = headline_opts(mitch, 75, NULL, PRECIS_FLAG_HEADLINE_TOPICS);
	cr_assert_str_eq(h, "Rescue teams worked through night to reach villages cut; Hurricane Mitch");
	precis_free(h);
}

/* The English headline, 75 bytes, of the text fmt with its "%s" filled
 * by fill. */
static void expect_filled(const char *fmt, const char *fill, const char *want)
{
	char buf[2048];
	snprintf(buf, sizeof buf, fmt, fill);
	char *h = headline_opts(buf, 75, "en", 0);
	cr_assert_str_eq(h, want);
	precis_free(h);
}

/* A common word that the text only ever puts before another ("foreign
 * investors", "foreign loans") qualifies the topic, it is not the topic:
 * no "Foreign:" label, until the text uses it once as a phrase's last word
 * ("was foreign"). */
Test(headline, no_label_for_a_word_only_ever_before_another)
{
	static const char text[] =
		"The government said on Tuesday that it would sell its stake in the national "
		"airline to raise money for schools.\n\n"
		"Officials said foreign investors had asked to buy the stake. The minister said "
		"foreign investment was welcome in the airline. %s\n\n"
		"Unions said foreign buyers would cut jobs. Banks said foreign loans had become "
		"dearer. The airline said foreign demand for its shares was strong.\n";
	expect_filled(text, "Foreign capital left the country last year.",
	              "Government would sell its stake in airline to raise money for schools");
	expect_filled(text, "Much of the capital that left last year was foreign.",
	              "Foreign: Government would sell its stake in airline to raise money");
}

/* A one-word label whose stem the sentence names says nothing the
 * sentence does not ("Impeachment: ... moved to impeach ..."). */
Test(headline, no_label_for_a_stem_the_sentence_names)
{
	static const char text[] =
		"Lawmakers in the state assembly moved on Saturday to %s the governor over the "
		"missing road funds and his answers.\n\n"
		"The impeachment vote was close. Supporters of the governor called the "
		"impeachment a plot by his rivals.\n\n"
		"The governor said the impeachment would fail in the senate. A trial after the "
		"impeachment could take months. Voters were split on the impeachment in a poll.\n";
	expect_filled(text, "impeach",
	              "Lawmakers in state assembly moved to impeach governor over road funds");
	expect_filled(text, "remove",
	              "Impeachment: Lawmakers in state assembly moved to remove governor over road");
}

/* A lead whose dummy subject puts the news off ("It was a quiet morning
 * ...") gives way to the next sentence that says something. */
Test(headline, expletive_lead_passed_over)
{
	static const char text[] =
		"It was a quiet morning on the coast when the first fishing boats came back "
		"to the harbour.\n\n"
		"The city council voted to close the old harbour to fishing boats from next "
		"spring, ending a trade of two centuries. Fishermen said the council had not "
		"listened to them.\n\n"
		"The harbour will be turned into a marina for yachts. The council said the "
		"marina would bring visitors and jobs to the town.\n\n"
		"Fishermen plan to protest outside the council offices next week. Some boats "
		"may move to a port further north.\n";
	char *h = headline_opts(text, 75, NULL, 0);
	cr_assert_str_eq(h, "City council voted to close old harbour to fishing boats from next spring");
	precis_free(h);
	/* "It" that stands for something named before is no such lead: a
	 * lead of one sentence stays */
	static const char one[] =
		"It was a quiet morning on the coast when the first fishing boats came back "
		"to the harbour.\n";
	h = headline_opts(one, 75, NULL, 0);
	cr_assert(strncmp(h, "It was quiet morning", 20) == 0, "\"%s\"", h);
	precis_free(h);
}

/* A label is not the plural of a word the sentence has ("Republicans:
 * Republican plan ..."), nor its singular. */
Test(headline, no_label_for_a_plural_the_sentence_names)
{
	static const char text[] =
		"A Republican plan to cut the school budget by a tenth was blocked in the "
		"state senate after a long night of talks.\n\n"
		"Democrats said the Republicans had refused to meet teachers. The Republicans "
		"said the cuts were needed to balance the books.\n\n"
		"Teachers marched to the capitol on Friday. The Republicans promised a new "
		"plan within a month.\n\n"
		"Parents said the Republicans and the Democrats should settle the dispute "
		"before the school year begins.\n";
	char *h = headline_opts(text, 75, NULL, 0);
	cr_assert_str_eq(h, "Republican plan to cut school budget by tenth blocked in state senate");
	precis_free(h);
}

/* Nor the singular of a word the sentence has in the plural ("Budget:
 * Cuts to school budgets ..."); over a sentence without the word, the
 * same text is labelled. */
Test(headline, no_label_for_a_singular_the_sentence_names_in_the_plural)
{
	static const char text[] =
		"Cuts to school %s were blocked in the state senate after a long night of "
		"talks with unions.\n\n"
		"The budget for the coming year was drafted in the spring. The budget was "
		"late, officials said.\n\n"
		"Teachers marched to the capitol on Friday. The budget promised a new plan "
		"within a month.\n\n"
		"Parents said the budget should be settled before the school year begins. "
		"The budget is still open.\n";
	char buf[sizeof text + 16];
	snprintf(buf, sizeof buf, text, "budgets");
	char *h = headline_opts(buf, 75, NULL, 0);
	cr_assert_str_eq(h, "Cuts to school budgets blocked in state senate after long night of talks");
	precis_free(h);
	snprintf(buf, sizeof buf, text, "spending");
	h = headline_opts(buf, 75, NULL, 0);
	cr_assert_str_eq(h, "Budget: Cuts to school spending blocked in state senate after long night");
	precis_free(h);
}

/* No "United States:" label over a sentence that names it by its
 * initials: the label would say the sentence's subject twice. */
Test(headline, no_label_for_a_name_the_sentence_abbreviates)
{
	static const char text[] =
		"The United States is disappointed by the confusion within the new Russian "
		"government, an official said on Monday.\n\n"
		"Officials in the United States said the new government had no plan. The United "
		"States wants Moscow to keep its promises on reform.\n\n"
		"Russia said the United States should not interfere. Aid from the United States "
		"may be delayed.\n\n"
		"Bankers in the United States said the markets were calm.\n";
	char *h = headline_opts(text, 75, "en", 0);
	cr_assert_str_eq(h, "The U.S. disappointed by the confusion within the new Russian government");
	precis_free(h);
}

/* A key phrase the ranking put below a name ("abortion" after "Barnett
 * Slepian", a lone common noun the runner-up rule passes over) labels the
 * headline when six sentences or more name it; five are not enough. */
static const char slepian[] =
	"Dr. Barnett Slepian, a doctor who ran a clinic in the suburbs of Buffalo, was shot "
	"dead at his home in Amherst on Friday night.\n\n"
	"Dr. Barnett Slepian had lived in Amherst with his wife and four sons for many "
	"years. Police in Amherst said the gunman fired through a kitchen window.\n\n"
	"Friends said his work on abortion had made him a target. Groups on both sides of "
	"the abortion debate condemned the killing. Leaders who oppose abortion said "
	"violence had no place in their cause. Those who defend the right to abortion asked "
	"for more protection. Doctors who perform abortion in the state said they were "
	"afraid. The clinic said it would not give up %s work.\n";

Test(headline, label_for_a_phrase_the_text_keeps_naming)
{
	char text[sizeof slepian + 16];
	snprintf(text, sizeof text, slepian, "abortion");
	char *h = headline_opts(text, 75, "en", 0);
	cr_assert_str_eq(h, "Abortion: Dr. Slepian, doctor who ran clinic in suburbs of Buffalo");
	check_fit(h, 75, text);
	precis_free(h);
	snprintf(text, sizeof text, slepian, "its");
	h = headline_opts(text, 75, "en", 0);
	cr_assert_str_eq(h, "Dr. Slepian, doctor who ran clinic in suburbs of Buffalo, was shot dead");
	precis_free(h);
}

/* The English headline, 75 bytes, of the text with the key phrases kws[0,
 * n) set by hand, to hold the ranking still. */
static void expect_with_keyphrases(const char *text, pr_keyword *kws, size_t n, const char *want)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.lang = "en";
	o.headline_bytes = 75;
	precis_doc *d = NULL;
	cr_assert_eq(precis_doc_new(&d, text, strlen(text), &o), PRECIS_OK);
	pr_keyword *kept = d->keywords;
	size_t nkept = d->nkeywords;
	d->keywords = kws;
	d->nkeywords = n;
	cr_assert_eq(pr_headline(d), PRECIS_OK);
	cr_assert_str_eq(d->headline, want);
	d->keywords = kept;
	d->nkeywords = nkept;
	precis_doc_free(d);
}

/* The fallback label is one word: each word of "abortion debate" is in six
 * sentences, but that says nothing of the phrase. (The key phrases are set
 * by hand, to hold the ranking still.) */
Test(headline, fallback_label_is_one_word)
{
	static const char text[] =
		"Dr. Barnett Slepian, a doctor who ran a clinic in the suburbs of Buffalo, was shot "
		"dead at his home in Amherst on Friday night.\n\n"
		"Friends said the debate on abortion had made him a target. Both sides of the "
		"abortion debate condemned the killing. Leaders who oppose abortion left the debate "
		"for a day. Those who defend abortion asked for calm in the debate. Doctors who "
		"perform abortion stayed out of the debate. The clinic said abortion and the debate "
		"would go on.\n";
	pr_keyword kws[3] = {
		{ "Barnett Slepian", 15, 1.0 }, { "Buffalo", 7, 0.9 }, { "abortion debate", 15, 0.8 }
	};
	expect_with_keyphrases(text, kws, 3,
	                       "Dr. Slepian, doctor who ran clinic in suburbs of Buffalo, was shot dead");
	kws[2].text = "abortion";
	kws[2].len = 8;
	expect_with_keyphrases(text, kws, 3,
	                       "Abortion: Dr. Slepian, doctor who ran clinic in suburbs of Buffalo");
}

/* A name labels the headline by its last word when the text names that
 * word on its own more often than in full ("Livingston:"); not when it
 * does not ("Hun Sen:"), nor when the text also writes the word in small
 * letters, as it does a noun's ("White House": "the house"). */
Test(headline, label_by_surname)
{
	static const char text[] =
		"Lawmakers voted on Saturday to open an inquiry into the conduct of the "
		"speaker's office.\n\n"
		"%s, the speaker-elect, said he would resign from the %s. %s told members that "
		"he had made mistakes.\n\n"
		"Republicans said %s had done the right thing. Democrats asked %s to stay until "
		"the inquiry ended. Aides said %s would leave in January.\n";
	char buf[sizeof text + 160];
	const char *n = "Livingston";
	pr_keyword kw = { "Robert Livingston", 17, 1.0 };
	snprintf(buf, sizeof buf, text, kw.text, "chamber", n, n, n, n);
	expect_with_keyphrases(buf, &kw, 1,
	                       "Livingston: Lawmakers voted to open inquiry into conduct of speaker's");
	n = kw.text = "Hun Sen";
	kw.len = 7;
	snprintf(buf, sizeof buf, text, n, "chamber", n, n, n, n);
	expect_with_keyphrases(buf, &kw, 1,
	                       "Hun Sen: Lawmakers voted to open inquiry into conduct of speaker's office");
	n = "House";
	kw.text = "White House";
	kw.len = 11;
	snprintf(buf, sizeof buf, text, kw.text, "house", n, n, n, n);
	expect_with_keyphrases(buf, &kw, 1,
	                       "White House: Lawmakers voted to open inquiry into conduct of speaker's");
}

/* "three days ago" and the day of the month ("on Jan. 12, 2027") go with
 * the other time expressions; a date that is a deadline stays. */
Test(headline, dates_and_ago)
{
	static const char ago[] =
		"Heavy snow that fell across the northern hills three days ago closed every "
		"road into the valley and cut power to thousands of homes.\n";
	expect_headline(ago, 75,
	                "Heavy snow that fell across hills closed every road into valley and cut");
	static const char date[] =
		"The new bridge across the river will open to traffic on Jan. 12, 2027, after "
		"engineers finished a final safety check of its cables.\n";
	expect_headline(date, 75,
	                "New bridge across river will open to traffic after engineers finished");
	static const char until[] =
		"The museum will stay closed until March 3 while workers repair the roof "
		"damaged in the storm last winter.\n";
	char *h = headline(until, 75, PRECIS_FORMAT_PLAIN);
	cr_assert(strstr(h, "until March 3") != NULL, "\"%s\"", h);
	precis_free(h);
}

/* Headlines quote with single marks: the wire's ``...'' becomes '...'
 * (the words inside still kept whole), and a function word behind an
 * opening quote does not end a headline ("as symbol of ``the"). */
Test(headline, single_quotes)
{
	static const char chicken[] =
		"The mayor accused the state of playing ``chicken'' with money for new schools "
		"in the poorest northern districts of the city.\n";
	expect_headline(chicken, 75,
	                "Mayor accused state of playing 'chicken' with money for new schools");
	static const char quoted[] =
		"The minister said the plan would ``give the country a future'' and asked "
		"parliament to approve the budget before the summer recess began.\n";
	char *h = headline(quoted, 75, PRECIS_FORMAT_PLAIN);
	cr_assert(strstr(h, "'give the country a future'") != NULL, "\"%s\"", h);
	cr_assert_null(strchr(h, '`'), "\"%s\"", h);
	precis_free(h);
	static const char symbol[] =
		"Bishops across the region hailed the late archbishop of the city as a symbol "
		"of ``the cruelty of those years'' at a crowded open-air mass.\n";
	expect_headline(symbol, 72,
	                "Bishops across region hailed late archbishop of city as symbol");
}

/* A headline cut inside a quotation closes it when it keeps two of its
 * words or more; with fewer, it is cut before the quotation opens. */
Test(headline, cut_inside_a_quotation)
{
	static const char *const cases[][3] = {
		{ "\"The union,\" a spokesman added, \"has also backed the plan on Monday.\"",
		  "60", "\"The union,\" spokesman added, \"has also backed the plan\"" },
		{ "The minister told the farmers that the drought had left the region facing "
		  "\"imminent danger of famine and disease\" this winter.", "75",
		  "Minister told farmers that drought left region facing \"imminent danger\"" },
		{ "The minister accused the opposition leaders in parliament of \"making a "
		  "mockery of the budget\" before the recess.", "66",
		  "Minister accused opposition leaders in parliament" },
		/* the wire's ``...'' as single marks */
		{ "The minister told the farmers that the drought had left the region facing "
		  "``imminent danger of famine and disease'' this winter.", "75",
		  "Minister told farmers that drought left region facing 'imminent danger'" },
		/* the quotation's own comma does not end the headline */
		{ "The minister told the farmers: \"We will not back down, not now and not ever.\"",
		  "75", "Minister told farmers: \"We will not back down, not now and not ever\"" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *h = headline_lang(cases[i][0], (size_t)atoi(cases[i][1]), "en");
		cr_assert_str_eq(h, cases[i][2]);
		precis_free(h);
	}
	/* an aside too (in a title, which keeps its parentheses) */
	char *h = headline("Union backs plan for new canteen (rejected twice by the managers "
	                   "at the plant)\n\nWorkers at the plant have backed a plan for a new "
	                   "canteen.\n", 60, PRECIS_FORMAT_PLAIN);
	cr_assert_str_eq(h, "Union backs plan for new canteen (rejected twice)");
	precis_free(h);
}

/* Each word's core (lower case, quotes and punctuation off) is made once
 * and kept with the word; a word longer than the cores the rules compare
 * must not throw off the words after it: "has backed", "on Monday" and
 * the article still go. */
Test(headline, rules_hold_after_an_overlong_word)
{
	static const char text[] =
		"The Pneumonoultramicroscopicsilicovolcanoconiosis-research institute has "
		"backed a plan on Monday to close its old laboratory.\n";
	expect_headline(text, 200,
	                "The Pneumonoultramicroscopicsilicovolcanoconiosis-research institute "
	                "backed a plan to close its old laboratory");
	expect_headline(text, 75,
	                "Pneumonoultramicroscopicsilicovolcanoconiosis-research institute backed");
}

/* While room is short, an adjective before its noun that the text uses in
 * this sentence alone goes ("an informal invitation" -> "invitation"); one
 * the text comes back to is part of the story and stays. */
Test(headline, adjective_named_once_goes_while_room_is_short)
{
	static const char once[] =
		"Prime Minister Rafik Hariri declined an informal invitation from the "
		"new president to form the next government of Lebanon, sparking a "
		"crisis.\n\nHariri has led five governments.\n\n"
		"The president will now consult parliament.\n";
	static const char again[] =
		"Prime Minister Rafik Hariri declined an informal invitation from the "
		"new president to form the next government of Lebanon, sparking a "
		"crisis.\n\nHariri has led five governments.\n\n"
		"The president made the informal offer on Monday.\n";
	expect_headline(once, 75,
	                "Prime Minister Hariri declined invitation from new president to form next");
	expect_headline(again, 75,
	                "Prime Minister Hariri declined informal invitation from new president");
	/* with room for the whole sentence, it stays */
	expect_headline(once, 200,
	                "Prime Minister Rafik Hariri declined an informal invitation from the new "
	                "president to form the next government of Lebanon, sparking a crisis");
}

/* A cut does not leave a subject pronoun without its verb ("... for Tino
 * Martinez and he"): it goes, and the "and" it leaves with it. */
Test(headline, cut_does_not_end_on_a_subject_pronoun)
{
	static const char text[] =
		"A new shipment of maple bats arrived at the stadium for Tino Martinez and "
		"he massaged the handles to make sure they were thin enough.\n";
	expect_headline(text, 75, "New shipment of maple bats arrived at stadium for Tino Martinez");
}

/* headline.c's in_sorted() and in_sorted_n() end their search at the
 * first word of the list past the one they look for, so every list given
 * to them must be sorted as strcmp() sorts: a word added out of order
 * would never be found. Read from the source, every list named in a call
 * of either and every definition of that name. */
static char *read_headline_source(void)
{
	const char *dir = getenv("PRECIS_TESTDATA");
	char path[1024];
	snprintf(path, sizeof path, "%s/../../core/src/headline.c", dir ? dir : "tests/data");
	FILE *f = fopen(path, "rb");
	cr_assert(f, "cannot open %s", path);
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	long n = ftell(f);
	cr_assert_gt(n, 0);
	rewind(f);
	char *s = malloc((size_t)n + 1);
	cr_assert(s);
	cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	s[n] = '\0';
	return s;
}

/* The words of the list whose definition opens at def are in strcmp()
 * order; returns how many there are. */
static size_t expect_sorted_list(const char *def, const char *name)
{
	const char *p = strchr(def, '{'), *end = strstr(def, "NULL");
	cr_assert(p && end && p < end, "list %s: no { ... NULL", name);
	char prev[64] = "", cur[64];
	size_t words = 0;
	while ((p = strchr(p, '"')) != NULL && p < end) {
		const char *q = strchr(p + 1, '"');
		cr_assert(q && (size_t)(q - p - 1) < sizeof cur);
		memcpy(cur, p + 1, (size_t)(q - p - 1));
		cur[q - p - 1] = '\0';
		cr_expect(words == 0 || strcmp(prev, cur) < 0,
		          "list %s: \"%s\" comes before \"%s\"", name, prev, cur);
		memcpy(prev, cur, sizeof cur);
		words++;
		p = q + 1;
	}
	return words;
}

Test(headline, lists_given_to_in_sorted_are_in_strcmp_order)
{
	char *src = read_headline_source();
	size_t lists = 0;
	for (const char *p = strstr(src, "in_sorted"); p; p = strstr(p + 1, "in_sorted")) {
		/* the call's last argument: "in_sorted(b, roles)",
		 * "in_sorted_n(h->s + w, end - w, fn)" */
		const char *close = strchr(p, ')'), *comma = NULL;
		for (const char *c = p; c < close; c++)
			if (*c == ',')
				comma = c;
		if (!comma || strncmp(p - 4, "int ", 4) == 0 || strncmp(p - 8, "#define ", 8) == 0)
			continue; /* (the definitions, the macro, and the comments) */
		const char *a = comma + 1;
		while (*a == ' ')
			a++;
		char name[64], def[96];
		size_t n = (size_t)(close - a);
		cr_assert(n > 0 && n < sizeof name);
		memcpy(name, a, n);
		name[n] = '\0';
		snprintf(def, sizeof def, "static const char *const %s[] = {", name);
		size_t defs = 0;
		for (const char *d = strstr(src, def); d; d = strstr(d + 1, def)) {
			cr_expect_gt(expect_sorted_list(d, name), 1);
			defs++;
		}
		/* (one list under each name: gen_gates.py writes one index,
		 * first_NAME, for the name) */
		cr_expect_eq(defs, 1, "list %s: %zu definitions", name, defs);
		lists++;
	}
	cr_expect_gt(lists, 20);
	free(src);
}

/* The headline's word lookups (story_weight, surname_alone, pick_kicker)
 * take any token that is an ASCII word, whatever its capitals, for the
 * word's first: that holds while all such tokens have one word id and
 * one term. */
Test(headline, ascii_word_tokens_share_word_and_term)
{
	const char *text = "NATO leaders met in Brussels. The nato summit ended late. "
	                   "Nato said the Brussels talks would go on. BRUSSELS was calm.";
	precis_options o = PRECIS_OPTIONS_INIT;
	precis_doc *d = NULL;
	cr_assert_eq(precis_doc_new(&d, text, strlen(text), &o), PRECIS_OK);
	const char *words[] = { "nato", "brussels" };
	for (size_t k = 0; k < 2; k++) {
		size_t n = strlen(words[k]), seen = 0;
		uint32_t word = 0, term = 0;
		for (size_t i = 0; i < d->nsents; i++) {
			const pr_sent *s = &d->sents[i];
			for (uint32_t t = s->tok; t < s->tok + s->ntok; t++) {
				const pr_token *tk = &d->toks[t];
				if (tk->end - tk->start != n || strncasecmp(s->text + tk->start, words[k], n))
					continue;
				if (seen++ == 0) {
					word = tk->word;
					term = tk->term;
				}
				cr_assert_eq(tk->word, word, "%s", words[k]);
				cr_assert_eq(tk->term, term, "%s", words[k]);
			}
		}
		cr_assert_eq(seen, 3, "%s", words[k]);
	}
	precis_doc_free(d);
}
