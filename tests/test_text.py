"""The words of the analysed text and the scans over them, checked against plain Python loops."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attrib import entities
from attrib.arguments import is_title_head
from attrib.components.sentences import _sentence_openers
from attrib.cues import load_cue_lexicon
from attrib.text import (
    _INVISIBLE,
    _QUOTE_MARKS,
    SENTENCE_END,
    WORD_RE,
    AnalysedText,
    _clean_name,
)

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


def plain_sentence_openers(words):
    previous = -1
    for word in words:
        if word.sentence != previous and word.text != "\n":
            previous = word.sentence
            yield word


@settings(max_examples=500, deadline=None, database=None)
@given(texts)
def test_sentence_openers_are_those_of_a_plain_scan(text):
    analysed = AnalysedText(text)
    assert _sentence_openers(analysed) == list(plain_sentence_openers(analysed.words))


@pytest.mark.parametrize(
    "text, cues",
    [
        ("وأضاف على حد قوله", ["أضاف", "على حد قوله"]),  # a cue leaves its proclitic out
        ("وأضاف على حد", ["أضاف"]),  # the phrase would run past the end
        ("وفقا لمصادر", ["وفقا"]),
        ("وفقا", []),  # the word it needs next is missing
    ],
)
def test_cue_phrases_at_the_end_of_the_text(text, cues):
    analysed = AnalysedText(text)
    found = load_cue_lexicon().find(analysed)
    assert [text[slice(*analysed.view.orig_span(cue.start, cue.end))] for cue in found] == cues


def test_title_heads_are_remembered_within_bounds(monkeypatch):
    monkeypatch.setattr(entities, "WORD_CACHE_SIZE", 3)
    opens_title = entities._OpensTitle()
    for word in ["وزير", "الوزيرة", "قال", "نظيره", "ولوزير", "بيت", "زميلها"]:
        assert opens_title[word] == (is_title_head(word) or word in entities.COUNTERPART)
        assert len(opens_title) <= 3


@settings(max_examples=1000, deadline=None, database=None)
@given(st.lists(st.sampled_from(["قال", "x", " ", "\n", "\t", "`", "'", '"', "«", "»", "“", "‹", "\u200f", "\u200b"]),
                max_size=12).map("".join))
def test_names_are_cleaned_as_both_substitutions_clean_them(text):
    assert _clean_name(text) == " ".join(_QUOTE_MARKS.sub(" ", _INVISIBLE.sub("", text)).split())
