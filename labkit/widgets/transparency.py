"""Lesson 21's widget: a model card's numbers hold for one operating point.

A scoring model becomes a decision system only once someone picks how many to accept. Slide
the share of applicants approved (the top scores) and watch the per-group table, the overall
accuracy, the demographic parity ratio and the equalized-odds difference change, with the
true and false positive rates of every group drawn against the share. When a ``ModelCard`` is
given, a copy of it follows the slider (its metrics rewritten for the chosen operating point,
its metric sections shown): the card must say which operating point its numbers describe. The
card passed in is never changed; ``widget.card`` is the copy.
"""

from __future__ import annotations

import copy
import html
import warnings

import ipywidgets as widgets
import numpy as np

from labkit.ethics.fairness import fairness_report, group_metrics
from labkit.ethics.fairness._inputs import FairnessWarning
from labkit.ethics.transparency import ModelCard
from labkit.widgets import _arguments as check
from labkit.widgets._figure import redraw
from labkit.widgets.fairness import check_scored_groups

SHARES = np.round(np.arange(0.05, 0.951, 0.05), 2)


def approve_top(y_score: np.ndarray, share: float) -> tuple[np.ndarray, float]:
    """Decisions (N,) 0/1 approving the ``share`` of highest scores, and the score threshold used."""
    threshold = float(np.quantile(y_score, 1.0 - share))
    return (y_score >= threshold).astype(int), threshold


class OperatingPointCard(widgets.VBox):
    """A slider for the share approved over a model's scores, with the metrics a card reports.

    Args:
        y_score: the model's scores, higher = more likely positive, shape (N,).
        y_true: the true outcomes 0/1 the decisions are judged against, shape (N,).
        groups: the group of each example, shape (N,) (two to four groups).
        card: a ModelCard to show at each operating point (optional). The widget works on a copy,
            ``widget.card``, whose metrics follow the slider; the card passed in is left as it was.
        share: the starting share approved, 0.05 to 0.95.
        group_names: how to show each group, a dict {group: name} (default the group labels).

    After each redraw: ``decisions`` (N,), ``threshold``, ``table`` (per-group metrics),
    ``accuracy``, ``dp_ratio``, ``eo_difference``.
    """

    def __init__(self, y_score, y_true, groups, card: ModelCard | None = None, share: float = 0.6,
                 group_names: dict | None = None) -> None:
        who = "OperatingPointCard"
        self.y_score, self.y_true, self.groups, self.levels = check_scored_groups(who, y_score, y_true, groups)
        if card is not None and not isinstance(card, ModelCard):
            raise TypeError(f"{who}: card must be a labkit.ethics.transparency.ModelCard or None, "
                            f"got {type(card).__name__}.")
        self.card = copy.deepcopy(card)  # the lesson's card keeps the numbers its author measured
        names = group_names or {}
        self.names = {level: str(names.get(level, level)) for level in self.levels}
        start = check.number(share, "share", who, 0.05, 0.95)
        self.slider = widgets.FloatSlider(value=round(start, 2), min=0.05, max=0.95, step=0.05,
                                          description="share approved", continuous_update=False,
                                          style={"description_width": "initial"})
        self.slider.observe(lambda change: self.redraw(), names="value")
        self.curves = self._sweep()
        self.summary = widgets.HTML()
        self.card_view = widgets.HTML()
        self.out = widgets.Output()
        super().__init__([self.slider, self.summary, self.out, self.card_view])
        self.redraw()

    def _sweep(self) -> dict[str, np.ndarray]:
        """TPR and FPR per group (columns) at every share of SHARES (rows)."""
        tpr, fpr = [], []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FairnessWarning)
            for share in SHARES:
                table = group_metrics(self.y_true, approve_top(self.y_score, share)[0], groups=self.groups, warn=False)
                tpr.append(table["true_positive_rate"])
                fpr.append(table["false_positive_rate"])
        return {"tpr": np.array(tpr, dtype=float), "fpr": np.array(fpr, dtype=float)}

    def redraw(self) -> None:
        share = self.slider.value
        self.decisions, self.threshold = approve_top(self.y_score, share)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FairnessWarning)
            report = fairness_report(self.y_true, self.decisions, groups=self.groups)
        self.table = report.by_group
        selection, tpr, fpr = (np.asarray(self.table[key], float)
                               for key in ("selection_rate", "true_positive_rate", "false_positive_rate"))
        self.accuracy = float(np.mean(self.decisions == self.y_true))
        self.dp_ratio = report.demographic_parity_ratio
        self.eo_difference = report.equalized_odds_difference
        rows = "".join(f"<tr><td>{html.escape(self.names[g])}</td><td>{c}</td><td>{s:.1%}</td><td>{t:.1%}</td>"
                       f"<td>{f:.1%}</td></tr>"
                       for g, c, s, t, f in zip(self.levels, self.table["count"], selection, tpr, fpr))
        self.summary.value = (
            f"<p>approve the top {share:.0%} (score ≥ {self.threshold:.3g}): accuracy {self.accuracy:.1%} · "
            f"demographic parity ratio {self.dp_ratio:.2f} · equalized-odds difference {self.eo_difference:.3f}</p>"
            "<table style='border-collapse:collapse' cellpadding='4'><tr><th>group</th><th>count</th>"
            "<th>selection rate</th><th>TPR</th><th>FPR</th></tr>" + rows + "</table>")
        if self.card is not None:
            self.card.add_metrics({"share approved": round(share, 2), "decision threshold": self.threshold,
                                   "accuracy": self.accuracy, "demographic parity ratio": self.dp_ratio,
                                   "equalized odds difference": self.eo_difference})
            self.card.add_group_metrics(self.table)
            sections = self.card.to_html().split("<h2>")
            self.card_view.value = "".join("<h2>" + s for s in sections[1:] if s.startswith("Metrics"))
        with redraw(self.out, figsize=(7.5, 3.2), ncols=2) as (left, right):
            for ax, key, title in ((left, "tpr", "true positive rate"), (right, "fpr", "false positive rate")):
                for i, level in enumerate(self.levels):
                    ax.plot(SHARES, self.curves[key][:, i], ".-", label=self.names[level])
                ax.axvline(share, color="k", linestyle="--", linewidth=1)
                ax.set_xlabel("share approved")
                ax.set_title(f"{title} per group")
                ax.set_ylim(-0.02, 1.02)
                ax.grid(alpha=0.3)
            left.legend(fontsize=8)

    def set_share(self, share: float) -> None:
        """Move the slider from code (a multiple of 0.05 between 0.05 and 0.95)."""
        self.slider.value = round(check.number(share, "share", "OperatingPointCard.set_share", 0.05, 0.95), 2)
