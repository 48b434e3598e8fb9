"""The timeline as a picture for briefings: PNG (at least 2400 px wide) or SVG, light background."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6 import QtCore, QtWidgets

from timeline_app.core.workspace import Workspace

MIN_WIDTH = 2400


def default_title(workspace: Workspace) -> str:
    n_events = len([e for e in workspace.timeline.events if e.start or e.end])
    n_articles = len(workspace.articles)
    return f"Timeline — {n_events} events from {n_articles} article{'s' if n_articles != 1 else ''}"


def render_image(workspace: Workspace, path: str | os.PathLike[str], *, width: int = MIN_WIDTH,
                 title: str | None = None, x_range: tuple[date, date] | None = None,
                 view_range: tuple[tuple[float, float], tuple[float, float]] | None = None) -> Path:
    """Write the timeline to ``path`` (.png or .svg): the whole of it, an x range, or a view range.

    The file is written beside its target and renamed into place, so a failure leaves any previous
    file as it was. Needs a QApplication (offscreen is fine).
    """
    from timeline_app.gui.qt_timeline import QtTimelineView

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValueError(f"unsupported image type {suffix or '(none)'}: use .png or .svg")
    width = max(int(width), MIN_WIDTH)
    title = title or default_title(workspace)
    scale = width / 1600
    view = QtTimelineView(workspace, title=title, legend=True, scale=scale)
    try:
        view.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        lanes = max(view.layout_data.lanes, 1)
        view.resize(width, int(min(max(lanes * 24 + 190, 620), 3200) * scale))
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
        tmp = target.with_name(f".{target.stem}.tmp{suffix}")
        try:
            if suffix == ".png":
                _render_png(view, tmp)
            else:
                _render_svg(view, tmp, title)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    finally:
        view.close()
        view.deleteLater()
    return target


def _render_svg(view: QtWidgets.QWidget, path: Path, title: str) -> None:
    """SVG through Qt's own generator (pyqtgraph's SVG exporter cannot read what Qt 6.8+ writes)."""
    from PySide6 import QtGui, QtSvg

    generator = QtSvg.QSvgGenerator()
    generator.setFileName(str(path))
    size = view.size()
    generator.setSize(size)
    generator.setViewBox(QtCore.QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("Timeline exported by timeline-app")
    painter = QtGui.QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write the image {path}")
    try:
        painter.fillRect(QtCore.QRect(0, 0, size.width(), size.height()), QtGui.QColor("white"))
        view.render(painter)
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"could not write the image {path}")


def _render_png(view: QtWidgets.QWidget, path: Path) -> None:
    """Paint the view, laid out at full size, into an image (no scaling of a smaller rendering)."""
    from PySide6 import QtGui

    image = QtGui.QImage(view.size(), QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor("white"))
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
    try:
        view.render(painter)
    finally:
        painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write the image {path}")
