"""The terminal progress line (pipeline/progress.py): drawn on a terminal only."""

from __future__ import annotations


def test_progress_only_on_a_terminal() -> None:
    import io

    from pipeline.progress import TerminalProgress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    pipe, tty = io.StringIO(), Tty()
    for stream in (pipe, tty):
        bar = TerminalProgress(stream, desc="translating", unit="sent")
        for done in (0, 5, 10):
            bar(done, 10)
    assert pipe.getvalue() == ""
    assert "0/10" in tty.getvalue() and "sent/s" in tty.getvalue()
