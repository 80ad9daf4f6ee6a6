"""Figures files from analysts: ``data/raw/figures/*.csv`` and ``*.xlsx`` in one template.

A figures file has one figure a row under the header ``measure, area, period, value``
and the optional columns ``qualifier`` and ``note``. Measures and areas may be written as
the catalogue ids and names or as any alias the catalogue knows ("Shepway"); periods in
any form :func:`kcsp_analysis.periods.parse_period` accepts; values with thousands
separators and, for percent measures, a trailing ``%``. A percent value of at most 1
without a ``%`` sign is refused as a fraction pasted from a spreadsheet (``0.25`` for
25%); ``0.25%`` says a quarter of one per cent is meant. Every problem is a
:class:`KcspError` naming the file and the row (``row 5`` is line 5 of a CSV file;
``sheet 'Q1' row 5`` is row 5 of sheet Q1 of a workbook).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kcsp_analysis import catalogue, locators
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.records import QUALIFIERS, Extraction, LogEntry, Observation
from kcsp_analysis.locators import Locator
from kcsp_analysis.periods import parse_period
from kcsp_analysis.processed.tables import format_number

REQUIRED_COLUMNS = ("measure", "area", "period", "value")
OPTIONAL_COLUMNS = ("qualifier", "note")
TEMPLATE_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
REFERENCE_SHEET = "accepted values"
"""The sheet of a template workbook that lists accepted ids; it is never read as figures."""

_VALUE = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+")


@dataclass(frozen=True)
class FigureRow:
    """One data row of a figures file, as text, with its locator."""

    locator: str
    cells: dict[str, str]
    percent_cell: bool = False


def read_figures_file(raw_dir: Path, name: str) -> list[Observation]:
    """Return the figures of one figures file, validated row by row.

    Parameters
    ----------
    raw_dir
        The raw data folder.
    name
        The file, relative to ``raw_dir`` (``figures/2014-q1.csv``); its source name.

    Returns
    -------
    list of Observation
        One per data row, in file order, each with ``source=name`` and the row locator.

    Raises
    ------
    KcspError
        Naming the file and row of the first problem: unknown measure or area, a period in
        no accepted form, a value that is not a number or out of range, a duplicate row.
    """
    path = Path(raw_dir) / name
    observations: list[Observation] = []
    seen: dict[tuple[str, str, str, str], str] = {}
    for row in _rows_of(path, name):
        observation = row_to_observation(row, name)
        key = (
            observation.measure,
            observation.area,
            observation.period.label,
            observation.qualifier,
        )
        if key in seen:
            raise KcspError(
                f"duplicate of {seen[key]}: {observation.measure}, {observation.area}, "
                f"{observation.period.label} appear twice; keep one row per figure",
                source=name,
                locator=row.locator,
            )
        seen[key] = row.locator
        observations.append(observation)
    return observations


def extract_figures_file(raw_dir: Path, name: str) -> tuple[list[Observation], list[LogEntry]]:
    """Return the figures of one file and extraction-log entries: one per sheet, block ``sheet``.

    A log entry's locator spans the sheet's figure rows (``row 2-14``), so that every
    figure can be traced to the entry that logged it.
    """
    observations = read_figures_file(raw_dir, name)
    if not observations:
        return [], [LogEntry(name, "row 1", "sheet", "skipped", 0, "no figure rows", "")]
    spans: dict[str, list[int]] = {}
    for observation in observations:
        place = Locator.parse(observation.locator)
        spans.setdefault(place.unit, []).append(place.first)
    log = [
        LogEntry(
            source=name,
            locator=str(Locator(unit, min(rows), max(rows))),
            block="sheet",
            status="used",
            figures=len(rows),
            reason="",
            excerpt=f"figures file: {len(rows)} figure rows",
        )
        for unit, rows in spans.items()
    ]
    return observations, log


def extract(raw_dir: Path, name: str) -> Extraction:
    """Input kind ``figures/``: a figures file, or a data pack (any other workbook)."""
    from kcsp_analysis.extract import datapack

    path = Path(raw_dir) / name
    is_workbook = path.suffix.lower() == ".xlsx" and path.is_file()
    if is_workbook and not datapack.is_template_workbook(path, name):
        return datapack.extract_data_pack(raw_dir, name)
    observations, log = extract_figures_file(raw_dir, name)
    return Extraction(observations=observations, log=log)


def row_to_observation(row: FigureRow, source: str) -> Observation:
    """One validated figure from a row; :class:`KcspError` naming the row otherwise."""

    def fail(message: str) -> KcspError:
        return KcspError(message, source=source, locator=row.locator)

    measure_id = _resolve_measure(row.cells.get("measure", ""))
    if measure_id is None:
        text = row.cells.get("measure", "")
        raise fail(catalogue.unknown_message("measure", text, catalogue.measures()))
    area = _resolve_area(row.cells.get("area", ""))
    if area is None:
        text = row.cells.get("area", "")
        raise fail(catalogue.unknown_message("area", text, catalogue.areas()))
    try:
        period = parse_period(row.cells.get("period", ""))
    except KcspError as exc:
        raise fail(exc.message) from None
    unit = catalogue.measures()[measure_id].unit
    value, decimals = _parse_value(row.cells.get("value", ""), unit, row.percent_cell, fail)
    qualifier_text = " ".join(row.cells.get("qualifier", "").lower().split())
    qualifier_words = {phrase: q for q, phrase in catalogue.qualifier_words("figures_file")}
    qualifier_words[""] = ""
    if qualifier_text not in qualifier_words:
        raise fail(
            f"unknown qualifier {row.cells['qualifier']!r}; leave it empty for an exact "
            f"figure or write one of: {', '.join(q for q in QUALIFIERS if q)}"
        )
    quote = ", ".join(f"{c}={row.cells[c]}" for c in TEMPLATE_COLUMNS if row.cells.get(c))
    return Observation(
        measure=measure_id,
        area=area,
        period=period,
        value=value,
        qualifier=qualifier_words[qualifier_text],
        source=source,
        locator=row.locator,
        quote=quote,
        decimals=decimals,
        block="sheet",
    )


_resolve_measure = catalogue.lookup_measure
_resolve_area = catalogue.lookup_area


MAX_SIGNIFICANT_DIGITS = 15
MAX_DECIMALS = 10


def _parse_value(
    text: str, unit: str, percent_cell: bool, fail: Callable[[str], KcspError]
) -> tuple[float, int]:
    """Return the value of a value cell and the decimals it was written with."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        raise fail("no value; every row needs a number in the value column")
    has_percent = cleaned.endswith("%")
    number = cleaned.rstrip("%")
    if has_percent and unit != "percent":
        raise fail(f"value {text!r} has a % sign but the measure's unit is {unit}")
    if number.startswith("-") and _VALUE.fullmatch(number[1:]):
        raise fail(f"value {text!r} is negative; figures are counts or percentages")
    if not _VALUE.fullmatch(number):
        raise fail(
            f"value {text!r} is not a number; write digits with an optional decimal point "
            f"and thousands commas (20,276 or 24.8{'%' if unit == 'percent' else ''})"
        )
    digits = number.replace(",", "").replace(".", "").lstrip("0")
    decimals = len(number.partition(".")[2])
    if len(digits) > MAX_SIGNIFICANT_DIGITS or decimals > MAX_DECIMALS:
        # A float keeps 15 significant digits exactly; past that the figure written
        # would not be the one published, so it is refused rather than rounded.
        raise fail(
            f"value {text!r} has more than {MAX_SIGNIFICANT_DIGITS} significant digits or "
            f"{MAX_DECIMALS} decimals; it cannot be kept as published: round it"
        )
    value = float(number.replace(",", ""))
    if percent_cell and not has_percent:
        value *= 100  # a cell formatted as a percentage holds 0.248 for 24.8%
        decimals = max(decimals - 2, 0)
    if unit == "percent" and not 0 <= value <= 100:
        raise fail(f"value {text!r} is a percentage outside 0-100")
    if unit == "percent" and 0 < value <= 1 and not (has_percent or percent_cell):
        # A fraction pasted from a spreadsheet (0.25 for 25%) would be read as 0.25%.
        meant = format_number(value * 100)
        raise fail(
            f"{number} looks like a fraction: write {meant} or {meant}%; if {number} per cent "
            f"is meant, write {number}%"
        )
    return round(value, 10), decimals


def _rows_of(path: Path, name: str) -> Iterator[FigureRow]:
    if not path.is_file():
        raise KcspError("no such figures file", source=name)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv_rows(path, name)
    elif suffix == ".xlsx":
        yield from _xlsx_rows(path, name)
    else:
        raise KcspError(
            f"figures files are .csv or .xlsx; found {suffix or 'no extension'}", source=name
        )


def _header_to_columns(header: list[str], name: str, where: str) -> list[str]:
    columns = [" ".join(str(h or "").lower().split()) for h in header]
    unknown = [c for c in columns if c and c not in TEMPLATE_COLUMNS]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if unknown or missing:
        found = ", ".join(c for c in columns if c) or "nothing"
        problem = f"unknown column {unknown[0]!r}" if unknown else f"missing column {missing[0]!r}"
        raise KcspError(
            f"{problem}; expected the columns {', '.join(TEMPLATE_COLUMNS)} "
            f"(qualifier and note optional), found {found}",
            source=name,
            locator=where,
        )
    repeated = [c for c in columns if c and columns.count(c) > 1]
    if repeated:
        raise KcspError(f"column {repeated[0]!r} appears twice", source=name, locator=where)
    return columns


def _csv_rows(path: Path, name: str) -> Iterator[FigureRow]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise KcspError(
            f"not UTF-8 text (byte {exc.start}); save the sheet as 'CSV UTF-8'", source=name
        ) from None
    # One record a line, so that the row number is the file line an editor shows.
    lines = text.splitlines()
    columns: list[str] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            cells = next(csv.reader(io.StringIO(line)))
        except csv.Error as exc:  # a cell over the csv module's 131,072-character limit
            raise KcspError(
                f"cannot be read as CSV ({exc})", source=name, locator=locators.row(number)
            ) from None
        if columns is None:
            columns = _header_to_columns(cells, name, locators.row(number))
            continue
        yield _cells_to_row(columns, cells, locators.row(number), name)
    if columns is None:
        raise KcspError(
            f"empty file; expected a header row {', '.join(TEMPLATE_COLUMNS)}", source=name
        )


def _cells_to_row(
    columns: list[str], cells: Sequence[object], locator: str, name: str, percent_cell: bool = False
) -> FigureRow:
    if len(cells) > len(columns) and any(_cell_text(c) for c in cells[len(columns) :]):
        raise KcspError(
            f"{len(cells)} cells but {len(columns)} columns in the header; "
            "quote values that contain commas",
            source=name,
            locator=locator,
        )
    texts = {
        column: _cell_text(cell) for column, cell in zip(columns, cells, strict=False) if column
    }
    return FigureRow(locator, texts, percent_cell)


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime | date):
        # Spreadsheets turn a typed "2013-04" into a date; only the month is meant.
        return f"{cell.year}-{cell.month:02d}"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, float):
        # As a spreadsheet shows it: 15 significant digits, so 0.1 + 0.2 is 0.3.
        return format(cell, ".15g")
    return str(cell).strip()


def _xlsx_rows(path: Path, name: str) -> Iterator[FigureRow]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise KcspError(f"cannot open as a workbook: {exc}", source=name) from None
    try:
        for sheet in workbook.worksheets:
            if sheet.title.strip().lower() == REFERENCE_SHEET:
                continue
            yield from _sheet_rows(sheet, name)
    finally:
        workbook.close()


def _sheet_rows(sheet: Any, name: str) -> Iterator[FigureRow]:
    columns: list[str] | None = None
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        values = [c.value for c in cells]
        if not any(_cell_text(v) for v in values):
            continue
        if columns is None:
            columns = _header_to_columns(
                [_cell_text(v) for v in values], name, locators.row(number, sheet.title)
            )
            continue
        value_cell = cells[columns.index("value")] if len(cells) > columns.index("value") else None
        percent_cell = bool(
            value_cell is not None
            and isinstance(value_cell.value, int | float)
            and "%" in str(getattr(value_cell, "number_format", ""))
        )
        if value_cell is not None and isinstance(value_cell.value, float) and not percent_cell:
            values[columns.index("value")] = format(value_cell.value, ".15g")
        yield _cells_to_row(columns, values, locators.row(number, sheet.title), name, percent_cell)
