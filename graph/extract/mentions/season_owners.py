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
    (whose number the names leave out), a streaming service's "Paramount+"."""
    text = " ".join(span.text.lower().split())
    if text in CHANNEL_NAMES or text[-1:].isdigit() and text[:-1] in CHANNEL_NAMES \
            or text.endswith("+"):
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
