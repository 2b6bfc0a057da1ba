/* keyphrase.c: TextRank key phrases over the word co-occurrence graph. */
#include <criterion/criterion.h>
#include <math.h>
#include <precis.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "doc.h"
#include "keyphrase.h"

static const char solar[] =
	"Solar panels are spreading across the rooftops of the city. Sergey Lavrov, "
	"the foreign minister, praised the solar panels during a visit on Monday.\n\n"
	"Sergey Lavrov said solar panels cut power bills for families. The city's "
	"solar panels now supply a tenth of its power.\n\n"
	"Critics said the solar panels were expensive, but Sergey Lavrov disagreed. "
	"Power bills fell sharply after the panels arrived.\n";

static precis_doc *doc_with(const char *text, size_t keywords)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.keywords = keywords;
	o.format = PRECIS_FORMAT_PLAIN;
	precis_doc *d = NULL;
	int rc = precis_doc_new(&d, text, strlen(text), &o);
	cr_assert_eq(rc, PRECIS_OK, "%s", precis_strerror(rc));
	return d;
}

static ptrdiff_t index_of(const precis_doc *d, const char *phrase)
{
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++)
		if (strcmp(precis_doc_keyword(d, k, NULL), phrase) == 0)
			return (ptrdiff_t)k;
	return -1;
}

/* Is w one of the words of phrase p (case-insensitive, whole words)? */
static int has_word(const char *p, const char *w)
{
	size_t n = strlen(w);
	for (const char *s = p; *s;) {
		const char *e = strchr(s, ' ');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		if (len == n && strncasecmp(s, w, n) == 0)
			return 1;
		s += len;
		while (*s == ' ')
			s++;
	}
	return 0;
}

Test(keyphrase, expected_phrases_best_first)
{
	precis_doc *d = doc_with(solar, 10);
	cr_assert_geq(precis_doc_keyword_count(d), 3);
	ptrdiff_t sp = index_of(d, "Solar panels"), sl = index_of(d, "Sergey Lavrov"),
	          pb = index_of(d, "power bills");
	cr_assert_eq(sp, 0, "the phrase the text is about comes first");
	cr_assert_geq(sl, 0, "\"Sergey Lavrov\" in its surface form");
	cr_assert_geq(pb, 0, "\"power bills\"");
	cr_assert_float_eq(precis_doc_keyword_score(d, 0), 1.0, 1e-12);
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++) {
		double s = precis_doc_keyword_score(d, k);
		cr_assert(s > 0 && s <= 1.0, "score %g", s);
		if (k)
			cr_assert_leq(s, precis_doc_keyword_score(d, k - 1), "best first");
		size_t len;
		const char *p = precis_doc_keyword(d, k, &len);
		cr_assert_eq(strlen(p), len);
		cr_assert_not_null(strstr(solar, p), "\"%s\" is text from the document", p);
	}
	precis_doc_free(d);
}

Test(keyphrase, no_phrase_inside_a_better_one)
{
	precis_doc *d = doc_with(solar, 20);
	size_t n = precis_doc_keyword_count(d);
	for (size_t a = 0; a < n; a++) {
		for (size_t b = a + 1; b < n; b++) {
			const char *better = precis_doc_keyword(d, a, NULL);
			const char *worse = precis_doc_keyword(d, b, NULL);
			/* every word of the worse one in the better one? */
			char buf[256];
			snprintf(buf, sizeof buf, "%s", worse);
			int all = 1;
			for (char *w = strtok(buf, " "); w; w = strtok(NULL, " "))
				all &= has_word(better, w);
			cr_assert(!all, "\"%s\" is inside \"%s\"", worse, better);
		}
	}
	cr_assert_lt(index_of(d, "Lavrov"), 0);
	cr_assert_lt(index_of(d, "panels"), 0);
	precis_doc_free(d);
}

Test(keyphrase, stop_words_never_at_the_edges)
{
	precis_doc *d = doc_with(solar, 20);
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++) {
		const char *p = precis_doc_keyword(d, k, NULL);
		const char *last = strrchr(p, ' ');
		last = last ? last + 1 : p;
		size_t first_len = strcspn(p, " ");
		cr_assert(!pr_lang_is_stop(d->lang, p, first_len), "\"%s\" starts with a stop word", p);
		cr_assert(!pr_lang_is_stop(d->lang, last, strlen(last)), "\"%s\" ends with one", p);
	}
	precis_doc_free(d);
}

Test(keyphrase, count_is_honoured)
{
	for (size_t want = 1; want <= 6; want++) {
		precis_doc *d = doc_with(solar, want);
		cr_assert_leq(precis_doc_keyword_count(d), want);
		cr_assert_geq(precis_doc_keyword_count(d), want < 3 ? want : 3);
		cr_assert_str_eq(precis_doc_keyword(d, 0, NULL), "Solar panels");
		cr_assert_null(precis_doc_keyword(d, want, NULL));
		precis_doc_free(d);
	}
}

static precis_doc *doc_in(const char *text, const char *lang, size_t keywords);

/* A count past any list's length gives every phrase there is, not a size
 * that wraps (SIZE_MAX + 1 is 0; SIZE_MAX / 12 times the twelve bytes a
 * place takes wraps too): the same list as a count of 1,000. */
Test(keyphrase, huge_count_is_every_phrase)
{
	static const char zh[] =
		"中药材检出农药残留。绿色和平组织发现中药材样本的农药残留超标。"
		"部分中药材的农药残留超过欧盟标准数百倍。专家认为农药残留问题很严重。";
	const size_t huge[] = { SIZE_MAX, SIZE_MAX / 12 + 1, SIZE_MAX / 24 };
	for (int cjk = 0; cjk < 2; cjk++) {
		precis_doc *all = cjk ? doc_in(zh, "zh", 1000) : doc_with(solar, 1000);
		size_t n = precis_doc_keyword_count(all);
		cr_assert_geq(n, 2);
		for (size_t h = 0; h < sizeof huge / sizeof huge[0]; h++) {
			precis_doc *d = cjk ? doc_in(zh, "zh", huge[h]) : doc_with(solar, huge[h]);
			cr_assert_eq(precis_doc_keyword_count(d), n);
			for (size_t k = 0; k < n; k++)
				cr_assert_str_eq(precis_doc_keyword(d, k, NULL),
				                 precis_doc_keyword(all, k, NULL));
			precis_doc_free(d);
		}
		precis_doc_free(all);
	}
}

/* A possessive ends no phrase ("Korea's" is shown as "Korea"); inside a
 * phrase it is part of the surface form ("Korea's exports"). */
Test(keyphrase, possessive_is_stripped)
{
	static const char t[] =
		"Korea's exports rose in May. Officials praised Korea's chips. "
		"Chips and exports kept Korea's economy growing. Buyers want Korea\xE2\x80\x99s.";
	precis_doc *d = doc_with(t, 10);
	cr_assert_gt(precis_doc_keyword_count(d), 0);
	int korea = 0;
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++) {
		size_t len;
		const char *p = precis_doc_keyword(d, k, &len);
		cr_assert(!(len >= 2 && strcmp(p + len - 2, "'s") == 0), "\"%s\" keeps its 's", p);
		cr_assert(!(len >= 4 && strcmp(p + len - 4, "\xE2\x80\x99s") == 0),
		          "\"%s\" keeps its \xE2\x80\x99s", p);
		korea |= strcmp(p, "Korea") == 0;
	}
	cr_assert(korea, "Korea is a key word, without its 's");
	precis_doc_free(d);
}

Test(keyphrase, nothing_to_rank)
{
	precis_doc *d = doc_with("The of and a to in.", 10);
	cr_assert_eq(precis_doc_keyword_count(d), 0);
	precis_doc_free(d);
	d = doc_with("Numbers 12 34 56 and 78.", 10);
	cr_assert_eq(precis_doc_keyword_count(d), 0, "numbers alone are never key words");
	precis_doc_free(d);
	d = doc_with("", 10);
	cr_assert_eq(precis_doc_keyword_count(d), 0);
	precis_doc_free(d);
}

Test(keyphrase, punctuation_breaks_phrases)
{
	/* "panels, bills" never become one phrase: a comma lies between */
	static const char t[] = "Panels, bills, panels, bills. Panels, bills and panels; bills.";
	precis_doc *d = doc_with(t, 10);
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++)
		cr_assert_null(strchr(precis_doc_keyword(d, k, NULL), ' '), "\"%s\"",
		               precis_doc_keyword(d, k, NULL));
	precis_doc_free(d);
}

Test(keyphrase, deterministic)
{
	precis_doc *a = doc_with(solar, 10), *b = doc_with(solar, 10);
	cr_assert_eq(precis_doc_keyword_count(a), precis_doc_keyword_count(b));
	for (size_t k = 0; k < precis_doc_keyword_count(a); k++) {
		cr_assert_str_eq(precis_doc_keyword(a, k, NULL), precis_doc_keyword(b, k, NULL));
		cr_assert_eq(precis_doc_keyword_score(a, k), precis_doc_keyword_score(b, k));
	}
	precis_doc_free(a);
	precis_doc_free(b);
}

static precis_doc *doc_in(const char *text, const char *lang, size_t keywords)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.keywords = keywords;
	o.format = PRECIS_FORMAT_PLAIN;
	o.lang = lang;
	precis_doc *d = NULL;
	int rc = precis_doc_new(&d, text, strlen(text), &o);
	cr_assert_eq(rc, PRECIS_OK, "%s", precis_strerror(rc));
	return d;
}

/* Is any key phrase of d holding the word w? */
static int any_has_word(const precis_doc *d, const char *w)
{
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++)
		if (has_word(precis_doc_keyword(d, k, NULL), w))
			return 1;
	return 0;
}

/* Words that are no stop words but no one tags a text with: "year",
 * "first", "since", "told"; and the verb after "to" or a pronoun. */
static const char glacier[] =
	"Glaciers in the Alps lost a record share of their ice this year, the "
	"first time since measurements began. Scientists told reporters that the "
	"glaciers could vanish. They want towns to install sensors.\n\n"
	"The glaciers shrank again last year, and towns near the glaciers are "
	"installing sensors since floods are more frequent. The first sensors "
	"detected floods within a year. Towns said the sensors saved lives.\n";

Test(keyphrase, filler_words_are_no_key_words)
{
	precis_doc *d = doc_in(glacier, "en", 20);
	cr_assert_gt(precis_doc_keyword_count(d), 2);
	static const char *const filler[] = {"year", "first", "since", "told", "time",
	                                     "want", "install"};
	for (size_t f = 0; f < sizeof filler / sizeof *filler; f++)
		cr_assert(!any_has_word(d, filler[f]), "\"%s\" is a key word", filler[f]);
	cr_assert(any_has_word(d, "glaciers") || any_has_word(d, "Glaciers"));
	cr_assert(any_has_word(d, "sensors"));
	precis_doc_free(d);
}

/* Capitalized inside a sentence, a filler word is part of a name: "New" in
 * "New York", and so is "First" in "First Minister"; days are not. */
Test(keyphrase, capitalized_filler_is_a_name)
{
	static const char t[] =
		"New York opened a new bridge on Monday. New York paid for the bridge. "
		"The bridge links New York to New Jersey, and New York is proud of it. "
		"On Monday the bridge was full.";
	precis_doc *d = doc_in(t, "en", 10);
	cr_assert_geq(index_of(d, "New York"), 0, "\"New York\" is kept whole");
	cr_assert(!any_has_word(d, "Monday"), "days are never key words");
	precis_doc_free(d);
}

/* A word in capitals opening the first sentence, punctuation after it, is
 * a dateline and no key word: the city, a key word, is shown as the text
 * writes it after the dateline, not as "GENEVA". */
Test(keyphrase, dateline_is_no_key_word)
{
	static const char t[] =
		"GENEVA \xE2\x80\xA2 Swiss glaciers lost a tenth of their ice, scientists said. "
		"In Geneva, glaciers melt fast. Engineers in Geneva, counting glaciers, warn "
		"of floods. Geneva, they said, must prepare.";
	precis_doc *d = doc_in(t, "en", 10);
	cr_assert_lt(index_of(d, "GENEVA"), 0, "the dateline is listed");
	cr_assert_geq(index_of(d, "Geneva"), 0);
	precis_doc_free(d);
}

/* A quote made of apostrophes ends a phrase as other punctuation does:
 * the wire's closing `''` ("``Sparky'' Schulz" gives no "Sparky''
 * Schulz") and an opening ' after a space ("launches 'Veritas'"). */
Test(keyphrase, quotes_of_apostrophes_break_phrases)
{
	static const char *const texts[] = {
		"Cartoonists gathered to honour Charles ``Sparky'' Schulz in Santa Rosa. "
		"Fans called it ``Sparky'' Schulz Day and cheered ``Sparky'' Schulz at the "
		"parade.\n\nFriends said ``Sparky'' Schulz loved the comic strip. The comic "
		"strip made ``Sparky'' Schulz famous.",
		"Kilroy launches 'Veritas' today. Supporters say Kilroy launches 'Veritas' "
		"to win votes. Kilroy launches 'Veritas' with a rally. Critics doubt that "
		"Kilroy launches 'Veritas' in time.",
	};
	for (size_t x = 0; x < sizeof texts / sizeof *texts; x++) {
		precis_doc *d = doc_in(texts[x], "en", 10);
		cr_assert_gt(precis_doc_keyword_count(d), 0);
		for (size_t k = 0; k < precis_doc_keyword_count(d); k++)
			cr_assert_null(strchr(precis_doc_keyword(d, k, NULL), '\''), "text %zu: %s", x,
			               precis_doc_keyword(d, k, NULL));
		precis_doc_free(d);
	}
}

/* A name is kept whole, even met once, and without the titles at its head;
 * a title alone is no key phrase. */
Test(keyphrase, names_kept_whole)
{
	static const char t[] =
		"Prime Minister Tony Blair praised the Swiss Federal Institute for its "
		"glaciers report. Blair said the report was a warning.\n\n"
		"The Swiss Federal Institute studies glaciers and floods. Blair asked the "
		"institute for sensors on every glacier, and Blair will pay for the sensors.";
	precis_doc *d = doc_in(t, "en", 10);
	cr_assert_geq(index_of(d, "Swiss Federal Institute"), 0, "the name, whole");
	cr_assert_geq(index_of(d, "Tony Blair"), 0, "the name, without its title");
	cr_assert_lt(index_of(d, "Blair"), 0, "\"Blair\" gives way to \"Tony Blair\"");
	cr_assert(!any_has_word(d, "Minister") && !any_has_word(d, "Prime"),
	          "titles are no part of a name, nor key words alone");
	precis_doc_free(d);
}

/* Does every key phrase of d keep the compound first-second whole (second
 * only ever after "first-", first never alone)? Asserted; and is listed
 * one of them? */
static int keeps_compound(const precis_doc *d, const char *first, const char *second,
                          const char *listed)
{
	size_t n = strlen(first);
	int found = 0;
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++) {
		const char *p = precis_doc_keyword(d, k, NULL);
		found |= strcasecmp(p, listed) == 0;
		const char *w = strstr(p, second);
		cr_assert(!w || ((size_t)(w - p) > n && w[-1] == '-' &&
		                 strncasecmp(w - n - 1, first, n) == 0),
		          "\"%s\" cuts the compound", p);
		cr_assert(strcasecmp(p, first) != 0, "\"%s\" cuts the compound", p);
	}
	return found;
}

/* A hyphenated compound is one word: never cut, and a phrase of three
 * words may hold one ("early-warning sensors" is two). */
Test(keyphrase, hyphenated_compounds_are_one_word)
{
	static const char t[] =
		"Towns want early-warning sensors for floods. The early-warning sensors "
		"detect floods in the valleys. Early-warning sensors cost little, and "
		"the towns bought early-warning sensors after the floods.";
	precis_doc *d = doc_in(t, "en", 10);
	cr_assert(keeps_compound(d, "early", "warning", "early-warning sensors"),
	          "\"early-warning sensors\" is a key phrase");
	precis_doc_free(d);
}

/* A compound that ends a sentence, or the text, is one word there too,
 * and a word after it in the next sentence is no part of it: the parts
 * of a compound after its first are marked as the tokens are read, and
 * the words are read by those marks (word_end()). */
Test(keyphrase, compounds_end_sentences_whole)
{
	static const char t[] =
		"Valley towns want sensors that are flood-proof. Sensors cost little. "
		"The towns bought sensors that were flood-proof. Sensors detect floods. "
		"Engineers tested the sensors, all flood-proof";
	precis_doc *d = doc_in(t, "en", 10);
	cr_assert(keeps_compound(d, "flood", "proof", "flood-proof"), "\"flood-proof\" is a key word");
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++)
		cr_assert(!strstr(precis_doc_keyword(d, k, NULL), "proof "),
		          "\"%s\" runs on past the sentence", precis_doc_keyword(d, k, NULL));
	precis_doc_free(d);
}

/* A compound made only of filler is no key word: "second-largest". */
Test(keyphrase, filler_compound_is_no_key_word)
{
	static const char t[] =
		"The second-largest lake shrank. The second-largest lake lost water, and "
		"the lake may vanish. Farmers near the lake need water.";
	precis_doc *d = doc_in(t, "en", 10);
	cr_assert(!any_has_word(d, "second-largest"));
	cr_assert(any_has_word(d, "lake"));
	precis_doc_free(d);
}

/* A line of its own with no full stop opens the text: a title, whose
 * phrases count although met once ("Alpine towns"); elsewhere a phrase
 * must recur. */
Test(keyphrase, title_phrases_count_once)
{
	static const char t[] =
		"Alpine towns to share fund for glacier sensors\n\n"
		"Eleven towns will share a fund to install sensors on Alpine glaciers. "
		"The towns chose the sensors after floods in Alpine valleys. Glaciers "
		"are melting, and the sensors warn the towns.\n";
	precis_doc *d = doc_in(t, "en", 10);
	cr_assert_geq(index_of(d, "Alpine towns"), 0);
	cr_assert_lt(index_of(d, "Alpine valleys"), 0);
	cr_assert_lt(index_of(d, "Alpine glaciers"), 0);
	precis_doc_free(d);
}

/* Chinese: sequences of two to six characters that recur, never single
 * characters, never beginning or ending with a function character. */
Test(keyphrase, chinese_recurring_sequences)
{
	static const char t[] =
		"中药材检出农药残留。绿色和平组织发现中药材样本的农药残留超标。"
		"部分中药材的农药残留超过欧盟标准数百倍。专家认为农药残留问题很严重。";
	precis_doc *d = doc_in(t, "zh", 10);
	cr_assert_gt(precis_doc_keyword_count(d), 0);
	cr_assert_eq(index_of(d, "农药残留"), 0, "the most frequent long sequence first");
	cr_assert_geq(index_of(d, "中药材"), 0);
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++) {
		size_t len;
		const char *p = precis_doc_keyword(d, k, &len);
		cr_assert_geq(len, 6, "\"%s\" is one character", p);
		cr_assert_leq(len, 18, "\"%s\" is longer than six characters", p);
		cr_assert(strncmp(p, "的", 3) != 0 && strcmp(p + len - 3, "的") != 0,
		          "\"%s\" has a function character at an end", p);
		/* it recurs */
		const char *at = strstr(t, p);
		cr_assert_not_null(at);
		cr_assert_not_null(strstr(at + len, p), "\"%s\" occurs once", p);
	}
	/* "农药" and "药残" never occur outside "农药残留" */
	cr_assert_lt(index_of(d, "农药"), 0);
	cr_assert_lt(index_of(d, "药残"), 0);
	precis_doc_free(d);
}

/* Japanese: kanji and katakana words that recur; hiragana (particles,
 * endings) begin, end or hold none. */
Test(keyphrase, japanese_recurring_words)
{
	static const char t[] =
		"東京都は新しい地震対策を発表した。地震対策にはコンピューターの"
		"予測が使われる。東京都の地震対策は世界で注目されている。";
	precis_doc *d = doc_in(t, "ja", 10);
	cr_assert_geq(index_of(d, "地震対策"), 0);
	cr_assert_geq(index_of(d, "東京都"), 0);
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++) {
		const char *p = precis_doc_keyword(d, k, NULL);
		for (const unsigned char *c = (const unsigned char *)p; *c; c++)
			cr_assert(!(c[0] == 0xE3 && (c[1] == 0x81 || (c[1] == 0x82 && c[2] < 0xA0))),
			          "\"%s\" holds hiragana", p);
	}
	precis_doc_free(d);
}

/* German capitalizes every noun: lower-case words are no key words. */
Test(keyphrase, german_nouns_only)
{
	static const char t[] =
		"Die Stadt baut neue Brücken. Die Brücken kosten viel Geld, und die Stadt "
		"leiht das Geld. Neue Brücken verbinden die Stadt mit dem Umland.";
	precis_doc *d = doc_in(t, "de", 10);
	cr_assert_gt(precis_doc_keyword_count(d), 0);
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++) {
		const char *p = precis_doc_keyword(d, k, NULL);
		cr_assert(p[0] >= 'A' && p[0] <= 'Z', "\"%s\" is no noun", p);
	}
	precis_doc_free(d);
}

/* The Chinese and Japanese paths report every allocation failure as
 * PRECIS_ENOMEM, as test_alloc.c checks for the rest. */
static void walk_failures(const char *text, const char *lang)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.lang = lang;
	pr_alloc_fail_after(-1);
	precis_doc *d = NULL;
	cr_assert_eq(precis_doc_new(&d, text, strlen(text), &o), PRECIS_OK);
	long need = pr_alloc_count();
	precis_doc_free(d);
	long k;
	for (k = 0; k <= need; k++) {
		pr_alloc_fail_after(k);
		d = NULL;
		int rc = precis_doc_new(&d, text, strlen(text), &o);
		pr_alloc_fail_after(-1);
		if (rc == PRECIS_OK) {
			precis_doc_free(d);
			break;
		}
		cr_assert_eq(rc, PRECIS_ENOMEM, "failure %ld: %s", k, precis_strerror(rc));
		cr_assert_null(d);
	}
	cr_assert_eq(k, need);
}

Test(keyphrase, cjk_allocation_failures)
{
	walk_failures("中药材检出农药残留。绿色和平组织发现中药材样本的农药残留超标。"
	              "部分中药材的农药残留超过欧盟标准数百倍。iPhone 和 iPhone 都有。",
	              "zh");
	walk_failures("東京都は新しい地震対策を発表した。地震対策にはコンピューターの"
	              "予測が使われる。東京都の地震対策は世界で注目されている。",
	              "ja");
}

/* Of two sequences that overlap, the second says nothing new: a name of
 * seven characters is not listed as two of six. */
Test(keyphrase, chinese_overlapping_sequences)
{
	static const char t[] =
		"土耳其航空公司开通北京航线。土耳其航空公司表示，北京航线每天一班。"
		"土耳其航空公司的航班从伊斯坦布尔出发。";
	precis_doc *d = doc_in(t, "zh", 10);
	int seen = 0;
	for (size_t k = 0; k < precis_doc_keyword_count(d); k++) {
		const char *p = precis_doc_keyword(d, k, NULL);
		if (strstr("土耳其航空公司", p) || strstr(p, "航空公"))
			seen++;
	}
	cr_assert_eq(seen, 1, "one entry for the airline");
	precis_doc_free(d);
}

/* French: the verb after "pour", "de", "à" is no key word ("pour rétablir",
 * "de porter"), nor the one after a subject pronoun. */
Test(keyphrase, french_verbs_are_no_key_words)
{
	static const char t[] =
		"Le gouvernement veut rétablir les comptes publics. Pour rétablir les "
		"comptes publics, il demande un effort aux retraités. Les retraités "
		"refusent de porter cet effort, et les syndicats appellent à manifester "
		"contre le gouvernement.";
	precis_doc *d = doc_in(t, "fr", 10);
	cr_assert(!any_has_word(d, "rétablir"));
	cr_assert(!any_has_word(d, "porter"));
	cr_assert(!any_has_word(d, "manifester"));
	cr_assert(!any_has_word(d, "demande"));
	cr_assert_geq(index_of(d, "comptes publics"), 0);
	precis_doc_free(d);
}

/* Chinese filler words recur without being key phrases: 表示 ("said"). */
Test(keyphrase, chinese_filler_words)
{
	static const char t[] =
		"专家表示，农药残留超标。官员表示，农药残留问题严重。"
		"医生表示，农药残留有害。";
	precis_doc *d = doc_in(t, "zh", 10);
	cr_assert_geq(index_of(d, "农药残留"), 0);
	cr_assert_lt(index_of(d, "表示"), 0);
	precis_doc_free(d);
}

/* A long text: hundreds of distinct pairs of words and phrases, so that
 * the tables that count co-occurrences and phrases grow several times;
 * the phrases that recur throughout still come out first, and the names
 * met once never do. */
Test(keyphrase, counts_survive_growing_tables)
{
	static const char *const syl[] = { "ka", "lo", "mi", "ner", "tu", "va", "zo",
	                                   "pel", "ris", "don", "gar", "hu" };
	size_t nsyl = sizeof syl / sizeof syl[0], cap = 1 << 17, len = 0;
	char *text = malloc(cap);
	cr_assert(text);
	for (size_t k = 0; k < 600; k++) {
		char a[16], b[16];
		snprintf(a, sizeof a, "%s%s%s", syl[k % nsyl], syl[(k / nsyl) % nsyl],
		         syl[(k / (nsyl * nsyl)) % nsyl]);
		snprintf(b, sizeof b, "%s%s", syl[(k * 7 + 3) % nsyl], syl[(k * 5 + 1) % nsyl]);
		len += (size_t)snprintf(text + len, cap - len,
		                        "Engineers mapped the river delta near %s %s quarry. ",
		                        a, b);
		if (k % 10 == 9)
			len += (size_t)snprintf(text + len, cap - len, "\n\n");
	}
	precis_doc *d = doc_with(text, 10);
	cr_assert_eq(index_of(d, "river delta near"), 0);
	cr_assert_eq(index_of(d, "Engineers mapped"), 1);
	/* the names of three syllables are each met once: never a key
	 * phrase; those of two recur, and "X quarry" may be one */
	for (size_t k = 2; k < precis_doc_keyword_count(d); k++) {
		const char *p = precis_doc_keyword(d, k, NULL), *sp = strchr(p, ' ');
		cr_assert(!sp || ((size_t)(sp - p) <= 6 && strcmp(sp, " quarry") == 0), "%s", p);
	}
	precis_doc_free(d);
	free(text);
}

/* A lone word is shown in its most frequent form, the forms of its stem
 * met hundreds of key words apart (which are counted a batch at a time):
 * "warn" opens the text, "warnings" recurs after it, and it is
 * "warnings" that is listed. */
Test(keyphrase, lone_word_in_its_most_frequent_form_far_apart)
{
	static const char *const syl[] = { "ka", "lo", "mi", "ner", "tu", "va", "zo", "pel" };
	size_t cap = 1 << 16, len = 0;
	char *text = malloc(cap);
	cr_assert(text);
	len += (size_t)snprintf(text + len, cap - len, "Officials warn residents.\n\n");
	for (size_t k = 0; k < 80; k++) {
		len += (size_t)snprintf(text + len, cap - len, "Engineers in %s%s%s heeded the warnings.",
		                        syl[k % 8], syl[(k / 8) % 8], syl[(k * 3 + 1) % 8]);
		for (size_t w = 0; w < 6; w++)
			len += (size_t)snprintf(text + len, cap - len, " Surveyors %s%s%s met.",
			                        syl[(k + w) % 8], syl[(k * 5 + w) % 8],
			                        syl[(k * 7 + w * 3) % 8]);
		len += (size_t)snprintf(text + len, cap - len, k % 5 == 4 ? "\n\n" : " ");
	}
	precis_doc *d = doc_in(text, "en", 30);
	cr_assert_geq(index_of(d, "warnings"), 0);
	cr_assert_lt(index_of(d, "warn"), 0);
	precis_doc_free(d);
	free(text);
}

/* A lone word is shown in the form its word takes most often, the parts
 * of hyphenated compounds counted too: "sensor" (once alone, once at the
 * head of "Sensor-driven", once at the end of "ice-sensor") is shown, not
 * "sensors" (twice alone, and first). The compounds, each met once past
 * the lead, are listed neither. */
Test(keyphrase, lone_word_form_counts_compound_parts)
{
	static const char text[] =
		"Glacier sensors warn the valley towns. The sensors measure melting ice. "
		"Each sensor sends readings to the valley towns every hour.\n\n"
		"Sensor-driven alarms protect the valley towns. Engineers drew the "
		"ice-sensor maps of the glacier.\n";
	precis_doc *d = doc_with(text, 10);
	cr_assert_geq(index_of(d, "sensor"), 0);
	cr_assert_lt(index_of(d, "sensors"), 0);
	precis_doc_free(d);
}

/* Adverbs are filler by their ending ("-lly", "-sly"), in words of seven
 * bytes or more; a word ending in the same letter but no listed ending
 * ("monopoly") is a key word. */
Test(keyphrase, filler_by_ending)
{
	static const char t[] =
		"Regulators seriously questioned the monopoly. The monopoly carefully "
		"raised prices, and regulators seriously objected to the rally. "
		"Investors carefully watched the monopoly and the rally.\n\n"
		"The rally faded when regulators seriously threatened the monopoly.\n";
	precis_doc *d = doc_in(t, "en", 20);
	cr_assert(!any_has_word(d, "seriously"));
	cr_assert(!any_has_word(d, "carefully"));
	cr_assert(any_has_word(d, "monopoly"));
	precis_doc_free(d);
}

static int order_cmp(const void *x, const void *y)
{
	const pr_kp_order *a = x, *b = y;
	return pr_kp_before(a, b) ? -1 : pr_kp_before(b, a);
}

/* The heap gives the candidates in the order a sort would: best score
 * first, then the first occurrence, then the longer; many ties, so that
 * every rule of the order decides some pairs. */
Test(keyphrase, heap_gives_sorted_order)
{
	enum { N = 997 };
	pr_kp_order *h = malloc(N * sizeof *h), *sorted = malloc(N * sizeof *sorted);
	pr_kp_order *keys = malloc(N * sizeof *keys);
	unsigned char seen[N] = {0};
	cr_assert(h && sorted && keys);
	uint32_t x = 12345;
	for (uint32_t k = 0; k < N; k++) {
		x = x * 1103515245u + 12345u;
		h[k].score = (double)(x >> 28) / 4.0; /* sixteen scores */
		h[k].sent = (x >> 20) % 5;
		h[k].first = h[k].sent * 100 + (x >> 12) % 7;
		h[k].len = 1 + (x >> 8) % 3;
		h[k].id = k;
	}
	memcpy(sorted, h, N * sizeof *h);
	memcpy(keys, h, N * sizeof *h);
	qsort(sorted, N, sizeof *sorted, order_cmp);
	pr_kp_heapify(h, N);
	size_t n = N;
	for (size_t k = 0; k < N; k++) {
		uint32_t id = pr_kp_pop(h, &n);
		cr_assert_eq(n, N - k - 1);
		cr_assert_lt(id, N);
		cr_assert(!seen[id], "%u twice", id);
		seen[id] = 1;
		/* equal keys may come in either order: compare the keys */
		cr_assert_eq(order_cmp(&keys[id], &sorted[k]), 0, "place %zu", k);
	}
	free(h);
	free(sorted);
	free(keys);
}

/* Few words in many combinations, n sentences of eight tokens: far more
 * pairs of words than words; what recurs in every sentence comes first,
 * and the words of the combinations, each met n / 30 times, come after
 * it. Returns the document's token count. */
static size_t dense_pairs(size_t n)
{
	static const char *const syl[] = { "ka", "lo", "mi", "ner", "tu", "va" };
	size_t nsyl = sizeof syl / sizeof syl[0], cap = 64 * n + 64, len = 0;
	char *text = malloc(cap);
	cr_assert(text);
	for (size_t k = 0; k < n; k++) {
		size_t a = k % 30, b = (k / 30) % 30;
		len += (size_t)snprintf(text + len, cap - len,
		                        "Engineers mapped the river delta near %s%s %s%s. ",
		                        syl[a % nsyl], syl[a / nsyl], syl[b % nsyl],
		                        syl[b / nsyl]);
		if (k % 10 == 9)
			len += (size_t)snprintf(text + len, cap - len, "\n\n");
	}
	precis_doc *d = doc_with(text, 10);
	size_t ntoks = d->ntoks;
	cr_assert_geq(ntoks, n * 8);
	cr_assert_eq(index_of(d, "river delta near"), 0);
	cr_assert_eq(index_of(d, "Engineers mapped"), 1);
	for (size_t k = 2; k < precis_doc_keyword_count(d); k++) {
		const char *p = precis_doc_keyword(d, k, NULL);
		cr_assert(strchr(p, ' ') == NULL && strlen(p) <= 6, "%s", p);
	}
	precis_doc_free(d);
	free(text);
	return ntoks;
}

/* An article's co-occurrences (up to PAIR_LIST tokens, 16,384) are
 * listed, sorted and added up (word_links()): 7,200 tokens. */
Test(keyphrase, counts_survive_dense_pairs)
{
	cr_assert_leq(dense_pairs(900), 16384);
}

/* A book's (more than PAIR_LIST tokens) are counted in a table of pairs,
 * sized from the number of words: the same phrases come first. */
Test(keyphrase, counts_survive_dense_pairs_in_a_book)
{
	cr_assert_gt(dense_pairs(2700), 16384);
}

/* Sentences of a hundred words without punctuation: more pairs of words
 * than are counted at a time (a batch), so that a sentence's are counted
 * in several, the list growing between them; the phrases that open and
 * end every sentence still come first. */
Test(keyphrase, long_sentences_counted_in_batches)
{
	static const char *const syl[] = { "ka", "lo", "mi", "ner", "tu", "va", "zo", "pel" };
	size_t cap = 1 << 17, len = 0;
	char *text = malloc(cap);
	cr_assert(text);
	for (size_t k = 0; k < 40; k++) {
		len += (size_t)snprintf(text + len, cap - len, "Surveyors listed");
		for (size_t w = 0; w < 100; w++) {
			size_t x = (k * 100 + w) * 2654435761u >> 7;
			len += (size_t)snprintf(text + len, cap - len, " %s%s%s", syl[x % 8],
			                        syl[(x / 8) % 8], syl[(x / 64) % 8]);
		}
		len += (size_t)snprintf(text + len, cap - len, " beside the river delta. ");
		if (k % 4 == 3)
			len += (size_t)snprintf(text + len, cap - len, "\n\n");
	}
	precis_doc *d = doc_with(text, 10);
	cr_assert_geq(precis_doc_keyword_count(d), 1);
	cr_assert_eq(index_of(d, "Surveyors listed"), 0);
	cr_assert_eq(index_of(d, "river delta"), 1);
	precis_doc_free(d);
	free(text);
}

/* A random undirected graph of n nodes, every node linked (node i to
 * i - 1, then `extra` more links at random, the first few nodes taking
 * many: rows of one link to dozens), integer weights as co-occurrence
 * counts are, and a teleport vector summing to 1. Freed with free_graph. */
static void random_graph(pr_graph *g, double *tele, size_t n, size_t extra, uint32_t seed)
{
	size_t cap = 2 * (n + extra);
	uint32_t *a = malloc(cap * sizeof *a), *b = malloc(cap * sizeof *b);
	double *w = malloc(cap * sizeof *w);
	unsigned char *seen = calloc(n * n, 1);
	cr_assert(a && b && w && seen);
	size_t m = 0;
	uint32_t x = seed;
	for (size_t k = 0; k < n - 1 + extra; k++) {
		x = x * 1103515245u + 12345u;
		uint32_t i, j;
		if (k < n - 1) {
			i = (uint32_t)k;
			j = (uint32_t)k + 1;
		} else {
			i = (x >> 8) % (x >> 28 ? (uint32_t)n : 4); /* hubs */
			x = x * 1103515245u + 12345u;
			j = (x >> 8) % (uint32_t)n;
		}
		if (i == j || seen[i * n + j])
			continue;
		seen[i * n + j] = seen[j * n + i] = 1;
		double wt = 1 + (double)((x >> 4) % 8 == 0 ? (x >> 12) % 4 : 0);
		a[m] = i;
		b[m] = j;
		w[m++] = wt;
		a[m] = j;
		b[m] = i;
		w[m++] = wt;
	}
	/* rows in node order, each row's columns increasing; no W(i) given */
	memset(g, 0, sizeof *g);
	g->n = n;
	g->row = calloc(n + 1, sizeof *g->row);
	g->col = malloc(m * sizeof *g->col);
	g->w = malloc(m * sizeof *g->w);
	cr_assert(g->row && g->col && g->w);
	for (size_t e = 0; e < m; e++)
		g->row[a[e] + 1]++;
	for (size_t i = 0; i < n; i++)
		g->row[i + 1] += g->row[i];
	for (size_t i = 0; i < n; i++) {
		size_t at = g->row[i];
		for (size_t j = 0; j < n; j++) {
			for (size_t e = 0; e < m; e++) {
				if (a[e] == i && b[e] == j) {
					g->col[at] = (uint32_t)j;
					g->w[at++] = w[e];
				}
			}
		}
	}
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		tele[i] = 1.0 / (1.0 + (double)((x >> 8) % 1000));
		total += tele[i];
	}
	for (size_t i = 0; i < n; i++)
		tele[i] /= total;
	free(a);
	free(b);
	free(w);
	free(seen);
}

static void free_graph(pr_graph *g)
{
	free(g->row);
	free(g->col);
	free(g->w);
}

/* The L1 distance from got to PageRank's fixed point on g (taken as
 * pr_pagerank_personal's at a tolerance of 1e-14). */
static double fixed_point_distance(const double *got, const pr_graph *g, const double *tele)
{
	double *exact = malloc(g->n * sizeof *exact), d = 0;
	cr_assert(exact);
	cr_assert_eq(pr_pagerank_personal(exact, g, 0.85, 1e-14, 5000, tele), PRECIS_OK);
	for (size_t i = 0; i < g->n; i++)
		d += fabs(got[i] - exact[i]);
	free(exact);
	return d;
}

/* Power iteration stopped when a step changes the scores by less than
 * the tolerance t (1e-4) is within d / (1 - d) t of the fixed point, in
 * L1; the key words' steps, starting elsewhere and jumping ahead, stop by
 * the same test and must be as near, on graphs from a pair of nodes to a
 * few hundred, with rows of one link to dozens, with teleport vectors
 * uneven and even. */
Test(keyphrase, word_rank_reaches_fixed_point)
{
	static const size_t sizes[][2] = { { 2, 0 }, { 3, 1 }, { 7, 5 }, { 40, 30 },
	                                   { 180, 20 }, { 180, 200 }, { 400, 1500 } };
	const double bound = 0.85 / 0.15 * 1e-4 + 1e-12;
	for (size_t t = 0; t < 2 * (sizeof sizes / sizeof sizes[0]); t++) {
		size_t n = sizes[t / 2][0];
		pr_graph g;
		double *tele = malloc(n * sizeof *tele), *got = malloc(n * sizeof *got);
		cr_assert(tele && got);
		random_graph(&g, tele, n, sizes[t / 2][1], 7u + (uint32_t)t);
		if (t % 2)
			for (size_t i = 0; i < n; i++)
				tele[i] = 1.0 / (double)n;
		cr_assert_eq(pr_kp_rank_words(got, &g, tele), PRECIS_OK);
		double sum = 0;
		for (size_t i = 0; i < n; i++)
			sum += got[i];
		cr_assert_float_eq(sum, 1.0, 1e-12, "graph %zu", t);
		double d = fixed_point_distance(got, &g, tele);
		cr_assert_leq(d, bound, "graph %zu: %g from the fixed point", t, d);
		free_graph(&g);
		free(tele);
		free(got);
	}
}

/* Against plain power iteration (pr_pagerank_personal, same damping,
 * tolerance and step limit), on the graphs above: each key word's score
 * is within the tolerance of its plain one, the two within twice the
 * bound above of each other in L1 (each is within it of the fixed
 * point), and two words whose plain scores are further apart than the
 * tolerance come in the same order; only nearer ones may swap. */
Test(keyphrase, word_rank_agrees_with_power_iteration)
{
	static const size_t sizes[][2] = { { 2, 0 }, { 3, 1 }, { 7, 5 }, { 40, 30 },
	                                   { 180, 20 }, { 180, 200 }, { 400, 1500 } };
	const double tol = 1e-4, bound = 2 * (0.85 / 0.15 * tol) + 1e-12;
	for (size_t t = 0; t < 2 * (sizeof sizes / sizeof sizes[0]); t++) {
		size_t n = sizes[t / 2][0];
		pr_graph g;
		double *tele = malloc(n * sizeof *tele);
		double *want = malloc(n * sizeof *want), *got = malloc(n * sizeof *got);
		cr_assert(tele && want && got);
		random_graph(&g, tele, n, sizes[t / 2][1], 7u + (uint32_t)t);
		if (t % 2)
			for (size_t i = 0; i < n; i++)
				tele[i] = 1.0 / (double)n;
		cr_assert_eq(pr_pagerank_personal(want, &g, 0.85, tol, 100, tele), PRECIS_OK);
		cr_assert_eq(pr_kp_rank_words(got, &g, tele), PRECIS_OK);
		double l1 = 0;
		for (size_t i = 0; i < n; i++) {
			cr_assert_lt(fabs(got[i] - want[i]), tol, "graph %zu node %zu", t, i);
			l1 += fabs(got[i] - want[i]);
		}
		cr_assert_leq(l1, bound, "graph %zu", t);
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < n; j++)
				if (want[i] - want[j] > tol)
					cr_assert_gt(got[i], got[j], "graph %zu nodes %zu, %zu", t, i, j);
		free_graph(&g);
		free(tele);
		free(want);
		free(got);
	}
}

/* Two chains apart, all the random jumps landing on one of them: each
 * chain's share of the scores moves only by d a step, the slowest mode
 * there is, and the scores still end as near the fixed point. */
Test(keyphrase, word_rank_two_components)
{
	enum { N = 30 };
	size_t row[N + 1];
	uint32_t col[2 * N];
	double w[2 * N], tele[N], got[N];
	size_t m = 0;
	for (size_t i = 0; i < N; i++) {
		row[i] = m;
		size_t half = i < N / 2 ? 0 : N / 2, k = i - half;
		if (k > 0) {
			col[m] = (uint32_t)(i - 1);
			w[m++] = 1 + (double)(i % 3);
		}
		if (k + 1 < N / 2) {
			col[m] = (uint32_t)(i + 1);
			w[m++] = 1 + (double)((i + 1) % 3);
		}
		tele[i] = i < N / 2 ? 1.0 / (N / 2) : 0.0;
	}
	row[N] = m;
	pr_graph g = { .n = N, .row = row, .col = col, .w = w };
	cr_assert_eq(pr_kp_rank_words(got, &g, tele), PRECIS_OK);
	cr_assert_leq(fixed_point_distance(got, &g, tele), 0.85 / 0.15 * 1e-4 + 1e-12);
}

/* Nodes alike in the graph and in the teleport vector score alike, to the
 * last bit, so that ties between key words stay ties (broken by the
 * order of the words, not by the solver): a star's leaves. */
Test(keyphrase, word_rank_keeps_ties)
{
	enum { N = 9 };
	size_t row[N + 1];
	uint32_t col[2 * (N - 1)];
	double w[2 * (N - 1)], tele[N], got[N];
	size_t m = 0;
	row[0] = 0;
	for (size_t i = 1; i < N; i++) {
		col[m] = (uint32_t)i;
		w[m++] = 2;
	}
	for (size_t i = 1; i < N; i++) {
		row[i] = m;
		col[m] = 0;
		w[m++] = 2;
		tele[i] = 0.5 / (N - 1);
	}
	row[N] = m;
	tele[0] = 0.5;
	pr_graph g = { .n = N, .row = row, .col = col, .w = w };
	cr_assert_eq(pr_kp_rank_words(got, &g, tele), PRECIS_OK);
	for (size_t i = 2; i < N; i++)
		cr_assert(memcmp(&got[i], &got[1], sizeof got[i]) == 0, "leaf %zu", i);
	cr_assert_gt(got[0], got[1]);
}

/* A node with no link (never in a word graph) is ranked as rank.c ranks
 * it, its score spread by the random jumps. */
Test(keyphrase, word_rank_unlinked_node)
{
	size_t row[] = { 0, 1, 2, 2 };
	uint32_t col[] = { 1, 0 };
	double w[] = { 2, 2 }, tele[] = { 0.5, 0.3, 0.2 }, want[3], got[3];
	pr_graph g = { .n = 3, .row = row, .col = col, .w = w };
	cr_assert_eq(pr_pagerank_personal(want, &g, 0.85, 1e-4, 100, tele), PRECIS_OK);
	cr_assert_eq(pr_kp_rank_words(got, &g, tele), PRECIS_OK);
	for (size_t i = 0; i < 3; i++)
		cr_assert(memcmp(&want[i], &got[i], sizeof got[i]) == 0, "node %zu", i);
	cr_assert_gt(got[2], 0);
}

/* It converges: on a ring, every node alike, each scores 1 / n however
 * the random jumps land; and a node's jumps raise its score. */
Test(keyphrase, word_rank_converges)
{
	enum { N = 12 };
	size_t row[N + 1];
	uint32_t col[2 * N];
	double w[2 * N], tele[N], score[N];
	for (size_t i = 0; i < N; i++) {
		uint32_t lo = (uint32_t)((i + N - 1) % N), hi = (uint32_t)((i + 1) % N);
		row[i] = 2 * i;
		col[2 * i] = lo < hi ? lo : hi;
		col[2 * i + 1] = lo < hi ? hi : lo;
		w[2 * i] = w[2 * i + 1] = 1;
		tele[i] = 1.0 / N;
	}
	row[N] = 2 * N;
	pr_graph g = { .n = N, .row = row, .col = col, .w = w };
	cr_assert_eq(pr_kp_rank_words(score, &g, tele), PRECIS_OK);
	for (size_t i = 0; i < N; i++)
		cr_assert_float_eq(score[i], 1.0 / N, 1e-12);
	for (size_t i = 0; i < N; i++)
		tele[i] = i == 3 ? 0.5 : 0.5 / (N - 1);
	cr_assert_eq(pr_kp_rank_words(score, &g, tele), PRECIS_OK);
	double sum = 0;
	for (size_t i = 0; i < N; i++) {
		sum += score[i];
		if (i != 3)
			cr_assert_gt(score[3], score[i]);
	}
	cr_assert_float_eq(sum, 1.0, 1e-12);
}

/* W(i) given with the graph (g->wsum, as the key-phrase stage adds it up:
 * each row's weights in the order of the row) gives the very scores, bit
 * for bit, of W(i) added up from the rows; and it is what is read: a W(i)
 * twice as large halves every link's share, and the scores move. */
Test(keyphrase, word_rank_reads_wsum)
{
	pr_graph g;
	double tele[180], plain[180], given[180], off[180], wsum[180];
	random_graph(&g, tele, 180, 200, 31u);
	cr_assert_eq(pr_kp_rank_words(plain, &g, tele), PRECIS_OK);
	for (size_t i = 0; i < g.n; i++) {
		wsum[i] = 0;
		for (size_t k = g.row[i]; k < g.row[i + 1]; k++)
			wsum[i] += g.w[k];
	}
	g.wsum = wsum;
	cr_assert_eq(pr_kp_rank_words(given, &g, tele), PRECIS_OK);
	cr_assert_arr_eq(given, plain, sizeof plain);
	for (size_t i = 0; i < g.n; i++)
		wsum[i] *= 2;
	cr_assert_eq(pr_kp_rank_words(off, &g, tele), PRECIS_OK);
	size_t moved = 0;
	for (size_t i = 0; i < g.n; i++)
		moved += off[i] != plain[i];
	cr_assert_gt(moved, 0);
	g.wsum = NULL;
	free_graph(&g);
}

/* Out of memory, it says so; the rows and the steps' vectors are one
 * allocation, so a second that would fail is never asked for. */
Test(keyphrase, word_rank_allocation_failures)
{
	pr_graph g;
	double tele[50], score[50], again[50];
	random_graph(&g, tele, 50, 40, 99u);
	pr_alloc_fail_after(0);
	int rc = pr_kp_rank_words(score, &g, tele);
	pr_alloc_fail_after(-1);
	cr_assert_eq(rc, PRECIS_ENOMEM);
	cr_assert_eq(pr_kp_rank_words(score, &g, tele), PRECIS_OK);
	pr_alloc_fail_after(1);
	rc = pr_kp_rank_words(again, &g, tele);
	pr_alloc_fail_after(-1);
	cr_assert_eq(rc, PRECIS_OK);
	cr_assert_arr_eq(again, score, sizeof score);
	free_graph(&g);
}
