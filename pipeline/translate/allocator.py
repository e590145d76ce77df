"""Let the C allocator keep freed memory for the next decoding step instead of giving it back to the kernel.

Why: every beam-search step allocates and frees buffers of several megabytes (the logits of every beam over a
55,000-token vocabulary, attention caches). By default glibc serves blocks that large with fresh ``mmap``s and
trims its heap when they are freed, so the next step page-faults and the kernel zeroes the same pages again.
``perf`` on CTranslate2 int8 decoding (opus-mt shape, 2-core CPU) showed 4 page faults per 1 kept, and the
time spent zeroing pages went away with the settings below: about 8% less decoding time (``bench/translate.py``).
This is what ``MALLOC_MMAP_THRESHOLD_``/``MALLOC_TRIM_THRESHOLD_``/``MALLOC_TOP_PAD_`` do, set from inside
the process because glibc reads those variables only at start-up.

The cost: memory a translation frees stays with the process until it exits (peak use does not grow). So
only a command makes this setting (pipeline/translate/process.py: ``configure``), never the stage itself; a
program that embeds bilingual keeps glibc's defaults unless it calls ``configure`` too.
"""

from __future__ import annotations

import ctypes
import sys

# mallopt(3) parameters of glibc's malloc.h
_M_TRIM_THRESHOLD = -1
_M_TOP_PAD = -2
_M_MMAP_THRESHOLD = -3

#: Blocks below this come from the heap, not from mmap: glibc's ceiling on 64-bit systems.
MMAP_THRESHOLD = 32 * 1024 * 1024
#: Never trim the heap (the largest value mallopt takes).
TRIM_THRESHOLD = 2**31 - 1
#: Grow the heap in steps of this much, so that a growing cache does not fault page by page through brk.
TOP_PAD = 64 * 1024 * 1024

_done = False


def reuse_freed_memory() -> bool:
    """Tune glibc malloc once per process; False where there is no glibc (macOS, Windows, musl)."""
    global _done
    if _done:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    if not hasattr(libc, "gnu_get_libc_version"):  # not glibc: musl's mallopt ignores its arguments
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    ok = all(mallopt(param, value) == 1 for param, value in (
        (_M_MMAP_THRESHOLD, MMAP_THRESHOLD), (_M_TRIM_THRESHOLD, TRIM_THRESHOLD), (_M_TOP_PAD, TOP_PAD)))
    _done = ok
    return ok
