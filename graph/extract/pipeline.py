"""The extraction pipeline: articles in, facts out.

Each article is parsed by spaCy (in batches, optionally in several processes),
every registered rule reads it, names are resolved to canonical ones, and a claim
found twice in one article keeps its most confident evidence.

>>> from graph.sources import Article
>>> text = "Den Watts, played by Leslie Grantham, ran the pub."
>>> facts = extract_article(Article(doc="d.txt", path="d.txt", format="txt", text=text,
...     body_start=0, content_hash="0" * 64, title=None, source=None, published=None,
...     work="EastEnders", season=None, episode=None))
>>> [(f.claim.actor, f.claim.character, f.evidence.quote) for f in facts]
[('Leslie Grantham', 'Den Watts', 'Den Watts, played by Leslie Grantham')]
"""

# Importing a rule module registers its rules, in this order.
from graph.extract.evidence.confidence import calibrated
from graph.extract.franchise import read_franchise
from graph.extract.mentions.aka import article_aliases
from graph.extract.mentions.resolve import resolve_corpus, resolve_facts
from graph.extract.reading.chunks import chunks, joined
from graph.extract.reading.context import Context
from graph.extract.reading.nlp import load_pipeline
from graph.extract.registry import RULES
from graph.extract.rules.appearance import presence  # noqa: F401
from graph.extract.rules.continuity import links  # noqa: F401
from graph.extract.rules.crew import credits as crew_credits  # noqa: F401
from graph.extract.rules.crew import forms as crew_forms  # noqa: F401
from graph.extract.rules.crew import listing as crew_listing  # noqa: F401
from graph.extract.rules.crew import origin as crew_origin  # noqa: F401
from graph.extract.rules.crew import parse as crew_parse  # noqa: F401
from graph.extract.rules.events import families  # noqa: F401
from graph.extract.rules.events.retold import first_tellings
from graph.extract.rules.portrayal import forms as portrayal_forms  # noqa: F401
from graph.extract.rules.portrayal import recast  # noqa: F401
from graph.extract.rules.seasons import (
    length,  # noqa: F401
    mention,  # noqa: F401
)
from graph.model.facts import ArticleFacts

BATCH_SIZE = 16
# spaCy makes a separate SPACE token of a non-breaking or thin space, which splits
# "Elektra\u00a0(Elodie Yung)"; each becomes a plain space, one character for one.
ODD_SPACES = str.maketrans({ch: " " for ch in "\u00a0\u2007\u2009\u200a\u202f\u205f\u3000"})


def _parse_text(article):
    """Return the text spaCy reads: front matter blanked and odd spaces made plain,
    every offset unchanged."""
    head = article.text[:article.body_start]
    blank = "".join(ch if ch == "\n" else " " for ch in head)
    return (blank + article.text[article.body_start:]).translate(ODD_SPACES)


def _deduplicated(facts):
    """Return the facts with each claim once, keeping its most confident evidence,
    in text order."""
    best = {}
    for fact in facts:
        kept = best.get(fact.claim)
        if kept is None or fact.evidence.confidence > kept.evidence.confidence:
            best[fact.claim] = fact
    return sorted(best.values(), key=lambda f: (f.evidence.start, f.evidence.end, f.kind))


def read_document(article, doc):
    """Return (facts, context) of one parsed article: what every registered rule
    finds, with names resolved within the article."""
    ctx = Context.build(article, doc)
    found = []
    for func in RULES.values():
        found.extend(func(ctx))
    return resolve_facts(found, ctx), ctx


def iter_read(articles, jobs=1):
    """Yield (facts, context) per article, in the order given, as each is read.

    ``jobs`` > 1 parses in that many processes (worth it from a few hundred articles).
    """
    articles = list(articles)
    pieces = [chunks(_parse_text(a)) for a in articles]
    nlp = load_pipeline()
    docs = nlp.pipe((piece for parts in pieces for piece in parts), batch_size=BATCH_SIZE,
                    n_process=max(1, jobs))
    for article, parts in zip(articles, pieces, strict=True):
        yield read_document(article, joined([next(docs) for _ in parts]))


def _with_aliases(facts, ctx):
    """Return an article's facts as ArticleFacts with the aliases it gives them."""
    return ArticleFacts(facts, article_aliases(facts, ctx))


def extract_articles(articles, jobs=1, progress=None):
    """Return one list of facts per article, in the order given: an ArticleFacts,
    with the other names the article gives its facts' entities (``aliases``).

    Names are resolved within each article, then across the articles read
    together (a first name in one synopsis is the full name another one gives);
    a death an earlier episode's synopsis told is not told anew by a later one.
    A franchise file is read as written, with no language model. ``progress`` is
    called once per article read.
    """
    articles = list(articles)
    franchise = {i: read_franchise(a) for i, a in enumerate(articles) if a.format == "franchise"}
    read = []
    prose_articles = [a for a in articles if a.format != "franchise"]
    for item in iter_read(prose_articles, jobs=jobs):
        read.append(item)
        if progress:
            progress()
    told = first_tellings(prose_articles, resolve_corpus(read))
    prose = iter(_with_aliases(_deduplicated(calibrated(facts)), ctx)
                 for facts, (_read, ctx) in zip(told, read, strict=True))
    for _ in franchise:
        if progress:
            progress()
    return [franchise[i] if i in franchise else next(prose) for i in range(len(articles))]


def extract_article(article):
    """Return the facts of one article."""
    return extract_articles([article])[0]
