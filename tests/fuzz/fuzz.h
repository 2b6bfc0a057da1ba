/* fuzz.h: what every fuzz target shares. A target is one
 * LLVMFuzzerTestOneInput; it runs under libFuzzer (-Dfuzz=true, clang) and,
 * through replay.c, as an ordinary program in every build so that the seed
 * corpora and every crash ever found are replayed by `meson test`. */
#ifndef PRECIS_FUZZ_H
#define PRECIS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An invariant that must hold: on failure, say which and abort, which both
 * libFuzzer and the replay driver report as a crash. */
#define CHECK(cond)                                                          \
	do {                                                                 \
		if (!(cond)) {                                               \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #cond);                            \
			abort();                                             \
		}                                                            \
	} while (0)

/* Bytes taken from the front of the input, for options. Reads past the end
 * give 0, so every input is usable. */
typedef struct fuzz_in {
	const uint8_t *p;
	size_t n;
} fuzz_in;

static inline unsigned fuzz_byte(fuzz_in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

#endif
