"""Process-wide set-up for translating: done by a command, never by a library call.

Why explicit: four things a fast, quiet translation wants change the whole process: glibc's allocator
(``mallopt``, allocator.py), CTranslate2's instruction set (an environment variable it reads when it starts,
cpu_isa.py), torch's thread count, and transformers' log level and progress bars. A command owns its process
and wants them; a program that embeds the translate stage owns its process too, and must not find its
environment, its allocator or its loggers changed by a library call. So ``bilingual translate`` and
``bilingual run`` (pipeline/cli/main.py) and each Ray actor call ``configure``; the stage itself does not.
"""

from __future__ import annotations

from pipeline.config import TranslateConfig
from pipeline.registry import ENGINES
from pipeline.translate.allocator import reuse_freed_memory


def configure(section: TranslateConfig) -> None:
    """Set up this process to translate with ``section``'s engine; call it once, before translating.

    What the engine needs is the engine's own ``configure_process`` (torch threads for transformers, the
    instruction set for CTranslate2), so a CTranslate2 run never imports torch.
    """
    if section.reuse_memory:
        reuse_freed_memory()
    ENGINES.load(section.engine).configure_process(section)


def quiet_transformers() -> None:
    """transformers' warnings and progress bars off: a command prints its own one-line progress and errors."""
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
