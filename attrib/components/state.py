"""What the stages hand each other on a Doc, through `Doc._` extensions."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..arguments import Arguments
from ..cues import Cue
from ..entities import Entity
from ..text import AnalysedText


RAW_TEXT_KEY = "attrib_raw_text"


@dataclass(slots=True)
class Draft:
    """One attribution while the stages fill it in (view positions)."""

    cue: Cue
    args: Arguments
    entity: Entity | None = None
    resolution: str | None = None
    agency: tuple[int, int] | None = None
    confidence: float = 0.0


def analysed_text(doc: Doc) -> AnalysedText:
    """The normalised view of the Doc's text, built once per Doc (a Doc's text never changes)."""
    cached = doc.user_data.get("attrib_text")
    if cached is None:
        # attrib.load()'s tokenizer keeps the caller's string; rebuilding doc.text costs a pass
        cached = AnalysedText(doc.user_data.pop(RAW_TEXT_KEY, None) or doc.text)
        doc.user_data["attrib_text"] = cached
    return cached


def _register() -> None:
    if Doc.has_extension("attrib_text"):
        return
    Doc.set_extension("attrib_text", getter=analysed_text)
    Doc.set_extension("attrib_cues", default=None)
    Doc.set_extension("attrib_drafts", default=None)
    Doc.set_extension("attrib_entities", default=None)
    Doc.set_extension("attrib_source", default=None)
    from ..assemble import assemble

    Doc.set_extension("attribution", getter=assemble)
    Doc.set_extension("quotes", getter=lambda doc: assemble(doc).quotes)


_register()
