"""Claims (what an article says) and facts (a claim plus the evidence for it).

A claim is a frozen value: two articles that say the same thing produce equal
claims, which the store keeps as one claim node with two pieces of evidence.
``Fact.to_json`` and ``fact_from_json`` are the JSON Lines contract of FACTS.md.

>>> fact = fact_from_json({"kind": "season", "work": "Jessica Jones", "season": 2,
...     "source": {"doc": "a.txt", "start": 0, "end": 8, "quote": "Season 2"}})
>>> fact.claim
Season(work='Jessica Jones', season=2, episodes=None)
>>> fact.to_json()["source"]["quote"]
'Season 2'
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import ClassVar

from graph.errors import FormatError, StoryTimeError
from graph.model.storytime import parse_position
from graph.model.words import CREW_ROLES, EPISODE_WORDS, EVENTS, MODES, RELATIONS


def _check_word(kind, name, value, allowed):
    if value is not None and value not in allowed:
        raise FormatError(
            f"{kind} {name} {value!r} is not a controlled word: use one of {', '.join(allowed)}"
        )


def _check_int(kind, name, value, allow_words=()):
    if value is None or value in allow_words:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        extra = f" or one of {', '.join(allow_words)}" if allow_words else ""
        raise FormatError(f"{kind} {name} {value!r} must be a whole number{extra}")


def _check_name(kind, name, value, required):
    if value is None:
        if required:
            article = "an" if name[0] in "aeiou" else "a"
            raise FormatError(f"{kind} needs {article} {name}")
        return
    if not isinstance(value, str) or not value.strip():
        raise FormatError(f"{kind} {name} {value!r} must be a non-empty string")


class Claim:
    """Common behaviour of the claim kinds: checking, naming, identity."""

    kind: ClassVar[str]
    required: ClassVar[tuple[str, ...]]
    names: ClassVar[tuple[str, ...]]

    def __post_init__(self):
        for name in self.names:
            _check_name(self.kind, name, getattr(self, name), name in self.required)

    def fields(self):
        """Return the claim's fields as a dict, in contract order (``with`` for ``with_``)."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name.rstrip("_")] = list(value) if isinstance(value, tuple) else value
        return out

    def key(self):
        """Return a stable hex digest of the kind and fields: the claim's identity."""
        text = json.dumps([self.kind, self.fields()], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]

    def entities(self):
        """Return (role, name) pairs for every entity the claim names."""
        return [(name, getattr(self, name)) for name in self.names if getattr(self, name)]


@dataclass(frozen=True)
class Portrayal(Claim):
    """An actor plays a character, in a work, in some seasons (empty: not said)."""

    actor: str
    character: str
    work: str | None = None
    seasons: tuple[int, ...] = ()
    kind: ClassVar[str] = "portrayal"
    required: ClassVar[tuple[str, ...]] = ("actor", "character")
    names: ClassVar[tuple[str, ...]] = ("actor", "character", "work")

    def __post_init__(self):
        super().__post_init__()
        object.__setattr__(self, "seasons", tuple(sorted(set(self.seasons or ()))))
        for season in self.seasons:
            _check_int(self.kind, "season", season)


@dataclass(frozen=True)
class Season(Claim):
    """A work has a season with this number, and this many episodes when said."""

    work: str
    season: int
    episodes: int | None = None
    kind: ClassVar[str] = "season"
    required: ClassVar[tuple[str, ...]] = ("work",)
    names: ClassVar[tuple[str, ...]] = ("work",)

    def __post_init__(self):
        super().__post_init__()
        if self.season is None:
            raise FormatError("season needs a season number")
        _check_int(self.kind, "season", self.season)
        _check_int(self.kind, "episodes", self.episodes)
        if self.episodes == 0:
            raise FormatError("season episodes must be at least 1")

    def fields(self):
        """Return the contract fields; ``episodes`` only when said, so that a season
        claim without a count keeps the identity and output it always had."""
        out = super().fields()
        if out["episodes"] is None:
            del out["episodes"]
        return out


@dataclass(frozen=True)
class Event(Claim):
    """Something happens to a character at a point of story time, in some mode."""

    character: str
    event: str
    work: str | None = None
    season: int | None = None
    episode: int | str | None = None
    mode: str | None = None
    agent: str | None = None
    cause: str | None = None
    kind: ClassVar[str] = "event"
    required: ClassVar[tuple[str, ...]] = ("character",)
    names: ClassVar[tuple[str, ...]] = ("character", "work", "agent", "cause")

    def __post_init__(self):
        super().__post_init__()
        if self.event is None:
            raise FormatError("event needs an event word")
        _check_word(self.kind, "event", self.event, EVENTS)
        _check_word(self.kind, "mode", self.mode, MODES)
        _check_int(self.kind, "season", self.season)
        _check_int(self.kind, "episode", self.episode, EPISODE_WORDS)

    def entities(self):
        """Return (role, name) pairs for every entity named; a cause is not an entity."""
        return [(role, name) for role, name in super().entities() if role != "cause"]


@dataclass(frozen=True)
class Appearance(Claim):
    """A character is present in a work (and season) in some mode."""

    character: str
    work: str | None = None
    season: int | None = None
    mode: str | None = None
    kind: ClassVar[str] = "appearance"
    required: ClassVar[tuple[str, ...]] = ("character",)
    names: ClassVar[tuple[str, ...]] = ("character", "work")

    def __post_init__(self):
        super().__post_init__()
        _check_word(self.kind, "mode", self.mode, MODES)
        _check_int(self.kind, "season", self.season)


@dataclass(frozen=True)
class Crew(Claim):
    """A person holds a crew role on a work."""

    person: str
    role: str
    work: str | None = None
    kind: ClassVar[str] = "crew"
    required: ClassVar[tuple[str, ...]] = ("person",)
    names: ClassVar[tuple[str, ...]] = ("person", "work")

    def __post_init__(self):
        super().__post_init__()
        if self.role is None:
            raise FormatError("crew needs a role")
        _check_word(self.kind, "role", self.role, CREW_ROLES)


@dataclass(frozen=True)
class Continuity(Claim):
    """A work stands in a continuity relation with another work or universe."""

    work: str
    relation: str
    with_: str
    kind: ClassVar[str] = "continuity"
    required: ClassVar[tuple[str, ...]] = ("work", "with_")
    names: ClassVar[tuple[str, ...]] = ("work", "with_")

    def __post_init__(self):
        super().__post_init__()
        if self.relation is None:
            raise FormatError("continuity needs a relation")
        _check_word(self.kind, "relation", self.relation, RELATIONS)


@dataclass(frozen=True)
class Placement(Claim):
    """A whole work sits after and/or before a work or a season of one in story time
    ("The Defenders" after "Jessica Jones S1"); anchors are story-time texts."""

    work: str
    after: str | None = None
    before: str | None = None
    kind: ClassVar[str] = "placement"
    required: ClassVar[tuple[str, ...]] = ("work",)
    names: ClassVar[tuple[str, ...]] = ("work",)

    def __post_init__(self):
        super().__post_init__()
        if self.after is None and self.before is None:
            raise FormatError("placement needs an after or a before")
        for name in ("after", "before"):
            value = getattr(self, name)
            _check_name(self.kind, name, value, required=False)
            if value is not None:
                try:
                    anchor = parse_position(value)
                except StoryTimeError as error:
                    raise FormatError(f"placement {name}: {error}") from None
                if anchor.work is None or anchor.episode is not None:
                    raise FormatError(f"placement {name} {value!r} must name a work,"
                                      " or a work and a season (\"Jessica Jones S1\")")


CLAIM_TYPES = {cls.kind: cls for cls in
               (Portrayal, Season, Event, Appearance, Crew, Continuity, Placement)}


@dataclass(frozen=True)
class Evidence:
    """Where a claim was read: the article, the character offsets, the quote, the rule."""

    doc: str
    start: int
    end: int
    quote: str
    rule: str | None = None
    confidence: float = 0.5

    def __post_init__(self):
        if not isinstance(self.start, int) or not isinstance(self.end, int):
            raise FormatError(f"source offsets must be whole numbers, not {self.start!r}")
        if not 0 <= self.start <= self.end:
            raise FormatError(f"source offsets {self.start}..{self.end} are not a span")
        if not 0.0 <= float(self.confidence) <= 1.0:
            raise FormatError(f"confidence {self.confidence!r} must lie between 0 and 1")


@dataclass(frozen=True)
class Fact:
    """A claim and one piece of evidence for it: one line of ``canon extract``."""

    claim: Claim
    evidence: Evidence = field(compare=True)

    @property
    def kind(self):
        """Return the claim's kind ("portrayal", "event", ...)."""
        return self.claim.kind

    def to_json(self):
        """Return the FACTS.md JSON object for this fact."""
        ev = self.evidence
        out = {"kind": self.kind, **self.claim.fields()}
        out["source"] = {"doc": ev.doc, "start": ev.start, "end": ev.end, "quote": ev.quote}
        out["confidence"] = round(float(ev.confidence), 3)
        if ev.rule:
            out["rule"] = ev.rule
        return out


def claim_from_json(obj):
    """Return the claim a FACTS JSON object describes.

    Raises FormatError for an unknown kind, a missing field or a word outside the
    controlled vocabulary.
    """
    if not isinstance(obj, dict):
        raise FormatError(f"a fact must be a JSON object, not {type(obj).__name__}")
    kind = obj.get("kind")
    cls = CLAIM_TYPES.get(kind)
    if cls is None:
        raise FormatError(f"unknown fact kind {kind!r}: use one of {', '.join(CLAIM_TYPES)}")
    values = {}
    for f in fields(cls):
        values[f.name] = obj.get(f.name.rstrip("_"))
    if cls is Portrayal:
        seasons = values["seasons"] or ()
        if not isinstance(seasons, list | tuple):
            raise FormatError(f"portrayal seasons {seasons!r} must be a list of numbers")
        values["seasons"] = tuple(seasons)
    try:
        return cls(**values)
    except TypeError as exc:
        raise FormatError(f"{kind}: {exc}") from None


def fact_from_json(obj, doc=None):
    """Return the Fact a FACTS JSON object describes; ``doc`` fills a missing source doc."""
    claim = claim_from_json(obj)
    source = obj.get("source") or {}
    if not isinstance(source, dict):
        raise FormatError("source must be an object with doc, start, end, quote")
    quote = source.get("quote") or ""
    evidence = Evidence(
        doc=source.get("doc") or obj.get("doc") or doc or "unknown",
        start=source.get("start", 0),
        end=source.get("end", source.get("start", 0) + len(quote)),
        quote=quote,
        rule=obj.get("rule"),
        confidence=obj.get("confidence", 1.0),
    )
    return Fact(claim, evidence)


@dataclass(frozen=True)
class Alias:
    """Another name an article gives one of its entities ("Ned" for Eddard Stark):
    the entity's ``kind`` (character, person) and ``name`` as its facts give it, the
    ``alias``, and the Evidence of where the article gives it. Not a claim: it is
    kept with the article (``schema:alternateName`` in its graph), never scored."""

    kind: str
    name: str
    alias: str
    evidence: Evidence


class ArticleFacts(list):
    """The facts of one article (a list of Fact), with the Aliases it gives their
    entities in ``aliases``."""

    def __init__(self, facts=(), aliases=()):
        super().__init__(facts)
        self.aliases = tuple(aliases)
