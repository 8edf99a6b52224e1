"""Claims, evidence and the FACTS JSON Lines contract."""

import doctest

import pytest

import graph.model.facts
from graph.errors import FormatError
from graph.model.facts import Event, Portrayal, Season, fact_from_json


def test_doctests():
    """The module's examples run."""
    assert doctest.testmod(graph.model.facts).failed == 0


def test_json_round_trip_keeps_every_field():
    """A fact written to JSON and read back is the same fact."""
    line = {"kind": "event", "character": "Mara Quill", "event": "death",
            "work": "Harbour Lights", "season": 1, "episode": "finale", "mode": None,
            "agent": "Tomas Reed", "cause": "storm",
            "source": {"doc": "a.txt", "start": 3, "end": 9, "quote": "killed"},
            "confidence": 0.75, "rule": "event.killed_by"}
    fact = fact_from_json(line)
    assert fact_from_json(fact.to_json()) == fact
    assert fact.to_json()["episode"] == "finale"


def test_equal_claims_have_equal_keys_and_seasons_are_sorted():
    """Claim identity ignores season order; different fields give different keys."""
    a = Portrayal("Owen Pike", "Tomas Reed", "Harbour Lights", (2, 1))
    b = Portrayal("Owen Pike", "Tomas Reed", "Harbour Lights", (1, 2, 2))
    assert a == b and a.key() == b.key()
    assert a.key() != Portrayal("Owen Pike", "Tomas Reed", "Harbour Lights", (1,)).key()


@pytest.mark.parametrize("line, message", [
    ({"kind": "rumour"}, "unknown fact kind 'rumour': use one of portrayal"),
    ({"kind": "event", "character": "X", "event": "exploded"},
     "event event 'exploded' is not a controlled word: use one of death, resurrection"),
    ({"kind": "event", "character": "X", "event": "death", "mode": "astral"},
     "event mode 'astral' is not a controlled word"),
    ({"kind": "season", "work": "W", "season": "two"},
     "season season 'two' must be a whole number"),
    ({"kind": "portrayal", "character": "X"}, "portrayal needs an actor"),
    ({"kind": "event", "character": "X", "event": "death", "episode": "middle"},
     "or one of premiere, finale"),
    ({"kind": "season", "work": "W", "season": 1, "confidence": 3},
     "confidence 3 must lie between 0 and 1"),
])
def test_bad_facts_are_refused_with_a_message(line, message):
    """Each bad line gets a FormatError whose text names the bad value."""
    with pytest.raises(FormatError) as info:
        fact_from_json(line)
    assert message in str(info.value)


def test_event_entities_leave_out_the_cause():
    """A cause is a phrase, not an entity."""
    event = Event("Mara Quill", "death", agent="Tomas Reed", cause="a storm")
    assert dict(event.entities()) == {"character": "Mara Quill", "agent": "Tomas Reed"}
    assert Season("Harbour Lights", 2).entities() == [("work", "Harbour Lights")]
