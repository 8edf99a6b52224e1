"""Recast rules: a role passes from one actor to another.

Each rule makes an Event of kind ``recast`` for the character, in the season the
sentence gives ("from season 6") or else the article's, and the portrayals the
recast implies (the new actor plays the character; so did the old one, when named):

- ``recast.passed``: the role of X passed from A to B; the role of X changed hands,
  from A to B
- ``recast.replaced``: B replaced A as X; A was replaced by B as X; B succeeded A in
  the role of X; B steps into the shoes of A as X
- ``recast.took_over``: B took over the role of X (from A); B takes over as X
- ``recast.recast``: X was recast (with B); the producers recast X with B; the role
  of X was recast: B took over the part
- ``recast.now_played_by``: X, now played by B; X (now played by B)

A negated, hedged or hypothetical statement ("X may be recast") gives nothing.
"""

from graph.extract.evidence.modality import asserted
from graph.extract.mentions.kinds import kind_of
from graph.extract.registry import rule
from graph.extract.rules.portrayal.base import (
    character_after,
    doc_info,
    established_actors,
    full_actor,
    plausible_actor,
    plausible_character,
    portrayal_fact,
)
from graph.extract.rules.portrayal.forms import by_actor
from graph.extract.rules.portrayal.roles import role_phrases
from graph.extract.rules.portrayal.work import work_after
from graph.model.facts import Event

ROLE_NOUNS = frozenset({"role", "part"})
PASS_VERBS = frozenset({"pass", "go", "change", "hand", "transfer", "move", "shift", "switch"})
REPLACE_VERBS = frozenset({"replace", "succeed", "supersede"})
# Season phrases that say when a new actor starts: "from season 6", "in the sixth season".
START_PREPOSITIONS = frozenset({"from", "in", "since", "starting in", "starting with",
                                "beginning in", "beginning with", "as of", "for", "during"})
LOOK_BACK = 3
CONFIDENCE = 0.8


def _start_season(ctx, token_index):
    """Return the one season a recast sentence says the new actor starts in ("from
    season six", "in the sixth season"), or None."""
    for phrase in doc_info(ctx).seasons.phrases(token_index):
        if len(phrase.seasons) == 1 and phrase.preposition in START_PREPOSITIONS:
            return phrase.seasons[0]
    return None


def _facts(ctx, character, new, old, quote, verb, rule_name):
    """Yield the recast event of ``character`` and the portrayals by the ``new`` and
    ``old`` actors (either may be None), quoting the (start, end) characters ``quote``,
    when the statement at the (start, end) tokens ``verb`` is asserted.

    The event's season is the one the sentence gives, else the article's; the new
    actor's portrayal holds from the season the sentence gives.
    """
    if not asserted(ctx, *verb) or not plausible_character(ctx, character):
        return
    start_char, end_char = quote
    season = _start_season(ctx, verb[0])
    work = work_after(ctx, character.end) or ctx.default_work
    claim = Event(character=character.text, event="recast", work=work,
                  season=season if season is not None else ctx.article.season)
    yield ctx.fact(claim, start_char, end_char, rule_name, CONFIDENCE)
    for actor, seasons in ((new, (season,) if season else ()), (old, ())):
        if actor is None:
            continue
        fact = portrayal_fact(ctx, actor, character, start_char, end_char, rule_name,
                              CONFIDENCE, work=work, seasons=seasons)
        if fact:
            yield fact


def _actor_at(ctx, index):
    """Return the plausible actor name starting at token ``index`` (past "the late"),
    or None."""
    tokens = ctx.tokens
    if index + 2 < len(tokens) and tokens.lower[index] == "the" \
            and tokens.lower[index + 1] == "late":
        index += 2  # "replaced the late Tom Reed as Vera"
    span = ctx.name_starting(index)
    span = full_actor(ctx, span) if span is not None else None
    return span if span is not None and plausible_actor(ctx, span) else None


def _name_before(ctx, index):
    """Return the name ending just before token ``index``, past up to three auxiliaries
    or adverbs and a ", who" ("B, who later replaced"), or None."""
    tokens = ctx.tokens
    i = index
    while i > 0 and index - i < LOOK_BACK and tokens.pos[i - 1] in ("AUX", "ADV", "PART"):
        i -= 1
    if i > 1 and tokens.lower[i - 1] == "who" and tokens.text[i - 2] == ",":
        i -= 2
    return ctx.name_ending(i)


def _role_of(ctx, index):
    """Return the character of "the role of X" / "as X" / "in the role of X" at token
    ``index``, or None."""
    lower = ctx.tokens.lower
    n = len(lower)
    i = index
    if i < n and lower[i] == "in":
        i += 1
    if i < n and lower[i] in ("the", "a"):
        i += 1
    if i + 1 < n and lower[i] in ROLE_NOUNS and lower[i + 1] in ("of", "as"):
        i += 2
    elif i == index and i < n and lower[i] == "as":
        i += 1
    else:
        return None
    characters = character_after(ctx, i)
    return characters[0] if characters else None


@rule("recast.passed")
def passed(ctx):
    """Yield recasts written "the role of X passed from A to B"."""
    tokens = ctx.tokens
    lower = tokens.lower
    for character in ctx.names:
        i = character.start
        if i < 2 or lower[i - 1] != "of" or lower[i - 2] not in ROLE_NOUNS:
            continue
        sent_end = tokens.sent_end[i]
        verb = None
        j = character.end
        while j < sent_end - 1:
            if tokens.lemma[j] in PASS_VERBS and verb is None:
                verb = j
            if lower[j] == "from" and verb is not None:
                old = _actor_at(ctx, j + 1)
                if old is not None and old.end < sent_end and lower[old.end] == "to":
                    new = _actor_at(ctx, old.end + 1)
                    if new is not None:
                        yield from _facts(ctx, character, new, old,
                                          (tokens.idx[i - 2], new.end_char), (verb, verb + 1),
                                          "recast.passed")
                break
            j += 1


SHOES = ("into", "the", "shoes", "of")


@rule("recast.replaced")
def replaced(ctx):
    """Yield recasts written "B replaced A as X" or "A was replaced by B as X"."""
    tokens = ctx.tokens
    for verb, lemma in enumerate(tokens.lemma):
        # "B steps into the shoes of A as X" says what "B replaces A as X" says.
        shoes = lemma == "step" and tuple(tokens.lower[verb + 1:verb + 5]) == SHOES
        if lemma not in REPLACE_VERBS and not shoes or tokens.pos[verb] != "VERB":
            continue
        subject = _name_before(ctx, verb)
        subject = full_actor(ctx, subject) if subject is not None else None
        if subject is None or not plausible_actor(ctx, subject):
            continue
        i = verb + 1 + (len(SHOES) if shoes else 0)
        passive = not shoes and i < len(tokens) and tokens.lower[i] == "by"
        other = _actor_at(ctx, i + 1 if passive else i)
        if other is None:
            continue
        new, old = (other, subject) if passive else (subject, other)
        character = _role_of(ctx, other.end)
        if character is None:
            continue
        yield from _facts(ctx, character, new, old, (subject.start_char, character.end_char),
                          (verb, verb + 1), "recast.replaced")


@rule("recast.took_over")
def took_over(ctx):
    """Yield recasts written "B took over the role of X (from A)" or "B takes over as X"."""
    tokens = ctx.tokens
    lower = tokens.lower
    for form, actors, characters, _verb in role_phrases(ctx):
        if form != "portrayal.takes_over" or len(actors) != 1 or not characters:
            continue
        character = characters[0]
        old = None
        if character.end + 1 < len(lower) and lower[character.end] == "from":
            old = _actor_at(ctx, character.end + 1)
        yield from _facts(ctx, character, actors[0], old,
                          (actors[0].start_char, (old or character).end_char),
                          (actors[0].end, character.start), "recast.took_over")
    for verb, lemma in enumerate(tokens.lemma):
        if lemma != "take" or verb + 2 >= len(lower) \
                or lower[verb + 1] != "over" or lower[verb + 2] != "as":
            continue
        new = _name_before(ctx, verb)
        characters = character_after(ctx, verb + 3)
        if new is None or not characters or not plausible_actor(ctx, new):
            continue
        yield from _facts(ctx, characters[0], new, None,
                          (new.start_char, characters[0].end_char), (verb, verb + 1),
                          "recast.took_over")


@rule("recast.recast")
def recast(ctx):
    """Yield recasts written "X was recast (with B)" or "they recast (the role of) X
    (with B)"."""
    tokens = ctx.tokens
    lower, pos = tokens.lower, tokens.pos
    n = len(tokens)
    for i, word in enumerate(lower):
        if word not in ("recast", "recasting") or pos[i] not in ("VERB", "NOUN"):
            continue
        character = _name_before(ctx, i) if pos[i - 1] in ("AUX", "ADV") else None
        if character is None and pos[i] == "VERB":
            character = _recast_subject(ctx, i)
        after = i + 1
        if character is None:
            j = i + 1
            if j < n and lower[j] == "the":
                j += 1
            if j + 1 < n and lower[j] in ROLE_NOUNS and lower[j + 1] == "of":
                j += 2
            character = ctx.name_starting(j)
            if character is None or pos[i] != "VERB":
                continue
            after = character.end
        if after < n and tokens.text[after] == ",":
            after += 1
        new = None
        if after + 1 < n and lower[after] in ("with", "as", "by"):
            new = _actor_at(ctx, after + 1)
        if new is None:
            new = _taker_after(ctx, after)
        end = new.end_char if new else max(character.end_char, tokens.end_char(i))
        yield from _facts(ctx, character, new, None,
                          (min(character.start_char, tokens.idx[i]), end),
                          (i, i + 1), "recast.recast")


def _recast_subject(ctx, verb):
    """Return the character that is the passive subject of "recast" through the parse,
    however far it stands: "The role of X, played by A since 2010, has been recast",
    "X, a fan favourite, was recast"; None when the subject is no character."""
    tokens = ctx.tokens
    subject = next((j for j in tokens.children(verb) if tokens.dep[j] == "nsubjpass"), None)
    if subject is None:
        return None
    if tokens.lower[subject] in ROLE_NOUNS:
        subject = next((m for k in tokens.children(subject) if tokens.lower[k] == "of"
                        for m in tokens.children(k) if tokens.dep[m] == "pobj"), None)
        if subject is None:
            return None
    span = next((s for s in ctx.names if s.start <= subject < s.end), None)
    if span is None or kind_of(ctx, span) == "performer" \
            or span.text in established_actors(ctx):
        return None  # "the actress Ann Marsh has been recast in a film": a performer
    return span if plausible_character(ctx, span) else None


def _taker_after(ctx, index):
    """Return the actor who "took over the part" (the role, it) or "stepped in" later
    in the sentence of a recast at token ``index`` ("X was recast: B took over the
    part"), or None."""
    tokens = ctx.tokens
    lower = tokens.lower
    end = tokens.sent_end[index] if index < len(tokens) else index
    for j in range(index, end - 1):
        if tokens.lemma[j] == "take" and lower[j + 1] == "over" or \
                tokens.lemma[j] == "step" and lower[j + 1] == "in":
            if j + 3 < end and lower[j + 2] in ("the", "a") and lower[j + 3] not in ROLE_NOUNS:
                return None  # "B took over the pub": something else taken over
            name = _name_before(ctx, j)
            name = full_actor(ctx, name) if name is not None else None
            return name if name is not None and plausible_actor(ctx, name) else None
    return None


@rule("recast.now_played_by")
def now_played_by(ctx):
    """Yield recasts written "X, now played by B" or "X (now played by B)"."""
    tokens = ctx.tokens
    for character in ctx.names:
        i = character.end
        if i < len(tokens) and tokens.text[i] in (",", "("):
            i += 1
        if i >= len(tokens) or tokens.lower[i] != "now":
            continue
        actor, _verb = by_actor(ctx, i)
        if actor is None:
            continue
        yield from _facts(ctx, character, actor, None, (character.start_char, actor.end_char),
                          (i, i + 1), "recast.now_played_by")
