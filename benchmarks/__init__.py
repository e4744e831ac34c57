"""Benchmarks, outside the package: ``python -m benchmarks.bench``."""
