"""The IRIs canon writes: its vocabulary, the schema.org and PROV-O terms it reuses,
and the content-derived IRIs of entities, claims, evidence and articles.

The vocabulary itself, with labels and comments, is ``data/canon.ttl``; this
module and that file must name the same terms (a test checks it).

>>> entity_iri("character", "Kilgrave")
'https://w3id.org/canon/id/character/kilgrave'
>>> slug("Avengers: Infinity War")
'avengers-infinity-war'
"""

import hashlib
import re
import unicodedata
from functools import lru_cache

CANON = "https://w3id.org/canon/vocab#"
ID = "https://w3id.org/canon/id/"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
WDT = "http://www.wikidata.org/prop/direct/"

RDF_TYPE = RDF + "type"
RDFS_LABEL = RDFS + "label"

CLAIM_CLASSES = {
    "portrayal": CANON + "Portrayal",
    "season": CANON + "SeasonClaim",
    "event": CANON + "Event",
    "appearance": CANON + "Appearance",
    "crew": CANON + "CrewRole",
    "continuity": CANON + "ContinuityLink",
    "placement": CANON + "Placement",
}
ENTITY_CLASSES = {
    "person": SCHEMA + "Person",
    "character": CANON + "Character",
    "work": SCHEMA + "CreativeWork",
    "series": SCHEMA + "TVSeries",
    "season": SCHEMA + "TVSeason",
    "episode": SCHEMA + "TVEpisode",
    "franchise": SCHEMA + "CreativeWorkSeries",
    "article": SCHEMA + "NewsArticle",
    "evidence": CANON + "Evidence",
}
# Which entity kind each name-valued claim field points at.
FIELD_ENTITY = {
    "actor": "person",
    "person": "person",
    "character": "character",
    "agent": "character",
    "work": "work",
    "with": "work",
}
# Claim fields -> canon properties; controlled words become IRIs CANON + word.
FIELD_PROPERTY = {
    "actor": CANON + "actor",
    "character": CANON + "character",
    "work": CANON + "work",
    "seasons": CANON + "season",
    "season": CANON + "season",
    "episode": CANON + "episode",
    "event": CANON + "eventType",
    "mode": CANON + "mode",
    "agent": CANON + "agent",
    "cause": CANON + "cause",
    "person": CANON + "person",
    "role": CANON + "role",
    "relation": CANON + "relation",
    "with": CANON + "target",
    "episodes": CANON + "episodeCount",
    "after": CANON + "placedAfter",
    "before": CANON + "placedBefore",
}
WORD_FIELDS = ("event", "mode", "role", "relation")

EVIDENCE = CANON + "evidence"
QUOTE = CANON + "quote"
START = CANON + "start"
END = CANON + "end"
RULE = CANON + "rule"
CONFIDENCE = CANON + "confidence"
CONTENT_HASH = CANON + "contentHash"
DOC_NAME = CANON + "docName"
SOURCE_NAME = CANON + "sourceName"
WAS_DERIVED_FROM = PROV + "wasDerivedFrom"

# The prefixes canon's own SPARQL queries use.
SPARQL_PREFIXES = f"""PREFIX canon: <{CANON}>
PREFIX prov: <{PROV}>
PREFIX rdfs: <{RDFS}>
PREFIX schema: <{SCHEMA}>
"""

SCHEMA_NAME = SCHEMA + "name"
# Another name an article gives an entity (a nickname): in that article's graph.
SCHEMA_ALTERNATE_NAME = SCHEMA + "alternateName"
SCHEMA_HEADLINE = SCHEMA + "headline"
SCHEMA_DATE_PUBLISHED = SCHEMA + "datePublished"
SCHEMA_ABOUT = SCHEMA + "about"
SCHEMA_TEXT = SCHEMA + "text"
SCHEMA_ACTOR = SCHEMA + "actor"
SCHEMA_CHARACTER = SCHEMA + "character"
SCHEMA_PART_OF_SERIES = SCHEMA + "partOfSeries"
SCHEMA_SEASON_NUMBER = SCHEMA + "seasonNumber"
SCHEMA_CONTAINS_SEASON = SCHEMA + "containsSeason"
SCHEMA_EPISODE = SCHEMA + "episode"
SCHEMA_EPISODE_NUMBER = SCHEMA + "episodeNumber"
SCHEMA_PART_OF_SEASON = SCHEMA + "partOfSeason"


# Kept: an import names the same characters and works in fact after fact.
@lru_cache(maxsize=1 << 16)
def slug(name):
    """Return a lower-case ASCII slug of a name, or a hash when nothing of it is ASCII."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if text:
        return text
    return "h" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]


def entity_iri(kind, name):
    """Return the IRI of a person, character or work from its kind and canonical name."""
    return f"{ID}{kind}/{slug(name)}"


def season_iri(work, number):
    """Return the IRI of season ``number`` of ``work``."""
    return f"{entity_iri('work', work)}/season/{number}"


def episode_iri(work, season, number):
    """Return the IRI of episode ``number`` of season ``season`` of ``work``."""
    return f"{season_iri(work, season)}/episode/{number}"


def claim_iri(claim):
    """Return the IRI of a claim, derived from its kind and fields."""
    return f"{ID}claim/{claim.kind}/{claim.key()}"


def article_iri(doc, content_hash):
    """Return the IRI of one version of an article, from its name and content hash
    (two files with the same bytes are still two articles)."""
    digest = hashlib.sha256(f"{doc}|{content_hash}".encode()).hexdigest()[:32]
    return f"{ID}article/{digest}"


def graph_iri(doc):
    """Return the IRI of the named graph that holds everything one article says."""
    digest = hashlib.sha256(doc.encode("utf-8")).hexdigest()[:12]
    return f"{ID}graph/{slug(doc)}-{digest}"


def evidence_iri(claim, doc, start, end, rule):
    """Return the IRI of one piece of evidence for a claim."""
    text = f"{claim.key()}|{doc}|{start}|{end}|{rule or ''}"
    return f"{ID}evidence/{hashlib.sha256(text.encode('utf-8')).hexdigest()[:24]}"


def word_iri(word):
    """Return the IRI of a controlled word (``death`` -> canon:death)."""
    return CANON + word


def word_of(iri):
    """Return the controlled word an IRI of the vocabulary names."""
    return iri[len(CANON):] if iri.startswith(CANON) else iri
