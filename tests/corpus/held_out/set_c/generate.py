"""Generator for the PDF and XLSX test documents in this folder.
Test documents; all figures invented."""
import datetime as dt
import os

from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# PDF: road casualty quarterly monitoring report
# ---------------------------------------------------------------------------
PDF_NAME = "2018-10-18_road_casualty_q2_2018.pdf"

SEVERITY = [  # label, 2017 Q2, 2018 Q2
    ("Killed", 11, 14),
    ("Seriously injured", 158, 171),
    ("Killed or seriously injured (KSI)", 169, 185),
    ("Slightly injured", 1121, 1046),
]

DISTRICT_KSI = [  # district, 12m to Jun 2017, 12m to Jun 2018
    ("Ashford", 62, 71),
    ("Canterbury", 68, 74),
    ("Dartford", 31, 36),
    ("Dover", 55, 49),
    ("Folkestone and Hythe*", 51, 58),
    ("Gravesham", 29, 33),
    ("Maidstone", 84, 92),
    ("Sevenoaks", 71, 66),
    ("Swale", 63, 70),
    ("Thanet", 47, 52),
    ("Tonbridge and Malling", 66, 75),
    ("Tunbridge Wells", 49, 54),
]


def pct(a, b):
    return (b - a) / a * 100.0


class Report(FPDF):
    def header(self):
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "Kent County Council | Highways, Transportation and Waste | Road Casualty Monitoring",
                  new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(150, 150, 150)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(90, 5, "Issued 18 October 2018 - PROVISIONAL")
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def para(pdf, num, text):
    pdf.set_font("Helvetica", "", 10)
    x = pdf.l_margin
    pdf.set_x(x)
    pdf.cell(10, 5.2, num)
    pdf.multi_cell(0, 5.2, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def heading(pdf, text):
    pdf.ln(1)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def build_pdf():
    pdf = Report(format="A4")
    pdf.set_margins(18, 15, 18)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, "Road Casualty Quarterly Monitoring Report\nQuarter 2 (April to June) 2018",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.ln(1)
    pdf.cell(0, 5, "To: Environment and Transport Cabinet Committee, 18 October 2018", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, "By: Road Safety and Active Travel Team, Kent County Council", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, "Classification: Unrestricted", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 5, "Test document; figures invented.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    heading(pdf, "1. Purpose")
    para(pdf, "1.1", "This report gives the committee the provisional casualty figures for the second calendar "
         "quarter of 2018 (April to June) on roads in Kent, excluding Medway, which is a separate highway "
         "authority and reports to its own members. Figures come from the STATS19 returns supplied by Kent "
         "Police and may change as late reports and severity reclassifications are received.")
    para(pdf, "1.2", "Since November 2016 Kent Police has recorded injury severity through the CRASH system, "
         "which classifies injuries more consistently and has tended to move casualties from 'slight' to "
         "'serious'. Comparisons with years before 2017 should therefore be treated with care (see appendix 2).")

    heading(pdf, "2. Headline position")
    para(pdf, "2.1", "Fourteen people were killed on Kent's roads between April and June 2018, compared with 11 in "
         "the same quarter of 2017. Of those killed, five were riding motorcycles and three were pedestrians "
         "aged over 70. The number of seriously injured casualties rose to 171 from 158, giving a KSI total of "
         "185 for the quarter.")
    para(pdf, "2.2", "The number of collisions in which at least one person was killed or seriously injured was 163 "
         "in 2018 Q2, against 150 in 2017 Q2. Slight casualties fell to 1,046, down 75 on the same quarter last "
         "year, continuing the downward drift seen since 2015.")
    para(pdf, "2.3", "Taken together with the first quarter, 27 people have lost their lives on the county's roads so "
         "far this year. Members will recall that the Road Casualty Reduction Strategy set a target of a 33% "
         "reduction in KSI casualties by 2020 against the 2010-14 baseline; on current trends that target will "
         "not be met.")

    # Table 1 --------------------------------------------------------------
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.cell(0, 6, "Table 1: Road casualties by severity, Kent (excluding Medway), Q2 2017 and Q2 2018",
             new_x="LMARGIN", new_y="NEXT")
    widths = [78, 30, 30, 30]
    pdf.set_fill_color(220, 228, 240)
    pdf.set_font("Helvetica", "B", 9)
    for w, h in zip(widths, ["Severity", "Apr-Jun 2017", "Apr-Jun 2018", "% change"]):
        pdf.cell(w, 7, h, border=1, align="C", fill=True)
    pdf.ln()
    pdf.set_font("Helvetica", "", 9)
    for label, a, b in SEVERITY:
        bold = label.startswith("Killed or")
        pdf.set_font("Helvetica", "B" if bold else "", 9)
        pdf.cell(widths[0], 6.5, label, border=1)
        pdf.cell(widths[1], 6.5, f"{a:,}", border=1, align="R")
        pdf.cell(widths[2], 6.5, f"{b:,}", border=1, align="R")
        pdf.cell(widths[3], 6.5, f"{pct(a, b):+.1f}%", border=1, align="R")
        pdf.ln()
    pdf.set_font("Helvetica", "I", 8)
    pdf.cell(0, 5, "Source: Kent Police STATS19 extract, 4 September 2018. Provisional.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    heading(pdf, "3. District picture")
    para(pdf, "3.1", "Because quarterly district numbers are small and volatile, district performance is monitored on "
         "a rolling twelve-month basis. Table 2 compares the twelve months to June 2018 with the twelve months "
         "to June 2017. Ten of the twelve districts recorded more KSI casualties; Dover and Sevenoaks were the "
         "exceptions.")
    para(pdf, "3.2", "Maidstone again had the highest count, reflecting the length of the M20 and A20 corridors "
         "within the borough. Gravesham and Dartford have the lowest counts, although their rates per head of "
         "population are close to the county figure. A route study of the A28 between Ashford and Canterbury is "
         "under way, funded with £450,000 from the Safer Roads Fund.")

    pdf.add_page()
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.cell(0, 6, "Table 2: KSI casualties by district, rolling 12 months to June", new_x="LMARGIN", new_y="NEXT")
    # unruled columns placed by x position, single rule under header and above total
    x0 = pdf.l_margin
    cols = [x0, x0 + 70, x0 + 105, x0 + 140]
    y = pdf.get_y() + 1
    pdf.set_font("Helvetica", "B", 9)
    pdf.set_xy(cols[0], y)
    pdf.cell(60, 5, "District")
    for cx, txt in zip(cols[1:], ["12 months to", "12 months to", "Change"]):
        pdf.set_xy(cx, y)
        pdf.cell(30, 5, txt, align="R")
    y += 5
    for cx, txt in zip(cols[1:], ["June 2017", "June 2018", "(%)"]):
        pdf.set_xy(cx, y)
        pdf.cell(30, 5, txt, align="R")
    y += 6
    pdf.line(x0, y - 0.5, x0 + 170, y - 0.5)
    pdf.set_font("Helvetica", "", 9)
    t17 = t18 = 0
    for name, a, b in DISTRICT_KSI:
        t17 += a
        t18 += b
        pdf.set_xy(cols[0], y)
        pdf.cell(60, 5.5, name)
        for cx, txt in zip(cols[1:], [f"{a}", f"{b}", f"{pct(a, b):+.1f}"]):
            pdf.set_xy(cx, y)
            pdf.cell(30, 5.5, txt, align="R")
        y += 5.5
    pdf.line(x0, y + 0.5, x0 + 170, y + 0.5)
    y += 1.5
    pdf.set_font("Helvetica", "B", 9)
    pdf.set_xy(cols[0], y)
    pdf.cell(60, 5.5, "Kent total")
    for cx, txt in zip(cols[1:], [f"{t17}", f"{t18}", f"{pct(t17, t18):+.1f}"]):
        pdf.set_xy(cx, y)
        pdf.cell(30, 5.5, txt, align="R")
    y += 7
    pdf.set_xy(x0, y)
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(0, 4.5, "* Shepway District Council was renamed Folkestone and Hythe District Council on 1 April 2018. "
                   "Figures for earlier months are shown under the new name.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    heading(pdf, "4. Context and comparison")
    para(pdf, "4.1", f"Across the county, {t18} people were killed or seriously injured in the twelve months to June "
         f"2018, {t18 - t17} more than in the previous twelve months. Nationally the Department for Transport "
         "estimates KSI casualties rose by around 3% over a similar period, and the county's KSI rate of about "
         "47 per 100,000 residents remains above the Great Britain average of 42.")
    para(pdf, "4.2", "In Medway, the unitary authority has reported 66 KSI casualties over the same period; "
         "together with Kent this gives a force-area picture which Kent Police will present to the Kent and "
         "Medway Road Safety Partnership in November. Seven of the partnership's 43 fixed safety cameras are "
         "due for replacement this financial year.")
    para(pdf, "4.3", "An earlier draft of this report circulated to officers showed 192 KSI casualties; the difference "
         "arises from records later reclassified as slight or moved to Medway.")

    heading(pdf, "5. Recommendation")
    para(pdf, "5.1", "The committee is asked to NOTE the provisional figures for Quarter 2 2018 and the continued "
         "focus on motorcyclists and older pedestrians in the 2018/19 casualty reduction programme. Queries "
         "should be directed to the Road Safety team on 03000 41 81 81.")

    pdf.output(os.path.join(HERE, PDF_NAME))
    return t17, t18


# ---------------------------------------------------------------------------
# XLSX: county ASB and crime performance data pack
# ---------------------------------------------------------------------------
XLSX_NAME = "2017-05-11_kent_asb_crime_data_pack.xlsx"

MONTHS = [dt.date(2016, m, 1) for m in range(4, 13)] + [dt.date(2017, m, 1) for m in range(1, 4)]
ASB = [3412, 3877, 3954, 4318, 4207, 3611, 3398, 2904, 2655, 2511, 2486, 2973]
CRIME = [9684, 10212, 10157, 10833, 10590, 10041, 10276, 9718, 9452, 9375, 8921, 10104]
ASB_CHG = [-0.081, -0.042, -0.063, -0.027, -0.054, -0.071, -0.038, -0.095, -0.066, -0.049, -0.084, -0.031]
CRIME_CHG = [0.112, 0.094, 0.131, 0.087, 0.102, 0.126, 0.118, 0.079, 0.091, 0.143, 0.066, 0.105]


def build_xlsx():
    wb = Workbook()
    ws = wb.active
    ws.title = "Kent monthly"
    bold = Font(bold=True)
    thin = Side(style="thin", color="808080")
    box = Border(top=thin, bottom=thin, left=thin, right=thin)
    hdr_fill = PatternFill("solid", fgColor="1F3864")
    hdr_font = Font(bold=True, color="FFFFFF")

    ws["A1"] = "KENT POLICE - PERFORMANCE DATA PACK"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Anti-social behaviour and recorded crime: Kent County (excluding Medway), April 2016 to March 2017"
    ws["A2"].font = Font(bold=True, size=11)
    ws["A3"] = "Test document; figures invented."
    ws["A3"].font = Font(italic=True, color="C00000")
    ws["A4"] = "Prepared for the Kent Community Safety Partnership, meeting of 11 May 2017. Data extracted 2 May 2017."

    headers = ["Month", "ASB incidents", "ASB: change on\nsame month last year", "All recorded crime",
               "Crime: change on\nsame month last year"]
    r0 = 6
    for c, h in enumerate(headers, start=1):
        cell = ws.cell(row=r0, column=c, value=h)
        cell.font = hdr_font
        cell.fill = hdr_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = box
    ws.row_dimensions[r0].height = 32
    r = r0 + 1
    for m, a, ac, c_, cc in zip(MONTHS, ASB, ASB_CHG, CRIME, CRIME_CHG):
        ws.cell(row=r, column=1, value=m).number_format = "mmm-yy"
        ws.cell(row=r, column=2, value=a).number_format = "#,##0"
        ws.cell(row=r, column=3, value=ac).number_format = "0.0%"
        ws.cell(row=r, column=4, value=c_).number_format = "#,##0"
        ws.cell(row=r, column=5, value=cc).number_format = "0.0%"
        for c in range(1, 6):
            ws.cell(row=r, column=c).border = box
        r += 1
    ws.cell(row=r, column=1, value="Total 2016/17").font = bold
    ws.cell(row=r, column=2, value=sum(ASB)).number_format = "#,##0"
    ws.cell(row=r, column=3, value=-0.058).number_format = "0.0%"
    ws.cell(row=r, column=4, value=sum(CRIME)).number_format = "#,##0"
    ws.cell(row=r, column=5, value=0.104).number_format = "0.0%"
    for c in range(1, 6):
        ws.cell(row=r, column=c).font = bold
        ws.cell(row=r, column=c).border = box
    total_row = r

    r += 3
    ws.cell(row=r, column=1, value="Public confidence measures, Kent County").font = Font(bold=True, size=11)
    r += 1
    for c, h in enumerate(["Measure", "2015/16", "2016/17", "Force target"], start=1):
        cell = ws.cell(row=r, column=c, value=h)
        cell.font = hdr_font
        cell.fill = hdr_fill
        cell.border = box
    r += 1
    rows = [
        ("ASB victims satisfied with overall service", 0.804, 0.821, 0.85),
        ("Residents perceiving a high level of ASB (KCVS)", 0.127, 0.112, None),
    ]
    for label, a, b, t in rows:
        ws.cell(row=r, column=1, value=label)
        ws.cell(row=r, column=2, value=a).number_format = "0.0%"
        ws.cell(row=r, column=3, value=b).number_format = "0.0%"
        ws.cell(row=r, column=4, value=t if t is not None else "n/a")
        if t is not None:
            ws.cell(row=r, column=4).number_format = "0%"
        for c in range(1, 5):
            ws.cell(row=r, column=c).border = box
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="Percentage columns show change on the same month of 2015/16. See 'Notes' sheet for definitions.")
    ws.cell(row=r, column=1).font = Font(italic=True, size=9)

    ws.column_dimensions["A"].width = 46
    for col in "BCDE":
        ws.column_dimensions[col].width = 19
    ws.freeze_panes = "B7"

    notes = wb.create_sheet("Notes")
    lines = [
        "Notes and definitions",
        "Test document; figures invented.",
        "",
        "1. Area: Kent County Council area (twelve districts). Medway Unitary Authority is excluded throughout.",
        "2. ASB incidents are calls for service closed with an ASB category (personal, nuisance, environmental).",
        "3. All recorded crime excludes fraud recorded by Action Fraud.",
        "4. Victim satisfaction is drawn from the monthly telephone survey of around 250 ASB callers.",
        "5. Perception of ASB is taken from the Kent Crime and Victimisation Survey (KCVS), residents aged 16 and over.",
        "6. Recorded crime rose after the HMIC crime data integrity inspection; increases partly reflect recording practice.",
        "7. The previous pack reported a quarterly figure of 11,870 for the same indicator; this has since been revised.",
        "8. The force target for satisfaction is 85%. Most similar group average satisfaction: 83.0%.",
        "9. Enquiries: Performance and Analysis Unit, telephone 01622 690690.",
    ]
    for i, line in enumerate(lines, start=1):
        notes.cell(row=i, column=1, value=line)
    notes["A1"].font = Font(bold=True, size=12)
    notes.column_dimensions["A"].width = 110

    wb.save(os.path.join(HERE, XLSX_NAME))
    return total_row


if __name__ == "__main__":
    t17, t18 = build_pdf()
    build_xlsx()
    print("PDF district totals", t17, t18)
    print("ASB total", sum(ASB), "crime total", sum(CRIME))
    for name, a, b in DISTRICT_KSI:
        print(name, a, b, f"{pct(a, b):+.1f}")
