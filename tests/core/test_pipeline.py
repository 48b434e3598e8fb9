"""The one pipeline, and a curated project exported from the command line."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date
from pathlib import Path

from timeline_app.core import project as proj
from timeline_app.core.commands import EditTitle, Hide
from timeline_app.core.curation import key_of
from timeline_app.core.loading import load
from timeline_app.core.pipeline import Sources, read_timeline, timeline_from
from timeline_app.core.workspace import Workspace

REF = date(2025, 5, 6)


def test_read_timeline_is_load_then_timeline_from(seeds_dir: Path) -> None:
    direct = timeline_from(load([seeds_dir], reference=REF).analyses)
    piped = read_timeline(Sources([str(seeds_dir)], REF))
    assert [(e.id, e.title, e.start, e.end) for e in piped.events] == [
        (e.id, e.title, e.start, e.end) for e in direct.events]


def _curated_project(seeds_dir: Path, folder: Path) -> tuple[Path, list[str], list[str]]:
    """A project beside a copy of the sample articles, with one title edited and one event hidden."""
    articles = folder / "articles"
    shutil.copytree(seeds_dir, articles)
    workspace = Workspace()
    loaded = load([articles], reference=REF)
    workspace.add(loaded.analyses, loaded.failures)
    before = [e.title for e in workspace.timeline.events]
    first, second = workspace.timeline.events[0], workspace.timeline.events[1]
    workspace.run(EditTitle(key_of(first), "Renamed by the researcher"))
    workspace.run(Hide(key_of(second)))
    path = folder / "story.timeline.json"
    proj.save(proj.project_from_workspace(workspace, REF), path)
    return path, before, [e.title for e in workspace.timeline.events]


def test_export_of_a_project_writes_the_curated_timeline(cli, seeds_dir: Path, tmp_path: Path) -> None:
    path, before, curated = _curated_project(seeds_dir, tmp_path)
    done = cli("export", str(path), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    titles = [r["title"] for r in csv.DictReader((tmp_path / "out" / "timeline.csv").open(encoding="utf-8"))]
    assert titles == curated  # as in the window: one title edited, one event hidden
    assert "Renamed by the researcher" in titles and len(titles) == len(before) - 1
    document = json.loads((tmp_path / "out" / "timeline.json").read_bytes())
    assert len(document["articles"]) == 5  # not the project file read as an article
    shown = cli("show", str(path))
    assert "Renamed by the researcher" in shown.stdout


def test_a_projects_articles_outside_its_folder_need_allow_outside(cli, seeds_dir: Path, tmp_path: Path) -> None:
    path, _, _ = _curated_project(seeds_dir, tmp_path)
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    project_copy = moved / "story.timeline.json"
    shutil.copy(path, project_copy)  # its articles are now in ../articles
    refused = cli("export", str(project_copy), "--out", str(tmp_path / "out"))
    assert refused.returncode == 1 and "outside the project's folder" in refused.stderr
    allowed = cli("export", str(project_copy), "--out", str(tmp_path / "out"), "--allow-outside")
    assert allowed.returncode == 0, allowed.stderr


def test_a_damaged_project_on_the_command_line_is_one_line(cli, tmp_path: Path) -> None:
    path = tmp_path / "story.timeline.json"
    path.write_text('{"schema": "timeline-app/project", "schema_version": 1, "edits": null}', encoding="utf-8")
    done = cli("export", str(path), "--out", str(tmp_path / "out"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0 and "damaged" in done.stderr


def test_a_json_that_is_not_a_project_is_reported(cli, tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text('{"publication_date": "2025-03-18"}', encoding="utf-8")
    done = cli("export", str(path), "--out", str(tmp_path / "out"))
    assert done.returncode == 1 and "not a timeline project" in done.stderr
