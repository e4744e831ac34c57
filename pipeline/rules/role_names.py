"""Role names: how a role is named from the words a text gives it. A group title's listed nouns
singular where they name people ("Accountant and Auditor", not "Benefit"); the plural forms a body
writes ("accountants and auditors"); a short name a body introduces by its full name ("automotive
service technicians, or auto techs"); the noun that comes with a name from its first use ("airline
dispatchers"). The roles stage asks."""

from __future__ import annotations

import re
from itertools import product

from pipeline.rules.loader import load_lexicon, load_terms, matcher, regex
from pipeline.rules.nouns import plural, singular
from pipeline.rules.occupations import exact_occupation, occupations_in
from pipeline.rules.titles import SMALL_WORDS, canonical
from pipeline.rules.words import parts_of_speech

OCCUPATION_HEADS = load_terms("occupation_heads.txt")
CLIPPED_HEADS = load_lexicon("clipped_heads.tsv")
GROUP_NOUN = regex("role_patterns.jsonl", "group-noun")
NOT_NAME_MODIFIER = regex("role_patterns.jsonl", "not-name-modifier")
INTRODUCED_AS = matcher("role_patterns.jsonl", "introduced-as")


def key_word(word: str) -> str:
    return canonical(word).lower()


def role_name(title: str) -> str:
    """"Accountants and Auditors" -> "Accountant and Auditor": each listed noun of the name's head
    that names people singular ("Compensation, Benefits, and Job Analysis Specialists" keeps its
    benefits; "Agents and Business Managers of Artists and Athletes": not the artists)."""
    head, of, rest = title.partition(" of ")
    return canonical(GROUP_NOUN.sub(lambda m: singular_person(m.group(1)), head) + of + rest)


# A noun that ends as agent nouns do: "auditors", "technologists", "musicians", "attendants".
AGENT_NOUN = re.compile(r".*(?:er|or|ist|ian|ant|ent|man|men)s?", re.IGNORECASE)


def singular_person(word: str) -> str:
    """The singular of a listed plural that names people (an agent noun, an occupation's head or
    name: "Coaches", "Orderlies"), else the word as it is ("Benefits", "News")."""
    one = singular(word)
    if one != word and (AGENT_NOUN.fullmatch(word) or key_word(one) in OCCUPATION_HEADS or exact_occupation(one)):
        return one
    return word


# Words before a role's name that may be part of it: a noun ("airline dispatchers").
MODIFIER = r"([A-Za-z][a-z]+)\s+"
# A modifier must come with the name this often, and at its first use, to be part of its name.
MIN_MODIFIED = 2


def fuller_name(name: str, body: str) -> str:
    """"Dispatcher" -> "Airline Dispatcher" where the body first writes "airline dispatchers" and
    writes it so again: a noun that comes with a name from its first use is part of it."""
    forms = "|".join(re.escape(f) for f in sorted({name.lower(), *plural_names(name.lower(), "")}, key=len,
                                                   reverse=True))
    found = list(re.finditer(r"(?<![\w-])" + MODIFIER + r"(?:" + forms + r")(?![\w-])", body, re.IGNORECASE))
    uses = re.search(r"(?<![\w-])(?:" + forms + r")(?![\w-])", body, re.IGNORECASE)
    if not found or uses is None or found[0].end() != uses.end():
        return name  # the name's first use has no modifier
    modifier = found[0].group(1).lower()
    same = sum(m.group(1).lower() == modifier for m in found)
    pos = parts_of_speech(modifier)
    if (same < MIN_MODIFIED or "NOUN" not in pos or "ADJ" in pos or modifier in SMALL_WORDS
            or NOT_NAME_MODIFIER.fullmatch(modifier)):
        return name
    return canonical(f"{modifier} {name}")


# A listed word of a lower-case name: the word before a comma or an "and" ("accountant and auditor").
LISTED_WORD = re.compile(r"[a-z][\w'-]*(?=,|\s+(?:and|&)\s)")
# A name listing more words than this is read with its head noun plural only.
MAX_LISTED = 5


def plural_names(name: str, body: str) -> set[str]:
    """"accountant and auditor" -> "accountant and auditors", and "accountants and auditors" where
    the body writes it so ("fish and game wardens" keeps "fish"); "supervisor of cooks" ->
    "supervisors of cooks": the head noun plural, and those of the words listed with it that the body
    writes plural (a qualifier at the end stays as it is)."""
    head, of, rest = name.partition(" of ")
    words = head.split()
    words[-1] = plural(words[-1])
    out = {" ".join(words) + of + rest}
    listed = [m for m in LISTED_WORD.finditer(head)]
    if not listed or len(listed) > MAX_LISTED:
        return out
    low = body.lower()
    for choice in product((False, True), repeat=len(listed)):
        text = head
        for m, many in reversed(list(zip(listed, choice, strict=True))):
            if many:
                text = text[: m.start()] + plural(m.group(0)) + text[m.end() :]
        parts = text.split()
        # A qualifier may end the name: "host and hostess, restaurant and lounge" ends with no head.
        for last in (plural(parts[-1]), parts[-1]):
            variant = " ".join([*parts[:-1], last]) + of + rest
            if variant in low:
                out.add(variant)
    return out


def short_forms(name: str) -> set[str]:
    """A name's singular and plural, and with a clipped head ("HVAC technician" -> "HVAC tech(s)")."""
    words = name.lower().split()
    # Clipped words take -s: "techs", not "teches".
    many = words[-1] + "s" if words[-1] in CLIPPED_HEADS.values() else plural(words[-1])
    forms = {" ".join(words), " ".join([*words[:-1], many])}
    if len(words) > 1 and words[-1] in CLIPPED_HEADS:
        clipped = " ".join([*words[:-1], CLIPPED_HEADS[words[-1]]])
        forms |= {clipped, clipped + "s"}  # clipped words take -s: "techs", not "teches"
    return forms


def abbreviates(short: str, full: str) -> bool:
    """"Auto Technician" abbreviates "automotive service technicians": each of its words starts a
    word of the full name, in order, the head nouns alike."""
    words, target = short.lower().split(), [singular(w) for w in full.lower().split()]
    if len(words) > len(target) or not target[-1].startswith(singular(words[-1])[:4]):
        return False
    at = 0
    for word in words:
        at = next((i + 1 for i in range(at, len(target)) if target[i].startswith(word[: max(3, len(word) - 2)])), -1)
        if at < 0:
            return False
    return True


def full_name(name: str, body: str) -> str:
    """The occupation's full name where the body gives it with the role's name as its short form
    ("Automotive service technicians, or auto techs" for "Auto Technician"), else the name."""
    forms = sorted(short_forms(name), key=len, reverse=True)
    pattern = r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])"
    for m in re.finditer(pattern, body, re.IGNORECASE):
        before = body[max(0, m.start() - 100) : m.start()]
        joint = INTRODUCED_AS.search(before)
        if joint is None:
            continue
        lead = before[: joint.start()]
        found = occupations_in(lead)
        last = found[-1].text if found and found[-1].end == len(lead) else ""
        if len(last) > len(name) and abbreviates(name, last):
            return canonical(last)
    return name
