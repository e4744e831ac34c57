"""Work settings: the settings lexicon's matches (``data/settings.jsonl``) in sentences about where
the work happens ("most work in hospitals", "some are self-employed"), each attributed to its role(s),
and in the lines of a list introduced as where the role works ("The largest employers of X were:")."""

from __future__ import annotations

import re

from pipeline.rules import cues
from pipeline.rules.cache import text_cache
from pipeline.rules.clauses import negated
from pipeline.rules.components import Lexicon, LexMatch
from pipeline.rules.loader import compiled_rule, load_terms, matcher, regex, rule_spans
from pipeline.rules.text import Text
from pipeline.rules.words import parts_of_speech
from pipeline.stages.attribute import list_line, roles_at
from pipeline.types import Facts, RoleInfo, Sentence
from schemas.article import Setting

# A pay section is read too: "Hospitals employ most X" and "the largest industries" lists say where
# the role works; a pay figure qualified by a place ("X in laboratories earn $Y") has no work cue.
NO_SETTING_KINDS = {"outlook", "conclusion", "faq"}
PATTERNS = "setting_patterns.jsonl"
RELATIVE_BEFORE = regex(PATTERNS, "relative-before")
OTHER_SENSE_AFTER = regex(PATTERNS, "other-sense-after")
REMOTE_PLACE_AFTER = regex(PATTERNS, "remote-place-after")
REMOTE_WORK_NOUN = regex(PATTERNS, "remote-work-noun")
REMOTE_DEVICE_BEFORE = regex(PATTERNS, "remote-device-before")
NEXT_WORD = re.compile(r"\s+([A-Za-z-]+)")
FUNCTION_WORDS = load_terms("function_words.txt")
PLACE_LIST_INTRO = regex(PATTERNS, "place-list-intro")
PLACE_COLUMN = regex(PATTERNS, "place-column")
FIELD_PRACTICE = compiled_rule(PATTERNS, "private-field-practice")
PLACE_GOVERNOR, THING_GOVERNOR = regex(PATTERNS, "place-governor"), regex(PATTERNS, "thing-governor")
NEUTRAL_GOVERNOR, GOVERNOR_BOUNDARY = regex(PATTERNS, "neutral-governor"), regex(PATTERNS, "governor-boundary")
NAMES_WORKPLACE = regex(PATTERNS, "governor-names-workplace")
NOT_THE_WORKPLACE = matcher(PATTERNS, "not-the-roles-workplace")
# Settings that name their own relation to the work: "from home", "travels", "self-employed",
# "outdoors", "in the field".
SELF_GOVERNED = {"remote", "travel", "self_employed"}
SELF_GOVERNED_WORDS = {"outdoors", "outdoor", "in", "on", "at", "from", "between", "away"}
GOVERNOR_WINDOW = 100
# In a sentence about study, these are the programme's, not the job's ("clinical fieldwork").
STUDY_PLACES = {"school", "college_university", "outdoors_field"}
# How near a study word must be to make a school the programme's ("attend a community college").
STUDY_NEAR = 30
# How far before a college the course taken at it may start ("a certificate program in ... at a college").
STUDY_REACH = 110
STUDY_BEFORE = regex(PATTERNS, "study-before-place")
OCCUPATION_HEADS = load_terms("occupation_heads.txt")
OTHER_SENSE_BEFORE, MODIFIER_AFTER = regex(PATTERNS, "other-sense-before"), regex(PATTERNS, "modifier-after")
# The SOC groups whose work in a client's home is home health care: community and social service,
# healthcare practitioners, healthcare support. A plumber or a designer in a client's home is not.
CARE_GROUPS = ("21-", "29-", "31-")


def wanted(s: Sentence, kind: str, listed: bool = False) -> bool:
    """Whether the sentence is read for settings (so its lexicon matches are needed); ``listed``: it
    is a line of a list of the role's workplaces."""
    return kind not in NO_SETTING_KINDS and (listed or kind == "work_environment" or cues.WORK.hit(s))


def place_lists(sentences: list[Sentence]) -> dict[int, list[str]]:
    """The lines of lists introduced as where a role works, by index, with the introduction's roles.

    The introduction ends with a colon and speaks of industries, employers or workplaces ("Median
    annual wages for X in the largest industries were:"); its lines are list items, or short lines
    with no full stop ("Hospitals: $88,430"), up to the first other sentence. A table's header row whose
    first column lists industries or workplaces introduces the table's rows.
    """
    out: dict[int, list[str]] = {}
    owners: list[str] | None = None
    for i, s in enumerate(sentences):
        if owners is not None and sentences[i - 1].section == s.section and _place_line(s):
            out[i] = owners
            continue
        owners = None
        if s.span.block.kind in ("paragraph", "table_row") and _introduces_places(s):
            # "The largest employers of X were:" names X after its subject.
            owners = list(s.roles.subject) or list(dict.fromkeys(m.role for m in s.roles.mentions))
    return out


def _place_line(s: Sentence) -> bool:
    """A line of a list of places: a list's line, or a table's row under its header."""
    block = s.span.block
    return list_line(block, s.text) or block.kind == "table_row" and not block.header


def _introduces_places(s: Sentence) -> bool:
    """A lead-in that ends with a colon and speaks of industries or workplaces, or a table's header row
    whose first column lists them ("Industry | Median annual wage")."""
    block = s.span.block
    if block.kind == "table_row":
        return block.header and bool(block.cells) and PLACE_COLUMN.fullmatch(block.cells[0].strip()) is not None
    return (block.kind == "paragraph" and s.end == s.span.end and s.text.rstrip().endswith(":")
            and PLACE_LIST_INTRO.search(s.text) is not None)


def settings_in(s: Sentence, lexicon: Lexicon, roles: list[RoleInfo], kind: str, facts: Facts,
                owners: list[str] | None = None, listed: list[str] | None = None) -> None:
    """Settings of a sentence; ``owners`` are the roles a table row's facts belong to when the row names
    none ("Offices of physicians | 21%" in a table of a role's largest employers: not the physicians');
    ``listed`` the roles of the introduction when the sentence is a line of a list of workplaces."""
    if not wanted(s, kind, listed is not None) or NOT_THE_WORKPLACE.search(s) is not None:
        return
    if listed and not s.roles.mentions:
        owners = listed
    spans = lexicon.within(s.start, s.end)
    practice = FIELD_PRACTICE.rule
    spans += [LexMatch(s.start + m.start(), s.start + m.end(), practice.value, practice.id, m.group(), "")
              for m in FIELD_PRACTICE.matcher.finditer(s)]
    if not spans:
        return
    # A role's name or an education phrase ("college degree") holds no setting.
    taken = [(m.start, m.end) for m in s.roles.mentions] + [(a, b) for a, b, _ in rule_spans("education.jsonl", s.text)]
    for span in spans:
        a, b = span.start - s.start, span.end - s.start
        if any(x < b and a < y for x, y in taken) or not _is_setting(s, span, a, b):
            continue
        who = owners if owners and not s.roles.mentions else roles_at(s, a, roles)
        if span.kind == "care":
            who = [r for r in who if _cares(r, roles)]
            if not who:
                continue
        facts.settings.append(Setting(roles=who, evidence=s.evidence(), rule=span.rule,
                                      setting=span.value, text=span.text))


def _is_setting(s: Sentence, span: LexMatch, a: int, b: int) -> bool:
    """Whether the lexicon's match at ``s.text[a:b]`` names where the work happens in this sentence."""
    text = s.text
    if negated(s, a, b):
        return False
    if span.value in STUDY_PLACES and cues.STUDY.hit(s) and (
            cues.STUDY.hit(Text(text[max(0, a - STUDY_NEAR) : b + STUDY_NEAR]))
            or STUDY_BEFORE.search(text, max(0, a - STUDY_REACH), a)):
        return False
    if RELATIVE_BEFORE.search(text, max(0, a - 12), a) or OTHER_SENSE_AFTER.match(text, b):
        return False
    if OTHER_SENSE_BEFORE.search(text, max(0, a - 20), a):
        return False
    if span.value not in SELF_GOVERNED and " " not in span.text and not span.text.endswith("s"):
        modified = MODIFIER_AFTER.match(text, b)
        # "college lectures" is no college; "school nurses" work in schools.
        if modified and not _occupation_word(modified.group().strip()):
            return False
    if span.value == "remote" and (REMOTE_PLACE_AFTER.match(text, b) or _remote_thing(span.text, text, b)):
        return False
    if span.value in SELF_GOVERNED or span.text.split()[0].lower() in SELF_GOVERNED_WORDS:
        return True
    return not _object_of_work(text, a)


def _remote_thing(word: str, text: str, end: int) -> bool:
    """ "remote controls", "remote fires": "remote" before a noun that is no kind of work is far away or
    a device, not remote work ("remote jobs"); so is "remote" after "by" or "via" ("steered by remote")."""
    after = NEXT_WORD.match(text, end)
    if word.lower() != "remote":
        return False
    if REMOTE_DEVICE_BEFORE.search(text, max(0, end - len(word) - 12), end - len(word)):
        return after is None or not REMOTE_WORK_NOUN.match(after.group(1).lower())  # "steered by remote"
    if after is None:
        return False
    noun = after.group(1).lower()
    pos = parts_of_speech(noun)
    return "NOUN" in pos and "ADJ" not in pos and noun not in FUNCTION_WORDS and not REMOTE_WORK_NOUN.match(noun)


def _cares(role: str, roles: list[RoleInfo]) -> bool:
    """Whether the role is an occupation of the SOC's care groups."""
    return any(r.id == role and r.soc is not None and r.soc[0].startswith(CARE_GROUPS) for r in roles)


def _occupation_word(word: str) -> bool:
    return word[:-1] in OCCUPATION_HEADS or word[:-2] in OCCUPATION_HEADS


def _object_of_work(text: str, a: int) -> bool:
    """Whether the words before a place make it what the work is done to or about, or a time, rather than
    where it happens: the nearest governing word before it (across a list of places) decides."""
    return _governed_as_object(text[max(0, a - GOVERNOR_WINDOW) : a])


@text_cache(maxsize=8192)
def _governed_as_object(window: str) -> bool:
    """``_object_of_work`` of the words before a place, kept by text: the same words come back."""
    bounds = [m.end() for m in GOVERNOR_BOUNDARY.finditer(window)]
    window = window[bounds[-1] :] if bounds else window
    found = [(m.start(), m.end(), False) for m in PLACE_GOVERNOR.finditer(window)]
    found += [(m.start(), m.end(), True) for m in THING_GOVERNOR.finditer(window)
              if not NAMES_WORKPLACE.match(window, m.end())]
    # The nearest governor first; of two that end together, the thing-governor that holds the other
    # ("testify in" over "in").
    for _, end, thing in sorted(found, key=lambda f: (f[1], f[2]), reverse=True):
        if not NEUTRAL_GOVERNOR.search(window, 0, end):
            return thing
    return False
