"""Test hook, loaded only by tests that put tests/hooks on PYTHONPATH: pause ``run`` and ``translate`` before they translate.

Why: to save an edit in the review editor *while* ``run`` translates, a test needs the run to wait at
that moment. With BILINGUAL_TEST_PAUSE=DIR the real translate stage (``translate``, ``translate_documents``) is called unchanged, after
DIR/started is written and DIR/go appears. Product code knows nothing of this.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

_PAUSE = os.environ.get("BILINGUAL_TEST_PAUSE")

if _PAUSE:
    import pipeline.translate as _translate
    import pipeline.translate.stage as _stage

    def _pausing(real):  # type: ignore[no-untyped-def]
        def paused(*args, **kwargs):  # type: ignore[no-untyped-def]
            folder = Path(_PAUSE)
            (folder / "started").write_text("1")
            deadline = time.monotonic() + 120
            while not (folder / "go").exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            return real(*args, **kwargs)
        return paused

    for _name in ("translate", "translate_documents"):
        if hasattr(_stage, _name):
            setattr(_stage, _name, _pausing(getattr(_stage, _name)))
            if hasattr(_translate, _name):
                setattr(_translate, _name, getattr(_stage, _name))
