"""Readers and writers as registries: a new kind of file or output is one registered entry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core import readers
from timeline_app.core.loading import load
from timeline_app.core.readers import ArticleError, Extracted, Reader, reader_for, register


def test_the_built_in_readers_and_their_suffixes() -> None:
    assert {r.name for r in readers.readers()} >= {"text", "markdown", "html"}
    assert set(readers.suffixes()) >= {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}


@pytest.mark.parametrize(("suffix", "head", "name"), [
    (".txt", b"plain", "text"),
    (".HTML", b"<p>x", "html"),
    (".md", b"# Title", "markdown"),
    (".dat", b"  <!DOCTYPE html><html>", "html"),  # a suffix that says nothing: the content decides
    ("", b"<html><body>", "html"),
    (".log", b"2025-05-06 plain text", "text"),
])
def test_a_reader_is_found_by_suffix_then_by_content(suffix: str, head: bytes, name: str) -> None:
    assert reader_for(suffix, head).name == name


@pytest.fixture
def binary_reader(monkeypatch: pytest.MonkeyPatch) -> Reader:
    """A reader of a made-up binary format: its bytes are never checked as text first."""

    def read(data: bytes) -> Extracted:
        if not data.startswith(b"\x00BIN"):
            raise ArticleError("not a BIN file")
        return Extracted(data[4:].decode("utf-8"), title="From a binary file", stated=date(2025, 3, 1))

    monkeypatch.setattr(readers, "_READERS", list(readers._READERS))  # registered for this test only
    return register(Reader("bin", (".bin",), read, lambda head: head.startswith(b"\x00BIN"), label="BIN"))


def test_a_registered_reader_is_used_by_the_folder_walk_and_read_article(tmp_path: Path,
                                                                         binary_reader: Reader) -> None:
    (tmp_path / "a.bin").write_bytes(b"\x00BINLithuania said on March 18, 2025 that it would leave the treaty.")
    (tmp_path / "b.bin").write_bytes(b"\x01\x02 not one")
    result = load([tmp_path])
    [analysis] = result.analyses
    assert analysis.article.title == "From a binary file"
    assert analysis.article.published == date(2025, 3, 1)
    assert any(e.value == "2025-03-18" for e in analysis.expressions)
    assert [(Path(f.path).name, f.reason) for f in result.failures] == [("b.bin", "not a BIN file")]
    assert ".bin" in readers.suffixes()


def test_the_command_line_options_and_the_export_menu_come_from_the_writers(qtbot) -> None:  # noqa: ANN001
    from timeline_app.cli import _parser
    from timeline_app.core.workspace import Workspace
    from timeline_app.core.writers import FILE, writers
    from timeline_app.gui.qt_main_window import QtMainWindow

    help_text = _parser()._subparsers._group_actions[0].choices["export"].format_help()  # noqa: SLF001
    for w in writers(FILE):
        assert f"--{w.name} FILE" in help_text
    window = QtMainWindow(Workspace())
    qtbot.addWidget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    export = next(a.menu() for a in menu.actions() if a.text() == "&Export")
    labels = [a.text() for a in export.actions()]
    assert all(f"{w.label}…" in labels for w in writers())


def test_new_article_from_the_clipboard(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from PySide6 import QtWidgets

    from timeline_app.core.workspace import Workspace
    from timeline_app.gui import qt_paste
    from timeline_app.gui.qt_main_window import QtMainWindow

    window = QtMainWindow(Workspace())
    qtbot.addWidget(window)
    QtWidgets.QApplication.clipboard().setText("The ministry said on Monday that the fence would be done by 2030.")

    def fill_and_accept(dialog: qt_paste.QtPasteDialog) -> int:
        assert "fence would be done" in dialog.text_edit.toPlainText()
        dialog.title_edit.setText("Fence by 2030")
        dialog.source_edit.setText("Agency call")
        dialog.date_edit.setText("someday")
        dialog._check()  # noqa: SLF001 - as the OK button does
        assert "Not a date" in dialog.error.text() or "not a date" in dialog.error.text()
        dialog.date_edit.setText("2025-05-06")
        dialog._check()  # noqa: SLF001
        return int(dialog.result())

    monkeypatch.setattr(qt_paste.QtPasteDialog, "exec", fill_and_accept)
    window.paste_article()
    [article] = window.workspace.articles
    assert (article.title, article.outlet, article.published) == ("Fence by 2030", "Agency call", date(2025, 5, 6))
    assert window.windowTitle().startswith("*")  # unsaved: the project will keep the text


def test_the_language_column_is_edited_like_the_date(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from timeline_app.core.loading import load
    from timeline_app.core.workspace import Workspace
    from timeline_app.gui.qt_sources import LANGUAGE_COLUMN, QtSourcesPanel

    (tmp_path / "a.txt").write_text("Lithuania said on Monday that it will mine its border from 2026 to 2030.",
                                    encoding="utf-8")
    ws = Workspace()
    ws.add(load([tmp_path], reference=date(2025, 5, 7)).analyses)
    panel = QtSourcesPanel(ws)
    qtbot.addWidget(panel)
    index = panel.model.index(0, LANGUAGE_COLUMN)
    assert index.data() == "en"
    messages: list[str] = []
    panel.sigMessage.connect(messages.append)
    assert not panel.set_language("a.txt", "German!")
    assert messages and "Not a language code" in messages[0]
    assert panel.model.setData(index, "pl")
    qtbot.waitUntil(lambda: ws.article("a.txt").language == "pl", timeout=5000)
    assert panel.model.index(0, LANGUAGE_COLUMN).data() == "pl (numbers only)"
