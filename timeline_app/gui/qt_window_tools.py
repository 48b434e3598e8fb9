"""The window's tools beside loading and editing: finding in the articles, stepping through the
events, the keyboard shortcuts, presenting and briefing exports, and the window's size and panes
kept between runs. A mixin of :class:`QtMainWindow`, which holds the state they use."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from timeline_app.core.workspace import Workspace


def fitted_size(screen: QtGui.QScreen | None) -> tuple[int, int]:
    """1500 x 900, or the room the screen leaves if that is less (a 1366 x 768 laptop)."""
    if screen is None:
        return 1500, 900
    available = screen.availableGeometry()
    return min(1500, int(available.width() * 0.96)), min(900, int(available.height() * 0.92))


class QtWindowTools:
    """Finding, stepping, shortcuts, presenting, briefings and the remembered layout."""

    workspace: Workspace
    qsettings: QtCore.QSettings
    remember_layout: bool
    events: Any
    article: Any
    main: QtWidgets.QSplitter
    middle: QtWidgets.QSplitter
    right: QtWidgets.QSplitter

    def export_briefing_dialog(self, writer) -> None:  # noqa: ANN001 - a core Writer
        from timeline_app.gui.qt_briefing import export_briefing_dialog

        export_briefing_dialog(self, writer)

    def search_articles(self) -> None:
        """Find in Articles: a window listing every match; a click opens it in the Article pane."""
        from timeline_app.gui.qt_search import QtArticleSearch

        if getattr(self, "search_window", None) is None:
            self.search_window = QtArticleSearch(self)
        self.search_window.show()
        self.search_window.raise_()
        self.search_window.query.setFocus()

    def step_event(self, step: int) -> None:
        """Select the next (1) or previous (-1) event in the events table's order."""
        events = self.events.visible_events()
        if not events:
            return
        ids = [e.id for e in events]
        here = ids.index(self.workspace.selected) if self.workspace.selected in ids else (-1 if step > 0 else 0)
        self.workspace.select(ids[max(0, min(len(ids) - 1, here + step))])

    def shortcuts(self) -> list[tuple[str, str]]:
        """Every keyboard shortcut of the menus, then the timeline's own keys."""
        out = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            for action in (menu.actions() if menu else []):
                for a in [action] + (action.menu().actions() if action.menu() else []):
                    if not a.shortcut().isEmpty():
                        out.append((a.shortcut().toString(QtGui.QKeySequence.SequenceFormat.NativeText),
                                    a.text().replace("&", "").rstrip("…")))
        out += [("← →", "Timeline: move in time"), ("+ −, wheel", "Timeline: zoom in time"),
                ("Home, F", "Timeline: fit everything"), ("Esc", "Presenting: return")]
        return out

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td style='padding-right:16px'><b>{html.escape(k)}</b></td><td>{html.escape(t)}</td></tr>"
                       for k, t in self.shortcuts())
        box = QtWidgets.QMessageBox(self)
        box.setWindowTitle("Keyboard shortcuts")
        box.setTextFormat(QtCore.Qt.TextFormat.RichText)
        box.setText(f"<table>{rows}</table>")
        box.open()

    def briefing_title(self) -> str:
        """The project's name, as the default title of a briefing."""
        if self.project_path is None:
            return "Timeline"
        name = self.project_path.name
        return name[: -len(".timeline.json")] if name.endswith(".timeline.json") else self.project_path.stem

    def present(self) -> None:
        """The key events full screen (F5; Esc returns)."""
        from timeline_app.core.briefing import briefing
        from timeline_app.gui.qt_presentation import QtPresentation

        b = briefing(self.workspace.timeline, self.briefing_title())
        if not b.events:
            self.show_error("No key events to present: load articles, or star the events to show.")
            return
        self.presentation = QtPresentation(b)
        self.presentation.showFullScreen()
        self.presentation.activateWindow()
        self.presentation.setFocus()

    def default_layout(self, width: int, height: int) -> None:
        """This size, with the panes in their first proportions."""
        self.resize(width, height)
        self.main.setSizes([int(width * 0.24), int(width * 0.5), int(width * 0.26)])
        self.middle.setSizes([int(height * 0.62), int(height * 0.38)])
        self.right.setSizes([int(height * 0.37), int(height * 0.63)])

    def _restore_layout(self) -> None:
        """The size and the panes' proportions of the last run, where they fit this screen."""
        geometry = self.qsettings.value("window/geometry")
        if isinstance(geometry, QtCore.QByteArray) and self.restoreGeometry(geometry):
            available = QtWidgets.QApplication.primaryScreen().availableGeometry()
            if self.width() > available.width() or self.height() > available.height():
                self.resize(*fitted_size(QtWidgets.QApplication.primaryScreen()))
        for name in ("main", "middle", "right"):
            state = self.qsettings.value(f"window/{name}")
            if isinstance(state, QtCore.QByteArray):
                getattr(self, name).restoreState(state)

    def _save_layout(self) -> None:
        if not self.remember_layout:
            return
        self.qsettings.setValue("window/geometry", self.saveGeometry())
        for name in ("main", "middle", "right"):
            self.qsettings.setValue(f"window/{name}", getattr(self, name).saveState())
        self.qsettings.sync()
