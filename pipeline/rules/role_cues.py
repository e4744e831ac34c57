"""Role cues of a page without a title: the roles its section headings name ("What glaziers do",
"The glazier's job", "A day in the life of a glazier") and the occupations an opening sentence
compares with a known one ("Glaziers earn more than roofers"), whether or not the gazetteer knows
their names; and where a text names them. The roles stage weighs them with the gazetteer's."""

from __future__ import annotations

import re

from pipeline.rules.full_names import initials
from pipeline.rules.loader import matcher, regex
from pipeline.rules.matcher import Pattern, word_finditer
from pipeline.rules.nouns import plural, singular
from pipeline.rules.occupations import occupation_of, occupations_in
from pipeline.rules.role_names import CLIPPED_HEADS, any_form, names_occupation, short_forms
from pipeline.rules.titles import AGENT_NOUN, canonical
from pipeline.rules.words import parts_of_speech
from pipeline.types import Block

# Section headings that name a role ("What glaziers do", "A glazier's day"), and names they may
# give that are no occupation ("What customers do").
ROLE_HEADINGS = tuple(matcher("role_patterns.jsonl", rid)
                      for rid in ("heading-what-do", "heading-possessive", "heading-day-of", "heading-as",
                                  "heading-plural-name", "heading-colon-name", "heading-typical-day"))
# The headings of the sections on what each role does ("What a glazier really does").
ROLE_SECTIONS = ROLE_HEADINGS[:1]
NOT_ROLE_HEAD = regex("role_patterns.jsonl", "not-role-head")
GENERIC_WORKER = regex("role_patterns.jsonl", "generic-worker")
# Opening sentences that compare two occupations in one frame ("X earn more than Y"): where one is
# known, the other is an occupation too.
PARTNERS = tuple(matcher("role_patterns.jsonl", rid)
                 for rid in ("partner-compared", "partner-while", "partner-than", "partner-unlike", "partner-both"))
PARTNER_AND = matcher("role_patterns.jsonl", "partner-and")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# A heading longer than this is a sentence.
HEADING_LENGTH = 60
# A role name is a noun phrase of at most this many words.
MAX_ROLE_WORDS = 5


def role_headings(blocks: list[Block]) -> list[str]:
    """The roles section headings name ("What glaziers do", "The glazier's job", "Life as a
    glazier"), whether or not the gazetteer knows them: a person's noun, no customer or client; or,
    under a heading on what one does ("What a lookout actually does"), any name the prose uses as a
    worker's, in the plural, again and again ("lookouts", "CDWs")."""
    names = [n for n in heading_names(blocks) if len(n.split()) <= MAX_ROLE_WORDS]
    if all(map(person_noun, names)):
        return names
    sections = set(heading_names(blocks, ROLE_SECTIONS))
    prose = " ".join(b.text for b in blocks if b.kind in ("paragraph", "list_item"))
    return [n for n in names if person_noun(n) or n in sections and _plural_uses(n, prose) >= MIN_PLURAL_USES]


# How often the prose must write an unknown name in the plural to make a section on it a role's.
MIN_PLURAL_USES = 3


def _plural_uses(name: str, prose: str) -> int:
    if name.isupper():  # an acronym is written as it is: "CDWs"
        return len(re.findall(r"\b" + re.escape(name) + r"s\b", prose))
    if NOT_ROLE_HEAD.fullmatch(name.split()[-1].lower()) or GENERIC_WORKER.fullmatch(name.lower()):
        return 0
    *mods, head = name.lower().split()
    return len(re.findall(r"\b" + re.escape(" ".join([*mods, plural(head)])) + r"\b", prose.lower()))


def heading_names(blocks: list[Block], patterns: tuple[Pattern, ...] = ROLE_HEADINGS) -> list[str]:
    """The names in section headings shaped as a role's ("What ATCs do"), in order, once each."""
    names: list[str] = []
    for block in blocks:
        text = block.text.strip()
        if block.kind not in ("heading", "paragraph") or len(text) > HEADING_LENGTH:
            continue
        m = next((m for pattern in patterns if (m := pattern.match(text))), None)
        if m is not None and (name := canonical(m.group("name"))) not in names:
            names.append(name)
    return names


def sectioned(names: list[str], headed: list[str]) -> dict[str, str]:
    """The roles that the sections on what a role does (``ROLE_SECTIONS``: "What a glazier really does")
    name, where they name any, each with the name it goes by: an occupation the body mentions often that
    no section is about ("farmers" on an extension agent's page) is the work's object or neighbour; a
    section that names the role's occupation by another name ("What a pesticide applicator does" over
    "sprayers") gives its name."""
    kept: dict[str, str] = {}
    # A heading that names a role outright is that role's, whatever occupation another shares with it.
    own = {h for h in headed if any(_names_outright(h.lower(), n) for n in names)}
    for name in names:
        if any(_names_outright(h.lower(), name) for h in headed):
            kept[name] = name
        elif (match := next((h for h in headed if h not in own and _same_occupation(h, name)), None)) is not None:
            kept[name] = match
    return kept or {n: n for n in names}


def _same_occupation(heading: str, name: str) -> bool:
    code = occupation_of(heading)
    return code is not None and code == occupation_of(name)


def _names_outright(heading: str, name: str) -> bool:
    """The heading's name (lower case) is the role's name, its end, its initials or its clipped head
    ("paras" for special education paraprofessionals)."""
    low = name.lower()
    clipped = CLIPPED_HEADS.get(singular(low.split()[-1]))
    return low == heading or low.endswith(" " + heading) or initials(low) == heading.upper() or heading == clipped


def person_noun(name: str) -> bool:
    """A name that may be an occupation's: it ends with a noun of a person ("-er", "-ist", "-ian") or
    an occupation's head, and is no customer, client or bare "worker"."""
    words = name.split()
    if not words or NOT_ROLE_HEAD.fullmatch(words[-1].lower()) or GENERIC_WORKER.fullmatch(name.lower()):
        return False
    # "Network admins": a clipped head stands for a person's noun.
    clipped = singular(words[-1].lower()) in CLIPPED_HEADS.values()
    return clipped or AGENT_NOUN.fullmatch(words[-1]) is not None or names_occupation(name)


def partner_names(blocks: list[Block], headed: list[str], opening: int) -> list[str]:
    """The occupations the opening paragraphs compare with a known one in one frame ("Bricklayers
    earn more than roofers", "$A for X, compared with $B for roofers"), the gazetteer's or a
    heading's: the other side's head noun, a person's ("Bricklayer"), that the gazetteer lacks.
    ``opening``: how many paragraphs open the page."""
    names: list[str] = []
    paragraphs = [b.text for b in blocks if b.kind == "paragraph" and len(b.text) > HEADING_LENGTH][:opening]
    for sentence in (s for text in paragraphs for s in SENTENCE_BREAK.split(text)):
        m = next((m for pattern in PARTNERS if (m := pattern.search(sentence))), None)
        if m is None:
            continue
        sides = [m.group("a"), m.group("b")]
        known = [known_role(side, headed) for side in sides]
        for side, is_known, other in zip(sides, known, reversed(known), strict=True):
            head = canonical(side.split()[-1])
            if other and not is_known and person_noun(head) and head not in names:
                names.append(head)
    return names


def comparisons(blocks: list[Block], opening: int) -> list[str]:
    """The sentences (lower case, up to the second name) in which the opening paragraphs set two jobs side
    by side, in one of the ``PARTNERS`` frames or "X do this, and Y do that": two names of one SOC
    occupation written in one are two roles."""
    paragraphs = [b.text for b in blocks if b.kind == "paragraph" and len(b.text) > HEADING_LENGTH][:opening]
    found = (next((m for pattern in (*PARTNERS, PARTNER_AND) if (m := pattern.search(s))), None)
             for text in paragraphs for s in SENTENCE_BREAK.split(text))
    return [m.group().lower() for m in found if m is not None and _different_work(m)]


def _different_work(m: re.Match[str]) -> bool:
    """ "X do this, and Y do that" sets two jobs apart where each does something else (two verbs); "X earn
    $A, and Y in big cities earn more" may name one job twice. The other frames set them apart."""
    if "va" not in m.groupdict():
        return True
    # The second name's verb: the first verb of the words after its first word ("fitness trainers coach").
    after = m.string[m.start("b") :].split()[1:VERB_REACH]
    verb = next((w for w in after if "VERB" in parts_of_speech(w.lower())), None)
    return verb is not None and verb != m.group("va") and "VERB" in parts_of_speech(m.group("va"))


# How many words after the second name's first its verb is looked for in.
VERB_REACH = 6


def known_role(phrase: str, headed: list[str]) -> bool:
    """The phrase ends with an occupation the gazetteer knows or a heading named."""
    found = occupations_in(phrase)
    return bool(found and found[-1].end == len(phrase)) or canonical(phrase.split()[-1]) in headed


def named_in(text: str, names: list[str]) -> list[tuple[str, int]]:
    """Where a text names one of the given roles (those the gazetteer does not know)."""
    found = []
    for name in names:
        found += [(name, m.start()) for m in word_finditer(any_form(short_forms(name)), text)]
    return found
