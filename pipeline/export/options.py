"""An article as the export's options keep it (``ExportOptions`` in ``pipeline.export.base``)."""

from __future__ import annotations

from pipeline.export.base import ExportOptions
from schemas.article import Article, compare

FACT_FIELDS = ("duties", "requirements", "salaries", "settings", "skills")


def kept(article: Article, options: ExportOptions) -> Article:
    """The article with only the facts the options keep, and its comparison made from those."""
    floor = options.min_confidence
    if floor <= 0:
        return article
    facts = {name: [f for f in getattr(article, name) if f.confidence >= floor] for name in FACT_FIELDS}
    comparison = article.comparison
    if comparison is not None:
        comparison = compare([r.id for r in article.roles], facts["salaries"], facts["requirements"],
                             facts["settings"], facts["skills"])
    return article.model_copy(update={**facts, "comparison": comparison})
