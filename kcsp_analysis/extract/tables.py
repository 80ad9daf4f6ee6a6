"""Tables of a report: every table block read by the one table interpreter.

The readers give tables as blocks whatever the container
(:mod:`~kcsp_analysis.extract.blocks`); :mod:`~kcsp_analysis.extract.table_reader`
reads each into figures and stated changes. This module keeps the document-level entry
point and the names tests and other modules import.
"""

from __future__ import annotations

from kcsp_analysis.extract.blocks import TableBlock, split_sentences
from kcsp_analysis.extract.documents import Document
from kcsp_analysis.extract.scope_statements import stated_area
from kcsp_analysis.extract.table_changes import (
    change_basis,
    change_glyphs,
    read_change_cell,
    span_locator,
)
from kcsp_analysis.extract.table_reader import TableResult, read_table

__all__ = [
    "TableResult",
    "change_basis",
    "change_glyphs",
    "extract_tables",
    "read_change_cell",
    "span_locator",
]


def extract_tables(document: Document) -> TableResult:
    """Figures and stated changes of every table in ``document``."""
    result = TableResult()
    scope = ""
    for block in document.blocks:
        if isinstance(block, TableBlock):
            read_table(block, document.source, result, scope)
        else:
            # "Unless stated otherwise, figures are for Kent and Medway": the tables below
            # whose own words name no area are the paper's area.
            for sentence in split_sentences(block.text):
                scope = stated_area(sentence) or scope
    return result
