"""Occupations: the gazetteer of ``data/occupations.jsonl`` (every 2018 SOC detailed occupation and
the names people use for them, built by ``scripts/build_occupations.py``) as a spaCy component, and
what it says about a role's name.

``career_occupations`` puts a PhraseMatcher's matches (lower case, singular and plural) on
``doc.spans["occupations"]``: label the SOC code, ``span.id_`` the gazetteer entry's id; an acronym
the text defines after an occupation ("physical therapists (PTs)") names it wherever used. It runs on
short texts (titles, headings, opening lines, role names), never on every sentence: its own
blank pipeline, so the lexicon pipeline that does read sentences does not pay for it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.rules.cache import text_cache
from pipeline.rules.components import Hit, longest_first
from pipeline.rules.loader import OccupationRule, occupation_rules
from pipeline.rules.titles import plural, singular

# An acronym as a text defines it and uses it: capitals, maybe a plural "s".
DEFINED = re.compile(r"([A-Z]{2,6})s?")


class Occupation(NamedTuple):
    """An occupation named in a text: character offsets, the words, the SOC code and title, the entry id."""

    start: int
    end: int
    text: str
    soc: str
    title: str
    rule: str


def forms(phrase: str) -> list[str]:
    """A singular phrase and its plural ("lineman" -> "linemen")."""
    words = phrase.split()
    last = words[-1]
    many = last[:-3] + "men" if last.endswith("man") else plural(last)
    return [phrase, " ".join([*words[:-1], many])]


class CareerOccupations:
    """PhraseMatcher over the gazetteer; of overlapping matches the longest wins."""

    name = "career_occupations"

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.rules: dict[str, OccupationRule] = {}
        tokenizer: Any = nlp.tokenizer
        for rule in occupation_rules():
            texts = [form for phrase in rule.phrases for form in forms(phrase)]
            self.matcher.add(rule.id, list(tokenizer.pipe(texts)))
            self.rules[rule.id] = rule

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        hits = [Hit(start, end, self.rules[strings[match_id]].soc, strings[match_id])
                for match_id, start, end in self.matcher(doc)]
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
    nlp = spacy.blank("en")
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


# A listed noun of a group title: the word before a comma or an "and" ("Accountants and Auditors").
LISTED = re.compile(r"(\w+)(?=,|\s+(?:and|&)\s)")


def key(name: str) -> str:
    """A name compared with the gazetteer's: lower case, its listed nouns and last word singular
    ("Accountants and Auditors" and "Accountant and Auditor" are one key)."""
    words = LISTED.sub(lambda m: singular(m.group(1)), name.lower().strip(" .,:;!?'’\"")).split()
    return " ".join([*words[:-1], singular(words[-1])]) if words else ""


@cache
def phrase_table() -> dict[str, OccupationRule]:
    return {key(phrase): rule for rule in occupation_rules() for phrase in rule.phrases}


def exact_occupation(name: str) -> OccupationRule | None:
    """The gazetteer entry whose phrase is the whole name ("Respiratory Therapists")."""
    return phrase_table().get(key(name))


# "X and Related Workers": the residual after "and" names no occupation; the name is X's group.
RESIDUAL = re.compile(r"(?P<group>.+?),?\s+and\s+related\s+(?P<head>[\w-]+)", re.IGNORECASE)


def occupation_of(name: str) -> tuple[str, str] | None:
    """(SOC code, SOC title) of a role's name: the entry the whole name is, else the group an
    "X and Related Workers" name is (X's workers, else X), else the longest occupation it holds
    ("Pediatric Registered Nurse"; of equals, the first)."""
    exact = exact_occupation(name)
    residual = RESIDUAL.fullmatch(name.strip())
    if exact is None and residual is not None:
        group = residual.group("group")
        exact = exact_occupation(f"{group} {residual.group('head')}") or exact_occupation(group)
    if exact is not None:
        return exact.soc, exact.title
    found = occupations_in(name)
    if not found:
        return None
    best = max(found, key=lambda o: (o.end - o.start, -o.start))
    return best.soc, best.title
