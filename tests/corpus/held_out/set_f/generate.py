"""Generator for the PDF and XLSX test documents in this folder.

Test documents; all figures invented.
Run with: /work/main/.venv/bin/python generate.py
"""
import datetime as dt
import os

from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# PDF: Environment and Transport Cabinet Committee - road casualties 2015
# ---------------------------------------------------------------------------
PDF_NAME = "2016-09-22_road_casualty_reduction_cabinet_committee.pdf"


class Paper(FPDF):
    def header(self):
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(95, 5, "Environment and Transport Cabinet Committee", border=0)
        self.cell(0, 5, "22 September 2016", border=0, align="R",
                  new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(95, 5, "Kent County Council - Highways, Transportation and Waste")
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def para(pdf, num, text):
    pdf.set_font("Helvetica", "", 10)
    x0 = pdf.l_margin
    pdf.set_x(x0)
    pdf.cell(12, 5.5, num)
    pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def heading(pdf, text):
    pdf.ln(1)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")


def build_pdf():
    pdf = Paper(format="A4")
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(20, 18, 20)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 5, "Test document; figures invented.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 10)
    for label, val in [
        ("By:", "Cabinet Member for Planning, Highways, Transport and Waste;\n"
                "Corporate Director, Growth, Environment and Transport"),
        ("To:", "Environment and Transport Cabinet Committee - 22 September 2016"),
        ("Subject:", "Road Casualty Reduction - 2015 Casualty Figures and Strategy Update"),
        ("Classification:", "Unrestricted"),
        ("Electoral Division:", "All"),
    ]:
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(38, 5.5, label)
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 5.5, val, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    pdf.set_font("Helvetica", "B", 10)
    pdf.multi_cell(0, 5.5, "Summary: This report sets out the confirmed road casualty figures "
                   "for Kent County Council's highway network for the 2015 calendar year and "
                   "the priorities for casualty reduction work in 2016/17.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.multi_cell(0, 5.5, "Recommendation: The Cabinet Committee is asked to NOTE the "
                   "casualty figures and COMMENT on the proposed priorities at paragraph 5.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    heading(pdf, "1. Introduction")
    para(pdf, "1.1", "Kent County Council (KCC) is the highway authority for all roads in the "
         "county other than motorways and trunk roads, which are managed by Highways England, "
         "and the roads of Medway, which is a separate unitary authority. Figures in this "
         "report cover the KCC area (Kent excluding Medway) and all roads within it, "
         "including the strategic network.")
    para(pdf, "1.2", "Casualty data are drawn from STATS19 returns completed by Kent Police "
         "officers attending injury collisions. The 2015 data were validated in June 2016 and "
         "are now final.")

    heading(pdf, "2. Casualties in 2015")
    para(pdf, "2.1", "A total of 668 people were killed or seriously injured (KSI) on roads in "
         "Kent during 2015, compared with 650 in 2014. Of these, 47 people lost their lives, "
         "five fewer than the 52 deaths recorded the year before, while the number seriously "
         "injured rose from 598 to 621.")
    para(pdf, "2.2", "Slight injuries continued to fall: 4,503 people were slightly injured in "
         "2015, down 185 on 2014. The KSI casualties arose from 571 separate collisions in "
         "which at least one person was killed or seriously injured.")
    para(pdf, "2.3", "Against the 2005-2009 baseline average of 755 KSI casualties, the 2015 "
         "figure represents a reduction of 11.5%. The Council's casualty reduction strategy "
         "adopted a target of a 33% reduction in KSI casualties by 2020, so the county is "
         "currently behind the trajectory needed. Nationally, KSI casualties in Great Britain "
         "rose by 3% over the same period.")
    para(pdf, "2.4", "Medway Council, as a separate highway authority, reported 94 KSI "
         "casualties on its roads in 2015; these are not included in the figures below.")

    pdf.ln(1)
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, "Table 1: Reported road casualties by severity, Kent (excluding Medway), "
             "2013 to 2015", new_x="LMARGIN", new_y="NEXT")
    cols = [("Year", 25), ("Killed", 28), ("Seriously\ninjured", 32), ("KSI\n(total)", 28),
            ("Slightly\ninjured", 32), ("All\ncasualties", 25)]
    rows = [
        ("2013", 48, 533, 4520),
        ("2014", 52, 598, 4688),
        ("2015", 47, 621, 4503),
    ]
    pdf.set_font("Helvetica", "B", 9)
    pdf.set_fill_color(220, 230, 241)
    y0 = pdf.get_y()
    x = pdf.l_margin
    for name, w in cols:
        pdf.set_xy(x, y0)
        pdf.multi_cell(w, 5, name, border=1, align="C", fill=True,
                       max_line_height=5, new_x="RIGHT", new_y="TOP")
        # pad single-line headers to 10mm height
        x += w
    pdf.set_xy(pdf.l_margin, y0)
    x = pdf.l_margin
    for name, w in cols:
        if "\n" not in name:
            pdf.set_xy(x, y0)
            pdf.cell(w, 10, name, border=1, align="C", fill=True)
        x += w
    pdf.set_xy(pdf.l_margin, y0 + 10)
    pdf.set_font("Helvetica", "", 9)
    for yr, k, s, sl in rows:
        vals = [yr, f"{k}", f"{s}", f"{k + s}", f"{sl:,}", f"{k + s + sl:,}"]
        for (name, w), v in zip(cols, vals):
            pdf.cell(w, 6, v, border=1, align="C" if name == "Year" else "R")
        pdf.ln(6)
    pdf.set_font("Helvetica", "I", 8)
    pdf.cell(0, 5, "Source: Kent Police STATS19 data, validated June 2016.",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    para(pdf, "2.5", "Table 2 shows KSI casualties in 2015 by the district in which the "
         "collision occurred. Maidstone and Canterbury, which contain the largest lengths "
         "of A-road, again recorded the highest numbers; Dartford, with 39, recorded the "
         "lowest.")

    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, "Table 2: Killed or seriously injured casualties by district, 2015",
             new_x="LMARGIN", new_y="NEXT")
    # unruled, columns placed by x position
    districts = [
        ("Ashford", 58, 54), ("Canterbury", 71, 60), ("Dartford", 39, 41),
        ("Dover", 47, 49), ("Gravesham", 44, 38), ("Maidstone", 70, 72),
        ("Sevenoaks", 41, 47), ("Shepway", 52, 46), ("Swale", 68, 63),
        ("Thanet", 66, 58), ("Tonbridge and Malling", 62, 67),
        ("Tunbridge Wells", 50, 55),
    ]
    xs = {"name": 30, "ksi": 95, "chg": 135}
    pdf.set_font("Helvetica", "B", 9)
    y = pdf.get_y() + 1
    pdf.set_xy(xs["name"], y)
    pdf.cell(50, 5, "District")
    pdf.set_xy(xs["ksi"] - 15, y)
    pdf.cell(30, 5, "KSI 2015", align="R")
    pdf.set_xy(xs["chg"] - 25, y)
    pdf.cell(40, 5, "Change on 2014", align="R")
    pdf.ln(6)
    pdf.set_font("Helvetica", "", 9)
    for name, v15, v14 in districts:
        y = pdf.get_y()
        pdf.set_xy(xs["name"], y)
        pdf.cell(50, 5, name)
        pdf.set_xy(xs["ksi"] - 15, y)
        pdf.cell(30, 5, str(v15), align="R")
        pdf.set_xy(xs["chg"] - 25, y)
        d = v15 - v14
        pdf.cell(40, 5, f"{d:+d}", align="R")
        pdf.ln(5)
    y = pdf.get_y()
    pdf.set_font("Helvetica", "B", 9)
    pdf.set_xy(xs["name"], y)
    pdf.cell(50, 5, "Kent")
    pdf.set_xy(xs["ksi"] - 15, y)
    pdf.cell(30, 5, str(sum(d[1] for d in districts)), align="R")
    pdf.set_xy(xs["chg"] - 25, y)
    pdf.cell(40, 5, f"{sum(d[1]-d[2] for d in districts):+d}", align="R")
    pdf.ln(8)

    heading(pdf, "3. Road user groups")
    para(pdf, "3.1", "Motorcyclists remain heavily over-represented: 112 of those killed or "
         "seriously injured were riding powered two-wheelers, although they account for "
         "around 1% of traffic. Young drivers aged 17 to 24 were involved in roughly one in "
         "four KSI collisions.")
    para(pdf, "3.2", "Provisional figures for the first half of 2016 show 301 KSI casualties. "
         "These remain subject to validation and should be treated with caution.")

    heading(pdf, "4. Delivery in 2015/16")
    para(pdf, "4.1", "The casualty reduction programme was delivered within a budget of "
         "£1.2m. Works included 14 local safety schemes, the upgrade of 23 safety cameras to "
         "digital operation, and 46 road safety education sessions delivered to 3,900 pupils "
         "in secondary schools.")
    para(pdf, "4.2", "The Kent and Medway Safety Camera Partnership continued to operate "
         "speed awareness courses, attended by over 41,000 drivers.")

    heading(pdf, "5. Priorities for 2016/17")
    para(pdf, "5.1", "Officers propose to concentrate resources on:")
    pdf.set_font("Helvetica", "", 10)
    for b in [
        "routes with clusters of KSI collisions identified in the annual crash remedial "
        "measures review;",
        "motorcyclist safety, working with Kent Fire and Rescue Service on the Biker Down "
        "programme;",
        "young and novice drivers, through the Licence to Kill presentations.",
    ]:
        pdf.set_x(pdf.l_margin + 12)
        pdf.cell(5, 5.5, "-")
        pdf.multi_cell(0, 5.5, b, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    heading(pdf, "6. Recommendation")
    para(pdf, "6.1", "The Cabinet Committee is asked to NOTE the 2015 road casualty figures "
         "and COMMENT on the priorities for 2016/17 set out in section 5.")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(0, 5, "Contact officer: Road Safety Team Leader, Highways, Transportation "
                   "and Waste. Tel: 03000 41 81 81\nBackground documents: Kent Road Casualty "
                   "Reduction Strategy 2014-2020.", new_x="LMARGIN", new_y="NEXT")

    pdf.output(os.path.join(HERE, PDF_NAME))


# ---------------------------------------------------------------------------
# XLSX: MARAC and domestic abuse data pack, 2016/17
# ---------------------------------------------------------------------------
XLSX_NAME = "2017-05-18_marac_domestic_abuse_data_pack.xlsx"

DA_MONTHLY = [1893, 1947, 1902, 2051, 2010, 1868, 1889, 1807, 1935, 1922, 1714, 1866]
MARAC_Q = [  # (label, period note, cases, repeats)
    ("Q1 2016/17", "Apr-Jun 2016", 412, 109),
    ("Q2 2016/17", "Jul-Sep 2016", 438, 121),
    ("Q3 2016/17", "Oct-Dec 2016", 401, 98),
    ("Q4 2016/17", "Jan-Mar 2017", 395, 112),
]
ADULT_FEMALES_16PLUS = 638_400  # invented


def build_xlsx():
    wb = Workbook()
    bold = Font(bold=True)
    title = Font(bold=True, size=14)
    thin = Side(style="thin", color="999999")
    box = Border(top=thin, bottom=thin, left=thin, right=thin)
    head_fill = PatternFill("solid", fgColor="1F3864")
    head_font = Font(bold=True, color="FFFFFF")

    # ---- Sheet 1: DA incidents by month
    ws = wb.active
    ws.title = "DA incidents"
    ws["A1"] = "Kent Police - Domestic Abuse and MARAC Data Pack"
    ws["A1"].font = title
    ws["A2"] = "Test document; figures invented."
    ws["A3"] = "Domestic abuse incidents recorded by Kent Police, Kent (excluding Medway), April 2016 to March 2017"
    ws["A3"].font = bold
    ws["A4"] = "Prepared for the Kent Domestic Abuse Executive Group, May 2017"
    hr = 6
    ws.cell(hr, 1, "Area")
    for i in range(12):
        y, m = (2016, 4 + i) if i < 9 else (2017, i - 8)
        c = ws.cell(hr, 2 + i, dt.datetime(y, m, 1))
        c.number_format = "mmm-yy"
    ws.cell(hr, 14, "2016/17 total")
    for col in range(1, 15):
        c = ws.cell(hr, col)
        c.font = head_font
        c.fill = head_fill
        c.border = box
        c.alignment = Alignment(horizontal="center", wrap_text=True)
    ws.cell(hr + 1, 1, "Kent (excl. Medway)")
    for i, v in enumerate(DA_MONTHLY):
        ws.cell(hr + 1, 2 + i, v).number_format = "#,##0"
    ws.cell(hr + 1, 14, sum(DA_MONTHLY)).number_format = "#,##0"
    ws.cell(hr + 1, 14).font = bold
    for col in range(1, 15):
        ws.cell(hr + 1, col).border = box

    ws.cell(hr + 3, 1, "Repeat victimisation").font = bold
    ws.cell(hr + 4, 1, "Measure")
    ws.cell(hr + 4, 2, "2015/16")
    ws.cell(hr + 4, 3, "2016/17")
    for col in (1, 2, 3):
        ws.cell(hr + 4, col).font = head_font
        ws.cell(hr + 4, col).fill = head_fill
    ws.cell(hr + 5, 1, "% of DA incidents involving a repeat victim - Kent (excl. Medway)")
    ws.cell(hr + 5, 2, 0.309).number_format = "0.0%"
    ws.cell(hr + 5, 3, 0.318).number_format = "0.0%"
    ws.cell(hr + 6, 1, "Force target (Kent and Medway)")
    ws.cell(hr + 6, 2, "n/a")
    ws.cell(hr + 6, 3, 0.30).number_format = "0%"
    ws.cell(hr + 8, 1, "Note: monthly figures are by date the incident was reported. See Notes sheet.")
    ws.column_dimensions["A"].width = 42
    for col in "BCDEFGHIJKLM":
        ws.column_dimensions[col].width = 9
    ws.column_dimensions["N"].width = 14

    # ---- Sheet 2: MARAC by quarter
    ws2 = wb.create_sheet("MARAC")
    ws2["A1"] = "Kent MARAC - cases heard, 2016/17"
    ws2["A1"].font = title
    ws2["A2"] = "Test document; figures invented."
    ws2["A3"] = "All Kent MARACs (12 district MARACs; Medway MARAC reported separately)"
    hr = 5
    heads = ["Quarter", "Months", "Cases heard", "Repeat cases", "Repeat rate",
             "SafeLives recommended repeat rate"]
    for j, h in enumerate(heads, start=1):
        c = ws2.cell(hr, j, h)
        c.font = head_font
        c.fill = head_fill
        c.border = box
        c.alignment = Alignment(horizontal="center", wrap_text=True)
    r = hr + 1
    for lab, months, cases, reps in MARAC_Q:
        ws2.cell(r, 1, lab)
        ws2.cell(r, 2, months)
        ws2.cell(r, 3, cases)
        ws2.cell(r, 4, reps)
        ws2.cell(r, 5, round(reps / cases, 3)).number_format = "0.0%"
        ws2.cell(r, 6, "28% - 40%")
        for col in range(1, 7):
            ws2.cell(r, col).border = box
        r += 1
    tc = sum(q[2] for q in MARAC_Q)
    tr = sum(q[3] for q in MARAC_Q)
    ws2.cell(r, 1, "Total 2016/17").font = bold
    ws2.cell(r, 2, "Apr 2016-Mar 2017")
    ws2.cell(r, 3, tc).font = bold
    ws2.cell(r, 4, tr).font = bold
    ws2.cell(r, 5, round(tr / tc, 3)).number_format = "0.0%"
    ws2.cell(r, 5).font = bold
    ws2.cell(r, 6, "28% - 40%")
    for col in range(1, 7):
        ws2.cell(r, col).border = box
    r += 2
    ws2.cell(r, 1, "Average cases heard per month, 2016/17")
    ws2.cell(r, 3, round(tc / 12, 1)).number_format = "0.0"
    r += 1
    ws2.cell(r, 1, "Cases per 10,000 adult females (16+), 2016/17")
    ws2.cell(r, 3, round(tc / ADULT_FEMALES_16PLUS * 10000, 1)).number_format = "0.0"
    r += 1
    ws2.cell(r, 1, "SafeLives recommended cases per 10,000 adult females")
    ws2.cell(r, 3, 40)
    ws2.column_dimensions["A"].width = 46
    ws2.column_dimensions["B"].width = 18
    for col in "CDE":
        ws2.column_dimensions[col].width = 13
    ws2.column_dimensions["F"].width = 20

    # ---- Sheet 3: Notes
    ws3 = wb.create_sheet("Notes")
    notes = [
        "Notes and definitions",
        "Test document; figures invented.",
        "",
        "1. Domestic abuse incidents are all incidents flagged as domestic abuse on the Kent Police command and control system, whether or not a crime was recorded.",
        "2. A repeat victim is a victim who has been recorded as a victim of a domestic abuse incident in the previous 12 months.",
        "3. MARAC repeat cases are cases referred back to a MARAC within 12 months of the last hearing.",
        "4. Rates per 10,000 adult females use ONS mid-2015 population estimates for women aged 16 and over.",
        "5. SafeLives recommends a repeat rate of between 28% and 40% for a well-established MARAC.",
        "6. Data extracted 3 May 2017. Figures may change as records are updated.",
        "Enquiries: Kent Police Performance Unit, 01622 690690 (ext. 2214).",
    ]
    for i, n in enumerate(notes, start=1):
        ws3.cell(i, 1, n)
    ws3["A1"].font = title
    ws3.column_dimensions["A"].width = 120

    wb.save(os.path.join(HERE, XLSX_NAME))
    return tc, tr


if __name__ == "__main__":
    build_pdf()
    tc, tr = build_xlsx()
    print("DA total", sum(DA_MONTHLY))
    for lab, _, c, r in MARAC_Q:
        print(lab, c, r, round(r / c * 100, 1))
    print("MARAC total", tc, tr, round(tr / tc * 100, 1), round(tc / 12, 1),
          round(tc / ADULT_FEMALES_16PLUS * 10000, 1))
