"""The forms a body writes for a role: its name's own (plural, head noun, short forms), the names it
says the role goes by ("aircraft mechanics, usually called A&P mechanics or AMTs"), the clipped names
it uses ("rad techs" for radiologic technologists) and the acronyms it uses for it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import load_terms
from pipeline.rules.matcher import word_finditer
from pipeline.rules.nouns import plural, singular
from pipeline.rules.occupations import alias_words, formal_names
from pipeline.rules.role_names import (
    CLIPPED_HEADS,
    abbreviates,
    called_after,
    is_acronym,
    names_occupation,
    plural_names,
    short_forms,
)
from pipeline.rules.titles import AGENT_NOUN, SMALL_WORDS

# What another name of a role can be: an acronym ("AMTs") or words ending in the role's head noun, its
# clipped form or another occupation's head noun ("home appliance repairers, usually called
# appliance techs").
OTHER_HEADS = load_terms("occupation_heads.txt") | set(CLIPPED_HEADS.values())
CALLED_NAME = re.compile(r"[A-Z][A-Z&]{1,6}s?|[\w&'-]+(?: [\w&'-]+){0,3}")
CALLED_END = re.compile(r"[().;:]|\s[-–—]\s")
# "or just fab techs": the words that open a name given second ("and" opens another noun phrase).
CALLED_OPENER = re.compile(r"^(?:or\s+)?(?:just\s+|simply\s+)?")
# "shortened to FDs in the trade": where a name is so called ends it.
CALLED_PLACE = re.compile(r"\s+(?:in|at|on|among|across|throughout|around|within)\s.*$")
# "usually called room attendants (RAs)": another name introduced with its initials.
NAME_WITH_INITIALS = re.compile(r"(?P<name>[A-Za-z][\w'-]*(?: [\w'-]+){0,3}) \((?P<acr>[A-Z]{2,6})s?\)")
# The fewest words a formal name without its first word keeps to be the role's name.
FORMAL_TAIL_WORDS = 3


def called_names(forms: Iterable[str], head: str, body: str) -> set[str]:
    """The other names the body says the role goes by ("aircraft mechanics, usually called A&P mechanics
    or AMTs"), lower case, singular and plural: acronyms, and names ending in the role's head noun."""
    out: set[str] = set()
    for at in called_after(forms, body):
        aside = body[at : at + 80]
        out |= _names_with_initials(aside)
        stop = CALLED_END.search(aside)
        for part in re.split(r",\s*|\s+or\s+", aside[: stop.start() if stop else len(aside)])[:2]:
            name = CALLED_PLACE.sub("", CALLED_OPENER.sub("", part.strip()))
            if not CALLED_NAME.fullmatch(name) or name.startswith("and "):
                continue
            if name.rstrip("s").isupper():
                acronym = name.lower().removesuffix("s")
                out |= {acronym, acronym + "s"}
            elif singular(name.split()[-1].lower()) in {head, CLIPPED_HEADS.get(head), *OTHER_HEADS}:
                words = name.lower().split()
                one = " ".join([*words[:-1], singular(words[-1])])
                out |= {one, " ".join([*words[:-1], plural(singular(words[-1]))])}
    return out


def _names_with_initials(aside: str) -> set[str]:
    """The names an aside gives with their initials ("room attendants (RAs) or guest service agents
    (GSAs)"), lower case, singular and plural, and the initials."""
    out: set[str] = set()
    for m in NAME_WITH_INITIALS.finditer(aside[: next((i for i, c in enumerate(aside) if c in ".;:"), len(aside))]):
        words = m.group("name").lower().split()
        for k in range(len(words)):
            if "".join(w[0] for w in words[k:]) == m.group("acr").lower():
                one = " ".join([*words[k:-1], singular(words[-1])])
                acronym = m.group("acr").lower()
                out |= {one, plural(one), acronym, acronym + "s"}
                break
    return out


# How often the body must write a clipped name ("rad techs") for it to be the role's.
MIN_CLIPPED_USES = 2


def clipped_forms(name: str, body: str) -> set[str]:
    """The clipped names the body writes for the role ("rad techs" for "Radiologic Technologist", "nuc
    med techs"): as many words, each no longer than the name's and starting it, used at least twice;
    for a name of three words or more, also its first word and head noun so clipped ("env techs" for
    environmental science technicians)."""
    words = name.lower().split()
    if len(words) < 2:
        return set()
    out = _clipped(words, name, body)
    return out | _clipped([words[0], words[-1]], name, body) if len(words) > 2 else out


def _clipped(words: list[str], name: str, body: str) -> set[str]:
    pattern = r"\s+".join(re.escape(w[:3]) + r"[a-z]*" for w in words) + r"(?![\w-])"
    counts: Counter[str] = Counter(m.group(0).lower() for m in word_finditer(pattern, body, re.IGNORECASE))
    out: set[str] = set()
    for phrase, n in counts.items():
        *lead, last = phrase.split()
        one = [*lead, singular(last)]
        short = all(len(a) <= len(b) for a, b in zip(one, words, strict=True))
        if n >= MIN_CLIPPED_USES and short and one != words and abbreviates(" ".join(one), name):
            out |= {" ".join(one), " ".join([*lead, one[-1] + "s"])}
    return out


def own_forms(name: str, body: str, short: str | None, same: list[str], head: str | None) -> set[str]:
    """A role's forms from its names: lower case and plural, its head noun (``head``, given where no
    other role's name has it), its short forms, those of the title's short name (``short``) and the
    other names of its occupation the body uses (``same``)."""
    low = name.lower()
    forms = {low, *plural_names(low, body)}
    if " " in low:
        forms |= short_forms(name)
        if head is not None:
            # Where no other role has its head noun: the head alone ("reps" too) and, for a longer
            # name, its first word with it ("wholesale reps" for wholesale sales representatives).
            heads = {head, CLIPPED_HEADS.get(head, head)}
            forms |= {f for h in heads for f in (h, plural(h))}
            if len(low.split()) > 2:
                forms |= {f"{low.split()[0]} {f}" for h in heads for f in (h, plural(h))}
    if short is not None:
        forms |= short_forms(short)
        # Writers drop the words before an acronym: "PV installers" for "solar PV installers".
        words = short.split()
        at = next((i for i, w in enumerate(words[1:-1], start=1) if is_acronym(w)), 0)
        if at:
            forms |= short_forms(" ".join(words[at:]))
    for other in same:
        forms |= {other.lower(), *plural_names(other.lower(), body)}
    return forms


def tail_forms(name: str, names: list[str]) -> set[str]:
    """"Hardware engineers" for computer hardware engineers: a name of three words or more without
    its first, where no other role's name ends so."""
    words = name.lower().split()
    if len(words) < 3:
        return set()
    tail = " ".join(words[-2:])
    if any(other != name and other.lower().endswith(tail) for other in names):
        return set()
    return {tail, " ".join([words[-2], plural(words[-1])])}


def lead_forms(name: str, names: list[str]) -> set[str]:
    """"Farm mechanics" for farm equipment mechanics: a name of three words or more with its first word
    and its head noun alone, where no other role's name opens with that word."""
    words = name.lower().split()
    if len(words) < 3:
        return set()
    if any(other != name and other.lower().split()[0] == words[0] for other in names):
        return set()
    return {f"{words[0]} {words[-1]}", f"{words[0]} {plural(words[-1])}"}


# How often the body must write a word of the role's name before "techs" ("glass techs") for it to name
# the role.
MIN_TECH_USES = 2
# " techs" found first and the word before it read after: a scan led by a literal is the fast one.
TECH_USE = re.compile(r" [Tt]echs?\b")
WORD_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]+)$")


def tech_forms(name: str, names: list[str], body: str) -> set[str]:
    """"Body techs" for auto body repairers, "glass techs" for auto glass installers: the trade's "<word>
    techs", where the word is one of the role's name before its head that no other role's name has and
    the body writes it so at least twice."""
    *mods, _ = name.lower().split()
    others = {w for other in names if other != name for w in other.lower().split()}
    own = {w for w in mods if w not in others and w not in SMALL_WORDS}
    if not own:
        return set()
    counts = _tech_words(body)
    return {f"{w} {t}" for w in own if counts[w] >= MIN_TECH_USES for t in ("tech", "techs")}


@text_cache(maxsize=64)
def _tech_words(body: str) -> Counter[str]:
    """How often the body writes each word before "techs"."""
    found = (WORD_BEFORE.search(body, max(0, m.start() - 30), m.start()) for m in TECH_USE.finditer(body))
    return Counter(m.group(1).lower() for m in found if m is not None)


# How often the body must write a head noun after initials ("CM operators") for them to name the role.
MIN_INITIALED_USES = 2
INITIALED_HEAD = re.compile(r"\b([A-Z]{2,4}) ([a-z]+)\b")


def initialed_forms(name: str, body: str) -> set[str]:
    """ "CM operators" for continuous mining machine operators, "EM techs" for electro-mechanical
    technicians: the role's head noun, or its clipped head, after initials that open those of its other
    words (hyphened ones each), where the body writes them so at least twice."""
    *mods, head = name.lower().split()
    parts = [p for w in mods for p in w.split("-") if p]
    if len(parts) < 2:
        return set()
    letters = "".join(w[0] for w in parts).upper()
    # The head may be clipped ("IE techs" for industrial engineering technicians).
    heads = {head, CLIPPED_HEADS.get(head, head)}
    counts = Counter((m.group(1), singular(m.group(2).lower())) for m in INITIALED_HEAD.finditer(body)
                     if singular(m.group(2).lower()) in heads and letters.startswith(m.group(1)))
    return {f"{acr.lower()} {f}" for (acr, one), n in counts.items() if n >= MIN_INITIALED_USES
            for f in (one, plural(one))}


def acronym_forms(name: str, forms: set[str], introduced: list[tuple[str, str]], capitals: set[str]) -> set[str]:
    """The acronyms a body uses for a role: one it introduces after a form ("Nurse practitioners
    (NPs)"), and the name's initials where the body writes them in capitals."""
    out: set[str] = set()
    for before, acr in introduced:
        if any(before.endswith(variant) for variant in forms):
            out |= {acr.lower(), acr.lower() + "s"}
    words = name.lower().split()
    if len(words) > 1:
        acr = "".join(w[0] for w in re.split(r"[\s-]+", name.lower()) if w)
        if acr.upper() in capitals or acr.upper() + "s" in capitals:
            out |= {acr, acr + "s"}
    return out


def occupation_forms(code: str, lowered: str) -> set[str]:
    """"Health education specialists" for a health educator, "lineworkers" for an electrical power-line
    installer: the formal names and one-word aliases of the occupation that the body (in lower case)
    writes; for a role no other role shares the occupation with."""
    formal = [n for full in formal_names().get(code, ()) for n in (full, formal_tail(full)) if n]
    forms = {f for n in formal if n in lowered for f in (n, plural(n))}
    words = [n for n in alias_words().get(code, ()) if n in lowered]  # then only whole words count
    return forms | {f for n in words for f in (n, plural(n)) if re.search(rf"\b{re.escape(f)}\b", lowered)}


def formal_tail(name: str) -> str:
    """A formal name of four words or more without its first ("binding and finishing worker" for print
    binding and finishing workers), where the words left open with no small word ("and", "of"); else "".
    Two words left are too general a name ("service mechanic")."""
    rest = name.partition(" ")[2]
    return rest if len(rest.split()) >= FORMAL_TAIL_WORDS and rest.split()[0] not in SMALL_WORDS else ""


def compound_forms(name: str, names: list[str], lowered: str) -> set[str]:
    """The shorter word the body (lower case) uses for a one-word name: the longest head a closed compound
    ends with ("platers" for electroplaters, not "later"), written in the plural, as people are, at least
    twice, and ending no other role's name."""
    low = name.lower()
    if " " in low:
        return set()
    others = [n.lower() for n in names if n.lower() != low]
    for k in range(3, len(low) - MIN_COMPOUND_HEAD + 1):
        head = low[k:]
        person = AGENT_NOUN.fullmatch(head) is not None or names_occupation(head)
        if person and not any(o.endswith(head) for o in others) and len(
                re.findall(rf"\b{re.escape(plural(head))}\b", lowered)) >= MIN_COMPOUND_USES:
            return {head, plural(head)}
    return set()


# A closed compound's head is this long at least ("plater"), and the body writes it this often.
MIN_COMPOUND_HEAD, MIN_COMPOUND_USES = 5, 2
