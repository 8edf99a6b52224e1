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


def work_from_title(title):
    """Return the work an encyclopedia-style title names ("X (TV series)" gives X),
    else None."""
    if not title:
        return None
    match = _TITLE.match(title)
    return match.group("work").strip() if match else None
