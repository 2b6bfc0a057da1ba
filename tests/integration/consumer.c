/* A C program that uses libprecis through its installed header and
 * pkg-config, as any consumer would. */
#include <precis.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	static const char text[] =
		"Solar panels will go on every school roof. The panels cut power bills. "
		"Parents welcomed the solar panels.";
	if (strcmp(precis_version(), PRECIS_VERSION_STRING) != 0) {
		fprintf(stderr, "header %s, library %s\n", PRECIS_VERSION_STRING, precis_version());
		return 1;
	}
	precis_options o = PRECIS_OPTIONS_INIT;
	o.sentences = 1;
	precis_doc *d;
	int rc = precis_doc_new(&d, text, sizeof text - 1, &o);
	if (rc != PRECIS_OK) {
		fprintf(stderr, "%s\n", precis_strerror(rc));
		return 1;
	}
	if (precis_doc_sentence_count(d) != 3 || precis_doc_selected_count(d) != 1) {
		fprintf(stderr, "unexpected counts\n");
		return 1;
	}
	size_t i = precis_doc_selected(d, 0), len;
	size_t start = precis_doc_sentence_start(d, i), end = precis_doc_sentence_end(d, i);
	const char *s = precis_doc_sentence_text(d, i, &len);
	int ok = end - start == len && memcmp(text + start, s, len) == 0;
	printf("%s %zu %zu %s\n", ok ? "ok" : "bad", start, end, s);
	precis_doc_free(d);
	return ok ? 0 : 1;
}
