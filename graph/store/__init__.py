"""The store: facts <-> RDF quads, one named graph per article (see ``store.py``)."""

from graph.store.store import MEMORY, IngestResult, Store, open_store, resolve_location

__all__ = ["MEMORY", "IngestResult", "Store", "open_store", "resolve_location"]
