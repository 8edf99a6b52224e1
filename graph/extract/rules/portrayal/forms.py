"""Portrayal rules: who plays whom.

Each rule relates name spans by the words between them:

- ``portrayal.parenthesis``: Jessica Jones (Krysten Ritter)
- ``portrayal.actor_parenthesis``: the actor Sean Bean (Ned Stark)
- ``portrayal.possessive``: David Tennant's villainous Kilgrave
- ``portrayal.as``: Charlie Cox as Matt Murdock, Krysten Ritter stars as Jessica,
  Lena Ferris joins the cast as Ada, A and B return as C and D, Elodie Yung joined
  Daredevil in its second season as Elektra (the work named there is the fact's)
- ``portrayal.plays``: Mike Colter plays Luke Cage, Sheryl Lee portrayed Laura Palmer,
  Mahershala Ali signed on to play Cornell Stokes
- ``portrayal.played_by``: Den Watts, played by Leslie Grantham; X is played by Y;
  X (played by Y)
- ``portrayal.voiced_by``: X (voiced by Y)

The forms that name a role ("reprises the role of X", "Y, who plays X", "Jennifer
Aniston was Rachel") are in ``portrayal_roles``. Seasons come from the sentence's
season phrases ("in season 2", "for the first three seasons").
"""

from graph.extract.mentions import works
from graph.extract.mentions.kinds import kind_of, looks_like_work, work_here
from graph.extract.mentions.names import HONORIFICS
from graph.extract.mentions.works_index import WORK_NOUNS
from graph.extract.mentions.works_text import skip_markup
from graph.extract.rules.portrayal import (
    character_pages,  # noqa: F401  (registers the opening of a character's page)
    idioms,  # noqa: F401  (registers the idioms of entertainment writing)
    parse,  # noqa: F401  (registers the forms read from the parse)
    performance,  # noqa: F401  (registers the role nouns read from the parse)
    predicates,  # noqa: F401  (registers "as", copulas and "makes" read from the parse)
    roles,  # noqa: F401  (registers the role forms)
    titles,  # noqa: F401  (registers the title role)
)
from graph.extract.rules.portrayal.base import (
    ACTOR_NOUNS,
    JOIN_VERBS,
    KNIGHTHOODS,
    actor_subjects,
    character_after,
    established_actors,
    established_characters,
    full_actor,
    modifier,
    pairs,
    plausible_actor,
    plausible_character,
    portrayal_fact,
    portrayal_rule,
    shaped_like_actor,
)

APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})
# Adjectives a maker's possessive puts before a work ("Ann Marsh's classic Blue Harbour"),
# which say nothing of a performance.
WORK_ADJECTIVES = frozenset({"classic", "new", "latest", "acclaimed", "upcoming", "forthcoming",
                             "first", "last", "final", "next", "original", "famous", "popular",
                             "award-winning", "best-selling", "bestselling", "debut", "early",
                             "recent", "beloved", "iconic", "seminal", "celebrated", "own"})
# Verbs of speaking: who speaks in a news article is a real person quoted.
SPEECH_VERBS = frozenset({"say", "tell", "add", "explain", "comment", "reckon", "predict",
                          "write", "argue", "insist", "claim", "note", "observe", "believe"})
# Words of a sentence that make "A (B), C (D)" a list of nominees and their works,
# not a cast: "best actor nominees Ann Marsh (Blue Harbour)".
AWARD_WORDS = frozenset({"award", "awards", "nominee", "nominees", "nominated", "nomination",
                         "nominations", "prize", "prizes", "shortlist", "shortlisted",
                         "category", "categories", "oscar", "oscars", "bafta", "baftas",
                         "emmy", "emmys"})
NOT_ACTORS = frozenset({"maker", "work", "thing"})
# Nouns after a possessed name that make the name a show's: "X's Harbour Lights role".
ROLE_WORDS = frozenset({"character", "characters", "role", "roles", "part", "parts"})
# Words of a sentence that make "A (B)" a performer and the role: "stars Ann Marsh (Vera)",
# "starred alongside Ann Marsh (Vera)".
PERFORMER_CUES = frozenset({"stars", "starring", "actors", "actresses", "voices", "co-stars",
                            "castmates", "performers", "alongside", "opposite", "cast",
                            "line-up", "lineup", "ensemble", "featuring"})
# Words of a sentence about acting, where "A (B), C (D)" with one-word names inside
# lists the actors outside.
PERFORMANCE_WORDS = frozenset({"star", "play", "cast", "perform", "performance", "role",
                               "shine", "superb", "excellent", "brilliant", "terrific",
                               "actor", "actress", "act", "portray", "voice", "lead"})
# Words of a sentence about a part itself, where "X's Y" is a performer's part.
PART_WORDS = frozenset({"character", "portrayal", "performance", "role", "part",
                        "interpretation", "characterisation", "characterization"})
AS_VERBS = frozenset({"be", "cast", "star", "appear", "return", "play", "reprise", "join",
                      "debut", "feature", "co-star", "guest", "set", "sign", "come", "recur",
                      "continue", "remain", "voice", "reappear"})
# Nouns that may stand between an actor and "as": "joins the cast as", "is back in the role as".
AS_NOUNS = frozenset({"cast", "ensemble", "series", "show", "film", "lineup", "back"})
AS_WINDOW = 4
# A time phrase between that work and "as": "in its second season", "for season two".
TIME_PREPOSITIONS = frozenset({"in", "for", "during", "from"})
TIME_FILLERS = frozenset({"its", "the", "their", "this", "that", "a"})
TIME_WORDS = 5
# Verbs of taking a part before "to play": "signed on to play", "is set to play".
AGREE_VERBS = frozenset({"sign", "agree", "set", "tap", "hire", "cast", "choose", "pick",
                         "return", "come", "rejoin"})
PLAY_VERBS = frozenset({"play", "portray", "voice"})
# Verbs whose object is the actor a part passes from: "B replaced A as X".
REPLACED_BEFORE = frozenset({"replace", "succeed", "supersede"})
BY_VERBS = {"play": "portrayal.played_by", "portray": "portrayal.played_by",
            "voice": "portrayal.voiced_by"}
# How many words may stand between "played" and "by": "played for the first five seasons by".
BY_GAP = 8


def _emit(ctx, actors, characters, rule_name, confidence, loose=False, verb=None, work=None):
    """Yield a portrayal fact for each matched (actor, character) pair of two lists,
    when the statement at the (start, end) tokens ``verb`` is asserted; ``work``, when
    the phrase named one, is the facts' work."""
    for actor, character in pairs(actors, characters):
        if not plausible_character(ctx, character, loose=loose):
            continue
        first = min(actor.start_char, character.start_char)
        last = max(actor.end_char, character.end_char)
        fact = portrayal_fact(ctx, actor, character, first, last, rule_name, confidence,
                              work=work, verb=verb)
        if fact:
            yield fact


def _after_actor_noun(ctx, span):
    """Return True when a name follows "actor"/"actress" ("the actor Sean Bean")."""
    return span.start > 0 and ctx.tokens.lower[span.start - 1] in ACTOR_NOUNS


def _not_a_performance(ctx, owner, owned):
    """Return True when "Owner's Owned" tells of no part: an owner after an article ("A
    Bright Mind's Tom Reed", a work), an owned name that repeats the owner's ("Tom
    Reed's Reed Girl", a brand), or an owned person who speaks ("says Harbour
    Weekly's Lia Fox", a critic quoted)."""
    tokens = ctx.tokens
    if owner.start > 0 and tokens.lower[owner.start - 1] in ("a", "an", "the"):
        return True
    if set(owner.text.split()) & set(owned.text.split()):
        return True
    last = owned.end - 1
    return tokens.dep[last] == "nsubj" and tokens.lemma[tokens.head[last]] in SPEECH_VERBS


def _about_acting(ctx, index):
    """Return True when the sentence of token ``index`` speaks of a part itself:
    "Ann Marsh's Vera was the breakout character of the year" (not of stars or
    leads, which celebrity news names beside spouses and friends)."""
    tokens = ctx.tokens
    return any(tokens.lemma[k] in PART_WORDS
               for k in range(tokens.sent_start[index], tokens.sent_end[index]))


def _title_goes_on(ctx, span):
    """Return True when a name runs on as a title in lower-case words ("Charlie and the
    Chocolate Factory", "Vera of the Glass Tower")."""
    tokens = ctx.tokens
    i = span.end
    if i + 2 < len(tokens) and tokens.lower[i] in ("in", "at"):
        following = ctx.name_starting(i + 1)
        if following is not None and looks_like_work(ctx, following):
            return False  # "Ann Marsh's Vera in The Long Road": the part and its work
    return (i + 2 < len(tokens) and tokens.lower[i] in ("and", "of", "in", "at")
            and tokens.lower[i + 1] == "the" and tokens.text[i + 2][:1].isupper())


def _sentence_cue(ctx, index):
    """Return "award" when the sentence of token ``index`` speaks of awards ("A (B)
    and C (D) were nominated": a nominee and the work), "performer" when the sentence
    before the token introduces performers ("starring", "the voices of"), else None."""
    tokens = ctx.tokens
    if set(tokens.lower[tokens.sent_start[index]:tokens.sent_end[index]]) & AWARD_WORDS:
        return "award"
    words = set(tokens.lower[tokens.sent_start[index]:index])
    return "performer" if words & PERFORMER_CUES else None


def _parenthesis_pairs(ctx):
    """Return the (outer, inner) names of each "Outer (Inner)" or "Outer's (Inner)",
    in text order."""
    text = ctx.tokens.text
    found = []
    for inner in ctx.names:
        if inner.start == 0 or inner.end >= len(text):
            continue
        if text[inner.start - 1] != "(" or text[inner.end] != ")":
            continue
        outer = ctx.name_ending(inner.start - 1)
        if outer is None and inner.start > 1 and text[inner.start - 2] in APOSTROPHE_S:
            # "Cersei's (Lena Headey) family": the actor of the possessor.
            outer = ctx.name_ending(inner.start - 2)
        if outer is None and inner.start > 3 and text[inner.start - 2] == ")":
            # "'Reek' (Theon) (Alfie Allen)": the name in the parentheses before.
            outer = ctx.name_ending(inner.start - 2)
            if outer is None or text[outer.start - 1] != "(":
                continue
        if outer is not None and not _after_actor_noun(ctx, outer):
            found.append((outer, inner))
    return found


def _titled(span):
    """Return True when a name opens with a title no actor bears in a cast list
    ("Captain Hollis", "Mr Darcy"; not "Sir Ian Marsh")."""
    words = span.text.split()
    return len(words) > 1 and words[0].lower() in HONORIFICS \
        and words[0].lower() not in KNIGHTHOODS


def _inner_actors(ctx, found):
    """Return, per sentence start, whether its "A (B)" pairs put the actor inside the
    parentheses (True), outside (False), or the sentence does not say (absent).

    The pairs of one sentence are one list and read one way ("The cast includes Tom
    Reed (Captain Hollis), Ann Marsh (Nell)"): the actors are outside when the
    sentence introduces performers ("stars", "the cast includes"), or an outer name
    plays elsewhere in the article, or an inner name is a character played there, or
    an inner name opens with a title that the outer one lacks, or every pair of a
    list of several holds one word inside and a full name outside in a sentence
    about acting; inside when the evidence is the other way round."""
    tokens = ctx.tokens
    votes = {}
    by_sentence = {}
    for outer, inner in found:
        by_sentence.setdefault(tokens.sent_start[outer.start], []).append((outer, inner))
    for sentence, listed in by_sentence.items():
        if len(listed) > 1 and all(inner.size == 1 and shaped_like_actor(outer)
                                   and outer.text not in established_characters(ctx)
                                   for outer, inner in listed) and any(
                tokens.lemma[k] in PERFORMANCE_WORDS
                for k in range(sentence, tokens.sent_end[sentence])):
            # "Emma Lane (Vera) and Tom Reed (Orrin) are superb": full names outside,
            # one word inside, in a sentence about acting (not "Petyr Baelish
            # (Littlefinger) and Sandor Clegane (Hound) argue")
            votes[sentence] = {False}
    for outer, inner in found:
        sentence = tokens.sent_start[outer.start]
        cue = _sentence_cue(ctx, outer.start)
        outside = (cue == "performer" or kind_of(ctx, outer) == "performer"
                   or outer.text in established_actors(ctx)
                   or inner.text in established_characters(ctx)
                   or _titled(inner) and not _titled(outer) and shaped_like_actor(outer))
        inside = (inner.text in established_actors(ctx)
                  or outer.text in established_characters(ctx)
                  or _titled(outer) and not _titled(inner))
        if outside != inside:
            votes.setdefault(sentence, set()).add(inside)
    return {sentence: next(iter(said)) for sentence, said in votes.items() if len(said) == 1}


@portrayal_rule("portrayal.parenthesis")
def parenthesis(ctx):
    """Yield portrayals written "Character (Actor)" or "Character's (Actor)", and in a
    list that introduces performers, "Actor (Character)"."""
    found = _parenthesis_pairs(ctx)
    direction = _inner_actors(ctx, found) if found else {}
    for character, actor in found:
        cue = _sentence_cue(ctx, character.start)
        if cue == "award" and actor.text not in established_characters(ctx):
            continue
        swapped = not direction.get(ctx.tokens.sent_start[character.start], True)
        if swapped:
            actor, character = character, actor  # "stars Ann Marsh (Vera Stone)"
        # Swapped, the outer name is one the article gives an actor to in parentheses.
        actor_fits = (shaped_like_actor(actor) and kind_of(ctx, actor) not in NOT_ACTORS
                      if swapped else plausible_actor(ctx, actor))
        if not actor_fits or not plausible_character(ctx, character):
            continue
        fact = portrayal_fact(ctx, actor, character, min(actor.start_char, character.start_char),
                              max(actor.end_char, character.end_char),
                              "portrayal.parenthesis", 0.85)
        if fact:
            yield fact


@portrayal_rule("portrayal.actor_parenthesis")
def actor_parenthesis(ctx):
    """Yield portrayals written "the actor Actor (Character)"."""
    text = ctx.tokens.text
    for actor in ctx.names:
        if not _after_actor_noun(ctx, actor) or actor.end + 1 >= len(text):
            continue
        if text[actor.end] != "(":
            continue
        character = ctx.name_starting(actor.end + 1)
        if character is None or character.end >= len(text) or text[character.end] != ")":
            continue
        # The text calls it an actor: its shape is enough.
        if not shaped_like_actor(actor) or not plausible_character(ctx, character):
            continue
        fact = portrayal_fact(ctx, actor, character, actor.start_char, character.end_char,
                              "portrayal.actor_parenthesis", 0.8)
        if fact:
            yield fact


@portrayal_rule("portrayal.possessive")
def possessive(ctx):
    """Yield portrayals written "Actor's (adjective) Character", when the article
    shows a performance: the possessor is a performer (so called, or playing
    elsewhere in the article), the possessed a character played elsewhere, both
    people by NER or a "who" clause ("X's Y, who died"), or an adjective of
    character stands between ("X's villainous Y"), or a person's possessive in a
    sentence about acting ("X's Y was the breakout character"). A director's or
    author's possessive of a work ("Ann Marsh's The Long Tide", "her classic Salt
    Road") is none."""
    tokens = ctx.tokens
    text, n = tokens.text, len(tokens)
    for actor in ctx.names:
        i = actor.end
        if i >= n or text[i] not in APOSTROPHE_S or not plausible_actor(ctx, actor):
            continue
        i += 1
        described = work_words = False
        while i < n and i - actor.end <= 3 and tokens.pos[i] in ("ADJ", "ADV") \
                and tokens.is_lower[i]:
            described = described or tokens.lower[i] not in WORK_ADJECTIVES
            work_words = work_words or tokens.lower[i] in WORK_ADJECTIVES
            i += 1
        character = ctx.name_starting(i)
        if character is None or character.end < n and text[character.end] in APOSTROPHE_S:
            continue
        if character.end < n and tokens.lower[character.end] in ROLE_WORDS:
            continue  # "Ann Marsh's Harbour Lights character, Vera": the name is the show
        if modifier(ctx, character):
            continue  # "Tom Reed's Orrin Vale novels": the name describes his books
        # A person's person is a part: "Ann Marsh's Vera Stone", "Ann Marsh's Vera, who
        # died"; not a work's title ("Ann Marsh's Salt Road and the Sea", "classic").
        # (An unknown name has no NER label: only an organisation or a place is out.)
        person_told = ("PERSON" in actor.labels or not actor.labels) and not work_words and (
            "PERSON" in character.labels or character.end + 1 < n
            and text[character.end] == "," and tokens.lower[character.end + 1] == "who")
        # A character may bear its show's name ("Ann Marsh's Vera Stone" in Vera Stone):
        # only a person NER does not see is ruled out by the article's works.
        work = work_here(ctx, character) or (looks_like_work(ctx, character)
                                             and "PERSON" not in character.labels)
        if work or _title_goes_on(ctx, character) or _not_a_performance(ctx, actor, character):
            continue
        if not (
                described or person_told or kind_of(ctx, actor) == "performer"
                or actor.text in established_actors(ctx)
                or character.text in established_characters(ctx)
                or "PERSON" in actor.labels and not work_words
                and _about_acting(ctx, actor.start)):
            continue
        yield from _emit(ctx, [actor], [character], "portrayal.possessive", 0.7, loose=True)


def _skip_window(ctx, index, accepted):
    """Return the index after up to AS_WINDOW words that may stand between an actor and
    what follows ("is set to return", "joins the cast"); ``accepted`` says which verbs."""
    tokens = ctx.tokens
    n, lemmas = len(tokens), tokens.lemma
    i = index
    while i < n and i - index < AS_WINDOW:
        lemma = lemmas[i]
        fits = tokens.pos[i] in ("AUX", "ADV", "PART") or lemma in accepted or lemma in AS_NOUNS
        # "the" only before a noun that may stand there: "joins the cast as".
        fits = fits or (tokens.lower[i] == "the" and i + 1 < n and lemmas[i + 1] in AS_NOUNS)
        if not fits:
            break
        i += 1
    return i


def _joined_work(ctx, index, i):
    """Return (work title, index after it and a time phrase) for the work a joining
    verb in tokens ``index``..``i`` names at ``i`` ("joined Daredevil in its second
    season", "joins the cast of Luke Cage"), or (None, i)."""
    tokens = ctx.tokens
    n = len(tokens)
    if not any(tokens.lemma[k] in JOIN_VERBS for k in range(index, i)):
        return None, i
    if tokens.lower[i - 1] in AS_NOUNS and i < n and tokens.lower[i] == "of":
        i += 1  # "the cast of Luke Cage"
    title = works.title_at(ctx, i)
    if title is None or not works.is_work(ctx, title.text):
        return None, i
    j = skip_markup(ctx.doc, title.end)
    if j < n and tokens.lower[j] in TIME_PREPOSITIONS:
        k = j + 1
        while k < n and k - j <= TIME_WORDS and (tokens.ent_type[k] == "STORYTIME"
                                                 or tokens.lower[k] in TIME_FILLERS):
            k += 1
        if k > j + 1:
            j = k  # "in its second season", "for season two"
    return title.text, j


def _as_phrase(ctx, index):
    """Return (characters, index of "as", work named or None) for "(stars) as
    Character" at token ``index``, or None."""
    index = skip_markup(ctx.doc, index)  # "**Elodie Yung** joined"
    i = _skip_window(ctx, index, AS_VERBS)
    work, i = _joined_work(ctx, index, i) if i > index else (None, i)
    if i >= len(ctx.tokens) or ctx.tokens.lower[i] != "as":
        return None
    return character_after(ctx, skip_markup(ctx.doc, i + 1)), i, work


def _plays_phrase(ctx, index):
    """Return (characters, index of the verb) for "plays Character" at token ``index``,
    or None."""
    tokens = ctx.tokens
    i = index
    while i < len(tokens) and i - index < 2 and tokens.pos[i] in ("AUX", "ADV"):
        i += 1
    i = _agreed_to(tokens, i)
    if i >= len(tokens) or tokens.lemma[i] not in PLAY_VERBS:
        return None
    return character_after(ctx, i + 1), i


def _agreed_to(tokens, i):
    """Return the index after "signed on to", "is set to", "was tapped to", "agreed to"
    at token ``i`` (a verb of taking a part, an optional "on", then "to"), else ``i``."""
    n = len(tokens)
    if i >= n or tokens.lemma[i] not in AGREE_VERBS or tokens.pos[i] != "VERB":
        return i
    j = i + 1
    if j < n and tokens.lower[j] == "on":
        j += 1
    return j + 1 if j < n and tokens.lower[j] == "to" else i


def _replaced_one(ctx, span):
    """Return True when a name is the one replaced: "B replaced A as X", "B steps into
    the shoes of A as X"."""
    tokens = ctx.tokens
    i = span.start
    return i > 0 and (tokens.lemma[i - 1] in REPLACED_BEFORE
                      or tokens.lower[max(0, i - 3):i] == ["the", "shoes", "of"])


# Prepositions whose object is where a part is played, never its player: "returns to
# Harbour Lights as Vera", "was cast in Harbour Lights as Vera" ("taking over from X
# as Vera" names who played it before).
PLACE_WORDS = frozenset({"to", "into", "in", "on", "at"})


@portrayal_rule("portrayal.as")
def as_character(ctx):
    """Yield portrayals written "Actor as Character", "Actor stars as Character",
    "A and B return as C and D"."""
    for actors, (characters, i, work) in actor_subjects(ctx, lambda end: _as_phrase(ctx, end),
                                                        lambda found: found[0]):
        if _replaced_one(ctx, actors[0]):
            continue  # the recast rules read the one who played it before, with no season
        if actors[0].start > 0 and ctx.tokens.lower[actors[0].start - 1] in PLACE_WORDS:
            continue  # "returns to Harbour Lights as Vera": the show, no actor
        yield from _emit(ctx, actors, characters, "portrayal.as", 0.8, verb=(i, i + 1),
                         work=work)


@portrayal_rule("portrayal.plays")
def plays(ctx):
    """Yield portrayals written "Actor plays/played/portrays/voices Character"."""
    for actors, (characters, i) in actor_subjects(ctx, lambda end: _plays_phrase(ctx, end),
                                                  lambda found: found[0]):
        yield from _emit(ctx, actors, characters, "portrayal.plays", 0.85, verb=(i, i + 1))


def by_actor(ctx, index):
    """Return (actor span, verb token index) for "played by Actor" at token ``index``,
    allowing "is", "now", "was ... played for the first five seasons by"; (None, None)
    otherwise."""
    tokens = ctx.tokens
    n, pos, lower = len(tokens), tokens.pos, tokens.lower
    i = index
    while i < n and i - index < 3 and pos[i] in ("AUX", "ADV", "PART"):
        i += 1
    if i >= n or tokens.lemma[i] not in BY_VERBS:
        return None, None
    j = i + 1
    while j < n and j - i <= BY_GAP and lower[j] != "by":
        if tokens.is_punct[j] or ctx.name_starting(j) is not None and pos[j] == "PROPN":
            return None, None
        j += 1
    if j >= n or lower[j] != "by":
        return None, None
    actor = ctx.name_starting(_past_description(tokens, j + 1))
    actor = full_actor(ctx, actor) if actor is not None else None
    if actor is None or not plausible_actor(ctx, actor):
        return None, None
    return actor, i


def _past_description(tokens, i):
    """Return the index of the name after "the (Australian) actress" at token ``i`` (a
    determiner, a few describing words and a performer noun), else ``i``."""
    if i >= len(tokens) or tokens.lower[i] not in ("the", "a", "an"):
        return i
    j = i + 1
    while j < len(tokens) and j - i <= 3 and tokens.lower[j] not in ACTOR_NOUNS \
            and tokens.pos[j] in ("ADJ", "PROPN", "NOUN", "NUM"):
        j += 1
    return j + 1 if j < len(tokens) and tokens.lower[j] in ACTOR_NOUNS else i


# Prepositions whose object is a person beside another, never a place or a work.
COMPANY_PREPOSITIONS = frozenset({"with", "alongside", "opposite", "including", "beside",
                                  "against"})


def _apposition_head(ctx, span):
    """Return the name an apposition describes when ``span`` ends one ("Davos, Danny's
    brother from K'un-Lun, played by": Davos), the span itself when it stands alone,
    or None when it is the object of a preposition with no name before it."""
    tokens = ctx.tokens
    text, pos = tokens.text, tokens.pos
    before = span.start - 1 if span.start else None
    if before is None or not (pos[before] == "ADP" and tokens.lower[before] != "as"
                              or text[before] in APOSTROPHE_S) \
            or tokens.lower[before] in COMPANY_PREPOSITIONS:
        return span  # "into the real world with Ken, played by": Ken stands alone
    if text[before] in APOSTROPHE_S and before > 0 and tokens.lower[before - 1] in WORK_NOUNS:
        return span  # "the soap's Tom Reed, played by": the show's own character
    i = span.start - 1
    sent_start = tokens.sent_start[span.start]
    while i > sent_start and text[i] != "," and pos[i] not in ("VERB", "AUX"):
        i -= 1
    if i <= sent_start or text[i] != ",":
        return None
    return ctx.name_ending(i)


def _by_facts(ctx, rule_name):
    """Yield the portrayals written "Character, <verb> by Actor" whose verb is one of
    ``rule_name``'s (played and portrayed, or voiced)."""
    tokens = ctx.tokens
    for character in ctx.names:
        i = character.end
        if i < len(tokens) and tokens.text[i] in (",", "(", "-", "–", "—"):
            i += 1
        actor, verb = by_actor(ctx, i)
        if actor is None or BY_VERBS[tokens.lemma[verb]] != rule_name:
            continue
        if tokens.text[i - 1] in (",", "-", "–", "—"):
            character = _apposition_head(ctx, character)
        if character is None or not plausible_character(ctx, character):
            continue
        fact = portrayal_fact(ctx, actor, character, character.start_char, actor.end_char,
                              rule_name, 0.85, verb=(verb, verb + 1))
        if fact:
            yield fact


@portrayal_rule("portrayal.played_by")
def played_by(ctx):
    """Yield portrayals written "Character, played by Actor", "Character (played by
    Actor)", "Character is played by Actor", "Character, portrayed by Actor"."""
    return _by_facts(ctx, "portrayal.played_by")


@portrayal_rule("portrayal.voiced_by")
def voiced_by(ctx):
    """Yield portrayals written "Character (voiced by Actor)", "Character is voiced by
    Actor"."""
    return _by_facts(ctx, "portrayal.voiced_by")
