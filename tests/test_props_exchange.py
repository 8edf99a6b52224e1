"""Property: facts with hostile names, quotes and article names, ingested into an
in-memory store, come back the same from it, and the same again from a second
store that imported its export, in every RDF format (graph/exchange.py)."""

import tempfile
from pathlib import Path

import pyoxigraph as ox
from fact_strategies import articles
from hypothesis import given, settings

from graph.exchange import export_bytes, import_file
from graph.rdf.formats import FORMATS
from graph.rdf.mapping import fact_order
from graph.store import open_store


def _facts(found):
    """The facts the articles say, each once, in the order the store reads them."""
    return sorted({fact for _article, facts in found for fact in facts}, key=fact_order)


# A quad of no article: a store holding it is not empty, so an import goes through
# the batched writer (graph.exchange._rdf_pieces) rather than the bulk loader.
OTHER = ox.Quad(ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p"),
                ox.Literal("other"), ox.NamedNode("https://e.org/other"))


def _nquads(store):
    return sorted(line for line in export_bytes(store, "nquads").splitlines()
                  if b"https://e.org/other" not in line)


def _imported(path, filled):
    """A memory store that imported ``path``: empty before (the bulk loader takes a
    file with no blank node), or ``filled`` with OTHER, in batches of 40 quads."""
    store = open_store("memory:")
    if filled:
        store.replace_graphs({OTHER.graph_name.value: [OTHER]})
    import_file(store, path, validate=False, batch_quads=40 if filled else None)
    return store


# 60 of the profile's 100 examples: each imports five exports twice.
@settings(max_examples=settings.default.max_examples * 3 // 5)
@given(articles())
def test_every_format_gives_back_the_facts_ingested(found):
    """Store A reads back the facts ingested; for each format, a store B that imports
    A's export, by the bulk loader or in batches, reads back the same facts, and a
    dataset format the same quads."""
    with open_store("memory:") as first:
        first.ingest(found)
        assert first.facts() == _facts(found)
        with tempfile.TemporaryDirectory() as folder:
            for name, fmt in FORMATS.items():
                path = Path(folder) / f"export{fmt.suffixes[0]}"
                path.write_bytes(export_bytes(first, name))
                for filled in (False, True):
                    with _imported(path, filled) as second:
                        assert second.facts() == first.facts(), (name, filled)
                        if fmt.datasets:
                            assert _nquads(second) == _nquads(first), (name, filled)
