"""The window as a researcher uses it: the timeline's mouse and tooltip, labels that select, edits of
publication dates that undo, a window that fits the screen and remembers its layout, readable
source titles, month ticks that say their year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402

import timeline_app.gui  # noqa: E402,F401
from timeline_app.core.loading import load  # noqa: E402
from timeline_app.core.workspace import Workspace  # noqa: E402
from timeline_app.gui.qt_main_window import QtMainWindow, fitted_size  # noqa: E402
from timeline_app.gui.qt_timeline import QtTimelineView  # noqa: E402

REF = date(2025, 5, 6)


@pytest.fixture
def workspace(seeds_workspace: Workspace) -> Workspace:
    return seeds_workspace


@pytest.fixture
def view(qtbot, workspace: Workspace) -> QtTimelineView:  # noqa: ANN001
    v = QtTimelineView(workspace)
    qtbot.addWidget(v)
    v.resize(1000, 500)
    v.show()
    qtbot.waitExposed(v)
    v.fit_all()
    return v


def _window(qtbot, settings_file: Path, seeds_dir: Path | None = None) -> QtMainWindow:  # noqa: ANN001
    settings = QtCore.QSettings(str(settings_file), QtCore.QSettings.Format.IniFormat)
    w = QtMainWindow(Workspace(), reference=REF, settings=settings)
    qtbot.addWidget(w)
    w.show()
    if seeds_dir is not None:
        with qtbot.waitSignal(w.sigLoaded, timeout=30000):
            w.load([str(seeds_dir)])
    return w


def test_the_wheel_zooms_time_only(qtbot, view: QtTimelineView) -> None:  # noqa: ANN001
    vb = view.getPlotItem().getViewBox()
    (xa, xb), (ya, yb) = vb.viewRange()
    center = view.mapFromScene(vb.sceneBoundingRect().center())
    for _ in range(8):
        event = QtGui.QWheelEvent(QtCore.QPointF(center), QtCore.QPointF(view.mapToGlobal(center)), QtCore.QPoint(),
                                  QtCore.QPoint(0, 120), QtCore.Qt.MouseButton.NoButton,
                                  QtCore.Qt.KeyboardModifier.NoModifier, QtCore.Qt.ScrollPhase.NoScrollPhase, False)
        QtWidgets.QApplication.sendEvent(view.viewport(), event)
    (xa2, xb2), (ya2, yb2) = vb.viewRange()
    assert xb2 - xa2 < (xb - xa) * 0.9  # zoomed in time
    assert (ya2, yb2) == pytest.approx((ya, yb))  # not in lanes
    assert vb.state["mouseEnabled"] == [True, False]


@pytest.mark.qt_log_ignore("Mouse event .* not accepted by receiving widget")
def test_a_label_selects_its_event_like_its_mark(qtbot, view: QtTimelineView, workspace: Workspace) -> None:  # noqa: ANN001
    (i, (item, title)) = next(iter(view._shown.items()))  # noqa: SLF001
    rect = item.sceneBoundingRect()
    inside = QtCore.QPointF(rect.left() + rect.width() * 0.6, rect.center().y())
    assert view.event_at_scene(inside) == view.layout_data.ids[i]
    qtbot.mouseClick(view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=view.mapFromScene(inside))
    assert workspace.selected == view.layout_data.ids[i]


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_tooltip_stays_while_the_pointer_is_on_the_mark(qtbot, view: QtTimelineView) -> None:  # noqa: ANN001
    (i, (item, _)) = next(iter(view._shown.items()))  # noqa: SLF001
    pos = view.mapFromScene(item.sceneBoundingRect().center())
    help_event = QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    assert view.viewportEvent(help_event) is True  # handled: Qt does not hide it
    empty = QtCore.QPoint(2, 2)
    help_event = QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, empty, view.viewport().mapToGlobal(empty))
    view.viewportEvent(help_event)
    assert view.tooltip_at(view.mapToScene(empty)) is None


def test_month_ticks_say_their_year(qtbot, view: QtTimelineView) -> None:  # noqa: ANN001
    view.set_x_range(date(2024, 11, 1), date(2025, 4, 20))
    view.grab()
    axis = view.getPlotItem().getAxis("bottom")
    lo, hi = axis.range
    months = [axis.tickStrings(values, axis.scale, spacing) for spacing, values in axis.tickValues(lo, hi, axis.width())
              if 20 * 86400 < spacing < 40 * 86400][0]
    assert months[0] == "Dec 2024"


def test_a_publication_date_change_is_an_edit_that_undoes(qtbot, seeds_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    window = _window(qtbot, tmp_path / "s.ini", seeds_dir)
    name = "000_a9b5a5e0ed6f1e90.txt"
    before = window.workspace.article(name).published
    window.workspace.set_publication_date(name, date(2024, 1, 10))
    assert window.workspace.article(name).published == date(2024, 1, 10)
    assert window.undo_action.text() == "Undo Change Publication Date" and window._dirty  # noqa: SLF001
    window.workspace.undo()
    assert window.workspace.article(name).published == before
    window.workspace.redo()
    assert window.workspace.article(name).published == date(2024, 1, 10)


def test_the_window_fits_a_small_screen_and_remembers_its_layout(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    class Screen:
        def __init__(self, w: int, h: int) -> None:
            self.rect = QtCore.QRect(0, 0, w, h)

        def availableGeometry(self) -> QtCore.QRect:  # noqa: N802
            return self.rect

    assert fitted_size(Screen(1366, 728)) == (1311, 669)  # type: ignore[arg-type]
    assert fitted_size(Screen(2560, 1400)) == (1500, 900)  # type: ignore[arg-type]
    first = _window(qtbot, tmp_path / "s.ini")
    first.resize(760, 600)  # the offscreen screen is 800 x 800
    first.main.setSizes([150, 400, 210])
    sizes = first.main.sizes()
    first.close()
    second = _window(qtbot, tmp_path / "s.ini")
    assert (second.width(), second.height()) == (760, 600)
    assert second.main.sizes() == sizes


def test_source_titles_get_the_room(qtbot, seeds_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    window = _window(qtbot, tmp_path / "s.ini", seeds_dir)
    window.resize(1366, 740)
    QtWidgets.QApplication.processEvents()
    table = window.sources.table
    assert table.columnWidth(0) >= 0.35 * table.viewport().width()
    assert window.sources.model.index(0, 0).data(QtCore.Qt.ItemDataRole.ToolTipRole).startswith(
        window.workspace.articles[0].title)


def test_an_edit_keeps_the_article_where_the_reader_is(qtbot, seeds_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    from timeline_app.core.commands import Star
    from timeline_app.core.curation import key_of

    window = _window(qtbot, tmp_path / "s.ini", seeds_dir)
    window.resize(760, 600)
    ws = window.workspace
    last = max((e for e in ws.timeline.events), key=lambda e: e.evidence[0].date_start)
    ws.select(last.id)
    QtWidgets.QApplication.processEvents()
    bar = window.article.text.verticalScrollBar()
    position = bar.value()
    assert position > 0  # scrolled down to the sentence
    ws.run(Star(key_of(last)))
    QtWidgets.QApplication.processEvents()
    assert bar.value() == position


def test_the_sentences_keep_most_of_the_evidence_pane(qtbot, workspace: Workspace) -> None:  # noqa: ANN001
    from timeline_app.gui.qt_evidence import QtEvidencePanel

    panel = QtEvidencePanel(workspace)
    qtbot.addWidget(panel)
    panel.resize(380, 330)
    panel.show()
    disputed = next(e for e in workspace.timeline.events if e.conflicts)
    workspace.select(disputed.id)
    QtWidgets.QApplication.processEvents()
    assert panel.list.count() == len(disputed.evidence) >= 4
    assert panel.list.height() >= 0.6 * panel.height()
    assert "Sources disagree" in panel.summary.text()


def test_an_event_added_by_hand_has_room_and_a_source(qtbot, workspace: Workspace) -> None:  # noqa: ANN001
    from timeline_app.core.commands import AddEvent
    from timeline_app.core.curation import Curation
    from timeline_app.gui.qt_actions import QtDatesDialog

    dialog = QtDatesDialog("Add Event", None, None, "day", None, with_title=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() >= 560 and dialog.source_edit.isVisible()
    workspace.run(AddEvent("Ministry briefing", date(2025, 5, 7), date(2025, 5, 7), "day", "by phone",
                           "Defence ministry press office"))
    added = next(e for e in workspace.timeline.events if e.manual)
    assert added.note == "Source: Defence ministry press office; by phone"
    assert Curation.from_json(workspace.curation.to_json()).manual[0].source == "Defence ministry press office"


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_find_in_articles_next_previous_and_the_shortcuts(qtbot, seeds_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    window = _window(qtbot, tmp_path / "s.ini", seeds_dir)
    window.search_articles()
    search = window.search_window
    search.query.setText("Kaliningrad")
    search.search()
    assert search.results.count() >= 1 and "match" in search.count.text()
    item = search.results.item(0)
    name, offset = item.data(QtCore.Qt.ItemDataRole.UserRole + 1)
    search._open(item)  # noqa: SLF001
    assert window.article.document == name
    assert window.article.text.textCursor().position() == window.article._to_qt(offset)  # noqa: SLF001
    first = window.events.visible_events()[0].id
    window.step_event(1)
    assert window.workspace.selected == first
    window.step_event(1)
    window.step_event(-1)
    assert window.workspace.selected == first
    keys = dict((text, key) for key, text in window.shortcuts())
    assert keys["Find in Articles"] and keys["Next Event"] and keys["Present Key Events"] == "F5"


def test_a_device_named_as_the_settings_file_is_never_replaced(qtbot) -> None:  # noqa: ANN001
    """Saving the layout into os.devnull replaced /dev/null with a regular file: never again."""
    import os
    import stat

    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    window = QtMainWindow(Workspace(), settings=QtCore.QSettings(os.devnull, QtCore.QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert window.qsettings.fileName() != os.devnull
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_the_export_menu_keeps_the_picture_of_the_current_view(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = _window(qtbot, tmp_path / "s.ini")
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    labels = [a.text() for a in next(a.menu() for a in menu.actions() if a.text() == "&Export").actions()]
    assert "Picture of the current view (PNG)…" in labels


@pytest.mark.parametrize("pane", ["QtArticleView", "QtEventsTable", "QtTimelineView", "QtSourcesPanel",
                                  "QtEvidencePanel", "QtExcludedPanel"])
def test_a_pane_nobody_holds_is_deleted_at_once(qapp, pane: str, seeds_workspace: Workspace) -> None:  # noqa: ANN001
    """No reference cycle holds a pane: one left to the garbage collector is freed whenever it runs,
    even in the middle of the pane's own Qt event, and that crashes."""
    import gc
    import importlib
    import weakref

    module = {"QtArticleView": "qt_article_view", "QtEventsTable": "qt_events_table", "QtTimelineView": "qt_timeline",
              "QtSourcesPanel": "qt_sources", "QtEvidencePanel": "qt_evidence", "QtExcludedPanel": "qt_excluded"}
    cls = getattr(importlib.import_module(f"timeline_app.gui.{module[pane]}"), pane)
    gc.collect()
    gc.disable()
    try:
        widget = cls(seeds_workspace)
        widget.show()
        qapp.processEvents()
        gone = weakref.ref(widget)
        del widget
        assert gone() is None
    finally:
        gc.enable()


def test_a_layout_made_ahead_is_taken_once_and_only_for_its_own_list(seeds_dir: Path) -> None:
    from timeline_app.gui import timeline_layout
    from timeline_app.gui.timeline_layout import build_layout, lay_out_ahead

    loaded = load([seeds_dir], reference=date(2025, 5, 6))
    ws = Workspace()
    ws.add(loaded.analyses, loaded.failures)
    events = ws.timeline.events
    lay_out_ahead(events)
    made = timeline_layout._ahead[2]  # type: ignore[index]
    assert build_layout(list(events)) is not made  # another list: laid out afresh
    lay_out_ahead(events)
    assert build_layout(events, dated=True) is not made  # other options
    lay_out_ahead(events)
    made = timeline_layout._ahead[2]  # type: ignore[index]
    assert build_layout(events) is made
    again = build_layout(events)  # taken once: an edit in place later is laid out anew
    assert again is not made and again.ids == made.ids and list(again.x0) == list(made.x0)
