"""Salaries: the pay parser (``parse``), the sentences it reads (``prose``) and pay tables (``tables``).

``salaries_in`` and ``table_salaries`` decide which role(s) each figure of a sentence or a pay table's
row belongs to.
"""

from __future__ import annotations

from pipeline.extract.salaries.parse import Money, find_money, is_distractor, period, statistic
from pipeline.extract.salaries.prose import salaries_in
from pipeline.extract.salaries.tables import Table, table_salaries, tables

__all__ = ["Money", "Table", "find_money", "is_distractor", "period", "salaries_in", "statistic", "table_salaries",
           "tables"]
