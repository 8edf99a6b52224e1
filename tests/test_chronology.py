"""The chronology: ordering positions within and across works."""

import doctest

import pytest

import graph.model.chronology
from graph.errors import StoryTimeError
from graph.model.chronology import Chronology
from graph.model.storytime import Position, parse_position

# Ordering within one work.

IN_ORDER = ["S1E1", "S1E13", "S1 finale", "S2 premiere", "S2E3"]


def test_positions_in_one_work_sort_in_story_order():
    chronology = Chronology()
    positions = [parse_position(text, work="Night Harbor") for text in IN_ORDER]
    assert sorted(reversed(positions), key=chronology.sort_key) == positions
    for earlier, later in zip(positions, positions[1:], strict=False):
        assert chronology.compare(earlier, later) == -1
        assert chronology.compare(later, earlier) == 1
        assert chronology.is_before(earlier, later)
        assert not chronology.is_before(later, earlier)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("S2E3", "S2E3", 0),
        ("S2", "S2E5", 0),
        ("S2 finale", "S2", 0),
        ("S2", "S3E1", -1),
        ("S2", "S1 finale", 1),
        ("S2 premiere", "S2E1", 0),
        ("S2 finale", "S2E40", 1),
        ("S2E40", "S3 premiere", -1),
        ("Night Harbor", "S4E4", 0),
    ],
)
def test_compare_within_a_work(a, b, expected):
    chronology = Chronology()
    a, b = (parse_position(text, work="Night Harbor") for text in (a, b))
    assert chronology.compare(a, b) == expected


def test_a_season_sorts_at_its_start():
    chronology = Chronology()
    season, first = Position("Night Harbor", 2), Position("Night Harbor", 2, 1)
    assert chronology.sort_key(season) < chronology.sort_key(first)
    assert not chronology.is_before(season, first)


def test_finale_resolves_once_the_count_is_known():
    chronology = Chronology()
    finale, eighth = Position("Night Harbor", 1, "finale"), Position("Night Harbor", 1, 8)
    assert chronology.resolve(finale) == finale
    assert chronology.compare(eighth, finale) == -1
    chronology.add_season("night harbor", 1, episodes=8)
    assert chronology.resolve(finale) == Position("night harbor", 1, 8)
    assert chronology.compare(eighth, finale) == 0
    assert chronology.compare(Position("Night Harbor", 1, 9), finale) == 1


def test_a_finale_with_no_work_stays_a_word_and_comes_last():
    chronology = Chronology()
    finale = Position(None, 1, "finale")
    assert chronology.resolve(finale) == finale
    assert chronology.is_before(Position(None, 1, 20), finale)


def test_resolve_numbers_the_premiere_and_uses_the_known_name():
    chronology = Chronology()
    chronology.add_work("The Lantern Club")
    assert chronology.resolve(Position("lantern club", 3, "premiere")) == Position(
        "The Lantern Club", 3, 1
    )


def test_seasons_and_episode_counts():
    chronology = Chronology()
    chronology.add_season("Night Harbor", 2, episodes=10)
    chronology.add_season("Night Harbor", 1)
    chronology.add_season("night harbor", 1, episodes=12)
    chronology.add_season("Night Harbor", 2)
    assert chronology.seasons("NIGHT HARBOR") == [1, 2]
    assert chronology.episodes("Night Harbor", 1) == 12
    assert chronology.episodes("Night Harbor", 2) == 10
    assert chronology.episodes("Night Harbor", 3) is None
    assert chronology.has_season("Night Harbor", 2)
    assert not chronology.has_season("Night Harbor", 3)
    assert chronology.seasons("The Lantern Club") == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.add_season("Night Harbor", 0), "season 0 must be a whole number from 1"),
        (lambda c: c.add_season("Night Harbor", 1, 0), "episode count 0 must be a whole number"),
        (
            lambda c: c.add_season("Night Harbor", 1, 9),
            "Night Harbor season 1 has 8 episodes, not 9: counts do not change",
        ),
        (lambda c: c.add_work(""), "work '' must be a non-empty name"),
        (lambda c: c.place("Coda"), "place 'Coda' needs after= or before="),
        (
            lambda c: c.place("Coda", after=Position("Night Harbor", 1, 4)),
            "cannot place next to Night Harbor S1E4, an episode: use its season",
        ),
        (lambda c: c.place("Coda", after=3), "cannot place next to 3: give a work or a Position"),
        (
            lambda c: c.set_order(["Coda", "Night Harbor", "coda"]),
            "set_order lists Coda twice: list each work once",
        ),
    ],
)
def test_chronology_refuses_with_a_message(call, message):
    chronology = Chronology()
    chronology.add_season("Night Harbor", 1, episodes=8)
    with pytest.raises(StoryTimeError, match="^" + message):
        call(chronology)


# Ordering across works.


@pytest.fixture
def marvel_order():
    """Three shows in a row, and a crossover between seasons 1 and 2 of the middle one."""
    chronology = Chronology()
    chronology.set_order(["Night Harbor", "Glass Saints", "The Lantern Club"])
    chronology.add_season("Glass Saints", 1, episodes=13)
    chronology.place("The Reckoning", after=Position("Glass Saints", 1))
    return chronology


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Night Harbor S3E9", "Glass Saints S1E1", -1),
        ("Glass Saints", "Night Harbor", 1),
        ("The Lantern Club S1 premiere", "Glass Saints S2 finale", 1),
        ("Glass Saints S1 finale", "The Reckoning", -1),
        ("Glass Saints S1E13", "The Reckoning S1E1", -1),
        ("The Reckoning", "Glass Saints S2 premiere", -1),
        ("the Reckoning S1 finale", "Glass Saints S2", -1),
        ("Night Harbor", "The Reckoning", -1),
        ("The Reckoning", "The Lantern Club", -1),
        ("Glass Saints", "The Reckoning", 0),
        ("Glass Saints S1", "The Reckoning", -1),
        ("The Reckoning", "Reckoning S1E2", 0),
        ("Night Harbor", "Pale Orchard", None),
        ("S1E1", "Night Harbor S1E1", None),
        ("S1E1", "S1E2", -1),
    ],
)
def test_compare_across_works(marvel_order, a, b, expected):
    a, b = parse_position(a), parse_position(b)
    assert marvel_order.compare(a, b) == expected
    assert marvel_order.compare(b, a) == (None if expected is None else -expected)
    assert marvel_order.is_before(a, b) is (expected == -1)


def test_crossover_sorts_between_the_two_seasons(marvel_order):
    texts = [
        "The Lantern Club S1E1",
        "Glass Saints S2E1",
        "The Reckoning S1E3",
        "Glass Saints S1 finale",
        "Night Harbor S4 finale",
    ]
    ordered = sorted((parse_position(text) for text in texts), key=marvel_order.sort_key)
    assert [str(position) for position in ordered] == [
        "Night Harbor S4 finale",
        "Glass Saints S1 finale",
        "The Reckoning S1E3",
        "Glass Saints S2E1",
        "The Lantern Club S1E1",
    ]


def test_placing_before_a_season_uses_the_same_gap(marvel_order):
    marvel_order.place("Aftermath", before=Position("Glass Saints", 2))
    reckoning, aftermath = Position("The Reckoning"), Position("Aftermath")
    assert marvel_order.is_before(reckoning, aftermath)
    assert marvel_order.is_before(aftermath, Position("Glass Saints", 2, 1))
    assert marvel_order.is_before(Position("Glass Saints", 1, "finale"), aftermath)


def test_placing_with_both_anchors_checks_the_second(marvel_order):
    marvel_order.place("Interlude", after="Night Harbor", before=Position("Glass Saints", 1))
    assert marvel_order.is_before(Position("Interlude"), Position("Glass Saints"))
    with pytest.raises(StoryTimeError, match="^Coda after The Lantern Club is not before Night"):
        marvel_order.place("Coda", after="The Lantern Club", before="Night Harbor")
    assert marvel_order.compare(Position("Coda"), Position("Night Harbor")) is None


def test_a_placed_work_moves_with_the_works_inside_it(marvel_order):
    marvel_order.place("Glass Saints", after="The Lantern Club")
    assert marvel_order.is_before(Position("The Lantern Club"), Position("The Reckoning"))
    assert marvel_order.compare(Position("Glass Saints"), Position("The Reckoning")) == 0


def test_a_work_cannot_be_placed_inside_itself(marvel_order):
    with pytest.raises(StoryTimeError, match="^cannot place Glass Saints next to The Reckoning S1"):
        marvel_order.place("Glass Saints", after=Position("The Reckoning", 1))


def test_unplaced_and_unknown_works_sort_after_placed_ones(marvel_order):
    marvel_order.add_work("Pale Orchard")
    names = ["Zeta Files", "Pale Orchard", "The Lantern Club", "Night Harbor"]
    ordered = sorted((Position(name) for name in names), key=marvel_order.sort_key)
    assert [position.work for position in ordered] == [
        "Night Harbor",
        "The Lantern Club",
        "Pale Orchard",
        "Zeta Files",
    ]


def test_docstring_examples_run():
    """The module's examples run."""
    result = doctest.testmod(graph.model.chronology)
    assert result.attempted > 0
    assert result.failed == 0
