"""The x axis of a drawn timeline: story time as a row of slots in chronology order.

A slot is one point or span of story time that some mark needs: a season of a work
the drawing is about (every season the Story shows, up to the spoiler cut), an
episode where a claim is placed, a whole work with no seasons, and the cut itself.
Slots sort by ``Chronology.sort_key``, so a work placed between two seasons of
another (The Defenders between Jessica Jones S1 and S2) falls between them; works
that nothing orders against each other are set apart by a labelled gap. Claims with
no story time share one last slot, "time not said". Everything here is plain data
(numbers and strings): ``webviz.timeline_svg`` puts marks on it and the template
draws it.
"""

from dataclasses import dataclass

from graph.model.storytime import Position, work_key

# Widths in px: a season's own slot, an episode's, the space between works, the
# wider space between works nothing orders, and the left gutter for lane names.
SEASON_WIDTH = 64
EPISODE_WIDTH = 56
WORK_GAP = 14
UNORDERED_GAP = 40
GUTTER = 132
# The width in px a drawing of few slots is stretched to.
FILL = 1000
# Heights in px of the two header rows: work names, then season and episode ticks.
HEADER = 44
UNPLACED = "time not said"
# Wide enough for "Dick Sargent (recast), S6": portrayals with no work stand there.
UNPLACED_WIDTH = 180


@dataclass(frozen=True)
class Slot:
    """One column of the axis: ``position`` (None for "time not said"), its tick
    ``label``, its ``x`` and ``width`` in px, and ``kind`` "work", "season",
    "episode" or "unplaced"."""

    position: Position | None
    label: str
    kind: str
    x: float = 0
    width: float = 0

    @property
    def right(self):
        """Return the x of the slot's right edge."""
        return self.x + self.width


def _label(position):
    if position.season is None:
        return "whole"
    if position.episode is None:
        return f"S{position.season}"
    if isinstance(position.episode, int):
        return f"E{position.episode}"
    return position.episode


def _kind(position):
    if position.season is None:
        return "work"
    return "season" if position.episode is None else "episode"


class Axis:
    """The slots of a drawing in story order, the works they group into, the gaps
    between works, and the spoiler cut's x. Built by ``axis``."""

    def __init__(self, story, slots, gaps, cut_x):
        self.story = story
        self.slots = slots
        self.gaps = gaps
        self.cut_x = cut_x
        self.width = (slots[-1].right if slots else GUTTER) + WORK_GAP
        self._extents = {}

    def groups(self):
        """Return the runs of consecutive slots of one work as {"work", "x",
        "width"} ("time not said" is a run of its own)."""
        runs = []
        for slot in self.slots:
            work = slot.position.work if slot.position else UNPLACED
            if runs and runs[-1]["work"] == work:
                runs[-1]["width"] = slot.right - runs[-1]["x"]
            else:
                runs.append({"work": work, "x": slot.x, "width": slot.width})
        return runs

    def ticks(self):
        """Return every slot as {"label", "x", "width", "kind", "at"} (``at`` the
        position's full text)."""
        return [{"label": slot.label, "x": slot.x, "width": slot.width, "kind": slot.kind,
                 "at": str(slot.position) if slot.position else UNPLACED}
                for slot in self.slots]

    def extent(self, position, exact=False):
        """Return (x, width) of the slots a position covers: an episode its slot, a
        season its own slot and its episodes', a work every slot of it (with
        ``exact``, the position's own slot alone); the "time not said" slot for None.
        None when no slot lies there (after the cut). Kept per position: a work's
        page asks for the same few thousands of times."""
        key = (position, exact)
        if key not in self._extents:
            self._extents[key] = self._extent(position, exact)
        return self._extents[key]

    def _extent(self, position, exact):
        chronology = self.story.chronology
        if position is None:
            covered = [s for s in self.slots if s.position is None]
        else:
            position = chronology.resolve(position)
            covered = [s for s in self.slots if s.position is not None
                       and work_key(s.position.work) == work_key(position.work)
                       and (s.position == position if exact
                            else _inside(chronology, s.position, position))]
        if not covered:
            return None
        return covered[0].x, covered[-1].right - covered[0].x


def _inside(chronology, slot, position):
    """Return True when a slot lies within a position: the same point, or a part of
    the season or work the position spans (an episode slot does not lie within the
    season slot it follows; a season lies within its work). Both are resolved."""
    if position.season is None:
        return True
    if slot.season != position.season:
        return False
    return position.episode is None or chronology.resolve(slot) == position


def axis(story, works, positions=(), unplaced=False):
    """Return the Axis of a drawing about ``works`` (names): every season the Story
    shows each to have that the cut leaves (the whole work when it has none), the
    ``positions`` of marks (resolved), the cut's own position when it is one of
    these works, and a "time not said" slot when ``unplaced``."""
    chronology = story.chronology
    keys = {work_key(work) for work in works if work}
    points = set()
    for work in works:
        for season in story.seasons(work) or (None,):
            points.add(chronology.resolve(Position(work, season)))
    for position in positions:
        if position is not None and work_key(position.work) in keys:
            points.add(chronology.resolve(position))
    if story.until is not None and work_key(story.until.work) in keys:
        points.add(story.until)
    points = sorted((p for p in points if not story.after_cut(p)), key=chronology.sort_key)
    # A short story is stretched to a readable width; a long one scrolls.
    widths = [EPISODE_WIDTH if p.episode is not None else SEASON_WIDTH for p in points]
    stretch = max(1.0, (FILL - GUTTER - UNORDERED_GAP) / sum(widths)) if widths else 1.0
    slots, gaps, x = [], [], GUTTER
    for before, position in zip([None, *points], points, strict=False):
        if before is not None and work_key(before.work) != work_key(position.work):
            unordered = chronology.compare(before, position) is None
            gap = UNORDERED_GAP if unordered else WORK_GAP
            gaps.append({"x": x, "width": gap, "unordered": unordered,
                         "label": "order not known" if unordered else ""})
            x += gap
        width = round((EPISODE_WIDTH if position.episode is not None else SEASON_WIDTH)
                      * stretch)
        slots.append(Slot(position, _label(position), _kind(position), x, width))
        x += width
    if unplaced:
        if slots:
            gaps.append({"x": x, "width": UNORDERED_GAP, "unordered": True, "label": ""})
            x += UNORDERED_GAP
        slots.append(Slot(None, UNPLACED, "unplaced", x, UNPLACED_WIDTH))
    return Axis(story, slots, gaps, _cut_x(story, slots))


def _cut_x(story, slots):
    """Return the x where the spoiler cut falls: the right edge of the last slot at
    or before it; None without a cut or when no slot orders against it."""
    if story.until is None:
        return None
    ordered = [slot.right for slot in slots if slot.position is not None
               and story.chronology.compare(slot.position, story.until) in (-1, 0)]
    return max(ordered) if ordered else None
