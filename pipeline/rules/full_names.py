"""Full names: the full name a body gives a role's short one ("automotive service technicians, or auto
techs", "glass techs, also called glass technicians"), an acronym spelled out ("HR Specialist" for
"human resources specialists"), a clipped head noun unclipped ("Network Admin"). The roles stage asks."""

from __future__ import annotations

import re
from collections import Counter

from pipeline.rules.loader import load_terms, matcher, regex
from pipeline.rules.matcher import word_finditer
from pipeline.rules.nouns import singular
from pipeline.rules.occupations import exact_occupation, occupations_in
from pipeline.rules.role_names import CLIPPED_HEADS, abbreviates, any_form, is_acronym, short_forms
from pipeline.rules.titles import AGENT_NOUN, SMALL_WORDS, canonical
from pipeline.rules.words import parts_of_speech

INTRODUCED_AS = matcher("role_patterns.jsonl", "introduced-as")
# A phrase the body gives as a name's full form has at most this many words.
MAX_FULL_WORDS = 6
# A word of a name, and the words one space apart that start a text: where a full name is read from.
NAME_WORD = re.compile(r"[A-Za-z][\w'’-]*")
WORDS_AT_START = re.compile(r"[A-Za-z][\w'’-]*(?:[ \t]+[A-Za-z][\w'’-]*)*")


def words_at_end(text: str, most: int) -> list[str]:
    """The words (at most ``most``) that end a text, between spaces only: "Most diesel service
    technicians" -> those four; a comma or full stop ends the run."""
    line = text[text.rfind("\n") + 1 :]
    out: list[str] = []
    for token in reversed(re.split(r"[ \t]+", line)[-most - 1 :]):
        if not NAME_WORD.fullmatch(token) or len(out) == most:
            break
        out.append(token)
    return out[::-1]
# Words that end a phrase read backwards from a name: they stand before names, never in them.
LEAD_WORDS = SMALL_WORDS | {"most", "many", "some", "all", "both", "few", "these", "those", "their", "our", "your"}


def initials(phrase: str) -> str:
    """"Emergency medical technicians" -> "EMT", "speech-language pathologists" -> "SLP"; small words
    ("and", "of") give no initial."""
    return "".join(w[0] for w in re.split(r"[\s-]+", phrase) if w and w.lower() not in SMALL_WORDS).upper()


def shortens(short: str, full: str) -> bool:
    """A short name of the full one: its acronym ("EMT"), the acronym of its first words before the
    rest ("O&P Technician" for "orthotic and prosthetic technicians"), or each of its words starting
    a word of the full name in order (``abbreviates``)."""
    if short.isupper() and short.isalpha():
        return initials(full) == short.upper()
    lead, rest = acronym_led(short)
    words = full.split()
    tail = len(rest.split())
    if lead and len(words) > tail and initials(" ".join(words[:-tail])) == lead:
        return abbreviates(rest, " ".join(words[-tail:]))
    return abbreviates(short, full)


def acronym_led(name: str) -> tuple[str, str]:
    """(the acronym's letters, the other words) of a name led by an acronym ("O&P Technician": "OP",
    "Technician"), else ("", name)."""
    first, _, rest = name.partition(" ")
    if rest and is_acronym(first):
        return first.replace("&", ""), rest
    return "", name


def acronym_at(name: str) -> int:
    """Where the name's first acronym is among its words, before its head noun ("Solar PV Installer":
    1), else -1."""
    words = name.split()
    return next((i for i, word in enumerate(words[:-1]) if is_acronym(word)), -1)


def phrase_at(text: str, name: str, at_end: bool) -> str:
    """The name's full form that the text ends with (``at_end``) or starts with: an occupation the
    gazetteer knows, else the fewest words that the name shortens ("Diesel service technicians"
    for "Diesel Tech"), else ""."""
    found = occupations_in(text)
    if found:
        occ = found[-1] if at_end else found[0]
        if (occ.end == len(text) if at_end else occ.start == 0) and shortens(name, occ.text):
            return occ.text
    words = _words_at(text, at_end)
    for k in range(1, min(MAX_FULL_WORDS, len(words)) + 1):
        part = words[-k:] if at_end else words[:k]
        step = _step(part, name, at_end)
        if step == "stop":
            break
        if step == "skip":
            continue
        phrase = " ".join(part)
        if shortens(name, phrase) and singular(phrase.lower()) != name.lower():
            # not the name itself ("Lab techs, usually called lab techs"); with the nouns that open its
            # compound ("Amusement park ride operators"), not an adjective ("Experienced ...").
            more = len(part)
            while at_end and more < len(words) and _compound_noun(words[-more - 1]):
                more += 1
            return " ".join(words[-more:]) if at_end else phrase
    return ""


def _words_at(text: str, at_end: bool) -> list[str]:
    """The run of words a full name may be read from: those that end the text, or that start it."""
    if at_end:
        return words_at_end(text, MAX_FULL_WORDS)
    run = WORDS_AT_START.match(text[:80])
    return run.group(0).split() if run is not None else []


def _step(part: list[str], name: str, at_end: bool) -> str:
    """Whether a run of words may be the name's full form ("try"), can grow into one ("skip") or ends
    the search ("stop")."""
    if not at_end and part[-1].lower() == "or":
        return "stop"  # "brake press operators or brake operators": names to choose from, not one
    if part[0].lower() not in LEAD_WORDS:
        return "try"
    # An acronym's words may join with "and" ("orthotic and prosthetic" for "O&P").
    return "skip" if part[0].lower() == "and" and acronym_led(name)[0] else "stop"


def _compound_noun(word: str) -> bool:
    low = word.lower()
    pos = parts_of_speech(low)
    return low not in LEAD_WORDS and low not in FUNCTION_WORDS and "NOUN" in pos and "ADJ" not in pos


FUNCTION_WORDS = load_terms("function_words.txt")  # "while" is a noun too ("a while")


INTRODUCED_FOR_SHORT = regex("role_patterns.jsonl", "introduced-for-short")
# The longest joint between a full name and its short one ("usually just called", "known in the trade as",
# "whom almost everyone in the trade simply calls").
JOINT_LENGTH = 60
FOR_SHORT = regex("role_patterns.jsonl", "for-short")
INTRODUCES_FULL = regex("role_patterns.jsonl", "introduces-full")
FULL_NAME_END = regex("role_patterns.jsonl", "full-name-end")


def introduced_before(body: str, start: int, end: int, name: str) -> str:
    """"Automotive service technicians, or auto techs": the full name before a use of the short one."""
    before = body[max(0, start - 100) : start]
    # The joint ends the text: searched for in its last characters only.
    tail = len(before) - JOINT_LENGTH
    joint = INTRODUCED_AS.search(before, max(0, tail))
    if joint is None and FOR_SHORT.match(body, end):
        joint = INTRODUCED_FOR_SHORT.search(before, max(0, tail))  # "glass technicians — glass techs for short"
    if joint is None:
        return _named_second(before)
    text = before[: joint.start()]
    return phrase_at(text, name, at_end=True) or opened_by(text, name) or named_as(text, joint.group())


# "QA analysts or " before the second of two short names a naming joint gives: one to four words.
FIRST_SHORT = [re.compile(rf"(?:[\w&'’-]+\s+){{{k}}}or\s+$") for k in range(1, 5)]


def _named_second(before: str) -> str:
    """"Software quality assurance analysts, usually shortened to QA analysts or QA testers": the
    occupation a naming joint gives two short names, for the second."""
    if not before.rstrip().endswith(" or"):
        return ""
    for pattern in FIRST_SHORT:
        first = pattern.search(before, max(0, len(before) - JOINT_LENGTH))
        if first is None:
            return ""
        text = before[: first.start()]
        joint = INTRODUCED_AS.search(text, max(0, len(text) - JOINT_LENGTH))
        if joint is not None:
            return named_as(text[: joint.start()], joint.group())
    return ""


def named_as(text: str, joint: str) -> str:
    """ "Rotary drill operators, called drillers": an occupation the gazetteer knows, that the text ends
    with, which the joint says goes by the short name ("called", "known as"; not a mere "or"), else the
    few words of a worker's noun that open the sentence ("Bail bond agents, still called bail
    bondsmen"), else ""."""
    if not NAMING_JOINT.search(joint):
        return ""
    found = occupations_in(text)
    if found and found[-1].end == len(text.rstrip()):
        return found[-1].text
    sentence = SENTENCE_START.split(text)[-1]
    words = sentence.split()
    opens = 1 < len(words) <= MAX_OPENING_NAME and words[0][:1].isupper() and words[0].lower() not in LEAD_WORDS
    worker = opens and AGENT_NOUN.fullmatch(words[-1]) is not None and all(map(NAME_WORD.fullmatch, words))
    return sentence.strip() if worker else ""


# A sentence's start, and the most words of a worker's name that opens one.
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)")
MAX_OPENING_NAME = 4


NAMING_JOINT = regex("role_patterns.jsonl", "naming-joint")


def opened_by(text: str, name: str) -> str:
    """ "Valet parking attendants, usually just called valets": the occupation the text ends with, written
    after a one-word name that opens it (the name said to be what it is called), else ""."""
    if " " in name:
        return ""
    words = words_at_end(text, MAX_FULL_WORDS)
    for k in range(2, len(words) + 1):
        phrase = " ".join(words[-k:])
        if words[-k].lower() == name.lower():
            found = occupations_in(phrase)
            return phrase if found and found[-1].end == len(phrase) else ""
    return ""


def introduced_after(body: str, end: int, name: str) -> str:
    """"Glass techs, also called glass technicians": the full name after a use of the short one."""
    joint = INTRODUCES_FULL.match(body, end)
    if joint is None or joint.end() == end:
        return ""
    after = body[joint.end() : joint.end() + 100]
    full = phrase_at(after, name, at_end=False)
    # The aside ends after the full name: "nurses (registered nurses and aides)" lists kinds of nurse.
    return full if full and FULL_NAME_END.match(after, len(full)) else ""


def full_name(name: str, body: str) -> str:
    """The occupation's full name where the body gives it with the role's name as its short form
    ("Automotive service technicians, or auto techs", "glass techs, also called glass technicians",
    "emergency medical technicians (EMTs)" for "Auto Technician", "Glass Tech", "EMT"), else the name."""
    acronym = name.isupper() and name.isalpha()
    forms = {name + "s", name} if acronym else short_forms(name)
    for m in word_finditer(any_form(forms), body, 0 if acronym else re.IGNORECASE):
        # A group's name given after the short one ("hoist operators, also called hoist and winch
        # operators") is the SOC's; one the page opens with and then shortens is the page's.
        full = introduced_before(body, m.start(), m.end(), name)
        if not full:
            after = introduced_after(body, m.end(), name)
            full = "" if member_of(name, after) else after
        if full and canonical(full).lower() != canonical(name).lower():
            return canonical(full)
    return acronym_spelled_out(name, body) or unclipped_name(name, body)


def member_of(name: str, group: str) -> bool:
    """Whether the name is one of those a group's coordinated name lists: "Hoist Operator" of "hoist and
    winch operators" (the group's name is no fuller name of one of its members)."""
    words = [singular(w) for w in group.lower().split()]
    if "and" not in words[:-1]:
        return False
    at = words.index("and")
    members = {" ".join([*words[:at], *words[at + 2 :]]), " ".join(words[at + 1 :])}
    return " ".join(singular(w) for w in name.lower().split()) in members


MIN_UNKNOWN_INITIALS = 3


def acronym_spelled_out(name: str, body: str) -> str:
    """A name with an acronym as the body spells it out: before the acronym in parentheses ("PV
    Installer" and "Solar PV Installer" for "Solar photovoltaic (PV) installers"), the longest phrase
    of the words before it and the name's words after it that the gazetteer knows; else, for a name
    the acronym leads, words that spell it before the name's other words ("HR Specialist" for "human
    resources specialists", "T&D" for "training and development"), where the gazetteer knows the
    phrase or the initials are three or more ("CPS Caseworker" for "child protective services
    caseworker"); else ""."""
    at = acronym_at(name)
    if at < 0:
        return ""
    words_of_name = name.split()
    acronym = words_of_name[at]
    letters = acronym.replace("&", "").replace("-", "")
    tail = r"\s+".join(re.escape(w) for w in words_of_name[at + 1 :])
    for m in re.finditer(r"\(" + re.escape(acronym) + r"\)\s+(" + tail + r")(?:s|es)?(?![\w-])", body, re.IGNORECASE):
        words = body[max(0, m.start() - 60) : m.start()].split()
        spelled = next((j for j in range(1, min(4, len(words)) + 1) if _spells(words[-j:], letters)), 0)
        for k in range(min(4, len(words)), spelled - 1, -1) if spelled else ():
            phrase = " ".join([*words[-k:], m.group(1)])
            if exact_occupation(phrase) is not None:
                return canonical(phrase)
        # Three initials or more that the words before spell exactly ("Career and technical education
        # (CTE) teachers") need no word of the gazetteer's, for a name they lead.
        exact = spelled and _initials(words[-spelled:]) == letters.lower()
        if at == 0 and exact and len(letters) >= MIN_UNKNOWN_INITIALS:
            return canonical(" ".join([*words[-spelled:], m.group(1)]))
    if at:
        return ""  # the words before an acronym inside a name are the gazetteer's to join
    # The name's other words first (a word search the engine skips ahead on), then the words before them.
    for m in re.finditer(r"(?<=\s)(" + tail + r")(?:s|es)?(?![\w-])", body, re.IGNORECASE):
        words = words_before(body, m.start())
        for k in range(len(words), 0, -1):
            phrase = " ".join([*words[-k:], m.group(1)])
            # Three initials or more are spelled out by chance too rarely to need the gazetteer's word.
            if _initials(words[-k:]) == letters.lower() and (len(letters) >= MIN_UNKNOWN_INITIALS
                                                             or exact_occupation(phrase) is not None):
                return canonical(phrase)
    return ""


def words_before(text: str, end: int, most: int = 4) -> list[str]:
    """The words, up to ``most``, that run right up to ``end`` (whitespace before it), each a word of
    letters: where an acronym may be spelled out ("human resources| specialists")."""
    start = max(0, end - 20 * most)
    window = text[start:end]
    if not window[-1:].isspace():
        return []
    tokens = window.split()
    if start and not text[start - 1].isspace() and not window[:1].isspace():
        tokens = tokens[1:]  # the window cut a word
    words: list[str] = []
    for token in reversed(tokens[-most:]):
        if not WORD_OF_LETTERS.fullmatch(token):
            break
        words.insert(0, token)
    return words


WORD_OF_LETTERS = re.compile(r"[A-Za-z][\w-]*")


def _initials(words: list[str]) -> str:
    """The initials of the words that carry meaning: "training and development" -> "td"; each part of a
    hyphened word counts ("non-destructive testing" -> "ndt")."""
    parts = [p for w in words for p in w.split("-") if p]
    return "".join(p[0] for p in parts if p.lower() not in SMALL_WORDS).lower()


def _spells(words: list[str], acronym: str) -> bool:
    """Whether the words spell the acronym out: they start with its first letter and hold its letters
    in order ("photovoltaic" for "PV", "electric vehicle" for "EV")."""
    letters = "".join(words).lower()
    if not letters.startswith(acronym[0].lower()):
        return False
    pos = 0
    for ch in acronym.lower():
        pos = letters.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


# A clipped head this long or longer may end a word ("Cytotech"); a shorter one ("op") ends too many.
MIN_CLIPPED_END = 4


def unclipped_name(name: str, body: str) -> str:
    """A title's shortened name as the body writes it in full: a clipped head ("HVAC Tech" -> "HVAC
    technicians", "Surgical Tech" -> "surgical technologists") or clipped words of a name the
    gazetteer lacks ("Vet Assistant" -> "veterinary assistants", an occupation it knows). The phrase
    the body writes most, of those the gazetteer knows where there are any ("medical laboratory
    technicians" for "Lab Tech")."""
    words = name.split()
    # A clipped head, or a word that ends with one ("Cytotech" for cytotechnologists).
    clipped = words[-1].lower() in CLIPPED_HEADS.values() or any(
        words[-1].lower().endswith(c) for c in CLIPPED_HEADS.values() if len(c) >= MIN_CLIPPED_END)
    if not clipped and (len(words) < 2 or exact_occupation(name) is not None):
        return name
    head = re.escape(words[-1].lower()) + (r"[a-z]{2,}" if clipped else r"(?:s|es)?")
    counts: Counter[str] = Counter()
    for m in word_finditer(head + r"(?![\w-])", body):
        if clipped and not (AGENT_NOUN.fullmatch(m.group(0)) or singular(m.group(0).lower()) in CLIPPED_HEADS):
            continue  # "tech" clips "technicians", not "technology"; "rep" clips "representatives"
        window = body[max(0, m.start() - 80) : m.start()]
        before = words_at_end(window[:-1], len(words) + 1) if window.endswith(" ") else []
        phrase = unclipped_phrase(name, before, m.group(0))
        # Clipped words keep their number ("Vet Assistant"); a clipped head may stand for more ("Lab Tech").
        if phrase and (clipped or exact_occupation(phrase) is not None) and (
                len(phrase.split()) >= len(words) if clipped else len(phrase.split()) == len(words)):
            counts[canonical(phrase)] += 1
    counts.pop(canonical(name), None)
    return counts.most_common(1)[0][0] if counts else name


def unclipped_phrase(name: str, before: list[str], head: str) -> str:
    """The words before an unclipped head that the name abbreviates with it: the longest the
    gazetteer knows, else the fewest."""
    phrases = [" ".join([*before[len(before) - k :], head]) for k in range(len(before), len(name.split()) - 2, -1)]
    phrases = [p for p in phrases if p.split()[0].lower() not in LEAD_WORDS and abbreviates(name, p)]
    return next((p for p in phrases if exact_occupation(p) is not None), phrases[-1] if phrases else "")
