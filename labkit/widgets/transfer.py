"""Lesson 16's widget: how many labels does each strategy need? Three accuracy curves and a slider.

The curves come from :func:`labkit.transfer.compare_strategies`, run once by the lesson; the
widget only redraws them (moving the slider trains nothing). Pick a number of labels per
class and read each strategy's accuracy and training time there, and how many labels
training from scratch needs to catch up.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import NullLocator

from labkit.transfer import TransferResults
from labkit.widgets._figure import redraw

COLORS = {"from scratch": "tab:gray", "linear probe": "tab:blue", "fine-tuning": "tab:red"}


def labels_to_match(results: TransferResults, accuracy: float, strategy: str = "from scratch") -> float | None:
    """Labels per class at which ``strategy``'s mean accuracy first reaches ``accuracy``
    (linear interpolation between the measured points, on a log scale); None if it never does."""
    ks, acc = results.labels_per_class.astype(float), results.mean_accuracy(strategy)
    if acc[0] >= accuracy:
        return float(ks[0])
    for i in range(1, len(ks)):
        if acc[i] >= accuracy:
            frac = (accuracy - acc[i - 1]) / (acc[i] - acc[i - 1])
            return float(np.exp(np.log(ks[i - 1]) + frac * (np.log(ks[i]) - np.log(ks[i - 1]))))
    return None


class TransferCurves(widgets.VBox):
    """A labels-per-class slider over the accuracy curves of from scratch, linear probe and fine-tuning.

    Args:
        results: a :class:`labkit.transfer.TransferResults` (from ``compare_strategies``).
        unrelated: optional results of the same strategies from a network pretrained on an unrelated
            source task, drawn dashed for comparison.
        per_class: the starting number of labels per class (one of ``results.labels_per_class``).

    After each redraw: ``per_class``, ``accuracy`` {strategy: mean accuracy there}, ``seconds``
    {strategy: mean training seconds there} and ``scratch_needs`` (labels per class from scratch
    needs to match the best transfer strategy there, or None if it never does on the measured range).
    """

    def __init__(self, results: TransferResults, unrelated: TransferResults | None = None, *, per_class: int | None = None) -> None:
        if not isinstance(results, TransferResults):
            raise TypeError(f"results must be the TransferResults of labkit.transfer.compare_strategies, got "
                            f"{type(results).__name__}.")
        if unrelated is not None and not isinstance(unrelated, TransferResults):
            raise TypeError(f"unrelated must be TransferResults or None, got {type(unrelated).__name__}.")
        ks = [int(k) for k in results.labels_per_class]
        if per_class is None:
            per_class = ks[len(ks) // 2]
        if per_class not in ks:
            raise ValueError(f"per_class must be one of the measured numbers of labels per class {ks}, got {per_class!r}.")
        self.results, self.unrelated = results, unrelated
        self.slider = widgets.SelectionSlider(options=ks, value=per_class, description="labels per class",
                                              style={"description_width": "initial"}, layout={"width": "450px"})
        self.slider.observe(lambda change: self.redraw(), names="value")
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        super().__init__([self.slider, self.out, self.caption])
        self.redraw()

    def redraw(self) -> None:
        results = self.results
        k = int(self.slider.value)
        i = list(results.labels_per_class).index(k)
        strategies = list(results.accuracy)
        self.per_class = k
        self.accuracy = {s: float(results.mean_accuracy(s)[i]) for s in strategies}
        self.seconds = {s: float(results.mean_seconds(s)[i]) for s in strategies}
        transfer = [s for s in strategies if s != "from scratch"]
        best = max(transfer, key=lambda s: self.accuracy[s]) if transfer else None
        self.scratch_needs = (labels_to_match(results, self.accuracy[best])
                              if best is not None and "from scratch" in strategies else None)
        with redraw(self.out, figsize=(13, 4), ncols=2) as (ax, ax_bar):
            ks = results.labels_per_class
            for s in strategies:
                ax.plot(ks, results.mean_accuracy(s), "-o", color=COLORS.get(s), label=s)
                if results.accuracy[s].shape[1] > 1:
                    ax.fill_between(ks, results.accuracy[s].min(axis=1), results.accuracy[s].max(axis=1),
                                    color=COLORS.get(s), alpha=0.15)
            if self.unrelated is not None:
                for s in self.unrelated.accuracy:
                    if s != "from scratch":
                        ax.plot(self.unrelated.labels_per_class, self.unrelated.mean_accuracy(s), "--",
                                color=COLORS.get(s), alpha=0.7, label=f"{s}, unrelated source")
            ax.axvline(k, color="k", linestyle=":")
            ax.set_xscale("log")
            ax.xaxis.set_minor_locator(NullLocator())
            ax.set_xticks(ks, [str(int(v)) for v in ks])
            ax.set_xlabel("labelled examples per class (target task)")
            ax.set_ylabel("test accuracy")
            ax.set_ylim(0, 1)
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8, loc="lower right")
            ax.set_title("accuracy against the number of labels")
            bars = ax_bar.bar(strategies, [self.accuracy[s] for s in strategies],
                              color=[COLORS.get(s) for s in strategies])
            for bar, s in zip(bars, strategies):
                ax_bar.text(bar.get_x() + bar.get_width() / 2, bar.get_height() + 0.02,
                            f"{self.accuracy[s]:.0%}\n{self.seconds[s]:.2f} s", ha="center", fontsize=9)
            ax_bar.set_ylim(0, 1.15)
            ax_bar.set_ylabel("test accuracy")
            ax_bar.set_title(f"{k} labels per class: accuracy and training time")
        text = " &nbsp; ".join(f"<b>{s}</b> {self.accuracy[s]:.1%} in {self.seconds[s]:.2f} s" for s in strategies)
        if best is not None and "from scratch" in strategies:
            if self.scratch_needs is None:
                text += f"<br>from scratch never reaches the {best}'s {self.accuracy[best]:.1%} on the measured range"
            elif self.accuracy[best] > self.accuracy["from scratch"]:
                text += (f"<br>from scratch needs about {self.scratch_needs:.0f} labels per class to reach the "
                         f"{best}'s {self.accuracy[best]:.1%} (here: {k})")
            else:
                text += f"<br>here from scratch is at least as good as transfer ({self.accuracy['from scratch']:.1%})"
        self.caption.value = text
