"""Tables of a briefing, for display.

Every figure is marked with the GSS shorthand, with the stated and recomputed changes
beside it; the repeat-rate and MARAC-volume tables are here too.

Marks (see :data:`GSS_KEY`) follow the Government Statistical Service's shorthand:
[b] series break, [r] revised, [p] provisional, [c] suppressed, [e] estimated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis import breaks_between, series
from kcsp_analysis.analysis.disclosure import SUPPRESSED, suppress_small_counts
from kcsp_analysis.analysis.series import row_to_period
from kcsp_analysis.analysis.wording import format_row
from kcsp_analysis.briefing.status_words import StatusNote, status_marks

GSS_KEY = {
    "[b]": "series break: not like for like with the figure before",
    "[r]": "revised: an earlier published value was superseded, or the document says amended",
    "[p]": "provisional: published before the period ended, or called provisional",
    "[c]": "suppressed to protect small numbers",
    "[e]": "estimated or approximate (published as 'over', 'under' or 'about')",
}
TABLE_COLUMNS = ("Measure", "Period", "Figure", "Stated change", "Recomputed change", "Source")


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


def figure_marks(
    frame: pd.DataFrame,
    measure: str,
    area: str,
    *,
    revisions: pd.DataFrame | None = None,
    document_dates: Mapping[str, str] | None = None,
    status_notes: Mapping[str, tuple[StatusNote, ...]] | None = None,
) -> dict[str, list[str]]:
    """GSS marks of each period of one series: ``{"2013/14": ["[b]", "[r]"]}``.

    [b] the figure is the first after a catalogued series break; [r] a revision table
    row supersedes a value of it, or its document says it was amended or revised; [p]
    some source published it before the period ended (by the document's date), or its
    document calls it provisional or unvalidated (``status_notes``, from
    :mod:`kcsp_analysis.briefing.status_words`); [e] it is approximate.
    """
    rows = series(frame, measure, area)
    marks: dict[str, list[str]] = {}
    revised = set()
    if revisions is not None and not revisions.empty:
        mine = value_revisions(revisions)
        mine = mine[(mine["measure"] == measure) & (mine["area"] == area)]
        revised = set(mine["period"])
    dates = document_dates or {}
    for i, row in rows.iterrows():
        found = []
        period = row_to_period(row)
        same_type = rows.iloc[: int(str(i))]
        same_type = same_type[same_type["period_type"] == row["period_type"]]
        if not same_type.empty and breaks_between(
            measure, row_to_period(same_type.iloc[-1]), period, count_restated=False
        ):
            found.append("[b]")
        worded = status_marks(
            measure, period, same_type.empty, str(row["sources"]).split("; "), status_notes or {}
        )
        if row["period"] in revised or "[r]" in worded:
            found.append("[r]")
        sources = [s.split(" ")[0] for s in str(row["sources"]).split("; ")]
        early = any(dates.get(s, "") and dates[s] <= period.end.isoformat() for s in sources)
        if early or "[p]" in worded:
            found.append("[p]")
        if row["qualifier"]:
            found.append("[e]")
        marks[str(row["period"])] = found
    return marks


def value_revisions(revisions: pd.DataFrame) -> pd.DataFrame:
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
    """Return the stated and recomputed changes to ``period``, as printed text for a table cell."""
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
        if printed := signed_change(row["stated"], str(row["unit"])):
            stated.append(printed + on)
        if printed := signed_change(row["recomputed"], str(row["unit"])):
            status = str(row["status"]).replace("_", " ")
            recomputed.append(f"{printed}{on} ({status})")
    return "; ".join(dict.fromkeys(stated)), "; ".join(dict.fromkeys(recomputed))


def signed_change(value: object, basis: str) -> str:
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
    status_notes: Mapping[str, tuple[StatusNote, ...]] | None = None,
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
            frame,
            measure,
            area,
            revisions=revisions,
            document_dates=document_dates,
            status_notes=status_notes,
        )
        hidden = suppressed_periods(rows, area)
        for _, row in rows.iterrows():
            period = str(row["period"])
            stated, recomputed = stated_and_recomputed(reconciliation, measure, area, period)
            figure = format_row(row)
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
    """Return the key entries for the marks that appear in a figures table (all when none do)."""
    text = " ".join(table["Figure"]) if not table.empty else ""
    used = {mark: meaning for mark, meaning in GSS_KEY.items() if mark in text}
    return used or dict(GSS_KEY)
