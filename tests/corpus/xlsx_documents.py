"""Spreadsheet test documents in police data-pack layouts, written with openpyxl.

Title rows sit above the header; months are real date cells shown as ``mmm-yy``;
percentages are fractions shown as ``0.0%``; districts are rows; a notes sheet follows.
The documents are test documents written for kcsp-analysis's tests; figures invented.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

MARK = "Test document written for kcsp-analysis's tests; figures invented."

DISTRICTS = (
    "Ashford",
    "Canterbury",
    "Dartford",
    "Dover",
    "Folkestone and Hythe",
    "Gravesham",
    "Maidstone",
    "Sevenoaks",
    "Swale",
    "Thanet",
    "Tonbridge and Malling",
    "Tunbridge Wells",
)

# Domestic abuse incidents, April, May and June 2017, in the order of DISTRICTS.
DA_INCIDENTS = (
    (142, 151, 160),
    (188, 179, 195),
    (131, 127, 140),
    (139, 146, 152),
    (150, 158, 149),
    (129, 134, 138),
    (176, 182, 190),
    (88, 92, 97),
    (190, 201, 207),
    (228, 236, 251),
    (112, 109, 118),
    (91, 98, 94),
)
# Share of those incidents involving a repeat victim, as fractions rounded to 0.1%.
DA_REPEAT_SHARE = (
    (0.243, 0.251, 0.238),
    (0.262, 0.255, 0.270),
    (0.229, 0.241, 0.236),
    (0.281, 0.274, 0.290),
    (0.266, 0.259, 0.262),
    (0.248, 0.252, 0.244),
    (0.237, 0.246, 0.241),
    (0.212, 0.225, 0.219),
    (0.275, 0.283, 0.279),
    (0.301, 0.296, 0.308),
    (0.231, 0.238, 0.229),
    (0.219, 0.214, 0.226),
)
DA_REPEAT_SHARE_KENT = (0.254, 0.257, 0.259)
MONTHS_2017 = (datetime(2017, 4, 1), datetime(2017, 5, 1), datetime(2017, 6, 1))


def _titles(sheet: Worksheet, *lines: str) -> None:
    for row, text in enumerate((MARK, *lines), start=1):
        sheet.cell(row=row, column=1, value=text).font = Font(bold=row == 2)


def _notes(workbook: Workbook, *lines: str) -> None:
    sheet = workbook.create_sheet("Notes")
    sheet.cell(row=1, column=1, value="Notes")
    for row, text in enumerate(lines, start=2):
        sheet.cell(row=row, column=1, value=text)


def _month_header(sheet: Worksheet, row: int, label: str) -> None:
    sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
    for column, when in enumerate(MONTHS_2017, start=2):
        cell = sheet.cell(row=row, column=column, value=when)
        cell.number_format = "mmm-yy"
        cell.font = Font(bold=True)


def domestic_abuse_datapack(path: Path) -> None:
    """Districts as rows, three months as date columns; counts, then repeat shares."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Domestic abuse"
    _titles(
        sheet,
        "Kent Police performance data pack: domestic abuse",
        "Kent (excluding Medway), by district, April to June 2017",
        "Table A: domestic abuse incidents recorded",
    )
    _month_header(sheet, 6, "District")
    for offset, (district, counts) in enumerate(zip(DISTRICTS, DA_INCIDENTS, strict=True)):
        sheet.cell(row=7 + offset, column=1, value=district)
        for column, count in enumerate(counts, start=2):
            sheet.cell(row=7 + offset, column=column, value=count)
    totals = [sum(month) for month in zip(*DA_INCIDENTS, strict=True)]
    sheet.cell(row=19, column=1, value="Kent total").font = Font(bold=True)
    for column, total in enumerate(totals, start=2):
        sheet.cell(row=19, column=column, value=total).font = Font(bold=True)
    sheet.cell(row=22, column=1, value="Table B: incidents involving a repeat victim (%)")
    _month_header(sheet, 23, "District")
    for offset, (district, shares) in enumerate(zip(DISTRICTS, DA_REPEAT_SHARE, strict=True)):
        sheet.cell(row=24 + offset, column=1, value=district)
        for column, share in enumerate(shares, start=2):
            sheet.cell(row=24 + offset, column=column, value=share).number_format = "0.0%"
    sheet.cell(row=36, column=1, value="Kent total").font = Font(bold=True)
    for column, share in enumerate(DA_REPEAT_SHARE_KENT, start=2):
        sheet.cell(row=36, column=column, value=share).number_format = "0.0%"
    sheet.column_dimensions["A"].width = 26
    _notes(
        workbook,
        "1. Figures are provisional and may change as crimes are reclassified.",
        "2. Incidents are counted in the month they were reported.",
        "3. Data extracted 14 July 2017. Contact the Analysis Unit on 01622 690 690.",
    )
    workbook.save(path)


# Calendar-year counts for four areas: (area, 2014, 2015, 2016) per block.
CRIME_BLOCKS = (
    (
        "Domestic burglary",
        (("Canterbury", 612, 574, 590), ("Dover", 301, 322, 287), ("Thanet", 655, 610, 634)),
    ),
    (
        "Robbery",
        (("Canterbury", 71, 64, 82), ("Dover", 38, 41, 35), ("Thanet", 96, 88, 104)),
    ),
    (
        "Theft and handling stolen goods",
        (
            ("Canterbury", 4_120, 4_305, 4_472),
            ("Dover", 2_218, 2_190, 2_356),
            ("Thanet", 4_480, 4_612, 4_799),
        ),
    ),
)
MEDWAY_ROWS = {
    "Domestic burglary": (1_104, 1_052, 1_118),
    "Robbery": (212, 197, 230),
    "Theft and handling stolen goods": (8_214, 8_390, 8_677),
}
# ASB victims and witnesses satisfied: (area, 2014/15, 2015/16) as fractions.
ASB_SATISFACTION = (("Kent (excluding Medway)", 0.812, 0.798), ("Medway", 0.774, 0.781))


def district_crime_datapack(path: Path) -> None:
    """Blocks of area rows by calendar year, a 'total of areas shown', a survey sheet."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Crime"
    _titles(
        sheet,
        "East Kent and Medway crime data pack",
        "Police-recorded offences by calendar year, 2014 to 2016",
    )
    row = 5
    for measure, rows in CRIME_BLOCKS:
        sheet.cell(row=row, column=1, value=measure).font = Font(bold=True)
        row += 1
        for column, heading in enumerate(("Area", 2014, 2015, 2016), start=1):
            sheet.cell(row=row, column=column, value=heading).font = Font(bold=True)
        all_rows = [*rows, ("Medway", *MEDWAY_ROWS[measure])]
        for area, *counts in all_rows:
            row += 1
            sheet.cell(row=row, column=1, value=area)
            for column, count in enumerate(counts, start=2):
                sheet.cell(row=row, column=column, value=count)
        row += 1
        sheet.cell(row=row, column=1, value="Total of areas shown").font = Font(bold=True)
        for column in range(2, 5):
            total = sum(int(r[column - 1]) for r in all_rows)
            sheet.cell(row=row, column=column, value=total).font = Font(bold=True)
        row += 3
    sheet.column_dimensions["A"].width = 34
    survey = workbook.create_sheet("ASB survey")
    survey.cell(row=1, column=1, value=MARK)
    survey.cell(
        row=2,
        column=1,
        value="Victims and witnesses of ASB satisfied with the overall service provided",
    )
    for column, heading in enumerate(("Area", "2014/15", "2015/16"), start=1):
        survey.cell(row=4, column=column, value=heading).font = Font(bold=True)
    for offset, (area, first, second) in enumerate(ASB_SATISFACTION, start=5):
        survey.cell(row=offset, column=1, value=area)
        for column, share in ((2, first), (3, second)):
            survey.cell(row=offset, column=column, value=share).number_format = "0.0%"
    _notes(
        workbook,
        "Canterbury, Dover and Thanet form the East Kent partnership; 3 districts in all.",
        "The total row adds the areas shown and is not a county figure.",
        "Prepared 9 February 2017.",
    )
    workbook.save(path)


# MARAC in Kent (excluding Medway), 2018: (cases heard, repeat cases) for each month.
MARAC_MONTHS = (
    (158, 47),
    (149, 44),
    (163, 51),
    (155, 46),
    (167, 52),
    (161, 50),
    (171, 55),
    (152, 45),
    (164, 49),
    (169, 53),
    (158, 48),
    (153, 42),
)


def marac_datapack(path: Path) -> None:
    """Months as date rows; repeat rate as an unrounded ratio shown as ``0.0%``."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "MARAC 2018"
    _titles(
        sheet,
        "MARAC activity: Kent (excluding Medway)",
        "Cases heard at MARAC by month, January to December 2018",
    )
    for column, heading in enumerate(("Month", "Cases heard", "Repeat cases", "Repeat rate"), 1):
        sheet.cell(row=5, column=column, value=heading).font = Font(bold=True)
    for offset, (cases, repeats) in enumerate(MARAC_MONTHS):
        row = 6 + offset
        sheet.cell(row=row, column=1, value=datetime(2018, offset + 1, 1)).number_format = "mmm-yy"
        sheet.cell(row=row, column=2, value=cases)
        sheet.cell(row=row, column=3, value=repeats)
        sheet.cell(row=row, column=4, value=repeats / cases).number_format = "0.0%"
    cases_total = sum(c for c, _ in MARAC_MONTHS)
    repeats_total = sum(r for _, r in MARAC_MONTHS)
    sheet.cell(row=18, column=1, value="2018 total").font = Font(bold=True)
    sheet.cell(row=18, column=2, value=cases_total)
    sheet.cell(row=18, column=3, value=repeats_total)
    sheet.cell(row=18, column=4, value=repeats_total / cases_total).number_format = "0.0%"
    sheet.cell(row=19, column=1, value="Monthly average")
    sheet.cell(row=19, column=2, value=cases_total / 12).number_format = "0"
    _notes(
        workbook,
        "Cases are counted at the MARAC where they were heard; 4 MARAC areas in Kent.",
        "A repeat case is one heard again within 12 months of its last hearing.",
        "SafeLives expects a repeat rate between 28% and 40%.",
    )
    workbook.save(path)
