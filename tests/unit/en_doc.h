/* en_doc.h: a document of plain English text for tests that look inside
 * the library's stages; fails the test if the text cannot be read. */
#ifndef PRECIS_TEST_EN_DOC_H
#define PRECIS_TEST_EN_DOC_H

#include <criterion/criterion.h>
#include <precis.h>
#include <string.h>

static precis_doc *doc_of(const char *text)
{
	precis_doc *d = NULL;
	precis_options o = PRECIS_OPTIONS_INIT;
	o.format = PRECIS_FORMAT_PLAIN;
	o.lang = "en";
	int rc = precis_doc_new(&d, text, strlen(text), &o);
	cr_assert_eq(rc, PRECIS_OK, "precis_doc_new: %s", precis_strerror(rc));
	return d;
}

#endif
