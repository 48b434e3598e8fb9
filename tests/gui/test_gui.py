"""The window, through pytest-qt: load, select, click, edit a date, export."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402

import timeline_app.gui  # noqa: E402,F401
from timeline_app.core.loading import load  # noqa: E402
from timeline_app.core.workspace import Workspace  # noqa: E402
from timeline_app.gui.qt_article_view import QtArticleView  # noqa: E402
from timeline_app.gui.qt_events_table import ID_ROLE, QtEventsTable  # noqa: E402
from timeline_app.gui.qt_main_window import QtMainWindow  # noqa: E402
from timeline_app.gui.qt_timeline import QtTimelineView  # noqa: E402

REF = date(2025, 5, 6)


@pytest.fixture
def workspace(seeds_dir: Path) -> Workspace:
    result = load([seeds_dir], reference=REF)
    ws = Workspace()
    ws.add(result.analyses, result.failures)
    return ws


@pytest.fixture
def window(qtbot, seeds_dir: Path, tmp_path: Path) -> QtMainWindow:  # noqa: ANN001
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    w = QtMainWindow(Workspace(), reference=REF, settings=settings)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    with qtbot.waitSignal(w.sigLoaded, timeout=30000):
        w.load([str(seeds_dir)])
    return w


def _event(ws: Workspace, date_text: str, document: str | None = None):  # noqa: ANN202
    return next(e for e in ws.timeline.events if e.date_text == date_text
                and (document is None or document in e.documents))


def test_loading_the_seeds_fills_every_view(window: QtMainWindow, qtbot) -> None:  # noqa: ANN001
    ws = window.workspace
    assert len(ws.articles) == 5
    assert window.events.proxy.rowCount() == len(ws.timeline.events) == 9
    assert window.sources.model.rowCount() == 5
    assert window.timeline.layout_data.lanes > 0
    qtbot.waitUntil(lambda: len(window.timeline.visible_labels()) == 9, timeout=5000)
    assert not window.is_loading()
    assert window.recent()[0].endswith("seeds")


def test_selecting_an_event_in_the_table_highlights_its_sentence(window: QtMainWindow, qtbot) -> None:  # noqa: ANN001
    ws = window.workspace
    target = _event(ws, "March 18")
    table = window.events.table
    row = next(r for r in range(window.events.proxy.rowCount())
               if window.events.proxy.index(r, 0).data() == "March 18")
    table.selectRow(row)
    assert ws.selected == target.id
    # the open article stays when it supports the event; its sentence is the one shown
    ev = next(ev for ev in target.evidence if ev.document == window.article.document)
    spans = window.article.selected_spans()
    assert (ev.sentence_start, ev.sentence_end, "#ffd36b") in spans
    assert (ev.date_start, ev.date_end, "date") in spans
    assert window.evidence.evidence() == target.evidence
    assert window.timeline._ring.points().size == 1  # the day mark is ringed


def test_clicking_a_sentence_in_the_article_selects_its_event(window: QtMainWindow, qtbot) -> None:  # noqa: ANN001
    ws = window.workspace
    doc = "004_d5d4d442800e1846.txt"
    window.article.show_document(doc)
    view = window.article.text
    text = ws.article(doc).text
    offset = text.index("Naryshkin warned")
    cursor = view.textCursor()
    cursor.setPosition(offset)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    qtbot.wait(10)
    point = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=point)
    assert ws.event(ws.selected).date_text == "April 15"
    assert window.events.table.currentIndex().isValid()


def test_clicking_a_mark_on_the_timeline_selects_it(window: QtMainWindow, qtbot) -> None:  # noqa: ANN001
    ws = window.workspace
    tl = window.timeline
    target = _event(ws, "April 15")
    i = tl.layout_data.index_of(target.id)
    vb = tl.getPlotItem().getViewBox()
    scene_pos = vb.mapViewToScene(QtCore.QPointF(tl.layout_data.x0[i], -float(tl.layout_data.lane[i])))
    view_pos = tl.mapFromScene(scene_pos)
    qtbot.mouseClick(tl.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=view_pos)
    assert ws.selected == target.id


def test_editing_a_publication_date_reanchors(window: QtMainWindow, qtbot) -> None:  # noqa: ANN001
    ws = window.workspace
    doc = "000_a9b5a5e0ed6f1e90.txt"
    assert _event(ws, "Monday", doc).start == date(2025, 5, 5)
    model = window.sources.model
    row = window.sources.row_of(doc)
    assert model.setData(model.index(row, 1), "2024-01-10")  # as typed in the cell
    qtbot.waitUntil(lambda: _event(ws, "Monday", doc).start == date(2024, 1, 8), timeout=5000)
    assert ws.article(doc).date_source == "given"
    assert model.index(window.sources.row_of(doc), 1).data() == "2024-01-10"


def test_an_invalid_date_is_refused_with_a_message(window: QtMainWindow, qtbot) -> None:  # noqa: ANN001
    messages: list[str] = []
    window.sources.sigMessage.connect(messages.append)
    assert not window.sources.set_date("000_a9b5a5e0ed6f1e90.txt", "someday")
    assert messages and "Not a date" in messages[0]
    model = window.sources.model
    row = window.sources.row_of("000_a9b5a5e0ed6f1e90.txt")
    model.setData(model.index(row, 1), "the day after")  # typed in the cell: refused, old date kept
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=5000)
    assert model.index(row, 1).data() == "2025-05-06"


def test_filters_narrow_the_table(qtbot, workspace: Workspace) -> None:  # noqa: ANN001
    table = QtEventsTable(workspace)
    qtbot.addWidget(table)
    total = table.proxy.rowCount()
    table.search.setText("Ottawa")
    assert 0 < table.proxy.rowCount() < total
    table.search.setText("")
    table.date_from.setText("2026")
    table.date_to.setText("2026-12")
    assert all(e.end is None or e.end >= date(2026, 1, 1) for e in _rows(table))
    assert table.proxy.rowCount() < total
    table.date_from.setText("")
    table.date_to.setText("")
    table.source.setCurrentIndex(table.source.findData("003_9d41ecdd828e2c4f.txt"))
    assert all("003_9d41ecdd828e2c4f.txt" in e.documents for e in _rows(table))
    table.date_from.setText("not a date")
    assert "background" in table.date_from.styleSheet()


def _rows(table: QtEventsTable) -> list:
    ws = table.workspace
    return [ws.event(table.proxy.index(r, 0).data(ID_ROLE)) for r in range(table.proxy.rowCount())]


def test_sorting_by_title(qtbot, workspace: Workspace) -> None:  # noqa: ANN001
    table = QtEventsTable(workspace)
    qtbot.addWidget(table)
    table.table.sortByColumn(2, QtCore.Qt.SortOrder.AscendingOrder)
    titles = [table.proxy.index(r, 2).data() for r in range(table.proxy.rowCount())]
    assert titles == sorted(titles)


def test_a_sort_keeps_the_selection_and_survives_a_new_timeline(qtbot, workspace: Workspace) -> None:  # noqa: ANN001
    table = QtEventsTable(workspace)
    qtbot.addWidget(table)
    chosen = workspace.timeline.events[-1].id
    workspace.select(chosen)
    table.table.sortByColumn(3, QtCore.Qt.SortOrder.DescendingOrder)

    def support() -> list[tuple[int, int]]:
        rows = [workspace.event(table.proxy.index(r, 0).data(ID_ROLE)) for r in range(table.proxy.rowCount())]
        return [(e.independent, len(e.documents)) for e in rows]

    assert support() == sorted(support(), reverse=True)
    assert table.table.currentIndex().data(ID_ROLE) == chosen
    workspace.set_publication_date(workspace.articles[0].name, date(2025, 5, 7))  # a new timeline
    assert support() == sorted(support(), reverse=True)


def test_labels_never_overlap(qtbot, workspace: Workspace) -> None:  # noqa: ANN001
    view = QtTimelineView(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.wait(50)
    view.update_labels()
    boxes = [lab.sceneBoundingRect() for lab in view._labels if lab.isVisible()]
    assert boxes
    for a in range(len(boxes)):
        for b in range(a + 1, len(boxes)):
            overlap = boxes[a].intersected(boxes[b])
            assert overlap.width() < 1 or overlap.height() < 3


def test_keyboard_pans_zooms_and_fits(qtbot, workspace: Workspace) -> None:  # noqa: ANN001
    view = QtTimelineView(workspace)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    vb = view.getPlotItem().getViewBox()
    (a0, b0), _ = vb.viewRange()
    qtbot.keyClick(view, QtCore.Qt.Key.Key_Right)
    (a1, b1), _ = vb.viewRange()
    assert a1 > a0
    qtbot.keyClick(view, QtCore.Qt.Key.Key_Plus)
    (a2, b2), _ = vb.viewRange()
    assert (b2 - a2) < (b1 - a1)
    qtbot.keyClick(view, QtCore.Qt.Key.Key_Home)
    (a3, b3), _ = vb.viewRange()
    assert abs(a3 - a0) < 1 and abs(b3 - b0) < 1


def test_export_writes_csv_png_and_svg(window: QtMainWindow, tmp_path: Path) -> None:
    paths = window.export_tables(str(tmp_path))
    assert [p.name for p in paths] == ["timeline.csv", "evidence.csv", "timeline.json"]
    png = window.export_image(str(tmp_path / "t.png"))
    image = QtGui.QImage(str(png))
    assert image.width() >= 2400
    assert image.pixelColor(5, 5).lightness() > 240  # light background
    dark = sum(1 for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
               if image.pixelColor(x, y).lightness() < 100)
    assert dark > 100  # not empty: marks, labels and axis are drawn
    svg = window.export_image(str(tmp_path / "t.svg"))
    assert "<svg" in svg.read_text(encoding="utf-8")[:400]
    view = window.export_image(str(tmp_path / "view.png"), current_view=True)
    assert QtGui.QImage(str(view)).width() >= 2400


def test_a_failed_picture_export_keeps_the_previous_file(window: QtMainWindow, tmp_path: Path) -> None:
    target = tmp_path / "t.png"
    target.write_bytes(b"previous")
    window.show_error = lambda message: None  # type: ignore[method-assign]
    assert window.export_image(str(tmp_path / "t.gif")) is None
    assert target.read_bytes() == b"previous"


def test_bad_files_are_listed_in_the_window(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    (tmp_path / "good.txt").write_text("It began on March 18, 2025.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)
    w = QtMainWindow(Workspace(), settings=settings)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.sigLoaded, timeout=30000):
        w.load([str(tmp_path)])
    items = [w.sources.failures.item(i).text() for i in range(w.sources.failures.count())]
    assert any("bad.txt: binary" in t for t in items)
    assert len(w.workspace.articles) == 1


def test_cancel_stops_a_long_load(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    n = 1500
    for i in range(n):
        (tmp_path / f"a{i:04d}.txt").write_text(f"Story {i} began on March 18, 2025, and again in {1900 + i % 200}.",
                                                  encoding="utf-8")
    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)
    w = QtMainWindow(Workspace(), settings=settings)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.sigLoaded, timeout=120000):
        w.load([str(tmp_path)])
        assert w.cancel_button.isVisible() and w.is_loading()
        cancels: list[int] = []

        def cancel_once(done: int, total: int, name: str) -> None:  # at the first progress report
            if not cancels:
                cancels.append(done)
                w.cancel_load()

        w.sigProgress.connect(cancel_once)
    assert 0 < len(w.workspace.articles) < n  # what was read before the Cancel is added
    assert "cancelled" in w.statusBar().currentMessage()
    assert not w.cancel_button.isVisible()


def test_cancel_while_the_timeline_is_built_adds_nothing(qtbot, seeds_dir: Path, tmp_path: Path,  # noqa: ANN001
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file read, fusion running: Cancel stops it at its next check, and nothing is added."""
    from timeline_app.core import budget, timeline

    fuse = timeline.fuse

    def slow_fuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - a fusion of 20 s, checking as it goes
        for _ in range(2000):
            budget.check()
            time.sleep(0.01)
        return fuse(*args, **kwargs)

    monkeypatch.setattr(timeline, "fuse", slow_fuse)
    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)
    w = QtMainWindow(Workspace(), reference=REF, settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.sigProgress.connect(lambda done, total, name: total == 0 and w.cancel_load())  # once building
    started = time.monotonic()
    with qtbot.waitSignal(w.sigLoaded, timeout=30000):
        w.load([str(seeds_dir)])
    assert time.monotonic() - started < 10
    assert w.workspace.articles == []
    assert "Cancelled while building the timeline" in w.statusBar().currentMessage()
    assert not w.cancel_button.isVisible() and not w.is_loading()


def test_article_offsets_survive_characters_outside_the_bmp(qtbot) -> None:  # noqa: ANN001
    from timeline_app.core.article import DATE_REFERENCE, Article
    from timeline_app.core.timeline import analyze

    text = "Rockets 🚀🚀 flew. On March 18, talks began."
    ws = Workspace()
    ws.add([analyze(Article("a.txt", "a.txt", "A", text, REF, DATE_REFERENCE))])
    view = QtArticleView(ws)
    qtbot.addWidget(view)
    ws.select(ws.timeline.events[0].id)
    ev = ws.timeline.events[0].evidence[0]
    assert (ev.date_start, ev.date_end, "date") in view.selected_spans()
    assert text[ev.date_start:ev.date_end] == "March 18"
    cursor = view.text.textCursor()
    cursor.setPosition(view._to_qt(ev.date_start), QtGui.QTextCursor.MoveMode.MoveAnchor)
    cursor.setPosition(view._to_qt(ev.date_end), QtGui.QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "March 18"


def test_no_display_gives_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_app.gui import app

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(app.sys, "platform", "linux")
    assert "No display" in app.display_problem()
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(app.ctypes.util, "find_library", lambda name: None)
    assert "apt-get install" in app.display_problem()


# -- curation, provenance and projects in the window -------------------------------------------


def _menu_action(menu: QtWidgets.QMenu, starts: str) -> QtGui.QAction:
    return next(a for a in menu.actions() if a.text().startswith(starts))


def test_undo_redo_carry_the_command_name(window: QtMainWindow) -> None:
    from timeline_app.core.commands import EditTitle
    from timeline_app.core.curation import key_of

    ws = window.workspace
    e = _event(ws, "April 15")
    assert not window.undo_action.isEnabled()
    ws.run(EditTitle(key_of(e), "Naryshkin warns"))
    assert window.undo_action.text() == "Undo Edit Title" and window.windowTitle().startswith("*")
    window.undo_action.trigger()
    assert _event(ws, "April 15").title == e.title
    assert window.redo_action.text() == "Redo Edit Title"
    window.redo_action.trigger()
    assert _event(ws, "April 15").title == "Naryshkin warns"


def test_context_menu_hides_stars_and_merges(window: QtMainWindow) -> None:
    from timeline_app.gui.qt_actions import fill_event_menu

    ws = window.workspace
    excluded = window.excluded.list.count()
    a, b = _event(ws, "April 15"), _event(ws, "within the next five years")
    menu = QtWidgets.QMenu()
    fill_event_menu(menu, ws, [a], window)
    _menu_action(menu, "Star").trigger()
    assert _event(ws, "April 15").starred
    assert "★" in window.events.proxy.index(
        next(r for r in range(window.events.proxy.rowCount())
             if window.events.proxy.index(r, 0).data() == "April 15"), 2).data()
    menu = QtWidgets.QMenu()
    fill_event_menu(menu, ws, [_event(ws, "April 15"), b], window)
    _menu_action(menu, "Merge 2").trigger()
    assert len(ws.timeline.events) == 8
    menu = QtWidgets.QMenu()
    fill_event_menu(menu, ws, [ws.timeline.events[0]], window)
    _menu_action(menu, "Hide").trigger()
    assert window.excluded.list.count() == excluded + 1
    assert window.side_tabs.tabText(1) == f"Excluded ({excluded + 1})"


def test_excluded_items_are_listed_with_their_reason_and_restored_in_one_click(window: QtMainWindow) -> None:
    ws = window.workspace
    n = window.excluded.list.count()
    assert n >= 1 and all("News Feed" in window.excluded.list.item(i).text() for i in range(n))
    window.excluded.list.setCurrentRow(0)
    window.excluded.restore_button.click()
    assert window.excluded.list.count() == n - 1
    assert any("Pulitzer" in e.evidence[0].sentence for e in ws.timeline.events)
    window.undo_action.trigger()
    assert window.excluded.list.count() == n


def test_support_copies_and_conflicts_are_shown(window: QtMainWindow) -> None:
    ws = window.workspace
    monday = next(e for e in ws.timeline.events if e.start == date(2025, 5, 5))
    row = window.events.model.rows[monday.id]
    assert window.events.model.index(row, 3).data() == "3 sources, 2 independent"
    ottawa = next(e for e in ws.timeline.events if e.start == date(2025, 3, 18))
    assert window.events.model.index(window.events.model.rows[ottawa.id], 3).data().endswith("⚠")
    ws.select(ottawa.id)
    assert "Sources disagree" in window.evidence.summary.text() and "Finland" in window.evidence.summary.text()
    from timeline_app.gui.qt_sources import COPY_COLUMN

    model = window.sources.model
    copies = {model.index(r, 0).data(QtCore.Qt.ItemDataRole.UserRole + 1): model.index(r, COPY_COLUMN).data()
              for r in range(model.rowCount())}
    assert copies["002_04602f35b3b6d311.txt"] == "000_a9b5a5e0ed6f1e90.txt"


def test_split_and_detach_from_the_evidence_pane(window: QtMainWindow) -> None:
    from timeline_app.core.commands import Detach, Split

    ws = window.workspace
    ottawa = next(e for e in ws.timeline.events if e.start == date(2025, 3, 18))
    ws.select(ottawa.id)
    assert window.evidence.list.count() == 4
    window.evidence.list.item(3).setSelected(True)
    keys = [(ev.document, ev.date_start) for ev in window.evidence.selected_evidence()]
    ws.run(Split(keys))
    assert len(ws.timeline.events) == 10
    ws.undo()
    ws.run(Detach(keys))
    assert len(next(e for e in ws.timeline.events if e.start == date(2025, 3, 18)).evidence) == 3


def test_attach_a_sentence_from_the_article(window: QtMainWindow) -> None:
    ws = window.workspace
    ottawa = next(e for e in ws.timeline.events if e.start == date(2025, 3, 18))
    ws.select(ottawa.id)
    doc = "003_9d41ecdd828e2c4f.txt"
    window.article.show_document(doc)
    offset = ws.article(doc).text.index("In a significant policy shift")
    assert window.article.attach_sentence_at(offset)
    assert doc in next(e for e in ws.timeline.events if e.start == date(2025, 3, 18)).documents


def test_save_and_reopen_a_project_in_the_window(window: QtMainWindow, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from timeline_app.core.commands import EditTitle
    from timeline_app.core.curation import key_of

    ws = window.workspace
    ws.run(EditTitle(key_of(_event(ws, "April 15")), "Naryshkin warns"))
    ws.select(_event(ws, "April 15").id)
    path = tmp_path / "story.timeline.json"
    assert window.save_project_to(path)
    assert not window.windowTitle().startswith("*") and window.windowTitle().startswith("story.timeline.json")
    settings = QtCore.QSettings(str(tmp_path / "s2.ini"), QtCore.QSettings.Format.IniFormat)
    other = QtMainWindow(Workspace(), settings=settings)
    qtbot.addWidget(other)
    asked: list[str] = []
    other.ask = lambda question: asked.append(question) or True  # type: ignore[method-assign]
    with qtbot.waitSignal(other.sigLoaded, timeout=30000):
        assert other.open_project(path)
    assert "outside its folder" in asked[0]  # the sample articles are not beside the project
    qtbot.waitUntil(lambda: any(e.title == "Naryshkin warns" for e in other.workspace.timeline.events), timeout=5000)
    assert other.workspace.event(other.workspace.selected).title == "Naryshkin warns"
    assert other.reference == REF


def test_a_damaged_project_is_reported_in_the_window(window: QtMainWindow, tmp_path: Path) -> None:
    path = tmp_path / "bad.timeline.json"
    path.write_text("{oops", encoding="utf-8")
    messages: list[str] = []
    window.show_error = messages.append  # type: ignore[method-assign]
    assert not window.open_project(path)
    assert "damaged" in messages[0] and path.read_text(encoding="utf-8") == "{oops"
    assert len(window.workspace.articles) == 5  # what was open stays open


def test_autosave_keeps_unsaved_work_for_recovery(window: QtMainWindow, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from timeline_app.core import project as proj
    from timeline_app.core.commands import Star
    from timeline_app.core.curation import key_of
    from timeline_app.gui.qt_projects import autosave_path, remove_autosave

    remove_autosave()
    window.workspace.run(Star(key_of(_event(window.workspace, "April 15"))))
    window.autosave()
    saved = proj.load(autosave_path())
    assert saved.curation.starred and len(saved.sources) == 5
    settings = QtCore.QSettings(str(tmp_path / "s3.ini"), QtCore.QSettings.Format.IniFormat)
    other = QtMainWindow(Workspace(), settings=settings)
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.sigLoaded, timeout=30000):
        assert other.open_project(autosave_path(), recovered=True)
    qtbot.waitUntil(lambda: any(e.starred for e in other.workspace.timeline.events), timeout=5000)
    assert other.project_path is None and other.windowTitle().startswith("*")
    remove_autosave()


def test_a_folder_holding_a_fifo_loads_and_names_it(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    import os

    (tmp_path / "good.txt").write_text("Lithuania said on March 18, 2025 that it would leave.", encoding="utf-8")
    os.mkfifo(tmp_path / "x.txt")
    window = QtMainWindow(Workspace())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sigLoaded, timeout=30_000):
        window.load([str(tmp_path)])
    assert [a.name for a in window.workspace.articles] == ["good.txt"]
    assert any("FIFO" in f.reason for f in window.workspace.failures)


def test_closing_the_window_during_a_long_load_stops_it_at_once(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    import time

    sentence = "The council met on Monday to discuss the fence along the border and said it would act. "
    (tmp_path / "slow.txt").write_text(sentence * 60_000, encoding="utf-8")
    window = QtMainWindow(Workspace())
    qtbot.addWidget(window)
    window.load([str(tmp_path)])
    qtbot.wait(300)  # the worker is inside the file
    start = time.monotonic()
    window._dirty = False
    window.close()
    assert time.monotonic() - start < 5
    assert window._worker is None or not window._worker.thread.is_alive()
