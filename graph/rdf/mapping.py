"""Facts to RDF quads and back.

Everything one article says lives in one named graph (``terms.graph_iri(doc)``):
the article node (its IRI from the content hash), the entities it names, each
claim node (its IRI from the claim's fields) and one evidence node per quote.
Two articles that say the same thing write the same claim node into their two
graphs, so the union of the graphs holds one claim with two pieces of evidence.
No blank nodes: a SPARQL store could not address them.
"""

import re
from collections import defaultdict
from dataclasses import fields

from pyoxigraph import Literal, NamedNode, Quad

from graph.model.facts import CLAIM_TYPES, Evidence, Fact
from graph.model.words import EPISODE_WORDS
from graph.rdf import terms as t

XSD_INTEGER = NamedNode(t.XSD + "integer")
XSD_DECIMAL = NamedNode(t.XSD + "decimal")
XSD_DATE = NamedNode(t.XSD + "date")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A continuity target named like this is a franchise or shared universe, not one work.
FRANCHISE_NAME = re.compile(r"\b(universe|multiverse|franchise|saga|verse)$", re.IGNORECASE)
CLASS_KIND = {iri: kind for kind, iri in t.CLAIM_CLASSES.items()}
PROPERTY_FIELD = {iri: name for name, iri in t.FIELD_PROPERTY.items() if name != "seasons"}


def _int(value):
    return Literal(str(value), datatype=XSD_INTEGER)


class _Writer:
    """Collects the quads of one named graph, each once, in a stable order.

    Triples are kept as (subject IRI, predicate IRI, object) with IRIs as strings and
    made into pyoxigraph terms once each at the end: an article repeats its entities'
    triples many times, and building a Quad costs more than a tuple.
    """

    def __init__(self, graph):
        self.graph = NamedNode(graph)
        self.triples = {}

    def add(self, subject, predicate, obj):
        self.triples[(subject, predicate, obj)] = None

    def quads(self):
        """Return the quads collected, in the order they were first added."""
        nodes = {}
        for triple in self.triples:
            for term in triple:
                if term.__class__ is str and term not in nodes:
                    nodes[term] = NamedNode(term)
        graph = self.graph
        return [Quad(nodes[s], nodes[p], nodes.get(o, o), graph) for s, p, o in self.triples]

    def literal(self, subject, predicate, value):
        self.add(subject, predicate, Literal(value))

    def entity(self, kind, name):
        iri = t.entity_iri(kind, name)
        self.add(iri, t.RDF_TYPE, t.ENTITY_CLASSES[kind])
        self.literal(iri, t.RDFS_LABEL, name)
        self.literal(iri, t.SCHEMA_NAME, name)
        return iri

    def season(self, work, number):
        work_iri = self.entity("work", work)
        self.add(work_iri, t.RDF_TYPE, t.ENTITY_CLASSES["series"])
        iri = t.season_iri(work, number)
        self.add(iri, t.RDF_TYPE, t.ENTITY_CLASSES["season"])
        label = f"{work} season {number}"
        self.literal(iri, t.RDFS_LABEL, label)
        self.literal(iri, t.SCHEMA_NAME, label)
        self.add(iri, t.SCHEMA_PART_OF_SERIES, work_iri)
        self.add(iri, t.SCHEMA_SEASON_NUMBER, _int(number))
        self.add(work_iri, t.SCHEMA_CONTAINS_SEASON, iri)
        return iri

    def episode(self, work, season, number):
        season_node = self.season(work, season)
        iri = t.episode_iri(work, season, number)
        self.add(iri, t.RDF_TYPE, t.ENTITY_CLASSES["episode"])
        label = f"{work} S{season}E{number}"
        self.literal(iri, t.RDFS_LABEL, label)
        self.literal(iri, t.SCHEMA_NAME, label)
        self.add(iri, t.SCHEMA_PART_OF_SEASON, season_node)
        self.add(iri, t.SCHEMA_PART_OF_SERIES, t.entity_iri("work", work))
        self.add(iri, t.SCHEMA_EPISODE_NUMBER, _int(number))
        self.add(season_node, t.SCHEMA_EPISODE, iri)


def _write_article(w, article):
    iri = t.article_iri(article.doc, article.content_hash)
    w.add(iri, t.RDF_TYPE, t.ENTITY_CLASSES["article"])
    w.literal(iri, t.DOC_NAME, article.doc)
    w.literal(iri, t.CONTENT_HASH, article.content_hash)
    if article.title:
        w.literal(iri, t.SCHEMA_HEADLINE, article.title)
    if article.source:
        w.literal(iri, t.SOURCE_NAME, article.source)
    if article.published:
        typed = XSD_DATE if ISO_DATE.match(article.published) else None
        w.add(iri, t.SCHEMA_DATE_PUBLISHED, Literal(article.published, datatype=typed))
    if article.work:
        w.add(iri, t.SCHEMA_ABOUT, w.entity("work", article.work))
    # The text the offsets count into, so that every quote can be shown in place;
    # facts imported from a file come without it.
    text = getattr(article, "text", None)
    if text:
        w.literal(iri, t.SCHEMA_TEXT, text)
    return iri


def _write_claim(w, claim):
    iri = t.claim_iri(claim)
    w.add(iri, t.RDF_TYPE, t.CLAIM_CLASSES[claim.kind])
    for name, value in claim.fields().items():
        if value is None or value == []:
            continue
        prop = t.FIELD_PROPERTY[name]
        if name in t.FIELD_ENTITY:
            w.add(iri, prop, w.entity(t.FIELD_ENTITY[name], value))
        elif name in t.WORD_FIELDS:
            w.add(iri, prop, t.word_iri(value))
        elif name == "seasons":
            for season in value:
                w.add(iri, prop, _int(season))
        elif name == "episode":
            w.add(iri, prop, t.word_iri(value) if value in EPISODE_WORDS else _int(value))
        elif name in ("season", "episodes"):
            w.add(iri, prop, _int(value))
        else:
            w.literal(iri, prop, value)
    work = getattr(claim, "work", None)
    if claim.kind == "portrayal" and work:
        work_iri = t.entity_iri("work", work)
        w.add(work_iri, t.SCHEMA_ACTOR, t.entity_iri("person", claim.actor))
        w.add(work_iri, t.SCHEMA_CHARACTER, t.entity_iri("character", claim.character))
    seasons = claim.seasons if claim.kind == "portrayal" else [getattr(claim, "season", None)]
    for season in seasons:
        if work and season is not None:
            w.season(work, season)
    episode = getattr(claim, "episode", None)
    season = getattr(claim, "season", None)
    if work and season and isinstance(episode, int) and episode > 0:
        w.episode(work, season, episode)
    if claim.kind == "continuity" and FRANCHISE_NAME.search(claim.with_):
        w.add(t.entity_iri("work", claim.with_), t.RDF_TYPE, t.ENTITY_CLASSES["franchise"])
    return iri


def article_quads(article, facts):
    """Return the quads of one article's named graph: the article, its facts, their
    entities and evidence, and the aliases an ``ArticleFacts`` gives its entities.
    ``article`` needs doc, content_hash, title, source, published and work
    attributes, and text when it has one (a graph.sources.Article has them)."""
    w = _Writer(t.graph_iri(article.doc))
    article_node = _write_article(w, article)
    for fact in facts:
        claim_node = _write_claim(w, fact.claim)
        ev = fact.evidence
        ev_node = t.evidence_iri(fact.claim, article.doc, ev.start, ev.end, ev.rule)
        w.add(claim_node, t.EVIDENCE, ev_node)
        w.add(claim_node, t.WAS_DERIVED_FROM, article_node)
        w.add(ev_node, t.RDF_TYPE, t.ENTITY_CLASSES["evidence"])
        w.add(ev_node, t.WAS_DERIVED_FROM, article_node)
        w.literal(ev_node, t.QUOTE, ev.quote)
        w.add(ev_node, t.START, _int(ev.start))
        w.add(ev_node, t.END, _int(ev.end))
        if ev.rule:
            w.literal(ev_node, t.RULE, ev.rule)
        w.add(ev_node, t.CONFIDENCE, Literal(f"{float(ev.confidence):.3f}", datatype=XSD_DECIMAL))
    # Other names the article gives its entities stay in its graph: they go when it
    # is forgotten, and the union holds every article's.
    for alias in getattr(facts, "aliases", ()):
        w.literal(w.entity(alias.kind, alias.name), t.SCHEMA_ALTERNATE_NAME, alias.alias)
    return w.quads()


def _value(term, labels):
    """Return the Python value of an RDF term read back from a claim."""
    if isinstance(term, Literal):
        if term.datatype == XSD_INTEGER:
            return int(term.value)
        return term.value
    iri = term.value
    if iri in labels:
        return labels[iri]
    return t.word_of(iri)


def claims_from_rows(rows, labels):
    """Return {claim IRI: claim} from (claim, class, property, value) rows.

    ``labels`` maps entity IRIs to their names. Rows of unknown properties are
    ignored, so data that others added to a claim does not break reading it.
    """
    gathered = {}
    for claim_iri, class_iri, prop, value in rows:
        kind = CLASS_KIND.get(class_iri.value)
        if kind is None:
            continue
        kind_fields = gathered.setdefault(claim_iri.value, (kind, {}))[1]
        name = PROPERTY_FIELD.get(prop.value)
        if name is None:
            continue
        if name == "season" and kind == "portrayal":
            kind_fields.setdefault("seasons", []).append(_value(value, labels))
        else:
            kind_fields[name] = _value(value, labels)
    claims = {}
    for iri, (kind, values) in gathered.items():
        cls = CLAIM_TYPES[kind]
        args = {f.name: values.get(f.name.rstrip("_")) for f in fields(cls)}
        if kind == "portrayal":
            args["seasons"] = tuple(args["seasons"] or ())
        claims[iri] = cls(**args)
    return claims


def fact_from_evidence(claim, doc, start, end, quote, rule, confidence):
    """Return a Fact for a claim and one evidence row read back from the store."""
    return Fact(claim, Evidence(doc=doc, start=int(start), end=int(end), quote=quote,
                                rule=rule, confidence=float(confidence)))


def facts_of_graph(quads, labels):
    """Return a Fact for each piece of evidence one article's graph holds, its claim
    read from that graph alone (an article writes each claim it states whole), in no
    set order. ``quads`` are the graph's quads, ``labels`` {entity IRI: name}."""
    about = defaultdict(list)
    for quad in quads:
        about[quad.subject.value].append((quad.predicate, quad.object))
    rows, links, docs = [], [], {}
    for subject, pairs in about.items():
        for prop, value in pairs:
            if prop.value == t.RDF_TYPE and value.value in CLASS_KIND:
                claim = NamedNode(subject)
                rows.extend((claim, value, p, o) for p, o in pairs)
            elif prop.value == t.DOC_NAME:
                docs[subject] = value.value
            elif prop.value == t.EVIDENCE:
                links.append((subject, value.value))
    claims = claims_from_rows(rows, labels)
    facts = []
    for claim_iri, ev_iri in links:
        ev = {p.value: o.value for p, o in about.get(ev_iri, ())}
        doc = docs.get(ev.get(t.WAS_DERIVED_FROM))
        if claim_iri in claims and doc is not None and t.QUOTE in ev:
            facts.append(fact_from_evidence(claims[claim_iri], doc, ev[t.START], ev[t.END],
                                            ev[t.QUOTE], ev.get(t.RULE), ev[t.CONFIDENCE]))
    return facts


def fact_order(fact):
    """Return the key facts read back from the store sort by: article, position,
    kind, then the claim's identity, so that every read gives one order."""
    ev = fact.evidence
    return (ev.doc, ev.start, fact.kind, ev.end, fact.claim.key())
