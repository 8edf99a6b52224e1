"""Who a pronoun or a description stands for in portrayal statements: "she" in
"Ann Marsh won for X, in which she plays Vera", "her" in "her role as Vera", "the
actor" in "The actor plays Vera", and the person an article is about.

A performer named in the sentence or the few before wins; else, for a subject
pronoun, the person named as a subject before it in its sentence; for "the actor",
the person named as a subject in the sentences before; last, the person the article
is about (``topic_person``). Pronoun gender is not read.
"""

from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from graph.extract.mentions.kinds import full_person, kind_of, looks_like_work, performers
from graph.extract.rules.portrayal.base import (
    established_actors,
    established_characters,
    plausible_actor,
)

SUBJECT_PRONOUNS = frozenset({"he", "she"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How many sentences back a pronoun may find its performer.
PRONOUN_SENTENCES = 3
# How often a person's surname must come back for the article to be about them.
TOPIC_MENTIONS = 3


def topic_person(ctx):
    """Return the person an article is about, when it has one: the full name of a
    person (NER PERSON or called a performer, two to four words) whose surname the
    article repeats most, at least ``TOPIC_MENTIONS`` times, the full name repeated
    most among namesakes; else None."""
    memo = ctx.memo
    if "topic_person" not in memo:
        counts = Counter(span.text.split()[-1] for span in ctx.names)
        # Namesakes share a surname ("Edmund Hale" and his wife "June Hale"): the full
        # name the article repeats most wins.
        full = Counter(span.text for span in ctx.names)
        best, most = None, (TOPIC_MENTIONS - 1, float("inf"))
        for span in ctx.names:
            kind = kind_of(ctx, span)
            # NER misses some persons; the article calling one an actor is evidence too.
            if 2 <= span.size <= 4 and ("PERSON" in span.labels or kind == "performer") \
                    and not span.nickname and kind not in ("maker", "work", "thing"):
                n = (counts[span.text.split()[-1]], full[span.text])
                if n > most:
                    best, most = span.text, n
        memo["topic_person"] = best
    return memo["topic_person"]


def pronoun_actor(ctx, index, described=False):
    """Return the name a pronoun at ``index`` stands for when it is a performer's:
    the nearest performer named in this sentence or the few before, else (for a
    subject pronoun) the nearest person named as a subject before it in its sentence
    ("Ann Marsh won for X, in which she plays Vera") or, when it opens its sentence,
    in the sentence before, else the person the article is about. ``described`` is
    for "the actor", "the star": the nearest person named in the few sentences
    before stands for it."""
    tokens = ctx.tokens
    topic = topic_person(ctx)
    # A part the article gives an actor never stands for a performer ("Tom Reed plays
    # Winston Churchill. He ...").
    known = (established_actors(ctx) | performers(ctx) | ({topic} if topic else set())) \
        - established_characters(ctx)
    first = tokens.sent_start[index]
    for _ in range(PRONOUN_SENTENCES):
        if first == 0:
            break
        first = tokens.sent_start[first - 1]
    starts = ctx.memo.get("name_starts")
    if starts is None:
        starts = ctx.memo["name_starts"] = [span.start for span in ctx.names]
    person = None
    subject = tokens.lower[index] in SUBJECT_PRONOUNS
    # A subject pronoun opening its sentence may stand for the subject of the sentence
    # before: "Orrin Vale, 70, is best known for Harbour Lights. He played Silas ...".
    reach = tokens.sent_start[index]
    if subject and index == reach and reach > 0:
        reach = tokens.sent_start[reach - 1]
    for k in range(bisect_right(starts, index) - 1, -1, -1):
        span = ctx.names[k]
        if span.start < first:
            break
        if span.text in known:
            return span
        full = full_person(ctx, span, known)
        if full in known:
            return replace(span, text=full)
        if person is None and (described or subject and span.start >= reach) \
                and "PERSON" in span.labels and tokens.dep[span.end - 1] in SUBJECT_DEPS \
                and plausible_actor(ctx, span) and not looks_like_work(ctx, span):
            person = span  # a subject: NER calls many titles persons
    if person is not None:
        return person
    if topic in known and (subject or described):
        # No performer named near: the person the article is about, quoted at the pronoun.
        start = tokens.idx[index]
        return replace(ctx.names[0], start=index, end=index + 1, start_char=start,
                       end_char=start + len(tokens.text[index]), text=topic)
    return None
