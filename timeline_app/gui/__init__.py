"""The Qt shell: widgets that show and edit a core Workspace. Nothing in core imports from here."""

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import PySide6  # noqa: E402,F401  - pyqtgraph binds to the first Qt it sees: make it PySide6
