"""Property: facts with hostile names, quotes and article names, ingested into an
in-memory store, come back the same from it, and the same again from a second
store that imported its export, in every RDF format (graph/exchange.py)."""

import tempfile
from pathlib import Path

from fact_strategies import articles
from hypothesis import given, settings

from graph.exchange import export_bytes, import_file
from graph.rdf.formats import FORMATS
from graph.rdf.mapping import fact_order
from graph.store import open_store


def _facts(found):
    """The facts the articles say, each once, in the order the store reads them."""
    return sorted({fact for _article, facts in found for fact in facts}, key=fact_order)


def _nquads(store):
    return sorted(export_bytes(store, "nquads").splitlines())


@settings(max_examples=60)
@given(articles())
def test_every_format_gives_back_the_facts_ingested(found):
    """Store A reads back the facts ingested; for each format, a store B that imports
    A's export reads back the same facts, and a dataset format the same quads."""
    with open_store("memory:") as first:
        first.ingest(found)
        assert first.facts() == _facts(found)
        with tempfile.TemporaryDirectory() as folder:
            for name, fmt in FORMATS.items():
                path = Path(folder) / f"export{fmt.suffixes[0]}"
                path.write_bytes(export_bytes(first, name))
                if first.is_empty():
                    continue
                with open_store("memory:") as second:
                    import_file(second, path, validate=False)
                    assert second.facts() == first.facts(), name
                    if fmt.datasets:
                        assert _nquads(second) == _nquads(first), name
