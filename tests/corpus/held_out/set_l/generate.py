"""Test documents; all figures invented.

Builds the PDF (Swale Community Safety Partnership strategic assessment 2016) and the XLSX
(Kent Police domestic abuse data pack 2014/15) of held-out set l.

Run with: /work/main/.venv/bin/python generate.py
"""
import datetime as dt
from pathlib import Path

from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent
PDF_NAME = "2016-11-30_swale_csp_strategic_assessment_2016.pdf"
XLSX_NAME = "2015-05-19_kent_police_domestic_abuse_data_pack_2014-15.xlsx"


# ====================================================================== PDF
class Assessment(FPDF):
    def header(self):
        self.set_font("Helvetica", "", 8)
        self.set_text_color(80, 80, 80)
        self.cell(120, 5, "Swale Community Safety Partnership | Strategic Assessment 2016")
        self.cell(0, 5, "OFFICIAL", align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(120, 120, 120)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.set_text_color(0, 0, 0)
        self.ln(4)

    def footer(self):
        self.set_y(-13)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(80, 80, 80)
        self.cell(120, 5, "Prepared by the Swale CSP analyst, November 2016. Test document; "
                          "figures invented.")
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def para(pdf, text):
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def heading(pdf, text):
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_text_color(0, 70, 120)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1)


def caption(pdf, text):
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")


def ruled_table(pdf, widths, header_rows, rows, bold_rows=()):
    pdf.set_font("Helvetica", "B", 9)
    pdf.set_fill_color(220, 230, 241)
    for hr in header_rows:
        for w, txt in zip(widths, hr):
            pdf.cell(w, 5.5, txt, border=1, align="C", fill=True)
        pdf.ln()
    for i, r in enumerate(rows):
        pdf.set_font("Helvetica", "B" if i in bold_rows else "", 9)
        for j, (w, txt) in enumerate(zip(widths, r)):
            pdf.cell(w, 5.5, txt, border=1, align="L" if j == 0 else "R")
        pdf.ln()
    pdf.ln(2)


def unruled_table(pdf, widths, header, rows):
    pdf.set_font("Helvetica", "B", 9)
    for j, (w, txt) in enumerate(zip(widths, header)):
        pdf.cell(w, 5, txt, align="L" if j == 0 else "R")
    pdf.ln()
    pdf.set_font("Helvetica", "", 9)
    for r in rows:
        for j, (w, txt) in enumerate(zip(widths, r)):
            pdf.cell(w, 5, txt, align="L" if j == 0 else "R")
        pdf.ln()
    pdf.ln(3)


def pct(a, b):
    return f"{(b - a) / a * 100:+.1f}%"


def build_pdf():
    pdf = Assessment(orientation="P", unit="mm", format="A4")
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(18, 12, 18)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 8, "Swale Community Safety Partnership", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 13)
    pdf.cell(0, 7, "Strategic Assessment 2016: summary of findings", new_x="LMARGIN",
             new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5, "For the meeting of the Swale CSP Executive Group, 30 November 2016",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    heading(pdf, "1. Introduction")
    para(pdf,
         "1.1 Each Community Safety Partnership must prepare an annual strategic assessment "
         "of crime, disorder and substance misuse in its area to inform its priorities. This "
         "summary covers the borough of Swale, which includes the towns of Sittingbourne, "
         "Faversham and Sheerness and the Isle of Sheppey.")
    para(pdf,
         "1.2 Police data in this assessment cover the twelve months from 1 October 2015 to 30 "
         "September 2016 and are compared with the preceding twelve months (October 2014 to "
         "September 2015). Road casualty data are for calendar years; MARAC data are for the "
         "financial year. The assessment was discussed at a partnership workshop on 8 November "
         "2016, attended by 34 officers from 15 organisations.")

    heading(pdf, "2. Headline figures")
    para(pdf,
         "2.1 Recorded crime in Swale rose by 12.8% in the latest twelve months. As elsewhere in "
         "Kent, most of the increase is in violence against the person, and in particular "
         "violence without injury, following improvements in recording standards. Dwelling "
         "burglary, theft and anti-social behaviour all fell.")
    caption(pdf, "Table 1: Swale - key indicators, 12 months to September 2016 compared with the "
                 "previous 12 months")
    t1 = [
        ("All recorded crime", 10974, 12381),
        ("Violence against the person", 3248, 4017),
        ("  of which violence with injury", 1351, 1486),
        ("Burglary dwelling", 498, 463),
        ("Theft and handling", 3402, 3356),
        ("Hate crime", 142, 171),
        ("ASB incidents", 6882, 6391),
        ("Domestic abuse incidents", 2356, 2644),
    ]
    rows = [[n, f"{a:,}", f"{b:,}", f"{b - a:+,}", pct(a, b)] for n, a, b in t1]
    rows.append(["DA incidents - repeat victim %", "28.4%", "30.1%", "+1.7 pts", "-"])
    ruled_table(pdf, [62, 27, 27, 24, 24],
                [["Indicator", "Oct 14 -", "Oct 15 -", "Change", "% change"],
                 ["", "Sep 15", "Sep 16", "", ""]],
                rows)
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(0, 4, "Source: Kent Police, crime and incident data extracted 14 October 2016. "
                         "Hate crime includes all offences flagged as racially, religiously or "
                         "otherwise aggravated.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    # ---- page 2
    pdf.add_page()
    heading(pdf, "3. Swale in the Kent context")
    para(pdf,
         "3.1 Table 2 compares recorded crime across the twelve Kent districts over the same "
         "twelve months. Swale has the fourth highest crime rate in the county, at 86.6 crimes "
         "per 1,000 residents, against 82.2 for Kent as a whole. Across the county area "
         "(excluding Medway) crime rose by 10.9%, so Swale's increase is above average.")
    caption(pdf, "Table 2: Police recorded crime by district, Kent (excluding Medway), 12 months "
                 "to September 2016")
    districts = [
        ("Ashford", 10702, 124.3),
        ("Canterbury", 14915, 162.4),
        ("Dartford", 9480, 104.4),
        ("Dover", 9012, 113.1),
        ("Gravesham", 9104, 105.3),
        ("Maidstone", 13244, 164.5),
        ("Sevenoaks", 6433, 118.4),
        ("Shepway", 9187, 110.0),
        ("Swale", 12381, 143.0),
        ("Thanet", 15620, 139.8),
        ("Tonbridge and Malling", 8160, 126.7),
        ("Tunbridge Wells", 7345, 116.1),
    ]
    order = sorted(districts, key=lambda d: -d[1] / d[2])
    rank = {d[0]: i + 1 for i, d in enumerate(order)}
    rows = [[n, f"{c:,}", f"{c / p:.1f}", str(rank[n])] for n, c, p in districts]
    tot = sum(d[1] for d in districts)
    pop = sum(d[2] for d in districts)
    assert tot == 125583
    rows.append(["Kent (excl. Medway)", f"{tot:,}", f"{tot / pop:.1f}", "-"])
    ruled_table(pdf, [62, 34, 40, 28],
                [["District", "Recorded", "Crimes per 1,000", "Rank"],
                 ["", "crime", "population", "(1 = highest)"]],
                rows, bold_rows=(len(rows) - 1,))
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(0, 4, "Rates use ONS mid-2015 population estimates (thousands). Shepway "
                         "District Council is the local authority for Folkestone and Hythe.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    para(pdf,
         "3.2 Within Swale, crime is concentrated in Sheerness East (1,046 crimes) and "
         "Milton Regis (812), and in Sittingbourne town centre, where the night-time economy "
         "accounts for much of the violence with injury recorded between 10pm and 3am on "
         "Friday and Saturday nights.")
    para(pdf,
         "3.3 Anti-social behaviour reported to the police fell by 7.1%. Swale Borough Council "
         "also received 1,230 complaints about ASB and environmental nuisance (noise, "
         "fly-tipping, graffiti), which are not included in the police figures. Summer ASB on "
         "the Isle of Sheppey, particularly at Leysdown, remains a recurring issue.")

    # ---- page 3
    pdf.add_page()
    heading(pdf, "4. Domestic abuse")
    para(pdf,
         "4.1 Domestic abuse incidents rose by 12.2% in the twelve months to September 2016, and "
         "three in ten incidents now involve a repeat victim. Swale has the third highest "
         "number of domestic abuse incidents of the Kent districts.")
    para(pdf,
         "4.2 The Swale MARAC heard 168 cases in 2015/16, of which 47 (28.0%) were repeat cases, "
         "just inside the 28% to 40% range expected by SafeLives. The Swale Domestic Abuse "
         "Forum met four times and the Sittingbourne One Stop Shop supported 281 clients.")

    heading(pdf, "5. Road safety")
    para(pdf,
         "5.1 Killed or seriously injured (KSI) casualties on Swale's roads rose from 63 in 2014 "
         "to 70 in 2015. The A249 between Sheerness and the M2, and the A2 through Sittingbourne "
         "and Faversham, account for most serious collisions. Provisional figures for January to "
         "September 2016 show 52 KSI casualties, but these have not yet been validated.")
    caption(pdf, "Road casualties in Swale by severity, calendar years")
    unruled_table(pdf, [40, 22, 36, 34, 30],
                  ["Year", "Killed", "Seriously injured", "Slightly injured", "All casualties"],
                  [["2014", "5", "58", "512", "575"],
                   ["2015", "7", "63", "498", "568"]])

    heading(pdf, "6. Recommended priorities for 2017/18")
    pdf.set_font("Helvetica", "", 10)
    for b in [
        "Domestic abuse, including improving the identification of repeat victims.",
        "Anti-social behaviour and environmental crime, with a focus on Sheppey and "
        "Sittingbourne town centre.",
        "Violent crime linked to the night-time economy.",
        "Safeguarding vulnerable people: child sexual exploitation, gangs and modern slavery.",
        "Road safety (retained as a cross-cutting theme led by the Kent CaRe partnership).",
    ]:
        pdf.cell(5, 5, "-")
        pdf.multi_cell(0, 5, b, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    heading(pdf, "7. Data sources")
    para(pdf,
         "Kent Police crime and incident systems; Kent and Medway MARAC data (Kent Police Public "
         "Protection Unit); KCC Road Safety STATS19 data; Swale Borough Council complaints "
         "system. Enquiries: Community Safety Unit, 01795 000 000 (test number).")

    out = HERE / PDF_NAME
    pdf.output(str(out))
    return out


# ===================================================================== XLSX
MONTHS = [  # month, DA incidents, incidents with a repeat victim, DA crimes, arrests
    (dt.date(2014, 4, 1), 2412, 822, 1018, 402),
    (dt.date(2014, 5, 1), 2586, 887, 1102, 431),
    (dt.date(2014, 6, 1), 2530, 861, 1079, 418),
    (dt.date(2014, 7, 1), 2744, 950, 1186, 455),
    (dt.date(2014, 8, 1), 2801, 986, 1224, 471),
    (dt.date(2014, 9, 1), 2478, 851, 1051, 409),
    (dt.date(2014, 10, 1), 2512, 874, 1069, 412),
    (dt.date(2014, 11, 1), 2395, 843, 1013, 390),
    (dt.date(2014, 12, 1), 2688, 952, 1160, 447),
    (dt.date(2015, 1, 1), 2356, 836, 1004, 386),
    (dt.date(2015, 2, 1), 2204, 779, 938, 361),
    (dt.date(2015, 3, 1), 2497, 889, 1071, 409),
]

DISTRICTS = [  # name, incidents 2014/15, % change on 2013/14, population (thousands)
    ("Ashford", 1968, 0.064, 123.0),
    ("Canterbury", 2395, 0.052, 160.0),
    ("Dartford", 1603, 0.081, 101.5),
    ("Dover", 1951, 0.103, 112.8),
    ("Gravesham", 1722, 0.047, 104.7),
    ("Maidstone", 2388, 0.071, 161.6),
    ("Sevenoaks", 1187, 0.039, 117.5),
    ("Shepway", 2017, 0.092, 109.7),
    ("Swale", 2579, 0.085, 141.5),
    ("Thanet", 3312, 0.098, 138.4),
    ("Tonbridge and Malling", 1476, 0.058, 124.7),
    ("Tunbridge Wells", 1203, 0.044, 115.1),
]


def build_xlsx():
    wb = Workbook()
    title = Font(bold=True, size=14)
    bold = Font(bold=True)
    hdr_font = Font(bold=True, color="FFFFFF")
    hdr_fill = PatternFill("solid", fgColor="2E4A62")
    tot_fill = PatternFill("solid", fgColor="E2EFDA")
    thin = Side(style="thin", color="A6A6A6")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    def header(ws, row, labels):
        for c, h in enumerate(labels, 1):
            cell = ws.cell(row=row, column=c, value=h)
            cell.font = hdr_font
            cell.fill = hdr_fill
            cell.border = box
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    # ---------------- sheet 1: force, by month
    ws = wb.active
    ws.title = "Force by month"
    ws["A1"] = "Kent Police - Domestic Abuse Performance Pack"
    ws["A1"].font = title
    ws["A2"] = "Kent Police force area (Kent and Medway): domestic abuse incidents by month, " \
               "April 2014 to March 2015"
    ws["A2"].font = bold
    ws["A3"] = "Test document; figures invented."
    ws["A4"] = "Prepared by Force Performance Analysis for the Kent and Medway Domestic Abuse " \
               "Strategy Group, 19 May 2015. OFFICIAL."
    header(ws, 6, ["Month", "DA incidents", "Incidents involving a repeat victim",
                   "% repeat victim", "DA-flagged crimes", "Arrests (DA offences)",
                   "Arrest rate (per DA crime)"])
    r = 7
    for d, inc, rep, crimes, arrests in MONTHS:
        vals = [d, inc, rep, round(rep / inc, 3), crimes, arrests, round(arrests / crimes, 3)]
        for c, v in enumerate(vals, 1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.border = box
        ws.cell(row=r, column=1).number_format = "mmm-yy"
        for c in (2, 3, 5, 6):
            ws.cell(row=r, column=c).number_format = "#,##0"
        ws.cell(row=r, column=4).number_format = "0.0%"
        ws.cell(row=r, column=7).number_format = "0%"
        r += 1
    inc = sum(m[1] for m in MONTHS)
    rep = sum(m[2] for m in MONTHS)
    crimes = sum(m[3] for m in MONTHS)
    arrests = sum(m[4] for m in MONTHS)
    vals = ["2014/15 total", inc, rep, round(rep / inc, 3), crimes, arrests,
            round(arrests / crimes, 3)]
    for c, v in enumerate(vals, 1):
        cell = ws.cell(row=r, column=c, value=v)
        cell.font = bold
        cell.fill = tot_fill
        cell.border = box
    for c in (2, 3, 5, 6):
        ws.cell(row=r, column=c).number_format = "#,##0"
    ws.cell(row=r, column=4).number_format = "0.0%"
    ws.cell(row=r, column=7).number_format = "0%"
    r += 2
    ws.cell(row=r, column=1, value="Change on 2013/14 (incidents)")
    ws.cell(row=r, column=2, value=0.073).number_format = "+0.0%"
    r += 2
    ws.cell(row=r, column=1, value="A repeat victim is a victim recorded in at least one other "
            "domestic abuse incident in the previous 12 months.")
    ws.cell(row=r + 1, column=1, value="Since 31 March 2013 the definition includes victims "
            "aged 16 and 17.")
    ws.column_dimensions["A"].width = 16
    for col in "BCDEFG":
        ws.column_dimensions[col].width = 15
    ws.row_dimensions[6].height = 48
    ws.freeze_panes = "B7"

    # ---------------- sheet 2: by district, 2014/15
    ws2 = wb.create_sheet("By district")
    ws2["A1"] = "Domestic abuse incidents by district, April 2014 - March 2015"
    ws2["A1"].font = title
    ws2["A2"] = "Kent Police force area. Test document; figures invented."
    ws2.merge_cells("A4:A5")
    ws2.merge_cells("B4:E4")
    ws2["A4"] = "District / unitary authority"
    ws2["B4"] = "Financial year 2014/15"
    for c, h in enumerate(["DA incidents", "% change on 2013/14", "Incidents per 1,000 pop.",
                           "Share of force total"], 2):
        ws2.cell(row=5, column=c, value=h)
    for row in (4, 5):
        for c in range(1, 6):
            cell = ws2.cell(row=row, column=c)
            cell.font = hdr_font
            cell.fill = hdr_fill
            cell.border = box
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    kent = sum(d[1] for d in DISTRICTS)
    medway = inc - kent
    kent_pop = sum(d[3] for d in DISTRICTS)
    medway_pop = 274.0
    r = 6
    lines = [(n, v, ch, p, False) for n, v, ch, p in DISTRICTS]
    lines += [("Kent (excluding Medway)", kent, 0.072, kent_pop, True),
              ("Medway", medway, 0.078, medway_pop, False),
              ("Kent Police total", inc, 0.073, kent_pop + medway_pop, True)]
    for n, v, ch, p, is_tot in lines:
        vals = [n, v, ch, round(v / p, 1), round(v / inc, 3)]
        for c, val in enumerate(vals, 1):
            cell = ws2.cell(row=r, column=c, value=val)
            cell.border = box
            if is_tot:
                cell.font = bold
                cell.fill = tot_fill
        ws2.cell(row=r, column=2).number_format = "#,##0"
        ws2.cell(row=r, column=3).number_format = "+0.0%;-0.0%"
        ws2.cell(row=r, column=4).number_format = "0.0"
        ws2.cell(row=r, column=5).number_format = "0.0%"
        r += 1
    r += 1
    ws2.cell(row=r, column=1, value="Incidents are allocated to the district of the victim's "
             "address where known, otherwise to the location of the incident.")
    ws2.cell(row=r + 1, column=1, value="Population: ONS mid-2013 estimates (thousands).")
    ws2.column_dimensions["A"].width = 28
    for col in "BCDE":
        ws2.column_dimensions[col].width = 15
    ws2.row_dimensions[5].height = 32

    # ---------------- sheet 3: notes
    ws3 = wb.create_sheet("Notes")
    notes = [
        "Notes and definitions",
        "Test document; figures invented.",
        "",
        "1. Domestic abuse incidents are incidents recorded by Kent Police that meet the "
        "cross-government definition of domestic violence and abuse.",
        "2. DA-flagged crimes are notifiable offences carrying the domestic abuse flag; one "
        "incident may give rise to more than one crime, or to none.",
        "3. Figures for 2014/15 are provisional and may change as incidents are reclassified.",
        "4. The Kent and Medway Domestic Abuse Strategy Group meets quarterly; the next pack "
        "will cover April to June 2015.",
        "5. Domestic Abuse Helpline (test): 0800 000 0000. Analyst: 01622 000 000 (test).",
    ]
    for i, t in enumerate(notes, 1):
        ws3.cell(row=i, column=1, value=t)
    ws3["A1"].font = title
    ws3.column_dimensions["A"].width = 110

    out = HERE / XLSX_NAME
    wb.save(out)
    return out, inc, rep, kent, medway


if __name__ == "__main__":
    print(build_pdf())
    print(build_xlsx())
