"""Neighbourhoods of the graph view's graph, and where their nodes go.

``neighbourhood`` walks out from one node up to a node limit, through the edges a
``Filters`` keeps, and says how many more nodes wait beyond the limit;
``graph_layout`` places those nodes on the server, so that the browser draws at
once with physics off; ``around`` and ``expansion`` give what the page first draws
and what a click on a node adds, as a ``Neighbourhood``.
"""

import math
import threading
import weakref
from dataclasses import dataclass

import networkx as nx

from webviz.graph_build import KINDS, drawn_edges, edge_words, node_text
from webviz.graph_layout import FAR_SIZE, ego_layout

# Walking a neighbourhood stops at articles: one names half a franchise, and the
# neighbourhood of a character would otherwise be everything its articles mention.
LEAF_KINDS = frozenset({"article"})
# Pixels between the rings of an expansion, and between nodes on a ring.
RING = 110
SPACING = 70
MAX_AROUND = 64

_AROUND = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Filters:
    """Which edges a neighbourhood walks: relations (empty: all), a work slug, a season."""

    relations: frozenset = frozenset()
    work: str | None = None
    season: int | None = None

    def keeps(self, relation, scopes):
        """Return True when an edge of ``relation`` whose claims have ``scopes``
        ((work slugs, (work slug, season) pairs) each) passes the filter."""
        if self.relations and relation not in self.relations:
            return False
        if self.work is None and self.season is None:
            return True
        return any(self._in_scope(works, seasons) for works, seasons in scopes)

    def _in_scope(self, works, seasons):
        if self.work is not None and self.work not in works:
            return False
        if self.season is None:
            return True
        return any(n == self.season and (self.work is None or w == self.work) for w, n in seasons)

    @property
    def active(self):
        """Return True when the filter drops anything."""
        return bool(self.relations) or self.work is not None or self.season is not None


def view(graph, filters):
    """Return the graph itself, or a view of it with only the edges ``filters`` keeps."""
    if not filters.active:
        return graph
    edges = graph.edges

    def keep(u, v, key):
        data = edges[u, v, key]
        return filters.keeps(data["relation"], data["scopes"])

    return nx.subgraph_view(graph, filter_edge=keep)


def neighbours(graph, node):
    """Return the set of nodes joined to ``node`` by an edge either way."""
    return set(graph.successors(node)) | set(graph.predecessors(node))


def _rank(graph):
    kinds = list(KINDS)
    return lambda node: (kinds.index(graph.nodes[node]["kind"]), -graph.degree(node), node)


def neighbourhood(graph, focus, limit):
    """Return (nodes, truncated): the nodes a breadth-first walk from ``focus``
    reaches, focus first, at most ``limit`` of them, not walking on from articles
    (unless one is the focus); ``truncated`` is True when the limit left some out."""
    order, waiting, _looked_at = _walk(graph, focus, limit)
    return order, bool(waiting)


def looked_at(graph, focus, limit):
    """Return the nodes whose links the walk of ``neighbourhood`` (and the counts of
    links not drawn) read: the focus and every node it ranked. A graph built from
    part of a story gives the whole story's walk when it holds every link of these."""
    return _walk(graph, focus, limit)[2]


def _walk(graph, focus, limit):
    """Return (nodes, waiting, nodes looked at) of the walk ``neighbourhood`` makes:
    ``waiting`` counts the nodes the walk found but left out (the rest of a ring cut
    short, or the next ring), the fewest a bigger limit adds."""
    order, seen, frontier = [focus], {focus}, [focus]
    rank = _rank(graph)
    while frontier and len(order) < limit:
        found = set()
        for node in frontier:
            if node == focus or graph.nodes[node]["kind"] not in LEAF_KINDS:
                found |= neighbours(graph, node) - seen
        level = sorted(found, key=rank)
        room = limit - len(order)
        if len(level) > room:
            # A ring cut short keeps the nodes most tied to those already drawn
            # (they make the fewest loose ends), then the most linked ones.
            ties = {n: len(neighbours(graph, n) & seen) for n in level}
            kept = sorted(level, key=lambda n: (-ties[n], -graph.degree(n)))[:room]
            return order + kept, len(level) - room, seen | found
        seen |= found
        order += level
        frontier = level
    next_ring = set()
    for n in order:
        if n == focus or graph.nodes[n]["kind"] not in LEAF_KINDS:
            next_ring |= neighbours(graph, n) - seen
    return order, len(next_ring), seen


@dataclass(frozen=True)
class Neighbourhood:
    """What a page draws: the filtered ``view`` of the graph, the ``focus``, the
    ``nodes`` in walk order, whether the limit ``truncated`` it, their pixel
    ``positions`` and radii (``sizes``), ``hidden``: {node: links to nodes not
    drawn}, the ``labelled`` nodes, and ``waiting``: how many more nodes the walk
    found beyond the limit."""

    view: object
    focus: object
    nodes: tuple
    truncated: bool
    positions: dict
    hidden: dict
    sizes: dict = None
    labelled: frozenset = frozenset()
    waiting: int = 0


def around(graph, focus, limit, filters=Filters()):
    """Return the Neighbourhood of ``focus`` (a node id of the graph) in ``graph``
    through the edges ``filters`` keeps, laid out by ``graph_layout.ego_layout``;
    kept per graph, so a page reloaded is not laid out again."""
    key = (focus, limit, filters)
    with _LOCK:
        cached = _AROUND.get(graph, {}).get(key)
    if cached is not None:
        return cached
    kept = view(graph, filters)
    nodes, waiting, _seen = _walk(kept, focus, limit)
    drawn = set(nodes)
    hidden = {n: len(neighbours(kept, n) - drawn) for n in nodes}
    texts = {n: node_text(kept.nodes[n]) for n in nodes}
    edge_texts = {}
    for source, target, found in drawn_edges(kept, nodes):
        if focus in (source, target):
            edge_texts[target if source == focus else source] = edge_words(found)
    placed = ego_layout(kept, nodes, focus, texts, edge_texts)
    found = Neighbourhood(kept, focus, tuple(nodes), bool(waiting), placed.positions, hidden,
                          placed.sizes, placed.labelled, waiting)
    with _LOCK:
        kept_here = _AROUND.setdefault(graph, {})
        if len(kept_here) >= MAX_AROUND:
            kept_here.pop(next(iter(kept_here)))
        kept_here[key] = found
    return found


def expansion(graph, node, limit, filters=Filters()):
    """Return the Neighbourhood a click on ``node`` adds: the node and its neighbours
    through the edges ``filters`` keeps, ``limit`` nodes at most, placed on rings
    around the node, which sits at the origin (the browser adds its own position)."""
    kept = view(graph, filters)
    found = sorted(neighbours(kept, node), key=_rank(kept))
    nodes = [node, *found[:limit - 1]]
    positions = rings(kept, nodes[1:])
    positions[node] = (0.0, 0.0)
    drawn = set(nodes)
    hidden = {n: len(neighbours(kept, n) - drawn) for n in nodes}
    return Neighbourhood(kept, node, tuple(nodes), len(found) > limit - 1, positions, hidden,
                         {n: FAR_SIZE for n in nodes})


def rings(graph, nodes):
    """Return {node: (x, y)} placing ``nodes`` on rings around the origin, in rank
    order, about SPACING pixels apart: where an expansion puts a node's neighbours."""
    positions, ring, index = {}, 0, 0
    ordered = sorted(nodes, key=_rank(graph))
    while index < len(ordered):
        radius = RING * (ring + 1.5)
        room = max(6, int(2 * math.pi * radius / SPACING))
        batch = ordered[index:index + room]
        for i, node in enumerate(batch):
            angle = 2 * math.pi * i / len(batch) + ring * 0.35
            positions[node] = (round(radius * math.cos(angle), 1),
                               round(radius * math.sin(angle), 1))
        index += len(batch)
        ring += 1
    return positions
