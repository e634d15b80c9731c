"""Stage 3: who said it — link each speaker mention to an entity of the article, and give dropped
subjects (وأضاف، مشيرا إلى، على حد قوله) the latest earlier speaker that agrees in gender and number."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..arguments import ArgumentFinder
from ..entities import Entity, EntityLinker
from ..sources import AgencyFinder
from .state import Draft, analysed_text

EXPLICIT_CONFIDENCE = 0.9
ANAPHORA_CONFIDENCE = 0.7
PASSIVE_CONFIDENCE = 0.5
UNRESOLVED_CONFIDENCE = 0.3


class SpeakerFinder:
    def __init__(self, nlp: Language, name: str, *, max_anaphora_distance: int, fallback_window: int):
        self.name = name
        self.max_anaphora_distance = max_anaphora_distance
        self.fallback_window = fallback_window

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> tuple[list[Draft], list[Entity]]:
        analysed = analysed_text(doc)
        drafts: list[Draft] = doc._.attrib_drafts or []
        cues = doc._.attrib_cues or []
        content_starts = {analysed.word_at(d.args.content[0]) for d in drafts}
        finder = ArgumentFinder(analysed, cues)
        linker = EntityLinker(analysed, finder, content_starts)
        agencies = AgencyFinder(analysed, finder)
        for position, draft in enumerate(drafts):
            form = draft.cue.form
            mention = draft.args.mention
            if mention is not None:
                cited = agencies.outlet_speaker_citing(mention)
                if cited is not None:
                    draft.agency = mention
                    mention = draft.args.mention = cited
                draft.entity = linker.link_mention(*mention, form.gender, form.number)
                draft.resolution = "explicit"
                draft.confidence = EXPLICIT_CONFIDENCE
            elif form.kind == "passive":
                draft.confidence = PASSIVE_CONFIDENCE
            else:
                draft.entity = self._antecedent(drafts, position, linker, finder, analysed)
                draft.resolution = "anaphora" if draft.entity else None
                draft.confidence = ANAPHORA_CONFIDENCE if draft.entity else UNRESOLVED_CONFIDENCE
        linker.collect_mentions()
        return drafts, linker.entities

    def _antecedent(self, drafts: list[Draft], position: int, linker: EntityLinker, finder: ArgumentFinder,
                    analysed) -> Entity | None:
        """A dropped subject takes the latest earlier speaker that agrees in gender and number; a
        cue inside a relative clause («ألقى المرزوقي كلمة أكد فيها …») takes the entity named just
        before it in its sentence; failing both, the entity mentioned last before the cue."""
        draft = drafts[position]
        form = draft.cue.form
        cue_offset = analysed.view.orig_start(draft.cue.start)
        sentence = analysed.words[draft.cue.word].sentence
        earlier_here = [d.cue.last_word for d in drafts[:position] if analysed.words[d.cue.word].sentence == sentence]
        subject = finder.clause_subject_before(draft.cue, after_word=max(earlier_here, default=-1))
        if subject is not None:
            entity = linker.link_mention(*subject, None, None)
            if _agrees(entity, form.gender, form.number):
                return entity
        if form.proclitic == "" and form.kind in ("verb", "imperfect") and not _clause_initial(analysed, draft.cue):
            sentence_start = analysed.view.orig_start(_sentence_start(analysed, draft.cue))
            nearby = linker.nearest_before(cue_offset, cue_offset - sentence_start, form.gender, form.number, _agrees)
            if nearby is not None:
                return nearby
        for earlier in reversed(drafts[max(0, position - self.max_anaphora_distance):position]):
            if earlier.entity is not None and _agrees(earlier.entity, form.gender, form.number) \
                    and not _nested_apart(earlier, draft, drafts, analysed):
                return earlier.entity
        found = linker.nearest_before(cue_offset, self.fallback_window, form.gender, form.number, _agrees)
        if found is None and form.number == "pl":
            group = finder.group_before(draft.cue)  # «… انتقدوا جميعا هذا الزعم، قائلين إن …»
            if group is not None:
                found = linker.link_mention(*group, None, "pl")
        return found

    @staticmethod
    def set_annotations(doc: Doc, found: tuple[list[Draft], list[Entity]]) -> Doc:
        drafts, entities = found
        doc._.attrib_drafts = drafts
        doc._.attrib_entities = entities
        return doc


def _nested_apart(earlier: Draft, draft: Draft, drafts: list[Draft], analysed) -> bool:
    """Whether `earlier` is told inside another statement or quotation that `draft` is not part of:
    «نقشا يقول صاحبه فيه …» within an archaeologist's quote is not who «وأوضح» after it refers to."""
    quotation = analysed.inside_quotation(earlier.cue.start)
    if quotation is not None and analysed.inside_quotation(draft.cue.start) is not quotation:
        return True
    return any(host.args.content[0] <= earlier.cue.start < host.args.content[1]
               and not host.args.content[0] <= draft.cue.start < host.args.content[1]
               for host in drafts if host is not earlier)


def _clause_initial(analysed, cue) -> bool:
    previous = analysed.words[cue.word - 1] if cue.word > 0 else None
    return previous is None or previous.is_punct or previous.text in ("ثم", "كما", "وقد", "قد", "ولقد")


def _sentence_start(analysed, cue) -> int:
    words = analysed.words
    index = cue.word
    while index > 0 and words[index - 1].sentence == words[cue.word].sentence:
        index -= 1
    return words[index].start


def _agrees(entity: Entity, gender: str | None, number: str | None) -> bool:
    plural_entity = entity.number == "pl" or entity.kind == "group"
    if number in ("pl", "du"):
        return plural_entity
    if gender == "f":
        # organisations and non-human plurals take feminine agreement
        return entity.gender == "f" or entity.kind in ("organisation", "group", "document", "outlet")
    if gender == "m":
        return entity.gender != "f" and not plural_entity
    return True


@Language.factory(
    "attrib_speakers",
    assigns=["doc._.attrib_drafts", "doc._.attrib_entities"],
    requires=["doc._.attrib_drafts"],
    default_config={"max_anaphora_distance": 6, "fallback_window": 600},
)
def make_speaker_finder(nlp: Language, name: str, max_anaphora_distance: int, fallback_window: int) -> SpeakerFinder:
    return SpeakerFinder(nlp, name, max_anaphora_distance=max_anaphora_distance, fallback_window=fallback_window)
