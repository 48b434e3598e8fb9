"""A time budget for reading one file, checked by the text stages as they go.

Every stage is linear in its input, but a 20 MB file still costs seconds, and a file that is not
prose can cost more: no one file may hold up the others. The reading of each file runs under a
budget; long loops call :func:`check`, which raises :class:`TookTooLong` once the budget is spent
(or :class:`Stopped` once the user cancelled), and the file is reported instead of read.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar


class TookTooLong(Exception):
    """The file's budget ran out; the message gives it in seconds."""


class Stopped(Exception):
    """The user cancelled the load while this file was read."""


_deadline: ContextVar[tuple[float, float, Callable[[], bool] | None] | None] = ContextVar("deadline", default=None)


@contextmanager
def time_budget(seconds: float | None, cancelled: Callable[[], bool] | None = None) -> Iterator[None]:
    """Run the body under a budget of ``seconds`` (None or 0: no limit, but still cancellable)."""
    limit = time.monotonic() + seconds if seconds else float("inf")
    token = _deadline.set((limit, seconds or 0.0, cancelled))
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise when the current budget is spent or the load was cancelled; cheap enough for loops."""
    current = _deadline.get()
    if current is None:
        return
    limit, seconds, cancelled = current
    if cancelled is not None and cancelled():
        raise Stopped("cancelled")
    if time.monotonic() > limit:
        raise TookTooLong(f"took too long (more than {seconds:g} s); skipped so the others could be read")
