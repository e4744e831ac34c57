"""Labels beside an input (``NAME.gold.json``): which extracted facts they do not list (extra) and
which labelled facts were not extracted (missed), matched as the labels' format describes: roles by
lower-cased singular name ("*" for every role), pay by period, currency and figure within 1%,
education and settings by value, duties and skills by content-word overlap (token F1 >= 0.5)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pipeline.review.facts import FactView

# Pipeline fields and the label keys that hold the same facts.
KEYS = {"salaries": "salaries", "requirements": "education", "settings": "settings", "duties": "duties",
        "skills": "skills"}
STOP = {"a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "with", "their", "its"}
WORD = re.compile(r"[a-z0-9]+")


def load(src: Path | None, input_path: str) -> dict[str, Any] | None:
    """The labels of an input, if ``src`` holds a ``NAME.gold.json`` beside it."""
    if src is None:
        return None
    path = (src / input_path).with_suffix(".gold.json")
    if not path.is_file():
        return None
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def _role(name: str) -> str:
    name = name.lower().strip()
    return name[:-1] if name.endswith("s") and not name.endswith("ss") else name


def _words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in STOP}


def _overlap(a: str, b: str) -> bool:
    x, y = _words(a), _words(b)
    common = len(x & y)
    return common > 0 and 2 * common / (len(x) + len(y)) >= 0.5


def _close(a: float | None, b: Any) -> bool:
    return a is not None and isinstance(b, int | float) and abs(a - b) <= 0.01 * max(abs(b), 1)


def _same(view: FactView, label: dict[str, Any], amounts: dict[str, float | None]) -> bool:
    key = KEYS[view.field]
    if key == "salaries":
        if label.get("period") != view.details.get("period") or label.get("currency") != view.details.get("currency"):
            return False
        if "amount" in label:
            return _close(amounts.get("amount"), label["amount"])
        return _close(amounts.get("min"), label.get("min")) and _close(amounts.get("max"), label.get("max"))
    if key == "education":
        return view.details.get("type") == "education" and label.get("level") == view.value
    if key == "settings":
        return label.get("setting") == view.value
    return _overlap(view.value, str(label.get("text") if key == "duties" else label.get("skill")))


def compare(labels: dict[str, Any], views: list[FactView], amounts: dict[str, dict[str, float | None]],
            all_roles: list[str]) -> list[str]:
    """Marks the views no label matches as extra; returns the labelled facts none matches, as lines."""
    missed: list[str] = []
    matched: set[str] = set()
    for field, key in KEYS.items():
        own = _views_of(views, field)
        for label in labels.get(key) or []:
            if not isinstance(label, dict):
                continue
            hits = _hits(own, label, amounts, all_roles)
            matched.update(v.id for v in hits)
            if not hits:
                missed.append(f"{key}: " + ", ".join(f"{k} {v}" for k, v in label.items()))
        if key in labels:
            for view in own:
                if view.id not in matched:
                    view.status = "extra"
    return missed


def _views_of(views: list[FactView], field: str) -> list[FactView]:
    """The views of one pipeline field that labels can match (of requirements, education only)."""
    return [v for v in views if v.field == field and (field != "requirements" or v.details.get("type") == "education")]


def _hits(own: list[FactView], label: dict[str, Any], amounts: dict[str, dict[str, float | None]],
          all_roles: list[str]) -> list[FactView]:
    """The views that match a label: given to its role ("*": any role) and the same fact."""
    role = str(label.get("role", "*"))
    roles = {_role(r) for r in all_roles} if role == "*" else {_role(role)}
    return [v for v in own if {_role(r) for r in v.roles} & roles and _same(v, label, amounts.get(v.id, {}))]
