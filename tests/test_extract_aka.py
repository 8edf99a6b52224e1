"""graph.extract.mentions.aka: the other names an article gives its people and
characters, kept with the article's facts and stored in its graph; on sentences
written for these tests about made-up shows."""

import pytest

from graph.extract.pipeline import extract_articles
from graph.rdf import terms as t
from graph.sources import Article
from graph.store import open_store


def _article(text, doc="a.txt", work="Harbour Lights"):
    return Article(doc=doc, path=doc, format="txt", text=text, body_start=0,
                   content_hash=str(abs(hash(text))).rjust(64, "0"), work=work)


def _read(text):
    [facts] = extract_articles([_article(text)])
    return facts


def _aliases(facts):
    return {(a.kind, a.name, a.alias) for a in facts.aliases}


@pytest.mark.parametrize(("text", "alias"), [
    ('Tobias "Toby" Marsh, played by Alan Reed, runs the ferry.',
     ("character", "Tobias Marsh", "Toby")),
    ("Sandor Vell, known as the Hound, is played by Ewan Dray.",
     ("character", "Sandor Vell", "the Hound")),
    ("Robert Ewing, better known as Bobby, is played by Pat Duffy.",
     ("character", "Robert Ewing", "Bobby")),
    ('Ines Vidal plays Marta Quell, nicknamed "Mags" by the crew.',
     ("character", "Marta Quell", "Mags")),
    ("Ines Vidal plays Marta Quell, aka Mags.", ("character", "Marta Quell", "Mags")),
    ("Nora Blythe plays Dalia Storn. The guards of Dalia Storn (Dani) keep her alive.",
     ("character", "Dalia Storn", "Dani")),
])
def test_an_article_gives_a_name_another(text, alias):
    facts = _read(text)
    assert _aliases(facts) == {alias}
    [found] = facts.aliases
    assert text[found.evidence.start:found.evidence.end] == found.evidence.quote
    assert alias[2] in found.evidence.quote and found.evidence.rule == "alias"


def test_a_nickname_known_as_stands_for_the_full_name_in_the_facts():
    facts = _read("Sandor Vell, known as the Hound, is played by Ewan Dray. "
                  "In the finale the Hound kills Mara Quill.")
    agents = {f.claim.agent for f in facts if f.kind == "event"}
    assert agents == {"Sandor Vell"}
    assert {f.claim.character for f in facts if f.kind == "portrayal"} == {"Sandor Vell"}


@pytest.mark.parametrize("text", [
    "Kilgrave (Tennant) dies. Kilgrave, played by David Tennant, returns.",  # an actor
    "Dalia Storn (Nora Blythe) rules the isles.",  # two words in brackets: an actor
    'Ada "Addie" Price waves from the ferry.',  # no fact names her
    "Tobias Marsh, played by Alan Reed, is known as a hard man.",  # no name after "as"
])
def test_no_alias_where_the_article_gives_none(text):
    assert _aliases(_read(text)) == set()


def test_aliases_are_stored_in_the_article_graph_and_go_with_it(tmp_path):
    text = 'Tobias "Toby" Marsh, played by Alan Reed, runs the ferry.'
    article = _article(text, doc="toby.txt")
    with open_store(tmp_path / "store") as store:
        store.ingest(zip([article], extract_articles([article]), strict=True))
        assert store.aliases("character") == {"Tobias Marsh": ("Toby",)}
        rows = store.query(t.SPARQL_PREFIXES + """SELECT ?g ?alias WHERE {
            GRAPH ?g { ?e schema:alternateName ?alias } }""")
        assert [(r["g"].value, r["alias"].value) for r in rows] == [
            (t.graph_iri("toby.txt"), "Toby")]
        store.forget("toby.txt")
        assert store.aliases("character") == {}
