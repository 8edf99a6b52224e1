"""The pages a reader browses: home and search, character, person, work, article,
continuity and ask. Each renders the dict its twin in ``webviz.api`` returns as JSON
(both come from ``webviz.views``)."""

from flask import Blueprint, render_template, request

from webviz import views

bp = Blueprint("pages", __name__)


@bp.route("/")
def home():
    """Return the home page: search, franchises and works with counts, store counts,
    latest articles."""
    return render_template("home.html", view=views.home(*views.home_context()))


@bp.route("/search")
def search():
    """Return the search results for ``?q=`` (a hint when q is empty; 400 when too long)."""
    return render_template("search.html",
                           view=views.search(views.catalogue(), request.args.get("q")))


@bp.route("/character/<slug>")
def character(slug):
    """Return a character's page: portrayals, the drawn timeline, events (404 if unknown)."""
    ctx = views.entity_context("character", slug)
    return render_template("character.html", view=views.character(ctx, slug))


@bp.route("/person/<slug>")
def person(slug):
    """Return a person's page: the roles they play and their crew roles (404 if unknown)."""
    ctx = views.entity_context("person", slug)
    return render_template("person.html", view=views.person(ctx, slug))


@bp.route("/work/<slug>")
def work(slug):
    """Return a work's page: seasons, cast by season, events, links, articles (404 if
    unknown)."""
    ctx = views.entity_context("work", slug)
    return render_template("work.html", view=views.work(ctx, slug))


@bp.route("/article/<path:doc>")
def article(doc):
    """Return an article with its extracted spans highlighted and the facts it produced
    (404 if the store does not hold it)."""
    ctx = views.article_context(doc)
    view = views.article(ctx, doc)
    return render_template("article.html", view=view,
                           segments=views.segments(view["text"], view["spans"]))


@bp.route("/continuity")
def continuity():
    """Return the continuity findings, filtered by ``rule``, ``severity`` and ``work``
    (400 naming the allowed values of a bad one)."""
    return render_template("continuity.html",
                           view=views.continuity(request.args))


@bp.route("/ask")
def ask():
    """Return the ask page: the form, the answer to ``?q=`` with its sources, and the
    question forms as examples."""
    return render_template("ask.html", view=views.ask(request.args.get("q")))
