"""Edits of events offered in menus: every one runs as an undoable command on the workspace."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6 import QtWidgets

from timeline_app.core.article import parse_date
from timeline_app.core.commands import AddEvent, EditDates, EditNote, EditTitle, Hide, Merge, Star
from timeline_app.core.curation import key_of
from timeline_app.core.event import Event
from timeline_app.core.periods import GRANULARITIES
from timeline_app.core.workspace import Workspace


def finish_form(dialog: QtWidgets.QDialog, form: QtWidgets.QFormLayout, check: Callable[[], None]) -> QtWidgets.QLabel:
    """The red line for what is wrong, and OK (which calls ``check``) and Cancel, under a dialog's form."""
    error = QtWidgets.QLabel()
    error.setStyleSheet("color: #b00020")
    form.addRow(error)
    buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                         | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(check)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    return error


class QtDatesDialog(QtWidgets.QDialog):
    """Start, end and precision of an event; an empty start or end leaves that side open."""

    def __init__(self, title: str, start: date | None, end: date | None, granularity: str,
                 parent: QtWidgets.QWidget | None = None, *, with_title: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QtWidgets.QFormLayout(self)
        self.title_edit = QtWidgets.QLineEdit()
        self.note_edit = QtWidgets.QLineEdit()
        self.source_edit = QtWidgets.QLineEdit()
        self.source_edit.setPlaceholderText("Where it comes from: an outlet, a document, a call")
        if with_title:
            self.setMinimumWidth(560)  # a headline and a citation fit without scrolling
            form.addRow("Title", self.title_edit)
        self.start_edit = QtWidgets.QLineEdit(start.isoformat() if start else "")
        self.end_edit = QtWidgets.QLineEdit(end.isoformat() if end else "")
        self.start_edit.setPlaceholderText("YYYY-MM-DD, or empty for an open start")
        self.end_edit.setPlaceholderText("YYYY-MM-DD, or empty for an open end")
        self.granularity = QtWidgets.QComboBox()
        self.granularity.addItems([g for g in GRANULARITIES if g != "time"])
        self.granularity.setCurrentText(granularity if granularity in GRANULARITIES else "day")
        form.addRow("Start", self.start_edit)
        form.addRow("End", self.end_edit)
        form.addRow("Precision", self.granularity)
        if with_title:
            form.addRow("Source", self.source_edit)
            form.addRow("Note", self.note_edit)
        self.error = finish_form(self, form, self._check)

    def values(self) -> tuple[date | None, date | None, str]:
        def read(edit: QtWidgets.QLineEdit) -> date | None:
            return parse_date(edit.text()) if edit.text().strip() else None

        start, end = read(self.start_edit), read(self.end_edit)
        return start, end, self.granularity.currentText()

    def _check(self) -> None:
        try:
            start, end, _ = self.values()
        except ValueError as e:
            self.error.setText(str(e))
            return
        if start is None and end is None:
            self.error.setText("Give a start, an end, or both.")
        elif start and end and end < start:
            self.error.setText("The end comes before the start.")
        elif self.title_edit.isVisible() and not self.title_edit.text().strip():
            self.error.setText("Give the event a title.")
        else:
            self.accept()


def fill_event_menu(menu: QtWidgets.QMenu, workspace: Workspace, events: list[Event],
                    parent: QtWidgets.QWidget) -> None:
    """Add the edits that apply to ``events`` (one or more) to ``menu``."""
    if not events:
        return
    keys = [key_of(e) for e in events]
    if len(events) == 1:
        e = events[0]
        menu.addAction("Edit Title…", lambda: edit_title(workspace, e, parent))
        menu.addAction("Edit Dates…", lambda: edit_dates(workspace, e, parent))
        menu.addAction("Note…", lambda: edit_note(workspace, e, parent))
    starred = all(e.starred for e in events)
    menu.addAction("Unstar" if starred else "Star", lambda: workspace.run(Star(keys, on=not starred)))
    if all(e.excluded for e in events):
        menu.addAction("Restore to the Timeline", lambda: workspace.run(Hide(keys, on=False)))
    else:
        menu.addAction("Hide from the Timeline", lambda: workspace.run(Hide(keys)))
    if len(events) > 1:
        menu.addAction(f"Merge {len(events)} Events", lambda: workspace.run(Merge(keys)))


def edit_title(workspace: Workspace, event: Event, parent: QtWidgets.QWidget) -> None:
    text, ok = QtWidgets.QInputDialog.getText(parent, "Edit Title", "Title:", text=event.title)
    if ok and text.strip() and text.strip() != event.title:
        workspace.run(EditTitle(key_of(event), text.strip()))


def edit_note(workspace: Workspace, event: Event, parent: QtWidgets.QWidget) -> None:
    text, ok = QtWidgets.QInputDialog.getMultiLineText(parent, "Note", "Note on this event:", event.note)
    if ok and text != event.note:
        workspace.run(EditNote(key_of(event), text))


def edit_dates(workspace: Workspace, event: Event, parent: QtWidgets.QWidget) -> None:
    dialog = QtDatesDialog("Edit Dates", event.start, event.end, event.granularity, parent)
    if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
        workspace.run(EditDates(key_of(event), dialog.values()))


def add_event(workspace: Workspace, parent: QtWidgets.QWidget) -> None:
    dialog = QtDatesDialog("Add Event", None, None, "day", parent, with_title=True)
    if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
        start, end, granularity = dialog.values()
        workspace.run(AddEvent(dialog.title_edit.text().strip(), start, end, granularity,
                               dialog.note_edit.text().strip(), dialog.source_edit.text().strip()))
