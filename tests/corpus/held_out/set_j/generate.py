"""Test documents; all figures invented.

Builds the PDF (Kent community safety strategic assessment 2018) and the XLSX
(Kent Police anti-social behaviour performance pack, Q1-Q2 2014/15) of held-out set j.

Run from the project root: .venv/bin/python tests/corpus/held_out/set_j/generate.py
"""
import datetime as dt
from pathlib import Path

from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent
PDF_NAME = "2018-11-27_kent_community_safety_strategic_assessment_2018.pdf"
XLSX_NAME = "2014-10-21_kent_police_asb_performance_pack_2014-15_q2.xlsx"


# ====================================================================== PDF
# district: (crime 12m to Sep 2018, crime 12m to Sep 2017, ASB 12m to Sep 2018,
#            ASB 12m to Sep 2017, population mid-2017 in thousands)
DISTRICTS = [
    ("Ashford", 12318, 11204, 3612, 4011, 127.9),
    ("Canterbury", 14702, 13596, 4705, 5390, 164.1),
    ("Dartford", 10655, 9588, 2986, 3318, 109.3),
    ("Dover", 9984, 9310, 3340, 3705, 116.4),
    ("Folkestone & Hythe\xb9", 10377, 9402, 3498, 3901, 111.8),
    ("Gravesham", 9842, 9122, 2874, 3243, 106.4),
    ("Maidstone", 16031, 14655, 4412, 5102, 167.7),
    ("Sevenoaks", 7705, 7190, 2105, 2377, 119.8),
    ("Swale", 14287, 13077, 4190, 4766, 146.9),
    ("Thanet", 16890, 15544, 5623, 6404, 140.7),
    ("Tonbridge & Malling", 9116, 8338, 2551, 2922, 129.8),
    ("Tunbridge Wells", 8356, 7534, 2254, 2753, 117.1),
]


class Assessment(FPDF):
    def header(self):
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(90, 90, 90)
        self.cell(120, 5, "Kent Community Safety Agreement - Strategic Assessment 2018")
        self.cell(0, 5, "OFFICIAL", align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(150, 150, 150)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.set_text_color(0, 0, 0)
        self.set_draw_color(0, 0, 0)
        self.ln(4)

    def footer(self):
        self.set_y(-13)
        self.set_font("Helvetica", "", 8)
        self.cell(95, 5, "KCC Community Safety Team | November 2018")
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")


def para(pdf, text, h=5):
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, h, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def heading(pdf, text):
    pdf.ln(1)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")


def ruled_header(pdf, widths, header_rows):
    pdf.set_font("Helvetica", "B", 8.5)
    pdf.set_fill_color(220, 230, 241)
    for hr in header_rows:
        for w, txt in zip(widths, hr):
            pdf.cell(w, 5.5, txt, border=1, align="C", fill=True)
        pdf.ln()


def ruled_table(pdf, caption, widths, header_rows, rows, bold_rows=(), row_h=6):
    """Ruled table; if it runs past the page, the header is repeated with '(continued)'."""
    if pdf.get_y() + 6 + 5.5 * len(header_rows) + 2 * row_h > pdf.page_break_trigger:
        pdf.add_page()
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 6, caption, new_x="LMARGIN", new_y="NEXT")
    ruled_header(pdf, widths, header_rows)
    for i, r in enumerate(rows):
        if pdf.get_y() + row_h > pdf.page_break_trigger:
            pdf.add_page()
            pdf.set_font("Helvetica", "B", 9)
            pdf.cell(0, 6, caption + " (continued)", new_x="LMARGIN", new_y="NEXT")
            ruled_header(pdf, widths, header_rows)
        pdf.set_font("Helvetica", "B" if i in bold_rows else "", 9)
        for j, (w, txt) in enumerate(zip(widths, r)):
            pdf.cell(w, row_h, txt, border=1, align="L" if j == 0 else "R")
        pdf.ln()
    pdf.ln(2)


def unruled_table(pdf, caption, widths, header, rows, bold_rows=()):
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 6, caption, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 8.5)
    for w, txt in zip(widths, header):
        pdf.cell(w, 5, txt, align="L" if w == widths[0] else "R")
    pdf.ln(6)
    for i, r in enumerate(rows):
        pdf.set_font("Helvetica", "B" if i in bold_rows else "", 9)
        for j, (w, txt) in enumerate(zip(widths, r)):
            pdf.cell(w, 5, txt, align="L" if j == 0 else "R")
        pdf.ln()
    pdf.ln(2)


def pct(a, b):
    return f"{(a - b) / b * 100:+.1f}%"


def build_pdf():
    pdf = Assessment(orientation="P", unit="mm", format="A4")
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(18, 12, 18)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, "Kent Community Safety\nStrategic Assessment 2018", new_x="LMARGIN",
                   new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, "Kent Community Safety Partnership - 27 November 2018 - Agenda item 6",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 9)
    pdf.cell(0, 5, "Test document; figures invented.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    heading(pdf, "1. Introduction")
    para(pdf,
         "1.1 Each year the Kent Community Safety Partnership (KCSP) reviews the evidence on "
         "crime, disorder and other community safety issues across the county to decide the "
         "cross-cutting priorities of the Kent Community Safety Agreement (CSA). The twelve "
         "district and borough Community Safety Partnerships complete their own strategic "
         "assessments and the findings of those documents are drawn together here.")
    para(pdf,
         "1.2 The assessment uses the latest data available at the time of writing, which for "
         "police-recorded crime and incidents covers the period October 2017 to September 2018. "
         "Figures relate to the Kent County Council area; Medway Council produces its own "
         "assessment with the Medway Community Safety Partnership and is not covered here.")
    para(pdf,
         "1.3 Information has been provided by Kent Police, Kent Fire and Rescue Service, the "
         "Kent and Medway CCGs, KCC Public Health, KCC Highways, the National Probation Service, "
         "the Kent, Surrey and Sussex Community Rehabilitation Company and the Office of the "
         "Police and Crime Commissioner. A data sharing workshop was held on 11 October 2018 and "
         "was attended by 34 officers from 19 organisations.")

    heading(pdf, "Key findings")
    pdf.set_font("Helvetica", "", 10)
    for b in [
        "Police-recorded crime in Kent rose by 9.1%, with rises in every district.",
        "Domestic abuse incidents rose by 5.2%; the MARAC repeat rate remains below the "
        "SafeLives range.",
        "Anti-social behaviour incidents fell by 12.0%, the sixth successive annual fall.",
        "KSI road casualties rose by 4.9% in 2017, partly because of a change in injury "
        "recording.",
        "Serious violence, county lines drug dealing and the exploitation of young people are "
        "emerging risks identified by all twelve district assessments.",
    ]:
        pdf.cell(6, 5, "-")
        pdf.multi_cell(0, 5, b, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    tot_now = sum(d[1] for d in DISTRICTS)
    tot_prev = sum(d[2] for d in DISTRICTS)
    pop = sum(d[5] for d in DISTRICTS)
    assert tot_now == 140263 and tot_prev == 128560
    heading(pdf, "2. Crime overview")
    para(pdf,
         f"2.1 In the 12 months to the end of September 2018 Kent Police recorded {tot_now:,} "
         f"crimes in Kent (excluding Medway), {pct(tot_now, tot_prev)[1:]} more than the "
         f"{tot_prev:,} recorded in the previous 12 months. Recorded crime has now risen for five "
         "consecutive years; continued improvements in crime recording practice following the "
         "HMIC crime data integrity inspections account for much of the increase, particularly "
         "for violence without injury, stalking and harassment.")
    para(pdf,
         f"2.2 The county crime rate was {tot_now / pop:.1f} crimes per 1,000 population. Thanet "
         "and Maidstone recorded the most crime, and the highest rates were in Thanet, "
         "Canterbury town centre and the Dartford and Gravesham urban area. Robbery offences "
         "have more than doubled since 2014, when 487 were recorded.")
    rows = []
    ranked = sorted(DISTRICTS, key=lambda d: -d[1] / d[5])
    rank = {d[0]: i + 1 for i, d in enumerate(ranked)}
    for n, now, prev, _, _, p in DISTRICTS:
        rows.append([n, f"{now:,}", pct(now, prev), f"{now / p:.1f}", str(rank[n])])
    rows.append(["Kent (excl. Medway)", f"{tot_now:,}", pct(tot_now, tot_prev),
                 f"{tot_now / pop:.1f}", "-"])
    ruled_table(pdf, "Table 1: All police-recorded crime by district, October 2017 - September 2018",
                [52, 30, 34, 30, 28],
                [["District", "All crime", "Change on", "Crimes per", "Rank"],
                 ["", "Oct 17 - Sep 18", "prev. 12 months", "1,000 pop.", "(rate)"]],
                rows, bold_rows=(len(rows) - 1,))
    pdf.set_font("Helvetica", "", 8)
    pdf.multi_cell(0, 4, "\xb9 Shepway District Council was renamed Folkestone & Hythe District "
                   "Council on 1 April 2018. Population: ONS mid-2017 estimates.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    heading(pdf, "3. Domestic abuse")
    para(pdf,
         "3.1 In the 12 months to September 2018 Kent Police recorded 24,116 domestic abuse "
         "incidents in Kent (excluding Medway), compared with 22,930 in the previous 12 months, "
         "an increase of 5.2%. Of these incidents, 35.2% involved a repeat victim. A further "
         "16,043 crimes were flagged as domestic abuse related. Thanet recorded the most "
         "incidents (3,401) and Sevenoaks the fewest (1,186).")
    para(pdf,
         "3.2 The nine MARACs covering the Kent County Council area heard 1,917 cases over the "
         "same 12 months, of which 506 (26.4%) were repeat cases. This is equivalent to 29.6 "
         "cases per 10,000 adult women, against the 40 per 10,000 that SafeLives recommends, and "
         "the repeat rate remains below the expected range of 28% to 40%.")
    para(pdf,
         "3.3 Since the statutory requirement came into force in April 2011, 41 Domestic Homicide "
         "Reviews have been commissioned in Kent and Medway; six were commissioned in the last "
         "year.")

    asb_now = sum(d[3] for d in DISTRICTS)
    asb_prev = sum(d[4] for d in DISTRICTS)
    assert asb_now == 42150 and asb_prev == 47892
    heading(pdf, "4. Anti-social behaviour")
    para(pdf,
         f"4.1 Anti-social behaviour incidents reported to Kent Police continue to fall. There "
         f"were {asb_now:,} incidents in Kent (excluding Medway) in the 12 months to September "
         f"2018, compared with {asb_prev:,} in the 12 months to September 2017. Part of the fall "
         "reflects incidents now recorded as crimes (for example public order offences) rather "
         "than ASB. Deliberate secondary fires attended by Kent Fire and Rescue Service rose to "
         "1,214 over the summer, the highest number for six years.")
    rows = []
    for n, _, _, now, prev, p in DISTRICTS:
        rows.append([n, f"{now:,}", pct(now, prev), f"{now / p:.1f}"])
    rows.append(["Kent (excl. Medway)", f"{asb_now:,}", pct(asb_now, asb_prev),
                 f"{asb_now / pop:.1f}"])
    unruled_table(pdf, "Table 2: ASB incidents reported to Kent Police by district, 12 months to "
                       "September 2018",
                  [60, 34, 40, 38],
                  ["District", "Incidents", "Change on previous year", "Per 1,000 pop."],
                  rows, bold_rows=(len(rows) - 1,))

    heading(pdf, "5. Road safety")
    para(pdf,
         "5.1 Validated figures for calendar year 2017 show that 52 people were killed and 715 "
         "were seriously injured on roads in Kent (excluding Medway), a total of 767 killed or "
         "seriously injured (KSI) casualties, compared with 731 in 2016. A further 4,486 people "
         "were slightly injured.")
    para(pdf,
         "5.2 Kent Police moved to the CRASH injury-based reporting system during 2016, and "
         "casualties are now more likely to be recorded as seriously rather than slightly "
         "injured; part of the rise since 2016 is therefore a recording effect. Provisional "
         "figures for January to June 2018 show 371 KSI casualties. Young drivers aged 17-24 were "
         "involved in around a quarter of KSI collisions, and motorcyclists made up 19% of KSI "
         "casualties.")

    heading(pdf, "6. Prioritisation")
    para(pdf,
         "6.1 Each issue was scored from 1 (low) to 5 (high) against four criteria using the "
         "MoRiLE-based matrix agreed by the KCSP Working Group. The results are shown in Table 3.")
    ruled_table(pdf, "Table 3: Prioritisation matrix scores",
                [62, 22, 22, 22, 26, 20],
                [["Issue", "Harm", "Volume", "Trend", "Public", "Total"],
                 ["", "", "", "", "concern", ""]],
                [["Domestic abuse", "5", "4", "4", "4", "17"],
                 ["Serious violence and gangs", "5", "3", "5", "4", "17"],
                 ["Anti-social behaviour", "3", "5", "2", "5", "15"],
                 ["Road safety", "4", "3", "3", "4", "14"],
                 ["Substance misuse", "4", "3", "3", "3", "13"],
                 ["Acquisitive crime", "2", "4", "3", "3", "12"]])
    para(pdf,
         "6.2 The KCSP is recommended to adopt the following cross-cutting priorities for the "
         "refreshed Community Safety Agreement from April 2019: domestic abuse; road safety; "
         "serious violence and organised crime (including county lines and gangs); preventing "
         "extremism and hate; substance misuse; and safeguarding vulnerable people.")
    heading(pdf, "7. Recommendation")
    para(pdf,
         "7.1 The Kent Community Safety Partnership is asked to note the assessment and agree the "
         "priorities at paragraph 6.2. Contact: KCC Community Safety Team, 03000 410 234 "
         "(test number).")
    out = HERE / PDF_NAME
    pdf.output(str(out))
    return out


# ===================================================================== XLSX
MONTHS = [
    # month, ASB incidents, same month previous year, victims satisfied (fraction)
    (dt.date(2014, 4, 1), 4618, 5206, 0.812),
    (dt.date(2014, 5, 1), 5102, 5587, 0.797),
    (dt.date(2014, 6, 1), 5340, 5934, 0.826),
    (dt.date(2014, 7, 1), 5811, 6412, 0.804),
    (dt.date(2014, 8, 1), 5476, 5998, 0.788),
    (dt.date(2014, 9, 1), 4903, 5275, 0.819),
]
QUARTER_SAT = {1: 0.811, 2: 0.803}
HALF_SAT = 0.807

# division, [(district as named by Kent Police in 2014, Q2 2014/15, Q2 2013/14, pop '000)]
DIVISIONS = [
    ("North Division", [("Dartford", 912, 1004, 102.6),
                        ("Gravesham", 967, 1079, 104.8),
                        ("Medway", 2538, 2851, 274.0),
                        ("Swale", 1329, 1436, 140.6)]),
    ("West Division", [("Maidstone", 1402, 1561, 160.9),
                       ("Sevenoaks", 744, 812, 117.4),
                       ("Tonbridge & Malling", 906, 975, 123.3),
                       ("Tunbridge Wells", 822, 903, 116.1)]),
    ("East Division", [("Ashford", 1043, 1131, 123.0),
                       ("Canterbury", 1498, 1689, 155.3),
                       ("Dover", 1021, 1098, 112.4),
                       ("Shepway", 1137, 1202, 109.3),
                       ("Thanet", 1871, 1944, 137.4)]),
]


def build_xlsx():
    wb = Workbook()
    title = Font(bold=True, size=14)
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="002060")
    head_font = Font(bold=True, color="FFFFFF")
    sub_fill = PatternFill("solid", fgColor="DDEBF7")
    tot_fill = PatternFill("solid", fgColor="BDD7EE")
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    # ---- Sheet 1: force, by month
    ws = wb.active
    ws.title = "Force monthly"
    ws["A1"] = "Kent Police - Anti-social Behaviour Performance Pack"
    ws["A1"].font = title
    ws["A2"] = ("Kent and Medway force area: ASB incidents and victim satisfaction, "
                "April to September 2014 (2014/15 Quarters 1 and 2)")
    ws["A2"].font = bold
    ws["A3"] = "Test document; figures invented."
    ws["A4"] = ("Prepared by the Force Performance Team, 21 October 2014. "
                "NOT PROTECTIVELY MARKED")
    hdr = ["Month", "ASB incidents", "Same month previous year", "Change",
           "% change", "ASB victims satisfied with overall service"]
    for c, h in enumerate(hdr, 1):
        cell = ws.cell(row=6, column=c, value=h)
        cell.font = head_font
        cell.fill = head_fill
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        cell.border = box
    ws.row_dimensions[6].height = 48

    def put_row(r, vals, fmt_month=False, font=None, fill=None):
        for c, v in enumerate(vals, 1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.border = box
            if font:
                cell.font = font
            if fill:
                cell.fill = fill
        if fmt_month:
            ws.cell(row=r, column=1).number_format = "mmm-yy"
        for c in (2, 3, 4):
            ws.cell(row=r, column=c).number_format = "#,##0;[Red]-#,##0"
        ws.cell(row=r, column=5).number_format = "0.0%"
        ws.cell(row=r, column=6).number_format = "0.0%"

    r = 7
    for q, block in ((1, MONTHS[:3]), (2, MONTHS[3:])):
        for d, now, prev, sat in block:
            put_row(r, [d, now, prev, now - prev, round((now - prev) / prev, 4), sat],
                    fmt_month=True)
            r += 1
        now = sum(m[1] for m in block)
        prev = sum(m[2] for m in block)
        lab = "Q1 2014/15 (Apr-Jun) total" if q == 1 else "Q2 2014/15 (Jul-Sep) total"
        put_row(r, [lab, now, prev, now - prev, round((now - prev) / prev, 4), QUARTER_SAT[q]],
                font=bold, fill=sub_fill)
        r += 1
    now = sum(m[1] for m in MONTHS)
    prev = sum(m[2] for m in MONTHS)
    put_row(r, ["April - September 2014", now, prev, now - prev, round((now - prev) / prev, 4),
                HALF_SAT], font=bold, fill=tot_fill)
    assert sum(m[1] for m in MONTHS[3:]) == 16190
    r += 2
    notes = [
        "Notes",
        "1. ASB incidents are calls for service closed with an ASB code (personal, nuisance or "
        "environmental) on the force command and control system.",
        "2. Satisfaction: % of surveyed callers completely, very or fairly satisfied with the "
        "whole experience. Monthly samples are around 150 respondents, so month-to-month "
        "movements are rarely significant.",
        "3. Policing Plan 2014/15 aspiration: satisfaction of 85% or more.",
        "Enquiries: Force Performance Team, 01622 690 690 ext. 1877 (test number).",
    ]
    for i, t in enumerate(notes):
        ws.cell(row=r + i, column=1, value=t).font = bold if i == 0 else Font(italic=True)
    ws.column_dimensions["A"].width = 28
    for col in "BCDE":
        ws.column_dimensions[col].width = 14
    ws.column_dimensions["F"].width = 20
    ws.freeze_panes = "A7"

    # ---- Sheet 2: by district, Q2
    ws2 = wb.create_sheet("District Q2")
    ws2["A1"] = "ASB incidents by district and division"
    ws2["A1"].font = title
    ws2["A2"] = "Quarter 2 2014/15: July to September 2014, compared with July to September 2013"
    ws2["A2"].font = bold
    ws2["A3"] = "Test document; figures invented."
    ws2.merge_cells("B5:E5")
    ws2["A5"] = "District / division"
    ws2["B5"] = "Jul - Sep 2014"
    ws2.merge_cells("A5:A6")
    for c, h in enumerate(["ASB incidents", "% change on Jul - Sep 2013",
                           "Incidents per 1,000 population", "Share of force total"], 2):
        ws2.cell(row=6, column=c, value=h)
    for row in (5, 6):
        for c in range(1, 6):
            cell = ws2.cell(row=row, column=c)
            cell.font = head_font
            cell.fill = head_fill
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
            cell.border = box
    ws2.row_dimensions[6].height = 45
    force_now = sum(x[1] for _, ds in DIVISIONS for x in ds)
    force_prev = sum(x[2] for _, ds in DIVISIONS for x in ds)
    force_pop = sum(x[3] for _, ds in DIVISIONS for x in ds)
    assert force_now == 16190

    def put2(r, vals, font=None, fill=None):
        for c, v in enumerate(vals, 1):
            cell = ws2.cell(row=r, column=c, value=v)
            cell.border = box
            if font:
                cell.font = font
            if fill:
                cell.fill = fill
        ws2.cell(row=r, column=2).number_format = "#,##0"
        ws2.cell(row=r, column=3).number_format = "0.0%"
        ws2.cell(row=r, column=4).number_format = "0.0"
        ws2.cell(row=r, column=5).number_format = "0.0%"

    r = 7
    for div, ds in DIVISIONS:
        ws2.cell(row=r, column=1, value=div).font = Font(bold=True, italic=True)
        r += 1
        for n, now, prev, p in ds:
            put2(r, [n, now, round((now - prev) / prev, 4), round(now / p, 1),
                     round(now / force_now, 4)])
            r += 1
        now = sum(x[1] for x in ds)
        prev = sum(x[2] for x in ds)
        p = sum(x[3] for x in ds)
        put2(r, [f"{div} total", now, round((now - prev) / prev, 4), round(now / p, 1),
                 round(now / force_now, 4)], font=bold, fill=sub_fill)
        r += 1
    put2(r, ["Force total", force_now, round((force_now - force_prev) / force_prev, 4),
             round(force_now / force_pop, 1), 1.0], font=bold, fill=tot_fill)
    r += 1
    kent = [x for _, ds in DIVISIONS for x in ds if x[0] != "Medway"]
    k_now = sum(x[1] for x in kent)
    k_prev = sum(x[2] for x in kent)
    k_pop = sum(x[3] for x in kent)
    assert k_now == 13652
    put2(r, ["of which Kent County Council area (excl. Medway)", k_now,
             round((k_now - k_prev) / k_prev, 4), round(k_now / k_pop, 1),
             round(k_now / force_now, 4)], font=Font(italic=True))
    r += 2
    ws2.cell(row=r, column=1, value="Population: ONS mid-2013 estimates. Divisions as "
             "configured from the local policing model launched in 2014.").font = Font(italic=True)
    ws2.column_dimensions["A"].width = 44
    for col in "BCDE":
        ws2.column_dimensions[col].width = 15

    # ---- Sheet 3: notes / contents
    ws3 = wb.create_sheet("Contents")
    rows3 = [
        ("ASB Performance Pack - contents", None),
        ("Force monthly", "ASB incidents and satisfaction by month, force area"),
        ("District Q2", "ASB incidents by district, Q2 2014/15"),
        (None, None),
        ("Version", "1.2 (supersedes version 1.1 issued 17 October 2014)"),
        ("Next issue", "January 2015 (Quarter 3)"),
        ("Distribution", "Force Performance Meeting; District Commanders; CSP managers (12); "
                         "Medway CSP"),
    ]
    for i, (a, b) in enumerate(rows3, 1):
        if a:
            ws3.cell(row=i, column=1, value=a).font = title if i == 1 else bold
        if b:
            ws3.cell(row=i, column=2, value=b)
    ws3.column_dimensions["A"].width = 30
    ws3.column_dimensions["B"].width = 80

    out = HERE / XLSX_NAME
    wb.save(out)
    return out


if __name__ == "__main__":
    print(build_pdf())
    print(build_xlsx())
