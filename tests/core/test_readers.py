"""Readers of PDF, Word, e-mail and single-file web pages: files built at run time with the
libraries that write them (no binary file of unknown origin in the repository)."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from email.message import EmailMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from timeline_app.core.article import DATE_BYLINE, read_article, read_articles
from timeline_app.core.export import export
from timeline_app.core.pipeline import build_timeline
from timeline_app.core.readers import STATED_HEADER, STATED_METADATA, STATED_PROPERTIES

BODY = ("Lithuania will invest 1.1 billion euros over the next decade, the Defense Ministry announced on May 5, "
        "2025. The defen-\nses will be built from 2026 to 2030.")


def make_pdf(path: Path, pages: list[list[str]], *, title: str = "", image_only: bool = False) -> Path:
    """A PDF with one line of text at each position of each page (Qt's PDF writer), or only a picture."""
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 10))
    for n, lines in enumerate(pages):
        if n:
            writer.newPage()
        if image_only:
            image = QImage(400, 200, QImage.Format.Format_RGB32)
            image.fill(QColor("white"))
            painter.drawImage(200, 200, image)
            continue
        height = writer.height()
        for i, line in enumerate(lines):  # the first line a header, the last a footer, when there are three
            y = 150 if i == 0 and len(lines) > 2 else height - 100 if i == len(lines) - 1 and len(lines) > 2 \
                else 1500 + 300 * i
            painter.drawText(200, y, line)
    painter.end()
    return path


def make_docx(path: Path, paragraphs: list[str], *, title: str = "", author: str = "",
              created: date | None = None, table: list[list[str]] | None = None) -> Path:
    from datetime import datetime

    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    document.core_properties.title = title
    document.core_properties.author = author
    if created:
        document.core_properties.created = datetime(created.year, created.month, created.day, 9, 0)
    document.save(str(path))
    return path


def make_eml(path: Path, *, subject: str = "Border plan", sender: str = "Baltic Desk <desk@example.org>",
             when: str = "Tue, 06 May 2025 09:48:00 +0300", plain: str | None = BODY, html: str | None = None) -> Path:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "me@example.org"
    message["Subject"] = subject
    if when:
        message["Date"] = when
    if plain is not None:
        message.set_content(plain)
    if html is not None:
        if plain is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    path.write_bytes(bytes(message))
    return path


def make_mhtml(path: Path, html: str, *, saved: str = "Wed, 10 Dec 2025 10:00:00 +0000",
               url: str = "https://news.example.org/border") -> Path:
    message = MIMEMultipart("related", type="text/html")
    message["Subject"] = "Saved page"
    message["Date"] = saved
    message["Snapshot-Content-Location"] = url
    part = MIMEText(html, "html", "utf-8")
    part["Content-Location"] = url
    message.attach(part)
    path.write_bytes(message.as_bytes())
    return path


PAGE = ("<html><head><title>Lithuania to mine border | Baltic News</title>"
        '<meta property="article:published_time" content="2025-05-06T09:48:00Z">'
        '<meta property="og:site_name" content="Baltic News"><meta name="author" content="Jane Doe">'
        '<link rel="canonical" href="https://news.example.org/border"></head>'
        f"<body><article><h1>Lithuania to mine border</h1><p>{BODY}</p>"
        "<p>Officials said the plan had been ready since January.</p></article></body></html>")


def test_a_pdf_reads_page_by_page_without_its_running_furniture(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    pages = [["Ministry of Defence — Report 2025", "May 5, 2025", "The ministry announced a fence. The defen-",
              "ses will cost 1.1 billion euros.", "Page 1 of 3"],
             ["Ministry of Defence — Report 2025", "Work starts in January 2026 and ends by 2030.", "Page 2 of 3"],
             ["Ministry of Defence — Report 2025", "Latvia signed a similar plan in March 2025.", "Page 3 of 3"]]
    article = read_article(make_pdf(tmp_path / "report.pdf", pages, title="Border report"))
    assert "Ministry of Defence" not in article.text and "Page 2" not in article.text
    assert "The defenses will cost" in article.text
    assert article.title == "Border report"
    assert (article.published, article.date_source) == (date(2025, 5, 5), DATE_BYLINE)  # printed on page 1
    assert article.page_at(article.text.index("Latvia")) == 3
    assert article.page_at(article.text.index("January 2026")) == 2


def test_a_pdf_without_a_printed_date_is_dated_by_its_properties(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    article = read_article(make_pdf(tmp_path / "memo.pdf", [["The fence will be finished in 2030."]]))
    assert article.date_source == STATED_PROPERTIES and article.published is not None


def test_a_word_document_reads_paragraphs_tables_and_properties(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "note.docx", ["Border plan", "May 6, 2025", BODY], title="Agency note",
                     author="A. Analyst",
                     created=date(2025, 4, 30), table=[["Phase", "Years"], ["Fence", "2026 to 2030"]])
    article = read_article(path)
    assert "1.1 billion euros" in article.text and "Fence | 2026 to 2030" in article.text
    assert (article.title, article.author) == ("Agency note", "A. Analyst")
    assert (article.published, article.date_source) == (date(2025, 5, 6), DATE_BYLINE)  # its dated line
    undated = read_article(make_docx(tmp_path / "bare.docx", ["The fence is planned."], created=date(2025, 4, 30)))
    assert (undated.published, undated.date_source) == (date(2025, 4, 30), STATED_PROPERTIES)


def test_an_email_is_dated_titled_and_sourced_by_its_headers(tmp_path: Path) -> None:
    article = read_article(make_eml(tmp_path / "tip.eml"))
    assert (article.published, article.date_source) == (date(2025, 5, 6), STATED_HEADER)
    assert (article.title, article.outlet) == ("Border plan", "Baltic Desk")
    assert article.text.startswith("Lithuania will invest")
    html_only = read_article(make_eml(tmp_path / "news.eml", plain=None, html=PAGE))
    assert "Officials said" in html_only.text and "<p>" not in html_only.text


def test_a_saved_page_is_dated_by_its_own_metadata_not_when_it_was_saved(tmp_path: Path) -> None:
    article = read_article(make_mhtml(tmp_path / "page.mhtml", PAGE))
    assert (article.published, article.date_source) == (date(2025, 5, 6), STATED_METADATA)
    assert article.url == "https://news.example.org/border"
    bare = PAGE.replace('<meta property="article:published_time" content="2025-05-06T09:48:00Z">', "")
    bare = bare.replace("announced on May 5, 2025", "announced in May")
    saved_only = read_article(make_mhtml(tmp_path / "bare.mht", bare))
    assert (saved_only.published, saved_only.date_source) == (date(2025, 12, 10), STATED_HEADER)


def test_a_web_page_names_its_outlet_author_and_address(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    article = read_article(tmp_path / "page.html")
    assert (article.outlet, article.author, article.url) == ("Baltic News", "Jane Doe", "https://news.example.org/border")


def test_a_mixed_folder_gives_one_timeline_with_citations(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    (tmp_path / "a.txt").write_text("Border plan\n\nMay 6, 2025\n\n" + BODY, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Border plan\n\nMay 6, 2025\n\n" + BODY, encoding="utf-8")
    (tmp_path / "c.html").write_text(PAGE, encoding="utf-8")
    make_mhtml(tmp_path / "d.mhtml", PAGE)
    make_pdf(tmp_path / "e.pdf", [["Border report", "May 6, 2025", BODY.replace("\n", " ")]])
    make_docx(tmp_path / "f.docx", ["Border plan", "May 6, 2025", BODY])
    make_eml(tmp_path / "g.eml")
    articles, failures = read_articles([tmp_path])
    assert failures == []
    assert {a.name: a.published for a in articles} == {n: date(2025, 5, 6) for n in
                                                       ("a.txt", "b.md", "c.html", "d.mhtml", "e.pdf", "f.docx",
                                                        "g.eml")}
    timeline = build_timeline(articles)
    announced = next(e for e in timeline.events if e.start == date(2025, 5, 5))
    assert len(announced.documents) == 7
    export(timeline, tmp_path / "out")
    rows = list(csv.DictReader((tmp_path / "out" / "evidence.csv").open(encoding="utf-8", newline="")))
    cited = {r["document"]: r for r in rows}
    assert cited["c.html"]["outlet"] == "Baltic News" and cited["c.html"]["url"] == "https://news.example.org/border"
    assert cited["e.pdf"]["page"] == "1" and cited["g.eml"]["source_title"] == "Border plan"


def _encrypted_pdf(qapp, path: Path) -> Path:  # noqa: ANN001
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(path.with_suffix(".plain"), [["Secret plan of May 5, 2025."]])
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    with path.open("wb") as f:
        writer.write(f)
    plain.unlink()
    return path


def _zip_named_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("notes.txt", "not a Word document")
    return path


@pytest.mark.parametrize(("name", "make", "reason"), [
    ("truncated.pdf", lambda qapp, p: p.write_bytes(make_pdf(p.parent.parent / "whole.pdf", [["May 5, 2025."]])
                                                   .read_bytes()[:300]) or p, "damaged PDF"),
    ("locked.pdf", _encrypted_pdf, "encrypted PDF"),
    ("scan.pdf", lambda qapp, p: make_pdf(p, [[]], image_only=True), "scanned PDF"),
    ("corrupt.docx", lambda qapp, p: p.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50) or p, "not a Word document"),
    ("renamed.docx", lambda qapp, p: _zip_named_docx(p), "no word/document.xml"),
    ("empty.eml", lambda qapp, p: p.write_bytes(b"From: a@example.org\nSubject: hi\n\n") or p, "no text"),
])
def test_a_bad_file_is_reported_by_name_and_the_others_load(qapp, tmp_path: Path, name: str, make,  # noqa: ANN001
                                                            reason: str) -> None:
    make(qapp, tmp_path / name)
    (tmp_path / "good.txt").write_text("The fence was announced on May 5, 2025.", encoding="utf-8")
    articles, failures = read_articles([tmp_path])
    assert [a.name for a in articles] == ["good.txt"]
    assert [f.name for f in failures] == [name] and reason in failures[0].reason, failures


def test_a_zip_bomb_named_docx_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>" + b" " * 50_000_000)
    (tmp_path / "bomb.docx").write_bytes(buffer.getvalue())
    _, failures = read_articles([tmp_path])
    assert "unpack" in failures[0].reason


def test_a_file_over_the_size_limit_is_refused_by_name(tmp_path: Path) -> None:
    from timeline_app.core.settings import Settings

    (tmp_path / "huge.pdf").write_bytes(b"%PDF-1.7\n" + b"0" * 2_000)
    _, failures = read_articles([tmp_path], settings=Settings(max_file_bytes=1_000))
    assert failures[0].name == "huge.pdf" and "large" in failures[0].reason


@pytest.mark.parametrize(("line", "reason"), [
    ("— Jane Doe (@jdoe) May 2, 2020", "embedded post"),
    ("Photos by staff © 2020 Example Media", "copyright"),
    ("First Published: May 2, 2020", "First Published"),
    ("Last updated: May 3, 2020", "Last updated"),
    ("Blog entry by Jane Doe | May 2, 2020", "Blog entry"),
])
def test_page_furniture_lines(line: str, reason: str) -> None:
    from timeline_app.core.relevance import furniture

    text = "The ministry announced the fence on May 5, 2025.\n" + line + "\nWork starts in 2026."
    spans = furniture(text)
    assert [text[s:e] for s, e, _ in spans] == [line] and reason in spans[0][2]


def test_a_trailing_section_header_ends_the_article() -> None:
    from timeline_app.core.relevance import furniture

    body = "The ministry announced the fence on May 5, 2025. " * 10
    text = body + "\nYou may also like...\nOther story on May 7.\nAnd another on May 8."
    [(start, end, why)] = furniture(text)
    assert text[start:end].startswith("You may also like...") and end == len(text)


def test_markdown_front_matter_is_metadata_not_text(tmp_path: Path) -> None:
    raw = ("---\ntitle: \"Lithuania to mine border\"\npublished: 2025-05-06\ncreated: 2025-05-09\n"
           "source: Baltic News\nauthor: Jane Doe\nurl: https://news.example.org/border\n---\n\n"
           "**Vilnius** said on May 5 it would mine the border.")
    (tmp_path / "clip.md").write_text(raw, encoding="utf-8")
    article = read_article(tmp_path / "clip.md")
    assert (article.title, article.outlet, article.author, article.url) == (
        "Lithuania to mine border", "Baltic News", "Jane Doe", "https://news.example.org/border")
    assert (article.published, article.date_source) == (date(2025, 5, 6), STATED_METADATA)
    assert "Baltic News" not in article.text and article.text.index("Vilnius") == raw.index("Vilnius")


def test_markdown_marks_are_not_part_of_a_title(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text("**Lithuania to mine its border with Russia**\n\nIt said so on May 5.",
                                      encoding="utf-8")
    assert read_article(tmp_path / "note.md").title == "Lithuania to mine its border with Russia"


def _with_attachments(qapp, path: Path) -> Path:  # noqa: ANN001
    message = EmailMessage()
    message["From"] = "Baltic Desk <desk@example.org>"
    message["Subject"] = "Reports attached"
    message["Date"] = "Tue, 06 May 2025 09:48:00 +0300"
    message.set_content("Two reports on the border plan are attached.")
    pdf = make_pdf(path.parent / "r.tmp", [["Border report", "May 4, 2025", "The fence will be built from 2026."]])
    message.add_attachment(pdf.read_bytes(), maintype="application", subtype="pdf", filename="report.pdf")
    pdf.unlink()
    docx_path = make_docx(path.parent / "n.tmp", ["Agency note", "May 3, 2025", "Latvia will follow in 2027."])
    message.add_attachment(docx_path.read_bytes(), maintype="application",
                           subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename="note.docx")
    docx_path.unlink()
    message.add_attachment(b"\x89PNG\r\n", maintype="image", subtype="png", filename="logo.png")
    path.write_bytes(bytes(message))
    return path


def test_an_email_s_readable_attachments_are_articles_of_their_own(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    _with_attachments(qapp, tmp_path / "tip.eml")
    articles, failures = read_articles([tmp_path])
    assert failures == []
    by_name = {a.name: a for a in articles}
    assert set(by_name) == {"tip.eml", "tip.eml › report.pdf", "tip.eml › note.docx"}
    report = by_name["tip.eml › report.pdf"]
    assert report.member_of == str(tmp_path / "tip.eml") and report.published == date(2025, 5, 4)
    assert "built from 2026" in report.text and report.page_at(0) == 1


def test_a_mailbox_s_messages_are_articles(tmp_path: Path) -> None:
    one = make_eml(tmp_path / "one.tmp", subject="Fence planned").read_bytes()
    two = make_eml(tmp_path / "two.tmp", subject="Mines planned", when="Wed, 07 May 2025 10:00:00 +0300",
                   plain="From now on, the mines come in 2026, the ministry said on May 7, 2025.").read_bytes()
    (tmp_path / "one.tmp").unlink()
    (tmp_path / "two.tmp").unlink()
    box = tmp_path / "Inbox.mbox"
    box.mkdir()
    (box / "mbox").write_bytes(b"From desk@example.org Tue May  6 09:48:00 2025\n" + one + b"\n"
                               + b"From desk@example.org Wed May  7 10:00:00 2025\n"
                               + two.replace(b"\nFrom now", b"\n>From now") + b"\n")
    articles, failures = read_articles([tmp_path])
    assert failures == []
    assert [(a.name, a.title, a.published) for a in articles] == [
        ("mbox › message 1.eml", "Fence planned", date(2025, 5, 6)),
        ("mbox › message 2.eml", "Mines planned", date(2025, 5, 7))]
    assert articles[1].text.startswith("From now on")


def test_a_project_keeps_an_attachment_s_given_date(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    from timeline_app.core import project as proj
    from timeline_app.core.loading import load
    from timeline_app.core.workspace import Workspace

    _with_attachments(qapp, tmp_path / "tip.eml")
    ws = Workspace()
    ws.add(load([tmp_path]).analyses)
    ws.set_publication_date("tip.eml › report.pdf", date(2025, 4, 1))
    path = tmp_path / "story.timeline.json"
    proj.save(proj.project_from_workspace(ws), path)
    opened = proj.open_project(path, lambda outside: True)
    assert opened.sources.paths == [str((tmp_path / "tip.eml").resolve())] and opened.changed == []
    again = Workspace()
    again.add(load(opened.sources.paths, dates=opened.sources.dates).analyses)
    assert again.article("tip.eml › report.pdf").published == date(2025, 4, 1)
    assert again.article("tip.eml › note.docx").published == date(2025, 5, 3)


@pytest.mark.parametrize(("lang", "when"), [("en-GB", date(2020, 12, 1)), ("fr", date(2020, 12, 1)),
                                            ("en-US", date(2020, 1, 12)), ("en", date(2020, 1, 12))])
def test_numeric_dates_follow_the_page_s_language(tmp_path: Path, lang: str, when: date) -> None:
    page = (f'<html lang="{lang}"><head><title>Border</title></head><body><article><h1>Border plan</h1>'
            "<p>01/12/2020 - 14:22</p><p>The ministry said it would build a fence along the border with "
            "Belarus over the next years, officials told reporters in the capital.</p></article></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    article = read_article(tmp_path / "page.html")
    assert (article.published, article.date_source) == (when, DATE_BYLINE)


def test_a_two_column_page_reads_left_column_first(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtGui import QFont, QPainter, QPdfWriter

    path = tmp_path / "columns.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 9))
    half = writer.width() // 2
    right = [f"Right column line {n}: the fence is built in stage {n} of the plan." for n in range(1, 26)]
    left = [f"Left column line {n}: the ministry spoke on May {n}, 2025." for n in range(1, 26)]
    for n, line in enumerate(right):  # drawn first: the file's order is not the reading order
        painter.drawText(half + 200, 1500 + 280 * n, line)
    for n, line in enumerate(left):
        painter.drawText(200, 1500 + 280 * n, line)
    painter.end()
    text = read_article(path).text
    assert text.index("Left column line 1:") < text.index("Left column line 25") < text.index("Right column line 1:")


@pytest.mark.parametrize(("text", "added"), [
    ("The minister said on Monday that the border fence will be finished by the end of the year.", None),
    ("Der Minister sagte am Montag, dass der Grenzzaun bis Ende des Jahres fertig sein werde und mehr koste.", None),
    ("قال الوزير يوم الاثنين إن السياج الحدودي سيكتمل بحلول نهاية العام وإن تكلفته سترتفع كثيرا. وأضاف أن "
     "الحكومة ستعرض الخطة على البرلمان الأسبوع المقبل بعد مشاورات مع الدول المجاورة.", "ar"),
    ("", None),
])
def test_a_page_s_dates_are_read_in_the_application_s_languages_and_its_own(text: str, added: str | None) -> None:
    from timeline_app.core.language import readable_languages
    from timeline_app.core.readers.html import _page_languages

    assert set(_page_languages(text)) == set(readable_languages()) | ({added} if added else set())


def test_a_page_dated_only_in_its_text_gets_that_date_without_dateparser_s_200_locales(tmp_path: Path) -> None:
    import htmldate.extractors

    from timeline_app.core.readers.html import _date_parser, _page_languages

    page = tmp_path / "p.html"
    body = "<p>" + "The council met again to discuss the border and its costs with the ministry. " * 30 + "</p>"
    page.write_text(f"<html><head><title>Border costs</title></head><body><article><h1>Border costs</h1>{body}"
                    "<p>Its members agreed, after a long debate that went on late into the night, to meet again "
                    "and decide, the chairman wrote on 12 March 2019 in a letter to the press.</p>"
                    "</article></body></html>", encoding="utf-8")
    article = read_article(page)  # no metadata, no byline: the page's text is searched
    assert article.published == date(2019, 3, 12) and article.date_source == "page text"
    assert htmldate.extractors.get_external_parser() is _date_parser(_page_languages(article.text))
