"""HTML -> blocks with BeautifulSoup + lxml.

Walks the content root ``html_select`` finds (text outside it is reported as ``outside_article``;
the page's ``<h1>`` before it is the title). Keeps heading levels, paragraphs (text and inline
elements between blocks make one), list items and table rows; drops script/style and page chrome:
``nav``, ``footer``, ``aside``, ``header`` outside the article, elements whose class or id words
mark navigation, menus, sidebars, related posts, promos, ads, cookie or newsletter banners, share
bars or charts (a chart keeps its note lines), chrome inside headings, and inline elements styled
out of sight. Dropped elements are reported line by line as ``Dropped``.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, NavigableString

from pipeline.rules.loader import load_lexicon, regex
from pipeline.stages.html_select import content_root
from pipeline.types import Block, BlockKind, Dropped

SILENT_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "form", "button", "input", "select",
               "textarea", "head", "meta", "link", "canvas", "video", "audio", "picture", "img"}
CHROME_TAGS = {"nav": "navigation", "footer": "footer", "aside": "aside"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCK_TAGS = {"p", "li", "dt", "dd", "blockquote", "figcaption", "caption", "summary", "pre", "address"}
CONTAINERS = {"div", "section"}
# Class/id words of page chrome, with the reason reported in `removed`.
NOISE_WORDS: dict[str, str] = load_lexicon("html_noise_classes.tsv")
WORD_SPLIT = re.compile(r"[^a-z0-9]+")
INLINE_BOLD = {"b", "strong"}
INLINE_TAGS = frozenset({"a", "b", "strong", "em", "i", "u", "span", "small", "sup", "sub", "abbr", "code", "mark",
                         "time", "label", "cite", "q", "s", "del", "ins", "br", "font", "bdi", "data", "var"})
LOOSE_PARENTS = CONTAINERS | {"body", "main", "article"}
HIDDEN_STYLE = regex("html_patterns.jsonl", "hidden-style")
CHART_NOTE = regex("html_patterns.jsonl", "chart-note")


def _noise_reason(tag: Tag) -> str | None:
    if not tag.attrs:
        return None  # most elements: nothing to read
    attrs = _classes(tag) + " " + str(tag.get("id") or "") + " " + str(tag.get("role") or "")
    for word in WORD_SPLIT.split(attrs.lower()):
        # A "post-header" that holds the article's <h1> is content, a "site-header" is not.
        if word == "header" and _contains(tag, H1):
            continue
        if word in NOISE_WORDS:
            return NOISE_WORDS[word]
    if tag.get("aria-hidden") == "true" or tag.has_attr("hidden"):
        return "hidden"
    return None


def _classes(tag: Tag) -> str:
    """The class words, one space apart (the parser leaves the attribute as written: see ``html_blocks``)."""
    return " ".join(str(tag.get("class") or "").split())


def _text(node: Tag) -> str:
    return " ".join(node.get_text(" ").split())


H1 = frozenset({"h1"})
NESTED_BLOCKS = frozenset(HEADINGS) | {"p", "ul", "ol", "table", "div", "section"}
# An inline element that holds one of these is walked as a block.
INLINE_BREAKERS = NESTED_BLOCKS | BLOCK_TAGS


def _contains(tag: Tag, names: frozenset[str]) -> bool:
    """Whether any descendant element is one of ``names`` (bs4's ``find`` with a list is slow)."""
    return any(isinstance(d, Tag) and d.name in names for d in tag.descendants)


def _dropped_lines(node: Tag, reason: str) -> list[Dropped]:
    """Report a dropped element line by line, as its text shows it."""
    out: list[Dropped] = []
    for line in node.get_text("\n").split("\n"):
        piece = " ".join(line.split())
        if piece:
            out.append(Dropped(piece, reason))
    return out


def _is_bold_heading(tag: Tag) -> bool:
    """``<p><b>Salary</b></p>``: a paragraph whose only content is one short bold run."""
    children = [c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())]
    return (
        len(children) == 1
        and isinstance(children[0], Tag)
        and children[0].name in INLINE_BOLD
        and 0 < len(_text(children[0])) <= 90
        and not _text(children[0]).endswith((".", ","))
    )


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.dropped: list[Dropped] = []
        self.in_article = False

    def walk(self, node: Tag, depth: int = 0) -> None:
        # In a container, text and inline elements between blocks are one paragraph ("Bakers <b>mix</b>
        # dough"), as a browser shows them.
        loose_allowed = node.name in LOOSE_PARENTS
        run: list[str] = []
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if not isinstance(child, Tag):
                if loose_allowed and isinstance(child, NavigableString):
                    run.append(str(child))
                continue
            if loose_allowed and child.name in INLINE_TAGS and not _contains(child, INLINE_BREAKERS):
                hidden = HIDDEN_STYLE.search(str(child.get("style") or ""))
                reason = _noise_reason(child) or ("hidden" if hidden else None)
                if reason:
                    self.dropped.extend(_dropped_lines(child, reason))
                else:
                    run.append(" " if child.name == "br" else child.get_text())
                continue
            self._flush(run)
            self.visit(child, depth + 1)
        self._flush(run)

    def _flush(self, run: list[str]) -> None:
        text = " ".join("".join(run).split())
        if text:
            self.blocks.append(Block("paragraph", text))
        run.clear()

    def _drop_chrome_inside(self, tag: Tag) -> None:
        """Chrome inside a heading ("About this section" links, share icons) is not the heading's text."""
        stack = [c for c in reversed(list(tag.children)) if isinstance(c, Tag)]
        while stack:
            el = stack.pop()
            reason = _noise_reason(el)
            if reason or el.name in SILENT_TAGS:
                self.dropped.extend(_dropped_lines(el, reason) if reason else [])
                el.extract()
            else:
                stack.extend(c for c in reversed(list(el.children)) if isinstance(c, Tag))

    def visit(self, tag: Tag, depth: int) -> None:
        name = tag.name
        if name in SILENT_TAGS:
            return
        reason = CHROME_TAGS.get(name) or _noise_reason(tag)
        if name == "header" and not self.in_article:
            reason = reason or "header"
        if reason == "chart":
            # A chart's labels and figures make no sentences; its notes and sources are text.
            for line in _dropped_lines(tag, reason):
                if CHART_NOTE.match(line.text):
                    self.blocks.append(Block("paragraph", line.text))
                else:
                    self.dropped.append(line)
            return
        if reason:
            self.dropped.extend(_dropped_lines(tag, reason))
            return
        if name in HEADINGS:
            self._drop_chrome_inside(tag)
            text = _text(tag)
            if text:
                self.blocks.append(Block("title" if name == "h1" else "heading", text, level=HEADINGS[name]))
            return
        if name == "p" and _is_bold_heading(tag):
            self.blocks.append(Block("heading", _text(tag), level=4, css="bold"))
            return
        if name == "summary":
            text = _text(tag)
            if text:
                self.blocks.append(Block("paragraph", text, css="summary"))
            return
        if name == "tr":
            found = [c for c in tag.children if isinstance(c, Tag) and c.name in ("td", "th")]
            cells = tuple(_text(c) for c in found)
            if any(cells):
                header = all(c.name == "th" for c in found)
                self.blocks.append(Block("table_row", " | ".join(c for c in cells if c), cells=cells, header=header))
            return
        if name in BLOCK_TAGS and not _contains(tag, NESTED_BLOCKS):
            text = _text(tag)
            if text:
                kind: BlockKind = "list_item" if name == "li" else "paragraph"
                self.blocks.append(Block(kind, text, css=_classes(tag)))
            return
        was_in_article = self.in_article
        if name in ("article", "main"):
            self.in_article = True
        container = name in CONTAINERS
        if container:
            self.blocks.append(Block("break"))
        if depth > 400:
            self.blocks.append(Block("paragraph", _text(tag)))
        else:
            self.walk(tag, depth)
        if container:
            self.blocks.append(Block("break"))
        self.in_article = was_in_article


SILENT_BODIES = re.compile(r"<(script|style|svg|noscript|template)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def _outside_title(soup: BeautifulSoup, root: Tag | BeautifulSoup) -> Tag | None:
    """The page's ``<h1>`` when it sits outside the content root (which has none) and outside any chrome:
    the article's title."""
    h1 = soup.find("h1")
    if not isinstance(h1, Tag) or root in h1.parents or not _text(h1) or _contains(root, H1):
        return None
    for el in (h1, *h1.parents):
        if el is soup.body or not isinstance(el, Tag) or el.name in ("body", "html", "[document]"):
            break
        # A site header's <h1> is the site's name.
        if el.name in CHROME_TAGS or el.name == "header" or _noise_reason(el):
            return None
    return h1


def html_blocks(text: str) -> tuple[list[Block], list[Dropped], str | None]:
    """Return content blocks, dropped chrome and the ``<title>`` text."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20000))
    try:
        # Script, style and SVG bodies are dropped anyway; cutting them first spares the parser the work.
        # Class attributes stay strings: splitting every element's classes into lists is a fifth
        # of the parser's time on a page with menus (cProfile), and they are only read as words.
        soup = BeautifulSoup(SILENT_BODIES.sub(r"<\1></\1>", text), "lxml", multi_valued_attributes=None)
        title_tag = soup.find("title")
        html_title = _text(title_tag) if isinstance(title_tag, Tag) else None
        root = content_root(soup)
        walker = _Walker()
        walker.in_article = root.name in ("article", "main")
        if root.name == "body" or root is soup:
            walker.walk(root)
        else:
            h1 = _outside_title(soup, root)
            if h1 is not None:
                walker.blocks.append(Block("title", _text(h1), level=1))
                h1.extract()
            # Text outside the chosen root is chrome; report it so nothing is silently lost.
            body: Any = soup.body or soup
            outside = _Walker()
            root.extract()
            outside.walk(body)
            walker.dropped.extend(Dropped(b.text, "outside_article") for b in outside.blocks if b.text)
            walker.dropped.extend(outside.dropped)
            walker.in_article = True
            walker.visit(root, 0)
        return walker.blocks, walker.dropped, html_title
    finally:
        sys.setrecursionlimit(limit)
