"""Test documents; all figures invented.

Builds the PDF (KCC road casualty quarterly monitoring report) and the XLSX
(Kent Police MARAC data pack) of held-out set i.
"""
import datetime as dt
from pathlib import Path

from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Border, Side

HERE = Path(__file__).resolve().parent
PDF_NAME = "2019-10-15_kcc_road_casualty_quarterly_monitoring.pdf"
XLSX_NAME = "2016-05-10_marac_data_pack_2015-16_h2.xlsx"


# ---------------------------------------------------------------- PDF
class Report(FPDF):
    def header(self):
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, "Kent County Council - Highways, Transportation and Waste - Road Safety",
                  align="L")
        self.cell(0, 5, "Road Casualty Monitoring Report: Quarter 2 2019", align="R",
                  new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def para(pdf, text, h=5):
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, h, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def heading(pdf, text):
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")


def table(pdf, widths, header_rows, rows, bold_last=False):
    pdf.set_font("Helvetica", "B", 9)
    for hr in header_rows:
        for w, txt in zip(widths, hr):
            pdf.cell(w, 6, txt, border=1, align="C")
        pdf.ln()
    for i, r in enumerate(rows):
        last = bold_last and i == len(rows) - 1
        pdf.set_font("Helvetica", "B" if last else "", 9)
        for j, (w, txt) in enumerate(zip(widths, r)):
            pdf.cell(w, 6, txt, border=1, align="L" if j == 0 else "R")
        pdf.ln()
    pdf.ln(3)


def build_pdf():
    pdf = Report(orientation="P", unit="mm", format="A4")
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 7, "Road Casualty Monitoring Report\nQuarter 2 2019 (April to June)",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, "Kent County Council area (excluding Medway) - provisional figures",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 10)
    pdf.cell(0, 6, "Test document; figures invented.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5, "Kent Casualty Reduction Partnership (CaRe) Board, 15 October 2019. "
                   "Contact: Road Safety Team, 03000 418 181 (test number)",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    heading(pdf, "1. Summary")
    para(pdf,
         "1.1 In the second quarter of 2019 (April to June), 184 people were killed or "
         "seriously injured (KSI) on roads in Kent, compared with 192 in the same quarter of "
         "2018, a fall of 4.2%. In the same quarter 13 people died, compared with 14 in "
         "April to June 2018.")
    para(pdf,
         "1.2 For the calendar year 2018 as a whole, 53 people were killed and 691 were "
         "seriously injured on the county's roads, a total of 744 KSI casualties.")
    para(pdf,
         "1.3 In the 12 months to June 2019 there were 670 collisions in which at least one "
         "person was killed or seriously injured. Across January to June 2019 there were 353 "
         "KSI casualties, 0.6% fewer than in the first half of 2018.")
    para(pdf,
         "1.4 Serious injury figures since Kent Police adopted the CRASH recording system are "
         "not directly comparable with earlier years. The 2020 casualty reduction target "
         "(a 33% reduction in KSI casualties on the 2005-2009 baseline average of 726) is "
         "therefore reported for information only.")

    heading(pdf, "2. Casualties by severity and quarter")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5, "Table 1: Kent (excl. Medway) casualties by severity, calendar quarters",
             new_x="LMARGIN", new_y="NEXT")
    quarters = [
        ("Jul-Sep 2018 (Q3)", 16, 196, 1241),
        ("Oct-Dec 2018 (Q4)", 12, 165, 1164),
        ("Jan-Mar 2019 (Q1)", 9, 160, 1056),
        ("Apr-Jun 2019 (Q2)", 13, 171, 1129),
    ]
    rows = []
    tk = ts = tl = 0
    for lab, k, s, sl in quarters:
        rows.append([lab, str(k), str(s), str(k + s), f"{sl:,}", f"{k + s + sl:,}"])
        tk, ts, tl = tk + k, ts + s, tl + sl
    rows.append(["12 months to June 2019", str(tk), str(ts), str(tk + ts), f"{tl:,}",
                 f"{tk + ts + tl:,}"])
    table(pdf, [46, 22, 30, 22, 30, 30],
          [["Quarter", "Killed", "Seriously", "KSI", "Slightly", "All"],
           ["", "", "injured", "", "injured", "casualties"]],
          rows, bold_last=True)
    para(pdf,
         "2.1 The third quarter of the year is usually the worst for road casualties, "
         "reflecting higher summer traffic and motorcycle use. Motorcyclists accounted for "
         "22% of KSI casualties in the 12 months to June 2019, and children (aged 0-15) for 61 "
         "KSI casualties.")

    pdf.add_page()
    heading(pdf, "3. KSI casualties by district")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5, "Table 2: KSI casualties by district, 12 months to June 2019",
             new_x="LMARGIN", new_y="NEXT")
    districts = [
        # name, ksi, change %, population (thousands), 3-yr average
        ("Ashford", 68, "+6.3%", 129.3, 61),
        ("Canterbury", 79, "-2.5%", 164.6, 77),
        ("Dartford", 41, "+10.8%", 109.7, 37),
        ("Dover", 58, "-7.9%", 117.4, 62),
        ("Folkestone and Hythe", 55, "+3.8%", 112.6, 51),
        ("Gravesham", 36, "-5.3%", 106.4, 39),
        ("Maidstone", 91, "+4.6%", 169.9, 85),
        ("Sevenoaks", 72, "-1.4%", 120.3, 70),
        ("Swale", 67, "+9.8%", 148.5, 60),
        ("Thanet", 52, "-11.9%", 141.8, 57),
        ("Tonbridge and Malling", 70, "+2.9%", 130.5, 66),
        ("Tunbridge Wells", 53, "-3.6%", 118.1, 55),
    ]
    rows = []
    tot = 0
    pop = 0
    for n, k, ch, p, avg in districts:
        rows.append([n, str(k), ch, f"{k / p * 100:.1f}", str(avg)])
        tot += k
        pop += p
    assert tot == tk + ts == 742
    rows.append(["Kent (excl. Medway)", str(tot), "-0.4%", f"{tot / pop * 100:.1f}", "720"])
    table(pdf, [56, 30, 34, 34, 36],
          [["District", "KSI", "Change on", "KSI per", "3-year"],
           ["", "casualties", "prev. 12 mths", "100,000 pop.", "average"]],
          rows, bold_last=True)
    para(pdf,
         "3.1 Maidstone (91) and Canterbury (79) recorded the most KSI casualties, reflecting "
         "the length of the A20, A229 and A2 corridors in those districts. Dartford and Swale "
         "saw the largest increases. The district figures include casualties on the strategic "
         "road network managed by Highways England.")
    heading(pdf, "4. Recommendation")
    para(pdf, "4.1 The Board is asked to note the provisional Quarter 2 2019 figures.")
    out = HERE / PDF_NAME
    pdf.output(str(out))
    return out


# ---------------------------------------------------------------- XLSX
def build_xlsx():
    wb = Workbook()
    bold = Font(bold=True)
    title = Font(bold=True, size=14)
    head_fill = PatternFill("solid", fgColor="1F3864")
    head_font = Font(bold=True, color="FFFFFF")
    sub_fill = PatternFill("solid", fgColor="D9E1F2")
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    # Sheet 1: months as rows
    ws = wb.active
    ws.title = "Monthly"
    ws["A1"] = "Kent Police - Public Protection Unit - MARAC Data Pack"
    ws["A1"].font = title
    ws["A2"] = "Force area (Kent and Medway): MARAC activity, October 2015 to March 2016"
    ws["A2"].font = bold
    ws["A3"] = "Test document; figures invented."
    ws["A4"] = "Produced 10 May 2016 by the Force MARAC Co-ordinator. Official - not for onward circulation."
    hdr = ["Month", "MARAC meetings held", "Cases heard", "Repeat cases", "Repeat rate",
           "IDVA present at meeting (%)", "Police referrals (%)"]
    for c, h in enumerate(hdr, 1):
        cell = ws.cell(row=6, column=c, value=h)
        cell.font = head_font
        cell.fill = head_fill
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
        cell.border = box
    months = [
        (dt.date(2015, 10, 1), 13, 158, 41, 0.92, 0.62),
        (dt.date(2015, 11, 1), 13, 149, 38, 0.96, 0.60),
        (dt.date(2015, 12, 1), 12, 137, 36, 0.89, 0.64),
        "Q3 2015/16 (Oct-Dec) total",
        (dt.date(2016, 1, 1), 13, 166, 45, 0.94, 0.59),
        (dt.date(2016, 2, 1), 13, 154, 40, 0.97, 0.61),
        (dt.date(2016, 3, 1), 13, 171, 48, 0.93, 0.58),
        "Q4 2015/16 (Jan-Mar) total",
    ]
    r = 7
    block = []
    allm = []
    for m in months:
        if isinstance(m, str):
            cases = sum(x[2] for x in block)
            reps = sum(x[3] for x in block)
            meet = sum(x[1] for x in block)
            vals = [m, meet, cases, reps, round(reps / cases, 3), None, None]
            for c, v in enumerate(vals, 1):
                cell = ws.cell(row=r, column=c, value=v)
                cell.font = bold
                cell.fill = sub_fill
                cell.border = box
            ws.cell(row=r, column=5).number_format = "0.0%"
            block = []
            r += 1
            continue
        d, meet, cases, reps, idva, pol = m
        block.append(m)
        allm.append(m)
        vals = [d, meet, cases, reps, round(reps / cases, 3), idva, pol]
        for c, v in enumerate(vals, 1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.border = box
        ws.cell(row=r, column=1).number_format = "mmm-yy"
        ws.cell(row=r, column=5).number_format = "0.0%"
        ws.cell(row=r, column=6).number_format = "0%"
        ws.cell(row=r, column=7).number_format = "0%"
        r += 1
    cases = sum(x[2] for x in allm)
    reps = sum(x[3] for x in allm)
    vals = ["Oct 2015 - Mar 2016 total", sum(x[1] for x in allm), cases, reps,
            round(reps / cases, 3)]
    for c, v in enumerate(vals, 1):
        cell = ws.cell(row=r, column=c, value=v)
        cell.font = bold
        cell.border = box
    ws.cell(row=r, column=5).number_format = "0.0%"
    r += 1
    ws.cell(row=r, column=1, value="Average cases per month (Oct-Mar)")
    ws.cell(row=r, column=3, value=round(cases / 6, 1)).number_format = "0.0"
    r += 2
    ws.cell(row=r, column=1, value="Notes: a repeat case is one where the victim has been "
            "heard at a MARAC in the previous 12 months. SafeLives expects a repeat rate of "
            "28% to 40%.")
    ws.cell(row=r + 1, column=1, value="Enquiries: Force MARAC Co-ordinator, 01622 652 270 (test number).")
    ws.column_dimensions["A"].width = 30
    for col in "BCDEFG":
        ws.column_dimensions[col].width = 14
    ws.row_dimensions[6].height = 45

    # Sheet 2: by MARAC area, 2015/16
    ws2 = wb.create_sheet("By MARAC area")
    ws2["A1"] = "MARAC cases heard by MARAC area, 12 months to March 2016"
    ws2["A1"].font = title
    ws2["A2"] = "Test document; figures invented."
    ws2.merge_cells("B4:C4")
    ws2["A4"] = "MARAC area"
    ws2["B4"] = "April 2015 - March 2016"
    ws2["D4"] = "Districts covered"
    ws2["B5"] = "Cases heard"
    ws2["C5"] = "Share of force total"
    for row in (4, 5):
        for c in range(1, 5):
            cell = ws2.cell(row=row, column=c)
            cell.font = head_font
            cell.fill = head_fill
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
            cell.border = box
    areas = [
        ("Ashford", 158, "Ashford"),
        ("Canterbury", 152, "Canterbury"),
        ("Dartford & Gravesham", 215, "Dartford; Gravesham"),
        ("Dover", 151, "Dover"),
        ("Maidstone", 179, "Maidstone"),
        ("Shepway", 132, "Shepway"),
        ("Swale", 160, "Swale"),
        ("Thanet", 214, "Thanet"),
        ("West Kent", 171, "Sevenoaks; Tonbridge & Malling; Tunbridge Wells"),
    ]
    kent = sum(a[1] for a in areas)
    medway = 270
    force = kent + medway
    assert force == 1802, force
    r = 6
    for n, v, cov in areas:
        for c, val in enumerate([n, v, round(v / force, 3), cov], 1):
            ws2.cell(row=r, column=c, value=val).border = box
        ws2.cell(row=r, column=3).number_format = "0.0%"
        r += 1
    for n, v, cov in [("Kent (excl. Medway) sub-total", kent, ""),
                      ("Medway", medway, "Medway"),
                      ("Force total", force, "")]:
        for c, val in enumerate([n, v, round(v / force, 3), cov], 1):
            cell = ws2.cell(row=r, column=c, value=val)
            cell.border = box
            if n != "Medway":
                cell.font = bold
                cell.fill = sub_fill
        ws2.cell(row=r, column=3).number_format = "0.0%"
        r += 1
    r += 1
    ws2.cell(row=r, column=1, value="Force: average cases per month, 2015/16").font = bold
    ws2.cell(row=r, column=2, value=round(force / 12, 1)).number_format = "0.0"
    r += 1
    ws2.cell(row=r, column=1, value="Force: cases per 10,000 adult females, 2015/16").font = bold
    ws2.cell(row=r, column=2, value=round(force / 74.0, 1)).number_format = "0.0"
    r += 1
    ws2.cell(row=r, column=1, value="SafeLives recommended level (per 10,000 adult females)")
    ws2.cell(row=r, column=2, value=40)
    r += 2
    ws2.cell(row=r, column=1, value="Adult female population (16+) estimate for the force "
             "area: 740,000 (ONS mid-2014).")
    ws2.column_dimensions["A"].width = 50
    ws2.column_dimensions["B"].width = 14
    ws2.column_dimensions["C"].width = 14
    ws2.column_dimensions["D"].width = 46
    out = HERE / XLSX_NAME
    wb.save(out)
    return out


if __name__ == "__main__":
    print(build_pdf())
    print(build_xlsx())
