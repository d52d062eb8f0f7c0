"""Lesson 10's widget: an editable 3x3 kernel slid over a digit, the feature map, and the map after pooling.

    from labkit.widgets.convolution import KernelExplorer
    KernelExplorer(preset="vertical edge", index=0)

Pick a preset (edges, blur, sharpen, ...) or type your own nine weights; choose the digit,
the padding, whether a ReLU follows, and max or average pooling. Each change recomputes
the 8x8 feature map (a cross-correlation, as torch.nn.functional.conv2d computes it) and the
pooled map, and redraws the three images.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from labkit.data import load_digits
from labkit.plots import label_cells
from labkit.widgets._figure import redraw

PRESETS: dict[str, list[list[float]]] = {
    "identity": [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
    "box blur": [[1 / 9] * 3] * 3,
    "sharpen": [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
    "vertical edge": [[1, 0, -1], [1, 0, -1], [1, 0, -1]],
    "horizontal edge": [[1, 1, 1], [0, 0, 0], [-1, -1, -1]],
    "sobel x": [[1, 0, -1], [2, 0, -2], [1, 0, -1]],
    "sobel y": [[1, 2, 1], [0, 0, 0], [-1, -2, -1]],
    "diagonal": [[2, -1, -1], [-1, 2, -1], [-1, -1, 2]],
}
POOLS = ("max", "average")


def feature_map(image: np.ndarray, kernel: np.ndarray, padding: int = 1) -> np.ndarray:
    """Cross-correlate one image with one kernel, zero padding, stride 1.

    image (H, W), kernel (kh, kw) -> (H + 2 padding - kh + 1, W + 2 padding - kw + 1), the same
    numbers as ``torch.nn.functional.conv2d(image[None, None], kernel[None, None], padding=padding)[0, 0]``.
    """
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError(f"feature_map expects a 2-D image and a 2-D kernel, got shapes {image.shape} and {kernel.shape}.")
    if isinstance(padding, bool) or not isinstance(padding, (int, np.integer)) or padding < 0:
        raise ValueError(f"feature_map: padding must be an integer >= 0, got {padding!r}.")
    padded = np.pad(image, padding)
    if padded.shape[0] < kernel.shape[0] or padded.shape[1] < kernel.shape[1]:
        raise ValueError(f"feature_map: the kernel {kernel.shape} is larger than the padded image {padded.shape}.")
    windows = np.lib.stride_tricks.sliding_window_view(padded, kernel.shape)  # (OH, OW, kh, kw)
    return np.einsum("ijkl,kl->ij", windows, kernel)


def pool(fmap: np.ndarray, kind: str = "max", size: int = 2) -> np.ndarray:
    """Non-overlapping ``size`` x ``size`` pooling of a 2-D map; rows and columns that do not fill a window are dropped.

    fmap (H, W) -> (H // size, W // size), as torch's max_pool2d / avg_pool2d with kernel_size = stride = size.
    """
    if kind not in POOLS:
        raise ValueError(f"pool: kind must be one of {POOLS}, got {kind!r}.")
    fmap = np.asarray(fmap, dtype=float)
    h, w = fmap.shape[0] // size, fmap.shape[1] // size
    if h == 0 or w == 0:
        raise ValueError(f"pool: a {fmap.shape} map is smaller than one {size}x{size} window.")
    blocks = fmap[:h * size, :w * size].reshape(h, size, w, size)
    return blocks.max(axis=(1, 3)) if kind == "max" else blocks.mean(axis=(1, 3))


class KernelExplorer(widgets.VBox):
    """A 3x3 grid of numbers (the kernel), a preset menu, a digit slider, padding, ReLU and pooling.

    Args:
        preset: a key of PRESETS to start from.
        index: which digit of ``labkit.data.load_digits()`` to show.
        padding: 0 (6x6 map) or 1 (8x8 map).
        relu: apply max(0, .) to the feature map before pooling.
        pooling: "max" or "average" (2x2 windows).

    State after each redraw: ``kernel`` (3, 3), ``image`` (8, 8), ``feature`` (the map, after the
    ReLU if chosen) and ``pooled``.
    """

    def __init__(self, preset: str = "vertical edge", index: int = 0, padding: int = 1, relu: bool = True,
                 pooling: str = "max") -> None:
        if preset not in PRESETS:
            raise ValueError(f"KernelExplorer: preset must be one of {list(PRESETS)}, got {preset!r}.")
        if pooling not in POOLS:
            raise ValueError(f"KernelExplorer: pooling must be one of {list(POOLS)}, got {pooling!r}.")
        if padding not in (0, 1):
            raise ValueError(f"KernelExplorer: padding must be 0 or 1, got {padding!r}.")
        data = load_digits()
        self.images, self.labels = data.extras["images"][:, 0], data.y  # (1797, 8, 8), (1797,)
        if isinstance(index, bool) or not isinstance(index, (int, np.integer)) or not 0 <= index < len(self.labels):
            raise ValueError(f"KernelExplorer: index must be an integer from 0 to {len(self.labels) - 1}, got {index!r}.")
        self._updating = False
        self.preset = widgets.Dropdown(options=list(PRESETS) + ["custom"], value=preset, description="kernel")
        self.cells = [[widgets.FloatText(value=float(v), layout=widgets.Layout(width="70px"), step=0.5)
                       for v in row] for row in PRESETS[preset]]
        self.index = widgets.IntSlider(value=int(index), min=0, max=len(self.labels) - 1, description="digit #")
        self.padding = widgets.ToggleButtons(options=[0, 1], value=padding, description="padding")
        self.relu = widgets.Checkbox(value=bool(relu), description="ReLU after the convolution")
        self.pooling = widgets.ToggleButtons(options=list(POOLS), value=pooling, description="2x2 pool")
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        self.preset.observe(self._on_preset, names="value")
        for row in self.cells:
            for cell in row:
                cell.observe(self._on_cell, names="value")
        for control in (self.index, self.padding, self.relu, self.pooling):
            control.observe(lambda change: self.redraw(), names="value")
        grid = widgets.VBox([widgets.HBox(row) for row in self.cells])
        controls = widgets.HBox([widgets.VBox([self.preset, grid]),
                                 widgets.VBox([self.index, self.padding, self.pooling, self.relu])])
        super().__init__([controls, self.out, self.caption])
        self.redraw()

    def _on_preset(self, change) -> None:
        if change["new"] == "custom":
            return
        self._updating = True  # one redraw for nine changed cells
        for row, values in zip(self.cells, PRESETS[change["new"]]):
            for cell, value in zip(row, values):
                cell.value = float(value)
        self._updating = False
        self.redraw()

    def _on_cell(self, change) -> None:
        if self._updating:
            return
        if self.preset.value != "custom" and not np.allclose(self._kernel_from_cells(), PRESETS[self.preset.value]):
            self._updating = True
            self.preset.value = "custom"
            self._updating = False
        self.redraw()

    def _kernel_from_cells(self) -> np.ndarray:
        return np.array([[cell.value for cell in row] for row in self.cells], dtype=float)

    def set_kernel(self, kernel) -> None:
        """Type a whole (3, 3) kernel into the grid at once (as if edited by hand), then redraw."""
        kernel = np.asarray(kernel, dtype=float)
        if kernel.shape != (3, 3):
            raise ValueError(f"KernelExplorer.set_kernel expects a (3, 3) kernel, got shape {kernel.shape}.")
        self._updating = True
        for row, values in zip(self.cells, kernel):
            for cell, value in zip(row, values):
                cell.value = float(value)
        self.preset.value = "custom"
        self._updating = False
        self.redraw()

    def redraw(self) -> None:
        self.kernel = self._kernel_from_cells()
        self.image = self.images[self.index.value]
        fmap = feature_map(self.image, self.kernel, padding=self.padding.value)
        self.feature = np.maximum(fmap, 0.0) if self.relu.value else fmap
        self.pooled = pool(self.feature, self.pooling.value)
        limit = max(np.abs(self.feature).max(), 1e-9)
        with redraw(self.out, figsize=(13, 3.6), ncols=4) as (ax_kernel, ax_image, ax_map, ax_pool):
            k = max(np.abs(self.kernel).max(), 1e-9)
            ax_kernel.imshow(self.kernel, cmap="RdBu_r", vmin=-k, vmax=k)
            label_cells(ax_kernel, self.kernel, fontsize=10)  # white on the dark reds and blues
            ax_kernel.set_title("kernel (3x3)")
            ax_image.imshow(self.image, cmap="gray_r", vmin=0, vmax=1)
            ax_image.set_title(f"digit #{self.index.value}: a {self.labels[self.index.value]} (8x8)")
            ax_map.imshow(self.feature, cmap="RdBu_r" if not self.relu.value else "magma", vmin=-limit if not self.relu.value else 0,
                          vmax=limit)
            ax_map.set_title(f"feature map {self.feature.shape[0]}x{self.feature.shape[1]}"
                             + (" after ReLU" if self.relu.value else ""))
            ax_pool.imshow(self.pooled, cmap="RdBu_r" if not self.relu.value else "magma",
                           vmin=-limit if not self.relu.value else 0, vmax=limit)
            ax_pool.set_title(f"{self.pooling.value} pool 2x2 -> {self.pooled.shape[0]}x{self.pooled.shape[1]}")
            for ax in (ax_kernel, ax_image, ax_map, ax_pool):
                ax.set_xticks([])
                ax.set_yticks([])
        self.caption.value = (
            f"kernel sum {self.kernel.sum():.3g} &nbsp; feature map from {fmap.min():.3g} to {fmap.max():.3g} "
            f"&nbsp; {self.image.size} pixels -> {self.feature.size} map values -> {self.pooled.size} after pooling "
            f"&nbsp; 9 weights, shared by every position"
        )
