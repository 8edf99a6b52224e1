"""Articles on disk: one file in, its text and metadata out (the sources layer).

A ``.txt`` or ``.md`` article is kept exactly as ``Path.read_text(encoding="utf-8")``
returns it, front matter and Markdown included, so that the offsets a fact cites
count into the file itself (shared/FACTS.md). An optional front matter block
between two ``---`` lines gives ``title``, ``source``, ``published``, ``work``,
``season`` and ``episode``; other keys are allowed and ignored. An ``.html`` or
``.htm`` page goes through trafilatura, offline: its main text is the article
text, and its title, date and site name are the metadata. A ``.toml`` file is a
franchise file (the story order of works, and season lengths): its text is kept
whole and its ``franchise`` key is the title.

This module knows nothing of NLP or RDF.

>>> import pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder, "jj-s2.md")
...     _ = path.write_text("---\\nwork: Jessica Jones\\nseason: 2\\n---\\nKilgrave returns.\\n")
...     article = read_article(path)
>>> article.doc, article.work, article.season, article.text[article.body_start:]
('jj-s2.md', 'Jessica Jones', 2, 'Kilgrave returns.\\n')
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import trafilatura

from graph.errors import ArticleError

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".toml")
MAX_BYTES = 20 * 1024 * 1024
_FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".toml": "franchise"}
_KEYS = ("title", "source", "published", "work", "season", "episode")
_BINARY_WINDOW = 8192
# trafilatura puts each block of the page (paragraph, heading, list item, table
# row) on a line of its own; a blank line between blocks marks them as paragraphs
# for the reader, as in a text file.
_BLOCK_BREAK = re.compile(r"\n+")
_HEADLINE_MAX = 150
_PUBLISHED = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}.*)?")
# htmldate's extensive search guesses dates from the prose ("premiered on March 8,
# 2018"); a page's publication date has to come from its markup instead.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass(frozen=True)
class Article:
    """One article file: the text the extractor sees, and what is known about it."""

    doc: str
    path: str
    format: str
    text: str = field(repr=False)
    body_start: int
    content_hash: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    work: str | None = None
    season: int | None = None
    episode: int | None = None


def read_article(path) -> Article:
    """Return the article in the file at ``path`` (a str or a Path).

    Raises ArticleError, with a one-line message naming the file, for a missing
    file, a folder, an unsupported extension, a file over 20 MB, a binary, empty
    or non-UTF-8 file, bad front matter, or an HTML page with no main text.
    """
    path = Path(path)
    if path.is_dir():
        raise ArticleError(path, "is a folder, not an article file; use find_articles for folders")
    if not path.exists():
        raise ArticleError(path, "no such file")
    suffix = _check_suffix(path)
    raw = _read_bytes(path)
    text = _decode(path, raw)
    if not text.lstrip("\ufeff").strip():
        raise ArticleError(path, "the file is empty")
    common = {
        "doc": path.name,
        "path": str(path),
        "format": _FORMATS[suffix],
        "content_hash": hashlib.sha256(raw).hexdigest(),
    }
    if common["format"] == "html":
        return Article(**common, **_read_html(path, text))
    if common["format"] == "franchise":
        return Article(**common, text=text, body_start=0, title=_franchise_title(path, text))
    meta, body_start = _front_matter(path, text)
    if meta.get("title") is None:
        meta["title"] = _headline(text[body_start:])
    return Article(**common, text=text, body_start=body_start, **meta)


def find_articles(paths) -> list[Path]:
    """Return the article files named by ``paths``, folders expanded.

    ``paths`` is one path or an iterable of paths. A folder contributes its
    ``.txt``, ``.md``, ``.html``, ``.htm`` and ``.toml`` files, recursively, sorted, leaving
    out hidden files and folders; a file is kept as given. A path named twice
    is returned once. Raises ArticleError for a path that does not exist, a
    file with an unsupported extension, or a folder with no articles.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    found = {}
    for path in map(Path, paths):
        if path.is_dir():
            articles = _folder_articles(path)
            if not articles:
                raise ArticleError(path, "no .txt, .md or .html articles in this folder")
            found.update(dict.fromkeys(articles))
        elif path.exists():
            _check_suffix(path)
            found[path] = None
        else:
            raise ArticleError(path, "no such file or folder")
    return list(found)


def _folder_articles(folder: Path) -> list[Path]:
    """Return the visible article files under ``folder``, sorted by path."""
    articles = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        articles.extend(
            Path(root, name)
            for name in sorted(files)
            if not name.startswith(".") and Path(name).suffix.lower() in _FORMATS
        )
    return articles


def _check_suffix(path: Path) -> str:
    """Return the lower-cased suffix of ``path``; raise ArticleError if unsupported."""
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        raise ArticleError(
            path,
            f"unsupported file type {suffix or '(no extension)'!r}: "
            f"use one of {', '.join(SUPPORTED_SUFFIXES)}",
        )
    return suffix


def _read_bytes(path: Path) -> bytes:
    """Return the raw bytes of the file; raise ArticleError if it cannot be an article."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(
                path,
                f"the file is {size / 2**20:.1f} MB, over the {MAX_BYTES // 2**20} MB limit "
                "for one article; split it",
            )
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleError(path, f"cannot be read: {error.strerror}") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(path, "is UTF-16, not UTF-8; save it as UTF-8")
    if b"\0" in raw[:_BINARY_WINDOW]:
        raise ArticleError(path, "looks like a binary file, not an article")
    return raw


def _decode(path: Path, raw: bytes) -> str:
    """Return ``raw`` decoded as ``Path.read_text(encoding="utf-8")`` would decode it.

    A BOM stays in the text as U+FEFF; "\\r\\n" and a lone "\\r" become "\\n".
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleError(
            path,
            f"is not UTF-8: invalid byte 0x{raw[error.start]:02x} at offset {error.start}; "
            "save it as UTF-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _front_matter(path: Path, text: str) -> tuple[dict, int]:
    """Return the metadata of the front matter block and the offset of the body.

    Without a block, return ``({}, 0)``. Raises ArticleError naming the line of
    an unclosed block, a line that is not ``key: value``, a repeated key, or a
    bad value.
    """
    lines = text.split("\n")
    if lines[0].lstrip("\ufeff").rstrip() != "---":
        return {}, 0
    closing = next((i for i, line in enumerate(lines) if i and line.strip() == "---"), None)
    if closing is None:
        raise ArticleError(path, "line 1: the front matter block opened by '---' is never closed")
    values, numbers = {}, {}
    for number, line in enumerate(lines[1:closing], start=2):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key, colon, value = stripped.partition(":")
        key = key.strip().lower()
        if not colon or not key:
            raise ArticleError(path, f"line {number}: expected 'key: value', got {stripped[:60]!r}")
        if key in values:
            raise ArticleError(path, f"line {number}: {key!r} is given twice in the front matter")
        values[key], numbers[key] = _unquote(value.strip()), number
    body_start = sum(len(line) + 1 for line in lines[: closing + 1])
    return _metadata(path, values, numbers), min(body_start, len(text))


def _unquote(value: str) -> str:
    """Return ``value`` without one pair of matching surrounding quotes."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _metadata(path: Path, values: dict, numbers: dict) -> dict:
    """Return the known front matter keys as Article fields, checked and typed.

    An empty value counts as absent; unknown keys are dropped.
    """
    meta = {key: values.get(key) or None for key in _KEYS}
    for key in ("season", "episode"):
        if meta[key] is not None:
            if not meta[key].isdecimal() or int(meta[key]) < 1:
                raise ArticleError(
                    path,
                    f"line {numbers[key]}: {key} must be a whole number from 1 up, "
                    f"got {meta[key]!r}",
                )
            meta[key] = int(meta[key])
    if meta["episode"] is not None and meta["season"] is None:
        raise ArticleError(
            path, f"line {numbers['episode']}: an episode needs a season; add 'season: N'"
        )
    if meta["published"] is not None:
        meta["published"] = _published(path, meta["published"], numbers["published"])
    return meta


def _published(path: Path, value: str, number: int) -> str:
    """Return the YYYY-MM-DD date of a ``published`` value; raise ArticleError if none."""
    if match := _PUBLISHED.fullmatch(value):
        with suppress(ValueError):
            return date.fromisoformat(match[1]).isoformat()
    raise ArticleError(
        path, f"line {number}: published must be a date like 2018-03-08, got {value!r}"
    )


def _franchise_title(path: Path, text: str) -> str | None:
    """Return the ``franchise`` name of a franchise file; raise ArticleError when the
    file is not TOML (what the file holds is checked when its facts are read)."""
    try:
        name = tomllib.loads(text).get("franchise")
    except tomllib.TOMLDecodeError as error:
        raise ArticleError(path, f"is not a valid TOML franchise file: {error}") from None
    return name if isinstance(name, str) and name.strip() else None


def _headline(body: str) -> str | None:
    """Return the first non-empty line of ``body`` if it reads as a headline, else None.

    >>> _headline("\\n# Kilgrave returns\\nHe is back.")
    'Kilgrave returns'
    >>> _headline("Kilgrave returns in season two.\\n") is None
    True
    """
    for line in body.split("\n"):
        line = line.strip().lstrip("\ufeff").lstrip("#").strip()
        if line:
            return line if len(line) < _HEADLINE_MAX and not line.endswith(".") else None
    return None


def _read_html(path: Path, html: str) -> dict:
    """Return the Article fields trafilatura finds in the page ``html``.

    The page is handed over as a string with no URL, so nothing is fetched.
    Raises ArticleError when the page has no main text.
    """
    page = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, date_extraction_params=_DATE_PARAMS
    )
    text = page.text if page is not None else None
    if not text or not text.strip():
        raise ArticleError(path, "no article text found in the page")
    return {
        "text": _BLOCK_BREAK.sub("\n\n", text.strip()),
        "body_start": 0,
        "title": page.title or _headline(text),
        "source": page.sitename or page.author,
        "published": page.date,
    }
