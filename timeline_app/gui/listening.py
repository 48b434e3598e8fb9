"""Widgets listen to the workspace's signals while they are open (napari's pattern), via one helper."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Listening:
    """Mix into a widget (before the Qt class): ``listen`` connects a workspace signal; closing the
    widget, or ``stop_listening``, disconnects everything it connected."""

    def listen(self, signal: Any, slot: Callable[..., Any]) -> None:
        signal.connect(slot)
        self.__dict__.setdefault("_listening", []).append((signal, slot))

    def stop_listening(self) -> None:
        for signal, slot in self.__dict__.pop("_listening", []):
            signal.disconnect(slot)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.stop_listening()
        super().closeEvent(event)  # type: ignore[misc]
