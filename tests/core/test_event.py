"""Event titles drawn from sentences."""

from __future__ import annotations

import pytest

from timeline_app.core.event import make_title

# (sentence, date expression in it or None, title)
TITLES = [
    ("In January, Lithuania announced plans to raise its defense spending to between 5% and 6% of GDP annually "
     "from 2026 to 2030.", "January", "Lithuania announced plans to raise its defense spending"),
    ("On March 18, Lithuania, Estonia, Latvia, and Poland declared their intent to withdraw from the Ottawa "
     "Convention, an international treaty banning anti-personnel mines.", "March 18",
     "Lithuania, Estonia, Latvia, and Poland declared their intent"),
    ("Lithuania, along with Latvia, Estonia, Finland and Poland, announced plans this year to withdraw from the "
     "Ottawa Convention, which bans the use, production and stockpiling of anti-personnel landmines.", "this year",
     "Lithuania announced plans this year to withdraw from the Ottawa Convention"),
    ("Lithuania said Monday that it will spend 1.1 billion euros ($1.2 billion) over the next decade to fortify "
     "its border with Russia and Belarus.", "Monday",
     "Lithuania said Monday that it will spend 1.1 billion euros over the next decade"),
    ("The war began in 2022.", "2022", "The war began in 2022"),
    ("• German intelligence warns that Russia may be preparing for a larger conflict with NATO by 2030, extending "
     "beyond its current war in Ukraine.", "by 2030",
     "German intelligence warns that Russia may be preparing for a larger conflict"),
    ("\"To the Success of Our Hopeless Cause: The Many Lives of the Soviet Dissident Movement\" by Benjamin Nathans, "
     "which covers dissent, won a Pulitzer Prize on May 5.", "May 5", "To the Success of Our Hopeless Cause"),
]


@pytest.mark.parametrize(("sentence", "date_text", "title"), TITLES, ids=[t[2][:30] for t in TITLES])
def test_title(sentence: str, date_text: str | None, title: str) -> None:
    span = None
    if date_text:
        at = sentence.index(date_text)
        span = (at, at + len(date_text))
    got = make_title(sentence, span)
    assert got == title
    assert len(got) <= 91


def test_long_sentence_without_clauses_is_cut_at_a_word_with_an_ellipsis() -> None:
    sentence = " ".join(["word"] * 40)
    got = make_title(sentence, None, 90)
    assert got.endswith("…") and len(got) <= 91 and "wor…" not in got


def test_a_title_comes_from_the_clause_of_its_own_date_and_no_two_events_share_one(tmp_path) -> None:  # noqa: ANN001
    from datetime import date

    from timeline_app.core.pipeline import Sources, read_timeline

    (tmp_path / "a.txt").write_text(
        "Fence\n\nThe ministry confirmed the plan at a cabinet meeting on the 18th of March, and on the 5th of May "
        "it opened the tender for the border fence.\n\nConstruction of the fence is due to begin in Q3 2025 and "
        "should be completed by mid-2027, officials said.\n", encoding="utf-8")
    timeline = read_timeline(Sources([str(tmp_path)], reference=date(2025, 5, 6)))
    titles = {e.date_text: e.title for e in timeline.events}
    assert titles["the 5th of May"] == "On the 5th of May it opened the tender for the border fence"
    assert "18th of March" not in titles["the 5th of May"]
    assert titles["by mid-2027"].startswith("Construction of the fence … should be completed by mid-2027")
    assert "Q3" not in titles["by mid-2027"]


def test_no_two_events_of_the_sample_articles_share_a_title(seeds_dir) -> None:  # noqa: ANN001
    from datetime import date

    from timeline_app.core.pipeline import Sources, read_timeline

    titles = [e.title for e in read_timeline(Sources([str(seeds_dir)], reference=date(2025, 5, 6))).events]
    assert len(titles) == len(set(titles))
