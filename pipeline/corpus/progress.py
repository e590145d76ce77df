"""The progress line of a many-document run: documents done / total, sentences/s and the time left.

Why a line of its own (not the translate stage's bar): a run over a site lasts long and its unit is the
document; on a terminal the line is redrawn in place, in a log (not a terminal) a line is written at most
every few seconds, so a cron job's log shows that the run moves without growing by a line per batch.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

#: Seconds between two lines when the output is not a terminal.
LOG_EVERY = 10.0


def format_eta(seconds: float | None) -> str:
    if seconds is None or seconds != seconds or seconds == float("inf"):
        return "--:--"
    s = int(round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class CollectionProgress:
    """Fed by the runner; ``line()`` is what is shown."""

    def __init__(self, total_docs: int, *, stream: TextIO | None = None, enabled: bool = True,
                 clock: Callable[[], float] | None = None) -> None:
        self.total_docs = total_docs
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.clock = clock or time.monotonic
        self.docs_done = 0
        self.sent_done = 0  # sentences translated in finished windows
        self.window_done = 0
        self.window_total = 0
        self.unplanned_docs = total_docs
        self.planned_sentences = 0
        self.planned_docs = 0
        self.started: float | None = None
        self.last_log = 0.0
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.drawn = False

    # ---------------------------------------------------------------- fed by the runner

    def planned(self, sentences: int, unplanned_docs: int) -> None:
        """A document was read: ``sentences`` to translate so far in the run, ``unplanned_docs`` still unread."""
        self.planned_docs = self.total_docs - unplanned_docs
        self.unplanned_docs = unplanned_docs
        self.planned_sentences = sentences

    def sentences(self, done: int, total: int) -> None:
        """The translate stage's callback for the current window (done of total)."""
        if self.started is None:
            self.started = self.clock()
        self.window_done, self.window_total = done, total
        self.show()

    def start_window(self) -> None:
        """The runner begins translating the next window of documents."""
        self.sent_done += self.window_done
        self.window_done = self.window_total = 0

    def document_finished(self) -> None:
        self.docs_done += 1
        self.show()

    def message(self, text: str) -> None:
        """A line that must stay (an error); the progress line is redrawn under it."""
        self.clear()
        print(text, file=self.stream, flush=True)

    # ---------------------------------------------------------------- what is shown

    def rate(self) -> float | None:
        done = self.sent_done + self.window_done
        if self.started is None or done == 0:
            return None
        elapsed = self.clock() - self.started
        return done / elapsed if elapsed > 0 else None

    def eta(self) -> float | None:
        rate = self.rate()
        if rate is None:
            return None
        done = self.sent_done + self.window_done
        left = max(0, self.planned_sentences - done)
        if self.unplanned_docs and self.planned_docs:  # unread documents: as many sentences as the read ones
            left += self.unplanned_docs * self.planned_sentences / self.planned_docs
        return left / rate

    def line(self, final: bool = False) -> str:
        rate = self.rate()
        if final:
            took = self.clock() - self.started if self.started is not None else 0.0
            end = f"took {format_eta(took)}"
        else:
            end = f"{format_eta(self.eta())} left"
        return (f"documents {self.docs_done}/{self.total_docs} | {self.sent_done + self.window_done} sentences"
                f" | {f'{rate:.1f}' if rate is not None else '-'} sent/s | {end}")

    def show(self) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if self.tty:
            self.stream.write("\r\x1b[2K" + self.line())
            self.stream.flush()
            self.drawn = True
        elif now - self.last_log >= LOG_EVERY:
            self.last_log = now
            print(self.line(), file=self.stream, flush=True)

    def clear(self) -> None:
        if self.tty and self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.drawn = False

    def close(self) -> None:
        """The last state, as a line that stays."""
        if self.enabled:
            self.clear()
            print(self.line(final=True), file=self.stream, flush=True)
