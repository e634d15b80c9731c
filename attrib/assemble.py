"""Turn the stages' drafts on a Doc into the typed result, with offsets into the original text."""

from __future__ import annotations

from spacy.tokens import Doc

from .arguments import is_prepositional
from .result import AttributionResult, Cue, Entity, NamedSpan, Quote, Span, Speaker


def _preposition(analysed, view_start: int) -> int:
    """Length of a لـ glued to an outlet phrase: «لوكالة رويترز» names «وكالة رويترز»."""
    word = analysed.words[analysed.word_at(view_start)].text
    if word.startswith("لل"):
        return 2
    return 1 if word.startswith("ل") and is_prepositional(word) else 0


def assemble(doc: Doc) -> AttributionResult:
    cached = doc.user_data.get("attrib_result")
    if cached is not None:
        return cached
    analysed = doc._.attrib_text
    view = analysed.view
    original = analysed.original

    def span(view_span: tuple[int, int] | None) -> Span | None:
        if view_span is None:
            return None
        return Span.of(original, *view.orig_span(*view_span))

    quotes = []
    used: dict[str, object] = {}
    for number, draft in enumerate(doc._.attrib_drafts or [], 1):
        speaker = None
        if draft.entity is not None:
            used[draft.entity.id] = draft.entity
            speaker = Speaker(draft.entity.canonical, draft.entity.id, span(draft.args.mention), draft.resolution)
        agency = span(draft.agency)
        addressee = span(draft.args.addressee)
        agency_name = analysed.phrase_text(*draft.agency, _preposition(analysed, draft.agency[0]))[1] if agency else None
        addressee_name = analysed.phrase_text(*draft.args.addressee)[1] if addressee else None
        quotes.append(
            Quote(
                id=f"q{number}",
                type=draft.args.quote_type,
                cue=Cue(span((draft.cue.start, draft.cue.end)), draft.cue.form.lemma, draft.cue.form.cue_class),
                content=span(draft.args.content),
                speaker=speaker,
                agency=NamedSpan(agency_name, agency) if agency else None,
                addressee=NamedSpan(addressee_name, addressee) if addressee else None,
                confidence=draft.confidence,
            )
        )
    entities = tuple(
        Entity(e.id, e.canonical, e.kind, tuple(Span.of(original, s, t) for s, t in e.mentions))
        for e in used.values()
    )
    result = AttributionResult(doc.user_data.get("attrib_id"), span(doc._.attrib_source), tuple(quotes), entities)
    doc.user_data["attrib_result"] = result
    return result
