"""Recast events and the portrayals they imply, on sentences written for these tests."""

import pytest

from graph.extract.pipeline import extract_article
from graph.sources import Article


def _facts(text, work="Harbour Lights", season=None):
    article = Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64, work=work, season=season)
    return extract_article(article)


def _recasts(text, **kwargs):
    return [f for f in _facts(text, **kwargs)
            if f.kind == "event" and f.claim.event == "recast"]


def _portrayals(text, **kwargs):
    return {(f.claim.actor, f.claim.character, f.claim.seasons)
            for f in _facts(text, **kwargs) if f.kind == "portrayal"}


@pytest.mark.parametrize("text, season, rule, new, old", [
    ("The role of Vera Stone passed from Dana Holt to Mia Crane in season 3.", 3,
     "recast.passed", "Mia Crane", "Dana Holt"),
    ("The part of Vera Stone changed hands, from Dana Holt to Mia Crane.", None,
     "recast.passed", "Mia Crane", "Dana Holt"),
    ("Mia Crane replaced Dana Holt as Vera Stone from season 4.", 4, "recast.replaced",
     "Mia Crane", "Dana Holt"),
    ("Dana Holt was replaced by Mia Crane as Vera Stone.", None, "recast.replaced",
     "Mia Crane", "Dana Holt"),
    ("Mia Crane succeeded Dana Holt in the role of Vera Stone.", None, "recast.replaced",
     "Mia Crane", "Dana Holt"),
    ("Mia Crane took over the role of Vera Stone from Dana Holt.", None, "recast.took_over",
     "Mia Crane", "Dana Holt"),
    ("From season six, Mia Crane took over the role of Vera Stone.", 6, "recast.took_over",
     "Mia Crane", None),
    ("Mia Crane takes over as Vera Stone in the fourth season.", 4, "recast.took_over",
     "Mia Crane", None),
    ("Vera Stone was recast with Mia Crane for season 5.", 5, "recast.recast", "Mia Crane",
     None),
    ("The producers recast Vera Stone with Mia Crane.", None, "recast.recast", "Mia Crane",
     None),
    ("Vera Stone has been recast.", None, "recast.recast", None, None),
    ("Vera Stone, now played by Mia Crane, returns to the harbour.", None,
     "recast.now_played_by", "Mia Crane", None),
])
def test_recast_forms(text, season, rule, new, old):
    """Each form gives one recast event for the character, with its season and rule,
    and the portrayals by the new and the old actor."""
    recasts = _recasts(text)
    assert [(f.claim.character, f.claim.season, f.claim.work, f.evidence.rule)
            for f in recasts] == [("Vera Stone", season, "Harbour Lights", rule)]
    assert "Vera Stone" in recasts[0].evidence.quote
    actors = {actor for actor, character, _ in _portrayals(text) if character == "Vera Stone"}
    assert actors == {a for a in (new, old) if a}


def test_new_actor_gets_the_season_the_recast_names():
    """"from season 4": the new actor plays the character from season 4 on."""
    portrayals = _portrayals("Mia Crane replaced Dana Holt as Vera Stone from season 4.")
    assert ("Mia Crane", "Vera Stone", (4,)) in portrayals
    assert ("Dana Holt", "Vera Stone", ()) in portrayals


def test_recast_defaults_to_the_article_season():
    """A synopsis of season 2 that says "X has been recast" dates the recast there."""
    assert [f.claim.season for f in _recasts("Vera Stone has been recast.", season=2)] == [2]


@pytest.mark.parametrize("text", [
    "Vera Stone will not be recast.",
    "Vera Stone may be recast with Mia Crane.",
    "Was Vera Stone recast for the new season?",
    "If Vera Stone is recast, fans will riot.",
    "Mia Crane is rumoured to replace Dana Holt as Vera Stone.",
    "Darrin was not the show's only recast.",
    "The recast was popular with viewers.",
    "Mia Crane replaced the curtains in the set.",
    "Mia Crane replaced Dana Holt at the studio.",
    "The role of Vera Stone was written for Mia Crane.",
    "Mia Crane took over the family business from Dana Holt.",
])
def test_look_alikes_give_no_recast(text):
    """Negated, hedged, conditional and asked recasts, recast as a noun, replacing
    things, roles with no change of actor: no recast event."""
    assert _recasts(text) == []


@pytest.mark.parametrize("text, recast, portrayals", [
    ("Orrin Vale left the show, and the role of Cal Flynn was recast: Ines Calder took "
     "over the part for the fourth series.",
     {("Cal Flynn", 4)}, {("Ines Calder", "Cal Flynn")}),
    ("Cal Flynn was recast; Ines Calder took over the pub.", {("Cal Flynn", None)}, set()),
    ("Cal Flynn might be recast: Ines Calder could take over the part.", set(), set()),
])
def test_recast_then_who_took_over_the_part(text, recast, portrayals):
    """"X was recast: B took over the part" gives B the role; taking over something
    else names no actor, and a hedged recast gives nothing."""
    facts = _facts(text)
    assert {(f.claim.character, f.claim.season) for f in facts
            if f.kind == "event" and f.claim.event == "recast"} == recast
    assert {(f.claim.actor, f.claim.character) for f in facts
            if f.kind == "portrayal"} == portrayals


def test_stepping_into_the_shoes_of_an_actor_is_a_recast():
    """"B steps into the shoes of A as X": B plays X from the season given, A played
    X before (in no season the sentence gives), and X is recast."""
    text = "Beth Marr stepped into the shoes of Jane Ostrow as Irene Colley in series two."
    assert _recasts(text)
    found = _portrayals(text)
    assert ("Beth Marr", "Irene Colley", (2,)) in found
    assert ("Jane Ostrow", "Irene Colley", (2,)) not in found
    assert ("Jane Ostrow", "Irene Colley", ()) in found


def test_the_replaced_actor_is_given_no_new_season():
    """"B replaced A as X in series two": A is no series-two X."""
    found = {(actor, seasons) for actor, _character, seasons in _portrayals(
        "Beth Marr replaced Jane Ostrow as Irene Colley in series two.")}
    assert ("Jane Ostrow", (2,)) not in found


def test_refusing_to_step_into_shoes_is_no_recast():
    """A negated step into someone's shoes, or shoes with no role, gives no recast."""
    assert not _recasts("Beth Marr will not step into the shoes of Jane Ostrow as Irene "
                        "Colley.")
    assert not _recasts("Mara Quill stepped into the shoes of her mother.")


def test_taking_on_a_role_is_no_recast():
    """"Takes on the role of X" casts the actor; only "takes over" passes a role on."""
    text = "Mara Quill will take on the role of Vera Stone in the film Harbour Lights."
    assert not _recasts(text)
    assert ("Mara Quill", "Vera Stone", ()) in _portrayals(text)
    assert _recasts("Mara Quill will take over the role of Vera Stone in series two.")


def test_a_role_recast_far_from_its_name_through_the_parse():
    """"The role of X, played by A since 2010, has been recast, and B takes over": X is
    recast and B plays X; a negated recast gives nothing."""
    text = ("The role of Pat Mallory, played by Wendy Ashcroft since 2010, has been recast, "
            "and Maureen Lyle takes over in June.")
    assert [f.claim.character for f in _recasts(text)] == ["Pat Mallory"]
    assert ("Maureen Lyle", "Pat Mallory", ()) in _portrayals(text)
    assert not _recasts("The role of Pat Mallory, played by Wendy Ashcroft since 2010, will "
                        "not be recast.")


def test_a_performer_recast_in_a_film_is_no_recast_of_a_character():
    """A performer as the subject of "recast" is no character whose role passes on."""
    text = "The actress Wendy Ashcroft, who plays Pat Mallory, has been recast in a new film."
    assert not [f for f in _recasts(text) if f.claim.character == "Wendy Ashcroft"]
