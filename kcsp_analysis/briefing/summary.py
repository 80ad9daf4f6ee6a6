"""The one-page summary that opens the overview: as-at date, a few sentences, one table.

Every row is a measure: its latest figure and period, its change (the comparison the
findings lead with: a year earlier, or the like-for-like baseline across a series
break), an arrow, whether it is like for like, whether it is more than the usual
movement (from :func:`kcsp_analysis.compare`: yes, no or can't tell), a sparkline and
what it means in a few words. Measures published only for another area (Kent and
Medway) are rows labelled with that area. The prose is at most :data:`MAX_PROSE_WORDS`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis import Comparison, series
from kcsp_analysis.analysis.wording import HOME_AREA, format_change, format_row, format_value
from kcsp_analysis.briefing.findings import (
    focus_period,
    lead_comparison,
    main_period_type,
    measures_with_figures,
)
from kcsp_analysis.briefing.plain import short_verdict, word_count
from kcsp_analysis.briefing.sparkline import sparkline_svg
from kcsp_analysis.briefing.tables import signed_change

MAX_PROSE_WORDS = 150
ARROWS = {1: ("▲", "up"), -1: ("▼", "down"), 0: ("►", "no change")}


@dataclass(frozen=True)
class SummaryRow:
    """One measure in the summary table."""

    measure: str
    area: str
    name: str
    latest: str
    change: str
    direction: int
    like_for_like: str
    beyond_usual: str
    spark: str
    meaning: str


def as_at(document_dates: Mapping[str, str], frame: pd.DataFrame, area: str) -> tuple[str, str]:
    """Return the latest meeting date of the papers with figures, and the latest period.

    >>> as_at({"a.md": "2014-07-08"}, pd.DataFrame(), "Kent")
    ('8 July 2014', '')
    """
    dates = sorted(d for d in document_dates.values() if d)
    when = dt.date.fromisoformat(dates[-1]) if dates else None
    shown = f"{when.day} {when:%B %Y}" if when else "undated"
    mine = frame[frame["area"] == area] if not frame.empty else frame
    if mine.empty:
        return shown, ""
    latest = mine.sort_values("period_end").iloc[-1]
    return shown, str(latest["period"])


def meaning(result: Comparison | None, stated: str) -> str:
    """Return what a row means, in a few words."""
    if result is None:
        return "The paper's own figure; cannot be checked." if stated else "One figure: no trend."
    if result.breaks:
        return "Counting changed: not like for like."
    if result.significant is None and result.approximate:
        return "Approximate figures: cannot judge."
    if result.significant is None:
        return {
            "survey": "Survey sizes unpublished: cannot judge.",
            "binomial": "Case numbers unpublished: cannot judge.",
        }.get(result.model, "Too few figures to judge.")
    if not result.significant:
        return "Within the usual ups and downs."
    polarity = catalogue.measure(result.measure).polarity
    if polarity == "contested":
        return "A real change, read two ways."
    worse = (result.change > 0) == (polarity == "up_is_bad")
    return "A real change for the worse." if worse else "A real change for the better."


def _change_text(result: Comparison | None, stated: str) -> str:
    if result is None:
        return f"{stated} (paper's figure)" if stated else "–"
    size = format_change(result.change, result.unit, result.pct_change, rough=result.approximate)
    size = size.replace(" percentage points", " pts").replace(" percentage point", " pt")
    sign = "+" if result.change > 0 else "−" if result.change < 0 else ""
    about = "about " if size.startswith("roughly ") else ""
    size = size.removeprefix("roughly ")
    per = ", daily rate" if result.basis == "rate per day" else ""
    return f"{about}{sign}{size} on {result.from_period}{per}"


def _stated(reconciliation: pd.DataFrame | None, measure: str, area: str, period: str) -> str:
    if reconciliation is None or reconciliation.empty:
        return ""
    rows = reconciliation[
        (reconciliation["kind"] == "change")
        & (reconciliation["measure"] == measure)
        & (reconciliation["area"] == area)
        & (reconciliation["to_period"] == period)
    ]
    if rows.empty:
        return ""
    row = rows.iloc[0]
    return f"{signed_change(row['stated'], str(row['unit']))} on {row['from_period']}"


def _stated_row(reconciliation: pd.DataFrame | None, measure: str, area: str) -> SummaryRow | None:
    """Return a row for a change the papers state for an area with no figure of its own."""
    if reconciliation is None or reconciliation.empty:
        return None
    rows = reconciliation[
        (reconciliation["kind"] == "change")
        & (reconciliation["measure"] == measure)
        & (reconciliation["area"] == area)
    ]
    if rows.empty:
        return None
    row = rows.iloc[-1]
    stated = f"{signed_change(row['stated'], str(row['unit']))} on {row['from_period']}"
    return SummaryRow(
        measure=measure,
        area=area,
        name=catalogue.measure(measure).display_name,
        latest=f"not published ({row['to_period']})",
        change=_change_text(None, stated),
        direction=-1 if stated.startswith("-") else 1,
        like_for_like="–",
        beyond_usual="can't tell",
        spark="",
        meaning=meaning(None, stated),
    )


def _row(
    frame: pd.DataFrame,
    measure: str,
    area: str,
    period: str | None,
    reconciliation: pd.DataFrame | None,
) -> SummaryRow | None:
    target = focus_period(frame, measure, area, period)
    if target is None:
        return None
    everything = series(frame, measure, area)
    latest = everything[everything["period"] == target].iloc[-1]
    figure = format_row(latest)
    result = lead_comparison(frame, measure, area, target)
    stated = "" if result is not None else _stated(reconciliation, measure, area, target)
    main = everything[everything["period_type"] == main_period_type(everything)]
    name = catalogue.measure(measure).display_name
    label = f"{name}, {area}: " + ", ".join(
        f"{format_value(v, str(u), q)} in {p}"
        for p, v, u, q in zip(
            main["period"], main["value"], main["unit"], main["qualifier"], strict=True
        )
    )
    change = result.change if result is not None else 0.0
    if result is None and stated:
        change = -1.0 if stated.startswith("-") else 1.0
    return SummaryRow(
        measure=measure,
        area=area,
        name=name if area == HOME_AREA else f"{name} ({area})",
        latest=f"{figure} ({target})",
        change=_change_text(result, stated),
        direction=(change > 0) - (change < 0),
        like_for_like="–" if result is None else "no" if result.breaks else "yes",
        beyond_usual=short_verdict(result),
        spark=sparkline_svg(main.reset_index(drop=True), measure, label),
        meaning=meaning(result, stated),
    )


def summary_rows(
    frame: pd.DataFrame,
    area: str,
    period: str | None = None,
    *,
    reconciliation: pd.DataFrame | None = None,
    comparators: tuple[str, ...] = ("Kent", "Kent and Medway", "Medway", "England and Wales"),
) -> list[SummaryRow]:
    """Return a row per measure with figures for ``area``, then comparator-only rows.

    A measure with no figure for ``area`` but a change the papers state for it gets a
    row of that change; else one for a comparator area, the first that has it, labelled
    with that area.
    """
    rows = []
    present = measures_with_figures(frame, catalogue.measures(), area)
    for measure in catalogue.measures():
        stated = _stated_row(reconciliation, measure, area) if measure not in present else None
        if stated is not None:
            rows.append(stated)
            continue
        chosen = area if measure in present else None
        if chosen is None:
            chosen = next(
                (
                    a
                    for a in comparators
                    if a != area and measure in set(frame.loc[frame["area"] == a, "measure"])
                ),
                None,
            )
        if chosen is not None and (row := _row(frame, measure, chosen, period, reconciliation)):
            rows.append(
                row
                if chosen == area
                else dataclasses.replace(
                    row, name=f"{catalogue.measure(measure).display_name} ({chosen})"
                )
            )
    return rows


def summary_prose(rows: list[SummaryRow], area: str, when: str, latest: str) -> list[str]:
    """Return the summary's sentences (at most :data:`MAX_PROSE_WORDS` words in all)."""
    mine = [r for r in rows if r.area == area]
    real = [r for r in mine if r.beyond_usual == "yes"]
    broken = [r for r in mine if r.like_for_like == "no"]
    unknown = [r for r in mine if r.beyond_usual == "can't tell" and r.like_for_like == "yes"]
    single = [r for r in mine if r.like_for_like == "–"]
    figures = [r for r in mine if r.spark]
    sentences = [
        f"{_count(len(figures), 'measure has', 'measures have')} figures for {area} in the "
        f"partnership's papers up to {when}."
        if figures
        else f"No measure has figures for {area} in the partnership's papers up to {when}; "
        f"the papers state {_count(len(mine), 'change', 'changes', lower=True)} for it."
        if mine
        else f"No measure has figures for {area} in the partnership's papers up to {when}."
    ]
    if real:
        named = "; ".join(
            f"{r.name.lower()} ({r.change}, {r.meaning.lower().rstrip('.')})" for r in real
        )
        sentences.append(
            f"{_count(len(real), 'change is', 'changes are')} more than the usual "
            f"year-to-year movement: {named}."
        )
    elif figures:
        sentences.append("No change is shown to be more than the usual year-to-year movement.")
    if broken:
        sentences.append(
            f"{_count(len(broken), 'change crosses', 'changes cross')} a change in how the "
            f"figures are counted, so no verdict is given: {_names(broken)}."
        )
    if unknown:
        sentences.append(
            f"For {_count(len(unknown), 'other', 'others', lower=True)} the papers give too "
            "little to judge the change"
            + (
                f"; {_count(len(single), 'measure has', 'measures have', lower=True)} one "
                "figure only."
                if single
                else "."
            )
        )
    text: list[str] = []
    for sentence in sentences:
        if word_count(" ".join([*text, sentence])) > MAX_PROSE_WORDS:
            break
        text.append(sentence)
    return text


def _count(n: int, one: str, many: str, *, lower: bool = False) -> str:
    words = {0: "No", 1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven"}
    number = words.get(n, str(n))
    return f"{number.lower() if lower else number} {one if n == 1 else many}"


def _names(rows: list[SummaryRow]) -> str:
    names = [r.name.lower() for r in rows]
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]


def summary_html(
    rows: list[SummaryRow],
    prose: list[str],
    area: str,
    when: str,
    latest: str,
    *,
    chosen: bool = False,
) -> str:
    """Return the summary section: as-at line, prose, and the table, escaped.

    ``chosen`` says the period is the one the briefing was asked for, not the latest.
    """
    head = "".join(
        f"<th scope='col'>{html.escape(c)}</th>"
        for c in (
            "Measure", "Latest", "Change", "Like for like", "More than usual movement?",
            "Trend", "What this means",
        )
    )  # fmt: skip
    body = "".join(_row_html(r) for r in rows)
    which = "period" if chosen else "latest period"
    period = f"; {which} {html.escape(latest)}" if latest else ""
    return (
        f'<section class="summary" id="summary"><p class="as-at"><strong>Data as at '
        f"{html.escape(when)}</strong>{period}. Area: {html.escape(area)}.</p>"
        + "".join(f"<p>{html.escape(s)}</p>" for s in prose)
        + '<div class="table-wrap"><table class="summary-table"><caption>Every measure at a '
        f"glance ({html.escape(area)} unless another area is named)</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></section>"
    )


def _row_html(row: SummaryRow) -> str:
    arrow, said = ARROWS[row.direction]
    cells = [
        f"<th scope='row'>{html.escape(row.name)}</th>",
        f'<td class="latest">{html.escape(row.latest)}</td>',
        f'<td class="change"><span class="arrow" aria-label="{said}" title="{said}">{arrow}'
        f"</span> {html.escape(row.change)}</td>",
        f"<td>{html.escape(row.like_for_like)}</td>",
        f"<td>{html.escape(row.beyond_usual)}</td>",
        f'<td class="spark-cell">{row.spark}</td>',
        f"<td>{html.escape(row.meaning)}</td>",
    ]
    return f"<tr>{''.join(cells)}</tr>"


def summary_block(data: object, area: str, period: str | None = None) -> str:
    """Return the whole summary section of a briefing's data (:class:`~.data.BriefingData`)."""
    frame: pd.DataFrame = data.measures  # type: ignore[attr-defined]
    reconciliation = data.reconciliation  # type: ignore[attr-defined]
    dates: Mapping[str, str] = data.document_dates  # type: ignore[attr-defined]
    mine = frame[frame["area"] == area]
    used = {s: d for s, d in dates.items() if s in set(mine["source"])} or dates
    when, latest = as_at(used, frame, area)
    if period is not None:
        latest = period
    rows = summary_rows(frame, area, period, reconciliation=reconciliation)
    prose = summary_prose(rows, area, when, latest)
    return summary_html(rows, prose, area, when, latest, chosen=period is not None)


__all__ = [
    "MAX_PROSE_WORDS",
    "SummaryRow",
    "as_at",
    "meaning",
    "summary_block",
    "summary_html",
    "summary_prose",
    "summary_rows",
]
