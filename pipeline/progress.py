"""Progress on long work: a tqdm bar on a terminal, silence when output is piped or logged."""

from __future__ import annotations

import sys
from typing import Any


class TerminalProgress:
    """Call with (done, total); draws done, rate and time left only when the stream is a terminal."""

    def __init__(self, stream: Any = None, *, desc: str = "working", unit: str = "it") -> None:
        self.stream = stream or sys.stderr
        self.desc = desc
        self.unit = unit
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if total <= 0 or not getattr(self.stream, "isatty", lambda: False)():
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=self.unit, desc=self.desc, file=self.stream, dynamic_ncols=True,
                            leave=False)
        self.bar.update(done - self.bar.n)
        if done >= total:
            self.bar.close()
            self.bar = None
