// The graph view: draws the neighbourhood the server laid out (physics off, so the
// first frame is the final one), fitted to the canvas, expands a node on click from
// /api/graph/expand and shows its facts in #node-panel. The server names only the
// focus and its nearest neighbours; a hovered or selected node gets its name (and a
// selected one its neighbours' names and its links' words) while it stays so. Text
// from articles only ever goes in as textContent or a vis-network label (canvas).
(function () {
  "use strict";
  var holder = document.getElementById("graph");
  var source = document.getElementById("graph-data");
  var panel = document.getElementById("node-panel");
  var status = document.getElementById("graph-status");
  var table = document.getElementById("graph-table");
  if (!holder || !source || typeof vis === "undefined") { return; }

  var data = JSON.parse(source.textContent);
  var details = new Map();   // node id -> {name, kind, url, facts, facts_total, more}
  var articles = Object.assign({}, data.articles);
  var expanded = new Set();
  var OWN = ["name", "kind", "url", "facts", "facts_total", "more", "text"];
  var ROOM = 60;   // pixels a node keeps clear around it when an expansion adds it

  // vis-network keeps only drawing fields; the rest stays here for the panel.
  function drawable(node, origin) {
    var copy = {};
    var own = {};
    Object.keys(node).forEach(function (key) {
      if (OWN.indexOf(key) >= 0) { own[key] = node[key]; } else { copy[key] = node[key]; }
    });
    var known = details.get(node.id);
    if (!known || (own.facts || []).length > (known.facts || []).length) {
      details.set(node.id, own);
    }
    if (origin && typeof copy.x === "number") {
      copy.x += origin.x;
      copy.y += origin.y;
    }
    return copy;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) { return drawable(n, null); }));
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(holder, {nodes: nodes, edges: edges}, data.options);
  if (!data.physics) {
    // The server's layout is compact enough that every node fits the canvas.
    network.fit({animation: false});
  }

  // The labels the server wrote stay; others come and go with hover and selection.
  var named = new Set(data.nodes.filter(function (n) { return n.label; })
    .map(function (n) { return n.id; }));
  var worded = new Set(data.edges.filter(function (e) { return e.label; })
    .map(function (e) { return e.id; }));
  var hovered = {node: null, edge: null};

  // Where a label would be written, in canvas pixels, as vis-network hangs a node's
  // label (half a font size and 4 px under its shape) or centres an edge's words;
  // a little wider than measured, for the bold a selection is written in.
  var measure = document.createElement("canvas").getContext("2d");
  function labelBox(id, text, isEdge) {
    var item = isEdge ? network.body.edges[id] : network.body.nodes[id];
    if (!item || !text) { return null; }
    var font = item.options.font;
    measure.font = font.size + "px " + font.face;
    var half = measure.measureText(text).width * 0.55 + 2;
    if (isEdge) {
      var a = network.getPositions([item.fromId])[item.fromId];
      var b = network.getPositions([item.toId])[item.toId];
      if (!a || !b) { return null; }
      var mx = (a.x + b.x) / 2;
      var my = (a.y + b.y) / 2;
      return {left: mx - half, right: mx + half, top: my - font.size, bottom: my + font.size};
    }
    var at = network.getPositions([id])[id];
    var top = at.y + (item.options.size || 0) + font.size / 2 + 4;
    return {left: at.x - half, right: at.x + half, top: top - 2, bottom: top + font.size + 2};
  }

  function clashes(box, taken) {
    return taken.some(function (other) {
      return box.left < other.right && other.left < box.right &&
        box.top < other.bottom && other.top < box.bottom;
    });
  }

  // The labels shown: the server's, then the hovered node's and link's (always),
  // then the selected node's, its neighbours' and its links', each only where it
  // would not be written over a label already shown.
  function relabel() {
    var taken = [];
    var wantNodes = new Set();
    var wantEdges = new Set();
    function take(id, isEdge, always) {
      var want = isEdge ? wantEdges : wantNodes;
      if (want.has(id)) { return; }
      var text = isEdge ? (edges.get(id) || {}).words : (details.get(id) || {}).text;
      var box = labelBox(id, text, isEdge);
      if (!box || (!always && clashes(box, taken))) { return; }
      taken.push(box);
      want.add(id);
    }
    named.forEach(function (id) { take(id, false, true); });
    worded.forEach(function (id) { take(id, true, true); });
    if (hovered.node) { take(hovered.node, false, true); }
    if (hovered.edge) { take(hovered.edge, true, true); }
    network.getSelectedNodes().forEach(function (id) {
      if (id === data.focus) { return; }
      take(id, false, true);
      network.getConnectedNodes(id).forEach(function (n) { take(n, false, false); });
      network.getConnectedEdges(id).forEach(function (e) { take(e, true, false); });
    });
    if (hovered.node) {
      network.getConnectedEdges(hovered.node).forEach(function (e) { take(e, true, false); });
    }
    var nodeChanges = [];
    nodes.forEach(function (node) {
      var own = details.get(node.id) || {};
      var label = wantNodes.has(node.id) ? (own.text || "") : "";
      if ((node.label || "") !== label) { nodeChanges.push({id: node.id, label: label}); }
    });
    var edgeChanges = [];
    edges.forEach(function (edge) {
      var label = wantEdges.has(edge.id) ? (edge.words || "") : "";
      if ((edge.label || "") !== label) { edgeChanges.push({id: edge.id, label: label}); }
    });
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    if (edgeChanges.length) { edges.update(edgeChanges); }
  }

  network.on("hoverNode", function (params) { hovered.node = params.node; relabel(); });
  network.on("blurNode", function () { hovered.node = null; relabel(); });
  network.on("hoverEdge", function (params) { hovered.edge = params.edge; relabel(); });
  network.on("blurEdge", function () { hovered.edge = null; relabel(); });
  network.on("selectNode", relabel);
  network.on("deselectNode", relabel);

  var drawn = false;
  network.on("afterDrawing", function () {
    if (drawn) { return; }
    drawn = true;
    window.canonGraphReadyAt = performance.now();
    document.body.dataset.graphReady = "1";
  });

  function say(text) { if (status) { status.textContent = text; } }

  function focusUrl(id) {
    var url = new URL(data.urls.graph, window.location.href);
    url.searchParams.set("focus", id);
    return url.pathname + url.search;
  }

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) { el.textContent = String(text); }
    if (className) { el.className = className; }
    return el;
  }

  function link(href, text) {
    var a = element("a", text);
    a.href = href;
    return a;
  }

  function showPanel(id) {
    var node = details.get(id);
    if (!panel || !node) { return; }
    var facts = node.facts || [];
    var parts = [element("h2", node.name)];
    var about = element("p", node.kind + " · ", "panel-kind");
    about.appendChild(link(node.url, "open its page"));
    about.appendChild(document.createTextNode(" · "));
    about.appendChild(link(focusUrl(id), "centre the graph here"));
    parts.push(about);
    if (facts.length) {
      var total = node.facts_total || facts.length;
      parts.push(element("h3", total > facts.length
        ? "Facts (" + facts.length + " of " + total + ")" : "Facts (" + facts.length + ")"));
      var list = element("ul", null, "facts");
      facts.forEach(function (fact) {
        var item = element("li");
        item.appendChild(element("p", fact.text, "fact-text"));
        (fact.sources || []).forEach(function (src) {
          item.appendChild(element("blockquote", src.quote, "quote"));
          var from = element("p", "from ", "fact-source");
          var article = articles[src.doc] || {title: src.doc, url: null};
          from.appendChild(article.url ? link(article.url, article.title) : element("span", article.title));
          item.appendChild(from);
        });
        list.appendChild(item);
      });
      parts.push(list);
    } else {
      parts.push(element("p", "No facts about it up to this point."));
    }
    panel.replaceChildren.apply(panel, parts);
  }

  function addRow(node) {
    if (!table || !table.tBodies.length) { return; }
    var own = details.get(node.id);
    var row = element("tr");
    row.dataset.node = node.id;
    var name = element("td");
    name.appendChild(link(own.url, own.name));
    row.appendChild(name);
    row.appendChild(element("td", own.kind));
    row.appendChild(element("td", own.facts_total));
    row.appendChild(element("td", own.more, "more"));
    var actions = element("td");
    var show = element("button", "show", "show-node");
    show.type = "button";
    show.dataset.node = node.id;
    actions.appendChild(show);
    actions.appendChild(document.createTextNode(" "));
    var focus = link(focusUrl(node.id), "focus");
    focus.className = "focus-link";
    actions.appendChild(focus);
    row.appendChild(actions);
    table.tBodies[0].appendChild(row);
  }

  // A new node placed on top of a drawn one moves outwards, away from the node
  // that was clicked, until it has room.
  function makeRoom(node, origin, taken) {
    var dx = node.x - origin.x;
    var dy = node.y - origin.y;
    var length = Math.sqrt(dx * dx + dy * dy) || 1;
    for (var step = 0; step < 12; step += 1) {
      var crowded = taken.some(function (p) {
        return Math.abs(p.x - node.x) < ROOM && Math.abs(p.y - node.y) < ROOM;
      });
      if (!crowded) { break; }
      node.x += dx / length * ROOM;
      node.y += dy / length * ROOM;
    }
    taken.push({x: node.x, y: node.y});
    return node;
  }

  function grow(id, body) {
    Object.assign(articles, body.articles || {});
    var origin = network.getPositions([id])[id] || {x: 0, y: 0};
    var positions = network.getPositions();
    var taken = Object.keys(positions).map(function (key) { return positions[key]; });
    var added = 0;
    var full = false;
    body.nodes.forEach(function (node) {
      if (nodes.get(node.id)) {
        drawable(node, origin);   // keeps the longer fact list for the panel
        return;
      }
      if (nodes.length >= data.max_nodes) { full = true; return; }
      nodes.add(makeRoom(drawable(node, origin), origin, taken));
      addRow(node);
      added += 1;
    });
    var row = table && table.querySelector('tr[data-node="' + CSS.escape(id) + '"] td.more');
    if (row && !full && !body.truncated) { row.textContent = "0"; }
    edges.add(body.edges.filter(function (edge) {
      return !edges.get(edge.id) && nodes.get(edge.from) && nodes.get(edge.to);
    }));
    expanded.add(id);
    say(added + " node" + (added === 1 ? "" : "s") + " added; " + nodes.length + " drawn" +
        (full || body.truncated ? "; the limit of " + data.max_nodes +
          " nodes left some out: use “centre the graph here” to redraw around a node" : "") + ".");
  }

  function expand(id) {
    showPanel(id);
    if (expanded.has(id)) {
      document.body.dataset.graphExpanded = String(nodes.length);
      return Promise.resolve(nodes.length);
    }
    var url = new URL(data.urls.expand, window.location.href);
    url.searchParams.set("node", id);
    return fetch(url.pathname + url.search, {headers: {Accept: "application/json"}})
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) { throw new Error(body.message || response.statusText); }
          return body;
        });
      })
      .then(function (body) {
        grow(id, body);
        relabel();
        showPanel(id);
        document.body.dataset.graphExpanded = String(nodes.length);
        return nodes.length;
      })
      .catch(function (error) {
        say("Could not show the neighbours: " + error.message);
        throw error;
      });
  }

  function select(id) {
    if (!nodes.get(id)) { return Promise.resolve(nodes.length); }
    network.selectNodes([id]);
    relabel();
    network.focus(id, {scale: 1.1, animation: false});
    return expand(id);
  }

  network.on("click", function (params) {
    if (params.nodes.length) { expand(params.nodes[0]).catch(function () {}); }
  });

  if (table) {
    table.addEventListener("click", function (event) {
      var button = event.target.closest("button.show-node");
      if (!button) { return; }
      select(button.dataset.node).catch(function () {});
      if (panel) { panel.focus(); }
    });
  }

  // A newcomer sees what the page is about before clicking anything.
  if (data.focus && nodes.get(data.focus)) {
    network.selectNodes([data.focus]);
    showPanel(data.focus);
  }

  // Where a node is drawn, in pixels from the canvas's top left corner (null for a
  // node not drawn); pointAt first moves the view onto it at a readable zoom. What a
  // script (or a test) needs to point at a node with the mouse.
  function domPosition(id) {
    var at = network.getPositions([id])[id];
    return at ? network.canvasToDOM(at) : null;
  }

  function pointAt(id) {
    var at = network.getPositions([id])[id];
    if (!at) { return null; }
    network.moveTo({position: at, scale: Math.max(network.getScale(), 1), animation: false});
    return domPosition(id);
  }

  window.canonGraph = {
    network: network,
    nodeIds: function () { return nodes.getIds(); },
    domPosition: domPosition,
    scale: function () { return network.getScale(); },
    expand: expand,
    select: select,
    pointAt: pointAt
  };
}());
