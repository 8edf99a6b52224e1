"""Story time: reading positions and writing them back."""

import doctest

import pytest

import graph.model.storytime
from graph.errors import StoryTimeError
from graph.model.storytime import Position, parse_position, work_key

FORMS = 'use forms like "Jessica Jones S2E1", "season 2 of Jessica Jones", "the season 1 finale"'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Night Harbor S3E7", Position("Night Harbor", 3, 7)),
        ("S04E11", Position(None, 4, 11)),
        ("s1e2", Position(None, 1, 2)),
        ("S5 E6", Position(None, 5, 6)),
        ("Night Harbor S3", Position("Night Harbor", 3)),
        ("Night Harbor S2 premiere", Position("Night Harbor", 2, "premiere")),
        ("season 4 of Night Harbor", Position("Night Harbor", 4)),
        ("Season 4 of The Lantern Club", Position("The Lantern Club", 4)),
        ("the season 2 finale", Position(None, 2, "finale")),
        ("The season 2 Finale", Position(None, 2, "finale")),
        ("the Night Harbor season 3 premiere", Position("Night Harbor", 3, "premiere")),
        ("Night Harbor season 1 episode 8", Position("Night Harbor", 1, 8)),
        ("Night Harbor season 5, episode 2", Position("Night Harbor", 5, 2)),
        ("Season Three, Episode Ten", Position(None, 3, 10)),
        ("season 2 ep. 4", Position(None, 2, 4)),
        ("episode 9 of season 3", Position(None, 3, 9)),
        ("episode 9, season 3", Position(None, 3, 9)),
        ("the sixth episode of the first season of Night Harbor", Position("Night Harbor", 1, 6)),
        ("the finale of season 4", Position(None, 4, "finale")),
        ("season seven", Position(None, 7)),
        ("Season IV of Night Harbor", Position("Night Harbor", 4)),
        ("the third season of Night Harbor", Position("Night Harbor", 3)),
        ("the 2nd season of Night Harbor", Position("Night Harbor", 2)),
        ("the sophomore season finale", Position(None, 2, "finale")),
        ("the debut season premiere", Position(None, 1, "premiere")),
        ("Night Harbor's second season", Position("Night Harbor", 2)),
        ("Grey's S2E3", Position("Grey's", 2, 3)),
        ("series 2 of Night Harbor", Position("Night Harbor", 2)),
        ("The Lantern Club", Position("The Lantern Club")),
        ("  The   Lantern Club ", Position("The Lantern Club")),
        ("Stormfall: Year Zero", Position("Stormfall: Year Zero")),
        ("Case File: Episode IX", Position("Case File: Episode IX")),
        ("Season of Ash", Position("Season of Ash")),
        ("Season Lives", Position("Season Lives")),
        ("911 season 2", Position("911", 2)),
        ("7-4-1 S1E5", Position("7-4-1", 1, 5)),
        ("The 300 Club season 2 finale", Position("The 300 Club", 2, "finale")),
        ("A Series of Small Fires season 1", Position("A Series of Small Fires", 1)),
    ],
)
def test_parse_position_reads(text, expected):
    assert parse_position(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S2E3", Position("Night Harbor", 2, 3)),
        ("the season 1 finale", Position("Night Harbor", 1, "finale")),
        ("season 4 of The Lantern Club", Position("The Lantern Club", 4)),
    ],
)
def test_parse_position_uses_the_given_work_only_when_the_text_names_none(text, expected):
    assert parse_position(text, work="Night Harbor") == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "it names no work, season or episode"),
        ("   ", "it names no work, season or episode"),
        ("S0E2", "seasons count from 1"),
        ("season 0 of Night Harbor", "seasons count from 1"),
        ("season -2", "seasons count from 1"),
        ("season zero", "seasons count from 1"),
        ("S3E0", "episodes count from 1"),
        ("episode 3", "an episode needs its season"),
        ("the fourth episode", "an episode needs its season"),
        ("the finale", "a premiere or finale needs its season"),
        ("Night Harbor season", "a season needs its number"),
        ("season three of", "no work follows 'of'"),
        ("Night Harbor S2 episode 3", "'episode 3' is left over beside 'S2'"),
        ("Night Harbor season 2 of The Lantern Club", "it names two works, 'Night Harbor' and"),
    ],
)
def test_parse_position_refuses_with_the_text_and_the_forms(text, reason):
    with pytest.raises(StoryTimeError) as caught:
        parse_position(text, work="Night Harbor")
    message = str(caught.value)
    assert message.startswith(f"cannot read story time {text!r}: {reason}")
    assert message.endswith(FORMS)


def test_parse_position_error_quotes_the_example_form_exactly():
    with pytest.raises(StoryTimeError) as caught:
        parse_position("S0E2")
    assert str(caught.value) == f"cannot read story time 'S0E2': seasons count from 1; {FORMS}"


@pytest.mark.parametrize(
    ("position", "label"),
    [
        (Position("Night Harbor", 2, 1), "Night Harbor S2E1"),
        (Position("Night Harbor", 1, "finale"), "Night Harbor S1 finale"),
        (Position("Night Harbor", 2), "Night Harbor S2"),
        (Position(None, 1, 13), "S1E13"),
        (Position(None, 3, "premiere"), "S3 premiere"),
        (Position("The Lantern Club"), "The Lantern Club"),
    ],
)
def test_position_label_reads_back(position, label):
    assert str(position) == label
    assert parse_position(label) == position


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Night Harbor", 0), "season 0 must be a whole number from 1"),
        (("Night Harbor", "2"), "season '2' must be a whole number from 1"),
        (("Night Harbor", 1, -4), "episode -4 must be a whole number from 1"),
        (("Night Harbor", 1, "midseason"), "episode 'midseason' must be a whole number from 1"),
        (("Night Harbor", None, 3), "episode 3 needs its season"),
        ((None,), "a story time needs a work, a season or both"),
        (("  ",), "work '  ' must be a non-empty name, or None"),
    ],
)
def test_position_refuses_impossible_values(args, message):
    with pytest.raises(StoryTimeError, match="^" + message):
        Position(*args)


@pytest.mark.parametrize(
    ("a", "b"),
    [("The Lantern Club", "lantern  club"), ("THE LANTERN CLUB", "the Lantern Club")],
)
def test_work_names_match_ignoring_case_spaces_and_the(a, b):
    assert work_key(a) == work_key(b)


def test_work_key_keeps_the_inside_a_title():
    assert work_key("Theory of Tides") != work_key("ory of Tides")


def test_docstring_examples_run():
    """The module's examples run."""
    result = doctest.testmod(graph.model.storytime)
    assert result.attempted > 0
    assert result.failed == 0
