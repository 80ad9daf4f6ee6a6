"""The one table interpreter: a table block of any container to figures and stated changes.

A table is cut into sections, each a header (one or more rows) and the data rows under
it; a second header inside a table starts a new section. The header gives each value
column its role (:mod:`~kcsp_analysis.extract.table_columns`): a period, a stated change
(last period on the one before), a difference to the baseline (last period on the
first), a column named by a measure or area, or one not read (a target). Each value
cell then takes its measure, area and period from its row label, its column and the
table's context (:mod:`~kcsp_analysis.extract.table_labels`). A cell any of the three is
not given for is skipped, and its row logged with the reason; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kcsp_analysis.catalogue import strip_markup
from kcsp_analysis.extract.blocks import Cell, TableBlock
from kcsp_analysis.extract.numbers import parse_figure
from kcsp_analysis.extract.records import LogEntry, Observation, StatedChange
from kcsp_analysis.extract.sentences import shift_period
from kcsp_analysis.extract.table_averages import (
    averaged_measure,
    rows_period,
)
from kcsp_analysis.extract.table_changes import change_basis, read_change_cell, span_locator
from kcsp_analysis.extract.table_columns import (
    CHANGE_ROLE,
    DIFF_ROLE,
    NAMED_ROLE,
    PERIOD_ROLE,
    UNDATED_ROLE,
    Column,
    cell_period,
    counting_words_only,
    has_words,
    role_of,
    words_besides_period,
)
from kcsp_analysis.extract.table_labels import (
    SUB_ROW_MARK,
    TableContext,
    area_for,
    is_total,
    label_is_place_or_time,
    measure_for,
    names_only_area,
    period_for,
    rolling_month,
)
from kcsp_analysis.extract.table_quarters import column_quarter, is_quarter_column
from kcsp_analysis.extract.table_rows import (
    average_row,
    left_named_header,
    row_area,
    row_measure,
)
from kcsp_analysis.extract.table_sections import DataRow, aligned_sections, gap_sections
from kcsp_analysis.extract.table_units import percent_form, unit_mismatch, year_before_header
from kcsp_analysis.periods import Period, twelve_months_to


@dataclass
class TableResult:
    """Figures, stated changes and log entries from the tables of one document."""

    observations: list[Observation] = field(default_factory=list)
    stated_changes: list[StatedChange] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)
    table_line_indexes: set[int] = field(default_factory=set)


@dataclass
class _Reading:
    source: str
    block: str
    context: TableContext
    result: TableResult
    part_areas: frozenset[str] = frozenset()
    row_periods: tuple[Period | None, ...] = ()
    """Periods of the section's rows that are neither totals nor averages."""
    parent: str = ""
    """The label of the last row that is no sub-row ("- with injury" is one of it)."""


def read_table(table: TableBlock, source: str, result: TableResult, scope: str = "") -> None:
    """Add the figures and stated changes of one table block to ``result``, and its log.

    The table is logged ``used`` with the rows skipped in it, or ``skipped`` with the
    first reason a row gave (or why it is not a table of figures). ``scope`` is the
    area the text above says the paper's figures cover.
    """
    rows = [row for row in table.rows if any(strip_markup(c.text).strip() for c in row)]
    if not rows:
        return
    locator = span_locator(rows[0][0].locator, rows[-1][0].locator)
    block = "sheet" if table.container == "sheet" else "table"
    shown = [c.text for c in rows[0] if c.text.strip() or not table.aligned]
    excerpt = strip_markup(" | ".join(shown))[:120]
    sections = aligned_sections(rows) if table.aligned else gap_sections(rows, table)
    before = len(result.observations) + len(result.stated_changes)
    skipped: list[LogEntry] = []
    for corner, data_rows in sections:
        context = TableContext(corner, *_context_of(table), scope=scope)
        parts = {
            area_for(strip_markup(r.label), "", context) for r in data_rows if not is_total(r.label)
        }
        periods = tuple(
            cell_period(strip_markup(r.label))
            for r in data_rows
            if not is_total(r.label) and not average_row(r.label)
        )
        areas = frozenset(a for a in parts if a)
        reading = _Reading(source, block, context, result, areas, periods)
        for row in data_rows:
            if not any(SUB_ROW_MARK.match(strip_markup(t)) for t in (row.label, row.inner)):
                reading.parent = strip_markup(row.label).strip()
            reason = row.problem or _row_to_records(reading, row)
            if reason:
                label = strip_markup(row.label).strip()[:120]
                skipped.append(LogEntry(source, row.locator, block, "skipped", 0, reason, label))
    figures = len(result.observations) + len(result.stated_changes) - before
    if figures:
        result.log.append(LogEntry(source, locator, block, "used", figures, "", excerpt))
        result.log.extend(skipped)
        return
    text = " ".join(c.text for row in rows for c in row)
    if skipped:
        reason = skipped[0].reason
    elif "£" in text:
        reason = "money figures; not a performance table"
    else:
        reason = "no data rows (a label followed by figures): not a performance table"
    result.log.append(LogEntry(source, locator, block, "skipped", 0, reason, excerpt))


def _context_of(table: TableBlock) -> tuple[str, str, str]:
    return (
        strip_markup(table.caption).strip(),
        strip_markup(table.heading).strip(),
        strip_markup(table.intro).strip(),
    )


def _row_to_records(reading: _Reading, row: DataRow) -> str:
    """Add the row's figures and changes; the reason the row (or a cell) was skipped.

    Two cells of a row that would be the same figure (measure, area and period) are
    both skipped: the table does not say which is meant.
    """
    if any(c.role == UNDATED_ROLE for c, _ in row.values):
        return "a baseline column has no year in the header or the text around the table"
    reasons: list[str] = []
    found: list[Observation] = []
    for column, cell in row.values:
        if column.role not in (PERIOD_ROLE, NAMED_ROLE):
            continue
        reason = _cell_to_record(reading, row, column, cell, found)
        if reason and reason not in reasons:
            reasons.append(reason)
    keys = [(o.measure, o.area, o.period) for o in found]
    twice = _repeated(keys)
    if twice:
        reasons.append(f"{len(twice)} figures given by two columns of the row; none read")
    kept = [o for o, key in zip(found, keys, strict=True) if key not in twice]
    reading.result.observations.extend(kept)
    if reasons and not kept:
        return reasons[0]
    periods = [(o.period, o.measure, o.area) for o in kept]
    change_reason = _row_changes(reading, row, periods)
    return "; ".join(reasons) or change_reason


def _repeated(keys: list[tuple[str, str, Period]]) -> set[tuple[str, str, Period]]:
    seen: set[tuple[str, str, Period]] = set()
    twice = set()
    for key in keys:
        if key in seen:
            twice.add(key)
        seen.add(key)
    return twice


def _cell_to_record(
    reading: _Reading,
    row: DataRow,
    column: Column,
    cell: Cell,
    found: list[Observation],
) -> str:
    """Record one value cell; return the reason it was skipped, or ''."""
    if average_row(row.label):
        return _average_cell(reading, row, column, cell, found)
    return _labelled_cell(reading, row, column, cell, found)


def _labelled_cell(
    reading: _Reading,
    row: DataRow,
    column: Column,
    cell: Cell,
    found: list[Observation],
) -> str:
    label = strip_markup(row.label).strip()
    header = strip_markup(column.text).strip() if column.role == NAMED_ROLE else ""
    try:
        value, decimals, is_percent = _cell_value(cell)
    except ValueError:
        return ""  # not a figure ("n/a", an arrow): nothing printed to read
    if column.role == PERIOD_ROLE and not _period_header_is_plain(
        column, _place_label(row, label), reading
    ):
        return f"column {column.text!r} names more than its period"
    years_back = year_before_header(header)
    if years_back:
        # "ASB incidents | Same month previous year": the left column's measure, a year back.
        header = left_named_header(row, column)
    measure, why = row_measure(
        reading.context, reading.parent, row, label, header or _period_column_words(column)
    )
    if measure is None:
        return why
    area, why = row_area(
        label, header or strip_markup(column.text).strip(), reading.context, reading.part_areas
    )
    if area is None:
        return why
    period = _cell_period(label, column, header, reading)
    if period is None:
        return f"no period for the cell {cell.text!r} in its column, row or the table's context"
    if years_back:
        period = shift_period(period, -years_back)
    texts = (label, header, *reading.context.texts)
    measure = percent_form(measure, is_percent, (label, header))
    if why := unit_mismatch(measure, cell, (value, is_percent), texts, column.text):
        return why
    found.append(
        Observation(
            measure,
            area,
            period,
            value,
            "",
            reading.source,
            _cell_locator(row, cell),
            row.quote,
            decimals=decimals,
            block=reading.block,
        )
    )
    return ""


def _average_cell(
    reading: _Reading, row: DataRow, column: Column, cell: Cell, found: list[Observation]
) -> str:
    """Record the cell of an average row ("Monthly average"): the column's measure per month."""
    label = strip_markup(row.label).strip()
    per = average_row(label)
    if column.role != NAMED_ROLE:
        return f"average row {label!r}: its column is a period, not a measure"
    header = strip_markup(column.text).strip()
    base, why = measure_for("", header, reading.context)
    if base is None:
        return why
    measure = averaged_measure(base, per)
    if not measure:
        return f"average row {label!r}: the catalogue holds no {base} per {per}"
    area = area_for("", header, reading.context)
    if area is None:
        return f"average row {label!r}: no catalogue area in the table's heading or caption"
    period = rows_period(list(reading.row_periods), per)
    named = cell_period(label)  # "Monthly average 2016/17"
    if named is not None and period not in (None, named):
        return f"average row {label!r}: the rows above it make up {period}, not {named}"
    period = period or named
    if period is None:
        return f"average row {label!r}: the rows above it make up no one year"
    try:
        value, decimals, is_percent = _cell_value(cell)
    except ValueError:
        return ""  # not a figure: nothing printed to read
    if is_percent:
        return f"average row {label!r}: a percent cell is no average count"
    found.append(
        Observation(
            measure,
            area,
            period,
            value,
            "",
            reading.source,
            _cell_locator(row, cell),
            row.quote,
            decimals=decimals,
            block=reading.block,
        )
    )
    return ""


_QUARTER_WORD = re.compile(r"\bQ[1-4]\b|\bquarter\b", re.IGNORECASE)


def _cell_period(label: str, column: Column, header: str, reading: _Reading) -> Period | None:
    """Return the cell's period: its column's, row's or context's; "Q1" of a row's year.

    A year column under a caption that says "(12 months to January)" is the twelve
    months to January of that year, not the calendar year.
    """
    period = period_for(label, column.period, reading.context)
    month = rolling_month(reading.context)
    if month and period is not None and period.period_type == "calendar_year":
        return twelve_months_to(period.start.year, month)
    if period is not None and column.role == NAMED_ROLE:
        if quarter := column_quarter(header, period):
            return quarter  # "Q1 Apr-Jun" of a "2015/16" row
        # a quarter this reader cannot place is not the whole year
        return None if _QUARTER_WORD.search(header) else period
    if period is not None and column.role == PERIOD_ROLE and is_quarter_column(label):
        return column_quarter(label, period)  # a "Q1 (Apr–Jun)" row under a "2016/17" column
    return period


def _period_column_words(column: Column) -> str:
    """Return the words of a period column's header besides its period."""
    return words_besides_period(column.text)


def _place_label(row: DataRow, label: str) -> str:
    """Return the row's label, or its inner label when only that is a place or time.

    "North Division | Dartford": the division groups the rows; Dartford is the place.
    """
    inner = strip_markup(row.inner).strip()
    if inner and not label_is_place_or_time(label) and label_is_place_or_time(inner):
        return inner
    return label


def _period_header_is_plain(column: Column, label: str, reading: _Reading) -> bool:
    """Tell whether a period column's other words, if any, name the cell's measure."""
    if has_words(column.text, "skip"):
        return False
    rest = words_besides_period(column.text)
    if not rest or counting_words_only(rest) or names_only_area(rest):
        return True  # "Offences recorded 2015/16", "Kent (excluding Medway) Q3 2017/18"
    if not label_is_place_or_time(label):
        return False  # the row names the measure; the column's words would be a second one
    measure, _ = measure_for(label, rest, reading.context)
    return measure is not None and role_of(rest) == ""


def _cell_locator(row: DataRow, cell: Cell) -> str:
    return cell.locator if cell.locator.startswith("sheet") else row.locator


def _cell_value(cell: Cell) -> tuple[float, int, bool]:
    if isinstance(cell.value, float):
        return cell.value, cell.decimals or 0, cell.text.endswith("%")
    return parse_figure(cell.text)


def _row_changes(reading: _Reading, row: DataRow, periods: list[tuple[Period, str, str]]) -> str:
    """Add the row's stated changes (change and baseline columns); the reason if unread."""
    if len({(m, a) for _, m, a in periods}) != 1 or len(periods) < 2:
        return ""  # changes relate one series: a row of several measures or areas has none
    series = periods
    ordered = [p for p, _, _ in series]
    first, previous, last = ordered[0], ordered[-2], ordered[-1]
    _, measure, area = series[0]
    for column, cell in row.values:
        if column.role not in (CHANGE_ROLE, DIFF_ROLE):
            continue
        start = previous if column.role == CHANGE_ROLE else first
        kind = "change" if column.role == CHANGE_ROLE else "diff_to_baseline"
        try:
            readings = read_change_cell(cell.text, change_basis(measure, cell.text))
        except ValueError:
            return f"cannot read the {kind} cell {cell.text!r}"
        reading.result.stated_changes.append(
            StatedChange(
                kind,
                measure,
                area,
                start,
                last,
                cell.text,
                readings,
                reading.source,
                _cell_locator(row, cell),
            )
        )
    return ""
