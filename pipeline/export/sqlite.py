"""The outputs as one SQLite database: ``articles``, ``roles`` and ``facts`` with keys and indexes,
and full-text search over article text (FTS5). Re-exporting updates only the articles whose input
changed (same path, other sha256 or pipeline version) and drops those no longer listed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pipeline.export.rows import FACT_COLUMNS, ROLE_COLUMNS, fact_rows, role_rows
from pipeline.export.source import Output
from schemas.article import ManifestEntry

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
    rule TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_by_article ON facts(article_id, field);
CREATE VIRTUAL TABLE IF NOT EXISTS article_text USING fts5(title, text, content='articles', content_rowid='id');
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO article_text(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO article_text(article_text, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
"""


def _insert(table: str, columns: list[str]) -> str:
    return f"INSERT INTO {table} (article_id, {', '.join(columns)}) VALUES (?{', ?' * len(columns)})"


# The tables' layout; a database written with another is rebuilt (every article written again).
SCHEMA_VERSION = 2
TABLES = ("facts", "roles", "article_text", "articles")  # dependents first


class Database:
    """An open export database; ``unchanged`` tells which articles need no work."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)
        if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            self.db.executescript("".join(f"DROP TABLE IF EXISTS {table};" for table in TABLES))
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.db.executescript(SCHEMA)
        self.known = {path: (sha, version) for path, sha, version
                      in self.db.execute("SELECT path, sha256, pipeline_version FROM articles")}

    def unchanged(self, entry: ManifestEntry) -> bool:
        return self.known.get(entry.path) == (entry.sha256, entry.pipeline_version)

    def write(self, output: Output) -> None:
        entry, article = output.entry, output.article
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
        self.db.executemany("DELETE FROM articles WHERE path = ?", [(p,) for p in gone])
        return len(gone)

    def close(self) -> None:
        self.db.commit()
        self.db.close()
