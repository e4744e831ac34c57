"""How many roles the names a body uses are: one occupation it names several ways ("lineworkers",
"power-line installers") is one role; a coordinated name whose members each head a section
("Orthotists and prosthetists" over "What orthotists do" and "What prosthetists do") is several;
the members a group title lists; and whether a table row's occupation is one the page is about. Also
how a body's mentions of the occupations it names add up: its acronyms, its other names, the shorter
names a longer one spells out."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from pipeline.rules.loader import load_terms, matcher, regex
from pipeline.rules.matcher import trie_pattern, word_finditer
from pipeline.rules.nouns import singular
from pipeline.rules.occupations import occupation_of, occupations_in
from pipeline.rules.others import modifies_noun
from pipeline.rules.role_cues import named_in
from pipeline.rules.role_forms import called_names
from pipeline.rules.role_names import (
    CLIPPED_HEADS,
    abbreviates,
    any_form,
    key_word,
    plural_names,
    role_name,
)
from pipeline.rules.titles import canonical
from pipeline.rules.words import parts_of_speech
from pipeline.types import Block

OCCUPATION_HEADS = load_terms("occupation_heads.txt")
MEMBER_SPLIT = regex("role_patterns.jsonl", "member-split")
FIRST_PERSON_ROLE = regex("role_patterns.jsonl", "first-person-role")
FIRST_PERSON_AS = regex("role_patterns.jsonl", "first-person-as-role")
PUPIL_GRADE = regex("role_patterns.jsonl", "pupil-grade")
PUPIL_REACH = 12  # characters before "grader" an ordinal may take
FIRST_PERSON_AFTER = re.compile(r"s?,?\s+I\b")
# What the first-person rules need: a capital "I" as a word (its literal letter is quick to look
# for) or the words the gate of the case-blind "I'm a" rule reads.
WRITER = re.compile(r"I(?![\w'’])|I['’]")
FIRST_PERSON_GATE = matcher("role_patterns.jsonl", "first-person-role")
# A table row's occupation is a role the page compares where its prose names it this often.
TABLE_ROLE_MENTIONS = 2
# The shortest word a one-word name written as two may split into ("pipe" of "pipelayer").
MIN_PART = 3
FUNCTION_WORDS = load_terms("function_words.txt")
# "animal technicians": a word and an occupation's head noun, as a role's name the gazetteer lacks.
HEAD_NOUN_NAME = re.compile(r"\b([A-Za-z][a-z-]+) (" + trie_pattern(OCCUPATION_HEADS) + r")s?\b", re.IGNORECASE)
# How often the body must give such a name, and how many of them may be roles.
HEAD_NOUN_USES = 3
HEAD_NOUN_NAMES = 2
ACRONYM = regex("role_patterns.jsonl", "acronym")
ACRONYM_AFTER = regex("role_patterns.jsonl", "acronym-after")
# How many paragraphs count as the page's opening, where a mention weighs more.
OPENING_PARAGRAPHS = 4


def members(title: str) -> list[str]:
    """The occupations a group title lists: "Nurse Anesthetists, Nurse Midwives, and Nurse
    Practitioners" -> three; a lone general head takes the first member's modifiers
    ("Physical Therapist Assistants and Aides" -> "Physical Therapist Aides")."""
    parts = [p.strip() for p in MEMBER_SPLIT.split(title) if p.strip()]
    modifiers = " ".join(parts[0].split()[:-1]) if parts else ""
    return [f"{modifiers} {p}" if modifiers and " " not in p and key_word(p) in OCCUPATION_HEADS else p
            for p in parts]


def split_compared(score: Counter[str], first: dict[str, tuple[int, int]], headed: Callable[[str], bool]) -> None:
    """"Orthotists and prosthetists": a coordinated name whose members a section heading each names
    is the roles the page compares, each counted with the whole name's mentions."""
    for name in [n for n in score if " and " in n or "," in n]:
        parts = [canonical(p) for p in members(name)]
        if len(parts) > 1 and all(headed(p) for p in parts):
            count, at = score.pop(name), first.pop(name)
            for part in parts:
                score[part] += count
                first[part] = min(first.get(part, at), at)


def head_noun_names(body: str) -> list[str]:
    """The names made of a noun or an adjective and an occupation's head noun that the body gives
    most often ("animal technicians", "Animal technician"): the names of a page's roles where the
    gazetteer knows none."""
    uses: Counter[str] = Counter()
    for m in HEAD_NOUN_NAME.finditer(body):
        word = m.group(1).lower()
        pos = parts_of_speech(word)
        # Not a participle ("trained technicians"): a noun or an adjective.
        if word not in FUNCTION_WORDS and pos & {"NOUN", "ADJ"} and not (word.endswith("ed") and "VERB" in pos):
            uses[f"{word} {m.group(2).lower()}"] += 1
    return [name.title() for name, n in uses.most_common(HEAD_NOUN_NAMES) if n >= HEAD_NOUN_USES]


def count_acronyms(score: Counter[str], acronyms: dict[str, str], body: str) -> None:
    """An acronym ("RNs") counts for the name it stands for: defined after it, or its initials."""
    for name in list(score):
        initials = "".join(w[0] for w in re.split(r"[\s-]+", name) if w).upper()
        if len(initials) > 1:
            acronyms.setdefault(initials, name)
    for acr, name in acronyms.items():
        score[name] += len(re.findall(r"\b" + acr + r"s?\b", body))


def merge_shorter(score: Counter[str], first: dict[str, tuple[int, int]], body: str) -> None:
    """"Controllers" after "air traffic controllers", "Pharmacy Tech" beside "Pharmacy Technician": a
    name another candidate ends with or spells out counts for that one (the best scored), not as an
    occupation of its own; but a longer name the page writes less than the one it ends with is a kind
    of it ("cruise line dancers" once beside "dancers" throughout) and counts for the shorter, unless
    the writer gives it as their own job ("I'm a medical physicist")."""
    for name in sorted(score, key=len):
        if name not in score:
            continue
        spelled = [m for m in score if m != name and spells_out(name, m)]
        longer = spelled + [m for m in score if m != name and m not in spelled
                            and m.lower().endswith(" " + name.lower())]
        if longer:
            # "Network Admin" is "Network Administrator" more than "Network and Computer Systems Administrator".
            closest = [m for m in longer if len(m.split()) == len(name.split())]
            best = max(closest or longer, key=lambda m: score[m])
            kind = score[name] > score[best] and best not in spelled and not own_job(best, body)
            kept, gone = (name, best) if kind else (best, name)
            score[kept] += score.pop(gone)
            first[kept] = min(first[kept], first.pop(gone))


def own_job(name: str, body: str) -> bool:
    """Whether the writer says the name is their job ("I'm a medical physicist", "As a slot supervisor,
    I ...")."""
    if WRITER.search(body) is None and not FIRST_PERSON_GATE.may_match(body):
        return False  # no "I": the cheap answer for most pages
    return any(FIRST_PERSON_ROLE.search(body, max(0, m.start() - 30), m.start())
               or (FIRST_PERSON_AS.search(body, max(0, m.start() - 6), m.start()) is not None
                   and FIRST_PERSON_AFTER.match(body, m.end()) is not None)
               for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"\b", body, re.IGNORECASE))


def spells_out(short: str, full: str) -> bool:
    """The full name spells the short one out ("Pharmacy Technician" for "Pharmacy Tech"): it
    abbreviates it and the gazetteer gives both one code, or the short one clips the full one's head
    ("Network Admin" for "Network Administrator"). A group's coordinated name ("Network and Computer
    Systems Administrators") spells out none: the page's own name for the role is the shorter."""
    if len(full) <= len(short) or " and " in full or "," in full or not abbreviates(short, full):
        return False
    clipped = CLIPPED_HEADS.get(singular(full.split()[-1].lower())) == singular(short.split()[-1].lower())
    return clipped or occupation_of(short) == occupation_of(full)


def count_other_names(score: Counter[str], first: dict[str, tuple[int, int]], body: str) -> None:
    """"Home appliance repairers, usually called appliance techs": each use of another name the body
    says an occupation goes by counts for it, and that name is no candidate of its own."""
    for name in list(score):
        if name not in score:
            continue
        low = name.lower()
        own = plural_names(low, "")
        others = called_names(own, singular(low.split()[-1]), body) - own
        if not others:
            continue
        score[name] += sum(1 for _ in word_finditer(any_form(others), body))
        for other in [n for n in score if n != name and n.lower() in others]:
            del score[other]
            first[name] = min(first[name], first.pop(other))


def one_per_occupation(names: list[str], headed: Callable[[str], bool]) -> tuple[list[str], dict[str, list[str]]]:
    """Names of one SOC occupation that a body uses in turn ("lineworkers", "power-line installers")
    are one role, named as the page first names it, the others its forms; unless a section heading
    names each, or an opening sentence sets them side by side ("X do this, and Y do that"): then the
    page compares two jobs the SOC does not tell apart. ``names``: in the order
    the page first names them."""
    kept: list[str] = []
    same: dict[str, list[str]] = {}
    for name in names:
        code = occupation_of(name)
        one = next((k for k in kept if code is not None and occupation_of(k) == code
                    and not (headed(name) and headed(k))), None)
        if one is None:
            kept.append(name)
        else:
            same.setdefault(one, []).append(name)
    return kept, same


def merge_occupations(score: Counter[str], first: dict[str, tuple[int, int]],
                      headed: Callable[[str], bool]) -> dict[str, list[str]]:
    """One occupation's names (``one_per_occupation``) count together, under the name the page first
    gives it, a group's coordinated name ("network and computer systems administrators") only where
    it has no other; returns each kept name's others."""
    order = sorted(score, key=lambda n: ("," in n or " and " in n, first[n]))
    _, same = one_per_occupation(order, headed)
    for name, others in same.items():
        score[name] += sum(score.pop(o) for o in others)
        first[name] = min(first[name], *(first.pop(o) for o in others))
    return same


def page_name(name: str, prose: str) -> str:
    """A table's group name ("Soil and Plant Scientists") gives way to the name of its occupation, or
    of one it holds, that the prose (lower case) writes more than once ("soil scientists")."""
    code = occupation_of(name) if " and " in name or "," in name else None
    if code is None:
        return name
    group = code[0].rstrip("0")
    counts = Counter(canonical(o.text) for o in occupations_in(prose)
                     if " and " not in o.text and "," not in o.text and o.soc.startswith(group))
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] >= TABLE_ROLE_MENTIONS else name


def prose_of(blocks: list[Block]) -> str:
    """A page's text outside its tables, lower case: where ``named_in_prose`` looks."""
    return " ".join(b.text for b in blocks if b.kind != "table_row").lower()


def named_in_prose(name: str, prose: str, rows: Sequence[str] = ()) -> bool:
    """Whether the page's prose (lower case) names an occupation at least ``TABLE_ROLE_MENTIONS`` times,
    by its name, a one-word name as two ("pipe layers" for pipelayers), by its modifiers' initials
    ("OT aides") or its modifier as a possessive ("roofer's helpers"); beside the other ``rows`` of a table, also
    by the shorter forms where no other row has its head noun: the head noun ("hygienists" for dental
    hygienists), its first word and head noun ("CNC operators" for CNC machine operators); and by its
    last modifier and head noun where no other row ends with them ("compressor operators")."""
    low = canonical(name).lower()
    short = _short_names(low, [canonical(r).lower().split() for r in rows if canonical(r).lower() != low])
    forms = sorted({low, *plural_names(low, ""), *short, *(f for s in short for f in plural_names(s, ""))},
                   key=len, reverse=True)
    return len(re.findall(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b", prose)) >= TABLE_ROLE_MENTIONS


def _short_names(low: str, others: list[list[str]]) -> list[str]:
    """The shorter forms ``named_in_prose`` also counts for a name (lower case), beside ``others`` rows."""
    *mods, head = low.split()
    # "OT aides" for occupational therapy aides: the modifiers' initials before the head noun.
    short = [f"{''.join(w[0] for w in mods)} {head}"] if len(mods) > 1 else []
    # "roofer's helpers" for roofer helpers: the modifier as a possessive.
    short += [f"{' '.join(mods)}{mark}s {head}" for mark in "'’"] if mods else []
    if not mods:
        short += [f"{low[:k]}{gap}{low[k:]}" for k in range(MIN_PART, len(low) - MIN_PART + 1) for gap in " -"]
    if others and mods:
        short += [s for s in (head, f"{mods[0]} {head}") if s != low and not any(o[-1] == head for o in others)]
    if others and len(mods) > 1 and not any(o[-2:] == [mods[-1], head] for o in others):
        short.append(f"{mods[-1]} {head}")  # "compressor operators" beside gas plant operators
    return short


def mention_scores(blocks: list[Block], unknown: list[str]) -> tuple[
        Counter[str], dict[str, tuple[int, int]], dict[str, str], Counter[str]]:
    """Each occupation the blocks name, weighed by where (headings, table rows and the opening
    paragraphs weigh more); where each is first named (block, offset); the acronyms defined; and
    the part of each score that table rows give."""
    score: Counter[str] = Counter()
    tabled: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    acronyms: dict[str, str] = {}
    paragraphs = 0
    for i, block in enumerate(blocks):
        weight = 1
        if block.kind in ("heading", "title", "table_row"):
            weight = 3
        elif block.kind == "paragraph":
            paragraphs += 1
            weight = 2 if paragraphs <= OPENING_PARAGRAPHS else 1
        text = block.cells[0] if block.kind == "table_row" and block.cells else block.text
        for name, at, counts in [*((n, at, True) for n, at in named_in(text, unknown)),
                                 *occupations_named(text, acronyms)]:
            first.setdefault(name, (i, at))
            if counts:
                score[name] += weight
                tabled[name] += weight if block.kind == "table_row" else 0
    return score, first, acronyms, tabled


def occupations_named(text: str, acronyms: dict[str, str]) -> list[tuple[str, int, bool]]:
    """The occupations a block names, where (a coordinated name, "general and operations managers",
    counts whole), and whether the use is a mention of its workers (not "the packer blade"); the
    acronyms it defines after one ("(RNs)") go to ``acronyms``."""
    found = []
    for occ in occupations_in(text):
        if ACRONYM.fullmatch(occ.text):
            continue  # an acronym ("RNs") counts for the full name it stands for
        if PUPIL_GRADE.search(text, max(0, occ.start - PUPIL_REACH), occ.end):
            continue  # "a second grader" is a pupil
        coordinated = "," in occ.text or " and " in occ.text
        name = role_name(canonical(occ.text)) if coordinated else canonical(occ.text)
        # "the packer blade" names a machine part: where the name is first met, but no mention of packers.
        found.append((name, occ.start, not modifies_noun(text, occ.end)))
        after = ACRONYM_AFTER.match(text, occ.end)
        if after:
            acronyms[after.group(1)] = name
    return found
