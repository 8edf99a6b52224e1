"""Appearance facts (rules/appearance/presence.py): a character present in a work, a
season and a mode as an article states it, and statements that make none, on
sentences written for these tests about made-up shows."""

import pytest

from graph.extract.pipeline import extract_article
from graph.sources import Article


def _appearances(text, season=1, episode=3):
    article = Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64, work="Night Harbour", season=season,
                      episode=episode)
    return {(f.claim.character, f.claim.season, f.claim.mode, f.evidence.rule)
            for f in extract_article(article) if f.kind == "appearance"}


@pytest.mark.parametrize("text, expected", [
    ("Mara Quill appears in season 2 as a ghost.",
     ("Mara Quill", 2, "ghost", "appearance.appears")),
    ("Vera Stone appears only in flashbacks in the fourth season.",
     ("Vera Stone", 4, "flashback", "appearance.appears")),
    ("Orrin Vale briefly appears in a dream.", ("Orrin Vale", 1, "dream", "appearance.appears")),
    ("Orrin Vale guest-stars in two episodes.", ("Orrin Vale", 1, None, "appearance.guest")),
    ("Dana Holt guest stars as Vera Stone in season 3.",
     ("Vera Stone", 3, None, "appearance.guest")),
    ("Tomas Reed makes a cameo in the finale.", ("Tomas Reed", 1, None, "appearance.cameo")),
    ("Tomas Reed makes a brief appearance as a voice on the radio.",
     ("Tomas Reed", 1, "voice", "appearance.cameo")),
])
def test_stated_appearances(text, expected):
    """Each form gives the character, the season of the sentence or of the front matter,
    and the mode its words name."""
    assert _appearances(text) == {expected}


def test_an_actor_appears_as_the_character_they_play():
    """"Mara Quill (Ines Vidal) ... Ines Vidal makes a brief appearance in season 4":
    Mara Quill appears."""
    text = "Mara Quill (Ines Vidal) sails. Ines Vidal makes a brief appearance in season 4."
    assert _appearances(text) == {("Mara Quill", 4, None, "appearance.cameo")}


@pytest.mark.parametrize("text", [
    "Mara Quill will not appear in season 2.",
    "Mara Quill may appear in season 2 as a ghost.",
    "It appears that Mara Quill is lost at sea.",
    "Does Mara Quill appear in the finale?",
])
def test_what_is_no_appearance(text):
    """Negated, hedged and asked statements, and "it appears that", make none."""
    assert _appearances(text) == set()


def test_a_person_the_news_does_not_tie_to_a_role_makes_none():
    """In news (no episode in the front matter) "X makes a cameo" is a real person."""
    assert _appearances("Ada Marsh makes a cameo in the finale.", season=None,
                        episode=None) == set()


@pytest.mark.parametrize("text", [
    "Mara Quill appears to be upset.",
    "Mara Quill appears distressed in the photo.",
])
def test_seeming_is_no_appearance(text):
    """"appears to be", "appears distressed" tell how someone seems."""
    assert _appearances(text) == set()
