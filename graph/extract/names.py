"""Proper-name spans: the runs of capitalised tokens that rules relate to each other.

spaCy's small model often mislabels names in entertainment writing, so rules work
on name spans found from part-of-speech and capitalisation instead. A name may hold
a quoted nickname (Eddard "Ned" Stark, Sandor "The Hound" Clegane), lower-case
particles between capitalised words (Hugh of the Vale, Carice van Houten),
hyphens and apostrophes (Coster-Waldau, O'Brien, K'un-Lun) and initials
(J. K. Simmons).

Capitals do not always mean a name, so each document is read once for evidence
about its words (``_Evidence``): a word seen in lower case elsewhere ("newcomer",
"will") is a common word when a sentence start capitalises it; a word seen
capitalised mid-sentence is a name word wherever it stands; in a title-case
headline ("Krysten Ritter Returns As The Hard-Drinking Hero") capitals say
nothing, so only proper-noun tags and that evidence count there.

>>> from graph.extract.nlp import load_pipeline
>>> doc = load_pipeline()("Newcomer Lena Ferris plays Ada, and J. K. Simmons returns.")
>>> [span.text for span in find_names(doc)]
['Lena Ferris', 'Ada', 'J. K. Simmons']
"""

from dataclasses import dataclass
from functools import lru_cache

from graph.extract.nlp import load_pipeline

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

    def looks_like_person(self):
        """Return True when the name could be a person's: two to four words, none a
        place or date label."""
        return 2 <= self.size <= 4 and not self.labels


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


def _is_title_line(tokens):
    """Return True for a title-case headline: every content word capitalised, and a
    capitalised function word or verb to show the style."""
    words = [t for t in tokens if t.text[:1].isalpha()]
    if not 3 <= len(words) <= MAX_LINE_WORDS:
        return False
    if any(not t.text[:1].isupper() for t in words if t.lower_ not in SMALL_WORDS):
        return False
    clues = 0
    for t in words[1:]:
        if not t.text[:1].isupper() or t.lower_ in {"the", "a", "an"}:
            continue
        if t.lower_ in SMALL_WORDS or t.pos_ in TITLE_CASE_CLUES:
            return True
        clues += t.pos_ in COMMON_TAGS
    return clues >= 2


def _title_lines(doc):
    """Return one flag per token: True inside a title-case headline line."""
    flags = [False] * len(doc)
    start = 0
    for i in range(len(doc) + 1):
        if i == len(doc) or (doc[i].is_space and "\n" in doc[i].text):
            if i > start and _is_title_line(doc[start:i]):
                flags[start:i] = [True] * (i - start)
            start = i + 1
    return flags


def _evidence(doc):
    """Return the _Evidence of a document."""
    title = _title_lines(doc)
    forced = [False] * len(doc)
    lower, capital, indefinite = set(), set(), set()
    for i, token in enumerate(doc):
        before = doc[i - 1] if i else None
        forced[i] = (before is None or token.is_sent_start or before.text in FORCING
                     or (before.is_space and "\n" in before.text))
        first = token.text[:1]
        if first.islower():
            lower.add(token.lower_)
        elif first.isupper():
            if not forced[i] and not title[i]:
                capital.add(token.lower_)
            if (before is not None and before.lower_ in ("a", "an")
                    and (i + 1 == len(doc) or not doc[i + 1].text[:1].isupper())):
                indefinite.add(token.lower_)
    return _Evidence(lower, capital, indefinite, forced, title)


def _name_word(token, i, evidence):
    """Return True when token ``i`` can be a word of a name."""
    if not token.text[:1].isupper() or token.is_punct or token.ent_type_ == "STORYTIME":
        return False
    low = token.lower_
    if low in STOP_WORDS:
        return False
    if evidence.title[i]:
        return token.pos_ == "PROPN" and low not in NOT_NAMES and (
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
        return token.pos_ == "PROPN" or (
            token.pos_ in OPEN_CLASS and low not in common_words()
            and token.lemma_.lower() not in common_words()
        )
    return token.pos_ == "PROPN" or low not in NOT_NAMES


def _starts_title(doc, i, evidence):
    """Return True for a mid-sentence "The" that opens a title (The Defenders)."""
    return (
        doc[i].text == "The" and not evidence.forced[i] and not evidence.title[i]
        and i + 1 < len(doc) and _name_word(doc[i + 1], i + 1, evidence)
    )


def _joins(doc, j):
    """Return True when token j is a hyphen or apostrophe inside a name (Tracy-Ann,
    K'un-Lun): no space around it and a letter after it."""
    return (
        doc[j].text in {"-", "'", "’"} and not doc[j - 1].whitespace_ and not doc[j].whitespace_
        and j + 1 < len(doc) and doc[j + 1].text[:1].isalpha()
    )


def _nickname_at(doc, i):
    """Return (index after, nickname) for a quoted nickname of one to three words
    starting at i ("Ned", "The Hound"), or None."""
    if doc[i].text not in OPEN_QUOTES:
        return None
    j = i + 1
    while j < len(doc) and j - i <= 4 and doc[j].text not in CLOSE_QUOTES:
        if not (doc[j].text[:1].isupper() or doc[j].lower_ in PARTICLES) or doc[j].is_punct:
            return None
        j += 1
    if j == i + 1 or j >= len(doc) or doc[j].text not in CLOSE_QUOTES:
        return None
    return j + 1, doc[i + 1:j].text


def _descriptor_first(doc, i, evidence):
    """Return True when token i is a common noun standing before a name: the document
    uses it alone after "a" ("a Wildling"), or "fellow" stands before it ("fellow
    Wildling Orell")."""
    low = doc[i].lower_
    common = low in evidence.indefinite or (i > 0 and doc[i - 1].lower_ in KIND_WORDS)
    return (common and low not in HONORIFICS and i + 1 < len(doc)
            and _name_word(doc[i + 1], i + 1, evidence))


def _extend(doc, i, evidence):
    """Return (end, words, nickname) of the name that opens at token i."""
    n = len(doc)
    words, nickname, j = [doc[i]], None, i + 1
    while j < n:
        quoted = _nickname_at(doc, j) if nickname is None else None
        if quoted is not None and quoted[0] < n and _name_word(doc[quoted[0]], quoted[0],
                                                                 evidence):
            j, nickname = quoted
            continue
        token = doc[j]
        if _name_word(token, j, evidence):
            words.append(token)
            j += 1
            continue
        if _joins(doc, j):
            words.extend(doc[j:j + 2])
            j += 2
            continue
        k = j
        while k < n and doc[k].lower_ in PARTICLES and doc[k].is_lower:
            k += 1
        if k > j and k < n and _name_word(doc[k], k, evidence) and doc[k].pos_ == "PROPN":
            words.extend(doc[j:k])
            j = k
            continue
        break
    return j, words, nickname


def _span(doc, i, j, words, nickname):
    """Return the NameSpan of tokens [i, j) whose name words are ``words``."""
    first, last = doc[i], doc[j - 1]
    return NameSpan(
        start=i, end=j, start_char=first.idx, end_char=last.idx + len(last.text),
        text=" ".join(("".join(t.text_with_ws for t in words[:-1]) + words[-1].text).split()),
        nickname=nickname, labels=frozenset(t.ent_type_ for t in doc[i:j] if t.ent_type_),
    )


def _run_together(doc, i, j, words, singles):
    """Return True for two one-word names run together ("featuring Jessica and Kilgrave
    Jessica and Kilgrave", a caption glued to the text): both words were already names on
    their own, and a full name comes before its short forms, not after them."""
    return (j - i == 2 and len(words) == 2 and words[0].text in singles
            and words[1].text in singles and words[0].lower_ not in HONORIFICS)


def find_names(doc):
    """Return the NameSpans of a spaCy Doc, in order, none overlapping."""
    evidence = _evidence(doc)
    spans = []
    singles = set()
    i = 0
    while i < len(doc):
        opens = _starts_title(doc, i, evidence) or _name_word(doc[i], i, evidence)
        if not opens or _descriptor_first(doc, i, evidence):
            i += 1
            continue
        j, words, nickname = _extend(doc, i, evidence)
        if _run_together(doc, i, j, words, singles):
            spans.append(_span(doc, i, i + 1, words[:1], None))
            spans.append(_span(doc, i + 1, j, words[1:], nickname))
        else:
            spans.append(_span(doc, i, j, words, nickname))
        if len(words) == 1:
            singles.add(words[0].text)
        i = j
    return spans
