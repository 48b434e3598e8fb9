"""Damaged project files and autosaves: one clear message, never a traceback, nothing lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline_app.core import project as proj

GOOD_DOC = {"schema": proj.SCHEMA, "schema_version": 1, "reference_date": "2025-05-06",
            "sources": [{"path": "a.txt", "relative_path": "a.txt", "sha256": "", "publication_date": None,
                         "date_given": False}],
            "edits": {"titles": [], "starred": []}, "view": {}}


def _with(**changes: object) -> str:
    return json.dumps(GOOD_DOC | changes)


def _source(**changes: object) -> str:
    return _with(sources=[GOOD_DOC["sources"][0] | changes])  # type: ignore[index]


DAMAGED: dict[str, str | bytes] = {
    "empty": "",
    "truncated": _with()[:60],
    "not json": "this is not a project",
    "binary": b"\x00\x01\x02\xff\xfe" * 100,
    "utf-16": _with().encode("utf-16"),
    "a list": "[1, 2, 3]",
    "null": "null",
    "other schema": json.dumps({"schema": "something/else", "schema_version": 1}),
    "no version": json.dumps({"schema": proj.SCHEMA}),
    "version as text": _with(schema_version="1"),
    "version as bool": _with(schema_version=True),
    "newer version": _with(schema_version=99),
    "null edits": _with(edits=None),
    "edits a list": _with(edits=[1, 2]),
    "edits a string": _with(edits="x"),
    "null titles": _with(edits={"titles": None}),
    "bad title key": _with(edits={"titles": [[1, 2, "t"]]}),
    "short starred key": _with(edits={"starred": [["a.txt"]]}),
    "manual without number": _with(edits={"manual": [{"title": "x"}]}),
    "manual not a dict": _with(edits={"manual": [3]}),
    "bad edit date": _with(edits={"dates": [["a.txt", 1, "2025-13-45", None, "x"]]}),
    "null sources": _with(sources=None),
    "sources a dict": _with(sources={"a": 1}),
    "source a string": _with(sources=["a.txt"]),
    "null path": _source(path=None),
    "path a number": _source(path=3),
    "bad publication date": _source(publication_date="yesterday"),
    "publication date a number": _source(publication_date=20250506),
    "reference date a number": _with(reference_date=20250506),
    "bad reference date": _with(reference_date="2025-02-30"),
    "view a list": _with(view=[1]),
    "deeply nested": '{"schema": "timeline-app/project", "schema_version": 1, "view": ' + "[" * 100_000 + "]" * 100_000
                     + "}",
    "huge number": '{"schema": "timeline-app/project", "schema_version": 1' + "1" * 5000 + "}",
    "huge number in edits": _with().replace('"starred": []', '"starred": [["a.txt", ' + "9" * 5000 + "]]"),
}


@pytest.mark.parametrize("kind", sorted(DAMAGED))
def test_a_damaged_project_gives_a_project_error_and_is_not_changed(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "story.timeline.json"
    content = DAMAGED[kind]
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    before = path.read_bytes()
    with pytest.raises(proj.ProjectError) as raised:
        proj.load(path)
    assert "story.timeline.json" in str(raised.value)
    assert len(str(raised.value)) < 400  # a message, not a dump
    with pytest.raises(proj.ProjectError):
        proj.save(proj.Project(), path)  # never overwritten by a save
    assert path.read_bytes() == before


def test_a_fifo_or_a_folder_named_like_a_project_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.timeline.json"
    os.mkfifo(fifo)
    with pytest.raises(proj.ProjectError, match="FIFO"):
        proj.load(fifo)
    folder = tmp_path / "folder.timeline.json"
    folder.mkdir()
    with pytest.raises(proj.ProjectError):
        proj.load(folder)


def test_articles_outside_the_project_folder_are_flagged(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text("It began on March 18, 2025.", encoding="utf-8")
    path = folder / "story.timeline.json"
    sources = [{"path": "/etc/hostname", "sha256": ""},
               {"path": "x", "relative_path": os.path.relpath("/etc/passwd", folder)},
               {"path": str(folder / "a.txt"), "relative_path": "a.txt"}]
    path.write_text(_with(sources=sources), encoding="utf-8")
    project = proj.load(path)
    assert proj.outside_sources(project) == ["/etc/hostname", "/etc/passwd"]
    assert [s.path for s in proj.without_outside(project).sources] == [str(folder / "a.txt")]


def test_a_project_moved_with_its_articles_finds_them_inside(tmp_path: Path) -> None:
    first = tmp_path / "first"
    first.mkdir()
    (first / "a.txt").write_text("It began on March 18, 2025.", encoding="utf-8")
    proj.save(proj.Project(sources=[proj.SourceRecord(str(first / "a.txt"), "")]), first / "s.timeline.json")
    moved = tmp_path / "moved"
    first.rename(moved)
    project = proj.load(moved / "s.timeline.json")
    assert [s.path for s in project.sources] == [str(moved / "a.txt")]
    assert proj.outside_sources(project) == []


# ---------------------------------------------------------------------------------------------
# In the window and at start-up


@pytest.mark.parametrize("kind", ["null edits", "deeply nested", "huge number", "truncated"])
def test_the_window_reports_a_damaged_project_and_goes_on(qtbot, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    from timeline_app.core.workspace import Workspace
    from timeline_app.gui.qt_main_window import QtMainWindow

    window = QtMainWindow(Workspace())
    qtbot.addWidget(window)
    path = tmp_path / "story.timeline.json"
    path.write_text(str(DAMAGED[kind]), encoding="utf-8")
    assert window.open_project(path) is False
    assert "damaged" in window.statusBar().currentMessage()
    assert path.exists()


@pytest.mark.parametrize("kind", ["null edits", "deeply nested", "huge number", "truncated", "empty"])
def test_a_damaged_autosave_is_reported_kept_aside_and_the_window_starts(qtbot, kind: str) -> None:  # noqa: ANN001
    from timeline_app.core.workspace import Workspace
    from timeline_app.gui.qt_main_window import QtMainWindow
    from timeline_app.gui.qt_projects import autosave_path, offer_recovery

    path = autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob("autosave-damaged-*"):
        old.unlink()
    content = DAMAGED[kind]
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    window = QtMainWindow(Workspace())
    qtbot.addWidget(window)
    assert offer_recovery(window) is False
    assert not path.exists()
    [kept] = path.parent.glob("autosave-damaged-*.timeline.json")
    assert kept.read_bytes() == (content.encode("utf-8") if isinstance(content, str) else content)
    assert str(kept.name) in window.statusBar().currentMessage()
    kept.unlink()


def test_a_damaged_project_on_the_command_line_gives_one_line_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "story.timeline.json"
    path.write_text(str(DAMAGED["null edits"]), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "timeline_app", str(path), "--screenshot", str(tmp_path / "s.png")],
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "Traceback" not in done.stderr
    assert done.returncode != 0 and "damaged" in done.stderr
