"""Role names: how a role is named from the words a text gives it. A group title's listed nouns
singular where they name people ("Accountant and Auditor", not "Benefit"); the plural forms a body
writes ("accountants and auditors"); a short name a body introduces by its full name ("automotive
service technicians, or auto techs"); the noun that comes with a name from its first use ("airline
dispatchers"). The roles stage asks."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import product

from pipeline.rules.loader import load_lexicon, load_terms, matcher, regex
from pipeline.rules.matcher import word_finditer, word_search
from pipeline.rules.nouns import plural, plurals, singular
from pipeline.rules.occupations import exact_occupation, occupation_of, occupations_in
from pipeline.rules.titles import SMALL_WORDS, canonical, head_index
from pipeline.rules.words import parts_of_speech

OCCUPATION_HEADS = load_terms("occupation_heads.txt")
CLIPPED_HEADS = load_lexicon("clipped_heads.tsv")
GROUP_NOUN = regex("role_patterns.jsonl", "group-noun")
NOT_NAME_MODIFIER = regex("role_patterns.jsonl", "not-name-modifier")
INTRODUCED_AS = matcher("role_patterns.jsonl", "introduced-as")


def key_word(word: str) -> str:
    return canonical(word).lower()


def names_occupation(name: str) -> bool:
    """The gazetteer links the name, or it ends with an occupation's head noun ("Kiln Operator")."""
    words = name.split()
    return occupation_of(name) is not None or (bool(words) and key_word(words[head_index(words)]) in OCCUPATION_HEADS)


def role_name(title: str) -> str:
    """"Accountants and Auditors" -> "Accountant and Auditor": each listed noun of the name's head
    that names people singular ("Compensation, Benefits, and Job Analysis Specialists" keeps its
    benefits; "Agents and Business Managers of Artists and Athletes": not the artists)."""
    head, of, rest = title.partition(" of ")
    return canonical(GROUP_NOUN.sub(lambda m: singular_person(m.group(1)), head) + of + rest)


# A noun that ends as agent nouns do: "auditors", "technologists", "musicians", "attendants".
AGENT_NOUN = re.compile(r".*(?:er|or|ist|ian|ant|ent|man|men)s?", re.IGNORECASE)


def singular_person(word: str) -> str:
    """The singular of a listed plural that names people (an agent noun, an occupation's head or
    name: "Coaches", "Orderlies"), else the word as it is ("Benefits", "News")."""
    one = singular(word)
    if one != word and (AGENT_NOUN.fullmatch(word) or key_word(one) in OCCUPATION_HEADS or exact_occupation(one)):
        return one
    return word


# Words before a role's name that may be part of it: a noun ("airline dispatchers").
MODIFIER = r"([A-Za-z][a-z]+)\s+"
# A modifier must come with the name this often, and at its first use, to be part of its name.
MIN_MODIFIED = 2


def fuller_name(name: str, body: str) -> str:
    """"Dispatcher" -> "Airline Dispatcher" where the body first writes "airline dispatchers" and
    writes it so again: a noun that comes with a name from its first use is part of it."""
    forms = "|".join(re.escape(f) for f in sorted({name.lower(), *plural_names(name.lower(), "")}, key=len,
                                                   reverse=True))
    found = list(re.finditer(r"(?<![\w-])" + MODIFIER + r"(?:" + forms + r")(?![\w-])", body, re.IGNORECASE))
    uses = word_search(r"(?:" + forms + r")(?![\w-])", body)
    if not found or uses is None or found[0].end() != uses.end():
        return name  # the name's first use has no modifier
    modifier = found[0].group(1).lower()
    same = sum(m.group(1).lower() == modifier for m in found)
    pos = parts_of_speech(modifier)
    if (same < MIN_MODIFIED or "NOUN" not in pos or "ADJ" in pos or modifier in SMALL_WORDS
            or NOT_NAME_MODIFIER.fullmatch(modifier)):
        return name
    return canonical(f"{modifier} {name}")


# A listed word of a lower-case name: the word before a comma or an "and" ("accountant and auditor").
LISTED_WORD = re.compile(r"[a-z][\w'-]*(?=,|\s+(?:and|&)\s)")
# A name listing more words than this is read with its head noun plural only.
MAX_LISTED = 5


def plural_names(name: str, body: str) -> set[str]:
    """"accountant and auditor" -> "accountant and auditors", and "accountants and auditors" where
    the body writes it so ("fish and game wardens" keeps "fish"); "supervisor of cooks" ->
    "supervisors of cooks": the head noun plural, and those of the words listed with it that the body
    writes plural (a qualifier at the end stays as it is)."""
    head, of, rest = name.partition(" of ")
    words = head.split()
    out = {" ".join([*words[:-1], many]) + of + rest for many in plurals(words[-1])}
    listed = [m for m in LISTED_WORD.finditer(head)]
    if not listed or len(listed) > MAX_LISTED:
        return out
    low = body.lower()
    for choice in product((False, True), repeat=len(listed)):
        text = head
        for m, many in reversed(list(zip(listed, choice, strict=True))):
            if many:
                text = text[: m.start()] + plural(m.group(0)) + text[m.end() :]
        parts = text.split()
        # A qualifier may end the name: "host and hostess, restaurant and lounge" ends with no head.
        for last in (plural(parts[-1]), parts[-1]):
            variant = " ".join([*parts[:-1], last]) + of + rest
            if variant in low:
                out.add(variant)
    return out


def short_forms(name: str) -> set[str]:
    """A name's singular and plural, and with a clipped head ("HVAC technician" -> "HVAC tech(s)")."""
    words = name.lower().split()
    forms = {" ".join(words), " ".join([*words[:-1], plural(words[-1])])}
    if len(words) > 1 and words[-1] in CLIPPED_HEADS:
        clipped = " ".join([*words[:-1], CLIPPED_HEADS[words[-1]]])
        forms |= {clipped, plural(clipped)}
    return forms


def any_form(forms: Iterable[str]) -> str:
    """A pattern for a use of any of the forms, the longest first, up to a word's end."""
    return r"(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])"


def abbreviates(short: str, full: str) -> bool:
    """"Auto Technician" abbreviates "automotive service technicians": each of its words starts a
    word of the full name, in order, the head nouns alike."""
    words, target = short.lower().split(), [singular(w) for w in full.lower().split()]
    if len(words) > len(target) or not target[-1].startswith(singular(words[-1])[:4]):
        return False
    at = 0
    for word in words:
        at = next((i + 1 for i in range(at, len(target)) if target[i].startswith(word[: max(3, len(word) - 2)])), -1)
        if at < 0:
            return False
    return True


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
    """A short name of the full one: its acronym ("EMT"), or each of its words starting a word of
    the full name in order (``abbreviates``)."""
    if short.isupper() and short.isalpha():
        return initials(full) == short.upper()
    return abbreviates(short, full)


def phrase_at(text: str, name: str, at_end: bool) -> str:
    """The name's full form that the text ends with (``at_end``) or starts with: an occupation the
    gazetteer knows, else the fewest words that the name shortens ("Diesel service technicians"
    for "Diesel Tech"), else ""."""
    found = occupations_in(text)
    if found:
        occ = found[-1] if at_end else found[0]
        if (occ.end == len(text) if at_end else occ.start == 0) and shortens(name, occ.text):
            return occ.text
    if at_end:
        words = words_at_end(text, MAX_FULL_WORDS)
    else:
        run = WORDS_AT_START.match(text[:80])
        words = run.group(0).split() if run is not None else []
    for k in range(1, min(MAX_FULL_WORDS, len(words)) + 1):
        part = words[-k:] if at_end else words[:k]
        if part[0].lower() in LEAD_WORDS:
            break
        phrase = " ".join(part)
        if shortens(name, phrase) and singular(phrase.lower()) != name.lower():
            return phrase  # not the name itself ("Lab techs, usually called lab techs")
    return ""


INTRODUCED_FOR_SHORT = regex("role_patterns.jsonl", "introduced-for-short")
# The longest joint between a full name and its short one ("usually just called", "known in the trade as").
JOINT_LENGTH = 50
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
    return phrase_at(before[: joint.start()], name, at_end=True) if joint is not None else ""


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
        full = introduced_before(body, m.start(), m.end(), name) or introduced_after(body, m.end(), name)
        if full and canonical(full).lower() != canonical(name).lower():
            return canonical(full)
    return acronym_spelled_out(name, body) or unclipped_name(name, body)


def acronym_spelled_out(name: str, body: str) -> str:
    """A name led by an acronym as the body spells it out: before the acronym in parentheses ("PV
    Installer" for "Solar photovoltaic (PV) installers"), the longest phrase of the words before it
    and the name's other words that the gazetteer knows; else words that spell it before the name's
    other words ("HR Specialist" for "human resources specialists", "T&D" for "training and
    development"), where the gazetteer knows the phrase; else ""."""
    first, _, rest = name.partition(" ")
    letters = first.replace("&", "")
    if not rest or not (letters.isupper() and letters.isalpha() and len(letters) > 1):
        return ""
    tail = r"\s+".join(re.escape(w) for w in rest.split())
    for m in re.finditer(r"\(" + re.escape(first) + r"\)\s+(" + tail + r")(?:s|es)?(?![\w-])", body, re.IGNORECASE):
        words = body[max(0, m.start() - 60) : m.start()].split()
        spelled = next((j for j in range(1, min(4, len(words)) + 1) if _spells(words[-j:], letters)), 0)
        for k in range(min(4, len(words)), spelled - 1, -1) if spelled else ():
            phrase = " ".join([*words[-k:], m.group(1)])
            if exact_occupation(phrase) is not None:
                return canonical(phrase)
    # The name's other words first (a word search the engine skips ahead on), then the words before them.
    for m in re.finditer(r"(?<=\s)(" + tail + r")(?:s|es)?(?![\w-])", body, re.IGNORECASE):
        words = words_before(body, m.start())
        for k in range(len(words), 0, -1):
            phrase = " ".join([*words[-k:], m.group(1)])
            if _initials(words[-k:]) == letters.lower() and exact_occupation(phrase) is not None:
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
    """The initials of the words that carry meaning: "training and development" -> "td"."""
    return "".join(w[0] for w in words if w.lower() not in SMALL_WORDS).lower()


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


ALSO_CALLED = regex("role_patterns.jsonl", "also-called")


def called_after(forms: Iterable[str], body: str) -> Iterator[int]:
    """Where the other name starts that the body gives after a use of one of the forms ("glass setters,
    sometimes called |glaziers")."""
    for m in word_finditer(any_form(forms), body):
        joint = ALSO_CALLED.match(body, m.end())
        if joint is not None:
            yield joint.end()


def synonym_occupation(name: str, body: str) -> tuple[str, str] | None:
    """The occupation of another name the body gives the role ("Glass setters, sometimes called
    glaziers", "stockbrokers, officially securities sales agents"): the gazetteer's, where it lacks
    the role's own name."""
    for at in called_after(short_forms(name), body):
        found = occupations_in(body[at : at + 100])
        if found and found[0].start == 0:
            return found[0].soc, found[0].title
    return None


FIELD_NOUN = regex("role_patterns.jsonl", "field-noun")


def worker_name(name: str, body: str) -> str | None:
    """A title's name of a field of work as the worker's ("Medical Coding" -> "Medical Coder" where
    the body writes "medical coders"; "Phlebotomy" -> "Phlebotomist"): the noun of a person the body
    uses most with the field's modifiers and its stem; else the name where the body counts it as a
    worker ("notaries", "an attorney"), else None. A worker's name is itself."""
    words = name.split()
    head = words[-1].lower()
    field = FIELD_NOUN.fullmatch(head)
    if field is None or names_occupation(name) or AGENT_NOUN.fullmatch(head):
        return name
    modifiers = "".join(re.escape(w) + r"\s+" for w in words[:-1])
    pattern = modifiers + "(" + re.escape(field.group("stem")) + r"[a-z]*)(?![\w-])"
    found = Counter(singular(m.group(1).lower()) for m in word_finditer(pattern, body))
    workers = [w for w, _ in found.most_common() if w != head and (AGENT_NOUN.fullmatch(w) or names_occupation(w))]
    if workers:
        return canonical(" ".join([*words[:-1], workers[0]]))
    counted = word_search(r"(?:(?:an?|the|each|every)\s+" + re.escape(head) + "|" + re.escape(plural(head))
                          + r")(?![\w-])", body)
    return name if counted else None
