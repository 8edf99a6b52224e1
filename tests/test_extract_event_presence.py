"""Presence modes as articles state them (graph.extract.rules.events.presence): the
mode words that hang from a return or an appearance in the parse, on sentences
written for these tests; and the plain appearances that give no fact."""

import pytest

from graph.extract.pipeline import extract_article
from graph.sources import Article


def _facts(text, kind):
    article = Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64, work="Harbour Lights", season=3)
    return [f for f in extract_article(article) if f.kind == kind]


def _appearances(text):
    return {(f.claim.character, f.claim.mode) for f in _facts(text, "appearance")}


@pytest.mark.parametrize("text, expected", [
    ("Mara Quill dies in the second season. In the finale she appears in Orrin Vale's "
     "mind as a vision.", {("Mara Quill", "vision")}),
    ("Orrin Vale killed his wife, Mara Quill, in the first season. She kept appearing in "
     "flashbacks.", {("Mara Quill", "flashback")}),
    ("Mara Quill appears in Orrin Vale's dreams.", {("Mara Quill", "dream")}),
    ("Mara Quill emerges from the amulet as a ghost.", {("Mara Quill", "ghost")}),
    ("At Christmas Orrin Vale sees Mara Quill again, but only in a dream.",
     {("Mara Quill", "dream")}),
    ("Mara Quill is seen in flashbacks.", {("Mara Quill", "flashback")}),
])
def test_appearances_with_a_mode(text, expected):
    assert _appearances(text) == expected


@pytest.mark.parametrize("text", [
    "Mara Quill appears in the third episode.",
    "Mara Quill does not appear as a ghost.",
    "Mara Quill may appear in flashbacks next season.",
    "Orrin Vale sees Mara Quill at the harbour.",
    "Orrin Vale is haunted by the memory of Mara Quill.",
])
def test_appearances_that_are_no_facts(text):
    assert _appearances(text) == set()


def test_a_mode_hanging_from_a_return_far_after_it():
    text = ("Mara Quill died in the first season. She did not stay gone: she returned in "
            "Lantern Street, the spin-off that shared the show's harbour, first as a ghost "
            "and later in a body.")
    modes = {(f.claim.character, f.claim.mode) for f in _facts(text, "event")
             if f.claim.event == "return"}
    assert modes == {("Mara Quill", "ghost")}
