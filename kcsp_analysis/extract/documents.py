"""Read a report in any of its published formats into blocks with locators.

Text and converted-PDF markdown keep their lines (``line N``,
:mod:`~kcsp_analysis.extract.text_blocks`); committee web pages are read from their
parsed tree (:mod:`~kcsp_analysis.extract.html_blocks`); PDFs with pdfplumber, ruled
tables from their rules and unruled ones from word gaps (``page N``,
:mod:`~kcsp_analysis.extract.pdf_blocks`); workbooks sheet by sheet with typed cells
(``sheet 'X' cell B7``, :mod:`~kcsp_analysis.extract.sheet_blocks`). Every reader ends
in the same :class:`Document` of blocks, so extraction never cares about the format.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from kcsp_analysis import locators
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.blocks import Block, TextLine, with_context
from kcsp_analysis.extract.text_blocks import lines_to_blocks

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
SHEET_SUFFIXES = (".xlsx",)
# Bounds that keep a run quick on whatever arrives: 10 MB of text is thousands of pages
# (the shipped reports are at most 0.13 MB, with lines of at most 1,500 characters).
MAX_TEXT_BYTES = 10_000_000
MAX_LINE_CHARS = 100_000
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED_CHARSET = re.compile(
    rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE
)

Line = TextLine
"""One line of a text document: its text and where it is (``line 12``, ``page 3``)."""


@dataclass(frozen=True)
class Document:
    """A report as blocks in reading order; a text report also keeps its lines.

    A document built from lines alone (as tests do) reads its blocks from them.
    """

    source: str
    format: str
    lines: tuple[Line, ...] = ()
    blocks: tuple[Block, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        """Read the blocks of a document given as lines."""
        if not self.blocks and self.lines:
            object.__setattr__(self, "blocks", with_context(lines_to_blocks(self.lines)))


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
        from kcsp_analysis.extract.html_blocks import html_to_blocks

        text = decode_text(path.read_bytes(), name, html=True)
        return Document(name, "html", blocks=with_context(html_to_blocks(text, name)))
    if suffix in PDF_SUFFIXES:
        from kcsp_analysis.extract.pdf_blocks import pdf_to_blocks

        return Document(name, "pdf", blocks=with_context(pdf_to_blocks(path, name)))
    if suffix in SHEET_SUFFIXES:
        from kcsp_analysis.extract.sheet_blocks import xlsx_to_blocks

        return Document(name, "xlsx", blocks=with_context(xlsx_to_blocks(path, name)))
    known = ", ".join(TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES + SHEET_SUFFIXES)
    raise KcspError(
        f"unknown report format {suffix or '(no suffix)'!r}; known: {known}", source=name
    )


def decode_text(data: bytes, source: str, html: bool = False) -> str:
    """Text of ``data``: UTF-8 by rule, UTF-16 by its byte-order mark.

    A web page (``html``) may also declare its charset (``<meta charset=...>`` or the
    http-equiv form), which is honoured; a byte-order mark wins over a declaration.
    :class:`KcspError` for empty, binary or undecodable input.
    """
    if not data.strip():
        raise KcspError("empty document: no text to extract", source=source)
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "")
    if not encoding and html:
        encoding = _declared_charset(data[:4096], source)
    if encoding.startswith("utf-16"):
        return _decoded(data, encoding, source)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise KcspError(
            "binary data (NUL byte) where text was expected",
            source=source,
            locator=locators.line(line),
        )
    return _decoded(data, encoding or "utf-8-sig", source)


def _declared_charset(head: bytes, source: str) -> str:
    match = _DECLARED_CHARSET.search(head)
    if not match:
        return ""
    name = match[1].decode("ascii", "replace")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise KcspError(f"the page declares an unknown charset {name!r}", source=source) from None
    return "utf-8-sig" if codec == "utf-8" else codec


def _decoded(data: bytes, encoding: str, source: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        label = "UTF-8" if encoding == "utf-8-sig" else encoding
        raise KcspError(
            f"not {label} text: byte 0x{data[exc.start]:02x} cannot be decoded; "
            "save the file as UTF-8",
            source=source,
            locator=locators.line(line),
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise KcspError(
            "binary data (NUL byte) where text was expected",
            source=source,
            locator=locators.line(line),
        )
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def text_to_lines(text: str, source: str) -> tuple[Line, ...]:
    """Lines of a text document, numbered from 1, trailing spaces removed."""
    # The locator is spelled out (``locators.line``) for speed: a report has thousands.
    lines = tuple(Line(t.rstrip(), f"line {n}") for n, t in enumerate(text.split("\n"), 1))
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
