/* prior.c: the noise weight of a sentence, wherever its pattern stands. */
#include <criterion/criterion.h>
#include <precis.h>
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "noise_lists.h"

static double weight_of(const char *text)
{
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	precis_doc *d = NULL;
	int rc = precis_doc_new(&d, text, strlen(text), &o);
	cr_assert_eq(rc, PRECIS_OK, "precis_doc_new: %s", precis_strerror(rc));
	cr_assert_eq(d->nsents, 1, "%s", text);
	double w = pr_noise_weight(d, 0);
	precis_doc_free(d);
	return w;
}

/* The scan reads eight bytes at a time and the last few one by one, and a
 * pattern's word is looked at from the byte before it: each case is tried
 * with its pattern at every offset from the start and from the end. */
Test(prior, patterns_at_every_offset_and_after_any_non_letter)
{
	static const struct {
		const char *fmt; /* %s: padding before, %s: padding after */
		double w;
	} cases[] = {
		/* after a dash, a digit, a quote, a slash: not only a space */
		{ "Our %sstory-click here%s to read on and on", 0.05 },
		{ "Our %sstory 2print edition%s of the paper", 0.05 },
		{ "Our %sstory \"follow us on%s the web\"", 0.05 },
		{ "Our %sstory/Share This Article%s now", 0.05 },
		/* any mix of cases, the second and third bytes too */
		{ "Our %sstory sCRoll DOWN FOR%s more", 0.05 },
		{ "Our %sstory SuBscribe to our%s list", 0.05 },
		/* a "(" after a letter, and a second "(" after a first */
		{ "The %sman(left) and the woman%s won", 0.3 },
		{ "The %sman (aged 40) and (right) the woman%s won", 0.3 },
		{ "The %sman (aged 40) and (rightly) so%s won", 1.0 },
		/* words that share the first three bytes of a pattern */
		{ "The %sprinter was shared with all of the clicks%s here", 1.0 },
		{ "The %sapple appeared in prime time%s and in shops", 1.0 },
		/* a pattern inside a word is not one */
		{ "The %sreprint edition is out%s today", 1.0 },
		{ "The %smen unpictured above were late%s again", 1.0 },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		for (size_t pad = 0; pad < 18; pad++) {
			char q[32], text[256];
			memset(q, 'q', pad);
			q[pad] = '\0';
			/* pad before: the pattern moves through the eight bytes */
			snprintf(text, sizeof text, cases[k].fmt, q, "");
			cr_expect_eq(weight_of(text), cases[k].w, "%s", text);
			/* pad after, with the text cut short: the pattern near
			 * the end, in the bytes looked at one by one */
			snprintf(text, sizeof text, cases[k].fmt, "", q);
			cr_expect_eq(weight_of(text), cases[k].w, "%s", text);
		}
	}
}

/* A pattern that ends the sentence, with nothing after it. */
Test(prior, pattern_at_the_very_end)
{
	static const char *const ends[] = { "click here", "print edition", "(top)", "(pictured" };
	static const double w[] = { 0.05, 0.05, 0.3, 0.3 };
	for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
		for (size_t pad = 0; pad < 18; pad++) {
			char q[32], text[256];
			memset(q, 'q', pad);
			q[pad] = '\0';
			snprintf(text, sizeof text, "The man %s said it was %s", q, ends[k]);
			cr_expect_eq(weight_of(text), w[k], "%s", text);
		}
	}
}

/* The scan skips along the text and looks closely only where a pattern
 * may begin; what it marks must be what a plain search marks, looking at
 * every byte, over the same lists (noise_lists.h). */
static int spec_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Does t[i..n) begin with p, in any case of its ASCII letters? */
static int spec_at(const char *t, size_t n, size_t i, const char *p)
{
	for (size_t k = 0; p[k]; k++) {
		if (i + k >= n)
			return 0;
		unsigned char c = (unsigned char)t[i + k];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c != (unsigned char)p[k])
			return 0;
	}
	return 1;
}

/* Is p anywhere in t where a pattern counts: at the start of a word, or
 * anywhere for a pattern that begins with a bracket? */
static int spec_has(const char *t, size_t n, const char *const *list)
{
	for (size_t i = 0; i < n; i++)
		for (const char *const *p = list; *p; p++)
			if ((i == 0 || !spec_letter((unsigned char)t[i - 1]) || (*p)[0] == '(') &&
			    spec_at(t, n, i, *p))
				return 1;
	return 0;
}

/* The weight of a sentence of ten words, not cut short (the byline and
 * short-sentence rules do not apply), as the plain search gives it. */
static double spec_weight(const char *t, size_t n)
{
	for (const char *const *p = noise_starts; *p; p++)
		if (spec_at(t, n, 0, *p))
			return 0.05;
	if (spec_has(t, n, noise_inside))
		return 0.05;
	return spec_has(t, n, caption_marks) ? 0.3 : 1.0;
}

/* pr_noise_weight_with() on t as one sentence of ten words. */
static double scan_weight(const char *t, const uint32_t pair[PR_NOISE_PAIRS])
{
	precis_doc d;
	pr_sent s;
	memset(&d, 0, sizeof d);
	memset(&s, 0, sizeof s);
	s.text = t;
	s.len = (uint32_t)strlen(t);
	s.nwords = 10;
	d.sents = &s;
	d.nsents = 1;
	return pr_noise_weight_with(&d, 0, pair);
}

/* Every pattern, in a random mix of cases, at every offset from the start
 * and from the end of the text, after every kind of byte: a letter (no
 * word begins there), a space, a digit, punctuation, a bracket, a byte of
 * a longer UTF-8 character. */
Test(prior, every_pattern_everywhere_as_a_plain_search_finds_it)
{
	static const char *const before[] = { "", " ", "x", "Q", "7", "-", "\"", "(", "\xc3\xa9" };
	const char *const *lists[] = { noise_inside, caption_marks, noise_starts };
	uint32_t pair[PR_NOISE_PAIRS];
	pr_noise_pairs(pair);
	uint32_t seed = 12345;
	size_t tried = 0;
	for (size_t l = 0; l < 3; l++)
		for (const char *const *p = lists[l]; *p; p++)
			for (size_t b = 0; b < sizeof before / sizeof before[0]; b++)
				for (size_t lead = 0; lead < 12; lead++)
					for (size_t tail = 0; tail < 12; tail++) {
						char text[128];
						size_t n = 0;
						for (size_t k = 0; k < lead; k++)
							text[n++] = "ab cd"[k % 5];
						n += (size_t)sprintf(text + n, "%s", before[b]);
						for (const char *c = *p; *c; c++) {
							seed = seed * 1103515245u + 12345u;
							text[n++] = (seed >> 16 & 1) && *c >= 'a' &&
							                    *c <= 'z'
							                ? (char)(*c - 'a' + 'A')
							                : *c;
						}
						for (size_t k = 0; k < tail; k++)
							text[n++] = "s ok"[k % 4];
						text[n] = '\0';
						cr_expect_eq(scan_weight(text, pair), spec_weight(text, n),
						             "%s", text);
						tried++;
					}
	cr_assert_gt(tried, 10000);
}

/* The scan slides two windows, over the first and the second half of the
 * places a pattern may begin: one pattern, or two (a caption mark and a
 * noise pattern, either first), at every place of texts of many lengths,
 * the halves' boundary among them, is found as the plain search finds it. */
Test(prior, patterns_on_either_side_of_the_halves_as_a_plain_search_finds_them)
{
	static const char *const first[] = { "click here", "(left)", "pictured above", "" };
	static const char *const second[] = { "", "print edition", "(pictured", "share this" };
	uint32_t pair[PR_NOISE_PAIRS];
	pr_noise_pairs(pair);
	size_t tried = 0, marked = 0;
	for (size_t len = 10; len < 90; len += 7)
		for (size_t f = 0; f < 4; f++)
			for (size_t g = 0; g < 4; g++)
				for (size_t at = 0; at <= len; at++) {
					/* filler of len bytes; the first pattern at `at`,
					 * the second right after the filler's middle */
					char text[256];
					size_t n = 0;
					for (size_t k = 0; k < len; k++) {
						if (k == at)
							n += (size_t)sprintf(text + n, " %s ", first[f]);
						if (k == len / 2)
							n += (size_t)sprintf(text + n, " %s ", second[g]);
						text[n++] = "plain words go "[k % 15];
					}
					text[n] = '\0';
					double want = spec_weight(text, n);
					marked += want < 1.0;
					cr_expect_eq(scan_weight(text, pair), want, "%s", text);
					tried++;
				}
	cr_assert_gt(tried, 5000);
	cr_assert_gt(marked, tried / 2);
}

/* Sentences strung from the patterns' own words and pieces of them, near
 * misses ("click her", "printed edition", "pictures above") and plain
 * words, joined by spaces, punctuation or nothing: the skips of the scan
 * are tried on texts full of blocks that do occur in the patterns. */
Test(prior, random_texts_as_a_plain_search_finds_them)
{
	static const char *const words[] = {
		"appeared", "in", "print", "edition", "all", "rights", "reserved",
		"click", "here", "scroll", "down", "for", "follow", "us", "on",
		"sign", "up", "our", "subscribe", "to", "share", "this", "article",
		"pictured", "above", "below", "left", "right", "(left)", "(top)",
		"(pictured", "(file", "photo)", "her", "printed", "pictures", "clicks",
		"signs", "the", "men", "said", "\xc3\xa9t\xc3\xa9", "2024", "sharethis",
		"click here", "print edition", "pictured left", "follow us on",
	};
	static const char *const joins[] = { " ", " ", " ", ", ", "-", "", "/", "\"", "(", "1" };
	uint32_t pair[PR_NOISE_PAIRS];
	pr_noise_pairs(pair);
	uint32_t seed = 2026;
	size_t marked = 0;
	for (size_t round = 0; round < 20000; round++) {
		char text[400];
		size_t n = 0;
		seed = seed * 1103515245u + 12345u;
		size_t nw = 1 + (seed >> 16) % 24;
		for (size_t w = 0; w < nw; w++) {
			seed = seed * 1103515245u + 12345u;
			const char *word = words[(seed >> 16) % (sizeof words / sizeof words[0])];
			seed = seed * 1103515245u + 12345u;
			const char *join = joins[(seed >> 16) % (sizeof joins / sizeof joins[0])];
			for (const char *c = word; *c; c++) {
				seed = seed * 1103515245u + 12345u;
				text[n++] = (seed >> 16) % 4 == 0 && *c >= 'a' && *c <= 'z'
				                ? (char)(*c - 'a' + 'A')
				                : *c;
			}
			if (w + 1 < nw)
				n += (size_t)sprintf(text + n, "%s", join);
		}
		text[n] = '\0';
		double want = spec_weight(text, n);
		marked += want < 1.0;
		cr_expect_eq(scan_weight(text, pair), want, "%s", text);
	}
	/* the texts are not all plain statements, nor all noise */
	cr_assert_gt(marked, 2000);
	cr_assert_lt(marked, 18000);
}

/* The table is made at build time (gen_noise.py), from the same lists
 * and constants: it must be the very table pr_noise_pairs() makes from
 * them at run time, or the two have drifted apart. Every document reads
 * it where it is; none makes or keeps a table of its own. */
Test(prior, the_built_noise_table_is_the_one_the_lists_make)
{
	uint32_t pair[PR_NOISE_PAIRS];
	pr_noise_pairs(pair);
	const uint32_t *built = pr_noise_table();
	for (size_t k = 0; k < PR_NOISE_PAIRS; k++)
		cr_expect_eq(built[k], pair[k], "word %zu: %08x, not %08x", k, built[k], pair[k]);
	const char *text = "Ministers met on Monday. They agreed a budget. "
	                   "Click here to read more. Farmers welcomed it. "
	                   "Unions did not. Talks resume in May.";
	precis_doc *d = NULL;
	cr_assert_eq(precis_doc_new(&d, text, strlen(text), NULL), PRECIS_OK);
	cr_assert_geq(d->nsents, 5, "long enough for a prior");
	/* the scan read it: the "click here" line is noise */
	cr_assert_not_null(d->noisew);
	cr_assert_eq(d->noisew[2], 0.05);
	precis_doc_free(d);
}

