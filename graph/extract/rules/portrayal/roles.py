"""Portrayal rules for the forms that name a role or a casting:

- ``portrayal.reprises``: Wai Ching Ho reprises the role of Madame Gao; X reprises
  her role as Y
- ``portrayal.takes_over``: Dick Sargent took over the role of Darrin; Y stepped into
  the part of X
- ``portrayal.role``: Ada Marsh in the role of X; Y landed the role of X; Y played the
  part of X
- ``portrayal.who_plays``: Sigourney Weaver, who plays Alexandra, ...; Y, who starred
  as X, ...
- ``portrayal.was``: Jennifer Aniston was Rachel, in a sentence about casting
"""

from graph.extract.rules.portrayal.base import (
    actor_subjects,
    character_after,
    doc_info,
    pairs,
    past_age,
    plausible_actor,
    plausible_character,
    portrayal_fact,
    portrayal_rule,
)

ROLE_NOUNS = frozenset({"role", "part", "mantle"})
REPRISE_VERBS = frozenset({"reprise", "resume", "revive", "reclaim", "reprize"})
TAKE_OVER_VERBS = frozenset({"take", "step", "assume", "inherit", "succeed", "fill"})
ROLE_VERBS = REPRISE_VERBS | TAKE_OVER_VERBS | frozenset({
    "land", "win", "play", "get", "cast", "join", "return", "originate", "accept", "nab",
    "snag", "book", "score", "be", "have", "star", "appear", "tackle", "give", "offer",
})
WINDOW_TAGS = frozenset({"AUX", "ADV", "PART", "PRON", "DET", "ADP"})
ROLE_WINDOW = 6
PLAY_VERBS = frozenset({"play", "portray", "voice"})
# The playing verbs as written: the tagger sometimes reads "played" before a lower-case
# noun as an auxiliary ("who played barmaid Tina"), and then leaves its lemma as written.
PLAY_FORMS = frozenset({"play", "plays", "played", "playing", "portray", "portrays",
                        "portrayed", "portraying", "voice", "voices", "voiced", "voicing"})
AS_VERBS = frozenset({"star", "appear", "return", "cast", "be", "guest", "recur", "co-star"})
# Words in a sentence that make "Actor was Character" a statement about casting.
CASTING_CUES = frozenset({"cast", "casting", "role", "roles", "audition", "play", "portray",
                          "actor", "actress", "star", "part", "recast"})
AFTER_WAS = frozenset({".", ",", ";", ":", "!", "—", "–", ")", "in", "on", "for", "and",
                       "from", "until", "throughout"})


def _role_form(ctx, end):
    """Return (rule name, index after "role of"/"role as") for a role phrase starting at
    token ``end`` ("reprises her role as", "took over the part of", "in the role of"),
    or (None, None)."""
    tokens = ctx.tokens
    n, lower, pos = len(tokens), tokens.lower, tokens.pos
    verbs = []
    i = end
    while i < n and i - end < ROLE_WINDOW and lower[i] not in ROLE_NOUNS:
        lemma = tokens.lemma[i]
        if lemma == "take" and i + 1 < n and lower[i + 1] != "over" and pos[i] == "VERB":
            verbs.append("get")  # "takes on the role of X" is a casting, no taking over
        elif lemma in ROLE_VERBS and pos[i] in ("VERB", "AUX", "NOUN"):
            verbs.append(lemma)
        elif pos[i] not in WINDOW_TAGS or tokens.text[i] == ",":
            return None, None
        i += 1
    if i + 1 >= n or lower[i] not in ROLE_NOUNS or lower[i + 1] not in ("of", "as"):
        return None, None
    if any(verb in REPRISE_VERBS for verb in verbs):
        return "portrayal.reprises", i + 2
    if any(verb in TAKE_OVER_VERBS for verb in verbs):
        return "portrayal.takes_over", i + 2
    if verbs or "in" in lower[end:i]:
        return "portrayal.role", i + 2
    return None, None


def _role_after(ctx, index):
    """Return (rule name, index after "role of") for a role phrase at token ``index``,
    past a comma ("A, reprising her role as"), or None."""
    if index < len(ctx.tokens) and ctx.tokens.text[index] == ",":
        index += 1
    form, after = _role_form(ctx, index)
    return None if form is None else (form, after)


def role_phrases(ctx):
    """Return (rule name, actors, characters, (start, end) tokens of the role noun) for
    each "Actor ... role of Character", read once per document."""
    matches = doc_info(ctx).matches
    if "roles" not in matches:
        matches["roles"] = [
            (form, actors, character_after(ctx, after), (after - 2, after - 1))
            for actors, (form, after) in actor_subjects(ctx, lambda end: _role_after(ctx, end))
        ]
    return matches["roles"]


def _facts(ctx, wanted, confidence):
    """Yield the portrayal facts of the role phrases of one form."""
    for form, actors, characters, verb in role_phrases(ctx):
        if form != wanted:
            continue
        for actor, character in pairs(actors, characters):
            if not plausible_character(ctx, character):
                continue
            fact = portrayal_fact(ctx, actor, character, actor.start_char,
                                  character.end_char, form, confidence, verb=verb)
            if fact:
                yield fact


@portrayal_rule("portrayal.reprises")
def reprises(ctx):
    """Yield portrayals written "Actor reprises the role of / her role as Character"."""
    return _facts(ctx, "portrayal.reprises", 0.85)


@portrayal_rule("portrayal.takes_over")
def takes_over(ctx):
    """Yield portrayals written "Actor takes over the role of Character"."""
    return _facts(ctx, "portrayal.takes_over", 0.85)


@portrayal_rule("portrayal.role")
def role(ctx):
    """Yield portrayals written "Actor in the role of Character", "Actor landed the role
    of Character", "Actor played the part of Character"."""
    return _facts(ctx, "portrayal.role", 0.8)


@portrayal_rule("portrayal.who_plays")
def who_plays(ctx):
    """Yield portrayals written "Actor, who plays Character" or "Actor, who starred as
    Character"."""
    doc = ctx.doc
    tokens = ctx.tokens
    for actor in ctx.names:
        i = actor.end
        if past_age(tokens, i) > i:
            i = past_age(tokens, i)  # "Ann Marsh, 45, who plays", "(pictured), who"
            i -= 1 if tokens.text[i - 1] == "," else 0
        if i + 2 >= len(tokens) or tokens.text[i] != "," or tokens.lower[i + 1] != "who":
            continue
        i += 2
        # Only "be" as spaCy writes it stops the skip (Tokens.lemma is lower-cased).
        while i < len(tokens) and tokens.pos[i] in ("AUX", "ADV") and doc[i].lemma_ != "be" \
                and tokens.lower[i] not in PLAY_FORMS:
            i += 1
        if i >= len(tokens):
            continue
        lemma = "play" if tokens.lower[i] in PLAY_FORMS else tokens.lemma[i]
        if lemma in AS_VERBS and i + 1 < len(tokens) and tokens.lower[i + 1] == "as":
            i += 1
        elif lemma not in PLAY_VERBS:
            continue
        characters = character_after(ctx, i + 1)
        if not characters or not plausible_actor(ctx, actor) \
                or not plausible_character(ctx, characters[0]):
            continue
        fact = portrayal_fact(ctx, actor, characters[0], actor.start_char,
                              characters[0].end_char, "portrayal.who_plays", 0.85,
                              verb=(actor.end, i + 1))
        if fact:
            yield fact


def _casting_sentence(ctx, token_index, skip):
    """Return True when the sentence of a token speaks of casting outside ``skip``."""
    tokens = ctx.tokens
    return any(tokens.lemma[i] in CASTING_CUES and i not in skip
               for i in range(tokens.sent_start[token_index], tokens.sent_end[token_index]))


@portrayal_rule("portrayal.was")
def was(ctx):
    """Yield portrayals written "Actor was Character" in a sentence about casting
    ("Before the recast, Dick York was Darrin")."""
    lower = ctx.tokens.lower
    for actor in ctx.names:
        i = actor.end
        if i + 1 >= len(lower) or lower[i] not in ("was", "is"):
            continue
        if actor.start > 0 and ctx.tokens.lemma[actor.start - 1] in PLAY_VERBS:
            continue  # "the actress playing Vera is Ann": Vera is the character
        character = ctx.name_starting(i + 1)
        if character is None or character.end >= len(lower) \
                or lower[character.end] not in AFTER_WAS:
            continue
        if character.text in ctx.works or not plausible_actor(ctx, actor) \
                or not plausible_character(ctx, character, loose=True):
            continue
        if not _casting_sentence(ctx, actor.start, set(range(actor.start, character.end))):
            continue
        fact = portrayal_fact(ctx, actor, character, actor.start_char, character.end_char,
                              "portrayal.was", 0.6, verb=(i, i + 1))
        if fact:
            yield fact
