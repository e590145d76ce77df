"""The settings a test translates with when the model is one of the tiny random ones (make_tiny_model.py).

Why one module: the same few settings (the tiny model at any revision, a private translation memory, short
outputs, one sentence per batch where a test must interrupt between batches) were written out as TOML in
each test that runs a command, and as attribute assignments in each test that calls a stage. ``config_file``
writes them for ``--config``; ``tiny_config`` builds them in memory. Random weights make any output length
as good as another for these tests: the code path is the same.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.config import Config, load_config

#: Short outputs keep random-weight generation fast (the ``fast_config_file`` fixture).
FAST = {"beam_size": 2, "max_new_tokens": 24}
#: One sentence per batch and nothing retried: a run takes many small steps, so a test can stop it between two.
ONE_PER_BATCH = {"beam_size": 1, "max_new_tokens": 32, "max_output_ratio": 6.0, "max_batch_size": 1,
                 "retry_flagged": False}


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def config_file(path: Path, **translate: object) -> Path:
    """A config file at ``path`` with these ``[translate]`` settings (a Path value is written as its text)."""
    lines = ["[translate]", *(f"{key} = {_toml(value)}" for key, value in translate.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def tiny_config(tmp_path: Path, model: Path, **translate: object) -> Config:
    """The default config with ``model`` (any revision), a translation memory under ``tmp_path``, greedy
    search and 8 new tokens at most; ``translate`` overrides any ``[translate]`` setting."""
    config = load_config()
    config.translate.model = str(model)
    config.translate.revision = "main"  # the configured commit pins the default model, not this one
    config.translate.memory_dir = str(tmp_path / "tm")
    config.translate.beam_size = 1
    config.translate.max_new_tokens = 8
    for key, value in translate.items():
        setattr(config.translate, key, value)
    return config
