"""Saved web pages: the main text, title and stated date (trafilatura), offline, no script run."""

from __future__ import annotations

import codecs
import re
from datetime import date
from functools import cache
from html.parser import HTMLParser
from typing import Any

from timeline_app.core.budget import Stopped, TookTooLong, check
from timeline_app.core.casefold import lower_keeping_offsets
from timeline_app.core.readers import STATED_METADATA, STATED_PAGE_TEXT, Extracted, Reader, register
from timeline_app.core.readers.text import text_of


class _TextParser(HTMLParser):
    """Visible text of a page: scripts, styles and other non-content elements are dropped."""

    SKIP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head", "nav",
            "footer", "form", "button", "select"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
             "blockquote", "header", "pre", "ul", "ol", "table", "dd", "dt", "figcaption"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(data)


def _plain_html_text(html: str) -> tuple[str, str]:
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError, RecursionError):
        pass  # keep what was read before the damage
    text = re.sub(r"[ \t\f\v]+", " ", "".join(parser.parts))
    text = re.sub(r" *\n[ \n]*\n *", "\n\n", text).strip()
    return text, re.sub(r"\s+", " ", parser.title).strip()


#: An opening tag this long carries tens of thousands of attributes or a data URI: its attributes
#: are dropped (HTML parsers check attributes against each other, quadratic in their number).
_HEAVY_TAG = re.compile(r"<([A-Za-z][\w:-]*)[^<>]{4000,}>")


def strip_scripts(html: str) -> str:
    """The page without the code of its scripts: a script is never text and never a date.

    Structured data (``<script type="application/ld+json">``, where pages state their publication
    date) is kept. One pass with ``str.find``, linear however the tags are broken.

    >>> strip_scripts("<p>a</p><script>document.write('March 3, 1999')</script><p>b</p>")
    '<p>a</p><script></script><p>b</p>'
    """
    low = lower_keeping_offsets(html)
    if "<script" not in low:
        return html
    parts: list[str] = []
    pos = 0  # html[pos:] is still to copy
    search = 0
    while True:
        start = low.find("<script", search)
        if start < 0:
            break
        open_end = low.find(">", start)
        if open_end < 0:
            break
        close = low.find("</script", open_end)
        if "ld+json" in low[start:open_end]:  # data, not code
            search = open_end + 1 if close < 0 else close + 1
            continue
        parts.append(html[pos:open_end + 1])
        if close < 0:  # never closed: the rest of the page is script
            return "".join(parts)
        pos = search = close
    parts.append(html[pos:])
    return "".join(parts)


def html_to_text(html: str) -> tuple[str, str, date | None]:
    """Main text (paragraphs separated by blank lines), title and publication date of a saved page."""
    page = read_page(html)
    return page.text, page.title, page.stated


def read_page(html: str) -> Extracted:
    """A saved page: its main text (paragraphs separated by blank lines), title, the publication
    date its metadata states, and who published it (site, author, address).

    trafilatura finds the article body among menus, footers and ads; nothing is fetched and no
    script runs. When it finds no body at all the visible text is used. The date is htmldate's
    with ``original_date=True`` (the first publication, not the last update, which its default
    prefers).
    """
    import trafilatura  # heavy; only HTML needs it

    html = _HEAVY_TAG.sub(r"<\1>", html)
    # with the scripts: publishers state their dates in script data too
    stated = _publication_date(html, extensive=False)
    whole = html
    html = strip_scripts(html)
    doc = None
    try:
        check()
        # its date is not used (htmldate's, below, is): no extensive search there, which starts
        # dateparser's search through its 200 locales (seconds of CPU on the first page of a process)
        doc = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True, include_comments=False,
                                          include_tables=True, deduplicate=False, url=None,
                                          date_extraction_params={"extensive_search": False, "original_date": True})
    except (TookTooLong, Stopped):
        raise
    except Exception:  # noqa: BLE001 - a malformed page must fall back, never stop the load
        doc = None

    def field(name: str) -> str:
        return str(getattr(doc, name, None) or "").strip() if doc is not None else ""

    text, title = field("text"), field("title")
    check()
    if text:
        text = re.sub(r"\n+", "\n\n", text)
        if not title:
            title = _plain_html_text(html)[1]
    else:  # no body found: the visible text (a tiny page), never when there is a body (sidebars, buttons)
        text, plain_title = _plain_html_text(html)
        title = title or plain_title
    # a date its text shows, looked for only when neither metadata nor byline date the page, read in
    # the languages of the application and of the page (not dateparser's 200 locales)
    return Extracted(text, title, stated, stated_from=STATED_METADATA, hint_from=STATED_PAGE_TEXT,
                     hint_later=None if stated else lambda: _publication_date(whole, extensive=True, text=text),
                     outlet=field("sitename"), author=field("author"), url=field("url"),
                     day_first=day_first(whole))


_LANG = re.compile(r"<html\b[^>]{0,500}?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)", re.I)
#: Languages whose pages write numeric dates month first ("05/06/2025" is May 6).
MONTH_FIRST = ("en-us", "en")


def day_first(html: str) -> bool | None:
    """Does the page's declared language write numeric dates day first ("01/12/2020" is 1 December)?
    US English, and English of no stated country, do not; None when the page declares none.

    >>> day_first('<html lang="en-GB">'), day_first('<html lang="de">'), day_first("<html lang='en'>")
    (True, True, False)
    """
    m = _LANG.search(html[:5000])
    if m is None:
        return None
    return m.group(1).lower().replace("_", "-") not in MONTH_FIRST


def _publication_date(html: str, extensive: bool, text: str = "") -> date | None:
    """htmldate's reading: the page's metadata only, or (``extensive``) a date in its text too, read
    in the languages the application reads and the one ``text`` (the page's) is written in."""
    from htmldate import find_date  # installed with trafilatura

    if extensive:
        _read_dates_in(_page_languages(text))
    try:
        found = find_date(html, original_date=True, extensive_search=extensive)
    except (TookTooLong, Stopped):
        raise
    except Exception:  # noqa: BLE001 - a page whose date cannot be read is undated, not unreadable
        return None
    try:
        return date.fromisoformat(found[:10]) if found else None
    except ValueError:
        return None


def _page_languages(text: str) -> tuple[str, ...]:
    """The languages dateparser is given for a page: the application's, and the page's own."""
    from dateparser.data.languages_info import language_order  # the languages dateparser reads

    from timeline_app.core.language import DEFAULT, detect, readable_languages

    own = detect(text) if text else DEFAULT
    return tuple(sorted(set(readable_languages()) | ({own} if own in language_order else set())))


def _read_dates_in(languages: tuple[str, ...]) -> None:
    """htmldate's extensive search hands what may be a date to dateparser, which by default tries each
    of its 200 locales, compiling their word lists as it goes: seconds of CPU in a process's first
    such pages. htmldate's parser is made here for the given languages (its settings are htmldate's
    own); an htmldate without this hook keeps its own parser."""
    import htmldate.extractors

    if callable(getattr(htmldate.extractors, "get_external_parser", None)):
        parser = _date_parser(languages)
        htmldate.extractors.get_external_parser = lambda: parser  # type: ignore[assignment]


@cache
def _date_parser(languages: tuple[str, ...]) -> Any:
    from dateparser import DateDataParser

    return DateDataParser(languages=list(languages), settings={
        "NORMALIZE": True, "PARSERS": ["custom-formats", "absolute-time"], "PREFER_DATES_FROM": "past",
        "PREFER_LOCALE_DATE_ORDER": True, "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True})


_DECLARED = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.I)


def decode_page(data: bytes) -> str:
    """A saved page's text, decoded as it declares (byte-order mark, ``<meta charset>``, the
    http-equiv content type): a page declared UTF-8 with one bad byte keeps its other characters.
    Undeclared pages are UTF-8 if they decode as such, else what charset_normalizer finds, else
    Windows-1252. Line ends become newlines without changing the text's length.

    >>> decode_page(b'<meta charset="utf-8"><p>Caf\\xc3\\xa9 \\xff</p>')
    '<meta charset="utf-8"><p>Café \ufffd</p>'
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return text_of(data)
    text_of(data[:8192])  # refuses a binary file
    declared = _DECLARED.search(data[:8192])
    encoding = None
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            encoding = None
    if encoding is None:
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
            if len(data) >= 4096:  # on less, charset_normalizer's guess is a guess
                from charset_normalizer import from_bytes  # installed with trafilatura

                best = from_bytes(data[:200_000]).best()
                encoding = best.encoding if best is not None else encoding
    return data.decode(encoding, errors="replace").replace("\r\n", " \n").replace("\r", "\n")


def _read(data: bytes) -> Extracted:
    return read_page(decode_page(data))


def _sniff(head: bytes) -> bool:
    return re.match(rb"\s*<(!doctype html|html)", head, re.I) is not None


register(Reader("html", (".html", ".htm", ".xhtml"), _read, _sniff, label="Web pages"))
