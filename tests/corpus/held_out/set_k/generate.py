"""Test documents; all figures invented.

Builds the two binary documents of held-out set k:

* the PDF: Kent and Medway Police and Crime Panel performance report
  (12 months to September 2016), and
* the XLSX: Kent Police / Kent Community Safety Partnership anti-social
  behaviour data pack for 2019/20.

Run with the project's virtualenv (fpdf2, openpyxl):
    /work/main/.venv/bin/python generate.py
"""
import datetime as dt
from pathlib import Path

from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent
PDF_NAME = "2016-11-22_kmpcp_performance_report_q2_2016-17.pdf"
XLSX_NAME = "2020-05-12_kent_asb_data_pack_2019-20.xlsx"


# ====================================================================== PDF
class PanelPaper(FPDF):
    def header(self):
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "Kent and Medway Police and Crime Panel  |  22 November 2016  |  "
                        "Item 6: Performance and delivery", align="L",
                  new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(3)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-13)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(60, 5, "OFFICIAL", align="L")
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def p(pdf, text, size=10, h=5):
    pdf.set_font("Helvetica", "", size)
    pdf.multi_cell(0, h, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def num_para(pdf, num, text):
    """Numbered paragraph with a hanging indent."""
    pdf.set_font("Helvetica", "", 10)
    x = pdf.l_margin
    pdf.set_x(x)
    pdf.cell(12, 5, num)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def h2(pdf, text):
    pdf.ln(1)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")


def ruled_table(pdf, widths, head, rows, bold_rows=(), italic_rows=()):
    pdf.set_font("Helvetica", "B", 8.5)
    pdf.set_fill_color(220, 226, 240)
    # header may contain line breaks: draw with multi_cell in fixed-height boxes
    y0 = pdf.get_y()
    x = pdf.l_margin
    hh = 10
    for w, t in zip(widths, head):
        pdf.set_xy(x, y0)
        pdf.rect(x, y0, w, hh, style="DF")
        lines = t.split("\n")
        pdf.set_xy(x, y0 + (hh - 4 * len(lines)) / 2)
        pdf.multi_cell(w, 4, t, align="C")
        x += w
    pdf.set_xy(pdf.l_margin, y0 + hh)
    for i, r in enumerate(rows):
        style = "B" if i in bold_rows else ("I" if i in italic_rows else "")
        pdf.set_font("Helvetica", style, 8.5)
        for j, (w, t) in enumerate(zip(widths, r)):
            pdf.cell(w, 6, t, border=1, align="L" if j == 0 else "R")
        pdf.ln()
    pdf.ln(2)


def plain_table(pdf, widths, head, rows, bold_rows=()):
    """Table without rules: header underlined only, columns aligned by spacing."""
    pdf.set_font("Helvetica", "B", 8.5)
    for j, (w, t) in enumerate(zip(widths, head)):
        pdf.cell(w, 5, t, align="L" if j == 0 else "R")
    pdf.ln()
    y = pdf.get_y()
    pdf.line(pdf.l_margin, y, pdf.l_margin + sum(widths), y)
    pdf.ln(1)
    for i, r in enumerate(rows):
        pdf.set_font("Helvetica", "B" if i in bold_rows else "", 8.5)
        for j, (w, t) in enumerate(zip(widths, r)):
            pdf.cell(w, 5, t, align="L" if j == 0 else "R")
        pdf.ln()
    pdf.ln(2)


def fmt(n):
    return f"{n:,}"


def pct(a, b):
    return f"{(b - a) / a * 100:+.1f}%"


# force-level figures: (label, 12m to Sep 2015, 12m to Sep 2016)
FORCE = [
    ("All recorded crime", 113482, 128917),
    ("Violence against the person", 34126, 43885),
    ("  - of which violence with injury", 13402, 15318),
    ("Sexual offences", 3118, 3604),
    ("Robbery", 1087, 1152),
    ("Domestic burglary", 5674, 5211),
    ("Burglary other than a dwelling", 5306, 4920),
    ("Theft and handling stolen goods", 27938, 27406),
    ("Hate crime (all strands)", 1630, 1958),
    ("Domestic abuse incidents", 27120, 29845),
    ("Anti-social behaviour incidents", 52318, 49760),
]

# district all-crime, 12 months to September 2016: (name, crimes, pop 000s, % change)
DISTRICTS = [
    ("Ashford", 9312, 127.6, "+12.9"),
    ("Canterbury", 11486, 162.4, "+10.4"),
    ("Dartford", 8217, 104.9, "+16.8"),
    ("Dover", 8604, 114.2, "+13.1"),
    ("Gravesham", 8390, 105.3, "+11.2"),
    ("Maidstone", 11952, 167.7, "+15.6"),
    ("Sevenoaks", 5846, 119.8, "+9.7"),
    ("Shepway", 8127, 110.9, "+14.4"),
    ("Swale", 10658, 144.9, "+17.3"),
    ("Thanet", 13105, 140.8, "+12.0"),
    ("Tonbridge and Malling", 6418, 127.5, "+8.6"),
    ("Tunbridge Wells", 4912, 116.1, "+7.9"),
]
MEDWAY_CRIME = 21890
MEDWAY_POP = 276.5


def build_pdf():
    kent = sum(d[1] for d in DISTRICTS)
    force = FORCE[0][2]
    assert kent + MEDWAY_CRIME == force, (kent, MEDWAY_CRIME, force)

    pdf = PanelPaper(orientation="P", unit="mm", format="A4")
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(18, 15, 18)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 5, "KENT AND MEDWAY POLICE AND CRIME PANEL", align="R",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 7, "Performance and delivery against the Police and Crime Plan:\n"
                         "Quarter 2 2016/17", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "I", 9)
    pdf.cell(0, 5, "Test document; figures invented.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    meta = [
        ("Meeting:", "22 November 2016"),
        ("Item:", "6"),
        ("From:", "Office of the Kent Police and Crime Commissioner"),
        ("Contact:", "Chief Executive, OPCC, 01622 677 055 (test number)"),
        ("Status:", "Official - for information"),
    ]
    for k, v in meta:
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(25, 5, k)
        pdf.set_font("Helvetica", "", 10)
        pdf.cell(0, 5, v, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    h2(pdf, "Summary")
    p(pdf, "This report sets out Kent Police's performance against the Commissioner's Police "
           "and Crime Plan 2016-2020 for the twelve months to the end of September 2016, "
           "compared with the twelve months to the end of September 2015. Unless otherwise "
           "stated, all figures are for the Kent Police force area (Kent and Medway) and are "
           "taken from the force's crime and incident systems as at 10 October 2016. Figures "
           "are not National Statistics and may be revised.")
    p(pdf, "Recommendation: the Panel is invited to note the report and to question the "
           "Commissioner on its contents.")

    h2(pdf, "1. Background")
    num_para(pdf, "1.1", "The Police and Crime Plan 2016-2020 was refreshed in April 2016. "
             "Unlike the previous plan it contains no numerical targets for crime; the "
             "Commissioner instead holds the Chief Constable to account through the quarterly "
             "Performance and Delivery Board, the most recent of which met on 27 October 2016.")
    num_para(pdf, "1.2", "Members will recall that the force's crime recording has been "
             "re-inspected by HMIC since the 2014 Crime Data Integrity inspection. The "
             "force's own audit in September 2016 found 96.1% of crimes correctly recorded. "
             "Much of the increase in recorded crime reported below, particularly in violence, "
             "reflects better recording rather than more offending.")

    h2(pdf, "2. Overall crime")
    num_para(pdf, "2.1", f"Kent Police recorded {fmt(force)} crimes in the 12 months to 30 "
             f"September 2016, an increase of 13.6% on the {fmt(FORCE[0][1])} recorded in the "
             "previous 12 months. Kent Police's rate of 70.9 crimes per 1,000 residents is "
             "below the average of 74.5 for its most similar group of forces.")
    num_para(pdf, "2.2", "In the second quarter of the year (July to September 2016) the "
             "force recorded 34,106 crimes, compared with 29,853 in the same quarter last "
             "year. Over the first half of 2016/17 (April to September) 66,318 crimes were "
             "recorded.")
    num_para(pdf, "2.3", "By division, East Division recorded 50,634 crimes, West Division "
             "29,128 and North Division 49,155. Table 2 (page 3) gives the district figures.")

    # ---------------------------------------------------------------- page 2
    pdf.add_page()
    h2(pdf, "3. Crime and incidents by type")
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 5, "Table 1: Recorded crime and incidents, Kent Police force area",
             new_x="LMARGIN", new_y="NEXT")
    rows = []
    for lab, a, b in FORCE:
        rows.append([lab, fmt(a), fmt(b), f"{b - a:+,}", pct(a, b)])
    rows.append(["Positive outcome rate (all crime)", "19.8%", "16.4%", "-3.4 pts", "-"])
    ruled_table(pdf, [62, 28, 28, 26, 22],
                ["Crime / incident type", "12 months to\nSep 2015", "12 months to\nSep 2016",
                 "Change", "Change\n(%)"],
                rows, bold_rows=(0,), italic_rows=(2,))
    pdf.set_font("Helvetica", "", 7.5)
    pdf.multi_cell(0, 4, "Source: Kent Police Corporate Services Analysis Department. "
                   "Violence with injury is included in violence against the person. Domestic "
                   "abuse and anti-social behaviour are incidents, not crimes, and are not "
                   "included in the all crime total.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    num_para(pdf, "3.1", "Violence against the person accounts for 34% of all recorded crime "
             "and for most of the overall increase. Violence without injury, which includes "
             "harassment and malicious communications, rose by 37.8%.")
    num_para(pdf, "3.2", "Domestic burglary fell by 8.2%, the third successive year of "
             "reduction. Robbery rose slightly; robbery of business property accounted for "
             "118 offences.")
    num_para(pdf, "3.3", "The proportion of domestic abuse incidents involving a repeat victim "
             "was 36.8% in the 12 months to September 2016, compared with 35.1% a year "
             "earlier. The force's Domestic Abuse Units now review every repeat incident "
             "within 24 hours.")
    num_para(pdf, "3.4", "Anti-social behaviour incidents fell by 4.9%. Satisfaction of "
             "victims and witnesses of anti-social behaviour with the overall service "
             "provided was 80.2% in the 12 months to September 2016, down from 82.6% a year "
             "earlier. Satisfaction among victims of crime was 83.4%, and among victims of "
             "domestic abuse 88.1%.")

    h2(pdf, "4. Other Police and Crime Plan measures")
    ruled_table(pdf, [92, 37, 37],
                ["Measure", "12 months to\nSep 2015", "12 months to\nSep 2016"],
                [["999 calls answered within 10 seconds", "90.6%", "87.9%"],
                 ["101 calls answered within 60 seconds", "78.2%", "71.5%"],
                 ["Emergency attendance within 15 mins (urban)", "88.7%", "86.0%"],
                 ["Police officers (FTE, at 30 September)", "3,162", "3,187"],
                 ["PCSOs (FTE, at 30 September)", "321", "309"]])

    # ---------------------------------------------------------------- page 3
    pdf.add_page()
    h2(pdf, "5. Crime by district")
    num_para(pdf, "5.1", "Table 2 shows recorded crime by local authority area. Every district "
             "saw an increase; the largest proportionate increases were in Swale and Dartford. "
             "Margate town centre alone accounted for 2,014 of Thanet's crimes.")
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 5, "Table 2: All recorded crime by district, 12 months to 30 September 2016",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    rows = []
    kpop = 0
    for n, c, pop, ch in DISTRICTS:
        rows.append([n, fmt(c), f"{c / pop:.1f}", ch])
        kpop += pop
    rows.append(["Kent (excluding Medway)", fmt(kent), f"{kent / kpop:.1f}", "+12.8"])
    rows.append(["Medway", fmt(MEDWAY_CRIME), f"{MEDWAY_CRIME / MEDWAY_POP:.1f}", "+17.6"])
    rows.append(["Force total", fmt(force), f"{force / (kpop + MEDWAY_POP):.1f}", "+13.6"])
    plain_table(pdf, [66, 30, 36, 36],
                ["Local authority", "Crimes", "Per 1,000 pop.", "Change on prev. (%)"],
                rows, bold_rows=(12, 14))
    pdf.set_font("Helvetica", "", 7.5)
    pdf.multi_cell(0, 4, "Population: ONS mid-2015 estimates. A small number of crimes that "
                   "could not be allocated to a district are included in the district figures "
                   "by the force's geocoding process.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    h2(pdf, "6. Finance")
    num_para(pdf, "6.1", "The 2016/17 policing budget is £276.9m, including a precept of "
             "£155.15 for a Band D property. The Commissioner's Victims' Fund allocated "
             "£1.35m in the first half of the year.")
    h2(pdf, "7. Recommendation")
    num_para(pdf, "7.1", "The Panel is invited to note the report.")

    out = HERE / PDF_NAME
    pdf.output(str(out))
    return out


# ===================================================================== XLSX
MONTHS = [  # force ASB incidents 2019/20, same month 2018/19
    (dt.datetime(2019, 4, 1), 3612, 4030),
    (dt.datetime(2019, 5, 1), 3884, 4201),
    (dt.datetime(2019, 6, 1), 3951, 4388),
    (dt.datetime(2019, 7, 1), 4206, 4673),
    (dt.datetime(2019, 8, 1), 4118, 4410),
    (dt.datetime(2019, 9, 1), 3547, 3844),
    (dt.datetime(2019, 10, 1), 3402, 3769),
    (dt.datetime(2019, 11, 1), 3118, 3306),
    (dt.datetime(2019, 12, 1), 2906, 3112),
    (dt.datetime(2020, 1, 1), 2841, 3157),
    (dt.datetime(2020, 2, 1), 2797, 3018),
    (dt.datetime(2020, 3, 1), 4385, 3366),
]
COVID_MARCH = 1246

ASB_DISTRICTS = [  # name, division, 2019/20, 2018/19, population
    ("Ashford", "East", 2862, 3105, 130.0),
    ("Canterbury", "East", 3715, 4012, 165.0),
    ("Dartford", "North", 2418, 2570, 112.6),
    ("Dover", "East", 2604, 2791, 118.1),
    ("Folkestone and Hythe", "East", 2733, 2880, 112.9),
    ("Gravesham", "North", 2391, 2466, 106.4),
    ("Maidstone", "West", 3527, 3790, 171.8),
    ("Sevenoaks", "West", 1693, 1842, 120.8),
    ("Swale", "North", 3312, 3608, 150.1),
    ("Thanet", "East", 4806, 5021, 141.8),
    ("Tonbridge and Malling", "West", 2052, 2248, 132.2),
    ("Tunbridge Wells", "West", 1904, 2011, 118.1),
]

SATISFACTION = [  # label, respondents, satisfied fraction, CI half-width
    ("Q1 2019/20 (Apr-Jun 2019)", 412, 0.824, 0.037),
    ("Q2 2019/20 (Jul-Sep 2019)", 398, 0.809, 0.039),
    ("Q3 2019/20 (Oct-Dec 2019)", 405, 0.797, 0.039),
    ("Q4 2019/20 (Jan-Mar 2020)", 391, 0.815, 0.038),
]
SAT_YEAR = 0.811      # 12 months to March 2020
SAT_PREV = 0.836      # 12 months to March 2019
SAT_KENT = 0.808
SAT_MEDWAY = 0.824


def build_xlsx():
    wb = Workbook()
    title = Font(bold=True, size=13)
    bold = Font(bold=True)
    white = Font(bold=True, color="FFFFFF")
    navy = PatternFill("solid", fgColor="002F5F")
    grey = PatternFill("solid", fgColor="E7E6E6")
    thin = Side(style="thin", color="A6A6A6")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, horizontal="center", vertical="center")

    def header(ws, row, labels):
        for c, lab in enumerate(labels, 1):
            cell = ws.cell(row=row, column=c, value=lab)
            cell.font = white
            cell.fill = navy
            cell.alignment = wrap
            cell.border = box

    # ------------------------------------------------------------ Notes
    ws0 = wb.active
    ws0.title = "Notes"
    ws0["A1"] = "Anti-social behaviour data pack: 2019/20 year end"
    ws0["A1"].font = Font(bold=True, size=15)
    ws0["A2"] = "Kent Police Strategic Partnerships / Kent Community Safety Team"
    ws0["A3"] = "Test document; figures invented."
    ws0["A5"] = "Contents"
    ws0["A5"].font = bold
    ws0["A6"] = "1. Monthly - ASB incidents recorded by Kent Police, force area, by month"
    ws0["A7"] = "2. Districts - ASB incidents by local authority, April 2019 to March 2020"
    ws0["A8"] = "3. Satisfaction - ASB victim and witness satisfaction survey results"
    ws0["A10"] = "Notes"
    ws0["A10"].font = bold
    ws0["A11"] = ("Incidents are those reported to Kent Police and closed with an ASB "
                  "category (personal, nuisance or environmental). Reports made only to "
                  "district councils or housing providers are not included.")
    ws0["A12"] = ("From 23 March 2020 reports of breaches of the coronavirus (COVID-19) "
                  "regulations were recorded as ASB; these are included in the March 2020 "
                  "figure and shown separately on the Monthly sheet.")
    ws0["A13"] = "Produced 12 May 2020. Enquiries: 01622 604 417 (test number)."
    ws0.column_dimensions["A"].width = 120

    # ------------------------------------------------------------ Monthly
    ws = wb.create_sheet("Monthly")
    ws["A1"] = "Anti-social behaviour incidents recorded by Kent Police"
    ws["A1"].font = title
    ws["A2"] = "Kent Police force area (Kent and Medway), April 2019 to March 2020"
    ws["A3"] = "Test document; figures invented."
    header(ws, 5, ["Month", "ASB incidents", "Change on same month of previous year (%)",
                   "of which COVID-19 related"])
    r = 6
    for d, n, prev in MONTHS:
        ws.cell(row=r, column=1, value=d).number_format = "mmm-yy"
        ws.cell(row=r, column=2, value=n).number_format = "#,##0"
        c = ws.cell(row=r, column=3, value=round((n - prev) / prev, 3))
        c.number_format = "0.0%"
        ws.cell(row=r, column=4, value=COVID_MARCH if d.month == 3 and d.year == 2020 else None)
        for col in range(1, 5):
            ws.cell(row=r, column=col).border = box
        r += 1
    tot = sum(m[1] for m in MONTHS)
    ptot = sum(m[2] for m in MONTHS)
    vals = ["Total 2019/20", tot, round((tot - ptot) / ptot, 3), COVID_MARCH]
    for col, v in enumerate(vals, 1):
        cell = ws.cell(row=r, column=col, value=v)
        cell.font = bold
        cell.fill = grey
        cell.border = box
    ws.cell(row=r, column=2).number_format = "#,##0"
    ws.cell(row=r, column=3).number_format = "0.0%"
    r += 1
    ws.cell(row=r, column=1, value="Monthly average")
    ws.cell(row=r, column=2, value=round(tot / 12)).number_format = "#,##0"
    r += 2
    mar20, mar19 = MONTHS[-1][1], MONTHS[-1][2]
    ex = (mar20 - COVID_MARCH - mar19) / mar19 * 100
    ws.cell(row=r, column=1, value="Excluding COVID-19 related reports, March 2020 would have "
            f"been {abs(ex):.1f}% {'lower' if ex < 0 else 'higher'} than March 2019.")
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 22
    ws.column_dimensions["D"].width = 16
    ws.row_dimensions[5].height = 48

    # ------------------------------------------------------------ Districts
    ws2 = wb.create_sheet("Districts")
    ws2["A1"] = "ASB incidents by local authority area, 12 months to March 2020"
    ws2["A1"].font = title
    ws2["A2"] = "Test document; figures invented."
    header(ws2, 4, ["Local authority", "Policing division", "ASB incidents",
                    "Change on 2018/19 (%)", "Incidents per 1,000 population"])
    r = 5
    for n, div, a, b, pop in ASB_DISTRICTS:
        vals = [n, div, a, round((a - b) / b, 3), round(a / pop, 1)]
        for col, v in enumerate(vals, 1):
            ws2.cell(row=r, column=col, value=v).border = box
        ws2.cell(row=r, column=3).number_format = "#,##0"
        ws2.cell(row=r, column=4).number_format = "0.0%"
        ws2.cell(row=r, column=5).number_format = "0.0"
        r += 1
    kent = sum(d[2] for d in ASB_DISTRICTS)
    kprev = sum(d[3] for d in ASB_DISTRICTS)
    kpop = sum(d[4] for d in ASB_DISTRICTS)
    medway = tot - kent
    mprev = ptot - kprev
    mpop = 278.5
    summary = [
        ("Kent (excl. Medway)", "", kent, kprev, kpop),
        ("Medway", "North", medway, mprev, mpop),
        ("Force total", "", tot, ptot, kpop + mpop),
    ]
    for n, div, a, b, pop in summary:
        vals = [n, div, a, round((a - b) / b, 3), round(a / pop, 1)]
        for col, v in enumerate(vals, 1):
            cell = ws2.cell(row=r, column=col, value=v)
            cell.border = box
            if n != "Medway":
                cell.font = bold
                cell.fill = grey
        ws2.cell(row=r, column=3).number_format = "#,##0"
        ws2.cell(row=r, column=4).number_format = "0.0%"
        ws2.cell(row=r, column=5).number_format = "0.0"
        r += 1
    r += 1
    ws2.cell(row=r, column=1, value="By policing division").font = bold
    r += 1
    for div in ("North", "East", "West"):
        a = sum(d[2] for d in ASB_DISTRICTS if d[1] == div) + (medway if div == "North" else 0)
        b = sum(d[3] for d in ASB_DISTRICTS if d[1] == div) + (mprev if div == "North" else 0)
        ws2.cell(row=r, column=1, value=f"{div} Division")
        ws2.cell(row=r, column=3, value=a).number_format = "#,##0"
        ws2.cell(row=r, column=4, value=round((a - b) / b, 3)).number_format = "0.0%"
        r += 1
    r += 1
    ws2.cell(row=r, column=1, value="North Division covers Dartford, Gravesham, Medway and "
             "Swale. Population: ONS mid-2019 estimates (thousands).")
    ws2.column_dimensions["A"].width = 24
    ws2.column_dimensions["B"].width = 12
    for col in "CDE":
        ws2.column_dimensions[col].width = 16
    ws2.row_dimensions[4].height = 45

    # ------------------------------------------------------------ Satisfaction
    ws3 = wb.create_sheet("Satisfaction")
    ws3["A1"] = "ASB victim and witness satisfaction with the overall service provided"
    ws3["A1"].font = title
    ws3["A2"] = ("Kent Police force area. Telephone survey of a sample of callers 6 to 12 "
                 "weeks after their report. Satisfied = completely, very or fairly satisfied.")
    ws3["A3"] = "Test document; figures invented."
    header(ws3, 5, ["Survey period", "Respondents", "Satisfied (%)", "Confidence interval (+/-)"])
    r = 6
    for lab, n, s, ci in SATISFACTION:
        for col, v in enumerate([lab, n, s, ci], 1):
            ws3.cell(row=r, column=col, value=v).border = box
        ws3.cell(row=r, column=3).number_format = "0.0%"
        ws3.cell(row=r, column=4).number_format = "0.0%"
        r += 1
    for lab, n, s, ci in [("12 months to March 2020", sum(x[1] for x in SATISFACTION),
                           SAT_YEAR, 0.019),
                          ("12 months to March 2019", 1644, SAT_PREV, 0.018)]:
        for col, v in enumerate([lab, n, s, ci], 1):
            cell = ws3.cell(row=r, column=col, value=v)
            cell.border = box
            cell.font = bold
            cell.fill = grey
        ws3.cell(row=r, column=3).number_format = "0.0%"
        ws3.cell(row=r, column=4).number_format = "0.0%"
        r += 1
    r += 1
    ws3.cell(row=r, column=1, value="By local authority area, 12 months to March 2020").font = bold
    r += 1
    header(ws3, r, ["Area", "Respondents", "Satisfied (%)", "Confidence interval (+/-)"])
    r += 1
    for lab, n, s, ci in [("Kent (excl. Medway)", 1328, SAT_KENT, 0.021),
                          ("Medway", 278, SAT_MEDWAY, 0.045)]:
        for col, v in enumerate([lab, n, s, ci], 1):
            ws3.cell(row=r, column=col, value=v).border = box
        ws3.cell(row=r, column=3).number_format = "0.0%"
        ws3.cell(row=r, column=4).number_format = "0.0%"
        r += 1
    r += 1
    ws3.cell(row=r, column=1, value="Force target (Control Strategy 2019/20): 85% satisfied.")
    r += 1
    ws3.cell(row=r, column=1, value="Fieldwork for March 2020 was suspended on 24 March 2020; "
             "Q4 is based on January to mid-March interviews.")
    ws3.column_dimensions["A"].width = 28
    for col in "BCD":
        ws3.column_dimensions[col].width = 16
    ws3.row_dimensions[5].height = 32

    out = HERE / XLSX_NAME
    wb.save(out)
    return out


if __name__ == "__main__":
    print(build_pdf())
    print(build_xlsx())
