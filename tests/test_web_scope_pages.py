"""Pages that are not about one entity read what they show, not the whole store: the
article page reads the article's claims (``views.article_context``); home, search and
suggest read counts and names with SPARQL. Each gives what the whole store's Story
gives, on the demo store and on the made-up shows of tests/data, with and without a
spoiler cut."""


from collections import Counter, defaultdict
from itertools import islice, product

import pytest
from rapidfuzz import fuzz
from store_cases import STORES, app_case
from werkzeug.exceptions import HTTPException

from graph.model.storytime import work_key
from webviz import cut_counts, views
from webviz.cut import link
from webviz.name_index import NEAR, search_texts


@pytest.fixture(scope="module", params=sorted(STORES))
def case(request, tmp_path_factory):
    """(app, cuts): the app over an on-disk store of one set of articles and facts,
    and the spoiler cuts to compare at."""
    yield from app_case(request.param, tmp_path_factory.mktemp("page-scope"))


def _page(build):
    """Return a view's data, or the HTTP status it aborted with."""
    try:
        return build()
    except HTTPException as error:
        return error.code


def _query(until, **args):
    args = {**args, "until": until}
    return "&".join(f"{key}={value}" for key, value in args.items() if value)


def test_every_article_page_reads_the_article_alone(case):
    app, cuts = case
    for until in cuts:
        with app.test_request_context("/?" + _query(until)):
            docs = [row["doc"] for row in views.context().store.articles()]
        assert len(docs) > 5
        for doc in [*docs, "no-such-article.txt"]:
            with app.test_request_context(f"/article/{doc}?" + _query(until)):
                whole = _page(lambda doc=doc: views.article(views.context(), doc))
                assert _page(lambda doc=doc: views.article(views.article_context(doc), doc)) \
                    == whole, (doc, until)


def test_the_comparison_sees_an_article_read_without_its_claims(case):
    app, _cuts = case
    with app.test_request_context("/"):
        ctx = views.context()
        doc = max(ctx.store.articles(), key=lambda row: row["claims"])["doc"]
        frame_only = views.Context(ctx.canon, ctx.canon.story_about())
        assert views.article(frame_only, doc) != views.article(ctx, doc)


def _visible_docs(ctx):
    """Return the articles at least one claim left by the cut was read in."""
    return {doc for sourced in ctx.story.claims for doc in sourced.docs}


class _StoryCounts:
    """The home page's counts from a request's whole Story, as the page read them
    before it read the store: the reference the SPARQL counts are compared with."""

    def __init__(self, ctx):
        self.ctx = ctx

    def works(self):
        counts = defaultdict(lambda: (set(), [0], set()))
        for sourced in self.ctx.story.claims:
            claim = sourced.claim
            if not getattr(claim, "work", None):
                continue
            characters, events, articles = counts[work_key(claim.work)]
            if getattr(claim, "character", None):
                characters.add(claim.character)
            events[0] += claim.kind == "event"
            articles.update(sourced.docs)
        return {key: (len(characters), events[0], len(articles))
                for key, (characters, events, articles) in counts.items()}

    def latest(self, count):
        visible = _visible_docs(self.ctx)
        out = []
        for row in self.ctx.store.articles():
            if row["claims"] and row["doc"] not in visible:
                continue
            found = self.ctx.store.article(row["doc"])
            out.append({"doc": row["doc"], "title": row["title"] or row["doc"],
                        "published": found["published"], "work": found["work"],
                        "claims": row["claims"], "url": link("pages.article", doc=row["doc"])})
        return sorted(out, key=lambda a: (a["published"] or "", a["title"]),
                      reverse=True)[:count]

    def shown(self):
        return Counter(sourced.kind for sourced in self.ctx.story.claims)


class _WholeCatalogue:
    """The names and articles of the whole store's Story, as search read them before
    it read the store: the reference the SPARQL reads are compared with."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.visible = _visible_docs(ctx)
        self.rows = ctx.store.articles()

    def names(self, kind):
        return self.ctx.names(kind)

    def aliases(self, kind):
        return self.ctx.store.aliases(kind)

    def claim_counts(self, kind):
        return self.ctx.store.claim_counts(kind)

    def articles(self):
        return [(row["doc"], row["title"]) for row in self.rows
                if not row["claims"] or row["doc"] in self.visible]

    def shows(self, _candidate):
        return True


def _closeness(query, name):
    words = name.split()
    width = max(1, len(query.split()))
    runs = [" ".join(words[i:i + width]) for i in range(max(1, len(words) - width + 1))]
    return max(fuzz.ratio(query, text) for text in (name, *runs))


def _match(query, candidates):
    """Search's matching as it was before its index: every name and alias scored in
    Python."""
    found = []
    for candidate in candidates:
        best = None
        texts = (candidate["name"].casefold(), *candidate.get("aliases", ()))
        for text, folded in product(texts, search_texts(query)):
            text = text.casefold()
            if text == folded:
                rank, score = 0, 100
            elif text.startswith(folded):
                rank, score = 1, 100
            elif folded in text:
                rank, score = 2, 100
            else:
                rank, score = 3, _closeness(folded, text)
                if score < NEAR or len(query) < 3:
                    continue
            best = min(best or (rank, -score), (rank, -score))
        if best is not None:
            found.append((*best, -candidate.get("weight", 0), candidate["name"].casefold(),
                          candidate))
    found.sort(key=lambda item: item[:4])
    return [{k: v for k, v in item[-1].items() if k not in ("aliases", "weight")}
            for item in found]


def _entities(catalogue):
    found = []
    for kind in views.ENTITY_KINDS:
        aliases, counts = catalogue.aliases(kind), catalogue.claim_counts(kind)
        found += [{"name": name, "kind": kind, "url": link(f"pages.{kind}", slug=key),
                   "aliases": aliases.get(name, ()), "weight": counts.get(name, 0)}
                  for key, name in catalogue.names(kind).items()]
    return found


def _whole_search(whole, text):
    """Return what search gave, matching every name of the whole store's Story."""
    query = text.strip()
    if not query:
        return {"query": "", "results": []}
    articles = [{"name": title or doc, "kind": "article", "doc": doc,
                 "url": link("pages.article", doc=doc)} for doc, title in whole.articles()]
    return {"query": query, "results": _match(query, _entities(whole) + articles)}


def _whole_suggest(whole, text):
    query = text.strip()
    found = _match(query, _entities(whole)) if query else []
    return {"suggestions": list(islice(found, views.SUGGESTIONS))}


def _questions(ctx):
    """Return search texts: every name and title, their first word and first three
    letters, a typo of each, and words that match nothing."""
    texts = {"zzzz", "the", "a"}
    names = [name for kind in views.ENTITY_KINDS for name in ctx.names(kind).values()]
    names += [row["title"] or row["doc"] for row in ctx.store.articles()]
    for name in names:
        texts.update({name, name.split()[0], name[:3], name[:-1] + "x"})
    return sorted(texts)


def test_search_and_suggest_read_names_as_the_whole_story_gives_them(case):
    app, cuts = case
    for until in cuts:
        with app.test_request_context("/search?" + _query(until)):
            whole = _WholeCatalogue(views.context())
            scoped = views.catalogue()
            texts = _questions(whole.ctx)
            assert len(texts) > 50
            for text in texts:
                assert views.search(scoped, text) == _whole_search(whole, text), (text, until)
                assert views.suggest(scoped, text) == _whole_suggest(whole, text), (text, until)


def test_the_comparison_sees_a_search_that_ignores_the_cut(case):
    app, cuts = case
    until = cuts[-1]
    with app.test_request_context("/search?" + _query(until)):
        whole = _WholeCatalogue(views.context())
        uncut = views.Catalogue(app.extensions["canon"], None)
        assert any(views.search(uncut, text) != _whole_search(whole, text)
                   for text in _questions(whole.ctx))


def _home_cuts(app, cuts):
    """Return the case's cuts and, for every work, a cut at its start, in its first
    season, at S1E2 and at its last season: works before, after and around the cut."""
    with app.test_request_context("/"):
        story = views.context().story
    more = []
    for work in story.works():
        seasons = story.seasons(work)
        more += [work, f"{work} S1E2"] + [f"{work} S{s}" for s in seasons[:1] + seasons[-1:]]
    return [*cuts, *sorted(set(more))]


def test_the_home_page_reads_counts_as_the_whole_story_gives_them(case):
    app, cuts = case
    for until in _home_cuts(app, cuts):
        with app.test_request_context("/?" + _query(until)):
            whole = views.context()
            old = views.home(whole, _StoryCounts(whole))
            assert (old["franchises"] or old["other_works"]) and old["articles"]
            assert views.home(*views.home_context()) == old, until


def test_the_comparison_sees_home_counts_that_miss_a_claim(case, monkeypatch):
    app, _cuts = case
    with app.test_request_context("/"):
        whole = views.context()
        old = views.home(whole, _StoryCounts(whole))
        ctx, counts = views.home_context()
        table = counts.works()
        first = next(iter(table))
        monkeypatch.setattr(counts, "works", lambda: {
            **table, first: (table[first][0] + 1, *table[first][1:])})
        assert views.home(ctx, counts) != old


def test_the_comparison_sees_cut_counts_that_ignore_the_cut(case, monkeypatch):
    app, cuts = case
    canon = app.extensions["canon"]
    monkeypatch.setattr(cut_counts, "hidden", lambda _story, _place: False)
    canon.changed()
    differs = []
    try:
        for until in _home_cuts(app, cuts):
            with app.test_request_context("/?" + _query(until)):
                whole = views.context()
                differs.append(views.home(*views.home_context()) != views.home(
                    whole, _StoryCounts(whole)))
    finally:
        canon.changed()
    assert any(differs)
