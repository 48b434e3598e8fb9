"""Publication dates of saved web pages against the dates a person read off them.

    .venv/bin/python bench/bench_pubdates.py [../shared/data/webpages-dev]

Each page of ``pages/`` is read as the application reads it (``read_article``, no date given) and
its publication date compared with ``gold.json`` (a null date means the page shows none: undated is
then right). ``htmldate.find_date`` with ``original_date=True`` is scored in the same run, on the
same pages, as the dedicated library to match. The data is research-only: read where it is.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: htmldate's figure on these pages (its own evaluation), and the application's before this benchmark.
TARGET = 179


_HTMLDATE_ALONE = """
import json, sys, time
from pathlib import Path
from htmldate import find_date
folder = Path(sys.argv[1])
found, seconds = {}, 0.0
for name in sorted(json.loads((folder / "gold.json").read_text(encoding="utf-8"))):
    t0 = time.perf_counter()
    try:
        found[name] = find_date((folder / "pages" / name).read_text(encoding="utf-8", errors="replace"),
                                original_date=True)
    except Exception:  # a page the library cannot take counts as undated
        found[name] = None
    seconds += time.perf_counter() - t0
print(json.dumps([found, seconds]))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "data" / "webpages-dev"))
    parser.add_argument("--misses", action="store_true", help="list the pages the application gets wrong")
    args = parser.parse_args()
    folder = Path(args.folder)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))

    from timeline_app.core.article import ArticleError, read_article

    ours: Counter[str] = Counter()
    theirs: Counter[str] = Counter()
    misses: list[str] = []
    t_ours = t_theirs = 0.0
    for name, item in sorted(gold.items()):
        want = date.fromisoformat(item["date"]) if item["date"] else None
        path = folder / "pages" / name
        t0 = time.perf_counter()
        try:
            article = read_article(path)
            got, source = article.published, article.date_source
        except ArticleError:
            got, source = None, "unreadable"
        t_ours += time.perf_counter() - t0
        ours[source] += 1
        ours["right" if got == want else "wrong"] += 1
        if got != want:
            misses.append(f"{name}\tgold {want}\tours {got} ({source})")

    # htmldate alone, in a process of its own: its caches (and the application's dateparser in its
    # languages) are not shared with the application's run above
    run = subprocess.run([sys.executable, "-c", _HTMLDATE_ALONE, str(folder)], capture_output=True, text=True,
                         check=True)
    found_by_name, t_theirs = json.loads(run.stdout)
    for name, item in sorted(gold.items()):
        want = date.fromisoformat(item["date"]) if item["date"] else None
        raw = found_by_name[name]
        found = date.fromisoformat(raw[:10]) if raw else None
        theirs["right" if found == want else "wrong"] += 1

    n = len(gold)
    print(f"{n} pages of {folder}")
    print(f"{'system':<34} {'right':>6} {'of':>4} {'share':>7} {'seconds':>8}")
    print(f"{'timeline-app read_article':<34} {ours['right']:>6} {n:>4} {ours['right'] / n:>7.1%} {t_ours:>8.1f}"
          f"   (target: >= htmldate, {TARGET} on the pages it was published with)")
    print(f"{'htmldate (original_date=True)':<34} {theirs['right']:>6} {n:>4} {theirs['right'] / n:>7.1%}"
          f" {t_theirs:>8.1f}")
    print("where the application's dates came from: " + ", ".join(
        f"{k} {v}" for k, v in ours.most_common() if k not in ("right", "wrong")))
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
