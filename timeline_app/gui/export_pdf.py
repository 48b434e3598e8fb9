"""The briefing as a vector PDF (Qt's PDF writer): key-dates pages, the events as a table, the
sources. Text stays text: selectable and searchable. A4 landscape, or Letter.

The same briefing record as the slides (core/briefing.py): marks say how certain each date is, labels
carry the date as a reader says it, badges the sources, footnote numbers point to the list.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6 import QtCore, QtGui

from timeline_app.core.briefing import BAR, BY, DOT, FROM, BriefEvent, Briefing, briefing
from timeline_app.core.files import write_file
from timeline_app.core.slides import (
    MAX_EVENTS,
    MAX_HEADLINE,
    MAX_TITLE,
    PER_SLIDE,
    SlidesError,
    chunks,
    cited_lines,
    cut,
    footnote_list,
    key_dates_heading,
    lanes,
    span,
    ticks,
)
from timeline_app.core.workspace import Workspace

INK, MUTED, ACCENT, LIGHT, WARN = "#1F2933", "#52606D", "#1F6FB2", "#BFD7EA", "#B44D12"
#: Page size in points (1/72 inch), landscape, and the margin.
PAGES = {"a4": (842, 595), "letter": (792, 612)}
MARGIN = 42


def write_pdf(workspace: Workspace, path: str | os.PathLike[str], *, title: str | None = None,
              only: str = "key", paper: str = "a4") -> Path:
    """Write the workspace's briefing as a PDF to ``path`` (whole or not at all). Needs a QApplication."""
    b = briefing(workspace.timeline, cut(title or "", MAX_TITLE), only)
    if not b.events:
        raise SlidesError(f"no events to present (--only {only}): star some, or choose --only all")
    if len(b.events) > MAX_EVENTS:
        raise SlidesError(f"{len(b.events)} events are too many for a briefing (at most {MAX_EVENTS}): "
                          "choose --only key or --only starred")
    data = pdf_bytes(b, paper)
    target = Path(path)
    write_file(target, data, check=_whole_pdf)
    return target


def _whole_pdf(written: Path, data: bytes) -> None:
    with open(written, "rb") as f:
        head = f.read(5)
        f.seek(max(os.path.getsize(written) - 1024, 0))
        tail = f.read()
    if head != b"%PDF-" or b"%%EOF" not in tail:
        raise OSError(0, "the PDF written is not whole; the previous file was kept")


def pdf_bytes(b: Briefing, paper: str = "a4") -> bytes:
    """The PDF bytes of a briefing."""
    width, height = PAGES[paper]
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    writer = QtGui.QPdfWriter(buffer)
    writer.setResolution(72)
    size = QtGui.QPageSize(QtCore.QSizeF(width, height), QtGui.QPageSize.Unit.Point, "briefing")
    writer.setPageLayout(QtGui.QPageLayout(size, QtGui.QPageLayout.Orientation.Portrait, QtCore.QMarginsF(0, 0, 0, 0)))
    writer.setTitle(b.title)
    writer.setCreator("timeline-app")
    painter = QtGui.QPainter(writer)
    try:
        page = _Pages(painter, writer, width, height)
        _title_page(page, b)
        groups = chunks(b.events, PER_SLIDE)
        for i, group in enumerate(groups, 1):
            page.new()
            _key_dates_page(page, b, group, i, len(groups))
        _table_pages(page, b)
        _sources_pages(page, b)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data())


class _Pages:
    """A painter that knows its page size and starts new pages."""

    def __init__(self, painter: QtGui.QPainter, writer: QtGui.QPdfWriter, width: float, height: float) -> None:
        self.painter, self.writer, self.width, self.height = painter, writer, width, height
        self.first = True

    def new(self) -> None:
        if not self.first:
            self.writer.newPage()
        self.first = False

    def text(self, rect: QtCore.QRectF, text: str, size: float, colour: str = INK, bold: bool = False,
             flags: QtCore.Qt.AlignmentFlag | int = QtCore.Qt.AlignmentFlag.AlignLeft) -> float:
        """Draw wrapped text in ``rect``; return the height it took."""
        font = QtGui.QFont()
        font.setPointSizeF(size)
        font.setBold(bold)
        self.painter.setFont(font)
        self.painter.setPen(QtGui.QColor(colour))
        wrap = int(flags) | int(QtCore.Qt.TextFlag.TextWordWrap)
        used = self.painter.boundingRect(rect, wrap, text)
        self.painter.drawText(rect, wrap, text)
        return min(used.height(), rect.height())

    def heading(self, text: str, subtitle: str = "") -> float:
        y = MARGIN
        y += self.text(QtCore.QRectF(MARGIN, y, self.width - 2 * MARGIN, 40), text, 20, INK, True) + 4
        if subtitle:
            y += self.text(QtCore.QRectF(MARGIN, y, self.width - 2 * MARGIN, 30), subtitle, 12, MUTED) + 4
        return y + 10


def _title_page(page: _Pages, b: Briefing) -> None:
    page.new()
    w = page.width - 2 * MARGIN
    page.text(QtCore.QRectF(MARGIN, page.height * 0.3, w, 90), b.title, 30, INK, True,
              QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignBottom)
    what = {"key": "Key events", "starred": "Starred events", "all": "All events"}[b.only]
    page.text(QtCore.QRectF(MARGIN, page.height * 0.3 + 100, w, 60),
              f"{b.subtitle}\n{what}: {len(b.events)} · sources cited: {len(b.sources)}", 14, MUTED)
    page.text(QtCore.QRectF(MARGIN, page.height - MARGIN - 40, w, 40),
              "Marks: a dot is a day; a light span a month, season or year; a bar a range; an arrow an open bound "
              "(\"by 2030\", \"since 2022\"). Hollow: one source alone. ⚠: the sources disagree.", 10, MUTED)


def _key_dates_page(page: _Pages, b: Briefing, events: Sequence[BriefEvent], n: int, of: int) -> None:
    p = page.painter
    page.heading(key_dates_heading(events, n, of))
    lo, hi = span(events)
    left, width, axis_y = MARGIN + 10, page.width - 2 * MARGIN - 20, 160.0
    rows = lanes(events, lo, hi)

    def x(d: date) -> float:
        return left + width * (d - lo).days / max((hi - lo).days, 1)

    p.setPen(QtGui.QPen(QtGui.QColor(MUTED), 1.2))
    p.drawLine(QtCore.QPointF(left, axis_y), QtCore.QPointF(left + width, axis_y))
    for d, label in ticks(lo, hi):
        page.text(QtCore.QRectF(x(d) - 40, axis_y + 8, 80, 16), label, 9, MUTED,
                  flags=QtCore.Qt.AlignmentFlag.AlignHCenter)
    column = width / len(events)
    for i, e in enumerate(events):
        colour = QtGui.QColor(WARN if e.conflicts else ACCENT)
        x0, x1 = x(e.start or lo), x(e.end or hi)
        y_mark = axis_y - 20 - 20 * rows[i]  # each mark on its own row where marks overlap
        if e.shape == BY:
            x0 = left
        elif e.shape == FROM:
            x1 = left + width
        p.setPen(QtGui.QPen(colour, 1.6))
        fill = QtGui.QColor(LIGHT if e.shape not in (DOT, BAR) else colour)
        p.setBrush(QtCore.Qt.BrushStyle.NoBrush if e.single_source else QtGui.QBrush(fill))
        if e.shape == DOT:
            p.drawEllipse(QtCore.QPointF(x0, y_mark), 6, 6)
        elif e.shape in (BY, FROM):
            body = QtCore.QRectF(x0, y_mark - 4, max(x1 - x0 - 8, 2), 8)
            p.drawRect(body)
            head = QtGui.QPolygonF([QtCore.QPointF(x1 - 9, y_mark - 8), QtCore.QPointF(x1, y_mark),
                                    QtCore.QPointF(x1 - 9, y_mark + 8)])
            p.drawPolygon(head)
        else:
            h = 8 if e.shape == BAR else 12
            p.drawRect(QtCore.QRectF(x0, y_mark - h / 2, max(x1 - x0, 3), h))
        label_x = left + i * column
        p.setPen(QtGui.QPen(QtGui.QColor(LIGHT), 1))
        p.drawLine(QtCore.QPointF(min(max((x0 + x1) / 2, left), left + width), y_mark + 7),
                   QtCore.QPointF(label_x + column / 2, 205))
        y = 210.0
        rect_w = column - 12
        y += page.text(QtCore.QRectF(label_x + 4, y, rect_w, 40), e.when, 13, colour.name(), True) + 3
        y += page.text(QtCore.QRectF(label_x + 4, y, rect_w, 110), cut(e.headline, MAX_HEADLINE), 11.5) + 4
        notes = footnote_list(e.footnotes)
        y += page.text(QtCore.QRectF(label_x + 4, y, rect_w, 40), f"{e.badge}  [{notes}]", 9.5, MUTED) + 3
        if e.conflicts:
            page.text(QtCore.QRectF(label_x + 4, y, rect_w, 60),
                      f"⚠ sources disagree: {cut('; '.join(e.conflicts), 80)}", 9.5, WARN)
    shown = cited_lines(b, events)
    page.text(QtCore.QRectF(MARGIN, page.height - MARGIN - 50, page.width - 2 * MARGIN, 50),
              "Sources: " + "   ".join(shown), 9, MUTED, flags=QtCore.Qt.AlignmentFlag.AlignBottom)


def _table_pages(page: _Pages, b: Briefing) -> None:
    widths = (0.22, 0.48, 0.15, 0.15)
    full = page.width - 2 * MARGIN
    header = ("Date (as written)", "Event", "Sources (independent)", "Sources disagree on")
    rows = [(f"{e.when}\n“{cut(e.written, 40)}” · {e.value}", e.headline,
             f"{e.sources} ({e.independent}) [{footnote_list(e.footnotes, 5)}]",
             "; ".join(e.conflicts) or "—") for e in b.events]
    y = page.height
    for row in rows:
        heights = []
        for value, w in zip(row, widths):
            font = QtGui.QFont()
            font.setPointSizeF(10)
            metrics = QtGui.QFontMetricsF(font)
            heights.append(metrics.boundingRect(QtCore.QRectF(0, 0, full * w - 8, 1000),
                                                int(QtCore.Qt.TextFlag.TextWordWrap), value).height())
        h = max(heights) + 8
        if y + h > page.height - MARGIN:
            page.new()
            y = page.heading("The events")
            x, tallest = MARGIN, 0.0
            for value, w in zip(header, widths):
                tallest = max(tallest, page.text(QtCore.QRectF(x, y, full * w - 8, 30), value, 10, INK, True))
                x += full * w
            y += tallest + 3
            page.painter.setPen(QtGui.QPen(QtGui.QColor(MUTED), 0.8))
            page.painter.drawLine(QtCore.QPointF(MARGIN, y), QtCore.QPointF(MARGIN + full, y))
            y += 4
        x = MARGIN
        for c, (value, w) in enumerate(zip(row, widths)):
            page.text(QtCore.QRectF(x, y, full * w - 8, h), value, 10, WARN if c == 3 and value != "—" else INK)
            x += full * w
        y += h
        page.painter.setPen(QtGui.QPen(QtGui.QColor(LIGHT), 0.6))
        page.painter.drawLine(QtCore.QPointF(MARGIN, y - 3), QtCore.QPointF(MARGIN + full, y - 3))


def _sources_pages(page: _Pages, b: Briefing) -> None:
    y = page.height
    for s in b.sources:
        if y + 18 > page.height - MARGIN:
            page.new()
            y = page.heading("Sources")
        y += page.text(QtCore.QRectF(MARGIN, y, page.width - 2 * MARGIN, 36), f"[{s.number}] {cut(s.citation, 150)}",
                       10.5) + 4
