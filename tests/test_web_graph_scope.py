"""The graph view reads the neighbourhood of its focus (``webviz.graph_scope``): for
every other entity node of the demo store's graph (and a tenth of its seasons,
events and articles; a sixth and a thirtieth under a spoiler cut), and for those of
the made-up shows of tests/data, /api/graph and /api/graph/expand answer what the graph of the
whole store's Story answers, with and without a spoiler cut and a filter."""

import weakref

import pytest
from store_cases import STORES, app_case

from graph.rdf.terms import slug
from webviz import graph_build, graph_page, graph_scope, graph_walk, views


@pytest.fixture(scope="module", params=sorted(STORES))
def case(request, tmp_path_factory):
    """(app, cuts): the app over an on-disk store of one set of articles and facts,
    and the spoiler cuts to compare at."""
    yield from app_case(request.param, tmp_path_factory.mktemp("graph-scope"))


_WHOLE = weakref.WeakKeyDictionary()


def _whole_graph(app):
    """Return the graph of the request's whole-store Story, as the view built it
    before it read the store around its focus (built once per Story)."""
    story = views.context().story
    if story not in _WHOLE:
        titles = {a["doc"]: a["title"] for a in app.extensions["canon"].store.articles()}
        _WHOLE[story] = graph_build.build_graph(story, titles)
    return _WHOLE[story]


def _whole_read(app):
    """Return a ``graph_page._data`` reader over the whole-store graph (the focus is
    given: the default one is chosen by a count, not by the graph)."""
    return lambda focus, _limit, _filters: (_whole_graph(app), focus)


def _url(path, until, **args):
    query = "&".join(f"{key}={value}" for key, value in {**args, "until": until}.items()
                     if value)
    return f"{path}?{query}" if query else path


def _sample(graph, until):
    """Return every other character, person and work node of a graph, and every tenth
    node of the other kinds (seasons, events and articles are read through them);
    under a cut, every sixth and every thirtieth (every node of the demo store, at
    every cut, took two minutes of the suite)."""
    stride = 6 if until else 2
    entities = [n for n in sorted(graph) if n.split("/")[0] in views.ENTITY_KINDS]
    others = [n for n in sorted(graph) if n.split("/")[0] not in views.ENTITY_KINDS]
    return entities[::stride] + others[::5 * stride]


def test_every_node_reads_the_graph_the_whole_store_gives(case):
    app, cuts = case
    for until in cuts:
        with app.test_request_context(_url("/api/graph", until)):
            whole = _whole_graph(app)
            assert graph_scope.works(app.extensions["canon"], until) == \
                graph_build.works(whole)
        nodes = _sample(whole, until)
        assert len(nodes) > 5
        for node in nodes:
            for limit in (None, "250") if node.startswith("character/") and not until \
                    else (None,):
                with app.test_request_context(_url("/api/graph", until, focus=node,
                                                   limit=limit)):
                    old = graph_page._data(_whole_read(app))
                    assert graph_page._data(graph_page._around) == old, (node, until, limit)
            with app.test_request_context(_url("/api/graph/expand", until, node=node)):
                client = app.test_client()
                new = client.get(_url("/api/graph/expand", until, node=node)).get_json()
                filters, limit = graph_page._filters(), graph_page._limit()
                assert new == graph_page._expansion_data(whole, node, limit, filters), node


@pytest.mark.parametrize("args", [{"relation": "plays"}, {"work": "jessica-jones"},
                                  {"work": "jessica-jones", "season": "2"}])
def test_a_filtered_graph_reads_what_the_whole_store_gives(case, args):
    app, cuts = case
    for until in cuts:
        with app.test_request_context(_url("/api/graph", until)):
            works = graph_build.works(_whole_graph(app))
        if "work" in args and args["work"] not in works:
            continue
        for node in ("character/kilgrave", "person/david-tennant", "work/jessica-jones",
                     *[f"work/{key}" for key in works][:5]):
            url = _url("/api/graph", until, focus=node, **args)
            with app.test_request_context(url):
                if node not in _whole_graph(app):
                    continue
                old = graph_page._data(_whole_read(app))
                assert graph_page._data(graph_page._around) == old, (node, until, args)


def test_the_default_focus_is_the_most_sourced_character(case):
    """With no focus, the graph opens on the character whose claims the most of the
    latest articles (here: all of them) state, a count the store answers, not a walk
    of the whole graph, drawn as that focus asked."""
    app, cuts = case
    canon = app.extensions["canon"]
    client = app.test_client()
    for until in cuts:
        data = client.get(_url("/api/graph", until)).get_json()
        docs = [doc for doc, _title, _published in canon.store.article_index()]
        assert len(docs) < graph_scope.DEFAULT_ARTICLES
        first = canon.store.most_sourced("character", 1, docs)[0]
        assert data["focus"] == f"character/{slug(first)}" or until
        with app.test_request_context(_url("/api/graph", until, focus=data["focus"])):
            assert graph_page._data(_whole_read(app)) == data


def test_the_comparison_sees_a_graph_missing_a_link(case, monkeypatch):
    """A reader that reads the focus alone, not the nodes its walk looks at, draws
    less than the whole store: the comparison above would fail on it."""
    app, _cuts = case
    monkeypatch.setattr(graph_scope, "MAX_READS", 0)
    # The graphs the app keeps from earlier tests were read with every read allowed.
    app.extensions["canon"].changed()
    with app.test_request_context("/api/graph?focus=character/kilgrave&limit=250") \
            if "character/kilgrave" in _whole_nodes(app) else \
            app.test_request_context(f"/api/graph?focus={_busiest(app)}&limit=250"):
        assert graph_page._data(graph_page._around) != graph_page._data(_whole_read(app))


def _whole_nodes(app):
    with app.test_request_context("/"):
        return set(_whole_graph(app))


def _busiest(app):
    with app.test_request_context("/"):
        graph = _whole_graph(app)
        return max((n for n in graph if n.startswith("character/")),
                   key=lambda n: (len(graph_walk.neighbours(graph, n)), n))
