"""Role names: how a role is named from the words a text gives it. A group title's listed nouns
singular where they name people ("Accountant and Auditor", not "Benefit"); the plural forms a body
writes ("accountants and auditors"); the noun that comes with a name from its first use ("airline
dispatchers"); another name the body gives it; a field's name as its worker's. The full name a body
gives a short one is `full_names`. The roles stage asks."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import product

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import load_lexicon, load_terms, matcher, regex
from pipeline.rules.matcher import word_ends_at, word_finditer, word_search
from pipeline.rules.nouns import plural, plurals, singular
from pipeline.rules.occupations import exact_occupation, key, occupation_of, occupations_in, soc_phrases
from pipeline.rules.titles import AGENT_NOUN, SMALL_WORDS, canonical, head_index
from pipeline.rules.words import parts_of_speech

OCCUPATION_HEADS = load_terms("occupation_heads.txt")
CLIPPED_HEADS = load_lexicon("clipped_heads.tsv")
GROUP_NOUN = regex("role_patterns.jsonl", "group-noun")
NOT_NAME_MODIFIER = regex("role_patterns.jsonl", "not-name-modifier")


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


def singular_person(word: str) -> str:
    """The singular of a listed plural that names people (an agent noun, an occupation's head or
    name: "Coaches", "Orderlies"), else the word as it is ("Benefits", "News")."""
    one = singular(word)
    if one != word and (AGENT_NOUN.fullmatch(word) or key_word(one) in OCCUPATION_HEADS or exact_occupation(one)):
        return one
    return word


# Words before a role's name that may be part of it: a noun ("airline dispatchers").
MODIFIER = r"([A-Za-z][a-z]+)\s+"
MODIFIER_BEFORE = re.compile(r"(?<![\w-])" + MODIFIER + r"$", re.IGNORECASE)
MODIFIER_REACH = 60  # characters: a word and the space before a name
# A modifier must come with the name this often, and at its first use, to be part of its name.
MIN_MODIFIED = 2


def fuller_name(name: str, body: str) -> str:
    """"Dispatcher" -> "Airline Dispatcher" where the body first writes "airline dispatchers" and
    writes it so again: a noun that comes with a name from its first use is part of it; so is any word
    that comes with every use ("sterile processing technicians")."""
    forms = "|".join(re.escape(f) for f in sorted({name.lower(), *plural_names(name.lower(), "")}, key=len,
                                                   reverse=True))
    # The name's first use (a word search the engine skips ahead on), then the word before it; the
    # other uses only for a noun that may be part of the name.
    pattern = r"(?:" + forms + r")(?![\w-])"
    titled = soc_title_written(name, body)
    if titled:
        return titled
    first = word_search(pattern, body)
    word = None if first is None else _word_before(body, first.start())
    if first is None or word is None:
        return _known_fuller(name, pattern, body)  # the name's first use has no modifier
    if _in_parentheses(body, first.start()):
        return name  # "(safe engineer, auto locksmith)": an aside naming kinds of the job
    modifier = word.lower()
    if modifier in SMALL_WORDS or NOT_NAME_MODIFIER.fullmatch(modifier):
        return name
    known = _known_words_before(name, body, first.start())
    if known:
        return known
    befores = [(_word_before(body, m.start()) or "").lower() for m in word_finditer(pattern, body)]
    same = befores.count(modifier)
    pos = parts_of_speech(modifier)
    # A noun, or a verb's -ing form used as one ("gaming surveillance officers").
    noun = ("NOUN" in pos or pos == {"VERB"} and modifier.endswith("ing")) and "ADJ" not in pos
    if same >= MIN_MODIFIED and (noun or same == len(befores)):
        return canonical(f"{modifier} {name}")
    return name


def _in_parentheses(text: str, pos: int) -> bool:
    """Whether a position of the text is inside parentheses opened on its line."""
    return text.rfind("(", 0, pos) > max(text.rfind(")", 0, pos), text.rfind("\n", 0, pos))


def _known_words_before(name: str, body: str, start: int) -> str:
    """"Appraiser" -> "Real Estate Appraiser": the occupation the gazetteer knows (the name's own, unless the
    name is a bare head noun) that two or three words before the name's first use make with it, else ""."""
    before = WORDS_BEFORE.search(body, max(0, start - MODIFIER_REACH), start)
    words = [] if before is None else before.group(1).split()
    own = exact_occupation(name)
    for n in range(len(words), 1, -1):  # one word before is the modifier rule's ("registered nurses")
        fuller = f"{' '.join(words[-n:])} {name}"
        entry = exact_occupation(fuller)
        # A bare head noun ("appraiser") is said of several occupations: the fuller name picks one.
        if entry is not None and (own is None or own.source == "soc-head" or entry.soc == own.soc):
            return canonical(fuller)
    return ""


# Two or three words before a name, on its line.
WORDS_BEFORE = re.compile(r"(?<![\w-])((?:[A-Za-z][\w-]*[ \t]+){2,3})$")


def soc_title_written(name: str, body: str) -> str:
    """"Warden" -> "Fish and Game Warden", "Power Line Installer" -> "Electrical Power-Line Installer",
    "Oral Surgeon" -> "Oral and Maxillofacial Surgeon": a name the gazetteer knows, but not as an
    occupation's title, whose words that title holds in order, head last, where the body writes the
    title in full at the name's first use (anywhere, for a one-word name), else ""."""
    known = exact_occupation(name)
    if known is None or known.source == "soc":
        return ""
    words = name.lower().replace("-", " ").split()
    titles = [t for t in soc_phrases().get(known.soc, ()) if len(t) > len(words) and _holds(t, words)]
    if not titles:
        return ""
    first = None if len(words) == 1 else word_search(_spaced(words), body)
    for title in titles:
        m = word_search(_spaced(title), body)
        # A formal name the body cites after its own ("urban and regional planners") is not the role's.
        if m is not None and (first is None or m.start() <= first.start() < m.end()):
            return canonical(m.group())
    return ""


def _holds(title: Sequence[str], words: Sequence[str]) -> bool:
    """Whether a title's words hold a name's in order, with the same head noun ("oral [and
    maxillofacial] surgeon")."""
    if key(title[-1]) != key(words[-1]):
        return False
    at = 0
    for word in words[:-1]:
        at = next((i + 1 for i in range(at, len(title) - 1) if key(title[i]) == key(word)), -1)
        if at < 0:
            return False
    return True


def _spaced(words: Sequence[str]) -> str:
    """A pattern for a name's words as a text writes them: spaces or hyphens between, the last plural too."""
    *mods, head = words
    heads = "|".join(map(re.escape, sorted({head, *plurals(head)}, key=len, reverse=True)))
    return "".join(re.escape(w) + r"[\s-]+" for w in mods) + f"(?:{heads})(?![\\w-])"


def _known_fuller(name: str, pattern: str, body: str) -> str:
    """A name the gazetteer lacks ("Lookout") as the occupation it knows that a use of it writes in full
    ("a fire lookout's main job"), else the name."""
    if exact_occupation(name) is not None or key_word(name) in OCCUPATION_HEADS:
        return name  # a general head ("nurses") is said of many occupations
    for m in word_finditer(pattern, body):
        word = _word_before(body, m.start())
        if word is not None and exact_occupation(f"{word} {name}") is not None:
            return canonical(f"{word} {name}")
    return name


def _word_before(text: str, start: int) -> str | None:
    m = MODIFIER_BEFORE.search(text, max(0, start - MODIFIER_REACH), start)
    return m.group(1) if m else None


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


def is_acronym(word: str) -> bool:
    """A word of two capitals or more, "&" and "-" aside: "PV", "O&P", "I-O"."""
    letters = word.replace("&", "").replace("-", "")
    return len(letters) > 1 and letters.isupper() and letters.isalpha()


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


ALSO_CALLED = matcher("role_patterns.jsonl", "also-called")


def called_after(forms: Iterable[str], body: str) -> Iterator[int]:
    """Where the other name starts that the body gives after a use of one of the forms ("glass setters,
    sometimes called |glaziers")."""
    # The joints are few and found once per body; a use of a name is looked for only before one.
    pattern, reach = any_form(forms), max(map(len, forms), default=0) + 1
    for start, end in _also_called(body):
        if word_ends_at(pattern, body, start, reach):
            yield end


@text_cache(maxsize=64)
def _also_called(body: str) -> tuple[tuple[int, int], ...]:
    # The matcher's gate answers most bodies, which hold none of the joints' words, without a scan.
    return tuple(m.span() for m in ALSO_CALLED.finditer(body))


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
