"""Property tests: arbitrary text and bytes through load and extraction never raise and never
produce an evidence span outside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.process import process_bytes
from pipeline.stages.load import load_bytes
from pipeline.types import MEDIA_TYPES, PipelineError
from tests.test_schema import check

SUFFIXES = sorted(MEDIA_TYPES)
# Characters that exercise headings, lists, tables, markup, money and sentence ends.
MARKUP = st.lists(st.sampled_from(list("<>/=\"' \n\t#*-_|[]()!?.,:;$€£%0123456789")
                                  + ["<p>", "</p>", "<div>", "<h2>", "<li>", "<table><tr><td>", "<br>", "<article>",
                                     "<nav>", "<b>", "Nurse", " vs. ", "Doctor", "earn", " a year", " per hour",
                                     "hospital", "degree", "## ", "\n\n", "- "]),
                  max_size=200).map("".join)
COMMON = settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def through_pipeline(data: bytes, suffix: str) -> None:
    """Load and process ``data``: a clean PipelineError is allowed, any other exception is a bug."""
    path = "input" + suffix
    try:
        load_bytes(data, path)
        article = process_bytes(data, path)
    except PipelineError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    check(article.model_dump_json())


@COMMON
@given(st.text(max_size=2000), st.sampled_from(SUFFIXES))
def test_arbitrary_text(text: str, suffix: str) -> None:
    through_pipeline(text.encode("utf-8", "surrogatepass"), suffix)


@COMMON
@given(MARKUP, st.sampled_from(SUFFIXES))
@example("- <br><'\t[## [<br>(<br>,Nurse", ".htm")  # a role name led by a dash has an empty first word
def test_markup_like_text(text: str, suffix: str) -> None:
    through_pipeline(text.encode("utf-8"), suffix)


@COMMON
@given(st.binary(max_size=2000), st.sampled_from(SUFFIXES))
def test_arbitrary_bytes(data: bytes, suffix: str) -> None:
    through_pipeline(data, suffix)


@COMMON
@given(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x89PNG", b"%PDF", b""]), st.binary(max_size=500),
       st.sampled_from(SUFFIXES))
def test_bytes_after_a_bom_or_magic(prefix: bytes, data: bytes, suffix: str) -> None:
    through_pipeline(prefix + data, suffix)
