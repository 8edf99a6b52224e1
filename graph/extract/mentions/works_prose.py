"""Work titles in news and review prose, and the work "the film" means there.

Synopses name their work in the front matter; news names films, plays and shows in
running text, where a reader knows a title by how it is written:

- in quotes: "The Manchurian Candidate", 'Days of Thunder' (a comma or full stop
  the American style puts inside the quotes is left out);
- after a noun for a kind of work: "the boxing drama Million Dollar Baby", "wine
  comedy Sideways", "the sitcom Friends", "biopic Ray", "the play Festen";
- with a year in brackets: "Ray (2004)";
- named: "is called X", "titled X", "entitled X";
- after an owner's possessive with "The" ("Ann Marsh's The Long Night"), a role or a
  star's verb ("her role in X", "starred in X", "a character from X"), a kind of
  work and a comma ("his next film, X"), a noun that only a work has ("the premiere
  of X", "a sequel to X", "the author of X"), a job done on it ("a writer on X");
- in apposition with an owner's kind of work: "Vera Drake - Leigh's 1950s drama",
  "Vera Drake, Ann Marsh's tale about".

Awards, countries, channels, weekdays and months are never titles ("best film",
"the Oscars", "the US series"). NER's WORK_OF_ART is evidence only: it is not
needed, and a title the cues find stands whatever NER calls it.

``work_mentions(ctx)`` lists every place a known work is named (these titles, the
article's names that are known works, italics); ``work_named_before(ctx, i)`` is the
work "the film", "the show" or "it" means at token i: the last one named.
"""

import bisect
import re

from graph.extract.mentions.works_index import WORK_NOUNS, norm_title
from graph.extract.mentions.works_made import made_titles
from graph.extract.mentions.works_text import (
    APOSTROPHE_S,
    MAX_TITLE_WORDS,
    TITLE_JOINERS,
    capitalised_run,
    is_markup,
)

# Nouns for kinds of work that a title may follow directly: "the biopic Ray".
GENRE_NOUNS = WORK_NOUNS | frozenset({
    "biopic", "epic", "musical", "play", "novel", "book", "opera", "pic", "hit", "blockbuster",
    "cartoon", "feature", "romcom", "western", "satire", "mockumentary", "remake", "horror",
    "tale", "version", "programmes", "programs", "films", "movies", "shows", "plays",
    "novels", "books", "musicals", "dramas", "comedies", "thrillers", "biopics", "pics",
    "hits", "series", "sitcoms", "soaps", "serials", "memoir", "sketch", "cartoons",
    "contest", "competition", "quiz", "mystery", "whodunnit", "dramedy",
})
# Names that stand after a kind noun or in quotes but are no work's title.
NOT_TITLES = frozenset({
    "oscar", "oscars", "bafta", "baftas", "emmy", "emmys", "golden globe", "golden globes",
    "academy award", "academy awards", "grammy", "grammys", "tony", "tonys", "us", "uk",
    "usa", "u.s.", "u.k.", "britain", "america", "england", "france", "europe", "hollywood",
    "bbc", "hbo", "itv", "netflix", "channel 4", "fox", "sky", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "christmas", "i", "mr", "mrs", "ms", "dr",
})
# Words before "in X" that make X a work: "her role in X", "starred in X".
PERFORMED_IN = frozenset({"role", "roles", "part", "performance", "cameo", "appearance",
                          "character", "characters",
                          "starring", "starred", "stars", "star", "appeared", "appears",
                          "appear", "featured", "turn", "debut"})
# Nouns before "of X" or "to X" that make X a work: "the premiere of X", "a sequel to X".
WORK_OF = frozenset({"premiere", "adaptation", "version", "remake", "sequel", "prequel",
                     "author", "director", "creator", "writer", "screenwriter", "star",
                     "stars", "producer", "producers", "spin-off", "spinoff", "reboot",
                     # "the last season of X", "an episode of X", "the cast of X"
                     "season", "seasons", "episode", "episodes", "finale", "cast",
                     "showrunner", "co-creator", "creators", "writers"})
# Jobs whose "on X" names the work done: "a writer on X", "a producer on X".
CREDITED_ON = frozenset({"writer", "writers", "producer", "producers", "director", "directors",
                         "showrunner", "editor", "consultant"})
# Words after which a capitalised run is the name given to a work.
NAMING_WORDS = frozenset({"called", "titled", "entitled", "dubbed"})
QUOTED = re.compile(r"(?<![\w'’])([\"“‘']|'')([A-Z0-9][^\"“”‘’\n]{0,70}?)([,.]?)([\"”’']|'')"
                    r"(?![\w])")


def _is_title_text(text):
    """Return True when ``text`` reads as a title: a short run of capitalised words,
    small joining words and numbers, and no award, country or calendar word."""
    words = text.replace(":", " ").split()
    if not words or len(words) > MAX_TITLE_WORDS or norm_title(text) in NOT_TITLES:
        return False
    if not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_JOINERS
               or not w[:1].isalnum() for w in words) and words[-1].lower() not in TITLE_JOINERS


def _after_kind_noun(ctx):
    """Yield (start, end) tokens of titles written right after a kind-of-work noun."""
    tokens = ctx.tokens
    n = len(tokens)
    for i, low in enumerate(tokens.lower):
        if low not in GENRE_NOUNS or not tokens.is_lower[i] or i + 1 >= n:
            continue
        if tokens.pos[i] not in ("NOUN", "PROPN") and not (
                tokens.pos[i] == "ADJ" and i > 0 and tokens.pos[i - 1] == "DET"):
            continue  # "to play Vera": a verb; but "the musical X" is tagged an adjective
        j = i + 1
        while j < n and is_markup(ctx.doc[j]):
            j += 1
        end = capitalised_run(tokens, j)
        if end == j:
            continue
        # "a film Tom Hanks starred in.": a person acting, not a title.
        if end + 2 < n and tokens.pos[end] in ("VERB", "AUX") \
                and tokens.ent_type[j] == "PERSON" and tokens.pos[end + 1] == "ADP" \
                and tokens.is_punct[end + 2]:
            continue
        if tokens.tag[i] != "NNS":
            yield j, end
            continue
        # "the thrillers Iron Tide and Corkscrew": one title per item.
        start = j
        for k in range(j, end + 1):
            if k == end or tokens.lower[k] in ("and", ","):
                if k > start:
                    yield start, k
                start = k + 1


def _after_cue_words(ctx):
    """Yield (start, end) of titles after a possessive ("Ann Marsh's The Long Night"),
    after a role or a star's verb ("her role in X", "starred in X") and after a kind
    of work set off by a comma ("his next film, X")."""
    tokens = ctx.tokens
    n = len(tokens)
    for i, low in enumerate(tokens.lower):
        if i + 2 >= n:
            break
        if _cue_before(tokens, i, low):
            start = i + 1
            end = capitalised_run(tokens, start)
            # "the film, Ann Marsh said": after a comma, only a title set off whole.
            if end > start and (low != "," or end >= n or tokens.is_punct[end]):
                yield start, end


def _cue_before(tokens, i, low):
    """Return True when token i (lower-case ``low``) is a cue that a title follows."""
    if tokens.text[i] in APOSTROPHE_S:
        return tokens.text[i + 1] == "The" and tokens.text[i + 2][:1].isupper()
    if i == 0:
        return False
    before = tokens.lower[i - 1]
    if low == "in":
        return before in PERFORMED_IN
    if low == "from":  # "a character from Harbour Lights"
        return before in ("character", "characters")
    if low in ("of", "to"):
        return before in WORK_OF
    if low == "on":  # "a writer and executive producer on Succession"
        return before in CREDITED_ON
    return low == "," and i > 1 and before in GENRE_NOUNS and tokens.pos[i - 1] == "NOUN" \
        and (tokens.pos[i - 2] in ("DET", "ADJ") or tokens.dep[i - 2] == "poss")


def _named(ctx):
    """Yield (start, end) of titles after "called", "titled", "entitled" and of
    titles before a year in brackets ("Ray (2004)")."""
    tokens = ctx.tokens
    n = len(tokens)
    for i, low in enumerate(tokens.lower):
        if low in NAMING_WORDS and i + 1 < n:
            end = capitalised_run(tokens, i + 1)
            if end > i + 1:
                yield i + 1, end
        elif low == "(" and i + 2 < n and tokens.text[i + 2] == ")" \
                and re.fullmatch(r"(19|20)\d\d", tokens.text[i + 1]) and i > 0:
            start = i
            while start > 0 and (tokens.text[start - 1][:1].isupper()
                                 or tokens.lower[start - 1] in TITLE_JOINERS and start > 1
                                 and tokens.text[start - 2][:1].isupper()) \
                    and not tokens.is_sent_start[start] and i - start < MAX_TITLE_WORDS:
                start -= 1
            while start < i and tokens.lower[start] in TITLE_JOINERS - {"the", "a", "an"}:
                start += 1
            if start < i:
                yield start, i


def _owned_apposition(ctx):
    """Yield (start, end) of the title before ", X's (words) drama" or " - X's tale"."""
    tokens = ctx.tokens
    n = len(tokens)
    for i, word in enumerate(tokens.text):
        if word not in APOSTROPHE_S or i < 3:
            continue
        genre = next((k for k in range(i + 1, min(i + 6, n))
                      if tokens.lower[k] in GENRE_NOUNS or tokens.text[k] in "(,;:"), None)
        if genre is None or tokens.lower[genre] not in GENRE_NOUNS:
            continue  # "X, Nora's husband (series 1–2)": an aside ends the owned phrase
        k = i - 1
        while k > 0 and tokens.text[k][:1].isupper() and i - k < 4:
            k -= 1
        if tokens.text[k] not in (",", "-", "–", "—"):
            continue
        start = k
        while start > 0 and (tokens.text[start - 1][:1].isupper()
                             or tokens.lower[start - 1] in TITLE_JOINERS) \
                and k - start < MAX_TITLE_WORDS and not tokens.is_sent_start[start]:
            start -= 1
        if tokens.is_sent_start[start - 1] if start > 0 else False:
            start -= 1
        while start < k and not tokens.text[start][:1].isupper():
            start += 1
        if start < k:
            yield start, k


def _quoted(ctx):
    """Yield (start, end) tokens of title-case text in quotes."""
    doc = ctx.doc
    for match in QUOTED.finditer(doc.text):
        opening, closing = match.group(1), match.group(4)
        if (opening in ("'", "‘")) != (closing in ("'", "’")):
            continue
        span = doc.char_span(match.start(2), match.end(2))
        if span is not None:
            yield span.start, span.end


def prose_titles(ctx):
    """Return the sorted list of (start, end, text) titles the prose cues find, built
    once per document."""
    found = ctx.memo.get("prose_titles")
    if found is not None:
        return found
    tokens = ctx.tokens
    spans = set()
    cues = (_after_kind_noun, _after_cue_words, _named, _owned_apposition, _quoted,
            made_titles)
    for whole in (span for cue in cues for span in cue(ctx)):
        for start, end in _split_at_and(ctx, *whole):
            text = " ".join(tokens.span_text(start, end).split()).rstrip(",.")
            if _is_title_text(text):
                spans.add((start, end, text))
    found = ctx.memo["prose_titles"] = sorted(spans)
    return found


def _split_at_and(ctx, start, end):
    """Return [(start, end)] of the titles in a run: two, split at its "and", when the
    article writes the part after it on its own elsewhere ("the star of Homicide and
    Salt Road" where "Salt Road" recurs alone), else the run whole ("Pride and
    Prejudice", "Angels and Demons" named twice)."""
    tokens = ctx.tokens
    for k in range(start + 1, end - 1):
        if tokens.lower[k] != "and":
            continue
        right = tokens.span_text(k + 1, end).strip()
        whole = tokens.span_text(start, end).strip()
        text = tokens.doc_text
        # "Angels and Demons" twice is one title named twice, not "Demons" alone.
        if text.count(right) > text.count(whole) and len(right.split()) <= MAX_TITLE_WORDS:
            return [(start, k), (k + 1, end)]
    return [(start, end)]


def work_mentions(ctx, known, title_of_name):
    """Return the sorted list of (start, end, text) places a known work is named: the
    prose titles, and the article's names whose title is a known work."""
    found = ctx.memo.get("work_mentions")
    if found is not None:
        return found
    spans = {(s, e, t) for s, e, t in prose_titles(ctx)}
    for name in ctx.names:
        title = title_of_name(ctx, name)
        if title and norm_title(title.text) in known:
            spans.add((title.start, title.end, title.text))
    found = ctx.memo["work_mentions"] = sorted(spans)
    return found


def mention_covering(mentions, i):
    """Return the (start, end, text) mention that covers token i, or None."""
    at = bisect.bisect_right(mentions, (i, float("inf"), "")) - 1
    while at >= 0 and mentions[at][0] <= i:
        if mentions[at][1] > i:
            return mentions[at]
        at -= 1
    return None


def work_named_before(mentions, i):
    """Return the text of the last work named before token i, or None."""
    at = bisect.bisect_left(mentions, (i, 0, "")) - 1
    while at >= 0:
        start, end, text = mentions[at]
        if end <= i:
            return text
        at -= 1
    return None
