"""Several processes on one store at once: two writers (the second gets one line,
or runs after the first; the store always holds one of the serial outcomes), and
readers (``canon facts``, ``canon stats``, ``canon serve`` pages) polling while a
writer adds articles in small batches, each article seen whole or not at all."""

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from kill_cases import canon_process, graphs_of, sorted_nquads
from sparql_server import OxigraphServer, free_port, wait_until_up

from graph.exchange import import_file
from graph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
FRANCHISE = ROOT / "tests" / "data" / "franchise"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A FACTS JSON Lines file of a made-up franchise (bench/synth.py, ~1,000 claims
    in ~25 articles), and the same split in two halves of whole articles."""
    folder = tmp_path_factory.mktemp("concurrent")
    path = folder / "franchise.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "--claims", "1000",
                    "--seed", "13", "-o", str(path)], check=True, capture_output=True)
    lines = path.read_text(encoding="utf-8").splitlines()
    docs = sorted({json.loads(line)["source"]["doc"] for line in lines})
    first = set(docs[: len(docs) // 2])
    halves = []
    for name, keep in (("a", lambda doc: doc in first), ("b", lambda doc: doc not in first)):
        half = folder / f"half-{name}.jsonl"
        half.write_text("".join(line + "\n" for line in lines
                                if keep(json.loads(line)["source"]["doc"])), encoding="utf-8")
        halves.append(half)
    return path, halves


def _alone(tmp_path, name, files):
    """Return the sorted N-Quads of importing ``files`` in turn into a new store."""
    with open_store(tmp_path / name) as store:
        for path in files:
            import_file(store, path, validate=False)
    return sorted_nquads(graphs_of(tmp_path / name))


def test_two_writers_at_once_one_gets_one_line_and_the_store_is_a_serial_outcome(
        synthetic, tmp_path):
    _, (a, b) = synthetic
    outcomes = {"a": _alone(tmp_path, "a", [a]), "b": _alone(tmp_path, "b", [b]),
                "ab": _alone(tmp_path, "ab", [a, b])}
    store = tmp_path / "store"
    seen = Counter()
    for _ in range(2):
        writers = {name: canon_process("import", "--no-validate", "--batch-quads", "1000",
                                       path, "--store", store)
                   for name, path in (("a", a), ("b", b))}
        done = {name: process.communicate(timeout=300) for name, process in writers.items()}
        codes = {name: writers[name].returncode for name in writers}
        for name, (_, err) in done.items():
            if codes[name]:
                assert codes[name] == 1
                assert err.strip().count("\n") == 0, err
                assert "is in use by another process" in err
        winners = "".join(name for name in "ab" if codes[name] == 0)
        assert winners, "one writer at least completes"
        seen[winners] += 1
        assert sorted_nquads(graphs_of(store)) == outcomes[winners]
        open_store(store).close()
        for path in sorted(store.iterdir()):
            if path.is_file():
                path.unlink()
    # Recorded for the README: how often the second writer was refused.
    print("two writers:", dict(seen))


def _facts_per_doc(output):
    return Counter(json.loads(line)["source"]["doc"] for line in output.splitlines())


def test_cli_readers_beside_a_writer_see_each_article_whole_or_absent(tmp_path):
    # A bigger franchise than ``synthetic`` (~2,000 claims in ~50 articles), so
    # that reads fall in the middle of its import.
    path = tmp_path / "franchise.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "--claims", "2000",
                    "--seed", "14", "-o", str(path)], check=True, capture_output=True)
    full = tmp_path / "full"
    with open_store(full) as store:
        import_file(store, path, validate=False)
    whole = _facts_per_doc(subprocess.run(
        [sys.executable, "-m", "graph", "facts", "--json", "--store", str(full)],
        capture_output=True, text=True, check=True).stdout)
    claims = {row["doc"]: row["claims"] for row in json.loads(subprocess.run(
        [sys.executable, "-m", "graph", "stats", "--articles", "--json", "--store", str(full)],
        capture_output=True, text=True, check=True).stdout)["article_list"]}
    store = tmp_path / "store"
    open_store(store).close()
    # Batches of about 100 quads: the import runs long enough for several reads.
    writer = canon_process("import", "--no-validate", "--batch-quads", "100", path,
                           "--store", store)
    reads, cli_reads, partial_views = 0, 0, 0
    while writer.poll() is None or cli_reads < 2:
        # Reads in this process (no CLI start-up) fall in the middle of the import
        # more often; every tenth read is also the CLI's.
        with open_store(store, create=False, read_only=True) as reader:
            listed = {row["doc"]: row["claims"] for row in reader.articles()}
        assert {doc: n for doc, n in listed.items() if n != claims[doc]} == {}
        partial_views += 0 < len(listed) < len(claims)
        reads += 1
        if reads % 10 and writer.poll() is None:
            continue
        facts = subprocess.run([sys.executable, "-m", "graph", "facts", "--json",
                                "--store", str(store)], capture_output=True, text=True)
        assert facts.returncode == 0, facts.stderr
        counts = _facts_per_doc(facts.stdout)
        assert {doc: n for doc, n in counts.items() if n != whole[doc]} == {}
        stats = subprocess.run([sys.executable, "-m", "graph", "stats", "--articles",
                                "--json", "--store", str(store)], capture_output=True,
                               text=True)
        assert stats.returncode == 0, stats.stderr
        listed = {row["doc"]: row["claims"]
                  for row in json.loads(stats.stdout).get("article_list", [])}
        assert {doc: n for doc, n in listed.items() if n != claims[doc]} == {}
        cli_reads += 1
        partial_views += 0 < len(counts) < len(whole)
    assert writer.wait() == 0
    print(f"readers: {reads} in process, {cli_reads} by the CLI, {partial_views} while "
          "part of the articles were in")


def test_canon_serve_pages_beside_a_writer_show_each_article_whole_or_absent(
        synthetic, tmp_path):
    path, _ = synthetic
    with open_store("memory:") as reference:
        import_file(reference, path, validate=False)
        docs = [row["doc"] for row in reference.articles()]
    polled = docs[:: max(1, len(docs) // 8)]
    port = free_port()
    with OxigraphServer(tmp_path / "oxigraph") as server:
        # The server holds one article first: canon serve opens an existing store.
        first = tmp_path / "first.jsonl"
        first.write_text("".join(line + "\n" for line in path.read_text().splitlines()
                                 if json.loads(line)["source"]["doc"] == docs[0]))
        with open_store(server.url) as store:
            import_file(store, first, validate=False)
        serve = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store",
                                  server.url, "--port", str(port)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(f"http://127.0.0.1:{port}/", serve, "canon serve", 120)
            writer = canon_process("import", "--no-validate", "--batch-quads", "1000", path,
                                   "--store", server.url)
            views = []
            while writer.poll() is None or len(views) < 2:
                views.append({doc: _article_facts(port, doc) for doc in polled})
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as page:
                    assert page.status == 200
                time.sleep(0.05)
            assert writer.wait() == 0, writer.stderr.read()
            # An article's page lists the facts it states itself, so once it is in,
            # its count is its count in the finished store, whatever else is in.
            whole = {doc: _article_facts(port, doc) for doc in polled}
            assert None not in whole.values()
            for view in views:
                assert {doc: n for doc, n in view.items() if n not in (None, whole[doc])} == {}
            partial = sum(None in view.values() for view in views)
            print(f"canon serve: {len(views)} reads, {partial} while part of the articles were in")
        finally:
            serve.terminate()
            serve.wait(timeout=30)


def _article_facts(port, doc):
    """Return how many facts /api/article/DOC lists, or None for a 404."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/article/{doc}",
                                    timeout=60) as response:
            return len(json.load(response)["facts"])
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise


def test_read_only_openings_beside_a_writer_never_fail(synthetic, tmp_path):
    """A read-only opening can race the writer deleting files it merged (RocksDB:
    "Corruption: ... No such file"; 1 opening in 58 before the backend tried again):
    every opening, and what it reads, succeeds while an import writes."""
    path, _ = synthetic
    store = tmp_path / "store"
    open_store(store).close()
    writer = canon_process("import", "--no-validate", "--batch-quads", "300", path,
                           "--store", store)
    openings = 0
    while writer.poll() is None or openings < 2:
        with open_store(store, create=False, read_only=True) as reader:
            reader.stats()
            reader.articles()
        openings += 1
    assert writer.wait() == 0
    print(f"read-only openings beside a writer: {openings}")
