"""What an HTML element is to the HTML stage: silent, page chrome (and why), a heading, a block, inline.

Shared by the two trees the stage reads: lxml's while it chooses the content root and reports what lies
outside it, BeautifulSoup's while it walks the root. Both give an element's attributes as a mapping of
strings (BeautifulSoup is asked not to split class lists).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from pipeline.rules.loader import load_lexicon, regex

SILENT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "form", "button", "input",
                         "select", "textarea", "head", "meta", "link", "canvas", "video", "audio", "picture", "img"})
CHROME_TAGS = {"nav": "navigation", "footer": "footer", "aside": "aside"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
H1 = frozenset({"h1"})
BLOCK_TAGS = frozenset({"p", "li", "dt", "dd", "blockquote", "figcaption", "caption", "summary", "pre", "address"})
CONTAINERS = frozenset({"div", "section"})
INLINE_TAGS = frozenset({"a", "b", "strong", "em", "i", "u", "span", "small", "sup", "sub", "abbr", "code", "mark",
                         "time", "label", "cite", "q", "s", "del", "ins", "br", "font", "bdi", "data", "var"})
# Elements whose loose text and inline children make paragraphs.
LOOSE_PARENTS = CONTAINERS | {"body", "main", "article"}
NESTED_BLOCKS = frozenset(HEADINGS) | {"p", "ul", "ol", "table", "div", "section"}
# An inline element that holds one of these is walked as a block.
INLINE_BREAKERS = NESTED_BLOCKS | BLOCK_TAGS
# The attributes the walkers read: those ``noise_reason`` reads, and an inline element's style.
READ_ATTRIBUTES = frozenset({"class", "id", "role", "aria-hidden", "hidden", "style"})
# Class/id words of page chrome, with the reason reported in `removed`.
NOISE_WORDS: dict[str, str] = load_lexicon("html_noise_classes.tsv")
WORD_SPLIT = re.compile(r"[^a-z0-9]+")
HIDDEN_STYLE = regex("html_patterns.jsonl", "hidden-style")
CHART_NOTE = regex("html_patterns.jsonl", "chart-note")


def noise_reason(attrs: Mapping[str, object], holds_h1: Callable[[], bool]) -> str | None:
    """Why an element with these attributes is page chrome, or None. ``holds_h1`` says whether the element
    holds an ``<h1>``: a "post-header" around the article's title is content, a "site-header" is not."""
    if not attrs:
        return None  # most elements: nothing to read
    words = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('role') or ''}"
    for word in WORD_SPLIT.split(words.lower()):
        if word == "header" and holds_h1():
            continue
        if word in NOISE_WORDS:
            return NOISE_WORDS[word]
    if attrs.get("aria-hidden") == "true" or "hidden" in attrs:
        return "hidden"
    return None


def in_run(name: str, holds: Callable[[frozenset[str]], bool]) -> bool:
    """Whether an element of a loose parent (``LOOSE_PARENTS``) is a piece of a run of inline text:
    an inline element holding no block. ``holds(names)`` says whether it holds one of ``names``. The
    walkers of both trees ask this, so that they cut runs alike."""
    return name in INLINE_TAGS and not holds(INLINE_BREAKERS)

