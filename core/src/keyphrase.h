/* keyphrase.h: what keyphrase.c shares with its tests. Internal; never
 * installed.
 *
 * Key phrases are listed best first until the list is full, which it is
 * long before the last of the candidates (a book has tens of thousands)
 * is looked at. They are not sorted: a binary heap of their order keys
 * gives them one at a time, in O(n) to build and O(log n) a phrase, in the
 * order a sort would, the order being total. */
#ifndef PRECIS_KEYPHRASE_H
#define PRECIS_KEYPHRASE_H

#include <stddef.h>
#include <stdint.h>

/* A candidate's place in the list: best score first, then first
 * occurrence (sentence, then token), then the longer ("bora bora" before
 * "bora", which start there too). */
typedef struct pr_kp_order {
	double score;
	uint32_t sent, first, len;
	uint32_t id; /* the caller's: which candidate it is */
} pr_kp_order;

/* Does a come before b? */
int pr_kp_before(const pr_kp_order *a, const pr_kp_order *b);

/* Make h[0..n) a heap, the first in order at its root. */
void pr_kp_heapify(pr_kp_order *h, size_t n);

/* Take the first in order out of the heap h[0..*n), *n > 0: its id. */
uint32_t pr_kp_pop(pr_kp_order *h, size_t *n);

struct pr_graph;

/* The PageRank of the key-word graph g into score[0..g->n), its random
 * jumps landing by teleport (by node, summing to 1), with damping 0.85,
 * tolerance 1e-4 and at most 100 steps: as near the fixed point as
 * pr_pagerank_personal's scores with those, though not the same to the
 * last bit (keyphrase.c). g->wsum, when not NULL, holds W(i), the weights
 * of row i added up in the row's order (the stage adds them up as it
 * writes the rows); else they are added up here. PRECIS_OK or
 * PRECIS_ENOMEM. */
int pr_kp_rank_words(double *score, const struct pr_graph *g, const double *teleport);

#endif
