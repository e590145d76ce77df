"""Reading user files safely and writing outputs atomically.

Why: a user's work must never be lost to a crash half-way through a write, and bad input (binary, wrong
encoding, empty, huge) must produce one clear line instead of a traceback deep inside a later stage.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from pipeline.errors import InputError

#: Articles larger than this are refused: they are almost certainly not an article (a dump, a binary).
MAX_INPUT_BYTES = 20 * 1024 * 1024


def read_text_input(path: str | Path, encoding: str = "utf-8", *, what: str = "article") -> str:
    """Read a text file (or standard input for ``-``) and return its text with normalised newlines.

    Raises InputError with a message that names the file and suggests a fix.
    """
    name = "standard input" if str(path) == "-" else str(path)
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{name}: no such file")
        if p.is_dir():
            raise InputError(f"{name}: is a directory, expected a text file")
        try:
            size = p.stat().st_size
            if size > MAX_INPUT_BYTES:
                raise InputError(
                    f"{name}: file is {size // (1024 * 1024)} MiB; the limit for an {what} is "
                    f"{MAX_INPUT_BYTES // (1024 * 1024)} MiB"
                )
            data = p.read_bytes()
        except PermissionError as err:
            raise InputError(f"{name}: permission denied") from err
        except OSError as err:
            raise InputError(f"{name}: cannot read ({err.strerror})") from err
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: looks like a binary file, expected UTF-8 text")
    try:
        text = data.decode(encoding)
    except LookupError as err:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from err
    except UnicodeDecodeError as err:
        hint = " (try --encoding cp1252 or --encoding latin-1)" if encoding.lower().replace("-", "") in {"utf8", "utf8sig"} else ""
        raise InputError(
            f"{name}: not valid {encoding} text at byte {err.start}{hint}"
        ) from err
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: is empty, nothing to do")
    return text


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see either the old or the new file, never a torn one."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write to a temporary file in the same directory, fsync it, then rename over the target."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
