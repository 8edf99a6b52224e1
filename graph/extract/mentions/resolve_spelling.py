"""Misspelt names: which written names are slips of the keyboard for another.

Fan-written synopses misspell names ("Jamie" for Jaime, "Tyrian" for Tyrion, "Joer
Mormont" for Jeor Mormont). A slip is one edit in a word: a letter replaced,
dropped or added, or two neighbours swapped (optimal string alignment distance 1,
rapidfuzz's ``OSA``). The measure is per word rather than a ratio over the whole
name because a ratio punishes short names: one swap in "Jaime" already scores 80
of 100 by rapidfuzz's ``fuzz.ratio``, while "Robert Stark" against "Robert Snark"
scores 92. Typists rarely miss a first letter and short words are one letter
apart by chance (Jon and Joe), so a slip keeps the first letter and the word has
at least four letters.

Spelling alone does not make two names one: "Kira" and "Kora" are one slip apart.
A variant merges into a canonical spelling only when the context agrees: both are
in a portrayal with the same partner (the same actor plays them, or they play the
same character), or the variant is far rarer and the slip is a swap or in a long
word. Two spellings with different partners in one work are two people. A variant that is an
English word ("Walker" beside Walder) was written on purpose, and a lone word with
a letter more or less at its end is another word form ("Tyrells", "Drogon" beside
Drogo), not a slip.

>>> slips("Jamie Lannister", "Jaime Lannister")
('swap',)
>>> slips("Kira", "Kora")
('edit',)
>>> slips("Drogon", "Drogo")
('end',)
>>> slips("Jon", "Joe") is None
True
"""

from rapidfuzz.distance import OSA, Levenshtein

from graph.extract.mentions.aliases import fold
from graph.extract.mentions.names import common_words

MIN_LETTERS = 4
# A long word is one that a single slip leaves unmistakable ("Tyrian"/"Tyrion").
LONG_WORD = 6
# "Far rarer": the canonical spelling is met at least this many times as often.
RARER = 3


def _kind(x, y):
    """Return the kind of one slip between two different words."""
    if len(x) == len(y) and Levenshtein.distance(x, y) == 2:
        return "swap"
    if x.startswith(y) or y.startswith(x):
        return "end"
    return "edit"


def slips(variant, canonical):
    """Return the kinds of slip ("swap", "end" for a letter added or dropped at the
    end, "edit"), one per differing word, that make ``canonical`` of ``variant``, or
    None when they are not one slip a word apart, are the same name, or the
    variant's differing word is an English word."""
    a, b = fold(variant).split(), fold(canonical).split()
    if len(a) != len(b) or a == b:
        return None
    kinds = []
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if x[0] != y[0] or min(len(x), len(y)) < MIN_LETTERS or OSA.distance(x, y) != 1 \
                or x in common_words():
            return None
        kinds.append(_kind(x, y))
    return tuple(kinds)


def _agrees(variant, canonical, kinds, counts, partners):
    """Return True when the context makes ``variant`` a misspelling of ``canonical``."""
    if len(kinds) == 1 and kinds[0] == "end" and " " not in variant:
        return False
    mine, theirs = partners.get(variant, set()), partners.get(canonical, set())
    if {scope for scope, _ in mine} & {scope for scope, _ in theirs}:
        return bool(mine & theirs)
    if counts.get(canonical, 0) < RARER * max(counts.get(variant, 0), 1):
        return False
    shortest = min(len(a) for a, b in zip(variant.split(), canonical.split(), strict=True)
                   if a != b)
    return all(kind == "swap" for kind in kinds) or shortest >= LONG_WORD


def _bucket(key, kind):
    """Return the bucket a key is compared within: same kind, same first letters."""
    return kind, tuple(word[0] for word in key.split())


def spelling_map(counts, partners, kind_of=lambda key: None):
    """Return {variant key: canonical key} for the folded names in ``counts`` (key ->
    times met) that are misspellings of a more frequent one.

    ``partners`` maps a key to the set of its portrayal partners as (scope, key)
    pairs: two spellings with partners in one scope (a work) must share a partner,
    while an actor's partners in two different works say nothing. ``kind_of`` keeps
    apart keys of different kinds (an actor's name is never a character's).
    Names are taken most frequent first, so the canonical spelling is the most
    frequent one.

    >>> spelling_map({"tyrion": 9, "tyrian": 1}, {})
    {'tyrian': 'tyrion'}
    >>> spelling_map({"kora": 9, "kira": 1}, {})
    {}
    """
    canonicals = {}
    out = {}
    for key in sorted(counts, key=lambda k: (-counts[k], k)):
        bucket = canonicals.setdefault(_bucket(key, kind_of(key)), [])
        for canonical in bucket:
            kinds = slips(key, canonical)
            if kinds and _agrees(key, canonical, kinds, counts, partners):
                out[key] = canonical
                break
        else:
            bucket.append(key)
    return out
