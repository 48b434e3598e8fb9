"""Salience and key events: what a briefing shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.event import Event, Evidence
from timeline_app.core.salience import day_scores, rank, support

D = date(2025, 5, 5)


def _event(*mentions: tuple[str, str], independent: int = 0, day: date | None = D, granularity: str = "day",
           **kw: object) -> Event:
    evidence = [Evidence(doc, 0, 10, "A sentence.", 0, 5, text, day.isoformat() if day else "", day, day,
                         granularity, "point") for doc, text in mentions]
    return Event("", day, day, granularity, "point", "", mentions[0][1], "t", evidence,
                 independent=independent or len({d for d, _ in mentions}), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("event", "expected"), [
    (_event(("a", "May 5")), 1.0),
    (_event(("a", "May 5"), ("a", "May 5"), ("a", "5 May")), 1.0),  # one article, however often it says it
    (_event(("a", "May 5"), ("b", "May 5")), 2.0),
    (_event(("a", "May 5"), ("b", "May 5"), independent=1), 1.0),  # b copies a
    (_event(("a", "Monday")), 0.5),  # only a relative word
    (_event(("a", "Monday"), ("a", "May 5")), 1.0),  # the article names the day too
    (_event(("a", "January"), granularity="month"), 1.0),  # a month name is a name
])
def test_support(event: Event, expected: float) -> None:
    assert support(event) == expected


def test_rank_keys_the_most_salient_and_every_starred_event_never_a_hidden_one() -> None:
    events = [_event(*[(f"d{i}", "May 5") for i in range(n)], day=date(2025, 1, n)) for n in range(1, 8)]
    events[0].starred = True
    events[6].excluded = "hidden by you"
    rank(events, [], 3)
    assert [e.key for e in events] == [True, False, False, True, True, True, False]
    assert events[5].salience > events[4].salience > events[0].salience
    assert events[6].salience == 0.0


def test_coverage_favours_the_day_the_press_wrote_about() -> None:
    quiet, busy = _event(("a", "May 5"), day=date(2025, 5, 5)), _event(("b", "May 9"), day=date(2025, 5, 9))
    rank([quiet, busy], [date(2025, 5, 10)] * 4 + [date(2025, 5, 9)], 1)
    assert busy.key and not quiet.key
    assert busy.salience == 1.0 + 0.5 * 1 + 1.0 * 4


def test_day_scores_count_each_article_once_per_day() -> None:
    one = _event(("a", "May 5"), ("b", "May 5"))
    other = _event(("a", "May 5"))  # the same article about another happening that day
    assert day_scores([one, other], []) == {D: 2.0}


def test_the_researcher_sets_the_number_of_key_events_and_can_undo_it(seeds_dir: Path) -> None:
    from timeline_app.core.commands import SetKeyCount, Star
    from timeline_app.core.curation import Curation, key_of
    from timeline_app.core.loading import load
    from timeline_app.core.workspace import Workspace

    ws = Workspace()
    ws.add(load([seeds_dir], reference=date(2025, 5, 6)).analyses)
    assert sum(e.key for e in ws.timeline.events) == 8  # the default, of 9 events
    ws.run(SetKeyCount(2))
    assert sum(e.key for e in ws.timeline.events) == 2
    least = min(ws.timeline.events, key=lambda e: e.salience)
    ws.run(Star(key_of(least)))
    assert sum(e.key for e in ws.timeline.events) == 3
    ws.undo()
    ws.undo()
    assert sum(e.key for e in ws.timeline.events) == 8
    assert Curation.from_json(Curation(key_count=5).to_json()).key_count == 5
    with pytest.raises(ValueError):
        Curation.from_json({"key_count": -1})


def test_the_tables_carry_salience_and_key(seeds_dir: Path, tmp_path: Path) -> None:
    import pandas as pd

    from timeline_app.core.export import export
    from timeline_app.core.pipeline import read_timeline

    export(read_timeline([seeds_dir]), tmp_path)
    frame = pd.read_csv(tmp_path / "timeline.csv", keep_default_na=False)
    assert list(frame.columns[-2:]) == ["salience", "key"]
    assert set(frame["key"]) == {"yes", ""}
    assert (frame["salience"] >= 0).all()
