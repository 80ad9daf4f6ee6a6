"""What a briefing says: findings, marked tables, data-quality notes, sources, what is new.

Pure functions of frames; the statistics come from :mod:`kcsp_analysis.analysis`. Tables
mark figures with the Government Statistical Service shorthand (see :data:`GSS_KEY`).
HTML for the notebooks is built in :mod:`kcsp_analysis.briefing_display`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis import breaks_between, compare, series
from kcsp_analysis.analysis.disclosure import SUPPRESSED, suppress_small_counts
from kcsp_analysis.analysis.rates import band_for
from kcsp_analysis.analysis.repeats import REPEAT_MEASURES, repeat_rates
from kcsp_analysis.analysis.series import row_to_period
from kcsp_analysis.analysis.trends import year_earlier_label
from kcsp_analysis.analysis.wording import format_change, format_value, subject

GSS_KEY = {
    "[b]": "series break: not like for like with the figure before",
    "[r]": "revised: an earlier published value was superseded",
    "[p]": "provisional: published before the period ended",
    "[c]": "suppressed to protect small numbers",
    "[e]": "estimated or approximate (published as 'over', 'under' or 'about')",
}
TABLE_COLUMNS = ("Measure", "Period", "Figure", "Stated change", "Recomputed change", "Source")


def focus_period(frame: pd.DataFrame, measure: str, area: str, period: str | None) -> str | None:
    """The period a briefing reports on: ``period`` if published, else the latest one."""
    rows = series(frame, measure, area)
    if rows.empty:
        return None
    if period is not None:
        return period if period in set(rows["period"]) else None
    return str(rows.iloc[-1]["period"])


def measure_findings(
    frame: pd.DataFrame, measure: str, area: str, period: str | None = None
) -> list[str]:
    """Plain sentences on one measure: the latest figure, its changes, breaks and caveats.

    The change on the same period a year earlier comes first (with whether it is more
    than chance, from :func:`kcsp_analysis.compare`), then the change on the first
    published period of that type (the baseline), when it is a different one. A figure
    with nothing earlier of its type (a first quarterly figure, say) is stated, and the
    measure's main series (the period type with most figures) is described after it.
    """
    name = subject(measure, area)
    target = focus_period(frame, measure, area, period)
    if target is None:
        when = f" for {period}" if period else ""
        others = [a for a in catalogue.areas() if a != area and a in set(_areas_of(frame, measure))]
        elsewhere = f"; there are figures for {', '.join(others)}" if others and not period else ""
        return [f"{name}: no figure{when} is published in the documents read{elsewhere}."]
    everything = series(frame, measure, area)
    kind = everything.loc[everything["period"] == target, "period_type"].iloc[0]
    rows = everything[everything["period_type"] == kind].reset_index(drop=True)
    earlier = year_earlier_label(rows, target)
    baseline = str(rows.iloc[0]["period"])
    sentences = []
    if earlier is not None:
        sentences.append(compare(frame, measure, area, earlier, target).sentence)
    if baseline not in (target, earlier):
        if sentences:
            sentences.append(_baseline_sentence(frame, measure, area, baseline, target))
        else:
            sentences.append(compare(frame, measure, area, baseline, target).sentence)
    if sentences:
        return sentences
    latest = rows[rows["period"] == target].iloc[0]
    lone = (
        f"{name}: {format_value(latest['value'], str(latest['unit']), latest['qualifier'])} "
        f"in {target}; no earlier figure of the same kind is published, so no change can be "
        "given."
    )
    main = main_period_type(everything)
    if main == kind:
        return [lone]
    main_latest = str(everything[everything["period_type"] == main].iloc[-1]["period"])
    return [lone, *measure_findings(frame, measure, area, main_latest)]


def _areas_of(frame: pd.DataFrame, measure: str) -> list[str]:
    return list(dict.fromkeys(frame.loc[frame["measure"] == measure, "area"]))


def main_period_type(rows: pd.DataFrame) -> str:
    """The period type with most figures in a series; the latest one on a tie."""
    counts = rows["period_type"].value_counts()
    tied = set(counts[counts == counts.max()].index)
    return str(next(t for t in reversed(rows["period_type"].tolist()) if t in tied))


def _baseline_sentence(
    frame: pd.DataFrame, measure: str, area: str, baseline: str, target: str
) -> str:
    result = compare(frame, measure, area, baseline, target)
    size = format_change(result.change, result.unit, result.pct_change)
    direction = "higher" if result.change > 0 else "lower"
    if result.change == 0:
        text = f"Against the {baseline} baseline the figure is unchanged"
    else:
        text = f"Against the {baseline} baseline it is {size} {direction}"
    if result.significant is None:
        verdict = "; whether that is more than chance cannot be judged from what is published"
    elif result.significant:
        verdict = ", more than chance variation would explain"
    else:
        verdict = ", within what chance variation could explain"
    caveat = " (across a series break, so not like for like)" if result.crosses_break else ""
    return f"{text}{verdict}{caveat}."


def band_sentence(
    frame: pd.DataFrame, measure: str, area: str, period: str | None = None
) -> str | None:
    """A repeat rate against its expected range, with its interval, or ``None``.

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


def repeat_rates_table(rates: pd.DataFrame) -> pd.DataFrame:
    """:func:`kcsp_analysis.analysis.repeat_rates` output for display."""
    records = [
        {
            "Measure": catalogue.measure(r["measure"]).display_name,
            "Period": r["period"],
            "Rate": f"{r['rate']:g}%",
            "Repeats of cases": f"{r['k']:,.0f} of {r['n']:,.0f}" if pd.notna(r["n"]) else "",
            "95% interval": (
                f"{r['ci_low']:.1f}% to {r['ci_high']:.1f}%" if pd.notna(r["ci_low"]) else ""
            ),
            "Reading": r["reading"],
        }
        for _, r in rates.iterrows()
    ]
    columns = ["Measure", "Period", "Rate", "Repeats of cases", "95% interval", "Reading"]
    return pd.DataFrame(records, columns=columns)


def volume_table(volume: pd.DataFrame) -> pd.DataFrame:
    """:func:`kcsp_analysis.analysis.marac_volume` output for display."""
    records = [
        {
            "Period": r["period"],
            "MARAC cases": f"{r['cases']:,.0f}",
            "Women aged 16+": (
                f"{r['females_16_plus']:,.0f} ({r['mid_year']})"
                if pd.notna(r["females_16_plus"])
                else ""
            ),
            "Cases a year per 10,000": f"{r['per_10k']:.1f}" if pd.notna(r["per_10k"]) else "",
            "Expected": f"{r['expected']:g}" if pd.notna(r["expected"]) else "",
            "Reading": r["reading"],
        }
        for _, r in volume.iterrows()
    ]
    columns = ["Period", "MARAC cases", "Women aged 16+", "Cases a year per 10,000"]
    return pd.DataFrame(records, columns=[*columns, "Expected", "Reading"])


def theme_findings(
    frame: pd.DataFrame, measures: Iterable[str], area: str, period: str | None = None
) -> list[str]:
    """The findings of every measure of a theme, in the order given."""
    sentences = []
    for measure in measures:
        sentences.extend(measure_findings(frame, measure, area, period))
        band = band_sentence(frame, measure, area, period)
        if band:
            sentences.append(band)
    return sentences


def theme_measures(theme: str) -> list[str]:
    """The catalogue's measure ids of one theme (``domestic_abuse``, ``crime`` ...)."""
    return [m.id for m in catalogue.measures().values() if m.theme == theme]


def figure_marks(
    frame: pd.DataFrame,
    measure: str,
    area: str,
    *,
    revisions: pd.DataFrame | None = None,
    document_dates: Mapping[str, str] | None = None,
) -> dict[str, list[str]]:
    """GSS marks of each period of one series: ``{"2013/14": ["[b]", "[r]"]}``.

    [b] the figure is the first after a catalogued series break; [r] a revision table
    row supersedes a value of it; [p] some source published it before the period ended
    (by the document's date); [e] it is approximate.
    """
    rows = series(frame, measure, area)
    marks: dict[str, list[str]] = {}
    revised = set()
    if revisions is not None and not revisions.empty:
        mine = _value_revisions(revisions)
        mine = mine[(mine["measure"] == measure) & (mine["area"] == area)]
        revised = set(mine["period"])
    dates = document_dates or {}
    for i, row in rows.iterrows():
        found = []
        period = row_to_period(row)
        same_type = rows.iloc[: int(str(i))]
        same_type = same_type[same_type["period_type"] == row["period_type"]]
        if not same_type.empty and breaks_between(
            measure, row_to_period(same_type.iloc[-1]), period
        ):
            found.append("[b]")
        if row["period"] in revised:
            found.append("[r]")
        sources = [s.split(" ")[0] for s in str(row["sources"]).split("; ")]
        if any(dates.get(s, "") and dates[s] <= period.end.isoformat() for s in sources):
            found.append("[p]")
        if row["qualifier"]:
            found.append("[e]")
        marks[str(row["period"])] = found
    return marks


def _value_revisions(revisions: pd.DataFrame) -> pd.DataFrame:
    """Revisions in the GSS sense: an exact value replaced by a later source or amended.

    A second, differing figure in the same document that lost to a table figure is a
    disagreement (a data-quality note), not a revision; so is an approximate figure.
    """
    values = pd.to_numeric(revisions["value"])
    kept = pd.to_numeric(revisions["kept_value"])
    replaced = (revisions["source"] != revisions["kept_source"]) | revisions[
        "reason"
    ].str.startswith("amended")
    return revisions[(values != kept) & (revisions["qualifier"] == "") & replaced]


def stated_and_recomputed(
    reconciliation: pd.DataFrame | None, measure: str, area: str, period: str
) -> tuple[str, str]:
    """The stated and recomputed changes to ``period``, as printed text for a table cell."""
    if reconciliation is None or reconciliation.empty:
        return "", ""
    rows = reconciliation[
        reconciliation["kind"].isin(["change", "diff_to_baseline"])
        & (reconciliation["measure"] == measure)
        & (reconciliation["area"] == area)
        & (reconciliation["to_period"] == period)
    ]
    stated, recomputed = [], []
    for _, row in rows.iterrows():
        on = f" on {row['from_period']}"
        if printed := _signed_change(row["stated"], str(row["unit"])):
            stated.append(printed + on)
        if printed := _signed_change(row["recomputed"], str(row["unit"])):
            status = str(row["status"]).replace("_", " ")
            recomputed.append(f"{printed}{on} ({status})")
    return "; ".join(dict.fromkeys(stated)), "; ".join(dict.fromkeys(recomputed))


def _signed_change(value: object, basis: str) -> str:
    """``+5.3%`` for a percent change, ``-1.7 points`` for a change of a percentage."""
    number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
    if pd.isna(number):
        return ""
    number = round(float(number), 2)
    suffix = "%" if basis == "percent" else " points" if basis == "points" else ""
    return f"{number:+g}{suffix}"


def suppressed_periods(rows: pd.DataFrame, area: str) -> set[str]:
    """Periods of a series whose count is too small to publish for ``area``.

    The rule is :func:`kcsp_analysis.analysis.disclosure.suppress_small_counts` (counts
    below the threshold, below county level); percentages are not suppressed here.
    """
    counts = rows[rows["unit"] == "count"]
    if counts.empty:
        return set()
    table = pd.DataFrame([counts["value"].to_numpy()], index=[area], columns=counts["period"])
    status = suppress_small_counts(table).status
    return {str(p) for p in status.columns if status.loc[area, p]}


def figures_table(
    frame: pd.DataFrame,
    measures: Sequence[str],
    area: str,
    *,
    reconciliation: pd.DataFrame | None = None,
    revisions: pd.DataFrame | None = None,
    document_dates: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Every figure of ``measures`` for ``area``, marked, with stated and recomputed changes.

    One row per measure and period, in catalogue then date order; the ``Figure`` column
    is text ("20,276", "over 57,000 [e]") so the marks stay beside the numbers.
    """
    records = []
    for measure in measures:
        rows = series(frame, measure, area)
        if rows.empty:
            continue
        marks = figure_marks(
            frame, measure, area, revisions=revisions, document_dates=document_dates
        )
        hidden = suppressed_periods(rows, area)
        for _, row in rows.iterrows():
            period = str(row["period"])
            stated, recomputed = stated_and_recomputed(reconciliation, measure, area, period)
            figure = format_value(row["value"], str(row["unit"]), str(row["qualifier"]))
            if period in hidden:
                figure = SUPPRESSED
            records.append(
                {
                    "Measure": catalogue.measure(measure).display_name,
                    "Period": period,
                    "Figure": " ".join([figure, *marks[period]]),
                    "Stated change": stated,
                    "Recomputed change": recomputed,
                    "Source": str(row["sources"]),
                }
            )
    return pd.DataFrame(records, columns=list(TABLE_COLUMNS))


def used_marks(table: pd.DataFrame) -> dict[str, str]:
    """The key entries for the marks that appear in a figures table (all when none do)."""
    text = " ".join(table["Figure"]) if not table.empty else ""
    used = {mark: meaning for mark, meaning in GSS_KEY.items() if mark in text}
    return used or dict(GSS_KEY)


def data_quality_notes(
    frame: pd.DataFrame,
    measures: Sequence[str],
    area: str,
    *,
    reconciliation: pd.DataFrame | None = None,
    revisions: pd.DataFrame | None = None,
) -> list[str]:
    """Sentences on approximate figures, disagreements and revisions of a theme."""
    notes = []
    mine = frame[frame["measure"].isin(measures) & (frame["area"] == area)]
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
        revised = _value_revisions(revisions)
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
        for item in catalogue.series_breaks():
            if item.measure == measure and not mine[mine["measure"] == measure].empty:
                notes.append(
                    f"Series break in {catalogue.measure(measure).display_name.lower()} "
                    f"from {item.break_date}: {item.reason} Source: {item.citation}."
                )
    return notes


NOTED_STATUSES = ("disagrees", "unverifiable", "within_rounding")
_STATUS_WORDS = {
    "disagrees": "does not match",
    "unverifiable": "cannot be checked against",
    "within_rounding": "matches only within rounding",
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
    stated = _signed_change(row["stated"], str(row["unit"])) or "a change"
    what = "change" if row["kind"] == "change" else "difference to the baseline"
    recomputed = _signed_change(row["recomputed"], str(row["unit"]))
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
    word, _, rest = locator.rpartition(" ")
    digits = rest.split("-")[0]
    return (word, int(digits) if digits.isdigit() else 0)


def measures_with_figures(frame: pd.DataFrame, measures: Iterable[str], area: str) -> list[str]:
    """The measures of ``measures`` that have at least one figure for ``area``."""
    present = set(frame.loc[frame["area"] == area, "measure"])
    return [m for m in measures if m in present]


def overview_findings(frame: pd.DataFrame, area: str, period: str | None = None) -> list[str]:
    """The leading sentence of every measure with figures, in catalogue order."""
    measures = measures_with_figures(frame, catalogue.measures(), area)
    sentences = [measure_findings(frame, m, area, period)[0] for m in measures]
    missing = [catalogue.measure(m).display_name for m in catalogue.measures() if m not in measures]
    if missing:
        sentences.append(f"No figures for {area} are published for: {', '.join(missing)}.")
    return sentences
