"""PDF test documents, drawn with fpdf2: ruled and unruled tables, two columns, pages.

The documents are test documents written for kcsp-analysis's tests; their figures are
invented. Text uses the PDF core fonts, so it stays within Latin-1 (hyphens, not dashes).
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

MARK = "Test document written for kcsp-analysis's tests; figures invented."


class _Paper(FPDF):
    """A committee paper: a running header with the title, a footer with page and date."""

    def __init__(self, running_title: str, published: str) -> None:
        super().__init__(format="A4")
        self.running_title = running_title
        self.published = published
        self.set_auto_page_break(auto=True, margin=20)
        self.set_margins(20, 20, 20)

    def header(self) -> None:
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, self.running_title, align="L")
        page = f"Page {self.page_no()} of {{nb}}"
        self.cell(0, 5, page, align="R", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, f"Published {self.published}", align="C")


def _heading(pdf: FPDF, text: str, size: int = 12) -> None:
    pdf.set_font("Helvetica", "B", size)
    pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _ruled_table(pdf: FPDF, rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> None:
    pdf.set_font("Helvetica", "", 10)
    with pdf.table(col_widths=widths, width=sum(widths), text_align="RIGHT", align="LEFT") as table:
        for cells in rows:
            row = table.row()
            for number, text in enumerate(cells):
                row.cell(text, align="LEFT" if number == 0 else "RIGHT")
    pdf.ln(4)


def _start(pdf: _Paper) -> None:
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 8)
    pdf.cell(0, 5, MARK, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def road_casualty_review(path: Path) -> None:
    """Two pages: ruled tables whose rows are severities and whose captions name the area."""
    pdf = _Paper("Kent Road Casualty Review 2014", "3 June 2015")
    _start(pdf)
    _heading(pdf, "Kent Community Safety Partnership: Road Casualty Review 2014", 14)
    _paragraph(
        pdf,
        "1. This review is presented to the partnership meeting of 7 July 2015. It sets out "
        "the casualties reported on roads in Kent (excluding Medway) and in Medway for the "
        "three calendar years to 2014. Queries to the Road Safety Team on 03000 418 181.",
    )
    _heading(pdf, "Table 2: Road casualties in Kent, 2012-2014", 11)
    _ruled_table(
        pdf,
        [
            ("Severity", "2012", "2013", "2014"),
            ("Killed", "49", "55", "47"),
            ("Seriously injured", "512", "548", "531"),
            ("Killed or seriously injured", "561", "603", "578"),
            ("Slightly injured", "5,108", "4,986", "5,215"),
        ],
        (70, 25, 25, 25),
    )
    _paragraph(
        pdf,
        "2. There were 498 collisions in Kent in 2014 in which someone was killed or "
        "seriously injured. The partnership's target is a 33% reduction against the "
        "2005-09 average.",
    )
    pdf.add_page()
    _heading(pdf, "Table 3: Road casualties in Medway, 2013 and 2014", 11)
    _ruled_table(
        pdf,
        [
            ("Severity", "2013", "2014"),
            ("Killed", "4", "6"),
            ("Seriously injured", "58", "63"),
            ("Killed or seriously injured", "62", "69"),
            ("Slightly injured", "688", "702"),
        ],
        (70, 25, 25),
    )
    _paragraph(
        pdf,
        "3. Medway Council funds 2 road safety officers; a grant of £12,000 supports the "
        "young drivers' course at 14 schools. See appendix 1 for the collision map.",
    )
    pdf.output(str(path))


_DISTRICT_CRIME = (
    ("Ashford", "7,812", "8,450", "+8.2%"),
    ("Canterbury", "10,915", "11,702", "+7.2%"),
    ("Dartford", "6,980", "7,644", "+9.5%"),
    ("Dover", "6,402", "7,011", "+9.5%"),
    ("Shepway", "7,205", "7,890", "+9.5%"),
    ("Gravesham", "7,330", "8,021", "+9.4%"),
    ("Maidstone", "11,408", "12,530", "+9.8%"),
    ("Sevenoaks", "5,112", "5,498", "+7.6%"),
    ("Swale", "9,874", "10,911", "+10.5%"),
    ("Thanet", "12,640", "13,802", "+9.2%"),
    ("Tonbridge and Malling", "6,021", "6,577", "+9.2%"),
    ("Tunbridge Wells", "5,560", "6,044", "+8.7%"),
    ("Kent total", "97,259", "106,080", "+9.1%"),
)


def _unruled_table(pdf: FPDF, rows: tuple[tuple[str, ...], ...], columns: tuple[int, ...]) -> None:
    """Draw rows as text placed at fixed x positions, no borders (a typeset table)."""
    for cells in rows:
        y = pdf.get_y()
        for number, (x, text) in enumerate(zip(columns, cells, strict=True)):
            if number == 0:
                pdf.set_xy(x, y)
                pdf.cell(60, 5, text, align="L")
            else:
                pdf.set_xy(x - 28, y)
                pdf.cell(28, 5, text, align="R")
        pdf.set_xy(pdf.l_margin, y + 5.5)
    pdf.ln(3)


def district_crime_summary(path: Path) -> None:
    """Two pages: an unruled table of districts, then running text on violence."""
    pdf = _Paper("Crime in Kent: district summary 2016/17", "27 June 2017")
    _start(pdf)
    _heading(pdf, "Crime in Kent: district summary for 2016/17", 14)
    _paragraph(
        pdf,
        "1.1 The table shows all police-recorded crime in each district of Kent for the "
        "financial years 2015/16 and 2016/17. Medway is reported separately (section 3).",
    )
    _heading(pdf, "All recorded crime by district", 11)
    pdf.set_font("Helvetica", "B", 10)
    _unruled_table(pdf, (("District", "2015/16", "2016/17", "Change"),), (20, 120, 150, 180))
    pdf.set_font("Helvetica", "", 10)
    _unruled_table(pdf, _DISTRICT_CRIME, (20, 120, 150, 180))
    _paragraph(
        pdf,
        "1.2 Every district recorded more crime than the year before. Crime recording "
        "audits at 3 custody suites account for part of the rise.",
    )
    pdf.add_page()
    _heading(pdf, "2. Violence", 12)
    _paragraph(
        pdf,
        "2.1 Violent crime in Kent (excluding Medway) rose to 31,402 offences in 2016/17, "
        "compared with 26,918 in 2015/16. Violence with injury accounted for 11,230 "
        "offences in 2016/17.",
    )
    _heading(pdf, "3. Medway", 12)
    _paragraph(
        pdf,
        "3.1 Medway recorded 24,116 crimes in 2016/17, against 21,870 in 2015/16. The "
        "Medway Community Safety Partnership meets next on 19 July 2017.",
    )
    pdf.output(str(path))


_COLUMN_TEXT = (
    "Domestic abuse bulletin, July 2016\n\n"
    "In June 2016 Kent Police recorded 1,932 domestic abuse incidents in Kent (excluding "
    "Medway), against 1,788 in June 2015. Of the June 2016 incidents, 27.3% involved a "
    "repeat victim.\n\n"
    "Over the 12 months to June 2016 the total for Kent (excluding Medway) was 21,640 "
    "incidents, up from 20,415 in the 12 months to June 2015, a rise of 6.0%.\n\n"
    "Medway recorded 498 domestic abuse incidents in June 2016, and 5,880 in the 12 "
    "months to June 2016.\n\n"
    "MARAC\n\n"
    "The Kent MARACs heard 121 cases in June 2016, 38 of them repeat cases. Cases were "
    "heard at 12 meetings across 4 areas.\n\n"
    "Support\n\n"
    "The national helpline is 0808 2000 247. Refuges in Kent offer 14 places for women "
    "with children, and the county's 18 IDVAs took 640 new referrals in the quarter. "
    "A further £20,000 has been granted for the sanctuary scheme."
)


def domestic_abuse_bulletin(path: Path) -> None:
    """One page of running text set in two columns."""
    pdf = _Paper("Kent and Medway Domestic Abuse Bulletin", "20 July 2016")
    _start(pdf)
    _heading(pdf, "Kent and Medway Domestic Abuse Strategy Group", 14)
    pdf.set_font("Helvetica", "", 10)
    with pdf.text_columns(ncols=2, gutter=8, balance=True, text_align="LEFT") as columns:
        columns.write(text=_COLUMN_TEXT)
    pdf.output(str(path))


_QUARTERS = (
    ("Offence", "Q1 2017", "Q2 2017", "Q3 2017", "Q4 2017"),
    ("All crime", "42,310", "44,985", "46,102", "44,377"),
    ("Robbery", "342", "361", "398", "415"),
    ("Violence with injury", "4,102", "4,388", "4,560", "4,297"),
)


def annual_review(path: Path) -> None:
    """Three pages with running header and footer: text, a ruled table, more text."""
    pdf = _Paper("Kent Community Safety Partnership - Annual Review 2017", "14 March 2018")
    _start(pdf)
    _heading(pdf, "Annual Review 2017", 16)
    _paragraph(
        pdf,
        "Foreword. This review looks back on the calendar year 2017 for the force area "
        "(Kent and Medway). It was agreed by the partnership on 13 March 2018 and is "
        "published alongside the Community Safety Agreement 2017-20.",
    )
    for number in range(1, 4):
        _paragraph(
            pdf,
            f"Priority {number}. The partnership's work under this priority is described "
            "in the delivery plan, with case studies from district partnerships and the "
            "voluntary sector. Progress reports come to each quarterly meeting.",
        )
    pdf.add_page()
    _heading(pdf, "Table 1: Recorded crime in Kent and Medway by quarter, 2017", 11)
    _ruled_table(pdf, list(_QUARTERS), (55, 25, 25, 25, 25))
    _paragraph(
        pdf,
        "In 2017 as a whole Kent and Medway recorded 177,774 crimes, of which 1,516 were "
        "robberies. The force opened 2 new custody suites during the year.",
    )
    pdf.add_page()
    _heading(pdf, "Anti-social behaviour", 12)
    _paragraph(
        pdf,
        "Tunbridge Wells recorded 2,406 anti-social behaviour incidents in 2017, against "
        "2,611 in 2016. In the 2017/18 Kent Crime and Victimisation Survey, 3.6% of "
        "respondents in Kent (excluding Medway) perceived a high level of anti-social "
        "behaviour in their area.",
    )
    _paragraph(
        pdf,
        "Satisfaction among victims remains high: 83% said they were satisfied, and the "
        "target for 2018 is 85%.",
    )
    pdf.output(str(path))
