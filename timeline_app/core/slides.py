"""The briefing as PowerPoint slides: native shapes and text a researcher can restyle, never a picture.

A title slide; key-dates slides, a few events each on one time axis, every event a mark whose shape
says how certain its date is (a day a dot, a period a light span, a range a bar, "by 2030" or
"since 2022" an arrow; hollow when one source alone reports it; ⚠ where sources disagree), a label
"date · headline", a badge "3 sources · 2 independent" and footnote numbers that point to the
sources listed on the slide; the supporting sentences, quoted with their sources, in the speaker
notes; then appendix tables and the full source list. Built on the researcher's own template when
one is given.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline_app.core.briefing import BAR, BY, DOT, FROM, BriefEvent, Briefing, briefing
from timeline_app.core.files import write_file
from timeline_app.core.workspace import Workspace

if TYPE_CHECKING:
    from pptx.presentation import Presentation as PresentationType
    from pptx.slide import Slide

#: Events on one key-dates slide, rows of one appendix slide, sources on one source-list slide.
PER_SLIDE, ROWS_PER_SLIDE, SOURCES_PER_SLIDE = 4, 8, 12
#: A briefing of more events than this is a table, not slides: choose the key or starred events.
MAX_EVENTS = 200
#: The longest title and headline drawn (a longer one is cut at a word, with an ellipsis).
MAX_TITLE, MAX_HEADLINE, MAX_SOURCE = 120, 110, 70

INK, MUTED, ACCENT, LIGHT, WARN = "1F2933", "52606D", "1F6FB2", "BFD7EA", "B44D12"


class SlidesError(ValueError):
    """The slides cannot be made: no events, too many, an unusable template."""


def cut(text: str, n: int) -> str:
    """``text`` cut at a word to at most ``n`` characters, with an ellipsis when cut.

    >>> cut("Lithuania plans to invest", 18)
    'Lithuania plans…'
    """
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    head = text[: n - 1].rsplit(" ", 1)[0] if " " in text[: n - 1] else text[: n - 1]
    return head.rstrip(" ,;:") + "…"


def chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [items]


def write_slides(workspace: Workspace, path: str | os.PathLike[str], *, title: str | None = None,
                 only: str = "key", template: str | os.PathLike[str] | None = None) -> Path:
    """Write the workspace's briefing as a .pptx to ``path`` (whole or not at all)."""
    b = briefing(workspace.timeline, cut(title or "", MAX_TITLE), only)
    data = slides_bytes(b, template)
    target = Path(path)
    write_file(target, data, check=_opens)
    return target


def _opens(written: Path, data: bytes) -> None:
    """The file on disk reopens as a presentation (else the write fails and the previous file stays)."""
    from pptx import Presentation

    try:
        Presentation(os.fspath(written))
    except Exception as e:  # noqa: BLE001 - any failure to reopen means the file is not whole
        raise OSError(0, f"the slides written do not reopen ({e}); the previous file was kept") from None


def slides_bytes(b: Briefing, template: str | os.PathLike[str] | None = None) -> bytes:
    """The .pptx bytes of a briefing."""
    if not b.events:
        raise SlidesError(f"no events to present (--only {b.only}): star some, or choose --only all")
    if len(b.events) > MAX_EVENTS:
        raise SlidesError(f"{len(b.events)} events are too many for slides (at most {MAX_EVENTS}): "
                          "choose --only key or --only starred")
    prs = _presentation(template)
    _title_slide(prs, b)
    groups = chunks(b.events, PER_SLIDE)
    for i, group in enumerate(groups, 1):
        _key_dates_slide(prs, b, group, i, len(groups))
    rows = chunks(b.events, ROWS_PER_SLIDE)
    for i, group in enumerate(rows, 1):
        _table_slide(prs, b, group, i, len(rows))
    lists = chunks(b.sources, SOURCES_PER_SLIDE)
    for i, group in enumerate(lists, 1):
        _sources_slide(prs, group, i, len(lists))
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Building blocks


def _presentation(template: str | os.PathLike[str] | None) -> PresentationType:
    from pptx import Presentation
    from pptx.util import Inches

    if template is None:
        prs = Presentation()
        prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
        return prs
    try:
        prs = Presentation(os.fspath(template))
    except Exception as e:  # noqa: BLE001 - python-pptx raises many kinds for a damaged or foreign file
        raise SlidesError(f"cannot use {template} as a template: not a readable PowerPoint file ({e})") from None
    slide_ids = prs.slides._sldIdLst  # the template's own slides go: its masters and layouts stay
    for sld in list(slide_ids):
        prs.part.drop_rel(sld.rId)
        slide_ids.remove(sld)
    return prs


def _layout(prs: PresentationType, *names: str) -> Any:
    for name in names:
        for layout in prs.slide_layouts:
            if layout.name.lower() == name:
                return layout
    return prs.slide_layouts[len(prs.slide_layouts) - 1]


def _blank(prs: PresentationType) -> Slide:
    slide = prs.slides.add_slide(_layout(prs, "blank", "title only"))
    for shape in list(slide.placeholders):  # a template's "title only" layout: we place our own title
        shape._element.getparent().remove(shape._element)
    return slide


def _text(slide: Slide, left: float, top: float, width: float, height: float,
          parts: Sequence[tuple[str, float, str, bool]], *, align: str = "left", anchor: str = "top") -> Any:
    """A text box (inches) of paragraphs: (text, size in points, colour, bold)."""
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches, Pt

    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}[anchor]
    for margin in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, margin, Inches(0.04))
    for i, (text, size, colour, bold) in enumerate(parts):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}[align]
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = RGBColor.from_string(colour)
    return box


def _heading(slide: Slide, text: str, subtitle: str = "") -> None:
    parts = [(text, 28, INK, True)] + ([(subtitle, 16, MUTED, False)] if subtitle else [])
    _text(slide, 0.6, 0.3, 12.1, 1.1, parts)


# ---------------------------------------------------------------------------------------------
# Slides


def _title_slide(prs: PresentationType, b: Briefing) -> None:
    slide = _blank(prs)
    _text(slide, 0.9, 2.2, 11.5, 1.9, [(b.title, 40, INK, True)], anchor="bottom")
    what = {"key": "Key events", "starred": "Starred events", "all": "All events"}[b.only]
    _text(slide, 0.9, 4.2, 11.5, 1.4, [(b.subtitle, 20, MUTED, False),
                                       (f"{what}: {len(b.events)} · sources cited: {len(b.sources)}", 16, MUTED,
                                        False)])
    slide.notes_slide.notes_text_frame.text = (  # type: ignore[union-attr]
        "Marks: a dot is a day; a light span a month, season or year; a bar a range; an arrow an open bound "
        "(\"by 2030\", \"since 2022\"). A hollow mark: one source alone. ⚠: the sources disagree.")


def span(events: Sequence[BriefEvent]) -> tuple[date, date]:
    """The axis of a key-dates slide: the events' dates with a margin."""
    days = [d for e in events for d in (e.start, e.end) if d is not None]
    lo, hi = min(days), max(days)
    pad = max((hi - lo).days // 12, 20)
    return lo - timedelta(days=pad), hi + timedelta(days=pad)


def lanes(events: Sequence[BriefEvent], lo: date, hi: date) -> list[int]:
    """A row for each event's mark, so that no two marks overlap (a dot takes 3% of the axis)."""
    total = max((hi - lo).days, 1)
    ends: list[float] = []
    out = []
    for e in events:
        a = ((e.start or lo) - lo).days / total if e.shape != BY else 0.0
        b = ((e.end or hi) - lo).days / total if e.shape != FROM else 1.0
        a, b = min(a, b - 0.03), max(b, a + 0.03)
        lane = next((i for i, end in enumerate(ends) if end + 0.02 < a), len(ends))
        if lane == len(ends):
            ends.append(b)
        else:
            ends[lane] = b
        out.append(lane)
    return out


def ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    """Labelled ticks on the axis: years, or months when the span is short."""
    years = hi.year - lo.year
    if years >= 2:
        step = max(1, years // 6)
        return [(date(y, 1, 1), str(y)) for y in range(lo.year + 1, hi.year + 1) if (y - lo.year - 1) % step == 0]
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    step = max(1, months // 6)
    out: list[tuple[date, str]] = []
    y, m = lo.year, lo.month
    for i in range(months + 1):
        if i and i % step == 0:
            d = date(y, m, 1)
            out.append((d, d.strftime("%b %Y") if m == 1 or not out else d.strftime("%b")))
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def _key_dates_slide(prs: PresentationType, b: Briefing, events: Sequence[BriefEvent], n: int, of: int) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
    from pptx.util import Inches, Pt

    slide = _blank(prs)
    lo, hi = span(events)
    _heading(slide, key_dates_heading(events, n, of))
    left, width, axis_y = 0.8, 11.7, 2.3
    rows = lanes(events, lo, hi)

    def x(d: date) -> float:
        return left + width * (d - lo).days / max((hi - lo).days, 1)

    line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Inches(left), Inches(axis_y), Inches(left + width),
                                      Inches(axis_y))
    line.line.color.rgb = RGBColor.from_string(MUTED)
    line.line.width = Pt(1.5)
    for d, label in ticks(lo, hi):
        _text(slide, x(d) - 0.6, axis_y + 0.12, 1.2, 0.35, [(label, 12, MUTED, False)], align="center")
    column = width / len(events)
    places = []
    for i, e in enumerate(events):  # connectors first, so that the marks are drawn over them
        x0, x1 = x(e.start or lo), x(e.end or hi)
        if e.shape == BY:
            x0 = left
        elif e.shape == FROM:
            x1 = left + width
        y = axis_y - 0.3 - 0.3 * rows[i]  # each mark on its own row above the axis where marks overlap
        places.append((x0, x1, y))
        anchor_x = min(max((x0 + x1) / 2, left), left + width)
        connector = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Inches(anchor_x), Inches(y + 0.13),
                                               Inches(left + i * column + column / 2), Inches(2.95))
        connector.line.color.rgb = RGBColor.from_string(LIGHT)
        connector.line.width = Pt(1.25)
    for i, e in enumerate(events):
        x0, x1, y = places[i]
        colour = WARN if e.conflicts else ACCENT
        if e.shape == DOT:
            mark = slide.shapes.add_shape(MSO_SHAPE.OVAL, Inches(x0 - 0.12), Inches(y - 0.12), Inches(0.24),
                                          Inches(0.24))
        elif e.shape in (BY, FROM):
            mark = slide.shapes.add_shape(MSO_SHAPE.RIGHT_ARROW, Inches(x0), Inches(y - 0.12),
                                          Inches(max(x1 - x0, 0.3)), Inches(0.24))
        else:
            height = 0.16 if e.shape == BAR else 0.22
            mark = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(x0), Inches(y - height / 2),
                                          Inches(max(x1 - x0, 0.08)), Inches(height))
        mark.shadow.inherit = False
        mark.line.color.rgb = RGBColor.from_string(colour)
        mark.line.width = Pt(2)
        if e.single_source:
            mark.fill.background()  # hollow: one source alone
        else:
            mark.fill.solid()
            mark.fill.fore_color.rgb = RGBColor.from_string(LIGHT if e.shape not in (DOT, BAR) else colour)
        label_x = left + i * column
        notes = footnote_list(e.footnotes)
        parts = [(e.when, 18, colour, True), (cut(e.headline, MAX_HEADLINE), 16, INK, False),
                 (f"{e.badge}  [{notes}]", 13, MUTED, False)]
        if e.conflicts:
            parts.append((f"⚠ sources disagree: {cut('; '.join(e.conflicts), 80)}", 13, WARN, False))
        _text(slide, label_x + 0.05, 3.0, column - 0.15, 3.0, parts)
    shown = cited_lines(b, events)
    half = (len(shown) + 1) // 2
    for c, lines in enumerate((shown[:half], shown[half:])):
        if lines:
            _text(slide, 0.6 + 6.1 * c, 6.0, 6.0, 1.3, [(line, 12, MUTED, False) for line in lines], anchor="bottom")
    slide.notes_slide.notes_text_frame.text = _notes(events, b)  # type: ignore[union-attr]


def key_dates_heading(events: Sequence[BriefEvent], n: int, of: int) -> str:
    """ "Key dates, 2022 – 2025 (1 of 2)": the years the page's events span."""
    first = min(d for e in events for d in (e.start, e.end) if d is not None)
    last = max(d for e in events for d in (e.start, e.end) if d is not None)
    period = f"{first.year}" if first.year == last.year else f"{first.year} – {last.year}"
    return f"Key dates, {period}" + (f" ({n} of {of})" if of > 1 else "")


def cited_lines(b: Briefing, events: Sequence[BriefEvent], at_most: int = 6) -> list[str]:
    """The sources a page's events cite, one line each, at most ``at_most`` lines."""
    cited = [s for s in b.sources if any(s.number in e.footnotes for e in events)]
    lines = [f"[{s.number}] {cut(s.citation, MAX_SOURCE)}" for s in cited[:at_most]]
    if len(cited) > at_most:
        lines[-1] = f"… and {len(cited) - at_most + 1} more in the source list at the end"
    return lines


def footnote_list(numbers: Sequence[int], at_most: int = 6) -> str:
    """ "1, 2, 4" (in order; "…" past ``at_most``)."""
    ordered = sorted(numbers)
    return ", ".join(map(str, ordered[:at_most])) + (", …" if len(ordered) > at_most else "")


def _notes(events: Sequence[BriefEvent], b: Briefing) -> str:
    """Speaker notes: each event with its supporting sentences, quoted, and their sources."""
    by_number = {s.number: s for s in b.sources}
    blocks = []
    for e in events:
        lines = [f"{e.when} ({e.written}; {e.value}): {e.headline}", e.badge]
        if e.conflicts:
            lines.append("Sources disagree: " + "; ".join(e.conflicts))
        lines += [f"“{q}” — [{n}] {by_number[n].citation}" for q, n in e.quotes]
        if e.note:
            lines.append(f"Note: {e.note}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _table_slide(prs: PresentationType, b: Briefing, events: Sequence[BriefEvent], n: int, of: int) -> None:
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    slide = _blank(prs)
    _heading(slide, "Appendix: the events" + (f" ({n} of {of})" if of > 1 else ""))
    widths = (2.6, 5.1, 2.0, 2.4)
    shape = slide.shapes.add_table(len(events) + 1, 4, Inches(0.6), Inches(1.3), Inches(sum(widths)),
                                   Inches(0.45 * (len(events) + 1)))
    table = shape.table
    for i, w in enumerate(widths):
        table.columns[i].width = Inches(w)
    header = ("Date (as written)", "Event", "Sources (independent)", "Sources disagree on")
    rows = [header] + [(f"{e.when}\n“{cut(e.written, 40)}” · {e.value}", cut(e.headline, MAX_HEADLINE),
                        f"{e.sources} ({e.independent}) [{footnote_list(e.footnotes, 5)}]",
                        cut("; ".join(e.conflicts), 60) or "—") for e in events]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(13 if r else 14)
                    run.font.bold = r == 0
                    if r and c == 3 and value != "—":
                        run.font.color.rgb = RGBColor.from_string(WARN)


def _sources_slide(prs: PresentationType, sources: Sequence[Any], n: int, of: int) -> None:
    slide = _blank(prs)
    _heading(slide, "Sources" + (f" ({n} of {of})" if of > 1 else ""))
    parts = [(f"[{s.number}] {cut(s.citation, 130)}", 15, INK, False) for s in sources]
    _text(slide, 0.6, 1.3, 12.1, 5.8, parts)
