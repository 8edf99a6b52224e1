"""Work titles in text: where a series or a film is named, and which names are works.

Crew and continuity rules relate people and works, so they read a title at a
position ("a spin-off of The X-Files", "showrunner of Marvel's Jessica Jones") and
need the work a sentence means when it only says "the series".

- ``title_at(ctx, i)`` / ``title_ending(ctx, i)``: one title starting at token i,
  or ending just before it: a name span with its leading "The", a subtitle after a
  colon (Avengers: Infinity War), an owner's possessive dropped when the owned name
  is a known work (Marvel's Jessica Jones), a Markdown italic title whole
  (_Twin Peaks: Fire Walk with Me_), a quoted title when the quote is at i.
- ``titles_from(ctx, i)``: a coordinated list ("A, B and C").
- ``is_work(ctx, text)``: the article treats the name as a work: its front matter,
  a season mention ("Daredevil season 2"), an italic title, or a name in a place
  only works stand ("a spin-off of X", "X, a Netflix series", "X premiered on HBO",
  "X was created by", "the film X").
- ``work_for(ctx, i)``: the work "the series" means at token i: the work named by
  the section heading above it, else the article's (front matter, headline, season
  mentions).

Beside these, the reading helpers that crew and continuity rules share: Markdown
markup, hyphenated compounds ("spin-off"), sentences cut at line breaks (the tagger
runs sentences on across paragraphs), ``asserted_in_line`` (modality's check within
such a sentence) and ``word_positions`` (where the words a rule starts from stand).
"""

import bisect
import re
from dataclasses import dataclass

from graph.extract.modality import asserted_tokens
from graph.extract.names import NOT_NAMES

APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})
QUOTES = frozenset({'"', "“", "”"})
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
# "Daredevil's season": nouns for parts of a work, which its title may own.
PARTS_OF_A_WORK = frozenset({"season", "seasons", "series", "episode", "episodes", "finale",
                             "premiere", "pilot", "universe", "continuity", "canon"})
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


@dataclass(frozen=True)
class Title:
    """A work's title in the text: its clean text, token range and character range."""

    text: str
    start: int
    end: int
    start_char: int
    end_char: int


@dataclass
class WorkIndex:
    """What one article says about works: italic titles, known works, sections."""

    italics: dict
    italics_by_end: dict
    known: set
    sections: list
    article_work: str | None


def norm_title(text):
    """Return a title folded for comparison: case, curly quotes, a leading "the".

    >>> norm_title("The  Defenders’")
    "defenders'"
    """
    text = " ".join(text.replace("’", "'").casefold().split())
    return text[4:] if text.startswith("the ") else text


def is_markup(token):
    """Return True for a Markdown emphasis or heading token (``_``, ``**``, ``#``)."""
    return bool(token.text) and all(ch in "_*#" for ch in token.text)


def skip_markup(doc, i):
    """Return the first index at or after ``i`` that is not Markdown markup."""
    while i < len(doc) and is_markup(doc[i]):
        i += 1
    return i


def opens_sentence(doc, i):
    """Return True when token i starts a sentence, a line or a paragraph (markup
    skipped): the tagger's sentences run on across paragraph breaks."""
    j = i - 1
    while j >= 0 and is_markup(doc[j]):
        j -= 1
    return j < 0 or doc[i].is_sent_start or "\n" in doc[j].text


def line_sentence(doc, i):
    """Return (start, end) tokens of the sentence holding token i, cut at line breaks
    (the tagger's sentences run on across paragraphs and headings)."""
    start, end = doc[i].sent.start, doc[i].sent.end
    for j in range(i, start, -1):
        if "\n" in doc[j - 1].text:
            start = j
            break
    for j in range(i + 1, end):
        if "\n" in doc[j].text:
            end = j
            break
    return start, end


def word_positions(ctx, words):
    """Return the sorted indices of the tokens whose lower-case text is in ``words`` (an
    index of the document built once, so rules visit only the tokens that can start
    their cue)."""
    table = ctx.memo.get("word_positions")
    if table is None:
        table = ctx.memo["word_positions"] = {}
        for token in ctx.doc:
            table.setdefault(token.lower_, []).append(token.i)
    return sorted(i for word in words for i in table.get(word, ()))


def first_words(words):
    """Return the first parts of words and hyphenated compounds ("spin" of "spin-off")."""
    return frozenset(word.split("-")[0] for word in words)


def asserted_in_line(ctx, start, end):
    """Return modality's verdict on tokens [start, end) (``modality.asserted``), read
    within their sentence cut at line breaks, so that a paragraph before does not lend
    the statement its "could" or a heading after it its "?"."""
    first, last = line_sentence(ctx.doc, start)
    if (first, last) == (ctx.doc[start].sent.start, ctx.doc[start].sent.end):
        return asserted_tokens(ctx.doc, start, end)
    return asserted_tokens(ctx.doc[first:max(last, end)].as_doc(), start - first, end - first)


def is_universe(text):
    """Return True for the name of a franchise's shared universe.

    >>> [is_universe(t) for t in ("Marvel Cinematic Universe", "Arrowverse", "MCU",
    ...                           "Mirror Universe", "Multiverse")]
    [True, True, True, False, False]
    """
    return bool(UNIVERSE.match(" ".join(text.split()))) and text.lower() != "multiverse"


def index(ctx):
    """Return the WorkIndex of the article, built once per document."""
    if "works" not in ctx.memo:
        _build_index(ctx)
    return ctx.memo["works"]


def is_work(ctx, text):
    """Return True when the article treats ``text`` as the title of a work."""
    return bool(text) and (norm_title(text) in index(ctx).known or is_universe(text))


def work_for(ctx, token_index):
    """Return the work "the series" means at a token: the section's, else the article's."""
    idx = index(ctx)
    char = ctx.doc[token_index].idx if token_index < len(ctx.doc) else len(ctx.doc.text)
    at = bisect.bisect_right(idx.sections, (char, "\uffff")) - 1
    if at >= 0:
        return idx.sections[at][1]
    return idx.article_work


def compound_at(doc, i):
    """Return (lower-case word, index after) for the word at i, joining a hyphenated
    compound written without spaces ("spin-off", "co-creator")."""
    if (i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_
            and not doc[i + 1].whitespace_):
        return f"{doc[i].lower_}-{doc[i + 2].lower_}", i + 3
    return doc[i].lower_, i + 1


def compound_ending(doc, j):
    """Return (lower-case word, start index) for the word ending just before j, joining
    a hyphenated compound."""
    i = j - 1
    if (i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_
            and not doc[i - 1].whitespace_):
        return f"{doc[i - 2].lower_}-{doc[i].lower_}", i - 2
    return doc[i].lower_, i


def _title_case(text):
    """Return True when every word of ``text`` is capitalised or a small title word."""
    words = text.split()
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in TITLE_SMALL_WORDS for w in words
    )


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
            if not _title_case(text):
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


def _skip_back(doc, j, words):
    """Return the index after the run of tokens in ``words`` that ends at j - 1."""
    while j > 0 and (doc[j - 1].lower_ in words or is_markup(doc[j - 1])):
        j -= 1
    return j


def _cue_titles(ctx):
    """Yield the titles that stand where only works stand (see the module docstring)."""
    doc = ctx.doc
    n = len(doc)
    for i in word_positions(ctx, first_words(RELATION_NOUNS | WORK_NOUNS)):
        word, after = compound_at(doc, i)
        if word in RELATION_NOUNS and after < n and doc[after].lower_ in (
                "of", "to", "with", "as", "from"):
            yield title_at(ctx, after + 1)
        if word in WORK_NOUNS and i > 0:
            if doc[i - 1].lower_ == "the":
                yield title_at(ctx, after)
            yield _appositive_head(ctx, i)
    for k in word_positions(ctx, ("on", "by", "for")):
        i = k - 1
        if i < 1 or k + 1 >= n:
            continue
        lemma = doc[i].lemma_.lower()
        if lemma in BROADCAST_VERBS and doc[i].pos_ == "VERB" and doc[k].lower_ == "on" \
                and doc[k + 1].text[:1].isupper():
            j = i - 2 if doc[i - 1].lower_ == "which" and doc[i - 2].text == "," else i
            yield title_ending(ctx, _skip_back(doc, j, {"first", "originally", "also"}), True)
        if lemma in CREATE_VERBS and doc[k].lower_ != "on" and not (
                doc[k + 1].pos_ == "DET" and doc[k + 2:k + 3].text[:1].isupper()):
            # "created by the Old Ones" makes no work
            yield title_ending(ctx, _skip_back(doc, i, SUBJECT_FILLER), True)


def _appositive_head(ctx, i):
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
    return title_ending(ctx, j - 2)


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


def _headline_work(ctx, known):
    """Return the first known work named on the article's first line, or None."""
    text = ctx.doc.text
    body = ctx.article.body_start
    while body < len(text) and text[body] in " \n\t#":
        body += 1
    line_end = text.find("\n", body)
    line_end = len(text) if line_end < 0 else line_end
    for name in ctx.names:
        if name.start_char >= line_end:
            break
        if name.start_char >= body:
            title = title_of_name(ctx, name)
            if title and norm_title(title.text) in known:
                return title.text
    return None


def _build_index(ctx):
    """Return the WorkIndex of an article."""
    text = ctx.doc.text
    italics, by_end = {}, {}
    for match in ITALIC.finditer(text):
        if _title_case(match.group(2)):
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
    for title in _cue_titles(ctx):
        if title:
            known.add(norm_title(title.text))
    idx.sections = _sections(ctx, known)
    idx.article_work = ctx.article.work or _headline_work(ctx, known) or ctx.default_work
    return idx
