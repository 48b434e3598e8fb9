"""A full disk never destroys a previous file: every writer checks what it wrote before replacing.

The disk is made "full" for a child process with RLIMIT_FSIZE (Python ignores SIGXFSZ, so a write
past the limit fails with EFBIG, as one on a full disk fails with ENOSPC).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Each writer of the application, run once with room and once on a "full disk".
WRITERS = r'''
import json, os, resource, sys
from datetime import date
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import timeline_app.gui
from PySide6 import QtGui, QtWidgets
from timeline_app.core import project as proj
from timeline_app.core.article import DATE_REFERENCE, Article
from timeline_app.core.export import TIMELINE_COLUMNS, export, timeline_rows, write_csv, write_json
from timeline_app.core.pipeline import build_timeline
from timeline_app.core.workspace import Workspace
from timeline_app.gui.export_image import render_image, save_png

app = QtWidgets.QApplication(["t"])
out = Path(sys.argv[1])
limit = int(sys.argv[2])
text = " ".join(f"On March {d}, 2025 the council met for session {d} about the border fence." for d in range(1, 28))
timeline = build_timeline([Article("a.txt", "a.txt", "A", text, date(2025, 5, 6), DATE_REFERENCE)])
ws = Workspace()
ws.add(timeline.analyses, timeline.failures)
noise = os.urandom(300 * 200 * 4)  # incompressible: larger than the limit as a PNG
image = QtGui.QImage(noise, 300, 200, QtGui.QImage.Format.Format_RGB32).copy()
writers = {
    "tables": lambda: export(timeline, out / "tables"),
    "csv": lambda: write_csv(TIMELINE_COLUMNS, timeline_rows(timeline), out / "one.csv"),
    "json": lambda: write_json({"text": text * 10}, out / "one.json"),
    "png": lambda: render_image(ws, out / "t.png"),
    "svg": lambda: render_image(ws, out / "t.svg"),
    "screenshot": lambda: save_png(image, out / "shot.png"),
    "project": lambda: proj.save(proj.Project(reference_date=date(2025, 5, 6), view={"x": text}),
                                 out / "p.timeline.json"),
    "autosave": lambda: proj.save(proj.Project(view={"x": text}), out / "autosave.timeline.json", replace_any=True),
}
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
results = {}
for name, write in writers.items():
    if limit:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        write()
        results[name] = "ok"
    except OSError as e:
        results[name] = f"OSError: {e.strerror}"
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
print(json.dumps(results))
'''


def _run_writers(out: Path, limit: int) -> dict[str, str]:
    done = subprocess.run([sys.executable, "-c", WRITERS, str(out), str(limit)], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_writer_keeps_the_previous_file_byte_identical_on_a_full_disk(tmp_path: Path) -> None:
    assert _run_writers(tmp_path, 0) == dict.fromkeys(
        ("tables", "csv", "json", "png", "svg", "screenshot", "project", "autosave"), "ok")
    before = _snapshot(tmp_path)
    results = _run_writers(tmp_path, 700)  # each new file is larger than this
    failed = {name for name, result in results.items() if result.startswith("OSError")}
    assert failed == set(results), results
    assert all("previous file was kept" in r for r in results.values()), results
    assert _snapshot(tmp_path) == before  # nothing replaced, no temporary file left behind


def test_a_set_of_tables_is_replaced_whole_or_not_at_all(tmp_path: Path) -> None:
    """Both CSV files fit under the limit, timeline.json does not: none of them is replaced."""
    _run_writers(tmp_path, 0)
    before = _snapshot(tmp_path / "tables")
    limit = max(len(before["timeline.csv"]), len(before["evidence.csv"])) + 100
    assert len(before["timeline.json"]) > limit
    assert _run_writers(tmp_path, limit)["tables"].startswith("OSError")
    assert _snapshot(tmp_path / "tables") == before


def _limit_file_size(limit: int):  # noqa: ANN202
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    return apply


@pytest.mark.parametrize("picture", ["--svg", "--png"])
def test_export_on_a_full_disk_exits_non_zero_and_keeps_the_previous_files(tmp_path: Path, picture: str) -> None:
    out = tmp_path / "out"
    target = out / f"timeline.{picture[2:]}"
    command = [sys.executable, "-m", "timeline_app", "export", str(SEEDS), "--reference-date", "2025-05-06",
               "--out", str(out), picture, str(target)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, check=False)
    assert first.returncode == 0, first.stderr
    before = _snapshot(out)
    full = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, check=False,
                          preexec_fn=_limit_file_size(2000))
    assert full.returncode == 1
    assert "previous file was kept" in full.stderr
    assert "Wrote" not in full.stdout
    assert _snapshot(out) == before


def test_tables_fit_but_the_picture_does_not(tmp_path: Path) -> None:
    """The picture's failure is reported with a non-zero exit; the old picture stays whole."""
    out = tmp_path / "out"
    svg = tmp_path / "pictures" / "timeline.svg"
    svg.parent.mkdir()
    svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    before = svg.read_bytes()
    command = [sys.executable, "-m", "timeline_app", "export", str(SEEDS), "--reference-date", "2025-05-06",
               "--out", str(out), "--svg", str(svg)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, check=False,
                          preexec_fn=_limit_file_size(60_000))
    assert (out / "timeline.json").exists()  # the tables fit
    assert done.returncode == 1 and "picture" in done.stderr
    assert svg.read_bytes() == before
