"""Group titles: the member occupations a title coordinates, and whether a page treats them as several.

"Financial Analysts and Advisors" coordinates two occupations that share the modifier "Financial":
financial analysts and financial advisors. "Fish and Game Wardens and Inspectors" coordinates
modifiers first ("Fish and Game": a part that ends in no plural noun modifies what follows), then
two nouns. A page that names each member on its own, apart from the group's phrase, treats them as
several occupations; one that only ever names the group treats it as one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.rules.nouns import singular
from pipeline.rules.occupations import exact_occupation

# Between the parts a title coordinates; the separators are kept to rejoin coordinated modifiers.
SEPARATOR = re.compile(r"(,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)")
# What joins two coordinated names in running text ("analysts and advisors", "operators or programmers").
COORDINATOR = r"\s*(?:,|\band\b|\bor\b|&|/)\s*(?:\b(?:and|or)\s+)?"
# Words that may stand between a coordinator and the other member's head ("and financial advisors").
BETWEEN = r"(?:[\w-]+\s+){0,3}?"
# A member is named on its own at least this often for the page to treat the members as several.
MIN_OWN_MENTIONS = 2


class Member(NamedTuple):
    """A member occupation of a group title: its name (the title's words, shared modifiers given
    to it), the words the title gives it alone ("Advisors"), its SOC code."""

    name: str
    own: str
    soc: str


def is_plural_noun(word: str) -> bool:
    """"Wardens", "Linemen"; not "Fish" or "Health", which modify the noun after them."""
    low = word.lower()
    return low.endswith("men") or (singular(word) != word and not low.endswith("ss"))


def coordinated(title: str) -> list[str]:
    """The noun phrases a title coordinates: "Fish and Game Wardens and Inspectors" -> ["Fish and
    Game Wardens", "Inspectors"]."""
    pieces = SEPARATOR.split(title.strip())
    parts: list[str] = []
    pending = ""
    for i in range(0, len(pieces), 2):
        words = pieces[i].split()
        if not words:
            return []
        pending += pieces[i]
        if i + 1 < len(pieces) and not is_plural_noun(words[-1]):
            pending += pieces[i + 1]  # a modifier of what follows: keep its separator
            continue
        parts.append(pending.strip())
        pending = ""
    return parts


def detailed(name: str) -> str | None:
    """The detailed SOC code a name is (a code ending in 0 is a group, or an OEWS merged code)."""
    entry = exact_occupation(name)
    return entry.soc if entry is not None and not entry.soc.endswith("0") else None


def title_members(title: str) -> list[Member]:
    """The members of a group title when each is a different detailed occupation, else none. A later
    part takes the first part's modifiers where that names an occupation ("Advisors" -> "Financial
    Advisors", and so can a part of several words), and then the first part's own words are its head
    ("Analysts"). A title the gazetteer knows as one detailed occupation has no members; one it
    knows as a group has members of that group only ("Locomotive Engineers and Operators": no
    operator of another group)."""
    parts = coordinated(title)
    whole = exact_occupation(title)
    if len(parts) < 2 or detailed(title) is not None:
        return []
    first = parts[0].split()
    modifiers = " ".join(first[:-1])
    out: list[Member] = []
    shared = False
    for part in parts[1:]:
        name = f"{modifiers} {part}" if modifiers else part
        soc = detailed(name) if modifiers else None
        if soc is not None:
            shared = True
        else:
            name, soc = part, detailed(part)
        if soc is None:
            return []
        out.append(Member(name, part, soc))
    soc = detailed(parts[0])
    if soc is None:
        return []
    members = [Member(parts[0], first[-1] if shared else parts[0], soc), *out]
    group = whole.soc.rstrip("0") if whole is not None else ""
    if len({m.soc for m in members}) < len(members) or not all(m.soc.startswith(group) for m in members):
        return []
    return members


def mention(words: str) -> str:
    """A member's own words in running text, singular or plural: "tool programmers?"."""
    tokens = [re.escape(w) for w in singular(words).lower().split()]
    tokens[-1] = tokens[-1] + r"(?:s|es)?"
    return r"\b" + r"\s+".join(tokens) + r"\b"


def own_mentions(member: Member, others: list[Member], text: str) -> int:
    """How often the text names a member apart from the group: mentions coordinated with another
    member's head ("analysts and advisors", "operators or programmers") name the group."""
    heads = "|".join(mention(m.own.split()[-1]) for m in others)
    before = re.compile(r"(?:" + heads + r")" + COORDINATOR + BETWEEN + r"$", re.IGNORECASE)
    after = re.compile(COORDINATOR + BETWEEN + r"(?:" + heads + r")", re.IGNORECASE)
    count = 0
    for m in re.finditer(mention(member.own), text, re.IGNORECASE):
        window = text[max(0, m.start() - 60) : m.start()]
        if not before.search(window) and not after.match(text, m.end(), m.end() + 60):
            count += 1
    return count


def several_members(title: str, body: str) -> list[Member]:
    """The members of a group title when the body names each on its own, else none."""
    members = title_members(title)
    if not members or not body:
        return []
    for member in members:
        others = [m for m in members if m is not member]
        if own_mentions(member, others, body) < MIN_OWN_MENTIONS:
            return []
    return members
