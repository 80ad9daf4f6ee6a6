"""The processed CSV tables: written as published, read with their header checked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from kcsp_analysis.errors import KcspError


def format_number(value: float) -> str:
    """Shortest faithful text for a figure: ``20276``, ``24.8``, never ``20276.0``."""
    if pd.isna(value):
        return ""
    return format(float(value), ".15g")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet run a cell as a formula."""
_PLAIN_NUMBER = re.compile(r"^[+-]?(?=\.?\d)\d*(,\d{3})*(\.\d+)?(e[+-]?\d+)?$", re.IGNORECASE)


def defuse_cell(text: str) -> str:
    r"""Return ``text`` safe to open in a spreadsheet: a formula-like start gets a ``'``.

    A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    would run as a formula (``=HYPERLINK(...)``); the usual leading apostrophe makes it
    text. A plain number (``-3.5``) is left as it is. A cell that already starts with
    ``'`` gets one more, so :func:`restore_cell` gives back exactly what was written.

    >>> defuse_cell("=HYPERLINK(x)"), defuse_cell("-3.5"), defuse_cell("'quoted"), defuse_cell("a")
    ("'=HYPERLINK(x)", '-3.5', "''quoted", 'a')
    >>> defuse_cell("-"), defuse_cell("\t-3"), defuse_cell("-1+1"), defuse_cell("-1,234.5")
    ("'-", "'\t-3", "'-1+1", '-1,234.5')
    """
    if text.startswith("'") or (text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(text)):
        return "'" + text
    return text


def restore_cell(text: str) -> str:
    """Undo :func:`defuse_cell`: drop the one apostrophe it added.

    >>> restore_cell("'=HYPERLINK(x)"), restore_cell("''quoted"), restore_cell("-3.5")
    ('=HYPERLINK(x)', "'quoted", '-3.5')
    """
    return text[1:] if text.startswith("'") else text


def frame_to_csv_text(frame: pd.DataFrame, float_columns: Iterable[str] = ()) -> str:
    """Return the CSV text of ``frame``: numbers written as published, Unix line endings.

    Text cells are defused for spreadsheets (:func:`defuse_cell`).
    """
    out = frame.copy()
    numbers = set(float_columns)
    for column in out.columns:
        if column in numbers:
            out[column] = out[column].map(format_number)
        else:
            out[column] = out[column].map(lambda c: defuse_cell(c) if isinstance(c, str) else c)
    return out.to_csv(index=False, lineterminator="\n")


def read_processed_csv(path: Path, columns: Sequence[str], what: str) -> pd.DataFrame:
    """Read a processed table as text columns, checking its header.

    ``what`` names the table in the error when the file is missing
    (``no measures file; run `kcsp extract` first``). A copy re-saved by a spreadsheet
    is read too: a byte-order mark, Windows line ends, quoted cells and columns in
    another order. Defused text cells are restored (:func:`restore_cell`).
    """
    path = Path(path)
    if not path.exists():
        raise KcspError(f"no {what} file; run `kcsp extract` first", source=str(path))
    if not path.is_file():
        raise KcspError(f"is not a file; expected the {what} table", source=str(path))
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise KcspError("not UTF-8 text; save the table as CSV UTF-8", source=str(path)) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise KcspError(f"cannot be read as CSV ({exc})", source=str(path)) from None
    found = [str(c).strip() for c in frame.columns]
    if sorted(found) != sorted(columns) or len(set(found)) != len(found):
        raise KcspError(
            f"line 1: expected columns {', '.join(columns)}; found {', '.join(found)}",
            source=str(path),
        )
    frame.columns = found
    return frame[list(columns)].map(restore_cell)
