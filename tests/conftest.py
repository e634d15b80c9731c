from __future__ import annotations

import json
from pathlib import Path

import pytest

import attrib
from attrib.corpus.anchors import load_anchor_file

ROOT = Path(__file__).resolve().parent.parent
SEED_ANN = ROOT / "corpus" / "anchor" / "seed" / "aljazeera-russia-turkey-syria.ann.json"
GOLD_DIR = ROOT / "corpus" / "gold"


@pytest.fixture(scope="session")
def nlp():
    return attrib.load()


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return load_anchor_file(SEED_ANN)


@pytest.fixture(scope="session")
def seed_result(nlp, seed_gold) -> dict:
    return attrib.extract(seed_gold["text"], id=seed_gold["id"], nlp=nlp).to_dict()


@pytest.fixture(scope="session")
def dev_records() -> list[dict]:
    with open(GOLD_DIR / "dev.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
