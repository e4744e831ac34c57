"""Run the whole pipeline on a tiny Markdown article built in memory (shared by the table-driven tests)."""

from __future__ import annotations

from functools import lru_cache

from pipeline.process import process_bytes
from schemas.article import Article

# The invented pair most cases use; ids are the role slugs the pipeline derives from the title.
ROLE_A = "Kiln Operator"
ROLE_B = "Glaze Chemist"
A = "kiln-operator"
B = "glaze-chemist"
BOTH = [A, B]


def article_text(body: str, heading: str = "Salary", role_a: str = ROLE_A, role_b: str | None = ROLE_B,
                 title: str | None = None) -> str:
    """A Markdown article: a title naming the roles, then one section ``heading`` holding ``body``.

    ``body`` may itself contain further ``## headings``. With ``role_b=None`` the article is a
    single-role profile ("What Does a X Do?").
    """
    if title is None:
        title = (f"{role_a} vs. {role_b}: What Are the Differences?" if role_b
                 else f"What Does a {role_a} Do?")
    return f"# {title}\n\n## {heading}\n\n{body}\n"


@lru_cache(maxsize=512)
def _run(text: str) -> Article:
    return process_bytes(text.encode("utf-8"), "case.md")


def run_article(body: str, heading: str = "Salary", role_a: str = ROLE_A, role_b: str | None = ROLE_B,
                title: str | None = None) -> Article:
    """The validated ``Article`` the pipeline makes of ``article_text(...)`` (cached per text)."""
    return _run(article_text(body, heading, role_a, role_b, title))


def run_markdown(text: str) -> Article:
    """The pipeline on a complete Markdown document written by the caller."""
    return _run(text)
