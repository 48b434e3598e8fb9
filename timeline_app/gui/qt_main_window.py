"""The main window: sources, timeline, events table, evidence and article, all on one selection."""

from __future__ import annotations

import os
import queue
import tempfile
import traceback
from datetime import date
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app import __version__
from timeline_app.core.escape import for_terminal
from timeline_app.core.workspace import Workspace
from timeline_app.gui.listening import Listening
from timeline_app.gui.load_worker import Loaded, LoadWorker
from timeline_app.gui.qt_actions import add_event, fill_event_menu
from timeline_app.gui.qt_article_view import QtArticleView
from timeline_app.gui.qt_events_table import QtEventsTable
from timeline_app.gui.qt_evidence import QtEvidencePanel
from timeline_app.gui.qt_excluded import QtExcludedPanel
from timeline_app.gui.qt_projects import QtProjects, remove_autosave
from timeline_app.gui.qt_sources import QtSourcesPanel
from timeline_app.gui.qt_timeline import QtTimelineView
from timeline_app.gui.qt_window_tools import QtWindowTools, fitted_size

MAX_RECENT = 10
AUTOSAVE_MS = 60_000
LOAD_POLL_MS = 50


class QtMainWindow(Listening, QtProjects, QtWindowTools, QtWidgets.QMainWindow):
    """The application window around one :class:`Workspace`."""

    sigLoaded = QtCore.Signal()
    sigProgress = QtCore.Signal(int, int, str)  # files done, files in all (0 while the timeline is built), name

    def __init__(self, workspace: Workspace, *, reference: date | None = None,
                 dates: dict[str, date] | None = None, settings: QtCore.QSettings | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.reference = reference
        self.dates = dict(dates or {})
        self.qsettings = settings or QtCore.QSettings("timeline-app", "timeline-app")
        where = self.qsettings.fileName()
        if where and os.path.exists(where) and not os.path.isfile(where):
            # a device or a pipe named as the settings file (os.devnull): Qt would replace it with
            # a regular file when it saves; nothing is kept instead
            self.qsettings = QtCore.QSettings(os.path.join(tempfile.mkdtemp(prefix="timeline-app-"), "settings.ini"),
                                              QtCore.QSettings.Format.IniFormat)
        self._worker: LoadWorker | None = None
        self.setWindowTitle("Timeline")
        self.setAcceptDrops(True)
        self.resize(*fitted_size(QtWidgets.QApplication.primaryScreen()))

        self.sources = QtSourcesPanel(workspace)
        self.timeline = QtTimelineView(workspace, legend=True)
        self.events = QtEventsTable(workspace)
        self.evidence = QtEvidencePanel(workspace)
        self.article = QtArticleView(workspace)
        self.excluded = QtExcludedPanel(workspace)
        self.project_path: Path | None = None
        self._dirty = False
        self._autosave_timer = QtCore.QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_timer.start()
        self._load_timer = QtCore.QTimer(self)  # collects what the loading thread reports
        self._load_timer.setInterval(LOAD_POLL_MS)
        self._load_timer.timeout.connect(self._collect)

        self.middle = middle = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        middle.addWidget(self._titled("Timeline", self.timeline, "Click an event to select it; drag to pan, "
                                      "wheel to zoom; arrows, +/- and Home on the keyboard."))
        middle.addWidget(self._titled("Events", self.events))
        middle.setSizes([600, 300])
        self.right = right = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.side_tabs = QtWidgets.QTabWidget()
        self.side_tabs.addTab(self.evidence, "Evidence")
        self.side_tabs.addTab(self.excluded, "Excluded")
        self.excluded.sigCountChanged.connect(lambda n: self.side_tabs.setTabText(1, f"Excluded ({n})"))
        self.side_tabs.setTabText(1, f"Excluded ({self.excluded.list.count()})")
        right.addWidget(self.side_tabs)
        right.addWidget(self._titled("Article", self.article))
        right.setSizes([330, 570])
        self.main = main = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        main.addWidget(self._titled("Sources", self.sources, "Double-click a publication date to change it."))
        main.addWidget(middle)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        self.setCentralWidget(main)
        #: the size and the panes' proportions are kept for the next run (not by --screenshot)
        self.remember_layout = True
        self.default_layout(self.width(), self.height())
        self._restore_layout()

        self.progress = QtWidgets.QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.cancel_button = QtWidgets.QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel_load)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._set_busy(False)

        self.evidence.sigOpenEvidence.connect(lambda doc, offset: self.article.show_document(doc, offset))
        self.sources.sigOpenDocument.connect(lambda doc: self.article.show_document(doc))
        self.sources.sigMessage.connect(self.show_error)
        self._build_menus()
        self._update_title()
        self.listen(workspace.timeline_changed, self._update_title)
        self.listen(workspace.history_changed, self._history_changed)

    @staticmethod
    def _titled(title: str, widget: QtWidgets.QWidget, hint: str = "") -> QtWidgets.QWidget:
        box = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        label = QtWidgets.QLabel(f"<b>{title}</b>" + (f" <span style='color:#666'>— {hint}</span>" if hint else ""))
        # a hint never widens its pane (the window must fit a laptop's screen): a narrow pane cuts it
        label.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Fixed)
        label.setToolTip(hint)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box

    # -- menus ---------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.open_files_action = file_menu.addAction("Open &Files…", self.open_files_dialog,
                                                     QtGui.QKeySequence.StandardKey.Open)
        file_menu.addAction("Open F&older…", self.open_folder_dialog, QtGui.QKeySequence("Ctrl+Shift+O"))
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction("New Article from &Clipboard…", self.paste_article)
        file_menu.addAction("Open &Project…", self.open_project_dialog, QtGui.QKeySequence("Ctrl+Shift+P"))
        file_menu.addAction("&Save Project", self.save_project, QtGui.QKeySequence.StandardKey.Save)
        file_menu.addAction("Save Project &As…", self.save_project_as, QtGui.QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        export = file_menu.addMenu("&Export")
        from timeline_app.core.writers import FILE, FOLDER, writers

        for i, w in enumerate(writers(FOLDER)):
            export.addAction(f"{w.label}…", self.export_tables_dialog, QtGui.QKeySequence("Ctrl+E" if i == 0 else ""))
        for w in writers(FILE):
            if w.only == "key":  # a briefing (the key events unless told): which events, what title
                export.addAction(f"{w.label}…", lambda w=w: self.export_briefing_dialog(w))
                continue
            export.addAction(f"{w.label}…", lambda s=w.suffix: self.export_image_dialog(s, False))
            if w.suffix == ".png":
                export.addAction("Picture of the current view (PNG)…", lambda: self.export_image_dialog(".png", True))
        file_menu.addSeparator()
        file_menu.addAction("&Close All", self.workspace.clear)
        file_menu.addAction("&Quit", self.close, QtGui.QKeySequence.StandardKey.Quit)
        edit = bar.addMenu("&Edit")
        self.undo_action = edit.addAction("Undo", self.workspace.undo, QtGui.QKeySequence.StandardKey.Undo)
        self.redo_action = edit.addAction("Redo", self.workspace.redo, QtGui.QKeySequence.StandardKey.Redo)
        edit.addSeparator()
        edit.addAction("Add Event…", lambda: add_event(self.workspace, self), QtGui.QKeySequence("Ctrl+N"))
        self.event_menu = edit.addMenu("Selected Event")
        self.event_menu.aboutToShow.connect(self._fill_event_menu)
        self._history_changed()
        view = bar.addMenu("&View")
        view.addAction("&Fit All", self.timeline.fit_all, QtGui.QKeySequence("Ctrl+0"))
        view.addAction("Find in Events", lambda: self.events.search.setFocus(), QtGui.QKeySequence.StandardKey.Find)
        view.addAction("Find in &Articles…", self.search_articles, QtGui.QKeySequence("Ctrl+Shift+F"))
        view.addAction("&Next Event", lambda: self.step_event(1), QtGui.QKeySequence("Ctrl+Down"))
        view.addAction("&Previous Event", lambda: self.step_event(-1), QtGui.QKeySequence("Ctrl+Up"))
        view.addSeparator()
        view.addAction("&Present Key Events", self.present, QtGui.QKeySequence("F5"))
        help_menu = bar.addMenu("&Help")
        help_menu.addAction("&Keyboard Shortcuts", self.show_shortcuts, QtGui.QKeySequence("F1"))
        help_menu.addAction("&About", self._about)

    def _history_changed(self) -> None:
        stack = self.workspace.commands
        self.undo_action.setText(f"Undo {stack.undo_label}" if stack.undo_label else "Undo")
        self.redo_action.setText(f"Redo {stack.redo_label}" if stack.redo_label else "Redo")
        self.undo_action.setEnabled(stack.undo_label is not None)
        self.redo_action.setEnabled(stack.redo_label is not None)
        if stack.undo_label or stack.redo_label:
            self._set_dirty(True)

    def _fill_event_menu(self) -> None:
        self.event_menu.clear()
        events = self.events.selected_events() or [e for e in [self.workspace.event(self.workspace.selected)] if e]
        fill_event_menu(self.event_menu, self.workspace, events, self)
        if self.event_menu.isEmpty():
            self.event_menu.addAction("(no event selected)").setEnabled(False)

    def paste_article(self) -> None:
        """Text copied from anywhere becomes an article; the project keeps its text."""
        from timeline_app.gui.qt_paste import new_article_from_clipboard

        if new_article_from_clipboard(self.workspace, self, self.reference) is not None:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self._update_title()

    def _about(self) -> None:
        QtWidgets.QMessageBox.about(self, "About Timeline",
                                    f"<b>timeline-app {__version__}</b><p>One dated, sourced timeline from a set "
                                    "of news articles. Works offline: nothing is fetched.</p>")

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent()
        for path in recent:
            self.recent_menu.addAction(path, lambda p=path: self.load([p]))
        if not recent:
            self.recent_menu.addAction("(none)").setEnabled(False)

    def recent(self) -> list[str]:
        value = self.qsettings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember(self, paths: list[str]) -> None:
        recent = [str(Path(p).resolve()) for p in paths] + self.recent()
        self.qsettings.setValue("recent", list(dict.fromkeys(recent))[:MAX_RECENT])

    def _update_title(self) -> None:
        n = len(self.workspace.articles)
        name = self.project_path.name if self.project_path else "Timeline"
        count = f" — {n} article{'s' if n != 1 else ''}" if n else ""
        self.setWindowTitle(f"{'*' if self._dirty else ''}{name}{count}")

    # -- loading -------------------------------------------------------------------------------

    def open_files_dialog(self) -> None:
        from timeline_app.core.readers import suffixes

        patterns = " ".join(f"*{s}" for s in suffixes())
        files, _ = QtWidgets.QFileDialog.getOpenFileNames(self, "Open articles", "", f"Articles ({patterns})")
        if files:
            self.load(files)

    def open_folder_dialog(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(self, "Open a folder of articles")
        if folder:
            self.load([folder])

    def load(self, sources: list[str], *, remember: bool = True) -> None:
        """Read articles off the GUI thread; the window stays usable, with progress and Cancel."""
        if self._worker is not None:
            self.show_error("Still loading; cancel it first or wait for it to finish.")
            return
        if remember:
            self._remember(sources)
        self._worker = LoadWorker([str(s) for s in sources], self.reference, self.dates, self.workspace)
        self._set_busy(True)
        self.statusBar().showMessage("Loading…")
        self._worker.start()
        self._load_timer.start()

    def cancel_load(self) -> None:
        if self._worker is not None:
            self._worker.cancel_event.set()
            self.statusBar().showMessage("Cancelling…")

    def _collect(self) -> None:
        """Show what the loading thread has reported since the last look."""
        worker = self._worker
        while worker is not None:
            try:
                report = worker.reports.get_nowait()
            except queue.Empty:
                return
            if isinstance(report, tuple):
                self._progress(*report)
                self.sigProgress.emit(*report)
                worker = self._worker  # a listener may have cancelled or closed
                continue
            self._loaded(report)
            self._load_done()
            return

    def _progress(self, done: int, total: int, name: str) -> None:
        if total == 0:  # every file read; the timeline is being built
            self.progress.setRange(0, 0)
            self.statusBar().showMessage("Building the timeline…")
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"{done * 100 // total}%")
        self.statusBar().showMessage(f"Reading {name}")

    def _loaded(self, result: Loaded | Exception) -> None:
        if isinstance(result, Exception):
            self.show_error(f"Loading failed: {result}")
            return
        if result.abandoned:
            self.statusBar().showMessage(f"Cancelled while building the timeline: the {len(result.result.analyses)} "
                                         "article(s) read were not added", 15000)
            return
        pending, result = result.pending, result.result
        if pending is not None:
            self.workspace.commit(pending)
        else:
            self.workspace.add(result.analyses, result.failures)
        words = f"{len(result.analyses)} article(s) read"
        if result.failures:
            words += f", {len(result.failures)} not read (see Sources)"
        if result.cancelled:
            words += "; cancelled before the end"
        self.statusBar().showMessage(words, 15000)
        if self.workspace.selected is None and self.workspace.articles:
            self.article.show_document(self.workspace.articles[0].name)

    def _load_done(self) -> None:
        self._load_timer.stop()
        if self._worker is not None:
            self._worker.thread.join(5)  # it has sent its result: only its return is left
        self._worker = None
        self._set_busy(False)
        self.sigLoaded.emit()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setValue(0)

    def is_loading(self) -> bool:
        return self._worker is not None

    # -- drag and drop ---------------------------------------------------------------------------

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.load(paths)

    # -- export ----------------------------------------------------------------------------------

    def export_tables_dialog(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(self, "Export timeline.csv, evidence.csv and "
                                                                  "timeline.json into")
        if folder:
            self.export_tables(folder)

    def export_tables(self, folder: str) -> list[Path]:
        from timeline_app.core.export import export

        try:
            paths = export(self.workspace.timeline, folder)
        except OSError as e:
            self.show_error(f"Could not export to {folder}: {e.strerror or e}")
            return []
        self.statusBar().showMessage(f"Wrote {', '.join(p.name for p in paths)} in {folder}", 15000)
        return paths

    def export_image_dialog(self, suffix: str, current_view: bool) -> None:
        kind = "PNG image (*.png)" if suffix == ".png" else "SVG image (*.svg)"
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, "Export picture", f"timeline{suffix}", kind)
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            from timeline_app.gui.export_image import default_title

            title, ok = QtWidgets.QInputDialog.getText(self, "Export picture", "Title of the picture:",
                                                       text=default_title(self.workspace))
            if ok:
                self.export_image(path, current_view, title)

    def export_image(self, path: str, current_view: bool = False, title: str | None = None) -> Path | None:
        from timeline_app.gui.export_image import render_image

        view_range = None
        if current_view:
            (xa, xb), (ya, yb) = self.timeline.getPlotItem().getViewBox().viewRange()
            view_range = ((xa, xb), (ya, yb))
        try:
            written = render_image(self.workspace, path, view_range=view_range, title=title or None)
        except (OSError, ValueError) as e:
            self.show_error(f"Could not export the picture: {e}")
            return None
        self.statusBar().showMessage(f"Wrote {written}", 15000)
        return written

    # -- errors ----------------------------------------------------------------------------------

    def ask(self, question: str) -> bool:
        """A yes/no question to the researcher; without a screen (tests, scripts) the answer is no."""
        if QtWidgets.QApplication.platformName() == "offscreen":
            return False
        answer = QtWidgets.QMessageBox.question(
            self, "Timeline", question,
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No)
        return answer == QtWidgets.QMessageBox.StandardButton.Yes

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 20000)
        if not QtWidgets.QApplication.platformName() == "offscreen":
            QtWidgets.QMessageBox.warning(self, "Timeline", message)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802
        if self._dirty and self.workspace.articles and QtWidgets.QApplication.platformName() != "offscreen":
            answer = QtWidgets.QMessageBox.question(
                self, "Timeline", "Save your edits as a project before closing?",
                QtWidgets.QMessageBox.StandardButton.Save | QtWidgets.QMessageBox.StandardButton.Discard
                | QtWidgets.QMessageBox.StandardButton.Cancel)
            if answer == QtWidgets.QMessageBox.StandardButton.Cancel or (
                    answer == QtWidgets.QMessageBox.StandardButton.Save and not self.save_project()):
                event.ignore()
                return
        if getattr(self, "_closed", False):  # closed once already: the panes are gone
            super().closeEvent(event)
            return
        self._closed = True
        self._save_layout()
        self._autosave_timer.stop()
        self.stop_listening()
        remove_autosave()  # a clean exit: nothing to recover next time
        if self._worker is not None:
            self._worker.cancel_event.set()
            self._worker.thread.join(30)  # a cancelled load stops within its current file
            self._load_timer.stop()
            self._worker = None
        for w in (self.timeline, self.events, self.evidence, self.article, self.sources, self.excluded):
            w.close()
        super().closeEvent(event)


def install_error_hook(window: QtMainWindow) -> None:
    """Unexpected errors in the window are shown to the user instead of ending the program."""
    import sys

    def hook(kind: type[BaseException], value: BaseException, tb: object) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))  # type: ignore[arg-type]
        print("\n".join(for_terminal(line) for line in text.splitlines()), file=sys.stderr)
        window.show_error(f"Something went wrong: {value}. Your work is still open; details are on the console.")

    sys.excepthook = hook
