"""The typed result, named after its roles, and its JSON form (schema `attribution.schema.json`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import orjson

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class Span:
    """`text == original[start:end]`, offsets in Unicode code points, end exclusive."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, original: str, start: int, end: int) -> "Span":
        return cls(start, end, original[start:end])

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Cue:
    span: Span
    lemma: str
    cue_class: str

    def to_dict(self) -> dict:
        return {**self.span.to_dict(), "lemma": self.lemma, "class": self.cue_class}


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    entity: str
    mention: Span | None
    resolution: str  # explicit | anaphora

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "entity": self.entity,
            "mention": self.mention.to_dict() if self.mention else None,
            "resolution": self.resolution,
        }


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """An agency or an addressee: the phrase as written, and the name it stands for."""

    name: str
    span: Span

    def to_dict(self) -> dict:
        return {"name": self.name, **self.span.to_dict()}


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    type: str
    cue: Cue
    content: Span
    speaker: Speaker | None
    agency: NamedSpan | None
    addressee: NamedSpan | None
    confidence: float

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "agency": self.agency.to_dict() if self.agency else None,
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    kind: str
    mentions: tuple[Span, ...]

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "kind": self.kind, "mentions": [m.to_dict() for m in self.mentions]}


@dataclass(frozen=True, slots=True)
class AttributionResult:
    id: str | None
    source: Span | None
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...] = field(default=())

    def to_dict(self) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "source": self.source.to_dict() if self.source else None,
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
        }

    def to_json(self) -> bytes:
        return orjson.dumps(self.to_dict())
