"""How the gazetteer's builder reads SOC titles: the occupations a title lists, inverted titles,
"All Other" titles. (Building needs the registry packages; these are its rules, on titles.)"""

from __future__ import annotations

import pytest

from scripts.build_occupations import fitting_member, inverted, members, read_merged, soc_phrases


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
])
def test_members_of_a_soc_title(title: str, expected: list[str]) -> None:
    assert members(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Opticians, Dispensing", "Dispensing Opticians"),
    ("Cooks, Restaurant", "Restaurant Cooks"),
    ("Meter Readers, Utilities", None),
    ("Paralegals and Legal Assistants", None),
])
def test_inverted_title(title: str, expected: str | None) -> None:
    assert inverted(title) == expected


def test_phrases_of_a_title() -> None:
    assert soc_phrases("29-1126", "Respiratory Therapists") == (["respiratory therapist"], [], [])
    assert soc_phrases("29-1129", "Therapists, All Other") == ([], [], ["therapist"])
    first, later, _ = soc_phrases("23-2011", "Paralegals and Legal Assistants")
    assert first == ["paralegals and legal assistant", "paralegal"] and later == ["legal assistant"]


def test_a_residual_member_is_no_phrase() -> None:
    first, later, _ = soc_phrases("41-9091", "Door-to-Door Sales Workers, News and Street Vendors, and Related Workers")
    assert "related worker" not in first + later and "street vendor" in later


MEMBERS = {"29-2011": "Medical and Clinical Laboratory Technologists",
           "29-2012": "Medical and Clinical Laboratory Technicians"}


@pytest.mark.parametrize(("phrase", "code"), [
    ("clinical laboratory technologist", "29-2011"),
    ("clinical laboratory technician", "29-2012"),
    ("laboratory technician", "29-2012"),
    ("clinical laboratory worker", None),  # no member has that head
    ("veterinary technician", None),  # no member has all its words
])
def test_a_merged_codes_name_goes_to_the_member_it_fits(phrase: str, code: str | None) -> None:
    assert fitting_member(phrase, MEMBERS) == code


def test_merged_members_table() -> None:
    merged = read_merged()
    assert merged["29-2010"] == MEMBERS
    # every member is a detailed 2018 SOC code of its OEWS code's group
    assert all(code[:6] == oews[:6] and not code.endswith("0") for oews, parts in merged.items() for code in parts
               if oews.endswith("0"))
