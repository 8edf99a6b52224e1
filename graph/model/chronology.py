"""The order of story time across a franchise: each work's seasons and episode
counts, and where works fall against each other (The Defenders between two
seasons of Jessica Jones).

>>> from graph.model.storytime import parse_position
>>> Chronology().is_before(parse_position("S1E13"), parse_position("the season 2 premiere"))
True
"""

import itertools
import math

from graph.errors import StoryTimeError
from graph.model.storytime import Position, check_count, work_key


class Chronology:
    """The works of a franchise, their seasons, and the order of story time across them.

    Inside a work, seasons and episodes order by number. Across works only placements
    order: ``place`` puts a whole work next to another work or into the gap after or
    before one of its seasons, ``set_order`` places each work after the one before.
    ``compare`` and ``sort_key`` share these rules:

    - a work spans its seasons and the works placed in its gaps, a season its
      episodes: ``compare`` gives 0 when one spans the other, ``sort_key`` puts a span
      at its start;
    - "premiere" is episode 1; "finale" is the last episode once ``add_season`` gave
      the count, and until then comes after every numbered episode of its season;
    - works placed into the same gap keep the order they were placed in;
    - works never placed relative to each other, works not known here and positions
      with no work order only against themselves (``compare`` gives None);
      ``sort_key`` puts the unknown ones after the known, by name.
    """

    def __init__(self):
        self._names = {}  # work key -> the name first given
        self._seasons = {}  # work key -> {season: episode count or None}
        self._home = {}  # work key -> its row: (parent work key, gap) or (None, first work key)
        self._rows = {}  # row -> work keys in story order

    def add_work(self, work):
        """Return the work's name as known here (its first spelling), adding it if new.

        A new work orders against no other until placed. Raises StoryTimeError for an
        empty name.

        >>> Chronology().add_work("The Crossover")
        'The Crossover'
        """
        if not isinstance(work, str) or not work_key(work):
            raise StoryTimeError(f"work {work!r} must be a non-empty name")
        key = work_key(work)
        if key not in self._names:
            self._names[key], self._seasons[key] = work.strip(), {}
            # A row of works is known by the work it began with, so that works no
            # placement relates sort by name, whatever order they were read in.
            self._home[key] = row = (None, key)
            self._rows[row] = [key]
        return self._names[key]

    def add_season(self, work, season, episodes=None):
        """Record a season of a work, with its episode count when known; return None.

        Raises StoryTimeError for a number below 1 or a count unlike the one given before.

        >>> chronology = Chronology()
        >>> chronology.add_season("Alias Smith", 2, episodes=13)
        >>> chronology.seasons("alias smith"), chronology.episodes("Alias Smith", 2)
        ([2], 13)
        """
        check_count("season", season)
        check_count("episode count", episodes)
        name = self.add_work(work)
        counts = self._seasons[work_key(name)]
        known = counts.get(season)
        if None not in (known, episodes) and known != episodes:
            raise StoryTimeError(
                f"{name} season {season} has {known} episodes, not {episodes}: counts do not change"
            )
        counts[season] = known or episodes

    def works(self):
        """Return the names of the works known here, as first spelt."""
        return list(self._names.values())

    def seasons(self, work):
        """Return the season numbers added for a work, in order ([] for an unknown work)."""
        return sorted(self._seasons.get(work_key(work), ()))

    def episodes(self, work, season):
        """Return the episode count of a work's season, or None when it is not known."""
        return self._seasons.get(work_key(work), {}).get(season)

    def has_season(self, work, season):
        """Return whether ``add_season`` recorded this season of the work."""
        return season in self._seasons.get(work_key(work), ())

    def set_order(self, works):
        """Place each work after the one before it; return None.

        Raises StoryTimeError when a work is listed twice.

        >>> chronology = Chronology()
        >>> chronology.set_order(["Alias Smith", "The Crossover"])
        >>> chronology.is_before(Position("Alias Smith", 3), Position("Crossover"))
        True
        """
        names = [self.add_work(work) for work in works]
        twice = sorted({name for i, name in enumerate(names) if name in names[:i]})
        if twice:
            raise StoryTimeError(f"set_order lists {', '.join(twice)} twice: list each work once")
        for earlier, later in itertools.pairwise(names):
            self.place(later, after=earlier)

    def place(self, work, after=None, before=None):
        """Place a whole work after or before a work or a season of one; return None.

        An anchor is a work name or a Position: ``after=Position("A", 1)`` and
        ``before=Position("A", 2)`` are the gap between seasons 1 and 2 of A. Given both,
        ``after`` places and ``before`` is checked. Works placed inside move along.
        Raises StoryTimeError with no anchor, an episode anchor, an anchor inside the
        work, or a ``before`` that does not hold.

        >>> chronology = Chronology()
        >>> chronology.place("The Crossover", after=Position("Alias Smith", 1))
        >>> chronology.compare(Position("Alias Smith", 2), Position("Crossover", 1, 4))
        1
        """
        anchors = [_anchor(anchor) for anchor in (after, before) if anchor is not None]
        if not anchors:
            raise StoryTimeError(f"place {work!r} needs after= or before= (a work or Position)")
        key = work_key(self.add_work(work))
        for anchor in anchors:
            self.add_work(anchor.work)
        saved = dict(self._home), {row: list(keys) for row, keys in self._rows.items()}
        self._move(key, anchors[0], after is not None)
        if len(anchors) == 2 and self.compare(Position(work), anchors[1]) != -1:
            self._home, self._rows = saved
            raise StoryTimeError(
                f"{self._names[key]} after {anchors[0]} is not before {anchors[1]}:"
                " place it next to one of them"
            )

    def _move(self, key, anchor, after):
        target, name = work_key(anchor.work), self._names[key]
        if target == key or key in self._ancestors(target):
            raise StoryTimeError(f"cannot place {name} next to {anchor}, which lies inside {name}")
        old = self._home[key]
        self._rows[old].remove(key)
        if not self._rows[old]:
            del self._rows[old]
        if anchor.season is None:
            row = self._home[target]
            self._rows[row].insert(self._rows[row].index(target) + after, key)
        else:
            row = (target, anchor.season + (0.5 if after else -0.5))
            self._rows.setdefault(row, []).append(key)
        self._home[key] = row

    def _ancestors(self, key):
        parent = self._home[key][0]
        while parent is not None:
            yield parent
            parent = self._home[parent][0]

    def _base(self, key):
        parent, slot = row = self._home[key]
        index = self._rows[row].index(key)
        return ((0, slot), index) if parent is None else (*self._base(parent), slot, index)

    def resolve(self, position):
        """Return the position with "premiere" as episode 1, "finale" as the last episode
        once the count is known, and the work under the name it is known by here.

        >>> chronology = Chronology()
        >>> chronology.add_season("Alias Smith", 1, episodes=10)
        >>> str(chronology.resolve(Position("alias smith", 1, "finale")))
        'Alias Smith S1E10'
        """
        key = work_key(position.work or "")
        episode = position.episode
        if episode == "premiere":
            episode = 1
        elif episode == "finale":
            episode = self._seasons.get(key, {}).get(position.season) or episode
        return Position(self._names.get(key, position.work), position.season, episode)

    def sort_key(self, position):
        """Return a key that sorts positions in story order (spans at their start).

        >>> chronology = Chronology()
        >>> later = [Position("A", 2), Position("A", 1, "finale"), Position("A", 1, 3)]
        >>> [str(p) for p in sorted(later, key=chronology.sort_key)]
        ['A S1E3', 'A S1 finale', 'A S2']
        """
        key = work_key(position.work or "")
        base = self._base(key) if key in self._home else ((1, key),)
        episode = self.resolve(position).episode
        if position.season is None:
            return base
        if episode is None:
            return (*base, position.season)
        return (*base, position.season, math.inf if episode == "finale" else episode)

    def compare(self, a, b):
        """Return -1 if ``a`` comes before ``b``, 1 if after, 0 if they are the same or
        one spans the other, and None if nothing orders them.

        >>> chronology = Chronology()
        >>> chronology.compare(Position("A", 1), Position("A", 1, 5))
        0
        >>> chronology.compare(Position("A", 1), Position("B", 1)) is None
        True
        """
        ka, kb = self.sort_key(a), self.sort_key(b)
        if ka[0] != kb[0]:
            return None
        if ka[: len(kb)] == kb[: len(ka)]:
            return 0
        return -1 if ka < kb else 1

    def is_before(self, a, b):
        """Return whether ``a`` comes wholly before ``b``: False if they overlap or do not order."""
        return self.compare(a, b) == -1


def _anchor(anchor):
    """Return the Position a placement anchor names (a work name or a season-level Position)."""
    position = Position(anchor) if isinstance(anchor, str) else anchor
    if not isinstance(position, Position) or position.work is None:
        raise StoryTimeError(f"cannot place next to {anchor!r}: give a work or a Position")
    if position.episode is not None:
        raise StoryTimeError(f"cannot place next to {position}, an episode: use its season")
    return position
