"""A real collection: the t17-dev news articles (thousands of distinct articles on four stories), read
and fused, with the time of each stage.

    .venv/bin/python bench/bench_collection.py [../shared/data/t17-dev] [--undated-every K]

The pipeline benchmark repeats a few hundred texts, which the steps across articles join at once;
distinct articles on one story are their hard case: a year holds thousands of events to compare,
and every article shares words with every other. Prints the time of reading (several processes)
beside the steps that run after it in one process (publication dates, fusion, copies), events and
copies found; with ``--undated-every K`` every K-th article is written without its date, which the
application infers from the others. The articles are written to a temporary folder for the run and
removed after: the data is research-only.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_key_events import detokenize  # noqa: E402 - beside this file


def write_articles(source: Path, folder: Path, undated_every: int = 0) -> int:
    """Each article once (folders of one topic share a pool), dated by its publication day, its text
    as written (not tokenized); with ``undated_every`` k, every k-th article without its date (the
    application infers it)."""
    seen: set[tuple[str, str]] = set()
    for path in sorted(source.glob("*/articles.json")):
        topic = path.parent.name.split("_")[0]
        for item in json.loads(path.read_text(encoding="utf-8")):
            if (topic, str(item["uid"])) in seen:
                continue
            seen.add((topic, str(item["uid"])))
            day = date.fromisoformat(item["dct"][:10])
            dated = not undated_every or len(seen) % undated_every
            byline = f"Published {day:%B} {day.day}, {day.year}\n" if dated else ""
            (folder / f"{topic}-{item['uid']}.txt").write_text(
                f"{topic} {item['uid']}\n{byline}\n{detokenize(item['text'])}", encoding="utf-8")
    return len(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT.parent / "shared" / "data" / "t17-dev")
    parser.add_argument("--undated-every", type=int, default=0, metavar="K",
                        help="leave every K-th article without its date, to be inferred (0: none)")
    args = parser.parse_args()
    if not args.folder.exists():
        sys.exit(f"no t17-dev articles at {args.folder}")
    from timeline_app.core.article import DATE_INFERRED
    from timeline_app.core.fusion import fuse
    from timeline_app.core.inference import infer_publication_dates
    from timeline_app.core.loading import load
    from timeline_app.core.provenance import copies
    from timeline_app.core.settings import Settings
    from timeline_app.core.timeline import _reading

    work = Path(tempfile.mkdtemp(prefix="bench-collection-"))
    try:
        n = write_articles(args.folder, work, args.undated_every)
        settings = Settings(cache_folder="")
        t = time.perf_counter()
        loaded = load([work], settings=settings)
        read = time.perf_counter() - t
        t = time.perf_counter()
        analyses = infer_publication_dates(loaded.analyses, settings)
        kept, contents, compared, prints = [], [], {}, {}
        for a in analyses:
            reading = _reading(a, settings)
            compared[a.article.name], prints[a.article.name] = reading.copy_sentences, reading.copy_prints
            for e, texts in zip(reading.events, reading.contents):
                if e.excluded is None:
                    kept.append(e)
                    contents.append(texts)
        joined = time.perf_counter() - t
        t = time.perf_counter()
        fused = fuse(kept, title_language=settings.language, contents=contents)
        fusing = time.perf_counter() - t
        t = time.perf_counter()
        copy_of = copies(analyses, compared, prints)
        copying = time.perf_counter() - t
        undated = sum(a.article.published is None for a in loaded.analyses)
        inferred = sum(a.article.date_source == DATE_INFERRED for a in analyses)
        rows = [("reading: sentences, dates, each article's events (several processes)", read, ""),
                (f"publication dates ({inferred} of {undated} undated inferred); the events joined", joined,
                 f" ({joined / read:.2f}x the reading)"),
                (f"fusion: {len(kept)} events -> {len(fused)}", fusing, f" ({fusing / read:.2f}x the reading)"),
                (f"copies: {len(copy_of)} articles copy another", copying, f" ({copying / read:.2f}x the reading)")]
        print(f"{n} distinct articles of {args.folder.name}:")
        for name, seconds, note in rows:
            print(f"    {name:<72} {seconds:6.1f} s{note}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
