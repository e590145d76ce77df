"""Which instruction set CTranslate2's own CPU kernels use (softmax, top-k, (de)quantisation).

Why: CTranslate2 never picks AVX-512 by itself (only through ``CT2_FORCE_CPU_ISA``), because on older Intel
server CPUs wide vector code lowers the clock. AMD's AVX-512 (Zen 4 and later) has no such penalty, and there
its AVX-512 kernels decode about 4% faster than the AVX2 ones (``bench/translate.py``, random-weight
opus-mt-id-en shape, int8, 2 cores). So ``auto`` turns AVX-512 on for AMD CPUs that have it, and leaves every
other CPU to CTranslate2's own choice; ``avx512``/``avx2``/``avx``/``generic`` force one. A
``CT2_FORCE_CPU_ISA`` already set by the user always wins.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.errors import ConfigError

#: What CTranslate2's AVX-512 kernels need.
_AVX512 = {"avx512f", "avx512bw", "avx512dq", "avx512vl"}


def _cpuinfo(path: Path = Path("/proc/cpuinfo")) -> tuple[str, set[str]]:
    """(vendor, flags) of the first CPU; empty where /proc/cpuinfo does not exist."""
    try:
        text = path.read_text(encoding="ascii", errors="replace")
    except OSError:
        return "", set()
    vendor, flags = "", set()
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key = key.strip()
        if key == "vendor_id" and not vendor:
            vendor = value.strip()
        elif key == "flags" and not flags:
            flags = set(value.split())
        if vendor and flags:
            break
    return vendor, flags


def choose_isa(setting: str, vendor: str, flags: set[str]) -> str | None:
    """The value for ``CT2_FORCE_CPU_ISA``, or None to let CTranslate2 choose."""
    if setting == "default":
        return None
    if setting == "auto":
        return "AVX512" if vendor == "AuthenticAMD" and _AVX512 <= flags else None
    if setting == "avx512" and not _AVX512 <= flags and flags:
        raise ConfigError("[translate] cpu_isa = 'avx512' but this CPU has no AVX-512; use 'auto'")
    return setting.upper()


def apply_isa(setting: str) -> str | None:
    """Set ``CT2_FORCE_CPU_ISA`` for this process before CTranslate2 first runs; returns what is in force."""
    if "CT2_FORCE_CPU_ISA" in os.environ:
        return os.environ["CT2_FORCE_CPU_ISA"]
    isa = choose_isa(setting, *_cpuinfo())
    if isa:
        os.environ["CT2_FORCE_CPU_ISA"] = isa
    return isa
