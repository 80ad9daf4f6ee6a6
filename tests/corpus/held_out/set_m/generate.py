"""Test documents; all figures invented.

Builds the PDF (KCSP crime and domestic abuse performance report, Q1 2017/18)
and the XLSX (Kent Police ASB data pack 2018/19) of held-out set m.
Run with: /work/main/.venv/bin/python generate.py
"""
import datetime as dt
from pathlib import Path

from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent
PDF_NAME = "2017-09-26_kcsp_performance_report_q1_2017-18.pdf"
XLSX_NAME = "2019-05-21_kent_police_asb_data_pack_2018-19.xlsx"


# ------------------------------------------------------------------ PDF
class Paper(FPDF):
    def header(self):
        self.set_font("Helvetica", "I", 8)
        self.cell(95, 5, "Kent Community Safety Partnership", align="L")
        self.cell(95, 5, "Item 6: Performance Report, Quarter 1 2017/18", align="R",
                  new_x="LMARGIN", new_y="NEXT")
        self.line(10, 16, 200, 16)
        self.ln(4)

    def footer(self):
        self.set_y(-13)
        self.set_font("Helvetica", "", 8)
        self.cell(95, 5, "KCSP meeting, 26 September 2017 - OFFICIAL", align="L")
        self.cell(95, 5, f"Page {self.page_no()} of {{nb}}", align="R")


def para(pdf, text):
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def heading(pdf, text):
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")


def ruled_table(pdf, widths, header, rows, bold_rows=()):
    pdf.set_font("Helvetica", "B", 9)
    pdf.set_fill_color(220, 225, 235)
    for w, txt in zip(widths, header):
        pdf.cell(w, 6, txt, border=1, align="C", fill=True)
    pdf.ln()
    for i, r in enumerate(rows):
        pdf.set_font("Helvetica", "B" if i in bold_rows else "", 9)
        for j, (w, txt) in enumerate(zip(widths, r)):
            pdf.cell(w, 6, txt, border=1, align="L" if j == 0 else "R")
        pdf.ln()
    pdf.ln(2)


def plain_table(pdf, widths, header, rows):
    pdf.set_font("Helvetica", "B", 9)
    for w, txt in zip(widths, header):
        pdf.cell(w, 5, txt, align="L" if w == widths[0] else "R")
    pdf.ln()
    pdf.set_font("Helvetica", "", 9)
    for r in rows:
        for j, (w, txt) in enumerate(zip(widths, r)):
            pdf.cell(w, 5, txt, align="L" if j == 0 else "R")
        pdf.ln()
    pdf.ln(2)


def build_pdf():
    pdf = Paper(orientation="P", unit="mm", format="A4")
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "Crime and Domestic Abuse Performance: Quarter 1 2017/18",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 5, "Kent County Council area (Kent excluding Medway)",
             new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, "Report of the KCC Community Safety Team and Kent Police Strategic Analysis",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 9)
    pdf.cell(0, 5, "Test document; figures invented.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    heading(pdf, "1. Introduction")
    para(pdf, "1.1 This report updates the Partnership on police-recorded crime for the rolling "
              "12 months to the end of June 2017 and on domestic abuse for the five quarters to "
              "June 2017. Figures for the Kent County Council area exclude Medway, which reports "
              "to the Medway Community Safety Partnership.")
    para(pdf, "1.2 Recorded crime continues to be affected by the improvements to crime recording "
              "made since the HMIC inspection of 2014; the Force estimates that around two thirds "
              "of the rise in violence is attributable to recording changes. Total notifiable "
              "offences rose by 17.2% in the 12 months to June 2017.")

    heading(pdf, "2. Recorded crime")
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 6, "Table 1: Police-recorded crime, Kent (excl. Medway), rolling 12 months",
             new_x="LMARGIN", new_y="NEXT")
    ruled_table(
        pdf, [62, 34, 34, 26, 26],
        ["Crime type", "12 mths to Jun 16", "12 mths to Jun 17", "Change", "% change"],
        [
            ["Violence against the person", "27,905", "33,418", "+5,513", "+19.8%"],
            ["  Violence with injury", "11,032", "12,207", "+1,175", "+10.7%"],
            ["Domestic burglary", "5,912", "5,640", "-272", "-4.6%"],
            ["Theft and handling", "29,476", "30,118", "+642", "+2.2%"],
            ["Robbery", "655", "812", "+157", "+24.0%"],
            ["Sexual offences", "2,961", "3,604", "+643", "+21.7%"],
        ],
    )
    para(pdf, "2.1 Violence against the person accounts for most of the increase. Robbery rose to "
              "812 offences, up from 655 a year earlier, with the rise concentrated in personal "
              "robbery of mobile phones in Dartford and Gravesend town centres. The Force "
              "target is to keep domestic burglary below 6,000 offences a year.")
    para(pdf, "2.2 Table 2 shows violence against the person by district. The Kent rate was "
              "21.4 offences per 1,000 residents; Thanet and Swale have the highest rates.")

    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 6, "Table 2: Violence against the person by district, 12 months to June 2017",
             new_x="LMARGIN", new_y="NEXT")
    districts = [
        ("Ashford", "2,604", "+18.4%", "20.8"),
        ("Canterbury", "3,398", "+16.9%", "21.3"),
        ("Dartford", "2,377", "+22.0%", "22.1"),
        ("Dover", "2,611", "+17.5%", "22.8"),
        ("Gravesham", "2,415", "+20.3%", "22.7"),
        ("Maidstone", "3,602", "+19.1%", "21.8"),
        ("Sevenoaks", "1,603", "+14.2%", "13.5"),
        ("Shepway", "2,486", "+21.7%", "22.1"),
        ("Swale", "3,441", "+23.5%", "23.9"),
        ("Thanet", "4,712", "+24.8%", "33.4"),
        ("Tonbridge and Malling", "2,210", "+15.0%", "17.6"),
        ("Tunbridge Wells", "1,959", "+18.8%", "16.6"),
        ("Kent", "33,418", "+19.8%", "21.4"),
    ]
    ruled_table(pdf, [62, 40, 34, 44],
                ["District", "Offences", "Change on 2016", "Rate per 1,000"],
                [list(d) for d in districts], bold_rows=(12,))

    pdf.add_page()
    heading(pdf, "3. Domestic abuse")
    para(pdf, "3.1 Kent Police recorded 26,460 domestic abuse incidents in the Kent County "
              "Council area in 2016/17. In the first quarter of 2017/18 (April to June 2017) "
              "there were 7,021 incidents, compared with 6,512 in the same quarter last year, "
              "an increase of 7.8%.")
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 6, "Table 3: Domestic abuse incidents and repeat victims, Kent (excl. Medway)",
             new_x="LMARGIN", new_y="NEXT")
    plain_table(
        pdf, [60, 40, 50, 40],
        ["Quarter", "Incidents", "Repeat victim (%)", "Arrests"],
        [
            ["Q1 2016/17 (Apr-Jun)", "6,512", "34.1", "1,705"],
            ["Q2 2016/17 (Jul-Sep)", "6,803", "34.8", "1,772"],
            ["Q3 2016/17 (Oct-Dec)", "6,690", "35.2", "1,690"],
            ["Q4 2016/17 (Jan-Mar)", "6,455", "35.9", "1,612"],
            ["Q1 2017/18 (Apr-Jun)", "7,021", "36.3", "1,811"],
        ],
    )
    para(pdf, "3.2 The proportion of incidents involving a repeat victim has risen in each of the "
              "last five quarters. Repeat victimisation is defined as a further incident within "
              "12 months. SafeLives suggests that 25-35% of domestic abuse victims experience "
              "repeat incidents within a year. Since April 2016 the figures have included "
              "victims aged 16 and 17.")
    para(pdf, "3.3 Medway recorded 1,633 incidents in the first quarter (Medway CSP figures); "
              "these are not included in Table 3.")
    para(pdf, "3.4 The Kent and Medway Domestic Abuse Services commissioned from April 2017 "
              "(contract value GBP 3.2m a year) received 2,108 referrals in the quarter, and 14 "
              "Domestic Homicide Reviews are in progress across the county.")

    heading(pdf, "4. Recommendations")
    para(pdf, "4.1 Members are asked to note the report and to agree that the Quarter 2 report "
              "(to be presented on 5 December 2017) includes a more detailed analysis of robbery.")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5, "Contact: Community Safety Team, Kent County Council, telephone 03000 410 234.",
             new_x="LMARGIN", new_y="NEXT")

    pdf.output(str(HERE / PDF_NAME))


# ------------------------------------------------------------------ XLSX
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="1F3864")
HEAD_FONT = Font(bold=True, color="FFFFFF")
THIN = Side(style="thin", color="999999")
BOX = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)


def head(ws, row, labels):
    for c, lab in enumerate(labels, start=1):
        cell = ws.cell(row=row, column=c, value=lab)
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BOX


def build_xlsx():
    wb = Workbook()

    # Sheet 1: monthly ASB incidents, force area
    ws = wb.active
    ws.title = "Monthly incidents"
    ws["A1"] = "Kent Police - Anti-social behaviour data pack 2018/19"
    ws["A1"].font = TITLE
    ws["A2"] = "ASB incidents recorded on the Kent Police STORM system, Kent Police force area (Kent and Medway)"
    ws["A3"] = "Test document; figures invented. Prepared by Strategic Analysis, 21 May 2019."
    head(ws, 5, ["Month", "ASB incidents", "% change on same month last year",
                 "Personal", "Nuisance", "Environmental"])
    months = [
        (2018, 4, 5412, 0.031), (2018, 5, 6103, -0.018), (2018, 6, 6388, 0.042),
        (2018, 7, 6951, 0.065), (2018, 8, 6702, -0.007), (2018, 9, 5689, -0.024),
        (2018, 10, 5840, 0.012), (2018, 11, 4977, -0.051), (2018, 12, 4405, -0.036),
        (2019, 1, 4318, -0.044), (2019, 2, 4226, -0.009), (2019, 3, 4889, 0.027),
    ]
    r = 6
    for y, m, n, chg in months:
        ws.cell(row=r, column=1, value=dt.date(y, m, 1)).number_format = "mmm-yy"
        ws.cell(row=r, column=2, value=n).number_format = "#,##0"
        ws.cell(row=r, column=3, value=chg).number_format = "0.0%"
        personal = round(n * 0.22)
        env = round(n * 0.09)
        ws.cell(row=r, column=4, value=personal).number_format = "#,##0"
        ws.cell(row=r, column=5, value=n - personal - env).number_format = "#,##0"
        ws.cell(row=r, column=6, value=env).number_format = "#,##0"
        r += 1
    total = sum(x[2] for x in months)
    assert total == 65900
    ws.cell(row=r, column=1, value="Total 2018/19").font = BOLD
    ws.cell(row=r, column=2, value=total).number_format = "#,##0"
    ws.cell(row=r, column=2).font = BOLD
    ws.cell(row=r + 2, column=1,
            value="Personal / nuisance / environmental split is estimated from a 10% sample of incident logs.")
    ws.column_dimensions["A"].width = 16
    for col in "BCDEF":
        ws.column_dimensions[col].width = 16

    # Sheet 2: satisfaction and perception
    ws2 = wb.create_sheet("Satisfaction")
    ws2["A1"] = "ASB victim satisfaction, Kent Police force area"
    ws2["A1"].font = TITLE
    ws2["A2"] = "Victims and witnesses satisfied with the overall service (telephone survey, Kent and Medway)"
    head(ws2, 4, ["Period", "Satisfied", "Responses", "Target"])
    sat = [("Apr-Jun 2018 (Q1)", 0.812, 402), ("Jul-Sep 2018 (Q2)", 0.798, 415),
           ("Oct-Dec 2018 (Q3)", 0.826, 388), ("Jan-Mar 2019 (Q4)", 0.834, 397)]
    r = 5
    for lab, p, n in sat:
        ws2.cell(row=r, column=1, value=lab)
        ws2.cell(row=r, column=2, value=p).number_format = "0.0%"
        ws2.cell(row=r, column=3, value=n)
        ws2.cell(row=r, column=4, value=0.80).number_format = "0%"
        r += 1
    ws2.cell(row=r, column=1, value="12 months to March 2019").font = BOLD
    ws2.cell(row=r, column=2, value=0.817).number_format = "0.0%"
    ws2.cell(row=r, column=3, value=1602)
    ws2.cell(row=r, column=4, value=0.80).number_format = "0%"
    r += 3
    ws2.cell(row=r, column=1, value="Perception of ASB (Kent and Medway public confidence survey)").font = BOLD
    r += 1
    head(ws2, r, ["Year", "High level of ASB in local area", "Responses", ""])
    ws2.cell(row=r, column=4).fill = PatternFill(None)
    r += 1
    for lab, p, n in [("2017/18", 0.081, 3120), ("2018/19", 0.074, 3046)]:
        ws2.cell(row=r, column=1, value=lab)
        ws2.cell(row=r, column=2, value=p).number_format = "0.0%"
        ws2.cell(row=r, column=3, value=n)
        r += 1
    ws2.column_dimensions["A"].width = 26
    ws2.column_dimensions["B"].width = 18

    # Sheet 3: districts
    ws3 = wb.create_sheet("Districts")
    ws3["A1"] = "ASB incidents by district, April 2018 to March 2019"
    ws3["A1"].font = TITLE
    ws3["A2"] = "Community Safety Partnership areas. Medway shown separately."
    head(ws3, 4, ["District", "Incidents", "Change on 2017/18", "Per 1,000 population"])
    dist = [("Ashford", 4105, -0.021, 32.8), ("Canterbury", 5988, 0.034, 36.9),
            ("Dartford", 3702, -0.046, 33.6), ("Dover", 4416, 0.008, 37.9),
            ("Folkestone & Hythe", 4390, -0.012, 38.8), ("Gravesham", 4011, -0.030, 37.3),
            ("Maidstone", 5507, 0.019, 32.6), ("Sevenoaks", 2896, -0.057, 24.2),
            ("Swale", 5622, 0.011, 38.0), ("Thanet", 7950, 0.026, 56.0),
            ("Tonbridge & Malling", 3910, -0.015, 30.3), ("Tunbridge Wells", 3533, -0.038, 29.8)]
    r = 5
    for name, n, chg, rate in dist:
        ws3.cell(row=r, column=1, value=name)
        ws3.cell(row=r, column=2, value=n).number_format = "#,##0"
        ws3.cell(row=r, column=3, value=chg).number_format = "0.0%"
        ws3.cell(row=r, column=4, value=rate).number_format = "0.0"
        r += 1
    kent = sum(d[1] for d in dist)
    assert kent == 56030
    for name, n, chg, rate in [("Kent (excl. Medway)", kent, 0.001, 36.1),
                               ("Medway", 9870, -0.004, 35.4),
                               ("Kent Police total", kent + 9870, 0.0003, 36.0)]:
        for c, v in enumerate([name, n, chg, rate], start=1):
            cell = ws3.cell(row=r, column=c, value=v)
            cell.font = BOLD
        ws3.cell(row=r, column=2).number_format = "#,##0"
        ws3.cell(row=r, column=3).number_format = "0.0%"
        ws3.cell(row=r, column=4).number_format = "0.0"
        r += 1
    ws3.cell(row=r + 1, column=1,
             value="Population: ONS mid-2018 estimates. Contact: strategic.analysis@kent.police.uk (test address).")
    ws3.column_dimensions["A"].width = 24
    for col in "BCD":
        ws3.column_dimensions[col].width = 18

    wb.save(HERE / XLSX_NAME)


if __name__ == "__main__":
    build_pdf()
    build_xlsx()
