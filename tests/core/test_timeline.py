"""From articles to ordered events with evidence."""

from __future__ import annotations

from datetime import date

from timeline_app.core.article import DATE_REFERENCE, DATE_UNKNOWN, Article
from timeline_app.core.pipeline import build_timeline
from timeline_app.core.settings import Settings
from timeline_app.core.timeline import UNRESOLVED


def _article(name: str, text: str, published: date | None = date(2025, 5, 6)) -> Article:
    return Article(name, name, name, text, published, DATE_REFERENCE if published else DATE_UNKNOWN)


def test_one_event_per_placed_date_in_a_sentence_with_its_evidence() -> None:
    text = "In January, Lithuania announced plans to spend 6% of GDP from 2026 to 2030. Nothing dated here."
    tl = build_timeline([_article("a.txt", text)])
    assert [(e.date_text, e.start.isoformat(), e.end.isoformat()) for e in tl.events] == [
        ("January", "2025-01-01", "2025-01-31"), ("from 2026 to 2030", "2026-01-01", "2030-12-31")]
    ev = tl.events[0].evidence[0]
    assert text[ev.sentence_start:ev.sentence_end].startswith("In January")
    assert text[ev.date_start:ev.date_end] == "January"


def test_order_is_chronological_finer_first_then_stable() -> None:
    a = _article("a.txt", "It happened in 2025. It happened on March 18. It happened in March. It happened in 2024.")
    b = _article("b.txt", "It also happened on March 18.")
    tl = build_timeline([a, b], settings=Settings(fuse=False))
    assert [(e.date_text, e.documents) for e in tl.events] == [
        ("2024", ["a.txt"]), ("2025", ["a.txt"]), ("March", ["a.txt"]), ("March 18", ["a.txt"]),
        ("March 18", ["b.txt"])]
    assert [e.id for e in tl.events] == ["e0001", "e0002", "e0003", "e0004", "e0005"]


def test_open_start_sorts_by_its_end_and_vague_stays_off() -> None:
    tl = build_timeline([_article("a.txt", "Russia may attack by 2030. Prices rose recently. It began in 2031.")])
    assert [(e.date_text, e.start, e.kind) for e in tl.events] == [("by 2030", None, "before"),
                                                                   ("2031", date(2031, 1, 1), "point")]


def test_repeated_summary_in_one_article_is_one_event() -> None:
    text = ("• German intelligence warns that Russia may be preparing for a larger conflict with NATO by 2030.\n\n"
            "Germany's intelligence service has warned of preparations by Russia for a larger conflict with NATO by "
            "2030.\n\nThe government will also hold elections by 2030.")
    tl = build_timeline([_article("a.txt", text)])
    assert [len(e.evidence) for e in tl.events] == [2, 1]


def test_undated_article_gives_unresolved_events_last() -> None:
    tl = build_timeline([_article("a.txt", "In January, it began. From 2026 to 2030 it runs.", None)])
    assert [(e.date_text, e.kind, e.start) for e in tl.events] == [
        ("From 2026 to 2030", "range", date(2026, 1, 1)), ("January", UNRESOLVED, None)]


def test_byline_date_is_not_an_event(seeds_dir) -> None:  # noqa: ANN001
    from timeline_app.core.article import read_article

    article = read_article(seeds_dir / "004_d5d4d442800e1846.txt")
    tl = build_timeline([article])
    assert all("May 6, 2025" not in e.date_text for e in tl.events)
