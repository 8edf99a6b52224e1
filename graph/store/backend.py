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

import contextlib
import json
import os
import re
import tempfile
import threading
import time
from itertools import chain, islice
from pathlib import Path

import pyoxigraph as ox

from graph.errors import StoreError
from graph.rdf.terms import ID
from graph.store.counts import Delta, count_all, zero

STAGING = "/staging"
# A batch of new graphs this size or more goes through the bulk loader; at most
# BULK_MAX, the loader's chunk, so that it is one atomic ingestion (see above).
BULK_MIN = 10_000
BULK_MAX = 1_000_000
# The bulk loader's files are merged (``optimize``) at closing once it wrote this
# share of the store: merging rewrites the whole store, so a small bulk write into
# a large store is left to RocksDB's own merging.
COMPACT_SHARE = 0.25
SUBJECTS = "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } }"
# LATERAL looks each subject up in the subject-first index; a plain join of the
# VALUES block may scan every quad instead (5x slower a chunk at 100k claims).
UNION_OF = ("CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
            "VALUES ?s { %s } LATERAL { GRAPH ?g { ?s ?p ?o } } } }")
SUBJECTS_PER_QUERY = 1000
# Counts kept in the store's folder with the state of its files they are of.
KEPT_COUNTS = "canon-counts.json"
# Which shape of counts the file holds: one kept by another version is not read.
COUNTS_FORMAT = 2
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
        # Quads the bulk loader wrote through this object (None: a whole file, uncounted).
        self._bulk_quads = 0
        # Whether a graph is new is read before writing it: writers take turns.
        self._writing = threading.Lock()
        # Taken before opening: a writable opening changes the files (a new log).
        state = self._files_state()
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
        # What a read-only opening reads is the store as its files were now: it
        # sees nothing written after it.
        self._opened = state
        self._counts = self._kept_counts(state)
        if not read_only and self._drop_staging():
            self._counts = None

    def _drop_staging(self):
        """Drop the staging graphs a killed write left; return True when there were some."""
        dropped = False
        for graph in list(self.store.named_graphs()):
            if graph.value.startswith(ID) and graph.value.endswith(STAGING):
                self.store.remove_graph(graph)
                dropped = True
        return dropped

    def replace_graphs(self, graphs, append=()):
        """Replace each named graph of ``{graph IRI: quads}`` with its quads, all at
        once (see the module docstring); the graphs named in ``append`` are added to
        instead. Returns None; raises StoreError when the store cannot be written."""
        if not graphs:
            return
        self._check_writable()
        with self._writing:
            counts, delta = self._start_write(graphs=graphs, kept=append)
            try:
                replaced = [g for g in graphs if g not in append
                            and self.store.contains_named_graph(ox.NamedNode(g))]
                if replaced:
                    self._replace(graphs, append)
                else:
                    self._add(graphs)
            except OSError as exc:
                self._drop_staging()
                raise StoreError(f"cannot write to the store at {self.path}: {exc}") from None
            finally:
                self.generation += 1
            self._end_write(counts, delta)

    def _add(self, graphs):
        """Write graphs none of which is stored yet (see the module docstring)."""
        count = sum(len(quads) for quads in graphs.values())
        quads = (quad for graph, quads in graphs.items()
                 for quad in _in_graph(quads, ox.NamedNode(graph)))
        if self.path is not None and BULK_MIN <= count <= BULK_MAX:
            self.store.bulk_extend(quads)
            if self._bulk_quads is not None:
                self._bulk_quads += count
        else:
            self.store.extend(quads)

    def _start_write(self, **change):
        """Return (counts before the write, its Delta) when the counts are known, else
        (None, None); until ``_end_write`` they are unknown, so a write that fails
        leaves them unknown (counted again when next asked for)."""
        counts, self._counts = self._counts, None
        if counts is None:
            return None, None
        return counts, Delta(self.store, **change)

    def _end_write(self, counts, delta):
        """Bring the counts up to after the write and keep them (see ``counts``)."""
        if delta is not None:
            self._counts = delta.apply(counts)
            self._keep_counts()

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
            counts, delta = self._start_write(dropped=[graph])
            self.store.remove_graph(node)
            self.generation += 1
            self._end_write(counts, delta)
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
        disk (None in memory, or when the folder cannot be read), but RocksDB's
        message log and lock, which an opening writes, and the kept counts: every
        write changes one of them (a transaction appends to the write-ahead log, a
        bulk load adds files and a MANIFEST)."""
        if self.path is None:
            return None
        state = []
        try:
            for entry in os.scandir(self.path):
                if entry.name.startswith((KEPT_COUNTS, "LOG", "LOCK")):
                    continue
                try:
                    stat = entry.stat()
                except FileNotFoundError:
                    # A background merge removed it while the folder was listed; before,
                    # this left the counts of a bulk load unkept now and then.
                    continue
                state.append([entry.name, stat.st_size, stat.st_mtime_ns])
        except OSError:
            return None
        return sorted(state)

    def _kept_counts(self, state):
        """Return the counts kept in the folder for the files' ``state``, zero ones for
        an empty store, else None (unknown: counted when first asked for)."""
        if self.path is None:
            return zero()
        try:
            kept = json.loads((Path(self.path) / KEPT_COUNTS).read_text(encoding="utf-8"))
            if state is not None and kept["state"] == state and kept["format"] == COUNTS_FORMAT:
                return kept["counts"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
        return zero() if self.is_empty() else None

    def counts(self):
        """Return the counts of the store (graph.store.counts): kept ones when known
        (a write updates them by what it added and removed, a full count sets them),
        else counted in full now (at 1M claims 8 s of CPU) and kept from then on.

        The embedded store on disk keeps them in its folder too (``KEPT_COUNTS``),
        beside the state of its files they are of, for the next process: a writer
        after each write and at closing, a read-only opening after a full count
        when the files did not change from its opening to the end of the count
        (what it read is then what the files hold). Keeping is best effort: a
        folder that cannot be written keeps nothing and fails nothing."""
        with self._writing:
            if self._counts is None:
                self._counts = count_all(self)
                if not self.read_only or self._files_state() == self._opened:
                    self._keep_counts(self._opened if self.read_only else None)
            return {"quads": self._counts["quads"], "types": dict(self._counts["types"])}

    def _keep_counts(self, state=None):
        """Write the known counts into the folder with ``state`` (by default the files'
        state now), through a new file renamed over the old; never raises."""
        if self.path is None or self._counts is None:
            return
        state = state if state is not None else self._files_state()
        if state is None:
            return
        try:
            fd, part = tempfile.mkstemp(dir=self.path, prefix=KEPT_COUNTS, suffix=".part")
        except OSError:
            return
        try:
            # Readable by every user who can read the store (mkstemp makes it 0600).
            os.fchmod(fd, 0o644)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({"format": COUNTS_FORMAT, "state": state, "counts": self._counts}, out)
            os.replace(part, Path(self.path) / KEPT_COUNTS)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(part)

    def is_empty(self):
        """Return True when the store holds no quad at all."""
        return next(iter(self.store), None) is None

    def bulk_load(self, path, fmt, graph=None):
        """Load an RDF file with pyoxigraph's bulk loader (triples into ``graph``, a
        NamedNode): the fastest way in, not transactional, for an empty store."""
        self._check_writable()
        with self._writing:
            self._counts = None
            self._bulk_quads = None
            try:
                self.store.bulk_load(path=str(path), format=fmt, to_graph=graph)
            except OSError as exc:
                raise StoreError(f"cannot write to the store at {self.path}: {exc}") from None
            finally:
                self.generation += 1
        # The loader's quads never pass through Python: the counts are taken here,
        # once, so that the first stats after the import need not.
        self.counts()

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

    def _compact_after_bulk(self):
        """Merge the store's files when the bulk loader wrote a large share of it.

        The loader adds its own sorted files beside the store's, and RocksDB does not
        merge files ingested this way on its own: a 1M-claim store bulk-loaded from
        N-Quads was 205 files, and reading it was 7 times slower than after
        ``optimize`` (2M quads in 114-127 s against 16.8 s; a character's status
        33-58 ms against 12-18 ms), which took 105 s there."""
        written = self._bulk_quads
        if written == 0:
            return
        if written is not None:
            # The kept counts, when known, spare counting the store's index.
            total = self._counts["quads"] if self._counts is not None else len(self.store)
            if written < COMPACT_SHARE * total:
                return
        self.store.optimize()

    def close(self):
        """Merge what the bulk loader wrote (see ``_compact_after_bulk``), flush and
        release the store."""
        if self.path is not None and not self.read_only:
            # Flushed first, so that the merge takes in what the memory still held.
            self.store.flush()
            self._compact_after_bulk()
            del self.store
            # Closing flushes and may compact: the counts go with the files as left.
            self._keep_counts()
        else:
            del self.store
