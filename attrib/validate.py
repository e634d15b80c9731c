"""Check result files against the published JSON Schema and the offset contract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

import orjson
from jsonschema import Draft202012Validator


@lru_cache(maxsize=None)
def schema(name: str = "attribution") -> dict:
    return json.loads((resources.files("attrib") / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def validator(name: str = "attribution") -> Draft202012Validator:
    return Draft202012Validator(schema(name))


def violations(record: dict, text: str | None = None, name: str = "attribution") -> list[str]:
    """Schema violations of one record, plus span-text mismatches when the input text is known."""
    problems = [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
                for e in validator(name).iter_errors(record)]
    if text is not None and not problems:
        for path, span in _spans(record):
            if text[span["start"]:span["end"]] != span["text"]:
                problems.append(f"{path}: text {span['text']!r} != input[{span['start']}:{span['end']}]")
    return problems


def _spans(record: dict):
    if record.get("source"):
        yield "source", record["source"]
    for n, quote in enumerate(record.get("quotes", [])):
        for role in ("cue", "content", "agency", "addressee"):
            if quote.get(role):
                yield f"quotes/{n}/{role}", quote[role]
        speaker = quote.get("speaker")
        if speaker and speaker.get("mention"):
            yield f"quotes/{n}/speaker/mention", speaker["mention"]


def validate_lines(lines, name: str = "attribution") -> Iterator[tuple[int, list[str]]]:
    """(line number, problems) for each invalid line; error records from a batch run are valid."""
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            record = orjson.loads(raw)
        except orjson.JSONDecodeError as err:
            yield number, [f"not JSON: {err}"]
            continue
        if isinstance(record, dict) and "error" in record and "line" in record:
            continue
        problems = violations(record, name=name) if isinstance(record, dict) else ["not a JSON object"]
        if problems:
            yield number, problems
