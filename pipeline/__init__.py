"""Structured-content extraction for career articles.

Stages, one module each: load -> clean -> roles -> segment -> extract (+ attribute) -> assemble
-> emit. ``pipeline.process`` runs them on one input; ``pipeline.batch.runner`` runs a batch.
"""

VERSION = "0.1.0"
