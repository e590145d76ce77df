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

from pipeline.bitext.document import LINK_STATUSES, Document
from pipeline.errors import ConfigError, InputError
from pipeline.fileio import atomic_write_text


@dataclass(frozen=True)
class PublishOptions:
    layout: str = "side-by-side"
    #: File name of the bitext the document came from, for formats that name it (the review file).
    bitext_name: str = ""
    #: Images on the page: "placeholder" (nothing loaded) or "load" (lazy <img> tags).
    images: str = "placeholder"
    #: The page marks links that need review (off: the reader's edition).
    review_marks: bool = False
    #: Only links of these statuses in the pair formats (tmx, xliff, xliff12, tsv, jsonl); None: all.
    statuses: tuple[str, ...] | None = None
    #: Start tsv with a UTF-8 byte order mark, so Excel reads it as UTF-8.
    bom: bool = False


#: Formats made of one record per link, which ``--status`` filters.
PAIR_FORMATS = ("tmx", "xliff", "xliff12", "tsv", "jsonl")


@dataclass(frozen=True)
class OutputFormat:
    name: str
    #: Appended to the output base name; ``{tgt}`` becomes the target language code.
    suffix: str
    render: Callable[[Document, PublishOptions], str]
    help: str = ""

    def filename(self, stem: str, doc: Document) -> str:
        from pipeline.publish.target import target_suffix

        return stem + self.suffix.format(tgt=doc.meta.target_lang or "en", ext=target_suffix(doc))


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
    from pipeline.publish.target import render_target
    from pipeline.publish.markdown import render_markdown, render_text
    from pipeline.publish.tmx import render_tmx
    from pipeline.publish.xliff import render_xliff
    from pipeline.publish.xliff12 import render_xliff12

    for fmt in (
        OutputFormat("html", ".html", lambda d, o: render_html(d, o.layout, o.images, review_marks=o.review_marks),
                     "interactive bilingual reading page"),
        OutputFormat("md", ".bilingual.md", lambda d, o: render_markdown(d), "bilingual Markdown, source then translation"),
        OutputFormat("txt", ".{tgt}.txt", lambda d, o: render_text(d), "the translation alone, structure kept"),
        OutputFormat("target", ".{tgt}{ext}", lambda d, o: render_target(d),
                     "the translation alone in the source's format (Markdown: a drop-in replacement)"),
        OutputFormat("tmx", ".tmx", lambda d, o: render_tmx(d, o.statuses), "TMX 1.4b translation memory, one unit per link"),
        OutputFormat("xliff", ".xlf", lambda d, o: render_xliff(d, o.statuses), "XLIFF 2.1, segment states from link statuses"),
        OutputFormat("xliff12", ".xliff12.xlf", lambda d, o: render_xliff12(d, o.statuses),
                     "XLIFF 1.2 (OmegaT, Okapi), one trans-unit per link"),
        OutputFormat("tsv", ".tsv", lambda d, o: render_tsv(d, o.statuses, bom=o.bom), "source, target, score, status, flags, ids"),
        OutputFormat("jsonl", ".jsonl", lambda d, o: render_jsonl(d, o.statuses), "one JSON object per link"),
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


def parse_statuses(spec: str | Iterable[str]) -> tuple[str, ...]:
    """``"confirmed,edited"`` -> known link statuses (``needs-review`` may be spelt with a hyphen)."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    names = tuple(dict.fromkeys(n.strip().lower().replace("-", "_") for n in items if n.strip()))
    if not names:
        raise ConfigError(f"no link status given; choose from {', '.join(LINK_STATUSES)}")
    unknown = [n for n in names if n not in LINK_STATUSES]
    if unknown:
        raise ConfigError(f"unknown link status {unknown[0]!r}; choose from {', '.join(LINK_STATUSES)}")
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
    images: str = "placeholder",
    review_marks: bool = False,
    statuses: Iterable[str] | None = None,
    bom: bool = False,
) -> dict[str, Path]:
    """Render every requested format and write each atomically; returns format -> path written.

    ``protect`` lists files that must never be overwritten (the bitext itself); the article named in
    ``doc.meta.source_file`` is always protected, since ``txt``/``md`` outputs can share its name.
    """
    names = parse_formats(formats)
    keep = parse_statuses(statuses) if statuses is not None else None
    if keep is not None and not any(n in PAIR_FORMATS for n in names):
        raise ConfigError(f"--status filters the formats {', '.join(PAIR_FORMATS)}; none of them was asked for")
    out = Path(output) if output is not None else None
    if base is None:
        if out is None:
            raise InputError("publish needs an output path or a base name")
        base = out.with_suffix("")
    as_dir = isinstance(output, str) and output.endswith(("/", os.sep))
    targets = plan_outputs(doc, names, base=Path(base), output=out, output_is_dir=as_dir)
    from pipeline.bitext.guard import check_io

    guarded = [Path(p) for p in protect]
    check_io([("bitext", p) for p in guarded], targets.values(),
             docs=[(doc, guarded[0] if guarded else None)])
    options = PublishOptions(layout=layout, bitext_name=bitext_name, review_marks=review_marks, statuses=keep, bom=bom,
                             images=images)
    rendered = {name: FORMATS[name].render(doc, options) for name in names}  # render all before writing any
    for name, path in targets.items():
        atomic_write_text(path, rendered[name])
    return targets
