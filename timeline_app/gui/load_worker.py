"""Loading off the window's thread: a plain Python thread that reads, analyses and prepares the
workspace, and queues its progress and result for the window to collect (it touches nothing of Qt)."""

from __future__ import annotations

import gc
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from timeline_app.core.budget import Stopped, time_budget
from timeline_app.core.loading import LoadResult, load
from timeline_app.core.workspace import PendingAdd, Workspace
from timeline_app.gui.timeline_layout import lay_out_ahead


@dataclass
class Loaded:
    """What a load gives the window: the files read, and their events ready to show."""

    result: LoadResult
    pending: PendingAdd | None
    #: cancelled once every file was read, while the timeline was built: nothing is to be added
    abandoned: bool = False


_pauses_lock = threading.Lock()
_pauses_held = 0
_collector_was_on = True


@contextmanager
def no_collector_pauses() -> Iterator[None]:
    """No pause of Python's cycle collector while loading, and none for what was loaded afterwards.

    A load makes a million long-lived objects; each time the heap grows by a quarter, the
    collector stops every thread to walk all of it (100 ms for 1,000 articles: the window froze
    three times a load). Here it is off for the load, then everything is set aside from its walks
    (``gc.freeze``): what was loaded lives as long as the workspace, holds no cycles, and is freed by
    its reference counts when dropped.
    """
    global _pauses_held, _collector_was_on
    with _pauses_lock:
        if _pauses_held == 0:
            _collector_was_on = gc.isenabled()
            gc.disable()
        _pauses_held += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses_held -= 1
            if _pauses_held == 0:
                gc.freeze()
                if _collector_was_on:
                    gc.enable()


class LoadWorker:
    """Reads and analyses articles on a Python thread; stops when cancelled.

    It touches nothing of Qt: progress and the result wait in :attr:`reports` until the window
    collects them on its own thread (a signal emitted from another thread has crashed PySide).
    """

    def __init__(self, sources: list[str], reference: date | None, dates: dict[str, date],
                 workspace: Workspace | None = None) -> None:
        self.sources, self.reference, self.dates = sources, reference, dates
        self.workspace = workspace
        self.cancel_event = threading.Event()
        self.reports: queue.SimpleQueue[tuple[int, int, str] | Loaded | Exception] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self.run, name="timeline-load", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def run(self) -> None:
        with no_collector_pauses():
            self._run()

    def _run(self) -> None:
        try:
            result = load(self.sources, reference=self.reference, dates=self.dates,
                          settings=self.workspace.settings if self.workspace is not None else None,
                          progress=lambda done, total, name: self.reports.put((done, total, name)),
                          cancelled=self.cancel_event.is_set)
            pending = None
            if self.workspace is not None:  # events, fusion and copies here too: the window never waits
                # a Cancel while reading stopped the reading, and what was read is still added; a Cancel
                # from now on stops the building and adds nothing
                self.cancel_event.clear()
                self.reports.put((0, 0, ""))
                with time_budget(None, self.cancel_event.is_set):
                    pending = self.workspace.prepare(result.analyses, result.failures)
                    if pending.timeline is not None:  # the plot's lanes too: the window only draws them
                        lay_out_ahead(pending.timeline.events)
        except Stopped:
            self.reports.put(Loaded(result, None, abandoned=True))
            return
        except Exception as e:  # noqa: BLE001 - reported in the window, never lost
            self.reports.put(RuntimeError(f"{type(e).__name__}: {e}"))  # no traceback keeps the frames
            return
        self.reports.put(Loaded(result, pending))
