"""Starting the desktop application, with a clear message when the machine cannot show a window."""

from __future__ import annotations

import ctypes.util
import os
import sys
from datetime import date
from pathlib import Path

XCB_PACKAGES = ("libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-xinerama0 "
                "libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0")
XCB_LIBRARIES = ("xcb-cursor", "xcb-icccm", "xcb-image", "xcb-keysyms", "xcb-render-util", "xkbcommon-x11")


def display_problem() -> str | None:
    """Why a window cannot open here (Linux without a display or without Qt's X11 libraries), or None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return ("No display was found, so the window cannot open. Run it from a desktop session, or use "
                "'timeline-app show' / 'timeline-app export' on the command line.")
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    missing = [lib for lib in XCB_LIBRARIES if ctypes.util.find_library(lib) is None]
    if missing:
        return ("Qt needs X11 libraries that are not installed (" + ", ".join(f"lib{m}" for m in missing) + "). "
                f"On Debian or Ubuntu: sudo apt-get install {XCB_PACKAGES}")
    return None


def app_icon():  # noqa: ANN201 - QIcon; Qt is imported only once a window is wanted
    """The application's icon, from the package's resources (also used by the desktop entry)."""
    from importlib import resources

    from PySide6 import QtGui

    icon = QtGui.QIcon()
    folder = resources.files("timeline_app.resources")
    for name in ("timeline-app.svg", "timeline-app.png"):
        with resources.as_file(folder.joinpath(name)) as path:
            icon.addFile(str(path))
    return icon


def run(sources: list[str], reference: date | None = None, dates: dict[str, date] | None = None,
        screenshot: str | None = None) -> int:
    """Open the window, loading ``sources`` if any; returns the exit code.

    With ``screenshot``, the window is saved as that PNG once the articles are read, and closes:
    a check that the application starts (e.g. a standalone build) and a way to make pictures for docs.
    """
    problem = display_problem()
    if problem:
        print(f"timeline-app: {problem}", file=sys.stderr)
        return 1
    import pyqtgraph as pg
    from PySide6 import QtWidgets

    import timeline_app.gui  # noqa: F401  (binds pyqtgraph to PySide6)
    from timeline_app.core.cache import default_folder
    from timeline_app.core.escape import for_terminal
    from timeline_app.core.project import ProjectError, names_a_project
    from timeline_app.core.project import load as load_project
    from timeline_app.core.settings import Settings
    from timeline_app.core.workspace import Workspace
    from timeline_app.gui.qt_main_window import QtMainWindow, install_error_hook
    from timeline_app.gui.qt_projects import offer_recovery

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    app.setApplicationName("timeline-app")
    app.setOrganizationName("timeline-app")
    app.setWindowIcon(app_icon())
    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    folder = default_folder()  # what files gave is kept by content: re-opening reads nothing again
    window = QtMainWindow(Workspace(Settings(cache_folder=str(folder or ""))), reference=reference, dates=dates)
    install_error_hook(window)
    window.show()
    projects = [s for s in sources if names_a_project(s)]
    articles = [s for s in sources if s not in projects]
    if len(projects) > 1 or (projects and articles):
        print("timeline-app: a project opens on its own; opening " + for_terminal(projects[0]), file=sys.stderr)
    if projects:
        try:
            load_project(projects[0])
        except ProjectError as e:
            print(f"timeline-app: {for_terminal(str(e))}", file=sys.stderr)
            if screenshot:
                return 1
            projects = []
            window.show_error(str(e))
    if screenshot:
        return _screenshot(app, window, articles, screenshot, projects[0] if projects else None)
    recovered = offer_recovery(window)
    if projects and not recovered:
        window.open_project(Path(projects[0]))
    elif articles and not recovered:
        window.load(articles)
    return app.exec()


#: The size of the window in --screenshot pictures (the README's picture), whatever the screen.
SCREENSHOT_SIZE = (1500, 900)


def _screenshot(app, window, sources: list[str], path: str, project: str | None = None) -> int:  # noqa: ANN001
    from PySide6 import QtCore

    from timeline_app.core.escape import for_terminal

    saved: list[bool] = []
    window.remember_layout = False  # a picture of the window is no reason to change the user's layout
    window.default_layout(*SCREENSHOT_SIZE)

    def grab() -> None:
        from timeline_app.gui.export_image import save_png

        try:
            save_png(window.grab().toImage(), path)
            saved.append(True)
        except OSError as e:
            print(for_terminal(f"timeline-app: could not write {path}: {e.strerror or e}"), file=sys.stderr)
            saved.append(False)
        window._dirty = False  # nothing to save: close without asking
        window.close()
        app.quit()

    window.sigLoaded.connect(lambda: QtCore.QTimer.singleShot(300, window, grab))
    if project:
        window.open_project(Path(project))
    elif sources:
        window.load(sources, remember=False)
    else:
        QtCore.QTimer.singleShot(300, window, grab)
    app.exec()
    if not saved or not saved[0]:
        print(for_terminal(f"timeline-app: could not write {path}"), file=sys.stderr)
        return 1
    print(for_terminal(f"timeline-app: wrote {path}"))
    return 0
