"""Proper-name spans: the runs of capitalised tokens that rules relate to each other.

spaCy's small model often mislabels names in entertainment writing, so rules work
on name spans found from part-of-speech and capitalisation instead. A name may hold
a quoted nickname (Eddard "Ned" Stark, Sandor "The Hound" Clegane), lower-case
particles between capitalised words (Hugh of the Vale, Carice van Houten),
hyphens and apostrophes (Coster-Waldau, O'Brien, K'un-Lun) and initials
(J. K. Simmons); a capitalised word hyphened to lower-case ones describes the
name and is no part of it ("Oscar-winner Ann Marsh", "Bafta-nominated").

Capitals do not always mean a name, so each document is read once for evidence
about its words (``_Evidence``): a word seen in lower case elsewhere ("newcomer",
"will") is a common word when a sentence start capitalises it; a word seen
capitalised mid-sentence is a name word wherever it stands; in a title-case
headline ("Krysten Ritter Returns As The Hard-Drinking Hero") capitals say
nothing, so only proper-noun tags and that evidence count there.

>>> from graph.extract.reading.nlp import load_pipeline
>>> doc = load_pipeline()("Newcomer Lena Ferris plays Ada, and J. K. Simmons returns.")
>>> [span.text for span in find_names(doc)]
['Lena Ferris', 'Ada', 'J. K. Simmons']
"""

from dataclasses import dataclass
from functools import lru_cache

from graph.extract.reading.nlp import load_pipeline
from graph.extract.reading.tokens import Tokens

PARTICLES = frozenset({"of", "the", "de", "da", "del", "di", "dos", "los", "las", "van", "von",
                       "der", "ten", "le", "la", "du", "al", "bin", "mo", "zo"})
OPEN_QUOTES = frozenset({'"', "“", "'", "‘"})
CLOSE_QUOTES = frozenset({'"', "”", "'", "’"})
# Capitalised words that start sentences or headlines but are not names.
NOT_NAMES = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "he", "her", "his", "i", "if",
    "in", "it", "its", "meanwhile", "new", "now", "of", "on", "or", "our", "she", "so", "that",
    "the", "their", "then", "there", "these", "they", "this", "those", "to", "we", "when",
    "while", "with", "you", "after", "before", "later", "unlike", "also", "however", "season",
    "series", "episode", "check", "photo", "image", "credit", "read", "watch", "here",
    "is", "are", "was", "were", "be", "has", "have", "had", "not", "no",
    "some", "all", "both", "each", "every", "many", "most", "one", "two", "three",
})
# Words that end a name whatever their tag: "Jessica Jones Season Two" is a work and a season.
STOP_WORDS = frozenset({"season", "series", "episode", "episodes", "seasons", "finale", "premiere"})
# Role nouns that news writing puts before a name ("Newcomer Lena Ferris", "Actor Sean
# Bean"): capitalised by a sentence start, they are not part of the name.
DESCRIPTORS = frozenset({
    "newcomer", "newcomers", "actor", "actors", "actress", "actresses", "star", "stars",
    "co-star", "costar", "veteran", "fellow", "former", "producer", "director", "showrunner",
    "creator", "co-creator", "writer", "guest", "villain", "rookie", "comedian", "singer",
    "rapper", "narrator", "host", "legend", "alum", "alumna", "alumnus", "fans", "critics",
    "viewers", "character", "characters", "franchise", "executive", "author", "novelist",
    "filmmaker", "performer", "breakout", "cast", "castmate", "co-lead", "lead",
})
# Words before a capitalised common noun of kind: "fellow Wildling Orell".
KIND_WORDS = frozenset({"fellow", "fellows"})
# Titles stay part of a name even where the text also uses them as common nouns.
HONORIFICS = frozenset({
    "captain", "dr", "dr.", "doctor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir",
    "dame", "lady", "lord", "ser", "king", "queen", "prince", "princess", "detective",
    "officer", "agent", "professor", "general", "colonel", "sergeant", "maester", "uncle",
    "aunt", "father", "mother", "sister", "brother", "grand", "commander", "khal", "septa",
    "septon", "councillor", "councilor", "judge", "senator", "president",
})
# Words a headline capitalises only because of its style.
SMALL_WORDS = frozenset({
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by",
    "with", "as", "vs", "vs.", "from", "into", "is", "are", "was", "be", "it", "its",
})
# A capital after these is expected, whatever the word.
FORCING = frozenset({".", "!", "?", ":", '"', "“", "‘", "—", "–", "…", "...", "|", "•"})
# A capitalised word with one of these tags in a headline shows its style is title case.
TITLE_CASE_CLUES = frozenset({"VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PRON", "PART"})
COMMON_TAGS = frozenset({"NOUN", "ADJ", "ADV"})
OPEN_CLASS = frozenset({"NOUN", "VERB", "ADJ", "X"})
MAX_LINE_WORDS = 25


@dataclass(frozen=True)
class NameSpan:
    """A proper name in a document: token range, character range, clean text."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    nickname: str | None
    labels: frozenset

    @property
    def size(self):
        """Return the number of words in the name, nickname left out."""
        return len(self.text.split())


@lru_cache(maxsize=1)
def common_words():
    """Return the lower-case common English words the lemmatizer's tables know
    (WordNet's nouns, verbs, adjectives and adverbs); empty if the tables are missing."""
    try:
        table = load_pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError):
        return frozenset()
    return frozenset(word for key in table for word in table[key])


@dataclass
class _Evidence:
    """What one document says about its words, gathered in one pass."""

    lower: set
    capital: set
    indefinite: set
    forced: list
    title: list


def _is_title_line(tokens, start, end):
    """Return True for a title-case headline in tokens [start, end): every content
    word capitalised, and a capitalised function word or verb to show the style."""
    text, lower, pos = tokens.text, tokens.lower, tokens.pos
    words = [i for i in range(start, end) if text[i][:1].isalpha()]
    if not 3 <= len(words) <= MAX_LINE_WORDS:
        return False
    if any(not text[i][:1].isupper() for i in words if lower[i] not in SMALL_WORDS):
        return False
    clues = 0
    for i in words[1:]:
        if not text[i][:1].isupper() or lower[i] in {"the", "a", "an"}:
            continue
        if lower[i] in SMALL_WORDS or pos[i] in TITLE_CASE_CLUES:
            return True
        clues += pos[i] in COMMON_TAGS
    return clues >= 2


def _title_lines(tokens):
    """Return one flag per token: True inside a title-case headline line."""
    n = len(tokens)
    flags = [False] * n
    start = 0
    for i in range(n + 1):
        if i == n or (tokens.is_space[i] and "\n" in tokens.text[i]):
            if i > start and _is_title_line(tokens, start, i):
                flags[start:i] = [True] * (i - start)
            start = i + 1
    return flags


def _evidence(tokens):
    """Return the _Evidence of a document."""
    n = len(tokens)
    text, low = tokens.text, tokens.lower
    title = _title_lines(tokens)
    forced = [False] * n
    lower, capital, indefinite = set(), set(), set()
    for i in range(n):
        forced[i] = (i == 0 or tokens.is_sent_start[i] or text[i - 1] in FORCING
                     or (tokens.is_space[i - 1] and "\n" in text[i - 1]))
        first = text[i][:1]
        if first.islower():
            lower.add(low[i])
        elif first.isupper():
            if not forced[i] and not title[i]:
                capital.add(low[i])
            if (i > 0 and low[i - 1] in ("a", "an")
                    and (i + 1 == n or not text[i + 1][:1].isupper())):
                indefinite.add(low[i])
    return _Evidence(lower, capital, indefinite, forced, title)


def _name_word(tokens, i, evidence):
    """Return True when token ``i`` can be a word of a name."""
    if not tokens.text[i][:1].isupper() or tokens.is_punct[i] \
            or tokens.ent_type[i] == "STORYTIME":
        return False
    low = tokens.lower[i]
    if low in STOP_WORDS:
        return False
    pos = tokens.pos[i]
    if evidence.title[i]:
        return pos == "PROPN" and low not in NOT_NAMES and (
            low in evidence.capital
            or (low not in evidence.lower and low not in common_words())
        )
    if evidence.forced[i]:
        if low in NOT_NAMES or low in DESCRIPTORS:
            return False
        if low in evidence.capital:
            return True
        if low in evidence.lower:
            return False
        # The tagger calls many unknown names at a sentence start verbs or nouns
        # ("Winifred" a VBN): a word no dictionary knows is a name all the same.
        return pos == "PROPN" or (
            pos in OPEN_CLASS and low not in common_words()
            and tokens.lemma[i] not in common_words()
        )
    return pos == "PROPN" or low not in NOT_NAMES


def _starts_title(tokens, i, evidence):
    """Return True for a mid-sentence "The" that opens a title (The Defenders)."""
    return (
        tokens.text[i] == "The" and not evidence.forced[i] and not evidence.title[i]
        and i + 1 < len(tokens) and _name_word(tokens, i + 1, evidence)
    )


def _joins(tokens, j):
    """Return True when token j is a hyphen or apostrophe inside a name (Tracy-Ann,
    K'un-Lun): no space around it and a letter after it."""
    return (
        tokens.text[j] in {"-", "'", "’"} and not tokens.whitespace[j - 1]
        and not tokens.whitespace[j] and j + 1 < len(tokens)
        and tokens.text[j + 1][:1].isalpha()
        and not (tokens.text[j] == "-" and tokens.text[j + 1][:1].islower())
    )


def _describing_compound(tokens, i):
    """Return the index past a capitalised word joined by a hyphen to lower-case ones
    ("Oscar-winner", "Bafta-nominated", "Hollywood-based"): a description before a
    name, no part of it; else ``i``."""
    n = len(tokens)
    j = i
    while j + 2 < n and tokens.text[j + 1] == "-" and not tokens.whitespace[j] \
            and not tokens.whitespace[j + 1] and tokens.text[j + 2][:1].islower():
        j += 2
    return j + 1 if j > i else i


def _ampersand(tokens, j, words, evidence):
    """Return True when token j is the "&" of a one-word-each firm or title (Wolfram &
    Hart, Law & Order); two full names around it ("A. Marsh & T. Reed") stay two."""
    n = len(tokens)
    return (tokens.text[j] == "&" and len(words) == 1 and j + 1 < n
            and _name_word(tokens, j + 1, evidence)
            and not (j + 2 < n and _name_word(tokens, j + 2, evidence)))


def _nickname_at(tokens, i):
    """Return (index after, nickname) for a quoted nickname of one to three words
    starting at i ("Ned", "The Hound"), or None."""
    text = tokens.text
    if text[i] not in OPEN_QUOTES:
        return None
    n = len(tokens)
    j = i + 1
    while j < n and j - i <= 4 and text[j] not in CLOSE_QUOTES:
        if not (text[j][:1].isupper() or tokens.lower[j] in PARTICLES) or tokens.is_punct[j]:
            return None
        j += 1
    if j == i + 1 or j >= n or text[j] not in CLOSE_QUOTES:
        return None
    return j + 1, tokens.span_text(i + 1, j)


def _descriptor_first(tokens, i, evidence):
    """Return True when token i is a common noun standing before a name: the document
    uses it alone after "a" ("a Wildling"), or "fellow" stands before it ("fellow
    Wildling Orell")."""
    low = tokens.lower[i]
    common = low in evidence.indefinite or (i > 0 and tokens.lower[i - 1] in KIND_WORDS)
    return (common and low not in HONORIFICS and i + 1 < len(tokens)
            and _name_word(tokens, i + 1, evidence))


def _extend(tokens, i, evidence):
    """Return (end, words, nickname) of the name that opens at token i; ``words``
    are the token indexes of its words."""
    n = len(tokens)
    words, nickname, j = [i], None, i + 1
    while j < n:
        quoted = _nickname_at(tokens, j) if nickname is None else None
        if quoted is not None and quoted[0] < n and _name_word(tokens, quoted[0], evidence):
            j, nickname = quoted
            continue
        if _name_word(tokens, j, evidence):
            words.append(j)
            j += 1
            continue
        if _joins(tokens, j) or _ampersand(tokens, j, words, evidence):
            words.extend((j, j + 1))
            j += 2
            continue
        k = j
        while k < n and tokens.lower[k] in PARTICLES and tokens.is_lower[k]:
            k += 1
        if k > j and k < n and _name_word(tokens, k, evidence) and tokens.pos[k] == "PROPN":
            words.extend(range(j, k))
            j = k
            continue
        break
    return j, words, nickname


def _span(tokens, i, j, words, nickname):
    """Return the NameSpan of tokens [i, j) whose name words are the token indexes
    ``words``."""
    text, space = tokens.text, tokens.whitespace
    written = "".join(text[w] + space[w] for w in words[:-1]) + text[words[-1]]
    return NameSpan(
        start=i, end=j, start_char=tokens.idx[i], end_char=tokens.end_char(j - 1),
        text=" ".join(written.split()), nickname=nickname,
        labels=frozenset(label for label in tokens.ent_type[i:j] if label),
    )


def _run_together(tokens, i, j, words, singles):
    """Return True for two one-word names run together ("featuring Jessica and Kilgrave
    Jessica and Kilgrave", a caption glued to the text): both words were already names on
    their own, and a full name comes before its short forms, not after them."""
    return (j - i == 2 and len(words) == 2 and tokens.text[words[0]] in singles
            and tokens.text[words[1]] in singles and tokens.lower[words[0]] not in HONORIFICS)


def find_names(doc, tokens=None):
    """Return the NameSpans of a spaCy Doc, in order, none overlapping; ``tokens`` is
    the Doc's graph.extract.reading.tokens.Tokens when the caller has it already."""
    tokens = tokens if tokens is not None else Tokens(doc)
    evidence = _evidence(tokens)
    spans = []
    singles = set()
    i = 0
    n = len(tokens)
    while i < n:
        if not tokens.text[i][:1].isupper():  # no name opens in lower case: skip the checks
            i += 1
            continue
        past = _describing_compound(tokens, i)
        if past > i:
            i = past
            continue
        opens = _starts_title(tokens, i, evidence) or _name_word(tokens, i, evidence)
        if not opens or _descriptor_first(tokens, i, evidence):
            i += 1
            continue
        j, words, nickname = _extend(tokens, i, evidence)
        if _run_together(tokens, i, j, words, singles):
            spans.append(_span(tokens, i, i + 1, words[:1], None))
            spans.append(_span(tokens, i + 1, j, words[1:], nickname))
        else:
            spans.append(_span(tokens, i, j, words, nickname))
        if len(words) == 1:
            singles.add(tokens.text[words[0]])
        i = j
    return spans
