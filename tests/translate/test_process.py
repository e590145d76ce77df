"""Process-wide set-up (pipeline/translate/process.py): only a command makes it; the stage as a library never.

Before: loading an engine set torch's thread count, wrote CT2_FORCE_CPU_ISA into os.environ, called mallopt and
turned transformers' logging and progress bars off, in whatever program had imported the stage.
"""

from __future__ import annotations

import ctypes
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.segment.stage import segment_text
from pipeline.translate.stage import translate
from translate_fakes import _article, _config

ROOT = Path(__file__).resolve().parents[2]


def _state() -> dict[str, object]:
    import torch
    from transformers.utils import logging as hf_logging

    return {"environ": dict(os.environ), "torch_threads": torch.get_num_threads(),
            "transformers_level": logging.getLogger("transformers").level,
            "hub_level": logging.getLogger("huggingface_hub").level,
            "progress_bars": hf_logging.is_progress_bar_enabled()}


@pytest.mark.parametrize("engine", ["transformers", "ctranslate2"])
def test_the_stage_as_a_library_leaves_the_process_alone(isolated: Path, tiny_marian: Path, engine: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.translate.hub.convert import convert_model

    monkeypatch.delenv("CT2_FORCE_CPU_ISA", raising=False)
    model = tiny_marian
    if engine == "ctranslate2":
        convert_model(str(tiny_marian), quantization="float32")
    opened: list[object] = []
    real_cdll = ctypes.CDLL
    def cdll(name: object, *args: object, **kwargs: object) -> object:
        if name is None:  # the C library itself: mallopt's only way in
            opened.append(name)
        return real_cdll(name, *args, **kwargs)

    monkeypatch.setattr(ctypes, "CDLL", cdll)
    import torch

    config = _config(isolated, model, engine=engine, cpu_isa="avx2", reuse_memory=True,
                     threads=torch.get_num_threads() + 1)  # any setting the library made would show
    before = _state()
    result = translate(segment_text(_article(3), config=config), config.translate)
    assert result.report.translated == 3
    after = _state()
    if engine == "ctranslate2":  # CTranslate2 sets its OpenMP threads itself, and torch reads OpenMP's count
        before.pop("torch_threads"), after.pop("torch_threads")
    assert after == before
    assert opened == []


def test_configure_makes_the_commands_settings(tmp_path: Path) -> None:
    """In a fresh process: what `bilingual translate` sets up, and for CTranslate2 without importing torch."""
    code = (
        "import json, os, sys\n"
        "from pipeline.config import TranslateConfig\n"
        "from pipeline.translate import allocator\n"
        "from pipeline.translate.process import configure\n"
        "configure(TranslateConfig(engine='ctranslate2', cpu_isa='avx2'))\n"
        "ct2 = {'isa': os.environ.get('CT2_FORCE_CPU_ISA'), 'torch': 'torch' in sys.modules}\n"
        "configure(TranslateConfig(engine='transformers', threads=1))\n"
        "import torch, logging\n"
        "print(json.dumps({**ct2, 'threads': torch.get_num_threads(),\n"
        "                  'quiet': logging.getLogger('transformers').level >= logging.ERROR}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "CT2_FORCE_CPU_ISA"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env,
                          check=True)
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got == {"isa": "AVX2", "torch": False, "threads": 1, "quiet": True}
