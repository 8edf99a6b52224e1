"""Data out: export downloads, entity IRIs with content negotiation, and the
read-only SPARQL endpoint.

None of it applies the spoiler cut: an export, an entity's triples and a SPARQL
answer hold the whole store, as the /data page says.
"""

import pyoxigraph as ox
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
)
from werkzeug.http import HTTP_STATUS_CODES

from graph.errors import FormatError
from graph.exchange import export as write_export
from graph.rdf import terms as t
from graph.rdf.formats import FORMATS, format_for, serialize
from graph.rdf.resources import CONTEXT, SHAPES, VOCABULARY, resource
from graph.store.store import PREFIXES
from webviz import sparql as engine
from webviz import stream
from webviz.cut import link
from webviz.limits import Busy

bp = Blueprint("data_out", __name__)

RESOURCES = {
    "canon.ttl": (VOCABULARY, "text/turtle", "the vocabulary: classes and properties"),
    "shapes.ttl": (SHAPES, "text/turtle", "the SHACL shapes every article's graph meets"),
    "context.jsonld": (CONTEXT, "application/ld+json", "the JSON-LD context of the exports"),
}
# What an entity IRI can be read as, by media type; a client naming none gets Turtle.
ENTITY_TYPES = {
    "text/turtle": "turtle",
    "text/html": "html",
    "application/ld+json": "jsonld",
    "application/n-triples": "ntriples",
    "application/json": "jsonld",
}
# Media types of SPARQL answers, by query form, the default first.
ANSWER_TYPES = {
    "solutions": {
        "application/sparql-results+json": "json",
        "text/html": "html",
        "application/sparql-results+xml": "xml",
        "text/csv": "csv",
        "text/tab-separated-values": "tsv",
        "application/json": "json",
        "application/xml": "xml",
    },
    "graph": {
        "text/turtle": "turtle",
        "text/html": "html",
        "application/n-triples": "ntriples",
        "application/ld+json": "jsonld",
    },
}
ANSWER_TYPES["boolean"] = ANSWER_TYPES["solutions"]
FORMAT_NAMES = ("html", *engine.RESULT_FORMATS, *engine.GRAPH_FORMATS)
# An entity's own triples, and the claims that name it (only claims carry evidence)
# with the labels of what they name.
ENTITY = PREFIXES + """CONSTRUCT { ?entity ?p ?o . ?claim ?cp ?co . ?co rdfs:label ?label }
WHERE {
  { ?entity ?p ?o }
  UNION
  { ?claim ?role ?entity ; ?cp ?co .
    FILTER EXISTS { ?claim canon:evidence ?evidence }
    OPTIONAL { ?co rdfs:label ?label } }
}"""
# The article an article, claim or piece of evidence comes from (the first by name).
DOC_OF = PREFIXES + """SELECT ?entity ?doc WHERE {
  { ?entity canon:docName ?doc }
  UNION { ?entity prov:wasDerivedFrom/canon:docName ?doc }
} ORDER BY ?doc LIMIT 1"""
# The union default graph holds a triple once per article that states it (a label,
# a claim's type), so a plain join repeats rows: the examples say DISTINCT, or read
# each fact inside the article graph that states it, so that their counts are true
# (tests/test_web_data_examples.py checks each against the store's facts).
EXAMPLES = (
    ("Who plays whom", """SELECT DISTINCT ?character ?actor WHERE {
  ?portrayal a canon:Portrayal ;
     canon:character/rdfs:label ?character ;
     canon:actor/rdfs:label ?actor .
} ORDER BY ?character ?actor"""),
    ("Deaths, with the sentence that tells each", """SELECT ?character ?quote ?article WHERE {
  GRAPH ?g {
    ?event a canon:Event ; canon:eventType canon:death ;
       canon:character/rdfs:label ?character ; canon:evidence ?evidence .
    ?evidence canon:quote ?quote ; prov:wasDerivedFrom/canon:docName ?article .
  }
} ORDER BY ?character ?article"""),
    ("Claims by kind", """SELECT ?kind (COUNT(DISTINCT ?claim) AS ?claims) WHERE {
  ?claim a ?kind ; canon:evidence ?evidence .
} GROUP BY ?kind ORDER BY DESC(?claims)"""),
    ("Articles by the number of facts read in them",
     """SELECT ?article ?title (COUNT(DISTINCT ?evidence) AS ?facts) WHERE {
  GRAPH ?g {
    ?a canon:docName ?article .
    OPTIONAL { ?a schema:headline ?title }
    ?evidence a canon:Evidence ; prov:wasDerivedFrom ?a .
  }
} GROUP BY ?article ?title ORDER BY DESC(?facts) ?article"""),
    ("Does David Tennant play Kilgrave? (ASK)", """ASK {
  ?portrayal canon:character/rdfs:label "Kilgrave" ;
     canon:actor/rdfs:label "David Tennant" .
}"""),
    ("Kilgrave's portrayals as a graph (CONSTRUCT)", """CONSTRUCT { ?claim ?p ?o } WHERE {
  ?claim a canon:Portrayal ; canon:character/rdfs:label "Kilgrave" ; ?p ?o .
}"""),
)


def _canon():
    return current_app.extensions["canon"]


def _max_bytes():
    """Return the size past which a SPARQL answer is cut (SPARQL_MAX_BYTES, else 16 MB)."""
    return current_app.config.get("SPARQL_MAX_BYTES", engine.MAX_BYTES)


def _negotiate(offers):
    """Return the offered media type the request's Accept header prefers (the first
    offer when it sends none), or None when it accepts none of them."""
    accept = request.accept_mimetypes
    if not accept:
        return offers[0]
    return accept.best_match(offers)


@bp.after_request
def _vary(response):
    """Return the response marked as chosen by Accept where it was (caches must key on it)."""
    if request.endpoint in ("data_out.entity", "data_out.sparql"):
        response.vary.add("Accept")
    return response


@bp.route("/data")
def data():
    """Return the data page: export downloads, the vocabulary, entity IRIs and the
    SPARQL form with example queries."""
    formats = [{"name": f.name, "media_type": f.media_type, "suffix": f.suffixes[0],
                "datasets": f.datasets} for f in FORMATS.values()]
    resources = [{"name": name, "media_type": media, "about": about}
                 for name, (_, media, about) in RESOURCES.items()]
    return render_template(
        "data.html", formats=formats, resources=resources, examples=_examples(),
        answer_formats=FORMAT_NAMES, stats=_canon().store.stats(),
        timeout=current_app.config["SPARQL_TIMEOUT"],
        row_limit=current_app.config["SPARQL_ROW_LIMIT"],
        max_mb=f"{_max_bytes() / 2**20:g}")


def _examples():
    """Return the example queries as dicts of title and text, prefixes included."""
    return [{"title": title, "query": PREFIXES + text} for title, text in EXAMPLES]


@bp.route("/data/<name>")
def resource_file(name):
    """Return one of the files that describe the data: canon.ttl, shapes.ttl, context.jsonld."""
    if name not in RESOURCES:
        abort(404, description=f"no data file called {name!r}: use one of {', '.join(RESOURCES)}")
    path, media_type, _ = RESOURCES[name]
    return send_file(resource(path), mimetype=media_type, download_name=name)


@bp.route("/export/<name>")
def export(name):
    """Return the whole store (no spoiler cut) as a download in the named RDF format,
    streamed as the store's serializer writes it (memory holds a few chunks, not the
    export); 404 listing the formats for an unknown one."""
    try:
        fmt = format_for(name)
    except FormatError as error:
        abort(404, description=str(error))
    store = _canon().store
    body = stream.chunks(lambda out: write_export(store, out, fmt.name))
    response = Response(body, mimetype=fmt.media_type)
    response.headers.set("Content-Disposition", "attachment", filename=f"canon{fmt.suffixes[0]}")
    return response


@bp.route("/id/<path:path>")
def entity(path):
    """Return what the IRI ``https://w3id.org/canon/id/<path>`` names, as the client's
    Accept header asks: a 303 to its page for HTML, else its triples and the claims
    that name it in Turtle, JSON-LD or N-Triples. 406 for another type, 404 for an
    IRI nothing in the store has."""
    wanted = _negotiate(list(ENTITY_TYPES))
    if wanted is None:
        abort(406, description=f"cannot answer in {request.headers.get('Accept')!r}: "
                               f"ask for one of {', '.join(ENTITY_TYPES)}")
    store = _canon().store
    try:
        node = ox.NamedNode(t.ID + path)
    except ValueError:
        abort(404, description=f"{t.ID + path!r} is not an IRI canon makes")
    found = [ox.Quad(q.subject, q.predicate, q.object)
             for q in store.query(ENTITY, {"entity": node})]
    if not found:
        abort(404, description=f"nothing in this graph has the IRI {node.value}")
    name = ENTITY_TYPES[wanted]
    if name == "html":
        return redirect(_page_of(store, path, node), 303)
    fmt = FORMATS[name]
    return Response(serialize(found, fmt), mimetype=fmt.media_type)


def _page_of(store, path, node):
    """Return the URL of the page that shows an entity (keeping the spoiler cut);
    406 for an IRI that has no page."""
    kind, _, rest = path.partition("/")
    entity_slug = rest.split("/")[0]
    if kind in ("character", "person") and "/" not in rest:
        return link(f"pages.{kind}", slug=entity_slug)
    if kind == "work":
        # A season or an episode is shown on its work's page.
        return link("pages.work", slug=entity_slug)
    for row in store.query(DOC_OF, {"entity": node}):
        return link("pages.article", doc=row["doc"].value)
    data_types = [media for media, name in ENTITY_TYPES.items() if name != "html"]
    abort(406, description=f"{node.value} has no page of its own: ask for one of "
                           f"{', '.join(data_types)}")


def _query_text():
    """Return the query the request carries: a body of type application/sparql-query,
    else the ``query`` parameter or form field ('' when none)."""
    if request.method == "POST" and request.mimetype == "application/sparql-query":
        return request.get_data(as_text=True)
    return request.values.get("query", "")


def _format_name():
    """Return the format named by ``?format=`` (or the form field), or None; 400 for
    a name that is none of them."""
    name = request.values.get("format") or None
    if name is not None and name not in FORMAT_NAMES:
        abort(400, description=f"unknown format {name!r}: use one of {', '.join(FORMAT_NAMES)}")
    return name


def _wants_html(name):
    return name == "html" or (name is None and _negotiate(
        list(ANSWER_TYPES["solutions"])) == "text/html")


def _refuse(status, message, text, name):
    """Return an error answer: the form with the message for a browser, else the
    app's JSON error shape."""
    if _wants_html(name):
        return render_template("sparql.html", query=text, error=message, status=status,
                               formats=FORMAT_NAMES, chosen=name or "html"), status
    body = {"error": HTTP_STATUS_CODES.get(status, "Error"), "status": status, "message": message}
    return jsonify(body), status


@bp.route("/sparql", methods=["GET", "POST"])
def sparql():
    """Return the answer to a read-only SPARQL query (GET ?query=, POST form field
    ``query`` or an application/sparql-query body) over the union of all graphs, in
    the format ?format= names or Accept asks for: SPARQL JSON (default), XML, CSV or
    TSV for SELECT and ASK; Turtle, N-Triples or JSON-LD for CONSTRUCT and DESCRIBE;
    an HTML page for a browser. 400 for an update, SERVICE or a syntax error, 503
    past SPARQL_TIMEOUT or WORKER_MEMORY_MB, and 503 with Retry-After when all
    WORKERS are busy for WORKER_WAIT seconds; past SPARQL_ROW_LIMIT rows the answer
    is cut and carries ``X-Canon-Truncated: true``."""
    name = _format_name()
    text = _query_text()
    if not text.strip():
        if _wants_html(name):
            return render_template("sparql.html", query=_examples()[0]["query"],
                                   formats=FORMAT_NAMES, chosen="html")
        return _refuse(400, "no query: send it as ?query=, as the form field query, or as "
                            "a POST body of type application/sparql-query", text, name)
    config = current_app.config
    try:
        outcome = engine.run_query(
            _canon().store, text, timeout=config["SPARQL_TIMEOUT"],
            row_limit=config["SPARQL_ROW_LIMIT"],
            max_bytes=_max_bytes(), workers=current_app.extensions["canon.workers"])
    except Busy as error:
        response, status = _refuse(503, str(error), text, name)
        return response, status, {"Retry-After": str(error.retry_after)}
    except (engine.QueryTimeout, engine.QueryMemory) as error:
        return _refuse(503, str(error), text, name)
    except engine.QueryError as error:
        return _refuse(400, str(error), text, name)
    offers = ANSWER_TYPES[outcome.form]
    if name is None:
        chosen = _negotiate(list(offers))
        if chosen is None:
            return _refuse(406, f"cannot answer in {request.headers.get('Accept')!r}: ask for "
                                f"one of {', '.join(offers)}", text, name)
        name = offers[chosen]
    if name == "html":
        response = _answer_page(outcome, text)
    elif name not in engine.formats_for(outcome.form):
        return _refuse(400, f"format {name!r} does not fit this query: use one of "
                            f"{', '.join(engine.formats_for(outcome.form))}", text, name)
    else:
        body, media_type = engine.write(outcome, name)
        # pyoxigraph's CSV and TSV types carry their charset already.
        response = Response(body, content_type=media_type)
    if outcome.truncated:
        response.headers["X-Canon-Truncated"] = "true"
        response.headers["X-Canon-Row-Limit"] = str(config["SPARQL_ROW_LIMIT"])
    return response


def _cell(term):
    """Return a result term for the HTML table: its text, and a link for canon's IRIs."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        href = (link("data_out.entity", path=term.value[len(t.ID):])
                if term.value.startswith(t.ID) else None)
        return {"text": term.value, "href": href}
    if isinstance(term, ox.Literal):
        return {"text": term.value, "href": None}
    return {"text": str(term), "href": None}


def _answer_page(outcome, text):
    """Return the HTML page of a query's answer: a table, a yes or no, or Turtle."""
    page = {"query": text, "formats": FORMAT_NAMES, "chosen": "html",
            "truncated": outcome.truncated, "row_limit": current_app.config["SPARQL_ROW_LIMIT"],
            "max_mb": f"{_max_bytes() / 2**20:g}",
            "form": outcome.form}
    if outcome.form == "boolean":
        page["boolean"] = outcome.data
    elif outcome.form == "graph":
        page["turtle"] = engine.write(outcome, "turtle")[0].decode("utf-8")
    else:
        results = engine.solutions(outcome)
        page["variables"] = [variable.value for variable in results.variables]
        page["rows"] = [[_cell(row[v]) for v in page["variables"]] for row in results]
    return Response(render_template("sparql.html", **page), mimetype="text/html")
