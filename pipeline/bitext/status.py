"""One definition of "needs review": which links a person should look at, and why.

Why one module: the CLI summary, the review editor's counter and the reading page's marks must agree. A
link needs review when nobody has reviewed it yet (status ``auto`` or ``needs_review``) and either the
aligner marked it doubtful (status ``needs_review``) or it carries a flag that signals a problem (a quality
flag of the translation, a dropped or added sentence). Informational flags (``retried``, ``split``) and the
score never count on their own: a retried sentence whose second translation passed every check is fine.

Every flag has a short label and an explanation, used in tooltips, in the page legend and in the editor.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipeline.bitext.document import Block, Document, Link, MachineTranslation

REVIEWED_STATUSES = ("confirmed", "edited")


@dataclass(frozen=True)
class FlagInfo:
    label: str
    explanation: str
    #: True: the flag alone puts an unreviewed link up for review.
    review: bool = True


FLAGS: dict[str, FlagInfo] = {
    "repetition": FlagInfo("repetition", "the translation repeats a word or phrase in a loop"),
    "empty": FlagInfo("empty", "the translation is empty"),
    "too_short": FlagInfo("too short", "the translation is much shorter than the original; something may be missing"),
    "too_long": FlagInfo("too long", "the translation is much longer than the original; something may be invented"),
    "truncated": FlagInfo("truncated", "the model stopped at its length limit; the end may be cut off"),
    "untranslated": FlagInfo("untranslated", "the translation copies the original instead of translating it"),
    "numbers_missing": FlagInfo("numbers missing", "a number in the original is missing from the translation"),
    "dropped": FlagInfo("dropped", "this original sentence has no counterpart in the translation"),
    "added": FlagInfo("added", "this translated sentence has no counterpart in the original"),
    "retried": FlagInfo("retried", "translated a second time with safer settings; the better result was kept",
                        review=False),
    "split": FlagInfo("split", "too long for the model in one piece; translated in parts and joined", review=False),
    "qe_low": FlagInfo("low quality estimate", "the quality estimate (bilingual qe) says this translation likely "
                       "means something else than the original"),
    "omission": FlagInfo("omission", "the translation is much shorter than the original: part of it may be left out"),
    "markup_lost": FlagInfo("markup put back", "the model dropped a link, code or other markup; it was put back "
                            "where it most likely belongs: check its place"),
}

#: The flags that put an unreviewed link up for review (the translation checks, QE and the aligner set them).
REVIEW_FLAGS: frozenset[str] = frozenset(name for name, info in FLAGS.items() if info.review)

#: The reason given when the aligner itself marked a link doubtful (status ``needs_review``) without a flag.
UNSURE = FlagInfo("unsure link", "the aligner is not sure these sentences are translations of each other")


def flag_info(flag: str) -> FlagInfo:
    """Known flags are explained; an unknown one (from a newer tool or a plug-in) counts, to be safe."""
    return FLAGS.get(flag) or FlagInfo(flag.replace("_", " "), f"flagged {flag.replace('_', ' ')!r} by a check")


@dataclass(frozen=True)
class Reason:
    code: str  # a flag name, or "unsure"
    label: str
    explanation: str

    def text(self) -> str:
        return f"{self.label} ({self.explanation})"


@dataclass(frozen=True)
class LinkReview:
    """A link's review state: does it need a person, why, and which informational notes it carries."""

    needed: bool
    reasons: tuple[Reason, ...] = ()
    notes: tuple[Reason, ...] = ()


def link_translations(block: Block, link: Link) -> list[MachineTranslation]:
    """The machine translations of the link's source sentences, in order (a sentence without one is skipped).

    Why here: the flags a link shows, its quality estimate and the QE stage's marks are all read from these;
    one walk keeps a hand-edited link (a source id no longer in the block) from counting in one place only.
    """
    found = []
    for sid in link.src:
        try:
            mt = block.sentence(sid).mt
        except KeyError:
            continue
        if mt is not None:
            found.append(mt)
    return found


def link_flags(block: Block, link: Link) -> list[str]:
    """Flags of a link and of the machine translations of its source sentences, without repeats."""
    flags = list(link.flags)
    for mt in link_translations(block, link):
        flags.extend(mt.flags)
    return list(dict.fromkeys(flags))


def link_qe(block: Block, link: Link) -> float | None:
    """The worst quality estimate (``bilingual qe``; higher is worse) of the link's translations, or None."""
    found = [mt.qe for mt in link_translations(block, link) if mt.qe is not None]
    return max(found) if found else None


def _reason(code: str, info: FlagInfo) -> Reason:
    return Reason(code, info.label, info.explanation)


def review_of(block: Block, link: Link) -> LinkReview:
    """Whether ``link`` (of ``block``) needs review, with its reasons; see the module docstring."""
    flags = link_flags(block, link)
    problems = [_reason(f, flag_info(f)) for f in flags if flag_info(f).review]
    notes = tuple(_reason(f, flag_info(f)) for f in flags if not flag_info(f).review)
    if link.status in REVIEWED_STATUSES:
        return LinkReview(False, (), notes)
    if link.status == "needs_review" and not problems:
        problems = [_reason("unsure", UNSURE)]
    return LinkReview(bool(problems), tuple(problems), notes)


def needs_review(block: Block, link: Link) -> bool:
    return review_of(block, link).needed


@dataclass
class ReviewSummary:
    """Counts over the translatable links of a document, for one-line summaries and footers."""

    links: int = 0
    needs_review: int = 0
    confirmed: int = 0
    edited: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def reviewed(self) -> int:
        return self.confirmed + self.edited

    def line(self) -> str:
        """``3 of 40 links need review (2 numbers missing, 1 unsure link)``: the CLI's words."""
        if not self.links:
            return "no links yet"
        head = f"{self.needs_review} of {self.links} links need review"
        if not self.needs_review:
            return head
        labels = {code: (UNSURE.label if code == "unsure" else flag_info(code).label) for code in self.reasons}
        return head + " (" + ", ".join(f"{n} {labels[c]}" for c, n in self.reasons.most_common()) + ")"


def review_summary(doc: Document) -> ReviewSummary:
    summary = ReviewSummary()
    for block in doc.blocks:
        if not block.translate:
            continue
        for link in block.links:
            state = review_of(block, link)
            summary.links += 1
            summary.needs_review += state.needed
            summary.confirmed += link.status == "confirmed"
            summary.edited += link.status == "edited"
            summary.reasons.update(r.code for r in state.reasons)
    return summary


def reason_json(reason: Reason) -> dict[str, str]:
    """A reason as the editor's JSON: code, label and explanation."""
    return {"code": reason.code, "label": reason.label, "explanation": reason.explanation}
