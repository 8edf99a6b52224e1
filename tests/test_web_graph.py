"""The graph view through Flask's test client: the page, its JSON twins, the
expansion of a node, filters, the spoiler cut, bad parameters, and vis-network's
files served from the installed pyvis package."""

import doctest
import html
import json
import math
import re
from pathlib import Path

import networkx as nx
import pytest

import webviz.graph_build
from graph.extract.pipeline import extract_articles
from graph.sources import find_articles, read_article
from graph.store import open_store
from webviz import create_app
from webviz.graph_build import KINDS, RELATIONS
from webviz.graph_draw import KIND_STYLE
from webviz.graph_layout import CELL, ego_layout
from webviz.graph_walk import neighbourhood

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = (ROOT / "data" / "articles", ROOT / "data" / "franchises",
           ROOT / "tests" / "data" / "web" / "xss")
DATA_BLOCK = re.compile(
    r'<script type="application/json" id="graph-data">(.*?)</script>', re.DOTALL)
CUT = "Jessica Jones S1E3"


@pytest.fixture(scope="module")
def store(module_store_location):
    """A store of the demo articles and the hostile ones, built once in memory and
    once on an oxigraph server."""
    articles = [read_article(path) for path in find_articles(FOLDERS)]
    with open_store(module_store_location) as opened:
        opened.ingest(zip(articles, extract_articles(articles), strict=True))
        yield opened


@pytest.fixture(scope="module")
def client(store):
    """A test client of the app over ``store`` with the default node limit."""
    return create_app(store, config={"TESTING": True}).test_client()


@pytest.fixture(scope="module")
def small(store):
    """A test client of an app that draws at most 20 nodes."""
    return create_app(store, config={"TESTING": True, "GRAPH_NODE_LIMIT": 20}).test_client()


def page_data(response):
    """Return the JSON of a graph page's data block."""
    found = DATA_BLOCK.search(response.get_data(as_text=True))
    assert found, "the page has no graph-data block"
    return json.loads(found.group(1))


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    return response.get_json()


def events_of(data, character):
    """Return the names of the event nodes of ``data`` about ``character``."""
    return [n["name"] for n in data["nodes"]
            if n["kind"] == "event" and n["name"].startswith(character + ":")]


def test_page_has_canvas_data_legend_table_and_panel(client):
    response = client.get("/graph")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    for needle in ('<div id="graph"', '<table id="graph-table">', '<aside id="node-panel"',
                   'class="legend"'):
        assert needle in text
    for kind, (legend, colour, _shape) in KIND_STYLE.items():
        assert f'class="legend-{kind}"' in text and html.escape(legend) in text
        assert f'fill="{colour}"' in text
    data = page_data(response)
    assert data["focus"].startswith("character/")
    rows = re.findall(r'<tr data-node="([^"]+)">', text)
    assert [html.unescape(r) for r in rows] == [n["id"] for n in data["nodes"]]
    assert data["nodes"][0]["id"] == data["focus"]


def test_default_focus_is_the_most_sourced_character(client):
    """With no focus, the graph opens on the character whose claims link it to the
    most articles and entities (in the demo, in the Marvel Netflix shows, not a
    sitcom's family whose recasts make many claims about few people)."""
    data = get_json(client, "/api/graph?limit=250")
    assert len(data["nodes"]) > 100 and "work/jessica-jones" in {n["id"] for n in data["nodes"]}
    assert data["focus"] == "character/jessica-jones"


def test_nodes_carry_kind_tooltip_position_and_facts(client):
    data = get_json(client, "/api/graph?focus=character/kilgrave")
    ids = {n["id"] for n in data["nodes"]}
    for node in data["nodes"]:
        assert node["group"] == node["kind"] and node["kind"] in KIND_STYLE
        assert node["id"].startswith(node["kind"] + "/")
        assert isinstance(node["title"], str) and node["name"] in node["title"]
        assert isinstance(node["x"], float) and isinstance(node["y"], float)
        assert node["url"].startswith("/")
    kilgrave = data["nodes"][0]
    assert (kilgrave["id"], kilgrave["x"], kilgrave["y"]) == ("character/kilgrave", 0.0, 0.0)
    quotes = [s["quote"] for fact in kilgrave["facts"] for s in fact["sources"]]
    assert "Kilgrave (David Tennant)" in quotes
    assert set(data["articles"]) >= {s["doc"] for n in data["nodes"] for f in n["facts"]
                                     for s in f["sources"]}
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    assert all(set(e["relations"]) <= set(RELATIONS) for e in data["edges"])
    assert {"plays", "event_of", "killed_by", "derived_from"} <= {
        r for e in data["edges"] for r in e["relations"]}
    assert data["options"]["physics"] == {"enabled": False}


def test_layout_keeps_nodes_apart(client):
    nodes = get_json(client, "/api/graph")["nodes"]
    closest = min(math.dist((a["x"], a["y"]), (b["x"], b["y"]))
                  for i, a in enumerate(nodes) for b in nodes[i + 1:])
    assert closest > CELL * 0.9


def test_node_count_stays_within_the_limit(small):
    data = get_json(small, "/api/graph")
    assert len(data["nodes"]) == 20 and data["truncated"] and data["limit"] == 20
    assert len(get_json(small, "/api/graph?limit=1000")["nodes"]) == 20
    assert len(get_json(small, "/api/graph?limit=5")["nodes"]) == 5
    page = small.get("/graph")
    assert len(page_data(page)["nodes"]) == 20
    assert "the 20 nearest to" in page.get_data(as_text=True)


def test_page_opens_on_a_readable_neighbourhood(client):
    """With no limit asked, the graph opens on GRAPH_FIRST_NODES (40) nodes, not on
    the 250 it may draw; the form offers the bigger neighbourhoods up to the cap."""
    page = client.get("/graph?focus=character/kilgrave")
    data = page_data(page)
    assert len(data["nodes"]) == 40 and data["limit"] == 40 and data["truncated"]
    assert data["max_nodes"] == 250
    html = page.get_data(as_text=True)
    assert re.findall(r'<option value="(\d+)"', html) == ["40", "100", "250"]
    assert '<option value="40" selected>' in html
    assert len(get_json(client, "/api/graph?focus=character/kilgrave&limit=100")["nodes"]) == 100


def test_a_level_cut_short_keeps_the_nodes_tied_to_the_drawn_ones():
    """When the limit falls inside a ring of the walk, the nodes kept are those with
    the most links to nodes already drawn, whatever their kind."""
    graph = nx.MultiDiGraph()
    graph.add_node("character/focus", kind="character")
    for n in range(3):
        graph.add_node(f"person/p{n}", kind="person")
        graph.add_edge(f"person/p{n}", "character/focus")
    graph.add_node("season/tied", kind="season")
    graph.add_node("character/loose", kind="character")
    for n in range(3):
        graph.add_edge(f"person/p{n}", "season/tied")
    graph.add_edge("person/p0", "character/loose")
    nodes, truncated = neighbourhood(graph, "character/focus", 5)
    assert truncated and nodes[-1] == "season/tied"


def test_expand_returns_the_neighbours_with_the_node_facts(client):
    data = get_json(client, "/api/graph/expand?node=character/kilgrave")
    ids = [n["id"] for n in data["nodes"]]
    assert ids[0] == "character/kilgrave" == data["node"]
    # The synopsis of season one dates the casting to season 1: its node stands for
    # the work among Kilgrave's neighbours.
    assert "person/david-tennant" in ids and "season/jessica-jones/1" in ids
    assert events_of(data, "Kilgrave")
    first = data["nodes"][0]
    assert (first["x"], first["y"]) == (0.0, 0.0)
    assert any(s["quote"] == "she grabs him and snaps his neck" for f in first["facts"]
               for s in f["sources"])
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    assert len(get_json(client, "/api/graph/expand?node=character/kilgrave&limit=3")["nodes"]) == 3


def test_filter_by_relation_keeps_only_that_relation(client):
    data = get_json(client, "/api/graph?relation=plays")
    assert data["edges"] and {r for e in data["edges"] for r in e["relations"]} == {"plays"}
    assert {n["kind"] for n in data["nodes"]} == {"character", "person"}


def test_filter_by_work_and_season(client):
    whole = get_json(client, "/api/graph?focus=character/kilgrave&limit=250")
    work = get_json(client, "/api/graph?focus=character/kilgrave&work=jessica-jones&limit=250")
    assert len(work["nodes"]) < len(whole["nodes"])
    assert "work/doctor-who" in {n["id"] for n in whole["nodes"]}
    assert "work/doctor-who" not in {n["id"] for n in work["nodes"]}
    season = get_json(client, "/api/graph?focus=character/kilgrave&work=jessica-jones&season=2")
    named = events_of(season, "Kilgrave")
    assert named and all("S2" in name for name in named)
    assert not any("death" in name for name in named)


def test_page_filters_and_links_keep_the_cut_and_filters(client):
    text = client.get(f"/graph?focus=character/kilgrave&until={CUT}&work=jessica-jones"
                      "&limit=30").get_data(as_text=True)
    assert '<option value="jessica-jones" selected>' in text
    focus_links = list(map(html.unescape, re.findall(r'class="focus-link" href="([^"]+)"', text)))
    assert focus_links and all("until=Jessica" in link and "work=jessica-jones" in link
                               and "limit=30" in link for link in focus_links)
    assert f'name="until" value="{CUT}"' in text


def test_spoiler_cut_hides_a_later_death(client):
    before = get_json(client, "/api/graph?focus=character/kilgrave")
    assert any("death" in name for name in events_of(before, "Kilgrave"))
    cut = get_json(client, f"/api/graph?focus=character/kilgrave&until={CUT}")
    assert not any("death" in name for name in events_of(cut, "Kilgrave"))
    texts = [f["text"] for n in cut["nodes"] for f in n["facts"]]
    assert not any("Kilgrave: death" in text for text in texts)
    page = client.get(f"/graph?focus=character/kilgrave&until={CUT}")
    assert not any("death" in name for name in events_of(page_data(page), "Kilgrave"))
    expanded = get_json(client, f"/api/graph/expand?node=character/kilgrave&until={CUT}")
    assert not any("death" in name for name in events_of(expanded, "Kilgrave"))


def test_a_node_after_the_cut_is_unknown(client):
    death = next(n["id"] for n in get_json(client, "/api/graph?focus=character/kilgrave")["nodes"]
                 if n["name"].startswith("Kilgrave: death"))
    assert get_json(client, f"/api/graph/expand?node={death}").get("node") == death
    body = get_json(client, f"/api/graph/expand?node={death}&until={CUT}", status=404)
    assert CUT in body["message"]


@pytest.mark.parametrize("query, needle", [
    ("limit=abc", "limit 'abc'"),
    ("limit=0", "limit '0'"),
    ("limit=-3", "limit '-3'"),
    ("limit=%C2%B2", "limit '²'"),
    ("focus=kilgrave", "focus 'kilgrave' is not a node id"),
    ("focus=planet/earth", "is not a node id"),
    ("relation=loves", "relation 'loves' is unknown"),
    ("work=Nowhere+Town", "work 'Nowhere Town' is not in this graph"),
    ("season=two", "season 'two'"),
    ("season=0", "season '0'"),
    ("physics=fast", "physics 'fast'"),
    ("until=Nowhere+S1", "until"),
])
def test_bad_parameters_are_400_with_a_message(client, query, needle):
    body = get_json(client, f"/api/graph?{query}", status=400)
    assert needle in body["message"]
    page = client.get(f"/graph?{query}")
    assert page.status_code == 400
    assert needle in html.unescape(page.get_data(as_text=True))


def test_expand_needs_a_known_node(client):
    assert "node is missing" in get_json(client, "/api/graph/expand", status=400)["message"]
    assert "not a node id" in get_json(client, "/api/graph/expand?node=x", status=400)["message"]
    body = get_json(client, "/api/graph/expand?node=character/nobody-at-all", status=404)
    assert "character/nobody-at-all" in body["message"]
    assert client.get("/graph?focus=character/nobody-at-all").status_code == 404


def test_vendor_route_serves_vis_network_and_nothing_else(client):
    script = client.get("/static/vendor/vis-network.min.js")
    assert script.status_code == 200
    assert script.mimetype in ("text/javascript", "application/javascript")
    assert b"vis-network" in script.data[:200] and len(script.data) > 100_000
    assert script.cache_control.max_age >= 365 * 24 * 3600
    style = client.get("/static/vendor/vis-network.css")
    assert style.status_code == 200 and style.mimetype == "text/css"
    for name in ("network.py", "vis-network.js", "..%2Fnetwork.py", "tom-select.css"):
        assert client.get(f"/static/vendor/{name}").status_code == 404


def test_page_loads_nothing_from_the_network(client):
    text = client.get("/graph").get_data(as_text=True)
    sources = re.findall(r'<script[^>]*\ssrc="([^"]*)"', text)
    sheets = re.findall(r'<link[^>]*\shref="([^"]*)"', text)
    assert any("vis-network.min.js" in s for s in sources)
    assert any("vis-network.css" in s for s in sheets)
    for url in sources + sheets:
        assert url.startswith("/") and not url.startswith("//"), url
        assert client.get(html.unescape(url)).status_code == 200, url
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", text, re.DOTALL)
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs, _ in scripts)


def test_hostile_names_are_escaped_in_the_data_block_and_the_table(client):
    hostile = next(n for n in get_json(client, "/api/graph?limit=250")["nodes"] + get_json(
        client, "/api/graph?focus=work/night-harbour-script-alert-1-script")["nodes"]
        if "<script>" in n["name"])
    response = client.get(f"/graph?focus={hostile['id']}")
    text = response.get_data(as_text=True)
    block = DATA_BLOCK.search(text).group(1)
    assert "<script>" not in block and "\\u003cscript\\u003e" in block
    assert hostile["name"] in [n["name"] for n in page_data(response)["nodes"]]
    assert "<script>alert" not in text and "&lt;script&gt;" in text
    assert 'onmouseover="alert' not in text


def test_the_api_is_the_page_json_twin(client):
    url = f"graph?focus=character/kilgrave&until={CUT}&relation=plays&relation=event_of"
    assert page_data(client.get("/" + url)) == get_json(client, "/api/" + url)


def test_default_physics_switch_leaves_placement_to_the_browser(client):
    data = get_json(client, "/api/graph?physics=default")
    assert data["physics"] == "default" and data["options"]["physics"]["enabled"] is True
    assert not any("x" in node for node in data["nodes"])


def test_doctests():
    assert doctest.testmod(webviz.graph_build).failed == 0


def test_an_empty_store_draws_nothing_without_failing(empty_store):
    client = create_app(empty_store, config={"TESTING": True}).test_client()
    response = client.get("/graph")
    assert response.status_code == 200
    assert "Nothing to draw" in response.get_data(as_text=True)
    data = page_data(response)
    assert (data["focus"], data["nodes"], data["edges"]) == (None, [], [])


def test_article_links_are_drawn_faint_and_unlabelled(client):
    """An edge that only says an article names something is dashed and has no words
    (its tooltip still says so); the story's own edges have words, written on the
    canvas for the focus's edges."""
    data = get_json(client, "/api/graph?focus=character/kilgrave")
    edges = data["edges"]
    quiet = [e for e in edges if e["relations"] == ["mentions"]]
    loud = [e for e in edges if "mentions" not in e["relations"]]
    assert quiet and loud
    assert all(e["dashes"] and e["label"] == e["words"] == "" and "names" in e["title"]
               for e in quiet)
    assert all(e["words"] and not e.get("dashes") for e in loud)
    assert any(e["label"] for e in loud)


def test_the_legend_styles_every_kind_in_walk_order():
    """The drawing module styles exactly the kinds the graph has, in the same order,
    so that the legend and the node-id check agree."""
    assert list(KIND_STYLE) == list(KINDS)


def test_layout_is_wider_than_tall_like_the_canvas():
    """A neighbourhood shaped like a long chain is laid out across the canvas, not
    down it, and nodes stay a grid cell apart."""
    graph = nx.MultiDiGraph()
    chain = [f"character/c{n}" for n in range(12)]
    for name in chain:
        graph.add_node(name, kind="character", name=name)
    graph.add_edges_from(zip(chain[:-1], chain[1:], strict=True))
    placed = ego_layout(graph, chain, chain[0], {n: n for n in chain}, {}).positions
    xs, ys = zip(*placed.values(), strict=True)
    assert max(xs) - min(xs) > 1.4 * (max(ys) - min(ys))
    assert placed[chain[0]] == (0.0, 0.0)
    assert min(math.dist(placed[a], placed[b]) for i, a in enumerate(chain)
               for b in chain[i + 1:]) > CELL * 0.9


def test_edges_say_their_relations_in_words(client):
    """Every edge carries words, never a relation id; the actor's edge reads
    "Kilgrave played by David Tennant" and a death "killed by" its killer; the
    page's table of links says the same words."""
    response = client.get("/graph?focus=character/kilgrave&limit=100")
    data = page_data(response)
    ids = set(RELATIONS) | {"plays"}
    for edge in data["edges"]:
        assert "_" not in edge["words"] and edge["words"] not in ids - {"in"}, edge
    played = [e for e in data["edges"] if e["relations"] == ["plays"]
              and e["from"] == "character/kilgrave"]
    assert played and played[0]["to"] == "person/david-tennant"
    assert played[0]["words"] == played[0]["label"] == "played by"
    assert any(e["words"] == "killed by" for e in data["edges"])
    rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>",
                      response.get_data(as_text=True))
    names = {n["id"]: n["name"] for n in data["nodes"]}
    assert sorted(map(lambda r: tuple(map(html.unescape, r)), rows)) == sorted(
        (names[e["from"]], e["words"] or "names", names[e["to"]]) for e in data["edges"])
    assert "played by (actor)</option>" in response.get_data(as_text=True)


def test_only_the_focus_and_its_neighbours_are_named(client):
    """The canvas names the focus and its direct neighbours, and writes words on
    the focus's edges only; every node keeps its text for hover."""
    data = get_json(client, "/api/graph?focus=character/kilgrave")
    focus = data["focus"]
    near = {e["to"] if e["from"] == focus else e["from"] for e in data["edges"]
            if focus in (e["from"], e["to"])}
    named = {n["id"] for n in data["nodes"] if n["label"]}
    assert named == near | {focus}
    assert all(n["text"] for n in data["nodes"])
    assert all(focus in (e["from"], e["to"]) for e in data["edges"] if e["label"])


@pytest.mark.parametrize("query", ["focus=character/kilgrave", "focus=work/jessica-jones",
                                   "", "focus=character/kilgrave&limit=250"])
def test_written_labels_do_not_overlap_on_the_server(client, query):
    """The boxes of what the canvas writes at first (node labels, the focus's edge
    words), sized from their text as the layout sizes them, overlap nowhere, and
    no other node sits on one."""
    from webviz.graph_layout import edge_box, glyph_box, label_box, overlapping

    data = get_json(client, f"/api/graph?{query}")
    at = {n["id"]: n for n in data["nodes"]}
    boxes = []
    for node in data["nodes"]:
        font = node.get("font", {}).get("size", 13)
        boxes.append(glyph_box(node["x"], node["y"], node["size"], node["id"]))
        if node["label"]:
            boxes.append(label_box(node["x"], node["y"], node["size"], node["label"], font,
                                   node["id"]))
    for edge in data["edges"]:
        if edge["label"]:
            a, b = at[edge["from"]], at[edge["to"]]
            boxes.append(edge_box((a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2, edge["label"],
                                  edge["id"]))
    clashes = [(a.owner, b.owner) for a, b in overlapping(boxes, 0)]
    assert not clashes, clashes[:5]


def test_show_more_adds_the_next_nodes(client):
    """A neighbourhood cut by its limit offers "Show N more": a link to the same
    focus, filters and spoiler cut with N more nodes, which draws every node drawn
    before and N more; a neighbourhood drawn whole offers none."""
    query = f"focus=character/kilgrave&until={CUT}"
    page = client.get(f"/graph?{query}")
    data = page_data(page)
    assert data["truncated"] and data["more"] > 0
    link = html.unescape(re.search(r'<a id="graph-more" href="([^"]+)">Show (\d+) more</a>',
                                   page.get_data(as_text=True)).group(1))
    assert link == data["urls"]["more"]
    assert f"limit={40 + data['more']}" in link and "until=Jessica" in link
    wider = page_data(client.get(link))
    before, after = [n["id"] for n in data["nodes"]], [n["id"] for n in wider["nodes"]]
    assert set(before) < set(after) and len(after) == len(before) + data["more"]
    whole = get_json(client, "/api/graph?focus=character/kilgrave&limit=250")
    assert not whole["truncated"] and whole["more"] == 0 and whole["urls"]["more"] is None
    assert 'id="graph-more"' not in client.get(
        "/graph?focus=character/kilgrave&limit=250").get_data(as_text=True)
