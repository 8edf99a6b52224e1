"""The graph view: a neighbourhood of the graph (``webviz.graph_build``, walked and laid
out by ``webviz.graph_walk``) drawn with vis-network from the nodes and edges pyvis
builds (``webviz.graph_draw``), its JSON twins ``/api/graph`` and
``/api/graph/expand``, and vis-network's own files served from the installed pyvis
package, so that the page loads nothing from the network."""

from flask import Blueprint, abort, current_app, jsonify, render_template, request, send_file

from graph.rdf.terms import slug
from webviz import graph_build, graph_draw, graph_scope, graph_walk
from webviz.cut import link, story_about, until

bp = Blueprint("graph_page", __name__)

# Facts of a clicked node sent with its expansion; the page itself sends FACTS_SHOWN.
EXPAND_FACTS = 60
MAX_ID = 400
# vis-network changes only with pyvis; the script URL carries its version.
VENDOR_MAX_AGE = 365 * 24 * 3600
PHYSICS = ("default",)
WORKS_NAMED = 12
KEPT = ("relation", "work", "season", "limit")
# Nodes "show N more" adds at most: about one more column of the drawing.
MORE = 20
# Neighbourhood sizes the filter form offers, besides the first view's, the
# request's and the cap.
SIZES = (100,)


def _canon():
    return current_app.extensions["canon"]


def _works():
    """Return {slug: name} of the works of the request's graph (a bad spoiler cut is
    a 400 first, as on every page)."""
    story_about()
    return graph_scope.works(_canon(), until())


def _whole(text):
    """Return True when ``text`` is a whole number from 1 in ASCII digits ("²" is a
    digit to str.isdigit, not to int)."""
    return text.isascii() and text.isdigit() and int(text) >= 1


def _limit():
    """Return the request's node limit: ``limit`` capped at GRAPH_NODE_LIMIT, or
    GRAPH_FIRST_NODES (within the cap) when the request gives none."""
    cap = current_app.config["GRAPH_NODE_LIMIT"]
    raw = (request.args.get("limit") or "").strip()
    if not raw:
        return min(current_app.config["GRAPH_FIRST_NODES"], cap)
    if not _whole(raw):
        abort(400, description=f"limit {raw!r} must be a whole number from 1 (at most {cap} "
                               "nodes are drawn)")
    return min(int(raw), cap)


def _filters():
    """Return the Filters the request's relation, work and season name (a bad
    spoiler cut is a 400 first); the graph's works (``_works``, which build the
    graph of the claims that order story time) are read only when it names a work."""
    story_about()
    relations = [r.strip() for r in request.args.getlist("relation") if r.strip()]
    for relation in relations:
        if relation not in graph_build.RELATIONS:
            abort(400, description=f"relation {relation!r} is unknown: use one of "
                                   f"{', '.join(graph_build.RELATIONS)}")
    work = (request.args.get("work") or "").strip() or None
    if work is not None:
        known = _works()
        if slug(work) not in known:
            named = ", ".join(list(known)[:WORKS_NAMED])
            abort(400, description=f"work {work!r} is not in this graph: use one of {named}"
                                   + (" ..." if len(known) > WORKS_NAMED else ""))
        work = slug(work)
    raw = (request.args.get("season") or "").strip()
    if raw and not _whole(raw):
        abort(400, description=f"season {raw!r} must be a whole number from 1")
    return graph_walk.Filters(frozenset(relations), work, int(raw) if raw else None)


def _node(name, required=False):
    """Return the node id the request's parameter ``name`` gives (None when absent
    and not ``required``): 400 when it is not written as KIND/NAME."""
    raw = (request.args.get(name) or "").strip()
    if not raw:
        if required:
            abort(400, description=f"{name} is missing: give a node id such as "
                                   "character/kilgrave")
        return None
    kind, _, rest = raw.partition("/")
    if kind not in graph_build.KINDS or not rest or len(raw) > MAX_ID:
        abort(400, description=f"{name} {raw[:80]!r} is not a node id: write KIND/NAME, as in "
                               f"character/kilgrave (kinds: {', '.join(graph_build.KINDS)})")
    return raw


def _present(graph, node):
    """Return ``node``: 404 when the graph (as the spoiler cut leaves it) has no such
    node."""
    if node not in graph:
        cut = f" up to {until()}" if until() else ""
        abort(404, description=f"no node {node!r} in this graph{cut}")
    return node


def _around(focus, limit, filters):
    """Return (graph, focus): the graph read from the store around ``focus`` (a node
    id, or None for ``graph_scope.default_focus``), kept until the store changes;
    404 when the graph has no node ``focus``."""
    canon, cut = _canon(), until()
    if focus is None:
        found, graph = canon.graph(("default", cut, limit, filters), lambda: graph_scope.
                                   default_focus(canon, cut, limit, filters))
        return graph, found
    graph = canon.graph(("around", cut, focus, limit, filters),
                        lambda: graph_scope.around(canon, cut, focus, limit, filters))
    return graph, _present(graph, focus)


def _physics():
    """Return the ``physics`` switch ("default": pyvis's physics, for the benchmark) or None."""
    value = (request.args.get("physics") or "").strip() or None
    if value is not None and value not in PHYSICS:
        abort(400, description=f"physics {value!r} is unknown: leave it out, or use default")
    return value


def _kept_args(filters, limit):
    """Return the query values that keep the request's filters and limit in a link."""
    values = {"relation": sorted(filters.relations), "work": filters.work,
              "season": filters.season}
    if request.args.get("limit"):
        values["limit"] = limit
    return {key: value for key, value in values.items() if value}


def _urls():
    """Return (page_url, doc_url): how graph_draw turns a node's page and an article
    doc into a link that keeps the spoiler cut."""
    docs = {}

    def page_url(endpoint, values):
        return link(endpoint, **values)

    def doc_url(doc):
        if doc not in docs:
            docs[doc] = link("pages.article", doc=doc)
        return docs[doc]

    return page_url, doc_url


def _data(read):
    """Return the JSON the page draws and /api/graph answers: focus, limit (of this
    neighbourhood), max_nodes (that clicks may grow it to), truncated, more (how
    many nodes "show N more" adds: the most linked of those the walk left out,
    within the cap), filters, nodes, edges, articles, vis-network options and the
    URLs the script uses (``more``: this graph with ``more`` more nodes).
    ``read(focus, limit, filters)`` returns (graph, focus): the graph to walk and the
    focus (the default one when ``focus`` is None, then None for an empty graph)."""
    filters, limit, physics = _filters(), _limit(), _physics()
    graph, focus = read(_node("focus"), limit, filters)
    if focus is None:
        found = graph_walk.Neighbourhood(graph, None, (), False, {}, {})
    else:
        found = graph_walk.around(graph, focus, limit, filters)
    page_url, doc_url = _urls()
    drawn = graph_draw.drawing(found.view, found.nodes, None if physics else found.positions,
                               page_url=page_url, doc_url=doc_url, hidden=found.hidden,
                               sizes=found.sizes, labelled=found.labelled, focus=found.focus)
    kept = _kept_args(filters, limit)
    cap = current_app.config["GRAPH_NODE_LIMIT"]
    more = min(MORE, found.waiting, cap - len(found.nodes)) if found.truncated else 0
    wider = {**kept, "limit": len(found.nodes) + more}
    return {
        "focus": found.focus,
        "limit": limit,
        "max_nodes": cap,
        "truncated": found.truncated,
        "more": more,
        "physics": physics,
        "filters": {"relation": sorted(filters.relations), "work": filters.work,
                    "season": filters.season},
        **drawn,
        "options": graph_draw.options(physics),
        "urls": {"expand": link("graph_page.expand", **kept),
                 "graph": link("graph_page.graph", **kept),
                 "more": link("graph_page.graph", focus=found.focus, **wider) if more else None},
    }


@bp.route("/graph")
def graph():
    """Return the graph page: a neighbourhood of at most GRAPH_NODE_LIMIT nodes around
    ``focus`` (default: ``graph_scope.default_focus``), its legend, filters, a table
    of its nodes and edges, and the side panel a selected node fills."""
    data = _data(_around)
    cap = current_app.config["GRAPH_NODE_LIMIT"]
    offered = {current_app.config["GRAPH_FIRST_NODES"], *SIZES}
    sizes = sorted({size for size in offered if size < cap} | {data["limit"], cap})
    names = {node["id"]: node["name"] for node in data["nodes"]}
    # Focus links keep the filters and the limit, as the request wrote them (valid by now).
    kept = {key: values for key, values in request.args.lists()
            if key in KEPT and any(v.strip() for v in values)}
    return render_template(
        "graph.html", data=data, names=names, kept=kept, sizes=sizes, legend=graph_draw.KIND_STYLE,
        relations=graph_build.RELATIONS, works=_works(),
        relation_names={relation: graph_build.WORDS[relation][2]
                        for relation in graph_build.RELATIONS},
        vis_version=graph_draw.VIS_VERSION)


@bp.route("/api/graph")
def api_graph():
    """Return the graph page's data as JSON (see ``_data``), kept per query until the
    store changes: walking, drawing and encoding it was most of the time graph JSON
    took under load."""
    key = ("api graph", tuple(sorted(request.args.items(multi=True))))
    body = _canon().answer(key, lambda: current_app.json.dumps(_data(_around)))
    return current_app.response_class(body + "\n", mimetype=current_app.json.mimetype)


@bp.route("/api/graph/expand")
def expand():
    """Return the neighbours of ``node`` (up to ``limit``, through the filters) as
    nodes and edges placed around the node at the origin, with the node's facts."""
    filters, limit = _filters(), _limit()
    node = _node("node", required=True)
    canon, cut = _canon(), until()
    graph = canon.graph(("expand", cut, node, filters),
                        lambda: graph_scope.expansion(canon, cut, node, filters))
    _present(graph, node)
    return jsonify(_expansion_data(graph, node, limit, filters))


def _expansion_data(graph, node, limit, filters):
    """Return the JSON /api/graph/expand answers for ``node`` of ``graph``: node,
    limit, truncated, and the nodes, edges and articles of the expansion."""
    found = graph_walk.expansion(graph, node, limit, filters)
    page_url, doc_url = _urls()
    drawn = graph_draw.drawing(found.view, found.nodes, found.positions, page_url=page_url,
                               doc_url=doc_url, hidden=found.hidden,
                               shown={node: EXPAND_FACTS})
    return {"node": node, "limit": limit, "truncated": found.truncated, **drawn}


@bp.route("/static/vendor/<name>")
def vendor(name):
    """Return vis-network's script or style sheet from the installed pyvis package,
    cacheable for a year; 404 for any other name."""
    path = graph_draw.vendor_file(name)
    if path is None:
        abort(404, description=f"no vendor file {name!r}: the app serves only "
                               f"{', '.join(sorted(graph_draw.VENDOR_FILES))}")
    response = send_file(path, max_age=VENDOR_MAX_AGE)
    response.cache_control.public = True
    response.cache_control.immutable = True
    return response
