"""Generate the PDF and XLSX test documents (invented figures) and their truth files."""
import csv
import datetime as dt
import os

from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = os.path.dirname(os.path.abspath(__file__))
TRUTH = os.path.join(HERE, "truth")
os.makedirs(TRUTH, exist_ok=True)


def write_truth(doc_name, rows):
    with open(os.path.join(TRUTH, doc_name + ".csv"), "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["measure", "area", "period", "value"])
        for r in rows:
            w.writerow(r)


def truth_area(name):
    return "Folkestone and Hythe" if name == "Shepway" else name


def num(v):
    """plain number for truth files"""
    if isinstance(v, float):
        return f"{v:.1f}".rstrip("0").rstrip(".") if v != int(v) else str(int(v))
    return str(v)


# ---------------------------------------------------------------------------
# PDF: ASB and public confidence survey results 2014/15
# ---------------------------------------------------------------------------
PDF_NAME = "2015-09-17_asb_public_confidence_survey_2014-15.pdf"

DISTRICTS = ["Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone",
             "Sevenoaks", "Shepway", "Swale", "Thanet", "Tonbridge and Malling",
             "Tunbridge Wells"]

ASB_1415 = dict(zip(DISTRICTS, [3214, 4402, 2905, 3118, 2987, 4276, 2104, 3301, 4012, 5622, 2730, 2616]))
ASB_1314 = dict(zip(DISTRICTS, [3580, 4910, 3204, 3466, 3350, 4702, 2380, 3611, 4488, 6145, 3064, 3030]))
PERC_1415 = dict(zip(DISTRICTS, [11.8, 13.1, 12.6, 12.0, 14.2, 11.5, 7.9, 13.4, 14.9, 18.3, 8.6, 7.4]))
PERC_CHG = dict(zip(DISTRICTS, [-1.2, -2.0, -0.9, -1.6, 0.4, -1.8, -1.1, -1.3, -2.2, -2.6, -0.7, -1.5]))
KENT_PERC_1415 = 12.4
KENT_PERC_1314 = 13.9
SAT_KM_1415 = 83.6


class ReportPDF(FPDF):
    def header(self):
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "Kent Community Safety Partnership  |  ASB and Public Confidence Survey Results 2014/15",
                  new_x="LMARGIN", new_y="NEXT", align="L")
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "17 September 2015", align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def para(pdf, number, text):
    pdf.set_font("Helvetica", "", 10)
    x = pdf.l_margin
    pdf.set_x(x)
    pdf.cell(10, 5, number)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def heading(pdf, text):
    pdf.ln(1)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def make_pdf():
    kent_1415 = sum(ASB_1415.values())
    kent_1314 = sum(ASB_1314.values())
    chg = (kent_1415 - kent_1314) / kent_1314 * 100

    pdf = ReportPDF(format="A4")
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(18, 12, 18)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 7, "Anti-Social Behaviour and Public Confidence:\nKent Crime and Victimisation Survey Results 2014/15",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(0, 4.5, "Report to: Kent Community Safety Partnership, 17 September 2015 - Agenda item 5\n"
                   "From: Research and Intelligence, Kent County Council / Kent Police Analysis Unit",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 5, "Test document; figures invented.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    heading(pdf, "1. Introduction")
    para(pdf, "1.1", "The Kent Crime and Victimisation Survey (KCVS) is a continuous telephone survey of around "
         "6,000 residents aged 16 and over, commissioned jointly by Kent County Council and Kent Police. "
         "This paper summarises the 2014/15 results on anti-social behaviour (ASB) and public confidence, "
         "alongside police-recorded ASB incidents for the same year.")
    para(pdf, "1.2", "Survey results for each district are based on samples of approximately 500 interviews, and "
         "differences of less than 2 percentage points should be treated with caution. Medway residents are "
         "not included in the KCVS sample.")

    heading(pdf, "2. Recorded anti-social behaviour")
    para(pdf, "2.1", f"Kent Police recorded {kent_1415:,} ASB incidents in Kent (excluding Medway) in 2014/15, "
         f"compared with {kent_1314:,} in 2013/14, a fall of {abs(chg):.1f}%. Every district saw a reduction, "
         "although Gravesham was the only district where perceptions worsened (see table 1).")
    para(pdf, "2.2", "Thanet again recorded the highest number of incidents, and its coastal town-centre wards "
         "remain the focus of the 3 multi-agency ASB problem-solving groups funded through the £250,000 "
         "Community Safety Fund.")

    heading(pdf, "3. Perceptions of anti-social behaviour")
    para(pdf, "3.1", f"In 2014/15, {KENT_PERC_1415}% of Kent respondents perceived a high level of ASB in their "
         f"local area, down from {KENT_PERC_1314}% in 2013/14. The equivalent Crime Survey for England and Wales "
         "national average is 11.2%, and the KCSP has set an aspiration of bringing Kent below 12% by 2016/17.")
    para(pdf, "3.2", "Perceptions vary considerably between districts, from under one in ten residents in the west "
         "of the county to almost one in five in Thanet. In the Cliftonville West and Margate Central wards, "
         "22% of respondents perceived a high level of ASB.")

    # Table 1 (ruled)
    pdf.ln(1)
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 5, "Table 1: Recorded ASB incidents and perceptions of high ASB, by district, 2014/15",
             new_x="LMARGIN", new_y="NEXT")
    widths = [46, 30, 28, 36, 34]
    heads = ["District", "ASB incidents\n2014/15", "% change on\n2013/14", "% perceiving high\nlevel of ASB 2014/15",
             "Change on\n2013/14 (pts)"]
    pdf.set_font("Helvetica", "B", 8)
    pdf.set_fill_color(220, 225, 235)
    y0 = pdf.get_y()
    x = pdf.l_margin
    for w, h in zip(widths, heads):
        pdf.set_xy(x, y0)
        pdf.multi_cell(w, 4.5, h, border=1, align="C", fill=True)
        x += w
    pdf.set_y(y0 + 9)
    pdf.set_font("Helvetica", "", 8.5)
    for d in DISTRICTS:
        c = (ASB_1415[d] - ASB_1314[d]) / ASB_1314[d] * 100
        vals = [d, f"{ASB_1415[d]:,}", f"{c:+.1f}%", f"{PERC_1415[d]:.1f}%", f"{PERC_CHG[d]:+.1f}"]
        for i, (w, v) in enumerate(zip(widths, vals)):
            pdf.cell(w, 5.2, v, border=1, align="L" if i == 0 else "R")
        pdf.ln(5.2)
    pdf.set_font("Helvetica", "B", 8.5)
    vals = ["Kent (excl. Medway)", f"{kent_1415:,}", f"{chg:+.1f}%", f"{KENT_PERC_1415:.1f}%",
            f"{KENT_PERC_1415 - KENT_PERC_1314:+.1f}"]
    for i, (w, v) in enumerate(zip(widths, vals)):
        pdf.cell(w, 5.2, v, border=1, align="L" if i == 0 else "R")
    pdf.ln(6)
    pdf.set_font("Helvetica", "I", 7.5)
    pdf.multi_cell(0, 4, "Sources: Kent Police ASB incident data (extracted 4 May 2015); Kent Crime and Victimisation "
                   "Survey 2014/15. Perceptions figures are weighted.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    heading(pdf, "4. Satisfaction of ASB victims")
    para(pdf, "4.1", f"Kent Police surveyed 1,204 people who had reported ASB across Kent and Medway during 2014/15. "
         f"Of these, {SAT_KM_1415}% were satisfied with the overall service they received. Satisfaction with "
         "being kept informed remains the weakest element of the service.")
    para(pdf, "4.2", "Medway Council's own Citizens' Panel survey, carried out last autumn, found 14.8% of Medway "
         "panel members perceiving a high level of ASB; this is not directly comparable with the KCVS.")

    heading(pdf, "5. Public confidence")
    para(pdf, "5.1", "Table 2 summarises the wider confidence measures from the KCVS. All measures improved on the "
         "previous year, although the change in feelings of safety after dark is within the margin of error.")

    # Table 2 (unruled, x-positioned columns)
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 5, "Table 2: Public confidence indicators, Kent residents (KCVS)", new_x="LMARGIN", new_y="NEXT")
    col_x = [pdf.l_margin, pdf.l_margin + 104, pdf.l_margin + 132, pdf.l_margin + 158]
    pdf.set_font("Helvetica", "B", 8.5)
    y = pdf.get_y() + 1
    for cx, t in zip(col_x, ["Indicator (% of respondents)", "2013/14", "2014/15", "Change"]):
        pdf.set_xy(cx, y)
        pdf.cell(24 if cx != col_x[0] else 100, 5, t, align="L" if cx == col_x[0] else "R")
    pdf.line(pdf.l_margin, y + 5.5, pdf.l_margin + 182, y + 5.5)
    rows = [("Agree police and council deal with ASB and crime issues that matter", 58.2, 60.1),
            ("Feel safe outside in local area after dark", 71.0, 72.4),
            ("Confidence in local policing", 77.5, 78.9),
            ("Perceive a high level of ASB in local area", KENT_PERC_1314, KENT_PERC_1415)]
    pdf.set_font("Helvetica", "", 8.5)
    y += 7
    for label, a, b in rows:
        for cx, t in zip(col_x, [label, f"{a:.1f}", f"{b:.1f}", f"{b - a:+.1f} pts"]):
            pdf.set_xy(cx, y)
            pdf.cell(24 if cx != col_x[0] else 100, 5, t, align="L" if cx == col_x[0] else "R")
        y += 5.5
    pdf.set_y(y + 3)

    heading(pdf, "6. Recommendations")
    para(pdf, "6.1", "The Partnership is asked to note the survey results and to agree that district community "
         "safety partnerships receive their local results at their next meetings. Queries should be directed "
         "to the Research and Intelligence team on 03000 41 71 71.")

    out = os.path.join(HERE, PDF_NAME)
    pdf.output(out)
    assert pdf.page_no() == 2, pdf.page_no()

    truth = []
    for d in DISTRICTS:
        truth.append(("asb_incidents", truth_area(d), "2014/15", ASB_1415[d]))
    truth.append(("asb_incidents", "Kent", "2014/15", kent_1415))
    truth.append(("asb_incidents", "Kent", "2013/14", kent_1314))
    for d in DISTRICTS:
        truth.append(("asb_perception_high_pct", truth_area(d), "2014/15", num(PERC_1415[d])))
    truth.append(("asb_perception_high_pct", "Kent", "2014/15", num(KENT_PERC_1415)))
    truth.append(("asb_perception_high_pct", "Kent", "2013/14", num(KENT_PERC_1314)))
    truth.append(("asb_satisfaction_pct", "Kent and Medway", "2014/15", num(SAT_KM_1415)))
    write_truth(PDF_NAME, truth)
    return len(truth)


# ---------------------------------------------------------------------------
# XLSX: district crime data pack 2016/17
# ---------------------------------------------------------------------------
XLSX_NAME = "2017-05-10_district_crime_data_pack_2016-17.xlsx"

AC_1617 = dict(zip(DISTRICTS, [8912, 11645, 7874, 8203, 7926, 12387, 5741, 8019, 10652, 13508, 7312, 6598]))
AC_1516 = dict(zip(DISTRICTS, [8204, 10987, 7015, 7640, 7388, 11402, 5502, 7655, 9810, 12366, 6934, 6280]))
POP = dict(zip(DISTRICTS, [126200, 162400, 104800, 114200, 106400, 166400, 119100, 111000, 144100, 140700,
                           126500, 117100]))
MEDWAY = (21406, 19877, 276500)

MONTHS = [dt.date(2017, 1, 1), dt.date(2017, 2, 1), dt.date(2017, 3, 1)]
MONTHLY = {  # all crime, VAP, robbery, shoplifting (Kent excl. Medway)
    MONTHS[0]: (9412, 3528, 71, 812),
    MONTHS[1]: (8806, 3301, 64, 766),
    MONTHS[2]: (9735, 3690, 80, 845),
}


def make_xlsx():
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(bold=True)
    hdr_fill = PatternFill("solid", fgColor="DCE6F1")
    tot_fill = PatternFill("solid", fgColor="EDEDED")

    wb = Workbook()
    ws = wb.active
    ws.title = "All crime by district"
    ws["A1"] = "Kent Police - Performance and Analysis Unit"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "District Crime Data Pack: all police recorded crime, financial year 2016/17 (April 2016 to March 2017)"
    ws["A2"].font = Font(bold=True, size=11)
    ws["A3"] = "Test document; figures invented."
    ws["A4"] = "Data extracted 3 April 2017. Excludes Action Fraud referrals. See Notes sheet."
    ws["A4"].font = Font(italic=True)

    heads = ["District", "2016/17", "Change on 2015/16", "% change", "Crimes per 1,000 population"]
    hr = 6
    for c, h in enumerate(heads, 1):
        cell = ws.cell(hr, c, h)
        cell.font = bold
        cell.fill = hdr_fill
        cell.border = box
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    ws.row_dimensions[hr].height = 30

    def put_row(r, name, cur, prev, pop, fill=None, is_bold=False):
        vals = [name, cur, cur - prev, (cur - prev) / prev, round(cur / pop * 1000, 1)]
        for c, v in enumerate(vals, 1):
            cell = ws.cell(r, c, v)
            cell.border = box
            if fill:
                cell.fill = fill
            if is_bold:
                cell.font = bold
        ws.cell(r, 2).number_format = "#,##0"
        ws.cell(r, 3).number_format = "+#,##0;-#,##0;0"
        ws.cell(r, 4).number_format = "0.0%"
        ws.cell(r, 5).number_format = "0.0"

    r = hr + 1
    for d in DISTRICTS:
        put_row(r, d, AC_1617[d], AC_1516[d], POP[d])
        r += 1
    k_cur, k_prev, k_pop = sum(AC_1617.values()), sum(AC_1516.values()), sum(POP.values())
    put_row(r, "Kent total", k_cur, k_prev, k_pop, tot_fill, True)
    r += 2
    put_row(r, "Medway", *MEDWAY)
    r += 1
    f_cur, f_prev, f_pop = k_cur + MEDWAY[0], k_prev + MEDWAY[1], k_pop + MEDWAY[2]
    put_row(r, "Force total (Kent and Medway)", f_cur, f_prev, f_pop, tot_fill, True)
    r += 2
    ws.cell(r, 1, "Population: ONS mid-2015 estimates. Rate not comparable with published national tables.").font = Font(italic=True, size=9)
    ws.column_dimensions["A"].width = 32
    for col in "BCDE":
        ws.column_dimensions[col].width = 16

    # Monthly sheet
    wm = wb.create_sheet("Monthly Kent Q4")
    wm["A1"] = "Kent Police - Performance and Analysis Unit"
    wm["A1"].font = Font(bold=True, size=14)
    wm["A2"] = "Monthly recorded crime, Kent (excluding Medway), Quarter 4 2016/17"
    wm["A2"].font = Font(bold=True, size=11)
    wm["A3"] = "Test document; figures invented."
    heads = ["Month", "All crime", "Violence against the person", "Robbery", "Shoplifting"]
    hr = 5
    for c, h in enumerate(heads, 1):
        cell = wm.cell(hr, c, h)
        cell.font = bold
        cell.fill = hdr_fill
        cell.border = box
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    wm.row_dimensions[hr].height = 30
    r = hr + 1
    for m in MONTHS:
        wm.cell(r, 1, m).number_format = "mmm-yy"
        for c, v in enumerate(MONTHLY[m], 2):
            wm.cell(r, c, v).number_format = "#,##0"
        for c in range(1, 6):
            wm.cell(r, c).border = box
        r += 1
    wm.cell(r, 1, "Q4 2016/17 total").font = bold
    totals = [sum(MONTHLY[m][i] for m in MONTHS) for i in range(4)]
    for c, v in enumerate(totals, 2):
        cell = wm.cell(r, c, v)
        cell.number_format = "#,##0"
        cell.font = bold
    for c in range(1, 6):
        wm.cell(r, c).border = box
        wm.cell(r, c).fill = tot_fill
    r += 1
    wm.cell(r, 1, "Monthly average").font = Font(italic=True)
    for c, v in enumerate(totals, 2):
        cell = wm.cell(r, c, round(v / 3, 1))
        cell.number_format = "#,##0.0"
        cell.font = Font(italic=True)
    wm.column_dimensions["A"].width = 20
    for col in "BCDE":
        wm.column_dimensions[col].width = 16

    # Notes sheet
    wn = wb.create_sheet("Notes")
    notes = [
        "Notes",
        "Test document; figures invented.",
        "1. 'Kent' in this data pack means the twelve district council areas of Kent County Council (excluding Medway) unless stated.",
        "2. The force total combines the Kent districts and Medway Unitary Authority.",
        "3. Figures are provisional and were extracted from the crime recording system on 3 April 2017.",
        "4. Shepway district is shown under its current name.",
        "5. Percentage change is calculated on the 2015/16 figure; the rate uses ONS mid-2015 population estimates.",
        "6. For queries contact the Performance and Analysis Unit on 01622 690690 or email analysis@kent.police.example.",
    ]
    for i, t in enumerate(notes, 1):
        wn.cell(i, 1, t)
    wn["A1"].font = Font(bold=True, size=12)
    wn.column_dimensions["A"].width = 110

    wb.save(os.path.join(HERE, XLSX_NAME))

    truth = []
    for d in DISTRICTS:
        truth.append(("all_crime", truth_area(d), "2016/17", AC_1617[d]))
    truth.append(("all_crime", "Kent", "2016/17", k_cur))
    truth.append(("all_crime", "Medway", "2016/17", MEDWAY[0]))
    truth.append(("all_crime", "Kent and Medway", "2016/17", f_cur))
    measures = ["all_crime", "violence_against_the_person", "robbery"]
    for m in MONTHS:
        for i, meas in enumerate(measures):
            truth.append((meas, "Kent", m.strftime("%Y-%m"), MONTHLY[m][i]))
    for i, meas in enumerate(measures):
        truth.append((meas, "Kent", "2016/17 Q4", totals[i]))
    write_truth(XLSX_NAME, truth)
    return len(truth)


if __name__ == "__main__":
    print(PDF_NAME, make_pdf(), "truth rows")
    print(XLSX_NAME, make_xlsx(), "truth rows")
