"""Other occupations: whether a sentence or a clause is about an occupation that is none of the article's
roles, and which mentions of a role may name who a clause is about.

A possessive ("engineers' sketches") or a relative clause set off by commas ("Managers, who supervise
X, earn ...") names no subject; an occupation word that is no role's, a plural the gazetteer knows
as another occupation ("Drafters"), but not a word after "as" ("start as junior designers") nor a
singular one modifying a noun ("the teacher scale").
"""

from __future__ import annotations

import re

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import load_terms, matcher, regex
from pipeline.rules.matcher import Pattern, trie_pattern
from pipeline.rules.nouns import plural
from pipeline.rules.occupations import exact_occupation, occupations_in
from pipeline.rules.text import Piece
from pipeline.rules.words import verb_form
from pipeline.types import Mention, RoleInfo, Sentence

RULES = "attribution.jsonl"
# What may stand before a sentence's subject: "However,", "Nearly half of all", "Both".
LEAD_IN = matcher(RULES, "lead-in")
# Another occupation than the article's roles. A possessive ("a driver's licence", "doctors'
# offices") names a thing, not a person; so does a workplace named for one ("offices of physicians").
# The head words as a trie: a flat alternation of them is tried word by word at every position.
OCCUPATION_HEADS = load_terms("occupation_heads.txt")
# The heads with their plurals as the nouns module forms them ("crew foremen"); "s"/"es" after a head
# still reads the regular ones.
OTHER_OCCUPATION = Pattern(
    r"(?<!offices of )(?<!office of )(?:\b(?:" + trie_pattern(OCCUPATION_HEADS | {plural(h) for h in OCCUPATION_HEADS})
    + r")(?:s|es)?\b(?!['’])|\b\w+(?:ists|ians)\b(?!['’])|\b(?!co)\w+workers\b(?!['’]))",
)
FIRST_WORD = re.compile(r"\W*([A-Za-z][\w-]*)")


def names_subject(text: str, m: Mention) -> bool:
    """Whether a mention may name who a clause is about: not a possessive ("engineers' drawings"), not
    inside a relative clause set off by commas ("Managers, who supervise X, earn ...")."""
    return not possessive(text, m) and not in_aside(text, m.start)


def in_aside(text: str, pos: int) -> bool:
    return any(a <= pos < b for a, b in _asides(text))


def in_others_aside(text: str, pos: int, roles: list[RoleInfo]) -> bool:
    """ "Unlike glass scientists, who need a master's, glaze chemists ...": the position is in an aside
    on the occupation just before it, one that is none of the roles."""
    start = next((a for a, b in _asides(text) if a <= pos < b), None)
    return start is not None and names_other_occupation(" ".join(text[:start].split()[-4:]), roles)


@text_cache(maxsize=4096)
def _asides(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in ASIDE.finditer(text)) if "," in text else ()


ASIDE = regex(RULES, "aside")
# Asides on the occupation just named: that it is another job ("..., a related job that many X move
# into"), or a group that takes in another ("..., the category that covers X").
APPOSITIVES = {"job": regex(RULES, "job-appositive"), "group": regex(RULES, "group-appositive")}


def in_job_appositive(text: str, pos: int) -> bool:
    return any(a <= pos < b for a, b in _appositives(text, "job"))


def in_group_appositive(text: str, pos: int) -> bool:
    return any(a <= pos < b for a, b in _appositives(text, "group"))


@text_cache(maxsize=4096)
def _appositives(text: str, kind: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in APPOSITIVES[kind].finditer(text)) if "," in text else ()


AS_TITLE = regex(RULES, "as-title")


def possessive(text: str, m: Mention) -> bool:
    """ "the engineer's desk", "engineers' sketches": the apostrophe inside the mention or right after it."""
    return text[m.end - 2 : m.end] in ("'s", "’s", "s'", "s’") or text[m.end : m.end + 1] in ("'", "’")


SUBJECT_END = regex(RULES, "subject-end")
SEPARATE_OCCUPATION = regex(RULES, "separate-occupation")
SAID_SEPARATE = regex(RULES, "said-separate")
CONFUSED_WITH = regex(RULES, "confused-with")


def declares_other(text: str, mentions: list[Mention]) -> bool:
    """ "Kiln loaders, who stack the ware, are a separate job", "Don't confuse X with kiln loaders, who ...":
    the sentence's subject is some occupation other than the roles, known to the gazetteer or not, unless
    a role's mention ends it ("Most glaze chemists are a different trade") and no relative clause makes
    it a kind of the role's ("Glaze chemists who mix enamels belong to a different occupation")."""
    if CONFUSED_WITH.match(text):
        return True  # "Don't confuse X with Y, who ... earn $A": the sentence goes on about Y
    said = SAID_SEPARATE.search(text)
    if said is not None and not any(names_subject(text, x) and x.start < said.start() for x in mentions):
        return True  # "Superintendents, who supervise principals, earn $160,000, but that is a separate job"
    m = SEPARATE_OCCUPATION.match(text)
    if m is None:
        return False
    if m.group("kind"):
        return True  # "Painters who spray cars belong to a different occupation": a kind of the role's name
    # A role's mention must name the whole subject: "Executive assistants" is another job than the
    # "assistants" of an article on administrative assistants.
    start = m.start(1) + (opening.end() if (opening := DETERMINER.match(m.group(1))) else 0)
    end = m.end(1)
    return not any(x.start <= start and end <= x.end for x in mentions)


def in_declared_subject(text: str, m: Mention) -> bool:
    """Whether a mention lies in the subject ``declares_other`` found ("Executive assistants, ..., are a
    separate occupation"): it names no role there."""
    found = SEPARATE_OCCUPATION.match(text)
    return found is not None and found.start(1) <= m.start and m.end <= found.end(1)


@text_cache(maxsize=4096)
def opens_with_other_kept(text: str, mentions: tuple[Mention, ...], roles: tuple[RoleInfo, ...]) -> bool:
    """``opens_with_other`` of a sentence, kept by its text, mentions and roles: the attribute and
    confidence stages both ask, and sentences recur."""
    return opens_with_other(Piece(text), list(mentions), list(roles))


def opens_with_other(t: Piece, mentions: list[Mention] | None = None, roles: list[RoleInfo] | None = None) -> bool:
    """The sentence's opening noun phrase names some other occupation ("Registered nurses earn ..."):
    an occupation word that is not part of one of the ``mentions`` of the roles ("Newly qualified
    dispensing opticians" names the role), nor another name of one of the ``roles``' occupations
    ("Reporters" in an article about journalists)."""
    lead = LEAD_IN.match_end(t) or 0
    head = t[lead:] if lead else t
    first = FIRST_WORD.match(head.text)
    if first and verb_form(first.group(1)) == "base" and not _opens_with_occupation(head.text):
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


def clause_opens_with_other(s: Sentence, start: int, end: int, roles: list[RoleInfo]) -> bool:
    """A clause after the sentence's first that opens with another occupation, known to the gazetteer
    or not, and names no role but in an aside calling it another job ("..., and carpenters who frame
    houses earn $A"); the sentence's own opening is ``opens_with_other``'s."""
    if start == 0:
        return False
    mentions = tuple(Mention(m.start - start, m.end - start, m.role) for m in s.roles.mentions
                     if start <= m.start < end)
    if any(not in_job_appositive(s.text, m.start + start) for m in mentions):
        return False  # "restaurant cooks, the category that covers pastry cooks, earn $A": the role's group
    return opens_with_other_kept(s.text[start:end], mentions, tuple(roles))


# The shortest opening of one to three words whose last word is a plural: "Drafters", "The judges".
DETERMINER = re.compile(r"^(?:the|these|those|such|most|many|some|all|other)\s+", re.IGNORECASE)
PLURAL_OPENING = re.compile(r"[A-Z](?:[\w-]*?s|[\w-]* [\w-]*?s|[\w-]* [\w-]+ [\w-]*?s)\b")
# Plurals coordinated ("The sorters and packers"), the last naming the occupation.
PAIRED_OPENING = re.compile(r"(?:(?:The|These|Those|Most|Many|Some|All) )?[A-Za-z][\w-]*s(?:, [\w-]+s)*,? (?:and|or) "
                            r"[\w-]+(?: [\w-]+){0,2}s\b")
# A singular after "a" or "an" before a verb of pay ("A sculptor earns ...", "A sculptor hired for a week earns").
SINGULAR_OPENING = re.compile(r"An? [\w-]+(?: [\w-]+){0,2}?(?=(?: (?:who|[a-z]+ed|[a-z]+ing)\b[^.,;$]{0,60}?)? "
                              r"(?:[a-z]+ly )?(?:earns|makes|is paid|gets paid|takes home|brings in|averages|pulls in)"
                              r"\b)")


def _gazetteer_subject(text: str, lead: int, mentions: list[Mention], roles: list[RoleInfo]) -> bool:
    """A sentence that opens with a plural the gazetteer names as an occupation other than the roles'."""
    # After a lead-in ("For context, legal secretaries earn ...") the opening is in lower case.
    text = text[:1].upper() + text[1:] if lead else text
    code = next((c for pattern in (PLURAL_OPENING, PAIRED_OPENING, SINGULAR_OPENING)
                 if (c := _opening_occupation(pattern.match(text), lead, mentions)) is not None), None)
    return code is not None and code not in {r.soc[0] for r in roles if r.soc}


def _opening_occupation(opening: re.Match[str] | None, lead: int, mentions: list[Mention]) -> str | None:
    """The code of the occupation that closes an opening naming no role: "Drafters", "The judges", not
    "Most plant workers' tools"."""
    if opening is None or any(m.start < lead + opening.end() for m in mentions):
        return None
    found = occupations_in(opening.group())
    if found and found[-1].end == opening.end():
        return found[-1].soc
    return _titled_word(opening.group()) or _closed_compound(opening.group())


def _closed_compound(opening: str) -> str | None:
    """"Neurosurgeons": one word that ends with an occupation's head noun the gazetteer knows, written
    closed up, names an occupation it may lack (no code: some other)."""
    word = DETERMINER.sub("", opening).lower()
    if " " in word or not word.endswith("s"):
        return None
    stem = word[:-1]
    return "" if any(stem.endswith(h) and len(stem) >= len(h) + 3 for h in COMPOUND_HEADS) else None


# Head nouns that close up with a word before them ("neurosurgeon", "shopkeeper"); short ones
# ("aide", "nurse") end too many other words.
COMPOUND_HEADS = frozenset(h for h in OCCUPATION_HEADS if " " not in h and len(h) >= 6)


# What may open a clause before its subject: punctuation, a conjunction, a determiner.
CLAUSE_OPENING = re.compile(r"[\s,;:—–-]*(?:(?:and|but|while|whereas|or|yet)\s+)?(?:the\s+(?:top|bottom|highest|lowest)"
                            r"(?:[\s-]paid)?\s+\d+\s*(?:percent|%)\s+of\s+)?(?:(?:the|most|many|some)\s+)?",
                            re.IGNORECASE)
# How far into a clause the occupation that is its subject may start ("powerhouse, substation and relay
# repairers").
SUBJECT_REACH = 40


def roles_by_code(clause: str, roles: list[RoleInfo]) -> list[str]:
    """ "..., while furnace and kiln tenders earn $A": a clause that opens with an occupation whose SOC code
    is a role's (its group's name, not the role's own) is about that role; the ids of such roles."""
    lead = CLAUSE_OPENING.match(clause)
    rest = clause[lead.end() if lead else 0 :]
    found = occupations_in(rest[: SUBJECT_REACH + 60])
    if not found or found[0].start > SUBJECT_REACH or any(c in rest[: found[0].start] for c in "$£€"):
        return []
    coded = [r.id for r in roles if r.soc and r.soc[0] == found[0].soc]
    # A code several roles share is theirs where the clause writes the group's name ("relay repairers"),
    # not a bare head noun ("writers").
    return coded if len(coded) == 1 or " " in found[0].text else []


def _opens_with_occupation(text: str) -> bool:
    """"Craft artists earn ...": a verb's form ("craft") that opens an occupation's name is no verb."""
    found = occupations_in(text[:60])
    return bool(found) and found[0].start == len(text) - len(text.lstrip(" \"'“‘*-•"))


def names_other_occupation(phrase: str, roles: list[RoleInfo]) -> bool:
    """Whether a noun phrase ends with an occupation other than the roles' ("solar installers")."""
    found = occupations_in(phrase)
    if found and found[-1].end == len(phrase.rstrip()):
        return found[-1].soc not in {r.soc[0] for r in roles if r.soc}
    return bool(OTHER_OCCUPATION.search(phrase.rsplit(" ", 1)[-1]))


def _titled_word(opening: str) -> str | None:
    """The code of an occupation whose official title opens with this plural ("Drafters", "The judges":
    "Judges, Magistrate Judges, and Magistrates"), not of one it only names in passing ("services")."""
    word = DETERMINER.sub("", opening)
    entry = exact_occupation(word)
    return entry.soc if entry is not None and entry.title.lower().startswith(word.lower()) else None


def _names_a_role(phrase: str, roles: list[RoleInfo]) -> bool:
    """Whether the occupation a phrase names is one of the roles' occupations (the same SOC code)."""
    codes = {r.soc[0] for r in roles if r.soc}
    return bool(codes) and any(o.soc in codes for o in occupations_in(phrase))


def other_occupation(s: Sentence, start: int, end: int) -> bool:
    """The clause ``s.text[start:end]`` names an occupation that is not one of the article's roles.

    The sentence's own mentions decide whether it names a role: they were found with the words
    around the clause in view. An occupation word after "as" is the job being done ("start at $X as
    junior designers"); a singular one before a noun modifies it ("the district's teacher scale");
    initials the gazetteer knows ("the RN median") name an occupation.
    """
    text = s.text
    # A role named in an aside on the other occupation ("..., a related job that many X move into") is
    # not the clause's.
    if any(start <= m.start < end and names_subject(text, m) and not in_job_appositive(text, m.start)
           for m in s.roles.mentions):
        return False
    return any(not AS_TITLE.search(text, max(0, m.start() - 40), m.start()) and not modifies_noun(text, m.end())
               for m in OTHER_OCCUPATION.finditer(text, start, end)) or _other_initials(text, start, end)


# Initials that may name an occupation ("RN", "CNAs"): the gazetteer decides.
INITIALS = re.compile(r"\b[A-Z]{2,5}(?=s?\b)")


def _other_initials(text: str, start: int, end: int) -> bool:
    """ "The RN median was $86,070": initials the gazetteer knows as an occupation name one, the roles'
    own initials being their mentions (which the caller has ruled out)."""
    return any(exact_occupation(m.group()) is not None for m in INITIALS.finditer(text, start, end))


NEXT_WORD = re.compile(r" ([a-z]+)\b")
FUNCTION_WORDS = frozenset((
    "who", "whom", "whose", "that", "which", "with", "in", "at", "for", "of", "and", "or", "on", "to", "by", "from",
    "as", "than", "is", "was", "has", "had", "does", "did", "can", "could", "will", "would", "may", "might", "must",
    "should", "shall"))


def modifies_noun(text: str, end: int) -> bool:
    """A singular occupation word followed by a noun modifies it ("teacher scale", "nurse station")."""
    if text[end - 1 : end] == "s":
        return False
    nxt = NEXT_WORD.match(text, end)
    if nxt is None:
        return False
    word = nxt.group(1)
    return word not in FUNCTION_WORDS and verb_form(word) in (None, "base")
