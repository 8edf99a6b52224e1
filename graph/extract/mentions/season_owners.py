"""Names that may own a season, and what tells that an article is about television.

A season belongs to a TV show, never to a country, a nationality, a channel or an
award ("the US series", "the BBC's second series", "Oscars season"); a possessive
owner ("Night Harbour's second season") is a show's only where the article writes
the name as a title or talks of television, since venues and teams have seasons
too ("the Old Quay's first season").
"""

import re

from graph.extract.mentions import works

# NER labels countries and nationalities; channels and awards it labels ORG like
# many shows, so they are listed.
CHANNEL_NAMES = frozenset({
    "bbc", "bbc1", "bbc2", "bbc3", "bbc one", "bbc two", "bbc three", "bbc four", "itv",
    "itv1", "itv2", "channel 4", "channel 5", "e4", "sky", "sky one", "sky atlantic", "hbo",
    "hbo max", "nbc", "cbs", "abc", "fox", "amc", "fx", "the cw", "cw", "pbs", "mtv", "vh1",
    "bravo", "e!", "netflix", "hulu", "amazon", "amazon prime", "prime video", "showtime",
    "starz", "syfy", "tnt", "tbs", "peacock", "apple tv+", "disney+", "disney channel",
    "comedy central", "cartoon network", "the wb", "us", "uk", "u.s.", "u.k.", "tv", "radio"})
# Awards, festivals and sports: a name ending so has seasons or series of its own.
NOT_A_WORK_END = re.compile(r"(?:Awards?|Oscars?|Emmys?|Globes?|Baftas?|BAFTAs?|Grammys?|"
                            r"Festival|League|Cup|Olympics|Championships?|Premiership|"
                            r"Open|Proms|Ashes|Prix|Marathon|Regatta|Trophy|World Series)$")
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
QUOTE_MARKS = "\"'“”‘’_*"


def is_channel(ctx, span):
    """Return True when a name span is a channel's: "BBC One", "ITV1", "Channel 4"
    (whose number the names leave out)."""
    text = " ".join(span.text.lower().split())
    if text in CHANNEL_NAMES or text[-1:].isdigit() and text[:-1] in CHANNEL_NAMES:
        return True
    tokens = ctx.tokens
    return span.end < len(tokens) and tokens.tag[span.end] == "CD" \
        and f"{text} {tokens.lower[span.end]}" in CHANNEL_NAMES


def not_a_work(ctx, span, places=True):
    """Return True when a name span is a country, a nationality, a channel or an award,
    which a season never belongs to; ``places=False`` trusts no place label (after
    "season 3 of", where only a show stands)."""
    text = span.text
    if is_channel(ctx, span) or NOT_A_WORK_END.search(text):
        return True
    if not places:
        return False
    # NER calls many made-up titles places ("season 3 of Harbour Lights"): only a
    # one-word place is trusted to be one ("the American series 4"), and not when the
    # article calls it a work ("Dallas, the prime-time soap").
    return (span.end - span.start == 1 and ctx.tokens.ent_type[span.start] in PLACE_LABELS
            and not works.is_work(ctx, text))


# Words of an article about television: a possessive before a season ("Night
# Harbour's second season") is a show's only in such an article, and a venue's or a
# team's elsewhere ("the Old Quay's first season").
# Awards of television count too; words of film and stage ("starred", "premiere")
# do not: celebrity news about a team's season uses them as well.
TELEVISION = re.compile(r"\b(?:episodes?|television|TV|sitcom|network|[Vv]iewers|showrunner|"
                        r"aired|airs|renewed|recap|synopsis|BBC|ITV\d?|HBO|NBC|CBS|ABC|Netflix|"
                        r"Channel 4|Channel 5|Sky One|E4|soap|broadcaster|broadcast|streaming|"
                        r"Emmys?|Baftas?|BAFTAs?)\b")


def about_television(ctx):
    """Return True when the article has a front matter work or words of television."""
    found = ctx.memo.get("about_television")
    if found is None:
        found = bool(ctx.article.work) or TELEVISION.search(ctx.tokens.doc_text) is not None
        ctx.memo["about_television"] = found
    return found


def written_as_title(ctx, span):
    """Return True when a name is the front matter's work or stands in quotes or
    italics somewhere in the article."""
    if span.text == ctx.article.work:
        return True
    text = ctx.tokens.doc_text
    return any(text[m.start() - 1:m.start()] in QUOTE_MARKS and m.start()
               for m in re.finditer(re.escape(span.text), text))


# Small words a title holds in lower case: "Sex and the City", "Bachelor in Paradise".
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
    the Kardashians" the whole; the span's own text when nothing extends it. The
    words taken are no other name's, and a title opens with a content word."""
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


# Words of sport: a season in a sentence that holds them is a team's or a league's
# ("The Rangers' first season in the new stadium ended in defeat"), unless the
# article writes its owner as a title.
SPORT = re.compile(r"\b(?:league|stadium|striker|goalkeeper|midfielder|pitcher|quarterback|"
                   r"innings|touchdowns?|home runs?|playoffs?|relegation|relegated|"
                   r"championship|fixtures?|defeat|batting|wickets?)\b", re.IGNORECASE)


def sports_sentence(ctx, token, work):
    """Return True when the sentence around a token speaks of sport and the article
    does not write ``work`` as a title (in quotes, italics or its front matter)."""
    tokens = ctx.tokens
    start, end = tokens.sent_start[token], tokens.sent_end[token]
    text = tokens.doc_text[tokens.idx[start]:tokens.idx[end - 1] + len(tokens.text[end - 1])]
    if SPORT.search(text) is None or work == ctx.article.work:
        return False
    return not any(tokens.doc_text[m.start() - 1:m.start()] in QUOTE_MARKS and m.start()
                   for m in re.finditer(re.escape(work), tokens.doc_text))
