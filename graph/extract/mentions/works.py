"""Work titles in text: where a series or a film is named, and which work is meant.

Crew and continuity rules relate people and works, so they read a title at a
position ("a spin-off of The X-Files", "showrunner of Marvel's Jessica Jones") and
need the work a sentence means when it only says "the series".

- ``title_at(ctx, i)`` / ``title_ending(ctx, i)``: one title starting at token i,
  or ending just before it: a name span with its leading "The", a subtitle after a
  colon (Avengers: Infinity War), an owner's possessive dropped when the owned name
  is a known work (Marvel's Jessica Jones), a Markdown italic title whole
  (_Twin Peaks: Fire Walk with Me_), a quoted title when the quote is at i.
- ``titles_from(ctx, i)``: a coordinated list ("A, B and C").
- ``is_work(ctx, text)``: the article treats the name as a work (how it says so is
  in ``works_index``).
- ``work_for(ctx, i)``: the work "the series" means at token i: the work named by
  the section heading above it, else the front matter's, else (news) the work named
  last before it, else the article's (headline, season mentions);
- ``mentions(ctx)``, ``work_at(ctx, i)``, ``work_named_last(ctx, i)``,
  ``work_named_near(ctx, i)``: where the article names known works (the titles
  ``works_prose`` finds in news prose included), the one at a token, the last one
  before it, and the one a bare "director Ann Marsh" credits.

The reading helpers that titles and the rules share (markup, sentences cut at line
breaks, hyphenated compounds) are in ``works_text``.
"""

import bisect
from dataclasses import dataclass

from graph.extract.mentions.names import NOT_NAMES
from graph.extract.mentions.works_index import (
    TITLE_SMALL_WORDS,
    TitleReaders,
    article_index,
    is_universe,
    norm_title,
    title_case,
)
from graph.extract.mentions.works_prose import (
    NOT_TITLES,
    mention_covering,
    prose_titles,
    work_mentions,
    work_named_before,
)
from graph.extract.mentions.works_text import (
    APOSTROPHE_S,
    QUOTES,
    is_markup,
    opens_sentence,
    skip_markup,
)

# "Daredevil's season": nouns for parts of a work, which its title may own.
PARTS_OF_A_WORK = frozenset({"season", "seasons", "series", "episode", "episodes", "finale",
                             "premiere", "pilot", "universe", "continuity", "canon"})


@dataclass(frozen=True)
class Title:
    """A work's title in the text: its clean text, token range and character range."""

    text: str
    start: int
    end: int
    start_char: int
    end_char: int


def index(ctx):
    """Return the WorkIndex of the article (``works_index``), built once per document."""
    return article_index(ctx, READERS)


def is_work(ctx, text):
    """Return True when the article treats ``text`` as the title of a work."""
    return bool(text) and (norm_title(text) in index(ctx).known or is_universe(text))


def work_for(ctx, token_index):
    """Return the work "the series" means at a token: the section's, else the one the
    front matter names, else the work last named before it, else the article's."""
    idx = index(ctx)
    char = ctx.doc[token_index].idx if token_index < len(ctx.doc) else len(ctx.doc.text)
    at = bisect.bisect_right(idx.sections, (char, "\uffff")) - 1
    if at >= 0:
        return idx.sections[at][1]
    if ctx.article.work:
        return ctx.article.work
    return work_named_last(ctx, token_index) or idx.article_work


def _italic_title(ctx, idx, i):
    """Return the italic Title whose text starts at token i, or None."""
    found = idx.italics.get(ctx.doc[i].idx)
    if found is None:
        return None
    end_char, text = found
    j = i
    while j < len(ctx.doc) and ctx.doc[j].idx < end_char:
        j += 1
    return Title(text, i, j, ctx.doc[i].idx, end_char)


def _quoted_title(ctx, i):
    """Return the Title in quotes opening at token i ("School Reunion"), or None."""
    doc = ctx.doc
    for j in range(i + 1, min(i + 10, len(doc))):
        if doc[j].text in QUOTES:
            if j == i + 1:
                return None
            text = doc[i + 1:j].text
            if not title_case(text):
                return None
            return Title(text, i + 1, j, doc[i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text))
        if "\n" in doc[j].text:
            return None
    return None


def _name_title(ctx, i):
    """Return (start, end) tokens of the name at i with a leading "The", or None."""
    doc = ctx.doc
    if doc[i].text == "The" and ctx.name_starting(i + 1):
        return i, ctx.name_starting(i + 1).end
    name = ctx.name_starting(i)
    return (name.start, name.end) if name else None


def _capitalised_run(doc, i):
    """Return the end of the run of title-case words starting at i ("Born Again",
    "Attorney at Law"), or None when token i is not capitalised."""
    end = None
    j = i
    while j < len(doc) and "\n" not in doc[j].text:
        word = doc[j].text
        if word[:1].isupper() and word[:1].isalpha():
            end = j = j + 1
        elif end and (word.lower() in TITLE_SMALL_WORDS - {"and", "or"} or word == "-"):
            j += 1
        else:
            break
    return end


def _make(ctx, start, end):
    doc = ctx.doc
    span = doc[start:end]
    return Title(" ".join(span.text.split()), start, end, span.start_char, span.end_char)


def title_at(ctx, i, quoted=False):
    """Return the Title starting at token i (markup skipped), or None.

    ``quoted`` also accepts a title in quotes there.
    """
    doc = ctx.doc
    idx = index(ctx)
    i = skip_markup(doc, i)
    if i >= len(doc):
        return None
    if doc[i].text in QUOTES:
        return _quoted_title(ctx, i) if quoted else None
    italic = _italic_title(ctx, idx, i)
    if italic:
        return italic
    found = _name_title(ctx, i)
    if found is None and _lost_first_word(doc, i):
        found = (i, i + 1)
    if found is None:
        return None
    start, end = found
    if end + 1 < len(doc) and doc[end].text in APOSTROPHE_S:
        owned = _name_title(ctx, end + 1)
        if owned and is_work(ctx, _make(ctx, *owned).text):
            return _make(ctx, *owned)
        if doc[end + 1].pos_ == "NOUN" and doc[end + 1].lower_ not in PARTS_OF_A_WORK:
            return None  # "the studio's adaptations": the name owns the thing named
    if (end + 1 < len(doc) and doc[end].text == ":" and not doc[end - 1].whitespace_
            and doc[end].whitespace_):
        end = _capitalised_run(doc, end + 1) or end
    return _make(ctx, start, end)


def title_ending(ctx, j, strict=False):
    """Return the Title whose last token is just before j (markup and a "(1992)" year
    skipped), or None.

    ``strict`` refuses a name after a lower-case "the": as a subject, "the Doctor" is a
    character or a thing, while in "the Night Harbour spin-off" the article is the
    spin-off's.
    """
    doc = ctx.doc
    idx = index(ctx)
    k = j
    while k > 0 and is_markup(doc[k - 1]):
        k -= 1
    if k >= 3 and doc[k - 1].text == ")" and doc[k - 2].like_num and doc[k - 3].text == "(":
        k -= 3
        while k > 0 and is_markup(doc[k - 1]):
            k -= 1
    if k <= 0:
        return None
    last = doc[k - 1]
    italic_start = idx.italics_by_end.get(last.idx + len(last.text))
    if italic_start is not None:
        i = k - 1
        while i > 0 and doc[i].idx > italic_start:
            i -= 1
        return _italic_title(ctx, idx, i)
    name = ctx.name_ending(k)
    if name is None:
        # "Severance, the thriller": a one-word title opening a sentence, tagged a noun.
        return _make(ctx, k - 1, k) if _lost_first_word(doc, k - 1) else None
    start = run = name.start
    while run > 1 and "\n" not in doc[run - 1].text and (
            doc[run - 1].text[:1].isupper() or doc[run - 1].lower_ in TITLE_SMALL_WORDS
            and doc[run - 2].text[:1].isupper()):
        run -= 1
    if run >= 2 and doc[run - 1].text == ":" and not doc[run - 2].whitespace_ \
            and ctx.name_ending(run - 1):
        start = ctx.name_ending(run - 1).start
    noun_after = k < len(doc) and doc[k].is_lower and doc[k].pos_ == "NOUN"
    if start > 0 and (doc[start - 1].text == "The" and not noun_after
                      or _lost_first_word(doc, start - 1)):
        start -= 1  # but "The Night Harbour sequel": the article is the sequel's
    elif strict and start > 0 and doc[start - 1].text == "the" and not is_universe(name.text):
        # "the Doctor", "the Hand": a lower-case article marks a character or a thing.
        return None
    return _make(ctx, start, k)


def _lost_first_word(doc, i):
    """Return True for a capitalised word opening a sentence just before a name, which
    the name finder leaves out when it is tagged as a common word ("Better Call Saul")."""
    word = doc[i].text
    return word[:1].isupper() and doc[i].is_alpha and word.lower() not in NOT_NAMES \
        and doc[i].pos_ in ("ADJ", "NOUN", "VERB") and opens_sentence(doc, i)


def title_of_name(ctx, name):
    """Return the Title that a NameSpan begins, with a capital "The" or a first word
    before it that the name finder leaves out at the start of a sentence."""
    start = name.start
    if start > 0 and (ctx.doc[start - 1].text == "The" or _lost_first_word(ctx.doc, start - 1)):
        start -= 1
        found = _name_title(ctx, start + 1)
        return _make(ctx, start, found[1]) if found else None
    return title_at(ctx, start)


def titles_from(ctx, i, quoted=False):
    """Return the Titles of a list starting at token i: "A", "A and B", "A, B and C".

    A list of commas with no "and" before its last item gives only its first title
    (what follows a comma may be an aside, not another work).
    """
    doc = ctx.doc
    first = title_at(ctx, i, quoted)
    if first is None:
        return []
    titles, j = [first], skip_markup(doc, first.end)
    while j < len(doc):
        if doc[j].text == "," and j + 1 < len(doc) and doc[j + 1].lower_ in ("and", "or"):
            j, final = j + 2, True
        elif doc[j].lower_ in ("and", "or"):
            j, final = j + 1, True
        elif doc[j].text == ",":
            j, final = j + 1, False
        else:
            break
        nxt = title_at(ctx, j, quoted)
        if nxt is None:
            break
        titles.append(nxt)
        j = skip_markup(doc, nxt.end)
        if final:
            return titles
    return titles[:1]


# What building a WorkIndex reads cue titles with.
READERS = TitleReaders(title_at, title_ending, title_of_name, prose_titles)


def mentions(ctx):
    """Return the sorted (start, end, text) places the article names a known work."""
    return work_mentions(ctx, index(ctx).known, title_of_name)


def work_at(ctx, i):
    """Return the known work named at token i (a title covering it), or None."""
    found = mention_covering(mentions(ctx), i)
    return found[2] if found else None


def work_named_last(ctx, i):
    """Return the work last named before token i, or None."""
    return work_named_before(mentions(ctx), i)


def work_named_near(ctx, i):
    """Return the work last named before token i in its sentence, else the one the
    article's headline or front matter names, or None: what a bare "director Ann
    Marsh" credits, where a work named sentences before may be another."""
    work = work_named_last(ctx, i)
    start = ctx.tokens.sent_start[i]
    if work and any(t == work for s, _e, t in mentions(ctx) if start <= s < i):
        return work
    work = index(ctx).article_work
    return None if work and norm_title(work) in NOT_TITLES else work
