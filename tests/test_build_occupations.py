"""How the gazetteer's builder reads SOC titles: the readings prose gives a title, the occupations a
title lists, the shorter names titles end with, the group that holds several codes. (Building needs
the registry packages; these are its rules, on titles.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import build_occupations as build
from scripts.build_occupations import Soc, holding_group, members, names_of, readings, shorter_names, split_qualifier


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
