"""Fail when a function, method, closure or class passes cyclomatic complexity 20, as radon counts it.

    python scripts/complexity.py pipeline schemas

Every block is counted as ``radon cc -n D --show-closures`` lists it: closures and inner classes
on their own (a closure's branches do not count towards the function around it, and xenon's check
leaves closures out). Exit status 0 when none passes the limit; 1 with each one listed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from radon.complexity import add_inner_blocks, cc_visit

LIMIT = 20


def too_complex(paths: list[Path], limit: int = LIMIT) -> list[str]:
    """``path:line name complexity`` for every block above ``limit`` in the Python files under ``paths``."""
    files = sorted({f for p in paths for f in ([p] if p.is_file() else p.rglob("*.py"))})
    out: list[str] = []
    for path in files:
        blocks = add_inner_blocks(cc_visit(path.read_text(encoding="utf-8")))
        for block in sorted(blocks, key=lambda b: b.lineno):
            if block.complexity > limit:
                out.append(f"{path}:{block.lineno} {block.fullname} {block.complexity}")
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    found = too_complex([Path(a) for a in argv])
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} above cyclomatic complexity {LIMIT}: split them into named steps", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
