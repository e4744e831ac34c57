"""attribute: which role(s) a sentence, and a position inside it, is about.

Rules, in order: "both"/"all three"/"the two roles" give every role; a leading "Unlike X," does
not make X the subject ("Like X, Y" gives both); the mentions that open a sentence are its
subject, with the roles a field's workers coordinated with it name ("X and library workers");
"the former"/"the latter" name the first/second role; a sentence opening with
"They"/"These professionals" carries the previous subject; a sentence opening with another
occupation has none; otherwise the subject of a lead-in ending with a colon for the lines of the
list under it, the section's role (a section about one role), the only role of a profile, the one
role the sentence names, the previous subject, or, in a section shared by all roles, every role.
Inside a sentence, a fact takes the roles named in its own clause ("X earn A, while Y earn B").
"""

from __future__ import annotations

from collections.abc import Hashable

from pipeline.rules.cache import TextStore, text_cache
from pipeline.rules.clauses import CURRENCY, NEXT_OWNER, THAN_OPENED, after_earlier_figure, clause_bounds
from pipeline.rules.loader import matcher, regex
from pipeline.rules.mentions import find_mentions, may_open_sentence
from pipeline.rules.others import (
    LEAD_IN,
    declares_other,
    in_aside,
    in_declared_subject,
    names_subject,
    opens_with_other_kept,
    possessive,
    roles_by_code,
)
from pipeline.rules.text import Piece
from pipeline.types import Block, Mention, RoleInfo, Segmented, Sentence, SentenceAt, SentenceRoles

RULES = "attribution.jsonl"
# Who a sentence is about: "both" names every role, "they" the previous subject; "Like X, Y" both.
ALL_CUE, CARRY_CUE = matcher(RULES, "all-cue"), matcher(RULES, "carry-cue")
GROUPED_PRONOUN = regex(RULES, "grouped-pronoun")
LIKE, UNLIKE = matcher(RULES, "like"), matcher(RULES, "unlike")
OPENS_WITH_BOTH = regex(RULES, "opens-with-both")



SHARED_KINDS = {"requirements", "work_environment", "skills"}


def attribute(located: list[SentenceAt], seg: Segmented, roles: list[RoleInfo]) -> list[Sentence]:
    """The sentences with the roles each is about; the subject carries on within a section."""
    out: list[Sentence] = []
    # The previous sentence's subject; None when it was about another occupation, so "They" is too.
    previous: list[str] | None = []
    last_section = -1
    every = [r.id for r in roles]
    header: Block | None = None
    # The subject of a lead-in that ends with a colon ("X earn the most in these states:") goes on to
    # the list under it, before the section's role.
    lead: list[str] = []
    for at in located:
        if at.section != last_section:
            previous, lead = [], []
            last_section = at.section
        section = seg.sections[at.section]
        if lead and not _listed(at.span.block):
            lead = []  # only a list's lines carry its lead-in's subject, and most sentences have none
        default = lead or (section.roles if len(section.roles) == 1 else [])
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
        lead = s.roles.subject if s.text.rstrip().endswith(":") else lead
        out.append(s)
    return out


# The most words of a line of a list written without bullets ("Nevada: $17.65 an hour"), and how such a
# line may not end: it is no sentence, nor the lead-in of another list.
MAX_LIST_WORDS = 25
ITEM_END = (".", "!", "?", ":")


def list_line(block: Block, text: str) -> bool:
    """Whether a block (of which ``text`` is read) is a line of a list: a list item, or a short line
    that ends no sentence."""
    line = text.rstrip()
    return block.kind == "list_item" or (block.kind == "paragraph" and not line.endswith(ITEM_END)
                                         and len(line.split()) <= MAX_LIST_WORDS)


def _listed(block: Block) -> bool:
    """Whether a block can be an item of a list under a lead-in: a line of a list, or a table's row."""
    return block.kind == "table_row" or list_line(block, block.text)


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
        # A clause with a figure of its own ("Deckhands earn $15 an hour, and X ...") is no lead-in.
        if (comma > 0 and not any(pos <= m.start < comma for m in mentions) and text[pos:comma].count(" ") <= 7
                and not CURRENCY.search(text, pos, comma)):
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
    # The roles as the plain values they are made of, which hash and compare faster than the objects.
    subject, mentions, opening, other = _kept_roles(
        t.text, t.fold, tuple((r.id, r.name, r.forms, r.soc) for r in roles),
        None if previous is None else tuple(previous), tuple(default), None if shared is None else tuple(shared))
    return SentenceRoles(list(subject), list(mentions), opening=list(opening), other=other)


RolesRead = tuple[tuple[str, ...], tuple[Mention, ...], tuple[Mention, ...], bool]
RoleValues = tuple[tuple[str, str, tuple[str, ...], tuple[str, str] | None], ...]


@text_cache(maxsize=16384)
def _kept_roles(text: str, fold: str, roles: RoleValues, previous: tuple[str, ...] | None,
                default: tuple[str, ...], shared: tuple[str, ...] | None) -> RolesRead:
    """``sentence_roles`` as plain values, kept by the sentence's text and what else it reads: a
    sentence that recurs in the same context is read once."""
    found = _sentence_roles(Piece(text, fold), [RoleInfo(*r) for r in roles],
                            None if previous is None else list(previous), list(default),
                            None if shared is None else list(shared))
    return tuple(found.subject), tuple(found.mentions), tuple(found.opening), found.other


def _sentence_roles(t: Piece, roles: list[RoleInfo], previous: list[str] | None, default: list[str],
                    shared: list[str] | None) -> SentenceRoles:
    mentions = find_mentions(roles, t.text)
    if declares_other(t.text, mentions):
        return SentenceRoles([], [m for m in mentions if not in_declared_subject(t.text, m)], other=True)
    opening = opening_mentions(t, mentions)
    said = _said_subject(t, roles, previous, mentions, opening)
    if said is None and previous and not mentions and GROUPED_PRONOUN.search(t.text):
        said = previous  # "The BLS counts them among light truck drivers": the previous role's group
    if said is not None:
        return SentenceRoles(said, mentions, opening=opening, other=previous is None and not said)
    if opens_with_other_kept(t.text, tuple(mentions), tuple(roles)) or PERSONAL_SUBJECT.match(t.text):
        return SentenceRoles([], mentions, opening=opening, other=True)
    subject = _default_subject(t, roles, previous or [], default, shared, mentions)
    return SentenceRoles(subject, mentions, opening=opening)


def _said_subject(t: Piece, roles: list[RoleInfo], previous: list[str] | None, mentions: list[Mention],
                  opening: list[Mention]) -> list[str] | None:
    """The subject the sentence states: "both", "Like X, Y", the roles that open it, "the former",
    "they"; None when it states none."""
    text = t.text
    if len(roles) > 1 and _all_cue(t) and (
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


def _all_cue(t: Piece) -> bool:
    """"Both", "either job" near the start, not inside another occupation's aside ("Drillers, who
    supervise both crews, earn ...")."""
    return any(not in_aside(t.text, m.start()) for m in ALL_CUE.finditer(t[:60]))


def _default_subject(t: Piece, roles: list[RoleInfo], previous: list[str], default: list[str],
                     shared: list[str] | None, mentions: list[Mention]) -> list[str]:
    """A sentence that states no subject: the only role, the section's, the one it names, the previous one."""
    if len(roles) == 1:
        return [roles[0].id]
    if default:
        return default
    named = {m.role for m in mentions if not possessive(t.text, m)}
    if len(named) == 1 and UNLIKE.match_end(t) is None:
        return order(roles, named)
    if previous and not mentions:
        return previous
    return [] if mentions else list(shared or [])


# A key of a text's answers (its words alone decide): whether it says neither "both" nor "the former".
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
        plain: bool | None = s.text_answers.get(_PLAIN)
        if plain is None:
            plain = s.text_answers[_PLAIN] = not (ALL_CUE.may_match_within(s) or ORDINAL_ANYWHERE.may_match_within(s))
        if plain:
            return list(sent.subject)
    start, end = clause_bounds(text, pos)
    local = [m for m in sent.mentions if start <= m.start < end and names_subject(text, m)]
    # A sentence's facts mostly share a clause: the answer is kept by clause and mentions before, for
    # the sentence and for every other of the same words said of the same roles in the same way.
    key = (start, end, sum(1 for m in local if m.start < pos))
    answer: tuple[str, ...] | None = s.answers.get(key)
    if answer is None:
        kept = (_said(s, roles), *key)
        answer = _CLAUSES.get(kept)
        if answer is None:
            answer = tuple(_roles_in_clause(s, start, end, pos, local, roles))
            _CLAUSES.put(kept, answer)
        s.answers[key] = answer
    return list(answer)


# The roles of a clause of a sentence, by what they depend on (``_said``) and the clause.
_CLAUSES: TextStore[tuple[str, ...]] = TextStore(maxsize=16384)
_SAID = "roles:said"  # the key of a sentence's answer


def _said(s: Sentence, roles: list[RoleInfo]) -> Hashable:
    """What a clause's roles depend on, as plain values: the sentence's text and case fold, its roles'
    mentions, its subject, whether it is about another occupation, and the article's roles."""
    said: Hashable | None = s.answers.get(_SAID)
    if said is None:
        sent = s.roles
        mentions = tuple((m.start, m.end, m.role) for m in sent.mentions)
        said = s.answers[_SAID] = (s.text, s.fold, mentions, tuple(sent.subject), sent.other,
                                   tuple((r.id, r.name, r.forms, r.soc) for r in roles))
    return said


def _roles_in_clause(s: Sentence, start: int, end: int, pos: int, local: list[Mention],
                     roles: list[RoleInfo]) -> list[str]:
    clause = s[start:end]
    # "Pipelayers are a different trade: ..., and their pay says little about either trade": a sentence
    # about another occupation gives no figure to every role.
    if len(roles) > 1 and not s.roles.other and any(
            not in_aside(s.text, start + m.start()) for m in ALL_CUE.finditer_caseless(clause)):
        return [r.id for r in roles]
    if start == 0 and LIKE.match_end(clause) is not None:
        return s.roles.subject
    if not local and len(roles) == 2:
        ordinal = _former_latter(clause, roles)
        if ordinal:
            return ordinal
    if local:
        return _named_in_clause(s, start, end, pos, local, roles)
    if start > 0 and (coded := roles_by_code(s.text[start:end], roles)):
        return coded
    return _earlier_clause_subject(s, start, roles) or s.roles.subject


def _named_in_clause(s: Sentence, start: int, end: int, pos: int, local: list[Mention],
                     roles: list[RoleInfo]) -> list[str]:
    """The roles of a clause that names some: those that open it before the fact ("X and Y earn $A"),
    else the group the last of them ends, else the one named after it ("$A for X")."""
    before = [m for m in local if m.start < pos]
    if (later := after_earlier_figure(s.text, start, pos, before)):
        return order(roles, {later[0].role})  # "X earn $A an hour and Y make $B"
    if before:
        first = opening_mentions(s[start:], [Mention(m.start - start, m.end - start, m.role) for m in before])
        if not first:
            return order(roles, _group_ending(s.text, before))
        return order(roles, {m.role for m in first} | _group_roles(s.text[start:end], first[-1].end, roles))
    if THAN_OPENED.search(s.text, max(0, start - 8), start) and NEXT_OWNER.search(s.text, pos, local[0].start):
        # "X earn more than $A and Y more than $B": the clause "than" opens at the figure goes on to name
        # the next owner; the figure's is the earlier clause's.
        return _earlier_clause_subject(s, start, roles) or s.roles.subject
    if start == 0 and (s.roles.other or (s.roles.subject and CARRY_CUE.match_end(s) is not None)):
        # "A smaller number work in hospitals near X": the carried subject's; "They earned $A and
        # start as X-ray technologists", said of another occupation: no role's.
        return s.roles.subject
    return order(roles, {local[0].role})


def _earlier_clause_subject(s: Sentence, start: int, roles: list[RoleInfo]) -> list[str]:
    """The roles that open the nearest earlier clause opening with roles ("X need A; Y usually need B,
    and some start with C": C is Y's) or with a role's group name, if any clause before the first one does."""
    text = s.text
    end = start
    while end > 0:
        c0, _ = clause_bounds(text, max(0, end - 1))
        if c0 == 0:
            return []  # the sentence's first clause: its subject is the sentence's
        named = [Mention(m.start - c0, m.end - c0, m.role) for m in s.roles.mentions
                 if c0 <= m.start < end and names_subject(text, m)]
        first = opening_mentions(s[c0:], named) if named else []
        if first:
            return order(roles, {m.role for m in first})
        if not named and (coded := roles_by_code(text[c0:end], roles)):
            return coded  # "..., while the top 10 percent of kiln tenders make more than $A"
        end = c0
    return []


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


