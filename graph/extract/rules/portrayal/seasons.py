"""Which seasons a sentence says a casting holds for: "in season 2", "from season
six", "for the second season", "in the first three seasons", "in seasons 2 and 3",
"during Daredevil season 2".

Only season phrases introduced by a preposition count: "Season Two sees X return"
names the season of an event, not of a casting. A sentence with none takes the
season of the section heading above it, else of the front matter.

>>> [p.seasons for p in season_phrases("For its first three seasons, and from season 4 on.")]
[(1, 2, 3), (4,)]
"""

import re
from dataclasses import dataclass

from graph.extract.evidence.modality import denied_above
from graph.extract.mentions.storytime import heading_season, season_numbers
from graph.model.numerals import NUMBER_WORD_PATTERN, ORDINAL_WORD_PATTERN, number_from_word

PREPOSITION = (r"(?i:in|from|for|during|since|throughout|through|across|until|till|as\s+of|"
               r"starting\s+(?:in|with)|beginning\s+(?:in|with))")
OWNER = r"(?i:the|its|their|his|her|this|that)\s+"
# A work's name may stand between the preposition and the season ("in Daredevil season 2").
WORK = r"(?:[A-Z][\w'’.-]*\s+){1,4}(?:['’]s\s+)?"
SEASON_NOUN = r"(?i:seasons?|series)"
JOINER = r"(?i:\s*(?:,\s*(?:and\s+)?|&|-|–|\band\b|\bto\b|\bthrough\b|\bthru\b)\s*)"
SEASON_PHRASE = re.compile(
    rf"\b(?P<prep>{PREPOSITION})\s+(?:{OWNER})?(?P<work>{WORK})?(?:"
    rf"(?i:first|opening|initial)\s+(?P<count>{NUMBER_WORD_PATTERN})\s+(?i:seasons|series)"
    rf"|{SEASON_NOUN}\s+(?P<nums>{NUMBER_WORD_PATTERN}(?:{JOINER}{NUMBER_WORD_PATTERN})*)"
    rf"|(?P<ords>{ORDINAL_WORD_PATTERN}(?:{JOINER}{ORDINAL_WORD_PATTERN})*)\s+{SEASON_NOUN}"
    r")\b"
)
MAX_SEASON = 99


@dataclass(frozen=True)
class SeasonPhrase:
    """Seasons a prepositional phrase names, its preposition and character range."""

    seasons: tuple
    preposition: str
    start: int
    end: int
    work: str | None = None


def season_phrases(text, offset=0):
    """Return the SeasonPhrases in ``text``; character offsets are shifted by ``offset``."""
    found = []
    for match in SEASON_PHRASE.finditer(text):
        if match.group("count"):
            count = number_from_word(match.group("count"))
            seasons = list(range(1, count + 1)) if count and count <= MAX_SEASON else []
        else:
            # lower-cased: the list's joiners are matched in any case here ("2 And 3")
            seasons = season_numbers((match.group("nums") or match.group("ords")).lower())
        if seasons:
            prep = " ".join(match.group("prep").lower().split())
            work = match.group("work")
            work = re.sub(r"['’]s$", "", work.strip()) if work else None
            found.append(SeasonPhrase(tuple(sorted(set(seasons))), prep,
                                      offset + match.start(), offset + match.end(), work))
    return found


class SentenceSeasons:
    """The season phrases of each sentence of one document, read once per sentence."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.by_sentence = {}

    def phrases(self, token_index):
        """Return the SeasonPhrases of the sentence holding a token."""
        tokens = self.ctx.tokens
        start = tokens.sent_start[token_index]
        if start not in self.by_sentence:
            start_char, end_char = tokens.sent_chars(token_index)
            self.by_sentence[start] = season_phrases(
                self.ctx.article.text[start_char:end_char], start_char)
        return self.by_sentence[start]

    def seasons(self, token_index, work=None):
        """Return the seasons all season phrases of a token's sentence name, in order;
        with none, the season of the section heading above ("## Season 2") or of the
        front matter (the cast a synopsis of S1E3 names is the season-1 cast), unless
        the verb the token hangs on is negated. A phrase that names another work than
        ``work`` ("who died in Daredevil season 2") times no part in ``work``."""
        out = set()
        for phrase in self.phrases(token_index):
            if work is None or phrase.work is None or phrase.work == work:
                out.update(phrase.seasons)  # not "who died in Daredevil season 2"
        if out:
            return tuple(sorted(out))
        if denied_above(self.ctx.tokens, token_index):
            return ()  # "X's Luke Cage does not appear this season": no season-2 cast
        season = heading_season(self.ctx, self.ctx.tokens.idx[token_index]) \
            or self.ctx.article.season
        return (season,) if season else ()

