"""What a name stands for (graph.extract.mentions.kinds), on sentences written for
these tests."""

import doctest

import pytest

import graph.extract.mentions.kinds
from graph.extract.mentions.kinds import full_person, kind_of
from graph.extract.reading.context import Context
from graph.extract.reading.nlp import load_pipeline
from graph.sources import Article


def _context(text):
    article = Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64)
    return Context.build(article, load_pipeline()(text))


def _kind(text, name):
    ctx = _context(text)
    return next(kind_of(ctx, span) for span in ctx.names if span.text == name)


@pytest.mark.parametrize("text, name, kind", [
    ("French actress Ann Marsh won.", "Ann Marsh", "performer"),
    ("The Oscar-winning star Ann Marsh won.", "Ann Marsh", "performer"),
    ("Ann Marsh, the actress, won.", "Ann Marsh", "performer"),
    ("Ann Marsh is an American actress.", "Ann Marsh", "performer"),
    ("Director Tom Reed smiled.", "Tom Reed", "maker"),
    ("Author Tom Reed smiled.", "Tom Reed", "maker"),
    ("Critics loved the film Salt Road.", "Salt Road", "work"),
    ("Salt Road - Tom Reed's 1950s drama - won.", "Salt Road", "work"),
    ("Nobody saw The Long Tide last year.", "The Long Tide", "work"),
    ("The film stars Ann Marsh in the role.", "Ann Marsh", None),
    ("She met the crazed cult film-maker Vera Stone.", "Vera Stone", "maker"),
])
def test_kind_of_a_name(text, name, kind):
    """The nearest describing noun, an apposition, a copula, a work's place: the kind
    of a name; a verb is no describing noun ("stars", "to play")."""
    assert _kind(text, name) == kind


def test_a_verb_is_no_describing_noun():
    """"to play Vera Stone" makes no play called Vera Stone."""
    assert _kind("Ann Marsh is to play Vera Stone.", "Vera Stone") != "work"


@pytest.mark.parametrize("text, short, full", [
    ("Actress Ann Marsh won. Marsh smiled.", "Marsh", "Ann Marsh"),
    ("Actress Ann Marsh won. Ann smiled.", "Ann", "Ann Marsh"),
    ("Actress Ann Marsh and actress Lia Marsh won. Marsh smiled.", "Marsh", None),
])
def test_full_person(text, short, full):
    """A lone surname or given name is the one full name of a person that fits it."""
    ctx = _context(text)
    span = [s for s in ctx.names if s.text == short][-1]
    assert full_person(ctx, span) == full


def test_kinds_doctests():
    """The examples in the module's docstring run."""
    result = doctest.testmod(graph.extract.mentions.kinds)
    assert result.attempted > 0 and result.failed == 0
