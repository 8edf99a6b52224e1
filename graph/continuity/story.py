"""A franchise's claims placed in story time: the ground every continuity question
stands on.

A ``Story`` is built from the facts the store returns (one fact per piece of
evidence); the same claim read in two articles becomes one ``Sourced`` claim with
two pieces of evidence. Story time comes from the claims themselves: season
claims, portrayals and events tell the chronology which seasons a work has; a
season claim with an episode count resolves "the season 1 finale" to its last
episode, and until one does the finale stays after every numbered episode of its
season. Works order against each other by placements (a franchise file) and by
the sequel and prequel links articles give; works never placed stay unordered. A
claim with only a season spans that season; a claim with no story time is
unplaced and orders after everything.

The spoiler cut (``until``) hides every claim that comes wholly after the cut:
events and appearances after it, portrayals and seasons of later seasons of the
cut's work. Claims that the chronology cannot order against the cut (another
work, not placed) stay, since nothing says they come later.
"""

from collections import Counter, defaultdict
from contextlib import suppress
from dataclasses import dataclass, replace

from graph.continuity.names import Names, choose, closest, ranked
from graph.errors import StoryTimeError, UnknownEntityError
from graph.model.chronology import Chronology
from graph.model.facts import Appearance, Continuity, Event, Placement, Portrayal, Season
from graph.model.storytime import Position, parse_position, work_key

# Which side of its target a continuity link puts a work in story time.
LINK_SIDE = {"sequel_of": "after", "prequel_of": "before"}


@dataclass(frozen=True)
class Sourced:
    """A claim with every piece of evidence for it (``graph.model.facts.Evidence``),
    in article order."""

    claim: object
    evidence: tuple

    @property
    def kind(self):
        """Return the claim's kind ("event", "portrayal", ...)."""
        return self.claim.kind

    @property
    def docs(self):
        """Return the articles the claim was read in, each once, in order."""
        return tuple(dict.fromkeys(ev.doc for ev in self.evidence))

    def sources_json(self):
        """Return the evidence as JSON objects: doc, start, end, quote, rule, confidence."""
        return [{"doc": ev.doc, "start": ev.start, "end": ev.end, "quote": ev.quote,
                 "rule": ev.rule, "confidence": round(float(ev.confidence), 3)}
                for ev in self.evidence]

    def to_json(self):
        """Return the claim's FACTS fields plus its "sources"."""
        return {"kind": self.kind, **self.claim.fields(), "sources": self.sources_json()}


def group_facts(facts):
    """Return the Sourced claims of some facts: one per distinct claim, in the order
    the claims are first met."""
    evidence = defaultdict(list)
    for fact in facts:
        evidence[fact.claim].append(fact.evidence)
    return [Sourced(claim, tuple(sorted(evs, key=lambda e: (e.doc, e.start))))
            for claim, evs in evidence.items()]


def claim_position(claim):
    """Return the Position an event or appearance names, or None when it names no
    work (a season alone belongs to no known work)."""
    if not isinstance(claim, Event | Appearance) or not claim.work:
        return None
    season = claim.season
    episode = getattr(claim, "episode", None) if season is not None else None
    return Position(claim.work, season, episode)


def fold_name(name):
    """Return the key names compare by: case-folded, spaces single (None stays None)."""
    return " ".join(name.casefold().split()) if isinstance(name, str) else None


class Story:
    """The Sourced claims of a franchise, their chronology, and an optional cut.

    ``facts`` are ``graph.model.facts.Fact`` objects; ``until`` a Position or a
    story-time text ("Jessica Jones S2E3"); ``works`` names of works that claims
    outside ``facts`` name, so that links between them still order, and
    ``seasons`` {work: season numbers} the seasons such claims show. ``aliases``
    {kind: {name: other names}} are the aliases the store holds for names of the
    claims (character, person, work) and ``chosen`` {kind: {typed: name}} the names
    a reading of the store already resolved typed ones to: names are looked up with
    both (``graph.continuity.names``).
    """

    def __init__(self, facts, until=None, works=(), seasons=None, aliases=None, chosen=None):
        self.aliases = aliases or {}
        self.chosen = chosen or {}
        self._said = self._works = self._actors = None
        everything = group_facts(facts)
        self.chronology = Chronology()
        for sourced in everything:
            self._learn(sourced.claim)
        # What other claims of the store show, given when ``facts`` are only part of it.
        for work in works:
            self.chronology.add_work(work)
        for work, numbers in (seasons or {}).items():
            for season in numbers:
                self.chronology.add_season(work, season)
        self.placements, self.unplaceable = self._order_works(everything)
        self.until = self._resolve_cut(until)
        self.claims = [s for s in (self._cut(s) for s in everything) if s is not None]
        # Indexes built once: a check asks about every character, and a scan of
        # every claim per character would make checks quadratic.
        self._by_kind = defaultdict(list)
        self._by_character = defaultdict(list)
        said = {"character": Counter(), "person": Counter(), "work": Counter()}
        for sourced in self.claims:
            self._by_kind[sourced.kind].append(sourced)
            character = getattr(sourced.claim, "character", None)
            if character:
                self._by_character[fold_name(character)].append(sourced)
            said["character"].update({value for value in (
                character, getattr(sourced.claim, "agent", None)) if value})
            if sourced.kind == "portrayal":
                said["person"][sourced.claim.actor] += 1
            if getattr(sourced.claim, "work", None):
                said["work"][sourced.claim.work] += 1
        self._said = said
        self._characters = self._names("character", said["character"])
        self._events = {}

    def _names(self, kind, names):
        """Return Names of ``kind``, sorted, with their aliases, the claims about each
        and the names already chosen for typed ones."""
        aliases = self.aliases.get(kind, {})
        # Until the claims are cut and counted (the cut itself names a work), no weights.
        return Names(sorted(names), aliases={n: aliases[n] for n in names if n in aliases},
                     weight=self._said[kind] if self._said else {},
                     chosen=self.chosen.get(kind))

    def _learn(self, claim):
        """Tell the chronology the works, seasons and episode counts a claim shows."""
        if getattr(claim, "work", None):
            self.chronology.add_work(claim.work)
        if isinstance(claim, Season):
            self.chronology.add_season(claim.work, claim.season)
            if claim.episodes:
                # A second, different count is a clash the checks report; the first stays.
                with suppress(StoryTimeError):
                    self.chronology.add_season(claim.work, claim.season, claim.episodes)
        elif isinstance(claim, Portrayal) and claim.work:
            for season in claim.seasons:
                self.chronology.add_season(claim.work, season)
        position = claim_position(claim)
        if position is not None and position.season is not None:
            # No episode count: the highest episode an article names is not the
            # season's last, and "finale" must stay after every numbered episode.
            self.chronology.add_season(position.work, position.season)

    def _order_works(self, everything):
        """Place works against each other and return (placements, unplaceable).

        Sequel and prequel links read in articles go first, then placements in the
        order of their files, so that a franchise file has the last word and its
        later lines overrule earlier ones. ``placements`` holds (Sourced, work,
        {"after"/"before": Position}) as applied; ``unplaceable`` (Sourced, reason)
        for those the chronology refused.
        """
        known = {work_key(work) for work in self.chronology.works()}
        moves = []
        for sourced in everything:
            claim = sourced.claim
            if (isinstance(claim, Continuity) and claim.relation in LINK_SIDE
                    and work_key(claim.with_) in known and work_key(claim.work) in known):
                anchor = {LINK_SIDE[claim.relation]: Position(claim.with_)}
                moves.append((sourced, claim.work, anchor))
        placed = sorted((s for s in everything if isinstance(s.claim, Placement)),
                        key=lambda s: (s.evidence[0].doc, s.evidence[0].start))
        for sourced in placed:
            anchors = {side: parse_position(getattr(sourced.claim, side))
                       for side in ("after", "before") if getattr(sourced.claim, side)}
            moves.append((sourced, sourced.claim.work, anchors))
        applied, refused = [], []
        for sourced, work, anchors in moves:
            try:
                self.chronology.place(work, **anchors)
            except StoryTimeError as error:
                refused.append((sourced, str(error)))
            else:
                applied.append((sourced, work, anchors))
        return applied, refused

    def holds(self, work, anchors):
        """Return True when the story order has ``work`` after its "after" anchor and
        before its "before" anchor (Positions)."""
        want = {"after": 1, "before": -1}
        return all(self.chronology.compare(Position(work), anchor) == want[side]
                   for side, anchor in anchors.items())

    def _resolve_cut(self, until):
        return None if until is None else self.point(until)

    def point(self, text):
        """Return the resolved Position a story-time text (or Position) names, its work
        spelt as the claims spell it. Raises StoryTimeError for unreadable text and
        UnknownEntityError for a work no claim names."""
        position = parse_position(text) if isinstance(text, str) else text
        if position.work is None:
            raise UnknownEntityError(f"story time {str(position)!r} names no work; "
                                     f"say which, as in \"{self._example()} S1E1\"")
        work = find_name(position.work, self.works(), "work")
        return self.chronology.resolve(replace(position, work=work))

    def _example(self):
        works = self.works()
        return works[0] if works else "Jessica Jones"

    def after_cut(self, position):
        """Return True when a position comes wholly after the spoiler cut."""
        if self.until is None or position is None:
            return False
        return self.chronology.compare(self.chronology.resolve(position), self.until) == 1

    def _cut(self, sourced):
        """Return the claim as the cut leaves it: None when it comes after, a portrayal
        without its later seasons."""
        claim = sourced.claim
        if self.until is None:
            return sourced
        if isinstance(claim, Season):
            return None if self.after_cut(Position(claim.work, claim.season)) else sourced
        if isinstance(claim, Portrayal) and claim.seasons and claim.work:
            kept = tuple(s for s in claim.seasons if not self.after_cut(Position(claim.work, s)))
            if not kept:
                return None
            return sourced if kept == claim.seasons else Sourced(
                replace(claim, seasons=kept), sourced.evidence)
        return None if self.after_cut(claim_position(claim)) else sourced

    def position_of(self, sourced):
        """Return the resolved Position of an event or appearance, or None."""
        position = claim_position(sourced.claim)
        return self.chronology.resolve(position) if position else None

    def story_key(self, sourced):
        """Return a key that sorts claims in story order, unplaced claims last."""
        position = self.position_of(sourced)
        if position is None:
            return (1, ())
        return (0, self.chronology.sort_key(position))

    def of_kind(self, kind):
        """Return the claims of one kind."""
        return list(self._by_kind.get(kind, ()))

    def characters(self):
        """Return every character name the claims give (as character or agent), sorted
        (Names: with aliases and claims counts, as ``find_name`` reads them)."""
        return self._characters

    def actors(self):
        """Return every actor name of the portrayals, sorted (Names)."""
        if self._actors is None:
            self._actors = self._names("person", {s.claim.actor for s in self.of_kind("portrayal")})
        return self._actors

    def works(self):
        """Return every work the claims name (before any cut), sorted (Names)."""
        if self._said is None:
            return self._names("work", set(self.chronology.works()))
        if self._works is None:
            self._works = self._names("work", set(self.chronology.works()))
        return self._works

    def about(self, character):
        """Return the claims whose character is ``character`` (any case)."""
        return list(self._by_character.get(fold_name(character), ()))

    def events(self, character):
        """Return a character's events in story order (unplaced last, by article)."""
        key = fold_name(character)
        if key not in self._events:
            found = [s for s in self._by_character.get(key, ()) if s.kind == "event"]
            self._events[key] = sorted(found, key=lambda s: (
                self.story_key(s), s.evidence[0].doc, s.evidence[0].start))
        return list(self._events[key])

    def has_season(self, work, season):
        """Return True when the claims show ``work`` to have ``season``."""
        return self.chronology.has_season(work, season)

    def seasons(self, work):
        """Return the season numbers the claims show for a work, sorted."""
        return sorted(self.chronology.seasons(work)) if work_key(work) else []


def find_name(name, known, what="character"):
    """Return the one name in ``known`` that ``name`` stands for (see
    ``graph.continuity.names``): the same name in any case, an alias, a first name,
    a surname, the name without titles or misspelt, the best fit taken when the store
    says clearly more about it or it fits clearly better. Raises UnknownEntityError
    naming the candidates of a near tie, or the closest names when none fits.

    >>> find_name("ned", Names(["Eddard Stark", "Ned Umber"], aliases={"Eddard Stark": ["Ned"]}))
    'Eddard Stark'
    """
    found = choose(name, known)
    if found is not None:
        return found.name
    fits = ranked(name, known)
    if fits:
        raise UnknownEntityError(tie_message(name, fits, what))
    raise UnknownEntityError(unknown_message(name, closest_names(name, known), what))


def name_fits(name, known):
    """Return the names in ``known`` that ``name`` may stand for, as ``find_name``
    reads it, best first: the one equal in any case when there is one, else those
    whose fit competes with the best (by claims, then fit)."""
    return [found.name for found in ranked(name, known)]


def closest_names(name, known, limit=3):
    """Return up to ``limit`` names of ``known`` that look most like ``name`` (edit
    distance on the whole name and on its first word), closest first."""
    return closest(name, known if isinstance(known, list) else list(known), limit)


def tie_message(name, fits, what):
    """Return the message for a name that several stored names fit about as well."""
    listed = ", ".join(f"{found.name} ({found.weight} claim{'s' * (found.weight != 1)})"
                       if found.weight else found.name for found in fits[:5])
    more = f" and {len(fits) - 5} more" if len(fits) > 5 else ""
    return f"{name!r} may be more than one {what}: {listed}{more}; type more of the name"


def unknown_message(name, near, what):
    """Return the message for a name the store does not know, naming ``near``."""
    if near:
        return f"no {what} named {name!r} in the store; did you mean {', '.join(near)}?"
    return f"no {what} named {name!r} in the store"


def store_aliases(store):
    """Return {kind: {name: aliases}} of the store's entities, as a Story takes them."""
    return {kind: store.aliases(kind) for kind in ("character", "person", "work")}


def load_story(store, until=None):
    """Return the Story of every fact in a store, with the aliases it holds, cut at
    ``until`` if given."""
    return Story(store.facts(), until=until, aliases=store_aliases(store))
