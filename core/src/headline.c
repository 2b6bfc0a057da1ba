/* headline.c: a short headline, trimmed from the sentence that best
 * represents the text.
 *
 * The source is a title when the text has one (a Markdown heading first, or
 * a short first line with no full stop standing alone in its paragraph);
 * otherwise the lead sentence when it ranks close to the best one or stands
 * as a paragraph of its own (news puts the story first), else the
 * best-ranked sentence; a sentence of fewer than 8 words, or a lead whose
 * dummy subject puts the news off ("It was a surprising scene ...",
 * "There's room for ..."), is passed over when one of the next two (or
 * another well-ranked one) says more. It is
 * then trimmed the way an editor would (Hedge Trimmer, Dorr et al. 2003,
 * without a parser): the dateline goes ("PYONGYANG •", "LONDON (Reuters)
 * -", or an editor's note up to a wire credit "(AP) _"), then the
 * attribution ("..., Kremlin spokesman Dmitry Peskov said"), parentheticals
 * other than acronyms ("(IMF)" stays; full-width ones too). In English, an
 * aside between dashes ("parties _ previously bitter rivals _ to form"), a
 * leading connective, "also", "here" (the dateline's place), middle
 * initials and time expressions ("on Monday", "three days ago", "on Jan.
 * 12, 2027", not "until March 3") always go, and headlinese
 * drops "be" from the main verb ("is to marry" -> "to marry", "was
 * forced" -> "forced", "are preparing" -> "preparing", "is close to" ->
 * "close to", also after an appositive or an acronym that ends the
 * subject) and the perfect auxiliary where the participle is also the
 * past ("has backed" -> "backed", not "has taken");
 * then, in Hedge Trimmer's manner, only while the sentence is longer than
 * the limit: articles, possessives and the "that" of a reported statement
 * ("predict that", "speculation that"; never inside a quotation), a manner
 * adverb before its verb ("has sharply revised" -> "revised", not
 * "formally elected"), an adjective before its noun that the text uses in
 * this sentence alone ("declined an informal invitation" -> "declined
 * invitation"; a detail of the telling, which the references of headline
 * benchmarks name a quarter as often as the sentence's other words), a person's given name after the role that
 * introduces them ("Chelsea boss Jose Mourinho" -> "Chelsea boss
 * Mourinho", "Sen. John McCain" -> "Sen. McCain", "King Norodom Sihanouk"
 * -> "King Sihanouk", not "Hun Sen"),
 * "President" or "Premier" before a name the text keeps naming
 * ("President Milosevic" -> "Milosevic"), relative clauses, appositives, a
 * leading "X
 * said Thursday that", "said he" ("Blair said he looks forward" -> "Blair
 * looks forward"), and a leading phrase ("A week after ...,"), each only if
 * what is left still fills three quarters of the headline (a relative
 * clause or an appositive also goes when, with it, the verb after it would
 * not fit). In French, in the same manner: a leading connective ("Mais"),
 * a leading phrase ("Dans la nuit de samedi à dimanche,"), the day
 * ("samedi 6 octobre"), the passive's "a été" ("a été enfarinée" ->
 * "enfarinée"), a closing source (", a annoncé la préfecture") and
 * relative clauses; articles stay, as
 * French headlines keep them. In Chinese, a short opening phrase ("昨晚，"),
 * a date ("1月31日，"), a source ("据港媒报道，"), an opening attribution
 * ("...称，", "记者...获悉，", "警方调查发现，") and an opening clause that only
 * sets the time ("继...之后，", "在...时，", "除了...，") go; inside the
 * sentence, outside quotations, the day of the news ("阿里巴巴9月19日登陆
 * 纽交所" -> "阿里巴巴登陆纽交所"), the aspect words 了 and 已经, and 也
 * "also" go too. The sentence's words are only ever dropped, never moved.
 * An English headline of 40 bytes or more, from a text of a few sentences
 * or more, then opens with the story's topic as a label, the kicker of a
 * news page ("Hurricane Mitch: Rescue teams worked through night to ..."),
 * when the sentence does not name it: the best key phrase, or the
 * runner-up if that is a name or a phrase of several words, that reads as
 * a noun phrase (not "Gingrich announced", "political", "Kurdish", nor a
 * common word the text only ever puts before another: "foreign" of
 * "foreign investment", nor one word whose stem the sentence names:
 * not "Impeachment: ... moved to impeach") and of
 * which the sentence, as cut, has no word (nor its singular or plural:
 * not "Stocks: Stock prices ..."), or failing those, a single word among
 * the first five key phrases that six sentences or more name ("Abortion:"
 * over a lead about a doctor's killing); a name by its last word when the
 * text names that so ("Livingston:", not "Robert Livingston:"); when it says more of the story
 * than the words of the sentence it pushes past the cut (each word weighed
 * by the log of the number of sentences that name it); the sentence is
 * then cut for the room that is left. Human headlines name the story's topic as often
 * as they follow its lead. PRECIS_FLAG_HEADLINE_NO_LABEL turns the label
 * off.
 * When the caller asks for it
 * (PRECIS_FLAG_HEADLINE_TOPICS), in a text of a few sentences or more, the
 * sentence then gets three quarters of the room and the document's key
 * phrases it does not already name fill the rest, after a semicolon
 * (Topiary, Zajic et al. 2004): better recall on headline benchmarks, but a
 * list of phrases is not what an editor would print, so it is not the
 * default. An English headline quotes with single marks ("``chicken''"
 * -> "'chicken'"), as headlines do. A headline is cut between words (at a
 * clause boundary only in the last tenth of the limit), and dangling
 * function words ("of", "de", "la", also behind an opening quote), a
 * subject pronoun cut off from its verb ("and he") and punctuation are
 * dropped from the end. It never ends inside a
 * word (unless its first word alone is longer than the limit, when it is
 * cut at a character boundary), nor inside a quotation or parentheses: a
 * cut that keeps two of their words or more closes them ("faces 'imminent
 * danger'"), one that keeps fewer goes back to before they open. Words
 * that go leave behind the quotation marks whose other half stays, and a
 * time phrase leaves the comma that closed a clause ("Workers, who voted
 * on Friday, have backed" -> "Workers, who voted, have backed"); the words
 * of a quotation stay as they were.
 */
#include "doc.h"
#include "alloc.h"
#include "cjk.h"
#include "utf8.h"
#include "headline_gates.h" /* gate_NAME, first_NAME for each sorted word list */

#include <string.h>

/* The lead is preferred while its score is at least this share of the best. */
#define LEAD_SHARE 0.5

/* A headline is cut at a clause boundary only within the last 1/FIT_SLACK
 * of the limit: a longer cut throws away words a reader would have got. */
#define FIT_SLACK 10

#define SHORT_FILL_NUM 3
#define SHORT_FILL_DEN 4

/* A sentence of fewer words is not a headline's source unless nothing
 * else is. */
#define SOURCE_MIN_WORDS 8

/* Below 40 bytes a headline is the sentence alone; above, the sentence
 * gets at most (1 - 1/KEYPHRASE_SHARE) of the room and key phrases it does
 * not name fill the rest. */
#define KEYPHRASE_SHARE 4
#define FILL_MIN_SENTENCES 5

/* A topic label is one of the first KICKER_CANDIDATES key phrases, of at
 * most KICKER_MAX_BYTES. */
#define KICKER_CANDIDATES 2
#define KICKER_MAX_BYTES 20

/* Failing those, a word among the first KICKER_FALLBACK key phrases that
 * KICKER_MIN_COUNT sentences or more name: what a story keeps coming back
 * to is what it is about, even when the ranking put other words first (a
 * phrase of several words is no such measure: each of them may be frequent
 * without the phrase being so). */
#define KICKER_FALLBACK 5
#define KICKER_MIN_COUNT 6

/* (its words are looked up in the first KICKER_SCAN sentences, a news
 * story's length: a book's are not read through again for a label) */
#define KICKER_SCAN 200

/* A title goes before a name the text names in this many sentences or
 * more (drop_titles). */
#define TITLE_MIN_COUNT 2

typedef struct hbuf {
	char *s;
	size_t len;
} hbuf;

/* strchr(set, c) != NULL (so the terminating NUL is in every set),
 * without a call into the C library for each byte. */
static int in_set(const char *set, char c)
{
	for (; *set; set++)
		if (*set == c)
			return 1;
	return c == '\0';
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/* c in small letters (ASCII), without a branch: the scans fold every
 * byte they compare, and which are capitals is no pattern a branch
 * predictor learns. */
static unsigned char lower_ascii(char c)
{
	unsigned char u = (unsigned char)c;
	return (unsigned char)(u + ((unsigned char)(u - 'A') < 26 ? 'a' - 'A' : 0));
}

static void trim(hbuf *h)
{
	size_t a = 0;
	while (a < h->len && is_space(h->s[a]))
		a++;
	memmove(h->s, h->s + a, h->len - a);
	h->len -= a;
	while (h->len && is_space(h->s[h->len - 1]))
		h->len--;
}

/* Separators that end a dateline. */
static const char *const dateline_seps[] = {
	" \xE2\x80\xA2 ", /* • */
	" \xE2\x80\x94 ", /* — */
	" \xE2\x80\x93 ", /* – */
	" -- ", " - ", " _ ", NULL
};

/* "PYONGYANG •", "LONDON, June 1 (Reuters) -", "BEIJING (AP) _": words that
 * start with a capital, numbers, commas and parentheses; at least one
 * all-capitals word or a parenthesis. */
/* "Eds: UPDATES with ... BUCHAREST, Romania (AP) _ An Arctic cold wave ...":
 * a wire service's credit, "(AP) _", "(Reuters) -", "(Xinhua) --", marks
 * where the story starts, however much of an editor's note is before it. */
static void drop_wire_credit(hbuf *h)
{
	size_t limit = h->len < 300 ? h->len : 300;
	for (size_t i = 0; i + 4 < limit; i++) {
		/* (to the next parenthesis: most sentences have none) */
		const char *p = memchr(h->s + i, '(', limit - 4 - i);
		if (!p)
			return;
		i = (size_t)(p - h->s);
		size_t j = i + 1;
		while (j < limit && j < i + 12 && (is_upper(h->s[j]) || is_lower(h->s[j])))
			j++;
		if (j >= limit || h->s[j] != ')' || j - i < 3 || !is_upper(h->s[i + 1]))
			continue;
		size_t k = j + 1;
		/* "(Xinhua)-- ": the credit glued to its dash */
		if (k + 3 < h->len && memcmp(h->s + k, "-- ", 3) == 0) {
			memmove(h->s, h->s + k + 3, h->len - k - 3);
			h->len -= k + 3;
			return;
		}
		for (const char *const *sep = dateline_seps; *sep; sep++) {
			size_t n = strlen(*sep);
			if (k + n <= h->len && memcmp(h->s + k, *sep, n) == 0 && k + n < h->len) {
				memmove(h->s, h->s + k + n, h->len - k - n);
				h->len -= k + n;
				return;
			}
		}
	}
}

/* A leading "_" or "--" left by the wire's layout. */
static void drop_lead_dash(hbuf *h)
{
	size_t i = 0;
	while (i < h->len && (h->s[i] == '_' || h->s[i] == '-' || is_space(h->s[i])))
		i++;
	if (i == 0 || i >= h->len)
		return;
	memmove(h->s, h->s + i, h->len - i);
	h->len -= i;
}

static void drop_dateline(hbuf *h)
{
	/* the first separator, and at one place the first of the list (every
	 * separator opens with a space and has three bytes or more: its first
	 * two bytes rule out most places) */
	size_t limit = h->len < 80 ? h->len : 80, best = 0, seplen = 0;
	/* (most sentences have no separator's second byte, a dash, in
	 * their first bytes) */
	int dash = 0;
	for (const char *const *sep = dateline_seps; *sep && !dash; sep++) {
		/* each second byte asked once (three separators share 0xE2) */
		const char *const *prev = dateline_seps;
		while (prev < sep && (*prev)[1] != (*sep)[1])
			prev++;
		if (prev == sep)
			dash = memchr(h->s, (*sep)[1], limit) != NULL;
	}
	if (!dash)
		return;
	for (size_t i = 1; i + 2 < limit && !best; i++) {
		if (h->s[i] != ' ')
			continue;
		for (const char *const *sep = dateline_seps; *sep; sep++) {
			if (h->s[i + 1] != (*sep)[1])
				continue;
			size_t n = strlen(*sep);
			if (i + n <= limit && memcmp(h->s + i, *sep, n) == 0) {
				best = i;
				seplen = n;
				break;
			}
		}
	}
	if (!best)
		return;
	int caps = 0, paren = 0, depth = 0, words = 0, first_mixed = 0;
	for (size_t i = 0; i < best;) {
		char c = h->s[i];
		if (c == '(') {
			depth++;
			paren = 1;
			i++;
			continue;
		}
		if (c == ')') {
			depth--;
			i++;
			continue;
		}
		if (is_space(c) || c == ',' || c == '.') {
			i++;
			continue;
		}
		size_t j = i;
		int upper = 1, letters = 0;
		while (j < best && !is_space(h->s[j]) && h->s[j] != ',' && h->s[j] != '(' &&
		       h->s[j] != ')') {
			if (is_lower(h->s[j]))
				upper = 0;
			if (is_upper(h->s[j]) || is_lower(h->s[j]))
				letters++;
			j++;
		}
		words++;
		if (depth == 0 && is_lower(c))
			return; /* a lower-case word: this is prose, not a dateline */
		if (upper && letters >= 2)
			caps = 1;
		/* "The IAAF - athletics' governing body -" is an aside: a dateline
		 * opens with its place in capitals */
		if (words == 1 && !(upper && letters >= 2))
			first_mixed = 1;
		i = j;
	}
	if (words == 0 || words > 8 || !(caps || paren) || (first_mixed && !paren))
		return;
	memmove(h->s, h->s + best + seplen, h->len - best - seplen);
	h->len -= best + seplen;
}

static int word_at(const hbuf *h, size_t i, const char *w)
{
	/* (a word of a few bytes, most of them apart at the first: no
	 * calls into the C library) */
	size_t n = 0;
	for (; w[n]; n++)
		if (i + n >= h->len || h->s[i + n] != w[n])
			return 0;
	return (i == 0 || !is_lower(h->s[i - 1])) &&
	       (i + n == h->len || !is_lower(h->s[i + n]));
}

/* The first word of list, sorted as strcmp() sorts, that does not begin
 * below byte c: where the words beginning with c stand, if any. first is
 * the list's index (first_NAME, gen_gates.py): first[c & 31] is where its
 * first word whose first byte shares c's low five bits stands (every word
 * before it begins below c, or the list holds no word beginning with c),
 * so the walk starts there, and almost always stops there too. */
static const char *const *from_byte(const char *const *list, const uint16_t *first,
                                    unsigned char c)
{
	list += first[c & 31];
	while (*list && (unsigned char)(*list)[0] < c)
		list++;
	return list;
}

/* Does the text at byte i hold a word of list, which is sorted as strcmp()
 * sorts (test_headline.c checks each list given here)? Only the words
 * with its first byte are read. */
static int in_sorted_at_indexed(const hbuf *h, size_t i, const char *const *list,
                                const uint16_t *first)
{
	for (list = from_byte(list, first, (unsigned char)h->s[i]); *list && (*list)[0] == h->s[i];
	     list++)
		if (word_at(h, i, *list))
			return 1;
	return 0;
}

/* in_sorted_at() with the list's index */
#define in_sorted_at(h, i, list) in_sorted_at_indexed((h), (i), (list), first_##list)

static const char *const reporting[] = {
	"according to", "added", "announced", "quoted", "reported", "said",
	"says", "stated", "told", NULL
};

/* Verbs that attribute a statement as "said" does ("..., Tory MP Boris
 * Johnson has insisted", "..., the singer's agent confirmed"). */
static const char *const asserting[] = {
	"admits", "admitted", "announces", "argued", "argues", "claimed",
	"claims", "confirmed", "confirms", "insisted", "insists", "predicted",
	"predicts", "revealed", "reveals", "say", "suggest", "suggested",
	"suggests", "warn", "warned", "warns", NULL
};

/* "..., Kremlin spokesman Dmitry Peskov said" and "..., said analyst X". */
static void drop_attribution(hbuf *h)
{
	/* the last comma not inside a quotation, in the last two thirds
	 * (0: none there) */
	size_t comma = 0, lo = h->len / 3 > 0 ? h->len / 3 : 1;
	for (size_t i = h->len; i > lo && !comma;)
		if (h->s[--i] == ',')
			comma = i;
	if (!comma)
		return;
	size_t words = 0;
	int verb = 0;
	for (size_t i = comma + 1; i < h->len; i++) {
		if (is_space(h->s[i]) && i + 1 < h->len && !is_space(h->s[i + 1]))
			words++;
		/* inside a word, word_at() holds nowhere; every verb starts
		 * with a lower-case letter; and one verb is enough */
		if (verb || is_lower(h->s[i - 1]) || !is_lower(h->s[i]))
			continue;
		verb = in_sorted_at(h, i, reporting) || in_sorted_at(h, i, asserting);
	}
	if (verb && words <= 10)
		h->len = comma;
}

/* French: "..., a annoncé la préfecture", "..., rapporte RTL jeudi, qui cite
 * une source proche de l'enquête", "..., selon Le Parisien": one of the last
 * two comma-separated tails opens with a reporting verb; it goes with what
 * follows it. */
static void fr_drop_attribution(hbuf *h)
{
	static const char *const verbs[] = {
		"a déclaré", "a annoncé", "a indiqué", "a affirmé", "a expliqué",
		"a précisé", "a confirmé", "a rapporté", "a assuré", "a estimé",
		"a souligné", "a ajouté", "a dit", "a révélé", "a écrit", "a raconté",
		"a fait savoir", "ont annoncé", "ont indiqué", "ont rapporté",
		"ont déclaré", "ont précisé", "ont affirmé", "rapporte", "rapportent",
		"indique", "indiquent", "annonce", "affirme", "explique", "précise",
		"selon", "d'après", "estime", "souligne", "assure", "ajoute",
		"confirme", "déclare", "révèle", "révèlent", "écrit", "relate",
		"raconte", "apprend-on", "annoncent", "affirment", NULL
	};
	size_t commas[2] = { 0, 0 };
	for (size_t i = 0; i < h->len; i++)
		if (h->s[i] == ',' && i + 1 < h->len && h->s[i + 1] == ' ') {
			commas[1] = commas[0];
			commas[0] = i;
		}
	for (int k = 0; k < 2; k++) {
		size_t c = commas[k];
		if (!c || c < h->len / 3)
			return;
		size_t at = c + 2;
		for (const char *const *v = verbs; *v; v++) {
			size_t n = strlen(*v);
			if (at + n <= h->len && strncmp(h->s + at, *v, n) == 0 &&
			    (at + n == h->len || h->s[at + n] == ' ' || h->s[at + n] == ',' ||
			     h->s[at + n] == '.')) {
				/* "a annoncé qu'elle ...": the verb of the sentence */
				size_t q = at + n, seen = 0;
				for (; q + 4 <= h->len && seen < 6; q++) {
					if (h->s[q] != ' ')
						continue;
					seen++;
					if (strncmp(h->s + q + 1, "que ", 4) == 0 ||
					    strncmp(h->s + q + 1, "qu'", 3) == 0)
						return;
				}
				size_t words = 0;
				for (size_t i = at; i < h->len; i++)
					words += h->s[i] == ' ';
				if (words <= 16)
					h->len = c;
				return;
			}
		}
	}
}

/* "(IMF)", "(S&N)": an acronym the story goes on to use; a headline keeps
 * it. */
static int acronym_at(const hbuf *h, size_t i)
{
	size_t j = i + 1, caps = 0;
	while (j < h->len && j < i + 9 && (is_upper(h->s[j]) || h->s[j] == '&' ||
	                                   (h->s[j] >= '0' && h->s[j] <= '9'))) {
		caps += is_upper(h->s[j]);
		j++;
	}
	return caps >= 2 && j < h->len && h->s[j] == ')';
}

static void drop_parentheticals(hbuf *h)
{
	/* (without "(" or a full-width mark's first byte every byte stays
	 * where it is: most sentences) */
	if (!memchr(h->s, '(', h->len) && !memchr(h->s, '\xEF', h->len))
		return;
	size_t o = 0;
	int depth = 0;
	for (size_t i = 0; i < h->len; i++) {
		char c = h->s[i];
		if (c == '(' && depth == 0 && acronym_at(h, i)) {
			while (i < h->len && h->s[i] != ')')
				h->s[o++] = h->s[i++];
			h->s[o++] = ')';
			continue;
		}
		/* the full-width "（集团）", "（300027）" of Chinese and Japanese */
		int wide = i + 3 <= h->len && (unsigned char)c == 0xEF &&
		           (unsigned char)h->s[i + 1] == 0xBC;
		if (c == '(' || (wide && (unsigned char)h->s[i + 2] == 0x88)) {
			depth++;
			while (o > 0 && h->s[o - 1] == ' ')
				o--;
			i += wide ? 2 : 0;
			continue;
		}
		if ((c == ')' || (wide && (unsigned char)h->s[i + 2] == 0x89)) && depth > 0) {
			depth--;
			i += wide ? 2 : 0;
			continue;
		}
		if (depth == 0)
			h->s[o++] = c;
	}
	/* an unclosed "(" drops the rest: a headline can lose a tail */
	h->len = o;
}

/* Is p[0, n) (no NUL after it) a word of list, which is sorted as
 * strcmp() sorts (test_headline.c checks each list given here)? The
 * first word past it ends the search. */
static int in_sorted_n_indexed(const char *p, size_t n, const char *const *list,
                               const uint16_t *first)
{
	if (n == 0)
		return 0;
	for (list = from_byte(list, first, (unsigned char)p[0]); *list && (*list)[0] == p[0];
	     list++)
		if (strlen(*list) == n && memcmp(*list, p, n) == 0)
			return 1;
	return 0;
}

/* in_sorted_n() with the list's index */
#define in_sorted_n(p, n, list) in_sorted_n_indexed((p), (n), (list), first_##list)

static const char *const fr_trailing[] = {
	"a", "alors", "après", "au", "aux", "avant", "avec", "ce", "ces", "cet",
	"cette", "chez", "comme", "contre", "dans", "de", "depuis", "des",
	"dont", "du", "elle", "elles", "en", "entre", "est", "et", "il", "ils",
	"la", "le", "les", "leur", "leurs", "lors", "ma", "mais", "mes", "mon",
	"ne", "nos", "notre", "on", "ont", "ou", "où", "par", "plus", "pour",
	"que", "qui", "sa", "sans", "se", "selon", "ses", "son", "sont", "sous",
	"sur", "ta", "tes", "ton", "très", "un", "une", "vers", "vos", "votre",
	"y", "à", "été", NULL
};

static int is_trailing_junk(const hbuf *h, size_t end, size_t *start, int fr)
{
	static const char *const fn[] = {
		"a", "about", "after", "against", "amid", "an", "and", "are",
		"as", "at", "be", "because", "been", "before", "between", "but",
		"by", "can", "could", "during", "for", "from", "had", "has",
		"have", "he", "her", "his", "if", "in", "including", "into",
		"is", "its", "like", "may", "not", "of", "on", "or", "our",
		"over", "she", "should", "since", "such", "than", "that", "the",
		"their", "these", "they", "this", "those", "through", "to",
		"toward", "towards", "under", "until", "very", "was", "we",
		"were", "when", "where", "whether", "which", "while", "who",
		"whose", "will", "with", "without", "would", "your", NULL
	};
	size_t s = end;
	while (s > 0 && !is_space(h->s[s - 1]))
		s--;
	/* "martyr to 'the": an opening quote does not hold the word up */
	size_t w = s;
	while (w < end && in_set("\"'`", h->s[w]))
		w++;
	if (!(fr ? in_sorted_n(h->s + w, end - w, fr_trailing) : in_sorted_n(h->s + w, end - w, fn)))
		return 0;
	*start = s;
	return 1;
}

/* "... under way, with Rep": a title written short stands before a name,
 * and a cut that leaves it without one ends on nothing. Its full stop is
 * gone already (trim_end); *start is where it begins. */
static int ends_on_title(const hbuf *h, size_t *start)
{
	static const char *const titles[] = {
		"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col",
		"Sgt", "Prof", "Rev", NULL
	};
	size_t s = h->len;
	while (s > 0 && h->len - s <= 4 && !is_space(h->s[s - 1]))
		s--;
	/* (a capital and at most three letters more: most last words are
	 * ruled out here) */
	if (h->len - s > 4 || !is_upper(h->s[s]))
		return 0;
	for (const char *const *t = titles; *t; t++) {
		size_t n = strlen(*t);
		if (h->len - s == n && memcmp(h->s + s, *t, n) == 0) {
			*start = s;
			return 1;
		}
	}
	return 0;
}

/* Drop dangling punctuation and function words from the end. */
static void trim_end(hbuf *h, int fr)
{
	for (;;) {
		while (h->len && (is_space(h->s[h->len - 1]) ||
		                  in_set(",;:-.", h->s[h->len - 1]))) {
			/* (an initialism keeps its last stop: "U.S.") */
			if (h->len >= 4 && h->s[h->len - 1] == '.' && is_upper(h->s[h->len - 2]) &&
			    h->s[h->len - 3] == '.' && is_upper(h->s[h->len - 4]))
				break;
			h->len--;
		}
		/* dashes: — and – */
		if (h->len >= 3 && (unsigned char)h->s[h->len - 3] == 0xE2 &&
		    (unsigned char)h->s[h->len - 2] == 0x80 &&
		    ((unsigned char)h->s[h->len - 1] == 0x94 ||
		     (unsigned char)h->s[h->len - 1] == 0x93)) {
			h->len -= 3;
			continue;
		}
		size_t s;
		if (h->len && !fr && ends_on_title(h, &s) && s > 0) {
			h->len = s;
			continue;
		}
		if (h->len && is_trailing_junk(h, h->len, &s, fr) && s > 0) {
			h->len = s;
			continue;
		}
		break;
	}
}

static const char *const clause_words[] = {
	" who ", " which ", " that ", " when ", " while ", " after ", " before ",
	" because ", " as ", " during ", " since ", " although ", " where ",
	" but ", " and ", " amid ", " despite ", " following ", " to ", " in ",
	" on ", " at ", " with ", " for ", NULL
};

/* Cut at the last clause boundary within limit, if the rest is substantial;
 * else at the last word boundary. */
static void fit(hbuf *h, size_t limit, int fr)
{
	if (h->len <= limit)
		return;
	size_t best = 0;
	for (size_t i = limit - limit / FIT_SLACK; i <= limit && i < h->len; i++) {
		char c = h->s[i];
		if ((c == ',' || c == ';' || c == ':') && i + 1 < h->len && h->s[i + 1] == ' ')
			best = i;
		if (c != ' ')
			continue; /* every clause word opens with a space */
		for (const char *const *w = clause_words; *w; w++) {
			/* the first two bytes rule out almost every place (the
			 * words are longer than that) */
			if (c != (*w)[0] || i + 1 >= h->len || h->s[i + 1] != (*w)[1])
				continue;
			size_t n = strlen(*w);
			if (i + n <= h->len && memcmp(h->s + i, *w, n) == 0 && i <= limit)
				best = i;
		}
	}
	if (best) {
		h->len = best;
		trim_end(h, fr);
		if (h->len <= limit && h->len > 0)
			return;
	}
	size_t cut = limit;
	while (cut > 0 && !is_space(h->s[cut]))
		cut--;
	if (cut == 0) {
		/* one word longer than the limit: cut at a character boundary */
		cut = limit;
		while (cut > 0 && ((unsigned char)h->s[cut] & 0xC0) == 0x80)
			cut--;
	}
	h->len = cut;
	trim_end(h, fr);
}

/* A headline cut inside a quotation or an aside closes it, as long as it
 * keeps at least this many of its words: "nation faces 'imminent danger'"
 * (the words are the speaker's, in their order, and a quoted fragment is
 * what headlines print); with fewer, the cut goes before the quotation
 * opens ("accused Arafat of" rather than "accused Arafat of 'making'"),
 * unless the headline would then be empty. */
#define QUOTE_MIN_WORDS 2

static int is_alnum(char c)
{
	return is_upper(c) || is_lower(c) || (c >= '0' && c <= '9');
}

/* The mark that opens or closes a quotation or an aside at byte i of the
 * headline: '"', '(' or ')', or a single quote that opens a word ("'the")
 * or, while one is open, closes one ("danger'"; an apostrophe inside a
 * word, "Gingrich's", is neither). *opens tells which. 0 for any other
 * byte. */
static char headline_mark(const hbuf *h, size_t i, int single_open, int *opens)
{
	char c = h->s[i];
	char prev = i > 0 ? h->s[i - 1] : ' ';
	char next = i + 1 < h->len ? h->s[i + 1] : ' ';
	*opens = 0;
	switch (c) {
	case '(':
		*opens = 1;
		return c;
	case ')':
		return c;
	case '"':
		*opens = is_space(prev) || prev == '(' || i == 0;
		return c;
	case '\'':
		if ((is_space(prev) || prev == '(' || prev == '"') && is_alnum(next)) {
			*opens = 1;
			return c;
		}
		if (single_open && !is_alnum(next) && (is_alnum(prev) || in_set(".,!?", prev)))
			return c;
		return 0;
	default:
		return 0;
	}
}

/* Close the quotations and asides a cut left open (see QUOTE_MIN_WORDS),
 * within limit bytes. */
static void close_quotation(hbuf *h, size_t limit, int fr)
{
	/* "... should not be distracted from that,'": the quotation's own
	 * comma or full stop goes, and its mark stays (not an ellipsis's).
	 * Here, at the end, as this writes into the text: trim_end only
	 * shortens it, and a cut may be undone (pr_headline). */
	size_t n = h->len;
	if (n >= 3 && (h->s[n - 1] == '"' || h->s[n - 1] == '\'') &&
	    in_set(",;:.", h->s[n - 2]) && h->s[n - 3] != '.' && !is_space(h->s[n - 3])) {
		h->s[n - 2] = h->s[n - 1];
		h->len--;
	}
	for (int round = 0; round < 8 && h->len > 0; round++) {
		char stack[8];
		size_t at[8], depth = 0;
		for (size_t i = 0; i < h->len; i++) {
			char b = h->s[i];
			if (b != '"' && b != '\'' && b != '(' && b != ')')
				continue; /* (most bytes) */
			int opens, single = 0, dq_open = 0;
			for (size_t d = 0; d < depth; d++) {
				single |= stack[d] == '\'';
				dq_open |= stack[d] == '"';
			}
			char c = headline_mark(h, i, single, &opens);
			if (!c)
				continue;
			/* a '"' closes the one that is open, wherever it
			 * stands: quotations of one kind do not nest */
			if (c == '"' && dq_open)
				opens = 0;
			char want = c == ')' ? '(' : c;
			if (!opens) {
				/* (a mark that closes nothing is left alone) */
				while (depth > 0 && stack[depth - 1] != want &&
				       (want == '"' || want == '\''))
					depth--;
				if (depth > 0 && stack[depth - 1] == want)
					depth--;
			} else if (depth < 8) {
				stack[depth] = c;
				at[depth++] = i;
			}
		}
		if (depth == 0)
			return;
		size_t words = 0;
		for (size_t i = at[0]; i < h->len; i++)
			words += !is_space(h->s[i]) && (i == at[0] || is_space(h->s[i - 1]));
		if (words < QUOTE_MIN_WORDS && at[0] > 0) {
			h->len = at[0];
			trim_end(h, fr);
			continue; /* what is left may hold another */
		}
		if (h->len + depth <= limit) {
			for (size_t d = depth; d-- > 0;)
				h->s[h->len++] = stack[d] == '(' ? ')' : stack[d];
			return;
		}
		/* no room for the marks: the last word goes */
		size_t cut = h->len;
		while (cut > 0 && !is_space(h->s[cut - 1]))
			cut--;
		if (cut == 0)
			return;
		h->len = cut;
		trim_end(h, fr);
	}
}

/* ------------------------------------------------------------------------ */
/* Compression in the manner of Hedge Trimmer (Dorr et al. 2003), without a
 * parser: the sentence is cut into words, words are struck out by rules
 * that recognise what an editor drops from a headline, and what is left is
 * joined again, in its order. Nothing is ever reordered or added. */

typedef struct hword {
	size_t s, e;        /* [s, e) in the buffer, punctuation included */
	const char *core;   /* the word as the rules compare it (core_of) */
	uint8_t cn;         /* strlen(core), at most CORE_MAX */
	uint8_t del;        /* struck out */
	uint8_t nocomma;    /* drop a trailing comma: what it closed is gone */
	uint8_t quoted;     /* inside a quotation ("stick to his guns"):
	                     * the speaker's words, which stay as they were
	                     * (split_words) */
	uint8_t keep;       /* struck out, but its comma stays (keep_comma) */
	uint8_t comma;      /* a comma ends it, before any closing quote */
	uint8_t upper;      /* it opens with a capital, after any quote */
} hword;

/* The longest core kept: no word of the rules' lists is as long, and a
 * longer word is compared by its first CORE_MAX bytes. */
#define CORE_MAX 31

typedef struct hwords {
	hword *w;
	size_t n;
	size_t live;        /* the bytes of the words left, a space after
	                     * each (live_bytes(): the rules ask often) */
} hwords;

/* in_set("\"'(`", c), every word's first byte asked about */
static int opens_word(char c)
{
	switch (c) {
	case '"': case '\'': case '(': case '`': case '\0':
		return 1;
	default:
		return 0;
	}
}

/* in_set("\"')", c): what may close a word after its comma */
static int closes_quote(char c)
{
	switch (c) {
	case '"': case '\'': case ')': case '\0':
		return 1;
	default:
		return 0;
	}
}

/* in_set(",.;:!?\"')`", c) */
static int closes_word(char c)
{
	switch (c) {
	case ',': case '.': case ';': case ':': case '!': case '?':
	case '"': case '\'': case ')': case '`': case '\0':
		return 1;
	default:
		return 0;
	}
}

/* The word without surrounding quotes and trailing punctuation, lower-cased
 * (ASCII), in buf (at most cap - 1 bytes and a NUL); returns its length.
 * split_words makes it once for each word (hword.core): the rules ask about
 * most words many times over. */
static size_t core_of(const hbuf *h, const hword *w, char *buf, size_t cap)
{
	size_t s = w->s, e = w->e;
	while (s < e && opens_word(h->s[s]))
		s++;
	while (e > s && closes_word(h->s[e - 1]))
		e--;
	/* (the count first: a loop the compiler can run many bytes at once) */
	size_t n = e - s < cap - 1 ? e - s : cap - 1;
	for (size_t k = 0; k < n; k++)
		buf[k] = (char)lower_ascii(h->s[s + k]);
	buf[n] = '\0';
	return n;
}

/* Word i's core in *b; returns its length. */
static size_t core_at(const hwords *ws, size_t i, const char **b)
{
	*b = ws->w[i].core;
	return ws->w[i].cn;
}

/* The quotations open after the word w: a double quote opens or closes
 * one, and so do `` and ''. *dq and *bq say which are open before it
 * (the byte after a word is a space, so no pair of quotes reaches out of
 * it). */
static void quotes_after(const hbuf *h, const hword *w, int *dq, int *bq)
{
	for (size_t i = w->s; i < w->e; i++) {
		char c = h->s[i];
		if (c == '"')
			*dq = !*dq;
		else if (c == '`' && i + 1 < h->len && h->s[i + 1] == '`')
			*bq = 1;
		else if (c == '\'' && i + 1 < h->len && h->s[i + 1] == '\'')
			*bq = 0;
	}
}

/* strcmp(a, b) == 0, inline: the rules compare short words, most of them
 * differing at the first byte, and a call into the C library for each
 * costs more than the comparison. */
static int same(const char *a, const char *b)
{
	/* (the first byte apart, where b is a literal: one comparison with
	 * a constant) */
	if (*a != *b)
		return 0;
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* The first bytes decide almost every comparison: test them here rather
 * than compare each word of the list. */
static int in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if ((*list)[0] == w[0] && same(w, *list))
			return 1;
	return 0;
}

/* Is w, whose first byte is not NUL, a word of list, sorted as strcmp()
 * sorts? Only the words with its first byte are read. */
static int walk_sorted(const char *w, const char *const *list, const uint16_t *first)
{
	for (list = from_byte(list, first, (unsigned char)w[0]); *list && (*list)[0] == w[0];
	     list++)
		if (same(w, *list))
			return 1;
	return 0;
}

/* in_list() for a list sorted as strcmp() sorts, which the lists of the
 * rules that ask about every word of the sentence are (test_headline.c
 * checks each list given here). Almost every word asked about is in no
 * list: gate (gen_gates.py writes one for each list) holds the pairs of
 * first and second bytes of the list's words, and a word whose pair it
 * lacks is turned away with one test. Past it, the words with w's first
 * byte stand together (from_byte() finds them with the list's index,
 * first), and the first word past them ends the search. (w is never empty
 * where the rules ask, and no list holds ""; the test of w[0] keeps w[1]
 * inside the string all the same.) */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline)) /* (the test of the gate, which turns away
                                  almost every word, in the caller: no call) */
#endif
static inline int in_sorted_gated(const char *w, const char *const *list, const uint32_t *gate,
                                  const uint16_t *first)
{
	unsigned char c = (unsigned char)w[0];
	if (!c || !((gate[c & 31] >> ((unsigned char)w[1] & 31)) & 1))
		return 0;
	return walk_sorted(w, list, first);
}

/* Is w in the list? in_sorted_gated() with the list's gate and index. */
#define in_sorted(w, list) in_sorted_gated((w), (list), gate_##list, first_##list)

/* (split_words: hword.comma, hword.upper) */
static int ends_with_comma(const hbuf *h, const hword *w)
{
	size_t e = w->e;
	while (e > w->s && closes_quote(h->s[e - 1]))
		e--;
	return e > w->s && h->s[e - 1] == ',';
}

static int starts_upper(const hbuf *h, const hword *w)
{
	size_t s = w->s;
	while (s < w->e && opens_word(h->s[s]))
		s++;
	return s < w->e && is_upper(h->s[s]);
}

static const char *const lead_connectives[] = {
	"also", "and", "but", "however", "indeed", "instead", "meanwhile",
	"moreover", "nevertheless", "nonetheless", "now", "or", "so", "still",
	"then", "thus", "yet", NULL
};

/* Words that open a phrase a headline can do without when a comma closes it
 * early in the sentence: prepositions, subordinators, time adverbs. */
static const char *const lead_openers[] = {
	"according", "across", "after", "although", "amid", "amidst", "among",
	"as", "at", "because", "before", "beyond", "by", "despite", "during",
	"earlier", "even", "following", "for", "from", "if", "in", "just",
	"last", "later", "like", "on", "once", "over", "since", "this",
	"though", "throughout", "to", "today", "under", "unless", "unlike",
	"until", "upon", "when", "whether", "while", "with", "within",
	"without", "yesterday", NULL
};

static const char *const relatives[] = {
	"where", "which", "who", "whom", "whose", NULL
};

static const char *const pronouns[] = {
	"he", "her", "his", "i", "it", "its", "our", "she", "that", "their",
	"there", "these", "they", "this", "those", "we", "you", NULL
};

static const char *const weekdays[] = {
	"friday", "monday", "saturday", "sunday", "thursday", "tuesday",
	"wednesday", NULL
};

static const char *const time_nouns[] = {
	"afternoon", "evening", "friday", "monday", "month", "morning", "night",
	"saturday", "sunday", "thursday", "tuesday", "wednesday", "week",
	"weekend", "year", NULL
};

static int is_time_word(const char *w)
{
	return in_sorted(w, weekdays) || same(w, "yesterday") ||
	       same(w, "today") || same(w, "tonight") ||
	       same(w, "ago");
}

static size_t next_live(const hwords *ws, size_t i)
{
	while (i < ws->n && ws->w[i].del)
		i++;
	return i;
}

/* Words [a, b) that remain. */
static size_t live_count(const hwords *ws, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t i = a; i < b && i < ws->n; i++)
		n += !ws->w[i].del;
	return n;
}

/* Strike out word i (the one way a rule does so, which keeps ws->live). */
static void strike_word(hwords *ws, size_t i)
{
	if (!ws->w[i].del) {
		ws->w[i].del = 1;
		ws->live -= ws->w[i].e - ws->w[i].s + 1;
	}
}

/* Strike out the words [a, b), a clause or a phrase, with their
 * punctuation: the rule that drops it decides about the commas around it
 * (hword.nocomma), and a comma a time phrase inside it kept (keep_comma)
 * goes with it. */
static void strike(hwords *ws, size_t a, size_t b)
{
	for (size_t k = a; k < b && k < ws->n; k++) {
		strike_word(ws, k);
		ws->w[k].keep = 0;
	}
}

/* "But", "Meanwhile," at the very start. */
/* The dash a wire story sets off an aside with: " _ " (AP's typewriter
 * dash), " -- " or " \u2014 ". Its length at h->s[i] (the spaces included), or 0. */
static size_t dash_at(const hbuf *h, size_t i)
{
	static const char *const dashes[] = { " _ ", " -- ", " \xe2\x80\x94 ", NULL };
	/* (most bytes are no space, or a space before a word) */
	if (h->s[i] != ' ' || i + 2 >= h->len || is_lower(h->s[i + 1]) || is_upper(h->s[i + 1]))
		return 0;
	for (const char *const *d = dashes; *d; d++) {
		size_t n = strlen(*d);
		if (i + n <= h->len && memcmp(h->s + i, *d, n) == 0)
			return n;
	}
	return 0;
}

/* "praised agreements by Cambodia's top two political parties _ previously
 * bitter rivals _ to form a coalition": an aside between two dashes of the
 * same kind goes as a parenthesis does, when it is short (at most
 * DASH_ASIDE_WORDS words) and the sentence goes on after it. In a sentence
 * that opens with a phrase ("If the party has its way _ and it has been
 * planning for months _ millions will ..."), the second dash closed that
 * phrase, and a comma takes its place. */
#define DASH_ASIDE_WORDS 10

static void drop_dash_asides(hbuf *h)
{
	/* (most sentences have no dash at all) */
	if (!memchr(h->s, '_', h->len) && !memchr(h->s, '-', h->len) &&
	    !memchr(h->s, '\xe2', h->len))
		return;
	for (size_t i = 0; i < h->len; i++) {
		size_t n = dash_at(h, i);
		if (!n)
			continue;
		size_t words = 1, j = i + n, m = 0;
		for (; j < h->len && words <= DASH_ASIDE_WORDS; j++) {
			if ((m = dash_at(h, j)) != 0)
				break;
			if (h->s[j] == ' ')
				words++;
		}
		if (!m || words > DASH_ASIDE_WORDS || m != n ||
		    memcmp(h->s + i, h->s + j, n) != 0) {
			i = j > i ? j - 1 : i;
			continue;
		}
		/* what follows must be more of the sentence, not its end */
		size_t rest = j + m;
		char c = rest < h->len ? h->s[rest] : '\0';
		if (!is_upper(c) && !is_lower(c) && !(c >= '0' && c <= '9'))
			continue;
		/* one space where the aside was, after a comma if the sentence
		 * opened with a phrase */
		size_t k = 0;
		char first[16];
		while (k < h->len && k + 1 < sizeof first && (is_upper(h->s[k]) || is_lower(h->s[k]))) {
			first[k] = (char)lower_ascii(h->s[k]);
			k++;
		}
		first[k] = '\0';
		size_t gap = in_sorted(first, lead_openers) && i > 0 && h->s[i - 1] != ',' ? 2 : 1;
		memmove(h->s + i + gap, h->s + rest, h->len - rest);
		if (gap == 2)
			h->s[i] = ',';
		h->s[i + gap - 1] = ' ';
		h->len -= rest - i - gap;
	}
}

/* Headline style writes the two names a wire story spells out in full
 * by their initials: "United States" -> "U.S.", "United Nations" ->
 * "U.N.". */
static const struct initialism {
	const char *full, *initials;
} initialisms[] = { { "United States", "U.S." }, { "United Nations", "U.N." }, { NULL, NULL } };

/* The initials headline style writes for p[0, n), or NULL. */
static const char *initials_of(const char *p, size_t n)
{
	for (const struct initialism *x = initialisms; x->full; x++)
		if (strlen(x->full) == n && memcmp(p, x->full, n) == 0)
			return x->initials;
	return NULL;
}

/* The full names become their initials (a possessive "United States'" is
 * left as it is; before a full stop the initials' own stop ends the
 * sentence). */
static void abbreviate_names(hbuf *h)
{
	for (const struct initialism *x = initialisms; x->full; x++) {
		size_t n = strlen(x->full), in = strlen(x->initials);
		for (size_t i = 0; i + n <= h->len; i++) {
			/* (to the next place the name's first byte is) */
			const char *f = memchr(h->s + i, x->full[0], h->len - n + 1 - i);
			if (!f)
				break;
			i = (size_t)(f - h->s);
			if (memcmp(h->s + i, x->full, n) != 0 ||
			    (i > 0 && (is_upper(h->s[i - 1]) || is_lower(h->s[i - 1]))))
				continue;
			char c = i + n < h->len ? h->s[i + n] : '\0';
			if (is_upper(c) || is_lower(c) || c == '\'')
				continue;
			size_t m = c == '.' ? in - 1 : in;
			memcpy(h->s + i, x->initials, m);
			memmove(h->s + i + m, h->s + i + n, h->len - i - n);
			h->len -= n - m;
		}
	}
}

static void drop_lead_connective(const hbuf *h, hwords *ws)
{
	const char *b;
	size_t i = next_live(ws, 0);
	if (i + 4 >= ws->n)
		return;
	core_at(ws, i, &b);
	if (in_sorted(b, lead_connectives))
		strike_word(ws, i);
}

/* The comma that closes a leading phrase: within the first 20 words after
 * the first live one (*first), with a clause of four words or more after
 * it, and not a comma inside a quotation the phrase quotes ("Saying 'if
 * we have to clean, we will clean,' Samaranch responded"). ws->n when
 * there is none. */
static size_t lead_phrase_comma(const hbuf *h, const hwords *ws, size_t *first)
{
	*first = next_live(ws, 0);
	/* (a phrase that is itself inside a quotation ends at its comma) */
	int inside = *first < ws->n && (ws->w[*first].quoted || opens_word(h->s[ws->w[*first].s]));
	for (size_t i = *first; i < ws->n && i < *first + 20; i++)
		if (ws->w[i].comma &&
		    !(ws->w[i].quoted && i + 1 < ws->n && ws->w[i + 1].quoted && !inside))
			return live_count(ws, i + 1, ws->n) < 4 ? ws->n : i;
	return ws->n;
}

/* "A week after the White House disavowed his war, James Carville put forth
 * ..." and "Stunned by the resurgence, Republicans ...": a leading phrase
 * closed by a comma, opened by a preposition, a subordinator, a time word or
 * a participle, goes when a clause of four words or more follows. */
static void drop_lead_phrase(const hbuf *h, hwords *ws)
{
	const char *b;
	for (int round = 0; round < 2; round++) {
		size_t first, comma = lead_phrase_comma(h, ws, &first);
		if (comma >= ws->n)
			return;
		size_t n = core_at(ws, first, &b);
		int opener = in_sorted(b, lead_openers) ||
		             (n > 4 && (same(b + n - 3, "ing") || same(b + n - 2, "ed")));
		/* "A week after ...", "Two days before ...", "Hours after ...":
		 * a measure of time that opens the phrase (not "Troops withdrew
		 * before dawn,") */
		for (size_t i = first + 1; !opener && i < comma && i <= first + 3; i++) {
			static const char *const relative_time[] = {
				"after", "before", "since", "ago", "later", "earlier", NULL
			};
			static const char *const units[] = {
				"minutes", "hour", "hours", "day", "days", "week", "weeks",
				"month", "months", "year", "years", "decade", "decades", NULL
			};
			const char *u;
			core_at(ws, i - 1, &u);
			core_at(ws, i, &b);
			opener = in_list(b, relative_time) && in_list(u, units);
		}
		/* "On Monday," and "Earlier this month,": a short phrase with a
		 * time word; in a longer one ("Honduras braced Tuesday as ...,")
		 * the time word is not what opens it */
		int timed = 0;
		for (size_t i = first; i <= comma && live_count(ws, first, comma + 1) <= 4; i++) {
			core_at(ws, i, &b);
			timed |= is_time_word(b);
		}
		if (!opener && !timed)
			return;
		/* "Budget negotiations faltered Friday, prompting Congress to
		 * delay ...": a clause with its verb, not a time phrase */
		if (!opener) {
			for (size_t i = first + 1; i <= comma; i++) {
				size_t k = core_at(ws, i, &b);
				if (!ws->w[i].del && k > 4 && same(b + k - 2, "ed"))
					return;
			}
		}
		/* "In Paris, Rome and Berlin, ..." is a list, not a phrase, and
		 * "In California, where ..." goes on about California */
		size_t nx = next_live(ws, comma + 1);
		if (nx < ws->n) {
			core_at(ws, nx, &b);
			if (same(b, "and") || same(b, "or") || in_sorted(b, relatives))
				return;
			/* "When Nobel wrote ..., he chose": the subject would lose
			 * what it refers to */
			if (in_sorted(b, pronouns))
				return;
			/* "Among the particles, will be 600 satellites": the subject
			 * comes after the verb, and the phrase is needed */
			static const char *const verbs[] = {
				"will", "would", "is", "are", "was", "were", "can", "could",
				"may", "might", "must", "should", "came", "comes", "stood",
				"stands", "lies", "lay", "has", "have", "had", NULL
			};
			if (in_list(b, verbs))
				return;
		}
		strike(ws, first, comma + 1);
	}
}


/* A relative clause after a comma, opened by a word of rel, goes up to the
 * comma that closes it or to the end; a clause the closing comma joins on
 * with a word of cont (", which saves lives, but also ...,") goes with it.
 * Kept when fewer than two words would stand before it. */
static void drop_clauses(hwords *ws, const char *const *rel,
                         const char *const *cont)
{
	const char *b;
	for (size_t i = 0; i + 1 < ws->n; i++) {
		if (ws->w[i].del || !ws->w[i].comma)
			continue;
		core_at(ws, i + 1, &b);
		if (!in_list(b, rel))
			continue;
		size_t j = i + 1;
		for (;;) {
			while (j < ws->n && !ws->w[j].comma)
				j++;
			if (j + 1 >= ws->n)
				break;
			core_at(ws, j + 1, &b);
			if (!in_list(b, cont))
				break;
			j++;
		}
		if (live_count(ws, 0, i + 1) < 2)
			continue;
		size_t end = j < ws->n ? j + 1 : ws->n;
		strike(ws, i + 1, end);
		ws->w[i].nocomma = 1;
		i = end - 1;
	}
}

/* ", who orchestrated the Republican revolution," and ", which ...". */
static void drop_relative_clauses(const hbuf *h, hwords *ws)
{
	static const char *const cont[] = { "but", "and", "or", NULL };
	drop_clauses(ws, relatives, cont);
}

static int participle(const char *w);

/* "James Carville, President Clinton's former campaign strategist, put
 * forth ...": after a capitalised word, a short phrase between commas that
 * is followed by a lower-case word (the verb) is an appositive. */
static void drop_appositives(const hbuf *h, hwords *ws)
{
	const char *b;
	for (size_t i = 0; i + 2 < ws->n; i++) {
		if (ws->w[i].del || !ws->w[i].comma || !ws->w[i].upper)
			continue;
		size_t j = i + 1;
		while (j < ws->n && j < i + 16 && !ws->w[j].comma)
			j++;
		if (j >= ws->n || j >= i + 16 || j + 1 >= ws->n)
			continue;
		size_t nx = j + 1;
		if (ws->w[nx].upper)
			continue;
		core_at(ws, nx, &b);
		/* "Matthew Shepard, the student who was beaten at night, tied
		 * to a fence and left to die, was mourned": participles that
		 * go on describing the name, up to the comma before the verb's
		 * auxiliary, are part of the appositive */
		if (participle(b)) {
			size_t k = nx;
			while (k < ws->n && k < nx + 12 && !ws->w[k].comma)
				k++;
			if (k + 1 < ws->n && k < nx + 12 && ws->w[k + 1].e - ws->w[k + 1].s == ws->w[k + 1].cn) {
				static const char *const aux[] = {
					"is", "are", "was", "were", "has", "have", "had", "will",
					"would", NULL
				};
				core_at(ws, k + 1, &b);
				if (in_list(b, aux)) {
					j = k;
					nx = k + 1;
				}
			}
			core_at(ws, nx, &b);
		}
		/* (a phrase that opens a clause of its own is no verb; but "as"
		 * completes the verb before the name: "named Maria Lopez, a
		 * former economist, as its chief executive") */
		if ((in_sorted(b, lead_openers) && !same(b, "as")) || same(b, "and") || same(b, "or") ||
		    in_sorted(b, relatives))
			continue;
		/* a list ("Paris, Lyon, Nice and ...") has no verb after it */
		int has_and = 0;
		for (size_t k = i + 1; k <= j; k++) {
			core_at(ws, k, &b);
			if (same(b, "and") && k == j - 1)
				has_and = 1;
		}
		if (has_and)
			continue;
		strike(ws, i + 1, j + 1);
		ws->w[i].nocomma = 1;
		/* "Andreas Werner, 46, of Leipzig, failed": the phrase after it
		 * belongs to the name, and the comma that closed both goes
		 * ("Andreas Werner of Leipzig failed") */
		core_at(ws, nx, &b);
		for (size_t k = nx; same(b, "of") && k < ws->n && k < nx + 5; k++)
			if (ws->w[k].comma) {
				if (k + 1 < ws->n && !ws->w[k + 1].upper)
					ws->w[k].nocomma = 1;
				break;
			}
		i = j;
	}
}

static const char *const month_names[] = {
	"apr", "april", "aug", "august", "dec", "december", "feb", "february",
	"jan", "january", "jul", "july", "jun", "june", "mar", "march", "may",
	"nov", "november", "oct", "october", "sep", "sept", "september", NULL
};

static const char *const time_units[] = {
	"day", "days", "decade", "decades", "hour", "hours", "month", "months",
	"week", "weeks", "year", "years", NULL
};

/* "a", "three", "several": how many units ago */
static const char *const unit_counts[] = {
	"a", "an", "eight", "few", "five", "four", "nine", "one", "seven",
	"several", "six", "ten", "three", "two", NULL
};

static int all_digits(const char *w)
{
	if (!*w)
		return 0;
	for (; *w; w++)
		if (*w < '0' || *w > '9')
			return 0;
	return 1;
}

/* The time phrase [a, e] has gone, and with it the comma at its end. When
 * that comma closed a clause or an aside that stays ("Workers at the
 * plant, who voted on Friday, have backed"), it stays, after the word
 * before the phrase (join_words keeps it when a comma before opened what
 * it closes): without it the clause would run on into the verb. When the
 * word before has a comma of its own, that one is enough; when no comma
 * opened anything, the comma only set the phrase off from what follows,
 * and goes with it. */
static void keep_comma(hwords *ws, size_t a, size_t e)
{
	size_t q = a;
	while (q > 0 && ws->w[q - 1].del)
		q--;
	if (q > 0 && !ws->w[q - 1].comma)
		ws->w[e].keep = 1;
}

/* "a week ago", "three months ago" and the day of the month, "on Oct. 17"
 * or "Jan. 1, 1999", go with the other time expressions; not a date after
 * another preposition ("by Jan. 1", "since Oct. 1": a deadline or a start
 * is news), nor one that ends a phrase with a colon or opens the
 * headline. */
static void drop_dates(const hbuf *h, hwords *ws)
{
	const char *b, *c, *e;
	for (size_t i = 1; i < ws->n; i++) {
		if (ws->w[i].del || ws->w[i].quoted)
			continue;
		core_at(ws, i, &b);
		size_t a = i, z = i;
		if (same(b, "ago") && i >= 2) {
			core_at(ws, i - 1, &c);
			core_at(ws, i - 2, &e);
			if (!in_sorted(c, time_units) || !(in_sorted(e, unit_counts) || all_digits(e)))
				continue;
			a = i - 2;
			/* "just four years ago", "about a week ago" */
			static const char *const hedges[] = {
				"about", "almost", "just", "nearly", "only",
				"some", NULL
			};
			if (a > 0 && !ws->w[a - 1].del) {
				core_at(ws, a - 1, &e);
				if (in_sorted(e, hedges))
					a--;
			}
		} else {
			/* "Jan.": the core has no full stop (core_of) */
			if (i + 1 >= ws->n || !ws->w[i].upper || !in_sorted(b, month_names))
				continue;
			size_t dn = core_at(ws, i + 1, &c);
			if (!all_digits(c) || dn > 2 || h->s[ws->w[i + 1].e - 1] == ':')
				continue;
			z = i + 1;
			/* ", 1999" */
			if (z + 1 < ws->n && ws->w[z].comma) {
				size_t yn = core_at(ws, z + 1, &e);
				if (all_digits(e) && yn == 4 && h->s[ws->w[z + 1].e - 1] != ':')
					z++;
			}
			core_at(ws, i - 1, &e);
			if (same(e, "on") && !ws->w[i - 1].comma)
				a = i - 1;
			static const char *const preps[] = {
				"after", "and", "before", "between", "by",
				"for", "from", "in", "of", "since", "through",
				"till", "to", "until", NULL
			};
			if (in_sorted(e, preps))
				continue;
		}
		if (live_count(ws, 0, a) == 0)
			continue; /* a headline does not start from nothing */
		for (size_t k = a; k <= z; k++)
			strike_word(ws, k);
		if (ws->w[z].comma)
			keep_comma(ws, a, z);
		i = z;
	}
}

/* "yesterday", "on Monday", "last week", "earlier this month". */
static void drop_time_expressions(const hbuf *h, hwords *ws)
{
	const char *b, *p, *pp;
	for (size_t i = 0; i < ws->n; i++) {
		if (ws->w[i].del || ws->w[i].quoted)
			continue;
		core_at(ws, i, &b);
		int t = 0;
		if (same(b, "yesterday") || same(b, "today") ||
		    same(b, "tonight") || in_sorted(b, weekdays))
			t = 1;
		else if (i > 0) {
			/* (the word before first: it rules out most words) */
			core_at(ws, i - 1, &p);
			if ((same(p, "last") || same(p, "this") || same(p, "next")) &&
			    in_sorted(b, time_nouns))
				t = 2;
		}
		if (!t)
			continue;
		/* "Friday evening": the part of the day goes with it */
		size_t last = i;
		if (t == 1 && i + 1 < ws->n) {
			core_at(ws, i + 1, &p);
			if (!ws->w[i].comma &&
			    (same(p, "morning") || same(p, "afternoon") ||
			     same(p, "evening") || same(p, "night")))
				last = i + 1;
		}
		size_t a0 = i;
		i = last;
		/* "- which start today -": an aside closed by a dash keeps its words */
		if (i + 1 < ws->n && (h->s[ws->w[i + 1].s] == '-' ||
		                      (unsigned char)h->s[ws->w[i + 1].s] == 0xE2))
			continue;
		/* keep the comma or full stop the phrase carried */
		int comma = ws->w[i].comma;
		size_t a = a0;
		if (t == 2)
			a = a0 - 1;
		if (a > 0) {
			core_at(ws, a - 1, &p);
			if (same(p, "on") || same(p, "earlier") || same(p, "late") ||
			    (t == 1 && (same(p, "last") || same(p, "next") ||
			                same(p, "this"))) ||
			    same(p, "early") || same(p, "later"))
				a--;
			if (a > 0 && !same(p, "late")) {
				core_at(ws, a - 1, &pp);
				if (same(pp, "late") || same(pp, "early"))
					a--;
			}
		}
		if (a == 0 || live_count(ws, 0, a) == 0)
			continue; /* a headline does not start from nothing */
		for (size_t k = a; k <= i; k++)
			strike_word(ws, k);
		if (comma)
			keep_comma(ws, a, i);
	}
}

/* Verbs of saying, thinking and finding out, whose "that" opens the clause
 * they report ("analysts predict that prices ..."): the word is one of
 * these with "", "s", "ed" or "ing" after it ("predict", "predicts",
 * "predicted", "predicting"), or, for the verbs that end in a silent e, one
 * of the stems below with "e", "es", "ed" or "ing" ("argue", "argued"). */
static const char *const that_verbs[] = {
	"say", "add", "insist", "claim", "warn", "confirm", "reveal", "think",
	"suggest", "feel", "fear", "expect", "predict", "accept", "know",
	"learn", "affirm", "agree", "assert", "maintain", "understand",
	"discover", "complain", "explain", "suspect", "contend", "reckon",
	"admit", NULL
};
static const char *const that_verbs_e[] = {
	"announc", "believ", "hop", "argu", "conclud", "acknowledg", "decid",
	"indicat", "realis", "realiz", "recognis", "recogniz", "conced",
	"demonstrat", "alleg", "assum", "ensur", "emphasis", "emphasiz",
	"declar", "calculat", "disclos", "assur", "suppos", "imagin", "quot",
	NULL
};

/* Verbs that are nouns too ("a report that found", "a new rule that
 * bans"): only their -ed and -ing forms. */
static const char *const that_verbs_past[] = {
	"report", "show", "signal", "hint", "forecast", "vow", "stress",
	"doubt", "remind", "warn", NULL
};
static const char *const that_verbs_past_e[] = {
	"not", "stat", "prov", "rul", "estimat", "pledg", "guarante", "promis",
	"notic", "observ", NULL
};

/* Forms that the endings above do not make. */
static const char *const that_verbs_irregular[] = {
	"said", "says", "told", "tells", "thought", "found", "felt", "knew",
	"known", "learnt", "shown", "understood", "proven", "admitted",
	"admitting", "deny", "denies", "denied", "denying", "testify",
	"testifies", "testified", "testifying", "worry", "worries", "worried",
	"imply", "implies", "implied", "according", NULL
};

/* Nouns whose "that" opens what they hold ("evidence that", "fears that",
 * "speculation that") rather than a relative clause. */
static const char *const that_nouns[] = {
	"evidence", "fears", "hopes", "speculation", "claims", "allegation",
	"allegations", "warning", "warnings", "sign", "signs", "suggestion",
	"suggestions", "belief", "concern", "concerns", "rumour", "rumours",
	"rumor", "rumors", "suspicion", "suspicions", "assurance",
	"assurances", "confirmation", "indication", "indications", "proof",
	"expectation", "expectations", "doubts", "insistence", "admission",
	"announcement", "conviction", "realisation", "realization", NULL
};

static int stem_with(const char *w, const char *const *stems, const char *const *endings)
{
	size_t n = strlen(w);
	for (const char *const *e = endings; *e; e++) {
		size_t k = strlen(*e);
		if (n <= k || n - k >= 32 || !same(w + n - k, *e))
			continue;
		char stem[32];
		memcpy(stem, w, n - k);
		stem[n - k] = '\0';
		if (in_list(stem, stems))
			return 1;
	}
	return 0;
}

static int takes_that_clause(const char *w)
{
	static const char *const plain[] = { "", "s", "ed", "ing", NULL };
	static const char *const silent_e[] = { "e", "es", "ed", "ing", NULL };
	static const char *const past[] = { "ed", "ing", NULL };
	return in_list(w, that_verbs_irregular) || in_list(w, that_nouns) ||
	       stem_with(w, that_verbs, plain) || stem_with(w, that_verbs_e, silent_e) ||
	       stem_with(w, that_verbs_past, past) || stem_with(w, that_verbs_past_e, past);
}

static const char *const articles[] = { "a", "an", "the", NULL };

/* Headlinese: no articles (outside quotations), no "that" after a reporting
 * or thinking verb. */
static void drop_articles(const hbuf *h, hwords *ws)
{
	const char *b, *p;
	for (size_t i = 0; i < ws->n; i++) {
		if (ws->w[i].del)
			continue;
		size_t n = core_at(ws, i, &b);
		/* "A" followed by a full stop or capital initial is a letter */
		if (in_sorted(b, articles) && ws->w[i].e - ws->w[i].s == n && i + 1 < ws->n &&
		    !ws->w[i].quoted) {
			strike_word(ws, i);
			continue;
		}
		/* the word before it, past a time expression already gone
		 * ("said Monday that") */
		size_t v = i;
		while (v > 0 && ws->w[v - 1].del)
			v--;
		if (same(b, "that") && v > 0 && ws->w[i].e - ws->w[i].s == n &&
		    !ws->w[v - 1].comma && !ws->w[v - 1].upper &&
		    !ws->w[i].quoted) {
			core_at(ws, v - 1, &p);
			if (takes_that_clause(p))
				strike_word(ws, i);
		}
	}
}


/* Past participles that are also the simple past: "has backed" reads as
 * "backed", but "has taken" is not "taken". */
static int past_too(const char *w)
{
	static const char *const irregular[] = {
		"said", "made", "told", "won", "lost", "left", "put", "set", "cut",
		"hit", "held", "kept", "met", "paid", "sold", "sent", "spent", "built",
		"brought", "bought", "caught", "fought", "taught", "thought", "sought",
		"found", "led", "struck", "shot", "hurt", "quit", "heard", "felt",
		"meant", "stood", "understood", "sat", "fled", "fed", "lent", "bent",
		"dealt", "slept", "won", "spun", "hung", "dug", "shut", "let", NULL
	};
	size_t n = strlen(w);
	if (n > 3 && same(w + n - 2, "ed") && !same(w, "need") && !same(w, "speed") &&
	    !same(w, "feed") && !same(w, "seed") && !same(w, "breed") && !same(w, "bleed"))
		return 1;
	return in_list(w, irregular);
}

static int participle(const char *w)
{
	static const char *const irregular[] = {
		"become", "come", "gone", "done", "begun", "run", "seen", "known",
		"shown", "grown", "drawn", "thrown", "flown", "blown", "sworn", "torn",
		"worn", "born", "borne", "taken", "given", "driven", "written",
		"hidden", "forgotten", "broken", "chosen", "spoken", "stolen",
		"frozen", "woken", "eaten", "fallen", "beaten", "shaken", "ridden",
		"risen", "bitten", "forbidden", "forgiven", "proven", "sunk", "sung",
		"drunk", "swum", "rung", "stung", "struck", "stuck", "won", "withdrawn",
		"overtaken", "undertaken", "mistaken", "overseen", "outgrown", NULL
	};
	size_t n = strlen(w);
	if (past_too(w) ||
	    (n > 3 && (same(w + n - 2, "en") || same(w + n - 2, "wn"))))
		return 1;
	return in_list(w, irregular);
}

/* Participles that read as the bare verb without their auxiliary: "has
 * become" is not "become". ("has hit" -> "hit" reads as the past, or as
 * the present that headlines tell the news in.) */
static const char *const present_too[] = {
	"become", "come", "run", NULL
};

static const char *const ing_nouns[] = {
	"thing", "something", "nothing", "anything", "everything", "morning",
	"evening", "meeting", "building", "spring", "string", "king", "ring",
	"wing", "bring", "sing", "sting", "swing", "ceiling", "during",
	"funding", "feeling", "wedding", "timing", "hearing", "ruling",
	"training", "offering", "setting", "warning", "being", NULL
};

static int ing_verb(const char *w)
{
	size_t n = strlen(w);
	return n > 5 && same(w + n - 3, "ing") && !in_list(w, ing_nouns);
}

/* The word at i or, past a manner adverb that has gone ("has sharply
 * revised"), the one after it; only such an adverb: a word that went for
 * another reason ("had a planned meeting") is still in the way. */
static size_t past_adverb(const hwords *ws, size_t i)
{
	const char *b;
	while (i < ws->n && ws->w[i].del) {
		size_t n = core_at(ws, i, &b);
		if (n < 5 || !same(b + n - 2, "ly"))
			break;
		i++;
	}
	return i;
}

/* Headlinese tense: "has backed" -> "backed", "has been recalled" ->
 * "recalled". */
static void drop_auxiliaries(const hbuf *h, hwords *ws)
{
	const char *b, *c, *e;
	for (size_t i = 0; i + 1 < ws->n; i++) {
		if (ws->w[i].del)
			continue;
		size_t n = core_at(ws, i, &b);
		if (ws->w[i].e - ws->w[i].s != n)
			continue;
		if (!same(b, "has") && !same(b, "have") && !same(b, "had"))
			continue;
		/* "could have won" is not "could won" */
		if (i > 0) {
			static const char *const modals[] = {
				"can", "could", "may", "might", "must", "never",
				"not", "shall", "should", "to", "will", "would",
				NULL
			};
			core_at(ws, i - 1, &c);
			if (in_sorted(c, modals))
				continue;
		}
		size_t v = past_adverb(ws, i + 1);
		if (v >= ws->n)
			continue;
		core_at(ws, v, &c);
		size_t p = past_adverb(ws, v + 1);
		if (same(c, "been") && p < ws->n) {
			/* past an adverb that stays: "have been officially
			 * recognised" -> "officially recognised" */
			size_t n2 = core_at(ws, p, &e);
			if (n2 > 4 && same(e + n2 - 2, "ly") && p + 1 < ws->n &&
			    !ws->w[p + 1].del)
				core_at(ws, p + 1, &e);
			/* and the perfect progressive: "have been gearing up" ->
			 * "gearing up" (not after a pronoun: "it planning") */
			int pronoun = 0;
			if (ing_verb(e) && i > 0) {
				size_t q = i;
				while (q > 0 && ws->w[q - 1].del)
					q--;
				if (q > 0) {
					const char *f;
					core_at(ws, q - 1, &f);
					pronoun = in_sorted(f, pronouns);
				}
			}
			if (participle(e) || (ing_verb(e) && !pronoun)) {
				strike_word(ws, i);
				strike_word(ws, v);
			}
		} else if (!same(c, "been") && !in_list(c, present_too) &&
		           past_too(c)) {
			strike_word(ws, i);
		}
	}
}


/* Is word i a bare "is", "are", "was" or "were"? */
static int be_form(const hwords *ws, size_t i)
{
	const char *b;
	if (i >= ws->n)
		return 0;
	size_t n = core_at(ws, i, &b);
	return ws->w[i].e - ws->w[i].s == n &&
	       (same(b, "is") || same(b, "are") || same(b, "was") || same(b, "were"));
}

/* Adjectives that stand after "be" with what follows them ("is close to
 * agreeing", "are confident of", "is likely to"): headlinese leaves out
 * the "be" ("Ronaldo close to agreeing"). */
static const char *const predicative[] = {
	"able", "adamant", "afraid", "ahead", "angry", "anxious", "available",
	"aware", "behind", "bullish", "cautious", "certain", "close",
	"concerned", "confident", "delighted", "desperate", "determined",
	"disappointed", "doubtful", "down", "due", "eager", "eligible", "fit",
	"free", "furious", "guilty", "happy", "hopeful", "innocent", "intent",
	"keen", "liable", "likely", "open", "optimistic", "pessimistic",
	"pleased", "poised", "proud", "ready", "reluctant", "responsible",
	"right", "safe", "satisfied", "set", "sorry", "sure", "unable",
	"unavailable", "unaware", "unhappy", "unlikely", "unsure", "unwilling",
	"up", "upbeat", "vulnerable", "wary", "willing", "worried", "wrong",
	NULL
};

/* Headlinese: "X is to visit" -> "X to visit", "X was forced to" -> "X
 * forced to", "X are offering" -> "X offering": the first verb's "be" goes
 * when it follows the subject (not a pronoun or a relative word, where the
 * participle would read as an active past: "who was forced" is not "who
 * forced"). */
static void drop_be(const hbuf *h, hwords *ws)
{
	const char *b, *c, *p;
	for (size_t i = 0; i + 2 < ws->n; i++) {
		size_t n = core_at(ws, i, &b);
		/* a "that" already gone still opens the clause it reported:
		 * "claimed (that) the currency is gaining" keeps its "is" (but
		 * not when the reporting verb went with it: "Officials said
		 * that" before a statement that now stands alone) */
		if (ws->w[i].del) {
			if (same(b, "that") && live_count(ws, 0, i) > 0)
				return;
			continue;
		}
		int bare = ws->w[i].e - ws->w[i].s == n;
		int present = bare && (same(b, "is") || same(b, "are"));
		int past = bare && (same(b, "was") || same(b, "were"));
		if (!present && !past) {
			/* a subordinate clause: its verb is not the headline's */
			static const char *const subordinators[] = {
				"after", "although", "as", "because", "before",
				"if", "once", "since", "than", "that", "though",
				"unless", "until", "what", "when", "whether",
				"while", NULL
			};
			if (in_sorted(b, subordinators) || in_sorted(b, relatives))
				return;
			if (ws->w[i].comma && !ws->w[i].nocomma) {
				/* an appositive between the subject and its verb:
				 * "Howard's wife, Sandra, is to play" */
				size_t j = next_live(ws, i + 1), k = 0;
				while (j < ws->n && k < 6 && !(ws->w[j].comma && !ws->w[j].nocomma)) {
					j = next_live(ws, j + 1);
					k++;
				}
				if (j >= ws->n || k == 6 || !be_form(ws, next_live(ws, j + 1)))
					return;
				i = j;
			}
			continue;
		}
		size_t q = i;
		while (q > 0 && ws->w[q - 1].del)
			q--;
		if (q == 0)
			return;
		size_t pn = core_at(ws, q - 1, &p);
		/* the subject may close on an acronym, "General Motors (GM)", or
		 * on an appositive, "wife, Sandra," */
		const hword *sw = &ws->w[q - 1];
		size_t tail = sw->e - sw->s - pn;
		int closed = ((tail == 1 && h->s[sw->e - 1] == ',') || sw->nocomma ||
		                       (tail == 2 && h->s[sw->s] == '(' && h->s[sw->e - 1] == ')'));
		/* or on an initialism's stop, "U.S." */
		closed |= tail == 1 && h->s[sw->e - 1] == '.' && pn >= 3 && p[pn - 2] == '.';
		if ((tail && !closed) || in_sorted(p, pronouns) ||
		    in_sorted(p, relatives) || in_sorted(p, lead_openers) || same(p, "what") ||
		    same(p, "and") || same(p, "or") || same(p, "there"))
			return;
		/* (the next word even if it has gone, unless a manner adverb:
		 * "is the preferred candidate" is not "preferred candidate") */
		size_t nx = past_adverb(ws, i + 1);
		if (nx >= ws->n)
			return;
		core_at(ws, nx, &c);
		int drop = 0;
		if (present && same(c, "to"))
			drop = 1;
		else if (participle(c) &&
		         !same(c, "been") && !same(c, "born"))
			drop = 1;
		else if (present && ing_verb(c))
			drop = 1;
		else if (present && in_sorted(c, predicative))
			drop = 1;
		if (drop)
			strike_word(ws, i);
		return;
	}
}

/* "George W. Bush" -> "George Bush". */
static void drop_middle_initials(const hbuf *h, hwords *ws)
{
	for (size_t i = 1; i + 1 < ws->n; i++) {
		const hword *w = &ws->w[i];
		if (w->del || w->e - w->s != 2 || !is_upper(h->s[w->s]) || h->s[w->s + 1] != '.')
			continue;
		if (ws->w[i - 1].del || ws->w[i + 1].del || !ws->w[i - 1].upper ||
		    !ws->w[i + 1].upper || ws->w[i - 1].comma)
			continue;
		const char *b;
		size_t n = core_at(ws, i - 1, &b);
		if (n < 2 || ws->w[i - 1].e - ws->w[i - 1].s != n)
			continue;
		strike_word(ws, i);
	}
}

/* "also": it points back at a sentence the headline does not have. */
static void drop_also(const hbuf *h, hwords *ws)
{
	const char *b;
	for (size_t i = 1; i + 1 < ws->n; i++) {
		if (ws->w[i].del || ws->w[i].quoted)
			continue;
		size_t n = core_at(ws, i, &b);
		if (ws->w[i].e - ws->w[i].s != n)
			continue;
		if (same(b, "also"))
			strike_word(ws, i);
	}
}

/* "here": the place of the dateline, which a headline does not have ("met
 * here with", "died here"); not "here is", "from here", nor in a
 * quotation. */
static void drop_here(const hbuf *h, hwords *ws)
{
	static const char *const keep_before[] = {
		"from", "near", "to", "of", "than", "around", "outside", NULL
	};
	const char *b;
	for (size_t i = 1; i < ws->n; i++) {
		if (ws->w[i].del || ws->w[i].quoted)
			continue;
		size_t n = core_at(ws, i, &b);
		/* (bare, or closing the sentence: "died here.") */
		size_t len = ws->w[i].e - ws->w[i].s;
		if (!same(b, "here") || !(len == n || (i + 1 == ws->n && len == n + 1)))
			continue;
		size_t p = i;
		while (p > 0 && ws->w[p - 1].del)
			p--;
		if (p == 0)
			continue;
		core_at(ws, p - 1, &b);
		if (in_list(b, keep_before) || ws->w[p - 1].comma)
			continue;
		if (i + 1 < ws->n) {
			core_at(ws, i + 1, &b);
			if (be_form(ws, i + 1) || same(b, "and"))
				continue;
		}
		strike_word(ws, i);
	}
}

/* Family names that come first in Chinese, Korean, Vietnamese and Khmer
 * names ("Premier Zhu Rongji", "Cambodian leader Hun Sen"): the second word
 * is the given name, which is not what a headline keeps. */
static const char *const family_first[] = {
	"cai", "cao", "chan", "chen", "cheng", "cheung", "choi", "chung", "cui",
	"deng", "ding", "dong", "du", "feng", "gao", "goh", "guo", "han", "he",
	"ho", "hoang", "hu", "huang", "hun", "jiang", "kim", "kwok", "lai",
	"lam", "lee", "leung", "li", "liang", "lim", "lin", "liu", "lu", "luo",
	"ma", "moon", "ngo", "nguyen", "ong", "pan", "park", "peng", "pham",
	"qian", "ren", "roh", "shen", "song", "sun", "tan", "tang", "teo",
	"tian", "tran", "tsang", "tung", "wang", "wei", "wen", "wong", "wu",
	"xiao", "xie", "xu", "yang", "yao", "ye", "yeo", "yoon", "yu", "yuan",
	"zeng", "zhang", "zhao", "zheng", "zhong", "zhou", "zhu", NULL
};

/* "Middlesbrough boss Steve McClaren" -> "Middlesbrough boss McClaren",
 * "Sen. Alfonse D'Amato" -> "Sen. D'Amato": after the role or the title
 * that introduces a person, the surname alone. */
static void drop_first_names(const hbuf *h, hwords *ws)
{
	static const char *const roles[] = {
		"actor", "actress", "ambassador", "analyst", "author", "boss",
		"candidate", "captain", "chairman", "chairwoman", "chancellor",
		"chief", "coach", "comedian", "commander", "commissioner",
		"counsel", "defender", "designer", "director", "economist",
		"envoy", "executive", "founder", "goalkeeper", "governor",
		"guitarist", "host", "hurdler", "judge", "king", "leader",
		"manager", "mayor", "midfielder", "minister", "musician",
		"novelist", "officer", "player", "premier", "presenter",
		"president", "prince", "princess", "producer", "prosecutor",
		"queen", "rapper", "runner", "secretary", "senator", "singer",
		"speaker", "spokesman", "spokeswoman", "sprinter", "star",
		"striker", "winger", "writer", NULL
	};
	/* titles written short, with their full stop ("Sen. John McCain" ->
	 * "Sen. McCain", as "Senator" does); the core has no full stop, so
	 * the word is one byte longer than it */
	static const char *const abbreviated[] = {
		"dr", "gen", "gov", "rep", "sen", NULL
	};
	const char *b, *c;
	for (size_t i = 0; i + 2 < ws->n; i++) {
		if (ws->w[i].del)
			continue;
		size_t n = core_at(ws, i, &b);
		/* a name, with its capital, follows the role: that rules out
		 * most words before the long list is read (a role at the end,
		 * with no name after it, stops the rule all the same: no word
		 * after it has a name behind it either) */
		size_t f = next_live(ws, i + 1);
		size_t len = ws->w[i].e - ws->w[i].s;
		if (f >= ws->n || !ws->w[f].upper)
			continue;
		if (!(len == n && in_sorted(b, roles)) &&
		    !(len == n + 1 && h->s[ws->w[i].e - 1] == '.' && in_sorted(b, abbreviated)))
			continue;
		if (f + 1 >= ws->n)
			return;
		size_t l = next_live(ws, f + 1);
		if (l >= ws->n)
			return;
		n = core_at(ws, f, &c);
		if (ws->w[f].e - ws->w[f].s != n || n < 3 || !is_upper(h->s[ws->w[l].s]))
			continue;
		int alpha = 1;
		for (size_t k = 1; k < n; k++)
			alpha &= is_lower(c[k]);
		if (!alpha || in_sorted(c, family_first))
			continue;
		/* only a name of two words: "Kim Jong Un" and "Hu Jintao" put the
		 * family name first */
		size_t after = next_live(ws, l + 1);
		if (after < ws->n && ws->w[after].upper && !ws->w[l].comma)
			continue;
		strike_word(ws, f);
	}
}

/* Headlinese keeps the verb and lets its manner go: "sharply revised" ->
 * "revised", "has been officially recognised" -> "recognised", "will
 * temporarily freeze" -> "will freeze". Only an -ly adverb right before a
 * verb form (a participle or -ing, or any word after an auxiliary), and
 * not one that limits, hedges or negates what follows ("only", "nearly",
 * "allegedly", "largely"). */
static void drop_manner_adverbs(const hbuf *h, hwords *ws)
{
	static const char *const keep[] = {
		"only", "nearly", "barely", "hardly", "scarcely", "likely",
		"unlikely", "probably", "possibly", "allegedly", "reportedly",
		"apparently", "supposedly", "seemingly", "partly", "largely",
		"mainly", "mostly", "roughly", "relatively", "previously",
		"formerly", "early", "daily", "weekly", "monthly", "quarterly",
		"yearly", "fully", "wholly", "entirely", "completely", "totally",
		"directly", "indirectly", "jointly", "solely", "exclusively",
		"illegally", "legally", "unlawfully", "lawfully", "wrongly",
		"falsely", "mistakenly", "fairly", "unfairly", "badly", "poorly",
		"newly", "recently", "lately", "initially", "originally",
		"eventually", "ultimately", "merely", "simply", "effectively",
		"virtually", "practically", "essentially", "basically", "really",
		"truly", "actually", "necessarily", "particularly", "especially",
		"specifically", "certainly", "surely", "clearly", "obviously",
		"unanimously", "narrowly", "overwhelmingly", "secretly", "privately",
		"personally", "physically", "sexually", "racially", "fatally",
		"critically", "seriously", "severely", "slightly", "heavily",
		"lightly", "closely", "highly", "deeply", "widely", "strongly",
		"permanently", "temporarily", "briefly", "formally", "officially",
		"twice", "holy", "family",
		"italy", "july", "rally", "ally", "supply", "apply", "reply", "fly",
		"assembly", "costly", "deadly", "friendly", "elderly", "lonely",
		"lovely", "silly", "ugly", "jolly", "belly", "bully", "monopoly",
		"anomaly", "homily", NULL
	};
	static const char *const aux[] = {
		"has", "have", "had", "is", "are", "was", "were", "be", "been",
		"being", "will", "would", "could", "should", "can", "may", "might",
		"must", "to", NULL
	};
	const char *b, *c, *p;
	for (size_t i = 1; i + 1 < ws->n; i++) {
		if (ws->w[i].del)
			continue;
		size_t n = core_at(ws, i, &b);
		if (ws->w[i].e - ws->w[i].s != n || n < 5 || !same(b + n - 2, "ly") ||
		    !is_lower(h->s[ws->w[i].s]) || in_list(b, keep) || ws->w[i].quoted)
			continue;
		size_t nx = next_live(ws, i + 1);
		if (nx >= ws->n)
			continue;
		core_at(ws, nx, &c);
		if (!is_lower(h->s[ws->w[nx].s]))
			continue;
		size_t pv = i;
		while (pv > 0 && ws->w[pv - 1].del)
			pv--;
		int after_aux = 0;
		if (pv > 0) {
			core_at(ws, pv - 1, &p);
			after_aux = in_list(p, aux) && !ws->w[pv - 1].comma;
		}
		if (after_aux || participle(c) || ing_verb(c))
			strike_word(ws, i);
	}
}

/* What split_words asks of a byte: a space ends a word, and a quote mark
 * makes it read the word again for the quotations it opens or closes. */
#define SPLIT_SPACE 1
#define SPLIT_QUOTE 2
static const unsigned char split_class[256] = {
	[' '] = SPLIT_SPACE, ['\t'] = SPLIT_SPACE, ['\n'] = SPLIT_SPACE,
	['"'] = SPLIT_QUOTE, ['`'] = SPLIT_QUOTE, ['\''] = SPLIT_QUOTE,
};

static int split_words(pr_arena *a, const hbuf *h, hwords *ws)
{
	/* (a word and the space after it take two bytes or more: room enough
	 * without a pass to count them) */
	ws->w = pr_alloc(a, (h->len / 2 + 2) * sizeof *ws->w);
	/* every core and its NUL: no longer than its word and the space after */
	char *cores = pr_alloc(a, h->len + 1);
	if (!ws->w || !cores)
		return PRECIS_ENOMEM;
	ws->n = ws->live = 0;
	int dq = 0, bq = 0;
	for (size_t i = 0; i < h->len;) {
		while (i < h->len && is_space(h->s[i]))
			i++;
		if (i >= h->len)
			break;
		size_t s = i;
		unsigned char marks = 0;
		for (; i < h->len; i++) {
			unsigned char c = split_class[(unsigned char)h->s[i]];
			if (c & SPLIT_SPACE)
				break;
			marks |= c;
		}
		/* inside a quotation: the words the speaker's (hword.quoted) */
		hword w = { s, i, cores, 0, 0, 0, (uint8_t)(dq || bq), 0, 0, 0 };
		w.cn = (uint8_t)core_of(h, &w, cores, CORE_MAX + 1);
		/* (the rules ask these of most words, some many times over) */
		w.comma = (uint8_t)ends_with_comma(h, &w);
		w.upper = (uint8_t)starts_upper(h, &w);
		cores += w.cn + 1;
		if (marks)
			quotes_after(h, &w, &dq, &bq);
		ws->w[ws->n++] = w;
		ws->live += i - s + 1;
	}
	return PRECIS_OK;
}

/* The marks that open and close quotations and asides: 1 for '"', 2 for
 * the wire's "``" and "''", 3 for '(' and ')'; 0 for any other byte. *n is
 * the mark's length. */
static int mark_at(const hbuf *h, size_t i, size_t e, size_t *n)
{
	char c = h->s[i];
	*n = 1;
	if (c == '"')
		return 1;
	if (c == '(' || c == ')')
		return 3;
	if ((c == '`' || c == '\'') && i + 1 < e && h->s[i + 1] == c) {
		*n = 2;
		return 2;
	}
	return 0;
}

/* What a run of struck-out words [a, b) leaves behind: the mark of a
 * quotation or an aside they open or close whose other mark is in a word
 * that stays ("After the storm, \"the farm ..." -> "\"The farm ..."), and
 * the comma of a time phrase that closed a clause ("Workers, who voted on
 * Friday, have": keep_comma), when keep says a comma before opened it.
 * What closes goes after the word before the run (into tail), what opens
 * before the word after it (into head); both in their order in the text,
 * at most 16 bytes each. */
typedef struct leftover {
	char tail[16], head[16];
	size_t nt, nh;
} leftover;

static void put(char *buf, size_t *n, size_t cap, const char *p, size_t k)
{
	if (*n + k <= cap) {
		memcpy(buf + *n, p, k);
		*n += k;
	}
}

static void run_leftover(const hbuf *h, const hwords *ws, size_t a, size_t b, int keep,
                         leftover *l)
{
	size_t open[8], kind[8], len[8], depth = 0;
	l->nt = l->nh = 0;
	for (size_t k = a; k < b; k++) {
		const hword *w = &ws->w[k];
		/* the word's punctuation at its end */
		size_t t = w->e;
		while (t > w->s && closes_word(h->s[t - 1]))
			t--;
		size_t n;
		for (size_t j = w->s; j < w->e; j += n) {
			char c = h->s[j];
			int m = mark_at(h, j, w->e, &n);
			/* '"' opens at the start of the word, or after another
			 * mark that opens ("(\"The"); it closes anywhere else */
			int opens = c == '(' || c == '`' ||
			            (c == '"' && (j == w->s || in_set("(`", h->s[j - 1])));
			if (m && opens) {
				if (depth < 8) {
					open[depth] = j;
					kind[depth] = (size_t)m;
					len[depth++] = n;
				}
			} else if (m) {
				if (depth > 0 && kind[depth - 1] == (size_t)m) {
					depth--; /* the quotation goes whole */
				} else {
					/* "?" and "!" stay inside the quotation they end */
					if (j > w->s && (h->s[j - 1] == '?' || h->s[j - 1] == '!'))
						put(l->tail, &l->nt, sizeof l->tail, h->s + j - 1, 1);
					put(l->tail, &l->nt, sizeof l->tail, h->s + j, n);
				}
			} else if ((c == ',' || c == ';') && j >= t && w->keep && keep &&
			           !(l->nt && l->tail[l->nt - 1] == c)) {
				/* (the words after it in the run, "on Monday, has
				 * backed", are in the clause it opens) */
				put(l->tail, &l->nt, sizeof l->tail, &c, 1);
			}
		}
	}
	for (size_t d = 0; d < depth; d++)
		put(l->head, &l->nh, sizeof l->head, h->s + open[d], len[d]);
}

/* Join what is left into h (in place: words only move left; what a run of
 * struck-out words leaves behind is no longer than the run). */
static void join_words(hbuf *h, const hwords *ws)
{
	size_t o = 0, commas = 0;
	int first = 1;
	leftover l = { { 0 }, { 0 }, 0, 0 };
	for (size_t i = 0; i < ws->n; i++) {
		const hword *w = &ws->w[i];
		if (w->del) {
			size_t b = i;
			while (b < ws->n && ws->w[b].del)
				b++;
			/* a comma kept for a clause or an aside closes it: one
			 * that opened it (an odd count so far) is still there */
			run_leftover(h, ws, i, b, commas % 2, &l);
			/* nothing to close before the first word, nothing to open
			 * after the last */
			if (o) {
				memcpy(h->s + o, l.tail, l.nt);
				o += l.nt;
				commas += memchr(l.tail, ',', l.nt) != NULL;
			}
			if (b == ws->n)
				l.nh = 0;
			i = b - 1;
			continue;
		}
		if (o)
			h->s[o++] = ' ';
		/* a clause or an appositive that has gone took its comma with
		 * it, unless that comma also closed an aside before it, still
		 * open ("Neal Horsley, a programmer in Carrollton, Ga., does" ->
		 * "Neal Horsley, a programmer in Carrollton, does") */
		int nocomma = w->nocomma && commas % 2 == 0;
		commas += w->comma && !nocomma;
		if (l.nh) {
			memcpy(h->s + o, l.head, l.nh);
			o += l.nh;
			l.nh = 0;
		}
		size_t e = w->e;
		if (nocomma) {
			size_t q = e;
			while (q > w->s && closes_quote(h->s[q - 1]))
				q--;
			if (q > w->s && h->s[q - 1] == ',') {
				memmove(h->s + o, h->s + w->s, q - 1 - w->s);
				size_t k = o + (q - 1 - w->s);
				memmove(h->s + k, h->s + q, e - q);
				o = k + (e - q);
				first = 0;
				continue;
			}
		}
		memmove(h->s + o, h->s + w->s, e - w->s);
		if (first && is_lower(h->s[o]))
			h->s[o] = (char)(h->s[o] - 'a' + 'A');
		first = 0;
		o += e - w->s;
	}
	h->len = o;
}

/* "French authorities said Thursday that the Paris exchange would join
 * ...": the statement is the news; its source goes when the statement is
 * a clause of its own (not "he would ...", which needs the name), after
 * "that" or after a colon ("The Times said in an editorial: ..."). */
static void drop_lead_attribution(const hbuf *h, hwords *ws)
{
	static const char *const statement_verbs[] = {
		"announced", "confirmed", "predicted", "reported", "said",
		"says", "stated", "warned", NULL
	};
	const char *b;
	size_t first = next_live(ws, 0), v = ws->n;
	for (size_t i = first; i < ws->n && i < first + 8; i++) {
		if (ws->w[i].del)
			continue;
		core_at(ws, i, &b);
		if (in_sorted(b, statement_verbs)) {
			v = i;
			break;
		}
		if (ws->w[i].comma || in_set("\"'`", h->s[ws->w[i].s]))
			return;
	}
	if (v == ws->n || v == first || ws->w[v].comma)
		return;
	/* "The New York Times said in an editorial for Sunday, Dec. 20: ...":
	 * the statement after a colon stands alone */
	for (size_t t = v; t < ws->n && t < v + 8; t++) {
		if (ws->w[t].quoted || in_set("\"'`", h->s[ws->w[t].s]))
			break;
		if (h->s[ws->w[t].e - 1] != ':')
			continue;
		size_t nx = next_live(ws, t + 1);
		if (nx < ws->n && live_count(ws, nx, ws->n) >= 5)
			strike(ws, first, t + 1);
		return;
	}
	/* only "said (Thursday) that ..." */
	size_t t = v + 1;
	for (; t < ws->n; t++) {
		core_at(ws, t, &b);
		if (same(b, "that") || !ws->w[t].del)
			break;
	}
	if (t >= ws->n || !same(b, "that") || ws->w[t].e - ws->w[t].s != 4)
		return;
	v = t;
	size_t nx = next_live(ws, v + 1);
	if (nx >= ws->n || live_count(ws, nx, ws->n) < 5)
		return;
	core_at(ws, nx, &b);
	if (in_sorted(b, pronouns) || in_sorted(b, lead_openers) || in_set("\"'`", h->s[ws->w[nx].s]))
		return;
	strike(ws, first, v + 1);
}

/* "Tony Blair said he looks forward to ..." -> "Tony Blair looks forward
 * to ...": the speaker's own statement about himself, the way a headline
 * puts it. Only "he", "she" or "it" right after the verb, whose referent
 * is the subject before it, and only after a verb that reports (not
 * "claims", "hopes" or "believes", which the statement would lose). */
static void drop_said_pronoun(const hbuf *h, hwords *ws)
{
	static const char *const said_verbs[] = {
		"admits", "admitted", "announced", "confirmed", "revealed",
		"said", "says", NULL
	};
	const char *b;
	size_t first = next_live(ws, 0), seen = 0;
	/* within the first 14 words left (a long title before the name,
	 * "Veteran Labour MP and former Cabinet minister Jack Cunningham has
	 * said he"; an appositive that has gone does not count) */
	for (size_t i = first; i + 2 < ws->n && seen < 14; i++) {
		if (ws->w[i].del)
			continue;
		seen++;
		size_t n = core_at(ws, i, &b);
		size_t bare = ws->w[i].e - ws->w[i].s - (ws->w[i].nocomma ? 1 : 0);
		if ((ws->w[i].comma && !ws->w[i].nocomma) || bare != n ||
		    in_set("\"'`", h->s[ws->w[i].s]))
			return;
		/* only the main clause's verb: "moved closer when Intel said
		 * it would" is not "when Intel would" */
		static const char *const clause_openers[] = {
			"after", "although", "as", "because", "before", "if",
			"once", "since", "that", "though", "unless", "until",
			"when", "whether", "while", NULL
		};
		if (in_sorted(b, clause_openers) || in_sorted(b, relatives))
			return;
		if (!in_sorted(b, said_verbs))
			continue;
		if (i == first)
			return;
		size_t pr = next_live(ws, i + 1);
		if (pr + 1 >= ws->n)
			return;
		n = core_at(ws, pr, &b);
		if (ws->w[pr].e - ws->w[pr].s != n ||
		    (!same(b, "he") && !same(b, "she") && !same(b, "it")))
			return;
		if (live_count(ws, pr + 1, ws->n) < 3)
			return;
		strike_word(ws, i);
		strike_word(ws, pr);
		return;
	}
}

/* Headlinese leaves out possessive determiners as it does articles ("Henman
 * defeats rival", "Yukos sues firms for role in ..."), when room is short,
 * outside quotations. */
static void drop_possessives(const hbuf *h, hwords *ws)
{
	static const char *const poss[] = { "her", "his", "its", "their", NULL };
	const char *b;
	for (size_t i = 1; i + 1 < ws->n; i++) {
		if (ws->w[i].del)
			continue;
		size_t n = core_at(ws, i, &b);
		if (ws->w[i].e - ws->w[i].s == n && in_sorted(b, poss) && !ws->w[i].quoted)
			strike_word(ws, i);
	}
}

/* Bytes the live words would take once joined. */
static size_t live_bytes(const hwords *ws)
{
	return ws->live ? ws->live - 1 : 0;
}


/* Apply a rule that drops a clause or a leading phrase, unless what is left would fill less
 * than SHORT_FILL of the headline: then the clause is worth more than the
 * words the cut would bring in ("Jef Raskin, head of the team behind the
 * first Macintosh, has died" is not "Jef Raskin died"). */
static void shorten(const hbuf *h, hwords *ws, size_t limit,
                    void (*rule)(const hbuf *, hwords *), pr_arena *a, int inner)
{
	hword *saved = pr_alloc(a, ws->n * sizeof *saved);
	if (!saved) {
		rule(h, ws);
		return;
	}
	memcpy(saved, ws->w, ws->n * sizeof *saved);
	size_t live = ws->live;
	rule(h, ws);
	if (live_bytes(ws) * SHORT_FILL_DEN >= limit * SHORT_FILL_NUM)
		return;
	/* ... unless, with the clause, the word after it would not fit either
	 * ("Circuit City Stores, the second-largest electronics retailer in
	 * the US, has received a takeover offer": without the appositive the
	 * headline is short, but with it the news is cut) */
	if (inner) {
		size_t last = ws->n;
		for (size_t i = 0; i < ws->n; i++)
			if (ws->w[i].del && !saved[i].del)
				last = i;
		if (last < ws->n) {
			/* the three words after the clause (the verb and what it
			 * takes), or as many as there are */
			size_t nx = last + 1, k = 0;
			for (size_t i = last + 1; i < ws->n && k < 3; i++)
				if (!saved[i].del) {
					nx = i;
					k++;
				}
			size_t end = 0;
			for (size_t i = 0; i <= nx && i < ws->n; i++)
				if (!saved[i].del)
					end += saved[i].e - saved[i].s + 1;
			if (k && end - 1 > limit)
				return;
		}
	}
	memcpy(ws->w, saved, ws->n * sizeof *saved);
	ws->live = live;
}

static uint32_t word_df(const precis_doc *d, const char *w, size_t n);
static int ends_in(const char *w, size_t n, const char *suffix);

/* An adjective before its noun that the text uses in this sentence alone
 * ("a popular army commander", "the deepening dispute", "an informal
 * invitation"): a detail of the telling more than of the story, which a
 * headline short of room does without. Only a lower-case word with an
 * adjective's ending, right after an article, a possessive or a
 * preposition (even one that has gone) and before another word that is
 * not a function word, so that it is read as a modifier; never in a
 * quotation. */
static void drop_rare_modifiers(const precis_doc *d, const hbuf *h, hwords *ws)
{
	static const char *const before_modifier[] = {
		"a", "about", "against", "an", "at", "by", "for", "from", "her",
		"his", "in", "into", "its", "of", "on", "over", "the", "their",
		"with", NULL
	};
	static const char *const suffixes[] = {
		"al", "ive", "ous", "ful", "ic", "ary", "less", "ible", "able", "ish",
		"ian", "ent", "ern", NULL
	};
	/* nouns with those endings, and words that are not modifiers */
	static const char *const nouns[] = {
		"agent", "approval", "arrival", "capital", "cent", "client",
		"clinic", "component", "concern", "consent", "content",
		"criminal", "critic", "descent", "detective", "dissent",
		"event", "executive", "extent", "festival", "general",
		"hospital", "individual", "initiative", "intent", "lantern",
		"logic", "military", "music", "official", "officials",
		"opponent", "panic", "parent", "patient", "pattern", "percent",
		"proposal", "public", "relative", "removal", "renewal",
		"representative", "republic", "rival", "secretary", "signal",
		"survival", "talent", "tavern", "topic", "total", "traffic",
		"trial", NULL
	};
	/* what the modifier may not stand before: a function word, a
	 * preposition, a quantity ("at least 136") */
	static const char *const function[] = {
		"a", "about", "across", "after", "against", "amid", "an", "and",
		"are", "around", "as", "at", "be", "been", "before", "between",
		"but", "by", "during", "for", "from", "had", "has", "have",
		"in", "inside", "into", "is", "near", "of", "on", "onto", "or",
		"outside", "over", "than", "that", "the", "through", "to",
		"toward", "towards", "under", "upon", "was", "were", "which",
		"who", "will", "with", "within", "would", NULL
	};
	static const char *const articles_only[] = { "a", "an", "the", NULL };
	const char *b, *c, *p;
	for (size_t i = 1; i + 1 < ws->n; i++) {
		if (ws->w[i].del || ws->w[i].quoted)
			continue;
		size_t n = core_at(ws, i, &b);
		if (ws->w[i].e - ws->w[i].s != n || n < 5 || !is_lower(h->s[ws->w[i].s]))
			continue;
		core_at(ws, i - 1, &p);
		if (!in_sorted(p, before_modifier) || ws->w[i - 1].comma)
			continue;
		int adj = 0;
		for (const char *const *e = suffixes; *e && !adj; e++)
			adj = ends_in(b, n, *e);
		/* "-ment" and "-dent" are nouns ("agreement", "president") */
		if (ends_in(b, n, "ment") || ends_in(b, n, "dent"))
			adj = 0;
		/* a participle after an article: "the deepening dispute", "a
		 * planned visit" */
		if (in_sorted(p, articles_only) && (ends_in(b, n, "ing") || ends_in(b, n, "ed")) &&
		    !in_list(b, ing_nouns))
			adj = 1;
		if (!adj || in_sorted(b, nouns))
			continue;
		size_t nx = next_live(ws, i + 1);
		if (nx != i + 1 || nx >= ws->n)
			continue;
		size_t cn = core_at(ws, nx, &c);
		if (cn < 2 || !is_alnum(c[0]) || in_sorted(c, function) ||
		    ws->w[nx].e - ws->w[nx].s != cn)
			continue;
		uint32_t df = word_df(d, b, n);
		if (df != 1)
			continue;
		strike_word(ws, i);
	}
}

/* "President Slobodan Milosevic" -> "Milosevic", "Premier Romano Prodi's
 * coalition" -> "Prodi's coalition": a head of government's title goes
 * before a name the text names in TITLE_MIN_COUNT sentences or more, as
 * headlines name the well-known by surname; not after another capitalised
 * word ("U.S. President Clinton", "Vice President Gore": the title is one
 * phrase there), nor inside a quotation. */
static void drop_titles(const precis_doc *d, const hbuf *h, hwords *ws)
{
	static const char *const titles[] = { "president", "premier", NULL };
	const char *b;
	for (size_t i = 0; i + 1 < ws->n; i++) {
		if (ws->w[i].del || ws->w[i].quoted || !ws->w[i].upper)
			continue;
		size_t n = core_at(ws, i, &b);
		if (ws->w[i].e - ws->w[i].s != n || !in_list(b, titles))
			continue;
		size_t p = i;
		while (p > 0 && ws->w[p - 1].del)
			p--;
		if (p > 0 && ws->w[p - 1].upper && !ws->w[p - 1].comma)
			continue;
		size_t f = next_live(ws, i + 1);
		if (f >= ws->n || !ws->w[f].upper)
			continue;
		size_t l = f;
		for (size_t m = next_live(ws, f + 1); m < ws->n && ws->w[m].upper &&
		     !ws->w[l].comma; m = next_live(ws, m + 1))
			l = m;
		n = core_at(ws, l, &b);
		if (word_df(d, b, n) < TITLE_MIN_COUNT)
			continue;
		strike_word(ws, i);
	}
}

/* Hedge Trimmer's order: what costs a headline nothing goes always
 * (connectives, time expressions, articles, auxiliaries); clauses and
 * phrases that carry content go one kind at a time, only while the
 * sentence is still longer than the limit. */
static int compress(const precis_doc *d, pr_arena *a, hbuf *h, size_t limit)
{
	hwords ws;
	int rc = split_words(a, h, &ws);
	if (rc)
		return rc;
	if (ws.n < 4)
		return PRECIS_OK;
	drop_lead_connective(h, &ws);
	shorten(h, &ws, limit, drop_lead_phrase, a, 0);
	drop_time_expressions(h, &ws);
	drop_dates(h, &ws);
	if (live_bytes(&ws) > limit)
		drop_articles(h, &ws);
	if (live_bytes(&ws) > limit)
		drop_manner_adverbs(h, &ws);
	if (live_bytes(&ws) > limit)
		drop_rare_modifiers(d, h, &ws);
	drop_auxiliaries(h, &ws);
	drop_be(h, &ws);
	drop_middle_initials(h, &ws);
	drop_also(h, &ws);
	drop_here(h, &ws);
	if (live_bytes(&ws) > limit)
		drop_first_names(h, &ws);
	if (live_bytes(&ws) > limit)
		drop_titles(d, h, &ws);
	if (live_bytes(&ws) > limit)
		shorten(h, &ws, limit, drop_relative_clauses, a, 1);
	if (live_bytes(&ws) > limit)
		shorten(h, &ws, limit, drop_appositives, a, 1);
	if (live_bytes(&ws) > limit)
		shorten(h, &ws, limit, drop_lead_attribution, a, 0);
	if (live_bytes(&ws) > limit)
		shorten(h, &ws, limit, drop_said_pronoun, a, 0);
	drop_be(h, &ws);
	if (live_bytes(&ws) > limit)
		shorten(h, &ws, limit, drop_possessives, a, 0);
	if (live_count(&ws, 0, ws.n) < 2)
		return PRECIS_OK;
	join_words(h, &ws);
	return PRECIS_OK;
}

/* ------------------------------------------------------------------------ */
/* French, in the same manner. French headlines keep their articles ("la
 * maire Johanna Rolland enfarinée") and drop the passive auxiliary, the
 * time, the connective and the source. */

static const char *const fr_weekdays[] = {
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", NULL
};

static const char *const fr_months[] = {
	"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre", NULL
};

static int is_number(const char *w)
{
	if (!*w)
		return 0;
	for (; *w; w++)
		if (!(*w >= '0' && *w <= '9'))
			return same(w, "er"); /* "1er" */
	return 1;
}

/* "Mais", "Et", "Ainsi" at the very start. */
static void fr_drop_lead_connective(const hbuf *h, hwords *ws)
{
	static const char *const conn[] = {
		"mais", "et", "or", "ainsi", "pourtant", "toutefois", "cependant", "donc",
		"enfin", "puis", "désormais", "néanmoins", NULL
	};
	const char *b;
	size_t i = next_live(ws, 0);
	if (i + 4 >= ws->n)
		return;
	size_t n = core_at(ws, i, &b);
	if (in_list(b, conn) && (ws->w[i].e - ws->w[i].s == n || ws->w[i].comma)) {
		strike_word(ws, i);
		ws->w[i].nocomma = 1;
	}
}

/* "samedi 6 octobre", "jeudi soir", "lundi 14 septembre 2020", "hier",
 * "ce mardi": the day of the news, which a headline leaves out. */
static void fr_drop_time_expressions(const hbuf *h, hwords *ws)
{
	const char *b, *p;
	for (size_t i = 0; i < ws->n; i++) {
		if (ws->w[i].del)
			continue;
		core_at(ws, i, &b);
		int day = in_list(b, fr_weekdays);
		if (!day && !same(b, "hier") && !same(b, "aujourd'hui"))
			continue;
		size_t a = i, e = i;
		if (a > 0) {
			core_at(ws, a - 1, &p);
			if ((same(p, "ce") || same(p, "le") || same(p, "dès")) &&
			    !ws->w[a - 1].comma)
				a--;
		}
		/* "jeudi soir", "jeudi 5 juillet", "jeudi 5 juillet 2018" */
		while (day && !ws->w[e].comma && e + 1 < ws->n) {
			core_at(ws, e + 1, &p);
			if (same(p, "matin") || same(p, "soir") ||
			    same(p, "midi") || same(p, "après-midi") ||
			    same(p, "dernier") || same(p, "prochain") ||
			    in_list(p, fr_months) || is_number(p))
				e++;
			else
				break;
		}
		/* "... à dimanche 1er décembre": part of a span, not a date */
		if (a > 0) {
			core_at(ws, a - 1, &p);
			if (same(p, "de") || same(p, "à") || same(p, "au") ||
			    same(p, "du") || same(p, "depuis") || same(p, "jusqu'à"))
				continue;
		}
		if (live_count(ws, 0, a) == 0 || e + 1 >= ws->n) {
			i = e;
			continue;
		}
		int comma = ws->w[e].comma;
		for (size_t k = a; k <= e; k++)
			strike_word(ws, k);
		if (comma) {
			/* ", lundi 14 septembre, de commenter": the commas went with it */
			size_t q = a;
			while (q > 0 && ws->w[q - 1].del)
				q--;
			if (q > 0 && ws->w[q - 1].comma)
				ws->w[q - 1].nocomma = 1;
			else
				keep_comma(ws, a, e);
		}
		i = e;
	}
}

static int fr_participle(const char *w)
{
	static const char *const irregular[] = {
		"mort", "morte", "morts", "mortes", "pris", "prise", "prises", "mis",
		"mise", "mises", "fait", "faite", "faits", "faites", "dit", "dite",
		"ouvert", "ouverte", "ouverts", "ouvertes", "venu", "venue", "venus",
		"tenu", "tenue", "élu", "élue", "élus", "élues", "vu", "vue", "perdu",
		"perdue", "rendu", "rendue", "battu", "battue", "interdit", "interdite",
		"détruit", "détruite", "conduit", "conduite", "atteint", "atteinte",
		"atteints", "retenu", "retenue", "obtenu", "reçu", "reçue", "suspendu",
		"suspendue", "vendu", "vendue", "attendu", "attendue", "attendus",
		"entendu", "condamné", "mordu", "abattu", "abattue", "poursuivi",
		"poursuivie", "saisi", "saisie", "parti", "partie", "sorti", "sortie",
		"choisi", "choisie", "puni", "punie", NULL
	};
	size_t n = strlen(w);
	/* é, ée, és, ées */
	if (n > 3 && (same(w + n - 2, "\xC3\xA9") || same(w + n - 3, "\xC3\xA9" "e") ||
	              same(w + n - 3, "\xC3\xA9s") || same(w + n - 4, "\xC3\xA9" "es")))
		return 1;
	return in_list(w, irregular);
}

/* "a été enfarinée" -> "enfarinée", "est attendu" -> "attendu": the
 * passive's auxiliary goes, as in "Un couple de policiers roué de coups".
 * Not "a attaqué", whose participle alone would read as a passive. */
static void fr_drop_auxiliaries(const hbuf *h, hwords *ws)
{
	static const char *const subjects[] = {
		"il", "elle", "ils", "elles", "on", "qui", "que", "ce", "c'", "je", "tu",
		"nous", "vous", "y", "en", "ne", "n'", "se", "s'", "tout", "cela", "ça",
		"ceci", "rien", "qu'il", "qu'elle", NULL
	};
	const char *b, *c, *p, *e;
	for (size_t i = 1; i + 1 < ws->n; i++) {
		if (ws->w[i].del)
			continue;
		size_t n = core_at(ws, i, &b);
		if (ws->w[i].e - ws->w[i].s != n)
			continue;
		int have = same(b, "a") || same(b, "ont") || same(b, "avait") ||
		           same(b, "avaient");
		int be = same(b, "est") || same(b, "sont");
		if (!have && !be)
			continue;
		size_t q = i;
		while (q > 0 && ws->w[q - 1].del)
			q--;
		if (q == 0)
			continue;
		core_at(ws, q - 1, &p);
		if (in_list(p, subjects))
			continue;
		size_t v = i + 1;
		size_t cn = core_at(ws, v, &c);
		if (have) {
			if (!same(c, "été") || v + 1 >= ws->n || ws->w[v].e - ws->w[v].s != cn)
				continue;
			core_at(ws, v + 1, &e);
			if (!fr_participle(e))
				continue;
			strike_word(ws, i);
			strike_word(ws, v);
		}
		return; /* the main verb only */
	}
}

/* ", dont l'identité n'a pas été révélée," and ", qui ...,": a relative
 * clause between commas goes. */
static void fr_drop_relative_clauses(const hbuf *h, hwords *ws)
{
	static const char *const rel[] = { "qui", "dont", "où", "lequel", "laquelle", "lesquels", NULL };
	static const char *const cont[] = { NULL };
	drop_clauses(ws, rel, cont);
}

/* "Depuis l'annonce de la mort de Jacques Chirac, des livres d'or ...",
 * "Resté discret ces derniers jours, Emmanuel Macron ...": a leading phrase
 * closed by a comma, opened by a preposition, a subordinator or a
 * participle. Not "Pour Aurore Bergé, ...", which names the speaker. */
static void fr_drop_lead_phrase(const hbuf *h, hwords *ws)
{
	static const char *const openers[] = {
		"après", "avant", "depuis", "dans", "lors", "alors", "tandis", "malgré",
		"face", "en", "avec", "sans", "par", "pendant", "dès", "suite", "outre",
		"contrairement", "comme", "quand", "lorsque", "si", "afin", "faute",
		"hier", "début", "fin", "mi-", "au", "aux", "à", "a",
		"sur", "sous", "entre", "parmi", "vers", NULL
	};
	const char *b;
	size_t first, comma = lead_phrase_comma(h, ws, &first);
	if (comma >= ws->n)
		return;
	core_at(ws, first, &b);
	if (!in_list(b, openers) && !in_list(b, fr_weekdays) && !fr_participle(b))
		return;
	/* "A Lyon, capitale de la gastronomie, ou ...": the phrase goes on
	 * past its first comma */
	for (size_t i = comma + 1; i < ws->n && i <= comma + 4; i++)
		if (ws->w[i].comma && i + 1 < ws->n &&
		    (core_at(ws, i + 1, &b), same(b, "ou") || same(b, "et")))
			return;
	size_t nx = next_live(ws, comma + 1);
	/* "A l'issue d'un Conseil, consacré à ...": so does one closed by a
	 * participle */
	if (nx < ws->n) {
		core_at(ws, nx, &b);
		if (fr_participle(b))
			return;
	}
	if (nx < ws->n) {
		static const char *const stop[] = {
			"il", "elle", "ils", "elles", "on", "et", "ou", "qui", "dont", "où",
			"c'est", "ce", "y", NULL
		};
		core_at(ws, nx, &b);
		if (in_list(b, stop))
			return;
	}
	strike(ws, first, comma + 1);
}

static int compress_fr(pr_arena *a, hbuf *h, size_t limit)
{
	hwords ws;
	int rc = split_words(a, h, &ws);
	if (rc)
		return rc;
	if (ws.n < 4)
		return PRECIS_OK;
	fr_drop_lead_connective(h, &ws);
	shorten(h, &ws, limit, fr_drop_lead_phrase, a, 0);
	fr_drop_time_expressions(h, &ws);
	fr_drop_auxiliaries(h, &ws);
	if (live_bytes(&ws) > limit)
		shorten(h, &ws, limit, fr_drop_relative_clauses, a, 1);
	if (live_count(&ws, 0, ws.n) < 2)
		return PRECIS_OK;
	join_words(h, &ws);
	return PRECIS_OK;
}

/* Chinese, in the same spirit: a short opening phrase closed by a
 * full-width comma ("日前，", "昨晚，"), a date ("1月20日上午，", "截至10月28日，"),
 * a source ("据港媒报道，", "据悉，") and an opening attribution
 * ("路透中文网6月9日刊文称，", "...表示，", "记者日前从...获悉，") go when a
 * statement follows. */
static size_t cjk_says(const char *s, size_t i)
{
	static const char *const says[] = {
		"\xE7\xA7\xB0", /* 称 */
		"\xE8\xA1\xA8\xE7\xA4\xBA", /* 表示 */
		"\xE8\xAF\xB4", /* 说 */
		"\xE8\x8E\xB7\xE6\x82\x89", /* 获悉 */
		"\xE5\x91\x8A\xE8\xAF\x89\xE8\xAE\xB0\xE8\x80\x85", /* 告诉记者 */
		"\xE6\x98\xBE\xE7\xA4\xBA", /* 显示 */
		"\xE6\x8C\x87\xE5\x87\xBA", /* 指出 */
		"\xE9\x80\x8F\xE9\x9C\xB2", /* 透露 */
		"\xE6\x8A\xA5\xE9\x81\x93", /* 报道 */
		"\xE6\xB6\x88\xE6\x81\xAF", /* 消息 */
		"\xE8\xAE\xA4\xE4\xB8\xBA", /* 认为 */
		"\xE6\x8F\x90\xE5\x87\xBA", /* 提出 */
		"\xE4\xBB\x8B\xE7\xBB\x8D", /* 介绍 */
		"\xE5\x9D\xA6\xE8\xA8\x80", /* 坦言 */
		"\xE5\xBC\xBA\xE8\xB0\x83", /* 强调 */
		/* what a study or a search finds, what is announced */
		"\xE5\x8F\x91\xE7\x8E\xB0", /* 发现 */
		"\xE8\xA1\xA8\xE6\x98\x8E", /* 表明 */
		"\xE8\xAF\x81\xE5\xAE\x9E", /* 证实 */
		"\xE5\xAE\xA3\xE5\xB8\x83", /* 宣布 */
		"\xE9\xA2\x84\xE8\xAE\xA1", /* 预计 */
		"\xE9\xA2\x84\xE6\xB5\x8B", /* 预测 */
		"\xE4\xBC\xB0\xE8\xAE\xA1", /* 估计 */
		"\xE6\x8A\xAB\xE9\x9C\xB2", /* 披露 */
		"\xE6\x89\xBF\xE8\xAE\xA4", /* 承认 */
		"\xE6\xB3\xA8\xE6\x84\x8F\xE5\x88\xB0", /* 注意到 */
		"\xE4\xBA\x86\xE8\xA7\xA3\xE5\x88\xB0", /* 了解到 */
		"\xE5\xBE\x97\xE7\x9F\xA5", /* 得知 */
		"\xE8\x8E\xB7\xE7\x9F\xA5", /* 获知 */
		"\xE5\x86\x99\xE9\x81\x93", /* 写道 */
		"\xE7\x9B\xB4\xE8\xA8\x80", /* 直言 */
		"\xE5\x9B\x9E\xE5\xBA\x94", /* 回应 */
		NULL
	};
	for (const char *const *w = says; *w; w++) {
		size_t n = strlen(*w);
		/* not the "来说" of "对...来说" ("for ...") */
		if (i >= n && memcmp(s + i - n, *w, n) == 0 &&
		    !(w == says + 2 && i >= n + 3 && memcmp(s + i - n - 3, "\xE6\x9D\xA5", 3) == 0))
			return n;
	}
	return 0;
}

/* A clause that is only a date or a time: digits and the characters of
 * dates ("年月日", "上午", "截至", "以来"), with at least one digit. */
static int cjk_date_clause(const char *s, size_t len)
{
	static const char timechars[] = "\xE5\xB9\xB4\xE6\x9C\x88\xE6\x97\xA5\xE5\x8F\xB7\xE6\x97\xB6\xE7\x82\xB9\xE5\x88\x86\xE4\xB8\x8A\xE4\xB8\x8B\xE5\x8D\x88\xE6\x99\x9A\xE6\x97\xA9\xE9\x97\xB4\xE5\x87\x8C\xE6\x99\xA8\xE4\xB8\xAD\xE5\xBA\x95\xE5\x88\x9D\xE6\x9C\xAB\xE6\x97\xAC\xE5\x91\xA8\xE4\xBB\x8A\xE6\x98\xA8\xE5\x89\x8D\xE5\x8E\xBB\xE6\x9C\xAC\xE8\xB5\xB7\xE4\xBB\xA5\xE6\x9D\xA5\xE8\x87\xB3\xE6\x88\xAA\xE5\xBD\x93\xE5\xA4\xA9";
	int digit = 0;
	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = pr_utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))
			digit = 1;
		else if (cp == '-' || cp == 0x2014 || cp == 0x2013)
			;
		else if (n < 3)
			return 0;
		else {
			int found = 0;
			for (size_t k = 0; k + n <= sizeof timechars - 1 && !found; k += 3)
				found = memcmp(timechars + k, s + i, n) == 0;
			if (!found)
				return 0;
		}
		i += n;
	}
	return digit;
}


static int starts_with(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);
	return len >= n && memcmp(s, p, n) == 0;
}

static int ends_with(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);
	return len >= n && memcmp(s + len - n, p, n) == 0;
}

/* A clause that only sets the time of the news, as "After ..., " and
 * "When ..., " do in English: "在撤离索马里23年后，", "继阿里巴巴推出“娱乐宝”
 * 之后，", "在评价一个人或一个公司时，", "正当...之时，"; or that sets
 * aside what the news is not about, "除了出访或是参加重要活动，" ("apart
 * from ..."). Not when the rest opens with a pronoun that needs it. */
static int cjk_time_clause(const char *s, size_t len, const char *rest, size_t rlen)
{
	static const char *const opens[] = {
		"\xE5\x9C\xA8", /* 在 */
		"\xE5\xBD\x93", /* 当 */
		"\xE6\xAD\xA3\xE5\xBD\x93", /* 正当 */
		"\xE6\xAF\x8F\xE5\xBD\x93", /* 每当 */
		"\xE7\xBB\xA7", /* 继 */
		NULL
	};
	static const char *const closes[] = {
		"\xE6\x97\xB6", /* 时 */
		"\xE5\x90\x8E", /* 后 */
		"\xE5\x89\x8D", /* 前 */
		"\xE4\xB9\x8B\xE5\x90\x8E", /* 之后 */
		"\xE4\xB9\x8B\xE5\x89\x8D", /* 之前 */
		"\xE4\xBB\xA5\xE5\x90\x8E", /* 以后 */
		"\xE4\xBB\xA5\xE5\x89\x8D", /* 以前 */
		"\xE4\xB9\x8B\xE9\x99\x85", /* 之际 */
		"\xE4\xB9\x8B\xE6\x97\xB6", /* 之时 */
		"\xE6\x9C\x9F\xE9\x97\xB4", /* 期间 */
		NULL
	};
	static const char *const refer[] = {
		"\xE4\xBB\x96", /* 他 */
		"\xE5\xA5\xB9", /* 她 */
		"\xE5\xAE\x83", /* 它 */
		"\xE6\x88\x91", /* 我 */
		"\xE4\xBD\xA0", /* 你 */
		"\xE8\xBF\x99", /* 这 */
		"\xE9\x82\xA3", /* 那 */
		"\xE5\x85\xB6", /* 其 */
		"\xE6\xAD\xA4", /* 此 */
		NULL
	};
	for (const char *const *p = refer; *p; p++)
		if (starts_with(rest, rlen, *p))
			return 0;
	/* nor when the rest's first clause points back with 其 "his, its"
	 * ("关于其被内部举报", not 其他 "other", 其中 "among them", 其实
	 * "in fact", 尤其 "especially", 极其 "extremely") */
	for (size_t i = 0, n; i < rlen; i += n) {
		int32_t cp;
		n = pr_utf8_decode((const unsigned char *)rest + i, rlen - i, &cp);
		if (cp == 0xFF0C || cp == 0x3002)
			break;
		if (cp != 0x5176 /* 其 */)
			continue;
		static const char *const words[] = {
			"\xE5\x85\xB6\xE4\xBB\x96", /* 其他 */
			"\xE5\x85\xB6\xE5\xAE\x83", /* 其它 */
			"\xE5\x85\xB6\xE4\xB8\xAD", /* 其中 */
			"\xE5\x85\xB6\xE5\xAE\x9E", /* 其实 */
			"\xE5\x85\xB6\xE6\xAC\xA1", /* 其次 */
			"\xE5\x85\xB6\xE4\xBD\x99", /* 其余 */
			NULL
		};
		static const char *const before[] = {
			"\xE5\xB0\xA4\xE5\x85\xB6", /* 尤其 */
			"\xE6\x9E\x81\xE5\x85\xB6", /* 极其 */
			"\xE4\xB8\x8E\xE5\x85\xB6", /* 与其 */
			NULL
		};
		int word = 0;
		for (const char *const *w = before; i >= 3 && *w; w++)
			word |= starts_with(rest + i - 3, rlen - i + 3, *w);
		for (const char *const *w = words; *w; w++)
			word |= starts_with(rest + i, rlen - i, *w);
		if (!word)
			return 0;
	}
	if (starts_with(s, len, "\xE9\x99\xA4\xE4\xBA\x86" /* 除了 */))
		return 1;
	int open = 0, close = 0;
	for (const char *const *p = opens; *p; p++)
		open |= starts_with(s, len, *p);
	for (const char *const *p = closes; *p; p++)
		close |= ends_with(s, len, *p);
	return open && close;
}

static void trim_cjk_lead(hbuf *h)
{
	static const char comma[] = "\xEF\xBC\x8C"; /* ， */
	static const char ju[] = "\xE6\x8D\xAE"; /* 据 */
	for (int round = 0; round < 3; round++) {
		size_t i = 0, chars = 0, cjk = 1;
		int quote = 0;
		while (i < h->len && chars <= 32) {
			if (i + 3 <= h->len && memcmp(h->s + i, comma, 3) == 0)
				break;
			int32_t cp;
			size_t n = pr_utf8_decode((const unsigned char *)h->s + i, h->len - i, &cp);
			/* 。 and ： end the search, and so does a quotation that
			 * opens the sentence or is still open at the comma */
			if (cp == 0x3002 || cp == '.' || cp == 0xFF1A || (cp == 0x201C && i == 0))
				return;
			if (cp == 0x201C)
				quote = 1;
			else if (cp == 0x201D)
				quote = 0;
			else if (!pr_cjk_char(cp) && !(cp >= '0' && cp <= '9'))
				cjk = 0;
			i += n;
			chars++;
		}
		if (i + 3 > h->len || memcmp(h->s + i, comma, 3) != 0 || chars == 0 || quote)
			return;
		size_t attribution = cjk_says(h->s, i);
		int date = cjk_date_clause(h->s, i);
		int source = chars <= 12 && memcmp(h->s, ju, 3) == 0;
		int time = cjk_time_clause(h->s, i, h->s + i + 3, h->len - i - 3);
		if (!((cjk && chars <= 4) || attribution || date || source || time))
			return;
		size_t cut = i + 3;
		if (h->len - cut < 24) /* a statement of eight characters or more */
			return;
		memmove(h->s, h->s + cut, h->len - cut);
		h->len -= cut;
	}
}

/* The code point at byte i (0 at the end) and its length in *n. */
static int32_t cp_at(const hbuf *h, size_t i, size_t *n)
{
	int32_t cp = 0;
	if (i >= h->len) {
		*n = 0;
		return 0;
	}
	*n = pr_utf8_decode((const unsigned char *)h->s + i, h->len - i, &cp);
	return cp;
}

/* The code point that ends just before byte i (0 at the start). */
static int32_t cp_before(const hbuf *h, size_t i)
{
	if (i == 0)
		return 0;
	size_t p = i - 1;
	while (p > 0 && ((unsigned char)h->s[p] & 0xC0) == 0x80)
		p--;
	int32_t cp;
	pr_utf8_decode((const unsigned char *)h->s + p, i - p, &cp);
	return cp;
}

static int is_digit_cp(int32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Does the text at byte i start with one of these words? Returns its
 * length, or 0. */
static size_t word_in(const hbuf *h, size_t i, const char *const *words)
{
	for (; *words; words++) {
		size_t n = strlen(*words);
		if (i + n <= h->len && memcmp(h->s + i, *words, n) == 0)
			return n;
	}
	return 0;
}

/* Is the code point one of those in the UTF-8 string set? */
static int cp_in(int32_t cp, const char *set)
{
	for (size_t i = 0, n = strlen(set); i < n;) {
		int32_t c;
		size_t k = pr_utf8_decode((const unsigned char *)set + i, n - i, &c);
		if (c == cp)
			return 1;
		i += k;
	}
	return 0;
}

/* A time may go when what follows it is the predicate or a phrase of its
 * own ("习近平25日在人民大会堂", "工信部今日向8家民企发放"); not when it
 * modifies a noun or bounds a span ("昨天的会议", "25日起", "3日内", "1日游",
 * "5日以后"): 的起至到前后之内间游来止为是和与、, or 以 before 前后来内外 */
static const char time_bound[] =
	"\xE7\x9A\x84\xE8\xB5\xB7\xE8\x87\xB3\xE5\x88\xB0\xE5\x89\x8D\xE5\x90\x8E"
	"\xE4\xB9\x8B\xE5\x86\x85\xE9\x97\xB4\xE6\xB8\xB8\xE6\x9D\xA5"
	"\xE6\xAD\xA2\xE4\xB8\xBA\xE6\x98\xAF\xE5\x92\x8C\xE4\xB8\x8E\xE3\x80\x81";
static const char time_bound_yi[] =
	"\xE5\x89\x8D\xE5\x90\x8E\xE6\x9D\xA5\xE5\x86\x85\xE5\xA4\x96";

/* Chinese headlinese leaves out what English headlinese leaves out, inside
 * the sentence too (outside quotations): the day of the news
 * ("阿里巴巴9月19日登陆纽交所" -> "阿里巴巴登陆纽交所", "工信部今日向..."
 * -> "工信部向...", with its preposition: "并于7月1日正式" -> "并正式"),
 * the aspect adverbs 已经 "already", 正在 "in the middle of" and the time
 * adverbs 目前 "at present", 近期, 此前, 最近 ("has", "is" and "now" in
 * English; not 到目前为止 "so far"), the aspect particle 了 ("发布了" -> "发布"; not 为了 "for",
 * 除了 "except", 了解 "learn", 受不了) and 也 "also" (not 也许 "maybe"). */
static void cjk_compress(hbuf *h)
{
	static const char *const days[] = {
		"\xE6\x98\xA8\xE5\xA4\xA9", /* 昨天 */
		"\xE6\x98\xA8\xE6\x97\xA5", /* 昨日 */
		"\xE4\xBB\x8A\xE5\xA4\xA9", /* 今天 */
		"\xE4\xBB\x8A\xE6\x97\xA5", /* 今日 */
		"\xE8\xBF\x91\xE6\x97\xA5", /* 近日 */
		"\xE6\x98\xA8\xE6\x99\x9A", /* 昨晚 */
		"\xE4\xBB\x8A\xE6\x99\x9A", /* 今晚 */
		"\xE4\xBB\x8A\xE6\x99\xA8", /* 今晨 */
		"\xE5\x89\x8D\xE6\x97\xA5", /* 前日 */
		"\xE5\x89\x8D\xE5\xA4\xA9", /* 前天 */
		"\xE5\xBD\x93\xE5\xA4\xA9", /* 当天 */
		"\xE5\xBD\x93\xE6\x97\xA5", /* 当日 */
		NULL
	};
	static const char *const parts[] = {
		"\xE4\xB8\x8A\xE5\x8D\x88", /* 上午 */
		"\xE4\xB8\x8B\xE5\x8D\x88", /* 下午 */
		"\xE6\x99\x9A\xE9\x97\xB4", /* 晚间 */
		"\xE5\x87\x8C\xE6\x99\xA8", /* 凌晨 */
		"\xE6\x97\xA9\xE9\x97\xB4", /* 早间 */
		"\xE4\xB8\xAD\xE5\x8D\x88", /* 中午 */
		"\xE5\x82\x8D\xE6\x99\x9A", /* 傍晚 */
		"\xE6\x97\xA9\xE4\xB8\x8A", /* 早上 */
		"\xE6\x99\x9A\xE4\xB8\x8A", /* 晚上 */
		"\xE6\x99\x9A", /* 晚 */
		NULL
	};
	static const char *const adverbs[] = {
		"\xE5\xB7\xB2\xE7\xBB\x8F", /* 已经 */
		"\xE6\xAD\xA3\xE5\x9C\xA8", /* 正在 */
		"\xE7\x9B\xAE\xE5\x89\x8D", /* 目前 */
		"\xE8\xBF\x91\xE6\x9C\x9F", /* 近期 */
		"\xE6\xAD\xA4\xE5\x89\x8D", /* 此前 */
		"\xE6\x9C\x80\xE8\xBF\x91", /* 最近 */
		NULL
	};
	/* 了 is not the particle after 为除罢不得算末明未没了 ("为了", "除了",
	 * "受不了", "明了") nor before 解结如然却无事 ("了解", "了结", "了如指掌",
	 * "了无", "了事") or 不起 / 不得 */
	static const char le_after[] =
		"\xE4\xB8\xBA\xE9\x99\xA4\xE7\xBD\xA2\xE4\xB8\x8D\xE5\xBE\x97\xE7\xAE\x97"
		"\xE6\x9C\xAB\xE6\x98\x8E\xE6\x9C\xAA\xE6\xB2\xA1\xE4\xBA\x86";
	static const char le_before[] =
		"\xE8\xA7\xA3\xE7\xBB\x93\xE5\xA6\x82\xE7\x84\xB6\xE5\x8D\xB4\xE6\x97\xA0"
		"\xE4\xBA\x8B";
	/* 于 before a date is "on"; not in 关于 由于 属于 等于 位于 处于 基于 鉴于
	 * 对于 至于 终于 过于 */
	static const char yu_words[] =
		"\xE5\x85\xB3\xE7\x94\xB1\xE5\xB1\x9E\xE7\xAD\x89\xE4\xBD\x8D\xE5\xA4\x84"
		"\xE5\x9F\xBA\xE9\x89\xB4\xE5\xAF\xB9\xE8\x87\xB3\xE7\xBB\x88\xE8\xBF\x87";
	size_t o = 0;
	int quote = 0;
	for (size_t i = 0; i < h->len;) {
		size_t n, m, cut = 0;
		int32_t c = cp_at(h, i, &n);
		int32_t prev = o ? cp_before(h, o) : 0;
		if (c == 0x201C || c == 0x300C)
			quote++;
		else if ((c == 0x201D || c == 0x300D) && quote)
			quote--;
		else if (c == '"')
			quote = !quote;
		if (!quote && o > 0) {
			/* the day: "昨日", "9月19日", "25日" (not the "1日" of
			 * "2014年2月1日" or "2月1日"), and the time of day after it */
			/* (not the 今日 of 如今日益 "now increasingly") */
			if (prev != 0x5982 /* 如 */)
				cut = word_in(h, i, days);
			if (!cut && is_digit_cp(c) && !is_digit_cp(prev)) {
				size_t j = i;
				while (is_digit_cp(cp_at(h, j, &m)))
					j += m;
				if (cp_at(h, j, &m) == 0x6708 /* 月 */) {
					size_t k = j + m, d = k;
					while (is_digit_cp(cp_at(h, d, &m)))
						d += m;
					int32_t day = cp_at(h, d, &m);
					if (d > k && (day == 0x65E5 /* 日 */ || day == 0x53F7 /* 号 */))
						cut = d + m - i;
				} else if (cp_at(h, j, &m) == 0x65E5 /* 日 */ && prev != 0x6708 /* 月 */) {
					cut = j + m - i;
				}
			}
			if (cut) {
				cut += word_in(h, i + cut, parts);
				int32_t next = cp_at(h, i + cut, &m);
				int32_t then = cp_at(h, i + cut + m, &m);
				if (!pr_cjk_char(next) || cp_in(next, time_bound) ||
				    (next == 0x4EE5 /* 以 */ && cp_in(then, time_bound_yi)) ||
				    prev == 0x5E74 /* 年 */ || !(pr_cjk_char(prev) || prev == 0xFF0C))
					cut = 0;
			}
			/* "并于7月1日正式" -> "并正式" */
			if (cut && prev == 0x4E8E /* 于 */ && o >= 6 &&
			    !cp_in(cp_before(h, o - 3), yu_words))
				o -= 3;
			if (!cut && pr_cjk_char(prev)) {
				/* (not the 目前 of 到目前为止 "so far") */
				size_t k = word_in(h, i, adverbs);
				int32_t next = cp_at(h, i + k, &m);
				if (k && pr_cjk_char(next) && next != 0x4E3A /* 为 */)
					cut = k;
			}
			if (!cut && c == 0x4E86 /* 了 */ && pr_cjk_char(prev) && !cp_in(prev, le_after)) {
				int32_t next = cp_at(h, i + n, &m);
				int32_t after = cp_at(h, i + n + m, &m);
				/* (before a word or a number, not at the end of a
				 * clause: "问题来了，") */
				int word = pr_cjk_char(next) || is_digit_cp(next) ||
				           (next < 0x80 && (is_upper((char)next) || is_lower((char)next)));
				if (word && !cp_in(next, le_before) &&
				    !(next == 0x4E0D /* 不 */ && (after == 0x8D77 /* 起 */ ||
				                                   after == 0x5F97 /* 得 */)))
					cut = n;
			}
			if (!cut && c == 0x4E5F /* 也 */ && pr_cjk_char(prev)) {
				int32_t next = cp_at(h, i + n, &m);
				if (pr_cjk_char(next) && next != 0x8BB8 /* 许 */ && next != 0x597D /* 好 */ &&
				    next != 0x7F62 /* 罢 */)
					cut = n;
			}
		}
		if (cut) {
			i += cut;
			continue;
		}
		memmove(h->s + o, h->s + i, n);
		o += n;
		i += n;
	}
	h->len = o;
}

/* "He says so himself ...": a sentence that needs the one before it. */
static int opens_with_pronoun(const pr_sent *s)
{
	char b[16];
	size_t n = 0;
	while (n < s->len && n + 1 < sizeof b && (is_lower(s->text[n]) || is_upper(s->text[n]))) {
		b[n] = (char)lower_ascii(s->text[n]);
		n++;
	}
	b[n] = '\0';
	return n > 0 && in_sorted(b, pronouns);
}

/* "It was a surprising scene ...", "There's room for ...": a feature lead
 * whose dummy subject puts off the news to a later clause or sentence. */
static int expletive_lead(const pr_sent *s)
{
	static const char *const openings[] = {
		"It is ", "It was ", "It's ", "It\xe2\x80\x99s ", "It has been ", "It had been ",
		"There is ", "There are ", "There was ", "There were ", "There's ",
		"There\xe2\x80\x99s ", "There has been ", NULL
	};
	for (const char *const *p = openings; *p; p++) {
		if (s->len == 0 || s->text[0] != (*p)[0])
			continue; /* (most sentences, at their first byte) */
		size_t n = strlen(*p);
		if (s->len > n && memcmp(s->text, *p, n) == 0)
			return 1;
	}
	return 0;
}

static size_t pick_source(const precis_doc *d, int *is_title)
{
	const pr_sent *s = d->sents;
	*is_title = 0;
	if (s[0].kind == PR_BLOCK_HEADING) {
		*is_title = 1;
		return 0;
	}
	/* a plain-text title: alone in its paragraph, short, no full stop */
	if (d->nsents > 1 && s[1].block != s[0].block && s[0].len <= 150 &&
	    s[0].nwords >= 2 && !in_set(".!?", s[0].text[s[0].len - 1])) {
		*is_title = 1;
		return 0;
	}
	/* the best-ranked sentence long enough to say something: "78 milliards
	 * de dollars" is a fragment, not a headline */
	size_t best = 0;
	for (size_t i = 0; i < d->nsents; i++)
		if (s[i].rank == 1)
			best = i;
	/* (a count of words means another thing in text without spaces) */
	int spaced = !d->lang || (!same(d->lang->code, "zh") && !same(d->lang->code, "ja"));
	for (size_t i = 0; spaced && i < d->nsents; i++)
		if (s[i].nwords >= SOURCE_MIN_WORDS &&
		    (s[best].nwords < SOURCE_MIN_WORDS || s[i].score > s[best].score))
			best = i;
	size_t lead = 0;
	while (lead < d->nsents && s[lead].kind == PR_BLOCK_HEADING)
		lead++;
	/* "The result was chaos." opens a story but says too little, and "It
	 * was a surprising scene ..." keeps its news for later */
	for (size_t i = lead; spaced && i < d->nsents && i < lead + 3; i++)
		if (s[i].nwords >= SOURCE_MIN_WORDS &&
		    (i == lead ? !expletive_lead(&s[i]) : !opens_with_pronoun(&s[i]))) {
			lead = i;
			break;
		}
	if (lead < d->nsents && s[lead].score >= LEAD_SHARE * s[best].score)
		return lead;
	/* a lead that is a paragraph of its own is the story's standfirst */
	if (lead + 1 < d->nsents && s[lead + 1].block != s[lead].block &&
	    (lead == 0 || s[lead - 1].block != s[lead].block))
		return lead;
	return best;
}

/* --headline-chars: at most max code points (0: no limit). Text without
 * spaces is cut at the character; spaced text at the last space that fits,
 * unless its first word alone is longer. */
static void fit_chars(hbuf *h, size_t max)
{
	size_t i = 0, chars = 0;
	while (i < h->len && chars < max) {
		int32_t cp;
		i += pr_utf8_decode((const unsigned char *)h->s + i, h->len - i, &cp);
		chars++;
	}
	if (!max || i >= h->len)
		return;
	size_t cut = i, p = i - 1;
	while (p > 0 && ((unsigned char)h->s[p] & 0xC0) == 0x80)
		p--;
	int32_t before, after;
	pr_utf8_decode((const unsigned char *)h->s + p, i - p, &before);
	pr_utf8_decode((const unsigned char *)h->s + i, h->len - i, &after);
	if (before != ' ' && after != ' ' && !pr_cjk_char(before) && !pr_cjk_char(after)) {
		/* back to the start of the word: a space, or a CJK character
		 * ("甲型H1N1" is cut before "H1N1", not at an earlier space) */
		while (cut > 0 && h->s[cut - 1] != ' ') {
			size_t q = cut - 1;
			while (q > 0 && ((unsigned char)h->s[q] & 0xC0) == 0x80)
				q--;
			int32_t c;
			pr_utf8_decode((const unsigned char *)h->s + q, cut - q, &c);
			if (pr_cjk_char(c))
				break;
			cut = q;
		}
		if (cut == 0)
			cut = i;
	}
	h->len = cut;
	trim(h);
}

/* Are a[0, n) and b[0, n) the same bytes but for ASCII case? */
static int same_ci(const char *a, const char *b, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (lower_ascii(a[k]) != lower_ascii(b[k]))
			return 0;
	return 1;
}

/* Does the headline already hold this phrase (ASCII case-insensitive)? */
static int holds(const hbuf *h, const char *p, size_t n)
{
	for (size_t i = 0; i + n <= h->len; i++) {
		if (same_ci(h->s + i, p, n))
			return 1;
	}
	return 0;
}

/* Topiary (Zajic et al. 2004): room left after the compressed sentence goes
 * to the document's best key phrases that it does not already name. */
/* Is every word of the phrase already a word of the headline? */
static int all_words_held(const hbuf *h, const char *p, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && p[j] != ' ')
			j++;
		int found = 0;
		for (size_t k = 0; k + (j - i) <= h->len && !found; k++) {
			if ((k == 0 || h->s[k - 1] == ' ') &&
			    (k + (j - i) == h->len || h->s[k + (j - i)] == ' ' || h->s[k + (j - i)] == ',' ||
			     h->s[k + (j - i)] == ';' || h->s[k + (j - i)] == '\'')) {
				size_t q = 0;
				while (q < j - i) {
					char a = h->s[k + q], c = p[i + q];
					a = (char)lower_ascii(a);
					c = (char)lower_ascii(c);
					if (a != c)
						break;
					q++;
				}
				found = q == j - i;
			}
		}
		if (!found)
			return 0;
		i = j + 1;
	}
	return 1;
}

static void fill_with_keyphrases(const precis_doc *d, hbuf *h, size_t limit, size_t cap)
{
	int first = 1;
	if (h->len == 0)
		return;
	for (size_t k = 0; k < d->nkeywords; k++) {
		const pr_keyword *kw = &d->keywords[k];
		char b[32];
		size_t n = kw->len < sizeof b - 1 ? kw->len : sizeof b - 1;
		for (size_t i = 0; i < n; i++)
			b[i] = (char)lower_ascii(kw->text[i]);
		b[n] = '\0';
		if (holds(h, kw->text, kw->len) || is_time_word(b) || in_sorted(b, time_nouns))
			continue;
		if (all_words_held(h, kw->text, kw->len))
			continue;
		size_t sep = 2;
		if (h->len + sep + kw->len > limit || h->len + sep + kw->len >= cap)
			continue;
		memcpy(h->s + h->len, first ? "; " : ", ", sep);
		memcpy(h->s + h->len + sep, kw->text, kw->len);
		h->len += sep + kw->len;
		first = 0;
	}
}

/* Headlines quote with single marks (AP style): the wire's ``...'' (and a
 * stray '') become '...', a byte less a mark. After compression, which
 * reads the double marks to keep quoted words. */
static void single_quotes(hbuf *h)
{
	/* (bytes before the first '`' or "''" stay where they are) */
	const char *b = memchr(h->s, '`', h->len), *q = h->s;
	size_t from = b ? (size_t)(b - h->s) : h->len;
	while ((q = memchr(q, '\'', from - (size_t)(q - h->s))) != NULL &&
	       !((size_t)(q - h->s) + 1 < h->len && q[1] == '\''))
		q++;
	if (q)
		from = (size_t)(q - h->s);
	size_t o = from;
	for (size_t i = from; i < h->len; i++) {
		char c = h->s[i];
		if ((c == '`' || c == '\'') && i + 1 < h->len && h->s[i + 1] == c)
			i++;
		h->s[o++] = c == '`' ? '\'' : c;
	}
	h->len = o;
}

/* The source sentence, trimmed and compressed for a headline of limit
 * bytes, into h (which has room for the whole sentence). */
static int trim_source(precis_doc *d, const pr_sent *src, int title, hbuf *h,
                       size_t limit)
{
	int rc;
	memcpy(h->s, src->text, src->len);
	h->len = src->len;
	int fr = d->lang && same(d->lang->code, "fr");
	if (!title) {
		drop_wire_credit(h);
		drop_dateline(h);
		drop_lead_dash(h);
		if (fr)
			fr_drop_attribution(h);
		else
			drop_attribution(h);
		drop_parentheticals(h);
		trim(h);
		if (d->lang && same(d->lang->code, "zh")) {
			trim_cjk_lead(h);
			cjk_compress(h);
		}
		/* the word rules are English ("a" is a verb in French) */
		if (d->lang && same(d->lang->code, "en")) {
			drop_dash_asides(h);
			abbreviate_names(h);
			if ((rc = compress(d, &d->arena, h, limit)))
				return rc;
			single_quotes(h);
		}
		if (fr && (rc = compress_fr(&d->arena, h, limit)))
			return rc;
	}
	trim(h);
	trim_end(h, fr);
	return PRECIS_OK;
}

/* Does the headline hold the word p[0, n) (ASCII case-insensitive, as a
 * whole word)? */
static int holds_word(const hbuf *h, const char *p, size_t n)
{
	for (size_t i = 0; i + n <= h->len; i++) {
		if (n && !same_ci(h->s + i, p, 1)) /* most places, at the first byte */
			continue;
		if ((i > 0 && is_alnum(h->s[i - 1])) || (i + n < h->len && is_alnum(h->s[i + n])))
			continue;
		if (same_ci(h->s + i, p, n))
			return 1;
	}
	return 0;
}

/* Does the headline hold the word p[0, n), or its singular or plural by a
 * final "s" ("Stocks" and "Stock prices", "Republican" and "Republicans")? */
static int holds_word_or_plural(const hbuf *h, const char *p, size_t n)
{
	if (n < 4)
		return holds_word(h, p, n);
	/* one pass for the three: where the word starts, it may end at n,
	 * at n - 1 (its singular, when it ends in 's') or at n + 1 (its
	 * plural: an 's' after it; for a word of fewer than 64 bytes) */
	int singular = p[n - 1] == 's', plural = n + 1 <= 64;
	size_t shortest = singular ? n - 1 : n;
	unsigned char c0 = lower_ascii(p[0]);
	/* (for a letter, the byte with bit 0x20 set is c0 just where it is c0
	 * in either case: one operation for each byte instead of a fold) */
	unsigned char set = is_lower((char)c0) ? 0x20 : 0;
	for (size_t i = 0; i + shortest <= h->len; i++) {
		if (((unsigned char)h->s[i] | set) != c0 || (i > 0 && is_alnum(h->s[i - 1])))
			continue;
		size_t e = i + n; /* where the word itself would end */
		if (singular && (e - 1 == h->len || !is_alnum(h->s[e - 1])) &&
		    same_ci(h->s + i, p, n - 1))
			return 1;
		if (e > h->len || !same_ci(h->s + i, p, n))
			continue;
		if (e == h->len || !is_alnum(h->s[e]))
			return 1;
		if (plural && lower_ascii(h->s[e]) == 's' &&
		    (e + 1 == h->len || !is_alnum(h->s[e + 1])))
			return 1;
	}
	return 0;
}

/* Does the headline already name a word of the phrase? */
static int shares_word(const hbuf *h, const char *p, size_t n)
{
	for (size_t i = 0; i < n;) {
		while (i < n && !is_alnum(p[i]))
			i++;
		size_t j = i;
		while (j < n && is_alnum(p[j]))
			j++;
		if (j > i && holds_word_or_plural(h, p + i, j - i))
			return 1;
		i = j;
	}
	return 0;
}

static int ends_in(const char *w, size_t n, const char *suffix)
{
	/* (a suffix is a few bytes: no calls into the C library) */
	size_t k = 0;
	while (suffix[k])
		k++;
	if (n <= k)
		return 0;
	for (size_t j = 0; j < k; j++)
		if (w[n - k + j] != suffix[j])
			return 0;
	return 1;
}

/* A key phrase that can stand as a headline's topic label is a name or a
 * noun phrase: its last word is not a participle ("Gingrich announced",
 * "poll published", "dying") and, when it is a single lower-case word,
 * not an adverb or an adjective by its ending ("political", "famous"). */
static int reads_as_topic(const pr_keyword *kw)
{
	const char *p = kw->text;
	size_t n = kw->len, last = n;
	while (last > 0 && p[last - 1] != ' ')
		last--;
	const char *w = p + last;
	size_t wn = n - last;
	if (wn < 3 || !is_alnum(p[0]))
		return 0;
	/* "SANTA ROSA", a dateline's place in capitals (an acronym, "NATO",
	 * is one word) */
	if (last > 0) {
		int lower = 0;
		for (size_t i = 0; i < n; i++)
			lower |= is_lower(p[i]);
		if (!lower)
			return 0;
	}
	if (is_lower(w[0]) && (ends_in(w, wn, "ed") || ends_in(w, wn, "ing")))
		return 0;
	/* "Austrian", "Ethnic Albanian", "Kurdish": a people's adjective
	 * ("Palestinians" is a noun) */
	if (is_upper(w[0]) && (ends_in(w, wn, "ian") || ends_in(w, wn, "ean") ||
	                       ends_in(w, wn, "ese") || ends_in(w, wn, "ish")))
		return 0;
	if (last > 0 || is_upper(p[0]))
		return 1;
	static const char *const adjectival[] = {
		"ly", "al", "ous", "ive", "ful", "ic", "ible", "able", "less", "est", NULL
	};
	for (const char *const *e = adjectival; *e; e++)
		if (ends_in(w, wn, *e))
			return 0;
	return wn >= 4;
}

/* The first token of the first KICKER_SCAN sentences that is the word
 * w[0, n) (ASCII case-insensitive), and in *sent the index of its
 * sentence; NULL if none is. */
static const pr_token *first_token_at(const precis_doc *d, const char *w, size_t n,
                                      size_t *sent)
{
	if (!d->toks)
		return NULL;
	/* the length, then the first byte, rule out almost every token */
	unsigned char c0 = n ? lower_ascii(w[0]) : 0;
	for (size_t i = 0; i < d->nsents && i < KICKER_SCAN; i++) {
		const pr_sent *s = &d->sents[i];
		const pr_token *tk = d->toks + s->tok, *end = tk + s->ntok;
		for (; tk < end; tk++)
			if (tk->end - tk->start == n &&
			    (n == 0 || (lower_ascii(s->text[tk->start]) == c0 &&
			                same_ci(s->text + tk->start + 1, w + 1, n - 1)))) {
				*sent = i;
				return tk;
			}
	}
	return NULL;
}

static const pr_token *first_token(const precis_doc *d, const char *w, size_t n)
{
	size_t sent;
	return first_token_at(d, w, n, &sent);
}

/* The document frequency of tk's term; 0 for no token or a stop word. */
static uint32_t token_df(const precis_doc *d, const pr_token *tk)
{
	return !tk || tk->term == PR_NO_TERM ? 0 : d->terms[tk->term].df;
}

/* In how many sentences the text names the word w[0, n) (ASCII
 * case-insensitive): the document frequency of the stem of its first
 * token; 0 if there is none, or if it is a stop word. */
static uint32_t word_df(const precis_doc *d, const char *w, size_t n)
{
	return token_df(d, first_token(d, w, n));
}

/* Does the text ever use the word whose first token is first as the last
 * word of its phrase: followed by punctuation, a stop word, a number or
 * nothing? A common
 * word the text only ever puts before another ("foreign investment",
 * "foreign currency", "trade deficit") is an adjective or a noun standing
 * as one: it qualifies the topic, it is not the topic. */
static int heads_a_phrase(const precis_doc *d, const pr_token *first)
{
	uint32_t from = (uint32_t)(first - d->toks);
	for (size_t i = 0; i < d->nsents && i < KICKER_SCAN; i++) {
		const pr_sent *s = &d->sents[i];
		if (s->tok + s->ntok <= from)
			continue;
		for (uint32_t t = from > s->tok ? from : s->tok; t < s->tok + s->ntok; t++) {
			if (d->toks[t].word != first->word)
				continue;
			if (t + 1 == s->tok + s->ntok)
				return 1;
			uint8_t f = d->toks[t + 1].flags;
			if ((f & (PR_TOK_BREAK | PR_TOK_STOP | PR_TOK_NUM)) && !(f & PR_TOK_JOINED))
				return 1;
		}
	}
	return 0;
}

/* Does the headline name a word of the stem of the word w[0, n), whose
 * first token is tw, as the text's tokens stem it ("impeach" for
 * "Impeachment")? (A word of
 * another stem that begins otherwise is not looked up.) */
static int holds_stem(const precis_doc *d, const hbuf *h, const char *w, size_t n,
                      const pr_token *tw)
{
	if (tw->term == PR_NO_TERM || n < 3)
		return 0;
	for (size_t i = 0; i < h->len;) {
		while (i < h->len && !is_alnum(h->s[i]))
			i++;
		size_t j = i;
		while (j < h->len && is_alnum(h->s[j]))
			j++;
		if (j - i >= 3 && same_ci(h->s + i, w, 3)) {
			const pr_token *t = first_token(d, h->s + i, j - i);
			if (t && t->term == tw->term)
				return 1;
		}
		i = j;
	}
	return 0;
}

/* Can key phrase k label this headline: short, read as a topic, not a
 * time word, and not named by the headline already? For a lone word that
 * got past the first tests, *first is its first token (first_token), to
 * be read only when the answer is yes; else NULL. */
static int kicker_fits(const precis_doc *d, const hbuf *h, size_t k, const pr_token **first)
{
	const pr_keyword *kw = &d->keywords[k];
	*first = NULL;
	if (kw->len > KICKER_MAX_BYTES || !reads_as_topic(kw) ||
	    shares_word(h, kw->text, kw->len))
		return 0;
	/* ("United States:" over a sentence that says "U.S.") */
	const char *abbr = initials_of(kw->text, kw->len);
	if (abbr && holds_word(h, abbr, strlen(abbr) - 1))
		return 0;
	char b[32];
	size_t n = kw->len < sizeof b - 1 ? kw->len : sizeof b - 1;
	for (size_t i = 0; i < n; i++)
		b[i] = (char)lower_ascii(kw->text[i]);
	b[n] = '\0';
	if (is_time_word(b) || in_sorted(b, time_nouns))
		return 0;
	if (memchr(kw->text, ' ', kw->len))
		return 1;
	/* a lone word: it heads a phrase somewhere (a name stands for its
	 * topic even as a modifier: "NATO attack"), and its stem is not the
	 * sentence's already */
	const pr_token *tw = *first = first_token(d, kw->text, kw->len);
	if (!tw)
		return 1;
	if (is_lower(kw->text[0]) && !heads_a_phrase(d, tw))
		return 0;
	return !holds_stem(d, h, kw->text, kw->len, tw);
}

/* A topic label for the headline (the kicker of a news page, "Hurricane
 * Mitch: Aid workers struggled to reach survivors"): the best of the
 * document's first KICKER_CANDIDATES key phrases that reads as a topic and
 * of which the compressed sentence names no word; else the best of the
 * first KICKER_FALLBACK that does so, a single word that the text names
 * again and again, in KICKER_MIN_COUNT sentences ("Abortion:" over a lead
 * that says "Remembrance Day"). -1 if none; *first is kicker_fits()'s for
 * the one picked. */
static long pick_kicker(const precis_doc *d, const hbuf *h, const pr_token **first)
{
	/* (a phrase the first round found does not fit is not asked about
	 * again) */
	unsigned char asked[KICKER_CANDIDATES] = { 0 };
	const pr_token *tw = NULL;
	for (size_t k = 0; k < d->nkeywords && k < KICKER_CANDIDATES; k++) {
		const pr_keyword *kw = &d->keywords[k];
		/* the runner-up only as a name or a phrase: "Villages:" is not
		 * what the story is about when the sentence names the top one */
		if (k > 0 && !memchr(kw->text, ' ', kw->len) && !is_upper(kw->text[0]))
			continue;
		if (kicker_fits(d, h, k, &tw)) {
			*first = tw;
			return (long)k;
		}
		asked[k] = 1;
	}
	for (size_t k = 0; k < d->nkeywords && k < KICKER_FALLBACK; k++) {
		const pr_keyword *kw = &d->keywords[k];
		if (k < KICKER_CANDIDATES && asked[k])
			continue;
		/* (word_df() of the lone word is its first token's df) */
		if (!memchr(kw->text, ' ', kw->len) && kicker_fits(d, h, k, &tw) &&
		    token_df(d, tw) >= KICKER_MIN_COUNT) {
			*first = tw;
			return (long)k;
		}
	}
	return -1;
}

/* What the words of s[0, n) tell of the story, as a product: each word (a
 * token as the tokenizer finds it: letters and digits, with an apostrophe
 * or full stop inside) weighs log(1 + the number of sentences naming its
 * stem), so that a word the text keeps coming back to weighs more than a
 * detail named once, with diminishing returns, and a stop word nothing;
 * the sum of the logs is compared as the log of this product. The
 * product stops once it passes cap: the caller asks only whether it does.
 * whole, if not NULL, is s[0, n)'s first token, should it be one word. */
static double story_weight(const precis_doc *d, const char *s, size_t n, double cap,
                           const pr_token *whole)
{
	double w = 1;
	size_t i = 0;
	const pr_token *at = NULL; /* the previous word's token, if any */
	size_t at_sent = 0;        /* and its sentence */
	while (i < n && w <= cap) {
		while (i < n && !is_alnum(s[i]))
			i++;
		size_t b = i;
		while (i < n && (is_alnum(s[i]) || ((s[i] == '\'' || s[i] == '.') && i + 1 < n &&
		                                     i > b && is_alnum(s[i + 1]))))
			i++;
		if (i == b)
			continue;
		/* the word's df is its first token's; but any token that is
		 * the word has that token's term (the tokenizer folds an
		 * ASCII word, as these are, by making its capitals small,
		 * and stems each folded word once), so the token after the
		 * previous word's, when it is this word, serves: the words
		 * of a key phrase or of a sentence follow each other in the
		 * text, and only the first is looked for */
		const pr_sent *ps = at ? &d->sents[at_sent] : NULL;
		if (whole && b == 0 && i == n)
			at = whole; /* (no word follows) */
		else if (at && at + 1 < d->toks + ps->tok + ps->ntok && at[1].end - at[1].start == i - b &&
		    same_ci(ps->text + at[1].start, s + b, i - b))
			at++;
		else
			at = first_token_at(d, s + b, i - b, &at_sent);
		w *= 1.0 + token_df(d, at);
	}
	return w;
}

/* In how many places the text names the word w[0, n) as a surname on its
 * own, not right after the given name g[0, gn) ("Livingston said"); 0 if
 * it names it fewer times so than after the given name, or ever writes it
 * in small letters ("House" of "White House": "the house"). */
static uint32_t surname_alone(const precis_doc *d, const char *w, size_t n, const char *g,
                              size_t gn)
{
	uint32_t alone = 0, after = 0;
	unsigned char c0 = lower_ascii(w[0]); /* (n is 3 or more) */
	size_t from;
	const pr_token *first = first_token_at(d, w, n, &from);
	if (!first)
		return 0;
	/* the tokens from the first on: of an ASCII word, all have the first
	 * one's word id (the tokenizer folds it by making its capitals
	 * small), which rules out the others at one comparison; a token of
	 * the same id written otherwise (a form that folds to it) is told
	 * apart by its bytes. (mask 0 compares no id.) */
	uint32_t mask = UINT32_MAX;
	for (size_t k = 0; k < n; k++)
		if ((unsigned char)w[k] >= 0x80)
			mask = 0;
	for (size_t i = from; i < d->nsents && i < KICKER_SCAN; i++) {
		const pr_sent *s = &d->sents[i];
		for (uint32_t t = i == from ? (uint32_t)(first - d->toks) : s->tok;
		     t < s->tok + s->ntok; t++) {
			const pr_token *tk = &d->toks[t];
			if (((tk->word ^ first->word) & mask) || tk->end - tk->start != n ||
			    lower_ascii(s->text[tk->start]) != c0 || !same_ci(s->text + tk->start, w, n))
				continue;
			if (!(tk->flags & PR_TOK_UPPER))
				return 0;
			const pr_token *pv = tk - 1;
			if (t > s->tok && !(tk->flags & PR_TOK_BREAK) && pv->end - pv->start == gn &&
			    same_ci(s->text + pv->start, g, gn))
				after++;
			else
				alone++;
		}
	}
	return alone > after ? alone : 0;
}

/* The label's text and length: a name labels the headline by its last
 * word, as headlines name people by surname ("Livingston:", not "Robert
 * Livingston:"; "Inuit:", not "Canada's Inuit:"), when the text names
 * that word on its own TITLE_MIN_COUNT times or more, and more often than
 * after the word before it. A name here is words that open with capitals,
 * the last in small letters after its capital ("San Francisco ATMs" is
 * none). ("Hun Sen" stays whole: the text never says "Sen" alone.) */
static const char *label_text(const precis_doc *d, const pr_keyword *kw, size_t *len)
{
	const char *p = kw->text;
	size_t n = kw->len, last = n;
	*len = n;
	while (last > 0 && p[last - 1] != ' ')
		last--;
	if (last == 0 || n - last < 3 || !is_lower(p[last + 1]))
		return p;
	size_t given = 0; /* where the word before the surname starts */
	for (size_t i = 0; i < last; i++) {
		if (i > 0 && p[i - 1] != ' ')
			continue;
		if (!is_upper(p[i]))
			return p;
		given = i;
	}
	if (surname_alone(d, p + last, n - last, p + given, last - 1 - given) < TITLE_MIN_COUNT)
		return p;
	*len = n - last;
	return p + last;
}

/* Is the label kw worth its room? It pushes the last words of the
 * sentence, as cut to the limit, past the cut: an editor puts the topic
 * in front only if it says more of the story than the words it costs
 * ("Foreign: Economic crisis would not bring end to government's program"
 * loses "of privatizing", which the story keeps naming, for a word it
 * does not). h is the compressed sentence, which the cut to the limit
 * would leave all bytes long; it comes back whole, and *cut is the
 * length the cut for the label leaves it. */
static int label_pays(const precis_doc *d, hbuf *h, size_t all, size_t limit,
                      const char *kt, size_t kn, const pr_token *kw1, int fr, size_t *cut)
{
	size_t whole = h->len;
	fit(h, limit - kn - 2, fr);
	size_t kept = *cut = h->len;
	h->len = whole;
	double w = story_weight(d, kt, kn, 1e300, kw1);
	return w >= story_weight(d, h->s + kept, all - kept, w, NULL);
}

int pr_headline(precis_doc *d)
{
	d->headline = "";
	d->headline_len = 0;
	if (d->nsents == 0)
		return PRECIS_OK;
	int title, rc;
	const pr_sent *src = &d->sents[pick_source(d, &title)];
	hbuf h;
	size_t cap = src->len + d->opts.headline_bytes + 8;
	h.s = pr_alloc(&d->arena, cap);
	if (!h.s)
		return PRECIS_ENOMEM;
	size_t limit = d->opts.headline_bytes;
	if ((rc = trim_source(d, src, title, &h, limit)))
		return rc;
	int fr = d->lang && same(d->lang->code, "fr");
	int en = d->lang && same(d->lang->code, "en");
	int topics = (d->opts.flags & PRECIS_FLAG_HEADLINE_TOPICS) != 0;
	int room = !title && limit >= 40 && d->nsents >= FILL_MIN_SENTENCES;
	/* an English headline opens with the story's topic when the sentence
	 * does not name it; the sentence is cut for the room the label
	 * leaves (compressing it again for that room moves the dev figures
	 * by 0.05 and costs half as much again as the headline did) */
	long kick = -1;
	const char *kt = NULL;
	size_t kn = 0;
	const pr_token *kw1 = NULL; /* the label's first token, if a lone word */
	int label = (d->opts.flags & PRECIS_FLAG_HEADLINE_NO_LABEL) == 0;
	/* (fit() only shortens h, reading nothing else: a cut it has made
	 * once is not made again, cut_at is its length, 0 while unknown) */
	size_t cut_at = 0;
	if (en && room && !topics && label) {
		/* (what the cut would leave of it: a word past the limit is
		 * not on show; the cut only shortens h, so h.len comes back) */
		size_t whole = h.len;
		fit(&h, limit, fr);
		cut_at = h.len;
		kick = pick_kicker(d, &h, &kw1);
		h.len = whole;
		if (kick >= 0) {
			size_t cut;
			kt = label_text(d, &d->keywords[kick], &kn);
			if (label_pays(d, &h, cut_at, limit, kt, kn, kw1, fr, &cut))
				h.len = cut; /* fit(&h, limit - kn - 2, fr) */
			else
				kick = -1;
		}
	}
	if (kick >= 0) {
		if (h.len > 0) {
			memmove(h.s + kn + 2, h.s, h.len);
			memcpy(h.s, kt, kn);
			memcpy(h.s + kn, ": ", 2);
			h.len += kn + 2;
			if (is_lower(h.s[0]))
				h.s[0] = (char)(h.s[0] - 'a' + 'A');
		}
	}
	/* a compressed sentence leaves a quarter of the room to key phrases (in
	 * a text long enough to have them), if it can be cut between words */
	int fill = topics && room;
	if (fill) {
		size_t r = limit - limit / KEYPHRASE_SHARE;
		if (memchr(h.s, ' ', h.len < r ? h.len : r))
			fit(&h, r, fr);
	}
	if (kick < 0 && cut_at)
		h.len = cut_at; /* fit(&h, limit, fr), made above */
	else
		fit(&h, limit, fr);
	close_quotation(&h, limit, fr);
	if (fill)
		fill_with_keyphrases(d, &h, limit, cap);
	if (d->opts.headline_chars) {
		size_t whole = h.len;
		fit_chars(&h, d->opts.headline_chars);
		if (h.len < whole)
			close_quotation(&h, h.len, fr);
	}
	h.s[h.len] = '\0';
	d->headline = h.s;
	d->headline_len = h.len;
	return PRECIS_OK;
}
