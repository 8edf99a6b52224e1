"""A character's state at a point of story time: alive, dead or unknown, how they are
present there, and the claims that say so.

The state folds the character's placed events up to and including the point, in
story order: a death makes them dead, a resurrection alive again, a return in body
(mode physical) alive, a return in any other form
(hallucination, flashback, dream, vision, ghost, voice, mention, and a clone or
an alternate version, which is another body) leaves them dead and present in
that form. A form of presence other than the body holds for the
season the return names, not for ever after. A claim with only a season spans
it and counts from the season's first episode. Events with no story time cannot
be placed and do not change the state; a character the store knows with no
placed event before the point is alive.
"""

from dataclasses import dataclass

from graph.continuity.story import claim_position, find_name
from graph.errors import UnknownEntityError
from graph.model.storytime import Position

BODILY = frozenset({"physical"})


@dataclass(frozen=True)
class Status:
    """``state`` is "alive", "dead" or "unknown"; ``presence`` a mode word or None;
    ``since`` the Sourced event that set the state (None when no event did) and
    ``since_at`` its resolved Position; ``evidence`` the Sourced events read, in
    story order."""

    character: str
    at: Position
    state: str
    presence: str | None
    since: object
    evidence: tuple
    since_at: Position | None = None

    def to_json(self):
        """Return {"character", "at", "state", "presence", "since", "evidence"}."""
        return {
            "character": self.character,
            "at": str(self.at),
            "state": self.state,
            "presence": self.presence,
            "since": self.since.to_json() if self.since else None,
            "evidence": [s.to_json() for s in self.evidence],
        }

    def sentence(self):
        """Return the status as one sentence: "Kilgrave is dead at Jessica Jones S2E1
        (present as a hallucination), since: death, Jessica Jones S1 finale"."""
        text = f"{self.character} is {self.state} at {self.at}"
        if self.presence and self.presence != "physical":
            text += f" (present as {_article(self.presence)})"
        if self.since is not None:
            claim = self.since.claim
            where = self.since_at or claim_position(claim)
            text += f", since the {claim.event}" + (f" in {where}" if where else "")
            if getattr(claim, "agent", None) and claim.event == "death":
                text += f" (by {claim.agent})"
        return text + "."


def _article(word):
    return ("an " if word[0] in "aeiou" else "a ") + word


def placed_before(story, sourced, at):
    """Return True when an event is placed at or before ``at`` (a season-long event
    from its first episode)."""
    position = story.position_of(sourced)
    if position is None or story.chronology.compare(position, at) is None:
        return False
    return story.chronology.sort_key(position) <= story.chronology.sort_key(at)


def _within(story, sourced, at):
    position = story.position_of(sourced)
    return position is not None and story.chronology.compare(position, at) == 0


def status_at(story, character, at):
    """Return the Status of a character at a point of story time (a Position or text
    such as "Jessica Jones S2E1"). Raises UnknownEntityError for a character the
    story does not know."""
    name = find_name(character, story.characters())
    at = story.point(at)
    read = [s for s in story.events(name) if placed_before(story, s, at)]
    state, presence, since = "alive", "physical", None
    for sourced in read:
        claim = sourced.claim
        if claim.event == "death":
            state, presence, since = "dead", None, sourced
        elif claim.event in ("resurrection", "birth"):
            state, presence, since = "alive", claim.mode or "physical", sourced
        elif claim.event == "return":
            mode = claim.mode
            if mode in BODILY or mode is None and state == "alive":
                state, presence, since = "alive", mode or "physical", sourced
            elif state == "dead":
                presence = mode if mode and _within(story, sourced, at) else None
        elif claim.event == "departure" and state == "alive":
            presence = None
    since_at = story.position_of(since) if since else None
    return Status(name, at, state, presence, since, tuple(read), since_at)


def state_or_unknown(story, character, at):
    """Return the state word of a character at a point, "unknown" when the story does
    not know the character."""
    try:
        return status_at(story, character, at).state
    except UnknownEntityError:
        return "unknown"
