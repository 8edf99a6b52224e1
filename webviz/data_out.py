"""Data out: export downloads, entity IRIs with content negotiation, and the
read-only SPARQL endpoint."""

from flask import Blueprint, render_template

bp = Blueprint("data_out", __name__)


@bp.route("/data")
def data():
    """Return a placeholder page (replaced as the area is built)."""
    return render_template("error.html", error="Not built yet", status=200, message="")


@bp.route("/sparql")
def sparql():
    """Return a placeholder page (replaced as the area is built)."""
    return render_template("error.html", error="Not built yet", status=200, message="")
