"""Score extraction on the test corpus: figures found and figures wrong, per document.

A document is copied (or generated) into ``<folder>/reports/`` and read by the reports
reader; its figures are compared with its truth file as (measure, area, period, value).
"""

from __future__ import annotations

import csv
import math
import shutil
from dataclasses import dataclass
from pathlib import Path

from kcsp_analysis.extract.reports import extract_report
from tests.corpus.generated import GENERATED

CORPUS = Path(__file__).resolve().parent
DOCUMENTS = CORPUS / "documents"
TRUTH = CORPUS / "truth"

Figure = tuple[str, str, str, float]


@dataclass(frozen=True)
class Score:
    """How one document read: its truth figures, those found, and those wrong."""

    document: str
    truth: frozenset[Figure]
    extracted: frozenset[Figure]

    @property
    def missing(self) -> frozenset[Figure]:
        """Return truth figures the extractor did not give."""
        return self.truth - self.extracted

    @property
    def wrong(self) -> frozenset[Figure]:
        """Return extracted figures the truth file does not hold."""
        return self.extracted - self.truth


def corpus_documents() -> list[str]:
    """Return the file names of every corpus document, kept or generated."""
    kept = [p.name for p in DOCUMENTS.iterdir() if p.is_file() and not p.name.startswith(".")]
    return sorted({*kept, *GENERATED})


def _value(text: str) -> float:
    value = float(text.replace(",", ""))
    return round(value, 6)


def read_truth(document: str) -> frozenset[Figure]:
    """Return the figures the truth file of ``document`` lists."""
    path = TRUTH / f"{document}.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return frozenset((r["measure"], r["area"], r["period"], _value(r["value"])) for r in rows)


def place_document(document: str, raw_dir: Path) -> str:
    """Copy or build ``document`` into ``raw_dir/reports/``; return its raw-relative name."""
    target = raw_dir / "reports" / document
    target.parent.mkdir(parents=True, exist_ok=True)
    if document in GENERATED:
        GENERATED[document](target)
    else:
        shutil.copyfile(DOCUMENTS / document, target)
    return f"reports/{document}"


def score_document(document: str, raw_dir: Path) -> Score:
    """Read ``document`` from a fresh copy under ``raw_dir`` and score it."""
    name = place_document(document, raw_dir)
    extraction = extract_report(raw_dir, name)
    extracted = frozenset(
        (o.measure, o.area, o.period.label, round(o.value, 6))
        for o in extraction.observations
        if not math.isnan(o.value)
    )
    return Score(document, read_truth(document), extracted)
