"""Cut what BeautifulSoup has to build of the content root: the chrome inside it, already read.

A handbook's content root still holds menus, charts and footers of its own (about half its elements).
The walker in ``html`` reads such an element as its dropped lines only (a chart's note lines too), and
reads the text around it in two more ways: as words (whitespace collapsed; a silent element's words
count inside a paragraph) and, in a run of inline elements, as characters run together. Each chrome or
silent element outside such a run is cut here, on
lxml's tree, to its lines and one empty element of each block tag it held (the walker asks its
ancestors whether they hold blocks or an ``<h1>``). Lines and words are unchanged, so the walker gives the
same blocks and dropped lines while BeautifulSoup builds a fraction of the elements. Blank text between
blocks, which the walker collapses away, goes too.
"""

from __future__ import annotations

from functools import partial

from lxml import etree

from pipeline.stages.html_outside import text_lines
from pipeline.stages.html_select import Element, chrome_reason, holds
from pipeline.stages.html_tags import INLINE_BREAKERS, LOOSE_PARENTS, SILENT_TAGS, in_run

# Below this depth the walker reads an element as one paragraph of words: nothing there needs cutting.
MAX_DEPTH = 400


def _cut(el: Element) -> None:
    lines = text_lines(el)
    kinds = sorted({d.tag for d in el.iterdescendants() if d.tag in INLINE_BREAKERS})
    for child in list(el):
        el.remove(child)
    el.text = "\n".join(lines) or None
    for kind in kinds:
        el.append(etree.Element(kind))


def _in_run(child: Element, loose: bool) -> bool:
    """Whether the walker reads ``child`` as a piece of a run of inline text. It passes over a comment, so
    the text on both sides of one may run together: a comment counts as a piece."""
    if not isinstance(child.tag, str):
        return True
    return loose and in_run(child.tag, partial(holds, child))


def _blank(text: str | None) -> bool:
    return text is not None and not text.strip()


def _prune(node: Element, depth: int) -> None:
    loose = node.tag in LOOSE_PARENTS
    children = list(node)
    in_run = [_in_run(c, loose) for c in children] + [False]
    # Blank text counts only between two pieces of a run; everywhere else the walker collapses it away.
    if _blank(node.text):
        node.text = None
    for i, child in enumerate(children):
        if _blank(child.tail) and not (loose and in_run[i] and in_run[i + 1]):
            child.tail = None
        if in_run[i]:
            continue
        if child.tag in SILENT_TAGS or chrome_reason(child):
            _cut(child)
        elif depth < MAX_DEPTH:
            _prune(child, depth + 1)


def prune_root(root: Element) -> None:
    """Cut the chrome inside ``root`` (in place) where the walker reads only its lines."""
    _prune(root, 1)
