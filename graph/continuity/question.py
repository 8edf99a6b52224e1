"""Reading a question: what it asks (an intent) and what it names (slots), from the
spaCy parse canon extracts with. No language model and no table of phrasings.

The words of the question are read by their lemmas: "died", "dies" and "death" cue
a death, "played", "portrays" and "roles" a casting. The story time is found by the
extractor's own story-time reading (``find_story_mentions``: "S2E3", "season 2
episode 3", "the season 1 finale", "the finale"), or an episode's title the lexicon
knows ("after Baelor"), and a few words around it move it
("the end of season 4" and "survive season 2" are the season's finale, "the start of
season 3" its premiere, "before season 3" the finale of season 2). The runs of words
left (not question words, not story time) are names: each is looked up in the
``names`` lexicon, whose ``fits(kind, typed)`` returns the stored names of a kind
(character, person, work) it stands for, so nicknames and misspellings are read as
the store reads them. A run that fits nothing is kept as typed, for the answer to
refuse with the closest names.

The intent follows from the cues and the syntax, not from whether a name fits, so
that a Story cut by a spoiler and the whole store read a question alike.

>>> from types import SimpleNamespace
>>> names = SimpleNamespace(fits=lambda kind, typed: [])
>>> reading = read_question("when did Ned die?", names)
>>> reading.intent, reading.character
('died-when', 'Ned')
"""

from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

from graph.extract.mentions.storytime import find_story_mentions
from graph.extract.reading.nlp import load_pipeline
from graph.extract.reading.tokens import Tokens

# What a question may ask, each answered by a handler of ``graph.continuity.ask``.
INTENTS = ("alive", "happened", "comes-back", "plays", "played", "died-when", "killer",
           "died-in", "back-from-dead", "crew", "appears", "continuity", "conflicts")

# Cues, as lemmas (or lower-case words where the lemmatizer varies).
PLAY = frozenset({"play", "portray", "actor", "actress", "cast", "star", "role", "part",
                  "voice", "act", "portrayal"})
ROLES_WORDS = frozenset({"role", "roles", "part", "parts", "character", "characters"})
KILL = frozenset({"kill", "murder", "killer", "murderer", "slay", "assassinate", "shoot",
                  "stab", "drown", "poison", "execute", "responsible"})
DIE = frozenset({"die", "death", "perish", "deaths", "died"})
ALIVE = frozenset({"alive", "dead", "living", "survive", "status", "live", "state"})
BACK = frozenset({"return", "resurrect", "resurrection", "revive", "comeback", "reappear",
                  "resurrected", "revived", "returns"})
HAPPEN = frozenset({"happen", "fate", "become", "story", "storyline", "arc"})
APPEAR = frozenset({"appear", "appearance", "feature", "season", "seasons", "episode",
                    "episodes", "show"})
CONTINUITY = frozenset({"continuity", "break", "error", "mistake", "inconsistency",
                        "inconsistent", "hole", "problem", "wrong", "issue", "plot"})
CONFLICT = frozenset({"differ", "disagree", "conflict", "contradict", "contradiction",
                      "dispute", "difference", "agree", "conflicting", "source", "sources",
                      "article", "articles", "disagreement"})
# Crew words and the role each names (None: any role).
CREW = {"showrunner": "showrunner", "run": "showrunner", "creator": "creator",
        "create": "creator", "write": "writer", "writer": "writer", "direct": "director",
        "director": "director", "produce": "producer", "producer": "producer",
        "make": None, "crew": None, "behind": None, "maker": None}
# Words that are never a name when typed in lower case, beside spaCy's stop words.
QUESTION_WORDS = (PLAY | KILL | DIE | ALIVE | BACK | HAPPEN | APPEAR | CONTINUITY | CONFLICT
                  | set(CREW) | ROLES_WORDS | frozenset({
                      "come", "bring", "back", "dead", "still", "ever", "end", "start",
                      "beginning", "close", "first", "last", "time", "point", "form", "way",
                      "body", "life", "people", "person", "anyone", "anybody", "everyone",
                      "somebody", "someone", "list", "tell", "name", "give", "show", "work",
                      "series", "franchise", "get", "find", "which", "whom", "whose",
                      "many", "much", "ones", "happened", "happens", "did", "does", "do",
                      "know", "say", "said", "store", "canon", "check", "there", "any",
                      "finale", "premiere", "later", "earlier", "again", "actually",
                      "exactly", "originally", "currently", "season", "seasons", "episode",
                      "episodes", "killed", "killers", "played", "plays", "playing", "fact",
                      "facts", "claim", "claims", "n't", "not", "answer", "question",
                      "please", "credit", "credits", "involve", "involved", "happening"}))
WH = frozenset({"who", "whom", "what", "which", "when", "where", "how", "whose", "why"})
# Words between the parts of one name: "Game of Thrones", "Jessica Jones and the...".
NAME_JOINERS = frozenset({"of", "the", "de", "van", "von", "le", "la", "del"})
# Marks inside one name when no space stands beside them: "Bel-Air", "O'Brien".
JOINING_MARKS = frozenset({"-", "'", "’", ".", "&"})
# Subjects of "die" that ask who died, not when someone did.
ANYONE = frozenset({"who", "which", "what", "character", "characters", "anyone", "anybody",
                    "people", "everyone", "someone", "one", "ones", "many"})
# Words before a story time that move it: to a season's end, its start, or the one before.
TO_END = frozenset({"end", "close", "after", "survive", "survives", "survived", "surviving",
                    "last"})
TO_START = frozenset({"start", "beginning", "opening"})
BEFORE = frozenset({"before"})
# Intents about a work: a name they give is the work's, whatever else it may fit.
WORK_INTENTS = frozenset({"crew", "died-in", "continuity"})
# Prepositions whose object, when it fits a work, is the work asked about.
WORK_PREPOSITIONS = frozenset({"in", "of", "on", "from", "during", "for", "across", "about",
                               "between"})


@dataclass(frozen=True)
class When:
    """A story time as the question gives it: the work typed next to it (or None),
    the season (None when only "the finale" says which), the episode (a number,
    "premiere" or "finale") and the words as typed."""

    work: str | None
    season: int | None
    episode: int | str | None
    text: str

    def __str__(self):
        return self.text


@dataclass(frozen=True)
class Reading:
    """A question read: its intent (one of INTENTS, or None), the names it gives as
    typed in each slot (character, actor, work), its story time (a When), the crew
    role it asks for, and ``runs``: (name as typed, {kind: stored names it fits}) for
    every name it gives, in order."""

    question: str
    intent: str | None
    character: str | None = None
    actor: str | None = None
    work: str | None = None
    when: When | None = None
    role: str | None = None
    runs: tuple = ()


@dataclass(frozen=True)
class _Run:
    """A name as typed: its text, its token span, and {kind: stored names} it fits."""

    text: str
    start: int
    end: int
    kinds: dict

    def fits(self, kind):
        return bool(self.kinds.get(kind))


def _context(doc):
    """Return the reading context the extractor's story-time reader takes, for a
    question: no names are known to it (the lexicon finds them)."""
    return SimpleNamespace(doc=doc, tokens=Tokens(doc), memo={},
                           name_ending=lambda i: None, name_starting=lambda i: None)


def _when(doc):
    """Return (When or None, the token indexes it covers) for the question's story time."""
    mentions = [m for m in find_story_mentions(_context(doc))
                if m.season is not None or m.episode is not None]
    if not mentions:
        return None, set()
    mention = mentions[0]
    span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
    covered = set(range(span.start, span.end))
    before = span.start - 1
    while before >= 0 and doc[before].lower_ in ("the", "of", "its", "a"):
        covered.add(before)
        before -= 1
    moved = doc[before].lower_ if before >= 0 else ""
    season, episode = mention.season, mention.episode
    if moved in TO_END | TO_START | BEFORE:
        covered.add(before)
        if season is not None and episode is None:
            if moved in TO_START:
                episode = 1
            elif moved in BEFORE:
                season, episode = (season - 1, "finale") if season > 1 else (season, 1)
            else:
                episode = "finale"
    text = doc[min(covered):max(covered) + 1].text
    return When(None, season, episode, text), covered


def _is_name_word(doc, i, first_word):
    """Return True when token ``i`` may be part of a name."""
    lower, text = doc[i].lower_, doc[i].text
    if doc[i].is_punct or doc[i].is_space or doc[i].tag_ == "POS":
        return False
    # A capital inside the question is a name's, "Who" too ("Doctor Who").
    if text[:1].isupper() and i != first_word and lower not in ("i", "is", "was", "did", "does"):
        return True
    if lower in WH:
        return False
    return not (doc[i].is_stop or lower in QUESTION_WORDS
                or doc[i].lemma_.lower() in QUESTION_WORDS)


def _name_spans(doc, skip):
    """Return the (start, end) token spans that may be names: runs of name words,
    joined over "of"/"the" between capitalised words ("Game of Thrones")."""
    first = next((i for i in range(len(doc)) if not doc[i].is_punct), 0)
    word = [i not in skip and _is_name_word(doc, i, first) for i in range(len(doc))]
    for i in range(1, len(word) - 1):
        between_names = word[i - 1] and word[i + 1] and i not in skip
        if between_names and not word[i] and doc[i].lower_ in NAME_JOINERS \
                and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper():
            word[i] = True
        elif between_names and doc[i].text in JOINING_MARKS \
                and not doc[i - 1].whitespace_ and not doc[i].whitespace_:
            word[i] = True  # "Bel-Air", "O'Brien": one name
    spans, start = [], None
    for i, is_word in enumerate([*word, False]):
        if is_word and start is None:
            start = i
        elif not is_word and start is not None:
            spans.append((start, i))
            start = None
    return spans


def _fits(names, text):
    """Return {kind: stored names} that a typed name fits, only the kinds it fits."""
    kinds = {}
    for kind in ("character", "person", "work"):
        found = names.fits(kind, text)
        if found:
            kinds[kind] = list(found)
    return kinds


def _runs(doc, names, spans):
    """Return the names of the spans: the longest part of each that fits a stored
    name (the rest read again), or the whole span when no part fits."""
    runs = []
    for start, end in spans:
        runs.extend(_split(doc, names, start, end))
    return sorted(runs, key=lambda run: run.start)


def _split(doc, names, start, end):
    """Return the runs of a span: itself when it fits a stored name or no split of
    it fits wholly ("Silas Crane Brackwater" is two names; "Ned Stark" stays one,
    for the answer to refuse as typed, though "Stark" alone fits)."""
    parts = _fitted(doc, names, start, end)
    return parts if all(run.kinds for run in parts) \
        else [_Run(doc[start:end].text, start, end, {})]


def _fitted(doc, names, start, end):
    """Return the span as one run when it fits a stored name (or is one word), else
    its parts (``_parts``)."""
    whole = _fits(names, doc[start:end].text)
    if whole or end - start == 1:
        return [_Run(doc[start:end].text, start, end, whole)]
    return _parts(doc, names, start, end)


def _parts(doc, names, start, end):
    """Return the runs of a span split at the longest part that fits a stored name."""
    for width in range(end - start - 1, 0, -1):
        for left in range(start, end - width + 1):
            kinds = _fits(names, doc[left:left + width].text)
            if kinds:
                before = _fitted(doc, names, start, left) if left > start else []
                after = _fitted(doc, names, left + width, end) if left + width < end else []
                return [*before, _Run(doc[left:left + width].text, left, left + width, kinds),
                        *after]
    return [_Run(doc[start:end].text, start, end, {})]


def _episode_title(doc, names, runs):
    """Return (When, the other runs) when a run that fits no name is the title of an
    episode the lexicon knows (``names.episode(typed)`` gives (work, season,
    episode) or None; a lexicon without it knows none), else (None, runs). "before"
    the title is the episode before it."""
    episode = getattr(names, "episode", None)
    for run in runs if episode else ():
        found = None if run.kinds else episode(run.text)
        if found is not None:
            work, season, number = found
            if isinstance(number, int) and number > 1 and any(
                    doc[i].lower_ in BEFORE for i in range(max(0, run.start - 2), run.start)):
                number -= 1
            return When(work, season, number, run.text), [r for r in runs if r is not run]
    return None, runs


def _lemmas(doc, skip):
    """Return the set of lemmas and lower-case words outside the spans in ``skip``."""
    words = set()
    for i in range(len(doc)):
        if i not in skip:
            words.update((doc[i].lemma_.lower(), doc[i].lower_))
    return words


def _beside_time(run, covered, doc):
    """Return True when a run names the work of the story time: right before it
    ("Brackwater S2", "Brackwater's second season") or after it and "of"/"in"
    ("season 2 of Brackwater")."""
    if not covered:
        return False
    first, last = min(covered), max(covered)
    gap = range(run.end, first)
    if all(doc[i].tag_ == "POS" or doc[i].lower_ in (",", "'s") for i in gap):
        return True
    between = range(last + 1, run.start)
    return 0 < len(between) <= 2 and all(doc[i].lower_ in ("of", "in", "the") for i in between)


def _object_of_preposition(run, doc):
    """Return True when the run hangs on a preposition that names a work: "in X",
    "showrunner of X"."""
    head = doc[run.end - 1].head.i
    return doc[run.end - 1].dep_ == "pobj" and doc[head].lower_ in WORK_PREPOSITIONS


def _played_by_subject(run, doc, lemmas):
    """Return True when the syntax makes the run the actor: "did X play", "X played",
    "roles has X had", "X's roles"; not "X was played by"."""
    if "by" in {doc[i].lower_ for i in range(run.end, len(doc))}:
        return False
    dep = doc[run.end - 1].dep_
    head = doc[run.end - 1].head.i
    if dep == "nsubj" and doc[head].lemma_ in PLAY | {"have"}:
        return True
    if dep == "poss" and doc[head].lemma_ in ROLES_WORDS | PLAY:
        return True
    after = [doc[i].lemma_ for i in range(run.end, len(doc))
             if not doc[i].is_punct]
    before = [doc[i].lower_ for i in range(run.start)]
    # "what did david tennant play": the parser may read "play" as a noun.
    if after[:1] in (["play"], ["portray"], ["act"], ["voice"]) \
            and {"did", "does", "do", "has", "have"} & set(before):
        return True
    return bool(lemmas & {"role", "roles", "part", "parts"}) and not lemmas & {"who"} \
        or bool({"which", "what"} & set(before) and {"character", "characters", "role", "roles"}
                & set(before))


def _slot_kind(run, doc, covered, wants):
    """Return which slot a run fills: "work", "person" or "character". A run that
    fits one kind fills it; one that fits several, or none, is placed by the syntax
    (beside the story time, or after "in"/"of": a work) and by what the intent
    family ``wants`` ("person" in a question about casting)."""
    fit = [kind for kind in ("character", "person", "work") if run.fits(kind)]
    if len(fit) == 1:
        return fit[0]
    if (run.fits("work") or not fit) and (_beside_time(run, covered, doc)
                                          or _object_of_preposition(run, doc)):
        return "work"
    if wants == "person" and (run.fits("person") or not fit):
        return "person"
    return "character" if "character" in fit or not fit else fit[0]


def _crew_role(words):
    """Return the crew role the words ask for, or None for any."""
    return next((CREW[w] for w in ("showrunner", "creator", "create", "director", "direct",
                                   "writer", "write", "producer", "produce", "run")
                 if w in words), None)


def _asks_who_died(doc):
    """Return True when the subject of a death verb is a question word or "characters":
    "which characters died in X", "who was killed in X"."""
    for token in doc:
        if token.lemma_.lower() in DIE | KILL and token.pos_ in ("VERB", "AUX", "NOUN"):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(c.lower_ in ANYONE or c.lemma_.lower() in ANYONE for c in subjects):
                return True
    return False


def _intent(words, doc, named, works, when):
    """Return the intent a question's words ask, from its cues; ``named`` says
    whether it names a character (or a name that fits nothing), ``works`` a work."""
    if words & CONFLICT and not (words & {"source", "sources", "article", "articles"}
                                 and words & PLAY and named):
        return "conflicts"
    if words & {"continuity"} or words & CONTINUITY and not named and not words & DIE:
        return "continuity"
    crew = words & set(CREW)
    if crew and not words & (DIE | KILL | BACK) and (
            crew - {"make", "behind", "run", "crew", "maker"} or works or not named):
        return "crew"
    back = words & BACK or "back" in words and words & {"come", "bring"}
    if back and named:
        return "comes-back"
    if back:
        return "back-from-dead"
    if words & KILL and named and words & {"who", "whom", "what", "killer", "murderer",
                                            "responsible"}:
        return "killer"
    if words & (DIE | KILL):
        return "died-when" if named and not _asks_who_died(doc) else "died-in"
    if words & ALIVE and named:
        return "alive"
    if words & PLAY:
        return "plays"
    if words & HAPPEN and named:
        return "happened"
    if words & APPEAR and named or named and words & {"in"} and when is not None:
        return "appears"
    if crew:
        return "crew"
    return "happened" if named else None


def _known(runs, kinds):
    """Return True when some run read as a character or actor fits a stored name."""
    return any(run.kinds for run, kind in zip(runs, kinds, strict=True)
               if kind in ("character", "person"))


def _content(doc, runs):
    """Return the content words of a question outside its names and question words."""
    inside = {i for run in runs for i in range(run.start, run.end)}
    return [t.text for t in doc if t.i not in inside and not (
        t.is_stop or t.is_punct or t.lower_ in QUESTION_WORDS or t.lower_ in WH)]


# What a question needs of canon's pipeline: the tagger, the parser and the
# lemmatizer; names are found by the lexicon, not by the recogniser.
UNUSED_PIPES = frozenset({"ner", "canon_story_time"})


@lru_cache(maxsize=2048)
def parse(text):
    """Return the parse of a question by canon's own spaCy pipeline (loaded once for
    extraction), without the entity recogniser; the same Doc for the same text."""
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name not in UNUSED_PIPES:
            doc = component(doc)
    return doc


def read_question(question, names):
    """Return the Reading of a question: its intent and slots. ``names.fits(kind,
    typed)`` returns the stored names of ``kind`` ("character", "person", "work") a
    typed name stands for (empty when none). An intent is None when no cue and no
    name says what is asked."""
    doc = parse(" ".join(question.split()))
    when, covered = _when(doc)
    runs = _runs(doc, names, _name_spans(doc, covered))
    if when is None:
        when, runs = _episode_title(doc, names, runs)
    words = _lemmas(doc, {i for run in runs for i in range(run.start, run.end)})
    # First pass, for the intent: which runs could be characters (or unknown names).
    family = "person" if words & PLAY else "either"
    kinds = [_slot_kind(run, doc, covered, family) for run in runs]
    named = any(kind in ("character", "person") for kind in kinds)
    works = any(kind == "work" for kind in kinds)
    intent = _intent(words, doc, named, works, when)
    if intent == "happened" and not words & HAPPEN and kinds and set(kinds) == {"person"} \
            and all(run.kinds for run in runs) and not _content(doc, runs):
        intent = "played"  # an actor's name alone: what they played
    if intent == "happened" and not words & HAPPEN and not (
            _known(runs, kinds) and all(run.kinds for run in runs) and not _content(doc, runs)):
        intent = None  # no cue, and more than a name the store holds: nothing says what
    slots = {"character": None, "person": None, "work": None}
    for run, kind in zip(runs, kinds, strict=True):
        if intent in ("plays", "played") and kind in ("character", "person") \
                and run.fits("character") == run.fits("person"):
            kind = "person" if _played_by_subject(run, doc, words) else "character"
        if slots[kind] is None:
            slots[kind] = run.text
    if intent in ("plays", "played"):
        intent = "played" if slots["person"] and not slots["character"] else "plays"
        if intent == "plays" and slots["character"] is None and slots["person"]:
            slots["character"] = slots["person"]
    if intent in WORK_INTENTS and slots["work"] is None:
        slots["work"] = slots["character"] or slots["person"]
        slots["character"] = slots["person"] = None
    work = slots["work"]
    if when is not None and work is not None:
        when = When(work, when.season, when.episode, f"{work} {when.text}")
    return Reading(question, intent, slots["character"], slots["person"], work, when,
                   _crew_role(words) if intent == "crew" else None,
                   tuple((run.text, run.kinds) for run in runs))
