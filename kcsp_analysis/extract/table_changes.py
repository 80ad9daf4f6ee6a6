"""Stated-change cells of tables: arrows, lost arrows and arrows misread as digits.

A change cell prints a change with an arrow for its sign (``▲ 5.3%``). Text extraction
loses arrows or turns them into digits (``<b>4</b> 9%``); every plausible reading is
kept, and the reconciliation chooses the one the table's own figures support.
"""

from __future__ import annotations

import functools
import re

from kcsp_analysis import catalogue, locators
from kcsp_analysis.catalogue import strip_markup
from kcsp_analysis.extract.numbers import parse_figure
from kcsp_analysis.extract.records import Reading
from kcsp_analysis.locators import Locator


@functools.cache
def change_glyphs() -> dict[str, str]:
    """Glyphs (and the digits arrows turn into) that give a printed change its sign."""
    rows = catalogue.read_data_csv("change_glyphs.csv")
    return {row["glyph"]: row["direction"] for row in rows}


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
    """``line 762-763`` from the locators of a block's first and last lines.

    Cells of a sheet give the span of their rows (``sheet 'Q1' row 6-19``).
    """
    start, end = Locator.parse(first), Locator.parse(last)
    if start.unit != end.unit:
        return first
    unit = start.unit[: -len("cell")] + "row" if start.kind == "cell" else start.unit
    return locators.span(unit, start.first, end.end)
