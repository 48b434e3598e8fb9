"""Reading articles from disk: text, title and publication date, with a reason for every failure."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from timeline_app.core.budget import Stopped, TookTooLong
from timeline_app.core.dateline import find_dateline
from timeline_app.core.files import ReadRefused, kind_of, read_regular_file
from timeline_app.core.language import DEFAULT, detect, language, readable
from timeline_app.core.readers import MEMBER_MARK, ArticleError, Extracted, Member, readable_name, reader_for
from timeline_app.core.settings import Settings

#: Where an article's publication date came from: given by the researcher, a byline in the text,
#: what the file states about itself (:data:`~timeline_app.core.readers.STATED_METADATA`...), the
#: reference date of the run, inferred from the other articles, or unknown.
DATE_GIVEN, DATE_BYLINE, DATE_REFERENCE, DATE_UNKNOWN = "given", "byline", "reference", "unknown"
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
    #: The code of the article's language: the data its sentences, dates and titles are read with.
    language: str = DEFAULT
    #: Who published it, as a citation names it: the outlet or site, the author, the page's address.
    outlet: str = ""
    author: str = ""
    url: str = ""
    #: where each page starts in ``text``, for a paged document (PDF): a citation names the page
    pages: tuple[int, ...] = ()
    #: the file this article came inside (an e-mail it was attached to, a mailbox), if any
    member_of: str = ""
    #: numeric dates are day first ("01/12/2020" is 1 December) on a page whose language is not
    #: US English; None: as the run's settings say
    day_first: bool | None = None

    @property
    def citation(self) -> str:
        """How a citation names it: "Baltic News: Lithuania to mine border" (the file name when it
        has no title)."""
        title = self.title or self.name
        return f"{self.outlet}: {title}" if self.outlet and self.outlet.lower() not in title.lower() else title

    @property
    def short_source(self) -> str:
        """The outlet (or the sender, the author), else the title, else the file name."""
        return self.outlet or self.author or self.title or self.name

    def page_at(self, offset: int) -> int | None:
        """The page (from 1) that holds ``offset``, for a paged document."""
        if not self.pages:
            return None
        import bisect

        return bisect.bisect_right(self.pages, offset)


@dataclass(frozen=True)
class ReadFailure:
    """A file that could not be used, and why, in words a user understands."""

    path: str
    reason: str

    @property
    def name(self) -> str:
        return Path(self.path).name


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
            elif readable_name(p.name):
                add(p)
            else:
                failures.append(ReadFailure(str(p), f"not an article file type ({p.suffix or 'no extension'})"))
        stack.extend(reversed(subfolders))


def read_article(path: str | os.PathLike[str], *, published: date | None = None,
                 reference: date | None = None, settings: Settings | None = None) -> Article:
    """Read one article file; raise :class:`ArticleError` with a plain reason when it is unusable.

    The publication date is ``published`` when given, else the one the page states near its top,
    else ``reference``, else unknown. (A file that holds other files, an e-mail's attachments or an
    mailbox's messages, is read whole by :func:`read_file`.)
    """
    settings = settings or Settings()
    p = Path(path)
    data = _file_bytes(p, settings)
    reader = reader_for(p.suffix, data[:4096], p.name)
    if reader.container_only:
        raise ArticleError(f"holds {reader.label.lower() or 'other files'}, each read as an article of its own")
    return _article(reader.read(data), str(p), p.name, published, reference, settings)


def _file_bytes(p: Path, settings: Settings) -> bytes:
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
    return _not_empty(data)


def _not_empty(data: bytes) -> bytes:
    if not data.strip():
        raise ArticleError("empty file")
    return data


def read_file(path: Path, dates: Mapping[str, date], reference: date | None,
              settings: Settings | None, data: bytes | None = None) -> list[Article | ReadFailure]:
    """Every article a file holds: itself, and the files it carries (an e-mail's readable
    attachments, a mailbox's messages), each an article of its own named "message.eml › report.pdf"
    and linked to the file (``member_of``); or why one cannot be used. Nothing a file holds stops
    the others. ``data``: the file's bytes, when the caller has read them already."""
    settings = settings or Settings()
    try:
        data = _file_bytes(path, settings) if data is None else _not_empty(data)
        reader = reader_for(path.suffix, data[:4096], path.name)
        members = reader.members(data) if reader.members is not None else []
    except (TookTooLong, Stopped):
        raise
    except ArticleError as e:
        return [ReadFailure(str(path), str(e))]
    except Exception as e:  # noqa: BLE001 - one bad file must never stop the others
        return [ReadFailure(str(path), f"could not be read ({type(e).__name__}: {e})")]
    out: list[Article | ReadFailure] = []
    if not reader.container_only:
        given = dates.get(str(path)) or dates.get(path.name)
        out.append(_or_report(str(path), lambda: _article(reader.read(data), str(path), path.name, given,
                                                               reference, settings)))
    for member in members:
        member_path = f"{path}{MEMBER_MARK}{member.name}"
        given = dates.get(member_path)

        def read_member(m: Member = member, where: str = member_path, when: date | None = given) -> Article:
            inner = reader_for(Path(m.name).suffix, m.data[:4096], m.name)
            return replace(_article(inner.read(m.data), where, f"{path.name} › {m.name}", when, reference, settings),
                           member_of=str(path))

        out.append(_or_report(member_path, read_member))
    return out


def _or_report(where: str, read: Callable[[], Article]) -> Article | ReadFailure:
    try:
        return read()
    except (TookTooLong, Stopped):
        raise
    except ArticleError as e:
        return ReadFailure(where, str(e))
    except Exception as e:  # noqa: BLE001 - one bad file must never stop the others
        return ReadFailure(where, f"could not be read ({type(e).__name__}: {e})")


def _article(extracted: Extracted, path: str, name: str, published: date | None, reference: date | None,
             settings: Settings) -> Article:
    """An article from what its reader extracted: title, publication date and where it came from."""
    text, title = blank_long_runs(extracted.text), extracted.title
    if not re.search(r"[^\W\d_]{2,}", text):
        raise ArticleError("no readable text")
    code = settings.language_of(path) or (detect(text, settings.language) if settings.detect_language
                                          else settings.language)
    day_first = extracted.day_first if extracted.day_first is not None else (True if code != DEFAULT else None)
    if day_first is not None and day_first != settings.day_first:
        settings = replace(settings, day_first=day_first)
    if readable(code) and code != settings.language:
        settings = replace(settings, language=code)
    detected, dateline = find_dateline(text, settings)
    if detected is not None and dateline is not None and not readable(code) \
            and re.search(r"[^\W\d_]", text[dateline[0]:dateline[1]]):
        detected, dateline = None, None  # a language the tagger cannot read: numbers only
    if not title and dateline is not None:
        title = _headline_above(text, dateline[0], settings.language)
    if not title:
        title = guess_title(text, markdown=extracted.markdown, lang=settings.language) or Path(name).stem
    if published is not None:
        when, source = published, DATE_GIVEN
    elif extracted.stated is not None:  # the publisher's own record: a page's metadata, an e-mail's Date:
        when, source = extracted.stated, extracted.stated_from
    elif detected is not None:
        when, source = detected, DATE_BYLINE
    elif (hint := extracted.hint or (extracted.hint_later() if extracted.hint_later else None)) is not None:
        when, source, dateline = hint, extracted.hint_from, None
    elif reference is not None:
        when, source = reference, DATE_REFERENCE
    else:
        when, source = None, DATE_UNKNOWN
    return Article(path, name, title, text, when, source, dateline, language=code,
                   outlet=extracted.outlet, author=extracted.author, url=extracted.url, pages=extracted.pages,
                   day_first=day_first)


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
        for got in read_file(p, dates, reference, settings):
            (articles if isinstance(got, Article) else failures).append(got)  # type: ignore[arg-type]
    return unique_names(articles), failures


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
# Title and publication date


#: Markdown emphasis: "**bold**", "__bold__", "*italic*" around words.
_MARKS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def guess_title(text: str, markdown: bool = False, lang: str = DEFAULT) -> str:
    """The article's headline: a heading or a short first line, without site-name suffixes."""
    junk = language(lang).title_junk
    lines = [_MARKS.sub(r"\2", ln).strip().lstrip("*-_ ").strip() if markdown else ln.strip()
             for ln in text.split("\n")]
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


def _headline_above(text: str, pos: int, lang: str) -> str:
    """The headline of a page whose byline is at ``pos``: the nearest substantial line above it."""
    junk = language(lang).title_junk
    lines = text[: text.rfind("\n", 0, pos) + 1].split("\n")
    for ln in reversed(lines[-6:]):
        ln = ln.strip()
        if len(ln.split()) >= 4 and ln.lower() not in junk and len(ln) <= 200:
            return ln
    return ""
