"""``python -m schemas`` rewrites ``schemas/article.schema.json`` from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from schemas.article import Article

SCHEMA_PATH = Path(__file__).with_name("article.schema.json")


def render() -> str:
    return json.dumps(Article.model_json_schema(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
