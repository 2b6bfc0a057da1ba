/* batch.h: precis --jsonl, one JSON object per input line, one result per
 * output line, in input order, on worker threads. */
#ifndef PRECIS_CLI_BATCH_H
#define PRECIS_CLI_BATCH_H

#include <stdio.h>

#include "buf.h"
#include "precis.h"

typedef struct cli_batch {
	const precis_options *opts; /* the command line's; a line's own options
	                               replace these one by one */
	unsigned jobs;              /* worker threads, at least 1 */
	int progress;               /* a progress line on err */
	/* Write one finished run of records; -1 stops the batch (the caller
	 * knows why). */
	int (*write)(void *ctx, const cli_buf *b);
	void *write_ctx;
	FILE *err;
} cli_batch;

/* Read every file ("-" is `in`) as JSON Lines and write one record per
 * non-blank line: the --json object with "id" instead of "file", or
 * {"id": ..., "error": "...", "line": N} for a line that cannot be
 * summarized. Returns 0, or 1 if any line failed or a file could not be
 * read (after a message on err). */
int cli_batch_run(const cli_batch *bt, const char *const *files, size_t nfiles,
                  FILE *in);

/* The number of online processors, at least 1: the default for --jobs. */
unsigned cli_batch_default_jobs(void);

#endif
