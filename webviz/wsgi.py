"""The WSGI entry point for a production server, over the store at $CANON_STORE:
``waitress-serve --listen 127.0.0.1:8000 webviz.wsgi:app``."""

from webviz import create_app

app = create_app()
