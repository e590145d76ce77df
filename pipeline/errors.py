"""Error hierarchy. Library code raises these; only the CLI turns them into one-line messages and exit codes."""

from __future__ import annotations


def first_line(err: BaseException, limit: int = 200) -> str:
    """The first line of an error's message, cut to ``limit`` characters.

    Why: a library's exception (transformers, CTranslate2, the hub) can carry pages of text; a user's error
    stays one line, with the cause's own first line as the reason.
    """
    return (str(err).splitlines() or [""])[0][:limit]


class BilingualError(Exception):
    """Base of every error a user may see as a one-line message."""

    exit_code = 1


class InputError(BilingualError):
    """The article or another input file cannot be used (missing, empty, binary, wrong encoding...)."""


class ConfigError(BilingualError):
    """The configuration file or a command-line setting is invalid."""

    exit_code = 2


class BitextError(BilingualError):
    """A bitext file is corrupt, truncated, of a newer schema or otherwise unreadable."""


class ModelError(BilingualError):
    """A translation or embedding model cannot be loaded or used (corrupt files, unknown language code...)."""


class ModelNotAvailableError(ModelError):
    """The model is not on this machine and cannot be downloaded (offline, no hub access, no conversion)."""

    exit_code = 3  # only this: scripts (and `make demo`) fall back to another model on 3, never on a broken one


class MemoryStoreError(BilingualError):
    """A store kept to save time (the translation memory) cannot be read or written: a disk, not a setting."""


class AlignmentError(BilingualError):
    """Alignment cannot be computed from the given inputs."""


class ReviewError(BilingualError):
    """A review edit cannot be applied (malformed review file, stale document...)."""


class OutputError(BilingualError):
    """An output cannot be written: it is one of the inputs, read-only, in a folder that cannot be written,
    or it would replace a person's work without ``--force``."""
