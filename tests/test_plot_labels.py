"""Numbers written on a heat map read on every cell: white on dark colours, black on light ones (issue 24)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from labkit.errors import ShapeError  # noqa: E402
from labkit.plots import label_cells, text_color_on  # noqa: E402


def contrast(a, b) -> float:
    def lum(rgba):
        c = np.asarray(matplotlib.colors.to_rgba(rgba), dtype=float)[:3]
        c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
        return float(c @ [0.2126, 0.7152, 0.0722])
    hi, lo = sorted([lum(a), lum(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_text_colour_follows_the_background():
    assert text_color_on((0.4, 0.0, 0.12, 1.0)) == "white"   # the dark red end of RdBu_r
    assert text_color_on((0.02, 0.19, 0.38, 1.0)) == "white"  # the dark blue end
    assert text_color_on((0.97, 0.97, 0.97, 1.0)) == "black"  # the white middle


def test_kernel_numbers_read_on_every_cell():
    kernel = np.array([[1.0, 0.0, -1.0]] * 3)
    fig, ax = plt.subplots()
    image = ax.imshow(kernel, cmap="RdBu_r", vmin=-1, vmax=1)
    texts = label_cells(ax, kernel, fmt="{:g}")
    colours = image.to_rgba(kernel)
    for text, (r, c) in zip(texts, np.ndindex(kernel.shape)):
        assert contrast(text.get_color(), colours[r, c]) >= 4.5, (text.get_text(), text.get_color(), colours[r, c])
    assert [t.get_text() for t in texts[:3]] == ["1", "0", "-1"]
    with pytest.raises(ShapeError):
        label_cells(ax, np.zeros((2, 2)))
    plt.close(fig)


def test_kernel_explorer_writes_readable_numbers(monkeypatch):
    import labkit.widgets.convolution as convolution

    written = []

    def recording(ax, values, *args, **kwargs):
        texts = label_cells(ax, values, *args, **kwargs)
        written.append([(t.get_text(), t.get_color()) for t in texts])
        return texts

    monkeypatch.setattr(convolution, "label_cells", recording)
    explorer = convolution.KernelExplorer()
    explorer.set_kernel(np.array([[3.0, 0.0, -3.0]] * 3))
    assert written, "the kernel's numbers were not written with label_cells"
    assert written[-1][:3] == [("3", "white"), ("0", "black"), ("-3", "white")], written[-1]
    plt.close("all")
