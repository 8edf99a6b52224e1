"""The drawn timeline of a character or a work, laid out as plain data for the
``_timeline.html`` template to draw as SVG on the server.

Story time runs along x (``webviz.timeline_axis``); each lane is a row of marks:

- a character: life state (alive, dead, unknown spans, folded by ``status_at`` at
  each slot), presence (the form each claim gives: in body, hallucination,
  flashback, ghost...), actor (who plays them season by season; a recast starts a
  new actor's bar and is marked), what happens to them (their events), and what
  they do (events where they are the agent: kills, resurrections);
- a work: deaths, returns and resurrections, other events, presence in another
  form, and recasts, each mark naming its character.

Every mark carries the claims it rests on, as the ``source`` callable gives their
evidence (a quote and the URL of its span on the article page): the drawing links
each mark to its first piece of evidence and puts every quote in its tooltip. The
Story is the page's own, already cut: nothing after the spoiler cut is read, and
the axis keeps no slot after it.
"""

from itertools import groupby

from graph.continuity.casting import who_plays
from graph.continuity.status import status_at
from graph.errors import StoryTimeError, UnknownEntityError
from graph.model.storytime import Position, work_key
from webviz.timeline_axis import GUTTER, HEADER, axis

ROW = 22
MARK = 18
LANE_PAD = 6
# Roughly the px a character of the 11 px label font takes: labels are cut to fit.
CHAR_WIDTH = 6.4
MODE_WORDS = {"physical": "in body"}
# Rows a lane stacks marks in before it counts the rest into "+N more", and how many
# of their names that mark's tooltip gives.
MAX_ROWS = 8
MORE_NAMES = 12
# What a character's act is called, by the event it causes.
ACTS = {"death": "kills", "resurrection": "resurrects", "injury": "injures"}
WORK_LANES = (("deaths", "Deaths", ("death",)),
              ("returns", "Returns", ("resurrection", "return")),
              ("events", "Other events", ("departure", "recast", "injury", "birth",
                                          "revelation")))


def _fit(text, width):
    """Return ``text`` cut with an ellipsis to fit ``width`` px ("" when nothing fits)."""
    room = int((width - 6) / CHAR_WIDTH)
    if room < 2:
        return ""
    return text if len(text) <= room else text[:room - 1] + "…"


class Lanes:
    """The lanes of one drawing as they fill: marks are packed into rows so that
    no two marks of a lane overlap; past MAX_ROWS rows, the marks left over at one
    time are counted into a "+N more" mark there."""

    def __init__(self, axis, source):
        self.axis = axis
        self.source = source
        self.lanes = {}

    def lane(self, key, title, label=None):
        """Start a lane named ``title`` (drawn as ``label`` when given)."""
        self.lanes[key] = {"key": key, "title": title, "label": label or title,
                           "marks": [], "rows": [], "same": {}, "more": {}}

    def add(self, key, position, text, claims, cls="", shape="span", row=None, end=None,
            title=None, exact=False):
        """Place a mark over ``position`` (None: time not said), or from it to the
        end of ``end``, in lane ``key``, in the first row where it fits (or
        ``row``); ``title`` starts its tooltip (the time and ``text`` by default).
        With ``exact`` the mark covers the slots of ``position`` and ``end``
        themselves, not the seasons they span. Return the mark, or None when the axis
        has no slot there (after the cut) or the lane is full there."""
        found = self.axis.extent(position, exact)
        if found is None:
            return None
        x, width = found
        last = self.axis.extent(end, exact) if end is not None else None
        if last is not None:
            width = max(width, last[0] + last[1] - x)
        lane = self.lanes[key]
        same = lane["same"].get((x, width, text))
        if same is not None:
            # Two claims that say the same thing here (two articles, a detail more)
            # are one mark with every quote.
            return self._merge(same, self._sources(claims))
        row = self._row(lane, x, width, row)
        if row >= MAX_ROWS:
            more = lane["more"].setdefault((x, width), {"texts": [], "claims": [],
                                                        "position": position})
            more["texts"].append(text)
            more["claims"].extend(claims)
            return None
        while len(lane["rows"]) <= row:
            lane["rows"].append([])
        lane["rows"][row].append((x, x + width))
        at = self.axis_label(position)
        if end is not None and end != position:
            at = f"{at} to {self.axis_label(end)}"
        mark = {"lane": key, "row": row, "x": x + 1, "width": width - 2, "shape": shape,
                "cls": cls, "text": text, "label": _fit(text, width - 2), "at": at,
                "heading": title or f"{at}: {text}", "sources": []}
        lane["marks"].append(mark)
        lane["same"][(x, width, text)] = mark
        return self._merge(mark, self._sources(claims))

    def _sources(self, claims):
        return [ev for sourced in claims for ev in self.source(sourced)]

    def _more(self, lane):
        """Add a "+N more" mark, in a row below the others, where a lane was full."""
        for (x, width), more in lane["more"].items():
            texts = more["texts"]
            shown = ", ".join(texts[:MORE_NAMES]) + (", …" if len(texts) > MORE_NAMES else "")
            at = self.axis_label(more["position"])
            mark = {"lane": lane["key"], "row": MAX_ROWS, "x": x + 1, "width": width - 2,
                    "shape": "point", "cls": "more", "text": f"+{len(texts)} more",
                    "label": _fit(f"+{len(texts)} more", width - 2), "at": at,
                    "heading": f"{at}: {len(texts)} more not drawn: {shown}", "sources": []}
            lane["marks"].append(mark)
            # The first left-over claim's evidence is the link; the tooltip names them.
            self._merge(mark, self._sources(more["claims"][:1]))
        if lane["more"]:
            while len(lane["rows"]) <= MAX_ROWS:
                lane["rows"].append([])

    @staticmethod
    def _row(lane, x, width, preferred):
        """Return the row of a lane where a mark from ``x`` fits: ``preferred`` when
        it is free there, else the first free row (a new one when none is)."""
        def free(n):
            taken = lane["rows"][n] if n < len(lane["rows"]) else ()
            return all(x >= end or x + width <= start for start, end in taken)
        if preferred is not None and free(preferred):
            return preferred
        return next(n for n in range(len(lane["rows"]) + 1) if free(n))

    @staticmethod
    def _merge(mark, sources):
        """Add evidence to a mark (each quote and place once); return the mark with
        its link (the first evidence) and its tooltip (heading and quotes)."""
        seen = {(ev["doc"], ev["quote"]) for ev in mark["sources"]}
        for ev in sources:
            if (ev["doc"], ev["quote"]) not in seen:
                seen.add((ev["doc"], ev["quote"]))
                mark["sources"].append(ev)
        quotes = "; ".join(f"“{ev['quote']}” ({ev['doc']})" for ev in mark["sources"])
        mark["url"] = mark["sources"][0]["url"] if mark["sources"] else None
        mark["title"] = mark["heading"] + (f" · {quotes}" if quotes else "")
        return mark

    def axis_label(self, position):
        """Return a position as text ("time not said" for None)."""
        return str(self.axis.story.chronology.resolve(position)) if position else "time not said"

    def layout(self, title):
        """Return the drawing: size, header (work groups, ticks, gaps), lanes with
        their y and height, every mark with its y, the cut line, and the marks in
        story order for the text alternative."""
        y = HEADER + 4
        marks = []
        lanes = []
        for lane in self.lanes.values():
            self._more(lane)
            rows = max(1, len(lane["rows"]))
            height = rows * ROW + 2 * LANE_PAD
            for mark in lane["marks"]:
                mark["y"] = y + LANE_PAD + mark["row"] * ROW + (ROW - MARK) / 2
                mark["height"] = MARK
                mark["lane_title"] = lane["title"]
                marks.append(mark)
            lanes.append({"key": lane["key"], "title": lane["title"], "y": y,
                          "label": _fit(lane["label"], GUTTER - 6), "height": height})
            y += height
        keys = [lane["key"] for lane in lanes]
        listed = sorted(marks, key=lambda m: (m["x"], keys.index(m["lane"]), m["row"]))
        cut = self.axis.story.until
        return {"title": title, "width": self.axis.width, "height": y + 8,
                "header": HEADER, "ticks": self.axis.ticks(),
                "groups": [{**g, "label": _fit(g["work"], g["width"])}
                           for g in self.axis.groups()],
                "gaps": self.axis.gaps, "lanes": lanes, "marks": listed,
                "cut": None if cut is None else {"x": self.axis.cut_x, "at": str(cut)}}


def _claim_works(claims):
    return list(dict.fromkeys(work for s in claims if (work := getattr(s.claim, "work", None))))


def _positions(story, claims):
    return [story.position_of(s) for s in claims if s.kind in ("event", "appearance")]


def _state_spans(story, name, slots):
    """Return runs of (state, status sentence, since claim, slots) over the placed
    slots: consecutive slots where the character's state is the same, set by the
    same event. A run never crosses from one row of works to another that nothing
    orders against it: the same state there is no span of time."""
    # The state changes only where an event is placed, and every event placed has
    # a slot: the status is read there and at the start of each row of works, and
    # holds over the slots between.
    changes = {story.position_of(s) for s in story.events(name)}
    found, row, before = [], 0, None
    for slot in slots:
        if slot.position is None:
            continue
        first = before is None or story.chronology.compare(before, slot.position) is None
        row += first and before is not None
        if first or slot.position in changes:
            try:
                status = status_at(story, name, slot.position)
                read = (status.state, status.sentence(), status.since)
            except (UnknownEntityError, StoryTimeError):
                read = ("unknown", f"{name} at {slot.position}: unknown.", None)
        found.append((row, *read, slot))
        before = slot.position
    runs = []
    for (_row, state, since), items in groupby(found, key=lambda item: (
            item[0], item[1], item[3])):
        items = list(items)
        runs.append((state, items[0][2], since, [item[4] for item in items]))
    return runs


def character_timeline(story, name, source):
    """Return the drawing of a character's timeline (``Lanes.layout``): lanes of life
    state, presence, actor, what happens to them and what they do. ``source`` maps a
    Sourced claim to its evidence dicts ({"quote", "doc", "url", ...})."""
    about = story.about(name)
    folded = name.casefold()
    acts = sorted((s for s in story.of_kind("event")
                   if (s.claim.agent or "").casefold() == folded), key=story.story_key)
    happenings = [s for s in about if s.kind in ("event", "appearance")]
    placed = _positions(story, [*happenings, *acts])
    unworked = any(s.kind == "portrayal" and not s.claim.work for s in about)
    the_axis = axis(story, _claim_works([*about, *acts]), placed,
                    unplaced=unworked or any(p is None for p in placed))
    lanes = Lanes(the_axis, source)
    # A character only the agent of events is known alive by them.
    _life_lane(lanes, story, name, [*about, *acts])
    _presence_lane(lanes, story, happenings)
    _actor_lane(lanes, story, name)
    lanes.lane("happens", f"What happens to {name}", "Happens to them")
    for sourced in story.events(name):
        claim = sourced.claim
        text = claim.event + (f" by {claim.agent}" if claim.agent else "")
        form = f" mode-{claim.mode}" if claim.mode not in (None, "physical") else ""
        lanes.add("happens", story.position_of(sourced), text, [sourced],
                  cls=f"event-{claim.event}{form}", shape="point")
    lanes.lane("acts", f"What {name} does to others", "Does to others")
    for sourced in acts:
        claim = sourced.claim
        verb = ACTS.get(claim.event)
        text = f"{verb} {claim.character}" if verb else f"{claim.event} of {claim.character}"
        lanes.add("acts", story.position_of(sourced), text, [sourced],
                  cls=f"event-{claim.event}", shape="point")
    return lanes.layout(f"Timeline of {name}")


def _life_lane(lanes, story, name, about):
    """Add the life state lane: one span per run of slots in the same state, linked
    to the event that set the state, else to the first of the claims ``about`` the
    character placed in the run, or a portrayal of its first season."""
    lanes.lane("life", "Alive or dead")
    placed = [(story.position_of(s), s) for s in about if s.kind in ("event", "appearance")]
    for state, sentence, since, run in _state_spans(story, name, lanes.axis.slots):
        claims = [since] if since else _first_claims(run, placed, about)
        lanes.add("life", run[0].position, state, claims,
                  cls=f"state-{state}", row=0, end=run[-1].position, title=sentence,
                  exact=True)


def _first_claims(run, placed, about):
    """Return the claim a span with no event behind it links to: the first placed
    in its slots, else a portrayal of its first season, else any claim about the
    character (as a one-item list; empty when there is none). ``placed`` holds
    (position, claim) pairs."""
    where = {slot.position for slot in run}
    first = run[0].position
    return ([s for position, s in placed if position in where]
            or [s for s in about if s.kind == "portrayal"
                and work_key(s.claim.work or "") == work_key(first.work)
                and (first.season is None or first.season in s.claim.seasons)]
            or about)[:1]


def _presence_lane(lanes, story, happenings):
    """Add the presence lane: a mark for each form a claim gives the character,
    over the time it names; claims of one form at one time share a mark."""
    lanes.lane("presence", "Presence")
    keyed = {}
    for sourced in happenings:
        mode = sourced.claim.mode
        if mode:
            keyed.setdefault((story.position_of(sourced), mode), []).append(sourced)
    for (position, mode), claims in keyed.items():
        lanes.add("presence", position, MODE_WORDS.get(mode, mode), claims, cls=f"mode-{mode}")


def _actor_runs(rows):
    """Return each actor's runs of consecutive seasons in a work, in story order:
    {"actor", "work", "seasons" ([] for seasons not said), "sources", "recast"};
    a run is a recast when the actor is new in its first season."""
    runs, open_runs, before = [], {}, {}
    for row in rows:
        for actor in row.actors:
            key = (actor, row.work, row.season is None)
            run = open_runs.get(key)
            if run and row.season is not None and row.season == run["seasons"][-1] + 1:
                run["seasons"].append(row.season)
                run["sources"].extend(row.sources)
                continue
            new = row.recast and actor not in before.get(row.work, ())
            open_runs[key] = run = {"actor": actor, "work": row.work, "recast": new,
                                    "seasons": [] if row.season is None else [row.season],
                                    "sources": list(row.sources)}
            runs.append(run)
        if row.season is not None:
            before[row.work] = set(row.actors)
    return runs


def _actor_lane(lanes, story, name):
    """Add the actor lane: a bar per actor over each run of seasons they play in a
    work, one row per actor; a bar that starts a recast is marked; a portrayal
    with no seasons spans its whole work."""
    lanes.lane("actor", "Played by")
    try:
        rows = who_plays(story, name)
    except UnknownEntityError:
        return
    actors = list(dict.fromkeys(actor for row in rows for actor in row.actors))
    for run in _actor_runs(rows):
        work, seasons = run["work"], run["seasons"]
        text = run["actor"] + (" (recast)" if run["recast"] else "")
        cls = "recast" if run["recast"] else ("unsaid" if not seasons else "")
        if not work:
            # No work to place the seasons in: the bar stands in "time not said",
            # its seasons in its words.
            lanes.add("actor", None, f"{text}, {_seasons_words(seasons)}",
                      list(dict.fromkeys(run["sources"])), cls=cls,
                      row=actors.index(run["actor"]))
            continue
        for start, end in _stretches(lanes.axis, work, seasons):
            lanes.add("actor", start, text, list(dict.fromkeys(run["sources"])), cls=cls,
                      row=actors.index(run["actor"]), end=end)
            # Only the first bar of a recast run starts the recast.
            cls = cls.replace("recast", "")
            text = run["actor"]


def _seasons_words(seasons):
    """Return a run of seasons as words: "S1-S5", "S6", "seasons not said"."""
    if not seasons:
        return "seasons not said"
    return f"S{seasons[0]}" + (f"-S{seasons[-1]}" if len(seasons) > 1 else "")


def _stretches(the_axis, work, seasons):
    """Return (first, last) season Positions of each unbroken stretch of a work's
    ``seasons`` on the axis (a work placed between two seasons breaks it); the
    whole work for no seasons."""
    if not seasons:
        return [(Position(work), None)]
    out = []
    for season in seasons:
        here = the_axis.extent(Position(work, season))
        if here is None:
            continue
        if out and out[-1][2] == here[0]:
            out[-1][1:] = [Position(work, season), here[0] + here[1]]
        else:
            out.append([Position(work, season), Position(work, season), here[0] + here[1]])
    return [(first, last) for first, last, _right in out]


def work_timeline(story, work, source):
    """Return the drawing of a work's timeline (``Lanes.layout``): lanes of deaths,
    returns, other events, presence in another form and recasts, each mark naming
    its character. ``source`` as in ``character_timeline``."""
    mine = work_key(work)
    happenings = [s for s in story.claims if s.kind in ("event", "appearance")
                  and work_key(getattr(s.claim, "work", None) or "") == mine]
    happenings.sort(key=lambda s: (story.story_key(s), s.claim.character))
    the_axis = axis(story, [work], _positions(story, happenings))
    lanes = Lanes(the_axis, source)
    for key, title, events in WORK_LANES:
        lanes.lane(key, title)
        for sourced in happenings:
            claim = sourced.claim
            if claim.kind == "event" and claim.event in events:
                text = claim.character + ("" if key == "deaths" else f": {claim.event}")
                lanes.add(key, story.position_of(sourced), text, [sourced],
                          cls=f"event-{claim.event}", shape="point")
    lanes.lane("forms", "Other forms")
    for sourced in happenings:
        mode = sourced.claim.mode
        if mode and mode != "physical":
            lanes.add("forms", story.position_of(sourced),
                      f"{sourced.claim.character}: {mode}", [sourced], cls=f"mode-{mode}")
    lanes.lane("recasts", "Recasts")
    characters = sorted({s.claim.character for s in story.of_kind("portrayal")
                         if work_key(s.claim.work or "") == mine})
    for character in characters:
        for row in who_plays(story, character):
            if row.recast and work_key(row.work or "") == mine:
                lanes.add("recasts", Position(row.work, row.season),
                          f"{character}: {', '.join(row.actors)}", list(row.sources),
                          cls="recast")
    return lanes.layout(f"Timeline of {work}")
