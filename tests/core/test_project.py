"""Project files: round trip, damaged and newer files, changed sources, a crash during a save."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core import project as proj
from timeline_app.core.commands import EditTitle, Star
from timeline_app.core.curation import key_of
from timeline_app.core.loading import load
from timeline_app.core.workspace import Workspace

REF = date(2025, 5, 6)


def _workspace(folder: Path) -> Workspace:
    ws = Workspace()
    ws.add(load([folder], reference=REF).analyses)
    return ws


def test_save_and_open_keep_sources_edits_dates_and_view(tmp_path: Path, seeds_dir: Path) -> None:
    ws = _workspace(seeds_dir)
    ws.set_publication_date("000_a9b5a5e0ed6f1e90.txt", date(2025, 5, 7))
    e = next(e for e in ws.timeline.events if e.date_text == "April 15")
    ws.run(EditTitle(key_of(e), "Naryshkin warns"))
    ws.run(Star(key_of(e)))
    path = tmp_path / "story.timeline.json"
    proj.save(proj.project_from_workspace(ws, REF, {"selected": [e.evidence[0].document, e.evidence[0].date_start]}),
              path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == proj.SCHEMA and data["schema_version"] == proj.SCHEMA_VERSION
    opened = proj.load(path)
    assert opened.reference_date == REF and len(opened.sources) == 5
    assert opened.curation == ws.curation
    assert opened.view["selected"][0] == "004_d5d4d442800e1846.txt"
    assert proj.changed_sources(opened) == []
    again = Workspace()
    again.add(load([s.path for s in opened.sources], reference=opened.reference_date,
                   dates=proj.given_dates(opened)).analyses)
    again.set_curation(opened.curation)
    e2 = next(e for e in again.timeline.events if e.date_text == "April 15")
    assert (e2.title, e2.starred) == ("Naryshkin warns", True)
    assert again.article("000_a9b5a5e0ed6f1e90.txt").published == date(2025, 5, 7)


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "damaged"),
    ('{"schema": "timeline-app/project"}', "damaged"),
    ('{"schema": "timeline-app/project", "schema_version": 1, "sources": [{"nopath": 1}]}', "damaged"),
    ('{"schema": "timeline-app/project", "schema_version": 99, "sources": []}', "newer version"),
    ('["a list"]', "not a timeline project"),
    ('{"schema": "something/else", "schema_version": 1}', "not a timeline project"),
])
def test_bad_files_are_reported_and_never_overwritten(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.timeline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(proj.ProjectError, match=message):
        proj.load(path)
    with pytest.raises(proj.ProjectError):
        proj.save(proj.Project(), path)
    assert path.read_text(encoding="utf-8") == content


def test_changed_and_missing_sources_are_noticed(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("It began on March 18, 2025.", encoding="utf-8")
    b.write_text("It ended in 2026.", encoding="utf-8")
    path = tmp_path / "p.timeline.json"
    proj.save(proj.project_from_workspace(_workspace(tmp_path)), path)
    a.write_text("It began on March 19, 2025.", encoding="utf-8")
    b.unlink()
    changed = dict(proj.changed_sources(proj.load(path)))
    assert changed == {str(a.resolve()): "changed since the project was saved", str(b.resolve()): "missing"}


def test_a_project_moved_with_its_articles_still_finds_them(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "a.txt").write_text("It began on March 18, 2025.", encoding="utf-8")
    proj.save(proj.project_from_workspace(_workspace(folder)), folder / "p.timeline.json")
    moved = tmp_path / "moved"
    folder.rename(moved)
    opened = proj.load(moved / "p.timeline.json")
    assert Path(opened.sources[0].path) == (moved / "a.txt").resolve()


SAVER = """
import sys
from datetime import date
from timeline_app.core import project as proj
from timeline_app.core.curation import Curation
c = Curation(titles={("doc%d.txt" % i, i): "title " * 20 for i in range(200_000)})
print("ready", flush=True)
while True:
    proj.save(proj.Project(reference_date=date(2025, 5, 6), curation=c), sys.argv[1])
"""


def test_killing_the_process_during_a_save_leaves_the_previous_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "p.timeline.json"
    proj.save(proj.Project(reference_date=date(2024, 1, 1)), path)
    for delay in (0.05, 0.2, 0.6):
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, text=True,
                                 env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert child.stdout.readline().strip() == "ready"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        opened = proj.load(path)  # never a half-written file: the old project or a whole new one
        assert opened.reference_date in (date(2024, 1, 1), date(2025, 5, 6))


def test_a_save_removes_what_killed_saves_left_behind_but_not_a_write_in_progress(tmp_path: Path) -> None:
    import fcntl

    path = tmp_path / "p.timeline.json"
    dead = tmp_path / ".tl-0123456789ab.tmp"  # its writer was killed: nobody holds its lock
    busy = tmp_path / ".tl-ba9876543210.tmp"  # a write still running in another process
    other = tmp_path / ".other.json.tmp"  # not ours
    for leftover in (dead, busy, other):
        leftover.write_text("{", encoding="utf-8")
        seconds_ago = time.time() - 10
        os.utime(leftover, (seconds_ago, seconds_ago))
    with busy.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        proj.save(proj.Project(reference_date=date(2024, 1, 1)), path)
        assert not dead.exists()
        assert busy.exists() and other.exists()
