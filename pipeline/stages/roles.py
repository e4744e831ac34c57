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

from pipeline.rules.groups import several_members
from pipeline.rules.loader import load_lexicon, load_terms, regex
from pipeline.rules.occupations import exact_occupation, occupation_of, occupations_in
from pipeline.rules.titles import NOT_OCCUPATIONS, canonical, match_title, plural, singular, title_roles
from pipeline.types import Block, Document, RoleInfo

OCCUPATION_HEADS = load_terms("occupation_heads.txt")
CLIPPED_HEADS = load_lexicon("clipped_heads.tsv")
GROUP_NOUN = regex("role_patterns.jsonl", "group-noun")
LISTED_AFTER = regex("role_patterns.jsonl", "listed-after")
ACRONYM = regex("role_patterns.jsonl", "acronym")
ACRONYM_AFTER = regex("role_patterns.jsonl", "acronym-after")
MEMBER_SPLIT = regex("role_patterns.jsonl", "member-split")
QUICK_FACTS = regex("role_patterns.jsonl", "quick-facts")
QUESTION = regex("role_patterns.jsonl", "question")
# Body roles: how many opening paragraphs count as the opening, the most roles, and the share of the
# leading occupation's score another needs to be a role too (less is a mention in passing).
OPENING = 4
# A table among this many first blocks may be the page's comparison of its roles.
TABLE_SCAN = 15
MAX_BODY_ROLES = 3
SHARE = 0.35
# A role name is a noun phrase: longer, it is a heading or question that a title pattern took.
MAX_ROLE_WORDS = 5
# A first line longer than this is a sentence, not an untagged title.
FIRST_LINE = 80


def find_roles(doc: Document, title: str | None) -> list[RoleInfo]:
    body = "\n".join(b.text for b in doc.blocks)
    # A title pattern's names count only when each is an occupation: else the "title" was a heading.
    names = [expand_acronym(after_heading_words(n), body) for n in title_roles(title or "")]
    names = names if all(is_occupation(n) for n in names) else []
    names = names or title_occupations(title or first_line(doc.blocks), body) or quick_facts(doc.blocks, body)
    names = names or table_roles(doc.blocks) or [n for n in heading_roles(doc.blocks) if is_occupation(n)]
    names = names or body_roles(doc.blocks, body)
    return build_roles(names, body)


def is_occupation(name: str) -> bool:
    """A title pattern's role name names an occupation unless it is long (a question) or ends with a
    heading word ("Median", "Average", "OTA at a Glance"); the gazetteer need not know it."""
    words = name.lower().split()
    # An acronym the gazetteer does not know ("CNA" it does) and the body never defines.
    acronym = ACRONYM.fullmatch(name) is not None and exact_occupation(name) is None
    return 0 < len(words) <= MAX_ROLE_WORDS and words[-1] not in NOT_OCCUPATIONS and not acronym


def after_heading_words(name: str) -> str:
    """"Compare the Salaries of Nurse" -> "Nurse": the words after the last heading word, if any;
    a question ("What Factors Influence a Nurse") stays whole, to be no role."""
    if QUESTION.match(name):
        return name
    words = name.split()
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.lower() in NOT_OCCUPATIONS), default=0)
    return canonical(" ".join(words[cut:]))


def expand_acronym(name: str, body: str) -> str:
    """"PTA" -> the occupation the body defines it as ("physical therapist assistants (PTAs)")."""
    if not (name.isupper() and 1 < len(name) <= 6):
        return name
    for m in re.finditer(r"\(" + re.escape(name) + r"s?\)", body):
        found = occupations_in(body[max(0, m.start() - 80) : m.start()].rstrip())
        if found and found[-1].end >= len(body[max(0, m.start() - 80) : m.start()].rstrip()) - 1:
            return canonical(found[-1].text)
    return name


def members(title: str) -> list[str]:
    """The occupations a group title lists: "Nurse Anesthetists, Nurse Midwives, and Nurse
    Practitioners" -> three; a lone general head takes the first member's modifiers
    ("Physical Therapist Assistants and Aides" -> "Physical Therapist Aides")."""
    parts = [p.strip() for p in MEMBER_SPLIT.split(title) if p.strip()]
    modifiers = " ".join(parts[0].split()[:-1]) if parts else ""
    return [f"{modifiers} {p}" if modifiers and " " not in p and key_word(p) in OCCUPATION_HEADS else p
            for p in parts]


def key_word(word: str) -> str:
    return canonical(word).lower()


def title_occupations(title: str, body: str = "") -> list[str]:
    """Roles of a title that is occupations itself: each member of a group title when each is an
    occupation of its own (for a title the gazetteer knows whole, a group or a merged code, only
    where the body treats them as several: ``pipeline.rules.groups``), else the whole title when it
    is one occupation, ends with one (or one and more listed plurals: "Career Counselors and
    Advisors") or with an occupation's head noun ("... Related Workers")."""
    title = title.strip(" .:")
    if not title or len(title.split()) > 9 or "?" in title or ":" in title:
        return []  # a question or "Label: value" line is no occupation's title
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
        return [group_name(title)]
    found = occupations_in(title)
    last = key_word(title.split()[-1])
    if (found and LISTED_AFTER.fullmatch(title[found[-1].end :])) or last in OCCUPATION_HEADS:
        return [group_name(title)]
    return []


def group_name(title: str) -> str:
    """"Accountants and Auditors" -> "Accountant and Auditor": each listed noun singular."""
    return canonical(GROUP_NOUN.sub(lambda m: singular(m.group(1)), title))


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


def body_roles(blocks: list[Block], body: str) -> list[str]:
    """The occupations the body is about: mentions weigh more in headings, table rows and the
    opening paragraphs; acronyms the body defines count for their occupation."""
    score: Counter[str] = Counter()
    first: dict[str, int] = {}
    acronyms: dict[str, str] = {}
    paragraphs = 0
    for i, block in enumerate(blocks):
        weight = 1
        if block.kind in ("heading", "title", "table_row"):
            weight = 3
        elif block.kind == "paragraph":
            paragraphs += 1
            weight = 2 if paragraphs <= OPENING else 1
        text = block.cells[0] if block.kind == "table_row" and block.cells else block.text
        for occ in occupations_in(text):
            name = canonical(occ.text)
            # A group title's members count where they are named; an acronym ("RNs") counts for
            # the full name it stands for.
            if "," in occ.text or " and " in occ.text or ACRONYM.fullmatch(occ.text):
                continue
            score[name] += weight
            first.setdefault(name, i)
            after = ACRONYM_AFTER.match(text, occ.end)
            if after:
                acronyms[after.group(1)] = name
    for name in list(score):
        initials = "".join(w[0] for w in re.split(r"[\s-]+", name) if w).upper()
        if len(initials) > 1:
            acronyms.setdefault(initials, name)
    for acr, name in acronyms.items():
        score[name] += len(re.findall(r"\b" + acr + r"s?\b", body))
    if not score:
        return []
    top = score.most_common(1)[0][1]
    kept = [n for n, s in score.most_common(MAX_BODY_ROLES) if s >= max(2, SHARE * top)]
    return sorted(kept, key=lambda n: first[n])


def table_roles(blocks: list[Block]) -> list[str]:
    """The occupations that head the rows of a table near the top ("Job Title | Education | Median
    Pay" over a row per occupation): the page compares them."""
    names: list[str] = []
    for block in blocks[:TABLE_SCAN]:
        if block.kind != "table_row" or block.header or not block.cells:
            continue
        cell = block.cells[0].strip()
        found = occupations_in(cell)
        # "Pastry Chef": a cell that ends with an occupation, a short name, is one.
        if (found and found[-1].end == len(cell) and len(cell.split()) <= MAX_ROLE_WORDS
                and is_occupation(cell) and canonical(cell) not in names):
            names.append(canonical(cell))
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


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


ACRONYM_DEFINITION = re.compile(r"\((?P<ac>[A-Z][A-Za-z.]{1,7}?)s?\)")
# r"\b[A-Z]{2,6}s?\b" written to open with a character class, so that the engine skips ahead to
# capitals (3 times faster on a whole article); the lookbehind is the word boundary before it.
CAPITAL_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{1,5}s?\b")


def build_roles(names: list[str], body: str) -> list[RoleInfo]:
    """Roles with the surface forms the body uses: plural, lower case, acronym, unique head noun."""
    heads = [n.split()[-1].lower() for n in names]
    introduced = [(body[max(0, m.start() - 80) : m.start()].rstrip().lower(), m.group("ac"))
                  for m in ACRONYM_DEFINITION.finditer(body)]
    capitals = set(CAPITAL_WORD.findall(body))
    roles: list[RoleInfo] = []
    seen: set[str] = set()
    for name, head in zip(names, heads, strict=True):
        rid = slug(name)
        if rid in seen:
            continue
        seen.add(rid)
        low = name.lower()
        words = low.split()
        forms = {low, " ".join(words[:-1] + [plural(words[-1])])}
        if len(words) > 1 and heads.count(head) == 1:
            forms |= {head, plural(head)}
        if len(words) > 1 and head in CLIPPED_HEADS:  # "HVAC technician" -> "HVAC tech(s)"
            clipped = " ".join([*words[:-1], CLIPPED_HEADS[head]])
            forms |= {clipped, clipped + "s"}  # clipped words take -s: "techs", not "teches"
        # "Nurse practitioners (NPs)" introduces an acronym for the role.
        for before, acr in introduced:
            if any(before.endswith(variant) for variant in forms):
                forms |= {acr.lower(), acr.lower() + "s"}
        if len(words) > 1:
            acr = "".join(w[0] for w in re.split(r"[\s-]+", low) if w)
            if acr.upper() in capitals or acr.upper() + "S" in capitals:
                forms |= {acr, acr + "s"}
        ordered = sorted(forms, key=lambda f: (-len(f), f))
        # Aliases are the surface forms extraction meets (``Facts.surfaces``), filled in by assemble.
        roles.append(RoleInfo(rid, name, tuple(ordered), occupation_of(name)))
    return roles
