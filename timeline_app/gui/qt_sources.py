"""The loaded articles (with editable publication dates) and the files that could not be read."""

from __future__ import annotations

from datetime import date

from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.core.workspace import Workspace
from timeline_app.gui.listening import Listening

NAME_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Article", "Published", "From", "Events", "Copy of")
DATE_COLUMN = 1


class QtSourcesPanel(Listening, QtWidgets.QWidget):
    """One row per article; double-click its date to change it and re-anchor its relative dates."""

    #: An article was chosen to be shown.
    sigOpenDocument = QtCore.Signal(str)
    #: A message for the user (an invalid date typed).
    sigMessage = QtCore.Signal(str)

    def __init__(self, workspace: Workspace, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.table = QtWidgets.QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
                                   | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not from the contents: sizing to contents measures every row at each
        # reload, which is slow with a thousand articles.
        metrics = self.table.fontMetrics()
        for col, sample in ((1, "0000-00-00"), (2, "reference"), (3, "Events")):
            header.setSectionResizeMode(col, QtWidgets.QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, metrics.horizontalAdvance(sample) + 16)
        header.setSectionResizeMode(4, QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 80)
        self.failures = QtWidgets.QListWidget()
        self.failures.setMaximumHeight(110)
        self.failures_label = QtWidgets.QLabel()
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.failures_label)
        layout.addWidget(self.failures)
        self.table.itemChanged.connect(self._edited)
        self.table.currentCellChanged.connect(self._current_changed)
        self.listen(workspace.timeline_changed, self.reload)
        self.reload()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802
        self.stop_listening()
        super().closeEvent(event)

    def reload(self) -> None:
        counts = self.workspace.events_per_document()
        articles = self.workspace.articles
        sorting = self.table.isSortingEnabled()
        self.table.setSortingEnabled(False)  # sorted once at the end, not after every cell
        self.table.setUpdatesEnabled(False)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.setRowCount(len(articles))
        for row, a in enumerate(articles):
            name = QtWidgets.QTableWidgetItem(a.title if a.title else a.name)
            name.setToolTip(f"{a.title}\n{a.path}")
            name.setData(NAME_ROLE, a.name)
            name.setFlags(name.flags() & ~QtCore.Qt.ItemFlag.ItemIsEditable)
            when = QtWidgets.QTableWidgetItem(a.published.isoformat() if a.published else "unknown")
            when.setToolTip("Double-click to change; relative dates are anchored on it")
            when.setData(NAME_ROLE, a.name)
            if a.published is None:
                when.setForeground(QtGui.QColor("#b00020"))
            source = QtWidgets.QTableWidgetItem(a.date_source)
            if a.date_note:
                source.setToolTip(a.date_note)
                when.setToolTip(f"Inferred: {a.date_note}. Double-click to change.")
            count = QtWidgets.QTableWidgetItem()
            count.setData(QtCore.Qt.ItemDataRole.DisplayRole, counts.get(a.name, 0))
            original = self.workspace.timeline.copies.get(a.name, "")
            copy = QtWidgets.QTableWidgetItem(original)
            if original:
                copy.setToolTip(f"{a.name} copies or lightly rewrites {original}: it does not count as a "
                                "separate confirmation")
            for item in (source, count, copy):
                item.setFlags(item.flags() & ~QtCore.Qt.ItemFlag.ItemIsEditable)
            for col, item in enumerate((name, when, source, count, copy)):
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        self.table.setSortingEnabled(sorting)
        self.table.setUpdatesEnabled(True)
        failures = self.workspace.failures
        self.failures.clear()
        for f in failures:
            item = QtWidgets.QListWidgetItem(f"{f.name}: {f.reason}")
            item.setToolTip(f.path)
            item.setForeground(QtGui.QColor("#b00020"))
            self.failures.addItem(item)
        self.failures_label.setText(f"Not read ({len(failures)})" if failures else "All files were read.")
        self.failures.setVisible(bool(failures))

    def set_date(self, name: str, text: str) -> bool:
        """Apply a typed publication date ("" or "unknown" clears it); False when it is not a date."""
        text = text.strip()
        when: date | None
        if text.lower() in ("", "unknown"):
            when = None
        else:
            from timeline_app.core.article import parse_date

            try:
                when = parse_date(text)
            except ValueError:
                self.sigMessage.emit(f"Not a date: {text!r}. Type it as YYYY-MM-DD.")
                return False
        self.workspace.set_publication_date(name, when)
        return True

    def _edited(self, item: QtWidgets.QTableWidgetItem) -> None:
        if item.column() != DATE_COLUMN:
            return
        name, text = item.data(NAME_ROLE), item.text()
        # Defer: changing the date rebuilds this table, which must not happen inside its own signal.
        QtCore.QTimer.singleShot(0, self, lambda: self.set_date(name, text) or self.reload())  # dropped if closed

    def _current_changed(self, row: int, *_: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.sigOpenDocument.emit(item.data(NAME_ROLE))
