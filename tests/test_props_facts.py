"""Property: a fact of any kind, with hostile names, quotes and article names, comes
back equal from its FACTS JSON line (graph/model/facts.py), and a file of such
lines reads back, article by article, as the facts written (graph/facts_lines.py)."""

import json
import tempfile
from pathlib import Path

import pytest
from fact_strategies import articles
from hypothesis import given

from graph.errors import FormatError
from graph.facts_lines import index_facts
from graph.model.facts import fact_from_json


def _line(fact):
    """The line ``canon extract`` prints for a fact."""
    return json.dumps(fact.to_json(), ensure_ascii=False)


@given(articles())
def test_every_fact_comes_back_from_its_json_line(found):
    """fact_from_json(json.loads(line)) == fact, for each kind and every field."""
    for _article, facts in found:
        for fact in facts:
            assert fact_from_json(json.loads(_line(fact))) == fact


@given(articles())
def test_a_facts_file_reads_back_as_the_facts_of_each_article(found):
    """A JSON Lines file of several articles, as ``canon extract`` writes it (UTF-8,
    not ASCII-escaped), indexes to the same articles and facts, in file order; a
    file of no facts is refused."""
    written = [fact for _article, facts in found for fact in facts]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "facts.jsonl"
        path.write_text("".join(_line(f) + "\n" for f in written), encoding="utf-8")
        if not written:
            with pytest.raises(FormatError, match="no facts in the file"):
                index_facts(path)
            return
        read = [(article.doc, facts) for article, facts in index_facts(path).articles()]
    assert read == [(article.doc, facts) for article, facts in found if facts]
