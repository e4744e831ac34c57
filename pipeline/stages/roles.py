"""roles: the occupations an article is about and their surface forms in the body.

In order of evidence: the occupations a title pattern names ("X vs. Y"), a title that is itself
occupations ("Respiratory Therapists", "Paralegals and Legal Assistants"), profile-shaped headings
("What does a nurse do?"), a handbook's "Quick Facts: X", else the occupations the body is about
(mentions weighed by where they are: headings, table rows, the opening; and how often). Each role
is linked to its SOC occupation through the gazetteer (``pipeline.rules.occupations``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from pipeline.rules.full_names import full_name, phrase_at
from pipeline.rules.groups import several_members
from pipeline.rules.loader import load_terms, regex
from pipeline.rules.nouns import singular
from pipeline.rules.occupations import (
    exact_occupation,
    known_whole,
    occupation_of,
    occupations_in,
)
from pipeline.rules.page_names import job_rows, page_full_names, row_label
from pipeline.rules.role_count import (
    ACRONYM,
    OPENING_PARAGRAPHS,
    count_acronyms,
    count_other_names,
    head_noun_names,
    members,
    mention_scores,
    merge_occupations,
    merge_shorter,
    named_in_prose,
    own_job,
    page_name,
    prose_of,
    split_compared,
)
from pipeline.rules.role_cues import (
    ROLE_SECTIONS,
    comparisons,
    heading_names,
    partner_names,
    person_noun,
    role_headings,
    sectioned,
)
from pipeline.rules.role_forms import (
    acronym_forms,
    called_names,
    clipped_forms,
    compound_forms,
    initialed_forms,
    lead_forms,
    occupation_forms,
    own_forms,
    tail_forms,
    tech_forms,
)
from pipeline.rules.role_names import (
    fuller_name,
    key_word,
    names_occupation,
    role_name,
    synonym_occupation,
    worker_name,
)
from pipeline.rules.titles import NOT_OCCUPATIONS, SMALL_WORDS, canonical, head_index, match_title, title_roles
from pipeline.types import Block, Document, RoleInfo

OCCUPATION_HEADS = load_terms("occupation_heads.txt")
LISTED_AFTER = regex("role_patterns.jsonl", "listed-after")
HEADING_TAIL = regex("role_patterns.jsonl", "heading-tail")
QUICK_FACTS = regex("role_patterns.jsonl", "quick-facts")
QUESTION = regex("role_patterns.jsonl", "question")
HOOK = re.compile(r"[?:!]\s+")
# A table among this many first blocks may be the page's comparison of its roles.
TABLE_SCAN = 15
# Body roles: the most roles, and the share of the leading occupation's score another needs to be a
# role too (less is a mention in passing).
MAX_BODY_ROLES = 3
SHARE = 0.35
# A role name is a noun phrase: longer, it is a heading or question that a title pattern took.
MAX_ROLE_WORDS = 5
# A first line longer than this is a sentence, not an untagged title.
FIRST_LINE = 80
# A title of more words is a sentence, unless the gazetteer knows it whole.
MAX_TITLE_WORDS = 9
# Words a heading puts before a role's name ("Compare the Salaries of"); "and", "of" are part of names.
HEADING_WORDS = NOT_OCCUPATIONS - SMALL_WORDS
COORDINATORS = {"and", "or", "&"}


def find_roles(doc: Document, title: str | None) -> list[RoleInfo]:
    body = "\n".join(b.text for b in doc.blocks)
    names = named_roles(doc, title, body)
    same: dict[str, list[str]] = {}
    if not names:
        names, same = sectioned_body_roles(doc.blocks, body)
    rows = job_rows(doc.blocks[:TABLE_SCAN])
    full = page_full_names(doc.blocks, names, rows, body)
    # The body's names take every row of a job table near the top: those are the page's roles.
    tabled = {canonical(r) for r in rows}
    if len(tabled) >= 2 and tabled <= set(full.values()):
        names = [n for n in names if full[n] in tabled]
    return build_roles([full[n] for n in names], body, {f: n for n, f in full.items() if f != n},
                       {full[n]: same[n] for n in names if n in same})


def sectioned_body_roles(blocks: list[Block], body: str) -> tuple[list[str], dict[str, list[str]]]:
    """``body_roles`` kept to those the sections on what a role does name, if any; a renamed one keeps its old name."""
    names, same = body_roles(blocks, body)
    kept = sectioned(names, heading_names(blocks, ROLE_SECTIONS))
    same = {new: [*same.get(old, []), *([old] if new != old else [])] for old, new in kept.items()}
    return list(kept.values()), same


def named_roles(doc: Document, title: str | None, body: str) -> list[str]:
    """The roles the page names outright: its title's (or an untitled page's first line's, where it
    compares them), a handbook's Quick Facts, a table of jobs near the top, or its headings'."""
    heading = title or first_line(doc.blocks)
    names = pattern_roles(heading, body) or after_hook(heading, body, pattern_roles, names_occupation)
    if not title and (len(names) < 2 or not all(map(person_noun, names))):
        # An untitled page's first line names its roles when it compares them ("RBT vs. BCBA at a
        # glance"); one role it names may be its first section's ("A day in the life of a farrier"),
        # and a line that compares kinds of work ("Retail vs. wholesale at a glance") names none.
        names = []
    names = names or title_occupations(heading, body) or after_hook(heading, body, title_occupations, known_whole)
    names = names or quick_facts(doc.blocks, body)
    return names or table_roles(doc.blocks) or [n for n in heading_roles(doc.blocks) if is_occupation(n)]


def after_hook(title: str, body: str, read: Callable[[str, str], list[str]],
               occupation: Callable[[str], bool]) -> list[str]:
    """The roles ``read`` finds in a title past its hook ("Love Animals but Not Vet School? X vs. Y",
    "Measure It, Then Move It: X and Y"), where each is an ``occupation``: else the words after the
    hook are the hook's own ("Which pays more: hair or skin?"). None where the title has no hook."""
    tail = HOOK.split(title)[-1]
    if tail == title:
        return []
    names = read(tail, body)
    return names if names and all(map(occupation, names)) else []


def pattern_roles(title: str, body: str) -> list[str]:
    """The roles a title pattern names ("X vs. Y", "How Much Do X Make?"), each read as a title of
    its own: "Logisticians and Purchasing Agents" is two occupations, "Civil Engineering Technologists
    and Technicians" one. They count only when each is an occupation: else the "title" was a heading."""
    read = [worker_name(expand_acronym(after_heading_words(HEADING_TAIL.sub("", n)), body), body)
            for n in title_roles(title)]
    # A field of work ("Medical Coding") is its workers' role; one the body names no worker of, none.
    found = [n for n in read if n is not None]
    if len(found) < len(read) or not all(is_occupation(n) for n in found):
        return []
    shape = match_title(title)
    # A weak shape ("X Jobs & Wages") names roles only that are occupations: not "Airline Jobs".
    if shape is not None and shape[0].note.startswith("weak") and not all(map(names_occupation, found)):
        return []
    names: list[str] = []
    for name in found:
        names.extend(n for n in (coordinated_roles(name, body) or [role_name(name)]) if n not in names)
    return names


def is_occupation(name: str) -> bool:
    """A title pattern's role name names an occupation when the gazetteer knows it whole, else unless
    it is long (a question) or ends with a heading word ("Median", "Average", "OTA at a Glance")."""
    if exact_occupation(name) is not None:
        return True
    if "," in name:
        return False  # "Doctor, Explained": a list or an afterthought, unless an occupation's name
    words = name.lower().split()
    # An acronym the gazetteer does not know ("CNA" it does) and the body never defines.
    acronym = ACRONYM.fullmatch(name) is not None and exact_occupation(name) is None
    return 0 < len(words) <= MAX_ROLE_WORDS and words[-1] not in NOT_OCCUPATIONS and not acronym


def after_heading_words(name: str) -> str:
    """"Compare the Salaries of Nurse" -> "Nurse": the words after the last heading word, if any;
    a question ("What Factors Influence a Nurse") stays whole, to be no role; so does a name the
    gazetteer knows ("Compensation and Job Analysis Specialists")."""
    if QUESTION.match(name) or exact_occupation(name) is not None:
        return name
    words = name.split()
    # A heading word coordinated with the next ("Career and Technical Education Teacher") is a modifier,
    # and one in capitals an acronym ("IT Manager").
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.lower() in HEADING_WORDS and not w.isupper()
               and words[i + 1].lower() not in COORDINATORS), default=0)
    while cut < len(words) - 1 and words[cut].lower() in SMALL_WORDS:
        cut += 1
    return " ".join(words[cut:])


def expand_acronym(name: str, body: str) -> str:
    """"PTA" -> the occupation the body defines it as ("physical therapist assistants (PTAs)")."""
    if not (name.isupper() and 1 < len(name) <= 6):
        return name
    spelled = ""
    for m in re.finditer(r"\(" + re.escape(name) + r"s?\)", body):
        before = body[max(0, m.start() - 80) : m.start()].rstrip()
        found = occupations_in(before)
        # A name the gazetteer lacks, spelled out before it ("Registered Behavior Technician (RBT)"),
        # or longer than the occupation it ends with ("chief financial officer (CFO)").
        here = phrase_at(before, name, at_end=True)
        if found and found[-1].end >= len(before) - 1 and len(here) <= len(found[-1].text):
            return canonical(found[-1].text)
        spelled = spelled or here
    # Else as an introduction gives it ("... professionals, often abbreviated to QIDPs").
    return canonical(spelled) if spelled else full_name(name, body)


def title_occupations(title: str, body: str = "") -> list[str]:
    """Roles of a title that is occupations itself: each member of a group title when each is an
    occupation of its own (for a title the gazetteer knows whole, a group or a merged code, only
    where the body treats them as several: ``pipeline.rules.groups``), else the whole title when it
    is one occupation, ends with one (or one and more listed plurals: "Career Counselors and
    Advisors") or with an occupation's head noun ("... Related Workers")."""
    title = title.strip(" .:")
    if not title or "?" in title or ":" in title:
        return []  # a question or "Label: value" line is no occupation's title
    if len(title.split()) > MAX_TITLE_WORDS and exact_occupation(title) is None:
        return []
    return coordinated_roles(title, body)


def coordinated_roles(title: str, body: str) -> list[str]:
    """The roles a name that may coordinate several is (see ``title_occupations``), or none."""
    parts = members(title)
    entries = [exact_occupation(p) for p in parts]
    socs = {e.soc for e in entries if e is not None}
    whole = exact_occupation(title)
    # Members that are several occupations are several roles; one occupation's names are one role. A
    # title the gazetteer knows whole names one group: its members are roles where the page says so.
    if whole is None and len(parts) > 1 and None not in entries and len(socs) == len(parts):
        return [canonical(p) for p in parts]
    several = several_members(title, body)
    if several:
        return [canonical(m.name) for m in several]
    if whole:
        return [role_name(title)]
    found = occupations_in(title)
    words = title.split()
    head = key_word(words[head_index(words)])
    if (found and LISTED_AFTER.fullmatch(title[found[-1].end :])) or head in OCCUPATION_HEADS:
        return [role_name(title)]
    return []


def first_line(blocks: list[Block]) -> str:
    """The first line of a page without a title, which may be its title ("Respiratory Therapists")."""
    first = next((b for b in blocks if b.kind in ("heading", "paragraph", "title")), None)
    return first.text if first is not None and len(first.text) <= FIRST_LINE else ""


def quick_facts(blocks: list[Block], body: str) -> list[str]:
    """A handbook's "Quick Facts: X" header names its occupation."""
    for block in blocks:
        m = QUICK_FACTS.match(block.text.strip())
        if m:
            return title_occupations(m.group("name"), body)
    return []


def body_roles(blocks: list[Block], body: str) -> tuple[list[str], dict[str, list[str]]]:
    """The occupations the body is about: mentions weigh more in headings, table rows and the
    opening paragraphs; acronyms the body defines count for their occupation; a role a section
    heading names counts with the occupations, known to the gazetteer or not. Also, for each role,
    the other names of its occupation the body uses (``one_per_occupation``). Where none is one, the
    names the prose gives most often with an occupation's head noun ("animal technicians")."""
    headed = role_headings(blocks)
    unknown = [n for n in headed if not any(o.text == n for o in occupations_in(n))]
    unknown += [n for n in partner_names(blocks, headed, OPENING_PARAGRAPHS) if n not in unknown]
    return (_body_roles(blocks, body, headed, unknown) or _body_roles(blocks, body, headed, head_noun_names(body))
            or ([], {}))


def _body_roles(blocks: list[Block], body: str, headed: list[str], unknown: list[str]) -> tuple[
        list[str], dict[str, list[str]]] | None:
    score, first, acronyms, tabled = mention_scores(blocks, unknown)
    count_acronyms(score, acronyms, body)
    count_other_names(score, first, body)
    apart = [b.text.lower() for b in blocks if b.kind == "heading"] + comparisons(blocks, OPENING_PARAGRAPHS)

    def heading_names(name: str) -> bool:
        return name in headed or any(singular(name.lower()) in h for h in apart)

    split_compared(score, first, heading_names)
    merge_shorter(score, first, body)
    if not score:
        return None
    same = merge_occupations(score, first, heading_names)
    top = score.most_common(1)[0][1]
    # A name scored mostly by a pay table's rows, that the prose names once at most and half as much as
    # the leading name, is a neighbouring job.
    prose = prose_of(blocks)
    lead = top - tabled[score.most_common(1)[0][0]]
    # A name a role's heading gives goes before one the prose only names, where more pass than are kept.
    best = sorted(score.most_common(), key=lambda item: item[0] in headed, reverse=True)[:MAX_BODY_ROLES]
    ranked = [n for n, s in best if s >= max(2, SHARE * top)
              and not (2 * tabled[n] >= s and lead >= 2 * (s - tabled[n]) and not named_in_prose(n, prose))]
    if not ranked:
        return None
    kept = sorted(ranked, key=lambda n: first[n])
    fuller = {n: fuller_name(n, body) for n in kept}
    return [fuller[n] for n in kept], {fuller[n]: same[n] for n in kept if n in same}


def table_roles(blocks: list[Block]) -> list[str]:
    """The occupations that head the rows of a table near the top ("Job Title | Education | Median
    Pay" over a row per occupation): the page compares them."""
    cells: list[str] = []
    jobs = set(job_rows(blocks[:TABLE_SCAN]))  # the rows under a "Job Title" header
    for block in blocks[:TABLE_SCAN]:
        if block.kind != "table_row" or block.header or not block.cells:
            continue
        cell = row_label(block.cells[0])
        found = occupations_in(cell)
        # "Pastry Chef": a cell that ends with an occupation, or with an occupation's head noun
        # ("Youth Counselor"), a short name, is one; so is any short name in a column of jobs.
        head = singular(cell.split()[-1].lower())
        ends = bool(found) and found[-1].end == len(cell) or cell in jobs or head in OCCUPATION_HEADS
        if ends and len(cell.split()) <= MAX_ROLE_WORDS and is_occupation(cell) and cell not in cells:
            cells.append(cell)
    # A row the prose hardly names is a neighbouring job the table sets beside the page's own.
    prose = prose_of(blocks)
    names = list(dict.fromkeys(page_name(canonical(c), prose) for c in cells if named_in_prose(c, prose, cells)))
    return names if len(names) >= 2 else []


def heading_roles(blocks: list[Block]) -> list[str]:
    """Roles from headings such as "What does a nurse do?" when the title names none."""
    names: list[str] = []
    for block in blocks:
        if block.kind not in ("heading", "paragraph") or len(block.text) > 90:
            continue
        found = match_title(block.text)
        if found and found[0].value == "profile" and not found[0].note.startswith("weak"):
            names.extend(n for n in title_roles(block.text) if n not in names)
        if len(names) >= 3:
            break
    return names


ACRONYM_DEFINITION = re.compile(r"\((?P<ac>[A-Z][A-Za-z.]{1,7}?)s?\)")
# r"\b[A-Z]{2,6}s?\b" written to open with a character class, so that the engine skips ahead to
# capitals (3 times faster on a whole article); the lookbehind is the word boundary before it.
CAPITAL_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{1,5}s?\b")


def build_roles(names: list[str], body: str, short: dict[str, str] | None = None,
                same: dict[str, list[str]] | None = None) -> list[RoleInfo]:
    """Roles with the surface forms the body uses: plural, lower case, acronym, unique head noun, the
    short name a full name stands for (``short``: full name -> the title's short name) and the other
    names of its occupation the body uses (``same``)."""
    short = short or {}
    same = same or {}
    heads = [n.split()[head_index(n.split())].lower() for n in names]
    introduced = [(body[max(0, m.start() - 80) : m.start()].rstrip().lower(), m.group("ac"))
                  for m in ACRONYM_DEFINITION.finditer(body)]
    capitals = set(CAPITAL_WORD.findall(body))
    socs = [role_soc(name, short.get(name), body) for name in names]
    codes = Counter(soc[0] for soc in socs if soc is not None)
    lowered = body.lower()
    roles: list[RoleInfo] = []
    seen: set[str] = set()
    for name, head, soc in zip(names, heads, socs, strict=True):
        rid = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")  # a slug
        if rid in seen:
            continue
        seen.add(rid)
        forms = own_forms(name, body, short.get(name), same.get(name, []), head if heads.count(head) == 1 else None)
        if soc is not None and codes[soc[0]] == 1:
            forms |= occupation_forms(soc[0], lowered)
        # "Aircraft mechanics, usually called A&P mechanics or AMTs": the other names the body gives it.
        forms |= called_names(forms, singular(head), body) | clipped_forms(name, body)
        forms |= tail_forms(name, names) | lead_forms(name, names) | initialed_forms(name, body)
        forms |= tech_forms(name, names, body) | compound_forms(name, names, lowered)
        forms |= acronym_forms(name, forms, introduced, capitals)
        ordered = sorted(forms, key=lambda f: (-len(f), f))
        # Aliases are the surface forms extraction meets (``Facts.surfaces``), filled in by assemble.
        roles.append(RoleInfo(rid, name, tuple(ordered), soc, own_job(name, body)))
    return roles


def role_soc(name: str, short: str | None, body: str = "") -> tuple[str, str] | None:
    """A role's occupation: its name's; where the gazetteer knows the short name the body gave a
    full name for ("diesel techs") but not the full name whole, the short name's; where it knows
    neither, that of another name the body calls the role by ("funeral directors, sometimes called
    morticians")."""
    if short is not None and exact_occupation(name) is None and exact_occupation(short) is not None:
        return occupation_of(short)
    return occupation_of(name) or synonym_occupation(name, body)
