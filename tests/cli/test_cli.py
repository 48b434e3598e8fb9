"""The command line contract: export, show, timex."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from timeline_app.cli import main


def test_export_seeds(tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", str(seeds_dir), "--reference-date", "2025-05-06", "--out", str(tmp_path / "out")])
    assert code == 0
    rows = list(csv.DictReader((tmp_path / "out" / "timeline.csv").open(encoding="utf-8", newline="")))
    assert len(rows) == 9  # one event per happening (see test_seeds for the full check)
    assert "events" in capsys.readouterr().out


def test_export_reports_bad_files_and_keeps_going(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text("It began on March 18, 2025.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    code = main(["export", str(tmp_path), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 0
    assert "bad.txt: binary file" in err
    assert "Traceback" not in err


def test_undated_articles_are_named_and_not_anchored_on_today(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("In January, it began.", encoding="utf-8")
    assert main(["export", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")]) == 0
    assert "no publication date for 1 article(s) (a.txt)" in capsys.readouterr().err
    row = next(csv.DictReader((tmp_path / "out" / "timeline.csv").open(encoding="utf-8", newline="")))
    assert (row["start"], row["kind"]) == ("", "unresolved")


def test_per_file_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("In January, it began.", encoding="utf-8")
    assert main(["export", str(tmp_path), "--date", "a.txt=2024-06-01", "--out", str(tmp_path / "out")]) == 0
    row = next(csv.DictReader((tmp_path / "out" / "timeline.csv").open(encoding="utf-8", newline="")))
    assert row["start"] == "2024-01-01"


@pytest.mark.parametrize(("args", "code", "message"), [
    (["export", "nowhere", "--out", "x"], 1, "no article could be read"),
    (["export", "seeds", "--out", "x", "--reference-date", "soon"], 2, "not a date"),
    (["export", "seeds", "--out", "x", "--png", "t.gif"], 2, "--png needs a file name ending in .png"),
    (["export", "seeds", "--out", "x", "--date", "nodate"], 2, "expected FILE=YYYY-MM-DD"),
    (["seeds", "--reference-date", "someday"], 2, "not a date"),
])
def test_user_errors_are_one_plain_line(args: list[str], code: int, message: str,
                                        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    args = [a if a != "x" else str(tmp_path / "out") for a in args]
    try:
        got = main(args)
    except SystemExit as e:  # argparse
        got = e.code
    assert got == code
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_unwritable_output_is_reported(tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["export", str(seeds_dir), "--out", str(blocker / "out")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_reference_date_in_words(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Lithuania said Monday it will act.", encoding="utf-8")
    assert main(["export", str(tmp_path), "--reference-date", "6 May 2025", "--out", str(tmp_path / "o")]) == 0
    row = next(csv.DictReader((tmp_path / "o" / "timeline.csv").open(encoding="utf-8", newline="")))
    assert row["start"] == "2025-05-05"


def test_timex_prints_json_lines_with_offsets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "a.txt"
    text = "Café: on Monday it said spending runs from 2026 to 2030, 5% of GDP."
    p.write_text(text, encoding="utf-8")
    assert main(["timex", "--reference-date", "2025-05-06", str(p)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(x["text"], x["type"], x["value"]) for x in lines] == [
        ("Monday", "DATE", "2025-05-05"), ("2026", "DATE", "2026"), ("2030", "DATE", "2030")]
    for x in lines:
        assert set(x) >= {"start", "end", "text", "type", "value"}
        assert text[x["start"]:x["end"]] == x["text"]


def test_show_prints_the_timeline(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(seeds_dir), "--reference-date", "2025-05-06"]) == 0
    out = capsys.readouterr().out
    assert "2025-03-18" in out and "Lithuania" in out


def test_module_entry_point_runs(tmp_path: Path, seeds_dir: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "timeline_app", "export", str(seeds_dir), "--reference-date",
                             "2025-05-06", "--out", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "evidence.csv").exists()


def test_core_never_imports_qt() -> None:
    code = ("import sys, timeline_app.cli, timeline_app.core.timeline, timeline_app.core.export;"
            "timeline_app.cli.main(['timex', '--reference-date', '2025-05-06', 'seeds/000_a9b5a5e0ed6f1e90.txt']);"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')];"
            "sys.exit(1 if bad else 0)")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_without_a_command_the_window_opens_with_the_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    import timeline_app.gui.app as app

    monkeypatch.setattr(app, "run", lambda sources, reference, dates, screenshot:
                        calls.append((sources, reference, dates, screenshot)) or 0)
    assert main(["seeds", "--reference-date", "2025-05-06", "--date", "a.txt=2025-01-02"]) == 0
    assert main([]) == 0
    assert main(["seeds", "--screenshot", "w.png"]) == 0
    assert calls == [(["seeds"], date(2025, 5, 6), {"a.txt": date(2025, 1, 2)}, None), ([], None, {}, None),
                     (["seeds"], None, {}, "w.png")]


def test_png_export_of_thousands_of_events_exits_cleanly(tmp_path: Path) -> None:
    """Runs in its own process: PySide6 6.12 aborted at interpreter exit after such an export."""
    from datetime import date, timedelta

    lines = []
    for i in range(3000):
        a, b = date(1990, 1, 1) + timedelta(days=3 * i), date(1990, 1, 2) + timedelta(days=3 * i)
        lines.append(f"Item #{i} happened on {date_name(a.month)} {a.day}, {a.year}, and again on "
                     f"{date_name(b.month)} {b.day}, {b.year}.")
    (tmp_path / "many.txt").write_text("\n\n".join(lines), encoding="utf-8")
    png = tmp_path / "many.png"
    env = {k: v for k, v in __import__("os").environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run([sys.executable, "-m", "timeline_app", "export", str(tmp_path / "many.txt"),
                             "--reference-date", "2025-05-06", "--out", str(tmp_path / "out"), "--png", str(png)],
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = list(csv.DictReader((tmp_path / "out" / "timeline.csv").open(encoding="utf-8", newline="")))
    assert len(rows) >= 5000
    assert png.stat().st_size > 10_000


def date_name(month: int) -> str:
    return ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"][month - 1]


def test_briefing_exports_from_the_command_line(cli, seeds_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """--pptx, --pdf and --timelinejs write the briefing; --only chooses its events; a briefing with no
    events is refused with a reason and leaves the previous file."""
    import json

    done = cli("export", str(seeds_dir), "--reference-date", "2025-05-06", "--out", str(tmp_path / "out"),
               "--pptx", str(tmp_path / "b.pptx"), "--pdf", str(tmp_path / "b.pdf"),
               "--timelinejs", str(tmp_path / "t.json"), "--only", "all", "--title", "Baltic")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "b.pptx").read_bytes()[:2] == b"PK" and (tmp_path / "b.pdf").read_bytes()[:5] == b"%PDF-"
    assert len(json.loads((tmp_path / "t.json").read_text("utf-8"))["events"]) == 9
    (tmp_path / "keep.pptx").write_bytes(b"previous")
    refused = cli("export", str(seeds_dir), "--reference-date", "2025-05-06", "--out", str(tmp_path / "out"),
                  "--pptx", str(tmp_path / "keep.pptx"), "--only", "starred")
    assert refused.returncode == 1 and "no events to present" in refused.stderr
    assert (tmp_path / "keep.pptx").read_bytes() == b"previous"


def test_show_prints_support_copies_conflicts_and_key_events(cli, seeds_dir: Path) -> None:  # noqa: ANN001
    done = cli("show", str(seeds_dir), "--reference-date", "2025-05-06")
    assert done.returncode == 0, done.stderr
    out = " ".join(done.stdout.split())
    assert "4 sources, 3 independent" in out and "(copies 000_a9b5a5e0ed6f1e90.txt)" in out
    assert "⚠ sources disagree: Finland" in out and "key event" in out
