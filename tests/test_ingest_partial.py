"""``canon ingest`` of a folder with bad files among good ones: the good ones are
stored as if ingested alone, each bad one is one line on stderr, the exit status
is 1; ``--strict`` stores nothing."""

import shutil

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.store import open_store

FRANCHISE_TOML = '[[season]]\nwork = "Harbour Lights"\nseason = "two"\n'
# (file name, bytes, words its line must hold): one of each kind of bad file.
BAD = [
    ("empty.txt", b"", "the file is empty"),
    ("blank.md", b"  \n\n\t\n", "the file is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "looks like a binary file"),
    ("latin1.txt", "Caf\u00e9 society returns".encode("latin-1"), "is not UTF-8"),
    ("truncated.txt", "Mara Quill \u2014".encode()[:-1], "is not UTF-8"),
    ("utf16.txt", "Mara Quill".encode("utf-16"), "is UTF-16"),
    ("unclosed.md", b"---\ntitle: Never closed\nwork: X\n\nText.\n", "never closed"),
    ("season.txt", b"---\nwork: X\nseason: two\n---\nText.\n", "season must be a whole number"),
    ("twice.md", b"---\nwork: X\nwork: Y\n---\nText.\n", "given twice"),
    ("episode.md", b"---\nwork: X\nepisode: 3\n---\nText.\n", "an episode needs a season"),
    ("date.md", b"---\npublished: yesterday\n---\nText.\n", "published must be a date"),
    ("nothing.html", b"<html><body><script>x()</script></body></html>",
     "no article text found"),
    ("order.toml", FRANCHISE_TOML.encode(), "order.toml"),
    ("broken.toml", b"franchise = [unclosed\n", "is not a valid TOML franchise file"),
]


@pytest.fixture
def mixed(tmp_path, franchise):
    """A folder holding the three good test articles and every kind of bad file."""
    folder = tmp_path / "scraped"
    shutil.copytree(franchise, folder)
    for name, content, _ in BAD:
        (folder / name).write_bytes(content)
    return folder


def _nquads(location):
    with open_store(location, create=False, read_only=True) as store:
        return sorted(str(q) for q in store.quads())


def test_good_articles_are_stored_and_each_bad_one_is_one_line(mixed, franchise, tmp_path):
    runner = CliRunner()
    missing = tmp_path / "missing.txt"
    alone = runner.invoke(cli, ["ingest", str(franchise), "--store", str(tmp_path / "alone")])
    assert alone.exit_code == 0, alone.output
    result = runner.invoke(cli, ["ingest", str(mixed), str(missing),
                                 "--store", str(tmp_path / "mixed")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(BAD) + 1
    assert all(line.startswith("canon: error: ") for line in lines)
    by_file = {next(name for name, _, _ in BAD if f"/{name}:" in line): line
               for line in lines if "missing.txt" not in line}
    assert sorted(by_file) == sorted(name for name, _, _ in BAD)
    for name, _, words in BAD:
        assert words in by_file[name], by_file[name]
    assert [line for line in lines if "missing.txt" in line] == [
        f"canon: error: {missing}: no such file or folder"]
    assert f"3 added, 0 replaced, 0 unchanged, {len(BAD) + 1} skipped" in result.stdout
    assert _nquads(tmp_path / "mixed") == _nquads(tmp_path / "alone")


def test_strict_stores_nothing_when_one_file_is_bad(mixed, tmp_path, small_franchise):
    before = _nquads(small_franchise)
    (mixed / "harbour-lights-s2.md").write_text("Changed text.\n", encoding="utf-8")
    for name, _, _ in BAD[1:]:
        (mixed / name).unlink()
    result = CliRunner().invoke(cli, ["ingest", "--strict", str(mixed),
                                      "--store", small_franchise])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "empty.txt: the file is empty" in lines[0]
    assert _nquads(small_franchise) == before


def test_a_folder_of_only_bad_files_stores_nothing_and_exits_1(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    for name, content, _ in BAD[:3]:
        (folder / name).write_bytes(content)
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 3
    assert "0 added, 0 replaced, 0 unchanged, 3 skipped" in result.stdout
    assert _nquads(tmp_path / "s") == []
