"""Generator for the PDF and XLSX test documents in this folder.
Test documents; all figures invented."""
import csv
import datetime as dt
import os

from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = os.path.dirname(os.path.abspath(__file__))
TRUTH = os.path.join(HERE, "truth")
os.makedirs(TRUTH, exist_ok=True)


def write_truth(docname, rows):
    with open(os.path.join(TRUTH, docname + ".csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["measure", "area", "period", "value"])
        for r in rows:
            w.writerow(r)


def fmt(n):
    return f"{n:,}"


# ---------------------------------------------------------------- PDF
PDF_NAME = "2018-03-08_force_road_casualty_report.pdf"

SEVERITY = [  # label, measure, prev (12m to Jan 2017), curr (12m to Jan 2018)
    ("Killed", "road_deaths", 58, 64),
    ("Seriously injured", "seriously_injured", 712, 768),
    ("Killed or seriously injured (KSI)", "ksi_casualties", 770, 832),
    ("Slightly injured", "slightly_injured", 5980, 5704),
]

DISTRICT_KSI = [  # printed name, truth area, KSI 12m to Jan 2018, % change
    ("Ashford", "Ashford", 66, "+6.5%"),
    ("Canterbury", "Canterbury", 70, "+9.4%"),
    ("Dartford", "Dartford", 41, "-4.7%"),
    ("Dover", "Dover", 58, "+11.5%"),
    ("Folkestone & Hythe*", "Folkestone and Hythe", 55, "+7.8%"),
    ("Gravesham", "Gravesham", 37, "-2.6%"),
    ("Maidstone", "Maidstone", 84, "+6.3%"),
    ("Sevenoaks", "Sevenoaks", 72, "+10.8%"),
    ("Swale", "Swale", 63, "+8.6%"),
    ("Thanet", "Thanet", 52, "+4.0%"),
    ("Tonbridge & Malling", "Tonbridge and Malling", 78, "+9.9%"),
    ("Tunbridge Wells", "Tunbridge Wells", 60, "+7.1%"),
]
KENT_KSI = sum(r[2] for r in DISTRICT_KSI)
MEDWAY_KSI = 96
assert KENT_KSI == 736 and KENT_KSI + MEDWAY_KSI == 832


class Report(FPDF):
    def header(self):
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "Kent and Medway Police and Crime Panel", align="L")
        self.cell(0, 5, "8 March 2018", align="R", new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(5)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "Road casualty performance - Agenda item 7", align="L")
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)

    def para(self, num, text):
        self.set_font("Helvetica", "", 10)
        x = self.l_margin
        self.set_x(x)
        self.cell(12, 5.5, num)
        self.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)

    def heading(self, text):
        self.ln(2)
        self.set_font("Helvetica", "B", 11)
        self.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def caption(self, text):
        self.set_font("Helvetica", "B", 9.5)
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)


def build_pdf():
    pdf = Report(format="A4")
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(20, 15, 20)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, "Road Safety: Killed and Seriously Injured Casualties in the Kent Police Area",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, "Report of the Chief Constable, presented by the Head of Roads Policing",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 10)
    pdf.cell(0, 6, "Test document; figures invented.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    pdf.heading("1. Purpose")
    pdf.para("1.1", "This report informs the Panel of the latest road casualty position for the Kent Police "
             "force area (Kent and Medway), covering the 12 months to January 2018, and of the "
             "enforcement and education work carried out with partners in the Kent and Medway Road "
             "Safety Partnership. It responds to the question raised by Members at the meeting of "
             "5 October 2017 (minute 31).")
    pdf.para("1.2", "Figures are taken from the STATS19 returns and are provisional until the Department "
             "for Transport publishes its annual statistics in September. Since November 2016 the force "
             "has recorded collisions using the CRASH system, which classifies injury severity "
             "directly from the injury recorded; this is known to increase the number of casualties "
             "recorded as seriously injured, and comparisons with years before 2016 should be made "
             "with care.")

    pdf.heading("2. Force-wide position")
    pdf.para("2.1", "Table 1 summarises casualties by severity. In the 12 months to January 2018, 832 people "
             "were killed or seriously injured on roads in Kent and Medway, an increase of 62 on the "
             "previous 12 months. Slight injuries continued to fall.")

    pdf.caption("Table 1: Reported road casualties by severity, Kent and Medway (force area)")
    cols = [70, 30, 30, 20, 20]
    heads = ["Severity", "12 months to\nJan 2017", "12 months to\nJan 2018", "Change", "% change"]
    pdf.set_font("Helvetica", "B", 9)
    y0 = pdf.get_y()
    x = pdf.l_margin
    for i, (w, h) in enumerate(zip(cols, heads)):
        pdf.rect(x, y0, w, 10)
        nlines = h.count("\n") + 1
        pdf.set_xy(x, y0 + (10 - 5 * nlines) / 2)
        pdf.multi_cell(w, 5, h, border=0, align="L" if i == 0 else "C",
                       new_x="RIGHT", new_y="TOP")
        x += w
    pdf.set_xy(pdf.l_margin, y0 + 10)
    pdf.set_font("Helvetica", "", 9)
    for label, _m, prev, curr in SEVERITY:
        ch = curr - prev
        pct = (curr / prev - 1) * 100
        vals = [label, fmt(prev), fmt(curr), f"{ch:+,}", f"{pct:+.1f}%"]
        for i, (w, v) in enumerate(zip(cols, vals)):
            pdf.cell(w, 6, v, border=1, align="L" if i == 0 else "R")
        pdf.ln(6)
    pdf.set_font("Helvetica", "I", 8)
    pdf.cell(0, 5, "Source: Kent Police STATS19 extract, 14 February 2018. KSI = killed plus seriously injured.",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    pdf.para("2.2", "The 832 KSI casualties arose from 702 collisions in which at least one person was killed "
             "or seriously injured. Of the 64 people killed, 55 died on roads in the Kent County Council "
             "area and 9 in Medway.")
    pdf.para("2.3", "The most recent quarter has been particularly difficult. In the third quarter of "
             "2017/18 (October to December 2017) 221 people were killed or seriously injured across the "
             "force area, the highest quarterly figure since the CRASH system was introduced. Darker "
             "evenings and a number of multi-fatality collisions on the strategic road network "
             "contributed.")
    pdf.para("2.4", "The Kent and Medway Casualty Reduction Strategy set a target of no more than 650 KSI "
             "casualties a year by 2020. On the current trajectory this will not be met, although the "
             "Department for Transport estimates that CRASH adds between 10% and 20% to recorded "
             "serious injuries, which accounts for much of the gap.")

    pdf.heading("3. District picture")
    pdf.para("3.1", "Table 2 breaks the KSI figure down by local authority. Maidstone and Tonbridge & Malling, "
             "which contain long stretches of the M20 and A20, again have the highest totals. Only "
             "Dartford and Gravesham recorded fewer KSI casualties than in the previous 12 months.")

    pdf.caption("Table 2: KSI casualties by local authority area, 12 months to January 2018")
    xs = [pdf.l_margin, pdf.l_margin + 75, pdf.l_margin + 120]
    pdf.set_font("Helvetica", "B", 9)
    y = pdf.get_y()
    pdf.set_xy(xs[0], y); pdf.cell(70, 5, "Local authority")
    pdf.set_xy(xs[1], y); pdf.cell(35, 5, "KSI casualties", align="R")
    pdf.set_xy(xs[2], y); pdf.cell(45, 5, "Change on previous", align="R")
    y += 5
    pdf.set_xy(xs[2], y); pdf.cell(45, 5, "12 months", align="R")
    y += 6
    pdf.line(xs[0], y - 0.5, xs[2] + 45, y - 0.5)
    pdf.set_font("Helvetica", "", 9)
    rows = [(n, k, c) for n, _a, k, c in DISTRICT_KSI]
    rows.append(("Kent (excluding Medway)", KENT_KSI, "+7.1%"))
    rows.append(("Medway", MEDWAY_KSI, "+15.7%"))
    rows.append(("Force area total", KENT_KSI + MEDWAY_KSI, "+8.1%"))
    for i, (n, k, c) in enumerate(rows):
        bold = n.startswith(("Kent", "Force"))
        pdf.set_font("Helvetica", "B" if bold else "", 9)
        if n.startswith("Kent"):
            pdf.line(xs[0], y, xs[2] + 45, y)
            y += 0.5
        pdf.set_xy(xs[0], y); pdf.cell(70, 5, n)
        pdf.set_xy(xs[1], y); pdf.cell(35, 5, fmt(k), align="R")
        pdf.set_xy(xs[2], y); pdf.cell(45, 5, c, align="R")
        y += 5.2
    pdf.set_xy(xs[0], y + 1)
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(0, 4.5, "* Shepway District Council becomes Folkestone & Hythe District Council on 1 April 2018; "
                   "figures are for the same area.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    pdf.para("3.2", "Medway's rise is the steepest in the force area, driven largely by collisions on the "
             "A2 and A289. Three years earlier one district recorded more than 90 KSI casualties in a "
             "single year; no district now exceeds 85.")
    pdf.para("3.3", "Motorcyclists remain heavily over-represented: around 140 of the KSI casualties were "
             "riders or pillion passengers, and riders aged between 17 and 24 account for a "
             "disproportionate share. Young car drivers aged 17 to 24 were involved in roughly one in "
             "four KSI collisions.")

    pdf.heading("4. Enforcement and education")
    pdf.para("4.1", "The Roads Policing Unit has 84 officers, supported by 12 Community Speedwatch "
             "coordinators. During the year 1,140 drink and drug drive arrests were made and the "
             "partnership's 44 fixed and average speed camera sites issued notices as usual; the "
             "National Speed Awareness Course was attended by more than 38,000 drivers.")
    pdf.para("4.2", "The partnership has secured £2.4m from the Department for Transport's Safer Roads Fund "
             "for route treatment on the A2070 and A28. Kent County Council's Road Safety Team delivered "
             "310 school education sessions during 2017.")
    pdf.para("4.3", "Operation Tramline, using an unmarked HGV cab supplied by Highways England, ran for "
             "three weeks in November 2017 and identified 214 offences.")

    pdf.heading("5. Recommendation")
    pdf.para("5.1", "The Panel is asked to note the report. Further information is available from the "
             "Roads Policing Unit, telephone 01622 690 690, or from the Kent and Medway Road Safety "
             "Partnership.")

    pdf.output(os.path.join(HERE, PDF_NAME))
    print("pdf pages", pdf.page_no())

    truth = []
    for _label, m, prev, curr in SEVERITY:
        truth.append((m, "Kent and Medway", "12 months to 2017-01", prev))
        truth.append((m, "Kent and Medway", "12 months to 2018-01", curr))
    for _n, a, k, _c in DISTRICT_KSI:
        truth.append(("ksi_casualties", a, "12 months to 2018-01", k))
    truth.append(("ksi_casualties", "Kent", "12 months to 2018-01", KENT_KSI))
    truth.append(("ksi_casualties", "Medway", "12 months to 2018-01", MEDWAY_KSI))
    truth.append(("ksi_collisions", "Kent and Medway", "12 months to 2018-01", 702))
    truth.append(("road_deaths", "Kent", "12 months to 2018-01", 55))
    truth.append(("road_deaths", "Medway", "12 months to 2018-01", 9))
    truth.append(("ksi_casualties", "Kent and Medway", "2017/18 Q3", 221))
    write_truth(PDF_NAME, truth)
    return len(truth)


# ---------------------------------------------------------------- XLSX
XLSX_NAME = "2017-05-22_kent_marac_data_pack.xlsx"

MONTHLY = [  # month, cases, repeats, change in cases vs same month 2015/16
    (dt.date(2016, 4, 1), 198, 52, +9),
    (dt.date(2016, 5, 1), 205, 57, +4),
    (dt.date(2016, 6, 1), 214, 60, +18),
    (dt.date(2016, 7, 1), 220, 63, +13),
    (dt.date(2016, 8, 1), 201, 55, -6),
    (dt.date(2016, 9, 1), 209, 58, +11),
    (dt.date(2016, 10, 1), 226, 64, +21),
    (dt.date(2016, 11, 1), 218, 61, +10),
    (dt.date(2016, 12, 1), 197, 53, +2),
    (dt.date(2017, 1, 1), 219, 61, +15),
    (dt.date(2017, 2, 1), 203, 56, +7),
    (dt.date(2017, 3, 1), 222, 61, +16),
]
TOT_CASES = sum(r[1] for r in MONTHLY)
TOT_REP = sum(r[2] for r in MONTHLY)
assert TOT_CASES == 2532 and TOT_REP == 701
PREV_CASES, PREV_REP = 2412, 638


def build_xlsx():
    wb = Workbook()
    ws = wb.active
    ws.title = "MARAC monthly"
    bold = Font(bold=True)
    thin = Side(style="thin", color="999999")
    box = Border(top=thin, bottom=thin, left=thin, right=thin)
    head_fill = PatternFill("solid", fgColor="1F3864")
    head_font = Font(bold=True, color="FFFFFF")

    ws["A1"] = "Kent Police - Public Protection Performance Data Pack"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Multi-Agency Risk Assessment Conference (MARAC): Kent (excluding Medway)"
    ws["A2"].font = Font(bold=True, size=12)
    ws["A3"] = "Test document; figures invented."
    ws["A3"].font = Font(italic=True, color="C00000")
    ws["A4"] = "Reporting period: April 2016 to March 2017   |   Prepared for the Kent Community Safety Partnership, 22 May 2017"
    ws["A5"] = "OFFICIAL"

    hdr = ["Month", "Cases heard at MARAC", "of which repeat cases", "Repeat rate",
           "Change in cases vs same month previous year"]
    r0 = 7
    for c, h in enumerate(hdr, 1):
        cell = ws.cell(row=r0, column=c, value=h)
        cell.font = head_font
        cell.fill = head_fill
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        cell.border = box
    ws.row_dimensions[r0].height = 45

    r = r0 + 1
    for month, cases, reps, ch in MONTHLY:
        ws.cell(row=r, column=1, value=month).number_format = "mmm-yy"
        ws.cell(row=r, column=2, value=cases)
        ws.cell(row=r, column=3, value=reps)
        ws.cell(row=r, column=5, value=ch).number_format = "+0;-0;0"
        for c in range(1, 6):
            ws.cell(row=r, column=c).border = box
        r += 1

    # total, average and comparison rows
    def summary_row(label, cases, reps, rate, change=None, fmt_cases="#,##0"):
        nonlocal r
        ws.cell(row=r, column=1, value=label).font = bold
        cc = ws.cell(row=r, column=2, value=cases)
        cc.number_format = fmt_cases
        cc.font = bold
        if reps is not None:
            rc = ws.cell(row=r, column=3, value=reps)
            rc.font = bold
            rc.number_format = fmt_cases
        if rate is not None:
            pc = ws.cell(row=r, column=4, value=rate)
            pc.number_format = "0.0%"
            pc.font = bold
        if change is not None:
            ws.cell(row=r, column=5, value=change).number_format = "+#,##0;-#,##0;0"
        for c in range(1, 6):
            ws.cell(row=r, column=c).border = box
        r += 1

    summary_row("Total 2016/17", TOT_CASES, TOT_REP, round(TOT_REP / TOT_CASES, 3),
                change=TOT_CASES - PREV_CASES)
    summary_row("Monthly average 2016/17", TOT_CASES // 12, round(TOT_REP / 12, 1), None, fmt_cases="0.0")
    ws.cell(row=r - 1, column=2).number_format = "0"
    summary_row("Total 2015/16 (for comparison)", PREV_CASES, PREV_REP, round(PREV_REP / PREV_CASES, 3))

    r += 1
    ws.cell(row=r, column=1, value="Cases per 10,000 women aged 16+").font = bold
    r += 1
    ws.cell(row=r, column=1, value="2015/16")
    ws.cell(row=r, column=2, value=38.3).number_format = "0.0"
    r += 1
    ws.cell(row=r, column=1, value="2016/17")
    ws.cell(row=r, column=2, value=40.2).number_format = "0.0"
    r += 1
    ws.cell(row=r, column=1, value="SafeLives recommended level")
    ws.cell(row=r, column=2, value=40).number_format = "0"
    r += 2
    ws.cell(row=r, column=1, value="Source: Kent MARAC coordinators' returns to SafeLives; ONS mid-2015 population estimates. See Notes sheet.").font = Font(italic=True, size=9)

    ws.column_dimensions["A"].width = 34
    for col in "BCD":
        ws.column_dimensions[col].width = 16
    ws.column_dimensions["E"].width = 24
    ws.freeze_panes = "B8"

    notes = wb.create_sheet("Notes")
    lines = [
        "Notes and definitions",
        "Test document; figures invented.",
        "",
        "1. A MARAC case is a victim discussed at a Multi-Agency Risk Assessment Conference. Kent has 12 MARACs (one per district) meeting monthly; Medway MARAC data are reported separately to the Medway CSP.",
        "2. A repeat case is one where the victim has been heard at a MARAC within the previous 12 months (SafeLives definition).",
        "3. SafeLives recommends a repeat rate of between 28% and 40%, and an expected volume of 40 cases per 10,000 women aged 16 and over.",
        "4. Monthly figures are by date of MARAC meeting. March 2017 figures are provisional and may change by up to 5 cases.",
        "5. The 'monthly average' repeat figure is shown for information only.",
        "6. Change column compares each month with the same month in 2015/16.",
        "7. Population denominator: 630,000 women aged 16+ in Kent (ONS mid-2015 estimate, rounded).",
        "",
        "Queries: Kent Police Performance Analysis Unit, telephone 01622 690 690, or the KCC Community Safety Team on 03000 41 41 41.",
    ]
    for i, line in enumerate(lines, 1):
        notes.cell(row=i, column=1, value=line)
    notes["A1"].font = Font(bold=True, size=12)
    notes.column_dimensions["A"].width = 140

    wb.save(os.path.join(HERE, XLSX_NAME))

    truth = []
    for month, cases, reps, _ch in MONTHLY:
        p = month.strftime("%Y-%m")
        truth.append(("marac_cases", "Kent", p, cases))
        truth.append(("marac_repeat_cases", "Kent", p, reps))
    truth.append(("marac_cases", "Kent", "2016/17", TOT_CASES))
    truth.append(("marac_repeat_cases", "Kent", "2016/17", TOT_REP))
    truth.append(("marac_repeat_pct", "Kent", "2016/17", round(TOT_REP / TOT_CASES * 100, 1)))
    truth.append(("marac_cases_monthly_avg", "Kent", "2016/17", TOT_CASES // 12))
    truth.append(("marac_cases", "Kent", "2015/16", PREV_CASES))
    truth.append(("marac_repeat_cases", "Kent", "2015/16", PREV_REP))
    truth.append(("marac_repeat_pct", "Kent", "2015/16", round(PREV_REP / PREV_CASES * 100, 1)))
    truth.append(("marac_cases_per_10k_adult_females", "Kent", "2015/16", 38.3))
    truth.append(("marac_cases_per_10k_adult_females", "Kent", "2016/17", 40.2))
    write_truth(XLSX_NAME, truth)
    return len(truth)


if __name__ == "__main__":
    print("pdf truth rows", build_pdf())
    print("xlsx truth rows", build_xlsx())
