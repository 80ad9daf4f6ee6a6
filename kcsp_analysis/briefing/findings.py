"""What a briefing says: its findings, in plain sentences of at most 40 words.

Pure functions of frames; the statistics come from :mod:`kcsp_analysis.analysis`, the
plain wording from :mod:`kcsp_analysis.briefing.plain`; data-quality notes and sources
are in :mod:`kcsp_analysis.briefing.notes`, the marked tables in
:mod:`kcsp_analysis.briefing.tables`. HTML for the notebooks is built in
:mod:`kcsp_analysis.briefing.display`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis import Comparison, compare, series
from kcsp_analysis.analysis.rates import band_for
from kcsp_analysis.analysis.repeats import REPEAT_MEASURES, repeat_rates
from kcsp_analysis.analysis.trends import year_earlier_label
from kcsp_analysis.analysis.wording import format_row, subject
from kcsp_analysis.briefing.notes import data_quality_notes, sources_table
from kcsp_analysis.briefing.plain import MAX_WORDS, plain_sentence, secondary_sentence, word_count
from kcsp_analysis.briefing.tables import signed_change


def focus_period(frame: pd.DataFrame, measure: str, area: str, period: str | None) -> str | None:
    """Return the period a briefing reports on: ``period`` if published, else the latest one."""
    rows = series(frame, measure, area)
    if rows.empty:
        return None
    if period is not None:
        return period if period in set(rows["period"]) else None
    return str(rows.iloc[-1]["period"])


def measure_findings(
    frame: pd.DataFrame,
    measure: str,
    area: str,
    period: str | None = None,
    *,
    reconciliation: pd.DataFrame | None = None,
) -> list[str]:
    """Plain sentences on one measure: the latest figure, its changes and what they show.

    The change on the same period a year earlier comes first (with what can be said of
    it, from :func:`kcsp_analysis.compare`), then the change on the first published
    period of that type (the baseline), when it is a different one. When the year-earlier
    figure is across a series break and the baseline was restated on the new basis, the
    like-for-like comparison with the baseline leads. A figure with nothing earlier of its
    type is stated, with any change the reports state for it (from ``reconciliation``)
    whose earlier figure is not published; the measure's main series (the period type
    with most figures) is described after it. Caveats are in the measure's quality
    statement (:mod:`kcsp_analysis.briefing.notes`), not here.
    """
    target = focus_period(frame, measure, area, period)
    if target is None:
        return [_nothing_published(frame, measure, area, period)]
    everything = series(frame, measure, area)
    kind = everything.loc[everything["period"] == target, "period_type"].iloc[0]
    rows = everything[everything["period_type"] == kind].reset_index(drop=True)
    latest = rows[rows["period"] == target].iloc[0]
    earlier = year_earlier_label(rows, target)
    baseline = str(rows.iloc[0]["period"])
    sentences = _change_sentences(
        frame, measure, area, (earlier, baseline, target), str(latest["qualifier"])
    )
    if sentences:
        return sentences
    stated = stated_changes(reconciliation, measure, area, target)
    lone = (
        f"{lone_figure(frame, measure, area, target)}; {stated[0]}"
        if stated
        else (f"{lone_figure(frame, measure, area, target)}; {NO_CHANGE}.")
    )
    main = main_period_type(everything)
    if main == kind:
        return [lone, *stated[1:]]
    main_latest = str(everything[everything["period_type"] == main].iloc[-1]["period"])
    return [lone, *stated[1:], *measure_findings(frame, measure, area, main_latest)]


NO_CHANGE = "no earlier figure of the same kind is published, so no change can be given"


def lone_figure(frame: pd.DataFrame, measure: str, area: str, period: str) -> str:
    """``MARAC repeat cases: 283 in 2013/14``: a figure, as published."""
    row = series(frame, measure, area, periods=(period,)).iloc[-1]
    figure = format_row(row)
    return f"{subject(measure, area)}: {figure} in {period}"


def _nothing_published(frame: pd.DataFrame, measure: str, area: str, period: str | None) -> str:
    """Say that no figure is published for the area, giving other areas' latest if any."""
    when = f" for {period}" if period else ""
    name = catalogue.measure(measure).display_name
    others = [a for a in catalogue.areas() if a != area and a in set(_areas_of(frame, measure))]
    text = f"{name}: no {area} figure{when} is published in the papers read"
    if not others or period:
        return f"{text}."
    found = []
    for other in others:
        latest = series(frame, measure, other).iloc[-1]
        figure = format_row(latest)
        note = catalogue.areas()[other].note
        found.append(f"{figure} in {latest['period']} for {other}{f' ({note})' if note else ''}")
    return f"{text}; the latest is {'; '.join(found)}."


def _change_sentences(
    frame: pd.DataFrame,
    measure: str,
    area: str,
    labels: tuple[str | None, str, str],
    qualifier: str,
) -> list[str]:
    """Return the year-on-year and baseline sentences, the like-for-like one first."""
    earlier, baseline, target = labels
    year = compare(frame, measure, area, earlier, target) if earlier is not None else None
    if baseline in (target, earlier):
        return [plain_sentence(year, qualifier)] if year is not None else []
    base = compare(frame, measure, area, baseline, target)
    if year is None:
        return [plain_sentence(base, qualifier)]
    if year.crosses_break and not base.crosses_break:
        return [plain_sentence(base, qualifier), secondary_sentence(year, "year-earlier figure")]
    return [plain_sentence(year, qualifier), secondary_sentence(base, "baseline")]


def lead_comparison(
    frame: pd.DataFrame, measure: str, area: str, period: str | None = None
) -> Comparison | None:
    """Return the comparison a measure's findings lead with, or ``None`` (nothing earlier).

    The same rule as :func:`measure_findings`: a year earlier, unless that crosses a
    series break and the baseline does not; the baseline when there is no year earlier.
    """
    target = focus_period(frame, measure, area, period)
    if target is None:
        return None
    everything = series(frame, measure, area)
    kind = everything.loc[everything["period"] == target, "period_type"].iloc[0]
    rows = everything[everything["period_type"] == kind].reset_index(drop=True)
    earlier = year_earlier_label(rows, target)
    baseline = str(rows.iloc[0]["period"])
    year = compare(frame, measure, area, earlier, target) if earlier is not None else None
    if baseline in (target, earlier):
        return year
    base = compare(frame, measure, area, baseline, target)
    if year is None or (year.crosses_break and not base.crosses_break):
        return base
    return year


def _stated_periods(reconciliation: pd.DataFrame | None, measure: str, area: str) -> list[str]:
    """Periods a stated change of the area ends in (a district's "up 10.5%")."""
    if reconciliation is None or reconciliation.empty:
        return []
    rows = reconciliation[
        (reconciliation["kind"] == "change")
        & (reconciliation["measure"] == measure)
        & (reconciliation["area"] == area)
    ]
    return list(dict.fromkeys(rows["to_period"]))


def _areas_of(frame: pd.DataFrame, measure: str) -> list[str]:
    return list(dict.fromkeys(frame.loc[frame["measure"] == measure, "area"]))


def main_period_type(rows: pd.DataFrame) -> str:
    """Return the period type with most figures in a series; the latest one on a tie."""
    counts = rows["period_type"].value_counts()
    tied = set(counts[counts == counts.max()].index)
    return str(next(t for t in reversed(rows["period_type"].tolist()) if t in tied))


def stated_changes(
    reconciliation: pd.DataFrame | None, measure: str, area: str, period: str
) -> list[str]:
    """Return the changes the reports state for a figure whose earlier figure is not published.

    A stated change that cannot be checked (its earlier figure is not in the documents)
    is still what the report says; it is given as the paper's statement, with the
    missing figure named. Its place in the paper is in the figures table and sources.
    """
    if reconciliation is None or reconciliation.empty:
        return []
    rows = reconciliation[
        (reconciliation["kind"] == "change")
        & (reconciliation["measure"] == measure)
        & (reconciliation["area"] == area)
        & (reconciliation["to_period"] == period)
        & (reconciliation["status"] == "unverifiable")
    ]
    sentences = []
    for _, row in rows.iterrows():
        size = signed_change(row["stated"], str(row["unit"])) or "a change"
        sentences.append(
            f"the paper states a change of {size} on {row['from_period']}, whose figure is "
            "not published, so it cannot be checked or tested."
        )
    return sentences


def band_sentence(
    frame: pd.DataFrame, measure: str, area: str, period: str | None = None
) -> str | None:
    """Return a repeat rate against its expected range, with its interval, or ``None``.

    The reading is :func:`kcsp_analysis.analysis.repeat_rates`'s: below the range even
    allowing for chance, below it within chance, within or above it.
    """
    target = focus_period(frame, measure, area, period)
    if measure not in REPEAT_MEASURES or band_for(measure) is None or target is None:
        return None
    rates = repeat_rates(frame, area)
    row = rates[(rates["measure"] == measure) & (rates["period"] == target)].iloc[0]
    interval = (
        f" (likely range {row['ci_low']:.1f}% to {row['ci_high']:.1f}%)"
        if pd.notna(row["ci_low"])
        else ""
    )
    position, _, readings = str(row["reading"]).partition(". ")
    # Both readings of a contested rate, without their quotations (kept in the notes).
    both = "; ".join(_short_reading(r) for r in readings.split("; ") if r.strip())
    tail = f" {both.rstrip('.')}." if both else ""
    text = f"{subject(measure, area)} was {row['rate']:g}% in {target}{interval}: {position}.{tail}"
    if word_count(text) > MAX_WORDS:  # the interval is drawn on the chart
        text = f"{subject(measure, area)} was {row['rate']:g}% in {target}: {position}.{tail}"
    return text


def _short_reading(reading: str) -> str:
    """Return a reading of a rate without its quotation: ``CAADA reads this as ...``."""
    text = re.sub(r"\s*\([^()]*\)", "", reading).strip()
    for long, short in (
        ("reads a rate below the range as", "reads this as"),
        ("reads the same figure as", "reads it as"),
    ):
        text = text.replace(long, short)
    return text


def theme_finding_items(
    frame: pd.DataFrame,
    measures: Iterable[str],
    area: str,
    period: str | None = None,
    *,
    reconciliation: pd.DataFrame | None = None,
) -> list[tuple[str, str]]:
    """Return ``(measure, sentence)`` for every finding of a theme, in the order given."""
    items: list[tuple[str, str]] = []
    once: list[str] = []
    absent: list[str] = []
    for measure in measures:
        found = measure_findings(frame, measure, area, period, reconciliation=reconciliation)
        name = catalogue.measure(measure).display_name
        if found == [f"{lone_figure_or_none(frame, measure, area, period)}; {NO_CHANGE}."]:
            head = found[0].partition(";")[0]
            once.append(f"{name} ({head.partition(': ')[2]})")
            continue
        if (
            found == [_nothing_published(frame, measure, area, period)]
            and not period
            and (not set(_areas_of(frame, measure)) - {area})
        ):
            absent.append(name)
            continue
        items.extend((measure, sentence) for sentence in found)
        band = band_sentence(frame, measure, area, period)
        if band:
            items.append((measure, band))
    if once:
        line = f"Published once only, so no change can be given: {_and(once)}."
        if word_count(line) > MAX_WORDS:
            line = f"Published once only, so no change can be given: {_and(names_of(once))}."
        items.append(("", line))
    if absent:
        items.append(("", _absent_sentence(absent, area)))
    return items


def names_of(labelled: list[str]) -> list[str]:
    """``["Road deaths (50 in 2012)"]`` to ``["Road deaths"]``."""
    return [text.rpartition(" (")[0] for text in labelled]


def _and(names: list[str]) -> str:
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]


def _absent_sentence(names: list[str], area: str) -> str:
    """One line for the measures with no figure anywhere: named if few, else counted."""
    listed = f"No {area} figures are published for {_and(names)}."
    if word_count(listed) <= MAX_WORDS:
        return listed
    return (
        f"No {area} figures are published for {len(names)} other measures "
        "(listed on the methods page)."
    )


def lone_figure_or_none(
    frame: pd.DataFrame, measure: str, area: str, period: str | None
) -> str | None:
    """Return :func:`lone_figure` of the briefing's period, ``None`` without a figure."""
    target = focus_period(frame, measure, area, period)
    return None if target is None else lone_figure(frame, measure, area, target)


def theme_findings(
    frame: pd.DataFrame,
    measures: Iterable[str],
    area: str,
    period: str | None = None,
    *,
    reconciliation: pd.DataFrame | None = None,
) -> list[str]:
    """Return the findings of every measure of a theme, in the order given."""
    items = theme_finding_items(frame, measures, area, period, reconciliation=reconciliation)
    return [sentence for _, sentence in items]


def theme_measures(theme: str) -> list[str]:
    """Return the catalogue's measure ids of one theme (``domestic_abuse``, ``crime`` ...)."""
    return [m.id for m in catalogue.measures().values() if m.theme == theme]


def measures_with_figures(frame: pd.DataFrame, measures: Iterable[str], area: str) -> list[str]:
    """Return the measures of ``measures`` that have at least one figure for ``area``."""
    present = set(frame.loc[frame["area"] == area, "measure"])
    return [m for m in measures if m in present]


def overview_finding_items(
    frame: pd.DataFrame,
    area: str,
    period: str | None = None,
    *,
    reconciliation: pd.DataFrame | None = None,
) -> list[tuple[str, str]]:
    """Return ``(measure, sentence)``: the leading finding of every measure with a change.

    Measures published once, with no change the papers state, are folded into one line
    (measure ``""``); so are the catalogue's measures with no figure anywhere. Measures
    without figures for ``area`` get the latest figure of the areas they are published
    for: a figure for Kent and Medway is not a figure for Kent, but it is published.
    """
    measures = measures_with_figures(frame, catalogue.measures(), area)
    items: list[tuple[str, str]] = []
    once = []
    for m in measures:
        first = measure_findings(frame, m, area, period, reconciliation=reconciliation)[0]
        if first.endswith(f"{NO_CHANGE}."):
            once.append(catalogue.measure(m).display_name)
        else:
            items.append((m, first))
    if once:
        items.append(("", f"Published once only, so no change can be given: {_and(once)}."))
    missing = [m for m in catalogue.measures() if m not in measures]
    elsewhere = [m for m in missing if _areas_of(frame, m)]
    for m in elsewhere:
        for to_period in _stated_periods(reconciliation, m, area):
            for sentence in stated_changes(reconciliation, m, area, to_period):
                items.append((m, f"{subject(m, area)}, {to_period}: {sentence}"))
    if len(elsewhere) > 3:
        items.append(
            ("", f"No {area} figure is published for {len(elsewhere)} measures; the summary "
             "table gives the latest for another area, labelled by its area.")
        )  # fmt: skip
    else:
        items.extend((m, _nothing_published(frame, m, area, None)) for m in elsewhere)
    nowhere = [catalogue.measure(m).display_name for m in missing if not _areas_of(frame, m)]
    if nowhere:
        items.append(("", _absent_sentence(nowhere, area)))
    return items


def overview_findings(
    frame: pd.DataFrame,
    area: str,
    period: str | None = None,
    *,
    reconciliation: pd.DataFrame | None = None,
) -> list[str]:
    """Return the sentences of :func:`overview_finding_items`."""
    items = overview_finding_items(frame, area, period, reconciliation=reconciliation)
    return [sentence for _, sentence in items]


__all__ = [
    "band_sentence",
    "data_quality_notes",
    "focus_period",
    "lead_comparison",
    "lone_figure",
    "main_period_type",
    "measure_findings",
    "measures_with_figures",
    "overview_finding_items",
    "overview_findings",
    "sources_table",
    "stated_changes",
    "theme_finding_items",
    "theme_findings",
    "theme_measures",
]
