"""Role mentions: where a text names one of an article's roles, by the role's surface forms.

A form followed by another occupation's head noun ("SLP assistants", "nurse aides") names that
other occupation; a bare head noun after another noun ("plant operators"), a noun compound
("X-ray technologists") or words that make with it an occupation the gazetteer knows ("surgical
technologists") is another job; a role name used as a verb ("chefs may cook") is no mention.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import load_terms, regex
from pipeline.rules.nouns import plural, singular
from pipeline.rules.occupations import occupation_of, occupations_in
from pipeline.rules.words import can_be_adjective, parts_of_speech
from pipeline.types import Mention, RoleInfo


@lru_cache(maxsize=4096)
def _form_regex(form: str) -> re.Pattern[str]:
    flags = 0 if len(form) <= 5 and form.isalpha() and _is_acronym_form(form) else re.IGNORECASE
    text = re.escape(form)
    if flags == 0:
        # An acronym in capitals; a last "s" is its plural ("RNs") or its own letter ("AOS" for airfield
        # operations specialist).
        spelled = {form.upper()} | ({form[:-1].upper() + "s"} if form.endswith("s") else set())
        text = "(?:" + "|".join(re.escape(f) for f in sorted(spelled, reverse=True)) + ")"
    return re.compile(r"(?<![\w-])" + text + r"(?:'s|’s|s'|s’)?(?![\w-])", flags)


def _is_acronym_form(form: str) -> bool:
    """A short form that is no noun of the language ("RN", "CNA"), not a short head noun ("hosts")."""
    stem = form.rstrip("s")
    return len(stem) <= 4 and stem not in OCCUPATION_HEADS and "NOUN" not in parts_of_speech(stem)


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
    elliptic, forms, names, heads, socs = _finder(signature)
    for pattern, rid in elliptic:
        taken.extend(Mention(m.start(1), m.end(1), rid) for m in pattern.finditer(text))
    lowered = text.lower()
    for form, stem, rid in forms:
        if stem not in lowered:
            continue
        for m in _form_regex(form).finditer(text):
            if any(m.start() < t.end and t.start < m.end() for t in taken):
                continue
            if _used_as_verb(text, m) or INDUSTRY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "chefs may cook at home"; "Offices of physicians" is an industry
            follower = FOLLOWING_HEAD.match(text, m.end())
            if follower and singular(follower.group(1).lower()) in OCCUPATION_HEADS:
                continue
            start = _head_start(text, m, names[rid], socs[rid]) if form in heads.get(rid, ()) else m.start()
            if start is None or any(start < t.end and t.start < m.end() for t in taken):
                continue
            taken.append(Mention(start, m.end(), rid))
    return tuple(sorted(taken, key=lambda t: t.start))


def _head_start(text: str, m: re.Match[str], name_words: list[str], soc: str | None) -> int | None:
    """Where a mention by the role's bare head noun starts, or None where it names another occupation.
    "Lab technicians" for Medical Laboratory Technician: the modifier is part of the mention."""
    start = m.start()
    if _modified(text, start, name_words) or _everyone(text, m):
        return None  # "plant operators" is another job; "all U.S. workers" the whole workforce
    prev = PRECEDING_WORD.search(text[max(0, start - 40) : start])
    if prev and any(w.startswith(prev.group(1).lower()) for w in name_words[:-1]):
        return start - len(prev.group(0))
    return None if _other_occupation(text, start, m.end(), soc) or _opens_other(text, start, m.end(), soc) else start


@lru_cache(maxsize=256)
def _finder(signature: tuple[tuple[str, str, tuple[str, ...]], ...]) -> tuple[
        list[tuple[re.Pattern[str], str]], list[tuple[str, str, str]], dict[str, list[str]], dict[str, set[str]],
        dict[str, str | None]]:
    """What mention finding needs of a set of roles, worked out once: the elliptic patterns, every
    form (longest first, with the stem that must occur for it to), the names' words and head nouns,
    and their SOC codes."""
    elliptic = _elliptic(tuple((name, rid) for rid, name, _ in signature))
    # A form's regex needs the form itself (any case) in the text: a substring test rules most out.
    forms = sorted(((form, form, rid) for rid, _, role_forms in signature for form in role_forms),
                   key=lambda fr: (-len(fr[0]), fr[0]))
    names = {rid: name.lower().split() for rid, name, _ in signature}
    heads = {rid: {w, plural(w)} for rid, words in names.items() if len(words) > 1 for w in [words[-1]]}
    socs = {rid: found[0] if (found := occupation_of(name)) is not None else None for rid, name, _ in signature}
    return elliptic, forms, names, heads, socs


@lru_cache(maxsize=1024)
def _elliptic(named: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern[str], str]]:
    """"UX and UI designers", "web or software developers", "transit and intercity bus drivers": a
    modifier standing for a whole role, coordinated with another role's or any one word."""
    out: list[tuple[re.Pattern[str], str]] = []
    for name, rid in named:
        *mod, head = name.lower().split()
        if not mod:
            continue
        rest = r"\s+".join(re.escape(w) for w in [*mod[1:], head])
        out.append((re.compile(r"(?<![\w-])(" + re.escape(mod[0]) + r")\s*(?:and|or|&|/)\s*[a-z][\w-]*\s+(?="
                               + rest + r"(?:s|es)?(?![\w-]))", re.IGNORECASE), rid))
        # Where both names have one modifier ("UX and UI designers") the pattern above finds it already.
        others = [o.lower().split() for o, oid in named if oid != rid and o.lower().split()[-1] == head
                  and not (len(mod) == 1 and len(o.split()) == 2)]
        for other in others:
            pattern = (r"(?<![\w-])(" + re.escape(" ".join(mod)) + r")\s*(?:and|or|&|/)\s*(?="
                       + re.escape(" ".join(other[:-1])) + r"\s+" + re.escape(head) + r")")
            out.append((re.compile(pattern, re.IGNORECASE), rid))
    return out


PRECEDING_WORD = re.compile(r"([A-Za-z][\w-]*)\s+$")
# "all workers", "all U.S. workers", "all full-time workers": "all" before a head noun any worker has.
ALL_BEFORE = re.compile(r"\ball\s+(?:[\w.'’-]+\s+){0,2}$", re.IGNORECASE)
ANY_WORKER = {"worker", "workers", "employee", "employees"}


def _everyone(text: str, m: re.Match[str]) -> bool:
    """ "The median for all U.S. workers": the whole workforce, not the insulation workers of the page
    ("all assessors" stays the role's)."""
    return m.group().lower() in ANY_WORKER and ALL_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None
# A word or a number ("911 dispatchers") before a head noun.
PRECEDING_TOKEN = re.compile(r"(\w[\w-]*)\s+$")


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
    if word in ROLE_MODIFIERS or any(w.startswith(word) for w in name_words[:-1]):
        return False
    if "-" in word:
        return _noun_compound(word)
    if word in TASK_VERBS:
        return False  # "companies hire drivers": a verb before the head noun, not a modifier
    if any(re.search(r"\b" + re.escape(w) + r"\b", window, re.IGNORECASE) for w in name_words[:-1]):
        return False
    return not can_be_adjective(word) and not word.endswith(("ed", "ing"))


def _noun_compound(word: str) -> bool:
    """A hyphenated modifier made of nouns names a kind of work ("x-ray", "tractor-trailer"); one
    with an adjective, adverb, number, prefix or participle in it describes the worker ("entry-level",
    "full-time", "on-call", "board-certified", "non-union")."""
    parts = word.split("-")
    if parts[-1].endswith(("ed", "ing")):
        return False
    # A lone letter ("x-ray", "e-commerce") is a noun's; words lemminflect does not know are prefixes.
    return all((len(p) == 1 and p.isalpha()) or _noun(p) for p in parts)


def _noun(word: str) -> bool:
    pos = parts_of_speech(word)
    return "NOUN" in pos and not pos & {"ADJ", "ADV"}


# A role's group code holds its members': "29-1140" holds "29-1141" (trailing zeros say a group).
def _related(one: str, other: str) -> bool:
    a, b = one.rstrip("0"), other.rstrip("0")
    return a.startswith(b) or b.startswith(a)


# Words that stand before a noun phrase or between two, never last before an occupation's head.
DETERMINERS = frozenset({"a", "an", "the", "most", "many", "some", "all", "any", "few", "other", "these", "those",
                         "such", "both", "each", "every", "our", "their", "your", "its", "his", "her", "more",
                         "fewer", "than", "as", "like", "unlike", "for", "to", "by", "with", "at", "on", "in", "and",
                         "or", "of"})


def _other_occupation(text: str, start: int, end: int, soc: str | None) -> bool:
    """The words before a role's bare head noun make with it an occupation the gazetteer knows that
    is not the role's, nor its group's or member's: "surgical technologists" in an article about
    cardiovascular technologists."""
    prev = PRECEDING_TOKEN.search(text, max(0, start - 40), start)
    if prev is None or prev.group(1).lower() in DETERMINERS:
        return False  # "the technologists", "most technologists": no occupation's name
    cut = text.rfind(" ", 0, max(0, start - 40)) + 1 if start > 40 else 0
    window = text[cut:end]
    found = occupations_in(window)
    if not found or found[-1].end != len(window) or found[-1].start >= start - cut:
        return False
    return soc is None or not _related(found[-1].soc, soc)


# After a head noun, what may carry an occupation's name on: "and", "or", "of", "&", "/", a comma.
NAME_GOES_ON = re.compile(r"\s*(?:,|&|/|and\b|or\b|of\b)")


def _opens_other(text: str, start: int, end: int, soc: str | None) -> bool:
    """A role's bare head noun opens a longer occupation's name the gazetteer knows that is not the
    role's: "writers and authors" in an article about technical writers. Only a coordinator or "of"
    carries a name on past its head noun, so most mentions need no gazetteer lookup."""
    if not NAME_GOES_ON.match(text, end):
        return False
    found = occupations_in(text[start : end + 40])
    return any(o.start == 0 and o.end > end - start and (soc is None or not _related(o.soc, soc)) for o in found)


VERB_CONTEXT = re.compile(r"\b(?:may|might|can|could|must|will|would|should|to|they|we|you|i|also|often|usually|who|"
                          r"that|and then)\s+$", re.IGNORECASE)


def _used_as_verb(text: str, m: re.Match[str]) -> bool:
    """A role name that is also a verb ("Cook", "Nurse", "Coach"), used as one: "chefs may cook at home"."""
    word = m.group(0)
    if " " in word or not word.islower() or word.endswith(("s", "'", "’")):
        return False
    return VERB_CONTEXT.search(text, max(0, m.start() - 12), m.start()) is not None


FOLLOWING_HEAD = re.compile(r"[ -]([A-Za-z]+)\b")
# An industry named for its workers ("Offices of physicians", "offices of dentists"): no mention of them.
INDUSTRY_BEFORE = re.compile(r"\boffices? of (?:other )?$", re.IGNORECASE)


# What may stand before a sentence's opening mentions (``pipeline/data/attribution.jsonl``).
OPENING_GAP = regex("attribution.jsonl", "opening-gap")


@text_cache(maxsize=8192)
def may_open_sentence(gap: str) -> bool:
    """What may stand before the opening mentions: "The ", "Nearly half of all ", "Heavy and "."""
    return bool(OPENING_GAP.fullmatch(gap)) or _adjectives(gap)


def _adjectives(gap: str) -> bool:
    """Up to four adjectives, hyphenated modifiers and conjunctions: "Heavy and tractor-trailer "."""
    words = gap.split()
    return 0 < len(words) <= 4 and all(
        w.lower() in ("and", "or", "a", "an", "the") or "-" in w or can_be_adjective(w.lower().strip(","))
        for w in words
    )
