"""k-anonymity (Sweeney, 2002) and the generalizations that achieve it.

Removing names is not enough: age, zip code and sex together identify most people.
Such columns are *quasi-identifiers*. A table is k-anonymous when every combination of
quasi-identifier values that occurs is shared by at least k rows (its *equivalence
class*), so no one can be narrowed down to fewer than k records.

Ways to get there, each losing some information:

- generalize: replace values by coarser ones (``bin_numeric``: age 37 -> "[30, 40)";
  ``truncate_zip``: "02139" -> "021**");
- suppress: drop the rows whose class is still smaller than k (``suppress``).

k-anonymity does not protect a sensitive column whose value is the same in a whole
class (the homogeneity attack); l-diversity and differential privacy go further.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Mapping, Optional, Sequence, Union

import numpy as np

from labkit.ethics.table import Table

TableLike = Union[Table, Mapping[str, Sequence[Any]], np.ndarray]


def as_table(data: TableLike, columns: Optional[Sequence[str]] = None) -> Table:
    """A Table from a Table, a dict of columns, or a 2-D array (N, F) with F column names."""
    if isinstance(data, Table):
        return data
    if isinstance(data, Mapping):
        return Table(data)
    array = np.asarray(data)
    if columns is None:
        raise ValueError("a 2-D array needs column names: as_table(array, columns=['age', 'zip', ...]).")
    return Table.from_array(array, columns)


def _check_columns(table: Table, quasi_identifiers: Sequence[str]) -> list[str]:
    if isinstance(quasi_identifiers, str):
        quasi_identifiers = [quasi_identifiers]
    missing = [c for c in quasi_identifiers if c not in table]
    if missing or not quasi_identifiers:
        raise KeyError(f"quasi-identifiers {missing or quasi_identifiers} are not columns of the table; "
                       f"the columns are {table.columns}.")
    return list(quasi_identifiers)


def _keys(table: Table, quasi_identifiers: Sequence[str]) -> list[tuple]:
    return list(zip(*(table.to_dict()[c] for c in quasi_identifiers)))


def equivalence_classes(data: TableLike, quasi_identifiers: Sequence[str],
                        columns: Optional[Sequence[str]] = None) -> Table:
    """Every combination of quasi-identifier values and how many rows share it (largest first)."""
    table = as_table(data, columns)
    names = _check_columns(table, quasi_identifiers)
    counts = Counter(_keys(table, names)).most_common()
    return Table({**{c: [key[j] for key, _ in counts] for j, c in enumerate(names)},
                  "count": [n for _, n in counts]})


def k_anonymity(data: TableLike, quasi_identifiers: Sequence[str], columns: Optional[Sequence[str]] = None) -> int:
    """The table's k: the size of its smallest equivalence class (0 for an empty table)."""
    classes = equivalence_classes(data, quasi_identifiers, columns)
    return int(classes["count"].min()) if len(classes) else 0


def suppress(data: TableLike, quasi_identifiers: Sequence[str], k: int,
             columns: Optional[Sequence[str]] = None) -> Table:
    """The rows whose equivalence class has at least k members (the others are suppressed)."""
    if not isinstance(k, int) or k < 1:
        raise ValueError(f"k should be a positive integer, got {k!r}.")
    table = as_table(data, columns)
    keys = _keys(table, _check_columns(table, quasi_identifiers))
    sizes = Counter(keys)
    return table.select([sizes[key] >= k for key in keys])


def bin_numeric(values: Sequence[float], width: Optional[float] = None,
                edges: Optional[Sequence[float]] = None) -> list[str]:
    """Numbers as interval labels "[lo, hi)": equal bins of ``width`` starting at multiples of it,
    or the bins between sorted ``edges`` (values outside them become "<edges[0]" or ">=edges[-1]")."""
    values = np.asarray(values, dtype=float)
    if (width is None) == (edges is None):
        raise ValueError("give exactly one of width (equal bins) or edges (bin boundaries).")
    if width is not None:
        if not width > 0:
            raise ValueError(f"width should be > 0, got {width!r}.")
        low = np.floor(values / width) * width
        return [f"[{_number(lo)}, {_number(lo + width)})" for lo in low]
    edges = np.asarray(edges, dtype=float)
    if edges.ndim != 1 or len(edges) < 2 or np.any(np.diff(edges) <= 0):
        raise ValueError(f"edges should be at least 2 increasing numbers, got {edges.tolist()}.")
    labels = []
    for v in values:
        j = int(np.searchsorted(edges, v, side="right"))
        if j == 0:
            labels.append(f"<{_number(edges[0])}")
        elif j == len(edges):
            labels.append(f">={_number(edges[-1])}")
        else:
            labels.append(f"[{_number(edges[j - 1])}, {_number(edges[j])})")
    return labels


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def truncate_zip(zip_codes: Sequence[Union[str, int]], keep: int = 3, length: int = 5) -> list[str]:
    """Keep the first ``keep`` digits of each zip code and mask the rest: "02139" -> "021**".
    Integers are zero-padded to ``length`` digits first (02139 stored as 2139)."""
    if not isinstance(keep, int) or keep < 0:
        raise ValueError(f"keep should be a non-negative integer, got {keep!r}.")
    codes = [str(z).zfill(length) if isinstance(z, (int, np.integer)) else str(z) for z in zip_codes]
    return [code[:keep] + "*" * max(len(code) - keep, 0) for code in codes]


def generalize(data: TableLike, columns: Optional[Sequence[str]] = None,
               **rules: Callable[[list], Sequence[Any]]) -> Table:
    """A copy of the table with some columns replaced by ``rule(column values)``, e.g.
    ``generalize(people, age=lambda a: bin_numeric(a, width=10), zip=truncate_zip)``."""
    table = as_table(data, columns)
    new = table.to_dict()
    for name, rule in rules.items():
        _check_columns(table, [name])
        new[name] = list(rule(new[name]))
    return Table(new)
