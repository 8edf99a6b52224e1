"""Plain English questions about a franchise, answered from its claims with their sources.

No language model reads the question and no table of phrasings: ``question.py``
reads an intent (status at a time, what happened, who plays, who killed, ...) and
its slots (character, actor, work, story time) from the spaCy parse, and the names
through the store's own resolution. Each intent has a handler here that answers
from a Story. A question it cannot read gets the intents closest to it, filled with
the names it gives ("Did you mean: Who plays Ned Stark?"); a name the store does
not know gets the message that says so, with the questions it may have meant.

>>> from graph.continuity.story import Story
>>> answer(Story([]), "who is the best captain?").form is None
True
"""

import re
from dataclasses import dataclass, field

from graph.continuity.casting import roles, who_plays
from graph.continuity.checks import run_checks
from graph.continuity.question import read_question
from graph.continuity.status import status_at
from graph.continuity.story import closest_names, find_name, fold_name, name_fits
from graph.continuity.suggest import (
    EXAMPLES,
    NEEDS,
    SUGGESTIONS,
    TEMPLATES,
    closer,
    examples,
    names_given,
    suggest,
)
from graph.continuity.suggest import unique as _unique
from graph.errors import CanonError, StoryTimeError, UnknownEntityError
from graph.model.storytime import Position

# What ``from graph.continuity.ask import ...`` keeps finding here.
__all__ = ["EXAMPLES", "TEMPLATES", "Answer", "StoryNames", "answer", "examples", "read_answer",
           "with_or_without_the"]


@dataclass(frozen=True)
class Answer:
    """The answer to one question: ``text`` (a sentence or a few), the Sourced claims
    it rests on, the intent it was read as (None when none fitted) and questions it
    may have meant (when it was not read, or names what the store does not hold)."""

    question: str
    text: str
    form: str | None
    sources: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)

    @property
    def docs(self):
        """Return the articles the answer rests on, each once, in order."""
        return list(dict.fromkeys(doc for s in self.sources for doc in s.docs))

    def to_json(self):
        """Return {"question", "form", "text", "docs", "sources", "suggestions"}."""
        return {"question": self.question, "form": self.form, "text": self.text,
                "docs": self.docs, "sources": [s.to_json() for s in self.sources],
                "suggestions": list(self.suggestions)}


class StoryNames:
    """The names a Story holds, read as ``read_question`` and the suggestions ask:
    ``fits(kind, typed)``, ``closest(kind, typed)`` and ``samples()``."""

    def __init__(self, story):
        self.story = story
        crew = [s.claim.person for s in story.of_kind("crew")]
        self.known = {"character": story.characters(),
                      "person": sorted({*story.actors(), *crew}), "work": story.works()}

    def fits(self, kind, typed):
        """Return the stored names of ``kind`` a typed name stands for, with or
        without a leading "the"; empty when none."""
        found = name_fits(typed, self.known[kind])
        bare = re.sub(r"^the\s+", "", typed, flags=re.IGNORECASE)
        return found or (name_fits(bare, self.known[kind]) if bare != typed else [])

    def closest(self, kind, typed):
        """Return the stored names of ``kind`` that look most like a typed one."""
        return closest_names(typed, self.known[kind])

    def samples(self):
        """Return [(kind, name)] to fill examples with: the character with the most
        events, the first actor and the first work."""
        story = self.story
        eventful = sorted(story.characters(), key=lambda n: (-len(story.events(n)), n))
        picks = [("character", eventful[0])] if eventful else []
        picks += [("person", story.actors()[0])] if story.actors() else []
        picks += [("work", story.works()[0])] if story.works() else []
        return picks


# --- reading names and story times out of a question ------------------------------

def with_or_without_the(read, name):
    """Return ``read(name)``, or ``read`` of the name without a leading "the" when
    the first raises UnknownEntityError ("the Tidewalker" is stored with it, "the
    Inspector Hale" without)."""
    try:
        return read(name)
    except UnknownEntityError:
        bare = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        if bare == name:
            raise
        return read(bare)


def _resolve(name, known, what):
    """Return the stored name a typed one stands for, with or without "the"."""
    return with_or_without_the(lambda typed: find_name(typed, known, what), name)


def _character(story, name):
    return _resolve(name, story.characters(), "character")


def _home_work(story, what, character=None):
    """Return the one work a question means when it names none: the character's, or
    the only work in the story. Raises StoryTimeError when several could be meant."""
    if character:
        works = sorted({s.claim.work for s in story.about(character)
                        if getattr(s.claim, "work", None)})
    else:
        works = story.works()
    if len(works) == 1:
        return works[0]
    raise StoryTimeError(f"{what!r} names no work; say which, e.g. "
                         f"'{works[0] if works else 'Jessica Jones'} S2E1'"
                         + (f" (one of {', '.join(works)})" if works else ""))


def _work(story, r, character=None):
    """Return the stored work a reading names (its own or its story time's), else
    the one it means (``_home_work``)."""
    typed = r.work or (r.when.work if r.when else None)
    if typed:
        return _resolve(typed, story.works(), "work")
    return _home_work(story, str(r.when) if r.when else r.question, character)


def _position(story, r, character=None):
    """Return the Position a reading's story time names, its work as stored; "the
    finale" with no season is the last season's, as the claims show it."""
    when = r.when
    work = _work(story, r, character)
    season = when.season
    if season is None and isinstance(when.episode, int):
        raise StoryTimeError(f"{when.text!r} names no season; say which, e.g. "
                             f"'season 1 {when.text}'")
    if season is None:
        seasons = story.seasons(work)
        if not seasons:
            raise StoryTimeError(f"{when.text!r} names no season, and no claim gives {work}"
                                 " a season; say which, e.g. 'season 1 finale'")
        season = seasons[-1]
    return Position(work, season, when.episode)


def _end_of(story, work):
    """Return the last point of a work the claims show: its last season's finale."""
    seasons = story.seasons(work)
    return Position(work, seasons[-1], "finale") if seasons else Position(work)


def _where(story, sourced):
    position = story.position_of(sourced)
    return f"in {position}" if position else "at no stated story time"


def _seasons_label(seasons):
    if not seasons:
        return "(seasons not said)"
    if len(seasons) > 1 and list(seasons) == list(range(seasons[0], seasons[-1] + 1)):
        return f"S{seasons[0]}-S{seasons[-1]}"
    return ", ".join(f"S{s}" for s in seasons)


def _mode_phrase(mode):
    """Return how a character is present, as words: "in body", "as a ghost"."""
    if mode is None:
        return "in a form not said"
    if mode == "physical":
        return "in body"
    return "as " + ("an " if mode[0] in "aeiou" else "a ") + mode


def _event_phrase(story, sourced):
    """Return an event as a phrase: "death in Brackwater S1 finale (by Ada Marlowe)"."""
    claim = sourced.claim
    extra = [f"by {claim.agent}" if claim.agent else "",
             f"cause: {claim.cause}" if claim.cause else "",
             _mode_phrase(claim.mode) if claim.mode and claim.mode != "physical" else ""]
    extra = ", ".join(part for part in extra if part)
    return f"{claim.event} {_where(story, sourced)}" + (f" ({extra})" if extra else "")


def _comeback(story, sourced):
    """Return a return or resurrection as words: "as a ghost in Brackwater S2 (a return)"."""
    claim = sourced.claim
    by = f" by {claim.agent}" if claim.agent else ""
    return f"{_mode_phrase(claim.mode)} {_where(story, sourced)} (a {claim.event}{by})"


# --- the handlers: each returns (text, sources) ------------------------------------

def _alive(story, r):
    name = _character(story, r.character)
    at = _position(story, r, name) if r.when else _end_of(story, _work(story, r, name))
    status = status_at(story, name, at)
    return status.sentence(), list(status.evidence)


def _happened(story, r):
    name = _character(story, r.character)
    events = story.events(name)
    done = sorted((s for s in story.of_kind("event")
                   if fold_name(s.claim.agent) == fold_name(name)), key=story.story_key)
    deeds = (f" What {name} does: " + "; ".join(_deed_phrase(story, s) for s in done)
             + ".") if done else ""
    if not events:
        return f"Nothing in the store happens to {name}.{deeds}", done
    return (f"What happens to {name}, in story order: "
            + "; ".join(_event_phrase(story, s) for s in events) + "." + deeds), \
        [*events, *done]


def _deed_phrase(story, sourced):
    """Return an event a character causes as words: "death of Silas Crane in ..."."""
    return f"{sourced.claim.event} of {sourced.claim.character} {_where(story, sourced)}"


def _comes_back(story, r):
    name = _character(story, r.character)
    found = [s for s in story.events(name) if s.claim.event in ("resurrection", "return")]
    if not found:
        return f"Nothing in the store says {name} comes back.", []
    return f"{name} comes back " + "; then ".join(_comeback(story, s) for s in found) + ".", found


def _plays(story, r):
    name = _character(story, r.character)
    rows = who_plays(story, name)
    if r.when or r.work:
        at = _position(story, r, name) if r.when else Position(_work(story, r, name))
        # A portrayal with no stated work is the best the store has for a work.
        rows = [row for row in rows if row.work == at.work] or \
            [row for row in rows if row.work is None]
        if at.season is not None:
            # A portrayal with no stated seasons is the best the store has for a season.
            rows = [row for row in rows if row.season == at.season] or \
                [row for row in rows if row.season is None]
    if not rows:
        where = f" in {r.when or r.work}" if r.when or r.work else ""
        return f"Nothing in the store says who plays {name}{where}.", []
    spans = []
    for row in rows:
        last = spans[-1] if spans else None
        if last and last[0] == (row.work, row.actors) and not row.recast \
                and row.season is not None and last[1][-1] is not None:
            last[1].append(row.season)
        else:
            spans.append(((row.work, row.actors), [row.season], row.recast))
    parts = [f"{' and '.join(actors)} in {work or 'an unnamed work'} "
             f"{_seasons_label([s for s in seasons if s is not None])}"
             + (" (a recast)" if recast else "")
             for (work, actors), seasons, recast in spans]
    return (f"{name} is played by " + "; ".join(parts) + ".",
            _unique(s for row in rows for s in row.sources))


def _played(story, r):
    actor = _resolve(r.actor, story.actors(), "actor")
    rows = roles(story, actor)
    parts = [f"{row.character} in {row.work or 'an unnamed work'} {_seasons_label(row.seasons)}"
             for row in rows]
    return (f"{actor} plays " + "; ".join(parts) + ".",
            _unique(s for row in rows for s in row.sources))


def _deaths(story, name):
    return [s for s in story.events(name) if s.claim.event == "death"]


def _died_when(story, r):
    name = _character(story, r.character)
    deaths = _deaths(story, name)
    if not deaths:
        return f"Nothing in the store says {name} dies.", []
    places = _unique(_where(story, s) for s in deaths)
    return f"{name} dies " + "; and again ".join(places) + ".", deaths


def _killer(story, r):
    name = _character(story, r.character)
    deaths = _deaths(story, name)
    if not deaths:
        return f"Nothing in the store says {name} dies.", []
    parts = [f"{s.claim.agent} kills {name} {_where(story, s)}" if s.claim.agent
             else f"{name} dies {_where(story, s)}, and the store names no killer"
             for s in deaths]
    return "; ".join(_unique(parts)) + ".", deaths


def _died_in(story, r):
    at = _position(story, r) if r.when else Position(_work(story, r))
    deaths = [s for s in story.of_kind("event") if s.claim.event == "death"
              and s.claim.work == at.work and at.season in (None, s.claim.season)]
    if at.episode is not None:
        point = story.chronology.resolve(at)
        deaths = [s for s in deaths if story.chronology.compare(story.position_of(s), point) == 0]
    deaths.sort(key=lambda s: (story.story_key(s), s.claim.character))
    label = str(at if at.episode is not None else Position(at.work, at.season))
    if not deaths:
        return f"No character dies in {label}, as far as the store says.", []
    names = _unique(s.claim.character for s in deaths)
    places = {n: _unique(str(story.position_of(s)) for s in deaths if s.claim.character == n)
              for n in names}
    listed = ", ".join(f"{n} ({', '.join(places[n])})" for n in names)
    count = "1 character dies" if len(names) == 1 else f"{len(names)} characters die"
    return f"{count} in {label}: {listed}.", deaths


def _back_from_dead(story, r):
    lines, sources = [], []
    for name in story.characters():
        events = story.events(name)
        death = next((s for s in events if s.claim.event == "death"), None)
        if death is None:
            continue
        later = events[events.index(death) + 1:]
        back = next((s for s in later if s.claim.event in ("return", "resurrection")
                     and story.position_of(s) is not None), None)
        if back is not None:
            lines.append(f"{name} dies {_where(story, death)}"
                         f" and comes back {_comeback(story, back)}")
            sources += [death, back]
    if not lines:
        return "No dead character comes back, as far as the store says.", []
    count = f"{len(lines)} dead character" + (" comes" if len(lines) == 1 else "s come")
    return f"{count} back: " + "; ".join(lines) + ".", sources


def _crew(story, r):
    work = _work(story, r)
    credits = [s for s in story.of_kind("crew") if s.claim.work
               and fold_name(s.claim.work) == fold_name(work)]
    wanted = [s for s in credits if r.role in (None, s.claim.role)]
    if not wanted:
        known = f"; the store names its {_credits(credits)}" if credits else ""
        what = f"a {r.role}" if r.role else "anyone"
        return f"Nothing in the store names {what} of {work}{known}.", credits
    return f"{work}: {_credits(wanted)}.", wanted


def _credits(claims):
    """Return crew credits as words, role by role: "creator Ann Marsh; writer ..."."""
    by_role = {}
    for sourced in claims:
        by_role.setdefault(sourced.claim.role, []).append(sourced.claim.person)
    return "; ".join(f"{role} {' and '.join(_unique(people))}"
                     for role, people in sorted(by_role.items()))


def _appears(story, r):
    name = _character(story, r.character)
    only = _resolve(r.work, story.works(), "work") if r.work else None
    seasons, episodes, sources = {}, {}, []
    for sourced in story.about(name):
        claim = sourced.claim
        work = getattr(claim, "work", None)
        if not work or only and work != only:
            continue
        shown = set(getattr(claim, "seasons", ()) or ())
        if getattr(claim, "season", None):
            shown.add(claim.season)
        position = story.position_of(sourced)
        if position is not None and position.episode is not None:
            episodes.setdefault(work, []).append(str(position).removeprefix(f"{work} "))
        seasons.setdefault(work, set()).update(shown)
        sources.append(sourced)
    if not sources:
        return f"Nothing in the store says where {name} appears.", []
    parts = [f"{work} {_seasons_label(sorted(found))}"
             + (f" (episodes named: {', '.join(_unique(episodes[work]))})"
                if episodes.get(work) else "")
             for work, found in sorted(seasons.items())]
    text = f"{name} is in " + "; ".join(parts) + "."
    if r.when and r.when.season is not None:
        work = _work(story, r, name)
        inside = r.when.season in seasons.get(work, ())
        text = ("Yes. " if inside else f"Nothing in the store puts {name} in "
                f"{Position(work, r.when.season)}. ") + text
    return text, sources


def _continuity(story, r, checks):
    work = _resolve(r.work, story.works(), "work") if r.work else None
    findings = checks(work)
    scope = f" in {work}" if work else ""
    if not findings:
        return f"Nothing breaks continuity{scope}, as far as the checks see.", []
    count = f"{len(findings)} continuity problem{'s' if len(findings) != 1 else ''}"
    return (f"{count}{scope}: " + "; ".join(f.message for f in findings) + ".",
            _unique(s for f in findings for s in f.claims))


def _conflicts(story, r, checks):
    name = _character(story, r.character) if r.character else None
    work = _resolve(r.work, story.works(), "work") if r.work else None
    found = run_checks(story, work=work) if name else checks(work)
    found = [f for f in found if f.rule == "source-conflict" and (name is None or any(
        fold_name(getattr(s.claim, "character", None)) == fold_name(name) for s in f.claims))]
    scope = f" about {name}" if name else f" in {work}" if work else ""
    if not found:
        return f"No two sources disagree{scope}, as far as the checks see.", []
    count = f"{len(found)} conflict{'s' if len(found) != 1 else ''} between sources"
    return (f"{count}{scope}: " + "; ".join(f.message for f in found) + ".",
            _unique(s for f in found for s in f.claims))


HANDLERS = {"alive": _alive, "happened": _happened, "comes-back": _comes_back,
            "plays": _plays, "played": _played, "died-when": _died_when, "killer": _killer,
            "died-in": _died_in, "back-from-dead": _back_from_dead, "crew": _crew,
            "appears": _appears, "continuity": _continuity, "conflicts": _conflicts}
# The intents whose handler takes the continuity findings.
CHECKING = ("continuity", "conflicts")


def _clean(question):
    """Return the question as one line without its end mark, "?" or "." or "!"."""
    return " ".join(question.split()).rstrip("?.! ")


def _unreadable(question, reading, lexicon):
    """Return the Answer to a question no intent fits: the closest intents, filled
    with the names it gives (or names the store holds)."""
    names = names_given(reading, lexicon)
    suggestions = suggest(question, names) if names else []
    if not names or len(suggestions) < 2:
        suggestions = _unique([*suggestions, *suggest(question, lexicon.samples())])
    suggestions = suggestions[:SUGGESTIONS]
    text = (f"I cannot read {question!r} as a question I know. Did you mean: "
            + " / ".join(suggestions))
    return Answer(question, text, None, suggestions=suggestions)


def _missing(reading, lexicon):
    """Return the Answer to a question whose intent needs a name it does not give."""
    kind = NEEDS[reading.intent]
    suggestions = suggest(reading.question, lexicon.samples(), (reading.intent,))
    text = (f"Which {kind}? Name one, as in " + " / ".join(suggestions) + "."
            if suggestions else f"Which {kind}? The store holds none yet.")
    return Answer(reading.question, text, reading.intent, suggestions=suggestions)


def answer(story, question):
    """Return the Answer to a plain English question about a Story.

    A question no intent fits gets an Answer with form None and the closest
    questions as suggestions; a name or story time the store cannot place gets the
    error's message as its text. Raises nothing of canon's own.
    """
    return read_answer(question, lambda intent, reading: story,
                       lambda work: run_checks(story, work=work), StoryNames(story))


def read_answer(question, story_for, checks, lexicon):
    """Return the Answer to a plain English question, as ``answer`` does: read with
    ``lexicon`` (``fits``, ``closest`` and ``samples``: [(kind, name)] to suggest),
    the Story each intent needs from ``story_for(intent, reading)`` and the
    continuity findings from ``checks(work name or None)``."""
    cleaned = _clean(question)
    if not cleaned:
        return _unreadable(cleaned, read_question("", lexicon), lexicon)
    reading = read_question(cleaned, lexicon)
    if reading.intent is None:
        return _unreadable(cleaned, reading, lexicon)
    if reading.intent in NEEDS and getattr(reading, NEEDS[reading.intent]) is None:
        return _missing(reading, lexicon)
    try:
        story = story_for(reading.intent, reading)
        more = (checks,) if reading.intent in CHECKING else ()
        text, sources = HANDLERS[reading.intent](story, reading, *more)
    except UnknownEntityError as error:
        return Answer(question, str(error), reading.intent,
                      suggestions=closer(reading, lexicon))
    except CanonError as error:
        return Answer(question, str(error), reading.intent)
    return Answer(question, text[:1].upper() + text[1:], reading.intent, list(sources))
