"""Input kind ``reports/``: committee papers (txt, md, HTML, PDF) read for figures.

The document is read into lines (:mod:`~kcsp_analysis.extract.documents`); its tables
(:mod:`~kcsp_analysis.extract.tables`) and then its sentences
(:mod:`~kcsp_analysis.extract.narrative`) give figures, stated changes and amendments.
"""

from __future__ import annotations

from pathlib import Path

from kcsp_analysis.extract.records import Extraction


def extract_report(raw_dir: Path, name: str) -> Extraction:
    """Figures, stated changes, amendments and log of one report under ``reports/``."""
    from kcsp_analysis.extract.documents import read_document
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


def extract(raw_dir: Path, name: str) -> Extraction:
    """Return the input kind's reader (see :mod:`~kcsp_analysis.extract.registry`)."""
    return extract_report(raw_dir, name)
