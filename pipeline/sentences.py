"""Sentences of the segmented article with the roles they are about, and the facts gathered from them.

The types and helpers that every fact extractor (``extract``, ``requirements``) shares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline import cues
from pipeline.attribute import SentenceRoles, clause_bounds, sentence_roles
from pipeline.gate import Gated, gate_for
from pipeline.memo import text_cache
from pipeline.model import Segmented, Span
from pipeline.nlp import sentence_starts
from pipeline.roles import RoleInfo
from schemas.article import Duty, Evidence, Requirement, Salary, Setting, Skill

NEGATION = Gated(
    r"\b(not|no longer|never|without|isn't|aren't|doesn't|don't|do not|does not|cannot|can't|rarely|nor|instead of|"
    r"rather than|won't|(?<!\ba )few)\b")
NEGATED_AFTER = re.compile(
    r"^[^,;.]{0,40}\b(is|are)? ?not (required|necessary|needed|enough|sufficient)\b|^[^.;]{0,25}\bis not\b",
    re.IGNORECASE,
)
NEGATED_JUST_BEFORE = re.compile(r"\b(rather than|instead of|not|without|no)\s+(an?\s+|the\s+|any\s+)?[\w'’-]*\s*$",
                                 re.IGNORECASE)
OPTIONAL = Gated(r"\b(prefer(s|red)?|optional|helpful|an advantage|a plus|recommended|some employers|"
                 r"can help|may help|useful|desirable|like to see|favou?r(s|ed|ite)?)\b")
MONEY_HINT = Gated(r"[$£€₹]\s?\d|\b(usd|gbp|eur|cad|aud|inr)\s?\d|\d\s?(dollars|pounds|euros|€|£|usd|gbp|eur)\b")
SHARED_KINDS = {"requirements", "work_environment", "skills"}


@dataclass
class Facts:
    duties: list[Duty] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    salaries: list[Salary] = field(default_factory=list)
    settings: list[Setting] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Each role's surface forms as the text writes them ("NPs", "nurse practitioners"): its aliases.
    surfaces: dict[str, set[str]] = field(default_factory=dict)
    # (lower-case text, roles) of the duties so far: one duty is kept once.
    duty_keys: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    section: int
    span: Span
    roles: SentenceRoles
    cues: cues.Text
    # The evidence of every fact found in the sentence: one frozen object, made once.
    proof: Evidence | None = None


def build_sentences(seg: Segmented, roles: list[RoleInfo]) -> list[Sentence]:
    starts = [s.start for s in seg.sections]
    span_starts = [s.start for s in seg.spans]
    out: list[Sentence] = []
    previous: list[str] = []
    last_section = -1
    bounds = sentence_starts(seg.text)
    sec_index = span_index = 0
    every = [r.id for r in roles]
    for sent_start, sent_end in zip(bounds, [*bounds[1:], len(seg.text)], strict=False):
        raw = seg.text[sent_start:sent_end]
        text = raw.strip()
        if not text:
            continue
        start = sent_start + len(raw) - len(raw.lstrip())
        # Sentences come in order: the section and span only ever move forward.
        while sec_index + 1 < len(starts) and starts[sec_index + 1] <= start:
            sec_index += 1
        while span_index + 1 < len(span_starts) and span_starts[span_index + 1] <= start:
            span_index += 1
        span = seg.spans[span_index]
        if sec_index != last_section:
            previous = []
            last_section = sec_index
        section = seg.sections[sec_index]
        default = section.roles if len(section.roles) == 1 else []
        # "Most employers want a high school diploma" under "Education": said of every role.
        shared = every if section.kind in SHARED_KINDS and section.roles in ([], every) else []
        if span.block.kind in ("title", "heading"):
            sr = SentenceRoles([], [])
        else:
            sr = sentence_roles(text, roles, previous, default, shared)
            if sr.subject:
                previous = sr.subject
        out.append(Sentence(start, start + len(text), text, sec_index, span, sr, cues.Text.of(text)))
    return out


def evidence(s: Sentence) -> Evidence:
    if s.proof is None:
        s.proof = Evidence(start=s.start, end=s.end, section=s.section)
    return s.proof


def negated(text: str, start: int, end: int) -> bool:
    """Is the span ``text[start:end]`` negated within its clause ("not", "without", "rather than")?"""
    if not _may_negate(text):
        return False
    c0, c1 = clause_bounds(text, start)
    # The sentence passed the negation gates as a whole; gating each clause again is work done twice.
    return (bool(NEGATION.regex.search(text[c0:start])) or bool(NEGATED_AFTER.search(text[end:c1]))
            or bool(NEGATED_JUST_BEFORE.search(text[max(0, start - 30) : start])))


NEGATION_GATES = (NEGATION.gate, gate_for(NEGATED_AFTER), gate_for(NEGATED_JUST_BEFORE))


@text_cache(maxsize=4096)
def _may_negate(sentence: str) -> bool:
    """Whether any negation rule's literal occurs in the sentence: asked once, for all its spans."""
    folded = sentence.casefold()
    return any(gate.open_within(sentence, folded) for gate in NEGATION_GATES)


# --- salaries -----------------------------------------------------------------------------
