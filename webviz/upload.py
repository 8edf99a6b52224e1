"""Adding articles from the browser: paste or upload, preview the facts, then save them (or not)."""

from flask import Blueprint, render_template

bp = Blueprint("upload", __name__)


@bp.route("/add")
def add():
    """Return a placeholder page (replaced as the area is built)."""
    return render_template("error.html", error="Not built yet", status=200, message="")
