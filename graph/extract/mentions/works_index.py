"""Which names an article treats as works: the per-article index of work titles.

A name is a work when the article says so:

- its front matter names the work;
- a season mention names it ("Daredevil season 2");
- it is written in italics (_Twin Peaks_);
- it stands in a place only works stand: "a spin-off of X", "X, a Netflix series",
  "X is a British crime drama series",
  "X premiered on HBO", "X was created by", "the film X";
- news and reviews write it as a title: in quotes, after a kind of work ("the
  boxing drama X"), with a year in brackets (``works_prose``).

The index also keeps the sections of the article that a heading gives to a work, and
the article's own work (front matter, else the headline, else the context's
default), so that "the series" can be read as a work (``works.work_for``).

Reading a title at a position asks the index whether a name is a work ("Marvel's
Jessica Jones" drops its owner when "Jessica Jones" is one), while building the
index reads titles; so the title readers of ``works`` are passed in as
``TitleReaders`` and the index is stored in the context before it is complete.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from graph.extract.mentions.works_text import (
    APOSTROPHE_S,
    compound_at,
    first_words,
    is_markup,
    word_positions,
)

APOSTROPHE_S_ENDINGS = ("'s", "’s")
# A title in italics: _Title_ or *Title* (not **bold**), on one line.
ITALIC = re.compile(r"(?<![\w*_])([_*])(?![_*\s])([^\n_*]{1,80}?)(?<!\s)\1(?![\w*_])")
# Lower-case words a title in italics may hold ("Fire Walk with Me").
TITLE_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into",
                               "of", "on", "or", "the", "to", "with"})
# Nouns for kinds of work: "X, a Netflix series", "the film X".
WORK_NOUNS = frozenset({"series", "show", "film", "movie", "miniseries", "sitcom", "drama",
                        "comedy", "programme", "program", "spin-off", "spinoff", "reboot",
                        "revival", "comic", "novel", "anthology", "sequel", "prequel",
                        "serial", "soap", "telefilm", "franchise", "thriller", "procedural",
                        "docuseries", "documentary", "adaptation", "sci-fi"})
# Nouns that make a title only in apposition: "X, the third feature from", "X, a
# family saga penned by" ("the feature" or "a saga" alone may be anything).
APPOSITIVE_WORK_NOUNS = frozenset({"feature", "debut", "saga", "epic", "biopic", "musical",
                                   "romance", "blockbuster", "whodunnit", "whodunit"})
# Nouns after which "of/to/with/as X" names a work.
RELATION_NOUNS = frozenset({"spin-off", "spinoff", "sequel", "prequel", "crossover",
                            "cross-over", "follow-up", "universe", "continuity"})
BROADCAST_VERBS = frozenset({"premiere", "premier", "air", "debut", "broadcast", "run", "begin",
                             "start", "launch", "stream"})
CREATE_VERBS = frozenset({"create", "co-create", "develop", "write"})
# Words between a work and a "created by" that follows it: "X, which was also created".
SUBJECT_FILLER = frozenset({",", "also", "was", "is", "were", "which", "itself", "originally",
                            "first", "later"})
# A franchise's shared universe: "Marvel Cinematic Universe", "DC Extended Universe",
# "Arrowverse", "MCU"; not a universe inside a story ("the Mirror Universe").
UNIVERSE = re.compile(r"^(?:.+ (?:Cinematic|Extended|Expanded|Shared|Television) "
                      r"(?:Universe|Continuity|Timeline)|[A-Z][a-z]+-?[Vv]erse|[A-Z]{2,4}U)$")


@dataclass
class WorkIndex:
    """What one article says about works: italic titles, known works, sections."""

    italics: dict
    italics_by_end: dict
    known: set
    sections: list
    article_work: str | None


class TitleReaders(NamedTuple):
    """The title readers of ``works`` (``title_at``, ``title_ending``,
    ``title_of_name``) that building an index reads the cue titles with, and
    ``works_prose.prose_titles``."""

    title_at: Callable
    title_ending: Callable
    title_of_name: Callable
    prose_titles: Callable


def norm_title(text):
    """Return a title folded for comparison: case, curly quotes, a leading "the".

    >>> norm_title("The  Defenders’")
    "defenders'"
    """
    text = " ".join(text.replace("’", "'").casefold().split())
    return text[4:] if text.startswith("the ") else text


def is_universe(text):
    """Return True for the name of a franchise's shared universe.

    >>> [is_universe(t) for t in ("Marvel Cinematic Universe", "Arrowverse", "MCU",
    ...                           "Mirror Universe", "Multiverse")]
    [True, True, True, False, False]
    """
    return bool(UNIVERSE.match(" ".join(text.split()))) and text.lower() != "multiverse"


def title_case(text):
    """Return True when every word of ``text`` is capitalised or a small title word.

    >>> title_case("Fire Walk with Me"), title_case("the last one")
    (True, False)
    """
    words = text.split()
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in TITLE_SMALL_WORDS for w in words
    )


def article_index(ctx, readers):
    """Return the WorkIndex of the article, built once per document with ``readers``."""
    if "works" not in ctx.memo:
        _build_index(ctx, readers)
    return ctx.memo["works"]


def _skip_back(doc, j, words):
    """Return the index after the run of tokens in ``words`` that ends at j - 1."""
    while j > 0 and (doc[j - 1].lower_ in words or is_markup(doc[j - 1])):
        j -= 1
    return j


def _cue_titles(ctx, readers):
    """Yield the titles that stand where only works stand (see the module docstring)."""
    doc = ctx.doc
    n = len(doc)
    for i in word_positions(ctx, first_words(RELATION_NOUNS | WORK_NOUNS)):
        word, after = compound_at(doc, i)
        if word in RELATION_NOUNS and after < n and doc[after].lower_ in (
                "of", "to", "with", "as", "from"):
            yield readers.title_at(ctx, after + 1)
        if word in WORK_NOUNS and i > 0 and doc[i].is_lower:  # not "The Observer: Film"
            if doc[i - 1].lower_ == "the":
                yield readers.title_at(ctx, after)
            yield _appositive_head(ctx, i, readers)
            yield _predicate_head(ctx, i, readers)
    for i in word_positions(ctx, APPOSITIVE_WORK_NOUNS):
        if doc[i].is_lower and doc[i].pos_ == "NOUN":
            yield _appositive_head(ctx, i, readers)
    for k in word_positions(ctx, ("on", "by", "for")):
        i = k - 1
        if i < 1 or k + 1 >= n:
            continue
        lemma = doc[i].lemma_.lower()
        if lemma in BROADCAST_VERBS and doc[i].pos_ == "VERB" and doc[k].lower_ == "on" \
                and doc[k + 1].text[:1].isupper():
            j = i - 2 if doc[i - 1].lower_ == "which" and doc[i - 2].text == "," else i
            yield readers.title_ending(ctx, _skip_back(doc, j, {"first", "originally", "also"}),
                                       True)
        if lemma in CREATE_VERBS and doc[k].lower_ != "on" and not (
                doc[k + 1].pos_ == "DET" and doc[k + 2:k + 3].text[:1].isupper()):
            # "created by the Old Ones" makes no work
            yield readers.title_ending(ctx, _skip_back(doc, i, SUBJECT_FILLER), True)


def _appositive_head(ctx, i, readers):
    """Return the title before ", a/the (modifiers) NOUN" where token i is the noun."""
    doc = ctx.doc
    j = i
    while j > 0 and i - j < 4 and (doc[j - 1].pos_ in ("ADJ", "NUM", "PROPN", "PUNCT", "NOUN")
                                   or doc[j - 1].tag_ == "VBN") \
            and doc[j - 1].text not in (",", "(", ")"):
        j -= 1
    if j < 2 or doc[j - 1].lower_ not in ("a", "an", "the") or doc[j - 2].text != ",":
        return None
    # "Created by A and B, the original series opens ...": a verb after the noun makes
    # it the subject of a new clause, not an appositive.
    after = compound_at(doc, i)[1]
    if after < len(doc) and (doc[after].tag_ in ("VBD", "VBZ", "VBP", "MD", "NN", "NNS")
                             or doc[after].pos_ == "PART" or doc[after].text in APOSTROPHE_S):
        return None  # and "A, the show's creator" or "B, the series finale" are no works
    return readers.title_ending(ctx, j - 2)


def _predicate_head(ctx, i, readers):
    """Return the title X of "X is a/an (modifiers) NOUN" where token i is the noun
    ("Night Harbour is a British crime drama television series"), or None."""
    doc = ctx.doc
    j = i
    while j > 0 and i - j < 6 and (doc[j - 1].pos_ in ("ADJ", "NUM", "PROPN", "NOUN")
                                   or doc[j - 1].tag_ == "VBN" or doc[j - 1].text == "-"):
        j -= 1
    if j < 3 or doc[j - 1].lower_ not in ("a", "an"):
        return None
    k = j - 1
    while k > 1 and doc[k - 1].pos_ == "ADV":
        k -= 1  # "X is also a ...", "X was originally a ..."
    if doc[k - 1].lower_ not in ("is", "was"):
        return None
    k -= 1
    after = compound_at(doc, i)[1]
    if after < len(doc) and doc[after].text in APOSTROPHE_S:
        return None  # "X is a show's creator"
    return readers.title_ending(ctx, k, True)


def _sections(ctx, known):
    """Return [(start_char, work)] for each heading line that is a known work's title."""
    text = ctx.doc.text
    body = ctx.article.body_start
    sections = []
    for match in re.finditer(r"[^\n]+", text[body:]):
        line = match.group().strip().strip("#*_ ").strip()
        if line and len(line) <= 80 and norm_title(line) in known:
            sections.append((body + match.start(), line))
    return sections


def first_line(text, body_start):
    """Return (start, end) character offsets of the first line of an article's body
    (its headline), past blank lines and Markdown heading marks."""
    start = body_start
    while start < len(text) and text[start] in " \n\t#":
        start += 1
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


def _headline_work(ctx, known, readers):
    """Return the first known work named on the article's first line, or None."""
    body, line_end = first_line(ctx.doc.text, ctx.article.body_start)
    for name in ctx.names:
        if name.start_char >= line_end:
            break
        if name.start_char >= body:
            title = readers.title_of_name(ctx, name)
            if title and norm_title(title.text) in known:
                return title.text
    return None


def _build_index(ctx, readers):
    """Return the WorkIndex of an article, stored in the context as it is built."""
    text = ctx.doc.text
    italics, by_end = {}, {}
    for match in ITALIC.finditer(text):
        if title_case(match.group(2)):
            italics[match.start(2)] = (match.end(2), match.group(2))
            by_end[match.end(2)] = match.start(2)
    idx = WorkIndex(italics=italics, italics_by_end=by_end, known=set(), sections=[],
                    article_work=None)
    ctx.memo["works"] = idx  # read (partly built) while the cue titles are found
    known = idx.known
    known.update(norm_title(t) for t in ctx.works)
    known.update(norm_title(t) for _end, t in italics.values())
    # A cue title is added as soon as it is read: "Marvel's Jessica Jones" needs to know
    # whether "Jessica Jones" is a work.
    for title in _cue_titles(ctx, readers):
        if title:
            known.add(norm_title(title.text))
    for _start, _end, text in readers.prose_titles(ctx):
        known.add(norm_title(text))
        if text.endswith(APOSTROPHE_S_ENDINGS):
            # "the drama St Brigid's": the names read the title without its "'s".
            known.add(norm_title(text[:-2]))
    idx.sections = _sections(ctx, known)
    idx.article_work = ctx.article.work or _headline_work(ctx, known, readers) \
        or ctx.default_work
    return idx
