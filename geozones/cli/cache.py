"""``geozones cache info|clear [--online]``: what geozones keeps on disk, and forgetting it.

geozones caches two things under ``settings.cache_dir`` (``GEOZONES_CACHE_DIR``,
by default ``~/.cache/geozones``): compiled timelines (``timelines/``) and the
answers of the opt-in online geocoder (one SQLite file). ``--online`` limits
the command to the online answers.

Exit codes: 0 success, 2 bad input.
"""

from __future__ import annotations

import argparse
from typing import Any

from ._common import add_json_flag, print_json


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Declare ``geozones cache``."""
    p = subparsers.add_parser(
        "cache",
        help="show or clear the on-disk caches (compiled timelines, online answers)",
        description="Show or clear what geozones caches under its cache folder: compiled "
        "timelines and the answers of the opt-in online geocoder ('not found' included). "
        "The folder is the environment variable GEOZONES_CACHE_DIR, or geozones.settings."
        "cache_dir in Python (default: $XDG_CACHE_HOME/geozones, else ~/.cache/geozones); "
        "online answers are kept "
        "geozones.settings.online_cache_days days (default 30), a setting of the Python "
        "module: set it in a script (import geozones; geozones.settings.online_cache_days "
        "= 7) before geocoding.",
    )
    p.add_argument("action", choices=("info", "clear"), help="info: show; clear: forget")
    p.add_argument("--online", action="store_true", help="only the online geocoder's answers")
    add_json_flag(p)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``geozones cache``."""
    if args.action == "clear":
        report = _clear(online_only=args.online)
        if args.json:
            print_json(report)
        else:
            print(f"removed {report['online_answers']} online answer(s)", end="")
            if not args.online:
                print(f" and {report['timelines']} compiled timeline(s)", end="")
            print(f" from {report['cache_dir']}")
        return 0
    report = _info(online_only=args.online)
    if args.json:
        print_json(report)
    else:
        print(_format_info(report))
    return 0


def _info(*, online_only: bool) -> dict[str, Any]:
    from .. import settings  # lazy: a sub-command's --help stays fast
    from ..online import answer_cache  # lazy: a sub-command's --help stays fast

    report: dict[str, Any] = {"cache_dir": str(settings.cache_dir), "online": answer_cache.info()}
    report["online"]["max_age_days"] = settings.online_cache_days
    if not online_only:
        from ..compiler import timeline_cache  # heavy: only for the compiled timelines

        report["timelines"] = timeline_cache.info()
    return report


def _clear(*, online_only: bool) -> dict[str, Any]:
    from .. import settings  # lazy: a sub-command's --help stays fast
    from ..online import answer_cache  # lazy: a sub-command's --help stays fast

    report: dict[str, Any] = {"cache_dir": str(settings.cache_dir)}
    report["online_answers"] = answer_cache.clear()
    if not online_only:
        from ..compiler import timeline_cache  # heavy: only for the compiled timelines

        report["timelines"] = timeline_cache.clear()
    return report


def _format_info(report: dict[str, Any]) -> str:
    online = report["online"]
    lines = [f"cache folder: {report['cache_dir']}"]
    if "timelines" in report:
        t = report["timelines"]
        lines.append(f"compiled timelines: {t['entries']} ({_human(t['bytes'])}) in {t['path']}")
    lines.append(
        f"online answers: {online['entries']} ({online['not_found']} not found, "
        f"{online['expired']} expired after {online['max_age_days']:g} days; "
        f"{_human(online['bytes'])}) in {online['path']}"
    )
    if online["entries"]:
        per = ", ".join(f"{k} {v}" for k, v in sorted(online["services"].items()))
        lines.append(f"  by service: {per}; oldest {online['oldest']}, newest {online['newest']}")
    return "\n".join(lines)


def _human(n: int) -> str:
    size = float(n)
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"  # pragma: no cover
