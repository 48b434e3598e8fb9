"""Briefings in the window: the key events shown and chosen, the PDF, the export dialog's choices,
presenting full screen."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6 import QtCore, QtWidgets  # noqa: E402

import timeline_app.gui  # noqa: E402,F401
from timeline_app.core.briefing import briefing  # noqa: E402
from timeline_app.core.workspace import Workspace  # noqa: E402
from timeline_app.gui.qt_events_table import QtEventsTable  # noqa: E402
from timeline_app.gui.qt_main_window import QtMainWindow  # noqa: E402
from timeline_app.gui.qt_presentation import OVERVIEW, QtPresentation  # noqa: E402

REF = date(2025, 5, 6)


@pytest.fixture
def workspace(seeds_workspace: Workspace) -> Workspace:
    return seeds_workspace


def test_the_table_shows_and_sets_the_key_events(qtbot, workspace: Workspace) -> None:  # noqa: ANN001
    table = QtEventsTable(workspace)
    qtbot.addWidget(table)
    keys = [table.proxy.index(r, 5).data() for r in range(table.proxy.rowCount())]
    assert keys.count("key") == 8 and table.key_count.value() == 8
    table.key_count.setValue(3)
    assert sum(e.key for e in workspace.timeline.events) == 3
    table.key_only.setChecked(True)
    assert table.proxy.rowCount() == 3
    assert {e.id for e in table.visible_events()} == {e.id for e in workspace.timeline.events if e.key}
    workspace.undo()
    assert table.key_count.value() == 8 and table.proxy.rowCount() == 8


def test_the_pdf_holds_every_key_event_and_its_sources_as_text(qtbot, workspace: Workspace,  # noqa: ANN001
                                                               tmp_path: Path) -> None:
    from pypdf import PdfReader

    from timeline_app.gui.export_pdf import write_pdf

    path = write_pdf(workspace, tmp_path / "b.pdf", title="Baltic defence")
    reader = PdfReader(str(path))
    b = briefing(workspace.timeline, "Baltic defence")
    assert len(reader.pages) >= 1 + math.ceil(len(b.events) / 4) + 1
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Baltic defence" in text and "Sources" in text
    for e in b.events:
        assert e.when in text, e.when
        assert " ".join(e.headline.split()[:3]) in text
    for s in b.sources:
        assert f"[{s.number}]" in text
    (tmp_path / "keep.pdf").write_bytes(b"previous")
    with pytest.raises(ValueError, match="no events"):
        write_pdf(workspace, tmp_path / "keep.pdf", only="starred")
    assert (tmp_path / "keep.pdf").read_bytes() == b"previous"


def test_export_of_what_the_filters_show(qtbot, seeds_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    from pptx import Presentation

    from timeline_app.core.writers import writer
    from timeline_app.gui.qt_briefing import export_briefing

    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    window = QtMainWindow(Workspace(), reference=REF, settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sigLoaded, timeout=30000):
        window.load([str(seeds_dir)])
    window.events.search.setText("Naryshkin")
    path = export_briefing(window, writer("pptx"), str(tmp_path / "b.pptx"), "Shown", "shown")
    assert path is not None
    texts = " ".join(sh.text_frame.text for s in Presentation(str(path)).slides for sh in s.shapes
                     if sh.has_text_frame)
    assert "15 April 2025" in texts and "18 March 2025" not in texts
    assert export_briefing(window, writer("pdf"), str(tmp_path / "x" / "b.pdf"), "T", "key") is None  # no folder
    assert "Could not export" in window.statusBar().currentMessage()


def test_presenting_steps_through_the_key_events(qtbot, workspace: Workspace) -> None:  # noqa: ANN001
    b = briefing(workspace.timeline, "Baltic defence")
    view = QtPresentation(b)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    overview = math.ceil(len(b.events) / OVERVIEW)
    assert view.pages == overview + len(b.events)
    assert b.events[0].when in view.text.text()
    for _ in range(overview):
        qtbot.keyClick(view, QtCore.Qt.Key.Key_Right)
    assert b.events[0].headline in view.text.text() and "“" in view.text.text()
    qtbot.keyClick(view, QtCore.Qt.Key.Key_End)
    assert view.page == view.pages - 1
    qtbot.keyClick(view, QtCore.Qt.Key.Key_Right)
    assert view.page == view.pages - 1  # stays on the last
    qtbot.keyClick(view, QtCore.Qt.Key.Key_Home)
    assert view.page == 0
    font_px = view._px()  # noqa: SLF001
    assert font_px >= 22
    with qtbot.waitSignal(view.sigClosed, timeout=2000):
        qtbot.keyClick(view, QtCore.Qt.Key.Key_Escape)
    assert isinstance(view, QtWidgets.QWidget)


def test_the_svg_puts_the_axis_and_the_marks_where_the_png_does(qtbot, workspace: Workspace,  # noqa: ANN001
                                                                 tmp_path: Path) -> None:
    """Rasterised, the SVG's date axis spans the width as the PNG's does (it was drawn at 72/96 of it,
    so every mark stood over the wrong year)."""
    from PySide6 import QtGui, QtSvg

    from timeline_app.gui.export_image import render_image

    png = QtGui.QImage(str(render_image(workspace, tmp_path / "t.png")))
    renderer = QtSvg.QSvgRenderer(str(render_image(workspace, tmp_path / "t.svg")))
    svg = QtGui.QImage(png.size(), QtGui.QImage.Format.Format_RGB32)
    svg.fill(QtGui.QColor("white"))
    painter = QtGui.QPainter(svg)
    renderer.render(painter)
    painter.end()

    def dark(image: QtGui.QImage, y: int) -> list[int]:
        return [x for x in range(0, image.width(), 2) if QtGui.QColor(image.pixel(x, y)).lightness() < 110]

    axis_y = max(range(png.height() // 2, png.height()), key=lambda y: len(dark(png, y)))  # the axis line
    ours = max(len(dark(svg, y)) for y in range(axis_y - 3, axis_y + 4))
    assert ours >= 0.9 * len(dark(png, axis_y))
    assert abs(max(dark(svg, axis_y)) - max(dark(png, axis_y))) < png.width() * 0.02


def test_pictures_for_slides_date_every_label_and_never_show_the_selection(qtbot, workspace: Workspace,  # noqa: ANN001
                                                                           tmp_path: Path) -> None:
    from PySide6 import QtGui

    from timeline_app.gui.export_image import render_image, sources_line
    from timeline_app.gui.qt_timeline import QtTimelineView

    workspace.select(workspace.timeline.events[2].id)
    view = QtTimelineView(workspace, picture=True, legend=True, scale=2.0)
    qtbot.addWidget(view)
    view.resize(1920, 1000)
    view.show()
    view.fit_all()
    labels = view.visible_labels()
    assert labels and all(" · " in label for label in labels)
    assert any(label.lstrip("◆★ ").startswith("18 March 2025 · ") for label in labels)
    assert not view._selection.isVisible() and len(view._ring.data) == 0  # noqa: SLF001
    path = render_image(workspace, tmp_path / "slide.png", only="key", preset="slide", title="Key dates")
    image = QtGui.QImage(str(path))
    assert (image.width(), image.height()) == (1920, 1080)
    assert sources_line(workspace).startswith("Sources: ")
    with pytest.raises(ValueError, match="no events"):
        render_image(workspace, tmp_path / "none.png", only="starred")
