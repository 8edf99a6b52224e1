"""Property: extraction (graph/extract/pipeline.py) of random Unicode text mixed with
sentences it reads facts from never raises, and every fact's quote is the slice of
the article text its offsets name. spaCy reads each example (~0.1-0.5 s), so the
examples are few and short; the templates make facts come out in most of them."""

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract.pipeline import extract_article
from graph.sources import Article

# Names: capitalised words of any script, with the odd apostrophe, hyphen or mark.
NAME = st.lists(
    st.text(st.characters(categories=["L"]), min_size=1, max_size=7).map(str.capitalize),
    min_size=1, max_size=3).map(" ".join)
WORK = st.sampled_from(["Harbour Lights", "Salt Road", "The Lantern Club", "東京 Nights"])
TEMPLATES = [
    "{a} plays {b} in {w}.",
    "{b} ({a}) dies in the season {n} finale of {w}.",
    "{a}, who played {b} in {w}, returns for season {n}.",
    "In season {n}, episode {m}, {b} is killed by {c}.",
    "{w} was created by {a} and directed by {c}.",
    "{b} returns as a ghost in season {n} of {w}, played by {a}.",
    "{w} is a spinoff of {c}.",
    "{a} has been cast as {b} for the {n}th season of {w}.",
]
# Random text: any character but surrogates, spaces and punctuation made likely.
# Odd spaces are made likely too: spaCy reads them as plain spaces, the quote keeps them.
NOISE = st.text(st.characters(exclude_categories=["Cs"],
                              include_characters=" \n\t.,()'\"\u00a0\u2009"),
                max_size=30)
SPACE = st.sampled_from([" ", " ", "\u00a0", "\u202f"])


@st.composite
def texts(draw):
    """Article text: up to five pieces, each a filled template or random text."""
    pieces = []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            template = draw(st.sampled_from(TEMPLATES))
            sentence = template.format(a=draw(NAME), b=draw(NAME), c=draw(NAME),
                                       w=draw(WORK), n=draw(st.integers(1, 12)),
                                       m=draw(st.integers(1, 24)))
            pieces.append(sentence.replace(" ", draw(SPACE)))
        else:
            pieces.append(draw(NOISE))
    return draw(st.sampled_from([" ", "\n\n", ""])).join(pieces)


# 40 of the profile's 100 examples (800 of the thorough profile's 2,000).
@settings(max_examples=settings.default.max_examples * 2 // 5)
@given(texts(), st.none() | WORK, st.booleans())
def test_random_text_extracts_without_error_and_every_quote_is_its_slice(body, work, head):
    """No exception; each fact names the article and quotes some of its body, and
    text[start:end] == quote, the offsets counting from the file's first character
    when front matter comes first."""
    front = f"---\ntitle: {body[:20]!r}\nwork: {work}\n---\n" if head and work else ""
    text = front + body
    article = Article(doc="random.txt", path="random.txt", format="txt", text=text,
                      body_start=len(front), content_hash="0" * 64, work=work)
    for fact in extract_article(article):
        ev = fact.evidence
        assert ev.doc == "random.txt"
        assert len(front) <= ev.start < ev.end <= len(text), fact
        assert text[ev.start:ev.end] == ev.quote, fact
