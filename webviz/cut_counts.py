"""The home page's counts under a spoiler cut, read from the store with SPARQL
instead of from the whole store's Story.

A cut hides events and appearances placed after it, season claims of later
seasons, and portrayals whose seasons all come later (``Story._cut``); every other
claim shows. Each work compares with the cut as a whole first, in the story order
the claims that order story time give: a work wholly before the cut, or that
nothing orders against it, loses no claim, so its counts are the uncut ones
(``Store.work_counts``); a work wholly after it keeps only the claims no cut hides
(``Store.unplaced_claims``, read once for the store); only a work that holds the
cut (its own, or one it spans) is read claim by claim (``Store.places_of_work``:
each claim's class, season, episode, character and articles, one index range per
claim) and each place compared with the cut once. The latest articles are looked at
one at a time, latest first, by the places of their claims, until enough show.
"""

from collections import Counter

from graph.model.storytime import Position, work_key
from graph.rdf import terms as t
from webviz.cut import link

AFTER, SPANS = 1, 0


def hidden(story, place):
    """Return True when the spoiler cut of ``story`` hides a claim at ``place`` (a
    ``graph.store.scoped.Place``), as ``Story`` cuts it."""
    if story.until is None or not place.work:
        return False
    if place.kind == "portrayal":
        return bool(place.seasons) and all(story.after_cut(Position(place.work, season))
                                           for season in place.seasons)
    if place.kind == "season":
        return story.after_cut(Position(place.work, place.seasons[0]))
    if place.kind in ("event", "appearance"):
        season = place.seasons[0] if place.seasons else None
        return story.after_cut(Position(place.work, season,
                                        place.episode if season is not None else None))
    return False


def _side(story, work):
    """Return how ``work`` as a whole compares with the cut: AFTER, SPANS, or another
    value when no claim of it can be hidden."""
    chronology = story.chronology
    return chronology.compare(chronology.resolve(Position(work)), story.until)


class CutCounts:
    """The home page's counts (those ``views.StoreCounts`` gives without a cut) for
    a request with a spoiler cut, as the whole store's Story would give them.
    ``ctx.story`` is a Story of the claims that order story time, cut at it, whose
    chronology is the whole store's."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.canon = ctx.canon
        self.store = ctx.store
        self.story = ctx.story
        self.until = str(ctx.story.until)
        self._hidden = {}

    def hidden(self, place):
        """Return ``hidden(self.story, place)``, worked out once per place in story
        time: a work's claims sit at a few hundred places."""
        key = (place.kind, place.work, tuple(place.seasons), place.episode)
        if key not in self._hidden:
            self._hidden[key] = hidden(self.story, place)
        return self._hidden[key]

    def _per_work(self):
        """Return {work name: (characters, events, articles, {kind: hidden claims})},
        works with no claim shown left out; kept per cut until the store changes."""
        return self.canon.derived(("cut counts", self.until), self._count)

    def _count(self):
        store, found = self.store, {}
        kinds = store.work_class_counts()
        unplaced = store.unplaced_claims()
        for work, counts in store.work_counts().items():
            side = _side(self.story, work)
            iri = t.entity_iri("work", work)
            if side == AFTER:
                shown = unplaced.get(iri, {})
                gone = Counter({kind: n for (of, kind), n in kinds.items() if of == iri})
                gone.subtract(Counter(kind for kind, _c, _g in shown.values()))
                characters = {c for _k, c, _g in shown.values() if c}
                graphs = {g for _k, _c, graphs in shown.values() for g in graphs}
                found[work] = (len(characters), 0, len(graphs), +gone, bool(shown))
            elif side == SPANS:
                places = store.places_of_work(work).values()
                shown = [place for place in places if not self.hidden(place)]
                gone = Counter(place.kind for place in places if self.hidden(place))
                found[work] = (len({place.character for place in shown if place.character}),
                               sum(place.kind == "event" for place in shown),
                               len({graph for place in shown for graph in place.graphs}), gone,
                               bool(shown))
            else:
                found[work] = (*counts, Counter(), True)
        return found

    def works(self):
        """Return {work key: (characters, events, articles)} over the claims the cut
        leaves."""
        return {work_key(work): row[:3] for work, row in self._per_work().items() if row[4]}

    def shown(self):
        """Return {kind: claims} the cut leaves."""
        shown = Counter(self.canon.derived("stats", self.store.stats)["claims"])
        for row in self._per_work().values():
            shown.subtract(row[3])
        return +shown

    def _shows(self, doc):
        """Return True when article ``doc`` states no claim or one the cut leaves."""
        places = self.store.places_in(doc)
        return not places or any(not self.hidden(place) for place in places.values())

    def latest(self, count):
        """Return the ``count`` latest articles by date published and title, of those
        stating no claim or one the cut leaves, as dicts: doc, title, published, work,
        claims, url; kept per cut until the store changes."""
        def read():
            # By doc first, then a stable sort: ties stay in doc order, as elsewhere.
            rows = sorted(((published or "", title or doc, doc) for doc, title, published
                           in self.store.article_index()), key=lambda row: row[:2],
                          reverse=True)
            out = []
            for published, title, doc in rows:
                if len(out) == count:
                    break
                if self._shows(doc):
                    out.append({"doc": doc, "title": title, "published": published or None,
                                "work": (self.store.article(doc) or {}).get("work"),
                                "claims": self.store.claims_in(doc)})
            return out
        return [{**row, "url": link("pages.article", doc=row["doc"])}
                for row in self.canon.derived(("cut latest", self.until, count), read)]
