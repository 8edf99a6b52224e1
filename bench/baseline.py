"""The baseline extractor the benchmarks compare canon with: spaCy's full English
pipeline and its plain statistical NER, plus the five portrayal forms and the
season mentions of canon's first extractor, matched over PERSON entities.

It is deliberately simple and frozen, so the figures beside it keep meaning the
same thing as canon's own rules change.
"""

import re

from graph.extract.reading.nlp import load_full_pipeline
from graph.model.numerals import NUMBER_WORD_PATTERN, number_from_word

SEASON = re.compile(rf"\b(?:season|series)\s+({NUMBER_WORD_PATTERN})\b", re.IGNORECASE)
PLAY_VERBS = {"play", "portray"}


def _fact(article, kind, fields, start, end, rule):
    quote = article.text[start:end]
    return {"kind": kind, **fields, "source": {"doc": article.doc, "start": start, "end": end,
                                               "quote": quote}, "confidence": 0.5, "rule": rule}


def _pairs(doc):
    """Yield (actor, character, start, end, rule) from PERSON entities and the words
    between them."""
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    for left, right in zip(people, people[1:], strict=False):
        between = doc[left.end:right.start]
        words = [t.lower_ for t in between]
        span = (left.start_char, right.end_char)
        if words == ["("] and right.end < len(doc) and doc[right.end].text == ")":
            yield right.text, left.text, span[0], span[1] + 1, "baseline.parenthesis"
        elif words in (["'s"], ["’s"]):
            yield left.text, right.text, *span, "baseline.possessive"
        elif not words and left.text.endswith(("'s", "’s")):
            # spaCy's NER often takes the possessive into the PERSON entity.
            yield left.text[:-2], right.text, *span, "baseline.possessive"
        elif words == ["as"]:
            yield left.text, right.text, *span, "baseline.as"
        elif len(between) == 1 and between[0].lemma_ in PLAY_VERBS:
            yield left.text, right.text, *span, "baseline.plays"
        elif words[:1] == [","] and words[1:3] in (["played", "by"], ["portrayed", "by"]):
            yield right.text, left.text, *span, "baseline.played_by"


def extract(articles):
    """Return one list of FACTS dicts per article."""
    nlp = load_full_pipeline()
    out = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        facts = [_fact(article, "portrayal", {"actor": a, "character": c, "work": article.work},
                       s, e, rule) for a, c, s, e, rule in _pairs(doc)]
        if article.work:
            for m in SEASON.finditer(article.text):
                number = number_from_word(m.group(1))
                if number:
                    facts.append(_fact(article, "season", {"work": article.work,
                                                           "season": number},
                                       m.start(), m.end(), "baseline.season"))
        out.append(facts)
    return out
