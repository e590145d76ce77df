"""The token shapes every splitter rule reads: a word, the space after a mark, citation marks, emoji.

Why a module of their own: the candidate scan (``splitter``), the cuts without a mark (``unmarked``), the
boundary rules (``boundary``) and the speech tags (``speech``) must agree on what a word and a space are.
"""

from __future__ import annotations

import re

#: Citation marks a wiki puts after the sentence mark: "[1]", "[3][4]", "[butuh rujukan]", "[a]".
CITATIONS = r"(?:\[[^\[\]\n]{1,30}\])*"
#: Emoji (pictographs, symbols, joiners, variation selectors, skin tones; not flags, which stand for names).
EMOJI = "\u2600-\u27bf\u2b00-\u2bff\u200d\ufe0f\U0001f300-\U0001faff"
SPACE = re.compile(r"\s*")
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
