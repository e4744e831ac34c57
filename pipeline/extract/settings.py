"""Work settings: the settings lexicon's matches (``data/settings.jsonl``) in sentences about where
the work happens ("most work in hospitals", "some are self-employed"), each attributed to its role(s)."""

from __future__ import annotations

from pipeline.rules import cues
from pipeline.rules.clauses import negated
from pipeline.rules.components import Lexicon
from pipeline.rules.loader import regex, rule_spans
from pipeline.stages.attribute import roles_at
from pipeline.types import Facts, RoleInfo, Sentence
from schemas.article import Setting

NO_SETTING_KINDS = {"salary", "outlook", "conclusion", "faq"}
RELATIVE_BEFORE = regex("setting_patterns.jsonl", "relative-before")


def wanted(s: Sentence, kind: str) -> bool:
    """Whether the sentence is read for settings (so its lexicon matches are needed)."""
    return kind not in NO_SETTING_KINDS and (kind == "work_environment" or cues.WORK.hit(s))


def settings_in(s: Sentence, lexicon: Lexicon, roles: list[RoleInfo], kind: str, facts: Facts,
                owners: list[str] | None = None) -> None:
    """Settings of a sentence; ``owners`` are the roles a table row's facts belong to when the row names
    none ("Offices of physicians | 21%" in a table of a role's largest employers: not the physicians')."""
    if not wanted(s, kind):
        return
    text = s.text
    spans = lexicon.within(s.start, s.end)
    if not spans:
        return
    # A role's name or an education phrase ("college degree") holds no setting.
    taken = [(m.start, m.end) for m in s.roles.mentions] + [(a, b) for a, b, _ in rule_spans("education.jsonl", text)]
    for span in spans:
        a, b = span.start - s.start, span.end - s.start
        if negated(s, a, b) or any(x < b and a < y for x, y in taken):
            continue
        if span.value in ("school", "college_university") and cues.STUDY.hit(s):
            continue
        if RELATIVE_BEFORE.search(text, max(0, a - 12), a):
            continue
        who = owners if owners and not s.roles.mentions else roles_at(s, a, roles)
        facts.settings.append(Setting(roles=who, evidence=s.evidence(), rule=span.rule,
                                      setting=span.value, text=span.text))
