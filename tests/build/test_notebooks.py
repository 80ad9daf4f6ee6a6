"""The briefing notebooks: stored thin and clean, executed on the shipped data, and the
HTML briefings they produce lead with correct sentences about the seed figures.

Seed figures quoted below are from data/raw/reports/2014-07-08_kcsp_agenda_pack.md.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from kcsp_analysis.build.briefings import BuildLayout, build_briefings
from kcsp_analysis.build.html_export import MISSING_ALT
from kcsp_analysis.processed.snapshots import list_snapshots
from tests.conftest import PROJECT_ROOT, SHIPPED_RAW

NOTEBOOKS = PROJECT_ROOT / "notebooks"
NAMES = [
    "00_overview",
    "01_domestic_abuse_and_marac",
    "02_road_safety",
    "03_police_recorded_crime",
    "04_anti_social_behaviour",
]


def code_cells(name: str) -> list[nbformat.NotebookNode]:
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    return [c for c in notebook.cells if c.cell_type == "code"]


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_stored_without_outputs_and_stays_thin(name: str):
    cells = code_cells(name)
    assert all(c.outputs == [] and c.execution_count is None for c in cells)
    assert [c for c in cells if "parameters" in c.metadata.get("tags", [])], "parameters cell"
    source = "\n".join(c.source for c in cells)
    assert "def " not in source
    assert re.search(r"\bimport re\b|\bre\.", source) is None
    # No typed-in figures: the only numbers a notebook may hold are tiny literals.
    assert re.findall(r"(?<![\w.])\d[\d,.]{2,}", source) == []


def make_project(root: Path) -> BuildLayout:
    shutil.copytree(SHIPPED_RAW, root / "data" / "raw")
    shutil.copytree(NOTEBOOKS, root / "notebooks")
    return BuildLayout.of(root)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildLayout:
    layout = make_project(tmp_path_factory.mktemp("briefings"))
    result = build_briefings(layout, progress=False)
    assert sorted(result.executed) == [f"{n}.ipynb" for n in NAMES]
    return layout


def page(layout: BuildLayout, name: str) -> str:
    return (layout.reports / f"{name}.html").read_text(encoding="utf-8")


def findings(text: str) -> str:
    """The findings box: the first list of the page, as plain text."""
    box = text.split('<ul class="findings">', 1)[1].split("</ul>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", box).replace("&#x27;", "'").split())


@pytest.mark.slow
def test_every_notebook_has_a_page_linked_from_the_index(built: BuildLayout):
    assert sorted(p.stem for p in built.reports.glob("*.html")) == sorted(
        [*NAMES, "index", "methods"]
    )
    index = page(built, "index")
    for name in NAMES:
        assert f'<a href="{name}.html">' in index


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_page_shows_no_code_and_no_placeholder_alt_text(built: BuildLayout, name: str):
    text = page(built, name)
    for cell in code_cells(name):
        for line in cell.source.splitlines():
            # Lines long enough to be code, not a word that also occurs in prose.
            if len(line.strip()) > 12:
                assert line.strip() not in text, line
    assert MISSING_ALT not in text
    assert "<script" not in text


@pytest.mark.slow
def test_domestic_abuse_briefing_leads_with_the_2013_14_figures(built: BuildLayout):
    """Line 797: Number of Domestic Abuse Incidents (Kent excluding Medway) 18,376 19259
    20276; the definition changed in 2013/14 (16-17 year olds included)."""
    text = page(built, "01_domestic_abuse_and_marac")
    lead = findings(text)
    # Like for like first: 18,376 (2010/11, restated, line 803) to 20,276 is +10.34%.
    assert lead.strip().startswith(
        "Domestic abuse incidents rose 10.3% to 20,276 in 2013/14 from 2010/11: two annual "
        "figures cannot show whether this is more than the usual year-to-year movement. "
        "quality Against the 2012/13 year-earlier figure it is 5.3% higher: not like for "
        "like, as the way it is counted changed in between, so no verdict."
    )
    # Line 801: % of repeat MARAC cases ... 23%, against the CAADA range of 28-40% (1099);
    # line 807: 283 repeat cases of 1,229, Wilson 95% interval 20.8% to 25.5%.
    assert (
        "MARAC repeat rate was 23% in 2013/14 (likely range 20.8% to 25.5%): below the "
        "expected 28-40% even allowing for chance. CAADA reads this as repeat cases not "
        "being identified; the partnership's MARAC paper reads it as a success." in lead
    )
    # Line 807 states "a 15.3% increase"; the 2012/13 count is not published.
    assert "the paper states a change of +15.3% on 2012/13" in lead
    assert "no population figure: add the ONS mid-year estimate of women aged 16+" in text
    # Sections in order: findings, charts, figures with the GSS key, data quality, sources.
    order = [text.index(s) for s in ("Findings", "<img", "<table", "Key: ", "Data quality")]
    assert order == sorted(order)
    assert text.index("Data quality") < text.index("<h2>Sources</h2>")
    assert "20,276 [b]" in text  # first figure after the definition change
    assert "reports/2014-07-08_kcsp_agenda_pack.md" in text


@pytest.mark.slow
def test_one_chart_per_measure_with_figures_each_with_alt_text(built: BuildLayout):
    """Road safety: KSI for 2010, 2012, 2013 (line 960) as a line; the 2012 severities
    (line 643), published for one year only, side by side as bars."""
    text = page(built, "02_road_safety")
    images = BeautifulSoup(text, "html.parser").find_all("img")
    assert all(img["src"].startswith("data:image/png;base64,") for img in images)
    alts = [img["alt"] for img in images]
    # Killed (50) and seriously injured (474) are parts of KSI (524 in 2012, line 960):
    # drawn inside its bar, not beside it.
    assert alts == [
        "Line chart, Killed or seriously injured road casualties: 547 in 2010, 524 in 2012, "
        "594 in 2013. Bars show each count's 95% interval.",
        "Bar chart, Kent, 2012: Slightly injured road casualties 5,231, Killed or seriously "
        "injured road casualties 524 (of which road deaths 50; of which seriously injured "
        "road casualties 474, drawn inside its total).",
    ]
    assert len(alts) == text.count("<img")


@pytest.mark.slow
def test_road_safety_finding_tests_the_ksi_rise(built: BuildLayout):
    """Line 960: KSI casualties 547 (2010), 524 (2012, 366 days), 594 (2013): the daily
    rate 594/365 against 524/366 is 13.7% higher; road casualties are tested as Poisson."""
    lead = findings(page(built, "02_road_safety"))
    assert (
        "Killed or seriously injured road casualties: 594 in 2013, 524 in 2012; the daily rate "
        "was 13.7% higher, as the periods differ in length: more than the usual year-to-year "
        "movement. That is worse." in lead
    )


@pytest.mark.slow
def test_no_sentence_the_statistical_review_quoted_is_shipped(built: BuildLayout):
    """Issue 13 "Why": sentences that claimed more than the data support."""
    texts = {name: page(built, name) for name in (
        "00_overview", "01_domestic_abuse_and_marac", "02_road_safety",
        "03_police_recorded_crime", "04_anti_social_behaviour",
    )}  # fmt: skip
    crime = findings(texts["03_police_recorded_crime"])
    assert "not like for like, as the way it is counted changed in between, so no verdict" in crime
    for name, text in texts.items():
        lead = findings(text)
        assert "likely under-identification of repeats" not in text, name
        theft = (
            "Theft and handling stolen goods rose 4.2% to 24,482 in 2013/14 from 2012/13: more than"
        )
        assert theft not in lead, name
        assert "rose 36.4% to 23,914 in 2013/14 from 2012/13: more than" not in lead
        assert "MARAC cases: 1,229 in 2013/14; no earlier figure" not in lead, name


@pytest.mark.slow
def test_crime_briefing_marks_the_recording_break(built: BuildLayout):
    """Line 919: violent crime 16,715, 17,537, 23,914; HMIC recording changes in 2013/14."""
    text = page(built, "03_police_recorded_crime")
    assert "Violent crime rose 36.4% to 23,914 in 2013/14 from 2012/13" in findings(text)
    assert "23,914 [b]" in text
    assert "[b] series break" in text


@pytest.mark.slow
def test_asb_briefing_says_when_chance_cannot_be_judged(built: BuildLayout):
    """Line 769: satisfaction 78.7%, 82.2%, 80.5%, from a survey whose sample sizes the
    report does not publish."""
    lead = findings(page(built, "04_anti_social_behaviour"))
    assert (
        "ASB victims and witnesses satisfied fell 1.7 percentage points to 80.5% in 2013/14 "
        "from 2012/13: the survey's sample sizes are not published, so the usual movement "
        "cannot be judged." in lead
    )


@pytest.mark.slow
def test_overview_opens_with_the_summary_then_findings_then_what_is_new(built: BuildLayout):
    text = page(built, "00_overview")
    assert text.index('<section class="summary"') < text.index("<h2>Findings</h2>")
    assert text.index("<h2>Findings</h2>") < text.index("What is new")
    assert "Data as at 8 July 2014</strong>; latest period 2013/14" in text
    assert "This is the first build: there are no earlier figures to compare with." in text


@pytest.mark.slow
def test_a_new_quarter_in_a_figures_file_shows_in_the_briefings(tmp_path: Path):
    layout = make_project(tmp_path / "project")
    build_briefings(layout, progress=False)
    figures = layout.raw / "figures" / "2014-15_q1.csv"
    figures.write_text(
        "measure,area,period,value,qualifier,note\nksi_casualties,Kent,2014,611,,\n",
        encoding="utf-8",
    )
    result = build_briefings(layout, progress=False)
    assert result.extracted and len(result.executed) == len(NAMES)
    first, second = list_snapshots(layout.processed)
    overview = page(layout, "00_overview")
    assert (
        f"Since the build of {first.built} (snapshot {first.name}): 1 new, 0 revised, "
        "0 disappeared figures."
    ) in overview
    road = page(layout, "02_road_safety")
    assert (
        "Killed or seriously injured road casualties rose 2.9% to 611 in 2014 from 2013"
        in findings(road)
    )
    assert "figures/2014-15_q1.csv, row 2" in road
    # `kcsp build --since SNAPSHOT`: compared with the snapshot asked for, and said so.
    build_briefings(layout, parameters={"since": second.name}, progress=False)
    assert (
        f"No figure is new, revised or gone since the build of {second.built} "
        f"(snapshot {second.name})."
    ) in page(layout, "00_overview")


@pytest.mark.slow
def test_forced_rebuild_writes_byte_identical_briefings(built: BuildLayout):
    before = {p.name: p.read_bytes() for p in built.reports.glob("*.html")}
    result = build_briefings(built, force=True, progress=False)
    assert len(result.executed) == len(NAMES)
    assert {p.name: p.read_bytes() for p in built.reports.glob("*.html")} == before


@pytest.mark.slow
def test_area_and_period_parameters_reach_every_briefing(tmp_path: Path):
    """Dover has no figure of its own in the shipped reports: every briefing says so
    instead of failing, and the period asked for is the one reported."""
    layout = make_project(tmp_path / "project")
    build_briefings(layout, parameters={"area": "Dover", "period": "2012/13"}, progress=False)
    dover = layout.reports / "dover"
    crime = (dover / "03_police_recorded_crime.html").read_text(encoding="utf-8")
    assert "Violent crime: no Dover figure for 2012/13 is published in the papers read." in (
        findings(crime)
    )
    marac = (dover / "01_domestic_abuse_and_marac.html").read_text(encoding="utf-8")
    assert "Repeat rates for Dover: no figures." in marac
    # Line 805: "Dover (up 10.5%)", as the paper states it, in Dover's district table.
    overview = (dover / "00_overview.html").read_text(encoding="utf-8")
    assert "<td>Dover</td><td>+10.5%</td>" in overview and "stated by the paper" in overview
