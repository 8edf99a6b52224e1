"""SIGKILL in the middle of a write: ``canon ingest``, ``canon import`` and ``canon
forget`` killed at seeded random moments after they start writing an on-disk store
in small batches (``--batch-quads``), and ``oxigraph serve`` killed under an import.

After each kill the store opens, and every article graph in it is one whole
version of that article (the one before or the one the command writes, never a
part); the next run completes and gives exactly the sorted N-Quads of an
uninterrupted run. Kills here: 2 of ingest, 8 of import (4 through the bulk
loader, 4 through transactions and staging graphs), up to 3 of forget (a run that
ends before its kill stops the loop), 1 of the server.
"""

import json
import random
import shutil
import signal
import subprocess
import time

import pytest
from kill_cases import (
    article_graph,
    canon_process,
    check_whole,
    facts_by_doc,
    graphs_of,
    kill_while_writing,
    sorted_nquads,
    write_articles,
)
from sparql_server import OxigraphServer

from graph.exchange import import_file
from graph.rdf import terms as t
from graph.sources import read_article
from graph.store import open_store

ARTICLES = 150
SEED = 20261203


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """(article paths, FACTS JSON Lines of them by ``canon extract``, {doc: facts})."""
    folder = tmp_path_factory.mktemp("kills")
    paths = write_articles(folder / "articles", ARTICLES, SEED)
    extracted = canon_process("extract", folder / "articles")
    out, err = extracted.communicate(timeout=300)
    assert extracted.returncode == 0, err
    jsonl = folder / "facts.jsonl"
    jsonl.write_text(out, encoding="utf-8")
    by_doc = facts_by_doc(jsonl)
    assert sorted(by_doc) == [p.name for p in paths], "every article gives facts"
    return paths, jsonl, by_doc


def _reopen(path):
    """Open the store for writing, as the next command does (dropping staging graphs
    a kill left), and close it; return its graphs."""
    with open_store(path, create=False):
        pass
    return graphs_of(path)


def _kill_runs(args, path, kills, allowed, rng, window):
    """Run ``canon ARGS`` on the store at ``path`` until it has been killed ``kills``
    times, each ``U(0, window)`` seconds after it starts writing, each run taking up
    what the last one left; after each kill check every article graph against
    ``allowed``. A run that ends before its kill starts again from the store as it
    was at first. Return the kill records."""
    start = path.with_name(path.name + "-start")
    shutil.copytree(path, start)
    records, runs = [], 0
    while len(records) < kills:
        runs += 1
        assert runs <= 3 * kills, f"only {len(records)} of {runs} runs were killed"
        before = len(_reopen(path))
        process = canon_process(*args)
        killed, writing = kill_while_writing(process, path, rng.uniform(0, window), before)
        if not killed:
            assert process.returncode == 0
            shutil.rmtree(path)
            shutil.copytree(start, path)
            continue
        graphs = graphs_of(path)
        assert check_whole(graphs, allowed) == [], "a kill left a partial article"
        records.append({"written": writing is not None,
                        "staging": any(g.endswith("/staging") for g in graphs),
                        "graphs": len(_reopen(path))})
    print(f"{args[0]}: {len(records)} kills in {runs} runs; articles after each: "
          f"{[r['graphs'] for r in records]} of {len(allowed)}; staging graphs left by "
          f"{sum(r['staging'] for r in records)}")
    return records


def _finish(args, path):
    process = canon_process(*args)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return graphs_of(path)


def test_kills_of_ingest_leave_whole_articles_and_a_rerun_completes(corpus, tmp_path):
    paths, _, by_doc = corpus
    new = dict(article_graph(path, by_doc[path.name]) for path in paths)
    # The store before: every third article in an older version (its text with a
    # line more), to be replaced; the others are added.
    old_folder = tmp_path / "old"
    old_folder.mkdir()
    old = {}
    with open_store(tmp_path / "store") as store:
        for path in paths[::3]:
            copy = old_folder / path.name
            copy.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
            graph, quads = article_graph(copy, by_doc[path.name])
            old[graph] = quads
            store.ingest([(read_article(copy), by_doc[path.name])])
    allowed = {graph: (quads, old[graph]) if graph in old else (quads,)
               for graph, quads in new.items()}
    args = ("ingest", paths[0].parent, "--batch-quads", "100", "--store", tmp_path / "store")
    records = _kill_runs(args, tmp_path / "store", 2, allowed, random.Random(SEED), 0.5)
    assert all(r["written"] for r in records)
    final = _finish(args, tmp_path / "store")
    assert sorted_nquads(final) == sorted_nquads(new)


def _import_case(corpus, tmp_path, start_with_old, batch, kills, seed):
    """Kill ``canon import --batch-quads BATCH`` of the corpus's FACTS ``kills``
    times, into an empty store or (``start_with_old``) one holding older versions
    of two articles in three; return the kill records."""
    _, jsonl, by_doc = corpus
    with open_store("memory:") as reference:
        import_file(reference, jsonl, validate=False)
        new = graphs_of_store(reference)
    old = {}
    store = tmp_path / "store"
    if start_with_old:
        # The store before: two articles in three, each without its last fact.
        older = tmp_path / "older.jsonl"
        kept_docs = set(sorted(by_doc)[: len(by_doc) * 2 // 3])
        keep, seen = [], {}
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)["source"]["doc"]
            seen[doc] = seen.get(doc, 0) + 1
            if doc in kept_docs and seen[doc] < len(by_doc[doc]):
                keep.append(line)
        older.write_text("\n".join(keep) + "\n", encoding="utf-8")
        with open_store(store) as writer:
            import_file(writer, older, validate=False)
        old = graphs_of(store)
    else:
        open_store(store).close()
    allowed = {graph: (quads, old[graph]) if graph in old else (quads,)
               for graph, quads in new.items()}
    # An uninterrupted run of the same import, on a copy.
    copy = tmp_path / "uninterrupted"
    shutil.copytree(store, copy)
    args = ("import", "--no-validate", "--batch-quads", batch, jsonl)
    uninterrupted = _finish((*args, "--store", copy), copy)
    assert sorted_nquads(uninterrupted) == sorted_nquads({**old, **new})
    records = _kill_runs((*args, "--store", store), store, kills, allowed,
                         random.Random(seed), 1.0)
    final = _finish((*args, "--store", store), store)
    assert sorted_nquads(final) == sorted_nquads(uninterrupted)
    return records


def graphs_of_store(store):
    """Return {graph IRI: frozenset of N-Quads lines} of an open Store."""
    graphs = {}
    for quad in store.quads():
        graphs.setdefault(quad.graph_name.value, set()).add(str(quad))
    return {graph: frozenset(quads) for graph, quads in graphs.items()}


def test_kills_of_import_through_the_bulk_loader(corpus, tmp_path):
    records = _import_case(corpus, tmp_path, False, 10_000, 4, SEED + 1)
    assert all(r["written"] for r in records)


def test_kills_of_import_replacing_articles_in_small_batches(corpus, tmp_path):
    records = _import_case(corpus, tmp_path, True, 1000, 4, SEED + 2)
    assert all(r["written"] for r in records)


def test_kills_of_forget_leave_the_article_whole_or_gone(corpus, tmp_path):
    _, jsonl, by_doc = corpus
    store = tmp_path / "store"
    with open_store(store) as writer:
        import_file(writer, jsonl, validate=False)
    before = graphs_of(store)
    doc = sorted(by_doc)[7]
    gone = t.graph_iri(doc)
    after = {graph: quads for graph, quads in before.items() if graph != gone}
    rng = random.Random(SEED + 3)
    kills = 0
    for _ in range(3):
        process = canon_process("forget", doc, "--store", store)
        # forget writes once, at its end: killed at a random moment of its life.
        killed = _kill_after(process, rng.uniform(0.2, 1.5))
        graphs = graphs_of(store)
        assert graphs in (before, after)
        if not killed:
            break
        kills += 1
    print(f"forget: {kills} kills, the article {'gone' if graphs == after else 'whole'} "
          "after the last")
    final = _finish(("forget", doc, "--store", store), store) if gone in graphs_of(store) \
        else graphs_of(store)
    assert sorted_nquads(final) == sorted_nquads(after)


def _kill_after(process, seconds):
    """SIGKILL ``process`` after ``seconds`` unless it ends first; return whether it
    was killed."""
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.communicate()
        return True
    process.communicate()
    return False


def test_a_killed_server_is_one_line_and_a_rerun_after_restarting_it_completes(
        corpus, tmp_path):
    _, jsonl, _ = corpus
    folder = tmp_path / "oxigraph"
    with open_store("memory:") as reference:
        import_file(reference, jsonl, validate=False)
        expected = graphs_of_store(reference)
    args = ("import", "--no-validate", "--batch-quads", "500", jsonl)
    with OxigraphServer(folder) as server:
        process = canon_process(*args, "--store", server.url)
        # Killed once the import has written part of its batches.
        while len(_server_graphs(server.url)) < 20:
            assert process.poll() is None, "the import ended before the server was killed"
            time.sleep(0.05)
        server.process.send_signal(signal.SIGKILL)
        _, err = process.communicate(timeout=120)
    assert process.returncode == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and server.url in lines[0], err
    with OxigraphServer(folder) as server:
        graphs = _server_graphs(server.url)
        assert 20 <= len(graphs) < len(expected)
        assert check_whole(graphs, {g: (q,) for g, q in expected.items()}) == []
        rerun = canon_process(*args, "--store", server.url)
        _, err = rerun.communicate(timeout=300)
        assert rerun.returncode == 0, err
        assert _server_graphs(server.url) == expected


def _server_graphs(url):
    with open_store(url, read_only=True) as store:
        return graphs_of_store(store)
