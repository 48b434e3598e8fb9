"""Presenting a briefing full screen: the key dates first, then one event per step.

Arrow keys, space, Page Up/Down or a click step through; Home and End jump; Esc returns. Type is
sized from the screen's height, so it reads from the back of a room on a 1366×768 laptop and on a
1920×1080 projector alike.
"""

from __future__ import annotations

import html

from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.core.briefing import BAR, BY, DOT, FROM, BriefEvent, Briefing

#: The mark of each shape of certainty, as a character.
MARKS = {DOT: "●", BAR: "▬", BY: "⟶", FROM: "⟶", "span": "▭"}
#: Events on one overview page, and sentences quoted on one event's page (large type fits no more).
OVERVIEW, QUOTED = 5, 2
INK, MUTED, ACCENT, WARN = "#1F2933", "#52606D", "#1F6FB2", "#B44D12"


class QtPresentation(QtWidgets.QWidget):
    """Full-screen pages: the overview of key dates, then each event with its sources."""

    sigClosed = QtCore.Signal()

    def __init__(self, briefing: Briefing, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent, QtCore.Qt.WindowType.Window)
        self.briefing = briefing
        self.page = 0
        self.setWindowTitle(f"Presenting: {briefing.title}")
        self.setStyleSheet("background: white;")
        self.text = QtWidgets.QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.text.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop | QtCore.Qt.AlignmentFlag.AlignLeft)
        self.footer = QtWidgets.QLabel()
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.footer)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.show_page(0)

    @property
    def overview_pages(self) -> int:
        return max(1, -(-len(self.briefing.events) // OVERVIEW))

    @property
    def pages(self) -> int:
        return self.overview_pages + len(self.briefing.events)

    def show_page(self, n: int) -> None:
        self.page = max(0, min(n, self.pages - 1))
        self._render()

    def _px(self) -> int:
        """The body type in pixels: a 27th of the height, never below 22."""
        return max(22, self.height() // 27)

    def _render(self) -> None:
        px = self._px()
        margin = px
        self.layout().setContentsMargins(margin * 2, margin, margin * 2, margin // 2)
        if self.page < self.overview_pages:
            body = self._overview(px, self.page)
        else:
            body = self._event(self.briefing.events[self.page - self.overview_pages], px)
        self.text.setText(body)
        self.footer.setText(f"<span style='color:{MUTED}; font-size:{int(px * 0.7)}px'>"
                            f"{html.escape(self.briefing.title)} · {self.page + 1} / {self.pages} · "
                            "←/→ to step, Esc to return</span>")

    def _overview(self, px: int, n: int) -> str:
        b = self.briefing
        part = f" ({n + 1} of {self.overview_pages})" if self.overview_pages > 1 else ""
        rows = "".join(
            f"<tr><td style='color:{WARN if e.conflicts else ACCENT}; padding-right:{px // 2}px'>"
            f"{MARKS.get(e.shape, '●')}</td>"
            f"<td style='padding-right:{px}px; white-space:nowrap'><b>{html.escape(e.when)}</b></td>"
            f"<td>{html.escape(e.headline)}{' ⚠' if e.conflicts else ''}"
            f" <span style='color:{MUTED}; font-size:{int(px * 0.75)}px'>{html.escape(e.badge)}</span></td></tr>"
            for e in b.events[n * OVERVIEW:(n + 1) * OVERVIEW])
        return (f"<div style='color:{INK}; font-size:{px}px'>"
                f"<div style='font-size:{int(px * 1.6)}px'><b>{html.escape(b.title)}</b>{part}</div>"
                f"<div style='color:{MUTED}; font-size:{int(px * 0.8)}px'>{html.escape(b.subtitle)}</div><br>"
                f"<table cellspacing='{px // 3}'>{rows}</table></div>")

    def _event(self, e: BriefEvent, px: int) -> str:
        by_number = {s.number: s for s in self.briefing.sources}
        colour = WARN if e.conflicts else ACCENT
        certainty = {DOT: "a day", BAR: "a range", BY: "an open bound", FROM: "an open bound"}.get(e.shape, "a period")
        single = " · one source alone" if e.single_source else ""
        quotes = "".join(
            f"<p style='margin-left:{px}px'>“{html.escape(q)}”<br><span style='color:{MUTED}; "
            f"font-size:{int(px * 0.7)}px'>[{n}] {html.escape(by_number[n].citation)}</span></p>"
            for q, n in e.quotes[:QUOTED])
        if len(e.quotes) > QUOTED:
            quotes += (f"<p style='color:{MUTED}; font-size:{int(px * 0.7)}px; margin-left:{px}px'>"
                       f"and {len(e.quotes) - QUOTED} more in the slides' notes and the PDF</p>")
        warning = (f"<p style='color:{WARN}'>⚠ Sources disagree: {html.escape('; '.join(e.conflicts))}</p>"
                   if e.conflicts else "")
        return (f"<div style='color:{INK}; font-size:{px}px'>"
                f"<div style='color:{colour}; font-size:{int(px * 1.4)}px'><b>{MARKS.get(e.shape, '●')} "
                f"{html.escape(e.when)}</b></div>"
                f"<div style='color:{MUTED}; font-size:{int(px * 0.75)}px'>written “{html.escape(e.written)}” · "
                f"{html.escape(e.value)} · {certainty}{single}</div>"
                f"<div style='font-size:{int(px * 1.25)}px; margin-top:{px // 2}px'><b>{html.escape(e.headline)}"
                f"</b></div><div style='color:{MUTED}'>{html.escape(e.badge)}</div>{warning}{quotes}</div>")

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        Key = QtCore.Qt.Key
        if key in (Key.Key_Right, Key.Key_Down, Key.Key_Space, Key.Key_PageDown, Key.Key_Return):
            self.show_page(self.page + 1)
        elif key in (Key.Key_Left, Key.Key_Up, Key.Key_Backspace, Key.Key_PageUp):
            self.show_page(self.page - 1)
        elif key == Key.Key_Home:
            self.show_page(0)
        elif key == Key.Key_End:
            self.show_page(self.pages - 1)
        elif key in (Key.Key_Escape, Key.Key_F5):
            self.close()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802
        self.show_page(self.page + (-1 if event.button() == QtCore.Qt.MouseButton.RightButton else 1))

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._render()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802
        self.sigClosed.emit()
        super().closeEvent(event)
