"""The schema.org vocabulary the JSON-LD exports may use: for each type written, the properties
schema.org defines for it (with those inherited from Thing, Intangible, StructuredValue,
QuantitativeValueDistribution, DefinedTerm, CreativeWork and Place), vendored from schema.org."""

from __future__ import annotations

THING = {"@context", "@type", "name", "description", "url", "identifier", "sameAs", "mainEntityOfPage",
         "alternateName"}
PLACE = THING | {"address", "geo", "containedInPlace", "containsPlace", "hasMap", "latitude", "longitude"}
ALLOWED = {
    "Occupation": THING | {"educationRequirements", "estimatedSalary", "experienceRequirements",
                           "occupationLocation", "occupationalCategory", "qualifications", "responsibilities",
                           "skills"},
    "MonetaryAmountDistribution": THING | {"currency", "duration", "median", "percentile10", "percentile25",
                                           "percentile75", "percentile90"},
    "MonetaryAmount": THING | {"currency", "maxValue", "minValue", "value", "validFrom", "validThrough"},
    "CategoryCode": THING | {"codeValue", "inCodeSet", "termCode", "inDefinedTermSet"},
    "CategoryCodeSet": THING | {"hasCategoryCode", "hasDefinedTerm"},
    "EducationalOccupationalCredential": THING | {"credentialCategory", "educationalLevel", "competencyRequired",
                                                  "recognizedBy", "validFor", "validIn"},
    # Country < AdministrativeArea < Place
    "Country": PLACE,
}
DURATIONS = {"P1Y", "P1M", "P1W", "P1D", "PT1H"}


def typed_nodes(node: object) -> list[dict[str, object]]:
    """Every object with an ``@type`` in a JSON-LD value, nested ones too."""
    if isinstance(node, list):
        return [found for item in node for found in typed_nodes(item)]
    if isinstance(node, dict):
        return [node, *(found for value in node.values() for found in typed_nodes(value))] if "@type" in node else []
    return []


def check_vocabulary(node: object) -> None:
    for typed in typed_nodes(node):
        assert set(typed) <= ALLOWED[str(typed["@type"])], typed


def check_salaries(occupation: dict[str, object]) -> None:
    """Every salary a distribution with its currency and a duration (the period it is earned in)."""
    for pay in occupation.get("estimatedSalary", []):  # type: ignore[attr-defined]
        assert pay["@type"] == "MonetaryAmountDistribution" and pay["currency"], pay
        assert pay["duration"] in DURATIONS, pay
        assert set(pay) & {"median", "percentile10", "percentile25", "percentile75", "percentile90"}, pay
