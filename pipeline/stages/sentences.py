"""sentences: where the sentences of the cleaned text are, and the section and block of each.

Boundaries come from ``pipeline.rules.boundaries.sentence_starts`` (the rules of the
``career_sentences`` spaCy component, run on the text itself). Headings and the title give no
facts (they name sections and roles), so they are left out, but for a heading that is a labelled
figure ("Average Salary: £38,000 - £62,000"), a line of pay set as a heading.
"""

from __future__ import annotations

from pipeline.rules.boundaries import sentence_starts
from pipeline.rules.loader import regex
from pipeline.types import Segmented, SentenceAt

LABELLED_FIGURE = regex("salary_patterns.jsonl", "labelled-figure")


def split_sentences(seg: Segmented) -> list[SentenceAt]:
    starts = [s.start for s in seg.sections]
    span_starts = [s.start for s in seg.spans]
    out: list[SentenceAt] = []
    bounds = sentence_starts(seg.text)
    sec_index = span_index = 0
    for sent_start, sent_end in zip(bounds, [*bounds[1:], len(seg.text)], strict=False):
        raw = seg.text[sent_start:sent_end]
        text = raw.strip()
        if not text:
            continue
        start = sent_start + len(raw) - len(raw.lstrip())
        # Sentences come in order: the section and span only ever move forward.
        while sec_index + 1 < len(starts) and starts[sec_index + 1] <= start:
            sec_index += 1
        while span_index + 1 < len(span_starts) and span_starts[span_index + 1] <= start:
            span_index += 1
        span = seg.spans[span_index]
        if span.block.kind == "title" or (span.block.kind == "heading" and not LABELLED_FIGURE.match(text)):
            continue
        out.append(SentenceAt(start, text, sec_index, span))
    return out
