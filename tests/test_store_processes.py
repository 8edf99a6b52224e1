"""One on-disk store, several processes: readers beside the one writer.

The reading commands open the store read-only (no lock), so they answer while
``canon serve`` or an ingest holds it; a second writer gets one line and exit 1.
"""

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from graph.errors import StoreError
from graph.store import open_store

ARTICLE = """---
title: Harbour Lights, season one
work: Harbour Lights
---
Mara Quill, played by Ines Dorr, is drowned by Tobias Marsh in the season 1 finale.
"""
LATER = """---
title: Harbour Lights, season two
work: Harbour Lights
---
In season 2, Tobias Marsh is played by Cal Brenner.
"""


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "harbour-s1.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "harbour-s2.md").write_text(LATER, encoding="utf-8")
    return folder


def test_readers_answer_while_a_writer_holds_the_store_and_see_what_it_wrote(
        articles, store_path, canon):
    assert canon("ingest", articles, "--store", store_path).returncode == 0
    with open_store(store_path) as writer:
        # The writer (this process) holds the lock; another process still reads.
        before = canon("who-plays", "Tobias Marsh", "--store", store_path)
        assert before.returncode == 0, before.stderr
        assert "Cal Brenner" not in before.stdout
        from graph.extract.pipeline import extract_articles
        from graph.sources import read_article

        later = read_article(articles.parent / "harbour-s2.md")
        writer.ingest(zip([later], extract_articles([later]), strict=True))
        stats = canon("stats", "--store", store_path)
        assert stats.returncode == 0, stats.stderr
        assert "articles:  2" in stats.stdout
        after = canon("who-plays", "Tobias Marsh", "--store", store_path)
        assert after.returncode == 0, after.stderr
        assert "Cal Brenner" in after.stdout


def test_a_second_writer_gets_one_line_and_nothing_changes(articles, store_path, canon):
    assert canon("ingest", articles, "--store", store_path).returncode == 0
    with open_store(store_path):
        second = canon("ingest", articles.parent / "harbour-s2.md", "--store", store_path)
        forget = canon("forget", "harbour-s1.md", "--store", store_path)
    for result in (second, forget):
        assert result.returncode == 1
        assert result.stderr.strip().count("\n") == 0
        assert "in use by another process" in result.stderr
    stats = canon("stats", "--store", store_path)
    assert "articles:  1" in stats.stdout


def test_a_read_only_store_refuses_writes(articles, store_path, canon):
    assert canon("ingest", articles, "--store", store_path).returncode == 0
    with open_store(store_path, read_only=True) as reader:
        with pytest.raises(StoreError, match="read-only"):
            reader.forget("harbour-s1.md")
        assert [a["doc"] for a in reader.articles()] == ["harbour-s1.md"]


def test_the_cli_answers_while_canon_serve_runs(articles, store_path, canon):
    assert canon("ingest", articles, "--store", store_path).returncode == 0
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--store", str(store_path), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    assert page.status == 200
                break
            except OSError:
                assert server.poll() is None, "canon serve stopped"
                assert time.monotonic() < deadline, "canon serve did not answer"
                time.sleep(0.3)
        status = canon("status", "Mara Quill", "--at", "Harbour Lights S2E1",
                       "--store", store_path)
        assert status.returncode == 0, status.stderr
        assert status.stdout.startswith("Mara Quill is dead at Harbour Lights S2E1")
        writer = canon("ingest", articles.parent / "harbour-s2.md", "--store", store_path)
        assert writer.returncode == 1 and "in use by another process" in writer.stderr
    finally:
        server.terminate()
        server.wait(timeout=30)
