"""The registry of output formats and the one entry point that writes them.

Why through the registry (``pipeline.registry.FORMATS``): the CLI, the config check and ``run`` all ask
"which formats exist and where does each go?" without importing a renderer; each renderer is imported
when its format is written. A plug-in's format is one ``register_format`` call away::

    register_format(OutputFormat("name", ".suffix", render_function, "what it holds"))
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.bitext.document import LINK_STATUSES, Document
from pipeline.bitext.guard import check_io
from pipeline.config import PublishConfig
from pipeline.errors import ConfigError, InputError
from pipeline.fileio import atomic_write_text
from pipeline.registry import FORMATS as FORMAT_NAMES
from pipeline.registry import PAIR_FORMATS, parse_names
from pipeline.stages import StageResult, require


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


def _lazy(name: str) -> Callable[[Document, PublishOptions], str]:
    """The renderer of ``name``, imported on the first call: ``import pipeline.cli`` loads no renderer."""
    def render(doc: Document, options: PublishOptions) -> str:
        return FORMAT_NAMES.load(name)(doc, options)  # type: ignore[no-any-return]
    return render


FORMATS: dict[str, OutputFormat] = {
    e.name: OutputFormat(e.name, e.suffix, _lazy(e.name), e.help) for e in FORMAT_NAMES
}


def register_format(fmt: OutputFormat) -> None:
    """A format of a plug-in or a test, next to the built-in ones (which ``pipeline.registry`` lists)."""
    FORMATS[fmt.name] = fmt


# The built-in renderers behind one signature; the registry (pipeline/registry.py) names them.
def render_page(doc: Document, o: PublishOptions) -> str:
    from pipeline.publish.html import render_html

    return render_html(doc, o.layout, o.images, review_marks=o.review_marks)


def render_bilingual_markdown(doc: Document, o: PublishOptions) -> str:
    from pipeline.publish.markdown import render_markdown

    return render_markdown(doc)


def render_translation_text(doc: Document, o: PublishOptions) -> str:
    from pipeline.publish.markdown import render_text

    return render_text(doc)


def render_drop_in(doc: Document, o: PublishOptions) -> str:
    from pipeline.publish.target import render_target

    return render_target(doc)


def render_tmx_file(doc: Document, o: PublishOptions) -> str:
    from pipeline.publish.tmx import render_tmx

    return render_tmx(doc, o.statuses)


def render_xliff_file(doc: Document, o: PublishOptions) -> str:
    from pipeline.publish.xliff import render_xliff

    return render_xliff(doc, o.statuses)


def render_xliff12_file(doc: Document, o: PublishOptions) -> str:
    from pipeline.publish.xliff12 import render_xliff12

    return render_xliff12(doc, o.statuses)


def render_tsv_file(doc: Document, o: PublishOptions) -> str:
    from pipeline.publish.tabular import render_tsv

    return render_tsv(doc, o.statuses, bom=o.bom)


def render_jsonl_file(doc: Document, o: PublishOptions) -> str:
    from pipeline.publish.tabular import render_jsonl

    return render_jsonl(doc, o.statuses)


def render_review_file(doc: Document, o: PublishOptions) -> str:
    from pipeline.publish.review_file import write_review_text

    require(doc, "review", o.bitext_name)
    return write_review_text(doc, o.bitext_name)


def parse_formats(spec: str | Iterable[str]) -> list[str]:
    """``"html,tmx, md"`` or a list -> known format names (built-in or registered) in the order given."""
    return parse_names(spec, FORMATS, "output format")


def parse_statuses(spec: str | Iterable[str]) -> tuple[str, ...]:
    """``"confirmed,edited"`` -> known link statuses (``needs-review`` may be spelt with a hyphen)."""
    return tuple(parse_names(spec, LINK_STATUSES, "link status"))


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


@dataclass
class PublishReport:
    """What publish wrote: each format's file, in the order the formats were asked for."""

    written: dict[str, Path]


def publish(
    doc: Document,
    section: PublishConfig,
    *,
    formats: str | Iterable[str] | None = None,
    output: str | Path | None = None,
    base: str | Path | None = None,
    protect: Iterable[str | Path] = (),
    bitext_name: str = "",
    statuses: Iterable[str] | None = None,
    bom: bool = False,
) -> StageResult[PublishReport]:
    """Render every requested format (default: ``section.formats``) and write each atomically.

    The page's layout, images and review marks come from ``section``. ``output`` is the file of the one
    format or, ending in a path separator, a directory; without it the files go next to ``base``.
    ``protect`` lists files that must never be overwritten (the bitext itself); the article named in
    ``doc.meta.source_file`` is always protected, since ``txt``/``md`` outputs can share its name.
    """
    require(doc, "publish", bitext_name)
    names = parse_formats(formats if formats is not None else section.formats)
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
    guarded = [Path(p) for p in protect]
    check_io([("bitext", p) for p in guarded], targets.values(),
             docs=[(doc, guarded[0] if guarded else None)])
    options = PublishOptions(layout=section.layout, bitext_name=bitext_name, review_marks=section.review_marks,
                             statuses=keep, bom=bom, images=section.images)
    rendered = {name: FORMATS[name].render(doc, options) for name in names}  # render all before writing any
    for name, path in targets.items():
        atomic_write_text(path, rendered[name])
    return StageResult(doc, PublishReport(targets))
