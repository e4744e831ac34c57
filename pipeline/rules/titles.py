"""Article titles: which title pattern (``data/title_patterns.jsonl``) a line has, the role names
it gives, and which block of a page is its title. Cleaning and role finding both ask."""

from __future__ import annotations

import re

from pipeline.rules.cache import text_cache
from pipeline.rules.cues import MONEY_FIGURE
from pipeline.rules.loader import (
    PatternRule,
    compiled_rules,
    file_gate,
    first_match,
    first_match_kept,
    load_terms,
    regex,
)
from pipeline.rules.nouns import singular
from pipeline.rules.occupations import exact_occupation, known_whole
from pipeline.rules.text import Piece
from pipeline.rules.words import parts_of_speech
from pipeline.types import Block, Dropped

TITLE_SCAN = 12
# A paragraph this long is the article's prose (unless a boilerplate rule knows it): no title comes after it.
PROSE_LENGTH = 200
LEAD_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)
SMALL_WORDS = {"a", "an", "and", "the", "of", "for", "in", "on", "to", "or", "at", "by", "with"}
# A title pattern's name of more words is a sentence, unless it is an occupation's.
MAX_NAME_WORDS = 6


TITLE_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z.]{1,8}\)")
# "... | SiteName": the site's name after the title.
SITE_NAME = re.compile(r"\s+[|·»]\s+[^|·»]{1,60}$")


@text_cache(maxsize=4096)
def match_title(text: str) -> tuple[PatternRule, re.Match[str]] | None:
    # "Nurse Practitioner (NP) vs. ...": the acronym is found again in the body as an alias.
    text = SITE_NAME.sub("", TITLE_ACRONYM.sub("", text.strip().strip("*#").strip()))
    t = Piece(text)
    if not file_gate("title_patterns.jsonl").open(t.text, t.fold):
        return None  # one look rules out every pattern, as it does for most lines of a page's chrome
    for compiled in compiled_rules("title_patterns.jsonl"):
        m = compiled.matcher.match(t)
        if m:
            return compiled.rule, m
    return None


def head_index(words: list[str]) -> int:
    """Where a name's head noun is: before its first "of" ("Sales Representatives of Services"), else last."""
    return next((i - 1 for i, w in enumerate(words) if i and w.lower() == "of"), len(words) - 1)


@text_cache(maxsize=16384)
def canonical(raw: str) -> str:
    """"medical coders" -> "Medical Coder", "supervisors of cooks" -> "Supervisor of Cooks" (the noun
    before "of" is the head); keeps acronyms and hyphenated words."""
    raw = LEAD_ARTICLE.sub("", raw.strip(" .,:;!?\"'*"))
    words = raw.split()
    if not words:
        return ""
    i = head_index(words)
    words[i] = singular(words[i])
    out = []
    for i, w in enumerate(words):
        if w.isupper() and len(w) > 1:
            out.append(w)
        elif i and w.lower() in SMALL_WORDS:
            out.append(w.lower())
        else:
            # "Door-to-Door": a small word inside a compound stays lower case
            out.append("-".join(p if j and p.lower() in SMALL_WORDS else p[:1].upper() + p[1:]
                                for j, p in enumerate(w.split("-"))))
    return " ".join(out)


# "How to Become a Glazier in 2025": a year, place or audience after the name.
NAME_QUALIFIER = regex("role_patterns.jsonl", "name-qualifier")
TOPIC_TAIL = regex("role_patterns.jsonl", "topic-tail")
QUESTION_WORDS = {"what", "how", "why", "which", "where", "who", "when"}


def title_roles(text: str) -> list[str]:
    return list(_title_roles(text))


@text_cache(maxsize=4096)
def _title_roles(text: str) -> tuple[str, ...]:
    found = match_title(text)
    if not found:
        return ()
    _, m = found
    names = [canonical(n) for n in _elided([_topic_cut(NAME_QUALIFIER.sub("", m.group(g)))
                                              for g in ("r1", "r2", "r3") if g in m.groupdict() and m.group(g)])]
    # A longer name is a sentence, unless it is an occupation's ("Agents and Business Managers of ...");
    # a name that opens with a question word is a question ("What Factors Influence a Glazier'").
    return tuple(n for n in names if n and (len(n.split()) <= MAX_NAME_WORDS or known_whole(n))
                 and n.split()[0].lower() not in QUESTION_WORDS)


def _elided(names: list[str]) -> list[str]:
    """"Civil vs. Electrical vs. Industrial Engineering Technician": a one-word modifier before a last
    name of several words shares that name's words after its first."""
    if len(names) < 2 or len(names[-1].split()) < 2:
        return names
    return [_joined(n, names[-1]) if _modifier(n) else n for n in names[:-1]] + names[-1:]


def _joined(word: str, last: str) -> str:
    """The modifier with all of the last name's words but its first ("Civil" + "Engineering
    Technicians"), or with the most of its final words that make an occupation the gazetteer knows
    ("Electrical" + "Engineers" of "Computer Hardware Engineers")."""
    words = last.split()[1:]
    for k in range(len(words), 0, -1):
        name = " ".join([word, *words[-k:]])
        if exact_occupation(name) is not None:
            return name
    return " ".join([word, *words])


def _modifier(name: str) -> bool:
    """A word that modifies a name ("Civil", "School"): an adjective or a noun, no occupation nor a
    worker's noun ("Nurse", "Farrier")."""
    word = name.lower()
    if " " in name or exact_occupation(name) is not None or word in OCCUPATION_HEADS or AGENT_NOUN.fullmatch(word):
        return False
    pos = parts_of_speech(word)
    # A word the lexicon lacks may still end as adjectives do ("Geotechnical").
    return bool(pos & {"ADJ", "NOUN"}) or not pos and ADJECTIVE_ENDING.search(word) is not None


ADJECTIVE_ENDING = re.compile(r"(?:al|ic|ive|ous|ary|ory)$")


# A noun that ends as agent nouns do: "auditors", "technologists", "musicians", "attendants".
AGENT_NOUN = re.compile(r".*(?:er|or|ist|ian|ant|ent|man|men)s?", re.IGNORECASE)


def _topic_cut(name: str) -> str:
    """The name without the topic words a title ends with ("Glazier Salary"); a name with an "of"
    phrase keeps them, as its own words ("Director of Religious Education")."""
    return name if " of " in name.lower() else TOPIC_TAIL.sub("", name)


def title_type(text: str) -> str | None:
    found = match_title(text)
    return found[0].value if found else None


def is_title_like(text: str, strong: bool = False) -> bool:
    """Shaped like an article title; ``strong`` leaves out shapes that a section heading can also have."""
    found = match_title(text)
    return found is not None and not (strong and found[0].note.startswith("weak"))


TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|:|·|»)\s+")


def page_title(html_title: str | None) -> str | None:
    """The article's title from a ``<title>`` such as "X vs. Y: What Are the Differences? | Site"."""
    if not html_title:
        return None
    parts = [p.strip() for p in TITLE_SEPARATORS.split(html_title) if p.strip()]
    if not parts:
        return None
    # Else the first part: pages put their own title before the site's name.
    return next((p for p in parts if is_title_like(p)), parts[0])


NOT_OCCUPATIONS = load_terms("not_occupations.txt")
BREADCRUMBS = (regex("boilerplate.jsonl", "nav-breadcrumb"), regex("boilerplate.jsonl", "nav-breadcrumb-home"))
CRUMB_SEPARATOR = re.compile(r"\s*[>›»/]\s*")
OCCUPATION_HEADS = load_terms("occupation_heads.txt")


def breadcrumb_title(removed: list[Dropped]) -> str | None:
    """ "Home > Explore careers > Transport > Port crane operator": the last step of a page's breadcrumb
    trail names the page; it is the title of an untitled page where it is a singular name that is an
    occupation the gazetteer knows or, of a few words, ends with an occupation's head noun."""
    for line in removed:
        if line.reason == "navigation" and any(b.match(line.text.strip()) for b in BREADCRUMBS):
            last = CRUMB_SEPARATOR.split(line.text.strip())[-1].strip()
            words = last.lower().split()
            # A page's own name, singular, known or of a few words ("Midwife", "Port crane operator"), not a
            # section's ("Guides", "Trade careers").
            if singular(words[-1]) == words[-1] and (
                    len(words) > 1 and words[-1] in OCCUPATION_HEADS or known_whole(last)):
                return last
    return None


def _section_heading(text: str) -> bool:
    """A section's heading naming no occupation ("Median Salary", whose title pattern reads "Median" as
    the name, "Job Outlook"): a text may open with one, and then it has no title."""
    if first_match_kept("section_kinds.jsonl", text) is None:
        return False
    # "Tour and Travel Guides" is an occupation's name; "Salary Guide" is none.
    names = [name for name in title_roles(text) if " " not in name or not known_whole(name)]
    return not title_roles(text) or any(name.lower().split()[-1] in NOT_OCCUPATIONS for name in names)


def _job_name(name: str) -> bool:
    """Whether a title pattern's name may be a job's: not one that ends with a word no occupation's name
    ends with ("Skills That" of "Skills that pay")."""
    return name.lower().split()[-1] not in NOT_OCCUPATIONS


def _has_parallel(blocks: list[Block], i: int) -> bool:
    """Another heading of the same profile shape, over a paragraph of its own, names another role
    ("A Day in the Life of a Farrier", and "A Day in the Life of a Saddler"): the line is one of a
    comparison's section headings. (Links to other articles come in runs, with no paragraph under.) A
    heading of that shape that names no job ("Skills that pay") is none."""
    found = match_title(blocks[i].text)
    if found is None or found[0].value != "profile":
        return False
    names = title_roles(blocks[i].text)
    for j, block in enumerate(blocks[:-1]):
        if j == i or block.kind not in ("paragraph", "heading") or len(block.text) >= 150:
            continue
        other = match_title(block.text)
        if (other is not None and other[0].id == found[0].id and title_roles(block.text) not in ([], names)
                and any(_job_name(n) for n in title_roles(block.text))
                and blocks[j + 1].kind == "paragraph" and not is_title_like(blocks[j + 1].text)):
            return True
    return False


def find_title_index(blocks: list[Block], tagged: bool = False) -> int | None:
    """The title block: an ``<h1>``/``#`` line, else (untagged text only) the first title-shaped line."""
    for i, block in enumerate(blocks[:TITLE_SCAN]):
        if block.kind == "title":
            return i
    if tagged:
        return None
    for i, block in enumerate(blocks[:TITLE_SCAN]):
        if (block.kind in ("paragraph", "heading") and len(block.text) < 150 and is_title_like(block.text)
                and not MONEY_FIGURE.found(block.text)  # "Average Salary: £22,000": a figure, not a title
                and not _section_heading(block.text) and not _has_parallel(blocks, i)):
            return i
        if (block.kind == "paragraph" and len(block.text) > PROSE_LENGTH
                and first_match("boilerplate.jsonl", block.text) is None):
            return None  # the text opened with its prose: a title-shaped line further down is a heading
    return None
