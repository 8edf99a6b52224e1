"""The embedded backend: a pyoxigraph store on disk, or in memory.

Writes are atomic per call: a reader, or the store reopened after the process was
killed, sees every graph of a batch written, or none.

- A batch of graphs none of which is stored yet, of ``BULK_MIN`` to ``BULK_MAX``
  quads, goes through pyoxigraph's bulk loader (``bulk_extend``): about twice as
  fast as a transaction, and as atomic. Why atomic: the loader (oxigraph's
  ``storage/rocksdb.rs``) cuts its input into chunks of 1,000,000 quads
  (``DEFAULT_BULK_LOAD_BATCH_SIZE``; pyoxigraph sets no other size), writes each
  chunk into new SST files, one per index, and hands them to RocksDB in one
  ``IngestExternalFiles`` call across the column families, which RocksDB records
  in its MANIFEST at once: after an error or a crash none of the files is in the
  store. A batch of at most ``BULK_MAX`` quads is one chunk, hence one ingestion.
  The loader reads nothing back, so it may only add: a batch of new graphs. It
  writes new files each call, so a small batch (one article from the web view)
  goes through a transaction instead, sparing the store many tiny files.
- Any other batch of new graphs is one transactional ``extend``.
- A batch that replaces a stored graph is first added to staging graphs (one
  ``extend``), then moved over the live graphs by a single SPARQL update, which
  Oxigraph applies as one transaction. The move costs more than the quads
  themselves (about 60% of an ingest), so new articles skip it.

Staging graphs left by a process killed between the two steps are dropped when
the store is next opened for writing: the live graphs were never touched.
"""

import json
import os
import re
import threading
import time
from itertools import chain, islice
from pathlib import Path

import pyoxigraph as ox

from graph.errors import StoreError
from graph.rdf.terms import ID

STAGING = "/staging"
# A batch of new graphs this size or more goes through the bulk loader; at most
# BULK_MAX, the loader's chunk, so that it is one atomic ingestion (see above).
BULK_MIN = 10_000
BULK_MAX = 1_000_000
SUBJECTS = "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } }"
# LATERAL looks each subject up in the subject-first index; a plain join of the
# VALUES block may scan every quad instead (5x slower a chunk at 100k claims).
UNION_OF = ("CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
            "VALUES ?s { %s } LATERAL { GRAPH ?g { ?s ?p ?o } } } }")
SUBJECTS_PER_QUERY = 1000
# Counts kept in the store's folder with the state of its files they were taken at.
KEPT_COUNTS = "canon-counts.json"
SAFE_IRI = re.compile(r"^https://[A-Za-z0-9._~:/-]+$")
# Openings tried when a writer beside a read-only opening races it (see _open_read_only).
READ_ONLY_ATTEMPTS = 5


def _checked(iri):
    """Return ``<iri>`` for a graph IRI that canon made itself; refuse anything else,
    since it is spliced into an update."""
    if not SAFE_IRI.match(iri):
        raise StoreError(f"refusing to write graph {iri!r}: not an IRI canon made")
    return f"<{iri}>"


def _in_graph(quads, graph):
    """Return the quads moved into ``graph`` (those already there as they are)."""
    return [q if q.graph_name == graph else ox.Quad(q.subject, q.predicate, q.object, graph)
            for q in quads]


def _open_read_only(path, attempts=READ_ONLY_ATTEMPTS):
    """Return pyoxigraph's read-only opening of the store at ``path``.

    A writer beside it may delete a file that RocksDB's MANIFEST, just read, still
    names (it merged it into another): the opening then fails with "Corruption: ...
    No such file" (1 in 58 openings beside an import, tests/test_store_concurrent.py)
    and the next one sees the new MANIFEST. Raises OSError when every attempt fails.
    """
    for attempt in range(1, attempts + 1):
        try:
            return ox.Store.read_only(str(path))
        except RuntimeError as exc:
            if "No such file" not in str(exc) or attempt == attempts:
                raise OSError(str(exc)) from None
            time.sleep(0.05 * attempt)


class OxigraphBackend:
    """Quads in a pyoxigraph Store: ``path`` on disk, or in memory when None."""

    # Quads ingest and import write at once. Memory is about 1 KB a quad at the
    # peak (the bulk loader's copy included), and each batch of new graphs is one
    # ingestion into RocksDB, whose LSM tree then merges it with the others: fewer,
    # larger ones cost less as the store grows. At most BULK_MAX, one ingestion.
    batch_quads = 500_000

    def __init__(self, path=None, create=True, read_only=False):
        self.path = path
        self.read_only = read_only
        # Counts this object's writes: an on-disk store is locked to one writer, so
        # what was read from it holds until the count moves.
        self.generation = 0
        # Whether a graph is new is read before writing it: writers take turns.
        self._writing = threading.Lock()
        try:
            if path is None:
                self.store = ox.Store()
            else:
                if not create and not Path(path).exists():
                    raise StoreError(
                        f"no store at {path}: ingest articles first (canon ingest data/articles/)"
                    )
                # A read-only opening takes no lock: it reads beside the one process
                # that writes (canon serve, say), seeing what was written before it.
                self.store = _open_read_only(path) if read_only else ox.Store(str(path))
        except OSError as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if "lock" in reason.lower():
                raise StoreError(
                    f"the store at {path} is in use by another process; stop it, or pass "
                    "--store with another folder"
                ) from None
            raise StoreError(
                f"cannot open the store at {path}: {reason}; "
                "pass --store with a writable folder, or memory:"
            ) from None
        if not read_only:
            self._drop_staging()
        # What this object reads is the store as its files were now (a read-only
        # opening sees nothing written after it).
        self._opened = self._files_state()

    def _drop_staging(self):
        for graph in list(self.store.named_graphs()):
            if graph.value.startswith(ID) and graph.value.endswith(STAGING):
                self.store.remove_graph(graph)

    def replace_graphs(self, graphs, append=()):
        """Replace each named graph of ``{graph IRI: quads}`` with its quads, all at
        once (see the module docstring); the graphs named in ``append`` are added to
        instead. Returns None; raises StoreError when the store cannot be written."""
        if not graphs:
            return
        self._check_writable()
        with self._writing:
            try:
                replaced = [g for g in graphs if g not in append
                            and self.store.contains_named_graph(ox.NamedNode(g))]
                if replaced:
                    self._replace(graphs, append)
                    return
                count = sum(len(quads) for quads in graphs.values())
                quads = (quad for graph, quads in graphs.items()
                         for quad in _in_graph(quads, ox.NamedNode(graph)))
                if self.path is not None and BULK_MIN <= count <= BULK_MAX:
                    self.store.bulk_extend(quads)
                else:
                    self.store.extend(quads)
            except OSError as exc:
                self._drop_staging()
                raise StoreError(f"cannot write to the store at {self.path}: {exc}") from None
            finally:
                self.generation += 1

    def _check_writable(self):
        if self.read_only:
            raise StoreError(f"the store at {self.path} was opened read-only: nothing was written")

    def _replace(self, graphs, append=()):
        """Write ``graphs`` through staging graphs moved over the live ones; the graphs
        in ``append`` are added to directly."""
        staged = []
        moves = []
        for graph, quads in graphs.items():
            if graph in append:
                staged.extend(_in_graph(quads, ox.NamedNode(graph)))
                continue
            staging = ox.NamedNode(graph + STAGING)
            staged.extend(_in_graph(quads, staging))
            moves.append(f"MOVE SILENT GRAPH {_checked(staging.value)} TO GRAPH {_checked(graph)}")
        self.store.extend(staged)
        if moves:
            self.store.update(" ;\n".join(moves))

    def drop_graph(self, graph):
        """Remove a named graph; return True when it was there."""
        node = ox.NamedNode(graph)
        self._check_writable()
        with self._writing:
            if not self.store.contains_named_graph(node):
                return False
            self.store.remove_graph(node)
            self.generation += 1
            return True

    def graph_names(self):
        """Return the IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def select(self, query, bindings=None):
        """Return the solutions of a SELECT over the union of all graphs, as dicts of
        variable name to term. ``bindings`` maps variable names to terms."""
        substitutions = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        result = self.store.query(query, use_default_graph_as_union=True,
                                  substitutions=substitutions)
        names = [v.value for v in result.variables]
        return [{n: row[n] for n in names if row[n] is not None} for row in result]

    def query(self, query, bindings=None):
        """Return pyoxigraph's own, unread result of a SPARQL query over the union of
        all graphs: QuerySolutions, QueryBoolean or QueryTriples, which its caller may
        stop reading early or serialize. ``bindings`` maps variable names to terms.
        Raises SyntaxError for text that is not a query (an update is not one)."""
        substitutions = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        return self.store.query(query, use_default_graph_as_union=True,
                                substitutions=substitutions)

    def quads(self, graph=None):
        """Return an iterator over the quads, all or of one named graph."""
        graph_node = ox.NamedNode(graph) if graph else None
        return self.store.quads_for_pattern(None, None, None, graph_node)

    def count_quads(self):
        """Return the number of quads in the store (pyoxigraph counts its index
        without decoding a term: about 2x faster than a SPARQL COUNT)."""
        return len(self.store)

    def _files_state(self):
        """Return the name, size and modification time of each file of the store on
        disk (None in memory), but RocksDB's message log and lock, which an opening
        writes, and the kept counts: every write changes one of them (a transaction
        appends to the write-ahead log, a bulk load adds files and a MANIFEST)."""
        if self.path is None:
            return None
        try:
            return sorted([e.name, e.stat().st_size, e.stat().st_mtime_ns]
                          for e in os.scandir(self.path)
                          if e.name != KEPT_COUNTS and not e.name.startswith(("LOG", "LOCK")))
        except OSError:
            return None

    def kept_counts(self, compute):
        """Return ``compute()`` (a dict that JSON holds), kept in the store's folder
        for as long as its files stay as they were: at 1M claims counting the quads
        and types reads the whole index (8 s of CPU), reading the kept counts 1 ms.

        The counts are kept only when the files did not change from this object's
        opening to the end of the count, so they are those of that state; a folder
        that cannot be written keeps nothing. In memory, nothing is kept."""
        state = self._files_state()
        if state is None:
            return compute()
        kept_path = Path(self.path) / KEPT_COUNTS
        try:
            kept = json.loads(kept_path.read_text(encoding="utf-8"))
            if kept["state"] == state:
                return kept["counts"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
        counts = compute()
        if state == self._opened == self._files_state():
            part = kept_path.with_name(KEPT_COUNTS + ".part")
            try:
                part.write_text(json.dumps({"state": state, "counts": counts}), encoding="utf-8")
                os.replace(part, kept_path)
            except OSError:
                part.unlink(missing_ok=True)
        return counts

    def is_empty(self):
        """Return True when the store holds no quad at all."""
        return next(iter(self.store), None) is None

    def bulk_load(self, path, fmt, graph=None):
        """Load an RDF file with pyoxigraph's bulk loader (triples into ``graph``, a
        NamedNode): the fastest way in, not transactional, for an empty store."""
        self._check_writable()
        with self._writing:
            try:
                self.store.bulk_load(path=str(path), format=fmt, to_graph=graph)
            except OSError as exc:
                raise StoreError(f"cannot write to the store at {self.path}: {exc}") from None
            finally:
                self.generation += 1

    def dump(self, output, fmt, prefixes=None):
        """Write every quad to the binary file ``output`` in pyoxigraph RdfFormat
        ``fmt``, streaming, in the store's index order. A triples format gets the
        union of the named graphs, each triple once (see ``union_triples``)."""
        if fmt.supports_datasets:
            self.store.dump(output, fmt, prefixes=prefixes)
        else:
            ox.serialize(self.union_triples(), output, fmt, prefixes=prefixes)

    def union_triples(self):
        """Return an iterator over each triple of the union of the named graphs once,
        subject by subject.

        A triple that several articles state is in several graphs. The distinct
        subjects are read by one query (pyoxigraph holds that set, in Rust), then
        the triples of SUBJECTS_PER_QUERY subjects at a time by a CONSTRUCT of the
        distinct triples of those subjects, the subjects in a VALUES block of IRIs
        pyoxigraph serialised: the deduplication runs in pyoxigraph (on a subject
        that many articles name, 17x faster than comparing its quads here; as fast
        over a whole 100k-claim store), and memory holds one chunk's triples, never
        the store's (a CONSTRUCT of the whole union held 700 MB at 100k claims)."""
        return chain.from_iterable(self._union_chunks())

    def _union_chunks(self):
        """Yield the union's triples chunk by chunk (see ``union_triples``)."""
        subjects = self.store.query(SUBJECTS)
        while chunk := [subject for (subject,) in islice(subjects, SUBJECTS_PER_QUERY)]:
            named = [str(s) for s in chunk if isinstance(s, ox.NamedNode)]
            if named:
                yield self.store.query(UNION_OF % " ".join(named))
            # A VALUES block cannot hold a blank node (canon writes none, but a
            # store loaded by other means may): its quads are read here, where the
            # subject-first index puts a triple's copies side by side.
            for subject in chunk:
                if not isinstance(subject, ox.NamedNode):
                    yield self._blank_subject_triples(subject)

    def _blank_subject_triples(self, subject):
        last = None
        for quad in self.store.quads_for_pattern(subject, None, None, None):
            key = (quad.predicate, quad.object)
            if not isinstance(quad.graph_name, ox.DefaultGraph) and key != last:
                last = key
                yield ox.Triple(subject, quad.predicate, quad.object)

    def close(self):
        """Flush and release the store."""
        if self.path is not None and not self.read_only:
            self.store.flush()
        del self.store
