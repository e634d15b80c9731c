from __future__ import annotations

import pytest
import spacy

import attrib
from attrib.errors import EmptyTextError, InputTypeError, TextTooLongError
from attrib.pipeline import STAGES, check_text
from attrib.result import AttributionResult


def test_load_builds_the_five_stages(nlp):
    assert nlp.lang == "ar"
    assert tuple(nlp.pipe_names) == STAGES


def test_stages_can_be_added_by_name_to_a_blank_pipeline():
    nlp = spacy.blank("ar")
    for stage in STAGES:
        nlp.add_pipe(stage)
    doc = nlp("وقال الوزير إن الاتفاق سيوقع غدا.")
    assert [q.cue.span.text for q in doc._.quotes] == ["قال"]


def test_stages_are_registered_as_spacy_factories_entry_points():
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(STAGES) <= names


def test_extract_returns_a_typed_result(nlp):
    result = attrib.extract("وقالت الوزيرة: \"لن نتراجع\".", id="doc-1", nlp=nlp)
    assert isinstance(result, AttributionResult)
    assert result.id == "doc-1"
    (quote,) = result.quotes
    assert (quote.type, quote.content.text, quote.speaker.name) == ("direct", "لن نتراجع", "الوزيرة")
    assert result.to_json().startswith(b'{"schema_version":"1.0"')


def test_the_doc_carries_the_same_result(nlp):
    doc = nlp("وأكد المتحدث أن المفاوضات مستمرة.")
    assert doc._.attribution.to_dict()["quotes"] == [q.to_dict() for q in doc._.quotes]
    assert [s.text for s in doc.spans["attrib_cues"]] == ["وأكد"]


@pytest.mark.parametrize(
    "bad, error",
    [(None, InputTypeError), (b"bytes", InputTypeError), ("", EmptyTextError), ("  \n\t", EmptyTextError)],
)
def test_bad_input_raises_a_coded_error(bad, error):
    with pytest.raises(error) as raised:
        attrib.extract(bad)
    assert raised.value.code.startswith("E1")


def test_a_text_over_the_limit_is_refused():
    with pytest.raises(TextTooLongError):
        check_text("قال " * 10, max_chars=20)


def test_sentences_split_at_line_breaks_and_final_punctuation(nlp):
    doc = nlp("عنوان الخبر\nقال الوزير إن الوضع مستقر. وأضاف أن الجهود مستمرة")
    assert [s.text.strip() for s in doc.sents] == ["عنوان الخبر", "قال الوزير إن الوضع مستقر.", "وأضاف أن الجهود مستمرة"]
