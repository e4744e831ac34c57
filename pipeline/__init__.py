"""Structured-content extraction for career articles.

Stages, one module each: load -> clean -> roles -> segment -> extract (+ attribute) -> assemble
-> emit. ``pipeline.process`` runs them on one input; ``pipeline.run`` runs a batch.
"""

VERSION = "0.1.0"
