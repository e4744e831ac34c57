"""Duties: verb phrases whose subject is a role, split into one base-form phrase per task.

"Audiologists fit and program hearing aids, counsel patients and screen newborns" gives three
duties; "responsible for translating X and reviewing Y" gives "translate X" and "review Y".
A word is a verb when ``data/duty_verbs.txt`` lists it or lemminflect's dictionary knows it only
as a verb; base forms come from the same two sources (``pipeline.rules.words``); the split into
tasks is ``pipeline.rules.tasks``. Subjects are the roles that open a sentence or a clause, a kind
of the role ("Mortgage loan officers"), pronouns and quantifiers that carry the subject on ("they",
"many also", "..., and a growing number"), "both ...", "duties include" and "a typical week might
include", and the writer's "we" or "I" where the page says the role is their job; items of a list are
duties of the list's role. Another occupation's sentence, or "they" after one, gives no duty.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.rules.cache import text_cache
from pipeline.rules.clauses import NEGATION
from pipeline.rules.loader import matcher, procedure, regex
from pipeline.rules.others import other_occupation
from pipeline.rules.tasks import OBJECT_OPENERS, PREPOSITIONS, RELATIVES, WORD, verb_phrases
from pipeline.rules.text import Piece
from pipeline.rules.words import base_form, parts_of_speech, verb_form
from pipeline.stages.attribute import roles_at
from pipeline.types import Facts, RoleInfo, Sentence
from schemas.article import Duty

RULES = "duty_patterns.jsonl"
# Between a subject and its verb: appositives ("(RNs)"), post-modifiers ("with extra training"),
# adverbs and modals; where a predicate's tasks end.
APPOSITIVE, POST_MODIFIER = regex(RULES, "appositive"), matcher(RULES, "post-modifier")
MODIFIERS = matcher(RULES, "modifiers")
# Subjects other than a role: "During boarding they ...", "Duties include ...".
PRONOUN_SUBJECT, TASK_LIST = regex(RULES, "pronoun-subject"), matcher(RULES, "task-list")
FIRST_PERSON_SUBJECT = regex(RULES, "first-person-subject")
FIRST_WORD = re.compile(r"\s*([\w'’-]+)")
DETERMINER_QUANTIFIERS = {"many", "most", "some"}
RELATIVE_CLAUSE = regex(RULES, "relative-subject")
MAX_RELATIVE = 80  # characters: a relative clause on a subject is short
STOPS = re.compile(r"[,.;:()]")
OTHER_CLAUSE = regex(RULES, "other-clause")
NOUN_PHRASE = re.compile(r"(?:[\w'’-]+\s+){0,2}[\w'’-]+")  # the few words that may name a clause's subject
# What joins a clause to the next one's subject: "X test recipes, while | Y load kilns".
JOINT_BEFORE = re.compile(r"[\s,;]*(?:\b(?:and|but|or|while|whereas|so|then)\b[\s,;]*)*$", re.IGNORECASE)
# Words after which a verb form is a noun or an object, not the main verb after a relative clause.
FUNCTION_WORDS = PREPOSITIONS | OBJECT_OPENERS | RELATIVES | {"and", "or", "but", "not", "to"}
# Words that follow a verb rather than a noun: "Many work in ...", "a growing number repair the ...".
AFTER_VERB = PREPOSITIONS | {"the", "a", "an", "their", "his", "her", "its", "each", "every", "all", "any", "up",
                             "out", "down", "off", "over", "back", "away", "through", "between", "across",
                             "around", "as"}


def predicate(t: Piece | str, pos: int) -> int:
    """Where the predicate starts after a subject ending at ``pos``: past appositives and modifiers."""
    m = APPOSITIVE.match(t if isinstance(t, str) else t.text, pos)
    end = m.end() if m else None
    if not _verb_after(t, pos, end):
        end = POST_MODIFIER.match_end(t, pos)
        if not _verb_after(t, pos, end):
            end = _after_relative(t if isinstance(t, str) else t.text, pos)
    return _skip_modifiers(t, pos if end is None else end)


def _after_relative(text: str, pos: int) -> int | None:
    """Where the main verb starts after a relative clause on the subject ("CVTs who specialize in
    echocardiography record images"): the next verb of the clause verb's form after a noun."""
    m = RELATIVE_CLAUSE.match(text, pos)
    if m is None:
        return None
    clause = text[m.end() : m.end() + MAX_RELATIVE]
    words = list(WORD.finditer(clause[: len(clause) - len(clause.lstrip())] + STOPS.split(clause.lstrip(), 1)[0]))
    if not words or "VERB" not in parts_of_speech(words[0].group().lower()):
        return None
    # The clause's verb agrees with the subject as the main verb does ("who specialize ... record").
    form = "s" if words[0].group().endswith("s") and not words[0].group().endswith("ss") else "base"
    for prev, word in zip(words[1:], words[2:], strict=False):
        if verb_form(word.group()) == form and prev.group().lower() not in FUNCTION_WORDS:
            return m.end() + word.start()
    return None


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
    if s.span.block.kind != "list_item" and not s.roles.subject and not s.roles.mentions:
        return  # no role to give a task to, and no list item of a list of tasks
    if s.text[-1:] == ":" and TASK_INTRO.found(s):
        return  # "X typically do the following:": the tasks are the items, not "do the following"
    subjects = _subjects(s, {r.id for r in roles if r.voiced})
    if s.span.block.kind == "list_item" and not subjects:
        if intro is not None and intro.tasks:
            _item_duties(s, intro.roles or s.roles.subject, DUTY_TASK_LIST, facts)
        else:
            _item_duties(s, s.roles.subject, DUTY_LIST_ITEM, facts)
        return
    for _, pos, named in subjects:
        # A predicate's tasks end where the next subject starts ("X test recipes while Y load kilns").
        until = min((start for start, _, _ in subjects if start >= pos), default=len(s.text))
        if until < len(s.text):
            joint = JOINT_BEFORE.search(s.text, max(pos, until - 40), until)
            until = joint.start() if joint else until
        _predicate_duties(s, pos, until, named, roles, facts)


def _predicate_duties(s: Sentence, pos: int, until: int, named: bool, roles: list[RoleInfo], facts: Facts) -> None:
    """The tasks of the predicate after a subject that ends at ``pos`` and before ``until`` (``named``:
    the subject is a role mention)."""
    tasks = _tasks(s, pos, until)
    if not tasks:
        return
    who = roles_at(s, max(0, pos - 1), roles) if named else s.roles.subject
    named_here = [m.role for m in s.roles.mentions if m.end == pos] if named else []
    if named_here and named_here[0] not in who:
        who = named_here  # "A manage X and B decide Y": B's own clause, whatever the sentence is about
    bare_both = BOTH_THEN_VERB.match(s.text)
    if bare_both is not None and bare_both.end() == pos and SHARED_THEN_CONTRAST.match(s.text, pos):
        return  # "Both keep goods moving, but ...": a summary that sets up the difference
    for task in tasks if who else []:
        _add_duty(facts, who, s, task, DUTY_PROSE)


def _tasks(s: Sentence, pos: int, until: int) -> list[str]:
    """The tasks a predicate states, from past its subject (ending at ``pos``) to ``until``: none when
    it is negated, a requirement ("hold a licence") or where and when they work ("work nights")."""
    start = _task_start(s.text, pos)
    if start is None:
        return []
    until = _before_other_subject(s, start, until if until > start else len(s.text))
    return [p.text for p in verb_phrases(s[start:until]) if not CREDENTIAL_NOT_DUTY.match(p.text)
            and not (p.text.lower().startswith("work") and WORK_NOT_DUTY.match(p.text[4:]))]


@text_cache(maxsize=8192)
def _task_start(text: str, pos: int) -> int | None:
    """Where the predicate after a subject ending at ``pos`` starts, or None when it states no task (its
    first word is no verb that can start one, or it is negated); kept by text."""
    t = Piece(text)
    start = predicate(t, pos)
    first = WORD.search(text, start)
    if first is None or verb_form(first.group()) in (None, "past"):
        return None  # most predicates: no task, told by the first word before anything else is read
    if is_negated(text, start) or NEGATION.found(t[pos:start]):
        return None
    return start


def _before_other_subject(s: Sentence, start: int, until: int) -> int:
    """Where a clause about another occupation starts in ``s.text[start:until]`` ("load kilns while
    shift supervisors check the logs"), or ``until``."""
    region = s.text[start:until]
    if "," not in region and " while " not in region and " whereas " not in region:
        return until  # no clause joint the rule could match: most predicates
    for m in OTHER_CLAUSE.finditer(s.text, start, until):
        head = NOUN_PHRASE.match(s.text, m.end())
        if head and other_occupation(s, m.end(), head.end()):
            return m.start()
    return until


def _item_duties(s: Sentence, who: list[str], rule: str, facts: Facts) -> None:
    """A list item is one task or a few joined ones, after an adverb ("Carefully label samples")."""
    for phrase in verb_phrases(s[_skip_modifiers(s, 0):], ITEM_CUT):
        _add_duty(facts, who, s, phrase.text, rule)


def _subjects(s: Sentence, voiced: set[str]) -> list[tuple[int, int, bool]]:
    """Where each sentence or clause subject starts and ends, and whether a role mention is that subject.

    Subjects: the opening role mentions, a pronoun ("During boarding they ..."), a quantifier ("Many
    also ..."), "Both ...", "duties include", a role named after a clause break, and "..., and they
    ..." or "..., and a growing number ..." mid-sentence.
    """
    out = _sentence_subject(s, voiced)
    stated = bool(out)
    text = s.text
    for m in s.roles.mentions:
        prev = text[max(0, m.start - 12) : m.start].rstrip()  # what joins the mention to the words before
        if (prev.endswith((",", "while", "whereas", "but", "and", ";")) and m.start > 0
                and all(m.end != pos for _, pos, _ in out) and not prev.endswith(("such as", "like"))):
            out.append((m.start, m.end, True))
            # "Working from wireframes, UI designers choose ...": a clause's own subject; "that X and Y
            # write" is no subject of the sentence.
            stated = stated or not prev.endswith("and")
    # "..., and they ..." carries on the sentence's own subject; after another subject ("Opticians fill
    # prescriptions: they ...", "Both jobs pay well, but they ...") it is not a role.
    if s.roles.subject and stated:
        out.extend((m.start(), m.end(), False) for m in LATER_PRONOUN.finditer(s))
        out.extend((start, end, False) for start, end in _quantifier_subjects(s) if start > 0)
    return out


def _sentence_subject(s: Sentence, voiced: set[str]) -> list[tuple[int, int, bool]]:
    """Where the sentence's own subject ends, when it is a role: its opening mentions, a subtype
    ("Mortgage loan officers"), a pronoun, a quantifier, "Both ..." or "duties include"."""
    opening = s.roles.opening
    if opening:
        return [(0, opening[-1].end, True)]
    if not s.roles.subject:
        return []
    text = s.text
    first = s.roles.mentions[0] if s.roles.mentions else None
    if (first is not None and SUBTYPE_OPENING.fullmatch(text, 0, first.start)
            and verb_form(_first_word(text, 0), loose=False) is None):
        return [(0, first.end, True)]
    pron = pronoun_subject(text)
    if pron is not None:
        return [(0, pron, False)]
    # "We calibrate the machines" on a page whose writer does the role's job.
    ours = FIRST_PERSON_SUBJECT.match(text) if set(s.roles.subject) <= voiced else None
    if ours is not None:
        return [(0, ours.end(), False)]
    quantified = [end for start, end in _quantifier_subjects(s) if start == 0]
    if quantified:
        return [(0, quantified[0], False)]
    verb_next = BOTH_THEN_VERB.match(text)
    if verb_next and verb_form(verb_next.group(1), loose=False) == "base":
        return [(0, verb_next.end(), False)]
    both = BOTH_SUBJECT.match(text)
    if both and not JOBS_AS_SUBJECT.match(text):
        return [(0, both.end(), False)]
    listed = task_list(s)
    return [] if listed is None else [(0, listed, False)]


def _quantifier_subjects(s: Sentence) -> list[tuple[int, int]]:
    """Quantifiers standing for the subject ("Many also ...", "..., and a growing number repair ..."),
    as (start, end): only before a base-form verb, since "Some states require" names something else."""
    if QUANTIFIER_WORDS.isdisjoint(s.words):
        return []
    known: list[tuple[int, int]] | None = s.answers.get(_QUANTIFIED)
    if known is not None:
        return known  # asked for the sentence's own subject and again for its later clauses
    out: list[tuple[int, int]] = []
    s.answers[_QUANTIFIED] = out
    text = s.text
    for m in QUANTIFIER_SUBJECT.finditer(s):
        verb_at = _skip_modifiers(s, m.end())
        verb = FIRST_WORD.match(text, verb_at)
        if verb is None or verb_form(verb.group(1)) != "base":
            continue
        # "Many", "most" and "some" are also determiners: without an adverb or modal between, the verb
        # must be followed by what follows a verb, not by the rest of a noun ("Many people try ...").
        if (verb_at == m.end() and m.group(0).split()[-1].lower() in DETERMINER_QUANTIFIERS
                and _first_word(text, verb.end()).lower() not in AFTER_VERB):
            continue
        out.append((m.start(), m.end()))
    return out


LATER_PRONOUN = matcher(RULES, "later-pronoun")
QUANTIFIER_SUBJECT = matcher(RULES, "quantifier-subject")
_QUANTIFIED = "duties:quantifier-subjects"  # the key of a sentence's answer
QUANTIFIER_WORDS = {"many", "most", "some", "few", "others", "number", "handful"}  # one is in each quantifier
SUBTYPE_OPENING = regex(RULES, "subtype-opening")


JOBS_AS_SUBJECT = regex(RULES, "jobs-as-subject")
BOTH_SUBJECT = regex(RULES, "both-subject")
SHARED_THEN_CONTRAST = regex(RULES, "shared-then-contrast")
BOTH_THEN_VERB = regex(RULES, "both-then-verb")


def _add_duty(facts: Facts, who: list[str], s: Sentence, phrase: str, rule: str) -> None:
    phrase = " ".join(phrase.split()).strip(" ,.;:")
    if len(phrase.split()) < 2 and rule != DUTY_LIST_ITEM:
        return
    key = (phrase.lower(), tuple(who))
    if key in facts.duty_keys:
        return
    facts.duty_keys.add(key)
    facts.duties.append(Duty(roles=who, evidence=s.evidence(), rule=rule, text=phrase))
