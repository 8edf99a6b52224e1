"""``canon serve``: the web view on this machine (the development server; the
README gives the production command)."""

import click

from graph.cli_options import store_option
from graph.store import open_store


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 opens it to the network).")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
@store_option
def serve(host, port, store):
    """Serve the web view of the store at http://HOST:PORT/.

    Example: canon serve --port 8000
    """
    from webviz import create_app

    app = create_app(open_store(store, create=False))
    click.echo(f"canon: serving {store or 'the store'} at http://{host}:{port}/ (Ctrl+C stops)")
    app.run(host=host, port=port, threaded=True)
