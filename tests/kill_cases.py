"""What the kill and concurrency tests share: made-up articles written from
templates, a ``canon`` process killed at a seeded moment of its writing, and the
store read back graph by graph.

The articles are short (three sentences from five templates, names made of random
syllables), so that a few hundred extract in seconds, yet every one gives the
extractor facts (portrayals, seasons, deaths).
"""

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict

import pyoxigraph as ox

from graph.model.facts import fact_from_json
from graph.rdf import terms as t
from graph.rdf.mapping import article_quads
from graph.sources import read_article

SYLLABLES = ["ka", "ren", "do", "mi", "tas", "vel", "or", "bri", "san", "lu", "mar", "te",
             "quo", "zin", "ha", "pel", "ro", "dun", "ise", "gal"]
TEMPLATES = [
    "{c1} ({a1}) runs the {thing}, while {c2}, played by {a2}, keeps the {place}.",
    "Newcomer {a1} plays {c1}, the town's new {job}.",
    "{a2} returns as {c2} in season {s}.",
    "In season {s}, {c1} is killed by {c2} in the finale.",
    "{c2}, played by {a2}, is drowned by {c1} in the season {s} finale.",
]
STAGING = "/staging"


def _name(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _person(rng):
    return f"{_name(rng)} {_name(rng)}"


def write_articles(folder, count, seed):
    """Write ``count`` made-up articles into ``folder`` (same seed, same bytes) and
    return their paths, sorted."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        work = f"{_name(rng)} {rng.choice(['Bay', 'Street', 'Lights', 'Hill', 'Road'])}"
        season = rng.randint(1, 6)
        words = {"c1": _person(rng), "c2": _person(rng), "a1": _person(rng),
                 "a2": _person(rng), "s": season,
                 "thing": rng.choice(["lifeboat crew", "bakery", "ferry"]),
                 "place": rng.choice(["lighthouse", "inn", "harbour"]),
                 "job": rng.choice(["doctor", "sheriff", "teacher"])}
        body = " ".join(template.format(**words) for template in rng.sample(TEMPLATES, 3))
        path = folder / f"article-{number:04d}.md"
        path.write_text(f"---\ntitle: {work} season {season}\nwork: {work}\n"
                        f"season: {season}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def facts_by_doc(jsonl):
    """Return {doc: [Fact]} of a FACTS JSON Lines file, in file order."""
    found = defaultdict(list)
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        fact = fact_from_json(json.loads(line))
        found[fact.evidence.doc].append(fact)
    return dict(found)


def article_graph(path, facts):
    """Return (graph IRI, frozenset of N-Quads lines) that ingesting the article at
    ``path`` with ``facts`` writes."""
    article = read_article(path)
    # Through a store, which writes literals in their canonical form ("0.85").
    store = ox.Store()
    store.extend(article_quads(article, facts))
    return t.graph_iri(article.doc), frozenset(str(q) for q in store)


def graphs_of(path):
    """Return {graph IRI: frozenset of N-Quads lines} of the on-disk store at
    ``path``, opened read-only (as a reader beside a writer would)."""
    store = ox.Store.read_only(str(path))
    graphs = defaultdict(set)
    for quad in store:
        graphs[quad.graph_name.value].add(str(quad))
    del store
    return {graph: frozenset(quads) for graph, quads in graphs.items()}


def sorted_nquads(graphs):
    """Return the sorted N-Quads lines of {graph: quads lines}."""
    return sorted(line for quads in graphs.values() for line in quads)


def canon_process(*args, env=None):
    """Return a started ``canon`` process (python -m graph) with the given arguments."""
    return subprocess.Popen([sys.executable, "-m", "graph", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})


def _graph_count(path):
    try:
        store = ox.Store.read_only(str(path))
    except (OSError, RuntimeError):
        # A read-only opening can race the writer deleting files it merged (RocksDB
        # says "Corruption: ... No such file"): look again.
        return None
    count = sum(1 for _ in store.named_graphs())
    del store
    return count


def kill_while_writing(process, path, delay, before):
    """SIGKILL ``process`` ``delay`` seconds after it is seen writing the store at
    ``path`` (its named graphs, staging ones included, no longer ``before`` in
    number). Return (killed, seconds from its start to the first write seen, or
    None); a process that ends first is not killed (its output is read)."""
    started = time.monotonic()
    writing = None
    while process.poll() is None:
        count = _graph_count(path)
        if count is not None and count != before:
            writing = time.monotonic() - started
            break
        time.sleep(0.01)
    if writing is not None:
        time.sleep(delay)
    killed = process.poll() is None
    if killed:
        process.send_signal(signal.SIGKILL)
    process.communicate()
    return killed, writing


def check_whole(graphs, allowed):
    """Return the graphs of ``graphs`` that are neither staging graphs nor one of
    the versions ``allowed[graph]`` (a tuple of frozensets) lists: a partial
    article, or one nobody wrote. Empty when every article is whole."""
    return sorted(graph for graph, quads in graphs.items()
                  if not graph.endswith(STAGING) and quads not in allowed.get(graph, ()))
