"""Dask engine benchmark: N articles read on a 2-worker local Dask cluster beside the local pool.

    .venv/bin/python bench/bench_scale.py [--articles 10000] [--timeml ../shared/data/timeml-train]

Both read the same files (built at run time from TimeML texts, as bench_pipeline.py does) into the
same timeline; each prints its seconds to read, the cross-article steps, and the ratio. A local
cluster costs its start-up and sends every result through its scheduler, so on one machine it is
expected to be slower than the pool: what it buys is workers on other machines. Needs the scale
extra (pip install 'timeline-app[scale]').
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench_pipeline import ROOT, make_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeml", type=Path, default=ROOT.parent / "shared" / "data" / "timeml-train")
    args = parser.parse_args()
    if not args.timeml.exists():
        sys.exit(f"no TimeML texts at {args.timeml}")
    from timeline_app.core.loading import load
    from timeline_app.core.pipeline import timeline_from
    from timeline_app.core.scale import NEEDS, available
    from timeline_app.core.settings import Settings

    if not available():
        sys.exit(NEEDS)
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        make_articles(args.timeml, args.articles, work)
        seconds = {}
        events = {}
        for engine in ("local", "dask"):
            settings = Settings(engine=engine, workers=args.workers)
            t = time.perf_counter()
            loaded = load([work], reference=date(2000, 1, 1), settings=settings)
            read = time.perf_counter() - t
            t = time.perf_counter()
            timeline = timeline_from(loaded.analyses, loaded.failures, settings)
            seconds[engine] = read + time.perf_counter() - t
            events[engine] = [(e.start, e.end, e.title, len(e.evidence)) for e in timeline.events]
            label = "local process pool" if engine == "local" else f"Dask LocalCluster, {args.workers} workers"
            print(f"{label:<34} read {read:6.1f} s, then fusion and copies {time.perf_counter() - t:5.1f} s: "
                  f"{args.articles / seconds[engine]:.0f} articles/s, {len(timeline.events)} events")
        print(f"Dask / local pool: {seconds['dask'] / seconds['local']:.2f}x the time; "
              f"the same timeline: {'yes' if events['dask'] == events['local'] else 'NO'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
