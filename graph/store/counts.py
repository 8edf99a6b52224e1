"""The counts ``canon stats`` reports, counted in full or followed write by write.

Counts are ``{"quads": n, "types": {class IRI: n}}``: the quads of every graph, and
the distinct nodes typed with each class in ``COUNTED`` (a node typed in several
articles' graphs counts once). A full count reads the whole index (at 1M claims
about 5 s of CPU for the quads and 3.4 for the types). A write knows what it adds
and what it removes, so ``Delta`` brings known counts up to date by looking at
those quads only: the quads of the graphs it touches, counted before and after,
and for each typed node it adds or removes, whether the union held it before and
holds it after.
"""

from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox

from graph.rdf import terms as t

# The classes stats reports: episodes and series are a sixth of the typed nodes.
STATS_KINDS = ("person", "character", "work", "season", "article", "evidence")
COUNTED = (*t.CLAIM_CLASSES.values(), *(t.ENTITY_CLASSES[kind] for kind in STATS_KINDS))
_CLASSES = " ".join(f"<{c}>" for c in COUNTED)
COUNT_TYPES = ("SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { VALUES ?class { "
               + _CLASSES + " } ?s a ?class } GROUP BY ?class")
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
# The graphs come as a VALUES block of IRIs pyoxigraph serialised (str of a
# NamedNode escapes); each is read through its own graph-first index range.
QUADS_IN = "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?g { %s } GRAPH ?g { ?s ?p ?o } }"
GRAPHS_PER_QUERY = 500

TYPE = ox.NamedNode(t.RDF_TYPE)
_COUNTED_NODES = frozenset(ox.NamedNode(c) for c in COUNTED)


def zero():
    """Return the counts of an empty store."""
    return {"quads": 0, "types": dict.fromkeys(COUNTED, 0)}


def count_all(backend):
    """Return the counts of the whole store, counted now: the types by one SPARQL
    ``GROUP BY`` and the quads (by the backend's ``count_quads`` where it has one,
    else by SPARQL) side by side in a second thread, since pyoxigraph counts
    without the GIL and a server answers two requests at once: on free cores the
    longer of the two, not their sum."""
    with ThreadPoolExecutor(max_workers=1) as counter:
        quads = counter.submit(_count_quads, backend)
        rows = backend.select(COUNT_TYPES)
        quads = quads.result()
    counts = zero()
    counts["quads"] = quads
    counts["types"].update({r["class"].value: int(r["n"].value) for r in rows})
    return counts


def _count_quads(backend):
    if hasattr(backend, "count_quads"):
        return backend.count_quads()
    rows = backend.select(COUNT_QUADS)
    return int(rows[0]["n"].value) if rows else 0


def _quads_in(store, graphs):
    """Return how many quads the named graphs ``graphs`` (NamedNodes) hold together."""
    graphs, total = list(graphs), 0
    for start in range(0, len(graphs), GRAPHS_PER_QUERY):
        values = " ".join(str(g) for g in graphs[start:start + GRAPHS_PER_QUERY])
        for row in store.query(QUADS_IN % values):
            total += int(row["n"].value)
    return total


def _typed_in(store, graph):
    """Return the (node, class) pairs of the counted classes typed in ``graph``."""
    return {(q.subject, q.object) for q in store.quads_for_pattern(None, TYPE, None, graph)
            if q.object in _COUNTED_NODES}


def _typed(quads):
    return {(q.subject, q.object) for q in quads
            if q.predicate == TYPE and q.object in _COUNTED_NODES}


def _held(store, pair):
    return next(store.quads_for_pattern(pair[0], TYPE, pair[1], None), None) is not None


class Delta:
    """What one write changes in the counts: made before the write from what it will
    write (``graphs``: {graph IRI: quads}; ``kept``: those of them added to rather
    than replaced; ``dropped``: graph IRIs removed whole), then ``apply`` after it."""

    def __init__(self, store, graphs=None, kept=(), dropped=()):
        self.store = store
        stored = [g for g in (*(graphs or {}), *dropped)
                  if store.contains_named_graph(ox.NamedNode(g))]
        self.touched = [ox.NamedNode(g) for g in (*(graphs or {}), *dropped)]
        self.quads_before = _quads_in(store, (ox.NamedNode(g) for g in stored))
        # A replaced or dropped graph's types go; a kept one's stay.
        gone = set()
        for graph in stored:
            if graph not in kept:
                gone |= _typed_in(store, ox.NamedNode(graph))
        added = set()
        for quads in (graphs or {}).values():
            added |= _typed(quads)
        self.added = {pair for pair in added - gone if not _held(store, pair)}
        self.gone = gone - added

    def apply(self, counts):
        """Return ``counts`` (as they were before the write) brought up to after it."""
        types = dict(counts["types"])
        for _, cls in self.added:
            types[cls.value] += 1
        for pair in self.gone:
            if not _held(self.store, pair):
                types[pair[1].value] -= 1
        quads = counts["quads"] - self.quads_before + _quads_in(self.store, self.touched)
        return {"quads": quads, "types": types}
