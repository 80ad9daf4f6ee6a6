"""``kcsp template``: an empty figures file listing every accepted id, area and form."""

from __future__ import annotations

import io
from pathlib import Path

from kcsp_analysis import catalogue
from kcsp_analysis.atomic import write_bytes_atomic, write_text_atomic
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.figures import REFERENCE_SHEET, TEMPLATE_COLUMNS
from kcsp_analysis.periods import ACCEPTED_FORMS


def write_template(path: Path) -> None:
    """Write an empty figures template to ``path``: CSV or XLSX by the extension.

    The CSV template is the header row and comment lines listing the accepted measure
    ids, areas and period forms; the XLSX template has a ``figures`` sheet with the header
    and a second sheet, ``accepted values``, listing them. The file is written atomically.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_text_atomic(path, _template_csv_text())
    elif suffix == ".xlsx":
        write_bytes_atomic(path, _template_xlsx_bytes())
    else:
        raise KcspError(
            f"a template is .csv or .xlsx; found {suffix or 'no extension'}", source=str(path)
        )


def accepted_values() -> list[tuple[str, str, str]]:
    """(kind, value, description) for every accepted measure id, area, period form, qualifier."""
    rows = [
        ("measure", m.id, f"{m.display_name} ({m.unit})") for m in catalogue.measures().values()
    ]
    rows += [("area", a.name, a.note or a.kind) for a in catalogue.areas().values()]
    rows += [
        ("area alias", alias, f"read as {area}")
        for alias, area in catalogue.area_aliases().items()
        if alias != area
    ]
    rows += [("period form", form, "") for form in ACCEPTED_FORMS]
    rows += [
        ("qualifier", "", "empty: an exact figure"),
        ("qualifier", "more_than", "published as 'over 57,000'"),
        ("qualifier", "less_than", "published as 'just under 50,000'"),
        ("qualifier", "approx", "published as 'approximately a quarter'"),
    ]
    return rows


def _template_csv_text() -> str:
    out = io.StringIO()
    out.write(",".join(TEMPLATE_COLUMNS) + "\n")
    out.write("# One figure a row; lines starting with # are ignored. Accepted values:\n")
    for kind, value, description in accepted_values():
        detail = f" - {description}" if description else ""
        out.write(f"# {kind}: {value}{detail}\n")
    return out.getvalue()


def _template_xlsx_bytes() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    figures = workbook.active
    figures.title = "figures"
    figures.append(list(TEMPLATE_COLUMNS))
    reference = workbook.create_sheet(REFERENCE_SHEET)
    reference.append(["kind", "value", "description"])
    for row in accepted_values():
        reference.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
