"""Data packs in ``figures/``: workbooks that are not in the figures template.

A workbook whose first row is the template header (``measure, area, period, value``)
is a figures file (:mod:`~kcsp_analysis.extract.figures`). Any other workbook there is
a data pack, a police or partnership spreadsheet of tables: it is read sheet by sheet
into table blocks (:mod:`~kcsp_analysis.extract.sheet_blocks`) and each table by the
same interpreter as a report's (:mod:`~kcsp_analysis.extract.table_reader`), so cells
whose measure, area or period the sheet does not give are skipped and logged.
"""

from __future__ import annotations

from pathlib import Path

from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.blocks import TableBlock
from kcsp_analysis.extract.records import Extraction
from kcsp_analysis.extract.sheet_blocks import check_workbook_parts, xlsx_to_blocks
from kcsp_analysis.extract.table_reader import TableResult, read_table


def is_template_workbook(path: Path, name: str) -> bool:
    """Tell whether the workbook's first sheet has the template header in its first rows.

    A template with a title row above its header is still a figures file (the template
    reader then names the title row as the problem), not a data pack.
    """
    import openpyxl

    check_workbook_parts(path, name)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise KcspError(f"cannot open as a workbook: {exc}", source=name) from None
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(max_row=10, values_only=True):
                words = {" ".join(str(v).lower().split()) for v in row if v is not None}
                if {"measure", "area", "period", "value"} <= words:
                    return True
            return False
    finally:
        workbook.close()
    return False


def extract_data_pack(raw_dir: Path, name: str) -> Extraction:
    """Figures, stated changes and log of every table of a data pack."""
    result = TableResult()
    for block in xlsx_to_blocks(Path(raw_dir) / name, name):
        if isinstance(block, TableBlock):
            read_table(block, name, result)
    return Extraction(
        observations=result.observations, stated_changes=result.stated_changes, log=result.log
    )
