"""Benchmark: extraction time against article length, to show it is linear.

    .venv/bin/python bench/robustness.py

Times the extractor on prose of 0.1, 0.5, 1 and 5 MB and on one long line with no
breaks, and prints seconds per MB for each: near-constant figures mean time
proportional to length. Each text ends with one more sentence naming an actor; the
line says whether its fact was found, proving the whole text was read (the tests do
the same at a few chunks' length; at 1 MB the test took minutes of the suite).
"""

import sys
import time
from pathlib import Path

END = "Lena Ferris plays Ada Marsh."
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.extract.pipeline import extract_article  # noqa: E402
from graph.sources import Article  # noqa: E402

PROSE = ("Captain Mara Quill (Ines Vidal) runs the lifeboat crew. Tomas Reed, played by "
         "Owen Pike, keeps the lighthouse in season 2 of Harbour Lights. He is killed by "
         "a storm in the season 2 finale, and returns as a ghost in season 3.\n\n")


def _seconds(text):
    """Return (seconds the extractor took on ``text``, whether it found the fact of
    the sentence END at the text's very end)."""
    article = Article(doc="big.txt", path="big.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64, work="Harbour Lights")
    start = time.perf_counter()
    facts = extract_article(article)
    seconds = time.perf_counter() - start
    found = any(f.claim.fields().get("actor") == "Lena Ferris"
                and f.evidence.start >= len(text) - len(END) for f in facts)
    return seconds, found


def main():
    """Print seconds per MB for each size; return nothing."""
    _seconds(PROSE)
    base = None
    for label, size, text in (
        [("prose", mb, PROSE * int(mb * 1e6 / len(PROSE)) + END) for mb in (0.1, 0.5, 1, 5)]
        + [("one line", 1, (PROSE.replace("\n", " ") * int(1e6 / len(PROSE))) + END)]
    ):
        seconds, found = _seconds(text)
        per_mb = seconds / (len(text) / 1e6)
        base = base or per_mb
        print(f"{label:<9}{size:5} MB  {seconds:7.2f} s  {per_mb:6.2f} s/MB  "
              f"ratio to 0.1 MB: {per_mb / base:.2f}  fact at the end found: "
              f"{'yes' if found else 'NO'}")


if __name__ == "__main__":
    main()
