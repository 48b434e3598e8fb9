"""Writers as a registry: every output format, listed once for the command line, the Export menu
and the help text.

A writer names the function that writes it as ``"module:function"``, imported only when it is
used: the pictures are drawn with Qt, which the core never imports and the command line loads
only when a picture is asked for. Adding a format is one :func:`register` call beside its code.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

FILE, FOLDER = "file", "folder"


@dataclass(frozen=True)
class Writer:
    """One output format."""

    #: the command-line option is ``--<name>`` for a file writer
    name: str
    #: what the Export menu and ``--help`` say
    label: str
    #: ``file``: one file, ending in ``suffix``; ``folder``: several files in a folder
    target: str
    #: ``"module:function"``; a file writer is called ``(workspace, path, title=...)``, a folder
    #: writer ``(timeline, folder)``; both return the paths written
    function: str
    suffix: str = ""
    #: drawn with Qt (a QApplication is made offscreen on the command line)
    needs_qt: bool = False
    #: the keyword options a file writer takes, of ``title``, ``only`` (key, starred, all), ``template``,
    #: ``preset`` (the size of a picture)
    options: tuple[str, ...] = ("title",)
    #: which events it shows unless told (``--only``): a briefing the key ones, a picture all
    only: str = "all"

    def load(self) -> Callable[..., Any]:
        module, _, name = self.function.partition(":")
        return getattr(importlib.import_module(module), name)


_WRITERS: dict[str, Writer] = {}


def register(writer: Writer) -> Writer:
    _WRITERS[writer.name] = writer
    return writer


def writers(target: str | None = None) -> list[Writer]:
    """The registered writers (of one target kind), in the order they were registered."""
    return [w for w in _WRITERS.values() if target is None or w.target == target]


def writer(name: str) -> Writer:
    return _WRITERS[name]


register(Writer("tables", "Tables (timeline.csv, evidence.csv, timeline.json)", FOLDER,
                "timeline_app.core.export:export"))
register(Writer("png", "Picture of the timeline (PNG, 2400 px wide, or a 1920 x 1080 slide)", FILE,
                "timeline_app.gui.export_image:render_image", ".png", needs_qt=True,
                options=("title", "only", "preset")))
register(Writer("svg", "Vector picture of the timeline (SVG)", FILE,
                "timeline_app.gui.export_image:render_image", ".svg", needs_qt=True,
                options=("title", "only", "preset")))
register(Writer("pptx", "Briefing slides (PowerPoint, editable)", FILE, "timeline_app.core.slides:write_slides",
                ".pptx", options=("title", "only", "template"), only="key"))
register(Writer("pdf", "Briefing (PDF)", FILE, "timeline_app.gui.export_pdf:write_pdf", ".pdf", needs_qt=True,
                options=("title", "only"), only="key"))
register(Writer("timelinejs", "TimelineJS3 data (JSON, to publish the timeline)", FILE,
                "timeline_app.core.timelinejs:write_timelinejs", ".json", options=("title", "only"), only="key"))
