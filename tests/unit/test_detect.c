/* detect.c: the script count stops once the rest of the text can no longer
 * change the main script; these texts are decided only late, or by one
 * letter, and must come out as a count of every byte would have it. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"

/* n copies of s into a new buffer after `head`; its length in *len. */
static char *repeat(const char *head, const char *s, size_t n, size_t *len)
{
	size_t h = strlen(head), k = strlen(s);
	char *t = malloc(h + n * k + 1);
	cr_assert(t);
	memcpy(t, head, h);
	for (size_t i = 0; i < n; i++)
		memcpy(t + h + i * k, s, k);
	t[h + n * k] = 0;
	*len = h + n * k;
	return t;
}

static const char *detect(const char *t, size_t n)
{
	return pr_lang_detect(t, n)->code;
}

/* Latin letters, then Greek ones: one more Greek letter than Latin makes
 * the text Greek, as many makes it Latin (the first of equals) and so
 * English. With 1,023 ASCII letters the first Greek letter straddles the
 * first 1,024-byte piece, and must be counted once. */
Test(detect, one_letter_decides_across_pieces)
{
	for (size_t latin = 1020; latin <= 1026; latin++) {
		char *head = malloc(latin + 1);
		cr_assert(head);
		memset(head, 'x', latin);
		head[latin] = 0;
		size_t n;
		char *t = repeat(head, "\xCE\xB1", latin + 1, &n); /* alpha */
		cr_expect_str_eq(detect(t, n), "el", "%zu Latin letters", latin);
		free(t);
		t = repeat(head, "\xCE\xB1", latin, &n);
		cr_expect_str_eq(detect(t, n), "en", "%zu Latin letters", latin);
		free(t);
		free(head);
	}
}

/* An English opening far ahead after its first pieces, overtaken by Greek
 * later on: the count must not stop while Greek can still catch up. */
Test(detect, late_script_overtakes)
{
	size_t n;
	char *en = repeat("", "The council said on Tuesday that the road would open in May. ", 40, &n);
	char *t = repeat(en, "\xCE\xB7 \xCE\xBA\xCF\x85\xCE\xB2\xCE\xAD\xCF\x81\xCE\xBD\xCE\xB7\xCF\x83\xCE\xB7 "
	                     "\xCE\xB1\xCE\xBD\xCE\xB1\xCE\xBA\xCE\xBF\xCE\xAF\xCE\xBD\xCF\x89\xCF\x83\xCE\xB5. ",
	                 120, &n);
	cr_expect_str_eq(detect(t, n), "el");
	free(t);
	/* fewer Greek letters than English ones: English */
	t = repeat(en, "\xCE\xB7 \xCE\xBA\xCF\x85\xCE\xB2\xCE\xAD\xCF\x81\xCE\xBD\xCE\xB7\xCF\x83\xCE\xB7. ", 20, &n);
	cr_expect_str_eq(detect(t, n), "en");
	free(t);
	free(en);
}

/* Han text is told Chinese or Japanese by its share of kana, over the
 * whole opening: kana only at the end still make it Japanese. */
Test(detect, kana_at_the_end_count)
{
	size_t n;
	/* 900 Han characters, then 100 kana: a tenth */
	char *han = repeat("", "\xE6\x94\xBF\xE5\xBA\x9C\xE5\x91\xA8", 300, &n); /* 政府周 */
	char *t = repeat(han, "\xE3\x81\xAF", 100, &n); /* は */
	cr_expect_str_eq(detect(t, n), "ja");
	free(t);
	t = repeat(han, "\xE3\x81\xAF", 99, &n);
	cr_expect_str_eq(detect(t, n), "zh");
	free(t);
	free(han);
}

/* Words that are no stop word whole count by their part before an ASCII
 * apostrophe ("qu'il": "qu"), which is looked up only for words that
 * have one; a text of nothing else is French, not the default English. */
Test(detect, elided_words_count_by_their_first_part)
{
	size_t len;
	char *t = repeat("", "qu'elle jusqu'ici lorsqu'enfin puisqu'alors quoiqu'aussi ", 20, &len);
	cr_expect_str_eq(detect(t, len), "fr");
	/* the same words without apostrophes are no evidence */
	for (size_t i = 0; i < len; i++)
		if (t[i] == '\'')
			t[i] = 'x';
	cr_expect_str_eq(detect(t, len), "en");
	free(t);
}

/* Stop words count whatever their case, the short ones folded from the
 * eight bytes read at once, the last ones of the text (fewer than eight
 * bytes left to read) and the longer ones byte by byte: German in
 * capitals is German, and so is a text that ends in a short stop word. */
Test(detect, stop_words_in_capitals_and_at_the_very_end)
{
	size_t n;
	char *t = repeat("", "DER RAT SAGTE, DASS DIE NEUE BIBLIOTHEK IM SOMMER "
	                     "ER\xC3\x96" "FFNET WIRD UND DASS SIE MEHR HABEN WIRD ALS DIE ALTE. ",
	                 30, &n);
	cr_expect_str_eq(detect(t, n), "de");
	free(t);
	t = repeat("", "und die ", 60, &n);
	cr_expect_str_eq(detect(t, n - 1), "de"); /* ... "und die" */
	free(t);
}

/* Detection reads each language's code from pr_language_code2[] (a small
 * array, not a string behind each record): it must say what the records
 * say, two letters as one number, 0 for a longer code. */
Test(detect, code_numbers_agree_with_the_codes)
{
	for (size_t i = 0; i < pr_nlanguages; i++) {
		const char *c = pr_languages[i].code;
		unsigned want = strlen(c) == 2 ? (unsigned)(unsigned char)c[0] << 8 | (unsigned char)c[1] : 0;
		cr_expect_eq(pr_language_code2[i], want, "%s", c);
	}
}

/* Short ASCII words wait in a batch that is scored before an accented
 * word (its mark and its look-up), a long word, an elided one and each
 * decision: texts that mix them, cut at every length around the first
 * decision (256 words) and the next, come out in their language. */
Test(detect, mixed_words_around_the_decisions)
{
	static const struct {
		const char *sentence, *code;
	} cases[] = {
		{ "Le conseil a d\xC3\xA9" "cid\xC3\xA9 que la biblioth\xC3\xA8que sera ouverte "
		  "l'\xC3\xA9t\xC3\xA9 prochain pour les \xC3\xA9l\xC3\xA8ves et leurs familles. ", "fr" },
		{ "Der Rat hat beschlossen, dass die Stadtbibliothek im Sommer f\xC3\xBCr "
		  "alle Sch\xC3\xBCler und ihre Familien ge\xC3\xB6" "ffnet wird. ", "de" },
		{ "O conselho decidiu que a biblioteca ser\xC3\xA1 aberta no ver\xC3\xA3o "
		  "para os alunos e as suas fam\xC3\xADlias. ", "pt" },
	};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		size_t n;
		char *t = repeat("", cases[c].sentence, 40, &n);
		for (size_t cut = n / 3; cut <= n; cut += 97)
			cr_expect_str_eq(detect(t, cut), cases[c].code, "%s cut %zu", cases[c].code, cut);
		free(t);
	}
}

/* Words looked up at once (longer than eight bytes, or elided) wait in
 * the batch with their languages: a text of nothing else fills it many
 * times over and is still scored, each word in its turn. German, not
 * English, which detection answers when no language leads: a batch that
 * lost the words' points would say "en". */
Test(detect, long_words_alone_fill_the_batch)
{
	size_t n;
	char *t = repeat("", "demselben derselben dieselben ", 120, &n);
	cr_expect_str_eq(detect(t, n), "de");
	for (size_t cut = 200; cut < n; cut += 333)
		cr_expect_str_eq(detect(t, cut), "de", "cut %zu", cut);
	free(t);
}

/* Words are found from 64-byte windows of letter bits: a word that
 * straddles two windows is one word, not two. English words that begin
 * with German stop words ("understand": "und"), moved byte by byte across
 * the windows' edges, after ASCII or accented filler, never give German
 * points (nothing leads, so English); and German stop words so moved all
 * count, as do those that end the text within a window's reach of its
 * end (the scans' own tail). */
Test(detect, words_across_the_scan_windows)
{
	/* the middle dot, two bytes from 0x80 up, is no letter */
	static const char *const fill[] = { ".", " ", "\xC2\xB7 ", "- " };
	for (size_t f = 0; f < sizeof fill / sizeof fill[0]; f++) {
		for (size_t shift = 0; shift <= 70; shift++) {
			char *head = repeat("", fill[f], shift, &(size_t){ 0 });
			size_t n;
			char *t = repeat(head, "understand dieting dasher derived ", 12, &n);
			cr_expect_str_eq(detect(t, n), "en", "filler %zu, shift %zu", f, shift);
			free(t);
			t = repeat(head, "und die das der ", 80, &n);
			cr_expect_str_eq(detect(t, n), "de", "filler %zu, shift %zu", f, shift);
			for (size_t cut = 1; cut <= 70; cut += 3)
				cr_expect_str_eq(detect(t, strlen(head) + 16 * 4 + cut), "de",
				                 "filler %zu, shift %zu, cut %zu", f, shift, cut);
			free(t);
			free(head);
		}
	}
}
