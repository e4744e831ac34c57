"""Output contract models; see ``schemas.article``."""

from schemas.article import SCHEMA_VERSION, Article, ManifestEntry

__all__ = ["SCHEMA_VERSION", "Article", "ManifestEntry"]
