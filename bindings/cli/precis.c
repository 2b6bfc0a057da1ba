/* precis.c: the precis command. Everything else is in cli.c. */
#include "cli.h"

int main(int argc, char **argv) { return precis_cli_run(argc, argv); }
