"""Input kind ``reports/``: committee papers (txt, md, HTML, PDF, xlsx) read for figures.

The document is read into blocks (:mod:`~kcsp_analysis.extract.documents`); its table
blocks (:mod:`~kcsp_analysis.extract.table_reader`) and then its text blocks
(:mod:`~kcsp_analysis.extract.narrative`) give figures, stated changes and amendments.
"""

from __future__ import annotations

from pathlib import Path

from kcsp_analysis.extract.records import Extraction


def extract_report(raw_dir: Path, name: str) -> Extraction:
    """Figures, stated changes, amendments and log of one report under ``reports/``."""
    from kcsp_analysis.extract.documents import read_document
    from kcsp_analysis.extract.narrative import extract_narrative
    from kcsp_analysis.extract.quarter_labels import align_quarters
    from kcsp_analysis.extract.tables import extract_tables

    document = read_document(raw_dir, name)
    tables = extract_tables(document)
    narrative = extract_narrative(document, set(), tables.observations)
    observations, stated_changes = align_quarters(
        document,
        [*tables.observations, *narrative.observations],
        [*tables.stated_changes, *narrative.stated_changes],
    )
    return Extraction(
        observations=observations,
        stated_changes=stated_changes,
        amendments=list(narrative.amendments),
        log=[*tables.log, *narrative.log],
    )


def extract(raw_dir: Path, name: str) -> Extraction:
    """Return the input kind's reader (see :mod:`~kcsp_analysis.extract.registry`)."""
    return extract_report(raw_dir, name)
