"""The shared pieces of the event forms, and the forms of English that tell of a
resurrection, a return, a departure, an injury, a birth or a revelation.

Every form looks at one token of the article and returns the events it starts
(``Found``), before modality, story time and merging (``events.py``); the death
forms are in ``graph.extract.event_deaths``.

- ``resurrection``: "raised from the dead", "brought back to life", "resurrected";
- ``return_verb``: returns, comes back, reappears, "is back", with its mode
  (``mode_near``: "in her head", "as a ghost", "in flashbacks");
- ``departure``, ``injury``, ``birth``, ``revelation``.
"""

from dataclasses import dataclass

from graph.extract import coref
from graph.extract.event_clause import (
    APOSTROPHE_S,
    POSSESSIVES,
    agent_after,
    is_verb,
    objects_after,
    subject_before,
    subjects_before,
)
from graph.extract.event_words import (
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
    RETURN_VERBS,
    SHOW_WORDS,
    TRAVEL_WORDS,
    VERSION_WORDS,
)

BE_GET = frozenset({"be", "get"})
FINITE = frozenset({"VBZ", "VBD", "VBP"})
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


def lemma_of(token):
    """Return a token's lemma, lower-cased."""
    return token.lemma_.lower()


def verbal(token):
    """Return True for a verb, or a verb form the tagger took for a noun
    ("succumbs/NNS", "murder/NN" between a subject and its object)."""
    if is_verb(token):
        return True
    if token.tag_ == "NNS":
        return token.lower_.endswith("s") and token.lower_ != token.lemma_.lower()
    if token.tag_ == "NN" and token.i > 0 and token.i + 1 < len(token.doc):
        before, after = token.doc[token.i - 1], token.doc[token.i + 1]
        return before.tag_ in ("NNS", "NNP", "PRP") and (
            after.tag_ == "NNP" or after.lower_ in ("him", "her", "them"))
    return False


def finite(token):
    """Return True for a finite verb ("results", "pushed"), not "leading" or "led to"."""
    return token.tag_ in FINITE or token.tag_ == "NNS" and verbal(token)


def passive_aux(doc, index, depth=0):
    """Return the index of the "is"/"gets" of a passive verb at ``index``, or None.
    A participle joined by "and" to a passive shares its "is": "is shot dead in
    the second series and brought back to life"."""
    if doc[index].tag_ != "VBN":
        return None
    j = index - 1
    floor = doc[index].sent.start
    while j >= floor and j >= index - 4:
        if lemma_of(doc[j]) in BE_GET and doc[j].lower_ != "being" or doc[j].lower_ == "been":
            return j
        if doc[j].lower_ in ("and", "or") and depth == 0:
            for k in range(j - 1, max(floor, j - 10) - 1, -1):
                if doc[k].text in (",", ";") or doc[k].lower_ == "who":
                    break
                if doc[k].tag_ == "VBN":
                    return passive_aux(doc, k, 1)
            return None
        if doc[j].pos_ not in ("ADV", "AUX", "PART"):
            return None
        j -= 1
    return None


def phrase_at(doc, i, words):
    """Return True when the lower-cased words stand at token i."""
    return all(i + k < len(doc) and doc[i + k].lower_ == w for k, w in enumerate(words))


def victims_before(ctx, aux):
    """Return the subject names of the passive whose "is" stands at ``aux``."""
    return subjects_before(ctx, aux)


def pronoun_at(ctx, index, exclude=()):
    """Return the name a pronoun at ``index`` stands for, or None (no pronoun)."""
    token = ctx.doc[index]
    if token.lower_ in coref.PRONOUNS:
        return coref.resolve_pronoun(ctx, index, exclude)
    return None


def mode_near(ctx, i):
    """Return the mode the words around a return give ("in her head",
    "in flashbacks", "as a ghost", "another version"), or None."""
    doc = ctx.doc
    sent = doc[i].sent
    lo, hi = max(sent.start, i - MODE_BEFORE), min(sent.end, i + MODE_AFTER)
    for j in range(lo, hi):
        word = doc[j].lower_
        if word in MODE_WORDS:
            return MODE_WORDS[word]
        if word in HEAD_WORDS and j > i and _in_whose(ctx, j):
            return "hallucination"
        if word in OTHER_WORDS and j + 1 < hi and doc[j + 1].lower_ in VERSION_WORDS:
            return "alternate"
    return None


def _in_whose(ctx, j):
    """Return True for "in her head", "in Ada Marsh's head" ending at token j."""
    doc = ctx.doc
    before = doc[j - 1]
    if before.lower_ in POSSESSIVES:
        return doc[j - 2].lower_ == "in"
    owner = coref.name_ending(ctx, j - 1) if before.text in APOSTROPHE_S else None
    return owner is not None and owner.start > 0 and doc[owner.start - 1].lower_ == "in"


def _dead_phrase(doc, i):
    """Return the length of a "from the dead"/"back to life" phrase at i, or 0."""
    for words in DEAD_PHRASES:
        if phrase_at(doc, i, words):
            return len(words)
    return 0


def resurrection(ctx, i):
    """Return the resurrection of "Y is raised from the dead (by X)", "X brings Y
    back to life", "Y is resurrected", "X revives Y", "Y returns from the dead"."""
    doc = ctx.doc
    token = doc[i]
    lemma = lemma_of(token)
    if lemma in RESURRECT_VERBS and verbal(token):
        end = i + 1
    elif lemma in RAISE_VERBS and verbal(token):
        j = i + 1
        while j < len(doc) and j - i <= 4 and not _dead_phrase(doc, j) \
                and not doc[j].is_punct:
            j += 1
        size = _dead_phrase(doc, j) if j < len(doc) else 0
        if not size or lemma == "be" and (j != i + 1 or doc[j].lower_ != "back"):
            return []  # "is back from the dead", never "is not brought back"
        end = j + size
    else:
        return []
    aux = passive_aux(doc, i)
    if aux is not None:
        return [Found("resurrection", "resurrection", v, i, end, agent_after(ctx, end - 1),
                      verb=i) for v in victims_before(ctx, aux)]
    subject = subject_before(ctx, i)
    objects, _last = objects_after(ctx, i, subject)
    if objects and lemma not in ("come", "return", "rise", "be"):
        return [Found("resurrection", "resurrection", v, i, end, subject, verb=i)
                for v in objects]
    if subject is None or lemma in ("bring", "raise", "revive", "reanimate", "resuscitate"):
        return []
    if lemma == "resurrect" and mode_near(ctx, i):
        return []  # "he resurrects in Jessica's head": a return as a hallucination
    return [Found("resurrection", "resurrection", subject, i, end, verb=i)]


def return_verb(ctx, i, synopsis):
    """Return the return of "Y returns", "comes back", "reappears", "is back", with
    the mode the words around give. A return to a place ("returns to Dragonstone")
    is travel; in a synopsis (``synopsis``) a bare return is too, unless a mode or
    a show word ("returns to the series") says otherwise."""
    doc = ctx.doc
    token = doc[i]
    lemma = lemma_of(token)
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if lemma in RETURN_VERBS and verbal(token):
        end = i + 1
    elif lemma in ("come", "be") and verbal(token) and nxt is not None \
            and nxt.lower_ == "back":
        end = i + 2
    else:
        return []
    if end < len(doc) and _dead_phrase(doc, end):
        return []  # "returns from the dead" is a resurrection
    mode = mode_near(ctx, i)
    if lemma == "resurrect" and mode is None:
        return []
    after = doc[end] if end < len(doc) else None
    show = any(t.lower_ in SHOW_WORDS for t in doc[end:min(doc[i].sent.end, end + 4)])
    if after is not None and after.lower_ in TRAVEL_WORDS and not show and mode is None:
        return []
    if synopsis and mode is None and not show:
        return []
    character = subject_before(ctx, i)
    if character is not None and character.text in coref.known_actors(ctx):
        character = _as_role(ctx, end) or _named_role(ctx, character.text)
    if character is None:
        return []
    role = any(t.lower_ == "role" for t in doc[end:min(doc[i].sent.end, end + 4)])
    if role and character.text not in coref.known_characters(ctx):
        return []  # "Sladen returned to the role": an actor whose role the text does not give
    cued = mode is not None or show or _season_near(ctx, i)
    if not cued and character.text not in coref.known_characters(ctx):
        return []  # a bare "X returned" is a character's return only for a known character
    return [Found("return", "return", character, i, end, mode=mode, verb=i)]


def _season_near(ctx, i):
    """Return True when a story-time mention stands in the sentence of token i."""
    sent = ctx.doc[i].sent
    return any(t.ent_type_ == "STORYTIME" for t in sent)


def _as_role(ctx, index):
    """Return the name after "as" a few tokens from ``index`` ("returns as Kilgrave")."""
    doc = ctx.doc
    for j in range(index, min(len(doc) - 1, index + 3)):
        if doc[j].lower_ == "as":
            return coref.name_starting(ctx, j + 1)
    return None


def _named_role(ctx, actor):
    role = coref.role_of(ctx, actor)
    return coref.NameSpan(0, 0, 0, 0, role, None, frozenset()) if role else None


def departure(ctx, i):
    """Return the departure of "Y leaves the show", "exits the series", "is written out"."""
    doc = ctx.doc
    token = doc[i]
    lemma = lemma_of(token)
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if lemma in DEPART_VERBS and verbal(token):
        words = [t for t in doc[i + 1:min(doc[i].sent.end, i + 4)]]
        named = coref.name_starting(ctx, i + 1) or coref.name_starting(ctx, i + 2)
        if not (any(t.lower_ in SHOW_WORDS for t in words)
                or named is not None and named.text in ctx.works):
            return []
        end = i + 1 + len(words)
    elif lemma in ("write", "bow") and nxt == "out":
        end = i + 2
    else:
        return []
    aux = passive_aux(doc, i)
    subject = subject_before(ctx, aux if aux is not None else i)
    if subject is not None and subject.text in coref.known_actors(ctx):
        subject = _named_role(ctx, subject.text)
    if subject is None or subject.text not in coref.known_characters(ctx):
        return []  # actors and crew leave shows too: only a known character departs
    return [Found("departure", "departure", subject, i, end, verb=i)]


def injury(ctx, i):
    """Return the injury of "Y is wounded", "lies wounded", "leaving him wounded",
    "Y loses a hand", "X cuts off Y's hand"."""
    doc = ctx.doc
    token = doc[i]
    word = token.lower_
    floor = token.sent.start
    if word in INJURY_WORDS:
        if any(doc[j].lower_ in FATAL_ADVERBS for j in range(max(floor, i - 2), i)):
            return []
        j = i - 1
        while j >= floor and doc[j].pos_ == "ADV":
            j -= 1
        if j < floor:
            return []
        if lemma_of(doc[j]) in ("be", "get", "lie", "lay", "remain") and is_verb(doc[j]):
            victims = victims_before(ctx, j)
        elif lemma_of(doc[j - 1]) == "leave" and j > floor:
            victim = coref.name_ending(ctx, j + 1) or pronoun_at(ctx, j)
            victims = [victim] if victim is not None else []
        else:
            return []
        return [Found("injury", "injury", v, i, i + 1, verb=i) for v in victims]
    lemma = lemma_of(token)
    if lemma == "lose" and verbal(token) and i + 2 < len(doc) \
            and doc[i + 1].lower_ in POSSESSIVES | {"a", "an", "one"} \
            and doc[i + 2].lower_ in BODY_PARTS:
        victim = subject_before(ctx, i)
        return [Found("injury", "injury", victim, i, i + 3, verb=i)] if victim else []
    if lemma in ("cut", "chop", "hack") and i + 1 < len(doc) and doc[i + 1].lower_ == "off":
        span = coref.name_starting(ctx, i + 2)
        if span is not None and span.end + 1 < len(doc) and doc[span.end].text in APOSTROPHE_S \
                and doc[span.end + 1].lower_ in BODY_PARTS:
            agent = subject_before(ctx, i)
            return [Found("injury", "injury", span, i, span.end + 2, agent, verb=i)]
    return []


def birth(ctx, i):
    """Return the birth of "X gives birth to Y" and "Y is born"."""
    doc = ctx.doc
    token = doc[i]
    if token.lower_ == "birth" and i + 1 < len(doc) and doc[i + 1].lower_ == "to" \
            and i > 0 and lemma_of(doc[i - 1]) == "give":
        child = coref.name_starting(ctx, i + 2)
        return [Found("birth", "birth", child, i - 1, child.end, verb=i - 1)] if child else []
    if token.lower_ == "born" and passive_aux(doc, i) is not None:
        victims = victims_before(ctx, passive_aux(doc, i))
        return [Found("birth", "birth", v, i, i + 1, verb=i) for v in victims]
    return []


def revelation(ctx, i):
    """Return the revelation of "Y is revealed to be/as", "Y turns out to be",
    "Y, revealed as"."""
    doc = ctx.doc
    token = doc[i]
    lemma = lemma_of(token)
    nxt = [t.lower_ for t in doc[i + 1:i + 4]]
    if lemma == "reveal" and token.tag_ in ("VBN", "VBD") and nxt[:1] in (["to"], ["as"]):
        aux = passive_aux(doc, i)
        if aux is None and not (i > 0 and doc[i - 1].text == ","):
            return []
        victims = victims_before(ctx, aux if aux is not None else i)
    elif lemma == "turn" and nxt[:3] == ["out", "to", "be"]:
        victims = victims_before(ctx, i)
    else:
        return []
    return [Found("revelation", "revelation", v, i, i + 2, verb=i) for v in victims]
