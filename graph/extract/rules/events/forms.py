"""The shared pieces of the event forms, and the forms of English that tell of a
resurrection, a return, a departure, an injury, a birth or a revelation.

Every form looks at one token of the article and returns the events it starts
(``Found``), before modality, story time and merging (``events.py``); the death
forms are in ``graph.extract.rules.events.deaths``.

- ``resurrection``: "raised from the dead", "brought back to life", "resurrected";
- ``return_verb``: returns, comes back, reappears, "is back", with its mode
  (``mode_near``: "in her head", "as a ghost", "in flashbacks"); ``return_noun``:
  "makes a return to the show"; never a performer's ("back on our screens",
  "returns to host the show", "returns in a new drama");
- ``departure``, ``injury``, ``birth``, ``revelation``.
"""

from dataclasses import dataclass

from graph.extract.mentions import coref, works
from graph.extract.rules.events import presence
from graph.extract.rules.events.clause import (
    APOSTROPHE_S,
    POSSESSIVES,
    agent_after,
    causative_objects,
    is_verb,
    misread_verb,
    objects_after,
    pronoun_span,
    subject_before,
    subjects_before,
)
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
    RETURN_VERBS,
    SHOW_WORDS,
    TRAVEL_WORDS,
    UNDEAD,
    VERSION_WORDS,
)

BE_GET = frozenset({"be", "get"})
# Verbs whose object "return" is a return: "makes a surprise return", "stages a return".
RETURN_MAKERS = frozenset({"make", "stage", "mark", "enjoy"})
SCREEN_WORDS = frozenset({"screen", "screens", "tv", "television", "tvs", "stage", "stages"})
# A return "in a new ..." of these is in another work: a performer's, not a character's.
OTHER_WORK_NOUNS = frozenset({"drama", "film", "movie", "play", "production", "musical",
                              "sitcom", "comedy", "thriller", "album", "role", "documentary",
                              "project", "show", "programme", "program", "venture"})
# ... but "in the new series" is the same show's next run.
STORY_UNIT_NOUNS = frozenset({"series", "season", "episode", "episodes", "run", "chapter"})
# "returns to host (present, judge) the show": a presenter's return.
CAREER_VERBS = frozenset({"host", "present", "front", "judge", "direct", "write", "produce",
                          "narrate", "perform", "sing", "tour", "record", "compere", "co-host",
                          "headline", "coach", "mentor", "launch", "release"})
# "returns to the stage", "to television", "to acting": a performer's career.
CAREER_PLACES = frozenset({"stage", "television", "tv", "acting", "music", "broadway",
                           "theatre", "theater", "studio", "cinema", "films", "screens",
                           "spotlight", "limelight", "politics", "radio", "form", "touring",
                           "comedy", "writing", "directing", "hollywood"})
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
    owner = coref.name_ending(ctx, j - 1) if ctx.tokens.text[j - 1] in APOSTROPHE_S else None
    return owner is not None and owner.start > 0 and lower[owner.start - 1] == "in"


def _dead_phrase(tokens, i):
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
        while j < n and j - i <= 4 and not _dead_phrase(tokens, j) \
                and not tokens.is_punct[j]:
            j += 1
        size = _dead_phrase(tokens, j) if j < n else 0
        if not size or lemma == "be" and (j != i + 1 or tokens.lower[j] != "back"):
            return []  # "is back from the dead", never "is not brought back"
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


def _words_after(tokens, i, end, size):
    """Return the lower-case words from token ``end`` on, at most ``size`` of them and
    none past the sentence of token ``i``."""
    return tokens.lower[end:min(tokens.sent_end[i], end + size)]


def return_verb(ctx, i, synopsis):
    """Return the return of "Y returns", "comes back", "reappears", "is back", with
    the mode the words around give. A return to a place ("returns to Dragonstone")
    is travel; in a synopsis (``synopsis``) a bare return is too, unless a mode or
    a show word ("returns to the series") says otherwise."""
    tokens = ctx.tokens
    n = len(tokens)
    lemma = tokens.lemma[i]
    if lemma in RETURN_VERBS and verbal(tokens, i):
        end = i + 1
    elif lemma in ("come", "be") and verbal(tokens, i) and i + 1 < n \
            and tokens.lower[i + 1] == "back":
        end = i + 2
    else:
        return []
    if end < n and _dead_phrase(tokens, end):
        return []  # "returns from the dead" is a resurrection
    if lemma == "resurrect" and mode_near(ctx, i) is None:
        return []
    return _story_return(ctx, i, end, subject_before(ctx, i), synopsis)


def return_noun(ctx, i, synopsis):
    """Return the return of "Y makes a (surprise) return to the show": the noun
    "return" as the object of a verb of doing, whose subject returns."""
    tokens = ctx.tokens
    if tokens.lower[i] != "return" or tokens.pos[i] != "NOUN" or tokens.dep[i] != "dobj":
        return []
    verb = tokens.head[i]
    if tokens.lemma[verb] not in RETURN_MAKERS:
        return []
    return _story_return(ctx, i, i + 1, subject_before(ctx, verb), synopsis)


def _story_return(ctx, i, end, character, synopsis):
    """Return the return said at tokens [i, end) of ``character`` when the words
    around tell of a story's character coming back, not of travel or of a career."""
    tokens = ctx.tokens
    n = len(tokens)
    mode = mode_near(ctx, i)
    following = _words_after(tokens, i, end, 4)
    show = any(word in SHOW_WORDS for word in following)
    if end < n and tokens.lower[end] in TRAVEL_WORDS and not show and mode is None \
            and not _to_work(ctx, end):
        return []
    if mode is None and _career(ctx, i, end):
        return []
    if synopsis and mode is None and not show:
        return []
    if character is not None and character.text in coref.known_actors(ctx):
        character = _as_role(ctx, end) or _named_role(ctx, character.text)
    if character is None:
        return []
    if "role" in following and character.text not in coref.known_characters(ctx):
        return []  # "Sladen returned to the role": an actor whose role the text does not give
    cued = mode is not None or show or _season_near(ctx, i)
    if not cued and character.text not in coref.known_characters(ctx):
        return []  # a bare "X returned" is a character's return only for a known character
    return [Found("return", "return", character, i, end, mode=mode, verb=i)]


def _to_work(ctx, end):
    """Return True when "to" at token ``end`` leads to a work the article names
    ("returns to Harbour Lights"): a return to the show, not travel."""
    if ctx.tokens.lower[end] != "to" or end + 1 >= len(ctx.tokens):
        return False
    span = coref.name_starting(ctx, end + 1)
    return span is not None and (span.text in ctx.works or works.is_work(ctx, span.text))


def _career(ctx, i, end):
    """Return True when the words after a return at tokens [i, end) tell of a
    performer's career: "back on our screens", "returns in a new drama", "returns to
    host the show", "returns to the stage"."""
    tokens = ctx.tokens
    lower = tokens.lower
    stop = min(tokens.sent_end[i], end + 6)
    for j in range(end, stop):
        word = lower[j]
        if word == "our" and j + 1 < stop and lower[j + 1] in SCREEN_WORDS:
            return True  # the viewers' screens: a performer or a show is back
        if word in ("a", "the", "another") and j > end and lower[j - 1] == "in" \
                and j + 1 < stop and lower[j + 1] == "new":
            k = j + 2
            while k < stop and tokens.pos[k] in ("ADJ", "PROPN", "NOUN") \
                    and lower[k] not in OTHER_WORK_NOUNS | STORY_UNIT_NOUNS:
                k += 1
            if k < stop and lower[k] in OTHER_WORK_NOUNS:
                return True  # "in a new drama": another work than the one returned to
        if word == "to" and j + 1 < stop and tokens.lemma[j + 1] in CAREER_VERBS \
                and tokens.tag[j + 1] == "VB":
            return True  # "returns to host the show"
        if word == "to" and j + 1 < stop and (lower[j + 1] in CAREER_PLACES or lower[
                j + 1] == "the" and j + 2 < stop and lower[j + 2] in CAREER_PLACES):
            return True  # "returns to the stage", "to television"
    return False


def _season_near(ctx, i):
    """Return True when a story-time mention stands in the sentence of token i."""
    tokens = ctx.tokens
    return "STORYTIME" in tokens.ent_type[tokens.sent_start[i]:tokens.sent_end[i]]


def _as_role(ctx, index):
    """Return the name after "as" a few tokens from ``index`` ("returns as Kilgrave")."""
    lower = ctx.tokens.lower
    for j in range(index, min(len(lower) - 1, index + 3)):
        if lower[j] == "as":
            return coref.name_starting(ctx, j + 1)
    return None


def _named_role(ctx, actor):
    role = coref.role_of(ctx, actor)
    return coref.NameSpan(0, 0, 0, 0, role, None, frozenset()) if role else None


def departure(ctx, i):
    """Return the departure of "Y leaves the show", "exits the series", "is written out"."""
    tokens = ctx.tokens
    lemma = tokens.lemma[i]
    nxt = tokens.lower[i + 1] if i + 1 < len(tokens) else ""
    if lemma in DEPART_VERBS and verbal(tokens, i):
        words = _words_after(tokens, i, i + 1, 3)
        named = coref.name_starting(ctx, i + 1) or coref.name_starting(ctx, i + 2)
        if not (any(word in SHOW_WORDS for word in words)
                or named is not None and named.text in ctx.works):
            return []
        end = i + 1 + len(words)
    elif lemma in ("write", "bow") and nxt == "out":
        end = i + 2
    else:
        return []
    aux = passive_aux(tokens, i)
    subject = subject_before(ctx, aux if aux is not None else i)
    if subject is not None and subject.text in coref.known_actors(ctx):
        subject = _named_role(ctx, subject.text)
    if subject is None or subject.text not in coref.known_characters(ctx):
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
            victim = coref.name_ending(ctx, j + 1) or pronoun_at(ctx, j)
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
        span = coref.name_starting(ctx, i + 2)
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
        child = coref.name_starting(ctx, i + 2)
        return [Found("birth", "birth", child, i - 1, child.end, verb=i - 1)] if child else []
    if word == "born" and passive_aux(tokens, i) is not None:
        victims = victims_before(ctx, passive_aux(tokens, i))
        return [Found("birth", "birth", v, i, i + 1, verb=i) for v in victims]
    return []


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
