"""The first extractor: each portrayal and season form, on sentences written for
these tests, and the seed article of shared/eval."""

import json

import pytest

from graph.cli import cli
from graph.extract.pipeline import extract_article
from graph.sources import Article


def _article(text, work=None):
    return Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                   content_hash="0" * 64, work=work)


def _portrayals(text, work=None):
    return {(f.claim.actor, f.claim.character, f.evidence.rule)
            for f in extract_article(_article(text, work)) if f.kind == "portrayal"}


@pytest.mark.parametrize("text, actor, character, rule", [
    ("The harbour scenes belong to Mara Quill (Ines Vidal) this year.",
     "Ines Vidal", "Mara Quill", "portrayal.parenthesis"),
    ("Viewers adored Owen Pike\u2019s gruff Tomas Reed.", "Owen Pike", "Tomas Reed",
     "portrayal.possessive"),
    ("The network cast Lena Ferris as Ada Marsh.", "Lena Ferris", "Ada Marsh", "portrayal.as"),
    ("Joy Adebayo stars as Ruth Kane in the spin-off.", "Joy Adebayo", "Ruth Kane",
     "portrayal.as"),
    ("In the new film, Noor Haddad plays Ilse Brandt.", "Noor Haddad", "Ilse Brandt",
     "portrayal.plays"),
    ("Years ago Peter Lang portrayed Captain Orrin Vale.", "Peter Lang", "Captain Orrin Vale",
     "portrayal.plays"),
    ("Orrin Vale, played by Peter Lang, never smiles.", "Peter Lang", "Orrin Vale",
     "portrayal.played_by"),
    ("The mayor\u00a0(Tessa Moreau) is new; Henrik Dahl\u00a0(Sami Okafor) returns.",
     "Sami Okafor", "Henrik Dahl", "portrayal.parenthesis"),
])
def test_portrayal_forms(text, actor, character, rule):
    """Each common form gives the portrayal, with the rule that found it (a title
    before the character's name may be kept or left out by name resolution)."""
    found = {(a, c.removeprefix("Captain "), r) for a, c, r in _portrayals(text)}
    assert (actor, character.removeprefix("Captain "), rule) in found


@pytest.mark.parametrize("text", [
    "The story moves to Lisbon (Portugal) for the finale.",
    "Ines Vidal's performance is the best thing about it.",
    "She was cast as a doctor in the pilot.",
    "The pilot aired on Channel Four (UK) last week.",
])
def test_text_without_a_portrayal_gives_none(text):
    """Places in parentheses, possessives of no character, roles with no name: nothing."""
    assert _portrayals(text) == set()


def test_short_names_resolve_to_the_full_name():
    """A character called by a first name later is the full-name character (with or
    without the title, as name resolution decides)."""
    text = ("Captain Mara Quill (Ines Vidal) leads the crew. "
            "Critics loved Ines Vidal's fearless Mara.")
    pairs = {(a, c.removeprefix("Captain ")) for a, c, _ in _portrayals(text)}
    assert pairs == {("Ines Vidal", "Mara Quill")}


@pytest.mark.parametrize("text, work, season", [
    ("Harbour Lights Season Two starts in May.", "Harbour Lights", 2),
    ("The second season of Harbour Lights is darker.", "Harbour Lights", 2),
    ("Harbour Lights' sophomore season is darker.", "Harbour Lights", 2),
    ("Its inaugural season ended on a cliffhanger.", "Harbour Lights", 1),
    ("The third series was filmed in Cornwall.", "Harbour Lights", 3),
    ("Fans rank S4 as the best.", "Harbour Lights", 4),
    ("season 5 of Lantern Street has no date yet.", "Lantern Street", 5),
])
def test_season_forms(text, work, season):
    """Digits, words, ordinals and S-numbers name a season of the right work."""
    facts = extract_article(_article(text, "Harbour Lights"))
    found = {(f.claim.work, f.claim.season) for f in facts if f.kind == "season"}
    assert (work, season) in found


def test_no_work_no_season_fact():
    """A season mention with no work anywhere makes no fact."""
    assert [f for f in extract_article(_article("Season 2 looks good.")) if f.kind == "season"] \
        == []


def test_text_with_no_facts_gives_no_facts():
    """Plain prose is not an error."""
    assert extract_article(_article("It rained all week, and nobody minded much.")) == []


def test_seed_article_quotes_match_and_portrayals_are_found(shared, runner):
    """canon extract on the seed article prints valid FACTS lines whose quotes match."""
    seed = shared / "eval" / "seed" / "jessica-jones-s2.txt"
    result = runner.invoke(cli, ["extract", str(seed)])
    assert result.exit_code == 0, result.output
    text = seed.read_text(encoding="utf-8")
    facts = [json.loads(line) for line in result.output.splitlines()]
    for fact in facts:
        assert text[fact["source"]["start"]:fact["source"]["end"]] == fact["source"]["quote"]
    pairs = {(f["actor"], f["character"]) for f in facts if f["kind"] == "portrayal"}
    assert {("David Tennant", "Kilgrave"), ("Krysten Ritter", "Jessica Jones"),
            ("Elodie Yung", "Elektra")} <= pairs
