"""Plain-English wording of figures and changes for briefings.

Words follow the measure's polarity in the catalogue: a change is described as rising or
falling; only measures with an agreed direction (``up_is_good``, ``up_is_bad``) are
called an improvement or a deterioration. For ``contested`` measures the partnership's
own reading, the description's sentences after the first, is added instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from kcsp_analysis import catalogue

HOME_AREA = "Kent"
"""The partnership's own area: sentences about it leave the area name out."""


def format_value(value: float, unit: str, qualifier: str = "", decimals: int | None = None) -> str:
    """Return a figure as a briefing prints it.

    ``decimals`` is the number of decimals the source printed (the measures frame's
    ``decimals`` column); with it the figure keeps its printed precision (``2.0%``).

    Examples
    --------
    >>> format_value(20276, "count")
    '20,276'
    >>> format_value(24.8, "percent")
    '24.8%'
    >>> format_value(2.0, "percent", decimals=1)
    '2.0%'
    >>> format_value(24.8, "percent", decimals=0)
    '24.8%'
    >>> format_value(57000, "count", "more_than")
    'over 57,000'
    >>> format_value(145, "count_per_month")
    '145 a month'
    """
    if decimals is not None and decimals >= 0:
        # The printed decimals only add the zeros a float loses ("2.0"); never cut digits.
        places = max(decimals, _decimals_of(value))
        number = f"{value:,.{places}f}"
        if unit == "percent":
            number = f"{value:.{places}f}%"
    else:
        number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
        if unit == "percent":
            number = f"{value:g}%"
    if unit == "count_per_month":
        number = f"{number} a month"
    word = dict(catalogue.qualifier_words("briefing")).get(qualifier)
    return f"{word} {number}" if word else number


def _decimals_of(value: float) -> int:
    return len(format(float(value), ".10g").partition("e")[0].partition(".")[2])


def format_row(row: Mapping[str, Any]) -> str:
    """Return the figure of one row of the measures frame as the source printed it.

    >>> format_row({"value": 24.0, "unit": "percent", "qualifier": "", "decimals": 1})
    '24.0%'
    >>> format_row({"value": 19000.0, "unit": "count", "qualifier": "more_than"})
    'over 19,000'
    """
    decimals = row.get("decimals")
    printed = None if decimals is None or pd.isna(decimals) else int(decimals)
    return format_value(float(row["value"]), str(row["unit"]), str(row["qualifier"]), printed)


def format_p_value(p: float) -> str:
    """``p = 0.039``, ``p < 0.001``.

    >>> format_p_value(0.03900686)
    'p = 0.039'
    >>> format_p_value(2e-7)
    'p < 0.001'
    """
    return "p < 0.001" if p < 0.001 else f"p = {p:.2g}" if p < 0.1 else f"p = {p:.2f}"


def format_change(
    change: float, unit: str, pct_change: float | None, *, rough: bool = False
) -> str:
    """Return the size of a change without its sign: ``5.3%``, ``0.6 percentage points``.

    With ``rough`` (a change between approximate figures) it is rounded to a whole
    number and said to be rough.

    >>> format_change(1017, "count", 5.28)
    '5.3%'
    >>> format_change(-1.7, "percent", None)
    '1.7 percentage points'
    >>> format_change(-7000, "count", -12.28, rough=True)
    'roughly 12%'
    """
    digits = 0 if rough else 1
    prefix = "roughly " if rough else ""
    if unit == "percent":
        size = round(abs(change), digits)
        return f"{prefix}{size:.{digits}f} percentage point{'' if size == 1 else 's'}"
    if pct_change is None:
        return f"{prefix}{abs(change):,g}"
    return f"{prefix}{abs(pct_change):.{digits}f}%"


def direction_word(change: float) -> str:
    """``rose``, ``fell`` or ``was unchanged``."""
    return "rose" if change > 0 else "fell" if change < 0 else "was unchanged"


def subject(measure_id: str, area: str) -> str:
    """``Domestic abuse incidents`` or ``Domestic burglary in Dover``."""
    name = catalogue.measure(measure_id).display_name
    return name if area == HOME_AREA else f"{name} in {area}"


def polarity_reading(measure_id: str, change: float) -> str:
    """Return what a change means for the measure's polarity, as a sentence ('' if nothing to add).

    Examples
    --------
    >>> polarity_reading("ksi_casualties", 70)
    'This is a deterioration.'
    >>> polarity_reading("da_incidents", 1017)
    'A rise is read by the partnership as more victims coming forward as well as more abuse.'
    """
    item = catalogue.measure(measure_id)
    if change == 0:
        return ""
    if item.polarity == "contested":
        return _reading_of(item.description)
    good = (change > 0) == (item.polarity == "up_is_good")
    return "This is an improvement." if good else "This is a deterioration."


def _reading_of(description: str) -> str:
    # The first sentence says what the measure is; the rest, if any, how to read it.
    _first, _, rest = description.partition(". ")
    return rest.strip() if rest else ""
