"""What a rule sees of one article: its text, the spaCy Doc and its tokens as plain
lists, the names in it, the works it is about, and a helper to make facts with
exact evidence."""

from dataclasses import dataclass, field

from graph.extract.mentions.names import find_names
from graph.extract.mentions.storytime import find_season_mentions
from graph.extract.mentions.subject import work_from_title
from graph.extract.reading.tokens import Tokens
from graph.model.facts import Evidence, Fact


@dataclass
class Context:
    """One article being read: ``article`` (graph.sources.Article), ``doc`` (spaCy),
    ``tokens`` (the Doc's graph.extract.reading.tokens.Tokens, read once)."""

    article: object
    doc: object
    names: list = field(default_factory=list)
    works: list = field(default_factory=list)
    name_at: dict = field(default_factory=dict)
    name_before: dict = field(default_factory=dict)
    season_mentions: list = field(default_factory=list)
    # Per-article lookups that several rules share, computed once on first use
    # (story-time mentions by sentence, coreference candidates, known actors).
    memo: dict = field(default_factory=dict)
    tokens: object = None

    def __post_init__(self):
        """Read the Doc's tokens when the caller has not."""
        if self.tokens is None:
            self.tokens = Tokens(self.doc)

    @classmethod
    def build(cls, article, doc):
        """Return the Context of an article and its parsed Doc."""
        tokens = Tokens(doc)
        names = find_names(doc, tokens)
        ctx = cls(article=article, doc=doc, tokens=tokens, names=names)
        for span in names:
            ctx.name_at[span.start] = span
            ctx.name_before[span.end] = span
        ctx.season_mentions = find_season_mentions(ctx)
        subject = article.work or work_from_title(article.title)
        works = [subject] + [m.work for m in ctx.season_mentions]
        ctx.works = list(dict.fromkeys(w for w in works if w))
        return ctx

    @property
    def default_work(self):
        """Return the work the article is about when it says so, else None."""
        return self.works[0] if self.works else None

    def name_starting(self, token_index):
        """Return the NameSpan that starts at a token index, or None."""
        return self.name_at.get(token_index)

    def name_ending(self, token_index):
        """Return the NameSpan whose last token is ``token_index - 1``, or None."""
        return self.name_before.get(token_index)

    def name_covering(self, token_index):
        """Return the NameSpan that holds token ``token_index``, or None."""
        cover = self.memo.get("names_by_token")
        if cover is None:
            cover = [None] * len(self.tokens)
            for span in self.names:
                cover[span.start:span.end] = [span] * (span.end - span.start)
            self.memo["names_by_token"] = cover
        return cover[token_index]

    def fact(self, claim, start_char, end_char, rule, confidence):
        """Return a Fact for ``claim`` quoting text[start_char:end_char] of the article."""
        quote = self.article.text[start_char:end_char]
        evidence = Evidence(
            doc=self.article.doc, start=start_char, end=end_char, quote=quote,
            rule=rule, confidence=confidence,
        )
        return Fact(claim, evidence)
