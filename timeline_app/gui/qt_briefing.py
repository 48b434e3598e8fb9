"""File → Export of a briefing (slides, PDF, TimelineJS): which events, what title, where."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets

from timeline_app.core.writers import Writer

if TYPE_CHECKING:
    from timeline_app.gui.qt_main_window import QtMainWindow

#: What a briefing can show, as the dialog offers it.
CHOICES = (("key", "The key events and the starred ones"), ("starred", "Only the starred events"),
           ("all", "All events"), ("shown", "The events the table's filters show"))


class QtBriefingDialog(QtWidgets.QDialog):
    """The options of a briefing export: title and which events."""

    def __init__(self, writer: Writer, title: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Export: {writer.label}")
        self.title = QtWidgets.QLineEdit(title)
        self.title.setPlaceholderText("Title of the briefing")
        self.buttons: dict[str, QtWidgets.QRadioButton] = {}
        form = QtWidgets.QFormLayout(self)
        form.addRow("Title", self.title)
        group = QtWidgets.QVBoxLayout()
        for value, label in CHOICES:
            button = QtWidgets.QRadioButton(label)
            self.buttons[value] = button
            group.addWidget(button)
        self.buttons["key"].setChecked(True)
        form.addRow("Events", group)
        box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                         | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)

    @property
    def only(self) -> str:
        return next(value for value, button in self.buttons.items() if button.isChecked())


def export_briefing_dialog(window: QtMainWindow, writer: Writer) -> Path | None:
    """Ask for the options and a file name, then write the briefing (errors shown, nothing lost)."""
    dialog = QtBriefingDialog(writer, window.briefing_title(), window)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    path, _ = QtWidgets.QFileDialog.getSaveFileName(window, f"Export {writer.label}", f"briefing{writer.suffix}",
                                                    f"{writer.label} (*{writer.suffix})")
    if not path:
        return None
    if not path.lower().endswith(writer.suffix):
        path += writer.suffix
    return export_briefing(window, writer, path, dialog.title.text(), dialog.only)


def export_briefing(window: QtMainWindow, writer: Writer, path: str, title: str, only: str) -> Path | None:
    """Write the briefing: ``only`` is key, starred, all, or shown (what the table's filters show)."""
    workspace = window.workspace
    if only == "shown":  # the filtered events, as a workspace of their own for the writer
        workspace, only = workspace.showing(window.events.visible_events()), "all"
    options = {"title": title, "only": only}
    try:
        written = writer.load()(workspace, path, **{k: v for k, v in options.items() if k in writer.options})
    except (OSError, ValueError) as e:
        window.show_error(f"Could not export {writer.label.lower()}: {getattr(e, 'strerror', None) or e}")
        return None
    window.statusBar().showMessage(f"Wrote {written}", 15000)
    return Path(written)
