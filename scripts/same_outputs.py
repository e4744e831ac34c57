"""Check that a change to the pipeline leaves its outputs as they were.

    python scripts/same_outputs.py inputs IN            # write the regression corpus into IN
    extract -q IN BEFORE                                # on the commit before the change
    extract -q --force IN AFTER                         # on the change
    python scripts/same_outputs.py compare BEFORE AFTER

The corpus: the sample in raw/, the test fixtures, the benchmark's generated articles and large HTML
pages and, when ../shared is there, its corpora (without their gold files). ``compare`` wants every
output byte-identical and every manifest line equal but for ``pipeline_version``, which digests the
code and so changes with any edit. Exit status 0 when they match, 1 with the differing files listed.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def write_inputs(into: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench import big_html_pages, build_corpus

    into.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "raw", into / "raw", dirs_exist_ok=True)
    shutil.copytree(ROOT / "tests" / "fixtures", into / "fixtures", dirs_exist_ok=True)
    if SHARED.is_dir():
        for corpus in sorted(p for p in SHARED.iterdir() if p.is_dir()):
            shutil.copytree(corpus, into / corpus.name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("*.gold.json", "gold.jsonl"))
    for name, data in build_corpus(2000) + big_html_pages(100):
        path = into / "bench" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return sum(1 for p in into.rglob("*") if p.is_file())


def _manifest(folder: Path) -> dict[str, dict[str, object]]:
    lines = (json.loads(line) for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines())
    return {entry["path"]: {k: v for k, v in entry.items() if k != "pipeline_version"} for entry in lines}


def differences(before: Path, after: Path) -> list[str]:
    out: list[str] = []
    if _manifest(before) != _manifest(after):
        out.append("manifest.jsonl")
    names = {p.relative_to(folder) for folder in (before, after) for p in folder.rglob("*.json")}
    for name in sorted(names):
        a, b = before / name, after / name
        if not a.is_file() or not b.is_file() or a.read_bytes() != b.read_bytes():
            out.append(name.as_posix())
    return out


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "inputs":
        print(f"{write_inputs(Path(argv[1]))} input files in {argv[1]}")
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        diff = differences(Path(argv[1]), Path(argv[2]))
        for name in diff:
            print(f"differs: {name}")
        print("identical" if not diff else f"{len(diff)} files differ")
        return 1 if diff else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
