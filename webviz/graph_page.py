"""The graph view: a neighbourhood drawn with vis-network from the nodes and edges pyvis builds."""

from flask import Blueprint, render_template

bp = Blueprint("graph_page", __name__)


@bp.route("/graph")
def graph():
    """Return a placeholder page (replaced as the area is built)."""
    return render_template("error.html", error="Not built yet", status=200, message="")
