"""Events kept off the timeline (page furniture, hidden by the researcher), each with its reason."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from timeline_app.core.commands import Hide
from timeline_app.core.curation import key_of
from timeline_app.core.event import format_span
from timeline_app.core.workspace import Workspace
from timeline_app.gui.listening import Listening

ID_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1


class QtExcludedPanel(Listening, QtWidgets.QWidget):
    """The excluded events; one click restores one to the timeline (undoable)."""

    sigCountChanged = QtCore.Signal(int)

    def __init__(self, workspace: Workspace, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.list = QtWidgets.QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.restore_button = QtWidgets.QPushButton("Restore to the Timeline")
        self.restore_button.setEnabled(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        note = QtWidgets.QLabel("Kept off the timeline: page furniture and what you hid.")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.list)
        layout.addWidget(self.restore_button)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemDoubleClicked.connect(self._restore_item)
        self.restore_button.clicked.connect(self._restore_current)
        self.listen(workspace.timeline_changed, self.reload)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for e in self.workspace.timeline.excluded:
            docs = ", ".join(e.documents)
            item = QtWidgets.QListWidgetItem(f"{format_span(e.start, e.end)} — {e.title}\n{e.excluded} · {docs}")
            item.setData(ID_ROLE, e.id)
            item.setToolTip(e.evidence[0].sentence if e.evidence else e.title)
            self.list.addItem(item)
        self.restore_button.setEnabled(False)
        self.sigCountChanged.emit(self.list.count())

    def _restore_item(self, item: QtWidgets.QListWidgetItem) -> None:
        self.restore(item.data(ID_ROLE))

    def restore(self, event_id: str) -> None:
        event = self.workspace.event(event_id)
        if event is not None:
            self.workspace.run(Hide(key_of(event), on=False))

    def _restore_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.restore(item.data(ID_ROLE))

    def _current_changed(self, current: QtWidgets.QListWidgetItem | None, *_: object) -> None:
        self.restore_button.setEnabled(current is not None)
        if current is not None:
            self.workspace.select(current.data(ID_ROLE))
