"""The pages a reader browses: home and search, character, work, article, continuity and ask."""

from flask import Blueprint, render_template

bp = Blueprint("pages", __name__)


@bp.route("/")
def home():
    """Return a placeholder page (replaced as the area is built)."""
    return render_template("error.html", error="Not built yet", status=200, message="")


@bp.route("/search")
def search():
    """Return a placeholder page (replaced as the area is built)."""
    return render_template("error.html", error="Not built yet", status=200, message="")


@bp.route("/continuity")
def continuity():
    """Return a placeholder page (replaced as the area is built)."""
    return render_template("error.html", error="Not built yet", status=200, message="")


@bp.route("/ask")
def ask():
    """Return a placeholder page (replaced as the area is built)."""
    return render_template("error.html", error="Not built yet", status=200, message="")
