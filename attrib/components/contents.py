"""Stage 2: what each cue's statement says (content span, type) and the phrases it governs."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..arguments import ArgumentFinder
from .state import Draft, analysed_text

# A cue inside a quotation longer than this is part of someone's words, not a new attribution.
NESTED_QUOTE_MIN_WORDS = 4


class ContentFinder:
    def __init__(self, nlp: Language, name: str, *, keep_nested_in_quotes: bool):
        self.name = name
        self.keep_nested_in_quotes = keep_nested_in_quotes

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[Draft]:
        analysed = analysed_text(doc)
        cues = doc._.attrib_cues or []
        cues = [cue for cue in cues if self._outside_quotations(analysed, cue)]
        # Two passes: a cue that turns out to govern nothing («مطالبة» as an adjective) must not cut
        # short the statement before it.
        first = ArgumentFinder(analysed, cues)
        found = [(cue, first.analyse(cue)) for cue in cues]
        silent = sorted(cue.word for cue, args in found if args is None)
        finder = ArgumentFinder(analysed, [cue for cue, args in found if args is not None])
        drafts = []
        for cue, args in found:
            if args is None:
                continue
            last = analysed.word_at(max(args.content[1] - 1, 0))
            if any(cue.word < word <= last + 1 for word in silent):
                args = finder.analyse(cue)
            if args is not None and args.content[1] > args.content[0]:
                drafts.append(Draft(cue, args))
        return _one_cue_per_content(drafts, finder)

    def _outside_quotations(self, analysed, cue) -> bool:
        quotation = analysed.inside_quotation(cue.start)
        if quotation is None or self.keep_nested_in_quotes:
            return True
        return len(analysed.text[quotation.inner_start:quotation.inner_end].split()) < NESTED_QUOTE_MIN_WORDS

    @staticmethod
    def set_annotations(doc: Doc, drafts: list[Draft]) -> Doc:
        doc._.attrib_drafts = drafts
        view = analysed_text(doc).view
        spans = []
        for draft in drafts:
            start, end = view.orig_span(*draft.args.content)
            span = doc.char_span(start, end, label=draft.args.quote_type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["attrib_contents"] = spans
        return doc


TRANSMISSION_LEMMAS = frozenset(("نسب", "نقل"))
TRANSMISSION_REACH = 16  # words from نسبت/نقلت to the «قوله» that carries the statement


def _one_cue_per_content(drafts: list[Draft], finder: ArgumentFinder) -> list[Draft]:
    """Two cues claiming the same content are one statement: «وقال في بيان إن …» has one cue, قال;
    «نسبت وكالة X لـY قوله إن …» has one too, قوله. A source preposition whose host clause holds
    another cue only qualifies that cue («ذكرت رويترز نقلا عن مسؤول أن …»)."""
    by_start: dict[int, Draft] = {}
    for draft in drafts:
        key = draft.args.content[0]
        kept = by_start.get(key)
        if kept is None:
            by_start[key] = draft
        elif draft.args.mention is not None and (draft.cue.form.kind == "noun" or kept.args.mention is None):
            by_start[key] = draft  # «وفي شرح للمقارنة … قال أحد خبراء الشركة: إن …»: the one that names a speaker
    result: list[Draft] = []
    quoted_sayings = [d for d in drafts if d.cue.form.kind == "noun" and d.args.mention is not None]
    for draft in sorted(by_start.values(), key=lambda d: d.cue.start):
        if draft.cue.form.lemma in TRANSMISSION_LEMMAS and any(
                0 < saying.cue.word - draft.cue.word <= TRANSMISSION_REACH
                and finder.words[saying.cue.word].sentence == finder.words[draft.cue.word].sentence
                for saying in quoted_sayings):
            continue  # «نسبت قناة X إلى رئيس وفدها، فلان، قوله إن …»: one statement, the cue is قوله
        if not draft.args.clausal and draft.cue.form.proclitic == "" and draft.cue.form.kind in ("verb", "imperfect") \
                and any(k.args.content[0] <= draft.cue.start < k.args.content[1] for k in result):
            # «بلاده تعتبر تنظيم الدولة …» inside a paraphrase is part of it, not a new statement
            continue
        inside = [k for k in result if k.args.content[0] <= draft.cue.start < k.args.content[1]]
        if inside and draft.args.mention is None and draft.cue.form.kind in ("verb", "imperfect"):
            # «قالت: إنها تعتقد أن …»: the same speaker restating, inside her own statement
            continue
        if draft.cue.form.kind in ("verb", "imperfect") and _after_source_ma(finder, draft):
            continue
        if draft.cue.form.kind == "source" and any(
                draft.args.content[0] <= other.cue.start < draft.args.content[1]
                and other.cue.start < draft.cue.start < other.args.content[0] for other in drafts):
            continue
        result.append(draft)
    return result


def _after_source_ma(finder: ArgumentFinder, draft: Draft) -> bool:
    """«بحسب ما أعلنته القوة البحرية»، «وطبقا لما أعلنه …»: the verb belongs to the source
    preposition's attribution."""
    words = finder.words
    index = draft.cue.word
    if index < 2 or words[index - 1].text not in ("ما", "لما"):
        return False
    before = finder.cue_at.get(index - 2)
    return before is not None and before.form.kind == "source"


@Language.factory(
    "attrib_contents",
    assigns=["doc._.attrib_drafts", "doc.spans"],
    requires=["doc._.attrib_cues"],
    default_config={"keep_nested_in_quotes": False},
)
def make_content_finder(nlp: Language, name: str, keep_nested_in_quotes: bool) -> ContentFinder:
    return ContentFinder(nlp, name, keep_nested_in_quotes=keep_nested_in_quotes)
