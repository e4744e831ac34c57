"""The spaCy pipeline: ``spacy.blank("en")`` plus our own components, built once per process.

- ``career_sentences``: sentence boundaries that respect block breaks (newlines) and common
  abbreviations ("vs.", "e.g.", "U.S.") that the stock sentencizer splits on.
- ``career_lexicons``: PhraseMatchers over the setting and skill lexicons; matches land in
  ``doc.spans["settings"]`` / ``doc.spans["skills"]`` with the lexicon value as label and the
  rule id as ``span.id_``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.rules import load_terms, phrase_rules

ABBREVIATIONS = load_terms("abbreviations.txt")
LEXICONS = {"settings": "settings.jsonl", "skills": "skills.jsonl"}


class CareerSentences:
    @staticmethod
    def _ends_sentence(word: str) -> bool:
        """A token such as "records." that kept its full stop (abbreviations and initials excluded)."""
        return word.endswith(".") and word.lower() not in ABBREVIATIONS and len(word) > 2 and word[-2] != "."

    def __call__(self, doc: Doc) -> Doc:
        for i, token in enumerate(doc):
            if i == 0:
                token.is_sent_start = True
                continue
            prev = doc[i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                token.is_sent_start = True
            elif prev.text in (".", "?", "!") or self._ends_sentence(prev.text):
                before = doc[i - 2].text.lower() + "." if i >= 2 and prev.text == "." else prev.text.lower()
                opener = token.text[:1]
                token.is_sent_start = bool(
                    prev.whitespace_ and (opener.isupper() or opener.isdigit() or opener in "\"“‘'(")
                    and before not in ABBREVIATIONS
                )
            elif prev.text in ('"', "”", "’", ")") and i >= 2 and doc[i - 2].text in (".", "?", "!"):
                token.is_sent_start = bool(token.text[:1].isupper())
            else:
                token.is_sent_start = False
        return doc


@Language.factory("career_sentences")
def make_career_sentences(nlp: Language, name: str) -> CareerSentences:
    return CareerSentences()


class CareerLexicons:
    """Phrase lexicons from ``pipeline/data``; labels are lexicon values, ids are rule ids."""

    def __init__(self, nlp: Language, lexicons: dict[str, str]) -> None:
        self.matchers: dict[str, PhraseMatcher] = {}
        self.meta: dict[str, dict[str, tuple[str, str]]] = {}
        tokenizer: Any = nlp.tokenizer
        for key, filename in lexicons.items():
            matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
            meta: dict[str, tuple[str, str]] = {}
            for rule in phrase_rules(filename):
                matcher.add(rule.id, list(tokenizer.pipe(rule.phrases)))
                meta[rule.id] = (rule.value, rule.kind)
            self.matchers[key] = matcher
            self.meta[key] = meta

    def match(self, doc: Doc) -> dict[str, list[Span]]:
        found: dict[str, list[Span]] = {}
        for key, matcher in self.matchers.items():
            spans = []
            for match_id, start, end in matcher(doc):
                rule_id = doc.vocab.strings[match_id]
                value, _ = self.meta[key][rule_id]
                spans.append(Span(doc, start, end, label=value, span_id=rule_id))
            found[key] = filter_spans(spans)
        return found

    def set_annotations(self, doc: Doc, found: dict[str, list[Span]]) -> None:
        for key, spans in found.items():
            doc.spans[key] = spans

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def kind(self, key: str, rule_id: str) -> str:
        return self.meta[key][rule_id][1]


@Language.factory("career_lexicons", default_config={"lexicons": LEXICONS})
def make_career_lexicons(nlp: Language, name: str, lexicons: dict[str, str]) -> CareerLexicons:
    return CareerLexicons(nlp, lexicons)


@cache
def build() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("career_sentences")
    nlp.add_pipe("career_lexicons")
    return nlp


def skill_kind(rule_id: str) -> str:
    component: Any = build().get_pipe("career_lexicons")
    return str(component.kind("skills", rule_id))
