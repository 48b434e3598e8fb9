"""Readers: one per kind of file, found by suffix (or by content where a suffix lies).

A reader turns a file's bytes into text (what every offset points into), a title if the file
states one, and a date the file states about itself (HTML metadata, a document's creation date).
Adding a kind of file is one module here that calls :func:`register`; the command line, the
folder walk and the window's file dialogs list what is registered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


class ArticleError(Exception):
    """A file is not a readable article; the message says why."""


#: Where a date a file states about itself comes from (the article's ``date_source``).
STATED_METADATA, STATED_HEADER, STATED_PROPERTIES = "page metadata", "e-mail header", "document properties"
STATED_PAGE_TEXT = "page text"


@dataclass(frozen=True)
class Extracted:
    """What a reader found in a file.

    An article's publication date is, in this order: the one the researcher gave, ``stated``, a
    byline or dateline in the text, ``hint``, the run's reference date.
    """

    text: str
    title: str = ""
    #: the publication date as the publisher recorded it (a page's metadata, an e-mail's Date:),
    #: firmer than a date found in the text
    stated: date | None = None
    #: headings are marked with "#" (the title is the first one)
    markdown: bool = False
    #: where ``stated`` comes from (:data:`STATED_METADATA`...)
    stated_from: str = STATED_METADATA
    #: a date weaker than a byline: a document's creation date, when a page was saved, a date
    #: found in a page's text
    hint: date | None = None
    hint_from: str = STATED_PROPERTIES
    #: finds ``hint`` when it is needed (no stated date, no byline): for a costly search
    hint_later: Callable[[], date | None] | None = None
    #: who published it and where: the site or outlet, the author, the address of the page
    outlet: str = ""
    author: str = ""
    url: str = ""
    #: where each page starts in ``text``, for a paged document (a citation names the page)
    pages: tuple[int, ...] = ()
    #: numeric dates are day first: the file's language is not US English (None: not known)
    day_first: bool | None = None


#: Between a file's path and the name of a file it holds: "tip.eml#report.pdf".
MEMBER_MARK = "#"


@dataclass(frozen=True)
class Member:
    """A file inside another (an e-mail's attachment, a mailbox's message): its name and bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Reader:
    """How to read one kind of file."""

    name: str
    #: file name endings, lower case with the dot (".html")
    suffixes: tuple[str, ...]
    read: Callable[[bytes], Extracted]
    #: does the start of a file (its first 4 KB) look like this kind, whatever its name says?
    sniff: Callable[[bytes], bool] | None = None
    #: shown in file dialogs and help ("Web pages")
    label: str = ""
    #: the files it holds that are articles of their own (an e-mail's readable attachments)
    members: Callable[[bytes], list[Member]] | None = None
    #: the file is no article itself, only what it holds (a mailbox)
    container_only: bool = False
    #: whole file names it reads besides its suffixes, lower case (a mailbox folder's "mbox")
    names: tuple[str, ...] = ()


_READERS: list[Reader] = []


def register(reader: Reader) -> Reader:
    """Add a reader; a suffix already taken is taken over by the newer reader."""
    _READERS.insert(0, reader)
    return reader


def readers() -> list[Reader]:
    """The registered readers, newest first."""
    return list(_READERS)


def suffixes() -> tuple[str, ...]:
    """Every suffix a folder is searched for."""
    return tuple(dict.fromkeys(s for r in reversed(_READERS) for s in r.suffixes))


def readable_name(name: str) -> bool:
    """Is a file of this name read as an article (its suffix, or a name such as "mbox")?"""
    lower = name.lower()
    return any(lower.endswith(s) for s in suffixes()) or any(lower in r.names for r in _READERS)


def reader_for(suffix: str, head: bytes, name: str = "") -> Reader:
    """The reader of a file: by its suffix (or its whole name), else by its content, else as plain text."""
    suffix = suffix.lower()
    for r in _READERS:
        if suffix in r.suffixes or (name and name.lower() in r.names):
            return r
    for r in _READERS:
        if r.sniff is not None and r.sniff(head):
            return r
    return next(r for r in _READERS if r.name == "text")


# The built-in readers register themselves on import.
from timeline_app.core.readers import html, mail, office, pdf, text  # noqa: E402, F401, I001
