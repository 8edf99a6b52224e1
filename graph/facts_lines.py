"""FACTS JSON Lines files (FACTS.md) read in two streaming passes, one article at a time.

An article's facts may be spread anywhere in the file (lines are not sorted by
``source.doc``), and an article must be written whole. The first pass,
``index_facts``, reads the file line by line, checks every line (a bad one is a
FormatError naming the file and line, before anything is written) and keeps, per
article, only the byte offsets of its lines and a running hash of its facts. The
second, ``FactsIndex.articles``, seeks to those offsets and yields each article with
its facts. Memory grows with the number of articles and lines (about 8 bytes a
line), not with the facts themselves; the file is read and parsed twice.
"""

import hashlib
import json
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import CanonError, FormatError
from graph.model.facts import fact_from_json


@dataclass(frozen=True)
class ImportedDoc:
    """What an import knows of an article it never read: its name and a hash."""

    doc: str
    content_hash: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    work: str | None = None


@dataclass
class _Doc:
    offsets: array = field(default_factory=lambda: array("q"))
    # The hash of json.dumps([fact.to_json(), ...], sort_keys=True) fed piece by
    # piece, so that it equals the hash of the whole list.
    digest: object = field(default_factory=lambda: hashlib.sha256(b"["))


def _fact(path, raw, number):
    """Return the Fact of one line (None for a blank line); FormatError names file:line."""
    try:
        line = raw.decode("utf-8")
        if not line.strip():
            return None
        return fact_from_json(json.loads(line), doc=Path(path).name)
    except (ValueError, CanonError) as exc:
        raise FormatError(f"{path}:{number}: {exc}") from None


@dataclass
class FactsIndex:
    """Where each article's facts are in a FACTS JSON Lines file (see ``index_facts``)."""

    path: Path
    docs: dict
    facts: int

    def articles(self):
        """Yield (ImportedDoc, [Fact]) per article, in the order of their first line.

        Raises FormatError when the file changed since it was indexed.
        """
        with open(self.path, "rb") as f:
            for doc, entry in self.docs.items():
                article = ImportedDoc(doc=doc, content_hash=entry.digest.hexdigest(),
                                      source=self.path.name)
                facts = []
                for offset in entry.offsets:
                    if f.tell() != offset:
                        f.seek(offset)
                    fact = _fact(self.path, f.readline(), "?")
                    if fact is None or fact.evidence.doc != doc:
                        raise FormatError(f"{self.path}: changed while it was being imported")
                    facts.append(fact)
                yield article, facts


def index_facts(path):
    """Return the FactsIndex of a FACTS JSON Lines file, every line checked.

    Raises FormatError naming the file and line of the first bad line, or the file
    when it cannot be read or holds no facts.
    """
    path = Path(path)
    docs, count = {}, 0
    try:
        with open(path, "rb") as f:
            offset = 0
            for number, raw in enumerate(f, 1):
                fact = _fact(path, raw, number)
                if fact is not None:
                    entry = docs.get(fact.evidence.doc)
                    if entry is None:
                        entry = docs[fact.evidence.doc] = _Doc()
                    else:
                        entry.digest.update(b", ")
                    entry.digest.update(json.dumps(fact.to_json(), sort_keys=True).encode())
                    entry.offsets.append(offset)
                    count += 1
                offset += len(raw)
    except OSError as exc:
        raise FormatError(f"{path}: cannot read facts: {exc}") from None
    if not docs:
        raise FormatError(f"{path}: no facts in the file")
    for entry in docs.values():
        entry.digest.update(b"]")
    return FactsIndex(path, docs, count)
