"""Plain text and Markdown: decoded as the bytes say (BOM, UTF-8, Windows-1252, Latin-1)."""

from __future__ import annotations

import codecs
import re
from datetime import date

from timeline_app.core.readers import STATED_METADATA, ArticleError, Extracted, Reader, register


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252, else Latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Binary behind a BOM decodes to code units no text uses: controls, lone surrogates
        # (U+FFFD once decoded), private-use and unassigned characters.
        import unicodedata

        chars = head.decode("utf-16", errors="replace")
        odd = sum(1 for c in chars if (c < " " and c not in "\t\n\r\f\v") or c == "\ufffd"
                  or unicodedata.category(c) in ("Co", "Cn", "Cs"))
        return odd > len(chars) * 0.05
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > len(head) * 0.05


#: bytes no text holds (tab, line ends, vertical tab and form feed are text)
_CONTROL_BYTES = bytes(range(9)) + bytes(range(14, 32))


def text_of(data: bytes) -> str:
    """The text of a file that must be text: binary files are refused; line ends become "\n"
    without changing the text's length, so offsets stay those of the file."""
    if _looks_binary(data):
        raise ArticleError("binary file, not text")
    return decode(data).replace("\r\n", " \n").replace("\r", "\n")


#: YAML front matter at the top of a Markdown file (what note-taking and web-clipping tools write).
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?=\n|\Z)", re.S)
#: Front-matter keys, as the tools that write them name them, and what each says.
_KEYS = {"title": "title", "date": "date", "published": "date", "pubdate": "date", "created": "created",
         "source": "outlet", "outlet": "outlet", "site": "outlet", "site_name": "outlet", "publisher": "outlet",
         "author": "author", "by": "author", "url": "url", "link": "url", "source_url": "url", "canonical": "url"}


def read_markdown(data: bytes) -> Extracted:
    """Markdown: its front matter (title, date, source, author, address) is the article's metadata,
    not its text; it is blanked out, so offsets stay those of the file."""
    text = text_of(data)
    m = _FRONT_MATTER.match(text)
    if m is None:
        return Extracted(text, markdown=True)
    meta: dict[str, str] = {}
    for line in m.group(1).split("\n"):
        key, sep, value = line.partition(":")
        field = _KEYS.get(key.strip().lower())
        if sep and field and field not in meta:
            meta[field] = value.strip().strip("\"'")
    blank = re.sub(r"[^\n]", " ", text[:m.end()])
    # "created" is when a clipping tool saved the page: weaker than a byline
    return Extracted(blank + text[m.end():], meta.get("title", ""), _iso_day(meta.get("date", "")), markdown=True,
                     stated_from=STATED_METADATA, hint=_iso_day(meta.get("created", "")),
                     outlet=meta.get("outlet", ""), author=meta.get("author", ""), url=meta.get("url", ""))


def _iso_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if re.match(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        return None


register(Reader("text", (".txt", ".text"), lambda data: Extracted(text_of(data)), label="Text"))
register(Reader("markdown", (".md", ".markdown"), read_markdown, label="Markdown"))
