"""The graph of a Story that the graph view walks and draws.

``build_graph`` turns a Story into a networkx MultiDiGraph: characters, persons
(actors and crew), works, seasons, events and articles as nodes, and one edge per
relation a claim states (``plays``, ``in_work``, ``event_of``, ``killed_by``,
``derived_from``, ``spinoff_of``...), each edge keeping the claims behind it and the
works and seasons they are about, for the filters. ``describe`` says a claim in one
sentence, for tooltips and the side panel.
"""

import networkx as nx

from graph.errors import StoryTimeError
from graph.model.storytime import parse_position
from graph.model.words import RELATIONS as CONTINUITY_RELATIONS
from graph.rdf.terms import FIELD_ENTITY, slug
from webviz.entities import node_id

# The kinds of node, in the order a walk prefers them.
KINDS = ("character", "person", "work", "season", "event", "article")
# relation: what an edge of it says; the filter form lists them in this order.
RELATIONS = {
    "plays": "an actor plays a character",
    "crew": "a person works on a work (creator, writer, director...)",
    "in_work": "a character, season or event belongs to a work",
    "in_season": "a character or event belongs to a season",
    "appears_in": "a character appears in a season or work (in some mode)",
    "event_of": "an event happens to a character",
    "killed_by": "a death was caused by a character",
    "agent": "an event other than a death was brought about by a character",
    "derived_from": "an event was read in an article",
    "mentions": "an article names a character, person or work",
    "placed_after": "a work comes after another in story time",
    "placed_before": "a work comes before another in story time",
    **{word: f"continuity: {word.replace('_', ' ')}" for word in CONTINUITY_RELATIONS},
}
# relation: (words read along the edge, words read against it, the filter's name
# for it). A fan reads "Kilgrave played by David Tennant", not "plays"; a crew
# edge's words come from its role (``words``).
WORDS = {
    "plays": ("plays", "played by", "played by (actor)"),
    "crew": ("crew of", "made by", "made by (crew)"),
    "in_work": ("in", "includes", "in (a work)"),
    "in_season": ("in", "includes", "in (a season)"),
    "appears_in": ("appears in", "features", "appears in"),
    "event_of": ("happens to", "goes through", "happens to"),
    "killed_by": ("killed by", "killed", "killed by"),
    "agent": ("caused by", "caused", "caused by"),
    "derived_from": ("read in", "source of", "read in (article)"),
    "mentions": ("names", "named in", "named in (article)"),
    "placed_after": ("placed after", "placed before", "placed after"),
    "placed_before": ("placed before", "placed after", "placed before"),
    "shares_continuity": ("shares continuity with",) * 3,
    "separate_continuity": ("separate continuity from",) * 3,
    "spinoff_of": ("spin-off of", "has spin-off", "spin-off of"),
    "sequel_of": ("sequel to", "has sequel", "sequel to"),
    "prequel_of": ("prequel to", "has prequel", "prequel to"),
    "crossover_with": ("crossover with",) * 3,
}
# Relations drawn against their stored direction, so that the words read as a fan
# says them: "Kilgrave played by David Tennant".
FLIPPED = frozenset({"plays"})
# An article names much of a franchise: edges of these relations alone are drawn
# faint and without words, so that the story's own links stay readable.
QUIET = frozenset({"mentions"})
LABEL_LENGTH = 32
# A label drawn on the canvas is shorter than the name the table and tooltip give.
DRAWN_LENGTH = 26


def words(relation, label, along=True):
    """Return what an edge of ``relation`` labelled ``label`` says in words, read
    from its source to its target (``along``) or back: "played by", "showrunner of".

    >>> words("plays", "plays", along=False), words("crew", "showrunner")
    ('played by', 'showrunner of')
    """
    if relation == "crew" and label != relation:
        role = label.replace("_", " ")
        return f"{role} of" if along else f"has {role}"
    return WORDS[relation][0 if along else 1]


def when(work, season=None, episode=None):
    """Return a story time as text: "Jessica Jones S1E13", "Angel S2 finale", "S3"."""
    parts = [work] if work else []
    if season is not None:
        parts.append(f"S{season}E{episode}" if isinstance(episode, int) else f"S{season}")
        if isinstance(episode, str):
            parts.append(episode)
    return " ".join(parts)


def describe(claim):
    """Return one plain-text sentence saying what a claim says."""
    kind = claim.kind
    if kind == "portrayal":
        seasons = ", ".join(map(str, claim.seasons))
        where = f" in {claim.work}" if claim.work else ""
        plural = "s" if len(claim.seasons) > 1 else ""
        return f"{claim.actor} plays {claim.character}{where}" + (
            f" (season{plural} {seasons})" if seasons else "")
    if kind == "event":
        details = [f"as {claim.mode}"] if claim.mode else []
        details += [f"by {claim.agent}"] if claim.agent else []
        details += [f"cause: {claim.cause}"] if claim.cause else []
        at = when(claim.work, claim.season, claim.episode)
        return (f"{claim.character}: {claim.event}" + (f" in {at}" if at else "")
                + (f" ({', '.join(details)})" if details else ""))
    if kind == "appearance":
        at = when(claim.work, claim.season)
        return f"{claim.character} appears" + (f" as {claim.mode}" if claim.mode else "") + (
            f" in {at}" if at else "")
    if kind == "crew":
        return f"{claim.person} is {claim.role}" + (f" of {claim.work}" if claim.work else "")
    if kind == "continuity":
        return f"{claim.work} {claim.relation.replace('_', ' ')} {claim.with_}"
    if kind == "placement":
        sides = [f"after {claim.after}"] if claim.after else []
        sides += [f"before {claim.before}"] if claim.before else []
        return f"{claim.work} comes {' and '.join(sides)}"
    episodes = f" ({claim.episodes} episodes)" if claim.episodes else ""
    return f"{claim.work} has season {claim.season}{episodes}"


def _short(text):
    return text if len(text) <= LABEL_LENGTH else text[:LABEL_LENGTH - 1] + "…"


def _anchor(text):
    """Return the (work, season) a placement anchor names, or None when unreadable."""
    try:
        position = parse_position(text)
    except StoryTimeError:
        return None
    return (position.work, position.season) if position.work else None


def _scope(claim):
    """Return (work slugs, (work slug, season) pairs) a claim is about."""
    works, seasons = set(), set()
    work = getattr(claim, "work", None)
    if work:
        works.add(slug(work))
    if claim.kind == "portrayal" and work:
        seasons.update((slug(work), n) for n in claim.seasons)
    elif claim.kind in ("event", "appearance", "season") and work and claim.season is not None:
        seasons.add((slug(work), claim.season))
    elif claim.kind == "continuity":
        works.add(slug(claim.with_))
    elif claim.kind == "placement":
        for anchor in filter(None, (_anchor(a) for a in (claim.after, claim.before) if a)):
            works.add(slug(anchor[0]))
            if anchor[1] is not None:
                seasons.add((slug(anchor[0]), anchor[1]))
    return frozenset(works), frozenset(seasons)


class _Builder:
    """Adds the nodes and edges of one claim at a time to a MultiDiGraph."""

    def __init__(self, story, titles):
        self.graph = nx.MultiDiGraph()
        self.titles = titles
        # The spelling the chronology keeps names a work node, whichever claim came first.
        self.work_names = {slug(work): work for work in story.works()}

    def node(self, nid, kind, name, page, **extra):
        """Return ``nid``, adding the node first when the graph lacks it."""
        if nid not in self.graph:
            self.graph.add_node(nid, kind=kind, name=name, label=_short(name), page=page,
                                claims={}, **extra)
        return nid

    def entity(self, kind, name):
        """Return the node id of a character, person or work, adding the node."""
        if kind == "work":
            name = self.work_names.get(slug(name), name)
        return self.node(node_id(kind, name), kind, name, (f"pages.{kind}", {"slug": slug(name)}))

    def season(self, work, number, sourced=None):
        """Return the node id of a season, adding it and its ``in_work`` edge."""
        work_id = self.entity("work", work)
        name = f"{self.graph.nodes[work_id]['name']} S{number}"
        page = ("pages.work", {"slug": slug(work), "_anchor": f"season-{number}"})
        nid = self.node(f"season/{slug(work)}/{number}", "season", name, page)
        scope = (frozenset({slug(work)}), frozenset({(slug(work), number)}))
        self.edge(nid, work_id, "in_work", sourced, scope=scope)
        return nid

    def article(self, doc):
        """Return the node id of an article, adding the node named by its title."""
        title = self.titles.get(doc) or doc
        return self.node(f"article/{doc}", "article", title, ("pages.article", {"doc": doc}))

    def place(self, work, season):
        """Return the node of a work, or of its season when one is given."""
        return self.season(work, season) if season is not None else self.entity("work", work)

    def edge(self, source, target, relation, sourced, scope=None, label=None):
        """Add (or join) the edge of ``relation`` labelled ``label``, recording the
        claim on the edge and both nodes; return None."""
        label = label or relation
        data = self.graph.get_edge_data(source, target, label)
        if data is None:
            self.graph.add_edge(source, target, key=label, relation=relation, label=label,
                                claims={}, scopes=set())
            data = self.graph.edges[source, target, label]
        if scope is None and sourced is not None:
            scope = _scope(sourced.claim)
        if scope is not None:
            data["scopes"].add(scope)
        if sourced is not None:
            data["claims"][sourced] = None
            self.graph.nodes[source]["claims"][sourced] = None
            self.graph.nodes[target]["claims"][sourced] = None

    def add(self, sourced):
        """Add the nodes and edges of one Sourced claim; return None."""
        claim = sourced.claim
        adder = getattr(self, f"_{claim.kind}")
        adder(sourced, claim)
        if claim.kind != "event":
            for doc in sourced.docs:
                article = self.article(doc)
                for role, name in claim.entities():
                    kind = FIELD_ENTITY[role.rstrip("_")]
                    self.edge(article, self.entity(kind, name), "mentions", sourced)

    def _portrayal(self, sourced, claim):
        character = self.entity("character", claim.character)
        self.edge(self.entity("person", claim.actor), character, "plays", sourced)
        if claim.work and claim.seasons:
            for number in claim.seasons:
                self.edge(character, self.season(claim.work, number), "in_season", sourced)
        elif claim.work:
            self.edge(character, self.entity("work", claim.work), "in_work", sourced)

    def _event(self, sourced, claim):
        at = when(claim.work, claim.season, claim.episode)
        name = f"{claim.character}: {claim.event}" + (f" ({at})" if at else "")
        event = self.node(f"event/{claim.key()}", "event", name,
                          ("pages.character", {"slug": slug(claim.character),
                                               "_anchor": "timeline"}),
                          short=f"{claim.event} {when(None, claim.season, claim.episode)}".strip())
        self.edge(event, self.entity("character", claim.character), "event_of", sourced)
        if claim.agent:
            relation = "killed_by" if claim.event == "death" else "agent"
            self.edge(event, self.entity("character", claim.agent), relation, sourced)
        if claim.work:
            self.edge(event, self.place(claim.work, claim.season),
                      "in_season" if claim.season is not None else "in_work", sourced)
        for doc in sourced.docs:
            self.edge(event, self.article(doc), "derived_from", sourced)

    def _appearance(self, sourced, claim):
        if claim.work:
            self.edge(self.entity("character", claim.character),
                      self.place(claim.work, claim.season), "appears_in", sourced)

    def _crew(self, sourced, claim):
        if claim.work:
            self.edge(self.entity("person", claim.person), self.entity("work", claim.work),
                      "crew", sourced, label=claim.role)

    def _continuity(self, sourced, claim):
        self.edge(self.entity("work", claim.work), self.entity("work", claim.with_),
                  claim.relation, sourced)

    def _placement(self, sourced, claim):
        for side in ("after", "before"):
            anchor = _anchor(getattr(claim, side)) if getattr(claim, side) else None
            if anchor:
                self.edge(self.entity("work", claim.work), self.place(*anchor),
                          f"placed_{side}", sourced)

    def _season(self, sourced, claim):
        self.season(claim.work, claim.season, sourced)


def build_graph(story, titles=None):
    """Return the MultiDiGraph of a Story: node attributes kind, name, label, page
    (endpoint, values) and claims (the Sourced claims about it); edges keyed by
    label (the relation, or a crew role), with relation, label, claims and scopes.
    ``titles`` maps article docs to titles.

    >>> from graph.continuity.story import Story
    >>> from graph.model.facts import Evidence, Fact, Portrayal
    >>> said = Evidence("a.txt", 0, 20, "Tennant plays Kilgrave")
    >>> graph = build_graph(Story([Fact(Portrayal("David Tennant", "Kilgrave"), said)]))
    >>> sorted(graph.edges(keys=True))[-1]
    ('person/david-tennant', 'character/kilgrave', 'plays')
    """
    builder = _Builder(story, titles or {})
    for sourced in story.claims:
        builder.add(sourced)
    return builder.graph


def works(graph):
    """Return {slug: name} of the works of a graph, sorted by name."""
    found = {nid.split("/", 1)[1]: name for nid, name in graph.nodes(data="name")
             if nid.startswith("work/")}
    return dict(sorted(found.items(), key=lambda item: item[1].casefold()))


def node_text(data):
    """Return the label the canvas writes for a node with attributes ``data``."""
    text = data.get("short") or data["label"]
    return text if len(text) <= DRAWN_LENGTH else text[:DRAWN_LENGTH - 1] + "…"


def drawn_edges(graph, nodes):
    """Return [(source, target, found)]: one edge per pair of ``nodes`` that
    ``graph`` links, whichever way, sorted; ``found`` lists (relation, label, along,
    words) for each stored edge of the pair, ``along`` True when it runs from source
    to target. A pair is drawn the way its first relation (in RELATIONS order) runs,
    or against it for the FLIPPED ones, so that its words read along the arrow.

    >>> from graph.continuity.story import Story
    >>> from graph.model.facts import Evidence, Fact, Portrayal
    >>> said = Evidence("a.txt", 0, 20, "Tennant plays Kilgrave")
    >>> graph = build_graph(Story([Fact(Portrayal("David Tennant", "Kilgrave"), said)]))
    >>> drawn_edges(graph, ["character/kilgrave", "person/david-tennant"])
    [('character/kilgrave', 'person/david-tennant', [('plays', 'plays', False, 'played by')])]
    """
    order = list(RELATIONS)
    pairs = {}
    for u, v, key in graph.subgraph(nodes).edges(keys=True):
        data = graph.edges[u, v, key]
        pairs.setdefault(frozenset((u, v)), []).append(
            (order.index(data["relation"]), u, v, data["relation"], data["label"]))
    out = []
    for stored in pairs.values():
        stored.sort()
        _rank, u, v, relation, _label = stored[0]
        source, target = (v, u) if relation in FLIPPED else (u, v)
        found = [(relation, label, u == source, words(relation, label, u == source))
                 for _rank, u, v, relation, label in stored]
        out.append((source, target, found))
    return sorted(out)


def edge_words(found):
    """Return the words a drawn edge (``found``, as ``drawn_edges`` gives it) writes:
    its relations' words joined by " / ", or "" for an edge of QUIET relations only."""
    if {relation for relation, *_rest in found} <= QUIET:
        return ""
    return " / ".join(dict.fromkeys(f[3] for f in found))
