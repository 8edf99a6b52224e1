"""The whole title a name belongs to, where the names finder cut it.

Names stop at lower-case small words and may leave out a title's opening word,
so a season's owner can come out as "City" for "Sex and the City", "Stars" for
"Dancing With the Stars" or "Come Dancing" for "Strictly Come Dancing".
``full_title`` joins the pieces back: small words between capitalised words, a
capitalised function word in mid-sentence ("With", "Is", "Up"), an opening content
word; never across a person, a channel, an award, a role ("the Lantern Queen in
X"), a lone "and" or "in" (two names: "Ember Crown and Salt Road"), or past a
mid-sentence "The" (which opens a title of its own).
"""

from graph.extract.mentions.season_owners import NOT_A_WORK_END, is_channel

# Small words a title holds in lower case: "Sex and the City", "Game of Thrones".
TITLE_SMALL = frozenset({"and", "of", "the", "in", "with", "on", "a", "an", "at", "for", "to",
                         "&"})
# Parts of speech a title may open with, before the words the names finder kept:
# "Dancing With the Stars", "Strictly Come Dancing", "Sex and the City".
TITLE_OPENERS = frozenset({"NOUN", "PROPN", "ADJ", "ADV", "NUM"})
OPENING_TAGS = frozenset({"VBG"})
# A function word written with a capital in mid-sentence is a title's ("Dancing With
# the Stars", "Keeping Up with ...", "Orange Is the New Black").
TITLE_FUNCTION_TAGS = frozenset({"IN", "RP", "CC", "VBZ", "TO"})
NOT_TITLE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERSON"})
# A title's "The" is the callers' to add ("The Voice's 14th season").
ARTICLES = frozenset({"the", "a", "an"})
# Words that open sentences, not titles: "Fans of X", "Now X" (a plural noun opening a
# sentence is a subject: "Viewers of X season 2").
NOT_OPENERS = frozenset({"now", "then", "also", "meanwhile", "finally", "still", "yet", "so",
                         "again", "here", "there", "today", "tonight", "soon", "later",
                         "recently", "currently", "already", "just", "only", "even", "new"})


def full_title(ctx, span):
    """Return the text of the title a name span is the end or the start of, when the
    names finder cut it at a small word or left out an opening word: "City" in "Sex
    and the City's sixth season" gives "Sex and the City", "Stars" in "on Dancing
    With the Stars season 23" "Dancing With the Stars", "Keeping Up" before "with
    the Kardashians" the whole; the span's own text when nothing extends it. A
    title opens with a content word, and joins another name only as
    ``_joins_titles`` allows."""
    tokens = ctx.tokens
    start, end = _extend_left(ctx, span), span.end
    if start < span.start or _has_title_function_word(tokens, span.start, span.end):
        end = _extend_right(ctx, span.end)
    if start == span.start and end == span.end:
        return span.text
    return tokens.doc_text[tokens.idx[start]:tokens.idx[end - 1] + len(tokens.text[end - 1])]


def _title_word(tokens, k):
    """Return "cap" for a capitalised word a title may hold, "small" for a lower-case
    small title word, else None."""
    word = tokens.text[k]
    if word in TITLE_SMALL:
        return "small"
    if word[:1].isupper() and word.replace("'", "").isalpha() \
            and tokens.ent_type[k] not in NOT_TITLE_LABELS:
        return "cap"
    return None


def _extend_left(ctx, span):
    """Return where the title ending with a name span starts (``full_title``)."""
    tokens = ctx.tokens
    sent_start = tokens.sent_start[span.start]
    k, start = span.start - 1, span.start
    while k >= sent_start and tokens.text[start] != "The":
        name = ctx.name_covering(k)
        if name is not None:
            if not _joins_titles(ctx, name.end, start):
                break
            start, k = name.start, name.start - 1  # "Sex" and the "City"
            continue
        kind = _title_word(tokens, k)
        if kind is None or tokens.text[k] == "The" and not tokens.is_sent_start[k]:
            break  # "List of The Quiet Coast episodes": a mid-sentence "The" opens it
        if kind == "cap" and (tokens.pos[k] in TITLE_OPENERS or tokens.tag[k] in OPENING_TAGS) \
                and tokens.lower[k] not in ARTICLES \
                and not (tokens.is_sent_start[k] and (tokens.tag[k] in ("NNS", "NNPS")
                                                      or tokens.lower[k] in NOT_OPENERS)):
            start = k
        k -= 1
    return start


def _extend_right(ctx, end):
    """Return where the title whose first words end at token ``end`` ends: small
    words, capitalised words and names after it, up to the last capitalised one."""
    tokens = ctx.tokens
    sent_end = tokens.sent_end[end - 1]
    k, last = end, end
    while k < sent_end:
        name = ctx.name_covering(k)
        if name is not None:
            if not _joins_titles(ctx, last, name.start):
                break
            k = last = name.end
            continue
        kind = _title_word(tokens, k)
        if kind is None:
            break
        if kind == "cap":
            last = k + 1
        k += 1
    return last


# Words before a name that make it a role or a thing, not a title's first words.
ROLE_BEFORE = frozenset({"the", "a", "an", "as", "his", "her", "their", "its"})


def _joins_titles(ctx, end, start):
    """Return True when the words [end, start) join two pieces of one title: a
    capitalised function word ("Dancing With the Stars"), or a small word before
    "the" ("Sex and the City"), or a lone "of"; never a lone "and" (two shows:
    "Ember Crown and Salt Road") or "in" ("Vera in Harbour Lights"), never from a
    role ("the Lantern Queen in ..."), and never to a name NER calls a person, a
    channel or an award."""
    tokens = ctx.tokens
    words = tokens.text[end:start]
    left = ctx.name_covering(end - 1)
    for piece in (left, ctx.name_covering(start)):
        if piece is not None and ("PERSON" in piece.labels or is_channel(ctx, piece)
                                  or NOT_A_WORK_END.search(piece.text)):
            return False
    if left is not None and left.start > 0 and tokens.text[left.start - 1] in ROLE_BEFORE:
        return False  # "the Lantern Queen in Emberfall": a role in a show
    if not words or any(_title_word(tokens, k) is None for k in range(end, start)):
        return False
    return _has_title_function_word(tokens, end, start) or "the" in words[1:] \
        or words == ["of"]


def _has_title_function_word(tokens, start, end):
    """Return True when tokens [start, end) hold a capitalised function word in
    mid-sentence ("Keeping Up", "Dancing With")."""
    return any(tokens.text[k][:1].isupper() and tokens.tag[k] in TITLE_FUNCTION_TAGS
               and not tokens.is_sent_start[k] for k in range(start, end))

