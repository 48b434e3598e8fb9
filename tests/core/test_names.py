"""File names as the operating system gives them (not UTF-8, control characters, bidi overrides):
kept exactly in projects, written escaped in tables and on the terminal, never a crash."""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

import pytest

from timeline_app.core import project as proj
from timeline_app.core.escape import for_terminal
from timeline_app.core.loading import load

GOOD = b"Lithuania said on March 18, 2025 that it would leave the treaty on landmines."
LATIN1_NAME = b"caf\xe9.txt"


@pytest.fixture
def latin1_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), LATIN1_NAME), "wb") as f:
        f.write(GOOD)
    (folder / "good.txt").write_bytes(
        b"Latvia agreed with the decision. It took effect on June 1, 2025, officials said.")
    return folder


def test_a_name_that_is_not_utf8_is_exported_escaped_with_the_other_articles(cli, latin1_folder: Path,
                                                                             tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = cli("export", str(latin1_folder), "--reference-date", "2025-05-06", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    rows = list(csv.DictReader((out / "timeline.csv").open(encoding="utf-8", newline="")))
    assert {r["sources"] for r in rows} == {"caf\\xe9.txt", "good.txt"}
    document = json.loads((out / "timeline.json").read_bytes())
    names = {a["name"] for a in document["articles"]}
    assert {os.fsencode(n) for n in names} == {LATIN1_NAME, b"good.txt"}  # exact, through JSON escapes


def test_show_prints_an_undecodable_name_escaped(cli, latin1_folder: Path) -> None:
    done = cli("show", str(latin1_folder), "--reference-date", "2025-05-06")
    assert done.returncode == 0, done.stderr
    assert "caf\\xe9.txt" in done.stdout


def test_a_project_keeps_the_exact_name_through_save_and_load(latin1_folder: Path, tmp_path: Path) -> None:
    from timeline_app.core.workspace import Workspace

    workspace = Workspace()
    loaded = load([latin1_folder])
    workspace.add(loaded.analyses, loaded.failures)
    path = tmp_path / "story.timeline.json"
    proj.save(proj.project_from_workspace(workspace), path)
    reopened = proj.load(path)
    assert {os.fsencode(Path(s.path).name) for s in reopened.sources} == {LATIN1_NAME, b"good.txt"}
    assert proj.changed_sources(reopened) == []


@pytest.mark.parametrize("name", [
    "evil\x1b]0;pwned\x07.txt",  # sets the terminal's title
    "hide\x1b[8m.txt",  # conceals what follows
    "two\nskipped good.txt: forged.txt",  # forges a second line
    "rtl\u202etxt.exe.txt",  # reorders what is shown
])
def test_control_characters_in_names_never_reach_the_terminal(cli, tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"\x00\x01binary")
    (tmp_path / "good.txt").write_bytes(GOOD)
    for command in (["export", str(tmp_path), "--out", str(tmp_path / "out")], ["show", str(tmp_path)]):
        done = cli(*command, "--reference-date", "2025-05-06")
        assert done.returncode == 0
        for stream in (done.stdout, done.stderr):
            assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", stream), stream
        assert "skipped" in done.stderr
        for stream in (done.stdout, done.stderr):  # one line per skipped file, whatever its name holds
            lines = stream.splitlines()
            assert len([ln for ln in lines if "binary" in ln]) <= 1
            assert all(for_terminal(name) in ln for ln in lines if "binary" in ln)
            assert not any(ln.startswith("skipped good.txt") for ln in lines)


def test_control_sequences_in_article_text_are_shown_escaped(cli, tmp_path: Path) -> None:
    filler = " The statement was read out to reporters in the capital after a long day of talks." * 4
    (tmp_path / "a.txt").write_text("The \x1b[2J\x1b]0;x\x07 council met on March 18, 2025 in \u202eVilnius."
                                    + filler, encoding="utf-8")
    done = cli("show", str(tmp_path), "--reference-date", "2025-05-06")
    assert done.returncode == 0
    assert "\x1b" not in done.stdout and "\u202e" not in done.stdout
    timex = cli("timex", str(tmp_path / "a.txt"))
    assert "\x1b" not in timex.stdout and "\u202e" not in timex.stdout
    for line in timex.stdout.splitlines():
        json.loads(line)


@pytest.mark.parametrize(("text", "shown"), [
    ("plain name.txt", "plain name.txt"),
    ("caf\udce9.txt", "caf\\xe9.txt"),
    ("a\x1b[31mred", "a\\x1b[31mred"),
    ("a\nb", "a\\nb"),
    ("a\u202eb", "a\\u202eb"),
    ("a\x9bb", "a\\x9bb"),
    ("ünïcödé ✓", "ünïcödé ✓"),
])
def test_for_terminal(text: str, shown: str) -> None:
    assert for_terminal(text) == shown


def test_the_window_exports_and_saves_a_project_with_an_undecodable_name(qtbot, latin1_folder: Path,  # noqa: ANN001
                                                                         tmp_path: Path) -> None:
    from timeline_app.core.workspace import Workspace
    from timeline_app.gui.qt_main_window import QtMainWindow

    window = QtMainWindow(Workspace())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sigLoaded, timeout=30_000):
        window.load([str(latin1_folder)])
    assert len(window.workspace.articles) == 2
    assert [p.name for p in window.export_tables(str(tmp_path / "out"))] == [
        "timeline.csv", "evidence.csv", "timeline.json"]
    assert window.save_project_to(tmp_path / "p.timeline.json")
