"""Spreadsheets (``.xlsx``) as blocks, read with openpyxl sheet by sheet.

A sheet is cut into regions at blank rows. A region of rows with one text cell each
(titles, notes) is text; the first rows of a region that have a single text cell are
the title of the table below them, as are the text rows of a title region just above.
Cells keep their type: dates stay dates, and a number formatted as a percentage
(``0.0%``) is read as the percentage it shows (0.25 is 25). Locators are
``sheet 'X' cell B7``.

Before a cell is parsed, the workbook is checked against :data:`LIMITS`: the
uncompressed size of every part of the zip, the sheet's declared dimension, and while
reading, the number of rows and cells. A workbook past a limit is refused by name, so a
small file that inflates to gigabytes, or a sheet of millions of blank rows, stops at
once instead of filling memory.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from kcsp_analysis import locators
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.blocks import Block, Cell, TableBlock, TextBlock, TextLine


@dataclass(frozen=True)
class SheetLimits:
    """What a workbook may hold before it is refused."""

    part_bytes: int = 100_000_000
    total_bytes: int = 400_000_000
    rows: int = 100_000
    columns: int = 16_384
    cells: int = 1_000_000


LIMITS = SheetLimits()
_DIMENSION = re.compile(r"^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$")
_WORKSHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_ROW_TAG = re.compile(rb"<row[\s>/]")
_CELL_TAG = re.compile(rb"<c[\s>/]")
_FORMAT_DECIMALS = re.compile(r"[0#]\.([0#]+)")


def check_workbook_parts(path: Path, source: str, limits: SheetLimits = LIMITS) -> None:
    """Refuse a workbook whose zip parts inflate past the limits, before any is parsed."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise KcspError(f"cannot open as a workbook: {exc}", source=source) from None
    for part in parts:
        if part.file_size > limits.part_bytes:
            raise KcspError(
                f"workbook part {part.filename} inflates to {part.file_size / 1e6:,.0f} MB "
                f"(at most {limits.part_bytes / 1e6:,.0f} MB is read); is this the right file?",
                source=source,
            )
    total = sum(part.file_size for part in parts)
    if total > limits.total_bytes:
        raise KcspError(
            f"the workbook inflates to {total / 1e6:,.0f} MB (at most "
            f"{limits.total_bytes / 1e6:,.0f} MB is read); is this the right file?",
            source=source,
        )
    for part in parts:
        if _WORKSHEET_PART.match(part.filename):
            _check_sheet_part(path, part.filename, source, limits)


def _check_sheet_part(path: Path, part: str, source: str, limits: SheetLimits) -> None:
    """Count a sheet's rows and cells in its XML, streamed, before any parser sees it.

    openpyxl scans a whole sheet that declares no dimension before giving its first row,
    so a sheet of millions of blank rows would be read in full; counting the tags of the
    compressed part is quick and keeps memory to one chunk.
    """
    rows = cells = 0
    tail = b""
    with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
        while chunk := stream.read(1 << 20):
            text = tail + chunk
            rows += len(_ROW_TAG.findall(text))
            cells += len(_CELL_TAG.findall(text))
            tail = text[-6:] if not text.endswith(b">") else b""
            rows -= len(_ROW_TAG.findall(tail))
            cells -= len(_CELL_TAG.findall(tail))
            if rows > limits.rows or cells > limits.cells:
                what = f"{limits.rows:,} rows" if rows > limits.rows else f"{limits.cells:,} cells"
                raise KcspError(
                    f"worksheet {part} has more than {what}; at most {limits.rows:,} rows "
                    f"and {limits.cells:,} cells a sheet are read",
                    source=source,
                )


def xlsx_to_blocks(path: Path, source: str, limits: SheetLimits = LIMITS) -> list[Block]:
    """Blocks of every sheet of a workbook, in sheet order."""
    import openpyxl

    check_workbook_parts(path, source, limits)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise KcspError(f"cannot open as a workbook: {exc}", source=source) from None
    blocks: list[Block] = []
    try:
        for sheet in workbook.worksheets:
            blocks.extend(sheet_to_blocks(sheet, source, limits))
    finally:
        workbook.close()
    if not blocks:
        raise KcspError("empty workbook: no cell holds anything", source=source)
    return blocks


def check_dimension(sheet: Any, source: str, limits: SheetLimits = LIMITS) -> None:
    """Refuse a sheet whose declared size is past the limits (read from its header)."""
    declared = str(sheet.calculate_dimension(force=False) if _has_dimension(sheet) else "")
    match = _DIMENSION.match(declared.replace("$", ""))
    if not match or not match[3]:
        return
    rows = int(match[4]) - int(match[2]) + 1
    columns = _column_number(match[3]) - _column_number(match[1]) + 1
    if rows > limits.rows or columns > limits.columns or rows * columns > limits.cells * 50:
        raise KcspError(
            f"sheet {sheet.title!r} declares {rows:,} rows and {columns:,} columns "
            f"({declared}); at most {limits.rows:,} rows and {limits.columns:,} columns are read",
            source=source,
        )


def _has_dimension(sheet: Any) -> bool:
    try:
        sheet.calculate_dimension(force=False)
    except Exception:  # an undeclared dimension raises in read-only mode
        return False
    return True


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def sheet_to_blocks(sheet: Any, source: str, limits: SheetLimits = LIMITS) -> list[Block]:
    """Tables and text of one sheet.

    A table's caption is the title row just above it (all the title rows since the
    table before, for later tables); the sheet's name and the title rows above the
    first table's caption are the heading of every table of the sheet.
    """
    check_dimension(sheet, source, limits)
    blocks: list[Block] = []
    titles: list[str] = []
    sheet_heading: list[str] | None = None
    for region in _regions(sheet, source, limits):
        body = _strip_titles(region, titles)
        for text_row in region[: len(region) - len(body)]:
            line = TextLine(text_row[0].text, text_row[0].locator)
            blocks.append(TextBlock("heading", (line,)))
        if not body:
            continue
        if sheet_heading is None:
            sheet_heading, titles = [sheet.title, *titles[:-1]], titles[-1:]
        blocks.append(
            TableBlock(
                tuple(tuple(row) for row in body),
                body[0][0].locator,
                caption=" ".join(titles),
                heading=" / ".join(sheet_heading),
                container="sheet",
            )
        )
        titles = []
    return blocks


def _strip_titles(region: list[list[Cell]], titles: list[str]) -> list[list[Cell]]:
    """Move the region's leading one-text-cell rows into ``titles``; return the rest."""
    index = 0
    while index < len(region) and _is_title_row(region[index]):
        titles.append(region[index][0].text)
        index += 1
    return region[index:]


def _is_title_row(row: list[Cell]) -> bool:
    filled = [c for c in row if c.text]
    return len(filled) == 1 and filled[0].value is None


def _regions(sheet: Any, source: str, limits: SheetLimits) -> Iterator[list[list[Cell]]]:
    region: list[list[Cell]] = []
    cells = 0
    for number, row in enumerate(sheet.iter_rows(), start=1):
        if number > limits.rows:
            raise KcspError(
                f"sheet {sheet.title!r} has more than {limits.rows:,} rows; at most "
                f"{limits.rows:,} are read",
                source=source,
            )
        cells += len(row)
        if cells > limits.cells:
            raise KcspError(
                f"sheet {sheet.title!r} has more than {limits.cells:,} cells; is this the right "
                "file?",
                source=source,
            )
        typed = [_cell(sheet.title, c, number, i) for i, c in enumerate(row, start=1)]
        if not any(c.text for c in typed):
            if region:
                yield _trim(region)
            region = []
            continue
        region.append(typed)
    if region:
        yield _trim(region)


def _trim(region: list[list[Cell]]) -> list[list[Cell]]:
    """Drop the empty columns at the right of a region."""
    width = max(max((i + 1 for i, c in enumerate(row) if c.text), default=0) for row in region)
    return [row[:width] + [Cell("", row[-1].locator)] * (width - len(row)) for row in region]


def _cell(sheet_title: str, cell: Any, row_number: int, column_number: int) -> Cell:
    """Return a typed cell: a date stays a date, a percent-formatted fraction a percent."""
    from openpyxl.utils import get_column_letter

    value = getattr(cell, "value", None)
    locator = locators.cell(sheet_title, get_column_letter(column_number), row_number)
    if value is None:
        return Cell("", locator)
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        return Cell(day.isoformat(), locator, value=day)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return Cell(" ".join(str(value).split()), locator)
    number_format = str(getattr(cell, "number_format", "") or "General").split(";")[0]
    shown = _format_decimals(number_format)
    if "%" in number_format:
        # The figure as the sheet shows it: 0.29746 under 0.0% is 29.7 (percent).
        percent = _shown(value, 100, shown or 0)
        return Cell(f"{percent:.{shown or 0}f}%", locator, value=percent, decimals=shown or 0)
    if shown is not None:
        number = _shown(value, 1, shown)
        return Cell(f"{number:.{shown}f}", locator, value=number, decimals=shown)
    text = format(value, ".15g") if isinstance(value, float) else str(value)
    decimals = len(text.partition(".")[2]) if "e" not in text else 0
    return Cell(text, locator, value=float(value), decimals=decimals)


def _shown(value: float, scale: int, decimals: int) -> float:
    """Return the value as a spreadsheet shows it: scaled, rounded half away from zero."""
    exact = Decimal(repr(float(value))) * scale
    return float(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def _format_decimals(number_format: str) -> int | None:
    """Decimals a number format shows (``0.0%`` 1, ``#,##0`` 0); None for General."""
    if number_format.lower() == "general" or not re.search(r"[0#]", number_format):
        return None
    found = _FORMAT_DECIMALS.search(number_format)
    return len(found[1]) if found else 0
