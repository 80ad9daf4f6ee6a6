"""Performance tables: a label column, period columns, then "Change" and "Diff. to Baseline".

Text extraction garbles the one- or two-row headers ("Floxy Measure / Illuicator",
"Baseline April - March  h"), so columns are found from the header row that names the
most periods, not from cell positions: periods in order, then Change, then Diff. to
Baseline. A baseline column whose year the header lost takes it from the text around
the table ("Compared to the 2010/11 baseline"). Measure and area come from the row label
through the catalogue aliases; a district row takes its measure from the table header.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from kcsp_analysis import catalogue, locators
from kcsp_analysis.catalogue import strip_markup
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.documents import Document, Line
from kcsp_analysis.extract.numbers import parse_figure
from kcsp_analysis.extract.records import LogEntry, Observation, Reading, StatedChange
from kcsp_analysis.locators import Locator
from kcsp_analysis.periods import Period, parse_period

PERIOD_ROLE, CHANGE_ROLE, DIFF_ROLE = "period", "change", "diff"
# A baseline column without a year; a spare one is used only if rows have a cell for it.
UNDATED_ROLE, SPARE_ROLE = "undated", "spare"
# How far around a table to look for the year of an undated baseline column.
_CONTEXT_LINES = 12
_BASELINE_IN_TEXT = re.compile(
    r"(?:(?P<before>\S+(?:\s*[/-]\s*\S+)?)\s+baseline|baseline\s+(?:of|for|in|year)?\s*"
    r"\(?(?P<after>[^\s,;.)]+(?:\s*[/-]\s*[^\s,;.)]+)?))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Column:
    """What one value column of a performance table holds."""

    role: str
    period: Period | None = None


@dataclass
class TableResult:
    """Figures, stated changes and log entries from the tables of one document."""

    observations: list[Observation] = field(default_factory=list)
    stated_changes: list[StatedChange] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)
    table_line_indexes: set[int] = field(default_factory=set)


@functools.cache
def change_glyphs() -> dict[str, str]:
    """Glyphs (and the digits arrows turn into) that give a printed change its sign."""
    rows = catalogue.read_data_csv("change_glyphs.csv")
    return {row["glyph"]: row["direction"] for row in rows}


def find_table_blocks(lines: tuple[Line, ...]) -> list[range]:
    """Index ranges of runs of tab-separated lines (a blank line ends a run)."""
    blocks, start = [], None
    for index, line in enumerate(lines):
        is_row = "\t" in line.text and line.text.strip() != ""
        if is_row and start is None:
            start = index
        elif not is_row and start is not None:
            blocks.append(range(start, index))
            start = None
    if start is not None:
        blocks.append(range(start, len(lines)))
    return blocks


def split_cells(text: str) -> list[str]:
    """Return the non-empty cells of a tab-separated line, markup kept, spaces trimmed."""
    return [cell.strip() for cell in text.split("\t") if strip_markup(cell).strip()]


def is_data_row(cells: list[str]) -> bool:
    """Return a label cell followed by at least two figures, and no column heading.

    ``2012  2013  Change`` is a header even though its years read as figures.
    """
    if len(cells) < 3 or _is_figure(cells[0]):
        return False
    headings = ("change", "baseline", "diff")
    if any(strip_markup(c).strip().lower().startswith(headings) for c in cells[1:]):
        return False
    return sum(_is_figure(cell) for cell in cells[1:]) >= 2


def _is_figure(cell: str) -> bool:
    try:
        parse_figure(cell)
    except ValueError:
        return False
    return True


def _cell_period(cell: str) -> Period | None:
    text = strip_markup(cell).strip()
    if not re.search(r"\d", text):
        return None
    try:
        return parse_period(text)
    except KcspError:
        return None


def header_to_columns(header: list[list[str]], context: str) -> list[Column]:
    """Columns of a performance table from its header rows and the text around it.

    The row naming the most periods gives the order; a "Baseline" cell before the
    periods, or a missing column announced by "Baseline" in the rows above, is a
    baseline whose year is read from ``context``.
    """
    scored = [
        (sum(_cell_period(c) is not None for c in row), -i, row) for i, row in enumerate(header)
    ]
    if not scored or max(scored)[0] == 0:
        return []
    bottom = max(scored)[2]
    others = " ".join(" ".join(row) for row in header if row is not bottom).lower()
    columns: list[Column] = []
    for cell in bottom:
        word = strip_markup(cell).strip().lower()
        period = _cell_period(cell)
        seen_period = any(c.role in (PERIOD_ROLE, UNDATED_ROLE) for c in columns)
        if period is not None:
            columns.append(Column(PERIOD_ROLE, period))
        elif word.startswith("change"):
            columns.append(Column(CHANGE_ROLE))
        elif "diff" in word or (word == "baseline" and seen_period):
            columns.append(Column(DIFF_ROLE))
        elif word == "baseline":
            columns.append(Column(UNDATED_ROLE))
    if columns and columns[0].role == PERIOD_ROLE and "baseline" in others.split("diff")[0]:
        # "Baseline" above the periods: if rows have one value more than the period row
        # has columns, the baseline column's cell (with its year) was lost in extraction.
        columns.insert(0, Column(SPARE_ROLE))
    return [
        _date_baseline(c, context) if c.role in (UNDATED_ROLE, SPARE_ROLE) else c for c in columns
    ]


def _date_baseline(column: Column, context: str) -> Column:
    for match in _BASELINE_IN_TEXT.finditer(strip_markup(context)):
        period = _cell_period(match["before"] or match["after"] or "")
        if period is not None:
            return Column(PERIOD_ROLE if column.role == UNDATED_ROLE else column.role, period)
    return column


def read_change_cell(printed: str, basis: str) -> tuple[Reading, ...]:
    """Every plausible reading of a printed change cell.

    Arrows give the sign (``▲ 5.3%``). An arrow lost in extraction leaves the sign open
    (``1.9``: up or down). A lone digit before the figure (``4 9%``) is either an arrow
    turned into a digit or the figure's own first digit; both readings are kept.
    """
    glyphs = change_glyphs()
    text = " ".join(strip_markup(printed).split())
    arrow = re.fullmatch(r"(\D)\s*(.+)", text)
    if arrow and arrow[1] in glyphs:
        value, decimals, _ = parse_figure(arrow[2])
        sign = 1 if glyphs[arrow[1]] == "up" else -1
        return (Reading(sign * value, basis, decimals, f"arrow {arrow[1]}: {glyphs[arrow[1]]}"),)
    digit = re.fullmatch(r"(\d)\s+(\d*\.?\d+\s?%?)", text)
    if digit:
        joined = digit[1] + digit[2].strip()
        value, decimals, _ = parse_figure(joined)
        readings = _both_signs(
            value, basis, decimals, f"leading {digit[1]} is the first digit, arrow lost"
        )
        if digit[1] in glyphs:
            direction = glyphs[digit[1]]
            rest, rest_decimals, _ = parse_figure(digit[2])
            sign = 1 if direction == "up" else -1
            readings += (
                Reading(
                    sign * rest,
                    basis,
                    rest_decimals,
                    f"leading {digit[1]} is a misread {direction} arrow",
                ),
            )
        return readings
    value, decimals, _ = parse_figure(text)
    return _both_signs(value, basis, decimals, "arrow lost")


def _both_signs(value: float, basis: str, decimals: int, how: str) -> tuple[Reading, ...]:
    if value == 0:
        return (Reading(0.0, basis, decimals, how),)
    return (
        Reading(value, basis, decimals, f"{how}: up"),
        Reading(-value, basis, decimals, f"{how}: down"),
    )


def change_basis(measure_id: str, printed: str) -> str:
    """``points`` for a percentage measure, ``percent`` for a % change of a count."""
    if catalogue.measures()[measure_id].unit == "percent":
        return "points"
    return "percent" if "%" in printed else "count"


def span_locator(first: str, last: str) -> str:
    """``line 762-763`` from the locators of a block's first and last lines."""
    start, end = Locator.parse(first), Locator.parse(last)
    if start.unit != end.unit:
        return first
    return locators.span(start.unit, start.first, end.end)


def extract_tables(document: Document) -> TableResult:
    """Figures and stated changes of every performance table in ``document``."""
    result = TableResult()
    for block in find_table_blocks(document.lines):
        result.table_line_indexes.update(block)
        _extract_block(document, block, result)
    return result


def _context(document: Document, block: range) -> str:
    after = document.lines[block.stop : block.stop + _CONTEXT_LINES]
    before = document.lines[max(0, block.start - 3) : block.start]
    return "\n".join(line.text for line in (*after, *before))


def _extract_block(document: Document, block: range, result: TableResult) -> None:
    lines = [document.lines[i] for i in block]
    locator = span_locator(lines[0].locator, lines[-1].locator)
    excerpt = strip_markup(lines[0].text.replace("\t", " | "))[:120]
    found_before = len(result.observations) + len(result.stated_changes)
    header: list[list[str]] = []
    columns: list[Column] = []
    header_label = ""
    skipped: list[LogEntry] = []
    for line in lines:
        cells = split_cells(line.text)
        if not is_data_row(cells):
            if not header or columns:
                header, columns = [], []
            header.append(cells)
            continue
        if header:
            columns = header_to_columns(header, _context(document, block))
            header_label = next(
                (
                    row[0]
                    for row in header
                    if row and _cell_period(row[0]) is None and not _is_figure(row[0])
                ),
                "",
            )
            header = []
        reason = _row_to_records(document.source, line, cells, columns, header_label, result)
        if reason:
            skipped.append(
                LogEntry(
                    document.source,
                    line.locator,
                    "table",
                    "skipped",
                    0,
                    reason,
                    strip_markup(cells[0])[:120],
                )
            )
    figures = len(result.observations) + len(result.stated_changes) - found_before
    if figures:
        result.log.append(LogEntry(document.source, locator, "table", "used", figures, "", excerpt))
        result.log.extend(skipped)
    else:
        reason = skipped[0].reason if skipped else _why_not_a_table(lines)
        result.log.append(
            LogEntry(document.source, locator, "table", "skipped", 0, reason, excerpt)
        )


def _why_not_a_table(lines: list[Line]) -> str:
    text = " ".join(line.text for line in lines)
    if "£" in text:
        return "money figures; not a performance table"
    return "no data rows (a label followed by figures): not a performance table"


def _fit_columns(columns: list[Column], n_values: int) -> list[Column]:
    """Use a spare baseline column only when the row has a cell for it."""
    spare = [c for c in columns if c.role == SPARE_ROLE]
    rest = [c for c in columns if c.role != SPARE_ROLE]
    if spare and n_values == len(rest) + 1:
        dated = spare[0]
        role = PERIOD_ROLE if dated.period is not None else UNDATED_ROLE
        return [Column(role, dated.period), *rest]
    return rest


def _row_to_records(
    source: str,
    line: Line,
    cells: list[str],
    columns: list[Column],
    header_label: str,
    result: TableResult,
) -> str:
    """Add the row's figures and changes to ``result``; the reason if it was skipped."""
    if not any(c.role == PERIOD_ROLE for c in columns):
        return "no period columns in the table header"
    label = cells[0]
    measure = catalogue.resolve_measure(label) or catalogue.resolve_measure(header_label)
    if measure is None:
        return f"no catalogue measure for label {strip_markup(label)!r}"
    area = catalogue.resolve_area(label) or catalogue.resolve_area(header_label)
    if area is None:
        return f"no catalogue area in label {strip_markup(label)!r}"
    values = cells[1:]
    columns = _fit_columns(columns, len(values))
    if any(c.role == UNDATED_ROLE for c in columns):
        return "a baseline column has no year in the header or the text around the table"
    if len(values) != len(columns):
        return f"row has {len(values)} value cells but the header has {len(columns)} columns"
    periods = [(c, v) for c, v in zip(columns, values, strict=True) if c.role == PERIOD_ROLE]
    unit = catalogue.measures()[measure].unit
    parsed = [(column, parse_figure(cell)) for column, cell in periods]
    if unit != "percent" and any(is_percent for _, (_, _, is_percent) in parsed):
        return f"a cell is a percent but {measure} is a {unit}"
    for column, (value, decimals, _) in parsed:
        assert column.period is not None
        result.observations.append(
            Observation(
                measure,
                area,
                column.period,
                value,
                "",
                source,
                line.locator,
                line.text,
                decimals=decimals,
                block="table",
            )
        )
    return _row_changes(source, line, measure, area, columns, values, result)


def _row_changes(
    source: str,
    line: Line,
    measure: str,
    area: str,
    columns: list[Column],
    values: list[str],
    result: TableResult,
) -> str:
    """Add the row's stated changes (change and baseline columns); the reason if unread."""
    periods = [c.period for c in columns if c.role == PERIOD_ROLE]
    first, last = periods[0], periods[-1]
    previous = periods[-2] if len(periods) > 1 else None
    for column, cell in zip(columns, values, strict=True):
        if column.role == PERIOD_ROLE:
            continue
        start = previous if column.role == CHANGE_ROLE else first
        if start is None or last is None:
            continue
        kind = "change" if column.role == CHANGE_ROLE else "diff_to_baseline"
        try:
            readings = read_change_cell(cell, change_basis(measure, cell))
        except ValueError:
            return f"cannot read the {kind} cell {cell!r}"
        result.stated_changes.append(
            StatedChange(kind, measure, area, start, last, cell, readings, source, line.locator)
        )
    return ""
