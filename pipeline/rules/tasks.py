"""A predicate split into its tasks: coordinated verb phrases, each in base form.

"fit and program hearing aids, counsel patients and screen newborns" gives "fit and program hearing
aids", "counsel patients" and "screen newborns"; "inspect, repair and replace the pipes that carry
water, gas and waste" stays one task, its verbs sharing the object. Which word starts another
task: a verb of the predicate's form after a comma or a conjunction, where a word that is also a
noun needs evidence (an object after it, a list of tasks around it); examples ("such as A, B and
C") and a relative clause's objects are nouns. A task ends where ``CUT`` says (a new clause, "because",
a participle clause after a comma) and runs to at most ``MAX_WORDS`` words, never ending on "and the".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import matcher, regex
from pipeline.rules.matcher import Pattern
from pipeline.rules.text import Piece
from pipeline.rules.words import base_form, parts_of_speech, verb_form

RULES = "duty_patterns.jsonl"
CUT, PARTICLE = matcher(RULES, "cut"), regex(RULES, "particle")
CONJUNCTIONS = {"and", "or", "also", "then", "both", "but"}
CAUSATIVE = {"help", "let", "make", "watch", "teach"}
PREPOSITIONS = {"for", "to", "with", "on", "in", "about", "at", "of", "from", "into", "by"}
CONJ_WORDS = re.compile(r"\b(and|or|also|then|both|but)\b")
MAX_WORDS = 20
# Words a phrase cut short must not end on.
DANGLING = CONJUNCTIONS | PREPOSITIONS | {"the", "a", "an", "their", "its", "his", "her", "each", "every", "some",
                                          "any", "that", "which", "who", "while", "when", "so", "than", "as"}
WORD = re.compile(r"[\w'’-]+")
ONLY_COMMAS = re.compile(r"[\s,]*")
# A participle after a comma, not in a list of them ("bathing, dressing and grooming").
PARTICIPLE = re.compile(r"(?<!ing),\s+(\w+ing)\b", re.IGNORECASE)
# Words that open a verb's object: after one, a word that is also a noun is a verb ("position the patient").
OBJECT_OPENERS = {"the", "a", "an", "their", "his", "her", "its", "each", "every", "all", "any", "this", "that",
                  "these", "those", "them", "it", "our", "your"}
RELATIVES = {"that", "which", "who", "whose", "where"}
ADJECTIVE_ONLY = frozenset({"ADJ"})
# What opens a list of examples, whose items are nouns ("data such as temperature, pressure and flow").
EXAMPLES = re.compile(r"\b(?:such as|including|like)\b", re.IGNORECASE)
EXAMPLE_WORDS = {"such", "including", "like"}


Word = tuple[int, int, str]


class Phrase(NamedTuple):
    """A task: where its last verb starts, where it ends, and its text in base form."""

    start: int
    end: int
    text: str


def verb_phrases(t: Piece | str, cut_at: Pattern | None = None) -> list[Phrase]:
    """Split a predicate into coordinated verb phrases, each in base form; ``cut_at`` ends the tasks
    (``CUT`` unless given)."""
    rest = t if isinstance(t, str) else t.text
    first = WORD.search(rest)
    if first is None or _task_form(first.group(0)) is None:
        return []  # most predicates: decided by the first word, before the rest is split up
    return list(_verb_phrases(rest, None if isinstance(t, str) else t.fold, cut_at))


@text_cache(maxsize=8192)
def _verb_phrases(rest: str, fold: str | None, cut_at: Pattern | None) -> tuple[Phrase, ...]:
    """``verb_phrases`` of a predicate (with its case fold, when it has one) whose first word can start
    a task, kept by text: predicates recur."""
    first = WORD.search(rest)
    assert first is not None
    form = _task_form(first.group(0))
    assert form is not None
    cut = (cut_at or CUT).search_start(rest if fold is None else Piece(rest, fold))
    region = rest if cut is None else rest[:cut]
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(region)]
    if form != "ing" and cut_at is None:  # a list item is one task as written, its "using ..." too
        words = _before_participle(region, words)
    if not words:
        return ()
    if words[0][0] != first.start() or words[0][2] != first.group(0):  # the cut fell inside the first word
        form = _task_form(words[0][2])
        if form is None:
            return ()
    return tuple(_phrases(region, words, _phrase_starts(region, words, form), form))


def _before_participle(region: str, words: list[Word]) -> list[Word]:
    """The words before a participle clause after a comma ("..., helping vets treat animals"): in a
    predicate of finite or base verbs it tells how or why, and is no task."""
    for m in PARTICIPLE.finditer(region):
        if verb_form(m.group(1).lower(), loose=False) == "ing":
            return [w for w in words if w[1] <= m.start()]
    return words


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
    comma_item = False  # whether the last phrase is an item of a list of tasks ("prune trees, mow lawns")
    for i in joined:
        if (causative and i <= 6) or verb_form(words[i][2]) != form:
            continue  # no verb of the predicate's form, even loosely: most words
        between = _joint(region, words, lows, i)
        if between is not None and _starts_phrase(region, words, lows, i, form, between, comma_item, splits[-1]):
            splits.append(i)
            comma_item = "," in between and CONJ_WORDS.search(between) is None
    return splits


def _joint(region: str, words: list[Word], lows: list[str], i: int) -> str | None:
    """What joins word ``i`` to the words before it (", ", " and ", ", and "); None when it is not
    joined, or joined as the second verb of one infinitive ("to clean and model data")."""
    k = i - 1
    while k > 0 and lows[k] in CONJUNCTIONS:
        k -= 1
    between = region[words[k][1] : words[i][0]]
    if k == i - 1 and "," not in between:
        return None  # not joined to what comes before: most words
    if k > 0 and lows[k - 1] == "to" and base_form(words[k][2]) is not None and "," not in between:
        return None
    return between if ONLY_COMMAS.fullmatch(CONJ_WORDS.sub("", between)) else None


def _starts_phrase(region: str, words: list[Word], lows: list[str], i: int, form: str, between: str,
                   comma_item: bool, last: int) -> bool:
    """Whether word ``i``, joined by ``between`` to the phrase that starts at word ``last``, is the verb
    of another phrase.

    A word that is also a noun is a verb before its object ("and position the patient", "exchange
    foreign currency", "and grind down the seams"). After a bare "and" only a sure verb is
    ("hearing loss and balance disorders"); no last word is ("pipes, valves and pumps"). After a
    comma a sure verb is, unless the comma is inside examples ("such as temperature, pressure and
    flow"); a word that is also a noun is when the list is one of tasks ("prune trees, mow lawns,
    rake leaves"), after a bare verb ("sands, stains and varnishes") or before "and" and a sure verb.
    """
    word = words[i][2]
    nxt = lows[i + 1] if i + 1 < len(words) else ""
    opens_object = (nxt in OBJECT_OPENERS or parts_of_speech(nxt) == ADJECTIVE_ONLY
                    or (i + 2 < len(words) and PARTICLE.match(nxt) is not None))
    if not nxt:
        return False  # a last bare word is an object: "pipes, valves and pumps", "heat, smoke and steam"
    if "," not in between:
        return verb_form(word, loose=opens_object) == form
    if _in_examples(region, words, lows, last, i, form):
        return opens_object and verb_form(word) == form
    if verb_form(word, loose=False) == form:
        return True
    return verb_form(word) == form and (opens_object or (comma_item and _in_task_list(region, words, lows, last, i))
                                        or i - last == 1 or _and_verb_follows(words, lows, i, form))


def _in_task_list(region: str, words: list[Word], lows: list[str], last: int, i: int) -> bool:
    """Whether the phrase from word ``last`` to word ``i`` is a plain item of a list of tasks: no
    comma or relative clause of its own ("analyze soil, drainage, sun and ...", "flues that vent heat,
    smoke and ...")."""
    k = i - 1
    while k > last and lows[k] in CONJUNCTIONS:
        k -= 1
    return not any(low in RELATIVES for low in lows[last:i]) and "," not in region[words[last][1] : words[k][1]]


def _and_verb_follows(words: list[Word], lows: list[str], i: int, form: str) -> bool:
    """Whether the first "and" or "or" after word ``i`` joins a sure verb with its object: the list is
    one of tasks ("cash checks and take loan payments"), not of things ("court hearings and medical
    appointments")."""
    j = next((n + 1 for n in range(i + 1, len(words) - 2) if lows[n] in ("and", "or")), None)
    return j is not None and verb_form(words[j][2], loose=False) == form


def _in_examples(region: str, words: list[Word], lows: list[str], last: int, i: int, form: str) -> bool:
    """Whether word ``i`` is inside a list of examples opened since word ``last`` ("such as A, B and C"):
    open until an "and" or "or" joins a word that is no verb of the predicate's form."""
    if not EXAMPLE_WORDS.intersection(lows[last:i]):
        return False  # most lists: no "such", "including" or "like" before the word
    marker = None
    for m in EXAMPLES.finditer(region, words[last][0], words[i][0]):
        marker = m
    if marker is None:
        return False
    after = [n for n in range(last, i) if words[n][0] >= marker.end()]
    return not any(lows[n - 1] in ("and", "or") and verb_form(words[n][2], loose=False) != form
                   for n in after if n > 0)


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
            joint = " ".join(region[words[j - 1][1] : words[full_end][0]].split())
            pending += (base_form(words[i][2]) or words[i][2]) + region[words[i][1] : words[j - 1][1]] + (
                joint if joint.startswith(",") else " " + joint) + " "
            continue
        seg_words = _clipped(words[i:j])
        start, end = seg_words[0][0], seg_words[-1][1]
        verb = base_form(seg_words[0][2]) or seg_words[0][2]
        out.append(Phrase(start, end, pending + verb + _base_coordinated(region, seg_words, form)))
        pending = ""
    return out


def _clipped(seg_words: list[Word]) -> list[Word]:
    """A phrase of at most ``MAX_WORDS`` words; one cut short ends on a content word, not on "and the"."""
    if len(seg_words) <= MAX_WORDS:
        return seg_words
    out = seg_words[:MAX_WORDS]
    while len(out) > 1 and out[-1][2].lower() in DANGLING:
        out.pop()
    return out


def _shares_object(words: list[Word], i: int, j: int) -> bool:
    """Whether the phrase ``words[i:j]`` is a bare verb (with its particle), or a verb and its preposition
    ("search for", "look out for"); a longer phrase that ends in one is a whole task ("the plans they bid on")."""
    bare = j - i == 1 or (j - i == 2 and PARTICLE.match(words[i + 1][2].lower()) is not None)
    return bare or (j - i <= 3 and words[j - 1][2].lower() in PREPOSITIONS)


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
