"""The timeline's date axis and its grid: ticks and lines only where they can be read."""

from __future__ import annotations

from datetime import UTC, datetime

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from timeline_app.gui.timeline_layout import grid_lines


class DateAxis(pg.DateAxisItem):
    """Dates under the timeline; a month named alone says its year where the year begins and on the
    first tick, so that a picture of a few months still says which year it shows."""

    #: a level of ticks closer than this (pixels) is not drawn: 188 month ticks across 17 years were
    #: each labelled, measured and dropped at every pan step (most of its cost), and read as a smear
    MIN_TICK_SPACING = 12.0

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802, N803
        levels = super().tickValues(minVal, maxVal, size)
        kept = [(spacing, values) for spacing, values in levels if len(values) * self.MIN_TICK_SPACING <= size]
        return kept or levels[:1]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        strings = super().tickStrings(values, scale, spacing)
        out, first = [], True
        for value, text in zip(values, strings):
            if text and text.isalpha():  # "Mar": a month without its year
                try:
                    when = datetime.fromtimestamp(value, UTC)
                except (OverflowError, OSError, ValueError):
                    when = None
                if when is not None and (first or when.month == 1):
                    text = f"{text} {when.year}"
                first = False
            out.append(text)
        return out


class DateGridItem(pg.GraphicsObject):
    """Vertical lines at whole days, weeks, months or years, drawn only across the part in view.

    pyqtgraph's own grid redraws the whole axis picture at every pan step, which was most of the
    cost of panning a large timeline.
    """

    #: how far beyond the events the grid reaches (seconds; about a century)
    MARGIN = 100 * 365.25 * 86400

    def __init__(self, axis: pg.AxisItem) -> None:
        super().__init__()
        self._axis = axis
        self._pen = QtGui.QPen(QtGui.QColor(0, 0, 0, 32))
        self._pen.setCosmetic(True)
        self._pen.setWidthF(1.0)
        self._rect = QtCore.QRectF()
        self.setZValue(-100)

    def set_extent(self, lo: float, hi: float, lanes: int) -> None:
        self.prepareGeometryChange()
        self._rect = QtCore.QRectF(lo - self.MARGIN, -lanes - 1000, hi - lo + 2 * self.MARGIN, lanes + 2000)
        self.update()

    def boundingRect(self) -> QtCore.QRectF:  # noqa: N802 - Qt override
        return self._rect

    def paint(self, painter: QtGui.QPainter, *args: object) -> None:
        view = self.viewRect()
        if view is None or view.width() <= 0:
            return
        view = view.intersected(self._rect)
        xs = grid_lines(view.left(), view.right(), max(self._axis.width(), 1.0))
        if xs:
            painter.setPen(self._pen)
            top, bottom = view.top(), view.bottom()
            painter.drawLines([QtCore.QLineF(x, top, x, bottom) for x in xs])
