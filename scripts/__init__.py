"""Tools that build the package's data and measure it; run as ``python -m scripts.NAME``."""
