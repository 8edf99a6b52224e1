"""A character's timeline: what happens to them in story order, each step with the
claims and quotes behind it."""

from dataclasses import dataclass

from graph.continuity.story import find_name


@dataclass(frozen=True)
class Step:
    """One event or appearance of a timeline: ``at`` is its resolved Position, or
    None when the claims give no story time; ``sourced`` the claim with evidence."""

    at: object
    sourced: object

    def label(self):
        """Return a one-line description: "S1 finale  death (by Jessica Jones)"."""
        claim = self.sourced.claim
        what = claim.event if claim.kind == "event" else "appears"
        details = []
        if claim.mode:
            details.append(f"as {claim.mode}")
        if getattr(claim, "agent", None):
            details.append(f"by {claim.agent}")
        if getattr(claim, "cause", None):
            details.append(f"cause: {claim.cause}")
        text = f"{what} ({', '.join(details)})" if details else what
        return f"{self.at if self.at else 'story time unknown'}: {text}"

    def to_json(self):
        """Return {"at", ...claim fields, "sources"}."""
        return {"at": str(self.at) if self.at else None, **self.sourced.to_json()}


def timeline(story, character):
    """Return (the character's name as stored, its Steps in story order), steps with
    no story time last.
    Raises UnknownEntityError for a character the story does not know."""
    name = find_name(character, story.characters())
    found = [s for s in story.about(name) if s.kind in ("event", "appearance")]
    found.sort(key=lambda s: (story.story_key(s), s.evidence[0].doc, s.evidence[0].start))
    return name, [Step(story.position_of(s), s) for s in found]
