"""The web view of canon: a Flask app over one store, for fans exploring the graph
and writers checking continuity. ``create_app`` is the application factory; every
script, style sheet and font is served by the app itself, so it works offline.
"""

from webviz.app import create_app

__all__ = ["create_app"]
