"""Searching the articles' text: every match listed with its line; a click opens it in the Article pane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from timeline_app.core.workspace import find_in_articles

if TYPE_CHECKING:
    from timeline_app.gui.qt_main_window import QtMainWindow

MATCH_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1


class QtArticleSearch(QtWidgets.QDialog):
    """Find in Articles (Ctrl+Shift+F): type, see the matches, click one to read it in place."""

    def __init__(self, window: QtMainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Find in Articles")
        self.setMinimumSize(560, 380)
        self.query = QtWidgets.QLineEdit(placeholderText="Words to find in the articles' text")
        self.query.setClearButtonEnabled(True)
        self.count = QtWidgets.QLabel()
        self.results = QtWidgets.QListWidget()
        self.results.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # search once typing pauses, not at every key
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _: self._timer.start())
        self.results.itemClicked.connect(self._open)
        self.results.itemActivated.connect(self._open)

    def search(self) -> None:
        self.results.clear()
        matches = find_in_articles(self.window_.workspace.articles, self.query.text())
        for name, offset, line in matches:
            item = QtWidgets.QListWidgetItem(f"{name}\n{line}")
            item.setData(MATCH_ROLE, (name, offset))
            self.results.addItem(item)
        n = len(matches)
        self.count.setText("" if not self.query.text().strip() else f"{n} match{'es' if n != 1 else ''}")

    def _open(self, item: QtWidgets.QListWidgetItem) -> None:
        name, offset = item.data(MATCH_ROLE)
        self.window_.article.show_document(name, offset)
