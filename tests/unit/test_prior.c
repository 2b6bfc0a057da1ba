/* prior.c: the noise weight of a sentence, wherever its pattern stands. */
#include <criterion/criterion.h>
#include <precis.h>
#include <stdio.h>
#include <string.h>

#include "doc.h"

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
