"""draw_graph: a picture of the computation graph behind a Value, drawn with matplotlib only.

Each Value is a box with its label, data and grad; each operation is a small circle
between the boxes it combines and the box it produces, so the arrows read left
to right in the order of the forward pass (backward runs right to left).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from matplotlib.path import Path

from labkit.nn.value import Value


def _layout(nodes: list[Value]) -> tuple[dict[int, int], dict[int, float]]:
    """Column (depth from the inputs) and row of every Value, rows placed near their inputs."""
    level: dict[int, int] = {}
    for node in nodes:  # topological order: inputs first
        level[id(node)] = 1 + max((level[id(c)] for c in node._prev), default=-1)
    first_use: dict[int, int] = {}
    for node in nodes:
        for child in node._prev:
            first_use[id(child)] = min(first_use.get(id(child), level[id(node)]), level[id(node)])
    for node in nodes:  # an input sits just before the first operation that uses it
        if not node._prev and id(node) in first_use:
            level[id(node)] = first_use[id(node)] - 1
    row: dict[int, float] = {}
    columns: dict[int, list[Value]] = {}
    for node in nodes:
        columns.setdefault(level[id(node)], []).append(node)
    for col in sorted(columns):
        members = columns[col]
        wanted = []
        for k, node in enumerate(members):
            if node._prev:
                wanted.append(sum(row[id(c)] for c in node._prev) / len(node._prev))
            else:
                wanted.append(float(k))
        placed = sorted(zip(wanted, range(len(members))))
        last = None
        for y, k in placed:  # keep rows at least 1 apart inside a column
            y = y if last is None else max(y, last + 1.0)
            row[id(members[k])] = y
            last = y
    return level, row


def draw_graph(value: Value, ax=None, max_nodes: int = 200, precision: int = 4) -> Figure:
    """Draw the graph that computed ``value`` and return the matplotlib Figure.

    Args:
        value: the output Value (call ``value.backward()`` first to see the gradients).
        ax: an Axes to draw into; a new figure is made if None.
        max_nodes: refuse graphs larger than this (they would be unreadable).
        precision: digits after the point for data and grad.
    """
    if not isinstance(value, Value):
        raise TypeError(f"draw_graph expects a labkit.nn.Value, got {type(value).__name__}.")
    nodes = value.topological_order()
    if len(nodes) > max_nodes:
        raise ValueError(f"draw_graph: the graph has {len(nodes)} nodes, more than max_nodes={max_nodes}; "
                         "draw a smaller expression or raise max_nodes.")
    level, row = _layout(nodes)
    n_cols = max(level.values()) + 1
    n_rows = max(row.values()) + 1
    if ax is None:
        fig, ax = plt.subplots(figsize=(max(4.0, 2.8 * n_cols), max(2.0, 1.0 * n_rows + 0.6)))
    fig = ax.figure
    ax.set_axis_off()
    ax.set_xlim(-0.9, 3.0 * (n_cols - 1) + 0.9)
    ax.set_ylim(n_rows - 0.4, -0.6)  # first row on top

    boxes = {}
    for node in nodes:
        x, y = 3.0 * level[id(node)], row[id(node)]
        name = f"{node.label}\n" if node.label else ""
        text = f"{name}data {node.data:.{precision}f}\ngrad {node.grad:.{precision}f}"
        boxes[id(node)] = ax.text(x, y, text, ha="center", va="center", fontsize=8, family="monospace",
                                  bbox=dict(boxstyle="round,pad=0.3", facecolor="#eef4fb", edgecolor="#3a6ea5"))
    arrow = dict(arrowstyle="-|>", color="#555555", shrinkA=2, shrinkB=2, lw=0.9)
    ops = {}
    for node in nodes:
        if node._prev:
            x, y = 3.0 * level[id(node)] - 1.5, row[id(node)]
            ops[id(node)] = ax.text(x, y, node._op, ha="center", va="center", fontsize=8,
                                    bbox=dict(boxstyle="circle,pad=0.3", facecolor="#fff4d6", edgecolor="#b8860b"))
    extents = _extents(ax, [*boxes.values(), *ops.values()])
    detours = []
    for node in nodes:
        if not node._prev:
            continue
        op = ops[id(node)]
        for child in dict.fromkeys(node._prev):  # a reused child gets one arrow per distinct node
            start, end = extents[boxes[id(child)]], extents[op]
            blocked = [e for t, e in extents.items() if t is not boxes[id(child)] and t is not op
                       and _crosses(e, (start[1], (start[2] + start[3]) / 2), (end[0], (end[2] + end[3]) / 2))]
            if blocked:  # an input reused far to the right: go over every box in between
                between = [e for e in extents.values() if e[1] > start[1] and e[0] < end[0]]
                detours.append((start, end, between))
            else:
                ax.annotate("", xy=(0, 0.5), xycoords=op, xytext=(1, 0.5), textcoords=boxes[id(child)],
                            arrowprops=arrow)
        ax.annotate("", xy=(0, 0.5), xycoords=boxes[id(node)], xytext=(1, 0.5), textcoords=op, arrowprops=arrow)
    bottom, top = ax.get_ylim()  # inverted: bottom > top
    for start, end, blocked in detours:
        lane = _lane(start, end, blocked)
        x0, y0 = start[1], (start[2] + start[3]) / 2
        x1, y1 = end[0], (end[2] + end[3]) / 2
        gap = 0.35
        path = Path([(x0, y0), (x0 + gap, lane), (x1 - gap, lane), (x1, y1)])
        ax.add_patch(FancyArrowPatch(path=path, arrowstyle="-|>", color="#555555", lw=0.9, shrinkA=2, shrinkB=2,
                                     mutation_scale=10))
        top = min(top, lane - 0.3)
    ax.set_ylim(bottom, top)
    return fig


def _extents(ax, texts) -> dict:
    """{text: (x0, x1, y_top, y_bottom)} in data units of the box drawn around each text."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    to_data = ax.transData.inverted()
    out = {}
    for text in texts:
        text.update_bbox_position_size(renderer)
        bb = text.get_bbox_patch().get_window_extent(renderer)
        (x0, ya), (x1, yb) = to_data.transform([(bb.x0, bb.y0), (bb.x1, bb.y1)])
        out[text] = (min(x0, x1), max(x0, x1), min(ya, yb), max(ya, yb))
    return out


def _crosses(extent, a, b, margin: float = 0.05) -> bool:
    """Does the segment a-b pass through the box ``extent`` (x0, x1, y_top, y_bottom)?"""
    x0, x1, y0, y1 = extent[0] - margin, extent[1] + margin, extent[2] - margin, extent[3] + margin
    for t in np.linspace(0.0, 1.0, 101):
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        if x0 < x < x1 and y0 < y < y1:
            return True
    return False


def _lane(start, end, blocked) -> float:
    """A row above every box between ``start`` and ``end`` (rows grow downwards)."""
    return min(e[2] for e in [*blocked, start, end]) - 0.3
