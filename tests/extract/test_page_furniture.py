"""Running headers and footers of a PDF, and a sentence that a page break cuts.

The document here is a test document written for kcsp-analysis's tests, drawn with
fpdf2; its figures are invented. ``TRUTH`` lists every catalogue figure it prints, and
the test checks both that each is found and that nothing else is. It also names
figures by pointing back ("Of the 1,510 cases"), by "when" after a period, and by "the
same 12 months".
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from kcsp_analysis.extract.documents import read_document
from kcsp_analysis.extract.reports import extract_report

fpdf = pytest.importorskip("fpdf")

NAME = "reports/2018-03-20_community_safety_review.pdf"
PAGE_ONE = (
    "Test document written for kcsp-analysis's tests; figures invented.",
    "",
    "1.1 In the 12 months to September 2017, 1,840 cases were heard at MARACs in Kent",
    "(excluding Medway), an increase of 4% on the previous 12 months, when 1,769 cases",
    "were heard.",
    "",
    "1.2 The MARACs in Kent heard 1,510 cases in 2016/17.",
    "",
    "1.3 Of the 1,510 cases heard in Kent, 420 were repeat cases.",
    "",
    "2.1 Kent Police recorded 1,020 ASB incidents in Sevenoaks in 2016/17. Over the same",
    "12 months Tonbridge and Malling recorded 1,214 ASB incidents.",
    "",
    "3.1 In 2017, 48 people were killed on roads in Kent (excluding Medway), compared with",
)
PAGE_TWO = (
    "55 in 2016. A further 4,102 people were slightly injured.",
    "",
    "Table 1: Road casualties in Thanet by severity, calendar years",
    "",
    "Year          Killed          Seriously injured          Slightly injured",
    "2015               4                                61                               498",
    "2016               6                                55                               512",
)

# Left out: 4% (a change); the page numbers and the year of the footer's date.
TRUTH = {
    ("marac_cases", "Kent", "12 months to 2017-09", 1840.0),
    ("marac_cases", "Kent", "12 months to 2016-09", 1769.0),
    ("marac_cases", "Kent", "2016/17", 1510.0),
    ("marac_repeat_cases", "Kent", "2016/17", 420.0),
    ("asb_incidents", "Sevenoaks", "2016/17", 1020.0),
    ("asb_incidents", "Tonbridge and Malling", "2016/17", 1214.0),
    ("road_deaths", "Kent", "2017", 48.0),
    ("road_deaths", "Kent", "2016", 55.0),
    ("slightly_injured", "Kent", "2017", 4102.0),
    ("road_deaths", "Thanet", "2015", 4.0),
    ("seriously_injured", "Thanet", "2015", 61.0),
    ("slightly_injured", "Thanet", "2015", 498.0),
    ("road_deaths", "Thanet", "2016", 6.0),
    ("seriously_injured", "Thanet", "2016", 55.0),
    ("slightly_injured", "Thanet", "2016", 512.0),
}


class _Review(fpdf.FPDF):  # type: ignore[misc,name-defined]
    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.cell(120, 5, "Kent Community Safety Review 2017", align="L")
        self.cell(0, 5, "OFFICIAL", align="R", new_x="LMARGIN", new_y="NEXT")
        self.ln(6)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(120, 5, "KCC Community Safety Team | March 2018", align="L")
        self.cell(0, 5, f"Page {self.page_no()} of 2", align="R")


def _review(tmp_path: Path) -> Path:
    pdf = _Review(format="A4")
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(False)
    for lines in (PAGE_ONE, PAGE_TWO):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 10)
        for line in lines:
            pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / NAME
    path.parent.mkdir(parents=True)
    pdf.output(str(path))
    return path


def test_headers_and_footers_are_dropped_and_the_cut_sentence_joined(tmp_path: Path) -> None:
    _review(tmp_path)
    texts = [getattr(block, "text", "") for block in read_document(tmp_path, NAME).blocks]
    assert not any("OFFICIAL" in text or "Page 1" in text for text in texts)
    assert any(
        text.endswith("compared with 55 in 2016. A further 4,102 people were slightly injured.")
        for text in texts
    )


def test_every_figure_bound_and_nothing_else(tmp_path: Path) -> None:
    _review(tmp_path)
    extraction = extract_report(tmp_path, NAME)
    found = {
        (o.measure, o.area, o.period.label, round(o.value, 6))
        for o in extraction.observations
        if not math.isnan(o.value)
    }
    assert found == TRUTH
