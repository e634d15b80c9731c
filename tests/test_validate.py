from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import attrib
from attrib.validate import schema, validate_lines, violations

ROOT = Path(__file__).resolve().parent.parent


def test_published_schemas_are_the_packaged_ones():
    for name in ("attribution", "gold"):
        published = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert published == schema(name)
        Draft202012Validator.check_schema(published)


def test_real_outputs_validate_and_their_spans_are_exact(nlp, dev_records):
    for record in dev_records:
        result = attrib.extract(record["text"], id=record["id"], nlp=nlp).to_dict()
        assert violations(result, text=record["text"]) == [], record["id"]


def test_gold_files_follow_the_gold_schema():
    for split in ("dev", "test"):
        with open(ROOT / "corpus" / "gold" / f"{split}.jsonl", "rb") as handle:
            assert list(validate_lines(handle, name="gold")) == []


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda r: r.pop("quotes"), "'quotes' is a required property"),
        (lambda r: r["quotes"][0].update(type="quoted"), "'quoted' is not one of"),
        (lambda r: r["quotes"][0]["cue"].update(start=-1), "-1 is less than the minimum"),
        (lambda r: r.update(extra=1), "Additional properties are not allowed"),
    ],
)
def test_violations_are_reported(seed_result, mutate, expected):
    record = json.loads(json.dumps(seed_result))
    mutate(record)
    assert any(expected in problem for problem in violations(record))


def test_a_span_that_does_not_match_the_text_is_reported(seed_gold, seed_result):
    record = json.loads(json.dumps(seed_result))
    record["quotes"][0]["content"]["start"] += 1
    problems = violations(record, text=seed_gold["text"])
    assert problems and "quotes/0/content" in problems[0]


def test_validate_lines_names_the_line(seed_result):
    good = json.dumps(seed_result).encode()
    bad = json.dumps({**seed_result, "schema_version": "2.0"}).encode()
    error_record = b'{"id": "x", "line": 3, "error": {"code": "E104", "message": "bad"}}'
    found = list(validate_lines([good, bad, error_record, b"not json"]))
    assert [number for number, _ in found] == [2, 4]
