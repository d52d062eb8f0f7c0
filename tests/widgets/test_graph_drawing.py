"""labkit.nn.draw_graph (lesson 05): no edge runs through a box it does not start or end at."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

from labkit.nn import Value, draw_graph  # noqa: E402
from labkit.widgets.backprop import EXAMPLES  # noqa: E402


def _deep_reuse() -> Value:
    """x feeds the first and the last operation of a long chain: its edge spans four columns."""
    x = Value(0.5, label="x")
    h = x * 2.0
    for k in range(3):
        h = (h + 1.0).tanh()
        h.label = f"h{k}"
    out = h * x
    out.label = "out"
    return out


GRAPHS = {**{name: make for name, make in EXAMPLES.items()}, "long reuse": _deep_reuse}


def _boxes(ax, renderer):
    """Display-space extents of every node box and operation circle (one per non-arrow text)."""
    out = []
    for text in ax.texts:
        if isinstance(text, Annotation):
            continue
        patch = text.get_bbox_patch()
        text.update_bbox_position_size(renderer)
        out.append(patch.get_window_extent(renderer))
    return out


def _edge_paths(ax):
    arrows = [a.arrow_patch for a in ax.texts if isinstance(a, Annotation) and a.arrow_patch is not None]
    arrows += [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    # The first polyline of an arrow's path is its shaft; the head follows as a closed polygon.
    return [arrow.get_path().to_polygons(closed_only=False)[0] for arrow in arrows]


def _points_along(vertices: np.ndarray, step: float = 2.0) -> np.ndarray:
    points = [vertices[0]]
    for a, b in zip(vertices[:-1], vertices[1:]):
        n = max(1, int(np.hypot(*(b - a)) / step))
        points.extend(a + (b - a) * t for t in np.linspace(0, 1, n + 1)[1:])
    return np.array(points)


@pytest.mark.parametrize("name", list(GRAPHS))
def test_no_edge_crosses_a_box(name):
    value = GRAPHS[name]()
    value.backward()
    fig = draw_graph(value)
    try:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        boxes = _boxes(fig.axes[0], renderer)
        paths = _edge_paths(fig.axes[0])
        assert paths, "no edges drawn"
        for vertices in paths:
            # The arrow's own ends touch their boxes; 4 px inside a box counts as crossing it.
            pts = _points_along(vertices)
            inner = pts[3:-3]
            crossed = [b for b in boxes
                       if ((inner[:, 0] > b.x0 + 4) & (inner[:, 0] < b.x1 - 4)
                           & (inner[:, 1] > b.y0 + 4) & (inner[:, 1] < b.y1 - 4)).any()]
            start_or_end = [b for b in crossed if b.contains(*vertices[0]) or b.contains(*vertices[-1])]
            assert len(crossed) == len(start_or_end), (
                f"{name}: an edge from {vertices[0].round()} to {vertices[-1].round()} runs through a box")
    finally:
        plt.close(fig)
