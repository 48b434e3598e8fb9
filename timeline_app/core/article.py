"""Reading articles from disk: text, title and publication date, with a reason for every failure."""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from timeline_app.core.budget import Stopped, TookTooLong, check
from timeline_app.core.casefold import lower_keeping_offsets
from timeline_app.core.files import ReadRefused, kind_of, read_regular_file
from timeline_app.core.lexicon import english
from timeline_app.core.settings import Settings

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES

#: Where an article's publication date came from.
DATE_GIVEN, DATE_DETECTED, DATE_REFERENCE, DATE_UNKNOWN = "given", "detected", "reference", "unknown"
DATE_INFERRED = "inferred"


@dataclass(frozen=True)
class Article:
    """One article: its text (what offsets point into), title and publication date."""

    path: str
    name: str
    title: str
    text: str
    published: date | None
    date_source: str
    #: Where the publication date stands in ``text`` (a byline), so it is not read as an event.
    dateline: tuple[int, int] | None = None
    #: How an inferred publication date was found.
    date_note: str = ""


@dataclass(frozen=True)
class ReadFailure:
    """A file that could not be used, and why, in words a user understands."""

    path: str
    reason: str

    @property
    def name(self) -> str:
        return Path(self.path).name


class ArticleError(Exception):
    """A file is not a readable article; the message says why."""


def collect_paths(sources: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[ReadFailure]]:
    """Expand files and folders into article files, in a stable order; report what cannot be used.

    Folders are walked without recursion (any depth); links to folders are not followed, so loops
    cannot trap the walk; links to files are followed only to regular files. Hidden files are
    skipped; other file types, pipes, devices and sockets are reported.
    """
    files: list[Path] = []
    failures: list[ReadFailure] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        try:
            key = p.resolve()
        except (OSError, RuntimeError):
            key = p
        if key not in seen:
            seen.add(key)
            files.append(p)

    for source in sources:
        path = Path(source)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            failures.append(ReadFailure(str(path), "broken link" if path.is_symlink() else "no such file or folder"))
            continue
        except OSError as e:
            failures.append(ReadFailure(str(path), f"cannot open: {e.strerror or e}"))
            continue
        if stat.S_ISDIR(mode):
            _walk(path, add, failures)
        elif not stat.S_ISREG(mode):
            failures.append(ReadFailure(str(path), f"{kind_of(mode)}, not a file"))
        elif path.suffix.lower() == ".json":
            failures.append(ReadFailure(str(path), "not an article file type (.json; a project opens as a project)"))
        else:
            add(path)
    return files, failures


def _walk(top: Path, add: Callable[[Path], None], failures: list[ReadFailure]) -> None:
    """Article files under ``top``, depth first in name order, with a stack instead of recursion."""
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            failures.append(ReadFailure(str(folder), f"cannot open folder: {e.strerror or e}"))
            continue
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            p = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(p)
                    continue
                link = entry.is_symlink()
                mode = entry.stat(follow_symlinks=True).st_mode
            except FileNotFoundError:
                failures.append(ReadFailure(str(p), "broken link"))
                continue
            except OSError as e:
                failures.append(ReadFailure(str(p), f"cannot open: {e.strerror or e}"))
                continue
            if link and stat.S_ISDIR(mode):
                continue  # links to folders are not followed (loops, or the whole disk)
            if not stat.S_ISREG(mode):
                failures.append(ReadFailure(str(p), f"{'link to ' if link else ''}{kind_of(mode)}, refused"))
            elif p.suffix.lower() in SUFFIXES:
                add(p)
            else:
                failures.append(ReadFailure(str(p), f"not an article file type ({p.suffix or 'no extension'})"))
        stack.extend(reversed(subfolders))


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
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def read_article(path: str | os.PathLike[str], *, published: date | None = None,
                 reference: date | None = None, settings: Settings | None = None) -> Article:
    """Read one article file; raise :class:`ArticleError` with a plain reason when it is unusable.

    The publication date is ``published`` when given, else the one the page states near its top,
    else ``reference``, else unknown.
    """
    settings = settings or Settings()
    p = Path(path)
    try:
        data = read_regular_file(p, settings.max_file_bytes)
    except ReadRefused as e:
        raise ArticleError(e.strerror or str(e)) from None
    except PermissionError:
        raise ArticleError("permission denied") from None
    except IsADirectoryError:
        raise ArticleError("is a folder") from None
    except OSError as e:
        raise ArticleError(f"cannot read: {e.strerror or e}") from None
    if not data.strip():
        raise ArticleError("empty file")
    if _looks_binary(data):
        raise ArticleError("binary file, not text")
    # Line ends become "\n" without changing the text's length, so offsets stay those of the file.
    raw = decode(data).replace("\r\n", " \n").replace("\r", "\n")
    suffix = p.suffix.lower()
    html_date: date | None = None
    if suffix in HTML_SUFFIXES or (suffix not in SUFFIXES and re.match(r"\s*<(!doctype html|html)", raw, re.I)):
        text, title, html_date = html_to_text(raw)
    else:
        text, title = raw, ""
    text = blank_long_runs(text)
    if not re.search(r"[^\W\d_]{2,}", text):
        raise ArticleError("no readable text")
    detected, dateline = find_dateline(text, settings)
    if not title and dateline is not None:
        title = _headline_above(text, dateline[0])
    if not title:
        title = guess_title(text, markdown=suffix in MARKDOWN_SUFFIXES) or p.stem
    if published is not None:
        when, source = published, DATE_GIVEN
    elif detected is not None:
        when, source = detected, DATE_DETECTED
    elif html_date is not None:
        when, source, dateline = html_date, DATE_DETECTED, None
    elif reference is not None:
        when, source = reference, DATE_REFERENCE
    else:
        when, source = None, DATE_UNKNOWN
    return Article(str(p), p.name, title, text, when, source, dateline)


#: A run of this many characters without white space is not prose (base64 images, minified code).
LONG_RUN = 1000
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONG_RUN},}}")  # starts only where a run starts: linear


def blank_long_runs(text: str) -> str:
    """Runs of non-space characters too long to be words become spaces of the same length, so
    offsets still hold and no later stage spends time on them.

    >>> blank_long_runs("see " + "A" * 1200 + " on March 18") == "see " + " " * 1200 + " on March 18"
    True
    """
    if len(text) < LONG_RUN:
        return text
    return _LONG_RUN.sub(lambda m: " " * len(m.group()), text)


def read_articles(sources: Iterable[str | os.PathLike[str]], *, reference: date | None = None,
                  dates: Mapping[str, date] | None = None,
                  settings: Settings | None = None) -> tuple[list[Article], list[ReadFailure]]:
    """Read every article under ``sources``; unusable files are reported, the rest are kept.

    ``dates`` maps a file name (or path) to its publication date and wins over detection.
    """
    dates = dict(dates or {})
    paths, failures = collect_paths(sources)
    articles: list[Article] = []
    for p in paths:
        got = read_or_report(p, dates, reference, settings)
        (articles if isinstance(got, Article) else failures).append(got)  # type: ignore[arg-type]
    return unique_names(articles), failures


def read_or_report(path: Path, dates: Mapping[str, date], reference: date | None,
                   settings: Settings | None) -> Article | ReadFailure:
    """One file as an article, or why it cannot be one; nothing a file holds stops the others."""
    given = dates.get(str(path)) or dates.get(path.name)
    try:
        return read_article(path, published=given, reference=reference, settings=settings)
    except (TookTooLong, Stopped):
        raise  # the caller reports the file as too long, or stops
    except ArticleError as e:
        return ReadFailure(str(path), str(e))
    except Exception as e:  # noqa: BLE001 - one bad file must never stop the others
        return ReadFailure(str(path), f"could not be read ({type(e).__name__}: {e})")


def unique_names(articles: list[Article]) -> list[Article]:
    """Articles whose file names clash ("index.html" in two folders) are named with their folders."""
    from collections import Counter

    counts = Counter(a.name for a in articles)
    if all(n == 1 for n in counts.values()):
        return articles
    out = []
    for a in articles:
        if counts[a.name] > 1:
            parts = Path(a.path).parts
            a = replace(a, name="/".join(parts[-2:]) if len(parts) > 1 else a.path)
        out.append(a)
    return out


def parse_date(text: str) -> date:
    """A date typed by a user: ISO ``YYYY-MM-DD`` first, else any complete date dateparser reads.

    >>> parse_date("2025-05-06"), parse_date("6 May 2025")
    (datetime.date(2025, 5, 6), datetime.date(2025, 5, 6))
    """
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    import dateparser  # slow to import; only for dates that are not ISO

    parsed = dateparser.parse(text, languages=["en"], settings={
        "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        raise ValueError(f"not a date: {text!r} (use YYYY-MM-DD)")
    return parsed.date()


# ---------------------------------------------------------------------------------------------
# HTML


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
    """Main text (paragraphs separated by blank lines), title and stated date of a saved page.

    trafilatura finds the article body among menus, footers and ads; nothing is fetched and no
    script runs. When it finds no body (a tiny page) the visible text is used.
    """
    import trafilatura  # heavy; only HTML needs it

    html = _HEAVY_TAG.sub(r"<\1>", strip_scripts(html))
    doc = None
    try:
        check()
        doc = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True, include_comments=False,
                                          include_tables=True, deduplicate=False, url=None)
    except (TookTooLong, Stopped):
        raise
    except Exception:  # noqa: BLE001 - a malformed page must fall back, never stop the load
        doc = None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    title = (getattr(doc, "title", None) or "").strip() if doc is not None else ""
    stated: date | None = None
    raw_date = getattr(doc, "date", None) if doc is not None else None
    if raw_date:
        try:
            stated = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            stated = None
    check()
    plain, plain_title = _plain_html_text(html)
    if len(text) < 200 and len(plain) > len(text):
        text = plain
    else:
        text = re.sub(r"\n+", "\n\n", text)
    return text, title or plain_title, stated


# ---------------------------------------------------------------------------------------------
# Title and publication date


def guess_title(text: str, markdown: bool = False) -> str:
    """The article's headline: a heading or a short first line, without site-name suffixes."""
    junk = english().title_junk
    lines = [ln.strip() for ln in text.split("\n")]
    if markdown:
        for ln in lines:
            if ln.startswith("#"):
                return ln.lstrip("#").strip()
    for ln in lines[:40]:
        if not ln or ln.lower() in junk or len(ln.split()) < 3:
            continue
        if " | " in ln:
            ln = max(ln.split(" | "), key=len).strip()
        if len(ln) <= 150 and not re.search(r"[.!?]\s+[A-Z]", ln):
            return ln.rstrip(".")
        first = re.split(r"(?<=[.!?])\s+", ln)[0]
        return first if len(first) <= 150 else first[:147].rsplit(" ", 1)[0] + "…"
    return ""


def _headline_above(text: str, pos: int) -> str:
    """The headline of a page whose byline is at ``pos``: the nearest substantial line above it."""
    junk = english().title_junk
    lines = text[: text.rfind("\n", 0, pos) + 1].split("\n")
    for ln in reversed(lines[-6:]):
        ln = ln.strip()
        if len(ln.split()) >= 4 and ln.lower() not in junk and len(ln) <= 200:
            return ln
    return ""


def find_dateline(text: str, settings: Settings | None = None) -> tuple[date | None, tuple[int, int] | None]:
    """A full date on a byline or dateline near the top ("by Jane Doe May 6, 2025 9:48 AM").

    Only dates with a day, a month and a year count; the line must be short or carry a byline cue.
    """
    from timeline_app.core.temporal import tag

    settings = settings or Settings()
    head = text[: settings.dateline_window]
    cues = english().dateline_cues
    line_start = 0
    for line in head.split("\n"):
        lowered = f" {line.lower()} "
        # only short lines and bylines can be datelines: tagging just those keeps this cheap
        if any(c.isdigit() for c in line) and (len(line.strip()) <= 60 or any(c in lowered for c in cues)):
            for e in tag(line, None, settings):
                if e.granularity == "day" and e.lo is not None and not e.anchored and e.kind == "point":
                    return e.lo, (line_start + e.start, line_start + e.end)
        line_start += len(line) + 1
    return None, None
