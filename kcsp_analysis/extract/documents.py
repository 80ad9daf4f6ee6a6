"""Read a report in any of its published formats into normalised lines with locators.

Text and converted-PDF markdown keep their lines (``line N``); committee web pages are
parsed with a real HTML parser and keep the source line of each block; PDFs are read
with pdfplumber, table columns rebuilt from the gaps between words (``page N``). Every
reader ends in the same :class:`Document`, so extraction never cares about the format.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass
from pathlib import Path

from kcsp_analysis import locators
from kcsp_analysis.errors import KcspError

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)

# A gap between two words wider than this many times the font size is a column gap.
_COLUMN_GAP_EM = 1.2
# A vertical gap wider than this many line heights starts a new paragraph.
_PARAGRAPH_GAP_LINES = 1.6
# Bounds that keep a run quick on whatever arrives: 10 MB of text is thousands of pages
# (the shipped reports are at most 0.13 MB, with lines of at most 1,500 characters).
MAX_TEXT_BYTES = 10_000_000
MAX_LINE_CHARS = 100_000
_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "caption", "dt", "dd", "pre")


@dataclass(frozen=True)
class Line:
    """One line of a document: its text and where it is (``line 12``, ``page 3``)."""

    text: str
    locator: str


@dataclass(frozen=True)
class Document:
    """A report as normalised lines; blank lines separate paragraphs and tables."""

    source: str
    format: str
    lines: tuple[Line, ...]


def read_document(raw_dir: Path, name: str) -> Document:
    """Read ``raw_dir / name`` by its suffix into a :class:`Document`.

    Raises :class:`KcspError` naming the file (and line, where there is one) for an
    empty, binary, wrongly encoded or unreadable document.
    """
    path = Path(raw_dir) / name
    suffix = path.suffix.lower()
    if not path.is_file():
        raise KcspError("no such file", source=name)
    if suffix in TEXT_SUFFIXES + HTML_SUFFIXES and path.stat().st_size > MAX_TEXT_BYTES:
        raise KcspError(
            f"{path.stat().st_size / 1e6:.1f} MB is more text than a report holds (at most "
            f"{MAX_TEXT_BYTES / 1e6:.0f} MB is read); is this the right file?",
            source=name,
        )
    if suffix in TEXT_SUFFIXES:
        return Document(name, "text", text_to_lines(decode_text(path.read_bytes(), name), name))
    if suffix in HTML_SUFFIXES:
        return Document(name, "html", html_to_lines(decode_text(path.read_bytes(), name), name))
    if suffix in PDF_SUFFIXES:
        return Document(name, "pdf", pdf_to_lines(path, name))
    known = ", ".join(TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES)
    raise KcspError(
        f"unknown report format {suffix or '(no suffix)'!r}; known: {known}", source=name
    )


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 text of ``data``; :class:`KcspError` for empty, binary or non-UTF-8 input."""
    if not data.strip():
        raise KcspError("empty document: no text to extract", source=source)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise KcspError(
            "binary data (NUL byte) where text was expected",
            source=source,
            locator=locators.line(line),
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise KcspError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded; "
            "save the file as UTF-8",
            source=source,
            locator=locators.line(line),
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_to_lines(text: str, source: str) -> tuple[Line, ...]:
    """Lines of a text document, numbered from 1, trailing spaces removed."""
    lines = tuple(Line(t.rstrip(), locators.line(n)) for n, t in enumerate(text.split("\n"), 1))
    for line in lines:
        if len(line.text) > MAX_LINE_CHARS:
            raise KcspError(
                f"a line of {len(line.text):,} characters (at most {MAX_LINE_CHARS:,} expected): "
                "the text has lost its line breaks, or is not a report",
                source=source,
                locator=line.locator,
            )
    if not any(line.text.strip() for line in lines):
        raise KcspError("empty document: no text to extract", source=source)
    return lines


def html_to_lines(text: str, source: str) -> tuple[Line, ...]:
    """Blocks of an HTML page as lines: table rows tab-separated, headings as ``#``.

    Superscripts are kept as ``<sup>n</sup>`` so that footnote digits are not glued to
    the figure before them. Locators are the source lines of the blocks.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    for sup in soup("sup"):
        sup.replace_with(f"<sup>{sup.get_text(strip=True)}</sup>")
    lines: list[Line] = []
    for element in soup.find_all(_BLOCK_TAGS):
        if element.find_parent(_BLOCK_TAGS):
            continue  # its text belongs to the enclosing block
        locator = locators.line(element.sourceline or 1)
        if element.name == "tr":
            cells = element.find_all(["td", "th"])
            line_text = "\t".join(" ".join(c.get_text(" ").split()) for c in cells)
        else:
            line_text = " ".join(element.get_text(" ").split())
            if element.name[0] == "h" and element.name[1:].isdigit():
                line_text = "#" * int(element.name[1:]) + " " + line_text
        if not line_text.strip():
            continue
        if lines and (element.name != "tr" or not lines[-1].text.count("\t")):
            lines.append(Line("", locator))
        lines.append(Line(line_text, locator))
    if not lines:
        raise KcspError("empty document: the page has no text blocks", source=source)
    return tuple(lines)


def pdf_to_lines(path: Path, source: str) -> tuple[Line, ...]:
    """Text lines of a PDF, page by page; wide gaps between words become tabs."""
    import pdfplumber

    lines: list[Line] = []
    try:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
                lines.extend(words_to_lines(words, f"page {number}"))
    except KcspError:
        raise
    except Exception as exc:  # pdfminer raises many types for broken files
        if "Password" in type(exc.args[0] if exc.args else exc).__name__:
            raise KcspError(
                "the PDF is encrypted with a password; save a copy without the password "
                "(or the text version of the report) under data/raw/reports/",
                source=source,
            ) from None
        raise KcspError(
            f"cannot read PDF ({type(exc).__name__}: {exc}); is it truncated?", source=source
        ) from None
    if not any(line.text.strip() for line in lines):
        raise KcspError("empty document: the PDF has no extractable text (scanned?)", source=source)
    return tuple(lines)


def words_to_lines(words: list[dict], locator: str) -> list[Line]:
    """Group pdfplumber words into lines by position; paragraph gaps become blank lines."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(word["top"] - rows[-1][0]["top"]) < 0.5 * _height(word):
            rows[-1].append(word)
        else:
            rows.append([word])
    if not rows:
        return []
    heights = [_height(row[0]) for row in rows]
    line_height = statistics.median(heights) * 1.2
    out: list[Line] = [Line("", locator)]
    previous_bottom: float | None = None
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        if (
            previous_bottom is not None
            and row[0]["top"] - previous_bottom > (_PARAGRAPH_GAP_LINES - 1) * line_height
        ):
            out.append(Line("", locator))
        text = row[0]["text"]
        for before, word in itertools.pairwise(row):
            gap = word["x0"] - before["x1"]
            text += ("\t" if gap > _COLUMN_GAP_EM * _height(word) else " ") + word["text"]
        out.append(Line(text, locator))
        previous_bottom = max(w["bottom"] for w in row)
    return out


def _height(word: dict) -> float:
    return float(word["bottom"] - word["top"]) or 1.0
