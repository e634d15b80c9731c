"""The texts the invariance tests run on: the seed, the dev gold set, and a fixed sample of the
shared news pool (read at test time from `../shared/pool/news-ar.jsonl`, never copied here)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED_PATH = ROOT / "corpus" / "anchor" / "seed" / "aljazeera-russia-turkey-syria.txt"
DEV_PATH = ROOT / "corpus" / "gold" / "dev.jsonl"
POOL_PATH = ROOT.parent / "shared" / "pool" / "news-ar.jsonl"

# One or two articles per phenomenon the normalisation must absorb.
POOL_SAMPLE = (
    "ant-48",  # ASCII quotes, NBSP, tatweel
    "ant-30",  # ASCII and single curly quotes
    "bbc-22",  # ASCII quotes
    "bbc-120",  # ASCII and single curly quotes
    "saudinewsnet-142",  # ASCII quotes, tatweel
    "saudinewsnet-192",  # guillemets
    "saudinewsnet-181",  # presentation forms
    "saudinewsnet-95",  # RLM marks
    "saudinewsnet-264",  # curly quotes
    "saudinewsnet-277",  # curly quotes, NBSP, RLM
    "wikinews-12",  # fully vocalised
    "dw-14",  # PTB `` '' quotes
)


@lru_cache(maxsize=None)
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def dev_texts() -> dict[str, str]:
    with DEV_PATH.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return {f"dev:{r['id']}": r["text"] for r in records}


@lru_cache(maxsize=None)
def pool_texts() -> dict[str, str]:
    """The sample of pool articles that exist (empty when the pool is absent)."""
    if not POOL_PATH.exists():
        return {}
    wanted = set(POOL_SAMPLE)
    found = {}
    with POOL_PATH.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("id") in wanted:
                found[record["id"]] = record["text"]
    return {f"pool:{key}": found[key] for key in POOL_SAMPLE if key in found}


def all_texts() -> dict[str, str]:
    return {"seed": seed_text(), **dev_texts(), **pool_texts()}
