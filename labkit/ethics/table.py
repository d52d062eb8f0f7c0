"""A small table: named columns of equal length, shown as HTML in a notebook.

The fairness, privacy and model-card tools return tables. labkit does not depend on
pandas, so this is a plain dict of lists with what a lesson needs: columns by name
as NumPy arrays, rows as dicts, a readable text and HTML view, and ``to_pandas()``
for anyone who has pandas installed.
"""

from __future__ import annotations

import html
import math
from typing import Any, Iterator, Mapping, Optional, Sequence

import numpy as np

from labkit.errors import ShapeError


def _format(value: Any) -> str:
    """Numbers to 4 significant digits, everything else as str."""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (float, np.floating)):
        return "nan" if math.isnan(value) else f"{value:.4g}"
    return str(value)


class Table:
    """Named columns of equal length.

    Args:
        columns: mapping of column name -> sequence of values, all of the same length.

    ``table["name"]`` is a column as a NumPy array, ``len(table)`` the number of rows,
    ``table.rows()`` the rows as dicts.
    """

    def __init__(self, columns: Mapping[str, Sequence[Any]]):
        lengths = {name: len(values) for name, values in columns.items()}
        if len(set(lengths.values())) > 1:
            raise ShapeError(f"all columns of a table need the same length, got {lengths}.")
        self._columns = {str(name): list(values) for name, values in columns.items()}

    @classmethod
    def from_array(cls, array: np.ndarray, columns: Sequence[str]) -> "Table":
        """A table from a 2-D array (N, F) and F column names."""
        array = np.asarray(array)
        if array.ndim != 2 or array.shape[1] != len(columns):
            raise ShapeError(
                f"expected a 2-D array with one column per name ({len(columns)} names), got shape {array.shape}."
            )
        return cls({name: array[:, j].tolist() for j, name in enumerate(columns)})

    @classmethod
    def from_rows(cls, rows: Sequence[Mapping[str, Any]]) -> "Table":
        """A table from a list of dicts that share their keys."""
        names = list(rows[0]) if rows else []
        return cls({name: [row[name] for row in rows] for name in names})

    @property
    def columns(self) -> list[str]:
        return list(self._columns)

    def __len__(self) -> int:
        return len(next(iter(self._columns.values()), []))

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self._columns:
            raise KeyError(f"no column {name!r}; the columns are {self.columns}.")
        return np.asarray(self._columns[name])

    def __contains__(self, name: object) -> bool:
        return name in self._columns

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Table) and self._columns == other._columns

    def rows(self) -> Iterator[dict[str, Any]]:
        for i in range(len(self)):
            yield {name: values[i] for name, values in self._columns.items()}

    def row(self, key: Any, by: Optional[str] = None) -> dict[str, Any]:
        """Row number ``key``, or with ``by``: the first row whose column ``by`` equals ``key``."""
        if by is None:
            return {name: values[key] for name, values in self._columns.items()}
        for row in self.rows():
            if row[by] == key:
                return row
        raise KeyError(f"no row with {by} == {key!r}; {by} holds {self._columns[by]}.")

    def select(self, keep: Sequence[bool]) -> "Table":
        """The rows where ``keep`` is True, shape (len(self),)."""
        keep = np.asarray(keep, dtype=bool)
        if keep.shape != (len(self),):
            raise ShapeError(f"select expected {len(self)} booleans, got shape {keep.shape}.")
        return Table({name: [v for v, k in zip(values, keep) if k] for name, values in self._columns.items()})

    def to_dict(self) -> dict[str, list[Any]]:
        return {name: list(values) for name, values in self._columns.items()}

    def to_pandas(self):
        """The table as a ``pandas.DataFrame`` (needs pandas, which labkit does not install)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("to_pandas() needs pandas: pip install pandas. The Table works without it.") from None
        return pandas.DataFrame(self.to_dict())

    def to_markdown(self) -> str:
        header = "| " + " | ".join(self.columns) + " |"
        rule = "| " + " | ".join("---" for _ in self.columns) + " |"
        body = ["| " + " | ".join(_format(v) for v in row.values()) + " |" for row in self.rows()]
        return "\n".join([header, rule, *body])

    def __repr__(self) -> str:
        cells = [self.columns] + [[_format(v) for v in row.values()] for row in self.rows()]
        widths = [max(len(line[j]) for line in cells) for j in range(len(self.columns))]
        lines = ["  ".join(cell.rjust(width) for cell, width in zip(line, widths)) for line in cells]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(name)}</th>" for name in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(_format(v))}</td>" for v in row.values()) + "</tr>"
            for row in self.rows()
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()
