"""Model cards (Mitchell et al., 2019): a short, honest document that travels with a model.

A model card says what the model is for and not for, what data it learned from, how
well it works overall *and for each group of people it affects*, where it fails, and
what ethical questions its use raises. ``ModelCard`` collects these and renders them
as Markdown or HTML (shown directly in a notebook) and saves them to a file::

    card = ModelCard("Loan approval MLP", version="1.0", overview="Scores loan applications.")
    card.intended_use("Rank applications for human review.", out_of_scope="Automatic rejection.")
    card.data(training="12 000 synthetic applications (datasets/loans)", evaluation="3 000 held out")
    card.add_metrics({"accuracy": 0.87, "AUC": 0.91}).add_group_metrics(fairness_table)
    card.add_limitation("Trained on one region's applicants.")
    card.add_ethical_consideration("Historical decisions carry a recorded bias against group B.")
    card.save("model_card.md")
"""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import Any, Mapping, Optional, Union

from labkit.ethics.table import Table


def _value(value: Any) -> str:
    if isinstance(value, float):
        return "nan" if math.isnan(value) else f"{value:.4g}"
    return str(value)


class ModelCard:
    """A model card built section by section; every ``add_``/setter method returns the card.

    Args:
        name: the model's name.
        version: its version.
        overview: one or two sentences on what the model does.
        authors: who built it and whom to contact.
    """

    def __init__(self, name: str, version: str = "", overview: str = "", authors: str = ""):
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"a model card needs a name (non-empty string), got {name!r}.")
        self.name = name
        self.version = version
        self.overview = overview
        self.authors = authors
        self.uses: dict[str, str] = {}
        self.datasets: dict[str, str] = {}
        self.metrics: dict[str, Any] = {}
        self.group_metrics: Optional[Table] = None
        self.limitations: list[str] = []
        self.ethical_considerations: list[str] = []

    def intended_use(self, primary: str, users: str = "", out_of_scope: str = "") -> "ModelCard":
        """What the model is for, who should use it, and uses it must not be put to."""
        self.uses = {"Primary use": primary, "Intended users": users, "Out of scope": out_of_scope}
        return self

    def data(self, training: str, evaluation: str = "", preprocessing: str = "") -> "ModelCard":
        """Where the training and evaluation data came from and how it was prepared."""
        self.datasets = {"Training data": training, "Evaluation data": evaluation, "Preprocessing": preprocessing}
        return self

    def add_metrics(self, metrics: Mapping[str, Any]) -> "ModelCard":
        """Overall metrics, name -> value."""
        self.metrics.update(metrics)
        return self

    def add_group_metrics(self, table: Union[Table, Mapping[str, Any]]) -> "ModelCard":
        """Metrics per group: a Table (e.g. from ``labkit.ethics.fairness.group_metrics``) or a dict of columns."""
        self.group_metrics = table if isinstance(table, Table) else Table(table)
        return self

    def add_limitation(self, text: str) -> "ModelCard":
        self.limitations.append(text)
        return self

    def add_ethical_consideration(self, text: str) -> "ModelCard":
        self.ethical_considerations.append(text)
        return self

    def _sections(self) -> list[tuple[str, Any]]:
        """(title, content) in order; content is a str, a dict of labelled text, a list, or a Table."""
        details = {"Version": self.version, "Authors": self.authors}
        return [
            ("Model details", {**details, "Overview": self.overview}),
            ("Intended use", self.uses),
            ("Data", self.datasets),
            ("Metrics", {name: _value(v) for name, v in self.metrics.items()}),
            ("Metrics by group", self.group_metrics),
            ("Limitations", self.limitations),
            ("Ethical considerations", self.ethical_considerations),
        ]

    def to_markdown(self) -> str:
        lines = [f"# Model card: {self.name}"]
        for title, content in self._sections():
            lines += ["", f"## {title}", ""]
            if isinstance(content, Table):
                lines.append(content.to_markdown())
            elif isinstance(content, dict) and any(content.values()):
                lines += [f"- **{label}:** {text}" for label, text in content.items() if text]
            elif isinstance(content, list) and content:
                lines += [f"- {item}" for item in content]
            else:
                lines.append("_Not documented yet._")
        return "\n".join(lines) + "\n"

    def to_html(self) -> str:
        parts = [f"<h1>Model card: {html.escape(self.name)}</h1>"]
        for title, content in self._sections():
            parts.append(f"<h2>{html.escape(title)}</h2>")
            if isinstance(content, Table):
                parts.append(content._repr_html_())
            elif isinstance(content, dict) and any(content.values()):
                items = "".join(f"<li><b>{html.escape(label)}:</b> {html.escape(str(text))}</li>"
                                for label, text in content.items() if text)
                parts.append(f"<ul>{items}</ul>")
            elif isinstance(content, list) and content:
                parts.append("<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in content) + "</ul>")
            else:
                parts.append("<p><i>Not documented yet.</i></p>")
        return "\n".join(parts)

    def missing_sections(self) -> list[str]:
        """Titles of the sections still empty (a card should leave none)."""
        empty = []
        for title, content in self._sections()[1:]:  # model details always hold the name
            if content is None or (isinstance(content, (dict, list)) and not any(
                    content.values() if isinstance(content, dict) else content)):
                empty.append(title)
        return empty

    def save(self, path: Union[str, Path]) -> Path:
        """Write the card as Markdown (.md, .markdown) or HTML (.html, .htm), chosen by the suffix."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix in (".md", ".markdown"):
            text = self.to_markdown()
        elif suffix in (".html", ".htm"):
            text = f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{html.escape(self.name)}</title>" \
                   f"</head><body>\n{self.to_html()}\n</body></html>\n"
        else:
            raise ValueError(f"cannot tell the format from {path.name!r}: use a .md or .html suffix.")
        path.write_text(text, encoding="utf-8")
        return path

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"ModelCard({self.name!r}, version={self.version!r}, missing={self.missing_sections()})"


# The questions of "Datasheets for Datasets" (Gebru et al., Communications of the ACM, 2021),
# grouped in their seven sections; a datasheet answers each section in prose.
DATASHEET_SECTIONS = {
    "Motivation": "Why was the dataset created, by whom, and who funded it?",
    "Composition": "What do the instances represent, how many are there, what is in each, are there "
                   "labels, is anything missing, does it identify or concern people or groups?",
    "Collection process": "How was each instance acquired or generated, over what time, with whose consent?",
    "Preprocessing": "What cleaning, labelling or transformation was done, and is the raw data kept?",
    "Uses": "What has it been used for, what should it be used for, and what must it not be used for?",
    "Distribution": "How is it shared, under which licence?",
    "Maintenance": "Who maintains it, how are errors reported and fixed, will it be updated?",
}


class Datasheet:
    """A datasheet for a dataset (Gebru et al., 2021): one answer per section of DATASHEET_SECTIONS.

    ``Datasheet("loans").answer("Motivation", "...")`` returns the sheet; render it with
    ``to_markdown()`` or show it in a notebook; ``missing_sections()`` lists what is unanswered.
    """

    def __init__(self, name: str):
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"a datasheet needs a name (non-empty string), got {name!r}.")
        self.name = name
        self.answers: dict[str, str] = {}

    def answer(self, section: str, text: str) -> "Datasheet":
        if section not in DATASHEET_SECTIONS:
            raise ValueError(f"Datasheet.answer: section must be one of {list(DATASHEET_SECTIONS)}, got {section!r}.")
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"Datasheet.answer: the answer for {section!r} must be non-empty text, got {text!r}.")
        self.answers[section] = text
        return self

    def missing_sections(self) -> list[str]:
        return [s for s in DATASHEET_SECTIONS if s not in self.answers]

    def to_markdown(self) -> str:
        lines = [f"# Datasheet: {self.name}"]
        for section, question in DATASHEET_SECTIONS.items():
            lines += ["", f"## {section}", "", f"_{question}_", "", self.answers.get(section, "_Not answered yet._")]
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __repr__(self) -> str:
        return f"Datasheet({self.name!r}, missing={self.missing_sections()})"
