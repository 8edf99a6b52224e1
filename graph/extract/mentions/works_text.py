"""Reading helpers that title reading and the crew and continuity rules share.

The rules that relate works and people read tokens the same way:

- Markdown markup (``_``, ``**``, ``#``) is skipped (``is_markup``, ``skip_markup``);
- sentences are cut at line breaks, because the tagger runs sentences on across
  paragraphs and headings (``opens_sentence``, ``line_sentence``), and
  ``asserted_in_line`` gives modality's verdict within such a sentence;
- a hyphenated compound written without spaces is one word ("spin-off",
  "co-creator": ``compound_at``, ``compound_ending``, ``first_words``);
- a rule visits only the tokens that can start its cue (``word_positions``).
"""

from graph.extract.evidence.modality import asserted_tokens

APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})
QUOTES = frozenset({'"', "“", "”"})
# Small words a title may hold between its capitalised words.
TITLE_JOINERS = frozenset({"of", "the", "a", "an", "and", "in", "on", "at", "to", "for",
                           "from", "with", "by", "&", "-", "or"})
# The longest title read from capitals alone.
MAX_TITLE_WORDS = 9


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


def capitalised_run(tokens, i, limit=MAX_TITLE_WORDS + 3):
    """Return the end of the title-case run starting at token i ("Million Dollar
    Baby", "Harry Potter and the Prisoner of Azkaban", "Exorcist: The Beginning"),
    or i when token i does not start one. The run stops at a line break and at a
    possessive, and never ends on a small word."""
    text, n = tokens.text, len(tokens)
    end = j = i
    while j < n and j - i < limit and "\n" not in text[j] and not tokens.is_space[j]:
        word = text[j]
        if word[:1].isupper() or word.isdigit() and (
                j == end > i or j == i and j + 1 < n and text[j + 1][:1].isupper()):
            end = j = j + 1
        elif end > i and (word.lower() in TITLE_JOINERS or word == ":" and not
                          tokens.whitespace[j - 1]):
            j += 1
        else:
            break
    if end < n and text[end] in APOSTROPHE_S:
        # "the film Bay's success": a name that owns what follows; but "the drama St
        # Clement's, where" ends a title in its possessive ("Saint Aubin's").
        closed = end + 1 < n and text[end + 1] != "-" and tokens.pos[end + 1] in (
            "PUNCT", "ADP", "CCONJ", "SCONJ")
        return end + 1 if closed else i
    return end
