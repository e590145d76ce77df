"""Process-wide set-up (pipeline/translate/process.py): only a command makes it; the stage as a library never.

Before: loading an engine set torch's thread count, wrote CT2_FORCE_CPU_ISA into os.environ, called mallopt and
turned transformers' logging and progress bars off, in whatever program had imported the stage. Each check runs
in a fresh process: this test process has run commands (which do configure it) before.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_STATE = """
def state():
    import logging, os, torch
    from transformers.utils import logging as hf_logging
    return {"environ": dict(os.environ), "torch_threads": torch.get_num_threads(),
            "transformers_level": logging.getLogger("transformers").level,
            "hub_level": logging.getLogger("huggingface_hub").level,
            "progress_bars": hf_logging.is_progress_bar_enabled()}
"""

_LIBRARY = _STATE + """
import ctypes, json, sys
opened = []
real_cdll = ctypes.CDLL
def cdll(name, *args, **kwargs):
    if name is None:  # the C library itself: mallopt's only way in
        opened.append(name)
    return real_cdll(name, *args, **kwargs)
ctypes.CDLL = cdll
import torch
from pipeline.config import load_config
from pipeline.segment.stage import segment_text
from pipeline.translate.stage import translate
config = load_config()
t = config.translate
t.model, t.revision, t.engine, t.memory_dir = sys.argv[1], "main", sys.argv[2], sys.argv[3]
t.beam_size, t.max_new_tokens, t.cpu_isa, t.reuse_memory = 1, 8, "avx2", True
t.threads = torch.get_num_threads() + 1  # any setting the library made would show
before = state()
report = translate(segment_text("Harga beras naik.\\n\\nPresiden meresmikan jembatan.", config=config), t).report
after = state()
if t.engine == "ctranslate2":  # CTranslate2 sets its OpenMP threads itself, and torch reads OpenMP's count
    before.pop("torch_threads"), after.pop("torch_threads")
print(json.dumps({"translated": report.translated, "same": before == after, "mallopt": bool(opened),
                  "changed": sorted(k for k in before if before[k] != after[k])}))
"""


def _python(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, object]:
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("engine", ["transformers", "ctranslate2"])
def test_the_stage_as_a_library_leaves_the_process_alone(isolated: Path, tiny_marian: Path, engine: str) -> None:
    from pipeline.translate.hub.convert import convert_model

    if engine == "ctranslate2":
        convert_model(str(tiny_marian), quantization="float32")
    env = {k: v for k, v in os.environ.items() if k != "CT2_FORCE_CPU_ISA"}
    got = _python(_LIBRARY, str(tiny_marian), engine, str(isolated / "tm"), env=env)
    assert got == {"translated": 2, "same": True, "mallopt": False, "changed": []}


def test_configure_makes_the_commands_settings() -> None:
    """What `bilingual translate` sets up, the engine's part when an engine loads, CTranslate2's without torch."""
    code = (
        "import json, os, sys\n"
        "from pipeline.config import TranslateConfig\n"
        "from pipeline.translate.process import configure, engine_setup\n"
        "ct2 = TranslateConfig(engine='ctranslate2', cpu_isa='avx2')\n"
        "engine_setup(ct2)\n"
        "unasked = os.environ.get('CT2_FORCE_CPU_ISA')\n"
        "configure(ct2)\n"
        "engine_setup(ct2)\n"
        "got = {'unasked': unasked, 'isa': os.environ.get('CT2_FORCE_CPU_ISA'), 'torch': 'torch' in sys.modules}\n"
        "engine_setup(TranslateConfig(engine='transformers', threads=1))\n"
        "import torch, logging\n"
        "print(json.dumps({**got, 'threads': torch.get_num_threads(),\n"
        "                  'quiet': logging.getLogger('transformers').level >= logging.ERROR}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "CT2_FORCE_CPU_ISA"}
    got = _python(code, env=env)
    assert got == {"unasked": None, "isa": "AVX2", "torch": False, "threads": 1, "quiet": True}
