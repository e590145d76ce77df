"""The CTranslate2 kernel instruction set chosen from the config and the CPU."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.translate import cpu_isa
from pipeline.translate.cpu_isa import _cpuinfo, apply_isa, choose_isa

ZEN4 = {"sse4_1", "avx", "avx2", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512_vnni"}
ZEN3 = {"sse4_1", "avx", "avx2"}


@pytest.mark.parametrize(("setting", "vendor", "flags", "expected"), [
    ("auto", "AuthenticAMD", ZEN4, "AVX512"),
    ("auto", "AuthenticAMD", ZEN3, None),  # no AVX-512: CTranslate2 picks AVX2 itself
    ("auto", "GenuineIntel", ZEN4, None),  # Intel's AVX-512 may lower the clock: CTranslate2's choice
    ("auto", "", set(), None),  # no /proc/cpuinfo (macOS, ARM): CTranslate2's choice
    ("default", "AuthenticAMD", ZEN4, None),
    ("avx512", "GenuineIntel", ZEN4, "AVX512"),
    ("avx2", "AuthenticAMD", ZEN4, "AVX2"),
    ("generic", "AuthenticAMD", ZEN3, "GENERIC"),
])
def test_choose_isa(setting: str, vendor: str, flags: set[str], expected: str | None) -> None:
    assert choose_isa(setting, vendor, flags) == expected


def test_forcing_avx512_on_a_cpu_without_it_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="no AVX-512"):
        choose_isa("avx512", "AuthenticAMD", ZEN3)


def test_cpuinfo_reads_the_first_cpu(tmp_path: Path) -> None:
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu avx2 avx512f\n\n"
                    "processor\t: 1\nvendor_id\t: Other\nflags\t\t: fpu\n", encoding="ascii")
    assert _cpuinfo(info) == ("AuthenticAMD", {"fpu", "avx2", "avx512f"})
    assert _cpuinfo(tmp_path / "missing") == ("", set())


def test_apply_isa_sets_the_variable_and_never_overrides_the_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cpu_isa, "_cpuinfo", lambda: ("AuthenticAMD", ZEN4))
    monkeypatch.delenv("CT2_FORCE_CPU_ISA", raising=False)
    assert apply_isa("auto") == "AVX512"
    import os

    assert os.environ["CT2_FORCE_CPU_ISA"] == "AVX512"
    monkeypatch.setenv("CT2_FORCE_CPU_ISA", "AVX2")
    assert apply_isa("auto") == "AVX2"
    assert os.environ["CT2_FORCE_CPU_ISA"] == "AVX2"


def test_unknown_cpu_isa_in_the_config_is_an_error(tmp_path: Path) -> None:
    from pipeline.config import load_config

    cfg = tmp_path / "c.toml"
    cfg.write_text('[translate]\ncpu_isa = "sse9"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="cpu_isa"):
        load_config(cfg)
