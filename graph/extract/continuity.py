"""Continuity rules: how works relate: spin-offs, sequels, prequels, crossovers,
shared and separate continuity.

- ``continuity.spinoff``: "X is a spin-off of Y", "X, a spin-off of Y", "X was spun
  off from Y", "the Y spin-off X", "X, the spin-off" (of the article's work).
- ``continuity.sequel``: "X is a sequel to Y", "X, a prequel to Y", "X (1992), a
  prequel film" (to the article's work).
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
"""

import bisect

from graph.extract.modality import CONDITIONS, HEDGES, MODALS, NEGATIONS, WINDOW
from graph.extract.registry import rule
from graph.extract.works import (
    APOSTROPHE_S,
    QUOTES,
    WORK_NOUNS,
    asserted_in_line,
    compound_at,
    compound_ending,
    first_words,
    is_markup,
    is_universe,
    is_work,
    line_sentence,
    norm_title,
    opens_sentence,
    title_at,
    title_ending,
    title_of_name,
    titles_from,
    word_positions,
    work_for,
)
from graph.model.facts import Continuity

SPINOFF_WORDS = frozenset({"spin-off", "spinoff"})
SEQUEL_WORDS = {"sequel": "sequel_of", "follow-up": "sequel_of", "prequel": "prequel_of"}
WORLD_WORDS = frozenset({"universe", "continuity", "world", "timeline", "canon", "reality"})
# Words between a work and the cue that say nothing about the relation.
SUBJECT_FILLER = frozenset({"is", "was", "are", "were", "be", "been", "became", "becomes",
                            "remains", "serves", "served", "also", "itself", "which", "that",
                            "already", "still", "officially", "technically", "effectively",
                            "set", "in", "takes", "took", "place", "exists", "existed",
                            "the", "a", "an", "has", "had", "have", "does", "did", "do",
                            "very", "much", "firmly", "entirely", "completely", "really",
                            "to"})
# "X acts as a prequel to Y": verbs whose "as" leads to the relation, not away from it.
AS_VERBS = frozenset({"acts", "act", "acted", "serves", "serve", "served", "functions",
                      "works", "worked", "doubles", "stands", "stood"})
REBOOT_WORDS = frozenset({"reboot", "reimagining", "remake"})
SERIES_NOUNS = frozenset({"series", "show", "miniseries", "programme", "program", "sitcom",
                          "drama", "serial", "soap"})
# "Will X have anything to do with Y?": the words of a question about a connection.
CONNECTION_CUES = (("anything", "to", "do", "with"), ("any", "connection", "to"),
                   ("any", "connection", "with"), ("connected", "to"), ("connected", "with"),
                   ("tie", "into"), ("tie", "in", "with"), ("tie", "in", "to"),
                   ("part", "of"),
                   ("share", "a", "universe", "with"), ("link", "to"), ("linked", "to"),
                   ("connect", "to"), ("connect", "with"), ("relate", "to"))
SEPARATE_CUES = (("nothing", "to", "do", "with"), ("no", "connection", "to"),
                 ("no", "connection", "with"), ("no", "connections", "to"),
                 ("not", "connected", "to"), ("not", "connected", "with"),
                 ("unconnected", "to"), ("unconnected", "with"), ("separate", "from"),
                 ("independent", "of"), ("independent", "from"), ("no", "relation", "to"),
                 ("no", "ties", "to"), ("unrelated", "to"), ("outside", "of"), ("outside",))
DENIAL_OPENERS = frozenset({"no", "none", "nope", "nothing", "never", "not", "absolutely"})
# "No word yet", "Not yet": openers that deny nothing.
NOT_DENIALS = frozenset({"word", "one", "comment", "news", "details", "confirmation", "yet",
                         "idea", "clue", "official", "decision", "date", "plans", "doubt"})
OWN_WORLD = frozenset({"world", "universe", "continuity", "thing", "timeline", "canon"})
ANSWER_SEGMENTS = 4
SHARED_FIRST_WORDS = frozenset({"share", "shares", "shared", "sharing", "same", "part",
                                "within", "in"})
# Hedges that may close a sentence: "X is a spin-off of Y, reportedly."
TRAILING_HEDGES = frozenset({"reportedly", "allegedly", "apparently", "supposedly", "rumoured",
                             "rumored", "possibly", "perhaps", "maybe", "unconfirmed"})


def _words_at(doc, i, words):
    """Return the index after ``words`` (lower-case) read at token i, or None."""
    if i + len(words) > len(doc):
        return None
    for n, word in enumerate(words):
        if doc[i + n].lower_ != word:
            return None
    return i + len(words)


def _clause_words(ctx, start):
    """Return the lower-case words of the clause before token ``start`` (at most WINDOW)."""
    doc = ctx.doc
    sent = line_sentence(doc, start)[0]
    words = []
    for i in range(start - 1, max(sent, start - WINDOW) - 1, -1):
        if doc[i].text in (";", ":", "—", "–") or doc[i].lower_ in ("but", "although", "while"):
            break
        words.append(doc[i].lower_)
    return words


def _asked(doc, i):
    """Return True when the sentence of token i (cut at line breaks) is a question."""
    end = line_sentence(doc, i)[1]
    while end > i + 1 and doc[end - 1].is_space:
        end -= 1
    return doc[end - 1].text == "?"


def polarity(ctx, start, end):
    """Return "yes" for an asserted statement at tokens [start, end), "no" for a plainly
    negated one ("does not share"), None for a hedged, modal, conditional or asked one."""
    doc = ctx.doc
    before = set(_clause_words(ctx, start))
    inside = {t.lower_ for t in doc[start:end]}
    after = {t.lower_ for t in doc[end:line_sentence(doc, start)[1]]}
    # modality looks before the statement; a relation's words run from its subject to
    # its cue ("X could be a spin-off of") and may end on a hedge (", reportedly.").
    if (MODALS | HEDGES | CONDITIONS) & inside or TRAILING_HEDGES & after:
        return None
    if asserted_in_line(ctx, start, end):
        return "yes"
    if _asked(doc, start) or (MODALS | HEDGES | CONDITIONS) & before:
        return None
    return "no" if NEGATIONS & (before | inside) else None


def _fact(ctx, work, relation, other, start, end_char, rule_name, confidence):
    """Return a Continuity Fact quoting from token ``start`` to ``end_char``, or None
    for a work related to itself."""
    if not work or not other or norm_title(work) == norm_title(other):
        return None
    claim = Continuity(work=work, relation=relation, with_=other)
    return ctx.fact(claim, ctx.doc[start].idx, end_char, rule_name, confidence)


def _emit(ctx, work, relation, others, start, cue_end, rule_name, confidence, negated=None):
    """Yield facts relating ``work`` to each Title in ``others``, when asserted.

    ``negated`` is the relation a plainly negated statement makes instead (None: none).
    """
    said = polarity(ctx, start, cue_end)
    if said == "no":
        relation = negated
    if said is None or relation is None:
        return
    cue = ctx.doc[cue_end - 1]
    for other in others:
        fact = _fact(ctx, work, relation, other.text, start,
                     max(other.end_char, cue.idx + len(cue.text)), rule_name, confidence)
        if fact:
            yield fact


def subject_work(ctx, i):
    """Return (work, start) of the subject of a cue at token i: a title, "the series",
    "it" opening a sentence, "X, the spin-off that"; (None, i) when unsaid."""
    doc = ctx.doc
    j = i
    while j > 0 and (doc[j - 1].lower_ in SUBJECT_FILLER or doc[j - 1].pos_ in ("ADV", "AUX")
                     or doc[j - 1].lower_ in NEGATIONS or is_markup(doc[j - 1])
                     or doc[j - 1].tag_ in ("JJ", "VBN") and doc[j - 1].is_lower
                     or doc[j - 1].lower_ in AS_VERBS
                     or doc[j - 1].lower_ == "as" and j > 1 and doc[j - 2].lower_ in AS_VERBS):
        j -= 1
    comma = j > 0 and doc[j - 1].text == ","
    if comma:
        j -= 1
    if j == 0:
        return None, i
    title = title_ending(ctx, j, strict=True)
    if title and comma and not is_work(ctx, title.text):
        # "Gotham, which aired on Fox, has": the subject stands before the aside.
        m = j - 1
        while m > 0 and j - m < 15 and doc[m].text != "," and not opens_sentence(doc, m):
            m -= 1
        before = title_ending(ctx, m, strict=True) if doc[m].text == "," else None
        if before and is_work(ctx, before.text):
            title = before
    if title:
        return title.text, title.start
    word, k = compound_ending(doc, j)
    if word in SERIES_NOUNS | {"spin-off", "spinoff", "reboot", "revival"} and k > 0:
        while k > 0 and j - k < 5 and doc[k - 1].lower_ not in ("the", "this", ","):
            k -= 1
        if k > 1 and doc[k - 1].lower_ == "the" and doc[k - 2].text == ",":
            head = title_ending(ctx, k - 2)  # "Angel, the spin-off that ..."
            if head:
                return head.text, head.start
        if doc[k - 1].lower_ in ("the", "this") and word in SERIES_NOUNS:
            return work_for(ctx, i), k - 1
    if doc[j - 1].lower_ == "it" and opens_sentence(doc, j - 1):
        return work_for(ctx, i), j - 1
    if doc[j - 1].lower_ == "it":
        return _sentence_topic(ctx, j - 1)  # "X started on CBS, but it crossed over"
    if doc[j - 1].lower_ == "as":
        return _sentence_topic(ctx, j - 1)
    return None, i


def _sentence_topic(ctx, i):
    """Return (work, start) of the known work opening the sentence of token i:
    "Angel premiered on The WB in 1999 as a spin-off of ..."."""
    doc = ctx.doc
    k = i
    while k > 0 and not opens_sentence(doc, k):
        k -= 1
    title = title_at(ctx, k)
    if title and is_work(ctx, title.text) and title.end <= i:
        return title.text, title.start
    return None, i


def _objects(ctx, i):
    """Return the Titles of the works after a cue ending at token i; "the show's
    universe", "the parent series" name the article's work."""
    doc = ctx.doc
    found = titles_from(ctx, i + 1 if i < len(doc) and doc[i].text == "the" else i, quoted=True)
    if found and found[-1].end < len(doc) and compound_at(doc, found[-1].end)[0] in WORK_NOUNS \
            and not is_work(ctx, found[-1].text):
        return []  # "the Netflix show": a company's name before a noun, not a title
    if found:
        return found
    j = i + 1 if i < len(doc) and doc[i].lower_ == "the" else i
    while j < len(doc) and j - i < 3 and doc[j].lower_ in ("parent", "original", "main", "same"):
        j += 1
    word, after = compound_at(doc, j) if j < len(doc) else ("", j)
    if j > i and word in SERIES_NOUNS:
        work = work_for(ctx, i)
        if work:
            last = doc[after - 1]
            return [_Other(work, last.idx + len(last.text))]
    return []


class _Other:
    """A work named by a phrase rather than a title ("the parent series")."""

    def __init__(self, text, end_char):
        self.text, self.end_char = text, end_char


def _derived(ctx, i, after, relation, rule_name):
    """Yield the facts of a spin-off, sequel or prequel cue at tokens [i, after):
    "X is a spin-off of Y", "the Y spin-off X", "X, the Y prequel", "X is a Y sequel",
    "X, a prequel film" (to the article's work when the sentence names no other)."""
    doc = ctx.doc
    if after < len(doc) and compound_at(doc, after)[0] in WORK_NOUNS:
        after = compound_at(doc, after)[1]  # "a prequel film to"
    if after < len(doc) and doc[after].lower_ in ("of", "from", "to"):
        work, start = subject_work(ctx, i)
        yield from _emit(ctx, work, relation, _objects(ctx, after + 1), min(start, i), after,
                         rule_name, 0.85)
        return
    parent = title_ending(ctx, i - 1 if doc[i - 1].text in APOSTROPHE_S else i)
    if parent and is_work(ctx, parent.text):
        child = title_at(ctx, after + 1 if after < len(doc) and doc[after].text == "," else after)
        det = parent.start - 1 if parent.start > 0 and doc[parent.start - 1].lower_ in (
            "a", "an", "the") else parent.start
        if child is None and det > 1 and doc[det - 1].text == ",":
            child = title_ending(ctx, det - 1)
            start = child.start if child else det
        elif child is None:
            work, start = subject_work(ctx, det)
            child = _Other(work, 0) if work else None
        else:
            start = parent.start
        if child:
            yield from _emit(ctx, child.text, relation, [parent], min(start, i), after,
                             rule_name, 0.8)
        return
    if i > 1 and doc[i - 1].lower_ in ("a", "an", "the") and doc[i - 2].text == ",":
        child = title_ending(ctx, i - 2)
        parent = work_for(ctx, i)
        if child is None or parent is None:
            return
        named = _other_works(ctx, line_sentence(doc, i), child.text)
        if all(norm_title(t.text) == norm_title(parent) for t in named):
            last = doc[after - 1]
            yield from _emit(ctx, child.text, relation,
                             [_Other(parent, last.idx + len(last.text))], child.start, after,
                             rule_name, 0.6)


@rule("continuity.spinoff")
def spinoff(ctx):
    """Yield spinoff_of facts: "X is a spin-off of Y", "the Y spin-off X"."""
    doc = ctx.doc
    for i in word_positions(ctx, first_words(SPINOFF_WORDS) | {"spun"}):
        word, after = compound_at(doc, i)
        if doc[i].lower_ == "spun" and _words_at(doc, i + 1, ("off",)):
            yield from _derived(ctx, i, i + 2, "spinoff_of", "continuity.spinoff")
        elif word in SPINOFF_WORDS:
            yield from _derived(ctx, i, after, "spinoff_of", "continuity.spinoff")


@rule("continuity.sequel")
def sequel(ctx):
    """Yield sequel_of and prequel_of facts: "X is a sequel to Y", "X, a prequel film"."""
    doc = ctx.doc
    for i in word_positions(ctx, first_words(SEQUEL_WORDS)):
        word, after = compound_at(doc, i)
        if word in SEQUEL_WORDS:
            yield from _derived(ctx, i, after, SEQUEL_WORDS[word], "continuity.sequel")


@rule("continuity.reboot")
def reboot(ctx):
    """Yield separate_continuity facts for a reboot, remake or reimagining: "X is a
    reboot of Y" (a reboot starts its story over)."""
    for i in word_positions(ctx, REBOOT_WORDS):
        yield from _derived(ctx, i, i + 1, "separate_continuity", "continuity.reboot")


@rule("continuity.crossover")
def crossover(ctx):
    """Yield crossover_with facts: "X is a crossover with Y", "X crossed over with Y"."""
    doc = ctx.doc
    for i in word_positions(ctx, ("crossover", "cross", "crossed", "crosses", "crossing")):
        word, after = compound_at(doc, i)
        if word in ("crossover", "cross-over"):
            if after + 1 < len(doc) and doc[after].pos_ == "NOUN":
                after += 1  # "a crossover event with"
            end = _words_at(doc, after, ("with",))
            pair = titles_from(ctx, after + 1) if doc[after].lower_ == "between" else []
            if len(pair) > 1:  # "a crossover between X and Y"
                yield from _emit(ctx, pair[0].text, "crossover_with", pair[1:], i, after + 1,
                                 "continuity.crossover", 0.8)
                continue
        elif doc[i].lemma_.lower() == "cross" and doc[i].pos_ == "VERB":
            end = _words_at(doc, after, ("over", "with")) or _words_at(doc, after, ("over",
                                                                                     "into"))
        else:
            continue
        if end is None:
            continue
        work, start = subject_work(ctx, i)
        yield from _emit(ctx, work, "crossover_with", _objects(ctx, end), min(start, i), end,
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
            return (j + 3, [_Other(work, doc[j + 2].idx + len(doc[j + 2]))]) if work else None
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
        j = _words_at(doc, i, ("part", "of")) or i + 1
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
        yield from _emit(ctx, work, "shares_continuity", others or _objects(ctx, end),
                         min(start, i), end, "continuity.shared", 0.8,
                         negated="separate_continuity")


def _other_works(ctx, sent, work):
    """Return the Titles of known works named in tokens [start, end), ``work`` left out."""
    found = []
    for name in ctx.names:
        if name.start >= sent[1]:
            break
        if name.start >= sent[0]:
            title = title_of_name(ctx, name)
            if title and is_work(ctx, title.text) and norm_title(title.text) != norm_title(work):
                found.append(title)
    return found


@rule("continuity.separate")
def separate(ctx):
    """Yield separate_continuity facts: "X has nothing to do with Y", "X is separate
    from Y", "X takes place in its own continuity" after a sentence naming Y."""
    doc = ctx.doc
    for i in word_positions(ctx, {cue[0] for cue in SEPARATE_CUES} | {"own"}):
        end = next((e for cue in SEPARATE_CUES if (e := _words_at(doc, i, cue))), None)
        own = doc[i].lower_ == "own" and i + 1 < len(doc) and doc[i + 1].lower_ in WORLD_WORDS
        if end is None and not own:
            continue
        work, start = subject_work(ctx, i - 1 if own else i)
        if work is None or _plain(ctx, min(start, i), i) is False:
            continue
        if own:
            end = i + 2
            sent = line_sentence(doc, i)
            others = _other_works(ctx, sent, work)
            if not others and sent[0] > 0:
                others = _other_works(ctx, line_sentence(doc, sent[0] - 1), work)[:2]
            others = others if len(others) == 1 else []
        else:
            others = _objects(ctx, end)
            if doc[i].lower_ == "outside":  # "outside the MCU", not "outside the city"
                others = [o for o in others if is_work(ctx, o.text)]
        for other in others:
            fact = _fact(ctx, work, "separate_continuity", other.text, min(start, i),
                         max(other.end_char, doc[end - 1].idx + len(doc[end - 1])),
                         "continuity.separate", 0.75)
            if fact:
                yield fact


def _plain(ctx, start, end):
    """Return False when a statement with its own negation ("has nothing to do with") is
    hedged, modal, conditional, asked or negated once more."""
    doc = ctx.doc
    if _asked(doc, start):
        return False
    before = set(_clause_words(ctx, start)) | {t.lower_ for t in doc[start:end]}
    return not (MODALS & before or HEDGES & before or CONDITIONS & before or NEGATIONS & before)


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
            elif doc[j].lemma_.lower() == "cross" and _words_at(doc, j + 1, ("over",)):
                relation, end = "crossover_with", j + 2
            else:
                continue
            said = polarity(ctx, j, end)
            if said == "no" and relation == "shares_continuity":
                relation = "separate_continuity"
            elif said != "yes":
                continue
            last = doc[end - 1]
            fact = _fact(ctx, work, relation, other, i - 1, last.idx + len(last.text),
                         "continuity.pair", 0.65)
            if fact:
                yield fact


def _segments(doc):
    """Return (start, end) token ranges of the sentences, also split at line breaks."""
    bounds = [0]
    for token in doc[1:]:
        if token.is_sent_start or "\n" in doc[token.i - 1].text:
            bounds.append(token.i)
    bounds.append(len(doc))
    segs = []
    for s, e in zip(bounds, bounds[1:], strict=False):
        while e > s + 1 and doc[e - 1].is_space:
            e -= 1
        segs.append((s, e))
    return segs


def _denies(doc, start, end):
    """Return True when a segment answers a question with a denial: "None whatsoever.",
    "No.", "Not at all.", or says the work is in its own world or stands alone."""
    first = start
    while first < end and (doc[first].is_space or is_markup(doc[first])
                           or doc[first].text in QUOTES):
        first += 1
    clause = first
    while clause < end and not (doc[clause].is_punct and clause > first):
        clause += 1  # the answer's first clause: '"Never," he said.'
    words = [t for t in doc[first:clause] if t.is_alpha]
    if words and words[0].lower_ in DENIAL_OPENERS and len(words) <= 4 \
            and not any(t.pos_ in ("VERB", "AUX") or t.lower_ in NOT_DENIALS for t in words) \
            and (words[0].lower_ != "absolutely" or words[1:2] and words[1].lower_ == "not"):
        return True
    lowers = [t.lower_ for t in doc[first:end]]
    return "standalone" in lowers or any(
        a == "own" and b in OWN_WORLD for a, b in zip(lowers, lowers[1:], strict=False))


def _question_subject(ctx, start, cue):
    """Return the known work that a reported question is about ("whether X will have
    anything to do with"), else the article's work."""
    doc = ctx.doc
    for k in range(start, cue):
        if doc[k].lower_ in ("whether", "if", "will", "would", "does", "is"):
            title = title_at(ctx, k + 1)
            if title and title.end <= cue:
                return title.text if is_work(ctx, title.text) else work_for(ctx, cue)
    return work_for(ctx, cue)


@rule("continuity.denial")
def denial(ctx):
    """Yield separate_continuity facts from a question whether X has anything to do with
    Y answered by a denial in the next sentences."""
    doc = ctx.doc
    segs, done = None, -1
    for cue in word_positions(ctx, {words[0] for words in CONNECTION_CUES}):
        end = next((e for words in CONNECTION_CUES if (e := _words_at(doc, cue, words))), None)
        if end is None:
            continue
        segs = segs or _segments(doc)
        n = bisect.bisect_right(segs, (cue, len(doc))) - 1
        if n <= done:
            continue  # one question, one answer
        s, e = segs[n]
        other = title_at(ctx, end + 1 if end < e and doc[end].lower_ == "the" else end,
                         quoted=True)
        asked = doc[e - 1].text == "?" or any(t.lower_ in ("whether", "if") for t in doc[s:cue])
        if not asked or other is None or not (is_work(ctx, other.text) or ":" in other.text):
            continue
        work = _question_subject(ctx, s, cue)
        for s2, e2 in segs[n + 1:n + 1 + ANSWER_SEGMENTS]:
            if doc[e2 - 1].text == "?":
                break
            if _denies(doc, s2, e2):
                last = doc[e2 - 1]
                fact = _fact(ctx, work, "separate_continuity", other.text, cue,
                             last.idx + len(last.text), "continuity.denial", 0.7)
                if fact:
                    done = n
                    yield fact
                break
