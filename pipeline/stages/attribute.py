"""attribute: which role(s) a sentence, and a position inside it, is about.

Rules, in order: "both"/"all three"/"the two roles" give every role; a leading "Unlike X," does
not make X the subject ("Like X, Y" gives both); the mentions that open a sentence are its
subject, with the roles a field's workers coordinated with it name ("X and library workers");
"the former"/"the latter" name the first/second role; a sentence opening with
"They"/"These professionals" carries the previous subject; a sentence opening with another
occupation has none; otherwise the section's role (a section about one role), the only role of a
profile, the one role the sentence names, the previous subject, or, in a section shared by all
roles, every role. Inside a sentence, a fact takes the roles named in its own clause ("X earn A,
while Y earn B").
"""

from __future__ import annotations

import re

from pipeline.rules.cache import text_cache
from pipeline.rules.clauses import clause_bounds
from pipeline.rules.loader import load_terms, matcher, regex
from pipeline.rules.matcher import Pattern
from pipeline.rules.mentions import find_mentions, may_open_sentence
from pipeline.rules.occupations import occupations_in
from pipeline.rules.text import Piece
from pipeline.rules.words import verb_form
from pipeline.types import Block, Mention, RoleInfo, Segmented, Sentence, SentenceAt, SentenceRoles

RULES = "attribution.jsonl"
# Who a sentence is about: "both" names every role, "they" the previous subject; "Like X, Y" both.
ALL_CUE, CARRY_CUE = matcher(RULES, "all-cue"), matcher(RULES, "carry-cue")
LIKE, UNLIKE = matcher(RULES, "like"), matcher(RULES, "unlike")
# What may stand before a sentence's subject: "However,", "Nearly half of all", "Both".
LEAD_IN = matcher(RULES, "lead-in")
OPENS_WITH_BOTH = regex(RULES, "opens-with-both")
# Another occupation than the article's roles. A possessive ("a driver's licence", "doctors'
# offices") names a thing, not a person; so does a workplace named for one ("offices of physicians").
OCCUPATION_HEADS = load_terms("occupation_heads.txt")
OTHER_OCCUPATION = Pattern(
    r"(?<!offices of )(?<!office of )(?:\b(?:" + "|".join(sorted(OCCUPATION_HEADS))
    + r")(?:s|es)?\b(?!['’])|\b\w+(?:ists|ians)\b(?!['’]))",
)
FIRST_WORD = re.compile(r"\W*([A-Za-z][\w-]*)")


SHARED_KINDS = {"requirements", "work_environment", "skills"}


def attribute(located: list[SentenceAt], seg: Segmented, roles: list[RoleInfo]) -> list[Sentence]:
    """The sentences with the roles each is about; the subject carries on within a section."""
    out: list[Sentence] = []
    # The previous sentence's subject; None when it was about another occupation, so "They" is too.
    previous: list[str] | None = []
    last_section = -1
    every = [r.id for r in roles]
    header: Block | None = None
    for at in located:
        if at.section != last_section:
            previous = []
            last_section = at.section
        section = seg.sections[at.section]
        default = section.roles if len(section.roles) == 1 else []
        # "Most employers want a high school diploma" under "Education": said of every role.
        shared = every if section.kind in SHARED_KINDS and section.roles in ([], every) else []
        s = Sentence(at)
        s.roles = sentence_roles(s, roles, previous, default, shared)
        block = at.span.block
        header = (block if block.header else header) if block.kind == "table_row" else None
        if header is not None and header is not block:
            s.roles.columns = _columns(s, block, header, roles)
        if s.roles.subject:
            previous = s.roles.subject
        elif s.roles.other:
            previous = None
        out.append(s)
    return out


def _columns(s: Sentence, row: Block, header: Block, roles: list[RoleInfo]) -> list[tuple[int, int, list[str]]]:
    """Where each cell of a table row is in its sentence, with the roles its column's header names."""
    out: list[tuple[int, int, list[str]]] = []
    offset = 0
    for col, cell in enumerate(row.cells):
        pos = s.text.find(cell, offset) if cell else -1
        if pos < 0:
            continue
        offset = pos + len(cell)
        named = find_mentions(roles, header.cells[col]) if col < len(header.cells) else []
        out.append((pos, offset, order(roles, {m.role for m in named})))
    return out


def order(roles: list[RoleInfo], ids: set[str]) -> list[str]:
    return [r.id for r in roles if r.id in ids]


def opening_mentions(t: Piece, mentions: list[Mention]) -> list[Mention]:
    """Mentions that form the sentence's opening noun phrase, e.g. "Medical coders and billers".

    The phrase may follow a lead-in ("Conversely,", "According to the BLS,", any short opening
    clause that names no role, such as "Depending on the job,") and adjectives ("Heavy and
    tractor-trailer truck drivers").
    """
    if not mentions:
        return []
    text = t.text
    pos = UNLIKE.match_end(t) or 0
    lead = LEAD_IN.match_end(t[pos:] if pos else t)
    if lead is not None:
        pos += lead
    else:
        comma = text.find(",", pos, pos + 60)
        if comma > 0 and not any(pos <= m.start < comma for m in mentions) and text[pos:comma].count(" ") <= 7:
            pos = comma + 1
    out: list[Mention] = []
    for m in mentions:
        if m.start < pos:
            continue
        gap = text[pos : m.start]
        if out and not COORDINATION.fullmatch(gap):
            break
        if not out and not may_open_sentence(gap):
            break
        out.append(m)
        pos = m.end
    return out


def sentence_roles(t: Piece, roles: list[RoleInfo], previous: list[str] | None, default: list[str],
                   shared: list[str] | None = None) -> SentenceRoles:
    """The roles a sentence is about; ``previous`` the last sentence's (None: another occupation);
    ``shared`` is the last resort for a sentence naming no role."""
    mentions = find_mentions(roles, t.text)
    opening = opening_mentions(t, mentions)
    said = _said_subject(t, roles, previous, mentions, opening)
    if said is not None:
        return SentenceRoles(said, mentions, opening=opening, other=previous is None and not said)
    if opens_with_other(t, mentions, roles) or PERSONAL_SUBJECT.match(t.text):
        return SentenceRoles([], mentions, opening=opening, other=True)
    subject = _default_subject(t, roles, previous or [], default, shared, mentions)
    return SentenceRoles(subject, mentions, opening=opening)


def _said_subject(t: Piece, roles: list[RoleInfo], previous: list[str] | None, mentions: list[Mention],
                  opening: list[Mention]) -> list[str] | None:
    """The subject the sentence states: "both", "Like X, Y", the roles that open it, "the former",
    "they"; None when it states none."""
    text = t.text
    if len(roles) > 1 and ALL_CUE.search(text[:60]) and (
            not opening or len({m.role for m in opening}) > 1 or OPENS_WITH_BOTH.match(text)):
        return [r.id for r in roles]
    if opening:
        like = LIKE.match_end(t)
        if like is not None:
            # "Like X, Y ...": what is said of Y holds for X too.
            compared = {m.role for m in mentions if m.end <= like}
            return order(roles, compared | {m.role for m in opening})
        return order(roles, {m.role for m in opening} | _group_roles(text, opening[-1].end, roles))
    ordinal = _former_latter(t, roles)
    if ordinal and ORDINAL.match(text):
        return ordinal
    if previous != [] and CARRY_CUE.match_end(t) is not None:
        return previous or []
    return None


def _default_subject(t: Piece, roles: list[RoleInfo], previous: list[str], default: list[str],
                     shared: list[str] | None, mentions: list[Mention]) -> list[str]:
    """A sentence that states no subject: the only role, the section's, the one it names, the previous one."""
    if len(roles) == 1:
        return [roles[0].id]
    if default:
        return default
    named = {m.role for m in mentions if not _possessive(t.text, m)}
    if len(named) == 1 and UNLIKE.match_end(t) is None:
        return order(roles, named)
    if previous and not mentions:
        return previous
    return [] if mentions else list(shared or [])


# Keys of a sentence's answers: whether it names no role and says neither "both" nor "the former".
_PLAIN = "roles:plain"


def roles_at(s: Sentence, pos: int, roles: list[RoleInfo]) -> list[str]:
    """Roles for a fact at ``pos`` of the sentence: its clause's own mentions, else the sentence subject."""
    sent = s.roles
    text = s.text
    column = next((named for a, b, named in sent.columns if a <= pos < b), None)
    if column:
        return list(column)  # a table cell is about the role its column's header names
    if not sent.mentions:
        # No role named anywhere: every clause gets the subject unless it says "both" or "the former".
        plain: bool | None = s.answers.get(_PLAIN)
        if plain is None:
            plain = s.answers[_PLAIN] = not (ALL_CUE.may_match_within(s) or ORDINAL_ANYWHERE.may_match_within(s))
        if plain:
            return list(sent.subject)
    start, end = clause_bounds(text, pos)
    local = [m for m in sent.mentions if start <= m.start < end and _names_subject(text, m)]
    # A sentence's facts mostly share a clause: the answer is kept by clause and mentions before.
    key = (start, end, sum(1 for m in local if m.start < pos))
    answer: list[str] | None = s.answers.get(key)
    if answer is None:
        answer = s.answers[key] = _roles_in_clause(s, start, end, pos, local, roles)
    return list(answer)


def _roles_in_clause(s: Sentence, start: int, end: int, pos: int, local: list[Mention],
                     roles: list[RoleInfo]) -> list[str]:
    clause = s[start:end]
    if len(roles) > 1 and any(not _in_aside(s.text, start + m.start()) for m in ALL_CUE.finditer_caseless(clause)):
        return [r.id for r in roles]
    if start == 0 and LIKE.match_end(clause) is not None:
        return s.roles.subject
    if not local and len(roles) == 2:
        ordinal = _former_latter(clause, roles)
        if ordinal:
            return ordinal
    if local:
        return _named_in_clause(s, start, end, pos, local, roles)
    return _earlier_clause_subject(s, start, roles) or s.roles.subject


def _named_in_clause(s: Sentence, start: int, end: int, pos: int, local: list[Mention],
                     roles: list[RoleInfo]) -> list[str]:
    """The roles of a clause that names some: those that open it before the fact ("X and Y earn $A"),
    else the group the last of them ends, else the one named after it ("$A for X")."""
    before = [m for m in local if m.start < pos]
    if before:
        first = opening_mentions(s[start:], [Mention(m.start - start, m.end - start, m.role) for m in before])
        if not first:
            return order(roles, _group_ending(s.text, before))
        return order(roles, {m.role for m in first} | _group_roles(s.text[start:end], first[-1].end, roles))
    if start == 0 and (s.roles.other or (s.roles.subject and CARRY_CUE.match_end(s) is not None)):
        # "A smaller number work in hospitals near X": the carried subject's; "They earned $A and
        # start as X-ray technologists", said of another occupation: no role's.
        return s.roles.subject
    return order(roles, {local[0].role})


def _earlier_clause_subject(s: Sentence, start: int, roles: list[RoleInfo]) -> list[str]:
    """The roles that open the nearest earlier clause opening with roles ("X need A; Y usually need B,
    and some start with C": C is Y's), if any clause before the first one does."""
    text = s.text
    end = start
    while end > 0:
        c0, _ = clause_bounds(text, max(0, end - 1))
        if c0 == 0:
            return []  # the sentence's first clause: its subject is the sentence's
        named = [Mention(m.start - c0, m.end - c0, m.role) for m in s.roles.mentions
                 if c0 <= m.start < end and _names_subject(text, m)]
        first = opening_mentions(s[c0:], named) if named else []
        if first:
            return order(roles, {m.role for m in first})
        end = c0
    return []


def _names_subject(text: str, m: Mention) -> bool:
    """Whether a mention may name who a clause is about: not a possessive ("engineers' drawings"), not
    inside a relative clause set off by commas ("Managers, who supervise X, earn ...")."""
    return not _possessive(text, m) and not _in_aside(text, m.start)


def _in_aside(text: str, pos: int) -> bool:
    return any(a <= pos < b for a, b in _asides(text))


@text_cache(maxsize=4096)
def _asides(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in ASIDE.finditer(text)) if "," in text else ()


ASIDE = regex(RULES, "aside")
AS_TITLE = regex(RULES, "as-title")
ORDINAL = regex(RULES, "ordinal")
PERSONAL_SUBJECT = regex(RULES, "personal-subject")
ORDINAL_ANYWHERE = matcher(RULES, "ordinal-anywhere")


def _former_latter(t: Piece, roles: list[RoleInfo]) -> list[str]:
    """"The former" and "the latter" in a two-role article name the first and second role."""
    m = ORDINAL_ANYWHERE.search(t)
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


COORDINATION = regex(RULES, "coordination")
GROUP_NOUN = regex(RULES, "group-noun")


def _group_roles(text: str, pos: int, roles: list[RoleInfo]) -> set[str]:
    """Roles named by a field's workers coordinated with the subject ("Most librarians and library
    workers ..."): every role whose name has the field's word ("Library Technician")."""
    m = GROUP_NOUN.match(text, pos) if len(roles) > 1 else None
    if not m:
        return set()
    word = m.group(1).lower()
    return {r.id for r in roles if word in r.name.lower().split()}


def _possessive(text: str, m: Mention) -> bool:
    """ "the engineer's desk", "engineers' sketches": the apostrophe inside the mention or right after it."""
    return text[m.end - 2 : m.end] in ("'s", "’s", "s'", "s’") or text[m.end : m.end + 1] in ("'", "’")


SUBJECT_END = regex(RULES, "subject-end")


def opens_with_other(t: Piece, mentions: list[Mention] | None = None, roles: list[RoleInfo] | None = None) -> bool:
    """The sentence's opening noun phrase names some other occupation ("Registered nurses earn ..."):
    an occupation word that is not part of one of the ``mentions`` of the roles ("Newly qualified
    dispensing opticians" names the role), nor another name of one of the ``roles``' occupations
    ("Reporters" in an article about journalists)."""
    lead = LEAD_IN.match_end(t) or 0
    head = t[lead:] if lead else t
    first = FIRST_WORD.match(head.text)
    if first and verb_form(first.group(1)) == "base":
        return False  # a list item such as "advise managers on costs" opens with its verb
    if not OTHER_OCCUPATION.may_match_within(head):
        # No general occupation word: the gazetteer may still know the subject ("Drafters draw ...").
        return _gazetteer_subject(head.text, lead, mentions or [], roles or [])
    phrase = SUBJECT_END.split(head.text, maxsplit=1)[0]
    if len(phrase.split()) > 7:
        # No end of the subject found: it is in the first few words, if anywhere.
        phrase = " ".join(phrase.split()[:4])
    named = any(not any(m.start <= lead + found.start() < m.end for m in mentions or ())
                for found in OTHER_OCCUPATION.finditer(phrase))
    if not named:
        return _gazetteer_subject(head.text, lead, mentions or [], roles or [])
    return not _names_a_role(phrase, roles or [])


# The shortest opening of one to three words whose last word is a plural: "Drafters", "Mechanical drafters".
PLURAL_OPENING = re.compile(r"[A-Z](?:[\w-]*?s|[\w-]* [\w-]*?s|[\w-]* [\w-]+ [\w-]*?s)\b")


def _gazetteer_subject(text: str, lead: int, mentions: list[Mention], roles: list[RoleInfo]) -> bool:
    """A sentence that opens with a plural the gazetteer names as an occupation other than the roles'."""
    opening = PLURAL_OPENING.match(text)
    if opening is None or any(m.start < lead + opening.end() for m in mentions):
        return False
    found = occupations_in(opening.group())
    codes = {r.soc[0] for r in roles if r.soc}
    return bool(found) and found[0].start == 0 and found[0].soc not in codes


def _names_a_role(phrase: str, roles: list[RoleInfo]) -> bool:
    """Whether the occupation a phrase names is one of the roles' occupations (the same SOC code)."""
    codes = {r.soc[0] for r in roles if r.soc}
    return bool(codes) and any(o.soc in codes for o in occupations_in(phrase))


def other_occupation(s: Sentence, start: int, end: int) -> bool:
    """The clause ``s.text[start:end]`` names an occupation that is not one of the article's roles.

    The sentence's own mentions decide whether it names a role: they were found with the words
    around the clause in view. An occupation word after "as" is the job being done ("start at $X as
    junior designers"); a singular one before a noun modifies it ("the district's teacher scale").
    """
    text = s.text
    if any(start <= m.start < end and _names_subject(text, m) for m in s.roles.mentions):
        return False
    return any(not AS_TITLE.search(text, max(0, m.start() - 40), m.start()) and not _modifier(text, m.end())
               for m in OTHER_OCCUPATION.finditer(text, start, end))


NEXT_WORD = re.compile(r" ([a-z]+)\b")
FUNCTION_WORDS = frozenset((
    "who", "whom", "whose", "that", "which", "with", "in", "at", "for", "of", "and", "or", "on", "to", "by", "from",
    "as", "than", "is", "was", "has", "had", "does", "did", "can", "could", "will", "would", "may", "might", "must",
    "should", "shall"))


def _modifier(text: str, end: int) -> bool:
    """A singular occupation word followed by a noun modifies it ("teacher scale", "nurse station")."""
    if text[end - 1 : end] == "s":
        return False
    nxt = NEXT_WORD.match(text, end)
    if nxt is None:
        return False
    word = nxt.group(1)
    return word not in FUNCTION_WORDS and verb_form(word) in (None, "base")
