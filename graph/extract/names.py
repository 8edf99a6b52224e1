"""Proper-name spans: the runs of capitalised tokens that rules relate to each other.

spaCy's small model often mislabels names in entertainment writing (a character
tagged PRODUCT, "Ned" Stark (Sean Bean) swallowed whole as a WORK_OF_ART), so rules
work on name spans found from part-of-speech and capitalisation instead, and use
the entity labels only as a hint. A name may hold a quoted nickname
(Eddard "Ned" Stark) and lower-case particles between capitalised words
(Hugh of the Vale, Ludwig van Beethoven).
"""

from dataclasses import dataclass

PARTICLES = frozenset({"of", "the", "de", "da", "del", "di", "dos", "los", "las", "van", "von",
                       "der", "ten", "le", "la", "du", "al", "bin"})
QUOTES = frozenset({'"', "“", "”", "'"})
# Capitalised words that start sentences or headlines but are not names.
NOT_NAMES = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "he", "her", "his", "i", "if",
    "in", "it", "its", "meanwhile", "new", "now", "of", "on", "or", "our", "she", "so", "that",
    "the", "their", "then", "there", "these", "they", "this", "those", "to", "we", "when",
    "while", "with", "you", "after", "before", "later", "unlike", "also", "however", "season",
    "series", "episode", "check", "photo", "image", "credit", "read", "watch", "here",
})
# Words that end a name whatever their tag: "Jessica Jones Season Two" is a work and a season.
STOP_WORDS = frozenset({"season", "series", "episode", "episodes", "seasons", "finale", "premiere"})
PERSON_LABELS = frozenset({"PERSON"})
NOT_PERSON_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL",
                               "MONEY", "PERCENT", "QUANTITY", "NORP"})


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
        """Return True when the name could be a person's: tagged PERSON, or two or
        three words with no place or date label."""
        if self.labels & PERSON_LABELS:
            return True
        return 2 <= self.size <= 4 and not self.labels & NOT_PERSON_LABELS


def _capitalised(token):
    text = token.text
    if not text[:1].isupper() or text.lower() in STOP_WORDS:
        return False
    return token.pos_ == "PROPN" or text.lower() not in NOT_NAMES


def _starts_title(doc, i):
    """Return True for a mid-sentence "The" that opens a title (The Defenders)."""
    return (
        doc[i].text == "The" and not doc[i].is_sent_start and i + 1 < len(doc)
        and doc[i + 1].pos_ == "PROPN" and doc[i + 1].text[:1].isupper()
    )


def _joins(doc, j):
    """Return True when token j is a hyphen or apostrophe inside a name (Tracy-Ann,
    K'un-Lun): no space around it and a capitalised word after it."""
    return (
        doc[j].text in {"-", "'", "’"} and not doc[j - 1].whitespace_ and not doc[j].whitespace_
        and j + 1 < len(doc) and doc[j + 1].text[:1].isalpha()
    )


def _nickname_at(doc, i):
    """Return the index after a quoted single-word nickname starting at i, or None."""
    if (i + 2 < len(doc) and doc[i].text in QUOTES and doc[i + 2].text in QUOTES
            and doc[i + 1].text[:1].isupper()):
        return i + 3
    return None


def find_names(doc):
    """Return the NameSpans of a spaCy Doc, in order, none overlapping."""
    spans = []
    i = 0
    n = len(doc)
    while i < n:
        opens = _starts_title(doc, i) or _capitalised(doc[i]) and not (
            doc[i].is_sent_start and doc[i].pos_ != "PROPN"
        )
        if not opens:
            i += 1
            continue
        words, nickname, j = [doc[i]], None, i + 1
        while j < n:
            after = _nickname_at(doc, j)
            if after is not None and nickname is None and after < n and _capitalised(doc[after]):
                nickname = doc[j + 1].text
                j = after
                continue
            token = doc[j]
            if _capitalised(token) and not token.is_punct:
                words.append(token)
                j += 1
                continue
            if _joins(doc, j):
                words.extend(doc[j:j + 2])
                j += 2
                continue
            k = j
            while k < n and doc[k].text in PARTICLES and doc[k].is_lower:
                k += 1
            if k > j and k < n and _capitalised(doc[k]) and doc[k].pos_ == "PROPN":
                words.extend(doc[j:k])
                j = k
                continue
            break
        first, last = doc[i], doc[j - 1]
        labels = frozenset(t.ent_type_ for t in doc[i:j] if t.ent_type_)
        spans.append(NameSpan(
            start=i, end=j, start_char=first.idx, end_char=last.idx + len(last.text),
            text=" ".join(("".join(t.text_with_ws for t in words[:-1]) + words[-1].text).split()),
            nickname=nickname, labels=labels,
        ))
        i = j
    return spans
