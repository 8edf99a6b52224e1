"""Definite descriptions (graph.extract.mentions.descriptions): "the healer" stands for
the one name the article described as a healer before, on synopses of made-up shows
written for these tests."""

import pytest

from graph.extract.pipeline import extract_article
from graph.sources import Article


def _deaths(text):
    """Return {(character, agent, quote)} of the deaths of ``text`` read as the
    synopsis of season 1, episode 2."""
    article = Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64, work="Ironvale", season=1, episode=2)
    return {(f.claim.character, f.claim.agent, f.evidence.quote)
            for f in extract_article(article)
            if f.kind == "event" and f.claim.event == "death"}


@pytest.mark.parametrize("text, deaths", [
    ("Ilsa Varn meets the healer Mirri Vane at the well. At dawn Ilsa Varn burns the "
     "healer alive.", {("Mirri Vane", "Ilsa Varn", "Ilsa Varn burns the healer")}),
    ("Tobin Ash, a cruel jailer, taunts Tam Reyes. Tam Reyes strangles the jailer.",
     {("Tobin Ash", "Tam Reyes", "Tam Reyes strangles the jailer")}),
    ("The healer Mirri Vane tends the wounded. Later the healer is killed by Ilsa Varn.",
     {("Mirri Vane", "Ilsa Varn", "the healer is killed by Ilsa Varn")}),
])
def test_a_description_stands_for_the_name_it_described(text, deaths):
    """The victim is the name; the evidence is the description where it stands."""
    assert _deaths(text) == deaths


@pytest.mark.parametrize("text", [
    # two healers: "the healer" is neither
    "Ilsa Varn meets the healer Mirri Vane and the healer Ada Marsh. Ilsa Varn kills the "
    "healer.",
    # used before it was described
    "Ilsa Varn kills the healer. Ilsa Varn then meets the healer Mirri Vane.",
    # a longer phrase, and a noun that goes on
    "Mirri Vane, the healer of the village, is kind. Ilsa Varn kills the healer.",
    "Ilsa Varn meets the healer Mirri Vane. Ilsa Varn kills the healer's goat.",
])
def test_descriptions_that_stand_for_no_one(text):
    assert _deaths(text) == set()
