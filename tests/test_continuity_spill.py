"""Sorting past memory (``sorted_spilling``): the order ``sorted`` gives, stable,
whether every item fits in one run or the runs go to disk."""

import random

import pytest

from graph.continuity.spill import sorted_spilling


@pytest.mark.parametrize("limit", [1, 2, 7, 1_000, 10_000])
def test_spilled_runs_merge_into_the_order_sorted_gives(limit):
    rng = random.Random(limit)
    items = [(rng.randrange(50), index) for index in range(3_000)]
    spilled = list(sorted_spilling(iter(items), key=lambda item: item[0], limit=limit))
    assert spilled == sorted(items, key=lambda item: item[0])


def test_nothing_in_nothing_out():
    assert list(sorted_spilling(iter([]), key=str, limit=3)) == []
