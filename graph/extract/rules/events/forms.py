"""The shared pieces of the event forms, and the forms of English that tell of a
resurrection, a departure, an injury, a birth or a revelation.

Every form looks at one token of the article and returns the events it starts
(``Found``), before modality, story time and merging (``events.py``); the death
forms are in ``graph.extract.rules.events.deaths``.

- ``resurrection``: "raised from the dead", "brought back to life", "resurrected";
- ``mode_near``: the mode of a presence ("in her head", "as a ghost", "in
  flashbacks"), which the returns (``graph.extract.rules.events.returns``) read;
- ``departure``, ``injury``, ``birth``, ``revelation``.
"""

from dataclasses import dataclass

from graph.extract.mentions import coref, known_people
from graph.extract.rules.events import presence, realworld
from graph.extract.rules.events.clause import (
    APOSTROPHE_S,
    POSSESSIVES,
    is_verb,
    misread_verb,
    pronoun_span,
    subject_before,
    subjects_before,
)
from graph.extract.rules.events.objects import agent_after, causative_objects, objects_after
from graph.extract.rules.events.words import (
    BODY_PARTS,
    DEAD_PHRASES,
    DEPART_VERBS,
    FATAL_ADVERBS,
    HEAD_WORDS,
    INJURY_WORDS,
    MODE_WORDS,
    OTHER_WORDS,
    RAISE_VERBS,
    RESURRECT_VERBS,
    SHOW_WORDS,
    UNDEAD,
    VERSION_WORDS,
)

BE_GET = frozenset({"be", "get"})
CHILD_WORDS = frozenset({"son", "daughter", "boy", "girl", "baby", "child"})
# "Y is axed (dropped) from the show": written out by the makers.
AXE_VERBS = frozenset({"axe", "ax", "drop"})
FINITE = frozenset({"VBZ", "VBD", "VBP"})
DEAD_PHRASE_STARTS = frozenset(words[0] for words in DEAD_PHRASES) | {"as"}
MODE_BEFORE = 4
MODE_AFTER = 10


@dataclass
class Found:
    """One event a form found: who, what, the words that said it (tokens
    [start, end)), and what the words around add."""

    form: str
    event: str
    character: object
    start: int
    end: int
    agent: object = None
    cause: str | None = None
    mode: str | None = None
    verb: int = 0


def verbal(tokens, i):
    """Return True for a verb at token ``i``, or a verb form the tagger took for a
    noun ("succumbs/NNS", "murder/NN" between a subject and its object)."""
    if is_verb(tokens, i):
        return True
    tag = tokens.tag[i]
    if tag == "NNS":
        return misread_verb(tokens, i)
    if tag == "NN" and i > 0 and i + 1 < len(tokens):
        return tokens.tag[i - 1] in ("NNS", "NNP", "PRP") and (
            tokens.tag[i + 1] == "NNP" or tokens.lower[i + 1] in ("him", "her", "them"))
    return False


def finite(tokens, i):
    """Return True for a finite verb at token ``i`` ("results", "pushed"), not
    "leading" or "led to"."""
    return tokens.tag[i] in FINITE or tokens.tag[i] == "NNS" and verbal(tokens, i)


def passive_aux(tokens, index, depth=0):
    """Return the index of the "is"/"gets" of a passive verb at ``index``, or None.
    A participle joined by "and" to a passive shares its "is": "is shot dead in
    the second series and brought back to life"."""
    lower, tag = tokens.lower, tokens.tag
    if tag[index] != "VBN":
        return None
    j = index - 1
    floor = tokens.sent_start[index]
    while j >= floor and j >= index - 4:
        if tokens.lemma[j] in BE_GET and lower[j] != "being" or lower[j] == "been":
            return j
        if lower[j] in ("and", "or") and depth == 0:
            for k in range(j - 1, max(floor, j - 10) - 1, -1):
                if tokens.text[k] in (",", ";") or lower[k] == "who":
                    break
                if tag[k] == "VBN":
                    return passive_aux(tokens, k, 1)
            return None
        if tokens.pos[j] not in ("ADV", "AUX", "PART"):
            return None
        j -= 1
    return None


def phrase_at(tokens, i, words):
    """Return True when the lower-case words stand at token i."""
    return tokens.lower[i:i + len(words)] == list(words)


def victims_before(ctx, aux):
    """Return the subject names of the passive whose "is" stands at ``aux``."""
    return subjects_before(ctx, aux)


def pronoun_at(ctx, index, exclude=()):
    """Return the name a pronoun at ``index`` stands for, placed at the pronoun
    (``pronoun_span``), or None (no pronoun)."""
    if ctx.tokens.lower[index] in coref.PRONOUNS:
        return pronoun_span(ctx, index, exclude)
    return None


def mode_near(ctx, i):
    """Return the mode the words around a return give ("in her head",
    "in flashbacks", "as a ghost", "another version"), or None."""
    parsed = presence.parsed_mode(ctx, i)  # "returned in Angel, ..., first as a ghost"
    if parsed is not None:
        return parsed
    tokens = ctx.tokens
    lower = tokens.lower
    lo, hi = max(tokens.sent_start[i], i - MODE_BEFORE), min(tokens.sent_end[i], i + MODE_AFTER)
    for j in range(lo, hi):
        word = lower[j]
        if word in MODE_WORDS:
            return MODE_WORDS[word]
        if word in HEAD_WORDS and j > i and _in_whose(ctx, j):
            return "hallucination"
        if word in OTHER_WORDS and j + 1 < hi and lower[j + 1] in VERSION_WORDS:
            return "alternate"
    return None


def _in_whose(ctx, j):
    """Return True for "in her head", "in Ada Marsh's head" ending at token j."""
    lower = ctx.tokens.lower
    if lower[j - 1] in POSSESSIVES:
        return lower[j - 2] == "in"
    owner = known_people.name_ending(ctx, j - 1) if ctx.tokens.text[j - 1] in APOSTROPHE_S else None
    return owner is not None and owner.start > 0 and lower[owner.start - 1] == "in"


def dead_phrase(tokens, i):
    """Return the length of a "from the dead"/"back to life"/"as a wight" phrase at
    i, or 0."""
    lower = tokens.lower
    if i >= len(tokens) or lower[i] not in DEAD_PHRASE_STARTS:
        return 0
    for words in DEAD_PHRASES:
        if phrase_at(tokens, i, words):
            return len(words)
    if lower[i] == "as" and i + 2 < len(tokens) and lower[i + 1] in ("a", "an") \
            and lower[i + 2] in UNDEAD:
        return 3  # "raised as a wight": back, but undead
    return 0


def resurrection(ctx, i):
    """Return the resurrection of "Y is raised from the dead (by X)", "X brings Y
    back to life", "Y is resurrected", "X revives Y", "Y returns from the dead"."""
    tokens = ctx.tokens
    n = len(tokens)
    lemma = tokens.lemma[i]
    if lemma in RESURRECT_VERBS and verbal(tokens, i):
        end = i + 1
    elif lemma in RAISE_VERBS and verbal(tokens, i):
        j = i + 1
        while j < n and j - i <= 4 and not dead_phrase(tokens, j) \
                and not tokens.is_punct[j]:
            j += 1
        size = dead_phrase(tokens, j) if j < n else 0
        if not size or lemma == "be" and (j != i + 1 or tokens.lower[j] != "back"):
            return []  # "is back from the dead", never "is not brought back"
        if lemma in ("bring", "come") and tokens.lower[j] == "to":
            return []  # "brings Y to life with menace", "comes to life": a performance
        end = j + size
    else:
        return []
    causative = causative_objects(ctx, i)
    if causative is not None:  # "X has Y resurrected"
        have, raised = causative
        return [Found("resurrection", "resurrection", v, have, end, subject_before(ctx, have),
                      verb=i) for v in raised]
    aux = passive_aux(tokens, i)
    if aux is not None:
        return [Found("resurrection", "resurrection", v, i, end, agent_after(ctx, end - 1),
                      verb=i) for v in victims_before(ctx, aux)]
    subject = subject_before(ctx, i)
    objects, _last = objects_after(ctx, i, subject)
    if objects and lemma not in ("come", "return", "rise", "be"):
        return [Found("resurrection", "resurrection", v, i, end, subject, verb=i)
                for v in objects]
    if any(tokens.dep[c] == "dobj" for c in tokens.children(i)):
        return []  # "ITV resurrected the show": its subject raised something, not itself
    if subject is None or lemma in ("bring", "raise", "revive", "reanimate", "resuscitate"):
        return []
    if lemma == "resurrect" and mode_near(ctx, i):
        return []  # "he resurrects in Jessica's head": a return as a hallucination
    return [Found("resurrection", "resurrection", subject, i, end, verb=i)]


def words_after(tokens, i, end, size):
    """Return the lower-case words from token ``end`` on, at most ``size`` of them and
    none past the sentence of token ``i``."""
    return tokens.lower[end:min(tokens.sent_end[i], end + size)]


def named_role(ctx, actor):
    """Return a NameSpan (placed nowhere) of the role the article gives an actor, or None."""
    role = known_people.role_of(ctx, actor)
    return coref.NameSpan(0, 0, 0, 0, role, None, frozenset()) if role else None


def departure(ctx, i):
    """Return the departure of "Y leaves the show", "exits the series", "is written out",
    "is axed from the show"."""
    tokens = ctx.tokens
    lemma = tokens.lemma[i]
    nxt = tokens.lower[i + 1] if i + 1 < len(tokens) else ""
    if lemma in DEPART_VERBS and verbal(tokens, i):
        words = words_after(tokens, i, i + 1, 3)
        named = known_people.name_starting(ctx, i + 1) or known_people.name_starting(ctx, i + 2)
        if not (any(word in SHOW_WORDS for word in words)
                or named is not None and named.text in ctx.works):
            return []
        end = i + 1 + len(words)
    elif lemma in ("write", "bow") and nxt == "out":
        end = i + 2
    elif lemma in AXE_VERBS and nxt == "from" and passive_aux(tokens, i) is not None \
            and any(word in SHOW_WORDS for word in words_after(tokens, i, i + 2, 3)):
        end = i + 2  # "Y is to be axed from the show"
    else:
        return []
    aux = passive_aux(tokens, i)
    subject = subject_before(ctx, aux if aux is not None else i)
    if subject is not None and subject.text in known_people.known_actors(ctx):
        subject = named_role(ctx, subject.text)
    if subject is None or subject.text not in realworld.characters(ctx):
        return []  # actors and crew leave shows too: only a known character departs
    return [Found("departure", "departure", subject, i, end, verb=i)]


def injury(ctx, i):
    """Return the injury of "Y is wounded (by X)", "lies wounded", "leaving him
    wounded", "Y loses a hand", "X cuts off Y's hand"."""
    tokens = ctx.tokens
    lower, lemmas = tokens.lower, tokens.lemma
    n = len(tokens)
    word = lower[i]
    floor = tokens.sent_start[i]
    if word in INJURY_WORDS:
        if any(lower[j] in FATAL_ADVERBS for j in range(max(floor, i - 2), i)):
            return []
        j = i - 1
        while j >= floor and tokens.pos[j] == "ADV":
            j -= 1
        if j < floor:
            return []
        agent = None
        if lower[j] == "being":
            return []  # "despite Ned being injured": a state told of, no event
        if lemmas[j] in ("be", "get", "lie", "lay", "remain") and is_verb(tokens, j):
            victims = victims_before(ctx, j)
            agent = agent_after(ctx, i) if lemmas[j] in BE_GET else None
        elif lemmas[j - 1] == "leave" and j > floor:
            victim = known_people.name_ending(ctx, j + 1) or pronoun_at(ctx, j)
            victims = [victim] if victim is not None else []
        else:
            return []
        return [Found("injury", "injury", v, i, i + 1, agent, verb=i) for v in victims]
    lemma = lemmas[i]
    if lemma == "lose" and verbal(tokens, i) and i + 2 < n \
            and lower[i + 1] in POSSESSIVES | {"a", "an", "one"} \
            and lower[i + 2] in BODY_PARTS:
        victim = subject_before(ctx, i)
        return [Found("injury", "injury", victim, i, i + 3, verb=i)] if victim else []
    if lemma in ("cut", "chop", "hack") and i + 1 < n and lower[i + 1] == "off":
        span = known_people.name_starting(ctx, i + 2)
        if span is not None and span.end + 1 < n and tokens.text[span.end] in APOSTROPHE_S \
                and lower[span.end + 1] in BODY_PARTS:
            agent = subject_before(ctx, i)
            return [Found("injury", "injury", span, i, span.end + 2, agent, verb=i)]
    return []


def birth(ctx, i):
    """Return the birth of "X gives birth to Y" and "Y is born"."""
    tokens = ctx.tokens
    word = tokens.lower[i]
    if word == "birth" and i + 1 < len(tokens) and tokens.lower[i + 1] == "to" \
            and i > 0 and tokens.lemma[i - 1] == "give":
        child = known_people.name_starting(ctx, i + 2) or _named_child(ctx, i + 2)
        return [Found("birth", "birth", child, i - 1, child.end, verb=i - 1)] if child else []
    if word == "born" and passive_aux(tokens, i) is not None:
        victims = victims_before(ctx, passive_aux(tokens, i))
        return [Found("birth", "birth", v, i, i + 1, verb=i) for v in victims]
    return []


def _named_child(ctx, j):
    """Return the name set off after "a son", "a daughter" at token ``j`` ("gives
    birth to a son, Pip"), or None."""
    lower = ctx.tokens.lower
    if j + 3 < len(lower) and lower[j] in ("a", "an", "twin") and lower[j + 1] in CHILD_WORDS \
            and lower[j + 2] == ",":
        return known_people.name_starting(ctx, j + 3)
    return None


def revelation(ctx, i):
    """Return the revelation of "Y is revealed to be/as", "Y turns out to be",
    "Y, revealed as"."""
    tokens = ctx.tokens
    lemma = tokens.lemma[i]
    nxt = tokens.lower[i + 1:i + 4]
    if lemma == "reveal" and tokens.tag[i] in ("VBN", "VBD") and nxt[:1] in (["to"], ["as"]):
        aux = passive_aux(tokens, i)
        if aux is None and not (i > 0 and tokens.text[i - 1] == ","):
            return []
        victims = victims_before(ctx, aux if aux is not None else i)
    elif lemma == "turn" and nxt[:3] == ["out", "to", "be"]:
        victims = victims_before(ctx, i)
    else:
        return []
    return [Found("revelation", "revelation", v, i, i + 2, verb=i) for v in victims]
