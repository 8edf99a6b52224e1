"""Plain English questions about a franchise, answered from its claims with their sources.

No language model reads the question: ``FORMS`` is a table of question forms, each a
regular expression (case-insensitive, with or without "?" or "the") and a handler
that answers from a Story. A question that fits no form gets the list of forms and
the one it comes closest to; a name the store does not know gets the message that
says so, with the names it may have meant.

>>> from graph.continuity.story import Story
>>> answer(Story([]), "who is the best captain?").form is None
True
"""

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz import fuzz, process

from graph.continuity.casting import roles, who_plays
from graph.continuity.checks import run_checks
from graph.continuity.status import status_at
from graph.continuity.story import find_name
from graph.errors import CanonError, StoryTimeError, UnknownEntityError
from graph.model.storytime import Position, parse_position


@dataclass(frozen=True)
class Answer:
    """The answer to one question: ``text`` (a sentence or a few), the Sourced claims
    it rests on, and the id of the form it was read as (None when none fitted)."""

    question: str
    text: str
    form: str | None
    sources: list = field(default_factory=list)

    @property
    def docs(self):
        """Return the articles the answer rests on, each once, in order."""
        return list(dict.fromkeys(doc for s in self.sources for doc in s.docs))

    def to_json(self):
        """Return {"question", "form", "text", "docs", "sources"}."""
        return {"question": self.question, "form": self.form, "text": self.text,
                "docs": self.docs, "sources": [s.to_json() for s in self.sources]}


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


def _position(story, text, character=None):
    """Return the Position a question's story time names, its work as stored."""
    position = parse_position(text)
    work = _resolve(position.work, story.works(), "work") if position.work \
        else _home_work(story, text, character)
    return Position(work, position.season, position.episode)


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


def _unique(items):
    return list(dict.fromkeys(items))


# --- the handlers: each returns (text, sources) ------------------------------------

def _alive(story, m):
    name = _character(story, m["character"])
    status = status_at(story, name, _position(story, m["at"], name))
    return status.sentence(), list(status.evidence)


def _happened(story, m):
    name = _character(story, m["character"])
    events = story.events(name)
    if not events:
        return f"Nothing in the store happens to {name}.", []
    return (f"What happens to {name}, in story order: "
            + "; ".join(_event_phrase(story, s) for s in events) + "."), events


def _comes_back(story, m):
    name = _character(story, m["character"])
    found = [s for s in story.events(name) if s.claim.event in ("resurrection", "return")]
    if not found:
        return f"Nothing in the store says {name} comes back.", []
    return f"{name} comes back " + "; then ".join(_comeback(story, s) for s in found) + ".", found


def _plays(story, m):
    name = _character(story, m["character"])
    rows = who_plays(story, name)
    if m["when"]:
        at = _position(story, m["when"], name)
        rows = [r for r in rows if r.work == at.work]
        if at.season is not None:
            # A portrayal with no stated seasons is the best the store has for a season.
            rows = [r for r in rows if r.season == at.season] or \
                [r for r in rows if r.season is None]
    if not rows:
        where = f" in {m['when']}" if m["when"] else ""
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
            _unique(s for r in rows for s in r.sources))


def _played(story, m):
    actor = _resolve(m["actor"], story.actors(), "actor")
    rows = roles(story, actor)
    parts = [f"{r.character} in {r.work or 'an unnamed work'} {_seasons_label(r.seasons)}"
             for r in rows]
    return (f"{actor} plays " + "; ".join(parts) + ".",
            _unique(s for r in rows for s in r.sources))


def _deaths(story, name):
    return [s for s in story.events(name) if s.claim.event == "death"]


def _died_when(story, m):
    name = _character(story, m["character"])
    deaths = _deaths(story, name)
    if not deaths:
        return f"Nothing in the store says {name} dies.", []
    places = _unique(_where(story, s) for s in deaths)
    return f"{name} dies " + "; and again ".join(places) + ".", deaths


def _killer(story, m):
    name = _character(story, m["character"])
    deaths = _deaths(story, name)
    if not deaths:
        return f"Nothing in the store says {name} dies.", []
    parts = [f"{s.claim.agent} kills {name} {_where(story, s)}" if s.claim.agent
             else f"{name} dies {_where(story, s)}, and the store names no killer"
             for s in deaths]
    return "; ".join(_unique(parts)) + ".", deaths


def _died_in(story, m):
    at = _position(story, m["when"])
    deaths = [s for s in story.of_kind("event") if s.claim.event == "death"
              and s.claim.work == at.work and at.season in (None, s.claim.season)]
    deaths.sort(key=lambda s: (story.story_key(s), s.claim.character))
    label = str(Position(at.work, at.season))
    if not deaths:
        return f"No character dies in {label}, as far as the store says.", []
    names = _unique(s.claim.character for s in deaths)
    places = {n: _unique(str(story.position_of(s)) for s in deaths if s.claim.character == n)
              for n in names}
    listed = ", ".join(f"{n} ({', '.join(places[n])})" for n in names)
    count = f"{len(names)} character{'s' if len(names) != 1 else ''}"
    return f"{count} die in {label}: {listed}.", deaths


def _back_from_dead(story, m):
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
    count = f"{len(lines)} dead character{'s' if len(lines) != 1 else ''}"
    return f"{count} come back: " + "; ".join(lines) + ".", sources


def _continuity(story, m, checks):
    work = _resolve(m["work"], story.works(), "work") if m["work"] else None
    findings = checks(work)
    scope = f" in {work}" if work else ""
    if not findings:
        return f"Nothing breaks continuity{scope}, as far as the checks see.", []
    count = f"{len(findings)} continuity problem{'s' if len(findings) != 1 else ''}"
    return (f"{count}{scope}: " + "; ".join(f.message for f in findings) + ".",
            _unique(s for f in findings for s in f.claims))


# --- the table of forms --------------------------------------------------------------

class Form(NamedTuple):
    """A question form: its id, its pattern, the handler answering it, an example."""

    id: str
    pattern: re.Pattern
    handler: object
    example: str


_THE = r"(?:the\s+)?"
_NAME = r"(?P<character>.+?)"


def _form(form_id, pattern, handler, example):
    return Form(form_id, re.compile(rf"^{pattern}$", re.IGNORECASE), handler, example)


FORMS = [
    _form("alive", rf"(?:is|was)\s+{_NAME}\s+(?:still\s+)?(?:alive|dead)\s+(?:in|at|by|during)"
          rf"\s+(?P<at>.+)", _alive, "Is Kilgrave alive in Jessica Jones S2E1?"),
    _form("happened", rf"what\s+(?:happens|happened)\s+to\s+{_NAME}", _happened,
          "What happened to Kilgrave?"),
    _form("comes-back", rf"how\s+(?:does|did|do|will)\s+{_NAME}\s+(?:come|return)(?:\s+back)?",
          _comes_back, "How does Kilgrave come back?"),
    _form("plays", rf"who\s+(?:plays|played|portrays|portrayed|is\s+playing)\s+{_NAME}"
          r"(?:\s+in\s+(?P<when>.+))?", _plays, "Who plays Kilgrave in season 2?"),
    _form("played", r"(?:who|which\s+characters?|what\s+roles?)\s+(?:did|does)\s+(?P<actor>.+?)"
          r"\s+play", _played, "Who did David Tennant play?"),
    _form("died-when", rf"when\s+(?:did|does)\s+{_NAME}\s+die", _died_when,
          "When did Kilgrave die?"),
    _form("killer", rf"who\s+(?:killed|kills|murdered|murders)\s+{_NAME}", _killer,
          "Who killed Kilgrave?"),
    _form("died-in", r"(?:which|what)\s+characters?\s+(?:died|die|were\s+killed)\s+in\s+"
          r"(?P<when>.+)", _died_in, "Which characters died in Jessica Jones season 1?"),
    _form("back-from-dead", r"(?:which|what)\s+dead\s+characters?\s+(?:returns?|come\s+back)",
          _back_from_dead, "Which dead characters return?"),
    _form("continuity", rf"what\s+(?:breaks|broke)\s+{_THE}continuity(?:\s+(?:in|of)\s+"
          r"(?P<work>.+))?", _continuity, "What breaks continuity in Jessica Jones?"),
]

EXAMPLES = [form.example for form in FORMS]


def _clean(question):
    """Return the question as one line without its end mark, "?" or "." or "!"."""
    return " ".join(question.split()).rstrip("?.! ")


def _unreadable(question):
    """Return the Answer to a question no form fits: the forms, and the closest one."""
    closest = process.extractOne(question, EXAMPLES, scorer=fuzz.token_set_ratio)
    known = "; ".join(f'"{example}"' for example in EXAMPLES)
    text = (f"I cannot read {question!r} as a question I know. The closest form is "
            f'"{closest[0]}". I can answer: {known}.')
    return Answer(question, text, None)


def answer(story, question):
    """Return the Answer to a plain English question about a Story.

    A question that fits no form gets an Answer with form None listing the forms and
    naming the closest; a name or story time the store cannot place gets the error's
    message as its text. Raises nothing of canon's own.
    """
    return read_answer(question, lambda form, match: story,
                       lambda work: run_checks(story, work=work))


def read_answer(question, story_for, checks):
    """Return the Answer to a plain English question, as ``answer`` does, reading
    the Story each form needs with ``story_for(form id, match)`` and the continuity
    findings with ``checks(work name or None)``."""
    cleaned = _clean(question)
    for form in FORMS:
        match = form.pattern.match(cleaned)
        if match is None:
            continue
        try:
            story = story_for(form.id, match)
            more = (checks,) if form.id == "continuity" else ()
            text, sources = form.handler(story, match, *more)
        except CanonError as error:
            return Answer(question, str(error), form.id)
        return Answer(question, text[:1].upper() + text[1:], form.id, list(sources))
    return _unreadable(cleaned)
