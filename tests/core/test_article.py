"""Reading article files: encodings, HTML, titles, publication dates and failures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.article import (
    DATE_BYLINE,
    DATE_GIVEN,
    DATE_REFERENCE,
    DATE_UNKNOWN,
    ArticleError,
    find_dateline,
    guess_title,
    read_article,
    read_articles,
)
from timeline_app.core.readers.text import decode

REF = date(2025, 5, 6)


@pytest.mark.parametrize(("data", "text"), [
    ("Café on May 5".encode(), "Café on May 5"),
    (b"\xef\xbb\xbfCaf\xc3\xa9", "Café"),
    ("Café – 2025".encode("cp1252"), "Café – 2025"),
    (b"caf\x81 2025", "caf\x81 2025"),  # not cp1252 either: Latin-1 keeps every byte
    ("Café".encode("utf-16"), "Café"),
])
def test_decode(data: bytes, text: str) -> None:
    assert decode(data) == text


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
    ("nul.txt", b"May 5, 2025\x00\x00 text", "binary"),
    ("digits.txt", b"2025 2026 1 2 3", "no readable text"),
])
def test_unusable_files_raise_a_plain_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(ArticleError, match=reason):
        read_article(p)


def test_a_folder_with_bad_files_reads_the_good_ones_and_reports_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Lithuania said Monday it will act.", encoding="utf-8")
    (tmp_path / "cp1252.txt").write_bytes("Vilnius said on March 18 it would act – again.".encode("cp1252"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "nested.md").write_text("# Title\n\nIn January, it began.", encoding="utf-8")
    (sub / "loop").symlink_to(tmp_path, target_is_directory=True)
    articles, failures = read_articles([tmp_path, tmp_path / "missing.txt"], reference=REF)
    assert sorted(a.name for a in articles) == ["cp1252.txt", "good.txt", "nested.md"]
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["image.png"].startswith("not an article file type")
    assert reasons["missing.txt"] == "no such file or folder"
    assert ".hidden.txt" not in reasons


def test_crlf_line_ends_keep_offsets_of_the_file(tmp_path: Path) -> None:
    p = tmp_path / "crlf.txt"
    raw = "Headline\r\n\r\nOn March 18, they met.\r\n"
    p.write_bytes(raw.encode())
    article = read_article(p, reference=REF)
    assert len(article.text) == len(raw)
    assert article.text.index("March 18") == raw.index("March 18")


def test_html_main_text_without_scripts_or_menus(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text("""<!doctype html><html><head><title>Lithuania to mine border | Site</title>
    <meta property="article:published_time" content="2025-05-06T09:48:00Z">
    <script>document.write("March 3, 1999")</script><style>p{}</style></head>
    <body><nav><a href="/">Home</a> Subscribe</nav>
    <article><h1>Lithuania to mine border</h1>
    <p>Lithuania will invest 1.1 billion euros over the next decade, the Defense Ministry announced on May 5.</p>
    <p>In January, Vilnius announced plans to raise its defense spending to between 5% and 6% of GDP.</p>
    <img src="http://example.invalid/x.png"><iframe src="http://example.invalid/"></iframe>
    </article><footer>Copyright 2024</footer></body></html>""", encoding="utf-8")
    article = read_article(p)
    assert "March 3, 1999" not in article.text
    assert "over the next decade" in article.text
    assert "In January" in article.text
    assert "Lithuania to mine border" in article.title
    assert article.published == date(2025, 5, 6)
    assert article.date_source == "page metadata"


def test_tiny_html_falls_back_to_visible_text(tmp_path: Path) -> None:
    p = tmp_path / "tiny.htm"
    p.write_text("<html><body><p>Talks ended on Friday, May 2, 2025.</p><script>x=1</script></body></html>",
                 encoding="utf-8")
    article = read_article(p)
    assert "Talks ended on Friday, May 2, 2025." in article.text
    assert "x=1" not in article.text


@pytest.mark.parametrize(("text", "expected"), [
    ("Lithuania to mine border\n\nby Tim Zadorozhnyy May 6, 2025 9:48 AM 2 min read\nBody.", date(2025, 5, 6)),
    ("Headline\nPublished: 12 March 2024\n\nBody text follows here.", date(2024, 3, 12)),
    ("Headline\nMarch 12, 2024\n\nBody.", date(2024, 3, 12)),
    ("Headline\n\nOn May 5, 2025, the ministry announced a long plan for the border defenses of the country.", None),
    ("Headline\n\nIn January, Lithuania announced plans.", None),
    # a label says what a date is: no publication, or a later update (which counts only alone)
    ("Headline\nJoined May 11, 2017\nPublished: 12 March 2024\nBody.", date(2024, 3, 12)),
    ("Headline\nVersion 3, 29 June 2007\nBody.", None),
    ("Headline\nUpdated 14 March 2024\nPublished 12 March 2024\nBody.", date(2024, 3, 12)),
    ("Headline\nUpdated 14 March 2024\n\nBody.", date(2024, 3, 14)),
    # an embedded post's signature is no byline
    ("Headline\n— Jane Doe (@jdoe) May 2, 2020\nBody text here.", None),
    # cues are whole words: "am" only after a time (not the German "am"), "by" not "bypass"
    ("Headline\nThe bypass opened after a long dispute between the towns on May 6, 2025 and more words here.",
     None),
])
def test_find_dateline(text: str, expected: date | None) -> None:
    assert find_dateline(text)[0] == expected


def test_publication_date_precedence(tmp_path: Path) -> None:
    dated = tmp_path / "dated.txt"
    dated.write_text("Title here\nby A. Writer May 6, 2025 9:48 AM\n\nOn Monday it spoke.", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("On Monday it spoke.", encoding="utf-8")
    assert read_article(dated, reference=date(2020, 1, 1)).date_source == DATE_BYLINE
    given = read_article(dated, published=date(2024, 1, 2))
    assert (given.published, given.date_source) == (date(2024, 1, 2), DATE_GIVEN)
    assert read_article(plain, reference=REF).date_source == DATE_REFERENCE
    undated = read_article(plain)
    assert (undated.published, undated.date_source) == (None, DATE_UNKNOWN)


def test_per_file_dates_win(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("On Monday it spoke.", encoding="utf-8")
    articles, _ = read_articles([tmp_path], reference=REF, dates={"a.txt": date(2024, 2, 2)})
    assert articles[0].published == date(2024, 2, 2)


@pytest.mark.parametrize(("text", "title"), [
    ("Lithuania Allocates $1.2 Billion | World | example.com\n\nBody.", "Lithuania Allocates $1.2 Billion"),
    ("Skip to content\nEdit post\nLithuania to mine border with Russia\nby X", "Lithuania to mine border with Russia"),
    ("Lithuania is set to bolster its border defenses. It will spend a lot. More text follows.",
     "Lithuania is set to bolster its border defenses."),
])
def test_guess_title(text: str, title: str) -> None:
    assert guess_title(text) == title


def test_markdown_title_is_the_first_heading() -> None:
    assert guess_title("intro line here now\n# The Headline\n\nText.", markdown=True) == "The Headline"


def test_seed_004_publication_date_is_its_byline(seeds_dir: Path) -> None:
    article = read_article(seeds_dir / "004_d5d4d442800e1846.txt")
    assert (article.published, article.date_source) == (date(2025, 5, 6), DATE_BYLINE)
    assert article.title == "Lithuania to mine border with Russia, Belarus in new $1.2 billion defense plan"
