"""The geometry of the network picture: who takes part in which initiative, as a two-column graph.

A bipartite, layered layout in pure Python, decided once at build time and the same on every
build: initiatives in the left column, organisations in the right one, an edge for "takes part
in". Horizontal labels stay readable (a circle would turn them), and nodes never overlap: each
column spaces its nodes at least ``STEP`` apart. Organisations are ordered by the mean position
of their initiatives (the barycentre heuristic), which keeps most edges short and few crossing.
The size is bounded by the caller (``portal.partnership``: at most 40 organisations).
"""

from __future__ import annotations

from dataclasses import dataclass

STEP = 26             # vertical distance of neighbouring nodes in the fuller column
TOP = 16              # margin above the first and below the last node
LABEL_WIDTH = 210     # room for a label of SHORT_LABEL characters at the picture's font size
GAP = 240             # horizontal distance of the two columns, where the edges run
SQUARE = 7            # half the side of an initiative's square
RADIUS = 6            # radius of an organisation's circle
LABEL_OFFSET = 12     # distance of a label from its node's centre
SHORT_LABEL = 28      # characters of a node's visible label; the full name is its accessible name


@dataclass(frozen=True)
class Node:
    """A node: an initiative (square, left) or an organisation (circle, right), its record id, full
    name (the accessible name), visible label (shortened), centre, and where its label starts."""

    kind: str
    key: str
    name: str
    label: str
    x: float
    y: float
    label_x: float

    @property
    def collection(self) -> str:
        """The collection of the node's record, for its link."""
        return "initiatives" if self.kind == "initiative" else "organisations"

    @property
    def size(self) -> float:
        """Half the node's extent (square or circle), for overlap checks."""
        return SQUARE if self.kind == "initiative" else RADIUS


@dataclass(frozen=True)
class Edge:
    """A line from an organisation's circle to the square of an initiative it takes part in."""

    organisation: str
    initiative: str
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class NetworkLayout:
    """The picture: its size (the SVG's viewBox) and its nodes and edges in drawing order."""

    width: float
    height: float
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def node(self, kind: str, key: str) -> Node:
        """A node by kind and record id."""
        return next(n for n in self.nodes if n.kind == kind and n.key == key)


def short(label: str, limit: int = SHORT_LABEL) -> str:
    """A label cut to ``limit`` characters with "…" (the full name stays the node's accessible name)."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _positions(count: int, height: float) -> list[float]:
    """``count`` centres spread evenly over ``height`` (each in the middle of its share)."""
    share = height / count if count else 0
    return [round(TOP + (index + 0.5) * share, 1) for index in range(count)]


def layout(initiatives: list[tuple[str, str]], organisations: list[tuple[str, str, list[str]]],
           labels: dict[str, str] | None = None) -> NetworkLayout:
    """Place ``initiatives`` ((id, name), in the order given; shown as ``labels[id]`` where given) on the left and ``organisations``
    ((id, name, ids of its initiatives)) on the right, ordered by the mean position of their
    initiatives (ties keep the given order). Edges to initiatives not in the left column are left out."""
    column = {key: index for index, (key, _) in enumerate(initiatives)}
    links = [(key, name, [i for i in joined if i in column]) for key, name, joined in organisations]

    def centre(item: tuple[str, str, list[str]]) -> float:
        joined = item[2]
        return sum(column[i] for i in joined) / len(joined) if joined else len(column)

    ordered = sorted(links, key=centre)  # stable: equal centres keep the caller's ranking
    span = max(len(initiatives), len(ordered), 1) * STEP
    left_x, right_x = LABEL_WIDTH, LABEL_WIDTH + GAP
    labels = labels or {}
    nodes = [Node("initiative", key, name, short(labels.get(key, name)), left_x, y, left_x - LABEL_OFFSET)
             for (key, name), y in zip(initiatives, _positions(len(initiatives), span), strict=True)]
    where = {node.key: node for node in nodes}
    edges = []
    for (key, name, joined), y in zip(ordered, _positions(len(ordered), span), strict=True):
        nodes.append(Node("organisation", key, name, short(name), right_x, y, right_x + LABEL_OFFSET))
        edges += [Edge(key, i, right_x - RADIUS, y, where[i].x + SQUARE, where[i].y) for i in joined]
    return NetworkLayout(width=right_x + LABEL_WIDTH, height=span + 2 * TOP, nodes=tuple(nodes), edges=tuple(edges))
