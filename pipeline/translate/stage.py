"""Translate every source sentence that has no machine translation yet, then derive the target side.

Why "no translation yet" and not "everything": reruns resume where the last one stopped, and a changed
article only pays for its changed sentences.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

from pipeline.config import Config
from pipeline.document import Document, MachineTranslation, now_iso
from pipeline.translate.engine import TransformersEngine
from pipeline.translate.models import resolve_model

_WS = re.compile(r"\s+")


def model_signature(config: Config, revision: str) -> str:
    t = config.translate
    return f"{t.model}@{revision}|engine:{t.engine}|beam:{t.beam_size}|q:{t.quantize}"


def translate_document(
    doc: Document, config: Config, *, progress: Callable[[int, int], None] | None = None
) -> int:
    """Fill ``Sentence.mt`` for source sentences that lack it; return the number translated."""
    resolved = resolve_model(config.translate.model, config.translate.revision)
    sig = model_signature(config, resolved.revision)
    todo = [s for _, s in doc.iter_source() if s.mt is None or s.mt.model != sig]
    doc.meta.model = {"name": resolved.name, "revision": resolved.revision, "engine": config.translate.engine,
                      "signature": sig}
    doc.meta.settings["translate"] = dict(vars(config.translate))
    if todo:
        engine = TransformersEngine(resolved.path, config.translate)
        texts = [_WS.sub(" ", s.text).strip() for s in todo]
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress(done, len(texts))

        hyps = engine.translate(texts, progress=tick)
        for s, h in zip(todo, hyps, strict=True):
            s.mt = MachineTranslation(text=h.text, score=h.score, model=sig)
    doc.meta.stages["translate"] = now_iso()
    doc.meta.target_origin = "machine"
    return len(todo)


def stderr_progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\rtranslating {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)
