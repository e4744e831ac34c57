"""Structured-content extraction for career articles.

``pipeline.process`` runs one input through the stages in order: ``stages`` (load -> clean ->
roles -> segment -> sentences -> attribute), ``extract`` (one module per fact), then
``stages.assemble``. ``pipeline.batch`` runs a batch of inputs; ``pipeline.rules`` holds what the
stages use to apply the rule files of ``pipeline/data``.
"""

VERSION = "0.1.0"
