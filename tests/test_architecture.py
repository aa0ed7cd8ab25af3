"""The stage order of docs/architecture.md, enforced: import-linter's layers contract in pyproject.toml (no module
imports from a stage above its own, directly or through another module), the same order as written in the doc, and
no import the contract cannot see (importlib, ImportError fallbacks around the project's own modules)."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "frontwatch"
LINT = ("import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter over the `frontwatch` package found under `root`, with `root`'s pyproject.toml."""
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-c", LINT], cwd=root, env=env, capture_output=True, text=True,
                          timeout=300, check=False)


def _layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]
    [contract] = [c for c in config["contracts"] if c["id"] == "stages"]
    return list(contract["layers"])


def test_stages_import_only_lower_stages() -> None:
    out = _lint(ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "1 kept, 0 broken" in out.stdout


def test_an_import_from_a_higher_stage_breaks_the_contract(tmp_path: Path) -> None:
    # A copy of the package in which annotate reaches up into extract again (lazily, inside a function, as it
    # once did): the contract must name that edge.
    shutil.copytree(PACKAGE, tmp_path / "frontwatch", ignore=shutil.ignore_patterns("__pycache__", "static"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    annotate = tmp_path / "frontwatch" / "annotate" / "parse.py"
    annotate.write_text(annotate.read_text("utf-8") + (
        "\n\ndef _trigger_keys() -> frozenset[str]:\n"
        "    from frontwatch.extract.triggers import CATEGORY_RANK\n\n"
        "    return frozenset(CATEGORY_RANK)\n"), "utf-8")
    out = _lint(tmp_path)
    assert out.returncode != 0
    assert "0 kept, 1 broken" in out.stdout
    assert re.search(r"frontwatch\.annotate(\.\w+)* -> frontwatch\.extract", out.stdout), out.stdout


def test_the_doc_shows_the_enforced_order() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    block = re.search(r"## Stage order.*?```text\n(.*?)```", doc, re.S)
    assert block, "docs/architecture.md lost its '## Stage order' block"
    written = [re.sub(r"\s{2,}.*$", "", line).strip() for line in block.group(1).splitlines() if line.strip()]
    assert written == _layers()


def test_every_module_is_in_a_layer() -> None:
    # The contract is exhaustive: a new top-level module or package must be given its place in the order.
    declared = {m.strip() for layer in _layers() for m in re.split(r"[|:]", layer)}
    present = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    present |= {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert present == declared


def _hidden_imports(path: Path) -> list[str]:
    """Imports the layers contract cannot see: importlib.import_module / __import__, and try/except ImportError
    around an import of the project's own modules (a broken module would pass silently)."""
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if name in ("importlib.import_module", "import_module", "__import__"):
                found.append(f"{name}() (line {node.lineno})")
        elif isinstance(node, ast.Try):
            caught = {ast.unparse(h.type) for h in node.handlers if h.type is not None}
            if not caught & {"ImportError", "ModuleNotFoundError"}:
                continue
            for inner in node.body:
                for sub in ast.walk(inner):
                    module = sub.module if isinstance(sub, ast.ImportFrom) else None
                    if isinstance(sub, ast.Import):
                        module = sub.names[0].name
                    if module and module.startswith("frontwatch"):
                        found.append(f"except ImportError around {module} (line {sub.lineno})")
    return found


# Allowed exceptions, (module, finding): none left (publish/api.py's fallback went with its split into routers).
KNOWN: set[tuple[str, str]] = set()


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_hidden_imports(path: Path) -> None:
    where = str(path.relative_to(PACKAGE))
    found = [f for f in _hidden_imports(path) if (where, f.rsplit(" (line", 1)[0]) not in KNOWN]
    assert found == []


def test_hidden_imports_are_found(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import importlib\n\ndef f():\n    try:\n        from frontwatch import language\n"
                      "    except ImportError:\n        return None\n    return importlib.import_module('x')\n")
    assert sorted(_hidden_imports(module)) == ["except ImportError around frontwatch (line 5)",
                                               "importlib.import_module() (line 8)"]
