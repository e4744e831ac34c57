"""The names people write for occupations, found in running text by the committed gazetteer: names a
SOC title lists, the handbook's index titles and hand aliases; and ordinary words that are no
occupation there."""

from __future__ import annotations

import pytest

from pipeline.rules.occupations import occupations_in


def gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a name a SOC title lists ("Jewelers and Precious Stone and Metal Workers")
    ("Jewelers set stones in rings.", [("Jewelers", "51-9071")]),
    ("Ask a bench jeweler to resize it.", [("jeweler", "51-9071")]),
    ("Pipefitters join steel pipe.", [("Pipefitters", "47-2152")]),
    # the handbook's index titles
    ("Florists arrange flowers for weddings.", [("Florists", "27-1023")]),
    ("A marine technician rebuilt the outboard.", [("marine technician", "49-3050")]),
    ("The motorcycle technician changed the chain.", [("motorcycle technician", "49-3052")]),
    ("Acute care nurse practitioners work in hospitals.", [("nurse practitioners", "29-1171")]),
    ("The wildland firefighters dug a firebreak.", [("firefighters", "33-2011")]),  # a kind: the short name
    ("A geologist mapped the outcrop.", [("geologist", "19-2042")]),
    ("The violinist tuned her instrument.", [("violinist", "27-2042")]),
    ("An innkeeper greets each guest.", [("innkeeper", "11-9081")]),
    # hand aliases for everyday names
    ("Boat mechanics fix engines.", [("Boat mechanics", "49-3051")]),
    ("Marine mechanics work at marinas.", [("Marine mechanics", "49-3051")]),
    ("Sound engineers mix tracks.", [("Sound engineers", "27-4014")]),
    ("The zookeeper fed the lions.", [("zookeeper", "39-2021")]),
    ("Forklift operators move pallets.", [("Forklift operators", "53-7051")]),
    # ordinary words that name no occupation in running text
    ("A runner crossed the finish line.", []),
    ("The driver of growth was demand.", []),
    ("They work from home on Fridays.", []),
    ("The tenor of the debate changed.", []),
    pytest.param("Tailor your resume to the job.", [], marks=gap("a SOC title's member: Tailors, Dressmakers, ...")),
    pytest.param("The host will call you back.", [], marks=gap("a SOC title's member: Hosts and Hostesses")),
    pytest.param("Build a model of the bridge.", [], marks=gap("a SOC title: Models")),
])
def test_names_people_write(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.text, o.soc) for o in occupations_in(sentence)] == expected
