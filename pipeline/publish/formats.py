"""The registry of output formats and the one entry point that writes them.

Why a registry: the CLI, the config check and ``run`` all ask "which formats exist and where does each
go?" in one place, and a later format (as the review file is) is one ``register_format`` call away::

    register_format(OutputFormat("name", ".suffix", render_function, "what it holds"))
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.document import Document
from pipeline.errors import ConfigError, InputError
from pipeline.fileio import atomic_write_text


@dataclass(frozen=True)
class PublishOptions:
    layout: str = "side-by-side"
    #: File name of the bitext the document came from, for formats that name it (the review file).
    bitext_name: str = ""


@dataclass(frozen=True)
class OutputFormat:
    name: str
    #: Appended to the output base name; ``{tgt}`` becomes the target language code.
    suffix: str
    render: Callable[[Document, PublishOptions], str]
    help: str = ""

    def filename(self, stem: str, doc: Document) -> str:
        return stem + self.suffix.format(tgt=doc.meta.target_lang or "en")


FORMATS: dict[str, OutputFormat] = {}


def register_format(fmt: OutputFormat) -> None:
    FORMATS[fmt.name] = fmt


def _render_review(doc: Document, options: PublishOptions) -> str:
    from pipeline.errors import ReviewError
    from pipeline.review.textfile import write_review_text

    if not any(b.links for b in doc.blocks):
        raise ReviewError(f"{options.bitext_name or 'the document'} has no links yet; run align (or translate) first")
    return write_review_text(doc, options.bitext_name)


def _builtin() -> None:
    from pipeline.publish.html import render_html
    from pipeline.publish.tabular import render_jsonl, render_tsv
    from pipeline.publish.text import render_markdown, render_text
    from pipeline.publish.tmx import render_tmx
    from pipeline.publish.xliff import render_xliff

    for fmt in (
        OutputFormat("html", ".html", lambda d, o: render_html(d, o.layout), "interactive bilingual reading page"),
        OutputFormat("md", ".bilingual.md", lambda d, o: render_markdown(d), "bilingual Markdown, source then translation"),
        OutputFormat("txt", ".{tgt}.txt", lambda d, o: render_text(d), "the translation alone, structure kept"),
        OutputFormat("tmx", ".tmx", lambda d, o: render_tmx(d), "TMX 1.4b translation memory, one unit per link"),
        OutputFormat("xliff", ".xlf", lambda d, o: render_xliff(d), "XLIFF 2.1, segment states from link statuses"),
        OutputFormat("tsv", ".tsv", lambda d, o: render_tsv(d), "source, target, score, status, flags, ids"),
        OutputFormat("jsonl", ".jsonl", lambda d, o: render_jsonl(d), "one JSON object per link"),
        OutputFormat("review", ".review.txt", _render_review, "plain-text review file for apply-review"),
    ):
        register_format(fmt)


_builtin()


def parse_formats(spec: str | Iterable[str]) -> list[str]:
    """``"html,tmx, md"`` or a list -> known format names in the order given, without repeats."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    names = list(dict.fromkeys(n.strip().lower() for n in items if n.strip()))
    if not names:
        raise ConfigError(f"no output format given; choose from {', '.join(FORMATS)}")
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        raise ConfigError(f"unknown output format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    return names


def plan_outputs(
    doc: Document, formats: list[str], *, base: Path, output: Path | None = None, output_is_dir: bool = False
) -> dict[str, Path]:
    """Where each format goes.

    One format: ``output`` is the file (default: ``base`` + the format's suffix), unless it is an
    existing directory or ``output_is_dir``. Several formats: ``output`` is a directory (created if
    missing) holding ``<base name><suffix>`` per format; without ``output`` the files go next to ``base``.
    """
    if output is not None and len(formats) == 1 and not output.is_dir() and not output_is_dir:
        return {formats[0]: output}
    folder = output if output is not None else base.parent
    stem = base.name
    if output is not None and output.exists() and not output.is_dir():
        raise InputError(f"{output}: exists and is not a directory; with several formats -o names a directory")
    return {name: folder / FORMATS[name].filename(stem, doc) for name in formats}


def publish_document(
    doc: Document,
    formats: str | Iterable[str],
    output: str | Path | None = None,
    *,
    base: str | Path | None = None,
    layout: str = "side-by-side",
    protect: Iterable[str | Path] = (),
    bitext_name: str = "",
) -> dict[str, Path]:
    """Render every requested format and write each atomically; returns format -> path written.

    ``protect`` lists files that must never be overwritten (the bitext itself); the article named in
    ``doc.meta.source_file`` is always protected, since ``txt``/``md`` outputs can share its name.
    """
    names = parse_formats(formats)
    out = Path(output) if output is not None else None
    if base is None:
        if out is None:
            raise InputError("publish needs an output path or a base name")
        base = out.with_suffix("")
    as_dir = isinstance(output, str) and output.endswith(("/", os.sep))
    targets = plan_outputs(doc, names, base=Path(base), output=out, output_is_dir=as_dir)
    from pipeline.guard import check_io

    guarded = [Path(p) for p in protect]
    check_io([("bitext", p) for p in guarded], targets.values(),
             docs=[(doc, guarded[0] if guarded else None)])
    options = PublishOptions(layout=layout, bitext_name=bitext_name)
    rendered = {name: FORMATS[name].render(doc, options) for name in names}  # render all before writing any
    for name, path in targets.items():
        atomic_write_text(path, rendered[name])
    return targets
