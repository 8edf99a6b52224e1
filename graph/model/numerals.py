"""Season and episode numbers as articles write them: "2", "two", "second", "2nd", "sophomore".

``number_from_word`` reads one such word; the patterns find them inside longer text
("Season Two", "the second season", "the sophomore season"). Every pattern is a
non-capturing fragment that matches whole words only and ignores case on its own,
so it can be dropped into any larger regular expression.

>>> number_from_word("Twenty-First")
21
>>> import re
>>> re.search(rf"Season ({NUMBER_WORD_PATTERN})", "Season Twenty One of Alias Smith").group(1)
'Twenty One'
"""

import re

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNIT_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
)
_TEEN_ORDINALS = (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
)
_TENS_ORDINALS = (
    "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
    "ninetieth",
)
# How articles name a first or second season without a number.
_DOMAIN_WORDS = {"inaugural": 1, "debut": 1, "sophomore": 2}
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _numbered(words, start):
    return {word: start + i for i, word in enumerate(words)}


def _with_tens(units, tens_words):
    """Return the words 1-99 of one kind: units, teens, tens and "twenty-one" compounds."""
    out = {}
    for ten, value in _numbered(_TENS, 2).items():
        for unit, unit_value in _numbered(units, 1).items():
            out[f"{ten}-{unit}"] = value * 10 + unit_value
    for word, value in _numbered(tens_words, 2).items():
        out[word] = value * 10
    return out


_CARDINALS = {
    "zero": 0, **_numbered(_UNITS, 1), **_numbered(_TEENS, 10), **_with_tens(_UNITS, _TENS),
}
_ORDINALS = {
    **_numbered(_UNIT_ORDINALS, 1),
    **_numbered(_TEEN_ORDINALS, 10),
    **_with_tens(_UNIT_ORDINALS, _TENS_ORDINALS),
}
_WORDS = {**_CARDINALS, **_ORDINALS, **_DOMAIN_WORDS}


def _alternatives(words):
    """Return a regex alternation of the words, longest first, hyphens matching spaces too."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(word.replace("-", r"[-\s]+") for word in ordered)


#: A season or episode number in any form ``number_from_word`` reads, roman numerals aside.
NUMBER_WORD_PATTERN = rf"(?i:\b(?:{_alternatives(_WORDS)}|[0-9]+(?:st|nd|rd|th)?)\b)"
#: Only the ordinal forms ("second", "2nd", "sophomore"), as in "the second season".
ORDINAL_WORD_PATTERN = (
    rf"(?i:\b(?:{_alternatives({**_ORDINALS, **_DOMAIN_WORDS})}|[0-9]+(?:st|nd|rd|th))\b)"
)
#: A roman numeral from I to XCIX, as in "Season II"; opt-in, since "I" is also a word.
ROMAN_NUMERAL_PATTERN = r"(?i:\b(?=[ivxl])(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})(?<=[ivxlc])\b)"


def _roman_value(text):
    values = [_ROMAN_VALUES[char] for char in text]
    total = 0
    for value, following in zip(values, values[1:] + [0], strict=True):
        total += -value if value < following else value
    return total


def number_from_word(text, roman=False):
    """Return the number a season or episode word stands for, or None if it is not one.

    Reads digits ("02"), cardinals ("two", "twenty one"), ordinals ("third", "21st";
    the suffix of a digit ordinal is not checked) and the words "inaugural", "debut"
    (1) and "sophomore" (2), in any case and with surrounding spaces. Roman numerals
    ("II") only when ``roman`` is true. Never raises: anything else gives None.

    >>> number_from_word(" Sophomore ")
    2
    >>> [number_from_word(word) for word in ("02", "twenty-one", "10th", "II")]
    [2, 21, 10, None]
    >>> number_from_word("II", roman=True)
    2
    """
    if not isinstance(text, str):
        return None
    word = re.sub(r"[\s-]+", "-", text.strip().lower())
    digits = re.fullmatch(r"([0-9]+)(?:st|nd|rd|th)?", word)
    if digits:
        return int(digits.group(1))
    if word in _WORDS:
        return _WORDS[word]
    if roman and re.fullmatch(ROMAN_NUMERAL_PATTERN, word):
        return _roman_value(word)
    return None
