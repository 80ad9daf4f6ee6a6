"""Districts and comparators: the district changes the papers publish, and other areas.

District changes come from two places: figures published for a district in two
periods (recomputed here, with :func:`kcsp_analysis.compare`), and changes the papers
state in sentences ("the greatest percentage increase occurred in Dover (up 10.5%)",
kept in the reconciliation table). A stated change is labelled as stated by the paper:
its earlier figure is not published, so it cannot be checked. The county's own change
over the same periods is marked beside them. With district counts and population
estimates (``data/raw/population/``), rates per 1,000 residents go into a funnel plot
(:mod:`kcsp_analysis.briefing.funnel`). Medway, Kent and Medway and England and Wales
figures are comparators, each labelled by its area.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from kcsp_analysis import catalogue
from kcsp_analysis.analysis import compare, series
from kcsp_analysis.analysis.population import funnel, read_estimates
from kcsp_analysis.analysis.wording import format_value
from kcsp_analysis.briefing.chart_style import (
    COLOURS,
    finish,
    house_style,
    new_figure,
    source_line,
)

COMPARATORS = ("Medway", "Kent and Medway", "England and Wales")
STATED = "stated by the paper"
RECOMPUTED = "from the published figures"
CHANGE_COLUMNS = ("measure", "area", "from_period", "to_period", "change", "basis", "source")


def district_names() -> list[str]:
    """Return the catalogue's districts of Kent, in catalogue order."""
    return [a.name for a in catalogue.areas().values() if a.kind == "district"]


def district_changes(
    frame: pd.DataFrame, reconciliation: pd.DataFrame | None, measures: Iterable[str]
) -> pd.DataFrame:
    """Return every published district change, in %, one row per measure, district, periods.

    A change recomputed from two published figures wins over the same change stated.
    """
    wanted = list(measures)
    districts = set(district_names())
    records = []
    for measure in wanted:
        for area in sorted(districts & set(frame.loc[frame["measure"] == measure, "area"])):
            rows = series(frame, measure, area)
            rows = rows[
                (rows["qualifier"] == "") & (rows["period_type"] == rows["period_type"].iloc[-1])
            ]
            if len(rows) < 2:
                continue
            result = compare(frame, measure, area, str(rows.iloc[-2]["period"]),
                             str(rows.iloc[-1]["period"]))  # fmt: skip
            if result.pct_change is not None and not result.crosses_break:
                records.append((measure, area, result.from_period, result.to_period,
                                round(result.pct_change, 1), RECOMPUTED,
                                str(rows.iloc[-1]["sources"])))  # fmt: skip
    if reconciliation is not None and not reconciliation.empty:
        stated = reconciliation[
            (reconciliation["kind"] == "change")
            & reconciliation["measure"].isin(wanted)
            & reconciliation["area"].isin(districts)
            & (reconciliation["unit"] == "percent")
        ]
        have = {(r[0], r[1], r[2], r[3]) for r in records}
        for _, row in stated.iterrows():
            key = (row["measure"], row["area"], row["from_period"], row["to_period"])
            if key not in have:
                records.append((*key, float(row["stated"]), STATED,
                                f"{row['source']} {row['locator']}"))  # fmt: skip
    table = pd.DataFrame(records, columns=list(CHANGE_COLUMNS))
    return table.sort_values(["measure", "change"], ascending=[True, False]).reset_index(drop=True)


def county_change(
    frame: pd.DataFrame, measure: str, from_period: str, to_period: str
) -> float | None:
    """Return Kent's % change over the same periods, when both figures are published exactly."""
    rows = series(frame, measure, "Kent") if "Kent" in set(frame["area"]) else pd.DataFrame()
    if rows.empty or not {from_period, to_period} <= set(rows["period"]):
        return None
    result = compare(frame, measure, "Kent", from_period, to_period)
    return None if result.approximate or result.pct_change is None else result.pct_change


def _break_note(row: pd.Series) -> str:
    """`` (both across a series break)`` when the two periods are not like for like."""
    from kcsp_analysis.analysis.series import breaks_between
    from kcsp_analysis.periods import period_from_label

    crosses = breaks_between(
        str(row["measure"]),
        period_from_label(str(row["from_period"])),
        period_from_label(str(row["to_period"])),
    )
    return " (both across a series break)" if crosses else ""


def district_table(changes: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Return the district changes as a reader's table, with Kent's change beside each."""
    records = []
    for _, row in changes.iterrows():
        county = county_change(frame, row["measure"], row["from_period"], row["to_period"])
        records.append(
            {
                "Measure": catalogue.measure(row["measure"]).display_name,
                "District": row["area"],
                "Change": f"{row['change']:+.1f}%",
                "Periods": f"{row['from_period']} to {row['to_period']}",
                "Kent": "" if county is None else f"{county:+.1f}%" + _break_note(row),
                "How known": row["basis"],
                "Source": row["source"],
            }
        )
    columns = ["Measure", "District", "Change", "Periods", "Kent", "How known", "Source"]
    return pd.DataFrame(records, columns=columns)


def plot_district_changes(changes: pd.DataFrame, frame: pd.DataFrame, measure: str) -> Figure:
    """Return an ordered dot chart of one measure's district changes, Kent's change marked.

    Stated changes are open circles (the paper's own numbers, not checked); changes
    recomputed from figures are filled.
    """
    rows = changes[changes["measure"] == measure].sort_values("change").reset_index(drop=True)
    name = catalogue.measure(measure).display_name
    first = rows.iloc[0]
    county = county_change(frame, measure, str(first["from_period"]), str(first["to_period"]))
    figure, axes = new_figure()
    with house_style():
        figure.set_figheight(1.6 + 0.35 * len(rows))
        for basis, face in ((STATED, "white"), (RECOMPUTED, COLOURS["series"])):
            chosen = rows[rows["basis"] == basis]
            if not chosen.empty:
                axes.plot(chosen["change"], chosen["area"], "o", markersize=8,
                          color=COLOURS["series"], markerfacecolor=face,
                          gid=f"districts-{basis}")  # fmt: skip
        for _, row in rows.iterrows():
            axes.annotate(f"{row['change']:+.1f}%", (row["change"], row["area"]),
                          xytext=(7, -3), textcoords="offset points", fontsize=8)  # fmt: skip
        axes.axvline(0, color=COLOURS["band"], linewidth=1)
        if county is not None:
            axes.axvline(
                county, color=COLOURS["limit"], linestyle=(0, (4, 3)), linewidth=1, gid="county"
            )
            axes.annotate(
                f"Kent {county:+.1f}%",
                (county, 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(3, -2),
                textcoords="offset points",
                va="top",
                fontsize=8,
            )
        values = [0.0, *rows["change"], *([county] if county is not None else [])]
        low, high = min(values), max(values)
        pad = 0.2 * ((high - low) or 1.0) + 1
        axes.set_xlim(low - pad, high + pad)
        axes.set_ylim(-0.7, len(rows) - 0.3)
        how = set(rows["basis"])
        key = (
            "open circles: stated by the paper"
            if how == {STATED}
            else (
                "filled: from the figures"
                if how == {RECOMPUTED}
                else "open: stated by the paper; filled: from the figures"
            )
        )
        axes.set_xlabel(f"% change, {first['from_period']} to {first['to_period']} ({key})")
        axes.grid(axis="x", visible=True)
        axes.grid(axis="y", visible=False)
    shown = ", ".join(f"{r.area} {r.change:+.1f}% ({r.basis})" for r in rows.itertuples())
    kent = f"; Kent {county:+.1f}%" if county is not None else "; Kent's change is not published"
    description = f"Dot chart of {name} change by district: {shown}{kent}."
    named = ", ".join(f"{r.area} {r.change:+.1f}%" for r in rows[::-1].itertuples())
    title = f"{name}, {first['from_period']} to {first['to_period']}: {named}" + (
        f"; Kent {county:+.1f}%" if county is not None else ""
    )
    sources = source_line(sorted(set(rows["source"])))
    return finish(figure, axes, title, sources, description)


def district_rates(
    frame: pd.DataFrame, measure: str, period: str, population_dir: Path | None
) -> pd.DataFrame:
    """Return district counts per 1,000 residents for one period, with funnel limits.

    Empty without district counts for the period or without population estimates.
    """
    estimates = read_estimates(population_dir)
    mine = frame[(frame["measure"] == measure) & (frame["period"] == period)
                 & frame["area"].isin(district_names()) & (frame["qualifier"] == "")]  # fmt: skip
    if mine.empty or estimates.empty:
        return pd.DataFrame()
    year = int(str(mine["period_start"].iloc[0])[:4])
    records = []
    for _, row in mine.iterrows():
        match = estimates[(estimates["area"] == row["area"]) & (estimates["mid_year"] == year)]
        if match.empty or pd.isna(match["all_ages"].iloc[0]):
            continue
        residents = float(match["all_ages"].iloc[0])
        records.append({"area": row["area"], "period": period, "count": float(row["value"]),
                        "mid_year": year, "residents": residents,
                        "per_1000": float(row["value"]) / residents * 1000,
                        "source": f"{row['source']} {row['locator']}"})  # fmt: skip
    return funnel(pd.DataFrame(records)) if len(records) >= 3 else pd.DataFrame()


def comparator_table(frame: pd.DataFrame, measures: Iterable[str]) -> pd.DataFrame:
    """Return the latest figure of each measure for Medway, Kent and Medway, England and Wales."""
    records = []
    for measure in measures:
        for area in COMPARATORS:
            rows = (
                series(frame, measure, area)
                if area in set(frame.loc[frame["measure"] == measure, "area"])
                else pd.DataFrame()
            )
            if rows.empty:
                continue
            latest = rows.iloc[-1]
            records.append(
                {
                    "Area": area,
                    "Measure": catalogue.measure(measure).display_name,
                    "Figure": format_value(
                        latest["value"], str(latest["unit"]), latest["qualifier"]
                    ),
                    "Period": str(latest["period"]),
                    "Source": str(latest["sources"]),
                }
            )
    return pd.DataFrame(records, columns=["Area", "Measure", "Figure", "Period", "Source"])


__all__ = [
    "COMPARATORS",
    "comparator_table",
    "county_change",
    "district_changes",
    "district_names",
    "district_rates",
    "district_table",
    "plot_district_changes",
]
