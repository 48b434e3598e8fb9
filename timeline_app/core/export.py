"""Writing a timeline as CSV and JSON: safe for spreadsheets, never destroying a previous file."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline_app import __version__
from timeline_app.core.escape import json_utf8, to_utf8
from timeline_app.core.event import Event, Evidence
from timeline_app.core.files import write_file, write_files
from timeline_app.core.timeline import ArticleAnalysis, Timeline

if TYPE_CHECKING:
    import pandas as pd

TIMELINE_COLUMNS = ["event_id", "start", "end", "granularity", "kind", "date_text", "value", "title",
                    "n_sources", "sources", "n_independent", "conflicts", "salience", "key"]
EVIDENCE_COLUMNS = ["event_id", "document", "source_title", "outlet", "url", "page", "char_start", "char_end",
                    "sentence", "date_text", "date_char_start", "date_char_end", "value", "publication_date",
                    "copy_of"]
#: 3: articles and evidence name their source (title, outlet, author, address, page); the date
#: expression's offsets are ``date_char_start``/``date_char_end``
JSON_SCHEMA_VERSION = 3
#: Evidence fields under the names the exports give them (offsets into the article's text).
_EVIDENCE_NAMES = {"date_start": "date_char_start", "date_end": "date_char_end"}

#: What a spreadsheet may run as a formula, full-width look-alikes included.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: Invisible characters a spreadsheet may skip before it looks for a formula.
_INVISIBLE_LEAD = re.compile("^[\ufeff\u200b-\u200d\u2060\u00ad\u180e\u00a0\u2000-\u200a\u202f\u205f\u3000 ]+")


def neutralize(cell: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe.

    >>> neutralize("=HYPERLINK(1)"), neutralize("-5"), neutralize("Monday"), neutralize(3)
    ("'=HYPERLINK(1)", "'-5", 'Monday', 3)
    >>> neutralize("\uff1dcmd()"), neutralize("\u200b=1+1")
    ("'\uff1dcmd()", "'\u200b=1+1")
    """
    if not isinstance(cell, str) or not cell or cell[0].isalnum():  # a letter or digit starts no formula
        return cell
    if cell.startswith(_FORMULA_START) or _INVISIBLE_LEAD.sub("", cell, count=1).startswith(_FORMULA_START):
        return "'" + cell
    return cell


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def timeline_rows(timeline: Timeline) -> list[dict[str, Any]]:
    """One row per event, under :data:`TIMELINE_COLUMNS`."""
    return [
        {
            "event_id": e.id, "start": _iso(e.start), "end": _iso(e.end), "granularity": e.granularity,
            "kind": e.kind, "date_text": e.date_text, "value": e.value, "title": e.title,
            "n_sources": len(e.documents), "sources": "; ".join(e.documents),
            "n_independent": e.independent, "conflicts": " | ".join(e.conflicts),
            "salience": e.salience, "key": "yes" if e.key else "",
        }
        for e in timeline.events
    ]


def evidence_rows(timeline: Timeline) -> list[dict[str, Any]]:
    """One row per supporting sentence, under :data:`EVIDENCE_COLUMNS`."""
    articles = {a.name: a for a in timeline.articles}
    rows = []
    for e in timeline.events:
        for ev in e.evidence:
            a = articles.get(ev.document)
            page = a.page_at(ev.sentence_start) if a is not None else None
            rows.append({
                "event_id": e.id, "document": ev.document, "source_title": a.title if a else "",
                "outlet": a.outlet if a else "", "url": a.url if a else "", "page": page or "",
                "char_start": ev.sentence_start, "char_end": ev.sentence_end, "sentence": ev.sentence,
                "date_text": ev.date_text, "date_char_start": ev.date_start, "date_char_end": ev.date_end,
                "value": ev.value, "publication_date": _iso(a.published if a else None),
                "copy_of": timeline.copies.get(ev.document, ""),
            })
    return rows


def timeline_frame(timeline: Timeline) -> pd.DataFrame:
    """The events as a pandas table (for notebooks and scripts; the exports do not need pandas)."""
    import pandas as pd

    return pd.DataFrame(timeline_rows(timeline), columns=TIMELINE_COLUMNS)


def evidence_frame(timeline: Timeline) -> pd.DataFrame:
    """The supporting sentences as a pandas table."""
    import pandas as pd

    return pd.DataFrame(evidence_rows(timeline), columns=EVIDENCE_COLUMNS)


def _fields(obj: Any) -> dict[str, Any]:
    """The fields of a flat dataclass instance (``asdict`` deep-copies every value: far slower)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


_EXPRESSION_FIELDS: dict[type, tuple[str, ...]] = {}


def _expression_fields(kind: type) -> tuple[str, ...]:
    """The fields of an expression as timeline.json gives them, its TIMEX3s left for last (found
    from the first expression written: importing the tagger's records imports the tagger)."""
    if kind not in _EXPRESSION_FIELDS:
        _EXPRESSION_FIELDS[kind] = tuple(f.name for f in fields(kind) if f.name != "timexes")
    return _EXPRESSION_FIELDS[kind]


#: The fields of a piece of evidence: (name in timeline.json, attribute).
_EVIDENCE_FIELDS = tuple((_EVIDENCE_NAMES.get(f.name, f.name), f.name) for f in fields(Evidence))


def _json_value(obj: Any) -> Any:
    if isinstance(obj, date):
        return obj.isoformat()
    if is_dataclass(obj) and not isinstance(obj, type):  # a TIMEX3: orjson writes these itself
        return _fields(obj)
    raise TypeError(f"{type(obj).__name__} is not JSON data")


def timeline_document(timeline: Timeline) -> dict[str, Any]:
    """Everything about a timeline as JSON data for other tools; dates stay dates until written."""
    return _document(timeline, [_article_document(a) for a in timeline.analyses])


def _document(timeline: Timeline, articles: Any) -> dict[str, Any]:
    return {
        "schema": "timeline-app/timeline",
        "schema_version": JSON_SCHEMA_VERSION,
        "app_version": __version__,
        "articles": articles,
        "failures": [{"name": f.name, "path": f.path, "reason": f.reason} for f in timeline.failures],
        "copies": timeline.copies,
        "events": [_event_document(e) for e in timeline.events],
        "excluded": [_event_document(e) for e in timeline.excluded],
    }


def _article_document(a: ArticleAnalysis) -> dict[str, Any]:
    return {
        "name": a.article.name, "path": a.article.path, "title": a.article.title,
        "outlet": a.article.outlet, "author": a.article.author, "url": a.article.url,
        "language": a.article.language, "pages": list(a.article.pages),
        "publication_date": a.article.published, "publication_date_source": a.article.date_source,
        "characters": len(a.article.text),
        # a TIMEX3 is a flat dataclass, which the JSON writer gives as its fields in their order
        "expressions": [{name: getattr(x, name) for name in _expression_fields(type(x))} | {"timexes": x.timexes}
                        for x in a.expressions],
    }


def _document_chunks(timeline: Timeline, files: dict[str, Any]) -> list[bytes]:
    """timeline.json as pieces of bytes, each article encoded on its own: the same bytes as
    :func:`json_bytes` of :func:`timeline_document`, without ever holding every article's
    expressions as Python data at once (10,000 articles: some 50 MB less at the peak)."""
    document = _document(timeline, None) | {"files": files}
    chunks = [b"{"]
    for n, (key, value) in enumerate(document.items()):
        chunks.append((b"," if n else b"") + json_bytes(key) + b":")
        if key == "articles":
            chunks.append(b"[")
            chunks += [(b"," if i else b"") + json_bytes(_article_document(a)) for i, a in enumerate(timeline.analyses)]
            chunks.append(b"]")
        else:
            chunks.append(json_bytes(value))
    chunks.append(b"}")
    return chunks


def _event_document(e: Event) -> dict[str, Any]:
    return {
        "id": e.id, "start": e.start, "end": e.end, "granularity": e.granularity, "kind": e.kind,
        "value": e.value, "date_text": e.date_text, "title": e.title, "sources": e.documents,
        "independent_sources": e.independent, "conflicts": e.conflicts, "excluded": e.excluded,
        "salience": e.salience, "key": e.key, "starred": e.starred,
        "evidence": [{name: getattr(ev, attribute) for name, attribute in _EVIDENCE_FIELDS} for ev in e.evidence],
    }


def csv_bytes(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> bytes:
    """UTF-8 CSV with formula-like text cells neutralized and undecodable file-name bytes escaped.

    The standard library's writer: quoting only where a cell needs it, ``\\n`` line ends, an
    empty cell for None (what pandas writes, at a fraction of the cost and without importing it).
    """
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(columns)
    out.writerows([neutralize(row[c]) for c in columns] for row in rows)
    return to_utf8(buffer.getvalue())


def json_bytes(document: Any) -> bytes:
    """Compact JSON, UTF-8: orjson writes it straight to bytes, several times faster than Python's
    encoder and without a copy as text. A text orjson refuses (a file name that is not UTF-8, held
    as lone surrogates) goes through Python's encoder, which keeps it as its escape."""
    import orjson

    try:
        return orjson.dumps(document, default=_json_value)
    except orjson.JSONEncodeError:
        return json_utf8(json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=_json_value))


def write_csv(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], path: str | os.PathLike[str]) -> None:
    write_file(path, csv_bytes(columns, rows))


def write_json(document: dict[str, Any], path: str | os.PathLike[str]) -> None:
    write_file(path, json_bytes(document))


def check_export(out_dir: str | os.PathLike[str]) -> list[str]:
    """What does not belong to the export that wrote ``timeline.json`` (empty: the set is whole).

    The tables of one export are replaced one after the other; a process killed between two
    renames can leave tables of two exports side by side, and this says so.
    """
    out = Path(out_dir)
    try:
        files = json.loads((out / "timeline.json").read_bytes()).get("files", {})
    except (OSError, ValueError, AttributeError) as e:
        return [f"timeline.json cannot be read ({type(e).__name__})"]
    problems = []
    for name, meta in files.items():
        try:
            data = (out / name).read_bytes()
        except OSError:
            problems.append(f"{name} is missing")
            continue
        if hashlib.sha256(data).hexdigest() != meta.get("sha256"):
            problems.append(f"{name} is not the one written with timeline.json")
    return problems


def export(timeline: Timeline, out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write ``timeline.csv``, ``evidence.csv`` and ``timeline.json`` into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = {out / "timeline.csv": csv_bytes(TIMELINE_COLUMNS, timeline_rows(timeline)),
              out / "evidence.csv": csv_bytes(EVIDENCE_COLUMNS, evidence_rows(timeline))}
    # One export is one set: timeline.json names the tables written with it, so a reader can check
    # that the three files belong together; all are complete on disk before any is replaced.
    files = {p.name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)} for p, data in tables.items()}
    contents: dict[Path, bytes | list[bytes]] = {**tables, out / "timeline.json": _document_chunks(timeline, files)}
    return write_files(contents)
