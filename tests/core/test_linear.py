"""Every text stage is linear in its input, adversarial input included: doubling the input about
doubles the time (a ratio of times in one run, never an absolute time)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date

import pytest

from timeline_app.core.article import DATE_REFERENCE, Article
from timeline_app.core.pipeline import build_timeline
from timeline_app.core.readers.html import html_to_text
from timeline_app.core.sentences import Sentences
from timeline_app.core.tagger import tag
from timeline_app.core.timeline import analyze

REF = date(2025, 5, 6)
GOOD = "Lithuania said on March 18, 2025 that it would leave the treaty. "
_rnd = random.Random(5)
_B64 = "".join(_rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(200_000))
_WORDS = "council fence border vote budget troops minister report treaty mines drones talks".split()

#: name -> text of about n characters
INPUTS: dict[str, Callable[[int], str]] = {
    "prose": lambda n: (GOOD * (n // len(GOOD) + 1))[:n],
    "one long token": lambda n: GOOD + _B64[:n] + " " + GOOD,
    "digits": lambda n: GOOD + "1" * n + " " + GOOD,
    "dashes": lambda n: GOOD + "-" * n + " " + GOOD,
    "digits and commas": lambda n: GOOD + "1," * (n // 2) + " " + GOOD,
    "blanks after a cued month": lambda n: "It happened in March" + " " * n + "and later. " + GOOD,
    "tabs after a month": lambda n: "in March" + "\t" * n + GOOD,
    "full stops": lambda n: GOOD + "a. " * (n // 3),
    "initials": lambda n: GOOD + "A. " * (n // 3),
    "many dates": lambda n: " ".join(f"On March {1 + i % 28}, {1990 + i % 30} it rose." for i in range(n // 28)),
    "one day, many sentences": lambda n: " ".join(
        f"The {_WORDS[i % 12]}{i} {_WORDS[(i * 7) % 12]} met on March 18, 2025." for i in range(n // 45)),
}

STAGES: dict[str, Callable[[str], object]] = {
    "sentences": lambda text: (list(Sentences(text)), Sentences(text).rough()),
    "tagging": lambda text: tag(text, REF),
    "analysis and merging": lambda text: build_timeline([Article("a.txt", "a.txt", "A", text, REF, DATE_REFERENCE)]),
}


def _seconds(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _growth(make: Callable[[int], str], stage: Callable[[str], object], sizes: tuple[int, ...]) -> list[float]:
    times = [_seconds(lambda n=n: stage(make(n))) for n in sizes]
    return [b / max(a, 1e-4) for a, b in zip(times, times[1:])]


@pytest.mark.parametrize("stage", sorted(STAGES))
@pytest.mark.parametrize("kind", sorted(INPUTS))
def test_doubling_the_input_about_doubles_the_time(kind: str, stage: str) -> None:
    ratios = _growth(INPUTS[kind], STAGES[stage], (20_000, 40_000, 80_000))
    # linear gives 2, quadratic 4; a noisy machine or a fixed cost moves a ratio, never both up to 3
    assert min(ratios) < 3.0, ratios


def test_html_with_tens_of_thousands_of_attributes_is_linear() -> None:
    def page(n: int) -> str:
        attributes = " ".join(f'a{i}="v{i}"' for i in range(n // 10))
        return f"<html><body><div {attributes}><p>{GOOD * 4}</p></div></body></html>"

    ratios = _growth(page, html_to_text, (100_000, 200_000, 400_000))
    assert min(ratios) < 3.0, ratios


def test_analysis_of_a_long_single_line_stays_linear() -> None:
    ratios = _growth(lambda n: GOOD + _B64[:n] + " " + GOOD,
                     lambda text: analyze(Article("a.txt", "a.txt", "A", text, REF, DATE_REFERENCE)),
                     (50_000, 100_000, 200_000))
    assert min(ratios) < 3.0, ratios
