"""Which element of an HTML page holds the article: the content root that ``html`` walks.

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

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, NavigableString

# An article with less own text than this share of the largest one is a teaser or a card.
ARTICLE_SHARE = 0.1
# An article needs at least this much text, links aside, to count.
ARTICLE_MIN_CHARS = 80
# Text of a <main> beside its articles, as a share of theirs, that makes the whole <main> the article.
MAIN_SHARE = 0.5
# Walking down a page of <div>s: a child holding this share of its parent's plain text is the content.
DESCEND_SHARE = 0.9
# Text of these elements is never article text.
SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form",
                     "button", "select", "iframe"})


def _plain_chars(tag: Tag, out: dict[int, int]) -> int:
    """The characters of text outside links under ``tag``, stored per element in ``out`` (one pass)."""
    stack: list[tuple[Tag, bool]] = [(tag, False)]
    # Iterative post-order: pages nest thousands of elements deep.
    while stack:
        node, done = stack.pop()
        if done:
            own = 0
            for child in node.children:
                if isinstance(child, Tag):
                    own += out.get(id(child), 0)
                elif isinstance(child, NavigableString) and not isinstance(child, Comment):
                    own += len(child.strip())
            out[id(node)] = own
            continue
        if node.name in SKIPPED or node.name == "a":
            out[id(node)] = 0
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in node.children if isinstance(child, Tag))
    return out[id(tag)]


def _common_ancestor(tags: list[Tag]) -> Tag:
    chains = [[*reversed(list(t.parents)), t] for t in tags]
    common = chains[0][0]
    for level in zip(*chains, strict=False):
        if any(node is not level[0] for node in level):
            break
        common = level[0]
    return common


def _articles(soup: BeautifulSoup) -> tuple[list[Tag], Tag | None, Tag | None]:
    """The outermost ``<article>``s, the first ``<main>`` and the first ``role="main"`` element."""
    articles: list[Tag] = []
    main: Tag | None = None
    role_main: Tag | None = None
    for el in soup.descendants:
        if not isinstance(el, Tag):
            continue
        if el.name == "article" and el.find_parent("article") is None:
            articles.append(el)
        elif el.name == "main" and main is None:
            main = el
        elif role_main is None and el.get("role") == "main":
            role_main = el
    return articles, main, role_main


def _dense_root(body: Tag) -> Tag:
    """Walk down from ``body`` while one child holds nearly all of its plain text."""
    chars: dict[int, int] = {}
    _plain_chars(body, chars)
    node = body
    while True:
        total = chars.get(id(node), 0)
        if total == 0:
            return node
        best = max((c for c in node.children if isinstance(c, Tag)), key=lambda c: chars.get(id(c), 0), default=None)
        if best is None or chars.get(id(best), 0) < DESCEND_SHARE * total:
            return node
        node = best


def content_root(soup: BeautifulSoup) -> Tag | BeautifulSoup:
    """The element that holds the page's article (see the module's docstring)."""
    articles, main, role_main = _articles(soup)
    if articles:
        chars: dict[int, int] = {}
        own = [_plain_chars(a, chars) for a in articles]
        floor = max(ARTICLE_MIN_CHARS, ARTICLE_SHARE * max(own))
        kept = [a for a, n in zip(articles, own, strict=True) if n >= floor] or articles[:1]
        root = kept[0] if len(kept) == 1 else _common_ancestor(kept)
        # A <main> whose sections beside the articles hold much text of their own is the article.
        if main is not None and any(p is main for p in root.parents):
            inside = chars.get(id(root)) or _plain_chars(root, chars)
            if _plain_chars(main, chars) - inside > MAIN_SHARE * inside:
                return main
        return root
    for found in (main, role_main):
        if isinstance(found, Tag):
            return found
    if isinstance(soup.body, Tag):
        return _dense_root(soup.body)
    return soup
