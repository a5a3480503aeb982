"""Geoparsing on hostile input (issue 12): linear work, a size cap, and safe draft outputs."""

from __future__ import annotations

import datetime as dt
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import geozones
from geozones.cli import main
from geozones.errors import InputError
from geozones.geoparse.dates import _resolve as dates_mod
from geozones.geoparse.dates._extract import extract_dates
from geozones.geoparse.scan import _select as gp

ARTICLE = "Saraqib, 5 March 2020 - Russia and Turkey agreed a ceasefire in Idlib province.\n"


def _count_calls(monkeypatch, module, name: str) -> list[int]:
    calls = [0]
    real = getattr(module, name)

    def counted(*a, **k):
        calls[0] += 1
        return real(*a, **k)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_each_line_is_judged_once_however_many_names_it_holds(monkeypatch):
    """The headline test ran once per mention over the whole line: quadratic on one long
    line of names (128 KB took 113 s). Now each line is looked at once."""
    calls = _count_calls(monkeypatch, gp, "_line_is_title")
    one_line = "Fighting near Saraqib and Maarat al-Numan and Kafr Nabl, " * 200
    ex = geozones.extract(one_line)
    assert len(ex.places) >= 400
    assert calls[0] == 1
    calls[0] = 0
    geozones.extract("\n".join([one_line[:2000]] * 5))
    assert calls[0] <= 5


def test_each_sentence_is_searched_once_for_future_words(monkeypatch):
    """``_weekday`` searched the sentence per weekday (98 KB of dates took 36 s)."""
    calls = _count_calls(monkeypatch, dates_mod, "_future_marks")
    text = "Clashes on Friday, Monday, Sunday and Tuesday, " * 300  # one sentence, no stop
    ms, _ = extract_dates(text, dt.date(2020, 3, 5))
    assert len(ms) >= 600
    assert calls[0] == 1


def test_python_calls_grow_linearly_with_the_text():
    """The number of Python function calls for 4× the text is about 4× (quadratic: 16×)."""
    import cProfile
    import pstats

    def calls(n: int) -> int:
        unit = ("Saraqib and Atarib near Idlib, on Friday 5 March 2020, two days later; "
                "a corridor along the M4 and observation posts at Morek. ")  # fmt: skip
        text = unit * n
        prof = cProfile.Profile()
        prof.enable()
        ex = geozones.extract(text, reference_date="2020-03-06")
        geozones.draft_spec(ex)
        prof.disable()
        return pstats.Stats(prof).total_calls  # type: ignore[attr-defined]

    geozones.extract("warm-up: Saraqib")
    small, big = calls(50), calls(200)
    assert big / small < 4.6, (small, big)


def test_a_text_over_the_cap_is_refused_with_what_to_do(monkeypatch):
    monkeypatch.setattr(geozones.settings, "extract_max_chars", 1000)
    with pytest.raises(InputError, match=r"1,000.*split it.*GEOZONES_EXTRACT_MAX_CHARS"):
        geozones.extract("Saraqib. " * 200)
    assert geozones.extract("Saraqib. " * 100).places


def test_cli_refuses_a_text_over_the_cap(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(geozones.settings, "extract_max_chars", 100)
    src = tmp_path / "big.txt"
    src.write_text(ARTICLE * 20, encoding="utf-8")
    assert main(["extract", str(src)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "extract_max_chars" in err


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    "target, says",
    [("dir", "is a folder"), ("/dev/full", "not a regular file"), ("file/x.yaml", "not a folder")],
)
def test_spec_output_that_cannot_be_a_file_is_one_line_and_exit_2(
    article, tmp_path, capsys, target, says
):
    out = {"dir": str(tmp_path), "file/x.yaml": str(article / "x.yaml")}.get(target, target)
    before = sorted(os.listdir(tmp_path))
    assert main(["extract", str(article), "--spec", out]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err and "Traceback" not in err
    assert sorted(os.listdir(tmp_path)) == before
    assert Path("/dev/full").is_char_device()  # never replaced by a renamed file


def _limit_file_size() -> None:  # runs in the child: a 300-byte "disk"
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (300, 300))


def test_a_full_disk_leaves_the_old_draft_whole_and_no_temporary_file(article, tmp_path):
    out = tmp_path / "draft.yaml"
    out.write_text("old draft\n", encoding="utf-8")
    res = subprocess.run(
        [sys.executable, "-m", "geozones", "extract", str(article), "--spec", str(out)],
        capture_output=True, text=True, preexec_fn=_limit_file_size, timeout=120,
    )  # fmt: skip
    assert res.returncode == 2, res.stderr
    assert res.stderr.count("\n") == 1 and "nothing was written" in res.stderr
    assert out.read_text(encoding="utf-8") == "old draft\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "draft.yaml"]


def test_stdout_on_a_full_device_is_one_line_and_exit_2(article):
    with open("/dev/full", "w") as full:
        res = subprocess.run(
            [sys.executable, "-m", "geozones", "extract", str(article)],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
        )  # fmt: skip
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and "standard output" in res.stderr


@pytest.mark.parametrize("run", ["X-", "X.", " ", "\t", "، "])
def test_a_long_run_of_one_pattern_is_read_in_linear_time(tmp_path, run):
    """300,000 characters of one short pattern ("X-X-X-…", "X.X.X…", spaces) made the name
    patterns try the run from each of its characters (hours, at the size extract() accepts);
    a run with no space is blanked and the bracketed initials' space is bounded. Checked by
    the answer and by a subprocess that must come back within two minutes, not by a clock."""
    text = tmp_path / "hostile.txt"
    text.write_text(run * (300_000 // len(run)) + " Hospital in Idlib", encoding="utf-8")
    res = subprocess.run(
        [sys.executable, "-m", "geozones", "extract", str(text), "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert '"Idlib"' in res.stdout
