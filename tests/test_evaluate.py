from __future__ import annotations

import pytest

from attrib.evaluate import content_f1, match, normalise_name, score_document, speaker_correct


def span(start, end, text="x"):
    return {"text": text, "start": start, "end": end}


def quote(cue, content, name=None, agency=None, type_="indirect"):
    speaker = {"name": name, "aliases": [name], "mention": None} if name else None
    return {"type": type_, "cue": span(*cue), "content": span(*content), "speaker": speaker,
            "agency": span(*agency) if agency else None, "addressee": None}


def test_content_f1_is_character_overlap():
    assert content_f1(span(0, 10), span(0, 10)) == 1.0
    assert content_f1(span(0, 10), span(10, 20)) == 0.0
    assert content_f1(span(0, 10), span(5, 15)) == pytest.approx(0.5)


def test_matching_is_one_to_one_best_first():
    gold = [quote((0, 3), (10, 30)), quote((40, 43), (50, 60))]
    predicted = [quote((40, 43), (50, 58)), quote((0, 3), (12, 30)), quote((0, 3), (11, 20))]
    assert sorted(match(predicted, gold)) == [(0, 1), (1, 0)]


def test_cue_overlap_with_any_content_overlap_matches():
    assert match([quote((0, 3), (10, 12))], [quote((1, 3), (11, 40))]) == [(0, 0)]


def test_names_are_compared_ignoring_diacritics_and_variants():
    assert normalise_name("مَوْلُود تشاويش أوغلو") == normalise_name("مولود تشاويش اوغلو")
    gold = {"name": "سيرغي لافروف", "aliases": ["سيرغي لافروف", "لافروف"], "mention": None}
    assert speaker_correct({"name": "لافروف"}, gold)
    assert not speaker_correct({"name": "بوتين"}, gold)
    assert speaker_correct(None, None) and not speaker_correct(None, gold)


def test_document_score_counts_end_to_end_and_ignores_optional_hits():
    gold = {"id": "d", "text": "x" * 100, "quotes": [quote((0, 3), (10, 30), "أ"), quote((40, 43), (50, 60), "ب")],
            "optional": [span(70, 90)]}
    predicted = {"quotes": [quote((0, 3), (10, 30), "أ"), quote((40, 43), (50, 60), "ج"),
                            quote((70, 73), (75, 85), "د"), quote((92, 94), (95, 99), "ه")]}
    errors = []
    tally = score_document(gold, predicted, errors)
    assert (tally.gold, tally.predicted, tally.matched, tally.e2e) == (2, 3, 2, 1)
    assert sorted(e["kind"] for e in errors) == ["spurious", "wrong speaker"]
