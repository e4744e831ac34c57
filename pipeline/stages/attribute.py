"""attribute: which role(s) a sentence, and a position inside it, is about.

Rules, in order: "both"/"all three"/"the two roles" give every role; a leading "Unlike X," does
not make X the subject ("Like X, Y" gives both); the mentions that open a sentence are its
subject; "the former"/"the latter" name the first/second role; a sentence opening with
"They"/"These professionals" carries the previous subject; a sentence opening with another
occupation has none; otherwise the section's role (a section about one role), the only role of a
profile, the one role the sentence names, the previous subject, or, in a section shared by all
roles, every role. Inside a sentence, a fact takes the roles named in its own clause ("X earn A,
while Y earn B").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import load_terms
from pipeline.rules.matcher import Gated, Positions
from pipeline.rules.words import base_form, can_be_adjective
from pipeline.stages.roles import Mention, RoleInfo, find_mentions

ALL_CUE = Gated(
    r"\b(both|all three|all four|all of them|either (role|job|career)|the two (roles|jobs|careers|professions|"
    r"occupations|positions)|each (role|job)|these (two|three) (roles|jobs|careers|professions)|in both)\b")
CARRY_CUE = Positions(
    r"^\W*(they|these (professionals|workers|specialists|employees|roles|jobs)|he or she|he|she|this (role|job)|"
    r"those in (this|the) (role|job)|(many |some |most )?others|some|many|most)\b",
)
# "Nearly half of", "About four in ten", "A growing number of": a quantity before the subject.
QUANTIFIER = (
    r"(?:(?:nearly|about|roughly|almost|over|more than|less than|around|just under|just over|only)\s+)?"
    r"(?:half|a third|a quarter|three-quarters|two-thirds|\w+ in \w+|\d+(?:\.\d+)?\s?(?:%|percent)|"
    r"(?:a|the) (?:notable |small |large |growing |significant )?(?:share|number|minority|majority|proportion)|"
    r"most|many|some|all|few|a few|one in \w+|(?:the )?(?:top|bottom|highest-paid|lowest-paid|best-paid|highest|lowest)"
    r"\s+\d+(?:\.\d+)?\s?(?:%|percent))(?:\s+of)?"
)
LIKE = Positions(r"^\W*(?:just )?(?:like|as with)\b[^,]{1,80},\s*")
UNLIKE = Positions(r"^\W*(unlike|compared (with|to)|in contrast to|as opposed to|like|as with)\b[^,]{1,80},\s*")
LEAD_IN = Positions(
    r"^\W*(?:(?:(?:according to|as of|as per|based on|data from|in|by) [^,]{1,50},|conversely|however|meanwhile|"
    r"by contrast|in contrast|on the other hand|similarly|likewise|instead|in addition|additionally|also|typically|"
    r"usually|generally|most|many|some|often|in (?:most|many|some) cases|in a [\w -]{1,30}|on most \w+|"
    r"at [\w -]{1,30}|for example|for instance|in the uk|in the us),?\s+)+",
)
CLAUSE_SPLIT = re.compile(
    r";|,\s*(?:while|whereas|but|and while|although|though|yet|however|compared (?:with|to)|versus|vs\.?|with)\s|"
    r"\s(?:while|whereas|compared "
    r"(?:with|to)|than)\s|,\s+(?=(?:and|or)\s)|—|\s–\s|\(|\)",
    re.IGNORECASE,
)
OCCUPATION_HEADS = load_terms("occupation_heads.txt")
OTHER_OCCUPATION = Gated(
    # A possessive ("a driver's licence", "doctors' offices") names a thing, not a person.
    r"\b(?:" + "|".join(sorted(OCCUPATION_HEADS)) + r")(?:s|es)?\b(?!['’])|\b\w+(?:ists|ians)\b(?!['’])",
)


OPENING_GAP = re.compile(
    r"\W*(?:" + QUANTIFIER + r"\s+)?((both|most|many|some|all|the|a|an|new|experienced|senior|junior|licensed|"
    r"certified|self-employed|independent|managing|working|practicing|practising|entry-level|full-time|part-time)"
    r"\s+)*",
    re.IGNORECASE,
)
OPENS_WITH_BOTH = re.compile(r"\W*both\b", re.IGNORECASE)
FIRST_WORD = re.compile(r"\W*([A-Za-z][\w-]*)")


@dataclass
class SentenceRoles:
    subject: list[str]
    mentions: list[Mention] = field(default_factory=list)
    # roles_at's answers by (clause start, clause end, mentions before the fact): a sentence's
    # facts mostly share a clause.
    answers: dict[tuple[int, int, int], list[str]] | None = field(default=None, repr=False, compare=False)
    # Known once asked: the sentence names no role and says neither "both" nor "the former/latter".
    plain: bool | None = field(default=None, repr=False, compare=False)
    # The mentions that open the sentence (``opening_mentions``), which several extractors ask for.
    opening: list[Mention] = field(default_factory=list, repr=False, compare=False)
    # The sentence's case fold, once asked: the literal gates of its clauses look in it.
    folded: str | None = field(default=None, repr=False, compare=False)


def order(roles: list[RoleInfo], ids: set[str]) -> list[str]:
    return [r.id for r in roles if r.id in ids]


def opening_mentions(text: str, mentions: list[Mention], folded: str | None = None) -> list[Mention]:
    """Mentions that form the sentence's opening noun phrase, e.g. "Medical coders and billers".

    The phrase may follow a lead-in ("Conversely,", "According to the BLS,", any short opening
    clause that names no role, such as "Depending on the job,") and adjectives ("Heavy and
    tractor-trailer truck drivers"). ``folded`` is the text's case fold, when the caller has it.
    """
    if not mentions:
        return []
    pos = UNLIKE.match_end(text, folded) or 0
    lead = LEAD_IN.match_end(text[pos:], None if folded is None else folded[pos:])
    if lead is not None:
        pos += lead
    else:
        comma = text.find(",", pos, pos + 60)
        if comma > 0 and not any(m.start < comma for m in mentions) and text[pos:comma].count(" ") <= 7:
            pos = comma + 1
    out: list[Mention] = []
    for m in mentions:
        if m.start < pos:
            continue
        gap = text[pos : m.start]
        if out and not COORDINATION.fullmatch(gap):
            break
        if not out and not _opening_gap(gap):
            break
        out.append(m)
        pos = m.end
    return out


@text_cache(maxsize=8192)
def _opening_gap(gap: str) -> bool:
    """What may stand before the opening mentions: "The ", "Nearly half of all ", "Heavy and "."""
    return bool(OPENING_GAP.fullmatch(gap)) or _adjectives(gap)


def _adjectives(gap: str) -> bool:
    """Up to four adjectives, hyphenated modifiers and conjunctions: "Heavy and tractor-trailer "."""
    words = gap.split()
    return 0 < len(words) <= 4 and all(
        w.lower() in ("and", "or", "a", "an", "the") or "-" in w or can_be_adjective(w.lower().strip(","))
        for w in words
    )


def sentence_roles(
    text: str, roles: list[RoleInfo], previous: list[str], default: list[str], shared: list[str] | None = None,
    folded: str | None = None,
) -> SentenceRoles:
    """The roles a sentence is about; ``shared`` is the last resort for a sentence naming no role.

    ``folded`` is the sentence's case fold when the caller has it already."""
    mentions = find_mentions(roles, text)
    if folded is None:
        folded = text.casefold()
    opening = opening_mentions(text, mentions, folded)
    subject = _subject(text, roles, previous, default, shared, mentions, opening, folded)
    return SentenceRoles(subject, mentions, opening=opening, folded=folded)


def _subject(text: str, roles: list[RoleInfo], previous: list[str], default: list[str], shared: list[str] | None,
             mentions: list[Mention], opening: list[Mention], folded: str) -> list[str]:
    if len(roles) > 1 and ALL_CUE.search(text[:60]) and (
            not opening or len({m.role for m in opening}) > 1 or OPENS_WITH_BOTH.match(text)):
        return [r.id for r in roles]
    like = LIKE.match_end(text, folded)
    if opening and like is not None:
        # "Like X, Y ...": what is said of Y holds for X too.
        compared = {m.role for m in mentions if m.end <= like}
        return order(roles, compared | {m.role for m in opening})
    if opening:
        return order(roles, {m.role for m in opening})
    ordinal = _former_latter(text, roles, folded)
    if ordinal and ORDINAL.match(text):
        return ordinal
    if previous and CARRY_CUE.match_end(text, folded) is not None:
        return previous
    if opens_with_other(text, folded):
        return []
    if len(roles) == 1:
        return [roles[0].id]
    if default:
        return default
    named = {m.role for m in mentions if not _possessive(text, m)}
    if len(named) == 1 and UNLIKE.match_end(text, folded) is None:
        return order(roles, named)
    if previous and not mentions:
        return previous
    return [] if mentions else list(shared or [])


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    start, end = 0, len(text)
    for split_start, split_end in _clause_splits(text):
        if split_end <= pos:
            start = split_end
        elif split_start >= pos:
            end = split_start
            break
    return start, end


@text_cache(maxsize=4096)
def _clause_splits(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in CLAUSE_SPLIT.finditer(text))


def roles_at(text: str, pos: int, sent: SentenceRoles, roles: list[RoleInfo]) -> list[str]:
    """Roles for a fact at ``pos``: its clause's own mentions, else the sentence subject."""
    if not sent.mentions:
        # No role named anywhere: every clause gets the subject unless it says "both" or "the former".
        if sent.plain is None:
            folded = _folded(text, sent)
            sent.plain = not (ALL_CUE.gate.open(text, folded) or ORDINAL_ANYWHERE.gate.open(text, folded))
        if sent.plain:
            return list(sent.subject)
    start, end = clause_bounds(text, pos)
    local = [m for m in sent.mentions if start <= m.start < end and not _possessive(text, m)]
    key = (start, end, sum(1 for m in local if m.start < pos))
    if sent.answers is None:
        sent.answers = {}  # most sentences never ask: no dict for them
    answer = sent.answers.get(key)
    if answer is None:
        answer = sent.answers[key] = _roles_in_clause(text, start, end, pos, local, sent, roles)
    return list(answer)


def _roles_in_clause(text: str, start: int, end: int, pos: int, local: list[Mention], sent: SentenceRoles,
                     roles: list[RoleInfo]) -> list[str]:
    clause = text[start:end]
    folded = _folded(text, sent)
    if ALL_CUE.search(clause, folded=folded) and len(roles) > 1:
        return [r.id for r in roles]
    if start == 0 and LIKE.regex.match(clause):
        return sent.subject
    if not local and len(roles) == 2:
        ordinal = _former_latter(clause, roles, folded)
        if ordinal:
            return ordinal
    if local:
        before = [m for m in local if m.start < pos]
        if before:
            first = opening_mentions(text[start:], [Mention(m.start - start, m.end - start, m.role) for m in before],
                                     folded[start:])
            return order(roles, {m.role for m in first} if first else _group_ending(text, before))
        return order(roles, {local[0].role})
    return sent.subject


ORDINAL = re.compile(r"^\W*(?:(?:conversely|meanwhile|however|by contrast|in contrast),?\s+)?the (former|latter)\b",
                     re.IGNORECASE)
ORDINAL_ANYWHERE = Gated(r"\bthe (former|latter)\b")


def _folded(text: str, sent: SentenceRoles) -> str:
    if sent.folded is None:
        sent.folded = text.casefold()
    return sent.folded


def _former_latter(text: str, roles: list[RoleInfo], folded: str | None = None) -> list[str]:
    """"The former" and "the latter" in a two-role article name the first and second role.

    ``folded`` may be the case fold of a sentence around ``text``."""
    m = ORDINAL_ANYWHERE.search(text, folded=folded)
    if not m or len(roles) != 2:
        return []
    return [roles[0].id if m.group(1).lower() == "former" else roles[1].id]


def _group_ending(text: str, mentions: list[Mention]) -> set[str]:
    """The roles of the coordinated group that ends with the last mention ("X and Y earned ...")."""
    group = [mentions[-1]]
    for m in reversed(mentions[:-1]):
        if not COORDINATION.fullmatch(text[m.end : group[0].start]):
            break
        group.insert(0, m)
    return {m.role for m in group}


COORDINATION = re.compile(r"[\s,()]*(and|or|&|as well as)?[\s,()]*(the|both)?\s*", re.IGNORECASE)


def _possessive(text: str, m: Mention) -> bool:
    return text[m.end - 2 : m.end] in ("'s", "’s", "s'", "s’")


SUBJECT_END = re.compile(
    r"[,;:(]|(?:^|\s)(?:who|which|that|is|are|was|were|earn\w*|make|makes|need|needs|work\w*|can|may|must|will|would|do|"
    r"does|have|has|had|hold|holds|get|gets|take|takes|spend|spends|complete|completes|start|starts|begin|begins|"
    r"become|becomes|often|usually|typically|also|generally|tend|tends|should)\b",
    re.IGNORECASE,
)


def opens_with_other(text: str, folded: str | None = None) -> bool:
    """The sentence's opening noun phrase names some other occupation ("Registered nurses earn ...").

    ``folded`` is the text's case fold, when the caller has it."""
    lead = LEAD_IN.match_end(text, folded) or 0
    head = text[lead:]
    first = FIRST_WORD.match(head)
    if first and base_form(first.group(1)):
        return False  # a list item such as "advise managers on costs" opens with its verb
    head_fold = folded[lead:] if folded is not None and len(folded) == len(text) else head.casefold()
    if not OTHER_OCCUPATION.gate.open_within(head, head_fold):
        return False  # no occupation word anywhere after the lead-in, so none in the subject
    phrase = SUBJECT_END.split(head, maxsplit=1)[0]
    return len(phrase.split()) <= 7 and bool(OTHER_OCCUPATION.search(phrase))


def other_occupation(text: str, start: int, end: int, sent: SentenceRoles) -> bool:
    """The clause ``text[start:end]`` names an occupation that is not one of the article's roles.

    The sentence's own mentions decide whether it names a role: they were found with the words
    around the clause in view.
    """
    if any(start <= m.start < end for m in sent.mentions):
        return False
    return bool(OTHER_OCCUPATION.search(text[start:end]))
