"""E-mail (``.eml``) and web pages saved as one file (``.mhtml``/``.mht``), both MIME messages read
with the standard library.

An e-mail's ``Date:`` is its publication date, its subject the title, its sender the source; the
plain-text part is preferred, an HTML part goes through the web-page reader. A saved page is its
HTML part read as a web page: its own metadata and byline date it, and the ``Date:`` of the file
(when the page was saved, not published) only where the page says nothing.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import replace
from datetime import date
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime

from timeline_app.core.readers import STATED_HEADER, ArticleError, Extracted, Member, Reader, register
from timeline_app.core.readers.html import read_page


def _message(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise ArticleError("not an e-mail message (no headers)")
    return message


def _header_date(message: EmailMessage) -> date | None:
    value = message.get("Date")
    if not value:
        return None
    try:
        return parsedate_to_datetime(str(value)).date()
    except (TypeError, ValueError, IndexError):
        return None


def _content(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError, AssertionError):  # a charset it does not know, bad encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else str(payload or "")
    return content if isinstance(content, str) else ""


def read_eml(data: bytes) -> Extracted:
    message = _message(data)
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise ArticleError("e-mail with no text (no plain-text or HTML part)")
    content = _content(body)  # type: ignore[arg-type]
    if body.get_content_subtype() == "html":
        page = read_page(content)
        text, title = page.text, page.title
    else:
        text, title = content.replace("\r\n", "\n").replace("\r", "\n"), ""
    if not text.strip():
        raise ArticleError("e-mail with no text")
    name, address = parseaddr(str(message.get("From", "")))
    return Extracted(text, str(message.get("Subject", "")).strip() or title, _header_date(message),
                     stated_from=STATED_HEADER, outlet=name or address, author=name or address)


def attachments(data: bytes) -> list[Member]:
    """An e-mail's attachments that are articles of their own (a PDF report, a Word note)."""
    from timeline_app.core.readers import readable_name

    out: list[Member] = []
    names: set[str] = set()
    for part in _message(data).iter_attachments():
        name = part.get_filename() or ""
        payload = part.get_payload(decode=True)
        if not name or not isinstance(payload, bytes) or not payload.strip() or not readable_name(name):
            continue
        name = name.replace("/", "_").replace("\\", "_")
        while name in names:  # two attachments of one name
            name = "_" + name
        names.add(name)
        out.append(Member(name, payload))
    return out


#: A line that starts a message in an mbox file ("From sender@example.org Tue May  6 09:48:00 2025").
_MBOX_FROM = re.compile(rb"^From \S+.*$", re.M)


def mbox_messages(data: bytes) -> list[Member]:
    """The messages of an mbox file, each as the bytes of an e-mail ("message 3.eml")."""
    starts = [m.start() for m in _MBOX_FROM.finditer(data) if m.start() == 0 or data[m.start() - 1:m.start()] == b"\n"]
    if not starts:
        raise ArticleError("not an mbox mailbox (no \"From \" line)")
    out = []
    for n, (start, end) in enumerate(zip(starts, starts[1:] + [len(data)]), 1):
        body = data[data.find(b"\n", start) + 1:end]
        body = re.sub(rb"^>(>*From )", rb"\1", body, flags=re.M)  # mboxrd quoting of body lines
        out.append(Member(f"message {n}.eml", body))
    return out


def _no_article(data: bytes) -> Extracted:
    raise ArticleError("a mailbox: its messages are the articles")


def read_mhtml(data: bytes) -> Extracted:
    message = _message(data)
    html_part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    if html_part is None:
        raise ArticleError("saved page with no HTML part")
    page = read_page(_content(html_part))
    url = str(html_part.get("Content-Location") or message.get("Snapshot-Content-Location") or "")
    # when the page was saved: after its own metadata and byline, and firmer than a date guessed
    # from its text
    saved = _header_date(message)
    if saved is None:
        return replace(page, url=page.url or url)
    return replace(page, url=page.url or url, hint=saved, hint_from=STATED_HEADER, hint_later=None)


def _sniff_eml(head: bytes) -> bool:
    start = head.lstrip()[:2000].lower()
    return start.startswith((b"from:", b"received:", b"return-path:", b"delivered-to:", b"message-id:")) \
        and b"\nsubject:" in start


def _sniff_mhtml(head: bytes) -> bool:
    start = head.lstrip()[:2000].lower()
    return b"multipart/related" in start and (b"snapshot-content-location" in start or b"mime-version" in start)


register(Reader("eml", (".eml",), read_eml, _sniff_eml, label="E-mail messages", members=attachments))
register(Reader("mbox", (".mbox",), _no_article, label="Mailboxes", members=mbox_messages, container_only=True,
                names=("mbox",)))
register(Reader("mhtml", (".mhtml", ".mht"), read_mhtml, _sniff_mhtml, label="Web pages saved as one file"))
