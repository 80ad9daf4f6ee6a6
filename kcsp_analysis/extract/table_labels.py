"""Measure, area and period of a table cell, from its row, its column and the table's context.

A cell's measure, area and period each come from the first of: the row label, the
column header, then the table's context (its header corner cell, caption, heading and
introducing sentence). A row label that names something outside the catalogue never
borrows from the context: only a label that is wholly an area, a period or a total
("Total", "Kent total") takes the measure the context gives, so "Number of stray dogs"
under a caption about domestic abuse is skipped, not read as domestic abuse.

Labels named briefly ("Killed", "Seriously injured") are read through the measure
family the context names ("Road casualties in Kent"): rows of
``kcsp_analysis/data/table_label_aliases.csv`` pair such a label with a context word.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kcsp_analysis import catalogue
from kcsp_analysis.catalogue import normalise_label, strip_markup
from kcsp_analysis.extract.blocks import HEADING_JOIN
from kcsp_analysis.extract.measure_words import single_words, tokens
from kcsp_analysis.extract.sentences import find_periods
from kcsp_analysis.extract.table_columns import (
    cell_period,
    column_words,
    counting_words_only,
    names_only_period,
    names_periods,
)
from kcsp_analysis.extract.table_quarters import is_quarter_column
from kcsp_analysis.periods import MONTH_NAME, Period, month_number


@dataclass(frozen=True)
class TableContext:
    """The text around a table that may name its measure, area or period."""

    corner: str = ""
    caption: str = ""
    heading: str = ""
    intro: str = ""
    scope: str = ""
    """The area the paper says its figures cover, unless stated otherwise ('' for none)."""

    @property
    def texts(self) -> tuple[str, ...]:
        """Return the context texts, nearest to the table first (headings innermost first)."""
        headings = reversed(self.heading.split(HEADING_JOIN))
        return tuple(t for t in (self.corner, self.caption, self.intro, *headings) if t)


_lookup_area = functools.lru_cache(maxsize=8192)(catalogue.lookup_area)


@functools.cache
def _label_aliases() -> tuple[tuple[str, str, str], ...]:
    rows = catalogue.read_data_csv("table_label_aliases.csv")
    return tuple(
        (normalise_label(r["alias"]), normalise_label(r["context"]), r["measure"]) for r in rows
    )


@functools.lru_cache(maxsize=8192)
def brief_measure(label: str, context: str) -> str | None:
    """Return the measure a brief label names in the family ``context`` names, or None.

    None too when the context fits two measures: the label is then not bound.
    """
    folded = _without_units(label)
    if not folded:
        return None
    around = f" {normalise_label(context)}"
    words = _folded_words(folded)  # "% repeat victim" is "% repeat victims" in another number
    found = {
        measure
        for alias, word, measure in _label_aliases()
        if (alias == folded or _folded_words(alias) == words) and f" {word}" in around
    }
    return found.pop() if len(found) == 1 else None


@functools.lru_cache(maxsize=8192)
def _folded_words(text: str) -> tuple[str, ...]:
    return tuple(t.word for t in tokens(text))


def _without_units(label: str) -> str:
    """Return a brief label without counting words or its area ("Kent Cases")."""
    folded = f" {normalise_label(label).replace('number of', ' ')} "
    area = catalogue.resolve_area(label)
    if area is not None:
        for name in _area_names(area):
            folded = folded.replace(f" {name} ", " ")
    return " ".join(w for w in folded.split() if w not in ("no", "n", "count"))


@functools.cache
def _area_names(area: str) -> tuple[str, ...]:
    """Return the folded names and aliases of an area, longest first."""
    names = [a for a, name in catalogue.area_aliases().items() if name == area] + [area]
    return tuple(sorted({normalise_label(n) for n in names}, key=len, reverse=True))


@functools.lru_cache(maxsize=8192)
def is_total(label: str) -> bool:
    """Tell whether a label is a total row ("Total", "All districts", "Kent total").

    A label that starts or ends with a total word ("Total of areas shown") is one too.
    """
    folded = normalise_label(label)
    totals = column_words().get("total", ())
    words = folded.split()
    if folded in totals or (words and (words[0] in totals or words[-1] in totals)):
        return True
    area = catalogue.resolve_area(label)
    if area is None:
        return False
    rest = f" {folded} "
    for name in _area_names(area):
        rest = rest.replace(f" {name} ", " ")
    return " ".join(rest.split()) in totals


SUB_ROW_MARK = re.compile(
    r"\s*(?:[-–—]\s*(?:of\s+which\b)?|of\s+which\b|of\s+these\b|including\b|incl\.?)[\s:,]*",
    re.IGNORECASE,
)
"""How a sub-row opens: "- with injury", "– of which with injury", "of which Kent"."""


@functools.lru_cache(maxsize=8192)
def label_is_place_or_time(label: str) -> bool:
    """Tell whether a label is wholly an area, a period or a total, naming no measure."""
    if not label.strip():
        return False
    if mark := SUB_ROW_MARK.match(label):  # "of which Kent County Council area": a place
        label = label[mark.end() :]
    if _lookup_area(label) is not None or is_total(label) or is_quarter_column(label):
        return True  # "Q1 (Apr–Jun)": a quarter of the column's year
    # "Monthly average 2016/17" names a period, but is not wholly one.
    return names_only_period(label)


@functools.cache
def _table_names() -> tuple[tuple[str, str], ...]:
    """Return the names a table may give a measure by.

    The catalogue's own names ("Robbery"), and the rows of ``table_label_aliases.csv``
    without a context word ("All recorded crime"), which are read in tables only.
    """
    names = [
        (normalise_label(m.display_name), m.id)
        for m in catalogue.measures().values()
        if "(" not in m.display_name
    ]
    names += [(alias, measure) for alias, word, measure in _label_aliases() if not word]
    return tuple(sorted(names, key=lambda pair: -len(pair[0])))


def _premodified(text: str, measure: str) -> bool:
    """Tell whether a label puts a narrowing word just before the measure's name.

    "Residential burglary" or "Business robbery" is a part of the measure the catalogue
    does not hold; the words that narrow are data (``narrowing`` in
    ``data/narrative_words.csv``).
    """
    folded = f" {_without_areas(re.split(r'[:|–—]', text)[-1])} "  # "Table A: ..." is a caption
    names = [n for n, m in _measure_names() if m == measure and f" {n} " in folded]
    if not names:
        return False
    position = min(folded.index(f" {n} ") for n in names)
    before = folded[:position].split()[-1:]
    return bool(before) and before[0] in single_words("narrowing")


@functools.cache
def _measure_names() -> tuple[tuple[str, str], ...]:
    """Every folded name of every measure: catalogue aliases and table names."""
    aliases = [(normalise_label(a), m) for a, m in catalogue.measure_aliases().items()]
    return (*aliases, *_table_names())


_NARROWED = re.compile(r"\b(?:other\s+than|excluding|except|non)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def table_measure(text: str) -> str | None:
    """Return the measure a table's label, header or caption names (alias or name)."""
    if not text:
        return None
    if _NARROWED.search(_without_areas(text)):  # "Kent (excluding Medway)" is a place
        # "Burglary other than a dwelling": a part the catalogue does not hold, unless the
        # whole label is one of its names.
        return _whole_inflected(text)
    found = catalogue.resolve_measure(text)
    if found:
        return None if _premodified(text, found) else found
    folded = f" {normalise_label(text)} "
    found = next((m for name, m in _table_names() if f" {name} " in folded), None)
    if found and _premodified(text, found):
        return None
    if found or (found := _whole_inflected(text)):
        return found
    # "Cases heard at Swale MARAC": the measure's name with the area inside it.
    bare = _without_areas(text)
    if bare != folded.strip() and bare != "number":
        return catalogue.resolve_measure(bare) or _whole_inflected(bare)
    return None


def _whole_inflected(text: str) -> str | None:
    """Return the measure a label names in whole in another inflection ("Robberies")."""
    words = tuple(t.word for t in tokens(strip_markup(text)))
    return _inflected_names().get(words) if words else None


@functools.cache
def _inflected_names() -> dict[tuple[str, ...], str]:
    names = [*catalogue.measure_aliases().items(), *((n, m) for n, m in _table_names())]
    folded: dict[tuple[str, ...], set[str]] = {}
    for name, measure in names:
        folded.setdefault(tuple(t.word for t in tokens(name)), set()).add(measure)
    return {words: next(iter(m)) for words, m in folded.items() if len(m) == 1 and words}


@functools.lru_cache(maxsize=8192)
def measure_for(label: str, column: str, context: TableContext) -> tuple[str | None, str]:
    """Return the cell's measure and where it was found (None and why, if not)."""
    around = " ".join((column, *context.texts))
    found = table_measure(label) or brief_measure(label, around)
    if found:
        return found, "row"
    if label.strip() and not label_is_place_or_time(label):
        return None, f"no catalogue measure for label {label!r}"
    found = table_measure(column) or brief_measure(column, " ".join((label, *context.texts)))
    if found:
        return found, "column"
    if not _column_may_borrow(column):
        # "Crimes per 1,000 population" under an all-crime caption is no count of it.
        return None, f"no catalogue measure for column {column.strip()!r}"
    for text in context.texts:
        found = table_measure(text)
        if found:
            return found, "context"
    return None, f"no catalogue measure for label {label!r} nor in the table's heading or caption"


def _column_may_borrow(column: str) -> bool:
    """Tell whether a column's header lets its cells take the table's measure.

    A header of counting words only ("Number", "Offences recorded"), of an area, of a
    quarter of the row's year ("Q1 Apr-Jun"), or of nothing may; one that names something
    else ("Rate per 1,000", "Detected") may not.
    """
    words = " ".join(strip_markup(column).split())
    if not words or counting_words_only(words) or names_only_area(words):
        return True
    return is_quarter_column(words)  # "Q1 Apr-Jun" under rows of years


def names_only_area(text: str) -> bool:
    """Tell whether a header's words are an area and nothing more ("Kent (KCC area)")."""
    words = " ".join(strip_markup(text).split())
    if not words or catalogue.resolve_area(words) is None:
        return False
    return _lookup_area(words) is not None or counting_words_only(_without_areas(words))


def _without_areas(text: str) -> str:
    folded = f" {normalise_label(text)} "
    for name, _ in catalogue.area_aliases().items():
        folded = folded.replace(f" {normalise_label(name)} ", " ")
    for name in catalogue.areas():
        folded = folded.replace(f" {normalise_label(name)} ", " ")
    return " ".join(folded.split()) or "number"


_ROLLING = re.compile(
    r"\b(?:(?:12|twelve) months|year)\s+(?:to|ending|ended)\s+(?:the\s+end\s+of\s+)?"
    rf"({MONTH_NAME})\b(?!\s*'?\d)",
    re.IGNORECASE,
)


def rolling_month(context: TableContext) -> int:
    """Return the month a table's context says its years end in ("12 months to January").

    >>> rolling_month(TableContext(caption="ASB by area (12 months to January)"))
    1
    >>> rolling_month(TableContext(caption="ASB, 12 months to January 2019"))
    0
    """
    for text in context.texts:
        found = _ROLLING.search(text)
        if found:
            return month_number(found[1])
    return 0


@functools.lru_cache(maxsize=8192)
def area_for(label: str, column: str, context: TableContext) -> str | None:
    """Return the cell's area: the row label's, the column's, else the context's.

    Context that names two areas ("District pack: Dover" over "Kent and Medway
    figures") gives none: the table's area is then not known. Context that names none
    leaves the area the paper states for all its figures, if it states one.
    """
    for text in (label, column):
        found = catalogue.resolve_area(text) if text else None
        if found:
            return found
    for text in context.texts:
        named = catalogue.areas_named(text)
        if len(named) == 1:
            return named[0]
        if named:
            return None
    return context.scope or None


@functools.lru_cache(maxsize=8192)
def period_for(label: str, column_period: Period | None, context: TableContext) -> Period | None:
    """Return the cell's period: the column's, the row label's, else the context's."""
    if column_period is not None:
        return column_period
    from_label = cell_period(label)
    if from_label is not None:
        return from_label
    if names_periods(label):
        return None  # a label naming two periods has no one, and borrows none either
    for text in context.texts:
        found = {m.period for m in find_periods(text) if m.kind == "absolute" and m.period}
        if len(found) == 1:
            return found.pop()
        if found:
            return None  # the context names several periods: none is the table's
    return None


@functools.cache
def _area_sums() -> tuple[tuple[str, frozenset[str]], ...]:
    """Areas that are the sum of other areas, by ``component_sums.csv`` (any measure)."""
    parts: dict[tuple[str, str], set[str]] = {}
    for row in catalogue.read_data_csv("component_sums.csv"):
        if not row["total_measure"] and not row["part_measure"] and row["total_area"]:
            parts.setdefault((row["rule"], row["total_area"]), set()).add(row["part_area"])
    return tuple((total, frozenset(areas)) for (_, total), areas in parts.items())


def total_row_area(label: str, part_areas: frozenset[str]) -> str | None:
    """Return the area a total row totals: the one it names, else the one its parts make.

    Rows of one area (rows of measures) total that area; rows of areas total the area
    that ``component_sums.csv`` says they make up (Kent is its 12 districts), or none.
    """
    named = catalogue.resolve_area(label)
    if named:
        return named
    if len(part_areas) == 1:
        return next(iter(part_areas))
    return next((total for total, parts in _area_sums() if parts == part_areas), None)
