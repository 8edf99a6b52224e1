"""Season and episode mentions in text: "Season Two", "season 2", "the second
season", "the sophomore season", "the third series", "S2", "S2E3", "Daredevil's
second season", "season 3 of Luke Cage".

Each mention knows the work it names, when the words around it name one: a name
just before it ("Jessica Jones Season Two"), a possessive ("Daredevil's second
season") or an "of" after it ("season 3 of Luke Cage").
"""

import re
from dataclasses import dataclass

from graph.model.numerals import NUMBER_WORD_PATTERN, number_from_word

ORDINAL_WORDS = frozenset({"first", "second", "third", "sophomore", "inaugural", "debut"})
SEASON_NOUN = r"(?:season|series)"
PATTERNS = (
    re.compile(rf"\b{SEASON_NOUN}\s+(?P<num>{NUMBER_WORD_PATTERN})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<ord>{NUMBER_WORD_PATTERN})\s+{SEASON_NOUN}\b", re.IGNORECASE),
    re.compile(r"\bS(?P<s>\d{1,2})(?:\s?E(?P<e>\d{1,3}))?\b"),
)
APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True)
class SeasonMention:
    """A season (and maybe episode) named in the text, with the work it belongs to."""

    season: int
    episode: int | None
    work: str | None
    start_char: int
    end_char: int


def _is_ordinal(word):
    word = word.lower()
    return word in ORDINAL_WORDS or bool(re.search(r"(?:st|nd|rd|th)$", word))


def _number(match):
    groups = match.groupdict()
    if groups.get("s"):
        return int(groups["s"]), int(groups["e"]) if groups.get("e") else None
    if groups.get("ord"):
        if not _is_ordinal(groups["ord"]):
            return None, None
        return number_from_word(groups["ord"]), None
    return number_from_word(groups["num"]), None


def _work_around(ctx, start_char, end_char):
    """Return the work named next to a mention, or None."""
    doc = ctx.doc
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return None
    first, last = span.start, span.end
    if first > 0 and doc[first - 1].lower_ == "the":
        first -= 1
    before = ctx.name_ending(first)
    if before is not None:
        return before.text
    if first > 1 and doc[first - 1].text in APOSTROPHE_S:
        owner = ctx.name_ending(first - 1)
        if owner is not None:
            return owner.text
    if last + 1 < len(doc) and doc[last].lower_ == "of":
        after = ctx.name_starting(last + 1) or ctx.name_starting(last + 2)
        if after is not None:
            return after.text
    return None


def find_season_mentions(ctx):
    """Return the SeasonMentions of a document, in text order."""
    text = ctx.doc.text
    found = {}
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            season, episode = _number(match)
            if not season or season > 99:
                continue
            key = (match.start(), match.end())
            if any(s <= key[0] < e for s, e in found):
                continue
            work = _work_around(ctx, match.start(), match.end())
            found[key] = SeasonMention(season, episode, work, match.start(), match.end())
    return [found[key] for key in sorted(found)]
