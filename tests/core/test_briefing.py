"""Briefings: the record every output draws from, the slides (opened with python-pptx) and the
TimelineJS data."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.briefing import BAR, BY, DOT, FROM, SPAN, briefing, reader_date
from timeline_app.core.workspace import Workspace

REF = date(2025, 5, 6)


SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def ws() -> Workspace:
    from timeline_app.core.loading import load

    w = Workspace()
    w.add(load([SEEDS], reference=REF).analyses)
    return w


@pytest.mark.parametrize(("start", "end", "granularity", "kind", "said"), [
    (date(2025, 5, 5), date(2025, 5, 5), "day", "point", "5 May 2025"),
    (date(2025, 1, 1), date(2025, 1, 31), "month", "point", "January 2025"),
    (date(2025, 7, 1), date(2025, 9, 30), "quarter", "point", "Q3 2025"),
    (date(2022, 1, 1), date(2022, 12, 31), "year", "point", "2022"),
    (date(2020, 1, 1), date(2029, 12, 31), "decade", "point", "the 2020s"),
    (date(2026, 1, 1), date(2030, 12, 31), "year", "range", "2026 – 2030"),
    (date(2025, 5, 6), date(2035, 5, 6), "year", "range", "6 May 2025 – 6 May 2035"),
    (None, date(2030, 12, 31), "year", "before", "by 2030"),
    (None, date(2025, 5, 5), "day", "before", "by 5 May 2025"),
    (date(2022, 1, 1), None, "year", "since", "since 2022"),
    (date(2025, 6, 1), None, "month", "after", "from June 2025"),
    (date(2025, 3, 3), date(2025, 3, 9), "week", "point", "week of 3 March 2025"),
])
def test_a_date_as_a_reader_says_it(start: date | None, end: date | None, granularity: str, kind: str,
                                    said: str) -> None:
    assert reader_date(start, end, granularity, kind) == said


def test_the_briefing_of_the_sample_articles(ws: Workspace) -> None:
    b = briefing(ws.timeline, "Baltic defence")
    assert len(b.events) == sum(e.key or e.starred for e in ws.timeline.events) == 8
    assert [s.number for s in b.sources] == list(range(1, len(b.sources) + 1))
    assert {s.document for s in b.sources} == {d for e in ws.timeline.events if e.key for d in e.documents}
    shapes = {e.written: e.shape for e in b.events}
    assert shapes["March 18"] == DOT and shapes["January"] == SPAN and shapes["from 2026 to 2030"] == BAR
    assert shapes["by 2030"] == BY if "by 2030" in shapes else True
    assert FROM not in shapes.values()
    march = next(e for e in b.events if e.written == "March 18")
    assert march.conflicts and "[" in march.conflicts[0] and ".txt" not in march.conflicts[0]  # cited by number
    assert all(q for q, _ in march.quotes) and {n for _, n in march.quotes} <= set(march.footnotes)
    assert b.subtitle.startswith("As of 6 May 2025 · 5 articles")
    assert len(briefing(ws.timeline, only="all").events) == 9
    assert briefing(ws.timeline, only="starred").events == []


def test_slides_carry_every_key_event_its_sources_and_its_quotes(ws: Workspace, tmp_path: Path) -> None:
    from pptx import Presentation

    from timeline_app.core.slides import PER_SLIDE, ROWS_PER_SLIDE, SOURCES_PER_SLIDE, write_slides

    path = write_slides(ws, tmp_path / "b.pptx", title="Baltic defence")
    prs = Presentation(str(path))
    b = briefing(ws.timeline, "Baltic defence")
    slides = list(prs.slides)
    n = len(b.events)
    assert len(slides) == 1 + math.ceil(n / PER_SLIDE) + math.ceil(n / ROWS_PER_SLIDE) + math.ceil(
        len(b.sources) / SOURCES_PER_SLIDE)
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000) or prs.slide_width / prs.slide_height > 1.7

    def texts(slide) -> str:  # noqa: ANN001
        out = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        for shape in slide.shapes:
            if shape.has_table:
                out += [cell.text for row in shape.table.rows for cell in row.cells]
        return "\n".join(out)

    assert "Baltic defence" in texts(slides[0]) and "5 articles" in texts(slides[0])
    key_slides = slides[1:1 + math.ceil(n / PER_SLIDE)]
    shown = "\n".join(texts(s) for s in key_slides)
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in key_slides)
    for e in b.events:
        assert e.when in shown and e.badge in shown
        assert e.headline[:30] in shown
        for quote, number in e.quotes:
            assert quote in notes and f"[{number}]" in notes
    assert "[1] " in shown  # the sources of the slide, listed on it
    tables = "\n".join(texts(s) for s in slides[1 + len(key_slides):])
    assert all(e.value in tables for e in b.events)
    assert all(s.citation[:40] in tables for s in b.sources)
    assert all(shape.has_text_frame or shape.shape_type is not None for s in slides for shape in s.shapes)
    assert not any(shape.shape_type == 13 for s in slides for shape in s.shapes)  # 13: a picture; none


def test_slides_on_a_template_of_the_researcher(ws: Workspace, tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    from timeline_app.core.slides import write_slides

    template = Presentation()
    template.slide_width, template.slide_height = Inches(10), Inches(5.625)
    template.slides.add_slide(template.slide_layouts[0]).shapes.title.text = "Our house style"
    template.save(str(tmp_path / "house.pptx"))
    path = write_slides(ws, tmp_path / "b.pptx", template=tmp_path / "house.pptx")
    prs = Presentation(str(path))
    assert prs.slide_width == Inches(10)
    assert "Our house style" not in "".join(sh.text_frame.text for s in prs.slides for sh in s.shapes
                                            if sh.has_text_frame)


@pytest.mark.parametrize("case", ["no events", "too many", "bad template", "unwritable"])
def test_bad_requests_say_why_and_keep_the_previous_file(ws: Workspace, tmp_path: Path, case: str) -> None:
    from timeline_app.core.event import Event
    from timeline_app.core.slides import write_slides

    target = tmp_path / "b.pptx"
    target.write_bytes(b"previous")
    kwargs: dict = {}
    workspace = ws
    if case == "no events":
        kwargs["only"] = "starred"
        message = "no events"
    elif case == "too many":
        workspace = Workspace()
        workspace.timeline.events = [Event(f"e{i}", date(2025, 1, 1), date(2025, 1, 1), "day", "point", "", "x",
                                           f"Event {i}") for i in range(5000)]
        kwargs["only"] = "all"
        message = "too many"
    elif case == "bad template":
        (tmp_path / "t.pptx").write_bytes(b"not a presentation")
        kwargs["template"] = tmp_path / "t.pptx"
        message = "template"
    else:
        target = tmp_path / "missing-folder" / "b.pptx"
        message = ""
    with pytest.raises((ValueError, OSError)) as raised:
        write_slides(workspace, target, **kwargs)
    assert message in str(raised.value)
    if case != "unwritable":
        assert target.read_bytes() == b"previous"


def test_a_very_long_title_is_cut(ws: Workspace, tmp_path: Path) -> None:
    from pptx import Presentation

    from timeline_app.core.slides import MAX_TITLE, write_slides

    path = write_slides(ws, tmp_path / "b.pptx", title="word " * 2000)
    first = Presentation(str(path)).slides[0]
    title = next(sh.text_frame.text for sh in first.shapes
                 if sh.has_text_frame and sh.text_frame.text.startswith("word"))
    assert len(title) <= MAX_TITLE and title.endswith("…")


def test_timelinejs_keeps_granularity_and_cites_sources(ws: Workspace, tmp_path: Path) -> None:
    from timeline_app.core.timelinejs import write_timelinejs

    data = json.loads(write_timelinejs(ws, tmp_path / "t.json", title="Baltic", only="all").read_text("utf-8"))
    assert data["title"]["text"]["headline"] == "Baltic"
    by_written = {next(e.date_text for e in ws.timeline.events if e.id == s["unique_id"]): s for s in data["events"]}
    assert by_written["March 18"]["start_date"] == {"year": 2025, "month": 3, "day": 18}
    assert by_written["January"]["start_date"] == {"year": 2025, "month": 1}  # a month has no day
    assert by_written["from 2026 to 2030"]["start_date"] == {"year": 2026}
    assert by_written["from 2026 to 2030"]["end_date"] == {"year": 2030}
    assert by_written["by 2030"]["display_date"] == "by 2030"
    for slide in data["events"]:
        assert slide["text"]["headline"] and "[1]" in slide["text"]["text"] or "<sup>" in slide["text"]["text"]
        assert slide["group"] in ("Key events", "Other events")
        assert set(slide["start_date"]) <= {"year", "month", "day"}
