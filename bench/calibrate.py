"""Calibrate the extractor's confidence on the dev data, and check the calibration.

    .venv/bin/python bench/calibrate.py [--write]

Extracts the seed article, the Game of Thrones synopses and the dev half of the
news articles (even-numbered files; the odd half stays held out) of ../shared, scores
every fact against the gold with ../shared/eval/score.py (only kinds the gold
covers in that set count: GoT has no crew gold, so crew facts there are not
judged), and per rule counts facts made and facts right. Calibration is fitted on
the even-numbered articles and checked on the odd ones: the printed reliability
table shows, per confidence band, the share of held-out facts that were right.
With --write, the table fitted on all the articles goes to
graph/extract/evidence/confidence.json, which the pipeline reads.
"""

import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.extract.evidence.confidence import TABLE  # noqa: E402
from graph.extract.pipeline import extract_articles  # noqa: E402
from graph.sources import find_articles, read_article  # noqa: E402

SHARED = ROOT.parent / "shared"
NEWS = SHARED / "realdata" / "news"
# (folder of articles, gold, which files: None for all, else the remainder of the
# number in their name divided by two; the odd news files are never calibrated on)
SETS = [
    (SHARED / "eval" / "seed", SHARED / "eval" / "seed" / "gold.jsonl", None),
    (SHARED / "realdata" / "got" / "articles", SHARED / "realdata" / "got" / "gold.jsonl", None),
    (NEWS / "articles", NEWS / "gold.jsonl", 0),
]
BANDS = (0.0, 0.5, 0.7, 0.85, 1.01)


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _in_half(name, half):
    """Return True when a file name belongs to a half (None: every file)."""
    if half is None:
        return True
    number = re.search(r"\d+", name)
    return number is not None and int(number.group()) % 2 == half


def judged_facts():
    """Return [(doc, rule, confidence, right)] for every judged fact of the dev data."""
    score = _scorer()
    out = []
    for folder, gold_path, half in SETS:
        paths = [p for p in find_articles([folder]) if _in_half(p.name, half)]
        names = {p.name for p in paths}
        gold = [g for g in score.load(gold_path) if g["doc"] in names]
        kinds = {g["kind"] for g in gold}
        articles = [read_article(p) for p in paths]
        preds = [f.to_json() for facts in extract_articles(articles) for f in facts]
        preds = [p for p in preds if p["kind"] in kinds]
        _, _, extras = score.score(gold, preds)
        wrong = {id(p) for p in extras}
        seen = set()
        for p in preds:
            key = (p["source"]["doc"], p["kind"], score.pred_key(p, p["kind"]))
            if key in seen:
                continue
            seen.add(key)
            out.append((p["source"]["doc"], p.get("rule"), p["confidence"], id(p) not in wrong))
    return out


def fit(rows):
    """Return {rule: {made, right, confidence}} from judged rows."""
    counts = defaultdict(lambda: [0, 0])
    for _, rule, _, right in rows:
        counts[rule][0] += 1
        counts[rule][1] += right
    return {rule: {"made": made, "right": right, "confidence": round((right + 1) / (made + 2), 3)}
            for rule, (made, right) in sorted(counts.items())}


def reliability(rows, fitted):
    """Print, per band of calibrated confidence, how many held-out facts were right."""
    bands = defaultdict(lambda: [0, 0])
    for _, rule, conf, right in rows:
        value = fitted.get(rule, {}).get("confidence", conf)
        band = next(lo for lo, hi in zip(BANDS, BANDS[1:], strict=False) if lo <= value < hi)
        bands[band][0] += 1
        bands[band][1] += right
    print("confidence band   held-out facts   right")
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        made, right = bands.get(lo, (0, 0))
        share = f"{right / made:.2f}" if made else "   -"
        print(f"  [{lo:.2f}, {min(hi, 1):.2f})   {made:14}   {share}")


def main(write):
    """Fit, check and (with ``write``) save the calibration; return nothing."""
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: no gold to calibrate against")
        return
    rows = judged_facts()
    docs = sorted({doc for doc, *_ in rows})
    even = {d for i, d in enumerate(docs) if i % 2 == 0}
    fitted = fit([r for r in rows if r[0] in even])
    reliability([r for r in rows if r[0] not in even], fitted)
    full = fit(rows)
    print("\nrule                          made  right  confidence")
    for rule, row in full.items():
        print(f"  {rule:<28}{row['made']:5}  {row['right']:5}  {row['confidence']:10.3f}")
    if write:
        TABLE.write_text(json.dumps(full, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nwrote {TABLE.relative_to(ROOT)}")


if __name__ == "__main__":
    main("--write" in sys.argv[1:])
