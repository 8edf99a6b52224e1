"""What every portrayal and recast rule shares: which names can be actors and
characters, the lists of names a sentence coordinates ("A and B return as C and D"),
the character phrase after a verb ("as the witch Samantha Stephens"), the work and
seasons of a casting, and making the Portrayal fact.

The facts a document gives once (which names are characters, the season phrases
of each sentence) are read once per document and kept in ``doc_info``; each
portrayal rule (``portrayal_rule``) runs once per article, though coreference asks
for its facts before the pipeline does.
"""

from dataclasses import replace
from functools import wraps

from graph.extract.evidence.modality import (
    COMPLEMENT_DEPS,
    asserted,
    asserted_above,
    denied_above,
)
from graph.extract.mentions import works
from graph.extract.mentions.kinds import full_person, kind_of, work_here
from graph.extract.mentions.names import HONORIFICS, NOT_NAMES, common_words
from graph.extract.registry import RULES, rule
from graph.extract.rules.portrayal.seasons import SentenceSeasons
from graph.extract.rules.portrayal.work import clause_work, main_work, sentence_work, work_after
from graph.model.facts import Portrayal

ARTICLES = frozenset({"the", "a", "an", "his", "her", "their", "its"})
APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})
# How the parser attaches a name that modifies the noun after it ("the Presley role").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# Nouns that introduce an actor's name: "the actor Sean Bean (Ned Stark)".
ACTOR_NOUNS = frozenset({"actor", "actress", "performer", "star", "co-star", "newcomer"})
PLAYING_LEMMAS = frozenset({"play", "portray", "voice", "star"})
PLACE_PREPOSITIONS = frozenset({"in", "on", "at", "into", "from", "inside"})
LIST_JOINERS = frozenset({"and", "&"})
# Prepositions of a co-star, whose "as" phrase after is the subject's part.
CO_STAR_PREPOSITIONS = frozenset({"alongside", "opposite"})
# Verbs whose object is the work joined: "joined Salt Road as Vera".
JOIN_VERBS = frozenset({"join", "rejoin", "enter"})
# Lower-case words of a name that mark a title or place, not a person ("Father of Ned",
# "House of the Undying").
NOT_IN_ACTOR_NAMES = frozenset({"of", "the", "The", "Of"})
MAX_ACTOR_WORDS = 5
# Titles an actor's name may open with ("Sir Ian Marsh", "Dame Ann Reed"); the fact
# names the actor without them.
KNIGHTHOODS = frozenset({"sir", "dame"})
# Words of a photo caption after a name: "Ann Marsh (pictured)", "Tom Reed (left)".
CAPTION_WORDS = frozenset({"pictured", "left", "right", "centre", "center", "above",
                           "below", "top", "inset"})
# Verbs whose object is the actor a part passes from: "replacing Tom Reed as Vera".
PASSING_VERBS = frozenset({"replace", "succeed", "follow", "supersede"})
# Titles of rank by birth or of kin, which name no part on their own ("the King").
BIRTH_TITLES = frozenset({"king", "queen", "prince", "princess", "lord", "lady", "sir", "dame",
                          "ser", "uncle", "aunt", "father", "mother", "sister", "brother",
                          "khal", "grand", "president", "senator", "councillor", "councilor",
                          "septa", "septon", "maester"})
# How many lower-case words may describe a character before its name ("the witch X").
MAX_DESCRIPTION = 4
# "the tightly wound sister": an adverb describes the describing word after it; a
# lower-case word the tagger calls a proper noun ("the assassin Villanelle") is a noun.
DESCRIPTION_TAGS = frozenset({"NOUN", "ADJ", "VERB", "ADV", "PROPN"})
# Words that end a description: what follows is not the character's name.
NOT_DESCRIPTION = frozenset({"role", "part", "character", "characters", "cast", "roles"})


class DocInfo:
    """What the rules of one document look up: known characters and season phrases."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.seasons = SentenceSeasons(ctx)
        self.characters = _known_characters(ctx)
        # Matches that several rules read (the role phrases), by name.
        self.matches = {}
        # The lists of plausible actors each name may open (``_actor_candidates``).
        self.actor_candidates = None


# Rules read one document at a time, so one slot is enough: the last context's info.
_LAST = {}


def doc_info(ctx):
    """Return the DocInfo of a context, built once per context."""
    if _LAST.get("ctx") is not ctx:
        _LAST.clear()
        _LAST.update(ctx=ctx, info=DocInfo(ctx))
    return _LAST["info"]


def portrayal_rule(name):
    """Return a decorator that registers a portrayal rule under ``name`` (as
    ``registry.rule`` does) whose facts are found once per article and then kept in
    ``ctx.memo``: ``known_people.known_actors`` reads them all, and the pipeline again."""
    def register(func):
        @wraps(func)
        def once(ctx):
            found = ctx.memo.setdefault("portrayals", {})
            if name not in found:
                found[name] = list(func(ctx))
            return found[name]
        return rule(name)(once)
    return register


# The rules whose actors are sure enough to establish a name as a performer's for the
# looser forms (a possessive, a lone surname, a pronoun): every portrayal form that
# names a playing verb, a role or a cast.
ESTABLISHING_RULES = ("portrayal.as", "portrayal.plays", "portrayal.played_by",
                      "portrayal.voiced_by", "portrayal.reprises", "portrayal.takes_over",
                      "portrayal.role", "portrayal.who_plays")


def _established(ctx):
    """Return (actors, characters, pairs) of the establishing rules' facts, read once."""
    memo = ctx.memo
    if "established" not in memo:
        memo["established"] = (set(), set(), set(), {})  # a rule asking while it runs sees none
        actors, characters, pairs_found, placed = set(), set(), set(), {}
        for name in ESTABLISHING_RULES:
            func = RULES.get(name)
            for fact in func(ctx) if func else ():
                actors.add(fact.claim.actor)
                characters.add(fact.claim.character)
                pairs_found.add((fact.claim.actor, fact.claim.character))
                placed.setdefault(fact.claim.character, []).append(
                    (fact.evidence.start, fact.claim.actor))
        memo["established"] = (actors, characters, pairs_found, placed)
    return memo["established"]


def established_actors(ctx):
    """Return the actor names that the verb, role and cast forms find in the article."""
    return _established(ctx)[0]


def established_characters(ctx):
    """Return the character names that the verb, role and cast forms find."""
    return _established(ctx)[1]


def established_pairs(ctx):
    """Return the (actor, character) pairs that the verb, role and cast forms find."""
    return _established(ctx)[2]


def given_to_another(ctx, actor, character):
    """Return True when the verb, role and cast forms give ``character`` to an actor
    other than ``actor`` in the sentence where ``character`` stands: "A and B play C
    and D" pairs B with D, so D is not A's too; unless that actor is one the part
    passes from ("taking over from A as C is B")."""
    tokens = ctx.tokens
    first = tokens.idx[tokens.sent_start[character.start]]
    last = tokens.end_char(tokens.sent_end[character.start] - 1)
    return any(first <= start < last and other != actor.text
               and not _passed_from(ctx, start)
               for start, other in _established(ctx)[3].get(character.text, ()))


def _passed_from(ctx, start_char):
    """Return True when the name at character offset ``start_char`` follows "from" or
    a verb of replacing: the actor a part passes from."""
    span = next((span for span in ctx.names if span.start_char == start_char), None)
    if span is None or span.start == 0:
        return False
    before = span.start - 1
    return ctx.tokens.lower[before] == "from" or ctx.tokens.lemma[before] in PASSING_VERBS


def shaped_like_actor(span):
    """Return True when a name has the shape of a real person's: two to five words,
    no "of"/"the", no title or common word first."""
    words = span.text.split()
    if len(words) > 2 and words[0].lower() in KNIGHTHOODS:
        words = words[1:]
    if not 2 <= len(words) <= MAX_ACTOR_WORDS or span.nickname:
        return False
    if any(word in NOT_IN_ACTOR_NAMES for word in words):
        return False
    first = words[0].lower()
    return first not in HONORIFICS and first not in NOT_NAMES


def _known_characters(ctx):
    """Return the names the document gives an actor in parentheses: "Name (Actor)"."""
    tokens = ctx.tokens
    text = tokens.text
    # Names the article has play somebody ("Ann Marsh plays Vera") are actors even
    # where a parenthesis follows them ("Ann Marsh (Vera)").
    playing = {span.text for span in ctx.names if span.end < len(text)
               and tokens.lemma[span.end] in PLAYING_LEMMAS and tokens.pos[span.end] == "VERB"}
    known = set()
    for span in ctx.names:
        end = span.end
        if span.start > 0 and tokens.lower[span.start - 1] in ACTOR_NOUNS \
                or span.text in playing or kind_of(ctx, span) == "performer":
            continue
        if end + 1 < len(text) and text[end] == "(":
            inner = ctx.name_starting(end + 1)
            if inner and inner.end < len(text) and text[inner.end] == ")" \
                    and shaped_like_actor(inner):
                known.add(span.text)
    return known


def plausible_actor(ctx, span):
    """Return True when a name can be an actor's: shaped like a person's name, not a
    work of the article, not a character the article gives an actor to, and not
    what the article calls a maker or a work (``mentions.kinds``; NER's organisations
    and places are too often actors in synopses to rule one out)."""
    return (shaped_like_actor(span) and span.text not in ctx.works
            and span.text not in doc_info(ctx).characters
            and kind_of(ctx, span) not in ("maker", "work"))


def modifier(ctx, span):
    """Return True when a name modifies what follows it instead of standing alone:
    a possessor ("Billy's father") or a noun's modifier ("the Presley role")."""
    tokens = ctx.tokens
    end = span.end
    if end < len(tokens) and tokens.text[end] in APOSTROPHE_S:
        return True
    return (end < len(tokens) and tokens.is_lower[end] and tokens.pos[end] == "NOUN"
            and tokens.dep[end - 1] in MODIFIER_DEPS and tokens.head[end - 1] >= end)


def full_actor(ctx, span):
    """Return a lone surname or given name as the span of the full name of a person the
    article gave ("Marsh" for Ann Marsh, ``kinds.full_person``), when that name can be
    an actor's; else the span itself."""
    if span.size != 1:
        return span
    full = full_person(ctx, span)
    if full is None or full in doc_info(ctx).characters:
        return span
    return replace(span, text=full)


def plausible_character(ctx, span, loose=False):
    """Return True when a name can be a character's.

    A title alone ("King", "Lord") never is, nor a people in the plural ("the
    cannibalistic Thenns"). With ``loose`` (forms where the text
    gives little else, like a possessive), a single common English word ("Library",
    "Doctors") is not either, unless the article gives it an actor elsewhere.
    """
    words = span.text.split()
    if len(words) == 1 and words[0].lower() in HONORIFICS and not _titled_part(ctx, span):
        return False
    if len(words) == 1 and _group_noun(ctx, span):
        return False
    # A character is often introduced by a trade ("soul star X", "publisher Y"): only
    # the evidence of a work rules a name out.
    if work_here(ctx, span):
        return False
    tokens = ctx.tokens
    return not (loose and len(words) == 1 and span.text not in doc_info(ctx).characters
                and (tokens.tag[span.start] in ("NNS", "NNPS")
                     or tokens.lower[span.start] in common_words()))


def _titled_part(ctx, span):
    """Return True for a title that is a part's whole name, capitalised after "the"
    ("played the Doctor", "as the new Doctor"); never a rank of birth or kin ("the
    King", "the Queen", "Father"), which stands for a person named elsewhere."""
    tokens = ctx.tokens
    before = span.start - 1
    if before > 0 and tokens.is_lower[before] and tokens.pos[before] == "ADJ":
        before -= 1  # "the new Doctor"
    return (before >= 0 and tokens.lower[before] == "the"
            and not tokens.is_sent_start[span.start] and span.text.lower() not in BIRTH_TITLES)


def _group_noun(ctx, span):
    """Return True for a one-word plural name after "the" and adjectives ("the
    cannibalistic Thenns"): a people or a house, not one character."""
    tokens = ctx.tokens
    if not span.text.endswith("s") or span.text.endswith(("ss", "us", "is")):
        return False
    i = span.start - 1
    while i >= 0 and tokens.pos[i] == "ADJ":
        i -= 1
    return i >= 0 and tokens.lower[i] in ("the", "these", "those", "all")


def name_list(ctx, index):
    """Return the names coordinated from token ``index`` on ("A", "A and B", "A, B and
    C"), and the token index after the list; ([], index) when no name starts there.

    Names separated only by commas are not one list: "Karen Page, Rachael Taylor as
    Trish" lists a character and then an actor.
    """
    tokens = ctx.tokens
    n = len(tokens)
    first = ctx.name_starting(index)
    if first is None:
        return [], index
    spans, j = [first], first.end
    while j < n:
        k = j
        if tokens.text[k] == ",":
            k += 1
        joined = k < n and tokens.lower[k] in LIST_JOINERS
        if joined:
            k += 1
        following = ctx.name_starting(k)
        if following is None or k == j:
            break
        if tokens.text[j] == "," and joined and _joined_elsewhere(tokens, spans, following):
            break  # "Pegg, who plays Barry Hook, and Ruth Jones as": Jones joins Pegg
        spans.append(following)
        j = following.end
        if joined:
            return spans, j
    return [first], first.end


def _joined_elsewhere(tokens, spans, following):
    """Return True when the parse coordinates a name after ", and" with a word outside
    the names listed before it (the list ended in a clause that the comma closed)."""
    last = following.end - 1
    head = tokens.head[last]
    return tokens.dep[last] == "conj" and not any(
        span.start <= head < span.end for span in spans)


def past_age(tokens, index):
    """Return the index past an aside that news sets after a name: an age set off by
    commas ("Ann Marsh, 45, stars as": the token after the second comma) or a photo
    caption ("Ann Marsh (pictured) stars as", "Ann Marsh, pictured, stars as");
    else ``index``."""
    n = len(tokens)
    if index + 2 < n and tokens.text[index] == "," and tokens.text[index + 2] == "," and (
            tokens.text[index + 1].isdigit() and len(tokens.text[index + 1]) <= 3
            or tokens.lower[index + 1] in CAPTION_WORDS):
        return index + 3
    if index + 2 < n and tokens.text[index] == "(" and tokens.text[index + 2] == ")" \
            and tokens.lower[index + 1] in CAPTION_WORDS:
        return index + 3
    return index


def _actor_candidates(ctx):
    """Return, for each name that may open a list of actors, the (actors, index after)
    to try: its coordinated list ("A and B") and then the name alone, each only when
    all its names are plausible actors. Read once per document."""
    info = doc_info(ctx)
    if info.actor_candidates is None:
        lower = ctx.tokens.lower
        info.actor_candidates = []
        for span in ctx.names:
            if span.start and lower[span.start - 1] == "as":
                # The name after "as" is a character: "B as C, and D as E" lists no actors C, D.
                continue
            if span.start and lower[span.start - 1] in PLACE_PREPOSITIONS \
                    and "PERSON" not in span.labels:
                continue  # "appeared in Salt Road as Vera": a work or a place, no actor
            if span.start > 1 and lower[span.start - 1] in CO_STAR_PREPOSITIONS and (
                    ctx.tokens.pos[span.start - 2] == "VERB"
                    or lower[span.start - 2] in ("stars", "plays", "appears")):
                continue  # "Tom Reed stars alongside Ann Marsh as Orrin": Reed's part
            if span.start and ctx.tokens.lemma[span.start - 1] in JOIN_VERBS \
                    and ctx.tokens.pos[span.start - 1] == "VERB":
                continue  # "Tom Reed joins Salt Road as Vera": the work joined
            listed, end = name_list(ctx, span.start)
            # An age after the name is skipped unless the name closes a list ("A, 45,
            # and B, 50, star as": B alone is no subject).
            last = span.start and lower[span.start - 1] in LIST_JOINERS | {","}
            after = span.end if last else past_age(ctx.tokens, span.end)
            candidates = [(listed, past_age(ctx.tokens, end))] if len(listed) > 1 else []
            candidates.append(([full_actor(ctx, span)], after))
            plausible = [(actors, after) for actors, after in candidates
                         if all(plausible_actor(ctx, a) for a in actors)]
            if plausible:
                info.actor_candidates.append(plausible)
    return info.actor_candidates


def actor_subjects(ctx, match, parts=None):
    """Yield (actors, found) for each list of actor names that the phrase ``match``
    reads after.

    ``match(index)`` reads the words from token ``index`` on and returns what it found
    there, or None. A list of names ("A and B") is tried first, then its first name
    alone; the names of a list that matched are not tried again, so "A and B return
    as C" gives no pair for B alone; nor are the parts ``parts(found)`` names.
    """
    used = set()
    for candidates in _actor_candidates(ctx):
        for actors, after in candidates:
            if any(a.start in used for a in actors):
                continue
            found = match(after)
            if found is not None:
                used.update(a.start for a in actors)
                if parts is not None:
                    # "A as the nurse B and C as D": B, a part, heads no list of players
                    used.update(c.start for c in parts(found))
                yield actors, found
                break


def _acronym(word):
    """Return True for an organisation's initials that describe a part ("the MI5
    officer", "the FBI agent"): two to five capitals or digits."""
    return 2 <= len(word) <= 5 and word.isalnum() and word.upper() == word \
        and any(ch.isalpha() for ch in word)


def character_after(ctx, index):
    """Return the names of the character phrase at token ``index``: an optional article,
    up to three lower-case describing words, an optional comma, then a list of names
    ("Matt Murdock", "the witch Samantha Stephens", "the elder daughter, Becky
    Conner"); [] when no name follows."""
    tokens = ctx.tokens
    n = len(tokens)
    i = index
    if i < n and tokens.lower[i] in ARTICLES:
        i += 1
    owned = _after_possessor(ctx, i)
    described = i = owned or i
    words = 0
    while (i < n and words < MAX_DESCRIPTION and tokens.lower[i] not in NOT_DESCRIPTION
           and (tokens.is_lower[i] and tokens.pos[i] in DESCRIPTION_TAGS
                or _acronym(tokens.text[i]) and i + 1 < n and tokens.is_lower[i + 1])):
        i += 1
        words += 1
        if i + 1 < n and tokens.text[i] == "-" and not tokens.whitespace[i - 1]:
            i += 1  # "film-maker" is one describing word
            words -= 1
    if owned and i == described:
        return []  # "as Vera's Tom": a possessor and a name are no description
    if i > described and i < n and tokens.text[i] == ",":
        i += 1
    spans, _end = name_list(ctx, i)
    if spans and modifier(ctx, spans[0]):
        return []
    if len(spans) > 1 and spans[-1].end < n and tokens.lower[spans[-1].end] == "as":
        spans = spans[:-1]  # "as the officer Eve and Jodie Comer as ...": a new pair
    return spans


def _after_possessor(ctx, i):
    """Return the index after a possessor at token i that a character's description
    may open with ("Colley's daughter Maisie", "the lighthouse keeper's daughter,
    Wren"), or None."""
    tokens = ctx.tokens
    n = len(tokens)
    span = ctx.name_starting(i)
    if span is not None:
        j = span.end
    else:
        j = i
        while j < n and j - i < MAX_DESCRIPTION and tokens.is_lower[j] \
                and tokens.pos[j] in ("NOUN", "PROPN", "ADJ"):  # the tagger errs on lower case
            j += 1
    return j + 1 if i < j < n and tokens.text[j] in ("'s", "’s") else None


def pairs(actors, characters):
    """Return (actor, character) pairs of two coordinated lists, in order: one actor
    to the first character, or as many actors as characters; [] when they do not match."""
    if not characters:
        return []
    if len(actors) == 1:
        return [(actors[0], characters[0])]
    if len(actors) == len(characters):
        return list(zip(actors, characters, strict=True))
    return []


def portrayal_fact(ctx, actor, character, start_char, end_char, rule_name, confidence,
                   work=None, seasons=None, verb=None):
    """Return a Portrayal fact quoting text[start_char:end_char], or None when the pair
    cannot be one (an actor named like the character or like a work) or when the
    statement at the (start, end) tokens ``verb`` is negated, hedged or asked
    ("Dana Holt will not play Vera").

    The work is ``work``, else one named just after the pair, else the front matter's,
    else one the sentence names (``sentence_work``), else the article's (its title, its
    headline's, the one it names most); the seasons are ``seasons``, else those the
    sentence's season phrases name.
    """
    if actor.text == character.text or actor.text in ctx.works:
        return None
    if verb is not None and not (asserted(ctx, *verb) and asserted_above(
            ctx, verb[0], through=COMPLEMENT_DEPS)):
        return None
    actor = _unknighted(actor)
    info = doc_info(ctx)
    if work is None and seasons is None and verb is None \
            and denied_above(ctx.tokens, min(actor.start, character.start)):
        # "neither X's Y nor ... appears in this run": X plays Y, in no work said here
        return _make(ctx, Portrayal(actor=actor.text, character=character.text, work=None,
                                    seasons=()), start_char, end_char, rule_name, confidence)
    # An article whose front matter names its show keeps it: the titles its sentences
    # name are mostly episodes'; news names the work in the sentence.
    work = work or work_after(ctx, max(actor.end, character.end)) \
        or (clause_work(ctx, verb[1] - 1, character) if verb is not None else None) \
        or ctx.article.work \
        or sentence_work(ctx, actor, character) \
        or ctx.default_work or works.index(ctx).article_work or main_work(ctx)
    if seasons is None:
        seasons = info.seasons.seasons(min(actor.start, character.start), work)
    claim = Portrayal(actor=actor.text, character=character.text, work=work, seasons=seasons)
    return _make(ctx, claim, start_char, end_char, rule_name, confidence)


def _unknighted(actor):
    """Return an actor's name span without a knighthood before a full name: "Sir Ian
    Marsh" is Ian Marsh."""
    first, _, rest = actor.text.partition(" ")
    if first.lower() in KNIGHTHOODS and len(rest.split()) >= 2:
        return replace(actor, text=rest)
    return actor


def _make(ctx, claim, start_char, end_char, rule_name, confidence):
    """Return the fact of a portrayal claim, its quote closing an opened parenthesis."""
    text = ctx.article.text
    if end_char < len(text) and text[end_char] == ")" and "(" in text[start_char:end_char]:
        end_char += 1
    return ctx.fact(claim, start_char, end_char, rule_name, confidence)
