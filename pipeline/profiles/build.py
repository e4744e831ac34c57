"""One profile per occupation: every article's roles gathered by their SOC code.

Articles are read one at a time and only their facts are kept, so a large folder streams through.
A role without a code has no profile (it is still listed as what another occupation is compared with).
Where two roles of one article share a code, each fact keeps the names of the roles it is given to, and
the two are not compared with their own occupation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter
from typing import Any, TypeVar

from pipeline.profiles import pay, places
from pipeline.profiles.duties import merge
from pipeline.rules.loader import load_terms
from schemas.article import Article, Fact, Role
from schemas.profile import Profile

# Section kinds whose sentences may say what an occupation is or does.
DESCRIBING = ("role_overview", "duties", "intro")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
WORD = re.compile(r"[a-z]+")
# Words between a subject and its verb that are no verb themselves ("nurses often work").
# "Also" is left out: a sentence that says "X also ..." goes on from one before it.
ADVERBS = frozenset({"often", "usually", "typically", "generally", "mostly", "sometimes", "always", "now",
                     "still", "both", "all", "each", "then", "primarily", "mainly"})
VERBS = load_terms("duty_verbs.txt")
COPULAS = frozenset({"is", "are", "can", "may", "must", "will", "have", "has", "do", "does"})
MIN_DESCRIPTION_WORDS = 6


# A fact, source or summary as the profile will hold it: plain values, validated once per profile
# (``Profile.model_validate``), which is several times faster than a model per fact.
Record = dict[str, Any]


@dataclass
class _Count:
    sources: list[Record] = field(default_factory=list)
    kind: str = ""


@dataclass
class _Compared:
    soc: str | None
    name: str
    articles: set[str] = field(default_factory=set)


@cache
def _carries_confidence(kind: type[Fact]) -> bool:
    return "confidence" in kind.model_fields


def confidence(fact: Fact) -> float | None:
    """A fact's confidence where the outputs carry one."""
    if not _carries_confidence(type(fact)):
        return None
    value = getattr(fact, "confidence", None)
    return float(value) if isinstance(value, int | float) else None


def _verb(word: str) -> bool:
    """Whether a word is a task verb or a copula, in its base or third-person form ("build", "builds",
    "mixes", "studies", "are")."""
    forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith(("xes", "shes", "ches",
             "sses")) else word, word[:-3] + "y" if word.endswith("ies") else word}
    return bool(forms & VERBS) or word in COPULAS


def _opens_with_verb(rest: str) -> bool:
    """Whether the words after a role's name start its predicate: a verb, maybe after an adverb
    ("nurses usually work", "nurses are"), not a noun ("nurse duties vary")."""
    words = WORD.findall(rest.lower())[:2]
    if words and (words[0].endswith("ly") or words[0] in ADVERBS):
        words = words[1:]
    return bool(words) and _verb(words[0])


def _subject_end(sentence: str, forms: list[str]) -> int | None:
    """Where a sentence's opening role name ends ("A registered nurse ...", "RNs ..."), if it opens with one."""
    lower = sentence.lower()
    skip = next((len(a) for a in ("an ", "a ", "the ") if lower.startswith(a)), 0)
    for form in forms:
        end = skip + len(form)
        if lower.startswith(form, skip) and not lower[end:end + 1].isalnum():
            return end
    return None


def describing(article: Article, path: str, roles: list[Role]) -> Record | None:
    """The first statement of an overview, duties or intro section (in that order) whose subject is one
    of the roles ("Registered nurses provide and coordinate patient care.")."""
    forms = sorted({f.lower() for r in roles for f in (r.name, *r.aliases)}, key=len, reverse=True)
    for kind in DESCRIBING:
        for section in (s for s in article.sections if s.kind == kind):
            for m in SENTENCE.finditer(article.text, section.start, section.end):
                sentence = m.group().strip()
                if not sentence.endswith(".") or len(sentence.split()) < MIN_DESCRIPTION_WORDS:
                    continue
                end = _subject_end(sentence, forms)
                if end is not None and _opens_with_verb(sentence[end:]):
                    start = m.start() + m.group().index(sentence)
                    return {"article": path, "fact": f"sections-{article.sections.index(section)}",
                            "roles": [r.name for r in roles], "evidence": sentence, "start": start,
                            "end": start + len(sentence), "confidence": None, "text": sentence}
    return None


F = TypeVar("F", bound=Fact)


def _mine(facts: Sequence[F], ids: dict[str, str], min_confidence: float | None) \
        -> Iterator[tuple[int, F, list[str]]]:
    """The facts given to the roles ``ids`` (with their index and those roles' names), at or above
    ``min_confidence`` where facts carry a confidence."""
    for n, fact in enumerate(facts):
        names = [ids[r] for r in fact.roles if r in ids]
        level = confidence(fact)
        if names and (min_confidence is None or level is None or level >= min_confidence):
            yield n, fact, names


def _source(article: Article, path: str, fact: Fact, fact_id: str, names: list[str]) -> Record:
    ev = fact.evidence
    return {"article": path, "fact": fact_id, "roles": names, "evidence": article.text[ev.start:ev.end],
            "start": ev.start, "end": ev.end, "confidence": confidence(fact)}


def _by_article(records: list[Record]) -> list[Record]:
    """Records in article order (stable: an article's own stay in its order)."""
    return sorted(records, key=itemgetter("article"))


@dataclass
class Gathered:
    """What the articles say about one occupation so far."""

    code: str
    title: str | None = None
    names: dict[str, set[str]] = field(default_factory=dict)
    articles: dict[str, Record] = field(default_factory=dict)
    salaries: list[Record] = field(default_factory=list)
    counts: dict[str, dict[str, _Count]] = field(default_factory=dict)
    duties: list[Record] = field(default_factory=list)
    compared: dict[str, _Compared] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    descriptions: list[Record] = field(default_factory=list)

    def add(self, article: Article, path: str, roles: list[Role], min_confidence: float | None) -> None:
        ids = {r.id: r.name for r in roles}
        self.title = self.title or next((r.soc_title for r in roles if r.soc_title), None)
        for r in roles:
            self.names.setdefault(r.name, set()).add(path)
        self.articles[path] = {"path": path, "title": article.title, "url": getattr(article.source, "url", None),
                               "published": getattr(article.source, "published", None), "roles": list(ids.values())}
        self.countries.update(places.stated(article))
        self._facts(article, path, ids, min_confidence)
        self._compare(article, path, ids)
        found = describing(article, path, roles)
        if found is not None:
            self.descriptions.append(found)

    def _count(self, fieldname: str, value: str, source: Record, kind: str = "") -> None:
        self.counts.setdefault(fieldname, {}).setdefault(value, _Count(kind=kind)).sources.append(source)

    def _facts(self, article: Article, path: str, ids: dict[str, str], min_confidence: float | None) -> None:
        for n, s, names in _mine(article.salaries, ids, min_confidence):
            self.salaries.append(pay.salary(self.code, s, _source(article, path, s, f"salaries-{n}", names)))
        for n, d, names in _mine(article.duties, ids, min_confidence):
            self.duties.append({**_source(article, path, d, f"duties-{n}", names), "text": d.text})
        for n, q, names in _mine(article.requirements, ids, min_confidence):
            if q.education_level:
                self._count("education", q.education_level, _source(article, path, q, f"requirements-{n}", names))
            elif q.type in ("certification", "license") and q.name:
                self._count("qualifications", q.name, _source(article, path, q, f"requirements-{n}", names))
        for n, t, names in _mine(article.settings, ids, min_confidence):
            self._count("settings", t.setting, _source(article, path, t, f"settings-{n}", names))
        for n, k, names in _mine(article.skills, ids, min_confidence):
            self._count("skills", k.skill, _source(article, path, k, f"skills-{n}", names), k.kind)

    def _compare(self, article: Article, path: str, ids: dict[str, str]) -> None:
        """The article's other roles: another occupation, never this one under another name."""
        for other in article.roles:
            if other.id in ids or other.soc == self.code:
                continue
            key = other.soc or f"name:{other.name.lower()}"
            found = self.compared.setdefault(key, _Compared(other.soc, other.soc_title or other.name))
            found.articles.add(path)

    def _counted(self, fieldname: str) -> list[Record]:
        """A field's values, those more articles give first, each with its sources in article order
        (skills with their kind)."""
        counts = {value: (len({s["article"] for s in c.sources}), c)
                  for value, c in self.counts.get(fieldname, {}).items()}
        return [{"value": value, "count": n, "sources": _by_article(c.sources), **({"kind": c.kind} if c.kind else {})}
                for value, (n, c) in sorted(counts.items(), key=lambda vc: (-vc[1][0], vc[0]))]

    def record(self) -> Record:
        """The profile as plain values (``schemas.profile.Profile``'s fields)."""
        salaries = _by_article(self.salaries)
        official = pay.official(self.code)
        countries = {c for s in salaries if s["outlier"] is None and (c := places.of_currency(s["currency"]))}
        if official is not None:
            countries.add(places.OEWS_COUNTRY)
        compared = sorted(self.compared.values(), key=lambda c: (-len(c.articles), c.name))
        return {
            "soc": self.code, "soc_title": self.title,
            "names": [{"name": n, "articles": sorted(paths)}
                      for n, paths in sorted(self.names.items(), key=lambda np: (-len(np[1]), np[0]))],
            "articles": [self.articles[p] for p in sorted(self.articles)],
            "description": min(self.descriptions, key=itemgetter("article", "start"), default=None),
            "countries": sorted(countries | self.countries),
            "salaries": salaries, "pay": pay.summaries(salaries), "oews": official,
            "education": self._counted("education"), "qualifications": self._counted("qualifications"),
            "settings": self._counted("settings"), "skills": self._counted("skills"),
            "duties": merge(_by_article(self.duties)),
            "compared_with": [{"soc": c.soc, "name": c.name, "count": len(c.articles), "articles": sorted(c.articles)}
                              for c in compared],
        }


def coded_roles(article: Article) -> dict[str, list[Role]]:
    """An article's roles by SOC code (two roles may share one)."""
    out: dict[str, list[Role]] = {}
    for role in article.roles:
        if role.soc:
            out.setdefault(role.soc, []).append(role)
    return out


class Collector:
    """Profiles made as articles come: ``add`` each, then ``profiles``."""

    def __init__(self, min_confidence: float | None = None) -> None:
        self.min_confidence = min_confidence
        self.found: dict[str, Gathered] = {}

    def add(self, article: Article, path: str | None = None) -> None:
        """Add an article, named by ``path`` (its manifest path; by default its ``source.path``)."""
        for code, roles in coded_roles(article).items():
            self.found.setdefault(code, Gathered(code)).add(article, path or article.source.path, roles,
                                                            self.min_confidence)

    def records(self, codes: set[str] | None = None) -> Iterator[Record]:
        """The profiles (of ``codes``, if given) as plain values, in code order: what a writer that
        needs no models reads (the values come from validated articles)."""
        for code in sorted(self.found):
            if codes is None or code in codes:
                yield self.found[code].record()

    def profiles(self) -> list[Profile]:
        """One profile per SOC code the articles' roles carry, in code order."""
        return [Profile.model_validate(r) for r in self.records()]


def build(articles: Iterable[Article], min_confidence: float | None = None) -> list[Profile]:
    collector = Collector(min_confidence)
    for article in articles:
        collector.add(article)
    return collector.profiles()
