"""``extract profiles`` over the shared corpora (handbook pages, dev, realish and prose articles in one
output folder; skips when ../shared is absent): one profile per code, each handbook page's Quick Facts
median in its occupation's profile with its source, OEWS wages for every detailed code, and schema.org
markup a site can publish."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.batch.runner import Options, run
from pipeline.export.occupations import profiles
from schemas.article import Article
from schemas.profile import Profile
from tests.conftest import SHARED
from tests.schema_org import check_salaries, check_vocabulary

CORPUS = SHARED / "corpus"
NAMES = ("bls", "dev", "realish", "prose")
INPUTS = (".txt", ".md", ".html")

pytestmark = pytest.mark.skipif(not all((CORPUS / n).is_dir() for n in NAMES), reason="../shared is absent")


@pytest.fixture(scope="module")
def dest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in NAMES:
        (src / name).mkdir()
        for page in (CORPUS / name).iterdir():
            if page.suffix in INPUTS:
                shutil.copy(page, src / name / page.name)
    out = tmp_path_factory.mktemp("out")
    assert run(src, out, Options(workers=2)).count("failed") == 0
    folder = tmp_path_factory.mktemp("dest")
    profiles(out, folder)
    (folder / "out").symlink_to(out)
    return folder


def _profiles(dest: Path) -> list[Profile]:
    return [Profile.model_validate_json(line) for line in (dest / "profiles.jsonl").read_text("utf-8").splitlines()]


def test_one_profile_per_code_holding_every_coded_role(dest: Path) -> None:
    found = _profiles(dest)
    codes = [p.soc for p in found]
    assert len(codes) == len(set(codes)) and codes == sorted(codes)
    by_code = {p.soc: p for p in found}
    for path in (dest / "out").rglob("*.json"):
        if path.name == "manifest.jsonl":
            continue
        article = Article.model_validate_json(path.read_bytes())
        for role in article.roles:
            if role.soc:
                profile = by_code[role.soc]
                assert any(a.path == article.source.path and role.name in a.roles for a in profile.articles)


def _within(amount: float | None, target: float) -> bool:
    return amount is not None and abs(amount - target) <= 0.01 * target


def test_each_handbook_median_is_in_its_occupations_profile(dest: Path) -> None:
    """The Quick Facts median of each page (per year and per hour), where the page's JSON has it for a
    role with a code, is a figure of that code's profile with the page as its source."""
    found = {p.soc: p for p in _profiles(dest)}
    checked = 0
    for line in (CORPUS / "bls" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        path = f"bls/{page['slug']}.html"
        article = Article.model_validate_json((dest / "out" / "bls" / f"{page['slug']}.json").read_bytes())
        for period, key in (("year", "median_annual"), ("hour", "median_hourly")):
            if page.get(key) is None:
                continue
            codes = {r.soc for r in article.roles for s in article.salaries
                     if r.soc and r.id in s.roles and s.period == period and _within(s.amount, page[key])}
            for code in codes:
                assert any(s.article == path and s.period == period and _within(s.amount, page[key])
                           for s in found[code].salaries), (path, code, period)
                checked += 1
    assert checked >= 100


def test_every_detailed_code_carries_oews_wages(dest: Path) -> None:
    for profile in _profiles(dest):
        if not profile.soc.endswith("0"):  # a detailed occupation (groups end in 0)
            assert profile.oews is not None, profile.soc
            assert profile.oews.annual or profile.oews.hourly
            assert profile.oews.basis == "own" or profile.oews.code != profile.soc


def test_profiles_jsonld_has_what_consumers_require(dest: Path) -> None:
    found = json.loads((dest / "profiles.jsonld").read_text(encoding="utf-8"))
    assert len(found) == len(_profiles(dest))
    for occupation in found:
        assert occupation["name"] and occupation["estimatedSalary"] and occupation["occupationLocation"]
        check_salaries(occupation)
        check_vocabulary(occupation)
