"""Hypothesis strategies for facts of every kind whose names, quotes and article
names are hostile text: quotes, backslashes, newlines, braces, triple quotes,
SPARQL keywords, HTML and JavaScript, and any Unicode."""

from hypothesis import strategies as st

from graph.facts_lines import ImportedDoc
from graph.model.facts import (
    Appearance,
    Continuity,
    Crew,
    Event,
    Evidence,
    Fact,
    Placement,
    Portrayal,
    Season,
)
from graph.model.words import CREW_ROLES, EPISODE_WORDS, EVENTS, MODES, RELATIONS

# Pieces that break a query, a serialization or a page when spliced into one.
HOSTILE_PIECES = [
    '"', "'", "\\", "\n", "\r\n", "\t", "}", "{", '"""', "'''", "#", "<", ">", "&", "^^",
    "@en", "_:b0", ";", ".", "<https://e.org/x>", '\\"', "\\u0022", "\x00", "\u2028",
    "é", "東京", "\U0001f600", "\u202e", "\ufeff",
    "} UNION { ?s ?p ?o } #", "SELECT * WHERE", "DROP ALL", "INSERT DATA", "FILTER(",
    "<script>alert(1)</script>", '" onmouseover="x', "</script>", "<!--", "]]>",
    "javascript:alert(1)", "&lt;", "{{ 7*7 }}",
]
HOSTILE = st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=4)),
                   max_size=5).map("".join)


@st.composite
def names(draw, size=4):
    """A pool of distinct names, each "N<i> " and hostile text: the prefix keeps the
    slugs (and so the entity IRIs) of two names apart."""
    return [f"N{i} {draw(HOSTILE)}" for i in range(draw(st.integers(1, size)))]


def _claims(pool):
    name = st.sampled_from(pool)
    maybe = st.none() | name
    number = st.integers(0, 30)
    anchor = st.sampled_from(["Night Harbor", "Night Harbor S1", "The Lantern Club S3",
                              "Grey's S2", "東京 S4"])
    return st.one_of(
        st.builds(Portrayal, name, name, maybe, st.lists(number, max_size=3).map(tuple)),
        st.builds(Season, name, number, st.none() | st.integers(1, 40)),
        st.builds(Event, name, st.sampled_from(EVENTS), maybe, st.none() | number,
                  st.none() | number | st.sampled_from(EPISODE_WORDS),
                  st.none() | st.sampled_from(MODES), maybe, st.none() | HOSTILE.filter(str.strip)),
        st.builds(Appearance, name, maybe, st.none() | number, st.none() | st.sampled_from(MODES)),
        st.builds(Crew, name, st.sampled_from(CREW_ROLES), maybe),
        st.builds(Continuity, name, st.sampled_from(RELATIONS), name),
        st.builds(Placement, name, anchor, st.none() | anchor),
    )


@st.composite
def articles(draw, max_facts=8):
    """A list of (ImportedDoc, [Fact]): up to three articles with hostile names and
    titles, each with facts of every kind whose spans do not overlap (one span, one
    quote), quotes and rules hostile too."""
    pool = draw(names())
    docs = draw(st.lists(HOSTILE.map(lambda text: f"doc {text}.txt"), min_size=1, max_size=3,
                         unique=True))
    out = []
    for number, doc in enumerate(docs):
        claims = draw(st.lists(_claims(pool), max_size=max_facts))
        facts = []
        for i, claim in enumerate(claims):
            quote = draw(HOSTILE)
            evidence = Evidence(doc, i * 1000, i * 1000 + len(quote), quote,
                                draw(st.none() | HOSTILE.filter(bool)),
                                draw(st.integers(0, 1000)) / 1000)
            facts.append(Fact(claim, evidence))
        article = ImportedDoc(doc=doc, content_hash=f"hash{number}",
                              title=draw(HOSTILE) or None, source=draw(HOSTILE) or None,
                              work=draw(st.none() | st.sampled_from(pool)))
        out.append((article, facts))
    return out
