"""How the gazetteer's builder reads SOC titles: the occupations a title lists, inverted titles,
"All Other" titles. (Building needs the registry packages; these are its rules, on titles.)"""

from __future__ import annotations

import pytest

from scripts.build_occupations import inverted, members, soc_phrases


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
