"""Data out in the web view: export downloads, entity IRIs with content negotiation,
and the read-only SPARQL endpoint with its limits."""

import csv
import doctest
import io
import json
import time
from collections import Counter
from pathlib import Path

import pytest
import rdflib

from graph.exchange import export_bytes
from graph.extract.pipeline import extract_articles
from graph.rdf import terms as t
from graph.rdf.formats import FORMATS
from graph.sources import find_articles, read_article
from graph.store import open_store
from webviz import data_out, sparql, stream
from webviz.app import create_app

DATA = Path(__file__).resolve().parents[1] / "data"
RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig",
                  "jsonld": "json-ld"}
CANON = rdflib.Namespace(t.CANON)
KILGRAVE = rdflib.URIRef(t.entity_iri("character", "Kilgrave"))
TENNANT = rdflib.URIRef(t.entity_iri("person", "David Tennant"))
PREFIX = f"PREFIX canon: <{t.CANON}>\nPREFIX rdfs: <{t.RDFS}>\n"
PORTRAYALS = PREFIX + """SELECT ?character ?actor WHERE {
  ?p a canon:Portrayal ; canon:character/rdfs:label ?character ; canon:actor/rdfs:label ?actor .
} ORDER BY ?character ?actor"""
KILGRAVE_ACTORS = PREFIX + """SELECT DISTINCT ?actor WHERE {
  ?p canon:character/rdfs:label "Kilgrave" ; canon:actor/rdfs:label ?actor .
}"""
# Three copies of every quad joined: millions of rows counted before the first answer.
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def store(module_store_location):
    """The demo articles and franchise file, ingested once into a store in memory and
    into one on an oxigraph server."""
    with open_store(module_store_location) as opened:
        articles = [read_article(p) for p in find_articles([DATA / "articles",
                                                            DATA / "franchises"])]
        opened.ingest(zip(articles, extract_articles(articles), strict=True))
        yield opened


def _client(store, **config):
    return create_app(store, config={"TESTING": True, **config}).test_client()


@pytest.fixture(scope="module")
def client(store):
    """A test client of the app over the module's store."""
    return _client(store)


def _parse(body, name):
    """Return an rdflib Dataset of an RDF body written in the graph.rdf format ``name``."""
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=body, format=RDFLIB_FORMATS[name])
    return dataset


def _bindings(response):
    return [{k: v["value"] for k, v in b.items()}
            for b in json.loads(response.data)["results"]["bindings"]]


def test_data_page_lists_every_format_and_the_vocabulary(client):
    """/data links a download per export format, the vocabulary files and the SPARQL
    form with its examples, and says the spoiler cut does not apply."""
    page = client.get("/data")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for name in FORMATS:
        assert f'href="/export/{name}"' in html
    for name in ("canon.ttl", "shapes.ttl", "context.jsonld"):
        assert f'href="/data/{name}"' in html
    assert 'name="query"' in html and "/sparql?query=" in html
    assert "whole store" in html


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_export_parses_back_with_the_claims(client, store, name):
    """Every export format downloads with its media type and a file name, parses with
    rdflib (JSON-LD offline: its context is inline) and holds every portrayal."""
    fmt = FORMATS[name]
    response = client.get(f"/export/{name}")
    assert response.status_code == 200
    assert response.mimetype == fmt.media_type
    assert f"filename=canon{fmt.suffixes[0]}" in response.headers["Content-Disposition"]
    if name == "jsonld":
        assert isinstance(json.loads(response.data)["@context"], dict)
    dataset = _parse(response.data, name)
    portrayals = set(dataset.subjects(rdflib.RDF.type, CANON.Portrayal))
    assert len(portrayals) == store.stats()["claims"]["portrayal"] > 50
    assert any((p, CANON.actor, TENNANT) in dataset for p in dataset.subjects(CANON.character,
                                                                            KILGRAVE))


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_export_streams_the_bytes_the_cli_writes(client, store, name):
    """The download is a streamed response holding the bytes of the CLI's export."""
    response = client.get(f"/export/{name}")
    assert response.is_streamed
    assert response.data == export_bytes(store, name)


def test_a_stream_holds_a_few_chunks_and_stops_when_closed():
    """The writer runs ahead of the reader by at most WAITING chunks, and closing the
    iterator stops it instead of leaving it blocked or writing on."""
    written = []

    def write(out):
        for _ in range(1000):
            out.write(b"x" * stream.CHUNK)
            written.append(1)

    chunks = stream.chunks(write)
    assert next(chunks) == b"x" * stream.CHUNK
    time.sleep(0.3)
    assert len(written) <= stream.WAITING + 2
    chunks.close()
    assert len(written) < 1000


def test_a_stream_raises_the_writers_error_after_its_chunks():
    def write(out):
        out.write(b"first")
        out.flush()
        raise OSError("disk gone")

    chunks = stream.chunks(write)
    assert next(chunks) == b"first"
    with pytest.raises(OSError, match="disk gone"):
        next(chunks)


def test_unknown_export_format_is_a_404_naming_the_formats(client):
    response = client.get("/export/ttl2", headers={"Accept": "application/json"})
    assert response.status_code == 404
    message = response.get_json()["message"]
    assert "'ttl2'" in message and "turtle, ntriples, nquads, trig, jsonld" in message


def test_vocabulary_files_download_and_others_do_not(client):
    vocabulary = client.get("/data/canon.ttl")
    assert vocabulary.status_code == 200 and vocabulary.mimetype == "text/turtle"
    assert len(rdflib.Graph().parse(data=vocabulary.data, format="turtle")) > 100
    assert client.get("/data/secrets.txt").status_code == 404


def test_entity_iri_sends_a_browser_to_its_page_keeping_the_cut(client):
    """Accept: text/html is a 303 to the entity's page, the spoiler cut kept."""
    response = client.get("/id/character/kilgrave", headers={"Accept": BROWSER})
    assert response.status_code == 303
    assert response.headers["Location"] == "/character/kilgrave"
    assert "Accept" in response.headers["Vary"]
    cut = client.get("/id/character/kilgrave?until=Jessica+Jones+S1E1",
                     headers={"Accept": "text/html"})
    assert cut.headers["Location"] == "/character/kilgrave?until=Jessica+Jones+S1E1"
    person = client.get("/id/person/david-tennant", headers={"Accept": "text/html"})
    assert person.headers["Location"] == "/person/david-tennant"


def test_season_and_article_iris_lead_to_the_pages_that_show_them(client, store):
    season = client.get("/id/work/jessica-jones/season/2", headers={"Accept": "text/html"})
    assert season.status_code == 303
    assert season.headers["Location"] == "/work/jessica-jones"
    doc = "jessica-jones-season-two-review.txt"
    article = client.get("/sparql", query_string={
        "query": f'SELECT ?a WHERE {{ ?a <{t.DOC_NAME}> "{doc}" }}'})
    iri = _bindings(article)[0]["a"]
    response = client.get("/id/" + iri[len(t.ID):], headers={"Accept": "text/html"})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/article/{doc}"


def test_entity_iri_as_turtle_holds_its_label_and_the_claims_naming_it(client):
    response = client.get("/id/character/kilgrave", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    assert "Accept" in response.headers["Vary"]
    graph = rdflib.Graph().parse(data=response.data, format="turtle")
    assert (KILGRAVE, rdflib.RDFS.label, rdflib.Literal("Kilgrave")) in graph
    claims = set(graph.subjects(CANON.character, KILGRAVE))
    assert any((claim, CANON.actor, TENNANT) in graph for claim in claims)
    assert (TENNANT, rdflib.RDFS.label, rdflib.Literal("David Tennant")) in graph


@pytest.mark.parametrize("accept, name", [("application/ld+json", "jsonld"),
                                          ("application/n-triples", "ntriples")])
def test_entity_iri_as_jsonld_and_ntriples(client, accept, name):
    response = client.get("/id/character/kilgrave", headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    graph = _parse(response.data, name)
    assert (KILGRAVE, rdflib.RDFS.label, rdflib.Literal("Kilgrave")) in graph


def test_entity_iri_refuses_other_types_and_unknown_entities(client):
    refused = client.get("/id/character/kilgrave", headers={"Accept": "image/png"})
    assert refused.status_code == 406
    assert "text/turtle" in refused.get_data(as_text=True)
    for accept in ("text/turtle", "text/html"):
        missing = client.get("/id/character/nobody-at-all", headers={"Accept": accept})
        assert missing.status_code == 404
        assert "nobody-at-all" in missing.get_data(as_text=True)
    assert client.get("/id/character/a%20b", headers={"Accept": "text/turtle"}).status_code == 404


def test_sparql_get_and_post_answer_as_json(client):
    """GET ?query=, a POSTed form and an application/sparql-query body give the same
    SPARQL JSON; a POST needs no CSRF token since it only reads."""
    got = client.get("/sparql", query_string={"query": KILGRAVE_ACTORS})
    assert got.status_code == 200
    assert got.mimetype == "application/sparql-results+json"
    assert {"actor": "David Tennant"} in _bindings(got)
    form = client.post("/sparql", data={"query": KILGRAVE_ACTORS})
    body = client.post("/sparql", data=KILGRAVE_ACTORS.encode(),
                       content_type="application/sparql-query")
    assert _bindings(form) == _bindings(body) == _bindings(got)


def test_sparql_csv_tsv_and_xml_by_accept_or_format(client):
    query = {"query": KILGRAVE_ACTORS}
    as_csv = client.get("/sparql", query_string={**query, "format": "csv"})
    assert as_csv.mimetype == "text/csv"
    assert {"actor": "David Tennant"} in list(csv.DictReader(io.StringIO(as_csv.text)))
    as_tsv = client.get("/sparql", query_string=query,
                        headers={"Accept": "text/tab-separated-values"})
    assert as_tsv.mimetype == "text/tab-separated-values"
    assert '"David Tennant"' in as_tsv.text.splitlines()[1:]
    as_xml = client.get("/sparql", query_string=query,
                        headers={"Accept": "application/sparql-results+xml"})
    assert as_xml.mimetype == "application/sparql-results+xml"
    assert "<literal>David Tennant</literal>" in as_xml.text


def test_sparql_ask_and_construct(client):
    ask = client.get("/sparql", query_string={
        "query": PREFIX + 'ASK { ?p canon:character/rdfs:label "Kilgrave" }'})
    assert ask.get_json() == {"head": {}, "boolean": True}
    construct = PREFIX + """CONSTRUCT { ?p canon:actor ?a } WHERE {
      ?p canon:character/rdfs:label "Kilgrave" ; canon:actor ?a }"""
    turtle = client.get("/sparql", query_string={"query": construct})
    assert turtle.mimetype == "text/turtle"
    graph = rdflib.Graph().parse(data=turtle.data, format="turtle")
    assert TENNANT in set(graph.objects(None, CANON.actor))
    lines = client.get("/sparql", query_string={"query": construct},
                       headers={"Accept": "application/n-triples"})
    assert lines.mimetype == "application/n-triples"
    assert f"<{TENNANT}> ." in lines.text
    wrong = client.get("/sparql", query_string={"query": construct, "format": "csv"})
    assert wrong.status_code == 400 and "turtle" in wrong.get_json()["message"]


@pytest.mark.parametrize("update", [
    "INSERT DATA { <https://example.com/a> <https://example.com/b> 'c' }",
    "PREFIX ex: <https://example.com/#>\n# no harm meant\nDELETE WHERE { ?s ?p ?o }",
    "drop all",
])
def test_sparql_refuses_updates_and_leaves_the_store_as_it_was(client, store, update):
    before = store.stats()["quads"]
    for response in (client.get("/sparql", query_string={"query": update}),
                     client.post("/sparql", data=update.encode(),
                                 content_type="application/sparql-query")):
        assert response.status_code == 400
        assert "updates are refused" in response.get_json()["message"]
    assert store.stats()["quads"] == before


def test_sparql_refuses_service_and_reports_syntax_errors(client):
    service = client.get("/sparql", query_string={
        "query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
    assert service.status_code == 400 and "SERVICE" in service.get_json()["message"]
    broken = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x"})
    assert broken.status_code == 400
    assert "does not parse: error at 1:" in broken.get_json()["message"]
    unknown = client.get("/sparql", query_string={"query": KILGRAVE_ACTORS, "format": "pdf"},
                         headers={"Accept": "application/json"})
    assert unknown.status_code == 400 and "html, json, xml" in unknown.get_json()["message"]


def test_sparql_cuts_answers_at_the_row_limit_and_says_so(store):
    small = _client(store, SPARQL_ROW_LIMIT=3)
    cut = small.get("/sparql", query_string={"query": PORTRAYALS})
    assert len(_bindings(cut)) == 3
    assert cut.headers["X-Canon-Truncated"] == "true"
    whole = small.get("/sparql", query_string={"query": KILGRAVE_ACTORS})
    assert _bindings(whole) == [{"actor": "David Tennant"}]
    assert "X-Canon-Truncated" not in whole.headers
    graph = small.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }",
                                                "format": "ntriples"})
    assert len(graph.text.splitlines()) == 3 and graph.headers["X-Canon-Truncated"] == "true"


def test_sparql_cuts_answers_past_the_size_limit(store):
    """Few rows that each carry an article's whole text are cut by size, not count."""
    small = _client(store, SPARQL_MAX_BYTES=20_000)
    texts = small.get("/sparql", query_string={
        "query": f"SELECT ?text WHERE {{ ?a <{t.SCHEMA_TEXT}> ?text }}", "format": "tsv"})
    assert texts.status_code == 200 and texts.headers["X-Canon-Truncated"] == "true"
    assert 0 < len(texts.data) <= 20_000


def test_update_and_service_checks():
    """The checks read past prefixes and comments, and leave ?service and ex:service alone."""
    assert doctest.testmod(sparql).failed == 0
    sparql.check("PREFIX ex: <http://example.com/>\n"
                 "SELECT ?service WHERE { ?service a ex:service }")
    with pytest.raises(sparql.QueryError, match="updates are refused"):
        sparql.check("BASE <http://example.com/#x>\n# comment\nclear all")
    with pytest.raises(sparql.QueryError, match="SERVICE is refused"):
        sparql.check("SELECT * { service <http://example.com/sparql> { ?s ?p ?o } }")


def test_sparql_stops_a_query_past_its_time_limit(store):
    """A cross join that counts for seconds is stopped at SPARQL_TIMEOUT: a 503 with
    the reason, never a 500, and the endpoint answers the next query."""
    quick = _client(store, SPARQL_TIMEOUT=0.5)
    started = time.monotonic()
    response = quick.get("/sparql", query_string={"query": CROSS_JOIN})
    assert time.monotonic() - started < 3
    assert response.status_code == 503
    assert "still running after 0.5 s" in response.get_json()["message"]
    assert quick.get("/sparql", query_string={"query": KILGRAVE_ACTORS}).status_code == 200


def test_sparql_in_a_browser_shows_the_form_and_an_escaped_table(client):
    form = client.get("/sparql", headers={"Accept": BROWSER})
    assert form.status_code == 200 and 'name="query"' in form.text
    assert client.get("/sparql", headers={"Accept": "application/json"}).status_code == 400
    hostile = 'SELECT ?x WHERE { BIND("<script>alert(1)</script>" AS ?x) }'
    page = client.get("/sparql", query_string={"query": hostile}, headers={"Accept": BROWSER})
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert 'id="sparql-results"' in page.text
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    claims = PREFIX + 'SELECT ?p WHERE { ?p a canon:Portrayal ; canon:character ?c }'
    linked = client.get("/sparql", query_string={"query": claims}, headers={"Accept": BROWSER})
    assert 'href="/id/claim/portrayal/' in linked.text


def _ntriples(response):
    return [line for line in response.text.splitlines() if line.strip()]


def test_every_example_query_counts_what_the_facts_hold(client, store):
    """Each example query of the data page, run through /sparql on the demo store,
    gives as many rows as the store's facts say: one per actor and character, one
    per death read (not one per article labelling its character), each kind's
    distinct claims, each article's facts. The union default graph repeats a
    triple per article that states it, which made the deaths query give 175 rows
    for 71 deaths."""
    facts = store.facts()
    by_title = {example["title"]: example["query"] for example in data_out._examples()}
    assert len(by_title) == len(data_out.EXAMPLES)

    def rows(title):
        response = client.get("/sparql", query_string={"query": by_title[title]})
        assert response.status_code == 200, response.text
        return _bindings(response)

    pairs = {(f.claim.character, f.claim.actor) for f in facts if f.claim.kind == "portrayal"}
    plays = rows("Who plays whom")
    assert len(plays) == len(pairs) > 20
    assert {(row["character"], row["actor"]) for row in plays} == pairs
    deaths = [f for f in facts if f.claim.kind == "event" and f.claim.event == "death"]
    told = rows("Deaths, with the sentence that tells each")
    assert len(told) == len(deaths) > 10
    assert sorted((r["character"], r["quote"], r["article"]) for r in told) == sorted(
        (f.claim.character, f.evidence.quote, f.evidence.doc) for f in deaths)
    kinds = Counter(claim.kind for claim in {f.claim for f in facts})
    classes = {t.CLAIM_CLASSES[kind]: n for kind, n in kinds.items()}
    assert {row["kind"]: int(row["claims"]) for row in rows("Claims by kind")} == classes
    per_article = Counter(f.evidence.doc for f in facts)
    counted = rows("Articles by the number of facts read in them")
    assert {row["article"]: int(row["facts"]) for row in counted} == per_article
    ask = client.get("/sparql", query_string={
        "query": by_title["Does David Tennant play Kilgrave? (ASK)"]})
    assert ask.get_json()["boolean"] is True
    construct = client.get("/sparql", headers={"Accept": "application/n-triples"},
                           query_string={"query": by_title[
                               "Kilgrave's portrayals as a graph (CONSTRUCT)"]})
    triples = _ntriples(construct)
    kilgrave = {f.claim for f in facts if f.claim.kind == "portrayal"
                and f.claim.character == "Kilgrave"}
    subjects = {line.split(" ", 1)[0] for line in triples}
    assert len(subjects) == len(kilgrave) and len(triples) == len(set(triples))
