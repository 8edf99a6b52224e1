"""``canon serve``: the web view on this machine, served by waitress (the same server
the README's production command runs, with its threads)."""

import click

from graph.cli_options import store_option
from graph.store import open_store

# waitress's own default: requests beyond it wait in line for a thread.
THREADS = 4


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 opens it to the network).")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
@click.option("--threads", default=THREADS, show_default=True, type=click.IntRange(min=1),
              help="Requests served at once; more wait in line.")
@store_option
def serve(host, port, threads, store):
    """Serve the web view of the store at http://HOST:PORT/.

    Example: canon serve --port 8000
    """
    import waitress

    from webviz import create_app

    app = create_app(open_store(store, create=False))
    click.echo(f"canon: serving {store or 'the store'} at http://{host}:{port}/ (Ctrl+C stops)")
    waitress.serve(app, host=host, port=port, threads=threads)
