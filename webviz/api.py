"""The JSON API: everything the pages show, as JSON, from the same ``webviz.views``
dicts the pages render. Errors are JSON too: {"error", "status", "message"}."""

from flask import Blueprint, jsonify, request

from webviz import views

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.route("/suggest")
def suggest():
    """Return {"suggestions": [{"name", "kind", "url"}]} for the search box's ``?q=``."""
    return jsonify(views.suggest(views.catalogue(), request.args.get("q")))


@bp.route("/search")
def search():
    """Return {"query", "results"} for ``?q=``: matching characters, people, works, articles."""
    return jsonify(views.search(views.catalogue(), request.args.get("q")))


@bp.route("/character/<slug>")
def character(slug):
    """Return a character's portrayals, drawn timeline, timeline and acts."""
    return jsonify(views.character(views.entity_context("character", slug), slug))


@bp.route("/person/<slug>")
def person(slug):
    """Return a person's roles and crew roles."""
    return jsonify(views.person(views.entity_context("person", slug), slug))


@bp.route("/work/<slug>")
def work(slug):
    """Return a work's seasons, cast, events, continuity links, crew and articles."""
    return jsonify(views.work(views.entity_context("work", slug), slug))


@bp.route("/article/<path:doc>")
def article(doc):
    """Return an article's text, spans and facts."""
    return jsonify(views.article(views.article_context(doc), doc))


@bp.route("/continuity")
def continuity():
    """Return the continuity findings filtered by ``rule``, ``severity`` and ``work``."""
    return jsonify(views.continuity(request.args))


@bp.route("/ask")
def ask():
    """Return the answer to ``?q=`` with its sources, and the question forms."""
    return jsonify(views.ask(request.args.get("q")))
