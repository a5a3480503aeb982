"""The command line under hostile conditions (issue #12): a full standard output, terminal
control characters in names, and a writer terminated mid-way.

The subprocess tests run the real CLI (``python -m geozones``) under the loopback-only
socket guard the rest of the suite uses.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geozones.cli import main
from geozones.cli._common import printable

TESTS = Path(__file__).resolve().parent
GUARDED = (
    "import sys; sys.path.insert(0, {tests!r}); from _netguard import install; install('cli'); "
    "from geozones.cli import main; raise SystemExit(main(sys.argv[1:]))"
)

# a spec whose every text field tries to drive the terminal: clear screen, retitle the
# window, a C1 CSI, a right-to-left override that hides an extension, a NUL
EVIL = "Evil\x1b[2J\x1b]0;pwned\x07\x9b31m\u202etxt.exe\x00end"
SPEC = f"""\
timeline: {{id: evil, name: "{EVIL.encode("unicode_escape").decode()}"}}
agreements:
  - id: a1
    name: "{EVIL.encode("unicode_escape").decode()}"
    signed: 2020-03-05
    sources: [{{url: "https://example.org/a1", quote: "a quote"}}]
    features:
      - id: f1
        name: "{EVIL.encode("unicode_escape").decode()}"
        kind: zone
        start: 2020-03-06
        confidence: approximate
        geometry: {{wkt: "POLYGON ((36 35, 37 35, 37 36, 36 36, 36 35))"}}
"""


def _cli(args: list[str], cwd: Path, **kwargs) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOZONES_")}
    env.update(GEOZONES_CACHE_DIR=str(cwd / "cache"), PYTHONIOENCODING="utf-8")
    cmd = [sys.executable, "-c", GUARDED.format(tests=str(TESTS)), *args]
    return subprocess.Popen(cmd, cwd=cwd, env=env, text=True, **kwargs)


def _no_terminal_controls(text: str) -> None:
    bad = [c for c in text if (ord(c) < 0x20 and c not in "\n") or 0x7F <= ord(c) <= 0x9F]
    bad += [c for c in text if 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069]
    assert not bad, f"raw control characters reached the terminal: {bad!r} in {text!r}"


@pytest.fixture(scope="module")
def evil_spec(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("evil") / "evil.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_printable_escapes_every_control_and_keeps_text():
    assert (
        printable("Azaz \u0627\u0639\u0632\u0627\u0632 ʿAyn")
        == "Azaz \u0627\u0639\u0632\u0627\u0632 ʿAyn"
    )
    out = printable(EVIL + "\t\n\r\x7f\u2066")
    _no_terminal_controls(out)
    assert out.startswith("Evil\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\u202etxt.exe\\x00end")
    assert out.endswith("\\x09\\x0a\\x0d\\x7f\\u2066")


def test_locate_escapes_names_from_the_spec(evil_spec, capsys):
    assert main(["locate", "35.5,36.5", "--spec", str(evil_spec)]) == 0
    out = capsys.readouterr().out
    _no_terminal_controls(out)
    assert "Evil\\x1b[2J" in out and "\\u202etxt.exe" in out


def test_locate_json_escapes_what_a_terminal_acts_on_and_keeps_the_data(evil_spec, capsys):
    assert main(["locate", "35.5,36.5", "--spec", str(evil_spec), "--json"]) == 0
    out = capsys.readouterr().out
    _no_terminal_controls(out)
    feature = json.loads(out)["features"][0]
    assert feature["name"].startswith("Evil\x1b[2J\x1b]0;pwned\x07\x9b31m\u202etxt.exe")


def test_errors_are_escaped_too(capsys):
    code = main(["locate", "35.5,36.5", "--spec", "no-such\x1b[2J\u202espec.yaml"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    _no_terminal_controls(err)


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["export", "--help"],
        ["locate", "35.5,36.5", "--spec", "{spec}"],
        ["locate", "35.5,36.5", "--spec", "{spec}", "--json"],
        ["export", "{spec}", "--out", "-"],
        ["validate", "{spec}"],
    ],
)
def test_stdout_on_a_full_device_is_one_line_and_exit_2(evil_spec, tmp_path, args):
    args = [a.replace("{spec}", str(evil_spec)) for a in args]
    with open("/dev/full", "w") as full:
        proc = _cli(args, tmp_path, stdout=full, stderr=subprocess.PIPE)
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2, err
    assert err.count("\n") == 1 and "cannot write to standard output" in err, err
    assert "Traceback" not in err and "Exception ignored" not in err


def test_closed_pipe_is_not_an_error(evil_spec, tmp_path):
    proc = _cli(["--help"], tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader went away (as with `| head -0`)
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0 and err == ""


# --- SIGTERM: no temporary file is left behind ---------------------------------------

SLOW_WRITER = """
import sys, time
from geozones._io import atomic_open
with atomic_open(sys.argv[1]) as fh:
    fh.write("partial")
    fh.flush()
    print("writing", flush=True)
    time.sleep(60)
"""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_mid_write_removes_the_temporary_file(tmp_path, sig):
    out = tmp_path / "out" / "zones.geojson"
    out.parent.mkdir()
    out.write_text("previous")
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline() == "writing\n"
    assert len(list(out.parent.iterdir())) == 2  # the target and the temporary file
    proc.send_signal(sig)
    proc.wait(timeout=30)
    assert proc.returncode in (128 + sig, -sig)  # SystemExit(128+n); SIGINT re-raised
    assert [p.name for p in out.parent.iterdir()] == ["zones.geojson"]
    assert out.read_text() == "previous"


def test_sigterm_during_a_real_export_leaves_the_old_file_or_a_whole_new_one(evil_spec, tmp_path):
    """`geozones export` terminated at several moments: never a temporary file left, and the
    target is either untouched or a complete GeoPackage."""
    import pyogrio

    out = tmp_path / "zones.gpkg"
    out.write_bytes(b"previous")
    _cli(["export", str(evil_spec), "--out", str(out)], tmp_path).wait(timeout=120)  # warm cache
    for delay in (0.3, 0.8, 1.3, 1.8):
        out.write_bytes(b"previous")
        proc = _cli(
            ["export", str(evil_spec), "--out", str(out)],
            tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
        assert "Traceback" not in err
        leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
        assert leftovers == [], f"after {delay}s: {leftovers}"
        if out.read_bytes() != b"previous":
            assert pyogrio.list_layers(out)[0][0] == "areas"
