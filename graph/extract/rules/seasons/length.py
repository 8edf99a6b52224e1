"""Season length rules: how many episodes a season has, so that "the season 1
finale" can be read as an episode number.

- ``season.length_adjective``: the count stands before the season as one word with
  "episode": "the 13-episode first season", "a ten-episode season 4", "the
  twenty-two episode Season Two".
- ``season.length_possessive``: the count follows the season's possessive: "Season
  2's thirteen episodes", "the first season's 10-episode run".
- ``season.length_of``: "of" joins count and season: "the eight episodes of season
  three", "all ten episodes of the second season", "a second season of 13 episodes".
- ``season.length_verb``: the season is the subject of a verb of size: "season one
  runs (for) 13 episodes", "Season 3 consists of (comprises, has, contains, spans,
  totals) 10 episodes", "the first season of Harbour Lights was ten episodes long".

The season is a season mention with a number and no episode (its work named beside
it or the article's), or, in an article whose front matter names a season, "the
season" or "this season" ("this season's ten episodes", "the ten-episode season").

A count is a cardinal: "the first 5 episodes of season 2" is part of a season, not
its length. A count followed by words that narrow it down ("episodes left", "13
episodes in", "the three episodes of season 2 that he directed", "episodes written
by") is none either, nor is a count that a comparison or an estimate bends ("over
20 episodes", "two episodes shorter"). Negated, hedged, modal, conditional and asked
statements give nothing.

>>> from graph.extract.pipeline import extract_article
>>> from graph.sources import Article
>>> text = "Season 3 of Harbour Lights consists of ten episodes."
>>> facts = extract_article(Article(doc="d.txt", path="d.txt", format="txt", text=text,
...     body_start=0, content_hash="0" * 64))
>>> [(f.claim.season, f.claim.episodes, f.evidence.quote) for f in facts
...  if f.kind == "season" and f.claim.episodes]
[(3, 10, 'Season 3 of Harbour Lights consists of ten episodes')]
"""

import re
from dataclasses import dataclass, replace

from graph.extract.evidence.modality import asserted
from graph.extract.mentions.storytime import APOSTROPHE, APOSTROPHE_S, front_matter_time
from graph.extract.registry import rule
from graph.model.facts import Season
from graph.model.numerals import NUMBER_WORD_PATTERN, ORDINAL_WORD_PATTERN, number_from_word

# A daily soap's season runs to some 260 episodes; a larger "count" is a year ("the
# 2011 episodes of season 1") or a total over many seasons.
MAX_EPISODES = 400
CARDINAL = rf"(?!{ORDINAL_WORD_PATTERN}){NUMBER_WORD_PATTERN}"
COUNT = rf"(?P<count>{CARDINAL})"
# Words that may stand between a verb of size and its count: "has only six episodes".
EXACTLY = r"(?:(?:only|just|exactly|a\s+total\s+of|a\s+full|a\s+mere)\s+)?"

ADJECTIVE_BEFORE = re.compile(rf"\b{COUNT}[-\s]+episode[-\s]+$", re.IGNORECASE)
OF_BEFORE = re.compile(
    rf"\b(?:the|its|their|all(?:\s+of)?(?:\s+the)?)\s+{COUNT}\s+episodes\s+(?:of|in)\s+"
    r"(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)
OF_AFTER = re.compile(rf"\s+of\s+{EXACTLY}{COUNT}\s+episodes\b", re.IGNORECASE)
POSSESSIVE_AFTER = re.compile(
    rf"{APOSTROPHE}\s+(?:(?:all|only|just)\s+)?{COUNT}"
    r"(?:\s+episodes\b|[-\s]+episode\s+(?:run|order|arc|slate)\b)", re.IGNORECASE)
# Verbs of size with a season for subject ("Season 3 has"), and their participles in
# an aside ("The first season, consisting of ten episodes, ...").
SIZE_VERBS = (
    r"(?:runs?|ran|lasts?|lasted)(?:\s+for)?",
    r"has|have|had",
    r"(?:consists?|consisted)\s+of",
    r"(?:comprises?|comprised)(?:\s+of)?",
    r"(?:is|was|be)\s+(?:made\s+up|composed)\s+of",
    r"contains?|contained|spans?|spanned|totals?|totall?ed",
    r"is|was|be",
)
SIZE_PARTICIPLES = (
    r"(?:running|lasting)(?:\s+for)?",
    r"consisting\s+of|comprising|containing|spanning|totall?ing|(?:made\s+up|composed)\s+of",
)
VERB_AFTER = re.compile(
    r"(?:\s+(?:(?:will|would|also|only|just|originally|eventually|ultimately|now)\s+){0,2}"
    rf"(?:{'|'.join(SIZE_VERBS)})|,\s+(?:{'|'.join(SIZE_PARTICIPLES)}))"
    rf"\s+{EXACTLY}{COUNT}\s+episodes\b(?:\s+long\b)?",
    re.IGNORECASE)
# What after a count of episodes makes it part of a season or a count of episodes
# watched: a relative clause ("that he directed", "she wrote"), a participle
# ("written by", "featuring"), a position ("13 episodes in", "left", "so far") or a
# comparison ("two episodes shorter"). "in total" and "in all" keep the count whole.
NARROWED = re.compile(
    r"\s*(?:that|which|who|whom|whose|where|when|he|she|they|we|i|you|it|so\s+far|left|"
    r"remaining|to\s+go|into|in(?!\s+(?:total|all)\b)|ago|later|earlier|away|old|more|"
    r"fewer|less|shorter|longer|short|behind|ahead|before|after|since|until|from|by|"
    r"about|with|without|set|\w+ing|\w+\s+by)\b", re.IGNORECASE)
# "the season" that is not "the season 2 finale", "the season finale" nor "the
# season's premiere": a whole season, the one the front matter names.
BARE_SEASON = re.compile(
    rf"\bseason\b(?!\s+{NUMBER_WORD_PATTERN}|\s*{APOSTROPHE}?[-\s]*"
    r"(?:finale|premiere|opener|closer)\b)", re.IGNORECASE)
BARE_DETERMINER = re.compile(rf"\b(?:the|this)\s+(?:{CARDINAL}[-\s]+episode[-\s]+)?$",
                             re.IGNORECASE)
SHOW_NOUNS = frozenset({"show", "series", "programme", "program", "drama", "sitcom"})


# How sure the words make the work and season of a count: named in the sentence,
# the article's work, or "the season" of an article whose front matter names one.
NAMED, ARTICLE, FRONT_MATTER = 0.85, 0.75, 0.65


@dataclass(frozen=True)
class SeasonRef:
    """A season a count may belong to: its work and number, where it stands in the
    text (characters and tokens), whether the words beside it name its work, and
    the confidence of a count found beside it."""

    work: str
    season: int
    start_char: int
    end_char: int
    start: int
    end: int
    named: bool
    confidence: float


def _tokens_of(ctx, start_char, end_char):
    """Return the (start, end) tokens covering the characters, or None."""
    span = ctx.doc.char_span(start_char, end_char, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def _of_work(ctx, i):
    """Return (work, end_char) of "of Harbour Lights" or "of the show" (work None) at
    token i, in the sentence of token i - 1; None when neither stands there."""
    tokens = ctx.tokens
    lower = tokens.lower
    if i + 1 >= tokens.sent_end[i - 1] or lower[i] != "of":
        return None
    k = i + 1
    if lower[k] in ("the", "this") and k + 1 < len(tokens) and lower[k + 1] in SHOW_NOUNS:
        return None, tokens.end_char(k + 1)
    name = ctx.name_starting(k)
    if name is None and lower[k] == "the" and k + 1 < len(tokens):
        name = ctx.name_starting(k + 1)
    return (name.text, name.end_char) if name is not None else None


def season_refs(ctx):
    """Return the SeasonRefs of an article, in text order; computed once per article.

    A season mention with a number and no episode counts, with its own work or the
    article's; so does "the season" or "this season" in an article whose front
    matter names a season and a work.
    """
    cached = ctx.memo.get("season_refs")
    if cached is not None:
        return cached
    refs = []
    for mention in ctx.season_mentions:
        work = mention.work or ctx.default_work
        tokens = _tokens_of(ctx, mention.start_char, mention.end_char)
        if work is None or mention.episode is not None or tokens is None \
                or mention.season is None:
            continue
        named = mention.work is not None
        refs.append(SeasonRef(work, mention.season, mention.start_char, mention.end_char,
                              *tokens, named, NAMED if named else ARTICLE))
    work, season, _episode = front_matter_time(ctx)
    if work and season:
        text = ctx.tokens.doc_text
        for match in BARE_SEASON.finditer(text, ctx.article.body_start):
            tokens = _tokens_of(ctx, match.start(), match.end())
            if tokens is None:
                continue
            sent_start = ctx.tokens.idx[ctx.tokens.sent_start[tokens[0]]]
            if BARE_DETERMINER.search(text, sent_start, match.start()):
                refs.append(SeasonRef(work, season, match.start(), match.end(), *tokens,
                                      False, FRONT_MATTER))
    refs.sort(key=lambda ref: ref.start_char)
    ctx.memo["season_refs"] = refs
    return refs


def _after_work(ctx, ref):
    """Return the character after "of <work>" or "of the show" following a season
    ("Season 3 of Harbour Lights has"), or after the season when none follows."""
    of = _of_work(ctx, ref.end)
    return of[1] if of else ref.end_char


def _possessor(ctx, start_char):
    """Return the name that owns the words from ``start_char`` on ("Lantern Street's"
    before "22-episode Season Two"), or None."""
    tokens = _tokens_of(ctx, start_char, start_char + 1)
    i = tokens[0] if tokens else 0
    if i < 2 or ctx.tokens.text[i - 1] not in APOSTROPHE_S:
        return None
    name = ctx.name_ending(i - 1)
    return name.text if name is not None else None


def _narrowed(ctx, end_char, sent_end):
    """Return True when the words after ``end_char`` narrow a count down to part of a
    season or to episodes watched."""
    return NARROWED.match(ctx.tokens.doc_text, end_char, sent_end) is not None


def _fact(ctx, ref, match, start_char, end_char, rule_name):
    """Return the Season fact of a count matched beside a season, quoting
    [start_char, end_char), or None when the count is no length or is not asserted."""
    count = number_from_word(match.group("count"))
    if count is None or not 1 <= count <= MAX_EPISODES:
        return None
    span = _tokens_of(ctx, start_char, end_char)
    number = _tokens_of(ctx, match.start("count"), match.end("count"))
    if span is None or number is None or not asserted(ctx, *span) \
            or not asserted(ctx, *number):
        return None
    return ctx.fact(Season(work=ref.work, season=ref.season, episodes=count), start_char,
                    end_char, rule_name, ref.confidence)


@rule("season.length_adjective")
def length_adjective(ctx):
    """Yield the Season facts of "the 13-episode first season", "a ten-episode season 4"."""
    text = ctx.tokens.doc_text
    for ref in season_refs(ctx):
        sent_start, _sent_end = ctx.tokens.sent_chars(ref.start)
        match = ADJECTIVE_BEFORE.search(text, sent_start, ref.start_char)
        if not match:
            continue
        owner = None if ref.named else _possessor(ctx, match.start())
        if owner is not None:
            ref = replace(ref, work=owner, named=True, confidence=NAMED)
        fact = _fact(ctx, ref, match, match.start(), ref.end_char, "season.length_adjective")
        if fact:
            yield fact


@rule("season.length_possessive")
def length_possessive(ctx):
    """Yield the Season facts of "Season 2's thirteen episodes", "the first season's
    10-episode run"."""
    text = ctx.tokens.doc_text
    for ref in season_refs(ctx):
        _sent_start, sent_end = ctx.tokens.sent_chars(ref.start)
        match = POSSESSIVE_AFTER.match(text, ref.end_char, sent_end)
        if match and not _narrowed(ctx, match.end(), sent_end):
            fact = _fact(ctx, ref, match, ref.start_char, match.end(),
                         "season.length_possessive")
            if fact:
                yield fact


@rule("season.length_of")
def length_of(ctx):
    """Yield the Season facts of "the eight episodes of season three" and "a second
    season of 13 episodes"."""
    text = ctx.tokens.doc_text
    for ref in season_refs(ctx):
        sent_start, sent_end = ctx.tokens.sent_chars(ref.start)
        before = OF_BEFORE.search(text, sent_start, ref.start_char)
        if before and not _narrowed(ctx, _after_work(ctx, ref), sent_end):
            fact = _fact(ctx, ref, before, before.start("count"), ref.end_char,
                         "season.length_of")
            if fact:
                yield fact
        after = OF_AFTER.match(text, ref.end_char, sent_end)
        if after and not _narrowed(ctx, after.end(), sent_end):
            fact = _fact(ctx, ref, after, ref.start_char, after.end(), "season.length_of")
            if fact:
                yield fact


@rule("season.length_verb")
def length_verb(ctx):
    """Yield the Season facts of "season one runs 13 episodes", "Season 3 of Harbour
    Lights consists of 10 episodes", "the first season was ten episodes long"."""
    text = ctx.tokens.doc_text
    for ref in season_refs(ctx):
        _sent_start, sent_end = ctx.tokens.sent_chars(ref.start)
        match = VERB_AFTER.match(text, _after_work(ctx, ref), sent_end)
        if match and not _narrowed(ctx, match.end(), sent_end):
            fact = _fact(ctx, ref, match, ref.start_char, match.end(), "season.length_verb")
            if fact:
                yield fact
