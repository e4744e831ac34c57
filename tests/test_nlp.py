"""The spaCy side: sentence starts found on the text, and lexicon matches found on only the
stretches of sentences that need them."""

from __future__ import annotations

from functools import cache

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.process import process_bytes
from pipeline.rules import cache as memo
from pipeline.rules.boundaries import sentence_starts
from pipeline.rules.components import (
    Hit,
    _mid_word_starts,
    build,
    inner_starts,
    lexicon_matches,
    lexicon_regions,
    longest_first,
)
from pipeline.rules.text import Text
from tests.helpers import run_article

# (text, the sentences it splits into)
SENTENCES = {
    "full stops": ("Kilns run hot. Glazes cure slowly.", ["Kilns run hot.", "Glazes cure slowly."]),
    "abbreviation": ("Pay in the U.S. is higher. It varies.", ["Pay in the U.S. is higher.", "It varies."]),
    "vs. is not an end": ("Kiln Operator vs. Glaze Chemist pay.", ["Kiln Operator vs. Glaze Chemist pay."]),
    "newline": ("Duties\nFire the kiln.", ["Duties", "Fire the kiln."]),
    "question and digit": ("Why? 3 reasons follow.", ["Why?", "3 reasons follow."]),
    "quote after the stop": ('He said "done." Then left.', ['He said "done."', "Then left."]),
    "lower case after a stop": ("The rate is 4.5 per cent. it rose.", ["The rate is 4.5 per cent. it rose."]),
    "empty": ("", []),
    "middle initial": ("Ask Mary I. Smith first. Then wait.", ["Ask Mary I. Smith first.", "Then wait."]),
    "numeral one ends a sentence": ("Kilns have fired since World War I. Most are electric now.",
                                    ["Kilns have fired since World War I.", "Most are electric now."]),
    "a degree ends a sentence": ("Chemists need a Ph.D. Kiln operators need a diploma.",
                                 ["Chemists need a Ph.D.", "Kiln operators need a diploma."]),
    "a degree before a name": ("She trained at the M.D. Anderson Cancer Center.",
                               ["She trained at the M.D. Anderson Cancer Center."]),
}


def _split(text: str) -> list[str]:
    starts = sentence_starts(text)
    ends = [*starts[1:], len(text)] if starts else []
    return [text[a:b].strip() for a, b in zip(starts, ends, strict=True) if text[a:b].strip()]


@pytest.mark.parametrize("text, expected", SENTENCES.values(), ids=SENTENCES.keys())
def test_sentence_starts(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_run_on_text_is_cut_at_spaces() -> None:
    text = " ".join(["word"] * 400)  # 2,000 characters with no full stop
    pieces = _split(text)
    assert len(pieces) > 1 and all(len(p) <= 600 for p in pieces)
    assert " ".join(pieces) == text


def test_lexicon_matches_only_inside_the_spans_with_offsets_into_the_text() -> None:
    text = "Intro line. Most work in a hospital. They need customer service skills. Unrelated hospital."
    first = text.index("Most")
    second = text.index("They")
    spans = [(first, text.index(" They")), (second, text.index(" Unrelated"))]
    found = lexicon_matches(text, spans)
    settings = found["settings"]
    assert [text[m.start:m.end] for m in settings] == ["hospital"]
    assert all(m.text == text[m.start : m.end] for key in found for m in found[key])
    assert all(any(a <= m.start and m.end <= b for a, b in spans) for key in found for m in found[key])


def test_no_match_runs_from_one_span_into_the_next() -> None:
    text = "We value customer. Service matters."
    spans = [(0, text.index(".")), (text.index("Service"), len(text))]
    joined_phrase = [m for m in lexicon_matches(text, spans)["skills"] if m.text.lower() == "customer service"]
    assert joined_phrase == []


@pytest.fixture(autouse=True)
def _regions_by_regex() -> None:
    """Regions found by the lexicons' regex from the first text on (a run reads its first texts whole),
    none kept from before."""
    build().get_pipe("career_lexicons").whole_texts = 0  # type: ignore[attr-defined]
    memo.clear()


def test_the_first_texts_are_read_whole_with_the_matches_regions_give() -> None:
    component = build().get_pipe("career_lexicons")
    component.whole_texts = 1  # type: ignore[attr-defined]
    text, again = "Most of them work long shifts in a hospital.", "Most of them work long shifts in a hospital!"
    first, then = lexicon_regions(Text(text)), lexicon_regions(Text(again))
    assert first == [(0, len(text))] and then == [(35, 44)]
    assert lexicon_matches(text, first) == lexicon_matches(again, then)
    assert lexicon_regions(Text("zzz qqq")) == []


def test_lexicon_regions_cover_every_phrase_they_were_built_from() -> None:
    component = build().get_pipe("career_lexicons")
    for phrase in component.gate.strings:
        text = f"They say {phrase} matters."
        regions = lexicon_regions(Text(text))
        start = text.index(phrase)
        assert any(a <= start and start + len(phrase) <= b for a, b in regions), phrase
    assert lexicon_regions(Text("zzz qqq")) == []


def test_lexicon_regions_match_as_the_whole_sentence_does() -> None:
    text = "Most work in a hospital or a private clinic, and they need customer service skills and patience."
    whole = lexicon_matches(text, [(0, len(text))])
    regions = lexicon_matches(text, lexicon_regions(Text(text)))
    assert regions == whole and whole["settings"] and whole["skills"]


def test_special_cases_that_start_a_phrase_inside_a_word_are_known() -> None:
    component = build().get_pipe("career_lexicons")
    assert ("cannot", "not") in _mid_word_starts(component_rules())
    # "c'mon" -> "c'm" "on": a phrase such as "on the road" can start after the "m".
    assert "c'mon" in component.mid_word_cases


def component_rules() -> dict[str, list[dict[int, str]]]:
    rules: dict[str, list[dict[int, str]]] = build().tokenizer.rules  # type: ignore[attr-defined]
    return rules


# Phrases where the tokenizer starts a token: after a space, a hyphen, a slash, a digit, and
# inside a special case; and occurrences inside words, which are no token's start.
REGION_TEXTS = {
    "inside a special case": "They said c'mon the road is long.",
    "after a hyphen": "Most are customer-facing roles in a hospital.",
    "after a slash": "They work in an office/hospital setting.",
    "after a digit": "Crews spend 5days on the road.",
    "inside a word only": "Unhospitable spaces and reoffices are no settings.",
}


@pytest.mark.parametrize("text", REGION_TEXTS.values(), ids=REGION_TEXTS.keys())
def test_lexicon_regions_match_where_the_tokenizer_starts_tokens(text: str) -> None:
    whole = lexicon_matches(text, [(0, len(text))])
    assert lexicon_matches(text, lexicon_regions(Text(text))) == whole


def test_a_special_case_inside_a_word_lets_a_phrase_start_there() -> None:
    text = REGION_TEXTS["inside a special case"]
    assert [m.text for m in lexicon_matches(text, lexicon_regions(Text(text)))["settings"]] == ["on the road"]


# (texts, the offsets inside each where one of them could also start)
INNER = {
    "a suffix that starts another text": (("abc", "bcd"), {"abc": (1,)}),
    "a suffix that another text starts": (("abc", "c"), {"abc": (2,)}),
    "both ways": (("abc", "bcd", "c", "x"), {"abc": (1, 2), "bcd": (1,)}),
    "a text whose end starts itself": (("aba",), {"aba": (2,)}),
    "nothing in common": (("kiln", "glaze"), {}),
}


@pytest.mark.parametrize("texts, expected", INNER.values(), ids=INNER.keys())
def test_inner_starts(texts: tuple[str, ...], expected: dict[str, tuple[int, ...]]) -> None:
    assert inner_starts(texts) == expected


@given(st.lists(st.text("ab ", min_size=1, max_size=7), min_size=1, max_size=8))
def test_inner_starts_are_where_the_rest_and_a_text_agree(texts: list[str]) -> None:
    expected = {text: tuple(k for k in range(1, len(text))
                            if any(other.startswith(text[k:]) or text[k:].startswith(other) for other in texts))
                for text in texts}
    assert inner_starts(tuple(texts)) == {text: offsets for text, offsets in expected.items() if offsets}


def _phrases() -> list[str]:
    return list(build().get_pipe("career_lexicons").gate.strings)


# Phrases run into each other and into other words, with and without spaces: a phrase that starts
# inside another's text must still be found.
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.one_of(st.sampled_from(_phrases()),
                                    st.sampled_from(["the", "x", "ing", "-", "(", "cannot", "c'mon", "5", "/"])),
                          st.sampled_from(["", " ", " ", "-", ", "])), min_size=1, max_size=6))
def test_lexicon_regions_find_what_the_whole_sentence_gives(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in parts).strip() or "x"
    whole = lexicon_matches(text, [(0, len(text))])
    assert lexicon_matches(text, lexicon_regions(Text(text))) == whole


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 11), st.integers(1, 4)), max_size=8))
def test_longest_first_is_spacys_filter_spans(spans: list[tuple[int, int]]) -> None:
    doc = spacy.blank("en").make_doc("a b c d e f g h i j k l m n o p")
    hits = [Hit(start, start + length, "v", f"r{i}") for i, (start, length) in enumerate(spans)]
    expected = [(s.start, s.end, s.label_) for s in filter_spans(
        [Span(doc, h.start, h.end, label=h.rule) for h in hits])]
    assert [(h.start, h.end, h.rule) for h in longest_first(hits)] == expected


def test_the_component_annotates_a_doc_as_its_matches_say() -> None:
    nlp = build()
    doc = nlp("Most work in a hospital and need customer service skills.")
    found = nlp.get_pipe("career_lexicons").match(doc)
    for key, hits in found.items():
        assert [(s.start, s.end, s.label_, s.id_) for s in doc.spans[key]] == [tuple(h) for h in hits]
    assert found["settings"] and found["skills"]
    assert {s._.lexicon_kind for s in doc.spans["skills"]} <= {"hard", "soft"}
    assert {s._.lexicon_kind for s in doc.spans["settings"]} == {""}


def test_the_sentence_component_marks_the_rules_boundaries() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("career_sentences")
    text = "Coders work in offices, e.g. clinics. Billers (vs. coders) call insurers.\nDuties include billing."
    docs = list(nlp.pipe([text, "One sentence only."]))
    starts = sentence_starts(text)
    assert [s.start_char for s in docs[0].sents] == starts
    assert [s.text for s in docs[1].sents] == ["One sentence only."]


def test_clearing_text_caches_changes_no_result() -> None:
    body = "Kiln operators earn $41,000 per year, while glaze chemists earn $68,000 per year."
    first = run_article(body).model_dump()
    memo.clear()
    assert run_article(body + " ").model_dump()["salaries"] == first["salaries"]


KILN = """Kiln Operator vs. Glaze Chemist: What's the Difference?

Kiln operators load and fire kilns in ceramics plants. Glaze chemists work in laboratories.

Kiln operators earn a median salary of $41,000 per year, while glaze chemists earn $68,000 per year.
"""


def test_process_bytes_is_stable_after_clearing_caches() -> None:
    data = KILN.encode("utf-8")
    before = process_bytes(data, "kiln.txt").model_dump_json()
    memo.clear()
    assert process_bytes(data, "kiln.txt").model_dump_json() == before


def test_lexicon_matches_kept_by_stretch_answer_as_fresh_ones() -> None:
    text = "Most work in a hospital. They need customer service skills. Most work in a hospital."
    spans = [(0, 23), (text.index("They"), text.index(" Most")), (text.rindex("Most"), len(text) - 1)]
    memo.clear()
    fresh = lexicon_matches(text, spans)
    assert lexicon_matches(text, spans) == fresh  # every stretch kept
    memo.clear()
    assert lexicon_matches(text, spans[:1]) == {key: [m for m in found if m.end <= 23] for key, found in fresh.items()}
    assert lexicon_matches(text, spans) == fresh  # one stretch kept, the others tokenized


def test_a_text_store_drops_the_least_recently_used() -> None:
    store: memo.TextStore[int] = memo.TextStore(maxsize=2)
    store.put("a", 1)
    store.put("b", 2)
    assert store.get("a") == 1
    store.put("c", 3)
    assert (store.get("a"), store.get("b"), store.get("c")) == (1, None, 3)
    memo.clear()
    assert store.get("a") is None
def test_the_pipelines_share_one_blank_english_tokenizer() -> None:
    from pipeline.rules.occupations import occupation_nlp

    lexicons, occupations = build(), occupation_nlp()
    assert lexicons.tokenizer is occupations.tokenizer and lexicons.vocab is occupations.vocab
    assert lexicons.lang == occupations.lang == "en"
    text = "Nurses can't work 12-hour shifts, e.g. at St. Mary's (U.S.)."
    assert [t.text for t in lexicons.make_doc(text)] == [t.text for t in spacy.blank("en").make_doc(text)]


def test_phrase_patterns_are_what_the_matcher_reads_off_their_docs() -> None:
    from spacy.attrs import LOWER

    from pipeline.rules.loader import occupation_rules
    from pipeline.rules.occupations import forms
    from pipeline.rules.phrases import lower_patterns, lower_tokens

    nlp = build()
    texts = [form for rule in occupation_rules() for phrase in rule.phrases for form in forms(phrase)]
    texts += ["cannot", "gonna be", "nurse's aide", "x-ray tech", "rn", "a b", "cooks, bakers, and chefs", "chef,",
              "cannot, or", "don't", "U.S. nurse", ""]
    patterns, tokens = lower_patterns(nlp, texts), lower_tokens(nlp, texts)
    for text, pattern, words in zip(texts, patterns, tokens, strict=True):
        doc = nlp.make_doc(text)
        assert pattern == tuple(doc.to_array([LOWER]).ravel().tolist()), text
        assert words == tuple(token.lower_ for token in doc), text


@cache
def _gazetteer_matcher() -> PhraseMatcher:
    """spaCy's PhraseMatcher over the gazetteer's forms, on the occupation pipeline's vocab."""
    from pipeline.rules.loader import occupation_rules
    from pipeline.rules.occupations import forms, found_in_text, occupation_nlp
    from pipeline.rules.phrases import lower_patterns

    nlp = occupation_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for rule in occupation_rules():
        texts = [form for phrase in rule.phrases if found_in_text(phrase, rule) for form in forms(phrase)]
        matcher.add(rule.id, lower_patterns(nlp, texts))
    return matcher


def _phrase_matcher_spans(doc: Doc) -> list[tuple[int, int, str, str]]:
    """The occupations of a text as the PhraseMatcher finds them (of entries that share a phrase, the
    stronger source's first), then as the component takes them on."""
    from pipeline.rules.loader import occupation_rules
    from pipeline.rules.occupations import defined_acronyms, source_rank

    rules = {rule.id: rule for rule in occupation_rules()}
    ids = [(start, end, doc.vocab.strings[m]) for m, start, end in _gazetteer_matcher()(doc)]
    ids.sort(key=lambda f: (f[0], f[1], source_rank(rules[f[2]])))
    hits = longest_first([Hit(start, end, rules[rule_id].soc, rule_id) for start, end, rule_id in ids])
    return [(h.start, h.end, h.value, h.rule) for h in longest_first(hits + defined_acronyms(doc, hits))]


def test_occupations_are_what_a_phrase_matcher_finds() -> None:
    from pipeline.rules.loader import occupation_rules
    from pipeline.rules.occupations import forms, occupation_nlp

    nlp = occupation_nlp()
    texts = [form.title() for rule in occupation_rules() for phrase in rule.phrases for form in forms(phrase)]
    texts += ["Interpreters and translators", "janitor and cleaner", "Electrical, electronic, and electromechanical "
              "assembler", "Registered nurses (RNs) and licensed practical nurses: an RN earns more than LPNs.",
              "Paralegals and court reporters", "Chief Executive Officer vs. General and Operations Manager", "", " "]
    joined = [" and ".join(texts[i:i + 3]) for i in range(0, len(texts), 50)]
    for text in texts + joined:
        doc = nlp(text)
        got = [(s.start, s.end, s.label_, s.id_) for s in doc.spans["occupations"]]
        assert got == _phrase_matcher_spans(nlp.make_doc(text)), text
