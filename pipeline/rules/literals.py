"""What a regex cannot match without, read off its parsed pattern: the literal strings every match
contains, the strings an anchored match starts (or, anchored at the end, ends) with, and its
case-sensitive twin for folded text.

Python's regex engine scans a case-insensitive alternation that opens with ``\\b`` one position
at a time, with no literal shortcut; across dozens of rules on every sentence that scan is most
of the pipeline's time. Engines such as RE2 and ripgrep first look for a literal that every match
must contain. ``required_literals`` reads that set off the parsed pattern: if none of the strings
occurs in the (case-folded) text, the regex cannot match it, so skipping it changes no result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

# A required set whose shortest string has fewer characters would pass nearly every text.
MIN_USEFUL = 2
MAX_VARIANTS = 16
# Past this length a literal is rare enough; fewer strings to look for matter more.
SELECTIVE = 12
# Up to this many strings, ``in`` tests beat a trie regex (measured on sentences: 0.4 against 0.8 µs
# for 8 strings, 0.6 against 1.1 µs for 12).
FEW = 16
REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}

Required = frozenset[str] | None


# Marks a string found in a case-sensitive part of a pattern ("(?-i:MD)"): it is looked for as
# written in the text itself, which is far more selective than "md" in the folded text.
EXACT = "\x00"


def _fold(char: str, ci: bool) -> str:
    return char.casefold() if ci else char


def _chars(op: Any, av: Any, ci: bool = True) -> frozenset[str] | None:
    """The characters an item matching exactly one character may match (folded where the pattern
    ignores case), if few and known."""
    if op is C.LITERAL:
        return frozenset({_fold(chr(av), ci)})
    if op is C.IN and av and all(o is C.LITERAL for o, _ in av):
        chars = frozenset(_fold(chr(a), ci) for _, a in av)
        return chars if len(chars) <= 4 else None
    return None


def _optional_chars(op: Any, av: Any, ci: bool = True) -> frozenset[str] | None:
    """``x?`` of a single known character: the characters, to be taken or left."""
    if op in REPEATS and av[0] == 0 and av[1] == 1 and len(av[2]) == 1:
        op1, av1 = av[2][0]
        return _chars(op1, av1, ci)
    return None


def _length(literal: str) -> int:
    return len(literal) - literal.startswith(EXACT)


def _better(a: frozenset[str], b: frozenset[str]) -> bool:
    """Is ``a`` the more selective set: longer shortest string (up to a point), then fewer strings."""
    return ((min(SELECTIVE, *map(_length, a)), -len(a)) > (min(SELECTIVE, *map(_length, b)), -len(b)))


def _inner_ci(av: Any, ci: bool) -> bool:
    _, add_flags, del_flags, _ = av
    return bool((ci or add_flags & re.IGNORECASE) and not del_flags & re.IGNORECASE)


def _strings(items: Iterable[tuple[Any, Any]], ci: bool) -> tuple[frozenset[str], bool] | None:
    """Every string the items can match, when they are literals, small sets and alternations of
    those and the strings are few, and whether they are case-sensitive (kept as written) or not
    (folded); None otherwise, or when the items mix both."""
    out: set[str] = {""}
    for op, av in items:
        choices: frozenset[str] | None = _chars(op, av, ci)
        if choices is None and op is C.SUBPATTERN:
            inner_ci = _inner_ci(av, ci)
            inner = _strings(av[-1], inner_ci) if inner_ci == ci else None
            choices = inner[0] if inner is not None else None
        elif choices is None and op is C.BRANCH:
            choices = _alternatives(av[1], ci)
        if choices is None:
            return None
        out = {o + c for o in out for c in choices}
        if len(out) > MAX_VARIANTS:
            return None
    return frozenset(out), not ci


def _alternatives(branches: list[Any], ci: bool) -> frozenset[str] | None:
    """``_strings`` of each branch, all together; None from the first branch that has none."""
    found: list[frozenset[str]] = []
    for branch in branches:
        strings = _strings(branch, ci)
        if strings is None:
            return None
        found.append(strings[0])
    return frozenset().union(*found)


def _every(found: Iterable[Required]) -> Required:
    """For alternatives each of whose matches holds one of its own strings: all their strings together;
    None when one of them has none."""
    parts = list(found)
    return frozenset[str]().union(*(p for p in parts if p)) if all(parts) else None


def _sequence(items: Iterable[tuple[Any, Any]], ci: bool = True) -> Required:
    """A set of strings one of which every match of the item sequence contains, the most selective found.

    Literal runs are kept as their variants ("b.s", "bs" for ``B\\.?S``) while there are few. A run
    read wholly in a case-sensitive part is kept as written, marked ``EXACT``; any other is folded.
    """
    best: Required = None
    run: set[str] = {""}
    exact = False

    def offer(found: Required) -> None:
        nonlocal best
        if found and "" not in found and EXACT not in found and (best is None or _better(found, best)):
            best = found

    def flush() -> None:
        nonlocal exact
        offer(frozenset(EXACT + r if exact and r else r for r in run))
        run.clear()
        run.add("")
        exact = False

    def extend(chars: frozenset[str], optional: bool, cs: bool) -> None:
        nonlocal exact
        if run == {""}:
            exact = cs
        elif exact and not cs:  # a folded character joins a run read as written: fold the run
            folded = {r.casefold() for r in run}
            run.clear()
            run.update(folded)
            exact = False
        elif cs and not exact:
            chars = frozenset(c.casefold() for c in chars)
        if optional:
            offer(frozenset(EXACT + r if exact and r else r for r in run))  # what came before is required on its own
        grown = {v + c for v in run for c in chars} | (set(run) if optional else set())
        if len(grown) > MAX_VARIANTS:
            flush()
            if optional:
                return
            exact = cs
            grown = set(chars)
        run.clear()
        run.update(grown)

    for op, av in items:
        chars = _chars(op, av, ci)
        optional = _optional_chars(op, av, ci)
        if chars is not None or optional is not None:
            extend(chars or optional or frozenset(), optional is not None, not ci)
        elif op in ZERO_WIDTH:
            continue  # consumes nothing: the literals either side are adjacent in the text
        elif op is C.SUBPATTERN or op is C.BRANCH:
            found = _strings([(op, av)], ci)
            if found is not None and len(run) * len(found[0]) <= MAX_VARIANTS:
                # "not (required|needed)": the run goes on through each alternative.
                extend(found[0], False, found[1])
            elif op is C.SUBPATTERN:
                flush()
                offer(_sequence(list(av[-1]), _inner_ci(av, ci)))
            else:
                # "\bB(?:A|Eng)\b": a run goes on into each alternative's opening strings.
                edges = _openings(run, av[1], ci)
                if edges is not None:
                    extend(edges, False, not ci)
                flush()
                offer(_every(_sequence(alt, ci) for alt in av[1]))
        elif op in REPEATS:
            flush()
            low, _, item = av
            if low >= 1:
                offer(_sequence(item, ci))
        else:
            flush()
    flush()
    return best


def required_literals(pattern: str, flags: int = re.IGNORECASE) -> Required:
    """Strings one of which occurs in every text ``pattern`` matches; None if none is known.

    Folded strings are to be looked for in the case-folded text; strings marked ``EXACT`` in the
    text as it is.
    """
    return literals_of(P.parse(pattern, flags), flags)


def literals_of(tree: Any, flags: int) -> Required:
    try:
        found = _sequence(tree, bool(flags & re.IGNORECASE))
    except Exception:  # an engine internal changed shape: no gate, never a wrong one
        return None
    if not found or not all(_useful(lit.removeprefix(EXACT)) for lit in found):
        return None
    # A string containing another of the set adds nothing: any text with it has the shorter one too.
    return frozenset(lit for lit in found if not any(o != lit and o in lit for o in found))


def _openings(run: set[str], branches: list[Any], ci: bool) -> frozenset[str] | None:
    """The strings the alternatives of a branch open with, all together (folded where ``ci``, else as
    written), for the literal ``run`` before the branch to go on into; None when there is no run, when
    an alternative has none, or when they would make too many variants."""
    if run == {""}:
        return None
    found = _every(_edge(branch, at_end=False, ci=ci) for branch in branches)
    return found if found is not None and len(run) * len(found) <= MAX_VARIANTS else None


def _edge(items: Iterable[tuple[Any, Any]], at_end: bool, ci: bool = True) -> Required:
    """Strings one of which every match of the item sequence starts with (``at_end``: ends with),
    case-folded unless ``ci`` is False (then as written, and a part that ignores case ends them);
    None if unknown."""
    run: set[str] = {""}

    def times(parts: frozenset[str]) -> bool:
        grown = {p + r for p in parts for r in run} if at_end else {r + p for r in run for p in parts}
        if len(grown) > MAX_VARIANTS:
            return False
        run.clear()
        run.update(grown)
        return True

    for op, av in reversed(list(items)) if at_end else items:
        chars = _chars(op, av, ci)
        if chars is not None:
            if not times(chars):
                break
        elif op in ZERO_WIDTH:
            continue
        elif op is C.SUBPATTERN and not ci and _inner_ci(av, ci):
            break
        elif op is C.SUBPATTERN or op is C.BRANCH:
            groups = [av[-1]] if op is C.SUBPATTERN else av[1]
            alternatives = _every(_edge(group, at_end, ci) for group in groups)
            if alternatives is not None:
                times(alternatives)
            break  # what comes after (before) a group may start (end) anywhere inside it
        else:
            break
    return None if "" in run else frozenset(run)


def _anchored(items: list[tuple[Any, Any]]) -> Required:
    """For a pattern anchored at the start of the text (``^``), the strings the text starts with."""
    if len(items) == 1 and items[0][0] is C.BRANCH:
        return _every(_anchored(list(alt)) for alt in items[0][1][1])
    if len(items) == 1 and items[0][0] is C.SUBPATTERN:
        return _anchored(list(items[0][1][-1]))
    if items and items[0][0] is C.AT and items[0][1] in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
        return _edge(items[1:], at_end=False)
    return None


def required_prefixes(pattern: str, flags: int = re.IGNORECASE) -> Required:
    """Case-folded strings one of which every text ``pattern`` matches (with ``search``) starts with."""
    return prefixes_of(P.parse(pattern, flags), flags)


def prefixes_of(tree: Any, flags: int) -> Required:
    if flags & re.MULTILINE:
        return None  # "^" is any line's start
    try:
        return _anchored(list(tree))
    except Exception:  # an engine internal changed shape: no gate, never a wrong one
        return None


def _blank_repeat(op: Any, av: Any) -> bool:
    """``\\s*``: any number of spaces, none required."""
    if op not in REPEATS or av[0] != 0 or len(av[2]) != 1:
        return False
    inner_op, inner_av = av[2][0]
    return inner_op is C.IN and list(inner_av) == [(C.CATEGORY, C.CATEGORY_SPACE)]


def _end_anchored(items: list[tuple[Any, Any]]) -> Required:
    """For a pattern anchored at the end of the text (``$``, maybe after ``\\s*``), the strings the text
    ends with once its trailing spaces are stripped."""
    if len(items) == 1 and items[0][0] is C.BRANCH:
        return _every(_end_anchored(list(alt)) for alt in items[0][1][1])
    if len(items) == 1 and items[0][0] is C.SUBPATTERN:
        return _end_anchored(list(items[0][1][-1]))
    if not items or items[-1][0] is not C.AT or items[-1][1] not in (C.AT_END, C.AT_END_STRING):
        return None
    body = items[:-1]
    while body and _blank_repeat(*body[-1]):
        body = body[:-1]
    found = _edge(body, at_end=True)
    # A string ending in a space would lose it to the stripping.
    return found if found and not any(s[-1].isspace() for s in found) else None


def required_suffixes(pattern: str, flags: int = re.IGNORECASE) -> Required:
    """Case-folded strings one of which every text ``pattern`` matches (with ``search``, to its end)
    ends with, once the text's trailing spaces are stripped."""
    return suffixes_of(P.parse(pattern, flags), flags)


def suffixes_of(tree: Any, flags: int) -> Required:
    if flags & re.MULTILINE:
        return None  # "$" is any line's end
    try:
        return _end_anchored(list(tree))
    except Exception:  # an engine internal changed shape: no gate, never a wrong one
        return None


def _useful(literal: str) -> bool:
    """Rare enough to be worth a look: two characters or more, or one that is not a letter, digit or space."""
    return len(literal) >= MIN_USEFUL or not (literal.isalnum() or literal.isspace())


def _fold_invariant(items: Iterable[tuple[Any, Any]]) -> bool:
    """Every character the items name is its own case fold, and no part is case-sensitive."""
    return all(_item_fold_invariant(op, av) for op, av in items)


def _folded(code: int) -> bool:
    return chr(code).casefold() == chr(code)


def _item_fold_invariant(op: Any, av: Any) -> bool:
    if op is C.LITERAL or op is C.NOT_LITERAL:
        return _folded(av)
    if op is C.IN:
        return _set_fold_invariant(av)
    if op is C.SUBPATTERN:
        return not av[2] & re.IGNORECASE and _fold_invariant(av[-1])
    if op is C.BRANCH:
        return all(_fold_invariant(alt) for alt in av[1])
    if op in REPEATS:
        return _fold_invariant(av[2])
    if op in (C.ASSERT, C.ASSERT_NOT):
        return _fold_invariant(av[1])
    if op is C.GROUPREF_EXISTS:  # (?(group)yes|no): the group takes part in both alike
        return all(branch is None or _fold_invariant(branch) for branch in av[1:])
    return op in (C.AT, C.ANY, C.CATEGORY)  # back-references and the like: keep the original


def _set_fold_invariant(av: Any) -> bool:
    """A character set (``[a-z0-9]``, negated or not) of folded characters, ranges and categories."""
    for o, a in av:
        if o is C.LITERAL and not _folded(a):
            return False
        if o is C.RANGE and not all(_folded(c) for c in range(a[0], a[1] + 1)):
            return False
        if o not in (C.LITERAL, C.RANGE, C.NEGATE, C.CATEGORY):
            return False
    return True


def folded_twin(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """The pattern compiled case-sensitively, to run on case-folded text: 2-3 times faster than a
    case-insensitive scan, with the same matches when the text keeps its length on folding.

    None unless the pattern is case-insensitive and every character it names is already folded.
    """
    return re.compile(pattern, flags & ~re.IGNORECASE) if has_twin(P.parse(pattern, flags), flags) else None


def has_twin(tree: Any, flags: int) -> bool:
    if not flags & re.IGNORECASE:
        return False
    try:
        return _fold_invariant(tree)
    except Exception:  # an engine internal changed shape: no twin
        return False
