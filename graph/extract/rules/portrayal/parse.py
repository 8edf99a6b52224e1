"""Portrayal forms read from the dependency parse, for the word orders of news,
reviews and encyclopedia prose.

The surface rules of ``forms`` and ``roles`` read the words right after a name;
these follow the parse from a playing verb or a role noun to who plays and who
is played, wherever they stand:

- ``portrayal.verb``: a playing verb (play, portray, voice) and its subject,
  found through relative clauses ("Ann Marsh, who won for playing Vera"),
  prepositions ("picked up the prize for playing"), infinitives ("has signed on
  to play", "is to play"), coordination, a subject pronoun ("She played Vera",
  for the performer the article named) and a lone surname ("Marsh played Vera");
  the character is the name that the verb's object phrase holds ("legendary
  newsman and Herald editor Orrin Vale") or an "including" list of roles ("a
  number of roles, including Vera and Mara"); the object of "lets Ann play" plays.

The role nouns ("her turn as Vera") are read in ``performance``, "as", copulas and
"makes an effective Vera" in ``predicates``, "the title role" in ``titles``; they use
the helpers here (who the subject of a clause is, which name an object phrase
holds, the full name of a lone surname) and ``referents`` (who a pronoun or "the
actor" stands for).

The actor must be a person (``mentions.kinds``: no maker, work or thing), the
character a name that is no work and no possessor ("Billy's father"); a negated,
hedged or hypothetical statement ("would love to play") gives nothing.
"""

from dataclasses import replace

from graph.extract.evidence.modality import asserted_above
from graph.extract.mentions.kinds import full_person, kind_of, looks_like_work
from graph.extract.rules.portrayal.base import (
    ACTOR_NOUNS,
    established_actors,
    established_characters,
    established_pairs,
    given_to_another,
    modifier,
    plausible_actor,
    plausible_character,
    portrayal_fact,
    portrayal_rule,
    shaped_like_actor,
)
from graph.extract.rules.portrayal.referents import (
    POSSESSIVE_PRONOUNS,
    SUBJECT_PRONOUNS,
    pronoun_actor,
)
from graph.extract.rules.portrayal.work import clause_work

PLAY_LEMMAS = frozenset({"play", "portray", "voice"})
# Where the character stands below a playing verb.
OBJECT_DEPS = frozenset({"dobj", "npadvmod", "attr", "oprd", "appos", "dative"})
# Below an object that is a common noun: "newsman and editor Orrin Vale".
INNER_DEPS = frozenset({"conj", "appos", "compound"})
# How a clause without a subject of its own hangs from the one that has it.
INHERIT_DEPS = frozenset({"xcomp", "pcomp", "advcl", "conj", "acl", "prep", "ccomp", "dobj",
                          "pobj", "amod", "acomp"})
# Verbs whose object does what the infinitive after it says, as a fact: "lets Ann
# Marsh play", "hired Tom Reed to play"; never a wish ("asked him to play").
CONTROL_VERBS = frozenset({"let", "enable", "allow", "hire", "sign", "cast", "choose",
                           "pick", "select", "tap", "recruit", "enlist", "draft", "see"})
# Verbs the tagger often takes for plural nouns after a name ("Tom Reed stars").
MISTAGGED_VERBS = frozenset({"stars", "co-stars", "plays", "voices", "returns"})
# Verbs whose object is a prize its subject won "for playing": "won an Emmy for".
PRIZE_VERBS = frozenset({"win", "earn", "receive", "get", "pick", "scoop", "collect", "take",
                         "land", "bag", "claim", "accept", "share"})
# NER labels of a place or a firm a team or a singer plays, which is no part.
VENUE_LABELS = frozenset({"FAC", "GPE", "LOC", "ORG"})
# Last words of a venue's name: "the singer played Wembley Stadium".
VENUE_WORDS = frozenset({"stadium", "arena", "hall", "theatre", "theater", "festival",
                         "club", "centre", "center", "palladium", "bowl", "dome", "o2"})
# How a name that a "for playing" phrase hangs on stands in a list of nominees.
LISTED_DEPS = frozenset({"dobj", "conj", "appos", "attr", "nsubj"})
RELATIVE_WORDS = frozenset({"who", "that", "which", "whom", "whose"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ROLE_NOUNS = frozenset({"role", "part", "turn", "portrayal", "performance", "debut", "stint",
                        "interpretation", "depiction", "characterisation",
                        "characterization", "character", "voice"})
MAX_CLIMB = 5
# Participles that give an object noun its name: "plays a character named Vera".
NAMING_WORDS = frozenset({"named", "called", "dubbed"})
# How many roles an "including" list may give.
MAX_LISTED = 8
# Nouns for a work in "was Vera in the long-running show".
WORK_NOUNS = frozenset({"show", "series", "sitcom", "film", "movie", "drama", "soap", "play",
                        "musical", "programme", "saga", "franchise", "comedy", "serial",
                        "production", "adaptation", "remake", "reboot", "sequel", "prequel",
                        "revival", "version", "thriller", "biopic", "episode", "opera"})
CONFIDENCE = 0.75


def _own_subject(tokens, i):
    """Return the index of token ``i``'s own subject, or None."""
    for j in tokens.children(i):
        if tokens.dep[j] in SUBJECT_DEPS:
            return j
    return None


def subject_of(tokens, verb):
    """Return the index of the token that does what ``verb`` says: its own subject, a
    relative clause's antecedent ("Ann, who played"), else the subject of the clause
    it hangs from ("signed on to play", "won for playing"); None when none is found."""
    i = verb
    for _ in range(MAX_CLIMB):
        subject = _own_subject(tokens, i)
        if subject is not None:
            if tokens.lower[subject] in RELATIVE_WORDS and tokens.dep[i] == "relcl":
                return _antecedent(tokens, subject, tokens.head[i])
            return subject
        if tokens.lower[i] in MISTAGGED_VERBS and tokens.pos[i] == "NOUN":
            # The tagger reads "Tom Reed stars in X, playing Y" as a noun "stars" the
            # name modifies: the name is the subject.
            names = [j for j in tokens.children(i)
                     if tokens.dep[j] == "compound" and tokens.pos[j] == "PROPN"]
            if names:
                return names[-1]
        dep, head = tokens.dep[i], tokens.head[i]
        if dep == "relcl":
            return head  # "Ann Marsh, starring as": the noun the clause describes
        if dep not in INHERIT_DEPS or head == i:
            return None
        if dep == "xcomp" and tokens.lemma[head] in CONTROL_VERBS:
            controller = [j for j in tokens.children(head) if tokens.dep[j] == "dobj"]
            if controller and tokens.pos[controller[0]] in ("PROPN", "PRON"):
                return controller[0]  # "lets Ann Marsh play Vera": the object plays
        if dep in ("acl", "amod") and tokens.pos[head] in ("PROPN", "PRON"):
            return head  # "Ann Marsh, playing Vera", "Ann Marsh, famous for playing Vera"
        if dep == "prep" and tokens.lower[i] == "for":
            if tokens.pos[head] == "PROPN" and tokens.dep[head] in LISTED_DEPS:
                return head  # "Tom Reed for playing Vera", the "for" on the name
            named = [j for j in tokens.children(head)
                     if tokens.dep[j] == "dobj" and tokens.pos[j] == "PROPN" and not any(
                         tokens.dep[k] == "det" for k in tokens.children(j))]
            if named and tokens.pos[head] == "VERB" and tokens.lemma[head] not in PRIZE_VERBS:
                return named[0]  # "nominees include Tom Reed for playing Vera", "praised"
        i = head
    return None


def _antecedent(tokens, relative, head):
    """Return what a relative word at ``relative`` stands for: the proper noun right
    before it ("best actress for Ann Marsh who plays", "the film and Marsh, who
    played", where the parser hangs the clause higher), else the clause's ``head``."""
    before = relative - 1
    if before >= 0 and tokens.text[before] == ",":
        before -= 1
    if before >= 0 and before != head and tokens.pos[before] == "PROPN" \
            and tokens.sent_start[before] == tokens.sent_start[relative]:
        return before
    return head


def actor_at(ctx, index):
    """Return the actor name a subject token stands for (the name holding it, the
    full name of a lone surname, a pronoun's performer), or None."""
    tokens = ctx.tokens
    if tokens.lower[index] in SUBJECT_PRONOUNS | POSSESSIVE_PRONOUNS:
        return pronoun_actor(ctx, index)
    span = ctx.name_covering(index)
    if span is None and tokens.pos[index] == "NOUN":
        # "The actress, Ann Marsh, plays": the name in apposition to the subject noun.
        names = [j for j in tokens.children(index) if tokens.dep[j] == "appos"]
        span = ctx.name_covering(names[0]) if names else None
        if span is None and tokens.lemma[index] in ACTOR_NOUNS and any(
                tokens.lower[j] == "the" for j in tokens.children(index)):
            return pronoun_actor(ctx, index, described=True)  # "The actor plays Vera"
    if span is None:
        return None
    if span.size == 1:
        # A lone surname of a person the article named in full is that person, though
        # NER calls the lone word an organisation ("Marchetti plays").
        full = full_person(ctx, span, established_actors(ctx))
        return replace(span, text=full) if full and kind_of(ctx, span) not in (
            "maker", "work") else None
    # A name NER calls an organisation or a place may still act: the small model labels
    # many unfamiliar names so ("Ingrid Sato picked up the prize for playing"); the parse
    # says who plays, and ``facts`` drops a pair of two such things. So may a singer, a
    # presenter or a director the article introduces so ("the singer Ann Marsh played
    # Vera"): the parse, not the noun, says who plays.
    kind = kind_of(ctx, span)
    if kind == "work":
        return None
    return span if plausible_actor(ctx, span) or (
        shaped_like_actor(span) and kind in ("performer", "maker")) else None


def character_name(ctx, index):
    """Return the name holding token ``index`` when it can be a character there."""
    span = ctx.name_covering(index)
    if span is None or modifier(ctx, span) or looks_like_work(ctx, span):
        return None
    return span if plausible_character(ctx, span) else None


def character_below(ctx, head, deps=OBJECT_DEPS):
    """Return the character name among ``head``'s dependents of the ``deps`` kinds, or
    inside a common-noun object ("the paper's publisher Lia Fox"), or None; a name
    NER calls a person beats one it calls an organisation ("newsman and Herald
    editor Orrin Vale")."""
    tokens = ctx.tokens
    found = []
    for j in tokens.children(head):
        if tokens.dep[j] not in deps:
            continue
        found.append(character_name(ctx, j))
        if tokens.pos[j] == "NOUN" and tokens.lemma[j] not in ROLE_NOUNS:
            found.extend(character_name(ctx, k) for k in tokens.children(j)
                         if tokens.dep[k] in INNER_DEPS and k > j)
        if tokens.pos[j] == "NOUN":
            found.extend(_named_by(ctx, j))
    found = [span for span in found if span is not None]
    people = [span for span in found if kind_of(ctx, span) != "thing"]
    if not found:
        found = [described_character(ctx, j) for j in tokens.children(head)
                 if tokens.dep[j] in deps and tokens.pos[j] == "NOUN"]
        found = [span for span in found if span is not None]
    return (people or found or [None])[0]


def _named_by(ctx, noun):
    """Return the names a naming participle gives an object noun: "a character named
    Vera", "a banker called Orrin Vale"."""
    tokens = ctx.tokens
    return [character_name(ctx, m) for k in tokens.children(noun)
            if tokens.dep[k] == "acl" and tokens.lower[k] in NAMING_WORDS
            for m in tokens.children(k) if tokens.dep[m] in OBJECT_DEPS]


def described_character(ctx, noun):
    """Return the character a possessed noun describes when the article named it with
    that noun before: "who played Billy's teacher" after "his dance teacher Mrs
    Wilkinson"; None when no name, or more than one, followed the noun before."""
    tokens = ctx.tokens
    if tokens.lemma[noun] in ROLE_NOUNS or not any(
            tokens.dep[j] == "poss" for j in tokens.children(noun)):
        return None
    named = set()
    for j in range(noun):
        if tokens.lemma[j] == tokens.lemma[noun] and tokens.pos[j] == "NOUN":
            span = ctx.name_starting(j + 1)
            if span is not None and character_name(ctx, span.start) is not None:
                named.add(span.text)
    if len(named) != 1:
        return None
    found = next(span for span in ctx.names if span.text in named)
    return replace(found, start=noun, end=noun + 1, start_char=tokens.idx[noun],
                   end_char=tokens.idx[noun] + len(tokens.text[noun]))


def included_characters(ctx, noun):
    """Return the characters a list of roles names after "including", below ``noun``
    or its "of" phrase: "a number of roles, including the boy and Father Winter",
    "starring roles, including Vera in X and Mara in Y"; [] when none.

    The list is read on the surface (the parser often hangs its last item on the
    main clause): each name that opens an item, after "including", a comma or "and"
    (with an article and describing words between), up to the sentence's end."""
    tokens = ctx.tokens
    heads = [noun] + [m for k in tokens.children(noun) if tokens.lower[k] == "of"
                      for m in tokens.children(k) if tokens.dep[m] == "pobj"]
    including = next((k for head in heads for k in tokens.children(head)
                      if tokens.lower[k] == "including"), None)
    if including is None:
        return []
    found = []
    k, end = including + 1, tokens.sent_end[including]
    while k < end and len(found) < MAX_LISTED and tokens.text[k] not in (";", ":"):
        span = ctx.name_starting(k)
        if span is None:
            k += 1
            continue
        before = k - 1
        while before > including and tokens.is_lower[before] and tokens.pos[before] in (
                "DET", "ADJ", "NOUN"):
            before -= 1
        if tokens.lower[before] in ("including", "and", ",", "&"):
            character = character_name(ctx, k)
            if character is not None:
                found.append(character)
        k = span.end
    return found


def _role_antecedent(ctx, verb):
    """Return the character of "the role X played" for a playing verb in a relative
    clause on a role noun: the name the noun stands beside ("Orrin Vale, the role
    Ann Marsh played") or the character played before it in the sentence ("Tom plays
    Orrin Vale - the same role Ann Marsh played"), or None."""
    tokens = ctx.tokens
    noun = tokens.head[verb]
    if tokens.dep[verb] != "relcl" or tokens.lemma[noun] not in ("role", "part", "character"):
        return None
    if tokens.dep[noun] == "appos":
        return character_name(ctx, tokens.head[noun])
    for j in range(noun - 1, tokens.sent_start[noun] - 1, -1):
        if tokens.dep[j] == "dobj" and tokens.lemma[tokens.head[j]] in PLAY_LEMMAS:
            return character_name(ctx, j)
    return None


def facts(ctx, actor, character, anchor, rule_name, work=None, shared=False, through=None):
    """Yield the portrayal of ``actor`` as ``character`` (in ``work`` when given)
    quoting from the first of them to the last, when the statement at token
    ``anchor`` and the verbs it hangs from are asserted, and (unless the statement
    says the part is ``shared``: "the role Ann Marsh played") the surface forms give
    the character to no other actor in its sentence. ``through`` limits the climb to
    those dependencies (``modality.asserted_above``)."""
    if actor is None or character is None or actor.text == character.text:
        return
    if kind_of(ctx, actor) in ("thing", "maker") and (
            kind_of(ctx, character) == "thing" or character.labels & VENUE_LABELS
            or character.text.split()[-1].lower() in VENUE_WORDS):
        return  # "Harbour United played Dock Rovers", "the singer played Wembley Arena"
    if (actor.text, character.text) in established_pairs(ctx):
        return  # the surface forms read it already, with its work and seasons
    if actor.text in established_characters(ctx):
        return  # "Tom Reed plays Churchill. He ...": a part is no player
    if not shared and given_to_another(ctx, actor, character):
        return  # the surface list paired it with another actor: the parse misread it
    if not asserted_above(ctx, anchor, through=through):
        return
    first = min(actor.start_char, character.start_char)
    last = max(actor.end_char, character.end_char)
    fact = portrayal_fact(ctx, actor, character, first, last, rule_name, CONFIDENCE,
                          work=work, verb=(anchor, anchor + 1))
    if fact:
        yield fact


@portrayal_rule("portrayal.verb")
def verb(ctx):
    """Yield portrayals of a playing verb read through the parse: "Ann Marsh, who won
    for playing Vera", "has signed on to play editor Orrin Vale", "She played Vera"."""
    tokens = ctx.tokens
    for i, lemma in enumerate(tokens.lemma):
        if lemma not in PLAY_LEMMAS or tokens.pos[i] != "VERB":
            continue
        if any(tokens.dep[j] in ("nsubjpass", "auxpass") for j in tokens.children(i)):
            continue  # "Vera is played by Ann": the passive forms read it
        named = ctx.name_ending(i - 1) if tokens.tag[i] == "VBG" and i > 1 \
            and tokens.text[i - 1] == "," else None
        # "A is fine as X, and B, playing Y, gives ...": the participle's name plays Y,
        # whatever verb the parse hangs it from.
        if named is not None and (tokens.dep[named.end - 1] == "pobj"
                                  or kind_of(ctx, named) == "work"):
            # "stars in Harbour Lights, playing Y", "in the drama Harbour Lights,
            # playing Y": a work closes the phrase, and the clause's subject plays.
            named = None
        subject = named.end - 1 if named is not None else subject_of(tokens, i)
        if subject is None:
            continue
        character = character_below(ctx, i)
        shared = character is None
        character = character or _role_antecedent(ctx, i)
        listed = [character] + _also_played(ctx, character, subject) \
            if character is not None else [
                span for j in tokens.children(i) if tokens.dep[j] == "dobj"
                for span in included_characters(ctx, j)]
        actor = actor_at(ctx, subject) if listed else None
        for character in listed:
            yield from facts(ctx, actor, character, i, "portrayal.verb",
                             work=clause_work(ctx, i, character), shared=shared)


def _also_played(ctx, character, subject):
    """Return the characters coordinated with the one a lone subject plays: "Tom Reed
    plays both Orrin Vale and his twin Ed Vale"; [] when the subject is a list ("A and
    B play C and D" pairs them in order elsewhere)."""
    tokens = ctx.tokens
    if any(tokens.dep[j] == "conj" for j in tokens.children(subject)):
        return []
    found = []
    for j in tokens.children(character.end - 1):
        if tokens.dep[j] != "conj":
            continue
        span = character_name(ctx, j)
        if span is None and tokens.pos[j] == "NOUN":
            inner = [k for k in tokens.children(j) if tokens.dep[k] in INNER_DEPS]
            span = character_name(ctx, inner[0]) if inner else None
        if span is None or span.text == character.text or _verb_after(ctx, span):
            continue  # "plays Vera and Ann Marsh directs": a clause of its own
        found.append(span)
    return found


def _verb_after(ctx, span):
    """Return True when a verb follows a name, straight after it or after a relative
    clause set off by commas ("and Tom Reed, who later ran the show, was head
    writer"): the name opens a clause of its own."""
    tokens = ctx.tokens
    k, end = span.end, tokens.sent_end[span.start]
    if k + 1 < end and tokens.text[k] == "," and tokens.lower[k + 1] in ("who", "whose"):
        # the parser often ends the relative clause early: the next comma closes it
        k = next((j for j in range(k + 2, end) if tokens.text[j] == ","), end) + 1
    return k < end and tokens.pos[k] in ("VERB", "AUX")


def character_after_word(ctx, index):
    """Return the character name starting at token ``index`` past an article or a
    possessive and a few describing words ("as the crazed inventor Vera Stone", "as
    his sister Gwen", "as her husband, Orrin Vale"), or None."""
    tokens = ctx.tokens
    n = len(tokens)
    i = index
    while i < n and i - index < 4:
        if tokens.is_lower[i] and (tokens.pos[i] in (
                "DET", "ADJ", "NOUN", "VERB", "PUNCT", "PROPN") or tokens.tag[i] == "PRP$"):
            i += 1  # "as his disciple Ruth"; "as boxer Maggie" (a lower-case word as a name)
            continue
        span = ctx.name_starting(i)
        if i > index and span is not None and span.end < n and tokens.is_lower[span.end] \
                and tokens.pos[span.end] == "NOUN" and modifier(ctx, span):
            i = span.end  # "as a Mumbai taxi driver, Sunil": a name describing the noun
            continue
        break
    if index < i < n and tokens.text[i] == "," and tokens.is_lower[i - 1]:
        # "as her husband, Orrin Vale": a name set off as the description's apposition
        span = ctx.name_starting(i + 1)
        closes = span is not None and (span.end >= n or tokens.is_punct[span.end])
        return character_name(ctx, span.start) if closes else None
    span = ctx.name_starting(i)
    return character_name(ctx, span.start) if span is not None else None


def in_work(ctx, heads):
    """Return True when one of the tokens ``heads`` has an "in" phrase naming a work:
    a name ("in Harbour Lights") or a noun for a work ("in the long-running show")."""
    tokens = ctx.tokens
    for head in heads:
        for k in tokens.children(head):
            if tokens.lower[k] != "in":
                continue
            for m in tokens.children(k):
                if tokens.dep[m] == "pobj" and (ctx.name_covering(m) is not None
                                                or tokens.lemma[m] in WORK_NOUNS):
                    return True
    return False
