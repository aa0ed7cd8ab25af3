"""Rooms a newcomer can read (issue 14): no module of the package over MAX_MODULE_LINES lines, no function over
MAX_FUNCTION_LINES, so a stage that grows is split along its seams instead of growing one file."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "frontwatch"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 100


def oversized(root: Path, max_module: int = MAX_MODULE_LINES, max_function: int = MAX_FUNCTION_LINES) -> list[str]:
    """Each module longer than `max_module` lines and each function or method longer than `max_function`."""
    out = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text("utf-8")
        name = path.relative_to(root.parent)
        if (lines := len(text.splitlines())) > max_module:
            out.append(f"{name}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > max_function:
                    out.append(f"{name}:{node.lineno} {node.name}: {length} lines")
    return out


def test_no_module_or_function_is_oversized() -> None:
    assert oversized(PACKAGE) == []


def test_the_check_finds_an_oversized_module_and_function(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    body = "\n".join(f"    x{i} = {i}" for i in range(120))
    (pkg / "long.py").write_text(f"def long_function() -> None:\n{body}\n", "utf-8")
    (pkg / "short.py").write_text("def f() -> int:\n    return 1\n", "utf-8")
    assert oversized(pkg, max_module=100) == ["pkg/long.py: 121 lines", "pkg/long.py:1 long_function: 121 lines"]
    assert oversized(pkg) == ["pkg/long.py:1 long_function: 121 lines"]
