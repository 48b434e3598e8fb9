"""Writing a timeline as CSV and JSON: safe for spreadsheets, never destroying a previous file."""

from __future__ import annotations

import glob
import json
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from timeline_app import __version__
from timeline_app.core.event import Event
from timeline_app.core.timeline import Timeline

if TYPE_CHECKING:
    import pandas as pd

TIMELINE_COLUMNS = ["event_id", "start", "end", "granularity", "kind", "date_text", "value", "title",
                    "n_sources", "sources", "n_independent", "conflicts"]
EVIDENCE_COLUMNS = ["event_id", "document", "char_start", "char_end", "sentence", "date_text", "date_start",
                    "date_end", "value", "publication_date", "copy_of"]
JSON_SCHEMA_VERSION = 2

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(cell: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe.

    >>> neutralize("=HYPERLINK(1)"), neutralize("-5"), neutralize("Monday"), neutralize(3)
    ("'=HYPERLINK(1)", "'-5", 'Monday', 3)
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def timeline_frame(timeline: Timeline) -> pd.DataFrame:
    """One row per event."""
    import pandas as pd

    rows = [
        {
            "event_id": e.id, "start": _iso(e.start), "end": _iso(e.end), "granularity": e.granularity,
            "kind": e.kind, "date_text": e.date_text, "value": e.value, "title": e.title,
            "n_sources": len(e.documents), "sources": "; ".join(e.documents),
            "n_independent": e.independent, "conflicts": " | ".join(e.conflicts),
        }
        for e in timeline.events
    ]
    return pd.DataFrame(rows, columns=TIMELINE_COLUMNS)


def evidence_frame(timeline: Timeline) -> pd.DataFrame:
    """One row per supporting sentence."""
    import pandas as pd

    published = {a.name: a.published for a in timeline.articles}
    rows = [
        {
            "event_id": e.id, "document": ev.document, "char_start": ev.sentence_start, "char_end": ev.sentence_end,
            "sentence": ev.sentence, "date_text": ev.date_text, "date_start": ev.date_start,
            "date_end": ev.date_end, "value": ev.value, "publication_date": _iso(published.get(ev.document)),
            "copy_of": timeline.copies.get(ev.document, ""),
        }
        for e in timeline.events
        for ev in e.evidence
    ]
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def _fields(obj: Any) -> dict[str, Any]:
    """The fields of a flat dataclass instance (``asdict`` deep-copies every value: far slower)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _json_value(obj: Any) -> Any:
    if isinstance(obj, date):
        return obj.isoformat()
    raise TypeError(f"{type(obj).__name__} is not JSON data")


def timeline_document(timeline: Timeline) -> dict[str, Any]:
    """Everything about a timeline as JSON data for other tools; dates stay dates until written."""
    return {
        "schema": "timeline-app/timeline",
        "schema_version": JSON_SCHEMA_VERSION,
        "app_version": __version__,
        "articles": [
            {
                "name": a.article.name, "path": a.article.path, "title": a.article.title,
                "publication_date": a.article.published, "publication_date_source": a.article.date_source,
                "characters": len(a.article.text),
                "expressions": [
                    {k: v for k, v in _fields(x).items() if k != "timexes"} | {"timexes": [_fields(t) for t in x.timexes]}
                    for x in a.expressions
                ],
            }
            for a in timeline.analyses
        ],
        "failures": [{"name": f.name, "path": f.path, "reason": f.reason} for f in timeline.failures],
        "copies": timeline.copies,
        "events": [_event_document(e) for e in timeline.events],
        "excluded": [_event_document(e) for e in timeline.excluded],
    }


def _event_document(e: Event) -> dict[str, Any]:
    return {
        "id": e.id, "start": e.start, "end": e.end, "granularity": e.granularity, "kind": e.kind,
        "value": e.value, "date_text": e.date_text, "title": e.title, "sources": e.documents,
        "independent_sources": e.independent, "conflicts": e.conflicts, "excluded": e.excluded,
        "evidence": [_fields(ev) for ev in e.evidence],
    }


def atomic_write(path: str | os.PathLike[str], write: Callable[[IO[str]], None]) -> None:
    """Write a text file beside its target, then rename it over: a failed write leaves the old file."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    # os.open honours the umask (mkstemp would make the file private); keep an existing file's mode.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    if target.exists():
        os.chmod(tmp, target.stat().st_mode & 0o777)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _remove_leftovers(target)


#: a temporary file this old beside its target was left by a write that was killed
LEFTOVER_SECONDS = 600


def _remove_leftovers(target: Path) -> None:
    """Remove the temporary files of earlier writes of ``target`` that never finished (the process
    was killed); recent ones may belong to a write still running elsewhere and are left alone."""
    now = time.time()
    for old in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        try:
            if now - old.stat().st_mtime > LEFTOVER_SECONDS:
                old.unlink()
        except OSError:
            pass  # gone already, or not ours to remove


def write_csv(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """UTF-8 CSV with formula-like text cells neutralized."""
    safe = frame.map(neutralize) if len(frame) else frame
    atomic_write(path, lambda f: safe.to_csv(f, index=False, lineterminator="\n"))


def write_json(document: dict[str, Any], path: str | os.PathLike[str]) -> None:
    """Compact JSON: an indented file takes Python's slow encoder and several times the room."""
    atomic_write(path, lambda f: f.write(json.dumps(document, ensure_ascii=False, separators=(",", ":"),
                                                    default=_json_value)))


def export(timeline: Timeline, out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write ``timeline.csv``, ``evidence.csv`` and ``timeline.json`` into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "timeline.csv", out / "evidence.csv", out / "timeline.json"]
    write_csv(timeline_frame(timeline), paths[0])
    write_csv(evidence_frame(timeline), paths[1])
    write_json(timeline_document(timeline), paths[2])
    return paths
