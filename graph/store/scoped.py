"""Reads of one entity's part of the store: its claims with their evidence, the
claims that frame story time, and the names of one kind.

Each read is one or two SPARQL queries with the entity bound as a value, so its
cost grows with what the store says about the entity, not with the store. The
union default graph repeats a triple once per article that states it, so rows
are made distinct here.
"""

from collections import Counter

from pyoxigraph import Literal, NamedNode

from graph.rdf import terms as t
from graph.rdf.mapping import claims_from_rows, fact_from_evidence, fact_order, facts_of_graph

PREFIXES = t.SPARQL_PREFIXES
# A claim's evidence, each with its article's name: every read of facts joins this.
EVIDENCE = """?claim canon:evidence ?ev .
  ?ev prov:wasDerivedFrom ?article ; canon:quote ?quote ; canon:start ?start ;
      canon:end ?end ; canon:confidence ?confidence .
  ?article canon:docName ?doc .
  OPTIONAL { ?ev canon:rule ?rule }"""
# The claim properties that point at an entity of each kind.
# A VALUES block, not a property path (a|b): Oxigraph scans every triple for a path
# and looks up the index for each value (20 ms against 0.5 ms on the demo store).
ROLES = {
    "character": "canon:character canon:agent",
    "person": "canon:actor canon:person",
    "work": "canon:work canon:target",
}
# Season claims, placements and continuity links: the few claims that say how story
# time is ordered, which every answer needs whatever it is about.
FRAME_CLASSES = ("season", "placement", "continuity")

# Oxigraph substitutes only variables of the projection, hence ?entity (and ?kind) in each.
CLAIMS_OF = PREFIXES + """SELECT DISTINCT ?entity ?claim ?class ?p ?o WHERE {
  VALUES ?role { %s }
  ?claim ?role ?entity ; a ?class ; ?p ?o .
}"""
EVIDENCE_OF = PREFIXES + """SELECT DISTINCT ?entity ?claim ?doc ?start ?end ?quote ?rule
  ?confidence WHERE {
  VALUES ?role { %s }
  ?claim ?role ?entity .
  """ + EVIDENCE + "\n}"
# The claims of one kind that name a work as their work ("who made W?" reads its
# crew credits, not every claim of the work).
KIND_OF_WORK = PREFIXES + """SELECT DISTINCT ?entity ?kind ?claim ?class ?p ?o WHERE {
  ?claim canon:work ?entity ; a ?kind ; a ?class ; ?p ?o .
}"""
KIND_OF_WORK_EVIDENCE = PREFIXES + """SELECT DISTINCT ?entity ?kind ?claim ?doc ?start ?end ?quote
  ?rule ?confidence WHERE {
  ?claim canon:work ?entity ; a ?kind .
  """ + EVIDENCE + "\n}"
# An article's claims are those with evidence in its graph, read from that graph
# alone (each article writes a claim whole); their evidence from every article is
# read for those claims, as a VALUES block. Joining the article's graph to the union
# instead costs 200 ms an article at 1M claims.
CLAIMS_IN = PREFIXES + """SELECT DISTINCT ?g ?claim ?class ?p ?o WHERE {
  GRAPH ?g { ?claim canon:evidence ?mine ; a ?class ; ?p ?o }
}"""
EVIDENCE_FOR = PREFIXES + """SELECT DISTINCT ?claim ?doc ?start ?end ?quote ?rule ?confidence
  WHERE {
  VALUES ?claim { %s }
  """ + EVIDENCE + "\n}"
# The entities one claim names, by the claim's IRI.
NAMED_BY = PREFIXES + """SELECT DISTINCT ?claim ?entity WHERE {
  VALUES ?role { canon:character canon:agent canon:actor canon:person canon:work
                 canon:target }
  ?claim ?role ?entity }"""
# Claims naming an entity, up to a limit: enough to tell a small entity from a hub.
SOME_CLAIMS_OF = PREFIXES + """SELECT DISTINCT ?entity ?claim WHERE {
  VALUES ?role { %s }
  ?claim ?role ?entity } LIMIT %d"""
# The entities of a kind an article's claims name, read article by article: Oxigraph
# joins a VALUES block of graphs after scanning every graph (167 s at 1M claims).
NAMED_IN = PREFIXES + """SELECT DISTINCT ?g ?entity WHERE {
  VALUES ?role { %s }
  GRAPH ?g { ?claim ?role ?entity } }"""
FRAME_CLAIMS = PREFIXES + """SELECT DISTINCT ?claim ?class ?p ?o WHERE {
  VALUES ?class { %s }
  ?claim a ?class ; ?p ?o .
}"""
FRAME_EVIDENCE = PREFIXES + """SELECT DISTINCT ?claim ?doc ?start ?end ?quote ?rule
  ?confidence WHERE {
  VALUES ?class { %s }
  ?claim a ?class .
  """ + EVIDENCE + "\n}"
# How many claims name each entity in a field of one kind: what search ranks by.
CLAIMS_PER_ENTITY = PREFIXES + """SELECT ?entity (COUNT(DISTINCT ?claim) AS ?n) WHERE {
  VALUES ?role { %s }
  ?claim ?role ?entity .
} GROUP BY ?entity"""
LABEL_OF = PREFIXES + "SELECT DISTINCT ?entity ?label WHERE { ?entity rdfs:label ?label }"
# Distinct entities first: an entity is typed and labelled again in every article
# that names it, and joining two patterns on it straight pairs every copy with every
# other (23 s for a work's seasons at 100k claims, 20 ms this way). The class is
# written in: a binding does not reach into the subquery, which would list every
# typed node of the store first (3.1 s at 100k claims against 0.4 s).
LABELS_OF_CLASS = PREFIXES + """SELECT DISTINCT ?entity ?label WHERE {
  { SELECT DISTINCT ?entity WHERE { ?entity a <%s> } }
  ?entity rdfs:label ?label }"""
SEASONS_OF = PREFIXES + """SELECT DISTINCT ?entity ?number WHERE {
  { SELECT DISTINCT ?entity ?season WHERE { ?entity schema:containsSeason ?season } }
  ?season schema:seasonNumber ?number }"""
SPANS_OF = PREFIXES + """SELECT DISTINCT ?g ?start ?end WHERE {
  GRAPH ?g { ?ev a canon:Evidence ; canon:start ?start ; canon:end ?end } }"""
TITLE_OF = PREFIXES + """SELECT ?g ?title WHERE {
  GRAPH ?g { ?article canon:docName ?doc ; schema:headline ?title } } LIMIT 1"""
CLAIM_WORKS = PREFIXES + "SELECT DISTINCT ?entity WHERE { ?claim canon:work ?entity }"
ALL_SEASONS = PREFIXES + """SELECT DISTINCT ?entity ?number WHERE {
  { SELECT DISTINCT ?entity ?season WHERE { ?entity schema:containsSeason ?season } }
  ?season schema:seasonNumber ?number }"""
EVENT_CLAIMS = PREFIXES + """SELECT DISTINCT ?work ?claim ?class ?p ?o WHERE {
  VALUES ?type { %s }
  ?claim canon:eventType ?type ; a ?class ; ?p ?o . %s
}"""
EVENT_EVIDENCE = PREFIXES + """SELECT DISTINCT ?work ?claim ?doc ?start ?end ?quote ?rule
  ?confidence WHERE {
  VALUES ?type { %s }
  ?claim canon:eventType ?type . %s
  """ + EVIDENCE + "\n}"
IN_WORK = "?claim canon:work ?work ."
EPISODES_SHOWN = PREFIXES + """SELECT ?season (MAX(?number) AS ?top) WHERE {
  ?season schema:episode ?episode . ?episode schema:episodeNumber ?number }
  GROUP BY ?season"""
CHARACTERS_WITH_EVENTS = PREFIXES + """SELECT DISTINCT ?entity WHERE {
  VALUES ?type { %s }
  ?claim canon:eventType ?type ; canon:character ?entity }"""
CHARACTERS_WITH_ACTORS = PREFIXES + """SELECT ?entity WHERE {
  ?claim canon:character ?entity ; canon:actor ?actor }
  GROUP BY ?entity HAVING (COUNT(DISTINCT ?actor) > 1)"""
CHARACTERS_PAST_SEASON = PREFIXES + """SELECT DISTINCT ?entity ?work ?top WHERE {
  ?claim canon:work ?work ; canon:season ?season ; canon:character ?entity .
  FILTER(?season > ?top) }"""
CHARACTERS_PAST_EPISODE = PREFIXES + """SELECT DISTINCT ?entity ?work ?season ?count WHERE {
  ?claim canon:work ?work ; canon:season ?season ; canon:episode ?episode ;
         canon:character ?entity .
  FILTER(?episode > ?count) }"""
# Per work, three counts over every claim naming it as its work, each its own query:
# joined in one (a claim's work, character, class and article), Oxigraph looks each
# claim up again per pattern (9.5 s at 100k claims, 21 minutes cold at 1M). Each
# subquery here reads one property's index range, and the two are joined by hash
# (0.3-0.5 s at 100k). A claim's articles are the graphs that state it.
CLAIMS_OF_WORK = "{ SELECT DISTINCT ?claim ?work WHERE { ?claim canon:work ?work } }"
WORK_CHARACTERS = (PREFIXES + "SELECT ?work (COUNT(DISTINCT ?character) AS ?n) WHERE { "
                   + CLAIMS_OF_WORK + """
  { SELECT DISTINCT ?claim ?character WHERE { ?claim canon:character ?character } }
} GROUP BY ?work""")
WORK_EVENTS = (PREFIXES + "SELECT ?work (COUNT(DISTINCT ?claim) AS ?n) WHERE { "
               + CLAIMS_OF_WORK + """
  { SELECT DISTINCT ?claim WHERE { ?claim a canon:Event } }
} GROUP BY ?work""")
WORK_ARTICLES = PREFIXES + """SELECT ?work (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g { ?claim canon:work ?work } } GROUP BY ?work"""
# Each article's name, headline and date, one property per query from the graphs
# alone: OPTIONAL joins of the three cost 1.3-1.8 s at 100k claims (22 s at 1M),
# the three reads 0.04 s each at 100k.
ARTICLE_PROPERTY = PREFIXES + "SELECT ?g ?value WHERE { GRAPH ?g { ?article %s ?value } }"
ARTICLE_PROPERTIES = ("canon:docName", "schema:headline", "schema:datePublished")
# What a spoiler cut looks at in a claim: its class, work, season(s), episode, and
# the character the home page counts, read by the claim's work or by the article
# graph that states it. A FILTER on the property, not a VALUES block: with one,
# Oxigraph reads each property's whole index range first (22 s for a work at 100k
# claims, 2.5 s this way); so do OPTIONAL reads of them, which made counting a
# work's claims in SPARQL cost 100 s at 1M claims against 4 s at 100k.
PLACE_FILTER = ("FILTER(?p IN (canon:work, canon:season, canon:episode, canon:character, <"
                + t.RDF_TYPE + ">))")
PLACES_OF_WORK = (PREFIXES + "SELECT DISTINCT ?work ?claim ?p ?o WHERE { "
                  "?claim canon:work ?work ; ?p ?o " + PLACE_FILTER + " }")
GRAPHS_OF_WORK = PREFIXES + """SELECT DISTINCT ?work ?g ?claim WHERE {
  GRAPH ?g { ?claim canon:work ?work } }"""
PLACES_IN = (PREFIXES + "SELECT DISTINCT ?g ?claim ?p ?o WHERE { "
             "GRAPH ?g { ?claim canon:evidence ?ev ; ?p ?o " + PLACE_FILTER + " } }")
CLAIM_CLASS_VALUES = "VALUES ?class { " + " ".join(
    f"<{iri}>" for iri in t.CLAIM_CLASSES.values()) + " }"
# Per work and claim class, the distinct claims (joined by hash, as WORK_EVENTS; the
# classes of claims alone, not every typed node: 1.4 s against 2.5 at 100k claims).
WORK_CLASSES = (PREFIXES + "SELECT ?work ?class (COUNT(DISTINCT ?claim) AS ?n) WHERE { "
                + CLAIMS_OF_WORK + """
  { SELECT DISTINCT ?claim ?class WHERE { """ + CLAIM_CLASS_VALUES + """ ?claim a ?class } }
} GROUP BY ?work ?class""")
# The claims with a work that no spoiler cut hides: portrayals that give no season,
# crew roles, continuity links and placements (a cut hides events, appearances,
# season claims and the seasons of portrayals). MINUS, not FILTER NOT EXISTS, which
# Oxigraph asks claim by claim (4.3 s at 100k claims against 0.5 s).
UNPLACED = PREFIXES + """SELECT DISTINCT ?work ?g ?claim ?class ?character WHERE {
  { SELECT DISTINCT ?claim ?class WHERE {
      VALUES ?class { canon:Portrayal canon:CrewRole canon:ContinuityLink canon:Placement }
      ?claim a ?class MINUS { ?claim canon:season ?season } } }
  GRAPH ?g { ?claim canon:work ?work }
  OPTIONAL { ?claim canon:character ?character } }"""
HAS_CLAIMS = PREFIXES + "SELECT ?entity ?claim WHERE { ?claim canon:work ?entity } LIMIT 1"


def least_labels(rows):
    """Return {IRI: name} from rows of ?entity and ?label, keeping the least of an
    entity's spellings."""
    labels = {}
    for row in rows:
        iri, name = row["entity"].value, row["label"].value
        if iri not in labels or name < labels[iri]:
            labels[iri] = name
    return labels


def facts_from_rows(claims, evidence_rows):
    """Return a Fact for each evidence row (claim, doc, start, end, quote, rule,
    confidence) whose claim is in ``claims`` ({claim IRI: claim}), in article order."""
    facts = [fact_from_evidence(claims[row["claim"].value], row["doc"].value,
                                row["start"].value, row["end"].value, row["quote"].value,
                                row["rule"].value if "rule" in row else None,
                                row["confidence"].value)
             for row in evidence_rows if row["claim"].value in claims]
    return sorted(facts, key=fact_order)


def _facts(claim_rows, labels, evidence_rows):
    """Return Facts from the rows of a claims query, {entity IRI: name} and the rows
    of an evidence query (distinct: the queries say DISTINCT)."""
    claims = claims_from_rows(
        [(r["claim"], r["class"], r["p"], r["o"]) for r in claim_rows], labels)
    return facts_from_rows(claims, evidence_rows)


def label_of(backend, iri):
    """Return the least of the names stored for the entity ``iri``, or None."""
    rows = backend.select(LABEL_OF, {"entity": NamedNode(iri)})
    return min((row["label"].value for row in rows), default=None)


def _entity_iris(claim_rows):
    """Return the IRIs of the people, characters and works the claim rows name."""
    kinds = tuple(f"{t.ID}{kind}/" for kind in ("person", "character", "work"))
    return sorted({row["o"].value for row in claim_rows
                   if isinstance(row["o"], NamedNode) and row["o"].value.startswith(kinds)})


def labels_of_kind(backend, kind):
    """Return {IRI: name} of every stored entity of ``kind`` (person, character,
    work), the least of each entity's spellings."""
    return least_labels(backend.select(LABELS_OF_CLASS % t.ENTITY_CLASSES[kind]))


def claim_works(backend):
    """Return the IRIs of the works that some claim names as its work, sorted."""
    return sorted(row["entity"].value for row in backend.select(CLAIM_WORKS))


def all_seasons(backend):
    """Return {work IRI: season numbers} of every season the store shows, sorted."""
    seasons = {}
    for row in backend.select(ALL_SEASONS):
        seasons.setdefault(row["entity"].value, set()).add(int(row["number"].value))
    return {work: sorted(numbers) for work, numbers in seasons.items()}


def work_counts(backend):
    """Return {work IRI: (characters, events, articles)}: for each work some claim
    names as its work, the distinct characters those claims name as character, how
    many of them are events, and how many articles state them."""
    counts = {}
    for at, query in enumerate((WORK_CHARACTERS, WORK_EVENTS, WORK_ARTICLES)):
        for row in backend.select(query):
            counts.setdefault(row["work"].value, [0, 0, 0])[at] = int(row["n"].value)
    return {work: tuple(found) for work, found in counts.items()}


def article_index(backend):
    """Return (doc, headline, date published) of every stored article, by doc (None
    where not stored; the least where an article gives several)."""
    found = [{}, {}, {}]
    for at, prop in enumerate(ARTICLE_PROPERTIES):
        for row in backend.select(ARTICLE_PROPERTY % prop):
            graph, value = row["g"].value, row["value"].value
            if graph not in found[at] or value < found[at][graph]:
                found[at][graph] = value
    docs, titles, dates = found
    return sorted((doc, titles.get(graph), dates.get(graph)) for graph, doc in docs.items())


def _places(rows, graph_rows, labels):
    """Return {claim IRI: Place} from rows of ?claim ?p ?o (class, work, season,
    episode, character) and of ?g ?claim (the graphs that state each claim)."""
    kinds = {iri: kind for kind, iri in t.CLAIM_CLASSES.items()}
    found = {}
    for row in rows:
        if row["p"].value == t.RDF_TYPE and row["o"].value in kinds:
            found[row["claim"].value] = Place(kinds[row["o"].value])
    for row in rows:
        place = found.get(row["claim"].value)
        prop, value = row["p"].value, row["o"]
        if place is None or prop == t.RDF_TYPE:
            continue
        if prop == t.FIELD_PROPERTY["work"]:
            place.work = labels(value.value)
        elif prop == t.FIELD_PROPERTY["season"]:
            place.seasons.append(int(value.value))
        elif prop == t.FIELD_PROPERTY["episode"]:
            place.episode = int(value.value) if isinstance(value, Literal) else \
                t.word_of(value.value)
        else:
            place.character = value.value
    for row in graph_rows:
        place = found.get(row["claim"].value)
        if place is not None:
            place.graphs.add(row["g"].value)
    for place in found.values():
        place.seasons.sort()
    return found


class Place:
    """Where a claim sits in story time, as a spoiler cut looks at it: its kind,
    work (a name), seasons (a portrayal's, or the one of an event, appearance or
    season claim), episode, character (an IRI) and the graphs that state it."""

    def __init__(self, kind):
        self.kind = kind
        self.work = None
        self.seasons = []
        self.episode = None
        self.character = None
        self.graphs = set()


def places_of_work(backend, work, labels):
    """Return {claim IRI: Place} of the claims whose work is ``work`` (a name);
    ``labels`` maps an entity IRI to its name."""
    bound = {"work": NamedNode(t.entity_iri("work", work))}
    return _places(backend.select(PLACES_OF_WORK, bound), backend.select(GRAPHS_OF_WORK, bound),
                   labels)


def places_in(backend, doc, labels):
    """Return {claim IRI: Place} of the claims article ``doc`` states, each Place's
    graphs that article's alone."""
    graph = NamedNode(t.graph_iri(doc))
    rows = backend.select(PLACES_IN, {"g": graph})
    return _places(rows, [{"g": graph, "claim": row["claim"]} for row in rows], labels)


def work_class_counts(backend):
    """Return {(work IRI, claim kind): distinct claims} over every claim with a work."""
    kinds = {iri: kind for kind, iri in t.CLAIM_CLASSES.items()}
    return {(row["work"].value, kinds[row["class"].value]): int(row["n"].value)
            for row in backend.select(WORK_CLASSES) if row["class"].value in kinds}


def unplaced_claims(backend):
    """Return {work IRI: {claim IRI: (kind, character IRI or None, graphs)}}: the
    claims with a work that no spoiler cut hides (UNPLACED)."""
    kinds = {iri: kind for kind, iri in t.CLAIM_CLASSES.items()}
    found = {}
    for row in backend.select(UNPLACED):
        claims = found.setdefault(row["work"].value, {})
        character = row["character"].value if "character" in row else None
        kind, _character, graphs = claims.setdefault(
            row["claim"].value, (kinds[row["class"].value], character, set()))
        graphs.add(row["g"].value)
    return found


def _values(iris):
    """Return IRIs as the terms of a VALUES block, in pyoxigraph's syntax."""
    return " ".join(str(NamedNode(iri)) for iri in iris)


def last_episode(backend, work, season):
    """Return the highest episode number the store shows for season ``season`` of
    ``work`` (a name), or None."""
    rows = backend.select(EPISODES_SHOWN, {"season": NamedNode(t.season_iri(work, season))})
    return int(rows[0]["top"].value) if rows and "top" in rows[0] else None


def facts_of_events(backend, events, label, work=None):
    """Return the Facts of the event claims of the given kinds (words such as
    "death"), only those of ``work`` (a name) when given, in article order;
    ``label`` as in ``facts_naming``."""
    types = _values(t.word_iri(event) for event in events)
    where = IN_WORK if work is not None else ""
    bound = {"work": NamedNode(t.entity_iri("work", work))} if work is not None else None
    rows = backend.select(EVENT_CLAIMS % (types, where), bound)
    return _facts(rows, _labels(rows, label),
                  backend.select(EVENT_EVIDENCE % (types, where), bound))


def characters_with_events(backend, events):
    """Return the IRIs of the characters of claims with one of the ``events`` (words
    such as "death")."""
    rows = backend.select(CHARACTERS_WITH_EVENTS % _values(t.word_iri(e) for e in events))
    return {row["entity"].value for row in rows}


def characters_with_actors(backend):
    """Return the IRIs of the characters that claims give more than one actor."""
    return {row["entity"].value for row in backend.select(CHARACTERS_WITH_ACTORS)}


def characters_past(backend, work_iri, season, episodes=None):
    """Return the IRIs of the characters of claims placed in ``work_iri`` past
    season ``season`` or, with ``episodes``, in that season past that episode."""
    work = NamedNode(work_iri)
    if episodes is None:
        rows = backend.select(CHARACTERS_PAST_SEASON, {"work": work, "top": Literal(season)})
    else:
        rows = backend.select(CHARACTERS_PAST_EPISODE, {
            "work": work, "season": Literal(season), "count": Literal(episodes)})
    return {row["entity"].value for row in rows}


def _labels(rows, label):
    """Return {IRI: name} for the entities claim rows name, by ``label``."""
    return {iri: found for iri in _entity_iris(rows) if (found := label(iri)) is not None}


def facts_naming(backend, kind, name, label):
    """Return the Facts of every claim that names the ``kind`` entity ``name`` in a
    field of that kind (a character as character or agent), in article order.
    ``label`` maps an entity IRI to its name (``label_of``, or a cached one): a work
    is labelled again in every article naming it, and reading its labels one entity
    at a time costs less than joining them to every claim."""
    path = ROLES[kind]
    bound = {"entity": NamedNode(t.entity_iri(kind, name))}
    rows = backend.select(CLAIMS_OF % path, bound)
    return _facts(rows, _labels(rows, label), backend.select(EVIDENCE_OF % path, bound))


def facts_of_kind_in_work(backend, kind, work, label):
    """Return the Facts of the ``kind`` claims ("crew"...) whose work is ``work`` (a
    name), in article order; ``label`` as in ``facts_naming``."""
    bound = {"entity": NamedNode(t.entity_iri("work", work)),
             "kind": NamedNode(t.CLAIM_CLASSES[kind])}
    rows = backend.select(KIND_OF_WORK, bound)
    return _facts(rows, _labels(rows, label), backend.select(KIND_OF_WORK_EVIDENCE, bound))


def facts_in(backend, doc, label):
    """Return the Facts of every claim that article ``doc`` states, with their
    evidence from every article, in article order. ``label`` as in ``facts_naming``."""
    rows = backend.select(CLAIMS_IN, {"g": NamedNode(t.graph_iri(doc))})
    claims = sorted({str(row["claim"]) for row in rows})
    evidence = backend.select(EVIDENCE_FOR % " ".join(claims)) if claims else []
    return _facts(rows, _labels(rows, label), evidence)


def facts_of_article(backend, doc, labels):
    """Return the Facts of article ``doc`` with its own evidence only, read from its
    graph alone (a range of the store's graph index, no join), in article order;
    ``labels`` maps the IRIs its claims name to names."""
    return sorted(facts_of_graph(backend.quads(t.graph_iri(doc)), labels), key=fact_order)


def claims_naming_at_most(backend, kind, name, limit):
    """Return how many claims name the ``kind`` entity ``name`` (as ``facts_naming``
    reads them), counting no further than ``limit`` + 1: a bounded look at its size."""
    rows = backend.select(SOME_CLAIMS_OF % (ROLES[kind], limit + 1),
                          {"entity": NamedNode(t.entity_iri(kind, name))})
    return len(rows)


def claims_per_entity(backend, kind):
    """Return {IRI: how many claims name it} for the entities a claim names in a field
    of ``kind`` (one aggregate read of the whole store)."""
    return {row["entity"].value: int(row["n"].value)
            for row in backend.select(CLAIMS_PER_ENTITY % ROLES[kind])}


def most_sourced(backend, kind, limit, docs):
    """Return the IRIs of the ``limit`` entities of ``kind`` whose claims (naming
    them in a field of that kind) the most of the articles ``docs`` state, most
    first."""
    counts = Counter(row["entity"].value for doc in docs
                     for row in backend.select(NAMED_IN % ROLES[kind],
                                               {"g": NamedNode(t.graph_iri(doc))}))
    return sorted(counts, key=lambda iri: (-counts[iri], iri))[:limit]


def entities_of_claim(backend, claim_iri):
    """Return the IRIs of the people, characters and works the claim ``claim_iri``
    names, sorted."""
    rows = backend.select(NAMED_BY, {"claim": NamedNode(claim_iri)})
    return sorted({row["entity"].value for row in rows})


def frame_facts(backend, label):
    """Return the Facts of the claims that order story time: seasons with their
    episode counts, placements and continuity links, in article order. ``label``
    as in ``facts_naming``."""
    classes = " ".join(f"<{t.CLAIM_CLASSES[kind]}>" for kind in FRAME_CLASSES)
    rows = backend.select(FRAME_CLAIMS % classes)
    return _facts(rows, _labels(rows, label), backend.select(FRAME_EVIDENCE % classes))


def has_claims(backend, work):
    """Return True when some claim names ``work`` as its work."""
    return bool(backend.select(HAS_CLAIMS, {"entity": NamedNode(t.entity_iri("work", work))}))


def seasons_of(backend, work):
    """Return the season numbers any claim of the store shows ``work`` to have, sorted."""
    rows = backend.select(SEASONS_OF, {"entity": NamedNode(t.entity_iri("work", work))})
    return sorted({int(row["number"].value) for row in rows})


def spans_of(backend, doc):
    """Return the distinct (start, end) spans of article ``doc``'s evidence, sorted."""
    rows = backend.select(SPANS_OF, {"g": NamedNode(t.graph_iri(doc))})
    return sorted({(int(row["start"].value), int(row["end"].value)) for row in rows})


def title_of(backend, doc):
    """Return the headline stored for article ``doc``, or None."""
    rows = backend.select(TITLE_OF, {"g": NamedNode(t.graph_iri(doc))})
    return rows[0]["title"].value if rows else None
