"""A briefing opens in headless Chromium: no console errors, every image loads, nothing
is fetched from the network, and it fits a phone screen. Screenshots are kept in
tests/artifacts/ (git-ignored) for a person to look at.

Chromium is driven through its DevTools protocol over a local websocket.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kcsp_analysis.build.briefings import BuildLayout, build_briefings
from tests.conftest import PROJECT_ROOT, SHIPPED_RAW

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
    ),
]


class DevTools:
    """A minimal DevTools protocol client: send commands, collect events."""

    def __init__(self, url: str):
        import websocket

        self.socket = websocket.create_connection(url, timeout=30)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            self.events.append(message)

    def wait_for(self, event: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == event for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(event)
            self.events.append(json.loads(self.socket.recv()))

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")


@pytest.fixture(scope="module")
def briefings(tmp_path_factory: pytest.TempPathFactory) -> BuildLayout:
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(SHIPPED_RAW, root / "data" / "raw")
    shutil.copytree(PROJECT_ROOT / "notebooks", root / "notebooks")
    layout = BuildLayout.of(root)
    build_briefings(layout, progress=False)
    return layout


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    assert CHROMIUM is not None
    process = subprocess.Popen(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not port_file.is_file() or not port_file.read_text().strip():
            if time.monotonic() > deadline or process.poll() is not None:
                pytest.fail("chromium did not start its DevTools endpoint")
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as answer:
            pages = [t for t in json.load(answer) if t["type"] == "page"]
        tools = DevTools(pages[0]["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log", "Network"):
            tools.call(f"{domain}.enable")
        yield tools
        tools.socket.close()
    finally:
        process.terminate()
        process.wait(timeout=30)


def open_page(tools: DevTools, path: Path, width: int, height: int) -> None:
    tools.events.clear()
    tools.call(
        "Emulation.setDeviceMetricsOverride",
        width=width,
        height=height,
        deviceScaleFactor=1,
        mobile=width < 600,
    )
    tools.call("Page.navigate", url=path.as_uri())
    tools.wait_for("Page.loadEventFired")


def console_errors(tools: DevTools) -> list[str]:
    found = []
    for event in tools.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            found.append(str(params["exceptionDetails"].get("text")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            found.append(str(params.get("args")))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            found.append(str(params["entry"].get("text")))
    return found


def requested_urls(tools: DevTools) -> list[str]:
    return [
        e["params"]["request"]["url"]
        for e in tools.events
        if e.get("method") == "Network.requestWillBeSent"
    ]


def screenshot(tools: DevTools, name: str) -> Path:
    shot = tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


PAGES = (
    "00_overview",
    "01_domestic_abuse_and_marac",
    "02_road_safety",
    "03_police_recorded_crime",
    "04_anti_social_behaviour",
    "index",
    "methods",
)
# A4 less the print style sheet's margins (15 mm top and bottom, 14 mm each side), in
# CSS pixels (96 to the inch).
A4_CONTENT_WIDTH = (210 - 28) / 25.4 * 96
A4_CONTENT_HEIGHT = (297 - 30) / 25.4 * 96


@pytest.mark.parametrize(
    ("name", "width", "height"),
    [(name, width, height) for name in PAGES for width, height in ((1280, 800), (390, 844))],
)
def test_briefing_opens_cleanly_offline_and_fits_the_screen(
    briefings: BuildLayout, browser: DevTools, name: str, width: int, height: int
):
    page = briefings.reports / f"{name}.html"
    open_page(browser, page, width, height)
    assert console_errors(browser) == []
    images = browser.evaluate(
        "Array.from(document.images).map(i => [i.complete && i.naturalWidth > 0, i.alt])"
    )
    assert all(loaded and alt for loaded, alt in images)
    if name not in ("index", "methods"):
        assert len(images) >= 2
    # Every page names its area and links the methods page.
    assert browser.evaluate("document.querySelector('nav.top').textContent").startswith(
        "Area: Kent"
    )
    # Only the page itself (file://) and embedded data: URIs: nothing from the network.
    assert [u for u in requested_urls(browser) if not u.startswith(("file:", "data:"))] == []
    # Nothing wider than the screen: a phone reader scrolls down, not sideways (wide
    # tables scroll inside their own box).
    overflow = browser.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    # A phone widens its layout viewport to fit content that is too wide: it must not.
    assert browser.evaluate("window.innerWidth") == width
    shot = screenshot(browser, f"{name}-{width}px.png")
    assert shot.stat().st_size > 10_000


def test_briefing_prints_on_a4(briefings: BuildLayout, browser: DevTools):
    """The print style sheet lays the briefing out on A4 pages; the PDF is kept to look at."""
    open_page(browser, briefings.reports / "01_domestic_abuse_and_marac.html", 1024, 900)
    pdf = base64.b64decode(
        browser.call("Page.printToPDF", preferCSSPageSize=True, printBackground=True)["data"]
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "01_domestic_abuse_and_marac-A4.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    # A4 is 595 x 842 points; every page of the PDF has that size.
    sizes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert sizes and all(
        abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in sizes
    ), sizes


def _finding_words(tools: DevTools) -> list[tuple[int, str]]:
    """Every finding on the page with its word count, without its "quality" link."""
    found = tools.evaluate(
        "Array.from(document.querySelectorAll('ul.findings > li')).map(li => {"
        " const copy = li.cloneNode(true);"
        " copy.querySelectorAll('a.about').forEach(a => a.remove());"
        " return copy.textContent.trim(); })"
    )
    return [(len(text.split()), text) for text in found]


@pytest.mark.parametrize("name", [p for p in PAGES if p not in ("index", "methods")])
def test_every_finding_is_at_most_40_words(briefings: BuildLayout, browser: DevTools, name: str):
    open_page(browser, briefings.reports / f"{name}.html", 1280, 800)
    counted = _finding_words(browser)
    assert counted, name
    assert [text for words, text in counted if words > 40] == []
    # Each finding's "quality" link leads to its measure's statement on the methods page.
    targets = browser.evaluate(
        "Array.from(document.querySelectorAll('ul.findings a.about')).map(a => a.hash.slice(1))"
    )
    open_page(browser, briefings.reports / "methods.html", 1280, 800)
    missing = browser.evaluate(f"{json.dumps(targets)}.filter(id => !document.getElementById(id))")
    assert targets and missing == []


def test_overview_summary_fits_the_first_printed_page(briefings: BuildLayout, browser: DevTools):
    """Laid out for print at A4's content width, the summary ends above the first page's
    foot; printed to PDF (Chromium's Page.printToPDF), its last row is on page 1 and the
    findings start on page 2. The PDF and a picture of the summary are kept."""
    import pypdfium2

    page = briefings.reports / "00_overview.html"
    open_page(browser, page, 1280, 800)
    rect = browser.evaluate(
        "(() => { const r = document.querySelector('#summary').getBoundingClientRect();"
        " const w = document.querySelector('#summary .table-wrap').scrollWidth;"
        " return [r.x, r.y + window.scrollY, Math.max(r.width, w), r.height]; })()"
    )
    shot = browser.call(
        "Page.captureScreenshot",
        format="png",
        captureBeyondViewport=True,
        clip={"x": rect[0] - 8, "y": 0, "width": rect[2] + 16, "height": rect[1] + rect[3] + 8,
              "scale": 1},
    )  # fmt: skip
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "overview_summary.png").write_bytes(base64.b64decode(shot["data"]))
    # Nothing of the summary is hidden in a scrolled box on a desktop screen.
    assert (
        browser.evaluate(
            "(() => { const w = document.querySelector('#summary .table-wrap');"
            " return w.scrollWidth - w.clientWidth; })()"
        )
        <= 0
    )
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        width=round(A4_CONTENT_WIDTH),
        height=round(A4_CONTENT_HEIGHT),
        deviceScaleFactor=1,
        mobile=False,
    )
    browser.call("Emulation.setEmulatedMedia", media="print")
    try:
        bottom = browser.evaluate(
            "document.querySelector('#summary').getBoundingClientRect().bottom + window.scrollY"
        )
    finally:
        browser.call("Emulation.setEmulatedMedia", media="")
    assert 0 < bottom <= A4_CONTENT_HEIGHT, (bottom, A4_CONTENT_HEIGHT)
    pdf = base64.b64decode(
        browser.call("Page.printToPDF", preferCSSPageSize=True, printBackground=True)["data"]
    )
    (ARTIFACTS / "00_overview-A4.pdf").write_bytes(pdf)
    document = pypdfium2.PdfDocument(pdf)
    first = " ".join(document[0].get_textpage().get_text_range().split())
    second = " ".join(document[1].get_textpage().get_text_range().split())
    last_row = browser.evaluate(
        "document.querySelector('.summary-table tbody tr:last-child th').textContent"
    )
    assert "Data as at 8 July 2014" in first
    assert " ".join(last_row.split()) in first
    assert "Findings" not in first and second.startswith("Findings")
