"""The timeline plot: a date axis, one lane per row of marks, labels where they fit."""

from __future__ import annotations

import bisect
import html
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.core.event import format_span
from timeline_app.core.workspace import Workspace
from timeline_app.gui.listening import Listening
from timeline_app.gui.timeline_axis import DateAxis, DateGridItem
from timeline_app.gui.timeline_layout import (
    AFTER,
    BEFORE,
    DAY,
    DAY_SECONDS,
    MARK_NAMES,
    PERIOD,
    RANGE,
    TimelineLayout,
    build_layout,
    seconds,
)

#: Colours of the marks (light theme, readable in print).
COLORS = {
    DAY: "#1f5fa8",
    PERIOD: "#8fb8e8",
    RANGE: "#e08a1e",
    BEFORE: "#7b4fa0",
    AFTER: "#2f8f5b",
}
SELECTED = "#d62728"
LANE_HALF_HEIGHT = 0.32


class SpanItem(pg.GraphicsObject):
    """All bars of the timeline in one item, in data coordinates.

    Zoomed in, only the bars in view are drawn; zoomed far out, a cached picture of them all is
    replayed (cheaper than building thousands of rectangles at each repaint).
    """

    #: above this many bars in view, replay the cached picture instead of drawing the visible ones
    PICTURE_FROM = 1500

    def __init__(self) -> None:
        super().__init__()
        self._picture = QtGui.QPicture()
        self._rect = QtCore.QRectF()
        self._groups: list[tuple[QtGui.QPen, QtGui.QBrush, np.ndarray, np.ndarray, np.ndarray, float]] = []

    def set_layout(self, layout: TimelineLayout) -> None:
        self.prepareGeometryChange()
        picture = QtGui.QPicture()
        painter = QtGui.QPainter(picture)
        marks = np.asarray(layout.marks)
        self._groups = []
        for mark in (PERIOD, RANGE, BEFORE, AFTER):
            color = QtGui.QColor(COLORS[mark])
            pen = QtGui.QPen(color.darker(130) if mark == PERIOD else color)
            pen.setCosmetic(True)
            pen.setWidthF(1.0)
            fill = QtGui.QColor(color)
            fill.setAlpha(110 if mark == PERIOD else 230)
            brush = QtGui.QBrush(fill)
            half = LANE_HALF_HEIGHT if mark in (PERIOD, RANGE) else 0.06
            which = np.nonzero(marks == mark)[0] if len(marks) else np.zeros(0, dtype=int)
            x0, x1 = layout.x0[which].astype(float), layout.x1[which].astype(float)
            y = -layout.lane[which].astype(float)
            self._groups.append((pen, brush, x0, x1, y, half))
            painter.setPen(pen)
            painter.setBrush(brush)
            painter.drawRects([QtCore.QRectF(a, c - half, b - a, 2 * half) for a, b, c in zip(x0, x1, y)])
        painter.end()
        self._picture = picture
        lo, hi = layout.extent
        self._rect = QtCore.QRectF(lo, -layout.lanes - 1, max(hi - lo, 1.0), layout.lanes + 2)
        self.update()

    def paint(self, painter: QtGui.QPainter, *args: object) -> None:
        view = self.viewRect()
        if view is None:
            painter.drawPicture(0, 0, self._picture)
            return
        left, right, top, bottom = view.left(), view.right(), view.top(), view.bottom()
        visible = []
        for pen, brush, x0, x1, y, half in self._groups:
            keep = np.nonzero((x1 >= left) & (x0 <= right) & (y + half >= top) & (y - half <= bottom))[0]
            visible.append((pen, brush, keep))
        if sum(len(keep) for _, _, keep in visible) > self.PICTURE_FROM:
            painter.drawPicture(0, 0, self._picture)
            return
        for (pen, brush, keep), (_, _, x0, x1, y, half) in zip(visible, self._groups):
            if len(keep):
                painter.setPen(pen)
                painter.setBrush(brush)
                painter.drawRects([QtCore.QRectF(x0[k], y[k] - half, x1[k] - x0[k], 2 * half) for k in keep])

    def boundingRect(self) -> QtCore.QRectF:  # noqa: N802 - Qt override
        return self._rect


class QtTimelineView(Listening, pg.PlotWidget):
    """The timeline of a :class:`Workspace`: click to select, hover for the full title.

    Keys: arrows pan, +/- zoom, Home or F fits everything.
    """

    MAX_LABELS = 250

    def __init__(self, workspace: Workspace, parent: QtWidgets.QWidget | None = None, *,
                 title: str | None = None, legend: bool = False, scale: float = 1.0, picture: bool = False) -> None:
        """``scale`` enlarges text and marks alike (pictures drawn at briefing size use it);
        ``picture``: drawn for export, every label dated and no selection shown."""
        font_size = 9.0 * scale
        axis = DateAxis(orientation="bottom", utcOffset=0)
        super().__init__(parent=parent, axisItems={"bottom": axis}, background="w")
        self.workspace = workspace
        self.picture = picture
        self.layout_data = TimelineLayout()
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        plot = self.getPlotItem()
        plot.hideAxis("left")
        self._grid = DateGridItem(axis)
        plot.addItem(self._grid, ignoreBounds=True)
        plot.setMenuEnabled(False)
        plot.getViewBox().setMenuEnabled(False)  # our own menu: edits of the event under the mouse
        plot.hideButtons()
        # the wheel and a drag move in time only: the lanes stay where they are
        plot.getViewBox().setMouseEnabled(x=True, y=False)
        ax = plot.getAxis("bottom")
        ax.setPen(pg.mkPen("#333333", width=scale))
        ax.setTextPen(pg.mkPen("#222222"))
        tick_font = QtGui.QFont()
        tick_font.setPointSizeF(9.0 * scale)
        ax.setStyle(tickFont=tick_font, tickLength=int(-6 * scale), tickTextOffset=int(4 * scale))
        ax.setHeight(int(28 * scale))
        if title:
            plot.setTitle(title, color="#111111", size=f"{14 * scale:g}pt")
            row_height = int(40 * scale)  # pyqtgraph fixes the title row at 30 px, too small for larger text
            plot.titleLabel.setMaximumHeight(row_height)
            plot.layout.setRowFixedHeight(0, row_height)
        self._spans = SpanItem()
        self._points = pg.ScatterPlotItem(size=9 * scale, pen=pg.mkPen("#ffffff", width=scale),
                                          brush=pg.mkBrush(COLORS[DAY]))
        self._heads = pg.ScatterPlotItem(size=11 * scale, pen=None)
        self._selection = QtWidgets.QGraphicsRectItem()
        pen = QtGui.QPen(QtGui.QColor(SELECTED))
        pen.setCosmetic(True)
        pen.setWidthF(2.5)
        self._selection.setPen(pen)
        self._selection.setBrush(QtGui.QBrush(QtCore.Qt.BrushStyle.NoBrush))
        self._selection.setZValue(20)
        self._selection.hide()
        self._ring = pg.ScatterPlotItem(size=17 * scale, pen=pg.mkPen(SELECTED, width=2.5 * scale), brush=None)
        self._ring.setZValue(21)
        for item in (self._spans, self._points, self._heads, self._ring):
            plot.addItem(item)
        plot.addItem(self._selection)
        self._labels: list[pg.TextItem] = []
        self._shown: dict[int, tuple[pg.TextItem, str]] = {}  # labelled event -> its label and text
        self._font = QtGui.QFont()
        self._font.setPointSizeF(font_size)
        self._scale = scale
        self._metrics = QtGui.QFontMetricsF(self._font)
        if legend:
            self._add_legend(f"{font_size:g}pt", scale)
        self._label_timer = QtCore.QTimer(self)
        self._label_timer.setSingleShot(True)
        self._label_timer.setInterval(25)
        self._label_timer.timeout.connect(self.update_labels)
        plot.getViewBox().sigRangeChanged.connect(self._labels_soon)  # methods, not lambdas: a lambda
        plot.getViewBox().sigResized.connect(self._labels_soon)  # holding self keeps the view forever
        self.scene().sigMouseMoved.connect(self._hover)
        self.scene().sigMouseClicked.connect(self._clicked)
        self.listen(workspace.timeline_changed, self.refresh)
        self.listen(workspace.selection_changed, self._show_selection)
        self.refresh()

    # -- model -> view ------------------------------------------------------------------------

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._label_timer.stop()
        super().closeEvent(event)

    def refresh(self) -> None:
        """Lay the workspace's events out again and draw them."""
        layout = build_layout(self.workspace.timeline.events, dated=self.picture)
        self.layout_data = layout
        self._spans.set_layout(layout)
        self._grid.set_extent(*layout.extent, layout.lanes)
        days = [i for i, m in enumerate(layout.marks) if m == DAY]
        self._points.setData(x=layout.x0[days], y=-layout.lane[days].astype(float), data=days)
        heads_x, heads_y, symbols, brushes = [], [], [], []
        for i, m in enumerate(layout.marks):
            if m == BEFORE:
                heads_x.append(layout.x0[i])
                heads_y.append(-float(layout.lane[i]))
                symbols.append("t3")
                brushes.append(pg.mkBrush(COLORS[BEFORE]))
            elif m == AFTER:
                heads_x.append(layout.x1[i])
                heads_y.append(-float(layout.lane[i]))
                symbols.append("t2")
                brushes.append(pg.mkBrush(COLORS[AFTER]))
        self._heads.setData(x=heads_x, y=heads_y, symbol=symbols, brush=brushes)
        self.fit_all()
        self._show_selection(self.workspace.selected)

    def fit_all(self) -> None:
        lo, hi = self.layout_data.extent
        pad = max((hi - lo) * 0.03, 5 * DAY_SECONDS)
        right = min(max(hi, self.layout_data.reach), hi + (hi - lo) * 0.5) + pad
        lanes = max(self.layout_data.lanes, 1)
        self.getPlotItem().getViewBox().setRange(xRange=(lo - pad, right), yRange=(-lanes + 0.4, 0.8), padding=0)
        self.update_labels()

    def set_x_range(self, lo: date, hi: date) -> None:
        self.getPlotItem().getViewBox().setXRange(seconds(lo), seconds(hi), padding=0)

    def _show_selection(self, event_id: object) -> None:
        if self.picture:  # an exported picture never shows what happened to be selected
            event_id = None
        layout = self.layout_data
        i = layout.index_of(event_id) if isinstance(event_id, str) else None
        self._selection.hide()
        self._ring.setData([], [])
        if i is None:
            return
        vb = self.getPlotItem().getViewBox()
        (xa, xb), _ = vb.viewRange()
        x0, x1 = layout.x0[i], layout.x1[i]
        y = -float(layout.lane[i])
        if layout.marks[i] == DAY:
            self._ring.setData([x0], [y])
        else:
            self._selection.setRect(QtCore.QRectF(x0, y - 0.45, x1 - x0, 0.9))
            self._selection.show()
        if x1 < xa or x0 > xb:  # bring it into view, keeping the zoom
            half = (xb - xa) / 2
            vb.setXRange((x0 + x1) / 2 - half, (x0 + x1) / 2 + half, padding=0)

    # -- labels -------------------------------------------------------------------------------

    def _labels_soon(self, *_: object) -> None:
        self._label_timer.start()

    def update_labels(self) -> None:
        """Label the visible events whose titles fit before the next mark in their lane."""
        if getattr(self, "closed", False):
            return
        layout = self.layout_data
        vb = self.getPlotItem().getViewBox()
        (xa, xb), (ya, yb) = vb.viewRange()
        # never more room than the visible part of the view (a wide layout can overhang it)
        visible = self.viewport().width() - vb.sceneBoundingRect().left()
        width_px = max(min(vb.width(), visible), 1.0)
        height_px = max(vb.height(), 1.0)
        x_per_px = (xb - xa) / width_px
        lane_px = height_px / max(yb - ya, 1e-9)
        wanted: list[tuple[int, str, float, float]] = []  # event, text, x, y
        # Where lanes are closer than a line of text, label every k-th lane only.
        every = max(1, int(np.ceil(self._metrics.height() / max(lane_px, 1e-9))))
        if every <= 4 and layout.lanes:
            first_lane = max(0, int(np.floor(-yb)))
            last_lane = min(layout.lanes - 1, int(np.ceil(-ya)))
            for lane in range(first_lane, last_lane + 1):
                if lane % every:
                    continue
                idx, xs = layout.by_lane[lane], layout.lane_x0[lane]
                j = max(0, bisect.bisect_left(xs, xa) - 1)
                while j < len(idx) and len(wanted) < self.MAX_LABELS:
                    i = idx[j]
                    if layout.x0[i] > xb:
                        break
                    j += 1
                    if layout.x1[i] < xa:
                        continue
                    mark = layout.marks[i]
                    # labels of arrows follow their closed end; others start at the mark
                    start = max(layout.x1[i] if mark == BEFORE else layout.x0[i], xa)
                    gap = (8 if mark in (DAY, BEFORE) else 4) * self._scale
                    left_px = (start - xa) / x_per_px + gap
                    next_px = (layout.x0[idx[j]] - xa) / x_per_px if j < len(idx) else width_px
                    room = min(next_px, width_px) - left_px - 6 * self._scale
                    if room < 60 * self._scale:
                        continue
                    title = layout.titles[i]
                    if self._metrics.horizontalAdvance(title) > room:
                        title = self._metrics.elidedText(title, QtCore.Qt.TextElideMode.ElideRight, room)
                    wanted.append((i, title, start + gap * x_per_px, -float(layout.lane[i])))
        # An event still labelled with the same text keeps its label: setting text is the costly part.
        previous, self._shown = self._shown, {}
        keep = {i for i, title, _, _ in wanted if previous.get(i, (None, None))[1] == title}
        free = list(dict.fromkeys([item for i, (item, _) in previous.items() if i not in keep]
                                  + [item for item in self._labels if not item.isVisible()]))
        for i, title, x, y in wanted:
            if i in keep:
                item = previous[i][0]
            else:
                item = free.pop() if free else self._new_label()
                item.setText(title)
            item.setPos(x, y)
            item.show()
            self._shown[i] = (item, title)
        for item in free:
            item.hide()

    def _new_label(self) -> pg.TextItem:
        item = pg.TextItem(color="#111111", anchor=(0, 0.5))
        item.setFont(self._font)
        item.textItem.document().setDocumentMargin(0)  # boxes as tall as the text, for packing
        item.setZValue(10)
        self.getPlotItem().addItem(item, ignoreBounds=True)
        self._labels.append(item)
        return item

    def visible_labels(self) -> list[str]:
        return [lab.toPlainText() for lab in self._labels if lab.isVisible()]

    # -- interaction --------------------------------------------------------------------------

    def event_at_scene(self, pos: QtCore.QPointF) -> str | None:
        """The event whose mark or label is at ``pos`` (scene coordinates)."""
        vb = self.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(pos):
            return None
        for i, (item, _) in self._shown.items():
            if item.isVisible() and item.sceneBoundingRect().contains(pos):
                return self.layout_data.ids[i]
        p = vb.mapSceneToView(pos)
        (xa, xb), _ = vb.viewRange()
        tolerance = 7 * (xb - xa) / max(vb.width(), 1.0)
        lane = int(round(-p.y()))
        if abs(-p.y() - lane) > 0.45:
            return None
        i = self.layout_data.hit(p.x(), lane, tolerance)
        return None if i is None else self.layout_data.ids[i]

    def _hover(self, pos: QtCore.QPointF) -> None:
        text = self.tooltip_at(pos)
        if text is None:
            QtWidgets.QToolTip.hideText()
            return
        QtWidgets.QToolTip.showText(QtGui.QCursor.pos(), text, self)

    def tooltip_at(self, pos: QtCore.QPointF) -> str | None:
        """What the tooltip says over the event at ``pos`` (scene coordinates), if any."""
        event = self.workspace.event(self.event_at_scene(pos))
        if event is None:
            return None
        sources = ", ".join(event.documents)
        return (f"<b>{html.escape(event.title)}</b><br>{html.escape(format_span(event.start, event.end))} "
                f"— “{html.escape(event.date_text)}”<br><i>{html.escape(sources)}</i>")

    def viewportEvent(self, event: QtCore.QEvent) -> bool:  # noqa: N802 - Qt override
        # Qt's own tooltip event would hide ours a moment after the pointer stops: over an event,
        # it shows ours again instead, so the tooltip stays while the pointer is on the mark
        if event.type() == QtCore.QEvent.Type.ToolTip:
            text = self.tooltip_at(self.mapToScene(event.pos()))  # type: ignore[attr-defined]
            if text is not None:
                QtWidgets.QToolTip.showText(event.globalPos(), text, self)  # type: ignore[attr-defined]
                return True
        return super().viewportEvent(event)

    def _clicked(self, ev: object) -> None:
        if ev.button() != QtCore.Qt.MouseButton.LeftButton or ev.double():  # type: ignore[attr-defined]
            return
        self.workspace.select(self.event_at_scene(ev.scenePos()))  # type: ignore[attr-defined]

    def contextMenuEvent(self, event: QtGui.QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        from timeline_app.gui.qt_actions import fill_event_menu

        found = self.workspace.event(self.event_at_scene(self.mapToScene(event.pos())))
        menu = QtWidgets.QMenu(self)
        if found is not None:
            self.workspace.select(found.id)
            fill_event_menu(menu, self.workspace, [found], self)
            menu.addSeparator()
        menu.addAction("Fit All", self.fit_all)
        menu.exec(event.globalPos())

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:  # noqa: N802 - Qt override
        vb = self.getPlotItem().getViewBox()
        (xa, xb), _ = vb.viewRange()
        step = (xb - xa) * 0.15
        key = event.key()
        Key = QtCore.Qt.Key
        if key == Key.Key_Left:
            vb.setXRange(xa - step, xb - step, padding=0)
        elif key == Key.Key_Right:
            vb.setXRange(xa + step, xb + step, padding=0)
        elif key in (Key.Key_Plus, Key.Key_Equal):
            vb.scaleBy(x=0.7, y=1)
        elif key == Key.Key_Minus:
            vb.scaleBy(x=1 / 0.7, y=1)
        elif key in (Key.Key_Home, Key.Key_F):
            self.fit_all()
        else:
            super().keyPressEvent(event)

    def _add_legend(self, size: str, scale: float) -> None:
        """A one-row legend under the date axis, outside the area of the marks."""
        plot = self.getPlotItem()
        legend = pg.LegendItem(colCount=len(MARK_NAMES), labelTextColor="#111111", labelTextSize=size,
                               horSpacing=int(20 * scale))
        plot.layout.addItem(legend, 4, 1)
        self._legend = legend
        symbols = {DAY: "o", PERIOD: "s", RANGE: "s", BEFORE: "t3", AFTER: "t2"}
        for mark, name in MARK_NAMES.items():
            sample = pg.ScatterPlotItem(symbol=symbols[mark], size=11 * scale, brush=pg.mkBrush(COLORS[mark]),
                                        pen=pg.mkPen(QtGui.QColor(COLORS[mark]).darker(130)))
            legend.addItem(sample, name)
        self._fit_legend()

    def _fit_legend(self) -> None:
        """As many legend columns as the width allows: a wide legend would widen the plot past the view."""
        legend = getattr(self, "_legend", None)
        if legend is None:
            return
        widths = [item.boundingRect().width() + sample.boundingRect().width() + legend.layout.horizontalSpacing()
                  for sample, item in legend.items]
        available = self.width() - 40
        columns = len(widths)
        # items fill rows left to right, so column c holds items c, c + columns, ...
        while columns > 1 and sum(max(widths[c::columns]) for c in range(columns)) > available:
            columns -= 1
        if columns != legend.columnCount:
            legend.setColumnCount(columns)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802 - Qt override
        # pyqtgraph's close() clears the scene, then detaches the viewport (a resize): items are gone by then
        if not getattr(self, "closed", False):
            self._fit_legend()
        super().resizeEvent(event)
