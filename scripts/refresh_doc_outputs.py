"""Re-run the commands shown in a documentation page and write their real output back.

The getting-started page shows commands with the output they print. When the bundled data or a
command changes, run this script from the repository root so the page shows what a user will
really see::

    python scripts/refresh_doc_outputs.py                       # docs/getting-started.md
    python scripts/refresh_doc_outputs.py docs/getting-started.md --check   # exit 1 if stale

In a ```` ```console ```` block every ``$ geozones ...`` line is run (in a temporary folder, so
the files it writes go nowhere) and the lines after it, up to the next ``$``, are replaced by
its output. A ```` ```python ```` block directly followed by a ```` ```text ```` block is run
and the text block replaced by what it printed. Other blocks are left alone.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^```(\w*)\s*$")


def _run(argv: list[str], cwd: Path) -> str:
    res = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=600)
    return (res.stdout + res.stderr).rstrip("\n")


def _console(lines: list[str], cwd: Path) -> list[str]:
    """A console block with the output of each ``$ geozones`` command run again."""
    out: list[str] = []
    replacing = False  # True while skipping the old output of a geozones command
    for line in lines:
        if line.startswith("$ "):
            out.append(line)
            argv = shlex.split(line[2:])
            replacing = argv[:1] == ["geozones"]
            if replacing:
                out.extend(_run([sys.executable, "-m", "geozones", *argv[1:]], cwd).splitlines())
        elif not replacing:
            out.append(line)
    return out


def refresh(page: Path) -> str:
    """The text of ``page`` with every command's output re-run."""
    lines = page.read_text().splitlines()
    result: list[str] = []
    i = 0
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        while i < len(lines):
            m = FENCE.match(lines[i])
            if not m or not m.group(1):
                result.append(lines[i])
                i += 1
                continue
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            body = lines[i + 1 : end]
            if m.group(1) == "console":
                body = _console(body, cwd)
            elif m.group(1) == "python" and end + 1 < len(lines):
                nxt = FENCE.match(lines[end + 1])
                if nxt and nxt.group(1) == "text":
                    text_end = next(
                        j for j in range(end + 2, len(lines)) if lines[j].startswith("```")
                    )
                    printed = _run([sys.executable, "-c", "\n".join(body)], cwd).splitlines()
                    result += [lines[i], *body, lines[end], lines[end + 1], *printed]
                    i = text_end
                    continue
            result += [lines[i], *body, lines[end]]
            i = end + 1
    return "\n".join(result) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", default=[str(ROOT / "docs" / "getting-started.md")])
    parser.add_argument("--check", action="store_true", help="only report stale pages (exit 1)")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_COLOR", "1")
    stale = []
    for name in args.pages:
        page = Path(name)
        new = refresh(page)
        if new != page.read_text():
            stale.append(page)
            if not args.check:
                page.write_text(new)
        print(f"{page}: {'stale' if page in stale else 'up to date'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
