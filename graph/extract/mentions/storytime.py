"""Story-time mentions in text: which season and episode a sentence talks about.

Seasons: "Season Two", "season 2", "the second season", "the sophomore season",
"the third series", "S2", "the final season" (number unknown). Episodes: "episode
5", "the fifth episode", "the finale", "the season premiere", "the series
premiere" (season 1). Both at once: "S2E3", "Season 2, Episode 3", "the season 1
finale", "the inaugural season's finale", "the premiere of season two", "episode 3
of the second season". A count of episodes is none: "the 13-episode first season"
is season 1 with no episode.

Each mention knows the work it names, when the words around it name one: a name
just before it ("Jessica Jones Season Two"), a possessive ("Daredevil's second
season") or an "of" after it ("season 3 of Luke Cage").

Lists and ranges name several seasons ("seasons 5, 7 and 8", "series 2 to 6",
"seasons one through three", "the first three seasons"). Not seasons: a number that
opens a title ("the US series 21 Jump Street"), "the first season to be filmed in
colour", "a second series of films"; a country, channel, award or person is never
the work named next to a mention. A heading line ("Season One", "## Season 2")
times the text below it until the next heading (``heading_sections``).

``story_time(ctx, token_index)`` gives the story time of a statement: the nearest
mention in its sentence, else the section heading, else the article's front matter,
else the article's work.

>>> from types import SimpleNamespace
>>> from graph.extract.reading.nlp import load_pipeline
>>> from graph.extract.reading.tokens import Tokens
>>> doc = load_pipeline()("She died in the season 1 finale.")
>>> ctx = SimpleNamespace(doc=doc, tokens=Tokens(doc), memo={},
...                       name_ending=lambda i: None, name_starting=lambda i: None)
>>> [(m.season, m.episode) for m in find_story_mentions(ctx)]
[(1, 'finale')]
"""

import re
from dataclasses import dataclass

from graph.extract.mentions.season_owners import (
    QUOTE_MARKS,
    about_television,
    not_a_work,
    written_as_title,
)
from graph.extract.mentions.whole_title import full_title
from graph.extract.mentions.works_index import first_line
from graph.model.numerals import NUMBER_WORD_PATTERN, ORDINAL_WORD_PATTERN, number_from_word

SEASON_NOUN = r"(?:season|series)"
SEASONS_NOUN = r"(?:seasons?|series)"
APOSTROPHE = r"(?:'s|’s|'|’)"
# Before trying the hundred ordinal words at every word, a lookahead checks that a
# few words and the noun follow: it skips only places where no ordinal can match,
# and makes the scan four times faster ("sixth and final season", "second, third
# and fourth seasons" are the longest runs).
BEFORE_SEASON = rf"(?=\w+(?:[-,&\s]+\w+){{0,5}}(?:\s+|-){SEASONS_NOUN}\b)"
BEFORE_EPISODE = r"(?=\w+(?:[-\s]+\w+)?\s+episode\b)"
# What joins the numbers of a list or a range: "5, 7 and 8", "2 to 6", "1-3", "one
# through three", "2 & 3".
JOINER = r"(?:\s*(?:,\s*(?:and\s+)?|&|-|–|\band\b|\bto\b|\bthrough\b|\bthru\b)\s*)"
RANGE_WORDS = frozenset({"-", "–", "to", "through", "thru"})
LIST_NUMBER = re.compile(rf"(?P<sep>{JOINER})?(?P<num>{NUMBER_WORD_PATTERN})")
# The nouns most pieces hold: a text without them (most synopses) skips those pieces.
SEASON_WORD = re.compile(SEASON_NOUN, re.IGNORECASE)
EPISODE_WORD = re.compile(r"episode|ep\.", re.IGNORECASE)
# Pieces: a season with or without its number, or an episode, each with the noun it
# cannot match without (None for none). Adjacent pieces join.
SEASON_PIECES = (
    # "season 3", "series four", "seasons 5, 7 and 8", "series 2 to 6", "season-two"
    (re.compile(rf"\b{SEASONS_NOUN}(?:\s+|-)(?P<nums>{NUMBER_WORD_PATTERN}"
                rf"(?:{JOINER}{NUMBER_WORD_PATTERN})*)", re.IGNORECASE), SEASON_WORD),
    # "the third season", "its sixth and final season", "the second and third seasons",
    # "the third-season premiere"
    (re.compile(rf"\b{BEFORE_SEASON}(?P<ords>{ORDINAL_WORD_PATTERN}"
                rf"(?:{JOINER}{ORDINAL_WORD_PATTERN})*)(?:\s+and\s+(?:final|last))?"
                rf"(?:\s+|-){SEASONS_NOUN}\b", re.IGNORECASE), SEASON_WORD),
    # "the first three seasons"
    (re.compile(rf"\b(?:first|opening|initial)\s+(?P<count>{NUMBER_WORD_PATTERN})\s+"
                r"(?:seasons|series)\b", re.IGNORECASE), SEASON_WORD),
    (re.compile(r"\b(?:final|last)\s+(?:season|series)\b", re.IGNORECASE), SEASON_WORD),
    (re.compile(r"\bS(?P<s>\d{1,2})(?:\s?E(?P<e>\d{1,3}))?\b"), None),
)
MAX_SEASON = 99
EPISODE_PIECES = (
    (re.compile(rf"\b(?:episode|ep\.)\s+(?P<num>{NUMBER_WORD_PATTERN})", re.IGNORECASE),
     EPISODE_WORD),
    (re.compile(rf"\b{BEFORE_EPISODE}(?P<ord>{ORDINAL_WORD_PATTERN}|final|last)"
                r"\s+episode\b", re.IGNORECASE), EPISODE_WORD),
    (re.compile(r"\b(?P<word>finale|premiere)\b", re.IGNORECASE), None),
)
# "the season 1 finale", "the inaugural season's finale", "Season 2, Episode 3"
SEASON_THEN_EPISODE = re.compile(rf"^{APOSTROPHE}?,?\s*$")
# "the finale of season 2", "episode 3 of the second season"
EPISODE_THEN_SEASON = re.compile(r"^\s+of\s+(?:the\s+|its\s+)?$", re.IGNORECASE)
# "the 13-episode first season": "episode" ends a count of episodes, and the ordinal
# after it is the season's ("episode first season" is no episode 1).
SEASON_AFTER = re.compile(rf"\s+{SEASON_NOUN}\b", re.IGNORECASE)
ORDINAL_WORD = re.compile(ORDINAL_WORD_PATTERN)
# A mid-season finale is not the finale of the season.
MID_SEASON = re.compile(r"mid-?\s?(?:season\s+)?$", re.IGNORECASE)
# "the series premiere" is the first episode of the first season.
SERIES_BEFORE = re.compile(r"\bseries\s+$", re.IGNORECASE)
APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True)
class SeasonMention:
    """A story time named in the text: a season (None when only "the final season"
    or "the finale" says which, or when it names several), an episode (a number,
    "premiere" or "finale"), the work named next to it, where it stands, and every
    season it names ("seasons 5, 7 and 8": (5, 7, 8); "season 2": (2,))."""

    season: int | None
    episode: int | str | None
    work: str | None
    start_char: int
    end_char: int
    seasons: tuple = ()


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    season: int | None = None
    episode: int | str | None = None
    is_season: bool = False
    seasons: tuple = ()


def season_numbers(text):
    """Return the seasons a list or range of numbers names, in order, each once.

    >>> season_numbers("5, 7 and 8"), season_numbers("two to four"), season_numbers("1-3")
    ((5, 7, 8), (2, 3, 4), (1, 2, 3))
    """
    seasons = []
    for match in LIST_NUMBER.finditer(text):
        value = number_from_word(match.group("num"))
        if value is None or not 0 < value <= MAX_SEASON:
            continue
        sep = (match.group("sep") or "").strip().lower()
        if sep in RANGE_WORDS and seasons and seasons[-1] < value:
            seasons.extend(range(seasons[-1] + 1, value + 1))
        else:
            seasons.append(value)
    return tuple(dict.fromkeys(seasons))


def _season_piece(match):
    """Return the _Piece of a season match, or None when its words name no season."""
    groups = match.groupdict()
    if groups.get("s"):
        episode = int(groups["e"]) if groups.get("e") else None
        season = int(groups["s"])
        return _Piece(match.start(), match.end(), season, episode, True, (season,)) \
            if season else None
    if groups.get("count"):
        count = number_from_word(groups["count"])
        seasons = tuple(range(1, count + 1)) if count and count <= MAX_SEASON else ()
    elif groups.get("ords") or groups.get("nums"):
        seasons = season_numbers(groups.get("ords") or groups["nums"])
    else:  # "the final season": a season whose number the text does not give
        return _Piece(match.start(), match.end(), None, None, True)
    if not seasons:
        return None
    season = seasons[0] if len(seasons) == 1 else None
    return _Piece(match.start(), match.end(), season, None, True, seasons)


def _episode_piece(match, text):
    """Return the _Piece of an episode match, or None when it names no episode."""
    groups = match.groupdict()
    if groups.get("word"):
        before = text[max(0, match.start() - 12):match.start()]
        if MID_SEASON.search(before):
            return None
        word = groups["word"].lower()
        season = 1 if word == "premiere" and SERIES_BEFORE.search(before) else None
        return _Piece(match.start(), match.end(), season, word)
    if groups.get("ord"):
        word = groups["ord"].lower()
        episode = "finale" if word in ("final", "last") else number_from_word(word)
    elif text[match.start() - 1:match.start()] == "-" or (
            ORDINAL_WORD.fullmatch(groups["num"]) and SEASON_AFTER.match(text, match.end())):
        return None  # "the 13-episode first season", "a 13 episode second season"
    else:
        episode = number_from_word(groups["num"])
    if not episode or (isinstance(episode, int) and episode > 999):
        return None
    return _Piece(match.start(), match.end(), None, episode)


def _pieces(text):
    """Return the season and episode pieces of a text, in order, none overlapping."""
    named = {None: True}
    for noun in (SEASON_WORD, EPISODE_WORD):
        named[noun] = noun.search(text) is not None
    found = []
    for pattern, noun in SEASON_PIECES:
        if named[noun]:
            found.extend(p for p in map(_season_piece, pattern.finditer(text)) if p)
    for pattern, noun in EPISODE_PIECES:
        if named[noun]:
            found.extend(p for p in (_episode_piece(m, text) for m in pattern.finditer(text))
                         if p)
    found.sort(key=lambda p: (p.start, -p.end))
    kept = []
    for piece in found:
        if kept and piece.start < kept[-1].end:
            continue
        kept.append(piece)
    return kept


def _joined(pieces, text):
    """Return (start, end, season, episode, seasons) for each run of pieces that name one time."""
    out = []
    i = 0
    while i < len(pieces):
        first = pieces[i]
        season, episode, end, seasons = first.season, first.episode, first.end, first.seasons
        if i + 1 < len(pieces):
            second = pieces[i + 1]
            between = text[first.end:second.start]
            if first.is_season and season and not second.is_season and episode is None \
                    and SEASON_THEN_EPISODE.match(between):
                episode, end, i = second.episode, second.end, i + 1
            elif not first.is_season and second.is_season and second.season \
                    and second.episode is None and EPISODE_THEN_SEASON.match(between):
                season, seasons, end, i = second.season, second.seasons, second.end, i + 1
        out.append((first.start, end, season, episode, seasons))
        i += 1
    return out


def _work_around(ctx, start_char, end_char):
    """Return the work named next to a mention ("Harbour Lights season 2", "Harbour
    Lights's second season", "season 2 of Harbour Lights"), or None; a country,
    channel or award is none, nor a possessive unless the article writes the name as
    a title or is about television, and never a person's ("Ada Marsh's first
    season")."""
    tokens = ctx.tokens
    span = ctx.doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return None
    first, last = span.start, span.end
    if first > 0 and tokens.lower[first - 1] == "the":
        first -= 1
    before = ctx.name_ending(first) or _label_before(ctx, span.start, end_char)
    if before is None and first > 1 and tokens.text[first - 1] in CLOSING_QUOTES:
        before = ctx.name_ending(first - 1)  # "'Red Orchard' Season 3"
    if before is not None:
        if not_a_work(ctx, before) or SHORT_SEASON.match(span.text) and not (
                written_as_title(ctx, before) or about_television(ctx)
                and tokens.ent_type[before.start] not in ("ORG", "PRODUCT")):
            return None  # "a Samsung Galaxy S3" is no season
        return full_title(ctx, before)
    if last + 1 < len(tokens) and tokens.lower[last] == "of":
        k = last + 1
        while k < len(tokens) and k <= last + 3 and ctx.name_starting(k) is None \
                and (tokens.text[k] in QUOTE_MARKS or tokens.lower[k] == "the"):
            k += 1
        after = ctx.name_starting(k)
        owned = after.end if after is not None else k
        if owned < len(tokens) and tokens.tag[owned] == "CD":
            owned += 1  # "Channel 4's"
        if after is not None and owned + 1 < len(tokens) \
                and tokens.text[owned] in APOSTROPHE_S:
            # "the fourth series of Channel 4's Island Nights": the show after the owner.
            k = owned + 1
            after = ctx.name_starting(k)
        if after is not None:
            if not_a_work(ctx, after, places=False) or tokens.text[k - 1] == "the" \
                    and not (about_television(ctx) or written_as_title(ctx, after)):
                return None  # "the first season of the Premiership" in a sports report
            # "season 14 of “The Tide Show”": the title keeps its capital "The".
            the = tokens.text[k - 1] == "The" and not after.text.startswith("The ")
            title = full_title(ctx, after)
            return f"The {title}" if the else title
    if first > 1 and tokens.text[first - 1] in APOSTROPHE_S:
        owner = ctx.name_ending(first - 1)
        if owner is not None:
            if not_a_work(ctx, owner) or not written_as_title(ctx, owner) and (
                    tokens.ent_type[owner.start] == "PERSON" or not about_television(ctx)):
                return None
            # "The Voice's 14th season": the title keeps its capital "The".
            title = full_title(ctx, owner)
            the = owner.start > 0 and tokens.text[owner.start - 1] == "The" \
                and not title.startswith("The ")
            return f"The {title}" if the else title
    return None


# A title that opens a line and labels a season after a colon, a dash or a comma:
# "Hollow Pines: Season Two", "Kilmore Tales, series 3, episode 2: ...", "Red
# Orchard – season 3 review". What may follow the season on such a line.
LABEL_MARKS = frozenset({":", ",", "-", "–", "—"})
LABEL_END = re.compile(r"[^\S\n]*(?:$|[,:(\-–—|]|review|recap)", re.IGNORECASE | re.MULTILINE)
LINE_START_MARKS = "#*_ \t"
CLOSING_QUOTES = frozenset({"'", '"', "”", "’"})


def _label_before(ctx, first, end_char):
    """Return the name that labels a season mention starting at token ``first`` from
    the start of its line, or None: "Hollow Pines: Season Two" gives Hollow Pines;
    a name NER calls a person only before a season with its episode."""
    tokens = ctx.tokens
    if first < 2 or tokens.text[first - 1] not in LABEL_MARKS:
        return None
    name = ctx.name_ending(first - 1)
    if name is None or not LABEL_END.match(tokens.doc_text, end_char):
        return None
    line_start = tokens.doc_text.rfind("\n", 0, tokens.idx[name.start]) + 1
    if tokens.doc_text[line_start:tokens.idx[name.start]].strip(LINE_START_MARKS):
        return None
    if tokens.text[first - 1] == "," and "PERSON" in name.labels \
            and not EPISODE_WORD.search(tokens.doc_text, tokens.idx[first], end_char):
        return None  # "Ada Marsh, series 1-3" lists a cast; "X, series 3, episode 2" no one
    return name


# "S3" alone, which also ends the names of products ("Galaxy S3", "Audi S4").
SHORT_SEASON = re.compile(r"S\d{1,2}$")
STORY_WORDS = frozenset({"season", "seasons", "series", "episode", "episodes", "finale",
                         "premiere", "ep"})


def _no_season(ctx, start_char, end_char):
    """Return True when a matched phrase is no season of a show: a number that opens a
    title ("the US series 21 Jump Street"), "the first season to be filmed in colour"
    (the earliest to, not season 1), "the second series of films"."""
    tokens = ctx.tokens
    span = ctx.doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return True
    last, after = span.end - 1, span.end
    n = len(tokens)
    # "the US series 21 Jump Street": a noun with a determiner or a modifier before
    # it, a number the parse hangs on the capitalised words after it (an acronym is
    # none: "the series 2 DVD"). A bare noun keeps its number: "In season 2 Cora
    # Vell returns".
    noun = span.start
    modified = noun > 0 and (tokens.lower[noun - 1] in ("the", "a", "an", "this", "that")
                             or tokens.tag[noun - 1] in ("NNP", "JJ"))
    if modified and tokens.tag[last] == "CD" and after < n \
            and tokens.text[after][:1].isupper() and not tokens.text[after].isupper():
        head = tokens.head[last]
        if head > last and tokens.tag[head] in ("NNP", "NNPS") \
                and tokens.lower[head] not in STORY_WORDS:
            return True
        # The parse may leave the number apart ("series 21 Jump Street for three
        # years"): a name that begins right after it and no person's still takes it.
        name = ctx.name_starting(after)
        if name is not None and "PERSON" not in name.labels \
                and tokens.lower[after] not in STORY_WORDS \
                and tokens.tag[after] in ("NNP", "NNPS", "NNS", "NN"):  # "series 40 Days"
            return True
    if tokens.lower[last] in STORY_WORDS and after + 1 < n:
        # "the first series of Night Harbour to win": the owner may stand between.
        owner = ctx.name_starting(after + 1) if tokens.lower[after] == "of" else None
        to = owner.end if owner is not None else after
        if to + 1 < n and tokens.lower[to] == "to" and tokens.tag[to + 1] == "VB":
            return True
        if tokens.lower[last] == "series" and tokens.lower[after] == "of" \
                and tokens.tag[after + 1] == "NNS":
            return True
    return False


def find_story_mentions(ctx):
    """Return every story-time mention of a document (season, episode or both), in
    text order; computed once per article."""
    cached = ctx.memo.get("all_story_mentions")
    if cached is None:
        text = ctx.tokens.doc_text
        cached = [SeasonMention(season, episode, _work_around(ctx, start, end), start, end,
                                seasons)
                  for start, end, season, episode, seasons in _joined(_pieces(text), text)
                  if not (seasons and _no_season(ctx, start, end))]
        ctx.memo["all_story_mentions"] = cached
    return cached


def find_season_mentions(ctx):
    """Return the mentions of a document that give one or more season numbers, in
    text order."""
    return [m for m in find_story_mentions(ctx) if m.seasons]


def _sentence_mentions(ctx):
    """Return {sentence start token: [(token index, mention)]}, computed once per article."""
    cached = ctx.memo.get("story_mentions")
    if cached is None:
        cached = {}
        doc, sent_start = ctx.doc, ctx.tokens.sent_start
        for mention in find_story_mentions(ctx):
            span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
            if span is not None:
                cached.setdefault(sent_start[span.start], []).append((span.start, mention))
        ctx.memo["story_mentions"] = cached
    return cached


# A mention after these words times the verb ("died in the season 1 finale"); one
# in a noun phrase ("the villain of the first season") less so.
TIME_PREPOSITIONS = frozenset({"in", "during", "at", "by", "until", "till", "before",
                               "after", "since", "throughout", "from", "for"})


def _distance(tokens, mention_start, token_index):
    """Return how far a mention is from a token, mentions after a time preposition
    counting as nearer."""
    distance = abs(mention_start - token_index)
    j = mention_start - 1
    if j >= 0 and tokens.lower[j] in ("the", "its", "their", "his", "her"):
        j -= 1
    return distance - 5 if j >= 0 and tokens.lower[j] in TIME_PREPOSITIONS else distance


# A heading that names a season: a short line of its own, Markdown marks allowed,
# perhaps with a subtitle ("## Season 2", "Season One: The Return", "**Series 3
# (2019)**"), never a sentence ("Season 2 was darker.").
SEASON_HEADING = re.compile(
    rf"^[ \t]*(?:#{{1,6}}[ \t]*)?[*_]{{0,2}}[ \t]*(?P<words>{SEASON_NOUN}[ \t]+"
    rf"{NUMBER_WORD_PATTERN}|{ORDINAL_WORD_PATTERN}[ \t]+{SEASON_NOUN}|S\d{{1,2}})"
    r"(?P<rest>(?:[ \t]*[:(\-–—][^\n]*)?)[*_]{0,2}[ \t]*$", re.IGNORECASE | re.MULTILINE)
# Any Markdown heading ends the section of a season heading above it.
MARKDOWN_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+\S", re.MULTILINE)
MAX_HEADING = 80


def _heading_number(words):
    """Return the season a heading's words name ("Season Two", "S3", "Third Series")."""
    found = season_numbers(re.sub(rf"(?i){SEASON_NOUN}|^S(?=\d)", " ", words))
    return found[0] if len(found) == 1 else None


def heading_sections(ctx):
    """Return [(start_char, end_char, season)]: the text each season heading times,
    from the heading to the next heading (a season heading or any Markdown one);
    computed once per article."""
    cached = ctx.memo.get("season_headings")
    if cached is not None:
        return cached
    text = ctx.tokens.doc_text
    body = ctx.article.body_start
    headings = []
    if SEASON_WORD.search(text, body) or "S" in text:
        for match in SEASON_HEADING.finditer(text, body):
            season = _heading_number(match.group("words"))
            if season and len(match.group().strip()) <= MAX_HEADING:
                headings.append((match.start(), match.end(), season))
    cached = []
    if headings:
        ends = sorted({m.start() for m in MARKDOWN_HEADING.finditer(text, body)}
                      | {start for start, _end, _season in headings} | {len(text)})
        for start, end, season in headings:
            stop = next(e for e in ends if e > start)
            cached.append((start, max(stop, end), season))
    ctx.memo["season_headings"] = cached
    return cached


def heading_season(ctx, char):
    """Return the season of the heading whose section holds a character, or None."""
    for start, end, season in heading_sections(ctx):
        if start <= char < end:
            return season
    return None


def front_matter_time(ctx):
    """Return (work, season, episode) the article's front matter gives, or the
    article's work with no season."""
    article = ctx.article
    work = article.work or ctx.default_work
    if article.season:
        return work, article.season, article.episode
    if not article.work:
        return work, _headline_season(ctx, work), None
    return work, None, None


def _headline_season(ctx, work):
    """Return the one season the first line of an article without front matter names
    for its own work ("Night Harbour, season two: ..." reviews season 2), or None."""
    if "headline_season" not in ctx.memo:
        start, end = first_line(ctx.article.text, ctx.article.body_start)
        seasons = {m.season for m in ctx.season_mentions
                   if start <= m.start_char < end and m.work in (None, work)}
        ctx.memo["headline_season"] = seasons.pop() if len(seasons) == 1 else None
    return ctx.memo["headline_season"]


def story_time(ctx, token_index):
    """Return (work, season, episode) of a statement at a token.

    The nearest story-time mention in the same sentence wins; a mention with an
    episode but no season takes the season of the section heading or the front
    matter when it is about the same work (an episode with no season is dropped).
    With no mention, the season of the section heading above ("## Season 2"), else
    the front matter's work, season and episode; else the article's work, no season.
    """
    return story_time_source(ctx, token_index)[:3]


def story_time_source(ctx, token_index):
    """Return (work, season, episode, from_sentence): ``story_time`` and whether the
    sentence itself named the time (True) or the article gave it (False)."""
    near = _sentence_mentions(ctx).get(ctx.tokens.sent_start[token_index])
    default_work, default_season, default_episode = front_matter_time(ctx)
    heading = heading_season(ctx, ctx.tokens.idx[token_index])
    if heading is not None and heading != default_season:
        default_season, default_episode = heading, None
    if not near:
        return default_work, default_season, default_episode, False
    index, mention = min(near, key=lambda item: _distance(ctx.tokens, item[0], token_index))
    work = mention.work or default_work
    season, episode = mention.season, mention.episode
    if season is None and episode is not None and index > 0 \
            and ctx.tokens.lower[index - 1] == "its":
        # "left after the second series, and ... in its finale": the season named
        # before it in the sentence owns the episode
        seasons = [m.season for i, m in near if i < index and m.season is not None
                   and m.work in (None, mention.work)]
        season = seasons[-1] if seasons else None
    if season is None and episode is not None:
        season = default_season if work == default_work else None
        episode = episode if season else None
    return work, season, episode, True
