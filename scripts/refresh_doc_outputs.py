"""Re-run what documentation pages show and write the real output back.

The getting-started and exports pages show commands with the output they print, and files
with what is in them. When the bundled data or a command changes, run this script from the
repository root so the pages show what a user will really see::

    python scripts/refresh_doc_outputs.py            # docs/getting-started.md, docs/exports.md
    python scripts/refresh_doc_outputs.py --check    # exit 1 if a page is stale (the tests do this)

Each page runs in its own empty temporary folder, top to bottom, so a command can read a file
an earlier one wrote (``head places.csv`` after ``geozones export --out places.csv``):

- in a ```` ```console ```` block every ``$ command`` line is run with ``bash`` (pipes work)
  and the lines after it, up to the next ``$``, are replaced by what it printed (stdout and
  stderr, as a terminal shows them);
- a ```` ```python ```` block followed (after blank lines at most) by a ```` ```text ````
  block is run, and the text block replaced by what it printed;
- a block right after a line ``<!-- output of: COMMAND -->`` is replaced by what COMMAND
  printed (e.g. a feature of the GeoJSON file written above it);
- other blocks (``bash`` install steps, examples to copy) are left alone.

``geozones`` and ``python`` in the commands are this Python's, unless the caller passes an
environment of its own (the tests run the getting-started page in a fresh install).
"""

from __future__ import annotations

import argparse
import os
import re
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "docs" / "getting-started.md", ROOT / "docs" / "exports.md"]
FENCE = re.compile(r"^```(\w*)\s*$")
OUTPUT_OF = re.compile(r"^<!-- output of: (.+) -->\s*$")


def shim_env(python: str = sys.executable, base: dict[str, str] | None = None) -> dict[str, str]:
    """An environment where ``geozones`` and ``python`` are ``python``'s (in a temp folder)."""
    env = dict(os.environ if base is None else base)
    shims = Path(tempfile.mkdtemp(prefix="geozones-doc-shims-"))
    for name, target in (("geozones", f'"{python}" -m geozones'), ("python", f'"{python}"')):
        shim = shims / name
        shim.write_text(f'#!/bin/sh\nexec {target} "$@"\n')
        shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    env["PATH"] = f"{shims}{os.pathsep}{env.get('PATH', '')}"
    env.setdefault("NO_COLOR", "1")
    env.setdefault("COLUMNS", "100")
    return env


def _run(command: str, cwd: Path, env: dict[str, str], *, shell: bool = True) -> list[str]:
    argv = ["bash", "-c", command] if shell else ["python", "-c", command]
    res = subprocess.run(
        argv,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # interleaved as on a terminal
        text=True,
        timeout=900,
    )
    return res.stdout.rstrip("\n").splitlines()


def _console(lines: list[str], cwd: Path, env: dict[str, str]) -> list[str]:
    """A console block with the output of each ``$`` command run again."""
    out: list[str] = []
    for line in lines:
        if line.startswith("$ "):
            out.append(line)
            out.extend(_run(line[2:], cwd, env))
        elif not out:  # text before the first command stays
            out.append(line)
    return out


def _block_end(lines: list[str], start: int) -> int:
    return next(j for j in range(start + 1, len(lines)) if lines[j].startswith("```"))


def refresh(page: Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    """The text of ``page`` with every command's output run again.

    ``cwd`` is where the commands run (default: a new empty temporary folder).
    """
    env = shim_env() if env is None else env
    lines = page.read_text(encoding="utf-8").splitlines()
    result: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) if cwd is None else cwd
        i = 0
        while i < len(lines):
            m = FENCE.match(lines[i])
            directive = OUTPUT_OF.match(result[-1]) if result else None
            if not m:
                result.append(lines[i])
                i += 1
                continue
            end = _block_end(lines, i)
            body = lines[i + 1 : end]
            if directive:
                body = _run(directive.group(1), work, env)
            elif m.group(1) == "console":
                body = _console(body, work, env)
            elif m.group(1) == "python":
                k = end + 1  # the text block may follow after blank lines
                while k < len(lines) and not lines[k].strip():
                    k += 1
                nxt = FENCE.match(lines[k]) if k < len(lines) else None
                if nxt and nxt.group(1) == "text":
                    text_end = _block_end(lines, k)
                    printed = _run("\n".join(body), work, env, shell=False)
                    result += [lines[i], *body, *lines[end:k], lines[k], *printed]
                    result.append(lines[text_end])
                    i = text_end + 1
                    continue
            result += [lines[i], *body, lines[end]]
            i = end + 1
    return "\n".join(result) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", type=Path, default=PAGES)
    parser.add_argument("--check", action="store_true", help="only report stale pages (exit 1)")
    args = parser.parse_args(argv)
    stale = []
    for page in args.pages:
        new = refresh(page)
        if "Traceback (most recent call last)" in new:
            errors = [
                line for line in new.splitlines() if re.match(r"^\w*(Error|Exception)\b", line)
            ]
            print(f"{page}: a command crashed, page left as it was: {errors[:3]}", file=sys.stderr)
            return 2
        if new != page.read_text(encoding="utf-8"):
            stale.append(page)
            if not args.check:
                page.write_text(new, encoding="utf-8")
        print(f"{page}: {'stale' if page in stale else 'up to date'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
