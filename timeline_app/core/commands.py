"""The commands that make a researcher's corrections (:mod:`timeline_app.core.curation`): every
change is a :class:`Command` with ``do`` and ``undo``, run on a :class:`CommandStack` (the pattern
of glue's ``glue/core/command.py``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date

from timeline_app.core.curation import Curation, Key, ManualEvent
from timeline_app.core.event import Evidence


class Command(ABC):
    """One undoable edit. ``label`` names it in "Undo <label>"."""

    label = "edit"

    @abstractmethod
    def do(self, curation: Curation) -> None: ...

    @abstractmethod
    def undo(self, curation: Curation) -> None: ...


class _SetMapping(Command):
    """Set ``curation.<attr>[key] = value``; undo puts back what was there."""

    attr = ""

    def __init__(self, key: Key, value: object) -> None:
        self.key, self.value = key, value
        self._had = False
        self._old: object = None

    def do(self, curation: Curation) -> None:
        mapping = getattr(curation, self.attr)
        self._had, self._old = self.key in mapping, mapping.get(self.key)
        mapping[self.key] = self.value

    def undo(self, curation: Curation) -> None:
        mapping = getattr(curation, self.attr)
        if self._had:
            mapping[self.key] = self._old
        else:
            mapping.pop(self.key, None)


class EditTitle(_SetMapping):
    attr = "titles"
    label = "Edit Title"


class EditDates(_SetMapping):
    """``value`` is (start, end, granularity)."""

    attr = "dates"
    label = "Edit Dates"


class EditNote(_SetMapping):
    attr = "notes"
    label = "Edit Note"


class _Toggle(Command):
    """Put keys in (``on``) or take them out of a set of the curation; undo restores it."""

    attr = ""

    def __init__(self, keys: list[Key] | Key, on: bool = True) -> None:
        self.keys = [keys] if isinstance(keys, tuple) else list(keys)
        self.on = on
        self._before: set[Key] = set()

    def do(self, curation: Curation) -> None:
        target: set[Key] = getattr(curation, self.attr)
        self._before = set(target)
        if self.on:
            target.update(self.keys)
        else:
            target.difference_update(self.keys)

    def undo(self, curation: Curation) -> None:
        target: set[Key] = getattr(curation, self.attr)
        target.clear()
        target.update(self._before)


class Star(_Toggle):
    attr = "starred"

    @property
    def label(self) -> str:  # type: ignore[override]
        return "Star" if self.on else "Unstar"


class Hide(Command):
    """Hide an event from the timeline (``on``) or restore one, whether hidden or excluded as furniture."""

    def __init__(self, keys: list[Key] | Key, on: bool = True) -> None:
        self.keys = [keys] if isinstance(keys, tuple) else list(keys)
        self.on = on
        self._before: tuple[set[Key], set[Key]] = (set(), set())

    @property
    def label(self) -> str:  # type: ignore[override]
        return "Hide" if self.on else "Restore"

    def do(self, curation: Curation) -> None:
        self._before = (set(curation.hidden), set(curation.restored))
        if self.on:
            curation.hidden.update(self.keys)
            curation.restored.difference_update(self.keys)
        else:
            curation.hidden.difference_update(self.keys)
            curation.restored.update(self.keys)

    def undo(self, curation: Curation) -> None:
        curation.hidden, curation.restored = set(self._before[0]), set(self._before[1])


class _GroupOfKeys(Command):
    """Add a group of keys to the list ``attr`` of the curation (merges, splits)."""

    attr = ""

    def __init__(self, keys: list[Key]) -> None:
        self.keys = list(keys)

    def do(self, curation: Curation) -> None:
        getattr(curation, self.attr).append(list(self.keys))

    def undo(self, curation: Curation) -> None:
        getattr(curation, self.attr).remove(self.keys)


class Merge(_GroupOfKeys):
    """Make one event of several (named by keys)."""

    attr = "merges"
    label = "Merge Events"


class Split(_GroupOfKeys):
    """Move some of an event's mentions (by key) into an event of their own."""

    attr = "splits"
    label = "Split Event"


class Detach(_Toggle):
    """Take a sentence out of an event's evidence."""

    attr = "detached"
    label = "Detach Sentence"


class Attach(Command):
    """Add a sentence as evidence of an event."""

    label = "Attach Sentence"

    def __init__(self, target: Key, evidence: Evidence) -> None:
        self.item = (target, evidence)

    def do(self, curation: Curation) -> None:
        curation.attached.append(self.item)

    def undo(self, curation: Curation) -> None:
        curation.attached.remove(self.item)


class AddEvent(Command):
    """Add an event by hand, with a note."""

    label = "Add Event"

    def __init__(self, title: str, start: date | None, end: date | None, granularity: str = "day",
                 note: str = "", source: str = "") -> None:
        self.args = (title, start, end, granularity, note, source)
        self.event: ManualEvent | None = None

    def do(self, curation: Curation) -> None:
        number = max((m.number for m in curation.manual), default=0) + 1
        self.event = ManualEvent(number, *self.args)
        curation.manual.append(self.event)

    def undo(self, curation: Curation) -> None:
        if self.event in curation.manual:
            curation.manual.remove(self.event)


class SetKeyCount(Command):
    """Show this many key events in briefings (None: the default)."""

    label = "Change Key Events"

    def __init__(self, count: int | None) -> None:
        self.count = count
        self._before: int | None = None

    def do(self, curation: Curation) -> None:
        self._before = curation.key_count
        curation.key_count = self.count

    def undo(self, curation: Curation) -> None:
        curation.key_count = self._before


class SetPublicationDate(Command):
    """Give an article a publication date (None: unknown); undone, the article has the one it had.

    Kept with the other edits so that it is undone like them; the workspace reads the articles'
    events again after it (``rebuilds``). A project file keeps given dates with its articles.
    """

    label = "Change Publication Date"
    rebuilds = True

    def __init__(self, document: str, when: date | None, before: tuple[date | None, str]) -> None:
        self.document, self.when, self.before = document, when, before
        self._had: tuple[date | None, str] | None = None

    def do(self, curation: Curation) -> None:
        self._had = curation.published.get(self.document)
        from timeline_app.core.article import DATE_GIVEN, DATE_UNKNOWN

        curation.published[self.document] = (self.when, DATE_GIVEN if self.when else DATE_UNKNOWN)

    def undo(self, curation: Curation) -> None:
        curation.published[self.document] = self._had if self._had is not None else self.before


class SetLanguage(Command):
    """Say which language an article is written in (its dates are read again in it); undone, it has
    the one it had. A project keeps it with the other edits."""

    label = "Change Language"
    rebuilds = True

    def __init__(self, document: str, code: str, before: str) -> None:
        self.document, self.code, self.before = document, code, before
        self._had: str | None = None

    def do(self, curation: Curation) -> None:
        self._had = curation.languages.get(self.document)
        curation.languages[self.document] = self.code

    def undo(self, curation: Curation) -> None:
        curation.languages[self.document] = self._had if self._had is not None else self.before


class CommandStack:
    """Done and undone commands over one :class:`Curation`."""

    def __init__(self, curation: Curation | None = None) -> None:
        self.curation = curation or Curation()
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def push(self, command: Command) -> None:
        command.do(self.curation)
        self._done.append(command)
        self._undone.clear()

    def undo(self) -> Command | None:
        if not self._done:
            return None
        command = self._done.pop()
        command.undo(self.curation)
        self._undone.append(command)
        return command

    def redo(self) -> Command | None:
        if not self._undone:
            return None
        command = self._undone.pop()
        command.do(self.curation)
        self._done.append(command)
        return command

    @property
    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
