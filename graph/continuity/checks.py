"""Continuity checks: what a franchise's claims say that cannot all be true, or that
a writer must still answer, each finding shown with the claims that raise it.

Every rule is a small function ``rule(story) -> list[Finding]`` registered in
``RULES`` under its id; ``run_checks`` runs them all. Rules read story order from
the Story's chronology and lean towards silence: two claims the chronology cannot
order (another work never placed, no story time) are never said to clash, and a
resurrection that might lie between a death and a later claim is taken to lie
there.

>>> import json
>>> from graph.continuity.story import Story
>>> from graph.model.facts import fact_from_json
>>> lines = [
...     {"kind": "event", "character": "Odo Marsh", "event": "death", "work": "Fenwick",
...      "season": 1, "episode": 4, "source": {"doc": "a.txt", "quote": "Odo dies"}},
...     {"kind": "appearance", "character": "Odo Marsh", "work": "Fenwick", "season": 2,
...      "mode": "physical", "source": {"doc": "a.txt", "quote": "Odo is back"}}]
>>> [f.rule for f in run_checks(Story([fact_from_json(obj) for obj in lines]))]
['dead-present']
"""

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from graph.continuity.story import fold_name
from graph.model.storytime import Position, work_key

# Most urgent first: an error breaks continuity, a question waits on the writer,
# an info needs nothing.
SEVERITIES = ("error", "warning", "question", "info")
# Events that need the character there in body, unless their mode says otherwise.
BODILY_EVENTS = frozenset({"injury", "departure", "death"})


@dataclass(frozen=True)
class Side:
    """One side of a conflict: what its claims say (``label``: a story time, a
    killer, an actor, an episode count) and the Sourced claims that say it."""

    label: str
    claims: tuple

    def to_json(self):
        """Return {"label", "claims": [Sourced.to_json(), ...]}."""
        return {"label": self.label, "claims": [sourced.to_json() for sourced in self.claims]}


@dataclass(frozen=True)
class Finding:
    """One continuity problem: the rule id, its severity, a one-line message naming
    the character, work and story times, and the Sourced claims that raise it; a
    conflict also gives its ``sides``, the claims grouped by what each says."""

    rule: str
    severity: str
    message: str
    claims: tuple
    sides: tuple = ()

    def to_json(self):
        """Return {"rule", "severity", "message", "claims": [Sourced.to_json(), ...],
        "sides": [Side.to_json(), ...]} (no sides: an empty list)."""
        return {"rule": self.rule, "severity": self.severity, "message": self.message,
                "claims": [sourced.to_json() for sourced in self.claims],
                "sides": [side.to_json() for side in self.sides]}


def _groups(pairs):
    """Return the claims that ``pairs`` (Sourced, Sourced) tie together, as lists of
    connected claims in the order they were first met: three articles disagreeing
    are one conflict, not three."""
    parent, first = {}, {}

    def root(key):
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in pairs:
        for sourced in (a, b):
            parent.setdefault(id(sourced), id(sourced))
            first.setdefault(id(sourced), sourced)
        parent[root(id(a))] = root(id(b))
    groups = defaultdict(list)
    for key, sourced in first.items():
        groups[root(key)].append(sourced)
    return list(groups.values())


def _sides(claims, label_of, order=None):
    """Return Sides of ``claims`` grouped by ``label_of(claim)``, ordered by
    ``order(side claims)`` when given, else as first met."""
    grouped = defaultdict(list)
    for sourced in claims:
        grouped[label_of(sourced)].append(sourced)
    sides = [Side(label, tuple(found)) for label, found in grouped.items()]
    return tuple(sorted(sides, key=lambda side: order(side.claims)) if order else sides)


def _side_docs(side):
    """Return the articles a side's claims were read in, each once, joined."""
    return ", ".join(dict.fromkeys(doc for sourced in side.claims for doc in sourced.docs))


def _listed(parts):
    """Return parts joined as a sentence lists them: "a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _claims_of(sides):
    return tuple(sourced for side in sides for sourced in side.claims)


def _docs(sourced):
    return ", ".join(sourced.docs)


def _apart(a, b):
    """Return True when no article gives both claims: an article that gives both
    contradicts itself, which is not a clash between sources."""
    return not set(a.docs) & set(b.docs)


def _same_work(a, b):
    return bool(a.claim.work and b.claim.work) and work_key(a.claim.work) == work_key(b.claim.work)


def _compare(story, a, b):
    """Return the chronology's order of two claims (-1, 0, 1), None when unordered."""
    pa, pb = story.position_of(a), story.position_of(b)
    if pa is None or pb is None:
        return None
    if _maybe_finale(pa, pb) or _maybe_finale(pb, pa):
        return 0
    return story.chronology.compare(pa, pb)


def _maybe_finale(a, b):
    """Return True when ``a`` is a finale whose episode number nobody gave and ``b`` a
    numbered episode of that season: "episode 13" may well be the finale."""
    return (a.episode == "finale" and isinstance(b.episode, int) and a.season == b.season
            and work_key(a.work) == work_key(b.work))


def _where(story, sourced):
    position = story.position_of(sourced)
    return str(position) if position else "an unplaced scene"


def _when(story, sourced):
    """Return a claim's resolved story time within its work ("S1E13"), or
    ``_where``'s text when it has no season."""
    position = story.position_of(sourced)
    if position is None or position.season is None:
        return _where(story, sourced)
    return str(Position(None, position.season, position.episode))


def _each_side(story, *claims):
    """Return a Side per claim of a finding about one character's life, labelled
    by what happens and when ("death in S1E6", "appearance in S2"): the claims
    that cannot both hold, shown side by side."""
    sides = []
    for sourced in claims:
        what = sourced.claim.event if sourced.kind == "event" else sourced.kind
        sides.append(Side(f"{what} in {_when(story, sourced)}", (sourced,)))
    return tuple(sides)


def _characters(story):
    """Return one spelling of each character the claims are about, by folded name."""
    names = {}
    for sourced in story.claims:
        name = getattr(sourced.claim, "character", None)
        if name:
            names.setdefault(fold_name(name), name)
    return list(names.values())


def _raised_between(story, resurrections, death, later):
    """Return True when a resurrection may lie between a death and a later claim:
    one not placed before the death nor after the later claim (unordered counts)."""
    return any(_compare(story, r, death) != -1 and _compare(story, r, later) != 1
               for r in resurrections)


def _dead_before(story, events, sourced):
    """Return the latest death placed wholly before a claim with no resurrection
    that may lie between, or None."""
    resurrections = [e for e in events if e.claim.event == "resurrection"]
    deaths = [e for e in events if e.claim.event == "death" and e is not sourced
              and _compare(story, e, sourced) == -1
              and not _raised_between(story, resurrections, e, sourced)]
    return deaths[-1] if deaths else None


def _bodily(claim):
    """Return True when a claim puts the character there in body."""
    if claim.kind == "appearance":
        return claim.mode == "physical"
    if claim.event == "return":
        return claim.mode == "physical"
    return claim.event in BODILY_EVENTS and claim.mode in (None, "physical")


def dead_present(story):
    """Return "dead-present" errors: a character there in body (a physical
    appearance or return, an injury, departure or second death with no other mode)
    after a death, with no resurrection that may lie between.

    Other modes (hallucination, flashback, dream, vision, ghost, voice, mention) are
    no presence of the body, and clone or alternate are another body; an appearance
    or return with no mode is left to ``return-without-mode``. A second death in the
    same work from other articles is a ``source-conflict`` instead.
    """
    findings = []
    for name in _characters(story):
        events = story.events(name)
        present = [s for s in story.about(name) if s.kind in ("event", "appearance")]
        for sourced in sorted(present, key=story.story_key):
            death = _dead_before(story, events, sourced) if _bodily(sourced.claim) else None
            if death is None or (sourced.kind == "event" and sourced.claim.event == "death"
                                 and _same_work(death, sourced) and _apart(death, sourced)):
                continue
            what = sourced.claim.event if sourced.kind == "event" else "appearance"
            findings.append(Finding(
                "dead-present", "error",
                f"{name} is present in body ({what}) in {_where(story, sourced)} after dying"
                f" in {_where(story, death)}, with no resurrection between",
                (death, sourced), _each_side(story, death, sourced)))
    return findings


def resurrection_without_death(story):
    """Return "resurrection-without-death" errors: a resurrection of a character
    whose every recorded death comes wholly after it.

    A character with no death claim at all raises nothing: the death may be told in
    an article not read. Deaths with no story time, or in a work the chronology does
    not order against the resurrection, count as before it.
    """
    findings = []
    for name in _characters(story):
        events = story.events(name)
        deaths = [e for e in events if e.claim.event == "death"]
        for sourced in events:
            if sourced.claim.event != "resurrection" or not deaths:
                continue
            if all(_compare(story, death, sourced) == 1 for death in deaths):
                findings.append(Finding(
                    "resurrection-without-death", "error",
                    f"{name} is resurrected in {_where(story, sourced)} but dies only later,"
                    f" in {_where(story, deaths[0])}",
                    (sourced, deaths[0]), _each_side(story, sourced, deaths[0])))
    return findings


def _seasons_text(seasons):
    return ", ".join(f"S{n}" for n in seasons)


def _recast_in(story, character, work, seasons):
    """Return the recast events of a character in a work placed in one of the seasons."""
    return [s for s in story.events(character) if s.claim.event == "recast"
            and s.claim.work and work_key(s.claim.work) == work_key(work)
            and s.claim.season in seasons]


def _role_key(claim):
    """Return (character, work) as names compare, for grouping one role's claims."""
    return fold_name(claim.character), work_key(claim.work)


def _actor_pairs(story):
    """Yield (a, b, shared seasons) for every two portrayals of one character in one
    work by different actors."""
    groups = defaultdict(list)  # pairs only within a group: all pairs are quadratic
    for sourced in story.of_kind("portrayal"):
        if sourced.claim.work:
            groups[_role_key(sourced.claim)].append(sourced)
    for portrayals in groups.values():
        for a, b in combinations(portrayals, 2):
            ca, cb = a.claim, b.claim
            if fold_name(ca.actor) != fold_name(cb.actor):
                yield a, b, sorted(set(ca.seasons) & set(cb.seasons))


def _actor_clashes(story):
    """Yield (a, b, shared seasons) for two actors of one character sharing a season
    that no recast event in those seasons explains."""
    for a, b, shared in _actor_pairs(story):
        if shared and not _recast_in(story, a.claim.character, a.claim.work, shared):
            yield a, b, shared


def two_actors_one_season(story):
    """Return "two-actors-one-season" errors: two actors of one character in one
    work sharing a season, both given by one article (from different articles the
    clash is a ``source-conflict``). A recast event in that season explains it."""
    return _actor_findings(story, "two-actors-one-season", apart=False)


def recast(story):
    """Return "recast" infos, one per character and work: different actors in
    disjoint seasons, actors sharing a season a recast event explains, or a recast
    event alone. The role passing on is no error."""
    groups = {}
    for a, b, shared in _actor_pairs(story):
        ca, cb = a.claim, b.claim
        if (ca.seasons and cb.seasons and not shared) or (
                shared and _recast_in(story, ca.character, ca.work, shared)):
            groups.setdefault((fold_name(ca.character), work_key(ca.work)), []).extend((a, b))
    for sourced in story.of_kind("event"):
        claim = sourced.claim
        if claim.event == "recast" and claim.work:
            groups.setdefault(_role_key(claim), []).append(sourced)
    findings = []
    for claims in groups.values():
        claims = tuple(dict.fromkeys(claims))
        first = claims[0].claim
        actors = [f"{s.claim.actor} ({_seasons_text(s.claim.seasons) or 'seasons not said'})"
                  for s in claims if s.kind == "portrayal"]
        cast = f": {', '.join(actors)}" if actors else ""
        findings.append(Finding("recast", "info",
                                f"{first.character} is recast in {first.work}{cast}", claims))
    return findings


def no_such_season(story):
    """Return "no-such-season" warnings: an event or appearance placed in a season
    above the highest that a season claim gives its work, or in an episode above the
    count a season claim gives its season. Works with no season claim raise nothing
    (their seasons are not known)."""
    highest, counts = {}, {}
    for sourced in story.of_kind("season"):
        key = work_key(sourced.claim.work)
        if key not in highest or sourced.claim.season > highest[key].claim.season:
            highest[key] = sourced
        if sourced.claim.episodes:
            counts.setdefault((key, sourced.claim.season), sourced)
    findings = []
    for sourced in story.claims:
        claim = sourced.claim
        if sourced.kind not in ("event", "appearance") or not claim.work or claim.season is None:
            continue
        what = claim.event if sourced.kind == "event" else "appearance"
        top = highest.get(work_key(claim.work))
        count = counts.get((work_key(claim.work), claim.season))
        episode = getattr(claim, "episode", None)
        if top is not None and claim.season > top.claim.season:
            findings.append(Finding(
                "no-such-season", "warning",
                f"{claim.character}'s {what} is placed in {_where(story, sourced)}, but"
                f" {top.claim.work} has seasons only up to S{top.claim.season}",
                (sourced, top)))
        elif count is not None and isinstance(episode, int) and episode > count.claim.episodes:
            findings.append(Finding(
                "no-such-season", "warning",
                f"{claim.character}'s {what} is placed in {_where(story, sourced)}, but"
                f" {count.claim.work} S{claim.season} has {count.claim.episodes} episodes",
                (sourced, count)))
    return findings


def _count_clashes(story):
    """Yield pairs of season claims from different articles that give one season two
    episode counts."""
    counted = defaultdict(list)
    for sourced in story.of_kind("season"):
        if sourced.claim.episodes:
            counted[(work_key(sourced.claim.work), sourced.claim.season)].append(sourced)
    for claims in counted.values():
        for a, b in combinations(claims, 2):
            if a.claim.episodes != b.claim.episodes and _apart(a, b):
                yield a, b


def _death_clash(story, a, b, resurrections):
    """Return how two deaths of one character from different articles clash:
    "position" (two ordered positions, no resurrection that may lie between),
    "agent" (one position, two killers), or None."""
    order = _compare(story, a, b)
    if order in (-1, 1):
        first, last = (a, b) if order == -1 else (b, a)
        return None if _raised_between(story, resurrections, first, last) else "position"
    agents = a.claim.agent, b.claim.agent
    if order == 0 and all(agents) and fold_name(agents[0]) != fold_name(agents[1]):
        return "agent"
    return None


def _death_positions(story, name, claims):
    """Return the "source-conflict" Finding of deaths of one character at several
    positions: a side per resolved position (S1E13 and the finale of a 13-episode
    season are one), in story order."""
    sides = _sides(claims, lambda s: _when(story, s),
                   lambda found: min(story.story_key(s) for s in found))
    message = f"{name} dies " + _listed([f"in {_where(story, side.claims[0])}"
                                          f" ({_side_docs(side)})" for side in sides])
    return Finding("source-conflict", "error", message, _claims_of(sides), sides)


def _death_agents(story, name, claims):
    """Return the "source-conflict" Finding of one death with several killers: a
    side per killer."""
    sides = _sides(claims, lambda s: s.claim.agent)
    message = (f"{name} is killed in {_where(story, claims[0])} "
               + _listed([f"by {side.label} ({_side_docs(side)})" for side in sides]))
    return Finding("source-conflict", "error", message, _claims_of(sides), sides)


def source_conflict(story):
    """Return "source-conflict" errors: claims from different articles (no article
    gives both) that cannot both hold, side by side. A death of one character at
    two positions of one work with no resurrection that may lie between; one death
    position with two agents; two actors of one character in one season of one work
    (unless a recast event there explains it); two episode counts of one season."""
    return character_conflicts(story) + season_conflicts(story)


def character_conflicts(story):
    """Return the "source-conflict" errors about characters: their deaths and the
    actors who play them (see ``source_conflict``), one per conflict: the claims
    that clash with one another, directly or through a third, make one finding."""
    findings = []
    for name in _characters(story):
        events = story.events(name)
        resurrections = [e for e in events if e.claim.event == "resurrection"]
        deaths = [e for e in events if e.claim.event == "death" and e.claim.work]
        clashes = {"position": [], "agent": []}
        for a, b in combinations(deaths, 2):
            if _same_work(a, b) and _apart(a, b):
                clash = _death_clash(story, a, b, resurrections)
                if clash:
                    clashes[clash].append((a, b))
        findings += [_death_positions(story, name, group)
                     for group in _groups(clashes["position"])]
        findings += [_death_agents(story, name, group) for group in _groups(clashes["agent"])]
    findings += _actor_findings(story, "source-conflict", apart=True)
    return findings


def _actor_findings(story, rule, apart):
    """Return one ``rule`` error per group of clashing portrayals of a role (two
    actors of one character sharing a season, no recast event there) whose pairs
    come from different articles (``apart``) or from one: a side per actor."""
    pairs = [(a, b, shared) for a, b, shared in _actor_clashes(story) if _apart(a, b) == apart]
    findings = []
    for group in _groups((a, b) for a, b, _shared in pairs):
        members = {id(sourced) for sourced in group}
        shared = sorted({season for a, b, seasons in pairs if id(a) in members
                         for season in seasons})
        sides = _sides(group, lambda s: s.claim.actor)
        claim = group[0].claim
        message = (f"{claim.character} is played "
                   + _listed([f"by {side.label}" for side in sides])
                   + f" in {claim.work} {_seasons_text(shared)}")
        if apart:
            message += ": " + ", ".join(f"{side.label} in {_side_docs(side)}" for side in sides)
        findings.append(Finding(rule, "error", message, _claims_of(sides), sides))
    return findings


def season_conflicts(story):
    """Return the "source-conflict" errors about seasons: articles giving one season
    different episode counts, one per season, a side per count."""
    findings = []
    for group in _groups(_count_clashes(story)):
        sides = _sides(group, lambda s: f"{s.claim.episodes} episodes")
        claim = group[0].claim
        counts = [f"{side.claims[0].claim.episodes}{' episodes' if at == 0 else ''} in"
                  f" {_side_docs(side)}" for at, side in enumerate(sides)]
        message = f"{claim.work} S{claim.season} has " + _listed(counts)
        findings.append(Finding("source-conflict", "error", message, _claims_of(sides), sides))
    return findings


def _anchors_text(anchors):
    return " and ".join(f"{side} {anchor}" for side, anchor in anchors.items())


def order_conflict(story):
    """Return "order-conflict" warnings about the story order of works: a placement
    the chronology refused (it would put a work inside itself, or after and before
    do not fit), and a placement that a later one from another article overruled,
    side by side with the one that holds. Later lines of one file overruling
    earlier ones (a [[place]] after the release order) are intended, not reported."""
    findings = [Finding("order-conflict", "warning",
                        f"{sourced.claim.work} cannot be placed as {_docs(sourced)} says: {reason}",
                        (sourced,))
                for sourced, reason in story.unplaceable]
    last = {}
    for sourced, work, anchors in story.placements:
        last[work_key(work)] = (sourced, work, anchors)
    for sourced, work, anchors in story.placements:
        winner, _work, kept = last[work_key(work)]
        if winner is not sourced and _apart(sourced, winner) and not story.holds(work, anchors):
            findings.append(Finding(
                "order-conflict", "warning",
                f"{_docs(sourced)} puts {work} {_anchors_text(anchors)}, but {_docs(winner)}"
                f" puts it {_anchors_text(kept)}, which is the order used",
                (sourced, winner)))
    return findings


def return_without_mode(story):
    """Return "return-without-mode" questions: a return with no mode after a death
    with no resurrection that may lie between, asking in which form the character
    comes back."""
    findings = []
    for name in _characters(story):
        events = story.events(name)
        for sourced in events:
            if sourced.claim.event != "return" or sourced.claim.mode:
                continue
            death = _dead_before(story, events, sourced)
            if death is not None:
                findings.append(Finding(
                    "return-without-mode", "question",
                    f"In which form does {name} return in {_where(story, sourced)} after dying"
                    f" in {_where(story, death)}: physical, hallucination, flashback, ghost...?",
                    (death, sourced), _each_side(story, death, sourced)))
    return findings


RULES = {
    "dead-present": dead_present,
    "resurrection-without-death": resurrection_without_death,
    "two-actors-one-season": two_actors_one_season,
    "recast": recast,
    "no-such-season": no_such_season,
    "source-conflict": source_conflict,
    "order-conflict": order_conflict,
    "return-without-mode": return_without_mode,
}


# The same rules split by what they read. A Story holding every claim whose character
# is one of some characters (with the claims that order story time) gives every
# finding about those characters; the frame's claims alone give the rest. A check of
# a whole store runs them so, a batch of characters at a time (continuity/sweep.py).
CHARACTER_RULES = (dead_present, resurrection_without_death, two_actors_one_season, recast,
                   no_such_season, character_conflicts, return_without_mode)
FRAME_RULES = (season_conflicts, order_conflict)


def _claim_key(story, sourced):
    """Return a story-order key for any claim; a portrayal sorts at its first season."""
    claim = sourced.claim
    if sourced.kind == "portrayal" and claim.work and claim.seasons:
        return (0, story.chronology.sort_key(Position(claim.work, claim.seasons[0])))
    return story.story_key(sourced)


def _of_work(finding, key):
    return any(work_key(getattr(s.claim, "work", None) or "") == key for s in finding.claims)


def run_checks(story, work=None):
    """Return the findings of every rule in ``RULES``, sorted by severity (error,
    warning, question, info) then by the story time of their latest claim.

    ``work`` keeps the findings with a claim of that work (any case, "The" or not).
    """
    return sorted_findings(story, [finding for rule in RULES.values() for finding in rule(story)],
                           work)


def sorted_findings(story, findings, work=None):
    """Return ``findings`` sorted as ``run_checks`` sorts them, by the story order
    of ``story``; ``work`` keeps those with a claim of that work."""
    if work is not None:
        findings = [f for f in findings if _of_work(f, work_key(work))]
    return sorted(findings, key=lambda f: (
        SEVERITIES.index(f.severity), max(_claim_key(story, s) for s in f.claims),
        f.rule, f.message))
