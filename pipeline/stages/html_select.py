"""Which element of an HTML page holds the article: the content root that ``html`` walks. Read on lxml's
tree, built before BeautifulSoup's.

A page's article may be one ``<article>``, several (a handbook's tab panes each hold one, a
``<main>`` may hold a series), or no semantic tag at all. The root is:

- the element that holds every substantial ``<article>`` (their lowest common ancestor), where an
  article is substantial when its own text, links aside, is a fair share of the largest one's
  (teaser cards of related posts are not); or the ``<main>`` around them when its sections beside
  them hold much text too;
- else ``<main>``, else the element with ``role="main"``;
- else, in a page of plain ``<div>``s, the element found by walking down from ``<body>`` while
  one child holds nearly all the text that is not link text: menus, link lists and footers hold
  little such text, so the walk leaves them behind, as content extractors' text and link density
  measures do.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from pipeline.stages.html_tags import CHROME_TAGS, H1, noise_reason

# An article with less own text than this share of the largest one is a teaser or a card.
ARTICLE_SHARE = 0.1
# An article needs at least this much text, links aside, to count.
ARTICLE_MIN_CHARS = 80
# Text of a <main> beside its articles, as a share of theirs, that makes the whole <main> the article.
MAIN_SHARE = 0.5
# Walking down a page of <div>s: a child holding this share of its parent's plain text is the content.
DESCEND_SHARE = 0.9
# Text of these elements is never article text, and link text is not plain text.
NOT_PLAIN = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form",
                       "button", "select", "iframe", "a"})

# An lxml element. lxml's Python proxies for elements live only while referenced, so per-element tables
# below are keyed by the element itself (which keeps it alive), never by ``id()``.
Element = Any


def elements(node: Element) -> list[Element]:
    """The child elements of ``node``: comments and processing instructions are not elements."""
    return [c for c in node if isinstance(c.tag, str)]


def text_of(node: Element) -> str:
    """The element's text with its whitespace collapsed."""
    return " ".join(" ".join(node.itertext()).split())


def _plain_chars(tag: Element, out: dict[Element, int]) -> int:
    """The characters of text outside links under ``tag``, stored per element in ``out`` (one pass)."""
    # lxml's walk, in C, reports each element's start and end (and each comment, whose tail is its
    # parent's text): a stack of running counts, whatever the depth.
    walk = etree.iterwalk(tag, events=("start", "end", "comment", "pi"))
    counts: list[int] = []
    for event, node in walk:
        if event == "start":
            if node.tag in NOT_PLAIN:
                walk.skip_subtree()
                counts.append(0)
            else:
                counts.append(len(node.text.strip()) if node.text else 0)
        elif event == "end":
            own = out[node] = counts.pop()
            if counts:
                counts[-1] += own + (len(node.tail.strip()) if node.tail else 0)
        elif node.tail and counts:
            counts[-1] += len(node.tail.strip())
    return out[tag]


def _common_ancestor(tags: list[Element]) -> Element:
    chains = [[*reversed(list(t.iterancestors())), t] for t in tags]
    common = chains[0][0]
    for level in zip(*chains, strict=False):
        if any(node is not level[0] for node in level):
            break
        common = level[0]
    return common


def _articles(doc: Element) -> tuple[list[Element], Element | None, Element | None]:
    """The outermost ``<article>``s, the first ``<main>`` and the first ``role="main"`` element."""
    articles: list[Element] = []
    main: Element | None = None
    role_main: Element | None = None
    for el in doc.iter():
        if el.tag == "article":
            if next(el.iterancestors("article"), None) is None:
                articles.append(el)
        elif el.tag == "main":
            main = main if main is not None else el
        elif role_main is None and el.get("role") == "main":
            role_main = el
    return articles, main, role_main


def _dense_root(body: Element) -> Element:
    """Walk down from ``body`` while one child holds nearly all of its plain text."""
    chars: dict[Element, int] = {}
    _plain_chars(body, chars)
    node = body
    while True:
        total = chars.get(node, 0)
        if total == 0:
            return node
        best = max(elements(node), key=lambda c: chars.get(c, 0), default=None)
        if best is None or chars.get(best, 0) < DESCEND_SHARE * total:
            return node
        node = best


def content_root(doc: Element) -> Element:
    """The element that holds the page's article (see the module's docstring): ``<body>`` (or the
    document) when nothing narrower holds it."""
    articles, main, role_main = _articles(doc)
    if articles:
        chars: dict[Element, int] = {}
        own = [_plain_chars(a, chars) for a in articles]
        floor = max(ARTICLE_MIN_CHARS, ARTICLE_SHARE * max(own))
        kept = [a for a, n in zip(articles, own, strict=True) if n >= floor] or articles[:1]
        root = kept[0] if len(kept) == 1 else _common_ancestor(kept)
        # A <main> whose sections beside the articles hold much text of their own is the article.
        if main is not None and any(p is main for p in root.iterancestors()):
            inside = chars.get(root) or _plain_chars(root, chars)
            if _plain_chars(main, chars) - inside > MAIN_SHARE * inside:
                return main
        return root
    for found in (main, role_main):
        if found is not None:
            return found
    body = doc.find("body")
    return _dense_root(body) if body is not None else doc


def holds(node: Element, names: frozenset[str]) -> bool:
    """Whether any descendant element is one of ``names`` (lxml filters by tag in C)."""
    return next(node.iterdescendants(*names), None) is not None


def noise_of(el: Element) -> str | None:
    """Why ``el`` is page chrome by its attributes, or None."""
    return noise_reason(el.attrib, lambda: holds(el, H1))


def chrome_reason(el: Element) -> str | None:
    """Why ``el`` is page chrome by its tag or its attributes, or None."""
    return CHROME_TAGS.get(el.tag) or noise_of(el)


def outside_title(doc: Element, root: Element) -> Element | None:
    """The page's ``<h1>`` when it sits outside the content root (which has none) and outside any chrome:
    the article's title."""
    h1 = next(doc.iter("h1"), None)
    if h1 is None or any(p is root for p in h1.iterancestors()) or not text_of(h1) or holds(root, H1):
        return None
    for el in (h1, *h1.iterancestors()):
        if el.tag in ("body", "html"):
            break
        # A site header's <h1> is the site's name.
        if el.tag == "header" or chrome_reason(el):
            return None
    return h1
