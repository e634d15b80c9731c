"""The engine on 782 real articles it was not tuned on: it never fails, every result follows the
schema, and every span is the exact slice of the input. Read from `../shared/pool/` at test time;
the articles' licences do not allow copying them into the repository."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from attrib.validate import violations

POOL = Path(__file__).resolve().parent.parent.parent / "shared" / "pool" / "news-ar.jsonl"


@pytest.mark.skipif(not POOL.exists(), reason="the article pool is not beside this checkout (../shared/pool)")
def test_every_pool_article_gives_a_valid_exact_result(nlp):
    records = [orjson.loads(line) for line in POOL.read_bytes().splitlines() if line.strip()]
    assert len(records) >= 700
    problems = {}
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        doc.user_data["attrib_id"] = record["id"]
        found = violations(doc._.attribution.to_dict(), text=record["text"])
        if found:
            problems[record["id"]] = found[:3]
    assert problems == {}
