"""The rules' one matcher: ``Pattern``, a regex asked about a ``Text``, and the speed work behind it.

No caller needs to know how it is fast; the answers are the regex's own:

- a literal gate: the strings every match must contain (``pipeline.rules.literals``); a text
  without any of them skips the regex, which cannot match it;
- a case-sensitive twin: a case-insensitive regex whose characters are all lower case runs
  case-sensitively on the text's case fold, which ``Text`` computes once, 2-3 times faster, when
  the fold keeps the text's length (offsets agree);
- ``AnyOf``: many strings looked for at once, as a trie-shaped regex (``trie_pattern``) once the set
  has been asked about often enough to pay for compiling it;
- ``word_finditer``: a pattern that starts a word, without the leading lookbehind that keeps the
  regex engine from skipping ahead to where the pattern's first characters are;
- read and compiled on first use: a pattern is parsed and checked as compiling it would be when
  made; its gate is read off that parse (``read_pattern``) when it is first asked about a text,
  and its regex compiled when a text first gets past the gate: many rules are never asked, and
  most rules' gates shut every text a run reads.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

from pipeline.rules.literals import EXACT, FEW, Required, has_twin, literals_of, prefixes_of, suffixes_of
from pipeline.rules.text import Piece

# Compiling a set's trie regex costs as much as a few hundred ``in`` scans of a short text, and most
# sets a run makes are asked about a few times at most: a set's first answers about short texts come
# from ``in`` scans, the rest from its regex.
SCANS_BEFORE_TRIE = 32
SHORT_TEXT = 400


class AnyOf:
    """Does a text contain any of a set of strings? ``in`` tests for a few; for more, one regex
    shaped as a trie ("cook(?:ing|s)?"), which at each position follows one branch instead of
    trying every string (a flat alternation of hundreds of strings is ~30 times slower), once the
    set has been asked about often enough (or about a long text) to pay for compiling it."""

    pattern: str | None
    regex: re.Pattern[str] | None

    def __init__(self, strings: Iterable[str]) -> None:
        self.strings = tuple(sorted(set(strings), key=len, reverse=True))
        self.scans = SCANS_BEFORE_TRIE

    def __getattr__(self, name: str) -> Any:
        """``pattern`` (the trie regex's text) and ``regex``, made when first asked for: many gates are
        never asked."""
        if name == "pattern":
            self.pattern = trie_pattern(self.strings) if len(self.strings) > FEW else None
            return self.pattern
        if name == "regex":
            self.regex = re.compile(self.pattern) if self.pattern is not None else None
            return self.regex
        raise AttributeError(name)

    def within(self, text: str) -> bool:
        if self.scans and len(text) < SHORT_TEXT:
            self.scans -= 1
        elif self.regex is not None:
            return self.regex.search(text) is not None
        for string in self.strings:  # noqa: SIM110 - a plain loop is twice as fast as any() over a generator
            if string in text:
                return True
        return False


def trie_pattern(strings: Iterable[str]) -> str:
    """The strings as one regex shaped as a trie, which at each position follows one branch; where one
    string starts another, the longer is tried first."""
    trie: dict[str, Any] = {}
    for string in strings:
        node = trie
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # A string ends here: the longer ones through this node are optional.
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


@dataclass(frozen=True)
class Gate:
    """``open(text, folded)`` is False only when the regex cannot match ``text`` (``folded`` is its
    case fold).

    Four tests: the strings the text must start with (a pattern anchored by ``^``) or, its trailing
    spaces stripped, end with (anchored by ``$``), and the strings it must contain, looked for in the
    folded text or, for case-sensitive parts, as written.
    """

    literals: AnyOf | None
    prefixes: tuple[str, ...] | None = None
    exact: AnyOf | None = None
    suffixes: tuple[str, ...] | None = None

    @property
    def never_shuts(self) -> bool:
        return self.literals is None and self.exact is None and self.prefixes is None and self.suffixes is None

    def open(self, text: str, folded: str) -> bool:
        if self.prefixes is not None and not folded.startswith(self.prefixes):
            return False
        if self.suffixes is not None and not folded.rstrip().endswith(self.suffixes):
            return False
        return self.open_within(text, folded)

    def open_within(self, text: str, folded: str) -> bool:
        """As ``open``, where ``folded`` may be that of a longer text around ``text``."""
        if self.literals is None and self.exact is None:
            return True
        return ((self.literals is not None and self.literals.within(folded))
                or (self.exact is not None and self.exact.within(text)))


def _check_lookbehinds(items: Any) -> None:
    """Raise the error compiling would: a look-behind must have a fixed width."""
    for op, av in items:
        if op in (C.ASSERT, C.ASSERT_NOT) and av[0] < 0:
            low, high = av[1].getwidth()
            if low != high:
                raise re.error("look-behind requires fixed-width pattern")
        for part in av if isinstance(av, (tuple, list)) else (av,):
            for inner in part if isinstance(part, list) else (part,):
                if isinstance(inner, P.SubPattern):
                    _check_lookbehinds(inner)


@dataclass(frozen=True)
class Reading:
    """What one parse of a pattern tells: the flags its compiled regex would have (``flags`` with
    the pattern's own, such as ``(?m)``), the gate's strings (as ``required_literals``,
    ``required_prefixes`` and ``required_suffixes`` find them) and whether it has a folded twin."""

    flags: int
    literals: Required
    prefixes: Required
    suffixes: Required
    twin: bool


@lru_cache(maxsize=256)
def parsed(pattern: str, flags: int = re.IGNORECASE) -> Any:
    """``pattern`` parsed, and checked as compiling it would be (``re.error`` where that would fail).

    A rule's regex is compiled only when a text first gets past its gate; this check on load still
    fails a bad rule file there. The parse is kept a while for ``read_pattern``: a file's rules are
    checked on load, and each one's gate read off its parse when the rule is first asked about a text.
    """
    tree = P.parse(pattern, flags)
    if "(?<" in pattern:
        _check_lookbehinds(tree)
    return tree


@cache
def read_pattern(pattern: str, flags: int = re.IGNORECASE) -> Reading:
    """What one parse of ``pattern`` tells for its matcher; ``re.error`` where compiling it would fail."""
    tree = parsed(pattern, flags)
    full = flags | tree.state.flags
    return Reading(full, literals_of(tree, full), prefixes_of(tree, full), suffixes_of(tree, full),
                   has_twin(tree, flags))


def _split(found: frozenset[str]) -> tuple[AnyOf | None, AnyOf | None]:
    folded = [lit for lit in found if not lit.startswith(EXACT)]
    exact = [lit[1:] for lit in found if lit.startswith(EXACT)]
    return (AnyOf(folded) if folded else None), (AnyOf(exact) if exact else None)


def gate_for(regex: re.Pattern[str]) -> Gate:
    return _gate(read_pattern(regex.pattern, regex.flags))


def _gate(reading: Reading) -> Gate:
    found, prefixes, suffixes = reading.literals, reading.prefixes, reading.suffixes
    literals, exact = _split(found) if found else (None, None)
    return Gate(literals, tuple(sorted(prefixes)) if prefixes else None, exact,
                tuple(sorted(suffixes)) if suffixes else None)


@dataclass(frozen=True)
class AnyGate:
    """Opens when any of a file's gates would: shut, it rules out the whole rule file at once."""

    prefixes: tuple[str, ...]
    literals: AnyOf | None
    exact: AnyOf | None
    always: bool

    def open(self, text: str, folded: str) -> bool:
        return (self.always or folded.startswith(self.prefixes)
                or (self.literals is not None and self.literals.within(folded))
                or (self.exact is not None and self.exact.within(text)))


def any_gate(gates: Iterable[Gate]) -> AnyGate:
    prefixes: list[str] = []
    literals: list[str] = []
    exact: list[str] = []
    for gate in gates:
        if gate.prefixes is not None:
            prefixes += gate.prefixes
        elif gate.literals is not None or gate.exact is not None:
            literals += gate.literals.strings if gate.literals else ()
            exact += gate.exact.strings if gate.exact else ()
        else:
            return AnyGate((), None, None, True)
    minimal = [lit for lit in literals if not any(o != lit and o in lit for o in literals)]
    return AnyGate(tuple(prefixes), AnyOf(minimal) if minimal else None, AnyOf(exact) if exact else None, False)


# What ``Pattern`` reads off the parse when first asked for one of them.
_READ = frozenset({"_has_twin", "gate", "never_shuts", "_prefixes", "_suffixes", "_literals", "_exact"})


class Pattern:
    """A regex (case-insensitive unless ``flags`` say otherwise) asked about a ``Text`` or a string.

    ``search``, ``match`` and ``finditer`` give matches on the text as written; ``finditer_caseless``
    gives matches whose groups are to be read case-insensitively (positions, digits, lower-cased
    words), which lets it run on the fold; ``found``, ``count``, ``match_end`` and ``search_start``
    answer with booleans and offsets only. ``pos`` and ``endpos`` mean what they mean for ``re``.
    """

    __slots__ = ("pattern", "flags", "regex", "twin", "_has_twin", "gate", "never_shuts", "_prefixes", "_suffixes",
                 "_literals", "_exact")
    regex: re.Pattern[str]
    twin: re.Pattern[str] | None
    gate: Gate
    never_shuts: bool

    def __init__(self, pattern: str, flags: int = re.IGNORECASE) -> None:
        self.pattern = pattern
        self.flags = flags
        parsed(pattern, flags)  # re.error here for a bad pattern

    def __getattr__(self, name: str) -> Any:
        """What the pattern's parse tells (``gate`` and its tests, whether it has a twin), read when
        first asked for, and ``regex`` and ``twin``, compiled when first asked for: many rules are
        never asked about a text, and most rules' gates shut every text a run reads, so their regexes
        are never compiled. Once set, the slot answers directly."""
        if name in _READ:
            self._read()
            return getattr(self, name)
        if name == "regex":
            value: re.Pattern[str] | None = re.compile(self.pattern, self.flags)
        elif name == "twin":
            value = re.compile(self.pattern, self.flags & ~re.IGNORECASE) if self._has_twin else None
        else:
            raise AttributeError(name)
        setattr(self, name, value)
        return value

    def _read(self) -> None:
        reading = read_pattern(self.pattern, self.flags)
        self._has_twin = reading.twin
        self.gate = gate = _gate(reading)
        self.never_shuts = gate.never_shuts
        # The gate's tests, inlined below: they run for most rules on every sentence.
        self._prefixes, self._suffixes = gate.prefixes, gate.suffixes
        self._literals, self._exact = gate.literals, gate.exact

    def may_match(self, t: Piece | str, endpos: int = sys.maxsize) -> bool:
        """False only when the regex cannot match anywhere in ``t`` (read up to ``endpos``)."""
        if self.never_shuts:
            return True
        text, fold = (t, t.casefold()) if isinstance(t, str) else (t.text, t.fold)
        if self._prefixes is not None and not fold.startswith(self._prefixes):
            return False
        # "$" matches at endpos when that is short of the text's end.
        if self._suffixes is not None and endpos >= len(text) and not fold.rstrip().endswith(self._suffixes):
            return False
        return self._may_occur(text, fold)

    def may_match_within(self, t: Piece | str) -> bool:
        """False only when the regex cannot match ``t`` nor any piece of it (a clause of a sentence)."""
        if self.never_shuts:
            return True
        text, fold = (t, t.casefold()) if isinstance(t, str) else (t.text, t.fold)
        return self._may_occur(text, fold)

    def _may_occur(self, text: str, fold: str) -> bool:
        literals, exact = self._literals, self._exact
        if literals is None and exact is None:
            return True
        return (literals is not None and literals.within(fold)) or (exact is not None and exact.within(text))

    def _on_fold(self, t: Piece | str) -> tuple[re.Pattern[str], str]:
        """The regex to run and the string to run it on: the twin on the fold where it can."""
        if isinstance(t, str):
            return self.regex, t
        if self.twin is not None and t.same_length:
            return self.twin, t.fold
        return self.regex, t.text

    def match_end(self, t: Piece | str, pos: int = 0) -> int | None:
        """Where a match at ``pos`` ends, or None."""
        if isinstance(t, str):
            m = self.regex.match(t, pos)
        elif self.twin is not None and t.same_length:
            m = self.twin.match(t.fold, pos)
        else:
            m = self.regex.match(t.text, pos)
        return None if m is None else m.end()

    def search_start(self, t: Piece | str, pos: int = 0) -> int | None:
        """Where the first match from ``pos`` on starts, or None."""
        regex, s = self._on_fold(t)
        m = regex.search(s, pos)
        return None if m is None else m.start()

    def found(self, t: Piece | str) -> bool:
        """Whether the regex matches anywhere in ``t``."""
        if not self.may_match(t):
            return False
        regex, s = self._on_fold(t)
        return regex.search(s) is not None

    def count(self, t: Piece | str) -> int:
        """How many times the regex matches ``t`` (as ``findall`` counts)."""
        if not self.may_match(t):
            return 0
        regex, s = self._on_fold(t)
        return len(regex.findall(s))

    def finditer_caseless(self, t: Piece | str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """As ``finditer``, for callers that read from the matches only positions, digits and
        lower-cased words."""
        if not self.may_match(t, endpos):
            return iter(())
        regex, s = self._on_fold(t)
        return regex.finditer(s, pos, endpos)

    def search(self, t: Piece | str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self.may_match(t, endpos):
            return None
        return self.regex.search(t if isinstance(t, str) else t.text, pos, endpos)

    def match(self, t: Piece | str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self.may_match(t, endpos):
            return None
        return self.regex.match(t if isinstance(t, str) else t.text, pos, endpos)

    def finditer(self, t: Piece | str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if not self.may_match(t, endpos):
            return iter(())
        return self.regex.finditer(t if isinstance(t, str) else t.text, pos, endpos)


# What may not stand before a word (``word_finditer``): a word character or a hyphen.
WORD_BEFORE = re.compile(r"[\w-]")


@lru_cache(maxsize=4096)
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def word_finditer(pattern: str, text: str, flags: int = re.IGNORECASE) -> Iterator[re.Match[str]]:
    r"""The matches of ``re.finditer(r"(?<![\w-])" + pattern, text, flags)`` for a pattern that never
    matches the empty string: the pattern is searched for alone, and a match with a word character or
    a hyphen before it is passed over for one from the next position on (the lookbehind depends on
    the position only, so the answers are the same)."""
    regex = _compiled(pattern, flags)
    pos = 0
    while (m := regex.search(text, pos)) is not None:
        start = m.start()
        if start and WORD_BEFORE.match(text, start - 1):
            pos = start + 1
            continue
        yield m
        pos = max(m.end(), start + 1)


def word_ends_at(pattern: str, text: str, end: int, reach: int, flags: int = re.IGNORECASE) -> bool:
    r"""Whether a match of ``pattern`` with no word character or hyphen before it ends at ``end``,
    starting no more than ``reach`` characters before it."""
    return _compiled(r"(?<![\w-])(?:" + pattern + r")\Z", flags).search(text, max(0, end - reach), end) is not None


def word_search(pattern: str, text: str, flags: int = re.IGNORECASE) -> re.Match[str] | None:
    r"""``re.search(r"(?<![\w-])" + pattern, text, flags)``, as ``word_finditer`` finds it."""
    return next(word_finditer(pattern, text, flags), None)
