"""What a table row gives its cells: a measure (its own, a sub-row's, an average's) and an area.

A sub-row ("- with injury" under "Violence against the person") names its measure with
the row above; an average row ("Average cases heard per month") names the per-month form
of a count; a total row's area is the sum of its parts unless its label names a measure
("Total recorded crime"); a column of the year before ("Same month previous year") takes
the measure of the column to its left.
"""

from __future__ import annotations

import functools

from kcsp_analysis import catalogue
from kcsp_analysis.catalogue import strip_markup
from kcsp_analysis.extract.measure_words import find_phrase, measure_tokens, narrative_words, tokens
from kcsp_analysis.extract.table_averages import average_per, averaged_measure, split_average_label
from kcsp_analysis.extract.table_columns import NAMED_ROLE, Column, words_besides_period
from kcsp_analysis.extract.table_labels import (
    SUB_ROW_MARK,
    TableContext,
    area_for,
    is_total,
    measure_for,
    total_row_area,
)
from kcsp_analysis.extract.table_sections import DataRow
from kcsp_analysis.extract.table_units import year_before_header


def left_named_header(row: DataRow, column: Column) -> str:
    """Return the header of the nearest column to the left that names a measure, or ''."""
    named = [c for c, _ in row.values if c.role == NAMED_ROLE]
    before = named[: named.index(column)] if column in named else []
    return next(
        (strip_markup(c.text).strip() for c in reversed(before) if not year_before_header(c.text)),
        "",
    )


def row_measure(
    context: TableContext, parent: str, row: DataRow, label: str, column_words: str
) -> tuple[str | None, str]:
    """Return the cell's measure (or None and why) from its row, column or context.

    ``parent`` is the label of the last row above that is no sub-row.

    A row or column that is a benchmark ("SafeLives recommended cases per 10,000") has
    none: its cells are not the area's figures.
    """
    for words in (label, column_words):
        found = find_phrase(tokens(words), narrative_words("benchmark"))
        if found:
            return None, f"a benchmark, expectation or target ({words[found[0] : found[1]]!r})"
    measure, why = measure_for(label, column_words, context)
    per, counted = split_average_label(label)
    if measure is None and per:
        # "Average cases heard per month": the per-month form of the count it names.
        base, _ = measure_for(words_besides_period(counted), column_words, context)
        measure = averaged_measure(base, per) if base else None
    own = next((t for t in (label, strip_markup(row.inner)) if SUB_ROW_MARK.match(t)), "")
    if measure is None and parent and own:
        # "Violence against the person" then "- with injury": the sub-row of the row above
        # (or "Violence | – of which with injury" under a theme). The join must name a
        # measure the parent alone does not: "of which shoplifting" under theft is none.
        mark = SUB_ROW_MARK.match(own)
        joined = f"{parent} {own[mark.end() :] if mark else own}"
        measure = measure_for(joined, column_words, context)[0]
        if measure == measure_for(parent, column_words, context)[0]:
            measure = None
    if measure is None and row.inner:
        # "Violence | Robbery": a theme column groups the rows; the inner label names them.
        measure, _ = measure_for(strip_markup(row.inner).strip(), column_words, context)
    if measure is None and row.place and _names_groups_only(label, row.place):
        # "Ashford | East": the division groups the districts; the column names the measure.
        measure, _ = measure_for(strip_markup(row.place).strip(), column_words, context)
    return measure, why


def row_area(
    label: str, header: str, context: TableContext, part_areas: frozenset[str]
) -> tuple[str | None, str]:
    """Return the cell's area, or None and why: a total row's is the sum of its parts."""
    if is_total(label) and not names_measure(label):
        area = total_row_area(label, part_areas)
        why = f"total row {label!r}: no catalogue area is the sum of the rows above it"
        return area, "" if area else why
    area = area_for(label, header, context)
    why = f"no catalogue area in label {label!r} nor in the table's heading or caption"
    return area, "" if area else why


def names_measure(label: str) -> bool:
    """Tell whether a label names a measure by itself: "Total recorded crime" is no total row."""
    return measure_for(label, "", TableContext())[0] is not None


def average_row(label: str) -> str:
    """Return what an average row averages over ("month"), its period aside; else ''."""
    plain = strip_markup(label).strip()
    return average_per(plain) or (average_per(words_besides_period(plain)) if plain else "")


def _names_groups_only(label: str, place: str) -> bool:
    """Tell whether a label's cells besides its place use no word of any measure's name.

    "Ashford East" groups Ashford under a division; "Kent Victims satisfied with service
    (%)" names a measure the catalogue may not read, and the column's is not its.
    """
    rest = strip_markup(label).replace(strip_markup(place), " ")
    return not any(t.word in _measure_words() for t in tokens(rest))


@functools.cache
def _measure_words() -> frozenset[str]:
    return frozenset(w for m in catalogue.measures() for w in measure_tokens(m))
