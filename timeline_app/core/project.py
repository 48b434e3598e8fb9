"""Project files: the sources, every edit and the view, as readable, versioned JSON.

Saving writes beside the target and renames over it, so a crash mid-save leaves the previous file
whole. A file that is damaged, or written by a newer version, is reported and never overwritten.
Project files are data only: JSON, never pickle or code.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from timeline_app import __version__
from timeline_app.core.article import DATE_GIVEN
from timeline_app.core.curation import Curation
from timeline_app.core.escape import json_utf8
from timeline_app.core.export import check_json
from timeline_app.core.files import write_file

SCHEMA = "timeline-app/project"
SCHEMA_VERSION = 1
SUFFIX = ".timeline.json"


class ProjectError(Exception):
    """A project file that cannot be used; the message says why, in plain words."""


@dataclass
class SourceRecord:
    """One article of a project: where it was, what it held, and its publication date if given."""

    path: str
    sha256: str
    publication_date: date | None = None
    date_given: bool = False


@dataclass
class Project:
    sources: list[SourceRecord] = field(default_factory=list)
    reference_date: date | None = None
    curation: Curation = field(default_factory=Curation)
    view: dict[str, Any] = field(default_factory=dict)


def file_hash(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def to_json(project: Project, location: Path) -> dict[str, Any]:
    def rel(p: str) -> str:
        try:
            return os.path.relpath(p, location.parent)
        except ValueError:  # another drive on Windows
            return p

    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "saved": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "reference_date": project.reference_date.isoformat() if project.reference_date else None,
        "sources": [
            {"path": str(Path(s.path).resolve()), "relative_path": rel(str(Path(s.path).resolve())), "sha256": s.sha256,
             "publication_date": s.publication_date.isoformat() if s.publication_date else None,
             "date_given": s.date_given}
            for s in project.sources
        ],
        "edits": project.curation.to_json(),
        "view": project.view,
    }


def check_writable(path: str | os.PathLike[str]) -> None:
    """Refuse to replace a file that is not a project this version reads whole (damaged, newer, other)."""
    target = Path(path)
    if not target.exists():
        return
    try:
        load(target)
    except ProjectError as e:
        raise ProjectError(f"{e} It was not overwritten; save under another name.") from None


def save(project: Project, path: str | os.PathLike[str], *, replace_any: bool = False) -> Path:
    """Write the project atomically; the previous file stays whole if anything fails.

    An existing file that is not a project this version reads whole is refused, unless
    ``replace_any`` (the autosave, which is the application's own file).
    """
    target = Path(path)
    if not replace_any:
        check_writable(target)
    document = to_json(project, target)
    write_file(target, json_utf8(json.dumps(document, ensure_ascii=False, indent=1)), check_json)
    return target


def load(path: str | os.PathLike[str]) -> Project:
    """Read a project file; :class:`ProjectError` says plainly what is wrong with a bad one."""
    source = Path(path)
    try:
        raw = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProjectError(f"{source} does not exist") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ProjectError(f"{source.name} cannot be read: {e}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise ProjectError(f"{source.name} is damaged (not valid JSON at line {e.lineno}); it was not changed.") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ProjectError(f"{source.name} is not a timeline project file.")
    version = data.get("schema_version")
    if not isinstance(version, int):
        raise ProjectError(f"{source.name} is damaged (no schema version); it was not changed.")
    if version > SCHEMA_VERSION:
        raise ProjectError(f"{source.name} was saved by a newer version of timeline-app (project format {version}; "
                           f"this version reads up to {SCHEMA_VERSION}). Update the application; the file was not "
                           "changed.")
    try:
        sources = []
        for s in data["sources"]:
            path_text = str(s["path"])
            if not Path(path_text).exists() and s.get("relative_path"):
                candidate = (source.parent / str(s["relative_path"])).resolve()
                if candidate.exists():
                    path_text = str(candidate)  # the project and its articles moved together
            when = s.get("publication_date")
            sources.append(SourceRecord(path_text, str(s.get("sha256", "")),
                                        date.fromisoformat(when) if when else None, bool(s.get("date_given"))))
        reference = data.get("reference_date")
        return Project(sources=sources, reference_date=date.fromisoformat(reference) if reference else None,
                       curation=Curation.from_json(data.get("edits", {})), view=dict(data.get("view") or {}))
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise ProjectError(f"{source.name} is damaged ({type(e).__name__}: {e}); it was not changed.") from None


def changed_sources(project: Project) -> list[tuple[str, str]]:
    """Sources that are missing or whose content changed since the project was saved: (path, why)."""
    out = []
    for s in project.sources:
        p = Path(s.path)
        if not p.exists():
            out.append((s.path, "missing"))
        elif s.sha256 and file_hash(p) != s.sha256:
            out.append((s.path, "changed since the project was saved"))
    return out


def given_dates(project: Project) -> dict[str, date]:
    """Publication dates the researcher gave, by path, to re-apply when loading."""
    return {s.path: s.publication_date for s in project.sources if s.date_given and s.publication_date}


def project_from_workspace(workspace: Any, reference: date | None = None,
                           view: dict[str, Any] | None = None) -> Project:
    """A project describing an open workspace (its articles, their given dates, its edits)."""
    sources = []
    for a in workspace.articles:
        try:
            digest = file_hash(a.path)
        except OSError:
            digest = ""
        sources.append(SourceRecord(a.path, digest, a.published, a.date_source == DATE_GIVEN))
    return Project(sources=sources, reference_date=reference, curation=workspace.curation, view=dict(view or {}))
