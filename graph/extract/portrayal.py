"""Portrayal rules: who plays whom.

Each rule relates two name spans by the words between them:

- ``portrayal.parenthesis``: Jessica Jones (Krysten Ritter)
- ``portrayal.possessive``: David Tennant's villainous Kilgrave
- ``portrayal.as``: Charlie Cox as Matt Murdock, Krysten Ritter stars as Jessica
- ``portrayal.plays``: Mike Colter plays Luke Cage, Sheryl Lee portrayed Laura Palmer
- ``portrayal.played_by``: Den Watts, played by Leslie Grantham
"""

from graph.extract.registry import rule
from graph.model.facts import Portrayal

APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})
AS_VERBS = frozenset({"be", "cast", "star", "appear", "return", "play", "reprise", "join",
                      "debut", "feature", "co-star", "guest"})
PLAY_VERBS = frozenset({"play", "portray"})
ARTICLES = frozenset({"the", "a", "an"})


def _portrayal(ctx, actor, character, first, last, rule_name, confidence):
    """Return a portrayal Fact quoting from span ``first`` to span ``last``, or None
    when the pair cannot be a portrayal."""
    if actor.text == character.text or actor.text in ctx.works:
        return None
    work = _work_after(ctx, max(actor.end, character.end)) or ctx.default_work
    claim = Portrayal(actor=actor.text, character=character.text, work=work)
    end_char = last.end_char
    if end_char < len(ctx.article.text) and ctx.article.text[end_char] == ")":
        end_char += 1
    return ctx.fact(claim, first.start_char, end_char, rule_name, confidence)


def _work_after(ctx, index):
    """Return the work named by "in The Work" just after token ``index``, or None."""
    doc = ctx.doc
    if index + 1 < len(doc) and doc[index].text == ")":
        index += 1
    if index < len(doc) and doc[index].lower_ == "in":
        span = ctx.name_starting(index + 1)
        if span and (span.text in ctx.works or span.text.startswith("The ")):
            return span.text
    return None


def _skip_article(ctx, index):
    """Return the index after an optional article (the, a) at ``index``."""
    if index < len(ctx.doc) and ctx.doc[index].lower_ in ARTICLES:
        return index + 1
    return index


@rule("portrayal.parenthesis")
def parenthesis(ctx):
    """Yield portrayals written "Character (Actor)"."""
    doc = ctx.doc
    for actor in ctx.names:
        if actor.start == 0 or actor.end >= len(doc):
            continue
        if doc[actor.start - 1].text != "(" or doc[actor.end].text != ")":
            continue
        character = ctx.name_ending(actor.start - 1)
        if character is None or not actor.looks_like_person():
            continue
        confidence = 0.9 if "PERSON" in actor.labels else 0.8
        fact = _portrayal(ctx, actor, character, character, actor, "portrayal.parenthesis",
                          confidence)
        if fact:
            yield fact


@rule("portrayal.possessive")
def possessive(ctx):
    """Yield portrayals written "Actor's (adjective) Character"."""
    doc = ctx.doc
    for actor in ctx.names:
        if actor.size < 2 or not actor.looks_like_person():
            continue
        i = actor.end
        if i >= len(doc) or doc[i].text not in APOSTROPHE_S:
            continue
        i += 1
        while i < len(doc) and i - actor.end <= 3 and doc[i].pos_ in ("ADJ", "ADV") \
                and doc[i].is_lower:
            i += 1
        character = ctx.name_starting(i)
        if character is None or character.text in ctx.works:
            continue
        fact = _portrayal(ctx, actor, character, actor, character, "portrayal.possessive", 0.7)
        if fact:
            yield fact


@rule("portrayal.as")
def as_character(ctx):
    """Yield portrayals written "Actor as Character" or "Actor stars as Character"."""
    doc = ctx.doc
    for actor in ctx.names:
        if not actor.looks_like_person():
            continue
        i = actor.end
        while i < len(doc) and i - actor.end < 3 and (
            doc[i].lemma_.lower() in AS_VERBS or doc[i].pos_ in ("AUX", "ADV")
        ):
            i += 1
        if i >= len(doc) or doc[i].lower_ != "as":
            continue
        character = ctx.name_starting(_skip_article(ctx, i + 1))
        if character is None or character.text in ctx.works:
            continue
        fact = _portrayal(ctx, actor, character, actor, character, "portrayal.as", 0.8)
        if fact:
            yield fact


@rule("portrayal.plays")
def plays(ctx):
    """Yield portrayals written "Actor plays/played/portrays Character"."""
    doc = ctx.doc
    for actor in ctx.names:
        if not actor.looks_like_person():
            continue
        i = actor.end
        while i < len(doc) and i - actor.end < 2 and doc[i].pos_ in ("AUX", "ADV"):
            i += 1
        if i >= len(doc) or doc[i].lemma_.lower() not in PLAY_VERBS:
            continue
        character = ctx.name_starting(_skip_article(ctx, i + 1))
        if character is None or character.text in ctx.works:
            continue
        fact = _portrayal(ctx, actor, character, actor, character, "portrayal.plays", 0.85)
        if fact:
            yield fact


@rule("portrayal.played_by")
def played_by(ctx):
    """Yield portrayals written "Character, played by Actor" or "Character (played by Actor)"."""
    doc = ctx.doc
    for character in ctx.names:
        i = character.end
        if i < len(doc) and doc[i].text in (",", "("):
            i += 1
        if i + 1 >= len(doc) or doc[i].lemma_.lower() not in PLAY_VERBS \
                or doc[i + 1].lower_ != "by":
            continue
        actor = ctx.name_starting(i + 2)
        if actor is None or not actor.looks_like_person():
            continue
        fact = _portrayal(ctx, actor, character, character, actor, "portrayal.played_by", 0.85)
        if fact:
            yield fact
