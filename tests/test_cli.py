"""The canon command: each command end to end, and each bad input as one line on
stderr, a non-zero exit and an unchanged store."""

import json
from pathlib import Path

import pytest

from graph.cli import cli

# Tests that read or write a store run on the embedded one and on an oxigraph server.
pytestmark = pytest.mark.backends


def _store_quads(location):
    from graph.store import open_store

    if "://" not in location and not Path(location).exists():
        return None
    with open_store(location) as store:
        return sorted(str(q) for q in store.quads())


def test_ingest_prints_a_summary_and_where_the_store_is(runner, franchise, store_location):
    """ingest says what it added and where the graph is: the folder, or the server."""
    result = runner.invoke(cli, ["ingest", str(franchise)])
    assert result.exit_code == 0, result.output
    assert "3 added, 0 replaced, 0 unchanged (3 articles" in result.output
    where = store_location if "://" in store_location else Path(store_location).resolve()
    assert f"store: {where}" in result.output
    again = runner.invoke(cli, ["ingest", str(franchise)])
    assert "0 added, 0 replaced, 3 unchanged" in again.output


@pytest.mark.backends("embedded")
def test_extract_prints_facts_whose_quotes_match(runner, franchise):
    """extract prints FACTS lines; every quote is the slice of the file it cites."""
    result = runner.invoke(cli, ["extract", *map(str, sorted(franchise.iterdir()))])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert {"portrayal", "season"} <= {line["kind"] for line in lines}
    for line in lines:
        text = (franchise / line["source"]["doc"]).read_text(encoding="utf-8")
        assert text[line["source"]["start"]:line["source"]["end"]] == line["source"]["quote"]


@pytest.mark.backends("embedded")
def test_extract_leaves_the_store_alone(runner, franchise, store_path):
    """extract never opens or creates a store."""
    runner.invoke(cli, ["extract", str(franchise / "lantern-street.txt")])
    assert not store_path.exists()


def test_facts_filters_by_entity_and_kind(runner, small_franchise):
    """facts --about/--kind narrows the list; --json prints FACTS lines."""
    result = runner.invoke(cli, ["facts", "--about", "ines vidal", "--kind", "portrayal"])
    assert result.exit_code == 0, result.output
    assert "character=Mara Quill" in result.output
    assert "Owen Pike" not in result.output
    as_json = runner.invoke(cli, ["facts", "--kind", "season", "--json"])
    seasons = sorted(json.loads(line)["season"] for line in as_json.stdout.splitlines())
    assert seasons == [1, 2, 3]


def test_facts_about_part_of_a_name_or_a_misspelling(runner, small_franchise):
    """--about takes part of a name when one entity fits, and a name no entity
    fits is an error of one line that names the closest ones (a misspelling close
    enough is taken: tests/test_names.py)."""
    result = runner.invoke(cli, ["facts", "--about", "vidal", "--kind", "portrayal"])
    assert result.exit_code == 0, result.output
    assert "actor=Ines Vidal, character=Mara Quill" in result.output
    wrong = runner.invoke(cli, ["facts", "--about", "Mora Quail"])
    assert wrong.exit_code == 1
    assert wrong.stderr.strip().splitlines() == [wrong.stderr.strip()]
    assert "did you mean Mara Quill" in wrong.stderr


@pytest.mark.parametrize("fmt, marker", [
    ("turtle", "@prefix canon:"), ("ntriples", "<https://w3id.org/canon/"),
    ("nquads", "<https://w3id.org/canon/id/graph/"), ("trig", "> {"), ("jsonld", '"@graph"'),
])
def test_export_writes_each_format(runner, small_franchise, tmp_path, fmt, marker):
    """export --format F -o FILE writes that format."""
    out = tmp_path / "out"
    result = runner.invoke(cli, ["export", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert marker in out.read_text(encoding="utf-8")


def test_export_takes_the_format_from_the_suffix(runner, small_franchise, tmp_path):
    """Without --format, -o canon.nq writes N-Quads."""
    out = tmp_path / "canon.nq"
    assert runner.invoke(cli, ["export", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").rstrip().endswith(">  .") is False
    assert all(line.endswith(" .") for line in out.read_text(encoding="utf-8").splitlines())


def test_import_then_facts(runner, store_path, tmp_path):
    """import adds a story bible; facts shows it."""
    bible = tmp_path / "bible.jsonl"
    bible.write_text(json.dumps({"kind": "crew", "person": "Ada Lund", "role": "showrunner",
                                 "work": "Harbour Lights"}) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(bible)])
    assert result.exit_code == 0, result.output
    assert "imported 1 facts into 1 graphs" in result.output
    assert "person=Ada Lund, role=showrunner" in runner.invoke(cli, ["facts"]).output


def test_forget_and_stats(runner, small_franchise):
    """forget removes an article; stats counts what is left."""
    assert "articles:  3" in runner.invoke(cli, ["stats"]).output
    result = runner.invoke(cli, ["forget", "tests/data/franchise/lantern-street.txt"])
    assert result.exit_code == 0 and "forgot lantern-street.txt" in result.output
    stats = json.loads(runner.invoke(cli, ["stats", "--json", "--articles"]).output)
    assert stats["articles"] == 2
    assert [a["doc"] for a in stats["article_list"]] == ["harbour-lights-s1.txt",
                                                          "harbour-lights-s2.md"]


def test_forget_an_unknown_article_fails(runner, small_franchise):
    """Forgetting what is not there is an error that says how to list what is."""
    result = runner.invoke(cli, ["forget", "nothing.txt"])
    assert result.exit_code == 1
    assert "article 'nothing.txt' is not in the store" in result.output


def test_store_option_beats_the_environment(runner, franchise, tmp_path):
    """--store wins over $CANON_STORE."""
    other = tmp_path / "other"
    result = runner.invoke(cli, ["ingest", str(franchise), "--store", str(other)])
    assert result.exit_code == 0 and f"store: {other.resolve()}" in result.output


def _bad_inputs(folder):
    """Write one bad article of each sort; return {name: (path, expected words)}."""
    cases = {
        "missing": (folder / "missing.txt", "no such file"),
        "empty": (folder / "empty.txt", "the file is empty"),
        "binary": (folder / "binary.txt", "looks like a binary file"),
        "latin1": (folder / "latin1.txt", "is not UTF-8"),
        "front matter": (folder / "unclosed.md", "never closed"),
        "bad season": (folder / "season.txt", "season"),
    }
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (folder / "latin1.txt").write_bytes("Caf\u00e9 society returns".encode("latin-1"))
    (folder / "unclosed.md").write_text("---\ntitle: Never closed\nwork: X\n\nText.\n")
    (folder / "season.txt").write_text("---\nwork: X\nseason: two\n---\nText.\n")
    return cases


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "latin1", "front matter",
                                  "bad season"])
def test_bad_articles_fail_cleanly_and_write_nothing(runner, small_franchise, tmp_path,
                                                     franchise, case):
    """A bad article among good ones with --strict: one line naming it, exit 1, store
    unchanged (tests/test_ingest_partial.py has the default, which keeps the good)."""
    bad_path, words = _bad_inputs(tmp_path)[case]
    before = _store_quads(small_franchise)
    (franchise / "harbour-lights-s2.md").write_text("Changed text.\n", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", "--strict", str(franchise), str(bad_path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("canon: error: ")
    assert bad_path.name in lines[0] and words in lines[0]
    assert _store_quads(small_franchise) == before


def test_unknown_format_is_a_usage_error(runner, small_franchise):
    """An unknown --format names the choices."""
    result = runner.invoke(cli, ["export", "--format", "ttl2"])
    assert result.exit_code == 2
    assert "'ttl2' is not one of 'turtle', 'ntriples', 'nquads', 'trig', 'jsonld'" in result.output


@pytest.mark.backends("embedded")
@pytest.mark.parametrize("location, words", [
    ("ftp://127.0.0.1/x", "unknown store 'ftp://127.0.0.1/x'"),
    ("http://127.0.0.1:9/sparql", "cannot reach the SPARQL server at http://127.0.0.1:9/sparql"),
])
def test_unreachable_store_fails_cleanly(runner, franchise, location, words):
    """A store location canon cannot reach is one line and exit 1."""
    result = runner.invoke(cli, ["ingest", str(franchise), "--store", location])
    assert result.exit_code == 1
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.backends("embedded")
def test_unwritable_store_fails_cleanly(runner, franchise, tmp_path):
    """A store under a plain file is one line and exit 1."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(cli, ["ingest", str(franchise), "--store", str(blocker / "s")])
    assert result.exit_code == 1
    assert "cannot open the store at" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_read_commands_on_a_missing_store_say_what_to_do(runner, store_path):
    """facts/stats/export before any ingest point at canon ingest."""
    for command in (["facts"], ["stats"], ["export"]):
        result = runner.invoke(cli, command)
        assert result.exit_code == 1
        assert "ingest articles first" in result.stderr
    assert not store_path.exists()


@pytest.mark.backends("embedded")
@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(runner, command):
    """Each command's --help runs and shows an Example line."""
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: canon " in result.output
    if command != "extract":
        assert "--store" in result.output


@pytest.mark.backends("embedded")
def test_a_store_held_by_another_process_fails_cleanly(small_franchise, franchise, canon):
    """While one process holds the embedded store, another writer gets one line,
    exit 1; a reader answers."""
    from graph.store import open_store

    with open_store(str(small_franchise)):
        result = canon("ingest", franchise, "--force", "--store", small_franchise)
        reader = canon("stats", "--store", small_franchise)
    assert reader.returncode == 0, reader.stderr
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"canon: error: the store at {small_franchise} is in use by another process; "
        "stop it, or pass --store with another folder"
    )


@pytest.mark.backends("embedded")
def test_extract_with_two_processes_gives_the_same_facts(runner, franchise):
    """--jobs 2 parses in two processes and prints exactly what one process prints."""
    files = [str(p) for p in sorted(franchise.iterdir())]
    one = runner.invoke(cli, ["extract", *files])
    two = runner.invoke(cli, ["extract", "--jobs", "2", *files])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.stdout.count("\n") >= 5
