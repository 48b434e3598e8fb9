"""Pasted text as an article: dated and titled as the researcher says, kept in the project."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core import project as proj
from timeline_app.core.article import DATE_BYLINE, DATE_GIVEN, DATE_UNKNOWN
from timeline_app.core.pasted import is_pasted, pasted_article
from timeline_app.core.readers import ArticleError
from timeline_app.core.workspace import Workspace

TEXT = "The ministry said on Monday that the fence would be finished by 2030."


def test_a_pasted_article_takes_the_title_source_and_date_given() -> None:
    a = pasted_article(TEXT, title="Fence by 2030", outlet="Agency call", published=date(2025, 5, 6))
    assert (a.title, a.outlet, a.published, a.date_source) == ("Fence by 2030", "Agency call", date(2025, 5, 6),
                                                               DATE_GIVEN)
    assert is_pasted(a.path) and a.text == TEXT


@pytest.mark.parametrize(("text", "when", "source"), [
    ("Border plan\nMay 6, 2025\n\n" + TEXT, date(2025, 5, 6), DATE_BYLINE),  # its byline dates it
    (TEXT, None, DATE_UNKNOWN),
])
def test_a_pasted_article_without_a_date_is_dated_by_its_byline_or_undated(text: str, when: date | None,
                                                                          source: str) -> None:
    a = pasted_article(text)
    assert (a.published, a.date_source) == (when, source)
    assert a.title  # its first line, at least


@pytest.mark.parametrize("text", ["", "   \n 12 34 ", "x" * 5_000_001])
def test_text_with_nothing_to_read_is_refused(text: str) -> None:
    with pytest.raises(ArticleError):
        pasted_article(text)


def test_a_project_keeps_pasted_text(tmp_path: Path) -> None:
    ws = Workspace()
    ws.add_articles([pasted_article(TEXT, title="Fence by 2030", outlet="Agency call",
                                    published=date(2025, 5, 6))])
    assert any(e.start == date(2025, 5, 5) for e in ws.timeline.events)  # "Monday"
    path = tmp_path / "notes.timeline.json"
    proj.save(proj.project_from_workspace(ws), path)
    opened = proj.open_project(path, lambda outside: False)
    assert opened.sources.paths == [] and opened.changed == []
    [again] = opened.sources.articles
    assert (again.title, again.outlet, again.published, again.text) == ("Fence by 2030", "Agency call",
                                                                         date(2025, 5, 6), TEXT)
    from timeline_app.core.pipeline import read_timeline

    timeline = read_timeline(opened.sources)
    assert any(e.start == date(2025, 5, 5) for e in timeline.events)
