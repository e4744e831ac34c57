"""Pay tables: the header row names a role per column, the first cell names the figure, and the paragraph
that introduced the table may name the statistic, the period and the role."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.salaries.parse import (
    Money,
    find_money,
    is_distractor,
    make_salary,
    period,
    statistic,
)
from pipeline.rules.loader import procedure, regex
from pipeline.rules.mentions import find_mentions
from pipeline.rules.others import names_other_occupation
from pipeline.types import Block, Facts, RoleInfo, Segmented, Sentence, Span

SALARY_TABLE = procedure("salary-table")
RULES = "salary_patterns.jsonl"
NOT_PAY_LABEL = regex(RULES, "not-pay-label")
QUALIFIED = regex(RULES, "qualified-row-name")
BARE_AMOUNT, INTRO_STATISTIC = regex(RULES, "bare-amount"), regex(RULES, "intro-statistic")
INTRO_YEAR, INTRO_HOUR = regex(RULES, "intro-year"), regex(RULES, "intro-hour")


@dataclass(frozen=True)
class Table:
    """What a table row's figures need from the rest of its table, found once per table.

    ``header``: the table's first header row (or its title); ``intro``: the paragraph that introduced the table
    ("... were as follows:"); ``money``: the columns whose cells are all figures, with the currency
    written on the first figure ("$63,330", then "59,560"); ``heading``: its section's heading.
    """

    header: Block | None
    intro: str
    money: dict[int, str]
    heading: str = ""

    def owners(self, roles: list[RoleInfo]) -> list[str]:
        """The roles whose facts the table gives: those its introduction or title names, else those its
        section's heading names ("Restaurant manager pay by state"), else the only one."""
        for words in (self.intro or self.title, self.heading):
            named = list(dict.fromkeys(m.role for m in find_mentions(roles, words)))
            if named:
                return named
        return [roles[0].id] if len(roles) == 1 else []

    @property
    def title(self) -> str:
        """A header row of one cell ("Quick Facts: Welders") is the table's title, not a column's."""
        return self.header.cells[0] if self.header is not None and len(self.header.cells) == 1 else ""


def tables(seg: Segmented) -> dict[int, Table]:
    """Each table row's table, by ``id`` of its span: one pass over the spans."""
    out: dict[int, Table] = {}
    run: list[Span] = []
    for i, span in enumerate([*seg.spans, None]):
        if span is not None and span.block.kind == "table_row":
            run.append(span)
            continue
        if run:
            before = seg.spans[i - len(run) - 1].block if i > len(run) else None
            introduces = before is not None and before.kind == "paragraph" and before.text.endswith(":")
            intro = before.text if before is not None and introduces else ""
            header = next((r.block for r in run if r.block.header), None)
            section = next((sec for sec in seg.sections if sec.start <= run[0].start < sec.end), None)
            table = Table(header, intro, _money_columns([r.block for r in run if not r.block.header]),
                          section.heading or "" if section is not None else "")
            out.update((id(r), table) for r in run)
            run = []
    return out


def _money_columns(rows: list[Block]) -> dict[int, str]:
    """Columns (past the label) whose every cell is one figure, the first of them with its currency."""
    out: dict[int, str] = {}
    for col in range(1, max((len(r.cells) for r in rows), default=0)):
        cells = [r.cells[col] for r in rows if col < len(r.cells) and r.cells[col]]
        if not cells:
            continue
        first = find_money(cells[0])
        if len(first) == 1 and all(len(find_money(c)) == 1 or BARE_AMOUNT.fullmatch(c) for c in cells):
            out[col] = first[0].currency
    return out


# What a cell's own words may make its figure: a rate per piece or a fee ("$45,000 plus bonus" stays pay).
CELL_NOT_PAY = ("not-pay-rate", "not-pay-per-item", "not-pay-exam")


def table_salaries(s: Sentence, table: Table, roles: list[RoleInfo], facts: Facts) -> None:
    """A pay table: the header row names a role per column, the first cell names the figure, and the
    paragraph that introduced the table may name the statistic, the period and the role."""
    block = s.span.block
    if block.header:
        return
    label = block.cells[0] if block.cells else ""
    if is_distractor(label) or NOT_PAY_LABEL.search(label) or (table.intro and is_distractor(table.intro)):
        return
    for col, cell, pos in _cells_placed(s, block):
        if col:
            _cell_salaries(s, table, roles, facts, label, col, cell, pos)


def _cells_placed(s: Sentence, block: Block) -> list[tuple[int, str, int]]:
    """Each non-empty cell of a row with its column and its offset in the sentence."""
    out: list[tuple[int, str, int]] = []
    offset = 0
    for col, cell in enumerate(block.cells):
        if not cell:
            continue
        pos = s.text.find(cell, offset)
        if pos < 0:
            continue
        offset = pos + len(cell)
        out.append((col, cell, pos))
    return out


def _column_roles(table: Table, roles: list[RoleInfo], heading: str, label: str) -> list[str]:
    """The roles a cell's figures belong to: its column's header, else its row's label, else the table's;
    none where the row's label is another occupation ("Cashier | $14.52" on a page about salespeople)."""
    for words in (heading, label):
        named = list(dict.fromkeys(m.role for m in find_mentions(roles, words)))
        if named:
            return named
    # "Sales managers, automobile dealers", "F&I managers (finance and insurance)": the name before
    # the industry or the gloss.
    name = QUALIFIED.split(label, maxsplit=1)[0]
    return [] if names_other_occupation(name, roles) else table.owners(roles)


def _cell_salaries(s: Sentence, table: Table, roles: list[RoleInfo], facts: Facts, label: str, col: int,
                   cell: str, pos: int) -> None:
    header = table.header
    columns = header.cells if header is not None and not table.title else ()
    heading = columns[col] if col < len(columns) else ""
    column_roles = _column_roles(table, roles, heading, label)
    # The row label and the column header both describe the figure ("Median pay", "Hourly").
    described = f"{label} {heading} "
    if is_distractor(cell) in CELL_NOT_PAY:
        return  # "$15 to $25 per walk", "$300 exam fee": the cell says what the figure is
    for money in _cell_money(cell, table.money.get(col)):
        shifted = Money(money.start + pos, money.end + pos, money.amount, money.low, money.high, money.currency)
        per = (period(cell[: money.start] + " ", cell[money.end :]) or period(described, "")
               or _intro_period(table.intro))
        stat = _cell_statistic(table, heading, described, cell, money)
        make_salary(s, shifted, column_roles, described, cell[money.end :], SALARY_TABLE, facts, per, stat)


def _cell_statistic(table: Table, heading: str, described: str, cell: str, money: Money) -> str:
    """The statistic the introduction names for every figure outranks words of a row's label
    ("Junior colleges"), not those of the figure's own column or cell."""
    stat = statistic(f"{heading} {cell[: money.start]}", money, cell[money.end :])
    if stat in ("unspecified", "range") and INTRO_STATISTIC.search(table.intro):
        return _intro_statistic(table.intro)
    if stat in ("unspecified", "range"):
        return statistic(described + cell[: money.start], money, cell[money.end :])
    return stat


def _cell_money(cell: str, currency: str | None) -> list[Money]:
    """The figures of a cell; in a column of figures, a bare number is money in the column's currency."""
    found = find_money(cell)
    if found or currency is None:
        return found
    bare = BARE_AMOUNT.fullmatch(cell)
    return [Money(0, len(cell), float(cell.replace(",", "")), None, None, currency)] if bare else []


def _intro_period(intro: str) -> str | None:
    if INTRO_YEAR.search(intro):
        return "year"
    return "hour" if INTRO_HOUR.search(intro) else None


def _intro_statistic(intro: str) -> str:
    found = INTRO_STATISTIC.search(intro)
    word = found.group(0).lower() if found else ""
    return "median" if word == "median" else "average"
