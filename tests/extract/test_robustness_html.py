"""Safe, offline, reproducible briefings, built with the real notebooks from hostile input.

A new report arrives whose file name, manifest title and text carry markup
(``<script>``, an ``<img onerror>``). The briefings must show that markup as text, load
nothing from the network, and come out byte-identical when the same input is built again
in another folder.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kcsp_analysis.analysis.repeats import marac_volume
from kcsp_analysis.build.briefings import BuildLayout, build_briefings
from kcsp_analysis.extract import extract_report
from kcsp_analysis.processed.measures import observations_to_frame
from tests.conftest import AGENDA_PACK, PROJECT_ROOT, SHIPPED_RAW
from tests.robustness_helpers import file_bytes

HOSTILE_NAME = "reports/2015-07-01_<img src=x onerror=alert(1)>.txt"
HOSTILE_TITLE = '<script>alert("title")</script> MARAC update'
# The MARAC sentence of agenda pack line 807, a year on, with a script in the text.
HOSTILE_TEXT = (
    "In Kent (excluding Medway) over the last 12 months (Apr '14 - Mar '15) there have "
    "been 1,310 Multi Agency Risk Assessment Conferences (MARACs) with 301 repeat cases "
    "(23%). <script>alert('report')</script>\n"
)
URL_ATTRIBUTES = ("src", "href", "srcset", "action", "formaction", "poster", "data", "background")
NETWORK_URL = re.compile(r"^\s*(?:https?:|//|ftp:)", re.IGNORECASE)


def _hostile_project(root: Path) -> BuildLayout:
    shutil.copytree(SHIPPED_RAW, root / "data" / "raw")
    shutil.copytree(PROJECT_ROOT / "notebooks", root / "notebooks")
    report = root / "data" / "raw" / HOSTILE_NAME
    report.write_text(HOSTILE_TEXT, encoding="utf-8")
    sha = hashlib.sha256(report.read_bytes()).hexdigest()
    manifest = root / "data" / "raw" / "MANIFEST.csv"
    manifest.chmod(0o644)
    title = HOSTILE_TITLE.replace('"', '""')
    with open(manifest, "a", encoding="utf-8", newline="") as handle:
        handle.write(f'{HOSTILE_NAME},marac.txt,{sha},"{title}",2015-07-01,text\n')
    return BuildLayout.of(root)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildLayout, BuildLayout]:
    """The same hostile input built in two different folders."""
    layouts = []
    for name in ("first", "second"):
        layout = _hostile_project(tmp_path_factory.mktemp(name))
        build_briefings(layout, progress=False)
        layouts.append(layout)
    return layouts[0], layouts[1]


def _pages(layout: BuildLayout) -> dict[str, BeautifulSoup]:
    return {
        p.name: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for p in sorted(layout.reports.glob("*.html"))
    }


@pytest.mark.slow
def test_markup_from_reports_is_shown_as_text_never_run(two_builds):
    layout, _ = two_builds
    pages = _pages(layout)
    assert len(pages) == 7  # five notebooks, the index and the methods page
    for name, soup in pages.items():
        assert soup.find_all("script") == [], name
        handlers = [
            (tag.name, attribute)
            for tag in soup.find_all(True)
            for attribute in tag.attrs
            if attribute.lower().startswith("on")
        ]
        assert handlers == [], name
        assert all(img["src"].startswith("data:image/") for img in soup.find_all("img")), name
    marac = pages["01_domestic_abuse_and_marac.html"].get_text()
    assert HOSTILE_NAME in marac
    assert HOSTILE_TITLE in marac
    assert "&lt;script&gt;" in (layout.reports / "01_domestic_abuse_and_marac.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.slow
def test_no_briefing_loads_anything_from_the_network(two_builds):
    """Only links a reader clicks (``<a href>``) may point elsewhere; nothing is fetched."""
    layout, _ = two_builds
    for name, soup in _pages(layout).items():
        fetched = [
            (tag.name, attribute, str(tag[attribute]))
            for tag in soup.find_all(True)
            if tag.name != "a"
            for attribute in URL_ATTRIBUTES
            if tag.has_attr(attribute) and NETWORK_URL.search(str(tag[attribute]))
        ]
        assert fetched == [], name
        styles = " ".join(s.get_text() for s in soup.find_all("style"))
        styles += " ".join(str(t.get("style", "")) for t in soup.find_all(True))
        assert not re.search(r"@import|url\(\s*['\"]?\s*(?:https?:|//)", styles), name
        assert [t for t in soup.find_all(["iframe", "object", "embed", "base"])] == [], name


@pytest.mark.slow
def test_the_same_input_built_in_another_folder_gives_identical_files(two_builds):
    """Briefings carry no build time or path, so they are byte-identical, as are the data."""
    first, second = two_builds
    first_pages, second_pages = file_bytes(first.reports), file_bytes(second.reports)
    assert sorted(first_pages) == sorted(second_pages)
    differing = [name for name in first_pages if first_pages[name] != second_pages[name]]
    assert differing == []
    assert file_bytes(first.processed) == file_bytes(second.processed)
    assert str(first.root) not in "".join(p.decode("utf-8") for p in first_pages.values())


def test_population_hint_names_the_folder_relative_to_the_project(tmp_path, monkeypatch):
    """Agenda pack line 807: 1,229 MARAC cases in 2013/14; with no population file the
    briefing says where to add one, without the local (machine-specific) path."""
    monkeypatch.setenv("KCSP_HOME", str(tmp_path))
    frame = observations_to_frame(extract_report(SHIPPED_RAW, AGENDA_PACK).observations)
    table = marac_volume(frame, "Kent", tmp_path / "data" / "raw" / "population")
    assert table.iloc[0]["reading"] == (
        "no population figure: add the ONS mid-year estimate of women aged 16+ in Kent for "
        "2013 to data/raw/population (columns area, mid_year, females_16_plus)"
    )
