"""Window benchmark: 10,000 events. Prints figures and targets; not a test (machines are noisy).

    .venv/bin/python bench/bench_gui.py [--events 10000]

- pan/zoom step: time to repaint the timeline after one step (target <= 16 ms), with the label pass
  that follows it; against the same plot drawn naively (one text item per event) in this run;
- select -> highlight: from selecting an event to every view showing it (target <= 50 ms);
- start-up: a fresh process until the window is shown (target <= 1 s);
- loading 1,000 articles through the window: seconds until shown, progress updates, and the longest
  the window went without handling events (a freeze; target: none above 50 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg  # noqa: E402
from PySide6 import QtCore, QtWidgets  # noqa: E402

import timeline_app.gui  # noqa: E402,F401
from timeline_app.core.article import DATE_REFERENCE, Article  # noqa: E402
from timeline_app.core.timeline import analyze  # noqa: E402
from timeline_app.core.workspace import Workspace  # noqa: E402

#: The windows' settings file: a throwaway one (never a device such as os.devnull, which saving
#: would replace with a regular file).
SETTINGS = os.path.join(tempfile.mkdtemp(prefix="timeline-bench-"), "settings.ini")

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _word(n: int) -> str:
    """A made-up word for each number ("bakodu"): distinct content for every synthetic mention."""
    consonants, vowels = "bdfgklmnprstvz", "aeiou"
    letters = []
    for _ in range(3):
        n, c = divmod(n, len(consonants))
        n, v = divmod(n, len(vowels))
        letters.append(consonants[c] + vowels[v])
    return "".join(letters)


def make_workspace(n_events: int) -> Workspace:
    """Articles whose sentences carry distinct dates, days, months and ranges, read by the real pipeline."""
    per_article = 20
    analyses = []
    k = 0
    for a in range(n_events // per_article):
        lines = []
        for _ in range(per_article):
            d = date(1995, 1, 1) + timedelta(days=k)
            # made-up words of its own: no two mentions tell the same thing, so none are fused
            who, did, what = _word(3 * k), _word(3 * k + 1), _word(3 * k + 2)
            if k % 5 == 0:  # month-level; a distinct month per mention so that none merge
                lines.append(f"The {who} {did} in {MONTHS[k % 12]} {1900 + k // 12 % 120} over {what}.")
            elif k % 7 == 0:
                lines.append(f"The {who} {did} from {d.year} to {d.year + 1 + k % 6} for {what}.")
            else:
                lines.append(f"The {who} {did} on {MONTHS[d.month - 1]} {d.day}, {d.year} that {what}.")
            k += 1
        text = "\n\n".join(lines)
        analyses.append(analyze(Article(f"a{a}.txt", f"a{a:04d}.txt", f"Article {a}", text, date(2025, 5, 6),
                                        DATE_REFERENCE)))
    ws = Workspace()
    ws.add(analyses)
    return ws


def repaint_ms(app: QtWidgets.QApplication, widget: QtWidgets.QWidget, step: callable, n: int) -> list[float]:
    times = []
    for i in range(n):
        step(i)
        t0 = time.perf_counter()
        app.processEvents()
        widget.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def bench_pan_zoom(app: QtWidgets.QApplication, ws: Workspace) -> tuple[float, float, float]:
    from timeline_app.gui.qt_timeline import QtTimelineView

    view = QtTimelineView(ws, legend=True)
    view.resize(1400, 800)
    view.show()
    app.processEvents()
    vb = view.getPlotItem().getViewBox()
    (xa, xb), _ = vb.viewRange()
    width = (xb - xa) / 8
    vb.setRange(xRange=(xa, xa + width), padding=0)
    vb.setYRange(-60, 0.8, padding=0)
    app.processEvents()

    def pan(i: int) -> None:
        lo = xa + (i % 20) * width * 0.05
        vb.setXRange(lo, lo + width, padding=0)

    def zoom(i: int) -> None:
        vb.scaleBy(x=0.9 if i % 2 else 1 / 0.9, y=1)

    pans = repaint_ms(app, view, pan, 40)
    zooms = repaint_ms(app, view, zoom, 40)
    label_times = []
    for i in range(20):
        pan(i)
        t0 = time.perf_counter()
        view.update_labels()
        view.viewport().repaint()
        label_times.append((time.perf_counter() - t0) * 1000)
    view.close()
    return statistics.median(pans), statistics.median(zooms), statistics.median(label_times)


def bench_naive(app: QtWidgets.QApplication, ws: Workspace) -> float:
    """The straightforward plot: a scatter and one TextItem per event."""
    from timeline_app.gui.timeline_layout import build_layout

    layout = build_layout(ws.timeline.events)
    plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom", utcOffset=0)}, background="w")
    plot.resize(1400, 800)
    plot.addItem(pg.ScatterPlotItem(x=layout.x0, y=-layout.lane.astype(float), size=8))
    for i in range(len(layout.ids)):
        t = pg.TextItem(layout.titles[i], color="#111111", anchor=(0, 0.5))
        t.setPos(layout.x0[i], -float(layout.lane[i]))
        plot.addItem(t)
    plot.show()
    app.processEvents()
    vb = plot.getPlotItem().getViewBox()
    (xa, xb), _ = vb.viewRange()
    width = (xb - xa) / 8
    vb.setYRange(-60, 0.8, padding=0)

    def pan(i: int) -> None:
        lo = xa + (i % 20) * width * 0.05
        vb.setXRange(lo, lo + width, padding=0)

    times = repaint_ms(app, plot, pan, 5)
    plot.close()
    return statistics.median(times)


def bench_select(app: QtWidgets.QApplication, ws: Workspace) -> tuple[float, float]:
    from timeline_app.gui.qt_main_window import QtMainWindow

    settings = QtCore.QSettings(SETTINGS, QtCore.QSettings.Format.IniFormat)
    window = QtMainWindow(ws, settings=settings)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    events = ws.timeline.events
    times = []
    for k in range(25):
        e = events[(k * 397) % len(events)]
        t0 = time.perf_counter()
        ws.select(e.id)
        app.processEvents()
        window.repaint()
        times.append((time.perf_counter() - t0) * 1000)
        assert window.article.document == e.evidence[0].document
    window.close()
    return statistics.median(times), max(times)


def bench_startup() -> float:
    code = ("import time, os; t=time.perf_counter(); os.environ['QT_QPA_PLATFORM']='offscreen';"
            "from timeline_app.gui import app as A; import timeline_app.gui;"
            "from PySide6 import QtWidgets, QtCore;"
            "from timeline_app.core.workspace import Workspace;"
            "from timeline_app.gui.qt_main_window import QtMainWindow;"
            f"a=QtWidgets.QApplication([]); w=QtMainWindow(Workspace(), settings=QtCore.QSettings({SETTINGS!r}, "
            "QtCore.QSettings.Format.IniFormat)); w.show(); a.processEvents(); print('UP', flush=True)")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "UP" in out.stdout, out.stderr
    return time.perf_counter() - t0


def make_article_files(folder: str, n: int) -> None:
    """n article files: the TimeML texts when they are beside the project, else the sample articles."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    timeml = root.parent / "shared" / "data" / "timeml-train"
    if timeml.exists():
        sys.path.insert(0, str(root / "bench"))
        from bench_pipeline import make_articles

        make_articles(timeml, n, Path(folder))
        return
    seeds = sorted((root / "seeds").glob("*.txt"))
    for i in range(n):
        (Path(folder) / f"a{i:05d}.txt").write_text(seeds[i % len(seeds)].read_text(encoding="utf-8"),
                                                     encoding="utf-8")


def bench_load(app: QtWidgets.QApplication, n: int) -> tuple[float, float, int, int]:
    """Load n article files through the window; returns (seconds, longest stall ms, progress updates, events)."""
    import tempfile

    from timeline_app.gui.qt_main_window import QtMainWindow

    with tempfile.TemporaryDirectory() as folder:
        make_article_files(folder, n)
        window = QtMainWindow(Workspace(), reference=date(2000, 1, 1),
                              settings=QtCore.QSettings(SETTINGS, QtCore.QSettings.Format.IniFormat))
        window.show()
        app.processEvents()
        ticks: list[float] = []
        progress: list[int] = []
        timer = QtCore.QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        window.progress.valueChanged.connect(progress.append)
        timer.start()
        loop = QtCore.QEventLoop()  # waits as the application would: idle until something happens
        window.sigLoaded.connect(loop.quit)
        t0 = time.perf_counter()
        window.load([folder], remember=False)
        loop.exec()
        seconds = time.perf_counter() - t0
        QtCore.QTimer.singleShot(200, loop.quit)  # the views finish taking the new timeline
        loop.exec()
        timer.stop()
        stall = max((b - a for a, b in zip(ticks, ticks[1:])), default=0.0) * 1000
        events = len(window.workspace.timeline.events)
        window.close()
    return seconds, stall, len(progress), events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=1000, help="articles for the loading figure")
    args = parser.parse_args()
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    t0 = time.perf_counter()
    ws = make_workspace(args.events)
    print(f"workspace: {len(ws.timeline.events)} events from {len(ws.articles)} articles "
          f"built in {time.perf_counter() - t0:.1f} s")
    pan, zoom, labels = bench_pan_zoom(app, ws)
    naive = bench_naive(app, ws)
    print(f"pan step repaint   median {pan:7.1f} ms   (target <= 16 ms)")
    print(f"zoom step repaint  median {zoom:7.1f} ms   (target <= 16 ms)")
    print(f"label pass + repaint median {labels:5.1f} ms   (after the view settles)")
    print(f"naive plot (one text item per event) pan step {naive:7.1f} ms: ours is {naive / max(pan, 1e-3):.0f}x "
          "faster")
    median, worst = bench_select(app, ws)
    print(f"select -> highlight median {median:6.1f} ms, worst {worst:6.1f} ms   (target <= 50 ms)")
    print(f"start-up to window shown   {bench_startup():6.2f} s    (target <= 1 s)")
    seconds, stall, updates, events = bench_load(app, args.articles)
    print(f"load {args.articles} articles through the window: {seconds:.1f} s to {events} events shown, "
          f"{updates} progress updates, longest stall {stall:.0f} ms   (target: none above 50 ms)")


if __name__ == "__main__":
    main()
