"""roles: the occupations an article is about (from its title) and their surface forms in the body."""

from __future__ import annotations

import re

from pipeline.rules.titles import match_title, plural, title_roles
from pipeline.types import Block, Document, RoleInfo


def find_roles(doc: Document, title: str | None) -> list[RoleInfo]:
    """The article's roles: named by its title, else by profile-shaped headings ("What does a nurse do?")."""
    body = "\n".join(b.text for b in doc.blocks)
    return build_roles(title_roles(title or "") or heading_roles(doc.blocks), body)


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
        # "Nurse practitioners (NPs)" introduces an acronym for the role.
        for before, acr in introduced:
            if any(before.endswith(variant) for variant in forms):
                forms |= {acr.lower(), acr.lower() + "s"}
        if len(words) > 1:
            acr = "".join(w[0] for w in re.split(r"[\s-]+", low))
            if acr.upper() in capitals or acr.upper() + "S" in capitals:
                forms |= {acr, acr + "s"}
        ordered = sorted(forms, key=lambda f: (-len(f), f))
        # Aliases are the surface forms extraction meets (``Facts.surfaces``), filled in by assemble.
        roles.append(RoleInfo(rid, name, tuple(ordered)))
    return roles
