"""Duties: verb phrases whose subject is a role, split into one short base-form phrase per task.

"Audiologists fit and program hearing aids, counsel patients and screen newborns" gives three
duties; "responsible for translating X and reviewing Y" gives "translate X" and "review Y".
A word is a verb when ``data/duty_verbs.txt`` lists it or lemminflect's dictionary knows it only
as a verb; base forms come from the same two sources (``pipeline.rules.words``). Subjects are the
roles that open a sentence or a clause, pronouns that carry the subject on, "both ..." and "duties
include"; items of a list are duties of the list's role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from pipeline.rules.clauses import NEGATION
from pipeline.rules.loader import matcher, procedure, regex
from pipeline.rules.matcher import Pattern
from pipeline.rules.text import Piece
from pipeline.rules.words import base_form, verb_form
from pipeline.stages.attribute import roles_at
from pipeline.types import Facts, RoleInfo, Sentence
from schemas.article import Duty

RULES = "duty_patterns.jsonl"
# Between a subject and its verb: appositives ("(RNs)"), post-modifiers ("with extra training"),
# adverbs and modals; where a predicate's tasks end.
APPOSITIVE, POST_MODIFIER = regex(RULES, "appositive"), matcher(RULES, "post-modifier")
MODIFIERS, CUT = matcher(RULES, "modifiers"), matcher(RULES, "cut")
PARTICLE = regex(RULES, "particle")
# Subjects other than a role: "During boarding they ...", "Duties include ...".
PRONOUN_SUBJECT, TASK_LIST = regex(RULES, "pronoun-subject"), matcher(RULES, "task-list")
CONJUNCTIONS = {"and", "or", "also", "then", "both"}
CAUSATIVE = {"help", "let", "make", "watch", "teach"}
PREPOSITIONS = {"for", "to", "with", "on", "in", "about", "at", "of", "from", "into", "by"}
CONJ_WORDS = re.compile(r"\b(and|or|also|then|both)\b")
MAX_WORDS = 14
WORD = re.compile(r"[\w'’-]+")
FIRST_WORD = re.compile(r"\s*([\w'’-]+)")
ONLY_COMMAS = re.compile(r"[\s,]*")


Word = tuple[int, int, str]


@dataclass(frozen=True)
class Phrase:
    start: int
    end: int
    text: str


def verb_phrases(t: Piece | str, cut_at: Pattern | None = None) -> list[Phrase]:
    """Split a predicate into coordinated verb phrases, each in base form; ``cut_at`` ends the tasks
    (``CUT`` unless given)."""
    rest = t if isinstance(t, str) else t.text
    first = WORD.search(rest)
    form = _task_form(first.group(0)) if first else None
    if first is None or form is None:
        return []  # most predicates: decided by the first word, before the rest is split up
    cut = (cut_at or CUT).search_start(t)
    region = rest if cut is None else rest[:cut]
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(region)]
    if not words:
        return []
    if words[0][0] != first.start() or words[0][2] != first.group(0):  # the cut fell inside the first word
        form = _task_form(words[0][2])
        if form is None:
            return []
    return _phrases(region, words, _phrase_starts(region, words, form), form)


def _task_form(word: str) -> str | None:
    """The verb form of a predicate's first word when it can start a task (not a past tense)."""
    form = verb_form(word)
    return None if form == "past" else form


def _phrase_starts(region: str, words: list[Word], form: str) -> list[int]:
    """Indices of the words that start a coordinated verb phrase: the first, and each verb of the
    predicate's form joined to what comes before by a comma or a conjunction."""
    splits = [0]
    # "help patients bathe, dress and eat": the verbs after "help someone" are one task.
    causative = (base_form(words[0][2]) or "") in CAUSATIVE
    lows = [w.lower() for _, _, w in words]
    # Only a word after a comma or a conjunction can start another phrase.
    joined = [i for i in range(1, len(words))
              if lows[i - 1] in CONJUNCTIONS or "," in region[words[i - 1][1] : words[i][0]]]
    for i in joined:
        if causative and i <= 6:
            continue
        if _starts_phrase(region, words, lows, i, form):
            splits.append(i)
    return splits


def _starts_phrase(region: str, words: list[Word], lows: list[str], i: int, form: str) -> bool:
    """Whether word ``i``, after a comma or a conjunction, is the verb of another phrase."""
    k = i - 1
    while k > 0 and lows[k] in CONJUNCTIONS:
        k -= 1
    between = region[words[k][1] : words[i][0]]
    if k == i - 1 and "," not in between:
        return False  # not joined to what comes before: most words
    # "to clean and model data": one infinitive with two verbs, not two duties.
    if k > 0 and lows[k - 1] == "to" and base_form(words[k][2]) is not None:
        return False
    # After a comma a list item is loosely a verb ("steam milk"); after a bare "and" only a sure verb
    # is ("hearing loss and balance disorders"); a last word is an object ("pipes, valves and pumps").
    # A word with a particle and an object after it is a phrasal verb ("and grind down the seams").
    loose = ("," in between and i + 1 < len(words)) or (
        i + 2 < len(words) and PARTICLE.match(lows[i + 1]) is not None)
    return bool(ONLY_COMMAS.fullmatch(CONJ_WORDS.sub("", between))) and verb_form(words[i][2], loose=loose) == form


def _phrases(region: str, words: list[Word], splits: list[int], form: str) -> list[Phrase]:
    """The phrases between the split points; a bare verb is carried onto the next phrase."""
    bounds = [(i, splits[n + 1] if n + 1 < len(splits) else len(words)) for n, i in enumerate(splits)]
    out: list[Phrase] = []
    pending = ""
    for i, full_end in bounds:
        j = full_end
        while j - i > 1 and words[j - 1][2].lower() in CONJUNCTIONS:
            j -= 1
        # A last phrase is one that runs to the end of the tasks without a dangling conjunction.
        if (i, j) != bounds[-1] and _shares_object(words, i, j):
            # A bare verb shares the next verb's object: "clean and prepare sites", "draw up and update
            # plans", "search for and identify".
            conj = " or " if any(w[2].lower() == "or" for w in words[j:full_end]) else " and "
            pending += (base_form(words[i][2]) or words[i][2]) + region[words[i][1] : words[j - 1][1]] + conj
            continue
        seg_words = words[i:j][:MAX_WORDS]
        start, end = seg_words[0][0], seg_words[-1][1]
        verb = base_form(seg_words[0][2]) or seg_words[0][2]
        out.append(Phrase(start, end, pending + verb + _base_coordinated(region, seg_words, form)))
        pending = ""
    return out


def _shares_object(words: list[Word], i: int, j: int) -> bool:
    """Whether the phrase ``words[i:j]`` is a bare verb (with its particle) or ends in a preposition."""
    bare = j - i == 1 or (j - i == 2 and PARTICLE.match(words[i + 1][2].lower()) is not None)
    return bare or words[j - 1][2].lower() in PREPOSITIONS


def _base_coordinated(region: str, seg_words: list[Word], form: str) -> str:
    """The phrase after its verb, with "sands and varnishes the floors" in base form too."""
    out = region[seg_words[0][1] : seg_words[-1][1]]
    if form == "base":
        return out
    offset = seg_words[0][1]
    for n in range(len(seg_words) - 2, 0, -1):
        start, end, word = seg_words[n]
        base = base_form(word)
        if seg_words[n - 1][2].lower() in ("and", "or") and base and verb_form(word) == form:
            out = out[: start - offset] + base + out[end - offset :]
    return out


def predicate(t: Piece | str, pos: int) -> int:
    """Where the predicate starts after a subject ending at ``pos``: past appositives and modifiers."""
    m = APPOSITIVE.match(t if isinstance(t, str) else t.text, pos)
    end = m.end() if m else None
    if not _verb_after(t, pos, end):
        end = POST_MODIFIER.match_end(t, pos)
        if not _verb_after(t, pos, end):
            end = None
    return _skip_modifiers(t, pos if end is None else end)


def _verb_after(t: Piece | str, pos: int, end: int | None) -> bool:
    """Whether a verb follows the modifiers after ``end``, a skip that moved on from ``pos``."""
    if end is None or end <= pos:
        return False
    return bool(base_form(_first_word(t if isinstance(t, str) else t.text, _skip_modifiers(t, end))))


def _skip_modifiers(t: Piece | str, pos: int) -> int:
    end = MODIFIERS.match_end(t, pos)
    return pos if end is None else end


def _first_word(text: str, pos: int) -> str:
    m = FIRST_WORD.match(text, pos)
    return m.group(1) if m else ""


NEGATED_PREDICATE = regex("negation.jsonl", "negated-predicate")


def pronoun_subject(text: str) -> int | None:
    """End of a pronoun subject, after an optional introductory phrase ("During sessions, they ...")."""
    m = PRONOUN_SUBJECT.match(text)
    return m.end() if m else None


def task_list(t: Piece | str) -> int | None:
    m = TASK_LIST.search(t)
    return m.end() if m else None


def is_negated(text: str, pos: int) -> bool:
    return bool(NEGATED_PREDICATE.match(text, pos))


DUTY_PROSE, DUTY_LIST_ITEM = procedure("duty-prose"), procedure("duty-list-item")
DUTY_TASK_LIST = procedure("duty-task-list")
NO_DUTY_KINDS = {"salary", "outlook", "requirements", "faq", "pros_cons", "conclusion", "skills", "work_environment"}
CREDENTIAL_NOT_DUTY = regex(RULES, "credential-not-duty")
WORK_NOT_DUTY = regex(RULES, "work-not-duty")
ITEM_CUT, TASK_INTRO = matcher(RULES, "item-cut"), matcher(RULES, "task-intro")


class ListIntro(NamedTuple):
    """The sentence that introduced a list: its roles, and whether it announced tasks."""

    roles: list[str]
    tasks: bool


def list_intro(s: Sentence) -> ListIntro | None:
    """What a sentence says of the list after it ("X typically do the following:" announces tasks,
    "X need the following:" something else); None when it introduces no list: only a paragraph's
    last sentence, ending with a colon, can."""
    if s.span.block.kind != "paragraph" or not s.text.endswith(":") or s.end != s.span.end:
        return None
    return ListIntro(list(s.roles.subject), TASK_INTRO.found(s))


def duties_in(s: Sentence, roles: list[RoleInfo], kind: str, facts: Facts, intro: ListIntro | None = None) -> None:
    """Duties of a sentence; ``intro`` is what introduced the list the sentence is an item of: an
    item of a list introduced as tasks is a duty of the introduction's role(s)."""
    if kind in NO_DUTY_KINDS or s.span.block.kind in ("heading", "title", "table_row"):
        return
    if s.text[-1:] == ":" and TASK_INTRO.found(s):
        return  # "X typically do the following:": the tasks are the items, not "do the following"
    subjects = _subjects(s)
    if s.span.block.kind == "list_item" and not subjects:
        if intro is not None and intro.tasks:
            _item_duties(s, intro.roles or s.roles.subject, DUTY_TASK_LIST, facts)
        else:
            _item_duties(s, s.roles.subject, DUTY_LIST_ITEM, facts)
        return
    for pos, named in subjects:
        _predicate_duties(s, pos, named, roles, facts)


def _predicate_duties(s: Sentence, pos: int, named: bool, roles: list[RoleInfo], facts: Facts) -> None:
    """The tasks of the predicate after a subject that ends at ``pos`` (``named``: a role mention)."""
    start = predicate(s, pos)
    if is_negated(s.text, start) or NEGATION.found(s[pos:start]):
        return
    who = roles_at(s, max(0, pos - 1), roles) if named else s.roles.subject
    if not who:
        return
    for phrase in verb_phrases(s[start:]):
        if phrase.text.lower().startswith("work") and WORK_NOT_DUTY.match(phrase.text[4:]):
            continue
        if CREDENTIAL_NOT_DUTY.match(phrase.text):
            continue
        _add_duty(facts, who, s, phrase.text, DUTY_PROSE)


def _item_duties(s: Sentence, who: list[str], rule: str, facts: Facts) -> None:
    """A list item is one task or a few joined ones, after an adverb ("Carefully label samples")."""
    for phrase in verb_phrases(s[_skip_modifiers(s, 0):], ITEM_CUT):
        _add_duty(facts, who, s, phrase.text, rule)


def _subjects(s: Sentence) -> list[tuple[int, bool]]:
    """Positions just after a sentence or clause subject, and whether a role mention is that subject.

    Subjects: the opening role mentions, a pronoun ("During boarding they ..."), "Both ...",
    "duties include", a role named after a clause break, and "..., and they ..." mid-sentence.
    """
    text = s.text
    out: list[tuple[int, bool]] = []
    opening = s.roles.opening
    if opening:
        out.append((opening[-1].end, True))
    elif s.roles.subject:
        pron = pronoun_subject(text)
        both = BOTH_SUBJECT.match(text)
        listed = task_list(s)
        if pron is not None:
            out.append((pron, False))
        elif both and not JOBS_AS_SUBJECT.match(text):
            out.append((both.end(), False))
        elif listed is not None:
            out.append((listed, False))
    for m in s.roles.mentions:
        prev = text[: m.start].rstrip()
        if (prev.endswith((",", "while", "whereas", "but", "and", ";")) and m.start > 0
                and all(m.end != pos for pos, _ in out) and not prev.endswith(("such as", "like"))):
            out.append((m.end, True))
    if s.roles.subject:
        out.extend((m.end(), False) for m in LATER_PRONOUN.finditer(s))
    return out


LATER_PRONOUN = matcher(RULES, "later-pronoun")


JOBS_AS_SUBJECT = regex(RULES, "jobs-as-subject")
BOTH_SUBJECT = regex(RULES, "both-subject")


def _add_duty(facts: Facts, who: list[str], s: Sentence, phrase: str, rule: str) -> None:
    phrase = " ".join(phrase.split()).strip(" ,.;:")
    if len(phrase.split()) < 2 and rule != DUTY_LIST_ITEM:
        return
    key = (phrase.lower(), tuple(who))
    if key in facts.duty_keys:
        return
    facts.duty_keys.add(key)
    facts.duties.append(Duty(roles=who, evidence=s.evidence(), rule=rule, text=phrase))
