"""A role's full name on its page: the one the body introduces it by, the row of a job table near the
top that spells it out, the occupation's title the body writes in full, or the name the body writes
in place of one it never uses. The roles stage asks, once it knows the names the page gives."""

from __future__ import annotations

import re
from collections import Counter

from pipeline.rules.full_names import full_name, shortens
from pipeline.rules.loader import regex
from pipeline.rules.nouns import singular
from pipeline.rules.occupations import exact_occupation, known_whole, occupation_of
from pipeline.rules.role_names import fuller_name, soc_title_written
from pipeline.rules.titles import canonical
from pipeline.types import Block

JOB_COLUMN = regex("role_patterns.jsonl", "job-column")
# The most words of a table row that spells a role's name out.
MAX_ROW_WORDS = 4
ROW_CALLED = regex("role_patterns.jsonl", "row-called").pattern


def job_rows(blocks: list[Block]) -> list[str]:
    """The names in the first column of tables whose header says it names jobs ("Job Title | ...")."""
    rows: list[str] = []
    jobs = False
    for block in blocks:
        if block.kind == "table_row" and block.cells:
            if block.header:
                jobs = JOB_COLUMN.match(block.cells[0]) is not None
            elif jobs:
                rows.append(row_label(block.cells[0]))
    return rows


def row_label(cell: str) -> str:
    """A job table's first cell without an aside: "Meat trimmer (fabrication)" -> "Meat trimmer"."""
    return ROW_ASIDE.sub("", cell).strip()


ROW_ASIDE = re.compile(r"\s*\([^)]*\)")


def row_name(name: str, rows: list[str], body: str = "") -> str:
    """ "Raft Guide" -> "River Rafting Guide" where a table's column of jobs names it in full: a row of
    a few words, no group's coordinated name, that the role's name abbreviates, or that the body says
    goes by the name ("Semiconductor technicians (..., or just fab techs)")."""
    if _a_row(name, rows):
        return name  # the column names the job as the role does; its other rows are its grades or neighbours
    plain = [row for row in rows if len(row.split()) <= MAX_ROW_WORDS and not _lists_jobs(row)]
    # A row whose one name holds an "and" ("Oral and Maxillofacial Surgeon") stands for the name only
    # where the body uses it more: "Soil and Plant Scientists" are two kinds, one of them soil scientists.
    plain = [row for row in plain if " and " not in row or _uses(row, body) > _own_uses(name, row, body)]
    found = next((row for row in plain if shortens(name, row)), None)  # "BI Analyst" too
    found = found or next((row for row in plain if _called(row, name, body)), None)
    return canonical(found) if found else name


def _uses(name: str, body: str) -> int:
    """How often the body writes the name (or its plural)."""
    return len(_name_use(name).findall(body))


def _own_uses(name: str, row: str, body: str) -> int:
    """How often the body writes the name other than as part of the row's ("health services managers"
    inside "medical and health services managers")."""
    inside = _uses(row, body) if name.lower() in row.lower() else 0
    return _uses(name, body) - inside


def _written(name: str, body: str) -> bool:
    """Whether the body writes the name (or its plural) at all."""
    return _name_use(name).search(body) is not None


def _name_use(name: str) -> re.Pattern[str]:
    return re.compile(r"\b" + re.escape(name) + r"(?:s|es)?\b", re.IGNORECASE)


def _lists_jobs(row: str) -> bool:
    """Whether a row names a group by several jobs ("Paralegals and Legal Assistants"), not one job
    whose name holds an "and" ("Oral and Maxillofacial Surgeon")."""
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", row)
    return any(known_whole(p) for p in parts[:-1]) or "," in row and not known_whole(row)


def _called(row: str, name: str, body: str) -> bool:
    """Whether the body writes the row's occupation and then says it is called by the name."""
    pattern = (r"\b" + re.escape(row) + r"(?:s|es)?\b[^.;]{0,100}?" + ROW_CALLED + r"(?:[\w-]+\s+){0,2}?"
               + re.escape(name) + r"(?:s|es)?\b")
    return bool(body) and re.search(pattern, body, re.IGNORECASE) is not None


def page_full_names(blocks: list[Block], names: list[str], rows: list[str], body: str) -> dict[str, str]:
    """Each name's full name: the one the body gives it, the job table's row it stands for, and, for a
    one-word name ("Molder or Pourer?") or one the gazetteer lacks ("valve tech"), the fuller one the
    text opens with and keeps ("foundry molders", "control valve technicians")."""
    text = "\n".join(b.text for b in blocks if b.kind != "title")
    full = {n: row_name(_full_name(n, body), rows, body) for n in names}
    full = {n: fuller_name(f, text) if " " not in f or not known_whole(f) else soc_title_written(f, text) or f
            for n, f in full.items()}
    # A job table whose row writes the name as the role does keeps it ("Electrical Drafter" against
    # "electrical and electronics drafters, usually just called electrical drafters").
    return {n: n if _a_row(n, rows) else synonym_name(f, text) for n, f in full.items()}


def _a_row(name: str, rows: list[str]) -> bool:
    return any(canonical(row).lower() == name.lower() for row in rows)


def _full_name(name: str, body: str) -> str:
    """``full_name``, but an occupation's own title ("Surgical Assistant") keeps it against a name the
    gazetteer lacks ("surgical assistants, also known as surgical first assistants")."""
    full = full_name(name, body)
    own = exact_occupation(name)
    if full != name and own is not None and own.source == "soc" and exact_occupation(full) is None:
        return name
    return full


def synonym_name(name: str, text: str) -> str:
    """"State Lawmaker" -> "State Legislator" where the text (the title aside) never writes the name but
    writes, again and again, its modifiers before another head noun of the same occupation (of any
    occupation, for a name the gazetteer lacks: "Private Eye" -> "Private Investigator"), or another
    modifier joined to its own ("film and video editors" for "Film Editor")."""
    *mods, head = name.split()
    if not mods or _written(name, text):
        return name
    code = occupation_of(name)
    pattern = r"\b" + re.escape(" ".join(mods)) + r"\s+([A-Za-z]+)\b"
    heads = Counter(singular(m.group(1).lower()) for m in re.finditer(pattern, text, re.IGNORECASE))
    for other, uses in heads.most_common():
        candidate = f"{' '.join(mods)} {other}"
        if uses >= MIN_SYNONYM_USES and other != head.lower() and _same_job(candidate, code):
            return canonical(candidate)
    # "Film Editor" -> "Film and Video Editor": the name with another modifier joined to its own.
    pattern = r"\b" + re.escape(" ".join(mods)) + r"\s+and\s+([A-Za-z]+)\s+" + re.escape(head) + r"(?:s|es)?\b"
    joined = Counter(m.group(1).lower() for m in re.finditer(pattern, text, re.IGNORECASE))
    for other, uses in joined.most_common(1):
        candidate = f"{' '.join(mods)} and {other} {head}"
        if uses >= MIN_SYNONYM_USES and _same_job(candidate, code):
            return canonical(candidate)
    return name


def _same_job(candidate: str, code: tuple[str, str] | None) -> bool:
    """Whether another name is the occupation's; where the gazetteer lacks the role's name ("Private
    Eye"), whether it is one the gazetteer knows ("private investigators")."""
    return occupation_of(candidate) == code if code else exact_occupation(candidate) is not None


MIN_SYNONYM_USES = 2
