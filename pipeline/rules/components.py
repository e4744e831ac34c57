"""The spaCy pipeline: ``spacy.blank("en")`` with our components, built once per process.

- ``career_lexicons``: PhraseMatchers over the setting and skill lexicons (``data/settings.jsonl``,
  ``data/skills.jsonl``); its matches go on ``doc.spans["settings"]`` and ``doc.spans["skills"]``
  with the lexicon value as label, the rule id as ``span.id_`` and the entry's kind as
  ``span._.lexicon_kind``. ``lexicon_matches`` runs the pipeline on only the stretches of text
  where a phrase may match (``lexicon_regions``): tokenizing whole articles would cost more than
  everything else the pipeline does.
- ``career_sentences``: the sentence boundaries of ``pipeline.rules.boundaries`` on a Doc.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, cached_property
from typing import Any, NamedTuple

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span

from pipeline.rules.boundaries import sentence_starts
from pipeline.rules.cache import TextStore
from pipeline.rules.loader import RuleFileError, phrase_rules
from pipeline.rules.matcher import AnyOf
from pipeline.rules.phrases import lower_patterns
from pipeline.rules.text import Text
from pipeline.rules.words import parts_of_speech

LEXICONS = {"settings": "settings.jsonl", "skills": "skills.jsonl"}


class Hit(NamedTuple):
    """A phrase match in token offsets."""

    start: int
    end: int
    value: str
    rule: str


def longest_first(hits: list[Hit]) -> list[Hit]:
    """``spacy.util.filter_spans`` on plain tuples: of overlapping matches the (first) longest wins."""
    kept: list[Hit] = []
    seen: set[int] = set()
    for hit in sorted(hits, key=lambda h: (h.end - h.start, -h.start), reverse=True):
        if hit.start not in seen and hit.end - 1 not in seen:
            kept.append(hit)
            seen.update(range(hit.start, hit.end))
    return sorted(kept, key=lambda h: h.start)


def inner_starts(texts: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """For each text, the offsets inside it where one of the texts could also start: those where
    the rest of it and that text agree, one being a prefix of the other."""
    known = set(texts)
    starts = {text[:n] for text in known for n in range(1, len(text) + 1)}  # every text's every start
    out: dict[str, tuple[int, ...]] = {}
    for text in sorted(known):
        offsets = []
        for k in range(1, len(text)):
            # From k on: a text ends inside the rest, or the whole rest starts a text.
            for end in range(k + 1, len(text) + 1):
                piece = text[k:end]
                if piece not in starts:
                    break
                if end < len(text) and piece in known:
                    offsets.append(k)
                    break
            else:
                offsets.append(k)
        if offsets:
            out[text] = tuple(offsets)
    return out


# Making the regex that finds where phrases may start (``CareerLexicons.word_start``, ``inner``) costs
# as much as tokenizing a few dozen sentences whole, and a run of a few articles reads little more:
# the first texts asked about are read whole where a phrase's text occurs (the same matches).
WHOLE_TEXTS = 32


class CareerLexicons:
    """Phrase lexicons from ``pipeline/data``; labels are lexicon values, ids are rule ids."""

    name = "career_lexicons"

    def __init__(self, nlp: Language, lexicons: dict[str, str]) -> None:
        self.matchers: dict[str, PhraseMatcher] = {}
        self.meta: dict[str, dict[str, tuple[str, str]]] = {}
        tokenizer: Any = nlp.tokenizer
        strings = nlp.vocab.strings
        texts: list[str] = []
        first_tokens: set[str] = set()
        for key, filename in lexicons.items():
            matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
            meta: dict[str, tuple[str, str]] = {}
            for rule in phrase_rules(filename):
                patterns = lower_patterns(nlp, rule.phrases)
                matcher.add(rule.id, patterns)
                meta[rule.id] = (rule.value, rule.kind)
                texts += [phrase.lower() for phrase in rule.phrases]  # a Doc's text is the text it was made of
                first_tokens.update(str(strings[p[0]]) for p in patterns if p)
            self.matchers[key] = matcher
            self.meta[key] = meta
        self.kinds = {rule_id: kind for meta in self.meta.values() for rule_id, (_, kind) in meta.items()}
        if len(self.kinds) != sum(len(meta) for meta in self.meta.values()):
            raise RuleFileError(f"lexicons {sorted(lexicons.values())} share a rule id")
        # Spans are made with the string store's hashes of their label and id (looking the strings
        # up again for every span costs three times as much), and read back through this table.
        self.hashes = {rule_id: (strings.add(value), strings.add(rule_id))
                       for meta in self.meta.values() for rule_id, (value, _) in meta.items()}
        self.by_hash = {rule_hash: (rule_id, self.meta_of(rule_id)) for rule_id, (_, rule_hash) in self.hashes.items()}
        # A phrase matches tokens with the phrase's own spacing, so its lower-case text is in the
        # lower-case text it matches: a text with none of them needs no tokenizing.
        self.gate = AnyOf(texts)
        self.special_cases: dict[str, Any] = tokenizer.rules
        self.first_tokens = first_tokens
        self.whole_texts = WHOLE_TEXTS

    def region_regex(self) -> re.Pattern[str] | None:
        """``word_start`` for ``lexicon_regions``, once it has read enough texts whole to pay for
        making it (the regex, ``inner``); None till then, and where the phrases are few."""
        if self.whole_texts:
            self.whole_texts -= 1
            return None
        return self.word_start

    @cached_property
    def word_start(self) -> re.Pattern[str] | None:
        """Where a phrase's text starts.

        A match starts where a word token does, and the tokenizer starts a word right after a letter
        only inside a special case ("cannot" -> "can" "not"); its affix and infix rules split off
        punctuation there, or units after digits. So the phrases' texts are looked for only where no
        letter comes before (a quarter faster), unless the text holds one of the special cases that
        would start a phrase's first token there (``mid_word_cases``)."""
        pattern = self.gate.pattern
        return re.compile(r"(?<!" + LETTER.pattern + ")(?:" + pattern + ")") if pattern is not None else None

    @cached_property
    def inner(self) -> dict[str, tuple[int, ...]]:
        return inner_starts(self.gate.strings)

    @cached_property
    def mid_word_cases(self) -> tuple[str, ...]:
        return tuple(sorted({case.lower() for case, start in _mid_word_starts(self.special_cases)
                             if start in self.first_tokens}))

    def match(self, doc: Doc) -> dict[str, list[Hit]]:
        """Each lexicon's matches as (start token, end token, value, rule id), without overlaps."""
        found: dict[str, list[Hit]] = {}
        strings = doc.vocab.strings
        for key, matcher in self.matchers.items():
            meta = self.meta[key]
            hits = []
            for match_id, start, end in matcher(doc):
                rule_id = strings[match_id]
                hits.append(Hit(start, end, meta[rule_id][0], rule_id))
            found[key] = longest_first(hits)
        return found

    def set_annotations(self, doc: Doc, found: dict[str, list[Hit]]) -> None:
        hashes = self.hashes
        for key, hits in found.items():
            doc.spans[key] = [Span(doc, h.start, h.end, label=hashes[h.rule][0], span_id=hashes[h.rule][1])
                              for h in hits]

    def meta_of(self, rule_id: str) -> tuple[str, str]:
        """The value and kind of a lexicon entry."""
        return next(meta[rule_id] for meta in self.meta.values() if rule_id in meta)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def kind(self, span: Span) -> str:
        """The lexicon entry's kind ("hard", "soft" for skills; "" where the lexicon has none)."""
        return self.kinds[span.id_]


# What ``CareerLexicons.word_start`` takes for a letter: a word character other than a digit or "_".
LETTER = re.compile(r"[^\W\d_]")


def _mid_word_starts(special_cases: dict[str, list[dict[Any, str]]]) -> list[tuple[str, str]]:
    """(special case, lower-case token) for each token of a tokenizer special case that starts right
    after a letter."""
    out = []
    for case, tokens in special_cases.items():
        orths = [t.get(ORTH, "") for t in tokens]
        for before, token in zip(orths, orths[1:], strict=False):
            if LETTER.fullmatch(before[-1:]):
                out.append((case, token.lower()))
    return out


@Language.factory("career_lexicons", default_config={"lexicons": LEXICONS})
def make_career_lexicons(nlp: Language, name: str, lexicons: dict[str, str]) -> CareerLexicons:
    component = CareerLexicons(nlp, lexicons)
    Span.set_extension("lexicon_kind", getter=component.kind, force=True)
    return component


class CareerSentences:
    """Marks the sentence starts of ``sentence_starts`` on a Doc (``doc.sents`` then follows them)."""

    name = "career_sentences"

    def match(self, doc: Doc) -> list[int]:
        """The tokens that start a sentence."""
        starts = set(sentence_starts(doc.text))
        return [token.i for token in doc if token.idx in starts]

    def set_annotations(self, doc: Doc, starts: list[int]) -> None:
        first = set(starts)
        for token in doc:
            token.is_sent_start = token.i in first or token.i == 0

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


@Language.factory("career_sentences")
def make_career_sentences(nlp: Language, name: str) -> CareerSentences:
    return CareerSentences()


@cache
def _english() -> Language:
    return spacy.blank("en")


def blank() -> Language:
    """A new blank English pipeline, ``spacy.blank("en")`` as the pipelines here start: they share one
    tokenizer and vocab, whose special cases (contractions, abbreviations) the process loads once."""
    base = _english()
    return type(base)(vocab=base.vocab, create_tokenizer=lambda _: base.tokenizer)


@cache
def build() -> Language:
    # lemminflect loads its tables on first use; pay that once here, not inside some document's time.
    parts_of_speech("warm")
    nlp = blank()
    nlp.add_pipe("career_lexicons")
    return nlp


class LexMatch(NamedTuple):
    """A lexicon match as plain data, offsets into the text given to ``lexicon_matches``."""

    start: int
    end: int
    value: str
    rule: str
    text: str
    kind: str


class Lexicon:
    """A document's lexicon matches of one kind, found by sentence with a bisection."""

    def __init__(self, matches: list[LexMatch]) -> None:
        self.matches = matches
        self.starts = [m.start for m in matches]

    def within(self, start: int, end: int) -> list[LexMatch]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [m for m in self.matches[i:j] if m.end <= end]


def lexicon_matches(text: str, spans: list[tuple[int, int]]) -> dict[str, list[LexMatch]]:
    """The lexicons' matches inside ``spans`` of ``text`` (where the sentences that use them may have
    one, ``lexicon_regions``), sorted.

    A span's matches depend on its text alone, and are kept by it (``pipeline.rules.cache``); the
    spans not seen before are tokenized together (``_match_pieces``).
    """
    out: dict[str, list[LexMatch]] = {key: [] for key in LEXICONS}
    pieces = [text[a:b] for a, b in spans]
    known = [_PIECES.get(piece) for piece in pieces]
    missing = list(dict.fromkeys(piece for piece, found in zip(pieces, known, strict=True) if found is None))
    fresh = dict(zip(missing, _match_pieces(missing), strict=True)) if missing else {}
    for (a, _), piece, found in zip(spans, pieces, known, strict=True):
        for key, matches in (fresh[piece] if found is None else found).items():
            out[key].extend(m._replace(start=m.start + a, end=m.end + a) for m in matches)
    return {key: sorted(found) for key, found in out.items()}


# Each span's lexicon matches, offsets into the span, by its text.
_PIECES: TextStore[dict[str, tuple[LexMatch, ...]]] = TextStore(maxsize=16384)


def _match_pieces(pieces: list[str]) -> list[dict[str, tuple[LexMatch, ...]]]:
    """Each piece's lexicon matches, offsets into the piece; kept by its text.

    The pieces are tokenized in one run, joined by newlines: a newline is a token of its own that no
    phrase contains, so no match runs from one piece into the next, and each piece's matches are
    those it has alone.
    """
    joined_starts: list[int] = []
    pos = 0
    for piece in pieces:
        joined_starts.append(pos)
        pos += len(piece) + 1
    joined = "\n".join(pieces)
    nlp = build()
    component: Any = nlp.get_pipe("career_lexicons")
    by_hash: dict[int, tuple[str, tuple[str, str]]] = component.by_hash
    doc = nlp(joined)
    found: list[dict[str, list[LexMatch]]] = [{key: [] for key in LEXICONS} for _ in pieces]
    for key in LEXICONS:
        for span in doc.spans[key]:
            start_char, end_char = span.start_char, span.end_char
            rule, (value, kind) = by_hash[span.id]
            i = bisect.bisect_right(joined_starts, start_char) - 1
            shift = joined_starts[i]
            found[i][key].append(LexMatch(start_char - shift, end_char - shift, value, rule,
                                          joined[start_char:end_char], kind))
    out = [{key: tuple(matches) for key, matches in each.items()} for each in found]
    for piece, matches in zip(pieces, out, strict=True):
        _PIECES.put(piece, matches)
    return out


def lexicon_regions(t: Text) -> list[tuple[int, int]]:
    """The stretches of ``t`` where a lexicon phrase may match, from word start to word end; none
    when no phrase can match anywhere.

    A phrase's match is one of the phrases' texts, so each place such a text occurs gives one
    stretch, widened to whole words; overlapping stretches merge. Only these are tokenized.
    """
    kept: list[tuple[int, int]] | None = t.text_answers.get(lexicon_regions)
    if kept is None:
        kept = t.text_answers[lexicon_regions] = _regions(t.text, t.low)
    return list(kept)


def _regions(text: str, low: str) -> list[tuple[int, int]]:
    component: Any = build().get_pipe("career_lexicons")
    gate: AnyOf = component.gate
    word_start: re.Pattern[str] | None = component.region_regex()
    if word_start is None or len(low) != len(text):
        return [(0, len(text))] if gate.within(low) else []
    regex = (gate.regex or word_start) if any(case in low for case in component.mid_word_cases) else word_start
    regions: list[tuple[int, int]] = []
    for m in regex.finditer(low):
        last = m.end()
        # The scan resumes after this occurrence; one that starts inside it is looked for here.
        for offset in component.inner.get(m.group(), ()):
            inner = regex.match(low, m.start() + offset)
            if inner is not None and inner.end() > last:
                last = inner.end()
        start = low.rfind(" ", 0, m.start()) + 1
        end = low.find(" ", last)
        end = len(low) if end < 0 else end
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(regions[-1][1], end))
        else:
            regions.append((start, end))
    return regions
