"""What each page shows, as plain dicts and lists: the HTML pages render them and the
JSON API returns them as they are, so that a page and its JSON twin never disagree.

Every view reads the Story at the request's spoiler cut, so nothing after the cut
reaches a page or the API; every URL in a view is made with ``webviz.cut.link`` and
keeps the cut. A claim is shown with the quotes it was read from, each linking to its
span on the article page (``/article/<doc>#span-N``; N numbers the article's distinct
spans in text order, over every fact, so that the anchor does not move with the cut).
"""

from collections import Counter, defaultdict
from itertools import islice

from flask import abort, current_app, redirect, request

from graph.continuity.ask import TEMPLATES
from graph.continuity.ask_store import answer_from_store
from graph.continuity.casting import cast_by_season, roles, seasons_label, who_plays
from graph.continuity.checks import RULES, SEVERITIES, sorted_findings
from graph.continuity.question import INTENTS
from graph.continuity.scope import stands_for, story_of_claims
from graph.continuity.timeline import timeline
from graph.errors import UnknownEntityError
from graph.model.storytime import Position, parse_position, work_key
from graph.model.words import KINDS
from graph.rdf.terms import slug
from webviz import cut, entities
from webviz.cut import link
from webviz.cut_counts import CutCounts
from webviz.name_index import NameIndex
from webviz.timeline_svg import character_timeline, work_timeline

MAX_QUERY = 200
MAX_QUESTION = 300
LATEST_ARTICLES = 20
SUGGESTIONS = 10
ENTITY_KINDS = ("character", "person", "work")
# Which kind of entity page a claim field names.
FIELD_KINDS = {"actor": "person", "person": "person", "character": "character",
               "agent": "character", "work": "work", "with_": "work"}


class Context:
    """One request's view of the app: its Canon and the Story at its spoiler cut."""

    def __init__(self, canon, story):
        self.canon = canon
        self.store = canon.store
        self.story = story
        self._names = {}

    def names(self, kind):
        """Return {slug: name} of the story's entities of one kind."""
        if kind not in self._names:
            self._names[kind] = entities.names(self.story, kind)
        return self._names[kind]

    def url(self, kind, name):
        """Return the page URL of an entity, or None when the story has no such page."""
        if not name or slug(name) not in self.names(kind):
            return None
        return link(f"pages.{kind}", slug=slug(name))

    def entity(self, kind, name):
        """Return {"name", "kind", "url"} for a name (url None when it has no page)."""
        return {"name": name, "kind": kind, "url": self.url(kind, name)}

    def span_of(self, evidence):
        """Return the number of the evidence's span on its article page, or None."""
        return span_numbers(self.canon, evidence.doc).get((evidence.start, evidence.end))

    def source(self, evidence):
        """Return one piece of evidence as a dict with the URL of its span."""
        number = self.span_of(evidence)
        anchor = {"_anchor": f"span-{number}"} if number else {}
        return {"doc": evidence.doc, "start": evidence.start, "end": evidence.end,
                "quote": evidence.quote, "rule": evidence.rule,
                "confidence": round(float(evidence.confidence), 3), "span": number,
                "url": link("pages.article", doc=evidence.doc, **anchor)}

    def sources(self, sourced):
        """Return every piece of a Sourced claim's evidence as ``source`` gives it."""
        return [self.source(ev) for ev in sourced.evidence]

    def claim(self, sourced):
        """Return a Sourced claim as a dict: kind, key, fields, a one-line summary, its
        story time, the entities it names with their pages, and its sources."""
        claim = sourced.claim
        position = self.story.position_of(sourced) if claim.kind in ("event", "appearance") \
            else None
        return {"kind": claim.kind, "key": claim.key(), "fields": claim.fields(),
                "summary": describe(claim, position),
                "at": str(position) if position else None,
                "entities": [{"role": role.rstrip("_"), **self.entity(FIELD_KINDS[role], name)}
                             for role, name in claim.entities() if role in FIELD_KINDS],
                "sources": [self.source(ev) for ev in sourced.evidence]}


def context():
    """Return the Context of the current request (a bad spoiler cut is a 400)."""
    return Context(current_app.extensions["canon"], cut.story())


# The claim fields an entity page's Story is read by (``story_about``'s arguments).
STORY_ARGUMENT = {"character": "characters", "person": "actors", "work": "works"}


def entity_context(kind, key):
    """Return the Context of a page about one entity: a Story of that entity's claims
    and those that order story time, read from the store without the rest of it.
    404 when the store holds no ``kind`` entity with the id ``key``; a bad spoiler
    cut is a 400."""
    canon = current_app.extensions["canon"]
    name = canon.store.entity_label(kind, key) if kind in STORY_ARGUMENT else None
    if name is None or slug(name) != key:
        _to_name_meant(canon.store, kind, key)
    return Context(canon, cut.story_about(**{STORY_ARGUMENT[kind]: (name,)}))


def _to_name_meant(store, kind, key):
    """Redirect to the page of the one entity an id that is no entity's stands for
    as a typed name ("/character/ned" to Eddard Stark's page, keeping the cut), or
    abort with 404 naming the closest names (``stands_for``)."""
    if kind not in STORY_ARGUMENT:
        abort(404, description=f"no {kind} with the id {key!r} in this graph")
    try:
        found = stands_for(store, kind, key.replace("-", " "))
    except UnknownEntityError as error:
        abort(404, description=f"no {kind} with the id {key!r} in this graph ({error})")
    if len(found) != 1:
        abort(404, description=f"no {kind} with the id {key!r} in this graph; it may be "
                               f"{', '.join(found[:5])}")
    # The JSON API's pages redirect to its own; any other request to the HTML page.
    blueprint = "api" if request.blueprint == "api" else "pages"
    abort(redirect(link(f"{blueprint}.{kind}", slug=slug(found[0]))))


def article_context(doc):
    """Return the Context of an article's page: a Story of the claims the article
    states (with their evidence from every article) and those that order story time,
    the article's work made known, read without the rest of the store. 404 when the
    store does not hold the article; a bad spoiler cut is a 400."""
    canon = current_app.extensions["canon"]
    found = canon.store.article(doc) or {}
    story = cut.story_about(docs=(doc,), times=tuple(filter(None, [found.get("work")])))
    if not found:
        abort(404, description=f"no article {doc!r} in this store")
    return Context(canon, story)


def span_numbers(canon, doc):
    """Return {(start, end): N}: article ``doc``'s distinct non-empty spans over all its
    stored facts, numbered from 1 in text order; read again when the store changes."""
    return canon.derived(("span numbers", doc), lambda: {
        span: number for number, span in enumerate(
            (span for span in canon.store.spans_of(doc) if span[1] > span[0]), start=1)})


# --- words -------------------------------------------------------------------------

def describe(claim, at=None):
    """Return a claim as one line of plain text ("David Tennant plays Kilgrave in
    Jessica Jones S1"); ``at`` is the resolved story time of an event or appearance."""
    kind = claim.kind
    if kind == "portrayal":
        where = " ".join(part for part in (claim.work, seasons_label(claim.seasons)) if part)
        return f"{claim.actor} plays {claim.character}" + (f" in {where}" if where else "")
    if kind == "season":
        count = f", {claim.episodes} episodes" if claim.episodes else ""
        return f"{claim.work} has a season {claim.season}{count}"
    if kind in ("event", "appearance"):
        what = claim.event if kind == "event" else "appears"
        details = [f"as {claim.mode}" if claim.mode else "",
                   f"by {claim.agent}" if getattr(claim, "agent", None) else "",
                   f"cause: {claim.cause}" if getattr(claim, "cause", None) else ""]
        details = ", ".join(part for part in details if part)
        where = at or (claim.work if claim.work else None)
        return (f"{claim.character}: {what}" + (f" in {where}" if where else "")
                + (f" ({details})" if details else ""))
    if kind == "crew":
        return f"{claim.person}: {claim.role}" + (f" of {claim.work}" if claim.work else "")
    if kind == "continuity":
        return f"{claim.work} {claim.relation.replace('_', ' ')} {claim.with_}"
    sides = [f"{side} {getattr(claim, side)}" for side in ("after", "before")
             if getattr(claim, side)]
    return f"{claim.work} comes {' and '.join(sides)}"


# --- home, search and suggestions ---------------------------------------------------

def _linked_works(story):
    """Return pairs of work names that the claims tie into one franchise: continuity
    links, placements, and the works one franchise file names."""
    known = {work_key(work): work for work in story.works()}
    pairs, by_file = [], defaultdict(set)
    for sourced in story.claims:
        claim = sourced.claim
        if claim.kind == "continuity":
            pairs.append((claim.work, claim.with_))
        elif claim.kind == "placement":
            for anchor in (claim.after, claim.before):
                if anchor:
                    pairs.append((claim.work, parse_position(anchor).work))
        if claim.kind in ("placement", "season") and any(
                (ev.rule or "").startswith("franchise.") for ev in sourced.evidence):
            for doc in sourced.docs:
                by_file[doc].add(claim.work)
    pairs = [(known[work_key(a)], known[work_key(b)]) for a, b in pairs
             if a and b and work_key(a) in known and work_key(b) in known]
    return pairs, by_file


def _franchises(ctx, rows):
    """Return (franchises, other works): franchises as [{"name", "works": rows}], each
    a group of works tied by continuity links or a franchise file, named by the file's
    title, else by its work with the most characters; the works tied to no other
    and named in no franchise file are the other works."""
    parent = {row["name"]: row["name"] for row in rows}

    def root(name):
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    pairs, by_file = _linked_works(ctx.story)
    for a, b in pairs:
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    groups = defaultdict(list)
    for row in rows:
        groups[root(row["name"])].append(row)
    titles = {}
    headlines = {doc: title for doc, title, _ in ctx.store.article_index()}
    for doc, works in by_file.items():
        title = headlines.get(doc)
        for work in works:
            if title and work in parent:
                titles.setdefault(root(work), title)
    out, alone = [], []
    for key, works in groups.items():
        if len(works) == 1 and key not in titles:
            alone.extend(works)
            continue
        name = titles.get(key) or max(works, key=lambda r: (r["characters"], r["name"]))["name"]
        out.append({"name": name, "works": works})
    return sorted(out, key=lambda f: (-len(f["works"]), f["name"].casefold())), alone


class StoreCounts:
    """The home page's counts read from the store with SPARQL, for a request without
    a spoiler cut (every claim shows): counts per work and per kind, the article
    index, and the claim count and work of the latest articles alone."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.store = ctx.store

    def works(self):
        """Return {work key: (characters, events, articles)} over every claim."""
        return {work_key(work): counts for work, counts in self.store.work_counts().items()}

    def latest(self, count):
        """Return the ``count`` latest articles by date published and title as dicts:
        doc, title, published, work, claims, url; the work and claim count are read
        for those alone, once until the store changes (each read fetches the article's
        whole text: on every request they were half the home page's time)."""
        return self.ctx.canon.derived(("latest articles", count), lambda: self._latest(count))

    def _latest(self, count):
        rows = sorted(({"doc": doc, "title": title or doc, "published": published}
                       for doc, title, published in self.store.article_index()),
                      key=_latest_first, reverse=True)[:count]
        for row in rows:
            row["work"] = (self.store.article(row["doc"]) or {}).get("work")
            row["claims"] = self.store.claims_in(row["doc"])
            row["url"] = link("pages.article", doc=row["doc"])
        return [{key: row[key] for key in ("doc", "title", "published", "work", "claims",
                                           "url")} for row in rows]

    def shown(self):
        """Return {kind: claims} of the store."""
        return stats(self.ctx.canon)["claims"]


def stats(canon):
    """Return the store's counts (``Store.stats``), read once until the store changes:
    counting every quad and every typed node takes 1.4 s at 100k claims."""
    return canon.derived("stats", canon.store.stats)


def _latest_first(article):
    return (article["published"] or "", article["title"])


def home_context():
    """Return (Context, counts) of the home page: a Story of the claims that order
    story time with every stored work made known, cut at the request's cut, and
    StoreCounts without a cut or CutCounts with one (both read with SPARQL, not
    the whole store's Story). A bad cut is a 400."""
    canon = current_app.extensions["canon"]
    works = tuple(work for work in canon.store.names("work") if canon.store.has_claims(work))
    ctx = Context(canon, cut.story_about(times=works))
    return ctx, (StoreCounts(ctx) if cut.until() is None else CutCounts(ctx))


def home(ctx, counts):
    """Return the home page's data: store counts, the claims the cut leaves, the
    franchises with their works and counts, the other works, and the latest articles.
    ``counts`` is the StoreCounts or CutCounts that ``home_context`` gives."""
    table = counts.works()
    rows = []
    for work in ctx.story.works():
        found = table.get(work_key(work))
        if found is None:
            continue
        characters, events, articles = found
        rows.append({"name": work, "url": ctx.url("work", work), "characters": characters,
                     "events": events, "articles": articles})
    shown = counts.shown()
    franchises, others = _franchises(ctx, rows)
    return {"until": cut.until(), "stats": stats(ctx.canon),
            "shown": {"claims": sum(shown.values()),
                      "by_kind": {kind: shown.get(kind, 0) for kind in KINDS}},
            "franchises": franchises, "other_works": others,
            "articles": counts.latest(LATEST_ARTICLES),
            "links": {"graph": link("graph_page.graph"), "continuity": link("pages.continuity"),
                      "ask": link("pages.ask")}}


def _query(text):
    """Return a search text stripped; abort with 400 when it is too long."""
    text = (text or "").strip()
    if len(text) > MAX_QUERY:
        abort(400, description=f"q is {len(text)} characters long; the limit is {MAX_QUERY}")
    return text


class Catalogue:
    """What search and suggestions read: the stored names of each kind and the
    article titles (read with SPARQL, kept until the store changes) and, under a
    spoiler cut, whether the cut leaves a matched name a claim, read for that name
    alone. The whole store's Story lists every work whatever the cut (a work is
    known from claims after it too), so only characters, people and articles are
    looked at."""

    def __init__(self, canon, until):
        self.canon = canon
        self.until = until

    def names(self, kind):
        """Return {slug: name} of the stored entities of one kind."""
        return {slug(name): name for name in self.canon.store.names(kind)}

    def aliases(self, kind):
        """Return {name: other names articles give it} of the stored entities of a kind."""
        return self.canon.store.aliases(kind)

    def claim_counts(self, kind):
        """Return {name: claims naming it} of the stored entities of a kind."""
        return self.canon.store.claim_counts(kind)

    def articles(self):
        """Return (doc, title) of every stored article, by doc."""
        return [(doc, title) for doc, title, _published in self.canon.store.article_index()]

    def index(self):
        """Return the NameIndex of every entity of ENTITY_KINDS then every article,
        each entry's thing a (kind, slug or doc) pair; built once until the store
        changes."""
        return self.canon.derived("name index", lambda: name_index_of(self))

    def shows(self, candidate):
        """Return True when the cut leaves the candidate's entity or article a claim
        (an article stating no claim at all shows whatever the cut)."""
        kind = candidate["kind"]
        if self.until is None or kind == "work":
            return True
        if kind == "article":
            doc = candidate["doc"]
            story = self.canon.story_about(self.until, docs=(doc,))
            return not self.canon.store.facts_in(doc) or any(
                doc in sourced.docs for sourced in story.claims)
        story = self.canon.story_about(self.until, **{STORY_ARGUMENT[kind]: (candidate["name"],)})
        return slug(candidate["name"]) in entities.names(story, kind)


def catalogue():
    """Return the Catalogue of the current request (a bad spoiler cut is a 400)."""
    cut.story_about()
    return Catalogue(current_app.extensions["canon"], cut.until())


def name_index_of(catalogue):
    """Return the NameIndex of a catalogue's names (``names(kind)`` for each of
    ENTITY_KINDS, with their ``aliases(kind)`` and ``claim_counts(kind)``, then
    ``articles()``, an article by its title or else its doc)."""
    entries, aliases, weights = [], {}, {}
    for kind in ENTITY_KINDS:
        others, counts = catalogue.aliases(kind), catalogue.claim_counts(kind)
        for key, name in catalogue.names(kind).items():
            if name in others:
                aliases[len(entries)] = others[name]
            weights[len(entries)] = counts.get(name, 0)
            entries.append((name, (kind, key)))
    entries += [(title or doc, ("article", doc)) for doc, title in catalogue.articles()]
    return NameIndex(entries, aliases=aliases, weights=weights)


def _candidate(entry):
    """Return a matched index entry as a result: {"name", "kind", "url"}, and "doc"
    for an article."""
    name, (kind, key) = entry
    if kind == "article":
        return {"name": name, "kind": kind, "doc": key, "url": link("pages.article", doc=key)}
    return {"name": name, "kind": kind, "url": link(f"pages.{kind}", slug=key)}


def _found(catalogue, query, kinds):
    """Return the candidates of ``kinds`` that match ``query`` and that the cut
    leaves, best first (a generator)."""
    entries = catalogue.index().entries
    for number in catalogue.index().matches(query):
        if entries[number][1][0] in kinds:
            candidate = _candidate(entries[number])
            if catalogue.shows(candidate):
                yield candidate


def search(catalogue, text):
    """Return {"query", "results": [{"name", "kind", "url"}]}: the characters, people,
    works and articles whose names match, best first (empty for an empty query)."""
    query = _query(text)
    if not query:
        return {"query": "", "results": []}
    return {"query": query,
            "results": list(_found(catalogue, query, (*ENTITY_KINDS, "article")))}


def suggest(catalogue, text):
    """Return {"suggestions": [{"name", "kind", "url"}]}: at most ten entities whose
    names match the text."""
    query = _query(text)
    found = _found(catalogue, query, ENTITY_KINDS) if query else ()
    return {"suggestions": list(islice(found, SUGGESTIONS))}


# --- entity pages -------------------------------------------------------------------

def _graph_url(kind, name):
    return link("graph_page.graph", focus=entities.node_id(kind, name))


def character(ctx, key):
    """Return a character page's data: portrayals by season (recasts marked), the
    drawn timeline (``webviz.timeline_svg``), the events that happen to the character
    with quotes, and the events where the character acts on another. 404 for an
    unknown slug."""
    story = ctx.story
    name = entities.name_of(story, "character", key)
    try:
        rows = who_plays(story, name)
    except UnknownEntityError:
        rows = []
    portrayals = [{"work": ctx.entity("work", row.work) if row.work else None,
                   "season": row.season, "actors": [ctx.entity("person", a) for a in row.actors],
                   "recast": row.recast, "claims": [ctx.claim(s) for s in row.sources]}
                  for row in rows]
    try:
        _stored, steps = timeline(story, name)
    except UnknownEntityError:
        steps = []
    folded = name.casefold()
    acts = [s for s in story.of_kind("event")
            if (s.claim.agent or "").casefold() == folded]
    acts.sort(key=story.story_key)
    return {"kind": "character", "name": name, "slug": slug(name),
            "node": entities.node_id("character", name),
            "graph_url": _graph_url("character", name), "portrayals": portrayals,
            "drawing": character_timeline(story, name, ctx.sources),
            "timeline": [{"at": str(step.at) if step.at else None, "label": step.label(),
                          "claim": ctx.claim(step.sourced)} for step in steps],
            "acts": [ctx.claim(s) for s in acts]}


def person(ctx, key):
    """Return a person page's data: the characters they play (by work and seasons) and
    their crew roles. 404 for an unknown slug."""
    story = ctx.story
    name = entities.name_of(story, "person", key)
    try:
        rows = roles(story, name)
    except UnknownEntityError:
        rows = []
    crew = sorted((s for s in story.of_kind("crew") if s.claim.person == name),
                  key=lambda s: (s.claim.work or "", s.claim.role))
    return {"kind": "person", "name": name, "slug": slug(name),
            "node": entities.node_id("person", name), "graph_url": _graph_url("person", name),
            "roles": [{"character": ctx.entity("character", row.character),
                       "work": ctx.entity("work", row.work) if row.work else None,
                       "seasons": list(row.seasons), "seasons_label": seasons_label(row.seasons),
                       "claims": [ctx.claim(s) for s in row.sources]} for row in rows],
            "crew": [{"role": s.claim.role,
                      "work": ctx.entity("work", s.claim.work) if s.claim.work else None,
                      "claim": ctx.claim(s)} for s in crew]}


def _cast_rows(ctx, members):
    return [{"actor": ctx.entity("person", m.actor), "character": ctx.entity("character",
                                                                            m.character),
             "seasons": list(m.seasons), "claims": [ctx.claim(s) for s in m.sources]}
            for m in members]


def _season_rows(ctx, roles):
    """Return a season's cast rows: actor, character, whether the season is inferred
    from where the character appears (with those claims), the recast label where
    the season brings a new actor, and the portrayals."""
    return [{"actor": ctx.entity("person", r.actor),
             "character": ctx.entity("character", r.character),
             "inferred": r.inferred, "recast": r.recast,
             "claims": [ctx.claim(s) for s in r.portrayals],
             "appears": [ctx.claim(s) for s in r.appears]} for r in roles]


def work(ctx, key):
    """Return a work's page data: its seasons (episode counts when known) with the
    cast of each (from the seasons portrayals give, else inferred from where the
    character appears; recasts marked), the recast chains, the cast that neither
    places in a season, its events in story order, its continuity links and
    placements, its crew and the articles about it. 404 for an unknown slug."""
    story = ctx.story
    name = entities.name_of(story, "work", key)
    mine = work_key(name)
    by_season = cast_by_season(story, name)
    seasons = []
    for season in story.seasons(name):
        if story.after_cut(Position(name, season)):
            continue
        seasons.append({"season": season, "label": f"Season {season}",
                        "episodes": story.chronology.episodes(name, season),
                        "cast": _season_rows(ctx, by_season.seasons.get(season, ()))})

    def of_work(sourced):
        return work_key(getattr(sourced.claim, "work", None) or "") == mine

    happenings = sorted((s for s in story.claims if s.kind in ("event", "appearance")
                         and of_work(s)), key=lambda s: (story.story_key(s), s.docs))
    links = [s for s in story.of_kind("continuity")
             if of_work(s) or work_key(s.claim.with_) == mine]
    placements = [s for s in story.of_kind("placement")
                  if of_work(s) or any(anchor and work_key(parse_position(anchor).work or "")
                                       == mine for anchor in (s.claim.after, s.claim.before))]
    docs = sorted({doc for s in story.claims if of_work(s) for doc in s.docs})
    titles = {doc: ctx.store.title_of(doc) for doc in docs}
    return {"kind": "work", "name": name, "slug": slug(name),
            "node": entities.node_id("work", name), "graph_url": _graph_url("work", name),
            "drawing": work_timeline(story, name, ctx.sources),
            "seasons": seasons,
            "recasts": [{"character": ctx.entity("character", character), "label": label}
                        for character, label in by_season.recasts],
            "cast_unsaid": _cast_rows(ctx, by_season.unplaced),
            "events": [ctx.claim(s) for s in happenings],
            "continuity": [ctx.claim(s) for s in links],
            "placements": [ctx.claim(s) for s in placements],
            "crew": [ctx.claim(s) for s in story.of_kind("crew") if of_work(s)],
            "articles": [{"doc": doc, "title": titles.get(doc) or doc,
                          "url": link("pages.article", doc=doc)} for doc in docs]}


# --- the article page ---------------------------------------------------------------

def _primary(kinds):
    return min(kinds, key=KINDS.index)


def article(ctx, doc):
    """Return an article page's data: its text and metadata, its spans (number, offsets,
    kinds, a plain-text summary), the facts it produced with their span, and how many
    facts the spoiler cut hides. 404 for an article the store does not hold."""
    found = ctx.store.article(doc)
    if found is None:
        abort(404, description=f"no article {doc!r} in this store")
    text = found["text"] or ""
    numbers = span_numbers(ctx.canon, doc)
    facts, spans = [], defaultdict(list)
    for sourced in ctx.story.claims:
        for ev in sourced.evidence:
            if ev.doc != doc:
                continue
            number = numbers.get((ev.start, ev.end))
            position = ctx.story.position_of(sourced) if sourced.kind in (
                "event", "appearance") else None
            summary = describe(sourced.claim, position)
            if number and ev.end <= len(text):
                spans[number].append((sourced.kind, summary))
            facts.append({"span": number if number and ev.end <= len(text) else None,
                          "url": link("pages.article", doc=doc, _anchor=f"span-{number}")
                          if number else None,
                          "kind": sourced.kind, "summary": summary, "quote": ev.quote,
                          "start": ev.start, "end": ev.end, "rule": ev.rule,
                          "confidence": round(float(ev.confidence), 3),
                          "claim": ctx.claim(sourced)})
    facts.sort(key=lambda f: (f["start"], f["end"], f["kind"]))
    offsets = {number: key for key, number in numbers.items()}
    span_rows = []
    for number in sorted(spans):
        kinds = sorted({kind for kind, _summary in spans[number]}, key=KINDS.index)
        start, end = offsets[number]
        span_rows.append({"n": number, "start": start, "end": end, "kind": _primary(kinds),
                          "kinds": kinds,
                          "summary": "; ".join(dict.fromkeys(s for _k, s in spans[number]))})
    every = sum(1 for fact in ctx.store.facts_in(doc) if fact.evidence.doc == doc)
    return {"doc": doc, "title": found["title"] or doc, "published": found["published"],
            "source": found["source"], "work": found["work"],
            "work_url": ctx.url("work", found["work"]), "text": text,
            "kinds": sorted({kind for row in span_rows for kind in row["kinds"]},
                            key=KINDS.index),
            "spans": span_rows, "facts": facts, "hidden": every - len(facts)}


def segments(text, spans):
    """Return the article text as a tree for the page: text nodes {"text"} and span
    nodes {"span", "first", "children"}, nested so that every span's text sits inside
    it. A span that crosses the end of an enclosing one is split: its first part is
    the span's own element ("first" True), later parts continue it."""
    order = sorted(spans, key=lambda s: (s["start"], -s["end"], s["n"]))
    bounds = sorted({0, len(text), *(s["start"] for s in order), *(s["end"] for s in order)})
    root, stack, opened = {"children": []}, [], set()
    for start, end in zip(bounds, bounds[1:], strict=False):
        covering = [s for s in order if s["start"] <= start and end <= s["end"]]
        depth = 0
        while depth < min(len(stack), len(covering)) and stack[depth][0] is covering[depth]:
            depth += 1
        del stack[depth:]
        for span in covering[depth:]:
            node = {"span": span, "first": span["n"] not in opened, "children": []}
            opened.add(span["n"])
            (stack[-1][1] if stack else root)["children"].append(node)
            stack.append((span, node))
        (stack[-1][1] if stack else root)["children"].append({"text": text[start:end]})
    return root["children"]


# --- continuity and ask -------------------------------------------------------------

def _choice(args, name, allowed, fold=str.casefold):
    """Return the allowed value a GET parameter names (compared by ``fold``), None when
    it is absent or empty; abort with 400 listing the allowed values otherwise."""
    value = (args.get(name) or "").strip()
    if not value:
        return None
    for option in allowed:
        if fold(option) == fold(value):
            return option
    abort(400, description=f"unknown {name} {value!r}: use one of {', '.join(allowed)}")


def _claims_context(canon, claims):
    """Return the Context of a page that shows some Sourced claims (a check's, an
    answer's): a Story of those claims and of those that order story time, knowing
    every work of the store, at the request's cut."""
    return Context(canon, cut.read_at_cut(
        lambda until: story_of_claims(canon.store, claims, until=until)))


def continuity(args):
    """Return the continuity page's data: the findings of every check, filtered by the
    GET parameters rule, severity and work (a 400 names the allowed values of a bad
    one), each with its claims and quotes (a conflict's also by side: what each
    side says and the claims that say it), and the counts by severity. The checks
    read the store a batch of characters at a time and the Story of their claims is
    built, once per cut until the store changes (``Canon.findings``); the page's
    data is kept per cut and filters until then too (thousands of findings at 100k
    claims take a second to write out)."""
    canon = current_app.extensions["canon"]
    findings, story = cut.read_at_cut(canon.findings)
    works = story.works()
    chosen = {"rule": _choice(args, "rule", list(RULES)),
              "severity": _choice(args, "severity", list(SEVERITIES)),
              "work": _choice(args, "work", works, fold=slug)}
    return canon.derived(("continuity page", cut.until(), *chosen.values()),
                         lambda: _continuity(Context(canon, story), findings, chosen))


def _continuity(ctx, findings, chosen):
    """Return the continuity page's data for the ``chosen`` filters."""
    findings = sorted_findings(ctx.story, findings, work=chosen["work"])
    counts = Counter(f.severity for f in findings)
    shown = [f for f in findings if chosen["rule"] in (None, f.rule)
             and chosen["severity"] in (None, f.severity)]
    return {"filters": chosen,
            "allowed": {"rule": list(RULES), "severity": list(SEVERITIES),
                        "work": ctx.story.works()},
            "counts": {severity: counts.get(severity, 0) for severity in SEVERITIES},
            "total": len(shown),
            "findings": [{"n": n, "rule": f.rule, "severity": f.severity, "message": f.message,
                          "claims": [ctx.claim(s) for s in f.claims],
                          "sides": [{"label": side.label,
                                     "claims": [ctx.claim(s) for s in side.claims]}
                                    for side in f.sides]}
                         for n, f in enumerate(shown, start=1)]}


# Names the ask page's examples are drawn from: the store's most written-about of
# each kind in the latest articles, this many of each (the characters take turns),
# from at most EXAMPLE_CANDIDATES tried.
EXAMPLE_NAMES = {"character": 4, "person": 1, "work": 2}
EXAMPLE_CANDIDATES = 12


def _example_names(canon, until):
    """Return {kind: [names]}: the store's most written-about characters, people and
    works in the latest articles that the cut leaves (a name known only after it
    would be a spoiler; each is read, until enough are found, only under a cut),
    most first."""
    field = {"character": "characters", "person": "actors", "work": "works"}

    def held(kind, name):
        story = canon.story_about(until, **{field[kind]: [name]})
        if kind == "character":
            return bool(story.about(name))
        if kind == "person":
            return name in story.actors() or any(s.claim.person == name
                                                 for s in story.of_kind("crew"))
        return any(getattr(s.claim, "work", None) == name for s in story.claims)

    found = {}
    docs = canon.store.latest_docs(LATEST_ARTICLES)
    for kind, wanted in EXAMPLE_NAMES.items():
        found[kind] = []
        for name in canon.store.most_sourced(kind, EXAMPLE_CANDIDATES, docs):
            if len(found[kind]) == wanted:
                break
            if until is None or held(kind, name):
                found[kind].append(name)
    return found


# The events a character needs for an example of an intent to find something.
EXAMPLE_EVENTS = {"alive": ("death",), "died-when": ("death",), "killer": ("death",),
                  "comes-back": ("return", "resurrection")}


def _ask_examples(canon, until):
    """Return one example question per intent, each filled with a name the store
    holds: for a question about a death or a return, a character with one; the
    characters take turns, so that the examples show several. Kept per cut until
    the store changes: it reads the store's characters with each kind of event."""
    return canon.derived(("ask examples", until or ""),
                         lambda: _examples_of(canon, _example_names(canon, until)))


def _examples_of(canon, names):
    labels = canon.store.entity_labels("character")
    with_events = {}
    used = {kind: 0 for kind in names}
    out = []
    for intent in INTENTS:
        slot, template = TEMPLATES[intent]
        if slot is None:
            out.append({"id": intent, "example": template})
            continue
        pool = names.get(slot) or []
        if intent in EXAMPLE_EVENTS:
            events = EXAMPLE_EVENTS[intent]
            if events not in with_events:
                with_events[events] = {labels.get(iri) for iri in
                                       canon.store.characters_with_events(events)}
            pool = [name for name in pool if name in with_events[events]] or pool
        if not pool:
            continue
        name = pool[used[slot] % len(pool)]
        used[slot] += 1
        out.append({"id": intent, "example": template.format(name)})
    return [{**form, "url": link("pages.ask", q=form["example"])} for form in out]


def ask(text):
    """Return the ask page's data: the question, the answer (its text, the intent it
    was read as, the claims it rests on, and the questions it may have meant, each
    with its link) or None for no question, and an example question per intent,
    filled with names the store holds before the cut. The answer reads from the
    store what its intent needs."""
    canon = current_app.extensions["canon"]
    question = " ".join((text or "").split())
    if len(question) > MAX_QUESTION:
        abort(400, description=f"q is {len(question)} characters long; the limit is "
                               f"{MAX_QUESTION}")
    forms = cut.read_at_cut(lambda until: _ask_examples(canon, until))
    if not question:
        return {"question": "", "answer": None, "forms": forms}
    found = cut.read_at_cut(lambda until: answer_from_store(canon.store, question, until=until))
    ctx = _claims_context(canon, found.sources)
    return {"question": question,
            "answer": {"text": found.text, "form": found.form, "understood": found.form is not None,
                       "docs": [{"doc": doc, "url": link("pages.article", doc=doc)}
                                for doc in found.docs],
                       "sources": [ctx.claim(s) for s in found.sources],
                       "suggestions": [{"question": q, "url": link("pages.ask", q=q)}
                                       for q in found.suggestions]},
            "forms": forms}
