"""Sections of a table: header rows and the data rows under them, each value under its column.

An aligned grid keeps every cell in its column, so a value is read under the header
cells above it, and the leading text columns label the row ("Theme | Measure"). A gap
table (tab-separated text, PDF word gaps) is read in order, empty cells dropped, its
columns taken from the header row that names the most periods
(:func:`~kcsp_analysis.extract.table_columns.gap_columns`).
"""

from __future__ import annotations

from dataclasses import dataclass

from kcsp_analysis import catalogue
from kcsp_analysis.catalogue import strip_markup
from kcsp_analysis.extract.blocks import Cell, TableBlock
from kcsp_analysis.extract.table_columns import (
    PERIOD_ROLE,
    Column,
    aligned_columns,
    cell_period,
    fit_columns,
    gap_columns,
    is_figure,
    is_year_like,
    role_of,
)

Section = tuple[str, list["DataRow"]]
"""A section's header corner cell and its data rows."""


@dataclass(frozen=True)
class DataRow:
    """A data row: its label, the locator and text it is quoted by, and its value cells."""

    label: str
    locator: str
    quote: str
    values: tuple[tuple[Column, Cell], ...]
    problem: str = ""
    inner: str = ""
    """The last of several label cells ("Violence | Robbery": "Robbery"), else ''."""
    place: str = ""
    """The one of several label cells that is a catalogue area ("Ashford | East"), else ''."""


def gap_sections(rows: list[tuple[Cell, ...]], table: TableBlock) -> list[Section]:
    """Sections of a gap table: cells read in order, empty ones dropped."""
    context = "\n".join((table.after, table.intro, table.caption))
    sections: list[Section] = []
    header: list[list[str]] = []
    columns: list[Column] = []
    for row in rows:
        filled = [c for c in row if strip_markup(c.text).strip()]
        texts = [c.text.strip() for c in filled]
        if not _is_gap_data_row(filled):
            if not header or columns:
                header, columns = [], []
            header.append(texts)
            continue
        if header:
            columns = gap_columns(header, context)
            corner = next(
                (
                    r[0]
                    for r in header
                    if r and cell_period(r[0]) is None and not _figure_text(r[0])
                ),
                "",
            )
            sections.append((corner, []))
            header = []
        if not sections:
            sections.append(("", []))
        sections[-1][1].append(_gap_row(row, filled, columns))
    return sections


def _gap_row(row: tuple[Cell, ...], filled: list[Cell], columns: list[Column]) -> DataRow:
    label, values = filled[0], filled[1:]
    quote = "\t".join(c.text for c in row)
    problem = ""
    if not any(c.role == PERIOD_ROLE for c in columns):
        problem = "no period columns in the table header"
    fitted = fit_columns(columns, len(values))
    if not problem and len(values) != len(fitted):
        problem = f"row has {len(values)} value cells but the header has {len(fitted)} columns"
    pairs = tuple(zip(fitted, values, strict=False)) if not problem else ()
    return DataRow(label.text.strip(), label.locator, quote, pairs, problem)


def _figure_text(text: str) -> bool:
    return is_figure(Cell(text, ""))


def _is_gap_data_row(cells: list[Cell]) -> bool:
    """Tell whether cells are a label followed by two figures or more, and no heading.

    ``2012  2013  Change`` is a header even though its years read as figures.
    """
    if len(cells) < 3 or (is_figure(cells[0]) and not is_year_like(cells[0])):
        return False
    headings = ("change", "baseline", "diff")
    if any(strip_markup(c.text).strip().lower().startswith(headings) for c in cells[1:]):
        return False
    values = [cell for cell in cells[1:] if is_figure(cell)]
    if is_figure(cells[0]):
        # "2014  5  58  512": a year labels the row when its figures are no years
        values = [cell for cell in values if not is_year_like(cell)]
    return len(values) >= 2


def aligned_sections(rows: list[tuple[Cell, ...]]) -> list[Section]:
    """Sections of an aligned grid: each cell read under the header cells above it."""
    width = max(len(row) for row in rows)
    sections: list[Section] = []
    header: list[tuple[Cell, ...]] = []
    columns: list[Column] = []
    for row in rows:
        if _is_aligned_header(row, bool(columns) and not header):
            if columns and not header:
                columns = []
            header.append(row)
            continue
        if not _is_aligned_data(row):
            continue
        if header or not columns:
            labels = _label_width(row, header)
            columns = aligned_columns(header, width, labels)
            corner = next((r[0].text for r in header if r and r[0].text), "")
            sections.append((corner, []))
            header = []
        sections[-1][1].append(_aligned_row(row, columns, labels))
    return sections


def _label_width(row: tuple[Cell, ...], header: list[tuple[Cell, ...]]) -> int:
    """How many leading columns label a row ("Theme | Measure | 2014/15 ..." has two)."""
    width = 1
    while width < len(row) and row[width].text and not is_figure(row[width]):
        above = [h[width] for h in header if width < len(h)]
        if any(cell_period(c.text, c.value) or role_of(c.text) for c in above):
            break
        width += 1
    return width


def _is_aligned_header(row: tuple[Cell, ...], after_data: bool) -> bool:
    """Tell whether a row is a header: value cells of periods, words or text, no figures."""
    values = [c for c in row[1:] if c.text]
    if not values:
        return not after_data and bool(row[0].text)
    figures = [c for c in values if is_figure(c)]
    if not figures:
        return True
    if after_data:
        return False
    return all(is_year_like(c) for c in figures)


def _is_aligned_data(row: tuple[Cell, ...]) -> bool:
    return bool(row[0].text) and any(is_figure(c) for c in row[1:])


def _aligned_row(row: tuple[Cell, ...], columns: list[Column], labels: int) -> DataRow:
    texts: list[str] = []
    for cell in row[:labels]:
        if cell.text and cell.text not in texts:
            texts.append(cell.text)
    pairs = tuple(
        (column, cell)
        for column, cell in zip(columns, row[labels:], strict=False)
        if cell.text and not cell.spanned
    )
    quote = " | ".join(c.text for c in row)
    inner = texts[-1] if len(texts) > 1 else ""
    places = [t for t in texts if catalogue.lookup_area(strip_markup(t).strip())]
    place = places[0] if len(texts) > 1 and len(places) == 1 else ""
    return DataRow(" ".join(texts), row[0].locator, quote, pairs, inner=inner, place=place)
