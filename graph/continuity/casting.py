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

from graph.continuity.story import find_name, fold_name
from graph.errors import UnknownEntityError
from graph.model.storytime import Position, work_key


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


def seasons_label(seasons):
    """Return seasons as a short label, runs joined: "S1-S3", "S1, S4", "S1-S5, S10",
    or "" for none.

    >>> seasons_label([3, 1, 2]), seasons_label([1, 4]), seasons_label([5, 4, 10, 3])
    ('S1-S3', 'S1, S4', 'S3-S5, S10')
    """
    runs = []
    for season in sorted(set(seasons)):
        if runs and season == runs[-1][-1] + 1:
            runs[-1].append(season)
        else:
            runs.append([season])
    return ", ".join(f"S{run[0]}-S{run[-1]}" if len(run) > 1 else f"S{run[0]}" for run in runs)


# How a character is present that puts no actor on screen.
NOT_ON_SCREEN = frozenset({"mention"})


@dataclass(frozen=True)
class SeasonRole:
    """An actor playing ``character`` in ``season`` of a work. ``inferred`` when no
    portrayal gives that season and it is read from where the character appears
    (``appears``: those events and appearances); ``recast`` the character's chain
    of actors ("recast: A (S1-S2) -> B (S3)") when this season brings a new actor,
    else None. ``portrayals`` are the Sourced portrayals of the actor and character."""

    season: int
    character: str
    actor: str
    inferred: bool
    recast: str | None
    portrayals: tuple
    appears: tuple


@dataclass(frozen=True)
class SeasonCast:
    """A work's cast season by season: {season: [SeasonRole]} in season order, each
    season's roles by character then actor; the recast chains, one per character;
    and the CastMembers whose seasons neither a portrayal nor an appearance gives."""

    work: str
    seasons: dict
    recasts: tuple
    unplaced: tuple


def _appearances(story, work):
    """Return {folded character: {season: [Sourced]}}: the events and appearances of
    ``work`` placed in a season that put the character on screen (not a mention)."""
    found, mine = {}, work_key(work)
    for kind in ("event", "appearance"):
        for sourced in story.of_kind(kind):
            claim = sourced.claim
            if (claim.work and claim.season is not None and claim.mode not in NOT_ON_SCREEN
                    and (claim.work == work or work_key(claim.work) == mine)):
                found.setdefault(fold_name(claim.character), {}).setdefault(
                    claim.season, []).append(sourced)
    return found


def _chain(placed):
    """Return (label, arrivals) of a character from {actor: (seasons, inferred
    seasons)}: the recast label ("recast: A (S1-S2) -> B (S3)", actors by first
    season) and the (season, actor) pairs where an actor the season before lacked
    comes in; (None, set()) when no season brings one."""
    by_season = {}
    for actor, (seasons, _inferred) in placed.items():
        for season in seasons:
            by_season.setdefault(season, set()).add(actor)
    order = sorted(by_season)
    arrivals = {(now, actor) for before, now in zip(order, order[1:], strict=False)
                for actor in by_season[now] - by_season[before]}
    if not arrivals:
        return None, arrivals
    # Runs over the seasons the character has a cast in: Becky Conner's actors are
    # "A (S1-S5) -> B (S6) -> A (S10)", not A's seasons all at once.
    runs = []
    for at, season in enumerate(order):
        for actor in sorted(by_season[season]):
            run = next((r for r in runs if r[0] == actor and r[2] == at - 1), None)
            if run is None:
                runs.append([actor, [season], at])
            else:
                run[1].append(season)
                run[2] = at
    parts = []
    for actor, seasons, _last in sorted(runs, key=lambda r: (r[1][0], r[0])):
        inferred = placed[actor][1]
        note = ", inferred" if inferred & set(seasons) else ""
        parts.append(f"{actor} ({seasons_label(seasons)}{note})")
    return "recast: " + " -> ".join(parts), arrivals


def cast_by_season(story, work):
    """Return the SeasonCast of a work: each actor in the seasons their portrayals
    give; an actor whose portrayals give no season in the seasons where the
    character appears (an event or appearance placed there, a mention aside) that
    no other actor's portrayal gives, marked inferred; the rest unplaced.

    Raises UnknownEntityError for a work the story does not know.
    """
    name = find_name(work, story.works(), "work")
    roles, mine = {}, work_key(name)  # (folded character, actor) -> [character, seasons, sources]
    for sourced in story.of_kind("portrayal"):
        claim = sourced.claim
        if claim.work and (claim.work == name or work_key(claim.work) == mine):
            role = roles.setdefault((fold_name(claim.character), claim.actor),
                                    [claim.character, set(), []])
            role[1].update(claim.seasons)
            role[2].append(sourced)
    appears = _appearances(story, name)
    stated = {}
    for (fold, _actor), (_character, seasons, _sources) in roles.items():
        stated.setdefault(fold, set()).update(seasons)
    placed, unplaced = {}, []
    for (fold, actor), (character, seasons, sources) in roles.items():
        inferred = set() if seasons else set(appears.get(fold, {})) - stated.get(fold, set())
        if seasons or inferred:
            placed.setdefault(fold, {})[actor] = (seasons | inferred, inferred)
        else:
            unplaced.append(CastMember(actor, character, name, (), tuple(sources)))
    rows, recasts = {}, []
    for fold, actors in placed.items():
        label, arrivals = _chain(actors)
        if label:
            recasts.append((roles[(fold, next(iter(actors)))][0], label))
        for actor, (seasons, inferred) in actors.items():
            character, _seasons, sources = roles[(fold, actor)]
            sources, seen = tuple(sources), appears.get(fold, {})
            for season in seasons:
                new = label if (season, actor) in arrivals else None
                rows.setdefault(season, []).append(((fold, actor), SeasonRole(
                    season, character, actor, season in inferred, new, sources,
                    tuple(seen.get(season, ())) if season in inferred else ())))
    seasons = {season: [role for _key, role in sorted(rows[season], key=lambda r: r[0])]
               for season in sorted(rows)}
    return SeasonCast(name, seasons, tuple(sorted(recasts, key=lambda r: fold_name(r[0]))),
                      tuple(sorted(unplaced, key=lambda m: (fold_name(m.character), m.actor))))
