"""Crew rules on the lists an encyclopedia page sets out rather than writes as prose:

- ``crew.infobox``: a label line ("Created by: Ana Ruiz", "Directed by  Ana Ruiz",
  "Executive producers: Ana Ruiz, Ben Kay"): each person the value names holds the
  label's role on the work of the page (or of its section);
- ``crew.table``: an episode table whose header has a "Directed by" or "Written by"
  column ("| No. | Title | Directed by | Written by |"): each person in that column.

A value counts only as people's names: title-case words that are no character, work or
company (``crew_people``); "Starring", "Music by" and the like are no crew roles.
"""

import bisect
import re

from graph.extract.mentions.works import index, work_for
from graph.extract.registry import rule
from graph.extract.rules.crew.people import resolve_people
from graph.model.facts import Crew

# Labels of credit lines and table columns, and the role each gives.
LABELS = {
    "created by": "creator", "creator": "creator", "creators": "creator",
    "developed by": "creator", "written by": "writer", "writer": "writer", "writers": "writer",
    "screenplay by": "writer", "teleplay by": "writer", "story by": "writer",
    "directed by": "director", "director": "director", "directors": "director",
    "produced by": "producer", "producer": "producer", "producers": "producer",
    "executive producer": "producer", "executive producers": "producer",
    "showrunner": "showrunner", "showrunners": "showrunner",
}
# A label line: the label at the start of a line (list markup and bold allowed), then a
# colon, a tab, a bar or two spaces, then the value to the end of the line.
LABEL_LINE = re.compile(
    r"^[ \t*_|>-]*(?P<label>" + "|".join(sorted(map(re.escape, LABELS), key=len, reverse=True))
    + r")[*_]*(?:\s*[:|\t]|\s{2,})[ \t*_]*(?P<value>[^\n]+)$", re.IGNORECASE | re.MULTILINE)
# Between the names of a value: commas, semicolons, "and", ampersands, slashes.
SEPARATOR = re.compile(r"\s*(?:[,;&/]|\band\b|<br\s*/?>)\s*")
# Left out of a name: footnote marks and an aside in brackets ("(series 1–2)").
NOISE = re.compile(r"\[[^\]]*\]|\([^)]*\)|[*_\"]")
NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")


def _names(text, offset):
    """Return [(name, start_char, end_char)] of the person-like pieces of a value
    that starts at character ``offset``."""
    found = []
    position = 0
    for piece in SEPARATOR.split(text):
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, position)
        position = at + len(piece)
        clean = " ".join(NOISE.sub(" ", piece).split())
        words = clean.split()
        if 2 <= len(words) <= 4 and all(NAME_WORD.match(w) for w in words):
            found.append((clean, offset + at, offset + at + len(piece)))
    return found


def _token_at(ctx, char):
    """Return the index of the token at or after character ``char``."""
    starts = ctx.memo.get("token_starts")
    if starts is None:
        starts = ctx.memo["token_starts"] = [t.idx for t in ctx.doc]
    return min(bisect.bisect_left(starts, char), len(starts) - 1)


def _crew(ctx, names, role, line_start, rule_name):
    """Yield a Crew fact per person in ``names``, crediting the work of the line."""
    # The page's work, not the episode titles the rows above name: a section heading's
    # work, else the front matter's or the page title's.
    i = _token_at(ctx, line_start)
    work = work_for(ctx, i) if index(ctx).sections else None
    work = work or ctx.article.work or ctx.default_work or work_for(ctx, i)
    if not work:
        return
    for text, start, end in names:
        for person in resolve_people(ctx, [text]):
            if person != work:
                yield ctx.fact(Crew(person=person, role=role, work=work), start, end,
                               rule_name, 0.8)


@rule("crew.infobox")
def infobox(ctx):
    """Yield crew of a label line: "Directed by: Ana Ruiz", "Producers: A, B"."""
    body = ctx.article.body_start
    text = ctx.article.text
    for match in LABEL_LINE.finditer(text, body):
        if match.group().lstrip().startswith("|"):
            continue  # a table row, read by crew.table
        role = LABELS[match.group("label").lower()]
        names = _names(match.group("value"), match.start("value"))
        yield from _crew(ctx, names, role, match.start(), "crew.infobox")


def _cells(line, offset):
    """Return [(text, start_char)] of the cells of a Markdown table row."""
    cells = []
    position = line.index("|") + 1
    for part in line.strip().strip("|").split("|"):
        at = line.find(part, position)
        cells.append((part, offset + at))
        position = at + len(part) + 1
    return cells


@rule("crew.table")
def table(ctx):
    """Yield crew of an episode table's "Directed by" and "Written by" columns."""
    text = ctx.article.text
    columns = {}
    offset = ctx.article.body_start
    for line in text[offset:].splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        if not line.lstrip().startswith("|"):
            columns = {}
            continue
        cells = _cells(line, start)
        labels = [LABELS.get(" ".join(NOISE.sub(" ", c).split()).lower()) for c, _ in cells]
        if any(labels):
            columns = {n: role for n, role in enumerate(labels) if role}
            continue
        for n, role in columns.items():
            if n < len(cells):
                cell, at = cells[n]
                yield from _crew(ctx, _names(cell, at), role, start, "crew.table")
