"""Story time: a position in a franchise (work, season, episode), and the order of works.

Story time is not a calendar date. ``parse_position`` reads a position as articles
and users write it; ``graph.model.chronology`` orders positions.

>>> str(parse_position("the season 1 finale", work="Jessica Jones"))
'Jessica Jones S1 finale'
"""

import re
from dataclasses import dataclass

from graph.errors import StoryTimeError
from graph.model.numerals import (
    NUMBER_WORD_PATTERN,
    ORDINAL_WORD_PATTERN,
    ROMAN_NUMERAL_PATTERN,
    number_from_word,
)
from graph.model.words import EPISODE_WORDS


def check_count(what, value):
    """Raise StoryTimeError unless ``value`` is None or a whole number from 1."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise StoryTimeError(f"{what} {value!r} must be a whole number from 1")


@dataclass(frozen=True)
class Position:
    """A point or span of story time: a whole work, one of its seasons, or one episode.

    ``episode`` is a number, "premiere" or "finale"; a season with no episode spans
    the season and a work with no season spans the work. ``work`` None means the
    context gives the work. Raises StoryTimeError for a season or episode below 1, an
    episode with no season, or a position with neither work nor season.

    >>> [str(p) for p in (Position("Alias Smith", 2, 1), Position(None, 1, "finale"))]
    ['Alias Smith S2E1', 'S1 finale']
    """

    work: str | None = None
    season: int | None = None
    episode: int | str | None = None

    def __post_init__(self):
        if self.work is not None and (not isinstance(self.work, str) or not self.work.strip()):
            raise StoryTimeError(f"work {self.work!r} must be a non-empty name, or None")
        check_count("season", self.season)
        if self.episode not in EPISODE_WORDS:
            check_count("episode", self.episode)
        if self.episode is not None and self.season is None:
            raise StoryTimeError(
                f"episode {self.episode!r} needs its season: give Position(work, season, episode)"
            )
        if self.work is None and self.season is None:
            raise StoryTimeError("a story time needs a work, a season or both: Position(None, 2)")

    def __str__(self):
        """Return the short label: "Alias Smith S2E1", "Alias Smith S1 finale", "S2"."""
        number = f"E{self.episode}" if isinstance(self.episode, int) else ""
        word = self.episode if isinstance(self.episode, str) else ""
        season = f"S{self.season}{number}" if self.season is not None else ""
        return " ".join(part for part in (self.work, season, word) if part)


_FORMS = '"Jessica Jones S2E1", "season 2 of Jessica Jones", "the season 1 finale"'
_NUMBER = rf"(?:-?[0-9]+\b|{NUMBER_WORD_PATTERN}|{ROMAN_NUMERAL_PATTERN})"
_SEASON = (
    rf"(?:\b(?:season|series)\s+(?P<s>{_NUMBER})"
    rf"|(?P<so>{ORDINAL_WORD_PATTERN})\s+(?:season|series)\b)"
)
_EPISODE_NUMBER = rf"\b(?:episode|ep\.?)\s*(?P<e>-?[0-9]+\b|{NUMBER_WORD_PATTERN})"
_EPISODE = rf"(?:{_EPISODE_NUMBER}|(?P<eo>{ORDINAL_WORD_PATTERN})\s+episode\b)"
_WHEN = r"\b(?P<w>premiere|finale)\b"
# Tried in this order; the first that matches anywhere in the text gives the story time.
_PATTERNS = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"{_EPISODE}\s*(?:,|\bof\b|\bin\b)?\s*(?:the\s+)?{_SEASON}",  # episode 5 of season 2
        rf"{_WHEN}\s+(?:of|in)\s+(?:the\s+)?{_SEASON}",  # the finale of season 2
        rf"{_SEASON}(?:\s*,?\s*{_EPISODE_NUMBER}|\s+{_WHEN})?",  # season 2, episode 3
        rf"\bS(?P<s>[0-9]+)(?:\s*E(?P<e>[0-9]+)|\s+{_WHEN})?\b",  # S2E3, S1 finale
    )
]
# The form ``Position.__str__`` prints, after the title as it is.
_SHORT = _PATTERNS[-1]
# Story-time words that must not be left in a work title, with what they lack.
_LEFTOVERS = [
    (rf"{_EPISODE}|\bE[0-9]+\b", "an episode needs its season"),
    (_WHEN, "a premiere or finale needs its season"),
    (r"\b(?:season|series)\s*(?:$|[-,;:)])|\bS-?[0-9]+\b", "a season needs its number"),
]


def _unreadable(text, reason):
    return StoryTimeError(f"cannot read story time {text!r}: {reason}; use forms like {_FORMS}")


def _count(text, raw, what):
    value = int(raw) if raw.startswith("-") else number_from_word(raw, roman=True)
    if value < 1:
        raise _unreadable(text, f"{what}s count from 1")
    return value


def _strip_the(name):
    """Drop a lowercase "the" of running prose ("the Alias Smith season 1 premiere")."""
    return "" if name.lower() == "the" else re.sub(r"^the\s+", "", name)


def _check_leftover(text, part, found=None):
    for pattern, reason in _LEFTOVERS:
        if re.search(pattern, part, re.IGNORECASE):
            raise _unreadable(text, f"{part!r} is left over beside {found!r}" if found else reason)


def _title(text, match):
    """Return the work named around the matched story time, or "" when none is."""
    before = text[: match.start()].rstrip(" ,")
    if match.re is not _SHORT:
        # "Night Harbor's second season"; a title before "S2E3" keeps its apostrophe
        # ("Grey's S2" is how a position of the work "Grey's" prints).
        before = re.sub(r"['’]s?$", "", before)
    after = text[match.end() :].lstrip(" ,")
    connector = re.match(r"(?:of|in|from)\b\s*", after, re.IGNORECASE)
    if connector:
        after = after[connector.end() :]
        if not after:
            raise _unreadable(text, f"no work follows {connector.group().strip()!r}")
    before, after = _strip_the(before.strip()), _strip_the(after.strip())
    for part in (before, after):
        _check_leftover(text, part, match.group())
    if before and after:
        raise _unreadable(text, f"it names two works, {before!r} and {after!r}")
    return before or after


def parse_position(text, work=None):
    """Return the Position a story time text names; ``work`` when the text names none.

    Reads "Jessica Jones S2E1", "S01E13", "S2 E3", "season 2 of Jessica Jones", "the
    season 1 finale", "Daredevil season 3, episode 4", "episode 5 of season 2", "the
    second season of Daredevil", "the sophomore season finale", or a bare work title.
    Anything outside the story-time words is the title, digits and colons included; a
    lowercase "the" before it is prose and dropped, a capital "The" is kept. Raises
    StoryTimeError for empty text, a season or episode below 1, an episode or finale
    with no season, or two titles.

    >>> parse_position("episode 5 of the second season of 24")
    Position(work='24', season=2, episode=5)
    >>> str(parse_position("the sophomore season finale", work="Alias Smith"))
    'Alias Smith S2 finale'
    """
    if not isinstance(text, str) or not text.strip():
        raise _unreadable(text, "it names no work, season or episode")
    text = " ".join(text.split())
    match = next(filter(None, (pattern.search(text) for pattern in _PATTERNS)), None)
    if match is None:
        _check_leftover(text, text)
        return Position(_strip_the(text) or work)
    groups = match.groupdict()
    season = _count(text, groups.get("s") or groups.get("so"), "season")
    number, word = groups.get("e") or groups.get("eo"), groups.get("w")
    episode = _count(text, number, "episode") if number else word and word.lower()
    return Position(_title(text, match) or work, season, episode)


def work_key(name):
    """Return the key a work is known by: case-folded, spaces collapsed, no leading "the".

    >>> work_key("The  Crossover") == work_key("crossover")
    True
    """
    key = " ".join(name.casefold().split())
    return key[4:] if key.startswith("the ") else key
