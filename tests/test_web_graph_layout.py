"""The graph view's words for relations, the walk's cap and the ego layout, on small
graphs written here: every relation has words both ways, a ring cut short keeps the
most linked nodes, only the focus and its most linked neighbours are named, and no
two of the boxes the canvas writes at first overlap."""

import networkx as nx

from webviz.graph_build import RELATIONS, WORDS, words
from webviz.graph_layout import CELL, LABELLED, ego_layout, overlapping
from webviz.graph_walk import neighbourhood


def test_every_relation_has_words_both_ways():
    assert set(WORDS) == set(RELATIONS)
    for relation in RELATIONS:
        along, against, choice = WORDS[relation]
        assert along and against and choice and "_" not in along + against + choice
    assert words("plays", "plays", along=False) == "played by"
    assert words("killed_by", "killed_by") == "killed by"
    assert words("spinoff_of", "spinoff_of") == "spin-off of"
    assert words("crew", "executive_producer") == "executive producer of"


def _star(spokes, links):
    """Return a graph: a focus with ``spokes`` character neighbours, neighbour i
    linked to ``links(i)`` people of its own."""
    graph = nx.MultiDiGraph()
    graph.add_node("character/focus", kind="character", name="The Focus")
    for i in range(spokes):
        near = f"character/n{i:02d}"
        graph.add_node(near, kind="character", name=f"Neighbour number {i}")
        graph.add_edge(near, "character/focus", key="event_of")
        for j in range(links(i)):
            far = f"person/p{i:02d}-{j}"
            graph.add_node(far, kind="person", name=far)
            graph.add_edge(far, near, key="plays")
    return graph


def test_a_ring_cut_short_keeps_the_most_linked_neighbours():
    graph = _star(8, lambda i: i)
    nodes, truncated = neighbourhood(graph, "character/focus", 4)
    assert truncated
    assert nodes[1:] == ["character/n07", "character/n06", "character/n05"]


def _layout(graph):
    nodes, _ = neighbourhood(graph, "character/focus", 250)
    texts = {n: graph.nodes[n]["name"] for n in nodes}
    edge_texts = {n: "happens to" for n in nodes if graph.has_edge(n, "character/focus")}
    return nodes, ego_layout(graph, nodes, "character/focus", texts, edge_texts)


def test_only_the_most_linked_neighbours_are_named_and_nothing_written_overlaps():
    graph = _star(40, lambda i: i % 5)
    nodes, placed = _layout(graph)
    assert len(nodes) == 1 + 40 + sum(i % 5 for i in range(40))
    near = placed.labelled - {"character/focus"}
    assert len(near) == LABELLED
    assert min(graph.degree(n) for n in near) >= max(
        graph.degree(f"character/n{i:02d}") for i in range(40)
        if f"character/n{i:02d}" not in near)
    assert not overlapping(placed.boxes)
    core = [(b.left, b.top, b.right, b.bottom) for b in placed.boxes]
    for node in set(nodes) - placed.labelled:
        x, y = placed.positions[node]
        assert not any(left < x < right and top < y < bottom
                       for left, top, right, bottom in core), node
    spots = list(placed.positions.values())
    assert len(set(spots)) == len(spots)


def test_a_big_neighbourhood_stays_compact():
    """250 nodes fit in a drawing about as wide as a canvas is at zoom 1 (no node
    flung far out), so that fitting it keeps labels readable."""
    graph = _star(20, lambda i: 12)
    nodes, placed = _layout(graph)
    assert len(nodes) == 250
    xs, ys = zip(*placed.positions.values(), strict=True)
    assert max(xs) - min(xs) < 60 * CELL and max(ys) - min(ys) < 40 * CELL
