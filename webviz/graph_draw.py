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

from webviz.graph_build import describe, drawn_edges, edge_words, node_text
from webviz.graph_layout import EDGE_FONT, FAR_SIZE, FOCUS_FONT, FONT

# kind: (legend text, colour, vis-network shape). The legend is drawn from this table.
KIND_STYLE = {
    "character": ("Character", "#d9480f", "dot"),
    "person": ("Person (actor or crew)", "#2456a6", "square"),
    "work": ("Work", "#2e7d32", "hexagon"),
    "season": ("Season", "#8bbd3c", "diamond"),
    "event": ("Event (death, return...)", "#8e24aa", "star"),
    "article": ("Article", "#6d6d6d", "triangle"),
}
# Edges of graph_build.QUIET relations only: faint, dashed and without words (the
# legend says so).
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
    """Return the vis-network options: no physics, straight edges, the colours and
    shapes of KIND_STYLE, labels with a white outline (edges cross them) and edge
    words written level on a white ground; ``physics="default"`` gives pyvis's own
    defaults instead (physics on, stabilised before the first drawing), for the
    benchmark."""
    groups = {kind: {"color": colour, "shape": shape}
              for kind, (_legend, colour, shape) in KIND_STYLE.items()}
    if physics == "default":
        return {**json.loads(Network().options.to_json()), "groups": groups}
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": EDGE_FONT, "align": "horizontal", "color": "#444",
                           "background": "#ffffff", "strokeWidth": 0},
                  "color": {"color": "#9aa3b2", "highlight": "#2456a6"}},
        "nodes": {"font": {"size": FONT, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "size": FAR_SIZE},
        "interaction": {"hover": True, "tooltipDelay": 150},
        "groups": groups,
    }


def drawing(graph, nodes, positions, *, page_url, doc_url, hidden=None, shown=None,
            sizes=None, labelled=frozenset(), focus=None):
    """Return {"nodes": [...], "edges": [...], "articles": {...}}: pyvis's node and
    edge lists for ``nodes`` of ``graph`` (a graph or filtered view) and the edges
    among them, and the articles their facts quote.

    A node carries id, label (its text when it is ``labelled``, else "": the page
    writes it on hover or selection), text, group and shape (its kind), size (from
    ``sizes``), title (plain-text tooltip), x and y from ``positions`` (left out when
    None: the browser places it), name, kind, url (``page_url(endpoint, values)``),
    facts (up to FACTS_SHOWN, or as many as ``shown`` {node: count} says),
    facts_total and more (links not drawn, from ``hidden``). An edge (one per pair
    of nodes, ``graph_build.drawn_edges``) carries id, from, to, words (its
    relations in words), label (the words on an edge of ``focus`` to a labelled
    node, else ""), title (plain text), relations and arrows. ``articles`` maps
    each quoted doc to its title and url (``doc_url(doc)``).
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
        text = node_text(data)
        style = {"font": {"size": FOCUS_FONT}} if node == focus else {}
        network.add_node(node, label=text, text=text, shape=KIND_STYLE[kind][2], group=kind,
                         size=(sizes or {}).get(node, FAR_SIZE),
                         title=_tooltip(graph, node, hidden.get(node, 0)), **place, **style,
                         name=data["name"], kind=kind, url=page_url(endpoint, values),
                         facts=facts, facts_total=total, more=hidden.get(node, 0))
        # pyvis writes the id where a label is empty: the label is set here instead.
        network.node_map[node]["label"] = text if node in labelled else ""
    for source, target, found in drawn_edges(graph, nodes):
        names = (graph.nodes[source]["name"], graph.nodes[target]["name"])
        said = edge_words(found)
        shown_words = focus in (source, target) and {source, target} <= labelled
        faint = {} if said else FAINT
        network.add_edge(source, target, id=">".join(sorted((source, target))),
                         label=said if shown_words else "", words=said,
                         title="\n".join(f"{names[0]} {f[3]} {names[1]}" for f in found),
                         relations=[f[0] for f in found], **faint)
    articles = {doc: {"title": _article_title(graph, doc), "url": doc_url(doc)} for doc in docs}
    return {"nodes": network.nodes, "edges": network.edges, "articles": articles}


def vendor_file(name):
    """Return the path of one of vis-network's files inside the installed pyvis
    package, or None for a name outside VENDOR_FILES."""
    if name not in VENDOR_FILES:
        return None
    return importlib.resources.files("pyvis").joinpath(*VIS_DIR, name)
