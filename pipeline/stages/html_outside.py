"""What lies outside an HTML page's content root, reported line by line so nothing is silently lost.

Read on lxml's tree, so that BeautifulSoup builds the content root only. The lines are those the walker
in ``html`` would make of the same elements: the text of each block (heading, paragraph, list item,
table row, a run of loose text and inline elements) is reported as ``outside_article``; page chrome
(menus, headers, footers, hidden and chart elements) line by line with its reason, after them.
"""

from __future__ import annotations

from functools import partial

from pipeline.stages.html_select import Element, chrome_reason, holds, noise_of, text_of
from pipeline.stages.html_tags import (
    BLOCK_TAGS,
    CHART_NOTE,
    HEADINGS,
    HIDDEN_STYLE,
    LOOSE_PARENTS,
    NESTED_BLOCKS,
    SILENT_TAGS,
    in_run,
)
from pipeline.types import Dropped

# Deeper than this, an element's text is one line (the walker in ``html`` stops there too).
MAX_DEPTH = 400


def text_lines(node: Element) -> list[str]:
    """An element's text line by line, as it shows it."""
    return [piece for line in "\n".join(node.itertext()).split("\n") if (piece := " ".join(line.split()))]


def dropped_lines(node: Element, reason: str) -> list[Dropped]:
    """A dropped element line by line."""
    return [Dropped(line, reason) for line in text_lines(node)]


class _Outside:
    def __init__(self, skip: list[Element]) -> None:
        self.skip = skip
        self.lines: list[str] = []
        self.dropped: list[Dropped] = []
        self.in_article = False

    def walk(self, node: Element, depth: int) -> None:
        loose = node.tag in LOOSE_PARENTS
        run: list[str] = [node.text] if loose and node.text else []
        for child in node:
            if isinstance(child.tag, str) and not any(child is s for s in self.skip):
                if loose and in_run(child.tag, partial(holds, child)):
                    hidden = HIDDEN_STYLE.search(child.get("style") or "")
                    reason = noise_of(child) or ("hidden" if hidden else None)
                    if reason:
                        self.dropped.extend(dropped_lines(child, reason))
                    else:
                        run.append(" " if child.tag == "br" else "".join(child.itertext()))
                else:
                    self._flush(run)
                    self.visit(child, depth + 1)
            # A comment's or a skipped element's tail is text of the parent all the same.
            if loose and child.tail:
                run.append(child.tail)
        self._flush(run)

    def _flush(self, run: list[str]) -> None:
        text = " ".join("".join(run).split())
        if text:
            self.lines.append(text)
        run.clear()

    def _heading(self, tag: Element) -> str:
        """A heading's text without the chrome inside it, which is reported as dropped."""
        parts: list[str] = [tag.text or ""]
        for child in tag:
            if isinstance(child.tag, str):
                reason = noise_of(child)
                if reason:
                    self.dropped.extend(dropped_lines(child, reason))
                elif child.tag not in SILENT_TAGS:
                    parts.append(self._heading(child))
            parts.append(child.tail or "")
        return " ".join(parts)

    def visit(self, tag: Element, depth: int) -> None:
        name = tag.tag
        if name in SILENT_TAGS:
            return
        reason = chrome_reason(tag)
        if name == "header" and not self.in_article:
            reason = reason or "header"
        if reason == "chart":
            for line in dropped_lines(tag, reason):
                if CHART_NOTE.match(line.text):
                    self.lines.append(line.text)
                else:
                    self.dropped.append(line)
        elif reason:
            self.dropped.extend(dropped_lines(tag, reason))
        elif name in HEADINGS:
            self._flush([self._heading(tag)])
        elif name in ("tr", "summary") or (name in BLOCK_TAGS and not holds(tag, NESTED_BLOCKS)):
            cells = [c for c in tag if c.tag in ("td", "th")] if name == "tr" else [tag]
            self._flush([" | ".join(t for t in map(text_of, cells) if t)])
        elif depth > MAX_DEPTH:
            self._flush([text_of(tag)])
        else:
            was_in_article = self.in_article
            self.in_article = was_in_article or name in ("article", "main")
            self.walk(tag, depth)
            self.in_article = was_in_article


def outside_lines(body: Element, skip: list[Element]) -> list[Dropped]:
    """Everything under ``body`` but the ``skip`` elements (the content root, the title taken from
    outside it), as dropped lines."""
    outside = _Outside(skip)
    outside.walk(body, 0)
    return [Dropped(line, "outside_article") for line in outside.lines] + outside.dropped
