"""Season and episode numbers written as digits, words, ordinals and roman numerals."""

import doctest
import re

import pytest

import graph.model.numerals
from graph.model.numerals import (
    NUMBER_WORD_PATTERN,
    ORDINAL_WORD_PATTERN,
    ROMAN_NUMERAL_PATTERN,
    number_from_word,
)

WORDS = [
    ("7", 7),
    ("07", 7),
    ("0", 0),
    ("112", 112),
    ("one", 1),
    ("Eleven", 11),
    ("TWELVE", 12),
    ("forty", 40),
    ("Thirty-Four", 34),
    ("thirty four", 34),
    ("ninety-nine", 99),
    ("zero", 0),
    ("first", 1),
    ("Third", 3),
    ("twelfth", 12),
    ("twentieth", 20),
    ("sixty-second", 62),
    ("1st", 1),
    ("3rd", 3),
    ("11th", 11),
    ("22nd", 22),
    ("inaugural", 1),
    ("Debut", 1),
    ("sophomore", 2),
    ("  eight\t", 8),
    ("\nfifth ", 5),
]


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_number_from_word_reads(text, expected):
    assert number_from_word(text) == expected


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_roman_option_keeps_every_other_form(text, expected):
    assert number_from_word(text, roman=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("I", 1), ("iv", 4), ("IX", 9), ("xiv", 14), ("XL", 40), ("lxxvii", 77), ("XCIX", 99)],
)
def test_roman_numerals_when_allowed(text, expected):
    assert number_from_word(text, roman=True) == expected
    assert number_from_word(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "season",
        "finale",
        "premiere",
        "the second",
        "two seasons",
        "-3",
        "3.5",
        "twenty-",
        "onety",
        "²",
        "IIII",
        "VX",
        "C",
        None,
        3,
    ],
)
def test_number_from_word_gives_none_for_anything_else(text):
    assert number_from_word(text) is None
    assert number_from_word(text, roman=True) is None


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Season Nine of Night Harbor", ["Nine"]),
        ("its seventeenth season", ["seventeenth"]),
        ("the twenty-first and thirty third episodes", ["twenty-first", "thirty third"]),
        ("a sophomore slump after a debut run", ["sophomore", "debut"]),
        ("episodes 4 and 12th", ["4", "12th"]),
        ("someone left a seventh-day note", ["seventh"]),
        ("nothing here: oneness, seventeens, S2E3", []),
    ],
)
def test_number_pattern_finds_whole_words(sentence, found):
    assert re.findall(NUMBER_WORD_PATTERN, sentence) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("the second season, then season two", ["second"]),
        ("the 3rd and the sophomore", ["3rd", "sophomore"]),
        ("season 4, episode twelve", []),
    ],
)
def test_ordinal_pattern_leaves_cardinals_out(sentence, found):
    assert re.findall(ORDINAL_WORD_PATTERN, sentence) == found


def test_roman_pattern_matches_numerals_only():
    assert re.findall(ROMAN_NUMERAL_PATTERN, "Part II and part xiv, not Vivid, IIII or LC") == [
        "II",
        "xiv",
    ]


PATTERNS = [NUMBER_WORD_PATTERN, ORDINAL_WORD_PATTERN, ROMAN_NUMERAL_PATTERN]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_patterns_capture_nothing_and_agree_with_the_reader(pattern):
    assert re.compile(pattern).groups == 0
    matches = re.findall(pattern, "Season Two, 2nd, sophomore, forty one, XII, IIII, mix")
    assert matches
    for match in matches:
        assert number_from_word(match, roman=True) is not None


def test_docstring_examples_run():
    result = doctest.testmod(graph.model.numerals)
    assert result.attempted > 0
    assert result.failed == 0
