"""Benchmark: the share of questions ``canon ask`` answers right, and what a question
costs beside a bare spaCy parse of it, measured in the same run.

    .venv/bin/python bench/ask_share.py [--no-demo] [--no-got]

Three sets, each asked of a temporary on-disk store through ``answer_from_store``:

- the test set (tests/ask_questions.py) over the made-up shows' facts;
- a handful of questions written about the demo articles (data/articles and
  data/franchises, extracted and ingested here), their expected answers taken from
  the articles' own text, not from canon's answers, and no rule written for them;
- the same for the Game of Thrones synopses in ../shared/realdata/got, when present
  (evaluation data: skipped, saying so, when absent).

A question is right when it is read as its intent and the answer's text holds every
expected piece (case-insensitive). Each wrong answer is printed with what it said.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from ask_questions import FACT_FILES, QUESTIONS, right  # noqa: E402

from graph.continuity.ask_store import answer_from_store  # noqa: E402
from graph.continuity.question import parse  # noqa: E402
from graph.exchange import import_file  # noqa: E402
from graph.extract.pipeline import extract_articles  # noqa: E402
from graph.extract.reading.nlp import load_pipeline  # noqa: E402
from graph.sources import find_articles, read_article  # noqa: E402
from graph.store import open_store  # noqa: E402

GOT = ROOT.parent / "shared" / "realdata" / "got" / "articles"

# Written from the demo articles' text (what a careful reader knows), before asking.
DEMO_QUESTIONS = [
    ("killer", "Who killed Kilgrave?", ["Jessica Jones"]),
    ("played", "What did David Tennant play?", ["Kilgrave"]),
    ("plays", "who played Darrin in Bewitched", ["Dick York", "Dick Sargent"]),
    ("plays", "Who played Becky Conner?", ["Lecy Goranson", "Sarah Chalke"]),
    ("plays", "who plays Matt Murdock", ["Charlie Cox"]),
    ("died-when", "When did Bobby Ewing die?", ["S8"]),
    ("comes-back", "How does Bobby Ewing come back?", ["S9"]),
    ("alive", "Is Buffy alive at the end of season 5?", ["dead"]),
    ("died-in", "Which characters died in Buffy the Vampire Slayer season 5?",
     ["Buffy Summers", "Joyce"]),
    ("killer", "who killed Kendra", ["Drusilla"]),
    ("died-when", "when did Joyce die", ["S5"]),
    ("crew", "Who created Bewitched?", ["Sol Saks"]),
    ("crew", "Who was the showrunner of Doctor Who?", ["Steven Moffat"]),
    ("back-from-dead", "Which characters came back from the dead?", ["Buffy", "Bobby Ewing"]),
    ("alive", "Is Kilgrave alive in Jessica Jones season 2?", ["dead"]),
    ("appears", "Which seasons is Kendra in?", ["S2"]),
]
# Written from the synopses' text, before asking.
GOT_QUESTIONS = [
    ("died-when", "When did Ned Stark die?", ["S1E9"]),
    ("died-when", "when did ned die", ["S1E9"]),
    ("alive", "Is Jon Snow alive at the end of season 4?", ["alive"]),
    ("killer", "Who killed Khal Drogo?", ["Daenerys"]),
    ("died-in", "Which characters died in Game of Thrones season 1?",
     ["Eddard", "Robert", "Drogo", "Viserys"]),
    ("happened", "What happened to Ned Stark?", ["death"]),
    ("killer", "Who killed Joffrey?", ["Joffrey"]),
    ("plays", "Who plays Lord Frey?", ["David Bradley"]),
    ("died-when", "When does Robb Stark die?", ["S3E9"]),
    ("back-from-dead", "which characters came back from the dead", ["Beric"]),
]


def _ingest(store, folders):
    articles = [read_article(path) for path in find_articles(folders)]
    store.ingest(zip(articles, extract_articles(articles), strict=True))


def _ask(store, cases, label):
    """Print the share of ``cases`` answered right and each wrong answer; return
    (right, asked, seconds per question)."""
    got, wrong = 0, []
    started = time.perf_counter()
    for case in cases:
        answer = answer_from_store(store, case[1])
        if right(answer, case):
            got += 1
        else:
            wrong.append((case, answer))
    seconds = (time.perf_counter() - started) / len(cases)
    print(f"{label}: {got}/{len(cases)} right ({got / len(cases):.0%}), "
          f"{seconds * 1000:.0f} ms a question")
    for (intent, question, pieces), answer in wrong:
        print(f"  wrong: {question!r} (want {intent}: {pieces}) -> [{answer.form}] "
              f"{answer.text[:200]}")
    return got, len(cases), seconds


def _parse_baseline(cases):
    """Return the seconds a bare parse of each question by canon's full pipeline
    takes (no cache), the baseline a question's cost is set beside."""
    nlp = load_pipeline()
    started = time.perf_counter()
    for case in cases:
        nlp(case[1] + " ")  # a text the question cache has not seen
    return (time.perf_counter() - started) / len(cases)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-demo", action="store_true", help="skip the demo articles")
    parser.add_argument("--no-got", action="store_true", help="skip the Game of Thrones set")
    args = parser.parse_args()
    parse.cache_clear()
    load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "fixture") as store:
            for path in FACT_FILES:
                import_file(store, path, "facts")
            _ask(store, QUESTIONS, "test set (made-up shows)")
        print(f"  baseline: a bare spaCy parse of a question, "
              f"{_parse_baseline(QUESTIONS) * 1000:.0f} ms")
        if not args.no_demo:
            with open_store(Path(tmp) / "demo") as store:
                _ingest(store, [ROOT / "data" / "articles", ROOT / "data" / "franchises"])
                _ask(store, DEMO_QUESTIONS, "demo articles")
        if args.no_got:
            return
        if not GOT.is_dir():
            print(f"Game of Thrones set skipped: {GOT} is absent")
            return
        with open_store(Path(tmp) / "got") as store:
            _ingest(store, [GOT])
            _ask(store, GOT_QUESTIONS, "Game of Thrones synopses")


if __name__ == "__main__":
    main()
