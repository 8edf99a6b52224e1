"""Portrayals of a title role: the character is the one the work is named after.

- ``portrayal.title_role``: "Ann Marsh, who played the title role", "plays the
  eponymous character", "landed Ann Marsh the title role in Vera Stone: Night
  Raider", "has been cast in the title role of Vera Stone", "the director cast Ann
  Marsh in the title role", "her title role in Vera Stone".

The work is the one the role noun or its verb names ("in X", "of X"), else the
nearest work named before it in its sentence or the one before ("Vera Stone - Ann
Leigh's drama - won, and Marsh, who played the title role, ..."), else the work
of the article's headline. The character is the work's title up to a colon ("Vera
Stone: Night Raider" is Vera Stone's), and only when that title is a person's name
("Vera Stone", never "Blue Harbour" or "The Long Night"): one of its words is no
common English word (NER calls too many titles persons to be asked).

Who plays it is the subject of a playing or winning verb ("Ann Marsh landed the
title role"), the person a verb gives it to ("landed Ann Marsh the title role"),
the one cast in it ("Ann Marsh was cast in", "cast Ann Marsh in") or the role's
possessor ("her title role"). Turning a role down, losing it or being considered
for it gives nothing: those verbs are not read, and a negated or hedged statement
never counts.
"""

from dataclasses import replace

from graph.extract.mentions import works
from graph.extract.mentions.kinds import looks_like_work
from graph.extract.mentions.names import HONORIFICS, common_words
from graph.extract.rules.portrayal.base import portrayal_rule
from graph.extract.rules.portrayal.parse import (
    actor_at,
    facts,
    subject_of,
)
from graph.extract.rules.portrayal.referents import POSSESSIVE_PRONOUNS, pronoun_actor

TITLE_WORDS = frozenset({"title", "titular", "eponymous", "name"})
TITLE_ROLE_NOUNS = frozenset({"role", "character", "part", "lead"})
# Verbs whose subject takes the title role: "played", "landed", "won the title role".
SUBJECT_VERBS = frozenset({"play", "portray", "voice", "land", "win", "get", "take", "have",
                           "nab", "snag", "secure", "earn", "tackle", "reprise", "assume",
                           "inherit", "originate", "perform", "accept", "bag", "score",
                           "create", "star", "appear", "be"})
# Verbs that hand the title role to the person named as their object: "landed Ann
# Marsh the title role", "won her the title role".
GIVING_VERBS = frozenset({"land", "win", "earn", "give", "hand", "get", "bring"})
CAST_VERBS = frozenset({"cast", "recast"})
# Words of a person's name that are lower-case or particles: "Vera de Lune".
NAME_PARTICLES = frozenset({"de", "van", "von", "da", "del", "la", "le", "di", "du", "st"})
NOT_IN_PERSON_TITLES = frozenset({"the", "of", "and", "a", "an", "in", "on", "at", "to"})
MAX_NAME_WORDS = 4
# Words after a title that make no person's name of it: "Doctor Who".
QUESTION_WORDS = frozenset({"who", "what", "where", "when", "why", "how"})
CONFIDENCE = 0.75


def _person_title(ctx, title):
    """Return True when a work's title is a person's name: one to four capitalised
    words, none a function word, one of them no common English word nor the plural
    of one ("Vera Stone", "Tessa Crane"; never "Blue Harbour", "Harbour Lights"), or a
    title and a name ("Lady Grey", "Father Brown")."""
    words = title.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS:
        return False
    for word in words:
        if word.lower() in NOT_IN_PERSON_TITLES or not (
                word[:1].isupper() or word in NAME_PARTICLES):
            return False
    if len(words) > 1 and words[0].lower().strip(".") in HONORIFICS \
            and not QUESTION_WORDS & {word.lower() for word in words}:
        return True  # "Lady Grey", "Father Brown", "Inspector Hale" (not "Doctor Who")
    common = common_words()
    for word in words:
        word = word.lower().strip(".'")
        if word not in NAME_PARTICLES and word not in common \
                and not (word.endswith("s") and word[:-1] in common):
            return True
    return False


def _named_in(ctx, heads):
    """Return the name an "in X" or "of X" phrase below one of ``heads`` holds, or None."""
    tokens = ctx.tokens
    for head in heads:
        for k in tokens.children(head):
            if tokens.lower[k] not in ("in", "of"):
                continue
            for m in tokens.children(k):
                span = ctx.name_covering(m)
                if span is not None and tokens.dep[m] == "pobj":
                    return span
    return None


def _work_before(ctx, index):
    """Return the nearest name before token ``index``, in its sentence or the one
    before, that the article treats as a work, or None."""
    tokens = ctx.tokens
    first = tokens.sent_start[index]
    if first > 0:
        first = tokens.sent_start[first - 1]
    for span in reversed(ctx.names):
        if span.start >= index:
            continue
        if span.start < first:
            return None
        if looks_like_work(ctx, span):
            return span
    return None


def _character(ctx, noun, verb):
    """Return (character, work) of a title role: the character as a name span (the
    work's title up to a colon, quoted where the work is named, else at the role
    noun), or (None, None) when no work is in sight or its title is no person's name."""
    heads = [noun] if verb is None else [noun, verb]
    span = _named_in(ctx, heads) or _work_before(ctx, noun)
    if span is not None:
        found = works.title_of_name(ctx, span)
        title = found.text if found is not None else span.text
    else:
        title = works.index(ctx).article_work or ctx.default_work
        if title is None:
            return None, None
        tokens = ctx.tokens
        start = tokens.idx[noun]
        span = replace(ctx.names[0], start=noun, end=noun + 1, start_char=start,
                       end_char=start + len(tokens.text[noun]))
    name = title.split(":")[0].strip()
    return (replace(span, text=name), title) if _person_title(ctx, name) else (None, None)


def _actor(ctx, noun):
    """Return (actor, verb) of a title role noun: who plays it and the verb that
    says so (None for a possessive), or (None, None)."""
    tokens = ctx.tokens
    for j in tokens.children(noun):
        if tokens.dep[j] == "poss":
            if tokens.lower[j] in POSSESSIVE_PRONOUNS:
                return pronoun_actor(ctx, j), None
            return actor_at(ctx, j), None
    dep, verb = tokens.dep[noun], tokens.head[noun]
    if dep == "pobj" and tokens.lower[verb] in ("in", "as"):
        dep, verb = "in", tokens.head[verb]  # "cast in the title role"
    if verb == noun or tokens.pos[verb] not in ("VERB", "AUX"):
        return None, None
    lemma = tokens.lemma[verb]
    objects = [j for j in tokens.children(verb)
               if tokens.dep[j] in ("dobj", "dative") and j != noun
               and tokens.pos[j] in ("PROPN", "PRON")]
    if objects and (lemma in GIVING_VERBS and dep == "dobj" or lemma in CAST_VERBS):
        return actor_at(ctx, objects[0]), verb  # "landed Ann the title role"
    passive = any(tokens.dep[j] == "nsubjpass" for j in tokens.children(verb))
    if lemma in SUBJECT_VERBS or lemma in CAST_VERBS and passive:
        subject = subject_of(tokens, verb)
        return (actor_at(ctx, subject) if subject is not None else None), verb
    return None, None


@portrayal_rule("portrayal.title_role")
def title_role(ctx):
    """Yield portrayals of a title role: "Ann Marsh, who played the title role in Vera
    Stone", "plays the eponymous character", "landed Ann Marsh the title role"."""
    tokens = ctx.tokens
    for i, lemma in enumerate(tokens.lemma):
        if lemma not in TITLE_ROLE_NOUNS or tokens.pos[i] != "NOUN" \
                or not any(tokens.lower[k] in TITLE_WORDS for k in tokens.children(i)):
            continue
        actor, verb = _actor(ctx, i)
        if actor is None:
            continue
        character, work = _character(ctx, i, verb)
        yield from facts(ctx, actor, character, i if verb is None else verb,
                         "portrayal.title_role", work)
