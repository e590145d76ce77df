"""The allocator setting keeps freed blocks for reuse: measured as page faults, not time."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.translate.allocator import reuse_freed_memory

_PROBE = """
import ctypes, resource, sys
sys.path.insert(0, {root!r})
from pipeline.translate.allocator import reuse_freed_memory
if {tuned}:
    assert reuse_freed_memory()
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for step in range(1, 41):  # decoding steps: a cache that grows by one position per step is copied anew
    size = step * 512 * 1024
    p = libc.malloc(size)
    ctypes.memset(p, 1, size)
    libc.free(p)
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(tuned: bool) -> int:
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[2])
    out = subprocess.run([sys.executable, "-c", _PROBE.format(root=root, tuned=tuned)], capture_output=True,
                         text=True, check=True)
    return int(out.stdout.strip())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc malloc tuning")
def test_freed_blocks_are_reused_instead_of_faulted_in_again() -> None:
    if not reuse_freed_memory():
        pytest.skip("not glibc")
    largest = 40 * 512 * 1024 // 4096  # pages of the last, largest block
    plain, tuned = _faults(False), _faults(True)
    assert plain >= 10 * largest  # by default every larger block is a fresh mmap, faulted in page by page
    assert tuned <= 2 * largest  # tuned, each step reuses the pages of the one before
