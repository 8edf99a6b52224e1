"""The store: canon's graph as RDF quads, one named graph per article.

The ``Store`` speaks in facts and articles; its backend speaks in quads. Every
command (ingest, facts, export...) goes through this class, so the same code runs
on the embedded store (backend.py) and on a SPARQL server (remote.py).
"""

import os
from dataclasses import dataclass
from itertools import islice

from pyoxigraph import Literal, NamedNode

from graph.errors import StoreError
from graph.rdf import terms as t
from graph.rdf.mapping import article_quads, claims_from_rows
from graph.store import scoped
from graph.store.backend import OxigraphBackend
from graph.store.counts import STATS_KINDS, count_all
from graph.store.remote import SparqlBackend

DEFAULT_LOCATION = "canon-data"
# Quads written at once by ingest and import, unless the backend says otherwise
# (``batch_quads``: the embedded store takes more, a server fewer); memory is
# bounded by a batch.
BATCH_QUADS = 100_000
HASHES_PER_QUERY = 500
MEMORY = "memory:"

PREFIXES = t.SPARQL_PREFIXES
CLAIM_ROWS = PREFIXES + """SELECT ?claim ?class ?p ?o WHERE {
  ?claim a ?class ; ?p ?o .
  FILTER(?class IN (%s))
}"""
# Oxigraph substitutes only variables of the projection, hence ?needle and ?g below.
CLAIMS_ABOUT = PREFIXES + """SELECT DISTINCT ?claim ?needle WHERE {
  ?claim ?p ?entity . ?entity rdfs:label ?label .
  FILTER(LCASE(STR(?label)) = ?needle)
}"""
LABELS = PREFIXES + "SELECT ?entity ?label WHERE { ?entity rdfs:label ?label }"
ALIASES = PREFIXES + "SELECT DISTINCT ?entity ?alias WHERE { ?entity schema:alternateName ?alias }"
EVIDENCE_ROWS = PREFIXES + """SELECT ?claim ?doc ?start ?end ?quote ?rule ?confidence WHERE {
  """ + scoped.EVIDENCE + "\n}"
ARTICLE_ROWS = PREFIXES + """SELECT ?doc ?hash ?title (COUNT(DISTINCT ?claim) AS ?claims) WHERE {
  GRAPH ?g { ?article canon:docName ?doc ; canon:contentHash ?hash .
             OPTIONAL { ?article schema:headline ?title }
             OPTIONAL { ?claim canon:evidence ?ev . ?ev prov:wasDerivedFrom ?article } }
} GROUP BY ?doc ?hash ?title ORDER BY ?doc"""
ARTICLE_OF = PREFIXES + """SELECT ?g ?doc ?hash ?title ?source ?published ?work ?text WHERE {
  GRAPH ?g { ?article canon:docName ?doc ; canon:contentHash ?hash .
             OPTIONAL { ?article schema:headline ?title }
             OPTIONAL { ?article canon:sourceName ?source }
             OPTIONAL { ?article schema:datePublished ?published }
             OPTIONAL { ?article schema:about ?about . ?about rdfs:label ?work }
             OPTIONAL { ?article schema:text ?text } }
} LIMIT 1"""
CLAIMS_IN_COUNT = PREFIXES + """SELECT ?g (COUNT(DISTINCT ?claim) AS ?claims) WHERE {
  GRAPH ?g { ?claim canon:evidence ?ev } } GROUP BY ?g"""
HASH_OF = PREFIXES + "SELECT ?g ?hash WHERE { GRAPH ?g { ?article canon:contentHash ?hash } }"
# The graphs come as a VALUES block of IRIs that pyoxigraph serialised (str of a
# NamedNode escapes), since a substitution binds one value, not a list.
HASHES_OF = PREFIXES + """SELECT ?g ?hash WHERE {
  VALUES ?g { %s } GRAPH ?g { ?article canon:contentHash ?hash } }"""


@dataclass(frozen=True)
class IngestResult:
    """What ingesting one article did: ``status`` is added, replaced or unchanged."""

    doc: str
    status: str
    facts: int


def resolve_location(location=None):
    """Return the store location to use: the argument, else $CANON_STORE, else ./canon-data."""
    return os.fspath(location or os.environ.get("CANON_STORE") or DEFAULT_LOCATION)


def open_store(location=None, create=True, read_only=False):
    """Return the Store at ``location``: a folder, ``memory:``, or the URL of a
    SPARQL 1.1 server (``http(s)://...``, see graph.store.remote).

    With ``create=False`` a missing folder is a StoreError instead of a new store.
    With ``read_only`` a folder opens without its lock, beside a process that
    writes it, and the store refuses writes. Raises StoreError for a location that cannot
    be opened or written.
    """
    location = resolve_location(location)
    if location == MEMORY:
        return Store(OxigraphBackend(None), location)
    if location.startswith(("http://", "https://")):
        return Store(SparqlBackend(location, create=create, read_only=read_only), location)
    if "://" in location:
        raise StoreError(
            f"unknown store {location!r}: use a folder path, memory: or the "
            "http(s):// URL of a SPARQL server"
        )
    return Store(OxigraphBackend(location, create=create, read_only=read_only), location)


class Store:
    """canon's graph; open it with ``open_store``. Usable as a context manager."""

    def __init__(self, backend, location):
        self.backend = backend
        self.location = location
        self._kept = {}

    def _kept_until_written(self, name, compute):
        """Return ``compute()``, kept while the backend reports no write since (a
        backend without a ``generation``, such as a shared server, keeps nothing)."""
        generation = getattr(self.backend, "generation", None)
        if generation is None:
            return compute()
        kept = self._kept.get(name)
        if kept is None or kept[0] != generation:
            kept = self._kept[name] = (generation, compute())
        return kept[1]

    def kept(self, name, compute):
        """Return ``compute()`` for a caller's value derived from the store (a name
        index), kept under ``name`` until the store is written; computed each time on
        a backend that cannot tell (a shared server)."""
        return self._kept_until_written(("kept", name), compute)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Release the store (flushes the embedded one to disk)."""
        self.backend.close()

    def article_hash(self, doc):
        """Return the content hash stored for article ``doc``, or None."""
        rows = self.backend.select(HASH_OF, {"g": NamedNode(t.graph_iri(doc))})
        return rows[0]["hash"].value if rows else None

    def article_hashes(self, docs):
        """Return {doc: content hash} for those of ``docs`` that are stored, in one query."""
        iris = {t.graph_iri(doc): doc for doc in docs}
        if not iris:
            return {}
        values = " ".join(str(NamedNode(iri)) for iri in iris)
        rows = self.backend.select(HASHES_OF % values)
        return {iris[row["g"].value]: row["hash"].value for row in rows}

    @property
    def batch_quads(self):
        """Return how many quads ingest and import write at once by default."""
        return getattr(self.backend, "batch_quads", BATCH_QUADS)

    def ingest(self, extracted, force=False, batch_quads=None):
        """Store each (article, facts) pair in its own named graph, in batches of about
        ``batch_quads`` quads (by default ``self.batch_quads``), each batch written
        at once (an article is never split; a failure keeps the batches before it).

        An article whose content hash is already stored is left as it is (unless
        ``force``); a changed one replaces its graph. Returns one IngestResult each.
        """
        results, graphs, count = [], {}, 0
        batch_quads = batch_quads or self.batch_quads
        extracted = iter(extracted)
        while chunk := list(islice(extracted, HASHES_PER_QUERY)):
            hashes = self.article_hashes(article.doc for article, _ in chunk)
            for article, facts in chunk:
                known = hashes.get(article.doc)
                if known == article.content_hash and not force:
                    results.append(IngestResult(article.doc, "unchanged", len(facts)))
                    continue
                quads = article_quads(article, facts)
                graphs[t.graph_iri(article.doc)] = quads
                count += len(quads)
                results.append(IngestResult(article.doc, "replaced" if known else "added",
                                            len(facts)))
                if count >= batch_quads:
                    self.backend.replace_graphs(graphs)
                    graphs, count = {}, 0
        self.backend.replace_graphs(graphs)
        return results

    def replace_graphs(self, graphs, append=()):
        """Replace whole named graphs with the given quads, all at once (a reader sees
        all of them written or none); add to the graphs named in ``append`` instead."""
        self.backend.replace_graphs(graphs, append=append)

    def is_empty(self):
        """Return True when the store holds nothing."""
        return self.backend.is_empty()

    def dump(self, output, fmt, prefixes=None):
        """Write the whole store to the binary file ``output`` in pyoxigraph RdfFormat
        ``fmt``, streaming; a triples format gets the union of the graphs."""
        self.backend.dump(output, fmt, prefixes)

    def forget(self, doc):
        """Remove everything article ``doc`` said; return True when it was stored."""
        return self.backend.drop_graph(t.graph_iri(doc))

    def articles(self):
        """Return the stored articles as dicts: doc, hash, title, claims."""
        out = []
        for row in self.backend.select(ARTICLE_ROWS):
            out.append({
                "doc": row["doc"].value,
                "hash": row["hash"].value,
                "title": row["title"].value if "title" in row else None,
                "claims": int(row["claims"].value),
            })
        return out

    def article_index(self):
        """Return (doc, headline, date published) of every stored article, by doc (None
        where not stored); kept until the store is written."""
        return list(self._kept_until_written("article index",
                                             lambda: scoped.article_index(self.backend)))

    def latest_docs(self, count):
        """Return the names of the ``count`` latest stored articles (by date published,
        then name), sorted by name."""
        latest = sorted(self.article_index(), key=lambda row: (row[2] or "", row[0]),
                        reverse=True)[:count]
        return tuple(sorted(doc for doc, _title, _published in latest))

    def claims_in(self, doc):
        """Return how many distinct claims article ``doc`` states."""
        rows = self.backend.select(CLAIMS_IN_COUNT, {"g": NamedNode(t.graph_iri(doc))})
        return int(rows[0]["claims"].value) if rows else 0

    def work_counts(self):
        """Return {work name: (characters, events, articles)}: for each work some claim
        names as its work, the distinct characters those claims name as character,
        how many of them are events, and the articles they come from; kept until the
        store is written (it reads every claim with a work)."""
        def read():
            return {self._label_of(iri): counts
                    for iri, counts in scoped.work_counts(self.backend).items()}
        return dict(self._kept_until_written("work counts", read))

    def work_class_counts(self):
        """Return {(work IRI, claim kind): distinct claims} over every claim with a
        work; kept until the store is written."""
        return dict(self._kept_until_written("work class counts",
                                             lambda: scoped.work_class_counts(self.backend)))

    def unplaced_claims(self):
        """Return {work IRI: {claim IRI: (kind, character IRI or None, graph IRIs)}}
        of the claims with a work that no spoiler cut hides (portrayals without a
        season, crew, continuity links, placements); kept until the store is written."""
        return self._kept_until_written("unplaced claims",
                                        lambda: scoped.unplaced_claims(self.backend))

    def places_of_work(self, work):
        """Return {claim IRI: scoped.Place} of the claims whose work is ``work``: where
        each sits in story time, its character and the graphs that state it."""
        return scoped.places_of_work(self.backend, work, self._label_of)

    def places_in(self, doc):
        """Return {claim IRI: scoped.Place} of the claims article ``doc`` states."""
        return scoped.places_in(self.backend, doc, self._label_of)

    def article(self, doc):
        """Return one stored article as a dict (doc, hash, title, source, published,
        work, text; None where not stored), or None when ``doc`` is not stored."""
        rows = self.backend.select(ARTICLE_OF, {"g": NamedNode(t.graph_iri(doc))})
        if not rows:
            return None
        row = rows[0]
        keys = ("doc", "hash", "title", "source", "published", "work", "text")
        return {key: row[key].value if key in row else None for key in keys}

    def labels(self):
        """Return {entity IRI: name} for every labelled entity."""
        return scoped.least_labels(self.backend.select(LABELS))

    def claims(self, about=None, kind=None):
        """Return {claim IRI: claim}, optionally only those naming entity ``about``
        (case-insensitive) and of one ``kind``."""
        classes = [t.CLAIM_CLASSES[kind]] if kind else list(t.CLAIM_CLASSES.values())
        query = CLAIM_ROWS % ", ".join(f"<{c}>" for c in classes)
        rows = [(r["claim"], r["class"], r["p"], r["o"]) for r in self.backend.select(query)]
        if about:
            wanted = {
                r["claim"].value
                for r in self.backend.select(CLAIMS_ABOUT, {"needle": Literal(about.lower())})
            }
            rows = [row for row in rows if row[0].value in wanted]
        return claims_from_rows(rows, self.labels())

    def facts(self, about=None, kind=None):
        """Return every stored Fact (a claim with one piece of evidence), ordered by
        article and position; filters as in ``claims``."""
        claims = self.claims(about=about, kind=kind)
        return scoped.facts_from_rows(claims, self.backend.select(EVIDENCE_ROWS))

    def entity_label(self, kind, name):
        """Return the stored name of the ``kind`` entity (person, character, work) that
        ``name`` stands for word for word, in any case, or None (kept until the store
        is written: a page asks for the same names again and again)."""
        return self._label_of(t.entity_iri(kind, name))

    def names(self, kind):
        """Return the name of every stored entity of ``kind``, sorted (kept between
        calls until the store is written)."""
        return sorted(set(self.entity_labels(kind).values()))

    def aliases(self, kind):
        """Return {name: other names the articles give it, sorted} for the stored
        entities of ``kind`` that have any (kept until the store is written)."""
        def read():
            labels = self.entity_labels(kind)
            found = {}
            for row in self.backend.select(ALIASES):
                name = labels.get(row["entity"].value)
                if name is not None:
                    found.setdefault(name, set()).add(row["alias"].value)
            return {name: tuple(sorted(names)) for name, names in found.items()}
        return dict(self._kept_until_written(("aliases", kind), read))

    def claim_counts(self, kind):
        """Return {name: how many claims name it} for the stored entities of ``kind``
        that some claim names (kept until the store is written)."""
        def read():
            labels = self.entity_labels(kind)
            counts = scoped.claims_per_entity(self.backend, kind)
            return {labels[iri]: n for iri, n in counts.items() if iri in labels}
        return dict(self._kept_until_written(("claim counts", kind), read))

    def entity_labels(self, kind):
        """Return {IRI: name} of every stored entity of ``kind`` (kept between calls
        until the store is written)."""
        return dict(self._kept_until_written(("labels", kind),
                                             lambda: scoped.labels_of_kind(self.backend, kind)))

    def claim_works(self):
        """Return the IRIs of the works some claim names as its work, sorted."""
        return scoped.claim_works(self.backend)

    def all_seasons(self):
        """Return {work IRI: season numbers} of every season the store shows."""
        return scoped.all_seasons(self.backend)

    def facts_of_article(self, doc, labels):
        """Return the Facts article ``doc`` gives, each with the article's own
        evidence, in article order; ``labels`` maps entity IRIs to names."""
        return scoped.facts_of_article(self.backend, doc, labels)

    def facts_of_events(self, events, work=None):
        """Return the Facts of the event claims of the given kinds ("death"...),
        only those of ``work`` (a stored name) when given, in article order."""
        return scoped.facts_of_events(self.backend, events, self._label_of, work)

    def last_episode(self, work, season):
        """Return the highest episode number the store shows for a season of
        ``work`` (a name), or None."""
        return scoped.last_episode(self.backend, work, season)

    def characters_with_events(self, events):
        """Return the IRIs of the characters of event claims of the given kinds."""
        return scoped.characters_with_events(self.backend, events)

    def characters_with_actors(self):
        """Return the IRIs of the characters claims give more than one actor."""
        return scoped.characters_with_actors(self.backend)

    def characters_past(self, work_iri, season, episodes=None):
        """Return the IRIs of the characters of claims placed in a work past a season
        or, with ``episodes``, past that many episodes of it."""
        return scoped.characters_past(self.backend, work_iri, season, episodes)

    def facts_naming(self, kind, name):
        """Return the Facts of the claims naming the ``kind`` entity ``name`` (a
        character as character or agent, a person as actor or crew, a work as work or
        link target), read by the entity alone, in article order."""
        return scoped.facts_naming(self.backend, kind, name, self._label_of)

    def facts_of_kind_in_work(self, kind, work):
        """Return the Facts of the ``kind`` claims ("crew"...) whose work is ``work``
        (a stored name), in article order."""
        return scoped.facts_of_kind_in_work(self.backend, kind, work, self._label_of)

    def facts_in(self, doc):
        """Return the Facts of the claims article ``doc`` states (one named graph),
        each with its evidence from every article, in article order."""
        return scoped.facts_in(self.backend, doc, self._label_of)

    def claims_naming_at_most(self, kind, name, limit):
        """Return how many claims name the ``kind`` entity ``name``, counted up to
        ``limit`` + 1 at most (a bounded read: more than ``limit`` means "many"); kept
        until the store is written (100 ms for a work at 1M claims)."""
        return self._kept_until_written(
            ("claims naming", kind, name, limit),
            lambda: scoped.claims_naming_at_most(self.backend, kind, name, limit))

    def most_sourced(self, kind, limit, docs):
        """Return the names of the ``limit`` entities of ``kind`` (person, character,
        work) whose claims the most of the articles ``docs`` state, most first; kept
        until the store is written."""
        docs = tuple(docs)

        def read():
            return [name for iri in scoped.most_sourced(self.backend, kind, limit, docs)
                    if (name := self._label_of(iri)) is not None]
        return list(self._kept_until_written(("most sourced", kind, limit, docs), read))

    def entities_of_claim(self, claim_iri):
        """Return the IRIs of the people, characters and works a claim names, sorted."""
        return scoped.entities_of_claim(self.backend, claim_iri)

    def _label_of(self, iri):
        """Return the name of the entity ``iri``, kept until the store is written."""
        return self._kept_until_written(("label", iri), lambda: scoped.label_of(self.backend, iri))

    def frame_facts(self):
        """Return the Facts of the claims that order story time (seasons, placements,
        continuity links), in article order; kept between calls until the store is
        written, since every answer needs them."""
        return list(self._kept_until_written(
            "frame", lambda: scoped.frame_facts(self.backend, self._label_of)))

    def has_claims(self, work):
        """Return True when some claim names ``work`` as its work (kept until the
        store is written)."""
        return self._kept_until_written(("has claims", work),
                                        lambda: scoped.has_claims(self.backend, work))

    def seasons_of(self, work):
        """Return the season numbers any stored claim shows ``work`` to have, sorted
        (kept between calls until the store is written)."""
        return list(self._kept_until_written(("seasons", work),
                                             lambda: scoped.seasons_of(self.backend, work)))

    def spans_of(self, doc):
        """Return the distinct (start, end) spans of article ``doc``'s evidence, sorted."""
        return scoped.spans_of(self.backend, doc)

    def title_of(self, doc):
        """Return the headline stored for article ``doc``, or None."""
        return scoped.title_of(self.backend, doc)

    def stats(self):
        """Return counts: articles, claims by kind, entities by kind, evidence, quads.
        The embedded store keeps them current as it is written (graph.store.counts);
        a server counts every time."""
        counts = self.backend.counts() if hasattr(self.backend, "counts") else count_all(
            self.backend)
        by_class = counts["types"]
        kinds = STATS_KINDS
        return {
            "articles": by_class.get(t.ENTITY_CLASSES["article"], 0),
            "claims": {kind: by_class.get(iri, 0) for kind, iri in t.CLAIM_CLASSES.items()},
            "entities": {kind: by_class.get(t.ENTITY_CLASSES[kind], 0) for kind in kinds[:4]},
            "evidence": by_class.get(t.ENTITY_CLASSES["evidence"], 0),
            "quads": counts["quads"],
        }

    def query(self, sparql, bindings=None):
        """Return the result of a read-only SPARQL query over the union of all graphs as
        pyoxigraph gives it (QuerySolutions, QueryBoolean or QueryTriples, not yet
        read), for callers that limit or serialize it themselves; ``bindings`` maps
        variable names to terms. Raises SyntaxError for text that is not a query:
        an update never runs here."""
        return self.backend.query(sparql, bindings)

    def quads(self):
        """Return an iterator over every quad of every named graph."""
        return self.backend.quads()
