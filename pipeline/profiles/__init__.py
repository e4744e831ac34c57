"""Occupation profiles: what every article says about one occupation (a 2018 SOC code), gathered
from finished outputs, with the official OEWS wages beside the articles' figures.

``build(articles)`` makes the profiles (``schemas.profile.Profile``); ``pipeline.export.occupations``
reads an output folder and writes them (``extract profiles``).
"""

from pipeline.profiles.build import build

__all__ = ["build"]
