"""The benchmark script runs and reports consistent figures; its numbers themselves are not checked
(tests never assert wall-clock times)."""

from __future__ import annotations

import gc

from benchmarks import bench, startup_bench
from pipeline.process import warm_up


def test_a_small_benchmark_reports_every_figure_consistently() -> None:
    figures = bench.measure(docs=9, html_pages=1)
    assert 0 < int(str(figures["text_docs"])) < int(str(figures["all_docs"])) == 9
    for key in ("ratio_to_tokenizer", "cold_ratio_to_tokenizer", "all_ratio_to_tokenizer", "ratio_to_bs4",
                "ratio_2_to_1_workers", "peak_memory_mb"):
        assert isinstance(figures[key], float) and figures[key] > 0, key
    # The printed ratio is that of the printed rates (both rounded).
    rates = float(str(figures["pipeline_docs_per_s"])) / float(str(figures["tokenizer_docs_per_s"]))
    assert abs(rates - float(str(figures["ratio_to_tokenizer"]))) < 0.01
    assert str(figures["ratio_rounds"]).count("median") == 1


def test_warm_up_moves_what_it_loaded_out_of_the_collectors_sight() -> None:
    warm_up()
    assert gc.get_freeze_count() > 0


def test_the_startup_benchmark_reports_the_fixed_cost_of_a_run() -> None:
    figures = startup_bench.measure(rounds=1)
    for key in ("version_s", "help_s", "fixed_cost_s", "fixed_cost_cpu_s", "fixed_cost_2_workers_s", "python_s",
                "spacy_blank_s", "fixed_cost_ratio_to_spacy_blank"):
        assert isinstance(figures[key], float) and figures[key] > 0, key
