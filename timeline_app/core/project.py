"""Project files: the sources, every edit and the view, as readable, versioned JSON.

Saving writes beside the target and renames over it, so a crash mid-save leaves the previous file
whole. A file that is damaged, or written by a newer version, is reported and never overwritten.
Project files are data only: JSON, never pickle or code.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from timeline_app import __version__
from timeline_app.core.article import DATE_GIVEN, Article
from timeline_app.core.curation import Curation
from timeline_app.core.escape import json_utf8
from timeline_app.core.files import read_regular_file, write_file
from timeline_app.core.pasted import is_pasted, pasted_article
from timeline_app.core.pipeline import Sources

SCHEMA = "timeline-app/project"
SCHEMA_VERSION = 1
SUFFIX = ".timeline.json"
#: A project holds paths and edits, and the text of pasted articles only: anything larger is not one.
MAX_PROJECT_BYTES = 100_000_000


def names_a_project(path: str) -> bool:
    """A ``.json`` named as a source is opened as a project (and reported if it is not one), never
    read as an article."""
    return path.lower().endswith(".json")


class ProjectError(Exception):
    """A project file that cannot be used; the message says why, in plain words."""


@dataclass
class SourceRecord:
    """One article of a project: where it was, what it held, and its publication date if given."""

    path: str
    sha256: str
    publication_date: date | None = None
    date_given: bool = False
    #: The article lies outside the project's folder (an absolute path, or ``..``): it is read only
    #: with the researcher's consent, so a project file cannot make the application read any file.
    outside: bool = False
    #: For an article inside another file (an e-mail's attachment, a mailbox's message): its name
    #: there; ``path`` is then the container's path, "#" and this name, and the container is read.
    member_name: str = ""
    #: For pasted text (no file): the article itself, kept in the project.
    pasted: Article | None = None

    @property
    def container(self) -> str:
        """The file to read for this article: itself, or the file it is inside."""
        return self.path[:-len(self.member_name) - 1] if self.member_name else self.path


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

    def source(s: SourceRecord) -> dict[str, Any]:
        when = {"publication_date": s.publication_date.isoformat() if s.publication_date else None,
                "date_given": s.date_given}
        if s.pasted is not None:
            a = s.pasted
            return {"path": s.path, "pasted": {"title": a.title, "outlet": a.outlet, "text": a.text}} | when
        resolved = str(Path(s.path).resolve())
        return ({"path": resolved, "relative_path": rel(resolved), "sha256": s.sha256} | when
                | ({"member_name": s.member_name} if s.member_name else {}))

    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "saved": datetime.now(UTC).isoformat(timespec="seconds"),
        "reference_date": project.reference_date.isoformat() if project.reference_date else None,
        "sources": [source(s) for s in project.sources],
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
    write_file(target, json_utf8(json.dumps(document, ensure_ascii=False, indent=1)))
    return target


def load(path: str | os.PathLike[str]) -> Project:
    """Read a project file; :class:`ProjectError` says plainly what is wrong with a bad one."""
    source = Path(path)
    try:
        raw = read_regular_file(source, MAX_PROJECT_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise ProjectError(f"{source} does not exist") from None
    except UnicodeDecodeError:
        raise ProjectError(f"{source.name} is damaged (not UTF-8 text); it was not changed.") from None
    except OSError as e:
        raise ProjectError(f"{source.name} cannot be read: {e.strerror or e}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise ProjectError(f"{source.name} is damaged (not valid JSON at line {e.lineno}); "
                           "it was not changed.") from None
    except (ValueError, RecursionError) as e:  # a 5,000-digit number, JSON nested thousands deep
        raise ProjectError(f"{source.name} is damaged ({_short(e)}); it was not changed.") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ProjectError(f"{source.name} is not a timeline project file.")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProjectError(f"{source.name} is damaged (no schema version); it was not changed.")
    if version > SCHEMA_VERSION:
        raise ProjectError(f"{source.name} was saved by a newer version of timeline-app (project format {version}; "
                           f"this version reads up to {SCHEMA_VERSION}). Update the application; the file was not "
                           "changed.")
    try:
        return _project_from(data, source)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, OverflowError, RecursionError) as e:
        raise ProjectError(f"{source.name} is damaged ({_short(e)}); it was not changed.") from None


def _short(e: BaseException) -> str:
    text = str(e)
    return f"{type(e).__name__}: {text[:120]}{'…' if len(text) > 120 else ''}"


def _expect(value: Any, kind: type, what: str) -> Any:
    if not isinstance(value, kind):
        raise TypeError(f"{what} is {type(value).__name__}, not {kind.__name__}")
    return value


def _project_from(data: dict[str, Any], source: Path) -> Project:
    sources = []
    folder = source.resolve().parent
    for s in _expect(data.get("sources", []), list, "sources"):
        _expect(s, dict, "a source")
        path_text = str(_expect(s["path"], str, "a source's path"))
        when = s.get("publication_date")
        published = date.fromisoformat(_expect(when, str, "a publication date")) if when else None
        if "pasted" in s:  # text kept in the project: no file to read
            kept = _expect(s["pasted"], dict, "a pasted article")
            article = pasted_article(str(_expect(kept.get("text"), str, "a pasted text")),
                                     title=str(_expect(kept.get("title", ""), str, "a pasted title")),
                                     outlet=str(_expect(kept.get("outlet", ""), str, "a pasted source")),
                                     published=published if s.get("date_given") else None)
            if not article.published and published:
                article = replace(article, published=published)
            sources.append(SourceRecord(article.path, "", published, bool(s.get("date_given")), pasted=article))
            continue
        relative = s.get("relative_path")
        if isinstance(relative, str) and relative:
            candidate = (folder / relative).resolve()
            if candidate.exists() or not Path(path_text).exists():
                path_text = str(candidate)  # the articles are named relative to the project
        member = str(_expect(s.get("member_name", ""), str, "a member's name"))
        if member and not path_text.endswith(f"#{member}"):
            raise ProjectError(f"a source's path does not end with its member name {member!r}")
        record = SourceRecord(path_text, str(s.get("sha256") or ""), published, bool(s.get("date_given")),
                              member_name=member)
        record.outside = not _inside(record.container, folder)
        sources.append(record)
    reference = data.get("reference_date")
    edits = data.get("edits", {})
    view = data.get("view", {})
    return Project(sources=sources,
                   reference_date=(date.fromisoformat(_expect(reference, str, "the reference date"))
                                   if reference else None),
                   curation=Curation.from_json(_expect(edits, dict, "the edits")),
                   view=dict(_expect(view, dict, "the view")))


def _inside(path: str, folder: Path) -> bool:
    try:
        return Path(path).resolve().is_relative_to(folder)
    except (OSError, RuntimeError):  # a link loop
        return False


def outside_sources(project: Project) -> list[str]:
    """Articles of the project outside its folder: read only with the researcher's consent."""
    return [s.path for s in project.sources if s.outside]


def without_outside(project: Project) -> Project:
    """The project limited to the articles inside its folder (consent was refused)."""
    return replace(project, sources=[s for s in project.sources if not s.outside])


@dataclass
class Opened:
    """A project ready to read: what to load, its view, and what the researcher should be told."""

    sources: Sources
    view: dict[str, Any]
    #: articles outside the project's folder that were left out (consent refused)
    refused: list[str]
    #: (path, why) for articles missing or changed since the project was saved
    changed: list[tuple[str, str]]


def open_project(path: str | os.PathLike[str], allow_outside: Callable[[list[str]], bool]) -> Opened:
    """Read a project for loading, the same way in the window and on the command line.

    ``allow_outside(paths)`` is asked once, only when articles lie outside the project's folder;
    when it answers no, they are left out. Raises :class:`ProjectError` for a damaged project.
    """
    project = load(path)
    outside = outside_sources(project)
    refused: list[str] = []
    if outside and not allow_outside(outside):
        project, refused = without_outside(project), outside
    # a mailbox once for all its messages; pasted text is no file
    paths = list(dict.fromkeys(s.container for s in project.sources if s.pasted is None))
    sources = Sources(paths, project.reference_date, given_dates(project), project.curation,
                      [s.pasted for s in project.sources if s.pasted is not None])
    return Opened(sources, project.view, refused, changed_sources(project))


def changed_sources(project: Project) -> list[tuple[str, str]]:
    """Sources that are missing or whose content changed since the project was saved: (path, why)."""
    out = []
    for s in project.sources:
        if s.member_name or s.pasted is not None:
            continue  # its container is checked; pasted text is in the project
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
        if is_pasted(a.path):
            sources.append(SourceRecord(a.path, "", a.published, a.date_source == DATE_GIVEN, pasted=a))
            continue
        member = a.path[len(a.member_of) + 1:] if a.member_of else ""
        try:
            digest = "" if member else file_hash(a.path)
        except OSError:
            digest = ""
        sources.append(SourceRecord(a.path, digest, a.published, a.date_source == DATE_GIVEN, member_name=member))
    return Project(sources=sources, reference_date=reference, curation=workspace.curation, view=dict(view or {}))
