"""Where each event goes on the timeline plot: its mark, its extent on the x axis and its lane.

Pure Python and NumPy (no Qt), so the layout can be tested and measured on its own. x values are
seconds since 1970-01-01 at UTC midnight, what ``pyqtgraph.DateAxisItem(utcOffset=0)`` expects.
"""

from __future__ import annotations

import bisect
import heapq
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from timeline_app.core.event import Event

DAY_SECONDS = 86400
EPOCH = date(1970, 1, 1)

# Marks, and what the legend calls them.
DAY, PERIOD, RANGE, BEFORE, AFTER = "day", "period", "range", "before", "after"
MARK_NAMES = {
    DAY: "Day",
    PERIOD: "Month, season or year",
    RANGE: "From … to …",
    BEFORE: "By, until, before",
    AFTER: "After, starting",
}


def seconds(d: date) -> float:
    return float((d - EPOCH).days * DAY_SECONDS)


#: grid steps from the finest: (months, days); a step is used when its lines are far enough apart
_GRID_STEPS = ((0, 1), (0, 7), (1, 0), (3, 0), (12, 0), (24, 0), (60, 0), (120, 0), (240, 0), (600, 0), (1200, 0))


def grid_lines(left: float, right: float, width_px: float, min_px: float = 50.0) -> list[float]:
    """Where vertical grid lines go between two positions (seconds): whole days, Mondays, months,
    quarters or years, the finest step that leaves ``min_px`` between lines.

    >>> def days(width_px):
    ...     xs = grid_lines(seconds(date(2024, 11, 20)), seconds(date(2026, 2, 1)), width_px)
    ...     return [(EPOCH + timedelta(days=int(x // DAY_SECONDS))).isoformat() for x in xs]
    >>> days(150)
    ['2025-01-01', '2026-01-01']
    >>> days(400)
    ['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01']
    """
    if right <= left or width_px <= 0:
        return []
    px_per_day = width_px / ((right - left) / DAY_SECONDS)
    for months, days in _GRID_STEPS:
        if (months * 30.44 + days) * px_per_day >= min_px:
            break
    lo = EPOCH + timedelta(days=max(int(left // DAY_SECONDS), (date(1, 1, 1) - EPOCH).days))
    hi = EPOCH + timedelta(days=min(int(right // DAY_SECONDS) + 1, (date(9999, 12, 31) - EPOCH).days))
    out: list[float] = []
    if days:  # days or weeks (weeks start on Mondays)
        d = lo + timedelta(days=(-lo.weekday()) % 7 if days == 7 else 0)
        while d <= hi and len(out) < 2000:
            out.append(seconds(d))
            d += timedelta(days=days)
        return out
    index = (lo.year * 12 + lo.month - 1 + months - 1) // months * months  # first multiple of the step
    while len(out) < 2000:
        y, m = divmod(index, 12)
        if y > hi.year or y > 9999:
            break
        d = date(y, m + 1, 1)
        if d > hi:
            break
        if d >= lo:
            out.append(seconds(d))
        index += months
    return out


def mark_of(e: Event) -> str | None:
    """The kind of mark that draws an event, or None when it has no place (unresolved)."""
    if e.start is None and e.end is None:
        return None
    if e.start is None:
        return BEFORE
    if e.end is None:
        return AFTER
    if e.kind == "point" and e.start == e.end:
        return DAY
    if e.kind == "point":
        return PERIOD
    return RANGE


@dataclass
class TimelineLayout:
    """Parallel arrays, one entry per drawn event, plus per-lane indexes for hit tests and labels."""

    ids: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    x0: np.ndarray = field(default_factory=lambda: np.zeros(0))
    x1: np.ndarray = field(default_factory=lambda: np.zeros(0))
    lane: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    extent: tuple[float, float] = (0.0, 1.0)
    #: where the marks and their labels end at the fit-all zoom (x)
    reach: float = 1.0
    lanes: int = 0
    #: per lane: event indexes sorted by x0, and their x0 values
    by_lane: list[list[int]] = field(default_factory=list)
    lane_x0: list[list[float]] = field(default_factory=list)
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def index_of(self, event_id: str) -> int | None:
        if len(self._index) != len(self.ids):
            self._index = {e: i for i, e in enumerate(self.ids)}
        return self._index.get(event_id)

    def hit(self, x: float, lane: int, tolerance: float) -> int | None:
        """The event drawn at ``x`` in ``lane`` (within ``tolerance`` x units), the nearest one."""
        if not 0 <= lane < self.lanes:
            return None
        xs, idx = self.lane_x0[lane], self.by_lane[lane]
        j = bisect.bisect_right(xs, x + tolerance)
        best, best_d = None, tolerance
        for k in range(max(0, j - 50), j):
            i = idx[k]
            lo, hi = self.x0[i], self.x1[i]
            d = 0.0 if lo <= x <= hi else min(abs(x - lo), abs(x - hi))
            if d <= best_d:
                best, best_d = i, d
        return best


#: a layout made ahead, off the window's thread, for one list of events (the very object) and its
#: options: taken once by the first :func:`build_layout` for that list, then forgotten
_ahead: tuple[list[Event], tuple[float, float, bool], TimelineLayout] | None = None


def lay_out_ahead(events: list[Event], label_px: float = 7.0, nominal_width_px: float = 1400.0,
                  dated: bool = False) -> None:
    """Lay ``events`` out now (a loading thread), so that the window, shown them, does not wait."""
    global _ahead
    _ahead = (events, (label_px, nominal_width_px, dated), _build_layout(events, label_px, nominal_width_px, dated))


def build_layout(events: list[Event], label_px: float = 7.0, nominal_width_px: float = 1400.0,
                 dated: bool = False) -> TimelineLayout:
    """Lay events out in lanes so that marks (and, for small timelines, labels) do not overlap;
    ``dated``: each label starts with its date as a reader says it (pictures for briefings)."""
    global _ahead
    ahead, _ahead = _ahead, None
    if ahead is not None and ahead[0] is events and ahead[1] == (label_px, nominal_width_px, dated):
        return ahead[2]
    return _build_layout(events, label_px, nominal_width_px, dated)


def _build_layout(events: list[Event], label_px: float, nominal_width_px: float, dated: bool) -> TimelineLayout:
    rows = [(e, m) for e in events if (m := mark_of(e)) is not None]
    n = len(rows)
    if n == 0:
        today = seconds(date.today())
        return TimelineLayout(extent=(today - 365 * DAY_SECONDS, today + 365 * DAY_SECONDS),
                              reach=today + 365 * DAY_SECONDS)
    starts = [seconds(e.start) if e.start else None for e, _ in rows]
    ends = [seconds(e.end) + DAY_SECONDS if e.end else None for e, _ in rows]
    known = [x for x in starts + ends if x is not None]
    lo, hi = min(known), max(known)
    span = max(hi - lo, 30 * DAY_SECONDS)
    arrow = max(span * 0.05, 60 * DAY_SECONDS)
    x0 = np.empty(n)
    x1 = np.empty(n)
    for i, ((_, mark), s, e) in enumerate(zip(rows, starts, ends)):
        if mark == BEFORE:
            x0[i], x1[i] = e - arrow, e  # type: ignore[operator]
        elif mark == AFTER:
            x0[i], x1[i] = s, s + arrow  # type: ignore[operator]
        elif mark == DAY:
            x0[i] = x1[i] = s + DAY_SECONDS / 2  # type: ignore[operator]
        else:
            x0[i], x1[i] = s, e
    extent = (float(x0.min()), float(x1.max()))
    width = max(extent[1] - extent[0], 30 * DAY_SECONDS)
    # Reserve room for the label at the fit-all zoom while the timeline is small enough to label it all.
    per_px = width / nominal_width_px
    reserve = [min(len(e.title), 60) * label_px * per_px + 16 * per_px if n <= 400 else 4 * per_px
               for e, _ in rows]
    order = sorted(range(n), key=lambda i: (x0[i], x1[i]))
    lane = np.zeros(n, dtype=int)
    free: list[tuple[float, int]] = []  # (x where the lane is free again, lane)
    lanes = 0
    reach = extent[1]
    for i in order:
        if free and free[0][0] <= x0[i]:
            _, k = heapq.heappop(free)
        else:
            k = lanes
            lanes += 1
        lane[i] = k
        label_start = x1[i] if rows[i][1] == BEFORE else x0[i]
        busy_until = max(x1[i], label_start + reserve[i])
        reach = max(reach, busy_until)
        heapq.heappush(free, (busy_until, k))
    by_lane: list[list[int]] = [[] for _ in range(lanes)]
    for i in order:
        by_lane[lane[i]].append(i)
    return TimelineLayout(
        ids=[e.id for e, _ in rows], titles=[_label(e, dated) for e, _ in rows],
        marks=[m for _, m in rows],
        x0=x0, x1=x1, lane=lane, extent=extent, reach=float(reach), lanes=lanes, by_lane=by_lane,
        lane_x0=[[float(x0[i]) for i in idx] for idx in by_lane],
    )


def _label(e: Event, dated: bool) -> str:
    """ "★ " for a starred event, "◆ " for a key one; then its date when ``dated``; then its title."""
    mark = "★ " if e.starred else "◆ " if e.key else ""
    if not dated:
        return mark + e.title
    from timeline_app.core.briefing import reader_date

    return f"{mark}{reader_date(e.start, e.end, e.granularity, e.kind)} · {e.title}"
