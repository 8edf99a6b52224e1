"""Continuity rules: how works relate: spin-offs, sequels, prequels, crossovers,
shared and separate continuity.

- ``continuity.spinoff``: "X is a spin-off of Y", "X, a spin-off of Y", "X was spun
  off from Y", "the Y spin-off X", "Y's prequel X" (Y a work, or a name the article
  shows as no person), "X, the spin-off" (of the article's work).
- ``continuity.sequel``: "X is a sequel to Y", "X, a prequel to Y", "X (1992), a
  prequel film" (to the article's work); "X follows on from Y", "X picks up where Y
  left off", "X continues the story of Y" (X a known work).
- ``continuity.reboot``: "X is a reboot (remake, reimagining) of Y": a reboot starts
  its story over, so X is in a separate continuity from Y.
- ``continuity.crossover``: "X is a crossover (event) with Y", "X crossed over with
  Y", "a crossover between X and Y".
- ``continuity.shared``: "X shares a universe with Y", "X and Y share a universe",
  "X is set in the same universe as Y", "X is set in the Y universe", "X is part of
  the Marvel Cinematic Universe"; negated ("X does not share a universe with Y") the
  same words say separate continuity.
- ``continuity.separate``: "X has nothing to do with Y", "X has no connection to Y",
  "X is separate from Y", "X exists outside the MCU", "X takes place in its own
  continuity" (Y: the one other work named in that sentence or the one before).
- ``continuity.pair``: "the two series shared a universe and crossed over": the two
  works named last before it.
- ``continuity.denial``: a question whether X will have anything to do with Y, asked
  or reported ("asked whether ..."), answered in the next sentences with a denial
  ("None whatsoever.", "we're in our own world").

X is the work the subject names: a title (before an aside: "X, which aired on Fox,
has"), "the series" or "the show" (the work of the article or of its section,
``works.work_for``), "it" (opening a sentence: the article's work; later in one: the
work that opens it); Y is each title of the list after the cue ("with A, B and C").
Negated, hedged, modal, conditional and asked statements give nothing.

Reading X, Y and whether the statement is said is in ``continuity_statement``; the
works around a spin-off, sequel, prequel or remake cue in ``continuity_derived``;
the question-and-denial form in ``continuity_denial``.
"""

from graph.extract.mentions.works import (
    is_work,
    title_at,
    title_ending,
    title_of_name,
    titles_from,
    work_for,
)
from graph.extract.mentions.works_index import is_universe, norm_title
from graph.extract.mentions.works_text import (
    APOSTROPHE_S,
    compound_at,
    first_words,
    line_sentence,
    word_positions,
)
from graph.extract.registry import rule
from graph.extract.rules.continuity.denial import denials
from graph.extract.rules.continuity.derived import derived, other_works
from graph.extract.rules.continuity.statement import (
    SERIES_NOUNS,
    Other,
    emit,
    object_works,
    plain,
    polarity,
    relation_fact,
    subject_work,
    words_at,
)

SPINOFF_WORDS = frozenset({"spin-off", "spinoff"})
# "X follows on from Y", "picks up where Y left off", "continues the story of Y".
FOLLOW_VERBS = frozenset({"follows", "followed", "picks", "picked", "continues",
                          "continued"})
SEQUEL_WORDS = {"sequel": "sequel_of", "follow-up": "sequel_of", "prequel": "prequel_of"}
WORLD_WORDS = frozenset({"universe", "continuity", "world", "timeline", "canon", "reality"})
REBOOT_WORDS = frozenset({"reboot", "reimagining", "remake"})
SEPARATE_CUES = (("nothing", "to", "do", "with"), ("no", "connection", "to"),
                 ("no", "connection", "with"), ("no", "connections", "to"),
                 ("not", "connected", "to"), ("not", "connected", "with"),
                 ("unconnected", "to"), ("unconnected", "with"), ("separate", "from"),
                 ("independent", "of"), ("independent", "from"), ("no", "relation", "to"),
                 ("no", "ties", "to"), ("unrelated", "to"), ("outside", "of"), ("outside",))
SHARED_FIRST_WORDS = frozenset({"share", "shares", "shared", "sharing", "same", "part",
                                "within", "in"})


@rule("continuity.spinoff")
def spinoff(ctx):
    """Yield spinoff_of facts: "X is a spin-off of Y", "the Y spin-off X"."""
    doc = ctx.doc
    for i in word_positions(ctx, first_words(SPINOFF_WORDS) | {"spun"}):
        word, after = compound_at(doc, i)
        if doc[i].lower_ == "spun" and words_at(doc, i + 1, ("off",)):
            yield from derived(ctx, i, i + 2, "spinoff_of", "continuity.spinoff")
        elif word in SPINOFF_WORDS:
            yield from derived(ctx, i, after, "spinoff_of", "continuity.spinoff")


@rule("continuity.sequel")
def sequel(ctx):
    """Yield sequel_of and prequel_of facts: "X is a sequel to Y", "X, a prequel film"."""
    doc = ctx.doc
    for i in word_positions(ctx, first_words(SEQUEL_WORDS)):
        word, after = compound_at(doc, i)
        if word in SEQUEL_WORDS:
            yield from derived(ctx, i, after, SEQUEL_WORDS[word], "continuity.sequel")
    for i in word_positions(ctx, FOLLOW_VERBS):
        yield from _follows_on(ctx, i)


def _follows_on(ctx, i):
    """Yield the sequel_of fact of "X follows on from Y", "X picks up where Y left
    off", "X continues the story of Y": the subject continues the work named after."""
    doc = ctx.doc
    after = words_at(doc, i + 1, ("on", "from")) if doc[i].lemma_.lower() == "follow" \
        else words_at(doc, i + 1, ("up", "where")) if doc[i].lemma_.lower() == "pick" \
        else words_at(doc, i + 1, ("the", "story", "of"))
    if after is None or doc[i].pos_ != "VERB":
        return
    others = object_works(ctx, after)
    if doc[i].lemma_.lower() == "continue":
        others = [t for t in others if is_work(ctx, t.text)]  # not "the story of Ada"
    if doc[i].lemma_.lower() == "pick":
        last = others[-1].end if others else None
        if last is None or words_at(doc, last, ("left", "off")) is None:
            return
    work, start = subject_work(ctx, i)
    if work is not None and is_work(ctx, work):
        yield from emit(ctx, work, "sequel_of", others, min(start, i), after,
                        "continuity.sequel", 0.6)


@rule("continuity.reboot")
def reboot(ctx):
    """Yield separate_continuity facts for a reboot, remake or reimagining: "X is a
    reboot of Y" (a reboot starts its story over)."""
    for i in word_positions(ctx, REBOOT_WORDS):
        yield from derived(ctx, i, i + 1, "separate_continuity", "continuity.reboot")


@rule("continuity.crossover")
def crossover(ctx):
    """Yield crossover_with facts: "X is a crossover with Y", "X crossed over with Y"."""
    doc = ctx.doc
    for i in word_positions(ctx, ("crossover", "cross", "crossed", "crosses", "crossing")):
        word, after = compound_at(doc, i)
        if word in ("crossover", "cross-over"):
            if after + 1 < len(doc) and doc[after].pos_ == "NOUN":
                after += 1  # "a crossover event with"
            end = words_at(doc, after, ("with",))
            pair = titles_from(ctx, after + 1) if doc[after].lower_ == "between" else []
            if len(pair) > 1:  # "a crossover between X and Y"
                yield from emit(ctx, pair[0].text, "crossover_with", pair[1:], i, after + 1,
                                "continuity.crossover", 0.8)
                continue
        elif doc[i].lemma_.lower() == "cross" and doc[i].pos_ == "VERB":
            end = words_at(doc, after, ("over", "with")) or words_at(doc, after, ("over", "into"))
        else:
            continue
        if end is None:
            continue
        work, start = subject_work(ctx, i)
        yield from emit(ctx, work, "crossover_with", object_works(ctx, end), min(start, i), end,
                        "continuity.crossover", 0.8)


def _shared_cue(ctx, i):
    """Return (end, others) for a shared-continuity cue at token i ("shares a universe
    with", "in the same universe as", "part of", "shared the show's universe"), where
    ``others`` are the works it names itself; None when there is no cue."""
    doc = ctx.doc
    if doc[i].lemma_.lower() == "share":
        j = i + 1
        while j < len(doc) and j - i < 4 and doc[j].lower_ in ("a", "the", "same", "one",
                                                               "fictional", "its", "their"):
            j += 1
        if j + 2 < len(doc) and doc[j].lower_ in SERIES_NOUNS and \
                doc[j + 1].text in APOSTROPHE_S and doc[j + 2].lower_ in WORLD_WORDS:
            work = work_for(ctx, i)  # "shared the show's universe"
            return (j + 3, [Other(work, doc[j + 2].idx + len(doc[j + 2]))]) if work else None
        if j + 1 < len(doc) and doc[j].lower_ in WORLD_WORDS and doc[j - 1].lower_ != "its":
            if doc[j + 1].lower_ == "with":
                return j + 2, None
            first = title_ending(ctx, i)  # "X and Y share a universe"
            if first and first.start > 1 and doc[first.start - 1].lower_ == "and":
                other = title_ending(ctx, first.start - 1)
                if other:
                    return j + 1, [first]
        return None
    if doc[i].lower_ == "same" and i + 2 < len(doc) and doc[i + 1].lower_ in WORLD_WORDS \
            and doc[i + 2].lower_ == "as":
        return i + 3, None
    if doc[i].lower_ in ("part", "within") or doc[i].lower_ == "in" and i > 0 and \
            doc[i - 1].lower_ in ("set", "place", "exists", "exist"):
        j = words_at(doc, i, ("part", "of")) or i + 1
        title = title_at(ctx, j + 1 if j < len(doc) and doc[j].lower_ == "the" else j)
        if title and title.end < len(doc) and doc[title.end].lower_ in WORLD_WORDS:
            return title.end + 1, [title]  # "set in the Night Harbour universe"
        return (j, None) if title and is_universe(title.text) else None
    return None


@rule("continuity.shared")
def shared(ctx):
    """Yield shares_continuity facts ("X shares a universe with Y"), or separate ones
    when the statement is plainly negated."""
    for i in word_positions(ctx, SHARED_FIRST_WORDS):
        found = _shared_cue(ctx, i)
        if found is None:
            continue
        end, others = found
        work, start = subject_work(ctx, i)
        if others and getattr(others[0], "start", None) == start:
            first = title_ending(ctx, start - 1)
            work, start = first.text, first.start
        yield from emit(ctx, work, "shares_continuity", others or object_works(ctx, end),
                        min(start, i), end, "continuity.shared", 0.8,
                        negated="separate_continuity")


@rule("continuity.separate")
def separate(ctx):
    """Yield separate_continuity facts: "X has nothing to do with Y", "X is separate
    from Y", "X takes place in its own continuity" after a sentence naming Y."""
    doc = ctx.doc
    for i in word_positions(ctx, {cue[0] for cue in SEPARATE_CUES} | {"own"}):
        end = next((e for cue in SEPARATE_CUES if (e := words_at(doc, i, cue))), None)
        own = doc[i].lower_ == "own" and i + 1 < len(doc) and doc[i + 1].lower_ in WORLD_WORDS
        if end is None and not own:
            continue
        work, start = subject_work(ctx, i - 1 if own else i)
        if work is None or plain(ctx, min(start, i), i) is False:
            continue
        if own:
            end = i + 2
            sent = line_sentence(doc, i)
            others = other_works(ctx, sent, work)
            if not others and sent[0] > 0:
                others = other_works(ctx, line_sentence(doc, sent[0] - 1), work)[:2]
            others = others if len(others) == 1 else []
        else:
            others = object_works(ctx, end)
            if doc[i].lower_ == "outside":  # "outside the MCU", not "outside the city"
                others = [o for o in others if is_work(ctx, o.text)]
        for other in others:
            fact = relation_fact(ctx, work, "separate_continuity", other.text, min(start, i),
                                 max(other.end_char, doc[end - 1].idx + len(doc[end - 1])),
                                 "continuity.separate", 0.75)
            if fact:
                yield fact


def _works_before(ctx, i, count=2, reach=150):
    """Return the last ``count`` distinct known works named before token i (nearest
    first), within ``reach`` tokens."""
    found, seen = [], set()
    for name in reversed(ctx.names):
        if name.start >= i:
            continue
        if name.start < i - reach or len(found) == count:
            break
        title = title_of_name(ctx, name)
        if title and title.end <= i and is_work(ctx, title.text) \
                and norm_title(title.text) not in seen:
            seen.add(norm_title(title.text))
            found.append(title)
    return found


@rule("continuity.pair")
def pair(ctx):
    """Yield the facts of "the two series shared a universe and crossed over", relating
    the two works named last (the article's own work first)."""
    doc = ctx.doc
    for i in word_positions(ctx, ("two", "both")):
        if i == 0 or i + 1 >= len(doc):
            continue
        two = doc[i].lower_ == "two" and doc[i - 1].lower_ == "the" or doc[i].lower_ == "both"
        if not two or compound_at(doc, i + 1)[0] not in SERIES_NOUNS | {"shows", "films"}:
            continue
        works = [t.text for t in _works_before(ctx, i)]
        if len(works) < 2:
            continue
        if norm_title(works[0]) == norm_title(work_for(ctx, i) or ""):
            works.reverse()
        other, work = works
        for j in range(i + 2, doc[i].sent.end):
            if doc[j].lemma_.lower() == "share" and j + 2 < len(doc) \
                    and doc[j + 2].lower_ in WORLD_WORDS:
                relation, end = "shares_continuity", j + 3
            elif doc[j].lemma_.lower() == "cross" and words_at(doc, j + 1, ("over",)):
                relation, end = "crossover_with", j + 2
            else:
                continue
            said = polarity(ctx, j, end)
            if said == "no" and relation == "shares_continuity":
                relation = "separate_continuity"
            elif said != "yes":
                continue
            last = doc[end - 1]
            fact = relation_fact(ctx, work, relation, other, i - 1, last.idx + len(last.text),
                                 "continuity.pair", 0.65)
            if fact:
                yield fact


@rule("continuity.denial")
def denial(ctx):
    """Yield separate_continuity facts from a question whether X has anything to do with
    Y answered by a denial in the next sentences (``continuity_denial``)."""
    return denials(ctx)
