"""roles: the occupations an article is about (from its title) and their surface forms in the body."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import load_terms
from pipeline.rules.titles import match_title, plural, singular, title_roles
from pipeline.rules.words import can_be_adjective
from pipeline.types import Block, Document, Mention, RoleInfo


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


@lru_cache(maxsize=4096)
def _form_regex(form: str) -> re.Pattern[str]:
    flags = 0 if len(form) <= 5 and form.isalpha() and _is_acronym_form(form) else re.IGNORECASE
    text = re.escape(form)
    if flags == 0:
        text = re.escape(form.upper().rstrip("S")) + ("s" if form.endswith("s") else "")
    return re.compile(r"(?<![\w-])" + text + r"(?:'s|’s|s'|s’)?(?![\w-])", flags)


def _is_acronym_form(form: str) -> bool:
    return len(form.rstrip("s")) <= 4 and form.rstrip("s") not in OCCUPATION_HEADS


OCCUPATION_HEADS = load_terms("occupation_heads.txt")
ROLE_MODIFIERS = load_terms("role_modifiers.txt")
TASK_VERBS = load_terms("duty_verbs.txt")


def find_mentions(roles: list[RoleInfo], text: str) -> list[Mention]:
    """Non-overlapping role mentions, longest form first.

    A form followed by another occupation's head noun ("SLP assistants", "nurse aides") names that
    other occupation, not the role.
    """
    return list(_find_mentions(tuple([r.signature for r in roles]), text))


@text_cache(maxsize=16384)
def _find_mentions(signature: tuple[tuple[str, str, tuple[str, ...]], ...], text: str) -> tuple[Mention, ...]:
    taken: list[Mention] = []
    elliptic, forms, names, heads = _finder(signature)
    for regex, rid in elliptic:
        taken.extend(Mention(m.start(1), m.end(1), rid) for m in regex.finditer(text))
    lowered = text.lower()
    for form, stem, rid in forms:
        if stem not in lowered:
            continue
        for m in _form_regex(form).finditer(text):
            if any(m.start() < t.end and t.start < m.end() for t in taken):
                continue
            if _used_as_verb(text, m):
                continue
            follower = FOLLOWING_HEAD.match(text, m.end())
            if follower and singular(follower.group(1).lower()) in OCCUPATION_HEADS:
                continue
            start = m.start()
            if form in heads.get(rid, ()):
                if _modified(text, start, names[rid]):
                    continue
                # "Lab technicians" for Medical Laboratory Technician: the modifier is part of the mention.
                prev = PRECEDING_WORD.search(text[max(0, start - 40) : start])
                if prev and any(w.startswith(prev.group(1).lower()) for w in names[rid][:-1]):
                    start -= len(prev.group(0))
            if any(start < t.end and t.start < m.end() for t in taken):
                continue
            taken.append(Mention(start, m.end(), rid))
    return tuple(sorted(taken, key=lambda t: t.start))


@lru_cache(maxsize=256)
def _finder(signature: tuple[tuple[str, str, tuple[str, ...]], ...]) -> tuple[
        list[tuple[re.Pattern[str], str]], list[tuple[str, str, str]], dict[str, list[str]], dict[str, set[str]]]:
    """What mention finding needs of a set of roles, worked out once: the elliptic patterns, every
    form (longest first, with the stem that must occur for it to), the names' words and head nouns."""
    elliptic = _elliptic(tuple((name, rid) for rid, name, _ in signature))
    # A form's regex needs the form itself (any case) in the text: a substring test rules most out.
    forms = sorted(((form, form, rid) for rid, _, role_forms in signature for form in role_forms),
                   key=lambda fr: (-len(fr[0]), fr[0]))
    names = {rid: name.lower().split() for rid, name, _ in signature}
    heads = {rid: {w, plural(w)} for rid, words in names.items() if len(words) > 1 for w in [words[-1]]}
    return elliptic, forms, names, heads


@lru_cache(maxsize=1024)
def _elliptic(named: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern[str], str]]:
    """"UX and UI designers", "web or software developers": a modifier standing for a whole role."""
    out: list[tuple[re.Pattern[str], str]] = []
    for name, rid in named:
        *mod, head = name.lower().split()
        if not mod:
            continue
        others = [o.lower().split() for o, oid in named if oid != rid and o.lower().split()[-1] == head]
        for other in others:
            pattern = (r"(?<![\w-])(" + re.escape(" ".join(mod)) + r")\s*(?:and|or|&|/)\s*(?="
                       + re.escape(" ".join(other[:-1])) + r"\s+" + re.escape(head) + r")")
            out.append((re.compile(pattern, re.IGNORECASE), rid))
    return out


PRECEDING_WORD = re.compile(r"([A-Za-z][\w-]*)\s+$")


def _modified(text: str, start: int, name_words: list[str]) -> bool:
    """A bare head noun after a noun that is not in the role's name: "plant operators" is another job.

    Adjectives ("specialized drivers"), the role's own words ("lab technicians", "home health and
    personal care aides") and determiners keep the mention.
    """
    window = text[max(0, start - 40) : start]
    prev = PRECEDING_WORD.search(window)
    if not prev:
        return False
    word = prev.group(1).lower()
    if word in ROLE_MODIFIERS or "-" in word or any(w.startswith(word) for w in name_words[:-1]):
        return False
    if word in TASK_VERBS:
        return False  # "companies hire drivers": a verb before the head noun, not a modifier
    if any(re.search(r"\b" + re.escape(w) + r"\b", window, re.IGNORECASE) for w in name_words[:-1]):
        return False
    return not can_be_adjective(word) and not word.endswith(("ed", "ing"))


VERB_CONTEXT = re.compile(r"\b(?:may|might|can|could|must|will|would|should|to|they|we|you|i|also|often|usually|who|"
                          r"that|and then)\s+$", re.IGNORECASE)


def _used_as_verb(text: str, m: re.Match[str]) -> bool:
    """A role name that is also a verb ("Cook", "Nurse", "Coach"), used as one: "chefs may cook at home"."""
    word = m.group(0)
    if " " in word or not word.islower() or word.endswith(("s", "'", "’")):
        return False
    return VERB_CONTEXT.search(text, max(0, m.start() - 12), m.start()) is not None


FOLLOWING_HEAD = re.compile(r"[ -]([A-Za-z]+)\b")
