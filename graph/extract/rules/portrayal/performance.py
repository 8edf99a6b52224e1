"""Portrayals of a role noun owned by its performer, read from the parse:

- ``portrayal.performance``: "Ann Marsh's portrayal of Vera", "her turn as Vera",
  "known for her role as Vera", "whose latest role was Vera", "her Harbour Lights
  character Vera", "Tom Reed is the voice of Vera", "her roles as Vera in X and
  Mara in Y", "her film roles include Vera in X (2004) and Mara in Y".

The owner is the noun's possessor (a name, "her" for the performer the article
named, "whose" for the relative clause's antecedent) or the subject of a copula
("Tom Reed is the voice of Vera").
"""

from dataclasses import replace

from graph.extract.mentions.kinds import kind_of, looks_like_work
from graph.extract.rules.portrayal.base import portrayal_rule
from graph.extract.rules.portrayal.parse import (
    MAX_CLIMB,
    PLAY_LEMMAS,
    ROLE_NOUNS,
    actor_at,
    character_after_word,
    character_below,
    character_name,
    facts,
    included_characters,
    subject_of,
)
from graph.extract.rules.portrayal.referents import (
    POSSESSIVE_PRONOUNS,
    PRONOUN_SENTENCES,
    pronoun_actor,
)

# How a role noun's phrase hangs in its clause: "into a series of starring roles".
CLAUSE_DEPS = frozenset({"pobj", "prep", "dobj", "attr", "conj", "appos", "acomp"})
# Verbs whose subject owns the role noun they take: "gives a fine performance as
# Vera", "provides the voice of Vera".
GIVING_VERBS = frozenset({"give", "deliver", "provide", "lend"})
# Verbs whose subject takes the role noun that is their object: "takes the lead role
# of Vera", "landed the part of Vera" (never "turned down", "lost", "offered").
TAKING_VERBS = frozenset({"take", "land", "win", "get", "accept", "earn", "secure",
                          "snag", "nab", "bag", "score", "reprise", "resume", "play"})
# Verbs whose subject a possessive role noun below them belongs to ("reprises her
# role", "won an award for her role"): taking, giving or being praised for a part;
# never "praised his performance", where "his" is someone else.
OWN_ROLE_VERBS = GIVING_VERBS | frozenset({
    "reprise", "resume", "land", "win", "earn", "get", "take", "make", "play", "begin",
    "start", "continue", "receive", "nominate", "praise", "know", "acclaim", "shine",
    "star", "appear", "return", "debut", "honour", "honor", "recognise", "recognize",
    # speaking of one's own part: "Ann Marsh said of her character, Vera"
    "say", "talk", "speak", "describe", "discuss", "explain", "reveal", "admit", "love",
    "enjoy", "prepare", "research"})
# Verbs whose subject, a role, brings its player what the object says: "The part of
# Vera earned Ann Marsh an Oscar".
REWARDING_VERBS = frozenset({"earn", "win", "bring", "make", "land", "get"})
# Verbs whose "in" phrase holds the role their object or subject plays: "cast Ann Marsh
# in the role of Vera", "starred in the role of Vera".
CASTING_VERBS = frozenset({"cast", "recast", "star", "co-star", "appear"})
# Words of a title role ("the title role of Vera Stone"), which ``titles`` reads.
TITLE_WORDS = frozenset({"title", "titular", "eponymous"})
# A role noun whose possessor's name follows it: "her Harbour Lights character Vera".
CHARACTER_NOUNS = frozenset({"character", "alter", "ego"})


# Words that describe a name by what made it famous: "Tom Reed, famous for his role as
# Vera", "Ann Marsh, best known for her turn as Vera".
FAME_WORDS = frozenset({"famous", "know", "known", "noted", "remember", "remembered",
                        "celebrated", "renowned", "beloved", "acclaimed", "best-known"})


def _possessors(tokens, noun):
    """Return the possessors of a role noun: its own, else those of a noun before it
    in its phrase, which the parser often takes for the possessed ("her screen debut"
    parsed as "her screen" and "debut")."""
    children = tokens.children(noun)
    own = [j for j in children if tokens.dep[j] == "poss"]
    if own:
        return own
    return [k for j in children if j < noun and tokens.pos[j] == "NOUN"
            and tokens.dep[j] in ("compound", "nsubj", "amod")
            for k in tokens.children(j) if tokens.dep[k] == "poss"]


def _owner(ctx, noun):
    """Return the performer a role noun belongs to: its possessor ("Ann Marsh's
    turn", "her role", "whose role"), or None."""
    tokens = ctx.tokens
    for j in _possessors(tokens, noun):
        if tokens.lower[j] == "whose":
            clause = tokens.head[noun]
            for _ in range(MAX_CLIMB):  # "whose character Vera was killed off"
                if tokens.dep[clause] == "relcl":
                    return actor_at(ctx, tokens.head[clause])
                if tokens.head[clause] == clause:
                    break
                clause = tokens.head[clause]
            return None
        if tokens.lower[j] in POSSESSIVE_PRONOUNS:
            # "Ann Marsh won an award for her role as Vera": the clause's named subject
            # first, else the performer the article named before.
            subject = _clause_owner(ctx, noun, named=True)
            return subject if subject is not None else pronoun_actor(ctx, j)
        return actor_at(ctx, j)
    head = tokens.head[noun]
    if tokens.dep[noun] == "dobj" and tokens.lemma[head] in GIVING_VERBS | TAKING_VERBS:
        given = [j for j in tokens.children(head) if j != noun and tokens.pos[j] in (
            "PROPN", "PRON") and tokens.dep[j] in ("dative", "dobj")]
        if given:  # "the studio gave Tom Reed the role of Vera"
            return actor_at(ctx, given[0])
        subject = subject_of(tokens, head)  # "Tom Reed provides the voice of Vera"
        return actor_at(ctx, subject) if subject is not None else None
    if tokens.dep[noun] == "pobj" and tokens.lower[head] == "to" \
            and tokens.lemma[tokens.head[head]] == "beat":
        subject = subject_of(tokens, tokens.head[head])  # "beat 500 girls to the role of"
        return actor_at(ctx, subject) if subject is not None else None
    if tokens.dep[noun] == "nsubj" and tokens.lemma[head] in REWARDING_VERBS:
        # "The part of Vera earned Ann Marsh an award", "made Ann Marsh a star".
        given = [j for j in tokens.children(head) if tokens.dep[j] in ("dative", "dobj")
                 and ctx.name_covering(j) is not None]
        return actor_at(ctx, given[0]) if given else None
    if tokens.dep[noun] == "pobj" and tokens.lower[head] in ("in", "into") \
            and tokens.lemma[tokens.head[head]] in CASTING_VERBS:
        # "The studio cast Ann Marsh in the lead role of Vera"; "she starred in the role".
        verb = tokens.head[head]
        cast = [j for j in tokens.children(verb) if tokens.dep[j] == "dobj"]
        subject = cast[0] if cast else subject_of(tokens, verb)
        return actor_at(ctx, subject) if subject is not None else None
    if tokens.dep[noun] in ("nsubj", "nsubjpass") and tokens.lemma[head] in ("go", "provide"):
        # "The role of Vera went to Ann Marsh", "the voice of Vera is provided by Ann".
        taker = [m for k in tokens.children(head) if tokens.lower[k] in ("to", "by")
                 for m in tokens.children(k) if tokens.dep[m] == "pobj"]
        return actor_at(ctx, taker[0]) if taker else None
    if tokens.dep[noun] == "appos" and ctx.name_covering(head) is not None:
        return actor_at(ctx, head)  # "Tom Reed, the voice of Vera, ..."
    for j in tokens.children(noun):
        if tokens.dep[j] == "acl" and tokens.lemma[j] in PLAY_LEMMAS:
            agents = [m for k in tokens.children(j) if tokens.dep[k] == "agent"
                      for m in tokens.children(k) if tokens.dep[m] == "pobj"]
            return actor_at(ctx, agents[0]) if agents else None  # "the part of X, played by Y"
    if tokens.dep[noun] == "attr" and tokens.lemma[head] == "be":
        subject = subject_of(tokens, head)  # "Tom Reed is the voice of Vera"
        return actor_at(ctx, subject) if subject is not None else None
    return None


def _clause_owner(ctx, noun, named=False):
    """Return the performer of the clause a role noun stands in: "She turned her
    talent into starring roles, including Vera" (the subject of the verb the noun
    phrase hangs from), or None; with ``named``, only a subject that is a name."""
    tokens = ctx.tokens
    i = noun
    for _ in range(MAX_CLIMB):
        if tokens.dep[i] not in CLAUSE_DEPS or tokens.head[i] == i:
            return None
        i = tokens.head[i]
        if tokens.lemma[i] in FAME_WORDS and tokens.dep[i] in ("amod", "appos", "acl") \
                and ctx.name_covering(tokens.head[i]) is not None:
            return actor_at(ctx, tokens.head[i])  # "Tom Reed, famous for his role as"
        if tokens.pos[i] in ("VERB", "AUX"):
            if named and (tokens.lemma[i] not in OWN_ROLE_VERBS or tokens.dep[noun] == "dobj"
                          and tokens.lemma[i] in ("praise", "know", "acclaim")):
                return None  # "praised his performance": "his" is someone else
            subject = subject_of(tokens, i)
            if subject is None or named and tokens.pos[subject] != "PROPN":
                return None
            return actor_at(ctx, subject)
    return None


def _role_character(ctx, noun):
    """Return the character a role noun names: "portrayal of X", "role as X", "role
    was X" (the noun a copula's subject), "the role, X", "lends her voice to X",
    "her character in Salt Road, X", or None."""
    tokens = ctx.tokens
    n = len(tokens)
    after = noun + 1
    verb = tokens.head[noun]
    if tokens.lemma[noun] == "voice" and tokens.lemma[verb] in GIVING_VERBS:
        given = [m for k in tokens.children(verb) if tokens.lower[k] == "to"
                 for m in tokens.children(k) if tokens.dep[m] == "pobj"]
        if given:
            return character_name(ctx, given[0])  # "lends her voice to Vera"
    if after + 1 < n and tokens.lower[after] in ("in", "on") \
            and ctx.name_starting(after + 1) is not None:
        j = ctx.name_starting(after + 1).end  # "her role in Harbour Lights as Vera"
        comma = j < n and tokens.text[j] == ","
        j += 1 if comma else 0
        if j + 1 < n and tokens.lower[j] == "as":
            return character_after_word(ctx, j + 1)
        named = ctx.name_starting(j) if comma and tokens.lemma[noun] in CHARACTER_NOUNS \
            else None
        if named is not None and named.end < n and tokens.is_punct[named.end]:
            return character_name(ctx, named.start)  # "her character in X, Vera, ..."
    if after < n and tokens.lower[after] in ("as", "of") and noun + 2 < n:
        found = character_after_word(ctx, noun + 2)
        if found is not None:
            return found
    if tokens.lemma[noun] in CHARACTER_NOUNS:
        # "her character Vera", "his character, Vera": the name right after the noun.
        i = noun + 1
        if i < n and tokens.text[i] == ",":
            i += 1
        span = ctx.name_starting(i)
        if span is not None:
            return character_name(ctx, span.start)
        # "Vera, Ann Marsh's character in X", "her character in X, Vera": a name in
        # apposition to the noun.
        named = [j for j in tokens.children(noun) if tokens.dep[j] == "appos"]
        if tokens.dep[noun] == "appos":
            named.append(tokens.head[noun])
        found = [character_name(ctx, j) for j in named]
        return next((span for span in found if span is not None), None)
    if tokens.dep[noun] == "nsubj" and tokens.lemma[tokens.head[noun]] == "be":
        return character_below(ctx, tokens.head[noun], frozenset({"attr"}))
    if after + 1 < n and tokens.text[after] == "," and tokens.tag[after + 1] == "VBG" \
            and tokens.lemma[after + 1] in PLAY_LEMMAS:
        return character_below(ctx, after + 1)  # "his next role, playing Vera"
    return None


def _listed_after(ctx, first):
    """Return the characters listed from a first one on, each with its work: "Vera in
    Harbour Lights (2004) and Mara in Salt Road" gives Vera and Mara."""
    tokens = ctx.tokens
    n = len(tokens)
    found = [first]
    span = first
    while True:
        j = span.end
        if j < n and tokens.lower[j] == "in" and ctx.name_starting(j + 1) is not None:
            j = ctx.name_starting(j + 1).end
        if j + 2 < n and tokens.text[j] == "(" and tokens.text[j + 2] == ")":
            j += 3  # "(2004)"
        if j < n and tokens.text[j] == ",":
            j += 1
        if j < n and tokens.lower[j] == "and":
            j += 1
        following = ctx.name_starting(j) if j > span.end else None
        if following is None or character_name(ctx, following.start) is None:
            return found
        found.append(following)
        span = following


def _included_roles(ctx, noun):
    """Return the characters of "her roles include Vera in X and Mara in Y", or []."""
    tokens = ctx.tokens
    verb = tokens.head[noun]
    if tokens.dep[noun] != "nsubj" or tokens.lemma[verb] != "include":
        return []
    first = character_below(ctx, verb, frozenset({"dobj"}))
    return _listed_after(ctx, first) if first is not None else []


def _possessor(ctx, noun, actor):
    """Return the person a role noun's possessor names: the name ("Ann Marsh's part")
    or, for "his"/"her", the nearest person named as a subject in the few sentences
    before who is neither the actor nor a work; None otherwise."""
    tokens = ctx.tokens
    for j in tokens.children(noun):
        if tokens.dep[j] != "poss":
            continue
        if tokens.lower[j] not in POSSESSIVE_PRONOUNS:
            span = ctx.name_covering(j)
            return span if span is not None and "PERSON" in span.labels else None
        first = tokens.sent_start[j]
        for _ in range(PRONOUN_SENTENCES):
            first = tokens.sent_start[first - 1] if first > 0 else first
        for span in reversed(ctx.names):
            if span.start >= j or span.start < first:
                continue
            if "PERSON" in span.labels and tokens.dep[span.end - 1] in ("nsubj", "nsubjpass") \
                    and span.text != actor.text and not actor.text.endswith(span.text) \
                    and not looks_like_work(ctx, span):
                # Quoted at the pronoun: "his leading role was played by Tom Reed".
                return replace(span, start=j, end=j + 1, start_char=tokens.idx[j],
                               end_char=tokens.idx[j] + len(tokens.text[j]))
        return None
    return None


def _played_role(ctx, noun):
    """Yield the portrayal of "his role was played by Ann Marsh": the role's possessor
    is the character, a real person played in a film about them."""
    tokens = ctx.tokens
    verb = tokens.head[noun]
    if tokens.dep[noun] != "nsubjpass" or tokens.lemma[verb] not in PLAY_LEMMAS:
        return
    agents = [m for k in tokens.children(verb) if tokens.dep[k] == "agent"
              for m in tokens.children(k) if tokens.dep[m] == "pobj"]
    actor = actor_at(ctx, agents[0]) if agents else None
    if actor is not None:
        yield from facts(ctx, actor, _possessor(ctx, noun, actor), verb,
                         "portrayal.performance")


@portrayal_rule("portrayal.performance")
def performance(ctx):
    """Yield portrayals of a role noun owned by its performer: "Ann Marsh's portrayal
    of Vera", "her turn as Vera", "whose latest role was Vera", "her roles as Vera in
    X and Mara in Y", "her film roles include Vera in X"."""
    tokens = ctx.tokens
    for i, lemma in enumerate(tokens.lemma):
        if lemma not in ROLE_NOUNS or tokens.pos[i] != "NOUN":
            continue
        if any(tokens.lower[k] in TITLE_WORDS for k in tokens.children(i)):
            continue  # "the title role of X": ``titles`` reads it, with its work
        plural = tokens.lower[i] != lemma
        characters = _included_roles(ctx, i) or included_characters(ctx, i) if plural else []
        if not characters:
            first = _role_character(ctx, i)
            characters = [] if first is None else \
                _listed_after(ctx, first) if plural else [first]
        if not characters:
            yield from _played_role(ctx, i)
            continue
        owner = _owner(ctx, i) or (_clause_owner(ctx, i) if plural else None)
        owners = _coordinated(ctx, owner) if owner is not None and plural else [owner]
        if len(owners) > 1:
            # "A and B are the voices of C and D": in order, or not at all.
            pairs = zip(owners, characters, strict=True) \
                if len(owners) == len(characters) else ()
        else:
            pairs = ((owner, character) for character in characters)
        for actor, character in pairs:
            if actor is not None and kind_of(ctx, actor) == "maker":
                continue  # "the novelist Tom Reed, whose character Vera ...": an author's
            yield from facts(ctx, actor, character, i, "portrayal.performance")


def _coordinated(ctx, owner):
    """Return the owner and the names the parse coordinates with it ("Tim Reed and Ann
    Marsh are the voices of ..."), each as an actor."""
    tokens = ctx.tokens
    found = [owner]
    if ctx.name_covering(owner.end - 1) is None:
        return found  # a pronoun's performer or a described noun: no list to read
    for j in tokens.children(owner.end - 1):
        if tokens.dep[j] == "conj":
            other = actor_at(ctx, j)
            if other is not None:
                found.append(other)
    return found
