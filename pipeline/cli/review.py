"""Review commands: ``review`` (browser editor) and ``apply-review`` (plain-text round trip).

Kept apart from cli.py so the review feature stays in one place; cli.py registers these commands.
"""

from __future__ import annotations

import click

from pipeline.errors import ReviewError


@click.command(epilog="\b\nExample:\n  bilingual review output/belgorod.id/belgorod.id.bitext.json\n"
                      "  bilingual review doc.bitext.json --port 8765 --no-browser")
@click.argument("bitext", type=click.Path(dir_okay=False))
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port on 127.0.0.1 (0 = any free port).")
@click.option("--no-browser", is_flag=True, help="Only print the URL; do not open a browser.")
@click.option("--no-qe", is_flag=True, help="Do not estimate the quality of translations that have no estimate.")
def review(bitext: str, port: int, no_browser: bool, no_qe: bool) -> None:
    """Check and fix links and translations in a local browser editor; every change is saved at once.

    Machine translations without a quality estimate get one first (see `bilingual qe`), so doubtful
    sentences are marked for review with their reason.
    """
    import webbrowser

    from pipeline.review.server import make_server

    if not no_qe:
        from pipeline.cli.qe import fill_missing

        fill_missing(bitext, quiet=False)

    server, url = make_server(bitext, port)
    click.echo(f"reviewing {bitext}; open {url}", err=True)
    click.echo("press Ctrl+C to stop (every change is already saved)", err=True)
    if not no_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("review stopped", err=True)
    finally:
        server.server_close()


@click.command("apply-review", epilog="\b\nExamples:\n  bilingual publish doc.bitext.json --format review -o doc.review.txt\n"
                                      "  (edit doc.review.txt)\n  bilingual apply-review doc.review.txt doc.bitext.json\n"
                                      "  bilingual apply-review doc.xliff12.xlf doc.bitext.json   # back from OmegaT\n"
                                      "  bilingual apply-review doc.tsv doc.bitext.json           # back from a spreadsheet")
@click.argument("review_file", type=click.Path(dir_okay=False))
@click.argument("bitext", type=click.Path(dir_okay=False))
def apply_review(review_file: str, bitext: str) -> None:
    """Apply an edited review file, XLIFF (1.2 or 2.x) or TSV export to its bitext; on any mistake nothing changes."""
    from pipeline.fileio import read_text_input
    from pipeline.review.storage import BitextFile
    from pipeline.review.textfile import apply_review_text, remember_applied

    from pipeline.errors import BitextError

    text = read_text_input(review_file, what="review file")
    try:
        target = BitextFile(bitext)
    except BitextError as err:
        if text.lstrip().startswith("{"):
            raise BitextError(f"{err} (the arguments are REVIEW_FILE then BITEXT; were they swapped?)") from None
        raise
    from pipeline.review.from_exports import apply_export_text, is_export

    try:
        new = apply_export_text(text, target.doc) if is_export(text) else apply_review_text(text, target.doc)
    except ReviewError as err:
        raise ReviewError(f"{review_file}: {err}") from None
    if new is target.doc:
        click.echo(f"no changes in {review_file}; {bitext} left as it was", err=True)
        return
    remember_applied(text, new)
    backup = target.save(new)
    click.echo(f"applied {review_file} to {bitext} (backup in {backup.name})", err=True)

