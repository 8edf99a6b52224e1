"""Event rules: every form, mode, agent and cause, on sentences written for these
tests; and the statements that must give no event (negated, hedged, asked,
intended, future, travel, actors, backstory)."""

import pytest

from graph.extract.pipeline import extract_article
from graph.sources import Article


def _article(text, work="Harbour Lights", season=None, episode=None):
    return Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                   content_hash="0" * 64, work=work, season=season, episode=episode)


def _events(text, **kwargs):
    return [f for f in extract_article(_article(text, **kwargs)) if f.kind == "event"]


def _keys(text, **kwargs):
    return {(f.claim.character, f.claim.event) for f in _events(text, **kwargs)}


def _one(text, character, event, **kwargs):
    found = [f for f in _events(text, **kwargs)
             if (f.claim.character, f.claim.event) == (character, event)]
    assert len(found) == 1, [f.claim for f in _events(text, **kwargs)]
    return found[0]


@pytest.mark.parametrize("text, character, agent, rule", [
    ("Mara Quill kills Tomas Reed on the pier.", "Tomas Reed", "Mara Quill",
     "event.death_active"),
    ("Late that night Mara Quill murders Tomas Reed.", "Tomas Reed", "Mara Quill",
     "event.death_active"),
    ("Henrik Dahl taunts Ilse Brandt for an hour. Ilse Brandt snaps his neck.",
     "Henrik Dahl", "Ilse Brandt", "event.death_active"),
    ("Mara Quill ends Orrin Vale's life.", "Orrin Vale", "Mara Quill", "event.death_active"),
    ("Tomas Reed is killed in the storm by Mara Quill.", "Tomas Reed", "Mara Quill",
     "event.death_passive"),
    ("Tomas Reed is stabbed to death by Mara Quill.", "Tomas Reed", "Mara Quill",
     "event.death_passive"),
    ("Tomas Reed is fatally shot by Mara Quill.", "Tomas Reed", "Mara Quill",
     "event.death_passive"),
    ("Mara Quill has Tomas Reed beheaded.", "Tomas Reed", "Mara Quill",
     "event.death_passive"),
    ("Tomas Reed escapes and is killed by Mara Quill's hound, Fang.", "Tomas Reed", "Fang",
     "event.death_passive"),
    ("Ada Marsh dies on the pier.", "Ada Marsh", None, "event.death_intransitive"),
    ("Ruth Kane is found dead in the harbour.", "Ruth Kane", None,
     "event.death_intransitive"),
    ("The duel results in Orrin Vale's death.", "Orrin Vale", None, "event.death_noun"),
    ("Orrin Vale pushes Ada Marsh to her death.", "Ada Marsh", "Orrin Vale",
     "event.death_noun"),
    ("A dying Orrin Vale names his heir.", "Orrin Vale", None, "event.dying"),
])
def test_death_forms_with_agents(text, character, agent, rule):
    """Active, passive, intransitive and noun deaths name the victim and the killer."""
    fact = _one(text, character, "death")
    assert (fact.claim.agent, fact.evidence.rule) == (agent, rule)
    assert fact.claim.work == "Harbour Lights"


def test_a_death_names_every_victim_of_a_list():
    """"X murders A and B" is two deaths by X."""
    facts = [f for f in _events("Orrin Vale murders Ada Marsh and Ruth Kane.")
             if f.claim.event == "death"]
    assert {(f.claim.character, f.claim.agent) for f in facts} == {
        ("Ada Marsh", "Orrin Vale"), ("Ruth Kane", "Orrin Vale")}


@pytest.mark.parametrize("text, cause", [
    ("Ada Marsh dies of poison.", "poison"),
    ("Ada Marsh dies in a car accident.", "a car accident"),
    ("Ada Marsh succumbs to her wounds.", "wounds"),
    ("Ada Marsh is strangled by Orrin Vale.", "strangulation"),
])
def test_death_causes(text, cause):
    """The cause of a death is read where the sentence states it."""
    assert _one(text, "Ada Marsh", "death").claim.cause == cause


def test_a_noun_death_with_its_killer_and_story_time():
    """"X's murder of Y in the season 2 finale" gives Y, X and the finale of season 2."""
    fact = _one("Mara Quill's murder of Tomas Reed in the season 2 finale stunned viewers.",
                "Tomas Reed", "death")
    assert (fact.claim.agent, fact.claim.season, fact.claim.episode) == ("Mara Quill", 2,
                                                                         "finale")


@pytest.mark.parametrize("text, agent", [
    ("Ada Marsh is raised from the dead by Orrin Vale.", "Orrin Vale"),
    ("Orrin Vale brings Ada Marsh back to life.", "Orrin Vale"),
    ("Ada Marsh is resurrected in the third season.", None),
    ("Ada Marsh returns from the dead.", None),
])
def test_resurrection_forms(text, agent):
    """Raised, brought back, resurrected, back from the dead: a resurrection."""
    fact = _one(text, "Ada Marsh", "resurrection")
    assert (fact.claim.agent, fact.evidence.rule) == (agent, "event.resurrection")


@pytest.mark.parametrize("text, mode", [
    ("Tomas Reed (Owen Pike) returns as a ghost.", "ghost"),
    ("Tomas Reed (Owen Pike) returns in Ada's head.", "hallucination"),
    ("Tomas Reed (Owen Pike) returns as a hallucination.", "hallucination"),
    ("Tomas Reed (Owen Pike) comes back in a dream.", "dream"),
    ("Tomas Reed (Owen Pike) returns in flashbacks.", "flashback"),
    ("Tomas Reed (Owen Pike) reappears in a vision.", "vision"),
    ("Tomas Reed (Owen Pike) returns as a voice on the radio.", "voice"),
    ("Tomas Reed (Owen Pike) returns as a clone.", "clone"),
    ("Tomas Reed (Owen Pike) returns from another universe.", "alternate"),
    ("Tomas Reed (Owen Pike) returns in season 2.", None),
])
def test_return_modes(text, mode):
    """The words around a return give its mode."""
    fact = _one(text, "Tomas Reed", "return")
    assert (fact.claim.mode, fact.evidence.rule) == (mode, "event.return")


def test_resurrects_in_her_head_is_a_return_not_a_resurrection():
    """"He resurrects in Ada's head": a return as a hallucination."""
    text = "Tomas Reed (Owen Pike) is gone. Now he resurrects in Ada Marsh's head."
    assert _keys(text) == {("Tomas Reed", "return")}
    assert _one(text, "Tomas Reed", "return").claim.mode == "hallucination"


def test_two_sentences_about_one_return_are_one_event():
    """A return with a season and the same return with a mode merge into one."""
    text = ("Tomas Reed (Owen Pike) would return for Harbour Lights Season Two. "
            "Rather, he returns in Ada Marsh's dreams.")
    facts = [f for f in _events(text) if f.claim.event == "return"]
    assert [(f.claim.season, f.claim.mode) for f in facts] == [(2, "dream")]


def test_an_actor_returning_as_a_character_is_the_character():
    """"Peter Lang returns as Orrin Vale": the event is Orrin Vale's."""
    text = "Orrin Vale (Peter Lang) vanished. Peter Lang returns as Orrin Vale in season 3."
    fact = _one(text, "Orrin Vale", "return")
    assert fact.claim.season == 3


@pytest.mark.parametrize("text, character, event, rule", [
    ("Ruth Kane (Joy Adebayo) leaves the show in season 4.", "Ruth Kane", "departure",
     "event.departure"),
    ("Ruth Kane (Joy Adebayo) is written out of the series.", "Ruth Kane", "departure",
     "event.departure"),
    ("Orrin Vale is badly wounded in the raid.", "Orrin Vale", "injury", "event.injury"),
    ("Orrin Vale loses a hand in the raid.", "Orrin Vale", "injury", "event.injury"),
    ("Ada Marsh gives birth to Lena Marsh.", "Lena Marsh", "birth", "event.birth"),
    ("Orrin Vale is revealed to be the smuggler.", "Orrin Vale", "revelation",
     "event.revelation"),
    ("Orrin Vale turns out to be the smuggler.", "Orrin Vale", "revelation",
     "event.revelation"),
])
def test_other_event_forms(text, character, event, rule):
    """Departures, injuries, births and revelations, each by its own rule."""
    assert _one(text, character, event).evidence.rule == rule


def test_unlike_x_y_wont_be_raised_means_x_was():
    """"Unlike X, Y won't be raised from the dead": X was, in the work named with X;
    Y gets no resurrection."""
    text = ("The trailer suggests that, unlike Ada Marsh (Ines Vidal) in The Lantern Street, "
            "Tomas Reed won't be raised from the dead.")
    fact = _one(text, "Ada Marsh", "resurrection")
    assert (fact.claim.work, fact.evidence.rule) == ("The Lantern Street", "event.contrast")
    assert ("Tomas Reed", "resurrection") not in _keys(text)


@pytest.mark.parametrize("text", [
    "Tomas Reed won't die this season.",
    "Tomas Reed does not die.",
    "Tomas Reed is rumoured to return as a ghost.",
    "If Tomas Reed comes back as a ghost, Ada will leave.",
    "Will Tomas Reed die in the finale?",
    "Mara Quill wants to kill Tomas Reed.",
    "Mara Quill tries to kill Tomas Reed.",
    "Mara Quill nearly kills Tomas Reed.",
    "Mara Quill threatens to kill Tomas Reed.",
    "Mara Quill will kill Tomas Reed.",
    "Mara Quill orders Tomas Reed killed.",
    "Tomas Reed is stabbed in the arm.",
    "Tomas Reed might be brought back to life.",
    "Tomas Reed is not exactly brought back to life.",
    "Mara Quill hates the raiders for killing Tomas Reed's dog.",
    "After Tomas Reed's death, the town mourns.",
    "Tomas Reed is dead.",
    "Tomas Reed succumbs to Ada's charm.",
    "Mara Quill is accused of killing Tomas Reed.",
    "Owen Pike died in March 2011.",
])
def test_statements_that_are_not_events(text):
    """Negated, hedged, conditional, asked, intended, future, non-fatal, referring
    and real-world statements give no event."""
    assert _keys(text) == set()


def test_travel_is_not_a_return_in_a_synopsis():
    """In an episode synopsis, returning to a place is travel."""
    text = "Ada Marsh (Ines Vidal) returns to Port Ellis. Tomas Reed returns home."
    assert _keys(text, season=1, episode=3) == set()


def test_backstory_in_a_synopsis_is_no_event():
    """A past-tense death in a present-tense synopsis happened before the episode."""
    text = ("Ada Marsh (Ines Vidal) sails north. She learns that Orrin Vale killed "
            "Ruth Kane years ago. Mara Quill kills Tomas Reed.")
    assert _keys(text, season=1, episode=3) == {("Tomas Reed", "death")}


def test_actors_are_never_characters():
    """The actor in "Character (Actor)" and "Actor's Character" is not the one who dies."""
    assert _keys("Owen Pike's gruff Tomas Reed dies in the storm.") == {("Tomas Reed", "death")}
    assert _keys("Tomas Reed (Owen Pike) dies.") == {("Tomas Reed", "death")}


def test_front_matter_gives_the_story_time():
    """An event with no time of its own takes the synopsis' season and episode."""
    fact = _one("Mara Quill kills Tomas Reed.", "Tomas Reed", "death", season=2, episode=5)
    assert (fact.claim.work, fact.claim.season, fact.claim.episode) == ("Harbour Lights", 2, 5)


def test_one_death_told_twice_is_one_fact():
    """"Y died" and "Y died in the season 1 finale, when X killed him" are one death."""
    text = ("Tomas Reed, the villain of the first season, died in the season 1 finale, "
            "when Mara Quill killed him.")
    facts = [f for f in _events(text) if f.claim.event == "death"]
    assert [(f.claim.character, f.claim.season, f.claim.episode, f.claim.agent)
            for f in facts] == [("Tomas Reed", 1, "finale", "Mara Quill")]


def test_event_quotes_are_exact():
    """Every event quotes the article text it was read from."""
    text = "Orrin Vale pushes Ada Marsh to her death. Tomas Reed is killed by Mara Quill."
    for fact in _events(text):
        assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.quote
