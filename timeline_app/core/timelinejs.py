"""The briefing as TimelineJS3 JSON, so the timeline can be published with the tool newsrooms use.

Dates keep their granularity (a month has no day); open bounds ("by 2030") carry a
``display_date``; each slide's text quotes the supporting sentences with their sources.
"""

from __future__ import annotations

import html
import os
from datetime import date
from pathlib import Path
from typing import Any

from timeline_app.core.briefing import BriefEvent, Briefing, briefing
from timeline_app.core.export import json_bytes
from timeline_app.core.files import write_file
from timeline_app.core.workspace import Workspace


def _date(d: date, granularity: str) -> dict[str, int]:
    out = {"year": d.year}
    if granularity not in ("year", "decade", "century", "half"):
        out["month"] = d.month
        if granularity in ("day", "week"):
            out["day"] = d.day
    return out


def _slide(e: BriefEvent, b: Briefing, granularity: str) -> dict[str, Any]:
    quotes = "".join(f"<p>“{html.escape(q)}” <sup>[{n}]</sup></p>" for q, n in e.quotes)
    sources = "; ".join(f"[{s.number}] {html.escape(s.citation)}" for s in b.sources if s.number in e.footnotes)
    warning = f"<p>⚠ Sources disagree: {html.escape('; '.join(e.conflicts))}</p>" if e.conflicts else ""
    slide: dict[str, Any] = {
        "unique_id": e.id,
        "text": {"headline": html.escape(e.headline),
                 "text": f"<p><b>{html.escape(e.when)}</b> · {html.escape(e.badge)}</p>{warning}{quotes}"
                         f"<p><small>{sources}</small></p>"},
        "group": "Key events" if e.key or e.starred else "Other events",
    }
    first = e.start or e.end
    assert first is not None  # a briefing holds placed events only
    slide["start_date"] = _date(first, granularity)
    if e.end is not None and e.start is not None and e.end != e.start:
        slide["end_date"] = _date(e.end, granularity)
    slide["display_date"] = e.when  # "by 2030", "January 2025": as the briefing says it
    return slide


def timelinejs_document(b: Briefing, granularities: dict[str, str]) -> dict[str, Any]:
    """The TimelineJS3 JSON of a briefing (``granularities``: each event's, by id)."""
    return {
        "title": {"text": {"headline": html.escape(b.title), "text": f"<p>{html.escape(b.subtitle)}</p>"}},
        "events": [_slide(e, b, granularities.get(e.id, "day")) for e in b.events],
    }


def write_timelinejs(workspace: Workspace, path: str | os.PathLike[str], *, title: str | None = None,
                     only: str = "key") -> Path:
    """Write the TimelineJS3 JSON of the workspace's briefing to ``path`` (whole or not at all)."""
    timeline = workspace.timeline
    b = briefing(timeline, title or "", only)
    if not b.events:
        raise ValueError(f"no events to export (--only {only})")
    granularities = {e.id: e.granularity for e in timeline.events}
    target = Path(path)
    write_file(target, json_bytes(timelinejs_document(b, granularities)))
    return target
