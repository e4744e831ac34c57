"""Occupation profiles: what every article says about one occupation (a 2018 SOC code), gathered
from finished outputs, with the official OEWS wages beside the articles' figures.

``build(articles)`` makes the profiles (``schemas.profile.Profile``), as does a ``Collector`` fed one
article at a time; ``pipeline.export.occupations``
reads an output folder and writes them (``extract profiles``).
"""

from pipeline.profiles.build import Collector, build

__all__ = ["Collector", "build"]
