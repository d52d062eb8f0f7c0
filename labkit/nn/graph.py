"""draw_graph: a picture of the computation graph behind a Value, drawn with matplotlib only.

Each Value is a box with its label, data and grad; each operation is a small circle
between the boxes it combines and the box it produces, so the arrows read left
to right in the order of the forward pass (backward runs right to left).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

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
    for node in nodes:
        if not node._prev:
            continue
        x, y = 3.0 * level[id(node)] - 1.5, row[id(node)]
        op = ax.text(x, y, node._op, ha="center", va="center", fontsize=8,
                     bbox=dict(boxstyle="circle,pad=0.3", facecolor="#fff4d6", edgecolor="#b8860b"))
        for child in dict.fromkeys(node._prev):  # a reused child gets one arrow per distinct node
            ax.annotate("", xy=(0, 0.5), xycoords=op, xytext=(1, 0.5), textcoords=boxes[id(child)], arrowprops=arrow)
        ax.annotate("", xy=(0, 0.5), xycoords=boxes[id(node)], xytext=(1, 0.5), textcoords=op, arrowprops=arrow)
    return fig
