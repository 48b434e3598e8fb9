"""The selected event's supporting sentences, from every article; a click opens the article there."""

from __future__ import annotations

import html

from PySide6 import QtCore, QtWidgets

from timeline_app.core.event import Evidence, format_span
from timeline_app.core.workspace import Workspace
from timeline_app.gui.listening import Listening

EVIDENCE_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1


class QtEvidencePanel(Listening, QtWidgets.QWidget):
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
        # the summary (title, support, copies, disagreements) and the sentences share the pane: a
        # long note scrolls in its own part, the sentences keep most of the room
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        scroll.setWidget(self.summary)
        self.summary.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop | QtCore.Qt.AlignmentFlag.AlignLeft)
        self.splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.list)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.list.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.itemClicked.connect(self._open)
        self.list.itemActivated.connect(self._open)
        self.listen(workspace.selection_changed, self.show_event)
        self.listen(workspace.timeline_changed, self._refresh)

    def _refresh(self) -> None:
        self.show_event(self.workspace.selected)

    def show_event(self, event_id: object) -> None:
        self.list.clear()
        event = self.workspace.event(event_id if isinstance(event_id, str) else None)
        if event is None:
            self.summary.setText("Select an event to see its sources.")
            return
        from timeline_app.gui.qt_events_table import support_text

        copies = self.workspace.timeline.copies
        parts = [
            f"<b>{'★ ' if event.starred else ''}{html.escape(event.title)}</b>",
            f"{html.escape(format_span(event.start, event.end))} <span style='color:#555'>({html.escape(event.kind)}"
            f", {html.escape(event.granularity or '-')}{', edited' if event.edited else ''})</span>",
            f"{html.escape(support_text(event))}, {len(event.evidence)} sentence"
            f"{'s' if len(event.evidence) != 1 else ''}",
        ]
        parts += [f"<span style='color:#555'>{html.escape(d)} copies {html.escape(copies[d])}</span>"
                  for d in event.documents if d in copies]
        parts += [f"<span style='color:#b00020'>⚠ Sources disagree — {html.escape(c)}</span>" for c in event.conflicts]
        if event.excluded:
            parts.append(f"<span style='color:#b00020'>Not on the timeline: {html.escape(event.excluded)}</span>")
        if event.note:
            parts.append(f"<i>Note: {html.escape(event.note)}</i>")
        self.summary.setText("<br>".join(parts))
        articles = {a.name: a for a in self.workspace.articles}
        for ev in event.evidence:
            copy = f" (copy of {copies[ev.document]})" if ev.document in copies else ""
            a = articles.get(ev.document)
            page = a.page_at(ev.sentence_start) if a is not None else None
            source = (a.citation if a is not None else ev.document) + (f", p. {page}" if page else "")
            item = QtWidgets.QListWidgetItem(f"{source}{copy} — “{ev.date_text}”\n{ev.sentence}")
            item.setData(EVIDENCE_ROLE, ev)
            item.setToolTip(f"“{ev.date_text}” → {ev.value}\n{ev.document}" + (f"\n{a.url}" if a and a.url else ""))
            self.list.addItem(item)

    def evidence(self) -> list[Evidence]:
        return [self.list.item(i).data(EVIDENCE_ROLE) for i in range(self.list.count())]

    def _open(self, item: QtWidgets.QListWidgetItem) -> None:
        ev = item.data(EVIDENCE_ROLE)
        if isinstance(ev, Evidence):
            self.sigOpenEvidence.emit(ev.document, ev.date_start)

    def selected_evidence(self) -> list[Evidence]:
        return [item.data(EVIDENCE_ROLE) for item in self.list.selectedItems()]

    def _context_menu(self, pos: QtCore.QPoint) -> None:
        from timeline_app.core.commands import Detach, Split

        chosen = self.selected_evidence()
        if not chosen:
            return
        keys = [(ev.document, ev.date_start) for ev in chosen]
        menu = QtWidgets.QMenu(self)
        if len(chosen) < self.list.count():
            n = len(chosen)
            menu.addAction(f"Split {n} Sentence{'s' if n != 1 else ''} into a New Event",
                           lambda: self.workspace.run(Split(keys)))
        menu.addAction("Detach from This Event (not support)", lambda: self.workspace.run(Detach(keys)))
        menu.exec(self.list.viewport().mapToGlobal(pos))
