"""Score the held-out sets: test documents written by others, each with a truth file.

Each folder under ``held_out/`` holds documents written for kcsp-analysis's tests by a
writer who saw only the data contract (figures invented), their truth files
(``truth/<document>.csv``), the writer's ``NOTES.md`` and, for PDFs and workbooks, the
``generate.py`` that built them. Figures are compared by measure, area, the dates of
the period and value, so "12 months to 2017-12" and "2017" are one period.
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kcsp_analysis.extract.reports import extract_report
from kcsp_analysis.periods import parse_period

HELD_OUT = Path(__file__).resolve().parent / "held_out"

Key = tuple[str, str, date, date, float]


@dataclass(frozen=True)
class HeldOutScore:
    """How one held-out document read: truth figures, those found, those wrong."""

    document: str
    truth: frozenset[Key]
    extracted: frozenset[Key]

    @property
    def found(self) -> int:
        """Return how many truth figures were extracted."""
        return len(self.truth & self.extracted)

    @property
    def wrong(self) -> frozenset[Key]:
        """Return extracted figures the truth file does not hold."""
        return self.extracted - self.truth


def _key(measure: str, area: str, period: str, value: float) -> Key:
    span = parse_period(period)
    return (measure, area, span.start, span.end, round(value, 6))


def held_out_documents() -> list[Path]:
    """Return every held-out document that has a truth file, set by set."""
    return sorted(
        path
        for truth in HELD_OUT.glob("*/truth/*.csv")
        if (path := truth.parent.parent / truth.name.removesuffix(".csv")).is_file()
    )


def score_held_out(document: Path, raw_dir: Path) -> HeldOutScore:
    """Read a fresh copy of ``document`` under ``raw_dir`` and score it against its truth."""
    with open(document.parent / "truth" / f"{document.name}.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    truth = {
        _key(r["measure"], r["area"], r["period"], float(r["value"].replace(",", ""))) for r in rows
    }
    (raw_dir / "reports").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(document, raw_dir / "reports" / document.name)
    extraction = extract_report(raw_dir, f"reports/{document.name}")
    extracted = {_key(o.measure, o.area, o.period.label, o.value) for o in extraction.observations}
    name = f"{document.parent.name}/{document.name}"
    return HeldOutScore(name, frozenset(truth), frozenset(extracted))
