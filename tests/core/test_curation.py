"""Every edit is a command with do and undo; edits survive rebuilds of the timeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.commands import (
    AddEvent,
    Attach,
    Detach,
    EditDates,
    EditNote,
    EditTitle,
    Hide,
    Merge,
    Split,
    Star,
)
from timeline_app.core.curation import HIDDEN_BY_USER, Curation, key_of
from timeline_app.core.event import Evidence
from timeline_app.core.loading import load
from timeline_app.core.workspace import Workspace

REF = date(2025, 5, 6)


@pytest.fixture
def ws(seeds_dir: Path) -> Workspace:
    w = Workspace()
    w.add(load([seeds_dir], reference=REF).analyses)
    return w


def _by_date(ws: Workspace, text: str):  # noqa: ANN202
    return next(e for e in ws.timeline.events + ws.timeline.excluded if e.date_text == text)


def _snapshot(ws: Workspace) -> list[tuple[object, ...]]:
    return [(e.start, e.end, e.title, e.starred, e.note, len(e.evidence), e.excluded)
            for e in ws.timeline.events + ws.timeline.excluded]


def _round_trip(ws: Workspace, command, check) -> None:  # noqa: ANN001
    before = _snapshot(ws)
    ws.run(command)
    check()
    assert ws.commands.undo_label == command.label
    ws.undo()
    assert _snapshot(ws) == before
    assert ws.commands.redo_label == command.label
    ws.redo()
    check()
    ws.undo()
    assert _snapshot(ws) == before


def test_edit_title(ws: Workspace) -> None:
    key = key_of(_by_date(ws, "April 15"))
    _round_trip(ws, EditTitle(key, "Naryshkin warns the Baltics"),
                lambda: _by_date(ws, "April 15").title == "Naryshkin warns the Baltics" or pytest.fail())


def test_edit_dates(ws: Workspace) -> None:
    key = key_of(_by_date(ws, "April 15"))

    def check() -> None:
        e = _by_date(ws, "April 15")
        assert (e.start, e.end, e.kind, e.edited) == (date(2025, 4, 1), date(2025, 4, 30), "point", True)

    _round_trip(ws, EditDates(key, (date(2025, 4, 1), date(2025, 4, 30), "month")), check)


def test_star_and_note(ws: Workspace) -> None:
    key = key_of(_by_date(ws, "April 15"))
    _round_trip(ws, Star(key), lambda: _by_date(ws, "April 15").starred or pytest.fail())
    _round_trip(ws, EditNote(key, "check the SVR statement"),
                lambda: _by_date(ws, "April 15").note == "check the SVR statement" or pytest.fail())


def test_hide_and_restore(ws: Workspace) -> None:
    key = key_of(_by_date(ws, "April 15"))

    def hidden() -> None:
        assert _by_date(ws, "April 15").excluded == HIDDEN_BY_USER
        assert all(e.date_text != "April 15" for e in ws.timeline.events)

    _round_trip(ws, Hide(key), hidden)
    pulitzer = _by_date(ws, "May 5")
    assert pulitzer.excluded and "News Feed" in pulitzer.excluded
    _round_trip(ws, Hide(key_of(pulitzer), on=False),
                lambda: any("Pulitzer" in e.evidence[0].sentence for e in ws.timeline.events) or pytest.fail())


def test_merge_and_split(ws: Workspace) -> None:
    a, b = _by_date(ws, "April 15"), _by_date(ws, "within the next five years")
    n = len(ws.timeline.events)

    def merged() -> None:
        assert len(ws.timeline.events) == n - 1
        assert any({ev.date_text for ev in e.evidence} == {"April 15", "within the next five years"}
                   for e in ws.timeline.events)

    _round_trip(ws, Merge([key_of(a), key_of(b)]), merged)
    ottawa = next(e for e in ws.timeline.events if e.start == date(2025, 3, 18))
    moved = [(ev.document, ev.date_start) for ev in ottawa.evidence if ev.date_text.lower() == "this year"]

    def split() -> None:
        assert len(ws.timeline.events) == n + 1
        new = next(e for e in ws.timeline.events if e.start == date(2025, 1, 1) and e.end == date(2025, 12, 31))
        assert {ev.date_text.lower() for ev in new.evidence} == {"this year"}

    _round_trip(ws, Split(moved), split)


def test_detach_and_attach_a_sentence(ws: Workspace) -> None:
    ottawa = next(e for e in ws.timeline.events if e.start == date(2025, 3, 18))
    count = len(ottawa.evidence)
    one = (ottawa.evidence[-1].document, ottawa.evidence[-1].date_start)
    _round_trip(ws, Detach(one), lambda: len(next(e for e in ws.timeline.events
                                                   if e.start == date(2025, 3, 18)).evidence) == count - 1
                or pytest.fail())
    doc = "003_9d41ecdd828e2c4f.txt"
    text = ws.article(doc).text
    at = text.index("In a significant policy shift")
    end = text.index(".", at) + 1
    extra = Evidence(doc, at, end, text[at:end], at, at, "", "")
    _round_trip(ws, Attach(key_of(ottawa), extra),
                lambda: doc in next(e for e in ws.timeline.events if e.start == date(2025, 3, 18)).documents
                or pytest.fail())


def test_add_an_event_by_hand(ws: Workspace) -> None:
    def added() -> None:
        e = next(e for e in ws.timeline.events if e.manual)
        assert (e.title, e.start, e.note, e.documents) == ("Ministry briefing", date(2025, 5, 7), "from a call", [])

    _round_trip(ws, AddEvent("Ministry briefing", date(2025, 5, 7), date(2025, 5, 7), note="from a call"), added)


def test_edits_survive_a_rebuild(ws: Workspace) -> None:
    key = key_of(_by_date(ws, "April 15"))
    ws.run(EditTitle(key, "Renamed"))
    ws.run(Star(key))
    ws.set_publication_date("000_a9b5a5e0ed6f1e90.txt", date(2025, 5, 7))  # rebuilds every event
    e = _by_date(ws, "April 15")
    assert (e.title, e.starred) == ("Renamed", True)


def test_selection_stays_on_an_edited_event(ws: Workspace) -> None:
    e = _by_date(ws, "April 15")
    ws.select(e.id)
    ws.run(EditDates(key_of(e), (date(2020, 1, 1), date(2020, 1, 1), "day")))
    assert ws.event(ws.selected).title == e.title


def test_curation_round_trips_through_json() -> None:
    import json

    c = Curation()
    for cmd in (EditTitle(("a.txt", 3), "T"), EditDates(("a.txt", 3), (date(2025, 1, 1), None, "year")),
                Star(("b.txt", 9)), Hide(("c.txt", 1)), Merge([("a.txt", 3), ("b.txt", 9)]), Split([("d.txt", 4)]),
                Detach(("e.txt", 5)), Attach(("a.txt", 3), Evidence("f.txt", 1, 9, "Sentence.", 1, 1, "", "")),
                AddEvent("By hand", date(2025, 2, 2), date(2025, 2, 3), "day", "note"), EditNote(("a.txt", 3), "n")):
        cmd.do(c)
    again = Curation.from_json(json.loads(json.dumps(c.to_json())))
    assert again == c


def test_undo_with_nothing_done_is_harmless(ws: Workspace) -> None:
    before = _snapshot(ws)
    ws.undo()
    ws.redo()
    assert _snapshot(ws) == before and ws.commands.undo_label is None
