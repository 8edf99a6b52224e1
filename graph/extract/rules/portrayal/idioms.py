"""Portrayal idioms of entertainment writing that name the actor and the role in
fixed shapes:

- ``portrayal.made_famous``: "the role of Y, made famous by X"; "Y, made famous by
  X" when the article plays Y elsewhere;
- ``portrayal.playing_are``: "the boys playing Y are A, B and C", "the actress
  playing Y is A" (a noun described by a playing clause, then a copula and names);
- ``portrayal.counterpart``: "A, the Y to B's Z" (A plays Y opposite B's Z);
- ``portrayal.the_new``: "A has been named as the new Y", "A will be the next Y", "A
  was unveiled as the new Y" (the casting of a part others played before);
- ``portrayal.whose``: "Ann Marsh, whose Vera ended the series as the winner";
- ``portrayal.went_to``: "the role of Y went to A", "the part of Y, a role that went
  instead to A", "the next Y, a part that eventually went to A" (a role given away;
  "the award went to A" is none);
- ``portrayal.work_apposition``: "A, Salt Road's Y, ..." (a name in apposition to the
  actor, owned by a work the article names: "A, Ann Marsh's Y" is no portrayal);
- ``portrayal.behind``: "the actress behind Y, A, ...", "A, the star behind Y", "A is
  the voice behind Y" (a performer noun: "the man behind Y" may be its maker).

Each is asserted like any other statement ("is not the actress playing Y" gives
nothing).
"""

from graph.extract.mentions import works
from graph.extract.mentions.kinds import kind_of
from graph.extract.rules.portrayal.base import (
    APOSTROPHE_S,
    established_characters,
    full_actor,
    plausible_actor,
    plausible_character,
    portrayal_fact,
    portrayal_rule,
    shaped_like_actor,
)
from graph.extract.rules.portrayal.parse import (
    RELATIVE_WORDS,
    actor_at,
    character_after_word,
    character_below,
    character_name,
    facts,
    subject_of,
)

CONFIDENCE = 0.7
ROLE_NOUNS = frozenset({"role", "part"})
PLAY_LEMMAS = frozenset({"play", "portray", "voice"})
# What may stand after a name in a list of actors: an age ("A, 15, B, 14").
LIST_FILLERS = frozenset({",", "and", "&"})


def _fact(ctx, actor, character, verb, rule_name):
    """Return the portrayal quoting from the first name to the last, or None."""
    if actor is None or character is None or not plausible_actor(ctx, actor) \
            or not plausible_character(ctx, character):
        return None
    first = min(actor.start_char, character.start_char)
    last = max(actor.end_char, character.end_char)
    return portrayal_fact(ctx, actor, character, first, last, rule_name, CONFIDENCE,
                          verb=(verb, verb + 1))


@portrayal_rule("portrayal.made_famous")
def made_famous(ctx):
    """Yield portrayals written "the role of Y, made famous by X"."""
    tokens = ctx.tokens
    lower, n = tokens.lower, len(tokens)
    for i in range(1, n - 3):
        if lower[i] != "made" or lower[i + 1] != "famous" or lower[i + 2] != "by":
            continue
        j = i - 1 if tokens.text[i - 1] == "," else i
        character = ctx.name_ending(j)
        if character is None:
            continue
        of_role = character.start > 1 and lower[character.start - 1] == "of" \
            and lower[character.start - 2] in ROLE_NOUNS
        if not (of_role or character.text in established_characters(ctx)):
            continue
        actor = ctx.name_starting(i + 3)
        actor = full_actor(ctx, actor) if actor is not None else None
        fact = _fact(ctx, actor, character, i, "portrayal.made_famous")
        if fact:
            yield fact


def _listed_names(ctx, index):
    """Return the names listed from token ``index`` on ("A, 15, B, 14, and C"),
    skipping ages between them."""
    tokens = ctx.tokens
    n = len(tokens)
    found = []
    i = index
    while i < n:
        span = ctx.name_starting(i)
        if span is not None:
            found.append(span)
            i = span.end
        elif tokens.lower[i] in LIST_FILLERS or tokens.pos[i] == "NUM":
            i += 1
        else:
            break
    return found


@portrayal_rule("portrayal.playing_are")
def playing_are(ctx):
    """Yield portrayals written "the boys playing Y are A, B and C"."""
    tokens = ctx.tokens
    for verb, lemma in enumerate(tokens.lemma):
        if lemma not in PLAY_LEMMAS or tokens.dep[verb] != "acl":
            continue
        noun = tokens.head[verb]
        if tokens.pos[noun] != "NOUN" or tokens.dep[noun] != "nsubj":
            continue
        copula = tokens.head[noun]
        if tokens.lemma[copula] != "be" or copula <= verb:
            continue
        character = character_below(ctx, verb)
        if character is None:
            continue
        for actor in _listed_names(ctx, copula + 1):
            fact = _fact(ctx, full_actor(ctx, actor), character, copula,
                         "portrayal.playing_are")
            if fact:
                yield fact


@portrayal_rule("portrayal.counterpart")
def counterpart(ctx):
    """Yield portrayals written "A, the Y to B's Z": A plays Y and B plays Z."""
    tokens = ctx.tokens
    text, lower, n = tokens.text, tokens.lower, len(tokens)
    for first in ctx.names:
        i = first.end
        if i + 2 >= n or text[i] != "," or lower[i + 1] != "the":
            continue
        role = ctx.name_starting(i + 2)
        if role is None or role.end + 1 >= n or lower[role.end] != "to":
            continue
        second = ctx.name_starting(role.end + 1)
        if second is None or second.end + 1 >= n or text[second.end] not in APOSTROPHE_S:
            continue
        other = ctx.name_starting(second.end + 1)
        if other is None:
            continue
        for actor, character in ((first, role), (second, other)):
            fact = _fact(ctx, full_actor(ctx, actor), character, role.end,
                         "portrayal.counterpart")
            if fact:
                yield fact


# Words that make "A will be the new Y" a casting, not a comparison.
CASTING_WORDS = frozenset({"cast", "casting", "role", "part", "play", "actor", "actress",
                           "star", "replace", "succeed", "film", "producer", "studio"})
# Verbs that name the new player of a part: "named as the new Y", "will be the new Y".
NEW_PART_VERBS = frozenset({"be", "become", "name", "unveil", "announce", "confirm", "cast",
                            "choose", "pick", "select", "reveal", "crown"})


@portrayal_rule("portrayal.the_new")
def the_new(ctx):
    """Yield portrayals written "A has been named as the new Y", "A will be the next
    Y", "A was unveiled as the new Y"."""
    tokens = ctx.tokens
    for span in ctx.names:
        i = span.start
        if i < 2 or tokens.lower[i - 1] not in ("new", "next") or tokens.lower[i - 2] != "the":
            continue
        head = tokens.head[span.end - 1]
        if tokens.lower[head] == "as" and tokens.dep[span.end - 1] == "pobj":
            head = tokens.head[head]
        if tokens.lemma[head] not in NEW_PART_VERBS or tokens.pos[head] not in ("VERB", "AUX"):
            continue
        if span.end < len(tokens) and tokens.lower[span.end] == "of":
            continue  # "the new Ann Marsh of British comedy": a comparison
        if tokens.lemma[head] in ("be", "become") and not any(
                tokens.lemma[k] in CASTING_WORDS
                for k in range(tokens.sent_start[i], tokens.sent_end[i])):
            continue  # "Harbour Lights is the new Salt Road": no casting in sight
        subject = subject_of(tokens, head)
        if subject is None:
            continue
        yield from facts(ctx, actor_at(ctx, subject), character_name(ctx, span.end - 1),
                         head, "portrayal.the_new")


def _role_of(ctx, noun):
    """Return the character of "the role of (the harbourmaster) Y" nearest before
    token ``noun`` in its sentence, or None."""
    tokens = ctx.tokens
    for i in range(noun, tokens.sent_start[noun] - 1, -1):
        if tokens.lemma[i] not in ROLE_NOUNS or i + 2 >= len(tokens) \
                or tokens.lower[i + 1] != "of":
            continue
        j = i + 2
        while j < len(tokens) and tokens.is_lower[j] and tokens.pos[j] in ("DET", "ADJ", "NOUN"):
            j += 1  # "the role of the harbourmaster Silas Penhale"
        return character_name(ctx, j) if ctx.name_starting(j) is not None else None
    return None


def _given_role(ctx, verb):
    """Return the character whose role is the subject of "went to" at ``verb``: "the
    role of Y", "Y, a part that went to", or a name the parser took for the subject
    after "the role of the harbourmaster"; None when the subject is no role."""
    tokens = ctx.tokens
    subject = next((j for j in tokens.children(verb) if tokens.dep[j] == "nsubj"), None)
    if subject is None:
        return None
    if tokens.lower[subject] in RELATIVE_WORDS and tokens.dep[verb] == "relcl":
        subject = tokens.head[verb]  # "a role that went to A"
    if tokens.lemma[subject] in ROLE_NOUNS:
        if tokens.dep[subject] == "appos":
            # "the next Y, a part that went to A"; a work beside it names no role.
            found = character_name(ctx, tokens.head[subject])
            if found is not None:
                return found
        return _role_of(ctx, subject)
    name = ctx.name_ending(subject + 1)
    return _role_of(ctx, name.start) if name is not None and name.start > 0 else None


@portrayal_rule("portrayal.went_to")
def went_to(ctx):
    """Yield portrayals written "the role of Y went to A" (see the module docstring)."""
    tokens = ctx.tokens
    n = len(tokens)
    for verb, lemma in enumerate(tokens.lemma):
        if lemma != "go" or tokens.pos[verb] != "VERB":
            continue
        k = verb + 1
        while k < n and tokens.pos[k] == "ADV":
            k += 1  # "went instead to", "went eventually to"
        actor = ctx.name_starting(k + 1) if k + 1 < n and tokens.lower[k] == "to" else None
        # A role goes to a person: the kinds' "went to X" reading of a place is moot.
        if actor is None or not shaped_like_actor(actor) \
                or kind_of(ctx, actor) in ("maker", "work"):
            continue
        character = _given_role(ctx, verb)
        if character is not None:
            yield from facts(ctx, full_actor(ctx, actor), character, verb, "portrayal.went_to")


# What closes an apposition: "A, Salt Road's Y, will leave".
APPOSITION_ENDS = frozenset({",", ")", ".", ";", "-", "–", "—"})


@portrayal_rule("portrayal.work_apposition")
def work_apposition(ctx):
    """Yield portrayals written "A, Work's Y," where the work is one the article names."""
    tokens = ctx.tokens
    n = len(tokens)
    for actor in ctx.names:
        i = actor.end
        if i + 2 >= n or tokens.text[i] != ",":
            continue
        title = works.title_at(ctx, i + 1)
        if title is None or title.end + 1 >= n or tokens.text[title.end] not in APOSTROPHE_S \
                or not works.is_work(ctx, title.text):
            continue
        character = ctx.name_starting(title.end + 1)
        if character is None or (character.end < n
                                 and tokens.text[character.end] not in APPOSITION_ENDS):
            continue  # "A, Salt Road's Tom Reed Show": the name runs on
        actor = full_actor(ctx, actor)
        if plausible_actor(ctx, actor) and plausible_character(ctx, character):
            yield from facts(ctx, actor, character, character.end - 1,
                             "portrayal.work_apposition")


# Nouns of "the actress behind Y": performers only ("the man behind Y" may have made it).
BEHIND_NOUNS = frozenset({"actor", "actress", "star", "performer", "voice", "player"})


def _behind_actor(ctx, noun, character):
    """Return the actor of "the actress behind Y" at the performer ``noun``: a name set
    off after the character ("the actress behind Y, Ann Marsh,"), the name the noun
    phrase describes ("Ann Marsh, the actress behind Y"), or the other side of a
    copula ("Ann Marsh is the voice behind Y", "the voice behind Y is Ann Marsh")."""
    tokens = ctx.tokens
    n = len(tokens)
    after = character.end
    if after + 1 < n and tokens.text[after] == ",":
        named = ctx.name_starting(after + 1)
        if named is not None and (named.end >= n or tokens.text[named.end] in APPOSITION_ENDS
                                  or tokens.pos[named.end] in ("VERB", "AUX")):
            return actor_at(ctx, named.end - 1)
    before = noun - 2  # past "the"
    if before >= 1 and tokens.text[before] == ",":
        named = ctx.name_ending(before)
        if named is not None:
            return actor_at(ctx, named.end - 1)
    verb = tokens.head[noun]
    if tokens.lemma[verb] == "be" and tokens.dep[noun] in ("attr", "nsubj"):
        other = "nsubj" if tokens.dep[noun] == "attr" else "attr"
        sides = [j for j in tokens.children(verb) if tokens.dep[j] == other]
        return actor_at(ctx, sides[0]) if sides else None
    return None


@portrayal_rule("portrayal.behind")
def behind(ctx):
    """Yield portrayals written "the actress behind Y, A," or "A, the star behind Y"."""
    tokens = ctx.tokens
    for i, word in enumerate(tokens.lower):
        if word != "behind" or i < 2 or tokens.lower[i - 1] not in BEHIND_NOUNS \
                or tokens.lower[i - 2] != "the":
            continue
        character = character_after_word(ctx, i + 1)
        if character is None:
            continue
        actor = _behind_actor(ctx, i - 1, character)
        if actor is not None and kind_of(ctx, actor) != "maker":
            yield from facts(ctx, actor, character, i - 1, "portrayal.behind")


# What a title does and a part does not: "whose Salt Road won six awards".
WORK_VERBS = frozenset({"win", "earn", "gross", "sell", "air", "premiere", "open", "debut",
                        "run", "top", "take", "receive", "make"})
NOT_PART_LABELS = frozenset({"GPE", "LOC", "FAC", "WORK_OF_ART", "NORP", "DATE", "EVENT"})


@portrayal_rule("portrayal.whose")
def whose(ctx):
    """Yield portrayals written "Ann Marsh, whose Vera Stone ended the series as the
    winner": a person's name (or a part the article gives) an actor's relative
    possessive owns is the part the actor plays."""
    tokens = ctx.tokens
    for w in range(1, len(tokens)):
        if tokens.lower[w] != "whose" or tokens.dep[w] != "poss":
            continue
        owned = tokens.head[w]
        verb = tokens.head[owned]
        if tokens.dep[verb] != "relcl" or not tokens.text[owned][:1].isupper():
            continue
        actor = actor_at(ctx, tokens.head[verb])
        character = character_name(ctx, owned)
        if actor is None or character is None or works.is_work(ctx, character.text):
            continue
        if "PERSON" not in character.labels and character.text not in \
                established_characters(ctx) and (character.labels & NOT_PART_LABELS
                                                 or tokens.lemma[verb] in WORK_VERBS):
            continue  # "whose Salt Road won six awards": a title as often as a part
        if plausible_actor(ctx, actor) and plausible_character(ctx, character):
            # A relative clause is said whatever the main clause says: "A, whose Y
            # formed half of the double act, declined to return".
            yield from facts(ctx, actor, character, verb, "portrayal.whose",
                             through=frozenset())
