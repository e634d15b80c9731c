"""Punctuation and invisible characters met in Arabic news copy."""

# Marks that only steer bidirectional layout or join characters: never part of a word.
BIDI_AND_ZERO_WIDTH = "\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff"
# No-break and other Unicode spaces, folded to an ordinary space.
UNICODE_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"

# Quotation marks by the side they normally open or close. Arabic copy also uses them mirrored
# (” … “) and ASCII " for both sides, so pairing never trusts the side alone.
QUOTE_OPENING = "«“„‹‘"
QUOTE_CLOSING = "»”›’"
QUOTE_EITHER = '"'
QUOTES = QUOTE_OPENING + QUOTE_CLOSING + QUOTE_EITHER
# Penn-Treebank style quotes seen in some wire corpora: `` … ''.
PTB_OPEN = "``"
PTB_CLOSE = "''"

SENTENCE_FINAL = ".!?؟"
CLAUSE_SEPARATORS = ",،;؛"
