"""An article's text with its dated sentences marked; the selected event's sentence stands out."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.core.workspace import Workspace
from timeline_app.gui.listening import Listening

SENTENCE = "#fff3c4"  # a sentence that supports some event
SELECTED = "#ffd36b"  # the selected event's sentence
DATE_MARK = "#1f5fa8"  # its date expression


class QtArticleView(Listening, QtWidgets.QWidget):
    """Shows one article; clicking a marked sentence selects its event."""

    def __init__(self, workspace: Workspace, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.document: str | None = None
        self._wide: list[int] = []  # offsets of characters outside the BMP (two UTF-16 units in Qt)
        self.header = QtWidgets.QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.text = QtWidgets.QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.viewport().setCursor(QtCore.Qt.CursorShape.PointingHandCursor)
        self.text.viewport().installEventFilter(self)
        self.text.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.text)
        self.listen(workspace.timeline_changed, self._reload)
        self.listen(workspace.selection_changed, self._selection_changed)

    def show_document(self, name: str | None, scroll_to: int | None = None) -> None:
        """Show article ``name`` (``None``: nothing) and scroll to a character offset."""
        article = self.workspace.article(name) if name else None
        if article is None:
            self.document = None
            self.header.setText("")
            self.text.setPlainText("")
            return
        if name != self.document:
            self.document = name
            self._set_header(article)
            self.text.setPlainText(article.text)
            self._shown_text = article.text
            self._wide = [i for i, ch in enumerate(article.text) if ord(ch) > 0xFFFF]
        self._highlight()
        if scroll_to is not None:
            cursor = self.text.textCursor()
            cursor.setPosition(self._to_qt(min(scroll_to, len(article.text))))
            self.text.setTextCursor(cursor)
            self.text.centerCursor()

    def _to_qt(self, offset: int) -> int:
        """A Python string offset as a Qt text position (UTF-16 units)."""
        import bisect

        return offset + bisect.bisect_left(self._wide, offset)

    def _from_qt(self, position: int) -> int:
        offset = position
        for w in self._wide:
            if self._to_qt(w) < position:
                offset -= 1
            else:
                break
        return offset

    def _set_header(self, article) -> None:  # noqa: ANN001 - a core Article
        date_text = article.published.isoformat() if article.published else "no publication date"
        who = f"{article.outlet} · " if article.outlet else ""
        self.header.setText(f"{article.title}\n{who}{article.name} — {date_text} ({article.date_source})")

    def _reload(self) -> None:
        """After an edit: the same article keeps its place (the reader's sentence stays in view)."""
        name = self.document
        article = self.workspace.article(name) if name else None
        if article is not None and article.text == getattr(self, "_shown_text", None):
            bar = self.text.verticalScrollBar()
            position = bar.value()
            self._set_header(article)
            self._highlight()
            bar.setValue(position)
            return
        self.document = None
        self.show_document(name)

    def _selection_changed(self, event_id: object) -> None:
        event = self.workspace.event(event_id if isinstance(event_id, str) else None)
        if event is None:
            self._highlight()
            return
        here = [ev for ev in event.evidence if ev.document == self.document]
        ev = here[0] if here else event.evidence[0]
        self.show_document(ev.document, ev.date_start)

    def _highlight(self) -> None:
        if self.document is None:
            self.text.setExtraSelections([])
            return
        selected = self.workspace.selected
        selections = []
        marked: set[tuple[int, int]] = set()
        for event, ev in self.workspace.evidence_in(self.document):
            is_selected = event.id == selected
            span = (ev.sentence_start, ev.sentence_end)
            if span in marked and not is_selected:
                continue
            marked.add(span)
            selections.append(self._selection(ev.sentence_start, ev.sentence_end,
                                              SELECTED if is_selected else SENTENCE))
            if is_selected:
                selections.append(self._selection(ev.date_start, ev.date_end, None))
        # the selected sentence last, so it is drawn over the others
        selections.sort(key=lambda s: s.format.background().color().name() == SELECTED)
        self.text.setExtraSelections(selections)

    def _selection(self, start: int, end: int, background: str | None) -> QtWidgets.QTextEdit.ExtraSelection:
        sel = QtWidgets.QTextEdit.ExtraSelection()
        cursor = self.text.textCursor()
        cursor.setPosition(self._to_qt(start))
        cursor.setPosition(self._to_qt(end), QtGui.QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QtGui.QTextCharFormat()
        if background is None:
            fmt.setForeground(QtGui.QColor(DATE_MARK))
            fmt.setFontWeight(QtGui.QFont.Weight.Bold)
            fmt.setFontUnderline(True)
            fmt.setBackground(QtGui.QColor(SELECTED))
        else:
            fmt.setBackground(QtGui.QColor(background))
        sel.format = fmt
        return sel

    def selected_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, colour) of every mark, for tests."""
        out = []
        for s in self.text.extraSelections():
            c = s.cursor
            bold = s.format.fontWeight() == QtGui.QFont.Weight.Bold
            kind = "date" if bold else s.format.background().color().name()
            out.append((self._from_qt(c.selectionStart()), self._from_qt(c.selectionEnd()), kind))
        return out

    def click_offset(self, offset: int) -> None:
        """Act as a click at a character offset: select the event whose sentence is there."""
        if self.document is None:
            return
        event_id = self.workspace.event_at(self.document, offset)
        if event_id is not None:
            self.workspace.select(event_id)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if watched is self.text.viewport() and event.type() == QtCore.QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QtGui.QMouseEvent)
            if event.button() == QtCore.Qt.MouseButton.LeftButton and not self.text.textCursor().hasSelection():
                cursor = self.text.cursorForPosition(event.position().toPoint())
                self.click_offset(self._from_qt(cursor.position()))
        return super().eventFilter(watched, event)

    def attach_sentence_at(self, offset: int) -> bool:
        """Make the sentence at ``offset`` evidence of the selected event (undoable)."""
        from timeline_app.core.commands import Attach
        from timeline_app.core.curation import key_of
        from timeline_app.core.event import Evidence
        from timeline_app.core.language import DEFAULT

        event = self.workspace.event(self.workspace.selected)
        sentence = self.workspace.sentence_at(self.document, offset) if self.document else None
        if event is None or sentence is None:
            return False
        article = self.workspace.article(self.document)
        evidence = Evidence(self.document, sentence.start, sentence.end, sentence.text, sentence.start,
                            sentence.start, "", "", language=article.language if article else DEFAULT)
        self.workspace.run(Attach(key_of(event), evidence))
        return True

    def _context_menu(self, pos: QtCore.QPoint) -> None:
        menu = self.text.createStandardContextMenu()
        offset = self._from_qt(self.text.cursorForPosition(pos).position())
        event = self.workspace.event(self.workspace.selected)
        if event is not None and self.document is not None:
            menu.addSeparator()
            title = event.title if len(event.title) < 40 else event.title[:39] + "…"
            menu.addAction(f"Attach This Sentence to “{title}”", lambda: self.attach_sentence_at(offset))
        menu.exec(self.text.viewport().mapToGlobal(pos))
