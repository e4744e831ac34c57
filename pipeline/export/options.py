"""What an export writes beyond its format: ``ExportOptions``, and the article as the options keep it."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.export.source import ExportError
from schemas.article import Article, compare

FACT_FIELDS = ("duties", "requirements", "salaries", "settings", "skills")


@dataclass(frozen=True)
class ExportOptions:
    """``min_confidence``: only facts whose confidence is at least this are exported (0 exports every fact);
    the comparison block is made again from the facts kept."""

    min_confidence: float = 0.0

    def __post_init__(self) -> None:
        if not 0 <= self.min_confidence <= 1:
            raise ExportError(f"min confidence must be between 0 and 1, not {self.min_confidence}")


def kept(article: Article, options: ExportOptions) -> Article:
    """The article with only the facts the options keep."""
    floor = options.min_confidence
    if floor <= 0:
        return article
    facts = {name: [f for f in getattr(article, name) if f.confidence >= floor] for name in FACT_FIELDS}
    comparison = article.comparison
    if comparison is not None:
        comparison = compare([r.id for r in article.roles], facts["salaries"], facts["requirements"],
                             facts["settings"], facts["skills"])
    return article.model_copy(update={**facts, "comparison": comparison})
