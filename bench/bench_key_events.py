"""Key events against journalists' timelines: Date-F1 on Timeline17 topics.

    .venv/bin/python bench/bench_key_events.py [../shared/data/t17-dev]

Each topic's articles (the folders sharing a topic prefix, pooled as the published protocol does)
are read through the pipeline with their publication dates; the days of the timeline are ranked by
the signals of core/salience.py: the articles that report something on the day (each once, those
that only say "today" or "Monday" at half) and how much was published that day and the next. For
each journalists' timeline with k dates, the k highest-ranked days inside its first..last date are
scored against its dates (Date-F1, as news-tls computes it). Ranking days by the number of articles
published that day is scored in the same run as the baseline. The data is research-only: it is read
where it is, never copied.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: PTB tokens back to text ("-LRB-" is "(", "`` x ''" is "x" in quotes, " , " is ", ")
_PTB = [(r"-LRB-", "("), (r"-RRB-", ")"), (r"-LSB-", "["), (r"-RSB-", "]"), (r"``\s*", '"'), (r"\s*''", '"'),
        (r"\s+([.,;:!?%)\]])", r"\1"), (r"([(\[$])\s+", r"\1"), (r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1")]


def detokenize(text: str) -> str:
    for pattern, repl in _PTB:
        text = re.sub(pattern, repl, text)
    return text


def read_topic(folders: list[Path]) -> tuple[list, list[tuple[str, list[date]]]]:
    """The pooled articles of a topic and its journalists' timelines (name, dates)."""
    from timeline_app.core.article import DATE_GIVEN, Article

    articles: dict[str, Article] = {}
    timelines = []
    for folder in folders:
        for a in json.loads((folder / "articles.json").read_text(encoding="utf-8")):
            uid = str(a["uid"])
            if uid not in articles:
                text = detokenize(a["text"])
                published = date.fromisoformat(a["dct"][:10])
                articles[uid] = Article(uid, uid, "", text, published, DATE_GIVEN)
        for f in sorted(folder.glob("*.timeline.json")):
            days = sorted({date.fromisoformat(x["date"][:10]) for x in json.loads(f.read_text(encoding="utf-8"))})
            timelines.append((f"{folder.name}/{f.name.split('.')[0]}", days))
    return list(articles.values()), timelines


def date_f1(ranked: list[date], gold: list[date]) -> float:
    """news-tls Date-F1: the k best days inside [first, last] gold date against the k gold days."""
    k = len(gold)
    inside = [d for d in ranked if gold[0] <= d <= gold[-1]][:k]
    hits = len(set(inside) & set(gold))
    if not inside or not hits:
        return 0.0
    p, r = hits / len(inside), hits / k
    return 2 * p * r / (p + r)


def ranked_days(scores: dict[date, float]) -> list[date]:
    return [d for d, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data" / "t17-dev"))
    args = parser.parse_args()
    from timeline_app.core.pipeline import build_timeline
    from timeline_app.core.salience import day_scores

    data = Path(args.data)
    topics: dict[str, list[Path]] = defaultdict(list)
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        topics[folder.name.split("_")[0]].append(folder)
    rankers: dict[str, Callable] = {
        "publication days": lambda tl, arts: Counter(a.published for a in arts),
        "salience (ours)": lambda tl, arts: day_scores(tl.events, [a.published for a in arts]),
    }
    rows: list[tuple[str, dict[str, float]]] = []
    for topic, folders in topics.items():
        articles, timelines = read_topic(folders)
        t = time.perf_counter()
        timeline = build_timeline(articles)
        took = time.perf_counter() - t
        print(f"{topic}: {len(articles)} articles, {len(timeline.events)} events, {took:.1f} s", file=sys.stderr)
        rankings = {name: ranked_days(dict(rank(timeline, articles))) for name, rank in rankers.items()}
        for name, gold in timelines:
            rows.append((name, {r: date_f1(ranking, gold) for r, ranking in rankings.items()}))
    width = max(len(n) for n, _ in rows)
    print(f"{'timeline':{width}}  " + "  ".join(f"{r:>17}" for r in rankers))
    for name, scores in rows:
        print(f"{name:{width}}  " + "  ".join(f"{scores[r]:17.3f}" for r in rankers))
    means = {r: sum(s[r] for _, s in rows) / len(rows) for r in rankers}
    print(f"{'mean (' + str(len(rows)) + ' timelines)':{width}}  " + "  ".join(f"{means[r]:17.3f}" for r in rankers))
    print("published means over 19 Timeline17 timelines: DATEWISE 0.544, TRAN2013 0.517, CLUST 0.407; "
          "target here >= 0.70")


if __name__ == "__main__":
    main()
