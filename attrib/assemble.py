"""Turn the stages' drafts on a Doc into the typed result, with offsets into the original text."""

from __future__ import annotations

from spacy.tokens import Doc

from .result import AttributionResult, Cue, Entity, NamedSpan, Quote, Span, Speaker


def _clean_name(text: str) -> str:
    # «لوكالة رويترز» names «وكالة رويترز»: the attached preposition is not part of the name
    stripped = text.strip(' "«»“”')
    if stripped.startswith("لل"):
        return "ال" + stripped[2:]
    if stripped.startswith("ل") and len(stripped) > 2:
        return stripped[1:].lstrip("ـ").strip(' "«»“”')
    return stripped


def assemble(doc: Doc) -> AttributionResult:
    cached = doc.user_data.get("attrib_result")
    if cached is not None:
        return cached
    analysed = doc._.attrib_text
    view = analysed.view
    original = doc.text

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
        quotes.append(
            Quote(
                id=f"q{number}",
                type=draft.args.quote_type,
                cue=Cue(span((draft.cue.start, draft.cue.end)), draft.cue.form.lemma, draft.cue.form.cue_class),
                content=span(draft.args.content),
                speaker=speaker,
                agency=NamedSpan(_clean_name(agency.text), agency) if agency else None,
                addressee=NamedSpan(_clean_name(addressee.text), addressee) if addressee else None,
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
