"""The timeline as a picture for briefings: PNG (at least 2400 px wide) or SVG, light background."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6 import QtCore, QtWidgets

from timeline_app.core.files import WriteError, write_file
from timeline_app.core.workspace import Workspace

MIN_WIDTH = 2400
#: Sizes of pictures: ``wide`` (at least 2400 px wide, as tall as the lanes need) or ``slide``
#: (1920 x 1080, type at least 18 px: legible on a projected slide).
PRESETS = ("wide", "slide")
SLIDE = (1920, 1080)


def default_title(workspace: Workspace) -> str:
    n_events = len([e for e in workspace.timeline.events if e.start or e.end])
    n_articles = len(workspace.articles)
    return f"Timeline — {n_events} events from {n_articles} article{'s' if n_articles != 1 else ''}"


def render_image(workspace: Workspace, path: str | os.PathLike[str], *, width: int = MIN_WIDTH,
                 title: str | None = None, x_range: tuple[date, date] | None = None,
                 view_range: tuple[tuple[float, float], tuple[float, float]] | None = None,
                 only: str = "all", preset: str = "wide") -> Path:
    """Write the timeline to ``path`` (.png or .svg): the whole of it, an x range, or a view range;
    all events, the key ones or the starred ones; every label dated, the sources on a last line.

    The picture is drawn in memory, written beside its target, checked (complete PNG, well-formed
    SVG) and only then renamed into place, so a failure leaves any previous file as it was. Needs a
    QApplication (offscreen is fine).
    """
    from timeline_app.gui.qt_timeline import QtTimelineView

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValueError(f"unsupported image type {suffix or '(none)'}: use .png or .svg")
    if preset not in PRESETS:
        raise ValueError(f"unknown picture size {preset!r}: use {' or '.join(PRESETS)}")
    if only != "all":
        workspace = _only(workspace, only)
    width = SLIDE[0] if preset == "slide" else max(int(width), MIN_WIDTH)
    title = title or default_title(workspace)
    scale = 2.0 if preset == "slide" else width / 1600  # 9 pt type, scaled: 24 px on a slide
    footer = sources_line(workspace)
    view = QtTimelineView(workspace, title=title, legend=True, scale=scale, picture=True)
    try:
        view.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        lanes = max(view.layout_data.lanes, 1)
        footer_px = int(30 * scale)
        height = SLIDE[1] - footer_px if preset == "slide" else int(min(max(lanes * 24 + 190, 620), 3200) * scale)
        view.resize(width, height)
        view.show()
        QtWidgets.QApplication.processEvents()
        view.fit_all()
        vb = view.getPlotItem().getViewBox()
        if view_range is not None:
            vb.setRange(xRange=view_range[0], yRange=view_range[1], padding=0)
        elif x_range is not None:
            view.set_x_range(*x_range)
        QtWidgets.QApplication.processEvents()
        view.update_labels()
        QtWidgets.QApplication.processEvents()
        if suffix == ".png":
            data, check = _render_png(view, footer, footer_px, scale), check_png
        else:
            data, check = _render_svg(view, title, footer, footer_px, scale), check_svg
    finally:
        view.close()
        view.deleteLater()
    return write_file(target, data, check)


def check_png(path: Path, data: bytes) -> None:
    """A PNG on disk that ends with its IEND chunk and decodes as an image."""
    from PySide6 import QtGui

    if not data.endswith(b"IEND\xaeB`\x82") or QtGui.QImage(str(path), "PNG").isNull():
        raise WriteError(0, f"the picture written to {path.name} is not a complete PNG; the previous file was kept")


def check_svg(path: Path, data: bytes) -> None:
    """An SVG on disk that parses as a whole XML document."""
    from xml.etree import ElementTree

    try:
        ElementTree.parse(path)
    except ElementTree.ParseError as e:
        raise WriteError(0, f"the picture written to {path.name} is not a complete SVG ({e}); "
                            "the previous file was kept") from None


def _only(workspace: Workspace, only: str) -> Workspace:
    """A workspace showing only the key (and starred) events, or only the starred ones."""
    from timeline_app.core.briefing import select

    events = select(workspace.timeline.events, only)
    if not events:
        raise ValueError(f"no events to draw (--only {only})")
    return workspace.showing(events)


def sources_line(workspace: Workspace) -> str:
    """ "Sources: <title>, <date>; ..." of the articles the drawn events cite."""
    from timeline_app.core.briefing import reader_day

    cited = {d for e in workspace.timeline.events for d in e.documents}
    names = [f"{a.title or a.name}{', ' + reader_day(a.published) if a.published else ''}"
             for a in workspace.timeline.articles if a.name in cited]
    return "Sources: " + "; ".join(names) if names else ""


def _footer(painter: object, text: str, top: int, width: int, height: int, scale: float) -> None:
    """The sources line under the timeline, elided to one line."""
    from PySide6 import QtGui

    p: QtGui.QPainter = painter  # type: ignore[assignment]
    font = QtGui.QFont()
    font.setPointSizeF(8.0 * scale)
    p.setFont(font)
    p.setPen(QtGui.QColor("#52606D"))
    margin = int(12 * scale)
    elided = QtGui.QFontMetricsF(font).elidedText(text, QtCore.Qt.TextElideMode.ElideRight, width - 2 * margin)
    p.drawText(QtCore.QRectF(margin, top, width - 2 * margin, height),
               int(QtCore.Qt.AlignmentFlag.AlignVCenter | QtCore.Qt.AlignmentFlag.AlignLeft), elided)


def _render_svg(view: QtWidgets.QWidget, title: str, footer: str = "", footer_px: int = 0,
                scale: float = 1.0) -> bytes:
    """SVG through Qt's own generator (pyqtgraph's SVG exporter cannot read what Qt 6.8+ writes),
    into memory: Qt does not report a failed file write, Python does."""
    from PySide6 import QtGui, QtSvg

    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    generator = QtSvg.QSvgGenerator()
    generator.setOutputDevice(buffer)
    size = QtCore.QSize(view.width(), view.height() + footer_px)
    generator.setSize(size)
    generator.setViewBox(QtCore.QRect(0, 0, size.width(), size.height()))
    # At the generator's default 72 dpi, items that cache their drawing at the screen's resolution
    # (the date axis) came out at 72/96 of the width while the marks filled it: the marks stood over
    # the wrong years. The view's own resolution draws everything to one scale.
    generator.setResolution(view.logicalDpiX())
    generator.setTitle(title)
    generator.setDescription("Timeline exported by timeline-app")
    painter = QtGui.QPainter()
    if not painter.begin(generator):
        raise OSError("could not draw the SVG picture")
    try:
        painter.fillRect(QtCore.QRect(0, 0, size.width(), size.height()), QtGui.QColor("white"))
        view.render(painter)
        if footer:
            _footer(painter, footer, view.height(), size.width(), footer_px, scale)
    finally:
        painter.end()
    buffer.close()
    data = bytes(buffer.data())
    if not data:
        raise OSError("could not draw the SVG picture")
    return data


def png_bytes(image: object) -> bytes:
    """A QImage encoded as PNG, in memory."""
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[attr-defined]
        raise OSError("could not encode the PNG picture")
    buffer.close()
    return bytes(buffer.data())


def save_png(image: object, path: str | os.PathLike[str]) -> Path:
    """Write a QImage as a PNG file, atomically and checked."""
    return write_file(path, png_bytes(image), check_png)


def _render_png(view: QtWidgets.QWidget, footer: str = "", footer_px: int = 0, scale: float = 1.0) -> bytes:
    """Paint the view, laid out at full size, into an image (no scaling of a smaller rendering)."""
    from PySide6 import QtGui

    image = QtGui.QImage(QtCore.QSize(view.width(), view.height() + footer_px), QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor("white"))
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
    try:
        view.render(painter)
        if footer:
            _footer(painter, footer, view.height(), image.width(), footer_px, scale)
    finally:
        painter.end()
    return png_bytes(image)
