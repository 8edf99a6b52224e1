"""Whether an event is told as happening, and as the story or its backstory
(graph.extract.rules.events.tense), on sentences about made-up shows written for these
tests."""

import pytest

from graph.extract.pipeline import extract_article
from graph.sources import Article


def _keys(text, season=None, episode=None):
    """Return {(character, event)} of the events told in ``text``."""
    article = Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64, work="The Glass Coast", season=season,
                      episode=episode)
    return {(f.claim.character, f.claim.event) for f in extract_article(article)
            if f.kind == "event"}


@pytest.mark.parametrize("text", [
    # what one stops, prevents or imagines does not happen
    "Nell Avery stops Joss Crane from killing Pia Lund.",
    "Nell Avery prevents Joss Crane from killing Pia Lund.",
    "Nell Avery imagines killing Pia Lund.",
    # a time clause in what a character argues or says is a thought, not the story
    "Nell Avery argues that when Pia Lund dies, there is no heir.",
    "Nell Avery counters that Pia Lund (who rules the harbour) is old and when she dies, "
    "there is no one to lead.",
    # a condition after the event
    "Pia Lund dies if the gate falls.",
    "Pia Lund (Ines Vidal) returns as a ghost if the show is renewed.",
])
def test_events_that_do_not_happen(text):
    """Prevented, imagined, reported as a thought, or conditional: no event."""
    assert _keys(text) == set()


@pytest.mark.parametrize("text", [
    "Pia Lund dies as if asleep.",
    "Nell Avery kills Pia Lund even if it costs her the harbour.",
    "Nell Avery kills Pia Lund to see if she rises again.",
    "When Pia Lund dies, Nell Avery takes the harbour.",
])
def test_events_beside_an_if_or_a_when_that_happen(text):
    """"as if", "even if", "to see if" and a narrated "when" leave the event told."""
    assert ("Pia Lund", "death") in _keys(text)


@pytest.mark.parametrize("text, told", [
    ("Nell Avery has Pia Lund executed.", True),
    ("Nell Avery had Pia Lund executed.", False),
    ("Nell Avery has had Pia Lund executed.", False),
])
def test_a_causative_has_the_tense_of_its_have(text, told):
    """"has Y executed" is the episode's story; "had" and "has had" are backstory."""
    assert (("Pia Lund", "death") in _keys(text, season=1, episode=2)) is told


@pytest.mark.parametrize("text, told", [
    ('"Killing Pia Lund would have been too easy," the showrunner says.', False),
    ("Killing Pia Lund was never an option for the writers.", False),
    ("Killing Pia Lund could break the show.", False),
    ("In the finale, killing Pia Lund is the only way Nell Avery can save the harbour, "
     "and she kills her.", True),
])
def test_a_gerund_subject_under_would_is_weighed_not_told(text, told):
    """An act named by a gerund subject of "would", a modal or a negation is talked
    about; the story's own "she kills her" is told."""
    assert (("Pia Lund", "death") in _keys(text)) is told
