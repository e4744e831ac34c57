"""The review site's occupations index: one row per occupation profile (code, title, the articles its
facts come from, the articles' pay beside OEWS's, the figures flagged as outliers), each article linked
to its page and each outlier to its highlight there."""

from __future__ import annotations

from schemas.profile import Oews, PaySummary, Profile, Wages

PAGE = "occupations.html"
PER = {"year": "a year", "month": "a month", "week": "a week", "day": "a day", "hour": "an hour"}


def _money(amount: float | None) -> str:
    if amount is None:
        return "?"
    return f"{amount:,.2f}" if amount < 1000 else f"{amount:,.0f}"


def pay_line(pay: PaySummary) -> str:
    """"USD a year: median 61,335 of 2 sources; 46,610 to 66,650 (7 figures)"."""
    middle = f"median {_money(pay.median)} of {pay.sources} source{'s' * (pay.sources != 1)}; " if pay.median else ""
    return (f"{pay.currency} {PER[pay.period]}: {middle}{_money(pay.low)} to {_money(pay.high)} "
            f"({pay.figures} figure{'s' * (pay.figures != 1)})")


def _wages_line(currency_period: str, wages: Wages | None) -> list[str]:
    if wages is None:
        return []
    spread = f"10th to 90th {_money(wages.p10)} to {_money(wages.p90)}"
    return [f"{currency_period}: median {_money(wages.median)}, {spread}"]


def oews_lines(oews: Oews | None) -> list[str]:
    if oews is None:
        return []
    where = "" if oews.basis == "own" else f" ({oews.basis} {oews.code}: {oews.title})"
    return [*_wages_line("USD a year", oews.annual), *_wages_line("USD an hour", oews.hourly),
            f"OEWS {oews.release}{where}"]


def rows(profiles: list[Profile], pages: dict[str, str]) -> list[dict[str, object]]:
    """Rows of the index; ``pages`` maps an article's path to its page (relative to the site)."""
    out: list[dict[str, object]] = []
    for p in profiles:
        articles = [{"title": a.title or a.path, "href": pages.get(a.path), "roles": ", ".join(a.roles)}
                    for a in p.articles]
        outliers = [{"text": s.text, "why": s.outlier, "roles": ", ".join(s.roles),
                     "href": f"{pages[s.article]}#{s.fact}" if s.article in pages else None}
                    for s in p.salaries if s.outlier]
        out.append({"soc": p.soc, "title": p.soc_title or "", "names": ", ".join(n.name for n in p.names),
                    "articles": articles, "pay": [pay_line(x) for x in p.pay], "oews": oews_lines(p.oews),
                    "outliers": outliers})
    return out
