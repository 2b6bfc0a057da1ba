/* prior.c: what a sentence is worth before the graph has its say.
 *
 * The teleport vector of personalized PageRank. No prior yet: every
 * sentence is equally likely, which is plain TextRank. */
#include "doc.h"

int pr_prior(const precis_doc *doc, double *teleport)
{
	(void)doc;
	(void)teleport;
	return 0;
}
