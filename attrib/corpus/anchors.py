"""Resolve gold annotations written in anchor form (text plus unique context) to exact spans.

The rules are in `corpus/ANCHOR_FORMAT.md`. Anything missing or ambiguous raises `AnchorError`
naming the document, the attribution and the field, so an annotator can fix it at once.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from ..errors import AnchorError
from ..lang.ar import NormalizedView, fold

CONTENT_WINDOW = 300
_TRIM = " \t\n\u00a0.,،:;؛"
_SPAN_FIELDS = ("cue", "mention", "agency", "addressee")


class _Resolver:
    def __init__(self, doc_id: str, text: str):
        self.doc_id = doc_id
        self.text = text
        self.view = NormalizedView(text)

    def _pattern(self, anchor: str) -> re.Pattern:
        folded = fold(anchor).strip()
        if not folded:
            raise AnchorError(f"{self.doc_id}: empty anchor {anchor!r}")
        parts = [re.escape(piece) for piece in folded.split()]
        return re.compile(r"\s+".join(parts))

    def _occurrences(self, anchor: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
        hi = len(self.view.text) if hi is None else hi
        pattern = self._pattern(anchor)
        found = []
        pos = lo
        while True:
            match = pattern.search(self.view.text, pos, hi)
            if not match:
                return found
            found.append((match.start(), match.end()))
            pos = match.start() + 1

    def unique(self, anchor: str, where: str) -> tuple[int, int]:
        hits = self._occurrences(anchor)
        if len(hits) != 1:
            raise AnchorError(
                f"{self.doc_id}: {where}: {anchor!r} occurs {len(hits)} times in the text, needs exactly 1"
            )
        return hits[0]

    def inside_then_text(self, anchor: str, at: tuple[int, int], where: str) -> tuple[int, int]:
        inside = self._occurrences(anchor, at[0], at[1])
        if len(inside) == 1:
            return inside[0]
        if len(inside) > 1:
            raise AnchorError(f"{self.doc_id}: {where}: {anchor!r} occurs {len(inside)} times inside its 'at'")
        return self.unique(anchor, where)

    def content(self, anchor: str, at: tuple[int, int], where: str) -> tuple[int, int]:
        hits = self._occurrences(anchor)
        if len(hits) == 1:
            return hits[0]
        near = [h for h in hits if at[0] <= h[0] <= at[1] + CONTENT_WINDOW]
        if len(near) == 1:
            return near[0]
        raise AnchorError(
            f"{self.doc_id}: {where}: content {anchor[:40]!r}… occurs {len(hits)} times in the text and "
            f"{len(near)} times near its 'at'; pin it with content_at"
        )

    def pinned(self, item: dict, field: str, at: tuple[int, int] | None, where: str) -> tuple[int, int]:
        pin = item.get(f"{field}_at")
        if pin:
            pin_span = self.unique(pin, f"{where}.{field}_at")
            hits = self._occurrences(item[field], pin_span[0], pin_span[1])
            if len(hits) != 1:
                raise AnchorError(f"{self.doc_id}: {where}: {field} occurs {len(hits)} times inside {field}_at")
            return hits[0]
        if field == "content":
            return self.content(item[field], at, where)
        if at is None:
            return self.unique(item[field], f"{where}.{field}")
        return self.inside_then_text(item[field], at, f"{where}.{field}")

    def span(self, view_span: tuple[int, int]) -> dict:
        start, end = self.view.orig_span(*view_span)
        return {"text": self.text[start:end], "start": start, "end": end}


def canonical_name(entity: dict) -> str:
    names = entity.get("names") or []
    titles = entity.get("titles") or []
    if not names and not titles:
        raise AnchorError("an entity needs at least one name or title")
    return names[0] if names else titles[0]


def entity_aliases(entity: dict) -> list[str]:
    """The names a prediction may give: every personal/organisation name, or the titles if none."""
    return list(entity.get("names") or entity.get("titles") or [])


def resolve(ann: dict, text: str) -> dict:
    """Turn one anchor-form annotation into a gold record (the engine's output shape)."""
    doc_id = ann.get("id") or "<no id>"
    resolver = _Resolver(doc_id, text)
    entities = ann.get("entities") or {}
    quotes = []
    for n, item in enumerate(ann.get("attributions") or [], 1):
        where = f"attribution {n} ({item.get('cue')!r} at {item.get('at', '')[:30]!r})"
        for required in ("cue", "at", "content", "type"):
            if not item.get(required):
                raise AnchorError(f"{doc_id}: {where}: missing {required!r}")
        if item["type"] not in ("direct", "indirect", "mixed"):
            raise AnchorError(f"{doc_id}: {where}: type {item['type']!r} is not direct/indirect/mixed")
        at = resolver.unique(item["at"], f"{where}.at")
        quote: dict = {
            "type": item["type"],
            "cue": resolver.span(resolver.pinned(item, "cue", at, where)),
            "content": resolver.span(resolver.pinned(item, "content", at, where)),
            "speaker": None,
            "agency": None,
            "addressee": None,
        }
        if _TRIM.find(quote["content"]["text"][:1]) >= 0 or _TRIM.find(quote["content"]["text"][-1:]) >= 0:
            raise AnchorError(f"{doc_id}: {where}: content starts or ends with space or punctuation")
        speaker_key = item.get("speaker")
        if speaker_key is not None:
            if speaker_key not in entities:
                raise AnchorError(f"{doc_id}: {where}: speaker {speaker_key!r} is not in entities")
            entity = entities[speaker_key]
            quote["speaker"] = {
                "name": canonical_name(entity),
                "entity": speaker_key,
                "aliases": entity_aliases(entity),
                "mention": resolver.span(resolver.pinned(item, "mention", at, where)) if item.get("mention") else None,
            }
        elif item.get("mention"):
            raise AnchorError(f"{doc_id}: {where}: a mention without a speaker")
        for role in ("agency", "addressee"):
            if item.get(role):
                span = resolver.span(resolver.pinned(item, role, at, where))
                span["name"] = item.get(f"{role}_name") or span["text"]
                quote[role] = span
        quotes.append(quote)
    optional = []
    for n, item in enumerate(ann.get("optional") or [], 1):
        where = f"optional {n}"
        at = resolver.unique(item["at"], f"{where}.at")
        span = at
        if item.get("content"):
            content = resolver.pinned(item, "content", at, where)
            span = (min(at[0], content[0]), max(at[1], content[1]))
        optional.append(resolver.span(span))
    source = None
    if ann.get("document_source"):
        source = resolver.span(resolver.unique(ann["document_source"], "document_source"))
    return {
        "id": doc_id,
        "text": text,
        "meta": ann.get("meta") or {},
        "source": source,
        "quotes": sorted(quotes, key=lambda q: (q["cue"]["start"], q["content"]["start"])),
        "optional": optional,
    }


def load_anchor_file(path: Path) -> dict:
    ann = json.loads(path.read_text(encoding="utf-8"))
    text_path = path.parent / ann["text_file"]
    return resolve(ann, text_path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] != "check" or len(argv) < 2:
        print("usage: python -m attrib.corpus.anchors check FILE.ann.json…", file=sys.stderr)
        return 2
    failures = 0
    for name in argv[1:]:
        try:
            record = load_anchor_file(Path(name))
        except (AnchorError, OSError, json.JSONDecodeError, KeyError) as err:
            failures += 1
            print(f"FAIL {name}: {err}")
        else:
            print(f"ok   {name}: {len(record['quotes'])} attributions, {len(record['optional'])} optional")
    print(f"{len(argv) - 1 - failures} ok, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
