"""Rebuild `benchmarks/data/sample.jsonl`, the fallback corpus for a plain clone.

Only texts we may redistribute: the gold articles whose licence is CC BY (Arabic Wikinews, CC BY 2.5,
and the articles written for the project, CC BY 4.0). The seed article and the research-only pool in
`../shared/pool/` are left out. Run from the repository root: `python benchmarks/make_sample.py`.
"""

from __future__ import annotations

from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
GOLD = [ROOT / "corpus" / "gold" / "dev.jsonl", ROOT / "corpus" / "gold" / "test.jsonl"]
SAMPLE = ROOT / "benchmarks" / "data" / "sample.jsonl"


def redistributable(record: dict) -> bool:
    return record["meta"]["licence"].startswith("CC BY")


def main() -> None:
    records = [orjson.loads(line) for path in GOLD for line in path.read_bytes().splitlines()]
    kept = sorted(({"id": r["id"], "text": r["text"]} for r in records if redistributable(r)), key=lambda r: r["id"])
    SAMPLE.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in kept))
    print(f"{SAMPLE.relative_to(ROOT)}: {len(kept)} of {len(records)} gold articles")


if __name__ == "__main__":
    main()
