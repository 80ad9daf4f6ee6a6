"""Where an area's briefings go, and the check that an area or period has figures at all.

The partnership's own area, Kent, is built into ``reports/``; any other area into
``reports/<area slug>/``, so a build for Dover never touches Kent's pages or another
area's. An area or period with no figure at all stops the build before any notebook
runs, naming the areas or periods that have figures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kcsp_analysis import paths
from kcsp_analysis.errors import KcspError

if TYPE_CHECKING:
    from kcsp_analysis.build.briefings import BuildLayout

DEFAULT_AREA = "Kent"


def area_slug(area: str) -> str:
    """Return an area's folder name: ``Tonbridge and Malling`` is ``tonbridge-and-malling``.

    >>> area_slug("Kent and Medway")
    'kent-and-medway'
    """
    return re.sub(r"[^a-z0-9]+", "-", area.lower()).strip("-")


def report_folder(layout: BuildLayout, area: str | None) -> Path:
    """Return where a build's pages go: ``reports/`` for Kent, ``reports/<area slug>/`` else."""
    if area is None or area == DEFAULT_AREA:
        return layout.reports
    return layout.reports / area_slug(area)


def _stated_areas(processed: Path) -> set[str]:
    """Areas with a change the papers state (Dover "up 10.5%") though no figure of theirs."""
    from kcsp_analysis.processed.reconciliation import read_reconciliation

    path = processed / paths.RECONCILIATION_NAME
    if not path.is_file():
        return set()
    table = read_reconciliation(path)
    return set(table.loc[table["kind"] == "change", "area"])


def check_has_figures(processed: Path, parameters: Mapping[str, Any]) -> None:
    """Refuse an area, or a period of it, with no figure at all, naming those that have.

    A change the papers state for an area (a district "up 10.5%") counts as a figure of
    that area: its briefing shows it, labelled as stated by the paper.

    Raises
    ------
    KcspError
        No figure for the area (the areas with figures are listed), or none for the
        period in that area (its periods with figures are listed).
    """
    area, period = parameters.get("area"), parameters.get("period")
    if area is None and period is None:
        return
    from kcsp_analysis.processed.measures import read_measures

    measures_file = processed / paths.MEASURES_NAME
    frame = read_measures(measures_file)
    stated = _stated_areas(processed)
    if area is not None and not (frame["area"] == area).any() and area not in stated:
        have = ", ".join(sorted(set(frame["area"]) | stated))
        raise KcspError(
            f"no figures for area {area!r}; areas with figures: {have}",
            source=str(measures_file),
        )
    chosen = frame[frame["area"] == (area or DEFAULT_AREA)]
    if period is not None and not (chosen["period"] == period).any() and chosen.size:
        have = ", ".join(dict.fromkeys(chosen.sort_values("period_start")["period"]))
        raise KcspError(
            f"no figures for period {period!r} in {area or DEFAULT_AREA}; periods with "
            f"figures: {have}",
            source=str(measures_file),
        )


__all__ = ["DEFAULT_AREA", "area_slug", "check_has_figures", "report_folder"]
