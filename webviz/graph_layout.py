"""Where the graph view's nodes go, computed on the server so that the browser draws
at once with physics off, and so that no two labels drawn at first overlap.

Only the focus and its direct neighbours carry a label, and only the edges between
them carry words: ``ego_layout`` puts the focus at the origin, its labelled
neighbours in two columns either side of it (a row each, bulging outwards like a
ring), the words of each focus edge half way along it (where vis-network writes
them), and every other node in the nearest free cell of a grid outside that
labelled core, next to the nodes it links to. Label boxes are sized from their
text with a character width over bold Liberation Sans's (Arial's metrics), and
the columns move outwards until no two boxes overlap; the browser tests measure the
boxes vis-network really draws.
"""

import math
from dataclasses import dataclass

from webviz.graph_build import KINDS

# Pixels at zoom 1. Font sizes of node and edge labels; a character's width in ems
# (measured in Chromium: up to 0.62 for Liberation Sans, more in bold, which a
# selected node and its edges are written in); a line's height in ems.
FONT = 13
FOCUS_FONT = 16
EDGE_FONT = 11
CHAR = 0.68
LINE = 1.35
# Node radii: the focus, its labelled neighbours, every other node.
FOCUS_SIZE = 20
NEAR_SIZE = 14
FAR_SIZE = 9
# A column's row height, the least gap between two boxes, how far the middle rows
# bulge out, and the grid cell of an unlabelled node.
ROW = 64
PAD = 8
ARC = 70
CELL = 30
# At most this many neighbours carry a label: the most linked ones. The rest are
# drawn outside the core like any other node; hover or click shows their names.
LABELLED = 24
GROW = 1.12
TRIES = 40
# An unlabelled node whose linked nodes average this deep inside the core (0 its
# middle, 1 its edge) has no side of its own; the golden angle spreads such nodes.
DEEP = 0.5
GOLDEN = math.pi * (3 - math.sqrt(5))


@dataclass(frozen=True)
class Box:
    """A rectangle in canvas pixels: left, top, right, bottom, and what it belongs
    to (a node's shape and label belong to the node: they touch by design)."""

    left: float
    top: float
    right: float
    bottom: float
    owner: object = None

    def overlaps(self, other, pad=0.0):
        """Return True when the boxes, each grown by ``pad``, overlap."""
        return (self.left - pad < other.right and other.left - pad < self.right
                and self.top - pad < other.bottom and other.top - pad < self.bottom)


def text_width(text, font):
    """Return an upper estimate of ``text``'s width in pixels at ``font`` pixels."""
    return len(text) * CHAR * font + 4


def glyph_box(x, y, size, owner=None):
    """Return the Box of a node's shape of radius ``size`` centred on (x, y)."""
    return Box(x - size, y - size, x + size, y + size, owner)


def label_box(x, y, size, text, font=FONT, owner=None):
    """Return the Box of the label vis-network writes under a node at (x, y): it
    hangs half a font size and 4 pixels below the shape, a font size high."""
    half = text_width(text, font) / 2
    top = y + size + font / 2 + 4
    return Box(x - half, top - (LINE - 1) * font / 2, x + half, top + LINE * font, owner)


def edge_box(x, y, text, owner=None):
    """Return the Box of an edge's words written at the edge's midpoint (x, y)."""
    half, high = text_width(text, EDGE_FONT) / 2, LINE * EDGE_FONT / 2
    return Box(x - half, y - high, x + half, y + high, owner)


@dataclass(frozen=True)
class Placement:
    """Where a neighbourhood is drawn: ``positions`` {node: (x, y)}, ``sizes``
    {node: radius}, the ``labelled`` nodes (focus and nearest neighbours) and
    the ``boxes`` of what is written at first (for the tests)."""

    positions: dict
    sizes: dict
    labelled: frozenset
    boxes: tuple


def labelled_neighbours(graph, nodes, focus):
    """Return the neighbours of ``focus`` among ``nodes`` that carry a label, at most
    LABELLED, the most linked first."""
    near = [n for n in nodes[1:] if graph.has_edge(focus, n) or graph.has_edge(n, focus)]
    order = {n: i for i, n in enumerate(nodes)}
    return sorted(near, key=lambda n: (-graph.degree(n), order[n]))[:LABELLED]


def _columns(graph, near):
    """Return (right column, left column): the labelled neighbours grouped by kind,
    the first half on the right."""
    kinds = list(KINDS)
    ordered = sorted(near, key=lambda n: (kinds.index(graph.nodes[n]["kind"]),
                                          graph.nodes[n]["name"].casefold(), n))
    half = (len(ordered) + 1) // 2
    return ordered[:half], ordered[half:]


def _core(graph, focus, columns, texts, edge_texts, base):
    """Return ({node: (x, y)}, [Box]) of the focus and its columns with the
    columns' nearest rows ``base`` pixels from the focus."""
    positions = {focus: (0.0, 0.0)}
    boxes = [glyph_box(0, 0, FOCUS_SIZE, focus),
             label_box(0, 0, FOCUS_SIZE, texts[focus], FOCUS_FONT, focus)]
    for side, column in zip((1, -1), columns, strict=True):
        reach = max((len(column) - 1) / 2, 1) * ROW
        for row, node in enumerate(column):
            y = (row - (len(column) - 1) / 2) * ROW
            x = side * (base + ARC * (1 - (y / reach) ** 2))
            positions[node] = (x, y)
            boxes += [glyph_box(x, y, NEAR_SIZE, node),
                      label_box(x, y, NEAR_SIZE, texts[node], owner=node)]
            if edge_texts.get(node):
                boxes.append(edge_box(x / 2, y / 2, edge_texts[node], (focus, node)))
    return positions, boxes


def overlapping(boxes, pad=PAD / 2):
    """Return the pairs of ``boxes`` of different owners closer than ``pad``."""
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a.owner != b.owner and a.overlaps(b, pad)]


def _nearest_free(target, taken, core):
    """Return the centre of the free grid cell outside ``core`` nearest ``target``."""
    ci, cj = round(target[0] / CELL), round(target[1] / CELL)
    best = None
    for ring in range(0, 1000):
        for i, j in _ring(ci, cj, ring):
            x, y = i * CELL, j * CELL
            if (i, j) in taken or (core.left < x < core.right and core.top < y < core.bottom):
                continue
            distance = math.dist((x, y), target)
            if best is None or distance < best[0]:
                best = (distance, (i, j))
        # A cell of a further ring can be nearer only while the ring is within reach.
        if best is not None and (ring + 1) * CELL > best[0]:
            break
    taken.add(best[1])
    return best[1][0] * CELL, best[1][1] * CELL


def _ring(ci, cj, ring):
    """Return the grid cells at Chebyshev distance ``ring`` from cell (ci, cj)."""
    if ring == 0:
        return [(ci, cj)]
    side = range(-ring, ring + 1)
    return ([(ci + d, cj - ring) for d in side] + [(ci + d, cj + ring) for d in side]
            + [(ci - ring, cj + d) for d in side[1:-1]] + [(ci + ring, cj + d) for d in side[1:-1]])


def ego_layout(graph, nodes, focus, texts, edge_texts):
    """Return the Placement of ``nodes`` of ``graph`` (walk order, ``focus`` first):
    ``texts`` {node: label text}, ``edge_texts`` {neighbour: the words of its edge
    with the focus}. The labelled core (focus, columns, edge words) has no two
    boxes within PAD of each other; every other node sits on a CELL grid outside it.
    """
    near = labelled_neighbours(graph, nodes, focus)
    columns = _columns(graph, near)
    widest = max([text_width(texts[n], FONT) for n in near] or [0])
    words = max([text_width(edge_texts.get(n, ""), EDGE_FONT) for n in near] or [0])
    base = max(widest, text_width(texts[focus], FOCUS_FONT)) / 2 + words + 2 * PAD
    for _ in range(TRIES):
        positions, boxes = _core(graph, focus, columns, texts, edge_texts, base)
        if not overlapping(boxes):
            break
        base *= GROW
    sizes = {n: NEAR_SIZE for n in near}
    sizes[focus] = FOCUS_SIZE
    core = Box(min(b.left for b in boxes) - CELL / 2, min(b.top for b in boxes) - CELL / 2,
               max(b.right for b in boxes) + CELL / 2, max(b.bottom for b in boxes) + CELL / 2)
    middle = ((core.left + core.right) / 2, (core.top + core.bottom) / 2)
    half = ((core.right - core.left) / 2, (core.bottom - core.top) / 2)
    taken = set()
    for index, node in enumerate(n for n in nodes if n not in positions):
        placed = [positions[m] for m in _neighbours(graph, node) if m in positions]
        ax = sum(p[0] for p in placed) / len(placed) if placed else middle[0]
        ay = sum(p[1] for p in placed) / len(placed) if placed else middle[1]
        dx, dy = ax - middle[0], ay - middle[1]
        if abs(dx) / half[0] + abs(dy) / half[1] < DEEP:
            # Linked to both sides, or to the focus alone: no side is nearer, so
            # such nodes go round the core by the golden angle, not all to one side.
            angle = index * GOLDEN
            target = (middle[0] + math.cos(angle) * (half[0] + CELL),
                      middle[1] + math.sin(angle) * (half[1] + CELL))
        else:
            length = math.hypot(dx, dy)
            target = (ax + dx / length * 2 * CELL, ay + dy / length * 2 * CELL)
        positions[node] = _nearest_free(target, taken, core)
        sizes[node] = FAR_SIZE
    rounded = {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in positions.items()}
    return Placement(rounded, sizes, frozenset([focus, *near]), tuple(boxes))


def _neighbours(graph, node):
    return set(graph.successors(node)) | set(graph.predecessors(node))
