"""The application factory: one Flask app over one store, its areas as blueprints."""

import os

from flask import (
    Flask,
    current_app,
    jsonify,
    render_template,
    request,
    send_from_directory,
)
from werkzeug.exceptions import HTTPException

from graph.store import open_store
from webviz import api, data_out, graph_page, limits, pages, upload
from webviz.cut import link, until
from webviz.security import add_headers, check_csrf, csrf_token
from webviz.state import Canon

DEFAULTS = {
    # An article pasted or uploaded from the browser; the CLI takes up to 20 MB.
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    # Flask caps each form field at 500 KB; a pasted article may fill the whole limit.
    "MAX_FORM_MEMORY_SIZE": 2 * 1024 * 1024,
    # The graph draws at most GRAPH_NODE_LIMIT nodes, and opens on GRAPH_FIRST_NODES:
    # a neighbourhood whose labels can be read once fitted to the canvas.
    "GRAPH_NODE_LIMIT": 250,
    "GRAPH_FIRST_NODES": 40,
    "SPARQL_TIMEOUT": 5.0,
    "SPARQL_ROW_LIMIT": 10_000,
    "SPARQL_MAX_BYTES": 16 * 1024 * 1024,
    # Reading an uploaded article: about 65 s per MB of prose here, so a 2 MB upload
    # (MAX_CONTENT_LENGTH) takes two minutes or more on a busy machine.
    "UPLOAD_TIMEOUT": 300.0,
    # WORKERS, WORKER_WAIT, WORKER_MEMORY_MB, UPLOAD_MEMORY_MB: the bounds on forked
    # workers (webviz.limits).
    **limits.DEFAULTS,
}
BLUEPRINTS = (pages.bp, graph_page.bp, api.bp, data_out.bp, upload.bp)
# Endpoints that take POST without writing (a SPARQL query may be sent by POST).
READ_ONLY_POSTS = frozenset({"data_out.sparql"})


def create_app(store=None, *, location=None, config=None):
    """Return the canon web app serving ``store`` (a graph.store.Store), or the
    store opened at ``location`` ($CANON_STORE, else ./canon-data) when none is
    given. ``config`` overrides the defaults (GRAPH_NODE_LIMIT, GRAPH_FIRST_NODES,
    SPARQL_TIMEOUT, SPARQL_ROW_LIMIT, MAX_CONTENT_LENGTH, WORKERS, SECRET_KEY...),
    and the environment (webviz.limits.ENVIRONMENT: $CANON_WORKERS...) overrides
    the defaults but not ``config``.

    Raises CanonError naming the variable for a bad $CANON_WORKERS... value."""
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config["SECRET_KEY"] = os.environ.get("CANON_SECRET_KEY") or os.urandom(32)
    app.config.update(limits.from_environment(os.environ))
    app.config.update(config or {})
    app.extensions["canon.workers"] = limits.workers_from(app.config)
    app.json.sort_keys = False
    app.extensions["canon"] = Canon(store if store is not None
                                    else open_store(location, create=False))
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    app.jinja_env.globals.update(link=link, until=until, csrf_token=csrf_token)

    @app.before_request
    def _csrf():
        if request.endpoint not in READ_ONLY_POSTS:
            check_csrf()

    app.add_url_rule("/favicon.ico", "favicon", _favicon)
    app.after_request(add_headers)
    app.register_error_handler(HTTPException, _error)
    return app


def _favicon():
    """Return the site icon for browsers that ask for /favicon.ico by habit."""
    return send_from_directory(current_app.static_folder, "favicon.svg",
                               mimetype="image/svg+xml")


def _wants_json():
    return request.path.startswith("/api/") or (
        request.accept_mimetypes.best_match(["text/html", "application/json"])
        == "application/json")


def _error(error):
    """Return an HTTP error as JSON for the API and as a page otherwise, with the
    reason: a bad parameter is a 400 that says which and why, never a 500."""
    body = {"error": error.name, "status": error.code, "message": error.description}
    # A 503 for busy workers says when to come back.
    retry = getattr(error, "retry_after", None)
    headers = {"Retry-After": str(retry)} if retry is not None else {}
    if _wants_json():
        return jsonify(body), error.code, headers
    return render_template("error.html", **body), error.code, headers
