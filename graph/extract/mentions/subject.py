"""The work an article is about when its front matter does not say: the title of
an encyclopedia page, which names its subject and the kind of work it is
("Night Harbour (TV series)", "The Lantern Keeper (2004 film)", "Harbour Lights
(series 2)").

>>> work_from_title("Night Harbour (British TV series)")
'Night Harbour'
>>> work_from_title("Mara Quill (actress)") is None
True
"""

import re

from graph.extract.mentions.works_index import title_case

# The kinds of work an encyclopedia title names in its parentheses, after an
# optional year, country or medium word ("2004 film", "American TV series").
WORK_KINDS = ("TV series", "television series", "series", "film", "movie", "miniseries",
              "TV miniseries", "web series", "TV programme", "TV program", "soap opera",
              "sitcom", "serial", "TV serial", "animated series", "franchise", "comics",
              "comic", "comic book", "musical", "play", "novel", "film series", "season")
_TITLE = re.compile(
    r"^\s*(?P<work>[^()]{1,120}?)\s*\((?:\d{4}\s+)?(?:[A-Z][a-z]+\s+)?(?:TV\s+)?"
    r"(?:" + "|".join(re.escape(kind) for kind in sorted(WORK_KINDS, key=len, reverse=True))
    + r")(?:\s+\d{1,2})?\)\s*(?:[-|\u2013\u2014:].*)?$")


# "List of Night Harbour episodes", "List of The Lantern Keeper characters": an
# encyclopedia's list pages name their work between "List of" and what they list.
_LIST = re.compile(r"^\s*List of (?P<work>.{1,120}?)\s+(?:episodes|characters|cast members|"
                   r"serials|specials|seasons|series)\s*$")
# A review's headline names what it reviews: "Night Harbour review: ...", "Review:
# Night Harbour", "Night Harbour, season two review"; the work is the title-case run.
_REVIEW = re.compile(
    r"^\s*(?:(?:(?:Film|TV|Television|Theatre|DVD|Series)\s+)?[Rr]eview:\s*"
    r"(?P<after>[^:,\u2013\u2014|]{1,80}?)\s*(?:[:,\u2013\u2014|]|$)"
    r"|(?P<before>[^:,\u2013\u2014|]{1,80}?)\s*(?:,[^:]{0,40})?\s+review\b)")

# A headline that opens on a show and one of its seasons: "Night Harbour, season two:
# ...", "Night Harbour series 3 episode 2 recap".
_SEASONED = re.compile(r"^\s*(?P<work>[^:,\u2013\u2014|]{1,80}?),?\s+(?:season|series)\s+"
                       r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b",
                       re.IGNORECASE)

# Headline words a review section opens with ("Film review: X", "TV review: X"), which
# name the kind of thing reviewed, not the work.
KINDS_REVIEWED = frozenset({"film", "films", "tv", "television", "theatre", "theater", "stage",
                            "book", "books", "music", "album", "dvd", "game", "opera", "dance",
                            "comedy", "radio", "podcast", "series", "episode", "season",
                            "critics", "reader", "readers", "user", "viewer", "our"})


def work_from_title(title):
    """Return the work an encyclopedia-style or a review's title names ("X (TV
    series)", "List of X episodes", "X review: ..." give X), else None.

    >>> work_from_title("List of Night Harbour episodes")
    'Night Harbour'
    >>> work_from_title("The Lantern Keeper review: a ghost story")
    'The Lantern Keeper'
    >>> work_from_title("Night Harbour, season two: still worth the trip")
    'Night Harbour'
    >>> work_from_title("TV review: Night Harbour, a slow burn")
    'Night Harbour'
    >>> work_from_title("Film review") is None
    True
    >>> work_from_title("Why I stopped writing a review") is None
    True
    """
    if not title:
        return None
    match = _TITLE.match(title) or _LIST.match(title)
    if match:
        return match.group("work").strip()
    match = _REVIEW.match(title) or _SEASONED.match(title)
    if match:
        work = next(w for w in match.groupdict().values() if w).strip()
        return work if title_case(work) and work.lower() not in KINDS_REVIEWED else None
    return None

