"""Stage 1: mark reporting cues (verbs, participles, masdars, source prepositions)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..cues import Cue, load_cue_lexicon
from .state import analysed_text


class CueFinder:
    def __init__(self, nlp: Language, name: str, *, verbs: str, phrases: str, exclusions: str):
        self.name = name
        self.lexicon = load_cue_lexicon(verbs, phrases, exclusions)

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[Cue]:
        return self.lexicon.find(analysed_text(doc))

    def set_annotations(self, doc: Doc, cues: list[Cue]) -> Doc:
        doc._.attrib_cues = cues
        view = analysed_text(doc).view
        spans = []
        for cue in cues:
            start, end = view.orig_span(cue.start, cue.end)
            span = doc.char_span(start, end, label=cue.form.cue_class, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["attrib_cues"] = spans
        return doc


@Language.factory(
    "attrib_cues",
    assigns=["doc._.attrib_cues", "doc.spans"],
    default_config={"verbs": "reporting_verbs.v1", "phrases": "cue_phrases.v1", "exclusions": "cue_exclusions.v1"},
)
def make_cue_finder(nlp: Language, name: str, verbs: str, phrases: str, exclusions: str) -> CueFinder:
    return CueFinder(nlp, name, verbs=verbs, phrases=phrases, exclusions=exclusions)
