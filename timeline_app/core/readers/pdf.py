"""PDF reports and filings: the text of each page (pypdfium2, the PDFium engine under a BSD/Apache
licence), with where each page starts so a citation can name it.

Running headers and footers (text repeated in the top or bottom band of most pages) and page
numbers are dropped; a word hyphenated at a line end is joined ("defen-" + "se"); lines wrapped inside a
paragraph stay as they are (sentences are found across them); a page of two columns is read left
column first, found by the empty gutter between them. A scanned PDF with no text layer, an
encrypted one and a damaged one are refused with the reason. The document's creation date is a
publication-date hint, weaker than a date printed on the first page.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date

from timeline_app.core.budget import check
from timeline_app.core.readers import ArticleError, Extracted, Reader, register

#: A line that is only a page number: "12", "- 12 -", "Page 3 of 10", "p. 4".
_PAGE_NUMBER = re.compile(r"\s*(?:[-–—]\s*)?(?:[^\W\d_]{1,5}\.?\s+)?\d{1,4}(?:\s*(?:/|[^\W\d_]{1,3})\s*\d{1,4})?"
                          r"(?:\s*[-–—])?\s*")
#: A word hyphenated at a line end: PDFium gives "defen- ses" or "defen-" and a new line.
_HYPHENATED = re.compile(r"([^\W\d_])-(?:\n| )([^\W\d_])")
#: D:20250506094800+02'00' (the PDF date format); the day is what counts.
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")
#: Text repeated in the top or bottom band of at least this share of the pages is running furniture.
RUNNING_SHARE = 0.5
#: The share of a page's height, at its top and at its bottom, where running headers, footers and
#: page numbers sit.
EDGE_BAND = 0.08


def read_pdf(data: bytes) -> Extracted:
    """The text of a PDF, with where each page starts in it."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        message = str(e).lower()
        if "password" in message:
            raise ArticleError("encrypted PDF: it needs a password") from None
        raise ArticleError(f"damaged PDF ({e})") from None
    try:
        pages: list[tuple[str, str, str]] = []  # each page's top band, body and bottom band
        for page in pdf:
            check()
            width, height = page.get_size()
            band = height * EDGE_BAND
            textpage = page.get_textpage()
            top, bottom = (_lines(textpage.get_text_bounded(0, lo, width, hi))
                           for lo, hi in ((height - band, height), (0, band)))
            gutter = _gutter(textpage, width, band, height - band)
            if gutter is None:
                body = _lines(textpage.get_text_bounded(0, band, width, height - band))
            else:  # two columns: the left one, then the right one, whatever order the file drew them in
                body = "\n".join(_lines(textpage.get_text_bounded(lo, band, hi, height - band))
                                 for lo, hi in ((0, gutter), (gutter, width)))
            pages.append((top, body, bottom))
            textpage.close()
            page.close()
        metadata = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    if not any(part.strip() for parts in pages for part in parts):
        raise ArticleError("scanned PDF with no text layer (no OCR here)" if pages else "PDF with no pages")
    running = _running({_shape(top) for top, _, _ in pages}, [top for top, _, _ in pages]) | \
        _running({_shape(bottom) for _, _, bottom in pages}, [bottom for _, _, bottom in pages])
    parts: list[str] = []
    starts: list[int] = []
    at = 0
    for n, (top, body, bottom) in enumerate(pages):
        kept = [edge for edge in (top,) if not _furniture(edge, running)] + [body] + \
            [edge for edge in (bottom,) if not _furniture(edge, running)]
        text = _HYPHENATED.sub(_join, "\n".join(k for k in kept if k.strip()).strip())
        starts.append(at)
        parts.append(text)
        at += len(text) + 2 * (n < len(pages) - 1)
    title = (metadata.get("Title") or "").strip()
    return Extracted("\n\n".join(parts), title, hint=_pdf_date(metadata.get("CreationDate", "")),
                     author=(metadata.get("Author") or "").strip(), pages=tuple(starts))


#: Where a gutter between two columns may lie (share of the page's width), and how wide it must be.
GUTTER_RANGE = (0.3, 0.7)
GUTTER_MIN = 0.015
#: Each column holds at least this share of the page's characters.
COLUMN_SHARE = 0.2
#: How many characters of a page are looked at to find a gutter.
GUTTER_SAMPLE = 1500


def _gutter(textpage: object, width: float, low: float, high: float) -> float | None:
    """The x of an empty vertical band between two columns of text in ``low..high``, if the page has
    two (a heading across both may cross it)."""
    count = textpage.count_chars()  # type: ignore[attr-defined]
    if count < 200:
        return None
    bins = int(width) + 2
    change = [0] * (bins + 1)  # how many characters start and stop covering each point: linear
    xs: list[float] = []
    for i in range(0, count, max(1, count // GUTTER_SAMPLE)):  # a sample is enough to see a gutter
        left, bottom, right, top = textpage.get_charbox(i)  # type: ignore[attr-defined]
        if right - left < 0.5 or top < low or bottom > high:
            continue  # spaces, and the bands of headers and footers
        xs.append((left + right) / 2)
        change[min(bins, max(0, int(left)))] += 1
        change[min(bins, max(0, int(right) + 1))] -= 1
    if not xs:
        return None
    cover = list(itertools.accumulate(change))
    allowed = max(1, len(xs) // 200)  # a heading across the columns
    best: tuple[int, int] | None = None
    start = None
    for x in range(int(GUTTER_RANGE[0] * width), int(GUTTER_RANGE[1] * width) + 1):
        if cover[x] <= allowed:
            start = x if start is None else start
            if best is None or x - start > best[1] - best[0]:
                best = (start, x)
        else:
            start = None
    if best is None or best[1] - best[0] < GUTTER_MIN * width:
        return None
    middle = (best[0] + best[1]) / 2
    left_share = sum(1 for x in xs if x < middle) / len(xs)
    return middle if COLUMN_SHARE <= left_share <= 1 - COLUMN_SHARE else None


def _lines(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def _join(m: re.Match[str]) -> str:
    return m[1] + m[2] if m[2].islower() else m[0]  # "defen- ses"; not "pro- and" before a name


def _running(shapes: set[str], edges: list[str]) -> set[str]:
    """Top or bottom texts that most pages repeat (numbers aside): running headers and footers."""
    if len(edges) < 3:
        return set()
    counts = Counter(_shape(edge) for edge in edges)
    return {shape for shape in shapes if shape and counts[shape] >= RUNNING_SHARE * len(edges)}


def _shape(text: str) -> str:
    """Text with its numbers blanked, so "Report 2025 — page 3" repeats across pages."""
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def _furniture(edge: str, running: set[str]) -> bool:
    """A running header or footer, or a page number, in a page's top or bottom band."""
    return _shape(edge) in running or (bool(edge.strip()) and _PAGE_NUMBER.fullmatch(edge.strip()) is not None)


def _pdf_date(value: str) -> date | None:
    m = _PDF_DATE.match(value.strip())
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def _sniff(head: bytes) -> bool:
    return head.lstrip()[:5] == b"%PDF-"


register(Reader("pdf", (".pdf",), read_pdf, _sniff, label="PDF documents"))
