/* stages.h: time each stage of precis_doc_new, for tests/bench. Internal;
 * the library itself never reads a clock. */
#ifndef PRECIS_STAGES_H
#define PRECIS_STAGES_H

#include "precis.h"

enum {
	PR_STAGE_SEGMENT,   /* blocks and sentences (block.c, sentence.c) */
	PR_STAGE_TOKENIZE,  /* words, stems, document frequencies (token.c) */
	PR_STAGE_GRAPH,     /* sentence terms and the similarity graph (graph.c) */
	PR_STAGE_RANK,      /* PageRank and ranks (rank.c, prior.c) */
	PR_STAGE_SELECT,    /* the summary (select.c) */
	PR_STAGE_KEYPHRASE, /* key phrases (keyphrase.c) */
	PR_STAGE_HEADLINE,  /* the headline (headline.c) */
	PR_NSTAGES
};

/* precis_doc_new, adding each stage's wall time in milliseconds to
 * ms[0 .. PR_NSTAGES) when ms is not NULL. */
int pr_doc_new_timed(precis_doc **out, const char *text, size_t len,
                     const precis_options *opts, double *ms);

#endif
