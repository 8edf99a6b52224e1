"""Tests for graph.sources: reading article files into text plus metadata."""

import doctest
import hashlib
import socket
from pathlib import Path

import pytest

from graph import sources
from graph.errors import ArticleError
from graph.sources import SUPPORTED_SUFFIXES, find_articles, read_article

DATA = Path(__file__).parent / "data"
HTML_PAGE = DATA / "sources-page-with-boilerplate.html"

FRONT_MATTER = """---
title: "Kilgrave: The Return"
source: 'Screen Notes'
# a comment line, then a blank one

published: 2018-03-08T09:30:00Z
work: Jessica Jones
season: 2
episode: 1
rating: 4/5
---
# Episode one recap

David Tennant is back as Kilgrave, if only in Jessica's head.
"""


def write(folder, name, content):
    """Return the path of a new file ``name`` in ``folder`` holding ``content``."""
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def article_error(path):
    """Return the message of the ArticleError that reading ``path`` raises."""
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    message = str(caught.value)
    assert Path(path).name in message
    assert "\n" not in message
    return message


# front matter


def test_front_matter_gives_every_key(tmp_path):
    article = read_article(write(tmp_path, "jj-s2e1.md", FRONT_MATTER))
    assert article.doc == "jj-s2e1.md"
    assert article.path == str(tmp_path / "jj-s2e1.md")
    assert article.format == "md"
    assert article.title == "Kilgrave: The Return"
    assert article.source == "Screen Notes"
    assert article.published == "2018-03-08"
    assert (article.work, article.season, article.episode) == ("Jessica Jones", 2, 1)
    assert not hasattr(article, "rating")


def test_body_starts_after_the_closing_line(tmp_path):
    article = read_article(write(tmp_path, "a.md", FRONT_MATTER))
    assert article.text == FRONT_MATTER
    assert article.text[article.body_start :].startswith("# Episode one recap\n")
    assert article.text[article.body_start - 4 : article.body_start] == "---\n"


def test_file_without_front_matter_starts_its_body_at_zero(tmp_path):
    article = read_article(write(tmp_path, "plain.txt", "Kilgrave is dead.\n"))
    assert article.body_start == 0
    assert (article.work, article.season, article.episode, article.published) == (None,) * 4


def test_content_hash_is_sha256_of_the_raw_bytes(tmp_path):
    path = write(tmp_path, "a.txt", "Kilgrave is dead.\r\n")
    assert read_article(path).content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


def test_bom_and_crlf_keep_text_equal_to_read_text(tmp_path):
    content = (
        "\ufeff---\r\nwork: Jessica Jones\r\nseason: 2\r\n---\r\n"
        "Trish trains.\rKilgrave is gone.\r\n"
    )
    path = write(tmp_path, "crlf.txt", content.encode("utf-8"))
    article = read_article(path)
    assert article.text == path.read_text(encoding="utf-8")
    assert (article.work, article.season) == ("Jessica Jones", 2)
    assert article.text[article.body_start :] == "Trish trains.\nKilgrave is gone.\n"


def test_offsets_count_into_the_file_as_read(tmp_path):
    path = write(tmp_path, "jj.md", FRONT_MATTER.replace("\n", "\r\n"))
    article = read_article(path)
    quote = "David Tennant is back as Kilgrave"
    start = path.read_text(encoding="utf-8").index(quote)
    assert article.text[start : start + len(quote)] == quote


def test_empty_values_count_as_absent(tmp_path):
    article = read_article(write(tmp_path, "a.md", "---\ntitle:\nwork: ''\n---\nKilgrave\n"))
    assert article.work is None
    assert article.title == "Kilgrave"


def test_published_keeps_a_plain_date(tmp_path):
    article = read_article(write(tmp_path, "a.txt", "---\npublished: 2019-06-14\n---\nBody.\n"))
    assert article.published == "2019-06-14"


def test_closing_line_at_end_of_file(tmp_path):
    article = read_article(write(tmp_path, "a.txt", "---\nwork: Jessica Jones\n---"))
    assert article.body_start == len(article.text)
    assert article.work == "Jessica Jones"


# title fallback


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("# Kilgrave returns\n\nHe is back.\n", "Kilgrave returns"),
        ("\n\n## Season two: what we know\nText.\n", "Season two: what we know"),
        ("Kilgrave returns in a series of hallucinations.\nMore.\n", None),
        ("x" * 200 + "\nMore.\n", None),
    ],
)
def test_title_falls_back_to_a_headline(tmp_path, body, title):
    assert read_article(write(tmp_path, "a.md", body)).title == title


def test_title_fallback_reads_the_body_not_the_front_matter(tmp_path):
    article = read_article(write(tmp_path, "a.txt", "---\nwork: Jessica Jones\n---\nAKA Start\n"))
    assert article.title == "AKA Start"


# errors


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("---\ntitle: Never closed\nBody.\n", "line 1: the front matter block opened by '---'"),
        ("---\ntitle: A\nno colon here\n---\nBody.\n", "line 3: expected 'key: value'"),
        ("---\nseason: two\n---\nBody.\n", "line 2: season must be a whole number"),
        ("---\nseason: 0\n---\nBody.\n", "line 2: season must be a whole number"),
        ("---\nseason: 2\nepisode: 0\n---\nBody.\n", "line 3: episode must be a whole number"),
        ("---\nseason: 2\nepisode: 1.5\n---\nBody.\n", "line 3: episode must be a whole number"),
        ("---\nwork: X\nepisode: 3\n---\nBody.\n", "line 3: an episode needs a season"),
        ("---\npublished: last spring\n---\nBody.\n", "line 2: published must be a date"),
        ("---\npublished: 2018-02-30\n---\nBody.\n", "line 2: published must be a date"),
        ("---\nwork: A\nwork: B\n---\nBody.\n", "line 3: 'work' is given twice"),
    ],
)
def test_bad_front_matter_names_the_line(tmp_path, content, expected):
    assert expected in article_error(write(tmp_path, "bad.md", content))


def test_missing_file(tmp_path):
    assert "no such file" in article_error(tmp_path / "gone.txt")


def test_folder(tmp_path):
    folder = tmp_path / "articles.txt"
    folder.mkdir()
    assert "is a folder" in article_error(folder)


def test_unsupported_extension_names_the_supported_ones(tmp_path):
    message = article_error(write(tmp_path, "notes.pdf", "Kilgrave"))
    assert "'.pdf'" in message
    assert all(suffix in message for suffix in SUPPORTED_SUFFIXES)


@pytest.mark.parametrize("content", ["", "  \n\t\n", "\ufeff\n"])
def test_empty_file(tmp_path, content):
    assert "the file is empty" in article_error(write(tmp_path, "empty.txt", content))


def test_binary_file(tmp_path):
    path = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "looks like a binary file, not an article" in article_error(path)


def test_non_utf8_file_names_byte_and_offset(tmp_path):
    path = write(tmp_path, "latin.txt", "Kilgrave é".encode("latin-1"))
    message = article_error(path)
    assert "is not UTF-8: invalid byte 0xe9 at offset 9; save it as UTF-8" in message


def test_utf16_file(tmp_path):
    path = write(tmp_path, "wide.txt", "Kilgrave".encode("utf-16"))
    assert "is UTF-16, not UTF-8; save it as UTF-8" in article_error(path)


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 10)
    path = write(tmp_path, "long.txt", "Kilgrave returns, again and again.\n")
    assert "limit for one article" in article_error(path)


# HTML


def test_html_keeps_the_main_text_and_drops_boilerplate():
    article = read_article(HTML_PAGE)
    assert article.format == "html"
    assert article.body_start == 0
    assert "appears to Jessica in a series of hallucinations" in article.text
    assert "Subscribe to our newsletter" not in article.text
    assert "All rights reserved" not in article.text
    assert article.title == "Kilgrave Returns to Jessica Jones Season 2"
    assert article.published == "2018-02-14"
    assert article.source == "Fictional Screen Weekly"


def test_html_blocks_are_paragraphs(tmp_path):
    page = ("<html><body><article><h1>Harbour Lights</h1><p>Mara Quill returns.</p>"
            "<ul><li>Ines Vidal as Mara Quill</li><li>Owen Pike as Tomas Reed</li></ul>"
            "</article></body></html>")
    text = read_article(write(tmp_path, "blocks.html", page)).text
    assert "Mara Quill returns.\n\n- Ines Vidal as Mara Quill\n\n- Owen Pike" in text
    assert "\n\n\n" not in text


def test_html_is_read_offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert "Kilgrave" in read_article(HTML_PAGE).text


def test_htm_suffix_is_html(tmp_path):
    path = write(tmp_path, "page.htm", HTML_PAGE.read_text(encoding="utf-8"))
    assert read_article(path).format == "html"


def test_html_without_main_text(tmp_path):
    page = "<html><head><title>Nothing</title></head><body><div></div></body></html>"
    message = article_error(write(tmp_path, "blank.html", page))
    assert "no article text found in the page" in message


# find_articles


def test_find_articles_walks_a_folder_tree(tmp_path):
    for name in [
        "b.md",
        "a.txt",
        "sub/c.html",
        "sub/d.htm",
        "sub/e.pdf",
        ".hidden.txt",
        ".git/f.txt",
        "sub/.cache/g.md",
        "z/Upper.TXT",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Kilgrave\n")
    found = find_articles([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.txt",
        "b.md",
        "sub/c.html",
        "sub/d.htm",
        "z/Upper.TXT",
    ]


def test_find_articles_keeps_named_files_once(tmp_path):
    path = write(tmp_path, "a.txt", "Kilgrave\n")
    assert find_articles(path) == [path]
    assert find_articles([path, tmp_path]) == [path]


def test_find_articles_missing_path(tmp_path):
    with pytest.raises(ArticleError, match="gone: no such file or folder"):
        find_articles([tmp_path / "gone"])


def test_find_articles_folder_without_articles(tmp_path):
    write(tmp_path, "notes.pdf", "x")
    with pytest.raises(ArticleError, match="no .txt, .md or .html articles in this folder"):
        find_articles([tmp_path])


def test_find_articles_named_file_with_unsupported_extension(tmp_path):
    path = write(tmp_path, "notes.pdf", "x")
    with pytest.raises(ArticleError, match=r"notes\.pdf: unsupported file type '\.pdf'"):
        find_articles([path])


def test_docstring_examples_run():
    assert doctest.testmod(sources).failed == 0
