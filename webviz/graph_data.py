"""The graph the graph view draws, and the neighbourhoods of it that a page shows.

``build_graph`` turns a Story into a networkx MultiDiGraph: characters, persons
(actors and crew), works, seasons, events and articles as nodes, and one edge per
relation a claim states (``plays``, ``in_work``, ``event_of``, ``killed_by``,
``derived_from``, ``spinoff_of``...), each edge keeping the claims behind it.
``neighbourhood`` walks out from one node up to a node limit, through the edges a
filter keeps; ``layout`` places those nodes on the server so that the browser can
draw at once with physics off; ``drawing`` hands nodes and edges to pyvis and
returns pyvis's node and edge lists, which the page gives vis-network as JSON.

This is the only module of canon that touches pyvis; it knows nothing of Flask:
the caller says how a node or an article becomes a URL.
"""

import importlib.resources
import json
import math
import threading
import weakref
from dataclasses import dataclass

import networkx as nx
import numpy as np
from pyvis.network import Network

from graph.errors import StoryTimeError
from graph.model.storytime import parse_position
from graph.model.words import RELATIONS as CONTINUITY_RELATIONS
from graph.rdf.terms import FIELD_ENTITY, slug
from webviz.entities import node_id

# kind: (legend text, colour, vis-network shape). The legend is drawn from this table.
KIND_STYLE = {
    "character": ("Character", "#d9480f", "dot"),
    "person": ("Person (actor or crew)", "#2456a6", "square"),
    "work": ("Work", "#2e7d32", "hexagon"),
    "season": ("Season", "#8bbd3c", "diamond"),
    "event": ("Event (death, return...)", "#8e24aa", "star"),
    "article": ("Article", "#6d6d6d", "triangle"),
}
# relation: what an edge of it says; the filter form lists them in this order.
RELATIONS = {
    "plays": "an actor plays a character",
    "crew": "a person works on a work (creator, writer, director...)",
    "in_work": "a character, season or event belongs to a work",
    "in_season": "a character or event belongs to a season",
    "appears_in": "a character appears in a season or work (in some mode)",
    "event_of": "an event happens to a character",
    "killed_by": "a death was caused by a character",
    "agent": "an event other than a death was brought about by a character",
    "derived_from": "an event was read in an article",
    "mentions": "an article names a character, person or work",
    "placed_after": "a work comes after another in story time",
    "placed_before": "a work comes before another in story time",
    **{word: f"continuity: {word.replace('_', ' ')}" for word in CONTINUITY_RELATIONS},
}
# Walking a neighbourhood stops at articles: one names half a franchise, and the
# neighbourhood of a character would otherwise be everything its articles mention.
LEAF_KINDS = frozenset({"article"})
FACTS_SHOWN = 10
SOURCES_SHOWN = 5
LABEL_LENGTH = 32
SEED = 7
# Pixels: a typical edge, the least gap between two nodes, between the rings of an
# expansion, and between nodes on a ring.
EDGE = 150
GAP = 80
RING = 110
SPACING = 70
VIS_DIR = ("lib", "vis-9.1.2")
VENDOR_FILES = frozenset({"vis-network.min.js", "vis-network.css"})
VIS_VERSION = "9.1.2"


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


def when(work, season=None, episode=None):
    """Return a story time as text: "Jessica Jones S1E13", "Angel S2 finale", "S3"."""
    parts = [work] if work else []
    if season is not None:
        parts.append(f"S{season}E{episode}" if isinstance(episode, int) else f"S{season}")
        if isinstance(episode, str):
            parts.append(episode)
    return " ".join(parts)


def describe(claim):
    """Return one plain-text sentence saying what a claim says."""
    kind = claim.kind
    if kind == "portrayal":
        seasons = ", ".join(map(str, claim.seasons))
        where = f" in {claim.work}" if claim.work else ""
        plural = "s" if len(claim.seasons) > 1 else ""
        return f"{claim.actor} plays {claim.character}{where}" + (
            f" (season{plural} {seasons})" if seasons else "")
    if kind == "event":
        details = [f"as {claim.mode}"] if claim.mode else []
        details += [f"by {claim.agent}"] if claim.agent else []
        details += [f"cause: {claim.cause}"] if claim.cause else []
        at = when(claim.work, claim.season, claim.episode)
        return (f"{claim.character}: {claim.event}" + (f" in {at}" if at else "")
                + (f" ({', '.join(details)})" if details else ""))
    if kind == "appearance":
        at = when(claim.work, claim.season)
        return f"{claim.character} appears" + (f" as {claim.mode}" if claim.mode else "") + (
            f" in {at}" if at else "")
    if kind == "crew":
        return f"{claim.person} is {claim.role}" + (f" of {claim.work}" if claim.work else "")
    if kind == "continuity":
        return f"{claim.work} {claim.relation.replace('_', ' ')} {claim.with_}"
    if kind == "placement":
        sides = [f"after {claim.after}"] if claim.after else []
        sides += [f"before {claim.before}"] if claim.before else []
        return f"{claim.work} comes {' and '.join(sides)}"
    episodes = f" ({claim.episodes} episodes)" if claim.episodes else ""
    return f"{claim.work} has season {claim.season}{episodes}"


def _short(text):
    return text if len(text) <= LABEL_LENGTH else text[:LABEL_LENGTH - 1] + "…"


def _anchor(text):
    """Return the (work, season) a placement anchor names, or None when unreadable."""
    try:
        position = parse_position(text)
    except StoryTimeError:
        return None
    return (position.work, position.season) if position.work else None


def _scope(claim):
    """Return (work slugs, (work slug, season) pairs) a claim is about."""
    works, seasons = set(), set()
    work = getattr(claim, "work", None)
    if work:
        works.add(slug(work))
    if claim.kind == "portrayal" and work:
        seasons.update((slug(work), n) for n in claim.seasons)
    elif claim.kind in ("event", "appearance", "season") and work and claim.season is not None:
        seasons.add((slug(work), claim.season))
    elif claim.kind == "continuity":
        works.add(slug(claim.with_))
    elif claim.kind == "placement":
        for anchor in filter(None, (_anchor(a) for a in (claim.after, claim.before) if a)):
            works.add(slug(anchor[0]))
            if anchor[1] is not None:
                seasons.add((slug(anchor[0]), anchor[1]))
    return frozenset(works), frozenset(seasons)


class _Builder:
    """Adds the nodes and edges of one claim at a time to a MultiDiGraph."""

    def __init__(self, story, titles):
        self.graph = nx.MultiDiGraph()
        self.titles = titles
        # The spelling the chronology keeps names a work node, whichever claim came first.
        self.work_names = {slug(work): work for work in story.works()}

    def node(self, nid, kind, name, page, **extra):
        """Return ``nid``, adding the node first when the graph lacks it."""
        if nid not in self.graph:
            self.graph.add_node(nid, kind=kind, name=name, label=_short(name), page=page,
                                claims={}, **extra)
        return nid

    def entity(self, kind, name):
        """Return the node id of a character, person or work, adding the node."""
        if kind == "work":
            name = self.work_names.get(slug(name), name)
        return self.node(node_id(kind, name), kind, name, (f"pages.{kind}", {"slug": slug(name)}))

    def season(self, work, number, sourced=None):
        """Return the node id of a season, adding it and its ``in_work`` edge."""
        work_id = self.entity("work", work)
        name = f"{self.graph.nodes[work_id]['name']} S{number}"
        page = ("pages.work", {"slug": slug(work), "_anchor": f"season-{number}"})
        nid = self.node(f"season/{slug(work)}/{number}", "season", name, page)
        scope = (frozenset({slug(work)}), frozenset({(slug(work), number)}))
        self.edge(nid, work_id, "in_work", sourced, scope=scope)
        return nid

    def article(self, doc):
        """Return the node id of an article, adding the node named by its title."""
        title = self.titles.get(doc) or doc
        return self.node(f"article/{doc}", "article", title, ("pages.article", {"doc": doc}))

    def place(self, work, season):
        """Return the node of a work, or of its season when one is given."""
        return self.season(work, season) if season is not None else self.entity("work", work)

    def edge(self, source, target, relation, sourced, scope=None, label=None):
        """Add (or join) the edge of ``relation`` labelled ``label``, recording the
        claim on the edge and both nodes; return None."""
        label = label or relation
        data = self.graph.get_edge_data(source, target, label)
        if data is None:
            self.graph.add_edge(source, target, key=label, relation=relation, label=label,
                                claims={}, scopes=set())
            data = self.graph.edges[source, target, label]
        if scope is None and sourced is not None:
            scope = _scope(sourced.claim)
        if scope is not None:
            data["scopes"].add(scope)
        if sourced is not None:
            data["claims"][sourced] = None
            self.graph.nodes[source]["claims"][sourced] = None
            self.graph.nodes[target]["claims"][sourced] = None

    def add(self, sourced):
        """Add the nodes and edges of one Sourced claim; return None."""
        claim = sourced.claim
        adder = getattr(self, f"_{claim.kind}")
        adder(sourced, claim)
        if claim.kind != "event":
            for doc in sourced.docs:
                article = self.article(doc)
                for role, name in claim.entities():
                    kind = FIELD_ENTITY[role.rstrip("_")]
                    self.edge(article, self.entity(kind, name), "mentions", sourced)

    def _portrayal(self, sourced, claim):
        character = self.entity("character", claim.character)
        self.edge(self.entity("person", claim.actor), character, "plays", sourced)
        if claim.work and claim.seasons:
            for number in claim.seasons:
                self.edge(character, self.season(claim.work, number), "in_season", sourced)
        elif claim.work:
            self.edge(character, self.entity("work", claim.work), "in_work", sourced)

    def _event(self, sourced, claim):
        at = when(claim.work, claim.season, claim.episode)
        name = f"{claim.character}: {claim.event}" + (f" ({at})" if at else "")
        event = self.node(f"event/{claim.key()}", "event", name,
                          ("pages.character", {"slug": slug(claim.character),
                                               "_anchor": "timeline"}),
                          short=f"{claim.event} {when(None, claim.season, claim.episode)}".strip())
        self.edge(event, self.entity("character", claim.character), "event_of", sourced)
        if claim.agent:
            relation = "killed_by" if claim.event == "death" else "agent"
            self.edge(event, self.entity("character", claim.agent), relation, sourced)
        if claim.work:
            self.edge(event, self.place(claim.work, claim.season),
                      "in_season" if claim.season is not None else "in_work", sourced)
        for doc in sourced.docs:
            self.edge(event, self.article(doc), "derived_from", sourced)

    def _appearance(self, sourced, claim):
        if claim.work:
            self.edge(self.entity("character", claim.character),
                      self.place(claim.work, claim.season), "appears_in", sourced)

    def _crew(self, sourced, claim):
        if claim.work:
            self.edge(self.entity("person", claim.person), self.entity("work", claim.work),
                      "crew", sourced, label=claim.role)

    def _continuity(self, sourced, claim):
        self.edge(self.entity("work", claim.work), self.entity("work", claim.with_),
                  claim.relation, sourced)

    def _placement(self, sourced, claim):
        for side in ("after", "before"):
            anchor = _anchor(getattr(claim, side)) if getattr(claim, side) else None
            if anchor:
                self.edge(self.entity("work", claim.work), self.place(*anchor),
                          f"placed_{side}", sourced)

    def _season(self, sourced, claim):
        self.season(claim.work, claim.season, sourced)


def build_graph(story, titles=None):
    """Return the MultiDiGraph of a Story: node attributes kind, name, label, page
    (endpoint, values) and claims (the Sourced claims about it); edges keyed by
    label (the relation, or a crew role), with relation, label, claims and scopes.
    ``titles`` maps article docs to titles.

    >>> from graph.continuity.story import Story
    >>> from graph.model.facts import Evidence, Fact, Portrayal
    >>> said = Evidence("a.txt", 0, 20, "Tennant plays Kilgrave")
    >>> graph = build_graph(Story([Fact(Portrayal("David Tennant", "Kilgrave"), said)]))
    >>> sorted(graph.edges(keys=True))[-1]
    ('person/david-tennant', 'character/kilgrave', 'plays')
    """
    builder = _Builder(story, titles or {})
    for sourced in story.claims:
        builder.add(sourced)
    return builder.graph


_GRAPHS = weakref.WeakKeyDictionary()
_AROUND = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()
MAX_AROUND = 64


def graph_of(story, titles):
    """Return ``build_graph(story, titles())`` built once per Story (``titles`` is a
    function, called only when the graph is built)."""
    with _LOCK:
        graph = _GRAPHS.get(story)
    if graph is None:
        graph = build_graph(story, titles())
        with _LOCK:
            _GRAPHS[story] = graph
    return graph


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
    kinds = list(KIND_STYLE)
    return lambda node: (kinds.index(graph.nodes[node]["kind"]), -graph.degree(node), node)


def default_focus(graph):
    """Return the most connected character of a graph (or view), else its most
    connected node, else None for an empty graph."""
    nodes = [n for n, kind in graph.nodes(data="kind") if kind == "character"] or list(graph)
    if not nodes:
        return None
    return min(nodes, key=lambda n: (-len(neighbours(graph, n)), n))


def neighbourhood(graph, focus, limit):
    """Return (nodes, truncated): the nodes a breadth-first walk from ``focus``
    reaches, focus first, at most ``limit`` of them, not walking on from articles
    (unless one is the focus); ``truncated`` is True when the limit left some out."""
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
            return order + level[:room], True
        seen |= found
        order += level
        frontier = level
    left_out = any(neighbours(graph, n) - seen for n in order
                   if n == focus or graph.nodes[n]["kind"] not in LEAF_KINDS)
    return order, left_out


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
    points = _spread(points - points[0])
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, points,
                                                                           strict=True)}


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
    """Return the Neighbourhood of ``focus`` (a node id, or None for the most
    connected character) in ``graph`` through the edges ``filters`` keeps, laid out;
    kept per graph, so a page reloaded is not laid out again. The focus must be a
    node of the graph."""
    key = (focus, limit, filters)
    with _LOCK:
        cached = _AROUND.get(graph, {}).get(key)
    if cached is not None:
        return cached
    kept = view(graph, filters)
    focus = focus or default_focus(kept)
    if focus is None:
        found = Neighbourhood(kept, None, (), False, {}, {})
    else:
        nodes, truncated = neighbourhood(kept, focus, limit)
        drawn = set(nodes)
        hidden = {n: len(neighbours(kept, n) - drawn) for n in nodes}
        found = Neighbourhood(kept, focus, tuple(nodes), truncated,
                              layout(kept, nodes, focus), hidden)
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


def works(graph):
    """Return {slug: name} of the works of a graph, sorted by name."""
    found = {nid.split("/", 1)[1]: name for nid, name in graph.nodes(data="name")
             if nid.startswith("work/")}
    return dict(sorted(found.items(), key=lambda item: item[1].casefold()))


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


def facts_of(graph, node, shown=FACTS_SHOWN):
    """Return (facts, total): up to ``shown`` of the node's claims as JSON objects
    (kind, text, sources: doc and quote), in the order they were read."""
    claims = list(graph.nodes[node]["claims"])
    out = [{"kind": sourced.kind, "text": describe(sourced.claim),
            "sources": [{"doc": ev.doc, "quote": ev.quote}
                        for ev in sourced.evidence[:SOURCES_SHOWN]]}
           for sourced in claims[:shown]]
    return out, len(claims)


def _article_title(graph, doc):
    node = f"article/{doc}"
    return graph.nodes[node]["name"] if node in graph else doc


def _tooltip(graph, node, hidden):
    data = graph.nodes[node]
    lines = [f"{KIND_STYLE[data['kind']][0].split(' (')[0]}: {data['name']}"]
    lines += [describe(s.claim) for s in list(data["claims"])[:3]]
    if hidden:
        lines.append(f"{hidden} more link{'s' if hidden > 1 else ''}: click to show them")
    return "\n".join(lines)


def options(physics=None):
    """Return the vis-network options: no physics, straight edges and the colours and
    shapes of KIND_STYLE; ``physics="default"`` gives pyvis's own defaults instead
    (physics on, stabilised before the first drawing), for the benchmark."""
    groups = {kind: {"color": colour, "shape": shape}
              for kind, (_legend, colour, shape) in KIND_STYLE.items()}
    if physics == "default":
        return {**json.loads(Network().options.to_json()), "groups": groups}
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 10, "align": "middle", "color": "#444"},
                  "color": {"color": "#9aa3b2", "highlight": "#2456a6"}},
        "nodes": {"font": {"size": 13}, "size": 14},
        "interaction": {"hover": True, "tooltipDelay": 150},
        "groups": groups,
    }


def drawing(graph, nodes, positions, *, page_url, doc_url, hidden=None, shown=None):
    """Return {"nodes": [...], "edges": [...], "articles": {...}}: pyvis's node and
    edge lists for ``nodes`` of ``graph`` (a graph or filtered view) and the edges
    among them, and the articles their facts quote.

    A node carries id, label, group and shape (its kind), title (plain-text tooltip),
    x and y from ``positions`` (left out when None: the browser places it), name,
    kind, url (``page_url(endpoint, values)``), facts (up to FACTS_SHOWN, or as many
    as ``shown`` {node: count} says), facts_total
    and more (links not drawn, from ``hidden``). An edge carries id, from, to, label
    and title (plain text), relations and arrows. ``articles`` maps each quoted doc
    to its title and url (``doc_url(doc)``).
    """
    hidden = hidden or {}
    network = Network(directed=True)
    docs = {}
    for node in nodes:
        data = graph.nodes[node]
        kind = data["kind"]
        facts, total = facts_of(graph, node, (shown or {}).get(node, FACTS_SHOWN))
        docs.update((source["doc"], None) for fact in facts for source in fact["sources"])
        endpoint, values = data["page"]
        place = {"x": positions[node][0], "y": positions[node][1]} if positions else {}
        network.add_node(node, label=data.get("short") or data["label"],
                         shape=KIND_STYLE[kind][2], group=kind,
                         title=_tooltip(graph, node, hidden.get(node, 0)), **place,
                         name=data["name"], kind=kind, url=page_url(endpoint, values),
                         facts=facts, facts_total=total, more=hidden.get(node, 0))
    pairs = {}
    for u, v, key in graph.subgraph(nodes).edges(keys=True):
        pairs.setdefault((u, v), []).append(graph.edges[u, v, key])
    for (u, v), found in sorted(pairs.items()):
        names = (graph.nodes[u]["label"], graph.nodes[v]["label"])
        network.add_edge(u, v, id=f"{u}>{v}", label=" / ".join(d["label"] for d in found),
                         title="\n".join(f"{names[0]} {d['label']} {names[1]}" for d in found),
                         relations=[d["relation"] for d in found])
    articles = {doc: {"title": _article_title(graph, doc), "url": doc_url(doc)} for doc in docs}
    return {"nodes": network.nodes, "edges": network.edges, "articles": articles}


def vendor_file(name):
    """Return the path of one of vis-network's files inside the installed pyvis
    package, or None for a name outside VENDOR_FILES."""
    if name not in VENDOR_FILES:
        return None
    return importlib.resources.files("pyvis").joinpath(*VIS_DIR, name)
