"""Print the package's tree with line counts (docs/architecture.md, "Layout"): one line per module, one per folder
with its total. Run from the checkout: `python bench/layout_tree.py`."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lines(path: Path) -> int:
    return len(path.read_text("utf-8").splitlines())


def tree(folder: Path, depth: int = 0) -> list[str]:
    out = []
    modules = sorted(p for p in folder.glob("*.py"))
    packages = sorted(p for p in folder.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    for p in modules:
        out.append(f"{'  ' * (depth + 1)}{p.name:<{34 - 2 * depth}}{lines(p):>5}")
    for p in packages:
        total = sum(lines(f) for f in p.rglob("*.py") if "migrations" not in f.parts)
        out.append(f"{'  ' * (depth + 1)}{p.name + '/':<{34 - 2 * depth}}{total:>5}")
        out += tree(p, depth + 1)
    return out


def main() -> None:
    package = ROOT / "frontwatch"
    total = sum(lines(f) for f in package.rglob("*.py") if "migrations" not in f.parts)
    print(f"frontwatch/{'':<25}{total:>5}")
    print("\n".join(tree(package)))


if __name__ == "__main__":
    sys.exit(main())
