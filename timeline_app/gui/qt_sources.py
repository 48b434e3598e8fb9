"""The loaded articles (with editable publication dates) and the files that could not be read."""

from __future__ import annotations

from datetime import date

from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.core.language import readable
from timeline_app.core.workspace import Workspace
from timeline_app.gui.listening import Listening
from timeline_app.gui.table_model import RowsModel

NAME_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1
# the language beside the date: both are what a researcher checks and corrects first
COLUMNS = ("Article", "Published", "Language", "Outlet", "From", "Events", "Copy of")
DATE_COLUMN, LANGUAGE_COLUMN, OUTLET_COLUMN, FROM_COLUMN, EVENTS_COLUMN, COPY_COLUMN = 1, 2, 3, 4, 5, 6


class SourcesModel(RowsModel):
    """One row per article, computed when a cell is asked for (a thousand rows of items are slow)."""

    COLUMNS = COLUMNS

    def __init__(self, panel: QtSourcesPanel) -> None:
        super().__init__(panel)  # its parent, never an attribute: a widget in a reference cycle can crash
        self.workspace = panel.workspace
        self.articles: list = []
        self.counts: dict[str, int] = {}
        self.copies: dict[str, str] = {}

    def reload(self) -> None:
        ws = self.workspace
        self.beginResetModel()
        self.articles = ws.articles
        self.counts = ws.events_per_document()
        self.copies = dict(ws.timeline.copies)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.articles)

    def flags(self, index: QtCore.QModelIndex) -> QtCore.Qt.ItemFlag:
        flags = super().flags(index)
        editable = index.column() in (DATE_COLUMN, LANGUAGE_COLUMN)
        return flags | QtCore.Qt.ItemFlag.ItemIsEditable if editable else flags

    def data(self, index: QtCore.QModelIndex, role: int = QtCore.Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        a, col = self.articles[index.row()], index.column()
        Role = QtCore.Qt.ItemDataRole  # noqa: N806
        if role == NAME_ROLE:
            return a.name
        if role in (Role.DisplayRole, Role.EditRole):
            if col == 0:
                return a.title or a.name
            if col == DATE_COLUMN:
                return a.published.isoformat() if a.published else ("" if role == Role.EditRole else "unknown")
            if col == OUTLET_COLUMN:
                return a.outlet or a.author
            if col == FROM_COLUMN:
                return a.date_source
            if col == EVENTS_COLUMN:
                return self.counts.get(a.name, 0)
            if col == LANGUAGE_COLUMN:
                if role == Role.EditRole:
                    return a.language
                return a.language if readable(a.language) else f"{a.language} (numbers only)"
            return self.copies.get(a.name, "")
        if role == Role.ToolTipRole:
            if col in (0, OUTLET_COLUMN):
                who = ", ".join(x for x in (a.outlet, a.author) if x)
                return "\n".join(x for x in (a.title, who, a.url, a.path) if x)
            if col == DATE_COLUMN:
                return (f"Inferred: {a.date_note}. Double-click to change." if a.date_note
                        else "Double-click to change; relative dates are anchored on it")
            if col == FROM_COLUMN:
                return a.date_note or None
            if col == LANGUAGE_COLUMN:
                if not readable(a.language):
                    return (f"Written in a language this version does not read ({a.language}): only its numeric "
                            "dates and years are placed; its words are never read as English. Double-click to "
                            "change.")
                return "Detected; double-click to change (a code such as en, de, fr)"
            if col == COPY_COLUMN and a.name in self.copies:
                return (f"{a.name} copies or lightly rewrites {self.copies[a.name]}: it does not count as a "
                        "separate confirmation")
            return None
        if role == Role.ForegroundRole and ((col == DATE_COLUMN and a.published is None)
                                            or (col == LANGUAGE_COLUMN and not readable(a.language))):
            return QtGui.QColor("#b00020")
        return None

    def setData(self, index: QtCore.QModelIndex, value: object,  # noqa: N802
                role: int = QtCore.Qt.ItemDataRole.EditRole) -> bool:
        if role != QtCore.Qt.ItemDataRole.EditRole or index.column() not in (DATE_COLUMN, LANGUAGE_COLUMN):
            return False
        name = self.articles[index.row()].name
        panel = self.parent()
        assert isinstance(panel, QtSourcesPanel)
        # Deferred: changing the date or the language rebuilds this model, which must not happen inside the edit.
        if index.column() == LANGUAGE_COLUMN:
            QtCore.QTimer.singleShot(0, panel, lambda: panel.set_language(name, str(value)))
        else:
            QtCore.QTimer.singleShot(0, panel, lambda: panel.set_date(name, str(value)))
        return True


class QtSourcesPanel(Listening, QtWidgets.QWidget):
    """One row per article; double-click its date to change it and re-anchor its relative dates."""

    #: An article was chosen to be shown.
    sigOpenDocument = QtCore.Signal(str)
    #: A message for the user (an invalid date typed).
    sigMessage = QtCore.Signal(str)

    def __init__(self, workspace: Workspace, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = SourcesModel(self)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
                                   | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Widths from the font, not from the contents: sizing to contents measures every row at each
        # reload, which is slow with a thousand articles. The title gets what the pane's first width
        # leaves once the date and the language are in view; the last column takes the rest.
        metrics = self.table.fontMetrics()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, metrics.horizontalAdvance("Lithuania to mine its bord"))
        header.setStretchLastSection(True)
        for col, sample in ((DATE_COLUMN, "0000-00-00"), (OUTLET_COLUMN, "Baltic Outlet"),
                            (FROM_COLUMN, "page metadata"), (EVENTS_COLUMN, "Events"), (COPY_COLUMN, "Copy"),
                            (LANGUAGE_COLUMN, "Language")):
            header.setSectionResizeMode(col, QtWidgets.QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, metrics.horizontalAdvance(sample) + 10)
        header.setMinimumSectionSize(24)
        self.failures = QtWidgets.QListWidget()
        self.failures.setMaximumHeight(110)
        self.failures_label = QtWidgets.QLabel()
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.failures_label)
        layout.addWidget(self.failures)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.listen(workspace.timeline_changed, self.reload)
        self.reload()

    def reload(self) -> None:
        self.model.reload()
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

    def set_language(self, name: str, text: str) -> bool:
        """Apply a typed language code ("de", "en"); False when it is not one."""
        code = text.strip().lower().split(" ", 1)[0]
        if not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3):
            self.sigMessage.emit(f"Not a language code: {text!r}. Type two letters, such as en, de or fr.")
            return False
        article = self.workspace.article(name)
        if article is not None and article.language != code:
            self.workspace.set_language(name, code)
        return True

    def _current_changed(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        if current.isValid():
            self.sigOpenDocument.emit(current.data(NAME_ROLE))

    def row_of(self, name: str) -> int | None:
        """The row that shows the article called ``name``."""
        return next((i for i, a in enumerate(self.model.articles) if a.name == name), None)
