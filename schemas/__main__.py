"""``python -m schemas`` rewrites ``schemas/article.schema.json`` and ``schemas/profile.schema.json``
from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from schemas.article import Article
from schemas.profile import Profile

SCHEMA_PATH = Path(__file__).with_name("article.schema.json")
PROFILE_SCHEMA_PATH = Path(__file__).with_name("profile.schema.json")


def render(model: type[BaseModel] = Article) -> str:
    return json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    for path, model in ((SCHEMA_PATH, Article), (PROFILE_SCHEMA_PATH, Profile)):
        path.write_text(render(model), encoding="utf-8")
        print(f"wrote {path}")
