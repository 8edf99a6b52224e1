"""The question-and-denial form of separate continuity: a question whether X will
have anything to do with Y, asked or reported ("asked whether ..."), answered in the
next sentences with a denial ("None whatsoever.", "No.", "we're in our own world").

``denials(ctx)`` yields the facts; ``continuity`` registers it as the rule
``continuity.denial``.
"""

import bisect

from graph.extract.mentions.works import is_work, title_at, work_for
from graph.extract.mentions.works_text import QUOTES, is_markup, word_positions
from graph.extract.rules.continuity.statement import relation_fact, words_at

# "Will X have anything to do with Y?": the words of a question about a connection.
CONNECTION_CUES = (("anything", "to", "do", "with"), ("any", "connection", "to"),
                   ("any", "connection", "with"), ("connected", "to"), ("connected", "with"),
                   ("tie", "into"), ("tie", "in", "with"), ("tie", "in", "to"),
                   ("part", "of"),
                   ("share", "a", "universe", "with"), ("link", "to"), ("linked", "to"),
                   ("connect", "to"), ("connect", "with"), ("relate", "to"))
DENIAL_OPENERS = frozenset({"no", "none", "nope", "nothing", "never", "not", "absolutely"})
# "No word yet", "Not yet": openers that deny nothing.
NOT_DENIALS = frozenset({"word", "one", "comment", "news", "details", "confirmation", "yet",
                         "idea", "clue", "official", "decision", "date", "plans", "doubt"})
OWN_WORLD = frozenset({"world", "universe", "continuity", "thing", "timeline", "canon"})
ANSWER_SEGMENTS = 4


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


def denials(ctx):
    """Yield separate_continuity facts from a question whether X has anything to do with
    Y answered by a denial in the next sentences."""
    doc = ctx.doc
    segs, done = None, -1
    for cue in word_positions(ctx, {words[0] for words in CONNECTION_CUES}):
        end = next((e for words in CONNECTION_CUES if (e := words_at(doc, cue, words))), None)
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
                fact = relation_fact(ctx, work, "separate_continuity", other.text, cue,
                                     last.idx + len(last.text), "continuity.denial", 0.7)
                if fact:
                    done = n
                    yield fact
                break
