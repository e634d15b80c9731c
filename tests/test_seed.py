"""The first regression: the article the project started from, against its gold annotation."""

from __future__ import annotations

from attrib.evaluate import content_f1, normalise_name, speaker_correct


def _matching(gold_quote: dict, predicted: list[dict]) -> dict | None:
    best = max(predicted, key=lambda p: content_f1(p["content"], gold_quote["content"]), default=None)
    if best is None or content_f1(best["content"], gold_quote["content"]) < 0.5:
        return None
    return best


def test_every_gold_attribution_is_found_with_its_speaker(seed_gold, seed_result):
    assert len(seed_gold["quotes"]) == 13
    for gold in seed_gold["quotes"]:
        found = _matching(gold, seed_result["quotes"])
        assert found is not None, f"missed: {gold['cue']['text']} {gold['content']['text'][:40]}"
        assert speaker_correct(found["speaker"], gold["speaker"]), (found["speaker"], gold["speaker"]["name"])
        assert found["type"] == gold["type"], gold["content"]["text"][:40]


def test_both_agencies_are_found(seed_result):
    agencies = {normalise_name(q["agency"]["name"]) for q in seed_result["quotes"] if q["agency"]}
    assert agencies == {normalise_name("وكالات الأنباء الروسية"), normalise_name("وكالة إنترفاكس")}


def test_the_source_line_is_the_document_source(seed_result):
    assert seed_result["source"]["text"] == "الجزيرة + وكالات"


def test_nothing_outside_gold_and_optional(seed_gold, seed_result):
    allowed = [g["content"] for g in seed_gold["quotes"]] + seed_gold["optional"]
    for quote in seed_result["quotes"]:
        overlaps = any(min(quote["content"]["end"], a["end"]) > max(quote["content"]["start"], a["start"]) for a in allowed)
        assert overlaps, f"spurious: {quote['cue']['text']} {quote['content']['text'][:40]}"


def test_every_span_is_exact(seed_gold, seed_result):
    text = seed_gold["text"]
    spans = [seed_result["source"]]
    for quote in seed_result["quotes"]:
        spans += [quote["cue"], quote["content"], quote["agency"], quote["addressee"]]
        if quote["speaker"]:
            spans.append(quote["speaker"]["mention"])
    for entity in seed_result["entities"]:
        spans += entity["mentions"]
    for span in filter(None, spans):
        assert text[span["start"]:span["end"]] == span["text"]
