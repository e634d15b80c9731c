"""Score the engine against gold sets exactly as `ANNOTATION.md` defines.

A prediction matches a gold attribution when their contents overlap with character F1 >= 0.5, or
when their cues overlap and their contents overlap at all; matching is one-to-one, best first.
Predictions that only hit an optional item are neither rewarded nor penalised.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from spacy.language import Language

from .lang.ar import fold
from .pipeline import load

_NAME_PUNCT = re.compile(r'[\s"«»“”„‹›‘’\'.,،:;؛()\-–—_/]+')


def normalise_name(name: str) -> str:
    return _NAME_PUNCT.sub(" ", fold(name)).strip()


def _overlap(a: dict | None, b: dict | None) -> int:
    if not a or not b:
        return 0
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def content_f1(a: dict, b: dict) -> float:
    shared = _overlap(a, b)
    if not shared:
        return 0.0
    precision = shared / (a["end"] - a["start"])
    recall = shared / (b["end"] - b["start"])
    return 2 * precision * recall / (precision + recall)


def speaker_correct(predicted: dict | None, gold: dict | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    names = {normalise_name(n) for n in gold["aliases"]} | {normalise_name(gold["name"])}
    return normalise_name(predicted["name"]) in names


def role_correct(predicted: dict | None, gold: dict | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return _overlap(predicted, gold) > 0


def match(predicted: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            f1 = content_f1(p["content"], g["content"])
            if f1 >= 0.5 or (_overlap(p["cue"], g["cue"]) and _overlap(p["content"], g["content"])):
                candidates.append((f1 + (1.0 if _overlap(p["cue"], g["cue"]) else 0.0), i, j))
    pairs, used_p, used_g = [], set(), set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return pairs


ROLES = ("cue", "type", "speaker", "agency", "addressee", "exact_content")


@dataclass
class Tally:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    e2e: int = 0
    roles: dict = field(default_factory=lambda: defaultdict(int))
    gold_cues_found: int = 0
    predicted_cues_right: int = 0
    gold_cues_detected: int = 0

    def add(self, other: "Tally") -> None:
        for name in ("documents", "gold", "predicted", "matched", "e2e", "gold_cues_found", "predicted_cues_right",
                     "gold_cues_detected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for role, value in other.roles.items():
            self.roles[role] += value

    def summary(self) -> dict:
        def ratio(a, b):
            return round(a / b, 4) if b else 0.0

        def f1(p, r):
            return round(2 * p * r / (p + r), 4) if p + r else 0.0

        precision, recall = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        e2e_p, e2e_r = ratio(self.e2e, self.predicted), ratio(self.e2e, self.gold)
        out = {
            "documents": self.documents, "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "precision": precision, "recall": recall, "f1": f1(precision, recall),
            "e2e_precision": e2e_p, "e2e_recall": e2e_r, "e2e_f1": f1(e2e_p, e2e_r),
            "cue_precision": ratio(self.predicted_cues_right, self.predicted),
            "cue_recall": ratio(self.gold_cues_found, self.gold),
            "cue_detection_recall": ratio(self.gold_cues_detected, self.gold),
        }
        for role in ROLES:
            key = "exact_content" if role == "exact_content" else f"{role}_accuracy"
            out[key] = ratio(self.roles[role], self.matched)
        return out


def score_document(gold: dict, predicted: dict, errors: list | None = None,
                   detected_cues: list[dict] | None = None) -> Tally:
    """Score one document; `detected_cues` are the cue stage's spans, before any content rule."""
    tally = Tally(documents=1)
    optional = gold.get("optional") or []
    kept = [
        p for p in predicted["quotes"]
        if not (
            not any(_overlap(p["cue"], g["cue"]) or content_f1(p["content"], g["content"]) >= 0.5 for g in gold["quotes"])
            and any(_overlap(p["cue"], o) or _overlap(p["content"], o) for o in optional)
        )
    ]
    tally.gold = len(gold["quotes"])
    tally.predicted = len(kept)
    pairs = match(kept, gold["quotes"])
    tally.matched = len(pairs)
    tally.gold_cues_found = sum(1 for g in gold["quotes"] if any(_overlap(p["cue"], g["cue"]) for p in kept))
    tally.predicted_cues_right = sum(1 for p in kept if any(_overlap(p["cue"], g["cue"]) for g in gold["quotes"]))
    if detected_cues is not None:
        tally.gold_cues_detected = sum(1 for g in gold["quotes"] if any(_overlap(c, g["cue"]) for c in detected_cues))
    for i, j in pairs:
        p, g = kept[i], gold["quotes"][j]
        right_speaker = speaker_correct(p["speaker"], g["speaker"])
        checks = {
            "cue": _overlap(p["cue"], g["cue"]) > 0,
            "type": p["type"] == g["type"],
            "speaker": right_speaker,
            "agency": role_correct(p["agency"], g["agency"]),
            "addressee": role_correct(p["addressee"], g["addressee"]),
            "exact_content": (p["content"]["start"], p["content"]["end"]) == (g["content"]["start"], g["content"]["end"]),
        }
        for role, ok in checks.items():
            tally.roles[role] += ok
        tally.e2e += right_speaker
        if errors is not None:
            if not right_speaker:
                errors.append(_error("wrong speaker", gold, g, p))
            if not checks["agency"]:
                errors.append(_error("wrong agency", gold, g, p))
    if errors is not None:
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        errors.extend(_error("missed", gold, g, None) for j, g in enumerate(gold["quotes"]) if j not in matched_g)
        errors.extend(_error("spurious", gold, None, p) for i, p in enumerate(kept) if i not in matched_p)
    return tally


def _context(text: str, span: dict, width: int = 60) -> str:
    return (text[max(0, span["start"] - width):span["start"]] + "⟦" + text[span["start"]:span["end"]] + "⟧"
            + text[span["end"]:span["end"] + 20]).replace("\n", " ⏎ ")


def _who(quote: dict | None) -> str | None:
    if quote is None or quote["speaker"] is None:
        return None
    return quote["speaker"]["name"]


def _error(kind: str, doc: dict, gold: dict | None, predicted: dict | None) -> dict:
    anchor = (gold or predicted)["cue"]
    return {
        "kind": kind, "doc": doc["id"], "cue": anchor["text"], "at": anchor["start"],
        "gold_speaker": _who(gold), "predicted_speaker": _who(predicted),
        "gold_agency": gold and gold["agency"] and gold["agency"]["text"],
        "predicted_agency": predicted and predicted["agency"] and predicted["agency"]["text"],
        "context": _context(doc["text"], anchor),
        "gold_content": gold and gold["content"]["text"][:100],
        "predicted_content": predicted and predicted["content"]["text"][:100],
    }


def read_gold(paths: list[Path]):
    for path in paths:
        with open(path, "rb") as handle:
            for line in handle:
                if line.strip():
                    yield orjson.loads(line)


def evaluate(paths: list[Path], nlp: Language | None = None, collect_errors: bool = False) -> dict:
    nlp = nlp or load()
    total = Tally()
    by_outlet: dict[str, Tally] = defaultdict(Tally)
    errors: list | None = [] if collect_errors else None
    records = list(read_gold(paths))
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        predicted = doc._.attribution.to_dict()
        view = doc._.attrib_text.view
        detected = [dict(zip(("start", "end"), view.orig_span(c.start, c.end))) for c in doc._.attrib_cues]
        tally = score_document(record, predicted, errors, detected)
        total.add(tally)
        by_outlet[_outlet_group(record)].add(tally)
    result = total.summary()
    result["by_outlet"] = {name: t.summary() for name, t in sorted(by_outlet.items())}
    if errors is not None:
        result["errors"] = errors
    return result


def _outlet_group(record: dict) -> str:
    outlet = record.get("meta", {}).get("outlet", "unknown")
    return "attrib written" if outlet.startswith("attrib written") else outlet


def format_table(result: dict) -> str:
    columns = ("documents", "gold", "predicted", "precision", "recall", "f1", "e2e_f1", "cue_accuracy",
               "type_accuracy", "speaker_accuracy", "agency_accuracy", "exact_content")
    header = ("", "docs", "gold", "pred", "P", "R", "F1", "e2e F1", "cue", "type", "speaker", "agency", "exact")
    rows = [("all", *(result[c] for c in columns))]
    rows += [(name, *(s[c] for c in columns)) for name, s in result["by_outlet"].items()]
    width = max(len(r[0]) for r in rows)
    lines = [" ".join([header[0].ljust(width)] + [h.rjust(7) for h in header[1:]])]
    for row in rows:
        cells = [str(v) if isinstance(v, int) else f"{v:.3f}" for v in row[1:]]
        lines.append(" ".join([row[0].ljust(width)] + [c.rjust(7) for c in cells]))
    lines.append(f"cue precision {result['cue_precision']:.3f}  cue recall {result['cue_recall']:.3f}  "
                 f"cue detection recall {result['cue_detection_recall']:.3f}  "
                 f"addressee accuracy {result['addressee_accuracy']:.3f}")
    return "\n".join(lines)
