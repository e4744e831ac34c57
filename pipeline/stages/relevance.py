"""relevance: how far a page is about occupations (what a job does, pays, requires), 0 to 1.

Read from the cleaned text, its sections and the roles found, before any fact is extracted, so that a
page below ``THRESHOLD`` (a shop, a news story, a recipe, a forum thread, a sign-in page) costs little
and is written as ``not_career``, with no roles and no facts. The signals:

- the title (or two headings or more) names a role, or the title reads as a page about a job
  ("... Job Description", "How to Become ...");
- headed sections of the kinds a career page has (duties, requirements, salary, work environment...);
- the share of sentences that name a role together with words about its work, pay, training or
  settings (``career-sentence``), and how many such sentences there are;
- against these, the marks of other genres (``genre-*``): a page with several of one genre's cues in
  its text and removed lines is that genre, and loses score as it has more of them.

Where no role was found (a group's title the role stage does not take, say), the occupations the
gazetteer finds stand in for the roles. The cue lists are data (``pipeline/data/relevance.jsonl``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import CueRule, RuleFileError, cue_rules
from pipeline.rules.matcher import AnyOf
from pipeline.rules.occupations import occupations_in
from pipeline.types import Document, RoleInfo, Segmented

THRESHOLD = 0.3
CAREER_KINDS = frozenset({"role_overview", "comparison", "duties", "requirements", "work_environment", "skills",
                          "salary", "outlook"})
# Weights of the career signals (they add up to 1) and of the genre penalty.
TITLE_ROLE, TITLE_CUE, SECTIONS, SHARE, COUNT = 0.3, 0.15, 0.15, 0.3, 0.1
MAX_SECTIONS, FULL_SHARE, FULL_COUNT = 3, 0.3, 5
# A genre's cues below this many distinct hits are chance (a career page may say "sign in" once); the
# penalty grows with each one past it, to ``GENRE_PENALTY`` at ``GENRE_FULL``.
GENRE_FREE, GENRE_FULL, GENRE_PENALTY = 2, 6, 0.7
# Sentences read for the share: a page's opening says what it is about.
MAX_SENTENCES = 200
MAX_TITLE = 120
# What may come before a role that opens a sentence, its subject ("Most welders ...", "Sous chefs ..."):
# two words at most, none of them a preposition ("Loved by electricians" is not about them).
OPENING = re.compile(r"(?:(?!(?:by|for|to|with|from|of|like|than|as|at|in|on)\b)[\w'’-]+\s+){0,2}")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
WORD = re.compile(r"[a-z0-9$£€][a-z0-9'’.:-]*[a-z0-9:]|[a-z0-9$£€]")


@dataclass(frozen=True)
class CueSet:
    """A cue rule as sets for counting distinct hits: words by lookup, phrases and stems by search."""

    words: frozenset[str]
    phrases: tuple[str, ...]
    stems: tuple[str, ...]

    def any(self, low: str, words: set[str]) -> bool:
        return not self.words.isdisjoint(words) or any(p in low for p in self.phrases) or any(
            w.startswith(s) for s in self.stems for w in words)


def _cue_set(rule: CueRule) -> CueSet:
    return CueSet(frozenset(rule.words), tuple(rule.phrases), tuple(rule.stems))


@cache
def cue_sets() -> dict[str, CueSet]:
    return {rule_id: _cue_set(rule) for rule_id, rule in cue_rules("relevance.jsonl").items()}


@dataclass(frozen=True)
class Relevance:
    score: float
    career: bool
    genre: str | None  # the genre whose marks the page has most of, where it has enough to count


def words_of(low: str) -> set[str]:
    return set(WORD.findall(low))


# The forms of the roles' names a text is searched for (sorted; empty: an occupation the gazetteer knows).
Forms = tuple[str, ...]


def role_forms(roles: list[RoleInfo]) -> Forms:
    return tuple(sorted({f for r in roles for f in r.forms if f}))


@lru_cache(maxsize=256)
def _forms_regex(forms: Forms) -> re.Pattern[str]:
    longest_first = sorted(forms, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in longest_first) + r")\b", re.IGNORECASE)


def named_at(text: str, forms: Forms) -> int:
    """Where a text first names one of the roles (-1: nowhere); with no forms, an occupation the
    gazetteer knows."""
    if not forms:
        return next((o.start for o in occupations_in(text)), -1)
    m = _forms_regex(forms).search(text)
    return m.start() if m else -1


def sentences_of(text: str) -> list[str]:
    """The text's sentences of three words or more, as ``SENTENCE_SPLIT`` splits the whole text, read
    line by line: a line's sentences are kept by text. A line whose previous non-blank character ends a
    sentence loses its leading spaces, which the split after that character takes."""
    out: list[str] = []
    after_stop = False
    for line in text.split("\n"):
        out.extend(_line_sentences(line.lstrip() if after_stop else line))
        end = line.rstrip()
        if end:
            after_stop = end[-1] in ".!?"
    return out


@text_cache(maxsize=16384)
def _line_sentences(line: str) -> tuple[str, ...]:
    return tuple(s for s in SENTENCE_SPLIT.split(line) if len(s.split()) >= 3)


def sentence_share(text: str, forms: Forms) -> tuple[float, int]:
    """The share of sentences (of three words or more) that name a role with a career word, and their count."""
    sentences = sentences_of(text)[:MAX_SENTENCES]
    if not sentences:
        return 0.0, 0
    hits = sum(1 for sentence in sentences if career_sentence(sentence, forms))
    return hits / len(sentences), hits


@text_cache(maxsize=16384)
def career_sentence(sentence: str, forms: Forms) -> bool:
    """A pay figure ("earn a median salary of $52,000") or a job's entry ("hired with a diploma") is
    about a job whoever it names; a sentence that opens with a role says what the role does."""
    career, strong = cue_sets()["career-sentence"], cue_sets()["career-strong"]
    low = sentence.lower()
    words = words_of(low)
    at = named_at(sentence, forms)
    return bool((career.any(low, words) and (strong.any(low, words) or at >= 0)) or (
        at >= 0 and OPENING.fullmatch(low[:at])))


@cache
def _genres() -> tuple[tuple[str, CueSet], ...]:
    genres = tuple((rule_id, cues) for rule_id, cues in cue_sets().items() if rule_id.startswith("genre-"))
    for rule_id, cues in genres:
        if any("\n" in p for p in cues.phrases):
            raise RuleFileError(f"relevance.jsonl: {rule_id}: a phrase spans lines")
    return genres


def genre(doc: Document, text: str) -> tuple[str | None, float]:
    """The genre the page's text and removed lines have most marks of, and its penalty (0 below ``GENRE_FREE``)."""
    whole = text + "\n" + "\n".join(d.text for d in doc.removed)
    # A cue's distinct hits in the whole text are the union of each line's (no word nor phrase spans lines).
    found: set[tuple[int, str, str]] = set()
    for line in whole.split("\n"):
        found.update(_line_genre_cues(line))
    counts = dict.fromkeys((rule_id for rule_id, _ in _genres()), 0)
    for n, _, _ in found:
        counts[_genres()[n][0]] += 1
    name, count = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if count < GENRE_FREE:
        return None, 0.0
    share = min(1.0, (count - GENRE_FREE + 1) / (GENRE_FULL - GENRE_FREE + 1))
    return name.removeprefix("genre-"), GENRE_PENALTY * share


@text_cache(maxsize=16384)
def _line_genre_cues(line: str) -> tuple[tuple[int, str, str], ...]:
    """The genre cues a line has: (genre, kind, cue) for each word, phrase and stem found."""
    low = line.lower()
    words = words_of(low)
    phrased = _genre_phrases().within(low)
    if not phrased and not _genre_words_and_stems().any(low, words):
        return ()  # most lines: no genre's cue, and two looks say so
    out: list[tuple[int, str, str]] = []
    for n, (_, cues) in enumerate(_genres()):
        out.extend((n, "word", w) for w in cues.words & words)
        if phrased:
            out.extend((n, "phrase", p) for p in cues.phrases if p in low)
        out.extend((n, "stem", s) for s in cues.stems if any(w.startswith(s) for w in words))
    return tuple(out)


@cache
def _genre_words_and_stems() -> CueSet:
    """Every genre's words and stems together."""
    sets = [cues for _, cues in _genres()]
    return CueSet(frozenset().union(*(c.words for c in sets)), (), tuple(stem for c in sets for stem in c.stems))


@cache
def _genre_phrases() -> AnyOf:
    """Every genre's phrases: most lines have none, and one search says so."""
    return AnyOf(p for _, cues in _genres() for p in cues.phrases)


def title_of(seg: Segmented) -> str:
    """The title; for an untitled text its first heading, else its first line when that is short."""
    first_line = seg.text[: seg.text.find("\n")] if "\n" in seg.text else seg.text
    headed = next((s.heading for s in seg.sections if s.heading and not s.heading_inferred), None)
    return seg.title or headed or (first_line if len(first_line) <= MAX_TITLE else "")


def title_signals(seg: Segmented, forms: Forms) -> tuple[float, float]:
    """Whether the page is headed by a role (its title, or a heading per role), and whether its title
    reads as a page about a job."""
    title = title_of(seg)
    headings = [s.heading for s in seg.sections if s.heading and not s.heading_inferred]
    by_role = (title and named_at(title, forms) >= 0) or sum(1 for h in headings if named_at(h, forms) >= 0) >= 2
    low = title.lower()
    about_a_job = bool(title) and cue_sets()["career-title"].any(low, words_of(low))
    return float(bool(by_role)), float(about_a_job)


def judge(doc: Document, seg: Segmented, roles: list[RoleInfo]) -> Relevance:
    forms = role_forms(roles)
    title_role, title_cue = title_signals(seg, forms)
    headed = sum(1 for s in seg.sections if s.kind in CAREER_KINDS and s.heading and not s.heading_inferred)
    share, count = sentence_share(seg.text, forms)
    score = (TITLE_ROLE * title_role + TITLE_CUE * title_cue + SECTIONS * min(headed, MAX_SECTIONS) / MAX_SECTIONS
             + SHARE * min(1.0, share / FULL_SHARE) + COUNT * min(count, FULL_COUNT) / FULL_COUNT)
    kind, penalty = genre(doc, seg.text)
    score = round(max(0.0, min(1.0, score - penalty)), 3)
    return Relevance(score, score >= THRESHOLD, kind)
