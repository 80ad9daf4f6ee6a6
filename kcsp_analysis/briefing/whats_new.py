"""What is new since an earlier build: new, revised and vanished figures.

Every build keeps a dated snapshot of the current view (see
:mod:`kcsp_analysis.processed.snapshots`); the overview briefing opens with the
difference from the previous build, or from the build a ``since`` date chooses. A
figure that vanished is reported as missing, never taken as unchanged.
"""

from __future__ import annotations

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis.wording import format_value, subject

CHANGE_KINDS = ("new", "revised", "disappeared")


def what_changed(previous: pd.DataFrame | None, current: pd.DataFrame) -> pd.DataFrame:
    """Figures new, revised or gone since the previous data, one row each.

    A figure is a measure, area and period. ``revised`` means its value differs between
    the two frames (old and new value with their sources); ``disappeared`` means it was
    there before and is not now, which is reported, never read as no change. Figures
    published with several values in one frame are compared by their sets of values.
    """
    columns = ["change", "measure", "area", "period", "old", "new", "old_source", "new_source"]
    if previous is None:
        return pd.DataFrame(columns=columns)
    before, after = _by_figure(previous), _by_figure(current)
    records = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old is None and new is not None:
            records.append(("new", *key, "", new[0], "", new[1]))
        elif new is None and old is not None:
            records.append(("disappeared", *key, old[0], "", old[1], ""))
        elif old is not None and new is not None and old[0] != new[0]:
            records.append(("revised", *key, old[0], new[0], old[1], new[1]))
    return pd.DataFrame(records, columns=columns)


def _by_figure(frame: pd.DataFrame) -> dict[tuple[str, str, str], tuple[str, str]]:
    out = {}
    for (measure, area, period), rows in frame.groupby(["measure", "area", "period"]):
        unit = str(rows["unit"].iloc[0])
        values = sorted(
            {
                format_value(v, unit, q)
                for v, q in zip(rows["value"], rows["qualifier"], strict=True)
            }
        )
        places = sorted(
            {f"{s} {loc}" for s, loc in zip(rows["source"], rows["locator"], strict=True)}
        )
        out[(str(measure), str(area), str(period))] = (" or ".join(values), "; ".join(places))
    return out


def what_changed_sentences(
    changes: pd.DataFrame, has_previous: bool, compared_with: str = ""
) -> list[str]:
    """Sentences that open the overview: counts by kind, then each revision and loss.

    ``compared_with`` names the earlier build (``the build of 2014-10-15 (snapshot
    ...)``); without it the earlier data is called the previous data update.
    """
    if not has_previous:
        return ["This is the first build: there are no earlier figures to compare with."]
    since = compared_with or "the previous data update"
    if changes.empty:
        return [f"No figure is new, revised or gone since {since}."]
    counts = changes["change"].value_counts()
    summary = ", ".join(f"{counts.get(kind, 0)} {kind}" for kind in CHANGE_KINDS)
    sentences = [f"Since {since}: {summary} figures."]
    for _, row in changes[changes["change"] != "new"].iterrows():
        name = f"{subject(row['measure'], row['area'])}, {row['period']}"
        if row["change"] == "revised":
            sentences.append(
                f"{name}: revised from {row['old']} ({row['old_source']}) to {row['new']} "
                f"({row['new_source']})."
            )
        else:
            sentences.append(
                f"{name}: {row['old']} ({row['old_source']}) is no longer in the data; "
                "it is missing, not unchanged."
            )
    return sentences


def changes_table(changes: pd.DataFrame) -> pd.DataFrame:
    """Return the output of :func:`what_changed` with readable names, for display."""
    names = {m: item.display_name for m, item in catalogue.measures().items()}
    out = pd.DataFrame(
        {
            "Change": changes["change"],
            "Measure": changes["measure"].map(names),
            "Area": changes["area"],
            "Period": changes["period"],
            "Before": changes["old"],
            "Now": changes["new"],
            "Source before": changes["old_source"],
            "Source now": changes["new_source"],
        }
    )
    return out.reset_index(drop=True)
