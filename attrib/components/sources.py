"""Stage 4: the outlet that carried each statement, and the article's own source line."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..arguments import ArgumentFinder
from ..sources import AgencyFinder, document_source
from .state import Draft, analysed_text


class SourceFinder:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> tuple[list[Draft], tuple[int, int] | None]:
        analysed = analysed_text(doc)
        drafts: list[Draft] = doc._.attrib_drafts or []
        finder = AgencyFinder(analysed, ArgumentFinder(analysed, doc._.attrib_cues or []))
        for draft in drafts:
            if draft.agency is not None:
                continue
            span = finder.agency(draft.args.frame_start, draft.args.frame_end, draft.cue.word)
            mention = draft.args.mention
            # an outlet speaking for itself («وقالت صحيفة التايمز») is the speaker, not a carrier
            if span is not None and mention is not None and span[0] < mention[1] and mention[0] < span[1]:
                span = None
            draft.agency = span
        return drafts, document_source(analysed)

    @staticmethod
    def set_annotations(doc: Doc, found: tuple[list[Draft], tuple[int, int] | None]) -> Doc:
        doc._.attrib_drafts, doc._.attrib_source = found
        return doc


@Language.factory(
    "attrib_sources",
    assigns=["doc._.attrib_drafts", "doc._.attrib_source"],
    requires=["doc._.attrib_drafts"],
)
def make_source_finder(nlp: Language, name: str) -> SourceFinder:
    return SourceFinder(nlp, name)
