from __future__ import annotations

import pytest

from attrib.corpus.anchors import resolve
from attrib.corpus.build import split_of
from attrib.errors import AnchorError

TEXT = "وقال الوزير إن الخطة جاهزة. وقال الوزير إن التمويل متوفر.\nوأضاف أن العمل يبدأ غدا."


def _ann(**attribution):
    base = {"cue": "قال", "at": "وقال الوزير إن الخطة", "content": "الخطة جاهزة", "type": "indirect",
            "speaker": "minister", "mention": "الوزير"}
    base.update(attribution)
    return {"id": "t", "entities": {"minister": {"names": [], "titles": ["الوزير"]}}, "attributions": [base]}


def test_anchors_resolve_to_exact_spans():
    record = resolve(_ann(), TEXT)
    (quote,) = record["quotes"]
    for role in ("cue", "content"):
        span = quote[role]
        assert TEXT[span["start"]:span["end"]] == span["text"]
    assert quote["speaker"] == {"name": "الوزير", "entity": "minister", "aliases": ["الوزير"],
                                "mention": {"text": "الوزير", "start": 5, "end": 11}}


def test_anchors_match_through_diacritics_and_keep_the_original_text():
    text = "وَقَالَ الْوَزِيرُ إِنَّ الْخُطَّةَ جَاهِزَةٌ."
    record = resolve(_ann(at="وقال الوزير إن", content="الخطة جاهزة"), text)
    assert record["quotes"][0]["content"]["text"] == "الْخُطَّةَ جَاهِزَةٌ"


@pytest.mark.parametrize(
    "attribution, message",
    [
        ({"at": "وقال الوزير إن"}, "occurs 2 times"),
        ({"at": "لا يوجد هذا النص"}, "occurs 0 times"),
        ({"content": "غير موجود"}, "occurs 0 times"),
        ({"speaker": "nobody"}, "is not in entities"),
        ({"type": "quoted"}, "is not direct/indirect/mixed"),
        ({"content": "الخطة جاهزة."}, "starts or ends with space or punctuation"),
        ({"cue": None}, "missing 'cue'"),
    ],
)
def test_anything_ambiguous_or_missing_fails_loudly(attribution, message):
    with pytest.raises(AnchorError) as raised:
        resolve(_ann(**attribution), TEXT)
    assert message in str(raised.value)


def test_a_repeated_content_is_pinned_by_its_own_context():
    text = "قال الوزير إن الوضع مستقر. وقال المتحدث إن الوضع مستقر."
    ann = _ann(at="وقال المتحدث", content="الوضع مستقر", mention=None)
    assert resolve(ann, text)["quotes"][0]["content"]["start"] == text.rindex("الوضع مستقر")
    ann["attributions"][0]["content_at"] = "قال الوزير إن الوضع مستقر"
    assert resolve(ann, text)["quotes"][0]["content"]["start"] == text.index("الوضع مستقر")


@pytest.mark.parametrize("doc_id, split", [("seed-x", "dev"), ("wikinews-3", "dev"), ("wikinews-4", "test"),
                                           ("written-a11", "dev"), ("written-b12", "test")])
def test_splits_are_fixed_by_id(doc_id, split):
    assert split_of(doc_id) == split
