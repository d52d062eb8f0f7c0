"""Model cards and the small Table the ethics tools return."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from labkit.errors import ShapeError
from labkit.ethics import Table
from labkit.ethics.fairness import group_metrics
from labkit.ethics.transparency import DATASHEET_SECTIONS, Datasheet, ModelCard


def full_card() -> ModelCard:
    table = group_metrics([1, 0, 1, 0], [1, 0, 0, 0], groups=["a", "a", "b", "b"])
    return (
        ModelCard("Loan <scorer>", version="1.0", overview="Scores applications.", authors="NN Lab")
        .intended_use("Rank applications for human review.", users="Loan officers", out_of_scope="Automatic rejection")
        .data(training="Synthetic loans, 12 000 rows", evaluation="3 000 held out")
        .add_metrics({"accuracy": 0.8712345, "AUC": 0.9})
        .add_group_metrics(table)
        .add_limitation("Trained on one region.")
        .add_ethical_consideration("Historical decisions were biased against group b & others.")
    )


def test_markdown_holds_every_section_and_the_group_table():
    card = full_card()
    text = card._repr_markdown_()
    for title in ("Model details", "Intended use", "Data", "Metrics", "Metrics by group", "Limitations",
                  "Ethical considerations"):
        assert f"## {title}" in text
    assert "- **accuracy:** 0.8712" in text and "- **Out of scope:** Automatic rejection" in text
    assert "| group | count | selection_rate |" in text and "| b | 2 | 0 | 0 |" in text
    assert card.missing_sections() == []
    assert ModelCard("empty").missing_sections() == [
        "Intended use", "Data", "Metrics", "Metrics by group", "Limitations", "Ethical considerations"]
    assert "_Not documented yet._" in ModelCard("empty").to_markdown()


def test_html_escapes_text_and_files_are_written_by_suffix(tmp_path):
    card = full_card()
    page = card._repr_html_()
    assert "Loan &lt;scorer&gt;" in page and "group b &amp; others" in page and "<table>" in page
    markdown_file = card.save(tmp_path / "card.md")
    assert markdown_file.read_text(encoding="utf-8") == card.to_markdown()
    html_file = card.save(tmp_path / "card.HTML")
    assert html_file.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError, match=r"\.md or \.html"):
        card.save(tmp_path / "card.pdf")
    with pytest.raises(ValueError, match="needs a name"):
        ModelCard("")


def test_table_columns_rows_and_views():
    table = Table({"group": ["a", "b"], "rate": [0.5, float("nan")]})
    assert len(table) == 2 and table.columns == ["group", "rate"]
    np.testing.assert_array_equal(table["group"], ["a", "b"])
    assert table.row("b", by="group")["group"] == "b" and table.row(0) == {"group": "a", "rate": 0.5}
    assert "<td>nan</td>" in table._repr_html_() and "nan" in repr(table)
    pd.testing.assert_frame_equal(table.to_pandas(), pd.DataFrame({"group": ["a", "b"], "rate": [0.5, np.nan]}))
    assert Table.from_array(np.array([[1, 2], [3, 4]]), ["x", "y"]) == Table({"x": [1, 3], "y": [2, 4]})
    assert len(table.select([True, False])) == 1
    with pytest.raises(ShapeError, match="same length"):
        Table({"a": [1, 2], "b": [1]})
    with pytest.raises(KeyError, match="the columns are"):
        table["missing"]


def test_datasheet_answers_every_section_in_order_and_names_bad_input():
    sheet = Datasheet("loans")
    assert sheet.missing_sections() == list(DATASHEET_SECTIONS)
    for section in DATASHEET_SECTIONS:
        assert sheet.answer(section, f"about {section.lower()}") is sheet
    text = sheet._repr_markdown_()
    assert sheet.missing_sections() == [] and "_Not answered yet._" not in text
    positions = [text.index(f"## {s}") for s in DATASHEET_SECTIONS]
    assert positions == sorted(positions) and "about collection process" in text
    with pytest.raises(ValueError, match=r"section must be one of .*got 'Motives'"):
        sheet.answer("Motives", "x")
    with pytest.raises(ValueError, match="'Uses' must be non-empty"):
        sheet.answer("Uses", "  ")
    with pytest.raises(ValueError, match="needs a name"):
        Datasheet("")
