"""The house's rooms: layers that point down, no import cycle, small modules and functions.

The contracts live in ``pyproject.toml`` (``[tool.importlinter]``) and are explained in
``docs/development.md`` ("Layout"). These tests fail the build when a change imports upward,
closes an import cycle, grows a module past 600 lines or a function past 80, or hides an
import inside a function without saying why.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "geozones"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _lint_imports() -> list[str]:
    exe = Path(sys.executable).with_name("lint-imports")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("lint-imports")
    if found is None:  # pragma: no cover - the test extra installs it
        pytest.fail("lint-imports is not installed: pip install -e '.[test]'")
    return [found]


def test_import_contracts_hold() -> None:
    """import-linter: layers point down, no cycle between the modules of any package."""
    proc = subprocess.run(
        [*_lint_imports(), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = proc.stdout + proc.stderr
    assert proc.returncode == 0, report
    assert "Contracts: 3 kept, 0 broken." in report, report


def test_contracts_name_every_top_level_module() -> None:
    """A new top-level module must be placed in a layer, or the contract would not see it."""
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    layers = config.split("[tool.importlinter]", 1)[1].split("acyclic_siblings", 1)[0]
    skip = {"__init__", "__main__"}
    names = {p.stem for p in PACKAGE.glob("*.py") if p.stem not in skip}
    names |= {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    missing = sorted(n for n in names if f"geozones.{n}" not in layers)
    assert not missing, f"not in any layer of [tool.importlinter]: {missing}"


def _geoparse_layers() -> str:
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return config.split('containers = ["geozones.geoparse"]', 1)[1].split("[[tool.", 1)[0]


def test_the_geoparser_contract_names_every_room() -> None:
    """A new module beside ``geoparse/_extract.py`` or a new room of the geoparser must be
    placed in a layer of its contract, or import-linter would not see where it belongs."""
    layers = _geoparse_layers()
    skip = {"__init__"}
    here = PACKAGE / "geoparse"
    names = {p.stem for p in here.glob("*.py") if p.stem not in skip}
    names |= {p.name for p in here.iterdir() if (p / "__init__.py").exists()}
    missing = sorted(n for n in names if f'"{n}' not in layers and f" {n}" not in layers)
    assert not missing, f"not in any layer of the geoparse contract: {missing}"


GEOPARSE_ROOMS = ["arabic", "constructions", "dates", "entities", "places", "scan"]


@pytest.mark.parametrize("room", GEOPARSE_ROOMS)
def test_each_geoparse_room_says_what_it_holds(room: str) -> None:
    """Each room's ``__init__`` names every module it holds and runs its example."""
    import doctest
    import importlib

    mod = importlib.import_module(f"geozones.geoparse.{room}")
    doc = mod.__doc__ or ""
    held = sorted(
        p.stem for p in (PACKAGE / "geoparse" / room).glob("_*.py") if p.stem != "__init__"
    )
    unnamed = [m for m in held if f"``{m}``" not in doc and f"``{m}``" not in doc.replace("\n", "")]
    assert not unnamed, f"geoparse/{room}/__init__.py does not say what these hold: {unnamed}"
    res = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert res.attempted >= 1 and res.failed == 0, res


def test_no_module_is_too_long() -> None:
    too_long = {
        str(p.relative_to(ROOT)): n
        for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines: {too_long}"


def _functions(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def test_no_function_is_too_long() -> None:
    too_long = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in _functions(tree):
            n = fn.end_lineno - fn.lineno + 1  # docstring included
            if n >= MAX_FUNCTION_LINES:
                too_long.append(f"{path.relative_to(ROOT)}:{fn.lineno} {fn.name} ({n} lines)")
    assert not too_long, "functions of 80 lines or more:\n" + "\n".join(too_long)


def _function_imports(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    tree = ast.parse("\n".join(lines))
    seen: set[int] = set()
    for fn in _functions(tree):
        for node in ast.walk(fn):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and node.lineno not in seen:
                seen.add(node.lineno)
                yield node, lines


def _has_reason(node: ast.stmt, lines: list[str]) -> bool:
    """The import's own line, or a comment line just above it, says why it is lazy."""
    i = node.lineno - 1
    if any("#" in line for line in lines[i : node.end_lineno]):
        return True
    j = i - 1
    while j >= 0 and lines[j].strip().startswith(("import ", "from ")):
        j -= 1  # a block of imports shares one comment above it
    return j >= 0 and lines[j].strip().startswith("#")


def test_lazy_imports_say_why() -> None:
    """Imports inside functions stay only where start-up time needs them, and say so."""
    silent = [
        f"{path.relative_to(ROOT)}:{node.lineno}: {lines[node.lineno - 1].strip()}"
        for path in _modules()
        for node, lines in _function_imports(path)
        if not _has_reason(node, lines)
    ]
    assert not silent, "imports inside functions without a comment saying why:\n" + "\n".join(
        silent
    )


def test_the_cli_uses_only_public_names() -> None:
    """The CLI sits on the public API: no private module or name of another package."""
    private = []
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.level < 2:
                continue  # the CLI's own helpers (cli._common) are its own business
            module = node.module or ""
            names = [a.name for a in node.names]
            dunder = [n for n in names if n.startswith("__") and n.endswith("__")]
            if any(part.startswith("_") for part in module.split(".") if part) or any(
                n.startswith("_") and n not in dunder for n in names
            ):
                private.append(f"{path.relative_to(ROOT)}:{node.lineno} from {module} {names}")
    assert not private, "the CLI imports private names:\n" + "\n".join(private)
