"""Neighbourhoods of the graph view's graph, and where their nodes go.

``neighbourhood`` walks out from one node up to a node limit, through the edges a
``Filters`` keeps; ``layout`` places those nodes on the server, so that the browser
draws at once with physics off; ``around`` and ``expansion`` give what the page
first draws and what a click on a node adds, as a ``Neighbourhood``.
"""

import math
import threading
import weakref
from dataclasses import dataclass

import networkx as nx
import numpy as np

from webviz.graph_build import KINDS

# Walking a neighbourhood stops at articles: one names half a franchise, and the
# neighbourhood of a character would otherwise be everything its articles mention.
LEAF_KINDS = frozenset({"article"})
SEED = 7
# Pixels: a typical edge, the least gap between two nodes, between the rings of an
# expansion, and between nodes on a ring.
EDGE = 150
GAP = 80
RING = 110
SPACING = 70
# The shape a first view aims for (width to height), and how far it may be widened.
WIDE = 1.4
STRETCH = 1.3
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
    order, truncated, _looked_at = _walk(graph, focus, limit)
    return order, truncated


def looked_at(graph, focus, limit):
    """Return the nodes whose links the walk of ``neighbourhood`` (and the counts of
    links not drawn) read: the focus and every node it ranked. A graph built from
    part of a story gives the whole story's walk when it holds every link of these."""
    return _walk(graph, focus, limit)[2]


def _walk(graph, focus, limit):
    """Return (nodes, truncated, nodes looked at) of the walk ``neighbourhood`` makes."""
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
            # A level cut short keeps the nodes most tied to those already drawn:
            # they make the fewest loose ends.
            ties = {n: len(neighbours(graph, n) & seen) for n in level}
            return order + sorted(level, key=lambda n: -ties[n])[:room], True, seen | found
        seen |= found
        order += level
        frontier = level
    left_out = any(neighbours(graph, n) - seen for n in order
                   if n == focus or graph.nodes[n]["kind"] not in LEAF_KINDS)
    return order, left_out, seen


def layout(graph, nodes, focus):
    """Return {node: (x, y)} in pixels for ``nodes`` of ``graph``, ``focus`` at the
    origin: a seeded spring layout (the same neighbourhood always looks the same),
    scaled so that a typical edge is EDGE pixels long, then spread until no two
    nodes are closer than GAP pixels, so that labels do not pile up in a hub."""
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from((u, v) for u, v in graph.subgraph(nodes).edges() if u != v)
    placed = nx.spring_layout(simple, seed=SEED)
    points = np.array([placed[n] for n in nodes], dtype=float)
    index = {n: i for i, n in enumerate(nodes)}
    lengths = [np.linalg.norm(points[index[u]] - points[index[v]]) for u, v in simple.edges()]
    typical = float(np.median(lengths)) if lengths else 0.0
    points *= EDGE / typical if typical > 0 else EDGE
    points = _spread(_landscape(points - points[0]))
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, points,
                                                                           strict=True)}


def _landscape(points):
    """Return the points turned so that their longest spread runs across, and
    widened (by STRETCH at most) towards the canvas's WIDE shape: a screen is wider
    than tall, and a spring layout has no preferred direction."""
    if len(points) < 3:
        return points
    centred = points - points.mean(axis=0)
    # The eigenvector of the largest eigenvalue of the covariance is the long axis.
    _values, vectors = np.linalg.eigh(np.cov(centred.T))
    across = vectors[:, -1]
    turned = points @ np.array([[across[0], -across[1]], [across[1], across[0]]])
    width, height = np.ptp(turned, axis=0)
    if width > 0 and height > 0 and width < WIDE * height:
        turned[:, 0] *= min(STRETCH, WIDE * height / width)
    return turned


def _spread(points, rounds=80):
    """Return the points pushed apart, pair by pair, until none is within GAP of
    another (or ``rounds`` run out); the first point, the focus, moves back to 0."""
    points = points + np.random.default_rng(SEED).normal(0.0, 0.5, points.shape)
    for _ in range(rounds):
        delta = points[:, None, :] - points[None, :, :]
        squared = np.einsum("ijk,ijk->ij", delta, delta)
        np.fill_diagonal(squared, 4 * GAP * GAP)
        first, second = np.nonzero(squared < GAP * GAP)
        if not len(first):
            break
        distance = np.sqrt(squared[first, second])
        # Each of a close pair moves half the shortfall away from the other.
        share = (GAP - distance) / np.maximum(distance, 1e-6) / 2
        moves = np.zeros_like(points)
        np.add.at(moves, first, share[:, None] * delta[first, second])
        points = points + moves
    return points - points[0]


@dataclass(frozen=True)
class Neighbourhood:
    """What a page draws: the filtered ``view`` of the graph, the ``focus``, the
    ``nodes`` in walk order, whether the limit ``truncated`` it, their pixel
    ``positions``, and ``hidden``: {node: links to nodes not drawn}."""

    view: object
    focus: object
    nodes: tuple
    truncated: bool
    positions: dict
    hidden: dict


def around(graph, focus, limit, filters=Filters()):
    """Return the Neighbourhood of ``focus`` (a node id of the graph) in ``graph``
    through the edges ``filters`` keeps, laid out; kept per graph, so a page
    reloaded is not laid out again."""
    key = (focus, limit, filters)
    with _LOCK:
        cached = _AROUND.get(graph, {}).get(key)
    if cached is not None:
        return cached
    kept = view(graph, filters)
    nodes, truncated = neighbourhood(kept, focus, limit)
    drawn = set(nodes)
    hidden = {n: len(neighbours(kept, n) - drawn) for n in nodes}
    found = Neighbourhood(kept, focus, tuple(nodes), truncated, layout(kept, nodes, focus),
                          hidden)
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
    return Neighbourhood(kept, node, tuple(nodes), len(found) > limit - 1, positions, hidden)


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
