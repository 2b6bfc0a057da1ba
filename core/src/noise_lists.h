/* noise_lists.h: the phrases that mark a sentence as being about the page
 * rather than the story (prior.c lowers such sentences' weight). A header
 * of its own so that test_prior.c checks prior.c's fast scan against a
 * plain search over the very same lists. */
#ifndef PRECIS_NOISE_LISTS_H
#define PRECIS_NOISE_LISTS_H

/* Lines that are about the page, not the story. */
static const char *const noise_starts[] = {
	"published:", "updated:", "last updated", "follow us", "follow @",
	"read more", "click here", "scroll down", "share this", "subscribe",
	"sign up", "a version of this article", "copyright", "all rights reserved",
	"photo:", "picture:", "pictured:", "image:", "video:", "watch:",
	"advertisement", "related:", "see also", "email:", "comments",
	"media playback is", "this video can not be played", "follow updates",
	"updates on this story", NULL
};

/* The same, wherever in the sentence they stand. Every pattern here and in
 * caption_marks that does not begin with "(" is SPAN (prior.c: 10) bytes
 * long or longer: prior.c's scan cannot see a shorter one (test_prior.c
 * tries every pattern at every place). */
static const char *const noise_inside[] = {
	"appeared in print", "print edition", "all rights reserved",
	"click here", "scroll down for", "follow us on", "sign up for our",
	"subscribe to our", "share this article", NULL
};

/* What a caption says of its picture. */
static const char *const caption_marks[] = {
	"(pictured", "(left)", "(right)", "(centre)", "(center)", "(above)",
	"(below)", "(top)", "(bottom)", "(file photo)", "pictured above",
	"pictured below", "pictured left", "pictured right", NULL
};

#endif
