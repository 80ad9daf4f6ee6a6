"""Extraction: every figure of every raw document, with provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kcsp_analysis.observations import Amendment, LogEntry, Observation, StatedChange

REPORTS_FOLDER = "reports/"
FIGURES_FOLDER = "figures/"


@dataclass
class Extraction:
    """What extraction found in a set of documents."""

    observations: list[Observation] = field(default_factory=list)
    stated_changes: list[StatedChange] = field(default_factory=list)
    amendments: list[Amendment] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)

    def extend(self, other: Extraction) -> None:
        """Add everything ``other`` found."""
        self.observations.extend(other.observations)
        self.stated_changes.extend(other.stated_changes)
        self.amendments.extend(other.amendments)
        self.log.extend(other.log)


def extract_report(raw_dir: Path, name: str) -> Extraction:
    """Figures, stated changes, amendments and log of one report under ``reports/``."""
    from kcsp_analysis.documents import read_document
    from kcsp_analysis.extract.narrative import extract_narrative
    from kcsp_analysis.extract.tables import extract_tables

    document = read_document(raw_dir, name)
    tables = extract_tables(document)
    narrative = extract_narrative(document, tables.table_line_indexes, tables.observations)
    return Extraction(
        observations=[*tables.observations, *narrative.observations],
        stated_changes=[*tables.stated_changes, *narrative.stated_changes],
        amendments=list(narrative.amendments),
        log=[*tables.log, *narrative.log],
    )


def extract_figures(raw_dir: Path, name: str) -> Extraction:
    """Figures and log of one analyst's figures file under ``figures/``."""
    from kcsp_analysis.extract.figures import extract_figures_file

    observations, log = extract_figures_file(raw_dir, name)
    return Extraction(observations=observations, log=log)


def extract_all(raw_dir: Path, files: list[str]) -> Extraction:
    """Extract every listed file (relative to ``raw_dir``): reports/ and figures/ only."""
    extraction = Extraction()
    for name in sorted(files):
        if name.startswith(REPORTS_FOLDER):
            extraction.extend(extract_report(Path(raw_dir), name))
        elif name.startswith(FIGURES_FOLDER):
            extraction.extend(extract_figures(Path(raw_dir), name))
    return extraction
