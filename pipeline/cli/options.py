"""What several commands share: the config with command-line overrides, an article's output name, and the
click options for inputs, models and translation.

Why one module: ``translate`` and ``run`` take the same translation options, and every command that reads an
article takes the same input options; declared once, their help and defaults cannot drift apart.
"""

from __future__ import annotations

import click

from pipeline.config import Config, load_config
from pipeline.registry import ENGINES, INPUT_FORMATS, QUANTIZE


def command_config(config_path: str | None, **overrides: object) -> Config:
    config = load_config(config_path)
    for dotted, value in overrides.items():
        if value is None:
            continue
        section, key = dotted.split("__", 1)
        if dotted == "translate__model" and value != config.translate.model:
            config.translate.revision = "main"  # the configured revision pins the configured model, not this one
        setattr(getattr(config, section), key, value)
    from pipeline.config import validate

    validate(config, "command line")
    return config


def output_stem(article: str) -> str:
    if article != "-":
        from pipeline.segment.web.fetch import is_url

        if is_url(article):
            from pipeline.segment.sources import url_stem

            return url_stem(article)
    from pipeline.rerun import stem_for

    return stem_for(article)


def progress_bar(quiet: bool):  # type: ignore[no-untyped-def]
    from pipeline.progress import TerminalProgress

    return None if quiet else TerminalProgress(desc="translating", unit="sent")


def translate_options(f):  # type: ignore[no-untyped-def]
    """The translate options shared by `translate` and `run`."""
    f = click.option("--no-memory", "no_memory", is_flag=True, default=None,
                     help="Do not read or write the translation memory.")(f)
    f = click.option("--beam-size", type=click.IntRange(1, 64), help="Beam size (1 = greedy).")(f)
    f = click.option("--quantize", type=click.Choice(QUANTIZE), help="int8: faster on a CPU.")(f)
    f = click.option("--engine", type=click.Choice(ENGINES.names()),
                     help="ctranslate2 needs `bilingual models convert MODEL` once.")(f)
    return f


def translate_overrides(engine: str | None, quantize: str | None, beam_size: int | None,
                        no_memory: bool | None) -> dict[str, object]:
    return {"translate__engine": engine, "translate__quantize": quantize, "translate__beam_size": beam_size,
            "translate__use_memory": False if no_memory else None}


config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML config file.")


encoding_option = click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the article.")


format_option = click.option(
    "--input-format", "fmt", type=click.Choice(INPUT_FORMATS), default="auto",
    show_default=True,
    help="Article format; auto: .md is Markdown, .html/.htm or a page starting <!DOCTYPE html>/<html> is a web page, "
         "a URL by what the server sends; else plain text.",
)


def web_options(f):  # type: ignore[no-untyped-def]
    """Options for an article given as a URL."""
    f = click.option("--timeout", type=click.FloatRange(0.1, 600), default=20.0, show_default=True,
                     help="Seconds to wait for a web server (URL input).")(f)
    f = click.option("--ignore-robots", is_flag=True, help="Fetch a URL even where the site's robots.txt forbids it.")(f)
    return f


def fetch_options(timeout: float, ignore_robots: bool):  # type: ignore[no-untyped-def]
    from pipeline.segment.web.fetch import FetchOptions

    return FetchOptions(timeout=timeout, respect_robots=not ignore_robots)


def note(message: str) -> None:
    click.echo(f"bilingual: {message}", err=True)


model_option = click.option("--model", help="Hub model name or local model directory.")


quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress output.")


force_option = click.option("--force", is_flag=True,
                            help="Replace a bitext that holds translations or reviews (a numbered backup is kept).")
