"""File → New Article from Clipboard: text pasted in becomes an article the project keeps."""

from __future__ import annotations

from datetime import date

from PySide6 import QtWidgets

from timeline_app.core.article import Article, parse_date
from timeline_app.core.pasted import pasted_article
from timeline_app.core.readers import ArticleError
from timeline_app.core.workspace import Workspace
from timeline_app.gui.qt_actions import finish_form


class QtPasteDialog(QtWidgets.QDialog):
    """The pasted text (editable), its title, its source and the day it was written."""

    def __init__(self, text: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Article from Clipboard")
        self.setMinimumSize(640, 480)
        form = QtWidgets.QFormLayout(self)
        self.text_edit = QtWidgets.QPlainTextEdit(text)
        self.title_edit = QtWidgets.QLineEdit()
        self.title_edit.setPlaceholderText("Its headline (else its first line)")
        self.source_edit = QtWidgets.QLineEdit()
        self.source_edit.setPlaceholderText("Who published or said it: an outlet, an agency, a person")
        self.date_edit = QtWidgets.QLineEdit()
        self.date_edit.setPlaceholderText("YYYY-MM-DD, or empty if not known (a byline in the text is read)")
        form.addRow("Text", self.text_edit)
        form.addRow("Title", self.title_edit)
        form.addRow("Source", self.source_edit)
        form.addRow("Written on", self.date_edit)
        self.error = finish_form(self, form, self._check)
        self.article: Article | None = None
        self.reference: date | None = None

    def _check(self) -> None:
        try:
            written = parse_date(self.date_edit.text()) if self.date_edit.text().strip() else None
        except ValueError as e:
            self.error.setText(str(e))
            return
        try:
            self.article = pasted_article(self.text_edit.toPlainText(), title=self.title_edit.text(),
                                          outlet=self.source_edit.text(), published=written,
                                          reference=self.reference)
        except ArticleError as e:
            self.error.setText(f"Not an article: {e}.")
            return
        self.accept()


def new_article_from_clipboard(workspace: Workspace, parent: QtWidgets.QWidget,
                               reference: date | None = None) -> Article | None:
    """Ask for the pasted text's details and add it; the article, or None when cancelled."""
    clipboard = QtWidgets.QApplication.clipboard()
    dialog = QtPasteDialog(clipboard.text() if clipboard is not None else "", parent)
    dialog.reference = reference
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or dialog.article is None:
        return None
    workspace.add_articles([dialog.article])
    return dialog.article
