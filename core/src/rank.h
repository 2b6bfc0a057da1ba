/* rank.h: the steps of rank.c's power iteration that keyphrase.c's own
 * (pr_kp_rank_words) takes alike, so that the two give the same bits.
 * Internal; never installed. */
#ifndef PRECIS_RANK_H
#define PRECIS_RANK_H

#include <stddef.h>

/* Is a sum of `terms` non-negative terms, taken in one order as `sum`,
 * below tol as the same sum taken in any other order would be? Every
 * order is within (terms - 1) * 2^-53 (relative) of the exact sum, two
 * orders within twice that of each other; outside a margin of terms *
 * 2^-50 the answer is the same in all of them. -1 when too near to say. */
static inline int pr_sum_below(double sum, double tol, size_t terms)
{
	double margin = sum * (double)terms * 0x1p-50;
	if (sum < tol - margin)
		return 1;
	if (sum > tol + margin)
		return 0;
	return -1;
}

/* The n scores' sum, added in their order. */
static inline double pr_sum_of(const double *score, size_t n)
{
	double total = 0;
	for (size_t i = 0; i < n; i++)
		total += score[i];
	return total;
}

/* The scores divided by their total (when there is one), so that they sum
 * to 1 again after the steps' rounding drift. */
static inline void pr_divide_by(double *score, size_t n, double total)
{
	if (total > 0)
		for (size_t i = 0; i < n; i++)
			score[i] /= total;
}

#endif
