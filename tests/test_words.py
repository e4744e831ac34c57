"""``pipeline.rules.words`` reads lemminflect's lemma table by word: every answer is lemminflect's own."""

from __future__ import annotations

import lemminflect
import pytest

from pipeline.rules.words import _word_of, base_form, lemma_table, parts_of_speech


def test_the_table_lists_its_words_sorted_and_together() -> None:
    text = lemma_table().text
    words = [_word_of(line) for line in text.splitlines()]
    assert words == sorted(words)
    assert text.splitlines() == text.removesuffix("\n").split("\n")  # lines end with "\n" only


def test_every_word_of_the_table_reads_as_lemminflect_reads_it() -> None:
    table = lemma_table()
    words = dict.fromkeys(_word_of(line) for line in table.text.splitlines())
    for word in [*words, *table.overrides, "Nurses", "RUNNING", "Kiln", "zzyzx", ""]:
        assert table.lemmas(word) == lemminflect.getAllLemmas(word), word


@pytest.mark.parametrize("word", ["bakes", "balance", "staff", "dig", "operated", "kilns", "the"])
def test_base_form_is_lemminflect_verb_lemma(word: str) -> None:
    lemmas = lemminflect.getAllLemmas(word)
    assert parts_of_speech(word) == frozenset(lemmas)
    base = base_form(word)
    assert base is None or base == word or base == lemminflect.getLemma(word, upos="VERB")[0]
