"""Franchise files: the story order of a franchise's works and the length of its
seasons, written by hand in TOML, read into placement and season facts.

A franchise file has these keys, all optional::

    franchise = "Marvel Netflix"
    # Each work comes after the one before it, unless a [[place]] moves it.
    release_order = ["Daredevil", "Jessica Jones", "The Defenders"]

    [[place]]                     # a whole work after and/or before a work or season
    work = "The Defenders"
    after = "Jessica Jones S1"
    before = "Jessica Jones S2"

    [[season]]                    # a season and, when known, its episode count
    work = "Jessica Jones"
    season = 1
    episodes = 13

Every fact quotes the part of the file it comes from, so a placement has a source
like any fact from an article. Later lines win: the story applies placements in
file order, so a ``[[place]]`` overrules the release order before it.

>>> from graph.sources import Article
>>> text = 'release_order = ["Alias Smith", "The Crossover"]\\n'
>>> article = Article(doc="f.toml", path="f.toml", format="franchise", text=text,
...     body_start=0, content_hash="0" * 64)
>>> [(f.claim.work, f.claim.after, f.evidence.quote) for f in read_franchise(article)]
[('The Crossover', 'Alias Smith', '"Alias Smith", "The Crossover"')]
"""

import re
import tomllib

from graph.errors import ArticleError, FormatError
from graph.model.facts import Evidence, Fact, Placement, Season

TABLES = {"place": ("work", "after", "before"), "season": ("work", "season", "episodes")}
TOP_KEYS = ("franchise", "release_order", *TABLES)
CONFIDENCE = 1.0
# A header line of a table or array of tables; comments may follow.
HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]\]?[ \t]*(?:#.*)?$", re.M)
STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'([^\'\n]*)\'')
RELEASE_ORDER = re.compile(r"^[ \t]*release_order[ \t]*=", re.M)


def read_franchise(article):
    """Return the facts of a franchise file: a Placement for each work of
    ``release_order`` after the one before, one per ``[[place]]``, and a Season per
    ``[[season]]``, each quoting its part of the file, in file order.

    Raises ArticleError naming the file for bad TOML, an unknown key, a missing or
    mistyped value, or an anchor that is not a work or a work's season.
    """
    text = article.text
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ArticleError(article.path, f"is not a valid TOML franchise file: {error}") from None
    unknown = sorted(set(data) - set(TOP_KEYS))
    if unknown:
        raise ArticleError(article.path, f"unknown key {unknown[0]!r}: a franchise file has "
                                         f"{', '.join(TOP_KEYS)}")
    try:
        facts = [*_release_order(text, data.get("release_order", [])),
                 *_tables(text, data, "place", _placement),
                 *_tables(text, data, "season", _season)]
    except (FormatError, ValueError) as error:
        raise ArticleError(article.path, str(error)) from None
    return sorted((Fact(claim, Evidence(doc=article.doc, start=start, end=end,
                                        quote=text[start:end], rule=rule,
                                        confidence=CONFIDENCE))
                   for claim, start, end, rule in facts),
                  key=lambda fact: (fact.evidence.start, fact.evidence.end))


def _release_order(text, works):
    """Yield (Placement, start, end, rule) for each work after the one before it."""
    if not isinstance(works, list) or not all(isinstance(w, str) and w.strip() for w in works):
        raise ValueError("release_order must be a list of work names")
    spans = _item_spans(text, works)
    for i in range(1, len(works)):
        start, end = spans[i - 1][0], spans[i][1]
        yield Placement(work=works[i], after=works[i - 1]), start, end, "franchise.release_order"


def _item_spans(text, works):
    """Return the (start, end) of each name in the release_order list: the quoted
    strings after the key, read in order; the whole statement when they differ."""
    key = RELEASE_ORDER.search(text)
    strings = [m for m in STRING.finditer(text, key.end())][:len(works)] if key else []
    values = [m.group(1) if m.group(1) is not None else m.group(2) for m in strings]
    if values == works:
        return [m.span() for m in strings]
    line_end = text.find("\n", key.end()) if key else -1
    whole = (key.start(), len(text) if line_end < 0 else line_end) if key else (0, len(text))
    return [whole] * len(works)


def _tables(text, data, name, make):
    """Yield (claim, start, end, rule) for each table of the array ``[[name]]``."""
    tables = data.get(name, [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise ValueError(f"{name} must be written as [[{name}]] tables")
    spans = _table_spans(text, name)
    for number, (table, (start, end)) in enumerate(zip(tables, spans, strict=True), 1):
        unknown = sorted(set(table) - set(TABLES[name]))
        if unknown:
            raise ValueError(f"[[{name}]] number {number} has unknown key {unknown[0]!r}: "
                             f"use {', '.join(TABLES[name])}")
        yield make(table, number), start, end, f"franchise.{name}"


def _table_spans(text, name):
    """Return the (start, end) of each ``[[name]]`` table: its header to its last
    line that is not blank or a comment."""
    headers = list(HEADER.finditer(text))
    spans = []
    for i, header in enumerate(headers):
        if header.group(0).strip().startswith("[[") and header.group(1) == name:
            end = headers[i + 1].start() if i + 1 < len(headers) else len(text)
            lines = text[header.start():end].split("\n")
            while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
                lines.pop()
            spans.append((header.start() + len(header.group(0)) - len(header.group(0).lstrip()),
                          header.start() + len("\n".join(lines))))
    return spans


def _placement(table, number):
    """Return the Placement a ``[[place]]`` table gives."""
    if not isinstance(table.get("work"), str):
        raise ValueError(f"[[place]] number {number} needs work = \"...\"")
    for key in ("after", "before"):
        if key in table and not isinstance(table[key], str):
            raise ValueError(f"[[place]] number {number}: {key} must be a string "
                             "such as \"Jessica Jones S1\"")
    return Placement(work=table["work"], after=table.get("after"), before=table.get("before"))


def _season(table, number):
    """Return the Season a ``[[season]]`` table gives."""
    if not isinstance(table.get("work"), str) or "season" not in table:
        raise ValueError(f"[[season]] number {number} needs work = \"...\" and season = N")
    return Season(work=table["work"], season=table["season"], episodes=table.get("episodes"))
