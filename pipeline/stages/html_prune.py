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

In the same pass, an element the walker reads as its words alone (a table row's cell; a paragraph or list
item holding no block; a heading of inline elements, none of them chrome) is cut to those words, and
every element keeps only the attributes the walker reads (``READ_ATTRIBUTES``).
"""

from __future__ import annotations

from functools import partial

from lxml import etree

from pipeline.stages.html_outside import text_lines
from pipeline.stages.html_select import Element, chrome_reason, holds, noise_of
from pipeline.stages.html_tags import (
    BLOCK_TAGS,
    H1,
    HEADINGS,
    INLINE_BREAKERS,
    INLINE_TAGS,
    LOOSE_PARENTS,
    NESTED_BLOCKS,
    READ_ATTRIBUTES,
    SILENT_TAGS,
    in_run,
)

# Below this depth the walker reads an element as one paragraph of words: nothing there needs cutting.
MAX_DEPTH = 400
# Elements whose strings BeautifulSoup keeps out of an element's text (``get_text``).
OWN_STRINGS = frozenset({"script", "style", "template", "rt", "rp"})


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


def _read_as_words(el: Element, parent: str) -> bool:
    """Whether the walker reads ``el`` as its words and nothing else, and BeautifulSoup's text of it is lxml's
    (no string inside that BeautifulSoup keeps apart; comments are out of both): a row's cell (one that holds no
    ``<h1>``, which its ancestors may ask about); a heading of inline elements, none of them chrome; a
    paragraph, list item or other text block holding no block, but a paragraph of one bold run (which
    the walker may read as a heading)."""
    tag = el.tag
    if not len(el):
        return False  # text alone: nothing to cut
    if tag in ("td", "th"):
        read = parent == "tr" and not holds(el, H1)
    elif tag in HEADINGS:
        read = all(d.tag in INLINE_TAGS and noise_of(d) is None for d in el.iterdescendants())
    elif tag in BLOCK_TAGS:
        read = not holds(el, NESTED_BLOCKS) and not (tag == "p" and _one_bold_run(el))
    else:
        return False
    return read and not holds(el, OWN_STRINGS)


def _one_bold_run(p: Element) -> bool:
    """``<p><b>Salary</b></p>``: one bold element and no other text."""
    return (len(p) == 1 and p[0].tag in ("b", "strong") and not (p.text or "").strip()
            and not (p[0].tail or "").strip())


def _to_words(el: Element) -> None:
    words = " ".join(" ".join(el.itertext()).split())
    del el[:]
    el.text = words or None


def _drop_unread_attributes(el: Element) -> None:
    attrib = el.attrib
    if attrib:
        for name in [name for name in attrib if name not in READ_ATTRIBUTES]:
            del attrib[name]


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
        if isinstance(child.tag, str):
            _drop_unread_attributes(child)
        if in_run[i]:
            continue
        if child.tag in SILENT_TAGS or chrome_reason(child):
            _cut(child)
        elif _read_as_words(child, node.tag):
            _to_words(child)
        elif depth < MAX_DEPTH:
            _prune(child, depth + 1)


def prune_root(root: Element) -> None:
    """Cut the chrome inside ``root`` (in place) where the walker reads only its lines."""
    _prune(root, 1)
