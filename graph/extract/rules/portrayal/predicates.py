"""Portrayals whose predicate names the role, read from the parse:

- ``portrayal.as_parse``: "as" on a casting verb, whatever stands between: "She
  starred as Vera in Harbour Lights (2004)", "Marsh, who has been cast as Vera",
  "the film starred Marsh as the inventor Vera"; and in reviews: "Ann Marsh shines
  as Vera", "is superb as Vera", "best known as Vera" (not "known as Annie",
  "dressed as", "worked as", "as tall as");
- ``portrayal.makes``: "Ann Marsh makes an effective Vera", for a known performer;
- ``portrayal.copula``: "Ann Marsh was Vera in Harbour Lights", "Ann Marsh, who
  was Vera in the long-running show" (the "in" phrase names the work).
"""

from graph.extract.mentions.kinds import kind_of, looks_like_work, performers
from graph.extract.rules.portrayal.base import (
    ACTOR_NOUNS,
    established_actors,
    established_characters,
    portrayal_rule,
)
from graph.extract.rules.portrayal.parse import (
    MISTAGGED_VERBS,
    actor_at,
    character_after_word,
    character_below,
    character_name,
    facts,
    in_work,
    subject_of,
)
from graph.extract.rules.portrayal.work import clause_work

# Verbs whose "as" phrase names the role their subject (or object) plays.
AS_LEMMAS = frozenset({"star", "co-star", "appear", "cast", "return", "guest", "debut",
                       "reprise", "recur", "reappear", "voice"})
# Verbs and adjectives whose "as" names no role: names, disguises, jobs, comparisons.
NOT_ROLE_AS = frozenset({"refer", "describe", "dub", "call", "name", "title", "bill", "style",
                         "brand", "regard", "see", "view", "serve", "work", "dress",
                         "disguise", "pose", "masquerade", "pass", "identify", "register",
                         "sign", "list", "credit", "rank", "rate", "same", "such", "much",
                         "well", "act", "double", "train", "introduce", "remember", "hail",
                         "label", "cite", "treat", "use", "choose", "elect", "appoint",
                         "perform", "sing", "record", "release", "tour", "compete", "run",
                         "stand", "headline", "speak", "testify", "bear", "christen",
                         "baptise", "baptize", "rename", "nickname"})
# Adverbs that make "known as" a performer's best-known part: "best known as Vera",
# "forever remembered as Vera".
KNOWN_ADVERBS = frozenset({"best", "most", "widely", "perhaps", "probably", "mainly",
                           "forever", "fondly", "always", "still"})
# Who knows a performer by a part: "known to millions as Vera" (not "to her friends").
AUDIENCE_NOUNS = frozenset({"million", "viewer", "audience", "fan", "generation", "many",
                            "public", "cinemagoer", "theatregoer", "filmgoer"})
# What a performer rises to by a part: "rose to fame as Vera".
FAME_NOUNS = frozenset({"fame", "stardom", "prominence", "celebrity", "notice"})
# Verbs whose object, a name with "as" on it, plays the part: "the film stars Ann
# Marsh, who won last year, as Vera", "the cast includes Ann Marsh as Vera".
CAST_LIST_VERBS = frozenset({"star", "feature", "include", "cast", "co-star", "boast"})
# Casting verbs whose object is the actor: "starred Ann Marsh as", "cast Marsh as".
OBJECT_CASTING = frozenset({"star", "cast"})


def _as_actor(ctx, verb):
    """Return the actor of "as" on a verb: the name object of a casting verb ("starred
    Ann Marsh as", "cast Marsh as"), else the verb's subject."""
    tokens = ctx.tokens
    if tokens.lemma[verb] in OBJECT_CASTING:
        for j in tokens.children(verb):
            if tokens.dep[j] == "dobj" and ctx.name_covering(j) is not None:
                return actor_at(ctx, j)
    subject = subject_of(tokens, verb)
    return actor_at(ctx, subject) if subject is not None else None


def _as_head_fits(ctx, head, character):
    """Return True when "as" on token ``head`` names a role: a casting verb, or any
    verb, copula or adjective of a review ("shines as", "is superb as", "Ann, as
    Vera, is superb") but those of names, disguises and jobs ("known as", "dressed
    as", "worked as"); "known as" only as "best known as" or with the work named."""
    tokens = ctx.tokens
    lemma, pos = tokens.lemma[head], tokens.pos[head]
    children = tokens.children(head)
    if lemma in AS_LEMMAS and (pos == "VERB" or _mistagged_verb(tokens, head)):
        return True
    if any(tokens.lower[j] == "as" and tokens.dep[j] == "advmod" for j in children):
        return False  # "as tall as Vera": a comparison
    if tokens.dep[head] == "acomp":
        return True  # "is superb as Vera", whatever the tagger calls "superb"
    if lemma in ("know", "remember"):
        # "best known as Vera", "known to millions as Vera" (not "known as Annie")
        return any(tokens.lower[j] in KNOWN_ADVERBS or tokens.lower[j] == "to" and any(
            tokens.lemma[k] in AUDIENCE_NOUNS for k in tokens.children(j)) for j in children) \
            or in_work(ctx, [character.end - 1])
    if lemma == "see" and any(tokens.lower[j] == "will" for j in children) \
            and any(tokens.dep[j] == "auxpass" for j in children):
        return True  # "will be seen as Vera in the sequel": a part still to come
    if lemma in NOT_ROLE_AS:
        return False
    if pos == "ADJ":
        return tokens.dep[head] == "acomp"
    return pos in ("VERB", "AUX")


def _mistagged_verb(tokens, head):
    """Return True when a verb the tagger read as a plural noun heads its clause: "Tom
    Reed stars in the film as Vera", where "stars" has a subject of its own (or, as
    the sentence's root, the name as its modifier), or is coordinated with a verb
    ("who created and stars in X as Vera")."""
    if tokens.lower[head] not in MISTAGGED_VERBS or tokens.pos[head] != "NOUN":
        return False
    if tokens.dep[head] == "conj" and tokens.pos[tokens.head[head]] == "VERB":
        return True  # "who created and stars in X as Vera"
    return any(tokens.dep[j] == "nsubj" or tokens.dep[j] == "compound" and tokens.pos[j]
               == "PROPN" and tokens.head[head] == head for j in tokens.children(head))


def _as_subject(ctx, head):
    """Return the actor of "as" on ``head``: a casting verb's object or subject, the
    own subject of another verb or of an adjective's copula ("Ann Marsh is superb
    as"), or None."""
    tokens = ctx.tokens
    if tokens.pos[head] == "ADJ" or tokens.dep[head] == "acomp":
        head = tokens.head[head]
    agents = [m for k in tokens.children(head) if tokens.dep[k] == "agent"
              for m in tokens.children(k) if tokens.dep[m] == "pobj"]
    if agents:
        return actor_at(ctx, agents[0])  # "she is joined by Tom Reed as Vera": the agent
    if tokens.lemma[head] in AS_LEMMAS:
        return _as_actor(ctx, head)
    if tokens.lemma[head] in CAST_LIST_VERBS:
        # "The cast includes Ann Marsh, as Vera": the object, never the cast.
        objects = [j for j in tokens.children(head) if tokens.dep[j] == "dobj"]
        return _as_name(ctx, objects[0]) if objects else None
    # Any other verb of a review speaks of its own subject only: in "X took over in
    # 2010, the year Y arrived as Z", Z is not X's.
    # "He was best known as Vera": a passive's subject too.
    subject = next((j for j in tokens.children(head)
                    if tokens.dep[j] in ("nsubj", "nsubjpass")
                    or tokens.dep[j] == "npadvmod" and tokens.pos[j] == "PROPN"
                    and j < head), None)  # "Tom Reed - best known as Vera -": npadvmod
    if subject is not None and tokens.lower[subject] in ("who", "that") \
            and tokens.dep[head] == "relcl":
        subject = subject_of(tokens, head)  # "Tom Reed, who shot to fame as Vera"
    elif subject is None and tokens.dep[head] in ("acl", "relcl"):
        subject = subject_of(tokens, head)  # "Ann Marsh, best known as Vera"
    return actor_at(ctx, subject) if subject is not None else None


@portrayal_rule("portrayal.as_parse")
def as_parse(ctx):
    """Yield portrayals of "as" on a casting verb read through the parse, whatever
    stands between: "She starred as Vera in Harbour Lights (2004)", "Marsh, who has
    been cast as Vera", "the film starred Marsh as the inventor Vera"; and in
    reviews: "Ann Marsh shines as Vera", "is superb as Vera", "best known as Vera"."""
    tokens = ctx.tokens
    for i, word in enumerate(tokens.lower):
        if word == "in" and tokens.is_sent_start[i]:
            after = _role_of_opening(tokens, i)
            if after is not None:
                yield from _fronted_as(ctx, after - 1)  # "In the role of Vera, Ann ..."
            continue
        if word != "as":
            continue
        if tokens.is_sent_start[i]:
            yield from _fronted_as(ctx, i)
            continue
        if tokens.dep[i] != "prep":
            continue
        head = _as_verb(ctx, tokens.head[i])
        character = character_after_word(ctx, i + 1)
        if character is None or tokens.pos[head] == "PROPN" \
                and "as" in tokens.lower[head + 1:i] and ctx.name_ending(i) is not None:
            # "stars A as X and B as Y": the parser hangs the second "as" on A, though
            # another name stands right before it; the surface list reads B as Y.
            continue
        if tokens.pos[head] == "PROPN":
            actor = _as_name(ctx, head)
        elif _as_head_fits(ctx, head, character):
            actor = _as_subject(ctx, head)
        else:
            continue
        yield from facts(ctx, actor, character, head, "portrayal.as_parse",
                         work=clause_work(ctx, head, character))


def _role_of_opening(tokens, i):
    """Return the index after "In the (lead) role of" opening a sentence at token
    ``i``, or None."""
    j = i + 1
    if j < len(tokens) and tokens.lower[j] == "the":
        j += 1
    while j < len(tokens) and j - i < 5 and tokens.pos[j] == "ADJ":
        j += 1
    if j + 1 < len(tokens) and tokens.lower[j] in ("role", "part") \
            and tokens.lower[j + 1] == "of":
        return j + 2
    return None


def _fronted_as(ctx, i):
    """Yield the portrayal of an "as" phrase (or "In the role of", ending at token
    ``i``) opening a sentence, set off by a comma before the actor and the actor's
    verb: "As Vera, Ann Marsh is superb", "As the widow Vera Stone, Marsh gives her
    best performance", "In the role of Vera, Ann Marsh shines" (the parser seldom
    hangs the phrase on that verb)."""
    tokens = ctx.tokens
    character = character_after_word(ctx, i + 1)
    if character is None or character.end >= len(tokens) or tokens.text[character.end] != ",":
        return
    named = ctx.name_starting(character.end + 1)
    verb = named.end if named is not None else None
    if verb is None or verb >= len(tokens) or tokens.pos[verb] not in ("VERB", "AUX"):
        return
    yield from facts(ctx, actor_at(ctx, named.end - 1), character, verb,
                     "portrayal.as_parse")


def _as_verb(ctx, head):
    """Return the verb an "as" phrase belongs to when the parser hung it on the noun
    closing the verb's "in" phrase ("appears in the remake of Harbour Lights as
    Vera"): the casting verb, "known" of "known to millions as Vera", the verb of
    "rose to fame as Vera"; else ``head`` itself."""
    tokens = ctx.tokens
    i = head
    for _ in range(4):
        if tokens.dep[i] not in ("pobj", "prep") or tokens.head[i] == i \
                or tokens.dep[i] == "prep" and tokens.lower[i] not in ("in", "of", "on", "to"):
            return head  # "with Tom Reed as Vera": Reed's own "as"
        audience = tokens.lower[i] == "to"
        fame = audience and tokens.lemma[head] in FAME_NOUNS
        if audience and not fame and tokens.lemma[head] not in AUDIENCE_NOUNS:
            return head  # "known to her friends as Annie": a name, no part
        i = tokens.head[i]
        if tokens.pos[i] == "VERB":
            if fame:  # "rose to fame as Vera", "shot to stardom as Vera"
                return i
            if audience:  # "known to millions as Vera"
                return i if tokens.lemma[i] == "know" else head
            return i if tokens.lemma[i] in AS_LEMMAS else head
    return head


def _as_name(ctx, head):
    """Return the actor of "as" hung on a name: the object of a verb of a cast ("the
    film stars Ann Marsh, who won last year, as Vera", "the cast includes Ann Marsh
    as Vera"), never a work or a name after a preposition; else None."""
    tokens = ctx.tokens
    verb = head
    while tokens.dep[verb] == "conj" and tokens.head[verb] != verb:
        verb = tokens.head[verb]
    if tokens.dep[verb] != "dobj" or tokens.lemma[tokens.head[verb]] not in CAST_LIST_VERBS:
        return None
    span = ctx.name_covering(head)
    if span is None or looks_like_work(ctx, span):
        return None
    return actor_at(ctx, head)


def _made_character(ctx, verb):
    """Return the name of "makes an effective Vera" below a verb "make": a name object
    after "a"/"an" and an adjective, or None."""
    tokens = ctx.tokens
    for j in tokens.children(verb):
        span = ctx.name_covering(j) if tokens.dep[j] in ("dobj", "attr", "oprd") else None
        if span is None or span.start < 2:
            continue
        if tokens.pos[span.start - 1] == "ADJ" and tokens.lower[span.start - 2] in ("a", "an"):
            return character_name(ctx, j)
    return None


@portrayal_rule("portrayal.makes")
def makes(ctx):
    """Yield portrayals written "Ann Marsh makes an effective Vera", when the subject
    is a performer the article names as such or as playing."""
    tokens = ctx.tokens
    known = None
    for i, lemma in enumerate(tokens.lemma):
        if lemma != "make" or tokens.pos[i] != "VERB":
            continue
        character = _made_character(ctx, i)
        subject = subject_of(tokens, i) if character is not None else None
        actor = actor_at(ctx, subject) if subject is not None else None
        if actor is None:
            continue
        if known is None:
            known = established_actors(ctx) | performers(ctx)
        if actor.text in known:
            yield from facts(ctx, actor, character, i, "portrayal.makes")


@portrayal_rule("portrayal.copula")
def copula(ctx):
    """Yield portrayals written "Ann Marsh was Vera in Harbour Lights", "Ann Marsh, who
    was Vera in the long-running show": a copula between a person and a name, with
    the work the part was in."""
    tokens = ctx.tokens
    for i, lemma in enumerate(tokens.lemma):
        if lemma != "be" or tokens.pos[i] not in ("AUX", "VERB"):
            continue
        attrs = [j for j in tokens.children(i) if tokens.dep[j] == "attr"]
        character = character_name(ctx, attrs[0]) if attrs else None
        if character is None and attrs and tokens.pos[attrs[0]] == "NOUN" \
                and tokens.lemma[attrs[0]] not in ACTOR_NOUNS:
            # "Ann Marsh is the harbourmaster Vera Stone in Harbour Lights" (not "the
            # best performer is the newcomer Ann Marsh": who someone is, not a part)
            character = character_below(ctx, i, frozenset({"attr"}))
        if character is not None and kind_of(ctx, character) == "performer":
            continue
        if character is None or not in_work(ctx, (attrs[0], i)):
            continue
        subject = subject_of(tokens, i)
        actor = actor_at(ctx, subject) if subject is not None else None
        if actor is not None and actor.text not in established_characters(ctx):
            yield from facts(ctx, actor, character, i, "portrayal.copula")
