"""What a review page shows of an article: each fact as a view (field, value, details, the span
highlighted), the highlights as a tree of non-crossing spans, and the text cut into sections."""

from __future__ import annotations

from dataclasses import dataclass, field

from schemas.article import Article, Duty, Fact, Requirement, Salary, Setting, Skill

FIELDS = ("duties", "requirements", "salaries", "settings", "skills")


@dataclass
class FactView:
    """One fact as the page shows it. ``start``/``end`` is the highlighted span: the fact's own
    words where its sentence holds them, else the whole sentence (its evidence)."""

    id: str
    field: str
    value: str
    roles: list[str]
    details: dict[str, str]
    rule: str
    start: int
    end: int
    confidence: float = 0.0
    status: str = ""  # "extra" when a gold file lists no such fact


@dataclass
class Node:
    """A highlight with the highlights inside it; the root is the whole text."""

    start: int
    end: int
    fact: FactView | None = None
    children: list[Node] = field(default_factory=list)


def _value(fact: Fact) -> tuple[str, dict[str, str]]:
    """What the page shows as the fact's value, and its other details."""
    if isinstance(fact, Salary):
        details = {"statistic": fact.statistic, "period": fact.period, "currency": fact.currency}
        if fact.percentile is not None:
            details["percentile"] = str(fact.percentile)
        if fact.annual_amount is not None:
            details["annual"] = f"{fact.annual_amount:,.2f}"
        return fact.text, details
    if isinstance(fact, Requirement):
        details = {"type": fact.type, "required": "yes" if fact.required else "no (preferred)"}
        d = fact.duration
        if d is not None and d.min is not None and d.max is not None:
            details["duration"] = f"{d.min:g}-{d.max:g} {d.unit}"
        return fact.education_level or fact.name or fact.text, details
    if isinstance(fact, Setting):
        return fact.setting, {"as written": fact.text}
    if isinstance(fact, Skill):
        return fact.skill, {"kind": fact.kind}
    assert isinstance(fact, Duty)
    return fact.text, {}


def fact_views(article: Article) -> list[FactView]:
    out: list[FactView] = []
    text = article.text
    names = {r.id: r.name for r in article.roles}
    for fact_field in FIELDS:
        for n, fact in enumerate(getattr(article, fact_field)):
            value, details = _value(fact)
            start, end = fact.evidence.start, fact.evidence.end
            written = details.get("as written") or (value if fact_field in ("salaries", "duties") else "")
            at = text.find(written, start, end) if written else -1
            if at >= 0:
                start, end = at, at + len(written)
            out.append(FactView(f"{fact_field}-{n}", fact_field, value, [names.get(r, r) for r in fact.roles],
                                details, fact.rule, start, end, fact.confidence))
    return out


def highlight_tree(text: str, facts: list[FactView]) -> Node:
    """Facts' spans as a tree: a span that crosses the end of an earlier one is cut at that end, so
    every fact keeps one highlight of its own."""
    root = Node(0, len(text))
    stack = [root]
    for fact in sorted(facts, key=lambda f: (f.start, -f.end)):
        while len(stack) > 1 and stack[-1].end <= fact.start:
            stack.pop()
        parent = stack[-1]
        node = Node(fact.start, min(fact.end, parent.end), fact)
        parent.children.append(node)
        stack.append(node)
    return root


@dataclass(frozen=True)
class Piece:
    """Text to show, or a highlight to open or close, in document order."""

    kind: str  # "text", "open", "close", "section"
    text: str = ""
    fact: FactView | None = None
    section: int = -1


def pieces(text: str, root: Node, section_starts: dict[int, int]) -> list[Piece]:
    """The page body as a flat list: text runs, highlight opens and closes, and section labels at
    the offsets where sections start (cutting text runs there)."""
    out: list[Piece] = []
    cuts = sorted(section_starts)

    def emit_text(start: int, end: int) -> None:
        pos = start
        for cut in cuts:
            if pos <= cut < end:
                if cut > pos:
                    out.append(Piece("text", text[pos:cut]))
                out.append(Piece("section", section=section_starts[cut]))
                pos = cut
        if end > pos:
            out.append(Piece("text", text[pos:end]))

    def walk(node: Node) -> None:
        pos = node.start
        for child in node.children:
            emit_text(pos, child.start)
            out.append(Piece("open", fact=child.fact))
            walk(child)
            out.append(Piece("close"))
            pos = child.end
        emit_text(pos, node.end)

    walk(root)
    return out
