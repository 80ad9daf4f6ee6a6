"""Generate the PDF and XLSX test documents for this held-out set.

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
# PDF: Kent road casualty annual review 2015
# ---------------------------------------------------------------------------
class CasualtyPDF(FPDF):
    def header(self):
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "Kent County Council - Highways, Transportation and Waste", align="L")
        self.cell(0, 5, "Road Casualties in Kent: Annual Review 2015", align="R",
                  new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(5)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "Published 15 September 2016", align="L")
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def para(pdf, text, num=None):
    pdf.set_font("Helvetica", "", 10)
    if num:
        x = pdf.l_margin
        pdf.set_x(x)
        pdf.cell(12, 5.2, num)
        pdf.multi_cell(0, 5.2, text, new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.multi_cell(0, 5.2, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def heading(pdf, text):
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def build_pdf(path):
    pdf = CasualtyPDF(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.alias_nb_pages()
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, "Road Casualties in Kent", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 13)
    pdf.cell(0, 7, "Annual Review 2015", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 9)
    pdf.cell(0, 6, "Report to the Environment and Transport Cabinet Committee, 15 September 2016",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 9)
    pdf.set_text_color(170, 0, 0)
    pdf.cell(0, 6, "Test document; figures invented.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)

    heading(pdf, "1. Summary")
    para(pdf, "This review sets out the number of people killed or injured in reported personal "
              "injury collisions on roads in Kent during the calendar year 2015, using the STATS19 "
              "data supplied by Kent Police. Kent County Council is the highway authority for all "
              "roads in the county except motorways and trunk roads, which are managed by Highways "
              "England, and roads in Medway, which is a separate unitary authority. Figures in this "
              "report cover the Kent County Council area and include casualties on motorways and "
              "trunk roads within it.", "1.1")
    para(pdf, "In 2015, 603 people were killed or seriously injured (KSI) on Kent's roads, "
              "seven more than in 2014. Of these, 44 people lost their lives, compared with 51 the "
              "year before, and 559 were seriously injured. A further 4,712 people were slightly "
              "injured.", "1.2")
    para(pdf, "The 603 KSI casualties arose from 498 collisions in which at least one person was "
              "killed or seriously injured. For comparison, Medway Council reports 64 KSI "
              "casualties on its roads in 2015.", "1.3")

    heading(pdf, "2. Casualties by severity")
    para(pdf, "Table 1 shows casualties by severity over the last three years, together with the "
              "2005-09 average, which is the baseline against which the county's casualty "
              "reduction target (a 33% reduction in KSI casualties by 2020) is measured.", "2.1")

    # Table 1 - ruled table
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.cell(0, 6, "Table 1: Reported road casualties in Kent by severity, 2013 to 2015",
             new_x="LMARGIN", new_y="NEXT")
    widths = [52, 30, 24, 24, 24]
    heads = ["Severity", "2005-09 average", "2013", "2014", "2015"]
    pdf.set_fill_color(220, 228, 240)
    for w, h in zip(widths, heads):
        pdf.cell(w, 7, h, border=1, align="C", fill=True)
    pdf.ln()
    rows = [
        ("Killed", "62", "48", "51", "44"),
        ("Seriously injured", "681", "512", "545", "559"),
        ("Killed or seriously injured (KSI)", "743", "560", "596", "603"),
        ("Slightly injured", "5,412", "4,608", "4,790", "4,712"),
        ("All casualties", "6,155", "5,168", "5,386", "5,315"),
    ]
    for r in rows:
        bold = r[0].startswith("Killed or") or r[0].startswith("All")
        pdf.set_font("Helvetica", "B" if bold else "", 9)
        for i, (w, v) in enumerate(zip(widths, r)):
            pdf.cell(w, 6.5, v, border=1, align="L" if i == 0 else "R")
        pdf.ln()
    pdf.set_font("Helvetica", "I", 8)
    pdf.cell(0, 5, "Source: Kent Police STATS19 returns. 2015 figures validated June 2016.",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    para(pdf, "KSI casualties are now 19% below the 2005-09 baseline, so the county remains "
              "on course to meet the 2020 target, although progress has stalled over the last two "
              "years. Nationally, KSI casualties in Great Britain rose by around 3% between 2014 "
              "and 2015.", "2.2")
    para(pdf, "Young drivers aged 17 to 24 were involved in roughly a quarter of KSI collisions. "
              "Motorcyclists remain heavily over-represented: 112 motorcycle riders and passengers "
              "were killed or seriously injured, although they account for about 1% of traffic.",
         "2.3")

    heading(pdf, "3. Casualties by district")
    para(pdf, "Table 2 shows KSI casualties by the district in which the collision took place. "
              "District figures are small and can vary considerably from year to year, so changes "
              "should be interpreted with care.", "3.1")

    # Table 2 - unruled table with columns placed by x position
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.cell(0, 6, "Table 2: KSI casualties by district, Kent, 2015", new_x="LMARGIN",
             new_y="NEXT")
    x_cols = [22, 90, 122, 154]
    pdf.set_font("Helvetica", "B", 9)
    y = pdf.get_y() + 1
    for x, h in zip(x_cols, ["District", "KSI 2015", "Change on 2014", "Share of Kent (%)"]):
        pdf.text(x, y + 4, h)
    y += 6
    pdf.line(20, y, 190, y)
    y += 1
    districts = [
        ("Ashford", 52, "+3"), ("Canterbury", 58, "-3"), ("Dartford", 31, "+2"),
        ("Dover", 47, "-3"), ("Gravesham", 26, "-4"), ("Maidstone", 71, "+5"),
        ("Sevenoaks", 60, "+3"), ("Shepway", 44, "+3"), ("Swale", 55, "-3"),
        ("Thanet", 40, "+2"), ("Tonbridge and Malling", 68, "+4"),
        ("Tunbridge Wells", 51, "-2"),
    ]
    total = sum(d[1] for d in districts)
    assert total == 603
    pdf.set_font("Helvetica", "", 9)
    for name, ksi, ch in districts:
        y += 5.2
        pdf.text(x_cols[0], y, name)
        pdf.text(x_cols[1] + 8, y, f"{ksi:,}")
        pdf.text(x_cols[2] + 10, y, ch)
        pdf.text(x_cols[3] + 10, y, f"{100 * ksi / total:.1f}")
    y += 2
    pdf.line(20, y, 190, y)
    y += 5.2
    pdf.set_font("Helvetica", "B", 9)
    pdf.text(x_cols[0], y, "Kent")
    pdf.text(x_cols[1] + 8, y, f"{total:,}")
    pdf.text(x_cols[2] + 10, y, "+7")
    pdf.text(x_cols[3] + 10, y, "100.0")
    pdf.set_y(y + 4)
    pdf.ln(3)

    para(pdf, "Maidstone and Tonbridge and Malling, which contain long stretches of the M20, M2 "
              "and A20, recorded the highest numbers. Gravesham had the fewest KSI casualties and "
              "the largest fall.", "3.2")

    heading(pdf, "4. Programme for 2016/17")
    para(pdf, "The council will invest £3.4m in casualty reduction schemes and road safety "
              "education in 2016/17, including 14 new crash remedial sites and the continuation "
              "of the 'Licence to Kill' pre-driver presentation, seen by more than 21,000 "
              "sixth-form students since 2011.", "4.1")
    para(pdf, "Provisional data for January to June 2016 show 287 KSI casualties. Figures for the "
              "full year will be reported to the Committee in September 2017.", "4.2")
    para(pdf, "Enquiries: Road Safety Team, Kent County Council, Invicta House, Maidstone. "
              "Telephone 03000 41 81 81.", "4.3")

    pdf.output(path)


# ---------------------------------------------------------------------------
# XLSX: Kent Police quarterly performance data pack, Q2 2018/19
# ---------------------------------------------------------------------------
def build_xlsx(path):
    wb = Workbook()
    bold = Font(bold=True)
    title_font = Font(bold=True, size=14)
    hdr_fill = PatternFill("solid", fgColor="1F3864")
    hdr_font = Font(bold=True, color="FFFFFF")
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    # --- Sheet 1: crime summary -------------------------------------------
    ws = wb.active
    ws.title = "Crime summary"
    ws["A1"] = "Kent Police - Quarterly Performance Data Pack"
    ws["A1"].font = title_font
    ws["A2"] = "Quarter 2 2018/19 (July to September 2018) compared with the same quarter last year"
    ws["A3"] = "Force area: Kent and Medway. Test document; figures invented."
    ws["A3"].font = Font(italic=True, color="C00000")
    ws["A4"] = "OFFICIAL - Prepared by Kent Police Strategic Analysis for the PCC Performance and Delivery Board, 7 November 2018"

    headers = ["Crime / incident type", "Q2 2017/18", "Q2 2018/19", "Change (No.)", "Change (%)"]
    hr = 6
    for c, h in enumerate(headers, start=1):
        cell = ws.cell(row=hr, column=c, value=h)
        cell.font = hdr_font
        cell.fill = hdr_fill
        cell.border = box
        cell.alignment = Alignment(horizontal="center", wrap_text=True)

    data = [
        ("All crime", 43218, 46905),
        ("Violence against the person", 14402, 16377),
        ("   Violence with injury", 5121, 5398),
        ("Robbery", 388, 452),
        ("Burglary (all)", 3904, 3711),
        ("   Domestic burglary", 1811, 1702),
        ("Theft and handling stolen goods", 9877, 10102),
        ("   of which shoplifting", 4410, 4688),
        ("Vehicle offences", 3620, 3541),
        ("ASB incidents", 13560, 12118),
        ("Domestic abuse incidents", 8604, 9151),
    ]
    r = hr + 1
    for name, a, b in data:
        ws.cell(row=r, column=1, value=name)
        ws.cell(row=r, column=2, value=a).number_format = "#,##0"
        ws.cell(row=r, column=3, value=b).number_format = "#,##0"
        ws.cell(row=r, column=4, value=b - a).number_format = "+#,##0;-#,##0;0"
        ws.cell(row=r, column=5, value=round((b - a) / a, 4)).number_format = "0.0%"
        for c in range(1, 6):
            ws.cell(row=r, column=c).border = box
        r += 1
    ws.cell(row=r + 1, column=1,
            value="ASB incidents and domestic abuse incidents are not crimes and are not included in All crime.")
    ws.cell(row=r + 1, column=1).font = Font(italic=True, size=9)
    ws.column_dimensions["A"].width = 36
    for col in "BCDE":
        ws.column_dimensions[col].width = 14

    # --- Sheet 2: ASB monthly -----------------------------------------------
    ws2 = wb.create_sheet("ASB monthly")
    ws2["A1"] = "Anti-social behaviour: incidents and caller satisfaction by month"
    ws2["A1"].font = title_font
    ws2["A2"] = "Kent and Medway, April to September 2018"
    ws2["A3"] = "Test document; figures invented."
    ws2["A3"].font = Font(italic=True, color="C00000")
    h2 = ["Month", "ASB incidents", "Callers satisfied with overall service"]
    for c, h in enumerate(h2, start=1):
        cell = ws2.cell(row=5, column=c, value=h)
        cell.font = hdr_font
        cell.fill = hdr_fill
        cell.border = box
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    months = [
        (dt.date(2018, 4, 1), 4102, 0.812),
        (dt.date(2018, 5, 1), 4388, 0.798),
        (dt.date(2018, 6, 1), 4560, 0.805),
        "Q1 2018/19 total",
        (dt.date(2018, 7, 1), 4511, 0.787),
        (dt.date(2018, 8, 1), 4263, 0.779),
        (dt.date(2018, 9, 1), 3344, 0.801),
        "Q2 2018/19 total",
    ]
    r = 6
    block = []
    for m in months:
        if isinstance(m, str):
            ws2.cell(row=r, column=1, value=m).font = bold
            c = ws2.cell(row=r, column=2, value=sum(block))
            c.number_format = "#,##0"
            c.font = bold
            ws2.cell(row=r, column=3, value="n/a").alignment = Alignment(horizontal="right")
            block = []
        else:
            d, n, s = m
            ws2.cell(row=r, column=1, value=d).number_format = "mmm-yy"
            ws2.cell(row=r, column=2, value=n).number_format = "#,##0"
            ws2.cell(row=r, column=3, value=s).number_format = "0.0%"
            block.append(n)
        for c in range(1, 4):
            ws2.cell(row=r, column=c).border = box
        r += 1
    ws2.cell(row=r + 1, column=1,
             value="Satisfaction is not calculated for quarters in this pack; see the annual survey report.").font = Font(italic=True, size=9)
    ws2.cell(row=r + 2, column=1,
             value="Target: 85% of ASB callers satisfied (Police and Crime Plan 2017-21).").font = Font(italic=True, size=9)
    ws2.column_dimensions["A"].width = 20
    ws2.column_dimensions["B"].width = 16
    ws2.column_dimensions["C"].width = 22

    # --- Sheet 3: Notes -----------------------------------------------------
    ws3 = wb.create_sheet("Notes")
    notes = [
        "Notes and definitions",
        "",
        "Test document; figures invented.",
        "1. Crime figures are taken from the Kent Police crime recording system (Athena) and are provisional.",
        "2. Figures cover the whole force area (Kent County Council area plus Medway).",
        "3. 'Burglary (all)' includes residential and business and community burglary; domestic burglary is shown as a sub-category.",
        "4. ASB incidents are taken from the STORM command and control system and include personal, nuisance and environmental ASB.",
        "5. ASB satisfaction is drawn from the monthly telephone survey of around 140 callers; percentages are of respondents.",
        "6. Percentage changes are calculated on unrounded figures.",
        "7. Late-recorded crimes (around 1,150 in the last six weeks) are included in the current quarter; earlier packs are not revised.",
        "8. Queries to the Performance Team, Kent Police Headquarters, Sutton Road, Maidstone ME15 9BZ; telephone 01622 690690.",
    ]
    for i, t in enumerate(notes, start=1):
        ws3.cell(row=i, column=1, value=t)
    ws3["A1"].font = title_font
    ws3.column_dimensions["A"].width = 110

    wb.save(path)


if __name__ == "__main__":
    build_pdf(os.path.join(HERE, "2016-09-15_kent_road_casualties_annual_review_2015.pdf"))
    build_xlsx(os.path.join(HERE, "2018-11-07_kent_police_q2_performance_data_pack.xlsx"))
    print("done")
