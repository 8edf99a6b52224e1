"""Long texts in pieces: spaCy refuses texts over ``nlp.max_length`` characters and
slows down on very long ones, so a long article is parsed in chunks cut at
paragraph, line, sentence or word boundaries and joined back into one Doc whose
character offsets are those of the whole text.

>>> cut_points("a b c d e f", limit=4)
[0, 4, 8, 11]
"""

from spacy.tokens import Doc

CHUNK_CHARS = 50_000
# Places to cut, best first; the last resort is a hard cut.
SEPARATORS = ("\n\n", "\n", ". ", " ")


def cut_points(text, limit=CHUNK_CHARS):
    """Return the offsets [0, ..., len(text)] at which ``text`` is cut into pieces of
    at most ``limit`` characters, each cut just after a separator when one is near."""
    points = [0]
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = -1
        for sep in SEPARATORS:
            found = text.rfind(sep, start + limit // 2, end)
            if found != -1:
                cut = found + len(sep)
                break
        if cut == -1:
            cut = end
        points.append(cut)
        start = cut
    points.append(len(text))
    return points


def chunks(text, limit=CHUNK_CHARS):
    """Return the pieces of ``text`` whose concatenation is ``text``."""
    points = cut_points(text, limit)
    return [text[a:b] for a, b in zip(points, points[1:], strict=False)]


def joined(docs):
    """Return one Doc from the Docs of consecutive pieces of a text."""
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
