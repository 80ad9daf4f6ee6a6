"""What each column of a table holds: a period, a stated change, or something else.

Two ways of reading a header, one for each kind of grid:

- *aligned* grids (HTML, ruled PDF tables, spreadsheets, markdown pipe tables): every
  cell keeps its column, so a column is read from the header cells above it, spans
  already resolved (``Baseline (2010)`` over ``April - March`` over nothing);
- *gap* tables (tab-separated text, PDF word gaps), whose empty cells carry no place:
  extraction garbles their one- or two-row headers ("Floxy Measure / Illuicator",
  "Baseline April - March  h"), so columns are taken in order from the header row that
  names the most periods, then Change, then Diff. to Baseline. A baseline column whose
  year the header lost takes it from the text around the table.

Column words (change, difference, target, ...) are rows of
``kcsp_analysis/data/table_column_words.csv``, not code.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from kcsp_analysis import catalogue
from kcsp_analysis.catalogue import normalise_label, strip_markup
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.blocks import Cell
from kcsp_analysis.extract.numbers import parse_figure
from kcsp_analysis.extract.sentences import find_periods, is_year_span
from kcsp_analysis.extract.table_quarters import column_quarter, is_quarter_column
from kcsp_analysis.periods import Period, month, parse_period

PERIOD_ROLE, CHANGE_ROLE, DIFF_ROLE = "period", "change", "diff"
# A baseline column without a year; a spare one is used only if rows have a cell for it.
UNDATED_ROLE, SPARE_ROLE = "undated", "spare"
# A column named by a measure or area (its period from the row or the table's context),
# and a column that is not read (a target, a rank, a national comparison).
NAMED_ROLE, SKIP_ROLE = "named", "skip"
_BASELINE_IN_TEXT = re.compile(
    r"(?:(?P<before>\S+(?:\s*[/-]\s*\S+)?)\s+baseline|baseline\s+(?:of|for|in|year)?\s*"
    r"\(?(?P<after>[^\s,;.)]+(?:\s*[/-]\s*[^\s,;.)]+)?))",
    re.IGNORECASE,
)
_MONTH_DASH_YEAR = re.compile(r"^([A-Za-z]{3,9})\.?[-\s/]'?(\d{2})$")
_YEAR_LIKE = range(1990, 2040)


@dataclass(frozen=True)
class Column:
    """What one value column of a table holds; ``text`` is its header, as printed."""

    role: str
    period: Period | None = None
    text: str = ""


@functools.cache
def column_words() -> dict[str, tuple[str, ...]]:
    """Header words by what they make a column (``change``, ``diff``, ``skip``, ...)."""
    words: dict[str, list[str]] = {}
    for row in catalogue.read_data_csv("table_column_words.csv"):
        words.setdefault(row["role"], []).append(normalise_label(row["words"]))
    return {role: tuple(found) for role, found in words.items()}


def has_words(text: str, role: str) -> bool:
    """Tell whether ``text`` holds one of the column words of ``role``."""
    folded = f" {normalise_label(text)} "
    return any(f" {word} " in folded for word in column_words().get(role, ()))


def cell_period(text: str, value: object = None) -> Period | None:
    """Return the one period a header or label cell names, or None.

    A date cell is the month it falls in; ``Apr-14`` is April 2014; a cell naming a
    period among other words (``Cases 2015``, ``Baseline (2010)``) gives it when it names
    exactly one.
    """
    if isinstance(value, date):
        return month(value.year, value.month)
    plain = " ".join(strip_markup(text).split())
    if not re.search(r"\d", plain):
        return None
    dashed = _MONTH_DASH_YEAR.match(plain)
    if dashed:
        plain = f"{dashed[1]} '{dashed[2]}"
    if is_year_span(plain):
        return None  # "2005-09" over a baseline column: five years, no period
    try:
        return parse_period(plain)
    except KcspError:
        pass
    named = [m.period for m in find_periods(plain) if m.kind == "absolute" and m.period]
    # "Q1 2016/17 Apr-Jun 2016" names one stretch of time twice: the first naming stands.
    return named[0] if named and len({(p.start, p.end) for p in named}) == 1 else None


def names_periods(text: str) -> bool:
    """Tell whether a label names a period of its own, whether or not it is one period."""
    return any(m.kind == "absolute" for m in find_periods(strip_markup(text)))


_YEARS = re.compile(r"(?:19|20)\d{2}(?:\s*/\s*\d{2})?")


def _whole_period(text: str) -> Period | None:
    """Return the period a header's stacked cells name together, read as one, or None."""
    try:
        return parse_period(" ".join(strip_markup(text).split()))
    except KcspError:
        return None


def names_only_period(text: str) -> bool:
    """Tell whether a label is wholly a period: ``Feb-18``, ``2015/16 (provisional)``.

    >>> names_only_period("Feb-18"), names_only_period("Monthly average 2016/17")
    (True, False)
    """
    plain = " ".join(strip_markup(text).split())
    dashed = _MONTH_DASH_YEAR.fullmatch(plain)
    try:
        parse_period(f"{dashed[1]} '{dashed[2]}" if dashed else plain)
    except KcspError:
        return cell_period(text) is not None and not words_besides_period(text)
    return True


def words_besides_period(text: str) -> str:
    """Return a header's words once its period and words about periods are taken out."""
    if is_quarter_column(_YEARS.sub(" ", strip_markup(text))):
        return ""  # "2014/15 Q1 (Apr-Jun)": the quarter is the period's own words
    try:
        parse_period(" ".join(strip_markup(text).split()))
    except KcspError:
        pass
    else:
        return ""
    folded = f" {normalise_label(text)} "
    for mention in sorted(find_periods(text), key=lambda m: -len(m.text)):
        folded = folded.replace(f" {normalise_label(mention.text)} ", " ")
    allowed = set(column_words().get("period_word", ()))
    return " ".join(w for w in folded.split() if not w.isdigit() and w not in allowed)


def period_words_only(text: str) -> bool:
    """Tell whether a header holds nothing but its period and words about periods."""
    return not words_besides_period(text)


def is_figure(cell: Cell) -> bool:
    """Tell whether a cell holds one figure (a typed number, or text that reads as one)."""
    if isinstance(cell.value, float):
        return True
    if cell.value is not None:
        return False
    try:
        parse_figure(strip_markup(cell.text))
    except ValueError:
        return False
    return True


def is_year_like(cell: Cell) -> bool:
    """Tell whether a figure cell could be a year heading (``2014`` as a number)."""
    text = strip_markup(cell.text).strip()
    return text.isdigit() and int(text) in _YEAR_LIKE


def counting_words_only(text: str) -> bool:
    """Tell whether a header's words only say what is counted ("Offences recorded").

    Such words name no measure of their own: the row's label does. Which words are
    counting words is data (role ``count_word`` in ``table_column_words.csv``).

    >>> counting_words_only("offences recorded"), counting_words_only("detected")
    (True, False)
    """
    allowed = set(column_words().get("count_word", ()))
    words = normalise_label(text).split()
    return bool(words) and all(word in allowed for word in words)


def role_of(text: str) -> str:
    """Return the role its words give a header: skip, diff, change, or '' for none."""
    if has_words(text, "skip"):
        return SKIP_ROLE
    if has_words(text, "diff") or (has_words(text, "change") and "baseline" in text.lower()):
        return DIFF_ROLE
    if has_words(text, "change"):
        return CHANGE_ROLE
    return ""


def aligned_columns(header: list[tuple[Cell, ...]], width: int, first: int) -> list[Column]:
    """Columns ``first`` to ``width - 1`` of an aligned grid, from the header cells above."""
    columns = []
    for index in range(first, width):
        cells = [row[index] for row in header if index < len(row) and row[index].text]
        texts: list[str] = []
        for cell in cells:
            if not texts or texts[-1] != cell.text:
                texts.append(cell.text)
        combined = " ".join(texts)
        role = role_of(combined)
        # "Year ending March" over "2018" is 2017/18, not the calendar year 2018.
        period = _whole_period(combined) if len(texts) > 1 else None
        period = (
            period
            or next(
                (p for c in reversed(cells) if (p := cell_period(c.text, c.value)) is not None),
                None,
            )
            or cell_period(combined)
        )
        if period is not None and len(texts) > 1:
            # "2014/15" over "Q1 (Apr-Jun)": the quarter of the year above it.
            period = column_quarter(texts[-1], period) or period
        if role:
            columns.append(Column(role, None, combined))
        elif period is None and is_year_span(strip_markup(combined)):
            columns.append(Column(SKIP_ROLE, None, combined))  # "Average 2010-14"
        elif period is not None:
            columns.append(Column(PERIOD_ROLE, period, combined))
        elif "baseline" in combined.lower():
            columns.append(Column(UNDATED_ROLE, None, combined))
        else:
            columns.append(Column(NAMED_ROLE, None, combined))
    return columns


def gap_columns(header: list[list[str]], context: str) -> list[Column]:
    """Columns of a gap table from its header rows and the text around it.

    The row naming the most periods gives the order; a "Baseline" cell before the
    periods, or a missing column announced by "Baseline" in the rows above, is a
    baseline whose year is read from ``context``.
    """
    scored = [
        (sum(cell_period(c) is not None for c in row), -i, row) for i, row in enumerate(header)
    ]
    if not scored or max(scored)[0] == 0:
        return []
    bottom = max(scored)[2]
    others = " ".join(" ".join(row) for row in header if row is not bottom).lower()
    columns: list[Column] = []
    for cell in bottom:
        word = strip_markup(cell).strip().lower()
        period = cell_period(cell)
        seen_period = any(c.role in (PERIOD_ROLE, UNDATED_ROLE) for c in columns)
        if period is not None:
            columns.append(Column(PERIOD_ROLE, period, cell))
        elif is_year_span(strip_markup(cell)):
            columns.append(Column(SKIP_ROLE, None, cell))  # "2005-09 baseline avg"
        elif word.startswith("change"):
            columns.append(Column(CHANGE_ROLE, None, cell))
        elif "diff" in word or (word == "baseline" and seen_period):
            columns.append(Column(DIFF_ROLE, None, cell))
        elif word == "baseline":
            columns.append(Column(UNDATED_ROLE, None, cell))
    spans = any(c.role == SKIP_ROLE for c in columns)  # the baseline column is there
    if (
        columns
        and columns[0].role == PERIOD_ROLE
        and "baseline" in others.split("diff")[0]
        and not spans
    ):
        # "Baseline" above the periods: if rows have one value more than the period row
        # has columns, the baseline column's cell (with its year) was lost in extraction.
        columns.insert(0, Column(SPARE_ROLE))
    return date_baselines(columns, context)


def date_baselines(columns: list[Column], context: str) -> list[Column]:
    """Give undated baseline columns the year the text around the table names."""
    return [
        _date_baseline(c, context) if c.role in (UNDATED_ROLE, SPARE_ROLE) else c for c in columns
    ]


def _date_baseline(column: Column, context: str) -> Column:
    for match in _BASELINE_IN_TEXT.finditer(strip_markup(context)):
        period = cell_period(match["before"] or match["after"] or "")
        if period is not None:
            role = PERIOD_ROLE if column.role == UNDATED_ROLE else column.role
            return Column(role, period, column.text)
    return column


def fit_columns(columns: list[Column], n_values: int) -> list[Column]:
    """Use a spare baseline column only when the row has a cell for it."""
    spare = [c for c in columns if c.role == SPARE_ROLE]
    rest = [c for c in columns if c.role != SPARE_ROLE]
    if spare and n_values == len(rest) + 1:
        dated = spare[0]
        role = PERIOD_ROLE if dated.period is not None else UNDATED_ROLE
        return [Column(role, dated.period, dated.text), *rest]
    return rest
