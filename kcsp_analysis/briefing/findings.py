"""What a briefing says: findings, data-quality notes and sources, in plain sentences.

Pure functions of frames; the statistics come from :mod:`kcsp_analysis.analysis`; the
marked tables are in :mod:`kcsp_analysis.briefing.tables`.
HTML for the notebooks is built in :mod:`kcsp_analysis.briefing.display`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis import Comparison, compare, series
from kcsp_analysis.analysis.change_tests import POISSON_NOTE
from kcsp_analysis.analysis.rates import band_for
from kcsp_analysis.analysis.repeats import REPEAT_MEASURES, repeat_rates
from kcsp_analysis.analysis.trends import year_earlier_label
from kcsp_analysis.analysis.wording import format_change, format_value, subject
from kcsp_analysis.briefing.quality import quality_sentence
from kcsp_analysis.briefing.tables import signed_change, value_revisions
from kcsp_analysis.locators import Locator


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
    """Plain sentences on one measure: the latest figure, its changes, breaks and caveats.

    The change on the same period a year earlier comes first (with what can be said about
    chance, from :func:`kcsp_analysis.compare`), then the change on the first published
    period of that type (the baseline), when it is a different one. When the year-earlier
    figure is across a series break and the baseline was restated on the new basis, the
    like-for-like comparison with the baseline leads. A figure with nothing earlier of its
    type is stated, with any change the reports state for it (from ``reconciliation``)
    whose earlier figure is not published; the measure's main series (the period type
    with most figures) is described after it.
    """
    name = subject(measure, area)
    target = focus_period(frame, measure, area, period)
    if target is None:
        return [_nothing_published(frame, measure, area, period)]
    everything = series(frame, measure, area)
    kind = everything.loc[everything["period"] == target, "period_type"].iloc[0]
    rows = everything[everything["period_type"] == kind].reset_index(drop=True)
    earlier = year_earlier_label(rows, target)
    baseline = str(rows.iloc[0]["period"])
    sentences = _change_sentences(frame, measure, area, (earlier, baseline, target))
    if sentences:
        return sentences
    latest = rows[rows["period"] == target].iloc[0]
    figure = format_value(latest["value"], str(latest["unit"]), latest["qualifier"])
    stated = stated_changes(reconciliation, measure, area, target)
    lone = (
        f"{name}: {figure} in {target}; {stated[0]}"
        if stated
        else f"{name}: {figure} in {target}; no earlier figure of the same kind is published, "
        "so no change can be given."
    )
    main = main_period_type(everything)
    if main == kind:
        return [lone, *stated[1:]]
    main_latest = str(everything[everything["period_type"] == main].iloc[-1]["period"])
    return [lone, *stated[1:], *measure_findings(frame, measure, area, main_latest)]


def _nothing_published(frame: pd.DataFrame, measure: str, area: str, period: str | None) -> str:
    """Say that no figure is published for the area, giving another area's latest if any."""
    when = f" for {period}" if period else ""
    others = [a for a in catalogue.areas() if a != area and a in set(_areas_of(frame, measure))]
    text = f"{subject(measure, area)}: no figure{when} is published in the documents read"
    if not others or period:
        return f"{text}."
    found = []
    for other in others:
        latest = series(frame, measure, other).iloc[-1]
        figure = format_value(latest["value"], str(latest["unit"]), latest["qualifier"])
        note = catalogue.areas()[other].note
        found.append(f"{other}{' (' + note + ')' if note else ''}: {figure} in {latest['period']}")
    return f"{text}; the latest for another area is {'; '.join(found)}."


def _change_sentences(
    frame: pd.DataFrame, measure: str, area: str, labels: tuple[str | None, str, str]
) -> list[str]:
    """Return the year-on-year and baseline sentences, the like-for-like one first."""
    earlier, baseline, target = labels
    year = compare(frame, measure, area, earlier, target) if earlier is not None else None
    if baseline in (target, earlier):
        return [year.sentence] if year is not None else []
    base = compare(frame, measure, area, baseline, target)
    if year is None:
        return [base.sentence]
    if year.crosses_break and not base.crosses_break:
        return [base.sentence, _secondary_sentence(year, "year-earlier")]
    return [year.sentence, _secondary_sentence(base, "baseline")]


def _secondary_sentence(result: Comparison, what: str) -> str:
    """Return the second comparison of a measure, shortly: size, verdict, caveat."""
    size = format_change(result.change, result.unit, result.pct_change)
    direction = "higher" if result.change > 0 else "lower"
    quantity = {"rate per day": "the daily rate", "rate per month": "the monthly average"}.get(
        result.basis, "it"
    )
    label = f"Against the {result.from_period} {what} figure"
    text = (
        f"{label} {quantity} is unchanged"
        if result.change == 0
        else f"{label} {quantity} is {size} {direction}"
    )
    if result.crosses_break:
        return f"{text}; that comparison crosses a series break, so it is not like for like."
    if result.significant is None:
        return f"{text}; {result.untested_reason}."
    usual = "this series' usual" if result.dispersion is not None else "chance"
    if result.significant:
        return f"{text}, more than {usual} variation would explain."
    return f"{text}, within what {usual} variation could explain."


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
    is still what the report says; it is given as the report's statement, with the
    missing figure named.
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
            f"the report states a change of {size} on {row['from_period']} "
            f"({row['source']} {row['locator']}); the {row['from_period']} figure is not "
            "published, so the change cannot be checked or tested."
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
        f" (95% interval {row['ci_low']:.1f}% to {row['ci_high']:.1f}%, from "
        f"{row['k']:,.0f} of {row['n']:,.0f} cases)"
        if pd.notna(row["ci_low"])
        else ""
    )
    return f"{subject(measure, area)} was {row['rate']:g}% in {target}{interval}: {row['reading']}."


def theme_findings(
    frame: pd.DataFrame,
    measures: Iterable[str],
    area: str,
    period: str | None = None,
    *,
    reconciliation: pd.DataFrame | None = None,
) -> list[str]:
    """Return the findings of every measure of a theme, in the order given."""
    sentences = []
    for measure in measures:
        sentences.extend(
            measure_findings(frame, measure, area, period, reconciliation=reconciliation)
        )
        band = band_sentence(frame, measure, area, period)
        if band:
            sentences.append(band)
    return sentences


def theme_measures(theme: str) -> list[str]:
    """Return the catalogue's measure ids of one theme (``domestic_abuse``, ``crime`` ...)."""
    return [m.id for m in catalogue.measures().values() if m.theme == theme]


def data_quality_notes(
    frame: pd.DataFrame,
    measures: Sequence[str],
    area: str,
    *,
    reconciliation: pd.DataFrame | None = None,
    revisions: pd.DataFrame | None = None,
) -> list[str]:
    """Sentences on each measure's quality, approximate figures, disagreements and revisions.

    Every measure with figures for ``area`` gets its quality statement first
    (:func:`kcsp_analysis.briefing.quality.quality_sentence`).
    """
    mine = frame[frame["measure"].isin(measures) & (frame["area"] == area)]
    notes = [quality_sentence(m, area) for m in measures if m in set(mine["measure"])]
    for _, row in mine[mine["qualifier"] != ""].iterrows():
        notes.append(
            f"{subject(row['measure'], area)}, {row['period']}: published as an approximate "
            f"figure ({format_value(row['value'], row['unit'], row['qualifier'])}), "
            f"{row['source']} {row['locator']}; no change is tested on it."
        )
    if reconciliation is not None and not reconciliation.empty:
        flagged = reconciliation[
            reconciliation["measure"].isin(measures)
            & (reconciliation["area"] == area)
            & reconciliation["status"].isin(NOTED_STATUSES)
        ]
        notes.extend(_reconciliation_note(row) for _, row in flagged.iterrows())
    if revisions is not None and not revisions.empty:
        revised = value_revisions(revisions)
        revised = revised[revised["measure"].isin(measures) & (revised["area"] == area)]
        for _, row in revised.iterrows():
            notes.append(
                f"{subject(row['measure'], area)}, {row['period']}: "
                f"{format_value(row['value'], catalogue.measure(row['measure']).unit)} in "
                f"{row['source']} {row['locator']} is superseded by "
                f"{format_value(row['kept_value'], catalogue.measure(row['measure']).unit)} in "
                f"{row['kept_source']} {row['kept_locator']} ({row['reason']})."
            )
    for measure in measures:
        band = band_for(measure)
        if band is not None and not mine[mine["measure"] == measure].empty:
            notes.append(
                f"Expected range for {catalogue.measure(measure).display_name.lower()}: "
                f"{band.citation}."
            )
        rows = mine[mine["measure"] == measure]
        for item in catalogue.series_breaks():
            # Only a break the figures reach both sides of (or straddle) is worth a note.
            spans = (rows["period_start"].astype(str) < item.break_date).any() and (
                rows["period_end"].astype(str) >= item.break_date
            ).any()
            if item.measure == measure and spans:
                notes.append(
                    f"Series break in {catalogue.measure(measure).display_name.lower()} "
                    f"from {item.break_date}: {item.reason} Source: {item.citation}."
                )
    counts = mine[(mine["unit"] == "count") & (mine["qualifier"] == "")]
    if (counts.groupby("measure")["period"].nunique() > 1).any():
        # Findings call a change of a count "more than chance" from an exact Poisson test.
        notes.append(f"How to read 'more than chance' for counts: {POISSON_NOTE}")
    return notes


NOTED_STATUSES = ("disagrees", "unverifiable", "within_rounding", "truncated")
_STATUS_WORDS = {
    "disagrees": "does not match",
    "unverifiable": "cannot be checked against",
    "within_rounding": "matches only within rounding",
    "truncated": "is cut rather than rounded from",
}


def _reconciliation_note(row: pd.Series) -> str:
    """One reconciliation check that needs a reader's attention, as a sentence."""
    name = subject(str(row["measure"]), str(row["area"]))
    where = f"{row['source']} {row['locator']}"
    detail = f" ({row['note']})" if str(row.get("note", "")) else ""
    if row["kind"] == "duplicate":
        unit = catalogue.measure(str(row["measure"])).unit
        stated = format_value(float(row["stated"]), unit)
        kept = format_value(float(row["recomputed"]), unit)
        return (
            f"{name}, {row['to_period']}: published as {stated} in {where} but as {kept} "
            f"elsewhere; {kept} is used{detail}."
        )
    if row["kind"] == "approximate":
        return f"{name}, {row['to_period']}: approximate figure in {where}{detail}."
    if row["kind"] == "sum":
        return f"{name}, {row['to_period']}: parts and total {row['status']}{detail}."
    stated = signed_change(row["stated"], str(row["unit"])) or "a change"
    what = "change" if row["kind"] == "change" else "difference to the baseline"
    recomputed = signed_change(row["recomputed"], str(row["unit"]))
    gives = f", which give {recomputed}" if recomputed else ""
    return (
        f"{name}: the stated {what} {row['from_period']} to {row['to_period']}, {stated} "
        f"({where}), {_STATUS_WORDS.get(str(row['status']), row['status'])} the figures"
        f"{gives}{detail}."
    )


def sources_table(
    frame: pd.DataFrame, measures: Sequence[str], area: str, titles: Mapping[str, str]
) -> pd.DataFrame:
    """Each source document of a theme with its title and the places figures come from."""
    mine = frame[frame["measure"].isin(measures) & (frame["area"] == area)]
    records = []
    for source, rows in mine.groupby("source", sort=True):
        places = sorted(set(rows["locator"]), key=_locator_order)
        records.append(
            {
                "Document": str(source),
                "Title": titles.get(str(source), ""),
                "Places": ", ".join(places),
            }
        )
    return pd.DataFrame(records, columns=["Document", "Title", "Places"])


def _locator_order(locator: str) -> tuple[str, int]:
    try:
        place = Locator.parse(locator)
    except ValueError:
        return (locator, 0)
    return (place.unit, place.first)


def measures_with_figures(frame: pd.DataFrame, measures: Iterable[str], area: str) -> list[str]:
    """Return the measures of ``measures`` that have at least one figure for ``area``."""
    present = set(frame.loc[frame["area"] == area, "measure"])
    return [m for m in measures if m in present]


def overview_findings(
    frame: pd.DataFrame,
    area: str,
    period: str | None = None,
    *,
    reconciliation: pd.DataFrame | None = None,
) -> list[str]:
    """Return the leading sentence of every measure with figures, in catalogue order.

    Measures without figures for ``area`` are listed with the areas they are published
    for, if any: a figure for Kent and Medway is not a figure for Kent, but it is published.
    """
    measures = measures_with_figures(frame, catalogue.measures(), area)
    sentences = [
        measure_findings(frame, m, area, period, reconciliation=reconciliation)[0] for m in measures
    ]
    missing = [m for m in catalogue.measures() if m not in measures]
    for m in missing:
        others = [a for a in catalogue.areas() if a in set(_areas_of(frame, m))]
        if others:
            sentences.append(_nothing_published(frame, m, area, None))
    nowhere = [catalogue.measure(m).display_name for m in missing if not _areas_of(frame, m)]
    if nowhere:
        sentences.append(f"No figures for {area} are published for: {', '.join(nowhere)}.")
    return sentences


__all__ = [
    "band_sentence",
    "data_quality_notes",
    "focus_period",
    "main_period_type",
    "measure_findings",
    "measures_with_figures",
    "overview_findings",
    "sources_table",
    "stated_changes",
    "theme_findings",
    "theme_measures",
]
