"""Reading user files safely and writing outputs atomically, keeping what was there.

Why: a user's work must never be lost to a crash half-way through a write, to a write that replaces a link
with a plain file or drops a file's permissions, or to a backup that the next save overwrites. Bad input
(binary, wrong encoding, empty, huge) must produce one clear line instead of a traceback deep inside a later
stage.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import tempfile
from pathlib import Path

from pipeline.errors import InputError, OutputError

#: Articles larger than this are refused: they are almost certainly not an article (a dump, a binary).
MAX_INPUT_BYTES = 20 * 1024 * 1024
#: Numbered backups kept of a file a command replaces (``[files] backups``).
DEFAULT_BACKUPS = 5

#: Byte order marks, longest first (a UTF-32-LE mark starts like a UTF-16-LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def display(path: str | Path) -> str:
    """A path as a person can read it: bytes that are not UTF-8 (a foreign file system) shown as U+FFFD.

    Why: such a name arrives as lone surrogates, which cannot be printed or written to a JSON file.
    """
    return os.fsencode(str(path)).decode("utf-8", "replace")


#: Suffixes stripped from a file name to give its document's name.
DOC_SUFFIXES = (".bitext.json", ".txt", ".md", ".markdown", ".html", ".htm")


def doc_name(name: str) -> str:
    """A file name without its article suffix: ``b.md`` -> ``b``; ``-`` (standard input) -> ``stdin``."""
    if name == "-":
        return "stdin"
    name = display(name)  # a name that is not UTF-8 cannot be printed or stored: shown with U+FFFD
    for suffix in DOC_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    # never "..": "...txt" must not write outside OUTDIR
    return name.strip().lstrip(".").replace("/", "_").replace("\\", "_") or "article"


def default_cache_dir() -> Path:
    """The user's cache directory: ``$XDG_CACHE_HOME/bilingual`` (``~/.cache/bilingual``), or the platform's."""
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "bilingual"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "bilingual"
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "bilingual" / "cache"
    return Path.home() / ".cache" / "bilingual"


def _decode(data: bytes, encoding: str, name: str) -> str:
    """Decode with a byte order mark's encoding when there is one, else with ``encoding``."""
    for bom, enc in _BOMS:
        if data.startswith(bom):  # the mark is unambiguous, whatever --encoding says
            encoding = enc
            break
    try:
        return data.decode(encoding)
    except LookupError as err:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from err
    except UnicodeDecodeError as err:
        hint = (" (try --encoding cp1252 or --encoding latin-1)"
                if encoding.lower().replace("-", "") in {"utf8", "utf8sig"} else "")
        raise InputError(f"{name}: not valid {encoding} text at byte {err.start}{hint}") from err


def read_text_input(path: str | Path, encoding: str = "utf-8", *, what: str = "article") -> str:
    """Read a text file (or standard input for ``-``) and return its text with normalised newlines.

    A UTF-16 or UTF-32 file with a byte order mark is read whatever ``--encoding`` says: the mark is
    unambiguous, and its zero bytes must not make it look binary. Raises InputError naming the file.
    """
    name = "standard input" if str(path) == "-" else display(path)
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
    wide = any(data.startswith(bom) for bom, enc in _BOMS if enc != "utf-8-sig") or \
        encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32", "utf16", "utf32"))
    if wide:
        text = _decode(data, encoding, name)
        if "\x00" in text[:65536]:
            raise InputError(f"{name}: looks like a binary file, expected text")
    else:
        if b"\x00" in data[:65536]:
            raise InputError(f"{name}: looks like a binary file, expected UTF-8 text")
        text = _decode(data, encoding, name)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: is empty, nothing to do")
    return text


# ---------------------------------------------------------------- writing


def real_path(path: str | Path) -> Path:
    """Where a write to ``path`` really lands: through every symbolic link, to the file it points at."""
    return Path(os.path.realpath(path))


def _named(path: Path, real: Path) -> str:
    """``link (-> real file)``: errors name the file a person has to fix."""
    return display(path) if os.path.abspath(path) == str(real) else f"{display(path)} (-> {display(real)})"


def _umask() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # no /proc: read it the only other way, and put it back at once
    os.umask(mask)
    return mask


def read_only(path: Path) -> bool:
    """A file nobody may write (no write bit), or one this user may not write."""
    st = path.stat()
    return not stat.S_ISREG(st.st_mode) or not st.st_mode & 0o222 or not os.access(path, os.W_OK)


def check_writable(path: str | Path) -> None:
    """Raise OutputError now, before any work, if ``path`` cannot be written (or its folder created)."""
    p = Path(path)
    real = real_path(p)
    if real.exists():
        if real.is_dir():
            raise OutputError(f"{_named(p, real)}: is a directory, expected a file to write")
        if read_only(real):
            raise OutputError(f"{_named(p, real)}: is read-only; make it writable (chmod u+w) or choose "
                              "another output with -o")
    check_folder_writable(real.parent, shown=p.parent)


def check_folder_writable(folder: str | Path, *, shown: str | Path | None = None) -> None:
    """The nearest existing folder of ``folder`` must be a folder this user may create files in."""
    real = real_path(folder)
    probe = real
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    name = display(shown if shown is not None else folder)
    if not probe.is_dir():
        raise OutputError(f"{name}: cannot create the output folder ({display(probe)} is a file)")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise OutputError(f"{name}: the folder {display(probe)} is not writable; choose another output with -o")
    try:  # a read-only file system, /proc or a full disk says so only on a real attempt
        fd, tmp = tempfile.mkstemp(prefix=".bilingual-probe.", dir=probe)
        os.close(fd)
        os.unlink(tmp)
    except OSError as err:
        raise OutputError(f"{name}: cannot write in {display(probe)} ({err.strerror or err})") from err


_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clean_stale_temps(target: Path) -> list[Path]:
    """Remove temporary files an earlier write of ``target`` left behind when its process died."""
    removed = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP.match(entry.name)
        if m and m.group("name") == target.name and not _pid_alive(int(m.group("pid"))):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see either the old or the new file, never a torn one."""
    atomic_write_bytes(path, text.encode("utf-8", "surrogateescape"))


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write to a temporary file next to the real target, fsync it, then rename over the target.

    A symbolic link is written through (it stays a link); the new file gets the old file's mode, or
    0666 less the umask for a new one (never mkstemp's 0600); a read-only file is refused, not replaced.
    """
    shown = Path(path)
    target = real_path(shown)
    mode = None
    if target.exists():
        if target.is_dir():
            raise OutputError(f"{_named(shown, target)}: is a directory, expected a file to write")
        if read_only(target):
            raise OutputError(f"{_named(shown, target)}: is read-only; make it writable (chmod u+w) or choose "
                              "another output with -o")
        mode = stat.S_IMODE(target.stat().st_mode)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{_named(shown, target)}: cannot create its folder ({err.strerror or err})") from err
    clean_stale_temps(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise OutputError(f"{_named(shown, target)}: cannot write ({err.strerror or err})") from err
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), mode if mode is not None else 0o666 & ~_umask())
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(err, OSError):
            raise OutputError(f"{_named(shown, target)}: cannot write ({err.strerror or err}); "
                              "the file was left as it was") from err
        raise


def backup_paths(path: str | Path, count: int = DEFAULT_BACKUPS) -> list[Path]:
    """``file.bak.1`` (newest) ... ``file.bak.N`` (oldest), next to the real file."""
    real = real_path(path)
    return [real.with_name(f"{real.name}.bak.{i}") for i in range(1, count + 1)]


def keep_backup(path: str | Path, count: int = DEFAULT_BACKUPS, data: bytes | None = None) -> Path | None:
    """Keep the file (or ``data``, its known content) as ``.bak.1``, shifting older backups up to ``.bak.N``.

    Why numbered: with one ``.bak`` the second save overwrites the only copy of the first version. Without
    ``data`` the backup is a hard link to the file on disk where the file system allows (writes replace the
    file by a rename, so the link keeps the old version), else a copy.
    """
    if count < 1:
        return None
    real = real_path(path)
    if data is None and not real.exists():
        return None
    slots = backup_paths(real, count)
    try:
        if slots[-1].exists():
            slots[-1].unlink()
        for older, newer in zip(reversed(slots[:-1]), reversed(slots[1:])):
            if older.exists():
                os.replace(older, newer)
    except OSError as err:
        raise OutputError(f"{display(real)}: cannot keep a backup ({err.strerror or err}); nothing was written") from err
    if data is None:
        tmp = slots[0].with_name(f".{slots[0].name}.{os.getpid()}.link.tmp")
        try:
            tmp.unlink(missing_ok=True)
            os.link(real, tmp)
            os.replace(tmp, slots[0])
            return slots[0]
        except OSError:
            tmp.unlink(missing_ok=True)
            data = real.read_bytes()
    atomic_write_bytes(slots[0], data)
    if real.exists():
        os.chmod(slots[0], stat.S_IMODE(real.stat().st_mode) | 0o200)
    return slots[0]
