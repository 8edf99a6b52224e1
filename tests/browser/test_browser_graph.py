"""The graph view in Chromium: the canvas draws the focus's neighbourhood, a real
click on a node expands it and fills the side panel, the table mirrors the canvas;
no two labels drawn at first overlap (their boxes measured in the page), the legend
is in view beside the canvas, a 250-node view fits the canvas, and "Show N more"
adds nodes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select

ROOT = Path(__file__).resolve().parents[2]
FOCUS = "character/kilgrave"
GRAPH = f"/graph?focus={FOCUS}"
LIMIT = 250
# Milliseconds from navigation to the first drawing: bench/ measures the 1 s goal;
# this loose bound catches a layout left to physics (about 23 s at 250 nodes).
FIRST_DRAWING = 5000
# True when vis-network draws the node inside the canvas as the page left it.
NODE_ON_SCREEN = """
var at = window.canonGraph.domPosition(arguments[0]);
var box = document.getElementById('graph').getBoundingClientRect();
return !!at && at.x >= 0 && at.y >= 0 && at.x <= box.width && at.y <= box.height;
"""


def test_graph_draws_the_focus_and_its_actor(browser):
    """The first drawing holds Kilgrave, David Tennant who plays him and the work,
    no more than the node limit, and the same nodes as the page's JSON."""
    ids = browser.graph(GRAPH)
    assert FOCUS in ids
    assert "person/david-tennant" in ids
    assert "work/jessica-jones" in ids
    assert len(ids) <= LIMIT
    data = json.loads(browser.js("return document.getElementById('graph-data').textContent;"))
    assert {node["id"] for node in data["nodes"]} == set(ids)
    canvas = browser.driver.find_element(By.CSS_SELECTOR, "#graph canvas")
    assert canvas.size["width"] > 300 and canvas.size["height"] > 200, canvas.size
    assert browser.js("return window.canonGraphReadyAt;") < FIRST_DRAWING


def test_first_view_is_readable_and_shows_the_focus(browser):
    """The page opens on GRAPH_FIRST_NODES nodes at a zoom where labels can be
    read (0.6 or more), with the focus inside the canvas."""
    ids = browser.graph(GRAPH)
    assert len(ids) == 40
    assert browser.js("return window.canonGraph.scale();") >= 0.6
    drawn = browser.js(NODE_ON_SCREEN, FOCUS)
    assert drawn, f"{FOCUS} is outside the canvas at first"


def test_graph_has_a_table_alternative(browser):
    """The table beside the canvas names the focus and its actor."""
    browser.graph(GRAPH)
    table = browser.js("return document.getElementById('graph-table').textContent;")
    assert "Kilgrave" in table and "David Tennant" in table


def test_click_on_a_node_expands_its_neighbours(browser):
    """A real click on a drawn node that has neighbours not yet drawn fetches and
    draws them, and the side panel shows that node's facts with quotes and links
    to their articles."""
    ids = browser.graph(GRAPH)
    node, new = _expandable(browser, ids)
    name = _names(browser)[node]
    browser.click_node(node)
    drawn = browser.wait("return document.body.dataset.graphExpanded;",
                         message=f"clicking {node} never set data-graph-expanded")
    browser.shot(f"expanded {node}")
    after = browser.js("return window.canonGraph.nodeIds();")
    assert int(drawn) == len(after)
    assert set(ids) < set(after)
    assert set(new) <= set(after), f"{sorted(set(new) - set(after))[:5]} not drawn"
    panel = browser.driver.find_element(By.ID, "node-panel")
    assert panel.is_displayed()
    assert browser.text("#node-panel h2") == name, "the click landed on another node"
    links = browser.js("return Array.from(document.querySelectorAll('#node-panel a[href]'))"
                       ".map(function (a) { return a.pathname; });")
    assert any(path.startswith("/article/") for path in links), links


def test_relation_filter_keeps_only_its_edges(browser):
    """Choosing a relation in the filter form redraws the focus's neighbourhood with
    edges of that relation only, and the URL keeps the focus and the filter."""
    everything = browser.graph(GRAPH)
    driver = browser.driver
    Select(driver.find_element(By.ID, "filter-relation")).select_by_value("plays")
    driver.find_element(By.CSS_SELECTOR, "form.graph-filters button[type=submit]").click()
    browser.wait("return location.search.indexOf('relation=plays') >= 0",
                 message="the filter form did not put relation=plays in the URL")
    browser.wait("return document.body.dataset.graphReady === '1'")
    browser.shot("graph plays only")
    assert "focus=character%2Fkilgrave" in driver.current_url
    data = json.loads(browser.js("return document.getElementById('graph-data').textContent;"))
    words = {edge["words"] for edge in data["edges"]}
    assert words == {"played by"}, words
    drawn = browser.js("return window.canonGraph.nodeIds();")
    assert FOCUS in drawn and "person/david-tennant" in drawn
    assert len(drawn) < len(everything)


def test_table_show_button_works_from_the_keyboard(browser):
    """The table's "show" button, pressed with Enter, shows a node's facts in the
    side panel and draws its neighbours, as a click on the canvas does."""
    browser.graph(GRAPH)
    button = browser.driver.find_element(
        By.CSS_SELECTOR, "#graph-table button.show-node[data-node='person/david-tennant']")
    button.send_keys(Keys.ENTER)
    browser.wait("return document.body.dataset.graphExpanded;",
                 message="Enter on the show button never set data-graph-expanded")
    assert browser.text("#node-panel h2") == "David Tennant"
    assert "Kilgrave" in browser.text("#node-panel")


def test_legend_names_every_kind(browser):
    """The legend beside the canvas names the six kinds of node."""
    browser.graph(GRAPH)
    legend = browser.text("ul.legend")
    for kind in ("Character", "Person", "Work", "Season", "Event", "Article"):
        assert kind in legend


def test_spoiler_cut_reaches_the_graph(browser):
    """Cut before the finale, the graph draws no event of Kilgrave's death."""
    full = browser.graph(GRAPH + "&limit=250")
    deaths = [node for node, name in _names(browser).items()
              if node.startswith("event/") and "Kilgrave: death" in name]
    assert deaths, f"no death event in the full graph: {_names(browser)}"
    cut = browser.graph(GRAPH + "&limit=250&until=Jessica+Jones+S1E3")
    assert FOCUS in cut and set(cut) < set(full)
    assert not set(deaths) & set(cut)
    assert not [name for name in _names(browser).values() if "Kilgrave: death" in name]


def _names(browser):
    """Return {node id: name} of the graph page's own JSON data."""
    data = json.loads(browser.js("return document.getElementById('graph-data').textContent;"))
    return {node["id"]: node["name"] for node in data["nodes"]}


def _expandable(browser, ids):
    """Return (node, the ids its expansion adds) for the first drawn node whose
    expansion adds nodes, asked of the JSON endpoint the page itself uses."""
    fetch = """
var done = arguments[arguments.length - 1];
fetch('/api/graph/expand?node=' + encodeURIComponent(arguments[0]),
      {headers: {Accept: 'application/json'}})
  .then(function (r) { return r.json(); })
  .then(function (d) { done((d.nodes || []).map(function (n) { return n.id; })); })
  .catch(function (e) { done(null); });
"""
    preferred = ["person/david-tennant", "work/jessica-jones", FOCUS]
    for node in preferred + [n for n in ids if n not in preferred]:
        got = browser.driver.execute_async_script(fetch, node)
        new = [n for n in got or [] if n not in ids]
        if new:
            return node, new
    raise AssertionError(f"no drawn node's expansion adds a node: {ids}")


# The boxes of every label vis-network draws (node labels and edge words), in
# pixels of the canvas element: vis-network's own box of each label (set when it
# wrote it), turned into DOM pixels by canvasToDOM; a label too small to be drawn
# at this zoom (under its drawThreshold) is left out. ``measured`` is the text's
# width measured with a canvas's measureText in the label's font, zoomed.
LABEL_BOXES = """
var net = window.canonGraph.network;
var scale = net.getScale();
var ctx = document.createElement('canvas').getContext('2d');
var boxes = [];
function add(owner, item) {
  var module = item.labelModule;
  var text = module.elementOptions.label;
  if (typeof text !== 'string' || !text.trim()) { return; }
  var font = module.fontOptions;
  if (font.size * scale < module.elementOptions.scaling.label.drawThreshold - 1) { return; }
  ctx.font = (font.mod ? font.mod + ' ' : '') + font.size + 'px ' + font.face;
  var a = net.canvasToDOM({x: module.size.left, y: module.size.top});
  var b = net.canvasToDOM({x: module.size.left + module.size.width,
                           y: module.size.top + module.size.height});
  boxes.push({owner: owner, text: text, left: a.x, top: a.y, right: b.x, bottom: b.y,
              measured: ctx.measureText(text).width * scale});
}
Object.keys(net.body.nodes).forEach(function (id) { add(id, net.body.nodes[id]); });
Object.keys(net.body.edges).forEach(function (id) { add(id, net.body.edges[id]); });
return {scale: scale, boxes: boxes};
"""
# The drawn nodes whose shape reaches outside the canvas element.
OUTSIDE = """
var net = window.canonGraph.network;
var box = document.getElementById('graph').getBoundingClientRect();
var scale = net.getScale();
return window.canonGraph.nodeIds().filter(function (id) {
  var at = net.canvasToDOM(net.getPositions([id])[id]);
  var r = (net.body.nodes[id].options.size || 0) * scale;
  return at.x - r < 0 || at.y - r < 0 || at.x + r > box.width || at.y + r > box.height;
});
"""


def _clashes(boxes):
    """Return the pairs of label boxes that overlap (by more than half a pixel)."""
    return [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5]


@pytest.mark.parametrize("path", [GRAPH, "/graph", "/graph?focus=work/jessica-jones"])
def test_no_two_drawn_labels_overlap_at_the_default_view(browser, path):
    """At the first view the canvas writes the focus's name, its neighbours' names
    and the focus's edge words, each box at least as wide as its text, none over
    another."""
    browser.graph(path)
    found = browser.js(LABEL_BOXES)
    boxes = found["boxes"]
    data = json.loads(browser.js("return document.getElementById('graph-data').textContent;"))
    assert {b["owner"] for b in boxes} >= {n["id"] for n in data["nodes"] if n["label"]}
    assert len(boxes) >= 8, boxes
    assert all(b["right"] - b["left"] >= b["measured"] - 1 for b in boxes), boxes
    assert not _clashes(boxes)


def test_hover_names_a_node_the_first_view_leaves_unnamed(browser):
    """A node drawn without its name gets it while the mouse rests on it."""
    browser.graph(GRAPH)
    data = json.loads(browser.js("return document.getElementById('graph-data').textContent;"))
    quiet = next(n for n in data["nodes"] if not n["label"])
    label = "return window.canonGraph.network.body.data.nodes.get(arguments[0]).label;"
    assert not browser.js(label, quiet["id"])
    browser.hover_node(quiet["id"])
    assert browser.wait(label, quiet["id"]) == quiet["text"]


def test_legend_is_in_view_beside_the_canvas_at_1400x900(browser):
    """In a 1400x900 window the legend sits right of the canvas, level with it, in
    view without scrolling."""
    browser.driver.set_window_size(1400, 900)
    browser.graph(GRAPH)
    where = browser.js("""
window.scrollTo(0, 0);
var legend = document.querySelector('.graph-legend').getBoundingClientRect();
var canvas = document.getElementById('graph').getBoundingClientRect();
return {legend: legend.toJSON(), canvas: canvas.toJSON(),
        width: window.innerWidth, height: window.innerHeight};
""")
    legend, canvas = where["legend"], where["canvas"]
    assert legend["height"] > 100, legend
    assert legend["top"] >= 0 and legend["bottom"] <= where["height"], where
    assert legend["right"] <= where["width"], where
    assert legend["left"] >= canvas["right"], where
    assert legend["top"] < canvas["bottom"] and legend["bottom"] > canvas["top"], where
    assert "Character" in browser.text(".graph-legend")


def test_show_more_adds_nodes(browser):
    """"Show N more" under a neighbourhood cut by its limit draws the nodes drawn
    before and N more."""
    before = browser.graph(GRAPH)
    more = browser.driver.find_element(By.ID, "graph-more")
    count = int(more.text.split()[1])
    assert more.text == f"Show {count} more" and count > 0
    more.click()
    browser.wait(f"return location.search.indexOf('limit={len(before) + count}') >= 0 "
                 "&& document.body.dataset.graphReady === '1'",
                 message="Show N more did not load the bigger neighbourhood")
    browser.shot("graph shown more")
    after = browser.js("return window.canonGraph.nodeIds();")
    assert set(before) < set(after) and len(after) == len(before) + count


@pytest.fixture(scope="module")
def big_site(chromium, tmp_path_factory):
    """The base URL of an app over a made-up franchise (bench/synth.py, 1,000
    claims) whose default focus has a neighbourhood of more than 250 nodes."""
    from graph.exchange import import_file
    from graph.store import open_store
    from webviz import create_app
    from webviz.local import serve_in_thread

    folder = tmp_path_factory.mktemp("big")
    path = folder / "franchise.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "--claims", "1000",
                    "--seed", "13", "-o", str(path)], check=True, capture_output=True)
    store = open_store(folder / "canon-data")
    import_file(store, path, validate=False)
    base, stop = serve_in_thread(create_app(store, config={"TESTING": True}))
    yield base
    stop()
    store.close()


def test_a_250_node_view_fits_the_canvas(browser, big_site):
    """At the cap of 250 nodes every node is drawn inside the canvas, the focus's
    neighbours are still named, and no two labels overlap."""
    # The session's browser, pointed at the big franchise's app: its checks at the
    # end of the test (nothing left 127.0.0.1, no error) then apply to that app.
    browser.base = big_site
    ids = browser.graph("/graph?limit=250")
    assert len(ids) == 250
    assert browser.js(OUTSIDE) == []
    boxes = browser.js(LABEL_BOXES)["boxes"]
    assert len(boxes) >= 8 and not _clashes(boxes)


def test_a_selected_node_names_its_neighbours_without_overlap(browser):
    """Selecting a node (the table's "show") names it and those of its neighbours
    that have room, and still no two labels drawn overlap."""
    browser.graph(GRAPH)
    browser.js("window.canonGraph.select('person/david-tennant');")
    browser.wait("return document.body.dataset.graphExpanded;")
    boxes = browser.js(LABEL_BOXES)["boxes"]
    owners = {b["owner"] for b in boxes}
    assert "person/david-tennant" in owners
    assert len(owners) > len(set(browser.js(
        "return window.canonGraph.network.getConnectedNodes('person/david-tennant');"))
        & owners) > 1, owners
    assert not _clashes(boxes)
