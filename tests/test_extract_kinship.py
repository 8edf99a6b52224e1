"""Family ties that pass a surname: "Aldric's son Pell" makes Pell a Vane when
Aldric is Aldric Vane. Sentences written for these tests, about made-up shows."""

import pytest

from graph.extract.mentions.kinship import family_links
from graph.extract.pipeline import extract_articles, iter_read
from graph.sources import Article


def _article(text, doc="a0.txt", work="Harbour Lights"):
    return Article(doc=doc, path=doc, format="txt", text=text, body_start=0,
                   content_hash="0" * 64, work=work)


def _links(text):
    ((_facts, ctx),) = list(iter_read([_article(text)]))
    return {(link.person, link.relation, link.relative) for link in family_links(ctx)}


def _portrayals(*texts):
    articles = [_article(text, f"a{i}.txt") for i, text in enumerate(texts)]
    return {(f.claim.actor, f.claim.character)
            for facts in extract_articles(articles) for f in facts if f.kind == "portrayal"}


@pytest.mark.parametrize(("text", "link"), [
    ("Lord Aldric Vane rules the coast. Aldric's younger son, Pell, wants the ships.",
     ("Pell", "child", "Aldric")),
    ("Tamsin (Rose Ebo) is Corin's twin sister.", ("Tamsin", "sibling", "Corin")),
    ("Wren (Ada Lowe), Corin's sister, sails at dawn.", ("Wren", "sibling", "Corin")),
    ("Gil (Noor Haddad) (Hollis's older brother) keeps the inn.",
     ("Gil", "sibling", "Hollis")),
    ("Hollis and his brother Gil open the tavern.", ("Gil", "sibling", "Hollis")),
    ("Orrin has three daughters: Lark, Fenna and Sabe.", ("Fenna", "child", "Orrin")),
    ("They meet Dace and Ivy, children of the old ferryman Tobin Marsh.",
     ("Ivy", "child", "Tobin Marsh")),
    ("Ser Pell finally confronts his father, Aldric.", ("Ser Pell", "child", "Aldric")),
])
def test_family_ties_are_read_in_their_common_forms(text, link):
    assert link in _links(text)


@pytest.mark.parametrize("text", [
    "Aldric's half-brother Pell wants the ships.",
    "Aldric's stepson Pell wants the ships.",
    "Aldric's bastard son Pell wants the ships.",
    "Aldric's sworn brother Pell wants the ships.",
    "Aldric's brother-in-law Pell wants the ships.",
    "Aldric's friend Pell wants the ships.",
])
def test_ties_that_pass_no_name_are_not_links(text):
    assert not {link for link in _links(text) if link[0] == "Pell"}


def test_his_stands_only_for_a_name_the_article_shows_to_be_male():
    """Nothing here says Pell is a man: "his" may be anyone's."""
    assert not _links("Pell finally confronts his father, Aldric.")


def test_a_list_of_children_stops_at_the_next_possessor():
    """"his son Pell and Orrin's daughter Lark": Orrin is nobody's son here."""
    links = _links("Aldric Vane offers his son Pell and Orrin's daughter Lark a ship.")
    assert ("Orrin", "child", "Aldric Vane") not in links
    assert ("Lark", "child", "Orrin") in links


def test_a_father_passes_his_surname_to_a_child_named_only_by_first_name():
    assert ("Sam Rudd", "Pell Vane") in _portrayals(
        "Lord Aldric Vane (Tom Hale) rules the coast. His younger son Pell (Sam Rudd) "
        "wants the ships. Aldric's son Pell sails north.")


def test_the_surname_passes_along_a_chain_of_siblings_across_articles():
    found = _portrayals(
        "King Aldric Vane (Tom Hale) falls ill. Aldric's son Pell (Sam Rudd) waits.",
        "Dorran (Eli Park) (Pell's younger brother) hides in the chapel.")
    assert ("Eli Park", "Dorran Vane") in found
    assert ("Sam Rudd", "Pell Vane") in found


def test_a_mother_does_not_pass_her_surname():
    """Queen Isolde Crane's children may carry their father's name: no guess."""
    found = _portrayals("Queen Isolde Crane (Mae Ford) rules. Isolde's daughter Liss "
                        "(Ana Reyes) is sent away.")
    assert ("Ana Reyes", "Liss") in found


def test_a_father_of_unknown_gender_passes_nothing():
    found = _portrayals("Bram Holt (Ian Moss) hunts. Bram's daughter Kit (Zoe Vale) waits.")
    assert ("Zoe Vale", "Kit") in found


def test_a_given_name_that_a_full_name_already_claims_is_left_alone():
    """Corin Ashe is met elsewhere: "Corin" is not renamed after a sister."""
    found = _portrayals(
        "Corin Ashe (Lee Wong) returns. Corin (Lee Wong) is Wren Tallow's brother.")
    assert ("Lee Wong", "Corin Ashe") in found
    assert ("Lee Wong", "Corin Tallow") not in found


def test_a_titled_short_name_resolves_to_the_family_name():
    found = _portrayals("Lord Aldric Vane (Tom Hale) rules. Aldric's son Pell waits.",
                        "Prince Pell (Sam Rudd) rides out.")
    assert ("Sam Rudd", "Pell Vane") in found


def test_a_misspelt_given_name_is_not_given_a_surname_of_its_own():
    """"Jonas" here is a slip for Joanas Reel, met in another article."""
    found = _portrayals(
        "Joanas Reel (Kit Dunn) sails. Joanas (Kit Dunn) returns. Joanas Reel docks.",
        "Lord Aldric Vane has two sons, Pell and Jonas (Kit Dunn).")
    assert ("Kit Dunn", "Jonas Vane") not in found
