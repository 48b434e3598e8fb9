"""A researcher's corrections, kept apart from what the machine read.

Edits name events by a *key*: the (document, offset) of a date mention the event cites. Keys stay
valid when the timeline is rebuilt (another article loaded, a publication date changed), so edits
are re-applied on top of each new reading. They are made by the undoable commands of
:mod:`timeline_app.core.commands`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from timeline_app.core import periods
from timeline_app.core.event import Event, Evidence

Key = tuple[str, int]
HIDDEN_BY_USER = "hidden by you"


def key_of(event: Event) -> Key:
    """The key that names ``event`` in edits: its first cited mention (or its manual id)."""
    if event.evidence:
        ev = event.evidence[0]
        return (ev.document, ev.date_start)
    return ("", int(event.id[1:]) if event.id[1:].isdigit() else 0)


def _keys(event: Event) -> set[Key]:
    return {(ev.document, ev.date_start) for ev in event.evidence}


@dataclass
class ManualEvent:
    """An event a researcher adds by hand."""

    number: int
    title: str
    start: date | None
    end: date | None
    granularity: str = "day"
    note: str = ""
    #: where it comes from: an outlet, a document, a call ("Ministry briefing, 7 May")
    source: str = ""


@dataclass
class Curation:
    """Every edit, by key. Applied with :func:`apply` to the machine's events."""

    titles: dict[Key, str] = field(default_factory=dict)
    dates: dict[Key, tuple[date | None, date | None, str]] = field(default_factory=dict)
    notes: dict[Key, str] = field(default_factory=dict)
    starred: set[Key] = field(default_factory=set)
    hidden: set[Key] = field(default_factory=set)
    restored: set[Key] = field(default_factory=set)
    merges: list[list[Key]] = field(default_factory=list)
    splits: list[list[Key]] = field(default_factory=list)
    detached: set[Key] = field(default_factory=set)
    attached: list[tuple[Key, Evidence]] = field(default_factory=list)
    manual: list[ManualEvent] = field(default_factory=list)
    #: how many key events a briefing shows, when the researcher chose (else the settings' default)
    key_count: int | None = None
    #: publication dates changed in this session: article -> (date, where it came from); a project
    #: file keeps them with its articles, not here
    published: dict[str, tuple[date | None, str]] = field(default_factory=dict, compare=False)
    #: languages the researcher set: article -> language code (its dates are read in it)
    languages: dict[str, str] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not any(v for k, v in vars(self).items() if k != "published")

    # -- serialization (project files) ------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        def k(key: Key) -> list[object]:
            return [key[0], key[1]]

        def d(x: date | None) -> str | None:
            return x.isoformat() if x else None

        return {
            "titles": [[*k(key), v] for key, v in self.titles.items()],
            "dates": [[*k(key), d(s), d(e), g] for key, (s, e, g) in self.dates.items()],
            "notes": [[*k(key), v] for key, v in self.notes.items()],
            "starred": [k(x) for x in sorted(self.starred)],
            "hidden": [k(x) for x in sorted(self.hidden)],
            "restored": [k(x) for x in sorted(self.restored)],
            "merges": [[k(x) for x in group] for group in self.merges],
            "splits": [[k(x) for x in group] for group in self.splits],
            "detached": [k(x) for x in sorted(self.detached)],
            "attached": [[*k(target), _evidence_json(ev)] for target, ev in self.attached],
            "manual": [{"number": m.number, "title": m.title, "start": d(m.start), "end": d(m.end),
                        "granularity": m.granularity, "note": m.note, "source": m.source} for m in self.manual],
            "key_count": self.key_count,
            "languages": dict(sorted(self.languages.items())),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Curation:
        """Read edits back; raises ``ValueError`` (or ``KeyError``/``TypeError``) on malformed data."""

        def k(x: list[object]) -> Key:
            doc, offset = x[0], x[1]
            if not isinstance(doc, str) or not isinstance(offset, int):
                raise ValueError(f"not an event key: {x!r}")
            return (doc, offset)

        def d(x: object) -> date | None:
            return date.fromisoformat(x) if isinstance(x, str) else None

        return cls(
            titles={k(x[:2]): str(x[2]) for x in data.get("titles", [])},
            dates={k(x[:2]): (d(x[2]), d(x[3]), str(x[4])) for x in data.get("dates", [])},
            notes={k(x[:2]): str(x[2]) for x in data.get("notes", [])},
            starred={k(x) for x in data.get("starred", [])},
            hidden={k(x) for x in data.get("hidden", [])},
            restored={k(x) for x in data.get("restored", [])},
            merges=[[k(x) for x in g] for g in data.get("merges", [])],
            splits=[[k(x) for x in g] for g in data.get("splits", [])],
            detached={k(x) for x in data.get("detached", [])},
            attached=[(k(x[:2]), _evidence_from_json(x[2])) for x in data.get("attached", [])],
            manual=[ManualEvent(int(m["number"]), str(m["title"]), d(m.get("start")), d(m.get("end")),
                                str(m.get("granularity", "day")), str(m.get("note", "")), str(m.get("source", "")))
                    for m in data.get("manual", [])],
            key_count=_count(data.get("key_count")),
            languages=_languages(data.get("languages", {})),
        )


def _languages(x: object) -> dict[str, str]:
    if not isinstance(x, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.isalpha() and len(v) <= 3
                                          for k, v in x.items()):
        raise ValueError(f"not languages of articles: {x!r}")
    return dict(x)


def _count(x: object) -> int | None:
    if x is None:
        return None
    if not isinstance(x, int) or isinstance(x, bool) or not 0 <= x <= 10_000:
        raise ValueError(f"not a number of key events: {x!r}")
    return x


def _evidence_json(ev: Evidence) -> dict[str, Any]:
    return {f: (v.isoformat() if isinstance(v := getattr(ev, f), date) else v) for f in Evidence.__dataclass_fields__}


def _evidence_from_json(data: dict[str, Any]) -> Evidence:
    fields = {k: v for k, v in data.items() if k in Evidence.__dataclass_fields__}
    for k in ("start", "end"):
        if isinstance(fields.get(k), str):
            fields[k] = date.fromisoformat(fields[k])
    return Evidence(**fields)


def apply(events: list[Event], excluded: list[Event], curation: Curation) -> tuple[list[Event], list[Event]]:
    """The timeline with the edits applied: (shown events, excluded events), in no particular order."""
    from timeline_app.core.fusion import _merged

    pool = [replace(e, evidence=list(e.evidence), conflicts=list(e.conflicts)) for e in events + excluded]
    # split off and detach sentences
    for group in curation.splits:
        wanted = set(group)
        moved: list[Evidence] = []
        source: Event | None = None
        for e in pool:
            keep = [ev for ev in e.evidence if (ev.document, ev.date_start) not in wanted]
            if len(keep) != len(e.evidence):
                moved += [ev for ev in e.evidence if (ev.document, ev.date_start) in wanted]
                source = source or e
                e.evidence = keep
        if moved and source is not None:
            own = min(moved, key=lambda ev: (periods.rank(ev.granularity),
                                             ((ev.end or date.max) - (ev.start or date.min)).days))
            pool.append(replace(source, evidence=moved, excluded=None, title=_title_for(moved),
                                start=own.start, end=own.end, granularity=own.granularity,
                                kind=own.kind or source.kind, value=own.value, date_text=own.date_text))
    for e in pool:
        e.evidence = [ev for ev in e.evidence if (ev.document, ev.date_start) not in curation.detached]
    pool = [e for e in pool if e.evidence]
    # merge
    for group in curation.merges:
        wanted = set(group)
        members = [e for e in pool if _keys(e) & wanted]
        if len(members) > 1:
            merged = _merged(members)
            merged.excluded = None
            merged.independent = max(m.independent for m in members)
            pool = [e for e in pool if not any(e is m for m in members)] + [merged]
    # attach sentences
    for target, ev in curation.attached:
        for e in pool:
            if target in _keys(e):
                e.evidence.append(ev)
                break
    # manual events
    for m in curation.manual:
        pool.append(Event(id=f"m{m.number:04d}", start=m.start, end=m.end, granularity=m.granularity,
                          kind=kind_for(m.start, m.end, m.granularity), value="", date_text="(added by hand)",
                          title=m.title, note="; ".join(x for x in (f"Source: {m.source}" if m.source else "",
                                                                    m.note) if x), manual=True))
    shown: list[Event] = []
    hidden: list[Event] = []
    for e in pool:
        keys = _keys(e) or {key_of(e)}
        for key in keys:
            if key in curation.titles:
                e.title = curation.titles[key]
            if key in curation.dates:
                e.start, e.end, e.granularity = curation.dates[key]
                e.kind = kind_for(e.start, e.end, e.granularity)
                e.edited = True
            if key in curation.notes:
                e.note = curation.notes[key]
        e.starred = bool(keys & curation.starred)
        if keys & curation.hidden:
            e.excluded = HIDDEN_BY_USER
        elif keys & curation.restored:
            e.excluded = None
        (hidden if e.excluded else shown).append(e)
    return shown, hidden


def kind_for(start: date | None, end: date | None, granularity: str) -> str:
    """The kind of an interval a user typed: a day or a whole month/year is a point.

    >>> kind_for(date(2025, 3, 1), date(2025, 3, 31), "month"), kind_for(None, date(2030, 12, 31), "year")
    ('point', 'before')
    """
    if start is None:
        return "before"
    if end is None:
        return "after"
    if start == end:
        return "point"
    whole = {"month": lambda: periods.month(start.year, start.month), "year": lambda: periods.year(start.year)}
    if granularity in whole and whole[granularity]() == (start, end):
        return "point"
    return "range"


def _title_for(evidence: list[Evidence]) -> str:
    from timeline_app.core.event import make_title

    ev = evidence[0]
    at = ev.sentence.find(ev.date_text)
    return make_title(ev.sentence, (at, at + len(ev.date_text)) if at >= 0 else None, lang=ev.language)
