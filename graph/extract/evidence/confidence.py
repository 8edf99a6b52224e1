"""Calibrated confidence: each rule's measured precision on the dev data.

A rule sets a hand-made confidence when it makes a fact; where ``bench/calibrate.py``
has measured the rule on articles with gold facts (the seed article and the Game
of Thrones synopses in ../shared), that measurement replaces it: the confidence
of a fact is then the share of that rule's facts that were right, smoothed
towards one half for rules with few facts ((right + 1) / (made + 2)). The table
lives in ``confidence.json`` beside this module and is rewritten by the bench.
"""

import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).with_name("confidence.json")


@lru_cache(maxsize=1)
def table():
    """Return {rule name: calibrated confidence}, empty when nothing was measured."""
    if not TABLE.is_file():
        return {}
    return {rule: row["confidence"] for rule, row in json.loads(TABLE.read_text()).items()}


def calibrated(facts):
    """Return the facts with the confidence of every measured rule replaced by its
    measured precision."""
    known = table()
    out = []
    for fact in facts:
        value = known.get(fact.evidence.rule)
        if value is not None and value != fact.evidence.confidence:
            fact = replace(fact, evidence=replace(fact.evidence, confidence=value))
        out.append(fact)
    return out
