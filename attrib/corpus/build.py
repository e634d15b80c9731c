"""Build `corpus/gold/{dev,test}.jsonl` from the anchor-form annotations in `corpus/anchor/`."""

from __future__ import annotations

import re
from pathlib import Path

import orjson

from .anchors import load_anchor_file

SPLITS = ("dev", "test")


def split_of(doc_id: str) -> str:
    """Seed in dev; numbered articles alternate (odd: dev, even: test), so every set and style is
    in both splits. Fixed by id, so adding articles never moves an old one."""
    if doc_id.startswith("seed-"):
        return "dev"
    number = re.search(r"(\d+)$", doc_id)
    if number is None:
        raise ValueError(f"cannot split {doc_id!r}: ids end in a number or start with 'seed-'")
    return "dev" if int(number.group(1)) % 2 else "test"


def build(anchor_dir: Path, gold_dir: Path) -> dict[str, dict[str, int]]:
    records: dict[str, list[dict]] = {split: [] for split in SPLITS}
    for path in sorted(anchor_dir.rglob("*.ann.json")):
        record = load_anchor_file(path)
        records[split_of(record["id"])].append(record)
    gold_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for split, items in records.items():
        items.sort(key=lambda r: r["id"])
        with open(gold_dir / f"{split}.jsonl", "wb") as out:
            for record in items:
                out.write(orjson.dumps(record) + b"\n")
        counts[split] = {"articles": len(items), "attributions": sum(len(r["quotes"]) for r in items)}
    return counts
