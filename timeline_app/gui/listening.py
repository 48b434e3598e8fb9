"""Widgets listen to the workspace's signals while they are open (napari's pattern), via one helper."""

from __future__ import annotations

from types import MethodType
from typing import Any


class Listening:
    """Mix into a widget (before the Qt class): ``listen`` connects a workspace signal; closing the
    widget, or ``stop_listening``, disconnects everything it connected."""

    def listen(self, signal: Any, slot: MethodType) -> None:
        """Connect ``signal`` to one of this widget's methods.

        The widget keeps the method's function, not the bound method: that would hold the widget in
        a reference cycle, and a Qt widget in a cycle is freed whenever the garbage collector runs,
        even in the middle of one of its own events (a crash). The workspace's signals hold their
        slots weakly, so a widget nobody keeps is deleted at once.
        """
        signal.connect(slot)
        self.__dict__.setdefault("_listening", []).append((signal, slot.__func__))

    def stop_listening(self) -> None:
        for signal, function in self.__dict__.pop("_listening", []):
            signal.disconnect(MethodType(function, self))

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.stop_listening()
        super().closeEvent(event)  # type: ignore[misc]
