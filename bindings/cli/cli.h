/* cli.h: the precis command, callable in-process. */
#ifndef PRECIS_CLI_H
#define PRECIS_CLI_H

#include <stdio.h>

/* Run the command with its arguments: `in` stands for standard input ("-"
 * or no file), `out` receives the output unless -o names a file, `err` the
 * messages. Returns the exit status: 0 success, 1 an input or runtime error,
 * 2 a usage error. Keeps no state between calls; touches no globals. */
int precis_cli_main(int argc, char **argv, FILE *in, FILE *out, FILE *err);

/* The process entry point: ignores SIGPIPE, so that a closed stdout is an
 * EPIPE the command handles quietly, then runs precis_cli_main on the
 * standard streams. */
int precis_cli_run(int argc, char **argv);

#endif
