"""Portrayals of the sentences that open a character's encyclopedia page, read from the
parse:

- ``portrayal.character_by``: "Vera Stone is a fictional character in the soap
  Harbour Lights, played by Mara Quill" (the participle hangs on "character", whose
  copula's subject is the part), "Vera Stone is a character from Harbour Lights,
  portrayed by Mara Quill", and "She is played by Mara Quill" in the sentence after
  it (the pronoun stands for the character the page opened with; the pronoun
  resolver reads the portrayals, so this rule reads the page itself).

The work is the one the part noun's "in", "from" or "of" names; hedged or negated
statements give nothing (``parse.facts``).
"""

from graph.extract.mentions.works import work_at
from graph.extract.rules.portrayal.base import portrayal_rule
from graph.extract.rules.portrayal.parse import actor_at, character_name, facts

# Verbs whose agent plays the part: "played by", "portrayed by", "voiced by".
PLAYED_BY = frozenset({"play", "portray", "voice"})
# Nouns for a part that a copula says a name is: "X is a fictional character".
PART_NOUNS = frozenset({"character", "role", "part", "protagonist", "antagonist", "villain",
                        "heroine", "hero"})
PRONOUNS = frozenset({"he", "she", "they"})


def _agent(tokens, verb):
    """Return the token of the agent of a passive participle ("played by X"), or None."""
    return next((p for c in tokens.children(verb) if tokens.dep[c] == "agent"
                 for p in tokens.children(c) if tokens.dep[p] == "pobj"), None)


def _page_character(ctx, noun):
    """Return the name a copula says is the part noun at token ``noun`` ("Vera Stone is
    a fictional character"), or None."""
    tokens = ctx.tokens
    if tokens.lower[noun] not in PART_NOUNS or tokens.dep[noun] != "attr":
        return None
    copula = tokens.head[noun]
    subjects = [c for c in tokens.children(copula) if tokens.dep[c] == "nsubj"]
    return character_name(ctx, subjects[0]) if subjects else None


def _part_work(ctx, noun):
    """Return the work the part noun's "in", "from" or "of" names ("a character in the
    soap Harbour Lights", "the villain of the cartoon X"), or None."""
    tokens = ctx.tokens
    for c in tokens.children(noun):
        if tokens.dep[c] == "prep" and tokens.lower[c] in ("in", "from", "on", "of"):
            for p in tokens.children(c):
                if tokens.dep[p] == "pobj":
                    work = work_at(ctx, p) or next(
                        (work_at(ctx, a) for a in tokens.children(p)
                         if tokens.dep[a] == "appos" and work_at(ctx, a)), None)
                    if work:
                        return work
    return None


@portrayal_rule("portrayal.character_by")
def character_by(ctx):
    """Yield the portrayals of "X is a fictional character in W, played by Y" and of
    "She is played by Y" when "she" stands for the character a page opened with."""
    tokens = ctx.tokens
    for verb in range(len(tokens)):
        if tokens.tag[verb] != "VBN" or tokens.lemma[verb] not in PLAYED_BY:
            continue
        agent = _agent(tokens, verb)
        if agent is None:
            continue
        actor = actor_at(ctx, agent)
        head = tokens.head[verb]
        if tokens.dep[head] == "pobj" and tokens.lower[head] not in PART_NOUNS:
            # "the main villain of the cartoon Tidewater, voiced by": the parse hangs
            # the participle on the work the part noun's phrase names.
            up = tokens.head[tokens.head[head]]
            head = up if tokens.lower[up] in PART_NOUNS else head
        if tokens.dep[verb] == "acl" and head != verb:
            character = _page_character(ctx, head)
            work = _part_work(ctx, head) if character is not None else None
        else:
            subjects = [c for c in tokens.children(verb) if tokens.dep[c] == "nsubjpass"
                        and tokens.lower[c] in PRONOUNS]
            character, work = _page_opened_before(ctx, verb) if subjects else (None, None)
        if character is not None:
            yield from facts(ctx, actor, character, verb, "portrayal.character_by", work=work)


def _page_opened_before(ctx, verb):
    """Return (character, work) of the sentence just before the one of token ``verb``
    when it opens a character's page ("Vera Stone is a character in X."), else
    (None, None)."""
    tokens = ctx.tokens
    start = tokens.sent_start[verb]
    if start == 0:
        return None, None
    for noun in range(tokens.sent_start[start - 1], start):
        character = _page_character(ctx, noun)
        if character is not None:
            return character, _part_work(ctx, noun)
    return None, None
