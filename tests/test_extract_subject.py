"""The work an article is about from an encyclopedia title
(graph.extract.mentions.subject), and what the rules then make of the page."""

import doctest

import pytest

from graph.extract.mentions import subject
from graph.extract.pipeline import extract_article
from graph.sources import Article


@pytest.mark.parametrize("title, work", [
    ("Night Harbour (TV series)", "Night Harbour"),
    ("Night Harbour (British TV series)", "Night Harbour"),
    ("The Lantern Keeper (2004 film)", "The Lantern Keeper"),
    ("Harbour Lights (series 2)", "Harbour Lights"),
    ("Starfall (season 3) - Openwiki", "Starfall"),
    ("Green Lanes (sitcom)", "Green Lanes"),
])
def test_a_title_naming_a_kind_of_work_names_the_work(title, work):
    assert subject.work_from_title(title) == work


@pytest.mark.parametrize("title", [
    "Mara Quill (actress)", "Port Ellis (town)", "Night Harbour returns for a fourth series",
    "", None,
])
def test_other_titles_name_no_work(title):
    assert subject.work_from_title(title) is None


def test_the_page_title_is_the_work_of_its_facts():
    text = "Night Harbour (TV series)\n\n- Ines Vidal as Mara Quill\n"
    article = Article(doc="p.html", path="p.html", format="html", text=text, body_start=0,
                      content_hash="0" * 64, title="Night Harbour (TV series)")
    facts = extract_article(article)
    assert [(f.claim.actor, f.claim.character, f.claim.work) for f in facts] == [
        ("Ines Vidal", "Mara Quill", "Night Harbour")]


def test_examples_in_the_docstrings_run():
    assert doctest.testmod(subject).failed == 0
