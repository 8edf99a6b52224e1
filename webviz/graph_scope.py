"""The graph view's graph read from the store around one node, not built from the
whole store.

A node's links all come from the claims that name it: a character's, person's or
work's from the claims naming that entity (``Store.facts_naming``), a season's from
its work's, an article's from the claims it states (``Store.facts_in``), an event's
from its own claim. ``around`` and ``expansion`` read the node asked for, build the
graph of what was read (``graph_build.build_graph`` over a ``story_about`` Story, so
the spoiler cut is the whole store's), walk it as ``graph_walk`` walks the whole
graph, then read every node the walk looked at and walk again, until the walk looks
at nothing unread. The graph then holds every link of every node the walk read, so
it draws what the whole graph draws.

Two bounds keep a request's reads bounded on a big store, where a work or a season
is named by a large part of it: an entity named by more than HUB_CLAIMS claims is
read only as the focus, and at most MAX_READS entities and articles are read per
request. A node left unread keeps the links the read claims give it, so past these
bounds a hub's link count (which ranks a walk's nodes) and its facts total are
those of the neighbourhood, not of the store.
"""

import networkx as nx

from graph.continuity.scope import story_about
from graph.model.storytime import Position
from graph.rdf import terms as t
from graph.rdf.terms import slug
from webviz import graph_build, graph_walk

HUB_CLAIMS = 1000
MAX_READS = 200
# Characters offered as the default focus, most written about first: the first the
# cut and the filters leave in the graph with a link is taken.
DEFAULT_CANDIDATES = 20
# The articles the default focus is counted over: the latest, by date published.
DEFAULT_ARTICLES = 200
# What ``story_about`` reads for a node of each kind.
ARGUMENT = {"character": "characters", "person": "actors", "work": "works"}
# The graph before anything is read.
EMPTY = nx.MultiDiGraph()


class _Remembered:
    """The store, with each entity's and article's facts read once per request (a
    walk builds its Story again after each round of reads)."""

    def __init__(self, store):
        self._store = store
        self._read = {}

    def facts_naming(self, kind, name):
        """Return ``Store.facts_naming(kind, name)``, read once."""
        return self._once(("naming", kind, name), lambda: self._store.facts_naming(kind, name))

    def facts_in(self, doc):
        """Return ``Store.facts_in(doc)``, read once."""
        return self._once(("in", doc), lambda: self._store.facts_in(doc))

    def _once(self, key, read):
        if key not in self._read:
            self._read[key] = read()
        return self._read[key]

    def __getattr__(self, name):
        return getattr(self._store, name)


class _Titles:
    """Article titles as ``build_graph`` asks for them (``get``), read per article."""

    def __init__(self, canon):
        self.canon = canon

    def get(self, doc):
        """Return article ``doc``'s headline, or None; kept until the store changes."""
        return self.canon.derived(("title", doc), lambda: self.canon.store.title_of(doc))


class _Reach:
    """What one request has read: the entities and articles ``story_about`` reads,
    and the nodes already seen to (read, or left unread as hubs)."""

    def __init__(self, canon, until):
        self.canon = canon
        self.store = _Remembered(canon.store)
        self.until = until
        self.wanted = {"characters": set(), "actors": set(), "works": set(), "docs": set()}
        self.seen_to = set()
        self.reads = 0
        self.titles = _Titles(canon)

    def graph(self):
        """Return the graph of what has been read, cut as the request asks."""
        story = story_about(self.store, until=self.until,
                            **{arg: sorted(values) for arg, values in self.wanted.items()})
        return graph_build.build_graph(story, self.titles)

    def read(self, graph, nodes, always=False):
        """Mark the entities and articles behind ``nodes`` to be read (each node once;
        hubs and reads past MAX_READS are left, unless ``always``); return True when
        something new is to be read."""
        new = False
        for node in sorted(set(nodes) - self.seen_to):
            self.seen_to.add(node)
            for arg, value in self._targets(graph, node):
                if value in self.wanted[arg]:
                    continue
                if not always and (self.reads >= MAX_READS or self._hub(arg, value)):
                    continue
                self.wanted[arg].add(value)
                self.reads += 1
                new = True
        return new

    def _hub(self, arg, name):
        if arg == "docs":
            return False
        kind = next(kind for kind, value in ARGUMENT.items() if value == arg)
        return self.store.claims_naming_at_most(kind, name, HUB_CLAIMS) > HUB_CLAIMS

    def _targets(self, graph, node):
        """Return the (story_about argument, value) pairs to read for a node id."""
        kind, _, rest = node.partition("/")
        if kind in ARGUMENT:
            # A work only a placement names (its anchor, "Night Harbor S1") is a node
            # with no stored entity to read: a work's name comes from the store.
            name = graph.nodes[node]["name"] if node in graph and kind != "work" else \
                self.store.entity_label(kind, rest)
            return [(ARGUMENT[kind], name)] if name else []
        if kind == "season":
            work = self.store.entity_label("work", rest.rpartition("/")[0])
            return [("works", work)] if work else []
        if kind == "article":
            return [("docs", rest)] if self.store.article_hash(rest) is not None else []
        if kind == "event" and node not in graph:
            iris = self.store.entities_of_claim(f"{t.ID}claim/event/{rest}")
            return [(ARGUMENT["character"], name) for iri in iris
                    if iri.startswith(f"{t.ID}character/")
                    and (name := self.store.entity_label("character",
                                                         iri.rpartition("/")[2]))]
        return []


def _settle(reach, node, looked_at):
    """Return the graph once reading what ``looked_at(graph)`` names adds nothing,
    ``node`` read first whatever its size."""
    reach.read(EMPTY, [node], always=True)
    while True:
        graph = reach.graph()
        if node not in graph or not reach.read(graph, looked_at(graph)):
            return graph


def around(canon, until, focus, limit, filters):
    """Return the graph, read from the store, that holds every link the walk of
    ``graph_walk.around(graph, focus, limit, filters)`` reads (past the bounds above,
    every link the bounds let it read). ``focus`` is a node id; the graph lacks it
    when the cut store has no such node."""
    def looked_at(graph):
        return graph_walk.looked_at(graph_walk.view(graph, filters), focus, limit)

    return _settle(_Reach(canon, until), focus, looked_at)


def expansion(canon, until, node, filters):
    """Return the graph, read from the store, that holds every link of ``node`` and
    of its neighbours through the edges ``filters`` keeps (within the bounds above)."""
    def looked_at(graph):
        return {node, *graph_walk.neighbours(graph_walk.view(graph, filters), node)}

    return _settle(_Reach(canon, until), node, looked_at)


def default_focus(canon, until, limit, filters):
    """Return (focus, graph): the character whose claims the most of the latest
    DEFAULT_ARTICLES articles state (a SPARQL count over those articles' graphs, kept
    until the store changes) that the cut and ``filters`` leave in the graph with a
    link, and the graph ``around`` reads for it; (None, the empty graph) when no
    candidate is left."""
    docs = canon.store.latest_docs(DEFAULT_ARTICLES)
    for name in canon.store.most_sourced("character", DEFAULT_CANDIDATES, docs):
        focus = f"character/{slug(name)}"
        graph = around(canon, until, focus, limit, filters)
        if focus in graph and graph_walk.neighbours(graph_walk.view(graph, filters), focus):
            return focus, graph
    return None, EMPTY


def works(canon, until):
    """Return {slug: name} of the works of the graph of the cut store, sorted by
    name: those the claims that order story time name (as the cut leaves them), and
    the stored works some claim names as its work or link target, less those the cut
    puts wholly after it; kept until the store changes."""
    def compute():
        store = canon.store
        named = [work for work in store.names("work")
                 if store.claims_naming_at_most("work", work, 0)]
        story = story_about(store, times=named, until=until)
        found = graph_build.works(graph_build.build_graph(story))
        found.update((slug(work), work) for work in story.works()
                     if slug(work) in {slug(name) for name in named}
                     and not story.after_cut(Position(work)))
        return dict(sorted(found.items(), key=lambda item: item[1].casefold()))

    return canon.derived(("graph works", until or ""), compute)
