"""Who plays whom: a character's actors season by season, an actor's roles, a work's cast.

Every row carries the Sourced portrayals it was read from. A portrayal that names
no seasons stands for a season nobody stated: it gives a row of its own (season
None) rather than being spread over seasons it may not cover. A recast is read off
the seasons, not the words "recast": a season whose actors include one the
previous season of the same work did not have is a recast.

>>> from graph.model.facts import fact_from_json
>>> lines = [{"kind": "portrayal", "actor": a, "character": "Hale", "work": "Brackwater",
...           "seasons": s, "source": {"doc": "b.txt", "quote": "q"}}
...          for a, s in (("Owen Pryce", [1, 2]), ("Dev Okafor", [3]))]
>>> from graph.continuity.story import Story
>>> story = Story([fact_from_json(line) for line in lines])
>>> [(row.season, row.actors, row.recast) for row in who_plays(story, "Hale")]
[(1, ('Owen Pryce',), False), (2, ('Owen Pryce',), False), (3, ('Dev Okafor',), True)]
"""

from dataclasses import dataclass

from graph.continuity.story import find_name
from graph.errors import UnknownEntityError
from graph.model.storytime import Position


def _sources_json(sources):
    return [sourced.to_json() for sourced in sources]


@dataclass(frozen=True)
class Casting:
    """Who plays ``character`` in one season of a work (``season`` None: not said);
    ``recast`` is True when an actor is new since the work's previous season."""

    character: str
    work: str | None
    season: int | None
    actors: tuple
    recast: bool
    sources: tuple

    def to_json(self):
        """Return {"character", "work", "season", "actors", "recast", "sources"}."""
        return {"character": self.character, "work": self.work, "season": self.season,
                "actors": list(self.actors), "recast": self.recast,
                "sources": _sources_json(self.sources)}


@dataclass(frozen=True)
class Role:
    """A character an actor plays in a work, in ``seasons`` (empty: not said)."""

    actor: str
    character: str
    work: str | None
    seasons: tuple
    sources: tuple

    def to_json(self):
        """Return {"actor", "character", "work", "seasons", "sources"}."""
        return {"actor": self.actor, "character": self.character, "work": self.work,
                "seasons": list(self.seasons), "sources": _sources_json(self.sources)}


@dataclass(frozen=True)
class CastMember:
    """An actor and the character they play in a work, in ``seasons`` (empty: not said)."""

    actor: str
    character: str
    work: str
    seasons: tuple
    sources: tuple

    def to_json(self):
        """Return {"actor", "character", "work", "seasons", "sources"}."""
        return {"actor": self.actor, "character": self.character, "work": self.work,
                "seasons": list(self.seasons), "sources": _sources_json(self.sources)}


def _work_key(story, work):
    """Return a key that sorts works in story order, a missing work last."""
    if not work:
        return (1, ())
    return (0, story.chronology.sort_key(Position(work)))


def _season_key(season):
    # A season nobody stated sorts after the stated ones of its work.
    return (season is None, season or 0)


def who_plays(story, character):
    """Return the Casting rows of a character: one per (work, season) in story order,
    each with its actors (sorted) and the portrayals behind it.

    Raises UnknownEntityError for a character the story does not know.
    """
    name = find_name(character, story.characters())
    cells = {}
    for sourced in story.about(name):
        if sourced.kind != "portrayal":
            continue
        claim = sourced.claim
        for season in claim.seasons or (None,):
            actors, sources = cells.setdefault((claim.work, season), (set(), []))
            actors.add(claim.actor)
            sources.append(sourced)
    rows, before = [], {}
    for work, season in sorted(cells, key=lambda k: (_work_key(story, k[0]), _season_key(k[1]))):
        actors, sources = cells[(work, season)]
        previous = before.get(work)
        recast = season is not None and previous is not None and not actors <= previous
        if season is not None:
            before[work] = actors
        rows.append(Casting(name, work, season, tuple(sorted(actors)), recast, tuple(sources)))
    return rows


def _merge(portrayals, key):
    """Return {key(claim): (seasons, sources)} merging the portrayals that share a key."""
    merged = {}
    for sourced in portrayals:
        seasons, sources = merged.setdefault(key(sourced.claim), (set(), []))
        seasons.update(sourced.claim.seasons)
        sources.append(sourced)
    return merged


def roles(story, actor):
    """Return the Role rows of an actor: one per (character, work), works in story
    order, then by first season and character.

    Raises UnknownEntityError for an actor no portrayal names.
    """
    name = find_name(actor, story.actors(), "actor")
    mine = [s for s in story.of_kind("portrayal") if s.claim.actor == name]
    merged = _merge(mine, lambda claim: (claim.character, claim.work))
    rows = [Role(name, character, work, tuple(sorted(seasons)), tuple(sources))
            for (character, work), (seasons, sources) in merged.items()]
    return sorted(rows, key=lambda r: (_work_key(story, r.work),
                                       _season_key(r.seasons[0] if r.seasons else None),
                                       r.character))


def cast(story, work, season=None):
    """Return the CastMember rows of a work, by character then actor; with ``season``,
    only the portrayals that include it or name no seasons.

    Raises UnknownEntityError for a work the story does not know, or a season the
    story does not show the work to have.
    """
    name = find_name(work, story.works(), "work")
    if season is not None and not story.has_season(name, season):
        known = ", ".join(map(str, story.seasons(name))) or "none"
        raise UnknownEntityError(
            f"no season {season!r} of {name} in the store; its seasons are: {known}")
    mine = [s for s in story.of_kind("portrayal") if s.claim.work == name
            and (season is None or not s.claim.seasons or season in s.claim.seasons)]
    merged = _merge(mine, lambda claim: (claim.actor, claim.character))
    rows = [CastMember(actor, character, name, tuple(sorted(seasons)), tuple(sources))
            for (actor, character), (seasons, sources) in merged.items()]
    return sorted(rows, key=lambda r: (r.character, r.actor))
