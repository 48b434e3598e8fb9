"""The events table: sortable, filtered by text, date range and source; in sync with the selection."""

from __future__ import annotations

from datetime import date

from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.core.event import Event, format_span, support_text
from timeline_app.core.workspace import Workspace
from timeline_app.gui.listening import Listening
from timeline_app.gui.table_model import RowsModel

COLUMNS = ("Date as written", "Date", "Title", "Support", "Sources", "Key")
ID_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1


class EventsModel(RowsModel):
    """The workspace's events as rows."""

    COLUMNS = COLUMNS

    def __init__(self, workspace: Workspace, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.events: list[Event] = []
        self.rows: dict[str, int] = {}
        self.sort_column, self.sort_order = 1, QtCore.Qt.SortOrder.AscendingOrder
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.events = list(self.workspace.timeline.events)
        #: how the Sources column names an article: its outlet, else its title, else its file name
        self.labels = {a.name: a.short_source for a in self.workspace.articles}
        self._sort()
        self.endResetModel()

    def sort(self, column: int, order: QtCore.Qt.SortOrder = QtCore.Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, in one Python sort: a sorting proxy asks for two cells per comparison."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self.events[i.row()].id for i in before]
        self.sort_column, self.sort_order = column, order
        self._sort()
        self.changePersistentIndexList(before, [self.index(self.rows[i], old.column()) for i, old in zip(ids, before)])
        self.layoutChanged.emit()

    def _sort(self) -> None:
        key = _SORT_KEYS.get(self.sort_column, _SORT_KEYS[1])
        self.events.sort(key=key, reverse=self.sort_order == QtCore.Qt.SortOrder.DescendingOrder)
        self.rows = {e.id: i for i, e in enumerate(self.events)}

    def row_count(self) -> int:
        return len(self.events)

    def data(self, index: QtCore.QModelIndex, role: int = QtCore.Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        e = self.events[index.row()]
        col = index.column()
        if role == QtCore.Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return e.date_text
            if col == 1:
                return format_span(e.start, e.end)
            if col == 2:
                return ("★ " if e.starred else "") + e.title + (" ✎" if e.note else "")
            if col == 3:
                return support_text(e)
            if col == 5:
                return "key" if e.key else ""
            return ", ".join(dict.fromkeys(self.labels.get(d, d) for d in e.documents))
        if role == QtCore.Qt.ItemDataRole.ToolTipRole:
            if col == 4:
                return "\n".join(e.documents)
            if col == 3:
                return support_tooltip(e, self.workspace.timeline.copies)
            if col == 5:
                return (f"Salience {e.salience:g}: articles that report it (each once, copies once), how much was "
                        "published around its day, how specific its date is. Key: among the most salient, or starred.")
            return e.evidence[0].sentence if e.evidence else e.note or None
        if role == QtCore.Qt.ItemDataRole.ForegroundRole and col == 3 and e.conflicts:
            return QtGui.QColor("#b00020")
        if role == QtCore.Qt.ItemDataRole.FontRole and col == 2 and e.key:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return e.id
        return None


_SORT_KEYS = {
    0: lambda e: e.date_text.lower(),
    1: lambda e: int(e.id[1:]),  # ids follow timeline order
    2: lambda e: e.title.lower(),
    3: lambda e: (e.independent, len(e.documents)),
    4: lambda e: ", ".join(e.documents),
    5: lambda e: -e.salience,
}


def support_tooltip(e: Event, copies: dict[str, str]) -> str:
    lines = [f"{d} copies {copies[d]}" for d in e.documents if d in copies]
    lines += [f"Sources disagree: {c}" for c in e.conflicts]
    return "\n".join(lines) or "Each source is independent of the others."


class EventsFilter(QtCore.QSortFilterProxyModel):
    """Keeps the rows that match a text, overlap a date range and cite a source."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.date_from: date | None = None
        self.date_to: date | None = None
        self.source = ""

    def sort(self, column: int, order: QtCore.Qt.SortOrder = QtCore.Qt.SortOrder.AscendingOrder) -> None:
        """The events model sorts itself; the filter keeps its order."""
        model = self.sourceModel()
        if isinstance(model, EventsModel) and column >= 0:
            model.sort(column, order)

    def set_filter(self, text: str = "", date_from: date | None = None, date_to: date | None = None,
                   source: str = "", key_only: bool = False) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated there
            self.beginFilterChange()
        self.text, self.date_from, self.date_to, self.source = text.strip().lower(), date_from, date_to, source
        self.key_only = key_only
        if hasattr(self, "endFilterChange"):
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QtCore.QModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, EventsModel)
        e = model.events[row]
        if getattr(self, "key_only", False) and not (e.key or e.starred):
            return False
        if self.text:
            haystack = " ".join([e.title, e.date_text, *(ev.sentence for ev in e.evidence)]).lower()
            if self.text not in haystack:
                return False
        if self.source and self.source not in e.documents:
            return False
        if self.date_from or self.date_to:
            if e.start is None and e.end is None:
                return False
            lo, hi = e.start or date.min, e.end or date.max
            if self.date_from and hi < self.date_from:
                return False
            if self.date_to and lo > self.date_to:
                return False
        return True


class QtEventsTable(Listening, QtWidgets.QWidget):
    """A filter bar over a sortable table of events."""

    def __init__(self, workspace: Workspace, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = EventsModel(workspace, self)
        self.proxy = EventsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QtWidgets.QLineEdit(placeholderText="Filter: words in the title or sentences")
        self.search.setClearButtonEnabled(True)
        self.date_from = QtWidgets.QLineEdit(placeholderText="from YYYY-MM-DD")
        self.date_to = QtWidgets.QLineEdit(placeholderText="to YYYY-MM-DD")
        for w in (self.date_from, self.date_to):
            w.setMaximumWidth(130)
            w.setClearButtonEnabled(True)
        self.source = QtWidgets.QComboBox()
        self.source.setMinimumContentsLength(18)
        self.source.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.key_only = QtWidgets.QCheckBox("Key only")
        self.key_only.setToolTip("Show only the key events (the most salient, and the starred ones)")
        self.key_count = QtWidgets.QSpinBox()
        self.key_count.setRange(0, 99)
        self.key_count.setPrefix("Key events: ")
        self.key_count.setToolTip("How many of the most salient events are key (starred ones always are)")
        self.count = QtWidgets.QLabel()
        bar = QtWidgets.QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.date_from)
        bar.addWidget(self.date_to)
        bar.addWidget(self.source, 1)
        keys = QtWidgets.QHBoxLayout()
        keys.addWidget(self.key_only)
        keys.addWidget(self.key_count)
        keys.addStretch(1)
        keys.addWidget(self.count)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, QtCore.Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.Stretch)
        # Shown as: Date, Title, Support, Sources, Date as written; the title takes the room left.
        header.moveSection(header.visualIndex(0), 4)
        # the title takes what the others leave: they get what their usual content needs
        header.resizeSection(0, 92)
        header.resizeSection(1, 140)
        header.resizeSection(3, 128)
        header.resizeSection(4, 64)
        header.resizeSection(5, 34)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(keys)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self._apply_filter)
        self.date_from.textChanged.connect(self._apply_filter)
        self.date_to.textChanged.connect(self._apply_filter)
        self.source.currentIndexChanged.connect(self._apply_filter)
        self.key_only.toggled.connect(self._apply_filter)
        self.key_count.valueChanged.connect(self._key_count_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.listen(workspace.timeline_changed, self.reload)
        self.listen(workspace.selection_changed, self.show_selection)
        self.reload()

    def reload(self) -> None:
        current = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem("All sources", "")
        for a in self.workspace.articles:
            self.source.addItem(a.name, a.name)
        i = self.source.findData(current)
        self.source.setCurrentIndex(max(i, 0))
        self.source.blockSignals(False)
        self.key_count.blockSignals(True)
        chosen = self.workspace.curation.key_count
        self.key_count.setValue(chosen if chosen is not None else self.workspace.settings.key_events)
        self.key_count.blockSignals(False)
        self.model.reload()
        self._apply_filter()
        self.show_selection(self.workspace.selected)

    def _key_count_changed(self, n: int) -> None:
        from timeline_app.core.commands import SetKeyCount

        self.workspace.run(SetKeyCount(n))

    def visible_events(self) -> list[Event]:
        """The events the filters let through, in the table's order."""
        ids = [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]
        return [e for e in (self.workspace.event(i) for i in ids) if e is not None]

    def _parse(self, edit: QtWidgets.QLineEdit) -> date | None:
        text = edit.text().strip()
        if not text:
            edit.setStyleSheet("")
            return None
        for fmt_len, pad in ((10, ""), (7, "-01"), (4, "-01-01")):
            if len(text) == fmt_len:
                try:
                    d = date.fromisoformat(text + pad)
                except ValueError:
                    break
                edit.setStyleSheet("")
                if edit is self.date_to and pad:  # "to 2025" means to the end of 2025
                    d = date(d.year, 12, 31) if pad == "-01-01" else _month_end(d)
                return d
        edit.setStyleSheet("QLineEdit { background: #fde2e2; }")
        return None

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.search.text(), self._parse(self.date_from), self._parse(self.date_to),
                              self.source.currentData() or "", self.key_only.isChecked())
        self.count.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} events")

    def _row_changed(self, current: QtCore.QModelIndex, previous: QtCore.QModelIndex) -> None:
        if current.isValid():
            self.workspace.select(self.proxy.data(current, ID_ROLE))

    def selected_events(self) -> list[Event]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        events = [self.workspace.event(self.proxy.index(r, 0).data(ID_ROLE)) for r in rows]
        return [e for e in events if e is not None]

    def _context_menu(self, pos: QtCore.QPoint) -> None:
        from timeline_app.gui.qt_actions import fill_event_menu

        menu = QtWidgets.QMenu(self)
        fill_event_menu(menu, self.workspace, self.selected_events(), self)
        if not menu.isEmpty():
            menu.exec(self.table.viewport().mapToGlobal(pos))

    def show_selection(self, event_id: object) -> None:
        selection = self.table.selectionModel()
        if event_id is None:
            selection.clearSelection()
            return
        row = self.model.rows.get(event_id) if isinstance(event_id, str) else None
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else QtCore.QModelIndex()
        if not index.isValid():  # filtered out
            selection.clearSelection()
            return
        if self.table.currentIndex().row() != index.row():
            selection.setCurrentIndex(index, QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QtCore.QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)


def _month_end(d: date) -> date:
    from timeline_app.core.periods import month

    return month(d.year, d.month)[1]
