"""The graph view's nodes and edges as vis-network draws them, built with pyvis.

``drawing`` hands a neighbourhood's nodes and edges to pyvis and returns pyvis's
node and edge lists, which the page gives vis-network as JSON; ``options`` are
vis-network's options; ``vendor_file`` finds vis-network's own files inside the
installed pyvis package. This is the only module of canon that touches pyvis; it
knows nothing of Flask: the caller says how a node or an article becomes a URL.
"""

import importlib.resources
import json

from pyvis.network import Network

from webviz.graph_build import describe

# kind: (legend text, colour, vis-network shape). The legend is drawn from this table.
KIND_STYLE = {
    "character": ("Character", "#d9480f", "dot"),
    "person": ("Person (actor or crew)", "#2456a6", "square"),
    "work": ("Work", "#2e7d32", "hexagon"),
    "season": ("Season", "#8bbd3c", "diamond"),
    "event": ("Event (death, return...)", "#8e24aa", "star"),
    "article": ("Article", "#6d6d6d", "triangle"),
}
# Edges drawn faint, dashed and unlabelled (the legend says so).
QUIET_RELATIONS = frozenset({"mentions"})
FAINT = {"dashes": True, "color": {"color": "#c9ced8", "highlight": "#2456a6"}, "width": 1}
FACTS_SHOWN = 10
SOURCES_SHOWN = 5
VIS_DIR = ("lib", "vis-9.1.2")
VENDOR_FILES = frozenset({"vis-network.min.js", "vis-network.css"})
VIS_VERSION = "9.1.2"


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
        relations = [d["relation"] for d in found]
        # An article names much of a franchise: its links recede (faint, dashed, no
        # label) so that the story's own links stay readable. The tooltip keeps them.
        faint = FAINT if set(relations) <= QUIET_RELATIONS else {}
        network.add_edge(u, v, id=f"{u}>{v}",
                         label="" if faint else " / ".join(d["label"] for d in found),
                         title="\n".join(f"{names[0]} {d['label']} {names[1]}" for d in found),
                         relations=relations, **faint)
    articles = {doc: {"title": _article_title(graph, doc), "url": doc_url(doc)} for doc in docs}
    return {"nodes": network.nodes, "edges": network.edges, "articles": articles}


def vendor_file(name):
    """Return the path of one of vis-network's files inside the installed pyvis
    package, or None for a name outside VENDOR_FILES."""
    if name not in VENDOR_FILES:
        return None
    return importlib.resources.files("pyvis").joinpath(*VIS_DIR, name)
