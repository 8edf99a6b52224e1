"""Benchmark: the questions about one character on a store that is already built, beside
raw pyoxigraph in the same run. For sizes where bench/scale.py would spend an hour
importing and exporting (1M claims), build the store once with pyoxigraph's
``bulk_load`` of bench/synth.py's N-Quads (the quads canon writes), merged after as
canon merges what its bulk writes leave (unmerged, reads are up to 7x slower), and
ask here:

    .venv/bin/python bench/synth.py --claims 1000000 -o big.jsonl --nquads big.nq > big.json
    .venv/bin/python -c "import pyoxigraph as ox; s = ox.Store('big'); \
s.bulk_load(path='big.nq', format=ox.RdfFormat.N_QUADS); s.optimize()"
    .venv/bin/python bench/reads.py big big.json

Prints, for five sampled characters: ``canon status``/``timeline``/``who-plays`` as
cold CLI processes (median, peak RSS), the same as library calls with the store open
(first, median, p95), one raw SPARQL query for the character's events (warm), and the
character page through Flask's test client (first and warm); then the other web
reads: the graph JSON around each character and its expansion, the graph JSON with
no focus, the home page, search and suggestions for each character's first name,
the home page cut at each sample's S2E3, a suggestion for a misspelt name, and
the page of five articles (first and warm each). ``--web`` prints the web figures
alone; ``--continuity`` adds the continuity page (its first request runs every
check over the store: minutes at 100k claims, more at 1M):

    .venv/bin/python bench/reads.py big big.json --web
    .venv/bin/python bench/reads.py big big.json --web --continuity
"""

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.continuity.casting import who_plays  # noqa: E402
from graph.continuity.scope import story_about  # noqa: E402
from graph.continuity.status import status_at  # noqa: E402
from graph.continuity.timeline import timeline  # noqa: E402
from graph.rdf.terms import CANON, entity_iri, slug  # noqa: E402
from graph.store import open_store  # noqa: E402

CANON_CLI = str(Path(sys.executable).parent / "canon")
QUESTIONS = ("status", "timeline", "who-plays")
RAW_EVENTS = f"""PREFIX canon: <{CANON}>
SELECT ?c ?event ?season ?episode WHERE {{ ?e canon:character ?c ; canon:eventType ?event .
  OPTIONAL {{ ?e canon:season ?season }} OPTIONAL {{ ?e canon:episode ?episode }} }}"""


def _cold(store, question, character, at):
    """Return (seconds, peak RSS in MB) of one canon command in a new process."""
    args = [question, character, *(["--at", at] if question == "status" else [])]
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", CANON_CLI, *args, "--store", store],
                          capture_output=True, text=True, check=True)
    return time.perf_counter() - start, int(done.stderr.strip().splitlines()[-1]) // 1024


def _ask(db, question, character, at):
    """Answer one question in-process, reading its Story as the CLI does."""
    if question == "status":
        return status_at(story_about(db, characters=[character], times=[at]), character, at)
    if question == "timeline":
        return timeline(story_about(db, characters=[character]), character)
    return who_plays(story_about(db, characters=[character]), character)


def _ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def _timed(client, urls, label):
    """Print the median and max of getting each URL once, first and then warm."""
    for when in ("first", "warm"):
        times = []
        for url in urls:
            start = time.perf_counter()
            status = client.get(url).status_code
            times.append(time.perf_counter() - start)
            assert status == 200, (url, status)
        print(f"{label}, {when}: median {_ms(statistics.median(times))}  max {_ms(max(times))}")


def raw(db, sample):
    """Print the baseline: raw pyoxigraph answering one query about each character."""
    times = []
    for _round in range(3):
        for character, _at in sample:
            start = time.perf_counter()
            list(db.backend.store.query(
                RAW_EVENTS, use_default_graph_as_union=True,
                substitutions={ox.Variable("c"): ox.NamedNode(entity_iri("character",
                                                                         character))}))
            times.append(time.perf_counter() - start)
    print(f"raw pyoxigraph, the character's events in one query: median "
          f"{_ms(statistics.median(times))}")


def _typo(name):
    """Return a name with its last letter doubled and its first word lower-cased."""
    return name.lower() + name[-1]


def web(db, sample, continuity=False):
    """Print the web figures: the character page, its graph JSON and expansion, the
    graph with no focus, home (without and with a spoiler cut), search, suggestions
    and article pages, and with ``continuity`` the continuity page (its first request
    runs every check over the store)."""
    from webviz.app import create_app

    client = create_app(db, config={"TESTING": True}).test_client()
    characters = [character for character, _at in sample]
    _timed(client, [f"/character/{slug(c)}" for c in characters], "character page")
    _timed(client, [f"/api/graph?focus=character/{slug(c)}" for c in characters],
           "graph JSON around the character")
    _timed(client, [f"/api/graph/expand?node=character/{slug(c)}" for c in characters],
           "graph JSON expanding the character")
    _timed(client, ["/api/graph"], "graph JSON, no focus (a count over the latest articles)")
    _timed(client, ["/"], "home page")
    _timed(client, [f"/?until={quote(at)}" for _c, at in sample], "home page, cut at S2E3")
    _timed(client, [f"/api/search?q={c.split()[0]}" for c in characters], "search")
    _timed(client, [f"/api/suggest?q={c[:4]}" for c in characters], "suggest")
    _timed(client, [f"/api/suggest?q={quote(_typo(c))}" for c in characters],
           "suggest, a typo (near names scored)")
    docs = [doc for doc, _title, _published in db.article_index()[:5]]
    _timed(client, [f"/api/article/{doc}" for doc in docs], "article page")
    if continuity:
        _timed(client, ["/api/continuity"], "continuity page")


def main(store, summary, web_only=False, continuity=False):
    """Print the figures for the store at ``store`` and bench/synth.py's ``summary``
    (the web figures alone when ``web_only``; the continuity page's too with
    ``continuity``)."""
    sample = [(s["character"], f"{s['work']} S2E3")
              for s in json.loads(Path(summary).read_text())["sample"][:5]]
    if web_only:
        with open_store(store, read_only=True) as db:
            raw(db, sample)
            web(db, sample, continuity)
        return
    for question in QUESTIONS:
        runs = [_cold(store, question, c, at) for c, at in sample]
        print(f"cold CLI {question:10} median {statistics.median(r[0] for r in runs):.2f} s"
              f"  max {max(r[0] for r in runs):.2f} s  peak RSS {max(r[1] for r in runs)} MB")
    with open_store(store, read_only=True) as db:
        for question in QUESTIONS:
            times = []
            for _round in range(3):
                for character, at in sample:
                    start = time.perf_counter()
                    _ask(db, question, character, at)
                    times.append(time.perf_counter() - start)
            p95 = sorted(times)[int(len(times) * .95) - 1]
            print(f"library {question:10} first {_ms(times[0])}  median "
                  f"{_ms(statistics.median(times))}  p95 {_ms(p95)}")
        raw(db, sample)
        web(db, sample, continuity)


if __name__ == "__main__":
    main(*sys.argv[1:3], web_only="--web" in sys.argv[3:],
         continuity="--continuity" in sys.argv[3:])
