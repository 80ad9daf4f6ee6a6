"""Extraction: ``data/raw/`` to records, every figure with its source and locator.

- :mod:`~kcsp_analysis.extract.registry`: the input kinds and the folder each reads;
- :mod:`~kcsp_analysis.extract.manifest`: the raw files, checked against their checksums;
- :mod:`~kcsp_analysis.extract.records`: what extraction yields (figures, stated
  changes, amendments, log entries);
- input kinds: :mod:`~kcsp_analysis.extract.reports` (committee papers) and
  :mod:`~kcsp_analysis.extract.figures` (an analyst's figures files);
- the report reader's parts, in the order they run: :mod:`~kcsp_analysis.extract.documents`
  (text, HTML, PDF to lines), :mod:`~kcsp_analysis.extract.tables`,
  :mod:`~kcsp_analysis.extract.narrative` with :mod:`~kcsp_analysis.extract.sentences`,
  :mod:`~kcsp_analysis.extract.changes` and :mod:`~kcsp_analysis.extract.numbers`.
"""

from kcsp_analysis.extract.records import Extraction
from kcsp_analysis.extract.registry import INPUT_KINDS, extract_all
from kcsp_analysis.extract.reports import extract_report

__all__ = ["INPUT_KINDS", "Extraction", "extract_all", "extract_report"]
