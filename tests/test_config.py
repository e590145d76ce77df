from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pipeline.config import DEFAULT_CONFIG_PATH, Config, load_config
from pipeline.errors import ConfigError


def test_default_file_matches_dataclass_defaults() -> None:
    """configs/default.toml documents every key, with the values the code uses when the file is absent."""
    data = tomllib.loads(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))
    assert data == Config().to_dict()


def test_user_file_overrides(tmp_path: Path) -> None:
    p = tmp_path / "c.toml"
    p.write_text('[translate]\nbeam_size = 2\nmodel = "/m"\n', encoding="utf-8")
    cfg = load_config(p)
    assert cfg.translate.beam_size == 2 and cfg.translate.model == "/m"
    assert cfg.translate.max_new_tokens == Config().translate.max_new_tokens


@pytest.mark.parametrize(("text", "message"), [
    ("[translate]\nbeam_size = 'four'\n", "should be an integer"),
    ("[translate]\nbeam_size = 0\n", "at least 1"),
    ("[translate]\nengine = 'moses'\n", "engine"),
    ("[publish]\nlayout = 'grid'\n", "layout"),
    ("[align]\nreview_threshold = 2\n", "between 0 and 1"),
    ("[segment]\nabbreviations = 'x.txt'\n", "list of strings"),
    ("[translate]\nuse_memory = 1\n", "true or false"),
    ("translate = 'x'\n", "should be a table"),
])
def test_invalid_values(tmp_path: Path, text: str, message: str) -> None:
    p = tmp_path / "c.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(p)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")
