"""Process-wide set-up for translating: done by a command, never by a library call.

Why explicit: four things a fast, quiet translation wants change the whole process: glibc's allocator
(``mallopt``, allocator.py), CTranslate2's instruction set (an environment variable it reads when it starts,
cpu_isa.py), torch's thread count, and transformers' log level and progress bars. A command owns its process
and wants them; a program that embeds the translate stage owns its process too, and must not find its
environment, its allocator or its loggers changed by a library call. So ``bilingual translate`` and
``bilingual run`` (pipeline/cli/steps.py, pipeline/cli/run.py) and each Ray actor call ``configure``; the
stage itself does not.
"""

from __future__ import annotations

from pipeline.config import TranslateConfig
from pipeline.registry import ENGINES
from pipeline.translate.allocator import reuse_freed_memory


#: Set by ``configure``: the process's owner asked for the engines' set-up too.
_requested = False


def configure(section: TranslateConfig) -> None:
    """Set up this process for translating (call it once, before translating): the allocator now, and the
    engine's own set-up when an engine loads (``engine_setup``).

    Why the engine's part waits: it imports torch for the transformers engine, which a rerun with nothing
    left to translate never needs (seconds of start-up), and a CTranslate2 run never imports it at all.
    """
    global _requested
    if section.reuse_memory:
        reuse_freed_memory()
    _requested = True


def engine_setup(section: TranslateConfig) -> None:
    """The engine's ``configure_process`` (torch threads and quiet transformers; CTranslate2's instruction
    set), in a process whose owner called ``configure``; nothing otherwise. ``stage.load_engine`` calls it."""
    if _requested:
        ENGINES.load(section.engine).configure_process(section)


def quiet_transformers() -> None:
    """transformers' warnings and progress bars off: a command prints its own one-line progress and errors."""
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
