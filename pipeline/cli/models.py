"""``bilingual models``: the local model store (pull, list, remove, convert)."""

from __future__ import annotations

import click

from pipeline.registry import CONVERSION_QUANTIZATIONS


def _revision(name: str, revision: str | None) -> str:
    """The revision asked for, or the configured one when NAME is the configured model (its pinned commit)."""
    if revision:
        return revision
    from pipeline.config import load_config

    t = load_config().translate
    return t.revision if name == t.model else "main"


_REVISION_HELP = "Branch, tag or commit on the hub [default: the configured commit of the configured model, else main]."

@click.group(epilog="\b\nExample:\n  bilingual models pull Helsinki-NLP/opus-mt-id-en\n  bilingual models convert "
             "Helsinki-NLP/opus-mt-id-en --quantization int8\n  bilingual models list")
def models() -> None:
    """Manage translation models in models/ (or $BILINGUAL_MODELS_DIR)."""


@models.command()
@click.argument("name")
@click.option("--revision", help=_REVISION_HELP)
def pull(name: str, revision: str | None) -> None:
    """Download NAME from the Hugging Face hub into models/ and record its exact commit."""
    from pipeline.translate.hub.store import human_size, pull_model

    m = pull_model(name, _revision(name, revision))
    click.echo(f"pulled {m.name} @ {m.revision} into {m.path} ({human_size(m.size)})", err=True)


@models.command(name="list")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Also list models in the Hugging Face hub cache.")
def list_(cache: bool) -> None:
    """Show local models with size, source and revision."""
    from pipeline.translate.hub.resolve import default_models_dir
    from pipeline.translate.hub.store import human_size, list_cached_models, list_models

    rows = list_models() + (list_cached_models() if cache else [])
    if not rows:
        click.echo(f"no models in {default_models_dir()}; get one with `bilingual models pull NAME`", err=True)
        return
    width = max(len(m.name) for m in rows)
    for m in rows:
        click.echo(f"{m.name:<{width}}  {human_size(m.size):>9}  {m.kind:<16}  {m.source}  {m.revision}")


@models.command()
@click.argument("name")
def remove(name: str) -> None:
    """Delete NAME (as shown by `models list`) from models/."""
    from pipeline.translate.hub.store import remove_model

    path = remove_model(name)
    click.echo(f"removed {path}", err=True)


@models.command()
@click.argument("name")
@click.option("--quantization", type=click.Choice(CONVERSION_QUANTIZATIONS),
              default="int8", show_default=True, help="Weight type of the converted model.")
@click.option("--revision", help=_REVISION_HELP)
def convert(name: str, quantization: str, revision: str | None) -> None:
    """Convert NAME (hub name or local directory) for the CTranslate2 engine, into models/NAME.ct2."""
    from pipeline.translate.hub.convert import convert_model
    from pipeline.translate.hub.store import human_size
    from pipeline.translate.process import quiet_transformers

    quiet_transformers()
    m = convert_model(name, _revision(name, revision), quantization)
    click.echo(f"converted {name} into {m.path} ({m.kind}, {human_size(m.size)})", err=True)
