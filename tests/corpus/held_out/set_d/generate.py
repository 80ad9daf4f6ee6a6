"""Generate the PDF (MARAC annual report) and XLSX (police data pack) test documents,
plus their truth files. Test documents; all figures invented."""
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


# ---------------------------------------------------------------------------
# 1. MARAC annual report (PDF)
# ---------------------------------------------------------------------------
PDF_NAME = "2018-06-28_kent_medway_marac_annual_report_2017-18.pdf"

# area, cases, repeats, repeat rate %, cases per 10k women 16+
marac_areas = [
    ("Kent", 2316, 672, 29.0, 37.4),
    ("Medway", 562, 174, 31.0, 48.1),
    ("Kent and Medway", 2878, 846, 29.4, 39.1),
]
for a, c, r, p, _ in marac_areas:
    assert round(100 * r / c, 1) == p, a

# district MARAC cases 2017/18 (label in doc, truth area name)
marac_districts = [
    ("Ashford", "Ashford", 198),
    ("Canterbury", "Canterbury", 224),
    ("Dartford", "Dartford", 161),
    ("Dover", "Dover", 189),
    ("Folkestone and Hythe (Shepway)", "Folkestone and Hythe", 176),
    ("Gravesham", "Gravesham", 172),
    ("Maidstone", "Maidstone", 241),
    ("Sevenoaks", "Sevenoaks", 97),
    ("Swale", "Swale", 236),
    ("Thanet", "Thanet", 318),
    ("Tonbridge and Malling", "Tonbridge and Malling", 158),
    ("Tunbridge Wells", "Tunbridge Wells", 146),
]
assert sum(d[2] for d in marac_districts) == 2316


class MaracPDF(FPDF):
    def header(self):
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "Kent and Medway MARAC Steering Group  |  Annual Report 2017/18", align="L")
        self.cell(0, 5, "OFFICIAL", align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(150, 150, 150)
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(6)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "Published 28 June 2018", align="L")
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def heading(pdf, text):
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_text_color(90, 20, 90)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "", 10)


def para(pdf, text):
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def build_pdf():
    pdf = MaracPDF(format="A4")
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(20, 15, 20)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, "Multi-Agency Risk Assessment Conferences (MARAC)\nAnnual Report 2017/18",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, "Kent and Medway MARAC Steering Group - June 2018", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 10)
    pdf.set_text_color(180, 0, 0)
    pdf.cell(0, 6, "Test document; figures invented.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)

    heading(pdf, "1. Introduction")
    para(pdf,
         "1.1 A MARAC is a regular local meeting at which information about domestic abuse victims "
         "at high risk of serious harm or homicide is shared between agencies, and a co-ordinated "
         "safety plan is agreed. There are 13 MARACs in Kent and Medway: one for each of the 12 "
         "Kent districts and one for Medway. Most meet fortnightly.")
    para(pdf,
         "1.2 This report covers the financial year April 2017 to March 2018. Data is taken from the "
         "MARAC co-ordinators' returns to SafeLives and has been checked against Kent Police records.")

    heading(pdf, "2. Cases heard")
    para(pdf,
         "2.1 During 2017/18 the MARACs in Kent and Medway heard 2,878 cases, compared with 2,641 in "
         "2016/17, an increase of 237 (9.0%). This equates to an average of 240 cases a month across "
         "the force area, or 719.5 cases per quarter.")
    para(pdf,
         "2.2 Table 1 breaks the total down by local authority area. A repeat case is one where the "
         "victim has been heard at a MARAC at least once in the previous 12 months.")

    # Table 1 - ruled
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, "Table 1: MARAC cases, repeat cases and rates by local authority area, 2017/18",
             new_x="LMARGIN", new_y="NEXT")
    widths = [45, 25, 25, 27, 48]
    heads = ["Area", "Cases heard", "Repeat cases", "Repeat rate", "Cases per 10,000\nwomen aged 16+"]
    pdf.set_font("Helvetica", "B", 9)
    pdf.set_fill_color(230, 220, 235)
    y0 = pdf.get_y()
    x = pdf.l_margin
    for w, h in zip(widths, heads):
        pdf.set_xy(x, y0)
        lines = h.split("\n")
        if len(lines) == 1:
            pdf.multi_cell(w, 12, h, border=1, align="C", fill=True)
        else:
            pdf.multi_cell(w, 6, h, border=1, align="C", fill=True)
        x += w
    pdf.set_xy(pdf.l_margin, y0 + 12)
    pdf.set_font("Helvetica", "", 9)
    for a, c, r, p, rate in marac_areas:
        bold = a == "Kent and Medway"
        pdf.set_font("Helvetica", "B" if bold else "", 9)
        vals = [a, f"{c:,}", f"{r:,}", f"{p:.1f}%", f"{rate:.1f}"]
        for i, (w, v) in enumerate(zip(widths, vals)):
            pdf.cell(w, 7, v, border=1, align="L" if i == 0 else "R")
        pdf.ln(7)
    pdf.set_font("Helvetica", "I", 8)
    pdf.cell(0, 5, "Population: ONS mid-2017 estimates of females aged 16 and over.",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    para(pdf,
         "2.3 SafeLives recommends that a MARAC should hear around 40 cases per 10,000 adult women, "
         "and expects a repeat rate of between 28% and 40% for a well-established MARAC. Medway's "
         "volume of 48.1 per 10,000 is above the recommended level, while Kent, at 37.4, remains a "
         "little below it. The comparable rate a year earlier was 34.9.")
    para(pdf,
         "2.4 The force-wide repeat rate rose to 29.4%, from 27.8% in 2016/17, which places Kent and "
         "Medway within the expected range. Of the repeat cases, 412 were referred by the police, with "
         "the remainder coming mainly from IDVA services and health partners.")

    if pdf.get_y() + 125 > pdf.h - 20:
        pdf.add_page()
    heading(pdf, "3. District MARACs")
    para(pdf,
         "3.1 Case numbers at district level are shown in Table 2. Thanet continues to hear the most "
         "cases, and Sevenoaks the fewest. Folkestone and Hythe District Council adopted its new name "
         "on 1 April 2018; the MARAC retains its previous Shepway reference for this reporting year.")

    # Table 2 - unruled columns placed by x position (text() does not page-break)
    if pdf.get_y() + 95 > pdf.h - 20:
        pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, "Table 2: Cases heard by district MARAC, Kent, April 2017 to March 2018",
             new_x="LMARGIN", new_y="NEXT")
    x_name, x_cases, x_share = pdf.l_margin + 2, pdf.l_margin + 95, pdf.l_margin + 130
    y = pdf.get_y() + 1
    pdf.set_font("Helvetica", "B", 9)
    pdf.text(x_name, y + 4, "District MARAC")
    pdf.text(x_cases, y + 4, "Cases heard")
    pdf.text(x_share, y + 4, "Share of Kent cases")
    pdf.line(pdf.l_margin, y + 6, pdf.l_margin + 170, y + 6)
    y += 6
    pdf.set_font("Helvetica", "", 9)
    for label, _, c in marac_districts:
        y += 5.5
        pdf.text(x_name, y, label)
        s = f"{c:,}"
        pdf.text(x_cases + 18 - pdf.get_string_width(s), y, s)
        share = f"{100 * c / 2316:.1f}%"
        pdf.text(x_share + 22 - pdf.get_string_width(share), y, share)
    pdf.line(pdf.l_margin, y + 2, pdf.l_margin + 170, y + 2)
    y += 7
    pdf.set_font("Helvetica", "B", 9)
    pdf.text(x_name, y, "Kent")
    s = "2,316"
    pdf.text(x_cases + 18 - pdf.get_string_width(s), y, s)
    pdf.text(x_share + 22 - pdf.get_string_width("100.0%"), y, "100.0%")
    pdf.set_xy(pdf.l_margin, y + 5)

    heading(pdf, "4. Domestic abuse in context")
    para(pdf,
         "4.1 Kent Police recorded 34,960 domestic abuse incidents across the force area in 2017/18. "
         "Only a small proportion of these are assessed as high risk and referred to MARAC; around 6% "
         "of cases heard involved a male victim, and 11% involved a victim aged 16 or 17.")
    para(pdf,
         "4.2 The county is served by 23 Independent Domestic Violence Advisers (IDVAs), funded jointly "
         "by Kent County Council, Medway Council and the Police and Crime Commissioner at a combined "
         "cost of around £1.1m a year.")

    heading(pdf, "5. Training and quality assurance")
    para(pdf,
         "5.1 The Steering Group delivered 18 MARAC training sessions to 410 practitioners during the "
         "year, and carried out peer observations at 6 MARACs. Actions arising are set out in "
         "Appendix 2.")
    para(pdf,
         "5.2 Professionals seeking advice about a referral should contact the MARAC co-ordinator team "
         "on 01622 604 150. Victims can call the National Domestic Abuse Helpline free on "
         "0808 2000 247 at any time.")

    pdf.output(os.path.join(HERE, PDF_NAME))

    rows = []
    for a, c, r, p, rate in marac_areas:
        rows += [
            ("marac_cases", a, "2017/18", c),
            ("marac_repeat_cases", a, "2017/18", r),
            ("marac_repeat_pct", a, "2017/18", p),
            ("marac_cases_per_10k_adult_females", a, "2017/18", rate),
        ]
    for _, area, c in marac_districts:
        rows.append(("marac_cases", area, "2017/18", c))
    rows += [
        ("marac_cases", "Kent and Medway", "2016/17", 2641),
        ("marac_cases_monthly_avg", "Kent and Medway", "2017/18", 240),
        ("marac_cases_quarterly_avg", "Kent and Medway", "2017/18", 719.5),
        ("marac_repeat_pct", "Kent and Medway", "2016/17", 27.8),
        ("da_incidents", "Kent and Medway", "2017/18", 34960),
    ]
    write_truth(PDF_NAME, rows)
    return len(rows)


# ---------------------------------------------------------------------------
# 2. Police data pack (XLSX)
# ---------------------------------------------------------------------------
XLSX_NAME = "2017-08-10_kent_police_data_pack_q1_2017-18.xlsx"

# month, all crime, ASB, DA incidents, DA repeat victim fraction
monthly = [
    (dt.date(2017, 4, 1), 10214, 3988, 1842, 0.351),
    (dt.date(2017, 5, 1), 10876, 4402, 1915, 0.347),
    (dt.date(2017, 6, 1), 11093, 4655, 1967, 0.362),
]
q_all = sum(m[1] for m in monthly)
q_asb = sum(m[2] for m in monthly)
q_da = sum(m[3] for m in monthly)
q_rep = round(sum(m[3] * m[4] for m in monthly) / q_da, 3)

# district label, truth area, all crime Q1 2017/18, change on Q1 2016/17 (fraction)
districts = [
    ("Ashford", "Ashford", 2598, 0.041),
    ("Canterbury", "Canterbury", 3352, 0.067),
    ("Dartford", "Dartford", 2391, 0.112),
    ("Dover", "Dover", 2287, -0.018),
    ("Gravesham", "Gravesham", 2430, 0.086),
    ("Maidstone", "Maidstone", 3561, 0.053),
    ("Sevenoaks", "Sevenoaks", 1618, 0.024),
    ("Shepway", "Folkestone and Hythe", 2466, 0.071),
    ("Swale", "Swale", 3207, 0.094),
    ("Thanet", "Thanet", 4203, 0.128),
    ("Tonbridge and Malling", "Tonbridge and Malling", 2061, -0.006),
    ("Tunbridge Wells", "Tunbridge Wells", 2009, 0.033),
]
assert sum(d[2] for d in districts) == q_all, (sum(d[2] for d in districts), q_all)

thin = Side(style="thin", color="808080")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
head_fill = PatternFill("solid", fgColor="1F3864")
head_font = Font(bold=True, color="FFFFFF")
total_fill = PatternFill("solid", fgColor="D9E1F2")


def build_xlsx():
    wb = Workbook()

    # --- Sheet 1: monthly ---
    ws = wb.active
    ws.title = "Monthly trend"
    ws["A1"] = "Kent Police - Community Safety Data Pack"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Recorded crime, anti-social behaviour and domestic abuse: Kent (excluding Medway), April to June 2017"
    ws["A2"].font = Font(italic=True)
    ws["A3"] = "Test document; figures invented."
    ws["A3"].font = Font(bold=True, color="C00000")
    ws["A4"] = "Prepared for the Kent Community Safety Partnership, August 2017"
    hdr = ["Month", "All recorded crime", "ASB incidents", "Domestic abuse incidents",
           "DA incidents involving a repeat victim (%)"]
    for j, h in enumerate(hdr, start=1):
        c = ws.cell(row=6, column=j, value=h)
        c.font = head_font
        c.fill = head_fill
        c.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        c.border = box
    ws.row_dimensions[6].height = 45
    r = 7
    for d, a, asb, da, rep in monthly:
        ws.cell(row=r, column=1, value=d).number_format = "mmm-yy"
        for j, v in enumerate([a, asb, da], start=2):
            ws.cell(row=r, column=j, value=v).number_format = "#,##0"
        ws.cell(row=r, column=5, value=rep).number_format = "0.0%"
        for j in range(1, 6):
            ws.cell(row=r, column=j).border = box
        r += 1
    ws.cell(row=r, column=1, value="Q1 2017/18 total")
    ws.cell(row=r, column=2, value=q_all).number_format = "#,##0"
    ws.cell(row=r, column=3, value=q_asb).number_format = "#,##0"
    ws.cell(row=r, column=4, value=q_da).number_format = "#,##0"
    ws.cell(row=r, column=5, value=q_rep).number_format = "0.0%"
    for j in range(1, 6):
        c = ws.cell(row=r, column=j)
        c.font = Font(bold=True)
        c.fill = total_fill
        c.border = box
    ws.cell(row=r + 2, column=1, value="See Notes sheet for definitions. Repeat rate for the quarter is weighted by incident volume.")
    ws.column_dimensions["A"].width = 18
    for col in "BCDE":
        ws.column_dimensions[col].width = 20

    # --- Sheet 2: districts ---
    ws2 = wb.create_sheet("District breakdown")
    ws2["A1"] = "Kent Police - Community Safety Data Pack"
    ws2["A1"].font = Font(bold=True, size=14)
    ws2["A2"] = "Total recorded crime by Community Safety Partnership area, Q1 2017/18 (April - June 2017)"
    ws2["A2"].font = Font(italic=True)
    ws2["A3"] = "Test document; figures invented."
    ws2["A3"].font = Font(bold=True, color="C00000")
    hdr2 = ["CSP / district", "All recorded crime\nApr-Jun 2017", "% change on\nApr-Jun 2016",
            "Share of Kent total"]
    for j, h in enumerate(hdr2, start=1):
        c = ws2.cell(row=5, column=j, value=h)
        c.font = head_font
        c.fill = head_fill
        c.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        c.border = box
    ws2.row_dimensions[5].height = 32
    r = 6
    for label, _, v, ch in districts:
        ws2.cell(row=r, column=1, value=label)
        ws2.cell(row=r, column=2, value=v).number_format = "#,##0"
        ws2.cell(row=r, column=3, value=ch).number_format = "+0.0%;-0.0%"
        ws2.cell(row=r, column=4, value=round(v / q_all, 4)).number_format = "0.0%"
        for j in range(1, 5):
            ws2.cell(row=r, column=j).border = box
        r += 1
    ws2.cell(row=r, column=1, value="Kent total")
    ws2.cell(row=r, column=2, value=q_all).number_format = "#,##0"
    ws2.cell(row=r, column=3, value=0.062).number_format = "+0.0%;-0.0%"
    ws2.cell(row=r, column=4, value=1.0).number_format = "0.0%"
    for j in range(1, 5):
        c = ws2.cell(row=r, column=j)
        c.font = Font(bold=True)
        c.fill = total_fill
        c.border = box
    ws2.column_dimensions["A"].width = 24
    for col in "BCD":
        ws2.column_dimensions[col].width = 20

    # --- Sheet 3: notes ---
    ws3 = wb.create_sheet("Notes")
    notes = [
        "Notes and definitions",
        "Test document; figures invented.",
        "",
        "1. Source: Kent Police crime and incident systems, data extracted 3 July 2017.",
        "2. All figures relate to the Kent County Council area (Kent excluding Medway). Medway figures are supplied to Medway CSP separately.",
        "3. All recorded crime excludes fraud, which is recorded by Action Fraud.",
        "4. ASB incidents are those closed with an ASB category (personal, nuisance or environmental).",
        "5. A repeat victim is a victim of domestic abuse who has reported at least one other incident in the previous 12 months.",
        "6. Shepway is shown under its district council name at the time of extraction.",
        "7. The percentage change column compares April-June 2017 with April-June 2016; it is not a rate.",
        "8. Figures are provisional and may be revised in the next data pack (due November 2017).",
        "9. Queries: Kent Police Analysis Team, telephone 01622 690690 ext. 4417.",
    ]
    for i, t in enumerate(notes, start=1):
        ws3.cell(row=i, column=1, value=t)
    ws3["A1"].font = Font(bold=True, size=12)
    ws3.column_dimensions["A"].width = 120

    wb.save(os.path.join(HERE, XLSX_NAME))

    rows = []
    for d, a, asb, da, rep in monthly:
        p = d.strftime("%Y-%m")
        rows += [
            ("all_crime", "Kent", p, a),
            ("asb_incidents", "Kent", p, asb),
            ("da_incidents", "Kent", p, da),
            ("da_repeat_victims_pct", "Kent", p, round(rep * 100, 1)),
        ]
    rows += [
        ("all_crime", "Kent", "2017/18 Q1", q_all),
        ("asb_incidents", "Kent", "2017/18 Q1", q_asb),
        ("da_incidents", "Kent", "2017/18 Q1", q_da),
        ("da_repeat_victims_pct", "Kent", "2017/18 Q1", round(q_rep * 100, 1)),
    ]
    for _, area, v, _ in districts:
        rows.append(("all_crime", area, "2017/18 Q1", v))
    write_truth(XLSX_NAME, rows)
    return len(rows)


if __name__ == "__main__":
    print(PDF_NAME, build_pdf())
    print(XLSX_NAME, build_xlsx())
