"""Quality statements: what each measure counts, for which area, from whom, with what status.

The statements are catalogue data (``kcsp_analysis/data/quality_statements.csv``), with
their sources; the area's description comes from ``areas.csv`` ("Kent" is the county
council area, without Medway) and the dated breaks from ``series_breaks.csv``.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

from kcsp_analysis import catalogue
from kcsp_analysis.errors import KcspError

QUALITY_FILE = "quality_statements.csv"


@dataclass(frozen=True)
class QualityStatement:
    """What a measure counts, who produces it and its status, with the source of the status."""

    measure: str
    counts: str
    producer: str
    status: str
    citation: str


@functools.cache
def quality_statements() -> dict[str, QualityStatement]:
    """Return the quality statement of every measure, by measure id.

    Raises
    ------
    KcspError
        A row names a measure the catalogue does not know, or a measure has no row.
    """
    path = resources.files("kcsp_analysis").joinpath("data", QUALITY_FILE)
    found = {}
    for number, row in enumerate(csv.DictReader(path.read_text("utf-8").splitlines()), 2):
        if row["measure"] not in catalogue.measures():
            raise KcspError(
                catalogue.unknown_message("measure", row["measure"], catalogue.measures()),
                source=f"kcsp_analysis/data/{QUALITY_FILE}",
                locator=f"line {number}",
            )
        found[row["measure"]] = QualityStatement(**row)
    missing = [m for m in catalogue.measures() if m not in found]
    if missing:
        raise KcspError(
            f"no quality statement for {', '.join(missing)}",
            source=f"kcsp_analysis/data/{QUALITY_FILE}",
        )
    return found


def quality_sentence(measure: str, area: str) -> str:
    """Return the quality statement of a measure for an area, as one sentence.

    >>> quality_sentence("road_deaths", "Kent").split("; ")[1]
    'excludes Medway)'
    """
    item = quality_statements()[measure]
    note = catalogue.areas()[area].note
    where = f"{area} ({note})" if note else area
    breaks = [b for b in catalogue.series_breaks() if b.measure == measure]
    dated = "; series breaks: " + ", ".join(b.break_date for b in breaks) if breaks else ""
    return (
        f"{catalogue.measure(measure).display_name}: counts {item.counts}, for {where}; "
        f"produced by {item.producer}; status: {item.status} (source: {item.citation}){dated}."
    )
