"""The JSON API: everything the pages show, as JSON."""

from flask import Blueprint, render_template

bp = Blueprint("api", __name__)


@bp.route("/api/suggest")
def suggest():
    """Return a placeholder page (replaced as the area is built)."""
    return render_template("error.html", error="Not built yet", status=200, message="")
