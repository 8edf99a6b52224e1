"""Odd and oversized input: processed without a crash, offsets still exact.

Time proportional to length is measured in bench/robustness.py (timings are
never asserted in tests); here the long inputs must simply come through whole.
"""

import pytest

from graph.extract.pipeline import extract_article
from graph.extract.reading.chunks import CHUNK_CHARS, chunks, cut_points
from graph.sources import Article

PROSE = ("Captain Mara Quill (Ines Vidal) runs the lifeboat crew. Tomas Reed, played by "
         "Owen Pike, keeps the lighthouse in season 2 of Harbour Lights.\n\n")


def _article(text):
    return Article(doc="odd.txt", path="odd.txt", format="txt", text=text, body_start=0,
                   content_hash="0" * 64, work="Harbour Lights")


def _check_quotes(text, facts):
    for fact in facts:
        assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.quote


@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    "!!!??? ... ((( ))) '' \"\" --- ***",
    "Tennantâ€™s Kilgrave returns â€” Ã©pisode deux.",
    "Kil\u200bgrave (David\u200d Tennant) and Jessica\ufeff Jones \u200e\u200f.",
    "\u05e7\u05d9\u05dc\u05d2\u05e8\u05d9\u05d9\u05d1 \u0645\u0633\u0644\u0633\u0644 Mara Quill "
    "(Ines Vidal) \u202eevil\u202c.",
    "\U0001F600 Mara Quill (Ines Vidal) \U0001F3AC season \u2163",
    "(" * 5000 + "Mara Quill (Ines Vidal)" + ")" * 5000,
])
def test_odd_text_gives_facts_or_nothing_but_never_crashes(text):
    """Mojibake, zero-width and bidi marks, emoji, deep brackets: no crash, exact quotes."""
    _check_quotes(text, extract_article(_article(text)))


def test_a_single_100_kb_line_is_read_whole():
    """One 100 KB line with no paragraph break still yields facts from its far end."""
    line = PROSE.replace("\n", " ") * (100_000 // len(PROSE) + 1)
    text = line[:100_000].rsplit(" ", 1)[0] + " Ruth Kane (Joy Adebayo) closes it."
    facts = extract_article(_article(text))
    _check_quotes(text, facts)
    assert any(f.claim.fields().get("actor") == "Joy Adebayo" for f in facts)


def test_an_article_of_several_chunks_is_read_whole():
    """Prose of four chunks goes through, and a fact at its very end is found.

    bench/robustness.py does the same at 0.1, 0.5, 1 and 5 MB and prints the time
    (about 65 s per MB with the parser on this machine: 1 MB here took minutes of the
    suite)."""
    text = PROSE * (4 * CHUNK_CHARS // len(PROSE) + 1) + "Lena Ferris plays Ada Marsh."
    assert len(text) > 4 * CHUNK_CHARS
    facts = extract_article(_article(text))
    _check_quotes(text, facts)
    ends = [f for f in facts if f.claim.fields().get("actor") == "Lena Ferris"]
    assert ends and ends[0].evidence.start > len(text) - 40


def test_chunks_rebuild_the_text_and_respect_the_limit():
    """Pieces join back into the text; none is longer than the limit."""
    text = (PROSE * 2000)[:300_000] + "x" * (CHUNK_CHARS * 2)
    pieces = chunks(text)
    assert "".join(pieces) == text
    assert max(map(len, pieces)) <= CHUNK_CHARS
    points = cut_points(text)
    assert points[0] == 0 and points[-1] == len(text) and points == sorted(points)
