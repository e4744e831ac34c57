"""The outputs as one SQLite database: ``articles``, ``roles`` and ``facts`` with keys and indexes,
and full-text search over article text (FTS5). Re-exporting updates only the articles whose input
changed (same path, other sha256 or pipeline version) and drops those no longer listed; an export
with other settings (``export_settings``: the minimum confidence) writes every article again.

``occupations`` (one row per SOC code: ``pipeline.profiles``), ``occupation_pay`` and
``occupation_facts`` (one row per fact and source, keyed to its article) are derived from the
articles: a re-export rebuilds only the occupations of the articles it wrote or dropped, from the
articles that cover them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from pipeline.export import occupation_rows
from pipeline.export.rows import FACT_COLUMNS, ROLE_COLUMNS, fact_rows, role_rows
from pipeline.export.source import Output
from pipeline.profiles import Collector
from schemas.article import Article, ManifestEntry

# The row columns that are the tables' own (the article's path and title live in ``articles``).
ROLE_FIELDS = [c for c in ROLE_COLUMNS if c not in ("article_path", "article_title")]
FACT_FIELDS = [c for c in FACT_COLUMNS if c != "article_path"]

SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    title TEXT,
    article_type TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS roles (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    role_id TEXT NOT NULL,
    role_name TEXT NOT NULL,
    soc TEXT,
    soc_title TEXT,
    salary_annual REAL,
    salary_annual_min REAL,
    salary_annual_max REAL,
    salary_per_period REAL,
    salary_period TEXT,
    salary_statistic TEXT,
    currency TEXT,
    education TEXT,
    settings TEXT,
    skills TEXT,
    source_url TEXT,
    published TEXT,
    UNIQUE (article_id, role_id)
);
CREATE INDEX IF NOT EXISTS roles_by_name ON roles(role_name);
CREATE INDEX IF NOT EXISTS roles_by_soc ON roles(soc);
CREATE TABLE IF NOT EXISTS facts (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    role_id TEXT,
    value TEXT,
    detail TEXT,
    amount_per_period REAL,
    min_per_period REAL,
    max_per_period REAL,
    period TEXT,
    currency TEXT,
    statistic TEXT,
    annual_amount REAL,
    annual_min REAL,
    annual_max REAL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    rule TEXT NOT NULL,
    as_of INTEGER
);
CREATE INDEX IF NOT EXISTS facts_by_article ON facts(article_id, field);
CREATE TABLE IF NOT EXISTS export_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS article_text USING fts5(title, text, content='articles', content_rowid='id');
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO article_text(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO article_text(article_text, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TABLE IF NOT EXISTS occupations (
    soc TEXT PRIMARY KEY,
    soc_title TEXT,
    name TEXT NOT NULL,
    names TEXT NOT NULL,
    articles INTEGER NOT NULL,
    currency TEXT,
    period TEXT,
    median_per_period REAL,
    low_per_period REAL,
    high_per_period REAL,
    sources INTEGER NOT NULL,
    oews_code TEXT,
    oews_title TEXT,
    oews_basis TEXT,
    oews_release TEXT,
    oews_annual_p10 REAL,
    oews_annual_median REAL,
    oews_annual_p90 REAL,
    oews_hourly_p10 REAL,
    oews_hourly_median REAL,
    oews_hourly_p90 REAL,
    outliers INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS occupation_pay (
    soc TEXT NOT NULL REFERENCES occupations(soc) ON DELETE CASCADE,
    currency TEXT NOT NULL,
    period TEXT NOT NULL,
    median_per_period REAL,
    p10_per_period REAL,
    p25_per_period REAL,
    p75_per_period REAL,
    p90_per_period REAL,
    low_per_period REAL NOT NULL,
    high_per_period REAL NOT NULL,
    figures INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    PRIMARY KEY (soc, currency, period)
);
CREATE TABLE IF NOT EXISTS occupation_facts (
    id INTEGER PRIMARY KEY,
    soc TEXT NOT NULL REFERENCES occupations(soc) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    fact TEXT NOT NULL,
    roles TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    duty INTEGER,
    amount_per_period REAL,
    min_per_period REAL,
    max_per_period REAL,
    currency TEXT,
    period TEXT,
    statistic TEXT,
    percentile INTEGER,
    annual_amount REAL,
    as_of INTEGER,
    outlier TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    confidence REAL
);
CREATE INDEX IF NOT EXISTS occupation_facts_by_soc ON occupation_facts(soc, field);
CREATE INDEX IF NOT EXISTS occupation_facts_by_article ON occupation_facts(article_id);
-- Each occupation fact with its article's path and the sentence it was read from.
CREATE VIEW IF NOT EXISTS occupation_evidence AS
    SELECT f.*, a.path AS article_path,
           substr(a.text, f.evidence_start + 1, f.evidence_end - f.evidence_start) AS evidence
    FROM occupation_facts f JOIN articles a ON a.id = f.article_id;
"""
# Occupations rebuilt at a time: the facts of the articles that cover them are held in memory.
OCCUPATION_BATCH = 50
# The occupation_facts columns after its keys: the article comes as its path, looked up.
OCCUPATION_FACT_FIELDS = [c for c in occupation_rows.FACT_COLUMNS if c not in ("soc", "article_path")]


def _insert(table: str, columns: list[str]) -> str:
    return f"INSERT INTO {table} (article_id, {', '.join(columns)}) VALUES (?{', ?' * len(columns)})"


def _insert_rows(table: str, columns: tuple[str, ...] | list[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


# The tables' layout; a database written with another is rebuilt (every article written again).
SCHEMA_VERSION = 4
TABLES = ("occupation_facts", "occupation_pay", "occupations", "facts", "roles", "article_text",
          "articles", "export_settings")  # dependents first
VIEWS = ("occupation_evidence",)


class Database:
    """An open export database; ``unchanged`` tells which articles need no work, ``touched`` the SOC
    codes whose occupation rows the writes since opening make stale."""

    def __init__(self, path: Path, settings: dict[str, str] | None = None) -> None:
        self.db = sqlite3.connect(path)
        if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            self.db.executescript("".join(f"DROP VIEW IF EXISTS {view};" for view in VIEWS)
                                  + "".join(f"DROP TABLE IF EXISTS {table};" for table in TABLES))
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.db.executescript(SCHEMA)
        self.known = {path: (sha, version) for path, sha, version
                      in self.db.execute("SELECT path, sha256, pipeline_version FROM articles")}
        wanted = settings or {}
        stored = dict(self.db.execute("SELECT key, value FROM export_settings"))
        # Rows written with other settings (another minimum confidence) are not this export's.
        self.resettled = stored != wanted
        if self.resettled:
            self.db.execute("DELETE FROM export_settings")
            self.db.executemany("INSERT INTO export_settings (key, value) VALUES (?, ?)", sorted(wanted.items()))
        self.touched: set[str] = set()
        if self.db.execute("SELECT 1 FROM occupations LIMIT 1").fetchone() is None:
            # A database written before it had occupations, or one with none yet: all are new.
            self.touched.update(code for (code,) in self.db.execute("SELECT DISTINCT soc FROM roles WHERE soc != ''"))

    def _codes(self, path: str) -> set[str]:
        return {code for (code,) in self.db.execute(
            "SELECT DISTINCT r.soc FROM roles r JOIN articles a ON a.id = r.article_id"
            " WHERE a.path = ? AND r.soc != ''", (path,))}

    def unchanged(self, entry: ManifestEntry) -> bool:
        return not self.resettled and self.known.get(entry.path) == (entry.sha256, entry.pipeline_version)

    def write(self, output: Output) -> None:
        entry, article = output.entry, output.article
        self.touched.update(self._codes(entry.path), (r.soc for r in article.roles if r.soc))
        self.db.execute("DELETE FROM articles WHERE path = ?", (entry.path,))
        cursor = self.db.execute(
            "INSERT INTO articles (path, sha256, pipeline_version, title, article_type, text)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (entry.path, entry.sha256, entry.pipeline_version, article.title, article.article_type, article.text))
        article_id = cursor.lastrowid
        self.db.executemany(_insert("roles", ROLE_FIELDS),
                            [(article_id, *(row[c] for c in ROLE_FIELDS)) for row in role_rows(article, entry.path)])
        self.db.executemany(_insert("facts", FACT_FIELDS),
                            [(article_id, *(row[c] for c in FACT_FIELDS)) for row in fact_rows(article, entry.path)])

    def keep_only(self, paths: set[str]) -> int:
        """Delete the articles no longer in the manifest; how many went."""
        gone = [p for p in self.known if p not in paths]
        for p in gone:
            self.touched.update(self._codes(p))
        self.db.executemany("DELETE FROM articles WHERE path = ?", [(p,) for p in gone])
        return len(gone)

    def refresh_occupations(self, read_article: Callable[[str], Article]) -> int:
        """Rebuild the occupation rows of the touched codes from the articles (by path) that cover
        them now, a batch of codes at a time; how many codes were rebuilt."""
        codes = sorted(self.touched)
        self.touched.clear()
        ids = {path: n for n, path in self.db.execute("SELECT id, path FROM articles")}
        for start in range(0, len(codes), OCCUPATION_BATCH):
            batch = codes[start:start + OCCUPATION_BATCH]
            marks = ", ".join("?" * len(batch))
            collector = Collector()
            for (path,) in self.db.execute(
                    f"SELECT DISTINCT a.path FROM roles r JOIN articles a ON a.id = r.article_id"
                    f" WHERE r.soc IN ({marks}) ORDER BY a.path", batch).fetchall():
                collector.add(read_article(path), path)
            self.db.execute(f"DELETE FROM occupations WHERE soc IN ({marks})", batch)
            for profile in collector.records(set(batch)):
                self._write_profile(profile, ids)
        return len(codes)

    def _write_profile(self, profile: occupation_rows.Profile, ids: dict[str, int]) -> None:
        row = occupation_rows.occupation_row(profile)
        self.db.execute(_insert_rows("occupations", occupation_rows.OCCUPATION_COLUMNS),
                        [row[c] for c in occupation_rows.OCCUPATION_COLUMNS])
        self.db.executemany(_insert_rows("occupation_pay", occupation_rows.PAY_COLUMNS),
                            [[r[c] for c in occupation_rows.PAY_COLUMNS] for r in occupation_rows.pay_rows(profile)])
        self.db.executemany(_insert_rows("occupation_facts", ["soc", "article_id", *OCCUPATION_FACT_FIELDS]),
                            [[r["soc"], ids[str(r["article_path"])], *(r[c] for c in OCCUPATION_FACT_FIELDS)]
                             for r in occupation_rows.fact_rows(profile)])

    def close(self) -> None:
        self.db.commit()
        self.db.close()
