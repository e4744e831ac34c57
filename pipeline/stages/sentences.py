"""Sentences of the segmented article with the roles they are about, and the facts gathered from them.

The types and helpers that every fact extractor (``extract``, ``requirements``) shares.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.rules import cues
from pipeline.rules.cache import text_cache
from pipeline.rules.components import sentence_starts
from pipeline.rules.matcher import Gated, Positions, gate_for
from pipeline.stages.attribute import SentenceRoles, clause_bounds, sentence_roles
from pipeline.stages.roles import RoleInfo
from pipeline.types import Segmented, Span
from schemas.article import Duty, Evidence, Requirement, Salary, Setting, Skill

NEGATION = Gated(
    r"\b(not|no longer|never|without|isn't|aren't|doesn't|don't|do not|does not|cannot|can't|rarely|nor|instead of|"
    r"rather than|won't|(?<!\ba )few)\b")
NEGATED_AFTER = Positions(
    r"^[^,;.]{0,40}\b(is|are)? ?not (required|necessary|needed|enough|sufficient)\b|^[^.;]{0,25}\bis not\b")
NEGATED_JUST_BEFORE = Positions(r"\b(rather than|instead of|not|without|no)\s+(an?\s+|the\s+|any\s+)?[\w'’-]*\s*$")
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
    # Whether it writes a money figure (``names_money``), once asked.
    money: bool | None = None


def build_sentences(seg: Segmented, roles: list[RoleInfo]) -> list[Sentence]:
    """The sentences facts are read from, with the roles each is about. Headings and the title give
    no facts (they name sections and roles), so they are left out."""
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
        if span.block.kind in ("title", "heading"):
            continue
        if sec_index != last_section:
            previous = []
            last_section = sec_index
        section = seg.sections[sec_index]
        default = section.roles if len(section.roles) == 1 else []
        # "Most employers want a high school diploma" under "Education": said of every role.
        shared = every if section.kind in SHARED_KINDS and section.roles in ([], every) else []
        said = cues.Text.of(text)
        sr = sentence_roles(text, roles, previous, default, shared, said.fold)
        if sr.subject:
            previous = sr.subject
        out.append(Sentence(start, start + len(text), text, sec_index, span, sr, said))
    return out


def names_money(s: Sentence) -> bool:
    """Whether the sentence writes a money figure ("$52,000", "45,000 euros"); two extractors ask."""
    if s.money is None:
        s.money = cues.MONEY.hit(s.cues) and MONEY_HINT.search(s.text, folded=s.cues.fold) is not None
    return s.money


def evidence(s: Sentence) -> Evidence:
    if s.proof is None:
        s.proof = Evidence(start=s.start, end=s.end, section=s.section)
    return s.proof


def negated(text: str, start: int, end: int, folded: str | None = None) -> bool:
    """Is the span ``text[start:end]`` negated within its clause ("not", "without", "rather than")?

    ``folded`` is the text's case fold, when the caller has it."""
    if not _may_negate(text):
        return False
    c0, c1 = clause_bounds(text, start)
    fold = folded if folded is not None and len(folded) == len(text) else None
    near = max(0, start - 30)
    # The sentence passed the negation gates as a whole; gating each clause again is work done twice.
    return (NEGATION.search_start(text[c0:start], fold and fold[c0:start]) is not None
            or NEGATED_AFTER.search_start(text[end:c1], fold and fold[end:c1]) is not None
            or NEGATED_JUST_BEFORE.search_start(text[near:start], fold and fold[near:start]) is not None)


NEGATION_GATES = (NEGATION.gate, gate_for(NEGATED_AFTER.regex), gate_for(NEGATED_JUST_BEFORE.regex))


@text_cache(maxsize=4096)
def _may_negate(sentence: str) -> bool:
    """Whether any negation rule's literal occurs in the sentence: asked once, for all its spans."""
    folded = sentence.casefold()
    return any(gate.open_within(sentence, folded) for gate in NEGATION_GATES)


# --- salaries -----------------------------------------------------------------------------
