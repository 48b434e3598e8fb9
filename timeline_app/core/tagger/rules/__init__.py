"""The rule handlers, one module per family; importing this package registers them all."""

from timeline_app.core.tagger.rules import calendar, durations, ranges, references, relative, templates

__all__ = ["calendar", "durations", "ranges", "references", "relative", "templates"]
