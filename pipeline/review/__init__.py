"""``extract review OUT``: a static review site under ``OUT/review/`` for an output folder.

``index.html`` lists every input of the manifest (failed ones with their reason); each article's
page shows its cleaned text with every fact's span highlighted, the fact's details on selection,
each fact's confidence (a control hides the facts below a threshold), the facts per role side by
side, the sections with their kinds, and what was removed. With ``src``, labels beside an input
(``NAME.gold.json``) mark the facts they lack and list the ones missed. ``occupations.html`` lists
one occupation profile per SOC code (``pipeline.review.occupations``). Templates are Jinja2 with
autoescaping: article text is always shown as text. The site needs no server and names no outside
address.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from pipeline.batch.errors import UsageError, need_folder
from pipeline.export.base import ExportError
from pipeline.export.source import all_entries, read
from pipeline.profiles import Collector
from pipeline.review import gold, occupations
from pipeline.review.facts import FIELDS, fact_views, highlight_tree, pieces
from schemas.article import Article, ManifestEntry

__all__ = ["ReviewSummary", "review"]
NO_ROLE = "(no role)"


@dataclass
class ReviewSummary:
    pages: int = 0
    failed: int = 0
    index: str = ""
    occupations: int = 0


def _environment() -> Environment:
    return Environment(loader=PackageLoader("pipeline.review", "templates"), autoescape=select_autoescape(["j2"]),
                       trim_blocks=False, lstrip_blocks=False)


def _page(env: Environment, article: Article, page: Path, site: Path, labels: dict[str, object] | None) -> str:
    views = fact_views(article)
    missed: list[str] = []
    if labels is not None:
        amounts = {f"salaries-{n}": {"amount": s.amount, "min": s.min, "max": s.max}
                   for n, s in enumerate(article.salaries)}
        missed = gold.compare(labels, views, amounts, [r.name for r in article.roles])
    starts = {s.start: n for n, s in enumerate(article.sections)}
    columns = [r.name for r in article.roles] + ([NO_ROLE] if any(not v.roles for v in views) else [])
    table = {field: {c: [v for v in views if v.field == field and (c in v.roles or (c == NO_ROLE and not v.roles))]
                     for c in columns} for field in FIELDS}
    return env.get_template("article.html.j2").render(
        article=article, title=article.title or article.source.path, fields=FIELDS, sections=article.sections,
        pieces=pieces(article.text, highlight_tree(article.text, views), starts), columns=columns, table=table,
        missed=missed, has_gold=labels is not None, index_href=os.path.relpath(site / "index.html", page.parent),
        fact_count=len(views))


def _row(entry: ManifestEntry, article: Article | None, href: str | None) -> dict[str, object]:
    if article is None:
        return {"title": entry.path, "type": "", "roles": "", "counts": {}, "warnings": [], "status": entry.status,
                "error": entry.error or "", "href": href}
    return {"title": article.title or article.source.url or entry.path, "type": article.article_type,
            "roles": ", ".join(r.name + (f" ({r.soc})" if r.soc else "") for r in article.roles),
            "counts": {field: len(getattr(article, field)) for field in FIELDS}, "warnings": article.warnings,
            "status": entry.status, "error": "", "href": href}


def review(out: str | Path, src: str | Path | None = None,
           tick: Callable[[str], None] | None = None) -> ReviewSummary:
    """Write ``out/review/``: ``index.html`` and a page per article (``<output path>.html``)."""
    out = Path(out)
    site = out / "review"
    entries = all_entries(out)
    if src is not None and not Path(src).is_dir():
        raise UsageError(f"input folder {str(src)!r} does not exist or is not a folder")
    need_folder(site, "review folder")
    env = _environment()
    summary = ReviewSummary()
    rows: list[dict[str, object]] = []
    profiles = Collector()
    pages: dict[str, str] = {}
    for entry in entries:
        article: Article | None = None
        href: str | None = None
        if entry.status in ("ok", "skipped") and entry.output:
            try:
                article = read(out, entry).article
            except ExportError:
                summary.failed += 1
            else:
                page = site / (entry.output.removesuffix(".json") + ".html")
                page.parent.mkdir(parents=True, exist_ok=True)
                labels = gold.load(Path(src) if src is not None else None, entry.path)
                page.write_text(_page(env, article, page, site, labels), encoding="utf-8")
                href = page.relative_to(site).as_posix()
                summary.pages += 1
                profiles.add(article, entry.path)
                pages[entry.path] = href
        else:
            summary.failed += 1
        rows.append(_row(entry, article, href))
        if tick is not None:
            tick(entry.path)
    found = profiles.profiles()
    (site / occupations.PAGE).write_text(env.get_template("occupations.html.j2").render(
        rows=occupations.rows(found, pages), index_href="index.html"), encoding="utf-8")
    (site / "index.html").write_text(env.get_template("index.html.j2").render(
        rows=rows, fields=FIELDS, occupations_href=occupations.PAGE, profiles=len(found)), encoding="utf-8")
    summary.occupations = len(found)
    summary.index = str(site / "index.html")
    return summary
