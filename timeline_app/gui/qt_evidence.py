"""The selected event's supporting sentences, from every article; a click opens the article there."""

from __future__ import annotations

import html

from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.core.event import Evidence, format_span
from timeline_app.core.workspace import Workspace

EVIDENCE_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1


class QtEvidencePanel(QtWidgets.QWidget):
    """What supports the selected event: its date, title and every citing sentence."""

    #: An evidence item was chosen: (document name, character offset) to show.
    sigOpenEvidence = QtCore.Signal(str, int)

    def __init__(self, workspace: Workspace, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.summary = QtWidgets.QLabel("Select an event to see its sources.")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.list = QtWidgets.QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setVerticalScrollMode(QtWidgets.QAbstractItemView.ScrollMode.ScrollPerPixel)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.list.itemClicked.connect(self._open)
        self.list.itemActivated.connect(self._open)
        workspace.selection_changed.connect(self.show_event)
        workspace.timeline_changed.connect(self._refresh)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802
        self.workspace.selection_changed.disconnect(self.show_event)
        self.workspace.timeline_changed.disconnect(self._refresh)
        super().closeEvent(event)

    def _refresh(self) -> None:
        self.show_event(self.workspace.selected)

    def show_event(self, event_id: object) -> None:
        self.list.clear()
        event = self.workspace.event(event_id if isinstance(event_id, str) else None)
        if event is None:
            self.summary.setText("Select an event to see its sources.")
            return
        n = len(event.documents)
        self.summary.setText(
            f"<b>{html.escape(event.title)}</b><br>{html.escape(format_span(event.start, event.end))} "
            f"<span style='color:#555'>({html.escape(event.kind)}, {html.escape(event.granularity or '-')})</span>"
            f"<br>{n} source{'s' if n != 1 else ''}, {len(event.evidence)} sentence"
            f"{'s' if len(event.evidence) != 1 else ''}")
        for ev in event.evidence:
            item = QtWidgets.QListWidgetItem(f"{ev.document}\n“{ev.sentence}”")
            item.setData(EVIDENCE_ROLE, ev)
            item.setToolTip(f"“{ev.date_text}” → {ev.value}")
            self.list.addItem(item)

    def evidence(self) -> list[Evidence]:
        return [self.list.item(i).data(EVIDENCE_ROLE) for i in range(self.list.count())]

    def _open(self, item: QtWidgets.QListWidgetItem) -> None:
        ev = item.data(EVIDENCE_ROLE)
        if isinstance(ev, Evidence):
            self.sigOpenEvidence.emit(ev.document, ev.date_start)
