"""The words of the analysed text, checked against a plain Python loop."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from attrib.text import SENTENCE_END, WORD_RE, AnalysedText

PIECES = ["قال", "وزير", "د", "م", "2", "2.5", "3,5", "``", "''", "«", "»", "“", "”", " ", " ", " ", "\n", "\t",
          ".", "!", "?", "؟", "،", ",", ":", ";", "؛", "(", ")", '"', "\u064e", "\u200f", "\u00a0"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def plain_words(text: str) -> list[tuple]:
    words, position, sentence, paragraph = [], 0, 0, 0
    for index, token in enumerate(WORD_RE.findall(text)):
        position = text.find(token, position)
        words.append((index, position, position + len(token), token, sentence, paragraph))
        position += len(token)
        sentence += token in SENTENCE_END
        paragraph += token == "\n"
    return words


@settings(max_examples=500, deadline=None, database=None)
@given(texts)
def test_words_are_those_of_a_plain_scan(text):
    analysed = AnalysedText(text)
    assert [tuple(word) for word in analysed.words] == plain_words(analysed.text)
    assert analysed.tokens == [word.text for word in analysed.words]


@settings(max_examples=500, deadline=None, database=None)
@given(texts)
def test_quotation_marks_and_line_breaks_are_words_of_their_own(text):
    """What lets quotation pairing find them in the text rather than among the words."""
    analysed = AnalysedText(text)
    for mark in ('"', "\n"):
        assert [w.start for w in analysed.words if w.text == mark] == [
            m.start() for m in re.finditer(mark, analysed.text)]
