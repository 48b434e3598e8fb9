"""The window's projects: saving and opening them, the view they keep, and the autosave that a
crash leaves for the next start to offer. A mixin of :class:`QtMainWindow`, which holds the state
they use."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtWidgets

from timeline_app.core.escape import for_terminal
from timeline_app.core.project import SUFFIX as PROJECT_SUFFIX

if TYPE_CHECKING:
    from timeline_app.core.workspace import Workspace
    from timeline_app.gui.qt_main_window import QtMainWindow


class QtProjects:
    """Saving, opening and autosaving projects."""

    workspace: Workspace
    timeline: Any
    reference: date | None
    dates: dict[str, date]
    project_path: Path | None
    _dirty: bool
    sigLoaded: Any

    def current_project(self):  # noqa: ANN201 - a core Project
        from timeline_app.core import project as proj

        view = {}
        (xa, xb), (ya, yb) = self.timeline.getPlotItem().getViewBox().viewRange()
        view["x_range"], view["y_range"] = [xa, xb], [ya, yb]
        selected = self.workspace.event(self.workspace.selected)
        if selected is not None:
            from timeline_app.core.curation import key_of

            view["selected"] = list(key_of(selected))
        return proj.project_from_workspace(self.workspace, self.reference, view)

    def save_project(self) -> bool:
        if self.project_path is None:
            return self.save_project_as()
        return self.save_project_to(self.project_path)

    def save_project_as(self) -> bool:
        from timeline_app.core import project as proj

        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, "Save project", f"timeline{proj.SUFFIX}",
                                                        f"Timeline projects (*{proj.SUFFIX} *.json)")
        if not path:
            return False
        return self.save_project_to(Path(path))

    def save_project_to(self, path: Path) -> bool:
        from timeline_app.core import project as proj

        try:
            proj.save(self.current_project(), path)
        except (OSError, proj.ProjectError) as e:
            self.show_error(f"The project was not saved: {e}")
            return False
        self.project_path = Path(path)
        self._set_dirty(False)
        remove_autosave()
        self.statusBar().showMessage(f"Saved {path}", 10000)
        return True

    def open_project_dialog(self) -> None:
        from timeline_app.core import project as proj

        path, _ = QtWidgets.QFileDialog.getOpenFileName(self, "Open project", "",
                                                        f"Timeline projects (*{proj.SUFFIX} *.json)")
        if path:
            self.open_project(Path(path))

    def open_project(self, path: Path, *, recovered: bool = False) -> bool:
        """Open a project: its articles load in the background, then its edits and view apply."""
        from timeline_app.core import project as proj
        from timeline_app.core.curation import Curation

        def allow(outside: list[str]) -> bool:
            return recovered or self.ask(
                "This project names articles outside its folder. Read them?\n\n"
                + "\n".join(for_terminal(p) for p in outside[:12]) + ("\n…" if len(outside) > 12 else "")
                + "\n\nOnly read files you expect this project to use; otherwise only the articles in its "
                  "folder are opened.")

        try:
            opened = proj.open_project(path, allow)
        except proj.ProjectError as e:
            self.show_error(str(e))
            return False
        if opened.refused:
            self.statusBar().showMessage(f"{len(opened.refused)} article(s) outside the project's folder were not "
                                         "read", 20000)
        self.workspace.clear()
        self.reference = opened.sources.reference
        self.dates = dict(opened.sources.dates)
        self.project_path = None if recovered else Path(path)

        def apply_project() -> None:
            self.sigLoaded.disconnect(apply_project)
            if opened.sources.articles:  # pasted text the project keeps
                self.workspace.add_articles(opened.sources.articles)
            self.workspace.set_curation(opened.sources.curation or Curation())
            self._apply_view(opened.view)
            self._set_dirty(recovered)
            if opened.changed:
                self.show_error("Some articles changed since the project was saved: "
                                + "; ".join(f"{Path(p).name} ({why})" for p, why in opened.changed))

        self.sigLoaded.connect(apply_project)
        self.load(opened.sources.paths, remember=False)
        return True

    def _apply_view(self, view: dict) -> None:
        if "x_range" in view and "y_range" in view:
            self.timeline.getPlotItem().getViewBox().setRange(xRange=view["x_range"], yRange=view["y_range"],
                                                              padding=0)
        selected = view.get("selected")
        if isinstance(selected, list) and len(selected) == 2:
            key = (selected[0], selected[1])
            from timeline_app.core.curation import key_of

            found = next((e.id for e in self.workspace.timeline.events if key_of(e) == key), None)
            self.workspace.select(found)

    def autosave(self) -> None:
        """Keep a copy of unsaved work where the next start finds it after a crash."""
        if not self._dirty or not self.workspace.articles:
            return
        from timeline_app.core import project as proj

        path = autosave_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            proj.save(self.current_project(), path, replace_any=True)  # the previous autosave stays until then
        except (OSError, proj.ProjectError) as e:
            # a safety net that failed: say so once in the status bar, never interrupt the work
            self.statusBar().showMessage(f"Unsaved work could not be kept aside: {getattr(e, 'strerror', None) or e}",
                                         20000)


def autosave_path() -> Path:
    """Where unsaved work is kept between autosaves (per user)."""
    from timeline_app.core.project import SUFFIX

    base = QtCore.QStandardPaths.writableLocation(QtCore.QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".timeline-app") / f"autosave{SUFFIX}"


def remove_autosave() -> None:
    try:
        autosave_path().unlink(missing_ok=True)
    except OSError:
        pass


def offer_recovery(window: QtMainWindow) -> bool:
    """After a crash, offer the work the last autosave kept; True when it was reopened.

    A damaged autosave is reported and kept aside under another name (never deleted), and the
    window starts as usual.
    """
    from timeline_app.core import project as proj

    path = autosave_path()
    if not path.exists() and not path.is_symlink():
        return False
    try:
        proj.load(path)
    except proj.ProjectError as e:
        kept = set_aside(path)
        where = f" It was kept as {kept}." if kept else " It could not be moved aside."
        window.show_error(f"The work saved automatically last time cannot be recovered: {e}{where}")
        return False
    answer = QtWidgets.QMessageBox.question(
        window, "Recover unsaved work?",
        "The application did not close normally last time. Reopen the work saved automatically then?",
        QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No)
    if answer == QtWidgets.QMessageBox.StandardButton.Yes:
        return window.open_project(path, recovered=True)
    remove_autosave()
    return False


def set_aside(path: Path) -> Path | None:
    """Rename a damaged file beside itself with the time in its name; None when that fails."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        aside = path.with_name(f"{path.name.removesuffix(PROJECT_SUFFIX)}-damaged-{stamp}"
                               f"{'-' + str(n) if n else ''}{PROJECT_SUFFIX}")
        if aside.exists():
            continue
        try:
            path.rename(aside)
        except OSError:
            return None
        return aside
    return None
