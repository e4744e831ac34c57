"""Occupations: the gazetteer of ``data/occupations.jsonl`` (every 2018 SOC occupation and group and
the names people use for them, built by ``scripts/build_occupations.py``) as a spaCy component, and
what it says about a role's name.

``career_occupations`` puts the gazetteer's phrases a text holds (any case, singular and plural; what
a ``PhraseMatcher(attr="LOWER")`` finds, looked up in a ``PhraseTable``) on ``doc.spans["occupations"]``:
label the SOC code, ``span.id_`` the gazetteer entry's id; an acronym the text defines after an
occupation ("physical therapists (PTs)") names it wherever used. One word that names a group
("dentists", "cooks") is a role's name the gazetteer can link, but no occupation found in running
text: it is said of many. It runs on short texts (titles, headings, opening lines, role names), never
on every sentence: its own blank pipeline (on the lexicon pipeline's tokenizer), so the lexicon
pipeline that does read sentences does not pay for it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.rules.cache import text_cache
from pipeline.rules.components import Hit, blank, longest_first
from pipeline.rules.loader import DATA, OccupationRule, occupation_rules
from pipeline.rules.nouns import plurals, singular
from pipeline.rules.phrases import PhraseTable, lower_tokens

# An acronym as a text defines it and uses it: capitals, maybe a plural "s".
DEFINED = re.compile(r"([A-Z]{2,6})s?")
# A listed noun of a name: the word before a comma or an "and" ("accountants and auditor").
LISTED = re.compile(r"([\w'-]+)(?=,|\s+(?:and|&)\s)")


class Occupation(NamedTuple):
    """An occupation named in a text: character offsets, the words, the SOC code and title, the entry id."""

    start: int
    end: int
    text: str
    soc: str
    title: str
    rule: str


def forms(phrase: str) -> list[str]:
    """A phrase (last word singular) as a text writes it: singular, plural ("lineman" -> "linemen",
    "salesperson" -> "salespeople" and "salespersons"),
    each listed noun singular too ("accountant and auditor"), and with a straight apostrophe curled."""
    words = phrase.split()
    last = words[-1]
    out = [phrase, *(" ".join([*words[:-1], many]) for many in plurals(last))]
    if ("," in phrase or "and" in phrase or "&" in phrase) and LISTED.search(phrase):  # the search is slow
        out.append(LISTED.sub(lambda m: singular(m.group(1)), phrase))
    return out + [f.replace("'", "’") for f in out if "'" in f]


# Of two entries with one phrase (or one key), the one of the stronger source wins (the builder's order).
SOURCE_RANK = ("alias", "soc", "soc-group", "oews", "soc-head", "ooh", "find-job-titles")


def source_rank(rule: OccupationRule) -> int:
    return SOURCE_RANK.index(rule.source) if rule.source in SOURCE_RANK else len(SOURCE_RANK)


def found_in_text(phrase: str, rule: OccupationRule) -> bool:
    """Whether running text names an occupation by this phrase: not by one word that names a group
    ("dentists") or that titles only end with ("carriers" of "mail carriers"): a text says it of many."""
    return " " in phrase or not (rule.soc.endswith("0") or rule.source == "soc-head")


class CareerOccupations:
    """The gazetteer's phrases by their tokens' lower-case forms; of overlapping matches the longest
    wins, and of entries with one phrase the one of the stronger source (``SOURCE_RANK``)."""

    name = "career_occupations"

    def __init__(self, nlp: Language) -> None:
        self.table = PhraseTable()
        texts = [(rule.id, form) for rule in sorted(occupation_rules(), key=source_rank)
                 for phrase in rule.phrases if found_in_text(phrase, rule) for form in forms(phrase)]
        for (rule_id, _), words in zip(texts, lower_tokens(nlp, [text for _, text in texts]), strict=True):
            self.table.add(rule_id, words)
        self.rules: dict[str, OccupationRule] = {rule.id: rule for rule in occupation_rules()}

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        hits = [Hit(start, end, rules[rule_id].soc, rule_id)
                for rule_id, start, end in self.table([token.lower_ for token in doc])]
        hits = longest_first(hits)
        doc.spans["occupations"] = [Span(doc, h.start, h.end, label=h.value, span_id=h.rule)
                                    for h in longest_first(hits + defined_acronyms(doc, hits))]
        return doc


def defined_acronyms(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """The acronyms a text defines after an occupation ("physical therapists (PTs)"): each of their
    uses (one token, "PT" or "PTs") names that occupation too."""
    defined: dict[str, Hit] = {}
    for h in hits:
        if h.end + 2 < len(doc) and doc[h.end].text == "(" and doc[h.end + 2].text == ")":
            m = DEFINED.fullmatch(doc[h.end + 1].text)
            if m:
                defined[m.group(1)] = h
    if not defined:
        return []
    out = []
    for token in doc:
        m = DEFINED.fullmatch(token.text)
        if m and m.group(1) in defined:
            out.append(Hit(token.i, token.i + 1, defined[m.group(1)].value, defined[m.group(1)].rule))
    return out


@Language.factory("career_occupations")
def make_career_occupations(nlp: Language, name: str) -> CareerOccupations:
    return CareerOccupations(nlp)


@cache
def occupation_nlp() -> Language:
    nlp = blank()
    nlp.add_pipe("career_occupations")
    return nlp


@text_cache(maxsize=8192)
def occupations_in(text: str) -> tuple[Occupation, ...]:
    """The occupations a short text names, in order."""
    nlp = occupation_nlp()
    component: Any = nlp.get_pipe("career_occupations")
    doc = component(nlp.make_doc(text))
    out = []
    for span in doc.spans["occupations"]:
        rule: OccupationRule = component.rules[span.id_]
        out.append(Occupation(span.start_char, span.end_char, span.text, rule.soc, rule.title, rule.id))
    return tuple(out)


KEY_WORD = re.compile(r"[a-z0-9]+(?:['/-][a-z0-9]+)*")


def key(name: str) -> str:
    """A name compared with the gazetteer's: its words, lower case, each singular, "&" as "and"
    ("Accountants and Auditors", "Accountant & Auditor" and "accountants, and auditors" are one key)."""
    words = KEY_WORD.findall(name.lower().replace("’", "'").replace("&", " and "))
    return " ".join(singular(w) for w in words)


@cache
def phrase_table() -> dict[str, OccupationRule]:
    rules = sorted(occupation_rules(), key=source_rank, reverse=True)  # the stronger source's entry last, kept
    return {key(phrase): rule for rule in rules for phrase in rule.phrases}


def known_whole(name: str) -> bool:
    """Whether the gazetteer knows the name whole."""
    return exact_occupation(name) is not None


@cache
def formal_names() -> dict[str, tuple[str, ...]]:
    """SOC code -> the names of several words its 2018 title and the hand-written aliases give it
    ("health education specialist", "police dispatcher"): names a page may write for the occupation."""
    out: dict[str, list[str]] = {}
    for rule in occupation_rules():
        if rule.source in ("soc", "alias"):
            out.setdefault(rule.soc, []).extend(p for p in rule.phrases if " " in p and "," not in p)
    return {code: tuple(names) for code, names in out.items()}


@cache
def soc_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """SOC code -> the names its 2018 title gives it, as their words ("fish and game warden")."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for rule in occupation_rules():
        if rule.source == "soc":
            out.setdefault(rule.soc, []).extend(tuple(p.lower().replace("-", " ").split()) for p in rule.phrases)
    return {code: tuple(names) for code, names in out.items()}


@cache
def alias_words() -> dict[str, tuple[str, ...]]:
    """SOC code -> the one-word names the hand-written aliases give it ("lineworker", "attorney"), longer
    than an acronym: words a page may write for the occupation."""
    out: dict[str, list[str]] = {}
    for rule in occupation_rules():
        if rule.source == "alias":
            out.setdefault(rule.soc, []).extend(p for p in rule.phrases if " " not in p and len(p) > MAX_ACRONYM)
    return {code: tuple(words) for code, words in out.items()}


MAX_ACRONYM = 4  # letters: "crna", "emt" are initials, which the acronym rules read


def exact_occupation(name: str) -> OccupationRule | None:
    """The gazetteer entry whose phrase is the whole name ("Respiratory Therapists")."""
    return phrase_table().get(key(name))


@cache
def soc_titles() -> dict[str, str]:
    """Every 2018 SOC code (groups and detailed occupations) -> its title (``data/soc_2018.tsv``)."""
    out = {}
    for line in (DATA / "soc_2018.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, _, title = line.split("\t")
            out[code] = title
    return out


def holding_group(codes: set[str]) -> str | None:
    """The one code, else the broad or minor group that holds them all (never a major group)."""
    if len(codes) == 1:
        return next(iter(codes))
    for width, fill in ((6, "0"), (4, "000")):
        prefixes = {c[:width] for c in codes}
        if len(prefixes) == 1 and next(iter(prefixes)) + fill in soc_titles():
            return next(iter(prefixes)) + fill
    return None


# Between the names a name coordinates ("Hand Laborers and Material Movers").
COORDINATION = re.compile(r",\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")


def coordinated_occupation(name: str) -> tuple[str, str] | None:
    """A name that coordinates names the gazetteer knows, each of them: the occupation or group that
    holds them all ("Hand Laborers and Material Movers": both one occupation). A part that is a
    modifier takes the last part's head noun ("Kindergarten and Elementary School Teachers")."""
    parts = [p for p in COORDINATION.split(name) if p.strip()]
    head = parts[-1].split()[-1] if parts else ""
    entries = [exact_occupation(p) or exact_occupation(f"{p} {head}") for p in parts] if len(parts) > 1 else []
    if not entries or any(e is None for e in entries):
        return None
    code = holding_group({e.soc for e in entries if e is not None})
    return (code, soc_titles()[code]) if code is not None else None


# "X and Related Workers": the residual after "and" names no occupation; the name is X's group.
RESIDUAL = re.compile(r"(?P<group>.+?),?\s+and\s+related\s+(?P<head>[\w-]+)", re.IGNORECASE)


def occupation_of(name: str) -> tuple[str, str] | None:
    """(SOC code, SOC title) of a role's name: the entry the whole name is, else the group an
    "X and Related Workers" name is (X's workers, else X), else what holds the names it coordinates,
    else the longest occupation it holds
    ("Pediatric Registered Nurse"; of equals, the first), else the occupation its last words are
    ("Pediatric Dentist": dentists)."""
    exact = exact_occupation(name)
    residual = RESIDUAL.fullmatch(name.strip())
    if exact is None and residual is not None:
        group = residual.group("group")
        exact = exact_occupation(f"{group} {residual.group('head')}") or exact_occupation(group)
    if exact is not None:
        return exact.soc, exact.title
    coordinated = coordinated_occupation(name)
    if coordinated is not None:
        return coordinated
    found = occupations_in(name)
    if found:
        best = max(found, key=lambda o: (o.end - o.start, -o.start))
        return best.soc, best.title
    words = name.split()
    ending = next((e for i in range(1, len(words)) if (e := exact_occupation(" ".join(words[i:]))) is not None), None)
    return (ending.soc, ending.title) if ending is not None else None
